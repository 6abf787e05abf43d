#!/usr/bin/python3
# cases3.py: the GIMP 3 plug-in's tests inside a real GIMP 3.0 or 3.2, one
# case per GIMP start, in batch mode through Python-Fu (gimp3.py):
#
#   cases3.py CASE --plugin BIN --cli BIN --data DIR --gimp BIN
#            --workdir DIR --warm DIR --localedir DIR [--resave BIN]
#
# The cases of tests/gimp (GIMP 2.10) where they apply: the pixels of RGB,
# gray, RGBA, gray-alpha layers and 16-bit and floating-point ones against
# the command-line tool's; several selected layers at different offsets,
# each with its own grid anchor, changed in one call; the selection;
# hostile calls, each failing with its message and changing nothing; the
# original JPEG file's settings; presets and schedules; the outputs; GIMP's
# JPEG loader's decoding (decode-as); and a Script-Fu v3 call with GIMP 3's
# named arguments.  The settings and the tool's expected pixels are
# tests/gimp/cases.py's.  Exit status 0 when every check holds, 1 with the
# first failed check on stderr.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "gimp"))

import gimp3  # noqa: E402
import harness  # noqa: E402
import pngio  # noqa: E402
from cases import (Settings, resave_helper, sample_gray,  # noqa: E402
                   sample_rgb, write_input)
from harness import assert_differ, assert_same, check  # noqa: E402
from gimp3 import read_dump, run_gimp  # noqa: E402

CHOICES = {
    "subsampling": {"444": "444", "422": "422", "420": "420", "440": "440",
                    "411": "411"},
    "dct": {"accurate": "accurate", "fast": "fast"},
}
OUTPUTS = ["replace", "new-layer", "per-generation", "difference"]


def py_args(s):
    """Settings S as the procedure's keyword arguments in Python-Fu."""
    args = dict(quality=s.quality, generations=s.generations,
                subsampling=s.subsampling, dct=s.dct,
                quality_jitter=s.jitter, grid_drift=s.drift, seed=s.seed,
                grid_anchor=["image", "layer"][s.anchor],
                transparency="own" if s.background is None else "flatten",
                output=OUTPUTS[s.output], preset=s.preset,
                schedule=s.schedule, saturation=float(s.saturation),
                contrast=float(s.contrast), sharpen=float(s.sharpen),
                use_original_settings=bool(s.use_original))
    return ", ".join("%s=%r" % item for item in sorted(args.items()))


def background_py(s):
    r, g, b = s.background
    return ('Gimp.context_set_background(Gegl.Color.new("#%02X%02X%02X"))'
            % (r, g, b))


def call_and_dump(source, label, args, out, setup=""):
    """Python-Fu that loads SOURCE, runs SETUP (lines on img and d, its
    layer), calls the plug-in labelled LABEL with ARGS on the layer and
    dumps the layer's pixels to OUT."""
    return """
img = load(%r)
d = layer_of(img)
%scall(%r, img, [d], %s)
dump(d, %r)
""" % (source, setup, label, args, out)


def compare_runs(config, inputs):
    """For each (label, source name, image, [(run label, Settings)]) of
    INPUTS: in one GIMP start, loads the image, runs the settings and
    dumps the layer; then compares each with the tool's output."""
    script = ""
    for _, source_name, image, runs in inputs:
        source = write_input(config, source_name, image)
        for run_label, s in runs:
            if s.background is not None:
                script += background_py(s) + "\n"
            script += call_and_dump(
                source, run_label, py_args(s),
                config.path("gimp-%s.raw" % run_label))
    run = run_gimp(config, script)
    for label, source_name, image, runs in inputs:
        for run_label, s in runs:
            run.ran(run_label)
            expected = s.cli(config, config.path(source_name),
                             config.path("cli-%s.png" % run_label))
            actual = read_dump(config.path("gimp-%s.raw" % run_label),
                               image.width, image.height, image.channels)
            assert_same(actual, expected, "%s %s: GIMP %s's layer vs the tool"
                        % (label, run_label, config.version))


