//! `unspin learn`: candidate dictionary entries from spun/original pairs (`unspin::curate::learn`),
//! checked against the dictionaries in use and written as YAML that passes `dict check`.

use super::args::{DictArgs, LearnArgs};
use super::pairs;
use super::{fail, OK};
use std::io::Write;
use unspin::curate::learn::{self, Candidate, Learner, Reference};
use unspin::curate::{corroborate, newdict, unpaired};
use unspin::dict::key;
use unspin::dict::model::Class;
use unspin::fs::read;
use unspin::Dictionary;

/// The name learned dictionaries carry (and their entries' ids start with).
const NAME: &str = "learned";

pub fn run(args: &LearnArgs, dicts: &DictArgs) -> u8 {
    if args.unpaired {
        return unpaired(args);
    }
    let pairs = match pairs::find(&args.pairs) {
        Ok(pairs) => pairs,
        Err(e) => return fail(e),
    };
    let reference = match Dictionary::load(!dicts.no_builtin, &dicts.dict).map(Reference::new) {
        Ok(Ok(engine)) => engine,
        Ok(Err(e)) => return fail(e),
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    let against = if args.against.is_empty() {
        None
    } else {
        match Dictionary::load(false, &args.against).map(Reference::new) {
            Ok(Ok(engine)) => Some(engine),
            Ok(Err(e)) => return fail(e),
            Err(e) => return fail(format_args!("--against: {e}")),
        }
    };
    let mut status = OK;
    let mut learner = Learner::default();
    let mut used = 0;
    for pair in &pairs {
        match pairs::read(pair) {
            Ok((original, spun)) => {
                learner.add(&pair.name, &original, &spun);
                used += 1;
            }
            Err(e) => status = fail(e),
        }
    }
    let learned = learner.learn();
    let mut candidates = learned.candidates;
    for c in &mut candidates {
        learn::assess(c, &reference);
    }
    let before = candidates.len();
    if let Some(against) = &against {
        // A key the reference already has is settled there, whatever it maps to; and a
        // candidate that chains with it would make a second run change the text again.
        candidates.retain(|c| {
            learn::covered_by(c, against).is_empty()
                && against.dictionary().lookup(&c.key).is_none()
                && learn::chains(c, against).is_empty()
        });
    }
    let covered = before - candidates.len();
    let vetoed = match rejected(&args.reject) {
        Ok(vetoed) => vetoed,
        Err(e) => return fail(e),
    };
    let unvetoed = candidates.len();
    candidates.retain(|c| !vetoed.contains(&key::normalize(&c.key)));
    let rejected = unvetoed - candidates.len();
    let consistent = candidates.len();
    candidates.retain(|c| c.consistency() >= args.min_consistency && c.agreeing >= args.min_count);
    let inconsistent = consistent - candidates.len();
    let mut unjudgeable = 0;
    if args.suspects_only {
        // A suspect the model cannot judge is never repaired: an entry for nothing.
        let judgeable = candidates.len();
        candidates.retain(Candidate::judgeable);
        unjudgeable = judgeable - candidates.len();
        for c in &mut candidates {
            c.class = Class::Suspect;
        }
    }
    let mut entries = learn::entries(&candidates);
    let left_out = newdict::settle(NAME, &mut entries);
    for (i, reason) in &left_out {
        eprintln!(
            "unspin: {:?} -> {:?} written commented out: {reason}",
            entries[*i].key, entries[*i].to
        );
    }
    let mut seen_again = None;
    if let Some(dir) = &args.seen_in {
        match seen_in(&mut entries, dir, args, dicts) {
            Ok(n) => seen_again = Some((dir, n)),
            Err(e) => return fail(e),
        }
    }
    let header = vec![
        format!("Candidate entries learned by `unspin learn` from {used} spun/original pair(s)."),
        "Review every entry before use: the comment above it gives how often it was seen, an"
            .into(),
        "example, and each RISK (a common word, a conflict or chain with the dictionaries in use,"
            .into(),
        "a span too long to be a spin). Suggested classes: fingerprint for phrases clean English"
            .into(),
        "does not use, suspect for ordinary English the spinner also produces.".into(),
    ];
    let yaml = newdict::to_yaml(NAME, &header, &entries);
    if let Err(e) = emit(args.output.as_deref(), &yaml) {
        return fail(e);
    }
    let suspects = candidates
        .iter()
        .filter(|c| c.class == Class::Suspect)
        .count();
    let risky = candidates.iter().filter(|c| !c.risks.is_empty()).count();
    let mut summary = format!(
        "{} candidates from {used} pair(s): {} fingerprints, {suspects} suspects, {risky} with risks",
        candidates.len(),
        candidates.len() - suspects
    );
    if !left_out.is_empty() {
        summary.push_str(&format!(", {} commented out", left_out.len()));
    }
    if inconsistent > 0 {
        summary.push_str(&format!(
            "; {inconsistent} inconsistent (below --min-consistency), not shown"
        ));
    }
    if against.is_some() {
        summary.push_str(&format!(
            "; {covered} already covered by --against, not shown"
        ));
    }
    if rejected > 0 {
        summary.push_str(&format!("; {rejected} rejected by --reject, not shown"));
    }
    if unjudgeable > 0 {
        summary.push_str(&format!(
            "; {unjudgeable} the model cannot judge (a replacement in digits), not shown as suspects"
        ));
    }
    if let Some((dir, n)) = seen_again {
        summary.push_str(&format!(
            "; {n} repaired in 2 or more of the texts of {}, listed first",
            dir.display()
        ));
    }
    if !learned.skipped.is_empty() {
        summary.push_str(&format!(
            "; {} stretches were no candidate (a side without words, or a case change)",
            learned.skipped.len()
        ));
    }
    eprintln!("{summary}");
    status
}

/// The spun phrases the `--reject` files list, normalized as keys are matched.
fn rejected(files: &[std::path::PathBuf]) -> Result<std::collections::HashSet<String>, String> {
    let mut out = std::collections::HashSet::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in text.lines() {
            let phrase = line.split('#').next().unwrap_or_default().trim();
            if !phrase.is_empty() {
                out.insert(key::normalize(phrase));
            }
        }
    }
    Ok(out)
}

