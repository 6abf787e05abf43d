#!/usr/bin/python3
# ssim-reference.py: the reference for test-ssim-vs-scikit-image, scikit-image's
# SSIM.
#   ssim-reference.py A1 B1 [A2 B2 ...]
# reads each pair of binary PGM (P5) or PPM (P6) files of 8-bit samples,
# takes the luma of a PPM by the JPEG Y formula in fixed point,
# Y = (19595 R + 38470 G + 7471 B + 32768) >> 16, and prints one line per
# pair: the mean SSIM of skimage.metrics.structural_similarity with
# gaussian_weights=True, sigma=1.5, use_sample_covariance=False and
# data_range=255 (Wang, Bovik, Sheikh and Simoncelli 2004).  Without
# scikit-image it says so and exits with status 1: the test fails.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

try:
    import numpy as np
    from skimage.metrics import structural_similarity
except ImportError as error:
    print("ssim-reference.py: %s (tools/setup-debian.sh installs "
          "python3-skimage)" % error, file=sys.stderr)
    sys.exit(1)


def read_netpbm(path):
    """The luma of a P5 or P6 file with maxval 255, as a uint8 array."""
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            while data[pos:pos + 1] not in (b"\n", b""):
                pos += 1
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    pos += 1  # the one whitespace byte before the samples
    magic, width, height, maxval = (fields[0], int(fields[1]),
                                    int(fields[2]), int(fields[3]))
    if maxval != 255 or magic not in (b"P5", b"P6"):
        sys.exit("ssim-reference.py: %s: not an 8-bit P5 or P6 file" % path)
    channels = 3 if magic == b"P6" else 1
    samples = np.frombuffer(data, dtype=np.uint8, count=width * height *
                            channels, offset=pos)
    if channels == 1:
        return samples.reshape(height, width)
    rgb = samples.reshape(height, width, 3).astype(np.int64)
    luma = (19595 * rgb[..., 0] + 38470 * rgb[..., 1] + 7471 * rgb[..., 2] +
            32768) >> 16
    return luma.astype(np.uint8)


def main():
    paths = sys.argv[1:]
    if not paths or len(paths) % 2 != 0:
        sys.exit("usage: ssim-reference.py A1 B1 [A2 B2 ...]")
    for a, b in zip(paths[0::2], paths[1::2]):
        value = structural_similarity(read_netpbm(a), read_netpbm(b),
                                      gaussian_weights=True, sigma=1.5,
                                      use_sample_covariance=False,
                                      data_range=255)
        print("%.12f" % value)


main()
