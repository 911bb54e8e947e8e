//! Finding case folders: a folder that holds a `case.yaml`.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::Diagnostic;

/// A case folder found below a path, with the `case.yaml` files found inside it (errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCase {
    pub root: PathBuf,
    pub nested: Vec<PathBuf>,
}

pub const CASE_FILE: &str = "case.yaml";

/// Each path that holds a `case.yaml` is a case; otherwise the case folders below it are
/// (walkdir, links not followed). A `case.yaml` inside another case folder is reported as
/// `nested` of the outer case, not taken as a second case. Results are sorted by path.
pub fn find_cases(paths: &[PathBuf]) -> Result<Vec<FoundCase>, Diagnostic> {
    let mut roots: Vec<PathBuf> = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(
                Diagnostic::error("path-not-found", format!("no such file or folder: {}", path.display()))
                    .in_file(path),
            );
        }
        if path.is_file() {
            return Err(Diagnostic::error(
                "not-a-folder",
                format!("{} is a file; give a case folder or a folder of cases", path.display()),
            )
            .in_file(path));
        }
        for entry in WalkDir::new(path).follow_links(false).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Diagnostic::error("io", format!("cannot read {}: {e}", e.path().unwrap_or(path).display()))
            })?;
            if entry.file_type().is_file() && entry.file_name() == CASE_FILE {
                roots.push(entry.path().parent().unwrap_or(Path::new(".")).to_path_buf());
            }
        }
    }
    roots.sort();
    roots.dedup();
    let mut found: Vec<FoundCase> = Vec::new();
    for root in roots {
        match found.iter_mut().find(|outer| root.starts_with(&outer.root)) {
            Some(outer) => outer.nested.push(root.join(CASE_FILE)),
            None => found.push(FoundCase {
                root,
                nested: Vec::new(),
            }),
        }
    }
    Ok(found)
}
