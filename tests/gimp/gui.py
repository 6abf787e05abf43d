# gui.py: a real GIMP 2.10 with its user interface, for what batch mode
# cannot do: GIMP 2.10's procedure database has no Undo, so the undo test
# presses Ctrl+Z in the image window as a person would.  GIMP runs on its
# own Xvfb server with a fresh GIMP2_DIRECTORY; the test sends it Script-Fu
# through the Script-Fu server (plug-in-script-fu-server) and keys through
# xdotool.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import socket
import struct
import subprocess
import time

import harness
from harness import Failure, check


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GimpGui:
    """GIMP with its windows on a private X server."""

    def __init__(self, config, gimp="gimp-2.10"):
        self.config = config
        self.gimp = gimp
        self.xvfb = None
        self.process = None
        self.display = None
        self.log = open(config.path("gimp-gui-output.txt"), "w")

    def start(self, timeout=90):
        read_end, write_end = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
             "1280x1024x24", "-nolisten", "tcp"],
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
            [self.gimp, "-n", "-d", "-f", "-s", "--console-messages",
             "-b", server], env=env, stdout=self.log, stderr=self.log)
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

    def run(self, script):
        """Runs SCRIPT; returns what it printed.  A failing script is a
        Failure."""
        body = script.encode("utf-8")
        self.socket.sendall(b"G" + struct.pack(">H", len(body)) + body)
        magic, error, length = struct.unpack(">cBH", self._receive(4))
        output = self._receive(length).decode("utf-8", "replace")
        print("script-fu> %s\n  -> %s" % (script.strip()[:200], output),
              file=self.log, flush=True)
        check(magic == b"G" and error == 0,
              "Script-Fu failed: %s\nfor: %s" % (output, script))
        return output

    def xdotool(self, *args):
        env = dict(os.environ, DISPLAY=self.display)
        done = subprocess.run(["xdotool"] + list(args), env=env,
                              capture_output=True, timeout=30)
        return done.returncode, done.stdout.decode().split()

    def press_in_window(self, title, keys):
        """Focuses the visible window whose title contains TITLE and
        presses KEYS (xdotool's names, e.g. ctrl+z) in it."""
        deadline = time.monotonic() + 30
        while True:
            status, windows = self.xdotool("search", "--onlyvisible",
                                           "--name", title)
            if status == 0 and windows:
                break
            check(time.monotonic() < deadline,
                  "no window titled '...%s...'" % title)
            time.sleep(0.3)
        window = windows[-1]
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
        if self.xvfb is not None:
            self.xvfb.terminate()
            self.xvfb.wait()
        self.log.close()
