#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` into a temporary DESTDIR installs exactly the expected files, each usable:
the binaries run, the desktop file and metainfo validate and carry the translations, the
schema compiles, the icons are SVG, the MIME type names its icon, the catalogues hold French
and German, and the teaching cases are the ones in the source tree. TAP output.

Usage: check-install.py BUILD_DIR SOURCE_ROOT"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402
import tempfile

APP_ID = "io.github.hlhcalc.HLHCalculator"
results = []


def record(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def options(build):
    p = subprocess.run(["meson", "introspect", "--buildoptions", build], capture_output=True,
                       text=True, check=True)
    return {o["name"]: o["value"] for o in json.loads(p.stdout)}


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120, **kw)


def main():
    build, root = sys.argv[1], sys.argv[2]
    opt = options(build)
    teaching = sorted(f for f in os.listdir(os.path.join(root, "data", "teaching"))
                      if f.endswith(".hlhcase"))
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]

    def rel(option, *parts):
        return os.path.join(opt["prefix"].lstrip("/"), opt[option], *parts)

    data = lambda *p: rel("datadir", *p)  # noqa: E731
    expected = {
        rel("bindir", "hlh-calculator"),
        rel("bindir", "hlh-score"),
        data("applications", APP_ID + ".desktop"),
        data("metainfo", APP_ID + ".metainfo.xml"),
        data("glib-2.0", "schemas", APP_ID + ".gschema.xml"),
        data("icons", "hicolor", "scalable", "apps", APP_ID + ".svg"),
        data("icons", "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg"),
        data("icons", "hicolor", "scalable", "mimetypes", APP_ID + "-hlhcase.svg"),
        data("mime", "packages", APP_ID + ".mime.xml"),
    }
    expected |= {rel("localedir", lang, "LC_MESSAGES", "hlh-calculator.mo") for lang in languages}
    expected |= {data("hlh-calculator", "teaching", name) for name in teaching}
    # Written by gnome.post_install when it runs (it does not under a DESTDIR on every
    # version): caches, not files of the project.
    caches = ("gschemas.compiled", "icon-theme.cache", "mimeinfo.cache")

    with tempfile.TemporaryDirectory() as dest:
        env = dict(os.environ, DESTDIR=dest)
        p = run("meson", "install", "-C", build, "--no-rebuild", "--destdir", dest, env=env)
        record(p.returncode == 0, "meson install succeeds", p.stdout[-2000:] + p.stderr[-2000:])
        if p.returncode != 0:
            return tap.report(results)

        installed = set()
        for dirpath, _, names in os.walk(dest):
            for name in names:
                path = os.path.relpath(os.path.join(dirpath, name), dest)
                if name in caches or "/mime/" in path and "/packages/" not in path:
                    continue
                installed.add(path)
        record(installed == expected, "exactly the expected files are installed",
               "missing: %s\nunexpected: %s" % (sorted(expected - installed),
                                                 sorted(installed - expected)))
        at = lambda path: os.path.join(dest, path)  # noqa: E731

        for binary in ("hlh-calculator", "hlh-score"):
            path = at(rel("bindir", binary))
            record(os.access(path, os.X_OK), binary + " is executable")
        score = at(rel("bindir", "hlh-score"))
        case = at(data("hlh-calculator", "teaching", "1-ebv-young-adult.hlhcase"))
        p = run(score, "--json", "--case", case, env=dict(os.environ, LC_ALL="C.UTF-8"))
        ok = p.returncode == 0 and json.loads(p.stdout)["hscore"]["min"] == 299
        record(ok, "the installed hlh-score scores an installed teaching case (HScore 299)",
               p.stderr)

        for name in teaching:
            with open(os.path.join(root, "data", "teaching", name), "rb") as a, \
                    open(at(data("hlh-calculator", "teaching", name)), "rb") as b:
                record(a.read() == b.read(), "teaching case installed unchanged: " + name)

        desktop = at(data("applications", APP_ID + ".desktop"))
        p = run("desktop-file-validate", desktop)
        with open(desktop, encoding="utf-8") as f:
            text = f.read()
        record(p.returncode == 0 and "Name[fr]=Calculateur HLH" in text and
               "Name[de]=HLH-Rechner" in text and "MimeType=application/x-hlhcase;" in text,
               "desktop file valid, translated, with the MIME type", p.stdout + p.stderr)

        metainfo = at(data("metainfo", APP_ID + ".metainfo.xml"))
        p = run("appstreamcli", "validate", "--no-net", metainfo)
        with open(metainfo, encoding="utf-8") as f:
            text = f.read()
        record(p.returncode == 0 and 'xml:lang="fr"' in text and 'xml:lang="de"' in text,
               "metainfo valid and translated", p.stdout + p.stderr)

        p = run("glib-compile-schemas", "--strict", "--dry-run",
                os.path.dirname(at(data("glib-2.0", "schemas", APP_ID + ".gschema.xml"))))
        record(p.returncode == 0, "installed schema compiles (--strict)", p.stderr)

        with open(at(data("mime", "packages", APP_ID + ".mime.xml")), encoding="utf-8") as f:
            text = f.read()
        record('<icon name="%s-hlhcase"/>' % APP_ID in text and 'xml:lang="fr"' in text and
               "*.hlhcase" in text, "MIME type: glob, icon, translated comment")

        for icon in [p for p in expected if p.endswith(".svg")]:
            with open(at(icon), encoding="utf-8") as f:
                record(f.read().lstrip().startswith("<svg"), "icon is SVG: " +
                       os.path.basename(icon))

        for lang, word in [("fr", "Calculateur HLH"), ("de", "HLH-Rechner")]:
            p = run("msgunfmt", at(rel("localedir", lang, "LC_MESSAGES", "hlh-calculator.mo")))
            record(p.returncode == 0 and word in p.stdout, "catalogue installed: " + lang)

    return tap.report(results)


if __name__ == "__main__":
    sys.exit(main())
