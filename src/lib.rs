//! unspin: repairs text scrambled by article spinners.
//!
//! The layers, each using only those listed before it:
//! - [`edit`] and [`lang`]: the [`Edit`] every stage passes on, and the shipped language data;
//! - [`dict`]: dictionaries, from YAML or compiled, loaded into a [`Dictionary`];
//! - [`engine`]: finds [`Edit`]s in a `&str` (matching, the context model's detection and
//!   judgement); no I/O;
//! - [`prose`]: which bytes of HTML and Markdown are prose;
//! - [`quality`] and [`curate`]: measuring repairs, and growing dictionaries from evidence;
//! - [`mod@print`] and [`review`]: rendering edits as text, deciding them one by one;
//! - [`fs`]: files, folders and safe writes.
//!
//! A library user needs [`Dictionary`], [`Engine`] with its [`Options`], and the [`Repair`] and
//! [`Edit`]s it returns; the command line (`src/cli`) drives the rest.

pub mod curate;
pub mod dict;
pub mod edit;
pub mod engine;
pub mod fs;
pub mod lang;
pub mod print;
pub mod prose;
pub mod quality;
pub mod review;

pub use dict::Dictionary;
pub use edit::Edit;
pub use engine::{Engine, Options, Repair, Suspects};
