#!/usr/bin/python3
# check-soffice.py TEST-WORKBOOK — LibreOffice must open the workbook and see
# the summary's numbers (exit 77: LibreOffice is not installed).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    print("soffice not installed: skipped")
    sys.exit(77)

failures = []
sys.stdout.reconfigure(encoding="utf-8")
with tempfile.TemporaryDirectory(prefix="zb-soffice-") as tmp:
    xlsx = os.path.join(tmp, "summary.xlsx")
    subprocess.run([sys.argv[1], "--write-sample", xlsx, "zh_CN"], check=True)
    with open(xlsx + ".json", encoding="utf-8") as f:
        exp = json.load(f)
    # a private profile, so a running LibreOffice or a first start does not interfere
    profile = "file://" + os.path.join(tmp, "profile")
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", tmp, xlsx],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    with open(os.path.join(tmp, "summary.csv"), encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))

header, rows = table[0], {r[0]: r for r in table[1:]}
if header[:3] != ["指标", "时期", "数值"]:
    failures.append(f"summary header {header}")
for e in exp["summary"]:
    row = rows.get(e["name"])
    if row is None:
        failures.append(f"LibreOffice does not show {e['name']}: {list(rows)}")
        continue
    for key, col in (("value", 2), ("growth", 4), ("target", 5), ("gap", 6)):
        if e[key] is None:
            if row[col] != "":
                failures.append(f"{e['name']} {key}: {row[col]!r}, expected empty")
        elif row[col] == "" or abs(float(row[col]) - e[key]) > 1e-9:
            failures.append(f"{e['name']} {key}: {row[col]!r}, expected {e[key]}")
    if (row[7] or None) != e["status"]:
        failures.append(f"{e['name']} status {row[7]!r}, expected {e['status']!r}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} problem(s)")
sys.exit(1 if failures else 0)
