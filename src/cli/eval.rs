//! `unspin eval`: repairs spun texts with the dictionaries in use and measures the result
//! against their originals (`unspin::quality::eval`), per pair and in total.

use super::args::{DictArgs, EvalArgs};
use super::pairs::{self, Pair};
use super::{fail, OK};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use unspin::edit::LineIndex;
use unspin::engine::Engine;
use unspin::quality::eval::{self, Evaluation, Figures, RuleFigures};
use unspin::Dictionary;

pub fn run(args: &EvalArgs, dicts: &DictArgs) -> u8 {
    let pairs = match pairs::find(&args.pairs) {
        Ok(pairs) => pairs,
        Err(e) => return fail(e),
    };
    let dict = match Dictionary::load(!dicts.no_builtin, &dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(format_args!("dictionary: {e}")),
    };
    let engine = match Engine::new(dict, args.engine.options()) {
        Ok(engine) => engine,
        Err(e) => return fail(e),
    };
    let mut total = Figures::default();
    let mut rules: BTreeMap<String, RuleFigures> = BTreeMap::new();
    let mut records = Vec::new();
    let mut status = OK;
    let mut evaluated = 0;
    for pair in &pairs {
        let (original, spun) = match pairs::read(pair) {
            Ok(texts) => texts,
            Err(e) => {
                status = fail(e);
                continue;
            }
        };
        let ev = eval::evaluate(&original, &spun, &engine.repair(&spun).edits);
        total.add(&ev.figures);
        if args.by_rule {
            eval::add_by_rule(&mut rules, &ev.judged);
        }
        evaluated += 1;
        if args.json {
            records.push(record(pair, &spun, &ev));
        } else {
            let mut text = format!("{}: {}", pair.name, ev.figures);
            text.push('\n');
            if args.verbose {
                text.push_str(&listing(pair, &spun, &ev));
            }
            out(&text);
        }
    }
    if args.json {
        let mut v = json!({ "pairs": records, "total": figures(&total) });
        if args.by_rule {
            v["rules"] = eval::worst_first(&rules)
                .into_iter()
                .map(|(id, r)| json!({ "rule": id, "figures": r }))
                .collect();
        }
        out(&format!("{v}\n"));
        return status;
    }
    if pairs.len() > 1 {
        let of = if evaluated < pairs.len() {
            format!("{evaluated} of ")
        } else {
            String::new()
        };
        out(&format!("total ({of}{} pairs): {total}\n", pairs.len()));
    }
    if args.by_rule {
        out(&by_rule(&rules));
    }
    status
}

/// The table of `--by-rule`: one line per rule, worst first.
fn by_rule(rules: &BTreeMap<String, RuleFigures>) -> String {
    let mut text = format!(
        "\n{:>5} {:>7} {:>5} {:>8}  rule (source)\n",
        "edits", "correct", "wrong", "in clean"
    );
    for (id, r) in eval::worst_first(rules) {
        text.push_str(&format!(
            "{:>5} {:>7} {:>5} {:>8}  {id} ({})\n",
            r.edits, r.correct, r.wrong, r.wrong_in_clean, r.source
        ));
    }
    text
}

/// One line per edit and per missed spin, in text order within each kind.
fn listing(pair: &Pair, spun: &str, ev: &Evaluation) -> String {
    let index = LineIndex::new(spun);
    let at = |offset: usize| {
        let (l, c) = index.position(spun, offset);
        format!("{}:{l}:{c}", pair.spun.display())
    };
    let mut out = String::new();
    for j in &ev.judged {
        let e = &j.edit;
        if j.correct {
            out.push_str(&format!(
                "  correct {}: {:?} -> {:?}  {}\n",
                at(e.range.start),
                e.from,
                e.to,
                e.rule.id
            ));
        } else {
            out.push_str(&format!(
                "  wrong   {}: {:?} -> {:?} (original {:?}{})  {} at {}\n",
                at(e.range.start),
                e.from,
                e.to,
                j.original,
                match (j.wrong_case, j.in_clean) {
                    (true, _) => ", wrong case",
                    (_, true) => ", clean words",
                    _ => "",
                },
                e.rule.id,
                e.rule.origin
            ));
        }
    }
    for m in &ev.missed {
        out.push_str(&format!(
            "  missed  {}: {:?} (original {:?})\n",
            at(m.range.start),
            m.spun,
            m.original
        ));
    }
    out
}

fn figures(f: &Figures) -> Value {
    let mut v = serde_json::to_value(f).expect("figures serialize");
    v["error_reduction"] = json!(f.error_reduction());
    v["wrong_share"] = json!(f.wrong_share());
    v
}

fn record(pair: &Pair, spun: &str, ev: &Evaluation) -> Value {
    let index = LineIndex::new(spun);
    let judged: Vec<Value> = ev
        .judged
        .iter()
        .map(|j| {
            let (line, column) = index.position(spun, j.edit.range.start);
            json!({
                "line": line, "column": column, "from": j.edit.from, "to": j.edit.to,
                "original": j.original, "rule": j.edit.rule.id, "correct": j.correct,
                "wrong_case": j.wrong_case, "in_clean": j.in_clean,
            })
        })
        .collect();
    let missed: Vec<Value> = ev
        .missed
        .iter()
        .map(|m| {
            let (line, column) = index.position(spun, m.range.start);
            json!({ "line": line, "column": column, "spun": m.spun, "original": m.original })
        })
        .collect();
    let mut v = figures(&ev.figures);
    v["name"] = json!(pair.name);
    v["original_path"] = json!(pair.original.display().to_string());
    v["spun_path"] = json!(pair.spun.display().to_string());
    v["edits_judged"] = json!(judged);
    v["missed_spins"] = json!(missed);
    v
}

/// Writes to stdout; a closed pipe (`unspin eval -v DIR | head`) is not worth a panic.
fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
