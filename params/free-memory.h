/* free-memory.h: how much memory this process can still get, read from the
 * system without GLib, for the plug-in's and the command-line tool's
 * checks that refuse a run too big for the machine before it starts.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_FREE_MEMORY_H
#define JA_FREE_MEMORY_H

#include <stdint.h>

/* The bytes the machine can give now: MemAvailable of /proc/meminfo; on a
 * kernel without it MemFree + Buffers + Cached; without /proc/meminfo the
 * free physical pages the C library reports.  0 when none of these is
 * known. */
uint64_t ja_free_memory_machine (void);

/* The bytes this process may still map under its own limits: the room
 * left below RLIMIT_AS (the address space it maps now counted) and below
 * RLIMIT_DATA (its data and stack counted).  UINT64_MAX when neither limit
 * is set. */
uint64_t ja_free_memory_limit (void);

/* What this process can allocate: the smaller of the two above; 0 when
 * the machine's figure is unknown and no limit is set. */
uint64_t ja_free_memory (void);

/* A + B, and A * B, saturating at UINT64_MAX. */
uint64_t ja_free_memory_add (uint64_t a, uint64_t b);
uint64_t ja_free_memory_multiply (uint64_t a, uint64_t b);

#endif /* JA_FREE_MEMORY_H */
