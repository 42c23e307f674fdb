//! A second run changes nothing. A repair changes the words its neighbours are read with: a
//! key may be completed across it ("tech commerce secrets" -> "tech trade secrets", and "tech
//! trade" is a key), and a neighbour's conditions or the model's reading of it may turn ("we
//! will commerce secrets" -> "we will trade secrets", and "we will" before "trade" is the
//! spinner's "we're going to"). So each repaired neighbourhood is read again as it will read,
//! with the document's verdict:
//! - a neighbour now repaired is repaired in this run, and its reason says so;
//! - a key overlapping a repair's output makes that repair unsafe: it is given up for good,
//!   and the text keeps its wording there.
//!
//! Rounds repeat until a reading changes nothing; a neighbourhood still changing after the last
//! is left as written. Document conditions are read on the text as given.
//!
//! The verdict may turn too. A document judged clean whose repairs (its fingerprints) leave a
//! text the model judges spun would have its suspects repaired by a second run, so it is
//! repaired as spun now. And a repair made in a document read as clean must also stand in a
//! spun reading of its neighbourhood, so that a run on the other verdict makes it alike.
//!
//! A text longer than a window (`windows`) has each window's repairs settled with the whole
//! text's verdict, which is not read again; a window keeps its matches without a view of its
//! text, so there a neighbourhood is read again only for its outputs' words.
//!
//! Most neighbourhoods need no second reading: none of their outputs' words is a word of a key,
//! and no other key of the text runs into them.

use super::context::tokens::{back, reach};
use super::table::{hash, Table};
use super::{address, mention, Doc, Engine, Repair, Suspects, Verdict};
use crate::dict::key;
use crate::edit::Edit;
use std::collections::HashSet;
use std::ops::Range;

/// Words on either side of a repair whose reading it may change: a condition reads up to three
/// words, the model two.
const NEAR: usize = 4;
/// Words beyond those, read as their context.
const BEYOND: usize = 4;
/// Readings again before a neighbourhood still changing is left as written.
const ROUNDS: usize = 4;

/// Repairs near enough to each other to be read again together.
struct Cluster {
    /// Their indices among the edits.
    edits: Range<usize>,
    /// The bytes whose new readings count.
    near: Range<usize>,
}

impl Cluster {
    /// The bytes read, context included.
    fn read(&self, text: &str) -> Range<usize> {
        back(text, self.near.start, BEYOND)..reach(text, self.near.end, BEYOND).0
    }
}

/// What reading a neighbourhood again found.
#[derive(Default)]
struct Reread {
    /// Repairs a key overlaps once made (indices among the edits).
    overlapped: Vec<usize>,
    /// Repairs of the text as written that its repaired neighbours allow.
    now: Vec<Edit>,
}

impl Engine {
    /// `repair` of `doc` (from byte `from` on), with every repair a second run would change
    /// settled.
    pub(super) fn settle(&self, doc: &Doc, from: usize, repair: Repair) -> Repair {
        let verdict = Verdict::of(&repair);
        let whole = (from, doc.src.len());
        let repair = self.settle_edits(doc, whole, repair, &verdict);
        let may_turn = self.model.is_some() && self.options.suspects == Suspects::Auto;
        if !may_turn || repair.spun || repair.edits.is_empty() {
            return repair;
        }
        let repaired = crate::edit::apply(doc.src, &repair.edits);
        let again = self.pass(&Doc::new(&repaired, from, None), from, None);
        if !again.spun {
            return repair;
        }
        let verdict = Verdict {
            spun: true,
            spin: again.spin,
            ..verdict
        };
        let repair = self.pass(doc, from, Some(&verdict));
        self.settle_edits(doc, whole, repair, &verdict)
    }

