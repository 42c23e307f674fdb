//! Properties of alignment, eval and learn on arbitrary text: no panics, distances that agree
//! with the token sequences, and learned output that always loads and passes `dict check`.

use proptest::prelude::*;
use unspin::curate::learn::{self, Learner};
use unspin::curate::newdict;
use unspin::engine::Engine;
use unspin::quality::align::{align, tokens};
use unspin::quality::eval::evaluate;
use unspin::quality::lint;
use unspin::Dictionary;

/// Text made of a few words (some with apostrophes), punctuation and whitespace runs.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the "),
        Just("government "),
        Just("authorities "),
        Just("doesn’t "),
        Just("isn't "),
        Just("a "),
        Just("mental "),
        Just("property"),
        Just(", "),
        Just(". "),
        Just("—"),
        Just("\n\n"),
        Just("  "),
        Just("Ünïcode "),
        Just("2 "),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn distance_is_zero_exactly_when_the_tokens_agree(a in text(), b in text()) {
        let same = tokens(&a).iter().map(|t| &t.norm).eq(tokens(&b).iter().map(|t| &t.norm));
        let al = align(&a, &b);
        prop_assert_eq!(al.distance() == 0, same);
        let (n, m) = (tokens(&a).len(), tokens(&b).len());
        prop_assert!(n.abs_diff(m) <= al.distance() && al.distance() <= n + m);
        for s in &al.stretches {
            let r = al.spun_bytes(s.spun.clone());
            prop_assert!(r.start <= r.end && r.end <= a.len());
            let o = al.original_bytes(s.original.clone());
            prop_assert!(o.start <= o.end && o.end <= b.len());
        }
    }

    #[test]
    fn without_edits_every_stretch_is_missed(a in text(), b in text()) {
        let ev = evaluate(&b, &a, &[]);
        prop_assert_eq!(ev.figures.missed, align(&a, &b).stretches.len());
        prop_assert_eq!(ev.figures.distance_before, ev.figures.distance_after);
    }

}

proptest! {
    // Fewer cases: each one builds and checks a dictionary.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn learned_output_always_loads_and_passes_the_check(pairs in prop::collection::vec((text(), text()), 1..4)) {
        let mut learner = Learner::default();
        for (i, (original, spun)) in pairs.iter().enumerate() {
            learner.add(&format!("d{i}"), original, spun);
        }
        let mut entries = learn::entries(&learner.candidates());
        newdict::settle("learned", &mut entries);
        let yaml = newdict::to_yaml("learned", &[], &entries);
        let dict = Dictionary::from_yaml("learned", &yaml);
        prop_assert!(dict.is_ok(), "{}\n{}", dict.err().unwrap(), yaml);
        let engine = Engine::new(dict.unwrap(), lint::checking_options()).unwrap();
        prop_assert!(lint::chains(&engine).is_empty(), "{}", yaml);
    }
}
