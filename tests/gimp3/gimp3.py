# gimp3.py: what every GIMP 3 test case needs: a real GIMP 3.0 or 3.2
# started in batch mode (gimp-console-3.x --batch-interpreter) with a copy
# of one warmed GIMP3_DIRECTORY that holds the plug-in under test and its
# catalogues (a fresh folder makes GIMP query its hundred plug-ins, 10 to
# 40 s; a warmed copy starts in a few), a Python-Fu prelude that logs to a
# file, calls plug-in-jpeg-artifacts through its procedure config, keeps
# going when a call fails and dumps a drawable's pixels as raw bytes.  The
# comparisons with the command-line tool are tests/gimp/harness.py's.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import fcntl
import os
import shutil
import subprocess
import tempfile
import time

import harness
import pngio
from harness import Failure, check, PLUGIN_NAME


class Config(harness.Config):
    """Where things are: tests/gimp/harness.py's (the plug-in, the tool,
    the sample images, the gimp-console-3.x binary, this case's folder, the
    libjpeg helper), with the folder the warmed GIMP3_DIRECTORY is kept in
    and the build's po/ folder."""

    def __init__(self, plugin, cli, data, gimp, workdir, warm, localedir,
                 resave=None):
        super().__init__(plugin, cli, data, gimp, workdir, resave)
        self.warm = warm
        self.localedir = localedir


def install_plugin(config, gimp_dir):
    """The plug-in in GIMP_DIR/plug-ins/NAME/NAME, as GIMP 3 looks for it,
    with its catalogues in locale/ beside it, where GIMP 3 reads them."""
    folder = os.path.join(gimp_dir, "plug-ins", PLUGIN_NAME)
    os.makedirs(folder, exist_ok=True)
    shutil.copy2(config.plugin, os.path.join(folder, PLUGIN_NAME))
    if os.path.isdir(config.localedir):
        for language in os.listdir(config.localedir):
            mo = os.path.join(config.localedir, language, "LC_MESSAGES",
                              PLUGIN_NAME + ".mo")
            if os.path.exists(mo):
                target = os.path.join(folder, "locale", language,
                                      "LC_MESSAGES")
                os.makedirs(target, exist_ok=True)
                shutil.copy2(mo, target)


def gimp_environment(gimp_dir):
    env = dict(os.environ)
    env["GIMP3_DIRECTORY"] = gimp_dir
    env.setdefault("LC_ALL", "C.UTF-8")
    env.pop("DISPLAY", None)
    return env


