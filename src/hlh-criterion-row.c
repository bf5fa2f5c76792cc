/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hlh-criterion-row.h"
#include "hlh-label-util.h"

/* One criterion or score item: an icon, a word and the value that decided it, never colour
 * alone. Opened, it shows the rule, the threshold, the points and the reference; that text is
 * made into a widget only when first opened, as most rows are never opened. */

struct _HlhCriterionRow
{
  GtkWidget    parent_instance;

  GtkWidget   *root;
  GtkToggleButton *toggle;
  GtkImage    *arrow;
  GtkWidget   *detail_label;
  GtkImage    *icon;
  GtkLabel    *word;
  GtkLabel    *text;

  char        *title;
  char        *basis;
  char        *detail;
  HlhState     state;
};

G_DEFINE_FINAL_TYPE (HlhCriterionRow, hlh_criterion_row, GTK_TYPE_WIDGET)

const char *
hlh_state_icon_name (HlhState state)
{
  switch (state)
    {
    case HLH_STATE_MET:
      return "hlh-met-symbolic";
    case HLH_STATE_NOT_MET:
      return "hlh-not-met-symbolic";
    case HLH_STATE_UNKNOWN:
    default:
      return "hlh-unknown-symbolic";
    }
}

const char *
hlh_state_word (HlhState state)
{
  switch (state)
    {
    case HLH_STATE_MET:
      /* Translators: a criterion's state */
      return _("Met");
    case HLH_STATE_NOT_MET:
      /* Translators: a criterion's state */
      return _("Not met");
    case HLH_STATE_UNKNOWN:
    default:
      /* Translators: a criterion's state */
      return _("Unknown");
    }
}

/* The title and, smaller and dimmer beneath it, what decided it: one label, as a window
 * holds dozens of these rows and each label costs a text layout. It wraps between values,
 * each value kept with its unit and its comparison ("> 9.2 g/dL", "6.8 ×10⁹/L"). */
static void
show_text (HlhCriterionRow *self)
{
  g_autofree char *markup = NULL;
  PangoAttrList *attrs;

  if (self->basis == NULL || *self->basis == '\0')
    markup = g_markup_escape_text (self->title != NULL ? self->title : "", -1);
  else
    markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"65%%\">%s</span>",
                                      self->title != NULL ? self->title : "", self->basis);
  if (g_strcmp0 (gtk_label_get_label (self->text), markup) == 0)
    return;
  hlh_label_set_markup (self->text, markup);
  /* Merged with the markup's own attributes. */
  attrs = hlh_text_keep_together (gtk_label_get_text (self->text));
  if (attrs != NULL || gtk_label_get_attributes (self->text) != NULL)
    gtk_label_set_attributes (self->text, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

static void
update_accessible_label (HlhCriterionRow *self)
{
  g_autofree char *text = g_strdup_printf ("%s: %s. %s", self->title,
                                           gtk_label_get_text (self->word), self->basis);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->detail != NULL ? self->detail : "",
                                  -1);
}

static void
toggled_cb (HlhCriterionRow *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->toggle);

  gtk_image_set_from_icon_name (self->arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->toggle),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  if (expanded && self->detail_label == NULL)
    {
      self->detail_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->detail_label), 0);
      gtk_label_set_wrap (GTK_LABEL (self->detail_label), TRUE);
      hlh_label_set_text (GTK_LABEL (self->detail_label), self->detail);
      gtk_label_set_selectable (GTK_LABEL (self->detail_label), TRUE);
      gtk_widget_set_margin_start (self->detail_label, 34);
      gtk_widget_set_margin_top (self->detail_label, 2);
      gtk_widget_set_margin_bottom (self->detail_label, 8);
      gtk_widget_add_css_class (self->detail_label, "hlh-detail");
      gtk_box_append (GTK_BOX (self->root), self->detail_label);
    }
  if (self->detail_label != NULL)
    gtk_widget_set_visible (self->detail_label, expanded);
}

static void
hlh_criterion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HLH_TYPE_CRITERION_ROW);

  G_OBJECT_CLASS (hlh_criterion_row_parent_class)->dispose (object);
}

