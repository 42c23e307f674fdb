//! Config files: the flags a project always wants (its dictionaries, excludes, thresholds),
//! written once in `unspin.toml`, `.unspin.toml` or `[tool.unspin]` of `pyproject.toml`, found
//! in the folder of each path or the nearest one above it (the current folder for standard
//! input), or named with `--config FILE`; `--no-config` reads none.
//!
//! A config file is the command's concern, not the library's: each setting is a long flag of
//! the command, so the file's settings are put before the command line's own arguments and
//! clap parses both together. The command line wins: a value given there overrides the file's,
//! and lists (`dict`, `glob`, `exclude`) add to the file's. Repair runs, `scan` and `config`
//! read config files; `dict`, `eval`, `learn` and `apply` take their own arguments only.

mod file;
mod keys;
pub mod show;

use super::args::{Cli, Command};
use clap::{ArgMatches, CommandFactory, FromArgMatches};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use file::File;

/// The command line with a config file's settings: the parsed arguments, their matches, and
/// the file they came from.
pub struct Resolved {
    pub cli: Cli,
    pub matches: ArgMatches,
    pub file: Option<File>,
}

/// The paths whose folders are searched for a config file, for commands that read one.
pub fn paths_of(cli: &Cli) -> Option<&[PathBuf]> {
    match &cli.command {
        None => Some(&cli.run.paths),
        Some(Command::Scan(args)) => Some(&args.paths),
        Some(Command::Config { paths }) => Some(paths),
        Some(_) => None,
    }
}

/// `argv` (already parsed as `cli`, `given`) with the config file that applies to `paths`.
pub fn resolve(
    argv: &[OsString],
    cli: Cli,
    given: ArgMatches,
    paths: &[PathBuf],
) -> Result<Resolved, String> {
    let file = if cli.run.no_config {
        None
    } else if let Some(path) = &cli.run.config {
        Some(file::load(path)?)
    } else {
        find(paths)?.map(|p| file::load(&p)).transpose()?
    };
    let Some(file) = file else {
        return Ok(Resolved {
            cli,
            matches: given,
            file: None,
        });
    };
    // Each setting alone first, so that a bad value is reported at its line.
    for s in &file.settings {
        let alone = std::iter::once(OsString::from("unspin")).chain(s.tokens.iter().cloned());
        if let Err(e) = Cli::command().try_get_matches_from(alone) {
            return Err(format!(
                "{}:{}: {}: {}",
                file.path.display(),
                s.line,
                s.key.name,
                clap_message(&e)
            ));
        }
    }
    let tokens = file.settings.iter().flat_map(|s| s.tokens.iter().cloned());
    let merged: Vec<OsString> = argv[..1]
        .iter()
        .cloned()
        .chain(tokens)
        .chain(argv[1..].iter().cloned())
        .collect();
    let matches = Cli::command()
        .try_get_matches_from(merged)
        .unwrap_or_else(|e| e.exit());
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    Ok(Resolved {
        cli,
        matches,
        file: Some(file),
    })
}

/// clap's message without its `error:` and usage lines, on one line.
fn clap_message(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let lines: Vec<&str> = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    lines.join(" ").trim_start_matches("error: ").to_string()
}

/// The names looked for in each folder, first found first taken; a `pyproject.toml` counts only
/// with a `[tool.unspin]` table.
const NAMES: [&str; 3] = ["unspin.toml", ".unspin.toml", "pyproject.toml"];

/// The config file for `paths`: the nearest to each, which must be the same for all of them
/// (one run has one configuration).
fn find(paths: &[PathBuf]) -> Result<Option<PathBuf>, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("current folder: {e}"))?;
    let named: Vec<&Path> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(PathBuf::as_path)
        .collect();
    let starts = if named.is_empty() {
        vec![Path::new(".")]
    } else {
        named
    };
    let mut nearest: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut found: Option<(&Path, Option<PathBuf>)> = None;
    for path in starts {
        let full = cwd.join(path);
        let dir = if full.is_dir() {
            full.as_path()
        } else {
            full.parent().unwrap_or(&full)
        };
        let config = nearest
            .entry(dir.to_path_buf())
            .or_insert_with(|| nearest_config(dir))
            .clone();
        match &found {
            None => found = Some((path, config)),
            Some((first, theirs)) if *theirs != config => {
                let name = |c: &Option<PathBuf>| {
                    c.as_ref()
                        .map_or("none".into(), |c| shown(c, &cwd).display().to_string())
                };
                return Err(format!(
                    "{} and {} have different config files ({} and {}): run them apart, or \
                     name one with --config (or --no-config)",
                    first.display(),
                    path.display(),
                    name(theirs),
                    name(&config)
                ));
            }
            Some(_) => {}
        }
    }
    Ok(found.and_then(|(_, c)| c).map(|c| shown(&c, &cwd)))
}

/// The config file in `dir` or the nearest folder above it.
fn nearest_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find_map(|d| {
        NAMES
            .iter()
            .map(|n| d.join(n))
            .find(|c| c.is_file() && (!c.ends_with("pyproject.toml") || file::has_tool_table(c)))
    })
}

/// `path` relative to the current folder when it lies below it, as the user would write it.
fn shown(path: &Path, cwd: &Path) -> PathBuf {
    path.strip_prefix(cwd)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}
