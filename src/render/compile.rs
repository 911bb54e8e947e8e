//! Typst source → PDF, in-process.
//!
//! The PDF carries no wall-clock time: its creation date is the context's date (the case's
//! `as_of`) unless the source sets `document(date: …)` itself, and its identifier is derived
//! from the document's title and author. The same source and context therefore give the same
//! bytes on every run.
//!
//! Typst memoises work across compilations (that is what makes the second document fast).
//! In a long run the cache would only grow, so every [`EVICT_EVERY`] documents the entries
//! not used by the last few are dropped; [`evict_caches`] does it on demand.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Datelike;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, Timestamp};

use super::error::{RenderError, TypstDiagnostic};
use super::world::{CompileContext, DocumentWorld};

/// Evict Typst's caches after this many compilations.
pub const EVICT_EVERY: usize = 16;
/// Entries unused in this many evictions are dropped.
const MAX_AGE: usize = 2;

static COMPILED: AtomicUsize = AtomicUsize::new(0);

/// Drops Typst's memoised results that recent documents did not use.
pub fn evict_caches() {
    typst::comemo::evict(MAX_AGE);
}

/// A compiled document.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// Typst's warnings (the document was made all the same).
    pub warnings: Vec<TypstDiagnostic>,
}

/// Compiles Typst source to a PDF. See [`compile`].
pub fn compile_pdf(source: &str, ctx: &CompileContext) -> Result<Vec<u8>, RenderError> {
    compile(source, ctx).map(|c| c.pdf)
}

/// Compiles Typst source to a PDF in the world `ctx` describes (roots, date); errors come
/// back with the line of the source they point at.
pub fn compile(source: &str, ctx: &CompileContext) -> Result<Compiled, RenderError> {
    let world = DocumentWorld::new(source, ctx);
    let warned = typst::compile(&world);
    let warnings = diagnostics(&world, &warned.warnings);
    let document = warned.output.map_err(|errors| RenderError::Typst {
        main: ctx.main_name.clone(),
        diagnostics: diagnostics(&world, &errors),
    })?;

    let date = Datetime::from_ymd(ctx.date.year(), ctx.date.month() as u8, ctx.date.day() as u8)
        .expect("a chrono date is a valid Typst date");
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("casepack (Typst)".to_string())),
        timestamp: Some(Timestamp::new_utc(date)),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| RenderError::Pdf {
        main: ctx.main_name.clone(),
        diagnostics: diagnostics(&world, &errors),
    })?;
    let pages = document.pages().len();

    if COMPILED.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
        evict_caches();
    }
    Ok(Compiled { pdf, pages, warnings })
}

/// Typst's diagnostics with file, line, column and the source line.
fn diagnostics(world: &DocumentWorld, diags: &[SourceDiagnostic]) -> Vec<TypstDiagnostic> {
    diags
        .iter()
        .map(|diag| {
            let mut out = TypstDiagnostic {
                message: diag.message.to_string(),
                file: None,
                line: None,
                column: None,
                source_line: None,
                hints: diag
                    .hints
                    .iter()
                    .map(|h| h.v.to_string())
                    // Advice for typst-cli users that does not apply to casepack.
                    .filter(|h| !h.contains("--root"))
                    .collect(),
            };
            if let Some(id) = diag.span.id() {
                out.file = Some(id.vpath().get_without_slash().to_string());
                let range = world.range(diag.span);
                if let (Ok(source), Some(range)) = (typst::World::source(world, id), range) {
                    let lines = source.lines();
                    if let Some((line, col)) = lines.byte_to_line_column(range.start) {
                        out.line = Some(line + 1);
                        out.column = Some(col + 1);
                        out.source_line = lines
                            .line_to_range(line)
                            .and_then(|r| source.text().get(r))
                            .map(str::to_string);
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ctx() -> CompileContext {
        CompileContext::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
    }

    #[test]
    fn compiles_a_page() {
        let out = compile("#set text(font: \"Noto Serif CJK SC\")\n你好，世界 Hello", &ctx()).unwrap();
        assert!(out.pdf.starts_with(b"%PDF-"));
        assert_eq!(out.pages, 1);
    }

    #[test]
    fn errors_point_at_the_line() {
        let err = compile("first line\n#nosuchfunction(1)\n", &ctx().with_main_name("letter.typ")).unwrap_err();
        let RenderError::Typst { diagnostics, .. } = &err else {
            panic!("expected a Typst error, got {err}");
        };
        assert_eq!(diagnostics[0].file.as_deref(), Some("letter.typ"));
        assert_eq!(diagnostics[0].line, Some(2));
        assert_eq!(diagnostics[0].column, Some(2));
        assert!(diagnostics[0].message.contains("nosuchfunction"), "{err}");
        assert!(err.to_string().contains("letter.typ:2:2"), "{err}");
    }

    #[test]
    fn today_is_the_context_date() {
        let src = "#datetime.today().display(\"[year]-[month]-[day]\")";
        let pdf = compile_pdf(src, &ctx()).unwrap();
        let text = crate::render::testutil::pdf_text(&pdf);
        assert_eq!(text.trim(), "2026-11-22");
    }
}
