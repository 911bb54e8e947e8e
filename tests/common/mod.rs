//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The repository's root.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the casepack binary in `dir`.
pub fn casepack(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("casepack runs")
}

/// Copies a folder tree (fixtures into a temporary folder).
pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}
