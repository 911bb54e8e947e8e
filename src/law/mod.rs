//! The legal engine: pure rules of PRC law for a sale-of-goods payment claim
//! (`shared/design/legal-rules.md`, sections 1–4 and 6).
//!
//! Input is plain data ([`Facts`], in [`facts`]), output is plain data ([`LegalAssessment`]).
//! Nothing here reads files or the clock: the only data besides the facts are the tables in
//! `data/` (holiday calendar, LPR, PBOC benchmark), compiled in with `include_str!`.
//!
//! Every rule is one function or one table in one file, with its article in a one-line comment:
//! - section 1, debts and due dates, payment allocation: [`debts`] (CC 628, 510, 189, 560);
//! - section 2, limitation period: [`dates`] (CC 201–203), [`calendar`] (the official holiday
//!   calendar), [`limitation`] (CC 188, 192, 195; SPC-LIM 8, 9, 14, 19; the 2017 transition;
//!   General Part Interpretation 2022 Arts. 35, 38);
//! - section 3, late-payment charges: [`charges`], [`rates`] (SPC-SALE 18(4); CC 585);
//! - section 4, the claim and the fees: [`claim`], [`fees`] (FEES 13, 14, 16);
//! - section 6, where to sue: [`forum`] (CPL 24, 35; SPC CPL Interpretation 18).
//!
//! Where the law leaves a choice the engine takes the conservative reading (the one that never
//! tells the user they have more time or a stronger case than a court would grant) and says so
//! in a comment and in the trace or a [`Finding`].

pub mod calendar;
pub mod charges;
pub mod claim;
pub mod dates;
pub mod debts;
pub mod facts;
pub mod fees;
pub mod forum;
pub mod limitation;
pub mod rates;

#[cfg(test)]
mod props;
#[cfg(test)]
mod scenarios;

use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

pub use calendar::Calendar;
pub use charges::{Basis, ChargeSlice, DebtCharges, InterestSummary, RateDetail};
pub use claim::{ClaimValue, CostsSummary};
pub use debts::{AllocationEntry, Debt, DebtKind, DebtLedger};
pub use facts::*;
pub use forum::{ForumKind, SuggestedCourt};
pub use limitation::{DebtLimitation, LimitationSummary, Status, TraceEntry};
pub use rates::RateTable;

/// Where a fact came from: passed through untouched into every conclusion drawn from it, so
/// that each figure and each step of a trace names its document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DocRef {
    /// The document's kind, e.g. `contract`, `receipt`, `payment`, `correspondence`.
    pub kind: String,
    /// The document's id within the case.
    pub id: String,
    /// The YAML file it was read from (as the loader names it).
    pub file: String,
    /// The line of the document in that file (1-based; 0 when unknown).
    pub line: u32,
}

/// How serious a [`Finding`] is: the severity of every casepack diagnostic.
pub use crate::diag::Severity;

/// Something a rule noticed: an assumption it had to make, a risk, or a fact it did not rely on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code, e.g. `demand-unproven`, `excessive-penalty`.
    pub code: &'static str,
    /// One sentence in English for the user, naming the debt, dates and figures concerned.
    pub message: String,
    /// The document the finding is about, if any.
    pub doc: Option<DocRef>,
}

impl Finding {
    /// A finding of the given severity.
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>, doc: Option<&DocRef>) -> Self {
        Finding {
            severity,
            code,
            message: message.into(),
            doc: doc.cloned(),
        }
    }
    /// An [`Severity::Info`] finding.
    pub fn info(code: &'static str, message: impl Into<String>, doc: Option<&DocRef>) -> Self {
        Self::new(Severity::Info, code, message, doc)
    }
    /// A [`Severity::Warning`] finding.
    pub fn warning(code: &'static str, message: impl Into<String>, doc: Option<&DocRef>) -> Self {
        Self::new(Severity::Warning, code, message, doc)
    }
    /// An [`Severity::Error`] finding.
    pub fn error(code: &'static str, message: impl Into<String>, doc: Option<&DocRef>) -> Self {
        Self::new(Severity::Error, code, message, doc)
    }
}

/// The reference tables the rules read: the holiday calendar and the two rate tables.
#[derive(Debug, Clone)]
pub struct Tables {
    /// Public holidays and adjusted working days (`data/holidays.csv`).
    pub calendar: Calendar,
    /// The one-year LPR fixings (`data/lpr.csv`).
    pub lpr: RateTable,
    /// The PBOC benchmark lending rate, six months to one year (`data/pboc-benchmark.csv`).
    pub pboc: RateTable,
}

impl Tables {
    /// The official tables compiled into the binary, parsed once per process.
    pub fn official() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| Tables {
            calendar: Calendar::parse(calendar::HOLIDAYS_CSV).expect("data/holidays.csv is a valid calendar"),
            lpr: RateTable::parse(rates::LPR_CSV).expect("data/lpr.csv is a valid rate table"),
            pboc: RateTable::parse(rates::PBOC_CSV).expect("data/pboc-benchmark.csv is a valid rate table"),
        })
    }
}

