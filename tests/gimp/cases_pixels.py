# cases_pixels.py: the cases of cases.py on what the first procedure
# (plug-in-jpeg-artifacts) does to the pixels, against the command-line
# tool: RGB, RGBA, gray and gray+alpha layers, 16-bit and float images,
# a selection's blend, the grid anchor's offsets, linked layers, the
# output as a new layer or a layer per generation, and the last values.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import harness
import pngio
from harness import (assert_differ, assert_same, channels_only, check,
                     run_gimp, scheme_string as q)
from cases_common import (run_and_compare, sample_gray, sample_rgb, Settings,
                          try_and_export, write_input)


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
    script = try_and_export(
        source, "run", settings.pdb(), config.path("gimp.png"),
        setup="(gimp-image-select-rectangle img CHANNEL-OP-REPLACE %d %d %d "
        "%d)\n  " % (x, y, w, h))
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
    # A schedule's steps have their own qualities: the new layers' names
    # say "schedule", not the quality argument.
    scheduled = [("schedule", Settings(30, 3, "420", output=1,
                                       schedule="q80; q60"),
                  "JPEG schedule × 3"),
                 ("schedule-difference",
                  Settings(30, 1, "420", output=3, schedule="q70"),
                  "Difference ×8 (JPEG schedule, 1 generation)")]
    script = """
(let* ((img (ja-load %s)) (d (ja-drawable img))
       (r (ja-try "run" img d %s)))
  (ja-export img (car r) %s)
  (ja-export img d %s)
  (ja-log "active" (car (gimp-image-get-active-layer img)))
  %s)
""" % (q(source), settings.pdb(), q(config.path("gimp-new.png")),
       q(config.path("gimp-original.png")), layer_list_script("layers"))
    for label, other, _ in scheduled:
        script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try2 %s img d %s)
  %s)
""" % (q(source), q(label), other.pdb2(), layer_list_script(label + "-layers"))
    gimp = run_gimp(config, script)
    result = gimp.ran("run")[0]
    names = gimp.value("layers").rstrip("|").split("|")
    ids = [int(i) for i in gimp.value("layers-ids").split()]
    check(len(names) == 2 and names[0] == "JPEG q75 × 10",
          "layers after output 1: %s, expected 'JPEG q75 × 10' above the "
          "original" % names)
    print("ok: layers top to bottom: %s" % names)
    for label, _, wanted in scheduled:
        gimp.ran(label)
        other = gimp.value(label + "-layers").rstrip("|").split("|")
        check(len(other) == 2 and other[0] == wanted,
              "%s: layers %s, expected '%s' above the original"
              % (label, other, wanted))
        print("ok: %s: layers top to bottom: %s" % (label, other))
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
