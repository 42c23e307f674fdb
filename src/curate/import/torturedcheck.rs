//! torturedcheck's JSON list of tortured phrases: `{version, lastUpdated, source, license,
//! phrases: [{tortured, correct}]}`. Each phrase becomes a fingerprint; the list's source and
//! licence go into every entry's note, so they travel with the dictionary. serde_json keeps no
//! positions, so a phrase's line is that of its `"tortured"` key, counted in order.

use super::{Problem, Row};
use crate::curate::newdict::NewEntry;
use crate::dict::model::Class;
use serde::Deserialize;

#[derive(Deserialize)]
struct List {
    source: Option<String>,
    license: Option<String>,
    phrases: Vec<Phrase>,
}

#[derive(Deserialize)]
struct Phrase {
    tortured: Option<String>,
    correct: Option<String>,
}

pub fn read(text: &str) -> (Vec<Row>, Vec<Problem>) {
    let list: List = match serde_json::from_str(text) {
        Ok(list) => list,
        Err(e) => {
            let message = format!(
                "not a torturedcheck list ({{\"phrases\": [{{\"tortured\", \"correct\"}}]}}): {e}; nothing imported"
            );
            return (vec![], vec![Problem::skip(e.line(), message)]);
        }
    };
    let note = match (&list.source, &list.license) {
        (Some(source), Some(license)) => format!("tortured phrase ({source}; {license})"),
        (Some(source), None) => format!("tortured phrase ({source})"),
        _ => "tortured phrase (torturedcheck)".to_string(),
    };
    let mut lines = key_lines(text);
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for phrase in list.phrases {
        // A phrase without "tortured" has no line of its own: the last one seen stands for it.
        let line = match phrase.tortured {
            Some(_) => lines.next().unwrap_or(0),
            None => 0,
        };
        match (phrase.tortured, phrase.correct) {
            (Some(tortured), Some(correct)) => {
                let mut entry = NewEntry::new(&tortured, &correct, Class::Fingerprint);
                entry.note = Some(note.clone());
                rows.push(Row { line, entry });
            }
            _ => problems.push(Problem::skip(
                line,
                "a phrase needs both \"tortured\" and \"correct\", skipped",
            )),
        }
    }
    (rows, problems)
}

/// The 1-based lines of the `"tortured":` keys, in order.
fn key_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.lines().enumerate().flat_map(|(i, l)| {
        let n = l
            .match_indices("\"tortured\"")
            .filter(|(at, key)| l[at + key.len()..].trim_start().starts_with(':'))
            .count();
        std::iter::repeat_n(i + 1, n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_become_fingerprints_with_their_lines_and_source() {
        let json = r#"{
  "version": "1.2.0",
  "lastUpdated": "2024-05-01",
  "source": "Problematic Paper Screener",
  "license": "CC BY 4.0",
  "phrases": [
    {"tortured": "counterfeit consciousness", "correct": "artificial intelligence"},
    {"tortured": "profound learning"},
    {
      "tortured": "bosom malignancy",
      "correct": "breast cancer"
    }
  ]
}"#;
        let (rows, problems) = read(json);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.line, r.entry.key.as_str(), r.entry.to.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (7, "counterfeit consciousness", "artificial intelligence"),
                (10, "bosom malignancy", "breast cancer")
            ]
        );
        assert_eq!(
            rows[0].entry.note.as_deref(),
            Some("tortured phrase (Problematic Paper Screener; CC BY 4.0)")
        );
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].skipped), (8, true));
        let (rows, problems) = read("[1, 2]");
        assert!(rows.is_empty());
        assert!(problems[0].message.contains("nothing imported"));
    }
}
