/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <locale.h>

#include "fuzz.h"

/* Without libFuzzer: runs a target over every file of its corpus (seeds and the inputs that
 * once found a bug), as a regression test in the ordinary test suite.
 *   fuzz-replay-TARGET CORPUS_DIR... */
int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  setlocale (LC_ALL, "");
  for (int a = 1; a < argc; a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[a], 0, &error);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[a], name, NULL);
          g_autofree char *data = NULL;
          gsize length;

          if (!g_file_get_contents (path, &data, &length, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          LLVMFuzzerTestOneInput ((const guint8 *) data, length);
          n++;
        }
    }
  g_print ("1..1\nok 1 - %u inputs replayed without a failed invariant\n", n);
  return n > 0 ? 0 : 1;
}
