#!/usr/bin/python3
# cases.py: the plug-in's tests inside a real GIMP 2.10, one case per run
# and per GIMP start:
#
#   cases.py CASE --plugin BIN --cli BIN --data DIR --gimp BIN --workdir DIR
#            [--resave BIN]
#
# Each case cuts its inputs from the sample images, drives GIMP in batch
# mode through Script-Fu (harness.py), and compares the pixels GIMP exports
# with the command-line tool's for the same settings, or checks the
# messages and the untouched pixels of a call that must fail: bad
# parameters, hostile calls counted one by one (hostile-inputs), runs too
# big for the machine's free memory (memory-limit).  The second procedure,
# plug-in-jpeg-artifacts2, is compared with the tool's --schedule, --preset
# and --difference, and its use-original-settings with libjpeg re-saving a
# JPEG file with its own tables (the --resave helper, jpeg-resave.c, writes
# such files and re-saves them).  Two cases need GIMP's
# user interface (gui.py): one Undo after a run, and Cancel in the status
# bar during a run.  Exit status 0 when every check holds, 1 with the first
# failed check on stderr (a machine that cannot run a case fails it too).
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import hashlib
import math
import os
import re
import shutil
import sys
import time

import harness
import pngio
from harness import (assert_differ, assert_same, channels_only, check,
                     run_cli, run_gimp, scheme_string as q)

# The few helpers of harness.PRELUDE a session with the user interface
# needs (it logs nothing).
PRELUDE_GUI = """
(begin
  (define (ja-load path) (car (gimp-file-load RUN-NONINTERACTIVE path path)))
  (define (ja-drawable image) (car (gimp-image-get-active-drawable image)))
  (define (ja-export image drawable path)
    (file-png-save2 RUN-NONINTERACTIVE image drawable path path
                    0 1 0 0 0 0 0 0 1)))
"""

SUBSAMPLING_INDEX = {"444": 0, "422": 1, "420": 2, "440": 3, "411": 4}
DCT_INDEX = {"accurate": 0, "fast": 1, "float": 2}
# file-jpeg-save's own subsampling numbers (not the plug-in's).
JPEG_SAVE_SUBSAMPLING = {"420": 0, "422": 1, "444": 2, "440": 3}


class Settings:
    """One run's settings, as the procedure's arguments and as the
    command-line tool's options."""

    def __init__(self, quality=75, generations=1, subsampling="420",
                 dct="accurate", jitter=0, drift=0, seed=0, anchor=0,
                 background=None, apply_to=0, output=0, preset="",
                 schedule="", saturation=1.0, contrast=1.0, sharpen=0.0,
                 use_original=0):
        self.quality = quality
        self.generations = generations
        self.subsampling = subsampling
        self.dct = dct
        self.jitter = jitter
        self.drift = drift
        self.seed = seed
        self.anchor = anchor
        self.background = background  # None: own colours; (r, g, b)
        self.apply_to = apply_to
        self.output = output
        # plug-in-jpeg-artifacts2's parameters.
        self.preset = preset
        self.schedule = schedule
        self.saturation = saturation
        self.contrast = contrast
        self.sharpen = sharpen
        self.use_original = use_original

    def pdb(self):
        """The procedure's arguments after the drawable, for Script-Fu."""
        return "%d %d %d %d %d %d %d %d %d %d %d" % (
            self.quality, self.generations,
            SUBSAMPLING_INDEX[self.subsampling], DCT_INDEX[self.dct],
            self.jitter, self.drift, self.seed, self.anchor,
            0 if self.background is None else 1, self.apply_to, self.output)

    def pdb2(self):
        """plug-in-jpeg-artifacts2's arguments after the drawable."""
        return "%s %s %s %r %r %r %d" % (
            self.pdb(), q(self.preset), q(self.schedule),
            float(self.saturation), float(self.contrast),
            float(self.sharpen), self.use_original)

    def pdb3(self, decode_as):
        """plug-in-jpeg-artifacts3's arguments after the drawable."""
        return "%s %d" % (self.pdb2(), decode_as)

    def cli_options(self, tables_from=None):
        """The tool's options for the second procedure's settings, the
        preset last: it overrides the others, as in the procedure.
        TABLES_FROM: the JPEG file whose settings use_original takes."""
        options = []
        if self.schedule:
            options += ["--schedule", self.schedule]
        if self.saturation != 1.0:
            options += ["--saturation", repr(float(self.saturation))]
        if self.contrast != 1.0:
            options += ["--contrast", repr(float(self.contrast))]
        if self.sharpen != 0.0:
            options += ["--sharpen", repr(float(self.sharpen))]
        if self.use_original:
            options += ["--tables-from", tables_from]
        if self.preset:
            options += ["--preset", self.preset]
        return options

    def cli(self, config, source, output, extra=(), **changes):
        options = dict(quality=self.quality, generations=self.generations,
                       subsampling=self.subsampling, dct=self.dct,
                       jitter=self.jitter, drift=self.drift, seed=self.seed,
                       background=self.background)
        options.update(changes)
        return run_cli(config, source, output, extra=list(extra), **options)

    def background_scheme(self):
        r, g, b = self.background
        return "(gimp-context-set-background '(%d %d %d))" % (r, g, b)


def write_input(config, name, image):
    path = config.path(name)
    pngio.write(path, image)
    return path


def sample_rgb(config):
    """An RGB photo, 157x118: neither size a multiple of 8 or 16."""
    return harness.cut_sample(config, "coffee.png", 230, 140, 157, 118)


def sample_gray(config):
    return harness.cut_sample(config, "coins.png", 40, 60, 141, 99)


def run_and_compare(config, label, source_name, image, runs):
    """For each (label, Settings) in RUNS: loads IMAGE (written as
    SOURCE_NAME), applies the settings in GIMP, and compares the layer with
    the tool's output for the same settings."""
    run_and_compare_all(config, [(label, source_name, image, runs)])


def run_and_compare_all(config, inputs):
    """run_and_compare for each (label, source name, image, runs) in
    INPUTS, all in one GIMP start."""
    script = ""
    for _, source_name, image, runs in inputs:
        source = write_input(config, source_name, image)
        for run_label, settings in runs:
            out = config.path("gimp-%s.png" % run_label)
            if settings.background is not None:
                script += settings.background_scheme() + "\n"
            script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try %s img d %s)
  (ja-export img d %s))
""" % (q(source), q(run_label), settings.pdb(), q(out))
    gimp = run_gimp(config, script)
    for label, source_name, image, runs in inputs:
        for run_label, settings in runs:
            gimp.ran(run_label)
            expected = settings.cli(config, config.path(source_name),
                                    config.path("cli-%s.png" % run_label))
            actual = pngio.read(config.path("gimp-%s.png" % run_label))
            assert_same(actual, expected,
                        "%s %s: GIMP's layer vs the tool" % (label, run_label))


def case_rgb(config):
    run_and_compare(config, "RGB", "rgb.png", sample_rgb(config), [
        ("q40-g5-420", Settings(40, 5, "420")),
        ("q85-g3-422-fast-jitter-drift",
         Settings(85, 3, "422", "fast", jitter=10, drift=3, seed=7)),
        ("q60-g2-411", Settings(60, 2, "411")),
        ("q20-g1-440", Settings(20, 1, "440")),
        ("q95-g4-444", Settings(95, 4, "444")),
    ])


def case_rgba(config):
    rgb = harness.cut_sample(config, "chelsea.png", 150, 60, 133, 101)
    image = harness.with_alpha(rgb, harness.alpha_ramp(rgb.width,
                                                       rgb.height))
    run_and_compare(config, "RGBA", "rgba.png", image, [
        ("own-colours-q50-g4", Settings(50, 4, "420")),
        ("flattened-q50-g4", Settings(50, 4, "420",
                                      background=(30, 200, 90))),
        ("own-colours-q70-g3-444-drift",
         Settings(70, 3, "444", drift=5, seed=3)),
    ])


def case_gray(config):
    run_and_compare(config, "gray", "gray.png", sample_gray(config), [
        ("q30-g6", Settings(30, 6, "420")),
        # Subsampling does not apply to gray: the tool's 4:2:0 result.
        ("q30-g6-subsampling-411-ignored", Settings(30, 6, "411")),
        ("q80-g2-fast", Settings(80, 2, "420", "fast")),
    ])
    a = pngio.read(config.path("gimp-q30-g6.png"))
    b = pngio.read(config.path("gimp-q30-g6-subsampling-411-ignored.png"))
    assert_same(b, a, "gray: subsampling 4:1:1 vs 4:2:0")


def case_gray_alpha(config):
    gray = sample_gray(config)
    image = harness.with_alpha(gray, harness.alpha_ramp(gray.width,
                                                        gray.height))
    run_and_compare(config, "gray + alpha", "gray-alpha.png", image, [
        ("own-colours-q45-g3", Settings(45, 3)),
        ("flattened-q45-g3", Settings(45, 3, background=(200, 40, 90))),
    ])


def high_precision(config, precision, label):
    """An RGBA layer converted to PRECISION, its alpha then given values
    8 bits cannot hold: its colours, converted to 8 bits by GIMP, must
    equal the tool's; its alpha must not change at all (compared at 16
    bits, which the alpha values given need)."""
    rgb = harness.cut_sample(config, "chelsea.png", 200, 100, 120, 90)
    image = harness.with_alpha(rgb, harness.alpha_ramp(rgb.width,
                                                       rgb.height))
    source = write_input(config, "rgba.png", image)
    settings = Settings(35, 4, "420", drift=2, seed=11)
    # A PNG export keeps a linear image's linear values: export copies
    # converted to gamma-encoded 16 and 8 bits instead.
    script = """
(define (export-as img precision path)
  (let ((copy (car (gimp-image-duplicate img))))
    (if (not (= (car (gimp-image-get-precision copy)) precision))
        (gimp-image-convert-precision copy precision))
    (ja-export copy (ja-drawable copy) path)
    (gimp-image-delete copy)))
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (gimp-image-convert-precision img %s)
  (gimp-drawable-levels d HISTOGRAM-ALPHA 0.0 1.0 TRUE 0.7 0.0 1.0 TRUE)
  (ja-log "precision" (car (gimp-image-get-precision img)))
  (export-as img PRECISION-U16-GAMMA %s)
  (export-as img PRECISION-U8-GAMMA %s)
  (ja-try "run" img d %s)
  (export-as img PRECISION-U16-GAMMA %s)
  (export-as img PRECISION-U8-GAMMA %s))
""" % (q(source), precision, q(config.path("before-16.png")),
       q(config.path("before-8.png")), settings.pdb(),
       q(config.path("after-16.png")), q(config.path("after-8.png")))
    gimp = run_gimp(config, script)
    gimp.ran("run")
    before = pngio.read(config.path("before-16.png"))
    after = pngio.read(config.path("after-16.png"))
    check(before.depth == 16 and after.depth == 16,
          "%s: GIMP exported %d- and %d-bit PNGs, expected 16-bit"
          % (label, before.depth, after.depth))
    fine = sum(1 for v in channels_only(before, [3]).samples if v % 257)
    check(fine > 0, "%s: the alpha has no value finer than 8 bits" % label)
    assert_same(channels_only(after, [3]), channels_only(before, [3]),
                "%s: alpha at 16 bits (%d values finer than 8 bits), "
                "unchanged" % (label, fine))
    expected = settings.cli(config, config.path("before-8.png"),
                            config.path("cli.png"))
    assert_same(channels_only(pngio.read(config.path("after-8.png")),
                              [0, 1, 2]),
                channels_only(expected, [0, 1, 2]),
                "%s: colours in 8 bits vs the tool" % label)


def case_u16(config):
    high_precision(config, "PRECISION-U16-GAMMA", "16-bit integer")


def case_float(config):
    high_precision(config, "PRECISION-FLOAT-LINEAR", "32-bit float linear")


def case_selection(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    settings = Settings(30, 3, "420")
    x, y, w, h = 37, 21, 64, 50
    script = """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (gimp-image-select-rectangle img CHANNEL-OP-REPLACE %d %d %d %d)
  (ja-try "run" img d %s)
  (ja-export img d %s))
