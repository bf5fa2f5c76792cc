/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hlh-pane-layout.h"

/* The layout of the form and of the results, each the content of a scrolled pane: that of a
 * GtkBinLayout (each child takes the whole widget), but asked its height at no given width,
 * it answers its height at the width it has.
 *
 * GTK 4.8's GtkScrolledWindow asks its content's height at no given width each time the
 * window is measured (at start-up, and after every change of a label), and throws the answer
 * away unless it propagates the content's natural height, which these panes do not. For that
 * question GTK lays every wrapping label of the pane out again at its narrowest and at its
 * widest width. The height at the pane's own width is what the pane's next allocation asks
 * anyway, and GTK keeps it: so the question costs nothing more. Before the first allocation
 * (no width yet) the answer is the usual one. */

struct _HlhPaneLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (HlhPaneLayout, hlh_pane_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
hlh_pane_layout_get_request_mode (GtkLayoutManager *manager,
                                  GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hlh_pane_layout_measure (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         GtkOrientation    orientation,
                         int               for_size,
                         int              *minimum,
                         int              *natural,
                         int              *minimum_baseline,
                         int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    {
      int width = gtk_widget_get_width (widget);

      if (width > 0)
        for_size = width;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0, child_min_baseline = -1, child_nat_baseline = -1;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat,
                          &child_min_baseline, &child_nat_baseline);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
      if (child_min_baseline > -1)
        *minimum_baseline = MAX (*minimum_baseline, child_min_baseline);
      if (child_nat_baseline > -1)
        *natural_baseline = MAX (*natural_baseline, child_nat_baseline);
    }
}

static void
hlh_pane_layout_allocate (GtkLayoutManager *manager,
                          GtkWidget        *widget,
                          int               width,
                          int               height,
                          int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
hlh_pane_layout_class_init (HlhPaneLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = hlh_pane_layout_get_request_mode;
  layout_class->measure = hlh_pane_layout_measure;
  layout_class->allocate = hlh_pane_layout_allocate;
}

static void
hlh_pane_layout_init (HlhPaneLayout *self)
{
}

GtkLayoutManager *
hlh_pane_layout_new (void)
{
  return g_object_new (HLH_TYPE_PANE_LAYOUT, NULL);
}
