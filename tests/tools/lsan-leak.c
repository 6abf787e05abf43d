/* lsan-leak.c: a program built with AddressSanitizer that leaks one block,
 * allocated in leak_on_purpose, for tools-test.sh's check that
 * LeakSanitizer reads the suppressions file tools/lsan-options.sh names,
 * whatever its path holds (quotes of both kinds, spaces, colons, commas):
 * with "leak:leak_on_purpose" in it, the program ends with status 0; with
 * the file unread, LeakSanitizer reports the leak and the status is not 0.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

void leak_on_purpose (void);

/* Where the block is kept, then forgotten (volatile: the compiler keeps
 * both stores, and the first keeps malloc's call from being a jump that
 * would leave leak_on_purpose out of the allocation's stack). */
void *volatile kept;

__attribute__ ((noinline)) void
leak_on_purpose (void)
{
  kept = malloc (64);
}

int
main (void)
{
  leak_on_purpose ();
  kept = NULL;
  return 0;
}