""" % (q(source), x, y, w, h, settings.pdb(), q(config.path("gimp.png")))
    gimp = run_gimp(config, script)
    gimp.ran("run")
    actual = pngio.read(config.path("gimp.png"))
    full = settings.cli(config, source, config.path("cli.png"))
    assert_same(actual.crop(x, y, w, h), full.crop(x, y, w, h),
                "selection: inside vs the tool's whole-layer result")
    outside = pngio.Image(actual.width, actual.height, 3, 8, actual.samples)
    original = pngio.Image(image.width, image.height, 3, 8, image.samples)
    for yy in range(y, y + h):
        i = (yy * image.width + x) * 3
        outside.samples[i:i + w * 3] = [0] * (w * 3)
        original.samples[i:i + w * 3] = [0] * (w * 3)
    assert_same(outside, original, "selection: outside unchanged")


def case_anchor(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    # (label, offset x, offset y, grid anchor, subsampling, pad x, pad y):
    # anchored at the image's origin, the grid starts (offset modulo the
    # MCU) pixels before the layer.
    layers = [
        ("image-origin-420", 5, 3, 0, "420", 5, 3),
        ("image-origin-420-negative-offsets", -3, -7, 0, "420", 13, 9),
        ("image-origin-444", 21, 35, 0, "444", 5, 3),
        ("layer-origin-420", 5, 3, 1, "420", 0, 0),
    ]
    script = "(let* ((img (car (gimp-image-new 300 200 RGB))))\n"
    for label, ox, oy, anchor, sub, _, _ in layers:
        settings = Settings(30, 1, sub, anchor=anchor)
        script += """
  (let ((l (car (gimp-file-load-layer RUN-NONINTERACTIVE img %s))))
    (gimp-image-insert-layer img l 0 0)
    (gimp-layer-set-offsets l %d %d)
    (ja-try %s img l %s)
    (ja-export img l %s))
""" % (q(source), ox, oy, q(label), settings.pdb(),
       q(config.path("gimp-%s.png" % label)))
    script += ")"
    gimp = run_gimp(config, script)
    for label, ox, oy, anchor, sub, px, py in layers:
        gimp.ran(label)
        padded = write_input(config, "padded-%s.png" % label,
                             image.pad_edges(px, py))
        expected = Settings(30, 1, sub).cli(
            config, padded, config.path("cli-%s.png" % label))
        expected = expected.crop(px, py, image.width, image.height)
        actual = pngio.read(config.path("gimp-%s.png" % label))
        assert_same(actual, expected,
                    "layer at (%d, %d), grid anchor %d: vs the tool's "
                    "result with the grid %d, %d pixels before the layer"
                    % (ox, oy, anchor, px, py))
    assert_differ(pngio.read(config.path("gimp-image-origin-420.png")),
                  pngio.read(config.path("gimp-layer-origin-420.png")),
                  "the two anchors give different results")


def case_linked(config):
    a = sample_rgb(config)
    b = harness.cut_sample(config, "chelsea.png", 10, 10, 151, 100)
    path_a = write_input(config, "a.png", a)
    path_b = write_input(config, "b.png", b)
    settings = Settings(35, 3, "420", apply_to=1)
    # Image 1: A (drawable, linked), B (linked, in a group that is not),
    # C (not linked).  Image 2: the same links, apply-to 0.
    script = ""
    for n, apply_to in ((1, 1), (2, 0)):
        s = Settings(35, 3, "420", apply_to=apply_to)
        script += """
(let* ((img (ja-load %(a)s))
       (a (ja-drawable img))
       (group (car (gimp-layer-group-new img)))
       (b (car (gimp-file-load-layer RUN-NONINTERACTIVE img %(b)s)))
       (c (car (gimp-file-load-layer RUN-NONINTERACTIVE img %(a)s))))
  (gimp-image-insert-layer img c 0 0)
  (gimp-image-insert-layer img group 0 0)
  (gimp-image-insert-layer img b group 0)
  (gimp-item-set-linked a TRUE)
  (gimp-item-set-linked b TRUE)
  (ja-try "run-%(n)d" img a %(args)s)
  (ja-export img a %(out_a)s)
  (ja-export img b %(out_b)s)
  (ja-export img c %(out_c)s))
""" % {"a": q(path_a), "b": q(path_b), "n": n, "args": s.pdb(),
       "out_a": q(config.path("gimp-%d-a.png" % n)),
       "out_b": q(config.path("gimp-%d-b.png" % n)),
       "out_c": q(config.path("gimp-%d-c.png" % n))}
    gimp = run_gimp(config, script)
    gimp.ran("run-1")
    gimp.ran("run-2")
    expected_a = settings.cli(config, path_a, config.path("cli-a.png"))
    expected_b = settings.cli(config, path_b, config.path("cli-b.png"))
    read = lambda name: pngio.read(config.path(name))
    assert_same(read("gimp-1-a.png"), expected_a,
                "apply to linked: the drawable vs the tool")
    assert_same(read("gimp-1-b.png"), expected_b,
                "apply to linked: a linked layer in a group vs the tool")
    assert_same(read("gimp-1-c.png"), a,
                "apply to linked: an unlinked layer unchanged")
    assert_same(read("gimp-2-a.png"), expected_a,
                "apply to the drawable: the drawable vs the tool")
    assert_same(read("gimp-2-b.png"), b,
                "apply to the drawable: a linked layer unchanged")


def layer_list_script(label):
    """Script-Fu logging IMG's top-level layers, top to bottom, as one
    line 'LABEL name|name|...', and 'LABEL-ids id id ...'."""
    return """
  (let* ((layers (vector->list (cadr (gimp-image-get-layers img)))))
    (ja-log %(ids)s (apply string-append
                       (map (lambda (l) (string-append (number->string l) " "))
                            layers)))
    (ja-log %(names)s (apply string-append
                         (map (lambda (l) (string-append (ja-name l) "|"))
                              layers))))
""" % {"ids": q(label + "-ids"), "names": q(label)}


def case_output_new_layer(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    settings = Settings(75, 10, "420", output=1)
    script = """
(let* ((img (ja-load %s)) (d (ja-drawable img))
       (r (ja-try "run" img d %s)))
  (ja-export img (car r) %s)
  (ja-export img d %s)
  (ja-log "active" (car (gimp-image-get-active-layer img)))
  %s)
""" % (q(source), settings.pdb(), q(config.path("gimp-new.png")),
       q(config.path("gimp-original.png")), layer_list_script("layers"))
    gimp = run_gimp(config, script)
    result = gimp.ran("run")[0]
    names = gimp.value("layers").rstrip("|").split("|")
    ids = [int(i) for i in gimp.value("layers-ids").split()]
    check(len(names) == 2 and names[0] == "JPEG q75 × 10",
          "layers after output 1: %s, expected 'JPEG q75 × 10' above the "
          "original" % names)
    print("ok: layers top to bottom: %s" % names)
    check(ids[0] == result, "the procedure returned %d, the new layer is %d"
          % (result, ids[0]))
    check(int(gimp.value("active")) == result,
          "the new layer is not the active one")
    expected = settings.cli(config, source, config.path("cli.png"))
    assert_same(pngio.read(config.path("gimp-new.png")), expected,
                "output 1: the new layer vs the tool")
    assert_same(pngio.read(config.path("gimp-original.png")), image,
                "output 1: the drawable unchanged")


def case_output_per_generation(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    settings = Settings(50, 4, "420", output=2)
    # A layer already at a fixed point: the tool's result after many
    # generations, run again with the same settings.
    steady = Settings(90, 60, "444")
    steady_image = steady.cli(config, source, config.path("steady.png"))
    steady_source = write_input(config, "steady-input.png", steady_image)
    rerun = Settings(90, 5, "444", output=2)
    script = ""
    for label, path, s, n in (("run", source, settings, 4),
                              ("steady", steady_source, rerun, 5)):
        script += """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img))
       (r (ja-try %(label)s img d %(args)s)))
  %(list)s
  (let loop ((layers (vector->list (cadr (gimp-image-get-layers img))))
             (i 0))
    (if (pair? layers)
        (begin
          (ja-export img (car layers)
                     (string-append %(prefix)s (number->string i) ".png"))
          (loop (cdr layers) (+ i 1))))))
""" % {"src": q(path), "label": q(label), "args": s.pdb(),
       "list": layer_list_script(label + "-layers"),
       "prefix": q(config.path("gimp-%s-layer-" % label))}
    gimp = run_gimp(config, script)

    result, generations_run, fixed_point = gimp.ran("run")
    names = gimp.value("run-layers").rstrip("|").split("|")
    ids = [int(i) for i in gimp.value("run-layers-ids").split()]
    wanted = ["Generation %d" % g for g in range(4, 0, -1)]
    check(names[:4] == wanted and len(names) == 5,
          "layers after output 2: %s, expected %s above the original"
          % (names, wanted))
    print("ok: layers top to bottom: %s" % names)
    check(result == ids[0], "the procedure returned %d, the top layer is %d"
          % (result, ids[0]))
    check(generations_run == 4, "generations-run %d, expected 4"
          % generations_run)
    for g in range(1, 5):
        expected = settings.cli(config, source,
                                config.path("cli-generation-%d.png" % g),
                                generations=g)
        actual = pngio.read(config.path("gimp-run-layer-%d.png" % (4 - g)))
        assert_same(actual, expected,
                    "output 2: layer 'Generation %d' vs the tool" % g)
    assert_same(pngio.read(config.path("gimp-run-layer-4.png")), image,
                "output 2: the drawable unchanged")

    result, generations_run, fixed_point = gimp.ran("steady")
    names = gimp.value("steady-layers").rstrip("|").split("|")
    check(names[:5] == ["Generation %d" % g for g in range(5, 0, -1)],
          "layers after output 2 at a fixed point: %s" % names)
    check(fixed_point >= 1 and generations_run == fixed_point,
          "a layer at its fixed point: generations-run %d, fixed-point %d"
          % (generations_run, fixed_point))
    print("ok: at a fixed point: generations-run %d, fixed-point %d, "
          "5 layers" % (generations_run, fixed_point))
    for g in range(1, 6):
        actual = pngio.read(config.path("gimp-steady-layer-%d.png"
                                        % (5 - g)))
        assert_same(actual, steady_image,
                    "output 2 at a fixed point: 'Generation %d'" % g)


def case_last_values(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    settings = Settings(30, 3, "422", drift=2, seed=5)
    bad = Settings(0, 3)
    script = """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img))
       (l2 (car (gimp-file-load-layer RUN-NONINTERACTIVE img %(src)s)))
       (l3 (car (gimp-file-load-layer RUN-NONINTERACTIVE img %(src)s))))
  (gimp-image-insert-layer img l2 0 0)
  (gimp-image-insert-layer img l3 0 0)
  (ja-try "first" img d %(args)s)
  (ja-try-last "last-values" img l2)
  (ja-try "bad" img d %(bad)s)
  (ja-try-last "last-values-after-a-failed-call" img l3)
  (ja-export img d %(out1)s)
  (ja-export img l2 %(out2)s)
  (ja-export img l3 %(out3)s))
""" % {"src": q(source), "args": settings.pdb(), "bad": bad.pdb(),
       "out1": q(config.path("gimp-1.png")),
       "out2": q(config.path("gimp-2.png")),
       "out3": q(config.path("gimp-3.png"))}
    gimp = run_gimp(config, script)
    gimp.ran("first")
    gimp.ran("last-values")
    gimp.failed("bad")
    gimp.ran("last-values-after-a-failed-call")
    expected = settings.cli(config, source, config.path("cli.png"))
    for n, what in ((1, "the first run"), (2, "RUN-WITH-LAST-VALS"),
                    (3, "RUN-WITH-LAST-VALS after a failed call")):
        assert_same(pngio.read(config.path("gimp-%d.png" % n)), expected,
                    "%s vs the tool" % what)


# ------------------------------------------- plug-in-jpeg-artifacts2

def resave_helper(config, *args):
    """Runs the libjpeg helper tests/gimp/jpeg-resave.c with ARGS."""
    import subprocess
    check(config.resave is not None, "no --resave helper given")
    command = [config.resave] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True)
    check(done.returncode == 0, "%s failed (%d): %s"
          % (" ".join(command), done.returncode,
             done.stderr.decode("utf-8", "replace")))


def case_original_resave(config):
    """Images loaded from JPEG files with their own quantization tables
    (no IJG quality gives them) and their own sampling: 4:2:2, gray and
    4:2:0, each 1 at the first entry and 255 at the last.  With
    use-original-settings 1, plug-in-jpeg-artifacts2 must give exactly what
    libjpeg gives re-saving the file with its own tables and sampling
    (tests/gimp/jpeg-resave.c), once and over several generations, and
    the tool with --tables-from the same; a plain quality 75 run must
    differ."""
    inputs = [
        ("rgb-422", "422", sample_rgb(config), 11, 4),
        ("gray", "gray", sample_gray(config), 12, 3),
        ("rgb-420", "420",
         harness.cut_sample(config, "chelsea.png", 130, 50, 141, 93), 13, 5),
    ]
    script = ""
    for label, sampling, image, seed, generations in inputs:
        png = write_input(config, "%s-input.png" % label, image)
        jpeg = config.path("%s.jpg" % label)
        resave_helper(config, "write", png, jpeg, sampling, seed)
        subsampling = "420" if sampling == "gray" else sampling
        one = Settings(75, 1, subsampling, use_original=1)
        many = Settings(75, generations, subsampling, use_original=1)
        plain = Settings(75, 1, subsampling)
        script += """
