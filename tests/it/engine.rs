//! The matching rules of the engine, one test per rule, on small dictionaries written here.

use unspin::edit::apply;
use unspin::engine::{Engine, Options, Suspects};
use unspin::Dictionary;

const DICT: &str = "
dictionary: t
entries:
  mental property: intellectual property
  secrets and techniques: secrets
  commerce secrets and techniques: trade secrets
  assaults: attacks
  yr: year
  workplace of personnel administration: Office of Personnel Management
  there isn't any: there's no
  i might: I'd
  café au lait: coffee with milk
  a: b
  b: c
  lead-as much as: lead-up to
  key one: K1
  key one two three: K3
";

fn engine_with(yaml: &str, options: Options) -> Engine {
    Engine::new(Dictionary::from_yaml("t", yaml).unwrap(), options).unwrap()
}

fn fix(text: &str) -> String {
    let engine = engine_with(DICT, Options::default());
    apply(text, &engine.repair(text).edits)
}

#[test]
fn whole_words_only() {
    assert_eq!(fix("fundamental property"), "fundamental property");
    assert_eq!(fix("mental properties"), "mental properties");
    assert_eq!(fix("myriad yrs"), "myriad yrs");
    assert_eq!(fix("this yr."), "this year.");
}

#[test]
fn hyphens_and_punctuation_are_boundaries() {
    assert_eq!(fix("cyber-assaults"), "cyber-attacks");
    assert_eq!(fix("(assaults)"), "(attacks)");
    assert_eq!(fix("the lead-as much as it"), "the lead-up to it");
}

#[test]
fn leftmost_longest() {
    assert_eq!(fix("commerce secrets and techniques"), "trade secrets");
    assert_eq!(fix("our secrets and techniques"), "our secrets");
}

#[test]
fn a_shorter_key_is_tried_when_the_longest_stops_inside_a_word() {
    // "key one two three" matches up to "three", but "threes" continues the word.
    assert_eq!(fix("key one two threes"), "K1 two threes");
}

#[test]
fn case_insensitive_and_case_preserving() {
    assert_eq!(fix("Mental property"), "Intellectual property");
    assert_eq!(fix("MENTAL PROPERTY"), "INTELLECTUAL PROPERTY");
    assert_eq!(fix("Mental Property"), "Intellectual Property");
    assert_eq!(
        fix("the workplace of personnel administration"),
        "the Office of Personnel Management"
    );
}

#[test]
fn either_apostrophe_matches_and_the_text_style_is_kept() {
    assert_eq!(fix("there isn't any word"), "there's no word");
    assert_eq!(fix("there isn’t any word"), "there’s no word");
    // No apostrophe in the match: the text's own style decides.
    assert_eq!(fix("I might. It’s and don’t."), "I’d. It’s and don’t.");
    assert_eq!(fix("I might. It's and don't."), "I'd. It's and don't.");
}

#[test]
fn any_run_of_whitespace_matches_a_space() {
    assert_eq!(fix("commerce secrets and\ntechniques"), "trade\nsecrets");
    assert_eq!(fix("mental  \t property"), "intellectual  \t property");
    assert_eq!(fix("mental\u{a0}property"), "intellectual\u{a0}property");
    assert_eq!(fix("mental\r\nproperty"), "intellectual\r\nproperty");
}

#[test]
fn non_ascii_letters_are_word_letters_and_offsets_do_not_drift() {
    assert_eq!(fix("émental property"), "émental property");
    assert_eq!(fix("mental propertyé"), "mental propertyé");
    let text = "Ça — “naïve” café au lait, then mental property… 日本 yr";
    let engine = engine_with(DICT, Options::default());
    let edits = engine.repair(text).edits;
    for e in &edits {
        assert_eq!(&text[e.range.clone()], e.from);
    }
    let froms: Vec<&str> = edits.iter().map(|e| e.from.as_str()).collect();
    assert_eq!(froms, ["café au lait", "mental property", "yr"]);
    assert_eq!(
        apply(text, &edits),
        "Ça — “naïve” coffee with milk, then intellectual property… 日本 year"
    );
}

