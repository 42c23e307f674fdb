//! The prose of a Markdown document: everything but front matter, fenced and indented code
//! blocks, code spans, link destinations and titles, reference definitions, raw HTML tags,
//! HTML comments and bare URLs. A careful line scanner rather than a full CommonMark parser: it
//! errs on the side of leaving text alone (an indented list paragraph counts as code).

use super::{cut, urls};
use std::ops::Range;

/// Byte ranges of `md` that are prose, sorted and disjoint.
pub fn prose_ranges(md: &str) -> Vec<Range<usize>> {
    let blocks = prose_blocks(md);
    let mut holes = Vec::new();
    for b in &blocks {
        inline_holes(md, b.clone(), &mut holes);
    }
    holes.sort_by_key(|h| h.start);
    cut(cut(blocks, &holes), &urls(md))
}

/// Lines with their byte offsets, line breaks included.
fn lines(md: &str) -> impl Iterator<Item = (usize, &str)> {
    md.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l))
    })
}

fn indent(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' => n += 1,
            '\t' => n += 4 - n % 4,
            _ => break,
        }
    }
    n
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// An opening code fence: (fence char, length).
fn fence(line: &str) -> Option<(char, usize)> {
    if indent(line) > 3 {
        return None;
    }
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = t.chars().take_while(|&x| x == c).count();
    // A backtick fence's info string may not hold backticks.
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

fn closes(line: &str, (c, n): (char, usize)) -> bool {
    let t = line.trim();
    indent(line) <= 3 && t.chars().take_while(|&x| x == c).count() >= n && t.chars().all(|x| x == c)
}

fn is_reference_definition(line: &str) -> bool {
    if indent(line) > 3 {
        return false;
    }
    let t = line.trim_start();
    t.starts_with('[')
        && t.find("]:")
            .is_some_and(|i| i > 1 && !t[1..i].contains(']'))
}

/// The lines that may hold prose, as ranges of whole lines.
fn prose_blocks(md: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut push = |r: Range<usize>| match out.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => out.push(r),
    };
    let mut fenced: Option<(char, usize)> = None;
    let mut front = md.starts_with("---\n") || md.starts_with("---\r\n");
    let mut after_blank = true;
    let mut in_indented = false;
    for (n, (start, line)) in lines(md).enumerate() {
        let range = start..start + line.len();
        if front {
            let t = line.trim_end();
            if n > 0 && (t == "---" || t == "...") {
                front = false;
            }
            continue;
        }
        if let Some(f) = fenced {
            if closes(line, f) {
                fenced = None;
            }
            continue;
        }
        if let Some(f) = fence(line) {
            fenced = Some(f);
            in_indented = false;
            continue;
        }
        let blank = is_blank(line);
        if !blank && indent(line) >= 4 && (after_blank || in_indented) {
            in_indented = true;
            continue;
        }
        if !blank {
            in_indented = false;
        }
        after_blank = blank;
        if !is_reference_definition(line) {
            push(range);
        }
    }
    out
}

/// Code spans, link destinations, raw HTML and comments inside the prose block `range`.
/// Linear in the block: a search that found no closing mark is not made again further on
/// ("<a" or "``" repeated without one had made each look to the block's end).
fn inline_holes(md: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let b = md.as_bytes();
    let end = range.end;
    let mut i = range.start;
    // The next `>` at or after the position it was looked for from (`None`: there is none).
    let mut next_gt: Option<(usize, Option<usize>)> = None;
    // Lengths of backtick runs that no run of the same length closes, from where they were
    // looked for on.
    let mut unclosed: std::collections::HashMap<usize, usize> = Default::default();
    while i < end {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let n = run(b, i, end, b'`');
                let hopeless = unclosed.get(&n).is_some_and(|&from| from <= i + n);
                match (!hopeless)
                    .then(|| closing_backticks(b, i + n, end, n))
                    .flatten()
                {
                    Some(close) => {
                        out.push(i..close + n);
                        i = close + n;
                    }
                    None => {
                        unclosed.entry(n).or_insert(i + n);
                        i += n;
                    }
                }
            }
            b'<' => {
                let rest = &md[i..end];
                let stop = if rest.starts_with("<!--") {
                    rest.find("-->").map(|k| k + 3).or(Some(rest.len()))
                } else if rest[1..].starts_with(|c: char| {
                    c.is_ascii_alphabetic() || c == '/' || c == '?' || c == '!'
                }) {
                    let gt = match next_gt {
                        Some((from, found)) if from <= i && found.is_none_or(|g| g >= i) => found,
                        _ => rest.find('>').map(|k| i + k),
                    };
                    next_gt = Some((i, gt));
                    gt.map(|g| g - i + 1)
                } else {
                    None
                };
                match stop {
                    Some(k) => {
                        out.push(i..i + k);
                        i += k;
                    }
                    None => i += 1,
                }
            }
            b']' if b.get(i + 1) == Some(&b'(') => {
                let close = matching_paren(b, i + 1, end);
                out.push(i + 1..close);
                i = close;
            }
            _ => i += 1,
        }
    }
}

