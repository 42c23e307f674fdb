//! Decides whether bytes are text unspin may repair, decodes them (UTF-8, or the legacy
//! encoding they declare), and says why not when they are not text.

use crate::fs::charset;
pub use crate::fs::charset::Legacy;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;
use std::fmt;

/// Why a file is left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Holds a NUL byte.
    Binary,
    /// Not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 {
        offset: usize,
    },
    /// Not valid in the legacy encoding it declares (or `--encoding` names).
    Undecodable {
        encoding: &'static str,
    },
    Empty,
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Binary => f.write_str("binary data (NUL byte)"),
            Skip::NotUtf8 { offset } => write!(
                f,
                "not UTF-8 (invalid byte at offset {offset}; name its encoding with --encoding)"
            ),
            Skip::Undecodable { encoding } => write!(f, "not valid {encoding}, as it declares"),
            Skip::Empty => f.write_str("empty, nothing to repair"),
            Skip::TooLarge { size, limit } => write!(f, "too large ({size} bytes > {limit})"),
        }
    }
}

/// The text in `bytes`, or why there is none to repair.
pub fn text(bytes: Vec<u8>) -> Result<String, Skip> {
    if bytes.is_empty() {
        return Err(Skip::Empty);
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(Skip::Binary);
    }
    String::from_utf8(bytes).map_err(|e| Skip::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A file's text, and the legacy encoding it was decoded from (None: UTF-8).
pub struct Decoded {
    pub text: String,
    pub legacy: Option<Legacy>,
}

/// `text` as the bytes of a file decoded from `legacy` (None: UTF-8, borrowed): a legacy
/// encoding only where it gives the file's bytes back exactly and can write every character.
pub fn encoded(legacy: Option<Legacy>, text: &str) -> Result<Cow<'_, [u8]>, String> {
    match legacy {
        Some(legacy) => legacy.encode(text).map(Cow::Owned),
        None => Ok(Cow::Borrowed(text.as_bytes())),
    }
}

/// The text in `bytes`, decoded as they declare (see `charset::declared`; `html`: a page's
/// `<meta charset>` counts, `fallback`: `--encoding`), or why there is none to repair.
pub fn decode(
    bytes: Vec<u8>,
    html: bool,
    fallback: Option<&'static Encoding>,
) -> Result<Decoded, Skip> {
    let Some((encoding, bom)) = charset::declared(&bytes, html, fallback)
        .filter(|(encoding, _)| *encoding != UTF_8 && !bytes.is_empty())
    else {
        return text(bytes).map(|text| Decoded { text, legacy: None });
    };
    if !charset::is_utf16(encoding) && memchr::memchr(0, &bytes).is_some() {
        return Err(Skip::Binary);
    }
    let (text, legacy) = charset::decode(&bytes, encoding, bom).ok_or(Skip::Undecodable {
        encoding: encoding.name(),
    })?;
    if text.is_empty() {
        return Err(Skip::Empty);
    }
    Ok(Decoded {
        text,
        legacy: Some(legacy),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(text(b"ok\n".to_vec()), Ok("ok\n".into()));
        assert_eq!(text(vec![]), Err(Skip::Empty));
        assert_eq!(text(b"a\0b".to_vec()), Err(Skip::Binary));
        assert_eq!(text(b"caf\xe9".to_vec()), Err(Skip::NotUtf8 { offset: 3 }));
    }

    #[test]
    fn decodes_what_the_bytes_declare() {
        let page = b"<meta charset=windows-1252><p>caf\xe9</p>".to_vec();
        let decoded = decode(page, true, None).ok().unwrap();
        assert_eq!(decoded.text, "<meta charset=windows-1252><p>caf\u{e9}</p>");
        assert_eq!(decoded.legacy.unwrap().name(), "windows-1252");
        assert!(decode(b"caf\xe9".to_vec(), false, None).is_err());
        let latin1 = Encoding::for_label(b"latin1");
        assert_eq!(
            decode(b"caf\xe9".to_vec(), false, latin1)
                .ok()
                .unwrap()
                .text,
            "caf\u{e9}"
        );
        let utf16 = decode(b"\xff\xfeh\x00i\x00".to_vec(), false, None)
            .ok()
            .unwrap();
        assert_eq!(utf16.text, "hi");
        let sjis = Encoding::for_label(b"shift_jis");
        assert_eq!(
            decode(b"\x82".to_vec(), false, sjis).err(),
            Some(Skip::Undecodable {
                encoding: "Shift_JIS"
            })
        );
    }
}
