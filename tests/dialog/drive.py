#!/usr/bin/python3
# drive.py: drives the JPEG Artifacts dialog as a person would, through the
# accessibility tree (AT-SPI, Debian's python3-pyatspi) to find controls by
# their accessible names and read them, and through xdotool to click, drag
# and press keys, inside a private X server (Xvfb) and D-Bus session.  Each
# scenario is one meson test: it runs the dialog either in the test harness
# (tests/dialog/dialog-harness, the dialog on an image file) or inside a
# real GIMP 2.10 that opens the image and calls the plug-in interactively
# from a Script-Fu batch, then checks what the dialog wrote.  Screenshots
# (import -window root) go to the log folder for a person to look at.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

SCREEN = "1280x1024x24"
PROCEDURE = "plug-in-jpeg-artifacts"
PLUGIN_NAME = "gimp-jpeg-artifacts"


class Failure(Exception):
    pass


def log(*words):
    print("[%6.2f]" % (time.monotonic() - START), *words, flush=True)


START = time.monotonic()


# ---------------------------------------------------------------- session


def reexec_in_session(argv, error_file, script=None):
    """Runs SCRIPT (default: this one) again inside dbus-run-session and
    xvfb-run, which keeps the X server's own messages in ERROR_FILE."""
    env = dict(os.environ)
    env["JA_DIALOG_SESSION"] = "1"
    env.pop("NO_AT_BRIDGE", None)
    command = [
        "dbus-run-session", "--",
        # -a finds a free display from -n on; a start that differs from
        # run to run keeps two tests (or a server still shutting down)
        # off the same display.
        "xvfb-run", "-a", "-n", str(100 + os.getpid() % 800),
        "-e", error_file,
        "-s", "-screen 0 %s -nolisten tcp" % SCREEN,
        "/usr/bin/python3", script or os.path.abspath(__file__)] + argv
    return subprocess.call(command, env=env)


