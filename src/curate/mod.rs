//! Growing dictionaries: learning entries from spun/original pairs and from spun text alone,
//! importing other tools' lists, and writing new dictionaries. Uses the engine, the language
//! data and the quality tools; the engine never uses it. No files: the command line reads them.
pub mod corroborate;
pub mod import;
pub mod learn;
pub mod newdict;
pub mod unpaired;