    /// `repair`'s edits, each neighbourhood read again until nothing changes; repairs the
    /// neighbourhoods allow are made between bytes `from` and `limit` (the end of the text, or
    /// of the window being read: beyond is the next window's).
    pub(super) fn settle_edits(
        &self,
        doc: &Doc,
        (from, limit): (usize, usize),
        mut repair: Repair,
        verdict: &Verdict,
    ) -> Repair {
        // A second run may judge the document spun where this one did not: in a document read
        // as clean, a repair must also stand in a spun reading of its neighbourhood.
        let spun = (!verdict.spun && self.options.suspects == Suspects::Auto).then(|| Verdict {
            spun: true,
            spin: verdict.spin.clone(),
            ..*verdict
        });
        let mut given_up: HashSet<(usize, usize)> = HashSet::new();
        for round in 0..=ROUNDS {
            if repair.edits.is_empty() {
                break;
            }
            let may = self.may_change(doc, &repair.edits);
            if spun.is_none() && !may.contains(&true) {
                break;
            }
            let mut drop = Vec::new();
            let mut add = Vec::new();
            for c in clusters(doc.src, &repair.edits) {
                if spun.is_none() && !may[c.edits.clone()].contains(&true) {
                    continue;
                }
                let mut found = self.reread(doc, verdict, &repair.edits, &c);
                found.now.retain(|e| {
                    e.range.start >= from
                        && e.range.end <= limit
                        && !given_up.contains(&(e.range.start, e.range.end))
                });
                if found.overlapped.is_empty() && found.now.is_empty() {
                    if let Some(spun) = &spun {
                        drop.extend(self.fall_in_spun_reading(doc, spun, &repair.edits, &c));
                    }
                    continue;
                }
                if round == ROUNDS {
                    // Still changing: the repairs beside each change are given up.
                    drop.extend(found.overlapped);
                    for e in &found.now {
                        let k = repair
                            .edits
                            .partition_point(|r| r.range.start < e.range.start);
                        drop.extend(
                            [k.wrapping_sub(1), k]
                                .into_iter()
                                .filter(|i| c.edits.contains(i)),
                        );
                    }
                } else {
                    drop.extend(found.overlapped);
                    add.extend(found.now);
                }
            }
            if drop.is_empty() && add.is_empty() {
                break;
            }
            drop.sort_unstable();
            let edits = std::mem::take(&mut repair.edits);
            for (i, e) in edits.into_iter().enumerate() {
                if drop.binary_search(&i).is_ok() {
                    given_up.insert((e.range.start, e.range.end));
                } else {
                    repair.edits.push(e);
                }
            }
            repair.edits.extend(add);
            repair.edits.sort_by_key(|e| e.range.start);
        }
        repair
    }

    /// Which repairs could make reading their neighbourhood again find anything: one with a
    /// word of its output that is a word of some key (or with no word: its neighbours meet), or
    /// with a key of the text as written, other than those the repairs replace, between it and
    /// the repairs on either side (a condition or the model may read that key anew).
    fn may_change(&self, doc: &Doc, edits: &[Edit]) -> Vec<bool> {
        // The words of the fst's keys, already normalized, hashed into a table: no entry of a
        // compiled dictionary is decoded, and no word is copied.
        let key_words = self.key_words.get_or_init(|| {
            use fst::Streamer;
            let mut all = Vec::new();
            let mut keys = self.dict.map().stream();
            while let Some((k, _)) = keys.next() {
                let k = std::str::from_utf8(k).unwrap_or_default();
                all.extend(word_ranges(k).map(|w| hash(k.as_bytes(), w.start, w.end)));
            }
            all.sort_unstable();
            all.dedup();
            Table::new(all)
        });
        let mut lower = Vec::new();
        let mut may: Vec<bool> = edits
            .iter()
            .map(|e| {
                let mut none = true;
                word_ranges(&e.to).any(|w| {
                    none = false;
                    // Keys are normalized: ASCII lower case.
                    lower.clear();
                    lower.extend(e.to.as_bytes()[w].iter().map(u8::to_ascii_lowercase));
                    key_words.contains(hash(&lower, 0, lower.len()))
                }) || none
            })
            .collect();
        // One walk over the keys found: each outside every repair marks the two beside it.
        let mut next = 0;
        for at in self.key_starts(doc) {
            while next < edits.len() && edits[next].range.end <= at {
                next += 1;
            }
            if edits.get(next).is_some_and(|e| e.range.start <= at) {
                continue;
            }
            if next > 0 {
                may[next - 1] = true;
            }
            if let Some(m) = may.get_mut(next) {
                *m = true;
            }
        }
        may
    }

    /// The repairs of the neighbourhood `c` that a spun reading of its text, settled, does not
    /// make (indices among the edits).
    fn fall_in_spun_reading(
        &self,
        doc: &Doc,
        spun: &Verdict,
        edits: &[Edit],
        c: &Cluster,
    ) -> Vec<usize> {
        let span = c.read(doc.src);
        let window = Doc::new(&doc.src[span.clone()], 0, Some(doc));
        let reading = self.pass(&window, 0, Some(spun));
        let made = self
            .settle_edits(&window, (0, span.len()), reading, spun)
            .edits;
        c.edits
            .clone()
            .filter(|&i| {
                let e = &edits[i];
                let at = e.range.start - span.start..e.range.end - span.start;
                !made.iter().any(|m| m.range == at && m.to == e.to)
            })
            .collect()
    }

