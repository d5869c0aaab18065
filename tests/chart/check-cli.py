#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# zhibiao-cli chart and bench-chart from the outside: usage errors, one-line
# messages, exit statuses, and a chart of every corpus report that has figures.
import glob
import os
import subprocess
import sys
import tempfile

cli, shared = sys.argv[1], sys.argv[2]
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
    p = subprocess.run([cli] + list(args), capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


with tempfile.TemporaryDirectory() as tmp:
    report = os.path.join(tmp, 'report.txt')
    with open(report, 'w', encoding='utf-8') as f:
        f.write('示例县经济运行情况\n\n一、总体情况\n\n前三季度，全县经济平稳运行。\n')

    rc, out, err = run('chart', '--output=' + os.path.join(tmp, 'a.png'), report)
    check('no --type is a usage error', rc == 1 and 'Usage' in err, err)

    rc, out, err = run('chart', '--type=pie', '--output=' + os.path.join(tmp, 'a.png'), report)
    check('unknown type', rc == 2 and err.count('\n') == 1 and 'gap or trend' in err, err)

    bmp = os.path.join(tmp, 'a.bmp')
    rc, out, err = run('chart', '--type=gap', '--output=' + bmp, report)
    check('unknown extension refused, nothing written',
          rc == 2 and '.png, .svg or .pdf' in err and not os.path.exists(bmp), err)

    rc, out, err = run('chart', '--type=gap', '--width=abc', '--output=' + os.path.join(tmp, 'a.png'), report)
    check('bad width', rc == 2 and '--width' in err, err)

    rc, out, err = run('chart', '--type=gap', '--output=' + os.path.join(tmp, 'a.png'), os.path.join(tmp, 'missing.txt'))
    check('missing report', rc == 2 and 'missing.txt' in err and err.count('\n') == 1, err)

    aliases = os.path.join(tmp, 'aliases.tsv')
    with open(aliases, 'w', encoding='utf-8') as f:
        f.write('只有一列\n')
    rc, out, err = run('chart', '--type=gap', '--aliases=' + aliases, '--output=' + os.path.join(tmp, 'a.png'), report)
    check('bad alias table names its line', rc == 2 and 'line 1' in err, err)

    # with a workspace the chart uses the clerk's corrections
    growth = os.path.join(tmp, 'growth.txt')
    with open(growth, 'w', encoding='utf-8') as f:
        f.write('示例县经济运行情况\n\n今年主要预期目标：地区生产总值增长5%左右。\n\n'
                '上半年，全县地区生产总值增长5.1%。\n')
    ws = os.path.join(tmp, 'w.zhibiao')
    rc, out, err = run('chart', '--type=gap', '--output=' + os.path.join(tmp, 'g.png'), growth)
    check('5.1% against 5% is on track', rc == 0 and 'on-track 1' in out, out + err)
    rc, out, err = run('--workspace', ws, 'import', growth)
    report_id = out.strip()
    rc, out, err = run('--workspace', ws, 'figures', report_id)
    import json
    figures = json.loads(out)['figures'] if rc == 0 else []
    fid = next((f['id'] for f in figures if f['kind'] == 'actual' and f['change'] == 5.1), None)
    rc, out, err = run('--workspace', ws, 'correct', str(fid), 'change', '4.0')
    check('correction recorded', rc == 0, err)
    rc, out, err = run('--workspace', ws, 'chart', '--type=gap', '--output=' + os.path.join(tmp, 'g.png'), growth)
    check('--workspace charts the corrected 4.0: behind', rc == 0 and 'behind 1' in out, out + err)

    bogus = os.path.join(tmp, 'bogus.zhibiao')
    with open(bogus, 'w') as f:
        f.write('not a database\n')
    rc, out, err = run('--workspace', bogus, 'chart', '--type=gap', '--output=' + os.path.join(tmp, 'a.png'), report)
    check('a file that is no workspace is refused in one line', rc == 2 and err.count('\n') == 1, err)

    # every corpus report: a chart when it has growth figures, else a clear "nothing to chart"
    reports = sorted(glob.glob(os.path.join(shared, 'corpus', '*.txt')) +
                     glob.glob(os.path.join(shared, 'corpus', 'eval', '*.txt')))
    for path in reports:
        for kind, ext in (('gap', 'svg'), ('trend', 'pdf')):
            target = os.path.join(tmp, 'c.' + ext)
            if os.path.exists(target):
                os.unlink(target)
            rc, out, err = run('chart', '--type=' + kind, '--output=' + target, path)
            if rc == 0:
                with open(target, 'rb') as f:
                    head = f.read(5)
                ok = head.startswith(b'%PDF') if ext == 'pdf' else b'<svg' in open(target, 'rb').read(4096)
                check('%s chart of %s' % (kind, os.path.basename(path)), ok and out.startswith(target), out + err)
            else:
                check('%s chart of %s says why not' % (kind, os.path.basename(path)),
                      rc == 2 and 'nothing to chart' in err and not os.path.exists(target), err)

    png = os.path.join(tmp, 'bench.png')
    rc, out, err = run('bench-chart', '--rows=30', '--frames=2', '--width=800', '--height=600', '--output=' + png)
    fields = dict(line.split('\t', 1) for line in out.splitlines() if '\t' in line)
    check('bench-chart reports ms per frame',
          rc == 0 and float(fields.get('mean_ms_per_frame', '-1')) > 0 and
          open(png, 'rb').read(8) == b'\x89PNG\r\n\x1a\n', out + err)

print('1..%d' % n)
sys.exit(1 if failures else 0)
