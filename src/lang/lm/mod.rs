//! The context model: a word trigram language model of English, shipped inside unspin.
//! It answers one question, how probable a word is after the two before it; the engine's
//! context stage (`engine/context`) asks it to detect spun documents and to judge repairs.
//! No I/O: the model is embedded bytes (`data/lm-en.bin`, built by `scripts/build-lm.sh`).
//!
//! The compact form, four length-prefixed parts after a magic line: a text header (source and
//! counts); the vocabulary, an fst map from word to id (ids in the words' sorted order); the
//! unigrams, 4 bytes per id (probability, back-off); and the bigrams and trigrams, an fst map
//! from the ids' 3-byte big-endian concatenation to the quantized probability (and, for a
//! bigram, its back-off in the upper 16 bits). It is read in place, without parsing.

pub mod build;
pub mod sphinx;

use fst::Map;
use std::sync::OnceLock;

const HEADER_MAGIC: &[u8] = b"UNSPIN-LM 1\n";
const ID_BYTES: usize = 3;
/// Log-probabilities are stored as `-ln p * SCALE` (a resolution of 1/32 nat).
const SCALE: f32 = 32.0;
/// Back-offs are stored as `ln b * SCALE` offset by this.
const BACKOFF_ZERO: i32 = 1 << 15;
/// What a word the model does not know costs: about the rarest words it knows.
pub const UNKNOWN: f32 = -16.0;

static BUILTIN: &[u8] = include_bytes!("../../../data/lm-en.bin");

fn encode_prob(ln_p: f32) -> u16 {
    (-ln_p * SCALE).round().clamp(0.0, u16::MAX as f32) as u16
}

fn encode_backoff(ln_b: f32) -> u16 {
    ((ln_b * SCALE).round() as i32 + BACKOFF_ZERO).clamp(0, u16::MAX as i32) as u16
}

fn decode_prob(q: u64) -> f32 {
    -((q & 0xFFFF) as f32) / SCALE
}

