//! `unspin -i PATH...`: review each proposed change on the terminal, and write each file once,
//! atomically, when its review ends. Files are read one at a time as the review reaches them,
//! so a list from a folder walker can be fed in the same way.

use super::args::RunArgs;
use super::repair::use_color;
use super::terminal::{Input, Line, Terminal};
use super::{fail, ERROR, OK};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use unspin::edit::{self, LineIndex};
use unspin::engine::Engine;
use unspin::print::Style;
use unspin::read::{self, Skip};
use unspin::review::{show, Action, Key, Next, Refused, Review};
use unspin::Dictionary;

/// A file under review: what was read, to show it and to check it is unchanged before writing.
struct Reviewed {
    shown: String,
    path: PathBuf,
    text: String,
    index: LineIndex,
}

/// How a question ended.
enum Answer {
    Decided,
    Quit,
}

struct Session<'a> {
    args: &'a RunArgs,
    term: Terminal,
    style: Style,
    review: Review,
    /// Parallel to the review's files (their text dropped once written).
    files: Vec<Reviewed>,
    error: bool,
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
    if let Some(dir) = args.paths.iter().find(|p| p.is_dir()) {
        return fail(format_args!(
            "{}: is a directory; --interactive takes files for now",
            dir.display()
        ));
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
    let style = Style {
        color: use_color(args.color),
    };
    let mut s = Session {
        args,
        term,
        style,
        review: Review::new(),
        files: Vec::new(),
        error: false,
    };
    let mut paths = args.paths.iter();
    let quit = loop {
        if s.term.stopped() {
            break true;
        }
        match s.review.advance() {
            Next::NeedFile => match paths.next() {
                Some(path) => s.read(&engine, path),
                None => break false,
            },
            Next::FileDone(f) => s.finish(f),
            Next::Ask { file, edit } => match s.ask(file, edit) {
                Ok(Answer::Decided) => {}
                Ok(Answer::Quit) => break true,
                Err(e) => {
                    s.error = true;
                    eprintln!("unspin: terminal: {e}");
                    break true;
                }
            },
        }
    };
    if quit {
        s.term.say("\n");
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
        if unreviewed > 0 {
            s.term
                .say(&format!("quit: {unreviewed} more file(s) not reviewed\n"));
        }
    } else if s.files.is_empty() && !s.error {
        s.term.say("nothing to repair\n");
    }
    if s.error {
        ERROR
    } else {
        OK
    }
}

impl Session<'_> {
    /// Reads and repairs the next file; adds it to the review when it has changes to decide.
    fn read(&mut self, engine: &Engine, path: &Path) {
        let shown = path.display().to_string();
        // Changes that could not be written are not worth reviewing.
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                return self.problem(&shown, "is a symbolic link; not reviewed (name its target)")
            }
            Ok(m) if m.permissions().readonly() => {
                return self.problem(&shown, "read-only file; not reviewed")
            }
            _ => {}
        }
        // A FIFO or a device is refused on the handle, never waited on.
        let text = match unspin::beneath::following(path)
            .and_then(|mut f| {
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut f, &mut bytes).map(|_| bytes)
            })
            .map_err(|e| e.to_string())
            .map(read::text)
        {
            Ok(Ok(text)) => text,
            Ok(Err(Skip::Empty)) => return self.verbose(&format!("{shown}: {}\n", Skip::Empty)),
            Ok(Err(skip)) => return self.problem(&shown, &skip.to_string()),
            Err(message) => return self.problem(&shown, &message),
        };
        let repair = engine.repair(&text);
        if repair.edits.is_empty() {
            return self.verbose(&format!("{shown}: nothing to repair\n"));
        }
        let index = LineIndex::new(&text);
        self.files.push(Reviewed {
            shown,
            path: path.to_path_buf(),
            text,
            index,
        });
        self.review.add_file(repair.edits);
    }

    /// Shows change `edit` of `file` and reads keys until one decides something (or quits).
    fn ask(&mut self, file: usize, edit: usize) -> std::io::Result<Answer> {
        let r = &self.files[file];
        let e = self.review.edit(file, edit);
        self.term.say(&format!(
            "\n{}",
            show::change(
                &r.shown,
                &r.text,
                &r.index,
                e,
                edit + 1,
                self.review.len(file),
                self.style
            )
        ));
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
                Some(Key::Help) => {
                    self.term.say(show::HELP);
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
            self.term.say(&format!(
                "{}: none of {total} change(s) accepted, left unchanged\n",
                r.shown
            ));
            return;
        }
        // The file may have been edited while it was on screen; never write over that.
        let written = match std::fs::read(&r.path) {
            Ok(now) if now == r.text.as_bytes() => {
                unspin::write::replace(&r.path, edit::apply(&r.text, &accepted).as_bytes())
                    .map_err(|e| e.to_string())
            }
            Ok(_) => Err("changed on disk during the review; not written".to_string()),
            Err(e) => Err(e.to_string()),
        };
        let shown = r.shown.clone();
        match written {
            Ok(()) => {
                // Undo never reaches a written file again: its text is no longer needed.
                self.review.seal(file);
                self.files[file].text = String::new();
                self.files[file].index = LineIndex::new("");
                self.term.say(&format!(
                    "{shown}: {} of {total} change(s) written\n",
                    accepted.len()
                ));
            }
            Err(message) => self.problem(&shown, &message),
        }
    }

    fn problem(&mut self, shown: &str, message: &str) {
        eprintln!("unspin: {shown}: {message}");
        self.error = true;
    }

    fn verbose(&self, line: &str) {
        if self.args.verbose {
            self.term.say(line);
        }
    }
}
