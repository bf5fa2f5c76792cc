/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-text-attrs.h"

G_BEGIN_DECLS

/* gtk_label_set_text() and gtk_label_set_markup() lay the text out again and resize the
 * label even when nothing changed; the results are rewritten on every keystroke, and most
 * of their labels stay as they were. Like those two, they leave no mnemonic behind.
 * hlh_label_set_text() also keeps each value with its unit on one line of a wrapping label
 * (hlh_text_keep_together()). */

static inline void
hlh_label_set_text (GtkLabel   *label,
                    const char *text)
{
  PangoAttrList *attrs;

  if (text == NULL)
    text = "";
  if (!gtk_label_get_use_markup (label) && !gtk_label_get_use_underline (label) &&
      g_strcmp0 (gtk_label_get_label (label), text) == 0)
    return;
  /* Only a label that wraps has lines to keep values in. */
  attrs = gtk_label_get_wrap (label) ? hlh_text_keep_together (text) : NULL;
  gtk_label_set_text (label, text);
  if (attrs != NULL || gtk_label_get_attributes (label) != NULL)
    gtk_label_set_attributes (label, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

static inline void
hlh_label_set_markup (GtkLabel   *label,
                      const char *markup)
{
  if (markup == NULL)
    markup = "";
  if (!gtk_label_get_use_markup (label) || gtk_label_get_use_underline (label) ||
      g_strcmp0 (gtk_label_get_label (label), markup) != 0)
    gtk_label_set_markup (label, markup);
}

G_END_DECLS
