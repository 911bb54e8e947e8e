//! `casepack check [PATH...]`

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, Format};
use crate::pipeline::{self, Options};
use crate::report;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Case folders, or folders holding case folders (default: cases/).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Compute every figure to this date (YYYY-MM-DD) instead of each case's as_of or today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Treat warnings as failures.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Show the trace of every debt's limitation period.
    #[arg(long)]
    pub explain: bool,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::case::values::Date::parse(s).map(|d| d.0)
}

pub fn options(as_of: Option<NaiveDate>, deny_warnings: bool) -> Options {
    Options {
        as_of,
        today: chrono::Local::now().date_naive(),
        deny_warnings,
    }
}

pub fn run(args: CheckArgs) -> i32 {
    let paths = super::default_paths(args.paths);
    let outcomes = match pipeline::check(&paths, &options(args.as_of, args.deny_warnings)) {
        Ok(o) => o,
        Err(d) => {
            eprintln!("casepack: {}", d.message);
            return EXIT_USAGE;
        }
    };
    if outcomes.is_empty() {
        eprintln!(
            "casepack: no case folder (a folder holding case.yaml) found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return EXIT_USAGE;
    }
    match args.format {
        Format::Human => {
            let style = report::human::Style {
                color: std::io::stdout().is_terminal(),
                explain: args.explain,
            };
            print!("{}", report::human::render(&outcomes, &style));
            println!("{}", report::summary(&outcomes));
        }
        Format::Json => print!("{}", report::json::render(&outcomes)),
        Format::Github => {
            print!("{}", report::github::render(&outcomes));
            eprintln!("{}", report::summary(&outcomes));
        }
    }
    if outcomes.iter().all(|o| o.ok) {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}
