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
        let options = Options {
            suspects: Suspects::Always,
            ..Options::default()
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
