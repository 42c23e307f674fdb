//! What decided an edit, in words: its class, what let a suspect through, and what the
//! context conditions and the model said.

use super::context::detect::Spin;
use super::context::uses::Together;
use super::judge::Judgement;
use super::{Engine, Found, Score, Suspects};
use crate::dict::model::Class;
use std::sync::Arc;

impl Engine {
    /// What decided an edit, in words: its class, what let a suspect through, and the
    /// context conditions and the model's preference when they were consulted.
    pub(super) fn why(
        &self,
        f: &Found,
        score: Score,
        spin: Option<&Spin>,
        judgement: Option<Judgement>,
    ) -> Arc<str> {
        let rule = self.rule(f.pattern);
        let plain = judgement.is_none() || self.model.is_none();
        let mut why = match (rule.class, self.options.suspects) {
            // The reason most edits share: one string for them all.
            (Class::Fingerprint, _) if plain && rule.context.is_empty() => {
                return Arc::clone(&self.fingerprint)
            }
            (Class::Fingerprint, _) => "fingerprint".to_string(),
            (Class::Suspect, Suspects::Always) => {
                "suspect, repaired because suspects are forced on".to_string()
            }
            (Class::Suspect, _) => match spin {
                Some(spin) if spin.read && spin.spun(&self.options.context) => format!(
                    "suspect in a spun document (spin {:.1}%: {} of {} words have a far likelier synonym; {} entries strongly preferred)",
                    spin.percent(),
                    spin.strong,
                    spin.positions,
                    spin.table
                ),
                Some(spin) if spin.spun(&self.options.context) => format!(
                    "suspect in a spun document ({} entries strongly preferred, {:.1} per 1,000 words)",
                    spin.table,
                    spin.table_per_thousand()
                ),
                _ => format!(
                    "suspect in a spun document (spin score {:.1} >= {:.1} fingerprints per 1,000 words)",
                    score.per_thousand(),
                    self.options.spun_threshold
                ),
            },
        };
        if let Some(Judgement {
            prefers,
            unread,
            choice,
            together,
            rival,
        }) = judgement.filter(|_| self.model.is_some())
        {
            let to = choice.unwrap_or(self.to(f.pattern));
            if unread {
                why.push_str(&format!(
                    "; context cannot judge {to:?}: the model does not know its words"
                ));
            } else if prefers.abs() < 0.05 {
                // Printed to one place, a preference this small would read "by 0.0 nats".
                why.push_str(&format!(
                    "; context is even between {to:?} and the text as written"
                ));
            } else if prefers >= 0.0 {
                why.push_str(&format!("; context prefers {to:?} by {prefers:.1} nats"));
            } else {
                why.push_str(&format!(
                    "; context prefers the text as written by {:.1} nats",
                    -prefers
                ));
            }
            if let Some(Together { total, uses, .. }) = together {
                why.push_str(&format!(
                    " ({total:.1} over the entry's {uses} uses in the text)"
                ));
            }
            if let Some((rival, lead)) = rival {
                let rival = rival.unwrap_or(self.to(f.pattern));
                why.push_str(&format!(", and to {rival:?} by {lead:.1}"));
            }
        }
        if !rule.context.is_empty() {
            why.push_str("; context held: ");
            why.push_str(&rule.context.to_string());
        }
        why.into()
    }
}
