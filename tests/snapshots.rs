//! Snapshots of what casepack writes for the example cases on a fixed date: the generated
//! Typst source of each demand letter and the JSON report. A change to either shows up as a
//! reviewable diff (`cargo insta review`, or INSTA_UPDATE=always and `git diff`).

use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn demand_letter_sources() {
    let out = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args([
            "build",
            "--as-of",
            "2026-11-22",
            "--out",
            out.path().to_str().unwrap(),
            "cases",
        ])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "the problem case is skipped");
    for case in [
        "hangzhou-steel-v-ningbo-machinery",
        "suzhou-textiles-v-wuxi-garments",
        "YC-2026-003",
    ] {
        let typ = std::fs::read_to_string(out.path().join(case).join("demand-letter.typ")).unwrap();
        // The shared base layout is included verbatim; snapshot the letter itself.
        let letter = typ
            .rsplit_once("#show: casepack-letter.with(")
            .map(|(_, rest)| rest)
            .unwrap();
        insta::assert_snapshot!(format!("demand_letter_{case}"), letter);
    }
}

#[test]
fn check_report_json() {
    let run = Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args(["check", "--format", "json", "--as-of", "2026-11-22", "cases"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    insta::assert_json_snapshot!("check_report_examples", json);
}
