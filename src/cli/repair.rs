//! `unspin [PATH...]`: repair standard input or files; print, diff, check, report or write.

use super::args::{Format, RunArgs};
use super::one::{flush, kind_of, one, problem, FileResult, Input};
use super::out::{Out, Piece};
use super::setup::{engine, use_color};
use super::{fail, ERROR, FOUND, OK};
use std::io::{Read, Write};
use unspin::engine::Engine;
use unspin::fs::read::Skip;
use unspin::print::json::PathName;
use unspin::print::sarif::Log;
use unspin::print::{explain, Style};
use unspin::prose::Kind;
use unspin::Dictionary;

pub fn run(args: &RunArgs) -> u8 {
    let dict = match Dictionary::load(!args.dicts.no_builtin, &args.dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    let style = Style {
        color: use_color(args.color),
    };
    if args.jsonl_field.is_some() {
        let Some(engine) = engine(dict, args) else {
            return ERROR;
        };
        return super::jsonl::run(args, Box::leak(Box::new(engine)));
    }
    let stdin_only = args.paths.is_empty() || args.paths.iter().all(|p| p.as_os_str() == "-");
    if stdin_only && args.files_from.is_some() && args.paths.is_empty() {
        // An empty list is nothing to do (as `xargs -r`), not a cue to read standard input.
        if args.verbose {
            eprintln!("unspin: --files-from lists no path; nothing to do");
        }
        return OK;
    }
    if stdin_only {
        return stdin(args, dict, style);
    }
    let Some(engine) = engine(dict, args) else {
        return ERROR;
    };
    let code = super::batch::run(args, &engine, style);
    // Freeing a large dictionary just before exit is wasted work.
    std::mem::forget(engine);
    code
}

/// Bytes of standard input read whole, as one document; more is streamed (when it can be).
const WHOLE: usize = 8 << 20;

fn stdin(args: &RunArgs, dict: Dictionary, style: Style) -> u8 {
    if args.write {
        return fail("--write needs file paths (standard input has nowhere to be written back)");
    }
    // Up to `WHOLE` bytes are read whole; beyond that, plain text printed or checked is
    // streamed, so memory stays bounded whatever the input size.
    let mut bytes = Vec::new();
    let mut input = std::io::stdin().lock();
    if let Err(e) = (&mut input).take(WHOLE as u64).read_to_end(&mut bytes) {
        return fail(format_args!("<stdin>: {e}"));
    }
    if bytes.is_empty() {
        // Nothing to repair, so the automaton is not even built: start-up stays a few ms.
        let (mut out, mut err) = (String::new(), String::new());
        problem(
            args,
            PathName::new("<stdin>", None),
            &Skip::Empty.to_string(),
            false,
            &mut out,
            &mut err,
        );
        flush(&whole(args, out), if args.quiet { "" } else { &err });
        return OK;
    }
    let Some(engine) = engine(dict, args) else {
        return ERROR;
    };
    // Freeing a large dictionary just before exit is wasted work.
    let engine: &Engine = Box::leak(Box::new(engine));
    let kind = kind_of(args, None);
    // A legacy encoding is decoded whole (a window could end inside a character).
    let streamable = kind == Kind::Text
        && args.diff.is_none()
        && !args.json
        && args.format.is_none()
        && args.batch.encoding.is_none();
    if bytes.len() == WHOLE && streamable {
        return stream(args, engine, std::io::Cursor::new(bytes).chain(input));
    }
    if let Err(e) = input.read_to_end(&mut bytes) {
        return fail(format_args!("<stdin>: {e}"));
    }
    // The output goes out as it is made (with --format sarif, as the results of a log).
    let log = std::cell::RefCell::new((args.format == Some(Format::Sarif)).then(|| {
        flush(&Log::head(), "");
        Log::default()
    }));
    let send = |piece: Piece| match piece {
        Piece::Out(out) => {
            let out = match &mut *log.borrow_mut() {
                Some(log) => log.results(&out, &[]),
                None => out,
            };
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
        }
        Piece::Err(err) => {
            let _ = std::io::stderr().lock().write_all(err.as_bytes());
        }
    };
    let outcome = one(
        engine,
        args,
        style,
        "<stdin>",
        Input {
            path: None,
            bytes: Ok(bytes),
            named: true,
            kind,
            template: None,
        },
        None,
        Out::sending(&send),
    );
    let ok = outcome.result != FileResult::Error;
    let out = match log.into_inner() {
        Some(mut log) => log.results(&outcome.out, &outcome.rules) + &log.tail(ok),
        None => outcome.out,
    };
    flush(&out, &outcome.err);
    match outcome.result {
        FileResult::Error => ERROR,
        FileResult::Scanned { edits, .. } if edits > 0 && args.check => FOUND,
        _ => OK,
    }
}

/// The output of empty standard input, made a whole SARIF log with `--format sarif`.
fn whole(args: &RunArgs, out: String) -> String {
    if args.format != Some(Format::Sarif) {
        return out;
    }
    let mut log = Log::default();
    let results = log.results(&out, &[]);
    format!("{}{results}{}", Log::head(), log.tail(true))
}

/// Standard input too large to hold whole: repaired window by window (see `unspin::fs::stream`),
/// printed unless checking; each edit is reported by byte offset with `-v`.
fn stream(args: &RunArgs, engine: &Engine, input: impl Read) -> u8 {
    let stdout = std::io::stdout().lock();
    let mut out: Box<dyn Write> = if args.check {
        Box::new(std::io::sink())
    } else {
        Box::new(std::io::BufWriter::with_capacity(1 << 20, stdout))
    };
    let mut err = std::io::stderr().lock();
    let windows = unspin::fs::stream::Windows::default();
    let result = unspin::fs::stream::repair(engine, input, &mut out, windows, |e, base| {
        if let (true, Some(reason)) = (args.verbose, explain::reason(e, args.detail())) {
            let at = base + e.range.start as u64;
            let _ = writeln!(err, "<stdin>@{at}: {:?} -> {:?}  {reason}", e.from, e.to);
        }
    });
    drop(out);
    match result {
        Ok(done) => {
            let said = if args.quiet {
                args.check && done.edits > 0
            } else {
                done.edits > 0 || args.check
            };
            if said {
                let verb = if args.check { "needed" } else { "found" };
                eprintln!(
                    "<stdin>: {} repairs {verb} in {} bytes (streamed)",
                    done.edits, done.bytes
                );
            }
            if done.edits > 0 && args.check {
                FOUND
            } else {
                OK
            }
        }
        Err(e) => fail(format_args!("<stdin>: {e}")),
    }
}
