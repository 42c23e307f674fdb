//! `unspin [PATH...]`: repair standard input or files; print, diff, check, report or write.

use super::args::{ColorChoice, DiffStyle, FileType, RunArgs};
use super::{fail, ERROR, FOUND, OK};
use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use unspin::edit::{self, LineIndex};
use unspin::engine::context::detect::Spin;
use unspin::engine::{Engine, Repair, Score};
use unspin::print::json::PathName;
use unspin::print::{diff, explain, json, Style};
use unspin::prose::Kind;
use unspin::read::{self, Skip};
use unspin::Dictionary;

pub fn run(args: &RunArgs) -> u8 {
    let dict = match Dictionary::load(!args.dicts.no_builtin, &args.dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    let style = Style {
        color: use_color(args.color),
    };
    let stdin_only = args.paths.is_empty() || args.paths.iter().all(|p| p.as_os_str() == "-");
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

/// The engine a run uses, or None after saying why it could not be built.
pub(super) fn engine(dict: Dictionary, args: &RunArgs) -> Option<Engine> {
    engine_with(dict, args.engine.options())
}

/// The engine with options of the caller's (scan's full detection).
pub(super) fn engine_with(dict: Dictionary, options: unspin::engine::Options) -> Option<Engine> {
    Engine::new(dict, options).map_err(fail).ok()
}

fn stdin(args: &RunArgs, dict: Dictionary, style: Style) -> u8 {
    if args.write {
        return fail("--write needs file paths (standard input has nowhere to be written back)");
    }
    // Up to one window is read whole; beyond that, plain text printed or checked is streamed,
    // so memory stays bounded whatever the input size.
    let windows = unspin::stream::Windows::default();
    let mut bytes = Vec::new();
    let mut input = std::io::stdin().lock();
    if let Err(e) = (&mut input)
        .take(windows.window as u64)
        .read_to_end(&mut bytes)
    {
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
        flush(&out, if args.quiet { "" } else { &err });
        return OK;
    }
    let Some(engine) = engine(dict, args) else {
        return ERROR;
    };
    // Freeing a large dictionary just before exit is wasted work.
    let engine: &Engine = Box::leak(Box::new(engine));
    let kind = kind_of(args, None);
    // A legacy encoding is decoded whole (a window could end inside a character).
    let streamable =
        kind == Kind::Text && args.diff.is_none() && !args.json && args.batch.encoding.is_none();
    if bytes.len() == windows.window && streamable {
        return stream(
            args,
            engine,
            std::io::Cursor::new(bytes).chain(input),
            windows,
        );
    }
    if let Err(e) = input.read_to_end(&mut bytes) {
        return fail(format_args!("<stdin>: {e}"));
    }
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
        },
        None,
    );
    flush(&outcome.out, &outcome.err);
    match outcome.result {
        FileResult::Error => ERROR,
        FileResult::Scanned { edits, .. } if edits > 0 && args.check => FOUND,
        _ => OK,
    }
}

/// Standard input too large to hold whole: repaired window by window (see `unspin::stream`),
/// printed unless checking; each edit is reported by byte offset with `-v`.
fn stream(
    args: &RunArgs,
    engine: &Engine,
    input: impl Read,
    windows: unspin::stream::Windows,
) -> u8 {
    let stdout = std::io::stdout().lock();
    let mut out: Box<dyn Write> = if args.check {
        Box::new(std::io::sink())
    } else {
        Box::new(std::io::BufWriter::with_capacity(1 << 20, stdout))
    };
    let mut err = std::io::stderr().lock();
    let result = unspin::stream::repair(engine, input, &mut out, windows, |e, base| {
        let reason = explain::reason(e, args.detail());
        if let (true, Some(reason)) = (args.verbose, reason) {
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

/// How the file at `path` is written (`None`: standard input).
pub fn kind_of(args: &RunArgs, path: Option<&Path>) -> Kind {
    match args.batch.file_type {
        FileType::Text => Kind::Text,
        FileType::Html => Kind::Html,
        FileType::Markdown => Kind::Markdown,
        FileType::Auto => path.map_or(Kind::Text, Kind::of_path),
    }
}

pub(super) fn use_color(choice: ColorChoice) -> bool {
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

/// One input: its path (none for standard input), its bytes (or why they could not be read),
/// whether it was named on the command line (a named file that is binary is an error, a walked
/// one is skipped), and its kind.
pub struct Input<'a> {
    pub path: Option<&'a Path>,
    pub bytes: Result<Vec<u8>, ReadProblem>,
    pub named: bool,
    pub kind: Kind,
}

/// Why an input's bytes are missing.
pub enum ReadProblem {
    Io(String),
    TooLarge { size: u64, limit: u64 },
}

/// What became of one input.
#[derive(Debug, Clone, PartialEq)]
pub enum FileResult {
    Scanned {
        edits: usize,
        repaired: bool,
        score: Score,
        /// Whether the document counted as spun, and the context model's estimate.
        spun: bool,
        spin: Option<Spin>,
    },
    Skipped(Skip),
    /// A symbolic link met while walking, not followed.
    Symlink,
    Error,
    /// Not looked at: the run was interrupted first.
    Dropped,
}

/// A file's output, buffered whole so that parallel runs never interleave.
pub struct Outcome {
    pub out: String,
    pub err: String,
    pub result: FileResult,
}

/// Writes the repaired bytes back (the original bytes come along for a backup).
pub type WriteBack<'a> = &'a dyn Fn(&[u8], &[u8]) -> Result<(), String>;

/// Repairs one input and renders what the mode asks for; `write` puts the repair in place.
pub fn one(
    engine: &Engine,
    args: &RunArgs,
    style: Style,
    shown: &str,
    input: Input,
    write: Option<WriteBack>,
) -> Outcome {
    let mut out = String::new();
    let mut err = String::new();
    let name = PathName::new(shown, input.path);
    let bytes = match input.bytes {
        Ok(bytes) => bytes,
        Err(ReadProblem::Io(message)) => {
            problem(args, name, &message, true, &mut out, &mut err);
            return Outcome {
                out,
                err,
                result: FileResult::Error,
            };
        }
        Err(ReadProblem::TooLarge { size, limit }) => {
            return skip(
                args,
                name,
                Skip::TooLarge { size, limit },
                input.named,
                out,
                err,
            );
        }
    };
    let html = input.kind == Kind::Html;
    let (text, legacy) = match read::decode(bytes, html, args.batch.encoding) {
        Ok(read::Decoded { text, legacy }) => (text, legacy),
        Err(Skip::Empty) => {
            let mut quiet = String::new();
            let sink = if (input.named && !args.quiet) || args.verbose {
                &mut err
            } else {
                &mut quiet
            };
            problem(args, name, &Skip::Empty.to_string(), false, &mut out, sink);
            return Outcome {
                out,
                err,
                result: FileResult::Scanned {
                    edits: 0,
                    repaired: false,
                    score: Score::default(),
                    spun: false,
                    spin: None,
                },
            };
        }
        Err(s) => return skip(args, name, s, input.named, out, err),
    };
    let mut repair = match repair_prose(engine, input.kind, &text) {
        Ok(repair) => repair,
        Err(e) => {
            problem(args, name, &e, true, &mut out, &mut err);
            return Outcome {
                out,
                err,
                result: FileResult::Error,
            };
        }
    };
    if let (Some(legacy), true) = (legacy, args.verbose) {
        err.push_str(&format!("{shown}: read as {}\n", legacy.name()));
    }
    let below = args
        .min_score
        .is_some_and(|min| repair.score.per_thousand() < min);
    if below && !repair.edits.is_empty() {
        if args.verbose {
            err.push_str(&format!(
                "{shown}: spin score {:.1} below --min-score, {} repairs left alone\n",
                repair.score.per_thousand(),
                repair.edits.len()
            ));
        }
        repair.edits.clear();
    }
    let repaired = edit::apply(&text, &repair.edits);
    let mut written = false;
    let mut failed = false;
    if let (true, Some(write)) = (args.write && !repair.edits.is_empty(), write) {
        // A file in a legacy encoding goes back in it, or not at all.
        let bytes = match legacy {
            None => Ok((text.as_bytes().into(), repaired.as_bytes().into())),
            Some(legacy) => legacy
                .encode(&text)
                .and_then(|original| Ok((original.into(), legacy.encode(&repaired)?.into()))),
        };
        let written_back =
            bytes.and_then(|(original, new): (Cow<[u8]>, Cow<[u8]>)| write(&original, &new));
        match written_back {
            Ok(()) => written = true,
            Err(e) => {
                problem(args, name, &e, true, &mut out, &mut err);
                failed = true;
            }
        }
    }
    let index = std::cell::OnceCell::new();
    let index = || index.get_or_init(|| LineIndex::new(&text));
    if args.json {
        let sha256 = unspin::hash::sha256_hex(text.as_bytes());
        for e in &repair.edits {
            out.push_str(&json::edit(name, &text, index(), e, &sha256).line());
        }
        out.push_str(&json::file(name, &repair, written, &sha256).line());
    } else if let Some(kind) = args.diff {
        let (edits, detail) = (&repair.edits, args.detail());
        out.push_str(&match kind {
            DiffStyle::Unified => diff::unified(shown, &text, edits, args.unified, detail, style),
            DiffStyle::Words => diff::words(shown, &text, edits, detail, style),
        });
    } else if !args.check && !args.write {
        out = repaired; // nothing else goes to stdout in this mode; no second copy of the text
    }
    if !args.json {
        report(args, shown, &repair, written, &mut err);
        // The diffs carry their reasons; the other modes list them with -v.
        if args.verbose && args.diff.is_none() {
            for e in &repair.edits {
                if let Some(line) = explain::edit(shown, &text, index(), e, args.detail()) {
                    err.push_str(&line);
                    err.push('\n');
                }
            }
        }
    }
    let edits = repair.edits.len();
    let result = if failed {
        FileResult::Error
    } else {
        FileResult::Scanned {
            edits,
            repaired: edits > 0 && (written || !args.write),
            score: repair.score,
            spun: repair.spun,
            spin: repair.spin.clone(),
        }
    };
    Outcome { out, err, result }
}

/// The repair of `text`, a file of `kind`: of its prose only, for HTML and Markdown.
pub(super) fn repair_prose(engine: &Engine, kind: Kind, text: &str) -> Result<Repair, String> {
    match unspin::prose::ranges(kind, text) {
        Ok(None) => Ok(engine.repair(text)),
        Ok(Some(ranges)) => {
            let mut repair = engine.repair_within(text, &ranges);
            if kind == Kind::Html {
                for e in &mut repair.edits {
                    e.to = unspin::prose::html::escape(&e.to).into_owned();
                }
            }
            Ok(repair)
        }
        Err(e) => Err(e.to_string()),
    }
}

/// A file that is not text unspin may repair: an error when named, else a counted skip (its
/// line on stderr only with --verbose, saying so).
fn skip(
    args: &RunArgs,
    name: PathName,
    skip: Skip,
    named: bool,
    mut out: String,
    mut err: String,
) -> Outcome {
    let mut quiet = String::new();
    let sink = if named || args.verbose {
        &mut err
    } else {
        &mut quiet
    };
    let message = if named {
        skip.to_string()
    } else {
        format!("{skip}, skipped")
    };
    problem(args, name, &message, named, &mut out, sink);
    Outcome {
        out,
        err,
        result: if named {
            FileResult::Error
        } else {
            FileResult::Skipped(skip)
        },
    }
}

/// The per-file line on stderr, for a file with repairs (the printed text alone would not say
/// what changed); for a clean file only with -v, as `rg` and `typos` say nothing of clean
/// files. With -q, only `--check` names the files that need repair.
fn report(args: &RunArgs, shown: &str, repair: &Repair, written: bool, err: &mut String) {
    if repair.edits.is_empty() {
        if args.verbose {
            err.push_str(&format!("{shown}: nothing to repair\n"));
        }
        return;
    }
    if args.quiet && !args.check {
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

pub fn problem(
    args: &RunArgs,
    name: PathName,
    message: &str,
    is_error: bool,
    out: &mut String,
    err: &mut String,
) {
    if args.json {
        let record = if is_error {
            json::Record::Error {
                path: name,
                message: message.to_string(),
            }
        } else {
            json::Record::Skip {
                path: name,
                reason: message.to_string(),
            }
        };
        out.push_str(&record.line());
    }
    err.push_str(&format!(
        "{}{name}: {message}\n",
        if is_error { "unspin: " } else { "" }
    ));
}

pub fn flush(out: &str, err: &str) {
    // A closed pipe (`unspin f | head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    let _ = std::io::stderr().lock().write_all(err.as_bytes());
}
