//! Writes a replacement the way the text it lands in is written: letter case, the whitespace
//! between words (line breaks stay where they can) and apostrophe style; and the article in
//! front of it (`a`/`an`) follows the replacement's first word, not the spun word's.

use crate::dict::model::{CaseMode, Rule};

/// Small words that stay lower-case in a Title Cased phrase.
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
];

/// The replacement `to` (the rule's, or its variant's) for `matched`. `curly_text` says
/// whether the surrounding text writes its apostrophes as `’`; it is asked only when the match
/// itself does not tell.
pub fn render(rule: &Rule, to: &str, matched: &str, curly_text: impl FnOnce() -> bool) -> String {
    let cased = match rule.case {
        CaseMode::Preserve => follow_case(matched, &rule.key, to),
        CaseMode::Exact => to.to_string(),
    };
    let spaced = follow_spacing(matched, cased);
    if !spaced.contains('\'') {
        return spaced;
    }
    let curly = if matched.contains('\u{2019}') {
        true
    } else if matched.contains('\'') {
        false
    } else {
        curly_text()
    };
    if curly {
        spaced.replace('\'', "\u{2019}")
    } else {
        spaced
    }
}

/// The pronoun "I" and its contractions, written with a capital wherever they stand.
pub(crate) const PRONOUN_I: &[&str] = &["i", "i'm", "i've", "i'd", "i'll"];

