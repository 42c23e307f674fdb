//! `unspin scan PATH...`: every file's spin score, most spun first, to decide where to look in
//! a scraped folder. Files are read and scored as a `--check` run would (HTML and Markdown by
//! their prose only); nothing is written.

use super::args::{BatchArgs, RunArgs, ScanArgs};
use super::one::{self, FileResult, Input};
use super::out::Out;
use super::setup;
use super::{fail, ERROR, OK};
use clap::{Args, FromArgMatches};
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use unspin::engine::context::detect::Spin;
use unspin::engine::Score;
use unspin::fs::walk::{self, Found};
use unspin::print::Style;
use unspin::Dictionary;

#[derive(Serialize)]
struct Scored {
    path: String,
    /// Whether the file counts as spun (the context model's detection, or the fingerprint
    /// score with `--context never`).
    spun: bool,
    /// Percent of content words with a far likelier synonym in context.
    spin: Option<f64>,
    /// Suspect entries the model strongly prefers, per 1,000 words.
    table: Option<f64>,
    score: f64,
    fingerprints: usize,
    words: usize,
    edits: usize,
}

pub fn run(args: &ScanArgs, base: &RunArgs) -> u8 {
    let mut run = base.clone();
    run.paths = args.paths.clone();
    (run.check, run.write, run.json, run.diff, run.format) = (true, false, false, None, None);
    run.verbose = args.verbose;
    merge(&mut run.batch, &args.batch);
    let dict = match Dictionary::load(!run.dicts.no_builtin, &run.dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    // Triage wants the whole estimate: the thesaurus reading is worked out for every file.
    let mut options = run.engine.options();
    options.context.full_detection = true;
    let Some(engine) = setup::engine_with(dict, options) else {
        return ERROR;
    };
    // Only paths are kept while walking; the files are read in parallel afterwards.
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    let mut errors = 0;
    let roots = unspin::fs::roots::Roots::new(&run.paths);
    let walked = walk::walk(&run.paths, &setup::walk_options(&run), |found| {
        match found {
            Found::File { path, named } => files.push((path, named)),
            Found::Error { path, message } => {
                errors += 1;
                eprintln!("unspin: {}: {message}", path.display());
            }
            Found::Symlink(path) if args.verbose => {
                eprintln!(
                    "{}: symbolic link, not followed (use --follow), skipped",
                    path.display()
                );
            }
            Found::Symlink(_) => {}
        }
        true
    });
    if let Err(e) = walked {
        return fail(e);
    }
    let template = super::template::survey(&run);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(setup::jobs(&run))
        .build();
    let score_all = || {
        files
            .par_iter()
            .map(|(path, named)| {
                let shown = path.display().to_string();
                let input = Input {
                    path: Some(path),
                    bytes: one::read(roots.open(path, run.batch.follow), run.batch.max_size),
                    named: *named,
                    kind: one::kind_of(&run, Some(path)),
                    template: template.as_ref(),
                };
                let out = Out::buffered();
                let outcome = one::one(&engine, &run, Style::default(), &shown, input, None, out);
                match outcome.result {
                    FileResult::Scanned {
                        edits,
                        score,
                        spun,
                        spin,
                        ..
                    } => Some(Ok(scored(shown, score, edits, spun, spin))),
                    FileResult::Error => Some(Err(outcome.err)),
                    // Skipped (binary, not UTF-8, too large): nothing to score; the reason is in
                    // `err` only with -v.
                    _ => {
                        eprint!("{}", outcome.err);
                        None
                    }
                }
            })
            .collect::<Vec<_>>()
    };
    let results = match pool {
        Ok(pool) => pool.install(score_all),
        Err(_) => score_all(),
    };
    let mut scored = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(s) => scored.push(s),
            Err(message) => {
                errors += 1;
                eprint!("{message}");
            }
        }
    }
    let key = |s: &Scored| (s.spun, s.spin.unwrap_or(0.0), s.score);
    scored.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.0.cmp(&ka.0)
            .then_with(|| kb.1.total_cmp(&ka.1))
            .then_with(|| kb.2.total_cmp(&ka.2))
            .then_with(|| a.path.cmp(&b.path))
    });
    for s in &scored {
        if args.json {
            println!("{}", serde_json::to_string(s).expect("scores serialize"));
        } else {
            let spin = match (s.spin, s.table) {
                (Some(p), Some(t)) => format!("spin {p:>4.1}%  table {t:>5.1}"),
                _ => format!("{:>24}", "no suspect to judge"),
            };
            println!(
                "{}  {spin}  {:>8.1}  {:>5} fingerprints / {:>7} words  {:>5} repairs  {}",
                if s.spun { "SPUN " } else { "clean" },
                s.score,
                s.fingerprints,
                s.words,
                s.edits,
                s.path
            );
        }
    }
    if errors > 0 {
        ERROR
    } else {
        OK
    }
}

/// The folder options given after `scan` added to those given before it: lists add up,
/// switches and values given after win.
fn merge(run: &mut BatchArgs, scan: &BatchArgs) {
    // What the options say when not given, as clap fills them in.
    let cmd = BatchArgs::augment_args(clap::Command::new("scan"));
    let defaults =
        BatchArgs::from_arg_matches(&cmd.get_matches_from(["scan"])).expect("the defaults parse");
    run.glob.extend(scan.glob.iter().cloned());
    run.exclude.extend(scan.exclude.iter().cloned());
    run.hidden |= scan.hidden;
    run.follow |= scan.follow;
    run.sort |= scan.sort;
    run.jobs = scan.jobs.or(run.jobs);
    if scan.file_type != defaults.file_type {
        run.file_type = scan.file_type;
    }
    if scan.max_size != defaults.max_size {
        run.max_size = scan.max_size;
    }
    run.encoding = scan.encoding.or(run.encoding);
    if scan.boilerplate != defaults.boilerplate {
        run.boilerplate = scan.boilerplate;
    }
}

fn scored(path: String, score: Score, edits: usize, spun: bool, spin: Option<Spin>) -> Scored {
    let round = |x: f64| (x * 10.0).round() / 10.0;
    Scored {
        path,
        spun,
        spin: spin.as_ref().filter(|s| s.read).map(|s| round(s.percent())),
        table: spin.as_ref().map(|s| round(s.table_per_thousand())),
        score: (score.per_thousand() * 10.0).round() / 10.0,
        fingerprints: score.fingerprints,
        words: score.words,
        edits,
    }
}
