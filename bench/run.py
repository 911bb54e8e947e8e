#!/usr/bin/env python3
"""Benchmark: casepack check and build over many case folders, in one run.

Makes N copies of the example cases (each copy gets its own id), then runs the release
binary's `check` and `build` on them and reports wall time and peak memory (max RSS of the
child), and the ratios that matter: build time per case over check time per case, and the
cost of N cases over the cost of one. Figures are only comparable within one run.

    cargo build --release && python3 bench/run.py [--copies 25]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "casepack")


def make_cases(dest, copies):
    src = os.path.join(ROOT, "cases")
    n = 0
    for i in range(copies):
        for name in sorted(os.listdir(src)):
            case = os.path.join(src, name)
            if not os.path.isfile(os.path.join(case, "case.yaml")):
                continue
            to = os.path.join(dest, f"{name}-{i:03}")
            shutil.copytree(case, to)
            meta = os.path.join(to, "case.yaml")
            with open(meta, encoding="utf-8") as f:
                lines = [l for l in f.read().splitlines() if not l.startswith("id:")]
            with open(meta, "w", encoding="utf-8") as f:
                f.write(f"id: {name}-{i:03}\n" + "\n".join(lines) + "\n")
            n += 1
    return n


# Runs one command in a fresh Python process that reports its child's peak RSS (KiB), so that
# each measurement sees only its own command.
MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def run(args):
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", MEASURE, BIN, *args], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    rss, code = (int(x) for x in out.stdout.split())
    return wall, rss, code


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--copies", type=int, default=25)
    a = p.parse_args()
    if not os.path.exists(BIN):
        sys.exit("build the release binary first: cargo build --release")
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one")
        many = os.path.join(tmp, "many")
        os.makedirs(one)
        os.makedirs(many)
        n1 = make_cases(one, 1)
        n = make_cases(many, a.copies)
        rows = []
        for label, path, count in [("1 copy", one, n1), (f"{a.copies} copies", many, n)]:
            for cmd in ("check", "build"):
                extra = ["--out", os.path.join(tmp, "out-" + label.replace(" ", ""))] if cmd == "build" else []
                wall, rss, code = run([cmd, "--as-of", "2026-11-22", *extra, path])
                rows.append((label, cmd, count, wall, rss, code))
        print(f"{'input':<12} {'cmd':<6} {'cases':>5} {'wall s':>8} {'ms/case':>8} {'peak MiB':>9} exit")
        for label, cmd, count, wall, rss, code in rows:
            print(f"{label:<12} {cmd:<6} {count:>5} {wall:>8.3f} {1000 * wall / count:>8.1f} {rss / 1024:>9.1f} {code}")
        per = {(r[0], r[1]): r[3] / r[2] for r in rows}
        many_label = f"{a.copies} copies"
        print()
        print(f"build/check time per case ({many_label}): {per[(many_label, 'build')] / per[(many_label, 'check')]:.1f}x")
        print(f"build time per case, {many_label} vs 1 copy: {per[(many_label, 'build')] / per[('1 copy', 'build')]:.2f}x")


if __name__ == "__main__":
    main()