def case_pixels(config):
    rgba = harness.cut_sample(config, "chelsea.png", 150, 60, 133, 101)
    rgba = harness.with_alpha(rgba, harness.alpha_ramp(rgba.width,
                                                       rgba.height))
    gray = sample_gray(config)
    gray_alpha = harness.with_alpha(gray, harness.alpha_ramp(gray.width,
                                                             gray.height))
    compare_runs(config, [
        ("RGB", "rgb.png", sample_rgb(config), [
            ("rgb-q40-g5-420", Settings(40, 5, "420")),
            ("rgb-q85-g3-422-fast-jitter-drift",
             Settings(85, 3, "422", "fast", jitter=10, drift=3, seed=7)),
            ("rgb-q60-g2-411", Settings(60, 2, "411")),
            ("rgb-q95-g4-444", Settings(95, 4, "444")),
        ]),
        ("gray", "gray.png", gray, [
            ("gray-q30-g6", Settings(30, 6, "420")),
            ("gray-q80-g2-fast", Settings(80, 2, "420", "fast")),
        ]),
        ("RGBA", "rgba.png", rgba, [
            ("rgba-own-q50-g4", Settings(50, 4, "420")),
            ("rgba-flattened-q50-g4",
             Settings(50, 4, "420", background=(30, 200, 90))),
        ]),
        ("gray + alpha", "gray-alpha.png", gray_alpha, [
            ("gray-alpha-own-q45-g3", Settings(45, 3)),
        ]),
    ])


# The deep precisions a layer is converted to, and their labels.
DEEP_PRECISIONS = (("u16", "U16_NON_LINEAR"), ("float", "FLOAT_LINEAR"))


def deep_alpha_run(config, change, expected,
                   first=lambda run, label: None):
    """An RGBA layer converted to each of DEEP_PRECISIONS, its alpha given
    values 8 bits cannot hold, then changed by CHANGE (Python-Fu lines
    acting on the layer d of the image img; LABEL is the precision's
    label): the colours, read as 8-bit gamma-encoded values, equal
    EXPECTED(png, label), the tool's pixels for the layer before the
    change, saved as the 8-bit PNG png; the alpha, read at 16 bits, does
    not change.  FIRST(run, label) checks, before those, that the change
    happened."""
    rgb = harness.cut_sample(config, "chelsea.png", 200, 100, 120, 90)
    image = harness.with_alpha(rgb, harness.alpha_ramp(rgb.width,
                                                       rgb.height))
    source = write_input(config, "rgba.png", image)
    script = ""
    for label, precision in DEEP_PRECISIONS:
        p = lambda name: config.path("%s-%s.raw" % (label, name))
        script += """
img = load(%(source)r)
d = layer_of(img)
img.convert_precision(Gimp.Precision.%(precision)s)
d.levels(Gimp.HistogramChannel.ALPHA, 0.0, 1.0, True, 0.7, 0.0, 1.0, True)
log("precision", %(label)r, img.get_precision().value_nick)
dump(d, %(b16)r, "R'G'B'A u16")
dump(d, %(b8)r)
""" % {"source": source, "precision": precision, "label": label,
       "b16": p("before-16"), "b8": p("before-8")}
        script += change.replace("LABEL", repr(label))
        script += """
dump(d, %(a16)r, "R'G'B'A u16")
dump(d, %(a8)r)
""" % {"a16": p("after-16"), "a8": p("after-8")}
    run = run_gimp(config, script)
    w, h = image.width, image.height
    for label, _ in DEEP_PRECISIONS:
        first(run, label)
        p = lambda name: config.path("%s-%s.raw" % (label, name))
        before16 = read_dump(p("before-16"), w, h, 4, 16)
        after16 = read_dump(p("after-16"), w, h, 4, 16)
        alpha = lambda im: harness.channels_only(im, [3])
        fine = sum(1 for v in alpha(before16).samples if v % 257)
        check(fine > 0, "%s: the alpha has no value finer than 8 bits"
              % label)
        assert_same(alpha(after16), alpha(before16),
                    "%s (%s): alpha at 16 bits (%d values finer than 8 "
                    "bits), unchanged" % (label, run.value("precision " +
                                                           label), fine))
        before8 = read_dump(p("before-8"), w, h, 4)
        png = write_input(config, "%s-before-8.png" % label, before8)
        colours = lambda im: harness.channels_only(im, [0, 1, 2])
        assert_same(colours(read_dump(p("after-8"), w, h, 4)),
                    colours(expected(png, label)),
                    "%s: colours in 8 bits vs the tool" % label)
        print("same: %s, alpha kept at 16 bits" % label)
    return run


