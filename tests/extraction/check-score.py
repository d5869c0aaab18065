#!/usr/bin/env python3
"""Scores zhibiao-cli against the shared gold and fails below the recorded floor.

Usage: check-score.py CLI SHARED_DIR FLOOR_FILE
Exit 77 (skip) when the shared corpus is absent.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    cli, shared, floor_file = sys.argv[1:4]
    score = os.path.join(shared, "eval", "score")
    corpus = os.path.join(shared, "corpus", "eval")
    gold = os.path.join(shared, "eval", "gold")
    if not (os.path.exists(score) and os.path.isdir(corpus) and os.path.isdir(gold)):
        print(f"SKIP: no shared corpus at {shared}")
        return 77

    floors = {}
    with open(floor_file, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                key, value = line.split()
                floors[key] = float(value)

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "score.json")
        proc = subprocess.run([sys.executable, score, "--cli", f"{cli} extract --format=json",
                               corpus, gold, "--json", out], capture_output=True, text=True)
        print(proc.stdout)
        print(proc.stderr, file=sys.stderr)
        if proc.returncode != 0:
            print("score failed")
            return 1
        with open(out, encoding="utf-8") as fh:
            summary = json.load(fh)["summary"]

    measured = {
        "figures_f1": summary["figures"]["f1"],
        "headings_f1": summary["headings"]["f1"],
        "headings_parent": summary["headings"]["parent_accuracy"],
    }
    failed = False
    for key, floor in floors.items():
        value = measured[key]
        verdict = "ok" if value + 1e-9 >= floor else "BELOW FLOOR"
        print(f"{key}: {value:.3f} (floor {floor:.3f}) {verdict}")
        failed |= value + 1e-9 < floor
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