fn run(b: &[u8], i: usize, end: usize, c: u8) -> usize {
    b[i..end].iter().take_while(|&&x| x == c).count()
}

/// Start of the next run of exactly `n` backticks from `i`.
fn closing_backticks(b: &[u8], mut i: usize, end: usize, n: usize) -> Option<usize> {
    while i < end {
        if b[i] == b'`' {
            let m = run(b, i, end, b'`');
            if m == n {
                return Some(i);
            }
            i += m;
        } else {
            i += 1;
        }
    }
    None
}

/// End (exclusive) of the parenthesised link destination opening at `open`.
fn matching_paren(b: &[u8], open: usize, end: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < end {
        match b[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `inline_holes` as it was before it stopped repeating hopeless searches: each one looks
    /// to the block's end again. The two must find the same holes.
    fn inline_holes_searching_every_time(md: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let (b, end, mut i, mut out) = (md.as_bytes(), range.end, range.start, Vec::new());
        while i < end {
            match b[i] {
                b'\\' => i += 2,
                b'`' => {
                    let n = run(b, i, end, b'`');
                    match closing_backticks(b, i + n, end, n) {
                        Some(close) => {
                            out.push(i..close + n);
                            i = close + n;
                        }
                        None => i += n,
                    }
                }
                b'<' => {
                    let rest = &md[i..end];
                    let stop = if rest.starts_with("<!--") {
                        rest.find("-->").map(|k| k + 3).or(Some(rest.len()))
                    } else if rest[1..].starts_with(|c: char| {
                        c.is_ascii_alphabetic() || c == '/' || c == '?' || c == '!'
                    }) {
                        rest.find('>').map(|k| k + 1)
                    } else {
                        None
                    };
                    match stop {
                        Some(k) => {
                            out.push(i..i + k);
                            i += k;
                        }
                        None => i += 1,
                    }
                }
                b']' if b.get(i + 1) == Some(&b'(') => {
                    let close = matching_paren(b, i + 1, end);
                    out.push(i + 1..close);
                    i = close;
                }
                _ => i += 1,
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn inline_holes_are_those_of_searching_every_time(md in "[<>`a ()!\\]\\\\-]{0,40}") {
            let mut fast = Vec::new();
            inline_holes(&md, 0..md.len(), &mut fast);
            proptest::prop_assert_eq!(fast, inline_holes_searching_every_time(&md, 0..md.len()));
        }
    }

    fn prose(md: &str) -> String {
        prose_ranges(md)
            .into_iter()
            .map(|r| &md[r])
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn code_is_not_prose() {
        let md = "Mental property.\n\n```rust\nlet mental property = 1;\n```\n\n    mental property\n\nUse `mental property` here.\n";
        let p = prose(md);
        assert_eq!(p.matches("ental property").count(), 1, "{p}");
        assert!(p.starts_with("Mental property."), "{p}");
        assert!(p.contains("Use |"), "{p}");
        assert!(p.contains(" here."), "{p}");
    }

    #[test]
    fn link_targets_html_and_front_matter_are_not_prose() {
        let md = "---\ntitle: x\n---\nSee [mental property](https://x.org/mental-property \"mental property\") \
                  <span class=\"mental property\">and</span> <!-- mental\nproperty -->\n\n[ref]: https://x.org/a\n";
        let p = prose(md);
        assert!(!p.contains("title"), "{p}");
        assert_eq!(p.matches("mental property").count(), 1, "{p}");
        assert!(!p.contains("https"), "{p}");
        assert!(!p.contains("class"), "{p}");
        assert!(!p.contains("ref]"), "{p}");
    }

    #[test]
    fn unclosed_constructs_do_not_panic() {
        for md in [
            "``` \nx", "a `b", "[a](b", "<!-- x", "<a href", "\\", "---\nx",
        ] {
            let r = prose_ranges(md);
            assert!(
                r.iter().all(|r| r.end <= md.len() && r.start < r.end),
                "{md}"
            );
        }
    }
}
