//! Reports of a check: for people (terminal), for programs (JSON), for CI (GitHub annotations).

pub mod github;
pub mod human;
pub mod json;

use crate::diag::Severity;
use crate::pipeline::Outcome;

/// The closing line: how many cases, how many failed, how many findings.
pub fn summary(outcomes: &[Outcome]) -> String {
    let failed = outcomes.iter().filter(|o| !o.ok).count();
    let errors: usize = outcomes.iter().map(|o| o.count(Severity::Error)).sum();
    let warnings: usize = outcomes.iter().map(|o| o.count(Severity::Warning)).sum();
    let cases = |n: usize| {
        if n == 1 {
            "1 case".to_string()
        } else {
            format!("{n} cases")
        }
    };
    format!(
        "checked {}: {} ok, {} failed; {} {}, {} {}",
        cases(outcomes.len()),
        outcomes.len() - failed,
        failed,
        errors,
        if errors == 1 { "error" } else { "errors" },
        warnings,
        if warnings == 1 { "warning" } else { "warnings" },
    )
}
