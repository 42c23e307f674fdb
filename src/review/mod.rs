//! Interactive review: each proposed change shown in context and decided by a key. The
//! decisions ([`state`]) know no terminal, and what is shown ([`show`]) is plain text, so both
//! are tested without one; the command line drives them from the terminal.

pub mod show;
pub mod state;

pub use show::Key;
pub use state::{Action, Decision, Next, Refused, Review};
