#!/usr/bin/env python3
# check-calls.py: no circle of calls between the files of a library.  Reads
# the symbols of each object file of the static libraries given (nm), links
# each undefined symbol to the object that defines it, and fails naming the
# files when one calls into another that calls back into it, directly or
# through others: each file of codec/ must sit on the ones it uses, so that
# it can be read, tested and replaced from the bottom up.
#
#   check-calls.py [--expect-circle A.c,B.c] NM LIBRARY.a...
#
# With --expect-circle it checks its own failure mode: it passes only when
# it finds a circle through exactly the files named (a planted one).
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

find_circles = import_module('check-includes').find_circles


def source_name(member):
    """Meson names an object SUBDIR_FILE.c.o: give back SUBDIR/FILE.c."""
    name = os.path.basename(member)
    if name.endswith('.o'):
        name = name[:-2]
    if name.startswith('simd_'):
        name = 'simd/' + name[len('simd_'):]
    return name


def main(argv):
    expect = None
    if len(argv) > 2 and argv[1] == '--expect-circle':
        expect = set(argv[2].split(','))
        argv = argv[:1] + argv[3:]
    if len(argv) < 3:
        sys.stderr.write('usage: check-calls.py [--expect-circle A.c,B.c] '
                         'NM LIBRARY.a...\n')
        return 2
    defined, undefined = {}, {}
    for library in argv[2:]:
        out = subprocess.run([argv[1], '-A', library], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL,
                             universal_newlines=True, check=True).stdout
        for line in out.split('\n'):
            # LIBRARY:MEMBER:[VALUE] TYPE SYMBOL
            head, _, rest = line.rpartition(':')
            fields = rest.split()
            if len(fields) < 2:
                continue
            member = source_name(head.split(':')[-1])
            kind, symbol = fields[-2], fields[-1]
            if kind in 'TDRB':
                defined[symbol] = member
            elif kind == 'U':
                undefined.setdefault(member, set()).add(symbol)
    edges = {}
    for member, symbols in undefined.items():
        for symbol in symbols:
            owner = defined.get(symbol)
            if owner is not None and owner != member:
                edges.setdefault(member, set()).add(owner)
    circles = find_circles(edges)
    for circle in circles:
        print('FAIL call circle: ' + ' -> '.join(circle))
    print('check-calls: %d files, %d calls between files, %d circles: %s' %
          (len(set(defined.values()) | set(undefined)),
           sum(len(v) for v in edges.values()), len(circles),
           'fail' if circles else 'pass'))
    if expect is not None:
        found = any(set(circle) == expect for circle in circles)
        print('check-calls: the planted circle through %s %s' %
              (', '.join(sorted(expect)),
               'is found: pass' if found else 'is not found: fail'))
        return 0 if found else 1
    return 1 if circles else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
