/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "hlh-case.h"
#include "hlh-error.h"

/* Faults that must lose nothing: saving where it cannot succeed leaves the old file intact and
 * says why; damaged, foreign, huge or newer files are refused quickly, without reading them
 * whole, and the case in memory stays as it was. The mount tests need root (as CI has) and
 * are skipped, saying so, elsewhere. */

static void
make_case (HlhCase *c)
{
  hlh_case_init (c);
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_FERRITIN, 8400, HLH_UNIT_FERRITIN_NG_ML, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_TEMPERATURE, 101.3, HLH_UNIT_FAHRENHEIT, NULL));
  hlh_case_set_choice (c, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_YES);
  hlh_case_set_trigger (c, HLH_TRIGGER_EBV, TRUE);
}

static gboolean
mount_tmpfs (const char *dir,
             const char *options)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", options, "tmpfs", dir, NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                       &status, NULL) && g_spawn_check_wait_status (status, NULL);
}

static void
unmount (const char *dir)
{
  const char *argv[] = { "umount", dir, NULL };
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_truncated_everywhere (void)
{
  HlhCase c, target, before;
  g_autofree char *data = NULL;
  gsize length;

  make_case (&c);
  data = hlh_case_to_data (&c, &length);
  g_assert_nonnull (strstr (data, "\nchecksum=sha256:"));
  hlh_case_init (&target);
  hlh_case_set_choice (&target, HLH_FIELD_HEPATOMEGALY, HLH_ANSWER_NO);
  before = target;

  /* Cut at every byte: never read as a different case. */
  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      if (hlh_case_load_data (&target, data, cut, &error))
        g_error ("a file cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes was accepted",
                 cut, length);
      g_assert_error (error, HLH_ERROR, HLH_ERROR_FORMAT);
      g_assert_cmpmem (&target, sizeof target, &before, sizeof before);
    }
  /* One finding changed by hand: refused too. */
  {
    g_autofree char *edited = g_strdup (data);
    char *p = strstr (edited, "ferritin=8400");
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (p);
    p[strlen ("ferritin=")] = '9';
    g_assert_false (hlh_case_load_data (&target, edited, length, &error));
    g_assert_nonnull (strstr (error->message, "checksum"));
  }
  g_assert_true (hlh_case_load_data (&target, data, length, NULL));
}

static void
test_binary_huge_newer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hlh-faults-XXXXXX", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.hlhcase", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.hlhcase", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.hlhcase", NULL);
  g_autoptr(GError) error = NULL;
  guint8 noise[4096];
  HlhCase c, before;
  struct rusage usage;
  long rss_before;
  gint64 started;
  FILE *f;

  make_case (&c);
  before = c;
  /* 100 MB, sparse: a file that size must be refused without being read. */
  f = g_fopen (huge, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 100 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  fputc ('\n', f);
  fclose (f);
  getrusage (RUSAGE_SELF, &usage);
  rss_before = usage.ru_maxrss;
  started = g_get_monotonic_time ();
  g_assert_false (hlh_case_load_file (&c, huge, &error));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  getrusage (RUSAGE_SELF, &usage);
  g_assert_cmpint (usage.ru_maxrss - rss_before, <, 4 * 1024);  /* KiB: bounded, not 100 MB */
  g_assert_nonnull (strstr (error->message, "huge.hlhcase"));
  g_assert_cmpmem (&c, sizeof c, &before, sizeof before);
  g_clear_error (&error);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  g_assert_true (g_file_set_contents (binary, (const char *) noise, sizeof noise, NULL));
  g_assert_false (hlh_case_load_file (&c, binary, &error));
  g_assert_nonnull (strstr (error->message, "binary.hlhcase"));
  g_assert_cmpmem (&c, sizeof c, &before, sizeof before);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (newer, "[Case]\nformat=7\n[Findings]\nferritin=1\n", -1,
                                      NULL));
  g_assert_false (hlh_case_load_file (&c, newer, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_NEWER_FORMAT);
  g_assert_nonnull (strstr (error->message, "newer.hlhcase"));
  g_assert_cmpmem (&c, sizeof c, &before, sizeof before);

  g_remove (huge);
  g_remove (binary);
  g_remove (newer);
  g_rmdir (dir);
}

