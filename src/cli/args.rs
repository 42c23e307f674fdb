//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const EXIT_CODES: &str = "\
Exit codes:
  0  nothing to repair, or repairs printed or written
  1  repairs found with --check (dict check: problems found)
  2  error: bad arguments, a dictionary that does not load, a file that cannot be read or
     written, or a named file that is binary or not UTF-8
130  interrupted (Ctrl-C or SIGTERM) while writing; every file is entirely old or new; or -i
     ended by q or Ctrl-C";

#[derive(Parser, Debug)]
#[command(
    name = "unspin",
    version,
    about = "Repairs text scrambled by article spinners, and shows what it changed and why",
    long_about = "Repairs text scrambled by article spinners (\"mental property\" -> \"intellectual \
property\"), and shows exactly what it changed and why. With no PATH, or PATH '-', it filters \
standard input to standard output.",
    after_help = EXIT_CODES,
    // A later value overrides an earlier one, so the command line overrides a config file's
    // settings, which are put before it.
    args_override_self = true,
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Args, Debug, Clone)]
pub struct RunArgs {
    /// Files or folders to repair; none, or '-', reads standard input
    pub paths: Vec<PathBuf>,

    /// Rewrite files in place (atomically), saying what changed
    #[arg(short = 'w', long, conflicts_with = "check")]
    pub write: bool,

    /// Show what would change: a unified diff (git apply / patch -p1 accept it), or 'words' for
    /// each changed line with the replaced words marked
    #[arg(long, value_enum, num_args = 0..=1, require_equals = true, default_missing_value = "unified")]
    pub diff: Option<DiffStyle>,

    /// Change nothing; exit 1 if any repair would be made
    #[arg(long)]
    pub check: bool,

    /// Print JSON Lines: one object per edit and one per file (schema in the README)
    #[arg(long, conflicts_with = "diff")]
    pub json: bool,

    /// Report edits for CI: 'sarif' (one SARIF 2.1.0 log, for code scanning), 'github'
    /// (workflow annotations), or 'json' (as --json)
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["json", "diff"])]
    pub format: Option<Format>,

    /// List every edit with its rule and reason (on stderr), clean files too; reasons in full
    #[arg(short, long)]
    pub verbose: bool,

    /// Print only problems, and with --check the files that need repair
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// How much of each edit's reason to print: the rule and one phrase (default; 'full' with
    /// -v), everything, or nothing. JSON always has the full reason
    #[arg(long, value_enum, value_name = "HOW")]
    pub explain: Option<ExplainChoice>,

    /// Lines of context around each hunk of --diff
    #[arg(short = 'U', long = "unified", value_name = "N", default_value_t = 3)]
    pub unified: usize,

    /// When to colour output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(flatten)]
    pub dicts: DictArgs,

    #[command(flatten)]
    pub engine: EngineArgs,

    /// Leave files whose spin score (fingerprints per 1,000 words) is below SCORE untouched
    #[arg(long, value_name = "SCORE", value_parser = finite::<f64>)]
    pub min_score: Option<f64>,

    /// Review each change on the terminal (y/n/a/d/A/R/X/e/u/v/q, ? for help); each file is
    /// written once, atomically, when its review ends
    #[arg(short, long, conflicts_with_all = ["write", "check", "json", "diff", "format"])]
    pub interactive: bool,

    /// Read JSON Lines (files or standard input) and repair the string member FIELD of each
    /// record; every record is written back with the field repaired and an "unspin" member
    /// listing the edits
    #[arg(long, value_name = "FIELD", conflicts_with_all = ["write", "diff", "json", "format", "interactive", "min_score"])]
    pub jsonl_field: Option<String>,

    /// With --jsonl-field, what becomes of a line that is not a JSON object with a string
    /// FIELD: written out unchanged, dropped, or the run stops with an error
    #[arg(long, value_enum, value_name = "HOW", default_value_t = BadLines::Keep, requires = "jsonl_field")]
    pub bad_lines: BadLines,

    #[command(flatten)]
    pub batch: BatchArgs,

    /// With --write, keep each original as FILE + SUFFIX (e.g. '.orig')
    #[arg(long, value_name = "SUFFIX", requires = "write", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub backup: Option<String>,

    /// Also work on the paths listed in FILE, one a line ('-': read the list from standard
    /// input)
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// The --files-from list is NUL-separated (git ls-files -z, find -print0)
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,

    /// Read settings from FILE (unspin.toml, or pyproject.toml's [tool.unspin]) instead of the
    /// one found in or above the paths' folders
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Read no config file
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
}

