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
# This file holds the session (Xvfb, D-Bus, the accessibility bus), the
# registry of scenarios and main; the tools are in drive_atspi.py, the
# dialog and its runners in drive_dialog.py, the scenarios in
# drive_scenarios.py, drive_presets.py and drive_canvas.py.
# tests/gimp3/dialog3.py imports this file's names and the scenarios'.
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

# tests/gimp3/dialog3.py reads the names below that this file does not use
# as drive.NAME.
from drive_atspi import (click, combo_select, Failure, load_pyatspi, LOCALES,
                         log, PROCEDURE, pyatspi, reveal, same_pixels, SCREEN,
                         screenshot, wait_for, xdotool)
from drive_dialog import Dialog, Gimp, Harness
from drive_scenarios import (cli_output, open_at, scenario_apply,
                             scenario_cancel, scenario_difference,
                             scenario_last_values, scenario_progress,
                             scenario_slider, scenario_statistics)
from drive_presets import (scenario_broken_presets, scenario_original_settings,
                           scenario_preset, scenario_save_preset,
                           scenario_schedule_entry)
from drive_canvas import (canvas_origin_aside, Catalogue, find_menu_item,
                          scenario_canvas, scenario_canvas_selection,
                          scenario_gegl_tool, scenario_german,
                          wait_canvas_shows)


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
