#!/usr/bin/python3
# test-cli.py — zhibiao-cli workspace subcommands, as a script would use them
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cli_tap import Tap, cli_runner, one_line_failure  # noqa: E402

CLI = sys.argv[1]
tap = Tap()
ok = tap.ok
run = cli_runner(CLI, timeout=60)


# Sample text written for this test.
SAMPLE = ("样例县2031年1-9月经济运行情况\n\n一、主要指标\n"
          "前三季度，样例县地区生产总值完成88.8亿元，同比增长4.5%。\n"
          "一般公共预算收入6.2亿元，增长2.1%。\n")

with tempfile.TemporaryDirectory() as tmp:
    ws = os.path.join(tmp, "w.zhibiao")
    report = os.path.join(tmp, "report.txt")
    with open(report, "w", encoding="utf-8") as f:
        f.write(SAMPLE)

    rc, out, err = run(ws, "import", report)
    ok(rc == 0 and out.strip().isdigit(), "import prints the report id")
    rid = out.strip()
    rc, out2, _ = run(ws, "import", report)
    ok(rc == 0 and out2.strip() == rid, "importing the same bytes again gives the same id")

    rc, out, _ = run(ws, "reports")
    rows = [l.split("\t") for l in out.splitlines()[1:]]
    ok(rc == 0 and len(rows) == 1 and rows[0][0] == rid and rows[0][1] == "样例县", "reports lists it with its region")

    rc, out, _ = run(ws, "figures", rid)
    doc = json.loads(out) if rc == 0 else None
    ok(doc is not None and isinstance(doc.get("figures"), list) and len(doc["sections"]) > 0,
       "figures prints the extract JSON")
    ok(doc is not None and all(isinstance(f.get("id"), int) and f["id"] > 0 for f in doc["figures"]),
       "every figure has an id")

    if doc and doc["figures"]:
        fid = str(doc["figures"][0]["id"])
    else:
        # the extractor found nothing in the sample: put a figure in as the
        # app does for one made by hand, so correct/history are still exercised
        db = sqlite3.connect(ws)
        cur = db.execute(
            "INSERT INTO figures (report_id, position, kind, name, value, unit, section, line, offset,"
            " text_offset, text_length, quote, rule, confidence)"
            " VALUES (?, 0, 'actual', '地区生产总值', '88.8', '亿元', 0, 4, 0, 0, 0, '地区生产总值完成88.8亿元',"
            " 'manual', 1.0)", (int(rid),))
        fid = str(cur.lastrowid)
        db.commit()
        db.close()
    rc, _, _ = run(ws, "correct", fid, "value", "90.5", "--note", "复核")
    rc2, out, _ = run(ws, "figures", rid)
    fig = [f for f in json.loads(out)["figures"] if str(f["id"]) == fid] if rc2 == 0 else []
    ok(rc == 0 and len(fig) == 1 and fig[0]["value"] == 90.5, "a correction shows in figures")
    rc, out, _ = run(ws, "history", fid)
    ok(rc == 0 and "复核" in out and "90.5" in out, "history shows the correction and its note")
    res = run(ws, "correct", fid, "value", "8,8")
    ok(one_line_failure(res), "an invalid value is refused in one line")
    rc, out, _ = run(ws, "reports")
    ok(rc == 0 and out.splitlines()[1].split("\t")[4] == "1", "reports counts the correction")

    ok(one_line_failure(run(ws, "correct", "999999", "value", "1")), "correcting an unknown figure fails in one line")
    ok(one_line_failure(run(ws, "correct", "1", "colour", "1")), "an unknown field fails in one line")
    ok(one_line_failure(run(ws, "history", "999999")), "history of an unknown figure fails")
    ok(one_line_failure(run(ws, "figures", "424242")), "figures of an unknown report fails")

    rc, _, _ = run(ws, "targets", "set", "地区生产总值", "2031", "6.5", "%")
    rc2, _, _ = run(ws, "targets", "set", "固定资产投资", "2031", "120", "亿元")
    rc3, out, _ = run(ws, "targets")
    rows = [l.split("\t") for l in out.splitlines()[1:]]
    ok(rc == 0 and rc2 == 0 and rc3 == 0 and ["地区生产总值", "2031", "6.5", "-", "%", "-", "manual", "-", "-"] in rows
       and ["固定资产投资", "2031", "-", "120", "亿元", "-", "manual", "-", "-"] in rows, "targets set and list")
    rc, _, _ = run(ws, "targets", "set", "地区生产总值", "2031", "5.0", "%", "--period", "一季度", "--area", "全省")
    rc2, out, _ = run(ws, "targets")
    rows = [l.split("\t") for l in out.splitlines()[1:]]
    ok(rc == 0 and ["地区生产总值", "2031", "5.0", "-", "%", "-", "manual", "全省", "1-3月"] in rows
       and ["地区生产总值", "2031", "6.5", "-", "%", "-", "manual", "-", "-"] in rows,
       "a target for a period kind and an area is one of its own")
    rc, _, _ = run(ws, "targets", "remove", "地区生产总值", "2031", "--period", "1-3月", "--area", "全省")
    rc2, out, _ = run(ws, "targets")
    ok(rc == 0 and len(out.splitlines()) == 3 and "1-3月" not in out, "targets remove takes it away, and only it")
    ok(one_line_failure(run(ws, "targets", "remove", "地区生产总值", "2031", "--period", "1-3月")),
       "removing a target that is not there fails in one line")
    ok(one_line_failure(run(ws, "targets", "set", "X", "next year", "1", "%")), "a bad year fails")

    # another instance holding the write lock
    other = sqlite3.connect(ws, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    res = run(ws, "targets", "set", "地区生产总值", "2031", "7.0", "%")
    ok(one_line_failure(res) and "locked by another instance" in res[2], "a locked workspace is reported")
    other.execute("ROLLBACK")
    other.close()

    # files that are not workspaces are refused and left alone
    notdb = os.path.join(tmp, "notes.zhibiao")
    with open(notdb, "wb") as f:
        f.write("会议纪要，不是工作区。\n".encode())
    before = open(notdb, "rb").read()
    res = run(notdb, "reports")
    ok(one_line_failure(res) and "not an SQLite database" in res[2] and open(notdb, "rb").read() == before,
       "a non-SQLite workspace is refused, untouched")

    newer = os.path.join(tmp, "newer.zhibiao")
    db = sqlite3.connect(newer)
    db.executescript("PRAGMA application_id = 1514293588; CREATE TABLE t (x); PRAGMA user_version = 42;")
    db.close()
    before = open(newer, "rb").read()
    res = run(newer, "import", report)
    ok(one_line_failure(res) and "newer" in res[2] and open(newer, "rb").read() == before,
       "a workspace from a newer version is refused, untouched")

tap.done()
