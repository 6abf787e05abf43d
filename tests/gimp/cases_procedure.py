# cases_procedure.py: the cases of cases.py on the procedures as GIMP
# sees them: the first procedure's parameters and return values kept
# unchanged, bad values that change nothing and name the parameter, one
# Undo step after a run (GIMP's user interface, gui.py), and layers
# thinner than a block against the command-line tool.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import harness
import pngio
from harness import assert_same, check, run_gimp, scheme_string as q
from cases_common import (PRELUDE_GUI, run_and_compare_all, sample_rgb,
                          Settings, write_input)


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
        # The run was the only change since gimp-image-clean-all: its Undo
        # makes the image clean again, which the test waits for.
        dirty = "(car (gimp-image-is-dirty img))"
        check(session.run(dirty).strip() == "1",
              "the run on linked layers left the image clean")
        session.press_in_window("undo-linked", "ctrl+z")
        session.run_until(dirty, "0")
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
        layers_undone = session.run_until(
            "(car (gimp-image-get-layers img))", "1")
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
