//! The one pipeline `check`, `build` and `watch` share: find → load → assess.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::assess::{self, Assessment};
use crate::case::{self, Case, FoundCase, Loaded};
use crate::diag::{self, Diagnostic, Severity};

#[derive(Debug, Clone)]
pub struct Options {
    /// Overrides every case's `as_of` (`--as-of`).
    pub as_of: Option<NaiveDate>,
    /// The date used when neither `--as-of` nor the case gives one.
    pub today: NaiveDate,
    /// Warnings fail a case too (`--deny-warnings`).
    pub deny_warnings: bool,
}

/// One case folder, carried through the pipeline.
#[derive(Debug)]
pub struct Outcome {
    pub root: PathBuf,
    pub id: String,
    pub as_of: NaiveDate,
    pub case: Option<Case>,
    pub assessment: Option<Assessment>,
    /// Every finding of loading and assessing, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    /// The YAML texts, for source snippets.
    pub sources: std::collections::BTreeMap<PathBuf, String>,
    pub ok: bool,
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// Finds the cases below `paths` and checks them in parallel; results in path order.
/// `Err` is a usage or I/O failure (exit status 2).
pub fn check(paths: &[PathBuf], opts: &Options) -> Result<Vec<Outcome>, Diagnostic> {
    let found = case::find_cases(paths)?;
    Ok(found.par_iter().map(|f| check_one(f, opts)).collect())
}

pub fn check_one(found: &FoundCase, opts: &Options) -> Outcome {
    let Loaded {
        root,
        case,
        mut diagnostics,
        sources,
        complete,
    } = case::load_case(found);
    let as_of = opts
        .as_of
        .or_else(|| case.as_ref().and_then(|c| c.meta.as_of.as_ref()).map(|d| d.value.0))
        .unwrap_or(opts.today);
    let assessment = case.as_ref().filter(|_| complete).map(|c| {
        let (assessment, found) = assess::assess(c, as_of);
        diagnostics.extend(found);
        assessment
    });
    diag::sort(&mut diagnostics);
    let failing = |d: &Diagnostic| d.is_error() || (opts.deny_warnings && d.severity == Severity::Warning);
    let ok = case.is_some() && !diagnostics.iter().any(failing);
    let id = case
        .as_ref()
        .map(|c| c.id.clone())
        .unwrap_or_else(|| fallback_id(&root));
    Outcome {
        root,
        id,
        as_of,
        case,
        assessment,
        diagnostics,
        sources,
        ok,
    }
}

fn fallback_id(root: &Path) -> String {
    root.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| diag::display_path(root))
}
