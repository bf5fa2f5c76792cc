#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential test: a second, independent reading of clinical-spec sections 1-5 and 9,
written in Python with exact rational arithmetic, scores thousands of random cases (values
clustered on the thresholds, in random units, with random unknowns); hlh-score --csv must
agree on every row. TAP output.

Nothing here is taken from the C code: thresholds, points and factors are copied from
clinical-spec.md."""

import csv
import io
import random
import subprocess
import sys
from fractions import Fraction as F

HLH_SCORE = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
rng = random.Random(20141001)

# clinical-spec 9: factor to native (canonical) unit, as value -> canonical.
UNITS = {
    "temperature": {"°C": lambda v: v, "°F": lambda v: (v - 32) * F(5, 9)},
    "hemoglobin": {"g/dL": lambda v: v, "g/L": lambda v: v / 10, "mmol/L": lambda v: v / F("0.6206")},
    "cells": {"10^9/L": lambda v: v, "10^3/uL": lambda v: v, "/uL": lambda v: v / 1000},
    "ferritin": {"ng/mL": lambda v: v, "ug/L": lambda v: v, "pmol/L": lambda v: v / F("2.247")},
    "triglycerides": {"mmol/L": lambda v: v, "mg/dL": lambda v: v / F("88.57")},
    "fibrinogen": {"g/L": lambda v: v, "mg/dL": lambda v: v / 100},
    "enzyme": {"U/L": lambda v: v, "ukat/L": lambda v: v * 60},
    "scd25": {"U/mL": lambda v: v},
    "age": {"years": lambda v: v, "months": lambda v: v / 12, "weeks": lambda v: v * 7 / F("365.25"),
            "days": lambda v: v / F("365.25")},
}
# The inverse, to write a canonical value in a unit (then rounded: the oracle uses what is typed).
INVERSE = {
    "°F": lambda c: c * F(9, 5) + 32, "g/L": lambda c: c * 10, "mmol/L@hb": lambda c: c * F("0.6206"),
    "/uL": lambda c: c * 1000, "pmol/L": lambda c: c * F("2.247"), "mg/dL@tg": lambda c: c * F("88.57"),
    "mg/dL@fib": lambda c: c * 100, "ukat/L": lambda c: c / 60, "months": lambda c: c * 12,
    "weeks": lambda c: c * F("365.25") / 7, "days": lambda c: c * F("365.25"),
}

NUMERIC = {  # field: (quantity, thresholds to cluster on (canonical), plausible range)
    "age": ("age", [F(4 * 7) / F("365.25"), F(16), F(30)], (0, 120)),
    "temperature": ("temperature", [F("38.0"), F("38.4"), F("38.5"), F("39.4")], (25, 45)),
    "hemoglobin": ("hemoglobin", [F("9.0"), F("9.2"), F("10.0")], (1, 25)),
    "leukocytes": ("cells", [F("5.0")], (0, 500)),
    "neutrophils": ("cells", [F("1.0")], (0, 500)),
    "platelets": ("cells", [F(100), F(110), F(181)], (0, 3000)),
    "ferritin": ("ferritin", [F(500), F(684), F(1000), F(2000), F(6000)], (0, 1000000)),
    "triglycerides": ("triglycerides", [F("1.5"), F("3.0"), F("4.0"), F(156) / F("88.57")], (0, 100)),
    "fibrinogen": ("fibrinogen", [F("1.5"), F("2.5"), F("3.6")], (0, 20)),
    "ast": ("enzyme", [F(30), F(48)], (0, 100000)),
    "ldh": ("enzyme", [F(300), F(900)], (0, 100000)),
    "scd25": ("scd25", [F(2400), F(3900)], (0, 1000000)),
}
YESNO = ["hepatomegaly", "splenomegaly", "immunosuppression", "hemophagocytosis_marrow",
         "hemophagocytosis_other", "molecular_diagnosis", "sjia", "cns_involvement", "hemorrhage",
         "active_arthritis"]
TRIGGERS = ["hiv", "long_term_immunosuppression", "sjia", "ebv", "t_nk_lymphoma"]


def unit_key(field, unit):
    if unit == "mmol/L" and field == "hemoglobin":
        return "mmol/L@hb"
    if unit == "mg/dL":
        return "mg/dL@tg" if field == "triglycerides" else "mg/dL@fib"
    return unit


def make_number(field):
    quantity, thresholds, (lo, hi) = NUMERIC[field]
    t = rng.choice(thresholds)
    r = rng.random()
    if r < 0.35:
        canonical = t
    elif r < 0.8:
        canonical = t + F(rng.choice([-1, 1]) * rng.choice([1, 2, 5, 10, 50, 100]), 1000) * max(1, t)
    else:
        canonical = F(rng.uniform(lo, min(hi, float(t) * 3 + 1))).limit_denominator(1000)
    canonical = min(max(canonical, F(lo) + (1 if lo > 0 else 0)), F(hi) - 1)
    unit = rng.choice(list(UNITS[quantity]))
    value = INVERSE[unit_key(field, unit)](canonical) if unit_key(field, unit) in INVERSE else canonical
    decimals = rng.choice([0, 1, 2, 3, 4])
    text = f"{float(value):.{decimals}f}"
    typed = F(text)
    if typed < 0:
        typed, text = F(0), "0"
    canon = UNITS[quantity][unit](typed)
    if not (lo <= canon <= hi):
        return None
    return text, unit, canon


def make_case():
    case = {"canon": {}, "yes": {}, "triggers": set(), "cells": {}}
    for field in NUMERIC:
        if rng.random() < 0.25:
            continue
        made = make_number(field)
        if made is None:
            continue
        text, unit, canon = made
        case["canon"][field] = canon
        case["cells"][field] = f"{text} {unit}"
    for field in YESNO:
        if rng.random() < 0.3:
            continue
        answer = rng.random() < 0.5
        case["yes"][field] = answer
        case["cells"][field] = "yes" if answer else "no"
    if rng.random() < 0.3:
        case["nk"] = rng.random() < 0.5
        case["cells"]["nk_activity"] = "low" if case["nk"] else "normal"
    for t in TRIGGERS:
        if rng.random() < 0.08:
            case["triggers"].add(t)
    case["cells"]["triggers"] = ",".join(sorted(case["triggers"]))
    return case


def answer(case, field):
    """The effective yes/no (clinical-spec 7), None when unknown."""
    if field == "immunosuppression" and case["triggers"] & {"hiv", "long_term_immunosuppression"}:
        return True
    if field == "sjia" and "sjia" in case["triggers"]:
        return True
    return case["yes"].get(field)


def num(case, field):
    return case["canon"].get(field)


def cond(value, test):
    return None if value is None else test(value)


def count_range(states):
    met = sum(1 for s in states if s is True)
    unknown = sum(1 for s in states if s is None)
    return met, met + unknown


def hscore(case):
    """clinical-spec 1: (min, max)."""
    items = []
    items.append(([cond(answer(case, "immunosuppression"), lambda v: v)], [0, 18]))
    t = num(case, "temperature")
    items.append(([cond(t, lambda v: v >= F("38.4")), cond(t, lambda v: v > F("39.4"))], [0, 33, 49]))
    items.append(([answer(case, "hepatomegaly"), answer(case, "splenomegaly")], [0, 23, 38]))
    items.append(([cond(num(case, "hemoglobin"), lambda v: v <= F("9.2")),
                   cond(num(case, "leukocytes"), lambda v: v <= 5),
                   cond(num(case, "platelets"), lambda v: v <= 110)], [0, 0, 24, 34]))
    f = num(case, "ferritin")
    items.append(([cond(f, lambda v: v >= 2000), cond(f, lambda v: v > 6000)], [0, 35, 50]))
    tg = num(case, "triglycerides")
    items.append(([cond(tg, lambda v: v >= F("1.5")), cond(tg, lambda v: v > 4)], [0, 44, 64]))
    items.append(([cond(num(case, "fibrinogen"), lambda v: v <= F("2.5"))], [0, 30]))
    items.append(([cond(num(case, "ast"), lambda v: v >= 30)], [0, 19]))
    items.append(([answer(case, "hemophagocytosis_marrow")], [0, 35]))
    lo = hi = 0
    for states, points in items:
        a, b = count_range(states)
        lo += points[a]
        hi += points[b]
    return lo, hi


TABLE = [(90, 1), (100, 1), (110, 3), (120, 5), (130, 9), (140, 16), (150, 25), (160, 40),
         (170, 54), (180, 70), (190, 80), (200, 88), (210, 93), (220, 96), (230, 98), (240, 99),
         (250, 99)]


def probability(score):
    if score <= 90:
        return F(1)
    if score >= 250:
        return F(99)
    for (x0, y0), (x1, y1) in zip(TABLE, TABLE[1:]):
        if x0 <= score <= x1:
            return y0 + F(y1 - y0) * (score - x0) / (x1 - x0)


def any_of(states):
    if any(s is True for s in states):
        return True
    if all(s is False for s in states):
        return False
    return None


def at_least(states, k):
    a, b = count_range(states)
    return True if a >= k else False if b < k else None


def hlh2004(case):
    """clinical-spec 2: (met, unknown, status)."""
    t = num(case, "temperature")
    hb = num(case, "hemoglobin")
    age = num(case, "age")
    if hb is None:
        hb_low = None
    elif hb < 9:                        # < 90 g/L
        hb_low = True
    elif hb >= 10:                      # >= 100 g/L
        hb_low = False
    elif age is None:
        hb_low = None
    else:
        hb_low = age * F("365.25") / 7 < 4   # infant under 4 weeks
    criteria = [
        cond(t, lambda v: v >= F("38.5")),
        answer(case, "splenomegaly"),
        at_least([hb_low, cond(num(case, "platelets"), lambda v: v < 100),
                  cond(num(case, "neutrophils"), lambda v: v < 1)], 2),
        any_of([cond(num(case, "triglycerides"), lambda v: v >= 3),
                cond(num(case, "fibrinogen"), lambda v: v <= F("1.5"))]),
        any_of([answer(case, "hemophagocytosis_marrow"), answer(case, "hemophagocytosis_other")]),
        case.get("nk"),
        cond(num(case, "ferritin"), lambda v: v >= 500),
        cond(num(case, "scd25"), lambda v: v >= 2400),
    ]
    met, possible = count_range(criteria)
    unknown = possible - met
    if answer(case, "molecular_diagnosis") is True or met >= 5:
        status = "fulfilled"
    elif possible < 5:
        status = "not_fulfilled"
    else:
        status = "undetermined"
    return met, unknown, status


def mas2016(case):
    """clinical-spec 3."""
    t = num(case, "temperature")
    if answer(case, "sjia") is not True or (t is not None and t < 38):
        return "not_applicable"
    ferritin = cond(num(case, "ferritin"), lambda v: v > 684)
    labs = [cond(num(case, "platelets"), lambda v: v <= 181),
            cond(num(case, "ast"), lambda v: v > 48),
            cond(num(case, "triglycerides"), lambda v: v * F("88.57") > 156),
            cond(num(case, "fibrinogen"), lambda v: v * 100 <= 360)]
    labs_state = at_least(labs, 2)
    if ferritin is False or labs_state is False:
        return "not_fulfilled"
    if ferritin is True and labs_state is True and t is not None:
        return "fulfilled"
    return "undetermined"


def ms_score(case):
    """clinical-spec 4: the value, or None."""
    inputs = [answer(case, "cns_involvement"), answer(case, "hemorrhage"),
              answer(case, "active_arthritis"), num(case, "platelets"), num(case, "ldh"),
              num(case, "fibrinogen"), num(case, "ferritin")]
    if any(v is None for v in inputs):
        return None
    cns, hem, arth, plt, ldh, fib, fer = inputs
    return (F("2.44") * cns + F("1.54") * hem - F("1.30") * arth - F("0.003") * plt
            + F("0.001") * ldh - F("0.004") * fib * 100 + F("0.0001") * fer)


def ohi(case):
    """clinical-spec 5."""
    s = cond(num(case, "scd25"), lambda v: v > 3900)
    f = cond(num(case, "ferritin"), lambda v: v > 1000)
    if s is False or f is False:
        return "negative"
    if s is True and f is True:
        return "positive"
    return "undetermined"


columns = list(NUMERIC) + YESNO + ["nk_activity", "triggers"]
cases = [make_case() for _ in range(N)]
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(["id"] + columns)
for i, case in enumerate(cases):
    w.writerow([f"c{i}"] + [case["cells"].get(c, "") for c in columns])
p = subprocess.run([HLH_SCORE, "--csv", "-"], input=buf.getvalue(), capture_output=True,
                   text=True, timeout=300)

failures = []
rows = list(csv.DictReader(io.StringIO(p.stdout)))
if p.returncode != 0 or len(rows) != N:
    failures.append(f"hlh-score exited {p.returncode} with {len(rows)} rows: {p.stderr[:500]}")
for i, (case, row) in enumerate(zip(cases, rows)):
    lo, hi = hscore(case)
    met, unknown, status = hlh2004(case)
    ms = ms_score(case)
    expected = {
        "hscore_min": str(lo), "hscore_max": str(hi),
        "hscore_probability_min": f"{float(probability(lo)):.1f}",
        "hscore_probability_max": f"{float(probability(hi)):.1f}",
        "hlh2004_met": str(met), "hlh2004_unknown": str(unknown), "hlh2004_status": status,
        "mas2016_status": mas2016(case), "ohi_status": ohi(case), "error": "",
    }
    for key, value in expected.items():
        if row[key] != value:
            failures.append(f"row {i} {key}: expected {value}, got {row[key]}; "
                            f"cells {case['cells']}")
    if ms is None:
        if row["ms_score"] != "":
            failures.append(f"row {i} ms_score: expected none, got {row['ms_score']}")
    elif abs(F(row["ms_score"]) - ms) > F("0.00005"):
        failures.append(f"row {i} ms_score: expected {float(ms):.4f}, got {row['ms_score']}")

print("1..1")
if failures:
    print(f"not ok 1 oracle agrees on {N} random cases ({len(failures)} disagreements)")
    for f in failures[:30]:
        print(f"# {f}")
    sys.exit(1)
print(f"ok 1 oracle agrees on {N} random cases")
