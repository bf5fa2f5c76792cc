/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-case-model.h"
#include "hlh-choice-row.h"
#include "hlh-number-row.h"

G_BEGIN_DECLS

#define HLH_TYPE_CASE_FORM (hlh_case_form_get_type ())

G_DECLARE_FINAL_TYPE (HlhCaseForm, hlh_case_form, HLH, CASE_FORM, GtkWidget)

GtkWidget      *hlh_case_form_new                (HlhCaseModel *model);
void            hlh_case_form_foreach_number_row (HlhCaseForm  *self,
                                                  GFunc         func,
                                                  gpointer      user_data);
HlhNumberRow   *hlh_case_form_get_number_row     (HlhCaseForm  *self,
                                                  HlhField      field);
HlhChoiceRow   *hlh_case_form_get_choice_row     (HlhCaseForm  *self,
                                                  HlhField      field);
GtkCheckButton *hlh_case_form_get_trigger_button (HlhCaseForm  *self,
                                                  HlhTrigger    trigger);
gboolean        hlh_case_form_is_complete        (HlhCaseForm  *self);
gboolean        hlh_case_form_get_iec_visible    (HlhCaseForm  *self);

G_END_DECLS
