/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HLH_TYPE_REFLOW_BOX (hlh_reflow_box_get_type ())

G_DECLARE_FINAL_TYPE (HlhReflowBox, hlh_reflow_box, HLH, REFLOW_BOX, GtkWidget)

GtkWidget *hlh_reflow_box_new            (void);
void       hlh_reflow_box_append         (HlhReflowBox *self,
                                          GtkWidget    *child);
gboolean   hlh_reflow_box_get_stacked    (HlhReflowBox *self);

G_END_DECLS
