//! The context stage: detection (is the document spun?) and judgement (does the model prefer
//! each repair to the text as written, and which of an entry's originals?).

use super::context::detect::Spin;
use super::context::uses::Together;
use super::context::{self, Reader};
use super::{render, Doc, Engine, Found, Repair, Score, Suspects, Verdict};
use crate::dict::model::Class;
use crate::lang::lm::Model;
use std::collections::HashMap;
use std::sync::Arc;

/// What the model said of a repair: by how many nats it prefers it to the text as written
/// and, for an entry used more than once in the text, of all its uses.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Judgement<'s> {
    pub(super) prefers: f32,
    /// The model could not read the repair (it writes a word the model does not know, such as
    /// digits), so `prefers` is 0: no evidence either way. A fingerprint stands on its entry, a
    /// suspect needs evidence it cannot give.
    pub(super) unread: bool,
    /// The other original the entry lists that the model chose, if not its replacement.
    pub(super) choice: Option<&'s str>,
    pub(super) together: Option<Together>,
    /// For an entry that lists other originals: the next best of them (`None` for the entry's
    /// replacement), and by how many nats the model prefers the chosen one to it.
    pub(super) rival: Option<(Option<&'s str>, f32)>,
}

impl Engine {
    /// The context stage: every candidate, suspects included, is read by the model in its
    /// sentence. Detection runs only when there is a suspect to judge; fingerprints stand
    /// unless the model strongly prefers the text as written.
    pub(super) fn judged(
        &self,
        doc: &Doc,
        fingerprints: Vec<Found>,
        candidates: Vec<Found>,
        score: Score,
        model: &Model,
        verdict: Option<&Verdict>,
    ) -> Repair {
        let opts = self.options.context;
        let has_suspect = candidates
            .iter()
            .any(|f| self.rule(f.pattern).class == Class::Suspect);
        let place = |f: &Found| doc.norm.original(f.start)..doc.norm.original(f.end);
        let mut detection = None;
        let Verdict { score, spun, spin } = match verdict {
            Some(v) => v.clone(),
            None => self.verdict(
                score,
                (has_suspect || opts.full_detection).then_some(|| {
                    let (spin, reader, end) = self.detect(doc, &candidates, model);
                    detection = Some((reader, end));
                    spin
                }),
            ),
        };
        let judged: Vec<&Found> = candidates
            .iter()
            .filter(|f| spun || self.rule(f.pattern).class != Class::Suspect)
            .collect();
        // The model reads the text around what it judges: a clean document's suspects are not
        // read again, and the detection window serves when it covers them. In a window of a
        // larger text, the repairs accepted just before the window are the history of its first.
        let carried = doc.whole.map(|w| w.carried.take()).unwrap_or_default();
        let reach = judged
            .first()
            .zip(judged.last())
            .map(|(a, z)| carried.first().map_or(place(a).start, |(r, _)| r.start)..place(z).end);
        let mut reader = match (detection, reach) {
            (Some((reader, end)), Some(reach)) if reach.end <= end => reader,
            (_, Some(reach)) => Reader::over(model, doc.src, context::around(doc.src, reach)),
            // Nothing to judge, nothing to read: looking for words around nothing would walk
            // the whole text from its start, at every window of a text without words.
            (_, None) => Reader::over(model, doc.src, 0..0),
        };
        for (range, to) in &carried {
            reader.accept(range, to);
        }
        let mut kept: Vec<(&Found, Judgement)> = Vec::new();
        for f in judged {
            let rule = self.rule(f.pattern);
            let range = place(f);
            let (to, mut judgement) = self.best(doc, &reader, f, range.clone());
            let prefers = judgement.prefers;
            // An entry used more than once is judged on all its uses (`context::uses`): they
            // must pass the margin together, and this one lean towards the repair.
            judgement.together = spin.as_ref().and_then(|s| {
                s.uses
                    .together(self.dict.pattern(f.pattern as usize).rule, prefers)
            });
            let keep = match rule.class {
                Class::Fingerprint => prefers > -opts.veto,
                // Where the entry lists several originals, the model must also tell which one
                // the writer used: a near tie between synonyms is a guess. In a name the model
                // cannot read, it cannot tell the spinner's word from the name's own.
                Class::Suspect => {
                    spun && !judgement.unread
                        && prefers >= opts.margin.min(0.0)
                        && judgement
                            .together
                            .map_or(prefers >= opts.margin, |t| t.pass(opts.margin))
                        && judgement.rival.is_none_or(|(_, lead)| lead >= opts.rival)
                        && !reader.in_unknown_name(&range)
                }
            };
            if keep {
                reader.accept(&range, &to);
                if let Some(w) = doc.whole {
                    w.carried.borrow_mut().push((range.clone(), to.clone()));
                }
                kept.push((f, judgement));
            }
        }
        // A fingerprint that lost its place to a longer suspect the model then refused stands.
        // (`candidates` and `kept` are in text order and never overlap, so one search finds
        // whether a fingerprint was scanned, and one any overlap.)
        let scanned = |f: &Found| {
            let i = candidates.partition_point(|c| c.start < f.start);
            candidates
                .get(i)
                .is_some_and(|c| (c.start, c.end) == (f.start, f.end))
        };
        let overlaps = |f: &Found| {
            let i = kept.partition_point(|(k, _)| k.end <= f.start);
            kept.get(i).is_some_and(|(k, _)| k.start < f.end)
        };
        let mut fallback: Vec<(&Found, Judgement)> = fingerprints
            .iter()
            .filter(|f| !scanned(f) && !overlaps(f))
            .map(|f| (f, Judgement::default()))
            .collect();
        kept.append(&mut fallback);
        kept.sort_by_key(|(f, _)| f.start);
        let edits = self.edits(
            doc,
            doc.norm.original(doc.start),
            kept.into_iter().map(|(f, judgement)| {
                (
                    f,
                    self.why(f, score, spin.as_ref(), Some(judgement)),
                    judgement.choice,
                )
            }),
        );
        Repair {
            edits,
            score,
            spun,
            spin,
        }
    }