def case_precision(config):
    """RGBA layers converted to 16-bit integer and 32-bit float linear
    (deep_alpha_run), changed by the plug-in: the colours equal the tool's,
    the alpha at 16 bits does not change."""
    s = Settings(35, 4, "420", drift=2, seed=11)
    deep_alpha_run(
        config, "call(LABEL, img, [d], %s)\n" % py_args(s),
        lambda png, label: s.cli(config, png,
                                 config.path("cli-%s.png" % label)),
        lambda run, label: run.ran(label))


def case_selected_layers(config):
    """Two selected layers at different offsets, changed in one call, each
    with its own grid (anchored at the image's origin: each layer's offset
    counts) and its own alpha; a third, not selected, unchanged.  Then the
    same with the output 'a new layer above it': one new layer above each
    selected layer, the new layers selected afterwards."""
    a = sample_rgb(config)
    b = harness.cut_sample(config, "chelsea.png", 10, 10, 151, 100)
    b = harness.with_alpha(b, harness.alpha_ramp(b.width, b.height))
    c = sample_gray(config)
    pa = write_input(config, "a.png", a)
    pb = write_input(config, "b.png", b)
    pc = write_input(config, "c.png", harness.cut_sample(
        config, "coffee.png", 0, 0, 60, 40))
    # One generation: the tool's padding takes part in later generations,
    # the plug-in's does not (as tests/gimp's grid-anchor-offsets).
    s = Settings(30, 1, "420")
    new = Settings(30, 1, "420", output=1)
    script = """
def build():
    img = Gimp.Image.new(300, 200, Gimp.ImageBaseType.RGB)
    layers = []
    for path, x, y in ((%(pa)r, 5, 3), (%(pb)r, -3, 9), (%(pc)r, 0, 0)):
        l = Gimp.file_load_layer(Gimp.RunMode.NONINTERACTIVE, img,
                                 Gio.File.new_for_path(path))
        img.insert_layer(l, None, 0)
        l.set_offsets(x, y)
        layers.append(l)
    img.set_selected_layers(layers[:2])
    return img, layers

img, (la, lb, lc) = build()
dump(lc, %(c0)r)
r = call("two", img, img.get_selected_drawables(), %(args)s)
dump(la, %(a1)r)
dump(lb, %(b1)r)
dump(lc, %(c1)r)
log("layers-after-replace", len(img.get_layers()))

img, (la, lb, lc) = build()
call("two-new-layers", img, img.get_selected_drawables(), %(new)s)
layers = img.get_layers()
log("layers-after-new", len(layers))
selected = img.get_selected_layers()
log("selected-after-new", len(selected),
    " ".join(l.get_name().replace(" ", "_") for l in selected))
for l in selected:
    dump(l, %(nprefix)r + str(layers.index(l)) + ".raw")
log("new-positions", " ".join(str(layers.index(l)) for l in selected),
    layers.index(la), layers.index(lb))
""" % {"pa": pa, "pb": pb, "pc": pc, "args": py_args(s), "new": py_args(new),
       "c0": config.path("c0.raw"), "a1": config.path("a1.raw"),
       "b1": config.path("b1.raw"), "c1": config.path("c1.raw"),
       "nprefix": config.path("new-")}
    run = run_gimp(config, script)
    run.ran("two")
    for name, image, (ox, oy), raw in (("a", a, (5, 3), "a1.raw"),
                                       ("b", b, (-3, 9), "b1.raw")):
        # Anchored at the image's origin, the 4:2:0 grid (16 pixels) starts
        # (offset mod 16) pixels before the layer.
        px, py = ox % 16, oy % 16
        padded = write_input(config, "padded-%s.png" % name,
                             image.pad_edges(px, py))
        expected = s.cli(config, padded, config.path("cli-%s.png" % name))
        expected = expected.crop(px, py, image.width, image.height)
        assert_same(read_dump(config.path(raw), image.width, image.height,
                              image.channels), expected,
                    "selected layer %s at (%d, %d), %d channels: vs the "
                    "tool with its grid %d, %d pixels before it"
                    % (name, ox, oy, image.channels, px, py))
    check(read_dump(config.path("c0.raw"), 60, 40, 3).samples
          == read_dump(config.path("c1.raw"), 60, 40, 3).samples,
          "the layer that was not selected changed")
    print("ok: the layer that was not selected is unchanged")
    check(run.value("layers-after-replace") == "3",
          "replace added layers: %s" % run.value("layers-after-replace"))
    run.ran("two-new-layers")
    check(run.value("layers-after-new") == "5",
          "output new-layer on two selected layers: %s layers, expected 5"
          % run.value("layers-after-new"))
    selected = run.value("selected-after-new").split()
    check(selected[0] == "2" and all(n.startswith("JPEG_q30")
                                     for n in selected[1:]),
          "after output new-layer the new layers are not the selected "
          "ones: %s" % selected)
    positions = run.value("new-positions").split()
    new_a, new_b = sorted(int(p) for p in positions[:2])
    la, lb = int(positions[2]), int(positions[3])
    check(sorted([la - 1, lb - 1]) == [new_a, new_b],
          "the new layers are not right above their layers: %s" % positions)
    print("ok: output new-layer: one new layer right above each selected "
          "layer (%s), the new ones selected" % " ".join(positions))