(let* ((img (ja-load %(jpeg)s)) (d (ja-drawable img)))
  (ja-export img d %(loaded)s)
  (ja-try2 %(l1)s img d %(one)s)
  (ja-export img d %(out1)s))
(let* ((img (ja-load %(jpeg)s)) (d (ja-drawable img)))
  (ja-try2 %(ln)s img d %(many)s)
  (ja-export img d %(outn)s))
(let* ((img (ja-load %(jpeg)s)) (d (ja-drawable img)))
  (ja-try %(lp)s img d %(plain)s)
  (ja-export img d %(outp)s))
""" % {"jpeg": q(jpeg), "loaded": q(config.path("%s-loaded.png" % label)),
       "l1": q(label + "-1"), "one": one.pdb2(),
       "out1": q(config.path("gimp-%s-1.png" % label)),
       "ln": q(label + "-n"), "many": many.pdb2(),
       "outn": q(config.path("gimp-%s-n.png" % label)),
       "lp": q(label + "-q75"), "plain": plain.pdb(),
       "outp": q(config.path("gimp-%s-q75.png" % label))}
    gimp = run_gimp(config, script)
    read = lambda name: pngio.read(config.path(name))
    for label, sampling, image, seed, generations in inputs:
        jpeg = config.path("%s.jpg" % label)
        gimp.ran(label + "-1")
        gimp.ran(label + "-n")
        gimp.ran(label + "-q75")
        resave_helper(config, "resave", jpeg,
                      config.path("%s-decoded.png" % label), 0)
        resave_helper(config, "resave", jpeg,
                      config.path("%s-resave-1.png" % label), 1)
        resave_helper(config, "resave", jpeg,
                      config.path("%s-resave-n.png" % label), generations)
        loaded = read("%s-loaded.png" % label)
        assert_same(loaded, read("%s-decoded.png" % label),
                    "%s: GIMP's loader vs libjpeg's decode" % label)
        result = read("gimp-%s-1.png" % label)
        assert_same(result, read("%s-resave-1.png" % label),
                    "%s: use-original-settings, 1 generation, vs libjpeg "
                    "re-saving the file with its own tables" % label)
        assert_differ(result, loaded,
                      "%s: the re-save changed the image" % label)
        assert_same(read("gimp-%s-n.png" % label),
                    read("%s-resave-n.png" % label),
                    "%s: use-original-settings, %d generations, vs %d "
                    "re-saves" % (label, generations, generations))
        assert_differ(result, read("gimp-%s-q75.png" % label),
                      "%s: the file's tables vs quality 75" % label)
        settings = Settings(75, generations, use_original=1)
        assert_same(read("gimp-%s-n.png" % label),
                    settings.cli(config, config.path("%s-loaded.png" % label),
                                 config.path("cli-%s-n.png" % label),
                                 extra=settings.cli_options(jpeg)),
                    "%s: vs the tool with --tables-from" % label)


def parasite_scheme(data):
    """Script-Fu for a "jpeg-settings" parasite holding the bytes DATA
    (none of them 0: Script-Fu strings end at a NUL)."""
    return ("(list \"jpeg-settings\" 1 (list->string (map integer->char "
            "'(%s))))" % " ".join(str(b) for b in data))


def case_original_missing(config):
    """use-original-settings 1 on an image that was not loaded from a JPEG
    file fails with the message and changes nothing; so it does on images
    whose parasite GIMP's export could not use either (a CMYK file, a
    sampling of 3x1, a table entry above 255), each with its reason."""
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    settings = Settings(40, 2, use_original=1)
    # Tables of 257 everywhere (bytes 1, 1): no NUL byte in the parasite.
    tables = [1] * 256
    parasites = [
        ("cmyk", [4, 50, 4, 2] + [1] * 8 + tables, "it is a CMYK file"),
        ("sampling-3x1", [3, 50, 3, 2, 3, 1, 1, 1, 1, 1] + tables,
         "its luma sampling factors are 3x1, which are none of"),
        ("entry-257", [3, 50, 3, 2, 2, 2, 1, 1, 1, 1] + tables,
         "its quantization table 0 holds 257 at row 1, column 1; a baseline "
         "JPEG takes 1 to 255"),
    ]
    script = """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (gimp-image-clean-all img)
  (ja-try2 "not-a-jpeg" img d %(args)s)
  (ja-log "layers" (car (gimp-image-get-layers img)))
  (ja-log "dirty" (car (gimp-image-is-dirty img)))
  (ja-export img d %(out)s))
""" % {"src": q(source), "args": settings.pdb2(),
       "out": q(config.path("gimp.png"))}
    for label, data, _ in parasites:
        script += """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (gimp-image-attach-parasite img %(parasite)s)
  (ja-try2 %(label)s img d %(args)s)
  (ja-export img d %(out)s))
""" % {"src": q(source), "parasite": parasite_scheme(data),
       "label": q(label), "args": settings.pdb2(),
       "out": q(config.path("gimp-%s.png" % label))}
    gimp = run_gimp(config, script)
    gimp.failed("not-a-jpeg")
    message = ("'rgb.png' was not loaded from a JPEG file, so there are no "
               "original settings to save with.")
    check(gimp.message_seen(message), "no message '%s' on GIMP's console:\n%s"
          % (message, gimp.stderr))
    print("ok: not-a-jpeg refused: %s" % message)
    check(gimp.value("layers") == "1" and gimp.value("dirty") == "0",
          "the refused call changed the image: %s layers, dirty %s"
          % (gimp.value("layers"), gimp.value("dirty")))
    assert_same(pngio.read(config.path("gimp.png")), image,
                "not-a-jpeg: the layer unchanged")
    for label, _, reason in parasites:
        gimp.failed(label)
        check(gimp.message_seen("'rgb.png' was loaded from a JPEG file whose "
                                "settings cannot be saved with: " + reason),
              "%s: no message with '%s' on GIMP's console:\n%s"
              % (label, reason, gimp.stderr))
        print("ok: %s refused: ...%s..." % (label, reason))
        assert_same(pngio.read(config.path("gimp-%s.png" % label)), image,
                    "%s: the layer unchanged" % label)


SCHEDULE = ("q90 444; q70 422 x0.8 lanczos; q55 x0.6 bicubic sat1.3; "
            "q45 420 70% nearest con0.9 *2; q35 411 x0.5 bilinear sharp1.5")


def case_schedule(config):
    """plug-in-jpeg-artifacts2 with a schedule (qualities, subsamplings,
    scales with every filter, colour changes, a repeat) and saturation,
    contrast and sharpening equals the tool's --schedule and the same
    options, on RGB, RGBA and gray layers; RUN-WITH-LAST-VALS repeats it;
    bad schedules fail naming the word and where it is, changing
    nothing."""
    rgb = sample_rgb(config)
    rgba = harness.with_alpha(
        harness.cut_sample(config, "chelsea.png", 150, 60, 133, 101),
        harness.alpha_ramp(133, 101))
    gray = sample_gray(config)
    runs = [
        ("rgb", rgb, Settings(75, 7, "420", schedule=SCHEDULE,
                              saturation=1.2, contrast=1.1, sharpen=0.5)),
        ("rgb-drift", rgb, Settings(60, 5, "422", jitter=8, drift=3, seed=9,
                                    schedule="q80; q60 x0.75 bicubic",
                                    saturation=0.6)),
        ("rgba", rgba, Settings(50, 4, "420", schedule=SCHEDULE,
                                contrast=1.4)),
        ("rgba-flattened", rgba, Settings(50, 3, "444", schedule=SCHEDULE,
                                          background=(40, 90, 200))),
        ("gray", gray, Settings(75, 6, schedule=SCHEDULE, sharpen=0.8)),
        ("no-schedule-colours", rgb, Settings(45, 3, "420", saturation=1.5,
                                              contrast=1.2, sharpen=1.0)),
    ]
    bad = [
        ("q75; q150", "Parameter 'schedule': 'q150' at byte 5 is not a "
         "quality: 'q' takes 1 to 100."),
        ("q75 x0.8 fuzzy", "Parameter 'schedule': 'fuzzy' at byte 9 is not "
         "a word a schedule knows"),
        ("q60 x1.5", "Parameter 'schedule': 'x1.5' at byte 4 is not a "
         "scale"),
        ("q60 sat9", "Parameter 'schedule': 'sat9' at byte 4 is out of "
         "range"),
        ("q75;;q60", "Parameter 'schedule': the step at byte 4 is empty"),
        ("q75 *64; q60", "Parameter 'schedule': the step at byte 9 makes "
         "more than 64 steps."),
        ("tables; q60", "Parameter 'schedule': the word 'tables' saves with "
         "the tables of the JPEG file"),
    ]
    script = ""
    for label, image, settings in runs:
        source = write_input(config, "%s.png" % label, image)
        if settings.background is not None:
            script += settings.background_scheme() + "\n"
        script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try2 %s img d %s)
  (ja-export img d %s))
""" % (q(source), q(label), settings.pdb2(),
       q(config.path("gimp-%s.png" % label)))
    # The last run's values again, on a fresh copy.
    script += """
(let* ((img (ja-load %s)) (d (ja-drawable img))
       (r (catch #f (plug-in-jpeg-artifacts2 RUN-WITH-LAST-VALS img d
                                             0 0 0 0 0 0 0 0 0 0 0
                                             "" "" 0.0 0.0 0.0 0))))
  (ja-log (if r "ran" "failed") "last-values" (if r (car r) 0) 0 0)
  (ja-export img d %s))
""" % (q(config.path("no-schedule-colours.png")),
       q(config.path("gimp-last-values.png")))
    source = config.path("rgb.png")
    script += "(let* ((img (ja-load %s)) (d (ja-drawable img)))\n" % q(source)
    for n, (text, _) in enumerate(bad):
        script += "  (ja-try2 %s img d %s)\n" % (
            q("bad-%d" % n), Settings(75, 3, schedule=text).pdb2())
    script += """  (ja-log "layers" (car (gimp-image-get-layers img)))
  (ja-export img d %s))
""" % q(config.path("gimp-after-bad.png"))
    gimp = run_gimp(config, script)
    for label, image, settings in runs:
        gimp.ran(label)
        source = config.path("%s.png" % label)
        expected = settings.cli(config, source,
                                config.path("cli-%s.png" % label),
                                extra=settings.cli_options())
        assert_same(pngio.read(config.path("gimp-%s.png" % label)), expected,
                    "%s: plug-in-jpeg-artifacts2 vs the tool" % label)
    gimp.ran("last-values")
    assert_same(pngio.read(config.path("gimp-last-values.png")),
                pngio.read(config.path("gimp-no-schedule-colours.png")),
                "RUN-WITH-LAST-VALS: the last run's colour changes again")
    for n, (text, message) in enumerate(bad):
        gimp.failed("bad-%d" % n)
        check(gimp.message_seen(message),
              "schedule %r: no message '%s' on GIMP's console:\n%s"
              % (text, message, gimp.stderr))
        print("ok: schedule %r refused: %s" % (text, message))
    check(gimp.value("layers") == "1", "the refused calls added layers")
    assert_same(pngio.read(config.path("gimp-after-bad.png")), rgb,
                "after the bad schedules: the layer unchanged")


BUILTIN_PRESETS = ["light-resave", "shared", "deep-fried", "reshare-chain"]

# A user's preset as the dialog saves it (params/presets-file.c's key file).
USER_PRESETS = """[My look]
quality=33
generations=3
subsampling=1
dct=0
quality-jitter=4
grid-drift=2
use-original=0
saturation=1.25
contrast=0.9
sharpen=0.25
schedule=q70; q40 x0.7 bicubic
"""


