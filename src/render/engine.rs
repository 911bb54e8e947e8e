//! The template environment: tera 2 templates that write Typst markup.
//!
//! - The built-in templates are compiled into the binary ([`BUILTIN_TEMPLATES`]); a folder
//!   of user templates overrides any of them by name (`templates/` beside the cases or
//!   `--templates DIR`), and may add new ones.
//! - Autoescape is on for every template whose name ends in `.typ`: each `{{ value }}` goes
//!   through [`escape_markup`], so user text prints literally. `{{ x | safe }}` turns it off
//!   for trusted Typst markup; `{{ x | typst_str }}` writes a quoted string literal for code
//!   positions.
//! - The filters of `filters.rs` are registered (see [`Engine::new`] for the list).
//! - After rendering, every character of the generated source is checked against the loaded
//!   fonts; one that no font has is an error naming it and the context field it came from,
//!   never an empty box in the PDF.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Serialize;
use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::compile::compile;
use super::error::{MissingGlyph, RenderError, TypstDiagnostic};
use super::escape::{escape_markup, escape_string_literal, tera_escape};
use super::filters::{self, FilterError, Lang};
use super::fonts::fonts;
use super::world::CompileContext;

/// The built-in templates, compiled in: (name, source). A template named here can be
/// replaced by a file of the same name in the user's templates folder.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("_base.typ", include_str!("../../templates/_base.typ")),
    ("demand-letter.typ", include_str!("../../templates/demand-letter.typ")),
];

/// A rendered document: the Typst source (written beside the PDF so that `typst compile`
/// reproduces it) and the PDF.
#[derive(Debug, Clone)]
pub struct RenderedDocument {
    /// The generated Typst source.
    pub typ: String,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// Typst's warnings (the document was made all the same).
    pub warnings: Vec<TypstDiagnostic>,
}

/// The tera environment with casepack's templates and filters.
pub struct Engine {
    tera: Tera,
    overridden: Vec<(String, PathBuf)>,
}

impl Engine {
    /// The built-in templates only. Filters registered:
    /// `money` (`¥1,234,567.80`; `money(symbol=false)` → `1,234,567.80`,
    /// `money(prefix="RMB ")`), `capitals` (壹佰贰拾叁万…元…整), `date_zh` (2026年11月22日),
    /// `date_en` (22 November 2026), `date(lang=…)` (either, by language code),
    /// `cite` / `cite(lang="en")` (a rule key such as "CC 188" as a citation),
    /// `cn_numeral` (188 → 一百八十八), `typst_str` (a quoted Typst string literal, safe),
    /// `typst_date` (`datetime(year: 2026, month: 11, day: 22)`, safe), `typst_escape` (markup
    /// escaping where autoescape is off).
    pub fn new() -> Result<Engine, RenderError> {
        Engine::with_overrides(None)
    }

    /// The built-in templates, overridden (and extended) by the `*.typ` files in `dir`, if
    /// given (recursively; other files are ignored). Files are named by their path relative
    /// to `dir`, with `/` separators.
    pub fn with_overrides(dir: Option<&Path>) -> Result<Engine, RenderError> {
        let mut tera = Tera::new();
        tera.autoescape_on([".typ"]);
        tera.set_escape_fn(tera_escape);
        register_filters(&mut tera);

        let mut sources: BTreeMap<String, String> = BUILTIN_TEMPLATES
            .iter()
            .map(|(name, src)| (name.to_string(), src.to_string()))
            .collect();
        let mut overridden = Vec::new();
        if let Some(dir) = dir {
            for (name, path) in template_files(dir)? {
                let src = std::fs::read_to_string(&path)
                    .map_err(|e| RenderError::Templates(format!("cannot read {}: {e}", path.display())))?;
                sources.insert(name.clone(), src);
                overridden.push((name, path));
            }
        }
        tera.add_raw_templates(sources.iter())
            .map_err(|e| RenderError::Templates(e.to_string()))?;
        Ok(Engine { tera, overridden })
    }

    /// Adds (or replaces) a template from a string.
    pub fn add_template(&mut self, name: &str, source: &str) -> Result<(), RenderError> {
        self.tera
            .add_raw_template(name, source)
            .map_err(|e| RenderError::Templates(e.to_string()))
    }

    /// Whether a template of that name exists.
    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// The templates taken from the user's folder: (name, file).
    pub fn overridden(&self) -> &[(String, PathBuf)] {
        &self.overridden
    }

    /// Renders `template` with `context` (any value that serialises to a JSON object; its
    /// keys are the template's variables) into Typst source, then checks that every
    /// character of it is in a loaded font.
    pub fn render(&self, template: &str, context: &impl Serialize) -> Result<String, RenderError> {
        let tera_ctx = tera::Context::from_serialize(context).map_err(|e| RenderError::Template {
            template: template.to_string(),
            message: format!("the context must serialise to a JSON object: {e}"),
        })?;
        let typ = self
            .tera
            .render(template, &tera_ctx)
            .map_err(|e| RenderError::Template {
                template: template.to_string(),
                message: error_chain(&e),
            })?;
        check_glyphs(template, &typ, context)?;
        Ok(typ)
    }

    /// Template → Typst source → PDF.
    pub fn render_document(
        &self,
        template: &str,
        context: &impl Serialize,
        ctx: &CompileContext,
    ) -> Result<RenderedDocument, RenderError> {
        let typ = self.render(template, context)?;
        let compiled = compile(&typ, ctx)?;
        Ok(RenderedDocument {
            typ,
            pdf: compiled.pdf,
            pages: compiled.pages,
            warnings: compiled.warnings,
        })
    }
}

