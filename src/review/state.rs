//! The decisions of an interactive review, without any terminal: which change is asked next,
//! what each key does to the decisions, and how undo takes a key back.
//!
//! Files are added one at a time as the review reaches them (so a folder walker can feed them
//! lazily). When every change of a file is decided, [`Next::FileDone`] lets the caller write it;
//! once written, the caller [`Review::seal`]s it and undo can no longer reach into it.

use crate::edit::Edit;
use std::collections::HashMap;

/// What the reviewer decided about one proposed change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
    /// Accepted with the reviewer's own replacement.
    Replace(String),
}

/// What a key asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `y`
    Accept,
    /// `n`
    Reject,
    /// `a`: this change and the rest of this file.
    AcceptFile,
    /// `d`: reject this change and the rest of this file.
    SkipFile,
    /// `A`: this change and every later one, in every file.
    AcceptAll,
    /// `R`: this change and every later one made by the same entry.
    AcceptRule,
    /// `X`: reject this change and every later one made by the same entry.
    RejectRule,
    /// `e`: accept with this replacement instead of the proposed one.
    Replace(String),
    /// `u`: take back the previous key (and what it decided by itself).
    Undo,
}

/// What the review needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Ask about change `edit` of file `file`.
    Ask { file: usize, edit: usize },
    /// Every change of `file` is decided: write what was accepted.
    FileDone(usize),
    /// Every file added so far is done: add the next one, or stop.
    NeedFile,
}

/// Why an action was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("nothing to undo")]
    NothingToUndo,
    /// Undo would reopen a file that has been written.
    #[error("the previous decision belongs to a file already written; it cannot be undone")]
    Written { file: usize },
    #[error("no change is waiting for a decision")]
    NotAsking,
}

struct File {
    edits: Vec<Edit>,
    decisions: Vec<Option<Decision>>,
    /// FileDone was returned (and not taken back by an undo since).
    done: bool,
}

/// One key press and everything it decided, so undo can take it back whole.
struct Step {
    at: (usize, usize),
    accept_all: bool,
    by_rule: HashMap<String, bool>,
    decided: Vec<(usize, usize)>,
}

/// The state of a review: files added so far, their decisions, the run-wide choices (`A`, `R`,
/// `X`) and the history of keys. Invariant: every change before the cursor is decided, every
/// change after it is not.
#[derive(Default)]
pub struct Review {
    files: Vec<File>,
    cursor: (usize, usize),
    history: Vec<Step>,
    accept_all: bool,
    /// Rule id -> accept (`R`) or reject (`X`) for the rest of the run.
    by_rule: HashMap<String, bool>,
    /// Files before this index are written; undo never reaches them.
    sealed: usize,
}

impl Review {
    pub fn new() -> Review {
        Review::default()
    }

    /// Adds the next file's proposed changes (sorted, as the engine returns them); returns its
    /// index.
    pub fn add_file(&mut self, edits: Vec<Edit>) -> usize {
        let decisions = vec![None; edits.len()];
        self.files.push(File {
            edits,
            decisions,
            done: false,
        });
        self.files.len() - 1
    }

    /// Change `edit` of `file`.
    pub fn edit(&self, file: usize, edit: usize) -> &Edit {
        &self.files[file].edits[edit]
    }

    /// How many changes `file` has.
    pub fn len(&self, file: usize) -> usize {
        self.files[file].edits.len()
    }

    /// Whether every change of `file` is decided (and [`Next::FileDone`] was returned for it).
    pub fn is_done(&self, file: usize) -> bool {
        self.files[file].done
    }

    pub fn decision(&self, file: usize, edit: usize) -> Option<&Decision> {
        self.files[file].decisions[edit].as_ref()
    }

