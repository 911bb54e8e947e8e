//! The `casepack` binary end to end: exit statuses, hostile input, the report formats.

mod common;

use common::{casepack, copy_dir};

use std::path::PathBuf;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A copy of the minimal valid fixture in a temporary folder.
fn minimal_case() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = common::repo().join("tests/fixtures/valid/minimal");
    let dst = tmp.path().join("case");
    copy_dir(&src, &dst);
    (tmp, dst)
}

#[test]
fn hostile_yaml_gets_exit_1_and_a_message_never_a_panic() {
    let deep_flow = format!("id: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let deep_block: String = (0..2_000).map(|i| format!("{}a:\n", "  ".repeat(i))).collect();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let huge = {
        let mut s = String::from("- id: DN-1\n  delivered_on: 2023-01-01\n  amount: \"1.00\"\n");
        while s.len() < 10 * 1024 * 1024 {
            s.push_str("# padding padding padding padding padding padding padding padding\n");
        }
        s.into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "malformed",
            b"id: DN-9\ndelivered_on: [2023-01-01\namount: 5\n".to_vec(),
            "yaml-syntax",
        ),
        ("garbage", garbage, "yaml-syntax"),
        ("empty", Vec::new(), "empty-file"),
        ("huge", huge, "file-too-large"),
        ("deep-flow", deep_flow.into_bytes(), ""),
        ("deep-block", deep_block.into_bytes(), ""),
        ("tab-indented", b"id: DN-9\n\tamount: 5\n".to_vec(), ""),
        ("only-comments", b"# nothing here\n\n".to_vec(), "empty-file"),
        ("scalar-root", b"just a string\n".to_vec(), ""),
        ("multi-document", b"id: a\n---\nid: b\n".to_vec(), ""),
    ];
    for (name, bytes, code) in cases {
        let (_tmp, case) = minimal_case();
        let file = case.join("receipts").join(format!("{name}.yaml"));
        std::fs::write(&file, &bytes).unwrap();
        let out = casepack(&["check", "--format", "json", "--as-of", "2026-11-22", "."], &case);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{name}: panic: {stderr}");
        assert_eq!(out.status.code(), Some(1), "{name}: {}{stderr}", text(&out.stdout));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let diags = json["cases"][0]["diagnostics"].as_array().unwrap();
        let about_file: Vec<_> = diags
            .iter()
            .filter(|d| d["file"].as_str().is_some_and(|f| f.ends_with(&format!("{name}.yaml"))))
            .collect();
        assert!(
            !about_file.is_empty(),
            "{name}: no diagnostic names the file: {diags:?}"
        );
        assert!(about_file.iter().all(|d| !d["message"].as_str().unwrap().is_empty()));
        if !code.is_empty() {
            assert_eq!(about_file[0]["code"], code, "{name}");
        }
    }
}

#[test]
fn exit_status_2_for_usage_and_missing_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let out = casepack(&["check", "no-such-folder"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-folder"));
    let out = casepack(&["check", "--as-of", "2026-02-30", "."], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    let out = casepack(&["check", "."], tmp.path());
    assert_eq!(out.status.code(), Some(2), "a folder with no case is a usage error");
    assert!(text(&out.stderr).contains("no case folder"));
}

#[test]
fn a_broken_case_does_not_stop_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let src = common::repo().join("tests/fixtures/valid/minimal");
    copy_dir(&src, &tmp.path().join("a-good"));
    copy_dir(&src, &tmp.path().join("b-broken"));
    std::fs::write(tmp.path().join("b-broken/case.yaml"), "creditor: [\n").unwrap();
    copy_dir(&src, &tmp.path().join("c-good"));
    let out = casepack(&["check", "--format", "json", "--as-of", "2026-11-22", "."], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let oks: Vec<(String, bool)> = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["path"].as_str().unwrap().to_string(), c["ok"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        oks,
        vec![
            ("a-good".into(), true),
            ("b-broken".into(), false),
            ("c-good".into(), true)
        ]
    );
}

#[test]
fn deny_warnings_fails_a_case_with_warnings_only() {
    let (_tmp, case) = minimal_case();
    let yaml = std::fs::read_to_string(case.join("case.yaml")).unwrap();
    // Break the debtor's USCC check character only: a warning, not an error.
    let line = yaml
        .lines()
        .filter(|l| l.trim_start().starts_with("uscc:"))
        .nth(1)
        .unwrap()
        .to_string();
    let code = line.split(':').nth(1).unwrap().trim().trim_matches('"').to_string();
    let last = code.chars().last().unwrap();
    let wrong = if last == '0' { '1' } else { '0' };
    let broken = format!("{}{wrong}", &code[..code.len() - 1]);
    std::fs::write(case.join("case.yaml"), yaml.replace(&code, &broken)).unwrap();
    let plain = casepack(&["check", "--as-of", "2026-11-22", "."], &case);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stdout));
    assert!(text(&plain.stdout).contains("uscc-invalid"));
    let strict = casepack(&["check", "--deny-warnings", "--as-of", "2026-11-22", "."], &case);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn github_format_prints_workflow_annotations() {
    let (_tmp, case) = minimal_case();
    std::fs::write(
        case.join("receipts/typo.yaml"),
        "id: DN-77\ndeliverd_on: 2023-01-01\namount: 5\n",
    )
    .unwrap();
    let out = casepack(&["check", "--format", "github", "--as-of", "2026-11-22", "."], &case);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("::error file=receipts/typo.yaml,line=2,col=1,title=unknown-field::")),
        "{stdout}"
    );
    assert!(stdout.contains("did you mean `delivered_on`?"));
}

