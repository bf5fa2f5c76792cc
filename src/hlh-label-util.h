/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_label_set_text() and gtk_label_set_markup() lay the text out again and resize the
 * label even when nothing changed; the results are rewritten on every keystroke, and most
 * of their labels stay as they were. Like those two, they leave no mnemonic behind. */

static inline void
hlh_label_set_text (GtkLabel   *label,
                    const char *text)
{
  if (text == NULL)
    text = "";
  if (gtk_label_get_use_markup (label) || gtk_label_get_use_underline (label) ||
      g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_text (label, text);
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
