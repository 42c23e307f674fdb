//! Python bindings of unspin (`import unspin`). The bindings are thin: options in, the Rust
//! library's `Engine` does the work, plain values out. Every call releases the GIL while the
//! engine runs, and `Engine` is immutable, so one engine serves many Python threads; the batch
//! call spreads a list over several threads of its own.

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyString, PyTuple};
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use unspin::dict::LoadError;
use unspin::engine::context::{self, detect};
use unspin::prose::Kind;
use unspin::{Dictionary, Options, Suspects};

/// The engine options a Python caller may set, in the order `repr` and `options` give them.
const OPTION_NAMES: &[&str] = &[
    "context",
    "suspects",
    "spun_threshold",
    "min_fingerprints",
    "margin",
    "veto",
    "rival",
    "spin_threshold",
    "table_threshold",
    "table_floor",
    "full_detection",
];

/// Spellings of the command's flags accepted beside the short names.
const ALIASES: &[(&str, &str)] = &[
    ("context_margin", "margin"),
    ("context_veto", "veto"),
    ("context_rival", "rival"),
];

/// A loaded dictionary set and the engine options: build once, then repair many texts, from
/// any number of threads.
#[pyclass(frozen, module = "unspin", name = "Engine")]
struct PyEngine {
    engine: unspin::Engine,
    /// The same engine with full detection, for `score`, built on first use.
    scorer: OnceLock<unspin::Engine>,
    builtin: bool,
    dicts: Vec<PathBuf>,
    options: Options,
}

/// One repair, with offsets in characters (`start`, `end`: Python string indices) and in
/// UTF-8 bytes (`byte_start`, `byte_end`: those of the command's JSON).
#[pyclass(frozen, eq, get_all, module = "unspin", name = "Edit")]
#[derive(Clone, PartialEq)]
struct PyEdit {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    #[pyo3(name = "from_")]
    from: String,
    to: String,
    rule: String,
    dictionary: String,
    #[pyo3(name = "class_")]
    class: String,
    why: String,
    source: String,
    note: Option<String>,
}

/// The context model's spin estimate of a document and its evidence.
#[pyclass(frozen, eq, get_all, module = "unspin", name = "Spin")]
#[derive(Clone, PartialEq)]
struct PySpin {
    read: bool,
    positions: usize,
    strong: usize,
    table: usize,
    words: usize,
    examples: Vec<(String, String, f32)>,
}

/// What `Engine.repair` found: the repaired text, the edits and how spun the text looks.
#[pyclass(frozen, eq, module = "unspin", name = "Result")]
#[derive(Clone, PartialEq)]
struct PyRepair {
    text: String,
    edits: Vec<PyEdit>,
    spun: bool,
    fingerprints: usize,
    words: usize,
    spin: Option<PySpin>,
}

/// What `Engine.score` found: how spun a text looks, with the full spin estimate.
#[pyclass(frozen, eq, get_all, module = "unspin", name = "Score")]
#[derive(Clone, PartialEq)]
struct PyScore {
    spun: bool,
    fingerprints: usize,
    words: usize,
    edits: usize,
    spin: Option<PySpin>,
}

/// Why one text could not be repaired.
enum Failure {
    /// The HTML could not be read faithfully (the command leaves such a file alone).
    Input(String),
    /// A bug in unspin: the engine panicked, or an engine it made itself did not build.
    Internal(String),
}

impl Failure {
    fn into_err(self, at: Option<usize>) -> PyErr {
        let place = at.map_or(String::new(), |i| format!("document {i}: "));
        match self {
            Failure::Input(m) => PyValueError::new_err(format!("{place}{m}")),
            Failure::Internal(m) => PyRuntimeError::new_err(format!(
                "{place}internal error in unspin (please report it): {m}"
            )),
        }
    }
}

