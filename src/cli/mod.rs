//! The `unspin` command: parses arguments and hands each job to the library.

mod apply;
pub mod args;
mod batch;
mod dict;
mod eval;
mod files_from;
mod import;
mod interactive;
mod interrupt;
mod learn;
mod one;
mod pairs;
mod progress;
mod repair;
mod scan;
mod setup;
mod terminal;

use args::{Cli, Command};
use std::process::ExitCode;

/// Exit statuses (see `args::EXIT_CODES`).
pub const OK: u8 = 0;
pub const FOUND: u8 = 1;
pub const ERROR: u8 = 2;

pub fn main(mut cli: Cli) -> ExitCode {
    // `--format json` is `--json`, which every mode already knows.
    if cli.run.format == Some(args::Format::Json) {
        cli.run.json = true;
        cli.run.format = None;
    }
    if let Some(list) = &cli.run.files_from {
        match files_from::read(list, cli.run.null) {
            Ok(paths) => cli.run.paths.extend(paths),
            Err(e) => return ExitCode::from(fail(e)),
        }
    }
    let code = match cli.command {
        Some(Command::Dict(cmd)) => dict::run(cmd, &cli.run.dicts),
        Some(Command::Scan(args)) => scan::run(&args, &cli.run),
        Some(Command::Eval(args)) => eval::run(&args, &cli.run.dicts),
        Some(Command::Learn(args)) => learn::run(&args, &cli.run.dicts),
        Some(Command::Apply { edits, root }) => apply::run(&edits, &root),
        None if cli.run.interactive => interactive::run(&cli.run),
        None => repair::run(&cli.run),
    };
    ExitCode::from(code)
}

/// Prints `unspin: message` on stderr; returns the error status.
pub fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("unspin: {message}");
    ERROR
}
