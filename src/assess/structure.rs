//! Structural checks that need no legal reasoning: references resolve, parties are named,
//! dates are not after `as_of`, amounts are positive, each field combination makes sense.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::uscc::{self, UsccProblem};
use crate::case::Case;
use crate::case::model::*;
use crate::case::values::{Date, Money, Sp};
use crate::diag::{Diagnostic, nearest};

/// `debts` are the debt names of the case (receipt ids, `<contract>#<n>` installments), as
/// the law engine builds them: what `applies_to` may name.
pub fn check(case: &Case, as_of: NaiveDate, debts: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    parties(case, &mut out);
    references(case, debts, &mut out);
    dates(case, as_of, &mut out);
    amounts(case, &mut out);
    terms(case, &mut out);
    out
}

fn parties(case: &Case, out: &mut Vec<Diagnostic>) {
    let file = &case.meta_file;
    for (role, party, is_debtor) in [
        ("creditor", &case.meta.creditor, false),
        ("debtor", &case.meta.debtor, true),
    ] {
        let blank = |s: &Option<Sp<String>>| s.as_ref().is_none_or(|v| v.trim().is_empty());
        if blank(&party.name) {
            out.push(
                Diagnostic::error("party-missing", format!("the {role} has no name"))
                    .at(file, party.line, party.column)
                    .field(format!("{role}.name")),
            );
        }
        if blank(&party.address) {
            let d = if is_debtor {
                Diagnostic::error(
                    "party-missing",
                    "the debtor has no address: a complaint must name where the defendant is",
                )
            } else {
                Diagnostic::warning("party-missing", "the creditor has no address")
            };
            out.push(d.at(file, party.line, party.column).field(format!("{role}.address")));
        }
        match &party.uscc {
            None => out.push(
                Diagnostic::warning(
                    "uscc-missing",
                    format!("the {role} has no unified social credit code (统一社会信用代码)"),
                )
                .at(file, party.line, party.column)
                .field(format!("{role}.uscc"))
                .hint("look it up on the National Enterprise Credit Information Publicity System"),
            ),
            Some(code) => {
                let problem = match uscc::check(&code.value) {
                    Ok(()) => None,
                    Err(UsccProblem::Length(n)) => Some(format!("has {n} characters, not 18")),
                    Err(UsccProblem::Character(c)) => Some(format!("holds `{c}`, which a USCC cannot hold")),
                    Err(UsccProblem::Check { expected, found }) => Some(format!(
                        "ends in `{found}` but its check character should be `{expected}`"
                    )),
                };
                if let Some(p) = problem {
                    out.push(
                        Diagnostic::warning("uscc-invalid", format!("the {role}'s USCC `{}` {p}", code.value))
                            .at(file, code.line, code.column)
                            .field(format!("{role}.uscc"))
                            .rule("GB 32100-2015")
                            .hint("check the code against the business licence (real codes that fail the check exist)"),
                    );
                }
            }
        }
    }
}

fn unresolved(file: &Path, at: &Sp<impl std::fmt::Display>, what: String, known: &[&str], field: &str) -> Diagnostic {
    let mut d = Diagnostic::error("unresolved-ref", what)
        .at(file, at.line, at.column)
        .field(field);
    let name = at.value.to_string();
    d = match nearest(&name, known) {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None if known.is_empty() => d.hint("there is nothing of that kind in this case"),
        None => d.hint(format!("known here: {}", known.join(", "))),
    };
    d
}

