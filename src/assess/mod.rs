//! Case → Assessment: the structural checks, the evidence findings, the ledger and (through
//! `law`) the legal conclusions. Pure: no I/O.

pub mod evidence;
pub mod legal;
pub mod structure;
pub mod uscc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::Case;
use crate::case::values::Money;
use crate::diag::Diagnostic;
use crate::law::{self, LegalAssessment};

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
    /// The legal engine's conclusions: debts, limitation, charges, claim, fees, court.
    pub legal: LegalAssessment,
    /// The payment deadline a demand letter sets: `pay_within_days` after `as_of`.
    pub deadline: NaiveDate,
}

/// The assessment of a case and the findings of its structural, evidence and legal checks.
pub fn assess(case: &Case, as_of: NaiveDate) -> (Assessment, Vec<Diagnostic>) {
    let legal = law::evaluate(&legal::facts(case, as_of));
    let debt_names: Vec<&str> = legal.debts.iter().map(|d| d.debt.id.as_str()).collect();
    let mut diagnostics = structure::check(case, as_of, &debt_names);
    diagnostics.extend(evidence::check(case));
    let from_law = legal::diagnostics(&legal.findings, &diagnostics);
    diagnostics.extend(from_law);
    let deadline = law::dates::days_period_end(
        as_of,
        case.meta.claim.pay_within_days,
        &law::Tables::official().calendar,
    );
    let assessment = Assessment {
        as_of,
        ledger: ledger(case, &legal),
        legal,
        deadline,
    };
    (assessment, diagnostics)
}

fn ledger(case: &Case, legal: &LegalAssessment) -> Ledger {
    let delivered: Decimal = case.receipts.iter().map(|r| r.amount.value.0).sum();
    let invoiced: Decimal = case.invoices.iter().map(|i| i.amount.value.0).sum();
    let paid: Decimal = case.payments.iter().map(|p| p.amount.value.0).sum();
    let outstanding: Decimal = legal.debts.iter().map(|d| d.outstanding).sum();
    Ledger {
        delivered: Money(delivered),
        invoiced: Money(invoiced),
        paid: Money(paid),
        outstanding: Money(outstanding),
    }
}
