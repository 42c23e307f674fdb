//! `unspin dict check`: what makes a dictionary wrong beyond what loading rejects. Loading
//! already refuses duplicates, empty sides, self-mappings and keys that can never match; this
//! adds chains, replacements that a second run would change again: alone, or next to the
//! words of another key.

use crate::dict::key;
use crate::dict::model::{Diagnostic, Rule};
use crate::engine::{Engine, Options};
use std::collections::{HashMap, HashSet};

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

/// One diagnostic per pair of entries whose texts side by side the engine cannot both repair
/// (it settles every repair so that a second run changes nothing, giving up a repair whose
/// output another key overlaps):
/// - a replacement beside some of the words of another key makes that key whole ("we have now
///   to" -> "we have to" after "we" makes the key "we have to");
/// - a replacement changes whether the conditions of an entry next to it (or in the same
///   document) hold, and the neighbour's repair then overlaps it. (Where the neighbour is
///   simply repaired as well, "backing vector machines" -> "support vector machines" letting
///   "authorities" through, nothing is lost and nothing is reported.)
///
/// Each case is written out as spun text and repaired, so what the engine does anyway
/// (longest match, the article that follows the replacement) is taken into account; a second
/// run that still changes the text would be reported too.
pub fn crossings(engine: &Engine) -> Vec<Diagnostic> {
    let dict = engine.dictionary();
    let words = |s: &str| -> Vec<String> {
        key::normalize(s)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let keys: Vec<Vec<String>> = dict.patterns().iter().map(|p| words(&p.written)).collect();
    // Each word of each key: (key, place of the word in it).
    let mut by_word: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (k, kw) in keys.iter().enumerate() {
        for (j, w) in kw.iter().enumerate() {
            by_word.entry(w.as_str()).or_default().push((k, j));
        }
    }
    let conditioned: Vec<&Rule> = dict
        .rules()
        .iter()
        .filter(|r| !r.context.is_empty())
        .map(|r| r.as_ref())
        .collect();
    let mut out = Vec::new();
    let mut report =
        |rule: &Rule, spun: &str, beside: String| {
            let settled = engine.repair(spun).edits;
            for e in engine.first_reading(spun).edits {
                if !settled.iter().any(|s| s.range == e.range) {
                    let message = format!(
                        "replacement {:?} beside {beside}: in {:?} the repair {:?} -> {:?} ({}) \
                         is given up, as another key would overlap its output",
                        rule.to,
                        spun.trim(),
                        e.from,
                        e.to,
                        e.rule.id
                    );
                    out.push(Diagnostic {
                        origin: rule.origin.clone(),
                        message,
                    });
                }
            }
            let once = crate::edit::apply(spun, &settled);
            if let Some(e) = engine.repair(&once).edits.first() {
                let message =
                    format!(
                "replacement {:?} beside {beside}: {:?} -> {:?}, which a second run changes \
                 again ({:?} -> {:?} by {})",
                rule.to, spun.trim(), once.trim(), e.from, e.to, e.rule.id
            );
                out.push(Diagnostic {
                    origin: rule.origin.clone(),
                    message,
                });
            }
        };
    for rule in dict.rules() {
        let t = words(&rule.to);
        let m = t.len() as isize;
        let mut seen = HashSet::new();
        for (i, w) in t.iter().enumerate() {
            for &(k, j) in by_word.get(w.as_str()).into_iter().flatten() {
                // The other key's first word, counted from the replacement's first word.
                let d = i as isize - j as isize;
                let kw = &keys[k];
                let n = kw.len() as isize;
                let crosses = d < 0 || d + n > m;
                if !crosses || !seen.insert((k, d)) {
                    continue;
                }
                let aligned =
                    (d.max(0)..m.min(d + n)).all(|p| kw[(p - d) as usize] == t[p as usize]);
                if !aligned {
                    continue;
                }
                let left = kw[..(-d).max(0) as usize].join(" ");
                let right = kw[(m - d).clamp(0, n) as usize..].join(" ");
                let other = &dict.patterns()[k];
                let beside = format!(
                    "{:?} makes the key {:?} of {} ({})",
                    kw.join(" "),
                    other.written,
                    dict.rule_of(other).id,
                    other.origin
                );
                report(rule, &format!("{left} {} {right}", rule.key), beside);
            }
        }
        for other in &conditioned {
            let beside = |side| {
                format!(
                    "{:?} ({}, {side}) changes its conditions",
                    other.key, other.id
                )
            };
            report(
                rule,
                &format!("{} {}", other.key, rule.key),
                beside("before"),
            );
            report(
                rule,
                &format!("{} {}", rule.key, other.key),
                beside("after"),
            );
        }
    }
    out
}

/// An engine that sees every entry, whatever its class or the context model's view, for
/// checking.
pub fn checking_options() -> Options {
    Options {
        suspects: crate::engine::Suspects::Always,
        ..Options::dictionary_only()
    }
}
