//! `unspin PATH...`: files and folders, repaired in parallel. The walker feeds a bounded queue,
//! `-j` workers repair one file each at a time and hand its output on in pieces as it is made,
//! and one printer writes the files' outputs in walking order (the order of the named paths,
//! then of the folder entries; by name with `--sort`): the pieces of the file whose turn it is
//! as they come, the others' once their turn comes. Queues and the reordering window are
//! bounded, so memory follows the largest files waiting their turn, not the folder.

use super::args::{Format, RunArgs};
use super::interrupt::{self, INTERRUPTED};
use super::one::{self, FileResult, Input, Outcome, WriteBack};
use super::out::{Out, Piece};
use super::progress::Bar;
use super::setup;
use super::{fail, ERROR, FOUND, OK};
use std::collections::BTreeMap;
use std::os::fd::AsFd;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;
use unspin::dict::model::Rule;
use unspin::engine::Engine;
use unspin::fs::read::Skip;
use unspin::fs::roots::{Roots, Target};
use unspin::fs::walk::{self, Found};
use unspin::fs::write::Pending;
use unspin::print::json::PathName;
use unspin::print::sarif::Log;
use unspin::print::summary::{Skipped, Summary};
use unspin::print::{json, Style};
use unspin::prose::template::Template;

/// How many files may be under way (queued, being repaired, or done but not yet printed), per
/// worker: the bound on memory, and roomy enough that threads seldom wait on each other.
const WINDOW_PER_JOB: usize = 8;

/// What every worker needs.
struct Ctx<'a> {
    args: &'a RunArgs,
    engine: &'a Engine,
    style: Style,
    roots: Roots,
    /// The lines the run's files repeat (see `template::survey`).
    template: Option<Template>,
}

