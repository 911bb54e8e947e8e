#!/usr/bin/env python3
"""Generate data/holidays.csv from the PyPI package `chinesecalendar`.

Usage (from the repository root):

    python3 -m venv /tmp/cc && /tmp/cc/bin/pip install chinesecalendar==1.11.0
    /tmp/cc/bin/python data/tools/make_holidays.py            # writes data/holidays.csv
    /tmp/cc/bin/python data/tools/make_holidays.py -          # writes to stdout

The output depends only on the installed package version: rows are sorted by
date and nothing (clock, locale, hash order) else goes into it.

What a row means
----------------
* `holiday`: a day off of a holiday period.  A period is the run of
  consecutive days off around a festival: the days the State Council notice
  names (放假 / 调休 / 补休) plus the ordinary Saturdays and Sundays joined to
  them (与周末连休, or a Sunday between a festival day and its 补休 Monday).
  chinesecalendar lists the weekend days of some periods and not of others;
  filling the runs makes every period complete the same way.
* `workday`: an adjusted working day (调休上班日), always a Saturday or Sunday.
* `name`: the festival in Chinese; a period that joins two festivals carries
  both names in the order of the notice ("中秋节、国庆节" in 2023,
  "国庆节、中秋节" in 2017, 2020 and 2025).  An adjusted working day carries
  the name of the period it pays for.
"""

import datetime as dt
import os
import sys

import chinese_calendar as cc

FIRST_YEAR = 2015

CHINESE = {
    cc.Holiday.new_years_day.value: "元旦",
    cc.Holiday.spring_festival.value: "春节",
    cc.Holiday.tomb_sweeping_day.value: "清明节",
    cc.Holiday.labour_day.value: "劳动节",
    cc.Holiday.dragon_boat_festival.value: "端午节",
    cc.Holiday.mid_autumn_festival.value: "中秋节",
    cc.Holiday.national_day.value: "国庆节",
    cc.Holiday.anti_fascist_70th_day.value: cc.Holiday.anti_fascist_70th_day.chinese,
}

# Periods whose name the package cannot give: in 2020 Mid-Autumn fell on
# 1 October, so the package labels every day "National Day", but the notice
# (国办发明电〔2019〕16号, item 六) names the period "国庆节、中秋节".
NAME_OVERRIDES = {
    dt.date(2020, 10, 1): "国庆节、中秋节",
}

NOTICES = """\
# Source: the State Council notices on the public-holiday arrangements of each year
#   (国务院办公厅关于…年部分节假日安排的通知):
#   2015 国办发明电〔2014〕28号; 2016 国办发明电〔2015〕18号; 2017 国办发明电〔2016〕17号;
#   2018 国办发明电〔2017〕12号; 2019 国办发明电〔2018〕15号, Labour Day changed by
#   国办发明电〔2019〕3号; 2020 国办发明电〔2019〕16号, Spring Festival extended to 2020-02-02
#   by 国办发明电〔2020〕1号 (the 2020-02-01 working Saturday was cancelled);
#   2021 国办发明电〔2020〕27号; 2022 国办发明电〔2021〕11号; 2023 国办发明电〔2022〕16号;
#   2024 国办发明电〔2023〕7号; 2025 国办发明电〔2024〕12号; 2026 国办发明电〔2025〕7号;
#   and the 2015-09-03 victory anniversary: 国务院 国发明电〔2015〕1号.
"""


def day_off_by_calendar(d):
    """An ordinary weekend day that is not an adjusted working day."""
    return d.weekday() >= 5 and d not in cc.workdays


def periods():
    """Group the package's holiday days into periods of consecutive days off."""
    listed = sorted(d for d in cc.holidays if d.year >= FIRST_YEAR - 1)
    seen = set()
    out = []
    for d in listed:
        if d in seen:
            continue
        start = d
        while (start - dt.timedelta(1)) in cc.holidays or day_off_by_calendar(start - dt.timedelta(1)):
            start -= dt.timedelta(1)
        end = d
        while (end + dt.timedelta(1)) in cc.holidays or day_off_by_calendar(end + dt.timedelta(1)):
            end += dt.timedelta(1)
        days = []
        festivals = []
        x = start
        while x <= end:
            days.append(x)
            seen.add(x)
            if x in cc.holidays and CHINESE[cc.holidays[x]] not in festivals:
                festivals.append(CHINESE[cc.holidays[x]])
            x += dt.timedelta(1)
        if len(festivals) > 1 and set(festivals) != {"中秋节", "国庆节"}:
            raise SystemExit(f"unexpected joined period {start}..{end}: {festivals}")
        name = NAME_OVERRIDES.get(start, "、".join(festivals))
        out.append((start, end, festivals, name, days))
    return out


def rows():
    ps = periods()
    result = {}
    for start, end, festivals, name, days in ps:
        for d in days:
            result[d] = ("holiday", name)
    for d, fest in sorted(cc.workdays.items()):
        if d.year < FIRST_YEAR - 1:
            continue
        if d.weekday() < 5:
            raise SystemExit(f"adjusted working day {d} is not a weekend day")
        if d in result:
            raise SystemExit(f"{d} is both a day off and a working day")
        fname = CHINESE[fest]
        candidates = [p for p in ps if fname in p[2]]
        best = min(candidates, key=lambda p: min(abs((d - p[0]).days), abs((d - p[1]).days)))
        gap = min(abs((d - best[0]).days), abs((d - best[1]).days))
        if gap > 31:
            raise SystemExit(f"no {fname} period near the working day {d}")
        result[d] = ("workday", best[3])
    return [(d, k, n) for d, (k, n) in sorted(result.items()) if d.year >= FIRST_YEAR]


def render():
    body = rows()
    years = sorted({d.year for d, _, _ in body})
    lines = [
        "# PRC public holidays and adjusted working days (法定节假日及调休上班日).",
        NOTICES.rstrip("\n"),
        f"#   As carried in the PyPI package chinesecalendar {cc.__version__}.",
        f"# Covered years: {years[0]}-{years[-1]}; a year is covered exactly when it has rows, and",
        "#   every covered year is complete. Outside them, use weekends only.",
        "# Generated by: python3 data/tools/make_holidays.py (needs chinesecalendar installed); do not edit by hand.",
        "# Columns: date (YYYY-MM-DD); kind: holiday = a day off of a holiday period, including the",
        "#   Saturdays/Sundays inside or joined to it (与周末连休); workday = an adjusted working day",
        "#   (调休上班日), always a Saturday or Sunday that is worked; name = the festival in Chinese.",
        "# Any date not listed: Monday-Friday is a working day, Saturday/Sunday is a day off.",
        "date,kind,name",
    ]
    lines += [f"{d.isoformat()},{k},{n}" for d, k, n in body]
    return "\n".join(lines) + "\n"


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "holidays.csv")
    text = render()
    if target == "-":
        sys.stdout.write(text)
    else:
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
