//! Language data shipped inside unspin: the trigram model of English, the thesaurus and
//! inflection tables, the word-frequency list. Embedded bytes read in place; no I/O, and no
//! dependence on dictionaries or the engine (the bottom layer, beside `edit`).
pub mod lexicon;
pub mod lm;
pub(crate) mod wordfreq;
