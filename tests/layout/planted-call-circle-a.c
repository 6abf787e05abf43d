/* planted-call-circle-a.c: half of a planted circle of calls, for the test
 * planted-call-circle: this file calls planted_b in
 * planted-call-circle-b.c, which calls back into this one, so check-calls.py
 * must refuse the library the two make.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

int planted_a (int n);
int planted_b (int n);

int
planted_a (int n)
{
  return n > 0 ? planted_b (n - 1) : 0;
}
