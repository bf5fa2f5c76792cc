/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "hlh-renderer.h"

/* How the window is drawn when OpenGL is software only.
 *
 * Virtual desktops, thin clients and machines without a graphics driver run OpenGL on the
 * processor (Mesa's llvmpipe). GTK 4.8 to 4.13 still draw with their OpenGL renderer there,
 * the slowest choice on such a machine. Measured under Xvfb with llvmpipe (tests/bench-gui,
 * README), with GTK's cairo renderer this application shows its first frame in 371 ms
 * instead of 645, with 99 MiB instead of 185, and a keystroke's result in 15 ms instead of 65.
 *
 * So the application asks GTK for the cairo renderer when, and only when:
 * - GTK is older than 4.14, whose renderers were rewritten (the Flatpak's runtime is newer
 *   and keeps GTK's own choice);
 * - nobody chose a renderer with GSK_RENDERER, which always wins;
 * - OpenGL may be software here (LIBGL_ALWAYS_SOFTWARE, or no graphics device to draw
 *   with), so a machine with a graphics card pays nothing for the check;
 * - and the OpenGL renderer's name says it is software, asked of OpenGL itself.
 *
 * The request is the display's "gsk-renderer" data, which GTK reads before GSK_RENDERER
 * when it makes a window's renderer (gsk_renderer_new_for_surface(); the GTK Inspector sets
 * it too). Unlike setting GSK_RENDERER, it is safe once GTK's threads are running. */

/**
 * hlh_renderer_may_choose:
 * @gtk_major: GTK's major version at run time
 * @gtk_minor: GTK's minor version at run time
 * @gsk_renderer: (nullable): the GSK_RENDERER environment variable
 *
 * Returns: whether the application may choose the renderer: a GTK older than 4.14, and no
 *   renderer chosen by GSK_RENDERER.
 */
gboolean
hlh_renderer_may_choose (guint       gtk_major,
                         guint       gtk_minor,
                         const char *gsk_renderer)
{
  if (gsk_renderer != NULL && gsk_renderer[0] != '\0')
    return FALSE;
  return gtk_major == 4 && gtk_minor < 14;
}

/* Mesa's reading of a yes/no variable: "1", "y", "yes", "true", in any case. */
static gboolean
mesa_true (const char *value)
{
  return value != NULL &&
         (g_ascii_strcasecmp (value, "1") == 0 || g_ascii_strcasecmp (value, "y") == 0 ||
          g_ascii_strcasecmp (value, "yes") == 0 || g_ascii_strcasecmp (value, "true") == 0);
}

/**
 * hlh_renderer_gl_may_be_software:
 * @libgl_always_software: (nullable): the LIBGL_ALWAYS_SOFTWARE environment variable
 * @has_render_node: whether the machine has a DRM render node (/dev/dri/renderD*)
 * @has_nvidia_device: whether it has NVIDIA's own driver (/dev/nvidiactl)
 *
 * Returns: whether OpenGL may run on the processor here, so that it is worth asking
 *   OpenGL: software was asked for, or there is no graphics device to draw with.
 */
gboolean
hlh_renderer_gl_may_be_software (const char *libgl_always_software,
                                 gboolean    has_render_node,
                                 gboolean    has_nvidia_device)
{
  return mesa_true (libgl_always_software) || (!has_render_node && !has_nvidia_device);
}

/**
 * hlh_renderer_gl_is_software:
 * @gl_renderer: (nullable): OpenGL's GL_RENDERER string
 *
 * Returns: whether it names one of Mesa's software rasterizers (llvmpipe, softpipe).
 */
gboolean
hlh_renderer_gl_is_software (const char *gl_renderer)
{
  return gl_renderer != NULL &&
         (strstr (gl_renderer, "llvmpipe") != NULL || strstr (gl_renderer, "softpipe") != NULL);
}

/**
 * hlh_renderer_dup_gl_renderer:
 * @display: a display
 *
 * Returns: (transfer full) (nullable): the GL_RENDERER string of an OpenGL context made on
 *   @display for the question, or %NULL where GTK has no OpenGL there.
 */
char *
hlh_renderer_dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  GdkGLContext *previous;
  char *renderer;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (!gdk_display_prepare_gl (display, NULL))
    return NULL;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  previous = gdk_gl_context_get_current ();
  if (previous != NULL)
    g_object_ref (previous);
  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  if (previous != NULL)
    {
      gdk_gl_context_make_current (previous);
      g_object_unref (previous);
    }
  else
    gdk_gl_context_clear_current ();
  return renderer;
}

/**
 * hlh_renderer_has_render_node:
 * @dri_dir: the directory of the DRM devices, /dev/dri
 *
 * Returns: whether @dri_dir holds a render node (renderD128…), which a graphics device that
 *   can draw has; a display-only device (card0 alone) or none at all leaves OpenGL to the
 *   processor.
 */
gboolean
hlh_renderer_has_render_node (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

/**
 * hlh_renderer_choose_for_display:
 * @display: the display the application's windows are on, before the first is shown
 *
 * Asks GTK for its cairo renderer on @display where OpenGL is software only (see the top of
 * this file).
 *
 * Returns: whether it did
 */
gboolean
hlh_renderer_choose_for_display (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (!hlh_renderer_may_choose (gtk_get_major_version (), gtk_get_minor_version (),
                                g_getenv ("GSK_RENDERER")) ||
      !hlh_renderer_gl_may_be_software (g_getenv ("LIBGL_ALWAYS_SOFTWARE"),
                                        hlh_renderer_has_render_node ("/dev/dri"),
                                        g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS)))
    return FALSE;
  gl_renderer = hlh_renderer_dup_gl_renderer (display);
  if (!hlh_renderer_gl_is_software (gl_renderer))
    return FALSE;
  g_debug ("OpenGL is software only here (%s): the cairo renderer draws the windows",
           gl_renderer);
  g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
  return TRUE;
}
