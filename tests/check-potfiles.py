#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in must list every source file with user-visible strings, and only those:
a file left out would ship untranslated. TAP output.

Usage: check-potfiles.py SOURCE_ROOT"""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402
import tempfile

# A call of a gettext macro or function: _("..."), N_(, C_(, NC_(, g_dngettext (, ...
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dpgettext2|'
                    r'ngettext|dgettext)\s*\(\s*(?:GETTEXT_PACKAGE\s*,\s*)?"')
SEARCHED = ("src", "ui", "data")


def has_strings(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    name = os.path.basename(path)
    if name.endswith((".c", ".h")):
        return C_MARK.search(text) is not None
    if name.endswith(".ui"):
        return 'translatable="yes"' in text
    if name.endswith((".desktop.in", ".metainfo.xml.in")):
        return True
    if name.endswith(".gschema.xml"):
        return "<summary>" in text or "<description>" in text
    if name.endswith((".mime.xml.in", ".mime.xml")):
        return "<comment>" in text
    return False


def files_with_strings(root):
    found = set()
    for top in SEARCHED:
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(dirpath, name)
                if has_strings(path):
                    found.add(os.path.relpath(path, root))
    return found


def listed(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def problems(root):
    want = files_with_strings(root)
    have = listed(root)
    out = []
    for path in sorted(want - have):
        out.append("has translatable strings but is not in po/POTFILES.in: " + path)
    for path in sorted(have - want):
        if not os.path.exists(os.path.join(root, path)):
            out.append("listed in po/POTFILES.in but does not exist: " + path)
        else:
            out.append("listed in po/POTFILES.in but has no translatable strings: " + path)
    return out


def main():
    root = sys.argv[1]
    results = []

    found = problems(root)
    results.append((not found, "POTFILES.in lists exactly the files with strings", found))

    # The check must be able to fail: a copy of the tree with one file left out of the list.
    with tempfile.TemporaryDirectory() as tmp:
        for top in SEARCHED + ("po",):
            shutil.copytree(os.path.join(root, top), os.path.join(tmp, top))
        lines = sorted(listed(root))
        dropped = next(p for p in lines if p.endswith(".c"))
        with open(os.path.join(tmp, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
            f.write("\n".join(p for p in lines if p != dropped) + "\n")
        found = problems(tmp)
        results.append((any(dropped in p for p in found),
                         "a file left out of POTFILES.in is reported (" + dropped + ")", found))
        # And a file that gains a string.
        extra = os.path.join(tmp, "src", "hlh-new-file.c")
        with open(extra, "w", encoding="utf-8") as f:
            f.write('const char *s (void) { return _("New text"); }\n')
        found = problems(tmp)
        results.append((any("src/hlh-new-file.c" in p for p in found),
                        "a new source file with a string is reported", found))

    return tap.report(results)


if __name__ == "__main__":
    sys.exit(main())
