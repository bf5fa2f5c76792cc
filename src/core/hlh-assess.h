/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-cartox.h"
#include "hlh-hlh2004.h"
#include "hlh-hscore.h"
#include "hlh-iechs.h"
#include "hlh-mas2016.h"
#include "hlh-msscore.h"
#include "hlh-ohi.h"

G_BEGIN_DECLS

/**
 * HlhAssessment:
 *
 * Every criteria set evaluated on one case. Plain data, filled by hlh_assess() without
 * allocating; the texts that explain it are made on demand.
 */
typedef struct
{
  HlhHScore  hscore;
  HlhHlh2004 hlh2004;
  HlhMas2016 mas2016;
  HlhMsScore ms_score;
  HlhOhi     ohi;
  HlhCartox  cartox;
  HlhIechs   iechs;
} HlhAssessment;

/**
 * HlhNote:
 * @set: the criteria set it concerns ("hscore", "hlh2004", ...), or "case"
 * @id: the finding or check it concerns ("hemophagocytosis_marrow")
 * @text: the sentence for the user
 */
typedef struct
{
  const char *set;
  const char *id;
  char       *text;
} HlhNote;

void       hlh_assess                   (const HlhCase       *c,
                                         HlhAssessment       *result);
GPtrArray *hlh_assessment_dup_decisive  (const HlhAssessment *a,
                                         const HlhCase       *c);
GPtrArray *hlh_assessment_dup_warnings  (const HlhAssessment *a,
                                         const HlhCase       *c);

extern const char *hlh_disclaimer;

G_END_DECLS
