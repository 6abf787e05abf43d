#!/usr/bin/python3
# cases.py: the plug-in's tests inside a real GIMP 2.10, one case per run
# and per GIMP start:
#
#   cases.py CASE --plugin BIN --cli BIN --data DIR --gimp BIN --workdir DIR
#            --pluginrc-cache DIR [--resave BIN]
#
# Each case cuts its inputs from the sample images, drives GIMP in batch
# mode through Script-Fu (harness.py; GIMP's own plug-ins' records come from
# the warmed pluginrc kept in the --pluginrc-cache folder), and compares the
# pixels GIMP exports with the command-line tool's for the same settings, or
# checks the messages and the untouched pixels of a call that must fail: bad
# parameters, hostile calls counted one by one (hostile-inputs), runs too
# big for the machine's free memory (memory-limit).  The second procedure,
# plug-in-jpeg-artifacts2, is compared with the tool's --schedule, --preset
# and --difference, and its use-original-settings with libjpeg re-saving a
# JPEG file with its own tables (the --resave helper, jpeg-resave.c, writes
# such files and re-saves them).  Two cases need GIMP's user interface
# (gui.py): one Undo after a run, and Cancel in the status bar during a
# run.  Exit status 0 when every check holds, 1 with the first failed check
# on stderr (a machine that cannot run a case fails it too).
# This file holds the registry of cases and main; the cases live in
# cases_pixels.py (the first procedure's pixels), cases_second.py
# (plug-in-jpeg-artifacts2), cases_procedure.py (parameters, errors, undo,
# thin layers), cases_memory.py, cases_hostile.py, cases_cancel.py and
# cases_export.py (GIMP's own JPEG export and loader), and what they share
# in cases_common.py.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import sys

import harness
# tests/gimp3 (cases3.py, gegl3.py, dialog3.py) imports Settings,
# resave_helper, sample_gray, sample_rgb and write_input from here.
from cases_common import sample_gray, sample_rgb, Settings, write_input
from cases_pixels import (case_anchor, case_float, case_gray, case_gray_alpha,
                          case_last_values, case_linked, case_output_new_layer,
                          case_output_per_generation, case_rgb, case_rgba,
                          case_selection, case_u16)
from cases_second import (case_original_missing, case_original_resave,
                          case_output_difference, case_presets, case_schedule,
                          resave_helper)
from cases_procedure import (case_errors, case_first_procedure,
                             case_thin_layers, case_undo)
from cases_memory import case_memory_limit
from cases_hostile import case_hostile
from cases_cancel import case_cancel
from cases_export import case_export_size, case_float_dct, case_gimp_loader


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
    parser.add_argument("--pluginrc-cache", required=True,
                        help="the build's folder of the warmed pluginrc")
    args = parser.parse_args()

    workdir = os.path.join(args.workdir, args.case)
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    config = harness.Config(args.plugin, args.cli, args.data, args.gimp,
                            workdir, args.resave, args.pluginrc_cache)
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
