//! Everything unspin prints about a repair: explanations, diffs, JSON records, SARIF logs and
//! GitHub annotations. Printers take the engine's [`crate::Edit`]s, one at a time in text order
//! (a large file's come window by window), and return text or write it to a [`Sink`] as they go;
//! they know neither files nor terminals, so the caller decides where output goes.

pub mod diff;
pub mod explain;
pub mod github;
pub mod json;
pub mod sarif;
pub mod summary;

/// Where a printer that writes as it goes puts its text: a `String`, or the caller's sink that
/// hands it on in pieces.
pub trait Sink {
    fn push_str(&mut self, s: &str);

    fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
}

impl Sink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

/// `n` in LEB128 (seven bits a byte, the high bit set on all but the last), to `out`.
pub(crate) fn leb128(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The LEB128 number that `bytes` begin with, taken from them.
pub(crate) fn unleb128(bytes: &mut impl Iterator<Item = u8>) -> usize {
    let mut n = 0;
    let mut shift = 0;
    for b in bytes {
        n |= usize::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            break;
        }
    }
    n
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub(crate) fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}