def warm_directory(config):
    """The warmed GIMP3_DIRECTORY: made once per build (under a lock, as
    cases run in parallel) by one GIMP start that queries every plug-in,
    made again when the plug-in was rebuilt since."""
    os.makedirs(config.warm, exist_ok=True)
    folder = os.path.join(config.warm, "gimp3")
    stamp = os.path.join(config.warm, "stamp")
    with open(os.path.join(config.warm, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        wanted = "%s %d" % (config.gimp, os.stat(config.plugin).st_mtime_ns)
        if os.path.exists(stamp):
            with open(stamp) as f:
                if f.read() == wanted and os.path.isdir(folder):
                    return folder
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        install_plugin(config, folder)
        start = time.monotonic()
        done = subprocess.run(
            [config.gimp, "-i", "-n", "-d", "-f", "-s",
             "--batch-interpreter", "python-fu-eval", "-b", "-", "--quit"],
            input=b"pass\n", env=gimp_environment(folder),
            capture_output=True, timeout=300)
        print("warmed %s in %.1f s" % (folder, time.monotonic() - start))
        check(os.path.exists(os.path.join(folder, "pluginrc")),
              "GIMP wrote no pluginrc into %s (status %d):\n%s"
              % (folder, done.returncode,
                 done.stderr.decode("utf-8", "replace")))
        with open(stamp, "w") as f:
            f.write(wanted)
    return folder


def fresh_gimp_directory(config):
    """A copy of the warmed GIMP3_DIRECTORY in the case's folder."""
    warm = warm_directory(config)
    gimp_dir = os.path.join(tempfile.mkdtemp(prefix="gimp3-",
                                             dir=config.workdir), "gimp3")
    shutil.copytree(warm, gimp_dir, symlinks=True)
    return gimp_dir


# The Python-Fu every batch starts with.  log() appends one line of words
# to the log; call() runs plug-in-jpeg-artifacts through a procedure config
# and logs "ran LABEL RESULT-ID GENERATIONS-RUN FIXED-POINT" or "failed
# LABEL STATUS | MESSAGE", never stopping the batch; dump() writes a
# drawable's pixels as raw bytes in the codec's 8-bit formats (or one
# given).
PRELUDE = r'''
import sys, traceback
import gi
gi.require_version("Gegl", "0.4")
from gi.repository import Gimp, Gio, GLib, Gegl

_log = open(%(log)r, "w", encoding="utf-8")


def log(*items):
    _log.write(" ".join(str(x) for x in items) + "\n")
    _log.flush()


def load(path):
    return Gimp.file_load(Gimp.RunMode.NONINTERACTIVE,
                          Gio.File.new_for_path(path))


def layer_of(image):
    return image.get_layers()[0]


def codec_format(drawable):
    if drawable.is_gray():
        return "Y'A u8" if drawable.has_alpha() else "Y' u8"
    return "R'G'B'A u8" if drawable.has_alpha() else "R'G'B' u8"


def dump(drawable, path, fmt=None):
    buffer = drawable.get_buffer()
    w, h = drawable.get_width(), drawable.get_height()
    data = buffer.get(Gegl.Rectangle.new(0, 0, w, h), 1.0,
                      fmt or codec_format(drawable), Gegl.AbyssPolicy.NONE)
    with open(path, "wb") as f:
        f.write(bytes(data))
    log("dump", path, w, h)


def call(label, image, drawables, run_mode=Gimp.RunMode.NONINTERACTIVE,
         **args):
    proc = Gimp.get_pdb().lookup_procedure("plug-in-jpeg-artifacts")
    cfg = proc.create_config()
    cfg.set_property("run-mode", run_mode)
    cfg.set_property("image", image)
    cfg.set_core_object_array("drawables", drawables)
    for key, value in args.items():
        cfg.set_property(key.replace("_", "-"), value)
    try:
        r = proc.run(cfg)
    except Exception as error:
        log("failed", label, "exception", "|", error)
        return None
    status = r.index(0)
    if status == Gimp.PDBStatusType.SUCCESS:
        result = r.index(1)
        log("ran", label, result.get_id() if result else -1, r.index(2),
            r.index(3))
    else:
        message = r.index(1) if r.length() > 1 else ""
        log("failed", label, status.value_nick, "|",
            " ".join(str(message).split()))
    return r


try:
%(script)s
except Exception:
    log("exception", " ".join(traceback.format_exc().split()))
log("done")
_log.close()
'''


class GimpRun(harness.GimpRun):
    """The outcome of one GIMP start, as tests/gimp/harness.py's; a call's
    log line is "ran LABEL ..." or "failed LABEL STATUS | MESSAGE"."""

    def ran(self, label):
        """[result id, generations run, fixed point] of the call LABEL,
        which must have succeeded."""
        for line in self.raw_log:
            words = line.split()
            if len(words) >= 2 and words[1] == label \
                    and words[0] in ("ran", "failed"):
                check(words[0] == "ran",
                      "the call '%s' failed: %s" % (label, line.strip()))
                return [int(w) for w in words[2:5]]
        raise Failure("the call '%s' left no trace in the log" % label)

    def failed(self, label):
        """The message of the call LABEL, which must have failed."""
        for line in self.raw_log:
            words = line.split()
            if len(words) >= 2 and words[1] == label \
                    and words[0] in ("ran", "failed"):
                check(words[0] == "failed",
                      "the call '%s' succeeded but should have failed"
                      % label)
                return line.split("|", 1)[1].strip() if "|" in line else ""
        raise Failure("the call '%s' left no trace in the log" % label)


def indent(script):
    return "\n".join("    " + line for line in script.strip("\n").split("\n"))


def run_gimp(config, script, timeout=240, interpreter="python-fu-eval"):
    """Runs SCRIPT (Python-Fu, after PRELUDE) in gimp-console-3.x with a
    copy of the warmed GIMP3_DIRECTORY; returns a GimpRun."""
    gimp_dir = fresh_gimp_directory(config)
    log_path = os.path.join(gimp_dir, "batch.log")
    batch = PRELUDE % {"log": log_path, "script": indent(script)}
    command = [config.gimp, "-i", "-n", "-d", "-f", "-s",
               "--batch-interpreter", interpreter, "-b", "-", "--quit"]
    start = time.monotonic()
    done = subprocess.run(command, input=batch.encode("utf-8"),
                          env=gimp_environment(gimp_dir),
                          capture_output=True, timeout=timeout)
    seconds = time.monotonic() - start
    stdout = done.stdout.decode("utf-8", "replace")
    stderr = done.stderr.decode("utf-8", "replace")
    raw_log = []
    if os.path.exists(log_path):
        with open(log_path, encoding="utf-8") as f:
            raw_log = f.readlines()
    with open(config.path("gimp-output.txt"), "a", encoding="utf-8") as f:
        f.write("$ %s\n--- batch\n%s\n--- stdout\n%s\n--- stderr\n%s\n"
                "--- log\n%s\n" % (" ".join(command), batch, stdout, stderr,
                                   "".join(raw_log)))
    print("GIMP ran for %.1f s" % seconds)
    exceptions = [line for line in raw_log if line.startswith("exception")]
    check(not exceptions, "the batch raised: %s" % "".join(exceptions))
    check(raw_log and raw_log[-1].strip() == "done",
          "the batch did not reach its end (status %d); GIMP said:\n%s"
          % (done.returncode, stderr[-3000:]))
    return GimpRun(raw_log, stdout, stderr, seconds)


def read_dump(path, width, height, channels, depth=8):
    """A dump() file as a pngio.Image."""
    with open(path, "rb") as f:
        data = f.read()
    if depth == 16:
        samples = [data[i] | data[i + 1] << 8
                   for i in range(0, len(data), 2)]
    else:
        samples = list(data)
    check(len(samples) == width * height * channels,
          "%s holds %d samples, expected %dx%dx%d"
          % (path, len(samples), width, height, channels))
    return pngio.Image(width, height, channels, depth, samples)
