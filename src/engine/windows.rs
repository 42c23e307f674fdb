//! A long text read a window at a time, with the result of reading it whole: the normalized
//! view, the keys found, the model's tokens and the edits are those of one window at a time, and
//! only the matches are kept for the whole text, a few bytes each.
//!
//! A first pass reads the windows for what is decided over the whole document: the spin score
//! (its fingerprints and words), whether a suspect is found anywhere, and the model's detection
//! over its first words; it chooses where the windows meet, and keeps each window's matches, a
//! few bytes each. The iterator then decides each window's repairs from its matches with that
//! verdict (the model reads them then), and hands on its edits: the text is matched once.
//!
//! Windows meet where no key found runs across, so the leftmost-longest scans are in step on
//! either side: at the end of the last key before the meeting point, or where the next key is
//! far enough on that an article before it is never cut from its repair. A window's normalized
//! view reaches [`AROUND`] chars (blanks not counted) beyond its own bytes on either side, for
//! word boundaries, context conditions and keys that run on; everything else reads the whole
//! text (the model, mentions, articles, the apostrophe style, the document conditions). The
//! repairs the model accepted just before a window are carried into it, as the history its
//! first judgements are read with. A run of blanks longer than [`REACH`] bytes is the one place
//! where the result may differ: keys and conditions are not read across it.

use super::context::tokens::back;
use super::normalize::Normalized;
use super::{boundary, context, Doc, Engine, Found, Repair, Score, Suspects, Verdict, SUSPECTS};
use crate::dict::model::Class;
use crate::edit::Edit;
use crate::engine::context::detect::Spin;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

/// Chars other than blanks that a window's normalized view holds beyond its own bytes on either
/// side: more than any key or context condition is long.
const AROUND: usize = 1024;
/// Bytes past the nominal end of a window in which its end is looked for (more if none is found).
const SEARCH: usize = 4 << 10;
/// Bytes of blanks beyond which a window's view stops reaching.
const REACH: usize = 1 << 20;
/// Words before a window within which a repair accepted there is history to the model (one more
/// than the two words it reads).
const HISTORY: usize = 3;

/// What is worked out once for the whole text, shared by its windows.
#[derive(Default)]
pub(super) struct Whole {
    /// The apostrophe style, once a window has asked it.
    curly: OnceCell<bool>,
    /// The document conditions asked so far.
    has: RefCell<HashMap<String, bool>>,
    /// Repairs the model accepted in the window last read (range, replacement): the first
    /// judgements of the next one read the last of them as history.
    pub(super) carried: RefCell<Vec<(Range<usize>, String)>>,
    /// Bytes of the text a document condition is looked for in at a time.
    window: usize,
}

impl Whole {
    /// Does `phrase` (normalized) occur in `src` as whole words? Looked for a window at a time.
    pub(super) fn has(&self, src: &str, phrase: &str) -> bool {
        if let Some(&v) = self.has.borrow().get(phrase) {
            return v;
        }
        let (Some(first), Some(last)) = (boundary::first_char(phrase), boundary::last_char(phrase))
        else {
            return false;
        };
        let mut from = 0;
        let found = loop {
            if from >= src.len() {
                break false;
            }
            let to = floor_char(src, from.saturating_add(self.window).min(src.len()));
            let to = if to > from { to } else { src.len() };
            let norm = Normalized::of(src, behind(src, from)..ahead(src, to));
            let core = norm.position_of(from)..norm.position_of(to);
            let hay = norm.text.as_slice();
            let here = memchr::memmem::find_iter(hay, phrase.as_bytes()).any(|s| {
                core.contains(&s)
                    && boundary::starts_word(hay, s, first)
                    && boundary::ends_word(hay, s + phrase.len(), last)
            });
            if here {
                break true;
            }
            from = to;
        };
        self.has.borrow_mut().insert(phrase.to_string(), found);
        found
    }
}

/// A text's verdict, then its edits window by window (each window's in text order; the windows
/// in text order). A text no longer than [`super::Options::window`] is one window, read whole.
pub struct Windows<'e, 't> {
    engine: &'e Engine,
    text: Cow<'t, str>,
    verdict: Verdict,
    /// Where windows meet: 0, ..., the text's length.
    cuts: Vec<usize>,
    /// The matches of each window, and where each window's begin in `matches`.
    matches: Matches,
    kept: Vec<usize>,
    /// The window the iterator reads next.
    next: usize,
    whole: Whole,
    /// The edits of a text read whole, until handed on.
    single: Option<Vec<Edit>>,
}