pub fn run(args: &RunArgs, engine: &Engine, style: Style) -> u8 {
    let start = Instant::now();
    let options = setup::walk_options(args);
    let jobs = setup::jobs(args);
    // The summary is for runs over folders; named files alone keep their plain output.
    let folders = args.paths.iter().any(|p| p.is_dir());
    if args.write {
        interrupt::install();
    }
    let ctx = Ctx {
        args,
        engine,
        style,
        roots: Roots::new(&args.paths),
        template: super::template::survey(args),
    };
    let sarif = (args.format == Some(Format::Sarif)).then(|| {
        one::flush(&Log::head(), "");
        Log::default()
    });
    let bar = Bar::new(folders);
    let window = Window::new(jobs * WINDOW_PER_JOB);
    let (job_tx, job_rx) = sync_channel::<(usize, Found)>(jobs * WINDOW_PER_JOB);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = sync_channel::<(usize, Done)>(jobs * WINDOW_PER_JOB);
    let (walked, (mut summary, sarif)) = std::thread::scope(|s| {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (ctx, job_rx) = (&ctx, &job_rx);
            s.spawn(move || loop {
                let Ok((seq, found)) = job_rx.lock().expect("no worker panics").recv() else {
                    break;
                };
                // After Ctrl-C, queued files are dropped unread (the printer still hears of them,
                // so that it can move on).
                let send = |piece: Piece| {
                    let _ = done_tx.send((seq, Done::Piece(piece)));
                };
                let out = Out::sending(&send);
                let outcome = if interrupt::stopped() {
                    Outcome::new(String::new(), String::new(), FileResult::Dropped)
                } else {
                    guarded(ctx, found, out)
                };
                if done_tx.send((seq, Done::Whole(outcome))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let printer = s.spawn(|| print_all(done_rx, &window, &bar, sarif));
        let mut seq = 0;
        let walked = walk::walk(&args.paths, &options, |found| {
            if interrupt::stopped() {
                return false;
            }
            window.wait_for(seq);
            bar.found();
            seq += 1;
            job_tx.send((seq - 1, found)).is_ok()
        });
        drop(job_tx);
        bar.walked();
        (walked, printer.join().expect("the printer does not panic"))
    });
    bar.finish();
    if let Err(e) = walked {
        return fail(e);
    }
    summary.elapsed_seconds = (start.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
    summary.interrupted = interrupt::stopped();
    if args.json && folders {
        one::flush(&json::Record::Summary(&summary).line(), "");
    }
    if let Some(log) = sarif {
        one::flush(&log.tail(summary.errors == 0 && !summary.interrupted), "");
    }
    // The one line that sums up a folder; -q leaves it out unless the run was cut short.
    if (folders && !args.quiet) || summary.interrupted {
        one::flush("", &format!("{}\n", summary.line()));
    }
    if summary.interrupted {
        INTERRUPTED
    } else if summary.errors > 0 {
        ERROR
    } else if args.check && summary.edits > 0 {
        FOUND
    } else {
        OK
    }
}

/// `process`, with a panic (a bug, in unspin or a parser) turned into an error for this one
/// file: the file is left as it was and the run goes on.
fn guarded(ctx: &Ctx, found: Found, out: Out) -> Outcome {
    let path = match &found {
        Found::File { path, .. } | Found::Symlink(path) | Found::Error { path, .. } => path.clone(),
    };
    let shown = path.display().to_string();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(ctx, found, out)))
        .unwrap_or_else(|_| {
            let (mut out, mut err) = (String::new(), String::new());
            let message = "internal error (a bug; please report it); file left as it was";
            let name = PathName::new(&shown, Some(&path));
            one::problem(ctx.args, name, message, true, &mut out, &mut err);
            Outcome::new(out, err, FileResult::Error)
        })
}

/// Repairs one thing the walk found.
fn process(ctx: &Ctx, found: Found, out: Out) -> Outcome {
    let args = ctx.args;
    match found {
        Found::File { path, named } => {
            let shown = path.display().to_string();
            let follow = args.batch.follow;
            // With -w the file is read through the folder handle the write will use, so what
            // is written was made from what was read there.
            let target = args.write.then(|| ctx.roots.target(&path, follow));
            let file = match &target {
                Some(Ok(target)) => target.open(),
                _ => ctx.roots.open(&path, follow),
            };
            let input = Input {
                path: Some(&path),
                bytes: one::read(file, args.batch.max_size),
                named,
                kind: one::kind_of(args, Some(&path)),
                template: ctx.template.as_ref(),
            };
            let write = target.as_ref().map(|target| InPlace { ctx, target });
            let write = write.as_ref().map(|w| w as &dyn WriteBack);
            one::one(ctx.engine, args, ctx.style, &shown, input, write, out)
        }
        Found::Symlink(path) => {
            let (mut out, mut err) = (String::new(), String::new());
            let mut quiet = String::new();
            let message = "symbolic link, not followed (use --follow), skipped";
            one::problem(
                args,
                PathName::new(&path.display().to_string(), Some(&path)),
                message,
                false,
                &mut out,
                if args.verbose { &mut err } else { &mut quiet },
            );
            Outcome::new(out, err, FileResult::Symlink)
        }
        Found::Error { path, message } => {
            let (mut out, mut err) = (String::new(), String::new());
            one::problem(
                args,
                PathName::new(&path.display().to_string(), Some(&path)),
                &message,
                true,
                &mut out,
                &mut err,
            );
            Outcome::new(out, err, FileResult::Error)
        }
    }
}

/// Puts a repair in place: only inside the given paths, never over a link, never once the run
/// is interrupted; the backup (if asked) is complete before the original is replaced.
struct InPlace<'a> {
    ctx: &'a Ctx<'a>,
    target: &'a Result<Target, unspin::fs::roots::Refused>,
}

impl WriteBack for InPlace<'_> {
    fn open(&self, original: &[u8]) -> Result<Pending<'_>, String> {
        use unspin::fs::write::{self, WriteError};
        let target = self.target.as_ref().map_err(|e| e.to_string())?;
        if interrupt::stopped() {
            return Err("interrupted; not written".into());
        }
        let dir = target.dir.as_fd();
        if let Some(suffix) = &self.ctx.args.backup {
            write::backup_in(dir, &target.name, suffix, original).map_err(|e| match e {
                WriteError::Io(e) => format!("backup not written ({e}); file left as it was"),
                refused => refused.to_string(),
            })?;
        }
        Pending::replacing(dir, &target.name).map_err(|e| e.to_string())
    }

    fn commit(&self, new: Pending<'_>) -> Result<(), String> {
        if interrupt::stopped() {
            return Err("interrupted; not written".into());
        }
        new.commit().map_err(|e| e.to_string())
    }
}