#[pymethods]
impl PyEngine {
    #[new]
    #[pyo3(signature = (dicts = None, builtin = true, **options))]
    fn new(
        py: Python<'_>,
        dicts: Option<&Bound<'_, PyAny>>,
        builtin: bool,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let dicts = paths(dicts)?;
        let options = parse_options(options)?;
        let dict = py
            .detach(|| Dictionary::load(builtin, &dicts))
            .map_err(load_error)?;
        build(py, dict, builtin, dicts, options)
    }

    /// Repairs `text` (`kind`: "text", "html" for the prose of an HTML document, or
    /// "markdown").
    #[pyo3(signature = (text, kind = "text"))]
    fn repair(&self, py: Python<'_>, text: String, kind: &str) -> PyResult<PyRepair> {
        let kind = parse_kind(kind)?;
        py.detach(|| repaired(&self.engine, &text, kind))
            .map_err(|f| f.into_err(None))
    }

    /// Repairs the prose of an HTML document: markup, attributes, scripts, code and
    /// character references are never touched, and replacements are escaped.
    fn repair_html(&self, py: Python<'_>, text: String) -> PyResult<PyRepair> {
        self.repair(py, text, "html")
    }

    /// Repairs every text of `texts` (a list, any iterable, a pyarrow array or a pandas
    /// Series of str; a missing value, None, NaN or `pandas.NA`, gives None) on `threads`
    /// threads (default: one per core), without the GIL. The results come in the order of
    /// `texts`. `errors="ignore"` gives None for a document that cannot be read (HTML that
    /// does not parse faithfully) instead of raising.
    #[pyo3(signature = (texts, threads = None, kind = "text", errors = "raise"))]
    fn repair_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        kind: &str,
        errors: &str,
    ) -> PyResult<Vec<Option<PyRepair>>> {
        batch(py, texts, threads, kind, errors, |t, kind| {
            repaired(&self.engine, t, kind)
        })
    }

    /// `score` of every text of `texts`, as `repair_batch` goes about it.
    #[pyo3(signature = (texts, threads = None, kind = "text", errors = "raise"))]
    fn score_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        kind: &str,
        errors: &str,
    ) -> PyResult<Vec<Option<PyScore>>> {
        let scorer = py.detach(|| self.scorer()).map_err(|f| f.into_err(None))?;
        batch(py, texts, threads, kind, errors, |t, kind| {
            scored(scorer, t, kind)
        })
    }

    /// How spun `text` looks, with the context model's full estimate (as `unspin scan`
    /// works it out, also where a repair would not need it); nothing is repaired.
    #[pyo3(signature = (text, kind = "text"))]
    fn score(&self, py: Python<'_>, text: String, kind: &str) -> PyResult<PyScore> {
        let kind = parse_kind(kind)?;
        py.detach(|| scored(self.scorer()?, &text, kind))
            .map_err(|f: Failure| f.into_err(None))
    }

    /// The options in force, every one of them, as keyword arguments of `Engine`.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        options_dict(py, &self.options)
    }

    #[getter]
    fn builtin(&self) -> bool {
        self.builtin
    }

    #[getter]
    fn dicts(&self) -> Vec<PathBuf> {
        self.dicts.clone()
    }

    /// Rules in the loaded dictionaries.
    #[getter]
    fn rules(&self) -> usize {
        self.engine.dictionary().rules().len()
    }

    /// Pickling (Spark ships engines to its executors this way): the constructor's arguments,
    /// and the compiled dictionary when files were loaded, so that the other side needs none
    /// of them.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let rebuild = py.import("unspin._unspin")?.getattr("_rebuild")?;
        let compiled = (!self.dicts.is_empty())
            .then(|| PyBytes::new(py, &self.engine.dictionary().to_bytes()));
        let args = (
            self.builtin,
            self.dicts.clone(),
            compiled,
            options_dict(py, &self.options)?,
        )
            .into_pyobject(py)?;
        Ok((rebuild, args))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = format!(
            "Engine(dicts={}, builtin={}",
            self.dicts.clone().into_pyobject(py)?.repr()?,
            if self.builtin { "True" } else { "False" }
        );
        for (k, v) in options_dict(py, &self.options)?.iter() {
            out.push_str(&format!(", {k}={}", v.repr()?));
        }
        out.push(')');
        Ok(out)
    }
}

