/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-assess.h"

G_BEGIN_DECLS

/* Longest free-text label kept, in characters. */
#define HLH_REPORT_LABEL_MAX 80

char *hlh_report_text        (const HlhCase       *c,
                              const HlhAssessment *a,
                              GDateTime           *when,
                              const char          *label,
                              const HlhTeaching   *teaching);
char *hlh_report_clean_label (const char          *label);

/**
 * HlhReportStyle:
 * @HLH_REPORT_TITLE: the first line: what, when, which version
 * @HLH_REPORT_PARAGRAPH: a line of the opening block (label, teaching case, disclaimer)
 * @HLH_REPORT_HEADING: a section's heading
 * @HLH_REPORT_LINE: a line of a section
 * @HLH_REPORT_ITEM: an item under a line (an HScore item, a criterion)
 * @HLH_REPORT_BULLET: a point of a list
 * @HLH_REPORT_TEXT_LINE: a line of the opening block set apart (the teaching narrative)
 *
 * The text report's structure, which its indentation carries: the PDF and the printout lay
 * out the same lines with type instead of spaces.
 */
typedef enum
{
  HLH_REPORT_TITLE,
  HLH_REPORT_PARAGRAPH,
  HLH_REPORT_HEADING,
  HLH_REPORT_LINE,
  HLH_REPORT_ITEM,
  HLH_REPORT_BULLET,
  HLH_REPORT_TEXT_LINE,
} HlhReportStyle;

typedef struct
{
  HlhReportStyle  style;
  char           *text;
} HlhReportLine;

GPtrArray *hlh_report_split (const char *text);

G_END_DECLS
