//! Which bytes of a document are prose that the engine may repair. Plain text is prose
//! throughout; in HTML only text nodes are, and in Markdown everything but code, link targets
//! and raw HTML. The result is a set of byte ranges for [`crate::Engine::repair_within`].

pub mod html;
pub mod markdown;

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

/// The prose ranges of `text`, sorted and disjoint; `None` when all of it is prose.
pub fn ranges(kind: Kind, text: &str) -> Result<Option<Vec<Range<usize>>>, html::HtmlError> {
    match kind {
        Kind::Text => Ok(None),
        Kind::Html => html::text_ranges(text).map(Some),
        Kind::Markdown => Ok(Some(markdown::prose_ranges(text))),
    }
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

/// Bare URLs (`http://`, `https://`, `www.`) in `text[range]`: their words are not prose, and a
/// repair inside one would break a link.
pub(crate) fn urls(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let part = &text[range.clone()];
    let mut at = 0;
    while let Some(i) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| part[at..].find(p).map(|i| at + i))
        .min()
    {
        let len = part[i..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(part.len() - i);
        out.push(range.start + i..range.start + i + len);
        at = i + len;
    }
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
        let t = "see https://x.org/cyber-assaults now, or www.a.b.";
        let mut out = Vec::new();
        urls(t, 0..t.len(), &mut out);
        let found: Vec<&str> = out.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(found, ["https://x.org/cyber-assaults", "www.a.b."]);
    }

    #[test]
    fn kind_follows_the_extension() {
        assert_eq!(Kind::of_path(Path::new("a/b.HTM")), Kind::Html);
        assert_eq!(Kind::of_path(Path::new("x.md")), Kind::Markdown);
        assert_eq!(Kind::of_path(Path::new("x.txt")), Kind::Text);
        assert_eq!(Kind::of_path(Path::new("html")), Kind::Text);
    }
}
