//! Where keys start in a text, and which keys: found without running an automaton over its
//! bytes. Keys match whole words, so a key starts only where a word starts, and that word is
//! the key's first word. Each word of the text (`words`, read 64 bytes at a time) is hashed and
//! looked up in a table of the keys' first words (`table`): most words cost a few instructions.
//!
//! How a word that passes is confirmed depends on the dictionary's size. Up to `two_word_keys`
//! keys, the keys themselves are kept, grouped by their word when they are one word ("gap",
//! "on-") and otherwise by their first two words and what stands between them ("in the",
//! "on-line", "1.three"): the text's word, or its two words, pick a group, whose keys are
//! compared with the text. Beyond, listing every key would cost more than it saves: only the
//! first words are read off the fst, and the fst is walked along the text from each word that
//! is one. Keys that do not start with a word character ("'em") are found by that walk too, at
//! each of their first bytes.
//!
//! A key is listed wherever it is a prefix of the text there, except, where keys are kept, some
//! whose last word runs on in the text ("gap" in "gaps"), which no scan takes.

use super::table::{hash, Table};
use super::{swar, words};
use crate::dict::key::is_word_char;
use fst::raw::{Fst, Output};
use std::ops::Range;

pub struct Starts {
    /// The lengths of the keys' first words, a bit each (63 for any longer): most words of a
    /// text are not hashed at all.
    lengths: u64,
    /// The keys' first words, each with whether a key is that word alone ([`ALONE`]) and
    /// whether one goes on to a second word ([`GOES_ON`]).
    firsts: Table,
    /// The keys, when they are kept.
    keys: Option<Keys>,
    /// Lead bytes of keys that do not start with a word character.
    other: [bool; 256],
    /// The ASCII ones among them.
    other_ascii: Vec<u8>,
}

/// A first word that is a key by itself (perhaps with something after it, "on-").
const ALONE: u8 = 1;
/// A first word that begins a key of two words or more.
const GOES_ON: u8 = 2;

/// Every key, grouped by how it starts.
struct Keys {
    /// Keys of two words or more, by their first two words and what stands between.
    pairs: Table,
    /// The keys' bytes, one after another.
    bytes: Vec<u8>,
    /// Each key's bytes and pattern, by group, each group shortest first.
    entries: Vec<(Range<usize>, u32)>,
    /// The entries of each slot of `firsts` (keys of one word) and of `pairs`.
    alone: Vec<Range<usize>>,
    paired: Vec<Range<usize>>,
}

/// What let a position through: the groups of keys to compare, or a walk down the fst.
#[derive(Clone, Copy)]
enum Hit {
    Groups {
        alone: Option<usize>,
        paired: Option<usize>,
    },
    Walk,
}

/// The keys found in a text, whatever a scan lets pass: a gate only chooses among them.
#[derive(Default)]
pub struct Candidates {
    /// Each position where keys start, and where its keys end in `keys`.
    pub starts: Vec<(usize, usize)>,
    /// (end, pattern) of the keys at each position, shortest first.
    pub keys: Vec<(usize, u32)>,
}

/// Bytes read at a time when they are all ASCII.
const BLOCK: usize = 64;

