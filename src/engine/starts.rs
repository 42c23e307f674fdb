//! Where keys start in a text: found without running an automaton over its bytes. Keys match
//! whole words, so a key starts only where a word starts, and that word is the key's first
//! word. Each word of the text (`words`, read 64 bytes at a time) is hashed and looked up in a
//! table of the keys' first words (`table`): most words cost a few instructions. Up to
//! `two_word_keys` keys, the table holds only the keys of one word, and the words of English
//! that begin longer keys ("the", "of", "in": half the words of a text) are looked up with the
//! word after them, in a table of the keys' first two words: each word is hashed once and read
//! in one pass, with no word looked up twice nor read again. Keys that do not start with a word
//! character ("'em") start at each of their first bytes. The automaton (`matcher`) then reads
//! the text from the few places that pass.

use super::matcher::Matcher;
use super::table::{hash, pair, Slots, Table, Twin};
use super::{boundary, swar, words};
use crate::dict::key::is_word_char;
use fst::raw::Fst;

pub struct Starts {
    /// The lengths of the keys' first words, a bit each (63 for any longer): most words of a
    /// text are not hashed at all.
    lengths: u64,
    /// The keys' first words; with `pairs`, only those that are a key by themselves (perhaps
    /// with something after them, "on-"). `filter` stands in front of them.
    firsts: Slots,
    /// Whether a word may be one of `firsts`, and whether it may be the first word of a key of
    /// `pairs`.
    filter: Twin,
    /// The keys of two words or more, by their first two words, when they are read.
    pairs: Option<Pairs>,
    /// Lead bytes of keys that do not start with a word character.
    other: [bool; 256],
    /// The ASCII ones among them.
    other_ascii: Vec<u8>,
}

/// Keys of two words or more, told by their first two words (a word that is none of their
/// first words is not held for the word after it: see `Starts::filter`).
struct Pairs {
    /// Their first two words, the two words' hashes paired.
    both: Table,
}

/// The keys found in a text, whatever a scan lets pass: a gate only chooses among them.
#[derive(Default)]
pub struct Candidates {
    /// Each position where keys start, and where its keys end in `keys`.
    pub starts: Vec<(usize, usize)>,
    /// (end, pattern) of the keys at each position, shortest first.
    pub keys: Vec<(usize, u32)>,
    /// The words that start at or after the place read from, as the spin score counts them:
    /// the scan reads every word, so the score's count costs no pass of its own.
    pub words: usize,
}

/// Bytes read at a time when they are all ASCII.
const BLOCK: usize = 64;

