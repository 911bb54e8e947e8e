//! The case model and the loader: files on disk → a typed [`Case`] with source positions.

mod find;
mod load;
pub mod model;
mod parse;
mod scan;
pub mod schema;
pub mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use find::{FoundCase, find_cases};
pub use load::{Loaded, load_case};
pub use scan::ScanKind;

use model::*;
use values::Pos;

/// The evidence kinds, one subfolder each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Contracts,
    Receipts,
    Invoices,
    Reconciliations,
    Payments,
    Correspondence,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Contracts,
        Kind::Receipts,
        Kind::Invoices,
        Kind::Reconciliations,
        Kind::Payments,
        Kind::Correspondence,
    ];

    /// The folder name, which is also the kind's name in reports.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Contracts => "contracts",
            Kind::Receipts => "receipts",
            Kind::Invoices => "invoices",
            Kind::Reconciliations => "reconciliations",
            Kind::Payments => "payments",
            Kind::Correspondence => "correspondence",
        }
    }

    /// The singular noun used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Contracts => "contract",
            Kind::Receipts => "receipt",
            Kind::Invoices => "invoice",
            Kind::Reconciliations => "reconciliation letter",
            Kind::Payments => "payment",
            Kind::Correspondence => "letter",
        }
    }
}

/// One document of a case with the file and position it was read from.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    pub value: T,
    pub file: PathBuf,
    pub pos: Pos,
}

impl<T> std::ops::Deref for Doc<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// A scan named in a `files:` entry, checked to exist inside the case folder.
#[derive(Debug, Clone)]
pub struct Scan {
    /// The path on disk.
    pub path: PathBuf,
    pub kind: ScanKind,
}

/// A whole case folder, parsed.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case folder, as found (relative to the working directory when given so).
    pub root: PathBuf,
    /// The case id: `id:` in case.yaml, else the folder's name.
    pub id: String,
    pub meta_file: PathBuf,
    pub meta: CaseMeta,
    pub contracts: Vec<Doc<Contract>>,
    pub receipts: Vec<Doc<Receipt>>,
    pub invoices: Vec<Doc<Invoice>>,
    pub reconciliations: Vec<Doc<Reconciliation>>,
    pub payments: Vec<Doc<Payment>>,
    pub correspondence: Vec<Doc<Correspondence>>,
    /// Every valid `files:` entry, by (YAML file, entry as written).
    pub scans: BTreeMap<(PathBuf, String), Scan>,
}

impl Case {
    /// The scans a document names, in the order named (invalid entries left out).
    pub fn scans_of<'a>(&'a self, yaml: &Path, files: &'a [values::Sp<String>]) -> Vec<&'a Scan> {
        files
            .iter()
            .filter_map(|f| self.scans.get(&(yaml.to_path_buf(), f.value.clone())))
            .collect()
    }
}
