//! Where a key may start, found without running an automaton over the text. Keys match whole
//! words, so a key can only start where a word starts, and that word must be the key's first
//! word: the text's first word at a position, or its first two words with what stands between
//! them ("in the", "on-line", "1.three"), are hashed and looked up in a small table of the
//! keys' own. Only the few positions that pass (a word of the dictionary's, or a byte some key
//! starts with when it does not start with a word) are handed to the fst, which confirms.

use super::{boundary, swar};
use crate::dict::key::is_word_char;
use fst::raw::Fst;

/// The keys' starts, as hashes in open-addressing tables.
pub struct Starts {
    /// The keys' first words; each with whether a key is that word alone (perhaps with
    /// something after it, "on-"), and whether one goes on to a second word.
    firsts: Table,
    /// The keys' first two words and what stands between them ("in the", "on-line"), when
    /// keys are told apart by two words; otherwise every first word is a start.
    pairs: Option<Table>,
    /// Lead bytes of keys that do not start with a word character ("'em", "-based").
    other: [bool; 256],
    /// The ASCII ones among them.
    other_ascii: Vec<u8>,
}

/// Bytes read at a time when they are all ASCII.
const BLOCK: usize = 64;

/// A first word that is a key by itself.
const ALONE: u8 = 1;
/// A first word that begins a key of two words or more.
const GOES_ON: u8 = 2;

impl Starts {
    /// The starts of every key of `fst`. With more than `two_word_keys` keys, only their first
    /// words are read: the table builds faster, and passes more positions on to the fst.
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>, two_word_keys: usize) -> Starts {
        let mut walk = Walk {
            fst,
            two_words: fst.len() <= two_word_keys,
            prefix: Vec::new(),
            firsts: Vec::new(),
            pairs: Vec::new(),
            other: [false; 256],
        };
        walk.node(fst.root().addr(), Phase::First, 0);
        Starts {
            firsts: Table::new(walk.firsts),
            pairs: walk.two_words.then(|| Table::new(walk.pairs)),
            other: walk.other,
            other_ascii: (0..0x80).filter(|&b| walk.other[b as usize]).collect(),
        }
    }

    /// Calls `found` with every position at or after `from` where a key may start, in order.
    pub fn find(&self, hay: &[u8], from: usize, mut found: impl FnMut(usize)) {
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
    fn find_in_block(&self, hay: &[u8], p: usize, found: &mut impl FnMut(usize)) -> usize {
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
                found(q);
                continue;
            }
            let len = (!(words >> i)).trailing_zeros() as usize;
            let end = match i + len {
                BLOCK => run_end(hay, p + BLOCK),
                _ => q + len,
            };
            if starts_word(hay, q) && self.begins_key(hay, q, end) {
                found(q);
            }
            if end >= p + BLOCK {
                return end;
            }
        }
        p + BLOCK
    }

    /// The character, or the word, at `p`: returns where to go on from.
    fn find_at(&self, hay: &[u8], p: usize, found: &mut impl FnMut(usize)) -> usize {
        let b = hay[p];
        if CLASS[b as usize] == OTHER || (b >= 0x80 && word_char_len(hay, p) == 0) {
            if self.other[b as usize] {
                found(p);
            }
            return p + char_len(hay, p);
        }
        let end = run_end(hay, p);
        if starts_word(hay, p) && self.begins_key(hay, p, end) {
            found(p);
        }
        end
    }

    /// Does the word `p..end` begin a key, with the word after it if need be?
    #[inline(always)]
    fn begins_key(&self, hay: &[u8], p: usize, end: usize) -> bool {
        let flags = self.firsts.get(hash(hay, p, end));
        match &self.pairs {
            _ if flags == 0 => false,
            None => true,
            Some(_) if flags & ALONE != 0 => true,
            Some(pairs) => {
                second_word_end(hay, end).is_some_and(|e| pairs.get(hash(hay, p, e)) != 0)
            }
        }
    }
}

/// A set of hashes, each with a few flag bits: the hash's upper bits pick the slot, its lower
/// bits are kept to tell entries apart (a false match only costs a walk down the fst).
struct Table {
    /// Fingerprint (the hash's lower 24 bits, never 0: 0 is an empty slot) and flags.
    slots: Vec<u32>,
}

