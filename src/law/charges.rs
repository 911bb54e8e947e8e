//! Section 3: late-payment charges (逾期付款违约金 / 逾期付款损失).
//!
//! Each unpaid slice of a debt runs up charges for each day from the day after its due date D
//! up to and including the day it was paid, or `as_of`. The rate is the contract's where it
//! agrees one, otherwise the one-year LPR in force on the breach day D + 1 (the PBOC benchmark
//! rate before 2019-08-20) plus a markup (SPC-SALE 18(4)). Each debt's charge is rounded to the
//! cent; the total is the sum of the rounded figures.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::law::debts::{AllocationEntry, Debt, outstanding_on};
use crate::law::rates::{LPR_FROM, RateRow};
use crate::law::{Contract, Facts, Finding, InterestMode, LatePayment, Tables, cents, money_string, ser_money};

/// Annual rates are charged per day as annual / 365 (legal-rules.md section 3).
pub const DAYS_PER_YEAR: u32 = 365;

/// SPC-SALE 18(4): the markup on the LPR basis lies between 30% and 50%.
pub fn markup_range() -> (Decimal, Decimal) {
    (Decimal::new(3, 1), Decimal::new(5, 1))
}

/// CC 585; Contract Book Interpretation 2023 Art. 65: a penalty more than 30% above the loss
/// may be reduced.
pub fn penalty_tolerance() -> Decimal {
    Decimal::new(13, 1)
}

/// The loss of late payment, for that comparison, measured at the LPR basis with the highest
/// markup of SPC-SALE 18(4): base rate × 1.5.
pub fn loss_factor() -> Decimal {
    Decimal::ONE + markup_range().1
}

/// A contract rate above this multiple of the base rate may be reduced: 1.3 × 1.5 = 1.95.
pub fn excessive_threshold_factor() -> Decimal {
    penalty_tolerance() * loss_factor()
}

/// On what basis a debt's charges are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The contract's late-payment clause.
    Contract,
    /// One-year LPR at the breach day × (1 + markup).
    Lpr,
    /// PBOC benchmark lending rate at the breach day × (1 + markup): breach before 2019-08-20.
    Pboc,
    /// No charges.
    None,
}

/// The rate applied to a debt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateDetail {
    /// `daily`, `annual`, `fixed`, `lpr`, `pboc` or `none`.
    pub kind: &'static str,
    /// The contract's rate as agreed (a fraction per day or per year), if any.
    pub contract_rate: Option<Decimal>,
    /// The contract's fixed sum, if any.
    #[serde(serialize_with = "crate::law::ser_money_opt")]
    pub fixed_sum: Option<Decimal>,
    /// The LPR or benchmark rate, percent per year, in force on the breach day.
    pub base_percent: Option<Decimal>,
    /// The day that rate took effect.
    pub base_effective_from: Option<NaiveDate>,
    /// The markup applied to it (fraction).
    pub markup: Option<Decimal>,
    /// The annual rate applied, percent (a daily rate × 365).
    pub annual_percent: Option<Decimal>,
}

impl RateDetail {
    fn none() -> Self {
        RateDetail {
            kind: "none",
            contract_rate: None,
            fixed_sum: None,
            base_percent: None,
            base_effective_from: None,
            markup: None,
            annual_percent: None,
        }
    }
}

/// One amount of a debt and the days it was late.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChargeSlice {
    /// The amount that was late.
    #[serde(serialize_with = "ser_money")]
    pub amount: Decimal,
    /// The first day charged: D + 1.
    pub from: NaiveDate,
    /// The last day charged: the day it was paid, or `as_of`.
    pub to: NaiveDate,
    /// Days charged, both ends included.
    pub days: i64,
    /// The day it was paid, if it was.
    pub paid_on: Option<NaiveDate>,
    /// The charge on this slice, rounded for display (the debt's total is rounded once from
    /// the exact sum, so slices may differ from it by a cent).
    #[serde(serialize_with = "ser_money")]
    pub charge: Decimal,
}

