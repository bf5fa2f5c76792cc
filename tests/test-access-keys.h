/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Adds the access keys (Alt+letter) of @widget and what it holds, as far as they are shown,
 * to @keys (lower-case keyval → the label's text), and fails on a key that two labels share:
 * GTK then only moves the focus between them, and the key no longer leads where its label
 * says. A menu's own access keys work only inside it and are left out. */
static inline void
test_collect_access_keys (GtkWidget  *widget,
                          GHashTable *keys)
{
  if (GTK_IS_POPOVER (widget) || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *other = g_hash_table_lookup (keys, GUINT_TO_POINTER (key));

      if (other != NULL)
        g_error ("Alt+%s goes to “%s” and to “%s”", gdk_keyval_name (key), other, text);
      g_hash_table_insert (keys, GUINT_TO_POINTER (key), (gpointer) text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_collect_access_keys (child, keys);
}
