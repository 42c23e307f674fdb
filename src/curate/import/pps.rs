//! The Problematic Paper Screener "tortured phrases" CSV export: columns "Fingerprint -
//! Tortured Phrase", "Expected Text" and "Nb Retrieved Papers", or in the most common public
//! copy `tortured_phrase`, `expected_phrase` and `num_papers` (counts such as "42,682"); the
//! header line says which columns were taken. A fingerprint is a phrase or a
//! query: `"a" AND "b"` (phrase a in a document that also has b: `document_has`), `"a" NOT "b"`
//! (`document_lacks`); OR, `~N` proximity and nested queries cannot be expressed and are
//! skipped. Expected texts lose their `(annotations)` and `[annotations]`, and of alternatives
//! `a/b` the first is taken; both are kept in the note.

use super::{Problem, Row};
use crate::curate::newdict::NewEntry;
use crate::dict::model::Class;

/// The names each column goes by in the copies people have, compared after [`header_name`].
const FINGERPRINT: &[&str] = &[
    "fingerprint tortured phrase",
    "tortured phrase",
    "tortured",
    "fingerprint",
];
const EXPECTED: &[&str] = &["expected text", "expected phrase", "expected", "correct"];
const PAPERS: &[&str] = &[
    "nb retrieved papers",
    "num papers",
    "retrieved papers",
    "papers",
];

/// A header cell as compared: lower-case, `_` and `-` as spaces, whitespace collapsed.
fn header_name(cell: &str) -> String {
    cell.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn read(text: &str) -> (Vec<Row>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return (
                rows,
                vec![Problem::skip(1, format!("unreadable header: {e}"))],
            )
        }
    };
    let column = |names: &[&str]| {
        let names: Vec<String> = names.iter().map(|n| header_name(n)).collect();
        headers.iter().position(|h| names.contains(&header_name(h)))
    };
    let (Some(fp), Some(ex)) = (column(FINGERPRINT), column(EXPECTED)) else {
        let message = format!(
            "the header {:?} has no tortured-phrase column (\"Fingerprint - Tortured Phrase\" or \
             tortured_phrase) and expected-text column (\"Expected Text\" or expected_phrase); \
             nothing imported",
            headers.iter().collect::<Vec<_>>().join(",")
        );
        return (rows, vec![Problem::skip(1, message)]);
    };
    let papers = column(PAPERS);
    let mut took = format!(
        "columns taken: {:?} as the tortured phrase, {:?} as the expected text",
        &headers[fp], &headers[ex]
    );
    if let Some(c) = papers {
        took.push_str(&format!(", {:?} as the paper count", &headers[c]));
    }
    problems.push(Problem::warn(1, took));
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Problem::skip(line, format!("malformed CSV: {e}, skipped")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let (Some(query), Some(expected)) = (record.get(fp), record.get(ex)) else {
            problems.push(Problem::skip(
                line,
                format!("only {} field(s), skipped", record.len()),
            ));
            continue;
        };
        let (phrase, has, lacks) = match parse_query(query) {
            Ok(q) => q,
            Err(reason) => {
                problems.push(Problem::skip(line, format!("{query:?}: {reason}, skipped")));
                continue;
            }
        };
        let (to, notes) = clean_expected(expected);
        let mut entry = NewEntry::new(&phrase, &to, Class::Fingerprint);
        entry.document_has = has;
        entry.document_lacks = lacks;
        let mut note = String::from("tortured phrase (Problematic Paper Screener)");
        for n in notes {
            note.push_str("; ");
            note.push_str(&n);
        }
        entry.note = Some(note);
        match papers.and_then(|c| record.get(c)).map(str::trim) {
            Some(n) if !n.is_empty() => match count(n) {
                Some(n) => entry.comments.push(format!("{n} retrieved papers")),
                None => problems.push(Problem::warn(
                    line,
                    format!("the paper count is {n:?}, not a number (entry kept)"),
                )),
            },
            _ => {}
        }
        rows.push(Row { line, entry });
    }
    (rows, problems)
}

/// A paper count, thousands separators allowed ("42,682", "42 682", "42_682").
fn count(cell: &str) -> Option<u64> {
    let digits: String = cell
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    digits.parse().ok()
}

/// How a term joins the query.
#[derive(Clone, Copy, PartialEq)]
enum Op {
    /// The first term, or a term with no operator before it.
    None,
    And,
    Not,
}

