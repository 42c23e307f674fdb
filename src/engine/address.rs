//! Addresses in prose: a URL, an e-mail address, a handle or a hashtag is a name to look
//! something up by, not words, so no repair is made inside one. A spun page's links carry its
//! spun slugs ("…/energetic-black-gap-ever-noticed/"): repaired, the link breaks; and
//! "footballerz.net" is no place for "net" -> "internet".

/// Bytes that end an address where it stands in prose: whitespace, and the brackets and quotes
/// around a link (`[text](url)`, `<url>`, `"url"`). A table: every key found is looked at.
const ENDS: [bool; 256] = {
    let mut ends = [false; 256];
    let mut i = 0;
    let list = b" \t\n\r\x0b\x0c<>\"()[]{}`";
    while i < list.len() {
        ends[list[i] as usize] = true;
        i += 1;
    }
    ends
};

/// How far an address is looked for on each side of a match: the scheme of a link stands
/// within this of any word of it (a web address is seldom longer), and a bound keeps the
/// look at every key found cheap and linear, even in a text with no break at all. A run
/// without a break that goes on further than this is no prose either (a long link's tail, a
/// data URI, minified code), so it counts as an address.
const REACH: usize = 512;

/// Is `run`, a run of bytes without a break, an address?
fn is_address(run: &[u8]) -> bool {
    run.get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
        || run.windows(3).any(|w| w == b"://")
        || memchr::memchr(b'@', run).is_some()
        || (run.first() == Some(&b'#') && run.get(1).is_some_and(u8::is_ascii_alphabetic))
}

/// Every address in `hay`, in order: what the language model does not read as prose.
pub fn spans(hay: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in (0..=hay.len()).filter(|&i| i == hay.len() || ENDS[hay[i] as usize]) {
        if end > start && (end - start > REACH || is_address(&hay[start..end])) {
            out.push(start..end);
        }
        start = end + 1;
    }
    out
}

/// Is the match at `start..end` of `hay` (a text as written, or its normalized view) inside an
/// address: a run without a break that holds `://`, starts `www.`, holds an `@` (an e-mail
/// address or a handle), or is a hashtag, or goes on past [`REACH`] bytes either side?
pub fn inside(hay: &[u8], start: usize, end: usize) -> bool {
    let back = start.saturating_sub(REACH);
    let from = match hay[back..start].iter().rposition(|&b| ENDS[b as usize]) {
        Some(i) => back + i + 1,
        None if back > 0 => return true,
        None => 0,
    };
    let ahead = (end + REACH).min(hay.len());
    let to = match hay[end..ahead].iter().position(|&b| ENDS[b as usize]) {
        Some(i) => end + i,
        None if ahead < hay.len() => return true,
        None => ahead,
    };
    is_address(&hay[from..to])
}

#[cfg(test)]
mod tests {
    use super::{inside, spans};

    #[test]
    fn spans_are_the_addresses_of_a_text() {
        let text = "Read https://x.org/a-b today (or mail me@x.org) #news, now.";
        let found: Vec<&str> = spans(text.as_bytes())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["https://x.org/a-b", "me@x.org", "#news,"]);
    }

    fn at(hay: &str, word: &str) -> bool {
        let start = hay.find(word).unwrap();
        inside(hay.as_bytes(), start, start + word.len())
    }

    #[test]
    fn urls_emails_handles_and_hashtags_are_addresses_and_prose_around_them_is_not() {
        let line = "see https://example.net/black-gap-news (the black gap) or www.gap.com today";
        assert!(at(line, "net"));
        assert!(at(line, "gap-news"));
        assert!(!at(line, "black gap"));
        assert!(at(line, "gap.com"));
        assert!(!at(line, "today"));
        assert!(at("write to gap@example.org now", "gap@"));
        assert!(at("thanks @redbullracing fans", "redbullracing"));
        assert!(!at("thanks @redbullracing fans", "fans"));
        assert!(!at("[the black gap](https://x.org/a)", "black"));
        assert!(at("see WWW.Gap.com", "Gap"));
        assert!(at("#SquidSport trends", "Sport"));
        assert!(!at("the #1 sport", "#1"));
        assert!(at("[the black gap](https://x.org/a)", "x.org"));
    }

    #[test]
    fn a_run_without_a_break_longer_than_the_reach_is_no_prose() {
        // A link whose scheme stands further back than the look reaches: its tail is still
        // an address, and so is anything else that long without a break.
        let slug = "x".repeat(600);
        let link = format!("see https://example.net/{slug}-black-gap today");
        assert!(at(&link, "black-gap"));
        assert!(!at(&link, "today"));
        let tail = format!("{}-black-gap", "y".repeat(600));
        assert!(at(&tail, "black"));
        let text = format!("a {tail} b");
        let found: Vec<&str> = spans(text.as_bytes())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, [tail.as_str()]);
    }
}
