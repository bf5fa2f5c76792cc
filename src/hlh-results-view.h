/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-case-model.h"
#include "hlh-criterion-row.h"
#include "hlh-gauge.h"

G_BEGIN_DECLS

#define HLH_TYPE_RESULTS_VIEW (hlh_results_view_get_type ())

G_DECLARE_FINAL_TYPE (HlhResultsView, hlh_results_view, HLH, RESULTS_VIEW, GtkWidget)

/* The panels besides the HScore and HLH-2004, which show when they fit the patient. */
typedef enum
{
  HLH_PANEL_MAS,
  HLH_PANEL_OHI,
  HLH_PANEL_IEC,
  HLH_N_PANELS
} HlhPanel;

GtkWidget       *hlh_results_view_new              (HlhCaseModel   *model);
HlhGauge        *hlh_results_view_get_gauge        (HlhResultsView *self);
const char      *hlh_results_view_get_score_text   (HlhResultsView *self);
const char      *hlh_results_view_get_probability_text (HlhResultsView *self);
const char      *hlh_results_view_get_cutoff_text  (HlhResultsView *self);
const char      *hlh_results_view_get_hlh2004_text (HlhResultsView *self);
char            *hlh_results_view_dup_decisive_text (HlhResultsView *self);
const char      *hlh_results_view_get_refusal_text (HlhResultsView *self);
HlhCriterionRow *hlh_results_view_get_hscore_row   (HlhResultsView *self,
                                                    HlhHScoreItemId item);
HlhCriterionRow *hlh_results_view_get_hlh2004_row  (HlhResultsView *self,
                                                    guint           criterion);
const char      *hlh_results_view_get_panel_title  (HlhResultsView *self,
                                                    HlhPanel        panel);
gboolean         hlh_results_view_get_panel_expanded (HlhResultsView *self,
                                                    HlhPanel        panel);

G_END_DECLS
