#!/bin/sh
# check-catalogues.sh: every language in po/LINGUAS is complete and sound.
# For each LL.po: msgfmt --check passes (format strings, headers, plural
# forms), its statistics show every message translated, none fuzzy, and
# msgcmp finds in it every message the sources mark today (a template made
# afresh with xgettext from po/POTFILES), so a new string cannot ship
# untranslated.  SRCDIR is the project's source folder.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

: "${SRCDIR:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/po-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The keywords of meson's glib preset, as po/meson.build uses it.
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --directory="$SRCDIR" --files-from="$SRCDIR/po/POTFILES" \
  --output="$work/fresh.pot"
total=$(msgattrib --no-obsolete "$work/fresh.pot" | grep -c '^msgid ' || true)
total=$((total - 1)) # the header
echo "the sources mark $total messages"

failed=0
languages=$(sed -e 's/#.*//' "$SRCDIR/po/LINGUAS")
[ -n "$languages" ] || { echo "FAIL: po/LINGUAS lists no language"; exit 1; }
for lang in $languages; do
  po=$SRCDIR/po/$lang.po
  if ! stats=$(msgfmt --check --statistics -o "$work/$lang.mo" "$po" 2>&1); then
    echo "FAIL: $lang: msgfmt --check: $stats"
    failed=1
    continue
  fi
  echo "$lang: $stats"
  case $stats in
    *fuzzy* | *untranslated*)
      echo "FAIL: $lang has fuzzy or untranslated messages"
      failed=1 ;;
  esac
  if ! msgcmp "$po" "$work/fresh.pot" >"$work/msgcmp.txt" 2>&1; then
    echo "FAIL: $lang lacks messages the sources mark:"
    cat "$work/msgcmp.txt"
    failed=1
  fi
done
exit $failed
