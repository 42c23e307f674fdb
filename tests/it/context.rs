//! The context model's stages end to end: detection opens on spun text with no fingerprint and
//! stays shut on clean text; suspects are repaired only where the model prefers them, an
//! entry's uses in a text judged together; fingerprints stand unless it strongly objects;
//! entries generalize over inflection and choose among their listed originals; the unpaired
//! learner proposes the spinner's habits.
//! Spun material is read from `../shared/dev` (as CI has it), never copied into the project.

use std::path::{Path, PathBuf};
use unspin::edit::apply;
use unspin::engine::{context, Engine, Options, Suspects};
use unspin::Dictionary;

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/dev")
        .join(rel)
}

fn texts(dir: &Path, suffix: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared development data)", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn builtin() -> Engine {
    Engine::new(Dictionary::builtin(), Options::default()).unwrap()
}

fn engine(yaml: &str, suspects: Suspects) -> Engine {
    let options = Options {
        suspects,
        ..Options::default()
    };
    Engine::new(Dictionary::from_yaml("t", yaml).unwrap(), options).unwrap()
}

fn fix(engine: &Engine, text: &str) -> String {
    apply(text, &engine.repair(text).edits)
}

#[test]
fn detection_opens_on_spun_articles_without_a_single_fingerprint() {
    // As `unspin scan` detects: the thesaurus estimate read for every document (a repair run
    // skips it where few suspect entries are strongly preferred: there is little to repair).
    // The verdict is the table's where its evidence is clear, so an excerpt of a spinner the
    // table does not know ("nan" for "the") is judged clean: its thesaurus estimate, which
    // `scan` prints, still stands out.
    let options = Options {
        context: context::Options {
            full_detection: true,
            ..Default::default()
        },
        ..Options::default()
    };
    let engine = Engine::new(Dictionary::builtin(), options).unwrap();
    let mut without = 0;
    for (path, text) in texts(&shared("spun-only"), ".txt") {
        let r = engine.repair(&text);
        if r.score.fingerprints == 0 {
            without += 1;
            let spin = r.spin.as_ref().expect("every document is read");
            match spin.table {
                0 => assert!(!r.spun && spin.percent() >= 12.0, "{path}: {spin:?}"),
                _ => assert!(r.spun, "{path}: not detected ({spin:?})"),
            }
        }
    }
    // Fewer as the table learns the excerpts' garbled names ("Thoughts Flayer", "Method One").
    assert!(
        without >= 3,
        "only {without} spun excerpts without fingerprints"
    );
}

#[test]
fn scan_and_a_repair_run_give_each_document_the_same_verdict() {
    // `unspin scan` reads the thesaurus estimate of every document; a repair run only where
    // the table's evidence leaves the verdict open. The estimate may differ, the verdict not.
    let scan = Engine::new(
        Dictionary::builtin(),
        Options {
            context: context::Options {
                full_detection: true,
                ..Default::default()
            },
            ..Options::default()
        },
    )
    .unwrap();
    let repair = builtin();
    let mut all = texts(&shared("spun-only"), ".txt");
    all.extend(texts(&shared("pairs"), ".txt"));
    assert!(all.len() > 60, "{} texts", all.len());
    for (path, text) in all {
        assert_eq!(scan.repair(&text).spun, repair.repair(&text).spun, "{path}");
    }
}

#[test]
fn a_text_that_uses_one_entry_again_and_again_is_not_judged_spun() {
    // A glossary's register (WordNet's adverbs): "manner" is a suspect of the table, and the
    // model prefers "way" in most of these; counted each time, they made the text spun.
    let adjectives = [
        "careful", "quiet", "friendly", "formal", "hasty", "gentle", "bold", "timid", "clumsy",
        "graceful", "rude", "polite", "lazy", "eager", "stern", "playful", "vague", "precise",
        "loud", "sober",
    ];
    let text: String = adjectives
        .iter()
        .map(|a| {
            format!(
                "{a}ly: in a {a} manner; acting with a {a} attitude, as one who is {a} by \
                 nature and shows it in speech and in deeds.\n"
            )
        })
        .collect();
    let r = builtin().repair(&text);
    assert!(!r.spun, "{:?}", r.spin);
    assert!(r.edits.is_empty(), "{:?}", r.edits);
}

