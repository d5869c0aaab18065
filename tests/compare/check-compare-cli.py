#!/usr/bin/python3
# check-compare-cli.py CLI REPORTS_DIR — zhibiao-cli compare as a script uses it:
# the matrix in JSON, its ranks, a correction carried into it and into the
# workbook, the Compare sheet read back (numbers, status rules, line charts),
# and every bad input refused on one line without touching a workspace.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import subprocess
import sys
import tempfile

import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cli_tap import Tap, cli_runner, one_line_failure  # noqa: E402

CLI, REPORTS = sys.argv[1], sys.argv[2]
sys.stdout.reconfigure(encoding="utf-8")
tap = Tap()
ok = tap.ok
run = cli_runner(CLI, timeout=120)


def compare_json(ws, *args):
    rc, out, err = run(ws, "compare", "--format=json", *args)
    if rc != 0:
        print("# compare failed:", err.strip())
        return None
    return json.loads(out)


def row(doc, indicator, area=None):
    for r in doc["rows"]:
        if r["indicator"] == indicator and r["area"] == area:
            return r
    return None


def growths(r):
    return [c["growth"] if c else None for c in r["cells"]]


with tempfile.TemporaryDirectory() as tmp:
    ws = os.path.join(tmp, "w.zhibiao")
    ids = {}
    for name in ("linjiang-2025-q3.txt", "baisha-2025-h1.txt", "linjiang-2025-h1.txt",
                 "qingshan-2025-h1.txt", "linjiang-2025-q1.txt"):
        rc, out, err = run(ws, "import", os.path.join(REPORTS, name))
        ids[name] = int(out) if rc == 0 else None
    ok(all(ids.values()), "the five test reports import")

    # one region's periods side by side, in time order
    doc = compare_json(ws, "--region", "临江县")
    ok(doc is not None and [c["report"] for c in doc["columns"]] ==
       [ids["linjiang-2025-q1.txt"], ids["linjiang-2025-h1.txt"], ids["linjiang-2025-q3.txt"]],
       "--region: the region's reports by period")
    ok(doc is not None and [c["period"] for c in doc["columns"]] == ["2025年1-3月", "2025年1-6月", "2025年1-9月"],
       "--region: each column's period")
    gdp = row(doc, "地区生产总值") if doc else None
    ok(gdp is not None and growths(gdp) == [5.8, 6.3, 6.6], "the GDP row: 5.8, 6.3, 6.6 (not the 三季度 7.1)")
    ok(gdp is not None and [c["status"] for c in gdp["cells"]] == ["behind", "behind", "on-track"] and
       all(c["target"] == 7 and c["target_kind"] == "growth" for c in gdp["cells"]),
       "each quarter against the year's 7% target, stated in the first quarter's report")
    province = row(doc, "地区生产总值", "全省") if doc else None
    ok(province is not None and growths(province) == [None, 5.6, None],
       "the province's GDP is a row of its own; its missing cells are null")
    ok(doc is not None and doc["ranked"] is False and all(c["rank_growth"] is None for c in gdp["cells"]),
       "a region's quarters are not ranked")
    ok(doc is not None and row(doc, "规上工业增加值") is None and row(doc, "规模以上工业增加值") is not None,
       "an alias is filed under its canonical name")

    # a period's regions side by side, ranked
    doc = compare_json(ws, "--period", "上半年")
    ok(doc is not None and [c["region"] for c in doc["columns"]] == sorted(["临江县", "白沙县", "青山区"]) and
       doc["ranked"] is True, "--period 上半年: the three regions (1-6月 and 上半年 alike), ranked")
    if doc:
        by_region = {c["region"]: i for i, c in enumerate(doc["columns"])}
        gdp = row(doc, "地区生产总值")
        ranks = {reg: gdp["cells"][i]["rank_growth"] for reg, i in by_region.items()}
        ok(ranks == {"青山区": 1, "临江县": 2, "白沙县": 3}, f"GDP ranked by growth: {ranks}")
        ranks = {reg: gdp["cells"][i]["rank_value"] for reg, i in by_region.items()}
        ok(ranks == {"临江县": 1, "青山区": 2, "白沙县": 3}, f"GDP ranked by value: {ranks}")
        targets = {reg: gdp["cells"][i]["target"] for reg, i in by_region.items()}
        ok(targets == {"临江县": 7, "白沙县": 7.5, "青山区": 6.5}, f"each region against its own target: {targets}")
        retail = row(doc, "社会消费品零售总额")
        ok(sorted(c["rank_growth"] for c in retail["cells"]) == [1, 2, 2], "a tie shares its rank (1, 2, 2)")
    same = compare_json(ws, "--period", "2025年1-6月")
    ok(same is not None and doc is not None and same["columns"] == doc["columns"], "--period written 2025年1-6月: the same")

    # by hand, in the order given
    hand = [ids["qingshan-2025-h1.txt"], ids["linjiang-2025-q1.txt"]]
    doc = compare_json(ws, "--reports", ",".join(map(str, hand)))
    ok(doc is not None and [c["report"] for c in doc["columns"]] == hand, "--reports: in the order given")

    # TSV: a header and a line per row, a column group per report
    rc, out, _ = run(ws, "compare", "--region", "临江")
    lines = out.splitlines()
    ok(rc == 0 and lines[0].startswith("indicator\tarea\t临江县 2025年1-3月: value") and
       all(len(l.split("\t")) == 2 + 3 * 8 for l in lines), "TSV by default, a region given in part")

    # a correction shows in the comparison and in the workbook
    doc = compare_json(ws, "--region", "临江县")
    invest = row(doc, "固定资产投资")["cells"][1]
    rc, _, err = run(ws, "correct", str(invest["figure"]), "change", "9.8", "--note", "checked")
    ok(rc == 0, "correct the 上半年 固定资产投资 growth")
    doc = compare_json(ws, "--region", "临江县")
    invest = row(doc, "固定资产投资")["cells"][1]
    ok(invest["growth"] == 9.8 and invest["corrected"] == ["change"] and invest["status"] == "ahead",
       "the corrected growth is the comparison's, marked corrected, and rated again")

    xlsx = os.path.join(tmp, "compare.xlsx")
    rc, out, err = run(ws, "compare", "--region", "临江县", "--output", xlsx, "--indicator", "GDP",
                       "--indicator", "固定资产投资")
    ok(rc == 0 and out == "" and os.path.exists(xlsx), "--output writes the workbook and prints nothing")
    wb = openpyxl.load_workbook(xlsx)
    ok(wb.sheetnames == ["Compare", "Compare charts", "Details", "Corrections"], f"the comparison's sheets: {wb.sheetnames}")
    sheet = wb["Compare"]
    top = [c.value for c in sheet[1]]
    head = [c.value for c in sheet[2]]
    ok(head[:2] == ["Indicator", "Area"] and head[2:5] == ["临江县 2025年1-3月", "临江县 2025年1-6月", "临江县 2025年1-9月"],
       "the Compare sheet's header: indicator, area, then each report")
    col = {t: i for i, t in enumerate(top) if t}
    rows = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=3) if r[0].value}
    gdp = rows.get(("地区生产总值", None))
    growth = col.get("Growth (%)")
    ok(gdp is not None and growth is not None and [gdp[growth + k].value for k in range(3)] == [5.8, 6.3, 6.6] and
       all(gdp[growth + k].data_type == "n" for k in range(3)), "growths are numbers")
    ok(gdp is not None and [gdp[col["Value"] + k].value for k in range(3)] == [182.6, 391.4, 603.8],
       "values are numbers")
    ok(gdp is not None and [gdp[col["Status"] + k].value for k in range(3)] == ["behind", "behind", "on track"],
       "status words in the sheet's language")
    inv = rows.get(("固定资产投资", None))
    cell = inv[growth + 1] if inv else None
    ok(cell is not None and cell.value == 9.8 and cell.fill.fgColor.rgb.endswith("FFF2CC") and cell.font.b and
       cell.comment is not None and "8.6" in cell.comment.text, "the corrected growth: tinted and bold, its original in a comment")
    ok(rows.get(("地区生产总值", "全省")) is not None and rows[("地区生产总值", "全省")][growth].value is None,
       "a missing cell is empty in the sheet")
    rules = [(str(rng.sqref), r.type) for rng in sheet.conditional_formatting for r in rng.rules]
    ok(sum(1 for _, t in rules if t == "cellIs") == 3 and sum(1 for _, t in rules if t == "expression") == 3,
       f"status colours as conditional formats: {rules}")
    with zipfile.ZipFile(xlsx) as z:
        charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
        texts = [z.read(c).decode("utf-8") for c in charts]
        ok(len(charts) == 2 and all("<c:lineChart>" in t for t in texts), f"a native line chart per indicator: {charts}")
        ok(any("地区生产总值" in t for t in texts) and any("固定资产投资" in t for t in texts),
           "each chart titled with its indicator")
        ok(all("'Compare charts'!$C$2:$E$2" in t and "'Compare charts'!$C$3:$E$3" in t for t in texts[:1]),
           "the first chart reads its growths, by report, from the chart data")
        rels = z.read("xl/worksheets/_rels/sheet2.xml.rels").decode("utf-8")
        ok("drawing" in rels, "the charts are drawn on the Compare charts sheet")
    charts = wb["Compare charts"]
    data = [[c.value for c in r] for r in charts.iter_rows(min_row=3, max_row=6)]
    ok(data[0][:5] == ["地区生产总值", "Actual growth", 5.8, 6.3, 6.6] and data[1][:5] == ["地区生产总值", "Target growth", 7, 7, 7],
       f"the chart data: growth and target by report, numbers: {data[:2]}")
    wb = openpyxl.load_workbook(xlsx, data_only=True)
    corr = [[c.value for c in r] for r in wb["Corrections"].iter_rows(min_row=2)]
    ok(any(r[4] == "8.6" and r[5] == "9.8" for r in corr), "the Corrections sheet lists it")

    rc, out, _ = run(ws, "compare", "--period", "上半年", "--output", xlsx, "--lang=zh_CN")
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb[wb.sheetnames[0]]
    top = [c.value for c in sheet[1]]
    ok(rc == 0 and wb.sheetnames[:2] == ["对比", "对比图表"] and "按增速排名" in top and "按数值排名" in top,
       f"zh_CN: 对比, with the rank blocks of a ranked comparison: {wb.sheetnames[0]} {top}")
    if rc == 0:
        labels = [c.value for c in sheet[2]]
        col = {t: i for i, t in enumerate(top) if t}
        gdp = [r for r in sheet.iter_rows(min_row=3) if r[0].value == "地区生产总值" and r[1].value is None][0]
        regions = [l.split(" ")[0] for l in labels[col["按增速排名"]:col["按增速排名"] + 3]]
        growth_ranks = dict(zip(regions, [gdp[col["按增速排名"] + k].value for k in range(3)]))
        value_ranks = dict(zip(regions, [gdp[col["按数值排名"] + k].value for k in range(3)]))
        ok(growth_ranks == {"青山区": 1, "临江县": 2, "白沙县": 3} and value_ranks == {"临江县": 1, "青山区": 2, "白沙县": 3},
           f"the ranks exported, as numbers: {growth_ranks} {value_ranks}")

    # bad input: one line on stderr, exit 2 (1 for a usage mistake), nothing made
    missing = os.path.join(tmp, "none.zhibiao")
    res = run(missing, "compare", "--region", "临江县")
    ok(one_line_failure(res) and not os.path.exists(missing), "a workspace that is not there: refused, not made")
    ok(one_line_failure(run(ws, "compare", "--region", "东海县")), "a region the workspace lacks")
    ok("临江县" in run(ws, "compare", "--region", "东海县")[2], "… says which regions there are")
    ok(one_line_failure(run(ws, "compare", "--region", "县")), "a part of a name two regions share")
    ok(one_line_failure(run(ws, "compare", "--period", "2024年上半年")), "a period no report is of")
    ok(one_line_failure(run(ws, "compare", "--reports", "1,x")), "an id that is not a number")
    ok(one_line_failure(run(ws, "compare", "--reports", "1,1")), "an id twice")
    ok(one_line_failure(run(ws, "compare", "--reports", "999")), "an id the workspace lacks")
    ok(one_line_failure(run(ws, "compare", "--region", "临江县", "--format=xml")), "an unknown format")
    ok(one_line_failure(run(ws, "compare", "--region", "临江县", "--output", os.path.join(tmp, "x.csv"))),
       "an output that is not a workbook")
    ok(one_line_failure(run(ws, "compare", "--region", "临江县", "--output", os.path.join(tmp, "no", "dir.xlsx"))),
       "an output folder that is not there")
    ok(one_line_failure(run(ws, "compare", "--region", "临江县", "--indicator", "没有的指标", "--output", xlsx)),
       "an indicator to chart that no report has")
    p = subprocess.run([os.fsencode(CLI), b"--workspace", os.fsencode(ws), b"compare", b"--region", b"\xff\xfe"],
                       capture_output=True, timeout=60)
    ok(p.returncode == 2 and p.stderr.count(b"\n") == 1, "a region that is not UTF-8")
    ok(one_line_failure(run(ws, "compare"), rc=1), "no choice of reports: usage")
    ok(one_line_failure(run(ws, "compare", "--region", "临江县", "--period", "上半年"), rc=1), "two choices: usage")
    ok(one_line_failure(run(ws, "compare", "--region"), rc=1), "an option without its value: usage")
    ok(one_line_failure(run(ws, "compare", "--bogus"), rc=1), "an unknown option: usage")
    ok(one_line_failure(run(ws, "compare", "--region", "临江县", "--", "file.txt"), rc=1), "no file after --")

tap.done()