    /// Moves past every change that is already decided or that a run-wide choice decides, and
    /// says what is needed next.
    pub fn advance(&mut self) -> Next {
        loop {
            let (f, i) = self.cursor;
            let Some(file) = self.files.get_mut(f) else {
                return Next::NeedFile;
            };
            if i >= file.edits.len() {
                if !file.done {
                    file.done = true;
                    return Next::FileDone(f);
                }
                self.cursor = (f + 1, 0);
                continue;
            }
            if file.decisions[i].is_none() {
                match automatic(self.accept_all, &self.by_rule, &file.edits[i].rule.id) {
                    Some(d) => {
                        file.decisions[i] = Some(d);
                        // Decided by the key that set the run-wide choice: undone with it.
                        if let Some(step) = self.history.last_mut() {
                            step.decided.push((f, i));
                        }
                    }
                    None => return Next::Ask { file: f, edit: i },
                }
            }
            self.cursor.1 += 1;
        }
    }

    /// Applies a key to the change that [`Review::advance`] asked about.
    pub fn act(&mut self, action: Action) -> Result<(), Refused> {
        if action == Action::Undo {
            return self.undo();
        }
        let (f, i) = self.cursor;
        if self.files.get(f).is_none_or(|file| i >= file.edits.len()) {
            return Err(Refused::NotAsking);
        }
        let mut step = Step {
            at: (f, i),
            accept_all: self.accept_all,
            by_rule: self.by_rule.clone(),
            decided: Vec::new(),
        };
        let rule = self.files[f].edits[i].rule.id.clone();
        let n = self.files[f].edits.len();
        let (decision, through) = match action {
            Action::Accept => (Decision::Accept, i + 1),
            Action::Reject => (Decision::Reject, i + 1),
            Action::Replace(to) => (Decision::Replace(to), i + 1),
            Action::AcceptFile => (Decision::Accept, n),
            Action::SkipFile => (Decision::Reject, n),
            Action::AcceptAll => {
                self.accept_all = true;
                (Decision::Accept, i + 1)
            }
            Action::AcceptRule => {
                self.by_rule.insert(rule, true);
                (Decision::Accept, i + 1)
            }
            Action::RejectRule => {
                self.by_rule.insert(rule, false);
                (Decision::Reject, i + 1)
            }
            Action::Undo => unreachable!("handled above"),
        };
        for j in i..through {
            self.files[f].decisions[j] = Some(decision.clone());
            step.decided.push((f, j));
        }
        self.cursor = (f, through);
        self.history.push(step);
        Ok(())
    }

    fn undo(&mut self) -> Result<(), Refused> {
        let step = self.history.last().ok_or(Refused::NothingToUndo)?;
        if step.at.0 < self.sealed {
            return Err(Refused::Written { file: step.at.0 });
        }
        let step = self.history.pop().expect("checked above");
        for (f, i) in step.decided {
            self.files[f].decisions[i] = None;
        }
        self.accept_all = step.accept_all;
        self.by_rule = step.by_rule;
        self.cursor = step.at;
        // Files from the reopened one on are not done any more (none of them was written).
        for file in &mut self.files[step.at.0..] {
            file.done = false;
        }
        Ok(())
    }

    /// `file` was written: undo no longer reaches it or any file before it, and their changes
    /// are dropped from memory.
    pub fn seal(&mut self, file: usize) {
        self.sealed = self.sealed.max(file + 1);
        for f in &mut self.files[..self.sealed] {
            f.edits = Vec::new();
            f.decisions = Vec::new();
        }
    }

    /// `text` (the text of `file`) as it now stands, with the changes decided before `edit`
    /// applied as decided, and change `edit` moved to its place in it: what the reviewer sees.
    pub fn as_it_stands(&self, file: usize, edit: usize, text: &str) -> (String, Edit) {
        let f = &self.files[file];
        let mut now = String::with_capacity(text.len());
        let mut at = 0;
        for (e, d) in f.edits[..edit].iter().zip(&f.decisions) {
            now.push_str(&text[at..e.range.start]);
            now.push_str(match d {
                Some(Decision::Accept) => &e.to,
                Some(Decision::Replace(to)) => to,
                Some(Decision::Reject) | None => &e.from,
            });
            at = e.range.end;
        }
        let mut e = f.edits[edit].clone();
        let start = now.len() + (e.range.start - at);
        e.range = start..start + e.range.len();
        now.push_str(&text[at..]);
        (now, e)
    }