def case_selection(config):
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    s = Settings(30, 3, "420")
    x, y, w, h = 37, 21, 64, 50
    script = call_and_dump(
        source, "run", py_args(s), config.path("gimp.raw"),
        setup="img.select_rectangle(Gimp.ChannelOps.REPLACE, %d, %d, %d, %d)"
        "\n" % (x, y, w, h))
    run = run_gimp(config, script)
    run.ran("run")
    actual = read_dump(config.path("gimp.raw"), image.width, image.height, 3)
    full = s.cli(config, source, config.path("cli.png"))
    assert_same(actual.crop(x, y, w, h), full.crop(x, y, w, h),
                "selection: inside vs the tool's whole-layer result")
    outside = pngio.Image(actual.width, actual.height, 3, 8,
                          list(actual.samples))
    original = pngio.Image(image.width, image.height, 3, 8,
                           list(image.samples))
    for yy in range(y, y + h):
        i = (yy * image.width + x) * 3
        outside.samples[i:i + w * 3] = [0] * (w * 3)
        original.samples[i:i + w * 3] = [0] * (w * 3)
    assert_same(outside, original, "selection: outside unchanged")


# (label, setup Python-Fu that defines img and the list ds, keyword
# arguments, words the message must hold).  Each runs on a fresh image
# whose first layer is dumped before and after.
HOSTILE = [
    ("unknown-preset", "", "preset='no-such-preset'",
     ["no-such-preset", "deep-fried"]),
    ("bad-schedule", "", "schedule='q75; zz9'", ["zz9"]),
    ("schedule-too-long", "", "schedule='q75;' * 400", ["schedule"]),
    ("original-settings-not-jpeg", "", "use_original_settings=True",
     ["JPEG"]),
    ("no-drawable", "ds = []", "", ["No drawable"]),
    ("drawable-of-another-image",
     "other = load(SOURCE)\nds = [layer_of(other)]", "",
     ["another image"]),
    ("layer-not-in-image",
     "ds = [Gimp.Layer.new(img, 'loose', 10, 10, Gimp.ImageType.RGB_IMAGE,"
     " 100, Gimp.LayerMode.NORMAL)]", "", ["not in image"]),
    ("layer-group",
     "g = Gimp.GroupLayer.new(img, 'group')\nimg.insert_layer(g, None, 0)\n"
     "ds = [g]", "", ["layer group"]),
    ("locked-pixels", "ds[0].set_lock_content(True)", "", ["locked"]),
    ("locked-second-of-two",
     "l2 = Gimp.Layer.new_from_drawable(ds[0], img)\n"
     "img.insert_layer(l2, None, 0)\nl2.set_lock_content(True)\n"
     "ds = [ds[0], l2]", "", ["locked"]),
    ("channel-new-layer",
     "ch = Gimp.Channel.new(img, 'mask', img.get_width(), img.get_height(),"
     " 50.0, Gegl.Color.new('#000000'))\nimg.insert_channel(ch, None, 0)\n"
     "ds = [ch]", "output='new-layer'", ["layer mask or a channel"]),
    ("selection-misses",
     "l2 = Gimp.Layer.new_from_drawable(ds[0], img)\n"
     "img.insert_layer(l2, None, 0)\nl2.set_offsets(-500, -500)\n"
     "img.select_rectangle(Gimp.ChannelOps.REPLACE, 10, 10, 5, 5)\n"
     "ds = [l2]", "", ["does not touch"]),
    # The output "filter" checks its drawables as the others do.
    ("filter-locked-pixels", "ds[0].set_lock_content(True)",
     "output='filter'", ["locked"]),
    ("filter-drawable-of-another-image",
     "other = load(SOURCE)\nds = [layer_of(other)]", "output='filter'",
     ["another image"]),
    ("drawable-twice", "ds = [ds[0], ds[0]]", "output='new-layer'",
     ["drawable 1 and 2", "once"]),
    # New layers go into the layer's group, whose lock locks them.
    ("locked-group-new-layer",
     "g = Gimp.GroupLayer.new(img, 'grp')\nimg.insert_layer(g, None, 0)\n"
     "l2 = Gimp.Layer.new_from_drawable(ds[0], img)\n"
     "img.insert_layer(l2, g, 0)\ng.set_lock_content(True)\nds = [l2]",
     "output='new-layer'", ["layer group 'grp'", "locked"]),
    # Too long for the field: refused, not cut to a schedule that reads.
    ("schedule-cut-would-read", "",
     "schedule='q90' + ' ' * 1100 + 'x0.5'",
     ["'schedule' is 1107 bytes long"]),
    # 1000 generations as layers of 20000 x 20000 pixels: terabytes.  GIMP
    # makes the empty layer's tiles only when they are written.
    ("memory-too-big",
     "big = Gimp.Layer.new(img, 'big', 20000, 20000,"
     " Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)\n"
     "img.insert_layer(big, None, 0)\nds = [original, big]",
     "output='per-generation', generations=1000",
     ["memory", "other selected layer", "Nothing was changed"]),
]