impl Engine {
    /// Reads `text` window by window (see [`Windows`]): its verdict now, its edits as iterated.
    pub fn windows<'t>(&self, text: &'t str) -> Windows<'_, 't> {
        self.windows_of(Cow::Borrowed(text))
    }

    pub(super) fn windows_of<'t>(&self, text: Cow<'t, str>) -> Windows<'_, 't> {
        let whole = Whole {
            window: self.options.window.max(1 << 10),
            ..Whole::default()
        };
        if text.len() <= self.options.window {
            let repair = self.repair_from(&text, 0);
            return Windows {
                engine: self,
                cuts: vec![0, text.len()],
                matches: Matches::default(),
                kept: Vec::new(),
                text,
                verdict: Verdict::of(&repair),
                // The one window is read already.
                next: 1,
                whole,
                single: Some(repair.edits),
            };
        }
        let mut matches = Matches::default();
        let (verdict, cuts, kept) = self.survey(&text, &whole, &mut matches);
        Windows {
            engine: self,
            text,
            verdict,
            cuts,
            matches,
            kept,
            next: 0,
            whole,
            single: None,
        }
    }

    /// The first pass over a long text: its verdict, where its windows meet, and their matches
    /// (kept in `matches`, each window's from the place returned).
    fn survey(
        &self,
        text: &str,
        whole: &Whole,
        matches: &mut Matches,
    ) -> (Verdict, Vec<usize>, Vec<usize>) {
        // The scan with suspects is read only if suspects may be repaired.
        let suspects = self.has_suspects && self.options.suspects != Suspects::Never;
        let model = self.model;
        // A window asks for a byte at least; `window` makes sure it ends past where it starts.
        let window = self.options.window.max(1);
        // The first window holds the words detection reads.
        let first = match model {
            Some(_) => window.max(context::tokens::reach(text, 0, context::detect::WORDS).0),
            None => window,
        };
        let (mut fingerprints, mut words, mut suspect) = (0, 0, false);
        let (mut cuts, mut kept) = (vec![0], vec![0]);
        let mut from = 0;
        while from < text.len() {
            let target = if from == 0 { first } else { from + window };
            let (doc, cut) = self.window(text, whole, from, target);
            let end = doc.norm.position_of(cut);
            let before = |found: Vec<Found>| -> Vec<Found> {
                let mut found = found;
                found.truncate(found.partition_point(|f| f.start < end));
                found
            };
            // Both scans in one walk, when suspects may be repaired.
            let (scored, with_suspects) = if suspects {
                let [scored, with_suspects] = self.scans(&doc, [self.scoring(), SUSPECTS]);
                (before(scored), Some(before(with_suspects)))
            } else {
                (before(self.scan(&doc, self.scoring())), None)
            };
            fingerprints += scored
                .iter()
                .filter(|f| self.rule(f.pattern).class == Class::Fingerprint)
                .count();
            suspect |= with_suspects
                .iter()
                .flatten()
                .any(|f| self.rule(f.pattern).class == Class::Suspect);
            // The scan counted the words to the end of the view: those from the cut on are not
            // the window's.
            words += self.candidates(&doc).words - doc.norm.words_in(end..doc.norm.text.len());
            matches.keep(&doc, &scored, with_suspects.as_deref());
            keep_curly(whole, &doc);
            cuts.push(cut);
            kept.push(matches.bytes.len());
            from = cut;
        }
        let score = Score {
            fingerprints,
            words,
        };
        let detect = model
            .filter(|_| suspect || self.options.context.full_detection)
            .map(|model| {
                move || -> Spin {
                    let (doc, _) = self.window(text, whole, 0, first);
                    let gate = if suspects { SUSPECTS } else { self.scoring() };
                    self.detect(&doc, &self.scan(&doc, gate), model).0
                }
            });
        (self.verdict(score, detect), cuts, kept)
    }

    /// The window of `text` from byte `from` (where a window met the one before), ending where
    /// it may meet the next at or after about `target`; and where that is (after `from`).
    fn window<'d>(
        &self,
        text: &'d str,
        whole: &'d Whole,
        from: usize,
        mut target: usize,
    ) -> (Doc<'d>, usize) {
        let mut search = SEARCH;
        loop {
            target = floor_char(text, target.min(text.len()));
            let limit = floor_char(text, (target + search).min(text.len()));
            let hi = ahead(text, limit);
            let doc = self.doc(text, whole, from, hi);
            if hi == text.len() {
                return (doc, hi);
            }
            let t = doc.norm.position_of(target);
            let l = doc.norm.position_of(limit);
            match self.meeting(&doc, t, l).map(|p| doc.norm.original(p)) {
                Some(cut) if cut > from && text.is_char_boundary(cut) => return (doc, cut),
                // Windows of a few bytes can meet where they began, or inside a char: the
                // reading would not move on. Look further.
                Some(_) => target = limit,
                None => {}
            }
            search *= 2;
        }
    }

    /// The normalized view of `text` around the bytes `from..hi`, repaired from `from`.
    fn doc<'d>(&self, text: &'d str, whole: &'d Whole, from: usize, hi: usize) -> Doc<'d> {
        let norm = Normalized::of(text, behind(text, from)..hi);
        let curly = OnceCell::new();
        if let Some(&c) = whole.curly.get() {
            let _ = curly.set(c);
        }
        Doc {
            src: text,
            parent: None,
            start: norm.position_of(from),
            norm,
            candidates: OnceCell::new(),
            curly,
            has: RefCell::default(),
            whole: Some(whole),
        }
    }

    /// A normalized position in `t..l` of `doc` where its window may end: no key found runs
    /// across it, and an article before the next key is not before it.
    fn meeting(&self, doc: &Doc, t: usize, l: usize) -> Option<usize> {
        let c = self.candidates(doc);
        // The furthest end of the keys that start before the position looked at.
        let mut reach = doc.start;
        // An article and the blank after it: what a repair may take in before its key.
        let room = |p: usize, key: usize| doc.norm.original(key) >= doc.norm.original(p) + 3;
        let mut first = 0;
        for &(start, last) in &c.starts {
            if start >= l {
                break;
            }
            if start >= t && reach <= start {
                if reach > doc.start {
                    return Some(reach);
                }
                if room(t, start) {
                    return Some(t);
                }
            }
            reach = c.keys[first..last]
                .iter()
                .fold(reach, |r, &(end, _)| r.max(end));
            first = last;
        }
        match reach {
            r if r <= t => Some(t),
            r if r <= l => Some(r),
            _ => None,
        }
    }
}

