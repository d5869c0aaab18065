#!/usr/bin/python3
# make-seeds.py — seed corpora for the fuzz targets, from the project's own
# test inputs: the string literals of tests/*/*.c (sample sentences written
# for the tests), one seed per literal that holds text, plus a few seeds
# that join them into whole reports. Never the shared corpus.
#
# Usage: make-seeds.py TESTS_DIR OUT_DIR [STAMP]
#   writes OUT_DIR/*.txt (text seeds) and OUT_DIR-docx/*.docx (Word seeds)
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


def write(out, data, suffix):
    name = hashlib.sha1(data).hexdigest()[:16] + suffix
    (out / name).write_bytes(data)


def main():
    tests = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out_docx = out.with_name(out.name + '-docx')
    for d in (out, out_docx):
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

    if len(sys.argv) > 3:
        pathlib.Path(sys.argv[3]).write_text('%d text seeds\n' % len(samples))


if __name__ == '__main__':
    main()
