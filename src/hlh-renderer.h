/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean hlh_renderer_may_choose          (guint       gtk_major,
                                           guint       gtk_minor,
                                           const char *gsk_renderer);
gboolean hlh_renderer_gl_may_be_software  (const char *libgl_always_software,
                                           gboolean    has_render_node,
                                           gboolean    has_nvidia_device);
gboolean hlh_renderer_has_render_node     (const char *dri_dir);
gboolean hlh_renderer_gl_is_software      (const char *gl_renderer);
char    *hlh_renderer_dup_gl_renderer     (GdkDisplay *display);
gboolean hlh_renderer_choose_for_display  (GdkDisplay *display);

G_END_DECLS
