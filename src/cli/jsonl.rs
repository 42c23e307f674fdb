//! `--jsonl-field FIELD`: documents as JSON Lines (a crawl's records, `rdd.pipe`, a shell
//! pipeline), repaired record by record. Lines are read in batches of bounded size, repaired in
//! parallel and written in input order, so memory follows the batch and the longest line
//! (at most `--max-size`), never the input.

use super::args::{BadLines, RunArgs};
use super::one::{kind_of, repair_prose};
use super::setup;
use super::{fail, ERROR, FOUND, OK};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use unspin::engine::Engine;
use unspin::print::explain;
use unspin::print::json::RecordMeta;
use unspin::prose::jsonl::Record;

/// Lines repaired together: enough to keep every worker busy ...
const BATCH_LINES: usize = 512;
/// ... and a bound on the bytes they hold.
const BATCH_BYTES: usize = 8 << 20;

/// One line read: its number and bytes, or why it could not be taken whole.
struct Line {
    number: u64,
    bytes: Vec<u8>,
    too_long: bool,
}

/// What became of one line.
struct Done {
    /// The line to write (None: dropped).
    out: Option<Vec<u8>>,
    err: String,
    edits: usize,
    bad: bool,
    /// A record was read (not a blank line, not a bad one).
    record: bool,
}

#[derive(Default)]
struct Tally {
    records: u64,
    repaired: u64,
    edits: u64,
    bad: u64,
}

pub fn run(args: &RunArgs, engine: &Engine) -> u8 {
    let stdin = [std::path::PathBuf::from("-")];
    let inputs = if args.paths.is_empty() {
        &stdin[..]
    } else {
        &args.paths[..]
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(setup::jobs(args))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => return fail(e),
    };
    let mut out: Box<dyn Write> = if args.check {
        Box::new(std::io::sink())
    } else {
        Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout().lock()))
    };
    let mut tally = Tally::default();
    let mut status = OK;
    for path in inputs {
        let stdin = path.as_os_str() == "-";
        let shown = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let reader: Box<dyn BufRead> = if stdin {
            Box::new(std::io::stdin().lock())
        } else if path.is_dir() {
            status = fail(format_args!(
                "{shown}: a folder; --jsonl-field reads files or standard input"
            ));
            continue;
        } else {
            match std::fs::File::open(path) {
                Ok(file) => Box::new(BufReader::with_capacity(1 << 20, file)),
                Err(e) => {
                    status = fail(format_args!("{shown}: {e}"));
                    continue;
                }
            }
        };
        match file(args, engine, &pool, &shown, reader, &mut out, &mut tally) {
            Ok(true) => {}
            Ok(false) => {
                status = ERROR;
                break;
            }
            Err(e) => {
                status = fail(format_args!("{shown}: {e}"));
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    break;
                }
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            status = fail(format_args!("<stdout>: {e}"));
        }
    }
    if !args.quiet {
        let fate = match args.bad_lines {
            BadLines::Keep => "passed through",
            BadLines::Drop => "dropped",
            BadLines::Error => "stopped the run",
        };
        eprintln!(
            "{} records, {} repaired ({} edits), {} bad lines {fate}",
            tally.records, tally.repaired, tally.edits, tally.bad
        );
    }
    match status {
        OK if args.check && tally.edits > 0 => FOUND,
        status => status,
    }
}

/// Repairs the lines of one input; Ok(false) when a bad line stopped the run.
fn file(
    args: &RunArgs,
    engine: &Engine,
    pool: &rayon::ThreadPool,
    shown: &str,
    mut reader: impl BufRead,
    out: &mut dyn Write,
    tally: &mut Tally,
) -> std::io::Result<bool> {
    let mut number = 0;
    loop {
        let (mut batch, mut bytes) = (Vec::new(), 0);
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let Some(line) = read_line(&mut reader, args.batch.max_size, &mut number)? else {
                break;
            };
            bytes += line.bytes.len();
            batch.push(line);
        }
        if batch.is_empty() {
            return Ok(true);
        }
        let done: Vec<Done> = pool.install(|| {
            batch
                .par_iter()
                .map(|l| repair(args, engine, shown, l))
                .collect()
        });
        for d in done {
            eprint!("{}", d.err);
            tally.records += u64::from(d.record);
            tally.repaired += u64::from(d.edits > 0);
            tally.edits += d.edits as u64;
            tally.bad += u64::from(d.bad);
            if d.bad && args.bad_lines == BadLines::Error {
                return Ok(false);
            }
            if let Some(line) = d.out {
                out.write_all(&line)?;
                out.write_all(b"\n")?;
            }
        }
    }
}

/// The next line (without its line break), at most `limit` bytes of it kept; None at the end.
fn read_line(
    reader: &mut impl BufRead,
    limit: u64,
    number: &mut u64,
) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let n = reader
        .by_ref()
        .take(limit + 1)
        .read_until(b'\n', &mut bytes)?;
    if n == 0 {
        return Ok(None);
    }
    *number += 1;
    let too_long = bytes.last() != Some(&b'\n') && bytes.len() as u64 > limit;
    if too_long {
        // The rest of the line is skipped unread, so a huge line never sits in memory.
        reader.skip_until(b'\n')?;
        bytes.clear();
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    Ok(Some(Line {
        number: *number,
        bytes,
        too_long,
    }))
}

/// One line repaired, or said to be bad.
fn repair(args: &RunArgs, engine: &Engine, shown: &str, line: &Line) -> Done {
    let field = args
        .jsonl_field
        .as_deref()
        .expect("run only with --jsonl-field");
    let at = format!("{shown}:{}", line.number);
    let bad = |why: String| {
        let fate = match args.bad_lines {
            BadLines::Keep => "passed through unchanged",
            BadLines::Drop => "dropped",
            BadLines::Error => "stopping",
        };
        Done {
            out: (args.bad_lines == BadLines::Keep).then(|| line.bytes.clone()),
            err: format!("unspin: {at}: {why}; {fate}\n"),
            edits: 0,
            bad: true,
            record: false,
        }
    };
    if line.too_long {
        return bad(format!(
            "line longer than --max-size ({} bytes)",
            args.batch.max_size
        ));
    }
    // Blank lines carry no record; they stay where they were.
    if line.bytes.iter().all(u8::is_ascii_whitespace) {
        return Done {
            out: Some(line.bytes.clone()),
            err: String::new(),
            edits: 0,
            bad: false,
            record: false,
        };
    }
    let Ok(text) = std::str::from_utf8(&line.bytes) else {
        return bad("not UTF-8".into());
    };
    let record = match Record::parse(text) {
        Ok(record) => record,
        Err(e) => return bad(e.to_string()),
    };
    let prose = match record.text(field) {
        Ok(prose) => prose,
        Err(e) => return bad(format!("{e} ({field:?})")),
    };
    let repair = match repair_prose(engine, kind_of(args, None), &prose, None) {
        Ok(repair) => repair,
        Err(e) => return bad(format!("{field:?}: {e}")),
    };
    let repaired = unspin::edit::apply(&prose, &repair.edits);
    let mut err = String::new();
    if args.verbose {
        for e in &repair.edits {
            if let Some(reason) = explain::reason(e, args.detail()) {
                err.push_str(&format!("{at}: {:?} -> {:?}  {reason}\n", e.from, e.to));
            }
        }
    }
    let meta = RecordMeta::new(&repair).to_json();
    Done {
        out: Some(
            record
                .render(field, &repaired, "unspin", &meta)
                .into_bytes(),
        ),
        err,
        edits: repair.edits.len(),
        bad: false,
        record: true,
    }
}