impl PyEngine {
    fn scorer(&self) -> Result<&unspin::Engine, Failure> {
        if self.options.context.full_detection {
            return Ok(&self.engine);
        }
        if let Some(e) = self.scorer.get() {
            return Ok(e);
        }
        let dict = if self.builtin && self.dicts.is_empty() {
            Dictionary::builtin()
        } else {
            Dictionary::from_compiled(self.engine.dictionary().to_bytes())
                .map_err(Failure::Internal)?
        };
        let mut options = self.options;
        options.context.full_detection = true;
        let engine =
            unspin::Engine::new(dict, options).map_err(|e| Failure::Internal(e.to_string()))?;
        // Two threads may build it at once: the first one kept serves both.
        let _ = self.scorer.set(engine);
        Ok(self.scorer.get().expect("set just above"))
    }
}

fn build(
    py: Python<'_>,
    dict: Dictionary,
    builtin: bool,
    dicts: Vec<PathBuf>,
    options: Options,
) -> PyResult<PyEngine> {
    let engine = py
        .detach(|| unspin::Engine::new(dict, options))
        .map_err(|e| PyValueError::new_err(format!("dictionary: {e}")))?;
    Ok(PyEngine {
        engine,
        scorer: OnceLock::new(),
        builtin,
        dicts,
        options,
    })
}

/// Rebuilds a pickled engine (see `Engine.__reduce__`).
#[pyfunction]
fn _rebuild(
    py: Python<'_>,
    builtin: bool,
    dicts: Vec<PathBuf>,
    compiled: Option<Bound<'_, PyBytes>>,
    options: &Bound<'_, PyDict>,
) -> PyResult<PyEngine> {
    let options = parse_options(Some(options))?;
    let dict = match compiled.map(|b| b.as_bytes().to_vec()) {
        Some(bytes) => py
            .detach(|| Dictionary::from_compiled(bytes))
            .map_err(|e| PyValueError::new_err(format!("pickled dictionary: {e}")))?,
        None => py
            .detach(|| Dictionary::load(builtin, &[]))
            .map_err(load_error)?,
    };
    build(py, dict, builtin, dicts, options)
}

#[pymethods]
impl PyRepair {
    /// The repaired text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The edits, in text order, never overlapping.
    #[getter]
    fn edits(&self) -> Vec<PyEdit> {
        self.edits.clone()
    }

    /// Whether the document counted as spun (suspects were allowed).
    #[getter]
    fn spun(&self) -> bool {
        self.spun
    }

    /// Fingerprints per 1,000 words.
    #[getter]
    fn score(&self) -> f64 {
        per_thousand(self.fingerprints, self.words)
    }

    #[getter]
    fn fingerprints(&self) -> usize {
        self.fingerprints
    }

    #[getter]
    fn words(&self) -> usize {
        self.words
    }

    /// The context model's spin estimate, when it was worked out (there was a suspect to
    /// judge, or the engine has `full_detection`).
    #[getter]
    fn spin(&self) -> Option<PySpin> {
        self.spin.clone()
    }

    /// Plain values: the keys of the command's JSON records (`start`, `end` in characters).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        let edits = self
            .edits
            .iter()
            .map(|e| e.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("edits", edits)?;
        d.set_item("spun", self.spun)?;
        d.set_item("score", self.score())?;
        d.set_item("fingerprints", self.fingerprints)?;
        d.set_item("words", self.words)?;
        d.set_item(
            "spin",
            self.spin.as_ref().map(|s| s.to_dict(py)).transpose()?,
        )?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Result(edits={}, spun={}, score={:.1}, spin={})",
            self.edits.len(),
            if self.spun { "True" } else { "False" },
            self.score(),
            self.spin.as_ref().map_or("None".into(), PySpin::__repr__)
        )
    }
}

