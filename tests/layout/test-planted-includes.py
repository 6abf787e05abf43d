#!/usr/bin/env python3
# test-planted-includes.py: the layering test's failure mode.  Copies the
# layers of the source tree into a temporary folder, checks that the copy
# passes check-includes.py, then plants one fault at a time in it (a codec
# file including the dialog's header, the dialog including libgimp, the
# command-line tool including the dialog, the ui including the plug-in,
# plugin/common/ including libgimp or the GIMP 2.10 glue, params/ including
# the dialog, an include by path, two codec headers including each other) and checks that
# each fails with a message naming the planted FILE:LINE (or the circle).
#
#   test-planted-includes.py CHECK_INCLUDES_PY SOURCE_ROOT
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile

LAYERS = ('codec', 'params', 'ui', 'plugin', 'cli', 'examples')


def run_checker(checker, root):
    done = subprocess.run([sys.executable, checker, root],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return done.returncode, done.stdout


def plant(root, rel, line):
    """Adds LINE after the last #include of ROOT/REL; returns its number."""
    path = os.path.join(root, rel)
    with open(path, encoding='utf-8') as f:
        text = f.read().split('\n')
    last = max(i for i, t in enumerate(text) if t.startswith('#include'))
    text.insert(last + 1, line)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(text))
    return last + 2


def first_c_file(root, folders):
    for folder in folders:
        base = os.path.join(root, folder)
        if os.path.isdir(base):
            names = sorted(n for n in os.listdir(base) if n.endswith('.c'))
            if names:
                return os.path.join(folder, names[0])
    return None


def main(argv):
    if len(argv) != 3:
        sys.stderr.write('usage: test-planted-includes.py CHECKER ROOT\n')
        return 2
    checker, source = argv[1], argv[2]
    failures = 0
    tool_file = first_c_file(source, ('cli',))
    plants = [
        ('codec/generations.c', '#include "dialog.h"',
         '#include "dialog.h" is ui/\'s'),
        ('ui/preview.c', '#include <libgimp/gimp.h>',
         '#include <libgimp/gimp.h>: ui/ may use only'),
        ('ui/worker.c', '#include "apply.h"',
         '#include "apply.h" is plugin/\'s'),
        (tool_file, '#include "dialog.h"', '#include "dialog.h" is ui/\'s'),
        ('codec/quant.c', '#include "../ui/dialog.h"',
         '#include "../ui/dialog.h": include a header by its name'),
        ('plugin/common/memory.c', '#include <libgimp/gimp.h>',
         '#include <libgimp/gimp.h>: plugin/common/ may use only'),
        ('plugin/common/arguments.c', '#include "pdb.h"',
         '#include "pdb.h" is plugin/\'s'),
        ('params/values.c', '#include "dialog.h"',
         '#include "dialog.h" is ui/\'s'),
        ('codec/jart-private.h', '#include "kernels.h"',
         'include circle: codec/'),
    ]
    with tempfile.TemporaryDirectory(prefix='planted-includes.') as tmp:
        for layer in LAYERS:
            if os.path.isdir(os.path.join(source, layer)):
                shutil.copytree(os.path.join(source, layer),
                                os.path.join(tmp, layer))
        status, output = run_checker(checker, tmp)
        if status != 0:
            print('FAIL the unchanged copy does not pass:\n' + output)
            return 1
        print('planted-includes: the unchanged copy passes')
        for rel, line, expected in plants:
            path = os.path.join(tmp, rel)
            with open(path, encoding='utf-8') as f:
                kept = f.read()
            number = plant(tmp, rel, line)
            status, output = run_checker(checker, tmp)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(kept)
            want = (expected if expected.startswith('include circle')
                    else '%s:%d: %s' % (rel, number, expected))
            found = [t for t in output.split('\n') if want in t]
            if status == 1 and found:
                print('planted-includes: %s:%d %s: refused: %s' %
                      (rel, number, line, found[0]))
            else:
                failures += 1
                print('FAIL %s:%d %s: exit %d, no line with "%s":\n%s' %
                      (rel, number, line, status, want, output))
    print('planted-includes: %d plants, %d failures: %s' %
          (len(plants), failures, 'fail' if failures else 'pass'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
