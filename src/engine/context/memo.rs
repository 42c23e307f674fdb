//! The model's answers, kept per thread across documents: the model never changes, and texts
//! repeat their words and their phrases, so most look-ups in its large fsts are asked before.
//! Each memo is emptied when it outgrows its bound, so memory stays flat over any run.

use crate::lang::lm::{Model, Word};
use std::cell::RefCell;
use std::collections::HashMap;

/// Entries a memo holds before it is emptied (a few MB each).
const BOUND: usize = 1 << 18;

/// A memo of one model's answers (the model's address tells whose).
struct Memo<K, V> {
    model: usize,
    answers: HashMap<K, V>,
}

impl<K: std::hash::Hash + Eq, V: Copy> Memo<K, V> {
    fn new() -> Self {
        Memo {
            model: 0,
            answers: HashMap::new(),
        }
    }

    /// The memo of `model`'s answers, emptied if it held another's or has grown too large.
    fn of(&mut self, model: &Model) -> &mut HashMap<K, V> {
        let address = model as *const Model as usize;
        if self.model != address || self.answers.len() >= BOUND {
            self.model = address;
            self.answers.clear();
        }
        &mut self.answers
    }
}

thread_local! {
    static IDS: RefCell<Memo<String, Word>> = RefCell::new(Memo::new());
    static LOGPROBS: RefCell<Memo<(Word, Word, Word), f32>> = RefCell::new(Memo::new());
}

/// `model.id(spelling)`.
pub fn id(model: &Model, spelling: &str) -> Word {
    IDS.with_borrow_mut(|memo| {
        let ids = memo.of(model);
        match ids.get(spelling) {
            Some(&id) => id,
            None => *ids
                .entry(spelling.to_string())
                .or_insert_with(|| model.id(spelling)),
        }
    })
}

/// `model.logprob(u, v, w)`.
pub fn logprob(model: &Model, u: Word, v: Word, w: Word) -> f32 {
    LOGPROBS.with_borrow_mut(|memo| {
        *memo
            .of(model)
            .entry((u, v, w))
            .or_insert_with(|| model.logprob(u, v, w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_answers_as_the_model_does() {
        let m = Model::builtin();
        for _ in 0..2 {
            assert_eq!(id(m, "hole"), m.id("hole"));
            assert_eq!(id(m, "xqzzy"), None);
            let (u, v, w) = (m.id("black"), m.id("hole"), m.id("in"));
            assert_eq!(logprob(m, u, v, w), m.logprob(u, v, w));
        }
    }
}
