/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hlh-assess.h"

G_BEGIN_DECLS

#define HLH_TYPE_CASE_MODEL (hlh_case_model_get_type ())

G_DECLARE_FINAL_TYPE (HlhCaseModel, hlh_case_model, HLH, CASE_MODEL, GObject)

HlhCaseModel        *hlh_case_model_new               (void);
const HlhCase       *hlh_case_model_get_case          (HlhCaseModel      *self);
const HlhAssessment *hlh_case_model_get_assessment    (HlhCaseModel      *self);
guint                hlh_case_model_get_revision      (HlhCaseModel      *self);
guint                hlh_case_model_get_n_refused     (HlhCaseModel      *self);
const char          *hlh_case_model_get_refusal       (HlhCaseModel      *self,
                                                       HlhField           field);
char                *hlh_case_model_dup_refused_names (HlhCaseModel      *self);
gboolean             hlh_case_model_set_text          (HlhCaseModel      *self,
                                                       HlhField           field,
                                                       const char        *text,
                                                       HlhUnit            default_unit,
                                                       GError           **error);
void                 hlh_case_model_end_editing       (HlhCaseModel      *self);
void                 hlh_case_model_set_choice        (HlhCaseModel      *self,
                                                       HlhField           field,
                                                       int                choice);
void                 hlh_case_model_set_unknown       (HlhCaseModel      *self,
                                                       HlhField           field);
void                 hlh_case_model_set_trigger       (HlhCaseModel      *self,
                                                       HlhTrigger         trigger,
                                                       gboolean           present);
void                 hlh_case_model_replace           (HlhCaseModel      *self,
                                                       const HlhCase     *c);
void                 hlh_case_model_reset             (HlhCaseModel      *self);
void                 hlh_case_model_load              (HlhCaseModel      *self,
                                                       const HlhCase     *c,
                                                       const HlhTeaching *teaching);
void                 hlh_case_model_mark_saved        (HlhCaseModel      *self);
gboolean             hlh_case_model_get_modified      (HlhCaseModel      *self);
const HlhTeaching   *hlh_case_model_get_teaching      (HlhCaseModel      *self);

G_END_DECLS
