//! The `countypanel` binary: parses arguments, runs a stage, maps the outcome to an exit code.

mod builtin;
mod check;
mod cli;
mod commands;
mod evaluate;
mod explain;
mod export;
mod ingest_cmd;
mod manifest;
mod progress;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: polars allocates and frees large buffers at a high
/// rate, and the system allocator returns them to the kernel, which then zeroes fresh pages for
/// the next one (a third of clean's time on 20 million facts went to that).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a command concluded.
pub enum Verdict {
    /// Everything passed.
    Ok,
    /// Outputs were written but the data failed a check.
    DataFailed(Vec<String>),
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(&cli) {
        Ok(Verdict::Ok) => ExitCode::SUCCESS,
        Ok(Verdict::DataFailed(checks)) => {
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
