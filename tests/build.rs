//! `casepack build` end to end: the demand letters of the example cases, read back from the
//! PDFs with poppler (pdftotext, pdfinfo, pdffonts; `.ci/run` installs poppler-utils).

mod common;

use common::{casepack, copy_dir, repo};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use casepack::render::filters::{amount_in_capitals, date_en, date_zh, format_money, format_money_with_prefix};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

const AS_OF: &str = "2026-11-22";

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed by the PDF tests (poppler-utils; .ci/run installs it): {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text of a PDF with all white space removed (pdftotext breaks lines and spaces CJK freely).
fn pdf_text(pdf: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn dec(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

/// Builds the example cases once into a temporary out folder.
fn built() -> (tempfile::TempDir, Output) {
    let out = tempfile::tempdir().unwrap();
    let run = casepack(
        &[
            "build",
            "--as-of",
            AS_OF,
            "--out",
            out.path().to_str().unwrap(),
            "cases",
        ],
        repo(),
    );
    (out, run)
}

#[test]
fn example_letters_state_the_debtor_every_amount_and_the_deadline() {
    let (out, run) = built();
    let stdout = String::from_utf8_lossy(&run.stdout);
    // The problem case has errors: it is skipped, the others are built, exit status 1.
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("skipped shenzhen-electronics-v-dongguan-assembly"),
        "{stdout}"
    );
    assert!(!out.path().join("shenzhen-electronics-v-dongguan-assembly").exists());

    let mut letters = 0;
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let dir: PathBuf = entry.unwrap().path();
        let report: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
        let case_dir = repo().join(report["path"].as_str().unwrap());
        let meta = std::fs::read_to_string(case_dir.join("case.yaml")).unwrap();
        let english = meta.lines().any(|l| l.trim() == "language: en");
        let pdf = dir.join("demand-letter.pdf");
        let text = pdf_text(&pdf);
        let name = |what: &str| format!("{} in {}", what, dir.display());

        // The debtor's name, as case.yaml writes it.
        let debtor = meta
            .split("debtor:")
            .nth(1)
            .and_then(|d| d.lines().find(|l| l.trim_start().starts_with("name:")))
            .map(|l| l.split_once(':').unwrap().1.trim().trim_matches('"').to_string())
            .unwrap();
        assert!(text.contains(&squash(&debtor)), "{}", name(&debtor));

        // Principal, charges and total, in figures and in capitals.
        let claim = &report["claim"];
        for key in ["principal", "total"] {
            let amount = dec(&claim[key]);
            let figures = if english {
                format_money_with_prefix(amount, "RMB ")
            } else {
                format_money(amount, false)
            };
            assert!(
                text.contains(&squash(&figures)),
                "{}",
                name(&format!("{key} {figures}"))
            );
            let capitals = amount_in_capitals(amount).unwrap();
            assert!(text.contains(&capitals), "{}", name(&format!("{key} {capitals}")));
        }
        let charges = dec(&claim["charges"]);
        if charges > Decimal::ZERO {
            let figures = if english {
                format_money_with_prefix(charges, "RMB ")
            } else {
                format_money(charges, true)
            };
            assert!(
                text.contains(&squash(&figures)),
                "{}",
                name(&format!("charges {figures}"))
            );
        }
        // Every debt's unpaid amount appears in the table.
        for debt in report["debts"].as_array().unwrap() {
            let figures = format_money(dec(&debt["outstanding"]), false);
            assert!(
                text.contains(&squash(&figures)),
                "{}",
                name(&format!("debt {}", debt["id"]))
            );
        }

        // The deadline: as_of + pay_within_days (7 unless case.yaml says otherwise), moved
        // past days off. 2026-11-22 + 7 = Sunday 2026-11-29 → Monday 2026-11-30; + 10 = Wednesday 2026-12-02.
        let days: u32 = meta
            .lines()
            .find_map(|l| l.trim().strip_prefix("pay_within_days:"))
            .map(|v| v.split('#').next().unwrap().trim().parse().unwrap())
            .unwrap_or(7);
        let deadline = match days {
            7 => NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            10 => NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            other => panic!("no hand-computed deadline for {other} days"),
        };
        let written = if english { date_en(deadline) } else { date_zh(deadline) };
        assert!(
            text.contains(&squash(&written)),
            "{}",
            name(&format!("deadline {written}"))
        );

        // Fonts: all embedded, none Type 3.
        let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
        for line in fonts.lines().skip(2) {
            assert!(!line.contains("Type 3"), "Type 3 font in {}: {line}", pdf.display());
            let cols: Vec<&str> = line.split_whitespace().collect();
            let emb = cols[cols.len() - 5];
            assert_eq!(emb, "yes", "font not embedded in {}: {line}", pdf.display());
        }
        assert!(fonts.contains("NotoSerifCJKsc"), "{fonts}");

        // The .typ is written beside the PDF.
        let typ = std::fs::read_to_string(dir.join("demand-letter.typ")).unwrap();
        assert!(typ.contains("#show: casepack-letter.with("));
        letters += 1;
    }
    assert_eq!(letters, 3, "three example cases have no errors");
}

#[test]
fn the_hangzhou_letter_states_the_hand_computed_figures() {
    // Worked by hand (cases/README.md): three deliveries due delivery + 60 days
    // (2024-06-07, 07-15, 08-19); 150,000.00 paid on 2024-07-15 against DN-240408.
    // Principal 186,400.00 + 243,689.25 + 128,713.20 − 150,000.00 = 408,802.45.
    // Charges at 0.05% a day: DN-240408 186,400 × 38 d + 36,400 × 860 d → 19,193.60;
    // DN-240516 243,689.25 × 860 d → 104,786.38; DN-240620 128,713.20 × 825 d → 53,094.20;
    // total 177,074.18. Total with the 30,000.00 lawyer's fee: 615,876.63.
    let (out, _) = built();
    let text = pdf_text(&out.path().join("hangzhou-steel-v-ningbo-machinery/demand-letter.pdf"));
    for figure in [
        "人民币408,802.45元",
        "肆拾万捌仟捌佰零贰元肆角伍分",
        "¥19,193.60",
        "¥104,786.38",
        "¥53,094.20",
        "¥177,074.18",
        "壹拾柒万柒仟零柒拾肆元壹角捌分",
        "¥30,000.00",
        "人民币615,876.63元",
        "陆拾壹万伍仟捌佰柒拾陆元陆角叁分",
        // 2026-11-22 + 7 days = Sunday 11-29 → Monday (CC 203).
        "2026年11月30日（含当日）前",
    ] {
        assert!(text.contains(&squash(figure)), "{figure} missing from the letter");
    }
}

#[test]
fn a_lawyer_letter_has_the_firm_and_a_chinese_letter_the_a4_layout() {
    let (out, _) = built();
    let dir = out.path().join("hangzhou-steel-v-ningbo-machinery");
    let text = pdf_text(&dir.join("demand-letter.pdf"));
    assert!(text.contains("律师函"));
    assert!(text.contains("律师事务所"));
    // The sender's notes are on the last page, not counted in the letter's page numbers.
    let info = tool("pdfinfo", &[dir.join("demand-letter.pdf").to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(info.contains("595.276 x 841.89 pts"), "A4: {info}");
    assert!(
        text.contains(&format!("共{}页", pages - 1)),
        "page numbers count the letter only"
    );
    assert!(!text.contains(&format!("共{pages}页")));
    let last = tool(
        "pdftotext",
        &[
            "-f",
            &pages.to_string(),
            "-l",
            &pages.to_string(),
            dir.join("demand-letter.pdf").to_str().unwrap(),
            "-",
        ],
    );
    assert!(squash(&last).contains("寄送与存证说明"));
}

#[test]
fn rebuilding_unchanged_input_gives_identical_files() {
    let (first, _) = built();
    let (second, _) = built();
    for case in [
        "hangzhou-steel-v-ningbo-machinery",
        "suzhou-textiles-v-wuxi-garments",
        "YC-2026-003",
    ] {
        for file in ["demand-letter.pdf", "demand-letter.typ", "report.json"] {
            let a = std::fs::read(first.path().join(case).join(file)).unwrap();
            let b = std::fs::read(second.path().join(case).join(file)).unwrap();
            assert!(a == b, "{case}/{file} differs between two builds");
        }
    }
}

#[test]
fn a_failed_build_leaves_earlier_outputs_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = tmp.path().join("cases");
    copy_dir(&repo().join("tests/fixtures/valid/minimal"), &cases.join("a"));
    copy_dir(&repo().join("tests/fixtures/valid/minimal"), &cases.join("b"));
    // Different ids, so the two cases do not share an output folder.
    for (case, id) in [("a", "CASE-A"), ("b", "CASE-B")] {
        let meta = std::fs::read_to_string(cases.join(case).join("case.yaml")).unwrap();
        let meta = if meta.lines().any(|l| l.starts_with("id:")) {
            meta.lines()
                .map(|l| {
                    if l.starts_with("id:") {
                        format!("id: {id}")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            format!("id: {id}\n{meta}")
        };
        std::fs::write(cases.join(case).join("case.yaml"), meta).unwrap();
    }
    let first = casepack(&["build", "--as-of", AS_OF, "--out", "out", "cases"], tmp.path());
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );
    let a_pdf = std::fs::read(tmp.path().join("out/CASE-A/demand-letter.pdf")).unwrap();
    let b_pdf = std::fs::read(tmp.path().join("out/CASE-B/demand-letter.pdf")).unwrap();

    // Case a gets an error (skipped); case b a debtor name no font can draw (render fails).
    let receipts = cases.join("a/receipts");
    let receipt = receipts.join("DN-MIN-001.yaml");
    let text = std::fs::read_to_string(&receipt).unwrap();
    std::fs::write(
        &receipt,
        text.replace("signed_by_debtor: true", "signed_by_debtor: false"),
    )
    .unwrap();
    let meta = std::fs::read_to_string(cases.join("b/case.yaml")).unwrap();
    let debtor_at = meta.find("debtor:").unwrap();
    let name_at = debtor_at + meta[debtor_at..].find("name:").unwrap();
    let line_end = name_at + meta[name_at..].find('\n').unwrap();
    let broken = format!(
        "{}name: \"\u{1F600} Emoji Trading Co.\"{}",
        &meta[..name_at],
        &meta[line_end..]
    );
    std::fs::write(cases.join("b/case.yaml"), broken).unwrap();

    let second = casepack(&["build", "--as-of", "2026-11-23", "--out", "out", "cases"], tmp.path());
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert_eq!(second.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("skipped CASE-A"), "{stdout}");
    assert!(stdout.contains("FAIL CASE-B") && stdout.contains("U+1F600"), "{stdout}");
    assert!(
        stdout.contains("debtor.name"),
        "the missing glyph names its field: {stdout}"
    );
    assert_eq!(
        std::fs::read(tmp.path().join("out/CASE-A/demand-letter.pdf")).unwrap(),
        a_pdf
    );
    assert_eq!(
        std::fs::read(tmp.path().join("out/CASE-B/demand-letter.pdf")).unwrap(),
        b_pdf
    );
    let leftovers: Vec<_> = walkdir::WalkDir::new(tmp.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_templates_folder_beside_the_cases_overrides_the_built_in_letter() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/fixtures/valid/minimal"),
        &tmp.path().join("cases/minimal"),
    );
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/demand-letter.typ"),
        "{% include \"_base.typ\" %}\n#show: casepack-letter.with(title: [OVERRIDDEN LETTER])\nPay {{ totals.total | money }}, {{ debtor.name }}.\n",
    )
    .unwrap();
    let run = casepack(&["build", "--as-of", AS_OF, "--out", "out", "cases"], tmp.path());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    let dir = std::fs::read_dir(tmp.path().join("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = pdf_text(&dir.join("demand-letter.pdf"));
    assert!(text.contains("OVERRIDDENLETTER"), "{text}");
    assert!(text.contains("宁波恒通机械有限公司"), "{text}");

    // --templates DIR names another folder; the built-in letter is used when none is found.
    std::fs::rename(tmp.path().join("templates"), tmp.path().join("mine")).unwrap();
    let run = casepack(
        &[
            "build",
            "--as-of",
            AS_OF,
            "--out",
            "out2",
            "--templates",
            "mine",
            "cases",
        ],
        tmp.path(),
    );
    assert_eq!(run.status.code(), Some(0));
    let dir2 = tmp.path().join("out2").join(dir.file_name().unwrap());
    assert!(pdf_text(&dir2.join("demand-letter.pdf")).contains("OVERRIDDENLETTER"));
    let run = casepack(&["build", "--as-of", AS_OF, "--out", "out3", "cases"], tmp.path());
    assert_eq!(run.status.code(), Some(0));
    let dir3 = tmp.path().join("out3").join(dir.file_name().unwrap());
    assert!(pdf_text(&dir3.join("demand-letter.pdf")).contains("催款函"));
}
