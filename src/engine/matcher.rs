//! What reads the text from each place `starts` lets through, listing every key that begins
//! there, shortest first. The dictionary's keys are compiled into an Aho-Corasick automaton
//! (aho-corasick's contiguous NFA, its most compact form), walked anchored along the normalized
//! text. Beyond `max_keys` keys (a generated list of 100,000, say) building the automaton would
//! cost more than reading a large corpus, so the fst, which already holds the keys, is walked
//! the same way instead.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind};
use fst::raw::{Fst, Output};

pub enum Matcher {
    Automaton {
        nfa: Box<NFA>,
        /// The fst value (pattern index) of each of the automaton's patterns.
        patterns: Vec<u32>,
    },
    Fst,
}

impl Matcher {
    /// The automaton of every key of `fst` (a value naming no pattern, from a file made by
    /// hand, is no key), or the fst itself beyond `max_keys` keys.
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>, max_keys: usize) -> Result<Matcher, BuildError> {
        use fst::Streamer;
        if fst.len() > max_keys {
            return Ok(Matcher::Fst);
        }
        let (mut keys, mut patterns) = (Vec::new(), Vec::new());
        let mut stream = fst.stream();
        while let Some((key, value)) = stream.next() {
            if value.value() < fst.len() as u64 && !key.is_empty() {
                keys.push(key.to_vec());
                patterns.push(value.value() as u32);
            }
        }
        // The automaton is only walked anchored: no prefilter to search with.
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&keys)?;
        Ok(Matcher::Automaton {
            nfa: Box::new(nfa),
            patterns,
        })
    }

    /// Appends (end, pattern) for every key of `fst` (the one the matcher was made from) that
    /// `hay` holds at `start`, shortest first.
    #[inline]
    pub fn keys_at<D: AsRef<[u8]>>(
        &self,
        fst: &Fst<D>,
        hay: &[u8],
        start: usize,
        out: &mut Vec<(usize, u32)>,
    ) {
        let (nfa, patterns) = match self {
            Matcher::Automaton { nfa, patterns } => (nfa, patterns),
            Matcher::Fst => return walk(fst, hay, start, out),
        };
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else {
            return;
        };
        for (i, &b) in hay[start..].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                return;
            }
            if nfa.is_match(sid) {
                // A state also reports the keys that are suffixes of what was read ("bc" after
                // "abc"); only a key as long as the walk begins at `start`.
                for k in 0..nfa.match_len(sid) {
                    let pid = nfa.match_pattern(sid, k);
                    if nfa.pattern_len(pid) == i + 1 {
                        out.push((start + i + 1, patterns[pid.as_usize()]));
                    }
                }
            }
        }
    }
}

/// The fst walked along the text from `start`, as the automaton would be.
fn walk<D: AsRef<[u8]>>(fst: &Fst<D>, hay: &[u8], start: usize, out: &mut Vec<(usize, u32)>) {
    let mut node = fst.root();
    let mut value = Output::zero();
    for (i, &b) in hay[start..].iter().enumerate() {
        let Some(t) = node.find_input(b).map(|k| node.transition(k)) else {
            return;
        };
        value = value.cat(t.out);
        node = fst.node(t.addr);
        let pattern = value.cat(node.final_output()).value();
        if node.is_final() && pattern < fst.len() as u64 {
            out.push((start + i + 1, pattern as u32));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_that_begins_at_the_start_and_no_suffix() {
        let keys = ["abc", "ab", "bc", "b", "abcd"];
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let set = fst::Map::from_iter(sorted.iter().enumerate().map(|(i, k)| (k, i as u64)));
        let map = set.unwrap();
        // The automaton, and the fst walked instead of it, list the same keys.
        for max_keys in [usize::MAX, 0] {
            let m = Matcher::new(map.as_fst(), max_keys).unwrap();
            let mut out = Vec::new();
            m.keys_at(map.as_fst(), b"xabcde", 1, &mut out);
            let found: Vec<&str> = out.iter().map(|&(_, p)| sorted[p as usize]).collect();
            assert_eq!(found, ["ab", "abc", "abcd"]);
            assert_eq!(out.iter().map(|&(e, _)| e).collect::<Vec<_>>(), [3, 4, 5]);
        }
    }
}