def case_hostile(config):
    """Every call GIMP lets through that the plug-in must refuse fails with
    a message that names the problem, and changes no pixel and adds no
    layer; an indexed image and a run too big for the free memory (two
    selected layers, the message counting the second) too.  Arguments out
    of their range never reach the plug-in: GIMP 3 refuses them
    (script-fu-v3 checks one)."""
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    script = "SOURCE = %r\n" % source
    for label, setup, args, _ in HOSTILE:
        setup = setup.replace("\n", "\n    ")
        script += """
img = load(SOURCE)
original = layer_of(img)
ds = [original]
dump(original, %(before)r)
if True:
    %(setup)s
n = len(img.get_layers())
call(%(label)r, img, ds, %(args)s)
dump(original, %(after)r)
log("layers", %(label)r, n, len(img.get_layers()))
""" % {"label": label, "setup": setup or "pass", "args": args,
       "before": config.path("%s-before.raw" % label),
       "after": config.path("%s-after.raw" % label)}
    script += """
img = Gimp.Image.new(40, 30, Gimp.ImageBaseType.INDEXED)
l = Gimp.Layer.new(img, 'indexed', 40, 30, Gimp.ImageType.INDEXED_IMAGE, 100,
                   Gimp.LayerMode.NORMAL)
img.insert_layer(l, None, 0)
call("indexed-image", img, [l])
"""
    run = run_gimp(config, script)
    for label, _, _, words in HOSTILE:
        message = run.failed(label)
        for word in words:
            check(word.lower() in message.lower(),
                  "%s: the message does not name '%s': %s"
                  % (label, word, message))
        before = read_dump(config.path("%s-before.raw" % label),
                           image.width, image.height, 3)
        after = read_dump(config.path("%s-after.raw" % label),
                          image.width, image.height, 3)
        check(before.samples == after.samples,
              "%s: the pixels changed" % label)
        n = [line.split() for line in run.raw_log
             if line.startswith("layers %s " % label)][0]
        check(n[2] == n[3], "%s: the layers went from %s to %s"
              % (label, n[2], n[3]))
        print("ok: %s: refused, nothing changed: %s" % (label, message))
    message = run.failed("indexed-image")
    check("indexed" in message, "indexed image: %s" % message)
    print("ok: indexed-image: refused: %s" % message)


