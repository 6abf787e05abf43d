# cases_hostile.py: the hostile-inputs case of cases.py: calls of both
# procedures counted one by one on hostile images and items (masks,
# channels, text layers, locked and grouped layers, items of other
# images or none, indexed and too wide images) and with values out of
# range, each refused with GIMP's message or equal to the tool's result.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os

import harness
import pngio
from harness import assert_same, check, run_gimp, scheme_string as q
from cases_common import Settings, try_and_export, write_input
from cases_procedure import PARAMETER_ORDER


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
    # A new layer goes into the drawable's group, whose lock would lock
    # it too: merging into it failed, and the difference's write killed
    # the plug-in.
    add("new-layer-in-a-locked-group", "in-locked-group",
        "the layer group 'Locked group' that holds it locks those of every "
        "layer in it.  Unlock them in the Layers dialog first.",
        with_value("output", 1))
    add("difference-in-a-locked-group", "in-locked-group",
        "the layer group 'Locked group' that holds it locks those of every "
        "layer in it", with_value("output", 3))
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
    a group's, a mask's through its layer; new layers into a locked group),
    the selection mask, new layers asked for a channel or a mask, a layer
    beyond JPEG's size, an indexed
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
        script += try_and_export(source, label, s.pdb(),
                                 config.path("gimp-%s.png" % label))
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
