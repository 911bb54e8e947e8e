//! Case → Assessment: the structural checks, the evidence findings, the ledger and (through
//! `law`) the legal conclusions. Pure: no I/O.

pub mod evidence;
pub mod structure;
pub mod uscc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::Case;
use crate::case::values::Money;
use crate::diag::Diagnostic;

/// The totals of a case's documents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Ledger {
    /// Σ receipts (value of goods delivered).
    pub delivered: Money,
    /// Σ invoices.
    pub invoiced: Money,
    /// Σ payments.
    pub paid: Money,
    /// Σ debts (receipts, or installments) less payments.
    pub outstanding: Money,
}

/// Everything casepack concludes about one case.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub as_of: NaiveDate,
    pub ledger: Ledger,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn assess(case: &Case, as_of: NaiveDate) -> Assessment {
    let mut diagnostics = structure::check(case, as_of);
    diagnostics.extend(evidence::check(case));
    Assessment {
        as_of,
        ledger: ledger(case),
        diagnostics,
    }
}

fn ledger(case: &Case) -> Ledger {
    let delivered: Decimal = case.receipts.iter().map(|r| r.amount.value.0).sum();
    let invoiced: Decimal = case.invoices.iter().map(|i| i.amount.value.0).sum();
    let paid: Decimal = case.payments.iter().map(|p| p.amount.value.0).sum();
    let debts: Decimal = debt_total(case);
    Ledger {
        delivered: Money(delivered),
        invoiced: Money(invoiced),
        paid: Money(paid),
        outstanding: Money(debts - paid),
    }
}

/// Σ of every debt: installments of installment contracts, receipts under any other term.
fn debt_total(case: &Case) -> Decimal {
    use crate::case::model::TermKind;
    let mut total = Decimal::ZERO;
    for c in &case.contracts {
        if let Some(p) = c.payment.as_ref().filter(|p| *p.term == TermKind::Installments) {
            total += p
                .installments
                .iter()
                .flatten()
                .map(|i| i.amount.value.0)
                .sum::<Decimal>();
        }
    }
    for r in &case.receipts {
        let under_installments = structure::governing_contract(case, r)
            .and_then(|c| c.payment.as_ref())
            .is_some_and(|p| *p.term == TermKind::Installments);
        if !under_installments {
            total += r.amount.value.0;
        }
    }
    total
}
