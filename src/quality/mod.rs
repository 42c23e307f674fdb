//! Measuring repairs and dictionaries: word alignment of a spun text with its original, the
//! distance and verdicts of `eval`, and `dict check`. Pure functions over text; no files.
pub mod align;
pub mod eval;
pub mod lint;
