//! One input -> one outcome: decode it, repair its prose window by window, render what the mode
//! asks for as it is made (to an [`Out`]: buffered whole, or handed on in pieces, so parallel runs
//! never interleave), and write it back through the caller's [`WriteBack`]. Standard input,
//! folders and `scan` go through here; `-i` and `--jsonl-field` use [`repair_prose`].

use super::args::{DiffStyle, FileType, Format, RunArgs};
use super::out::Out;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use unspin::dict::model::Rule;
use unspin::edit::{Edit, LineIndex};
use unspin::engine::context::detect::Spin;
use unspin::engine::{Engine, Repair, Score, Windows};

use unspin::fs::read::{self, Legacy, Skip};
use unspin::fs::write::Pending;
use unspin::print::explain::{self, Detail, Said};
use unspin::print::json::PathName;
use unspin::print::{diff, github, json, sarif, Sink, Style};
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

/// A file's output (what is not handed on yet), and what became of it.
pub struct Outcome {
    pub out: String,
    pub err: String,
    pub result: FileResult,
    /// With `--format sarif`, the rules of the file's edits (the log lists them at its end).
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

/// Puts a file's repair in place (`-w`).
pub trait WriteBack {
    /// Starts the file's replacement, to be written as the repair is made; `original` (the
    /// bytes as read) is backed up first, when a backup is asked.
    fn open(&self, original: &[u8]) -> Result<Pending<'_>, String>;

