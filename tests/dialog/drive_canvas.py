# drive_canvas.py: drive.py's scenarios in GIMP's own window: the
# dialog and its menu item in German (and, in the harness, the dialog in
# the languages with the longest labels on a small screen), the preview on
# GIMP's canvas (with the dialog moved aside), the GEGL operation in GIMP's
# GEGL tool, and the canvas preview of a selection.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import time

import harness
from drive_atspi import (click, combo_items, combo_select, extents, Failure,
                         find_dialog, log, PLUGIN_NAME, pyatspi, reveal,
                         rgb_bytes, same_pixels, screenshot, text_of, wait_for,
                         xdotool)
from drive_dialog import Gimp
from drive_scenarios import cli_output, cli_reference, open_at


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


def check_german(args, runner, work, app_names, menu_timeout):
    """The German dialog in GIMP (LANGUAGE=de), whose accessible
    application is one of APP_NAMES: every control of the dialog carries
    its German name from the plug-in's catalogue and lies on the screen
    (the test asks for a small one: the bar above the preview wraps, and
    the window keeps within the monitor), Filter > Verzerren shows
    the German menu label (within MENU_TIMEOUT seconds), and Abbrechen
    leaves the layer unchanged.  GIMP 2.10 and GIMP 3 (tests/gimp3/
    dialog3.py) alike."""
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
    dialog.check_on_screen()
    screenshot(os.path.join(args.logdir, "%s-dialog.png" % args.name))
    item = find_menu_item(app_names, german("JPEG Artifacts…"), menu_timeout)
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


def scenario_german(args, runner, work):
    """GIMP 2.10 in German: check_german, and GIMP registered the plug-in's
    text domain."""
    check_german(args, runner, work,
                 ("gimp-2.10", "GNU Image Manipulation Program", "GIMP"), 30)
    # pluginrc holds binary icon data too: search its bytes.
    with open(os.path.join(runner.home, "pluginrc"), "rb") as f:
        pluginrc = f.read()
    registered = '(locale-def "%s" "%s")' % (PLUGIN_NAME, args.localedir)
    if registered.encode("utf-8") not in pluginrc:
        raise Failure("pluginrc has no %s" % registered)
    log("GIMP registered the text domain:", registered)


# The catalogues whose labels are the longest, each with its word for
# Quality, which a catalogue that is not loaded (or another language's)
# cannot give.
NARROW_LANGUAGES = (("de", "Qualität"), ("es", "Calidad"),
                    ("fr", "Qualité"), ("pt_BR", "Qualidade"))


def scenario_narrow(args, runner, work):
    """The dialog in the harness in each of NARROW_LANGUAGES in turn, on
    the small screen the test asks for (800x600): once its result and
    read-outs show (their texts, which come last, must not widen it), the
    window and every control lie on the screen, each under its name from
    the language's catalogue; Cancel closes it."""
    for language, quality in NARROW_LANGUAGES:
        catalogue = Catalogue(args.localedir, language)
        if catalogue("Quality") != quality:
            raise Failure("'Quality' is '%s' in %s.po, expected '%s'"
                          % (catalogue("Quality"), language, quality))
        runner.language = language
        title = catalogue.raw("JPEG Artifacts – %s").split("%s")[0]
        dialog = runner.open(os.path.join(work, "%s.png" % language), title)
        log("%s: the dialog's title: %s" % (language, dialog.window.name))
        ready = catalogue.raw("Result ready: generation %d of %d") % (1, 1)
        status = dialog.control(pyatspi.ROLE_LABEL, catalogue("Status"))
        wait_for("'%s'" % ready, lambda: text_of(status) == ready, 60)
        size = dialog.control(pyatspi.ROLE_LABEL, catalogue("File size"))
        prefix = catalogue.raw("File size: %s, %.2f bits/pixel").split("%")[0]
        wait_for("the file size", lambda: text_of(size).startswith(prefix),
                 60)
        log("%s: %s; %s" % (language, text_of(status), text_of(size)))
        dialog.check_names(catalogue)
        dialog.check_on_screen()
        screenshot(os.path.join(args.logdir, "%s-%s.png"
                                % (args.name, language)))
        click(dialog.button(catalogue("Cancel")))
        said = runner.close()
        if "cancel" not in said:
            raise Failure("%s: Cancel did not cancel: %s" % (language, said))


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


def read_image_records(work):
    """What the GIMP runner recorded of the image (its record_image, or
    tests/gimp3's record) before the first of two calls, after the first
    (Cancel) and after the second (OK), info-0.txt to info-2.txt in WORK;
    checks that Cancel left the image as it was."""
    infos = []
    for n in range(3):
        with open(os.path.join(work, "info-%d.txt" % n)) as f:
            infos.append(f.read().strip())
    log("the image before, after Cancel, after OK:", *infos)
    if infos[1] != infos[0]:
        raise Failure("after Cancel the image is %s, not %s as before"
                      % (infos[1], infos[0]))
    return infos


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
        infos = read_image_records(work)
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
    harness.warm_pluginrc(home, args.gimp_console, args.pluginrc_cache)
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
