#!/usr/bin/python3
# make-seeds.py — seed corpora for the fuzz targets, from the project's own
# test inputs: the string literals of tests/*/*.c (sample sentences written
# for the tests), one seed per literal that holds text, plus a few seeds
# that join them into whole reports. Never the shared corpus.
#
# Usage: make-seeds.py TESTS_DIR OUT_DIR [STAMP]
#   writes OUT_DIR/*.txt (text seeds), OUT_DIR-docx/*.docx (Word seeds) and
#   OUT_DIR-pdf/*.pdf (PDF seeds)
#
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import pathlib
import re
import sys
import zipfile
from xml.sax.saxutils import escape

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
ADJACENT = re.compile(r'"\s*\n\s*"')


def c_unescape(body):
    """The bytes a C string literal stands for."""
    out = bytearray()
    raw = body.encode('utf-8')
    i = 0
    simple = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('0'): 0, ord('\\'): 92,
              ord('"'): 34, ord("'"): 39, ord('a'): 7, ord('b'): 8, ord('f'): 12, ord('v'): 11}
    while i < len(raw):
        c = raw[i]
        if c != 0x5C or i + 1 == len(raw):
            out.append(c)
            i += 1
            continue
        n = raw[i + 1]
        if n == ord('x'):
            m = re.match(rb'[0-9a-fA-F]{1,2}', raw[i + 2:])
            out.append(int(m.group(0), 16) if m else 0)
            i += 2 + (len(m.group(0)) if m else 0)
        elif ord('0') <= n <= ord('7'):
            m = re.match(rb'[0-7]{1,3}', raw[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            out.append(simple.get(n, n))
            i += 2
    return bytes(out)


def literals(path):
    # "a" "b" on following lines are one literal in C
    text = ADJACENT.sub('', path.read_text(encoding='utf-8'))
    for m in LITERAL.finditer(text):
        yield c_unescape(m.group(1))


def is_sample(data):
    """Text a report could hold: not a format string or test path."""
    if len(data) < 4 or data.startswith(b'/') and b' ' not in data:
        return False
    return any(b >= 0x80 for b in data) or b'\n' in data


def docx(paragraphs):
    body = ''.join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(p)
                   for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body>%s</w:body></w:document>' % body)
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('word/document.xml', doc)
    return buf.getvalue()


def pdf(lines):
    """A PDF of @lines, one per text line, in Helvetica with a ToUnicode map
    from its one-byte codes to the lines' characters (so poppler reads them
    back as Chinese without any font embedded)."""
    chars = sorted(set(''.join(lines)) - {' '})[:220]
    code = {c: 0x21 + i for i, c in enumerate(chars)}
    cmap = ['/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
            '/CMapName /ZbSeed def /CMapType 2 def',
            '1 begincodespacerange <00> <FF> endcodespacerange']
    pairs = [(code[c], c) for c in chars if ord(c) <= 0xFFFF]
    for i in range(0, len(pairs), 100):
        block = pairs[i:i + 100]
        cmap.append('%d beginbfchar' % len(block))
        cmap += ['<%02X> <%04X>' % (k, ord(c)) for k, c in block]
        cmap.append('endbfchar')
    cmap.append('endcmap CMapName currentdict /CMap defineresource pop end end')
    cmap = '\n'.join(cmap).encode()
    pages, page = [], []
    for line in lines:
        page.append(line)
        if len(page) == 40:
            pages.append(page)
            page = []
    pages.append(page)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', None,
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths ['
            + b' '.join([b'900'] * 224) + b'] /ToUnicode 4 0 R >>',
            b'<< /Length %d >>\nstream\n' % len(cmap) + cmap + b'\nendstream']
    kids = []
    for page in pages:
        ops = []
        for k, line in enumerate(page):
            hexs = ''.join('%02X' % (0x20 if c == ' ' else code[c]) for c in line if c == ' ' or c in code)
            ops.append('BT /F1 10 Tf 40 %d Td <%s> Tj ET' % (800 - 18 * k, hexs))
        stream = '\n'.join(ops).encode()
        objs.append(b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'\nendstream')
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>'
                    b' /Contents %d 0 R >>' % len(objs))
        kids.append(len(objs))
    objs[1] = b'<< /Type /Pages /Kids [' + b' '.join(b'%d 0 R' % k for k in kids) + b'] /Count %d >>' % len(kids)
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    return bytes(out)


def write(out, data, suffix):
    name = hashlib.sha1(data).hexdigest()[:16] + suffix
    (out / name).write_bytes(data)


def main():
    tests = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out_docx = out.with_name(out.name + '-docx')
    out_pdf = out.with_name(out.name + '-pdf')
    for d in (out, out_docx, out_pdf):
        d.mkdir(parents=True, exist_ok=True)
        for old in d.iterdir():
            old.unlink()

    samples = []
    for path in sorted(tests.glob('*/*.c')):
        if path.parent.name == 'fuzz':
            continue
        for data in literals(path):
            if is_sample(data) and data not in samples:
                samples.append(data)
    if not samples:
        sys.exit('make-seeds.py: no sample strings under %s' % tests)

    for data in samples:
        write(out, data, '.txt')
    # whole reports: every sample in one, and in groups of eight
    write(out, b'\n\n'.join(samples), '.txt')
    for i in range(0, len(samples), 8):
        write(out, b'\n\n'.join(samples[i:i + 8]), '.txt')

    texts = [s.decode('utf-8', 'replace') for s in samples]
    texts = [''.join(ch for ch in t if ch in '\t\n' or ch >= ' ') for t in texts]
    for i in range(0, len(texts), 8):
        write(out_docx, docx([line for t in texts[i:i + 8] for line in t.split('\n')]), '.docx')
        write(out_pdf, pdf([line for t in texts[i:i + 8] for line in t.split('\n') if line.strip()][:120]), '.pdf')

    if len(sys.argv) > 3:
        pathlib.Path(sys.argv[3]).write_text('%d text seeds\n' % len(samples))


if __name__ == '__main__':
    main()
