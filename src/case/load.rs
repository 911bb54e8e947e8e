//! Loading one case folder: every YAML file parsed, every scan checked, all problems
//! collected (a broken file does not hide the others).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use super::find::{CASE_FILE, FoundCase};
use super::model::*;
use super::parse::{Shape, parse_docs, read_text};
use super::scan::check_entry;
use super::values::{Sp, Text};
use super::{Case, Doc, Kind, Scan};
use crate::diag::{Diagnostic, nearest};

/// The result of loading a case folder: the case when `case.yaml` could be read, every
/// problem found, and the text of every YAML file (for source snippets in reports).
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub case: Option<Case>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<PathBuf, String>,
    /// False when any YAML file failed to parse: the documents are then incomplete and no
    /// legal conclusion is drawn from them.
    pub complete: bool,
}

struct Loader {
    root: PathBuf,
    diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<PathBuf, String>,
    complete: bool,
}

pub fn load_case(found: &FoundCase) -> Loaded {
    let mut l = Loader {
        root: found.root.clone(),
        diagnostics: Vec::new(),
        sources: BTreeMap::new(),
        complete: true,
    };
    for nested in &found.nested {
        l.diagnostics.push(
            Diagnostic::error(
                "nested-case",
                format!(
                    "a case.yaml inside the case folder {}: a case folder cannot hold another case",
                    found.root.display()
                ),
            )
            .at(nested, 1, 1)
            .hint("move the inner case folder next to this one, or remove its case.yaml"),
        );
    }
    let nested_dirs: Vec<PathBuf> = found
        .nested
        .iter()
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();

    let meta_file = found.root.join(CASE_FILE);
    let meta: Option<CaseMeta> = l
        .parse_file(&meta_file, Shape::One)
        .and_then(|mut v| v.pop())
        .map(|(m, _)| m);

    let mut kinds: HashMap<Kind, Vec<PathBuf>> = HashMap::new();
    l.survey_folder(&nested_dirs, &mut kinds);
    let files = |k: Kind| kinds.get(&k).cloned().unwrap_or_default();
    let contracts: Vec<Doc<Contract>> = l.parse_kind(&files(Kind::Contracts));
    let receipts: Vec<Doc<Receipt>> = l.parse_kind(&files(Kind::Receipts));
    let invoices: Vec<Doc<Invoice>> = l.parse_kind(&files(Kind::Invoices));
    let reconciliations: Vec<Doc<Reconciliation>> = l.parse_kind(&files(Kind::Reconciliations));
    let payments: Vec<Doc<Payment>> = l.parse_kind(&files(Kind::Payments));
    let correspondence: Vec<Doc<Correspondence>> = l.parse_kind(&files(Kind::Correspondence));

    l.duplicate_ids(Kind::Contracts, contracts.iter().map(|d| (&d.file, &d.id)));
    l.duplicate_ids(Kind::Receipts, receipts.iter().map(|d| (&d.file, &d.id)));
    l.duplicate_invoices(&invoices);
    l.duplicate_ids(Kind::Reconciliations, reconciliations.iter().map(|d| (&d.file, &d.id)));
    l.duplicate_ids(Kind::Payments, payments.iter().map(|d| (&d.file, &d.id)));
    l.duplicate_ids(Kind::Correspondence, correspondence.iter().map(|d| (&d.file, &d.id)));

    let mut scans = BTreeMap::new();
    let mut entries: Vec<(&Path, &[Sp<String>])> = Vec::new();
    if let Some(m) = &meta {
        entries.extend(m.claim.costs.iter().map(|c| (meta_file.as_path(), c.files.as_slice())));
    }
    entries.extend(contracts.iter().map(|d| (d.file.as_path(), d.files.as_slice())));
    entries.extend(receipts.iter().map(|d| (d.file.as_path(), d.files.as_slice())));
    entries.extend(invoices.iter().map(|d| (d.file.as_path(), d.files.as_slice())));
    entries.extend(reconciliations.iter().map(|d| (d.file.as_path(), d.files.as_slice())));
    entries.extend(payments.iter().map(|d| (d.file.as_path(), d.files.as_slice())));
    entries.extend(correspondence.iter().map(|d| (d.file.as_path(), d.files.as_slice())));
    for (yaml, files) in entries {
        for f in files {
            match check_entry(&found.root, yaml, &f.value) {
                Ok((path, kind)) => {
                    scans.insert((yaml.to_path_buf(), f.value.clone()), Scan { path, kind });
                }
                Err(d) => l.diagnostics.push(d.at(yaml, f.line, f.column).field("files")),
            }
        }
    }

    let case = meta.map(|meta| Case {
        id: meta
            .id
            .as_ref()
            .map(|i| i.value.0.clone())
            .unwrap_or_else(|| folder_name(&found.root)),
        root: found.root.clone(),
        meta_file,
        meta,
        contracts,
        receipts,
        invoices,
        reconciliations,
        payments,
        correspondence,
        scans,
    });
    Loaded {
        root: l.root,
        case,
        diagnostics: l.diagnostics,
        sources: l.sources,
        complete: l.complete,
    }
}

