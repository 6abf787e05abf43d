/* check.h: the few assertions of the tests of the shared middle layer
 * (tests/params/): each failed one prints where and what, and the test
 * exits 1 at the end when any failed, so that one run lists every fault.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_TEST_CHECK_H
#define JA_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(condition)                                                      \
  do                                                                          \
    {                                                                         \
      if (!(condition))                                                       \
        {                                                                     \
          fprintf (stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__,           \
                   #condition);                                               \
          check_failures++;                                                   \
        }                                                                     \
    }                                                                         \
  while (0)

/* Checks that the integer EXPRESSION is EXPECTED, printing both when not. */
#define CHECK_INT(expression, expected)                                       \
  do                                                                          \
    {                                                                         \
      long long got_ = (long long)(expression);                               \
      long long want_ = (long long)(expected);                                \
      if (got_ != want_)                                                      \
        {                                                                     \
          fprintf (stderr, "%s:%d: FAIL: %s is %lld, not %lld\n", __FILE__,   \
                   __LINE__, #expression, got_, want_);                       \
          check_failures++;                                                   \
        }                                                                     \
    }                                                                         \
  while (0)

/* Checks that the string GOT (may be NULL) is WANT (may be NULL). */
#define CHECK_STR(got, want)                                                  \
  check_str (__FILE__, __LINE__, #got, (got), (want))

static inline void
check_str (const char *file, int line, const char *what, const char *got,
           const char *want)
{
  if (got == NULL && want == NULL)
    return;
  if (got != NULL && want != NULL && strcmp (got, want) == 0)
    return;
  fprintf (stderr, "%s:%d: FAIL: %s is\n  %s%s%s\nnot\n  %s%s%s\n", file, line,
           what, got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
           want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
  check_failures++;
}

/* The test's exit status: 0 when every check passed. */
#define CHECK_DONE() (check_failures == 0 ? 0 : 1)

#endif /* JA_TEST_CHECK_H */
