/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hlh-reflow-box.h"

/* A line of widgets that becomes a column when it does not fit.
 *
 * Side by side, as a horizontal box lays them out, while the width given holds every child at
 * its narrowest with the spacing between them: each then gets its narrowest width, the rest
 * goes towards their natural widths, and what is left to the children that expand. Children
 * whose valign is baseline share a baseline. Narrower than that, the children are one under
 * another, each as wide as the box (their halign places them). So the box is never wider than
 * its widest child at its narrowest: a score and its probability in the largest type, or a
 * finding and its row of answers, do not widen the window on a projector or in a long
 * translation; they take two lines instead. */

struct _HlhReflowBox
{
  GtkWidget parent_instance;

  int       column_spacing;
  int       row_spacing;
  gboolean  stacked;       /* as last allocated */
};

G_DEFINE_FINAL_TYPE (HlhReflowBox, hlh_reflow_box, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The children that take part in the layout, in order; @sizes gets one entry for each. */
static guint
collect_children (GtkWidget        *widget,
                  GtkRequestedSize *sizes,
                  guint             n_sizes)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        if (n < n_sizes)
          sizes[n].data = child;
        n++;
      }
  return n;
}

/* Widths of the @n children side by side in @width. Returns FALSE if they do not fit. */
static gboolean
line_widths (HlhReflowBox     *self,
             int               width,
             GtkRequestedSize *sizes,
             guint             n)
{
  int extra = width - (int) (n > 0 ? n - 1 : 0) * self->column_spacing;
  guint n_expand = 0;

  for (guint i = 0; i < n; i++)
    {
      gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      extra -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
    }
  if (extra < 0)
    return FALSE;
  extra = gtk_distribute_natural_allocation (extra, n, sizes);
  for (guint i = 0; i < n && n_expand > 0; i++)
    if (gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
      {
        int share = extra / (int) n_expand;

        sizes[i].minimum_size += share;
        extra -= share;
        n_expand--;
      }
  return TRUE;
}

/* Height of a line of children of the widths in @sizes (-1: none given); @above gets the
 * baseline's distance from the top, -1 when no child is aligned on it. */
static void
line_height (GtkRequestedSize *sizes,
             guint             n,
             gboolean          widths_given,
             int              *minimum,
             int              *natural,
             int              *above)
{
  int above_min = -1, below_min = -1, above_nat = -1, below_nat = -1;

  *minimum = *natural = 0;
  for (guint i = 0; i < n; i++)
    {
      int child_min, child_nat, child_min_base, child_nat_base;

      gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL,
                          widths_given ? sizes[i].minimum_size : -1,
                          &child_min, &child_nat, &child_min_base, &child_nat_base);
      if (gtk_widget_get_valign (sizes[i].data) == GTK_ALIGN_BASELINE && child_min_base >= 0)
        {
          above_min = MAX (above_min, child_min_base);
          below_min = MAX (below_min, child_min - child_min_base);
          above_nat = MAX (above_nat, child_nat_base);
          below_nat = MAX (below_nat, child_nat - child_nat_base);
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
  if (above_min >= 0)
    {
      *minimum = MAX (*minimum, above_min + below_min);
      *natural = MAX (*natural, above_nat + below_nat);
    }
  if (above != NULL)
    *above = above_min;
}

/* Height of the children one under another, @width wide. */
static void
column_height (HlhReflowBox     *self,
               GtkRequestedSize *sizes,
               guint             n,
               int               width,
               int              *minimum,
               int              *natural)
{
  *minimum = *natural = 0;
  for (guint i = 0; i < n; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL, width, &child_min,
                          &child_nat, NULL, NULL);
      *minimum += child_min + (i > 0 ? self->row_spacing : 0);
      *natural += child_nat + (i > 0 ? self->row_spacing : 0);
    }
}

static void
hlh_reflow_box_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HlhReflowBox *self = HLH_REFLOW_BOX (widget);
  guint n = collect_children (widget, NULL, 0);
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, MAX (n, 1));

  collect_children (widget, sizes, n);
  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < n; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_HORIZONTAL, -1, &child_min,
                              &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (i > 0 ? self->column_spacing : 0);
        }
    }
  else if (for_size < 0)
    line_height (sizes, n, FALSE, minimum, natural, NULL);
  else if (line_widths (self, for_size, sizes, n))
    line_height (sizes, n, TRUE, minimum, natural, NULL);
  else
    column_height (self, sizes, n, for_size, minimum, natural);
}

