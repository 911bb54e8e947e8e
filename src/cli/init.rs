//! `casepack init PATH`: a new case folder with one commented template per kind, each
//! naming its JSON Schema so editors complete and validate fields.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::case::Kind;
use crate::case::schema::{case_schema, kind_schema};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The new case folder (must not exist yet, or be empty).
    pub path: PathBuf,
}

const SCHEMA_DIR: &str = ".schema";

pub fn run(args: InitArgs) -> i32 {
    match init(&args.path) {
        Ok(()) => {
            println!(
                "created {}: fill in case.yaml, then add documents and scans to its folders",
                args.path.display()
            );
            super::EXIT_OK
        }
        Err(e) => {
            eprintln!("casepack: {e}");
            super::EXIT_USAGE
        }
    }
}

fn init(root: &Path) -> Result<(), String> {
    if root.exists() && std::fs::read_dir(root).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} exists and is not empty", root.display()));
    }
    let io = |e: std::io::Error| format!("cannot write in {}: {e}", root.display());
    std::fs::create_dir_all(root.join(SCHEMA_DIR)).map_err(io)?;
    let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).expect("schema serialises");
    std::fs::write(
        root.join(SCHEMA_DIR).join("case.json"),
        pretty(case_schema().to_value()),
    )
    .map_err(io)?;
    std::fs::write(
        root.join("case.yaml"),
        format!("# yaml-language-server: $schema={SCHEMA_DIR}/case.json\n{CASE_TEMPLATE}"),
    )
    .map_err(io)?;
    for kind in Kind::ALL {
        let name = kind.folder();
        std::fs::create_dir_all(root.join(name)).map_err(io)?;
        std::fs::write(
            root.join(SCHEMA_DIR).join(format!("{name}.json")),
            pretty(kind_schema(kind).to_value()),
        )
        .map_err(io)?;
        std::fs::write(
            root.join(name).join("README.yaml.example"),
            format!(
                "# yaml-language-server: $schema=../{SCHEMA_DIR}/{name}.json\n{}",
                template(kind)
            ),
        )
        .map_err(io)?;
    }
    Ok(())
}

const CASE_TEMPLATE: &str = r#"# The parties and the claim settings. Fields: casepack schema.
creditor:                     # the claimant (原告)
  name: 
  uscc:                       # 统一社会信用代码, 18 characters
  address: 
  legal_representative: 
  phone: 
  # bank: { name: 开户行, account: "账号" }
debtor:                       # the defendant (被告)
  name: 
  uscc: 
  address: 
  legal_representative: 
claim:
  interest: auto              # auto | contract | lpr | none
  pay_within_days: 7
"#;

/// An example document of each kind, commented out: copy it to a `.yaml` file of its own.
fn template(kind: Kind) -> &'static str {
    match kind {
        Kind::Contracts => {
            "# Copy to e.g. HT-2024-001.yaml and fill in.\n# id: HT-2024-001\n# type: written_contract\n# signed_on: 2024-01-10\n# signed_by_creditor: true\n# signed_by_debtor: true\n# payment: { term: days_after_delivery, days: 60 }\n# late_payment: { daily_rate: \"0.0005\" }\n# costs_recoverable: true\n# files: [HT-2024-001.pdf]\n"
        }
        Kind::Receipts => {
            "# Copy to e.g. DN-0001.yaml and fill in.\n# id: DN-0001\n# delivered_on: 2024-03-05\n# amount: \"120000.00\"\n# signed_by_debtor: true\n# files: [DN-0001.jpg]\n"
        }
        Kind::Invoices => {
            "# Copy to e.g. inv-0001.yaml and fill in.\n# number: \"25332000000012345678\"\n# type: special\n# issued_on: 2024-03-06\n# amount: \"120000.00\"\n# receipts: [DN-0001]\n# files: [inv-0001.pdf]\n"
        }
        Kind::Reconciliations => {
            "# Copy to e.g. REC-2024-01.yaml and fill in.\n# id: REC-2024-01\n# signed_on: 2024-07-15\n# period_end: 2024-06-30\n# balance: \"120000.00\"\n# signed_by_debtor: true\n# files: [REC-2024-01.pdf]\n"
        }
        Kind::Payments => {
            "# Copy to e.g. PAY-001.yaml and fill in.\n# id: PAY-001\n# date: 2024-05-10\n# amount: \"50000.00\"\n# method: bank_transfer\n# applies_to: [DN-0001]\n# files: [PAY-001.pdf]\n"
        }
        Kind::Correspondence => {
            "# Copy to e.g. C-001.yaml and fill in.\n# id: C-001\n# date: 2025-03-01\n# type: demand\n# from: creditor\n# channel: ems\n# delivered_on: 2025-03-03\n# proof: \"EMS 1187654321098\"\n# files: [C-001.pdf]\n"
        }
    }
}
