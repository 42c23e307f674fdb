//! Compiles a trigram model into unspin's compact form (see `lm/mod.rs` for the layout):
//! the vocabulary as an fst map, a table of quantized unigram probabilities, and every bigram
//! and trigram as a key of word ids in a second fst map whose value is the quantized
//! probability (and back-off). Deterministic: the same n-grams give the same bytes.

use super::{encode_backoff, encode_prob, HEADER_MAGIC, ID_BYTES};
use fst::MapBuilder;

/// A trigram model's n-grams, natural logarithms, words by index into `words`.
#[derive(Debug, Default)]
pub struct NGrams {
    pub words: Vec<String>,
    /// (word, log p, log back-off)
    pub unigrams: Vec<(u32, f32, f32)>,
    pub bigrams: Vec<([u32; 2], f32, f32)>,
    pub trigrams: Vec<([u32; 3], f32)>,
}

/// The Debian package the shipped model is built from (`scripts/build-lm.sh`).
pub const SOURCE_PACKAGE: &str = "pocketsphinx-en-us 0.8+5prealpha+1-15";
/// Where that package installs the model.
pub const SOURCE_PATH: &str = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

/// What the header says the model was made from: the package and the input's SHA-256.
pub fn source(input: &[u8]) -> String {
    format!(
        "Debian {SOURCE_PACKAGE}, en-us.lm.bin (CMU Sphinx US English, BSD-2-Clause) sha256 {}",
        crate::fs::hash::sha256_hex(input)
    )
}

/// The compact model, with `source` (what it was made from) recorded in its header.
pub fn compile(ngrams: &NGrams, source: &str) -> Vec<u8> {
    // New ids follow the words' sorted order, so the vocabulary fst's order is the id order.
    let mut order: Vec<u32> = (0..ngrams.words.len() as u32).collect();
    order.sort_by(|&a, &b| ngrams.words[a as usize].cmp(&ngrams.words[b as usize]));
    let mut new_id = vec![0u32; ngrams.words.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old as usize] = new as u32;
    }
    let mut vocab = MapBuilder::memory();
    for (new, &old) in order.iter().enumerate() {
        vocab
            .insert(&ngrams.words[old as usize], new as u64)
            .expect("sorted, distinct words");
    }
    let vocab = vocab.into_inner().expect("in memory");

    let mut unigrams = vec![0u8; ngrams.words.len() * 4];
    for &(w, p, bo) in &ngrams.unigrams {
        let at = new_id[w as usize] as usize * 4;
        unigrams[at..at + 2].copy_from_slice(&encode_prob(p).to_le_bytes());
        unigrams[at + 2..at + 4].copy_from_slice(&encode_backoff(bo).to_le_bytes());
    }

    // Keys as fixed arrays with a length: 3.7M of them sort without an allocation each.
    let key = |ids: &[u32]| -> ([u8; 3 * ID_BYTES], usize) {
        let mut k = [0u8; 3 * ID_BYTES];
        for (i, &w) in ids.iter().enumerate() {
            k[i * ID_BYTES..(i + 1) * ID_BYTES]
                .copy_from_slice(&new_id[w as usize].to_be_bytes()[4 - ID_BYTES..]);
        }
        (k, ids.len() * ID_BYTES)
    };
    let mut entries = Vec::with_capacity(ngrams.bigrams.len() + ngrams.trigrams.len());
    for (ids, p, bo) in &ngrams.bigrams {
        let v = encode_prob(*p) as u64 | (encode_backoff(*bo) as u64) << 16;
        entries.push((key(ids), v));
    }
    for (ids, p) in &ngrams.trigrams {
        entries.push((key(ids), encode_prob(*p) as u64));
    }
    entries.sort_unstable_by(|((a, n), _), ((b, m), _)| a[..*n].cmp(&b[..*m]));
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut grams = MapBuilder::memory();
    for ((k, n), v) in &entries {
        grams.insert(&k[..*n], *v).expect("sorted, distinct keys");
    }
    let grams = grams.into_inner().expect("in memory");

    let mut out = Vec::with_capacity(vocab.len() + unigrams.len() + grams.len() + 256);
    out.extend_from_slice(HEADER_MAGIC);
    let header = format!(
        "source: {source}\nwords: {}, bigrams: {}, trigrams: {}\n",
        ngrams.words.len(),
        ngrams.bigrams.len(),
        ngrams.trigrams.len()
    );
    for part in [header.as_bytes(), &vocab, &unigrams, &grams] {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(part);
    }
    out
}
