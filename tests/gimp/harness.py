# harness.py: what every GIMP test case needs: a real GIMP 2.10 started in
# batch mode with a fresh GIMP2_DIRECTORY that holds only the plug-in under
# test and a copy of a warmed pluginrc (GIMP's record of its own plug-ins,
# so that a start queries only the plug-in under test: 1.1 s instead of
# 2.8 s; tests/dialog's GIMP starts use it too), a Script-Fu prelude that
# logs to a file and keeps going when a call fails, the command-line tool
# for the expected pixels, test inputs cut from the sample images, and
# comparisons that say which pixels differ.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import fcntl
import os
import shutil
import subprocess
import tempfile
import time

import pngio

PLUGIN_NAME = "gimp-jpeg-artifacts"

# Folders GIMP writes into at exit; present, they keep its log quiet.
GIMP_DATA_FOLDERS = ("brushes", "dynamics", "fonts", "gradients",
                     "palettes", "patterns", "tool-presets", "plug-ins",
                     "scripts", "templates")


class Failure(Exception):
    """A check that did not hold."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def scheme_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Config:
    """Where things are: the plug-in binary, the command-line tool, the
    sample images, the GIMP console binary, this case's folder, the
    libjpeg helper (jpeg-resave.c) and the build's folder of the warmed
    pluginrc (see warm_pluginrc; GIMP 2.10 only)."""

    def __init__(self, plugin, cli, data, gimp, workdir, resave=None,
                 pluginrc_cache=None):
        self.plugin = plugin
        self.cli = cli
        self.data = data
        self.gimp = gimp
        self.workdir = workdir
        self.resave = resave
        self.pluginrc_cache = pluginrc_cache

    def path(self, name):
        return os.path.join(self.workdir, name)


# The Script-Fu every batch starts with.  ja-log appends one line of words to
# the log; ja-try (ja-try2, ja-try3: the second and third procedures) runs
# a plug-in call and logs its return values or its failure, never stopping
# the batch.  ja-error holds the message of the last
# error Script-Fu raised (a failed call's message), caught or not.
PRELUDE = """
(define ja-port (open-output-file %(log)s))
(define ja-error "")
(define ja-error-hook *error-hook*)
(set! *error-hook*
      (lambda args
        (set! ja-error (if (string? (car args)) (car args) ""))
        (apply ja-error-hook args)))
(define (ja-log . items)
  (for-each (lambda (x) (display x ja-port) (display " " ja-port)) items)
  (newline ja-port))
(define (ja-load path) (car (gimp-file-load RUN-NONINTERACTIVE path path)))
(define (ja-drawable image) (car (gimp-image-get-active-drawable image)))
(define (ja-export image drawable path)
  (file-png-save2 RUN-NONINTERACTIVE image drawable path path
                  0 1 0 0 0 0 0 0 1))
(define (ja-name item) (car (gimp-item-get-name item)))
(define (ja-call proc label image drawable args)
  (let ((r (catch #f
             (apply proc
                    (append (list RUN-NONINTERACTIVE image drawable) args)))))
    (if r
        (ja-log "ran" label (car r) (cadr r) (caddr r))
        (ja-log "failed" label))
    r))
(define (ja-try label image drawable . args)
  (ja-call plug-in-jpeg-artifacts label image drawable args))
(define (ja-try2 label image drawable . args)
  (ja-call plug-in-jpeg-artifacts2 label image drawable args))
(define (ja-try3 label image drawable . args)
  (ja-call plug-in-jpeg-artifacts3 label image drawable args))
(define (ja-try-last label image drawable)
  (let ((r (catch #f
             (plug-in-jpeg-artifacts RUN-WITH-LAST-VALS image drawable
                                     0 0 0 0 0 0 0 0 0 0 0))))
    (if r
        (ja-log "ran" label (car r) (cadr r) (caddr r))
        (ja-log "failed" label))
    r))
