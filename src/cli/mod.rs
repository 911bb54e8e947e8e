//! The command line: one file per command, each a short function that configures the
//! pipeline and prints.

mod build;
mod check;
mod init;
mod schema;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit statuses (case-format.md): 0 every case ok, 1 a case failed, 2 usage or I/O failure.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "casepack",
    version,
    about = "Unpaid-invoice case folders in: evidence check, limitation period, claim figures, demand letters and litigation packets out (PRC law)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check case folders: evidence, limitation period, figures. Exit 0 when every case is ok.
    Check(check::CheckArgs),
    /// Check, then render the documents of every case without errors into out/<case id>/.
    Build(build::BuildArgs),
    /// Print the JSON Schema of every YAML kind of a case folder.
    Schema,
    /// Create a new case folder with commented templates of every kind.
    Init(init::InitArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: a verdict per case, each finding with a source snippet.
    Human,
    /// The JSON report of case-format.md.
    Json,
    /// GitHub Actions annotations (::error file=…,line=…,col=…::).
    Github,
}

/// The default input: the example cases folder.
pub fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("cases")]
    } else {
        paths
    }
}

/// Runs the command line; returns the exit status.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Schema => schema::run(),
        Command::Init(args) => init::run(args),
    }
}