#[test]
fn crlf_bom_tabs_and_final_newline_are_kept() {
    let text = "\u{feff}mental property\r\n\tyr\r\nno newline at the end";
    assert_eq!(
        fix(text),
        "\u{feff}intellectual property\r\n\tyear\r\nno newline at the end"
    );
    assert_eq!(fix("yr\n\n"), "year\n\n");
}

#[test]
fn replaced_text_is_never_repaired_again() {
    // a -> b and b -> c (a chain `dict check` refuses): "a" is not turned into "c" in one run,
    // nor into "b" for a second run to turn into "c": that repair is given up.
    assert_eq!(fix("a b"), "a c");
    assert_eq!(fix("a c"), "a c");
}

#[test]
fn an_apostrophe_ends_a_word_before_a_clitic_only() {
    assert_eq!(fix("this yr's toll"), "this year's toll");
    assert_eq!(fix("this yr’ll do"), "this year’ll do");
    assert_eq!(fix("the assaults' toll"), "the attacks' toll");
    // "yrn't" and "yr'x" are other words: "t" and "x" are no clitics.
    assert_eq!(fix("yr't yr'x yr'sy"), "yr't yr'x yr'sy");
    assert_eq!(fix("a'b"), "a'b");
}

#[test]
fn edits_carry_range_text_rule_and_reason() {
    let engine = engine_with(DICT, Options::default());
    let text = "their mental property";
    let edits = engine.repair(text).edits;
    assert_eq!(edits.len(), 1);
    let e = &edits[0];
    assert_eq!(e.range, 6..21);
    assert_eq!(e.from, "mental property");
    assert_eq!(e.to, "intellectual property");
    assert_eq!(e.rule.id, "t:mental property");
    assert_eq!(e.rule.origin.line, 4);
    assert!(
        e.why
            .starts_with("fingerprint; context prefers \"intellectual property\" by "),
        "{}",
        e.why
    );
}

const CONTEXT: &str = "
dictionary: c
entries:
  chinese language:
    to: Chinese
    not_preceded_by: [the, speak]
    not_followed_by: [teacher]
  agency:
    to: firm
    class: suspect
    not_preceded_by: [news]
  regulation enforcement: law enforcement
  our on-line world: cyberspace
  US:
    to: United States
    case: exact
  nuclear:
    to: atomic
    document_has: [physics]
  plain: simple
";

/// The dictionary's conditions and the fingerprint score alone, without the context model
/// (`--context never`): what these tests are about.
fn fix_ctx(text: &str, suspects: Suspects) -> String {
    let engine = engine_with(
        CONTEXT,
        Options {
            suspects,
            ..Options::dictionary_only()
        },
    );
    apply(text, &engine.repair(text).edits)
}

#[test]
fn context_conditions_before_and_after() {
    assert_eq!(
        fix_ctx("Chinese language hackers", Suspects::Auto),
        "Chinese hackers"
    );
    assert_eq!(
        fix_ctx("she studies the Chinese language", Suspects::Auto),
        "she studies the Chinese language"
    );
    assert_eq!(
        fix_ctx("I speak Chinese language well", Suspects::Auto),
        "I speak Chinese language well"
    );
    assert_eq!(
        fix_ctx("a Chinese language teacher", Suspects::Auto),
        "a Chinese language teacher"
    );
}

#[test]
fn document_conditions() {
    assert_eq!(fix_ctx("nuclear physics", Suspects::Auto), "atomic physics");
    assert_eq!(fix_ctx("nuclear power", Suspects::Auto), "nuclear power");
}

#[test]
fn case_exact_entries_match_only_as_written() {
    assert_eq!(
        fix_ctx("the US said", Suspects::Auto),
        "the United States said"
    );
    assert_eq!(fix_ctx("let us go", Suspects::Auto), "let us go");
}

