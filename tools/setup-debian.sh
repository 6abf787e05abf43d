#!/bin/sh
# setup-debian.sh: installs every Debian 12 package that building the
# project and running all of its tests need: the compiler and meson, the
# libraries (libgimp, GTK 3, libpng, libjpeg-turbo, GEGL with its gegl
# program for the GEGL operation and its tests), clang with its
# sanitizer and fuzzer runtimes and valgrind, GIMP itself for the
# plug-in tests, and Xvfb, D-Bus, AT-SPI and ImageMagick for the dialog
# tests, scikit-image for the SSIM reference, the de_DE.UTF-8 locale
# the translation test runs GIMP in, procps (ps: run-tests.sh stops a
# step's processes with it), and lomiri-wallpapers-20.04 for the
# benchmark's default photo (data/README.md), and mmdebstrap, with which
# setup-gimp3.sh makes the Debian chroots the GIMP 3.0 and 3.2 tests run
# in (run-tests.sh calls it, in the background while its first passes
# run; the main job, run-in-gimp.sh, needs no chroot).
# Safe to run again: it installs only what is missing.  Run it as root or
# as a user who may use sudo.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

case "${1:-}" in
  -h|--help) sed -n '2,/^# Copyright/{/^# Copyright/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
  ?*) echo "setup-debian.sh: no arguments but --help, not $1" >&2; exit 2 ;;
esac

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || {
    echo "setup-debian.sh: run it as root (it installs Debian packages);" \
      "sudo is not installed" >&2
    exit 1
  }
  exec sudo -- "$0" "$@"
fi

packages="
  gcc libc6-dev meson ninja-build pkg-config gettext clang-format
  clang libclang-rt-14-dev valgrind
  libpng-dev libturbojpeg0-dev libjpeg62-turbo-dev
  libgimp2.0-dev libgtk-3-dev libgegl-dev gegl
  gimp
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-pyatspi
  xdotool imagemagick locales python3-skimage procps
  lomiri-wallpapers-20.04
  mmdebstrap
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "setup-debian.sh: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # shellcheck disable=SC2086 # the list is meant to split into words
  apt-get install -y --no-install-recommends $missing
else
  echo "setup-debian.sh: every package is installed"
fi

# gettext ignores LANGUAGE in the C locale: the German test needs a real
# German locale.
if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
  echo "setup-debian.sh: generating the de_DE.UTF-8 locale"
  localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi
