/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "hlh-hscore.h"

G_BEGIN_DECLS

/* The drawing's natural height, in the units of the cairo context it is drawn into. */
#define HLH_GAUGE_HEIGHT 92

/* A colour without GDK, so that hlh-score can draw the gauge too. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} HlhColor;

void   hlh_gauge_draw       (cairo_t                    *cr,
                             const HlhHScore            *hscore,
                             double                      width,
                             const HlhColor             *foreground,
                             const PangoFontDescription *font);
double hlh_gauge_score_to_x (double                      score,
                             double                      width);

G_END_DECLS
