#!/usr/bin/python3
# dialog3.py: the dialog scenarios of tests/dialog/drive.py inside a real
# GIMP 3.0 or 3.2: GIMP starts with its user interface on a private X
# server (Xvfb) in a D-Bus session with the accessibility bus, with a copy
# of the warmed GIMP3_DIRECTORY of tests/gimp3 (gimp3.py), and a Python-Fu
# batch opens the image in a display and calls plug-in-jpeg-artifacts
# interactively on its selected layer, exporting the image after each
# call; drive.py's scenarios then find the dialog by its accessible names,
# drive it with xdotool and check what it wrote.  GIMP 3 changes three
# things the scenarios see: the dialog has no "Apply to" row (GIMP 3 runs
# on the selected layers), GIMP's own application name, and the menu
# entry's translation, which GIMP 3 reads from locale/ in the plug-in's
# folder.  The session (Xvfb, D-Bus, the accessibility bus, one scenario's
# run and clean-up) is tests/dialog/drive_session.py's, as for drive.py.
#
#   dialog3.py SCENARIO --gimp GIMP --gimp-console GIMP-CONSOLE --plugin BIN
#              --cli BIN --image PNG --logdir DIR --warm DIR
#              --localedir DIR [--language de]
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "dialog"))
sys.path.insert(0, os.path.join(HERE, "..", "gimp"))
sys.path.insert(0, HERE)

import cases  # noqa: E402
import drive  # noqa: E402
import drive_session  # noqa: E402
import gimp3  # noqa: E402
import harness  # noqa: E402
import pngio  # noqa: E402
from drive import Failure, click, log, same_pixels, screenshot  # noqa: E402

# GIMP 3's names on the accessibility bus.
GIMP_APP_NAMES = ("gimp", "gimp-3.0", "gimp-3.2", "GIMP",
                  "GNU Image Manipulation Program")


class Dialog3(drive.Dialog):
    """The dialog as the GIMP 3 plug-in shows it: no "Apply to" row."""

    def check_names(self, translate=lambda name: name, hidden=()):
        super().check_names(translate, hidden=tuple(hidden) + ("Apply to",))


class Gimp3(drive.Gimp):
    """GIMP 3 with its user interface, started by a Python-Fu batch that
    opens the image in a display and calls the procedure interactively
    RUNS times, exporting the image to out-N.png after each call.  With
    RECORD (a line of Python-Fu with one %r, a file's path) the image is
    made clean first and RECORD writes info-0.txt before the first call and
    info-N.txt after call N."""
    record = None

    def start(self):
        self.home = self.gimp_directory()
        image = os.path.abspath(self.args.image)
        lines = [
            "from gi.repository import Gimp, Gio",
            "image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE,"
            " Gio.File.new_for_path(%r))" % image,
            "display = Gimp.Display.new(image)",
            "Gimp.displays_flush()",
            "proc = Gimp.get_pdb().lookup_procedure(%r)" % drive.PROCEDURE,
        ]
        info = lambda n: [self.record % os.path.join(
            self.work, "info-%d.txt" % n)] if self.record else []
        if self.record:
            lines += ["image.clean_all()"] + info(0)
        for n in range(1, self.runs + 1):
            out = os.path.join(self.work, "out-%d.png" % n)
            lines += [
                "cfg = proc.create_config()",
                "cfg.set_property('run-mode', Gimp.RunMode.INTERACTIVE)",
                "cfg.set_property('image', image)",
                "cfg.set_core_object_array('drawables',"
                " image.get_selected_drawables())",
                "proc.run(cfg)",
            ] + info(n) + [
                "Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image,"
                " Gio.File.new_for_path(%r), None)" % out,
            ]
        lines.append("display.delete()")
        self.launch("\n".join(lines) + "\n")

    def gimp_directory(self):
        """A copy of tests/gimp3's warmed GIMP3_DIRECTORY in the work
        folder."""
        return gimp3.fresh_gimp_directory(gimp3.Config(
            self.args.plugin, self.args.cli, None, self.args.gimp_console,
            self.work, self.args.warm, self.args.localedir))

    def launch(self, batch):
        """Starts GIMP on the display with BATCH (Python-Fu) and --quit."""
        log("GIMP batch:\n" + batch)
        self.spawn([self.args.gimp, "-n", "-d", "-f", "-s",
                    "--batch-interpreter", "python-fu-eval", "-b", "-",
                    "--quit"], "GIMP3_DIRECTORY", batch)

    def open(self, output, title="JPEG Artifacts"):
        dialog = super().open(output, title)
        return Dialog3(dialog.window, title)


