//! The one normalization that keys, condition phrases and scanned text share: ASCII letters
//! lower-cased, `’` read as `'`, every run of whitespace read as one space.

/// Classifies a char as whitespace the way matching does (Unicode White_Space).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Letters, digits and marks make words; everything else (hyphens included) is a boundary.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Normalizes `s`; with `fold_case` false, letters keep their case (for `case: exact`).
pub fn normalize_with(s: &str, fold_case: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if is_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match c {
            '\u{2019}' => out.push('\''),
            c if fold_case => out.push(c.to_ascii_lowercase()),
            c => out.push(c),
        }
    }
    out
}

/// The normalized form under which keys are stored and looked up.
pub fn normalize(s: &str) -> String {
    normalize_with(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ascii_case_apostrophes_and_whitespace_runs() {
        assert_eq!(normalize("Don’t\r\n  STOP\tnow"), "don't stop now");
        assert_eq!(normalize_with("Don’t  STOP", false), "Don't STOP");
    }

    #[test]
    fn keeps_non_ascii_letters_as_written() {
        assert_eq!(normalize("Ça Va"), "Ça va");
    }
}