    /// The repair of `f` (at bytes `range` of `doc`) the model likes best, as it would be
    /// written there: the entry's replacement or, for its written key, one of the other
    /// originals it lists; with by how many nats the model prefers it to the text as written,
    /// and the runner-up.
    pub(super) fn best<'s>(
        &'s self,
        doc: &Doc,
        reader: &Reader,
        f: &Found,
        range: std::ops::Range<usize>,
    ) -> (String, Judgement<'s>) {
        let rule = self.rule(f.pattern);
        let matched = &doc.src[range.clone()];
        let others = match self.dict.pattern(f.pattern as usize).to {
            None => rule.or.as_slice(),
            Some(_) => &[],
        };
        let mut read = std::iter::once(None)
            .chain(others.iter().map(|o| Some(o.as_str())))
            .map(|choice| {
                let to =
                    render::render(rule, choice.unwrap_or(self.to(f.pattern)), matched, || {
                        doc.curly()
                    });
                (reader.preference(&range, &to), choice, to)
            });
        let (mut heard, mut choice, mut to) =
            read.next().expect("at least the entry's own replacement");
        let mut prefers = heard.unwrap_or(0.0);
        let mut second: Option<(Option<&str>, f32)> = None;
        for (answer, other, written) in read {
            let nats = answer.unwrap_or(0.0);
            if nats > prefers {
                second = Some((choice, prefers));
                (prefers, heard, choice, to) = (nats, answer, other, written);
            } else if second.is_none_or(|(_, s)| nats > s) {
                second = Some((other, nats));
            }
        }
        let judgement = Judgement {
            prefers,
            unread: heard.is_none(),
            choice,
            together: None,
            rival: second.map(|(rival, nats)| (rival, prefers - nats)),
        };
        (to, judgement)
    }

    /// A document's verdict from its `score` and, when the context stage reads it, the model's
    /// spin estimate of its first words (`detect`, run only when given).
    pub(super) fn verdict(&self, score: Score, detect: Option<impl FnOnce() -> Spin>) -> Verdict {
        // Fingerprints never occur in clean English: enough of them make a document spun.
        let by_score = score.fingerprints >= self.options.min_fingerprints
            && score.per_thousand() >= self.options.spun_threshold;
        let spin = detect.map(|detect| detect());
        let spun = match self.options.suspects {
            Suspects::Always => true,
            Suspects::Never => false,
            // The model decides, or fingerprints enough (curated ones: a learned entry is a
            // suspect, judged by the model).
            Suspects::Auto => {
                by_score || spin.as_ref().is_some_and(|s| s.spun(&self.options.context))
            }
        };
        Verdict { score, spun, spin }
    }

    /// Detection: the table's evidence first, one reading per suspect candidate among the
    /// document's first words; the thesaurus estimate, a reading per content word, only when
    /// that evidence is unclear. Returns the estimate, and the reader of those first words
    /// with the byte where they end.
    pub(super) fn detect<'d>(
        &self,
        doc: &Doc<'d>,
        candidates: &[Found],
        model: &'d Model,
    ) -> (Spin, Reader<'d>, usize) {
        let opts = self.options.context;
        let (end, words) = context::tokens::reach(doc.src, 0, context::detect::WORDS);
        let reader = Reader::over(model, doc.src, context::around(doc.src, 0..end));
        // An entry counts twice at most: a clean text that uses one of them again and again (a
        // glossary's "in a ... manner") is not a text full of spins, while a spun one repeats
        // its spins ("Depraved" for the title it is about). Every use is read all the same:
        // judging weighs an entry's uses together (`context::uses`).
        let mut counted: HashMap<u32, usize> = HashMap::new();
        let mut uses = context::uses::Uses::default();
        for (f, range) in candidates
            .iter()
            .filter(|f| self.rule(f.pattern).class == Class::Suspect)
            .map(|f| (f, doc.norm.original(f.start)..doc.norm.original(f.end)))
            .take_while(|(_, range)| range.end <= end)
        {
            let id = self.dict.pattern(f.pattern as usize).rule;
            let Judgement {
                prefers, unread, ..
            } = self.best(doc, &reader, f, range.clone()).1;
            if unread {
                continue;
            }
            uses.record(id, prefers);
            let count = counted.entry(id).or_default();
            if prefers >= context::detect::STRONG_TABLE && *count < context::detect::TABLE_REPEATS {
                *count += 1;
            }
        }
        let table = counted.values().sum();
        let mut spin = Spin {
            table,
            words,
            uses: Arc::new(uses),
            ..Spin::default()
        };
        if opts.full_detection || (!spin.table_decides(&opts) && !spin.table_clears(&opts)) {
            spin = Spin {
                table,
                words,
                uses: std::mem::take(&mut spin.uses),
                ..context::detect::detect(&reader)
            };
        }
        (spin, reader, end)
    }
}
