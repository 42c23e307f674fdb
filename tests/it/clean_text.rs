//! Precision on clean English: the built-in dictionaries must leave real prose alone. Over the
//! State of the Union addresses of 2001-2021, 1957 and 1976 (fixtures/clean, public domain,
//! ~133k words) the false edits must stay under 0.5 per 10,000 words; every one is listed. The
//! four clean seed articles must come out byte-identical (tests/it/seeds.rs).

use std::fs;
use unspin::engine::{Engine, Options};
use unspin::Dictionary;

#[test]
fn clean_prose_gets_under_half_a_false_edit_per_10000_words() {
    let engine = Engine::new(Dictionary::builtin(), Options::default()).unwrap();
    let mut words = 0;
    let mut false_edits = Vec::new();
    let mut paths: Vec<_> = fs::read_dir("fixtures/clean/sotu")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in &paths {
        let text = fs::read_to_string(path).unwrap();
        let repair = engine.repair(&text);
        words += repair.score.words;
        for e in repair.edits {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            false_edits.push(format!(
                "{name}: {:?} -> {:?} ({})",
                e.from, e.to, e.rule.id
            ));
        }
    }
    let rate = false_edits.len() as f64 * 10_000.0 / words as f64;
    println!(
        "clean text: {} files, {words} words, {} false edits, {rate:.2} per 10,000 words",
        paths.len(),
        false_edits.len()
    );
    for f in &false_edits {
        println!("  {f}");
    }
    assert!(words > 100_000, "the clean corpus went missing");
    assert!(
        rate < 0.5,
        "{rate:.2} false edits per 10,000 words:\n{}",
        false_edits.join("\n")
    );
}
