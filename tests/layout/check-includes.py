#!/usr/bin/env python3
# check-includes.py: the layering test.  Reads every #include line of every
# .c and .h file of the layers (codec/, params/, ui/, plugin/ with its
# version-independent plugin/common/, cli/, examples/, gegl/) and fails,
# naming FILE:LINE, when a file includes a header of a folder its layer
# may not use, a library header outside its layer's set, a header by a
# path instead of by its name, or when the files of one folder include each
# other in a circle.
#
#   check-includes.py SOURCE_ROOT
#
# A quoted include is resolved as the compiler does: first beside the
# including file (codec/simd/ finds its own kernels-x86.h), then by name
# among the headers of every layer, since each layer's meson dependency
# exports its folder and the project includes across folders by name
# ("jart.h", "values.h").  A name two folders hold is refused: it would
# resolve by the order of -I flags.  "config.h" is the build's own header
# (meson's configure_file).  Preprocessor conditions are not evaluated:
# every #include line counts.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

# Headers of the C library (C11 and the POSIX headers glibc provides,
# pthreads included), by name or by folder ("sys/").
C_LIBRARY = {
    'assert.h', 'complex.h', 'ctype.h', 'errno.h', 'fenv.h', 'float.h',
    'inttypes.h', 'iso646.h', 'limits.h', 'locale.h', 'math.h', 'setjmp.h',
    'signal.h', 'stdalign.h', 'stdarg.h', 'stdatomic.h', 'stdbool.h',
    'stddef.h', 'stdint.h', 'stdio.h', 'stdlib.h', 'stdnoreturn.h',
    'string.h', 'tgmath.h', 'threads.h', 'time.h', 'uchar.h', 'wchar.h',
    'wctype.h', 'dirent.h', 'fcntl.h', 'getopt.h', 'pthread.h', 'sched.h',
    'strings.h', 'unistd.h', 'sys/',
}
# The compiler's SIMD intrinsics and CPU queries (codec/simd/).
INTRINSICS = {'immintrin.h', 'emmintrin.h', 'tmmintrin.h', 'smmintrin.h',
              'x86intrin.h', 'cpuid.h'}
GETTEXT = {'libintl.h'}
GLIB = {'glib.h', 'glib/', 'glib-object.h', 'gobject/', 'gio/'}
GTK = {'gtk/', 'gdk/', 'cairo.h', 'cairo/', 'pango/', 'gdk-pixbuf/', 'atk/'}
GIMP = {'libgimp/', 'libgimpbase/', 'libgimpwidgets/', 'gegl.h', 'gegl/',
        'babl/'}
GEGL = {'gegl.h', 'gegl-op.h', 'gegl-plugin.h', 'gegl/', 'babl/'}
IMAGE_LIBRARIES = {'png.h', 'turbojpeg.h', 'jpeglib.h', 'jerror.h'}

