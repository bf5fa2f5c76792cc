/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HLH_ERROR (hlh_error_quark ())

/**
 * HlhError:
 * @HLH_ERROR_EMPTY: nothing was typed where a number was expected
 * @HLH_ERROR_SYNTAX: the text is not a number (letters, stray characters, signs)
 * @HLH_ERROR_AMBIGUOUS: a separator could be a thousands or a decimal mark
 * @HLH_ERROR_BOUND: a bound such as "<0.5" was typed instead of a value
 * @HLH_ERROR_TOO_LONG: the text is longer than any number we accept
 * @HLH_ERROR_RANGE: the value is outside the plausible range of the finding
 * @HLH_ERROR_UNIT: the unit is unknown or not allowed for the finding
 * @HLH_ERROR_FIELD: the finding's name is unknown
 * @HLH_ERROR_VALUE: a word the finding does not take (e.g. "maybe")
 * @HLH_ERROR_FORMAT: a file is not an HLH case file, or is damaged
 * @HLH_ERROR_NEWER_FORMAT: a case file written by a newer version
 * @HLH_ERROR_IO: reading or writing a file failed
 * @HLH_ERROR_CHANGED: the file was changed on disk since it was opened or saved
 *
 * Errors about user input and files. Each comes with a message meant for the user.
 */
typedef enum
{
  HLH_ERROR_EMPTY,
  HLH_ERROR_SYNTAX,
  HLH_ERROR_AMBIGUOUS,
  HLH_ERROR_BOUND,
  HLH_ERROR_TOO_LONG,
  HLH_ERROR_RANGE,
  HLH_ERROR_UNIT,
  HLH_ERROR_FIELD,
  HLH_ERROR_VALUE,
  HLH_ERROR_FORMAT,
  HLH_ERROR_NEWER_FORMAT,
  HLH_ERROR_IO,
  HLH_ERROR_CHANGED,
} HlhError;

GQuark hlh_error_quark (void);

G_END_DECLS
