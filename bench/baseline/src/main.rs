//! baseline DICT.tsv FILE: repairs FILE to stdout the straightforward way. An NFA built over the
//! keys with ASCII case-insensitivity, leftmost-longest; a match counts when ASCII word
//! boundaries hold on both sides; the replacement takes a capital first letter from the match.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::io::Write;

fn word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let tsv = std::fs::read_to_string(&args[1]).expect("dictionary");
    let (keys, reps): (Vec<&str>, Vec<&str>) = tsv.lines().filter_map(|l| l.split_once('\t')).unzip();
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&keys)
        .expect("automaton");
    let text = match args.get(2) {
        Some(path) => std::fs::read(path).expect("input"),
        None => Vec::new(),
    };
    let mut out = Vec::with_capacity(text.len() + text.len() / 10);
    let mut at = 0;
    for m in ac.find_iter(&text) {
        let (s, e) = (m.start(), m.end());
        if (s > 0 && word(text[s - 1])) || (e < text.len() && word(text[e])) {
            continue;
        }
        out.extend_from_slice(&text[at..s]);
        let rep = reps[m.pattern().as_usize()].as_bytes();
        if text[s].is_ascii_uppercase() {
            out.push(rep[0].to_ascii_uppercase());
            out.extend_from_slice(&rep[1..]);
        } else {
            out.extend_from_slice(rep);
        }
        at = e;
    }
    out.extend_from_slice(&text[at..]);
    std::io::stdout().lock().write_all(&out).expect("stdout");
}
