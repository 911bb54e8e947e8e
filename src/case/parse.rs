//! The one YAML parse function: text → typed documents, or a diagnostic at file:line:column.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;

use super::values::{Pos, Sp};
use crate::diag::{Diagnostic, nearest};

/// YAML files larger than this are refused: no real evidence document is that big, and a
/// runaway export should not stall a CI run.
pub const MAX_YAML_BYTES: usize = 2 * 1024 * 1024;

/// How the documents of one file are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Exactly one mapping (case.yaml).
    One,
    /// One mapping, or a sequence of mappings (kind folders).
    OneOrList,
}

/// Reads a file's bytes as YAML text, refusing what cannot be YAML.
pub fn read_text(file: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(
            "file-too-large",
            format!(
                "{} is {} bytes; a case YAML file may hold at most {} bytes",
                file.display(),
                bytes.len(),
                MAX_YAML_BYTES
            ),
        )
        .in_file(file)
        .hint("split the file into one file per document"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col_of_byte(e.as_bytes(), e.utf8_error().valid_up_to());
        Diagnostic::error(
            "yaml-syntax",
            "the file is not UTF-8 text (is it a binary file or a scan?)",
        )
        .at(file, line, column)
        .hint("save YAML files as UTF-8; scans belong in `files:`")
    })?;
    if let Some(offset) = text.find('\0') {
        let (line, column) = line_col_of_byte(text.as_bytes(), offset);
        return Err(
            Diagnostic::error("yaml-syntax", "the file holds a NUL byte: it is not a YAML text file")
                .at(file, line, column),
        );
    }
    Ok(text)
}

fn line_col_of_byte(bytes: &[u8], offset: usize) -> (u32, u32) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() as u32 + 1;
    (line, column)
}

/// Parses `text` into documents of type `T`, each with its position.
pub fn parse_docs<T: DeserializeOwned>(file: &Path, text: &str, shape: Shape) -> Result<Vec<(T, Pos)>, Diagnostic> {
    let options = {
        let mut o = serde_saphyr::Options::default();
        o.with_snippet = false;
        o.emit_comments = false;
        o
    };
    match root_shape(text) {
        None => Err(Diagnostic::error("empty-file", "the file holds no document")
            .at(file, 1, 1)
            .hint("remove the file, or write the document's fields in it")),
        Some(RootShape::Sequence) if shape == Shape::OneOrList => {
            let docs: Vec<Sp<T>> =
                serde_saphyr::from_str_with_options(text, options).map_err(|e| yaml_diagnostic(file, text, &e))?;
            Ok(docs
                .into_iter()
                .map(|d| {
                    (
                        d.value,
                        Pos {
                            line: d.line,
                            column: d.column,
                        },
                    )
                })
                .collect())
        }
        Some(RootShape::Sequence) => Err(Diagnostic::error(
            "invalid-value",
            "this file must hold one mapping of fields, not a list",
        )
        .at(file, 1, 1)),
        Some(RootShape::Other) => {
            let doc: Sp<T> =
                serde_saphyr::from_str_with_options(text, options).map_err(|e| yaml_diagnostic(file, text, &e))?;
            Ok(vec![(
                doc.value,
                Pos {
                    line: doc.line,
                    column: doc.column,
                },
            )])
        }
    }
}

enum RootShape {
    Sequence,
    Other,
}

/// Whether the first node of the file is a sequence; `None` when the file holds no node.
fn root_shape(text: &str) -> Option<RootShape> {
    let first = text
        .lines()
        .map(str::trim_start)
        .find(|l| !(l.is_empty() || l.starts_with('#') || l.starts_with('%') || *l == "---"))?;
    let first = first.strip_prefix("--- ").unwrap_or(first);
    let is_seq = first == "-" || first.starts_with("- ") || first.starts_with("-\t") || first.starts_with('[');
    Some(if is_seq { RootShape::Sequence } else { RootShape::Other })
}

