#!/bin/sh
# run-tests.sh: configures and builds the project in ./build (or
# $BUILD_DIR) and runs every test with meson; the exit status is meson
# test's.  README's test command and CI both run this after
# setup-debian.sh.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build"
else
  meson setup "$build"
fi
meson compile -C "$build"
meson test -C "$build" --print-errorlogs --num-processes 2
