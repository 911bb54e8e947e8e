//! Section 1: debts, their due dates, and the allocation of payments to them.
//!
//! A debt is one delivery, or one installment of an installment contract. Its due date D follows
//! the contract's payment term; payments reduce principal, to the debts they name, otherwise to
//! the debt due earliest first (CC 560).

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::law::{Contract, Delivery, DocRef, Facts, Finding, Payment, PaymentTerm, money_string, ser_money};

/// What a debt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DebtKind {
    /// The price of one delivery.
    Delivery,
    /// One installment of an installment contract.
    Installment,
}

/// One debt and its due date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debt {
    /// Its name: the receipt's id, or `<contract id>#<n>` for an installment.
    pub id: String,
    /// The contract it falls under, if any.
    pub contract: Option<String>,
    /// A delivery or an installment.
    pub kind: DebtKind,
    /// For an installment, its 1-based position in the contract's list.
    pub installment: Option<usize>,
    /// The day the debt arose: the delivery day, or the installment's due date.
    pub arose_on: NaiveDate,
    /// The due date D: payment is on time up to and including this day.
    pub due_on: NaiveDate,
    /// The day the limitation period runs from: D, or for installments the last installment's
    /// date (CC 189).
    pub limitation_from: NaiveDate,
    /// The principal.
    #[serde(serialize_with = "ser_money")]
    pub amount: Decimal,
    /// The article that fixed D.
    pub due_rule: &'static str,
    /// How D was fixed, in words.
    pub due_basis: String,
    /// The receipt (or the contract, for an installment).
    pub doc: DocRef,
}

impl Debt {
    /// SPC-SALE 18(4): the breach occurs on the day after the due date D; late-payment
    /// charges run from it and its rate (LPR or PBOC benchmark) is the one applied.
    pub fn breach_on(&self) -> NaiveDate {
        self.due_on.succ_opt().expect("date within chrono's range")
    }
}

/// The largest amount the engine computes with: 10^15 yuan. Anything larger is a typo, and would
/// overflow the decimal arithmetic of the charges.
pub fn max_amount() -> Decimal {
    Decimal::new(1_000_000_000_000_000, 0)
}

/// Why an amount cannot be used (it must be positive and at most [`max_amount`]): the finding
/// saying it is ignored; `None` when it is fine.
pub fn amount_problem(what: &str, amount: Decimal, doc: &DocRef) -> Option<Finding> {
    if amount <= Decimal::ZERO {
        Some(Finding::warning(
            "amount-not-positive",
            format!("{what}: amount {amount} is not positive; ignored"),
            Some(doc),
        ))
    } else if amount > max_amount() {
        Some(Finding::error(
            "amount-implausible",
            format!("{what}: amount {amount} exceeds 10^15 yuan; ignored"),
            Some(doc),
        ))
    } else {
        None
    }
}

/// A due date with the rule that fixed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueDate {
    /// The due date D.
    pub on: NaiveDate,
    /// The article.
    pub rule: &'static str,
    /// How it was fixed, in words.
    pub basis: String,
}

fn plus_days(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_add_days(Days::new(u64::from(n)))
        .expect("date within range")
}

/// The due date of a delivery under a payment term (the table of legal-rules.md section 1).
/// `Installments` never reaches here: its debts are the installments ([`installment_debts`]).
pub fn due_date(term: &PaymentTerm, delivery: &Delivery, findings: &mut Vec<Finding>) -> DueDate {
    let delivered = delivery.delivered_on;
    match term {
        // CC 628: the price is paid at the agreed time; here, on delivery.
        PaymentTerm::OnDelivery => DueDate {
            on: delivered,
            rule: "CC 628",
            basis: format!("paid on delivery: delivered {delivered}"),
        },
        // CC 628, 510: with no agreed time, the price is due on receipt of the goods.
        PaymentTerm::None | PaymentTerm::Installments(_) => DueDate {
            on: delivered,
            rule: "CC 628, 510",
            basis: format!("no agreed payment term: due on receipt of the goods, {delivered}"),
        },
        // CC 628: the price is paid at the agreed time; here, days after delivery.
        PaymentTerm::DaysAfterDelivery(n) => DueDate {
            on: plus_days(delivered, *n),
            rule: "CC 628",
            basis: format!("delivered {delivered} + {n} days"),
        },
        // CC 628: the agreed time runs from the debtor's receipt of the invoice; unproven receipt
        // → the issue date (the earlier day: conservative for limitation).
        PaymentTerm::DaysAfterInvoice(n) => invoice_due_date(*n, delivery, findings),
        // CC 628: the price is paid at the agreed time; here, a fixed date.
        PaymentTerm::FixedDate(d) => {
            if *d < delivered {
                findings.push(Finding::info(
                    "due-before-delivery",
                    format!(
                        "{}: the agreed payment date {d} precedes the delivery on {delivered} (a prepayment term); charges run from the day after {d}",
                        delivery.id
                    ),
                    Some(&delivery.doc),
                ));
            }
            DueDate {
                on: *d,
                rule: "CC 628",
                basis: format!("fixed date {d}"),
            }
        }
    }
}

