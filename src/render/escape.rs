//! Escaping user text for Typst.
//!
//! Every string a template interpolates with `{{ … }}` goes through [`escape_markup`]
//! (tera's autoescape for `.typ` templates), so a debtor called `#exit() *Ltd* $x$ <a> @b`
//! prints exactly that and never runs code or changes the layout. The rules, chosen to be
//! safe in any markup position (running text, a heading, a list item, a table cell, the
//! content argument `[…]` of a function):
//!
//! - every ASCII punctuation character gets a backslash: `#` → `\#`, `/` → `\/`, `.` → `\.`.
//!   Typst reads a backslash followed by any character as that character, so this covers
//!   code (`#`), emphasis (`*`, `_`), math (`$`), labels and references (`<`, `>`, `@`),
//!   content blocks (`[`, `]`), comments (`//`, `/*`), raw text (`` ` ``), the
//!   shorthands `~`, `--`, `...`, `-?`, smart quotes (`'` `"` stay straight), the markers
//!   `-` `+` `=` `/` and `1.` at the start of a line, `http://` links, and the backslash
//!   itself;
//! - a line break in the text (`\n`, `\r\n`, `\r`, vertical tab, form feed, NEL, U+2028,
//!   U+2029) becomes a forced line break `#linebreak();`, never a newline in the source, so
//!   user text can neither end a heading or list item nor start a new paragraph;
//! - a tab becomes a space (Typst collapses runs of spaces in markup, as HTML does);
//! - other control characters (C0, DEL, C1) and the invisible bidirectional controls
//!   (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are dropped: they have no glyph,
//!   and an override such as U+202E would reverse the letter's own text after it;
//! - everything else, CJK, emoji and right-to-left letters included, is copied as it is
//!   (whether a font has it is checked separately, see `engine.rs`).
//!
//! For a code position (an argument that must be a string, e.g. a file path) use
//! [`escape_string_literal`], which makes a complete, quoted Typst string literal.

/// The line break written for a newline in user text.
pub const LINE_BREAK: &str = "#linebreak();";

/// Whether Typst treats the character as a line break (typst-syntax `is_newline`).
fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\x0B' | '\x0C' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Invisible characters that reorder text: dropped from user text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Escapes user text for a markup position of a Typst document (see the module docs).
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    push_markup(text, &mut out);
    out
}

/// Appends the escaped form of `text` to `out`.
pub fn push_markup(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CR LF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str(LINE_BREAK);
            }
            c if is_newline(c) => out.push_str(LINE_BREAK),
            '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
}

/// The escape function tera calls for every interpolated value of a `.typ` template.
pub fn tera_escape(text: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    output.write_all(escape_markup(text).as_bytes())
}

/// A Typst string literal with the given value, quotes included: `a"b\` → `"a\"b\\"`.
/// Control characters are written as `\u{…}` escapes, so the literal is one line.
pub fn escape_string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_newline(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_escaped() {
        assert_eq!(escape_markup("#exit()"), "\\#exit\\(\\)");
        assert_eq!(escape_markup("*a* _b_ $c$"), "\\*a\\* \\_b\\_ \\$c\\$");
        assert_eq!(escape_markup("a // b /* c"), "a \\/\\/ b \\/\\* c");
        assert_eq!(escape_markup("<l> @r"), "\\<l\\> \\@r");
        assert_eq!(escape_markup("C:\\x"), "C\\:\\\\x");
        assert_eq!(escape_markup("\\u{41}"), "\\\\u\\{41\\}");
        assert_eq!(escape_markup("1. - + = /"), "1\\. \\- \\+ \\= \\/");
        assert_eq!(escape_markup("http://x"), "http\\:\\/\\/x");
    }

    #[test]
    fn non_ascii_is_kept() {
        assert_eq!(escape_markup("张三（北京）有限公司"), "张三（北京）有限公司");
        assert_eq!(escape_markup("“引号”……——"), "“引号”……——");
        assert_eq!(escape_markup("😀 שלום"), "😀 שלום");
    }

    #[test]
    fn newlines_become_forced_breaks() {
        assert_eq!(escape_markup("a\nb"), "a#linebreak();b");
        assert_eq!(escape_markup("a\r\nb"), "a#linebreak();b");
        assert_eq!(
            escape_markup("a\r\rb\u{2029}"),
            "a#linebreak();#linebreak();b#linebreak();"
        );
        assert_eq!(escape_markup("a\tb"), "a b");
        assert!(!escape_markup("x\n\n\ny\x0b\x0c\u{85}\u{2028}").contains(is_newline));
    }

    #[test]
    fn controls_and_bidi_are_dropped() {
        assert_eq!(escape_markup("a\u{0}b\u{7f}c\u{9f}d"), "abcd");
        assert_eq!(escape_markup("\u{202E}abc\u{202C}\u{200F}"), "abc");
    }

    #[test]
    fn string_literals() {
        assert_eq!(escape_string_literal("a\"b\\"), "\"a\\\"b\\\\\"");
        assert_eq!(escape_string_literal("x\ny\u{1}"), "\"x\\ny\\u{1}\"");
        assert_eq!(escape_string_literal("扫描件/1.jpg"), "\"扫描件/1.jpg\"");
    }
}
