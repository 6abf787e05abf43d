# cases_common.py: what the cases of cases.py share: the Script-Fu
# prelude of a session with GIMP's user interface, the procedures'
# subsampling and DCT numbers, Settings (one run's settings as the
# procedure's arguments and as the tool's options), the sample inputs
# cut from the data images, and the comparison of GIMP's layer with the
# command-line tool's result for a list of runs.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import harness
import pngio
from harness import assert_same, run_cli, run_gimp, scheme_string as q


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


def try_and_export(source, label, args, out, procedure="ja-try",
                   setup=""):
    """Script-Fu that loads SOURCE, runs SETUP (calls on img and d, its
    layer), calls the plug-in through PROCEDURE (ja-try, ja-try2) labelled
    LABEL with ARGS on the layer and exports the layer to OUT."""
    return """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  %s(%s %s img d %s)
  (ja-export img d %s))
""" % (q(source), setup, procedure, q(label), args, q(out))


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
            script += try_and_export(source, run_label, settings.pdb(), out)
    gimp = run_gimp(config, script)
    for label, source_name, image, runs in inputs:
        for run_label, settings in runs:
            gimp.ran(run_label)
            expected = settings.cli(config, config.path(source_name),
                                    config.path("cli-%s.png" % run_label))
            actual = pngio.read(config.path("gimp-%s.png" % run_label))
            assert_same(actual, expected,
                        "%s %s: GIMP's layer vs the tool" % (label, run_label))