def case_original_settings(config):
    """An image loaded from a JPEG file with its own tables and 4:2:2
    sampling: use-original-settings gives exactly what libjpeg gives
    re-saving the file with its own tables and sampling, and the tool with
    --tables-from; an image from a PNG file is refused."""
    image = sample_rgb(config)
    png = write_input(config, "input.png", image)
    jpeg = config.path("input.jpg")
    resave_helper(config, "write", png, jpeg, "422", 11)
    one = Settings(75, 1, "422", use_original=1)
    many = Settings(75, 4, "422", use_original=1)
    script = """
img = load(%(jpeg)r)
d = layer_of(img)
dump(d, %(loaded)r)
call("one", img, [d], %(one)s)
dump(d, %(out1)r)
img = load(%(jpeg)r)
d = layer_of(img)
call("many", img, [d], %(many)s)
dump(d, %(outn)r)
img = load(%(png)r)
call("png", img, [layer_of(img)], %(one)s)
""" % {"jpeg": jpeg, "png": png, "loaded": config.path("loaded.raw"),
       "one": py_args(one), "many": py_args(many),
       "out1": config.path("out1.raw"), "outn": config.path("outn.raw")}
    run = run_gimp(config, script)
    run.ran("one")
    run.ran("many")
    w, h = image.width, image.height
    resave_helper(config, "resave", jpeg, config.path("decoded.png"), 0)
    resave_helper(config, "resave", jpeg, config.path("resave-1.png"), 1)
    resave_helper(config, "resave", jpeg, config.path("resave-n.png"), 4)
    loaded = read_dump(config.path("loaded.raw"), w, h, 3)
    assert_same(loaded, pngio.read(config.path("decoded.png")),
                "GIMP's JPEG loader vs libjpeg's decode")
    assert_same(read_dump(config.path("out1.raw"), w, h, 3),
                pngio.read(config.path("resave-1.png")),
                "use-original-settings, 1 generation, vs libjpeg re-saving "
                "the file with its own tables")
    assert_same(read_dump(config.path("outn.raw"), w, h, 3),
                pngio.read(config.path("resave-n.png")),
                "use-original-settings, 4 generations, vs 4 re-saves")
    loaded_png = write_input(config, "loaded.png", loaded)
    assert_same(read_dump(config.path("outn.raw"), w, h, 3),
                many.cli(config, loaded_png, config.path("cli-n.png"),
                         extra=many.cli_options(jpeg)),
                "use-original-settings vs the tool with --tables-from")
    message = run.failed("png")
    check("JPEG" in message, "a PNG image: %s" % message)
    print("ok: an image from a PNG file is refused: %s" % message)


def case_presets_schedules(config):
    """Each built-in preset and two schedules against the tool's --preset
    and --schedule; a preset overrides quality and generations."""
    runs = [("preset-%s" % p, Settings(20, 9, preset=p))
            for p in ("light-resave", "shared", "deep-fried",
                      "reshare-chain")]
    runs += [
        ("schedule-scaling",
         Settings(75, 4, schedule="q95; q75 x0.8 lanczos; q60 x0.6 bicubic;"
                  " q45 x0.5")),
        ("schedule-colours",
         Settings(60, 3, schedule="q80 sat1.5; q50 con1.3 sharp0.8 444*2")),
        ("colours", Settings(55, 2, saturation=1.8, contrast=1.2,
                             sharpen=0.5)),
    ]
    image = harness.cut_sample(config, "chelsea.png", 100, 40, 133, 101)
    source = write_input(config, "rgb.png", image)
    script = ""
    for label, s in runs:
        script += call_and_dump(source, label, py_args(s),
                                config.path("gimp-%s.raw" % label))
    run = run_gimp(config, script)
    for label, s in runs:
        run.ran(label)
        expected = s.cli(config, source, config.path("cli-%s.png" % label),
                         extra=s.cli_options())
        assert_same(read_dump(config.path("gimp-%s.raw" % label),
                              image.width, image.height, 3), expected,
                    "%s: GIMP vs the tool" % label)


