/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-case-model.h"

G_BEGIN_DECLS

#define HLH_TYPE_NUMBER_ROW (hlh_number_row_get_type ())

G_DECLARE_FINAL_TYPE (HlhNumberRow, hlh_number_row, HLH, NUMBER_ROW, GtkWidget)

GtkWidget  *hlh_number_row_new           (HlhCaseModel *model,
                                          HlhField      field,
                                          const char   *mnemonic_label);
HlhField    hlh_number_row_get_field     (HlhNumberRow *self);
HlhUnit     hlh_number_row_get_unit      (HlhNumberRow *self);
void        hlh_number_row_set_unit      (HlhNumberRow *self,
                                          HlhUnit       unit);
GtkEditable *hlh_number_row_get_editable (HlhNumberRow *self);
const char *hlh_number_row_get_echo      (HlhNumberRow *self);
const char *hlh_number_row_get_message   (HlhNumberRow *self);
void        hlh_number_row_sync          (HlhNumberRow *self);
char       *hlh_number_text_for_entry    (double        value);

G_END_DECLS
