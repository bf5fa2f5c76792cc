/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hlh_accessible_set_label       (GtkWidget  *widget,
                                     const char *label);
void hlh_accessible_label_by        (GtkWidget  *widget,
                                     GtkWidget  *label);
void hlh_accessible_name_by_content (GtkButton  *button);

G_END_DECLS
