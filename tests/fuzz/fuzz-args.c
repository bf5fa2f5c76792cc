/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "hlh-cli.h"

/* hlh-score's argument handling: the input, split at newlines, is the argument list. Options
 * that name a file read one of two fixed files instead (the fuzzer must not roam the file
 * system), standard input is empty, and --help, which prints and exits by design, is left
 * out. Whatever the arguments, the exit status is one of the documented ones. */

static char *case_path;
static char *csv_path;

static void
init_files (void)
{
  g_autofree char *dir = NULL;

  if (case_path != NULL)
    return;
  dir = g_dir_make_tmp ("hlh-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);
  case_path = g_build_filename (dir, "case.hlhcase", NULL);
  csv_path = g_build_filename (dir, "batch.csv", NULL);
  g_assert (g_file_set_contents (case_path,
                                 "[Case]\nformat=1\n[Findings]\nferritin=8400 ng/mL\n", -1, NULL));
  g_assert (g_file_set_contents (csv_path, "id,ferritin,temperature\n1,8400,39.1\n2,,x\n", -1,
                                 NULL));
  g_assert (freopen ("/dev/null", "r", stdin) != NULL);
}

static gboolean
is_help (const char *arg)
{
  return g_str_has_prefix (arg, "--help") || g_str_has_prefix (arg, "-h") ||
         g_str_has_prefix (arg, "-?") || (arg[0] == '-' && arg[1] != '-' && strpbrk (arg, "h?"));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static FILE *sink;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) parts = g_strsplit (text, "\n", 64);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  init_files ();
  if (sink == NULL)
    sink = fopen ("/dev/null", "w");
  g_ptr_array_add (argv, (char *) "hlh-score");
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *arg = parts[i];

      if (is_help (arg))
        continue;
      if (g_str_has_prefix (arg, "--case="))
        arg = "--case=CASE";
      else if (g_str_has_prefix (arg, "--csv="))
        arg = "--csv=CSV";
      if (g_str_equal (arg, "--case=CASE"))
        {
          g_ptr_array_add (argv, (char *) "--case");
          g_ptr_array_add (argv, case_path);
          continue;
        }
      if (g_str_equal (arg, "--csv=CSV"))
        {
          g_ptr_array_add (argv, (char *) "--csv");
          g_ptr_array_add (argv, csv_path);
          continue;
        }
      g_ptr_array_add (argv, (char *) arg);
      /* The value after --case or --csv is replaced by a fixed file. */
      if ((g_str_equal (arg, "--case") || g_str_equal (arg, "--csv")) && parts[i + 1] != NULL)
        {
          g_ptr_array_add (argv, g_str_equal (arg, "--case") ? case_path : csv_path);
          i++;
        }
    }
  g_ptr_array_add (argv, NULL);
  status = hlh_cli_run (argv->len - 1, (char **) argv->pdata, sink, sink);
  FUZZ_CHECK (status == HLH_EXIT_OK || status == HLH_EXIT_REFUSED || status == HLH_EXIT_USAGE ||
              status == HLH_EXIT_ROWS_FAILED);
  return 0;
}
