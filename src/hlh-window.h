/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-case-form.h"
#include "hlh-case-model.h"
#include "hlh-report-draw.h"
#include "hlh-results-view.h"

G_BEGIN_DECLS

#define HLH_TYPE_WINDOW (hlh_window_get_type ())

G_DECLARE_FINAL_TYPE (HlhWindow, hlh_window, HLH, WINDOW, GtkApplicationWindow)

/* Narrower than this, the results go below the form. */
#define HLH_WINDOW_NARROW_WIDTH 860

HlhWindow        *hlh_window_new                (GtkApplication *application);
HlhCaseModel     *hlh_window_get_model          (HlhWindow      *self);
HlhCaseForm      *hlh_window_get_form           (HlhWindow      *self);
HlhResultsView   *hlh_window_get_results        (HlhWindow      *self);
gboolean          hlh_window_get_narrow         (HlhWindow      *self);
GFile            *hlh_window_get_file           (HlhWindow      *self);
GtkEditable      *hlh_window_get_label_entry    (HlhWindow      *self);
GtkWindow        *hlh_window_get_dialog         (HlhWindow      *self);
gboolean          hlh_window_is_pristine        (HlhWindow      *self);
gboolean          hlh_window_open_file          (HlhWindow      *self,
                                                 GFile          *file,
                                                 GError        **error);
void              hlh_window_open               (HlhWindow      *self,
                                                 GFile          *file);
gboolean          hlh_window_load_teaching_case (HlhWindow      *self,
                                                 const char     *name,
                                                 GError        **error);
gboolean          hlh_window_save_to            (HlhWindow      *self,
                                                 GFile          *file,
                                                 gboolean        check);
char             *hlh_window_dup_summary        (HlhWindow      *self);
gboolean          hlh_window_export_pdf         (HlhWindow      *self,
                                                 GFile          *file,
                                                 HlhPaper        paper);
GtkPrintSettings *hlh_window_dup_print_settings (HlhWindow      *self);
void              hlh_window_print              (HlhWindow      *self,
                                                 const char     *export_path);
void              hlh_window_print_preview      (HlhWindow      *self);
void              hlh_window_set_presentation   (HlhWindow      *self,
                                                 gboolean        presentation);
gboolean          hlh_window_get_presentation   (HlhWindow      *self);

G_END_DECLS