impl<'t> Windows<'_, 't> {
    /// Fingerprints and words of the whole text.
    pub fn score(&self) -> Score {
        self.verdict.score
    }

    /// Whether the text counted as spun (suspects were allowed).
    pub fn spun(&self) -> bool {
        self.verdict.spun
    }

    /// The context model's spin estimate, when it was worked out.
    pub fn spin(&self) -> Option<&Spin> {
        self.verdict.spin.as_ref()
    }

    /// The whole repair, its edits gathered.
    pub fn into_repair(mut self) -> Repair {
        let edits = self.by_ref().flatten().collect();
        Repair {
            edits,
            score: self.verdict.score,
            spun: self.verdict.spun,
            spin: self.verdict.spin,
        }
    }

    /// Calls `each` with every edit, and leaves the windows to be read again from the start.
    pub(super) fn each_edit(&mut self, mut each: impl FnMut(&Edit)) {
        if let Some(edits) = &self.single {
            edits.iter().for_each(each);
            return;
        }
        for edits in self.by_ref() {
            edits.iter().for_each(&mut each);
        }
        self.next = 0;
        self.whole.carried.take();
    }

    pub(super) fn into_text(self) -> Cow<'t, str> {
        self.text
    }
}

impl Iterator for Windows<'_, '_> {
    type Item = Vec<Edit>;

    fn next(&mut self) -> Option<Vec<Edit>> {
        if self.single.is_some() {
            return self.single.take();
        }
        let (&from, &cut) = (self.cuts.get(self.next)?, self.cuts.get(self.next + 1)?);
        let bytes = &self.matches.bytes[self.kept[self.next]..self.kept[self.next + 1]];
        self.next += 1;
        let (engine, text, whole) = (self.engine, self.text.as_ref(), &self.whole);
        let (scored, with_suspects) = Matches::read(bytes, from);
        // The matches are kept at the text's own offsets: the window needs no view.
        let doc = Doc {
            src: text,
            parent: None,
            norm: Normalized::offsets(),
            start: from,
            candidates: OnceCell::new(),
            curly: OnceCell::new(),
            has: RefCell::default(),
            whole: Some(whole),
        };
        if let Some(&c) = whole.curly.get() {
            let _ = doc.curly.set(c);
        }
        let reading = engine.decide(&doc, from, scored, || with_suspects, Some(&self.verdict));
        // Each window's repairs are settled with the whole text's verdict.
        let edits = engine
            .settle_edits(&doc, (from, cut), reading, &self.verdict)
            .edits;
        keep_curly(whole, &doc);
        let mut carried = whole.carried.take();
        let mut keep = carried.len();
        let mut limit = cut;
        while keep > 0 && carried[keep - 1].0.end >= back(text, limit, HISTORY) {
            keep -= 1;
            limit = carried[keep].0.start;
        }
        carried.drain(..keep);
        whole.carried.replace(carried);
        Some(edits)
    }
}

