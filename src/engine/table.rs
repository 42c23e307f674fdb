//! A small open-addressing hash set of byte strings (the keys' first words, their first two
//! words), and the hash: what is looked up for every word of a text, so it is kept compact and
//! fast.

/// A set of hashes: the hash's upper bits pick the slot, its lower bits are kept to tell
/// entries apart. Two hashes may share a slot (the same lower bits in one probe run): a match
/// is a candidate, which the caller confirms. Most lookups are of words that are not there: a
/// [`Filter`] in front turns away nearly all of them with one load, before any probing.
pub struct Table {
    filter: Filter,
    slots: Slots,
}

impl Table {
    pub fn new(entries: Vec<u64>) -> Table {
        Table {
            filter: Filter::new(&entries),
            slots: Slots::new(&entries),
        }
    }

    /// May `h` be in the table? One load, no branch: most hashes that are not are told so.
    #[inline(always)]
    pub fn maybe(&self, h: u64) -> bool {
        self.filter.maybe(h)
    }

    /// Is `h` in the table?
    #[inline(always)]
    pub fn contains(&self, h: u64) -> bool {
        self.maybe(h) && self.probe(h)
    }

    /// Is `h`, which [`Table::maybe`] let through, in the table? The slots alone are read.
    #[inline(always)]
    pub fn probe(&self, h: u64) -> bool {
        self.slots.probe(h)
    }
}

/// The slots of a [`Table`] without its filter, for a set that a [`Twin`] filters.
pub struct Slots {
    /// Fingerprint: the hash's lower 24 bits, never 0 (0 is an empty slot).
    slots: Vec<u32>,
}

impl Slots {
    pub fn new(entries: &[u64]) -> Slots {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0; size];
        for &h in entries {
            let mut i = home(h, size);
            while slots[i] != 0 && slots[i] != fingerprint(h) {
                i = (i + 1) & (size - 1);
            }
            slots[i] = fingerprint(h);
        }
        Slots { slots }
    }

    /// Is `h` among the slots?
    #[inline(always)]
    pub fn probe(&self, h: u64) -> bool {
        let mut i = home(h, self.slots.len());
        loop {
            match self.slots[i] {
                0 => return false,
                s if s == fingerprint(h) => return true,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// A bit array of hashes (16 bits an entry, one of them set): a clear bit says a hash is not
/// there; a set one, that it may be.
struct Filter {
    bits: Vec<u64>,
    /// The bits' count less one: where a hash's bit may be.
    places: usize,
}

impl Filter {
    fn new(entries: &[u64]) -> Filter {
        let bits = (entries.len() * 16).next_power_of_two().max(64);
        let mut f = Filter {
            bits: vec![0; bits / 64],
            places: bits - 1,
        };
        for &h in entries {
            let (word, bit) = f.bit(h);
            f.bits[word] |= bit;
        }
        f
    }

    /// The word and bit for `h`, from bits the slot and the fingerprint do not use first.
    #[inline(always)]
    fn bit(&self, h: u64) -> (usize, u64) {
        let at = h.rotate_right(24) as usize & self.places;
        (at / 64, 1 << (at % 64))
    }

    /// May `h` be there?
    #[inline(always)]
    fn maybe(&self, h: u64) -> bool {
        let (word, bit) = self.bit(h);
        self.bits[word] & bit != 0
    }
}

/// Two filters in one bit array, a hash's two bits side by side: one load tells whether it may
/// be in either set (16 places an entry of the larger set, as [`Filter`]).
pub struct Twin {
    bits: Vec<u64>,
    /// The bits' count less one, less the lowest bit: where a hash's first bit may be.
    places: usize,
}

impl Twin {
    pub fn new(a: &[u64], b: &[u64]) -> Twin {
        let bits = (a.len().max(b.len()) * 32).next_power_of_two().max(64);
        let mut t = Twin {
            bits: vec![0; bits / 64],
            places: bits - 2,
        };
        for (set, entries) in [a, b].into_iter().enumerate() {
            for &h in entries {
                let at = t.at(h) + set;
                t.bits[at / 64] |= 1 << (at % 64);
            }
        }
        t
    }

    #[inline(always)]
    fn at(&self, h: u64) -> usize {
        h.rotate_right(24) as usize & self.places
    }

    /// May `h` be in the first set; in the second?
    #[inline(always)]
    pub fn maybe(&self, h: u64) -> (bool, bool) {
        let at = self.at(h);
        let two = self.bits[at / 64] >> (at % 64);
        (two & 1 != 0, two & 2 != 0)
    }
}

#[inline(always)]
fn home(h: u64, size: usize) -> usize {
    (h >> 40) as usize & (size - 1)
}

fn fingerprint(h: u64) -> u32 {
    (h as u32 & 0xFF_FFFF) | 1
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// A fast hash of `hay[start..end]` (FxHash's multiply): its length, its first eight bytes and
/// its last eight, two loads and no loop (a loop's exit, on words of every length, is a branch
/// the processor guesses wrong). Strings longer than 16 bytes that differ only in between share
/// a hash: a match is a candidate either way, which the caller confirms.
#[inline(always)]
pub fn hash(hay: &[u8], start: usize, end: usize) -> u64 {
    let n = end - start;
    let head = load(hay, start) & low_bytes(n);
    // For 9 to 16 bytes, the tail overlaps the head; for 8 or fewer, it is left out.
    let tail = load(hay, end.max(start + 8) - 8) & if n > 8 { u64::MAX } else { 0 };
    let h = ((n as u64).rotate_left(5) ^ head).wrapping_mul(K);
    let h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    // The multiply mixes upwards only: fold the upper bits into the fingerprint's.
    h ^ (h >> 32)
}

/// The eight bytes at `p`, the first lowest; zeros past the end of `hay`.
#[inline(always)]
fn load(hay: &[u8], p: usize) -> u64 {
    match hay.get(p..p + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("8 bytes")),
        None => {
            let rest = &hay[p.min(hay.len())..];
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(last)
        }
    }
}

/// A mask of the lowest `n` bytes of a `u64` (all of them from 8 on).
#[inline(always)]
fn low_bytes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1 << (8 * n)) - 1
    }
}

/// The hash of two words that follow each other, from theirs (what stands between them is not
/// read: a pair is a candidate, which the automaton confirms).
#[inline(always)]
pub fn pair(first: u64, second: u64) -> u64 {
    let h = (first.rotate_left(5) ^ second).wrapping_mul(K);
    h ^ (h >> 32)
}
