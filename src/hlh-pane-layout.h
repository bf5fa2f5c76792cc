/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HLH_TYPE_PANE_LAYOUT (hlh_pane_layout_get_type ())

G_DECLARE_FINAL_TYPE (HlhPaneLayout, hlh_pane_layout, HLH, PANE_LAYOUT, GtkLayoutManager)

GtkLayoutManager *hlh_pane_layout_new (void);

G_END_DECLS