/// Folders and parallel runs (`scan` takes them too).
#[derive(Args, Debug, Clone)]
pub struct BatchArgs {
    /// In folders, only take files matching GLOB (relative to the folder; repeatable)
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Leave out paths matching GLOB, named ones too (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// In folders, also take hidden files and folders
    #[arg(long)]
    pub hidden: bool,

    /// Follow symbolic links; a link is still never replaced, only its target when that lies
    /// inside the given paths
    #[arg(long)]
    pub follow: bool,

    /// Walk folders in name order (output follows the walk), so runs are reproducible
    #[arg(long)]
    pub sort: bool,

    /// Files worked on at once (default: one per core)
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// How files are written: by extension (.html/.htm, .md), or this for all
    #[arg(long = "type", value_enum, default_value_t = FileType::Auto)]
    pub file_type: FileType,

    /// Skip files larger than this (bytes, or with K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_size: u64,

    /// Read files that declare no encoding (no byte order mark, no HTML <meta charset>) as
    /// LABEL, e.g. windows-1252, latin1, shift_jis (default UTF-8); repairs are written back in
    /// the file's encoding
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Lines a run's files repeat (a site's navigation, footer, notices): `skip` leaves them
    /// alone and out of each file's spin verdict; `include` reads them like the rest
    #[arg(long, value_enum, value_name = "HOW", default_value_t = Boilerplate::Skip)]
    pub boilerplate: Boilerplate,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadLines {
    Keep,
    Drop,
    Error,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boilerplate {
    Skip,
    Include,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Auto,
    Text,
    Html,
    Markdown,
}

/// A number that is one: NaN or an infinity would compare false (or true) with everything and
/// silently turn a threshold off.
fn finite<T: std::str::FromStr + Into<f64> + Copy>(s: &str) -> Result<T, String> {
    match s.trim().parse::<T>() {
        Ok(x) if x.into().is_finite() => Ok(x),
        _ => Err(format!("not a finite number: {s:?}")),
    }
}

/// A share, from 0 to 1.
fn share(s: &str) -> Result<f64, String> {
    finite::<f64>(s)
        .ok()
        .filter(|x| (0.0..=1.0).contains(x))
        .ok_or_else(|| format!("not a share from 0 to 1: {s:?}"))
}

/// `123`, `64K`, `64M`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("unknown size unit in {s:?} (use K, M or G)")),
    };
    let n: u64 = digits.parse().map_err(|_| format!("not a size: {s:?}"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("size too large: {s:?}"))
}

/// An encoding by any label browsers know (`latin1`, `cp1252`, `sjis`, ...).
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.as_bytes())
        .ok_or_else(|| format!("unknown encoding {label:?} (a WHATWG label, e.g. windows-1252)"))
}

#[derive(Args, Debug, Clone)]
pub struct DictArgs {
    /// Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones
    #[arg(long = "dict", value_name = "FILE", global = true)]
    pub dict: Vec<PathBuf>,

    /// Do not use the built-in dictionaries
    #[arg(long, global = true)]
    pub no_builtin: bool,
}

#[derive(Args, Debug, Clone)]
pub struct EngineArgs {
    /// When to repair suspects (real English the spinner also produces): 'auto' only in
    /// documents the context model judges spun (or whose fingerprints reach --spun-threshold),
    /// and only where the model prefers the repair
    #[arg(long, value_enum, default_value_t = SuspectChoice::Auto)]
    pub suspects: SuspectChoice,

    /// Fingerprints per 1,000 words from which a document counts as spun, whatever the model
    /// says (with --context never, the only rule)
    #[arg(long, default_value_t = 2.0, value_name = "SCORE", value_parser = finite::<f64>)]
    pub spun_threshold: f64,

    /// The context model: 'auto' detects spun documents and judges each repair in its
    /// sentence; 'never' leaves the dictionary and the fingerprint score alone to decide
    #[arg(long, value_enum, default_value_t = ContextChoice::Auto)]
    pub context: ContextChoice,

    /// Nats by which the model must prefer a suspect's repair to the text as written
    #[arg(long, default_value_t = unspin::engine::context::Options::default().margin, value_name = "NATS", allow_negative_numbers = true, value_parser = finite::<f32>)]
    pub context_margin: f32,

    /// Nats by which the model must prefer the text as written to refuse a fingerprint
    #[arg(long, default_value_t = unspin::engine::context::Options::default().veto, value_name = "NATS", value_parser = finite::<f32>)]
    pub context_veto: f32,