def case_outputs(config):
    """The outputs other than replace: one layer per generation (3 new
    layers above, the layer itself unchanged) and the difference layer,
    against the tool's --difference."""
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    frames = Settings(30, 3, "420", output=2)
    diff = Settings(30, 3, "420", output=3)
    script = """
img = load(%(source)r)
d = layer_of(img)
call("frames", img, [d], %(frames)s)
layers = img.get_layers()
log("frames-layers", len(layers), " ".join(l.get_name().replace(" ", "_")
                                            for l in layers))
for i, l in enumerate(layers):
    dump(l, %(fprefix)r + str(i) + ".raw")
img = load(%(source)r)
d = layer_of(img)
call("difference", img, [d], %(diff)s)
layers = img.get_layers()
log("difference-layers", len(layers))
dump(layers[0], %(dout)r)
dump(d, %(dlayer)r)
""" % {"source": source, "frames": py_args(frames), "diff": py_args(diff),
       "fprefix": config.path("frame-"), "dout": config.path("diff.raw"),
       "dlayer": config.path("diff-layer.raw")}
    run = run_gimp(config, script)
    run.ran("frames")
    words = run.value("frames-layers").split()
    check(words[0] == "4", "one layer per generation: %s" % words)
    w, h = image.width, image.height
    for g in (1, 2, 3):
        expected = Settings(30, g, "420").cli(
            config, source, config.path("cli-g%d.png" % g))
        assert_same(read_dump(config.path("frame-%d.raw" % (3 - g)), w, h, 3),
                    expected, "generation %d's layer (%s) vs the tool"
                    % (g, words[4 - g]))
    assert_same(read_dump(config.path("frame-3.raw"), w, h, 3), image,
                "one layer per generation: the layer itself")
    run.ran("difference")
    check(run.value("difference-layers") == "2",
          "difference: %s layers" % run.value("difference-layers"))
    expected = diff.cli(config, source, config.path("cli-diff.png"),
                        extra=["--difference"])
    assert_same(read_dump(config.path("diff.raw"), w, h, 3), expected,
                "the difference layer vs the tool's --difference")
    assert_same(read_dump(config.path("diff-layer.raw"), w, h, 3), image,
                "difference: the layer itself")


def case_decode_as(config):
    """decode-as "gimp" opens each saved generation as GIMP's JPEG loader
    does: the layer equals the tool's --decode-as gimp, with the accurate
    and with the floating-point DCT; "viewers", and the default, equal
    --decode-as viewers, which differs from it."""
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    runs = [("gimp-q50-g4", Settings(50, 4, "420"), "gimp"),
            ("gimp-q90-g3-444-float", Settings(90, 3, "444", "float"),
             "gimp"),
            ("viewers-q50-g4", Settings(50, 4, "420"), "viewers"),
            ("default-q50-g4", Settings(50, 4, "420"), None)]
    script = ""
    for label, s, decode in runs:
        args = py_args(s)
        if decode is not None:
            args += ", decode_as=%r" % decode
        script += call_and_dump(source, label, args,
                                config.path("gimp-%s.raw" % label))
    run = run_gimp(config, script)
    layers = {}
    for label, s, decode in runs:
        run.ran(label)
        expected = s.cli(config, source, config.path("cli-%s.png" % label),
                         extra=["--decode-as", decode or "viewers"])
        layers[label] = read_dump(config.path("gimp-%s.raw" % label),
                                  image.width, image.height, 3)
        assert_same(layers[label], expected,
                    "decode-as %s, %s: GIMP %s's layer vs the tool"
                    % (decode, label, config.version))
    assert_differ(layers["gimp-q50-g4"], layers["viewers-q50-g4"],
                  "decode-as gimp against viewers")