impl Table {
    fn new(entries: Vec<(u64, u8)>) -> Table {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = Table {
            slots: vec![0; size],
        };
        for (h, flags) in entries {
            let mut i = t.slot(h);
            while t.slots[i] != 0 && t.slots[i] >> 8 != fingerprint(h) {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] |= fingerprint(h) << 8 | u32::from(flags);
        }
        t
    }

    #[inline]
    fn slot(&self, h: u64) -> usize {
        (h >> 40) as usize & (self.slots.len() - 1)
    }

    /// The flags of `h` (0 if absent).
    #[inline(always)]
    fn get(&self, h: u64) -> u8 {
        let mut i = self.slot(h);
        loop {
            match self.slots[i] {
                0 => return 0,
                s if s >> 8 == fingerprint(h) => return s as u8,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

fn fingerprint(h: u64) -> u32 {
    (h as u32 & 0xFF_FFFF) | 1
}

/// How far the signature of a key (or of the text at a word start) reaches.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// In its first word.
    First,
    /// Past it, before a second word.
    Between,
    /// In its second word.
    Second,
}

/// A walk down the fst that records each key's first word, and its first two words with what
/// stands between them; keys that start with another character give their first byte instead.
struct Walk<'a, D> {
    fst: &'a Fst<D>,
    two_words: bool,
    prefix: Vec<u8>,
    firsts: Vec<(u64, u8)>,
    pairs: Vec<(u64, u8)>,
    other: [bool; 256],
}

impl<D: AsRef<[u8]>> Walk<'_, D> {
    /// From the node at `addr`, reached by `self.prefix`, in `phase`; `first_end` is where the
    /// first word ended (once it has).
    fn node(&mut self, addr: fst::raw::CompiledAddr, phase: Phase, first_end: usize) {
        let node = self.fst.node(addr);
        if node.is_final() && phase != Phase::Second && !self.prefix.is_empty() {
            let end = if phase == Phase::First {
                self.prefix.len()
            } else {
                first_end
            };
            self.firsts.push((hash(&self.prefix, 0, end), ALONE));
        }
        if node.is_final() && phase == Phase::Second {
            self.pairs
                .push((hash(&self.prefix, 0, self.prefix.len()), GOES_ON));
        }
        for t in node.transitions() {
            self.prefix.push(t.inp);
            match char_ending(&self.prefix) {
                // Inside a multi-byte character: read on.
                None => self.node(t.addr, phase, first_end),
                Some(c) => {
                    let at = self.prefix.len() - c.len_utf8();
                    match (phase, is_word_char(c)) {
                        (Phase::First, false) if at == 0 => {
                            self.other[self.prefix[0] as usize] = true
                        }
                        (Phase::First, false) => {
                            self.firsts.push((hash(&self.prefix, 0, at), GOES_ON));
                            if self.two_words {
                                self.node(t.addr, Phase::Between, at);
                            }
                        }
                        (Phase::Between, true) => self.node(t.addr, Phase::Second, first_end),
                        (Phase::Second, false) => {
                            self.pairs.push((hash(&self.prefix, 0, at), GOES_ON));
                        }
                        (phase, _) => self.node(t.addr, phase, first_end),
                    }
                }
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

/// Byte classes: an ASCII word character, another ASCII character, or a byte of a
/// multi-byte character (which is read as a character to tell).
const WORD: u8 = 1;
const OTHER: u8 = 0;
const HIGH: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Length of the word character at `p`, or 0 if another character (or a broken one) is there.
#[inline]
fn word_char_len(hay: &[u8], p: usize) -> usize {
    let b = hay[p];
    if b < 0x80 {
        return usize::from(b.is_ascii_alphanumeric() || b == b'_');
    }
    boundary::char_at(hay, p).map_or(0, |c| if is_word_char(c) { c.len_utf8() } else { 0 })
}

#[inline]
fn char_len(hay: &[u8], p: usize) -> usize {
    match hay[p] {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
    .min(hay.len() - p)
}

/// Where the word running at `p` ends: eight bytes at a time while they are ASCII.
#[inline]
fn run_end(hay: &[u8], mut p: usize) -> usize {
    loop {
        match hay.get(p..p + 8) {
            Some(eight) => {
                let others = !swar::word_bytes(swar::load(eight)) & swar::HIGH;
                if others == 0 {
                    p += 8;
                    continue;
                }
                p += others.trailing_zeros() as usize / 8;
            }
            None => {
                while p < hay.len() && CLASS[hay[p] as usize] == WORD {
                    p += 1;
                }
            }
        }
        // A multi-byte character may go on with the word.
        match hay.get(p) {
            Some(&b) if b >= 0x80 => match word_char_len(hay, p) {
                0 => return p,
                n => p += n,
            },
            _ => return p,
        }
    }
}

/// Where the word after the non-word characters at `p` ends, if one follows.
fn second_word_end(hay: &[u8], mut p: usize) -> Option<usize> {
    while p < hay.len() {
        if word_char_len(hay, p) > 0 {
            return Some(run_end(hay, p));
        }
        p += char_len(hay, p);
    }
    None
}

/// Does a word start at `p`, which begins a run of word characters? Not inside one, nor after
/// an apostrophe inside one (`t` of `don't`).
#[inline]
fn starts_word(hay: &[u8], p: usize) -> bool {
    match p.checked_sub(1).map(|q| hay[q]) {
        None => true,
        Some(b) if b < 0x80 && b != b'\'' => !(b.is_ascii_alphanumeric() || b == b'_'),
        Some(_) => boundary::starts_word(hay, p, 'a'),
    }
}

/// A fast hash of `hay[start..end]` (FxHash's multiply, eight bytes at a time).
#[inline(always)]
fn hash(hay: &[u8], start: usize, end: usize) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let len = end - start;
    let mut h = len as u64;
    let mut p = start;
    // Most words: eight bytes read at once, those past the word masked off.
    if let (1..=8, Some(eight)) = (len, hay.get(p..p + 8)) {
        let word = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ (word & (u64::MAX >> (64 - 8 * len)))).wrapping_mul(K);
        return h ^ (h >> 32);
    }
    while p < end {
        let mut eight = [0u8; 8];
        let n = (end - p).min(8);
        eight[..n].copy_from_slice(&hay[p..p + n]);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(eight)).wrapping_mul(K);
        p += 8;
    }
    // The multiply mixes upwards only: fold the upper bits into the fingerprint's.
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(keys: &[&str], two_word_keys: usize, text: &str) -> Vec<usize> {
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        let set = fst::Set::from_iter(keys).unwrap();
        let s = Starts::new(set.as_fst(), two_word_keys);
        let mut out = Vec::new();
        s.find(text.as_bytes(), 0, |p| out.push(p));
        out
    }

    #[test]
    fn only_word_starts_that_begin_a_key() {
        let keys = ["mental property", "on-line", "gap", "'em", "café noir"];
        let text = "a mental state, mental property; online on-line gaps gap 'em café noir";
        for budget in [0, usize::MAX] {
            let got = starts(&keys, budget, text);
            let words: Vec<&str> = got.iter().map(|&p| &text[p..p + 3]).collect();
            if budget == 0 {
                assert_eq!(words, ["men", "men", "on-", "gap", "'em", "caf"]);
            } else {
                assert_eq!(words, ["men", "on-", "gap", "'em", "caf"]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn blocks_find_what_one_word_at_a_time_finds(
            text in "([a-c' _-]{1,6}|é|日|\\.|  ){0,120}",
            budget in proptest::prop_oneof![proptest::strategy::Just(0), proptest::strategy::Just(usize::MAX)],
        ) {
            let mut keys = vec!["a", "ab c", "b'c", "-a", "'b", "c_a", "é", "a-b", "a b", "bb"];
            keys.sort_unstable();
            let set = fst::Set::from_iter(keys).unwrap();
            let s = Starts::new(set.as_fst(), budget);
            let hay = text.as_bytes();
            let mut blocks = Vec::new();
            s.find(hay, 0, |p| blocks.push(p));
            let mut one = Vec::new();
            let mut p = 0;
            while p < hay.len() {
                p = s.find_at(hay, p, &mut |q| one.push(q));
            }
            proptest::prop_assert_eq!(blocks, one);
        }
    }

    #[test]
    fn not_inside_a_word() {
        let text = "don't fundamental émental t";
        assert_eq!(starts(&["t", "mental"], 10, text), [text.len() - 1]);
    }
}
