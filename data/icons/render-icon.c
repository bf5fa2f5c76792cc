/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A build tool, not installed: renders the application's SVG icon to a PNG of a fixed size for
 * the resources (data/icons/meson.build says why).
 *
 *   render-icon INPUT.svg SIZE OUTPUT.png
 *
 * The SVG is read by gdk-pixbuf's own SVG loader, the one GTK would use at run time, so the PNG
 * is the picture GTK would otherwise draw from the SVG. */

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdio.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size = 0;

  if (argc != 4 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, 1024, &size, NULL))
    {
      fprintf (stderr, "usage: %s INPUT.svg SIZE OUTPUT.png (SIZE from 1 to 1024 pixels)\n",
               argv[0]);
      return 2;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], (int) size, (int) size, &error);
  if (pixbuf == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (gdk_pixbuf_get_width (pixbuf) != (int) size || gdk_pixbuf_get_height (pixbuf) != (int) size)
    {
      fprintf (stderr, "%s: not square: drawn at %d×%d pixels, %d×%d asked\n", argv[1],
               gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
               (int) size, (int) size);
      return 1;
    }
  if (!gdk_pixbuf_save (pixbuf, argv[3], "png", &error, NULL))
    {
      fprintf (stderr, "%s: %s\n", argv[3], error->message);
      return 1;
    }
  return 0;
}
