//! Diagnostics: every problem casepack reports, with the file, line and column it points at.

use std::path::Path;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding. `code` is stable (users filter on it); `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The YAML field the finding is about, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What to do about it, where casepack can tell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The rule (article) behind the finding, for evidence and legal findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.to_string(),
            message: message.into(),
            file: None,
            line: None,
            column: None,
            field: None,
            hint: None,
            rule: None,
        }
    }

    pub fn error(code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn info(code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    /// Points the finding at `file`, `line`:`column` (0 = unknown).
    pub fn at(mut self, file: &Path, line: u32, column: u32) -> Self {
        self.file = Some(display_path(file));
        self.line = (line > 0).then_some(line);
        self.column = (column > 0).then_some(column);
        self
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(display_path(file));
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A path as users see it in reports: as given on the command line, with `/` separators.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Orders findings for output: by file, then line, then column, errors first on a tie.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, std::cmp::Reverse(a.severity), &a.code).cmp(&(
            &b.file,
            b.line,
            b.column,
            std::cmp::Reverse(b.severity),
            &b.code,
        ))
    });
}

/// The closest of `candidates` to a misspelt `word`, if any is close enough to suggest.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let keys = ["id", "contract", "delivered_on", "amount", "signed_by_debtor"];
        assert_eq!(nearest("deliverd_on", &keys), Some("delivered_on"));
        assert_eq!(nearest("amout", &keys), Some("amount"));
        assert_eq!(nearest("colour", &keys), None);
    }
}
