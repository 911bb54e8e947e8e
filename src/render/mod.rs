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
//! Template conventions: see `templates/_base.typ`.

pub mod compile;
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