def wait_for_display(timeout=20):
    """Waits until the X server xvfb-run started answers: now and then the
    first client of a fresh Xvfb was refused ("cannot open display")."""
    def answers():
        return subprocess.run(
            ["xdotool", "getdisplaygeometry"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0
    wait_for("the X server %s" % os.environ.get("DISPLAY"), answers,
             timeout, interval=0.1)


def start_accessibility():
    """Starts the AT-SPI bus of this D-Bus session; GTK 3 apps started after
    it, with GTK_MODULES=gail:atk-bridge for GTK 2 ones, publish their
    widgets on it."""
    launcher = subprocess.Popen(
        ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["GTK_MODULES"] = "gail:atk-bridge"
    os.environ["NO_AT_BRIDGE"] = "0"
    os.environ.pop("NO_AT_BRIDGE")
    time.sleep(0.5)
    return launcher


# ---------------------------------------------------------------- AT-SPI

pyatspi = None


def load_pyatspi():
    global pyatspi
    import pyatspi as module
    pyatspi = module


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


def type_into_entry(accessible, text):
    """Clicks into a text entry, replaces its text with TEXT."""
    x, y, w, h = extents(accessible)
    xdotool("mousemove", "--sync", x + min(20, w // 4), y + h // 2)
    xdotool("click", "1")
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


# ---------------------------------------------------------------- dialog


class Dialog:
    def __init__(self, window, title="JPEG Artifacts"):
        self.window = window
        self.title = title

    def control(self, role, name):
        return find(self.window, role, name)

    def spin(self, name):
        return self.control(pyatspi.ROLE_SPIN_BUTTON, name)

    def slider(self, name):
        return self.control(pyatspi.ROLE_SLIDER, name)

    def button(self, name):
        return self.control(pyatspi.ROLE_PUSH_BUTTON, name)

    def focus(self):
        """Gives the dialog's window the keyboard, as clicking its title bar
        would (there is no window manager)."""
        xdotool("search", "--limit", "1", "--name", "^" + self.title,
                "windowfocus", "--sync")

    def status(self):
        return text_of(self.control(pyatspi.ROLE_LABEL, "Status"))

    def check_names(self, translate=lambda name: name, hidden=()):
        """Every control the issue lists is there under its name, as
        TRANSLATE gives it in the dialog's language, but those named in
        HIDDEN, which must not show (GIMP 3's dialog has no "Apply to")."""
        wanted = [
            (pyatspi.ROLE_COMBO_BOX, "Preset"),
            (pyatspi.ROLE_PUSH_BUTTON, "Save preset"),
            (pyatspi.ROLE_PUSH_BUTTON, "Delete preset"),
            (pyatspi.ROLE_SLIDER, "Quality"),
            (pyatspi.ROLE_SPIN_BUTTON, "Quality"),
            (pyatspi.ROLE_SLIDER, "Generations"),
            (pyatspi.ROLE_SPIN_BUTTON, "Generations"),
            (pyatspi.ROLE_COMBO_BOX, "Subsampling"),
            (pyatspi.ROLE_COMBO_BOX, "DCT method"),
            (pyatspi.ROLE_COMBO_BOX, "Decode as"),
            (pyatspi.ROLE_SLIDER, "Quality jitter"),
            (pyatspi.ROLE_SLIDER, "Grid drift"),
            (pyatspi.ROLE_SPIN_BUTTON, "Seed"),
            (pyatspi.ROLE_PUSH_BUTTON, "New seed"),
            (pyatspi.ROLE_COMBO_BOX, "Grid anchor"),
            (pyatspi.ROLE_COMBO_BOX, "Transparency"),
            (pyatspi.ROLE_COMBO_BOX, "Apply to"),
            (pyatspi.ROLE_COMBO_BOX, "Output"),
            (pyatspi.ROLE_TOGGLE_BUTTON, "Schedule and deep-fry"),
            (pyatspi.ROLE_TEXT, "Schedule"),
            (pyatspi.ROLE_SLIDER, "Saturation"),
            (pyatspi.ROLE_SPIN_BUTTON, "Saturation"),
            (pyatspi.ROLE_SLIDER, "Contrast"),
            (pyatspi.ROLE_SPIN_BUTTON, "Contrast"),
            (pyatspi.ROLE_SLIDER, "Sharpen"),
            (pyatspi.ROLE_SPIN_BUTTON, "Sharpen"),
            (pyatspi.ROLE_CHECK_BOX, "Use the original file's settings"),
            (pyatspi.ROLE_COMBO_BOX, "Zoom"),
            (pyatspi.ROLE_CHECK_BOX, "Before/after split"),
            (pyatspi.ROLE_CHECK_BOX, "8×8 grid"),
            (pyatspi.ROLE_PUSH_BUTTON, "Show original"),
            (pyatspi.ROLE_CHECK_BOX, "Difference view"),
            (pyatspi.ROLE_COMBO_BOX, "Plotted value"),
            (pyatspi.ROLE_LABEL, "File size"),
            (pyatspi.ROLE_COMBO_BOX, "File coded as"),
            (pyatspi.ROLE_LABEL, "SSIM"),
            (pyatspi.ROLE_PUSH_BUTTON, "Reset"),
            (pyatspi.ROLE_PUSH_BUTTON, "Cancel"),
            (pyatspi.ROLE_PUSH_BUTTON, "OK"),
            (pyatspi.ROLE_IMAGE, "Preview"),
            (pyatspi.ROLE_CHART, "PSNR per generation"),
        ]
        for role, name in wanted:
            if name in hidden:
                shown = pyatspi.findDescendant(
                    self.window, lambda o: o is not None
                    and o.getRole() == role and o.name == translate(name)
                    and o.getState().contains(pyatspi.STATE_SHOWING))
                if shown is not None:
                    raise Failure("%s shows; it must be hidden" % name)
                continue
            accessible = find(self.window, role, translate(name), timeout=5)
            if role != pyatspi.ROLE_IMAGE and role != pyatspi.ROLE_CHART \
                    and role not in (pyatspi.ROLE_PUSH_BUTTON,) \
                    and not accessible.description:
                raise Failure("%s has no description (tooltip)" % name)
        log("all %d controls found by accessible name, %d hidden"
            % (len(wanted) - len(hidden), len(hidden)))

    def wait_ready(self, timeout=60, generations=None):
        ready = "Result ready"
        if generations is not None:
            ready += ": generation %d of %d" % (generations, generations)
        status = wait_for("the result", lambda: self.status().startswith(
            ready) and self.status(), timeout)
        log("status:", status)
        return status

    def set_number(self, name, value):
        self.focus()
        spin = self.spin(name)
        type_into_spin(spin, value)
        wait_for("%s = %s" % (name, value),
                 lambda: value_of(spin) == value, 5)
        log("%s set to %s" % (name, value))

    def preview_box(self):
        return extents(self.control(pyatspi.ROLE_IMAGE, "Preview"))

    def combo(self, name):
        return self.control(pyatspi.ROLE_COMBO_BOX, name)

    def label(self, name):
        return text_of(self.control(pyatspi.ROLE_LABEL, name))

    def expand_schedule(self):
        """Opens the "Schedule and deep-fry" expander unless it is open."""
        expander = find_named(self.window, "Schedule and deep-fry")

        def expanded():
            return expander.getState().contains(pyatspi.STATE_EXPANDED)
        if not expanded():
            self.focus()
            # The arrow, at the title's start: the row's right end is not
            # the expander's to click.
            x, y, w, h = extents(reveal(expander))
            xdotool("mousemove", "--sync", x + 8, y + h // 2)
            xdotool("click", "1")
            wait_for("the expander to open", expanded, 5)
            log("opened the schedule expander")
        return reveal(find(self.window, pyatspi.ROLE_TEXT, "Schedule"))


# ---------------------------------------------------------------- runners


class Harness:
    """The dialog in tests/dialog/dialog-harness on an image file."""
    app_names = ("dialog-harness",)

    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.values = os.path.join(work, "values.ini")
        self.geometry = os.path.join(work, "geometry.ini")
        self.process = None
        self.extra = []  # more options for the harness
        self.text = ""   # what the harness printed when it closed

    def open(self, output):
        """Starts the harness and returns its dialog.  Now and then a
        harness started right after the X server and the accessibility bus
        came up could not open the display (GTK's "cannot open display",
        the harness exiting at once, the same display answering xdotool a
        moment later): a harness that exits before its dialog shows is
        started again, twice at most, and the test says so."""
        self.output = output
        for attempt in range(3):
            self.process = subprocess.Popen(
                [self.args.harness, self.args.image, "--values", self.values,
                 "--geometry", self.geometry, "--output", output]
                + self.extra,
                stdout=subprocess.PIPE, text=True)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                window = dialog_window(self.app_names)
                if window is not None:
                    return Dialog(window)
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
            else:
                raise Failure("timed out after 30s waiting for the JPEG "
                              "Artifacts dialog")
            log("the harness exited (status %d) before its dialog showed; "
                "starting it again" % self.process.returncode)
            time.sleep(1)
        raise Failure("the harness exited three times before its dialog "
                      "showed")

    def close(self, timeout=60):
        out, _ = self.process.communicate(timeout=timeout)
        self.text = out
        log("harness said:", out.strip().replace("\n", " "))
        if self.process.returncode != 0:
            raise Failure("the harness failed: %d" % self.process.returncode)
        return out.split()

    def finish(self):
        pass


class Gimp:
    """The dialog opened by the plug-in inside GIMP 2.10, which a Script-Fu
    batch started: it opens the image in a display, calls the procedure
    interactively RUNS times, exporting the layer after each call to
    out-N.png, then quits."""
    app_names = (PLUGIN_NAME,)

    def __init__(self, args, work, runs):
        self.args = args
        self.work = work
        self.runs = runs
        self.run = 0
        self.started = False
        # Write info-N.txt after each call (info-0.txt before the first):
        # the image's layers, dirty flag, whether undo is enabled and the
        # active layer, as Script-Fu writes them.
        self.record_image = False
        # Script-Fu run on the image before the first call.
        self.before_calls = []

    def start(self):
        home = os.path.join(self.work, "gimp2")
        folder = os.path.join(home, "plug-ins", PLUGIN_NAME)
        os.makedirs(folder)
        shutil.copy(self.args.plugin, os.path.join(folder, PLUGIN_NAME))
        image = os.path.abspath(self.args.image)
        calls = list(self.before_calls)
        record = ('(let ((port (open-output-file "%s")))'
                  ' (write (list (gimp-image-get-layers image)'
                  ' (gimp-image-is-dirty image)'
                  ' (gimp-image-undo-is-enabled image)'
                  ' (gimp-image-get-active-layer image)) port)'
                  ' (close-output-port port))')
        if self.record_image:
            # Clean: any undo step the dialog left would make it dirty.
            calls.append("(gimp-image-clean-all image)")
            calls.append(record % os.path.join(self.work, "info-0.txt"))
        for n in range(1, self.runs + 1):
            out = os.path.join(self.work, "out-%d.png" % n)
            calls.append(
                '(catch #f (%s RUN-INTERACTIVE image layer'
                ' 75 1 2 0 0 0 0 0 0 0 0))' % PROCEDURE)
            if self.record_image:
                calls.append(record % os.path.join(self.work,
                                                   "info-%d.txt" % n))
            calls.append(
                '(file-png-save RUN-NONINTERACTIVE image layer "%s" "%s"'
                ' 0 9 0 0 0 0 0)' % (out, out))
        batch = ('(let* ((image (car (gimp-file-load RUN-NONINTERACTIVE'
                 ' "%s" "%s")))\n'
                 '       (layer (car (gimp-image-get-active-layer image)))\n'
                 '       (display (car (gimp-display-new image))))\n'
                 '  %s\n'
                 '  (gimp-display-delete display))\n'
                 % (image, image, "\n  ".join(calls)))
        log("GIMP batch:\n" + batch)
        env = dict(os.environ)
        env["GIMP2_DIRECTORY"] = home
        env["LANG"] = env["LC_ALL"] = "C.UTF-8"
        if self.args.language:
            # gettext ignores LANGUAGE in the C locale.
            env["LANG"] = env["LC_ALL"] = LOCALES[self.args.language]
            env["LANGUAGE"] = self.args.language
            env["JPEG_ARTIFACTS_LOCALEDIR"] = self.args.localedir
        self.home = home
        self.log_file = open(os.path.join(self.work, "gimp.log"), "w")
        self.process = subprocess.Popen(
            ["gimp-2.10", "-n", "-d", "-f", "-s",
             "--batch-interpreter=plug-in-script-fu-eval",
             "-b", batch, "-b", "(gimp-quit 0)"],
            env=env, stdout=self.log_file, stderr=subprocess.STDOUT)
        self.started = True

    def open(self, output, title="JPEG Artifacts"):
        if not self.started:
            self.start()
        self.run += 1
        self.output = os.path.join(self.work, "out-%d.png" % self.run)
        if output != self.output:
            self.link = output
        dialog = Dialog(find_dialog(self.app_names, 120, title), title)
        return dialog

    def close(self, timeout=60):
        wait_for("out-%d.png" % self.run,
                 lambda: os.path.exists(self.output)
                 and os.path.getsize(self.output) > 0, timeout)
        time.sleep(0.5)
        return ["ok"]

    def finish(self):
        try:
            self.process.wait(timeout=60)
        finally:
            self.log_file.close()
        with open(os.path.join(self.work, "gimp.log")) as f:
            text = f.read()
        log("GIMP's output:\n" + text[-3000:])


# ---------------------------------------------------------------- scenarios


def cli_reference(args, work, quality, generations):
    out = os.path.join(work, "cli.png")
    subprocess.run([args.cli, "--quality", str(quality), "--generations",
                    str(generations), "--quiet", args.image, out],
                   check=True)
    return out


def open_at(runner, work, quality, generations, check_names=False):
    """Opens the dialog (checking every control's name when CHECK_NAMES),
    sets QUALITY and GENERATIONS and waits for that result."""
    dialog = runner.open(os.path.join(work, "result.png"))
    if check_names:
        dialog.check_names()
    dialog.wait_ready()
    dialog.set_number("Quality", quality)
    dialog.set_number("Generations", generations)
    dialog.wait_ready(generations=generations)
    return dialog


def scenario_apply(args, runner, work):
    """Quality 30, Generations 5, OK: the result equals the command-line
    tool's and the pixels the preview showed."""
    dialog = open_at(runner, work, 30, 5, check_names=True)
    preview = dialog.preview_box()
    shot = os.path.join(args.logdir, "%s-ready.png" % args.name)
    screenshot(shot)
    click(dialog.button("OK"))
    said = runner.close()
    runner.finish()
    if "ok" not in said:
        raise Failure("OK did not apply")
    if "computed-here" in said:
        raise Failure("the dialog handed over no result")
    reference = cli_reference(args, work, 30, 5)
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts' output")
    log("the result equals jpeg-artifacts --quality 30 --generations 5")
    if not preview_matches(shot, preview, runner.output):
        raise Failure("the preview did not show the pixels OK wrote")
    if same_pixels(runner.output, args.image):
        raise Failure("the result equals the original")


def cli_table(args, work, quality, generations, *options):
    """The command-line tool's table for QUALITY, GENERATIONS and more
    OPTIONS: one dict per generation, of its columns as the tool printed
    them."""
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    out = subprocess.run(
        [args.cli, "--quality", str(quality), "--generations",
         str(generations)] + list(options)
        + [args.image, os.path.join(work, "table.png")],
        check=True, capture_output=True, text=True, env=env).stdout
    log("jpeg-artifacts said:\n" + out.rstrip())
    rows = []
    for line in out.splitlines():
        words = line.split()
        if len(words) == 10 and words[0].isdigit():
            rows.append(dict(zip(("generation", "quality", "dx", "dy",
                                  "changed", "psnr", "ssim", "jpeg_kb",
                                  "optimized_kb", "progressive_kb"),
                                 words)))
    if len(rows) != generations:
        raise Failure("jpeg-artifacts printed %d rows, not %d"
                      % (len(rows), generations))
    return rows


def parse_file_size(text):
    """(kB as the tool prints it, bits per pixel) from the read-out
    "File size: 182.4 kB, 1.42 bits/pixel" (g_format_size's units)."""
    import re
    match = re.fullmatch("File size: ([0-9.]+)[ \u00a0](bytes|kB|MB|GB), "
                         "([0-9.]+) bits/pixel", text)
    if match is None:
        raise Failure("the file size read-out says %r" % text)
    scale = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[match.group(2)]
    return float(match.group(1)) * scale / 1000, float(match.group(3))


def scenario_statistics(args, runner, work):
    """Quality 30, Generations 5: the file size and SSIM read-outs say what
    jpeg-artifacts prints for the last generation, and the chart's
    selector shows the three series (screenshots of each)."""
    dialog = open_at(runner, work, 30, 5)
    size_label = dialog.control(pyatspi.ROLE_LABEL, "File size")
    ssim_label = dialog.control(pyatspi.ROLE_LABEL, "SSIM")
    for accessible in (size_label, ssim_label):
        if not accessible.description:
            raise Failure("%s has no description" % accessible.name)
    size_text = wait_for("the file size", lambda: (
        text_of(size_label).startswith("File size: ")
        and "measuring" not in text_of(size_label)
        and text_of(size_label)), 30)
    ssim_text = wait_for("the SSIM", lambda: (
        text_of(ssim_label).startswith("SSIM: ")
        and "measuring" not in text_of(ssim_label)
        and text_of(ssim_label)), 30)
    log("read-outs: %r, %r" % (size_text, ssim_text))
    last = cli_table(args, work, 30, 5)[-1]
    kb, bits = parse_file_size(size_text)
    _, width, height = rgb_bytes(args.image)
    # The read-out's default: the file as GIMP exports it (progressive).
    if "%.1f" % kb != last["progressive_kb"]:
        raise Failure("the dialog says %s kB, jpeg-artifacts %s kB"
                      % ("%.1f" % kb, last["progressive_kb"]))
    expected_bits = float(last["progressive_kb"]) * 8000 / (width * height)
    if abs(bits - expected_bits) > 8 * 50 / (width * height) + 0.005:
        raise Failure("%.2f bits/pixel, expected about %.3f"
                      % (bits, expected_bits))
    if ssim_text != "SSIM: " + last["ssim"]:
        raise Failure("the dialog says %r, jpeg-artifacts SSIM %s"
                      % (ssim_text, last["ssim"]))
    log("file size %s kB and SSIM %s as jpeg-artifacts prints them"
        % (last["progressive_kb"], last["ssim"]))
    selector = dialog.control(pyatspi.ROLE_COMBO_BOX, "Plotted value")
    if not selector.description:
        raise Failure("the chart's selector has no description")
    for index, chart in ((0, "PSNR per generation"),
                         (1, "SSIM per generation"),
                         (2, "File size per generation")):
        selector.querySelection().selectChild(index)
        find(dialog.window, pyatspi.ROLE_CHART, chart)
        log("the chart shows", chart)
        screenshot(os.path.join(args.logdir, "%s-chart-%d.png"
                                % (args.name, index)))
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def scenario_difference(args, runner, work):
    """Quality 30, Generations 5, then the difference view: the preview
    changes and shows min(255, 8 |result - original|) per channel, black
    where nothing changed (screenshots before and after)."""
    dialog = open_at(runner, work, 30, 5)
    box = dialog.preview_box()
    before = os.path.join(args.logdir, "%s-result.png" % args.name)
    screenshot(before)
    toggle = dialog.control(pyatspi.ROLE_CHECK_BOX, "Difference view")
    if not toggle.description:
        raise Failure("the difference view has no description")
    click(toggle)
    wait_for("the difference view", lambda: toggle.getState().contains(
        pyatspi.STATE_CHECKED), 5)
    after = os.path.join(args.logdir, "%s-difference.png" % args.name)
    screenshot(after)
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()

    crop = (box[2], box[3], box[0], box[1])
    a = rgb_bytes(before, crop)[0]
    b = rgb_bytes(after, crop)[0]
    changed = sum(1 for i in range(0, len(a), 3) if a[i:i + 3] != b[i:i + 3])
    log("%d of %d preview pixels changed" % (changed, len(a) // 3))
    if changed < len(a) // 3 // 10:
        raise Failure("the difference view hardly changed the preview")
    result, width, height = rgb_bytes(cli_reference(args, work, 30, 5))
    original = rgb_bytes(args.image)[0]
    expected = bytes(min(255, 8 * abs(r - o))
                     for r, o in zip(result, original))
    black = sum(1 for i in range(0, len(expected), 3)
                if expected[i:i + 3] == b"\0\0\0")
    log("the amplified difference is black at %d of %d pixels"
        % (black, width * height))
    if black == 0 or black == width * height:
        raise Failure("the difference is uniform: nothing to check")
    # The badge "Difference ×8" covers the preview's top corner.
    if not preview_shows(after, box, expected, width, height, skip_top=40):
        raise Failure("the difference view does not show "
                      "8 |result - original|")


def scenario_slider(args, runner, work):
    """Dragging the Quality slider changes the preview's pixels."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 60)
    dialog.wait_ready()
    before = os.path.join(args.logdir, "%s-before.png" % args.name)
    screenshot(before)
    box = dialog.preview_box()
    slider = dialog.slider("Quality")
    drag_slider(slider, 0.05)
    wait_for("Quality to move", lambda: value_of(slider) < 20, 5)
    log("Quality dragged to", value_of(slider))
    dialog.wait_ready()
    after = os.path.join(args.logdir, "%s-after.png" % args.name)
    screenshot(after)
    crop = (box[2], box[3], box[0], box[1])
    a = rgb_bytes(before, crop)[0]
    b = rgb_bytes(after, crop)[0]
    changed = sum(1 for i in range(0, len(a), 3) if a[i:i + 3] != b[i:i + 3])
    log("%d of %d preview pixels changed" % (changed, len(a) // 3))
    if changed < len(a) // 3 // 10:
        raise Failure("the preview hardly changed")
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def scenario_cancel(args, runner, work, key):
    """Cancel (KEY False) or Escape (KEY True) leaves the layer unchanged."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 10)
    dialog.set_number("Generations", 3)
    dialog.wait_ready()
    if key:
        x, y, w, h = extents(dialog.spin("Quality"))
        dialog.focus()
        xdotool("mousemove", "--sync", x + min(20, w // 4), y + h // 2)
        xdotool("click", "1")
        xdotool("key", "Escape")
        log("pressed Escape")
    else:
        click(dialog.button("Cancel"))
        log("clicked Cancel")
    said = runner.close()
    runner.finish()
    if isinstance(runner, Harness):
        if "cancel" not in said or os.path.exists(runner.output):
            raise Failure("the dialog did not cancel")
    elif not same_pixels(runner.output, args.image):
        raise Failure("the layer changed")
    log("the layer is unchanged")


def scenario_last_values(args, runner, work):
    """The dialog opens with the values of the last OK (given by Enter)."""
    dialog = runner.open(os.path.join(work, "first.png"))
    dialog.set_number("Quality", 42)
    dialog.set_number("Generations", 7)
    dialog.set_number("Grid drift", 2)
    dialog.wait_ready(generations=7)
    # Enter in a spin button is OK, the dialog's default response.
    x, y, w, h = extents(dialog.spin("Quality"))
    dialog.focus()
    xdotool("mousemove", "--sync", x + min(20, w // 4), y + h // 2)
    xdotool("click", "1")
    xdotool("key", "Return")
    log("pressed Enter")
    runner.close(timeout=15)
    dialog = runner.open(os.path.join(work, "second.png"))
    got = {name: value_of(dialog.spin(name))
           for name in ("Quality", "Generations", "Grid drift")}
    log("the second dialog opened with", got)
    shot = os.path.join(args.logdir, "%s-reopened.png" % args.name)
    dialog.wait_ready()
    screenshot(shot)
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()
    if got != {"Quality": 42, "Generations": 7, "Grid drift": 2}:
        raise Failure("the dialog did not open with the last values")


def generation_in_status(status):
    """K in "Computing… generation K of N", or None."""
    words = status.split()
    if len(words) >= 3 and words[0].startswith("Computing") \
            and words[1] == "generation":
        return int(words[2])
    return None


def scenario_progress(args, runner, work):
    """A long run shows its progress and exact intermediate generations; a
    change while it runs starts it again; without drift the run reports
    where it converged."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 30)
    dialog.set_number("Grid drift", 3)
    dialog.set_number("Generations", 1000)
    status = wait_for("generation 50 or later", lambda: (
        (generation_in_status(dialog.status()) or 0) >= 50
        and dialog.status()), 60, interval=0.05)
    log("status:", status)
    preview = dialog.control(pyatspi.ROLE_IMAGE, "Preview")
    log("preview's description:", preview.description)
    if not preview.description.startswith("Computing"):
        raise Failure("the preview does not say it is computing")
    screenshot(os.path.join(args.logdir, "%s-computing.png" % args.name))
    before = generation_in_status(dialog.status())
    spin = dialog.spin("Quality")
    spin.queryValue().currentValue = 25
    after = generation_in_status(dialog.status())
    log("Quality changed at generation %s: now %s" % (before, after))
    if after is None or before is None or after >= before:
        raise Failure("the change did not start the run again")
    dialog.wait_ready(timeout=120, generations=1000)
    log("reading the convergence")
    converged = text_of(dialog.control(pyatspi.ROLE_LABEL, "Convergence"))
    log("convergence: %r" % converged)
    if converged:
        raise Failure("a run with drift claims convergence: " + converged)
    screenshot(os.path.join(args.logdir, "%s-1000.png" % args.name))
    dialog.set_number("Grid drift", 0)
    dialog.set_number("Generations", 50)
    dialog.wait_ready(generations=50)
    converged = text_of(dialog.control(pyatspi.ROLE_LABEL, "Convergence"))
    log("convergence:", converged)
    if not converged.startswith("Converged at generation"):
        raise Failure("no convergence reported")
    screenshot(os.path.join(args.logdir, "%s-converged.png" % args.name))
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def harness_values(runner):
    """The values the harness printed after OK, NAME -> text (none in
    GIMP)."""
    values = {}
    for line in getattr(runner, "text", "").splitlines():
        if line.startswith("value ") and "=" in line:
            name, _, value = line[len("value "):].partition("=")
            values[name] = value
    return values


def cli_output(args, work, name, *options):
    """The command-line tool's output for OPTIONS, in WORK/NAME."""
    out = os.path.join(work, name)
    command = [args.cli] + list(options) + ["--quiet", args.image, out]
    log("running", " ".join(command))
    subprocess.run(command, check=True)
    return out


def preview_shot(dialog, path):
    """A screenshot into PATH, and where the preview is in it: the box is
    read on both sides of the screenshot and must not move between."""
    box = dialog.preview_box()
    screenshot(path)
    if dialog.preview_box() != box:
        raise Failure("the preview moved from %r to %r during the "
                      "screenshot %s" % (box, dialog.preview_box(), path))
    return box


def shown_layer(shot, preview_box, lw, lh):
    """The part of an LW x LH layer the preview at PREVIEW_BOX shows in
    the screenshot SHOT, as packed RGB, with the layer's rectangle it
    covers (x, y, width, height)."""
    ox, oy, x_from, x_to, y_from, y_to = layer_in_preview(preview_box, lw, lh)
    crop = (x_to - x_from, y_to - y_from,
            preview_box[0] + x_from, preview_box[1] + y_from)
    return (rgb_bytes(shot, crop)[0],
            (x_from - ox, y_from - oy, crop[0], crop[1]))


def preview_changed(before, before_box, after, after_box, layer_png):
    """How many of the pixels the preview shows of LAYER_PNG's layer differ
    between two screenshots, each read where its own preview box shows the
    layer (the dialog can grow between them, which moves the preview)."""
    _, lw, lh = rgb_bytes(layer_png)
    a, part_a = shown_layer(before, before_box, lw, lh)
    b, part_b = shown_layer(after, after_box, lw, lh)
    if part_a != part_b:
        raise Failure("the preview shows the layer's %r, then its %r: "
                      "nothing to compare" % (part_a, part_b))
    changed = sum(1 for i in range(0, len(a), 3) if a[i:i + 3] != b[i:i + 3])
    log("%d of %d preview pixels changed" % (changed, len(a) // 3))
    return changed, len(a) // 3


DEEP_FRIED = "Like deep-fried"


def scenario_preset(args, runner, work):
    """Picks "Like deep-fried" in the Preset combo: its description shows,
    the preview changes; a look control changed makes the combo say
    "Custom"; picked again, OK gives exactly what jpeg-artifacts --preset
    deep-fried gives, and the values remember the preset."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.wait_ready()
    before = os.path.join(args.logdir, "%s-before.png" % args.name)
    before_box = preview_shot(dialog, before)
    combo = dialog.combo("Preset")
    if not combo.description:
        raise Failure("the preset combo has no description (tooltip)")
    items = combo_items(combo)
    log("the presets:", items)
    if items[-1] != "Custom" or DEEP_FRIED not in items:
        raise Failure("the preset combo lists %r" % items)
    if combo_selected(combo) != "Custom":
        raise Failure("the default values show as %r, not Custom"
                      % combo_selected(combo))
    combo_select(combo, DEEP_FRIED)
    dialog.wait_ready(timeout=120)
    description = dialog.label("Preset description")
    log("description:", description)
    if not description or description.startswith("Your own settings"):
        raise Failure("no description of the preset: %r" % description)
    after = os.path.join(args.logdir, "%s-deep-fried.png" % args.name)
    after_box = preview_shot(dialog, after)
    changed, total = preview_changed(before, before_box, after, after_box,
                                     args.image)
    if changed < total // 10:
        raise Failure("the preset hardly changed the preview")
    quality = value_of(dialog.spin("Quality"))
    dialog.set_number("Quality", 99 if quality != 99 else 98)
    wait_for("Custom", lambda: combo_selected(combo) == "Custom", 5)
    log("a changed control makes the preset Custom")
    combo_select(combo, DEEP_FRIED)
    if value_of(dialog.spin("Quality")) != quality:
        raise Failure("picking the preset again did not bring back its "
                      "quality")
    dialog.wait_ready(timeout=120)
    shot = os.path.join(args.logdir, "%s-ready.png" % args.name)
    box = preview_shot(dialog, shot)
    click(dialog.button("OK"))
    said = runner.close(timeout=120)
    runner.finish()
    if "ok" not in said or "computed-here" in said:
        raise Failure("OK did not hand over the dialog's result")
    values = harness_values(runner)
    if isinstance(runner, Harness) and values.get("preset") != "deep-fried":
        raise Failure("the values name the preset %r" % values.get("preset"))
    reference = cli_output(args, work, "cli.png", "--preset", "deep-fried")
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts --preset "
                      "deep-fried")
    log("the result equals jpeg-artifacts --preset deep-fried")
    if not preview_matches(shot, box, runner.output):
        raise Failure("the preview did not show the pixels OK wrote")


def ask_preset_name(runner, name):
    """In the "Save Preset" window, types NAME and presses Enter; returns
    the window."""
    window = find_dialog(runner.app_names, 10, "Save Preset")
    entry = find(window, pyatspi.ROLE_TEXT, "Preset name")
    if not entry.description:
        raise Failure("the preset name has no description")
    xdotool("search", "--limit", "1", "--name", "^Save Preset",
            "windowfocus", "--sync")
    type_into_entry(entry, name)
    xdotool("key", "Return")
    log("asked to save the preset %r" % name)
    return window


def scenario_save_preset(args, runner, work):
    """Saves the look as the preset "Mine" (an empty name and a built-in
    one refused with the reason shown): the key file holds it and the
    combo shows it, Delete becomes sensitive; OK, and the reopened dialog
    lists and shows "Mine"; Delete takes it out of the list and the file.
    Without a presets file, Save and Delete are insensitive and say why."""
    presets = os.path.join(work, "presets.ini")
    dialog = runner.open(os.path.join(work, "none.png"))
    save = dialog.button("Save preset")
    delete = dialog.button("Delete preset")
    if is_sensitive(save) or is_sensitive(delete) or not save.description:
        raise Failure("without a presets file Save and Delete are not "
                      "insensitive with a reason")
    log("without a presets file:", save.description)
    click(dialog.button("Cancel"))
    runner.close()

    runner.extra = ["--presets", presets]
    dialog = runner.open(os.path.join(work, "first.png"))
    dialog.set_number("Quality", 33)
    dialog.set_number("Generations", 4)
    combo = dialog.combo("Preset")
    if combo_selected(combo) != "Custom":
        raise Failure("the combo shows %r, not Custom" % combo_selected(combo))
    save = dialog.button("Save preset")
    delete = dialog.button("Delete preset")
    if not is_sensitive(save) or is_sensitive(delete):
        raise Failure("Save should be sensitive and Delete not")
    for refused in ("", DEEP_FRIED):
        dialog.focus()
        click(save)
        window = ask_preset_name(runner, refused)
        error = find(window, pyatspi.ROLE_LABEL, "Preset error")
        message = wait_for("the reason", lambda: text_of(error), 5)
        log("the name %r is refused: %s" % (refused, message))
        screenshot(os.path.join(args.logdir, "%s-refused-%d.png"
                                % (args.name, len(refused))))
        click(find(window, pyatspi.ROLE_PUSH_BUTTON, "Cancel"))
        wait_for("the question to close", lambda: dialog_window(
            runner.app_names, "Save Preset") is None, 5)
    if os.path.exists(presets) and "[%s]" % DEEP_FRIED in open(presets).read():
        raise Failure("a built-in name was saved")
    dialog.focus()
    click(save)
    ask_preset_name(runner, "Mine")
    wait_for("Mine in the combo", lambda: combo_selected(combo) == "Mine", 5)
    with open(presets) as f:
        text = f.read()
    log("the presets file:\n" + text)
    if "[Mine]" not in text:
        raise Failure("the presets file has no [Mine]")
    if not is_sensitive(delete):
        raise Failure("Delete is not sensitive for the user's preset")
    dialog.wait_ready()
    screenshot(os.path.join(args.logdir, "%s-saved.png" % args.name))
    click(dialog.button("OK"))
    runner.close()
    if harness_values(runner).get("preset") != "Mine":
        raise Failure("the values do not name the preset Mine")

    dialog = runner.open(os.path.join(work, "second.png"))
    combo = dialog.combo("Preset")
    items = combo_items(combo)
    log("the reopened dialog lists", items)
    if "Mine" not in items or items.index("Mine") < items.index(DEEP_FRIED):
        raise Failure("the user's preset is not listed after the built-in "
                      "ones: %r" % items)
    if combo_selected(combo) != "Mine":
        raise Failure("the reopened dialog shows %r, not Mine"
                      % combo_selected(combo))
    screenshot(os.path.join(args.logdir, "%s-reopened.png" % args.name))
    dialog.focus()
    click(dialog.button("Delete preset"))
    wait_for("Custom", lambda: combo_selected(combo) == "Custom", 5)
    if "Mine" in combo_items(combo):
        raise Failure("Mine is still listed after Delete")
    with open(presets) as f:
        if "[Mine]" in f.read():
            raise Failure("the presets file still has [Mine]")
    if value_of(dialog.spin("Quality")) != 33:
        raise Failure("Delete changed the controls")
    log("Delete took Mine out of the list and the file")
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def scenario_broken_presets(args, runner, work):
    """A presets file with a line that does not parse: the opened dialog
    says so below the preset buttons, naming the file and the line; saving
    "Mine" keeps the file aside (byte for byte) and says under what name,
    and the new file holds "Mine"."""
    presets = os.path.join(work, "presets.ini")
    broken = "[Old]\nquality=40\nthis line is no key\n"
    with open(presets, "w") as f:
        f.write(broken)
    runner.extra = ["--presets", presets]
    dialog = runner.open(os.path.join(work, "broken.png"))
    message = wait_for("the presets message",
                       lambda: dialog.label("Presets message"), 5)
    log("on opening:", message)
    if presets not in message or "line 3" not in message:
        raise Failure("the message does not name the file and line 3: %r"
                      % message)
    dialog.set_number("Quality", 33)
    dialog.focus()
    click(dialog.button("Save preset"))
    ask_preset_name(runner, "Mine")
    combo = dialog.combo("Preset")
    wait_for("Mine in the combo", lambda: combo_selected(combo) == "Mine", 5)
    message = dialog.label("Presets message")
    log("after saving:", message)
    aside = [name for name in os.listdir(work)
             if name.startswith("presets.ini.broken-")]
    if len(aside) != 1 or aside[0] not in message:
        raise Failure("no file kept aside named in the message: %r, %r"
                      % (aside, message))
    with open(os.path.join(work, aside[0])) as f:
        if f.read() != broken:
            raise Failure("the file kept aside is not the broken file")
    with open(presets) as f:
        if "[Mine]" not in f.read():
            raise Failure("the new presets file has no [Mine]")
    screenshot(os.path.join(args.logdir, "%s-kept-aside.png" % args.name))
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


# The last step, which generation 5 follows, saves a copy of half the size.
SCHEDULE = "q90 *2; q25 sat1.6 sharp0.8; q45 422 x0.5"


def scenario_schedule_entry(args, runner, work):
    """Generations 5 and a schedule typed into its entry: the preview
    changes and says what the generation was saved with (a copy of half
    the size), the file size read-out is what jpeg-artifacts prints, per
    pixel of that copy; a word the schedule does not know shows the
    warning with the word, refuses OK and keeps the preview; corrected,
    OK gives exactly what jpeg-artifacts --schedule gives."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Generations", 5)
    dialog.wait_ready(generations=5)
    before = os.path.join(args.logdir, "%s-before.png" % args.name)
    before_box = preview_shot(dialog, before)
    entry = dialog.expand_schedule()
    if not entry.description:
        raise Failure("the schedule entry has no description (tooltip)")
    dialog.focus()
    type_into_entry(entry, SCHEDULE)
    wait_for("the schedule typed", lambda: text_of(entry) == SCHEDULE, 10)
    dialog.wait_ready(generations=5)
    saved = dialog.label("Generation settings")
    log("generation settings:", saved)
    _, width, height = rgb_bytes(args.image)
    half = (round(width * 0.5), round(height * 0.5))
    if saved != "Generation 5 saved with quality 45, 4:2:2, at %d×%d pixels" \
            % half:
        raise Failure("the generation settings say %r" % saved)
    size_label = dialog.control(pyatspi.ROLE_LABEL, "File size")
    size_text = wait_for("the file size", lambda: (
        text_of(size_label).startswith("File size: ")
        and "measuring" not in text_of(size_label)
        and text_of(size_label)), 30)
    kb, bits = parse_file_size(size_text)
    last = cli_table(args, work, 75, 5, "--schedule", SCHEDULE)[-1]
    if "%.1f" % kb != last["progressive_kb"]:
        raise Failure("the dialog says %.1f kB, jpeg-artifacts %s kB"
                      % (kb, last["progressive_kb"]))
    expected_bits = float(last["progressive_kb"]) * 8000 / (half[0] * half[1])
    if abs(bits - expected_bits) > 8 * 50 / (half[0] * half[1]) + 0.005:
        raise Failure("%.2f bits/pixel, expected about %.3f for the copy "
                      "of %dx%d" % (bits, expected_bits, half[0], half[1]))
    log("%r: as jpeg-artifacts, per pixel of the %dx%d copy"
        % (size_text, half[0], half[1]))
    after = os.path.join(args.logdir, "%s-schedule.png" % args.name)
    after_box = preview_shot(dialog, after)
    changed, total = preview_changed(before, before_box, after, after_box,
                                     args.image)
    if changed < total // 10:
        raise Failure("the schedule hardly changed the preview")

    ok = dialog.button("OK")
    if not is_sensitive(ok):
        raise Failure("OK is insensitive with a valid schedule")
    dialog.focus()
    click(reveal(entry))
    xdotool("key", "End")
    xdotool("type", "--delay", "20", "; crunchy")
    # The error is read once the entry holds every key typed: read sooner,
    # it names the word as far as the dialog had it ("crunch").
    wait_for("the word typed",
             lambda: text_of(entry) == SCHEDULE + "; crunchy", 10)
    error = find(dialog.window, pyatspi.ROLE_LABEL, "Schedule error")
    message = wait_for("the schedule's error", lambda: text_of(error), 5)
    log("the schedule's error:", message)
    if "crunchy" not in message:
        raise Failure("the error does not name the word at fault")
    wait_for("OK to be refused", lambda: not is_sensitive(ok), 5)
    # "...x0.5;" on the way read (an empty last step): once that result is
    # ready, more of the wrong word must not start another run.
    dialog.wait_ready(generations=5)
    xdotool("type", "--delay", "20", "x")
    wait_for("the error to follow", lambda: "crunchyx" in text_of(error), 5)
    time.sleep(0.3)
    status = dialog.status()
    if not status.startswith("Result ready"):
        raise Failure("a schedule that does not read restarted the preview: "
                      + status)
    if is_sensitive(ok):
        raise Failure("OK is sensitive with a schedule that does not read")
    screenshot(os.path.join(args.logdir, "%s-invalid.png" % args.name))
    for _ in range(len("; crunchyx")):
        xdotool("key", "BackSpace")
    wait_for("OK again", lambda: is_sensitive(ok), 5)
    wait_for("the error to go", lambda: pyatspi.findDescendant(
        dialog.window, lambda o: o is not None and o.name == "Schedule error"
        and o.getState().contains(pyatspi.STATE_SHOWING)) is None, 5)
    dialog.wait_ready(generations=5)
    shot = os.path.join(args.logdir, "%s-ready.png" % args.name)
    # Read where the preview is now: a read-out the wrong schedule's runs
    # showed may have widened the dialog, which moves the preview.
    box = preview_shot(dialog, shot)
    if box != before_box:
        log("the preview moved from %r to %r" % (before_box, box))
    click(ok)
    said = runner.close()
    runner.finish()
    if "ok" not in said or "computed-here" in said:
        raise Failure("OK did not hand over the dialog's result")
    if isinstance(runner, Harness) and \
            harness_values(runner).get("schedule") != SCHEDULE:
        raise Failure("the values hold the schedule %r"
                      % harness_values(runner).get("schedule"))
    reference = cli_output(args, work, "cli.png", "--generations", "5",
                           "--schedule", SCHEDULE)
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts --schedule")
    log("the result equals jpeg-artifacts --generations 5 --schedule '%s'"
        % SCHEDULE)
    if not preview_matches(shot, box, runner.output):
        raise Failure("the preview did not show the pixels OK wrote")


ORIGINAL_LABEL = "Use the original file's settings"


def scenario_original_settings(args, runner, work):
    """Without an original JPEG file the check button is insensitive and
    says why (and so when the file's settings cannot be reproduced); with
    one (quality 85, 4:2:2) it names them, and on it makes Quality and
    Subsampling insensitive; OK gives what jpeg-artifacts --tables-from
    gives for a file saved with those settings."""
    for extra, why in (([], "The image was not loaded from a JPEG file"),
                       (["--original-unusable"], "cannot be reproduced")):
        runner.extra = extra
        dialog = runner.open(os.path.join(work, "none.png"))
        dialog.expand_schedule()
        check = dialog.control(pyatspi.ROLE_CHECK_BOX, ORIGINAL_LABEL)
        log("%s: %r, %r" % (extra, check.name, check.description))
        if is_sensitive(check) or why not in check.description:
            raise Failure("the check button is not insensitive with %r"
                          % why)
        screenshot(os.path.join(args.logdir, "%s-absent-%d.png"
                                % (args.name, len(extra))))
        click(dialog.button("Cancel"))
        runner.close()

    runner.extra = ["--original", "85:422"]
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Generations", 3)
    dialog.wait_ready(generations=3)
    dialog.expand_schedule()
    check = find_named(dialog.window, ORIGINAL_LABEL, prefix=True)
    log("with an original:", check.name)
    if not is_sensitive(check) or "quality ≈ 85, 4:2:2" not in check.name:
        raise Failure("the check button does not offer the original's "
                      "settings: %r" % check.name)
    if not is_sensitive(dialog.slider("Quality")):
        raise Failure("Quality is insensitive before the check button is on")
    dialog.focus()
    click(reveal(check))
    wait_for("the check button on", lambda: check.getState().contains(
        pyatspi.STATE_CHECKED), 5)
    for control in (dialog.slider("Quality"), dialog.spin("Quality"),
                    dialog.combo("Subsampling")):
        if is_sensitive(control):
            raise Failure("%s is sensitive with the original's settings on"
                          % control.name)
    dialog.wait_ready(generations=3)
    saved = dialog.label("Generation settings")
    log("generation settings:", saved)
    if saved != "Generation 3 saved with the file's tables, 4:2:2":
        raise Failure("the generation settings say %r" % saved)
    screenshot(os.path.join(args.logdir, "%s-on.png" % args.name))
    click(dialog.button("OK"))
    said = runner.close()
    runner.finish()
    if "ok" not in said or harness_values(runner).get("use-original") != "1":
        raise Failure("the values do not hold use-original")
    original = os.path.join(work, "original.jpg")
    subprocess.run(["convert", args.image, "-quality", "85",
                    "-sampling-factor", "2x1", original], check=True)
    reference = cli_output(args, work, "cli.png", "--generations", "3",
                           "--tables-from", original)
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts --tables-from "
                      "a quality 85 4:2:2 file")
    log("the result equals jpeg-artifacts --tables-from a quality 85, 4:2:2 "
        "file")


# The locale each --language runs GIMP in.
LOCALES = {"de": "de_DE.UTF-8"}


class Catalogue:
    """The plug-in's compiled catalogue for one language: the dialog's
    English names, mnemonics and colons aside, and their translations."""

    def __init__(self, localedir, language):
        import gettext
        translation = gettext.translation(
            PLUGIN_NAME, localedir, languages=[language])
        self.raw = translation.gettext
        self.names = {}
        for english, translated in translation._catalog.items():
            if isinstance(english, str) and english:
                self.names[self.plain(english)] = self.plain(translated)

    @staticmethod
    def plain(text):
        return text.replace("_", "").rstrip(":").strip()

    def __call__(self, name):
        if name not in self.names:
            raise Failure("the catalogue has no translation of '%s'" % name)
        return self.names[name]


def find_menu_item(app_names, label, timeout):
    """GIMP's menu item LABEL, through GIMP's own accessibility tree."""
    def search():
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name in app_names:
                item = pyatspi.findDescendant(
                    app, lambda o: o is not None
                    and o.getRole() == pyatspi.ROLE_MENU_ITEM
                    and o.name.replace("_", "") == label)
                if item is not None:
                    return item
        return None
    return wait_for("GIMP's menu item '%s'" % label, search, timeout)


def scenario_german(args, runner, work):
    """GIMP in German (LANGUAGE=de): every control of the dialog carries
    its German name from the plug-in's catalogue, Filter > Verzerren shows
    the German menu label, GIMP registered the plug-in's text domain, and
    Abbrechen leaves the layer unchanged."""
    german = Catalogue(args.localedir, "de")
    # Words a German GIMP uses, so that a catalogue that is not loaded (or
    # not German) cannot pass.
    for english, expected in (("Quality", "Qualität"),
                              ("Preview", "Vorschau"),
                              ("Cancel", "Abbrechen")):
        if german(english) != expected:
            raise Failure("'%s' is '%s' in de.po, expected '%s'"
                          % (english, german(english), expected))
    # In GIMP the title names the image: what comes before that.
    title = german.raw("JPEG Artifacts – %s").split("%s")[0]
    dialog = runner.open(os.path.join(work, "result.png"), title)
    log("the dialog's title:", dialog.window.name)
    dialog.check_names(german)
    screenshot(os.path.join(args.logdir, "%s-dialog.png" % args.name))
    menu_label = german("JPEG Artifacts…")
    item = find_menu_item(("gimp-2.10", "GNU Image Manipulation Program",
                           "GIMP"), menu_label, 30)
    path = []
    node = item.parent
    while node is not None and len(path) < 12:
        if node.name:
            path.append(node.name.replace("_", ""))
        node = node.parent
    log("GIMP's menu item:", item.name, "in", " < ".join(path))
    if path[:2] != ["Verzerren", "Filter"]:
        raise Failure("the menu item '%s' is not in Filter > Verzerren: %s"
                      % (item.name, " < ".join(path)))
    click(dialog.button(german("Cancel")))
    runner.close()
    runner.finish()
    if not same_pixels(runner.output, args.image):
        raise Failure("the layer changed")
    # pluginrc holds binary icon data too: search its bytes.
    with open(os.path.join(runner.home, "pluginrc"), "rb") as f:
        pluginrc = f.read()
    registered = '(locale-def "%s" "%s")' % (PLUGIN_NAME, args.localedir)
    if registered.encode("utf-8") not in pluginrc:
        raise Failure("pluginrc has no %s" % registered)
    log("GIMP registered the text domain:", registered)


def find_patch(screen, sw, sh, image, iw, ih, x, y, size):
    """Where on the screen (packed RGB, SW x SH) the SIZE x SIZE block of
    IMAGE (packed RGB, IW x IH) at (X, Y) shows exactly, or None."""
    def image_row(r):
        i = ((y + r) * iw + x) * 3
        return image[i:i + size * 3]
    first = image_row(0)
    at = screen.find(first)
    while at >= 0:
        sy, rest = divmod(at, sw * 3)
        if rest % 3 == 0 and rest // 3 + size <= sw and sy + size <= sh:
            sx = rest // 3
            if all(screen[((sy + r) * sw + sx) * 3:
                          ((sy + r) * sw + sx + size) * 3] == image_row(r)
                   for r in range(1, size)):
                return sx - x, sy - y
        at = screen.find(first, at + 1)
    return None


def canvas_origin(shot, image_png):
    """Where the image window shows IMAGE_PNG at 100 %: the screen position
    of the layer's pixel (0, 0), found from one of a few blocks of it that
    nothing covers."""
    screen, sw, sh = rgb_bytes(shot)
    image, iw, ih = rgb_bytes(image_png)
    for x, y in ((8, 8), (iw // 2, ih // 2), (8, ih - 40), (iw // 4, 8)):
        origin = find_patch(screen, sw, sh, image, iw, ih, x, y, 32)
        if origin is not None:
            return origin
    return None


def canvas_shows(shot, origin, image_png, covered, ignore=()):
    """How many of the 32 x 32 blocks of IMAGE_PNG that lie on the screen
    outside the window COVERED (x, y, w, h) and outside the rectangles
    IGNORE (x, y, w, h in the image) the screen shows exactly at ORIGIN,
    and how many such blocks there are.  The blocks keep 4 pixels off the
    layer's edges, where GIMP draws the layer's boundary."""
    screen, sw, sh = rgb_bytes(shot)
    image, iw, ih = rgb_bytes(image_png)
    ox, oy = origin
    cx, cy, cw, ch = covered
    same = total = 0
    for y in range(4, ih - 35, 32):
        for x in range(4, iw - 35, 32):
            sx, sy = ox + x, oy + y
            if sx < 0 or sy < 0 or sx + 32 > sw or sy + 32 > sh:
                continue
            if sx + 32 > cx and sx < cx + cw and sy + 32 > cy \
                    and sy < cy + ch:
                continue
            if any(x + 32 > gx and x < gx + gw and y + 32 > gy
                   and y < gy + gh for gx, gy, gw, gh in ignore):
                continue
            total += 1
            same += all(
                screen[((sy + r) * sw + sx) * 3:((sy + r) * sw + sx + 32) * 3]
                == image[((y + r) * iw + x) * 3:((y + r) * iw + x + 32) * 3]
                for r in range(32))
    return same, total


class DialogAside:
    """Moves the dialog down the screen, off the image window, for a
    screenshot, and back where it was afterwards (no window manager runs
    under Xvfb: xdotool moves the window itself)."""

    def __init__(self, dialog):
        self.dialog = dialog

    def move(self, x, y):
        xdotool("search", "--name", "^%s" % self.dialog.title,
                "windowmove", "--sync", x, y)

    def __enter__(self):
        self.x, self.y, _, _ = extents(self.dialog.window)
        self.move(self.x, 940)
        return self

    def __exit__(self, *exc):
        self.move(self.x, self.y)
        time.sleep(0.3)


def canvas_origin_aside(args, dialog):
    """canvas_origin of a screenshot taken with DIALOG moved aside (the
    layer's pixels as they are, args.image); fails when none is found."""
    shot = os.path.join(args.logdir, "%s-before.png" % args.name)
    with DialogAside(dialog):
        screenshot(shot)
    origin = canvas_origin(shot, args.image)
    if origin is None:
        raise Failure("the image window does not show the image at 100 %")
    log("the canvas shows the layer's pixel (0, 0) at", origin)
    return origin


def wait_canvas_shows(args, dialog, origin, name, expected, timeout=60,
                      ignore=()):
    """Waits until the image window, its layer's pixel (0, 0) at ORIGIN on
    the screen, shows the image file EXPECTED wherever DIALOG, moved aside,
    leaves it visible; the screenshots go to the log folder, named after
    NAME."""
    shot = os.path.join(args.logdir, "%s-%s.png" % (args.name, name))

    def shows():
        with DialogAside(dialog):
            covered = extents(dialog.window)
            screenshot(shot)
        same, total = canvas_shows(shot, origin, expected, covered, ignore)
        log("canvas vs %s: %d of %d visible blocks equal"
            % (os.path.basename(expected), same, total))
        return total >= 20 and same == total
    wait_for("the canvas to show %s" % os.path.basename(expected), shows,
             timeout, interval=1)


def scenario_canvas(args, runner, work):
    """"Preview on canvas": on, the image window shows the result (and the
    new one after Quality changes); Cancel leaves the image as it was
    (layers, pixels, clean with no undo step, undo on, active layer).  The option is
    remembered: the next dialog shows the result on the canvas at once, and
    OK applies it as usual."""
    in_gimp = isinstance(runner, Gimp)
    if in_gimp:
        runner.record_image = True
    else:
        runner.extra = ["--canvas"]
    q30 = cli_reference(args, work, 30, 5)
    shutil.copy(q30, os.path.join(work, "q30.png"))
    q30 = os.path.join(work, "q30.png")
    q40 = cli_output(args, work, "q40.png", "--quality", "40",
                     "--generations", "5")
    dialog = open_at(runner, work, 30, 5)
    toggle = dialog.control(pyatspi.ROLE_CHECK_BOX, "Preview on canvas")
    if in_gimp:
        origin = canvas_origin_aside(args, dialog)
    reveal(toggle)
    click(toggle)
    wait_for("the option on", lambda: toggle.getState().contains(
        pyatspi.STATE_CHECKED), 5)

    def check_canvas(name, expected):
        wait_canvas_shows(args, dialog, origin, name, expected)

    if in_gimp:
        check_canvas("on", q30)
    dialog.set_number("Quality", 40)
    dialog.wait_ready(generations=5)
    if in_gimp:
        check_canvas("q40", q40)
    click(dialog.button("Cancel"))
    said = runner.close()
    if in_gimp:
        dialog = runner.open(os.path.join(work, "result.png"))
        dialog.wait_ready()
        toggle = dialog.control(pyatspi.ROLE_CHECK_BOX, "Preview on canvas")
        if not toggle.getState().contains(pyatspi.STATE_CHECKED):
            raise Failure("the option was not remembered")
        # Cancel kept no values: the dialog starts from the defaults.
        dialog.set_number("Quality", 40)
        dialog.set_number("Generations", 5)
        dialog.wait_ready(generations=5)
        check_canvas("again", q40)
        click(dialog.button("OK"))
        runner.close()
        runner.finish()
        if not same_pixels(os.path.join(work, "out-1.png"), args.image):
            raise Failure("Cancel changed the layer")
        infos = []
        for n in range(3):
            with open(os.path.join(work, "info-%d.txt" % n)) as f:
                infos.append(f.read().strip())
        log("the image before, after Cancel, after OK:", *infos)
        if infos[1] != infos[0]:
            raise Failure("after Cancel the image is %s, not %s as before"
                          % (infos[1], infos[0]))
        if not same_pixels(os.path.join(work, "out-2.png"), q40):
            raise Failure("OK did not apply the result the canvas showed")
        # After OK: the same one layer, active, undo on, and now dirty.
        if infos[2] != infos[0].replace(" (0) (1) ", " (1) (1) ", 1):
            raise Failure("after OK the image is %s" % infos[2])
        return
    runner.finish()
    lines = runner.text.split("\n")
    canvas = [line for line in lines if line.startswith("canvas")]

    def sha(path):
        import hashlib
        return "canvas-sha256 " + hashlib.sha256(rgb_bytes(path)[0]) \
            .hexdigest()
    log("canvas calls:", canvas)
    if canvas != [sha(q30), sha(q40), "canvas-off"]:
        raise Failure("the canvas calls were %r, not the results of quality "
                      "30 and 40 and off" % canvas)
    if "cancel" not in said:
        raise Failure("the dialog did not cancel")


GIMP_APP_NAMES = ("gimp-2.10", "GNU Image Manipulation Program", "GIMP")


def scenario_gegl_tool(args, runner, work):
    """GIMP 2.10 loads the GEGL operation from the user's GEGL folder
    ($XDG_DATA_HOME/gegl-0.4/plug-ins): Tools > GEGL Operation lists it
    (as "ja:jpeg-artifacts"), and picked there with its
    default properties, the on-canvas preview shows the command-line
    tool's pixels for quality 75, one generation."""
    folder = os.path.join(work, "data", "gegl-0.4", "plug-ins")
    os.makedirs(folder)
    shutil.copy(args.gegl_module, folder)
    home = os.path.join(work, "gimp2")
    os.makedirs(home)
    image = os.path.abspath(args.image)
    batch = ('(gimp-display-new (car (gimp-file-load RUN-NONINTERACTIVE'
             ' "%s" "%s")))' % (image, image))
    env = dict(os.environ)
    env["GIMP2_DIRECTORY"] = home
    env["XDG_DATA_HOME"] = os.path.join(work, "data")
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env.pop("GEGL_PATH", None)
    runner.log_file = open(os.path.join(work, "gimp.log"), "w")
    runner.process = subprocess.Popen(
        ["gimp-2.10", "-n", "-d", "-f", "-s",
         "--batch-interpreter=plug-in-script-fu-eval", "-b", batch],
        env=env, stdout=runner.log_file, stderr=subprocess.STDOUT)
    reference = cli_reference(args, work, 75, 1)
    item = find_menu_item(GIMP_APP_NAMES, "GEGL Operation...", 60)
    # The image window shows the image before the tool opens.
    wait_for("the image window", lambda: canvas_origin_now(args, work), 30,
             interval=1)
    origin = canvas_origin_now(args, work)
    log("the canvas shows the layer's pixel (0, 0) at", origin)
    item.queryAction().doAction(0)
    log("activated Tools > GEGL Operation...")
    window = find_dialog(GIMP_APP_NAMES, 30, "GEGL Operation")
    combo = wait_for("the operation list", lambda: pyatspi.findDescendant(
        window, lambda o: o is not None
        and o.getRole() == pyatspi.ROLE_COMBO_BOX), 10)
    items = wait_for("the operations", lambda: combo_items(combo), 10)
    log("GIMP's GEGL tool lists %d operations: %s" % (len(items), items))
    # 2.10 lists operations by name (later versions as "Title (name)").
    ours = [i for i in items if i.endswith("ja:jpeg-artifacts")
            or i.endswith("(ja:jpeg-artifacts)")]
    if not ours:
        raise Failure("the GEGL tool does not list ja:jpeg-artifacts")
    combo_select(combo, ours[0])
    shot = os.path.join(args.logdir, "%s-preview.png" % args.name)

    def shows():
        screenshot(shot)
        same, total = canvas_shows(shot, origin, reference, extents(window))
        log("canvas vs the tool: %d of %d visible blocks equal"
            % (same, total))
        return total >= 20 and same == total
    wait_for("the canvas to show the tool's pixels", shows, 60, interval=2)
    runner.process.kill()
    runner.process.wait()
    runner.log_file.close()


def canvas_origin_now(args, work):
    """canvas_origin of a screenshot taken now."""
    shot = os.path.join(work, "now.png")
    screenshot(shot)
    return canvas_origin(shot, args.image)


def scenario_canvas_selection(args, runner, work):
    """GIMP 2.10, a rectangle selected: "Preview on canvas" shows the
    result inside the selection and the layer outside it (the rectangle's
    edges, where GIMP draws the selection, left out), Cancel leaves the
    layer as it was, and OK writes what the canvas showed."""
    box = (100, 68, 320, 224)
    runner.before_calls = [
        "(gimp-image-select-rectangle image CHANNEL-OP-REPLACE %d %d %d %d)"
        % box]
    q30 = cli_reference(args, work, 30, 5)
    result, w, h = rgb_bytes(q30)
    original, _, _ = rgb_bytes(args.image)
    blend = bytearray(original)
    x0, y0, bw, bh = box
    for y in range(y0, y0 + bh):
        i = (y * w + x0) * 3
        blend[i:i + bw * 3] = result[i:i + bw * 3]
    expected = os.path.join(work, "expected.png")
    subprocess.run(["convert", "-size", "%dx%d" % (w, h), "-depth", "8",
                    "rgb:-", expected], input=bytes(blend), check=True)
    # The selection's outline: 4-pixel bands over the rectangle's edges.
    ignore = [(x0 - 2, y0 - 2, bw + 4, 4), (x0 - 2, y0 + bh - 2, bw + 4, 4),
              (x0 - 2, y0 - 2, 4, bh + 4), (x0 + bw - 2, y0 - 2, 4, bh + 4)]
    dialog = open_at(runner, work, 30, 5)
    origin = canvas_origin_aside(args, dialog)
    toggle = dialog.control(pyatspi.ROLE_CHECK_BOX, "Preview on canvas")
    reveal(toggle)
    click(toggle)
    wait_canvas_shows(args, dialog, origin, "on", expected, ignore=ignore)
    click(dialog.button("Cancel"))
    runner.close()
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 30)
    dialog.set_number("Generations", 5)
    dialog.wait_ready(generations=5)
    wait_canvas_shows(args, dialog, origin, "again", expected, ignore=ignore)
    click(dialog.button("OK"))
    runner.close()
    runner.finish()
    if not same_pixels(os.path.join(work, "out-1.png"), args.image):
        raise Failure("Cancel changed the layer")
    if not same_pixels(os.path.join(work, "out-2.png"), expected):
        raise Failure("OK did not write what the canvas showed")


SCENARIOS = {
    "canvas-selection": (scenario_canvas_selection, 2),
    "gegl-tool": (scenario_gegl_tool, 0),
    "canvas": (scenario_canvas, 2),
    "progress": (scenario_progress, 1),
    "apply": (scenario_apply, 1),
    "slider": (scenario_slider, 1),
    "cancel": (lambda a, r, w: scenario_cancel(a, r, w, False), 1),
    "escape": (lambda a, r, w: scenario_cancel(a, r, w, True), 1),
    "last-values": (scenario_last_values, 2),
    "german": (scenario_german, 1),
    "statistics": (scenario_statistics, 1),
    "difference": (scenario_difference, 1),
    "preset": (scenario_preset, 1),
    "save-preset": (scenario_save_preset, 3),
    "broken-presets": (scenario_broken_presets, 1),
    "schedule-entry": (scenario_schedule_entry, 1),
    "original-settings": (scenario_original_settings, 3),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--in", dest="where", choices=("harness", "gimp"),
                        required=True)
    parser.add_argument("--harness")
    parser.add_argument("--plugin")
    parser.add_argument("--cli")
    parser.add_argument("--gegl-module",
                        help="the GEGL operation module (gegl-tool)")
    parser.add_argument("--image", required=True)
    parser.add_argument("--logdir", required=True)
    parser.add_argument("--language", choices=sorted(LOCALES),
                        help="run GIMP in this language")
    parser.add_argument("--localedir",
                        help="the build's po/ folder, the catalogues")
    args = parser.parse_args()
    args.name = "%s-%s" % (args.where, args.scenario)

    if os.environ.get("JA_DIALOG_SESSION") != "1":
        os.makedirs(args.logdir, exist_ok=True)
        return reexec_in_session(
            sys.argv[1:], os.path.join(args.logdir, "%s-xvfb.log" % args.name))

    os.makedirs(args.logdir, exist_ok=True)
    wait_for_display()
    launcher = start_accessibility()
    load_pyatspi()
    work = tempfile.mkdtemp(prefix="ja-dialog-%s-" % args.name)
    function, runs = SCENARIOS[args.scenario]
    runner = Harness(args, work) if args.where == "harness" \
        else Gimp(args, work, runs)
    try:
        function(args, runner, work)
    except (Failure, subprocess.TimeoutExpired) as failure:
        log("FAIL:", failure)
        try:
            screenshot(os.path.join(args.logdir, "%s-failure.png"
                                    % args.name))
        except Exception:
            pass
        return 1
    finally:
        process = getattr(runner, "process", None)
        if process is not None and process.poll() is None:
            process.kill()
        # Asked to end, the launcher ends the accessibility bus it started;
        # killed, it would leave that bus's dbus-daemon running.
        if launcher.poll() is None:
            launcher.terminate()
            try:
                launcher.wait(timeout=5)
            except subprocess.TimeoutExpired:
                launcher.kill()
        if isinstance(runner, Gimp) and os.path.exists(
                os.path.join(work, "gimp.log")):
            shutil.copy(os.path.join(work, "gimp.log"),
                        os.path.join(args.logdir, "%s-gimp.log" % args.name))
        shutil.rmtree(work, ignore_errors=True)
    log("PASS", args.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