#[pymethods]
impl PyEdit {
    /// Plain values, with the keys of the command's JSON edit records (`from`, `class`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("byte_start", self.byte_start)?;
        d.set_item("byte_end", self.byte_end)?;
        d.set_item("from", &self.from)?;
        d.set_item("to", &self.to)?;
        d.set_item("rule", &self.rule)?;
        d.set_item("dictionary", &self.dictionary)?;
        d.set_item("class", &self.class)?;
        d.set_item("why", &self.why)?;
        d.set_item("source", &self.source)?;
        d.set_item("note", &self.note)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr = |s: &str| PyString::new(py, s).repr().map(|r| r.to_string());
        Ok(format!(
            "Edit(start={}, end={}, from_={}, to={}, rule={})",
            self.start,
            self.end,
            repr(&self.from)?,
            repr(&self.to)?,
            repr(&self.rule)?
        ))
    }
}

#[pymethods]
impl PySpin {
    /// Percent of content words with a far likelier synonym in context (0 when the
    /// thesaurus estimate was not read: see `read`).
    #[getter]
    fn percent(&self) -> f64 {
        if self.positions == 0 {
            0.0
        } else {
            self.strong as f64 * 100.0 / self.positions as f64
        }
    }

    /// Suspect entries the model strongly prefers, per 1,000 words.
    #[getter]
    fn table_per_thousand(&self) -> f64 {
        self.table as f64 * 1000.0 / self.words.max(1) as f64
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("percent", self.percent())?;
        d.set_item("read", self.read)?;
        d.set_item("strong", self.strong)?;
        d.set_item("positions", self.positions)?;
        d.set_item("table", self.table)?;
        d.set_item("table_per_thousand", self.table_per_thousand())?;
        d.set_item("words", self.words)?;
        d.set_item("examples", self.examples.clone())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Spin(percent={:.1}, strong={}, positions={}, table={}, read={})",
            self.percent(),
            self.strong,
            self.positions,
            self.table,
            if self.read { "True" } else { "False" }
        )
    }
}

#[pymethods]
impl PyScore {
    /// Fingerprints per 1,000 words.
    #[getter]
    fn score(&self) -> f64 {
        per_thousand(self.fingerprints, self.words)
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("spun", self.spun)?;
        d.set_item("score", self.score())?;
        d.set_item("fingerprints", self.fingerprints)?;
        d.set_item("words", self.words)?;
        d.set_item("edits", self.edits)?;
        d.set_item(
            "spin",
            self.spin.as_ref().map(|s| s.to_dict(py)).transpose()?,
        )?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Score(spun={}, score={:.1}, edits={}, spin={})",
            if self.spun { "True" } else { "False" },
            self.score(),
            self.edits,
            self.spin.as_ref().map_or("None".into(), PySpin::__repr__)
        )
    }
}

impl PySpin {
    fn new(s: &detect::Spin) -> Self {
        PySpin {
            read: s.read,
            positions: s.positions,
            strong: s.strong,
            table: s.table,
            words: s.words,
            examples: s.examples.clone(),
        }
    }
}

fn per_thousand(fingerprints: usize, words: usize) -> f64 {
    unspin::engine::Score {
        fingerprints,
        words,
    }
    .per_thousand()
}

/// The engine's repair of `text`, its prose only for HTML and Markdown (as the command does
/// it), a panic caught.
fn guarded(engine: &unspin::Engine, text: &str, kind: Kind) -> Result<unspin::Repair, Failure> {
    catch_unwind(AssertUnwindSafe(|| {
        match unspin::prose::ranges(kind, text) {
            Ok(None) => Ok(engine.repair(text)),
            Ok(Some(ranges)) => {
                let mut repair = engine.repair_within(text, &ranges);
                if kind == Kind::Html {
                    for e in &mut repair.edits {
                        e.to = unspin::prose::html::escape(&e.to).into_owned();
                    }
                }
                Ok(repair)
            }
            Err(e) => Err(Failure::Input(e.to_string())),
        }
    }))
    .unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Err(Failure::Internal(message))
    })
}

