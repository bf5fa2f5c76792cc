/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HLH_TYPE_PRINT_PREVIEW (hlh_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (HlhPrintPreview, hlh_print_preview, HLH, PRINT_PREVIEW, GtkWindow)

HlhPrintPreview *hlh_print_preview_new         (GtkPrintOperation *operation,
                                                GtkPrintContext   *context,
                                                GtkWindow         *parent);
guint            hlh_print_preview_get_n_pages (HlhPrintPreview   *self);

G_END_DECLS
