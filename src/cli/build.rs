//! `casepack build [PATH...] [--out out/]`: check, then render every case without errors
//! into `out/<case id>/`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::build::{self, Built};
use crate::pipeline;
use crate::render::{Engine, FontOptions, init_fonts};
use crate::report;

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Case folders, or folders holding case folders (default: cases/).
    pub paths: Vec<PathBuf>,
    /// Where the documents go: one folder per case.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Compute every figure to this date (YYYY-MM-DD) instead of each case's as_of or today.
    #[arg(long, value_parser = super::check::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Treat warnings as failures (such a case is not built).
    #[arg(long)]
    pub deny_warnings: bool,
    /// A folder of templates overriding the built-in ones by name (default: a `templates/`
    /// folder beside the first case path, when there is one).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Also use the operating system's fonts.
    #[arg(long)]
    pub system_fonts: bool,
    /// Also use the fonts in this folder (may be given more than once).
    #[arg(long)]
    pub font_path: Vec<PathBuf>,
}

/// The templates folder beside the cases: `templates/` next to the first path.
fn default_templates(paths: &[PathBuf]) -> Option<PathBuf> {
    let first = paths.first()?;
    let parent = first
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(parent.join("templates")).filter(|p| p.is_dir())
}

pub fn run(args: BuildArgs) -> i32 {
    let paths = super::default_paths(args.paths);
    if let Err(e) = init_fonts(FontOptions {
        system_fonts: args.system_fonts,
        font_paths: args.font_path,
    }) {
        eprintln!("casepack: {e}");
        return EXIT_USAGE;
    }
    let templates = args.templates.or_else(|| default_templates(&paths));
    let engine = match Engine::with_overrides(templates.as_deref()) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("casepack: {e}");
            return EXIT_USAGE;
        }
    };
    let outcomes = match pipeline::check(&paths, &super::check::options(args.as_of, args.deny_warnings)) {
        Ok(o) => o,
        Err(d) => {
            eprintln!("casepack: {}", d.message);
            return EXIT_USAGE;
        }
    };
    if outcomes.is_empty() {
        eprintln!("casepack: no case folder (a folder holding case.yaml) found");
        return EXIT_USAGE;
    }

    let progress = ProgressBar::with_draw_target(Some(outcomes.len() as u64), draw_target());
    progress.set_style(
        ProgressStyle::with_template("{spinner} building {pos}/{len} {wide_msg}").expect("valid progress template"),
    );
    let results: Vec<Built> = outcomes
        .par_iter()
        .map(|o| {
            progress.set_message(o.id.clone());
            let built = build::build_case(o, &outcomes, &engine, &args.out);
            progress.inc(1);
            built
        })
        .collect();
    progress.finish_and_clear();

    let style = report::human::Style {
        color: std::io::stdout().is_terminal(),
        explain: false,
    };
    let mut failed = 0;
    for (o, built) in outcomes.iter().zip(&results) {
        match built {
            Built::Written { dir, files, warnings } => {
                println!("built {} → {} ({})", o.id, dir.display(), files.join(", "));
                for w in warnings {
                    println!("  warning: {w}");
                }
            }
            Built::Skipped => {
                failed += 1;
                print!("{}", report::human::render(std::slice::from_ref(o), &style));
                println!(
                    "skipped {}: it has errors (nothing in {} was touched)",
                    o.id,
                    args.out.display()
                );
            }
            Built::Failed(why) => {
                failed += 1;
                println!("FAIL {}: {why}", o.id);
            }
        }
    }
    println!(
        "{}; built {} of {}",
        report::summary(&outcomes),
        outcomes.len() - failed,
        outcomes.len()
    );
    if failed == 0 { EXIT_OK } else { EXIT_FAILED }
}

fn draw_target() -> ProgressDrawTarget {
    if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    }
}