class Gimp3TwoLayers(Gimp3):
    """GIMP 3 with the image and a second layer (a crop of chelsea.png at
    (7, 5)) both selected: the batch calls the procedure interactively once,
    dumps both layers' pixels, writes "applied", waits for "undone" (the
    test has pressed Ctrl+Z in the image window) and for the Undo to make
    the image clean again (GIMP handles the key in its own time: at most
    30 s), and dumps them again."""

    def start(self):
        self.home = self.gimp_directory()
        w = lambda name: os.path.join(self.work, name)
        self.second = w("second.png")
        drive_image = harness.cut_sample(
            argparse.Namespace(data=os.path.dirname(self.args.image)),
            "chelsea.png", 40, 30, 150, 110)
        pngio.write(self.second, drive_image)
        batch = """
import os, time
import gi
gi.require_version("Gegl", "0.4")
from gi.repository import Gimp, Gio, Gegl

def dump(drawable, path):
    w, h = drawable.get_width(), drawable.get_height()
    data = drawable.get_buffer().get(Gegl.Rectangle.new(0, 0, w, h), 1.0,
                                     "R'G'B' u8", Gegl.AbyssPolicy.NONE)
    with open(path, "wb") as f:
        f.write(bytes(data))

image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE,
                       Gio.File.new_for_path(%(image)r))
a = image.get_layers()[0]
b = Gimp.file_load_layer(Gimp.RunMode.NONINTERACTIVE, image,
                         Gio.File.new_for_path(%(second)r))
image.insert_layer(b, None, 0)
b.set_offsets(7, 5)
image.set_selected_layers([a, b])
image.clean_all()
display = Gimp.Display.new(image)
Gimp.displays_flush()
proc = Gimp.get_pdb().lookup_procedure(%(procedure)r)
cfg = proc.create_config()
cfg.set_property("run-mode", Gimp.RunMode.INTERACTIVE)
cfg.set_property("image", image)
cfg.set_core_object_array("drawables", image.get_selected_drawables())
proc.run(cfg)
Gimp.displays_flush()
dump(a, %(a1)r)
dump(b, %(b1)r)
with open(%(applied)r, "w") as f:
    f.write("dirty" if image.is_dirty() else "clean")
for i in range(600):
    if os.path.exists(%(undone)r):
        break
    time.sleep(0.1)
for i in range(300):
    if not image.is_dirty():
        break
    time.sleep(0.1)
dump(a, %(a2)r)
dump(b, %(b2)r)
open(%(finished)r, "w").close()
display.delete()
""" % {"image": os.path.abspath(self.args.image), "second": self.second,
       "procedure": drive.PROCEDURE, "a1": w("a-applied.raw"),
       "b1": w("b-applied.raw"), "applied": w("applied"),
       "undone": w("undone"), "a2": w("a-undone.raw"),
       "b2": w("b-undone.raw"), "finished": w("finished")}
        self.launch(batch)


