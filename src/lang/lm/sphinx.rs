//! Reads the CMU Sphinx binary trie language model (`en-us.lm.bin` in Debian's
//! `pocketsphinx-en-us`): the format of sphinxbase's `lm_trie.c`, a port of KenLM's trie. Its
//! own `sphinx_lm_convert` aborts on this file, so the n-grams are read here directly.
//!
//! Layout: the header text, the order, one `u32` count per order, the quantizer's tables, the
//! unigrams (`f32` prob, `f32` back-off, `u32` index of the first bigram), then bit-packed
//! bigrams (word id, 16-bit back-off and probability bins, index of the first trigram) and
//! trigrams (word id, 16-bit probability bin), then the words themselves, NUL-terminated.
//! As in KenLM, the trie runs backwards: a unigram's children are the words *before* it, so
//! the path `w, v, u` is the trigram `u v w`. Probabilities are logarithms in base 1.0001.

use super::build::NGrams;

const HEADER: &[u8] = b"Trie Language Model";
/// ln(1.0001): converts the file's logarithms to natural ones.
const LN_BASE: f64 = 0.000_099_995_000_333_308;
const BINS: usize = 1 << 16;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a Sphinx trie language model (the header does not match)")]
    Header,
    #[error("only trigram models are read (this one has order {0})")]
    Order(u8),
    #[error("the file ends early")]
    Truncated,
    #[error("the word list is not valid UTF-8")]
    Words,
}

/// Little-endian reader over the file's bytes.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.at.checked_add(n).ok_or(Error::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(Error::Truncated)?;
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, Error> {
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect())
    }
}

/// A bit-packed array of fixed-width records, as `bitarr.c` reads it (a little-endian word at
/// the record's byte, shifted by its bit offset).
struct Bits<'a> {
    bytes: &'a [u8],
}

impl Bits<'_> {
    fn read(&self, bit: usize, len: u32) -> Result<u32, Error> {
        let at = bit >> 3;
        let mut word = [0u8; 8];
        let avail = self.bytes.get(at..).ok_or(Error::Truncated)?;
        let n = avail.len().min(8);
        word[..n].copy_from_slice(&avail[..n]);
        Ok(((u64::from_le_bytes(word) >> (bit & 7)) & ((1u64 << len) - 1)) as u32)
    }
}

fn required_bits(max: u32) -> u32 {
    32 - max.leading_zeros()
}

/// Bytes a bit-packed array of `entries` records of `bits` bits takes (one extra record for the
/// last range's end, and 8 bytes of slack, as `lm_trie.c` allocates it).
fn array_size(entries: u32, bits: u32) -> usize {
    ((1 + entries as usize) * bits as usize).div_ceil(8) + 8
}

/// Every n-gram of the model, as natural logarithms.
pub fn read(bytes: &[u8]) -> Result<NGrams, Error> {
    let mut c = Cursor { bytes, at: 0 };
    if c.take(HEADER.len())? != HEADER {
        return Err(Error::Header);
    }
    let order = c.take(1)?[0];
    if order != 3 {
        return Err(Error::Order(order));
    }
    let counts = [c.u32()?, c.u32()?, c.u32()?];
    c.take(4)?; // a field that once named the quantization
    let bigram_probs = c.f32s(BINS)?;
    let bigram_backoffs = c.f32s(BINS)?;
    let trigram_probs = c.f32s(BINS)?;
    let mut unigrams = Vec::with_capacity(counts[0] as usize + 1);
    for _ in 0..=counts[0] {
        let u = c.take(12)?;
        let f = |i: usize| f32::from_le_bytes(u[i..i + 4].try_into().unwrap());
        let next = u32::from_le_bytes(u[8..12].try_into().unwrap());
        unigrams.push((f(0), f(4), next));
    }
    let word_bits = required_bits(counts[0]);
    let next_bits = required_bits(counts[2]);
    let mid_bits = word_bits + 32 + next_bits;
    let long_bits = word_bits + 16;
    let middle = Bits {
        bytes: c.take(array_size(counts[1], mid_bits))?,
    };
    let longest = Bits {
        bytes: c.take(array_size(counts[2], long_bits))?,
    };
    let len = c.u32()? as usize;
    let words: Vec<String> = std::str::from_utf8(c.take(len)?)
        .map_err(|_| Error::Words)?
        .split_terminator('\0')
        .map(str::to_string)
        .collect();
    if words.len() != counts[0] as usize {
        return Err(Error::Truncated);
    }

    let ln = |x: f32| (x as f64 * LN_BASE) as f32;
    let mut out = NGrams {
        words,
        ..NGrams::default()
    };
    for (w, &(prob, bo, _)) in unigrams.iter().take(counts[0] as usize).enumerate() {
        out.unigrams.push((w as u32, ln(prob), ln(bo)));
    }
    // `u` is an n-gram's last word, `v` the one before it, `w` the one before that.
    for u in 0..counts[0] as usize {
        let (begin, end) = (unigrams[u].2, unigrams[u + 1].2);
        for b in begin..end {
            let bit = b as usize * mid_bits as usize;
            let v = middle.read(bit, word_bits)?;
            let bo = bigram_backoffs[middle.read(bit + word_bits as usize, 16)? as usize];
            let prob = bigram_probs[middle.read(bit + word_bits as usize + 16, 16)? as usize];
            out.bigrams.push(([v, u as u32], ln(prob), ln(bo)));
            let next =
                |i: usize| middle.read(i * mid_bits as usize + word_bits as usize + 32, next_bits);
            let (t0, t1) = (next(b as usize)?, next(b as usize + 1)?);
            for t in t0..t1 {
                let bit = t as usize * long_bits as usize;
                let w = longest.read(bit, word_bits)?;
                let prob = trigram_probs[longest.read(bit + word_bits as usize, 16)? as usize];
                out.trigrams.push(([w, v, u as u32], ln(prob)));
            }
        }
    }
    Ok(out)
}