impl Starts {
    /// The starts of the keys of `fst`; their first two words are read when there are at most
    /// `two_word_keys` keys.
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>, two_word_keys: usize) -> Starts {
        if fst.len() <= two_word_keys {
            Starts::two_words(fst)
        } else {
            Starts::first_words(fst)
        }
    }

    /// The keys of one word, and the first two words of the others.
    fn two_words<D: AsRef<[u8]>>(fst: &Fst<D>) -> Starts {
        use fst::Streamer;
        let mut other = [false; 256];
        let (mut firsts, mut pair_firsts, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
        let mut lengths = 0;
        let mut stream = fst.stream();
        while let Some((key, value)) = stream.next() {
            // A value naming no pattern (a file made by hand) is no key.
            if value.value() >= fst.len() as u64 || key.is_empty() {
                continue;
            }
            match signature(key) {
                Signature::Other => other[key[0] as usize] = true,
                Signature::Alone { word, len } => {
                    firsts.push(word);
                    lengths |= length_bit(len);
                }
                Signature::Pair { first, len, pair } => {
                    pair_firsts.push(first);
                    pairs.push(pair);
                    lengths |= length_bit(len);
                }
            }
        }
        Starts {
            lengths,
            filter: Twin::new(&firsts, &pair_firsts),
            firsts: Slots::new(&firsts),
            pairs: Some(Pairs {
                both: Table::new(pairs),
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
        let firsts: Vec<u64> = walk.firsts.iter().map(|&(h, _)| h).collect();
        Starts {
            lengths: walk
                .firsts
                .iter()
                .fold(0, |l, &(_, len)| l | length_bit(len)),
            filter: Twin::new(&firsts, &[]),
            firsts: Slots::new(&firsts),
            pairs: None,
            other_ascii: ascii(&walk.other),
            other: walk.other,
        }
    }

    /// Every key of `fst` that starts at or after `from` in `hay`, read by `matcher`.
    pub fn candidates<D: AsRef<[u8]>>(
        &self,
        matcher: &Matcher,
        fst: &Fst<D>,
        hay: &[u8],
        from: usize,
    ) -> Candidates {
        let mut c = Candidates::default();
        c.words = self.find(hay, from, |p| {
            matcher.keys_at(fst, hay, p, &mut c.keys);
            if c.starts.last().map_or(0, |&(_, end)| end) < c.keys.len() {
                c.starts.push((p, c.keys.len()));
            }
        });
        c
    }

    /// Calls `found` with every position at or after `from` where a key may start, in order;
    /// returns how many words start at or after `from`.
    fn find(&self, hay: &[u8], from: usize, found: impl FnMut(usize)) -> usize {
        let mut scan = Scan::new(self, found);
        let mut p = from;
        while p < hay.len() {
            p = match hay.get(p..p + BLOCK) {
                Some(block) if block.is_ascii() => self.find_in_block(hay, p, &mut scan),
                _ => {
                    let stop = (p + BLOCK).min(hay.len());
                    while p < stop {
                        p = self.find_at(hay, p, &mut scan);
                    }
                    p
                }
            };
        }
        // A word that `from` is inside of started before it.
        let inside = from < hay.len()
            && words::word_char_len(hay, from) > 0
            && boundary::char_before(hay, from).is_some_and(is_word_char);
        scan.finish() - usize::from(inside)
    }

    /// The `BLOCK` ASCII bytes at `p`, their words told by bit masks: returns where to go on
    /// from (past the block, or past a word that runs on beyond it).
    #[inline]
    fn find_in_block<F: FnMut(usize)>(&self, hay: &[u8], p: usize, scan: &mut Scan<F>) -> usize {
        let block: &[u8; BLOCK] = hay[p..p + BLOCK].try_into().expect("a block");
        // Each byte told alone and without branching, which the compiler makes vector
        // instructions of (less than half the instructions of eight bytes in a register); the
        // answers then gathered into masks sixteen at a time (`swar::mask64`).
        let word: [u8; BLOCK] = std::array::from_fn(|k| u8::from(words::ascii_word(block[k])) << 7);
        let is = |c: u8| swar::mask64(&std::array::from_fn(|k| u8::from(block[k] == c) << 7));
        let words = swar::mask64(&word);
        let apostrophes = is(b'\'');
        let others = self.other_ascii.iter().fold(0, |o, &c| o | is(c));
        // Where words begin, and the other bytes keys begin with.
        let mut todo = (words & !(words << 1)) | others;
        // Runs of word bytes that do not start a word: after an apostrophe inside one (`t` of
        // `don't`).
        let inside = (apostrophes << 1) & (words << 2);
        while todo != 0 {
            let i = todo.trailing_zeros() as usize;
            todo &= todo - 1;
            let q = p + i;
            if others >> i & 1 == 1 {
                scan.other(q);
                continue;
            }
            let len = (!(words >> i)).trailing_zeros() as usize;
            let end = match i + len {
                BLOCK => words::run_end(hay, p + BLOCK),
                _ => q + len,
            };
            // The bytes before the block are not in the masks: the first two ask the text.
            let starts = match i {
                0 | 1 => words::starts_word(hay, q),
                _ => inside >> i & 1 == 0,
            };
            scan.word(hay, q, end, starts);
            if end >= p + BLOCK {
                return end;
            }
        }
        p + BLOCK
    }

    /// The character, or the word, at `p`: returns where to go on from.
    fn find_at<F: FnMut(usize)>(&self, hay: &[u8], p: usize, scan: &mut Scan<F>) -> usize {
        let b = hay[p];
        if words::CLASS[b as usize] == words::OTHER
            || (b >= 0x80 && words::word_char_len(hay, p) == 0)
        {
            if self.other[b as usize] {
                scan.other(p);
            }
            return p + words::char_len(hay, p);
        }
        let end = words::run_end(hay, p);
        scan.word(hay, p, end, words::starts_word(hay, p));
        end
    }
}

/// A scan's words, in order: each is looked up as a key's first word, or, when it may begin a
/// key of two words, held until the word after it is read. Half the words of English begin
/// some key of two words ("the", "of"): the tests whose answer goes either way are made without
/// branching, so that the processor does not guess them.
struct Scan<'s, F> {
    starts: &'s Starts,
    found: F,
    /// The word last read: where it starts, its hash.
    held: (usize, u64),
    /// Whether it is held: it may begin a key of two words.
    live: bool,
    /// Words read.
    words: usize,
    /// Other bytes keys start at, after the word held: found once it is decided.
    after: Vec<usize>,
}

impl<'s, F: FnMut(usize)> Scan<'s, F> {
    fn new(starts: &'s Starts, found: F) -> Self {
        Scan {
            starts,
            found,
            held: (0, 0),
            live: false,
            words: 0,
            after: Vec::new(),
        }
    }

    /// The word `q..end` of `hay`, which `starts` a word unless it goes on from one through an
    /// apostrophe. Every word is hashed, and tested as a first word and as the second of a
    /// pair, whatever it turns out to be, with one branch: only a word that may pass takes it.
    #[inline(always)]
    fn word(&mut self, hay: &[u8], q: usize, end: usize, starts: bool) {
        let s = self.starts;
        self.words += 1;
        let first = starts & (s.lengths & length_bit(end - q) != 0);
        let h = hash(hay, q, end);
        let (alone, begins) = s.filter.maybe(h);
        let both = pair(self.held.1, h);
        let second = self.live & s.pairs.as_ref().is_some_and(|p| p.both.maybe(both));
        if second | (first & alone) | !self.after.is_empty() {
            if second && s.pairs.as_ref().is_some_and(|p| p.both.probe(both)) {
                (self.found)(self.held.0);
            }
            self.flush();
            if first & alone && s.firsts.probe(h) {
                self.live = false;
                (self.found)(q);
                return;
            }
        }
        self.held = (q, h);
        self.live = first & begins;
    }

    /// A byte at `p` that keys not starting with a word character start with.
    fn other(&mut self, p: usize) {
        if self.live {
            self.after.push(p);
        } else {
            (self.found)(p);
        }
    }

    /// Finds the other bytes that waited for the word held to be decided.
    #[inline(always)]
    fn flush(&mut self) {
        if !self.after.is_empty() {
            for &o in &self.after {
                (self.found)(o);
            }
            self.after.clear();
        }
    }

    /// The end of the text: a word held has no second word. Returns the words read.
    fn finish(mut self) -> usize {
        self.flush();
        self.words
    }
}

/// How a key starts: its word, when it is one word; its first two words, when it goes on
/// (with the first word's length either way); or not with a word character.
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
        .map(|(i, _)| first + i);
    match second {
        None => Signature::Alone {
            word: hash(key, 0, first),
            len: first,
        },
        Some(second) => Signature::Pair {
            first: hash(key, 0, first),
            len: first,
            pair: pair(hash(key, 0, first), hash(key, second, run_end(second))),
        },
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn ascii(other: &[bool; 256]) -> Vec<u8> {
    (0..0x80).filter(|&b| other[b as usize]).collect()
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

    /// The keys found in `text` (as "start:key"): with the two-word table and the automaton,
    /// and with neither (the first-word table and the fst).
    fn found(keys: &[&str], text: &str) -> [Vec<String>; 2] {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let map = fst::Map::from_iter(sorted.iter().enumerate().map(|(i, k)| (k, i as u64)));
        let map = map.unwrap();
        [usize::MAX, 0].map(|budget| {
            let matcher = Matcher::new(map.as_fst(), budget).unwrap();
            let c = Starts::new(map.as_fst(), budget).candidates(
                &matcher,
                map.as_fst(),
                text.as_bytes(),
                0,
            );
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
        let [pairs, firsts] = found(&keys, text);
        // "on-line" in "on-lines" is listed too: the automaton reads keys, the scan words.
        assert_eq!(
            pairs,
            [
                "2:mental",
                "16:mental",
                "16:mental property",
                "33:on",
                "33:on-line",
                "42:on",
                "42:on-line",
                "55:gap",
                "59:'em",
                "63:café noir"
            ]
        );
        assert_eq!(firsts, pairs);
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
            s.find(hay, 0, |p| blocks.push(p));
            let mut one = Vec::new();
            let mut scan = Scan::new(&s, |q| one.push(q));
            let mut p = 0;
            while p < hay.len() {
                p = s.find_at(hay, p, &mut scan);
            }
            scan.finish();
            proptest::prop_assert_eq!(blocks, one);
        }

        #[test]
        fn counts_the_words_that_start_where_it_reads(
            text in "([a-c' _-]{1,70}|é|日|\\.|  ){0,40}",
            at in proptest::prelude::any::<proptest::sample::Index>(),
            keep in proptest::bool::ANY,
        ) {
            let set = fst::Set::from_iter(["a b", "bb", "c"]).unwrap();
            let s = Starts::new(set.as_fst(), if keep { usize::MAX } else { 0 });
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let from = bounds[at.index(bounds.len())];
            let mut prev = text[..from].chars().next_back().is_some_and(is_word_char);
            let mut want = 0;
            for c in text[from..].chars() {
                want += usize::from(is_word_char(c) && !prev);
                prev = is_word_char(c);
            }
            proptest::prop_assert_eq!(s.find(text.as_bytes(), from, |_| {}), want);
        }

        #[test]
        fn both_tables_find_the_keys_that_end_a_word(
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
