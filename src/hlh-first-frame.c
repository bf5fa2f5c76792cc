/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hlh-first-frame.h"

/* Work that is not needed to show a window (the form below the first screenful, the results
 * below the criteria) is left until the window's first frame has been drawn, so that the
 * window shows sooner.
 *
 * hlh_first_frame_wait() calls `func` once, after the first frame drawn once `widget` is
 * mapped: at the next frame of a widget already shown, or after the first frame of a window
 * about to be shown. The wait holds no reference to `widget`: whoever waits cancels it before
 * `widget` can go away (on unroot or dispose). */

static void
after_paint_cb (GdkFrameClock *clock,
                HlhFirstFrame *wait)
{
  hlh_first_frame_finish (wait);
}

static void
watch_clock (HlhFirstFrame *wait)
{
  wait->clock = g_object_ref (gtk_widget_get_frame_clock (wait->widget));
  g_signal_connect (wait->clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
}

static void
map_cb (GtkWidget     *widget,
        HlhFirstFrame *wait)
{
  g_signal_handlers_disconnect_by_data (widget, wait);
  watch_clock (wait);
}

/* Waits for the first frame drawn once `widget` is mapped, and then calls `func (data)`. A
 * wait already under way is given up for the new one. */
void
hlh_first_frame_wait (HlhFirstFrame     *wait,
                      GtkWidget         *widget,
                      HlhFirstFrameFunc  func,
                      gpointer           data)
{
  g_return_if_fail (wait != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  hlh_first_frame_cancel (wait);
  wait->widget = widget;
  wait->func = func;
  wait->data = data;
  if (gtk_widget_get_mapped (widget))
    watch_clock (wait);
  else
    g_signal_connect (widget, "map", G_CALLBACK (map_cb), wait);
}

gboolean
hlh_first_frame_is_waiting (const HlhFirstFrame *wait)
{
  return wait->widget != NULL;
}

/* Gives up the wait, if there is one: `func` is not called. */
void
hlh_first_frame_cancel (HlhFirstFrame *wait)
{
  if (wait->widget == NULL)
    return;
  /* By data, not by handler id: a window's clock drops its handlers when the window is
   * destroyed, which can come first. */
  if (wait->clock != NULL)
    g_signal_handlers_disconnect_by_data (wait->clock, wait);
  else
    g_signal_handlers_disconnect_by_data (wait->widget, wait);
  g_clear_object (&wait->clock);
  wait->widget = NULL;
  wait->func = NULL;
  wait->data = NULL;
}

/* Ends the wait, if there is one, and calls `func` now: for a widget that will not be shown
 * after all (unrooted, unmapped). */
void
hlh_first_frame_finish (HlhFirstFrame *wait)
{
  HlhFirstFrameFunc func = wait->func;
  gpointer data = wait->data;

  if (wait->widget == NULL)
    return;
  hlh_first_frame_cancel (wait);
  func (data);
}
