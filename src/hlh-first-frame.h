/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*HlhFirstFrameFunc) (gpointer data);

/* A wait for the first frame drawn after a widget is shown; kept inside the widget that waits
 * (zero-filled, as GObject instances are). */
typedef struct
{
  GtkWidget         *widget;     /* (nullable) (unowned): waited for */
  GdkFrameClock     *clock;      /* (nullable): its clock, once it is shown */
  HlhFirstFrameFunc  func;
  gpointer           data;
} HlhFirstFrame;

void     hlh_first_frame_wait       (HlhFirstFrame     *wait,
                                     GtkWidget         *widget,
                                     HlhFirstFrameFunc  func,
                                     gpointer           data);
gboolean hlh_first_frame_is_waiting (const HlhFirstFrame *wait);
void     hlh_first_frame_cancel     (HlhFirstFrame     *wait);
void     hlh_first_frame_finish     (HlhFirstFrame     *wait);

G_END_DECLS
