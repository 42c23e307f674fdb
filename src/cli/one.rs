//! One input -> one outcome: decode it, repair its prose, render what the mode asks for into
//! buffers (so parallel runs never interleave), and write it back through the caller's closure.
//! Standard input, folders, `scan` and `-i` all go through here.

use super::args::{DiffStyle, FileType, Format, RunArgs};
use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use unspin::dict::model::Rule;
use unspin::edit::{self, LineIndex};
use unspin::engine::context::detect::Spin;
use unspin::engine::{Engine, Repair, Score};
use unspin::fs::read::{self, Skip};
use unspin::print::json::PathName;
use unspin::print::{diff, explain, github, json, sarif, Style};
use unspin::prose::template::Template;
use unspin::prose::Kind;

/// How the file at `path` is written (`None`: standard input).
pub fn kind_of(args: &RunArgs, path: Option<&Path>) -> Kind {
    match args.batch.file_type {
        FileType::Text => Kind::Text,
        FileType::Html => Kind::Html,
        FileType::Markdown => Kind::Markdown,
        FileType::Auto => path.map_or(Kind::Text, Kind::of_path),
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
    /// The lines the run's files repeat, left out of this one's repair.
    pub template: Option<&'a Template>,
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
    /// With `--format sarif`, the rules of the edits in `out` (the log lists them at its end).
    pub rules: Vec<Arc<Rule>>,
}

impl Outcome {
    pub fn new(out: String, err: String, result: FileResult) -> Self {
        Outcome {
            out,
            err,
            result,
            rules: Vec::new(),
        }
    }
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
            return Outcome::new(out, err, FileResult::Error);
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
            let result = FileResult::Scanned {
                edits: 0,
                repaired: false,
                score: Score::default(),
                spun: false,
                spin: None,
            };
            return Outcome::new(out, err, result);
        }
        Err(s) => return skip(args, name, s, input.named, out, err),
    };
    let mut repair = match repair_prose(engine, input.kind, &text, input.template) {
        Ok(repair) => repair,
        Err(e) => {
            problem(args, name, &e, true, &mut out, &mut err);
            return Outcome::new(out, err, FileResult::Error);
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
    let mut rules = Vec::new();
    if args.json {
        let sha256 = unspin::fs::hash::sha256_hex(text.as_bytes());
        for e in &repair.edits {
            out.push_str(&json::edit(name, &text, index(), e, &sha256).line());
        }
        out.push_str(&json::file(name, &repair, written, &sha256).line());
    } else if args.format == Some(Format::Sarif) {
        let path = input.path.unwrap_or(Path::new(shown));
        out.push_str(&sarif::results(path, &text, &repair.edits));
        rules = repair.edits.iter().map(|e| e.rule.clone()).collect();
    } else if args.format == Some(Format::Github) {
        let detail = args.detail();
        out.push_str(&github::annotations(
            shown,
            &text,
            index(),
            &repair.edits,
            detail,
        ));
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
    Outcome {
        out,
        err,
        result,
        rules,
    }
}

/// The repair of `text`, a file of `kind`: of its prose only, for HTML and Markdown, and
/// without the lines of the site's `template`.
pub fn repair_prose(
    engine: &Engine,
    kind: Kind,
    text: &str,
    template: Option<&Template>,
) -> Result<Repair, String> {
    let ranges = unspin::prose::ranges(kind, text).map_err(|e| e.to_string())?;
    let ranges = match template.and_then(|t| t.cut(text, ranges.as_deref())) {
        Some(cut) => Some(cut),
        None => ranges,
    };
    let Some(ranges) = ranges else {
        return Ok(engine.repair(text));
    };
    let mut repair = engine.repair_within(text, &ranges);
    if kind == Kind::Html {
        for e in &mut repair.edits {
            e.to = unspin::prose::html::escape(&e.to).into_owned();
        }
    }
    Ok(repair)
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
    let result = if named {
        FileResult::Error
    } else {
        FileResult::Skipped(skip)
    };
    Outcome::new(out, err, result)
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
    } else if is_error && args.format == Some(Format::Github) {
        out.push_str(&github::error(&name.to_string(), message));
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

/// The bytes of the opened `file`, unless it is larger than `limit` (checked before and while
/// reading, so a huge file is never loaded).
pub fn read(file: std::io::Result<File>, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let io = |e: std::io::Error| ReadProblem::Io(e.to_string());
    let file = file.map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.len() > limit {
        return Err(ReadProblem::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadProblem::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}
