//! `unspin -i PATH...`: review each proposed change on the terminal, and write each file once,
//! atomically, when its review ends. Folders are walked as in a repair run; the files are read
//! one at a time as the review reaches them. Each change is drawn on a fresh screen, in the text
//! as the earlier decisions left it; what was written is said again when the review ends.

use super::args::RunArgs;
use super::interrupt::INTERRUPTED;
use super::one::{kind_of, read, repair_prose, ReadProblem};
use super::setup::{use_color, walk_options};
use super::terminal::{Input, Line, Terminal};
use super::{fail, ERROR, OK};
use std::io::{IsTerminal, Read};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use unspin::edit::{self, LineIndex};
use unspin::engine::Engine;
use unspin::fs::read::{self, Legacy, Skip};
use unspin::fs::roots::Roots;
use unspin::fs::walk::{self, Found};
use unspin::print::{explain, Style};
use unspin::prose::template::Template;
use unspin::review::show::{self, Place};
use unspin::review::{Action, Key, Next, Refused, Review};
use unspin::Dictionary;

/// A file under review: what was read, to show it and to check it is unchanged before writing.
struct Reviewed {
    shown: String,
    path: PathBuf,
    text: String,
    /// The legacy encoding the file was read in, and is written back in.
    legacy: Option<Legacy>,
    /// Its place among the files to look at (1-based).
    ordinal: usize,
}

/// How a question ended.
enum Answer {
    Decided,
    Quit,
}

/// Something to tell the reviewer: on the next screen, and again when the review ends.
struct Said {
    text: String,
    problem: bool,
}

struct Session<'a> {
    args: &'a RunArgs,
    term: Terminal,
    style: Style,
    review: Review,
    /// Parallel to the review's files (their text dropped once written).
    files: Vec<Reviewed>,
    /// How many files there are to look at.
    total: usize,
    /// Everything said so far, and how much of it the screen has shown.
    said: Vec<Said>,
    shown: usize,
    written: usize,
    error: bool,
    /// The paths the user named: nothing outside them is read or written.
    roots: Roots,
}

pub fn run(args: &RunArgs) -> u8 {
    if !std::io::stdin().is_terminal() {
        return fail(
            "--interactive needs a terminal on standard input (to review without one, export with \
             --json and apply the edits you keep with `unspin apply`)",
        );
    }
    if args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-") {
        return fail("--interactive needs file paths (standard input is the terminal)");
    }
    let dict = match Dictionary::load(!args.dicts.no_builtin, &args.dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    let engine = match Engine::new(dict, args.engine.options()) {
        Ok(engine) => engine,
        Err(e) => return fail(e),
    };
    let term = match Terminal::new() {
        Ok(term) => term,
        Err(e) => return fail(format_args!("terminal: {e}")),
    };
    let mut s = Session {
        args,
        term,
        style: Style {
            color: use_color(args.color),
        },
        review: Review::new(),
        files: Vec::new(),
        total: 0,
        said: Vec::new(),
        shown: 0,
        written: 0,
        error: false,
        roots: Roots::new(&args.paths),
    };
    // The paths first (the walk is quick next to a review), so the reviewer knows how many
    // files there are.
    let mut paths = Vec::new();
    let walked = walk::walk(&args.paths, &walk_options(args), |found| {
        match found {
            Found::File { path, .. } => paths.push(path),
            Found::Symlink(path) => s.verbose(format!(
                "{}: symbolic link, not followed (use --follow), skipped",
                path.display()
            )),
            Found::Error { path, message } => s.problem(&path.display().to_string(), &message),
        }
        !s.term.stopped()
    });
    if let Err(e) = walked {
        return fail(e);
    }
    s.total = paths.len();
    // The lines a site repeats on every page are left alone, as a folder run leaves them.
    let template = super::template::survey_files(args, &paths);
    let mut paths = paths.into_iter().enumerate();
    let quit = loop {
        if s.term.stopped() {
            break true;
        }
        match s.review.advance() {
            Next::NeedFile => match paths.next() {
                Some((k, path)) => s.read(&engine, template.as_ref(), &path, k + 1),
                None => break false,
            },
            Next::FileDone(f) => s.finish(f),
            Next::Ask { file, edit } => match s.ask(file, edit) {
                Ok(Answer::Decided) => {}
                Ok(Answer::Quit) => break true,
                Err(e) => {
                    s.problem("terminal", &e.to_string());
                    break true;
                }
            },
        }
    };
    s.term.leave_screen();
    // The screen is gone: say again everything that was said on it.
    for said in &s.said {
        if said.problem {
            eprintln!("unspin: {}", said.text);
        } else {
            s.term.say(&format!("{}\n", said.text));
        }
    }
    if quit {
        // The file under review, if any, is the first one not done; files after it (reopened
        // by an undo) and the paths not reached yet were not reviewed.
        let open: Vec<usize> = (0..s.files.len())
            .filter(|&f| !s.review.is_done(f))
            .collect();
        if let Some(&f) = open.first() {
            s.term.say(&format!(
                "{}: review not finished, left unchanged\n",
                s.files[f].shown
            ));
        }
        let unreviewed = paths.len() + open.len().saturating_sub(1);
        s.term.say(&format!(
            "quit: {} file(s) written, {unreviewed} more not reviewed\n",
            s.written
        ));
        INTERRUPTED
    } else {
        if s.files.is_empty() && !s.error && !args.quiet {
            s.term.say("nothing to repair\n");
        }
        if s.error {
            ERROR
        } else {
            OK
        }
    }
}

