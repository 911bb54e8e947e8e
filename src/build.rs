//! Rendering the documents of a checked case and writing them: the end of the pipeline that
//! `build` (and `watch`) run.

use std::path::{Path, PathBuf};

use crate::out::{self, Output};
use crate::pipeline::Outcome;
use crate::render::{CompileContext, Engine, context};
use crate::report;

/// The built-in demand letter template.
pub const DEMAND_LETTER: &str = "demand-letter.typ";

/// What became of one case.
#[derive(Debug)]
pub enum Built {
    /// Its documents were written to `dir`; Typst's warnings, if any, for the user to see.
    Written {
        dir: PathBuf,
        files: Vec<String>,
        warnings: Vec<String>,
    },
    /// It has errors: nothing was rendered or written.
    Skipped,
    /// Rendering or writing failed: nothing of it was written (earlier outputs stay).
    Failed(String),
}

/// Renders every document of a case in memory, then writes them all (each atomically).
pub fn build_case(o: &Outcome, all: &[Outcome], engine: &Engine, out_dir: &Path) -> Built {
    let (Some(case), Some(assessment)) = (&o.case, &o.assessment) else {
        return Built::Skipped;
    };
    if !o.ok {
        return Built::Skipped;
    }
    let folder = out::folder_name(&o.id);
    if let Some(other) = all
        .iter()
        .find(|x| !std::ptr::eq(*x, o) && out::folder_name(&x.id) == folder)
    {
        return Built::Failed(format!(
            "case id `{}` is also the id of {}: give one of them another `id:` in case.yaml",
            o.id,
            other.root.display()
        ));
    }
    let ctx = context::build(case, assessment);
    let compile_ctx = CompileContext::new(o.as_of)
        .with_root(case.root.clone())
        .with_main_name(DEMAND_LETTER);
    let letter = match engine.render_document(DEMAND_LETTER, &ctx, &compile_ctx) {
        Ok(doc) => doc,
        Err(e) => return Built::Failed(format!("{DEMAND_LETTER}: {e}")),
    };
    let warnings = letter
        .warnings
        .iter()
        .map(|w| format!("{DEMAND_LETTER}: {w}"))
        .collect();
    let stem = DEMAND_LETTER.trim_end_matches(".typ");
    let outputs = vec![
        // The source is written under the template's name, so typst-cli's messages about it
        // and casepack's name the same file.
        Output {
            name: DEMAND_LETTER.into(),
            bytes: letter.typ.into_bytes(),
        },
        Output {
            name: format!("{stem}.pdf"),
            bytes: letter.pdf,
        },
        Output {
            name: "report.json".into(),
            bytes: report::json::render_one(o).into_bytes(),
        },
    ];
    match out::write_case(out_dir, &o.id, &outputs) {
        Ok(dir) => Built::Written {
            dir,
            files: outputs.iter().map(|o| o.name.clone()).collect(),
            warnings,
        },
        Err(e) => Built::Failed(format!("cannot write into {}: {e}", out_dir.display())),
    }
}
