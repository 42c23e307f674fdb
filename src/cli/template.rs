//! The survey before a folder run: every file's prose lines counted, so that the lines a site
//! repeats on every page (`unspin::prose::template`) are left out of each page's repair. It
//! reads the files once more than the run would, in parallel, holding one line hash per
//! distinct line; it is skipped when fewer than three files are named or found.

use super::args::{Boilerplate, RunArgs};
use super::one;
use super::setup;
use rayon::prelude::*;
use std::path::PathBuf;
use unspin::fs::read;
use unspin::fs::roots::Roots;
use unspin::fs::walk::{self, Found};
use unspin::prose::template::{Template, MIN_FILES};
use unspin::prose::Kind;

/// The template of the files `args` names, or None when there is nothing to survey.
pub fn survey(args: &RunArgs) -> Option<Template> {
    if args.batch.boilerplate == Boilerplate::Include {
        return None;
    }
    let mut files: Vec<PathBuf> = Vec::new();
    // Walk errors are reported by the run itself.
    let _ = walk::walk(&args.paths, &setup::walk_options(args), |found| {
        if let Found::File { path, .. } = found {
            files.push(path);
        }
        true
    });
    survey_files(args, &files)
}

/// The template of `files`, walked already from the paths `args` names.
pub fn survey_files(args: &RunArgs, files: &[PathBuf]) -> Option<Template> {
    if args.batch.boilerplate == Boilerplate::Include || files.len() < MIN_FILES as usize {
        return None;
    }
    let roots = Roots::new(&args.paths);
    let count = |mut template: Template, path: &PathBuf| {
        let kind = one::kind_of(args, Some(path));
        let bytes = one::read(roots.open(path, args.batch.follow), args.batch.max_size);
        let text = bytes
            .ok()
            .and_then(|b| read::decode(b, kind == Kind::Html, args.batch.encoding).ok());
        if let Some(read::Decoded { text, .. }) = text {
            if let Ok(ranges) = unspin::prose::ranges(kind, &text) {
                template.add(&text, ranges.as_deref());
            }
        }
        template
    };
    let survey = || {
        files
            .par_iter()
            .fold(Template::default, count)
            .reduce(Template::default, |mut a, b| {
                a.merge(b);
                a
            })
    };
    let template = match rayon::ThreadPoolBuilder::new()
        .num_threads(setup::jobs(args))
        .build()
    {
        Ok(pool) => pool.install(survey),
        Err(_) => survey(),
    };
    if args.verbose && template.lines() > 0 {
        eprintln!(
            "site template: {} lines repeated across the {} files, left alone (--boilerplate include to repair them)",
            template.lines(),
            files.len()
        );
    }
    (template.lines() > 0).then_some(template)
}
