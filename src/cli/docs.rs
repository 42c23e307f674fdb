//! `unspin completions SHELL` and `unspin man`: shell completions and the manual page, made
//! from the same clap definition as `--help`, so they cannot drift from the flags. The copies
//! under `doc/` are checked against these by `tests/it/docs_current.rs`.

use super::args::Cli;
use clap::CommandFactory;
use std::io::Write;

pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "unspin", &mut out);
    write(&out)
}

pub fn man() -> u8 {
    let mut out = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => write(&out),
        Err(e) => super::fail(format_args!("man page: {e}")),
    }
}

fn write(bytes: &[u8]) -> u8 {
    // A closed pipe (`unspin man | head`) is not worth an error.
    let _ = std::io::stdout().lock().write_all(bytes);
    super::OK
}
