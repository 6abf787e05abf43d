/* planted-call-circle-b.c: the other half of the planted circle of calls
 * (see planted-call-circle-a.c).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

int planted_a (int n);
int planted_b (int n);

int
planted_b (int n)
{
  return n > 0 ? planted_a (n - 1) : 1;
}
