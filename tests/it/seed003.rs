//! Seed 003 against its original: the pair fixtures agree with the aligned reference, and the
//! built-in dictionary's repair clears the quality floor.

use unspin::engine::{Engine, Options};
use unspin::quality::eval::evaluate;
use unspin::Dictionary;

const ALIGNED: &str = include_str!("../../fixtures/seed003.aligned.txt");
const SEED: &str = include_str!("../../fixtures/seeds/003_3d775348fe8cc8f0.txt");
const SPUN: &str = include_str!("../../fixtures/pairs/seed003.spun.txt");
const ORIGINAL: &str = include_str!("../../fixtures/pairs/seed003.original.txt");

/// The spun and the original text of an aligned file, where each spin is `{spun|original}`.
fn sides(aligned: &str) -> (String, String) {
    let (mut spun, mut original) = (String::new(), String::new());
    let mut rest = aligned;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("every { is closed");
        let (s, o) = rest[open + 1..close]
            .split_once('|')
            .expect("every spin has a |");
        spun.push_str(&rest[..open]);
        original.push_str(&rest[..open]);
        spun.push_str(s);
        original.push_str(o);
        rest = &rest[close + 1..];
    }
    spun.push_str(rest);
    original.push_str(rest);
    (spun, original)
}

#[test]
fn pair_fixtures_agree_with_the_aligned_reference() {
    let (spun, original) = sides(ALIGNED);
    assert_eq!(
        spun, SEED,
        "left sides of the aligned file must give seed 003"
    );
    assert_eq!(SPUN, spun);
    assert_eq!(ORIGINAL, original);
}

#[test]
fn builtin_dictionary_clears_the_floor_on_seed_003() {
    let engine = Engine::new(Dictionary::builtin(), Options::default()).unwrap();
    let ev = evaluate(ORIGINAL, SPUN, &engine.repair(SPUN).edits);
    let f = ev.figures;
    println!("seed 003: {f}");
    for j in ev.judged.iter().filter(|j| !j.correct) {
        println!(
            "wrong: {:?} -> {:?} (original {:?}) {}",
            j.edit.from, j.edit.to, j.original, j.edit.rule.id
        );
    }
    assert!(
        f.error_reduction() >= 0.60,
        "only {:.1}% of the distance removed",
        f.error_reduction() * 100.0
    );
    assert!(
        f.wrong_share() < 0.02,
        "{:.1}% of edits wrong",
        f.wrong_share() * 100.0
    );
}
