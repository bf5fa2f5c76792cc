/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of hlh-score. */
enum
{
  HLH_EXIT_OK = 0,
  HLH_EXIT_REFUSED = 1,
  HLH_EXIT_USAGE = 2,
  HLH_EXIT_ROWS_FAILED = 3,
};

int hlh_cli_run (int    argc,
                 char **argv,
                 FILE  *out,
                 FILE  *err);

G_END_DECLS