static GtkSizeRequestMode
hlh_reflow_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hlh_reflow_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  HlhReflowBox *self = HLH_REFLOW_BOX (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = collect_children (widget, NULL, 0);
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, MAX (n, 1));

  collect_children (widget, sizes, n);
  self->stacked = !line_widths (self, width, sizes, n);
  if (!self->stacked)
    {
      int line_min, line_nat, above, x = 0;

      line_height (sizes, n, TRUE, &line_min, &line_nat, &above);
      /* The children's shared baseline, the line centred in the height given. */
      if (above >= 0)
        above += MAX (0, height - line_min) / 2;
      for (guint i = 0; i < n; i++)
        {
          int child_width = sizes[i].minimum_size;
          GtkAllocation allocation = { rtl ? width - x - child_width : x, 0, child_width,
                                       height };

          gtk_widget_size_allocate (sizes[i].data, &allocation,
                                    gtk_widget_get_valign (sizes[i].data) == GTK_ALIGN_BASELINE
                                    ? above : -1);
          x += child_width + self->column_spacing;
        }
    }
  else
    {
      int column_min, column_nat, y = 0;
      gboolean natural;

      column_height (self, sizes, n, width, &column_min, &column_nat);
      natural = column_nat <= height;
      for (guint i = 0; i < n; i++)
        {
          int child_min, child_nat;
          GtkAllocation allocation;

          gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL, width, &child_min,
                              &child_nat, NULL, NULL);
          allocation = (GtkAllocation) { 0, y, width, natural ? child_nat : child_min };
          gtk_widget_size_allocate (sizes[i].data, &allocation, -1);
          y += allocation.height + self->row_spacing;
        }
    }
}

static void
hlh_reflow_box_compute_expand (GtkWidget *widget,
                               gboolean  *hexpand,
                               gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
hlh_reflow_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hlh_reflow_box_parent_class)->dispose (object);
}

static void
hlh_reflow_box_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HlhReflowBox *self = HLH_REFLOW_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_reflow_box_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HlhReflowBox *self = HLH_REFLOW_BOX (object);
  int *spacing;

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      spacing = &self->column_spacing;
      break;
    case PROP_ROW_SPACING:
      spacing = &self->row_spacing;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (*spacing == g_value_get_int (value))
    return;
  *spacing = g_value_get_int (value);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (object, pspec);
}

static void
hlh_reflow_box_class_init (HlhReflowBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_reflow_box_dispose;
  object_class->get_property = hlh_reflow_box_get_property;
  object_class->set_property = hlh_reflow_box_set_property;
  widget_class->measure = hlh_reflow_box_measure;
  widget_class->size_allocate = hlh_reflow_box_size_allocate;
  widget_class->get_request_mode = hlh_reflow_box_get_request_mode;
  widget_class->compute_expand = hlh_reflow_box_compute_expand;
  /* A layout, as GtkBox and GtkGrid are to screen readers. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hlh_reflow_box_init (HlhReflowBox *self)
{
}

GtkWidget *
hlh_reflow_box_new (void)
{
  return g_object_new (HLH_TYPE_REFLOW_BOX, NULL);
}

/**
 * hlh_reflow_box_append:
 *
 * Adds @child at the end of the line (below the others when stacked).
 */
void
hlh_reflow_box_append (HlhReflowBox *self,
                       GtkWidget    *child)
{
  g_return_if_fail (HLH_IS_REFLOW_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

/**
 * hlh_reflow_box_get_stacked:
 *
 * Returns: whether the last allocation put the children one under another
 */
gboolean
hlh_reflow_box_get_stacked (HlhReflowBox *self)
{
  g_return_val_if_fail (HLH_IS_REFLOW_BOX (self), FALSE);

  return self->stacked;
}