fn references(case: &Case, debt_refs: &[&str], out: &mut Vec<Diagnostic>) {
    let contract_ids: Vec<&str> = case.contracts.iter().map(|c| c.id.value.0.as_str()).collect();
    let receipt_ids: Vec<&str> = case.receipts.iter().map(|r| r.id.value.0.as_str()).collect();
    for r in &case.receipts {
        match &r.contract {
            Some(id) if !contract_ids.contains(&id.value.0.as_str()) => out.push(unresolved(
                &r.file,
                id,
                format!(
                    "receipt {} names contract `{}`, which is not in contracts/",
                    r.id.value, id.value
                ),
                &contract_ids,
                "contract",
            )),
            None if case.contracts.len() > 1 => out.push(
                Diagnostic::error(
                    "unresolved-ref",
                    format!(
                        "receipt {} does not say which of the {} contracts it is delivered under",
                        r.id.value,
                        case.contracts.len()
                    ),
                )
                .at(&r.file, r.id.line, r.id.column)
                .field("contract")
                .hint(format!("add `contract:` with one of: {}", contract_ids.join(", "))),
            ),
            _ => {}
        }
    }
    for inv in &case.invoices {
        for id in &inv.receipts {
            if !receipt_ids.contains(&id.value.0.as_str()) {
                out.push(unresolved(
                    &inv.file,
                    id,
                    format!(
                        "invoice {} bills receipt `{}`, which is not in receipts/",
                        inv.number.key(),
                        id.value
                    ),
                    &receipt_ids,
                    "receipts",
                ));
            }
        }
    }
    for p in &case.payments {
        for id in &p.applies_to {
            if !debt_refs.contains(&id.value.0.as_str()) {
                let mut d = unresolved(
                    &p.file,
                    id,
                    format!(
                        "payment {} applies to `{}`, which is not a debt of this case",
                        p.id.value, id.value
                    ),
                    debt_refs,
                    "applies_to",
                );
                if receipt_ids.contains(&id.value.0.as_str()) {
                    d = d.hint("that receipt is under an installment contract: name the installment, e.g. `HT-1#2`");
                }
                out.push(d);
            }
        }
    }
}

fn dates(case: &Case, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    let mut check = |file: &Path, d: &Sp<Date>, field: &str, what: &str| {
        if d.value.0 > as_of {
            out.push(
                Diagnostic::error(
                    "date-after-as-of",
                    format!(
                        "{what} is dated {}, after the as-of date {}",
                        d.value,
                        as_of.format("%Y-%m-%d")
                    ),
                )
                .at(file, d.line, d.column)
                .field(field)
                .hint("a document cannot record what has not happened yet; check the date or the as_of date"),
            );
        }
    };
    for c in &case.contracts {
        if let Some(d) = &c.signed_on {
            check(&c.file, d, "signed_on", &format!("contract {}", c.id.value));
        }
    }
    for r in &case.receipts {
        check(
            &r.file,
            &r.delivered_on,
            "delivered_on",
            &format!("receipt {}", r.id.value),
        );
    }
    for i in &case.invoices {
        let what = format!("invoice {}", i.number.key());
        check(&i.file, &i.issued_on, "issued_on", &what);
        if let Some(d) = &i.received_by_debtor {
            check(&i.file, d, "received_by_debtor", &what);
        }
    }
    for r in &case.reconciliations {
        let what = format!("reconciliation {}", r.id.value);
        check(&r.file, &r.signed_on, "signed_on", &what);
        check(&r.file, &r.period_end, "period_end", &what);
    }
    for p in &case.payments {
        check(&p.file, &p.date, "date", &format!("payment {}", p.id.value));
    }
    for c in &case.correspondence {
        let what = format!("letter {}", c.id.value);
        check(&c.file, &c.date, "date", &what);
        if let Some(d) = &c.delivered_on {
            check(&c.file, d, "delivered_on", &what);
        }
    }
}

fn amounts(case: &Case, out: &mut Vec<Diagnostic>) {
    let mut positive = |file: &Path, m: &Sp<Money>, field: &str, what: String, allow_zero: bool| {
        let bad = if allow_zero {
            m.value.0 < Decimal::ZERO
        } else {
            m.value.0 <= Decimal::ZERO
        };
        if bad {
            let must = if allow_zero {
                "cannot be negative"
            } else {
                "must be more than zero"
            };
            out.push(
                Diagnostic::error(
                    "amount-not-positive",
                    format!("the amount of {what} is {}: it {must}", m.value),
                )
                .at(file, m.line, m.column)
                .field(field),
            );
        }
    };
    for c in &case.meta.claim.costs {
        positive(
            &case.meta_file,
            &c.amount,
            "claim.costs.amount",
            format!("cost `{}`", c.description),
            false,
        );
    }
    for c in &case.contracts {
        for (n, i) in c
            .payment
            .iter()
            .flat_map(|p| p.installments.iter().flatten())
            .enumerate()
        {
            positive(
                &c.file,
                &i.amount,
                "installments.amount",
                format!("installment {}#{}", c.id.value, n + 1),
                false,
            );
        }
        if let Some(fixed) = c.late_payment.as_ref().and_then(|l| l.fixed.as_ref()) {
            positive(
                &c.file,
                fixed,
                "late_payment.fixed",
                format!("the agreed late-payment sum of {}", c.id.value),
                false,
            );
        }
    }
    for r in &case.receipts {
        positive(&r.file, &r.amount, "amount", format!("receipt {}", r.id.value), false);
    }
    for i in &case.invoices {
        positive(
            &i.file,
            &i.amount,
            "amount",
            format!("invoice {}", i.number.key()),
            false,
        );
    }
    for r in &case.reconciliations {
        positive(
            &r.file,
            &r.balance,
            "balance",
            format!("reconciliation {}", r.id.value),
            true,
        );
    }
    for p in &case.payments {
        positive(&p.file, &p.amount, "amount", format!("payment {}", p.id.value), false);
    }
    for c in &case.correspondence {
        if let Some(a) = &c.amount {
            positive(&c.file, a, "amount", format!("letter {}", c.id.value), false);
        }
    }
}

