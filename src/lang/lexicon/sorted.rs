//! Lookup in a sorted `key<TAB>value` text (one line per key, after `#` header lines) by binary
//! search over its bytes: the embedded data files are used as they are, nothing is parsed or
//! allocated before a lookup.

use memchr::{memchr, memrchr};

/// A text whose lines, after the header, are `key<TAB>value` sorted by key in byte order.
#[derive(Debug)]
pub(super) struct SortedLines {
    text: &'static str,
    /// Where the header ends: found at compile time, as checking UTF-8 there would be slow.
    start: usize,
}

impl SortedLines {
    /// The table of `text`, its leading `#` lines skipped.
    pub(super) const fn new(text: &'static str) -> SortedLines {
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < bytes.len() && bytes[start] == b'#' {
            while start < bytes.len() && bytes[start] != b'\n' {
                start += 1;
            }
            start += 1;
        }
        SortedLines { text, start }
    }

    fn body(&self) -> &'static str {
        &self.text[self.start.min(self.text.len())..]
    }

    /// The value of `key`, if the table has it.
    pub(super) fn get(&self, key: &str) -> Option<&'static str> {
        let body = self.body();
        let bytes = body.as_bytes();
        // Invariant: `lo` is the start of a line and every line before it has a smaller key;
        // `hi` is the start of a line (or the end) and no line from it on has a smaller key.
        let (mut lo, mut hi) = (0, bytes.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = memrchr(b'\n', &bytes[lo..mid]).map_or(lo, |i| lo + i + 1);
            let end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            let (k, v) = split(&body[start..end]);
            match k.as_bytes().cmp(key.as_bytes()) {
                std::cmp::Ordering::Equal => return Some(v),
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        None
    }

    /// Every `(key, value)`, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.body().lines().map(split)
    }
}

fn split(line: &'static str) -> (&'static str, &'static str) {
    line.split_once('\t').unwrap_or((line, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: SortedLines = SortedLines::new("# header\n# two\na\t1\nab\t2\nb c\t3\nzz\t\n");

    #[test]
    fn finds_every_key_and_nothing_else() {
        for (k, v) in [("a", "1"), ("ab", "2"), ("b c", "3"), ("zz", "")] {
            assert_eq!(TABLE.get(k), Some(v), "{k}");
        }
        for k in ["", "#", "# header", "0", "aa", "b", "b c\t3", "zzz", "~"] {
            assert_eq!(TABLE.get(k), None, "{k}");
        }
        assert_eq!(SortedLines::new("").get("a"), None);
    }

    #[test]
    fn builtin_tables_are_sorted_and_well_formed() {
        use super::super::{Inflections, Thesaurus};
        for table in [&Thesaurus::builtin().table, &Inflections::builtin().table] {
            let keys: Vec<&str> = table.iter().map(|(k, _)| k).collect();
            assert!(keys.len() > 10_000);
            assert!(keys.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
            assert!(table.body().lines().all(|l| l.contains('\t')));
            assert!(keys.iter().all(|k| table.get(k).is_some()));
        }
    }
}
