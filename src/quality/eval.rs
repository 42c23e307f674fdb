//! Measures a repair against the original text: word-level distance before and after, and a
//! verdict on every edit and every spun stretch. Knows no files; `unspin eval` reads them.

use crate::edit::{self, Edit};
use crate::quality::align::{self, Alignment};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// What one edit did, judged against the original wording its span aligns to.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub edit: Edit,
    /// The original wording the edited span stands for.
    pub original: String,
    /// Did it move the text closer to the original, with the capitals right? An edit that
    /// leaves it as far (or further), or writes a word in the wrong case, is wrong.
    pub correct: bool,
    /// It wrote a word whose letters are right but whose capitals are not ("I Have to").
    pub wrong_case: bool,
    /// It touched no spun stretch: it changed words the original has as written (damage to
    /// clean text, where a wrong edit in a spun stretch is a spin repaired to other words).
    pub in_clean: bool,
}

/// A spun stretch no edit touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    /// Byte range in the spun text.
    pub range: Range<usize>,
    pub spun: String,
    pub original: String,
}

/// `distance B -> A (R% removed); N edits: C correct, W wrong (S%; K in clean words); M spins
/// missed`.
impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "distance {} -> {} ({:.1}% removed); {} edits: {} correct, {} wrong ({:.1}%; {} in clean words); {} spins missed",
            self.distance_before,
            self.distance_after,
            self.error_reduction() * 100.0,
            self.edits,
            self.correct,
            self.wrong,
            self.wrong_share() * 100.0,
            self.wrong_in_clean,
            self.missed
        )
    }
}

/// The figures for one pair (or, added up, for many).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Figures {
    pub distance_before: usize,
    pub distance_after: usize,
    pub edits: usize,
    pub correct: usize,
    pub wrong: usize,
    /// Wrong edits that changed words the original has as written (see [`Judged::in_clean`]).
    pub wrong_in_clean: usize,
    pub missed: usize,
}

impl Figures {
    /// Share of the distance the repair removed (negative if it added distance).
    pub fn error_reduction(&self) -> f64 {
        if self.distance_before == 0 {
            0.0
        } else {
            (self.distance_before as f64 - self.distance_after as f64) / self.distance_before as f64
        }
    }

    /// Share of the edits that were wrong.
    pub fn wrong_share(&self) -> f64 {
        if self.edits == 0 {
            0.0
        } else {
            self.wrong as f64 / self.edits as f64
        }
    }

    pub fn add(&mut self, other: &Figures) {
        self.distance_before += other.distance_before;
        self.distance_after += other.distance_after;
        self.edits += other.edits;
        self.correct += other.correct;
        self.wrong += other.wrong;
        self.wrong_in_clean += other.wrong_in_clean;
        self.missed += other.missed;
    }
}

/// How the edits of one rule fared, over one or many pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RuleFigures {
    /// Where the rule is written (dictionary file, line, column).
    pub source: String,
    pub edits: usize,
    pub correct: usize,
    pub wrong: usize,
    pub wrong_in_clean: usize,
}

/// Adds the judged edits to `rules`, by rule id.
pub fn add_by_rule(rules: &mut BTreeMap<String, RuleFigures>, judged: &[Judged]) {
    for j in judged {
        let rule = &j.edit.rule;
        let r = rules.entry(rule.id.clone()).or_insert_with(|| RuleFigures {
            source: rule.origin.to_string(),
            ..RuleFigures::default()
        });
        r.edits += 1;
        r.correct += usize::from(j.correct);
        r.wrong += usize::from(!j.correct);
        r.wrong_in_clean += usize::from(j.in_clean);
    }
}

/// The rules of `rules`, those with wrong edits in clean words first, then by wrong edits,
/// then by edits (most first), then by id.
pub fn worst_first(rules: &BTreeMap<String, RuleFigures>) -> Vec<(&String, &RuleFigures)> {
    let mut out: Vec<_> = rules.iter().collect();
    out.sort_by_key(|(id, r)| {
        use std::cmp::Reverse;
        (
            Reverse(r.wrong_in_clean),
            Reverse(r.wrong),
            Reverse(r.edits),
            *id,
        )
    });
    out
}

/// The evaluation of one repaired text.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub figures: Figures,
    pub judged: Vec<Judged>,
    pub missed: Vec<Missed>,
}

/// Judges `edits` (a repair of `spun`, sorted and not overlapping) against `original`.
pub fn evaluate(original: &str, spun: &str, edits: &[Edit]) -> Evaluation {
    let before = align::align(spun, original);
    let after = align::distance(&edit::apply(spun, edits), original);
    let judged: Vec<Judged> = edits
        .iter()
        .map(|e| judge(&before, spun, original, e))
        .collect();
    let missed: Vec<Missed> = before
        .stretches
        .iter()
        .map(|s| (before.spun_bytes(s.spun.clone()), s))
        .filter(|(range, _)| !edits.iter().any(|e| touches(&e.range, range)))
        .map(|(range, s)| Missed {
            spun: spun[range.clone()].to_string(),
            original: original[before.original_bytes(s.original.clone())].to_string(),
            range,
        })
        .collect();
    let correct = judged.iter().filter(|j| j.correct).count();
    let figures = Figures {
        distance_before: before.distance(),
        distance_after: after,
        edits: edits.len(),
        correct,
        wrong: edits.len() - correct,
        wrong_in_clean: judged.iter().filter(|j| j.in_clean).count(),
        missed: missed.len(),
    };
    Evaluation {
        figures,
        judged,
        missed,
    }
}

/// An edit is correct when the stretch it works in (its words, widened to the whole differing
/// stretches it touches, since one stretch may hold neighbouring spins) comes out closer to the
/// original wording of that stretch.
fn judge(alignment: &Alignment, spun: &str, original: &str, e: &Edit) -> Judged {
    let tokens = alignment.widen(alignment.spun_tokens_in(e.range.clone()));
    let image = &original[alignment.original_bytes(alignment.image(tokens.clone()))];
    let window = alignment.spun_bytes(tokens);
    let (start, end) = (window.start.min(e.range.start), window.end.max(e.range.end));
    let before = &spun[start..end];
    let after = format!(
        "{}{}{}",
        &spun[start..e.range.start],
        e.to,
        &spun[e.range.end..end]
    );
    let wrong_case = case_slips(&after, image) > case_slips(before, image);
    let correct = !wrong_case && align::distance(&after, image) < align::distance(before, image);
    let in_clean = !correct
        && !alignment
            .stretches
            .iter()
            .any(|s| touches(&e.range, &alignment.spun_bytes(s.spun.clone())));
    Judged {
        edit: e.clone(),
        original: image.to_string(),
        correct,
        wrong_case,
        in_clean,
    }
}

/// How much of the distance between `a` and `b` is letter case alone: a word that comes out
/// closer but with a wrong capital must not pass as correct.
fn case_slips(a: &str, b: &str) -> usize {
    align::distance(a, b).saturating_sub(align::distance(&a.to_lowercase(), &b.to_lowercase()))
}

/// Do the byte ranges overlap (an empty `b`, words only the original has, counts as touched
/// when it sits inside or at an end of `a`)?
fn touches(a: &Range<usize>, b: &Range<usize>) -> bool {
    if b.is_empty() {
        a.start <= b.start && b.start <= a.end
    } else {
        a.start < b.end && b.start < a.end
    }
}