"""


class GimpRun:
    """The outcome of one GIMP start: its log lines (split into words),
    its stdout and stderr, how long it took."""

    def __init__(self, raw_log, stdout, stderr, seconds):
        self.raw_log = raw_log
        self.log = [line.split() for line in raw_log]
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds

    def lines(self, first_word):
        return [line for line in self.log if line and line[0] == first_word]

    def value(self, key):
        """The rest of the raw log line that starts with KEY and a space."""
        for line in self.raw_log:
            if line.startswith(key + " "):
                return line[len(key) + 1:].rstrip("\n ")
        raise Failure("the log has no line '%s'" % key)

    def message_seen(self, text):
        """Whether GIMP printed TEXT (an error message) on its console,
        lines joined as GIMP may wrap them."""
        wanted = " ".join(text.split())
        return (wanted in " ".join(self.stderr.split())
                or wanted in " ".join(self.stdout.split()))

    def ran(self, label):
        """The logged return values of the call LABEL: result drawable,
        generations run, fixed point; fails when the call failed."""
        for line in self.log:
            if len(line) >= 2 and line[1] == label:
                check(line[0] == "ran",
                      "the call '%s' failed; GIMP said:\n%s"
                      % (label, self.stderr))
                return [int(w) for w in line[2:5]]
        raise Failure("the call '%s' left no trace in the log" % label)

    def failed(self, label):
        for line in self.log:
            if len(line) >= 2 and line[1] == label:
                check(line[0] == "failed",
                      "the call '%s' succeeded but should have failed"
                      % label)
                return
        raise Failure("the call '%s' left no trace in the log" % label)


def warm_pluginrc(gimp_dir, gimp, cache):
    """Copies into GIMP_DIR (a new GIMP2_DIRECTORY) the pluginrc that GIMP
    (GIMP 2.10's gimp-console) wrote after one start with a GIMP2_DIRECTORY
    of no plug-in: the record of GIMP's own plug-ins only, which a fresh
    folder makes GIMP query again at every start (about 120 of them, 1.7 s
    of 2.8).  GIMP reads each entry only while the plug-in's file still
    has the time stamp it records (else it queries that plug-in again), and
    queries every plug-in the file does not name: the plug-in under test,
    in GIMP_DIR, is always queried, and GIMP writes its entry into GIMP_DIR's
    copy.  The template is made once per build in CACHE (under a lock, as
    tests run in parallel), again when GIMP's binary changes, and refused
    if it names a plug-in outside GIMP's own folder."""
    os.makedirs(cache, exist_ok=True)
    template = os.path.join(cache, "pluginrc")
    stamp = os.path.join(cache, "stamp")
    binary = os.stat(gimp)
    wanted = "%s %d %d" % (os.path.realpath(gimp), binary.st_mtime_ns,
                           binary.st_size)
    with open(os.path.join(cache, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = False
        if os.path.exists(stamp) and os.path.exists(template):
            with open(stamp) as f:
                made = f.read() == wanted
        if not made:
            empty = empty_gimp_directory(cache)
            env = dict(os.environ, GIMP2_DIRECTORY=empty, LC_ALL="C.UTF-8")
            done = subprocess.run(
                [gimp, "-i", "-n", "-d", "-f", "-s", "-b", "(gimp-quit 0)"],
                env=env, capture_output=True, timeout=300)
            written = os.path.join(empty, "pluginrc")
            check(done.returncode == 0 and os.path.exists(written),
                  "%s wrote no pluginrc (status %d):\n%s"
                  % (gimp, done.returncode,
                     done.stderr.decode("utf-8", "replace")))
            with open(written, "rb") as f:
                for line in f:
                    check(not line.startswith(b"(plug-in-def ")
                          or line.startswith(
                              b'(plug-in-def "${gimp_plug_in_dir}/'),
                          "the warmed pluginrc names a plug-in outside "
                          "GIMP's own folder: %s"
                          % line.decode("utf-8", "replace").strip())
            os.replace(written, template)
            shutil.rmtree(empty)
            with open(stamp, "w") as f:
                f.write(wanted)
    shutil.copy(template, os.path.join(gimp_dir, "pluginrc"))


def empty_gimp_directory(parent):
    """A new GIMP2_DIRECTORY in PARENT with GIMP's data folders and
    nothing else."""
    gimp_dir = tempfile.mkdtemp(prefix="gimp2-", dir=parent)
    for folder in GIMP_DATA_FOLDERS:
        os.makedirs(os.path.join(gimp_dir, folder))
    return gimp_dir


def fresh_gimp_directory(config):
    """A new GIMP2_DIRECTORY in the case's folder with the plug-in
    installed as GIMP looks for it, plug-ins/NAME/NAME, and the warmed
    pluginrc (warm_pluginrc)."""
    gimp_dir = empty_gimp_directory(config.workdir)
    plugin_dir = os.path.join(gimp_dir, "plug-ins", PLUGIN_NAME)
    os.makedirs(plugin_dir)
    shutil.copy2(config.plugin, os.path.join(plugin_dir, PLUGIN_NAME))
    warm_pluginrc(gimp_dir, config.gimp, config.pluginrc_cache)
    return gimp_dir


def run_gimp(config, script, timeout=None, fonts=False, files=None):
    """Runs SCRIPT (Script-Fu, after the prelude) in gimp-console with a
    fresh GIMP2_DIRECTORY and returns a GimpRun.  FONTS: load the fonts,
    which text layers need (a second or two more).  FILES: {name: text}
    written into the GIMP2_DIRECTORY first.  TIMEOUT: seconds, by default
    none of its own: the test's meson timeout bounds the run, and it grows
    with --timeout-multiplier (4 in run-tests.sh's sanitized pass), where
    a fixed limit does not (hostile-inputs' run takes 32 s on an idle
    2-core machine, 70 s on a busy one, and had 150 s)."""
    gimp_dir = fresh_gimp_directory(config)
    for name, text in (files or {}).items():
        with open(os.path.join(gimp_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
    log_path = os.path.join(gimp_dir, "batch.log")
    batch = ("(begin " + PRELUDE % {"log": scheme_string(log_path)}
             + script + '\n(ja-log "done")\n(close-output-port ja-port))')
    env = dict(os.environ)
    env["GIMP2_DIRECTORY"] = gimp_dir
    env.setdefault("LC_ALL", "C.UTF-8")
    command = ([config.gimp, "-i", "-n", "-d"] + ([] if fonts else ["-f"])
               + ["-s", "--console-messages", "-b", batch,
                  "-b", "(gimp-quit 0)"])
    start = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True,
                          timeout=timeout)
    seconds = time.monotonic() - start
    stdout = done.stdout.decode("utf-8", "replace")
    stderr = done.stderr.decode("utf-8", "replace")
    raw_log = []
    if os.path.exists(log_path):
        with open(log_path, encoding="utf-8") as f:
            raw_log = f.readlines()
    log = [line.split() for line in raw_log]
    with open(config.path("gimp-output.txt"), "w", encoding="utf-8") as f:
        f.write("$ %s\n--- stdout\n%s\n--- stderr\n%s\n--- log\n%s\n"
                % (" ".join(command[:-4]), stdout, stderr,
                   "".join(raw_log)))
    print("GIMP ran for %.1f s" % seconds)
    check(done.returncode == 0,
          "gimp-console ended with status %d:\n%s"
          % (done.returncode, stderr))
    check(log and log[-1] == ["done"],
          "the batch did not reach its end; GIMP said:\n%s\nlog:\n%s"
          % (stderr, log))
    return GimpRun(raw_log, stdout, stderr, seconds)


def run_cli(config, source, output, quality=75, generations=1,
            subsampling="420", dct="accurate", jitter=0, drift=0, seed=0,
            background=None, extra=()):
    """The command-line tool's result for SOURCE with these settings
    (BACKGROUND: None for the layer's own colours, else (r, g, b) to
    flatten on; EXTRA: more options, after these), written to OUTPUT and
    returned as a pngio.Image."""
    command = [config.cli, "--quiet",
               "--quality", str(quality),
               "--generations", str(generations),
               "--subsampling", subsampling,
               "--dct", dct,
               "--quality-jitter", str(jitter),
               "--grid-drift", str(drift),
               "--seed", str(seed)]
    if background is not None:
        command += ["--flatten", "--background",
                    "%02X%02X%02X" % tuple(background)]
    command += list(extra) + [source, output]
    done = subprocess.run(command, capture_output=True)
    check(done.returncode == 0,
          "%s failed (%d): %s" % (" ".join(command), done.returncode,
                                  done.stderr.decode("utf-8", "replace")))
    return pngio.read(output)


def cut_sample(config, name, x, y, width, height):
    """WIDTH x HEIGHT pixels of the sample image NAME from (X, Y)."""
    return pngio.read(os.path.join(config.data, name)).crop(x, y, width,
                                                           height)


def with_alpha(image, alpha):
    """IMAGE (gray or RGB) with the alpha ALPHA (x, y) gives, 0..255."""
    c = image.channels
    out = []
    for y in range(image.height):
        for x in range(image.width):
            i = (y * image.width + x) * c
            out.extend(image.samples[i:i + c])
            out.append(alpha(x, y))
    return pngio.Image(image.width, image.height, c + 1, 8, out)


def alpha_ramp(width, height):
    """An alpha that has fully transparent and fully opaque pixels and
    every step between: a diagonal ramp, clipped at both ends."""
    def alpha(x, y):
        t = (x / max(width - 1, 1) + y / max(height - 1, 1)) / 2
        return max(0, min(255, round((t * 1.6 - 0.3) * 255)))
    return alpha


def describe_differences(actual, expected, limit=8):
    lines = []
    for y in range(expected.height):
        for x in range(expected.width):
            a, e = actual.pixel(x, y), expected.pixel(x, y)
            if a != e:
                if len(lines) < limit:
                    lines.append("  (%d, %d): got %s, expected %s"
                                 % (x, y, a, e))
    return lines


def count_different(actual, expected):
    c = expected.channels
    n = 0
    for i in range(0, len(expected.samples), c):
        if actual.samples[i:i + c] != expected.samples[i:i + c]:
            n += 1
    return n


def assert_same(actual, expected, what):
    """ACTUAL and EXPECTED have the same size, channels and samples."""
    check((actual.width, actual.height, actual.channels)
          == (expected.width, expected.height, expected.channels),
          "%s: %dx%d with %d channels, expected %dx%d with %d"
          % (what, actual.width, actual.height, actual.channels,
             expected.width, expected.height, expected.channels))
    if actual.samples != expected.samples:
        raise Failure("%s: %d of %d pixels differ, e.g.\n%s"
                      % (what, count_different(actual, expected),
                         expected.width * expected.height,
                         "\n".join(describe_differences(actual, expected))))
    print("ok: %s (%dx%d, %d channels, pixel-identical)"
          % (what, actual.width, actual.height, actual.channels))


def assert_differ(a, b, what):
    check(a.samples != b.samples, "%s: the images are equal" % what)
    print("ok: %s (%d pixels differ)" % (what, count_different(a, b)))


def channels_only(image, keep):
    """IMAGE with only the channels whose indices are in KEEP."""
    c = image.channels
    out = []
    for i in range(0, len(image.samples), c):
        px = image.samples[i:i + c]
        out.extend(px[k] for k in keep)
    return pngio.Image(image.width, image.height, len(keep), image.depth,
                       out)
