# gui.py: a real GIMP 2.10 with its user interface, for what batch mode
# cannot do: GIMP 2.10's procedure database has no Undo, so the undo test
# presses Ctrl+Z in the image window as a person would; and a plug-in
# called through the procedure database shows no progress, so the cancel
# test starts the filter from the image window and clicks the Cancel button
# of its status bar.  GIMP runs on its own Xvfb server with a fresh
# GIMP2_DIRECTORY (harness.py's, with the warmed pluginrc); the test sends
# it Script-Fu through the Script-Fu server (plug-in-script-fu-server), keys
# and clicks through xdotool, and reads the screen with ImageMagick's
# import.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import socket
import struct
import subprocess
import time

import harness
from harness import Failure, check


# The size of the private X server's screen.
SCREEN = (1280, 1024)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GimpGui:
    """GIMP with its windows on a private X server."""

    def __init__(self, config, gimp="gimp-2.10", verbose=False):
        self.config = config
        self.gimp = gimp
        self.verbose = verbose
        self.xvfb = None
        self.process = None
        self.socket = None
        self.display = None
        self.log = open(config.path("gimp-gui-output.txt"), "w")

    def start(self, timeout=90):
        read_end, write_end = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
             "%dx%dx24" % SCREEN, "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=self.log, stderr=self.log)
        os.close(write_end)
        with os.fdopen(read_end) as f:
            self.display = ":" + f.readline().strip()
        gimp_dir = harness.fresh_gimp_directory(self.config)
        self.port = _free_port()
        env = dict(os.environ)
        env.update(GIMP2_DIRECTORY=gimp_dir, DISPLAY=self.display,
                   LC_ALL=env.get("LC_ALL", "C.UTF-8"), NO_AT_BRIDGE="1")
        server = ('(plug-in-script-fu-server RUN-NONINTERACTIVE "127.0.0.1" '
                  '%d "")' % self.port)
        self.process = subprocess.Popen(
            [self.gimp, "-n", "-d", "-f", "-s", "--console-messages"]
            + (["--verbose"] if self.verbose else []) + ["-b", server],
            env=env, stdout=self.log, stderr=self.log,
            start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            check(self.process.poll() is None,
                  "GIMP ended before its Script-Fu server started")
            try:
                self.socket = socket.create_connection(("127.0.0.1",
                                                        self.port), 1)
                break
            except OSError:
                check(time.monotonic() < deadline,
                      "GIMP's Script-Fu server did not start in %d s"
                      % timeout)
                time.sleep(0.3)
        self.socket.settimeout(timeout)

    def _receive(self, n):
        data = b""
        while len(data) < n:
            chunk = self.socket.recv(n - len(data))
            if not chunk:
                raise Failure("GIMP's Script-Fu server closed the connection")
            data += chunk
        return data

    def send(self, script):
        """Sends SCRIPT without waiting for its answer (see answer)."""
        body = script.encode("utf-8")
        self.socket.sendall(b"G" + struct.pack(">H", len(body)) + body)

    def answer(self):
        """The answer to the script sent last: (failed, output)."""
        magic, error, length = struct.unpack(">cBH", self._receive(4))
        output = self._receive(length).decode("utf-8", "replace")
        check(magic == b"G", "the Script-Fu server answered garbage")
        return error != 0, output

    def run(self, script):
        """Runs SCRIPT; returns what it printed.  A failing script is a
        Failure."""
        self.send(script)
        magic, error, length = struct.unpack(">cBH", self._receive(4))
        output = self._receive(length).decode("utf-8", "replace")
        print("script-fu> %s\n  -> %s" % (script.strip()[:200], output),
              file=self.log, flush=True)
        check(magic == b"G" and error == 0,
              "Script-Fu failed: %s\nfor: %s" % (output, script))
        return output

    def run_until(self, script, expected, timeout=30):
        """Runs SCRIPT until it prints EXPECTED, at most TIMEOUT seconds:
        GIMP handles a key pressed in its window in its own time (a busy
        machine can take more than a second), so a test waits for the key's
        effect instead of a fixed time.  Returns the last output; the
        caller checks it."""
        deadline = time.monotonic() + timeout
        while True:
            output = self.run(script).strip()
            if output == expected or time.monotonic() > deadline:
                return output
            time.sleep(0.2)

    def xdotool(self, *args):
        env = dict(os.environ, DISPLAY=self.display)
        done = subprocess.run(["xdotool"] + list(args), env=env,
                              capture_output=True, timeout=30)
        return done.returncode, done.stdout.decode().split()

    def window(self, title, timeout=30):
        """The visible window whose title contains TITLE (a regular
        expression), waiting for it up to TIMEOUT seconds."""
        deadline = time.monotonic() + timeout
        while True:
            status, windows = self.xdotool("search", "--onlyvisible",
                                           "--name", title)
            if status == 0 and windows:
                return windows[-1]
            check(time.monotonic() < deadline,
                  "no window titled '...%s...'" % title)
            time.sleep(0.3)

    def geometry(self, window):
        """WINDOW's (x, y, width, height) on the screen."""
        _, words = self.xdotool("getwindowgeometry", "--shell", window)
        values = dict(w.split("=", 1) for w in words if "=" in w)
        return tuple(int(values[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))

    def screenshot(self):
        """The whole screen as (width, height, RGB bytes, 3 a pixel)."""
        env = dict(os.environ, DISPLAY=self.display)
        done = subprocess.run(["import", "-window", "root", "-depth", "8",
                               "rgb:-"], env=env, capture_output=True,
                              timeout=60)
        check(done.returncode == 0, "import failed: %s"
              % done.stderr.decode("utf-8", "replace"))
        width, height = SCREEN
        check(len(done.stdout) == width * height * 3,
              "a screenshot of %d bytes" % len(done.stdout))
        return width, height, done.stdout

    def save_screenshot(self, name):
        """Saves the screen as NAME (a PNG) in the case's folder, for a
        person to look at."""
        env = dict(os.environ, DISPLAY=self.display)
        subprocess.run(["import", "-window", "root",
                        self.config.path(name)], env=env, timeout=60,
                       capture_output=True)

    def click(self, x, y):
        self.xdotool("mousemove", "--sync", str(x), str(y))
        self.xdotool("click", "1")
        print("clicked at (%d, %d)" % (x, y), file=self.log, flush=True)

    def type_in_window(self, window, text):
        """Focuses WINDOW and types TEXT into it."""
        self.xdotool("windowfocus", "--sync", window)
        self.xdotool("type", "--delay", "40", "--window", window, text)

    def press_in_window(self, title, keys):
        """Focuses the visible window whose title contains TITLE and
        presses KEYS (xdotool's names, e.g. ctrl+z) in it."""
        window = self.window(title)
        self.xdotool("windowfocus", "--sync", window)
        self.xdotool("key", "--window", window, "--clearmodifiers", keys)
        print("pressed %s in window %s ('%s')" % (keys, window, title),
              file=self.log, flush=True)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            try:
                self.socket.sendall(b"G" + struct.pack(">H", 14)
                                    + b"(gimp-quit 1)")
            except OSError:
                pass
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.socket is not None:
            self.socket.close()
        if self.process is not None:
            # GIMP quit from inside the Script-Fu server, whose plug-in
            # process (GIMP's child, in GIMP's own session) outlives it:
            # whatever is left of the session goes with it.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except OSError:
                pass
        if self.xvfb is not None:
            self.xvfb.terminate()
            self.xvfb.wait()
        self.log.close()