def case_script_fu(config):
    """Script-Fu v3, as README shows it: named arguments, the selected
    drawables as a vector, the other arguments left at their defaults
    (quality 75, 1 generation): GIMP's pixels equal the tool's; a quality
    out of its range is refused by GIMP with a message, the layer
    unchanged."""
    image = sample_rgb(config)
    source = write_input(config, "rgb.png", image)
    out = config.path("script-fu.png")
    log_path = config.path("script-fu.log")
    script = """
(script-fu-use-v3)
(define port (open-output-file "%(log)s"))
(define last-error "")
(define old-error-hook *error-hook*)
(set! *error-hook*
      (lambda args
        (set! last-error (if (string? (car args)) (car args) ""))
        (apply old-error-hook args)))
(define (say . words)
  (for-each (lambda (w) (display w port) (display " " port)) words)
  (newline port))
(let* ((image (gimp-file-load RUN-NONINTERACTIVE "%(source)s"))
       (drawables (gimp-image-get-selected-drawables image)))
  (plug-in-jpeg-artifacts #:run-mode RUN-NONINTERACTIVE #:image image
                          #:drawables drawables #:quality 40
                          #:generations 3 #:subsampling "444")
  (gimp-file-save RUN-NONINTERACTIVE image "%(out)s" -1)
  (say "saved")
  (say "bad-quality"
       (catch "refused"
         (plug-in-jpeg-artifacts #:run-mode RUN-NONINTERACTIVE
                                 #:image image #:drawables drawables
                                 #:quality 500)))
  (say "message" last-error)
  (gimp-file-save RUN-NONINTERACTIVE image "%(out2)s" -1))
(say "done")
(close-output-port port)
""" % {"log": log_path, "source": source, "out": out,
       "out2": config.path("script-fu-2.png")}
    gimp_dir = gimp3.fresh_gimp_directory(config)
    import subprocess
    import time
    start = time.monotonic()
    done = subprocess.run(
        [config.gimp, "-i", "-n", "-d", "-f", "-s", "--batch-interpreter",
         "plug-in-script-fu-eval", "-b", "-", "--quit"],
        input=script.encode("utf-8"), env=gimp3.gimp_environment(gimp_dir),
        capture_output=True, timeout=240)
    stderr = done.stderr.decode("utf-8", "replace")
    with open(config.path("gimp-output.txt"), "w") as f:
        f.write(script + "\n--- stderr\n" + stderr)
    print("GIMP ran for %.1f s" % (time.monotonic() - start))
    check(os.path.exists(log_path), "Script-Fu wrote no log:\n%s"
          % stderr[-3000:])
    with open(log_path) as f:
        said = f.read()
    check("done" in said, "the batch did not end: %s\n%s"
          % (said, stderr[-3000:]))
    expected = Settings(40, 3, "444").cli(config, source,
                                          config.path("cli.png"))
    result = pngio.read(out)
    assert_same(harness.channels_only(result, [0, 1, 2]), expected,
                "Script-Fu v3 call with named arguments vs the tool")
    check("bad-quality refused" in said,
          "quality 500 was not refused: %s" % said)
    assert_same(pngio.read(config.path("script-fu-2.png")), result,
                "quality 500: the layer unchanged")
    message = said.split("message", 1)[1].strip()
    check("500" in message and "out of range" in message,
          "GIMP's message for quality 500 does not say it is out of range: "
          "%s" % message)
    print("ok: quality 500 refused by GIMP: %s" % message)


CASES = {
    "pixels-vs-cli": case_pixels,
    "precision-vs-cli-alpha-kept": case_precision,
    "selected-layers": case_selected_layers,
    "selection-blend": case_selection,
    "hostile-calls": case_hostile,
    "original-settings": case_original_settings,
    "presets-schedules-vs-cli": case_presets_schedules,
    "outputs": case_outputs,
    "decode-as-vs-cli": case_decode_as,
    "script-fu-v3": case_script_fu,
}


def main(cases=CASES, extra=()):
    """Runs the case of CASES the command line names; EXTRA: more options,
    (name, help) each, that the cases read from config.args."""
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=sorted(cases))
    for name, text in extra:
        parser.add_argument(name, required=True, help=text)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--gimp", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--warm", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--resave")
    args = parser.parse_args()
    workdir = os.path.join(args.workdir, args.case)
    import shutil
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    config = gimp3.Config(args.plugin, args.cli, args.data, args.gimp,
                          workdir, args.warm, args.localedir, args.resave)
    config.version = os.path.basename(args.gimp).replace("gimp-console-", "")
    config.args = args
    try:
        cases[args.case](config)
    except harness.Failure as failure:
        print("FAIL: %s" % failure, file=sys.stderr)
        return 1
    print("PASS: %s in GIMP %s" % (args.case, config.version))
    return 0


if __name__ == "__main__":
    sys.exit(main())