fn folder_name(root: &Path) -> String {
    root.canonicalize()
        .ok()
        .as_deref()
        .unwrap_or(root)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "case".to_string())
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

impl Loader {
    /// Sorts the case folder's entries into kind folders, and reports what does not belong.
    fn survey_folder(&mut self, nested: &[PathBuf], kinds: &mut HashMap<Kind, Vec<PathBuf>>) {
        let Ok(read) = std::fs::read_dir(&self.root) else {
            self.diagnostics.push(Diagnostic::error(
                "io",
                format!("cannot read the folder {}", self.root.display()),
            ));
            return;
        };
        let mut entries: Vec<_> = read.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        let folders: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).collect();
        for path in entries {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') || name == CASE_FILE {
                continue;
            }
            let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && path.is_dir() {
                // A linked folder could bring in documents from outside the case folder.
                self.diagnostics.push(
                    Diagnostic::error(
                        "file-outside",
                        format!("`{name}/` is a link: a case folder's documents must sit inside it"),
                    )
                    .in_file(&path)
                    .hint("copy the folder into the case instead of linking it"),
                );
                self.complete = false;
                continue;
            }
            if path.is_dir() {
                match Kind::ALL.iter().find(|k| k.folder() == name) {
                    Some(kind) => {
                        let files = WalkDir::new(&path)
                            .follow_links(false)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(|e| !nested.iter().any(|n| e.path().starts_with(n)))
                            .filter_map(Result::ok)
                            .filter(|e| e.file_type().is_file() && is_yaml(e.path()))
                            .map(|e| e.into_path())
                            .collect();
                        kinds.insert(*kind, files);
                    }
                    None if nested.iter().any(|n| n.starts_with(&path)) => {}
                    None => {
                        let mut d = Diagnostic::warning(
                            "unknown-folder",
                            format!("`{name}/` is not an evidence folder: its files are not read"),
                        )
                        .in_file(&path);
                        d = match nearest(&name, &folders) {
                            Some(near) => d.hint(format!("did you mean `{near}/`?")),
                            None => d.hint(format!("evidence folders are: {}", folders.join(", "))),
                        };
                        self.diagnostics.push(d);
                    }
                }
            } else if is_yaml(&path) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "unknown-file",
                        format!("`{name}` is not read: evidence YAML goes into a kind folder"),
                    )
                    .in_file(&path)
                    .hint(format!("move it into one of: {}", folders.join(", "))),
                );
            }
        }
    }

    /// Reads and parses one YAML file; a failure becomes a diagnostic and marks the case
    /// incomplete.
    fn parse_file<T: DeserializeOwned>(&mut self, file: &Path, shape: Shape) -> Option<Vec<(T, super::values::Pos)>> {
        let result = std::fs::read(file)
            .map_err(|e| Diagnostic::error("io", format!("cannot read {}: {e}", file.display())).in_file(file))
            .and_then(|bytes| read_text(file, bytes))
            .and_then(|text| {
                let parsed = parse_docs::<T>(file, &text, shape);
                self.sources.insert(file.to_path_buf(), text);
                parsed
            });
        match result {
            Ok(docs) => Some(docs),
            Err(d) => {
                self.diagnostics.push(d);
                self.complete = false;
                None
            }
        }
    }

    fn parse_kind<T: DeserializeOwned>(&mut self, files: &[PathBuf]) -> Vec<Doc<T>> {
        let mut docs = Vec::new();
        for file in files {
            if let Some(parsed) = self.parse_file::<T>(file, Shape::OneOrList) {
                docs.extend(parsed.into_iter().map(|(value, pos)| Doc {
                    value,
                    file: file.clone(),
                    pos,
                }));
            }
        }
        docs
    }

    fn duplicate_ids<'a>(&mut self, kind: Kind, ids: impl Iterator<Item = (&'a PathBuf, &'a Sp<Text>)>) {
        let mut seen: HashMap<&str, (&PathBuf, u32)> = HashMap::new();
        for (file, id) in ids {
            if let Some((first_file, first_line)) = seen.get(id.value.0.as_str()) {
                self.diagnostics.push(
                    Diagnostic::error(
                        "duplicate-id",
                        format!(
                            "a second {} with id `{}` (the first is at {}:{})",
                            kind.noun(),
                            id.value,
                            crate::diag::display_path(first_file),
                            first_line
                        ),
                    )
                    .at(file, id.line, id.column)
                    .field("id"),
                );
            } else {
                seen.insert(id.value.0.as_str(), (file, id.line));
            }
        }
    }

    fn duplicate_invoices(&mut self, invoices: &[Doc<Invoice>]) {
        let mut seen: HashMap<String, (&PathBuf, u32)> = HashMap::new();
        for inv in invoices {
            let key = inv.number.key();
            if let Some((first_file, first_line)) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(
                        "duplicate-id",
                        format!(
                            "a second invoice numbered `{key}` (the first is at {}:{})",
                            crate::diag::display_path(first_file),
                            first_line
                        ),
                    )
                    .at(&inv.file, inv.number.line, inv.number.column)
                    .field("number"),
                );
            } else {
                seen.insert(key, (&inv.file, inv.number.line));
            }
        }
    }
}