    /// The accepted changes of `file`, with the reviewer's replacements, in text order.
    pub fn accepted(&self, file: usize) -> Vec<Edit> {
        let f = &self.files[file];
        f.edits
            .iter()
            .zip(&f.decisions)
            .filter_map(|(e, d)| match d {
                Some(Decision::Accept) => Some(e.clone()),
                Some(Decision::Replace(to)) => Some(Edit {
                    to: to.clone(),
                    ..e.clone()
                }),
                Some(Decision::Reject) | None => None,
            })
            .collect()
    }
}

/// The run-wide choice for an entry, if any; an entry's own `R`/`X` wins over `A`.
fn automatic(accept_all: bool, by_rule: &HashMap<String, bool>, rule: &str) -> Option<Decision> {
    match by_rule.get(rule) {
        Some(true) => Some(Decision::Accept),
        Some(false) => Some(Decision::Reject),
        None if accept_all => Some(Decision::Accept),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dictionary, Engine, Options};

    /// The changes a small dictionary proposes in `text`.
    fn edits(text: &str) -> Vec<Edit> {
        let dict = Dictionary::from_yaml(
            "t",
            "entries:\n  mental property: intellectual property\n  commerce secrets: trade secrets\n",
        )
        .unwrap();
        Engine::new(dict, Options::default())
            .unwrap()
            .repair(text)
            .edits
    }

    const THREE: &str = "mental property, commerce secrets, mental property.";

    /// The `to` of every accepted change of `file`.
    fn accepted(r: &Review, file: usize) -> Vec<String> {
        r.accepted(file).into_iter().map(|e| e.to).collect()
    }

    fn ask(file: usize, edit: usize) -> Next {
        Next::Ask { file, edit }
    }

    #[test]
    fn each_change_is_shown_in_the_text_as_the_earlier_decisions_left_it() {
        let mut r = Review::new();
        r.add_file(edits(THREE));
        assert_eq!(r.advance(), ask(0, 0));
        r.act(Action::Accept).unwrap();
        r.advance();
        r.act(Action::Replace("business secrets".into())).unwrap();
        assert_eq!(r.advance(), ask(0, 2));
        let (now, e) = r.as_it_stands(0, 2, THREE);
        assert_eq!(
            now,
            "intellectual property, business secrets, mental property."
        );
        assert_eq!(&now[e.range], "mental property");
    }

    #[test]
    fn asks_each_change_in_order_and_keeps_accepted_ones() {
        let mut r = Review::new();
        assert_eq!(r.advance(), Next::NeedFile);
        r.add_file(edits(THREE));
        assert_eq!(r.advance(), ask(0, 0));
        r.act(Action::Accept).unwrap();
        assert_eq!(r.advance(), ask(0, 1));
        r.act(Action::Reject).unwrap();
        assert_eq!(r.advance(), ask(0, 2));
        r.act(Action::Replace("brain property".into())).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0));
        assert_eq!(r.advance(), Next::NeedFile);
        assert_eq!(accepted(&r, 0), ["intellectual property", "brain property"]);
        assert_eq!(r.decision(0, 1), Some(&Decision::Reject));
    }

    #[test]
    fn accept_and_skip_the_rest_of_a_file_only() {
        let mut r = Review::new();
        r.add_file(edits(THREE));
        r.add_file(edits(THREE));
        r.advance();
        r.act(Action::Reject).unwrap();
        r.advance();
        r.act(Action::AcceptFile).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0));
        assert_eq!(accepted(&r, 0), ["trade secrets", "intellectual property"]);
        assert_eq!(r.advance(), ask(1, 0));
        r.act(Action::SkipFile).unwrap();
        assert_eq!(r.advance(), Next::FileDone(1));
        assert!(r.accepted(1).is_empty());
    }

    #[test]
    fn accept_all_decides_every_later_file_without_asking() {
        let mut r = Review::new();
        r.add_file(edits(THREE));
        r.advance();
        r.act(Action::Reject).unwrap();
        r.advance();
        r.act(Action::AcceptAll).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0));
        assert_eq!(accepted(&r, 0), ["trade secrets", "intellectual property"]);
        assert_eq!(r.advance(), Next::NeedFile);
        r.add_file(edits(THREE));
        assert_eq!(r.advance(), Next::FileDone(1));
        assert_eq!(r.accepted(1).len(), 3);
    }

    #[test]
    fn an_entry_accepted_or_rejected_everywhere_is_not_asked_again() {
        let mut r = Review::new();
        r.add_file(edits(THREE));
        r.advance();
        r.act(Action::RejectRule).unwrap(); // mental property, from now on
        assert_eq!(r.advance(), ask(0, 1));
        r.act(Action::AcceptRule).unwrap(); // commerce secrets, from now on
        assert_eq!(r.advance(), Next::FileDone(0));
        assert_eq!(accepted(&r, 0), ["trade secrets"]);
        r.add_file(edits("commerce secrets and mental property"));
        assert_eq!(r.advance(), Next::FileDone(1));
        assert_eq!(accepted(&r, 1), ["trade secrets"]);
    }

    #[test]
    fn an_entry_rejected_everywhere_stays_rejected_after_accept_all() {
        let mut r = Review::new();
        r.add_file(edits(THREE));
        r.advance();
        r.act(Action::RejectRule).unwrap();
        r.advance();
        r.act(Action::AcceptAll).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0));
        assert_eq!(accepted(&r, 0), ["trade secrets"]);
    }

    #[test]
    fn undo_takes_back_one_key_and_what_it_decided_by_itself() {
        let mut r = Review::new();
        r.add_file(edits(THREE));
        assert_eq!(r.act(Action::Undo), Err(Refused::NothingToUndo));
        r.advance();
        r.act(Action::Accept).unwrap();
        r.advance();
        r.act(Action::AcceptRule).unwrap();
        assert_eq!(r.advance(), ask(0, 2));
        r.act(Action::Undo).unwrap();
        assert_eq!(r.advance(), ask(0, 1));
        assert_eq!(r.decision(0, 1), None);
        r.act(Action::Undo).unwrap();
        assert_eq!(r.advance(), ask(0, 0));
        // An X that auto-rejected later changes is taken back with them, and its rule forgotten.
        r.act(Action::RejectRule).unwrap();
        r.advance();
        r.act(Action::Accept).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0));
        assert_eq!(r.decision(0, 2), Some(&Decision::Reject));
        r.act(Action::Undo).unwrap(); // the y on change 1
        r.act(Action::Undo).unwrap(); // the X on change 0, and change 2 it decided
        assert_eq!(r.decision(0, 2), None);
        assert_eq!(r.advance(), ask(0, 0));
        r.act(Action::Accept).unwrap();
        r.advance();
        r.act(Action::Accept).unwrap();
        assert_eq!(r.advance(), ask(0, 2), "mental property is asked again");
    }

    #[test]
    fn undo_reopens_a_finished_file_only_while_it_is_unwritten() {
        let mut r = Review::new();
        r.add_file(edits("mental property"));
        r.add_file(edits("commerce secrets"));
        r.advance();
        r.act(Action::Reject).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0)); // nothing accepted: not written, not sealed
        assert!(r.is_done(0));
        assert_eq!(r.advance(), ask(1, 0));
        r.act(Action::Undo).unwrap();
        assert_eq!(r.advance(), ask(0, 0));
        assert!(!r.is_done(0) && !r.is_done(1));
        r.act(Action::Accept).unwrap();
        assert_eq!(r.advance(), Next::FileDone(0), "done again after the undo");
        r.seal(0);
        assert_eq!(r.advance(), ask(1, 0));
        assert_eq!(r.act(Action::Undo), Err(Refused::Written { file: 0 }));
        r.act(Action::Accept).unwrap();
        assert_eq!(r.advance(), Next::FileDone(1));
        r.act(Action::Undo).unwrap(); // file 1 is not written yet: reopened
        assert_eq!(r.advance(), ask(1, 0));
    }

    #[test]
    fn keys_need_a_change_to_act_on() {
        let mut r = Review::new();
        assert_eq!(r.act(Action::Accept), Err(Refused::NotAsking));
        r.add_file(edits("mental property"));
        r.advance();
        r.act(Action::Accept).unwrap();
        assert_eq!(r.act(Action::Accept), Err(Refused::NotAsking));
    }
}
