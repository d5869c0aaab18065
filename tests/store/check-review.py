#!/usr/bin/python3
# check-review.py CLI — the review queue through zhibiao-cli: listed, marked,
# kept in the workspace and its history, through a re-import, in the workbook
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cli_tap import Tap, cli_runner, one_line_failure  # noqa: E402

CLI = sys.argv[1]
tap = Tap()
ok = tap.ok
run = cli_runner(CLI, timeout=60)


def rows(out):
    lines = out.splitlines()
    return [dict(zip(lines[0].split("\t"), l.split("\t"))) for l in lines[1:]] if lines else []


# Written for this test: a 分别 list with more names than numbers, which
# the parser flags, and sentences it reads with no doubt.
SAMPLE = ("样例县2031年1-9月经济运行情况\n\n一、主要指标\n"
          "前三季度，样例县地区生产总值完成88.8亿元，同比增长4.5%。\n"
          "第一、二、三产业增加值分别增长3.1%、5.2%。\n"
          "二、下步工作\n"
          "全年力争实现一般公共预算收入增长5%。\n")

with tempfile.TemporaryDirectory() as tmp:
    ws = os.path.join(tmp, "w.zhibiao")
    report = os.path.join(tmp, "report.txt")
    with open(report, "w", encoding="utf-8") as f:
        f.write(SAMPLE)
    rc, out, _ = run(ws, "import", report)
    rid = out.strip()
    ok(rc == 0, "import")

    rc, out, err = run(ws, "review")
    queue = rows(out)
    ok(rc == 0 and len(queue) == 2 and all(r["reviewed"] == "no" and "list-mismatch" in r["evidence"]
                                          for r in queue), "review lists the flagged figures with their evidence")
    ok("2 flagged, 0 reviewed, 2 to review" in err, "review counts them on stderr")
    rc, out, _ = run(ws, "figures", rid)
    doc = json.loads(out)
    flagged = sorted(f["id"] for f in doc["figures"] if f["review"])
    ok(sorted(int(r["id"]) for r in queue) == flagged, "the queue is the figures the JSON flags")

    rc, out, _ = run(ws, "review", "--next")
    first = out.strip().split("\t")
    ok(rc == 0 and first[0] == queue[0]["id"], "--next gives the first figure to review")

    rc, out, _ = run(ws, "review", "--mark", queue[0]["id"])
    ok(rc == 0 and out.strip() == queue[0]["id"] + "\treviewed\tyes", "--mark marks it")
    rc, out, err = run(ws, "review")
    ok(rc == 0 and [r["id"] for r in rows(out)] == [queue[1]["id"]] and "1 reviewed, 1 to review" in err,
       "a marked figure leaves the queue")
    rc, out, _ = run(ws, "review", "--all")
    ok(rc == 0 and [r["reviewed"] for r in rows(out)] == ["yes", "no"], "--all shows the reviewed ones too")
    rc, out, _ = run(ws, "review", "--next")
    ok(rc == 0 and out.split("\t")[0] == queue[1]["id"], "--next goes on to the next one")

    # a correction is a review
    rc, _, _ = run(ws, "correct", queue[1]["id"], "change", "5.3")
    rc2, out, err = run(ws, "review")
    ok(rc == 0 and rc2 == 0 and rows(out) == [] and "0 to review" in err, "correcting a figure reviews it")
    rc, out, _ = run(ws, "review", "--next")
    ok(rc == 0 and out == "", "--next prints nothing when the queue is empty")

    rc, out, _ = run(ws, "history", queue[0]["id"])
    hist = rows(out)
    ok(rc == 0 and len(hist) == 1 and hist[0]["field"] == "reviewed" and hist[0]["new"] == "true"
       and hist[0]["by"].endswith("(zhibiao-cli)"), "the mark is in the history, with who made it")

    rc, out, _ = run(ws, "review", "--unmark", queue[0]["id"])
    rc2, out2, _ = run(ws, "review")
    ok(rc == 0 and [r["id"] for r in rows(out2)] == [queue[0]["id"]], "--unmark puts it back in the queue")
    run(ws, "review", "--mark", queue[0]["id"])

    # the file changes: the marks follow their figures
    with open(report, "a", encoding="utf-8") as f:
        f.write("三、其他\n社会消费品零售总额增长2.0%。\n")
    rc, out, _ = run(ws, "import", report)
    ok(rc == 0 and out.strip() == rid, "re-import of the changed file")
    rc, out, err = run(ws, "review", rid, "--all")
    ok(rc == 0 and len(rows(out)) == 2 and all(r["reviewed"] == "yes" for r in rows(out)),
       "the marks survive the re-import")

    # the workbook says so
    xlsx = os.path.join(tmp, "w.xlsx")
    rc, _, err = run(ws, "export", "--lang=en", "--output=" + xlsx, report)
    ok(rc == 0 and os.path.exists(xlsx), "export " + err.strip())
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    if openpyxl is not None:
        wb = openpyxl.load_workbook(xlsx)
        det = wb["Details"]
        header = [c.value for c in det[1]]
        ok("Reviewed" in header, "the Details sheet has a Reviewed column")
        col = header.index("Reviewed") if "Reviewed" in header else 0
        marks = [r[col].value for r in det.iter_rows(min_row=2)]
        ok(marks.count("yes") >= 2 and "no" in marks, "reviewed figures say yes, the others no")
        summary_text = " ".join(str(c.value) for row in wb["Summary"].iter_rows() for c in row if c.value)
        ok("2 of 2 flagged figures reviewed" in summary_text, "the summary says how many were reviewed")
        corr = wb["Corrections"]
        fields = [r[3].value for r in corr.iter_rows(min_row=2)]
        ok("Reviewed" in fields, "the mark is in the corrections sheet, by the name of its column")
    else:
        ok(True, "# SKIP openpyxl missing")

    ok(run(ws, "review", "--mark", "999999")[0] == 2, "marking an unknown figure fails")
    ok(run(ws, "review", "--mark")[0] == 2, "--mark needs an id")
    ok(run(ws, "review", "--colour")[0] == 1, "an unknown option is a usage error")

tap.done()
