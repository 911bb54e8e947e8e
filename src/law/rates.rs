//! The rate tables of SPC-SALE 18(4): the one-year LPR and the PBOC benchmark lending rate.
//!
//! Both are `effective_from,rate` tables (percent per year); the rate in force on a day is the
//! latest row on or before it.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::law::ymd;

pub(crate) const LPR_CSV: &str = include_str!("../../data/lpr.csv");
pub(crate) const PBOC_CSV: &str = include_str!("../../data/pboc-benchmark.csv");

/// SPC-SALE 18(4): breaches on or after 2019-08-20 are measured on the one-year LPR, earlier
/// ones on the PBOC benchmark lending rate.
pub const LPR_FROM: NaiveDate = ymd(2019, 8, 20);

/// One row of a rate table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateRow {
    /// The day the rate took effect (or was published).
    pub effective_from: NaiveDate,
    /// The rate, percent per year (`4.25`).
    pub percent: Decimal,
}

/// A rate table, sorted by date.
#[derive(Debug, Clone, Default)]
pub struct RateTable {
    rows: Vec<RateRow>,
}

impl RateTable {
    /// Parses an `effective_from,rate` table: `#` comment lines, a header, then rows in
    /// increasing date order.
    pub fn parse(text: &str) -> Result<RateTable, String> {
        let mut rows: Vec<RateRow> = Vec::new();
        for (n, line) in crate::law::table_rows(text, "effective_from,rate")? {
            let Some((date, rate)) = line.split_once(',') else {
                return Err(format!("line {n}: expected effective_from,rate"));
            };
            let effective_from = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
                .map_err(|e| format!("line {n}: bad date {date:?}: {e}"))?;
            let percent =
                Decimal::from_str_exact(rate.trim()).map_err(|e| format!("line {n}: bad rate {rate:?}: {e}"))?;
            if percent <= Decimal::ZERO {
                return Err(format!("line {n}: rate must be positive"));
            }
            if let Some(prev) = rows.last()
                && prev.effective_from >= effective_from
            {
                return Err(format!("line {n}: dates must increase"));
            }
            rows.push(RateRow {
                effective_from,
                percent,
            });
        }
        Ok(RateTable { rows })
    }

    /// The one-year LPR table in `data/lpr.csv` (see [`crate::law::Tables::official`]).
    pub fn lpr() -> &'static RateTable {
        &crate::law::Tables::official().lpr
    }

    /// The PBOC benchmark table in `data/pboc-benchmark.csv`.
    pub fn pboc() -> &'static RateTable {
        &crate::law::Tables::official().pboc
    }

    /// The rate in force on a day: the latest row on or before it (`None` before the first).
    pub fn rate_on(&self, day: NaiveDate) -> Option<RateRow> {
        let idx = self.rows.partition_point(|r| r.effective_from <= day);
        idx.checked_sub(1).map(|i| self.rows[i])
    }

    /// The table's last row.
    pub fn last(&self) -> Option<RateRow> {
        self.rows.last().copied()
    }

    /// Whether a rate looked up for this day may be stale: the day is more than one month
    /// after the table's last row (a fixing the table does not hold may have changed it).
    pub fn stale_on(&self, day: NaiveDate) -> bool {
        match self.last() {
            Some(last) => {
                let horizon = last
                    .effective_from
                    .checked_add_months(Months::new(1))
                    .expect("date within range");
                day > horizon
            }
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn lookup_takes_the_latest_row_on_or_before() {
        let t =
            RateTable::parse("# x\neffective_from,rate\n2019-08-20,4.25\n2019-09-20,4.20\n2019-10-21,4.20\n").unwrap();
        assert_eq!(t.rate_on(ymd(2019, 8, 19)), None);
        assert_eq!(t.rate_on(ymd(2019, 8, 20)).unwrap().percent, pct("4.25"));
        assert_eq!(t.rate_on(ymd(2019, 9, 19)).unwrap().percent, pct("4.25"));
        assert_eq!(t.rate_on(ymd(2019, 9, 20)).unwrap().percent, pct("4.20"));
        // Stale after 2019-10-21 + 1 month = 2019-11-21.
        assert!(!t.stale_on(ymd(2019, 11, 21)));
        assert!(t.stale_on(ymd(2019, 11, 22)));
    }

    #[test]
    fn rejects_bad_tables() {
        assert!(RateTable::parse("2019-08-20,4.25\n").is_err());
        assert!(RateTable::parse("effective_from,rate\n2019-08-20,x\n").is_err());
        assert!(RateTable::parse("effective_from,rate\n2019-09-20,4.2\n2019-08-20,4.25\n").is_err());
        assert!(RateTable::parse("effective_from,rate\n2019-08-20,0\n").is_err());
    }

    #[test]
    fn the_official_tables_have_the_known_rates() {
        let lpr = RateTable::lpr();
        assert_eq!(
            lpr.rate_on(LPR_FROM).unwrap(),
            RateRow {
                effective_from: LPR_FROM,
                percent: pct("4.25")
            }
        );
        assert_eq!(lpr.rate_on(ymd(2023, 8, 21)).unwrap().percent, pct("3.45"));
        assert_eq!(lpr.rate_on(ymd(2023, 8, 20)).unwrap().percent, pct("3.55"));
        assert_eq!(lpr.rate_on(ymd(2025, 5, 20)).unwrap().percent, pct("3.00"));
        let pboc = RateTable::pboc();
        assert_eq!(pboc.rate_on(ymd(2019, 8, 19)).unwrap().percent, pct("4.35"));
        assert_eq!(pboc.rate_on(ymd(2015, 10, 23)).unwrap().percent, pct("4.60"));
        assert_eq!(pboc.rate_on(ymd(2001, 1, 1)), None);
    }
}
