#!/usr/bin/python3
# check-attacks.py CLI — hostile inputs against zhibiao-cli, built here:
# every run must end with exit 0 or 2 (never a signal) within 10 s and
# 1 GiB of address space, print valid JSON when it succeeds, and leave what
# it must not touch as it was. The sample sentences are this test's own.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import fcntl
import io
import warnings
import json
import multiprocessing
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import zipfile

warnings.simplefilter('ignore')   # zipfile on the duplicate entries written on purpose
CLI = os.path.abspath(sys.argv[1])
n = 0
failed = False
W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

SAMPLE = ('示例县经济运行情况\n\n一、主要指标\n\n'
          '前三季度，示例县地区生产总值完成88.8亿元，同比增长4.5%。\n'
          '规模以上工业增加值增长7.1%，比上半年提高0.4个百分点。\n')


def ok(cond, what, detail=''):
    global n, failed
    n += 1
    print(('ok %d - %s' if cond else 'not ok %d - %s') % (n, what))
    if not cond:
        failed = True
        for line in str(detail).splitlines()[:20]:
            print('#   ' + line)


# AddressSanitizer reserves terabytes of address space for its shadow and
# runs a few times slower: under build-aux/sanitize the memory limit cannot
# apply and the time limit stretches.
SANITIZED = 'ASAN_OPTIONS' in os.environ
TIME_LIMIT = 40 if SANITIZED else 10


def limits(fsize=None):
    def apply():
        if not SANITIZED:
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        if fsize is not None:
            # a full disk: write() fails with EFBIG instead of ENOSPC
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    return apply


def run(*args, fsize=None, stdin=None):
    """(exit status, stdout, stderr, seconds); a signal is a negative status."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([CLI] + [a if isinstance(a, bytes) else str(a) for a in args], capture_output=True, timeout=TIME_LIMIT,
                           preexec_fn=limits(fsize), stdin=stdin or subprocess.DEVNULL)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = 'timeout', e.stdout or b'', e.stderr or b''
    return rc, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace'), time.monotonic() - t0


def well_behaved(res, json_out=False):
    """Exit 0 or 2, one line of stderr on 2, valid JSON on 0 if asked."""
    rc, out, err, _ = res
    if rc not in (0, 2):
        return False
    if rc == 2 and not (err.startswith('zhibiao-cli: ') and err.count('\n') == 1):
        return False
    if '[ERROR]' in err or '[WARNING]' in err:
        return False
    if rc == 0 and json_out:
        try:
            json.loads(out)
        except ValueError:
            return False
    return True


def attack(path, what, heavy=False):
    """extract, as JSON and TSV: well behaved whatever the file. A heavy
    one (millions of allocations) is left to the ordinary build: the
    sanitizers' unwinder on every malloc makes it take minutes."""
    global n
    if heavy and SANITIZED:
        for fmt in ('json', 'tsv'):
            n += 1
            print('ok %d - %s (%s) # SKIP under the sanitizers' % (n, what, fmt))
        return (0, '', '', 0)
    for fmt in ('json', 'tsv'):
        res = run('extract', '--format=' + fmt, '--', path)
        ok(well_behaved(res, fmt == 'json'), '%s (%s): exit %s in %.1f s' % (what, fmt, res[0], res[3]), res[2])
    return res


def zip_bytes(parts, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', compression) as z:
        for name, data in parts:
            z.writestr(name, data)
    return buf.getvalue()


def docx(body, prolog=''):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + prolog +
           '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body))
    return zip_bytes([('[Content_Types].xml', '<Types/>'), ('word/document.xml', doc)])


def para(text):
    return '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % text


def pdf(pages, text='Page'):
    """A PDF of @pages pages (one shared content stream) in Helvetica."""
    objs = [b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', None]
    stream = b'BT /F1 12 Tf 72 720 Td (' + text.encode() + b') Tj ET'
    objs.append(b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'\nendstream')
    kids = []
    for _ in range(pages):
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
                    b'/Resources << /Font << /F1 1 0 R >> >> /Contents 3 0 R >>')
        kids.append(len(objs))
    objs[1] = (b'<< /Type /Pages /Kids [' + b' '.join(b'%d 0 R' % k for k in kids) +
               b'] /Count %d >>' % len(kids))
    objs.append(b'<< /Type /Catalog /Pages 2 0 R >>')
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offsets:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, len(objs), xref)
    return bytes(out)


