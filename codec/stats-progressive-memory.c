/* stats-progressive-memory.c: the allocation of what the progressive
 * file's size keeps (stats-progressive.c): each scan's pieces with room
 * for the biggest shape a run's settings give, the groups of scans the
 * threads count together, the chunks they code and their buffers; and the
 * bytes all of it takes, which a run's memory bound adds.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "stats-progressive.h"

/* The pieces scan S of the script for COLORS may have. */
static size_t
scan_room (const JartProgScan *scan, int colors, size_t pieces,
           size_t luma_pieces)
{
  return scan->n == 1 && scan->comp[0] == 0 && colors == 3 ? luma_pieces
                                                           : pieces;
}

static int
scan_symbols (const JartProgScan *scan)
{
  if (!jart_prog_counted (scan))
    return 0;
  return scan->ss == 0 ? 2 * DC_SYMBOLS : AC_SYMBOLS;
}

/* The bytes of a piece of S (besides its state): its counts (held, and
 * its table in the spill), its place in the list to code and its bits. */
static size_t
piece_bytes (const JartProgScan *scan)
{
  return (scan_symbols (scan) > 0
              ? sizeof (Held) + (size_t)scan_symbols (scan) * sizeof (uint16_t)
              : 0)
         + sizeof (uint32_t) + sizeof (JartPieceBits);
}

static size_t
state_bytes (const JartProgScan *scan)
{
  return sizeof (State) + (scan->ss > 0 && scan->ah > 0 ? CORR_BYTES : 0);
}

/* The chunks a scan of ROOM pieces may be cut into. */
static size_t
chunk_room (size_t room)
{
  return (room + CODE_CHUNK - 1) / CODE_CHUNK;
}

/* A thread's buffer: a piece's blocks at their most bits, with the
 * correction bits and end-of-band run it may start with. */
static size_t
buffer_bytes (size_t piece_blocks)
{
  return piece_blocks * JART_HUFF_BLOCK_BYTES_MAX + CORR_BYTES + 8 + 1;
}

size_t
jart_prog_stats_memory (size_t pieces, size_t luma_pieces, size_t piece_blocks,
                        int colors, int threads)
{
  const JartProgScan *script;
  size_t bytes = sizeof (JartProgStats);
  int n, s;

  script = jart_prog_script (colors, &n);
  for (s = 0; s < n; s++)
    {
      size_t room = scan_room (&script[s], colors, pieces, luma_pieces);

      bytes += room * piece_bytes (&script[s])
               + (room + 1) * state_bytes (&script[s])
               + chunk_room (room) * sizeof (Chunk)
               + jart_piece_sums_memory (room);
    }
  return bytes + pieces * sizeof (uint32_t)
         + (size_t)threads * (sizeof (Worker) + buffer_bytes (piece_blocks));
}

void
jart_prog_stats_free (JartProgStats *prog)
{
  int s, t;

  if (prog == NULL)
    return;
  for (s = 0; s < prog->scans; s++)
    {
      ProgScan *scan = &prog->scan[s];

      free (scan->in);
      free (scan->corr);
      free (scan->held);
      free (scan->spill);
      free (scan->list);
      free (scan->bits);
      jart_piece_sums_free (&scan->sums);
    }
  if (prog->workers != NULL)
    for (t = 0; t < prog->threads; t++)
      {
        free (prog->workers[t].buffer);
      }
  free (prog->workers);
  free (prog->changed);
  free (prog->chunks);
  free (prog);
}

JartProgStats *
jart_prog_stats_new (size_t pieces, size_t luma_pieces, size_t piece_blocks,
                     int colors, int threads, const JartCancel *cancel)
{
  JartProgStats *prog = calloc (1, sizeof *prog);
  const JartProgScan *script;
  size_t chunks = 0;
  int s, t, pass;

  if (prog == NULL)
    return NULL;
  script = jart_prog_script (colors, &prog->scans);
  prog->threads = threads;
  prog->cancel = cancel;
  for (s = 0; s < prog->scans; s++)
    {
      ProgScan *scan = &prog->scan[s];
      size_t room = scan_room (&script[s], colors, pieces, luma_pieces);

      scan->scan = &script[s];
      scan->comp = script[s].n == 1 ? script[s].comp[0] : -1;
      scan->symbols = scan_symbols (&script[s]);
      scan->refine = script[s].ss > 0 && script[s].ah > 0;
      scan->in = calloc (room + 1, sizeof *scan->in);
      scan->list = malloc (room * sizeof *scan->list);
      chunks += chunk_room (room);
      scan->bits = calloc (room, sizeof *scan->bits);
      if (jart_piece_sums_init (&scan->sums, room) != 0)
        goto no_memory;
      if (scan->symbols > 0)
        {
          /* The spill is read only where it was written: it is not
             cleared, and pages no piece spills to are never touched. */
          scan->held = calloc (room, sizeof *scan->held);
          scan->spill
              = malloc (room * (size_t)scan->symbols * sizeof (uint16_t));
        }
      if (scan->refine)
        scan->corr = calloc (room + 1, CORR_BYTES);
      if (scan->in == NULL || scan->list == NULL || scan->bits == NULL
          || (scan->symbols > 0 && (scan->held == NULL || scan->spill == NULL))
          || (scan->refine && scan->corr == NULL))
        goto no_memory;
    }
  prog->changed = malloc (pieces * sizeof *prog->changed);
  prog->chunks = malloc (chunks * sizeof *prog->chunks);
  if (prog->changed == NULL || prog->chunks == NULL)
    goto no_memory;
  /* The groups, of at most GROUP_MAX scans of one component set, the
     biggest first, as the threads take them: the luma's refinements, its
     other scans, then the others. */
  for (pass = 0; pass < 3; pass++)
    for (s = 0; s < prog->scans; s++)
      {
        int key = script[s].n == 1 ? script[s].comp[0] : -1, g;

        if (pass != (key != 0 ? 2 : prog->scan[s].refine ? 0 : 1))
          continue;
        for (g = 0; g < prog->groups; g++)
          if (prog->scan[prog->group[g][0]].comp == key
              && prog->group_size[g] < GROUP_MAX)
            break;
        if (g == prog->groups)
          prog->groups++;
        prog->group[g][prog->group_size[g]++] = s;
      }
  prog->workers = calloc ((size_t)threads, sizeof *prog->workers);
  if (prog->workers == NULL)
    goto no_memory;
  for (t = 0; t < threads; t++)
    {
      prog->workers[t].prog = prog;
      prog->workers[t].buffer = malloc (buffer_bytes (piece_blocks));
      if (prog->workers[t].buffer == NULL)
        goto no_memory;
    }
  return prog;

no_memory:
  jart_prog_stats_free (prog);
  return NULL;
}