/// `days_after_invoice`: the billing invoice's receipt by the debtor, else its issue day (with a
/// warning), plus the days. Several invoices: the earliest such day (conservative: an earlier D
/// never extends the limitation period). No invoice: the delivery day stands in for it, with a
/// warning (conservative for limitation; a court may instead hold the price not yet due).
fn invoice_due_date(n: u32, delivery: &Delivery, findings: &mut Vec<Finding>) -> DueDate {
    let mut best: Option<(NaiveDate, bool, &DocRef)> = None;
    for inv in &delivery.invoices {
        let (day, received) = match inv.received_by_debtor {
            Some(r) => (r, true),
            None => (inv.issued_on, false),
        };
        if best.is_none_or(|(b, _, _)| day < b) {
            best = Some((day, received, &inv.doc));
        }
    }
    if delivery.invoices.len() > 1 {
        findings.push(Finding::info(
            "invoice-several",
            format!(
                "{}: {} invoices bill this delivery; the payment term runs from the earliest (conservative)",
                delivery.id,
                delivery.invoices.len()
            ),
            Some(&delivery.doc),
        ));
    }
    match best {
        Some((day, true, _)) => DueDate {
            on: plus_days(day, n),
            rule: "CC 628",
            basis: format!("invoice received by the debtor {day} + {n} days"),
        },
        Some((day, false, doc)) => {
            findings.push(Finding::warning(
                "invoice-receipt-unproven",
                format!(
                    "{}: the debtor's receipt of the invoice is not proven; the {n} days are counted from its issue date {day}",
                    delivery.id
                ),
                Some(doc),
            ));
            DueDate {
                on: plus_days(day, n),
                rule: "CC 628",
                basis: format!("invoice issued {day} (receipt unproven) + {n} days"),
            }
        }
        None => {
            findings.push(Finding::warning(
                "invoice-missing",
                format!(
                    "{}: the price is due {n} days after the invoice, but no invoice bills this delivery; \
                     the days are counted from delivery {} (a court may hold the price not yet due)",
                    delivery.id, delivery.delivered_on
                ),
                Some(&delivery.doc),
            ));
            DueDate {
                on: plus_days(delivery.delivered_on, n),
                rule: "CC 628",
                basis: format!("no invoice: delivered {} + {n} days (assumed)", delivery.delivered_on),
            }
        }
    }
}

/// The debts of an installment contract: one per installment, named `<contract>#<n>`, each due on
/// its own date; the limitation period of every one runs from the last installment's date
/// (CC 189).
pub fn installment_debts(contract: &Contract) -> Vec<Debt> {
    let PaymentTerm::Installments(list) = &contract.term else {
        return Vec::new();
    };
    // CC 189: the limitation period of a debt payable in installments runs from the due date of
    // the last installment.
    let Some(last) = list.iter().map(|i| i.due).max() else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .map(|(k, inst)| Debt {
            id: format!("{}#{}", contract.id, k + 1),
            contract: Some(contract.id.clone()),
            kind: DebtKind::Installment,
            installment: Some(k + 1),
            arose_on: inst.due,
            due_on: inst.due,
            limitation_from: last,
            amount: inst.amount,
            due_rule: "CC 628",
            due_basis: format!("installment {} of {}: due {}", k + 1, list.len(), inst.due),
            doc: contract.doc.clone(),
        })
        .collect()
}

