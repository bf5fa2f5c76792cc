/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-case-model.h"

G_BEGIN_DECLS

#define HLH_TYPE_CHOICE_ROW (hlh_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (HlhChoiceRow, hlh_choice_row, HLH, CHOICE_ROW, GtkWidget)

/* The button that stands for "unknown" in hlh_choice_row_get_button(). */
#define HLH_CHOICE_UNKNOWN (-1)

GtkWidget       *hlh_choice_row_new        (HlhCaseModel *model,
                                            HlhField      field,
                                            const char   *mnemonic_label);
HlhField         hlh_choice_row_get_field  (HlhChoiceRow *self);
GtkToggleButton *hlh_choice_row_get_button (HlhChoiceRow *self,
                                            int           choice);
const char      *hlh_choice_row_get_note   (HlhChoiceRow *self);
GtkWidget       *hlh_choice_row_get_mnemonic_widget (HlhChoiceRow *self);
void             hlh_choice_row_sync       (HlhChoiceRow *self);

G_END_DECLS
