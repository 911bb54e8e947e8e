//! The official holiday calendar: which days are working days (used by CC 203).
//!
//! `data/holidays.csv` lists every day off of a public-holiday period (`holiday`, weekend days
//! inside it included) and every adjusted working Saturday or Sunday (`workday`), from the State
//! Council's notices. A year is covered when it has rows; outside the covered years only
//! weekends are days off, and the callers warn.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};

/// The compiled-in table.
pub(crate) const HOLIDAYS_CSV: &str = include_str!("../../data/holidays.csv");

/// What a listed day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A day off of a public-holiday period.
    Holiday,
    /// An adjusted working day (调休上班日): a Saturday or Sunday that is worked.
    Workday,
}

/// The holiday calendar: listed days and the years it covers.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    days: BTreeMap<NaiveDate, (DayKind, String)>,
    years: BTreeSet<i32>,
}

impl Calendar {
    /// Parses the `date,kind,name` table: `#` comment lines, a header, then rows.
    pub fn parse(text: &str) -> Result<Calendar, String> {
        let mut cal = Calendar::default();
        for (n, line) in crate::law::table_rows(text, "date,kind,name")? {
            let mut cols = line.splitn(3, ',');
            let (Some(date), Some(kind), Some(name)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(format!("line {n}: expected date,kind,name"));
            };
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
                .map_err(|e| format!("line {n}: bad date {date:?}: {e}"))?;
            let kind = match kind.trim() {
                "holiday" => DayKind::Holiday,
                "workday" => DayKind::Workday,
                other => return Err(format!("line {n}: unknown kind {other:?}")),
            };
            if cal.days.insert(date, (kind, name.trim().to_string())).is_some() {
                return Err(format!("line {n}: {date} listed twice"));
            }
            cal.years.insert(date.year());
        }
        Ok(cal)
    }

    /// The official calendar in `data/holidays.csv` (see [`crate::law::Tables::official`]).
    pub fn official() -> &'static Calendar {
        &crate::law::Tables::official().calendar
    }

    /// Whether the calendar has rows for this year (else: weekends only, with a warning).
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The first and last covered years, if any.
    pub fn covered_range(&self) -> Option<(i32, i32)> {
        Some((*self.years.first()?, *self.years.last()?))
    }

    /// A working day is Monday to Friday and not a holiday, or an adjusted working day
    /// (State Council holiday notices; the basis of "the next working day" in CC 203).
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.days.get(&day) {
            Some((DayKind::Workday, _)) => true,
            Some((DayKind::Holiday, _)) => false,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// Why a day is a day off, in words: the festival's name, or the weekday.
    pub fn day_off_reason(&self, day: NaiveDate) -> String {
        match self.days.get(&day) {
            Some((DayKind::Holiday, name)) => format!("public holiday ({name})"),
            _ => match day.weekday() {
                Weekday::Sat => "Saturday".into(),
                Weekday::Sun => "Sunday".into(),
                _ => "working day".into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::ymd;

    const SAMPLE: &str = "# comment\n# more\ndate,kind,name\n2024-02-04,workday,春节\n\
        2024-02-10,holiday,春节\n2024-02-11,holiday,春节\n2024-02-12,holiday,春节\n";

    #[test]
    fn parses_the_sample_and_answers_working_days() {
        let cal = Calendar::parse(SAMPLE).unwrap();
        assert!(cal.covers(2024));
        assert!(!cal.covers(2023));
        // 2024-02-04 is a Sunday, worked (调休).
        assert!(cal.is_working_day(ymd(2024, 2, 4)));
        // 2024-02-10 is a Saturday inside the holiday; 2024-02-12 a Monday inside it.
        assert!(!cal.is_working_day(ymd(2024, 2, 10)));
        assert!(!cal.is_working_day(ymd(2024, 2, 12)));
        // 2024-02-13 is a Tuesday not listed in the sample: a working day.
        assert!(cal.is_working_day(ymd(2024, 2, 13)));
        // 2023-12-30 is a Saturday: a day off by the weekend rule.
        assert!(!cal.is_working_day(ymd(2023, 12, 30)));
        assert_eq!(cal.day_off_reason(ymd(2024, 2, 12)), "public holiday (春节)");
        assert_eq!(cal.day_off_reason(ymd(2023, 12, 30)), "Saturday");
    }

    #[test]
    fn rejects_bad_tables() {
        assert!(Calendar::parse("2024-01-01,holiday,元旦\n").is_err());
        assert!(Calendar::parse("date,kind,name\n2024-13-01,holiday,x\n").is_err());
        assert!(Calendar::parse("date,kind,name\n2024-01-01,rest,x\n").is_err());
        assert!(Calendar::parse("date,kind,name\n2024-01-01,holiday,x\n2024-01-01,holiday,x\n").is_err());
        assert!(Calendar::parse("# only comments\n").is_err());
    }

    #[test]
    fn the_official_table_has_the_known_days() {
        let cal = Calendar::official();
        let (first, last) = cal.covered_range().unwrap();
        assert_eq!(first, 2015);
        assert!(last >= 2026);
        // Spring Festival 2024: 2024-02-10..17 off; 2024-02-04 and 2024-02-18 (Sundays) worked.
        for d in 10..=17 {
            assert!(!cal.is_working_day(ymd(2024, 2, d)), "2024-02-{d}");
        }
        assert!(cal.is_working_day(ymd(2024, 2, 4)));
        assert!(cal.is_working_day(ymd(2024, 2, 18)));
        // National Day 2017: 10-01..08 off, Saturday 09-30 worked.
        assert!(cal.is_working_day(ymd(2017, 9, 30)));
        assert!(!cal.is_working_day(ymd(2017, 10, 8)));
        assert!(cal.is_working_day(ymd(2017, 10, 9)));
    }
}
