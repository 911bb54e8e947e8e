//! End-to-end tests of the rendering chain: template → Typst → PDF → text read back with
//! poppler's `pdftotext` / `pdffonts` (`apt-get install -y poppler-utils`).

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;

use super::fonts::{fonts, needs_glyph};
use super::testutil::{pdf_fonts, pdf_image_count, pdf_text, squash};
use super::*;

const FIELDS_TEMPLATE: &str = include_str!("../../templates/_test-fields.typ");
const LETTER_TEMPLATE: &str = include_str!("../../templates/_test-letter.typ");

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn engine() -> Engine {
    let mut engine = Engine::new().unwrap();
    engine.add_template("_test-fields.typ", FIELDS_TEMPLATE).unwrap();
    engine.add_template("_test-letter.typ", LETTER_TEMPLATE).unwrap();
    engine
}

fn letter_context(lang: &str, paragraphs: usize) -> serde_json::Value {
    json!({
        "lang": lang,
        "as_of": "2026-11-22",
        "creditor": "上海某某贸易有限公司",
        "debtor": "北京#某某*科技_有限公司",
        "principal": "1234567.80",
        "rows": [
            {"item": "第一批货物", "amount": "1000000"},
            {"item": "第二批货物", "amount": "234567.8"},
        ],
        "paragraphs": vec!["贵司应自收到本函之日起十五日内付清上述欠款，否则我司将依法提起诉讼。"; paragraphs],
    })
}