def case_presets(config):
    """Each built-in preset through plug-in-jpeg-artifacts2 equals the
    tool's --preset with the same seed, whatever the look parameters say
    (the preset overrides them); a user's preset from GIMP's folder equals
    the tool with its settings; an unknown preset fails, naming those
    there are, and changes nothing."""
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    # The look parameters the preset overrides, set to something else.
    base = dict(quality=12, generations=2, subsampling="444", dct="fast",
                jitter=3, drift=1, schedule="q99", saturation=2.0,
                contrast=2.0, sharpen=2.0)
    runs = [(preset, Settings(seed=21, preset=preset, **base))
            for preset in BUILTIN_PRESETS]
    runs.append(("user", Settings(seed=5, preset="My look", **base)))
    script = ""
    for label, settings in runs:
        script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try2 %s img d %s)
  (ja-export img d %s))
""" % (q(source), q(label), settings.pdb2(),
       q(config.path("gimp-%s.png" % label)))
    script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try2 "unknown" img d %s)
  (ja-export img d %s))
""" % (q(source), Settings(preset="nope").pdb2(),
       q(config.path("gimp-unknown.png")))
    gimp = run_gimp(config, script,
                    files={"jpeg-artifacts-presets.ini": USER_PRESETS})
    for label, settings in runs[:-1]:
        gimp.ran(label)
        expected = run_cli(config, source, config.path("cli-%s.png" % label),
                           seed=settings.seed,
                           extra=["--preset", settings.preset])
        assert_same(pngio.read(config.path("gimp-%s.png" % label)), expected,
                    "preset %s vs the tool's --preset %s"
                    % (label, label))
    gimp.ran("user")
    user = Settings(33, 3, "422", jitter=4, drift=2, seed=5,
                    schedule="q70; q40 x0.7 bicubic", saturation=1.25,
                    contrast=0.9, sharpen=0.25)
    assert_same(pngio.read(config.path("gimp-user.png")),
                user.cli(config, source, config.path("cli-user.png"),
                         extra=user.cli_options()),
                "the user's preset 'My look' vs the tool with its settings")
    gimp.failed("unknown")
    message = ("Parameter 'preset' is 'nope', which is no preset; it must be "
               "\"\" (none) or one of 'light-resave', 'shared', "
               "'deep-fried', 'reshare-chain', 'My look'.")
    check(gimp.message_seen(message), "no message '%s' on GIMP's console:\n%s"
          % (message, gimp.stderr))
    print("ok: an unknown preset refused: %s" % message)
    assert_same(pngio.read(config.path("gimp-unknown.png")), image,
                "after the unknown preset: the layer unchanged")


def difference_of(result, before):
    """min (255, 8 |result - before|) of each colour channel, BEFORE's
    alpha."""
    c = before.channels
    colours = c - 1 if c in (2, 4) else c
    out = []
    for i in range(0, len(before.samples), c):
        for k in range(c):
            b = before.samples[i + k]
            if k < colours:
                out.append(min(255, 8 * abs(result.samples[i + k] - b)))
            else:
                out.append(b)
    return pngio.Image(before.width, before.height, c, 8, out)


def case_output_difference(config):
    """Output 3 adds one layer above the drawable, named for the run,
    holding min (255, 8 |after - before|) per colour channel with the
    drawable's alpha (RGB, RGBA, gray + alpha), also through
    plug-in-jpeg-artifacts2 with a schedule; the drawable is unchanged;
    with a selection, the difference is that of the result blended
    through it; on a channel the output is refused."""
    rgb = sample_rgb(config)
    rgba = harness.with_alpha(
        harness.cut_sample(config, "chelsea.png", 150, 60, 133, 101),
        harness.alpha_ramp(133, 101))
    gray = sample_gray(config)
    gray_alpha = harness.with_alpha(gray, harness.alpha_ramp(gray.width,
                                                             gray.height))
    runs = [
        ("rgb", rgb, Settings(30, 10, "420", output=3), False),
        ("rgba", rgba, Settings(45, 3, "422", output=3), False),
        ("gray-alpha", gray_alpha, Settings(25, 1, output=3), False),
        ("schedule", rgb, Settings(75, 4, output=3,
                                   schedule="q80; q50 x0.6", sharpen=0.5),
         True),
    ]
    script = ""
    for label, image, settings, second in runs:
        source = write_input(config, "%s.png" % label, image)
        script += """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img))
       (r (%(try)s %(label)s img d %(args)s)))
  (ja-export img (car r) %(diff)s)
  (ja-export img d %(drawable)s)
  (ja-log "active-%(name)s" (car (gimp-image-get-active-layer img)))
  %(list)s)
""" % {"src": q(source), "try": "ja-try2" if second else "ja-try",
       "label": q(label), "name": label,
       "args": settings.pdb2() if second else settings.pdb(),
       "diff": q(config.path("gimp-%s-difference.png" % label)),
       "drawable": q(config.path("gimp-%s-drawable.png" % label)),
       "list": layer_list_script(label + "-layers")}
    x, y, w, h = 37, 21, 64, 50
    selected = Settings(30, 3, "420", output=3)
    script += """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (gimp-image-select-rectangle img CHANNEL-OP-REPLACE %(x)d %(y)d %(w)d %(h)d)
  (let ((r (ja-try "selection" img d %(args)s)))
    (gimp-selection-none img)
    (ja-export img (car r) %(diff)s)))
(let* ((img (ja-load %(src)s)) (d (ja-drawable img))
       (channel (car (gimp-channel-new-from-component img GREEN-CHANNEL
                                                      "Green"))))
  (gimp-image-insert-channel img channel 0 0)
  (gimp-image-clean-all img)
  (ja-try "channel" img channel %(args)s)
  (ja-log "channel-layers" (car (gimp-image-get-layers img)))
  (ja-log "channel-dirty" (car (gimp-image-is-dirty img))))
""" % {"src": q(config.path("rgb.png")), "x": x, "y": y, "w": w, "h": h,
       "args": selected.pdb(),
       "diff": q(config.path("gimp-selection-difference.png"))}
    gimp = run_gimp(config, script)

    for label, image, settings, second in runs:
        result = gimp.ran(label)[0]
        names = gimp.value(label + "-layers").rstrip("|").split("|")
        ids = [int(i) for i in gimp.value(label + "-layers-ids").split()]
        wanted = "Difference ×8 (JPEG q%d, %d generation%s)" % (
            settings.quality, settings.generations,
            "" if settings.generations == 1 else "s")
        check(len(names) == 2 and names[0] == wanted,
              "%s: layers after output 3: %s, expected '%s' above the "
              "drawable" % (label, names, wanted))
        check(ids[0] == result and
              int(gimp.value("active-" + label)) == result,
              "%s: the difference layer is not the result or not active"
              % label)
        print("ok: %s: layers top to bottom: %s" % (label, names))
        source = config.path("%s.png" % label)
        after = settings.cli(config, source, config.path("cli-%s.png" % label),
                             extra=settings.cli_options())
        actual = pngio.read(config.path("gimp-%s-difference.png" % label))
        assert_same(actual, difference_of(after, image),
                    "%s: the difference layer vs min (255, 8 |tool - input|)"
                    % label)
        assert_same(actual,
                    settings.cli(config, source,
                                 config.path("cli-%s-difference.png" % label),
                                 extra=settings.cli_options()
                                 + ["--difference"]),
                    "%s: the difference layer vs the tool's --difference"
                    % label)
        assert_same(pngio.read(config.path("gimp-%s-drawable.png" % label)),
                    image, "%s: the drawable unchanged" % label)

    gimp.ran("selection")
    full = selected.cli(config, config.path("rgb.png"),
                        config.path("cli-selection.png"))
    blended = pngio.Image(rgb.width, rgb.height, 3, 8, list(rgb.samples))
    for yy in range(y, y + h):
        i = (yy * rgb.width + x) * 3
        blended.samples[i:i + w * 3] = full.samples[i:i + w * 3]
    assert_same(pngio.read(config.path("gimp-selection-difference.png")),
                difference_of(blended, rgb),
                "selection: the difference of the result blended through it")

    gimp.failed("channel")
    message = ("'Green' is a layer mask or a channel: only a layer can have "
               "new layers added above it")
    check(gimp.message_seen(message), "no message '%s' on GIMP's console:\n%s"
          % (message, gimp.stderr))
    check(gimp.value("channel-layers") == "1"
          and gimp.value("channel-dirty") == "0",
          "the refused call on a channel changed the image")
    print("ok: output 3 on a channel refused: %s" % message)


FIRST_PROCEDURE_PARAMETERS = [
    "run-mode", "image", "drawable", "quality", "generations", "subsampling",
    "dct", "quality-jitter", "grid-drift", "seed", "grid-anchor",
    "transparency", "apply-to", "output"]
SECOND_PROCEDURE_PARAMETERS = FIRST_PROCEDURE_PARAMETERS + [
    "preset", "schedule", "saturation", "contrast", "sharpen",
    "use-original-settings"]
THIRD_PROCEDURE_PARAMETERS = SECOND_PROCEDURE_PARAMETERS + ["decode-as"]
RETURN_VALUES = ["result", "generations-run", "fixed-point", "table-length",
                 "table"]


def case_first_procedure(config):
    """plug-in-jpeg-artifacts keeps its 14 parameters, names and order, and
    its 5 return values; plug-in-jpeg-artifacts2 has those 14 and the 6
    new ones after them, plug-in-jpeg-artifacts3 those 20 and decode-as,
    all with the same return values."""
    script = ""
    for proc in ("plug-in-jpeg-artifacts", "plug-in-jpeg-artifacts2",
                 "plug-in-jpeg-artifacts3"):
        script += """
(let* ((info (gimp-procedural-db-proc-info %(p)s))
       (n-args (list-ref info 6)) (n-values (list-ref info 7)))
  (ja-log "counts-%(n)s" n-args n-values)
  (let loop ((i 0))
    (if (< i n-args)
        (let ((arg (gimp-procedural-db-proc-arg %(p)s i)))
          (ja-log "arg-%(n)s" i (cadr arg))
          (loop (+ i 1)))))
  (let loop ((i 0))
    (if (< i n-values)
        (let ((v (gimp-procedural-db-proc-val %(p)s i)))
          (ja-log "value-%(n)s" i (cadr v))
          (loop (+ i 1))))))
""" % {"p": q(proc), "n": proc}
    gimp = run_gimp(config, script)
    for proc, wanted in (("plug-in-jpeg-artifacts", FIRST_PROCEDURE_PARAMETERS),
                         ("plug-in-jpeg-artifacts2",
                          SECOND_PROCEDURE_PARAMETERS),
                         ("plug-in-jpeg-artifacts3",
                          THIRD_PROCEDURE_PARAMETERS)):
        counts = gimp.value("counts-" + proc).split()
        names = [w[2] for w in gimp.lines("arg-" + proc)]
        values = [w[2] for w in gimp.lines("value-" + proc)]
        check(counts == [str(len(wanted)), str(len(RETURN_VALUES))],
              "%s: %s parameters and %s return values, expected %d and %d"
              % (proc, counts[0], counts[1], len(wanted),
                 len(RETURN_VALUES)))
        check(names == wanted, "%s's parameters: %s, expected %s"
              % (proc, names, wanted))
        check(values == RETURN_VALUES, "%s's return values: %s, expected %s"
              % (proc, values, RETURN_VALUES))
        print("ok: %s: %d parameters (%s), return values %s"
              % (proc, len(names), ", ".join(names[3:]),
                 ", ".join(values)))


# Out-of-range values of each parameter and the message that must name it.
BAD_VALUES = [
    ("quality", 0, "Parameter 'quality' is 0; it must be 1 to 100."),
    ("quality", 101, "Parameter 'quality' is 101; it must be 1 to 100."),
    ("generations", 0,
     "Parameter 'generations' is 0; it must be 1 to 1000."),
    ("generations", 1001,
     "Parameter 'generations' is 1001; it must be 1 to 1000."),
    ("subsampling", 5, "Parameter 'subsampling' is 5; it must be 0 to 4"),
    ("subsampling", -1, "Parameter 'subsampling' is -1; it must be 0 to 4"),
    ("dct", 3, "Parameter 'dct' is 3; it must be 0 to 2"),
    ("quality-jitter", 51,
     "Parameter 'quality-jitter' is 51; it must be 0 to 50."),
    ("quality-jitter", -1,
     "Parameter 'quality-jitter' is -1; it must be 0 to 50."),
    ("grid-drift", 8, "Parameter 'grid-drift' is 8; it must be 0 to 7."),
    ("grid-anchor", 2, "Parameter 'grid-anchor' is 2; it must be 0 to 1"),
    ("transparency", 2,
     "Parameter 'transparency' is 2; it must be 0 to 1"),
    ("apply-to", 2, "Parameter 'apply-to' is 2; it must be 0 to 1"),
    ("output", 4, "Parameter 'output' is 4; it must be 0 to 3"),
]

