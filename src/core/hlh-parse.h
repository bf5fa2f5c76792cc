/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest number text we read; anything longer is refused rather than guessed at. */
#define HLH_PARSE_MAX_LENGTH 64

gboolean hlh_parse_number         (const char  *text,
                                   double      *value,
                                   GError     **error);
gboolean hlh_parse_machine_number (const char  *text,
                                   gsize        length,
                                   double      *value,
                                   GError     **error);
gboolean hlh_is_space             (gunichar     c);

G_END_DECLS
