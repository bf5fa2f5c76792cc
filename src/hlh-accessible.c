/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hlh-accessible.h"

/* What a screen reader says for a widget is its accessible name. GTK 4.8 (gtkatcontext.c)
 * makes it of the widget's label property followed by the names of every widget that labels
 * it, which a label with an access key does for its mnemonic widget: a field labelled "Age,
 * years" by hand and "Age" by its row's label is read "Age, years Age". A widget nothing
 * names is read by its type name: "GtkExpander", "GtkImage". These set one name, once. */

/**
 * hlh_accessible_set_label:
 * @widget: a widget
 * @label: its name for screen readers
 *
 * Names @widget @label, and only that: the labels that also label it (its access key's) are
 * no longer read after it.
 */
void
hlh_accessible_set_label (GtkWidget  *widget,
                          const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * hlh_accessible_label_by:
 * @widget: a widget
 * @label: the widget that shows its name, a #GtkLabel
 *
 * Names @widget by the text @label shows, which follows the label as it changes.
 */
void
hlh_accessible_label_by (GtkWidget *widget,
                         GtkWidget *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WIDGET (label));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
}

/**
 * hlh_accessible_name_by_content:
 * @button: a button whose label has an access key ("_Save")
 *
 * GTK 4.8 names such a button by its label as written, underscore and all, followed by the
 * label's text: "_Save Save". This names it by the text alone.
 */
void
hlh_accessible_name_by_content (GtkButton *button)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BUTTON (button));

  child = gtk_button_get_child (button);
  if (GTK_IS_LABEL (child))
    hlh_accessible_label_by (GTK_WIDGET (button), child);
}