#[test]
fn letter_in_chinese_has_figures_capitals_dates_and_citation() {
    let doc = engine()
        .render_document(
            "_test-letter.typ",
            &letter_context("zh", 1),
            &CompileContext::new(as_of()),
        )
        .unwrap();
    let text = squash(&pdf_text(&doc.pdf));
    for expected in [
        "催款函",
        "北京#某某*科技_有限公司：",
        "¥1,234,567.80",
        "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整",
        "2026年11月22日",
        "《中华人民共和国民法典》第一百八十八条",
        "1,000,000.00",
        "234,567.80",
        "上海某某贸易有限公司（盖章）",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    // One page: no page number.
    assert_eq!(doc.pages, 1);
    assert!(!text.contains("第1页"), "{text}");
}

#[test]
fn letter_in_english() {
    let doc = engine()
        .render_document(
            "_test-letter.typ",
            &letter_context("en", 1),
            &CompileContext::new(as_of()),
        )
        .unwrap();
    let text = pdf_text(&doc.pdf);
    for expected in [
        "Letter of Demand",
        "RMB 1,234,567.80",
        "22 November 2026",
        "Article 188 of the Civil Code",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn page_numbers_only_on_multi_page_letters() {
    let doc = engine()
        .render_document(
            "_test-letter.typ",
            &letter_context("zh", 40),
            &CompileContext::new(as_of()),
        )
        .unwrap();
    assert!(doc.pages >= 2, "{} pages", doc.pages);
    let text = squash(&pdf_text(&doc.pdf));
    let total = doc.pages;
    assert!(text.contains(&format!("第1页共{total}页")), "{text}");
    assert!(text.contains(&format!("第{total}页共{total}页")), "{text}");
}

#[test]
fn fonts_are_embedded_and_none_is_type3() {
    let doc = engine()
        .render_document(
            "_test-letter.typ",
            &letter_context("zh", 1),
            &CompileContext::new(as_of()),
        )
        .unwrap();
    let table = pdf_fonts(&doc.pdf);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(rows.iter().any(|r| r.contains("NotoSerifCJKsc-Regular")), "{table}");
    assert!(rows.iter().any(|r| r.contains("NotoSerifCJKsc-Bold")), "{table}");
    assert!(rows.iter().any(|r| r.contains("LibertinusSerif")), "{table}");
    for row in rows {
        assert!(!row.contains("Type 3"), "{table}");
        // columns: name type encoding emb sub uni: embedded = yes
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
    }
}

#[test]
fn same_input_gives_byte_identical_pdfs() {
    let ctx = CompileContext::new(as_of());
    let first = engine()
        .render_document("_test-letter.typ", &letter_context("zh", 3), &ctx)
        .unwrap();
    let second = engine()
        .render_document("_test-letter.typ", &letter_context("zh", 3), &ctx)
        .unwrap();
    assert_eq!(first.typ, second.typ);
    assert!(first.pdf == second.pdf, "PDFs differ");
    // The creation date is the as_of date, not the clock's.
    let raw = String::from_utf8_lossy(&first.pdf);
    assert!(raw.contains("D:20261122"), "no fixed CreationDate");
    // Without a date in the source, the context's date is the PDF's creation date.
    let ctx = CompileContext::new(NaiveDate::from_ymd_opt(2027, 1, 2).unwrap());
    let pdf = compile_pdf("dated", &ctx).unwrap();
    assert!(String::from_utf8_lossy(&pdf).contains("D:20270102"));
    assert_eq!(pdf, compile_pdf("dated", &ctx).unwrap());
}

#[test]
fn missing_glyph_names_the_character_and_the_field() {
    let mut engine = engine();
    engine
        .add_template(
            "_t.typ",
            "{{ debtor.name }} {% for i in items %}{{ i.text }}{% endfor %}",
        )
        .unwrap();
    let ctx = json!({
        "debtor": {"name": "李😀"},
        "items": [{"text": "好"}, {"text": "吉𠮷"}],
        "unused": "🙂",
    });
    let err = engine.render("_t.typ", &ctx).unwrap_err();
    let RenderError::MissingGlyphs { missing, .. } = &err else {
        panic!("expected a missing-glyph error, got {err}");
    };
    assert_eq!(
        missing,
        &vec![
            MissingGlyph {
                ch: '😀',
                fields: vec!["debtor.name".to_string()],
            },
            MissingGlyph {
                ch: '𠮷',
                fields: vec!["items[1].text".to_string()],
            },
        ]
    );
    let message = err.to_string();
    assert!(message.contains("U+1F600 '😀' in field debtor.name"), "{message}");
    assert!(message.contains("U+20BB7 '𠮷' in field items[1].text"), "{message}");
    // The unused field's 🙂 does not reach the document and is not reported.
    assert!(!message.contains("🙂"), "{message}");
}

#[test]
fn missing_glyph_in_template_text() {
    let mut engine = engine();
    engine.add_template("_t.typ", "ok 😀").unwrap();
    let err = engine.render("_t.typ", &json!({})).unwrap_err();
    assert!(err.to_string().contains("(in the template text)"), "{err}");
}

#[test]
fn world_refuses_files_outside_its_roots() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("case");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("inside.txt"), "INSIDEFILE").unwrap();
    std::fs::write(tmp.path().join("secret.txt"), "SECRETFILE").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("link.txt")).unwrap();
    let ctx = CompileContext::new(as_of()).with_root(&root);

    let pdf = compile_pdf("#read(\"inside.txt\")", &ctx).unwrap();
    assert!(pdf_text(&pdf).contains("INSIDEFILE"));

    for (source, expected) in [
        ("#read(\"../secret.txt\")", "escape the project root"),
        ("#read(\"/secret.txt\")", "not found"),
        (
            &*format!(
                "#read({})",
                escape_string_literal(&tmp.path().join("secret.txt").to_string_lossy())
            ),
            "not found",
        ),
        #[cfg(unix)]
        ("#read(\"link.txt\")", "denied"),
    ] {
        let err = compile_pdf(source, &ctx).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(expected),
            "{source}: expected {expected:?} in {message}"
        );
        assert!(!message.contains("SECRETFILE"));
    }
    // No roots: not even the inside file.
    assert!(compile_pdf("#read(\"inside.txt\")", &CompileContext::new(as_of())).is_err());
}

/// A 2×2 greyscale PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x00, 0x00, 0x00, 0x00, 0x57, 0xdd, 0x52, 0xf8, 0x00, 0x00, 0x00, 0x0c, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0xf8, 0x0f, 0x84, 0x00, 0x06, 0x00, 0x01, 0xff, 0x93, 0xd1, 0xe4, 0x89,
    0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn scans_are_read_by_path_relative_to_the_case_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let case = tmp.path().join("case");
    std::fs::create_dir_all(case.join("扫描件")).unwrap();
    std::fs::write(case.join("扫描件/送货单 1.png"), PNG).unwrap();
    let mut engine = engine();
    engine
        .add_template("_t.typ", "#image({{ scan | typst_str }}, width: 2cm)")
        .unwrap();
    let ctx = CompileContext::new(as_of()).with_root(&case);
    let doc = engine
        .render_document("_t.typ", &json!({"scan": "扫描件/送货单 1.png"}), &ctx)
        .unwrap();
    assert_eq!(pdf_image_count(&doc.pdf), 1);
    // The same path with no case folder allowed: refused.
    let err = engine
        .render_document(
            "_t.typ",
            &json!({"scan": "扫描件/送货单 1.png"}),
            &CompileContext::new(as_of()),
        )
        .unwrap_err();
    assert!(err.to_string().contains("not found"), "{err}");
}