def write(path, data):
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
    return path


def history(ws, fid):
    rc, out, err, _ = run('--workspace', ws, 'history', fid)
    return [l.split('\t') for l in out.splitlines()[1:]] if rc == 0 else None


def chained(rows, field):
    """Each correction's old value is the previous one's new value."""
    rows = [r for r in rows if r[1] == field]
    return all(rows[i][2] == rows[i - 1][3] for i in range(1, len(rows)))


def corrector(args):
    ws, fid, k = args
    codes = []
    for i in range(8):
        codes.append(run('--workspace', ws, 'correct', fid, 'value', '%d.%d' % (100 + k, i))[0])
    return codes


with tempfile.TemporaryDirectory() as tmp:
    j = lambda *p: os.path.join(tmp, *p)
    report = write(j('report.txt'), SAMPLE)

    # ---- 1: a workspace whose format version is negative
    for version in (-1, -2147483648):
        neg = j('neg%d.zhibiao' % version)
        db = sqlite3.connect(neg)
        db.executescript('PRAGMA application_id = 1514293588; CREATE TABLE t (x); PRAGMA user_version = %d;'
                         % version)
        db.close()
        before = open(neg, 'rb').read()
        for cmd in (['reports'], ['import', report], ['figures', '1']):
            res = run('--workspace', neg, *cmd)
            ok(well_behaved(res) and res[0] == 2 and open(neg, 'rb').read() == before,
               'a workspace of version %d: %s exits 2, untouched' % (version, cmd[0]), res[2])

    # workspaces that are no files: a FIFO would block, a device be written
    os.mkfifo(j('ws.fifo'))
    os.mkdir(j('ws.dir'))
    for bogus in (j('ws.fifo'), j('ws.dir'), '/dev/zero'):
        for cmd in (['reports'], ['import', report]):
            res = run('--workspace', bogus, *cmd)
            ok(well_behaved(res) and res[0] == 2 and res[3] < TIME_LIMIT / 5,
               'the workspace %s: %s exits 2 at once' % (os.path.basename(bogus), cmd[0]), res[2])

    # ---- 2: Word documents that stand for far more than their size
    ent = '<!ENTITY a "%s">' % ('示例县地区生产总值完成12.5亿元。' * 30)
    bomb = write(j('bomb.docx'), docx(para('&a;' * 30) * 6000, '<!DOCTYPE w:document [%s]>' % ent))
    res = attack(bomb, 'an entity bomb of %d bytes' % os.path.getsize(bomb))
    ok(res[0] == 2 and res[3] < TIME_LIMIT / 5, 'the entity bomb is refused at once', res[2])
    nested = '<!ENTITY a "xxxxxxxxxx"><!ENTITY b "%s"><!ENTITY c "%s">' % ('&a;' * 10, '&b;' * 10)
    attack(write(j('laughs.docx'), docx('<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr></w:p>' % ('&c;' * 1000),
                                        '<!DOCTYPE w:document [%s]>' % nested)), 'entities in attribute values')
    attack(write(j('nodes.docx'), docx('<w:p a="" b="" c="" d=""/>' * 600000)), 'three million XML nodes', heavy=True)
    attack(write(j('deep.docx'), docx('<w:sdt><w:sdtContent>' * 5000 + para('深') +
                                      '</w:sdtContent></w:sdt>' * 5000)), 'XML nested 5000 deep')
    big_cell = '<w:tc>%s</w:tc>' % para('合并单元格' * 20000)
    merged = '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>%s</w:tc></w:tr>' % para('合并单元格' * 200000)
    merged += '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr>' * 20000
    res = attack(write(j('merged.docx'), docx('<w:tbl>%s</w:tbl>' % merged)), 'a merged cell repeated 20000 times')
    ok(res[0] == 2 and 'too large' in res[2], 'merged cells stop at the text budget', res[2])
    attack(write(j('huge-entry.docx'), zip_bytes([('word/document.xml', ' ' * (200 << 20))])),
           'a 200 MiB zip entry')
    res = attack(write(j('huge-text.docx'), docx(para('示例县工业投资完成12.5亿元，增长3.5%，' * 1000000))),
                 'a paragraph of 50 MB of figures in a small .docx')
    ok(res[0] == 2 and 'too large' in res[2], 'it is refused by the text budget', res[2])
    attack(write(j('dups.docx'), zip_bytes([('word/document.xml', '<w:document xmlns:w="%s"><w:body>%s'
                                             % (W_NS, para('重复') * 100000))] * 200)), '200 copies of the document part')
    good = docx(para('一、总体') + para('示例县工业投资完成12.5亿元，增长3.5%。'))
    attack(write(j('cut.docx'), good[:len(good) // 2]), 'a cut .docx')
    attack(write(j('empty.zip'), zip_bytes([])), 'an empty zip')
    attack(write(j('notxml.docx'), zip_bytes([('word/document.xml', b'\x00\xff' * 1000)])), 'a document part of binary')

    # ---- PDFs
    attack(write(j('pages.pdf'), pdf(6000)), 'a PDF of 6000 pages')
    attack(write(j('cut.pdf'), pdf(3)[:300]), 'a cut PDF')
    attack(write(j('garbage.pdf'), b'%PDF-1.7\n' + os.urandom(50000) + b'\n%%EOF\n'), 'a PDF of noise')
    attack(write(j('lines.pdf'), pdf(1, 'x) Tj T* (x' * 50000)), 'a PDF page of one long line')

    # ---- 4: control bytes in a report; typed text that is not clean
    controls = write(j('controls.txt'), '一、总体\n\n示例县\x01工业\x1b投资完成\x0712.5亿元，增长3.5%。\x7f\u0085\ufffe\n'
                     '二、消费\n\n社会消费品零售总额\x0b增长5.2%。\x00'.replace('\x00', ''))
    res = attack(controls, 'a report with control bytes')
    doc = json.loads(run('extract', controls)[1])
    texts = json.dumps(doc, ensure_ascii=False)
    ok(all(not (ord(c) < 32 or 0x7f <= ord(c) <= 0x9f or c in '\ufffe\uffff') or c in '\n'
           for f in doc['figures'] for v in f.values() if isinstance(v, str) for c in v),
       'no control character reaches a figure', texts)
    xlsx = j('controls.xlsx')
    res = run('export', '--output=' + xlsx, controls)
    ok(well_behaved(res) and res[0] == 0, 'export of a report with control bytes', res[2])
    try:
        import openpyxl
        book = openpyxl.load_workbook(xlsx)
        ok(len(book.sheetnames) == 5, 'openpyxl opens its workbook')
    except Exception as e:  # noqa: BLE001 — any failure to open is the failure tested
        ok(False, 'openpyxl opens its workbook', repr(e))

    ws = j('w.zhibiao')
    rc, out, err, _ = run('--workspace', ws, 'import', controls)
    rid = out.strip()
    rc, out, err, _ = run('--workspace', ws, 'figures', rid)
    fid = str(json.loads(out)['figures'][0]['id'])
    for field, value in (('name', b'\xff\xfe'), ('unit', b'\xe4\xb8'), ('name', b'a\x07b'), ('period', b'\x1b[31m')):
        res = run('--workspace', ws, 'correct', fid, field, value)
        ok(well_behaved(res) and res[0] == 2, 'correct %s to %r is refused' % (field, value), res[2])
    res = run('--workspace', ws, 'correct', fid, 'value', '13.5', '--note', b'\xc0\xaf')
    ok(well_behaved(res) and res[0] == 2, 'a note that is not UTF-8 is refused', res[2])
    res = run('--workspace', ws, 'targets', 'set', b'\xb5\xd8\xc7\xf8', '2025', '6', '%')
    ok(well_behaved(res) and res[0] == 2, 'a GB18030 indicator typed in a GB18030 terminal is refused', res[2])
    res = run('--workspace', ws, 'aliases', 'set', 'a\x01', 'b')
    ok(well_behaved(res) and res[0] == 2, 'an alias with a control character is refused', res[2])
    res = run('--workspace', ws, 'figures', rid)
    ok(well_behaved(res, True) and res[0] == 0, 'figures still prints valid JSON', res[2])

    # numbers at the ends of a double: their gap is infinite, which no sheet holds
    wx = j('extreme.zhibiao')
    run('--workspace', wx, 'import', report)
    fx = str(json.loads(run('--workspace', wx, 'figures', '1')[1])['figures'][0]['id'])
    for field, value in (('change', '1e308'), ('target', '-1e308'), ('value', '1e308'), ('value', '0x10')):
        res = run('--workspace', wx, 'correct', fx, field, value)
        ok(well_behaved(res), 'correct %s to %s' % (field, value), res[2])
    res = run('--workspace', wx, 'export', '--output=' + j('extreme.xlsx'), report)
    ok(well_behaved(res) and res[0] == 0, 'export with an infinite gap', res[2])
    try:
        import openpyxl
        openpyxl.load_workbook(j('extreme.xlsx'))
        ok(True, 'openpyxl opens it')
    except Exception as e:  # noqa: BLE001
        ok(False, 'openpyxl opens it', repr(e))
    for out in ('extreme.svg', 'extreme.png', 'extreme.pdf'):
        res = run('--workspace', wx, 'chart', '--type=gap', '--output=' + j(out), report)
        ok(well_behaved(res), 'a gap chart of it (%s)' % out, res[2])

    # a damaged workspace: text that is not UTF-8, an outline that loops
    db = sqlite3.connect(ws)
    db.execute("UPDATE figures SET name = CAST(X'ff00fe07' AS TEXT) WHERE id = ?", (int(fid),))
    db.execute("INSERT INTO corrections (figure_id, field, old, new, time, note) VALUES (?, 'unit', NULL, "
               "CAST(X'e4b8' AS TEXT), 1, CAST(X'1b5b33316d' AS TEXT))", (int(fid),))
    db.commit()
    res = run('--workspace', ws, 'figures', rid)
    ok(well_behaved(res, True) and res[0] == 0, 'figures of a workspace with bad bytes is valid JSON', res[2])
    res = run('--workspace', ws, 'history', fid)
    ok(well_behaved(res) and res[0] == 0 and '\x1b' not in res[1], 'history shows no control bytes', res[1])
    db.execute('UPDATE sections SET parent = sid WHERE report_id = ?', (int(rid),))
    db.commit()
    db.close()
    res = run('--workspace', ws, 'figures', rid)
    ok(well_behaved(res) and res[0] == 2, 'an outline that loops is refused, not followed', res[2])
    res = run('--workspace', ws, 'export', '--output=' + j('loop.xlsx'), controls)
    ok(well_behaved(res) and res[0] in (0, 2), 'export over that workspace ends', res[2])

    # a PDF chart on a full disk: refused, the good one kept
    big = write(j('big.txt'), SAMPLE + ''.join('%d、第%d部分\n\n示例县第%d项指标完成%d.5亿元，增长%d.1%%。\n\n'
                                               % (i % 9 + 1, i, i, 100 + i, i % 9) for i in range(400)))
    for name in ('gap.pdf', 'gap.svg', 'gap.png'):
        out = j(name)
        write(out, b'the good chart')
        res = run('chart', '--type=gap', '--width=2000', '--height=2000', '--output=' + out, big, fsize=4096)
        ok(well_behaved(res) and res[0] == 2 and open(out, 'rb').read() == b'the good chart',
           '%s on a full disk: exit 2, the old file kept' % name, res[2])
    book = write(j('full.xlsx'), b'the good workbook')
    res = run('export', '--output=' + book, big, fsize=4096)
    ok(well_behaved(res) and res[0] == 2 and open(book, 'rb').read() == b'the good workbook',
       'a workbook on a full disk: one line, no libxlsxwriter [ERROR], the old file kept', res[2])
    ok(not [f for f in os.listdir(tmp) if f.startswith('.full.xlsx.') or f.startswith('.gap.')],
       'no temporary file is left behind')

    # ---- 5: what export may replace
    target = write(j('target.xlsx'), b'not mine')
    os.symlink(target, j('link.xlsx'))
    res = run('export', '--output=' + j('link.xlsx'), report)
    ok(well_behaved(res) and res[0] == 2 and os.path.islink(j('link.xlsx')) and open(target, 'rb').read() == b'not mine',
       'a symlink is not replaced', res[2])
    ro = write(j('ro.xlsx'), b'read-only')
    os.chmod(ro, 0o444)
    res = run('export', '--output=' + ro, report)
    ok(well_behaved(res) and res[0] == 2 and open(ro, 'rb').read() == b'read-only', 'a read-only file is kept', res[2])
    os.mkfifo(j('fifo.xlsx'))
    for kind in ('export', 'chart'):
        args = ['--output=' + j('fifo.xlsx')] if kind == 'export' else ['--type=gap', '--output=' + j('fifo.pdf')]
        if kind == 'chart':
            os.mkfifo(j('fifo.pdf'))
        res = run(kind, *args, report)
        ok(well_behaved(res) and res[0] == 2 and stat.S_ISFIFO(os.lstat(args[-1].split('=')[1]).st_mode),
           '%s does not replace a FIFO' % kind, res[2])
    private = write(j('private.xlsx'), b'old')
    os.chmod(private, 0o600)
    res = run('export', '--output=' + private, report)
    ok(res[0] == 0 and stat.S_IMODE(os.stat(private).st_mode) == 0o600, 'a 0600 workbook stays 0600', res[2])
    stale = write(j('.private.xlsx.Ab12Cd'), b'left by a kill -9')
    held = write(j('.private.xlsx.Zz98Yy'), b'an export in progress')
    lock = open(held, 'rb')
    fcntl.flock(lock, fcntl.LOCK_EX)
    res = run('export', '--output=' + private, report)
    ok(res[0] == 0 and not os.path.exists(stale) and os.path.exists(held),
       'a stale temporary file is removed, one in use is not', res[2])
    lock.close()

    # ---- 7: what the loader refuses before reading, and encodings
    for dev in ('/dev/zero', '/dev/urandom', j('fifo.xlsx'), tmp):
        res = attack(dev, 'reading %s' % dev)
        ok(res[0] == 2 and res[3] < TIME_LIMIT / 5, '%s is refused at once' % dev, res[2])
    sparse = j('sparse.txt')
    with open(sparse, 'wb') as f:
        f.truncate(3 << 30)
    res = attack(sparse, 'a 3 GiB file')
    ok(res[0] == 2 and 'too large' in res[2] and res[3] < TIME_LIMIT / 5, 'a 3 GiB file is refused before it is read',
       res[2])
    os.unlink(sparse)
    for enc, name in (('utf-16-le', 'UTF-16LE'), ('utf-16-be', 'UTF-16BE')):
        res = attack(write(j(name + '.txt'), SAMPLE.encode(enc)), name + ' without BOM')
        ok(res[0] == 0 and json.loads(run('extract', j(name + '.txt'))[1])['encoding'] == name,
           '%s without BOM is read as such' % name, res[2])
    attack(write(j('bad16.txt'), b'\xff\xfe' + '报告'.encode('utf-16-le') + b'\x00\xd8A\x00'), 'UTF-16 with a lone surrogate')
    attack(write(j('odd16.txt'), b'\xff\xfe' + '报告'.encode('utf-16-le') + b'A'), 'UTF-16 of an odd length')
    data = SAMPLE.encode('utf-8')
    cut = write(j('cut.txt'), data[:-2])   # inside the last 。
    res = attack(cut, 'UTF-8 cut inside its last character')
    # the 。 before the final newline starts 4 bytes from the end
    ok(res[0] == 2 and 'byte %d' % (len(data) - 4) in res[2], 'the cut is reported at byte %d' % (len(data) - 4), res[2])
    # hanzi whose GB18030 bytes read as two-byte UTF-8 sequences
    gb = ''
    for lead in range(0xC2, 0xD8):
        for trail in range(0xA1, 0xC0):
            try:
                gb += bytes([lead, trail]).decode('gb2312')
            except UnicodeDecodeError:
                pass
    text = ('%s\n\n%s12.5%s\n' % (gb[:6], gb[6:30], gb[30:34])).encode('gb18030')
    text.decode('utf-8')   # valid UTF-8 by construction
    res = attack(write(j('gb.txt'), text), 'GB18030 that is valid UTF-8')
    ok(res[0] == 0 and json.loads(run('extract', j('gb.txt'))[1])['encoding'] == 'GB18030',
       'it is read as GB18030', res[1][:200])
    write(j('-dash.txt'), SAMPLE)
    p = subprocess.run([CLI, 'extract', '--', '-dash.txt'], cwd=tmp, capture_output=True, timeout=TIME_LIMIT)
    ok(p.returncode == 0 and json.loads(p.stdout)['file'] == '-dash.txt', 'extract -- -dash.txt')
    for cmd in (['reports'], ['figures', '1'], ['history', '1'], ['targets'], ['aliases'], ['correct', '1', 'value', '2'],
                ['export', '--output=' + j('x.xlsx'), report], ['chart', '--type=gap', '--output=' + j('x.png'), report]):
        typo = j('typo', 'dir', 'w.zhibiao')
        res = run('--workspace', typo, *cmd)
        ok(well_behaved(res) and res[0] == 2 and not os.path.exists(j('typo')),
           'a mistyped --workspace for %s creates nothing' % cmd[0], res[2])

    # a big report in a process whose address space is limited: refused, not aborted
    dense = write(j('dense.txt'), '示例县工业投资完成12.5亿元，增长3.5%，' * 500000)
    res = attack(dense, 'a 19 MB line of figures under a 1 GiB limit', heavy=True)
    ok(SANITIZED or (res[0] == 2 and 'memory' in res[2]), 'it is refused for the memory it would take', res[2])

    # ---- the rest of an attacker's kit
    attack(write(j('nul.txt'), SAMPLE.encode() + b'\x00' * 100 + SAMPLE.encode()), 'NUL bytes in text')
    attack(write(j('long.txt'), '示例县工业投资完成12.5亿元，增长3.5%，' * 60000), 'a 2 MB line', heavy=True)
    attack(write(j('digits.txt'), '9' * 3000000), '3 million digits')
    attack(write(j('percent.txt'), '增长%' * 500000), 'half a million 增长%')
    attack(write(j('headings.txt'), ''.join('%d.\n' % i for i in range(300000))), '300000 headings', heavy=True)
    attack(write(j('noise.bin'), os.urandom(1 << 20)), 'a megabyte of noise')
    attack(write(j('empty.txt'), b''), 'an empty file')
    attack(write(j('bom.txt'), b'\xef\xbb\xbf'), 'a lone BOM')
    attack(write(j('ole.doc'), b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\x00' * 1000), 'an OLE2 file')

    # ---- 3: four processes correcting one figure
    ws4 = j('four.zhibiao')
    rc, out, err, _ = run('--workspace', ws4, 'import', report)
    rc, out, err, _ = run('--workspace', ws4, 'figures', out.strip())
    fid = str(json.loads(out)['figures'][0]['id'])
    with multiprocessing.Pool(4) as pool:
        codes = [c for r in pool.map(corrector, [(ws4, fid, k) for k in range(4)]) for c in r]
    rows = history(ws4, fid)
    ok(set(codes) <= {0, 2} and codes.count(0) == len(rows), 'four processes: every run exits 0 or 2, each 0 is a row',
       codes)
    ok(rows is not None and chained(rows, 'value'), 'every old value is the previous new one', rows)
    ok(all(r[5].endswith('(zhibiao-cli)') for r in rows), 'each correction names its author', rows)
    res = run('--workspace', ws4, 'correct', fid, 'value', '1.0')
    ok(res[0] == 0, 'a fresh correction after them is stored', res[2])

print('1..%d' % n)
sys.exit(1 if failed else 0)