#[test]
fn human_format_shows_place_snippet_and_summary() {
    let (_tmp, case) = minimal_case();
    std::fs::write(
        case.join("receipts/typo.yaml"),
        "id: DN-77\ndeliverd_on: 2023-01-01\namount: 5\n",
    )
    .unwrap();
    let out = casepack(&["check", "--as-of", "2026-11-22", "."], &case);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("error[unknown-field]: unknown field `deliverd_on`"),
        "{stdout}"
    );
    assert!(stdout.contains("receipts/typo.yaml:2:1"), "{stdout}");
    assert!(stdout.contains("2 | deliverd_on: 2023-01-01"), "{stdout}");
    assert!(stdout.contains("help: did you mean `delivered_on`?"), "{stdout}");
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("checked 1 case: 0 ok, 1 failed; 1 error"),
        "{stdout}"
    );
}

#[test]
fn schema_is_json_and_init_scaffolds_a_case_that_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let out = casepack(&["schema"], tmp.path());
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for kind in [
        "case",
        "contracts",
        "receipts",
        "invoices",
        "reconciliations",
        "payments",
        "correspondence",
    ] {
        assert!(schema["schemas"][kind].is_object(), "{kind} missing");
    }
    let out = casepack(&["init", "new-case"], tmp.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let case_yaml = std::fs::read_to_string(tmp.path().join("new-case/case.yaml")).unwrap();
    assert!(case_yaml.starts_with("# yaml-language-server: $schema=.schema/case.json"));
    let receipts = std::fs::read_to_string(tmp.path().join("new-case/receipts/README.yaml.example")).unwrap();
    assert!(receipts.starts_with("# yaml-language-server: $schema=../.schema/receipts.json"));
    // The scaffold is found as a case; its blank parties are reported, not a crash.
    let out = casepack(&["check", "--format", "json", "new-case"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["cases"][0]["id"], "new-case");
    // init refuses to overwrite.
    assert_eq!(casepack(&["init", "new-case"], tmp.path()).status.code(), Some(2));
}

#[test]
fn the_human_report_states_the_limitation_in_words_and_explain_shows_the_trace() {
    // suzhou-textiles: SH-231012 and SH-231121 were interrupted by the reconciliation letter
    // the debtor signed on 2024-01-12 → last day 2027-01-12 (a Tuesday); from 2026-11-22
    // that is 9 + 31 + 11 = 51 days.
    let out = casepack(
        &[
            "check",
            "--as-of",
            "2026-11-22",
            "--explain",
            "cases/suzhou-textiles-v-wuxi-garments",
        ],
        common::repo(),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("诉讼时效至 2027-01-12 届满，剩余 51 天"), "{stdout}");
    assert!(stdout.contains("court fee 4563.90"), "{stdout}");
    assert!(stdout.contains("reconciliation DZ-2023-12"), "{stdout}");
    assert!(stdout.contains("民法典第一百九十五条"), "{stdout}");
    // The English case words it in English: waived, new period to 2029-09-10.
    let out = casepack(&["check", "cases/ningbo-chem-v-shaoxing-dye"], common::repo());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("the debtor waived the lapse; the new period expires 2029-09-10"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_evidence_folder_is_refused() {
    let (tmp, case) = minimal_case();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(
        elsewhere.join("PAY-1.yaml"),
        "id: PAY-1\ndate: 2024-05-10\namount: \"5.00\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&elsewhere, case.join("payments")).unwrap();
    let out = casepack(&["check", "--format", "json", "--as-of", "2026-11-22", "."], &case);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = json["cases"][0]["diagnostics"].as_array().unwrap();
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "file-outside" && d["file"] == "payments"),
        "{diags:?}"
    );
}
