//! A file's output as it is made. Buffered whole, it is printed in one piece with the file's
//! outcome; handed on, it goes out in pieces of [`PIECE`] bytes as they fill, so that a large
//! file's repaired text, diff, JSON or list of edits is never held whole.

use unspin::print::Sink;

/// Bytes gathered before a piece is handed on.
const PIECE: usize = 64 << 10;

/// A piece of a file's output: all of its standard output comes before its standard error.
pub enum Piece {
    Out(String),
    Err(String),
}

pub struct Out<'a> {
    buf: String,
    /// Where full pieces go; none: all of it stays for the outcome.
    send: Option<&'a dyn Fn(Piece)>,
    /// Once what is pushed is standard error's: standard output, what of it is not handed on.
    out: Option<String>,
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
                send(self.piece());
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
            out: None,
        }
    }

    /// Output handed to `send` in pieces.
    pub fn sending(send: &'a dyn Fn(Piece)) -> Self {
        Out {
            buf: String::new(),
            send: Some(send),
            out: None,
        }
    }

    /// What is gathered, as a piece of the stream pushed to.
    fn piece(&mut self) -> Piece {
        let text = std::mem::take(&mut self.buf);
        match self.out {
            None => Piece::Out(text),
            Some(_) => Piece::Err(text),
        }
    }

    /// Standard output is done: what is pushed from now on is standard error's.
    pub fn stderr(&mut self) {
        let out = match self.send {
            Some(send) => {
                send(self.piece());
                String::new()
            }
            None => std::mem::take(&mut self.buf),
        };
        self.out = Some(out);
    }

    /// What is not handed on yet: of standard output, and of standard error.
    pub fn into_rest(self) -> (String, String) {
        match self.out {
            None => (self.buf, String::new()),
            Some(out) => (out, self.buf),
        }
    }
}
