# pngio.py: the little PNG reading and writing the GIMP tests need, with
# nothing but the Python standard library (zlib): reading non-interlaced
# gray, gray + alpha, RGB and RGBA files of 8 or 16 bits per sample, as GIMP
# and the command-line tool write them, and writing 8-bit ones.  An Image
# keeps its samples in one flat list, row after row, channel after channel.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"

# PNG colour type <-> channels.
CHANNELS_OF_TYPE = {0: 1, 4: 2, 2: 3, 6: 4}
TYPE_OF_CHANNELS = {c: t for t, c in CHANNELS_OF_TYPE.items()}


class Image:
    """WIDTH x HEIGHT pixels of CHANNELS samples of DEPTH (8 or 16) bits."""

    def __init__(self, width, height, channels, depth=8, samples=None):
        self.width = width
        self.height = height
        self.channels = channels
        self.depth = depth
        n = width * height * channels
        self.samples = list(samples) if samples is not None else [0] * n
        if len(self.samples) != n:
            raise ValueError("%d samples for %dx%dx%d"
                             % (len(self.samples), width, height, channels))

    def pixel(self, x, y):
        i = (y * self.width + x) * self.channels
        return tuple(self.samples[i:i + self.channels])

    def to_8bit(self):
        """The image at 8 bits, 16-bit samples rounded to the nearest."""
        if self.depth == 8:
            return self
        return Image(self.width, self.height, self.channels, 8,
                     [(v * 255 + 32767) // 65535 for v in self.samples])

    def crop(self, x0, y0, width, height):
        out = []
        for y in range(y0, y0 + height):
            i = (y * self.width + x0) * self.channels
            out.extend(self.samples[i:i + width * self.channels])
        return Image(width, height, self.channels, self.depth, out)

    def pad_edges(self, left, top):
        """LEFT columns and TOP rows added before the first ones, each a
        copy of the nearest pixel, as a JPEG encoder's canvas repeats
        edges."""
        c = self.channels
        out = []
        for y in range(-top, self.height):
            i = max(y, 0) * self.width * c
            row = self.samples[i:i + self.width * c]
            out.extend(row[:c] * left)
            out.extend(row)
        return Image(self.width + left, self.height + top, c, self.depth,
                     out)


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _chunks(path):
    """The file's chunks as (kind, body) pairs, up to IEND."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != SIGNATURE:
        raise ValueError("%s: not a PNG file" % path)
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IEND":
            break


def image_content(path):
    """What makes up the picture in any PNG, palette images too: the
    header, the palette, the transparency and the uncompressed pixel data;
    metadata (Exif, XMP, time stamps) left out, so that two exports of the
    same pixels compare equal."""
    content = {b"IHDR": b"", b"PLTE": b"", b"tRNS": b"", b"IDAT": b""}
    for kind, body in _chunks(path):
        if kind in content:
            content[kind] += body
    content[b"IDAT"] = zlib.decompress(content[b"IDAT"])
    return content


def read(path):
    idat = []
    header = None
    for kind, body in _chunks(path):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    width, height, depth, colour_type, _, _, interlace = header
    if colour_type not in CHANNELS_OF_TYPE or depth not in (8, 16):
        raise ValueError("%s: colour type %d, depth %d not handled"
                         % (path, colour_type, depth))
    if interlace:
        raise ValueError("%s: interlaced PNG not handled" % path)
    channels = CHANNELS_OF_TYPE[colour_type]
    bpp = channels * depth // 8
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    previous = bytearray(stride)
    rows = bytearray()
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                line[i] = (line[i] + _paeth(a, b, c)) & 255
        rows += line
        previous = line
    if depth == 8:
        samples = list(rows)
    else:
        samples = list(struct.unpack(">%dH" % (len(rows) // 2), rows))
    return Image(width, height, channels, depth, samples)


def _chunk(kind, body):
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def write(path, image):
    """Writes IMAGE, which must have 8 bits per sample."""
    if image.depth != 8:
        raise ValueError("only 8-bit images are written")
    stride = image.width * image.channels
    raw = bytearray()
    samples = bytes(image.samples)
    for y in range(image.height):
        raw.append(0)
        raw += samples[y * stride:(y + 1) * stride]
    header = struct.pack(">IIBBBBB", image.width, image.height, 8,
                         TYPE_OF_CHANNELS[image.channels], 0, 0, 0)
    with open(path, "wb") as f:
        f.write(SIGNATURE + _chunk(b"IHDR", header)
                + _chunk(b"IDAT", zlib.compress(bytes(raw), 6))
                + _chunk(b"IEND", b""))