/// How spun `text` looks, by the engine `scorer` (full detection).
fn scored(scorer: &unspin::Engine, text: &str, kind: Kind) -> Result<PyScore, Failure> {
    let r = guarded(scorer, text, kind)?;
    Ok(PyScore {
        spun: r.spun,
        fingerprints: r.score.fingerprints,
        words: r.score.words,
        edits: r.edits.len(),
        spin: r.spin.as_ref().map(PySpin::new),
    })
}

/// The repair of `text` as Python sees it: the repaired text and edits with char offsets.
fn repaired(engine: &unspin::Engine, text: &str, kind: Kind) -> Result<PyRepair, Failure> {
    let r = guarded(engine, text, kind)?;
    let chars = char_offsets(text, r.edits.iter().map(|e| e.range.clone()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in &r.edits {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.to);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    let edits = r
        .edits
        .iter()
        .zip(chars)
        .map(|(e, (start, end))| PyEdit {
            start,
            end,
            byte_start: e.range.start,
            byte_end: e.range.end,
            from: e.from.clone(),
            to: e.to.clone(),
            rule: e.rule.id.clone(),
            dictionary: e.rule.dictionary.clone(),
            class: e.rule.class.to_string(),
            why: e.why.to_string(),
            source: e.rule.origin.to_string(),
            note: e.rule.note.clone(),
        })
        .collect();
    Ok(PyRepair {
        text: out,
        edits,
        spun: r.spun,
        fingerprints: r.score.fingerprints,
        words: r.score.words,
        spin: r.spin.as_ref().map(PySpin::new),
    })
}

/// Char offsets of byte ranges that come in text order without overlapping: one pass.
fn char_offsets(text: &str, ranges: impl Iterator<Item = Range<usize>>) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return ranges.map(|r| (r.start, r.end)).collect();
    }
    let (mut byte, mut char) = (0, 0);
    let mut to_char = |b: usize| {
        char += text[byte..b].chars().count();
        byte = b;
        char
    };
    ranges
        .map(|r| {
            let start = to_char(r.start);
            (start, to_char(r.end))
        })
        .collect()
}

/// `f(0..n)` on up to `threads` threads, in order; each thread takes the next index free.
fn parallel<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = threads.min(n);
    if threads <= 1 {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(n).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            return mine;
                        }
                        mine.push((i, f(i)));
                    }
                })
            })
            .collect();
        for w in workers {
            // `f` catches the engine's panics: a worker itself does not panic.
            for (i, t) in w.join().expect("a batch worker panicked") {
                slots[i] = Some(t);
            }
        }
    });
    slots
        .into_iter()
        .map(|t| t.expect("every index was taken"))
        .collect()
}

/// The texts of a batch: str items, or None.
fn strings(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<String>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "a batch is a list of str, not a str (use repair() or score() for one text)",
        ));
    }
    // pyarrow arrays and pandas Series give their values as a list.
    let texts = if texts.hasattr("to_pylist")? {
        texts.call_method0("to_pylist")?
    } else if texts.hasattr("tolist")? {
        texts.call_method0("tolist")?
    } else {
        texts.clone()
    };
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if missing(&item) {
            out.push(None);
            continue;
        }
        let Ok(s) = item.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "batch item {i} is {}, not str",
                item.get_type().name()?
            )));
        };
        out.push(Some(s.to_cow()?.into_owned()));
    }
    Ok(out)
}

