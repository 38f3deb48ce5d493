#!/usr/bin/env python3
"""Time used on a match's clock, per engine, from `tengen match` records (results.jsonl).

For each match folder: games, results and losses on time for A and B, then per engine:
  main    share of the main time spent over each game (absolute, Fischer, or main time before
          overtime), mean and range over the games played to their end (both passed or the
          move limit; resigned and forfeited games stop early) and over all games;
  period  mean share of a byo-yomi period used by the moves made in byo-yomi (Japanese
          periods), with the share of those moves under 80%;
  s/move  mean seconds per move.
Usage: python3 scripts/time_report.py RUN_DIR...
       python3 scripts/time_report.py --merge RUN_DIR...   one report over all the folders' games
                                                          (the lanes of one measurement)
"""
import json
import sys


def clock_of(text):
    parts = (text or "none").split(":")
    kind, nums = parts[0], [float(x) for x in parts[1:]]
    return kind, nums


def read_records(folder):
    """The games of one match folder, or None (said on stdout) when it has none."""
    path = folder.rstrip("/") + "/results.jsonl"
    try:
        with open(path) as f:
            records = [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        print(f"{folder}: no results.jsonl")
        return None
    if not records:
        print(f"{folder}: no games")
        return None
    return records


def report(folder, records=None):
    """Prints the report of `records` (default: the games in `folder`) under the name `folder`."""
    records = records if records is not None else read_records(folder)
    if not records:
        return
    clocks = {r.get("timeControl") for r in records}
    if len(clocks) > 1:
        print(f"{folder}: games on different clocks {sorted(map(str, clocks))}: not one measurement")
        return
    kind, nums = clock_of(records[0].get("timeControl"))
    main = nums[0] if nums else 0.0
    period = nums[1] if kind == "byoyomi" else None
    print(f"{folder}: {len(records)} games, clock {records[0].get('timeControl', 'unknown')}")
    results = {"A": [0, 0, 0], "B": [0, 0, 0]}  # wins, losses, losses on time
    stats = {e: {"main_end": [], "main_all": [], "period": [], "moves": 0, "seconds": 0.0}
             for e in "AB"}
    for r in records:
        a_colour = "B" if r["game"] % 2 == 0 else "W"
        on_time = r["result"].endswith("+T")
        for engine in "AB":
            colour = a_colour if engine == "A" else ("W" if a_colour == "B" else "B")
            won = r.get("winner") == engine
            lost = r.get("winner") not in (None, engine)
            results[engine][0] += won
            results[engine][1] += lost
            results[engine][2] += lost and on_time
            times = (r.get("moveSeconds") or {}).get(colour)
            if times is None:
                continue
            overtime = set((r.get("overtimeMoves") or {}).get(colour, []))
            s = stats[engine]
            s["moves"] += len(times)
            s["seconds"] += sum(times)
            if main > 0:
                in_main = sum(t for i, t in enumerate(times) if i not in overtime)
                share = min(1.0, in_main / main)
                s["main_all"].append(share)
                if r["reason"] in ("both passed", "move limit"):
                    s["main_end"].append(share)
            if period:
                s["period"].extend(times[i] / period for i in sorted(overtime))
    for engine in "AB":
        w, l, t = results[engine]
        s = stats[engine]
        line = f"  {engine}: {w} won, {l} lost ({t} on time)"
        if s["main_all"]:
            end = s["main_end"]
            if end:
                line += (f"; main {100 * sum(end) / len(end):.0f}% over {len(end)} finished games"
                         f" [{100 * min(end):.0f}-{100 * max(end):.0f}%]")
            line += f", {100 * sum(s['main_all']) / len(s['main_all']):.0f}% over all"
        if s["period"]:
            p = s["period"]
            low = sum(1 for x in p if x < 0.8)
            line += (f"; period {100 * sum(p) / len(p):.0f}% over {len(p)} byo-yomi moves"
                     f" ({100 * low / len(p):.0f}% of them under 80%)")
        if s["moves"]:
            line += f"; {s['seconds'] / s['moves']:.2f} s/move"
        print(line)


if __name__ == "__main__":
    args = sys.argv[1:]
    merge = bool(args) and args[0] == "--merge"
    folders = args[1:] if merge else args
    if not folders:
        sys.exit(__doc__)
    if merge:
        games = [r for f in folders for r in (read_records(f) or [])]
        report(" + ".join(folders), games)
    else:
        for folder in folders:
            report(folder)