    /// Reads the neighbourhood `c` of `doc` again, its repairs made.
    fn reread(&self, doc: &Doc, verdict: &Verdict, edits: &[Edit], c: &Cluster) -> Reread {
        let text = doc.src;
        let span = c.read(text);
        let mut read = String::with_capacity(span.len());
        // Each repair's output in `read`, with the repair's index.
        let mut outputs: Vec<(Range<usize>, usize)> = Vec::new();
        let mut at = span.start;
        for i in c.edits.clone() {
            let e = &edits[i];
            read.push_str(&text[at..e.range.start]);
            let start = read.len();
            read.push_str(&e.to);
            outputs.push((start..read.len(), i));
            at = e.range.end;
        }
        read.push_str(&text[at..span.end]);
        // The text after the last repair is as written: `near` ends as far from `read`'s end.
        let near = c.near.start - span.start..read.len() - (span.end - c.near.end);
        // A byte of `read` outside every output, in `text`.
        let original = |p: usize| match outputs.partition_point(|(o, _)| o.end <= p) {
            0 => span.start + p,
            k => edits[outputs[k - 1].1].range.end + (p - outputs[k - 1].0.end),
        };
        let window = Doc::new(&read, 0, Some(doc));
        let mut found = Reread::default();
        for e in self.pass(&window, 0, Some(verdict)).edits {
            if e.range.end <= near.start || e.range.start >= near.end {
                continue;
            }
            let over = outputs
                .iter()
                .filter(|(o, _)| o.start < e.range.end && e.range.start < o.end)
                .map(|&(_, i)| i);
            let before = found.overlapped.len();
            found.overlapped.extend(over);
            let range = original(e.range.start)..original(e.range.end);
            // Whether it is a mention, or inside an address, is read in the whole text: the
            // neighbourhood may end between a quoted phrase and its closing mark, or start
            // inside a link.
            if found.overlapped.len() == before
                && !mention::is_mention(text, &range, &e.to, &e.rule)
                && !address::inside(text.as_bytes(), range.start, range.end)
            {
                found.now.push(Edit {
                    range,
                    why: format!("{}; read again beside the repairs next to it", e.why).into(),
                    ..e
                });
            }
        }
        // What the repairs given up leave is read in the next round.
        if !found.overlapped.is_empty() {
            found.now.clear();
        }
        found
    }
}

/// Where the words of a key or a replacement are.
fn word_ranges(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| key::is_word_char(c))?;
        while chars.next_if(|&(_, c)| key::is_word_char(c)).is_some() {}
        Some(start..chars.peek().map_or(s.len(), |&(i, _)| i))
    })
}

/// The repairs of `text` grouped by neighbourhood, in text order.
fn clusters(text: &str, edits: &[Edit]) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for (i, e) in edits.iter().enumerate() {
        let near = back(text, e.range.start, NEAR)..reach(text, e.range.end, NEAR).0;
        match out.last_mut() {
            Some(c) if near.start <= c.near.end => {
                c.edits.end = i + 1;
                c.near.end = c.near.end.max(near.end);
            }
            _ => out.push(Cluster {
                edits: i..i + 1,
                near,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_neighbourhoods() {
        let s = "we've  trade-secrets, é";
        let got: Vec<&str> = word_ranges(s).map(|r| &s[r]).collect();
        assert_eq!(got, ["we", "ve", "trade", "secrets", "é"]);
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let dict = crate::Dictionary::from_yaml("t", "entries:\n  a: b\n").unwrap();
        let edit = |from: &str| {
            let at = text.find(from).unwrap();
            Edit {
                range: at..at + from.len(),
                from: from.to_string(),
                to: "x".to_string(),
                rule: dict.rules()[0].clone(),
                why: "".into(),
            }
        };
        // Four words apart: one neighbourhood; nine apart: two.
        let near = clusters(text, &[edit("two"), edit("seven")]);
        assert_eq!(near.len(), 1);
        assert_eq!(
            &text[near[0].near.clone()],
            text.strip_suffix(" twelve").unwrap()
        );
        let far = clusters(text, &[edit("one"), edit("eleven")]);
        assert_eq!(
            far.iter().map(|c| c.edits.clone()).collect::<Vec<_>>(),
            [0..1, 1..2]
        );
    }

    #[test]
    fn a_mention_at_the_end_of_a_neighbourhood_stays_a_mention() {
        // The neighbourhood read again ends with the last word: the quoted "yr" must not be
        // read there without its closing mark, and repaired as if it were used.
        let yaml = "entries:\n  yr: year\n  café: {to: coffee, document_has: [yr]}\n";
        let dict = crate::Dictionary::from_yaml("t", yaml).unwrap();
        let engine = Engine::new(dict, super::super::Options::dictionary_only()).unwrap();
        let text = "a café \"yr\"";
        let repair = engine.repair(text);
        assert_eq!(crate::edit::apply(text, &repair.edits), "a coffee \"yr\"");
    }
}