/// Turns a serde-saphyr error into a diagnostic with a stable code and, for typos, a hint.
fn yaml_diagnostic(file: &Path, text: &str, err: &YamlError) -> Diagnostic {
    let inner = err.without_snippet();
    let (line, column) = inner
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let base = |code: &str, msg: String| Diagnostic::error(code, msg).at(file, line, column);
    match inner {
        YamlError::SerdeUnknownField { field, expected, .. } => {
            let mut d = base("unknown-field", format!("unknown field `{field}`")).field(field.clone());
            d = match nearest(field, expected) {
                Some(near) => d.hint(format!("did you mean `{near}`?")),
                None => d.hint(format!("the fields here are: {}", expected.join(", "))),
            };
            d
        }
        YamlError::SerdeMissingField { field, .. } => {
            // serde notices a missing field at the mapping's end; point at its start.
            let (line, column) = mapping_start(text, line);
            Diagnostic::error("missing-field", format!("missing field `{field}`"))
                .at(file, line, column)
                .field(*field)
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_default();
            base(
                "duplicate-key",
                format!("the key `{key}` appears twice in this mapping"),
            )
            .field(key)
            .hint("keep one of them: YAML would silently use only one")
        }
        YamlError::SerdeUnknownVariant { variant, expected, .. } => {
            let mut d = base(
                "invalid-value",
                format!("`{variant}` is not one of: {}", expected.join(", ")),
            );
            if let Some(near) = nearest(variant, expected) {
                d = d.hint(format!("did you mean `{near}`?"));
            }
            d
        }
        YamlError::SerdeInvalidType { .. }
        | YamlError::SerdeInvalidValue { .. }
        | YamlError::SerdeInvalidLength { .. }
        | YamlError::Message { .. }
        | YamlError::NullIntoString { .. }
        | YamlError::InvalidScalar { .. }
        | YamlError::InvalidBooleanStrict { .. } => base("invalid-value", plain_message(inner)),
        _ => base("yaml-syntax", plain_message(inner)),
    }
}

/// The error's own text without the "at line X column Y" suffix we print separately.
fn plain_message(err: &YamlError) -> String {
    let text = err.to_string();
    let text = match text.find(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.trim().trim_end_matches('.').to_string()
}

/// The first line (and its column) of the block mapping whose key lines include `line`: the
/// topmost line above it at the same indentation, stopping at a `- ` list item.
fn mapping_start(text: &str, line: u32) -> (u32, u32) {
    let lines: Vec<&str> = text.lines().collect();
    let content = |l: &str| -> Option<(usize, bool)> {
        let trimmed = l.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let indent = l.len() - trimmed.len();
        match trimmed.strip_prefix("- ") {
            Some(rest) => Some((indent + 2 + (rest.len() - rest.trim_start().len()), true)),
            None => Some((indent, false)),
        }
    };
    let last = (line as usize).clamp(1, lines.len().max(1));
    // The error may sit past the mapping's last key line: start from the last content line.
    let mut at = last;
    while at > 1 && lines.get(at - 1).and_then(|l| content(l)).is_none() {
        at -= 1;
    }
    let Some((indent, is_item)) = lines.get(at - 1).and_then(|l| content(l)) else {
        return (line, 1);
    };
    let mut start = (at, is_item);
    if !is_item {
        for l in (1..at).rev() {
            let Some((i, item)) = content(lines[l - 1]) else {
                continue;
            };
            if i < indent {
                break;
            }
            if i == indent {
                start = (l, item);
                if item {
                    break;
                }
            }
        }
    }
    let (l, _) = start;
    let text_line = lines[l - 1];
    let col = text_line.len() - text_line.trim_start().len();
    (l as u32, text_line[..col].chars().count() as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_point_at_the_mapping_start() {
        let single = "# a receipt\nid: DN-1\ndelivered_on: 2023-01-01\nsigner: x\n";
        assert_eq!(mapping_start(single, 4), (2, 1));
        let list = "- id: DN-1\n  amount: 1\n- id: DN-2\n  delivered_on: 2023-01-01\n  signer: x\n";
        assert_eq!(mapping_start(list, 5), (3, 1));
        assert_eq!(mapping_start(list, 6), (3, 1));
        let nested = "id: HT\npayment:\n  term: installments\n  installments:\n    - due: 2023-01-01\n";
        assert_eq!(mapping_start(nested, 5), (5, 5));
    }

    #[test]
    fn one_document_or_a_list() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        struct D {
            id: String,
        }
        let f = Path::new("x.yaml");
        let one: Vec<(D, Pos)> = parse_docs(f, "# c\nid: a\n", Shape::OneOrList).unwrap();
        assert_eq!((one[0].0.id.as_str(), one[0].1.line), ("a", 2));
        let list: Vec<(D, Pos)> = parse_docs(f, "- id: a\n- id: b\n", Shape::OneOrList).unwrap();
        assert_eq!(
            list.iter().map(|(d, p)| (d.id.as_str(), p.line)).collect::<Vec<_>>(),
            vec![("a", 1), ("b", 2)]
        );
        let err = parse_docs::<D>(f, "- id: a\n", Shape::One).unwrap_err();
        assert_eq!(err.code, "invalid-value");
        let err = parse_docs::<D>(f, "id: a\nidd: b\n", Shape::One).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.line, err.column),
            ("unknown-field", Some(2), Some(1))
        );
        assert_eq!(err.hint.as_deref(), Some("did you mean `id`?"));
    }
}
