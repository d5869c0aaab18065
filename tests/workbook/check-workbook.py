#!/usr/bin/python3
# check-workbook.py WORKBOOK.xlsx EXPECTED.json — reads the meeting workbook
# back with openpyxl and compares it with the figures test-workbook exported.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys
import unicodedata
import zipfile

import openpyxl

SHEETS = {
    "zh_CN": ["汇总", "指标明细", "目标跟踪", "修订记录", "图表"],
    "en": ["Summary", "Details", "Targets", "Corrections", "Chart"],
}
SUMMARY_HEADERS = {
    "zh_CN": ["指标", "时期", "数值", "单位", "增速", "目标", "差距（百分点）", "状态", "完成进度", "序时进度", "核对提示"],
    "en": ["Indicator", "Period", "Value", "Unit", "Growth", "Target", "Gap (pp)", "Status", "Completion",
           "Schedule", "Check"],
}
DETAIL_HEADERS = {
    "zh_CN": ["报告", "章节", "类型", "指标"],
    "en": ["Report", "Section", "Kind", "Indicator"],
}
GROUP = len(SUMMARY_HEADERS["en"]) - 1
ORIGINAL = {"zh_CN": "原值：", "en": "Original: "}
# the corrections sheet names fields as the other sheets' columns do
GROWTH_FIELD = {"zh_CN": SUMMARY_HEADERS["zh_CN"][4], "en": "Growth"}
REVIEW_LINE = {"zh_CN": "复核", "en": "Review: "}

failures = []
sys.stdout.reconfigure(encoding="utf-8")


def check(condition, message):
    if not condition:
        failures.append(message)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def close(a, b):
    return is_number(a) and abs(a - b) < 1e-9


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


path, expected_path = sys.argv[1], sys.argv[2]
with open(expected_path, encoding="utf-8") as f:
    exp = json.load(f)
lang = exp["language"]
n_reports = exp["reports"]

wb = openpyxl.load_workbook(path)
check(wb.sheetnames == SHEETS[lang], f"sheet names {wb.sheetnames}")
summary = wb[SHEETS[lang][0]]
details = wb[SHEETS[lang][1]]

# headers: one column group per report
header = [c.value for c in summary[1]]
if n_reports == 1:
    check(header == SUMMARY_HEADERS[lang], f"summary header {header}")
else:
    check(len(header) == 1 + GROUP * n_reports, f"summary header width {len(header)}")
    check(header[0] == SUMMARY_HEADERS[lang][0], f"summary header {header[0]}")
    for g in range(n_reports):
        for k, name in enumerate(SUMMARY_HEADERS[lang][1:]):
            cell = header[1 + GROUP * g + k]
            check(cell is not None and cell.endswith(name), f"group {g} header {cell}")
        check(header[1 + GROUP * g].startswith(str(2023 + g)), f"group {g} is not its report: {header[1 + GROUP * g]}")
check([c.value for c in details[1]][:4] == DETAIL_HEADERS[lang], "details header")

# summary values: numbers, equal to the figures
# the table ends at the first empty row; a line on the review follows it
table = []
for r in summary.iter_rows(min_row=2):
    if r[0].value is None:
        break
    table.append(r)
rows = {r[0].value: r for r in table}
after = [r[0].value for r in summary.iter_rows(min_row=len(table) + 3) if r[0].value]
check(len(after) == 1 and REVIEW_LINE[lang] in after[0], f"review line under the summary: {after}")
check(len(rows) == len(exp["summary"]), f"{len(rows)} summary rows, expected {len(exp['summary'])}")
for e in exp["summary"]:
    row = rows.get(e["name"])
    if row is None:
        failures.append(f"no summary row for {e['name']}")
        continue
    cells = {k: row[i + 1] for i, k in enumerate(["period", "value", "unit", "growth", "target", "gap", "status"])}
    for key in ("value", "growth", "target", "gap"):
        want, got = e[key], cells[key].value
        if want is None:
            check(got is None, f"{e['name']} {key}: {got!r}, expected empty")
        else:
            check(close(got, want), f"{e['name']} {key}: {got!r} ({type(got).__name__}), expected {want}")
    for key in ("period", "unit", "status"):
        check(cells[key].value == e[key], f"{e['name']} {key}: {cells[key].value!r}, expected {e[key]!r}")
    if e["value"] is not None:
        decimals = e["value_decimals"]
        want_format = "0" + ("." + "0" * decimals if decimals > 0 else "")
        check(cells["value"].number_format == want_format,
              f"{e['name']} value format {cells['value'].number_format!r}, expected {want_format!r}")

