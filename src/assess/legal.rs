//! Maps a loaded case onto the law engine's facts, and the engine's findings back onto
//! diagnostics that point at the documents.

use std::path::Path;

use chrono::NaiveDate;

use crate::case::model::{self, LetterKind, Side, TermKind};
use crate::case::values::Sp;
use crate::case::{Case, Doc};
use crate::diag::{Diagnostic, display_path};
use crate::law::{self, DocRef, Facts};

fn doc_ref<T>(kind: &str, id: &str, doc: &Doc<T>) -> DocRef {
    DocRef {
        kind: kind.to_string(),
        id: id.to_string(),
        file: display_path(&doc.file),
        line: doc.pos.line,
    }
}

fn meta_ref(case: &Case, kind: &str, id: &str, line: u32) -> DocRef {
    DocRef {
        kind: kind.to_string(),
        id: id.to_string(),
        file: display_path(&case.meta_file),
        line,
    }
}

/// The facts of a case, as the law engine reads them.
pub fn facts(case: &Case, as_of: NaiveDate) -> Facts {
    let contracts = case.contracts.iter().map(contract).collect();
    let deliveries = case
        .receipts
        .iter()
        .map(|r| law::Delivery {
            id: r.id.value.0.clone(),
            contract: r.contract.as_ref().map(|c| c.value.0.clone()),
            delivered_on: r.delivered_on.value.0,
            amount: r.amount.value.0,
            invoices: case
                .invoices
                .iter()
                .filter(|i| i.receipts.iter().any(|id| id.value == r.id.value))
                .map(|i| law::InvoiceDates {
                    issued_on: i.issued_on.value.0,
                    received_by_debtor: i.received_by_debtor.as_ref().map(|d| d.value.0),
                    doc: doc_ref("invoice", &i.number.key(), i),
                })
                .collect(),
            doc: doc_ref("receipt", &r.id.value, r),
        })
        .collect();
    let payments = case
        .payments
        .iter()
        .map(|p| law::Payment {
            id: p.id.value.0.clone(),
            date: p.date.value.0,
            amount: p.amount.value.0,
            applies_to: p.applies_to.iter().map(|a| a.value.0.clone()).collect(),
            doc: doc_ref("payment", &p.id.value, p),
        })
        .collect();
    let reconciliations = case
        .reconciliations
        .iter()
        .map(|r| law::Reconciliation {
            id: r.id.value.0.clone(),
            signed_on: r.signed_on.value.0,
            period_end: r.period_end.value.0,
            balance: r.balance.value.0,
            signed_by_debtor: r.signed_by_debtor.value,
            doc: doc_ref("reconciliation", &r.id.value, r),
        })
        .collect();
    let correspondence = case
        .correspondence
        .iter()
        .map(|c| law::Correspondence {
            id: c.id.value.0.clone(),
            date: c.date.value.0,
            kind: match c.kind.value {
                LetterKind::Demand => law::CorrespondenceKind::Demand,
                LetterKind::Acknowledgement => law::CorrespondenceKind::Acknowledgement,
                LetterKind::RepaymentPlan => law::CorrespondenceKind::RepaymentPlan,
                LetterKind::Promise => law::CorrespondenceKind::Promise,
                LetterKind::Dispute => law::CorrespondenceKind::Dispute,
                LetterKind::Refusal => law::CorrespondenceKind::Refusal,
            },
            from: match c.from.value {
                Side::Creditor => law::Party::Creditor,
                Side::Debtor => law::Party::Debtor,
            },
            delivered_on: c.delivered_on.as_ref().map(|d| d.value.0),
            proof: c.proof.as_ref().is_some_and(|p| !p.trim().is_empty()),
            amount: c.amount.as_ref().map(|a| a.value.0),
            doc: doc_ref("correspondence", &c.id.value, c),
        })
        .collect();
    let claim = &case.meta.claim;
    let address = |p: &Sp<model::Party>| p.address.as_ref().map(|a| a.value.clone());
    let settings = law::ClaimSettings {
        interest: match claim.interest.value {
            model::InterestMode::Auto => law::InterestMode::Auto,
            model::InterestMode::Contract => law::InterestMode::Contract,
            model::InterestMode::Lpr => law::InterestMode::Lpr,
            model::InterestMode::None => law::InterestMode::None,
        },
        lpr_markup: claim.lpr_markup.as_ref().map(|m| m.value.0),
        costs: claim
            .costs
            .iter()
            .map(|c| law::Cost {
                description: c.description.clone(),
                amount: c.amount.value.0,
                doc: meta_ref(case, "cost", &c.description, c.line),
            })
            .collect(),
        creditor_address: address(&case.meta.creditor),
        debtor_address: address(&case.meta.debtor),
        court: claim.court.as_ref().map(|c| c.value.clone()),
    };
    Facts {
        as_of,
        contracts,
        deliveries,
        payments,
        reconciliations,
        correspondence,
        claim: settings,
    }
}

fn contract(c: &Doc<model::Contract>) -> law::Contract {
    let term = match &c.payment {
        None => law::PaymentTerm::None,
        Some(p) => match p.term.value {
            TermKind::OnDelivery => law::PaymentTerm::OnDelivery,
            TermKind::DaysAfterDelivery => law::PaymentTerm::DaysAfterDelivery(p.days.as_ref().map_or(0, |d| d.value)),
            TermKind::DaysAfterInvoice => law::PaymentTerm::DaysAfterInvoice(p.days.as_ref().map_or(0, |d| d.value)),
            TermKind::FixedDate => match &p.date {
                Some(d) => law::PaymentTerm::FixedDate(d.value.0),
                None => law::PaymentTerm::None,
            },
            TermKind::Installments => law::PaymentTerm::Installments(
                p.installments
                    .iter()
                    .flatten()
                    .map(|i| law::Installment {
                        due: i.due.value.0,
                        amount: i.amount.value.0,
                    })
                    .collect(),
            ),
            TermKind::None => law::PaymentTerm::None,
        },
    };
    let late_payment = c.late_payment.as_ref().and_then(|l| {
        l.daily_rate
            .as_ref()
            .map(|r| law::LatePayment::DailyRate(r.value.0))
            .or_else(|| l.annual_rate.as_ref().map(|r| law::LatePayment::AnnualRate(r.value.0)))
            .or_else(|| l.fixed.as_ref().map(|f| law::LatePayment::Fixed(f.value.0)))
    });
    let forum = c.forum.as_ref().and_then(|f| {
        f.court
            .as_ref()
            .map(|n| law::Forum::Court(n.value.clone()))
            .or_else(|| f.arbitration.as_ref().map(|n| law::Forum::Arbitration(n.value.clone())))
    });
    law::Contract {
        id: c.id.value.0.clone(),
        term,
        late_payment,
        costs_recoverable: c.costs_recoverable,
        forum,
        doc: doc_ref("contract", &c.id.value, c),
    }
}

/// The engine's findings as diagnostics at their documents. The engine guards its own input
/// (e.g. `amount-not-positive`); where the structural checks already report that for the same
/// file, at the exact field, the engine's copy is not repeated.
pub fn diagnostics(findings: &[law::Finding], already: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for f in findings {
        let mut d = Diagnostic::new(f.severity, f.code, f.message.clone());
        if let Some(doc) = &f.doc {
            d = d.at(Path::new(&doc.file), doc.line, 0);
        }
        let same = |e: &Diagnostic| e.code == d.code && e.file == d.file;
        if !already.iter().any(same) && !out.iter().any(|e| e == &d) {
            out.push(d);
        }
    }
    out
}
