/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "hlh-case.h"

G_BEGIN_DECLS

/* A CSV record longer than this is refused as a row error, so memory stays bounded. */
#define HLH_CSV_MAX_RECORD (64 * 1024)
#define HLH_CSV_MAX_COLUMNS 256

gboolean hlh_csv_score (FILE     *in,
                        FILE     *out,
                        FILE     *err,
                        guint64  *n_rows,
                        guint64  *n_failed,
                        GError  **error);

G_END_DECLS