impl Session<'_> {
    /// Reads and repairs the next file (file `ordinal` of the run), the lines of `template`
    /// left alone; adds it to the review when it has changes to decide.
    fn read(&mut self, engine: &Engine, template: Option<&Template>, path: &Path, ordinal: usize) {
        let shown = path.display().to_string();
        // Changes that could not be written are not worth reviewing. The file is read, and
        // written, through a handle on its folder reached from the named path one folder at a
        // time: a folder swapped for a link during the review cannot send the write outside.
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() && !self.args.batch.follow => {
                return self.problem(&shown, "is a symbolic link; not reviewed (name its target)")
            }
            Ok(m) if m.permissions().readonly() => {
                return self.problem(&shown, "read-only file; not reviewed")
            }
            _ => {}
        }
        let target = match self.roots.target(path, self.args.batch.follow) {
            Ok(target) => target,
            Err(e) => return self.problem(&shown, &e.to_string()),
        };
        // A FIFO or a device is refused on the handle, never waited on.
        let bytes = match read(target.open(), self.args.batch.max_size) {
            Ok(bytes) => bytes,
            Err(ReadProblem::Io(message)) => return self.problem(&shown, &message),
            Err(ReadProblem::TooLarge { size, limit }) => {
                let skip = Skip::TooLarge { size, limit };
                return self.problem(&shown, &skip.to_string());
            }
        };
        let kind = kind_of(self.args, Some(path));
        let html = kind == unspin::prose::Kind::Html;
        let (text, legacy) = match read::decode(bytes, html, self.args.batch.encoding) {
            Ok(read::Decoded { text, legacy }) => (text, legacy),
            Err(Skip::Empty) => return self.verbose(format!("{shown}: {}", Skip::Empty)),
            Err(skip) => return self.problem(&shown, &skip.to_string()),
        };
        let repair = match repair_prose(engine, kind, &text, template) {
            Ok(repair) => repair,
            Err(message) => return self.problem(&shown, &message),
        };
        if repair.edits.is_empty() {
            return self.verbose(format!("{shown}: nothing to repair"));
        }
        let score = repair.score.per_thousand();
        if self.args.min_score.is_some_and(|min| score < min) {
            return self.verbose(format!(
                "{shown}: spin score {score:.1} below --min-score, {} repairs left alone",
                repair.edits.len()
            ));
        }
        self.files.push(Reviewed {
            shown,
            path: path.to_path_buf(),
            text,
            legacy,
            ordinal,
        });
        self.review.add_file(repair.edits);
    }

    /// Draws change `edit` of `file` on a fresh screen and reads keys until one decides
    /// something (or quits).
    fn ask(&mut self, file: usize, edit: usize) -> std::io::Result<Answer> {
        self.term.redraw()?;
        for said in &self.said[self.shown..] {
            let text = if said.problem {
                format!("unspin: {}", said.text)
            } else {
                said.text.clone()
            };
            self.term.say(&format!("{text}\n"));
        }
        if self.said.len() > self.shown {
            self.term.say("\n");
        }
        self.shown = self.said.len();
        let r = &self.files[file];
        let (now, e) = self.review.as_it_stands(file, edit, &r.text);
        let place = Place {
            change: edit + 1,
            changes: self.review.len(file),
            file: r.ordinal,
            files: self.total,
        };
        let index = LineIndex::new(&now);
        let detail = self.args.detail();
        let shown = show::change(&r.shown, &now, &index, &e, place, detail, self.style);
        self.term.say(&shown);
        let (from, to) = (e.from.clone(), e.to.clone());
        loop {
            self.term.say(show::PROMPT);
            let c = match self.term.key()? {
                Input::Quit => return Ok(Answer::Quit),
                Input::Other => {
                    self.term.say("\n(press ? for help)\n");
                    continue;
                }
                Input::Char(c) => c,
            };
            self.term.say(&format!("{c}\n"));
            let action = match Key::from_char(c) {
                None => {
                    self.term.say(&format!("no key {c:?} (press ? for help)\n"));
                    continue;
                }
                Some(Key::Full) => {
                    self.term.say(&format!("{}\n", explain::full(&e)));
                    continue;
                }
                Some(Key::Help) => {
                    self.term
                        .say(&format!("{}\n\n{}", explain::full(&e), show::HELP));
                    continue;
                }
                Some(Key::Quit) => return Ok(Answer::Quit),
                Some(Key::Edit) => {
                    let prompt = format!("Replace {from:?} with (Enter accepts, Esc goes back): ");
                    match self.term.line(&prompt, &to)? {
                        Line::Done(to) => Action::Replace(to),
                        Line::Cancel => continue,
                        Line::Quit => return Ok(Answer::Quit),
                    }
                }
                Some(Key::Act(action)) => action,
            };
            let undo = action == Action::Undo;
            match self.review.act(action) {
                Ok(()) if undo => self.term.say("undone\n"),
                Ok(()) => {}
                Err(Refused::Written { file }) => {
                    let shown = &self.files[file].shown;
                    self.term.say(&format!(
                        "{shown} is already written: the decisions before it cannot be undone\n"
                    ));
                    continue;
                }
                Err(refused) => {
                    self.term.say(&format!("{refused}\n"));
                    continue;
                }
            }
            return Ok(Answer::Decided);
        }
    }

    /// Every change of `file` is decided: writes what was accepted, once, atomically.
    fn finish(&mut self, file: usize) {
        let accepted = self.review.accepted(file);
        let total = self.review.len(file);
        let r = &self.files[file];
        if accepted.is_empty() {
            let line = format!(
                "{}: none of {total} change(s) accepted, left unchanged",
                r.shown
            );
            return self.say(line);
        }
        // The file may have been edited while it was on screen; never write over that.
        let written = self
            .roots
            .target(&r.path, self.args.batch.follow)
            .map_err(|e| e.to_string())
            .and_then(|target| {
                let mut now = Vec::new();
                target
                    .open()
                    .and_then(|mut f| f.read_to_end(&mut now))
                    .map_err(|e| e.to_string())?;
                if *read::encoded(r.legacy, &r.text)? != *now {
                    return Err("changed on disk during the review; not written".to_string());
                }
                let new = edit::apply(&r.text, &accepted);
                let new = read::encoded(r.legacy, &new)?;
                unspin::fs::write::replace_in(target.dir.as_fd(), &target.name, &new)
                    .map_err(|e| e.to_string())
            });
        let shown = r.shown.clone();
        match written {
            Ok(()) => {
                // Undo never reaches a written file again: its text is no longer needed.
                self.review.seal(file);
                self.files[file].text = String::new();
                self.written += 1;
                self.say(format!(
                    "{shown}: {} of {total} change(s) written",
                    accepted.len()
                ));
            }
            Err(message) => self.problem(&shown, &message),
        }
    }

    /// Says `text` (on the screen now, and again when the review ends).
    fn say(&mut self, text: String) {
        self.term.say(&format!("{text}\n"));
        self.said.push(Said {
            text,
            problem: false,
        });
    }

    fn problem(&mut self, shown: &str, message: &str) {
        let text = format!("{shown}: {message}");
        eprintln!("unspin: {text}");
        self.said.push(Said {
            text,
            problem: true,
        });
        self.error = true;
    }

    fn verbose(&mut self, text: String) {
        if self.args.verbose {
            self.say(text);
        }
    }
}