#[test]
fn the_originals_of_the_spun_pages_and_the_clean_corpus_are_left_alone() {
    let engine = builtin();
    let mut clean = texts(&shared("pairs"), ".original.txt");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    clean.extend(texts(&root.join("fixtures/clean/sotu"), ".txt"));
    for seed in ["000", "001", "002", "004"] {
        clean.extend(
            texts(&root.join("fixtures/seeds"), ".txt")
                .into_iter()
                .filter(|(p, _)| p.contains(&format!("/{seed}_"))),
        );
    }
    assert!(clean.len() >= 35);
    for (path, text) in clean {
        let r = engine.repair(&text);
        assert!(!r.spun, "{path}: judged spun ({:?})", r.spin);
        assert!(r.edits.is_empty(), "{path}: {:?}", r.edits.first());
    }
}

#[test]
fn a_clean_document_with_spinner_like_words_is_left_alone() {
    // "gap" and "within" are the spinner's words for "hole" and "in", and real English too.
    let text = "The gap between rich and poor has grown within a decade, the report said. \
                Officials hope to close it within five years.";
    let r = builtin().repair(text);
    assert!(!r.spun);
    assert!(r.edits.is_empty(), "{:?}", r.edits);
}

const SUSPECTS: &str = "entries:\n  gap:\n    to: hole\n    class: suspect\n  \
                        signed: penned\n  mental property: intellectual property\n";

#[test]
fn a_suspect_is_repaired_where_the_model_prefers_it_and_left_where_it_does_not() {
    let e = engine(SUSPECTS, Suspects::Always);
    assert_eq!(
        fix(&e, "Astronomers found a supermassive black gap."),
        "Astronomers found a supermassive black hole."
    );
    assert_eq!(
        fix(&e, "The gap between them grew."),
        "The gap between them grew."
    );
    let r = e.repair("Astronomers found a supermassive black gap.");
    assert!(
        r.edits[0].why.contains("context prefers \"hole\" by"),
        "{}",
        r.edits[0].why
    );
}

#[test]
fn a_fingerprint_stands_unless_the_model_strongly_objects() {
    let e = engine(SUSPECTS, Suspects::Auto);
    // "penned" for "signed" is an entry the model finds far worse than the text: refused.
    assert_eq!(fix(&e, "They signed the deal."), "They signed the deal.");
    assert_eq!(
        fix(&e, "They protect mental property."),
        "They protect intellectual property."
    );
    let never = Engine::new(
        Dictionary::from_yaml("t", SUSPECTS).unwrap(),
        Options::dictionary_only(),
    )
    .unwrap();
    assert_eq!(
        fix(&never, "They signed the deal."),
        "They penned the deal."
    );
}

#[test]
fn a_suspect_in_a_name_the_model_does_not_know_is_left() {
    // "Metroid" is no word of the model's: it cannot read "Metroid Prime", nor tell the
    // spinner's "Prime" (for "Top") from the name's own. A name it knows is judged as ever.
    let e = engine(
        "entries:\n  prime: {to: top, class: suspect}\n",
        Suspects::Always,
    );
    assert_eq!(
        fix(
            &e,
            "Perhaps Metroid Prime 4 is due. The sequel to Prime Gun is out."
        ),
        "Perhaps Metroid Prime 4 is due. The sequel to Top Gun is out."
    );
}

