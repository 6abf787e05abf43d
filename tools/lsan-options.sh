# lsan-options.sh: LeakSanitizer's options for run-tests.sh's sanitizer
# pass, which sources it: the suppressions file (tests/lsan.supp) named
# whatever the clone's path holds.  The sanitizers split their options at
# spaces, colons and commas, unless a value is between two single or two
# double quotes, which their parser takes as they are, with no escapes: the
# path goes between the kind of quote it does not hold, and a path holding
# both kinds is first copied to a temporary file (in /tmp, whose name
# holds neither), which remove_lsan_copy removes.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

# shellcheck shell=sh

# The copy of the suppressions file, or empty.
lsan_copy=

# export_lsan_options SUPPRESSIONS: exports LSAN_OPTIONS with the
# suppressions file SUPPRESSIONS (an absolute path) and no list of the
# suppressions used.  (The quotes in it are for the sanitizers' parser.)
# shellcheck disable=SC2089,SC2090
export_lsan_options ()
{
  lsan_file=$1
  case $lsan_file in
    *\'*\"* | *\"*\'*)
      lsan_copy=$(mktemp /tmp/jpeg-artifacts-lsan.XXXXXX)
      cp -- "$lsan_file" "$lsan_copy"
      lsan_file=$lsan_copy ;;
  esac
  case $lsan_file in
    *\"*) lsan_quote=\' ;;
    *) lsan_quote=\" ;;
  esac
  LSAN_OPTIONS="suppressions=$lsan_quote$lsan_file$lsan_quote:print_suppressions=0"
  export LSAN_OPTIONS
}

# remove_lsan_copy: removes the copy export_lsan_options made, if any.
remove_lsan_copy ()
{
  [ -z "$lsan_copy" ] || rm -f -- "$lsan_copy"
  lsan_copy=
}
