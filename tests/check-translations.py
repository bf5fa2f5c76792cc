#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS is complete: each string of the current sources is translated,
none is fuzzy, the format strings agree (msgfmt --check), and the clinical terms are the ones
clinicians in that country use. TAP output.

Usage: check-translations.py SOURCE_ROOT"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402
import tempfile

# The same keywords as meson's i18n.gettext(preset: 'glib').
XGETTEXT = ["xgettext", "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
            "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
            "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
            "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
            "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
            "--flag=g_string_append_printf:2:c-format", "--flag=g_set_error:4:c-format"]

# Terms a French or German clinician expects to read (issue 5), and the English they replace.
GLOSSARY = {
    "fr": ["lymphohistiocytose hémophagocytaire", "syndrome d'activation macrophagique",
           "Hépatomégalie", "Splénomégalie", "Hémophagocytose", "Ferritine", "Plaquettes",
           "Triglycérides", "Fibrinogène", "AJI systémique", "SAM"],
    "de": ["hämophagozytische Lymphohistiozytose", "Makrophagenaktivierungssyndrom",
           "Hepatomegalie", "Splenomegalie", "Hämophagozytose", "Thrombozyten", "Triglyzeride",
           "Zytopenien", "sJIA", "Knochenmark"],
}

results = []


def record(ok, name, detail=""):
    results.append((ok, name, detail))


def fresh_pot(root, directory):
    pot = os.path.join(directory, "fresh.pot")
    p = subprocess.run(XGETTEXT + ["--directory=" + root, "--files-from=" +
                                   os.path.join(root, "po", "POTFILES.in"), "-o", pot],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return pot


def complete(po, pot):
    """msgcmp: every msgid of the sources has a translation in po (fuzzy ones do not count)."""
    p = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
    return p.returncode == 0, p.stderr


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]
    record(set(languages) >= {"fr", "de"}, "po/LINGUAS has French and German", languages)

    with tempfile.TemporaryDirectory() as tmp:
        pot = fresh_pot(root, tmp)
        for lang in languages:
            po = os.path.join(root, "po", lang + ".po")
            ok, err = complete(po, pot)
            record(ok, lang + ": every string of the sources is translated", err)

            p = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                               capture_output=True, text=True)
            stats = p.stderr.strip()
            record(p.returncode == 0 and "untranslated" not in stats and "fuzzy" not in stats,
                   lang + ": msgfmt --check passes, nothing fuzzy or untranslated", stats)

            with open(po, encoding="utf-8") as f:
                text = f.read()
            missing = [t for t in GLOSSARY.get(lang, []) if t not in text]
            record(not missing, lang + ": uses the clinical terms of its country", missing)

        # The completeness check must be able to fail: a string the translation lacks.
        with open(pot, "a", encoding="utf-8") as f:
            f.write('\nmsgid "A string added to the sources today"\nmsgstr ""\n')
        ok, _ = complete(os.path.join(root, "po", languages[0] + ".po"), pot)
        record(not ok, "a string missing from a translation is detected")

    return tap.report(results)


if __name__ == "__main__":
    sys.exit(main())