/// Finds the contract a delivery falls under: the one it names, or the only one of the case.
fn contract_of<'a>(facts: &'a Facts, delivery: &Delivery, findings: &mut Vec<Finding>) -> Option<&'a Contract> {
    match &delivery.contract {
        Some(id) => {
            let found = facts.contracts.iter().find(|c| &c.id == id);
            if found.is_none() {
                findings.push(Finding::warning(
                    "delivery-contract-unknown",
                    format!(
                        "{}: names contract {id}, which the case does not hold; treated as a sale with \
                         no agreed payment term (due on delivery, CC 628, 510)",
                        delivery.id
                    ),
                    Some(&delivery.doc),
                ));
            }
            found
        }
        None if facts.contracts.len() == 1 => facts.contracts.first(),
        None => {
            if !facts.contracts.is_empty() {
                findings.push(Finding::warning(
                    "delivery-without-contract",
                    format!(
                        "{}: names no contract and the case holds {}; treated as a sale with no agreed \
                         payment term (due on delivery, CC 628, 510)",
                        delivery.id,
                        facts.contracts.len()
                    ),
                    Some(&delivery.doc),
                ));
            }
            None
        }
    }
}

/// Every debt of the case, sorted by due date (then the day it arose, then input order).
pub fn build_debts(facts: &Facts, findings: &mut Vec<Finding>) -> Vec<Debt> {
    let mut debts = Vec::new();
    for c in &facts.contracts {
        if let PaymentTerm::Installments(list) = &c.term {
            if list.is_empty() {
                findings.push(Finding::warning(
                    "installments-empty",
                    format!("{}: payment in installments, but none is listed", c.id),
                    Some(&c.doc),
                ));
            }
            for d in installment_debts(c) {
                match amount_problem(&d.id, d.amount, &c.doc) {
                    None => debts.push(d),
                    Some(f) => findings.push(f),
                }
            }
        }
    }
    for del in &facts.deliveries {
        let contract = contract_of(facts, del, findings);
        let term = contract.map_or(&PaymentTerm::None, |c| &c.term);
        if matches!(term, PaymentTerm::Installments(_)) {
            // Under installments the receipts prove delivery but create no debts.
            continue;
        }
        if let Some(f) = amount_problem(&del.id, del.amount, &del.doc) {
            findings.push(f);
            continue;
        }
        let due = due_date(term, del, findings);
        debts.push(Debt {
            id: del.id.clone(),
            contract: contract.map(|c| c.id.clone()),
            kind: DebtKind::Delivery,
            installment: None,
            arose_on: del.delivered_on,
            due_on: due.on,
            limitation_from: due.on,
            amount: del.amount,
            due_rule: due.rule,
            due_basis: due.basis,
            doc: del.doc.clone(),
        });
    }
    debts.sort_by_key(|d| (d.due_on, d.arose_on));
    for (i, d) in debts.iter().enumerate() {
        if debts[..i].iter().any(|e| e.id == d.id) {
            findings.push(Finding::warning(
                "debt-id-duplicate",
                format!("two debts are named {}; a payment naming it pays the first", d.id),
                Some(&d.doc),
            ));
        }
    }
    debts
}

/// How a payment came to be allocated to a debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AllocationRule {
    /// The payment names the debt (`applies_to`).
    Named,
    /// The debtor named none (or paid more than the named debts): CC 560, earliest due first.
    EarliestDue,
}

/// A slice of a payment applied to one debt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationEntry {
    /// The payment's id.
    pub payment: String,
    /// The day it was paid.
    pub date: NaiveDate,
    /// The part of it applied to this debt.
    #[serde(serialize_with = "ser_money")]
    pub amount: Decimal,
    /// Why it went to this debt.
    pub rule: AllocationRule,
    /// The payment record.
    pub doc: DocRef,
}

