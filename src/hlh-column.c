/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hlh-column.h"

/* A vertical box in a scrolled pane that draws only the children within sight.
 *
 * GTK 4.8 draws every widget of a scrolled pane at each frame, those scrolled out of view
 * too: the viewport only clips them (gskcairorenderer.c draws the whole tree of render
 * nodes, and GtkSnapshot keeps the children that lie outside a clip). The form and the
 * results are two or three screens long, so much of a frame's drawing was of text nobody
 * could see, at every keystroke.
 *
 * Here a child that lies wholly outside the part of the pane in view is left out of the
 * drawing; layout, focus and screen readers are those of a GtkBox. Outside a scrolled pane
 * it draws every child.
 *
 * GTK keeps a widget's drawing until the widget changes size or asks to be drawn again: a
 * scrolled pane only moves it, and a column inside another column is only moved when a
 * sibling above it grows or shrinks. So after each layout of the window the column compares
 * the part in view with the part it was drawn for, and is drawn again when they differ. */

/* Drawing reaches a little past a widget's box: focus rings, outlines, shadows. */
#define BLEED 24

struct _HlhColumn
{
  GtkBox          parent_instance;

  GdkFrameClock  *clock;           /* (nullable): watched for layouts while mapped */
  gulong          layout_handler;
  gboolean        culled;          /* the last drawing was limited to drawn_view */
  graphene_rect_t drawn_view;      /* the part in view it was for, in the column's space */
};

G_DEFINE_FINAL_TYPE (HlhColumn, hlh_column, GTK_TYPE_BOX)

/* The part of the pane in view, in the column's coordinates, widened by BLEED; FALSE outside
 * a scrolled pane. */
static gboolean
compute_view (HlhColumn       *self,
              graphene_rect_t *view)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);

  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, GTK_WIDGET (self), view))
    return FALSE;
  graphene_rect_inset (view, -BLEED, -BLEED);
  return TRUE;
}

static void
after_layout_cb (GdkFrameClock *clock,
                 HlhColumn     *self)
{
  graphene_rect_t view;
  gboolean culling = compute_view (self, &view);

  if (culling != self->culled || (culling && !graphene_rect_equal (&view, &self->drawn_view)))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unwatch_layouts (HlhColumn *self)
{
  g_clear_signal_handler (&self->layout_handler, self->clock);
  g_clear_object (&self->clock);
}

static void
hlh_column_map (GtkWidget *widget)
{
  HlhColumn *self = HLH_COLUMN (widget);

  GTK_WIDGET_CLASS (hlh_column_parent_class)->map (widget);
  unwatch_layouts (self);
  self->clock = gtk_widget_get_frame_clock (widget);
  if (self->clock == NULL)
    return;
  g_object_ref (self->clock);
  /* After GTK's own handler, which lays the window out. */
  self->layout_handler = g_signal_connect_after (self->clock, "layout",
                                                 G_CALLBACK (after_layout_cb), self);
}

static void
hlh_column_unmap (GtkWidget *widget)
{
  unwatch_layouts (HLH_COLUMN (widget));
  GTK_WIDGET_CLASS (hlh_column_parent_class)->unmap (widget);
}

static void
hlh_column_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  HlhColumn *self = HLH_COLUMN (widget);

  self->culled = compute_view (self, &self->drawn_view);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (self->culled && gtk_widget_compute_bounds (child, widget, &bounds) &&
          !graphene_rect_intersection (&self->drawn_view, &bounds, NULL))
        continue;
      gtk_widget_snapshot_child (widget, child, snapshot);
    }
}

static void
hlh_column_dispose (GObject *object)
{
  unwatch_layouts (HLH_COLUMN (object));

  G_OBJECT_CLASS (hlh_column_parent_class)->dispose (object);
}

static void
hlh_column_class_init (HlhColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_column_dispose;
  widget_class->map = hlh_column_map;
  widget_class->unmap = hlh_column_unmap;
  widget_class->snapshot = hlh_column_snapshot;
}

static void
hlh_column_init (HlhColumn *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
hlh_column_new (int spacing)
{
  return g_object_new (HLH_TYPE_COLUMN, "spacing", spacing, NULL);
}
