# drive_atspi.py: the tools of drive.py's scenarios: the names every
# module shares (the screen, the procedure, the locales, Failure, log), the
# accessibility tree (AT-SPI through Debian's python3-pyatspi, loaded by
# load_pyatspi once the session's bus runs) to find controls by their
# accessible names and read them, xdotool to click, drag and type, and
# screenshots and their pixels compared with images.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time


# The X server's screen: a test may ask for another (JA_DIALOG_SCREEN).
SCREEN = os.environ.get("JA_DIALOG_SCREEN", "1280x1024x24")
PROCEDURE = "plug-in-jpeg-artifacts"
PLUGIN_NAME = "gimp-jpeg-artifacts"


class Failure(Exception):
    pass


class NoFocus(Failure):
    """A click into a control did not give it the keyboard focus."""


def log(*words):
    print("[%6.2f]" % (time.monotonic() - START), *words, flush=True)


START = time.monotonic()


# ---------------------------------------------------------------- AT-SPI

class _Pyatspi:
    """The pyatspi module once load_pyatspi has imported it.  drive.py's
    modules (and tests/gimp3/dialog3.py, as drive.pyatspi) import this one
    object, which load_pyatspi fills in, and read the module's names
    through it."""
    module = None

    def __getattr__(self, name):
        return getattr(self.module, name)


pyatspi = _Pyatspi()


def load_pyatspi():
    import pyatspi as module
    pyatspi.module = module


def wait_for(what, predicate, timeout, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception as error:  # the tree changes under our feet
            value = None
            last_error = error
        else:
            last_error = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure("timed out after %ds waiting for %s%s" % (
                timeout, what,
                " (%s)" % last_error if last_error else ""))
        time.sleep(interval)


def dialog_window(app_names, title="JPEG Artifacts"):
    """The dialog window, whose title starts with TITLE, among the
    applications on the desktop now, or None."""
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None or app.name not in app_names:
            continue
        for window in app:
            if window is not None and window.name.startswith(title):
                if window.getState().contains(pyatspi.STATE_SHOWING):
                    return window
    return None


def find_dialog(app_names, timeout, title="JPEG Artifacts"):
    """The dialog window, waited for up to TIMEOUT seconds."""
    return wait_for("the JPEG Artifacts dialog",
                    lambda: dialog_window(app_names, title), timeout)


def find(root, role, name, timeout=10):
    def search():
        return pyatspi.findDescendant(
            root, lambda o: o is not None and o.getRole() == role
            and o.name == name)
    return wait_for("%s '%s'" % (role, name), search, timeout)


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def value_of(accessible):
    return accessible.queryValue().currentValue


def find_named(root, name, prefix=False, timeout=10):
    """The descendant of ROOT named NAME (or whose name starts with it),
    whatever its role."""
    def search():
        return pyatspi.findDescendant(
            root, lambda o: o is not None and (
                o.name.startswith(name) if prefix else o.name == name))
    return wait_for("'%s'" % name, search, timeout)


def is_sensitive(accessible):
    return accessible.getState().contains(pyatspi.STATE_SENSITIVE)


def combo_items(combo):
    """The names of a combo box's items, in order."""
    menu = combo.getChildAtIndex(0)
    return [menu.getChildAtIndex(i).name for i in range(menu.childCount)]


def combo_selected(combo):
    """The name of a combo box's active item, or None."""
    selection = combo.querySelection()
    if selection.nSelectedChildren < 1:
        return None
    return selection.getSelectedChild(0).name


def combo_select(combo, name):
    """Makes NAME the combo box's active item, as a person picking it from
    the list would."""
    items = combo_items(combo)
    if name not in items:
        raise Failure("the combo '%s' has no item '%s': %r"
                      % (combo.name, name, items))
    combo.querySelection().selectChild(items.index(name))
    wait_for("'%s' in '%s'" % (name, combo.name),
             lambda: combo_selected(combo) == name, 5)
    log("picked '%s' in '%s'" % (name, combo.name))


def extents(accessible):
    e = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


# ---------------------------------------------------------------- X input


def xdotool(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)


def reveal(accessible):
    """Gives ACCESSIBLE the keyboard focus, which scrolls the dialog's
    controls to it, and waits until it stays put inside its window."""
    window = accessible
    while window.parent is not None and \
            window.getRole() not in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME):
        window = window.parent
    accessible.queryComponent().grabFocus()
    last = [None]

    def settled():
        x, y, w, h = extents(accessible)
        wx, wy, ww, wh = extents(window)
        inside = x >= wx and y >= wy and x + w <= wx + ww \
            and y + h <= wy + wh and w > 0 and h > 0
        still = last[0] == (x, y, w, h)
        last[0] = (x, y, w, h)
        return inside and still
    wait_for("'%s' to show" % accessible.name, settled, 5, interval=0.3)
    return accessible