static void
hlh_criterion_row_finalize (GObject *object)
{
  HlhCriterionRow *self = HLH_CRITERION_ROW (object);

  g_free (self->detail);
  g_free (self->title);
  g_free (self->basis);

  G_OBJECT_CLASS (hlh_criterion_row_parent_class)->finalize (object);
}

static void
hlh_criterion_row_class_init (HlhCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_criterion_row_dispose;
  object_class->finalize = hlh_criterion_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhCriterionRow, root);
  gtk_widget_class_bind_template_child (widget_class, HlhCriterionRow, toggle);
  gtk_widget_class_bind_template_child (widget_class, HlhCriterionRow, arrow);
  gtk_widget_class_bind_template_child (widget_class, HlhCriterionRow, icon);
  gtk_widget_class_bind_template_child (widget_class, HlhCriterionRow, word);
  gtk_widget_class_bind_template_child (widget_class, HlhCriterionRow, text);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hlhcriterionrow");
  /* A row, not a control: nothing for a screen reader to name (GTK 4.8 would read its type). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hlh_criterion_row_init (HlhCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = HLH_STATE_NOT_MET;
  hlh_criterion_row_update (self, HLH_STATE_UNKNOWN, hlh_state_word (HLH_STATE_UNKNOWN), "");
}

/**
 * hlh_criterion_row_new:
 * @title: the criterion as the source names it
 * @detail: its rule, threshold, points and reference, shown when the row is opened
 */
GtkWidget *
hlh_criterion_row_new (const char *title,
                       const char *detail)
{
  HlhCriterionRow *self = g_object_new (HLH_TYPE_CRITERION_ROW, NULL);

  self->title = g_strdup (title);
  show_text (self);
  self->detail = g_strdup (detail);
  update_accessible_label (self);
  return GTK_WIDGET (self);
}

/**
 * hlh_criterion_row_update:
 * @word: the state in a word, or the points ("Met", "+33")
 * @basis: the value that decided it, or what it still needs
 */
void
hlh_criterion_row_update (HlhCriterionRow *self,
                          HlhState         state,
                          const char      *word,
                          const char      *basis)
{
  static const char *classes[] = { "hlh-unknown", "hlh-not-met", "hlh-met" };

  g_return_if_fail (HLH_IS_CRITERION_ROW (self));

  if (state != self->state)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), classes[self->state]);
      gtk_widget_add_css_class (GTK_WIDGET (self), classes[state]);
      gtk_image_set_from_icon_name (self->icon, hlh_state_icon_name (state));
      self->state = state;
    }
  if (g_strcmp0 (gtk_label_get_text (self->word), word) == 0 &&
      g_strcmp0 (self->basis, basis) == 0)
    return;
  if (g_strcmp0 (gtk_label_get_text (self->word), word) != 0)
    hlh_label_set_text (self->word, word);
  g_free (self->basis);
  self->basis = g_strdup (basis != NULL ? basis : "");
  show_text (self);
  update_accessible_label (self);
}

HlhState
hlh_criterion_row_get_state (HlhCriterionRow *self)
{
  g_return_val_if_fail (HLH_IS_CRITERION_ROW (self), HLH_STATE_UNKNOWN);
  return self->state;
}

const char *
hlh_criterion_row_get_word (HlhCriterionRow *self)
{
  g_return_val_if_fail (HLH_IS_CRITERION_ROW (self), NULL);
  return gtk_label_get_text (self->word);
}

const char *
hlh_criterion_row_get_basis (HlhCriterionRow *self)
{
  g_return_val_if_fail (HLH_IS_CRITERION_ROW (self), NULL);
  return self->basis;
}

const char *
hlh_criterion_row_get_detail (HlhCriterionRow *self)
{
  g_return_val_if_fail (HLH_IS_CRITERION_ROW (self), NULL);
  return self->detail;
}

gboolean
hlh_criterion_row_get_expanded (HlhCriterionRow *self)
{
  g_return_val_if_fail (HLH_IS_CRITERION_ROW (self), FALSE);
  return gtk_toggle_button_get_active (self->toggle);
}

void
hlh_criterion_row_set_expanded (HlhCriterionRow *self,
                                gboolean         expanded)
{
  g_return_if_fail (HLH_IS_CRITERION_ROW (self));
  gtk_toggle_button_set_active (self->toggle, expanded);
}
