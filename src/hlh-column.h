/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HLH_TYPE_COLUMN (hlh_column_get_type ())

G_DECLARE_FINAL_TYPE (HlhColumn, hlh_column, HLH, COLUMN, GtkBox)

GtkWidget *hlh_column_new (int spacing);

G_END_DECLS
