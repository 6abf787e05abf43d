/* worker.h: the dialog's background computation.  A JaWorker owns one
 * thread that runs jart_run on the whole layer; each call to
 * ja_worker_start raises the cancel flag of the run under way and queues a
 * new one, so only the newest settings are ever computed to the end.  What
 * the thread finds comes back to the GTK main loop through g_idle_add: the
 * pixels of a finished generation (throttled to a few per second), each
 * generation's report with its statistics (the SSIM against the original
 * and the size of the JPEG file it writes, which the codec computes as it
 * makes the generation), and the final result.  The main loop never waits
 * on the codec.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_WORKER_H
#define JA_WORKER_H

#include <glib.h>

#include "jart.h"

typedef struct JaWorker JaWorker;

/* What the main loop knows of the newest run.  Valid until the next call
 * into the worker from the main loop. */
typedef struct
{
  guint serial;      /* which ja_worker_start this run answers, from 1 */
  int total;         /* the generations asked for */
  int done;          /* generations computed so far */
  double fraction;   /* of the whole run done, 0..1 */
  gboolean finished; /* the run ended (successfully or not) */
  JartStatus status; /* JART_OK, or why the run failed */
  JartResult result; /* valid when finished and status is JART_OK */
  const JartGenerationReport *reports; /* DONE reports, in order */
  const guint8 *pixels;                /* the newest exact pixels: generation
                                          PIXELS_GENERATION, or NULL before the first */
  int pixels_generation;     /* 1-based; for the final result, the generation
                                the run ended on */
  const double *ssim;        /* DONE values: generation g's SSIM against the
                                original at [g - 1], NAN where not measured
                                (yet) */
  const guint64 *jpeg_bytes; /* DONE values: the size of the JPEG file
                                generation g writes at [g - 1], coded as
                                ja_worker_set_coding said, 0 where not
                                measured (yet) */
  gboolean statistics_done;  /* the statistics of the run are all in: after
                                the result, those not measured stay NAN and
                                0 (no memory for them, or cancelled) */
} JaWorkerState;

/* Called in the main loop whenever the state changed. */
typedef void (*JaWorkerNotify) (JaWorker *worker, gpointer user_data);

/* A worker for SRC, which must stay valid and unchanged until
 * ja_worker_free.  NOTIFY is called in the default main context. */
JaWorker *ja_worker_new (const JartImage *src, JaWorkerNotify notify,
                         gpointer user_data);

/* Cancels the run under way, if any, and starts one with SETTINGS (copied).
 * Returns the new run's serial. */
guint ja_worker_start (JaWorker *worker, const JartSettings *settings);

/* How the JPEG files whose sizes the runs started from now on measure are
 * coded (JART_CODING_STANDARD until called). */
void ja_worker_set_coding (JaWorker *worker, JartCoding coding);

/* Cancels the run under way, if any, without starting another. */
void ja_worker_cancel (JaWorker *worker);

/* The newest run's state as the main loop has seen it. */
const JaWorkerState *ja_worker_get_state (JaWorker *worker);

/* Which pixels of the worker a viewer shows: the run's serial (0: none
 * yet), its generation, and whether they are its finished result. */
typedef struct
{
  guint serial;
  int generation;
  gboolean final;
} JaWorkerShown;

/* Whether STATE holds pixels other than those SHOWN describes (another
 * run or generation, or that generation now the finished result); if so,
 * SHOWN describes them from then on.  The dialog's preview and the
 * benchmark take a generation's pixels when this says so. */
gboolean ja_worker_shown_update (JaWorkerShown *shown,
                                 const JaWorkerState *state);

/* Hands over the final pixels of the newest run when it finished with
 * JART_OK (the caller frees them with g_free or free: GLib's allocator is
 * the C library's), else NULL.  The state's pixels become NULL. */
guint8 *ja_worker_steal_result (JaWorker *worker);

/* Cancels, waits for the thread to end and frees everything. */
void ja_worker_free (JaWorker *worker);

#endif /* JA_WORKER_H */
