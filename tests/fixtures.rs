//! Runs `casepack check` on every fixture case folder and compares its findings with the
//! `# expect: <code>` annotations written at the end of the lines they must point at
//! (tests/fixtures/README.md).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const AS_OF: &str = "2026-11-22";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn check_json(dir: &Path) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args(["check", "--format", "json", "--as-of", AS_OF])
        .arg(dir)
        .output()
        .expect("casepack runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "casepack panicked on {}: {stderr}",
        dir.display()
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: stdout is not JSON ({e}): {}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().expect("exit status"), json)
}

/// (file relative to the fixture folder, line, code) of every `# expect:` annotation.
fn expectations(dir: &Path) -> BTreeSet<(String, u32, String)> {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        let p = entry.path();
        if !matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(p) else { continue };
        for (i, line) in text.lines().enumerate() {
            if let Some(pos) = line.find("# expect:") {
                for code in line[pos + "# expect:".len()..].split(',') {
                    let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                    out.insert((rel, i as u32 + 1, code.trim().to_string()));
                }
            }
        }
    }
    out
}

/// (file relative to the fixture folder, line, code, severity) of every diagnostic.
fn found(dir: &Path, json: &Value) -> Vec<(String, u32, String, String)> {
    let prefix = dir.to_string_lossy().replace('\\', "/") + "/";
    json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            let file = d["file"].as_str().unwrap_or("").to_string();
            let rel = file.strip_prefix(&prefix).unwrap_or(&file).to_string();
            (
                rel,
                d["line"].as_u64().unwrap_or(0) as u32,
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_invalid_fixture_reports_exactly_its_annotated_findings() {
    let root = fixtures().join("invalid");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 15,
        "expected a fixture per failure kind, found {}",
        dirs.len()
    );
    let mut failures = Vec::new();
    for dir in &dirs {
        let expected = expectations(dir);
        assert!(!expected.is_empty(), "{} has no `# expect:` annotation", dir.display());
        let (status, json) = check_json(dir);
        let found = found(dir, &json);
        for (file, line, code) in &expected {
            if !found.iter().any(|(f, l, c, _)| f == file && l == line && c == code) {
                failures.push(format!(
                    "{}: expected {code} at {file}:{line}; found {found:?}",
                    dir.display()
                ));
            }
        }
        // Every error must be one the fixture is about: fixtures are otherwise valid.
        for (file, line, code, severity) in &found {
            if severity == "error" && !expected.iter().any(|(f, l, c)| f == file && l == line && c == code) {
                failures.push(format!("{}: unexpected error {code} at {file}:{line}", dir.display()));
            }
        }
        let expects_error = found.iter().any(|(_, _, _, s)| s == "error");
        let want_status = if expects_error { 1 } else { 0 };
        if status != want_status {
            failures.push(format!(
                "{}: exit status {status}, expected {want_status}",
                dir.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn valid_fixtures_pass_with_no_errors() {
    let root = fixtures().join("valid");
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let (status, json) = check_json(&dir);
        let errors: Vec<_> = found(&dir, &json)
            .into_iter()
            .filter(|(_, _, _, s)| s == "error")
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", dir.display());
        assert_eq!(status, 0, "{}", dir.display());
        assert_eq!(json["cases"][0]["ok"], true);
    }
}
