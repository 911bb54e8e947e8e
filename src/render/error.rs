//! What can go wrong between a template and a PDF, as messages a user can act on.

use std::fmt;

/// A character no loaded font can draw, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The context fields (JSON paths such as `debtor.name` or `deliveries[2].item`) whose
    /// text contains it; empty when it comes from the template itself.
    pub fields: Vec<String>,
}

impl fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "character U+{:04X} '{}' ", self.ch as u32, self.ch)?;
        if self.fields.is_empty() {
            write!(f, "(in the template text)")
        } else {
            write!(f, "in field {}", self.fields.join(", "))
        }
    }
}

/// One problem Typst reported, located in the generated `.typ` source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypstDiagnostic {
    /// The message.
    pub message: String,
    /// The file it points into (the main source's name, or a file under a root).
    pub file: Option<String>,
    /// 1-based line and column.
    pub line: Option<usize>,
    /// 1-based column (in characters).
    pub column: Option<usize>,
    /// The text of that line of the source.
    pub source_line: Option<String>,
    /// Typst's hints.
    pub hints: Vec<String>,
}

impl fmt::Display for TypstDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line, self.column) {
            (Some(file), Some(line), Some(col)) => write!(f, "{file}:{line}:{col}: ")?,
            (Some(file), _, _) => write!(f, "{file}: ")?,
            _ => {}
        }
        write!(f, "{}", self.message)?;
        if let Some(text) = &self.source_line {
            write!(f, "\n    | {}", text.trim_end())?;
        }
        for hint in &self.hints {
            write!(f, "\n    hint: {hint}")?;
        }
        Ok(())
    }
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The templates could not be loaded (syntax error, unreadable override folder).
    #[error("templates: {0}")]
    Templates(String),
    /// A template failed while rendering (unknown variable, a filter's error).
    #[error("template `{template}`: {message}")]
    Template {
        /// The template's name.
        template: String,
        /// tera's report, with the line of the template.
        message: String,
    },
    /// Characters that would print as empty boxes.
    #[error("{}", missing_message(.template, .missing, .families))]
    MissingGlyphs {
        /// The template's name.
        template: String,
        /// Each missing character once, with the fields it came from.
        missing: Vec<MissingGlyph>,
        /// The font families that were searched.
        families: Vec<String>,
    },
    /// Typst refused the generated source.
    #[error("{}", typst_message(.main, .diagnostics))]
    Typst {
        /// The main source's name.
        main: String,
        /// Typst's errors.
        diagnostics: Vec<TypstDiagnostic>,
    },
    /// The PDF could not be written.
    #[error("PDF export of {main}: {}", join(.diagnostics))]
    Pdf {
        /// The main source's name.
        main: String,
        /// Typst's errors.
        diagnostics: Vec<TypstDiagnostic>,
    },
}

fn join(diagnostics: &[TypstDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn typst_message(main: &str, diagnostics: &[TypstDiagnostic]) -> String {
    format!(
        "Typst could not compile {main} ({} error{}):\n{}",
        diagnostics.len(),
        if diagnostics.len() == 1 { "" } else { "s" },
        join(diagnostics)
    )
}

fn missing_message(template: &str, missing: &[MissingGlyph], families: &[String]) -> String {
    let mut out = format!(
        "template `{template}`: {} character{} would print as empty boxes, no font has {}:",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" },
        if missing.len() == 1 { "it" } else { "them" },
    );
    for m in missing {
        out.push_str(&format!("\n  {m}"));
    }
    out.push_str(&format!(
        "\n  fonts searched: {}\n  hint: write the text without it, or add a font that has it \
         with --font-path DIR (or --system-fonts)",
        families.join(", ")
    ));
    out
}
