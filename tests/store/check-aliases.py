#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-aliases.py — aliases kept in the workspace: zhibiao-cli aliases, and
# chart/export --workspace filing a target written under an alias with the
# actual written under the indicator's own name.
import os
import subprocess
import sys
import tempfile

import openpyxl

cli = sys.argv[1]
failures = 0
n = 0


def check(name, ok, detail=''):
    global failures, n
    n += 1
    print(('ok' if ok else 'not ok') + ' %d %s' % (n, name))
    if not ok:
        failures += 1
        for line in detail.splitlines():
            print('# ' + line)


def run(*args):
    p = subprocess.run([cli] + list(args), capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def summary_row(path, indicator):
    wb = openpyxl.load_workbook(path)
    for row in wb['Summary'].iter_rows(values_only=True):
        if row and row[0] == indicator:
            return row
    return None


with tempfile.TemporaryDirectory() as tmp:
    ws = os.path.join(tmp, 'w.zhibiao')
    report = os.path.join(tmp, 'town.txt')
    with open(report, 'w', encoding='utf-8') as f:
        # the plan says 新经济增加值, the outturn 三新经济增加值
        f.write('示例县经济运行情况\n\n今年主要预期目标：新经济增加值增长6%左右。\n\n'
                '上半年，全县三新经济增加值增长6.2%。\n')
    png = os.path.join(tmp, 'gap.png')

    # chart --workspace reads a workspace, it never makes one: a mistyped path is an error
    rc, out, err = run('--workspace', ws, 'chart', '--type=gap', '--output=' + png, report)
    check('chart --workspace on a missing workspace fails and creates nothing',
          rc == 2 and 'no workspace' in err and not os.path.exists(ws), out + err)
    rc, out, err = run('--workspace', ws, 'import', report)
    check('import makes the workspace', rc == 0, out + err)
    rc, out, err = run('--workspace', ws, 'chart', '--type=gap', '--output=' + png, report)
    check('without the alias the actual has no target', rc == 0 and 'no-target 1' in out, out + err)

    rc, out, err = run('--workspace', ws, 'aliases', 'set', '新经济增加值', '三新经济增加值')
    check('aliases set', rc == 0 and out == '', out + err)
    rc, out, err = run('--workspace', ws, 'aliases')
    lines = out.splitlines()
    check('aliases lists it', rc == 0 and len(lines) == 2 and lines[1].startswith('新经济增加值\t三新经济增加值\t'),
          out + err)

    rc, out, err = run('--workspace', ws, 'chart', '--type=gap', '--output=' + png, report)
    check('with the alias chart --workspace matches 6.2% to the 6% target: on track',
          rc == 0 and 'on-track 1' in out and 'no-target 0' in out, out + err)
    rc, out, err = run('chart', '--type=gap', '--output=' + png, report)
    check('without --workspace the alias is not used', rc == 0 and 'no-target 1' in out, out + err)

    xlsx = os.path.join(tmp, 'book.xlsx')
    rc, out, err = run('--workspace', ws, 'export', '--lang=en', '--output=' + xlsx, report)
    row = summary_row(xlsx, '三新经济增加值') if rc == 0 else None
    check('export --workspace gives the actual its target through the alias',
          row is not None and 6 in row and 'on track' in row, repr(row) + err)

    # bad input: one line, exit 2, nothing lost
    rc, out, err = run('--workspace', ws, 'aliases', 'set', '三新经济增加值', '三新经济增加值')
    check('an alias of itself is refused in one line', rc == 2 and err.count('\n') == 1, err)
    rc, out, err = run('--workspace', ws, 'aliases', 'set', ' ', '三新经济增加值')
    check('an empty alias is refused', rc == 2 and err.count('\n') == 1, err)
    rc, out, err = run('--workspace', ws, 'aliases', 'remove', '三产')
    check('removing an unknown alias names it', rc == 2 and '三产' in err and err.count('\n') == 1, err)
    rc, out, err = run('--workspace', ws, 'aliases', 'set', '新经济增加值')
    check('a missing argument is a usage error', rc == 1 and 'Usage' in err, err)
    rc, out, err = run('--workspace', ws, 'aliases')
    check('the refused commands left the alias alone', rc == 0 and len(out.splitlines()) == 2, out + err)

    rc, out, err = run('--workspace', ws, 'aliases', 'remove', '新经济增加值')
    check('aliases remove', rc == 0, err)
    rc, out, err = run('--workspace', ws, 'chart', '--type=gap', '--output=' + png, report)
    check('after removal the target is no longer matched', rc == 0 and 'no-target 1' in out, out + err)

    bogus = os.path.join(tmp, 'bogus.zhibiao')
    with open(bogus, 'w') as f:
        f.write('not a database\n')
    rc, out, err = run('--workspace', bogus, 'aliases', 'set', 'a', 'b')
    with open(bogus) as f:
        kept = f.read() == 'not a database\n'
    check('a file that is no workspace is refused and left alone', rc == 2 and err.count('\n') == 1 and kept, err)

print('1..%d' % n)
sys.exit(1 if failures else 0)
