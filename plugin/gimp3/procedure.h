/* procedure.h: the GIMP 3 procedure plug-in-jpeg-artifacts: its
 * arguments and return values as GIMP 3 declares them (names, ranges,
 * defaults, choices), and its GimpProcedureConfig read into a JaValues and
 * written back from one, so that GIMP keeps the last values.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PROCEDURE_H
#define JA_PROCEDURE_H

#include <libgimp/gimp.h>

#include "dialog.h"
#include "values.h"

/* The return values, after the status: the drawable that holds the
 * result, the generations run, the fixed point, the table. */
enum
{
  JA_RETURN_RESULT = 1,
  JA_RETURN_GENERATIONS_RUN,
  JA_RETURN_FIXED_POINT,
  JA_RETURN_TABLE
};

/* Declares PROCEDURE's arguments, auxiliary arguments (what the dialog
 * remembers of its window, and its "File coded as") and return values. */
void ja_procedure_add_arguments (GimpProcedure *procedure);

/* Reads CONFIG into VALUES, unchecked (apply_to is the drawable, size_for
 * the auxiliary argument "size-for"); the message, newly allocated, when
 * the preset or the schedule is too long for VALUES (it is then ""), else
 * NULL. */
gchar *ja_procedure_read (GimpProcedureConfig *config, JaValues *values);

/* Writes VALUES into CONFIG, so that GIMP stores them as the last
 * values. */
void ja_procedure_write (GimpProcedureConfig *config, const JaValues *values);

/* Reads the dialog's window geometry from CONFIG's auxiliary argument
 * into GEOMETRY (left as it is when there is none), and writes it back. */
void ja_procedure_read_geometry (GimpProcedureConfig *config,
                                 JaDialogGeometry *geometry);
void ja_procedure_write_geometry (GimpProcedureConfig *config,
                                  const JaDialogGeometry *geometry);

#endif /* JA_PROCEDURE_H */
