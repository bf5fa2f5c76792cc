/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-case-form.h"
#include "hlh-case-model.h"
#include "hlh-results-view.h"

G_BEGIN_DECLS

#define HLH_TYPE_WINDOW (hlh_window_get_type ())

G_DECLARE_FINAL_TYPE (HlhWindow, hlh_window, HLH, WINDOW, GtkApplicationWindow)

/* Narrower than this, the results go below the form. */
#define HLH_WINDOW_NARROW_WIDTH 860

HlhWindow      *hlh_window_new         (GtkApplication *application);
HlhCaseModel   *hlh_window_get_model   (HlhWindow      *self);
HlhCaseForm    *hlh_window_get_form    (HlhWindow      *self);
HlhResultsView *hlh_window_get_results (HlhWindow      *self);
gboolean        hlh_window_get_narrow  (HlhWindow      *self);

G_END_DECLS
