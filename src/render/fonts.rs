//! The fonts every document is set in: one process-wide set, loaded once.
//!
//! Order in the font book (Typst picks within a family by variant, and falls back through
//! the book in this order for characters a family lacks):
//! 1. the bundled Noto Serif CJK SC Regular and Bold (`fonts/`, compiled into the binary);
//! 2. typst-kit's embedded fonts: Libertinus Serif (the Latin companion), New Computer Modern
//!    (text and math), DejaVu Sans Mono;
//! 3. fonts found in `--font-path` directories;
//! 4. system fonts, only with `--system-fonts`.
//!
//! Without 3 and 4 the output is the same on every machine.

use std::path::PathBuf;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// The family of the bundled CJK serif.
pub const CJK_FAMILY: &str = "Noto Serif CJK SC";
/// The family of the Latin companion (embedded in typst-kit).
pub const LATIN_FAMILY: &str = "Libertinus Serif";

static CJK_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerifCJKsc-Regular.otf");
static CJK_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifCJKsc-Bold.otf");

/// Which fonts to load besides the bundled and embedded ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FontOptions {
    /// Also search the operating system's fonts (`--system-fonts`).
    pub system_fonts: bool,
    /// Extra directories, searched recursively (`--font-path`).
    pub font_paths: Vec<PathBuf>,
}

/// The loaded fonts: the book Typst selects from and the fonts themselves.
pub struct FontSet {
    store: FontStore,
    options: FontOptions,
}

impl FontSet {
    fn load(options: FontOptions) -> FontSet {
        let mut store = FontStore::new();
        for data in [CJK_REGULAR, CJK_BOLD] {
            let font = Font::new(Bytes::new(data), 0).expect("bundled CJK font is valid");
            let info = font.info().clone();
            store.push((font, info));
        }
        store.extend(typst_kit::fonts::embedded());
        for dir in &options.font_paths {
            store.extend(typst_kit::fonts::scan(dir));
        }
        if options.system_fonts {
            store.extend(typst_kit::fonts::system());
        }
        FontSet { store, options }
    }

    /// The font book (metadata of every font), for `World::book`.
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The font at `index` in the book, loaded on first use, for `World::font`.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The options the set was loaded with.
    pub fn options(&self) -> &FontOptions {
        &self.options
    }

    /// The distinct families loaded, in book order.
    pub fn families(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for info in self.infos() {
            if !out.contains(&info.family) {
                out.push(info.family.clone());
            }
        }
        out
    }

    fn infos(&self) -> impl Iterator<Item = &typst::text::FontInfo> {
        let book = self.book();
        (0..).map_while(move |i| book.info(i))
    }

    /// Whether some loaded font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.infos().any(|info| info.coverage.contains(c as u32))
    }

    /// The characters of `text` that no loaded font can draw (each once, in order of first
    /// appearance). Whitespace, control characters and invisible format characters are not
    /// drawn and never count as missing.
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        // Each distinct character is looked up once: a document repeats most of its few
        // hundred characters many times, and with --system-fonts there are many fonts.
        let mut seen = std::collections::HashSet::new();
        text.chars()
            .filter(|&c| needs_glyph(c) && seen.insert(c) && !self.covers(c))
            .collect()
    }
}

/// Whether a character is drawn with a glyph (so a font must have it). Whitespace, controls
/// and the Unicode default-ignorable characters (zero-width joiners, variation selectors,
/// bidi marks, soft hyphen …) are not.
pub fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        ))
}

static FONTS: OnceLock<FontSet> = OnceLock::new();

/// The fonts were already loaded with other options.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("fonts were already loaded with {loaded:?}; cannot load them again with {requested:?}")]
pub struct FontsAlreadyLoaded {
    /// The options in force.
    pub loaded: FontOptions,
    /// The options asked for.
    pub requested: FontOptions,
}

/// Loads the process-wide font set with these options. Call it once, before the first
/// document, when the command line asks for `--system-fonts` or `--font-path`; calling it
/// again with the same options is harmless, with others an error.
pub fn init_fonts(options: FontOptions) -> Result<&'static FontSet, FontsAlreadyLoaded> {
    let mut requested = Some(options.clone());
    let set = FONTS.get_or_init(|| FontSet::load(requested.take().expect("taken once")));
    if requested.is_some() && set.options != options {
        return Err(FontsAlreadyLoaded {
            loaded: set.options.clone(),
            requested: options,
        });
    }
    Ok(set)
}

/// The process-wide font set (bundled and embedded fonts only, unless [`init_fonts`] was
/// called first).
pub fn fonts() -> &'static FontSet {
    FONTS.get_or_init(|| FontSet::load(FontOptions::default()))
}

/// The characters of `text` that no loaded font can draw; see [`FontSet::missing_glyphs`].
pub fn missing_glyphs(text: &str) -> Vec<char> {
    fonts().missing_glyphs(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_and_embedded_fonts_are_loaded() {
        let families = fonts().families();
        assert_eq!(families.first().map(String::as_str), Some(CJK_FAMILY));
        assert!(families.iter().any(|f| f == LATIN_FAMILY), "{families:?}");
        // Regular and Bold of the CJK serif, both present.
        let book = fonts().book();
        let cjk: Vec<_> = (0..)
            .map_while(|i| book.info(i))
            .filter(|info| info.family == CJK_FAMILY)
            .map(|info| info.variant.weight.to_number())
            .collect();
        assert_eq!(cjk, vec![400, 700]);
    }

    #[test]
    fn coverage() {
        // Names outside GB 2312 but inside GBK are covered; so are the list numbers and ¥.
        assert!(missing_glyphs("朱镕基 张喆 王堃 李赟 ①⑴㈠Ⅰ ¥￥ “”……—— Ltd. É").is_empty());
        // U+1F600 (emoji) and U+20BB7 𠮷 (CJK Extension B) are in no bundled font.
        assert_eq!(missing_glyphs("a😀b𠮷😀"), vec!['😀', '𠮷']);
        // Invisible characters are not glyphs.
        assert!(missing_glyphs("a\u{200B}\u{200F}\u{FE0F}\u{202E}\t\n").is_empty());
    }

    #[test]
    fn same_options_again_is_fine_other_options_are_an_error() {
        let loaded = fonts().options().clone();
        assert!(init_fonts(loaded.clone()).is_ok());
        let other = FontOptions {
            system_fonts: !loaded.system_fonts,
            ..loaded
        };
        assert!(init_fonts(other).is_err());
    }
}