def scenario_undo_two_layers(args, runner, work):
    """Two selected layers, OK in the dialog: both change (each equals the
    tool's result, the second with its grid anchored at the image's origin
    from its offset (7, 5)); one Ctrl+Z in the image window restores both."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 30)
    dialog.wait_ready(generations=1)
    click(dialog.button("OK"))
    applied = os.path.join(work, "applied")
    drive.wait_for("the run to end", lambda: os.path.exists(applied)
                   and os.path.getsize(applied) > 0, 60)
    with open(applied) as f:
        if f.read() != "dirty":
            raise Failure("after OK the image is clean: the wait for the "
                          "Undo would mean nothing")
    window = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "GIMP$"],
        capture_output=True, text=True).stdout.split()
    if not window:
        raise Failure("GIMP's image window was not found")
    drive.xdotool("windowfocus", "--sync", window[0])
    drive.xdotool("key", "--window", window[0], "--clearmodifiers", "ctrl+z")
    log("pressed Ctrl+Z in GIMP's window", window[0])
    screenshot(os.path.join(args.logdir, "%s-undone.png" % args.name))
    open(os.path.join(work, "undone"), "w").close()
    drive.wait_for("the batch to end", lambda: os.path.exists(
        os.path.join(work, "finished")), 60)
    runner.finish()
    original_a = pngio.read(args.image)
    original_b = pngio.read(runner.second)
    settings = cases.Settings(30, 1, "420")
    config = argparse.Namespace(cli=args.cli)
    expected_a = settings.cli(config, args.image,
                              os.path.join(work, "cli-a.png"))
    padded = os.path.join(work, "padded-b.png")
    pngio.write(padded, original_b.pad_edges(7, 5))
    expected_b = settings.cli(config, padded,
                              os.path.join(work, "cli-b.png")).crop(
        7, 5, original_b.width, original_b.height)
    read = lambda name, image: gimp3.read_dump(
        os.path.join(work, name), image.width, image.height, 3)
    harness.assert_same(read("a-applied.raw", original_a),
                        harness.channels_only(expected_a, [0, 1, 2]),
                        "after OK: the first selected layer vs the tool")
    harness.assert_same(read("b-applied.raw", original_b),
                        harness.channels_only(expected_b, [0, 1, 2]),
                        "after OK: the second selected layer at (7, 5) vs "
                        "the tool with its grid 7, 5 pixels before it")
    harness.assert_same(read("a-undone.raw", original_a),
                        harness.channels_only(original_a, [0, 1, 2]),
                        "after one Ctrl+Z: the first layer as it was")
    harness.assert_same(read("b-undone.raw", original_b),
                        harness.channels_only(original_b, [0, 1, 2]),
                        "after one Ctrl+Z: the second layer as it was")


def scenario_german(args, runner, work):
    """GIMP 3 in German: drive_canvas.check_german (GIMP 3 translates the
    menu label from locale/ in the plug-in's folder)."""
    drive.check_german(args, runner, work, GIMP_APP_NAMES, 60)


SCENARIOS = {
    "apply": (drive.scenario_apply, 1),
    "slider": (drive.scenario_slider, 1),
    "escape": (lambda a, r, w: drive.scenario_cancel(a, r, w, True), 1),
    "last-values": (drive.scenario_last_values, 2),
    "german": (scenario_german, 1),
    "undo-two-layers": (scenario_undo_two_layers, 1),
}


class Gimp3Canvas(Gimp3):
    """Gimp3 with the GEGL operation in the user's GEGL folder, recording
    the image's layer count, whether it is dirty, whether undo is enabled,
    the selected layers' ids and the layer's filters (their operations)."""
    record = (
        "with open(%r, 'w') as f: f.write(repr(["
        "len(image.get_layers()), image.is_dirty(),"
        " image.undo_is_enabled(),"
        " [l.get_id() for l in image.get_selected_layers()],"
        " [x.get_operation_name()"
        " for x in image.get_layers()[0].get_filters()]]))")

    def start(self):
        folder = os.path.join(self.work, "data", "gegl-0.4", "plug-ins")
        os.makedirs(folder)
        shutil.copy(self.args.gegl_module, folder)
        os.environ["XDG_DATA_HOME"] = os.path.join(self.work, "data")
        super().start()


def scenario_canvas_filter(args, runner, work):
    """GIMP 3: "Preview on canvas" shows the effect in the image window
    through the ja:jpeg-artifacts filter (the tool's pixels, and again after
    Quality changes); Cancel leaves the image as it was (one layer, clean,
    undo on, the same layer selected, no filter).  Then the output
    "Non-destructive filter" with OK leaves one ja:jpeg-artifacts filter on
    the layer, the layer's own pixels under it."""
    q30 = drive.cli_output(args, work, "q30.png", "--quality", "30",
                           "--generations", "5")
    q40 = drive.cli_output(args, work, "q40.png", "--quality", "40",
                           "--generations", "5")
    dialog = drive.open_at(runner, work, 30, 5)
    origin = drive.canvas_origin_aside(args, dialog)
    toggle = dialog.control(drive.pyatspi.ROLE_CHECK_BOX, "Preview on canvas")
    drive.reveal(toggle)
    click(toggle)

    def check_canvas(name, expected):
        drive.wait_canvas_shows(args, dialog, origin, name, expected)

    check_canvas("on", q30)
    dialog.set_number("Quality", 40)
    dialog.wait_ready(generations=5)
    check_canvas("q40", q40)
    click(dialog.button("Cancel"))
    runner.close()
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.wait_ready()
    drive.combo_select(dialog.combo("Output"), "Non-destructive filter")
    click(dialog.button("OK"))
    runner.close()
    runner.finish()
    infos = drive.read_image_records(work)
    if not same_pixels(os.path.join(work, "out-1.png"), args.image):
        raise Failure("Cancel changed the layer")
    if not infos[2].endswith("['ja:jpeg-artifacts']]"):
        raise Failure("after OK the layer's filters are not one "
                      "ja:jpeg-artifacts: %s" % infos[2])


SCENARIOS["canvas-filter"] = (scenario_canvas_filter, 2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--gimp", required=True)
    parser.add_argument("--gimp-console", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--logdir", required=True)
    parser.add_argument("--warm", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--language", choices=sorted(drive.LOCALES))
    parser.add_argument("--gegl-module",
                        help="the GEGL operation module (canvas-filter)")
    args = parser.parse_args()
    args.where = "gimp3"
    args.name = "%s-%s" % (os.path.basename(args.gimp), args.scenario)
    function, runs = SCENARIOS[args.scenario]
    runner_class = {"undo-two-layers": Gimp3TwoLayers,
                    "canvas-filter": Gimp3Canvas}.get(args.scenario, Gimp3)
    # The work folder beside the warmed GIMP folder, inside the build.
    return drive_session.run_scenario(
        args, __file__, function, lambda work: runner_class(args, work, runs),
        os.path.dirname(os.path.abspath(args.warm)))


if __name__ == "__main__":
    sys.exit(main())