impl Starts {
    /// The starts of the keys of `fst`; their keys are kept when there are at most
    /// `two_word_keys` of them.
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>, two_word_keys: usize) -> Starts {
        if fst.len() <= two_word_keys {
            Starts::keeping_keys(fst)
        } else {
            Starts::first_words(fst)
        }
    }

    /// Every key listed, grouped by its first word or two.
    fn keeping_keys<D: AsRef<[u8]>>(fst: &Fst<D>) -> Starts {
        use fst::Streamer;
        let mut other = [false; 256];
        let mut bytes = Vec::new();
        let mut listed = Vec::new();
        let mut stream = fst.stream();
        while let Some((key, value)) = stream.next() {
            // A value naming no pattern (a file made by hand) is no key.
            if value.value() >= fst.len() as u64 || key.is_empty() {
                continue;
            }
            match signature(key) {
                Signature::Other => other[key[0] as usize] = true,
                s => {
                    let at = bytes.len();
                    bytes.extend_from_slice(key);
                    listed.push((s, at..bytes.len(), value.value() as u32));
                }
            }
        }
        let firsts = Table::new(
            listed
                .iter()
                .map(|(s, ..)| match *s {
                    Signature::Alone { word, .. } => (word, ALONE),
                    Signature::Pair { first, .. } => (first, GOES_ON),
                    Signature::Other => unreachable!("not listed"),
                })
                .collect(),
        );
        let pairs = Table::new(
            listed
                .iter()
                .filter_map(|(s, ..)| match *s {
                    Signature::Pair { pair, .. } => Some((pair, GOES_ON)),
                    _ => None,
                })
                .collect(),
        );
        // Each key in the group of its slot: (paired, slot, length).
        let group = |s: &Signature| match *s {
            Signature::Alone { word, .. } => (false, firsts.find(word).expect("inserted")),
            Signature::Pair { pair, .. } => (true, pairs.find(pair).expect("inserted")),
            Signature::Other => unreachable!("not listed"),
        };
        let lengths = listed.iter().fold(0, |l, (s, ..)| match *s {
            Signature::Alone { len, .. } | Signature::Pair { len, .. } => l | length_bit(len),
            Signature::Other => l,
        });
        let mut grouped: Vec<_> = listed
            .into_iter()
            .map(|(s, at, pattern)| (group(&s), at, pattern))
            .collect();
        grouped.sort_unstable_by_key(|(g, at, _)| (*g, at.len()));
        let mut alone = vec![0..0; firsts.len()];
        let mut paired = vec![0..0; pairs.len()];
        for (i, ((is_pair, slot), ..)) in grouped.iter().enumerate() {
            let range = if *is_pair {
                &mut paired[*slot]
            } else {
                &mut alone[*slot]
            };
            if range.start == range.end {
                *range = i..i;
            }
            range.end = i + 1;
        }
        Starts {
            lengths,
            firsts,
            keys: Some(Keys {
                pairs,
                bytes,
                entries: grouped.into_iter().map(|(_, at, p)| (at, p)).collect(),
                alone,
                paired,
            }),
            other_ascii: ascii(&other),
            other,
        }
    }

    /// Only the keys' first words, read off the fst.
    fn first_words<D: AsRef<[u8]>>(fst: &Fst<D>) -> Starts {
        let mut walk = Walk {
            fst,
            prefix: Vec::new(),
            firsts: Vec::new(),
            other: [false; 256],
        };
        walk.node(fst.root().addr());
        Starts {
            lengths: walk
                .firsts
                .iter()
                .fold(0, |l, &(_, len)| l | length_bit(len)),
            firsts: Table::new(walk.firsts.into_iter().map(|(h, _)| (h, GOES_ON)).collect()),
            keys: None,
            other_ascii: ascii(&walk.other),
            other: walk.other,
        }
    }

    /// Every key of `fst` that starts at or after `from` in `hay`.
    pub fn candidates<D: AsRef<[u8]>>(&self, fst: &Fst<D>, hay: &[u8], from: usize) -> Candidates {
        let mut c = Candidates::default();
        self.find(hay, from, |p, hit| {
            match hit {
                Hit::Walk => walk(fst, hay, p, &mut c.keys),
                Hit::Groups { alone, paired } => self.compare(hay, p, alone, paired, &mut c.keys),
            }
            if c.starts.last().map_or(0, |&(_, end)| end) < c.keys.len() {
                c.starts.push((p, c.keys.len()));
            }
        });
        c
    }

    /// Appends the keys of the groups that the text at `p` starts with, shortest first.
    fn compare(
        &self,
        hay: &[u8],
        p: usize,
        alone: Option<usize>,
        paired: Option<usize>,
        out: &mut Vec<(usize, u32)>,
    ) {
        let keys = self.keys.as_ref().expect("groups only where keys are kept");
        let first = out.len();
        let groups = [
            alone.map(|s| &keys.alone[s]),
            paired.map(|s| &keys.paired[s]),
        ];
        for range in groups.into_iter().flatten() {
            for (at, pattern) in &keys.entries[range.clone()] {
                if hay[p..].starts_with(&keys.bytes[at.clone()]) {
                    out.push((p + at.len(), *pattern));
                }
            }
        }
        // Both groups were shortest first; keys of one word may be longer than two-word ones.
        out[first..].sort_unstable();
    }

    /// Calls `found` with every position at or after `from` where a key may start, in order.
    fn find(&self, hay: &[u8], from: usize, mut found: impl FnMut(usize, Hit)) {
        let mut p = from;
        while p < hay.len() {
            p = match hay.get(p..p + BLOCK) {
                Some(block) if block.is_ascii() => self.find_in_block(hay, p, &mut found),
                _ => {
                    let stop = (p + BLOCK).min(hay.len());
                    while p < stop {
                        p = self.find_at(hay, p, &mut found);
                    }
                    p
                }
            };
        }
    }

    /// The `BLOCK` ASCII bytes at `p`, their words told by bit masks: returns where to go on
    /// from (past the block, or past a word that runs on beyond it).
    #[inline]
    fn find_in_block(&self, hay: &[u8], p: usize, found: &mut impl FnMut(usize, Hit)) -> usize {
        let mut words = 0u64;
        let mut others = 0u64;
        for (k, eight) in hay[p..p + BLOCK].chunks_exact(8).enumerate() {
            let x = swar::load(eight);
            words |= swar::mask(swar::word_bytes(x)) << (8 * k);
            for &c in &self.other_ascii {
                others |= swar::mask(swar::equal(x, c)) << (8 * k);
            }
        }
        // Where words begin, and the other bytes keys begin with.
        let mut todo = (words & !(words << 1)) | others;
        while todo != 0 {
            let i = todo.trailing_zeros() as usize;
            todo &= todo - 1;
            let q = p + i;
            if others >> i & 1 == 1 {
                found(q, Hit::Walk);
                continue;
            }
            let len = (!(words >> i)).trailing_zeros() as usize;
            let end = match i + len {
                BLOCK => words::run_end(hay, p + BLOCK),
                _ => q + len,
            };
            if let Some(hit) = self.hit(hay, q, end) {
                found(q, hit);
            }
            if end >= p + BLOCK {
                return end;
            }
        }
        p + BLOCK
    }

    /// The character, or the word, at `p`: returns where to go on from.
    fn find_at(&self, hay: &[u8], p: usize, found: &mut impl FnMut(usize, Hit)) -> usize {
        let b = hay[p];
        if words::CLASS[b as usize] == words::OTHER
            || (b >= 0x80 && words::word_char_len(hay, p) == 0)
        {
            if self.other[b as usize] {
                found(p, Hit::Walk);
            }
            return p + words::char_len(hay, p);
        }
        let end = words::run_end(hay, p);
        if let Some(hit) = self.hit(hay, p, end) {
            found(p, hit);
        }
        end
    }

    /// Do keys start with the word `p..end` (with the word after it, if need be)?
    #[inline(always)]
    fn hit(&self, hay: &[u8], p: usize, end: usize) -> Option<Hit> {
        if !words::starts_word(hay, p) {
            return None;
        }
        if self.lengths & length_bit(end - p) == 0 {
            return None;
        }
        let slot = self.firsts.find(hash(hay, p, end))?;
        let Some(keys) = &self.keys else {
            return Some(Hit::Walk);
        };
        let flags = self.firsts.flags(slot);
        let alone = (flags & ALONE != 0).then_some(slot);
        let paired = match flags & GOES_ON {
            0 => None,
            _ => words::second_word_end(hay, end).and_then(|e| keys.pairs.find(hash(hay, p, e))),
        };
        (alone.is_some() || paired.is_some()).then_some(Hit::Groups { alone, paired })
    }
}

