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
# This file holds the registry of scenarios and main; the session (Xvfb,
# D-Bus, the accessibility bus, the run of one scenario) is in
# drive_session.py, the tools in drive_atspi.py, the dialog and its
# runners in drive_dialog.py, the scenarios in drive_scenarios.py,
# drive_presets.py and drive_canvas.py.  tests/gimp3/dialog3.py imports
# this file's names and the scenarios', and runs its own in
# drive_session.py's session too.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import sys

# harness.py (the warmed pluginrc of GIMP 2.10's starts) is tests/gimp's.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "gimp"))

# tests/gimp3/dialog3.py reads the names below that this file does not use
# as drive.NAME.
from drive_atspi import (click, combo_select, Failure, LOCALES, log,
                         PROCEDURE, pyatspi, reveal, same_pixels, screenshot,
                         wait_for, xdotool)
from drive_dialog import Dialog, Gimp, Harness
from drive_scenarios import (cli_output, open_at, scenario_apply,
                             scenario_cancel, scenario_difference,
                             scenario_last_values, scenario_progress,
                             scenario_slider, scenario_statistics)
from drive_presets import (scenario_broken_presets, scenario_original_settings,
                           scenario_preset, scenario_save_preset,
                           scenario_schedule_entry)
from drive_canvas import (canvas_origin_aside, check_german,
                          read_image_records, scenario_canvas,
                          scenario_canvas_selection, scenario_gegl_tool,
                          scenario_german, scenario_narrow,
                          wait_canvas_shows)
from drive_session import run_scenario


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
    "narrow": (scenario_narrow, 1),
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
    parser.add_argument("--gimp-console",
                        help="GIMP 2.10's gimp-console, which makes the "
                        "warmed pluginrc (--in gimp)")
    parser.add_argument("--pluginrc-cache",
                        help="the build's folder of the warmed pluginrc "
                        "(--in gimp)")
    args = parser.parse_args()
    args.name = "%s-%s" % (args.where, args.scenario)
    function, runs = SCENARIOS[args.scenario]

    def make_runner(work):
        if args.where == "harness":
            return Harness(args, work)
        return Gimp(args, work, runs)

    return run_scenario(args, __file__, function, make_runner)


if __name__ == "__main__":
    sys.exit(main())
