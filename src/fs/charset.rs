//! The encoding of a file that is not UTF-8: what it declares (a UTF-16 byte order mark, an HTML
//! page's `<meta charset>`) or what `--encoding` says. Decoding and encoding back are
//! `encoding_rs`'s, the crate browsers use; a repair is written back only in an encoding that
//! gives the file's bytes back exactly from the decoded text, so bytes outside the edits never
//! change.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// How far into a page browsers look for `<meta charset>` (the HTML prescan's limit).
const PRESCAN: usize = 1024;

/// A legacy encoding a file was decoded from, and how to write a repair back in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Legacy {
    encoding: &'static Encoding,
    /// The file starts with a byte order mark (UTF-16), kept in front of the text.
    bom: bool,
    /// Encoding the decoded text gives the file's bytes back exactly.
    exact: bool,
}

impl Legacy {
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }

    /// `text` in this encoding, or why it cannot be written back in it.
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, String> {
        if !self.exact {
            return Err(format!(
                "{} does not give the same bytes back once decoded; not written",
                self.name()
            ));
        }
        encode(self.encoding, self.bom, text).ok_or_else(|| {
            format!(
                "the repair holds characters {} cannot write; not written",
                self.name()
            )
        })
    }
}

/// The encoding `bytes` declare and the length of their byte order mark: a BOM (any file; a
/// UTF-8 one too), else `<meta charset>` in the first 1,024 bytes of an HTML page, else
/// `fallback` (`--encoding`). None: read as UTF-8.
pub fn declared(
    bytes: &[u8],
    html: bool,
    fallback: Option<&'static Encoding>,
) -> Option<(&'static Encoding, usize)> {
    if let Some(found) = Encoding::for_bom(bytes) {
        return Some(found);
    }
    let meta = if html { meta_charset(bytes) } else { None };
    meta.or(fallback).map(|encoding| (encoding, 0))
}

/// Is `encoding` UTF-16 (whose text holds NUL bytes)?
pub fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// `bytes` decoded from `encoding` (after a byte order mark of `bom` bytes), or None when they
/// are not valid in it.
pub fn decode(bytes: &[u8], encoding: &'static Encoding, bom: usize) -> Option<(String, Legacy)> {
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(&bytes[bom..])?
        .into_owned();
    let exact = encode(encoding, bom > 0, &text).as_deref() == Some(bytes);
    Some((
        text,
        Legacy {
            encoding,
            bom: bom > 0,
            exact,
        },
    ))
}

/// `text` in `encoding`, or None when it holds a character the encoding cannot write.
/// `encoding_rs` encodes no UTF-16 (browsers never send it), so that is done here.
fn encode(encoding: &'static Encoding, bom: bool, text: &str) -> Option<Vec<u8>> {
    if is_utf16(encoding) {
        let big = encoding == UTF_16BE;
        let bom = bom.then_some('\u{feff}');
        let units = bom.into_iter().chain(text.chars()).collect::<String>();
        return Some(
            units
                .encode_utf16()
                .flat_map(|u| {
                    if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect(),
        );
    }
    let (bytes, _, unmappable) = encoding.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

/// The encoding named by a `<meta charset=...>` or `<meta content="...; charset=...">` in the
/// page's first bytes, as browsers read it (a UTF-16 label there means UTF-8).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(PRESCAN)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + at + b"<meta".len();
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        if let Some(encoding) = charset_in(&head[start..end]).and_then(Encoding::for_label) {
            return Some(encoding.output_encoding());
        }
        from = end;
    }
    None
}

/// The label after `charset=` in a meta tag's attributes, quoted or not.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = memchr::memmem::find(tag, b"charset")? + b"charset".len();
    let rest = tag[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b";\"'/".contains(&b))
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{SHIFT_JIS, UTF_8, WINDOWS_1252};

    #[test]
    fn reads_what_a_page_declares() {
        let page = |head: &str| declared(head.as_bytes(), true, None).map(|(e, _)| e.name());
        assert_eq!(
            page(r#"<meta charset="windows-1252">"#),
            Some("windows-1252")
        );
        assert_eq!(page("<META CHARSET=latin1>"), Some("windows-1252"));
        assert_eq!(
            page(r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#),
            Some("windows-1252")
        );
        assert_eq!(page(r#"<meta charset="utf-16">"#), Some("UTF-8"));
        assert_eq!(
            page(r#"<meta name="x" content="y"><p>charset=koi8-r</p>"#),
            None
        );
        assert_eq!(page(r#"<meta charset="nonsense">"#), None);
        // Plain text declares nothing but a BOM; --encoding is the fallback.
        let text = declared(b"<meta charset=koi8-r>", false, Some(WINDOWS_1252));
        assert_eq!(text, Some((WINDOWS_1252, 0)));
        assert_eq!(declared(b"\xff\xfea\x00", false, None), Some((UTF_16LE, 2)));
        assert_eq!(declared(b"\xef\xbb\xbfa", true, None), Some((UTF_8, 3)));
    }

    #[test]
    fn writes_back_only_what_round_trips() {
        let (text, legacy) = decode(b"caf\xe9 \x93q\x94", WINDOWS_1252, 0).unwrap();
        assert_eq!(text, "caf\u{e9} \u{201c}q\u{201d}");
        assert_eq!(legacy.encode(&text).unwrap(), b"caf\xe9 \x93q\x94");
        assert!(legacy
            .encode("\u{4e2d}")
            .unwrap_err()
            .contains("cannot write"));
        let (text, legacy) = decode(b"\xfe\xff\x00h\x00i", UTF_16BE, 2).unwrap();
        assert_eq!(text, "hi");
        assert_eq!(legacy.encode("ho").unwrap(), b"\xfe\xff\x00h\x00o");
        // Shift_JIS reads the NEC row of IBM extensions (0xED40) and writes the IBM row.
        let (text, legacy) = decode(b"\xed\x40", SHIFT_JIS, 0).unwrap();
        assert!(legacy.encode(&text).unwrap_err().contains("same bytes"));
    }
}
