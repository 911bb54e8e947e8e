//! Writing outputs: every file atomically (a temporary file beside it, then a rename), so an
//! interrupted or failed build never leaves a truncated file and never touches the outputs
//! of other cases.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never a
/// part. The parent folder is created when missing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// One output file of a case: its name in the case's output folder and its content.
pub struct Output {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Writes a case's outputs, each atomically, into `out/<case id>/`. Called only once every
/// output of the case has been produced in memory, so a case that fails to render writes
/// nothing and keeps its earlier outputs.
pub fn write_case(out_dir: &Path, case_id: &str, outputs: &[Output]) -> std::io::Result<PathBuf> {
    let dir = out_dir.join(folder_name(case_id));
    for o in outputs {
        write_atomic(&dir.join(&o.name), &o.bytes)?;
    }
    Ok(dir)
}

/// A case id as a folder name: path separators and control characters become `_`.
pub fn folder_name(case_id: &str) -> String {
    let name: String = case_id
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == ':' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    match name.trim() {
        "" | "." | ".." => "_".to_string(),
        n => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.pdf");
        write_atomic(&p, b"first").unwrap();
        write_atomic(&p, b"second, longer").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second, longer");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.pdf")]);
    }

    #[test]
    fn case_ids_become_safe_folder_names() {
        assert_eq!(folder_name("ACME-2024-017"), "ACME-2024-017");
        assert_eq!(folder_name("../etc/passwd"), ".._etc_passwd");
        assert_eq!(folder_name(".."), "_");
        assert_eq!(folder_name("甲/乙"), "甲_乙");
    }
}
