//! Properties that must hold for any input: the engine never panics, its edits are sorted,
//! disjoint and on char boundaries, applying them keeps every byte outside them, and a second
//! run over repaired text changes nothing.

use proptest::prelude::*;
use unspin::edit::apply;
use unspin::engine::{Engine, Options, Suspects};
use unspin::Dictionary;

/// The built-in dictionaries with every entry allowed, built once for all cases.
fn builtin() -> &'static Engine {
    static ENGINE: std::sync::LazyLock<Engine> = std::sync::LazyLock::new(|| {
        // The dictionary layer, every entry allowed: the context model would only refuse some.
        let options = Options {
            suspects: Suspects::Always,
            ..Options::dictionary_only()
        };
        Engine::new(Dictionary::builtin(), options).unwrap()
    });
    &ENGINE
}

/// Text made of the pieces spun text is made of: keys, their neighbours, odd whitespace,
/// apostrophes, CRLF, a BOM and non-ASCII letters.
fn spunish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "mental",
        "property",
        "secrets",
        "and",
        "techniques",
        "commerce",
        "yr",
        "our",
        "on-line",
        "world",
        "Chinese",
        "language",
        "President",
        "as",
        "soon",
        "once",
        "more",
        "fundamental",
        "cyber-",
        "’",
        "'",
        "s",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\u{feff}",
        "é",
        "日本",
        ".",
        ",",
        "—",
        "-",
        "MENTAL",
        "PROPERTY",
        "Workplace",
        "of",
        "Personnel",
        "Administration",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_edits(text: &str, engine: &Engine) -> Result<String, TestCaseError> {
    let edits = engine.repair(text).edits;
    let mut last_end = 0;
    for e in &edits {
        prop_assert!(e.range.start >= last_end, "edits overlap or are unsorted");
        prop_assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
        prop_assert_eq!(&text[e.range.clone()], e.from.as_str());
        last_end = e.range.end;
    }
    // Every byte outside the edits is found again, in order, around the replacements.
    let out = apply(text, &edits);
    let mut at_in = 0;
    let mut at_out = 0;
    for e in &edits {
        let keep = &text[at_in..e.range.start];
        prop_assert_eq!(&out[at_out..at_out + keep.len()], keep);
        at_out += keep.len();
        prop_assert_eq!(&out[at_out..at_out + e.to.len()], e.to.as_str());
        at_out += e.to.len();
        at_in = e.range.end;
    }
    prop_assert_eq!(&out[at_out..], &text[at_in..]);
    Ok(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check_edits(&text, builtin())?;
    }

    #[test]
    fn spun_looking_text_keeps_every_byte_outside_the_edits(text in spunish()) {
        check_edits(&text, builtin())?;
    }

    #[test]
    fn a_second_run_changes_nothing(text in spunish()) {
        let engine = builtin();
        let once = check_edits(&text, engine)?;
        let twice = apply(&once, &engine.repair(&once).edits);
        prop_assert_eq!(once, twice);
    }
}

/// A dictionary of made-up multi-word keys, sharing prefixes the way real ones do.
fn made_up(n: usize) -> String {
    let syl = ["ka", "lo", "mi", "nu", "pe", "ra", "so", "ti", "ve", "zu"];
    let word = |i: usize| {
        format!(
            "{}{}{}",
            syl[i % 10],
            syl[(i / 10) % 10],
            syl[(i / 100) % 10]
        )
    };
    let mut yaml = String::from("entries:\n");
    for i in 0..n {
        let key = match i % 3 {
            0 => word(i),
            1 => format!("{} {}", word(i), word(i / 7)),
            _ => format!("{} {} {}", word(i / 3), word(i), word(i + 1)),
        };
        yaml.push_str(&format!("  {key}: out{i}\n"));
    }
    yaml
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Anchoring on key prefixes (large dictionaries) finds exactly what anchoring on whole keys
    /// finds.
    #[test]
    fn prefix_anchors_find_what_whole_key_anchors_find(picks in prop::collection::vec((0usize..1500, 0usize..4), 1..80)) {
        let yaml = made_up(1500);
        let dict = || Dictionary::from_yaml("m", &yaml).unwrap();
        let whole = Engine::new(dict(), Options { anchor_nodes: usize::MAX, ..Options::default() }).unwrap();
        let prefixes = Engine::new(dict(), Options { anchor_nodes: 50, ..Options::default() }).unwrap();
        let keys: Vec<&str> = yaml.lines().skip(1).map(|l| l.trim().split(':').next().unwrap()).collect();
        let glue = [" ", "\n", ", ", "x "];
        // A whole key first, so there is always something to find.
        let text: String = std::iter::once(format!("{} ", keys[picks[0].0]))
            .chain(picks.iter().map(|&(k, g)| format!("{}{}", keys[k], glue[g])))
            .collect();
        let a: Vec<_> = whole.repair(&text).edits.into_iter().map(|e| (e.range, e.to)).collect();
        let b: Vec<_> = prefixes.repair(&text).edits.into_iter().map(|e| (e.range, e.to)).collect();
        prop_assert!(!a.is_empty());
        prop_assert_eq!(a, b);
    }
}

/// The built-in dictionaries, every entry allowed: the dictionary layer alone (the context
/// model would only refuse some), and as a run does by default, with the model.
fn engines() -> &'static [Engine; 2] {
    static ENGINES: std::sync::LazyLock<[Engine; 2]> = std::sync::LazyLock::new(|| {
        let every = Options {
            suspects: Suspects::Always,
            ..Options::dictionary_only()
        };
        [every, Options::default()].map(|o| Engine::new(Dictionary::builtin(), o).unwrap())
    });
    &ENGINES
}

/// A dictionary's own keys and replacements, and the words found around them.
fn pieces_of(engine: &Engine) -> Vec<String> {
    let dict = engine.dictionary();
    let mut pieces: Vec<String> = dict.patterns().iter().map(|p| p.written.clone()).collect();
    pieces.extend(dict.rules().iter().map(|r| r.to.clone()));
    pieces.extend(["a", "an", "the", "A", "An", "is", "of", "and", "deal", "."].map(String::from));
    pieces.sort();
    pieces.dedup();
    pieces
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Issue 10, item 9: neighbouring keys, replacements and random text never make a second
    /// run change the text again, with the whole built-in set (which `dict check --crossings`
    /// does not pass: the engine settles what a second run would change).
    #[test]
    fn r10_9_a_second_run_over_keys_and_replacements_changes_nothing(
        picks in prop::collection::vec(
            prop_oneof![
                4 => any::<prop::sample::Index>().prop_map(Ok),
                1 => "\\PC{0,6}".prop_map(Err),
            ],
            1..8,
        )
    ) {
        static PIECES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| pieces_of(&engines()[0]));
        let text = picks
            .iter()
            .map(|p| match p {
                Ok(i) => i.get(&PIECES).as_str(),
                Err(random) => random.as_str(),
            })
            .collect::<Vec<_>>()
            .join(" ");
        for engine in engines() {
            let once = check_edits(&text, engine)?;
            let again = engine.repair(&once).edits;
            prop_assert!(again.is_empty(), "{text:?} -> {once:?} -> {:?}", again.iter().map(|e| (&e.from, &e.to, &e.rule.id)).collect::<Vec<_>>());
        }
    }
}