/// Field combinations the format requires: each payment term with its own fields, one
/// late-payment basis, court or arbitration but not both, a markup within the range.
fn terms(case: &Case, out: &mut Vec<Diagnostic>) {
    for c in &case.contracts {
        if let Some(p) = &c.payment {
            let needs = |field: &str| {
                Diagnostic::error(
                    "missing-field",
                    format!("payment term `{}` needs `{field}`", term_name(*p.term)),
                )
                .at(&c.file, p.term.line, p.term.column)
                .field(format!("payment.{field}"))
            };
            let extra = |field: &str, line: u32, column: u32| {
                Diagnostic::error(
                    "invalid-value",
                    format!("`{field}` does not go with payment term `{}`", term_name(*p.term)),
                )
                .at(&c.file, line, column)
                .field(format!("payment.{field}"))
            };
            let uses_days = matches!(*p.term, TermKind::DaysAfterDelivery | TermKind::DaysAfterInvoice);
            match (&p.days, uses_days) {
                (None, true) => out.push(needs("days")),
                (Some(d), false) => out.push(extra("days", d.line, d.column)),
                _ => {}
            }
            match (&p.date, *p.term == TermKind::FixedDate) {
                (None, true) => out.push(needs("date")),
                (Some(d), false) => out.push(extra("date", d.line, d.column)),
                _ => {}
            }
            match (&p.installments, *p.term == TermKind::Installments) {
                (None, true) => out.push(needs("installments")),
                (Some(list), true) if list.is_empty() => out.push(needs("installments")),
                (Some(_), false) => out.push(extra("installments", p.line, p.column)),
                _ => {}
            }
        }
        if let Some(l) = &c.late_payment {
            let given = [l.daily_rate.is_some(), l.annual_rate.is_some(), l.fixed.is_some()]
                .iter()
                .filter(|b| **b)
                .count();
            if given != 1 {
                out.push(
                    Diagnostic::error(
                        "invalid-value",
                        "late_payment takes exactly one of daily_rate, annual_rate or fixed",
                    )
                    .at(&c.file, l.line, l.column)
                    .field("late_payment"),
                );
            }
            for r in [&l.daily_rate, &l.annual_rate].into_iter().flatten() {
                if r.value.0 <= Decimal::ZERO {
                    out.push(
                        Diagnostic::error("amount-not-positive", "a late-payment rate must be more than zero")
                            .at(&c.file, r.line, r.column)
                            .field("late_payment"),
                    );
                }
            }
        }
        if let Some(f) = &c.forum
            && f.court.is_some() == f.arbitration.is_some()
        {
            out.push(
                Diagnostic::error(
                    "invalid-value",
                    "a forum clause names a court or an arbitration body: exactly one",
                )
                .at(&c.file, f.line, f.column)
                .field("forum"),
            );
        }
    }
}

fn term_name(t: TermKind) -> &'static str {
    match t {
        TermKind::OnDelivery => "on_delivery",
        TermKind::DaysAfterDelivery => "days_after_delivery",
        TermKind::DaysAfterInvoice => "days_after_invoice",
        TermKind::FixedDate => "fixed_date",
        TermKind::Installments => "installments",
        TermKind::None => "none",
    }
}