    /// Puts the replacement in place.
    fn commit(&self, new: Pending<'_>) -> Result<(), String>;
}

/// Repairs one input and renders what the mode asks for to `out` (as it is made: a large file
/// is read window by window, and only its output is ever whole, if `out` keeps it); `write`
/// puts the repair in place.
pub fn one(
    engine: &Engine,
    args: &RunArgs,
    style: Style,
    shown: &str,
    input: Input,
    write: Option<&dyn WriteBack>,
    mut out: Out,
) -> Outcome {
    let mut early = String::new();
    let mut err = String::new();
    let name = PathName::new(shown, input.path);
    let bytes = match input.bytes {
        Ok(bytes) => bytes,
        Err(ReadProblem::Io(message)) => {
            problem(args, name, &message, true, &mut early, &mut err);
            return Outcome::new(early, err, FileResult::Error);
        }
        Err(ReadProblem::TooLarge { size, limit }) => {
            return skip(
                args,
                name,
                Skip::TooLarge { size, limit },
                input.named,
                early,
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
            problem(
                args,
                name,
                &Skip::Empty.to_string(),
                false,
                &mut early,
                sink,
            );
            let result = FileResult::Scanned {
                edits: 0,
                repaired: false,
                score: Score::default(),
                spun: false,
                spin: None,
            };
            return Outcome::new(early, err, result);
        }
        Err(s) => return skip(args, name, s, input.named, early, err),
    };
    let mut windows = match prose_windows(engine, input.kind, &text, input.template) {
        Ok(windows) => windows,
        Err(e) => {
            problem(args, name, &e, true, &mut early, &mut err);
            return Outcome::new(early, err, FileResult::Error);
        }
    };
    if let (Some(legacy), true) = (legacy, args.verbose) {
        err.push_str(&format!("{shown}: read as {}\n", legacy.name()));
    }
    let (score, spun) = (windows.score(), windows.spun());
    let spin = windows.spin().cloned();
    if args.min_score.is_some_and(|min| score.per_thousand() < min) {
        // Read through, so as to say how many repairs are left alone; none is made.
        let left: usize = windows.by_ref().map(|edits| edits.len()).sum();
        if args.verbose && left > 0 {
            err.push_str(&format!(
                "{shown}: spin score {:.1} below --min-score, {left} repairs left alone\n",
                score.per_thousand(),
            ));
        }
    }
    let index = std::cell::OnceCell::new();
    let index = || index.get_or_init(|| LineIndex::new(&text));
    let mut show = Show::new(args, style, shown, input.path, &text, index);
    let mut rewrite = match write {
        Some(write) if args.write => Rewrite::Idle(write),
        _ => Rewrite::Off,
    };
    // The -v list, said after the file's line.
    let mut explained = Said::default();
    let mut edits = 0;
    let mut failed = false;
    // With --format sarif, each rule met once (the log lists them at its end).
    let mut rules: Vec<Arc<Rule>> = Vec::new();
    let mut met = std::collections::HashSet::new();
    for mut found in windows {
        if found.is_empty() {
            continue;
        }
        if html {
            for e in &mut found {
                e.to = unspin::prose::html::escape(&e.to).into_owned();
            }
        }
        if let Err(e) = rewrite.edits(&text, legacy.is_some(), &found) {
            problem(args, name, &e, true, &mut out, &mut err);
            failed = true;
        }
        for e in &found {
            show.edit(name, &text, index, e, &mut out);
            if args.format == Some(Format::Sarif) && met.insert(Arc::as_ptr(&e.rule)) {
                rules.push(e.rule.clone());
            }
            // The diffs carry their reasons; the other modes list them with -v.
            if args.verbose && !args.json && args.diff.is_none() {
                explained.push(e, args.detail());
            }
        }
        edits += found.len();
    }
    let written = match rewrite.finish(&text, legacy) {
        Ok(written) => written,
        Err(e) => {
            problem(args, name, &e, true, &mut out, &mut err);
            failed = true;
            false
        }
    };
    let sha256 = show.finish(&text, &mut out);
    if args.json {
        let sha256 = sha256.as_deref().unwrap_or_default();
        let verdict = json::Verdict::new(score, spun, spin.as_ref());
        out.push_str(&json::file(name, edits, verdict, written, sha256).line());
    } else {
        report(args, shown, (edits, score, spun), written, &mut err);
        // A diff is UTF-8 like all printed text: its lines are not this file's bytes.
        if let (Some(legacy), Some(DiffStyle::Unified), true) = (legacy, args.diff, edits > 0) {
            err.push_str(&format!(
                "{shown}: read as {}, but the diff is UTF-8: git apply and patch will not take \
                 its hunks (-w writes the repair in the file's encoding)\n",
                legacy.name()
            ));
        }
    }
    let (out, err) = if explained.is_empty() {
        (out.into_rest().0, err)
    } else {
        // As long as the file's edits: said as it is made, after the output.
        out.stderr();
        out.push_str(&err);
        for line in explained.take(shown, &text, index()) {
            out.push_str(&line);
            out.push('\n');
        }
        out.into_rest()
    };
    let result = if failed {
        FileResult::Error
    } else {
        FileResult::Scanned {
            edits,
            repaired: edits > 0 && (written || !args.write),
            score,
            spun,
            spin,
        }
    };
    Outcome {
        out,
        err,
        result,
        rules,
    }
}

/// What the mode shows of each edit, on standard output.
enum Show<'t> {
    /// JSON Lines; the SHA-256 of the text read.
    Json(String),
    Sarif(sarif::Results<'t>),
    /// GitHub annotations; the file as they name it, and how much of each reason they give.
    Github(String, Detail),
    Unified(diff::Unified<'t>),
    Words(diff::Words<'t>),
    /// The repaired text; how far the text read is written.
    Text(usize),
    Nothing,
}

impl<'t> Show<'t> {
    fn new(
        args: &RunArgs,
        style: Style,
        shown: &'t str,
        path: Option<&Path>,
        text: &'t str,
        index: impl Fn() -> &'t LineIndex,
    ) -> Self {
        if args.json {
            Show::Json(unspin::fs::hash::sha256_hex(text.as_bytes()))
        } else if args.format == Some(Format::Sarif) {
            Show::Sarif(sarif::Results::new(path.unwrap_or(Path::new(shown)), text))
        } else if args.format == Some(Format::Github) {
            Show::Github(github::file(shown), args.detail())
        } else if let Some(kind) = args.diff {
            let detail = args.detail();
            match kind {
                DiffStyle::Unified => Show::Unified(diff::Unified::new(
                    shown,
                    text,
                    index(),
                    args.unified,
                    detail,
                    style,
                )),
                DiffStyle::Words => {
                    Show::Words(diff::Words::new(shown, text, index(), detail, style))
                }
            }
        } else if !args.check && !args.write {
            Show::Text(0)
        } else {
            Show::Nothing
        }
    }

    fn edit(
        &mut self,
        name: PathName,
        text: &'t str,
        index: impl Fn() -> &'t LineIndex,
        e: &Edit,
        out: &mut Out,
    ) {
        match self {
            Show::Json(sha256) => out.push_str(&json::edit(name, text, index(), e, sha256).line()),
            Show::Sarif(results) => out.push_str(&results.edit(e)),
            Show::Github(file, detail) => {
                out.push_str(&github::annotation(file, text, index(), e, *detail))
            }
            Show::Unified(diff) => diff.edit(e, out),
            Show::Words(diff) => diff.edit(e, out),
            Show::Text(at) => {
                out.push_str(&text[*at..e.range.start]);
                out.push_str(&e.to);
                *at = e.range.end;
            }
            Show::Nothing => {}
        }
    }

    /// Ends the output; returns the SHA-256 of the text read, for JSON's file record.
    fn finish(self, text: &str, out: &mut Out) -> Option<String> {
        match self {
            Show::Json(sha256) => return Some(sha256),
            Show::Unified(diff) => diff.finish(out),
            Show::Words(diff) => diff.finish(out),
            Show::Text(at) => out.push_str(&text[at..]),
            Show::Sarif(_) | Show::Github(..) | Show::Nothing => {}
        }
        None
    }
}

/// The repaired bytes on their way back to the file (`-w`): its replacement is opened at the
/// first edit and written as the repair is made (in a legacy encoding, the repaired text is
/// gathered and encoded at the end).
enum Rewrite<'w> {
    Off,
    /// No edit yet.
    Idle(&'w dyn WriteBack),
    /// The replacement, and how far the text read is written to it.
    Writing(&'w dyn WriteBack, Box<Pending<'w>>, usize),
    /// The repaired text so far, and how far the text read is in it.
    Gathering(&'w dyn WriteBack, String, usize),
    /// Given up (said once).
    Failed,
}

impl Rewrite<'_> {
    /// Writes the text up to and through `edits`.
    fn edits(&mut self, text: &str, legacy: bool, edits: &[Edit]) -> Result<(), String> {
        if let Rewrite::Idle(write) = *self {
            *self = if legacy {
                Rewrite::Gathering(write, String::new(), 0)
            } else {
                match write.open(text.as_bytes()) {
                    Ok(new) => Rewrite::Writing(write, Box::new(new), 0),
                    Err(e) => {
                        *self = Rewrite::Failed;
                        return Err(e);
                    }
                }
            };
        }
        let written = match self {
            Rewrite::Writing(_, new, at) => edits.iter().try_for_each(|e| {
                new.write_all(&text.as_bytes()[*at..e.range.start])?;
                new.write_all(e.to.as_bytes())?;
                *at = e.range.end;
                Ok(())
            }),
            Rewrite::Gathering(_, repaired, at) => {
                for e in edits {
                    repaired.push_str(&text[*at..e.range.start]);
                    repaired.push_str(&e.to);
                    *at = e.range.end;
                }
                Ok(())
            }
            _ => Ok(()),
        };
        written.map_err(|e: std::io::Error| {
            *self = Rewrite::Failed;
            e.to_string()
        })
    }

    /// Puts the repair in place, if there was one: whether it was written.
    fn finish(self, text: &str, legacy: Option<Legacy>) -> Result<bool, String> {
        match (self, legacy) {
            (Rewrite::Writing(write, mut new, at), _) => {
                new.write_all(&text.as_bytes()[at..])
                    .map_err(|e| e.to_string())?;
                write.commit(*new)?;
                Ok(true)
            }
            // A file in a legacy encoding goes back in it, or not at all.
            (Rewrite::Gathering(write, mut repaired, at), Some(legacy)) => {
                repaired.push_str(&text[at..]);
                let original = legacy.encode(text)?;
                let repaired = legacy.encode(&repaired)?;
                let mut new = write.open(&original)?;
                new.write_all(&repaired).map_err(|e| e.to_string())?;
                write.commit(new)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// The repair of `text`, a file of `kind`, read window by window: of its prose only, for HTML
/// and Markdown, and without the lines of the site's `template`. The replacements of an HTML
/// file's edits are to be escaped (see [`repair_prose`]).
pub fn prose_windows<'e, 't>(
    engine: &'e Engine,
    kind: Kind,
    text: &'t str,
    template: Option<&Template>,
) -> Result<Windows<'e, 't>, String> {
    let ranges = unspin::prose::ranges(kind, text).map_err(|e| e.to_string())?;
    let ranges = match template.and_then(|t| t.cut(text, ranges.as_deref())) {
        Some(cut) => Some(cut),
        None => ranges,
    };
    Ok(match ranges {
        None => engine.windows(text),
        Some(ranges) => engine.windows_within(text, &ranges),
    })
}

/// The repair of `text`, a file of `kind`: of its prose only, for HTML and Markdown, and
/// without the lines of the site's `template`.
pub fn repair_prose(
    engine: &Engine,
    kind: Kind,
    text: &str,
    template: Option<&Template>,
) -> Result<Repair, String> {
    let mut repair = prose_windows(engine, kind, text, template)?.into_repair();
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
fn report(
    args: &RunArgs,
    shown: &str,
    (edits, score, spun): (usize, Score, bool),
    written: bool,
    err: &mut String,
) {
    if edits == 0 {
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
    err.push_str(&explain::summary(shown, edits, score, spun, verb));
    err.push('\n');
}

pub fn problem(
    args: &RunArgs,
    name: PathName,
    message: &str,
    is_error: bool,
    out: &mut impl Sink,
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
