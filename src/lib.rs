//! unspin: repairs text scrambled by article spinners.
//!
//! The [`engine`] finds [`Edit`]s in a `&str` using a [`Dictionary`]; it does no I/O. The other
//! modules load dictionaries, read and write files, and print what the engine found.

pub mod dict;
pub mod edit;
pub mod engine;
pub mod lint;
pub mod lm;

pub use dict::Dictionary;
pub use edit::Edit;
pub use engine::{Engine, Options, Repair, Suspects};
pub mod align;
pub mod apply;
pub mod backups;
pub mod beneath;
pub mod charset;
pub mod eval;
pub mod hash;
pub mod import;
pub mod learn;
pub mod lexicon;
pub mod newdict;
pub mod print;
pub mod prose;
pub mod read;
pub mod review;
pub mod roots;
pub mod stream;
pub mod unpaired;
pub mod walk;
pub mod wordfreq;
pub mod write;
