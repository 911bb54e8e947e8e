//! Case + Assessment → documents: tera templates that write Typst markup, compiled to PDF by
//! the Typst compiler embedded as a library.
//!
//! ```text
//! context (serde) ──tera + escape + filters──▶ .typ source ──glyph check──▶ Typst World ──▶ PDF
//! ```
//!
//! - [`Engine`] (engine.rs): the templates (built in, overridable by name), autoescape with
//!   [`escape_markup`], the filters, the glyph check; [`Engine::render_document`] does the
//!   whole chain and returns a [`RenderedDocument`].
//! - [`compile`] / [`compile_pdf`] (compile.rs): Typst source → PDF, reproducible.
//! - [`DocumentWorld`] / [`CompileContext`] (world.rs): the sandbox (allowed roots, fixed
//!   date, no packages), the standard library built once.
//! - [`fonts()`] / [`init_fonts`] (fonts.rs): the bundled CJK serif and typst-kit's
//!   embedded fonts, loaded once per process; `--system-fonts` and `--font-path` add more.
//! - filters.rs: money, 大写, dates, citations, as plain Rust functions.
//!
//! # Writing a template
//!
//! A template is a tera 2 file named `*.typ` in `templates/` (add it to
//! [`BUILTIN_TEMPLATES`] in engine.rs so it is compiled in); a file of the same name in the
//! user's templates folder replaces it. Names starting with `_` are building blocks and
//! test templates, not documents.
//!
//! - **Context**: [`Engine::render`] takes any `Serialize` value that serialises to a JSON
//!   object; its keys are the template's variables (`{{ debtor.name }}`,
//!   `{% for d in deliveries %}`). Amounts are decimal strings (rust_decimal's serde form),
//!   dates `YYYY-MM-DD` strings. Templates only format: every figure comes computed in the
//!   context.
//! - **Escaping**: every `{{ … }}` is escaped for a *markup* position (running text, `[…]`
//!   content arguments, table cells, headings). In a *code* position (a string argument such
//!   as a file path or a language code) write `{{ x | typst_str }}`, which gives a complete
//!   quoted string literal. `| safe` disables escaping: only for markup casepack itself made.
//!   Newlines in user text become forced line breaks.
//! - **Filters**: listed once, where they are registered: [`Engine::new`].
//! - **The base**: the first line is `{% include "_base.typ" %}`, which copies the layout's
//!   Typst definitions into the generated source (so the `.typ` written beside the PDF
//!   compiles on its own with `typst compile --font-path fonts --ignore-system-fonts`), then
//!   `#show: casepack-letter.with(lang: {{ lang | typst_str }}, title: […],
//!   date: {{ as_of | typst_date }})`. The base also defines `casepack-noindent[…]` (a
//!   paragraph without the two-character indent, e.g. the addressee line) and
//!   `casepack-signature[line][line]` (the right-aligned signature and date block). The
//!   World serves no template files: the base reaches the document only through the
//!   include.
//! - **Fonts**: the base sets them (`Libertinus Serif` with `covers: "latin-in-cjk"`, then
//!   `Noto Serif CJK SC`); a template names no other font unless `--font-path` supplies it.
//!   Every character of the output must be in a loaded font, or rendering fails naming the
//!   character and the context field it came from.
//! - **Files**: images (scans) are read by a path relative to an allowed root
//!   ([`CompileContext::with_root`], the case folder): `#image({{ scan | typst_str }})`.
//! - **Date**: `datetime.today()` is the context's date (the case's `as_of`), and so is the
//!   PDF's creation date unless the template sets `document(date: …)` through the base.

pub mod compile;
pub mod context;
pub mod engine;
pub mod error;
pub mod escape;
pub mod filters;
pub mod fonts;
pub mod world;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;

pub use compile::{Compiled, compile, compile_pdf, evict_caches};
pub use engine::{BUILTIN_TEMPLATES, Engine, RenderedDocument};
pub use error::{MissingGlyph, RenderError, TypstDiagnostic};
pub use escape::{escape_markup, escape_string_literal};
pub use fonts::{FontOptions, FontSet, fonts, init_fonts, missing_glyphs};
pub use world::{CompileContext, DocumentWorld};