/// The charges of one debt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DebtCharges {
    /// The debt's name.
    pub id: String,
    /// The basis of its charges.
    pub basis: Basis,
    /// The breach day D + 1.
    pub breach_on: NaiveDate,
    /// The rate applied.
    pub rate: RateDetail,
    /// The late amounts, each with its days.
    pub slices: Vec<ChargeSlice>,
    /// The debt's charge to `as_of`, rounded half up to the cent.
    #[serde(serialize_with = "ser_money")]
    pub total: Decimal,
}

/// The late-payment charges of the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterestSummary {
    /// `contract`, `lpr` (LPR or PBOC basis), `none`, or `mixed` when debts differ.
    pub basis: &'static str,
    /// The sum of the debts' rounded charges.
    #[serde(serialize_with = "ser_money")]
    pub total: Decimal,
    /// The day charges run to (`as_of`).
    pub to: NaiveDate,
    /// Per debt (same order as the debts).
    pub debts: Vec<DebtCharges>,
}

/// Whether agreed terms are usable: a daily rate of at most 100% a day, an annual rate of at most
/// 10,000% a year, a fixed sum of at most 10^15 yuan, none negative. Beyond that the figure is a
/// typo (and would overflow the arithmetic).
pub fn usable_terms(terms: &LatePayment) -> Result<(), String> {
    let (value, max, what) = match terms {
        LatePayment::DailyRate(r) => (*r, Decimal::ONE, "daily rate"),
        LatePayment::AnnualRate(r) => (*r, Decimal::ONE_HUNDRED, "annual rate"),
        LatePayment::Fixed(f) => (*f, crate::law::debts::max_amount(), "fixed sum"),
    };
    if value < Decimal::ZERO || value > max {
        Err(format!("the {what} {value} is out of range"))
    } else {
        Ok(())
    }
}

/// The days charged for an amount due on D and paid (or still unpaid) on `until`: each day from
/// D + 1 up to and including `until`; none when paid on or before D.
pub fn charged_days(due_on: NaiveDate, until: NaiveDate) -> i64 {
    (until - due_on).num_days().max(0)
}

/// A daily rate: amount × days × rate (exact).
pub fn daily_rate_charge(amount: Decimal, days: i64, rate: Decimal) -> Decimal {
    amount * Decimal::from(days) * rate
}

/// An annual rate: amount × days × rate / 365 (exact to 28 digits).
pub fn annual_rate_charge(amount: Decimal, days: i64, annual: Decimal) -> Decimal {
    amount * Decimal::from(days) * annual / Decimal::from(DAYS_PER_YEAR)
}

/// The statutory base rate for a breach day: SPC-SALE 18(4) — on or after 2019-08-20 the
/// one-year LPR in force that day; before it the PBOC benchmark lending rate in force that day.
pub fn statutory_base(breach_on: NaiveDate, tables: &Tables) -> Option<(Basis, RateRow)> {
    if breach_on >= LPR_FROM {
        tables.lpr.rate_on(breach_on).map(|r| (Basis::Lpr, r))
    } else {
        tables.pboc.rate_on(breach_on).map(|r| (Basis::Pboc, r))
    }
}

/// The markup to apply and the finding it calls for: SPC-SALE 18(4) allows 30%–50%. None given:
/// 30%, the lowest (conservative). Above 50%: 50%. Below 30%: as given (the creditor may ask less).
pub fn effective_markup(given: Option<Decimal>) -> (Decimal, Option<Finding>) {
    let (lo, hi) = markup_range();
    match given {
        None => (
            lo,
            Some(Finding::info(
                "lpr-markup-default",
                "no lpr_markup given: the LPR basis is raised by 30%, the lowest SPC-SALE 18(4) allows",
                None,
            )),
        ),
        Some(m) if m > hi => (
            hi,
            Some(Finding::warning(
                "lpr-markup-capped",
                format!("lpr_markup {m} exceeds the 0.3–0.5 of SPC-SALE 18(4); 0.5 is applied"),
                None,
            )),
        ),
        Some(m) if m < Decimal::ZERO => (
            Decimal::ZERO,
            Some(Finding::warning(
                "lpr-markup-out-of-range",
                format!("lpr_markup {m} is negative; 0 is applied"),
                None,
            )),
        ),
        Some(m) if m < lo => (
            m,
            Some(Finding::info(
                "lpr-markup-below-range",
                format!("lpr_markup {m} is below the 0.3–0.5 of SPC-SALE 18(4); applied as given"),
                None,
            )),
        ),
        Some(m) => (m, None),
    }
}