/// Applies the payments made up to `as_of` to the debts, in date order; returns, for each debt
/// (same index), the slices applied to it.
///
/// CC 560: a payment goes to the debts the debtor names; otherwise to the debt due earliest
/// first (legal-rules.md section 1). Debts already arisen on the payment day come before those
/// that arise later (a prepayment waits for them). Equal due dates: the debt delivered first,
/// then input order — CC 560's pro-rata split is not applied: a strict order interrupts fewer
/// debts by a partial payment (conservative) and never moves a cent from one debt to another
/// when more is paid. CC 561 (costs, interest, principal) is not applied: late-payment charges
/// are damages, not interest on a loan.
pub fn allocate(
    debts: &[Debt],
    payments: &[Payment],
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> Vec<Vec<AllocationEntry>> {
    let mut out: Vec<Vec<AllocationEntry>> = vec![Vec::new(); debts.len()];
    let mut outstanding: Vec<Decimal> = debts.iter().map(|d| d.amount).collect();
    let mut order: Vec<&Payment> = payments.iter().collect();
    order.sort_by_key(|p| p.date);
    for p in order {
        if p.date > as_of {
            findings.push(Finding::info(
                "after-as-of",
                format!("payment {} of {} is dated after {as_of} and not counted", p.id, p.date),
                Some(&p.doc),
            ));
            continue;
        }
        if let Some(f) = amount_problem(&format!("payment {}", p.id), p.amount, &p.doc) {
            findings.push(f);
            continue;
        }
        let mut left = p.amount;
        let mut pay = |i: usize, left: &mut Decimal, rule: AllocationRule| {
            let part = (*left).min(outstanding[i]);
            if part > Decimal::ZERO {
                outstanding[i] -= part;
                *left -= part;
                out[i].push(AllocationEntry {
                    payment: p.id.clone(),
                    date: p.date,
                    amount: part,
                    rule,
                    doc: p.doc.clone(),
                });
            }
        };
        // CC 560: the debtor's designation comes first.
        for name in &p.applies_to {
            match debts.iter().position(|d| &d.id == name) {
                Some(i) => pay(i, &mut left, AllocationRule::Named),
                None => findings.push(Finding::warning(
                    "payment-unknown-debt",
                    format!("payment {} names debt {name}, which the case does not hold", p.id),
                    Some(&p.doc),
                )),
            }
        }
        if !p.applies_to.is_empty() && left > Decimal::ZERO {
            findings.push(Finding::info(
                "payment-remainder-allocated",
                format!(
                    "payment {}: {} exceeds the debts it names and goes to the earliest-due debts (CC 560)",
                    p.id,
                    money_string(left)
                ),
                Some(&p.doc),
            ));
        }
        // CC 560: no designation → the debt due earliest first.
        let mut idx: Vec<usize> = (0..debts.len()).collect();
        idx.sort_by_key(|&i| (debts[i].arose_on > p.date, debts[i].due_on, debts[i].arose_on));
        for i in idx {
            if left == Decimal::ZERO {
                break;
            }
            pay(i, &mut left, AllocationRule::EarliestDue);
        }
        if left > Decimal::ZERO {
            findings.push(Finding::warning(
                "payment-unallocated",
                format!(
                    "payment {}: {} exceeds every debt of the case and is not allocated",
                    p.id,
                    money_string(left)
                ),
                Some(&p.doc),
            ));
        }
    }
    out
}

/// What is left of a debt at the end of a day (payments on that day included).
pub fn outstanding_on(debt: &Debt, allocs: &[AllocationEntry], day: NaiveDate) -> Decimal {
    debt.amount
        - allocs
            .iter()
            .filter(|a| a.date <= day)
            .map(|a| a.amount)
            .sum::<Decimal>()
}

/// What is left of a debt at the start of a day (payments on that day not yet counted).
pub fn outstanding_before(debt: &Debt, allocs: &[AllocationEntry], day: NaiveDate) -> Decimal {
    debt.amount
        - allocs
            .iter()
            .filter(|a| a.date < day)
            .map(|a| a.amount)
            .sum::<Decimal>()
}

/// A debt's ledger line for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DebtLedger {
    /// The debt and its due date.
    #[serde(flatten)]
    pub debt: Debt,
    /// Paid up to `as_of`.
    #[serde(serialize_with = "ser_money")]
    pub paid: Decimal,
    /// Unpaid principal on `as_of`.
    #[serde(serialize_with = "ser_money")]
    pub outstanding: Decimal,
    /// Whether it is due on `as_of` (D on or before it); a debt not yet due is not claimed.
    pub due: bool,
    /// The payments applied to it.
    pub allocations: Vec<AllocationEntry>,
}

