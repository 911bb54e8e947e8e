//! Computing periods in years and in days (CC 201–203).

use chrono::{Datelike, Months, NaiveDate};

use crate::law::Calendar;

/// The last day of a period counted in years, before and after the CC 203 shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodEnd {
    /// The corresponding day (CC 201, 202), before any shift.
    pub corresponding: NaiveDate,
    /// The period's last day: the corresponding day, or the next working day after it (CC 203).
    pub last_day: NaiveDate,
    /// Years outside the holiday calendar that the shift had to look at (weekends only there).
    pub uncovered_years: Vec<i32>,
}

impl PeriodEnd {
    /// Whether CC 203 moved the last day.
    pub fn shifted(&self) -> bool {
        self.last_day != self.corresponding
    }
}

/// CC 201: the first day is not counted, so a period of `years` years starting on `start`
/// ends on the same month and day `years` later; CC 202: where that month has no such day
/// (29 February), on the month's last day.
pub fn corresponding_day(start: NaiveDate, years: u32) -> NaiveDate {
    // `checked_add_months` keeps the day of month and clamps to the month's end: CC 202 exactly.
    start
        .checked_add_months(Months::new(12 * years))
        .expect("date within chrono's range")
}

/// CC 203: a period whose last day is a public holiday (or weekend) ends on the next working
/// day after it, adjusted working days included.
pub fn next_working_day(day: NaiveDate, cal: &Calendar) -> (NaiveDate, Vec<i32>) {
    let mut d = day;
    let mut uncovered = Vec::new();
    loop {
        if !cal.covers(d.year()) && !uncovered.contains(&d.year()) {
            uncovered.push(d.year());
        }
        if cal.is_working_day(d) {
            return (d, uncovered);
        }
        d = d.succ_opt().expect("date within chrono's range");
    }
}

/// The last day of a period of `years` years starting on `start` (CC 201, 202, 203).
pub fn period_end(start: NaiveDate, years: u32, cal: &Calendar) -> PeriodEnd {
    let corresponding = corresponding_day(start, years);
    let (last_day, uncovered_years) = next_working_day(corresponding, cal);
    PeriodEnd {
        corresponding,
        last_day,
        uncovered_years,
    }
}

/// The last day of a period of `days` days starting on `start` — a demand letter's time to
/// pay: CC 201, the first day is not counted, so it ends `days` days after `start`; CC 203, a
/// last day off moves to the next working day.
pub fn days_period_end(start: NaiveDate, days: u32, cal: &Calendar) -> NaiveDate {
    let last = start + chrono::Days::new(u64::from(days));
    next_working_day(last, cal).0
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::ymd;

    #[test]
    fn periods_in_days() {
        let cal = Calendar::official();
        // 2026-11-22 + 7 = Sunday 2026-11-29 → Monday 2026-11-30 (CC 203).
        assert_eq!(days_period_end(ymd(2026, 11, 22), 7, cal), ymd(2026, 11, 30));
        // 2026-11-22 + 10 = Wednesday 2026-12-02, a working day: unchanged.
        assert_eq!(days_period_end(ymd(2026, 11, 22), 10, cal), ymd(2026, 12, 2));
        // 2024-02-03 + 7 = 2024-02-10, first day of the Spring Festival holiday (02-10…02-17)
        // → Sunday 2024-02-18, an adjusted working day.
        assert_eq!(days_period_end(ymd(2024, 2, 3), 7, cal), ymd(2024, 2, 18));
    }

    #[test]
    fn corresponding_day_and_month_end() {
        // CC 201/202: 2021-03-05 + 3 years = 2024-03-05.
        assert_eq!(corresponding_day(ymd(2021, 3, 5), 3), ymd(2024, 3, 5));
        // 29 Feb 2024 + 3 years: 2027 has no 29 Feb, so the month's last day, 28 Feb.
        assert_eq!(corresponding_day(ymd(2024, 2, 29), 3), ymd(2027, 2, 28));
        // 29 Feb 2024 + 4 years = 29 Feb 2028 (a leap year again).
        assert_eq!(corresponding_day(ymd(2024, 2, 29), 4), ymd(2028, 2, 29));
        // 31 Dec stays 31 Dec.
        assert_eq!(corresponding_day(ymd(2020, 12, 31), 3), ymd(2023, 12, 31));
    }

    #[test]
    fn shift_past_weekend_and_spring_festival() {
        let cal = Calendar::official();
        // 2021-02-12 + 3 years = 2024-02-12, Spring Festival (off 02-10..17); 2024-02-18 is
        // an adjusted working Sunday, so the period ends on Sunday 2024-02-18.
        let p = period_end(ymd(2021, 2, 12), 3, cal);
        assert_eq!(p.corresponding, ymd(2024, 2, 12));
        assert_eq!(p.last_day, ymd(2024, 2, 18));
        assert!(p.shifted());
        assert!(p.uncovered_years.is_empty());
        // 2020-06-06 + 3 = 2023-06-06, a Tuesday: no shift.
        let p = period_end(ymd(2020, 6, 6), 3, cal);
        assert_eq!(p.last_day, ymd(2023, 6, 6));
        assert!(!p.shifted());
        // 2020-09-09 + 3 = 2023-09-09, a Saturday, not listed: Monday 2023-09-11.
        assert_eq!(period_end(ymd(2020, 9, 9), 3, cal).last_day, ymd(2023, 9, 11));
    }

    #[test]
    fn beyond_the_calendar_weekends_only_and_reported() {
        let cal = Calendar::official();
        // 2027-10-01 is a Friday; the calendar stops at 2026, so no National Day holiday is
        // known: the day stands, and 2027 is reported as uncovered.
        let p = period_end(ymd(2024, 10, 1), 3, cal);
        assert_eq!(p.last_day, ymd(2027, 10, 1));
        assert_eq!(p.uncovered_years, vec![2027]);
        // 2027-10-02 is a Saturday: Monday 2027-10-04.
        assert_eq!(period_end(ymd(2024, 10, 2), 3, cal).last_day, ymd(2027, 10, 4));
    }

    #[test]
    fn days_between_is_signed() {
        // 2026-11-22 → 2027-01-15: 8 (rest of November) + 31 (December) + 15 = 54 days.
        assert_eq!(days_between(ymd(2026, 11, 22), ymd(2027, 1, 15)), 54);
        assert_eq!(days_between(ymd(2027, 1, 15), ymd(2026, 11, 22)), -54);
    }
}
