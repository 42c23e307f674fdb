//! Decides whether bytes are text unspin may repair, and says why not when they are not.

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
    Empty,
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Binary => f.write_str("binary data (NUL byte), skipped"),
            Skip::NotUtf8 { offset } => {
                write!(f, "not UTF-8 (invalid byte at offset {offset}), skipped")
            }
            Skip::Empty => f.write_str("empty, nothing to repair"),
            Skip::TooLarge { size, limit } => {
                write!(f, "too large ({size} bytes > {limit}), skipped")
            }
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
}
