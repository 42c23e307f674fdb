//! What a run's flags make: its engine, colour choice, folder walk and number of workers.

use super::args::{ColorChoice, RunArgs};
use super::fail;
use std::io::IsTerminal;
use unspin::engine::Engine;
use unspin::fs::walk;
use unspin::Dictionary;

/// The engine a run uses, or None after saying why it could not be built.
pub fn engine(dict: Dictionary, args: &RunArgs) -> Option<Engine> {
    engine_with(dict, args.engine.options())
}

/// The engine with options of the caller's (scan's full detection).
pub fn engine_with(dict: Dictionary, options: unspin::engine::Options) -> Option<Engine> {
    Engine::new(dict, options).map_err(fail).ok()
}

pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// How folders are walked for `args`.
pub fn walk_options(args: &RunArgs) -> walk::Options {
    let b = &args.batch;
    // Our own temporary files and backups are never inputs.
    let mut excludes = b.exclude.clone();
    excludes.push(".unspin-*.tmp".into());
    if let Some(suffix) = &args.backup {
        excludes.push(format!("*{}", escape_glob(suffix)));
    }
    walk::Options {
        globs: b.glob.clone(),
        excludes,
        hidden: b.hidden,
        follow: b.follow,
        sort: b.sort,
    }
}

/// Files worked on at once: `-j`, or one per core.
pub fn jobs(args: &RunArgs) -> usize {
    args.batch.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    )
}

/// `suffix` as a literal in a glob.
fn escape_glob(suffix: &str) -> String {
    suffix
        .chars()
        .flat_map(|c| {
            if "*?[]{}\\!".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect()
}
