//! The text nodes of an HTML document, found by `lol_html`, a real streaming HTML rewriter: it
//! knows where tags, attributes, comments, `<script>` and `<style>` are, so none of them is ever
//! taken for prose.
//!
//! lol_html gives text chunks but not their offsets, so each chunk of prose is wrapped in NUL
//! markers (a NUL never occurs in text unspin reads) and the offsets are read off the rewritten
//! output. The rewritten output without its markers must equal the input byte for byte, or the
//! document is refused: that check is what guarantees the offsets are exact.

use super::{cut, urls};
use lol_html::html_content::{ContentType, TextType};
use lol_html::{doc_text, element, end_tag, rewrite_str, RewriteStrSettings};
use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

/// Elements whose text is code or input, not prose.
const NOT_PROSE: &str = "code, pre, kbd, samp, tt, textarea";

const MARK: u8 = 0;

#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("HTML could not be parsed: {0}")]
    Parse(String),
    #[error("HTML parser did not reproduce the document byte for byte; left alone")]
    NotFaithful,
}

/// Byte ranges of `html` that are prose: text nodes (also in `<title>`), without character
/// references (`&amp;` stays as written), bare URLs, and the text of code-like elements.
pub fn text_ranges(html: &str) -> Result<Vec<Range<usize>>, HtmlError> {
    let depth = Rc::new(Cell::new(0usize));
    let opened = Rc::clone(&depth);
    let in_text = Rc::clone(&depth);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(NOT_PROSE, move |el| {
            opened.set(opened.get() + 1);
            let closed = Rc::clone(&opened);
            if el
                .on_end_tag(end_tag!(move |_| {
                    closed.set(closed.get().saturating_sub(1));
                    Ok(())
                }))
                .is_err()
            {
                opened.set(opened.get() - 1);
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let prose = matches!(t.text_type(), TextType::Data | TextType::RCData);
            if prose && in_text.get() == 0 && !t.as_str().is_empty() {
                t.before("\0", ContentType::Html);
                t.after("\0", ContentType::Html);
            }
            Ok(())
        }));
    let marked = rewrite_str(html, settings).map_err(|e| HtmlError::Parse(e.to_string()))?;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut open = None;
    for (n, at) in memchr::memchr_iter(MARK, marked.as_bytes()).enumerate() {
        let source = at - n;
        match open.take() {
            None => open = Some(source),
            // Chunks of one text node come back to back: join them.
            Some(start) => match ranges.last_mut() {
                Some(last) if last.end == start => last.end = source,
                _ => ranges.push(start..source),
            },
        }
    }
    if open.is_some() || !same_without_marks(&marked, html) {
        return Err(HtmlError::NotFaithful);
    }
    let mut holes = urls(html);
    for r in &ranges {
        references(html, r.clone(), &mut holes);
    }
    holes.sort_by_key(|h| h.start);
    Ok(cut(ranges, &holes))
}

/// A replacement written into HTML text: `&`, `<` and `>` as character references, so that a
/// dictionary's "R&D" can never open a tag or an entity.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>']) {
        return text.into();
    }
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .into()
}

fn same_without_marks(marked: &str, html: &str) -> bool {
    let (m, h) = (marked.as_bytes(), html.as_bytes());
    let (mut from, mut at) = (0, 0);
    for mark in memchr::memchr_iter(MARK, m).chain([m.len()]) {
        let part = &m[from..mark];
        if h.get(at..at + part.len()) != Some(part) {
            return false;
        }
        at += part.len();
        from = mark + 1;
    }
    at == h.len()
}

/// Character references (`&amp;`, `&#8217;`, `&#x2019;`) in `text[range]`.
fn references(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let part = text[range.clone()].as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'&', &part[i..]) {
        let start = i + k;
        let name = part[start + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
            .count();
        let end = start + 1 + name;
        if name > 0 && part.get(end) == Some(&b';') {
            out.push(range.start + start..range.start + end + 1);
            i = end + 1;
        } else {
            i = start + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<&str> {
        text_ranges(html)
            .unwrap()
            .into_iter()
            .map(|r| &html[r])
            .collect()
    }

    #[test]
    fn only_text_nodes_are_prose() {
        let html = r#"<!DOCTYPE html><html><head><title>Mental property</title>
<style>p::after { content: "mental property" }</style>
<script>var s = "mental property <b>";</script></head>
<body><!-- mental property --><p class="mental property" title='mental property'>The mental property</p>
<img alt="mental property"><pre>mental property</pre><p>a<code>mental property</code>b</p></body></html>"#;
        let t = texts(html);
        assert!(t.contains(&"Mental property"), "{t:?}");
        assert!(t.contains(&"The mental property"), "{t:?}");
        assert!(
            t.iter().all(|s| !s.contains('<') && !s.contains('"')),
            "{t:?}"
        );
        let joined = t.concat();
        assert_eq!(joined.matches("mental property").count(), 1, "{t:?}");
    }

    #[test]
    fn character_references_and_urls_are_not_prose() {
        let html = "<p>R&amp;D on mental&nbsp;property, see https://x.org/mental-property.</p>";
        let t = texts(html);
        assert_eq!(t, ["R", "D on mental", "property, see "]);
    }

    #[test]
    fn the_faithfulness_check_sees_any_difference() {
        assert!(same_without_marks("a\0b\0c", "abc"));
        assert!(same_without_marks("\0\0", ""));
        assert!(!same_without_marks("a\0b", "a c"));
        assert!(!same_without_marks("ab", "abc"));
        assert!(!same_without_marks("abc", "ab"));
    }

    #[test]
    fn replacements_are_escaped() {
        assert_eq!(escape("R&D <b>"), "R&amp;D &lt;b&gt;");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn unclosed_and_broken_markup_still_maps_exactly() {
        for html in [
            "<p>one <b>two</i> three",
            "text only",
            "<p a=\"x>y\">z</p",
            "<p>&amp",
            "<<>>",
        ] {
            let r = text_ranges(html).unwrap();
            assert!(r.windows(2).all(|w| w[0].end < w[1].start), "{html}: {r:?}");
            assert!(r
                .iter()
                .all(|r| html.is_char_boundary(r.start) && html.is_char_boundary(r.end)));
        }
        assert_eq!(texts("<p>one <b>two</b> three"), ["one ", "two", " three"]);
    }
}
