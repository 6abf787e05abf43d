# cases_memory.py: the memory-limit case of cases.py: runs too big for
# the machine's free memory are refused at once with a message naming the
# sizes, while GIMP's memory use is sampled to show nothing was allocated.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import math
import re

import harness
from harness import check, run_gimp, scheme_string as q
from cases_common import sample_rgb, Settings, write_input


# -------------------------------------------------------- memory limits

def mem_available():
    """MemAvailable of /proc/meminfo in bytes, or None."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


class MemorySampler:
    """MemAvailable every 20 ms while a GIMP run lasts: the plug-in reads
    it at some moment in between, so its number lies in the range seen."""

    def __init__(self):
        import threading
        self.low = self.high = mem_available()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self.stop.is_set():
            value = mem_available()
            self.low, self.high = min(self.low, value), max(self.high, value)
            self.stop.wait(0.02)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


SI_UNITS = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
            "PB": 1e15, "EB": 1e18}


def parse_size(text):
    """The bytes in g_format_size's TEXT, e.g. '7.1 GB', and the rounding
    it may hide (half its last digit's unit)."""
    number, unit = text.split()
    scale = SI_UNITS[unit]
    half = 0.5 * scale * (0.1 if "." in number else 1)
    return float(number) * scale, half


# An execution error (not "failed on invalid input arguments").  GLib puts
# a no-break space between a size's number and its unit.
MEMORY_MESSAGE = re.compile(
    r"Procedure execution of plug-in-jpeg-artifacts failed: (.*'(.+)' "
    r"needs ([0-9.]+\s[a-zA-Z]+) of memory for this run; "
    r"([0-9.]+\s[a-zA-Z]+) is free\.  Nothing was changed\..*)$")


def check_memory_refusal(gimp, label, name, lower, upper, sampler):
    """The call LABEL on the drawable NAME was refused with the memory
    message: it needs between LOWER and UPPER bytes, and the free memory
    it names is MemAvailable as SAMPLER saw it during the run."""
    line = gimp.value("refused-" + label)
    match = MEMORY_MESSAGE.match(line)
    check(match is not None,
          "%s: not refused with the memory message (an execution error "
          "naming the need and the free memory): %s" % (label, line))
    message, who, need_text, free_text = match.groups()
    need, need_slack = parse_size(need_text)
    free, free_slack = parse_size(free_text)
    check(who == name, "%s: the message names '%s', not '%s'"
          % (label, who, name))
    check(lower - need_slack <= need <= upper + need_slack,
          "%s: the message says %s is needed; the run needs %.3g to %.3g "
          "bytes" % (label, need_text, lower, upper))
    check(sampler.low - free_slack <= free <= sampler.high + free_slack,
          "%s: the message says %s is free; MemAvailable was %.4g to %.4g "
          "bytes during the run" % (label, free_text, sampler.low,
                                    sampler.high))
    check(need > free, "%s: refused though %s <= %s"
          % (label, need_text, free_text))
    print("ok: %s refused: %s" % (label, message))
    print("    (needs %s: the run needs %s to %s; %s free: MemAvailable "
          "was %s to %s)"
          % (need_text, format_bytes(lower), format_bytes(upper), free_text,
             format_bytes(sampler.low), format_bytes(sampler.high)))


def format_bytes(n):
    return "%.2f GB" % (n / 1e9)


def case_memory_limit(config):
    """Runs that need more memory than the machine has free are refused
    before they start, with the need and the free memory in the message,
    and change nothing; the numbers are checked against what the run needs
    (at least its pixel copies and GIMP's buffers, at most that plus the
    codec's work) and against MemAvailable."""
    available = mem_available()
    if available is None:
        raise harness.Failure("no MemAvailable in /proc/meminfo to check "
                           "against")
    generations = 1000
    # One new layer per generation: GIMP keeps each generation's layer and
    # its shadow (3 bytes a pixel each) until the run ends.  A square whose
    # layers need twice what is free, and at least 1000 x 1000.
    side = max(1000, math.ceil(math.sqrt(2 * available
                                         / (generations * 2 * 3))))
    if side > 12000:
        raise harness.Failure("%s free: more than the layers of a picture GIMP "
                           "makes quickly need" % format_bytes(available))
    frames_pixels = side * side
    frames_lower = (generations * 2 * 3 + 3 + 3) * frames_pixels
    frames_upper = frames_lower + 8 * frames_pixels + 2 ** 28
    # A 65535 x 65535 RGB layer replaced once: its copy in the plug-in, the
    # codec's frame, GIMP's shadow and the pixels kept for Undo, 3 bytes a
    # pixel each, and the codec's work.
    huge = 65535
    huge_pixels = huge * huge
    huge_lower = 4 * 3 * huge_pixels
    huge_upper = huge_lower + 8 * huge_pixels + 2 ** 28
    with_huge = huge_lower > 1.2 * available
    source = write_input(config, "rgb.png", sample_rgb(config))
    frames = Settings(60, generations, "420", output=2)
    script = """
(define (refuse label img d args)
  (set! ja-error "")
  (let ((r (catch #f (apply plug-in-jpeg-artifacts
                            (append (list RUN-NONINTERACTIVE img d) args)))))
    (if r
        (ja-log "ran" label)
        (ja-log (string-append "refused-" label) ja-error))))
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (gimp-image-scale img %(side)d %(side)d)
  (gimp-item-set-name d "Large")
  (gimp-image-clean-all img)
  (gimp-xcf-save 0 img d %(before)s %(before)s)
  (refuse "frames" img d '(%(frames)s))
  (gimp-xcf-save 0 img d %(after)s %(after)s)
  (ja-log "frames-layers" (car (gimp-image-get-layers img)))
  (ja-log "frames-dirty" (car (gimp-image-is-dirty img))))
""" % {"src": q(source), "side": side, "frames": frames.pdb(),
       "before": q(config.path("frames-before.xcf")),
       "after": q(config.path("frames-after.xcf"))}
    if with_huge:
        script += """
(let* ((img (car (gimp-image-new %(n)d %(n)d RGB)))
       (d (car (gimp-layer-new img %(n)d %(n)d RGB-IMAGE "Huge" 100
                               LAYER-MODE-NORMAL))))
  (gimp-image-insert-layer img d 0 0)
  (gimp-image-clean-all img)
  (refuse "huge" img d '(%(args)s))
  (ja-log "huge-layers" (car (gimp-image-get-layers img)))
  (ja-log "huge-dirty" (car (gimp-image-is-dirty img))))
""" % {"n": huge, "args": Settings(60, 1, "420").pdb()}
    with MemorySampler() as sampler:
        gimp = run_gimp(config, script)

    check_memory_refusal(gimp, "frames", "Large", frames_lower,
                         frames_upper, sampler)
    check(gimp.value("frames-layers") == "1" and
          gimp.value("frames-dirty") == "0",
          "after the refused run: %s layers, dirty %s"
          % (gimp.value("frames-layers"), gimp.value("frames-dirty")))
    with open(config.path("frames-before.xcf"), "rb") as f:
        before = f.read()
    with open(config.path("frames-after.xcf"), "rb") as f:
        after = f.read()
    check(before == after, "the refused run changed the image (its XCF "
          "differs)")
    print("ok: %d x %d layer, %d generations as layers: unchanged (1 layer, "
          "not dirty, the same XCF of %d bytes)"
          % (side, side, generations, len(before)))
    if with_huge:
        check_memory_refusal(gimp, "huge", "Huge", huge_lower, huge_upper,
                             sampler)
        check(gimp.value("huge-layers") == "1" and
              gimp.value("huge-dirty") == "0",
              "after the refused run on the huge layer: %s layers, dirty %s"
              % (gimp.value("huge-layers"), gimp.value("huge-dirty")))
        print("ok: 65535 x 65535 layer: unchanged (1 layer, not dirty)")
    else:
        print("note: the 65535 x 65535 layer (at least %s) fits in the %s "
              "free here, not tried" % (format_bytes(huge_lower),
                                        format_bytes(available)))