#[test]
fn a_repair_the_model_cannot_read_stands_on_its_class() {
    // The model knows no digits: its fixed cost for an unknown word is no judgement. A
    // fingerprint then stands on its entry, a suspect (which needs the model's preference) is
    // left, and the reason says the model could not judge.
    let yaml = "entries:\n  1.three: {to: \"1.3\", class: fingerprint}\n  \
                three: {to: \"3\", class: suspect}\n  gap: {to: hole, class: suspect}\n";
    let e = engine(yaml, Suspects::Always);
    let text = "With 1.three billion people, three of them found a black gap.";
    let r = e.repair(text);
    assert_eq!(
        apply(text, &r.edits),
        "With 1.3 billion people, three of them found a black hole."
    );
    assert!(
        r.edits[0]
            .why
            .contains("context cannot judge \"1.3\": the model does not know its words"),
        "{}",
        r.edits[0].why
    );
}

#[test]
fn a_repair_the_model_finds_no_likelier_says_so() {
    // Two words the model does not know cost it the same: no preference either way, said in
    // words rather than as "by 0.0 nats". A fingerprint stands on its entry.
    let e = engine(
        "entries:\n  zorblax: {to: quxblorp, class: fingerprint}\n",
        Suspects::Auto,
    );
    let r = e.repair("They met the zorblax today.");
    assert_eq!(r.edits.len(), 1);
    assert!(
        r.edits[0]
            .why
            .contains("context is even between \"quxblorp\" and the text as written"),
        "{}",
        r.edits[0].why
    );
}

#[test]
fn a_long_document_is_judged_where_its_candidates_are() {
    // The model reads a window around what it judges and detection the document's first
    // words: deep in a long text, a candidate is judged as it is in its sentence alone.
    let e = engine(SUSPECTS, Suspects::Always);
    let clean = "The committee met on Tuesday and adjourned early. ".repeat(2_500);
    for tail in [
        "Astronomers found a supermassive black gap.",
        "The gap between them grew.",
        "They signed the deal.",
    ] {
        let long = format!("{clean}{tail}");
        let alone: Vec<_> = e
            .repair(tail)
            .edits
            .into_iter()
            .map(|x| (x.from, x.to))
            .collect();
        let deep: Vec<_> = e
            .repair(&long)
            .edits
            .into_iter()
            .map(|x| (x.from, x.to))
            .collect();
        assert_eq!(deep, alone, "{tail}");
    }
    let spun = "Astronomers found a supermassive black gap.".repeat(30);
    let tail = e.repair(&format!("{clean}{spun}"));
    assert_eq!(tail.edits.len(), 30);
}

#[test]
fn an_entry_repairs_the_other_forms_of_its_word() {
    let e = engine(
        "entries:\n  assault:\n    to: attack\n    class: suspect\n",
        Suspects::Always,
    );
    assert_eq!(
        fix(
            &e,
            "Hackers assaulted the servers and the assaults went on."
        ),
        "Hackers attacked the servers and the attacks went on."
    );
    let lookup = Dictionary::from_yaml("t", "entries:\n  assault: attack\n").unwrap();
    let p = lookup.lookup("assaulting").expect("a generated form");
    assert_eq!(p.to.as_deref(), Some("attacking"));
}

#[test]
fn the_model_chooses_among_the_originals_an_entry_lists() {
    let e = engine(
        "entries:\n  gap:\n    to: difference\n    or: [hole]\n    class: suspect\n",
        Suspects::Always,
    );
    assert_eq!(
        fix(&e, "Astronomers found a supermassive black gap."),
        "Astronomers found a supermassive black hole."
    );
}

#[test]
fn a_repair_the_model_cannot_tell_from_another_original_is_left() {
    let e = engine(
        "entries:\n  greatest:\n    to: best\n    or: [biggest]\n    class: suspect\n",
        Suspects::Always,
    );
    // "His greatest" can only be "his best"; "the greatest day" reads as well with either, so
    // which word the writer used is a guess, and the text stays as written.
    let text = "He tried his greatest to win the game. That was the greatest day of my life.";
    let edits = e.repair(text).edits;
    assert_eq!(
        apply(text, &edits),
        "He tried his best to win the game. That was the greatest day of my life."
    );
    assert!(
        edits[0].why.contains("and to \"biggest\" by"),
        "{}",
        edits[0].why
    );
}

