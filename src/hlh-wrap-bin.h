/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HLH_TYPE_WRAP_BIN (hlh_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (HlhWrapBin, hlh_wrap_bin, HLH, WRAP_BIN, GtkWidget)

GtkWidget *hlh_wrap_bin_new       (void);
GtkLabel  *hlh_wrap_bin_get_label (HlhWrapBin *self);

G_END_DECLS