/// CC 585: a contract rate whose annual value exceeds 1.3 × the LPR-basis loss (base × 1.5).
pub fn excessive(contract_annual: Decimal, base_percent: Decimal) -> bool {
    contract_annual * Decimal::ONE_HUNDRED > base_percent * excessive_threshold_factor()
}

/// Each late amount of a debt: (amount, last day charged, paid on). Paid slices run to the day of
/// payment (included); what is unpaid on `as_of` runs to `as_of`.
pub fn late_amounts(
    debt: &Debt,
    allocs: &[AllocationEntry],
    as_of: NaiveDate,
) -> Vec<(Decimal, NaiveDate, Option<NaiveDate>)> {
    let mut v: Vec<(Decimal, NaiveDate, Option<NaiveDate>)> = allocs
        .iter()
        .filter(|a| a.date <= as_of)
        .map(|a| (a.amount, a.date, Some(a.date)))
        .collect();
    let left = outstanding_on(debt, allocs, as_of);
    if left > Decimal::ZERO {
        v.push((left, as_of, None));
    }
    v
}

/// The charges of every debt (same order as `debts`) to `as_of`.
pub fn compute(
    facts: &Facts,
    debts: &[Debt],
    allocs: &[Vec<AllocationEntry>],
    tables: &Tables,
    findings: &mut Vec<Finding>,
) -> InterestSummary {
    let as_of = facts.as_of;
    let mode = facts.claim.interest;
    let (markup, markup_finding) = effective_markup(facts.claim.lpr_markup);
    let mut markup_used = false;
    let mut stale: Vec<String> = Vec::new();
    let mut no_terms: BTreeSet<String> = BTreeSet::new();
    let mut flagged: BTreeSet<String> = BTreeSet::new();
    let mut fixed_given: BTreeSet<String> = BTreeSet::new();
    let mut implausible: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(debts.len());

    for (i, debt) in debts.iter().enumerate() {
        let breach_on = debt.breach_on();
        let contract: Option<&Contract> = debt
            .contract
            .as_ref()
            .and_then(|id| facts.contracts.iter().find(|c| &c.id == id));
        let agreed = contract.and_then(|c| {
            let lp = c.late_payment.clone()?;
            match usable_terms(&lp) {
                Ok(()) => Some(lp),
                Err(why) => {
                    if implausible.insert(c.id.clone()) {
                        findings.push(Finding::error(
                            "late-payment-implausible",
                            format!("contract {}: {why}; its late-payment terms are ignored", c.id),
                            Some(&c.doc),
                        ));
                    }
                    None
                }
            }
        });
        let late: Vec<(Decimal, NaiveDate, i64, Option<NaiveDate>)> = late_amounts(debt, &allocs[i], as_of)
            .into_iter()
            .map(|(a, to, paid)| (a, to, charged_days(debt.due_on, to), paid))
            .filter(|s| s.2 > 0)
            .collect();

        // The basis: contract terms first (auto, contract); the statutory basis otherwise (auto,
        // lpr); none when asked.
        let use_contract = match mode {
            InterestMode::None => {
                out.push(no_charges(debt, breach_on, Basis::None));
                continue;
            }
            InterestMode::Contract => {
                if agreed.is_none() {
                    if late.is_empty() {
                        out.push(no_charges(debt, breach_on, Basis::None));
                        continue;
                    }
                    let key = debt.contract.clone().unwrap_or_default();
                    if no_terms.insert(key.clone()) {
                        findings.push(Finding::warning(
                            "no-contract-rate",
                            format!(
                                "interest: contract, but {} agrees no late-payment terms: no charges claimed on its debts",
                                if key.is_empty() { "the sale (no contract)".to_string() } else { format!("contract {key}") }
                            ),
                            contract.map(|c| &c.doc),
                        ));
                    }
                    out.push(no_charges(debt, breach_on, Basis::None));
                    continue;
                }
                true
            }
            InterestMode::Auto => agreed.is_some(),
            InterestMode::Lpr => false,
        };

        let base = statutory_base(breach_on, tables);
        if use_contract {
            let agreed = agreed.expect("checked above");
            let contract = contract.expect("agreed terms come from a contract");
            let (kind, rate_value, fixed, annual, exact): (
                &'static str,
                Option<Decimal>,
                Option<Decimal>,
                Option<Decimal>,
                Vec<Decimal>,
            ) = match agreed {
                // Contract terms: a daily rate on each late amount for each late day.
                LatePayment::DailyRate(r) => (
                    "daily",
                    Some(r),
                    None,
                    Some(r * Decimal::from(DAYS_PER_YEAR)),
                    late.iter().map(|s| daily_rate_charge(s.0, s.2, r)).collect(),
                ),
                // Contract terms: an annual rate, charged per day as annual / 365.
                LatePayment::AnnualRate(r) => (
                    "annual",
                    Some(r),
                    None,
                    Some(r),
                    late.iter().map(|s| annual_rate_charge(s.0, s.2, r)).collect(),
                ),
                // Contract terms: a fixed sum, once per contract, on its first late debt.
                LatePayment::Fixed(sum) => {
                    let first = !late.is_empty() && fixed_given.insert(contract.id.clone());
                    ("fixed", None, Some(sum), None, if first { vec![sum] } else { vec![] })
                }
            };
            // CC 585: flag a rate above 1.3 × the loss (base × 1.5), once per contract.
            if let (Some(annual), Some((_, row)), false) = (annual, base, late.is_empty())
                && excessive(annual, row.percent)
                && flagged.insert(contract.id.clone())
            {
                findings.push(Finding::warning(
                    "excessive-penalty",
                    format!(
                        "contract {}: the late-payment rate is {}% a year, more than 1.3 × the loss measured at {}% × 1.5 = {}%; a court may reduce it (CC 585; Contract Book Interpretation 2023 Art. 65)",
                        contract.id,
                        (annual * Decimal::ONE_HUNDRED).normalize(),
                        row.percent,
                        (row.percent * excessive_threshold_factor()).normalize()
                    ),
                    Some(&contract.doc),
                ));
            }
            let total_exact: Decimal = exact.iter().copied().sum();
            let slices = late
                .iter()
                .enumerate()
                .map(|(k, s)| ChargeSlice {
                    amount: s.0,
                    from: breach_on,
                    to: s.1,
                    days: s.2,
                    paid_on: s.3,
                    charge: if kind == "fixed" {
                        Decimal::ZERO
                    } else {
                        cents(exact[k])
                    },
                })
                .collect();
            out.push(DebtCharges {
                id: debt.id.clone(),
                basis: Basis::Contract,
                breach_on,
                rate: RateDetail {
                    kind,
                    contract_rate: rate_value,
                    fixed_sum: fixed,
                    base_percent: None,
                    base_effective_from: None,
                    markup: None,
                    annual_percent: annual.map(|a| (a * Decimal::ONE_HUNDRED).normalize()),
                },
                slices,
                total: cents(total_exact),
            });
            continue;
        }

        // SPC-SALE 18(4): no agreed terms → the base rate on the breach day × (1 + markup),
        // fixed for the whole period.
        if late.is_empty() {
            let mut c = no_charges(debt, breach_on, Basis::None);
            if let Some((b, _)) = base {
                c.basis = b;
            }
            out.push(c);
            continue;
        }
        let Some((basis, row)) = base else {
            findings.push(Finding::warning(
                "rate-unavailable",
                format!(
                    "{}: no base rate is known for the breach day {breach_on}: no charges computed",
                    debt.id
                ),
                Some(&debt.doc),
            ));
            out.push(no_charges(debt, breach_on, Basis::None));
            continue;
        };
        if basis == Basis::Lpr && tables.lpr.stale_on(breach_on) {
            stale.push(debt.id.clone());
        }
        markup_used = true;
        let annual = row.percent / Decimal::ONE_HUNDRED * (Decimal::ONE + markup);
        let exact: Vec<Decimal> = late.iter().map(|s| annual_rate_charge(s.0, s.2, annual)).collect();
        let total_exact: Decimal = exact.iter().copied().sum();
        out.push(DebtCharges {
            id: debt.id.clone(),
            basis,
            breach_on,
            rate: RateDetail {
                kind: if basis == Basis::Lpr { "lpr" } else { "pboc" },
                contract_rate: None,
                fixed_sum: None,
                base_percent: Some(row.percent),
                base_effective_from: Some(row.effective_from),
                markup: Some(markup),
                annual_percent: Some((annual * Decimal::ONE_HUNDRED).normalize()),
            },
            slices: late
                .iter()
                .zip(&exact)
                .map(|(s, e)| ChargeSlice {
                    amount: s.0,
                    from: breach_on,
                    to: s.1,
                    days: s.2,
                    paid_on: s.3,
                    charge: cents(*e),
                })
                .collect(),
            total: cents(total_exact),
        });
    }

    if markup_used && let Some(f) = markup_finding {
        findings.push(f);
    }
    if !stale.is_empty() {
        let last = tables.lpr.last().map(|r| r.effective_from);
        findings.push(Finding::warning(
            "rate-table-stale",
            format!(
                "the LPR table ends with the fixing of {}; the breach day of {} is more than a month later, so the rate used may be stale",
                last.map_or("(none)".to_string(), |d| d.to_string()),
                stale.join(", ")
            ),
            None,
        ));
    }
    flag_fixed_sums(facts, debts, allocs, tables, findings);

    let total: Decimal = out.iter().map(|c| c.total).sum();
    let kinds: BTreeSet<&'static str> = out
        .iter()
        .filter(|c| !c.slices.is_empty() || c.total > Decimal::ZERO)
        .map(|c| match c.basis {
            Basis::Contract => "contract",
            Basis::Lpr | Basis::Pboc => "lpr",
            Basis::None => "none",
        })
        .collect();
    let basis = match kinds.len() {
        0 => "none",
        1 => kinds.into_iter().next().expect("one"),
        _ => "mixed",
    };
    InterestSummary {
        basis,
        total,
        to: as_of,
        debts: out,
    }
}

