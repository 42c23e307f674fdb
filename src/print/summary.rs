//! The closing summary of a run over many files: a line for people, a record for `--json`.

use serde::Serialize;

/// Files skipped while walking, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub binary: usize,
    pub not_utf8: usize,
    pub too_large: usize,
    /// Symbolic links met while walking, not followed.
    pub symlink: usize,
}

impl Skipped {
    pub fn total(&self) -> usize {
        self.binary + self.not_utf8 + self.too_large + self.symlink
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Files read and looked at (empty ones included).
    pub files_scanned: usize,
    /// Files with at least one repair (written, with `--write`).
    pub files_repaired: usize,
    /// Repairs in those files.
    pub edits: usize,
    pub skipped: Skipped,
    pub errors: usize,
    pub elapsed_seconds: f64,
    /// Stopped early by Ctrl-C or SIGTERM.
    pub interrupted: bool,
}

impl Summary {
    /// `N files scanned, N repaired (N edits), N skipped (...), N errors, 1.23 s`.
    pub fn line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut s = format!(
            "{}, {} repaired ({})",
            plural(self.files_scanned, "file scanned", "files scanned"),
            self.files_repaired,
            plural(self.edits, "edit", "edits")
        );
        let k = &self.skipped;
        s.push_str(&format!(", {} skipped", k.total()));
        let parts: Vec<String> = [
            (k.binary, "binary"),
            (k.not_utf8, "not UTF-8"),
            (k.too_large, "too large"),
            (k.symlink, "symlinks"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if !parts.is_empty() {
            s.push_str(&format!(" ({})", parts.join(", ")));
        }
        s.push_str(&format!(
            ", {}, {:.2} s",
            plural(self.errors, "error", "errors"),
            self.elapsed_seconds
        ));
        if self.interrupted {
            s.push_str(", interrupted");
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_every_count() {
        let s = Summary {
            files_scanned: 12,
            files_repaired: 3,
            edits: 7,
            skipped: Skipped {
                binary: 2,
                not_utf8: 1,
                too_large: 0,
                symlink: 1,
            },
            errors: 1,
            elapsed_seconds: 0.5,
            interrupted: false,
        };
        assert_eq!(
            s.line(),
            "12 files scanned, 3 repaired (7 edits), 4 skipped (2 binary, 1 not UTF-8, 1 symlinks), 1 error, 0.50 s"
        );
        let json = crate::print::json::Record::Summary(&s).line();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["type"], "summary");
        assert_eq!(v["skipped"]["not_utf8"], 1);
        assert_eq!(v["files_repaired"], 3);
    }
}
