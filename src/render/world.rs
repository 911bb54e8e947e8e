//! casepack's own `typst::World`: everything a document may see.
//!
//! - One main source, given as a string (the template's output); its virtual path is
//!   `/<main_name>` (default `/main.typ`), so relative paths in it are relative to the root.
//! - The standard library and the fonts are built once per process and shared by every
//!   document and thread.
//! - Files (images of scans, data) are read only from the allowed root directories, by a
//!   path relative to a root: `image("scans/receipt-1.jpg")` or `image("/scans/…")` looks in
//!   each root in turn and takes the first that has it. A path that leaves its root, lexically
//!   (`..`) or through a symbolic link, is refused; nothing outside the roots is readable.
//! - No packages (`@preview/…`), no network.
//! - `today()` is the date the caller gives (the case's `as_of`), whatever the clock says,
//!   so a document is the same however often it is rendered.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::fonts;

static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();

/// The standard library, built once per process.
pub fn library() -> &'static LazyHash<Library> {
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// Where a document may read files from, and the date it is made on.
#[derive(Debug, Clone)]
pub struct CompileContext {
    /// Directories the document may read files from (the case folder, for its scans).
    /// Empty: the document reads no files at all.
    pub roots: Vec<PathBuf>,
    /// The document's date: Typst's `datetime.today()` and the PDF's creation date.
    pub date: NaiveDate,
    /// The name the main source goes by in messages, e.g. `demand-letter.typ`.
    pub main_name: String,
}

impl CompileContext {
    /// A context dated `date` that reads no files.
    pub fn new(date: NaiveDate) -> CompileContext {
        CompileContext {
            roots: Vec::new(),
            date,
            main_name: "main.typ".to_string(),
        }
    }

    /// Allows reading files under `root` (added after the roots already given).
    pub fn with_root(mut self, root: impl Into<PathBuf>) -> CompileContext {
        self.roots.push(root.into());
        self
    }

    /// Names the main source (for messages).
    pub fn with_main_name(mut self, name: impl Into<String>) -> CompileContext {
        self.main_name = name.into();
        self
    }
}

/// The world of one document. Cheap to make: the library and fonts are shared.
pub struct DocumentWorld {
    main: Source,
    /// The allowed directories, canonical; those that do not exist are left out.
    roots: Vec<PathBuf>,
    today: Datetime,
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

impl DocumentWorld {
    /// A world whose main source is `source`.
    pub fn new(source: &str, ctx: &CompileContext) -> DocumentWorld {
        let name = ctx.main_name.trim_start_matches('/');
        let vpath = VirtualPath::new(format!("/{name}"))
            .or_else(|_| VirtualPath::new("/main.typ"))
            .expect("a plain file name is a valid virtual path");
        let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let today = Datetime::from_ymd(ctx.date.year(), ctx.date.month() as u8, ctx.date.day() as u8)
            .expect("a chrono date is a valid Typst date");
        DocumentWorld {
            main: Source::new(id, source.to_string()),
            roots: ctx.roots.iter().filter_map(|p| p.canonicalize().ok()).collect(),
            today,
            files: Mutex::new(HashMap::new()),
        }
    }

    /// Reads a file by its id, from the first root that has it, refusing anything that
    /// resolves outside that root.
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if *id.root() != VirtualRoot::Project {
            return Err(FileError::Other(Some(
                "packages are not available in casepack documents".into(),
            )));
        }
        let vpath = id.vpath();
        let mut last_err = FileError::NotFound(PathBuf::from(vpath.get_without_slash()));
        for base in &self.roots {
            let path = vpath.realize(base).map_err(FileError::Realize)?;
            match read_within(base, &path) {
                Ok(bytes) => return Ok(bytes),
                Err(FileError::NotFound(_)) => continue,
                Err(err) => last_err = err,
            }
        }
        Err(last_err)
    }
}

/// Reads `path` if it exists and, symbolic links resolved, lies inside `base` (canonical).
fn read_within(base: &Path, path: &Path) -> FileResult<Bytes> {
    let real = path.canonicalize().map_err(|e| FileError::from_io(e, path))?;
    if !real.starts_with(base) {
        return Err(FileError::AccessDenied);
    }
    if real.is_dir() {
        return Err(FileError::IsDirectory);
    }
    std::fs::read(&real)
        .map(Bytes::new)
        .map_err(|e| FileError::from_io(e, path))
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        fonts().book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.trim_start_matches('\u{feff}').to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        let mut files = self.files.lock().expect("file cache lock");
        files.entry(id).or_insert_with(|| self.load(id)).clone()
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(path: &str) -> FileId {
        RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).unwrap()).intern()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn reads_inside_roots_and_refuses_outside() {
        let tmp = tempfile::tempdir().unwrap();
        let case = tmp.path().join("case");
        let other = tmp.path().join("other");
        std::fs::create_dir_all(case.join("scans")).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(case.join("scans/a.txt"), "in case").unwrap();
        std::fs::write(other.join("b.txt"), "in other root").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.path().join("secret.txt"), case.join("link.txt")).unwrap();

        let ctx = CompileContext::new(date()).with_root(&case).with_root(&other);
        let world = DocumentWorld::new("", &ctx);

        assert_eq!(world.file(id("/scans/a.txt")).unwrap().as_slice(), b"in case");
        // The second root is searched when the first lacks the file.
        assert_eq!(world.file(id("b.txt")).unwrap().as_slice(), b"in other root");
        // `..` cannot name a path above the root (the virtual path refuses it) …
        assert!(VirtualPath::new("/../secret.txt").is_err());
        // … an absolute path is taken inside the roots, where there is no such file …
        assert!(matches!(world.file(id("/etc/passwd")), Err(FileError::NotFound(_))));
        assert!(matches!(world.file(id("/secret.txt")), Err(FileError::NotFound(_))));
        // … and a symbolic link out of the root is refused.
        #[cfg(unix)]
        assert_eq!(world.file(id("/link.txt")), Err(FileError::AccessDenied));
        // Packages are not served.
        let pkg = "@preview/foo:0.1.0".parse().unwrap();
        let pkg_id = RootedPath::new(VirtualRoot::Package(pkg), VirtualPath::new("/lib.typ").unwrap()).intern();
        assert!(world.file(pkg_id).is_err());
    }

    #[test]
    fn no_roots_no_files() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.txt"), "x").unwrap();
        let world = DocumentWorld::new("", &CompileContext::new(date()));
        assert!(world.file(id("/a.txt")).is_err());
        // The same file is readable once its folder is a root: the refusal above is the sandbox.
        let rooted = DocumentWorld::new("", &CompileContext::new(date()).with_root(tmp.path()));
        assert_eq!(rooted.file(id("/a.txt")).unwrap().as_slice(), b"x");
    }

    #[test]
    fn today_is_the_given_date() {
        let world = DocumentWorld::new("", &CompileContext::new(date()));
        assert_eq!(world.today(None), Datetime::from_ymd(2026, 11, 22));
    }
}
