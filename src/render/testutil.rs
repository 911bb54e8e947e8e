//! Test helpers: reading a PDF back with poppler (`apt-get install poppler-utils`).

use std::process::Command;

/// Runs a poppler tool on the PDF and returns its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} not found ({e}): apt-get install -y poppler-utils"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 text")
}

/// The text of the PDF in content-stream order (`pdftotext -raw`: Typst writes it in reading
/// order, and unlike the default mode it does not join a line ending in `-` with the next).
pub fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-raw", "-enc", "UTF-8"], pdf)
}

/// The fonts table of `pdffonts` (one line per font after the two header lines).
pub fn pdf_fonts(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdffonts")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("pdffonts not found ({e}): apt-get install -y poppler-utils"));
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8 text")
}

/// The text with all whitespace removed.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The number of images in the PDF (`pdfimages -list`: two header lines, one line each).
pub fn pdf_image_count(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("pdfimages not found ({e}): apt-get install -y poppler-utils"));
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).lines().skip(2).count()
}