/// A batch call: `f` on every text of `texts` on `threads` threads, without the GIL.
fn batch<T: Send>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
    kind: &str,
    errors: &str,
    f: impl Fn(&str, Kind) -> Result<T, Failure> + Sync,
) -> PyResult<Vec<Option<T>>> {
    let kind = parse_kind(kind)?;
    let raise = match errors {
        "raise" => true,
        "ignore" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be 'raise' or 'ignore', not '{other}'"
            )))
        }
    };
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let texts = strings(texts)?;
    let done = py.detach(|| {
        parallel(texts.len(), threads, |i| {
            texts[i].as_deref().map(|t| f(t, kind))
        })
    });
    done.into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            None => Ok(None),
            Some(Ok(r)) => Ok(Some(r)),
            Some(Err(Failure::Input(_))) if !raise => Ok(None),
            Some(Err(f)) => Err(f.into_err(Some(i))),
        })
        .collect()
}

/// A missing value of a column: None, a float NaN (pandas' missing string) or `pandas.NA`.
fn missing(item: &Bound<'_, PyAny>) -> bool {
    item.is_none()
        || item.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
        || item.get_type().name().is_ok_and(|n| n == "NAType")
}

fn parse_kind(kind: &str) -> PyResult<Kind> {
    match kind {
        "text" => Ok(Kind::Text),
        "html" => Ok(Kind::Html),
        "markdown" => Ok(Kind::Markdown),
        other => Err(PyValueError::new_err(format!(
            "kind must be 'text', 'html' or 'markdown', not '{other}'"
        ))),
    }
}

/// The dictionary files: None, one path, or an iterable of paths.
fn paths(dicts: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    let Some(dicts) = dicts.filter(|d| !d.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(one) = dicts.extract::<PathBuf>() {
        return Ok(vec![one]);
    }
    let mut out = Vec::new();
    for item in dicts.try_iter().map_err(|_| {
        PyTypeError::new_err("dicts must be a path or a list of paths (str or os.PathLike)")
    })? {
        let item = item?;
        out.push(item.extract::<PathBuf>().map_err(|_| {
            PyTypeError::new_err(format!(
                "dicts: {} is not a path (str or os.PathLike)",
                item.repr().map_or("an item".into(), |r| r.to_string())
            ))
        })?);
    }
    Ok(out)
}

fn load_error(e: LoadError) -> PyErr {
    match &e {
        LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(format!("dictionary: {e}"))
        }
        LoadError::Io { .. } => PyOSError::new_err(format!("dictionary: {e}")),
        _ => PyValueError::new_err(format!("dictionary: {e}")),
    }
}

/// The engine options from `Engine`'s keyword arguments: an unknown name is a TypeError (as
/// for any Python function), a value of the wrong type too, a value out of range a ValueError.
fn parse_options(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut o = Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(o);
    };
    let mut seen: Vec<&str> = Vec::new();
    for (k, v) in kwargs.iter() {
        let given: String = k.extract()?;
        let name = ALIASES
            .iter()
            .find(|(alias, _)| *alias == given)
            .map_or(given.as_str(), |(_, name)| *name);
        let Some(&name) = OPTION_NAMES.iter().find(|&&n| n == name) else {
            return Err(PyTypeError::new_err(format!(
                "Engine() got an unexpected keyword argument '{given}'; the options are: {}",
                OPTION_NAMES.join(", ")
            )));
        };
        if seen.contains(&name) {
            return Err(PyTypeError::new_err(format!(
                "Engine() got option '{name}' twice (also as '{given}')"
            )));
        }
        seen.push(name);
        match name {
            "context" => {
                o.context.mode = match choice(name, &v, &["auto", "never"])? {
                    "auto" => context::Mode::Auto,
                    _ => context::Mode::Never,
                }
            }
            "suspects" => {
                o.suspects = match choice(name, &v, &["auto", "always", "never"])? {
                    "auto" => Suspects::Auto,
                    "always" => Suspects::Always,
                    _ => Suspects::Never,
                }
            }
            "spun_threshold" => o.spun_threshold = number(name, &v)?,
            "min_fingerprints" => o.min_fingerprints = count(name, &v)?,
            "margin" => o.context.margin = number(name, &v)? as f32,
            "veto" => o.context.veto = number(name, &v)? as f32,
            "rival" => o.context.rival = number(name, &v)? as f32,
            "spin_threshold" => o.context.spin_threshold = number(name, &v)?,
            "table_threshold" => o.context.table_threshold = number(name, &v)?,
            "table_floor" => o.context.table_floor = number(name, &v)?,
            "full_detection" => o.context.full_detection = flag(name, &v)?,
            _ => unreachable!("every name of OPTION_NAMES is handled"),
        }
    }
    Ok(o)
}

