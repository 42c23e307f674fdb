//! A file's standard output as it is made. Buffered whole, it is printed in one piece with the
//! file's outcome; handed on, it goes out in pieces of [`PIECE`] bytes as they fill, so that a
//! large file's repaired text, diff or JSON is never held whole.

use unspin::print::Sink;

/// Bytes gathered before a piece is handed on.
const PIECE: usize = 64 << 10;

pub struct Out<'a> {
    buf: String,
    /// Where full pieces go; none: all of it stays for the outcome.
    send: Option<&'a dyn Fn(String)>,
}

impl Sink for Out<'_> {
    /// Long text (a line as long as the file) is handed on a piece at a time.
    fn push_str(&mut self, mut s: &str) {
        let Some(send) = self.send else {
            self.buf.push_str(s);
            return;
        };
        while !s.is_empty() {
            let mut n = (PIECE - self.buf.len().min(PIECE)).max(1).min(s.len());
            while !s.is_char_boundary(n) {
                n += 1;
            }
            self.buf.push_str(&s[..n]);
            s = &s[n..];
            if self.buf.len() >= PIECE {
                send(std::mem::take(&mut self.buf));
            }
        }
    }
}

impl<'a> Out<'a> {
    /// Output kept whole.
    pub fn buffered() -> Self {
        Out {
            buf: String::new(),
            send: None,
        }
    }

    /// Output handed to `send` in pieces.
    pub fn sending(send: &'a dyn Fn(String)) -> Self {
        Out {
            buf: String::new(),
            send: Some(send),
        }
    }

    /// What is not handed on yet.
    pub fn into_rest(self) -> String {
        self.buf
    }
}
