//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.

use crate::diag::{Diagnostic, Severity};
use crate::pipeline::Outcome;

pub fn render(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        for d in &o.diagnostics {
            out.push_str(&annotation(d));
            out.push('\n');
        }
    }
    out
}

fn annotation(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = Vec::new();
    if let Some(f) = &d.file {
        props.push(format!("file={}", escape_property(f)));
    }
    if let Some(l) = d.line {
        props.push(format!("line={l}"));
    }
    if let Some(c) = d.column {
        props.push(format!("col={c}"));
    }
    props.push(format!("title={}", escape_property(&d.code)));
    let mut message = d.message.clone();
    if let Some(h) = &d.hint {
        message.push_str(" (hint: ");
        message.push_str(h);
        message.push(')');
    }
    format!("::{level} {}::{}", props.join(","), escape_data(&message))
}

/// Escaping of workflow-command data: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of workflow-command properties: also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn annotation_escapes_and_points() {
        let d = Diagnostic::error("unknown-field", "unknown field `x`, 100%\nsecond")
            .at(Path::new("cases/a,b/r.yaml"), 3, 5)
            .hint("did you mean `y`?");
        assert_eq!(
            annotation(&d),
            "::error file=cases/a%2Cb/r.yaml,line=3,col=5,title=unknown-field::unknown field `x`, 100%25%0Asecond (hint: did you mean `y`?)"
        );
    }
}
