//! The JSON report of `casepack check --format json` (case-format.md, "What casepack check
//! --format json reports"). Field names are a contract: extend, never rename.

use serde::Serialize;

use crate::assess::Ledger;
use crate::diag::{Diagnostic, display_path};
use crate::law;
use crate::pipeline::Outcome;

#[derive(Serialize)]
pub struct Report<'a> {
    pub cases: Vec<CaseReport<'a>>,
}

#[derive(Serialize)]
pub struct CaseReport<'a> {
    pub id: &'a str,
    pub path: String,
    pub as_of: String,
    pub ok: bool,
    pub diagnostics: &'a [Diagnostic],
    pub ledger: Option<&'a Ledger>,
    pub limitation: Option<&'a law::LimitationSummary>,
    pub interest: Option<&'a law::InterestSummary>,
    pub claim_total: Option<String>,
    pub court_fee: Option<String>,
    /// Beyond the format spec: the claim's parts, the other fees, each debt's ledger, the
    /// costs decision and the suggested court.
    pub claim: Option<&'a law::ClaimValue>,
    pub court_fee_simplified: Option<String>,
    pub preservation_fee: Option<String>,
    pub debts: Option<&'a [law::DebtLedger]>,
    pub costs: Option<&'a law::CostsSummary>,
    pub suggested_court: Option<&'a law::SuggestedCourt>,
}

pub fn case_report(o: &Outcome) -> CaseReport<'_> {
    let legal = o.assessment.as_ref().map(|a| &a.legal);
    let money = |f: fn(&law::LegalAssessment) -> rust_decimal::Decimal| legal.map(|l| law::money_string(f(l)));
    CaseReport {
        id: &o.id,
        path: display_path(&o.root),
        as_of: o.as_of.format("%Y-%m-%d").to_string(),
        ok: o.ok,
        diagnostics: &o.diagnostics,
        ledger: o.assessment.as_ref().map(|a| &a.ledger),
        limitation: legal.map(|l| &l.limitation),
        interest: legal.map(|l| &l.interest),
        claim_total: money(|l| l.claim_total),
        court_fee: money(|l| l.court_fee),
        claim: legal.map(|l| &l.claim),
        court_fee_simplified: money(|l| l.court_fee_simplified),
        preservation_fee: money(|l| l.preservation_fee),
        debts: legal.map(|l| l.debts.as_slice()),
        costs: legal.map(|l| &l.costs),
        suggested_court: legal.map(|l| &l.suggested_court),
    }
}

pub fn render(outcomes: &[Outcome]) -> String {
    let report = Report {
        cases: outcomes.iter().map(case_report).collect(),
    };
    serde_json::to_string_pretty(&report).expect("the report serialises") + "\n"
}

/// The report of one case alone (`out/<case>/report.json`).
pub fn render_one(outcome: &Outcome) -> String {
    serde_json::to_string_pretty(&case_report(outcome)).expect("the report serialises") + "\n"
}