/// The ledger line of a debt on `as_of`.
pub fn ledger(debt: &Debt, allocs: &[AllocationEntry], as_of: NaiveDate) -> DebtLedger {
    let outstanding = outstanding_on(debt, allocs, as_of);
    DebtLedger {
        debt: debt.clone(),
        paid: debt.amount - outstanding,
        outstanding,
        due: debt.due_on <= as_of,
        allocations: allocs.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::facts::*;
    use crate::law::ymd;

    fn m(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn delivery(id: &str, on: NaiveDate, amount: &str) -> Delivery {
        Delivery {
            id: id.into(),
            contract: None,
            delivered_on: on,
            amount: m(amount),
            invoices: vec![],
            doc: DocRef::default(),
        }
    }

    fn inv(issued: NaiveDate, received: Option<NaiveDate>) -> InvoiceDates {
        InvoiceDates {
            issued_on: issued,
            received_by_debtor: received,
            doc: DocRef::default(),
        }
    }

    #[test]
    fn due_dates_for_every_term() {
        let mut f = Vec::new();
        let d = delivery("DN-1", ymd(2023, 3, 5), "100");
        assert_eq!(due_date(&PaymentTerm::OnDelivery, &d, &mut f).on, ymd(2023, 3, 5));
        assert_eq!(due_date(&PaymentTerm::None, &d, &mut f).rule, "CC 628, 510");
        // 2023-03-05 + 60 days = 2023-05-04 (26 days left in March, 30 in April, 4 in May).
        assert_eq!(
            due_date(&PaymentTerm::DaysAfterDelivery(60), &d, &mut f).on,
            ymd(2023, 5, 4)
        );
        assert_eq!(
            due_date(&PaymentTerm::FixedDate(ymd(2023, 6, 30)), &d, &mut f).on,
            ymd(2023, 6, 30)
        );
        assert!(f.is_empty());
        // A fixed date before delivery stands (prepayment), with a note.
        assert_eq!(
            due_date(&PaymentTerm::FixedDate(ymd(2023, 3, 1)), &d, &mut f).on,
            ymd(2023, 3, 1)
        );
        assert_eq!(f.pop().unwrap().code, "due-before-delivery");
        // Invoice received 2023-03-08 + 30 days = 2023-04-07.
        let mut d2 = d.clone();
        d2.invoices = vec![inv(ymd(2023, 3, 6), Some(ymd(2023, 3, 8)))];
        assert_eq!(
            due_date(&PaymentTerm::DaysAfterInvoice(30), &d2, &mut f).on,
            ymd(2023, 4, 7)
        );
        assert!(f.is_empty());
        // Receipt unproven: issued 2023-03-06 + 30 = 2023-04-05, with a warning.
        d2.invoices = vec![inv(ymd(2023, 3, 6), None)];
        assert_eq!(
            due_date(&PaymentTerm::DaysAfterInvoice(30), &d2, &mut f).on,
            ymd(2023, 4, 5)
        );
        assert_eq!(f.pop().unwrap().code, "invoice-receipt-unproven");
        // No invoice: delivery 2023-03-05 + 30 = 2023-04-04, with a warning.
        assert_eq!(
            due_date(&PaymentTerm::DaysAfterInvoice(30), &d, &mut f).on,
            ymd(2023, 4, 4)
        );
        assert_eq!(f.pop().unwrap().code, "invoice-missing");
    }

    #[test]
    fn installments_run_limitation_from_the_last() {
        let c = Contract {
            id: "HT".into(),
            term: PaymentTerm::Installments(vec![
                Installment {
                    due: ymd(2023, 1, 31),
                    amount: m("100"),
                },
                Installment {
                    due: ymd(2023, 3, 31),
                    amount: m("200"),
                },
            ]),
            late_payment: None,
            costs_recoverable: false,
            forum: None,
            doc: DocRef::default(),
        };
        let ds = installment_debts(&c);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].id, "HT#1");
        assert_eq!(ds[0].due_on, ymd(2023, 1, 31));
        assert_eq!(ds[0].limitation_from, ymd(2023, 3, 31));
        assert_eq!(ds[1].id, "HT#2");
        assert_eq!(ds[1].limitation_from, ymd(2023, 3, 31));
    }

    fn debt(id: &str, arose: NaiveDate, due: NaiveDate, amount: &str) -> Debt {
        Debt {
            id: id.into(),
            contract: None,
            kind: DebtKind::Delivery,
            installment: None,
            arose_on: arose,
            due_on: due,
            limitation_from: due,
            amount: m(amount),
            due_rule: "CC 628",
            due_basis: String::new(),
            doc: DocRef::default(),
        }
    }

    fn payment(id: &str, on: NaiveDate, amount: &str, to: &[&str]) -> Payment {
        Payment {
            id: id.into(),
            date: on,
            amount: m(amount),
            applies_to: to.iter().map(|s| s.to_string()).collect(),
            doc: DocRef::default(),
        }
    }

    #[test]
    fn allocation_named_then_earliest_due() {
        let debts = vec![
            debt("A", ymd(2023, 1, 1), ymd(2023, 1, 31), "100"),
            debt("B", ymd(2023, 2, 1), ymd(2023, 3, 1), "200"),
            debt("C", ymd(2023, 6, 1), ymd(2023, 6, 1), "50"),
        ];
        let pays = vec![
            // Names B: 150 to B (B left 50).
            payment("P1", ymd(2023, 4, 1), "150", &["B"]),
            // No name: 100 to A (earliest due), then 30 to B (B left 20); C has not arisen.
            payment("P2", ymd(2023, 5, 1), "130", &[]),
            // Names C for 80: 50 to C, remainder 30 → B's 20, then 10 unallocated.
            payment("P3", ymd(2023, 7, 1), "80", &["C"]),
        ];
        let mut f = Vec::new();
        let a = allocate(&debts, &pays, ymd(2024, 1, 1), &mut f);
        let sum = |i: usize| a[i].iter().map(|e| e.amount).sum::<Decimal>();
        assert_eq!(sum(0), m("100"));
        assert_eq!(sum(1), m("200"));
        assert_eq!(sum(2), m("50"));
        assert_eq!(a[1].len(), 3);
        assert_eq!(a[1][2].amount, m("20"));
        assert_eq!(a[1][2].rule, AllocationRule::EarliestDue);
        let codes: Vec<_> = f.iter().map(|x| x.code).collect();
        assert_eq!(codes, vec!["payment-remainder-allocated", "payment-unallocated"]);
        assert!(f[1].message.contains("10.00"));
        // Before P1: B unpaid 200; on 2023-04-01 after P1: 50.
        assert_eq!(outstanding_before(&debts[1], &a[1], ymd(2023, 4, 1)), m("200"));
        assert_eq!(outstanding_on(&debts[1], &a[1], ymd(2023, 4, 1)), m("50"));
    }

    #[test]
    fn payments_after_as_of_are_not_counted() {
        let debts = vec![debt("A", ymd(2023, 1, 1), ymd(2023, 1, 31), "100")];
        let pays = vec![payment("P1", ymd(2024, 4, 1), "150", &[])];
        let mut f = Vec::new();
        let a = allocate(&debts, &pays, ymd(2024, 3, 31), &mut f);
        assert!(a[0].is_empty());
        assert_eq!(f[0].code, "after-as-of");
    }

    #[test]
    fn a_prepayment_waits_for_the_debt() {
        // A arose 2023-01-01 due 2023-06-01; B arises later (2023-03-01) but is due earlier
        // (2023-03-01). A payment on 2023-02-01 goes to A, which exists, not to B.
        let debts = vec![
            debt("B", ymd(2023, 3, 1), ymd(2023, 3, 1), "100"),
            debt("A", ymd(2023, 1, 1), ymd(2023, 6, 1), "100"),
        ];
        let pays = vec![payment("P", ymd(2023, 2, 1), "150", &[])];
        let mut f = Vec::new();
        let a = allocate(&debts, &pays, ymd(2024, 1, 1), &mut f);
        assert_eq!(a[1][0].amount, m("100"));
        assert_eq!(a[0][0].amount, m("50"));
    }
}