/// What a worker hands the printer: a piece of a file's output, or its outcome (the rest).
enum Done {
    Piece(Piece),
    Whole(Outcome),
}

/// Prints each file's output in walking order (its results into the SARIF log, if one is
/// written), and adds it up.
fn print_all(
    done: Receiver<(usize, Done)>,
    window: &Window,
    bar: &Bar,
    mut sarif: Option<Log>,
) -> (Summary, Option<Log>) {
    let mut summary = Summary::default();
    // Output as it comes, made results of the SARIF log if one is written.
    let mut print = |out: &str, rules: &[Arc<Rule>], err: &str| match &mut sarif {
        Some(log) => bar.print(&log.results(out, rules), err),
        None => bar.print(out, err),
    };
    // Files not yet at their turn: their output so far (standard output, standard error), and
    // their outcome once done.
    let mut pending: BTreeMap<usize, (String, String, Option<Outcome>)> = BTreeMap::new();
    let mut next = 0;
    for (seq, done) in done {
        match done {
            Done::Piece(Piece::Out(out)) if seq == next => print(&out, &[], ""),
            Done::Piece(Piece::Err(err)) if seq == next => print("", &[], &err),
            Done::Piece(Piece::Out(out)) => pending.entry(seq).or_default().0.push_str(&out),
            Done::Piece(Piece::Err(err)) => pending.entry(seq).or_default().1.push_str(&err),
            Done::Whole(o) => pending.entry(seq).or_default().2 = Some(o),
        }
        while let Some((out, err, outcome)) = pending.get_mut(&next) {
            print(&std::mem::take(out), &[], &std::mem::take(err));
            let Some(o) = outcome.take() else {
                break;
            };
            pending.remove(&next);
            print(&o.out, &o.rules, &o.err);
            bar.done();
            count(&mut summary, o.result);
            next += 1;
            window.printed(next);
        }
    }
    (summary, sarif)
}

fn count(s: &mut Summary, result: FileResult) {
    let k: &mut Skipped = &mut s.skipped;
    match result {
        FileResult::Scanned {
            edits, repaired, ..
        } => {
            s.files_scanned += 1;
            if repaired {
                s.files_repaired += 1;
                s.edits += edits;
            }
        }
        FileResult::Skipped(Skip::Binary) => k.binary += 1,
        // Text unspin cannot decode, whatever encoding it claims.
        FileResult::Skipped(Skip::NotUtf8 { .. } | Skip::Undecodable { .. }) => k.not_utf8 += 1,
        FileResult::Skipped(Skip::TooLarge { .. }) => k.too_large += 1,
        FileResult::Skipped(Skip::Empty) => s.files_scanned += 1,
        FileResult::Symlink => k.symlink += 1,
        FileResult::Error => s.errors += 1,
        FileResult::Dropped => {}
    }
}

/// The walker may run at most `size` files ahead of the printer.
struct Window {
    size: usize,
    printed: Mutex<usize>,
    moved: Condvar,
}

impl Window {
    fn new(size: usize) -> Window {
        Window {
            size,
            printed: Mutex::new(0),
            moved: Condvar::new(),
        }
    }

    fn wait_for(&self, seq: usize) {
        let mut printed = self.printed.lock().expect("no holder panics");
        while seq >= printed.saturating_add(self.size) {
            printed = self.moved.wait(printed).expect("no holder panics");
        }
    }

    fn printed(&self, n: usize) {
        *self.printed.lock().expect("no holder panics") = n;
        self.moved.notify_all();
    }
}
