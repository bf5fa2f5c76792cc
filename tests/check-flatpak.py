#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest is consistent with the build and grants nothing more than the
application needs. The GNOME runtime cannot be downloaded on the build machines, so this checks
the manifest instead of building it: a numbered org.gnome.Platform, one module (this project,
built with meson from its own folder, tests run), the id the desktop file and the metainfo
use, the command the build installs, and finish-args exactly IPC, Wayland, fallback X11 and
the GPU (no network, no file system: files go through the portals). TAP output.

Usage: check-flatpak.py SOURCE_ROOT BUILD_DIR"""

import copy
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402
import xml.etree.ElementTree as ET

FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
FORBIDDEN = re.compile(r"^--(share=network|filesystem|socket=(x11|session-bus|system-bus|"
                       r"pulseaudio|ssh-auth|pcsc|cups)|device=all|talk-name|system-talk-name|"
                       r"own-name|persist|allow)")


def problems(manifest, root, app_id, installed_bins, manifest_dir):
    out = []
    if manifest.get("id", manifest.get("app-id")) != app_id:
        out.append("id %r is not %r" % (manifest.get("id"), app_id))
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        out.append("runtime/sdk must be org.gnome.Platform/org.gnome.Sdk")
    if not re.fullmatch(r"\d+(\.\d+)?", str(manifest.get("runtime-version", ""))):
        out.append("runtime-version %r is not a numbered release" %
                   manifest.get("runtime-version"))
    if manifest.get("command") not in installed_bins:
        out.append("command %r is not installed by the build (%s)" %
                   (manifest.get("command"), sorted(installed_bins)))
    args = manifest.get("finish-args", [])
    if sorted(args) != sorted(FINISH_ARGS) or len(args) != len(FINISH_ARGS):
        out.append("finish-args %r are not exactly %r" % (args, FINISH_ARGS))
    out += ["forbidden permission " + a for a in args if FORBIDDEN.match(a)]
    modules = manifest.get("modules", [])
    if len(modules) != 1:
        out.append("%d modules, not one" % len(modules))
    for module in modules:
        if not isinstance(module, dict):
            out.append("a module is not inline")
            continue
        if module.get("buildsystem") != "meson":
            out.append("module %r is not built with meson" % module.get("name"))
        if module.get("run-tests") is not True:
            out.append("module %r does not run its tests" % module.get("name"))
        sources = module.get("sources", [])
        if len(sources) != 1 or sources[0].get("type") != "dir":
            out.append("module %r: the source must be one 'dir'" % module.get("name"))
        else:
            path = os.path.realpath(os.path.join(manifest_dir, sources[0].get("path", "")))
            if path != os.path.realpath(root):
                out.append("the dir source %r is not the project's folder" % path)
    return out


def main():
    root, build = sys.argv[1], sys.argv[2]
    results = []
    manifest_dir = os.path.join(root, "flatpak")
    names = [n for n in os.listdir(manifest_dir) if n.endswith(".json")]
    results.append((len(names) == 1, "one manifest in flatpak/", names))
    path = os.path.join(manifest_dir, names[0])
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    app_id = names[0][:-len(".json")]

    # The same id everywhere.
    desktop = os.path.join(root, "data", app_id + ".desktop.in")
    metainfo = ET.parse(os.path.join(root, "data", app_id + ".metainfo.xml.in")).getroot()
    launchable = metainfo.find("launchable")
    with open(desktop, encoding="utf-8") as f:
        icon = re.search(r"^Icon=(.*)$", f.read(), re.M)
    same = (metainfo.findtext("id") == app_id and launchable is not None and
            launchable.text == app_id + ".desktop" and icon and icon.group(1) == app_id)
    results.append((same, "manifest, desktop file, icon and metainfo share the id " + app_id,
                    ""))

    p = subprocess.run(["meson", "introspect", "--installed", build], capture_output=True,
                       text=True, check=True)
    installed_bins = {os.path.basename(dst) for dst in json.loads(p.stdout).values()
                      if os.path.basename(os.path.dirname(dst)) == "bin"}
    found = problems(manifest, root, app_id, installed_bins, manifest_dir)
    results.append((not found, "the manifest is valid and grants only what is needed", found))

    # The check must be able to fail.
    for name, change in [
        ("network", lambda m: m["finish-args"].append("--share=network")),
        ("home folder", lambda m: m["finish-args"].append("--filesystem=home")),
        ("unnumbered runtime", lambda m: m.update({"runtime-version": "master"})),
        ("second module", lambda m: m["modules"].append({"name": "x"})),
        ("command not built", lambda m: m.update({"command": "hlh-other"})),
        ("tests not run", lambda m: m["modules"][0].update({"run-tests": False})),
    ]:
        bad = copy.deepcopy(manifest)
        change(bad)
        results.append((bool(problems(bad, root, app_id, installed_bins, manifest_dir)),
                        "a manifest with a " + name + " is refused", ""))

    return tap.report(results)


if __name__ == "__main__":
    sys.exit(main())
