//! The `unspin` command: parses arguments and hands each job to the library.

mod apply;
pub mod args;
mod batch;
mod config;
mod dict;
mod docs;
mod eval;
mod files_from;
mod import;
mod interactive;
mod interrupt;
mod jsonl;
mod learn;
mod one;
mod out;
mod pairs;
mod progress;
mod repair;
mod scan;
mod setup;
mod template;
mod terminal;

use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::process::ExitCode;

/// Exit statuses (see `args::EXIT_CODES`).
pub const OK: u8 = 0;
pub const FOUND: u8 = 1;
pub const ERROR: u8 = 2;

/// Runs the command line `argv` (program name first).
pub fn main(argv: Vec<OsString>) -> ExitCode {
    ExitCode::from(run(argv))
}

fn run(argv: Vec<OsString>) -> u8 {
    let given = Cli::command().get_matches_from(&argv);
    let cli = Cli::from_arg_matches(&given).unwrap_or_else(|e| e.exit());
    let listed = match &cli.run.files_from {
        Some(list) => match files_from::read(list, cli.run.null) {
            Ok(paths) => paths,
            Err(e) => return fail(e),
        },
        None => Vec::new(),
    };
    let (mut cli, matches, file) = match config::paths_of(&cli) {
        Some(paths) => {
            let paths = [paths, &listed].concat();
            match config::resolve(&argv, cli, given.clone(), &paths) {
                Ok(r) => (r.cli, r.matches, r.file),
                Err(e) => return fail(format_args!("config: {e}")),
            }
        }
        None => (cli, given.clone(), None),
    };
    cli.run.paths.extend(listed);
    // `--format json` is `--json`, which every mode already knows.
    if cli.run.format == Some(args::Format::Json) {
        cli.run.json = true;
        cli.run.format = None;
    }
    match cli.command {
        Some(Command::Dict(cmd)) => dict::run(cmd, &cli.run.dicts),
        Some(Command::Scan(args)) => scan::run(&args, &cli.run),
        Some(Command::Eval(args)) => eval::run(&args, &cli.run.dicts),
        Some(Command::Learn(args)) => learn::run(&args, &cli.run.dicts),
        Some(Command::Apply {
            edits,
            root,
            encoding,
        }) => apply::run(&edits, &root, encoding),
        Some(Command::Config { .. }) => {
            print!("{}", config::show::show(file.as_ref(), &matches, &given));
            OK
        }
        Some(Command::Completions { shell }) => docs::completions(shell),
        Some(Command::Man) => docs::man(),
        None if cli.run.interactive => interactive::run(&cli.run),
        None => repair::run(&cli.run),
    }
}

/// Prints `unspin: message` on stderr; returns the error status.
pub fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("unspin: {message}");
    ERROR
}
