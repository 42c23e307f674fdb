//! The dictionary compiled into an Aho-Corasick automaton (aho-corasick's contiguous NFA, its
//! most compact form). `starts` finds the few places where a key may begin; from each, the
//! automaton is walked anchored along the normalized text, and every key that begins there is
//! listed, shortest first. The fst stays the dictionary's store (key to pattern); the
//! automaton is what reads the text.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind};
use fst::raw::Fst;

pub struct Matcher {
    nfa: NFA,
    /// The fst value (pattern index) of each of the automaton's patterns.
    patterns: Vec<u32>,
}

impl Matcher {
    /// The automaton of every key of `fst` (a value naming no pattern, from a file made by
    /// hand, is no key).
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Result<Matcher, BuildError> {
        use fst::Streamer;
        let (mut keys, mut patterns) = (Vec::new(), Vec::new());
        let mut stream = fst.stream();
        while let Some((key, value)) = stream.next() {
            if value.value() < fst.len() as u64 && !key.is_empty() {
                keys.push(key.to_vec());
                patterns.push(value.value() as u32);
            }
        }
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)?;
        Ok(Matcher { nfa, patterns })
    }

    /// Appends (end, pattern) for every key that `hay` holds at `start`, shortest first.
    #[inline]
    pub fn keys_at(&self, hay: &[u8], start: usize, out: &mut Vec<(usize, u32)>) {
        let nfa = &self.nfa;
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
                        out.push((start + i + 1, self.patterns[pid.as_usize()]));
                    }
                }
            }
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
        let m = Matcher::new(map.as_fst()).unwrap();
        let mut out = Vec::new();
        m.keys_at(b"xabcde", 1, &mut out);
        let found: Vec<&str> = out.iter().map(|&(_, p)| sorted[p as usize]).collect();
        assert_eq!(found, ["ab", "abc", "abcd"]);
        assert_eq!(out.iter().map(|&(e, _)| e).collect::<Vec<_>>(), [3, 4, 5]);
    }
}