/// The matches of a text's windows, kept between the two passes at the text's own offsets: for
/// each match, as LEB128 numbers, its start less the one before's, its length, and its pattern
/// with two bits saying which scans found it (the scoring scan's, the scan with suspects).
#[derive(Default)]
struct Matches {
    bytes: Vec<u8>,
}

impl Matches {
    /// Keeps a window's matches: `scored` and `with_suspects` (in text order, each), found in
    /// `doc`.
    fn keep(&mut self, doc: &Doc, scored: &[Found], with_suspects: Option<&[Found]>) {
        let place = |f: &Found| (doc.norm.original(f.start), doc.norm.original(f.end));
        let mut at = doc.norm.original(doc.start);
        let (mut a, mut b) = (
            scored.iter().peekable(),
            with_suspects.unwrap_or(&[]).iter().peekable(),
        );
        loop {
            let (f, scans) = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(x), Some(y))
                    if (x.start, x.end, x.pattern) == (y.start, y.end, y.pattern) =>
                {
                    b.next();
                    (a.next().expect("peeked"), 3)
                }
                (Some(x), Some(y)) if (x.start, x.end) <= (y.start, y.end) => {
                    (a.next().expect("peeked"), 1)
                }
                (Some(_), None) => (a.next().expect("peeked"), 1),
                _ => (b.next().expect("peeked"), 2),
            };
            let (start, end) = place(f);
            for n in [start - at, end - start, (f.pattern as usize) << 2 | scans] {
                crate::print::leb128(&mut self.bytes, n);
            }
            at = start;
        }
    }

    /// The matches of a window from byte `from`, kept by [`Matches::keep`]: those of the
    /// scoring scan, and those of the scan with suspects.
    fn read(bytes: &[u8], from: usize) -> (Vec<Found>, Vec<Found>) {
        let (mut scored, mut with_suspects) = (Vec::new(), Vec::new());
        let mut bytes = bytes.iter().copied().peekable();
        let mut at = from;
        while bytes.peek().is_some() {
            let [gap, len, tagged] = [(); 3].map(|_| crate::print::unleb128(&mut bytes));
            at += gap;
            let f = Found {
                start: at,
                end: at + len,
                pattern: (tagged >> 2) as u32,
            };
            if tagged & 1 != 0 {
                scored.push(f.clone());
            }
            if tagged & 2 != 0 {
                with_suspects.push(f);
            }
        }
        (scored, with_suspects)
    }
}

/// Keeps the apostrophe style `doc` worked out (over the whole text) for the windows after it.
fn keep_curly(whole: &Whole, doc: &Doc) {
    if let Some(&c) = doc.curly.get() {
        let _ = whole.curly.set(c);
    }
}

/// Where a window's view starts before byte `at`: [`AROUND`] chars back, blanks not counted.
fn behind(text: &str, at: usize) -> usize {
    let mut n = 0;
    for (i, c) in text[..at].char_indices().rev() {
        n += usize::from(!c.is_whitespace());
        if n >= AROUND || at - i >= REACH {
            return i;
        }
    }
    0
}

