/* free-memory.c: the memory the machine has available (/proc/meminfo) and
 * the room this process's resource limits leave (getrlimit against the
 * sizes /proc/self/statm reports), in plain C for both the plug-in and the
 * command-line tool.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _DEFAULT_SOURCE

#include "free-memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

uint64_t
ja_free_memory_add (uint64_t a, uint64_t b)
{
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

uint64_t
ja_free_memory_multiply (uint64_t a, uint64_t b)
{
  return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

/* The value of the /proc/meminfo line "KEY: N kB" in TEXT, in bytes. */
static int
meminfo_field (const char *text, const char *key, uint64_t *bytes)
{
  size_t length = strlen (key);
  const char *line = text;

  while (line != NULL)
    {
      if (strncmp (line, key, length) == 0 && line[length] == ':')
        {
          const char *number = line + length + 1;
          char *end;
          unsigned long long kilobytes = strtoull (number, &end, 10);

          if (end == number)
            return 0;
          *bytes = ja_free_memory_multiply (kilobytes, 1024);
          return 1;
        }
      line = strchr (line, '\n');
      if (line != NULL)
        line++;
    }
  return 0;
}

uint64_t
ja_free_memory_machine (void)
{
  char text[8192];
  uint64_t available = 0;
  FILE *stream = fopen ("/proc/meminfo", "r");

  if (stream != NULL)
    {
      size_t length = fread (text, 1, sizeof text - 1, stream);
      uint64_t free_bytes, buffers, cached;

      fclose (stream);
      text[length] = '\0';
      if (!meminfo_field (text, "MemAvailable", &available)
          && meminfo_field (text, "MemFree", &free_bytes)
          && meminfo_field (text, "Buffers", &buffers)
          && meminfo_field (text, "Cached", &cached))
        /* Linux before 3.14: what the kernel would give without swapping,
           roughly. */
        available = ja_free_memory_add (
            ja_free_memory_add (free_bytes, buffers), cached);
      if (available > 0)
        return available;
    }

#if defined(_SC_AVPHYS_PAGES) && defined(_SC_PAGESIZE)
  {
    long pages = sysconf (_SC_AVPHYS_PAGES);
    long page_size = sysconf (_SC_PAGESIZE);

    if (pages > 0 && page_size > 0)
      return ja_free_memory_multiply ((uint64_t)pages, (uint64_t)page_size);
  }
#endif
  return 0;
}

/* The room RESOURCE's soft limit leaves when USED bytes count against it;
 * UINT64_MAX without a limit. */
static uint64_t
limit_room (int resource, uint64_t used)
{
  struct rlimit limit;

  if (getrlimit (resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return UINT64_MAX;
  return (uint64_t)limit.rlim_cur > used ? (uint64_t)limit.rlim_cur - used : 0;
}

uint64_t
ja_free_memory_limit (void)
{
  /* statm: size resident shared text lib data dirty, in pages. */
  unsigned long long size = 0, data = 0, skip;
  long page_size = sysconf (_SC_PAGESIZE);
  FILE *stream = fopen ("/proc/self/statm", "r");
  uint64_t as_room, data_room;

  if (stream != NULL)
    {
      if (fscanf (stream, "%llu %llu %llu %llu %llu %llu", &size, &skip, &skip,
                  &skip, &skip, &data)
          != 6)
        size = data = 0;
      fclose (stream);
    }
  if (page_size < 1)
    page_size = 4096;
  as_room = limit_room (RLIMIT_AS,
                        ja_free_memory_multiply (size, (uint64_t)page_size));
  data_room = limit_room (RLIMIT_DATA,
                          ja_free_memory_multiply (data, (uint64_t)page_size));
  return as_room < data_room ? as_room : data_room;
}

uint64_t
ja_free_memory (void)
{
  uint64_t machine = ja_free_memory_machine ();
  uint64_t limit = ja_free_memory_limit ();

  if (machine == 0)
    return limit == UINT64_MAX ? 0 : limit;
  return machine < limit ? machine : limit;
}