def click(accessible):
    x, y, w, h = extents(accessible)
    xdotool("mousemove", "--sync", x + w // 2, y + h // 2)
    xdotool("click", "1")


def click_into(accessible):
    """Clicks into the text of an entry or a spin button, a little right
    of its left edge, which puts the keyboard focus there, and waits until
    it has the focus: keys sent before the application has handled the
    click go to the control that had the focus (a GIMP built with the
    sanitizers lost a typed value so)."""
    x, y, w, h = extents(accessible)
    xdotool("mousemove", "--sync", x + min(20, w // 4), y + h // 2)
    xdotool("click", "1")
    try:
        wait_for("the keyboard focus in %s" % (
            accessible.name or accessible.getRoleName()),
            lambda: accessible.getState().contains(pyatspi.STATE_FOCUSED), 5)
    except Failure as failure:
        raise NoFocus(str(failure)) from None


def type_into_entry(accessible, text):
    """Clicks into a text entry, replaces its text with TEXT."""
    click_into(accessible)
    time.sleep(0.1)
    xdotool("key", "ctrl+a")
    if text:
        xdotool("type", "--delay", "20", text)
    else:
        xdotool("key", "BackSpace")


def type_into_spin(accessible, value):
    """Clicks into a spin button's entry, replaces its text, presses Tab."""
    type_into_entry(accessible, str(value))
    xdotool("key", "Tab")


def drag_slider(slider, to_fraction):
    """Presses on a horizontal slider's knob and drags it to TO_FRACTION of
    its length."""
    value = slider.queryValue()
    low, high = value.minimumValue, value.maximumValue
    x, y, w, h = extents(slider)
    margin = 10
    frac = (value.currentValue - low) / (high - low)
    x0 = x + margin + frac * (w - 2 * margin)
    x1 = x + margin + to_fraction * (w - 2 * margin)
    cy = y + h // 2
    xdotool("mousemove", "--sync", int(x0), cy)
    xdotool("mousedown", "1")
    steps = 8
    for i in range(1, steps + 1):
        xdotool("mousemove", "--sync", int(x0 + (x1 - x0) * i / steps), cy)
        time.sleep(0.03)
    xdotool("mouseup", "1")


# ---------------------------------------------------------------- pixels


def screenshot(path):
    """The whole screen, with the pointer parked in a corner so that no
    tooltip covers the dialog."""
    xdotool("mousemove", 0, 0)
    time.sleep(0.3)
    subprocess.run(["import", "-window", "root", path], check=True)
    log("screenshot", path)


def rgb_bytes(path, crop=None):
    """The pixels of an image file as packed 8-bit RGB, and its size."""
    command = ["convert", path]
    if crop is not None:
        command += ["-crop", "%dx%d+%d+%d" % crop, "+repage"]
    size = subprocess.run(
        ["identify", "-format", "%w %h", path] if crop is None else
        ["echo", "%d %d" % (crop[0], crop[1])],
        check=True, capture_output=True, text=True).stdout.split()
    data = subprocess.run(command + ["-depth", "8", "rgb:-"], check=True,
                          capture_output=True).stdout
    return data, int(size[0]), int(size[1])


def preview_matches(shot, preview_box, result_png):
    """Checks that the preview, at 100 %, shows exactly RESULT_PNG's pixels:
    the layer is centred in the preview widget."""
    result, lw, lh = rgb_bytes(result_png)
    return preview_shows(shot, preview_box, result, lw, lh)


def layer_in_preview(preview_box, lw, lh):
    """Where the preview widget at PREVIEW_BOX, at 100 %, shows an LW x LH
    layer (centred): the layer's origin OX, OY and the widget's columns
    X_FROM..X_TO and rows Y_FROM..Y_TO that show it, relative to the
    widget."""
    px, py, pw, ph = preview_box
    ox = (pw - lw + 1) // 2 if pw >= lw else -((lw - pw) // 2)
    oy = (ph - lh + 1) // 2 if ph >= lh else -((lh - ph) // 2)
    x_from, x_to = max(0, ox), min(pw, ox + lw)
    y_from, y_to = max(0, oy), min(ph, oy + lh)
    if x_to - x_from < 64 or y_to - y_from < 64:
        raise Failure("the preview shows too little of the layer: %r"
                      % (preview_box,))
    return ox, oy, x_from, x_to, y_from, y_to


def preview_shows(shot, preview_box, result, lw, lh, skip_top=0):
    """Checks that the preview, at 100 %, shows exactly the packed RGB
    pixels RESULT (LW x LH), centred in the preview widget, leaving out
    the SKIP_TOP rows at the widget's top (where a badge is drawn)."""
    px, py, pw, ph = preview_box
    screen, sw, sh = rgb_bytes(shot)
    ox, oy, x_from, x_to, y_from, y_to = layer_in_preview(preview_box, lw, lh)
    y_from = max(y_from, skip_top)
    if y_to - y_from < 64:
        raise Failure("the preview shows too little of the layer: %r"
                      % (preview_box,))
    mismatches = 0
    for sy in range(y_from, y_to):
        s0 = ((py + sy) * sw + px + x_from) * 3
        s1 = ((py + sy) * sw + px + x_to) * 3
        r0 = ((sy - oy) * lw + x_from - ox) * 3
        r1 = ((sy - oy) * lw + x_to - ox) * 3
        if screen[s0:s1] != result[r0:r1]:
            mismatches += 1
    log("preview vs result: %d of %d rows differ over %dx%d pixels"
        % (mismatches, y_to - y_from, x_to - x_from, y_to - y_from))
    return mismatches == 0


def same_pixels(a, b):
    return rgb_bytes(a) == rgb_bytes(b)


# The locale each --language runs GIMP in.
LOCALES = {"de": "de_DE.UTF-8"}


def language_env(language, localedir):
    """The environment's variables that make the plug-in (and GIMP) speak
    LANGUAGE with the catalogues in LOCALEDIR, the build's po/.  gettext
    ignores LANGUAGE in the C locale; a language with no locale in LOCALES
    (tools/setup-debian.sh generates de_DE.UTF-8 only) is spoken in the
    German locale, LANGUAGE choosing its catalogue: only numbers are then
    written the German way."""
    locale = LOCALES.get(language, LOCALES["de"])
    return {"LANG": locale, "LC_ALL": locale, "LANGUAGE": language,
            "JPEG_ARTIFACTS_LOCALEDIR": localedir}
