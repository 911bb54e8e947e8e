//! Scans named in `files:`: they must exist, stay inside the case folder, and be a PDF,
//! JPEG or PNG by their content (not only by name).

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScanKind {
    Pdf,
    Jpeg,
    Png,
}

/// Tells the kind of a file from its first bytes.
pub fn sniff(head: &[u8]) -> Option<ScanKind> {
    if head.starts_with(b"%PDF-") {
        Some(ScanKind::Pdf)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ScanKind::Jpeg)
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(ScanKind::Png)
    } else {
        None
    }
}

/// Resolves `entry` (relative to the YAML file's folder) and checks it. On success returns
/// the path on disk and the kind; otherwise the diagnostic's code and message (the caller
/// adds the position).
pub fn check_entry(case_root: &Path, yaml: &Path, entry: &str) -> Result<(PathBuf, ScanKind), Diagnostic> {
    let rel = Path::new(entry);
    if entry.is_empty() {
        return Err(Diagnostic::error("file-missing", "an empty file name"));
    }
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(Diagnostic::error(
            "file-outside",
            format!("`{entry}` is an absolute path; scans are named relative to the YAML file"),
        )
        .hint("copy the scan into the case folder and name it relatively"));
    }
    let dir = yaml.parent().unwrap_or(Path::new(""));
    let Some(lexical) = normalize(&dir.join(rel)) else {
        return Err(outside(entry));
    };
    let root = normalize(case_root).unwrap_or_else(|| case_root.to_path_buf());
    if !lexical.starts_with(&root) {
        return Err(outside(entry));
    }
    let meta = std::fs::symlink_metadata(&lexical);
    let Ok(meta) = meta else {
        return Err(Diagnostic::error("file-missing", format!("`{entry}` does not exist")));
    };
    if meta.file_type().is_symlink() || meta.is_file() {
        // A link (or a link among the parents) must still land inside the case folder.
        let (Ok(real), Ok(real_root)) = (lexical.canonicalize(), case_root.canonicalize()) else {
            return Err(Diagnostic::error("file-missing", format!("`{entry}` is a broken link")));
        };
        if !real.starts_with(&real_root) {
            return Err(Diagnostic::error(
                "file-outside",
                format!("`{entry}` is a link to {}, outside the case folder", real.display()),
            ));
        }
    }
    if !lexical.is_file() {
        return Err(Diagnostic::error("file-missing", format!("`{entry}` is not a file")));
    }
    let mut head = [0u8; 8];
    let n = std::fs::File::open(&lexical)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| Diagnostic::error("file-missing", format!("cannot read `{entry}`: {e}")))?;
    match sniff(&head[..n]) {
        Some(kind) => Ok((lexical, kind)),
        None => Err(Diagnostic::error(
            "file-type",
            format!("`{entry}` is not a PDF, JPEG or PNG file (by its content)"),
        )
        .hint("scan or export the paper as PDF, JPEG or PNG")),
    }
}

fn outside(entry: &str) -> Diagnostic {
    Diagnostic::error("file-outside", format!("`{entry}` points outside the case folder"))
        .hint("scans must sit inside the case folder")
}

/// Removes `.` and resolves `..` lexically; `None` when `..` climbs above the start.
fn normalize(p: &Path) -> Option<PathBuf> {
    let mut out: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => return None,
            },
            other => out.push(other),
        }
    }
    Some(out.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(ScanKind::Pdf));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(ScanKind::Jpeg));
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]),
            Some(ScanKind::Png)
        );
        assert_eq!(sniff(b"hello, I am text"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn normalizes_lexically() {
        assert_eq!(normalize(Path::new("a/b/../c/./d")), Some(PathBuf::from("a/c/d")));
        assert_eq!(normalize(Path::new("a/../../x")), None);
    }

    #[test]
    fn refuses_escapes_and_absolute_paths() {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("case");
        std::fs::create_dir_all(case.join("receipts")).unwrap();
        std::fs::write(dir.path().join("secret.pdf"), b"%PDF-1.4").unwrap();
        let yaml = case.join("receipts/r.yaml");
        assert_eq!(
            check_entry(&case, &yaml, "../../secret.pdf").unwrap_err().code,
            "file-outside"
        );
        assert_eq!(
            check_entry(&case, &yaml, "/etc/passwd").unwrap_err().code,
            "file-outside"
        );
        assert_eq!(check_entry(&case, &yaml, "nope.pdf").unwrap_err().code, "file-missing");
        std::fs::write(case.join("receipts/text.pdf"), b"just text").unwrap();
        assert_eq!(check_entry(&case, &yaml, "text.pdf").unwrap_err().code, "file-type");
        std::fs::write(
            case.join("receipts/ok.png"),
            [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A],
        )
        .unwrap();
        assert_eq!(check_entry(&case, &yaml, "ok.png").unwrap().1, ScanKind::Png);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.pdf"), case.join("receipts/link.pdf")).unwrap();
            assert_eq!(check_entry(&case, &yaml, "link.pdf").unwrap_err().code, "file-outside");
        }
    }
}
