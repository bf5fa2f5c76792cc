/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-rules.h"

G_BEGIN_DECLS

#define HLH_TYPE_CRITERION_ROW (hlh_criterion_row_get_type ())

G_DECLARE_FINAL_TYPE (HlhCriterionRow, hlh_criterion_row, HLH, CRITERION_ROW, GtkWidget)

GtkWidget  *hlh_criterion_row_new        (const char      *title,
                                          const char      *detail);
void        hlh_criterion_row_update     (HlhCriterionRow *self,
                                          HlhState         state,
                                          const char      *word,
                                          const char      *basis);
HlhState    hlh_criterion_row_get_state  (HlhCriterionRow *self);
const char *hlh_criterion_row_get_word   (HlhCriterionRow *self);
const char *hlh_criterion_row_get_basis  (HlhCriterionRow *self);
const char *hlh_criterion_row_get_detail (HlhCriterionRow *self);
gboolean    hlh_criterion_row_get_expanded (HlhCriterionRow *self);
void        hlh_criterion_row_set_expanded (HlhCriterionRow *self,
                                            gboolean         expanded);

const char *hlh_state_icon_name          (HlhState         state);
const char *hlh_state_word               (HlhState         state);

G_END_DECLS