#[test]
fn packages_are_refused() {
    let err = compile_pdf("#import \"@preview/example:0.1.0\": *", &CompileContext::new(as_of())).unwrap_err();
    assert!(err.to_string().contains("packages are not available"), "{err}");
}

#[test]
fn filters_in_templates() {
    let mut engine = engine();
    engine
        .add_template(
            "_t.typ",
            "{{ a | money }}|{{ a | money(symbol=false) }}|{{ a | capitals }}|{{ n | money }}|\
             {{ d | date_zh }}|{{ d | date_en }}|{{ d | date(lang=\"en\") }}|{{ k | cite }}|\
             {{ k | cite(lang=\"en\") }}|{{ 188 | cn_numeral }}|{{ s | typst_str }}|{{ d | typst_date }}",
        )
        .unwrap();
    let out = engine
        .render(
            "_t.typ",
            &json!({"a": "100000.50", "n": 12, "d": "2026-11-22", "k": "CC 188", "s": "a\"b"}),
        )
        .unwrap();
    // The markup results are escaped (`.` → `\.`, `,` → `\,`); the code-position filters
    // are not.
    assert_eq!(
        out,
        "¥100\\,000\\.50|100\\,000\\.50|壹拾万元零伍角整|¥12\\.00|2026年11月22日|22 November 2026|\
         22 November 2026|《中华人民共和国民法典》第一百八十八条|Article 188 of the Civil Code|\
         一百八十八|\"a\\\"b\"|datetime(year: 2026, month: 11, day: 22)"
    );
    // A bad value is an error naming the filter's complaint.
    let err = engine
        .render(
            "_t.typ",
            &json!({"a": "12,5", "n": 1, "d": "2026-11-22", "k": "CC 188", "s": ""}),
        )
        .unwrap_err();
    assert!(err.to_string().contains("`12,5` is not an amount"), "{err}");
}

#[test]
fn autoescape_only_for_typ_templates() {
    let mut engine = engine();
    engine.add_template("_t.txt", "{{ x }}").unwrap();
    engine.add_template("_t.typ", "{{ x }}|{{ x | safe }}").unwrap();
    let ctx = json!({"x": "#a*"});
    assert_eq!(engine.render("_t.txt", &ctx).unwrap(), "#a*");
    assert_eq!(engine.render("_t.typ", &ctx).unwrap(), "\\#a\\*|#a*");
}

#[test]
fn base_is_included_verbatim() {
    let mut engine = engine();
    engine.add_template("_t.typ", "{% include \"_base.typ\" %}").unwrap();
    let out = engine.render("_t.typ", &json!({})).unwrap();
    assert_eq!(out, BUILTIN_TEMPLATES[0].1);
}

#[test]
fn user_templates_override_builtins_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("_base.typ"),
        "#let casepack-letter(lang: \"zh\", title: none, date: auto, author: (), body) = [OVERRIDDEN #body]\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("extra")).unwrap();
    std::fs::write(dir.path().join("extra/mine.typ"), "{{ x }}").unwrap();
    std::fs::write(dir.path().join("logo.png"), PNG).unwrap();
    let mut engine = Engine::with_overrides(Some(dir.path())).unwrap();
    engine.add_template("_test-fields.typ", FIELDS_TEMPLATE).unwrap();
    assert!(engine.has_template("extra/mine.typ"));
    assert_eq!(engine.overridden().len(), 2);
    let doc = engine
        .render_document(
            "_test-fields.typ",
            &json!({"lang": "zh", "as_of": "2026-11-22", "fields": ["x"]}),
            &CompileContext::new(as_of()),
        )
        .unwrap();
    assert!(pdf_text(&doc.pdf).contains("OVERRIDDEN"));
    assert_eq!(engine.render("extra/mine.typ", &json!({"x": "#"})).unwrap(), "\\#");
}

#[test]
fn template_errors_are_readable() {
    let mut engine = engine();
    engine.add_template("_t.typ", "line one\n{{ nosuch.field }}").unwrap();
    let err = engine.render("_t.typ", &json!({})).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("_t.typ"), "{message}");
    assert!(message.contains("nosuch"), "{message}");
    assert!(Engine::new().unwrap().add_template("_bad.typ", "{% if %}").is_err());
}