fn no_charges(debt: &Debt, breach_on: NaiveDate, basis: Basis) -> DebtCharges {
    DebtCharges {
        id: debt.id.clone(),
        basis,
        breach_on,
        rate: RateDetail::none(),
        slices: Vec::new(),
        total: Decimal::ZERO,
    }
}

/// CC 585 for a fixed sum: flag it when it exceeds 1.3 × the loss over the contract's late
/// amounts measured at the statutory base × 1.5.
fn flag_fixed_sums(
    facts: &Facts,
    debts: &[Debt],
    allocs: &[Vec<AllocationEntry>],
    tables: &Tables,
    findings: &mut Vec<Finding>,
) {
    if !matches!(facts.claim.interest, InterestMode::Auto | InterestMode::Contract) {
        return;
    }
    for c in &facts.contracts {
        let Some(LatePayment::Fixed(sum)) = c.late_payment else {
            continue;
        };
        if sum > crate::law::debts::max_amount() || sum < Decimal::ZERO {
            continue;
        }
        let mut loss = Decimal::ZERO;
        let mut late = false;
        for (i, d) in debts.iter().enumerate() {
            if d.contract.as_deref() != Some(c.id.as_str()) {
                continue;
            }
            let Some((_, row)) = statutory_base(d.breach_on(), tables) else {
                continue;
            };
            let annual = row.percent / Decimal::ONE_HUNDRED * loss_factor();
            for (a, to, _) in late_amounts(d, &allocs[i], facts.as_of) {
                let days = charged_days(d.due_on, to);
                if days > 0 {
                    late = true;
                    loss += annual_rate_charge(a, days, annual);
                }
            }
        }
        if late && sum > loss * penalty_tolerance() {
            findings.push(Finding::warning(
                "excessive-penalty",
                format!(
                    "contract {}: the fixed late-payment sum {} exceeds 1.3 × the loss measured at the LPR basis × 1.5 ({}); a court may reduce it (CC 585; Contract Book Interpretation 2023 Art. 65)",
                    c.id,
                    money_string(sum),
                    money_string(loss)
                ),
                Some(&c.doc),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::ymd;

    fn m(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn days_are_counted_from_the_day_after_due_through_payment() {
        // Due 2024-03-01, paid 2024-03-01: on time, 0 days.
        assert_eq!(charged_days(ymd(2024, 3, 1), ymd(2024, 3, 1)), 0);
        // Paid 2024-03-02: 1 day (the day of payment counts).
        assert_eq!(charged_days(ymd(2024, 3, 1), ymd(2024, 3, 2)), 1);
        // Due 2024-02-28, paid 2024-03-01: 02-29 and 03-01 = 2 days (leap year).
        assert_eq!(charged_days(ymd(2024, 2, 28), ymd(2024, 3, 1)), 2);
        // Paid early: 0.
        assert_eq!(charged_days(ymd(2024, 3, 1), ymd(2024, 2, 1)), 0);
    }

    #[test]
    fn rate_arithmetic() {
        // 100,000 × 30 days × 0.0005 = 1,500.
        assert_eq!(daily_rate_charge(m("100000"), 30, m("0.0005")), m("1500"));
        // 100,000 × 365 × 0.12 / 365 = 12,000.
        assert_eq!(annual_rate_charge(m("100000"), 365, m("0.12")), m("12000"));
        // 100,000 × 10 × 0.0455 / 365 = 124.657534… → 124.66.
        assert_eq!(cents(annual_rate_charge(m("100000"), 10, m("0.0455"))), m("124.66"));
    }

    #[test]
    fn base_rate_switches_on_2019_08_20() {
        let t = Tables::official();
        let (b, r) = statutory_base(ymd(2019, 8, 19), t).unwrap();
        assert_eq!((b, r.percent), (Basis::Pboc, m("4.35")));
        let (b, r) = statutory_base(ymd(2019, 8, 20), t).unwrap();
        assert_eq!((b, r.percent), (Basis::Lpr, m("4.25")));
    }

    #[test]
    fn markup_defaults_and_limits() {
        assert_eq!(effective_markup(None).0, m("0.3"));
        assert_eq!(effective_markup(Some(m("0.5"))), (m("0.5"), None));
        assert_eq!(effective_markup(Some(m("0.4"))), (m("0.4"), None));
        let (v, f) = effective_markup(Some(m("0.8")));
        assert_eq!(v, m("0.5"));
        assert_eq!(f.unwrap().code, "lpr-markup-capped");
        let (v, f) = effective_markup(Some(m("0.1")));
        assert_eq!(v, m("0.1"));
        assert_eq!(f.unwrap().code, "lpr-markup-below-range");
    }

    #[test]
    fn excessive_penalty_threshold() {
        // LPR 3.45 × 1.95 = 6.7275% a year.
        assert!(!excessive(m("0.067275"), m("3.45")));
        assert!(excessive(m("0.0673"), m("3.45")));
        // 0.05% a day = 18.25% a year: excessive.
        assert!(excessive(m("0.0005") * m("365"), m("3.45")));
    }
}
