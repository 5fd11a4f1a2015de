//! The `countypanel` binary: parses arguments, runs a stage, maps the outcome to an exit code.

mod cli;
mod commands;
mod corpus;
mod explain;
mod facts_gen;
mod progress;

use std::process::ExitCode;

use clap::Parser;

/// What a command concluded.
pub enum Outcome {
    /// Everything passed.
    Ok,
    /// Outputs were written but the data failed a check.
    DataFailed(Vec<String>),
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(&cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::DataFailed(checks)) => {
            for c in checks {
                eprintln!("check failed: {c}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