/// Pieces of text that mean something to Typst (or tera), and characters from every corner
/// that reaches a letter. No `Q`: the test template's markers use it.
const NASTY: &[&str] = &[
    "#",
    "#exit()",
    "#let x = 1",
    "#{",
    "*bold*",
    "_it_",
    "$x^2$",
    "@ref",
    "<label>",
    "[",
    "]",
    "//",
    "/*",
    "*/",
    "\\",
    "\\u{41}",
    "`raw`",
    "```",
    "~",
    "- ",
    "+ ",
    "= ",
    "/ ",
    "1. ",
    "'",
    "\"",
    "http://a.b/c",
    "...",
    "--",
    "---",
    "-?",
    "{",
    "}",
    "(",
    ")",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    ";",
    ":",
    ",",
    "=",
    "&",
    "%",
    "!",
    "?",
    "^",
    "|",
    "\n",
    "\r\n",
    "\n\n",
    "\r",
    "\t",
    "\u{0b}",
    "\u{0c}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{0}",
    "\u{7f}",
    "\u{9f}",
    "\u{200E}",
    "\u{200F}",
    "\u{202E}",
    "\u{202B}",
    "\u{2066}",
    "\u{061C}",
    "\u{200B}",
    "\u{FEFF}",
    " ",
    "  ",
    "\u{3000}",
    "\u{a0}",
    "张三",
    "有限公司",
    "镕",
    "喆",
    "堃",
    "赟",
    "，",
    "。",
    "、",
    "：",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "《",
    "》",
    "【",
    "】",
    "……",
    "——",
    "￥",
    "¥",
    "①",
    "⑴",
    "㈠",
    "Ⅰ",
    "é",
    "ß",
    "Ü",
    "×",
    "°",
    "A",
    "b",
    "Z",
    "0",
    "9",
    "Ltd",
    "😀",
    "👍🏽",
    "שלום",
    "مرحبا",
];

fn nasty_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            6 => proptest::sample::select(NASTY).prop_map(String::from),
            // Arbitrary printable ASCII and CJK ideographs, without `Q`.
            2 => "[ -PR-~]{1,3}",
            1 => "[\u{4e00}-\u{9fa5}]{1,3}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// What the reader of the PDF should see: the escape function's dropped characters and
/// all whitespace removed (line breaks and justification change spacing, nothing else).
fn visible(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !c.is_control() && needs_glyph(c))
        .collect()
}

/// Hebrew or Arabic letters.
fn has_rtl_letters(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

fn sorted(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any user text renders literally and never breaks compilation; text with characters no
    /// font has is refused, naming exactly those characters and the field.
    #[test]
    fn user_text_renders_literally(
        fields in proptest::collection::vec(nasty_string(), 1..4),
        en in any::<bool>(),
    ) {
        let lang = if en { "en" } else { "zh" };
        let ctx = json!({"lang": lang, "as_of": "2026-11-22", "fields": fields});
        let engine = engine();
        let all: String = fields.concat();
        let expected_missing = fonts().missing_glyphs(&visible(&all));
        match engine.render_document("_test-fields.typ", &ctx, &CompileContext::new(as_of())) {
            Err(RenderError::MissingGlyphs { missing, .. }) => {
                let chars: Vec<char> = missing.iter().map(|m| m.ch).collect();
                prop_assert_eq!(&chars, &expected_missing);
                for m in &missing {
                    for field in &m.fields {
                        let i: usize = field
                            .strip_prefix("fields[")
                            .and_then(|s| s.strip_suffix(']'))
                            .and_then(|s| s.parse().ok())
                            .expect("a field path fields[i]");
                        prop_assert!(fields[i].contains(m.ch));
                    }
                    prop_assert!(!m.fields.is_empty());
                }
            }
            Err(other) => prop_assert!(false, "render failed: {}", other),
            Ok(doc) => {
                prop_assert!(expected_missing.is_empty(), "missing {:?} not reported", expected_missing);
                let text = squash(&pdf_text(&doc.pdf));
                for (i, field) in fields.iter().enumerate() {
                    let start = format!("BEGINQ{}BEGINQ", i + 1);
                    let at = text.find(&start).map(|p| p + start.len());
                    prop_assert!(at.is_some(), "marker {} missing in {:?}", start, text);
                    let rest = &text[at.unwrap()..];
                    let end = rest.find("ENDQ");
                    prop_assert!(end.is_some(), "end marker missing in {:?}", rest);
                    let got = visible(&rest[..end.unwrap()]);
                    if has_rtl_letters(field) {
                        // Right-to-left letters are shown (and so extracted) in visual
                        // order around neutral characters: compare the characters, not
                        // their order.
                        prop_assert_eq!(sorted(&got), sorted(&visible(field)), "field {}: {:?}", i, field);
                    } else {
                        prop_assert_eq!(got, visible(field), "field {}: {:?}", i, field);
                    }
                }
            }
        }
    }
}
