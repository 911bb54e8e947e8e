//! The JSON report of `casepack check --format json` (case-format.md, "What casepack check
//! --format json reports"). Field names are a contract: extend, never rename.

use serde::Serialize;

use crate::assess::Ledger;
use crate::diag::{Diagnostic, display_path};
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
    pub limitation: Option<serde_json::Value>,
    pub interest: Option<serde_json::Value>,
    pub claim_total: Option<String>,
    pub court_fee: Option<String>,
}

pub fn case_report(o: &Outcome) -> CaseReport<'_> {
    CaseReport {
        id: &o.id,
        path: display_path(&o.root),
        as_of: o.as_of.format("%Y-%m-%d").to_string(),
        ok: o.ok,
        diagnostics: &o.diagnostics,
        ledger: o.assessment.as_ref().map(|a| &a.ledger),
        limitation: None,
        interest: None,
        claim_total: None,
        court_fee: None,
    }
}

pub fn render(outcomes: &[Outcome]) -> String {
    let report = Report {
        cases: outcomes.iter().map(case_report).collect(),
    };
    serde_json::to_string_pretty(&report).expect("the report serialises") + "\n"
}