/// Where a window's view ends after byte `at`: [`AROUND`] chars on, blanks not counted.
fn ahead(text: &str, at: usize) -> usize {
    let mut n = 0;
    for (i, c) in text[at..].char_indices() {
        n += usize::from(!c.is_whitespace());
        if n >= AROUND || i >= REACH {
            return at + i + c.len_utf8();
        }
    }
    text.len()
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
    use crate::engine::{Options, Suspects};
    use crate::Dictionary;

    /// The seed articles (spun and clean) one after another: a document of many windows, with
    /// suspects, fingerprints, articles and the model's history across their edges.
    fn seeds() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.join("\n\n")
    }

    fn engine(dict: Dictionary, options: Options, window: usize) -> Engine {
        Engine::new(dict, Options { window, ..options }).unwrap()
    }

    /// Reads `text` whole and in windows of each size, and wants the same repair from both.
    fn same(dict: impl Fn() -> Dictionary, options: Options, text: &str, sizes: &[usize]) {
        let whole = engine(dict(), options, usize::MAX).repair(text);
        assert!(!whole.edits.is_empty());
        for &size in sizes {
            let e = engine(dict(), options, size);
            let windows = e.windows(text);
            assert!(windows.cuts.len() > 4, "{} windows", windows.cuts.len() - 1);
            let read = windows.into_repair();
            assert_eq!(read.score, whole.score, "window {size}");
            assert_eq!((read.spun, &read.spin), (whole.spun, &whole.spin));
            assert_eq!(read.edits.len(), whole.edits.len(), "window {size}");
            for (a, b) in read.edits.iter().zip(&whole.edits) {
                assert_eq!(a, b, "window {size}");
            }
        }
    }

    #[test]
    fn windows_read_spun_text_as_the_whole_text_with_the_model() {
        // The first window holds the 2,000 words detection reads; many follow it. In windows of
        // 100 and 230 bytes, some meet right after a repair whose words the model reads as the
        // history of the next window's first: without them carried, its figures change.
        let text = seeds().repeat(3);
        same(
            Dictionary::builtin,
            Options::default(),
            &text,
            &[100, 230, 4096],
        );
    }

    #[test]
    fn windows_read_spun_text_as_the_whole_text_without_the_model() {
        let text = seeds();
        same(
            Dictionary::builtin,
            Options::dictionary_only(),
            &text,
            &[700, 3000],
        );
        let always = Options {
            suspects: Suspects::Always,
            ..Options::dictionary_only()
        };
        same(Dictionary::builtin, always, &text, &[700]);
    }

    fn dict() -> Dictionary {
        let yaml = "entries:\n  mental property: intellectual property\n  yr: year\n  \
                    worldwide commerce: international trade\n  \
                    commerce: {to: trade, class: suspect}\n  \
                    chinese language: {to: Chinese, not_preceded_by: [the]}\n  \
                    café: {to: coffee, document_has: [yr]}\n";
        Dictionary::from_yaml("t", yaml).unwrap()
    }

    /// The pieces texts are glued from, with no blank between them, by the tests of windows of
    /// any size: keys, names, blanks, marks and chars of several bytes.
    const GLUED: &[&str] = &[
        "mental",
        "property",
        "yr",
        "a",
        "an",
        "worldwide",
        "commerce",
        "the",
        "chinese",
        "language",
        "café",
        " ",
        "\n",
        "  ",
        "é",
        ",",
        ". ",
        "\"",
        "日本",
        "\u{2019}",
        // Words of no key, so that windows also meet away from keys.
        " lorem ",
        " ipsum ",
        " dolor sit ",
        " amet ",
    ];

    #[test]
    fn windows_of_a_byte_or_two_move_on() {
        // Words glued at random, as the property below makes them: with windows of a byte or
        // two, this text once had a window meet inside "本" ("the日本an...", from byte 8 to
        // byte 8), and its reading never ended.
        let mut x: u64 = 12345;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            GLUED[(x >> 33) as usize % GLUED.len()]
        };
        let text: String = (0..2500).map(|_| next()).skip(1000).collect();
        assert!(text.starts_with("the日本an"));
        let options = Options::dictionary_only();
        let whole = engine(dict(), options, usize::MAX).repair(&text);
        assert!(!whole.edits.is_empty());
        for window in 1..4 {
            let read = engine(dict(), options, window).repair(&text);
            assert_eq!(read.edits, whole.edits, "window {window}");
        }
    }

    #[test]
    fn an_article_stays_with_its_repair_wherever_windows_meet() {
        // Windows shorter than the text between repairs meet where there is no key: windows
        // of a byte or two end at every byte before the article in turn.
        let filler = "lorem ipsum dolor sit amet. ";
        let text = format!(
            "{}{}",
            format!("{filler}a worldwide commerce deal. ").repeat(4),
            filler.repeat(300)
        );
        let options = Options::dictionary_only();
        let whole = engine(dict(), options, usize::MAX).repair(&text);
        assert_eq!(whole.edits[0].from, "a worldwide commerce");
        for window in 1..4 {
            let read = engine(dict(), options, window).repair(&text);
            assert_eq!(read.edits, whole.edits, "window {window}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn any_window_size_reads_as_the_whole_text(
            words in proptest::collection::vec(proptest::sample::select(GLUED), 0..3000),
            window in 0usize..8000,
            suspects in proptest::sample::select(vec![Suspects::Auto, Suspects::Always]),
        ) {
            let text = words.concat();
            let options = Options { suspects, ..Options::dictionary_only() };
            let whole = engine(dict(), options, usize::MAX).repair(&text);
            let read = engine(dict(), options, window).repair(&text);
            proptest::prop_assert_eq!(read.score, whole.score);
            proptest::prop_assert_eq!(read.spun, whole.spun);
            proptest::prop_assert_eq!(read.edits, whole.edits);
        }
    }
}