    /// Nats by which the model must prefer a suspect's repair to each other original its entry
    /// lists (it must tell which one the writer used)
    #[arg(long, default_value_t = unspin::engine::context::Options::default().rival, value_name = "NATS", value_parser = finite::<f32>)]
    pub context_rival: f32,

    /// Spin estimate (percent of content words with a far likelier synonym) from which the
    /// model counts a document as spun
    #[arg(long, default_value_t = unspin::engine::context::Options::default().spin_threshold, value_name = "PERCENT", value_parser = finite::<f64>)]
    pub spin_threshold: f64,

    /// Suspect entries the model strongly prefers, per 1,000 words, from which it counts a
    /// document as spun
    #[arg(long, default_value_t = unspin::engine::context::Options::default().table_threshold, value_name = "PER_1000", value_parser = finite::<f64>)]
    pub table_threshold: f64,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextChoice {
    Auto,
    Never,
}

impl EngineArgs {
    pub fn options(&self) -> unspin::engine::Options {
        use unspin::engine::{Options, Suspects};
        Options {
            suspects: match self.suspects {
                SuspectChoice::Auto => Suspects::Auto,
                SuspectChoice::Always => Suspects::Always,
                SuspectChoice::Never => Suspects::Never,
            },
            spun_threshold: self.spun_threshold,
            context: unspin::engine::context::Options {
                mode: match self.context {
                    ContextChoice::Auto => unspin::engine::context::Mode::Auto,
                    ContextChoice::Never => unspin::engine::context::Mode::Never,
                },
                margin: self.context_margin,
                veto: self.context_veto,
                rival: self.context_rival,
                spin_threshold: self.spin_threshold,
                table_threshold: self.table_threshold,
                ..Default::default()
            },
            ..Options::default()
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List files by spin score (fingerprints per 1,000 words), most spun first: the triage
    /// view of a scraped folder. Takes the folder options of a repair run (-j, --glob, ...);
    /// engine options (--suspects, --context, ...) stand before `scan`
    Scan(ScanArgs),
    /// Check, look up and compile dictionaries
    #[command(subcommand)]
    Dict(DictCommand),
    /// Measure repair quality: repair spun texts and compare them with their originals
    Eval(EvalArgs),
    /// Learn candidate dictionary entries from spun texts and the originals they were made from
    Learn(LearnArgs),
    /// Apply edits exported with --json, atomically per file
    ///
    /// Applies exactly the edit records in EDITS (filtered or edited since the export), grouped
    /// per file; other records are passed over. Refuses, per file, any file whose content changed
    /// since the export (sha256), any edit whose bytes no longer hold its `from`, and overlapping
    /// edits. Writes only below the current folder (or --root): absolute paths, `..` and
    /// symbolic links are refused. Exit 0 if everything was applied, 2 if anything was refused
    /// or failed
    Apply {
        /// JSON Lines from `unspin --json`; '-' reads standard input
        edits: PathBuf,
        /// The folder the edits' paths are relative to, and the only one written in
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The encoding of files that declare none, as given to the run that exported the
        /// edits: a file is read as that run read it, and written back in its own encoding
        #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
        encoding: Option<&'static encoding_rs::Encoding>,
    },
    /// Show the settings a run on PATH would use (config file, command line, defaults) and
    /// where each came from, as TOML
    Config {
        /// Where the run would start (default: the current folder)
        paths: Vec<PathBuf>,
    },
    /// Print a shell completion script, e.g. `unspin completions bash >
    /// /usr/share/bash-completion/completions/unspin`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `unspin man > unspin.1`
    Man,
}

#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// Check dictionaries (default: the built-in set): duplicates, empty sides, self-mappings,
    /// chains and keys that can never match, each with file, line and column. Exit 1 on problems
    Check {
        /// YAML dictionaries, checked together as one set
        files: Vec<PathBuf>,
        /// Also check every entry beside the others: a replacement that, next to another key's
        /// words or conditions, a second run would change again (slower; the built-in set does
        /// not pass it yet)
        #[arg(long)]
        crossings: bool,
    },
    /// What does unspin do with PHRASE? Exact match, or every key starting with it
    Lookup {
        phrase: String,
        /// List every key that starts with PHRASE
        #[arg(long)]
        prefix: bool,
    },
    /// Compile the dictionaries in use (built-in and --dict) into one file that loads fast
    Compile {
        /// Where to write the compiled dictionary
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Convert an existing list (tortured phrases, codespell, TSV) into a dictionary; problems
    /// go to stderr with their line numbers
    Import {
        /// What FILE is: pps (Problematic Paper Screener tortured-phrases CSV), torturedcheck
        /// (its JSON list), codespell (`typo->fix`), tsv (`spun<TAB>original`)
        #[arg(long, value_enum)]
        format: ImportFormat,
        /// The list to import
        file: PathBuf,
        /// Write the dictionary here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Sarif,
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffStyle {
    Unified,
    Words,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainChoice {
    Short,
    Full,
    None,
}

impl RunArgs {
    /// The reasons to print: as asked, else in full with -v and short otherwise.
    pub fn detail(&self) -> unspin::print::explain::Detail {
        use unspin::print::explain::Detail;
        match self.explain {
            Some(ExplainChoice::Short) => Detail::Short,
            Some(ExplainChoice::Full) => Detail::Full,
            Some(ExplainChoice::None) => Detail::None,
            None if self.verbose => Detail::Full,
            None => Detail::Short,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuspectChoice {
    Auto,
    Always,
    Never,
}

/// One spun text and its original, or a folder of `NAME.original.txt` / `NAME.spun.txt` pairs.
#[derive(Args, Debug)]
pub struct PairArgs {
    /// Folder of NAME.original.txt / NAME.spun.txt pairs
    #[arg(conflicts_with_all = ["original", "spun"], required_unless_present = "original")]
    pub dir: Option<PathBuf>,
    /// The original text
    #[arg(long, requires = "spun")]
    pub original: Option<PathBuf>,
    /// The spun text made from it
    #[arg(long, requires = "original")]
    pub spun: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(flatten)]
    pub pairs: PairArgs,
    /// Print the figures as one JSON object
    #[arg(long)]
    pub json: bool,
    /// List every edit (correct or wrong, with its rule) and every missed spin
    #[arg(short, long)]
    pub verbose: bool,
    /// Also add up the edits of each rule over all pairs (correct, wrong, wrong in clean
    /// words), the rules with wrong edits first: which entries cost more than they repair
    #[arg(long)]
    pub by_rule: bool,
    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Args, Debug)]
pub struct LearnArgs {
    #[command(flatten)]
    pub pairs: PairArgs,
    /// Write the candidate dictionary here instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Show only candidates these dictionaries do not already cover (with --unpaired: whose
    /// spun word is not already a key of theirs)
    #[arg(long, value_name = "DICT", num_args = 1..)]
    pub against: Vec<PathBuf>,
    /// Leave out candidates whose spun phrase stood for their replacement at fewer than this
    /// share of its occurrences in the spun texts (0 keeps every candidate)
    #[arg(long, default_value_t = 0.5, value_name = "SHARE", value_parser = share)]
    pub min_consistency: f64,
    /// DIR holds spun texts without originals (*.txt): propose entries where the context
    /// model finds a thesaurus neighbour far likelier than the word written, consistently
    /// across documents
    #[arg(long, conflicts_with_all = ["original", "spun"])]
    pub unpaired: bool,
    /// Leave out candidates seen fewer times than this (a spinner's habit recurs)
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
    /// Make every candidate a suspect (judged in context by the model), whatever class its
    /// evidence suggests: for a table shipped without a curator's review of each entry
    #[arg(long)]
    pub suspects_only: bool,
    /// With --unpaired: documents a guess must recur in
    #[arg(long, default_value_t = unspin::curate::unpaired::Options::default().min_docs, requires = "unpaired")]
    pub min_docs: usize,
    /// Leave out candidates whose spun phrase FILE lists, one per line (`#` starts a comment):
    /// swaps a curator rejected, having seen the phrase stand for another original elsewhere
    #[arg(long, value_name = "FILE", conflicts_with = "unpaired")]
    pub reject: Vec<PathBuf>,
    /// Also repair the spun texts of DIR that have no original (*.txt) with the candidates, as
    /// unspin would with them shipped, and tell for each the texts where it repaired (a habit
    /// recurs on other sites, a swap of one article's does not); those seen most come first
    #[arg(long, value_name = "DIR", conflicts_with = "unpaired")]
    pub seen_in: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Pps,
    Torturedcheck,
    Codespell,
    Tsv,
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    /// Files or folders to score (folders are walked as in a repair run)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// One JSON object per file, most spun first
    #[arg(long)]
    pub json: bool,

    /// Also list the files skipped (binary, undecodable, too large, links) on stderr
    #[arg(short, long)]
    pub verbose: bool,

    /// The folder options of a repair run (they may also stand before `scan`)
    #[command(flatten)]
    pub batch: BatchArgs,
}
