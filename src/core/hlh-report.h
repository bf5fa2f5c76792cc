/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-assess.h"

G_BEGIN_DECLS

char *hlh_report_text (const HlhCase       *c,
                       const HlhAssessment *a,
                       GDateTime           *when);

G_END_DECLS