PARAMETER_ORDER = ["quality", "generations", "subsampling", "dct",
                   "quality-jitter", "grid-drift", "seed", "grid-anchor",
                   "transparency", "apply-to", "output"]


def case_errors(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    good = [40, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0]
    calls = ""
    for name, value, _ in BAD_VALUES:
        args = list(good)
        args[PARAMETER_ORDER.index(name)] = value
        calls += "  (ja-try %s img d %s)\n" % (
            q("%s=%d" % (name, value)), " ".join(map(str, args)))
    good_args = " ".join(map(str, good))
    script = """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
%(calls)s
  (let ((group (car (gimp-layer-group-new img)))
        (inner (car (gimp-file-load-layer RUN-NONINTERACTIVE img %(src)s))))
    (gimp-image-insert-layer img group 0 0)
    (gimp-image-insert-layer img inner group 0)
    (gimp-item-set-name group "The group")
    (ja-try "layer-group" img group %(good)s)
    (ja-export img inner %(out_inner)s))
  (let ((mask (car (gimp-layer-create-mask d ADD-MASK-WHITE))))
    (gimp-layer-add-mask d mask)
    (gimp-item-set-name d "The layer")
    (ja-try "mask-to-new-layer" img mask 40 2 2 0 0 0 0 0 0 0 1)
    (gimp-layer-remove-mask d MASK-DISCARD))
  (gimp-image-resize img 300 200 0 0)
  (gimp-image-select-rectangle img CHANNEL-OP-REPLACE 200 150 50 40)
  (ja-try "selection-outside" img d %(good)s)
  (gimp-selection-none img)
  (ja-log "layers" (car (gimp-image-get-layers img)))
  (ja-export img d %(out)s))
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (gimp-image-convert-indexed img CONVERT-DITHER-NONE CONVERT-PALETTE-GENERATE
                              255 FALSE FALSE "")
  (ja-export img d %(before_indexed)s)
  (ja-try "indexed" img d %(good)s)
  (ja-export img d %(after_indexed)s))
""" % {"src": q(source), "calls": calls, "good": good_args,
       "out": q(config.path("gimp.png")),
       "out_inner": q(config.path("gimp-inner.png")),
       "before_indexed": q(config.path("indexed-before.png")),
       "after_indexed": q(config.path("indexed-after.png"))}
    gimp = run_gimp(config, script)

    for name, value, message in BAD_VALUES:
        gimp.failed("%s=%d" % (name, value))
        check(gimp.message_seen(message),
              "no message '%s' on GIMP's console:\n%s"
              % (message, gimp.stderr))
        print("ok: %s=%d refused: %s" % (name, value, message))
    for label, message in (
            ("layer-group", "'The group' is a layer group"),
            ("mask-to-new-layer",
             "only a layer can have new layers added above it"),
            ("selection-outside",
             "The selection does not touch 'The layer'"),
            ("indexed", "is an indexed image")):
        gimp.failed(label)
        check(gimp.message_seen(message),
              "no message '%s' on GIMP's console:\n%s"
              % (message, gimp.stderr))
        print("ok: %s refused: ...%s..." % (label, message))
    check(gimp.value("layers") == "2",
          "the failed calls added layers: %s" % gimp.value("layers"))
    assert_same(pngio.read(config.path("gimp.png")), image,
                "after every failed call: the layer unchanged")
    assert_same(pngio.read(config.path("gimp-inner.png")), image,
                "after the call on a group: its layer unchanged")
    # Exported alike, an unchanged indexed layer gives the same palette
    # and pixel data (the metadata GIMP adds carries the time of export).
    before = pngio.image_content(config.path("indexed-before.png"))
    after = pngio.image_content(config.path("indexed-after.png"))
    check(before == after, "the call on an indexed image changed it")
    print("ok: after the call on an indexed image: unchanged")


def case_undo(config):
    """In GIMP's user interface: one Ctrl+Z after a run restores every
    layer it changed (two linked layers) and removes every layer it added
    (one per generation)."""

    import gui

    a = sample_rgb(config)
    b = harness.cut_sample(config, "chelsea.png", 10, 10, 151, 100)
    path_a = write_input(config, "undo-linked.png", a)
    path_b = write_input(config, "b.png", b)
    path_c = write_input(config, "undo-frames.png", a)
    linked = Settings(20, 5, "420", apply_to=1)
    frames = Settings(20, 3, "420", output=2)
    out = lambda name: q(config.path(name))
    session = gui.GimpGui(config)
    try:
        session.start()
        session.run(PRELUDE_GUI)
        session.run("""
(begin
  (define img (ja-load %s))
  (define la (ja-drawable img))
  (define lb (car (gimp-file-load-layer RUN-NONINTERACTIVE img %s)))
  (gimp-image-insert-layer img lb 0 0)
  (gimp-image-set-active-layer img la)
  (gimp-item-set-linked la TRUE)
  (gimp-item-set-linked lb TRUE)
  (gimp-image-clean-all img)
  (define display (car (gimp-display-new img)))
  (gimp-displays-flush)
  (plug-in-jpeg-artifacts RUN-NONINTERACTIVE img la %s)
  (gimp-displays-flush)
  (ja-export img la %s)
  (ja-export img lb %s))
""" % (q(path_a), q(path_b), linked.pdb(), out("after-a.png"),
            out("after-b.png")))
        session.press_in_window("undo-linked", "ctrl+z")
        time.sleep(1.5)
        session.run("""
(begin
  (ja-export img la %s)
  (ja-export img lb %s)
  (gimp-display-delete display))
""" % (out("undone-a.png"), out("undone-b.png")))

        session.run("""
(begin
  (define img (ja-load %s))
  (define la (ja-drawable img))
  (define display (car (gimp-display-new img)))
  (gimp-displays-flush)
  (plug-in-jpeg-artifacts RUN-NONINTERACTIVE img la %s)
  (gimp-displays-flush)
  (car (gimp-image-get-layers img)))
""" % (q(path_c), frames.pdb()))
        layers_after = session.run("(car (gimp-image-get-layers img))")
        session.press_in_window("undo-frames", "ctrl+z")
        time.sleep(1.5)
        layers_undone = session.run("(car (gimp-image-get-layers img))")
        session.run("(ja-export img la %s)" % out("undone-c.png"))
    finally:
        session.stop()

    read = lambda name: pngio.read(config.path(name))
    assert_same(read("after-a.png"),
                linked.cli(config, path_a, config.path("cli-a.png")),
                "before Undo: the drawable vs the tool")
    assert_same(read("after-b.png"),
                linked.cli(config, path_b, config.path("cli-b.png")),
                "before Undo: the linked layer vs the tool")
    assert_same(read("undone-a.png"), a, "after one Undo: the drawable")
    assert_same(read("undone-b.png"), b, "after one Undo: the linked layer")
    check(layers_after.strip() == "4",
          "after a run with 3 generations as layers: %s layers, expected 4"
          % layers_after)
    check(layers_undone.strip() == "1",
          "after one Undo of the layers per generation: %s layers, "
          "expected 1" % layers_undone)
    print("ok: layers per generation: 4 layers, after one Undo 1")
    assert_same(read("undone-c.png"), a,
                "after one Undo of the layers per generation: the drawable")


def textured(width, height, channels, seed):
    """WIDTH x HEIGHT pixels with detail everywhere, as a thin strip cut
    from a photo has: ramps in each direction and channel plus a
    pseudo-random texture (a fixed linear congruential sequence)."""
    samples = []
    state = seed
    for y in range(height):
        for x in range(width):
            for c in range(channels):
                state = (state * 1103515245 + 12345) & 0x7FFFFFFF
                samples.append((x * 7 + y * 5 + c * 85 + (state >> 16) % 48)
                               % 256)
    return pngio.Image(width, height, channels, 8, samples)


def case_thin_layers(config):
    """Layers of 1 x 1, 1 x 65535 and 65535 x 1 pixels, gray, RGB and RGBA:
    GIMP's result equals the tool's for the same settings."""
    long_side = 65535
    wide_rgba = harness.with_alpha(
        textured(long_side, 1, 3, 5),
        lambda x, y: (0, 255, x % 256, 128)[x // 97 % 4])
    run_and_compare_all(config, [
        ("1x1 RGB", "one-rgb.png", textured(1, 1, 3, 1), [
            ("1x1-rgb-q50-g3-420", Settings(50, 3, "420")),
            ("1x1-rgb-q20-g2-411-drift",
             Settings(20, 2, "411", drift=7, seed=9)),
        ]),
        ("1x1 gray", "one-gray.png", textured(1, 1, 1, 2), [
            ("1x1-gray-q30-g4", Settings(30, 4)),
        ]),
        ("1x65535 RGB", "tall-rgb.png", textured(1, long_side, 3, 3), [
            ("1x65535-rgb-q40-g2-420-drift",
             Settings(40, 2, "420", drift=3, seed=4)),
            ("1x65535-rgb-q70-g1-440", Settings(70, 1, "440")),
        ]),
        ("65535x1 RGBA", "wide-rgba.png", wide_rgba, [
            ("65535x1-rgba-q60-g2-411", Settings(60, 2, "411")),
            ("65535x1-rgba-flattened-q35-g3-422",
             Settings(35, 3, "422", background=(250, 20, 120))),
        ]),
        ("65535x1 gray", "wide-gray.png", textured(long_side, 1, 1, 6), [
            ("65535x1-gray-q25-g3-fast", Settings(25, 3, dct="fast")),
        ]),
    ])


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


# ------------------------------------------------------- hostile inputs

INT32_MAX = 2 ** 31 - 1
INT32_MIN = -2 ** 31

# The parameters after the drawable with the values they take.
PARAMETER_RANGES = [
    ("quality", 1, 100), ("generations", 1, 1000), ("subsampling", 0, 4),
    ("dct", 0, 2), ("quality-jitter", 0, 50), ("grid-drift", 0, 7),
    ("grid-anchor", 0, 1), ("transparency", 0, 1), ("apply-to", 0, 1),
    ("output", 0, 3),
]

GOOD_ARGS = [40, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0]

INVALID_DRAWABLE = ("has been called with an invalid ID for argument "
                    "'drawable'")
INVALID_IMAGE = "has been called with an invalid ID for argument 'image'"
OUT_OF_RANGE = "This value is out of range."

# The Script-Fu that builds the images the hostile calls aim at.  main: a
# photo, a layer with a mask, a channel, a text layer, a layer whose pixels
# are locked, a layer group, a locked group with a layer in it, a locked
# layer with a mask, and a layer linked to the text layer.  other: a second
# image.  indexed: an indexed image.  wide: a 65536 x 1 layer, one pixel
# beyond JPEG.  offside: a selection outside its layer.  Plus items outside
# any image: a layer never inserted, a mask never added, a removed layer.
HOSTILE_SETUP = """
(define (ja-add-copy img layer name)
  (let ((copy (car (gimp-layer-copy layer TRUE))))
    (gimp-image-insert-layer img copy 0 0)
    (gimp-item-set-name copy name)
    copy))
(define main (ja-load %(src)s))
(define photo (ja-drawable main))
(gimp-item-set-name photo "Photo")
(define masked (ja-add-copy main photo "Masked"))
(define mask (car (gimp-layer-create-mask masked ADD-MASK-COPY)))
(gimp-layer-add-mask masked mask)
(define channel (car (gimp-channel-new-from-component main GREEN-CHANNEL
                                                      "Green")))
(gimp-image-insert-channel main channel 0 0)
(define text (car (gimp-text-layer-new main "JPEG" "Sans" 30 PIXELS)))
(gimp-image-insert-layer main text 0 0)
(gimp-item-set-name text "Caption")
(define locked (ja-add-copy main photo "Locked"))
(gimp-item-set-lock-content locked TRUE)
(define locked-masked (ja-add-copy main photo "Locked with a mask"))
(define locked-mask (car (gimp-layer-create-mask locked-masked
                                                 ADD-MASK-COPY)))
(gimp-layer-add-mask locked-masked locked-mask)
(gimp-item-set-lock-content locked-masked TRUE)
(define group (car (gimp-layer-group-new main)))
(gimp-image-insert-layer main group 0 0)
(gimp-item-set-name group "Group")
(define in-group (car (gimp-layer-copy photo TRUE)))
(gimp-image-insert-layer main in-group group 0)
(gimp-item-set-name in-group "In the group")
(define locked-group (car (gimp-layer-group-new main)))
(gimp-image-insert-layer main locked-group 0 0)
(gimp-item-set-name locked-group "Locked group")
(define in-locked-group (car (gimp-layer-copy photo TRUE)))
(gimp-image-insert-layer main in-locked-group locked-group 0)
(gimp-item-set-name in-locked-group "In the locked group")
(gimp-item-set-lock-content locked-group TRUE)
(define linked (ja-add-copy main photo "Linked to the caption"))
(gimp-item-set-linked linked TRUE)
(gimp-item-set-linked text TRUE)
(define path (car (gimp-vectors-new main "Path")))
(gimp-image-insert-vectors main path 0 0)
(define loose (car (gimp-layer-new main 20 10 RGB-IMAGE "Never inserted" 100
                                   LAYER-MODE-NORMAL)))
(define loose-mask (car (gimp-layer-create-mask photo ADD-MASK-WHITE)))
(define removed (ja-add-copy main photo "Removed"))
(gimp-image-remove-layer main removed)
(gimp-image-set-active-layer main photo)
(define other (ja-load %(src)s))
(define other-layer (ja-drawable other))
(define indexed (ja-load %(src)s))
(gimp-image-convert-indexed indexed CONVERT-DITHER-NONE
                            CONVERT-PALETTE-GENERATE 64 FALSE FALSE "")
(define indexed-layer (ja-drawable indexed))
(define wide (car (gimp-image-new 65536 1 RGB)))
(define wide-layer (car (gimp-layer-new wide 65536 1 RGB-IMAGE "Too wide" 100
                                        LAYER-MODE-NORMAL)))
(gimp-image-insert-layer wide wide-layer 0 0)
(gimp-drawable-fill wide-layer FILL-WHITE)
(define offside (ja-load %(src)s))
(define offside-layer (ja-drawable offside))
(gimp-image-resize offside 400 300 0 0)
(gimp-image-select-rectangle offside CHANNEL-OP-REPLACE 300 200 50 40)
(define images (list main other indexed wide offside))
(for-each gimp-image-clean-all images)

; Every layer, layer mask and channel of IMG, groups left out (they have no
; pixels of their own).
(define (ja-drawables img)
  (define (layer-tree layers)
    (apply append
           (map (lambda (l)
                  (if (= (car (gimp-item-is-group l)) 1)
                      (layer-tree (vector->list
                                   (cadr (gimp-item-get-children l))))
                      (let ((m (car (gimp-layer-get-mask l))))
                        (if (= m -1) (list l) (list l m)))))
                layers)))
  (append (layer-tree (vector->list (cadr (gimp-image-get-layers img))))
          (vector->list (cadr (gimp-image-get-channels img)))))

; Exports every drawable of IMG to PREFIX-N.png and logs 'PREFIX N name'.
(define (ja-export-all img prefix)
  (let loop ((items (ja-drawables img)) (n 0))
    (if (pair? items)
        (let ((path (string-append %(dir)s "/" prefix "-"
                                   (number->string n) ".png")))
          (ja-export img (car items) path)
          (ja-log prefix n (ja-name (car items)))
          (loop (cdr items) (+ n 1))))))

; Saves every image as snap-N-I.xcf (a checksum of all its layers, masks,
; channels, selection and structure) and logs whether each is dirty.
(define (ja-snapshot n)
  (let loop ((rest images) (i 0))
    (if (pair? rest)
        (let ((path (string-append %(dir)s "/snap-" (number->string n) "-"
                                   (number->string i) ".xcf")))
          (gimp-xcf-save 0 (car rest) -1 path path)
          (ja-log "dirty" n i (car (gimp-image-is-dirty (car rest))))
          (loop (cdr rest) (+ i 1))))))

(define (ja-hostile-with proc n run-mode img drawable . args)
  (set! ja-error "")
  (let ((r (catch #f (apply proc (append (list run-mode img drawable) args)))))
    (if r
        (ja-log "accepted" n)
        (ja-log "refused" n "|" ja-error))
    (ja-snapshot n)))
(define (ja-hostile . args)
  (apply ja-hostile-with (cons plug-in-jpeg-artifacts args)))
(define (ja-hostile2 . args)
  (apply ja-hostile-with (cons plug-in-jpeg-artifacts2 args)))
"""


# plug-in-jpeg-artifacts2's parameters after the first one's, in
# Script-Fu: preset, schedule, saturation, contrast, sharpen,
# use-original-settings.
GOOD_ARGS2 = ['""', '""', "1.0", "1.0", "0.0", "0"]
PARAMETER_ORDER2 = ["preset", "schedule", "saturation", "contrast",
                    "sharpen", "use-original-settings"]


def hostile_calls():
    """(label, run mode, image, drawable, arguments, the words the refusal
    must have, the Script-Fu helper that calls the procedure) for every
    hostile call, in Script-Fu terms."""
    calls = []

    def add(label, drawable, fragment, args=None, image="main",
            run_mode="RUN-NONINTERACTIVE", helper="ja-hostile"):
        calls.append((label, run_mode, image, drawable,
                      GOOD_ARGS if args is None else args, fragment,
                      helper))

    def add2(label, name, value, fragment, drawable="photo"):
        args = list(GOOD_ARGS2)
        args[PARAMETER_ORDER2.index(name)] = value
        add(label, drawable, fragment, GOOD_ARGS + args,
            helper="ja-hostile2")

    def with_value(name, value):
        args = list(GOOD_ARGS)
        args[PARAMETER_ORDER.index(name)] = value
        return args

    for name, low, high in PARAMETER_RANGES:
        for value in sorted({low - 1, high + 1, INT32_MIN, INT32_MAX}):
            add("%s=%d" % (name, value), "photo",
                "Parameter '%s' is %d; it must be %d to %d"
                % (name, value, low, high), with_value(name, value))
    for value in (-1, 3, INT32_MIN, INT32_MAX):
        add("run-mode=%d" % value, "photo",
            "Parameter 'run-mode' is %d; it must be 0 to 2" % value,
            run_mode=str(value))
    add("interactive-without-a-display", "photo",
        "JPEG Artifacts cannot show its dialog: GIMP has no display here",
        run_mode="RUN-INTERACTIVE")
    add("image-does-not-exist", "photo", INVALID_IMAGE, image="99999")
    # GIMP lets -1 through as "none", and 0 too for a drawable.
    add("image-id-minus-one", "photo",
        "Parameter 'image' is -1, which is not an open image", image="-1")
    add("drawable-does-not-exist", "99999", INVALID_DRAWABLE)
    add("drawable-id-minus-one", "-1", "Parameter 'drawable' is -1, which "
        "is not a layer, a layer mask or a channel")
    add("drawable-id-zero", "0", "Parameter 'drawable' is 0, which is not a "
        "layer, a layer mask or a channel")
    add("drawable-removed-from-the-image", "removed", INVALID_DRAWABLE)
    add("drawable-is-a-path", "path", INVALID_DRAWABLE)
    add("drawable-of-another-image", "other-layer",
        "which belongs to another image than")
    add("layer-never-inserted", "loose", "'Never inserted'), which is not "
        "in image")
    add("mask-never-added", "loose-mask", "which is not in image")
    add("layer-group", "group", "'Group' is a layer group")
    add("text-layer-replaced", "text",
        "'Caption' is a text layer: replacing its pixels would turn its "
        "text into a picture")
    add("linked-to-a-text-layer-replaced", "linked",
        "'Caption' is a text layer", with_value("apply-to", 1))
    add("locked-pixels", "locked", "The pixels of 'Locked' are locked")
    add("layer-in-a-locked-group", "in-locked-group",
        "the layer group 'Locked group' that holds it locks those of every "
        "layer in it")
    add("mask-of-a-locked-layer", "locked-mask",
        "are locked, as 'Locked with a mask' locks them")
    add("selection-mask", "(car (gimp-image-get-selection main))",
        "The selection mask cannot take the effect")
    add("channel-to-a-new-layer", "channel",
        "'Green' is a layer mask or a channel: only a layer can have new "
        "layers added above it", with_value("output", 1))
    add("mask-to-layers-per-generation", "mask",
        "is a layer mask or a channel: only a layer can have new layers",
        with_value("output", 2))
    add("65536-pixels-wide", "wide-layer",
        "'Too wide' is 65536 × 1 pixels; a JPEG holds at most 65535 pixels",
        image="wide")
    add("indexed-image", "indexed-layer", "is an indexed image",
        image="indexed")
    add("selection-outside-the-layer", "offside-layer",
        "The selection does not touch", image="offside")

    # plug-in-jpeg-artifacts2's own parameters.
    add2("schedule-garbage", "schedule", q("q75; %&!; q60"),
         "Parameter 'schedule': '%&!' at byte 5 is not a word a schedule "
         "knows")
    add2("schedule-quality-0", "schedule", q("q0"),
         "Parameter 'schedule': 'q0' at byte 0 is not a quality")
    add2("schedule-only-semicolons", "schedule", q(";;"),
         "Parameter 'schedule': the step at byte 0 is empty")
    # Script-Fu reads no string literal this long: it is made.
    add2("schedule-too-long", "schedule", "(make-string 1200 #\\q)",
         "Parameter 'schedule' is 1200 bytes long; it takes at most 1023.")
    add2("schedule-65-steps", "schedule", q("q75 *65"),
         "Parameter 'schedule': '*65' at byte 4 is not a repeat: '*' takes "
         "1 to 64.")
    # GIMP itself refuses a NaN or an infinity for a FLOAT parameter.
    add2("saturation-nan", "saturation", "(sqrt -1.0)",
         "for argument 'saturation' (#17, type gdouble). " + OUT_OF_RANGE)
    add2("saturation-negative", "saturation", "-0.5",
         "Parameter 'saturation' is -0.5; it must be 0 to 4 (1 changes "
         "nothing).")
    add2("contrast-inf", "contrast", "(exp 1000.0)",
         "with value 'inf' for argument 'contrast' (#18, type gdouble). "
         + OUT_OF_RANGE)
    add2("sharpen-above-4", "sharpen", "4.5",
         "Parameter 'sharpen' is 4.5; it must be 0 to 4 (0 changes "
         "nothing).")
    add2("use-original-2", "use-original-settings", "2",
         "Parameter 'use-original-settings' is 2; it must be 0 to 1")
    add2("use-original-minus-1", "use-original-settings", "-1",
         "Parameter 'use-original-settings' is -1; it must be 0 to 1")
    add2("use-original-not-a-jpeg", "use-original-settings", "1",
         "was not loaded from a JPEG file")
    add2("use-original-on-a-channel", "use-original-settings", "1",
         "was not loaded from a JPEG file", drawable="channel")
    add2("preset-unknown", "preset", q("deep fried"),
         "Parameter 'preset' is 'deep fried', which is no preset")
    add2("preset-too-long", "preset", "(make-string 200 #\\x)",
         "Parameter 'preset' is 200 bytes long; it takes at most 127.")
    add("difference-of-a-channel", "channel",
        "'Green' is a layer mask or a channel: only a layer can have new "
        "layers added above it", with_value("output", 3))
    return calls


def stored_values(path):
    """The 8-bit values of a 16-bit PNG that holds them times 257, as a
    16-bit linear export of an 8-bit linear layer mask does."""
    image = pngio.read(path)
    check(image.depth == 16 and all(v % 257 == 0 for v in image.samples),
          "%s does not hold 8-bit values exactly" % path)
    return pngio.Image(image.width, image.height, image.channels, 8,
                       [v // 257 for v in image.samples])


def case_hostile(config):
    """Hostile calls, one GIMP session: every parameter out of range at
    both ends and at the ends of int32, bad run modes, IDs of nothing, of a
    path, of a removed layer, of another image's layer, of items outside
    any image, a layer group, a text layer, locked pixels (the layer's own,
    a group's, a mask's through its layer), the selection mask, new layers
    asked for a channel or a mask, a layer beyond JPEG's size, an indexed
    image, a selection outside the layer, the dialog without a display.
    Each must be refused with a message that names the problem; after each,
    every image is saved as XCF (all its layers, masks and channels) and
    must equal its first save, and stay clean; at the end every drawable
    of the main image is exported and compared with its export before the
    calls.  Then the inputs the procedure documents as valid: seeds at both
    ends of int32, a layer mask (on the linear values GIMP keeps in it), a
    channel, a text layer into a new layer (its text kept), each equal to
    the tool's result; and a last good call, which shows GIMP still
    answers."""
    source = write_input(config, "rgb.png",
                         harness.cut_sample(config, "coffee.png", 200, 120,
                                            96, 72))
    directory = config.workdir
    calls = hostile_calls()
    good = Settings(40, 2, "420")
    script = HOSTILE_SETUP % {"src": q(source), "dir": q(directory)}
    script += """
(ja-export-all main "before")
(ja-snapshot 0)
"""
    for n, (label, run_mode, image, drawable, args, _, helper) in enumerate(
            calls, 1):
        script += "(%s %d %s %s %s %s)\n" % (
            helper, n, run_mode, image, drawable, " ".join(map(str, args)))
    script += """
(ja-export-all main "after")
"""
    # The documented inputs.
    seeds = [("seed=%d" % seed, seed, seed % 2 ** 32)
             for seed in (INT32_MIN, INT32_MAX)]
    for label, seed, _ in seeds:
        s = Settings(40, 3, "420", drift=5, seed=seed)
        script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try %s img d %s)
  (ja-export img d %s))
""" % (q(source), q(label), s.pdb(), q(config.path("gimp-%s.png" % label)))
    script += """
; A layer mask keeps linear values ("Y u8"), which the plug-in works on and
; an 8-bit export converts; a 16-bit linear copy of the image exports them
; exactly, as multiples of 257.
(define (ja-export-stored-mask img layer-name path)
  (let* ((copy (car (gimp-image-duplicate img)))
         (layer (car (gimp-image-get-layer-by-name copy layer-name))))
    (gimp-image-convert-precision copy PRECISION-U16-LINEAR)
    (ja-export copy (car (gimp-layer-get-mask layer)) path)
    (gimp-image-delete copy)))
(ja-export-stored-mask main "Masked" %(mask_before)s)
(ja-try "layer-mask" main mask %(good)s)
(ja-export-stored-mask main "Masked" %(mask)s)
(ja-try "channel" main channel %(good)s)
(ja-export main channel %(channel)s)
(let ((r (ja-try "text-layer-to-a-new-layer" main text %(to_layer)s)))
  (ja-export main (car r) %(text_new)s)
  (ja-export main text %(text_after)s)
  (ja-log "text-kept" (car (gimp-item-is-text-layer text))
          (car (gimp-text-layer-get-text text)))
  (ja-log "new-layer-is-text" (car (gimp-item-is-text-layer (car r)))))
(ja-try "last-good-call" main photo %(good)s)
(ja-export main photo %(photo)s)
""" % {"good": good.pdb(), "mask": q(config.path("gimp-mask-16.png")),
       "mask_before": q(config.path("before-mask-16.png")),
       "channel": q(config.path("gimp-channel.png")),
       "to_layer": Settings(40, 2, "420", output=1).pdb(),
       "text_new": q(config.path("gimp-text-new.png")),
       "text_after": q(config.path("gimp-text-after.png")),
       "photo": q(config.path("gimp-photo.png"))}
    gimp = run_gimp(config, script, fonts=True)

    crashed = "Plug-in crashed" in gimp.stderr or "no return values" in \
        gimp.stderr
    check(not crashed, "the plug-in crashed:\n%s" % gimp.stderr)
    refusals = {}
    for line in gimp.raw_log:
        words = line.split(" ", 2)
        if words[0] == "accepted":
            refusals[int(words[1])] = None
        elif words[0] == "refused":
            refusals[int(words[1])] = line.split(" | ", 1)[1].rstrip("\n ")
    dirty = {}
    for words in gimp.lines("dirty"):
        dirty[(int(words[1]), int(words[2]))] = words[3]

    def digests(n):
        out = []
        for i in range(5):
            path = config.path("snap-%d-%d.xcf" % (n, i))
            with open(path, "rb") as f:
                out.append(hashlib.sha256(f.read()).hexdigest())
            if n > 0:
                os.remove(path)
        return out

    baseline = digests(0)
    check(all(dirty[(0, i)] == "0" for i in range(5)),
          "the images are dirty before the first call")
    by_gimp = by_plugin = changed = 0
    problems = []
    for n, (label, _, _, _, _, fragment, _) in enumerate(calls, 1):
        message = refusals.get(n, "")
        if message is None:
            problems.append("%s: accepted" % label)
        elif fragment not in message:
            problems.append("%s: refused with '%s', which lacks '%s'"
                            % (label, message, fragment))
        elif (INVALID_IMAGE in message or INVALID_DRAWABLE in message
              or OUT_OF_RANGE in message):
            by_gimp += 1
        else:
            by_plugin += 1
        now = digests(n)
        changes = [i for i in range(5)
                   if now[i] != baseline[i] or dirty[(n, i)] != "0"]
        if changes:
            changed += 1
            problems.append("%s: changed image %s" % (label, changes))
        if message:
            print("ok: %s refused: %s" % (label, message.split(": ", 1)[1]))
    names = dict((int(w[1]), " ".join(w[2:])) for w in gimp.lines("before"))
    for n, name in sorted(names.items()):
        before = pngio.image_content(config.path("before-%d.png" % n))
        after = pngio.image_content(config.path("after-%d.png" % n))
        if before != after:
            problems.append("'%s': its pixels changed" % name)
    check(not problems, "hostile inputs:\n  " + "\n  ".join(problems))
    print("ok: after every refused call every image saves to the same XCF "
          "as before them, and none is dirty")
    print("ok: the %d layers, masks and channels of the main image export "
          "to the same pixels as before the calls" % len(names))

    documented = 0
    for label, seed, unsigned in seeds:
        gimp.ran(label)
        expected = Settings(40, 3, "420", drift=5, seed=unsigned).cli(
            config, source, config.path("cli-%s.png" % label))
        assert_same(pngio.read(config.path("gimp-%s.png" % label)),
                    expected, "%s vs the tool's --seed %d" % (label,
                                                              unsigned))
        documented += 1
    index = dict((name, n) for n, name in names.items())
    gimp.ran("layer-mask")
    before = write_input(config, "before-mask.png",
                         stored_values(config.path("before-mask-16.png")))
    assert_same(stored_values(config.path("gimp-mask-16.png")),
                good.cli(config, before, config.path("cli-layer-mask.png")),
                "layer mask 'Masked mask' vs the tool on its stored values")
    gimp.ran("channel")
    before = config.path("before-%d.png" % index["Green"])
    assert_same(pngio.read(config.path("gimp-channel.png")),
                good.cli(config, before, config.path("cli-channel.png")),
                "channel 'Green' vs the tool on its gray pixels")
    documented += 2
    gimp.ran("text-layer-to-a-new-layer")
    text_before = config.path("before-%d.png" % index["Caption"])
    assert_same(pngio.read(config.path("gimp-text-new.png")),
                Settings(40, 2, "420").cli(config, text_before,
                                           config.path("cli-text.png")),
                "text layer into a new layer: the new layer vs the tool")
    check(pngio.image_content(config.path("gimp-text-after.png"))
          == pngio.image_content(text_before),
          "the text layer's pixels changed")
    check(gimp.value("text-kept") == "1 JPEG",
          "the text layer lost its text: %s" % gimp.value("text-kept"))
    check(gimp.value("new-layer-is-text") == "0",
          "the new layer is an unmodified text layer, whose text GIMP would "
          "render over its pixels")
    print("ok: the text layer keeps its text 'JPEG' and its pixels; the new "
          "layer is marked modified, as GIMP's filters mark a text layer")
    documented += 1
    gimp.ran("last-good-call")
    photo_before = config.path("before-%d.png" % index["Photo"])
    assert_same(pngio.read(config.path("gimp-photo.png")),
                good.cli(config, photo_before, config.path("cli-photo.png")),
                "the last good call vs the tool")

    print("hostile inputs: %d tried, %d refused with a message (%d by GIMP's "
          "own argument checks, %d by the plug-in), %d changed a pixel, 0 "
          "crashed the plug-in, GIMP still answering"
          % (len(calls), by_gimp + by_plugin, by_gimp, by_plugin, changed))
    print("documented inputs: %d tried, %d equal to the tool's result"
          % (documented, documented))


# ---------------------------------------------------------------- cancel

def plugin_processes(parent):
    """The PIDs of the plug-in's processes that GIMP (PID PARENT) runs."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        if ppid == parent and name == harness.PLUGIN_NAME[:15]:
            pids.append(int(entry))
    return pids


def changed_patches(before, during, box):
    """Where the bottom 60 rows of BOX (x, y, width, height: the image
    window) differ between the screenshots BEFORE and DURING: the runs of
    changed columns, left to right, each as (first x, last x, middle y)."""
    width, height, a = before
    b = during[2]
    x0, y0, w, h = box
    rows = {}
    for y in range(max(y0 + h - 60, 0), min(y0 + h, height)):
        for x in range(max(x0, 0), min(x0 + w, width)):
            i = (y * width + x) * 3
            if max(abs(a[i + k] - b[i + k]) for k in range(3)) > 40:
                rows.setdefault(x, []).append(y)
    patches = []
    for x in sorted(rows):
        if patches and x - patches[-1][1] <= 8:
            patches[-1][1] = x
            patches[-1][2].extend(rows[x])
        else:
            patches.append([x, x, list(rows[x])])
    return [(first, last, sorted(ys)[len(ys) // 2])
            for first, last, ys in patches]


def case_cancel(config):
    """In GIMP's user interface: JPEG Artifacts started from the image
    window on a layer linked to a large one, whose result the dialog does
    not compute, is cancelled with the Cancel button of the status bar
    while it computes the linked layer.  GIMP 2.10 tells a plug-in nothing
    of a cancel: it ends the plug-in's process.  The test checks that the
    process, running when Cancel is clicked, ends at once and that GIMP
    says it killed it, that both layers keep their pixels, that the image
    is not dirty (no undo step), that no layer was added, and that GIMP
    still answers."""
    import gui

    settings = Settings(30, 1000, "420", jitter=10, drift=3, seed=1,
                        apply_to=1)
    source = write_input(config, "rgb.png", sample_rgb(config))
    big = config.path("before-big.png")
    small = config.path("before-small.png")
    session = gui.GimpGui(config, verbose=True)
    try:
        session.start()
        session.run(PRELUDE_GUI)
        # A run through the procedure database stores the values the
        # dialog then starts from.
        session.run("""
(let* ((img (car (gimp-image-new 16 16 RGB)))
       (l (car (gimp-layer-new img 16 16 RGB-IMAGE "Tiny" 100
                               LAYER-MODE-NORMAL))))
  (gimp-image-insert-layer img l 0 0)
  (plug-in-jpeg-artifacts RUN-NONINTERACTIVE img l %s)
  (gimp-image-delete img))
""" % settings.pdb())
        session.run("""
(begin
  (define img (ja-load %(src)s))
  (define big (ja-drawable img))
  (gimp-image-scale img 1600 1200)
  (gimp-item-set-name big "Large")
  (define small (car (gimp-layer-copy big FALSE)))
  (gimp-image-insert-layer img small 0 0)
  (gimp-layer-scale small 240 180 FALSE)
  (gimp-item-set-name small "Small")
  (gimp-item-set-linked big TRUE)
  (gimp-item-set-linked small TRUE)
  (gimp-image-set-active-layer img small)
  (ja-export img big %(big)s)
  (ja-export img small %(small)s)
  (gimp-image-clean-all img)
  (define display (car (gimp-display-new img)))
  (gimp-displays-flush))
""" % {"src": q(source), "big": q(big), "small": q(small)})
        # The image window's title: "[*]rgb.png-1.0 (RGB color ...) – GIMP".
        title = r"rgb\.png-[0-9]"
        window = session.window(title)
        session.xdotool("windowmove", "--sync", window, "0", "0")
        session.xdotool("windowsize", "--sync", window, "1270", "1000")
        time.sleep(2)
        box = session.geometry(window)
        before = session.screenshot()

        # Filters ▸ Distorts ▸ JPEG Artifacts… through Search Actions.
        session.press_in_window(title, "slash")
        search = session.window("Search Actions")
        session.type_in_window(search, "JPEG Artifacts")
        time.sleep(1)
        session.xdotool("key", "Return")
        dialog = session.window("^JPEG Artifacts", timeout=60)
        time.sleep(1)
        session.xdotool("windowfocus", "--sync", dialog)
        session.xdotool("key", "--window", dialog, "Return")
        pids = []
        deadline = time.monotonic() + 120
        while True:
            status, windows = session.xdotool("search", "--onlyvisible",
                                              "--name", "^JPEG Artifacts")
            pids = plugin_processes(session.process.pid)
            if not windows and pids:
                break
            check(time.monotonic() < deadline and pids,
                  "the dialog did not close, or the plug-in ended")
            time.sleep(0.3)
        # The status bar now shows the progress and, at its right end, its
        # Cancel button: the rightmost patch that changed, once it has a
        # button's width.
        deadline = time.monotonic() + 30
        while True:
            time.sleep(1)
            during = session.screenshot()
            patches = changed_patches(before, during, box)
            if patches and 30 <= patches[-1][1] - patches[-1][0] <= 200:
                break
            check(time.monotonic() < deadline,
                  "the status bar shows no Cancel button: %s" % patches)
        session.save_screenshot("during-the-run.png")
        first, last, y = patches[-1]
        check(pids == plugin_processes(session.process.pid),
              "the plug-in ended before Cancel was clicked")
        clicked = time.monotonic()
        session.click((first + last) // 2, y)
        while plugin_processes(session.process.pid):
            check(time.monotonic() - clicked < 10,
                  "the plug-in still runs 10 s after Cancel")
            time.sleep(0.05)
        ended = time.monotonic() - clicked
        session.save_screenshot("after-cancel.png")
        layers = session.run("(car (gimp-image-get-layers img))")
        dirty = session.run("(car (gimp-image-is-dirty img))")
        session.run("(ja-export img big %s)"
                    % q(config.path("after-big.png")))
        session.run("(ja-export img small %s)"
                    % q(config.path("after-small.png")))
        answer = session.run("(car (gimp-image-get-active-layer img))")
    finally:
        session.stop()

    with open(config.path("gimp-gui-output.txt"), encoding="utf-8",
              errors="replace") as f:
        console = f.read()
    # GIMP --verbose prints this when it kills a plug-in (gimp_plug_in_close
    # with kill_it), which its progress's cancel handler does.
    check(re.search(r"^Terminating plug-in: '.*/%s'$" % harness.PLUGIN_NAME,
                    console, re.MULTILINE),
          "GIMP did not say it ended the plug-in")
    print("ok: Cancel clicked at (%d, %d) in the status bar; GIMP ended the "
          "plug-in's process (pid %s) %.2f s later ('Terminating plug-in' "
          "on its console)" % ((first + last) // 2, y, pids[0], ended))
    check(layers.strip() == "2", "after Cancel the image has %s layers"
          % layers)
    check(dirty.strip() == "0", "after Cancel the image is dirty")
    for name in ("big", "small"):
        check(pngio.image_content(config.path("before-%s.png" % name))
              == pngio.image_content(config.path("after-%s.png" % name)),
              "after Cancel the %s layer changed" % name)
    print("ok: after Cancel: 2 layers, not dirty, both layers' pixels as "
          "before (the small one's result the dialog had computed was not "
          "written); GIMP still answers (active layer %s)" % answer.strip())


# ------------------------------------------- GIMP's own JPEG export

def jpeg_save_scheme(path, quality, subsampling, dct, optimize=0,
                     progressive=0):
    """Script-Fu exporting IMG's drawable D with file-jpeg-save (GIMP's
    own JPEG export): QUALITY 1..100, the plug-in's SUBSAMPLING name (given
    to file-jpeg-save in its own numbering), DCT a DCT_INDEX name, no
    smoothing, no restart markers, baseline tables, no comment."""
    return ("(file-jpeg-save RUN-NONINTERACTIVE img d %s %s %r 0.0 %d %d "
            "\"\" %d 1 0 %d)" % (q(path), q(path), quality / 100.0, optimize,
                               progressive,
                               JPEG_SAVE_SUBSAMPLING[subsampling],
                               DCT_INDEX[dct]))


def case_float_dct(config):
    """GIMP's JPEG export with the floating-point DCT (file-jpeg-save's
    dct 2), decoded with the accurate integer IDCT (as viewers decode),
    equals the plug-in with dct 2, at three qualities and subsamplings."""
    source = write_input(config, "source.png", sample_rgb(config))
    runs = [("q90-444", 90, "444"), ("q50-420", 50, "420"),
            ("q20-422", 20, "422"), ("q75-440", 75, "440")]
    script = ""
    for label, quality, subsampling in runs:
        settings = Settings(quality, 1, subsampling, "float")
        script += """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  %(save)s)
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (ja-try %(label)s img d %(args)s)
  (ja-export img d %(out)s))
""" % {"src": q(source),
       "save": jpeg_save_scheme(config.path("%s.jpg" % label), quality,
                                subsampling, "float"),
       "label": q(label), "args": settings.pdb(),
       "out": q(config.path("gimp-%s.png" % label))}
    gimp = run_gimp(config, script)
    for label, quality, subsampling in runs:
        gimp.ran(label)
        resave_helper(config, "decode", config.path("%s.jpg" % label),
                      config.path("%s-decoded.png" % label))
        result = pngio.read(config.path("gimp-%s.png" % label))
        assert_same(result, pngio.read(config.path("%s-decoded.png" % label)),
                    "%s: the plug-in with dct 2 vs file-jpeg-save with dct 2 "
                    "decoded with the integer IDCT" % label)
        assert_same(result,
                    Settings(quality, 1, subsampling, "float").cli(
                        config, source, config.path("cli-%s.png" % label)),
                    "%s: the plug-in vs the tool's --dct float" % label)
        accurate = Settings(quality, 1, subsampling).cli(
            config, source, config.path("cli-%s-accurate.png" % label))
        assert_differ(result, accurate,
                      "%s: the floating-point DCT vs the accurate one" % label)
        print("ok: %s: file-jpeg-save dct 2 = plug-in dct 2" % label)


def case_gimp_loader(config):
    """A file exported by GIMP (file-jpeg-save, quality 75, 4:2:0, the
    accurate DCT) and opened again in GIMP, once and five times over, equals
    plug-in-jpeg-artifacts3 with decode-as 1 (GIMP's loader), and differs
    from decode-as 0 (the viewers' decoder)."""
    source = write_input(config, "source.png", sample_rgb(config))
    script = ""
    for n in (1, 5):
        script += """
(let loop ((k 0) (img (ja-load %(src)s)))
  (if (< k %(n)d)
      (let ((d (ja-drawable img)) (path (string-append %(prefix)s
                                          (number->string k) ".jpg")))
        %(save)s
        (gimp-image-delete img)
        (loop (+ k 1) (ja-load path)))
      (ja-export img (ja-drawable img) %(looped)s)))
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (ja-try3 %(label)s img d %(args)s)
  (ja-export img d %(out)s))
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (ja-try3 %(vlabel)s img d %(vargs)s)
  (ja-export img d %(vout)s))
""" % {"src": q(source), "n": n,
       "prefix": q(config.path("loop%d-" % n)),
       "save": jpeg_save_scheme("path", 75, "420", "accurate").replace(
           '"path" "path"', "path path"),
       "looped": q(config.path("gimp-loop-%d.png" % n)),
       "label": q("gimp-%d" % n),
       "args": Settings(75, n, "420").pdb3(1),
       "out": q(config.path("plugin-gimp-%d.png" % n)),
       "vlabel": q("viewers-%d" % n),
       "vargs": Settings(75, n, "420").pdb3(0),
       "vout": q(config.path("plugin-viewers-%d.png" % n))}
    gimp = run_gimp(config, script)
    for n in (1, 5):
        gimp.ran("gimp-%d" % n)
        gimp.ran("viewers-%d" % n)
        looped = pngio.read(config.path("gimp-loop-%d.png" % n))
        assert_same(pngio.read(config.path("plugin-gimp-%d.png" % n)), looped,
                    "%d generation(s): decode-as 1 vs exporting and opening "
                    "in GIMP" % n)
        assert_differ(pngio.read(config.path("plugin-viewers-%d.png" % n)),
                      looped, "%d generation(s): decode-as 0 vs GIMP's "
                      "loader" % n)
        assert_same(looped,
                    Settings(75, n, "420").cli(
                        config, source, config.path("cli-gimp-%d.png" % n),
                        extra=["--decode-as", "gimp", "--no-stop"]),
                    "%d generation(s): the tool's --decode-as gimp" % n)
        print("ok: %d generation(s) exported and opened in GIMP = "
              "decode-as 1" % n)


def bare_jpeg_size(path):
    """The bytes of the JPEG file PATH without its metadata: every APPn
    segment but the JFIF APP0, and every COM segment (GIMP adds an ICC
    profile in APP2, Exif and XMP in APP1, a comment)."""
    data = open(path, "rb").read()
    check(data[:2] == b"\xff\xd8", "%s is not a JPEG file" % path)
    size, at = len(data), 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:  # SOS: entropy-coded data follows
            break
        length = 2 + (data[at + 2] << 8 | data[at + 3])
        jfif = marker == 0xE0 and data[at + 4:at + 9] == b"JFIF\0"
        if (0xE0 <= marker <= 0xEF and not jfif) or marker == 0xFE:
            size -= length
        at += length
    return size


def case_export_size(config):
    """GIMP's JPEG export with its defaults (quality 90, 4:4:4, optimized,
    progressive), less its metadata markers, has the size the tool reports
    in its progressive column; optimized alone and plain baseline likewise
    in theirs."""
    import subprocess
    source = write_input(config, "source.png", sample_rgb(config))
    kinds = [("progressive", 1, 1, 9), ("optimized", 1, 0, 8),
             ("baseline", 0, 0, 7)]
    script = ""
    for kind, optimize, progressive, _ in kinds:
        script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  %s)
""" % (q(source), jpeg_save_scheme(config.path("%s.jpg" % kind), 90, "444",
                                   "accurate", optimize, progressive))
    run_gimp(config, script)
    command = [config.cli, "--quality", "90", "--subsampling", "444",
               source, config.path("cli.png")]
    done = subprocess.run(command, capture_output=True, text=True)
    check(done.returncode == 0, "the tool failed: %s" % done.stderr)
    row = [line.split() for line in done.stdout.splitlines()
           if line.split() and line.split()[0] == "1"][0]
    for kind, _, _, column in kinds:
        path = config.path("%s.jpg" % kind)
        bare = bare_jpeg_size(path)
        check("%.1f" % (bare / 1000.0) == row[column],
              "%s: GIMP's file is %d bytes (%d without metadata), the tool "
              "says %s kB" % (kind, os.path.getsize(path), bare, row[column]))
        print("ok: %s: GIMP wrote %d bytes, %d without metadata, the tool "
              "%s kB" % (kind, os.path.getsize(path), bare, row[column]))


CASES = {
    "rgb-vs-cli": case_rgb,
    "rgba-vs-cli": case_rgba,
    "gray-vs-cli": case_gray,
    "gray-alpha-vs-cli": case_gray_alpha,
    "u16-vs-cli-alpha-kept": case_u16,
    "float-vs-cli-alpha-kept": case_float,
    "selection-blend": case_selection,
    "grid-anchor-offsets": case_anchor,
    "linked-layers": case_linked,
    "output-new-layer": case_output_new_layer,
    "output-layer-per-generation": case_output_per_generation,
    "last-values": case_last_values,
    "errors-change-nothing": case_errors,
    "undo-one-step": case_undo,
    "thin-layers-vs-cli": case_thin_layers,
    "memory-limit": case_memory_limit,
    "hostile-inputs": case_hostile,
    "cancel-changes-nothing": case_cancel,
    "original-settings-resave": case_original_resave,
    "original-settings-missing": case_original_missing,
    "schedule-vs-cli": case_schedule,
    "presets-vs-cli": case_presets,
    "output-difference": case_output_difference,
    "first-procedure-unchanged": case_first_procedure,
    "float-dct-vs-file-jpeg-save": case_float_dct,
    "gimp-loader-vs-decode-as": case_gimp_loader,
    "export-size-vs-cli": case_export_size,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--gimp", default="gimp-console-2.10")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--resave", default=None,
                        help="the libjpeg helper, jpeg-resave")
    args = parser.parse_args()

    workdir = os.path.join(args.workdir, args.case)
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    config = harness.Config(args.plugin, args.cli, args.data, args.gimp,
                            workdir, args.resave)
    try:
        CASES[args.case](config)
    except harness.Failure as failure:
        print("FAIL: %s\n(files in %s)" % (failure, workdir),
              file=sys.stderr)
        return 1
    print("PASS: %s" % args.case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