/// Everything the JSON report needs from the law: per-debt ledger, limitation with traces,
/// late-payment charges, the claim's value, the fees, the suggested court and the findings.
#[derive(Debug, Clone, Serialize)]
pub struct LegalAssessment {
    /// The day every figure is computed to.
    pub as_of: NaiveDate,
    /// Each debt (one delivery or one installment): due date, principal, payments, outstanding.
    pub debts: Vec<DebtLedger>,
    /// The limitation period of the case and of each debt, with traces.
    pub limitation: LimitationSummary,
    /// Late-payment charges to `as_of`, per debt and in total.
    pub interest: InterestSummary,
    /// Enforcement costs claimed (or not) under the contracts' cost clauses.
    pub costs: CostsSummary,
    /// The claim's parts: unpaid principal due, charges, costs and their sum.
    pub claim: ClaimValue,
    /// `claim.total`, repeated at the top as the report's `claim_total`.
    #[serde(serialize_with = "ser_money")]
    pub claim_total: Decimal,
    /// Court acceptance fee on `claim_total`, ordinary procedure (FEES 13).
    #[serde(serialize_with = "ser_money")]
    pub court_fee: Decimal,
    /// Court acceptance fee under the simplified procedure: half (FEES 16).
    #[serde(serialize_with = "ser_money")]
    pub court_fee_simplified: Decimal,
    /// Fee for an application to preserve property worth `claim_total` (FEES 14).
    #[serde(serialize_with = "ser_money")]
    pub preservation_fee: Decimal,
    /// Where to sue, and the rule that says so (CPL 35, 24; SPC CPL Interpretation 18).
    pub suggested_court: SuggestedCourt,
    /// Everything the rules noticed, in the order they noticed it.
    pub findings: Vec<Finding>,
}

/// Runs every rule over the facts with the official tables.
pub fn evaluate(facts: &Facts) -> LegalAssessment {
    evaluate_with(facts, Tables::official())
}

/// Runs every rule over the facts with the given tables.
fn evaluate_with(facts: &Facts, tables: &Tables) -> LegalAssessment {
    let mut findings = Vec::new();
    let as_of = facts.as_of;

    // Section 1: debts, due dates and the allocation of payments.
    let debts = debts::build_debts(facts, &mut findings);
    let allocations = debts::allocate(&debts, &facts.payments, as_of, &mut findings);

    // Section 3 first: a debt paid late keeps its charges, whose limitation is reported too.
    let charges = charges::compute(facts, &debts, &allocations, tables, &mut findings);

    // Each debt's ledger on `as_of`: what was paid and what is outstanding.
    let ledgers: Vec<DebtLedger> = debts
        .iter()
        .zip(&allocations)
        .map(|(d, a)| debts::ledger(d, a, as_of))
        .collect();

    // Section 2: limitation of every debt.
    let events = limitation::interruptions(facts, &debts, &allocations, &mut findings);
    let debt_limits: Vec<_> = ledgers
        .iter()
        .zip(&events)
        .map(|(l, ev)| limitation::run(&l.debt, l.outstanding, ev, as_of, &tables.calendar, &mut findings))
        .collect();
    let unpaid: Vec<bool> = ledgers.iter().map(|l| l.outstanding > Decimal::ZERO).collect();
    let charged: Vec<bool> = charges.debts.iter().map(|c| c.total > Decimal::ZERO).collect();
    let limitation = limitation::summarise(debt_limits, &unpaid, &charged, as_of, &mut findings);

    // Section 4: the claim and the fees.
    let costs = claim::costs(facts, &debts, &ledgers, &charges, &mut findings);
    let claim = claim::value(&ledgers, &charges, &costs, as_of, &mut findings);
    let claim_total = claim.total;

    // Section 6: where to sue.
    let suggested_court = forum::suggest(facts, &debts, &mut findings);

    LegalAssessment {
        as_of,
        debts: ledgers,
        limitation,
        interest: charges,
        costs,
        claim,
        claim_total,
        court_fee: fees::court_fee(claim_total),
        court_fee_simplified: fees::court_fee_simplified(claim_total),
        preservation_fee: fees::preservation_fee(claim_total),
        suggested_court,
        findings,
    }
}

/// Serialises money as a string with exactly two decimals ("1234.50"), rounding half up.
pub fn ser_money<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&money_string(*value))
}

/// Serialises optional money as [`ser_money`] does, or `null`.
pub fn ser_money_opt<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&money_string(*v)),
        None => s.serialize_none(),
    }
}

/// Money as text with exactly two decimals, rounded half up: `1234.5` → `"1234.50"`.
pub fn money_string(value: Decimal) -> String {
    let mut v = cents(value);
    v.rescale(2);
    v.to_string()
}

/// Rounds to the cent, half up (away from zero): the one rounding rule of the engine.
pub fn cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// The data rows of a table in `data/`, with their 1-based line numbers: blank lines and `#`
/// comment lines are skipped, and the first other line must be `header`.
pub(crate) fn table_rows<'a>(text: &'a str, header: &str) -> Result<Vec<(usize, &'a str)>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(n, raw)| (n + 1, raw.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    match lines.next() {
        Some((_, first)) if first == header => Ok(lines.collect()),
        Some((n, _)) => Err(format!("line {n}: expected header {header}")),
        None => Err("no header line".into()),
    }
}

/// A date built from constants; panics only on an impossible constant (caught by any test).
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("invalid date constant"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_two_decimals_rounded_half_up() {
        assert_eq!(money_string("1234.5".parse().unwrap()), "1234.50");
        assert_eq!(money_string("0.005".parse().unwrap()), "0.01");
        assert_eq!(money_string("0.0049".parse().unwrap()), "0.00");
        assert_eq!(money_string("-2.345".parse().unwrap()), "-2.35");
        assert_eq!(money_string(Decimal::ZERO), "0.00");
        assert_eq!(money_string("100".parse().unwrap()), "100.00");
    }

    #[test]
    fn finding_serialises_lowercase_severity() {
        let f = Finding::warning("x-y", "m", None);
        let j = serde_json::to_value(&f).unwrap();
        assert_eq!(j["severity"], "warning");
        assert_eq!(j["code"], "x-y");
        assert!(j["doc"].is_null());
    }
}
