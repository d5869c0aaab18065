#!/usr/bin/python3
# The Flatpak manifest, checked as far as a machine without flatpak-builder
# and without network allows: well-formed JSON with what flatpak-builder
# requires, a GNOME runtime that is still maintained, the app id and
# command the build installs, every downloaded source pinned by its
# sha256, and every library the meson files ask for either in the runtime
# or built by a module. With flatpak-builder installed, it parses it too.
# Usage: check-manifest.py MANIFEST SOURCE_ROOT APP_ID (prints TAP)
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

# GNOME keeps the two latest runtimes; 45 and older are past their end of life.
OLDEST_MAINTAINED = 47
# What org.gnome.Platform 47 (on freedesktop 24.08) provides of our dependencies.
RUNTIME_PROVIDES = {"glib-2.0", "gio-2.0", "gobject-2.0", "gtk4", "libadwaita-1", "cairo",
                    "pangocairo", "sqlite3", "libarchive", "libxml-2.0"}
# The module that builds a dependency the runtime lacks.
BUILT_BY = {"xlsxwriter": "libxlsxwriter", "poppler-glib": "poppler"}
BUILDSYSTEMS = {"autotools", "cmake", "cmake-ninja", "meson", "simple", "qmake"}

manifest_path, root, app_id = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
results = []


def check(ok, what):
    results.append((bool(ok), what))


try:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    check(True, "the manifest is well-formed JSON")
except (OSError, ValueError) as e:
    print("1..1\nnot ok 1 - the manifest is well-formed JSON: %s" % e)
    sys.exit(1)

for key in ("runtime", "runtime-version", "sdk", "command", "modules"):
    check(key in manifest, "the manifest has %s" % key)
check(manifest.get("id", manifest.get("app-id")) == app_id, "its id is the application's, %s" % app_id)
check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
      "it builds on the GNOME runtime and SDK")
version = str(manifest.get("runtime-version", ""))
check(version.isdigit() and int(version) >= OLDEST_MAINTAINED,
      "runtime %s is maintained (%d or later)" % (version, OLDEST_MAINTAINED))

meson_build = (root / "src" / "app" / "meson.build").read_text(encoding="utf-8")
check(re.search(r"executable\('%s'" % re.escape(str(manifest.get("command"))), meson_build),
      "the command %s is the executable the build installs" % manifest.get("command"))
finish = manifest.get("finish-args", [])
check("--socket=wayland" in finish and "--socket=fallback-x11" in finish, "it shows on Wayland and X11")
check(not any(a.startswith("--share=network") for a in finish), "it asks for no network")

modules = manifest.get("modules", [])
names = [m.get("name") for m in modules if isinstance(m, dict)]
for m in modules:
    name = m.get("name", "?")
    check(m.get("buildsystem") in BUILDSYSTEMS, "module %s has a known build system" % name)
    sources = m.get("sources", [])
    check(len(sources) > 0, "module %s has sources" % name)
    for s in sources:
        kind = s.get("type")
        if kind in ("archive", "file"):
            check(str(s.get("url", "")).startswith("https://"), "%s: %s is fetched over https" % (name, s.get("url")))
            check(re.fullmatch(r"[0-9a-f]{64}", str(s.get("sha256", ""))),
                  "%s: %s is pinned by its sha256" % (name, s.get("url")))
        elif kind == "git":
            check(re.fullmatch(r"[0-9a-f]{40}", str(s.get("commit", ""))), "%s: the git source is pinned by commit" % name)
        elif kind == "dir":
            check(name == "zhibiao" and (manifest_path.parent / s.get("path", "")).resolve() == root.resolve(),
                  "%s: a local folder only for Zhibiao itself, the source tree" % name)
        else:
            check(False, "%s: a source of type %s" % (name, kind))

app = modules[-1] if modules else {}
check(app.get("name") == "zhibiao" and app.get("buildsystem") == "meson", "Zhibiao is built last, with meson")
options = set(re.findall(r"option\('([a-z_]+)'", (root / "meson_options.txt").read_text(encoding="utf-8")))
for opt in app.get("config-opts", []):
    check(opt.startswith("-D") and opt[2:].split("=")[0] in options, "Zhibiao's option %s exists" % opt)

wanted = set()
for build in root.glob("src/**/meson.build"):
    wanted |= set(re.findall(r"dependency\('([A-Za-z0-9_.+-]+)'", build.read_text(encoding="utf-8")))
wanted |= set(re.findall(r"dependency\('([A-Za-z0-9_.+-]+)'", (root / "meson.build").read_text(encoding="utf-8")))
for dep in sorted(wanted):
    if dep in RUNTIME_PROVIDES:
        continue
    module = BUILT_BY.get(dep)
    check(module in names and names.index(module) < len(names) - 1,
          "%s, which the runtime lacks, is built before Zhibiao" % dep)

builder = shutil.which("flatpak-builder")
if builder:
    run = subprocess.run([builder, "--show-manifest", str(manifest_path)], capture_output=True, text=True)
    check(run.returncode == 0, "flatpak-builder reads it: %s" % run.stderr.strip()[:200])

print("1..%d" % (len(results) + (0 if builder else 1)))
for i, (ok, what) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, what))
if not builder:
    print("ok %d - flatpak-builder reads it # SKIP flatpak-builder is not installed" % (len(results) + 1))
sys.exit(0 if all(ok for ok, _ in results) else 1)