fn options_dict<'py>(py: Python<'py>, o: &Options) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let c = &o.context;
    d.set_item(
        "context",
        match c.mode {
            context::Mode::Auto => "auto",
            context::Mode::Never => "never",
        },
    )?;
    d.set_item(
        "suspects",
        match o.suspects {
            Suspects::Auto => "auto",
            Suspects::Always => "always",
            Suspects::Never => "never",
        },
    )?;
    d.set_item("spun_threshold", o.spun_threshold)?;
    d.set_item("min_fingerprints", o.min_fingerprints)?;
    d.set_item("margin", widen(c.margin))?;
    d.set_item("veto", widen(c.veto))?;
    d.set_item("rival", widen(c.rival))?;
    d.set_item("spin_threshold", c.spin_threshold)?;
    d.set_item("table_threshold", c.table_threshold)?;
    d.set_item("table_floor", c.table_floor)?;
    d.set_item("full_detection", c.full_detection)?;
    Ok(d)
}

/// An f32 option as the f64 it was given as (0.3, not 0.30000001192092896): its shortest
/// decimal form, read back.
fn widen(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(x as f64)
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map_or_else(|_| "?".into(), |n| n.to_string())
}

fn choice<'a>(name: &str, v: &Bound<'_, PyAny>, allowed: &[&'a str]) -> PyResult<&'a str> {
    let Ok(s) = v.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "option '{name}' must be a str, not {}",
            type_name(v)
        )));
    };
    let s = s.to_cow()?;
    allowed.iter().copied().find(|a| *a == s).ok_or_else(|| {
        PyValueError::new_err(format!(
            "option '{name}' must be one of {}, not '{s}'",
            allowed
                .iter()
                .map(|a| format!("'{a}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

fn number(name: &str, v: &Bound<'_, PyAny>) -> PyResult<f64> {
    if v.is_instance_of::<PyBool>()
        || !(v.is_instance_of::<PyFloat>() || v.is_instance_of::<PyInt>())
    {
        return Err(PyTypeError::new_err(format!(
            "option '{name}' must be a number, not {}",
            type_name(v)
        )));
    }
    let x: f64 = v.extract()?;
    if !x.is_finite() {
        return Err(PyValueError::new_err(format!(
            "option '{name}' must be a finite number, not {x}"
        )));
    }
    Ok(x)
}

fn count(name: &str, v: &Bound<'_, PyAny>) -> PyResult<usize> {
    if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "option '{name}' must be an int, not {}",
            type_name(v)
        )));
    }
    v.extract::<usize>()
        .map_err(|_| PyValueError::new_err(format!("option '{name}' must be 0 or more, not {v}")))
}

fn flag(name: &str, v: &Bound<'_, PyAny>) -> PyResult<bool> {
    v.cast::<PyBool>().map(|b| b.is_true()).map_err(|_| {
        PyTypeError::new_err(format!(
            "option '{name}' must be True or False, not {}",
            type_name(v)
        ))
    })
}

#[pymodule]
fn _unspin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEngine>()?;
    m.add_class::<PyRepair>()?;
    m.add_class::<PyEdit>()?;
    m.add_class::<PySpin>()?;
    m.add_class::<PyScore>()?;
    m.add_function(wrap_pyfunction!(_rebuild, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
