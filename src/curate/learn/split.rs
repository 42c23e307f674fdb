//! Taking a differing stretch of a pair apart into the spinner's swaps: word by word where
//! the sides pair off, a name kept whole, and into pieces seen as swaps on their own elsewhere.

use super::wording::{sentence_initial, starts_upper};
use super::MAX_PIECE;
use crate::engine::PRONOUN_I;
use crate::lang::lexicon::Inflections;
use crate::quality::align::{self, Alignment, Stretch};
use std::collections::BTreeSet;
use std::ops::Range;

/// A stretch of n words for n words is taken as n one-word swaps (the spinner's usual work:
/// "critical considerations" for "serious concerns"), unless a contraction in it says the
/// words do not pair off ("we've got" for "we have"); the words of a name stay together (see
/// [`is_name`]: "said Sport Move users" for "said Game Pass users" gives "Sport Move").
pub(super) fn word_by_word(a: &Alignment, names: &[bool], s: Stretch) -> Vec<Stretch> {
    let spun = &a.spun[s.spun.clone()];
    let original = &a.original[s.original.clone()];
    let plain = |t: &align::Token| t.is_word() && !t.norm.contains('\'');
    if spun.len() < 2 || spun.len() != original.len() || !spun.iter().chain(original).all(plain) {
        return vec![s];
    }
    let piece = |k: usize, end: usize| Stretch {
        spun: s.spun.start + k..s.spun.start + end,
        original: s.original.start + k..s.original.start + end,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < spun.len() {
        let mut end = k + 1;
        while end < spun.len() && is_name(a, names, &piece(k, end + 1)) {
            end += 1;
        }
        out.push(piece(k, end));
        k = end;
    }
    out
}

/// The lower-cased words of both sides of a stretch: how spins are recognised elsewhere.
pub(super) fn pair_norm(a: &Alignment, s: &Stretch) -> (String, String) {
    let side = |tokens: &[align::Token]| {
        tokens
            .iter()
            .map(|t| t.norm.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    (
        side(&a.spun[s.spun.clone()]),
        side(&a.original[s.original.clone()]),
    )
}

/// Which spun tokens are words of a name: capitalized where no sentence starts, and not the
/// pronoun "I".
pub(super) fn name_words(a: &Alignment, spun: &str) -> Vec<bool> {
    a.spun
        .iter()
        .map(|t| {
            starts_upper(&t.norm)
                && !sentence_initial(spun, t.range.start)
                && !PRONOUN_I.contains(&t.norm.to_lowercase().as_str())
        })
        .collect()
}

/// Is the stretch a name of several words: every word capitalized on both sides, and one of
/// the spun ones a word of a name (`names`; a sentence may start with the name)? A name is
/// learned whole, never word by word: "Sport Go" for "Game Pass", since "go" for "pass" is
/// nothing the spinner does outside it.
fn is_name(a: &Alignment, names: &[bool], s: &Stretch) -> bool {
    let capitalized = |t: &align::Token| starts_upper(&t.norm);
    let (spun, original) = (&a.spun[s.spun.clone()], &a.original[s.original.clone()]);
    spun.len() + original.len() > 2
        && spun.iter().chain(original).all(capitalized)
        && names[s.spun.clone()].contains(&true)
}

/// Do the spun tokens `piece` hold part of a name and other words ("Move results" of "Sport
/// Move results" for "Game Pass leads"): a word of a name and a lower-case word? Such a piece
/// is never taken: the name is kept whole, or the stretch is not taken apart.
fn cuts_name(a: &Alignment, names: &[bool], piece: Range<usize>) -> bool {
    let words = || piece.clone().filter(|&k| a.spun[k].is_word());
    words().any(|k| !starts_upper(&a.spun[k].norm)) && words().any(|k| names[k])
}

/// A stretch taken apart into pieces when all of them but at most one are spins seen on their
/// own (in `known`) or words the texts share ("can not assure" for "can't guarantee" is "can
/// not" for "can't" and "assure" for "guarantee"); otherwise the stretch whole.
pub(super) fn split_known(
    a: &Alignment,
    names: &[bool],
    s: &Stretch,
    known: &BTreeSet<(String, String)>,
) -> Vec<Stretch> {
    let (n, m) = (s.spun.len(), s.original.len());
    if n + m <= 2 || n > 4 * MAX_PIECE || m > 4 * MAX_PIECE || is_name(a, names, s) {
        return vec![s.clone()];
    }
    // Whether the spun piece i..i + di cuts a name, the same against every original piece.
    let cuts: Vec<Vec<bool>> = (0..n)
        .map(|i| {
            let at = s.spun.start + i;
            (1..=MAX_PIECE.min(n - i))
                .map(|di| cuts_name(a, names, at..at + di))
                .collect()
        })
        .collect();
    // best[i][j]: the fewest unknown pieces, then the most known ones, covering s.spun[i..] and
    // s.original[j..], with the first piece taken there.
    type Best = Option<(usize, usize, (usize, usize))>;
    let mut best: Vec<Vec<Best>> = vec![vec![None; m + 1]; n + 1];
    best[n][m] = Some((0, 0, (n, m)));
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            for di in 1..=MAX_PIECE.min(n - i) {
                for dj in 1..=MAX_PIECE.min(m - j) {
                    let Some((unknown, found, _)) = best[i + di][j + dj] else {
                        continue;
                    };
                    if di == n && dj == m {
                        continue;
                    }
                    let piece = Stretch {
                        spun: s.spun.start + i..s.spun.start + i + di,
                        original: s.original.start + j..s.original.start + j + dj,
                    };
                    if cuts[i][di - 1] {
                        continue;
                    }
                    let (sp, or) = pair_norm(a, &piece);
                    let (u, f) = if sp == or {
                        (unknown, found)
                    } else if known.contains(&(sp, or)) {
                        (unknown, found + 1)
                    } else {
                        (unknown + 1, found)
                    };
                    let better = match best[i][j] {
                        None => true,
                        Some((bu, bf, _)) => {
                            (u, std::cmp::Reverse(f)) < (bu, std::cmp::Reverse(bf))
                        }
                    };
                    if better {
                        best[i][j] = Some((u, f, (i + di, j + dj)));
                    }
                }
            }
        }
    }
    match best[0][0] {
        Some((unknown, found, _)) if unknown <= 1 && found >= 1 => {
            let mut pieces = Vec::new();
            let (mut i, mut j) = (0, 0);
            while (i, j) != (n, m) {
                let (_, _, (ni, nj)) = best[i][j].expect("a path to the end");
                let piece = Stretch {
                    spun: s.spun.start + i..s.spun.start + ni,
                    original: s.original.start + j..s.original.start + nj,
                };
                let (sp, or) = pair_norm(a, &piece);
                if sp != or {
                    pieces.push(piece);
                }
                (i, j) = (ni, nj);
            }
            pieces
        }
        _ => vec![s.clone()],
    }
}

/// Is spun token `k` a content word: a word of a name (`names`), or one of an open class (a
/// noun, verb, adjective or adverb lemminflect inflects)? The commonest words it leaves out are
/// the grammar words ("the", "of", "we", "which", "each").
pub(super) fn is_content(a: &Alignment, names: &[bool], k: usize) -> bool {
    names[k] || !Inflections::builtin().analyses(&a.spun[k].norm).is_empty()
}
