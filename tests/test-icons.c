/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

/* The PNG copies of the icons drawn at start-up (data/icons/png/) are their SVGs, drawn.
 *
 * Why they exist: GTK draws an SVG icon through gdk-pixbuf's SVG loader, and the first SVG it
 * draws loads that loader and librsvg with it, about 7 MiB of the application's memory at its
 * first frame (tests/bench-gui, the gui-cairo run). At start-up GTK draws the criteria's state
 * icons at 16 pixels and, on X11, the window's icon at every size the icon theme has of it
 * (48 pixels for a scalable one). With PNGs at those sizes in the resources, no SVG is read
 * then (test-gui's /hlh/gui/startup/draws-no-svg checks it); every other size (the About
 * window's logo, a display at twice the scale) still comes from the SVG.
 *
 * They are kept in the source rather than made by the build, so that building needs no SVG
 * tool: gtk4-encode-symbolic-svg is not in every GTK version, and a Flatpak build has no say
 * over the SDK's gdk-pixbuf loaders. This test draws each SVG again and compares:
 *  - the application icon at 16, 32 and 48 pixels, drawn by gdk-pixbuf as GTK draws it;
 *  - the state icons in GTK's encoding for symbolic PNGs (which GTK recolours as it does the
 *    SVG: data/style.css gives the colours), made by gtk4-encode-symbolic-svg, whose path
 *    meson passes in HLH_ENCODE_SYMBOLIC; without the tool that half is skipped.
 *
 * After an SVG changes, remake the PNGs with:  test-icons --update SOURCE_DIR */

#define TOLERANCE 2   /* per channel, out of 255, premultiplied by alpha */

static const int app_icon_sizes[] = { 16, 32, 48 };
static const char *const state_icons[] = { "hlh-met", "hlh-not-met", "hlh-unknown" };

static char *
app_svg (const char *root)
{
  return g_build_filename (root, "data", "icons", "hicolor", "scalable", "apps",
                           APP_ID ".svg", NULL);
}

static char *
app_png (const char *root,
         int         size)
{
  g_autofree char *dir = g_strdup_printf ("%dx%d", size, size);

  return g_build_filename (root, "data", "icons", "png", dir, "apps", APP_ID ".png", NULL);
}

static char *
state_svg (const char *root,
           const char *name)
{
  g_autofree char *file = g_strconcat (name, "-symbolic.svg", NULL);

  return g_build_filename (root, "data", "icons", "state", file, NULL);
}

static char *
state_png_dir (const char *root)
{
  return g_build_filename (root, "data", "icons", "png", "16x16", "actions", NULL);
}

static char *
state_png_name (const char *name)
{
  return g_strconcat (name, "-symbolic.symbolic.png", NULL);
}

/* The largest difference between two pictures of one size, channel by channel, with the
 * colour premultiplied by its alpha (a transparent pixel's colour means nothing); G_MAXINT
 * when their sizes differ. */
static int
difference (GdkPixbuf *a,
            GdkPixbuf *b)
{
  int width = gdk_pixbuf_get_width (a), height = gdk_pixbuf_get_height (a);
  int worst = 0;

  if (width != gdk_pixbuf_get_width (b) || height != gdk_pixbuf_get_height (b))
    return G_MAXINT;
  g_assert_true (gdk_pixbuf_get_has_alpha (a) && gdk_pixbuf_get_has_alpha (b));
  for (int y = 0; y < height; y++)
    {
      const guint8 *pa = gdk_pixbuf_read_pixels (a) + (gsize) y * gdk_pixbuf_get_rowstride (a);
      const guint8 *pb = gdk_pixbuf_read_pixels (b) + (gsize) y * gdk_pixbuf_get_rowstride (b);

      for (int x = 0; x < width; x++, pa += 4, pb += 4)
        {
          worst = MAX (worst, abs (pa[3] - pb[3]));
          for (int c = 0; c < 3; c++)
            worst = MAX (worst, abs (pa[c] * pa[3] - pb[c] * pb[3]) / 255);
        }
    }
  return worst;
}

static GdkPixbuf *
draw_svg (const char *path,
          int         size)
{
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);

  if (pixbuf == NULL)
    g_error ("%s: %s", path, error->message);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  return pixbuf;
}

static GdkPixbuf *
read_png (const char *path)
{
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file (path, &error);

  if (pixbuf == NULL)
    g_error ("%s: %s (remake it: test-icons --update SOURCE_DIR)", path, error->message);
  return pixbuf;
}

