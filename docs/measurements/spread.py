#!/usr/bin/env python3
"""Run-to-run spread of the container/host ratios: the same comparison repeated in several runs.

usage: spread.py RUN_DIR... (each compared already: RUN_DIR/report/summary.json)
Prints, per benchmark row, the ratio in each run and the spread max/min - 1, then the median and the largest spread.
"""
import json
import statistics
import sys


def ratios(run):
    summary = json.load(open(f"{run}/report/summary.json"))
    out = {}
    for row in summary["comparisons"]:
        key = row["benchmark"].replace("io.isobench.", "") + (str(row.get("params") or "") if row.get("params") else "")
        out[key] = row["ratio"]
    return out


def main(runs):
    per_run = [ratios(run) for run in runs]
    keys = sorted(set.intersection(*(set(r) for r in per_run)))
    spreads = []
    for key in keys:
        values = [r[key] for r in per_run]
        spread = max(values) / min(values) - 1
        spreads.append(spread)
        print(f"{key:60s} " + " ".join(f"{v:6.3f}" for v in values) + f"   spread {spread * 100:5.1f} %")
    print(f"rows {len(keys)}; median spread {statistics.median(spreads) * 100:.1f} %; "
          f"largest {max(spreads) * 100:.1f} %; rows above 10 %: {sum(s > 0.10 for s in spreads)}")


if __name__ == "__main__":
    main(sys.argv[1:])
