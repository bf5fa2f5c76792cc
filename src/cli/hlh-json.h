/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-assess.h"

G_BEGIN_DECLS

/* Version of the JSON contract; bumped only for changes that are not backward compatible. */
#define HLH_JSON_FORMAT 1

char *hlh_json_assessment (const HlhCase       *c,
                           const HlhAssessment *a);

G_END_DECLS
