/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hlh-error.h"

G_DEFINE_QUARK (hlh-error-quark, hlh_error)