# the correction: the new value, the original in a comment, the cell marked
c = exp["correction"]
row = rows[c["name"]]
check(close(row[4].value, c["growth"]), f"corrected growth {row[4].value!r}")
for sheet, cell in ((summary, row[4]), (details, None)):
    if cell is None:
        for r in details.iter_rows(min_row=2):
            if r[3].value == c["name"]:
                cell = r[8]
                check(r[2].value == {"zh_CN": "实际", "en": "actual"}[lang], f"kind {r[2].value!r}")
                break
    check(cell is not None and close(cell.value, c["growth"]), f"{sheet.title}: corrected value {cell and cell.value!r}")
    comment = cell.comment.text if cell is not None and cell.comment else ""
    check(ORIGINAL[lang] + c["original"] in comment, f"{sheet.title}: comment {comment!r}")
    check(c["note"] in comment, f"{sheet.title}: comment lacks the note: {comment!r}")
    check(cell.fill.fgColor.rgb not in (None, "00000000"), f"{sheet.title}: corrected cell not marked")

# the audit trail
corrections = wb[SHEETS[lang][3]]
trail = [[x.value for x in r] for r in corrections.iter_rows(min_row=2)]
check(any(r[1] == c["name"] and r[3] == GROWTH_FIELD[lang] and r[4] == c["original"] for r in trail),
      f"corrections sheet {trail}")

# targets: the target figure is listed with its target
targets = wb[SHEETS[lang][2]]
check(any(r[1].value == "地区生产总值" and close(r[4].value, 5.5) for r in targets.iter_rows(min_row=2)),
      "targets sheet lacks the target figure")

# presentation
for name in SHEETS[lang][:4]:
    ws = wb[name]
    check(ws.freeze_panes == "A2", f"{name}: freeze panes {ws.freeze_panes}")
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), f"{name}: autofilter {ws.auto_filter.ref}")
    check(ws.page_setup.orientation == "landscape", f"{name}: orientation {ws.page_setup.orientation}")
    # fitToWidth 1 is the default, written or not; height 0 means as many pages as needed
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
          and ws.page_setup.fitToHeight == 0,
          f"{name}: not fitted to page width ({ws.page_setup.fitToWidth}x{ws.page_setup.fitToHeight})")
    check(ws.print_title_rows in ("1:1", "$1:$1"), f"{name}: repeated rows {ws.print_title_rows}")
longest = max(width(str(k)) for k in rows)
check(summary.column_dimensions["A"].width >= longest, f"indicator column {summary.column_dimensions['A'].width} < {longest}")
quote_col = details.column_dimensions["O"]
check(quote_col.width >= 40, f"quote column width {quote_col.width}")
check(details["O2"].alignment.wrap_text, "quotes are not wrapped")
check(summary.conditional_formatting and len(list(summary.conditional_formatting)) > 0, "no conditional formatting")

props = wb.properties
check(props.title and exp["title"] in props.title, f"title {props.title!r}")
check(props.subject and exp["title"] in props.subject, f"subject {props.subject!r}")
check(props.created is not None, "no created date")

# chart and image parts
with zipfile.ZipFile(path) as z:
    names = z.namelist()
    check("xl/charts/chart1.xml" in names, f"no chart part in {names}")
    media = [n for n in names if n.startswith("xl/media/")]
    check(len(media) == 1 and z.read(media[0])[:8] == b"\x89PNG\r\n\x1a\n", f"image parts {media}")
    if "xl/charts/chart1.xml" in names:
        chart = z.read("xl/charts/chart1.xml").decode("utf-8")
        check(SHEETS[lang][0] in chart and "<c:barChart>" in chart, "the chart does not plot the summary")

for f in failures:
    print("FAIL:", f)
print(f"{path}: {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
