//! The eval machinery on a small dictionary whose verdicts are known exactly.

use unspin::engine::{Engine, Options};
use unspin::quality::eval::evaluate;
use unspin::Dictionary;

const ORIGINAL: &str = "The government signed an agreement on intellectual property. The agency said the law was clear.";
const SPUN: &str = "The authorities signed an settlement on mental property. The agency said the regulation was clear.";

const DICT: &str = "\
entries:
  mental property: intellectual property
  settlement: agreement
  # deliberately wrong: the original says \"agency\"
  agency: firm
";

#[test]
fn counts_correct_wrong_and_missed_exactly() {
    let engine = Engine::new(
        Dictionary::from_yaml("t", DICT).unwrap(),
        Options::default(),
    )
    .unwrap();
    let repair = engine.repair(SPUN);
    let ev = evaluate(ORIGINAL, SPUN, &repair.edits);
    let f = ev.figures;
    assert_eq!((f.distance_before, f.distance_after), (4, 3), "{f:?}");
    assert_eq!(
        (f.edits, f.correct, f.wrong, f.missed),
        (3, 2, 1, 2),
        "{f:?}"
    );
    assert!((f.error_reduction() - 0.25).abs() < 1e-9);
    let wrong: Vec<_> = ev
        .judged
        .iter()
        .filter(|j| !j.correct)
        .map(|j| (j.edit.rule.id.as_str(), j.original.as_str()))
        .collect();
    assert_eq!(wrong, [("t:agency", "agency")]);
    let missed: Vec<_> = ev
        .missed
        .iter()
        .map(|m| (m.spun.as_str(), m.original.as_str()))
        .collect();
    assert_eq!(
        missed,
        [("authorities", "government"), ("regulation", "law")]
    );
}

#[test]
fn a_perfect_repair_removes_all_the_distance() {
    let dict = "entries:\n  authorities: government\n  settlement: agreement\n  mental property: intellectual property\n  regulation: law\n";
    let engine = Engine::new(
        Dictionary::from_yaml("t", dict).unwrap(),
        Options::default(),
    )
    .unwrap();
    let ev = evaluate(ORIGINAL, SPUN, &engine.repair(SPUN).edits);
    assert_eq!(ev.figures.distance_after, 0);
    assert_eq!(
        (ev.figures.correct, ev.figures.wrong, ev.figures.missed),
        (4, 0, 0)
    );
    assert!((ev.figures.error_reduction() - 1.0).abs() < 1e-9);
}

#[test]
fn an_edit_that_lands_on_other_wrong_words_is_wrong() {
    // The spun span is repaired, but not to the original wording: no closer, so wrong.
    let dict = "entries:\n  authorities: officials\n";
    let engine = Engine::new(
        Dictionary::from_yaml("t", dict).unwrap(),
        Options::default(),
    )
    .unwrap();
    let ev = evaluate(ORIGINAL, SPUN, &engine.repair(SPUN).edits);
    assert_eq!(
        (ev.figures.edits, ev.figures.correct, ev.figures.wrong),
        (1, 0, 1)
    );
    assert_eq!(ev.judged[0].original, "government");
    assert_eq!(ev.figures.distance_after, ev.figures.distance_before);
}

#[test]
fn a_repair_with_a_wrong_capital_is_wrong() {
    // Closer in words ("I've to" -> "I Have to" fixes the word count) but not in case.
    let original = "Still, I have to insist.";
    let spun = "Still, I’ve to insist.";
    let dict = "entries:\n  I've to:\n    to: I Have to\n    case: exact\n";
    let engine = Engine::new(
        Dictionary::from_yaml("t", dict).unwrap(),
        Options::default(),
    )
    .unwrap();
    let ev = evaluate(original, spun, &engine.repair(spun).edits);
    assert_eq!((ev.figures.correct, ev.figures.wrong), (0, 1));
    assert!(ev.judged[0].wrong_case);
    let dict = "entries:\n  i've to: I have to\n";
    let engine = Engine::new(
        Dictionary::from_yaml("t", dict).unwrap(),
        Options::default(),
    )
    .unwrap();
    let ev = evaluate(original, spun, &engine.repair(spun).edits);
    assert_eq!(
        (ev.figures.correct, ev.figures.wrong),
        (1, 0),
        "{:?}",
        ev.judged
    );
}