#[test]
fn suspects_fire_in_a_spun_document_and_stay_silent_in_a_clean_one() {
    let clean = "The agency said the plan was plain and the Xinhua News Agency agreed.";
    assert_eq!(
        fix_ctx(clean, Suspects::Auto),
        "The agency said the plan was simple and the Xinhua News Agency agreed."
    );
    let spun = "Our regulation enforcement and our on-line world agency gave agency assurances; \
                the Xinhua News Agency agreed.";
    let engine = engine_with(CONTEXT, Options::dictionary_only());
    let repair = engine.repair(spun);
    assert!(repair.spun, "{:?}", repair.score);
    assert_eq!(repair.score.fingerprints, 2);
    assert_eq!(
        apply(spun, &repair.edits),
        "Our law enforcement and cyberspace firm gave firm assurances; the Xinhua News Agency agreed."
    );
    let suspect = repair.edits.iter().find(|e| e.from == "agency").unwrap();
    assert!(
        suspect.why.starts_with("suspect in a spun document"),
        "{}",
        suspect.why
    );
    assert!(
        suspect.why.contains("not preceded by news"),
        "{}",
        suspect.why
    );
    // Forced off, the suspect stays even in the spun text.
    assert!(!fix_ctx(spun, Suspects::Never).contains("firm"));
}

#[test]
fn the_spin_threshold_is_configurable() {
    let spun =
        "regulation enforcement and our on-line world agency ".to_string() + &"word ".repeat(2000);
    let engine = engine_with(CONTEXT, Options::dictionary_only());
    let r = engine.repair(&spun);
    assert!(
        !r.spun,
        "2 fingerprints in ~2,000 words is under 2 per 1,000"
    );
    let engine = engine_with(
        CONTEXT,
        Options {
            spun_threshold: 0.5,
            ..Options::dictionary_only()
        },
    );
    assert!(engine.repair(&spun).spun);
}

#[test]
fn a_phrase_quoted_or_beside_its_original_is_a_mention_and_stays() {
    let text = "Fraudulent papers write \u{201c}counterfeit consciousness\u{201d}, or counterfeit \
                consciousness instead of artificial intelligence. Their counterfeit consciousness \
                models fail.";
    let e = engine_with(
        "entries:\n  counterfeit consciousness: artificial intelligence\n",
        Options::default(),
    );
    let fixed = apply(text, &e.repair(text).edits);
    assert_eq!(
        fixed,
        "Fraudulent papers write \u{201c}counterfeit consciousness\u{201d}, or counterfeit \
         consciousness instead of artificial intelligence. Their artificial intelligence \
         models fail."
    );
}

#[test]
fn nothing_inside_an_address_is_repaired() {
    // A spun page's link carries its spun slug; repaired, it would lead nowhere.
    assert_eq!(
        fix("A yr on (https://example.org/this-yr-in-mental-property/) and this yr."),
        "A year on (https://example.org/this-yr-in-mental-property/) and this year."
    );
    assert_eq!(
        fix("Mail yr@example.org or see www.mental-property.com, mental property."),
        "Mail yr@example.org or see www.mental-property.com, intellectual property."
    );
}

#[test]
fn a_repaired_neighbourhood_read_again_stays_out_of_an_address() {
    // Settling reads a few words around each repair again, which may start inside a link
    // whose scheme lies beyond them: the address is read in the whole text.
    let engine = Engine::new(Dictionary::builtin(), Options::default()).unwrap();
    let link = "https://example.uk/2021/07/28/all-the-things-we-know-in-regards-to-the-lengthy-awaited-film-musical/";
    let text = format!(
        "{link}\n\nDepraved: All the things we know in regards to the lengthy-awaited film \
         musical. The black gap was noticed by the James Webb Area Telescope.\n"
    );
    let repaired = apply(&text, &engine.repair(&text).edits);
    assert!(repaired.starts_with(&format!("{link}\n")), "{repaired}");
    assert!(
        repaired.contains("the long-awaited movie musical"),
        "{repaired}"
    );
}
