//! `cargo bench`: the engine's find + apply on generated spun text with dictionaries of 1k, 10k
//! and 100k generated entries, and on clean English (the State of the Union fixture) with the
//! built-in dictionary, whose keys begin with the commonest words of English; and loading
//! dictionaries (built-in; user ones from YAML and from the compiled form). The end-to-end
//! comparison with other tools is `bench/run.sh`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use unspin::edit::apply;
use unspin::engine::context::Mode;
use unspin::engine::{Engine, Options};
use unspin::Dictionary;

/// A deterministic stream of pseudo-random numbers.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

const SYLLABLES: [&str; 20] = [
    "ba", "de", "fi", "go", "ku", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "ka", "le",
    "mi", "no", "pu", "ri",
];

fn made_up_word(rng: &mut Lcg) -> String {
    (0..3 + rng.next(2))
        .map(|_| SYLLABLES[rng.next(SYLLABLES.len())])
        .collect()
}

/// `n` entries of one to three made-up words; replacements start with "xq", which no key does.
fn dictionary_yaml(n: usize) -> (String, Vec<String>) {
    let mut rng = Lcg(7);
    let mut keys = std::collections::BTreeSet::new();
    while keys.len() < n {
        let words: Vec<String> = (0..1 + rng.next(3))
            .map(|_| made_up_word(&mut rng))
            .collect();
        keys.insert(words.join(" "));
    }
    let keys: Vec<String> = keys.into_iter().collect();
    let mut yaml = format!("dictionary: bench{n}\nentries:\n");
    for (i, k) in keys.iter().enumerate() {
        yaml.push_str(&format!("  {k}: xq{i}\n"));
    }
    (yaml, keys)
}

/// About `bytes` of English-like text with 3% of word positions spun.
fn spun_text(keys: &[String], bytes: usize) -> String {
    let english = [
        "the",
        "government",
        "said",
        "that",
        "its",
        "plans",
        "for",
        "trade",
        "were",
        "clear",
        "and",
        "we",
    ];
    let mut rng = Lcg(11);
    let mut text = String::with_capacity(bytes + 64);
    while text.len() < bytes {
        for _ in 0..14 {
            if rng.next(100) < 3 {
                text.push_str(&keys[rng.next(keys.len())]);
            } else {
                text.push_str(english[rng.next(english.len())]);
            }
            text.push(' ');
        }
        text.push_str(".\n");
    }
    text
}

fn find_and_apply(c: &mut Criterion) {
    let mut group = c.benchmark_group("find+apply 1 MB");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let (yaml, keys) = dictionary_yaml(n);
        let engine = Engine::new(
            Dictionary::from_yaml("bench", &yaml).unwrap(),
            Options::default(),
        )
        .unwrap();
        let text = spun_text(&keys, 1 << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let repair = engine.repair(black_box(text));
                apply(text, &repair.edits)
            })
        });
    }
    group.finish();
}

fn clean_english(c: &mut Criterion) {
    let mut text = String::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/clean/sotu");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        text.push_str(&std::fs::read_to_string(f).unwrap());
    }
    let mut group = c.benchmark_group("clean English, built-in dictionary");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, mode) in [("model on", Mode::Auto), ("--context never", Mode::Never)] {
        let mut options = Options::default();
        options.context.mode = mode;
        let engine = Engine::new(Dictionary::builtin(), options).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| engine.repair(black_box(text)).edits.len())
        });
    }
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("built-in, ready to match", |b| {
        b.iter(|| Engine::new(Dictionary::builtin(), Options::default()).unwrap())
    });
    for n in [1_000, 10_000, 100_000] {
        let (yaml, _) = dictionary_yaml(n);
        let compiled = Dictionary::from_yaml("bench", &yaml).unwrap().to_bytes();
        group.bench_with_input(BenchmarkId::new("from YAML", n), &yaml, |b, yaml| {
            b.iter(|| {
                Engine::new(
                    Dictionary::from_yaml("bench", yaml).unwrap(),
                    Options::default(),
                )
                .unwrap()
            })
        });
        group.bench_with_input(
            BenchmarkId::new("from compiled", n),
            &compiled,
            |b, bytes| {
                b.iter(|| {
                    Engine::new(
                        Dictionary::from_compiled(bytes.clone()).unwrap(),
                        Options::default(),
                    )
                    .unwrap()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, find_and_apply, clean_english, loading);
criterion_main!(benches);
