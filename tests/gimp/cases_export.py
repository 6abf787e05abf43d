# cases_export.py: the cases of cases.py against GIMP's own JPEG export
# and loader: the floating-point DCT against file-jpeg-save, GIMP's
# loader against --decode-as gimp, and the file sizes the tool reports
# against the files GIMP writes.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import pngio
from harness import (assert_differ, assert_same, check, run_gimp,
                     scheme_string as q)
from cases_common import (DCT_INDEX, JPEG_SAVE_SUBSAMPLING, sample_rgb,
                          Settings, write_input)
from cases_second import resave_helper


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
