#!/usr/bin/python3
# check-corrections.py WORKBOOK.xlsx — prints the corrections sheet (the
# fourth) as JSON rows, for test-review to compare with what it did
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
sheet = wb.worksheets[3]
rows = [[None if c.value is None else str(c.value) for c in r] for r in sheet.iter_rows()]
details = wb.worksheets[1]
json.dump({"corrections": rows, "details_header": [c.value for c in details[1]]}, sys.stdout, ensure_ascii=False)
