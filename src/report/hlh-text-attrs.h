/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

PangoAttrList *hlh_text_keep_together (const char *text);

G_END_DECLS