/// How a key starts: its word, when it is one word; its first word and its first two with
/// what stands between, when it goes on; or not with a word character.
#[derive(Clone, Copy)]
enum Signature {
    Alone { word: u64, len: usize },
    Pair { first: u64, len: usize, pair: u64 },
    Other,
}

fn signature(key: &[u8]) -> Signature {
    let Ok(text) = std::str::from_utf8(key) else {
        return Signature::Other;
    };
    let run_end = |from: usize| {
        text[from..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(text.len(), |(i, _)| from + i)
    };
    let first = run_end(0);
    if first == 0 {
        return Signature::Other;
    }
    let second = text[first..]
        .char_indices()
        .find(|&(_, c)| is_word_char(c))
        .map(|(i, _)| run_end(first + i));
    match second {
        None => Signature::Alone {
            word: hash(key, 0, first),
            len: first,
        },
        Some(end) => Signature::Pair {
            first: hash(key, 0, first),
            len: first,
            pair: hash(key, 0, end),
        },
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn ascii(other: &[bool; 256]) -> Vec<u8> {
    (0..0x80).filter(|&b| other[b as usize]).collect()
}

/// Appends every key of `fst` that starts at `start`, shortest first: a walk down the fst
/// along the text.
fn walk<D: AsRef<[u8]>>(fst: &Fst<D>, hay: &[u8], start: usize, keys: &mut Vec<(usize, u32)>) {
    let mut node = fst.root();
    let mut out = Output::zero();
    for (i, &b) in hay[start..].iter().enumerate() {
        let Some(t) = node.find_input(b).map(|k| node.transition(k)) else {
            break;
        };
        out = out.cat(t.out);
        node = fst.node(t.addr);
        // A value naming no pattern (a file made by hand) is no key.
        let value = out.cat(node.final_output()).value();
        if node.is_final() && value < fst.len() as u64 {
            keys.push((start + i + 1, value as u32));
        }
    }
}

/// A walk down the fst that records each key's first word, or, for a key that does not start
/// with a word character, its first byte.
struct Walk<'a, D> {
    fst: &'a Fst<D>,
    prefix: Vec<u8>,
    /// Each first word's hash and length.
    firsts: Vec<(u64, usize)>,
    other: [bool; 256],
}

impl<D: AsRef<[u8]>> Walk<'_, D> {
    /// From the node at `addr`, reached by `self.prefix`, inside the first word.
    fn node(&mut self, addr: fst::raw::CompiledAddr) {
        let node = self.fst.node(addr);
        if node.is_final() && !self.prefix.is_empty() {
            let len = self.prefix.len();
            self.firsts.push((hash(&self.prefix, 0, len), len));
        }
        for t in node.transitions() {
            self.prefix.push(t.inp);
            match char_ending(&self.prefix) {
                // Inside a multi-byte character: read on.
                None => self.node(t.addr),
                Some(c) if is_word_char(c) => self.node(t.addr),
                Some(c) => match self.prefix.len() - c.len_utf8() {
                    0 => self.other[self.prefix[0] as usize] = true,
                    at => self.firsts.push((hash(&self.prefix, 0, at), at)),
                },
            }
            self.prefix.pop();
        }
    }
}

/// The character that the last byte of `bytes` completes, if it completes one.
fn char_ending(bytes: &[u8]) -> Option<char> {
    let start = bytes.len()
        - bytes
            .iter()
            .rev()
            .take(4)
            .position(|&b| (b as i8) >= -0x40)?
        - 1;
    std::str::from_utf8(&bytes[start..]).ok()?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys found in `text` (as "start:key"), with the keys kept or walked in the fst.
    fn found(keys: &[&str], text: &str) -> [Vec<String>; 2] {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let map = fst::Map::from_iter(sorted.iter().enumerate().map(|(i, k)| (k, i as u64)));
        let map = map.unwrap();
        [usize::MAX, 0].map(|budget| {
            let c = Starts::new(map.as_fst(), budget).candidates(map.as_fst(), text.as_bytes(), 0);
            let mut first = 0;
            let mut out = Vec::new();
            for &(start, last) in &c.starts {
                for &(end, pattern) in &c.keys[first..last] {
                    assert_eq!(&text[start..end], sorted[pattern as usize]);
                    out.push(format!("{start}:{}", &text[start..end]));
                }
                first = last;
            }
            out
        })
    }

    #[test]
    fn the_keys_at_word_starts() {
        let keys = [
            "mental property",
            "on-line",
            "on",
            "gap",
            "'em",
            "café noir",
            "mental",
        ];
        let text = "a mental state, mental property; on-lines on-line gaps gap 'em café noir";
        let [kept, walked] = found(&keys, text);
        assert_eq!(
            kept,
            [
                "2:mental",
                "16:mental",
                "16:mental property",
                "33:on",
                "42:on",
                "42:on-line",
                "55:gap",
                "59:'em",
                "63:café noir"
            ]
        );
        // The walk also lists a key whose last word runs on ("on-line" in "on-lines"), which no
        // scan takes.
        let extra: Vec<&String> = walked.iter().filter(|k| !kept.contains(k)).collect();
        assert_eq!(extra, ["33:on-line"]);
    }

    #[test]
    fn not_inside_a_word() {
        let text = "don't fundamental émental t";
        let [kept, walked] = found(&["t", "mental"], text);
        assert_eq!(kept, [format!("{}:t", text.len() - 1)]);
        assert_eq!(walked, kept);
    }

    proptest::proptest! {
        #[test]
        fn blocks_find_what_one_word_at_a_time_finds(
            text in "([a-c' _-]{1,6}|é|日|\\.|  ){0,120}",
            keep in proptest::bool::ANY,
        ) {
            let mut keys = vec!["a", "ab c", "b'c", "-a", "'b", "c_a", "é", "a-b", "a b", "bb", "a b c"];
            keys.sort_unstable();
            let set = fst::Set::from_iter(keys).unwrap();
            let s = Starts::new(set.as_fst(), if keep { usize::MAX } else { 0 });
            let hay = text.as_bytes();
            let mut blocks = Vec::new();
            s.find(hay, 0, |p, _| blocks.push(p));
            let mut one = Vec::new();
            let mut p = 0;
            while p < hay.len() {
                p = s.find_at(hay, p, &mut |q, _| one.push(q));
            }
            proptest::prop_assert_eq!(blocks, one);
        }

        #[test]
        fn kept_keys_are_the_walked_keys_that_end_a_word(
            text in "([a-c' _-]{1,6}|é|\\.|  ){0,60}",
        ) {
            let keys = ["a", "ab c", "b'c", "-a", "'b", "c_a", "é", "a-b", "a b", "bb", "a b c", "ab"];
            let [kept, walked] = found(&keys, &text);
            let ends_word = |k: &String| {
                let (at, key) = k.split_once(':').unwrap();
                let end = at.parse::<usize>().unwrap() + key.len();
                !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    || !key.ends_with(|c: char| c.is_alphanumeric() || c == '_')
            };
            let walked: Vec<String> = walked.into_iter().filter(ends_word).collect();
            proptest::prop_assert_eq!(kept.into_iter().filter(ends_word).collect::<Vec<_>>(), walked);
        }
    }
}
