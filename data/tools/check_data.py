#!/usr/bin/env python3
"""Check the tables in data/ (standard library only).

    python3 data/tools/check_data.py

Parses holidays.csv, lpr.csv and pboc-benchmark.csv and checks their format,
order and content; checks holidays.csv against the day ranges and working
days of the State Council notices, typed here independently of the
chinesecalendar package that generated it; checks that every LPR row falls
on the publication day the calendar predicts. Exits 1 on the first failure.
"""

import datetime as dt
import os
import re
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
D = dt.date.fromisoformat

# (festival, first day off, last day off, [adjusted working days]) as the notice words them.
NOTICES = [
    ("元旦", "2015-01-01", "2015-01-03", ["2015-01-04"]),
    ("春节", "2015-02-18", "2015-02-24", ["2015-02-15", "2015-02-28"]),
    ("清明节", "2015-04-05", "2015-04-06", []),
    ("劳动节", "2015-05-01", "2015-05-01", []),
    ("端午节", "2015-06-20", "2015-06-20", []),
    ("端午节", "2015-06-22", "2015-06-22", []),
    ("纪念日", "2015-09-03", "2015-09-05", ["2015-09-06"]),
    ("中秋节", "2015-09-27", "2015-09-27", []),
    ("国庆节", "2015-10-01", "2015-10-07", ["2015-10-10"]),
    ("元旦", "2016-01-01", "2016-01-01", []),
    ("春节", "2016-02-07", "2016-02-13", ["2016-02-06", "2016-02-14"]),
    ("清明节", "2016-04-04", "2016-04-04", []),
    ("劳动节", "2016-05-01", "2016-05-02", []),
    ("端午节", "2016-06-09", "2016-06-11", ["2016-06-12"]),
    ("中秋节", "2016-09-15", "2016-09-17", ["2016-09-18"]),
    ("国庆节", "2016-10-01", "2016-10-07", ["2016-10-08", "2016-10-09"]),
    ("元旦", "2017-01-01", "2017-01-02", []),
    ("春节", "2017-01-27", "2017-02-02", ["2017-01-22", "2017-02-04"]),
    ("清明节", "2017-04-02", "2017-04-04", ["2017-04-01"]),
    ("劳动节", "2017-05-01", "2017-05-01", []),
    ("端午节", "2017-05-28", "2017-05-30", ["2017-05-27"]),
    ("国庆节、中秋节", "2017-10-01", "2017-10-08", ["2017-09-30"]),
    ("元旦", "2018-01-01", "2018-01-01", []),
    ("春节", "2018-02-15", "2018-02-21", ["2018-02-11", "2018-02-24"]),
    ("清明节", "2018-04-05", "2018-04-07", ["2018-04-08"]),
    ("劳动节", "2018-04-29", "2018-05-01", ["2018-04-28"]),
    ("端午节", "2018-06-18", "2018-06-18", []),
    ("中秋节", "2018-09-24", "2018-09-24", []),
    ("国庆节", "2018-10-01", "2018-10-07", ["2018-09-29", "2018-09-30"]),
    ("元旦", "2018-12-30", "2019-01-01", ["2018-12-29"]),
    ("春节", "2019-02-04", "2019-02-10", ["2019-02-02", "2019-02-03"]),
    ("清明节", "2019-04-05", "2019-04-05", []),
    ("劳动节", "2019-05-01", "2019-05-04", ["2019-04-28", "2019-05-05"]),  # 国办发明电〔2019〕3号
    ("端午节", "2019-06-07", "2019-06-07", []),
    ("中秋节", "2019-09-13", "2019-09-13", []),
    ("国庆节", "2019-10-01", "2019-10-07", ["2019-09-29", "2019-10-12"]),
    ("元旦", "2020-01-01", "2020-01-01", []),
    ("春节", "2020-01-24", "2020-02-02", ["2020-01-19"]),  # extended by 国办发明电〔2020〕1号
    ("清明节", "2020-04-04", "2020-04-06", []),
    ("劳动节", "2020-05-01", "2020-05-05", ["2020-04-26", "2020-05-09"]),
    ("端午节", "2020-06-25", "2020-06-27", ["2020-06-28"]),
    ("国庆节、中秋节", "2020-10-01", "2020-10-08", ["2020-09-27", "2020-10-10"]),
    ("元旦", "2021-01-01", "2021-01-03", []),
    ("春节", "2021-02-11", "2021-02-17", ["2021-02-07", "2021-02-20"]),
    ("清明节", "2021-04-03", "2021-04-05", []),
    ("劳动节", "2021-05-01", "2021-05-05", ["2021-04-25", "2021-05-08"]),
    ("端午节", "2021-06-12", "2021-06-14", []),
    ("中秋节", "2021-09-19", "2021-09-21", ["2021-09-18"]),
    ("国庆节", "2021-10-01", "2021-10-07", ["2021-09-26", "2021-10-09"]),
    ("元旦", "2022-01-01", "2022-01-03", []),
    ("春节", "2022-01-31", "2022-02-06", ["2022-01-29", "2022-01-30"]),
    ("清明节", "2022-04-03", "2022-04-05", ["2022-04-02"]),
    ("劳动节", "2022-04-30", "2022-05-04", ["2022-04-24", "2022-05-07"]),
    ("端午节", "2022-06-03", "2022-06-05", []),
    ("中秋节", "2022-09-10", "2022-09-12", []),
    ("国庆节", "2022-10-01", "2022-10-07", ["2022-10-08", "2022-10-09"]),
    ("元旦", "2022-12-31", "2023-01-02", []),
    ("春节", "2023-01-21", "2023-01-27", ["2023-01-28", "2023-01-29"]),
    ("清明节", "2023-04-05", "2023-04-05", []),
    ("劳动节", "2023-04-29", "2023-05-03", ["2023-04-23", "2023-05-06"]),
    ("端午节", "2023-06-22", "2023-06-24", ["2023-06-25"]),
    ("中秋节、国庆节", "2023-09-29", "2023-10-06", ["2023-10-07", "2023-10-08"]),
    ("元旦", "2024-01-01", "2024-01-01", []),
    ("春节", "2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]),
    ("清明节", "2024-04-04", "2024-04-06", ["2024-04-07"]),
    ("劳动节", "2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]),
    ("端午节", "2024-06-10", "2024-06-10", []),
    ("中秋节", "2024-09-15", "2024-09-17", ["2024-09-14"]),
    ("国庆节", "2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]),
    ("元旦", "2025-01-01", "2025-01-01", []),
    ("春节", "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
    ("清明节", "2025-04-04", "2025-04-06", []),
    ("劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]),
    ("端午节", "2025-05-31", "2025-06-02", []),
    ("国庆节、中秋节", "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),
    ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
    ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
    ("清明节", "2026-04-04", "2026-04-06", []),
    ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
    ("端午节", "2026-06-19", "2026-06-21", []),
    ("中秋节", "2026-09-25", "2026-09-27", []),
    ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
]


def fail(msg):
    sys.exit(f"FAIL: {msg}")


def read(name, header):
    path = os.path.join(DATA, name)
    raw = open(path, "rb").read()
    if b"\r" in raw:
        fail(f"{name}: CR line ends")
    if not raw.endswith(b"\n"):
        fail(f"{name}: no final newline")
    lines = raw.decode("utf-8").split("\n")[:-1]
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    if i == 0:
        fail(f"{name}: no comment lines")
    if lines[i] != header:
        fail(f"{name}: header {lines[i]!r} != {header!r}")
    rows = [l.split(",") for l in lines[i + 1:]]
    ncols = header.count(",") + 1
    prev = None
    for r in rows:
        if len(r) != ncols:
            fail(f"{name}: bad row {r}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[0]):
            fail(f"{name}: bad date {r[0]}")
        d = D(r[0])
        if prev is not None and d <= prev:
            fail(f"{name}: {d} not after {prev} (unsorted or duplicate)")
        prev = d
    return [(D(r[0]), *r[1:]) for r in rows]


def check_holidays():
    rows = read("holidays.csv", "date,kind,name")
    table = {d: (k, n) for d, k, n in rows}
    for d, k, n in rows:
        if k not in ("holiday", "workday"):
            fail(f"holidays: bad kind {k} on {d}")
        if not n:
            fail(f"holidays: empty name on {d}")
        if k == "workday" and d.weekday() < 5:
            fail(f"holidays: workday {d} is a {d:%A}")
    years = sorted({d.year for d in table})
    if years != list(range(years[0], years[-1] + 1)):
        fail(f"holidays: covered years have a gap: {years}")

    notice_off, notice_work = set(), set()
    for fest, a, b, work in NOTICES:
        d = D(a)
        while d <= D(b):
            notice_off.add(d)
            k, n = table.get(d, (None, None))
            if k != "holiday" or fest not in n and n not in fest:
                fail(f"holidays: notice {fest} day off {d}, table has {k} {n}")
            d += dt.timedelta(1)
        for w in map(D, work):
            notice_work.add(w)
            k, n = table.get(w, (None, None))
            if k != "workday" or n != fest and fest not in n and n not in fest:
                fail(f"holidays: notice {fest} working day {w}, table has {k} {n}")
    for d, k, n in rows:
        if k == "workday" and d not in notice_work:
            fail(f"holidays: workday {d} is in no notice")
        if k == "holiday" and d not in notice_off and d.weekday() < 5:
            fail(f"holidays: weekday {d} is off in the table but in no notice")
    # every run of consecutive holiday rows holds at least one day the notice names
    run = []
    for d, k, n in rows + [(dt.date.max, "end", "")]:
        if k == "holiday" and (not run or d - run[-1] == dt.timedelta(1)):
            run.append(d)
            continue
        if run and not notice_off.intersection(run):
            fail(f"holidays: run {run[0]}..{run[-1]} holds no notice day")
        run = [d] if k == "holiday" else []
    if years[0] > 2015 or years[-1] < 2026:
        fail(f"holidays: years {years[0]}-{years[-1]}")

    # the spot checks of the brief
    for d in ("2024-02-10", "2024-02-11", "2024-02-14", "2024-02-17"):
        assert table[D(d)] == ("holiday", "春节"), d
    assert D("2024-02-09") not in table  # 除夕 2024 was only "encouraged" off
    assert table[D("2024-02-04")] == ("workday", "春节")
    assert table[D("2024-02-18")] == ("workday", "春节")
    for d in ("2023-09-29", "2023-10-01", "2023-10-06"):
        assert table[D(d)] == ("holiday", "中秋节、国庆节"), d
    assert table[D("2023-10-07")] == ("workday", "中秋节、国庆节")
    assert table[D("2023-10-08")] == ("workday", "中秋节、国庆节")
    assert D("2020-02-01") not in table or table[D("2020-02-01")][0] == "holiday"
    return rows, table, years


def is_working(d, table):
    if d in table:
        return table[d][0] == "workday"
    return d.weekday() < 5


def check_lpr(table, years):
    rows = read("lpr.csv", "effective_from,rate")
    if rows[0] != (D("2019-08-20"), "4.25"):
        fail(f"lpr: first row {rows[0]}")
    y, m = 2019, 8
    for d, rate in rows:
        if not re.fullmatch(r"\d+\.\d{2}", rate) or not 0 < float(rate) < 10:
            fail(f"lpr: bad rate {rate} on {d}")
        if (d.year, d.month) != (y, m):
            fail(f"lpr: expected a fixing in {y}-{m:02}, got {d}")
        expect = dt.date(y, m, 20)
        if expect.year not in years:
            fail(f"lpr: {d} outside the holiday calendar's years")
        while not is_working(expect, table):
            expect += dt.timedelta(1)
        if d != expect:
            fail(f"lpr: {y}-{m:02} fixing dated {d}, first working day from the 20th is {expect}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    for d, r in [("2022-08-22", "3.65"), ("2023-08-21", "3.45"), ("2024-07-22", "3.35"),
                 ("2024-10-21", "3.10"), ("2025-05-20", "3.00")]:
        assert (D(d), r) in rows, d
    return rows


def check_benchmark():
    rows = read("pboc-benchmark.csv", "effective_from,rate")
    for d, rate in rows:
        if not re.fullmatch(r"\d+\.\d{2}", rate) or not 0 < float(rate) < 20:
            fail(f"pboc-benchmark: bad rate {rate} on {d}")
    for a, b in zip(rows, rows[1:]):
        if a[1] == b[1]:
            fail(f"pboc-benchmark: {b[0]} repeats the rate of {a[0]}")
    if rows[0] != (D("2002-02-21"), "5.31") or rows[-1] != (D("2015-10-24"), "4.35"):
        fail(f"pboc-benchmark: ends {rows[0]} .. {rows[-1]}")
    return rows


def main():
    hol, table, years = check_holidays()
    lpr = check_lpr(table, years)
    bench = check_benchmark()
    nh = sum(1 for r in hol if r[1] == "holiday")
    print(f"holidays.csv: {len(hol)} rows ({nh} holiday, {len(hol) - nh} workday), years {years[0]}-{years[-1]}")
    print(f"lpr.csv: {len(lpr)} rows, {lpr[0][0]} {lpr[0][1]} .. {lpr[-1][0]} {lpr[-1][1]}")
    print(f"pboc-benchmark.csv: {len(bench)} rows, {bench[0][0]} {bench[0][1]} .. {bench[-1][0]} {bench[-1][1]}")
    print("OK")


if __name__ == "__main__":
    main()
