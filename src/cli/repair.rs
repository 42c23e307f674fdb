//! `unspin [PATH...]`: repair standard input or files; print, diff, check, report or write.

use super::args::{ColorChoice, DiffStyle, RunArgs, SuspectChoice};
use super::{fail, ERROR, FOUND, OK};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use unspin::edit::{self, LineIndex};
use unspin::engine::{Engine, Options, Repair, Suspects};
use unspin::print::{diff, explain, json, Style};
use unspin::read::{self, Skip};
use unspin::Dictionary;

/// What a run has seen so far, for the exit code.
#[derive(Default)]
struct Status {
    found: bool,
    error: bool,
}

pub fn run(args: &RunArgs) -> u8 {
    let dict = match Dictionary::load(!args.dicts.no_builtin, &args.dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    let engine = match Engine::new(dict, options(args)) {
        Ok(engine) => engine,
        Err(e) => return fail(e),
    };
    let style = Style {
        color: use_color(args.color),
    };
    let mut status = Status::default();
    let stdin_only = args.paths.is_empty() || args.paths.iter().all(|p| p.as_os_str() == "-");
    if stdin_only {
        if args.write {
            return fail(
                "--write needs file paths (standard input has nowhere to be written back)",
            );
        }
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            return fail(format_args!("<stdin>: {e}"));
        }
        one(
            &engine,
            args,
            style,
            "<stdin>",
            None,
            Ok(bytes),
            &mut status,
        );
    } else {
        for path in &args.paths {
            let shown = path.display().to_string();
            let bytes = if path.is_dir() {
                Err("is a directory".to_string())
            } else {
                std::fs::read(path).map_err(|e| e.to_string())
            };
            one(&engine, args, style, &shown, Some(path), bytes, &mut status);
        }
    }
    if status.error {
        ERROR
    } else if status.found && args.check {
        FOUND
    } else {
        OK
    }
}

fn options(args: &RunArgs) -> Options {
    Options {
        suspects: match args.engine.suspects {
            SuspectChoice::Auto => Suspects::Auto,
            SuspectChoice::Always => Suspects::Always,
            SuspectChoice::Never => Suspects::Never,
        },
        spun_threshold: args.engine.spun_threshold,
        ..Options::default()
    }
}

fn use_color(choice: ColorChoice) -> bool {
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

/// Repairs one input and prints what the mode asks for; `path` is where to write back.
fn one(
    engine: &Engine,
    args: &RunArgs,
    style: Style,
    shown: &str,
    path: Option<&Path>,
    bytes: Result<Vec<u8>, String>,
    status: &mut Status,
) {
    let mut out = String::new();
    let mut err = String::new();
    let text = match bytes.map(read::text) {
        Err(message) => {
            problem(args, shown, &message, true, &mut out, &mut err);
            status.error = true;
            return flush(&out, &err);
        }
        Ok(Err(Skip::Empty)) => {
            problem(
                args,
                shown,
                &Skip::Empty.to_string(),
                false,
                &mut out,
                &mut err,
            );
            return flush(&out, &err);
        }
        Ok(Err(skip)) => {
            problem(args, shown, &skip.to_string(), true, &mut out, &mut err);
            status.error = true;
            return flush(&out, &err);
        }
        Ok(Ok(text)) => text,
    };
    let repair = engine.repair(&text);
    status.found |= !repair.edits.is_empty();
    let repaired = edit::apply(&text, &repair.edits);
    let mut written = false;
    if args.write && !repair.edits.is_empty() {
        let path = path.expect("write mode has paths");
        match unspin::write::replace(path, repaired.as_bytes()) {
            Ok(()) => written = true,
            Err(e) => {
                problem(args, shown, &e.to_string(), true, &mut out, &mut err);
                status.error = true;
            }
        }
    }
    let index = std::cell::OnceCell::new();
    let index = || index.get_or_init(|| LineIndex::new(&text));
    let explain_all = |sink: &mut String, prefix: &str| {
        for e in &repair.edits {
            sink.push_str(prefix);
            sink.push_str(&explain::edit(shown, &text, index(), e));
            sink.push('\n');
        }
    };
    if args.json {
        for e in &repair.edits {
            out.push_str(&json::edit(shown, &text, index(), e).line());
        }
        out.push_str(&json::file(shown, &repair, written).line());
    } else if let Some(kind) = args.diff {
        if !repair.edits.is_empty() {
            explain_all(&mut out, "# ");
            out.push_str(&match kind {
                DiffStyle::Unified => diff::unified(shown, &text, &repaired, style),
                DiffStyle::Words => diff::words(shown, &text, &repair.edits, style),
            });
        }
    } else if !args.check && !args.write {
        out.push_str(&repaired);
    }
    if !args.json {
        report(args, shown, &repair, written, &mut err);
        if args.verbose && args.diff.is_none() {
            explain_all(&mut err, "");
        }
    }
    flush(&out, &err);
}

/// The per-file line on stderr: always when something was written, otherwise when there were
/// repairs (the printed text alone would not say what changed).
fn report(args: &RunArgs, shown: &str, repair: &Repair, written: bool, err: &mut String) {
    if repair.edits.is_empty() {
        if args.verbose || args.check {
            err.push_str(&format!("{shown}: nothing to repair\n"));
        }
        return;
    }
    let verb = if written {
        "written"
    } else if args.write {
        "not written"
    } else if args.check {
        "needed"
    } else {
        "found"
    };
    err.push_str(&explain::summary(shown, repair, verb));
    err.push('\n');
}

fn problem(
    args: &RunArgs,
    shown: &str,
    message: &str,
    is_error: bool,
    out: &mut String,
    err: &mut String,
) {
    if args.json {
        let record = if is_error {
            json::Record::Error {
                path: shown,
                message: message.to_string(),
            }
        } else {
            json::Record::Skip {
                path: shown,
                reason: message.to_string(),
            }
        };
        out.push_str(&record.line());
    }
    err.push_str(&format!(
        "{}{shown}: {message}\n",
        if is_error { "unspin: " } else { "" }
    ));
}

fn flush(out: &str, err: &str) {
    // A closed pipe (`unspin f | head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    let _ = std::io::stderr().lock().write_all(err.as_bytes());
}
