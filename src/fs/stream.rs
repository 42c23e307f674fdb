//! Repairs input too large to hold whole (a corpus of many articles on standard input, say),
//! window by window, in memory bounded by the window size and not by the input.
//!
//! Each window is repaired with the text before it as context. Edits that start in the last
//! `margin` bytes of a window are left to the next window, which starts where the last kept
//! edit (or the margin) ends, so a phrase across a window edge is still found, once. The spin
//! score and document conditions are those of each window.

use crate::edit::Edit;
use crate::engine::Engine;
use crate::fs::read::Skip;
use std::io::{self, Read, Write};

/// Window sizes; the defaults suit gigabytes of input (a window's repairs, with the model's
/// reasons, are held until it is written: a few MiB for a spun window of 1 MiB).
#[derive(Debug, Clone, Copy)]
pub struct Windows {
    /// Bytes repaired at a time.
    pub window: usize,
    /// Edits starting this close to a window's end wait for the next window; a phrase whose
    /// words are this far apart (a very long whitespace run) is not found across windows.
    pub margin: usize,
    /// Bytes of already-written text kept before the next window, as context.
    pub context: usize,
}

impl Default for Windows {
    fn default() -> Self {
        Windows {
            window: 1 << 20,
            margin: 64 << 10,
            context: 1 << 10,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// Binary or non-UTF-8 data (offsets are from the start of the input); the output so far
    /// has been written.
    #[error("{skip} (at byte {offset})")]
    Bad { skip: Skip, offset: u64 },
}

/// What a stream run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Streamed {
    pub bytes: u64,
    pub edits: u64,
}

/// Copies `input` to `output` with every repair applied, calling `on_edit` with each edit and
/// the input offset its range is relative to.
pub fn repair(
    engine: &Engine,
    mut input: impl Read,
    mut output: impl Write,
    windows: Windows,
    mut on_edit: impl FnMut(&Edit, u64),
) -> Result<Streamed, StreamError> {
    let mut buf: Vec<u8> = Vec::with_capacity(windows.window + windows.margin);
    let mut base = 0u64; // input offset of buf[0]
    let mut from = 0usize; // where repairs resume in buf; bytes before it are written context
    let mut eof = false;
    let mut done = Streamed::default();
    loop {
        // Beyond the margin, a few bytes more than a char and an incomplete char at the end,
        // so the window always commits something and the loop moves on.
        while !eof && buf.len() < windows.window.max(from + windows.margin + 8) {
            let have = buf.len();
            buf.resize(have + (64 << 10), 0);
            let n = read_some(&mut input, &mut buf[have..])?;
            buf.truncate(have + n);
            eof = n == 0;
        }
        let valid = match std::str::from_utf8(&buf) {
            Ok(_) => buf.len(),
            Err(e) if e.error_len().is_none() && !eof => e.valid_up_to(),
            Err(e) => {
                let offset = base + e.valid_up_to() as u64;
                return Err(StreamError::Bad {
                    skip: Skip::NotUtf8 {
                        offset: offset as usize,
                    },
                    offset,
                });
            }
        };
        if let Some(nul) = memchr::memchr(0, &buf[from..valid]) {
            return Err(StreamError::Bad {
                skip: Skip::Binary,
                offset: base + (from + nul) as u64,
            });
        }
        let text = std::str::from_utf8(&buf[..valid]).expect("validated above");
        let last = eof && valid == buf.len();
        let limit = if last {
            valid
        } else {
            floor_char(text, valid - windows.margin).max(from)
        };
        let repair = engine.repair_from(text, from);
        let mut at = from;
        for e in repair.edits.iter().take_while(|e| e.range.start < limit) {
            output.write_all(&buf[at..e.range.start])?;
            output.write_all(e.to.as_bytes())?;
            on_edit(e, base);
            done.edits += 1;
            at = e.range.end;
        }
        let commit = limit.max(at);
        output.write_all(&buf[at..commit])?;
        done.bytes += (commit - from) as u64;
        if last && commit == valid {
            output.flush()?;
            return Ok(done);
        }
        let keep = floor_char(text, commit.saturating_sub(windows.context));
        buf.drain(..keep);
        base += keep as u64;
        from = commit - keep;
    }
}

fn read_some(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match input.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::engine::Options;
    use crate::Dictionary;

    fn engine() -> Engine {
        let yaml = "entries:\n  mental property: intellectual property\n  yr: year\n  \
                    secrets and techniques: secrets\n  café: coffee\n";
        Engine::new(
            Dictionary::from_yaml("t", yaml).unwrap(),
            Options::default(),
        )
        .unwrap()
    }

    fn streamed(text: &str, windows: Windows) -> (String, u64) {
        let mut out = Vec::new();
        let mut n = 0;
        let done = repair(&engine(), text.as_bytes(), &mut out, windows, |_, _| n += 1).unwrap();
        assert_eq!(done.edits, n);
        (String::from_utf8(out).unwrap(), done.bytes)
    }

    #[test]
    fn small_windows_give_the_whole_text_result() {
        let text =
            "Our mental property, this yr; commerce secrets and\ntechniques. Café. ".repeat(200);
        let whole = apply(&text, &engine().repair(&text).edits);
        for window in [64, 97, 256, 1000] {
            let w = Windows {
                window,
                margin: 40,
                context: 16,
            };
            let (out, bytes) = streamed(&text, w);
            assert_eq!(out, whole, "window {window}");
            assert_eq!(bytes as usize, text.len());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn any_window_size_gives_the_whole_text_result(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "mental", "property", "yr", "secrets", "and", "techniques", "café", " ", "\n", "  ", "é", ",",
                "日本", "\u{1F600}",
            ]), 0..300),
            window in 8usize..200,
            margin in 1usize..60,
        ) {
            let text = words.concat();
            let whole = apply(&text, &engine().repair(&text).edits);
            // Longer than any key with its whitespace runs, as the default margin is.
            let margin = margin.max(80);
            let (out, _) = streamed(&text, Windows { window: window + margin, margin, context: 12 });
            proptest::prop_assert_eq!(out, whole);
        }
    }

    #[test]
    fn bad_bytes_stop_the_stream_with_their_offset() {
        let mut input = b"mental property ".repeat(100);
        input.extend_from_slice(b"\xff tail");
        let mut out = Vec::new();
        let w = Windows {
            window: 128,
            margin: 32,
            context: 8,
        };
        let err = repair(&engine(), input.as_slice(), &mut out, w, |_, _| {}).unwrap_err();
        assert!(
            matches!(err, StreamError::Bad { offset: 1600, .. }),
            "{err:?}"
        );
    }
}
