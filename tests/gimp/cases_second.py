# cases_second.py: the cases of cases.py on the second procedure,
# plug-in-jpeg-artifacts2: use-original-settings against libjpeg
# re-saving a JPEG file with its own tables (the jpeg-resave helper) and
# without such a file, the schedule, the built-in and user presets, and
# the difference output, each against the command-line tool.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import harness
import pngio
from harness import (assert_differ, assert_same, check, run_cli, run_gimp,
                     scheme_string as q)
from cases_common import (sample_gray, sample_rgb, Settings, try_and_export,
                          write_input)
from cases_pixels import layer_list_script


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
    # The new layer's name says the file's settings, not the quality
    # argument the file's tables replace.
    named = Settings(75, 2, "420", use_original=1, output=1)
    script += """
(let* ((img (ja-load %s)) (d (ja-drawable img)))
  (ja-try2 "named" img d %s)
  %s)
""" % (q(config.path("gray.jpg")), named.pdb2(),
       layer_list_script("named-layers"))
    gimp = run_gimp(config, script)
    gimp.ran("named")
    names = gimp.value("named-layers").rstrip("|").split("|")
    check(len(names) == 2 and names[0] == "JPEG original settings × 2",
          "use-original-settings, output 1: layers %s, expected 'JPEG "
          "original settings × 2' above the original" % names)
    print("ok: use-original-settings, output 1: layers %s" % names)
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
    sampling of 3x1, a table entry above 255), each with its reason.  A
    preset or the last values that save with the file's settings are named
    in the message, not the argument the caller left at 0."""
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
    # A preset or the last values ask for the settings where the
    # argument does not: the message names what to change.  The last
    # values come from a run on a (cropped) JPEG file.
    script += """
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (ja-try2 "preset" img d %(preset)s)
  (ja-log "preset-layers" (car (gimp-image-get-layers img))))
(let* ((img (ja-load %(jpeg)s)) (d (ja-drawable img)))
  (gimp-image-crop img 48 32 0 0)
  (ja-try2 "from-jpeg" img d %(args)s))
(let* ((img (ja-load %(src)s)) (d (ja-drawable img)))
  (ja-try-last "last-values" img d)
  (ja-log "last-layers" (car (gimp-image-get-layers img))))
""" % {"src": q(source), "jpeg": q(os.path.join(config.data, "Garden.jpg")),
       "preset": Settings(40, 2, preset="Old scans").pdb2(),
       "args": Settings(40, 1, use_original=1).pdb2()}
    # The user's preset of case_presets, saving with the file's settings.
    presets = USER_PRESETS.replace("[My look]", "[Old scans]").replace(
        "use-original=0", "use-original=1")
    gimp = run_gimp(config, script,
                    files={"jpeg-artifacts-presets.ini": presets})
    gimp.ran("from-jpeg")
    for label, wanted in (
            ("preset", "'rgb.png' was not loaded from a JPEG file, so there "
             "are no original settings to save with, as the preset 'Old "
             "scans' does.  Open the JPEG file itself, or choose another "
             "preset."),
            ("last-values", "'rgb.png' was not loaded from a JPEG file, so "
             "there are no original settings to save with, as the last "
             "values do.  Open the JPEG file itself, or open the filter's "
             "dialog or call it with RUN-NONINTERACTIVE to give it other "
             "values.")):
        gimp.failed(label)
        check(gimp.message_seen(wanted), "%s: no message '%s' on GIMP's "
              "console:\n%s" % (label, wanted, gimp.stderr))
        check(gimp.value(label.split("-")[0] + "-layers") == "1",
              "%s: the refused call added layers" % label)
        print("ok: %s refused: %s" % (label, wanted))
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
        script += try_and_export(source, label, settings.pdb2(),
                                 config.path("gimp-%s.png" % label),
                                 "ja-try2")
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
        script += try_and_export(source, label, settings.pdb2(),
                                 config.path("gimp-%s.png" % label),
                                 "ja-try2")
    script += try_and_export(source, "unknown", Settings(preset="nope").pdb2(),
                             config.path("gimp-unknown.png"), "ja-try2")
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
        # A schedule's steps have their own qualities.
        wanted = "Difference ×8 (JPEG %s, %d generation%s)" % (
            "schedule" if settings.schedule else "q%d" % settings.quality,
            settings.generations, "" if settings.generations == 1 else "s")
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