/// `--seen-in DIR`: tries `entries` on the spun texts of `dir` beside the dictionaries they
/// were checked against (`--against`, else those in use), notes in each entry's comments
/// where it repaired, and puts those seen in most texts first. Returns how many were seen in
/// two texts or more.
fn seen_in(
    entries: &mut Vec<newdict::NewEntry>,
    dir: &std::path::Path,
    args: &LearnArgs,
    dicts: &DictArgs,
) -> Result<usize, String> {
    let (builtin, files) = if args.against.is_empty() {
        (!dicts.no_builtin, &dicts.dict)
    } else {
        (false, &args.against)
    };
    let mut reference = Vec::with_capacity(files.len());
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        reference.push((path.clone(), bytes));
    }
    let texts = read_texts(dir)?;
    let seen = corroborate::seen_in(entries, builtin, reference, &texts)?;
    for (e, s) in entries.iter_mut().zip(&seen) {
        if s.texts.is_empty() {
            continue;
        }
        let names: Vec<&str> = s.texts.iter().map(String::as_str).collect();
        e.comments.push(format!(
            "repaired {} times in {} of the texts of {} ({}), e.g. {}",
            s.count,
            s.texts.len(),
            dir.display(),
            names.join(", "),
            s.examples.join(", ")
        ));
    }
    let mut ranked: Vec<_> = std::mem::take(entries).into_iter().zip(seen).collect();
    ranked.sort_by_key(|(_, s)| std::cmp::Reverse(s.texts.len()));
    let again = ranked.iter().filter(|(_, s)| s.texts.len() >= 2).count();
    *entries = ranked.into_iter().map(|(e, _)| e).collect();
    Ok(again)
}

/// The `*.txt` files of `dir`, sorted.
fn txt_files(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

/// The `*.txt` files of `dir`, by name, as (file stem, text), decoded as the repair modes
/// decode; an empty one is left out, one that is not text is an error.
fn read_texts(dir: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let mut texts = Vec::new();
    for p in txt_files(dir)? {
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let text = match read::text(bytes) {
            Ok(text) => text,
            Err(read::Skip::Empty) => continue,
            Err(skip) => return Err(format!("{}: {skip}", p.display())),
        };
        let name = p
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        texts.push((name, text));
    }
    Ok(texts)
}

/// Writes to `path`, or to stdout (a closed pipe is not an error).
fn emit(path: Option<&std::path::Path>, text: &str) -> Result<(), String> {
    match path {
        Some(p) => unspin::fs::write::create(p, text.as_bytes())
            .map_err(|e| format!("{}: {e}", p.display())),
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Ok(())
        }
    }
}

/// `--unpaired`: proposals from spun texts alone (`unspin::curate::unpaired`).
fn unpaired(args: &LearnArgs) -> u8 {
    let Some(dir) = &args.pairs.dir else {
        return fail("--unpaired needs a folder of spun texts");
    };
    let files = match txt_files(dir) {
        Ok(files) => files,
        Err(e) => return fail(e),
    };
    let options = unpaired::Options {
        min_consistency: args.min_consistency,
        min_docs: args.min_docs,
        ..unpaired::Options::default()
    };
    let mut learner = unpaired::Learner::new(options);
    let mut status = OK;
    for path in &files {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                learner.add(&text);
            }
            Err(e) => status = fail(format_args!("{}: {e}", path.display())),
        }
    }
    let mut proposals = learner.proposals();
    if !args.against.is_empty() {
        match Dictionary::load(false, &args.against) {
            Ok(against) => proposals.retain(|p| against.lookup(&p.spun).is_none()),
            Err(e) => return fail(format_args!("--against: {e}")),
        }
    }
    let mut entries = unpaired::entries(&proposals);
    let left_out = newdict::settle(NAME, &mut entries);
    let (read, given) = learner.read();
    let header = vec![
        format!(
            "Candidate entries learned by `unspin learn --unpaired` from {read} of {given} texts"
        ),
        "judged spun. Each is a word the context model found far less likely than a thesaurus"
            .into(),
        "neighbour, consistently across documents: a guess at the spinner's habit, to review."
            .into(),
    ];
    if let Err(e) = emit(
        args.output.as_deref(),
        &newdict::to_yaml(NAME, &header, &entries),
    ) {
        return fail(e);
    }
    eprintln!(
        "unspin: {} proposals from {read} of {given} texts judged spun ({} commented out)",
        proposals.len(),
        left_out.len()
    );
    status
}
