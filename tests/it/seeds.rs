//! The seed articles: the spun Engadget mirror is visibly repaired; the four clean articles on
//! the same story come out byte-identical.

use assert_cmd::Command;
use std::fs;

const SPUN: &str = "fixtures/seeds/003_3d775348fe8cc8f0.txt";
const CLEAN: [&str; 4] = [
    "fixtures/seeds/000_0bee43191537417c.txt",
    "fixtures/seeds/001_c67f2317cc321f76.txt",
    "fixtures/seeds/002_90ec1c7b3b2bab42.txt",
    "fixtures/seeds/004_c6e59630acf81a66.txt",
];

fn unspin() -> Command {
    Command::cargo_bin("unspin").unwrap()
}

#[test]
fn clean_seeds_come_out_byte_identical() {
    for path in CLEAN {
        let out = unspin().arg(path).assert().success().get_output().clone();
        assert_eq!(out.stdout, fs::read(path).unwrap(), "{path} changed");
        unspin().args(["--check", path]).assert().code(0);
    }
}

#[test]
fn the_spun_seed_loses_its_fingerprints() {
    let out = unspin().arg(SPUN).assert().success().get_output().clone();
    let repaired = String::from_utf8(out.stdout).unwrap();
    for fingerprint in [
        "Chinese language President",
        "mental property",
        "secrets and techniques",
        "our on-line world",
        "as soon as once more",
        "Workplace of Personnel Administration",
        "Sponsored Content material",
        " yr.",
    ] {
        assert!(
            fs::read_to_string(SPUN).unwrap().contains(fingerprint),
            "fixture lacks {fingerprint:?}"
        );
        assert!(!repaired.contains(fingerprint), "{fingerprint:?} survived");
    }
    for original in [
        "Chinese President",
        "intellectual property",
        "cyberspace",
        "Office of Personnel Management",
    ] {
        assert!(repaired.contains(original), "{original:?} missing");
    }
    unspin().args(["--check", SPUN]).assert().code(1);
}

#[test]
fn a_second_run_over_the_repaired_seed_changes_nothing() {
    let once = unspin()
        .arg(SPUN)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    unspin().arg("--check").write_stdin(once).assert().code(0);
}

/// A scraped site's page around an article: navigation, a sidebar listing every article,
/// scripts, a style sheet, a footer, and the article's own paragraphs written with character
/// references (`&amp;`, `&rsquo;`, `&nbsp;`, `&mdash;`), as pages are.
fn page(article: &str, titles: &[String]) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\u{2019}', "&rsquo;")
            .replace('\u{2014}', "&mdash;")
            .replace(". ", ".&nbsp; ")
    };
    let mut paragraphs = article
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let title = paragraphs.next().unwrap_or("");
    let body: String = paragraphs
        .map(|p| format!("      <p>{}</p>\n", escape(p).replace('\n', "<br>\n")))
        .collect();
    let sidebar: String = titles
        .iter()
        .map(|t| {
            format!(
                "      <li><a href=\"/story/{}\">{}</a></li>\n",
                t.len(),
                escape(t)
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <title>{title} &mdash; World &amp; Business News</title>\n  \
         <style>nav a {{ margin: 0 1em; }} .ad::before {{ content: \"Sponsored\"; }}</style>\n  \
         <script>window.dataLayer = [{{\"section\": \"world & business\", \"tags\": [\"cyber security\", \"trade secrets\"]}}];</script>\n\
         </head>\n<body>\n  <nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | \
         <a href=\"/business\">Business</a> | <a href=\"/tech\">Science &amp; Technology</a> | \
         <a href=\"/opinion\">Opinion</a> | <a href=\"/subscribe\">Subscribe &raquo;</a></nav>\n  \
         <main>\n    <article>\n      <h1>{title}</h1>\n      \
         <p class=\"byline\">By Staff Writers &middot; Updated&nbsp;daily</p>\n{body}    </article>\n    \
         <aside>\n      <h2>Related stories</h2>\n      <ul>\n{sidebar}      </ul>\n      \
         <p>Sign up for our newsletter &amp; get the day&rsquo;s top stories in your inbox.</p>\n    \
         </aside>\n  </main>\n  <footer>\n    <p>&copy; 2015 World &amp; Business News. All rights \
         reserved. <a href=\"/privacy\">Privacy Policy</a> | <a href=\"/terms\">Terms of \
         Service</a> | <a href=\"/contact\">Contact us</a></p>\n    <p>Stories are \
         provided for information only and do not constitute legal advice.</p>\n  </footer>\n  \
         <script src=\"/js/analytics.js\"></script>\n</body>\n</html>\n",
        title = escape(title),
    )
}

#[test]
fn clean_seeds_in_a_site_template_come_out_byte_identical() {
    let articles: Vec<String> = CLEAN
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let titles: Vec<String> = articles
        .iter()
        .map(|a| a.lines().find(|l| l.len() > 20).unwrap_or("").to_string())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    // Several pages per article, as a scraped folder has them: the template repeats.
    for (i, article) in articles.iter().enumerate() {
        for copy in 0..3 {
            let path = dir.path().join(format!("clean-{i}-{copy:02}.html"));
            fs::write(path, page(article, &titles)).unwrap();
        }
    }
    let out = unspin()
        .args(["--check", "-v", "--sort"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for entry in fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let before = fs::read(&path).unwrap();
        let out = unspin().arg(&path).output().unwrap();
        assert_eq!(out.stdout, before, "{} changed", path.display());
    }
}

/// Issue 11, item 1: a spun promotion repeated in every page's sidebar made each clean page
/// "spun", and then the articles' own English was "repaired" ("forestall" -> "prevent",
/// "within the" -> "in the"). Lines the run's files repeat are the site's, not the article's.
#[test]
fn a_spun_sidebar_repeated_on_every_page_neither_decides_nor_is_repaired() {
    let spun = fs::read_to_string(SPUN).unwrap();
    let promo: String = spun
        .split("\n\n")
        .map(str::trim)
        .filter(|p| p.len() > 200)
        .take(3)
        .map(|p| format!("<p class=\"promo\">{}</p>\n", p.replace('&', "&amp;")))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    for (i, path) in CLEAN.iter().enumerate() {
        let body: String = fs::read_to_string(path)
            .unwrap()
            .split("\n\n")
            .map(|p| format!("<p>{}</p>\n", p.trim().replace('&', "&amp;")))
            .collect();
        let page = format!(
            "<html><body><article>\n{body}</article><aside>\n{promo}</aside></body></html>\n"
        );
        fs::write(dir.path().join(format!("{i}.html")), page).unwrap();
    }
    // Edits inside the articles, with the sidebar read or left out.
    let article_edits = |boilerplate: &str| -> usize {
        let out = unspin()
            .args(["--json", "--boilerplate", boilerplate])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|r| r["type"] == "edit")
            .filter(|r| {
                let page = fs::read_to_string(r["path"].as_str().unwrap()).unwrap();
                r["start"].as_u64().unwrap() < page.find("</article>").unwrap() as u64
            })
            .count()
    };
    // Read like the rest of the page, the sidebar makes every page spun and the articles'
    // English is changed (so the test can fail).
    assert!(article_edits("include") > 0);
    // By default the repeated sidebar is left out: the articles are judged on their own.
    assert_eq!(article_edits("skip"), 0);
    let out = unspin()
        .args(["--check", "-v"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // -v says what was left out, as the README promises.
    assert!(
        err.contains("site template: 3 lines repeated across the 4 files"),
        "{err}"
    );
}