# What each layer may include: the folders (its own first) and the
# library headers.  The build's config.h counts as a folder, 'config'.
# plugin/common/ is a layer of its own below the GIMP glue: what does not
# depend on libgimp's API version, so no libgimp, GEGL or GTK.
RULES = {
    'codec': (('codec',), C_LIBRARY | INTRINSICS),
    'params': (('params', 'codec', 'config'), C_LIBRARY | GETTEXT | GLIB),
    'ui': (('ui', 'params', 'codec', 'config'),
           C_LIBRARY | GETTEXT | GLIB | GTK),
    'plugin/common': (('plugin/common', 'params', 'codec', 'config'),
                      C_LIBRARY | GETTEXT | GLIB),
    'plugin': (('plugin', 'plugin/common', 'ui', 'params', 'codec',
                'config'),
               C_LIBRARY | GETTEXT | GLIB | GTK | GIMP),
    'cli': (('cli', 'params', 'codec', 'config'),
            C_LIBRARY | GETTEXT | GLIB | IMAGE_LIBRARIES),
    'examples': (('examples', 'codec'), C_LIBRARY),
    # The GEGL operation: the codec and the values, through GEGL and babl.
    'gegl': (('gegl', 'params', 'codec', 'config'),
             C_LIBRARY | GETTEXT | GLIB | GEGL),
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]*)[>"]')


def layer_of(root, path):
    """The layer: the top folder, or plugin/common."""
    parts = os.path.relpath(path, root).split(os.sep)
    if parts[:2] == ['plugin', 'common'] and len(parts) > 2:
        return 'plugin/common'
    return parts[0]


def allowed_library(name, libraries):
    return any(name == entry or (entry.endswith('/')
                                 and name.startswith(entry))
               for entry in libraries)


def sources(root):
    for layer in RULES:
        if '/' in layer:
            continue  # walked with its top folder
        base = os.path.join(root, layer)
        for folder, dirs, files in os.walk(base):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(('.c', '.h')):
                    yield os.path.join(folder, name)


def find_circles(edges):
    """Every circle of the graph EDGES (file -> set of files), once."""
    circles, seen, state = [], set(), {}

    def visit(node, stack):
        state[node] = 'open'
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 'open':
                circle = stack[stack.index(nxt):]
                key = frozenset(circle)
                if key not in seen:
                    seen.add(key)
                    circles.append(circle + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 'done'

    for node in sorted(edges):
        if node not in state:
            visit(node, [])
    return circles


def check(root):
    problems = []
    files = list(sources(root))
    headers = {}
    for path in files:
        if path.endswith('.h'):
            headers.setdefault(os.path.basename(path), []).append(path)

    edges, lines = {}, 0
    for path in files:
        rel = os.path.relpath(path, root)
        layer = layer_of(root, path)
        folders, libraries = RULES.get(layer, RULES[rel.split(os.sep)[0]])
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read().split('\n')
        for number, line in enumerate(text, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            lines += 1
            where = '%s:%d' % (rel, number)
            kind, name = m.groups()
            if kind == '<':
                if not allowed_library(name, libraries):
                    problems.append('%s: #include <%s>: %s/ may use only '
                                    'the libraries of its layer' %
                                    (where, name, layer))
                continue
            if '/' in name or name.startswith('.'):
                problems.append('%s: #include "%s": include a header by '
                                'its name, not by a path' % (where, name))
                continue
            beside = os.path.join(os.path.dirname(path), name)
            if os.path.exists(beside):
                target = beside
            elif name == 'config.h' and name not in headers:
                target = None
            elif len(headers.get(name, ())) == 1:
                target = headers[name][0]
            elif name in headers:
                problems.append('%s: #include "%s": several folders hold '
                                'it (%s)' % (where, name, ', '.join(
                                    os.path.relpath(h, root)
                                    for h in headers[name])))
                continue
            else:
                problems.append('%s: #include "%s": no layer holds it' %
                                (where, name))
                continue
            target_layer = ('config' if target is None
                            else layer_of(root, target))
            if target_layer not in folders:
                problems.append('%s: #include "%s" is %s/\'s; %s/ may '
                                'include only %s' % (
                                    where, name, target_layer, layer,
                                    ', '.join(f + '/' for f in folders
                                              if f in RULES)))
            elif target is not None and target_layer == layer:
                edges.setdefault(path, set()).add(os.path.realpath(target))

    edges = {os.path.realpath(a): b for a, b in edges.items()}
    for circle in find_circles(edges):
        problems.append('include circle: ' + ' -> '.join(
            os.path.relpath(p, os.path.realpath(root)) for p in circle))
    return files, lines, problems


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        sys.stderr.write('usage: check-includes.py SOURCE_ROOT\n')
        return 2
    files, lines, problems = check(argv[1])
    for problem in problems:
        print('FAIL ' + problem)
    print('check-includes: %d files, %d #include lines, %d problems: %s' %
          (len(files), lines, len(problems), 'fail' if problems else 'pass'))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