static gboolean
can_read_svg (void)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      if (g_strcmp0 (name, "svg") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Runs gtk4-encode-symbolic-svg on a state icon into @dir. */
static gboolean
encode_symbolic (const char  *tool,
                 const char  *svg,
                 const char  *dir,
                 GError     **error)
{
  const char *argv[] = { tool, "-o", dir, svg, "16x16", NULL };
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, error) &&
         g_spawn_check_wait_status (status, error);
}

static void
test_app_icon (void)
{
  g_autofree char *source = NULL;
  g_autofree char *svg = NULL;

  if (!can_read_svg ())
    {
      g_test_skip ("gdk-pixbuf has no SVG loader here (Debian: librsvg2-common)");
      return;
    }
  source = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  svg = app_svg (source);
  for (guint i = 0; i < G_N_ELEMENTS (app_icon_sizes); i++)
    {
      g_autofree char *png = app_png (source, app_icon_sizes[i]);
      g_autoptr(GdkPixbuf) expected = draw_svg (svg, app_icon_sizes[i]);
      g_autoptr(GdkPixbuf) committed = read_png (png);
      int diff = difference (expected, committed);

      g_test_message ("%s: largest difference %d", png, diff);
      if (diff > TOLERANCE)
        g_error ("%s is not its SVG drawn at %d pixels (difference %d); remake it: "
                 "test-icons --update SOURCE_DIR", png, app_icon_sizes[i], diff);
    }
}

static void
test_state_icons (void)
{
  const char *tool = g_getenv ("HLH_ENCODE_SYMBOLIC");
  g_autofree char *source = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  g_autofree char *committed_dir = state_png_dir (source);
  g_autofree char *work = NULL;
  g_autoptr(GError) error = NULL;

  if (tool == NULL || *tool == '\0')
    {
      g_test_skip ("No gtk4-encode-symbolic-svg here (Debian: libgtk-4-bin)");
      return;
    }
  work = g_dir_make_tmp ("hlh-icons-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (state_icons); i++)
    {
      g_autofree char *svg = state_svg (source, state_icons[i]);
      g_autofree char *name = state_png_name (state_icons[i]);
      g_autofree char *made = g_build_filename (work, name, NULL);
      g_autofree char *png = g_build_filename (committed_dir, name, NULL);
      g_autoptr(GdkPixbuf) expected = NULL;
      g_autoptr(GdkPixbuf) committed = NULL;
      int diff;

      if (!encode_symbolic (tool, svg, work, &error))
        g_error ("%s %s: %s", tool, svg, error->message);
      expected = read_png (made);
      committed = read_png (png);
      diff = difference (expected, committed);
      g_test_message ("%s: largest difference %d", png, diff);
      if (diff > TOLERANCE)
        g_error ("%s is not %s encoded by %s (difference %d); remake it: "
                 "test-icons --update SOURCE_DIR", png, svg, tool, diff);
      g_unlink (made);
    }
  g_rmdir (work);
}

/* test-icons --update SOURCE_DIR: writes the PNGs from the SVGs. */
static int
update (const char *source)
{
  const char *tool = g_getenv ("HLH_ENCODE_SYMBOLIC");
  g_autofree char *state_dir = state_png_dir (source);
  g_autofree char *svg = app_svg (source);
  g_autoptr(GError) error = NULL;

  if (tool == NULL || *tool == '\0')
    tool = "gtk4-encode-symbolic-svg";
  for (guint i = 0; i < G_N_ELEMENTS (app_icon_sizes); i++)
    {
      g_autofree char *png = app_png (source, app_icon_sizes[i]);
      g_autofree char *dir = g_path_get_dirname (png);
      g_autoptr(GdkPixbuf) pixbuf = draw_svg (svg, app_icon_sizes[i]);

      if (g_mkdir_with_parents (dir, 0755) != 0 ||
          !gdk_pixbuf_save (pixbuf, png, "png", &error, NULL))
        {
          fprintf (stderr, "%s: %s\n", png, error != NULL ? error->message : g_strerror (errno));
          return 1;
        }
      printf ("wrote %s\n", png);
    }
  if (g_mkdir_with_parents (state_dir, 0755) != 0)
    {
      fprintf (stderr, "%s: %s\n", state_dir, g_strerror (errno));
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (state_icons); i++)
    {
      g_autofree char *state = state_svg (source, state_icons[i]);
      g_autofree char *name = state_png_name (state_icons[i]);

      if (!encode_symbolic (tool, state, state_dir, &error))
        {
          fprintf (stderr, "%s %s: %s\n", tool, state, error->message);
          return 1;
        }
      printf ("wrote %s/%s\n", state_dir, name);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_strcmp0 (argv[1], "--update") == 0)
    return update (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hlh/icons/app-icon-pngs", test_app_icon);
  g_test_add_func ("/hlh/icons/state-icon-pngs", test_state_icons);
  return g_test_run ();
}
