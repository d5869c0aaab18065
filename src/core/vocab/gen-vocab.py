#!/usr/bin/env python3
"""Compiles the vocabulary files of the inline phase into C.

Usage: gen-vocab.py OUT.c OUT.h FILE.txt...

Each FILE.txt is one table (its kind is the file name: units.txt → ZB_VOCAB_UNITS).
A line holds a word and the table's columns, separated by tabs or spaces; '#'
starts a comment. The columns a table takes are in SCHEMA below. All words of
all tables go into one byte trie, read forwards (words starting at a position)
and backwards (words ending at one), so that every lookup of the parser is one
walk whatever the table. Only the standard library is used.
"""
import sys

# column → (field, symbols) ; symbols map a written value to the small int kept
FILTER_BITS = 4096
# a character c sets bit c & (FILTER_BITS - 1): keep in step with zb-vocab-private.h
SIGN = {"+": 1, "-": -1, "0": 0}
SCHEMA = {
    "units": [("text", None), ("value", {"level": 0, "percent": 1, "pp": 2, "times": 3}),
              ("scope", {"measure": 0, "count": 1, "money": 2})],
    "change_verbs": [("value", SIGN)],
    "gap_verbs": [("value", SIGN)],
    "references": [("value", {"target": 1, "schedule": 2, "benchmark": 3})],
    "cues": [("value", {"goal": 1, "modal": 2, "estimate": 3, "frame": 4}),
             ("scope", {"clause": 0, "sentence": 1, "paragraph": 2})],
    "rate_words": [("value", {"change": 0, "growth": 1, "fall": 2, "share": 3, "rate": 4, "index": 5})],
    "comparison_words": [("value", {"open": 1, "base": 2, "year-on-year": 3, "opening": 4})],
    "list_words": [("value", {"first": 0, "second": 1, "last": 2})],
    "goal_nouns": [("value", {"noun": 0, "task": 1, "plan": 2, "title": 3})],
    "flat_words": [("value", {"rough": 0, "flat": 1})],
    "share_words": [("value", {"word": 0, "share": 1, "share-to": 2})],
    "two_tier": [("value", {"floor": 1, "aim": 2})],
    "counted_heads": [("text", None)],
    "reach_words": [("value", {"to": 1, "from": 2})],
    "rank_words": [("value", {"scope": 1, "end": 2, "place": 3, "top": 4})],
    "number_words": [("value", {"percent": 1, "more": 2, "ordinal": 3}), ("text", None)],
    "qualifiers": [("value", {"about": 0, "floor": 1, "ceiling": 2, "more": 3})],
    "bare_names": [("value", {"word": 0, "general": 1})],
    "period_words": [("value", {"plain": 0, "this-year": 1, "whole-year": 2, "modifier": 3})],
    "areas": [("value", {"nation": 1, "province": 2, "prefecture": 3, "county": 4, "town": 5})],
    "region_words": [("value", {"suffix": 1, "office": 2, "deictic": 3, "lead": 4})],
    "prepositions": [("value", {"word": 0, "prep": 1})],
    "name_breakers": [("value", {"breaker": 0, "word": 1})],
    "evaluations": [("value", {"eval": 1, "topic": 2})],
    "table_headers": [("value", {"name": 1, "value": 2, "change": 3, "unit": 4, "target": 5})],
    "name_prefixes": [("value", {"prefix": 0, "word": 1})],
    "name_suffixes": [("value", {"suffix": 0, "word": 1})],
    "section_words": [("value", {"front": 1, "back": 2, "contents": 3, "caption": 4})],
    # the values are ZbHeadingStyle's, which zb-heading.c asserts
    "heading_ordinals": [("value", {"chapter": 2, "part": 3, "section": 4, "ordinal": 6})],
    "date_parts": [("value", {"year": 1, "month": 2, "day": 3})],
    "period_parts": [("value", {"quarter": 1, "month-of": 2, "month-end": 3, "this-month": 4, "before": 5,
                                "since": 6, "until": 7, "now": 8, "year-start-to": 9})],
    "pair_words": [("text", None)],
    "done_markers": [("value", {"outer": 0, "inner": 1})],
    "counting_verbs": [("value", {"drop": 0, "keep": 1})],
    "indicators": [("aliases", None)],
}