/// tera's message with the messages of the errors it wraps (a filter's own error).
fn error_chain(err: &tera::Error) -> String {
    let mut out = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(e) = source {
        out.push_str(&format!(": {e}"));
        source = e.source();
    }
    out
}

/// The files of a templates folder, recursively: (name relative to `dir`, path).
fn template_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, RenderError> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| RenderError::Templates(format!("{}: {e}", dir.display())))?;
        let file_name = entry.file_name().to_string_lossy();
        // Only templates: `*.typ` (other files, such as a logo, are not loaded).
        if !entry.file_type().is_file() || file_name.starts_with('.') || !file_name.ends_with(".typ") {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push((name, entry.path().to_path_buf()));
    }
    Ok(out)
}

/// Every string of the context with its JSON path (`debtor.name`, `items[2].text`).
fn context_strings(value: &serde_json::Value, path: &mut String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path.clone(), s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                context_strings(item, path, out);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
                match (plain, path.is_empty()) {
                    (true, true) => path.push_str(key),
                    (true, false) => path.push_str(&format!(".{key}")),
                    (false, _) => path.push_str(&format!("[{key:?}]")),
                }
                context_strings(item, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// The glyph check: every character of the generated source that no loaded font has is an
/// error, attributed to the context fields that contain it (the context is turned into JSON
/// only then, to find those fields).
fn check_glyphs(template: &str, typ: &str, context: &impl Serialize) -> Result<(), RenderError> {
    let set = fonts();
    let missing = set.missing_glyphs(typ);
    if missing.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_value(context).unwrap_or_default();
    let mut strings = Vec::new();
    context_strings(&json, &mut String::new(), &mut strings);
    let missing = missing
        .into_iter()
        .map(|ch| MissingGlyph {
            ch,
            fields: strings
                .iter()
                .filter(|(_, s)| s.contains(ch))
                .map(|(p, _)| p.clone())
                .collect(),
        })
        .collect();
    Err(RenderError::MissingGlyphs {
        template: template.to_string(),
        missing,
        families: set.families(),
    })
}

fn filter_err(e: FilterError) -> tera::Error {
    tera::Error::message(e.to_string())
}

/// A template value as an amount: a decimal string ("1234.50", as rust_decimal serialises)
/// or a number.
fn amount_arg(value: &Value) -> TeraResult<Decimal> {
    if let Some(s) = value.as_str() {
        return filters::parse_amount(s).map_err(filter_err);
    }
    match value.as_number() {
        Some(tera::Number::Integer(i)) => {
            Decimal::try_from_i128_with_scale(i, 0).map_err(|_| filter_err(FilterError::NotAnAmount(i.to_string())))
        }
        Some(tera::Number::Float(f)) => filters::parse_amount(&f.to_string()).map_err(filter_err),
        _ => Err(filter_err(FilterError::NotAnAmount(value.to_string()))),
    }
}

fn date_arg(value: &Value) -> TeraResult<chrono::NaiveDate> {
    let text = value.as_str().map(String::from).unwrap_or_else(|| value.to_string());
    filters::parse_date(&text).map_err(filter_err)
}

fn lang_kwarg(kwargs: &Kwargs) -> TeraResult<Lang> {
    Ok(Lang::from_code(kwargs.get::<&str>("lang")?.unwrap_or("zh")))
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("money", |v: &Value, kwargs: Kwargs, _: &State| -> TeraResult<String> {
        let amount = amount_arg(v)?;
        if let Some(prefix) = kwargs.get::<&str>("prefix")? {
            return Ok(filters::format_money_with_prefix(amount, prefix));
        }
        let symbol = kwargs.get::<bool>("symbol")?.unwrap_or(true);
        Ok(filters::format_money(amount, symbol))
    });
    tera.register_filter("capitals", |v: &Value, _: Kwargs, _: &State| -> TeraResult<String> {
        filters::amount_in_capitals(amount_arg(v)?).map_err(filter_err)
    });
    tera.register_filter("date_zh", |v: &Value, _: Kwargs, _: &State| -> TeraResult<String> {
        Ok(filters::date_zh(date_arg(v)?))
    });
    tera.register_filter("date_en", |v: &Value, _: Kwargs, _: &State| -> TeraResult<String> {
        Ok(filters::date_en(date_arg(v)?))
    });
    tera.register_filter("date", |v: &Value, kwargs: Kwargs, _: &State| -> TeraResult<String> {
        let date = date_arg(v)?;
        Ok(match lang_kwarg(&kwargs)? {
            Lang::Zh => filters::date_zh(date),
            Lang::En => filters::date_en(date),
        })
    });
    tera.register_filter("cite", |v: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
        filters::cite(v, lang_kwarg(&kwargs)?).map_err(filter_err)
    });
    tera.register_filter("cn_numeral", |v: u64, _: Kwargs, _: &State| -> String {
        filters::chinese_numeral(v)
    });
    tera.register_filter("typst_str", |v: &Value, _: Kwargs, _: &State| -> Value {
        let text = v.as_str().map(String::from).unwrap_or_else(|| v.to_string());
        Value::safe_string(&escape_string_literal(&text))
    });
    tera.register_filter("typst_date", |v: &Value, _: Kwargs, _: &State| -> TeraResult<Value> {
        use chrono::Datelike;
        let d = date_arg(v)?;
        Ok(Value::safe_string(&format!(
            "datetime(year: {}, month: {}, day: {})",
            d.year(),
            d.month(),
            d.day()
        )))
    });
    // `escape` explicitly (autoescape does it already for `.typ` templates).
    tera.register_filter("typst_escape", |v: &Value, _: Kwargs, _: &State| -> Value {
        let text = v.as_str().map(String::from).unwrap_or_else(|| v.to_string());
        Value::safe_string(&escape_markup(&text))
    });
}
