//! The terminal report: per case a verdict line, then each finding with its place and a
//! source snippet.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::case::model::Language;
use crate::diag::{Diagnostic, Severity, display_path};
use crate::law::{self, LegalAssessment, Status};
use crate::pipeline::Outcome;

pub struct Style {
    pub color: bool,
    /// Print every debt's limitation trace (`--explain`).
    pub explain: bool,
}

pub fn render(outcomes: &[Outcome], style: &Style) -> String {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for o in outcomes {
        out.push_str(&verdict(o));
        out.push('\n');
        if let (Some(a), Some(c)) = (&o.assessment, &o.case) {
            out.push_str(&legal_summary(&a.legal, c.meta.language, style.explain));
        }
        for d in &o.diagnostics {
            out.push_str(&finding(o, d, &renderer));
            out.push('\n');
        }
        if !o.diagnostics.is_empty() {
            out.push('\n');
        }
    }
    out
}

fn verdict(o: &Outcome) -> String {
    let mark = if o.ok { "ok  " } else { "FAIL" };
    let counts = [
        (o.count(Severity::Error), "error", "errors"),
        (o.count(Severity::Warning), "warning", "warnings"),
        (o.count(Severity::Info), "note", "notes"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
    .collect::<Vec<_>>();
    let counts = if counts.is_empty() {
        "no findings".to_string()
    } else {
        counts.join(", ")
    };
    format!(
        "{mark} {} ({}) as of {}: {counts}",
        o.id,
        display_path(&o.root),
        o.as_of.format("%Y-%m-%d")
    )
}

/// The limitation sentence in the case's language, as the demand letter would say it.
pub fn limitation_sentence(l: &law::LimitationSummary, lang: Language) -> String {
    let (Some(status), Some(day), Some(left)) = (l.status, l.expires_on, l.days_left) else {
        return match lang {
            Language::Zh => "无未付债务，无需计算诉讼时效".to_string(),
            Language::En => "nothing is unpaid: no limitation period runs".to_string(),
        };
    };
    let day = day.format("%Y-%m-%d");
    match (lang, status) {
        (Language::Zh, Status::Expired) => format!("诉讼时效已于 {day} 届满（已过 {} 天）", -left),
        (Language::Zh, Status::Waived) => format!("债务人已放弃时效抗辩，新的诉讼时效至 {day} 届满，剩余 {left} 天"),
        (Language::Zh, _) => format!("诉讼时效至 {day} 届满，剩余 {left} 天"),
        (Language::En, Status::Expired) => format!("limitation expired on {day} ({} days ago)", -left),
        (Language::En, Status::Waived) => {
            format!("the debtor waived the lapse; the new period expires {day}, {left} days left")
        }
        (Language::En, _) => format!("limitation expires {day}, {left} days left"),
    }
}

fn status_word(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Running) => "running",
        Some(Status::Expiring) => "EXPIRING",
        Some(Status::Expired) => "EXPIRED",
        Some(Status::Waived) => "waived",
        None => "none",
    }
}

fn legal_summary(l: &LegalAssessment, lang: Language, explain: bool) -> String {
    let m = |d| law::money_string(d);
    let mut out = format!(
        "     limitation: {} — {}{}\n",
        status_word(l.limitation.status),
        limitation_sentence(&l.limitation, lang),
        l.limitation
            .debt
            .as_ref()
            .map(|d| format!(" (debt {d})"))
            .unwrap_or_default()
    );
    out.push_str(&format!(
        "     claim: principal {} + charges {} ({}) + costs {} = {}; court fee {} (simplified {}), preservation fee {}\n",
        m(l.claim.principal),
        m(l.claim.charges),
        l.interest.basis,
        m(l.claim.costs),
        m(l.claim_total),
        m(l.court_fee),
        m(l.court_fee_simplified),
        m(l.preservation_fee),
    ));
    if let Some(court) = &l.suggested_court.court {
        out.push_str(&format!("     court: {court} ({})\n", l.suggested_court.rule));
    }
    if explain {
        for d in &l.limitation.debts {
            out.push_str(&format!(
                "     debt {}: due {}, outstanding {}, last day {} ({})\n",
                d.id,
                d.due_on.format("%Y-%m-%d"),
                m(d.outstanding),
                d.expires_on.format("%Y-%m-%d"),
                status_word(Some(d.status)),
            ));
            for t in &d.trace {
                let doc = t
                    .document
                    .as_ref()
                    .map(|r| format!(" [{} {}, {}:{}]", r.kind, r.id, r.file, r.line));
                out.push_str(&format!(
                    "       {} {}: {} — {}{}\n",
                    t.date.format("%Y-%m-%d"),
                    t.event,
                    t.detail,
                    t.rule,
                    doc.unwrap_or_default()
                ));
            }
        }
    }
    out
}

fn finding(o: &Outcome, d: &Diagnostic, renderer: &Renderer) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let source = d
        .file
        .as_ref()
        .and_then(|f| o.sources.get(Path::new(f)).or_else(|| find_source(o, f)));
    let snippet = match (d.file.as_deref(), d.line, source) {
        (Some(file), Some(line), Some(text)) => {
            let (start, end) = line_span(text, line, d.column);
            Some(
                Snippet::source(text.as_str())
                    .path(file)
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )
        }
        _ => None,
    };
    let mut groups: Vec<Group> = Vec::new();
    let first = match (snippet, &d.file) {
        (Some(s), _) => Group::with_title(title).element(s),
        (None, Some(file)) => {
            let place = match (d.line, d.column) {
                (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
                (Some(l), None) => format!("{file}:{l}"),
                _ => file.clone(),
            };
            Group::with_title(title).element(annotate_snippets::Origin::path(place))
        }
        (None, None) => Group::with_title(title),
    };
    groups.push(first);
    if let Some(h) = &d.hint {
        groups.push(Group::with_title(Level::HELP.secondary_title(h.as_str())));
    }
    if let Some(r) = &d.rule {
        groups.push(Group::with_title(Level::NOTE.secondary_title(format!("rule: {r}"))));
    }
    renderer.render(&groups)
}

fn find_source<'a>(o: &'a Outcome, file: &str) -> Option<&'a String> {
    o.sources.iter().find(|(p, _)| display_path(p) == file).map(|(_, t)| t)
}

/// Byte range to underline: from the column to the end of the token on that line.
fn line_span(text: &str, line: u32, column: Option<u32>) -> (usize, usize) {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let content = l.trim_end_matches(['\n', '\r']);
            let col = column.unwrap_or(1).max(1) as usize - 1;
            let start_in_line = content.char_indices().nth(col).map_or(content.len(), |(b, _)| b);
            let rest = &content[start_in_line..];
            let token_len = rest.find(" #").unwrap_or(rest.len());
            let token_len = rest[..token_len]
                .trim_end()
                .len()
                .max(if rest.is_empty() { 0 } else { 1 });
            return (offset + start_in_line, offset + start_in_line + token_len);
        }
        offset += l.len();
    }
    (text.len(), text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_the_token_at_the_column() {
        let text = "id: DN-1\nsigned_by_debtor: false   # note\n";
        let (s, e) = line_span(text, 2, Some(19));
        assert_eq!(&text[s..e], "false");
        let (s, e) = line_span(text, 1, None);
        assert_eq!(&text[s..e], "id: DN-1");
    }
}