def parse(path):
    kind = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    cols = SCHEMA.get(kind, [])
    entries = []
    seen = set()
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        word = parts[0]
        if word in seen:
            sys.exit(f"{path}:{n}: {word} twice")
        seen.add(word)
        e = {"word": word, "text": None, "value": 0, "scope": 0}
        if cols and cols[0][0] == "aliases":
            # indicators: the canonical name, then its other names
            e["text"] = word
            entries.append(e)
            for alias in parts[1:]:
                if alias in seen:
                    sys.exit(f"{path}:{n}: {alias} twice")
                seen.add(alias)
                entries.append({"word": alias, "text": word, "value": 1, "scope": 0})
            continue
        if len(parts) - 1 > len(cols):
            sys.exit(f"{path}:{n}: too many columns")
        for (field, symbols), v in zip(cols, parts[1:]):
            if symbols is None:
                e[field] = v
            elif v in symbols:
                e[field] = symbols[v]
            else:
                sys.exit(f"{path}:{n}: {field} is one of {', '.join(symbols)}, not {v}")
        entries.append(e)
    if kind == "units":
        entries += magnitudes(entries, seen)
    return kind, entries


# 1988.88万件, 3.2亿件: a count or a measure in ten thousands or hundred
# millions, for each unit that has no such form of its own
MAGNITUDES = ("万", "亿")


def magnitudes(entries, seen):
    out = []
    for e in entries:
        w = e["word"]
        if e["value"] != 0 or e["scope"] == 2 or w[0] in "万亿千百" or not "\u4e00" <= w[0] <= "\u9fff":
            continue
        for m in MAGNITUDES:
            if m + w not in seen:
                seen.add(m + w)
                out.append({"word": m + w, "text": m + e["text"], "value": e["value"], "scope": e["scope"]})
    return out


def c_str(s):
    if s is None:
        return "NULL"
    out = []
    for b in s.encode("utf-8"):
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


ROOT_BUCKETS = 4096  # keep in step with zb-vocab-private.h


def build_trie(words):
    """words: list of (string, kind, index), keyed by character. Returns
    nodes as [edges {char: child}, hits [(kind, index)]]."""
    nodes = [[{}, []]]
    for key, kind, index in words:
        n = 0
        for ch in key:
            c = ord(ch)
            nxt = nodes[n][0].get(c)
            if nxt is None:
                nxt = len(nodes)
                nodes.append([{}, []])
                nodes[n][0][c] = nxt
            n = nxt
        nodes[n][1].append((kind, index))
    return nodes


def emit_trie(out, name, nodes):
    edges = []
    hits = []
    rows = []
    # the kinds of every word at or below a node: a walk stops as soon as
    # no word of the kinds it looks for lies ahead (children come after
    # their parent, so a reverse pass sees every child first)
    below = [0] * len(nodes)
    for n in range(len(nodes) - 1, -1, -1):
        m = 0
        for kind, _ in nodes[n][1]:
            m |= 1 << kind
        for child in nodes[n][0].values():
            m |= below[child]
        below[n] = m
    for edges_of, hits_of in nodes:
        e0 = len(edges)
        for c in sorted(edges_of):
            edges.append((c, edges_of[c]))
        h0 = len(hits)
        hits.extend(sorted(hits_of))
        rows.append((e0, len(edges_of), h0, len(hits_of)))
    out.append(f"static const ZbVocabNode {name}_nodes[] = {{")
    for i, r in enumerate(rows):
        out.append("  { %d, %d, %d, %d, 0x%xULL }," % (r + (below[i],)))
    out.append("};")
    out.append(f"static const ZbVocabEdge {name}_edges[] = {{")
    for i in range(0, len(edges), 8):
        out.append("  " + " ".join("{ %d, %d }," % e for e in edges[i:i + 8]))
    out.append("};")
    out.append(f"static const ZbVocabHit {name}_hits[] = {{")
    for i in range(0, len(hits), 8):
        out.append("  " + " ".join("{ %d, %d }," % h for h in hits[i:i + 8]))
    out.append("};")
    # the root's children hashed by their character's low bits: the first
    # step of every look-up is an index and a short scan
    buckets = [[] for _ in range(ROOT_BUCKETS)]
    for c, child in sorted(nodes[0][0].items()):
        buckets[c & (ROOT_BUCKETS - 1)].append((c, child))
    root_edges = []
    spans = []
    for bucket in buckets:
        spans.append((len(root_edges), len(bucket)))
        root_edges.extend(bucket)
    out.append(f"static const ZbVocabEdge {name}_root_edges[] = {{")
    for i in range(0, len(root_edges), 8):
        out.append("  " + " ".join("{ %d, %d }," % e for e in root_edges[i:i + 8]))
    out.append("  { 0, 0 }")
    out.append("};")
    out.append(f"static const ZbVocabSpan {name}_root[ZB_VOCAB_ROOT_BUCKETS] = {{")
    for i in range(0, len(spans), 8):
        out.append("  " + " ".join("{ %d, %d }," % sp for sp in spans[i:i + 8]))
    out.append("};")
    return len(rows), len(edges), len(hits)


