//! `unspin dict check`: what makes a dictionary wrong beyond what loading rejects. Loading
//! already refuses duplicates, empty sides, self-mappings and keys that can never match; this
//! adds chains, replacements that a second run would change again.

use crate::dict::model::Diagnostic;
use crate::engine::{Engine, Options};

/// One diagnostic per rule whose replacement contains another key as whole words.
pub fn chains(engine: &Engine) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in engine.dictionary().rules() {
        for other in engine.keys_in(&rule.to) {
            let message = format!(
                "replacement {:?} contains the key {:?} of {} ({}): a second run would change it again",
                rule.to, other.key, other.id, other.origin
            );
            out.push(Diagnostic {
                origin: rule.origin.clone(),
                message,
            });
        }
    }
    out
}

/// An engine that sees every entry, whatever its class or the context model's view, for
/// checking.
pub fn checking_options() -> Options {
    Options {
        suspects: crate::engine::Suspects::Always,
        context: crate::engine::context::Options {
            mode: crate::engine::context::Mode::Never,
            ..Default::default()
        },
        ..Options::default()
    }
}
