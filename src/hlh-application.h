/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HLH_TYPE_APPLICATION (hlh_application_get_type ())

G_DECLARE_FINAL_TYPE (HlhApplication, hlh_application, HLH, APPLICATION, GtkApplication)

HlhApplication *hlh_application_new                  (void);
void            hlh_application_choose_default_units (GSettings  *settings,
                                                      const char *locale);
GtkWidget      *hlh_application_new_about_dialog     (GtkWindow  *parent);

G_END_DECLS
