/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HlhQuantity:
 *
 * What a numeric finding measures. Each quantity has one canonical unit (the HScore's
 * native unit, clinical-spec section 9) into which every accepted unit converts.
 */
typedef enum
{
  HLH_QUANTITY_TEMPERATURE,   /* °C */
  HLH_QUANTITY_HEMOGLOBIN,    /* g/dL */
  HLH_QUANTITY_CELL_COUNT,    /* ×10⁹/L */
  HLH_QUANTITY_FERRITIN,      /* ng/mL */
  HLH_QUANTITY_TRIGLYCERIDES, /* mmol/L */
  HLH_QUANTITY_FIBRINOGEN,    /* g/L */
  HLH_QUANTITY_ENZYME,        /* U/L */
  HLH_QUANTITY_SCD25,         /* U/mL */
  HLH_QUANTITY_AGE,           /* years */
  HLH_N_QUANTITIES
} HlhQuantity;

typedef enum
{
  HLH_UNIT_CELSIUS,
  HLH_UNIT_FAHRENHEIT,
  HLH_UNIT_HB_G_DL,
  HLH_UNIT_HB_G_L,
  HLH_UNIT_HB_MMOL_L,
  HLH_UNIT_CELLS_E9_L,
  HLH_UNIT_CELLS_E3_UL,
  HLH_UNIT_CELLS_PER_UL,
  HLH_UNIT_FERRITIN_NG_ML,
  HLH_UNIT_FERRITIN_UG_L,
  HLH_UNIT_FERRITIN_PMOL_L,
  HLH_UNIT_TG_MMOL_L,
  HLH_UNIT_TG_MG_DL,
  HLH_UNIT_FIB_G_L,
  HLH_UNIT_FIB_MG_DL,
  HLH_UNIT_ENZYME_U_L,
  HLH_UNIT_ENZYME_IU_L,
  HLH_UNIT_ENZYME_UKAT_L,
  HLH_UNIT_SCD25_U_ML,
  HLH_UNIT_AGE_YEARS,
  HLH_UNIT_AGE_MONTHS,
  HLH_UNIT_AGE_WEEKS,
  HLH_UNIT_AGE_DAYS,
  HLH_N_UNITS
} HlhUnit;

/**
 * HlhUnitInfo:
 * @symbol: how the unit is shown ("×10⁹/L")
 * @spellings: the spellings accepted on input, case-insensitive, %NULL-terminated
 *
 * A unit converts to its quantity's canonical unit as
 * canonical = (value + @offset) × @multiply / @divide; the factors are those of
 * clinical-spec section 9, kept as written there so no rounding creeps in.
 */
typedef struct
{
  HlhUnit      unit;
  HlhQuantity  quantity;
  const char  *symbol;
  const char  *spellings[8];
  double       offset;
  double       multiply;
  double       divide;
} HlhUnitInfo;

const HlhUnitInfo *hlh_unit_get_info          (HlhUnit      unit);
const char        *hlh_unit_get_symbol        (HlhUnit      unit);
const char        *hlh_unit_get_label         (HlhUnit      unit);
HlhQuantity        hlh_unit_get_quantity      (HlhUnit      unit);
HlhUnit            hlh_quantity_get_canonical (HlhQuantity  quantity);
gboolean           hlh_unit_lookup            (HlhQuantity  quantity,
                                               const char  *spelling,
                                               gsize        length,
                                               HlhUnit     *unit);
gboolean           hlh_unit_is_spelling       (const char  *spelling,
                                               gsize        length);
double             hlh_unit_convert           (double       value,
                                               HlhUnit      from,
                                               HlhUnit      to);
char              *hlh_quantity_dup_spellings (HlhQuantity  quantity);
char              *hlh_format_number          (double       value);
char              *hlh_format_number_decimals (double       value,
                                               guint        decimals);
char              *hlh_format_number_ascii    (double       value,
                                               guint        decimals);
char              *hlh_format_fixed           (double       value,
                                               guint        decimals);
char              *hlh_localize_decimal       (char        *ascii);
gboolean           hlh_locale_prefers_conventional_units (const char *locale);

G_END_DECLS
