//! Files: what counts as text and how it decodes, walking folders, where a write may land,
//! atomic in-place writes, backups, exported edits applied, and standard input in windows.
//! The only layer that opens, reads or writes files; it hands text to the engine and knows no printing.
pub mod apply;
pub mod backups;
pub mod beneath;
pub(crate) mod charset;
pub mod hash;
pub mod read;
pub mod roots;
pub mod stream;
pub mod walk;
pub mod write;