fn decode_backoff(q: u64) -> f32 {
    ((q & 0xFFFF) as i32 - BACKOFF_ZERO) as f32 / SCALE
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not an unspin language model: {0}")]
    Format(&'static str),
    #[error("not an unspin language model: {0}")]
    Fst(#[from] fst::Error),
}

/// A word of the text as the model sees it: its id, or unknown.
pub type Word = Option<u32>;

pub struct Model {
    header: &'static str,
    vocab: Map<&'static [u8]>,
    unigrams: &'static [u8],
    grams: Map<&'static [u8]>,
    bos: u32,
    eos: u32,
}

impl Model {
    /// The model compiled into unspin (CMU US English trigrams; see the README).
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::new(BUILTIN).expect("the embedded model is well-formed"))
    }

    pub fn new(bytes: &'static [u8]) -> Result<Model, Error> {
        let rest = bytes
            .strip_prefix(HEADER_MAGIC)
            .ok_or(Error::Format("no header"))?;
        let mut parts = [&[][..]; 4];
        let mut at = rest;
        for part in &mut parts {
            let (len, tail) = at.split_at_checked(8).ok_or(Error::Format("truncated"))?;
            let len = u64::from_le_bytes(len.try_into().unwrap()) as usize;
            let (p, tail) = tail
                .split_at_checked(len)
                .ok_or(Error::Format("truncated"))?;
            *part = p;
            at = tail;
        }
        let [header, vocab, unigrams, grams] = parts;
        let header = std::str::from_utf8(header).map_err(|_| Error::Format("header"))?;
        let vocab = Map::new(vocab)?;
        if unigrams.len() != vocab.len() * 4 {
            return Err(Error::Format("unigram table size"));
        }
        let id = |w: &str| vocab.get(w).map(|i| i as u32);
        let (bos, eos) = id("<s>")
            .zip(id("</s>"))
            .ok_or(Error::Format("no sentence markers"))?;
        Ok(Model {
            header,
            vocab,
            unigrams,
            grams: Map::new(grams)?,
            bos,
            eos,
        })
    }

    /// What the model was made from, and its size.
    pub fn header(&self) -> &str {
        self.header
    }

    /// The id of a word (lower-case, `'` as the apostrophe), if the model knows it.
    pub fn id(&self, word: &str) -> Word {
        self.vocab.get(word).map(|i| i as u32)
    }

    pub fn sentence_start(&self) -> u32 {
        self.bos
    }

    pub fn sentence_end(&self) -> u32 {
        self.eos
    }

    fn unigram(&self, w: u32) -> (f32, f32) {
        let at = w as usize * 4;
        let b = &self.unigrams[at..at + 4];
        let q = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]) as u64;
        (decode_prob(q(0)), decode_backoff(q(2)))
    }

    fn gram(&self, ids: &[u32]) -> Option<u64> {
        let mut key = [0u8; 3 * ID_BYTES];
        for (i, &w) in ids.iter().enumerate() {
            key[i * ID_BYTES..(i + 1) * ID_BYTES].copy_from_slice(&w.to_be_bytes()[4 - ID_BYTES..]);
        }
        self.grams.get(&key[..ids.len() * ID_BYTES])
    }

    /// ln P(w | u v), backing off as the ARPA format defines; an unknown word in the history
    /// shortens it, an unknown `w` costs [`UNKNOWN`].
    pub fn logprob(&self, u: Word, v: Word, w: Word) -> f32 {
        let Some(w) = w else { return UNKNOWN };
        let Some(v) = v else { return self.unigram(w).0 };
        if let Some(u) = u {
            if let Some(q) = self.gram(&[u, v, w]) {
                return decode_prob(q);
            }
            let bo = self.gram(&[u, v]).map_or(0.0, |q| decode_backoff(q >> 16));
            return bo + self.bigram(v, w);
        }
        self.bigram(v, w)
    }

    /// Is `words` (model spellings) ordinary English to the model: every word known and every
    /// two neighbours seen together? A spinner's phrase ("mental property") is not.
    pub fn knows(&self, words: &[&str]) -> bool {
        let ids: Option<Vec<u32>> = words.iter().map(|w| self.id(w)).collect();
        ids.is_some_and(|ids| ids.windows(2).all(|p| self.gram(p).is_some()))
    }

    fn bigram(&self, v: u32, w: u32) -> f32 {
        match self.gram(&[v, w]) {
            Some(q) => decode_prob(q),
            None => self.unigram(v).1 + self.unigram(w).0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantization_round_trips_within_its_resolution() {
        for x in [-0.0f32, -0.5, -3.25, -17.9, -200.0] {
            assert!((decode_prob(encode_prob(x) as u64) - x).abs() <= 0.5 / SCALE);
        }
        for x in [-4.0f32, -0.7, 0.0, 0.3, 2.5] {
            assert!((decode_backoff(encode_backoff(x) as u64) - x).abs() <= 0.5 / SCALE);
        }
    }

    #[test]
    fn the_builtin_model_prefers_the_words_english_uses() {
        let m = Model::builtin();
        let w = |s: &str| m.id(s);
        // "black hole" is far likelier than the spinner's "black gap".
        let hole = m.logprob(w("a"), w("black"), w("hole"));
        let gap = m.logprob(w("a"), w("black"), w("gap"));
        assert!(hole > gap + 2.0, "hole {hole} gap {gap}");
        assert_eq!(m.logprob(w("a"), w("black"), None), UNKNOWN);
        assert!(m.id("the").is_some() && m.id("The").is_none());
        assert!(m.knows(&["couple", "of"]) && m.knows(&["couple"]));
        assert!(m.header().contains("pocketsphinx-en-us"), "{}", m.header());
        assert!(!m.knows(&["mental", "property"]) && !m.knows(&["zzyzzx"]));
    }
}