#[test]
fn the_unpaired_learner_proposes_consistent_habits_from_spun_text_alone() {
    let mut learner =
        unspin::curate::unpaired::Learner::new(unspin::curate::unpaired::Options::default());
    for (_, text) in texts(&shared("spun-only"), ".txt") {
        learner.add(&text);
    }
    let (read, given) = learner.read();
    assert!(read * 10 >= given * 9, "{read} of {given} judged spun");
    let proposals = learner.proposals();
    assert!(proposals.len() >= 20, "{}", proposals.len());
    for p in &proposals {
        assert!(p.docs >= 2 && p.consistency() >= 0.5, "{p:?}");
    }
    let pairs: Vec<(&str, &str)> = proposals
        .iter()
        .map(|p| (p.spun.as_str(), p.original.as_str()))
        .collect();
    // The spinner writes "solely" for "only" across sites. Each word's original is the
    // neighbour the model prefers over all its occurrences, not the one it likes best at one
    // ("see" for "discover", "but" for "simply").
    for want in [
        ("solely", "only"),
        ("discover", "find"),
        ("simply", "just"),
        ("telephones", "phones"),
    ] {
        assert!(pairs.contains(&want), "{want:?} not in {pairs:?}");
    }
    // ... and not the one common enough to fit anywhere: the contexts must lift it above its
    // base rate ("see" for "picture", "had" for "delivered" were proposed before they had to).
    for junk in [("picture", "see"), ("delivered", "had"), ("existed", "was")] {
        assert!(!pairs.contains(&junk), "{junk:?} in {pairs:?}");
    }
    // Each proposal names the runner-up it beat: "solely" is "only" by far, while for "discover"
    // the contexts lift "expose" almost as far as "find", and a curator has to read them.
    let lead = |spun: &str| {
        let p = proposals.iter().find(|p| p.spun == spun).unwrap();
        p.rival.as_ref().unwrap().1
    };
    assert!(proposals
        .iter()
        .all(|p| p.rival.as_ref().is_none_or(|r| r.1 >= 0.0)));
    assert!(lead("discover") < 1.0 && lead("solely") > 2.5);
    // ... and the curator reads it in the entry's comment.
    let entries = unspin::curate::unpaired::entries(&proposals);
    let discover = entries.iter().find(|e| e.key == "discover").unwrap();
    assert!(
        discover.comments[0].contains("next \"expose\""),
        "{:?}",
        discover.comments
    );
}

#[test]
fn an_entrys_uses_in_a_text_are_judged_together() {
    let e = engine(
        "dictionary: t\nclass: suspect\nentries:\n  gap: hole\n  route: direction\n",
        Suspects::Always,
    );
    // Alone, the model is unsure of "route" here (it prefers "direction" by less than the
    // margin); beside a use it is sure of, the spinner's habit stands and both are repaired.
    let unsure = "Astronomers found the black hole had shifted its route by as much as 90 degrees.";
    assert_eq!(fix(&e, unsure), unsure);
    let both = format!("The ship changed route after the storm. {unsure}");
    assert_eq!(
        fix(&e, &both),
        both.replace("route", "direction"),
        "{:?}",
        e.repair(&both).edits
    );
    // "A gap in the fence" alone reads better as "a hole"; beside a "gap" the model wants as
    // written, the entry's uses together speak for the text, and neither is repaired. A use
    // the model rejects is never repaired, whatever the others say.
    let fence = "A gap in the fence let the dog out.";
    assert_eq!(fix(&e, fence), "A hole in the fence let the dog out.");
    let gaps = format!("The gap between rich and poor grew. {fence}");
    assert_eq!(fix(&e, &gaps), gaps);
    let black = format!("The supermassive black gap at the centre of the galaxy is huge. {gaps}");
    let fixed = fix(&e, &black);
    assert!(
        fixed.contains("black hole") && fixed.contains("The gap between"),
        "{fixed}"
    );
}
