#!/usr/bin/python3
# check-targets.py WORKBOOK.xlsx LANG BEHIND AHEAD — the summary of
# test-workbook's report with a 预期目标 sentence: the ledger's targets, gaps
# and status words, and the targets sheet listing those targets.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys

import openpyxl

path, lang, behind, ahead = sys.argv[1:5]
sys.stdout.reconfigure(encoding="utf-8")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) < 1e-6


SHEETS = {"zh_CN": ("汇总", "目标跟踪"), "en": ("Summary", "Targets")}
wb = openpyxl.load_workbook(path)
summary, targets = (wb[n] for n in SHEETS[lang])

header = [c.value for c in summary[1]]
col = {name: header.index(name) for name in header if name}
names = {"zh_CN": ("目标", "差距（百分点）", "状态"), "en": ("Target", "Gap (pp)", "Status")}[lang]
rows = {r[0].value: r for r in summary.iter_rows(min_row=2)}

# indicator: target, gap, status
want = {"地区生产总值": (6, -0.9, behind), "规模以上工业增加值": (7, 0.8, ahead)}
for name, (target, gap, status) in want.items():
    row = rows.get(name)
    if row is None:
        failures.append(f"no summary row for {name}: {list(rows)}")
        continue
    got = [row[col[n]].value for n in names]
    check(close(got[0], target), f"{name} target {got[0]!r}, expected {target}")
    check(close(got[1], gap), f"{name} gap {got[1]!r}, expected {gap}")
    check(got[2] == status, f"{name} status {got[2]!r}, expected {status!r}")
    check(row[col[names[1]]].number_format.startswith("+0.0"), f"{name} gap format {row[col[names[1]]].number_format!r}")

# the targets sheet lists the ledger's targets with their qualifiers
listed = [[c.value for c in r] for r in targets.iter_rows(min_row=2)]
check(any(r[1] == "地区生产总值" and close(r[4], 6) and r[7] == "左右" for r in listed),
      f"targets sheet lacks 地区生产总值 6 左右: {listed}")
check(any(r[1] == "规模以上工业增加值" and close(r[4], 7) and r[2] == 2024 for r in listed),
      f"targets sheet lacks 规模以上工业增加值 7 (2024): {listed}")

for f in failures:
    print("FAIL:", f)
print(f"{path}: {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