fn follow_case(matched: &str, key: &str, to: &str) -> String {
    // The common case: nothing in the text to follow.
    if !matched.chars().any(char::is_uppercase) {
        return to.to_string();
    }
    let letters = || matched.chars().filter(|c| c.is_alphabetic());
    if letters().count() >= 2 && letters().all(char::is_uppercase) {
        return to.to_uppercase();
    }
    // The capital of "I" says nothing about the case of the phrase ("I’ve to" is not Title
    // Case), so the decisions below read it lower-cased; the replacement keeps its own "I".
    // (Written out only when such a word is there: most matches have none.)
    let unsaid;
    let matched = if matched.split_whitespace().any(pronoun_i) {
        unsaid = matched
            .split_whitespace()
            .map(|w| {
                let lower = w.to_lowercase().replace('\u{2019}', "'");
                if PRONOUN_I.contains(&lower.as_str()) {
                    lower
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        unsaid.as_str()
    } else {
        matched
    };
    if !matched.chars().any(char::is_uppercase) {
        return to.to_string();
    }
    // Title Case: the first word capitalized, and every later word that starts with a letter
    // and is not a small word ("the 2", "the USA" are not Title Case).
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut words = matched.split_whitespace();
    let title = words.next().is_some_and(capital)
        && words.clone().next().is_some()
        && words
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .filter(|w| !small(w))
            .all(capital);
    if title {
        let mut out = String::with_capacity(to.len());
        for (i, w) in to.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if i > 0 && SMALL.contains(&w) {
                out.push_str(w);
            } else {
                out.push_str(&capitalize(w));
            }
        }
        return out;
    }
    let starts_upper = |s: &str| {
        s.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    if starts_upper(matched) && !starts_upper(key) {
        capitalize(to)
    } else {
        to.to_string()
    }
}

/// Is `w` a [`SMALL`] word, in any case? (No char outside ASCII lower-cases to their letters
/// alone.)
fn small(w: &str) -> bool {
    SMALL.iter().any(|s| w.eq_ignore_ascii_case(s))
}

/// Is `w` one of [`PRONOUN_I`], in any case, its apostrophe either way? Read in place, without
/// allocating. (No char outside ASCII lower-cases to their letters alone.)
fn pronoun_i(w: &str) -> bool {
    let lower = || {
        w.chars().map(|c| match c {
            '\u{2019}' => '\'',
            c => c.to_ascii_lowercase(),
        })
    };
    PRONOUN_I.iter().any(|p| lower().eq(p.chars()))
}

/// Words that start with a vowel letter and take "an" or "a" by their sound, which spelling alone
/// does not tell ("a university", "an unusual"): their article is left as it is.
fn sound_unknown(lower: &str) -> bool {
    lower.starts_with('u')
        || lower.starts_with("eu")
        || lower.starts_with("ewe")
        || lower == "one"
        || lower == "once"
}

/// Words whose `h` is silent ("an hour").
const SILENT_H: &[&str] = &["hour", "honest", "honor", "honour", "heir"];

/// Whether `phrase` takes "an" (true) or "a" (false) by its first word; `None` when spelling
/// does not tell (a digit, an acronym, a word in [`sound_unknown`]).
fn takes_an(phrase: &str) -> Option<bool> {
    let word = phrase.split(|c: char| !c.is_alphanumeric()).next()?;
    let letters = word.chars().count();
    if letters == 0 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    if letters >= 2 && word.chars().all(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    if sound_unknown(&lower) {
        return None;
    }
    if SILENT_H.iter().any(|h| lower.starts_with(h)) {
        return Some(true);
    }
    Some(lower.starts_with(['a', 'e', 'i', 'o']))
}

/// When the word right before byte `start` of `src` is the article `a` or `an` (one space or line
/// break away, at or after `floor`) and the replacement `to` needs the other one: where that
/// article starts, and what to write from there up to the replacement. A spinner that swapped
/// "international" for "worldwide" left "a"; the repair must put back "an".
pub fn article(src: &str, start: usize, floor: usize, to: &str) -> Option<(usize, String)> {
    let before = &src[floor..start];
    let gap = before
        .chars()
        .next_back()
        .filter(|&c| c == ' ' || c == '\n')?;
    let before = &before[..before.len() - gap.len_utf8()];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    let written = &before[word_start..];
    let at = floor + word_start;
    // The article must be a word of its own, not the end of one ("Lana international").
    if src[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let has_an = match written {
        _ if written.eq_ignore_ascii_case("a") => false,
        _ if written.eq_ignore_ascii_case("an") => true,
        _ => return None,
    };
    let needs_an = takes_an(to)?;
    if has_an == needs_an {
        return None;
    }
    let article = match (written, needs_an) {
        ("A", true) => "An",
        ("a", true) => "an",
        ("AN" | "An", false) => "A",
        (_, true) => "AN",
        (_, false) => "a",
    };
    Some((at, format!("{article}{gap}")))
}

fn capitalize(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Puts the matched text's whitespace runs into the replacement's gaps, in order. When the
/// replacement has fewer gaps and a dropped run held a line break, the last gap takes it, so
/// hard-wrapped text keeps its line count where it can.
fn follow_spacing(matched: &str, to: String) -> String {
    if !matched
        .bytes()
        .any(|b| b != b' ' && b.is_ascii_whitespace())
        && !matched.contains("  ")
        && matched.is_ascii()
    {
        return to;
    }
    let runs: Vec<&str> = matched
        .split(|c: char| !c.is_whitespace())
        .filter(|r| !r.is_empty())
        .collect();
    if runs.iter().all(|r| *r == " ") {
        return to;
    }
    let gaps = to.matches(' ').count();
    let mut fill: Vec<&str> = (0..gaps)
        .map(|k| runs.get(k).copied().unwrap_or(" "))
        .collect();
    if let (Some(last), Some(dropped)) = (
        fill.last_mut(),
        runs.iter().skip(gaps).find(|r| r.contains('\n')),
    ) {
        *last = dropped;
    }
    let mut out = String::with_capacity(to.len() + 4);
    let mut fill = fill.into_iter();
    for (i, part) in to.split(' ').enumerate() {
        if i > 0 {
            out.push_str(fill.next().unwrap_or(" "));
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_text() {
        let r = Rule::plain("mental property", "intellectual property");
        assert_eq!(
            render(&r, &r.to, "mental property", || false),
            "intellectual property"
        );
        assert_eq!(
            render(&r, &r.to, "Mental property", || false),
            "Intellectual property"
        );
        assert_eq!(
            render(&r, &r.to, "MENTAL PROPERTY", || false),
            "INTELLECTUAL PROPERTY"
        );
        assert_eq!(
            render(&r, &r.to, "Mental Property", || false),
            "Intellectual Property"
        );
    }

    #[test]
    fn the_capital_of_i_is_not_title_case() {
        let r = Rule::plain("i've to", "I have to");
        assert_eq!(render(&r, &r.to, "I\u{2019}ve to", || true), "I have to");
        assert_eq!(render(&r, &r.to, "I've to", || false), "I have to");
        assert_eq!(render(&r, &r.to, "I'VE TO", || false), "I HAVE TO");
        let r = Rule::plain("i might", "I'd");
        assert_eq!(render(&r, &r.to, "I might", || false), "I'd");
    }

    #[test]
    fn digits_and_acronyms_after_a_lower_case_word_are_not_title_case() {
        let r = Rule::plain("the 2", "the two");
        assert_eq!(render(&r, &r.to, "the 2", || false), "the two");
        let r = Rule::plain("the usa", "the United States");
        assert_eq!(render(&r, &r.to, "the USA", || false), "the United States");
        assert_eq!(render(&r, &r.to, "The USA", || false), "The United States");
    }

    #[test]
    fn capitals_written_in_the_replacement_are_kept() {
        let r = Rule::plain(
            "workplace of personnel administration",
            "Office of Personnel Management",
        );
        assert_eq!(
            render(&r, &r.to, "workplace of personnel administration", || false),
            "Office of Personnel Management"
        );
        assert_eq!(
            render(&r, &r.to, "Workplace of Personnel Administration", || false),
            "Office of Personnel Management"
        );
        let r = Rule::plain("Chinese language", "Chinese");
        assert_eq!(render(&r, &r.to, "chinese language", || false), "Chinese");
    }

    #[test]
    fn line_breaks_inside_a_match_are_kept() {
        let r = Rule::plain("as soon as once more", "once again");
        assert_eq!(
            render(&r, &r.to, "as soon\nas once more", || false),
            "once\nagain"
        );
        let r = Rule::plain("secrets and techniques", "secrets");
        assert_eq!(
            render(&r, &r.to, "secrets and\r\ntechniques", || false),
            "secrets"
        );
        let r = Rule::plain("a b", "c d e");
        assert_eq!(render(&r, &r.to, "a\t\tb", || false), "c\t\td e");
    }

    #[test]
    fn r10_9_the_article_follows_the_replacement() {
        let fix = |src: &str, to: &str| {
            let start = src.len();
            article(src, start, 0, to).map(|(at, s)| format!("{}{s}{to}", &src[..at]))
        };
        assert_eq!(
            fix("This is a ", "international trade").as_deref(),
            Some("This is an international trade")
        );
        assert_eq!(fix("An ", "structure").as_deref(), Some("A structure"));
        assert_eq!(fix("AN\n", "structure").as_deref(), Some("A\nstructure"));
        assert_eq!(fix("a ", "hour").as_deref(), Some("an hour"));
        assert_eq!(fix("an ", "international"), None);
        assert_eq!(fix("a ", "university"), None);
        assert_eq!(fix("a ", "FBI agent"), None);
        assert_eq!(fix("a ", "2nd"), None);
        assert_eq!(fix("Lana ", "structure"), None);
        assert_eq!(fix("a  ", "international"), None);
        assert_eq!(fix("a\u{e9}a ", "international"), None);
        // Never before `floor` (the end of the previous edit).
        assert_eq!(article("a international", 2, 1, "international"), None);
    }

    #[test]
    fn apostrophes_follow_the_text() {
        let r = Rule::plain("i might", "I'd");
        assert_eq!(render(&r, &r.to, "I might", || true), "I\u{2019}d");
        assert_eq!(render(&r, &r.to, "I might", || false), "I'd");
        let r = Rule::plain("there isn't any", "there's no");
        assert_eq!(
            render(&r, &r.to, "there isn\u{2019}t any", || false),
            "there\u{2019}s no"
        );
        assert_eq!(render(&r, &r.to, "there isn't any", || true), "there's no");
    }
}