/// The phrase of a fingerprint query, the phrases the document must have, and those it must
/// not; or why the query cannot be expressed.
fn parse_query(query: &str) -> Result<(String, Vec<String>, Vec<String>), String> {
    let q = query.trim();
    if q.contains(['(', ')']) {
        return Err("a nested query cannot be expressed".into());
    }
    // Terms: quoted phrases or runs of bare words, separated by AND / NOT / OR.
    let mut terms: Vec<(String, Op)> = Vec::new();
    let mut op = Op::None;
    let mut pending_op = false;
    let mut bare: Vec<&str> = Vec::new();
    let mut rest = q;
    fn flush(bare: &mut Vec<&str>, terms: &mut Vec<(String, Op)>, op: &mut Op, pending: &mut bool) {
        if !bare.is_empty() {
            terms.push((bare.join(" "), *op));
            bare.clear();
            *op = Op::None;
            *pending = false;
        }
    }
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').ok_or("an unclosed quote")?;
            flush(&mut bare, &mut terms, &mut op, &mut pending_op);
            terms.push((after[..end].to_string(), op));
            op = Op::None;
            pending_op = false;
            rest = &after[end + 1..];
            if rest.starts_with('~') {
                return Err("a proximity query (~N) cannot be expressed".into());
            }
            continue;
        }
        let word_end = rest.find([' ', '\t', '"']).unwrap_or(rest.len());
        let word = &rest[..word_end];
        rest = &rest[word_end..];
        match word {
            "NOT" if op == Op::And && pending_op => op = Op::Not,
            "AND" | "NOT" => {
                flush(&mut bare, &mut terms, &mut op, &mut pending_op);
                if terms.is_empty() {
                    return Err(format!("the query starts with {word}"));
                }
                op = if word == "AND" { Op::And } else { Op::Not };
                pending_op = true;
            }
            "OR" => {
                return Err("an OR query cannot be expressed (make one entry per phrase)".into())
            }
            w if w.contains('~') => return Err("a proximity query (~N) cannot be expressed".into()),
            w => bare.push(w),
        }
    }
    flush(&mut bare, &mut terms, &mut op, &mut pending_op);
    if pending_op {
        return Err("nothing after the last AND or NOT".into());
    }
    let mut terms = terms.into_iter();
    let (phrase, _) = terms.next().ok_or("empty fingerprint")?;
    let (mut has, mut lacks) = (Vec::new(), Vec::new());
    for (term, op) in terms {
        match op {
            Op::And => has.push(term),
            Op::Not => lacks.push(term),
            Op::None => return Err("two phrases without AND or NOT between them".into()),
        }
    }
    if phrase.trim().is_empty() || has.iter().chain(&lacks).any(|t| t.trim().is_empty()) {
        return Err("an empty phrase".into());
    }
    Ok((phrase, has, lacks))
}

/// The expected text without annotations, first alternative only; and what was dropped, for
/// the note.
fn clean_expected(expected: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut text = String::new();
    let mut depth = 0usize;
    let mut annotation = String::new();
    for c in expected.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                annotation.push(c);
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                annotation.push(c);
                if depth == 0 {
                    notes.push(format!("expected text annotated {}", annotation.trim()));
                    annotation.clear();
                }
            }
            c if depth > 0 => annotation.push(c),
            c => text.push(c),
        }
    }
    let mut alternatives = text.split('/').map(str::trim).filter(|a| !a.is_empty());
    let first = alternatives.next().unwrap_or("").to_string();
    let others: Vec<&str> = alternatives.collect();
    if !others.is_empty() {
        notes.push(format!("also: {}", others.join(" / ")));
    }
    (first, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_map_onto_document_conditions_or_are_refused() {
        assert_eq!(
            parse_query("counterfeit consciousness"),
            Ok(("counterfeit consciousness".into(), vec![], vec![]))
        );
        assert_eq!(
            parse_query("\"irregular woodland\" AND \"classification\""),
            Ok((
                "irregular woodland".into(),
                vec!["classification".into()],
                vec![]
            ))
        );
        assert_eq!(
            parse_query("\"bosom disease\" AND NOT \"animal\" NOT \"dairy\""),
            Ok((
                "bosom disease".into(),
                vec![],
                vec!["animal".into(), "dairy".into()]
            ))
        );
        assert!(parse_query("\"a b\"~3").unwrap_err().contains("proximity"));
        assert!(parse_query("\"a\" OR \"b\"").unwrap_err().contains("OR"));
        assert!(parse_query("\"a\" AND")
            .unwrap_err()
            .contains("nothing after"));
        assert!(parse_query("\"unclosed AND b")
            .unwrap_err()
            .contains("unclosed"));
    }

    #[test]
    fn the_common_public_copy_is_read_with_its_counts() {
        let csv = "tortured_phrase,expected_phrase,num_papers\ncounterfeit consciousness,artificial intelligence,\"42,682\"\n";
        let (rows, problems) = read(csv);
        assert_eq!(rows.len(), 1, "{problems:?}");
        assert_eq!(rows[0].entry.to, "artificial intelligence");
        assert!(rows[0]
            .entry
            .comments
            .contains(&"42682 retrieved papers".to_string()));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0]
            .message
            .contains("\"tortured_phrase\" as the tortured phrase"));
        let (rows, problems) = read("phrase,fix\na,b\n");
        assert!(rows.is_empty());
        assert!(
            problems[0].message.contains("nothing imported"),
            "{problems:?}"
        );
    }

    #[test]
    fn expected_texts_lose_annotations_and_keep_the_first_alternative() {
        assert_eq!(
            clean_expected("deep learning (DL)"),
            (
                "deep learning".into(),
                vec!["expected text annotated (DL)".into()]
            )
        );
        assert_eq!(
            clean_expected("big data / large data"),
            ("big data".into(), vec!["also: large data".into()])
        );
        assert_eq!(
            clean_expected("[sic] breast cancer"),
            (
                "breast cancer".into(),
                vec!["expected text annotated [sic]".into()]
            )
        );
    }
}
