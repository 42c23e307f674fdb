//! Passages an author marked to be left alone, as codespell's `codespell:ignore`: an article
//! that quotes spun text on purpose must be able to say so. A line holding `unspin:ignore` is
//! left alone; so is everything from the line holding `unspin:ignore-start` to the end of the
//! line holding the next `unspin:ignore-end` (to the end of the text when none follows).
//!
//! Markers are looked for in the whole text, whatever its kind, so they work in plain text, in
//! HTML and Markdown comments (`<!-- unspin:ignore -->`) and in any other comment syntax.

use std::ops::Range;

const MARKER: &[u8] = b"unspin:ignore";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Line,
    Start,
    End,
}

/// The byte ranges of `text` marked to be left alone: whole lines, line break included,
/// sorted and disjoint.
pub fn ranges(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut push = |r: Range<usize>| match out.last_mut() {
        Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
        _ => out.push(r),
    };
    // Where the open region's first line starts.
    let mut open = None;
    // The line of the last marker, so that many markers on one line never rescan it (linear).
    let (mut scanned, mut start, mut end) = (0, 0, 0);
    for at in memchr::memmem::find_iter(b, MARKER) {
        let Some(marker) = marker(&b[at + MARKER.len()..]) else {
            continue;
        };
        if let Some(i) = memchr::memrchr(b'\n', &b[scanned..at]) {
            start = scanned + i + 1;
        }
        scanned = at;
        if at >= end {
            end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i + 1);
        }
        match (marker, open) {
            (Marker::Start, None) => open = Some(start),
            (Marker::End, Some(first)) => {
                push(first..end);
                open = None;
            }
            (Marker::Line, None) => push(start..end),
            // Inside a region everything is left alone already; an end with no start closes
            // nothing.
            _ => {}
        }
    }
    if let Some(first) = open {
        push(first..b.len());
    }
    out
}

/// Which marker `rest` (the bytes after `unspin:ignore`) completes, if any: `unspin:ignored`
/// or `unspin:ignore-all` are no markers.
fn marker(rest: &[u8]) -> Option<Marker> {
    let (marker, after) = if let Some(after) = rest.strip_prefix(b"-start") {
        (Marker::Start, after)
    } else if let Some(after) = rest.strip_prefix(b"-end") {
        (Marker::End, after)
    } else {
        (Marker::Line, rest)
    };
    match after.first() {
        Some(&c) if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' => None,
        _ => Some(marker),
    }
}

#[cfg(test)]
mod tests {
    use super::ranges;

    fn ignored(text: &str) -> Vec<&str> {
        ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn many_markers_on_one_line_are_one_range() {
        let text = format!("a\n{}\nb\n", "unspin:ignore ".repeat(1000));
        assert_eq!(ignored(&text), [&text[2..text.len() - 2]]);
    }

    #[test]
    fn a_line_marker_covers_its_line() {
        let t = "one\ntwo # unspin:ignore\nthree";
        assert_eq!(ignored(t), ["two # unspin:ignore\n"]);
        assert_eq!(ignored("unspin:ignore"), ["unspin:ignore"]);
    }

    #[test]
    fn a_region_runs_from_its_start_line_to_its_end_line() {
        let t = "a\n<!-- unspin:ignore-start -->\nb\nc <!-- unspin:ignore-end --> d\ne\n";
        assert_eq!(
            ignored(t),
            ["<!-- unspin:ignore-start -->\nb\nc <!-- unspin:ignore-end --> d\n"]
        );
    }

    #[test]
    fn an_unclosed_region_runs_to_the_end_and_a_stray_end_closes_nothing() {
        let t = "a unspin:ignore-end\nb\nunspin:ignore-start\nc\nd";
        assert_eq!(ignored(t), ["unspin:ignore-start\nc\nd"]);
    }

    #[test]
    fn markers_inside_a_region_and_adjacent_lines_merge() {
        let t = "x unspin:ignore\nunspin:ignore-start\nunspin:ignore\nunspin:ignore-end\ny\n";
        assert_eq!(
            ignored(t),
            ["x unspin:ignore\nunspin:ignore-start\nunspin:ignore\nunspin:ignore-end\n"]
        );
    }

    #[test]
    fn longer_words_are_no_markers() {
        assert!(ranges("unspin:ignored\nunspin:ignore-all\nunspin:ignore-starts\n").is_empty());
        assert_eq!(ignored("(unspin:ignore)\n"), ["(unspin:ignore)\n"]);
    }
}