static void
test_save_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hlh-faults-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.hlhcase", NULL);
  g_autoptr(GError) error = NULL;
  HlhCase c;

  if (!mount_tmpfs (dir, "ro,size=64k"))
    {
      g_test_skip ("cannot mount a read-only tmpfs (needs root)");
      g_rmdir (dir);
      return;
    }
  make_case (&c);
  g_assert_false (hlh_case_save_file (&c, path, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "case.hlhcase"));
  g_assert_cmpuint (count_files (dir), ==, 0);
  unmount (dir);
  g_rmdir (dir);
}

static void
test_save_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hlh-faults-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.hlhcase", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize original_length, after_length;
  HlhCase small, big, reread;
  FILE *f;

  if (!mount_tmpfs (dir, "size=64k"))
    {
      g_test_skip ("cannot mount a small tmpfs (needs root)");
      g_rmdir (dir);
      return;
    }
  hlh_case_init (&small);
  g_assert_true (hlh_case_set_number (&small, HLH_FIELD_AGE, 40, HLH_UNIT_AGE_YEARS, NULL));
  g_assert_true (hlh_case_save_file (&small, path, NULL));
  g_assert_true (g_file_get_contents (path, &original, &original_length, NULL));

  /* Fill the file system to the last byte. */
  f = g_fopen (filler, "wb");
  g_assert_nonnull (f);
  for (;;)
    {
      char block[512] = { 0 };
      if (fwrite (block, 1, sizeof block, f) != sizeof block || fflush (f) != 0)
        break;
    }
  fclose (f);

  make_case (&big);
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    hlh_case_set_trigger (&big, t, TRUE);
  g_assert_false (hlh_case_save_file (&big, path, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "case.hlhcase"));

  /* The old file is intact and still loads; no temporary file is left behind. */
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (original, original_length, after, after_length);
  g_assert_true (hlh_case_load_file (&reread, path, NULL));
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* Space again: the retry succeeds. */
  g_remove (filler);
  g_assert_true (hlh_case_save_file (&big, path, NULL));
  g_assert_true (hlh_case_load_file (&reread, path, NULL));
  g_assert_true (hlh_case_has_trigger (&reread, HLH_TRIGGER_PREGNANCY));
  unmount (dir);
  g_rmdir (dir);
}

static void
test_save_over_changed_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hlh-faults-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.hlhcase", NULL);
  g_autofree char *digest = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  HlhCase mine, other;

  make_case (&mine);
  /* A new file: saved only if nothing is there yet. */
  g_assert_true (hlh_case_save_file_checked (&mine, path, NULL, NULL));
  digest = hlh_case_dup_file_digest (path);
  g_assert_nonnull (digest);

  /* Somebody else saves a different case over it meanwhile. */
  hlh_case_init (&other);
  g_assert_true (hlh_case_set_number (&other, HLH_FIELD_AGE, 7, HLH_UNIT_AGE_YEARS, NULL));
  g_assert_true (hlh_case_save_file (&other, path, NULL));
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  g_assert_false (hlh_case_save_file_checked (&mine, path, digest, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "case.hlhcase"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
  g_clear_error (&error);

  /* Creating over an existing file is refused the same way; overwriting knowingly works. */
  g_assert_false (hlh_case_save_file_checked (&mine, path, NULL, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_CHANGED);
  g_assert_true (hlh_case_save_file (&mine, path, NULL));
  g_free (digest);
  digest = hlh_case_dup_file_digest (path);
  g_assert_true (hlh_case_save_file_checked (&mine, path, digest, NULL));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlh/faults/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/hlh/faults/binary-huge-newer", test_binary_huge_newer);
  g_test_add_func ("/hlh/faults/save-read-only", test_save_read_only);
  g_test_add_func ("/hlh/faults/save-full-disk", test_save_full_disk);
  g_test_add_func ("/hlh/faults/save-over-changed-file", test_save_over_changed_file);

  return g_test_run ();
}
