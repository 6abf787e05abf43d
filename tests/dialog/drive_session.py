# drive_session.py: the session a dialog test runs in, for drive.py (the
# harness and GIMP 2.10) and tests/gimp3/dialog3.py (GIMP 3): the test
# starts itself again inside dbus-run-session and xvfb-run, waits for the
# X server, starts the accessibility bus, runs one scenario with its runner
# in a fresh work folder, and on every way out stops what it started,
# keeps GIMP's log and a screenshot of a failure in the log folder, and
# removes the work folder.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time

from drive_atspi import (Failure, load_pyatspi, log, SCREEN, screenshot,
                         wait_for)


def reexec_in_session(argv, error_file, script):
    """Runs SCRIPT again with ARGV inside dbus-run-session and xvfb-run,
    which keeps the X server's own messages in ERROR_FILE."""
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
        # -noreset: by default the server resets when its last client
        # leaves (wait_for_display's xdotool, say), and a client that
        # connects meanwhile is refused ("cannot open display").
        "-s", "-screen 0 %s -nolisten tcp -noreset" % SCREEN,
        "/usr/bin/python3", script] + argv
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


def run_scenario(args, script, scenario, make_runner, work_parent=None):
    """Runs SCENARIO(ARGS, RUNNER, WORK) in the session, SCRIPT (the test's
    own file) starting itself in one first; RUNNER is MAKE_RUNNER(WORK),
    WORK a fresh folder (below WORK_PARENT when given).  ARGS.name names
    the logs in ARGS.logdir.  Returns the test's exit status: 0 when the
    scenario passed."""
    os.makedirs(args.logdir, exist_ok=True)
    if os.environ.get("JA_DIALOG_SESSION") != "1":
        return reexec_in_session(
            sys.argv[1:], os.path.join(args.logdir, "%s-xvfb.log" % args.name),
            os.path.abspath(script))

    wait_for_display()
    launcher = start_accessibility()
    load_pyatspi()
    work = tempfile.mkdtemp(prefix="ja-dialog-%s-" % args.name,
                            dir=work_parent)
    runner = make_runner(work)
    try:
        scenario(args, runner, work)
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
        # GIMP's runners write gimp.log; the harness writes none.
        if os.path.exists(os.path.join(work, "gimp.log")):
            shutil.copy(os.path.join(work, "gimp.log"),
                        os.path.join(args.logdir, "%s-gimp.log" % args.name))
        shutil.rmtree(work, ignore_errors=True)
    log("PASS", args.name)
    return 0
