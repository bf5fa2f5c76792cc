/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "hlh-report.h"

G_BEGIN_DECLS

typedef enum
{
  HLH_PAPER_A4,
  HLH_PAPER_LETTER,
} HlhPaper;

/* The margin the PDF leaves on every side, in points (2 cm). */
#define HLH_REPORT_PDF_MARGIN 56.7

typedef struct _HlhReportPages HlhReportPages;

gboolean        hlh_paper_lookup              (const char          *name,
                                               HlhPaper            *paper);
void            hlh_paper_get_size            (HlhPaper             paper,
                                               double              *width,
                                               double              *height);

HlhReportPages *hlh_report_pages_new          (const HlhCase       *c,
                                               const HlhAssessment *a,
                                               GDateTime           *when,
                                               const char          *label,
                                               const HlhTeaching   *teaching,
                                               PangoContext        *context,
                                               double               width,
                                               double               height);
guint           hlh_report_pages_get_n_pages  (HlhReportPages      *self);
void            hlh_report_pages_draw         (HlhReportPages      *self,
                                               cairo_t             *cr,
                                               guint                page);
void            hlh_report_pages_free         (HlhReportPages      *self);

gboolean        hlh_report_write_pdf          (const HlhCase       *c,
                                               const HlhAssessment *a,
                                               GDateTime           *when,
                                               const char          *label,
                                               const HlhTeaching   *teaching,
                                               HlhPaper             paper,
                                               const char          *path,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlhReportPages, hlh_report_pages_free)

G_END_DECLS
