//! Which bytes of a document are prose that the engine may repair. Plain text is prose
//! throughout; in HTML only text nodes are, and in Markdown everything but code, link targets
//! and raw HTML. Whatever the kind, passages marked with `unspin:ignore` ([`ignore`]) are not.
//! The result is a set of byte ranges for [`crate::Engine::repair_within`].

pub mod html;
pub mod ignore;
pub mod jsonl;
pub mod markdown;
pub mod template;

use std::ops::Range;
use std::path::Path;

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Markdown,
}

impl Kind {
    /// The kind a file's name says: `.html`/`.htm`/`.xhtml`, `.md`/`.markdown`, else text.
    pub fn of_path(path: &Path) -> Kind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Kind::Html,
            "md" | "markdown" => Kind::Markdown,
            _ => Kind::Text,
        }
    }
}

/// The prose ranges of `text`, sorted and disjoint, less the passages marked to be left
/// alone; `None` when all of it is prose.
pub fn ranges(kind: Kind, text: &str) -> Result<Option<Vec<Range<usize>>>, html::HtmlError> {
    let prose = match kind {
        Kind::Text => None,
        Kind::Html => Some(html::text_ranges(text)?),
        Kind::Markdown => Some(markdown::prose_ranges(text)),
    };
    let ignored = ignore::ranges(text);
    if ignored.is_empty() {
        return Ok(prose);
    }
    // Plain text is prose throughout: one range, the whole text.
    let prose = prose.unwrap_or_else(|| std::iter::once(0..text.len()).collect());
    Ok(Some(cut(prose, &ignored)))
}

/// `ranges` with the byte ranges `holes` (sorted) cut out, keeping only non-empty pieces.
pub(crate) fn cut(ranges: Vec<Range<usize>>, holes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut h = 0;
    for r in ranges {
        let mut start = r.start;
        while h < holes.len() && holes[h].end <= start {
            h += 1;
        }
        let mut k = h;
        while k < holes.len() && holes[k].start < r.end {
            if holes[k].start > start {
                out.push(start..holes[k].start);
            }
            start = start.max(holes[k].end);
            k += 1;
        }
        if start < r.end {
            out.push(start..r.end);
        }
    }
    out
}

/// Bare URLs (`http://`, `https://`, `www.`) in `text`: their words are not prose, and a
/// repair inside one would break a link. One linear pass for each way a URL starts.
pub(crate) fn urls(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let schemes = memchr::memmem::find_iter(b, b"://").filter_map(|i| {
        let head = &b[..i];
        [&b"https"[..], b"http"]
            .iter()
            .find(|s| head.ends_with(s))
            .map(|s| i - s.len())
    });
    let mut starts: Vec<usize> = schemes
        .chain(memchr::memmem::find_iter(b, b"www."))
        .collect();
    starts.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::new();
    for start in starts {
        if out.last().is_some_and(|u| start < u.end) {
            continue;
        }
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(text.len() - start);
        out.push(start..start + len);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_holes_out_of_ranges() {
        assert_eq!(
            cut(vec![0..10, 20..30], &[2..4, 8..22, 29..40]),
            vec![0..2, 4..8, 22..29]
        );
        assert_eq!(cut(vec![0..5, 7..9], &[]), vec![0..5, 7..9]);
        assert_eq!(
            cut(vec![3..5, 6..8], &[0..10, 12..13]),
            Vec::<Range<usize>>::new()
        );
    }

    #[test]
    fn finds_bare_urls() {
        let t = "see https://x.org/cyber-assaults now, or www.a.b. and http://www.c.d<";
        let found: Vec<&str> = urls(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            found,
            ["https://x.org/cyber-assaults", "www.a.b.", "http://www.c.d"]
        );
    }

    #[test]
    fn kind_follows_the_extension() {
        assert_eq!(Kind::of_path(Path::new("a/b.HTM")), Kind::Html);
        assert_eq!(Kind::of_path(Path::new("x.md")), Kind::Markdown);
        assert_eq!(Kind::of_path(Path::new("x.txt")), Kind::Text);
        assert_eq!(Kind::of_path(Path::new("html")), Kind::Text);
    }
}
