//! A small open-addressing hash table of byte strings (the keys' first words), and the hash:
//! what is looked up for every word of a text, so it is kept compact and fast.

/// A set of hashes, each with a few flag bits: the hash's upper bits pick the slot, its lower
/// bits are kept to tell entries apart. Two hashes may share a slot (the same lower bits in one
/// probe run): a match is a candidate, which the caller confirms. Most lookups are of words
/// that are not there: a bit array in front (16 bits an entry, one of them set) turns away
/// nearly all of them with one load, before any probing.
pub struct Table {
    /// One bit per few hashes: clear when none of them is in the table.
    filter: Vec<u64>,
    /// Fingerprint (the hash's lower 24 bits, never 0: 0 is an empty slot) and flags.
    slots: Vec<u32>,
}

impl Table {
    pub fn new(entries: Vec<(u64, u8)>) -> Table {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = Table {
            filter: vec![0; (entries.len() * 16).next_power_of_two().max(64) / 64],
            slots: vec![0; size],
        };
        for (h, flags) in entries {
            let (word, bit) = t.bit(h);
            t.filter[word] |= bit;
            let mut i = t.home(h);
            while t.slots[i] != 0 && t.slots[i] >> 8 != fingerprint(h) {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] |= fingerprint(h) << 8 | u32::from(flags);
        }
        t
    }

    /// The filter's word and bit for `h`, from bits the slot and the fingerprint do not use
    /// first.
    #[inline(always)]
    fn bit(&self, h: u64) -> (usize, u64) {
        let at = h.rotate_right(24) as usize & (self.filter.len() * 64 - 1);
        (at / 64, 1 << (at % 64))
    }

    #[inline(always)]
    fn home(&self, h: u64) -> usize {
        (h >> 40) as usize & (self.slots.len() - 1)
    }

    /// The slot of `h`, if it is in the table.
    #[inline(always)]
    pub fn find(&self, h: u64) -> Option<usize> {
        let (word, bit) = self.bit(h);
        if self.filter[word] & bit == 0 {
            return None;
        }
        let mut i = self.home(h);
        loop {
            match self.slots[i] {
                0 => return None,
                s if s >> 8 == fingerprint(h) => return Some(i),
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// The flags of the entries in slot `i`.
    #[inline(always)]
    pub fn flags(&self, i: usize) -> u8 {
        self.slots[i] as u8
    }
}

fn fingerprint(h: u64) -> u32 {
    (h as u32 & 0xFF_FFFF) | 1
}

/// A fast hash of `hay[start..end]` (FxHash's multiply, eight bytes at a time).
#[inline(always)]
pub fn hash(hay: &[u8], start: usize, end: usize) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = (end - start) as u64;
    let mut p = start;
    while p < end {
        // Eight bytes read at once, those past the end masked off.
        let n = (end - p).min(8);
        let eight = match hay.get(p..p + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("8 bytes")),
            None => {
                let mut last = [0u8; 8];
                last[..n].copy_from_slice(&hay[p..end]);
                u64::from_le_bytes(last)
            }
        };
        h = (h.rotate_left(5) ^ (eight & (u64::MAX >> (64 - 8 * n)))).wrapping_mul(K);
        p += 8;
    }
    // The multiply mixes upwards only: fold the upper bits into the fingerprint's.
    h ^ (h >> 32)
}