def main():
    out_c, out_h, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    tables = [parse(f) for f in sorted(files)]
    kinds = [k for k, _ in tables]

    h = ["/* generated by gen-vocab.py from src/core/vocab/ (one .txt a table) — do not edit */",
         "#pragma once", "", "typedef enum {"]
    for k in kinds:
        h.append(f"  ZB_VOCAB_{k.upper()},")
    h.append("  ZB_VOCAB_N_KINDS")
    h.append("} ZbVocabKind;")
    open(out_h, "w", encoding="utf-8").write("\n".join(h) + "\n")

    c = ["/* generated by gen-vocab.py from src/core/vocab/ (one .txt a table) — do not edit */",
         '#include "zb-vocab-private.h"', ""]
    words = []
    for ki, (kind, entries) in enumerate(tables):
        c.append(f"static const ZbWord table_{kind}[] = {{")
        for i, e in enumerate(entries):
            c.append("  { %s, %s, %d, %d }," % (c_str(e["word"]), c_str(e["text"]), e["value"], e["scope"]))
            words.append((e["word"], ki, i))
        c.append("  { NULL, NULL, 0, 0 }")
        c.append("};")
    c.append("const ZbWord *const zb_vocab_tables[ZB_VOCAB_N_KINDS] = {")
    for kind in kinds:
        c.append(f"  table_{kind},")
    c.append("};")
    c.append("const guint zb_vocab_sizes[ZB_VOCAB_N_KINDS] = {")
    for _, entries in tables:
        c.append(f"  {len(entries)},")
    c.append("};")
    emit_trie(c, "forward", build_trie(words))
    emit_trie(c, "backward", build_trie([(w[::-1], k, i) for w, k, i in words]))
    # a filter of each kind's first and last characters: most positions of
    # a text start (or end) no word of a kind, and are turned away by one bit
    for name, pick in (("first", 0), ("last", -1)):
        c.append(f"const guint8 zb_vocab_{name}_chars[ZB_VOCAB_N_KINDS][ZB_VOCAB_FILTER_BITS / 8] = {{")
        for _, entries in tables:
            bits = [0] * (FILTER_BITS // 8)
            for e in entries:
                h = ord(e["word"][pick]) & (FILTER_BITS - 1)
                bits[h // 8] |= 1 << (h % 8)
            c.append("  { " + ", ".join(str(b) for b in bits) + " },")
        c.append("};")
    c.append("const ZbVocabTrie zb_vocab_forward = { forward_nodes, forward_edges, forward_hits, forward_root_edges, forward_root };")
    c.append("const ZbVocabTrie zb_vocab_backward = { backward_nodes, backward_edges, backward_hits, backward_root_edges, backward_root };")
    open(out_c, "w", encoding="utf-8").write("\n".join(c) + "\n")


if __name__ == "__main__":
    main()
