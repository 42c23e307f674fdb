//! A site's template: the lines of prose that recur across the pages of one run (navigation,
//! footers, cookie notices, a sidebar). They are the site's, not the article's: a spun phrase in
//! a footer would make every page of the site look spun, and a clean page would then have its
//! own English "repaired". So template lines are left out of the prose a page is judged and
//! repaired by. A survey counts, for every line, how many files contain it; a line is template
//! once it is in at least [`MIN_FILES`] files and in a tenth of them. A page whose repeated
//! lines are most of its prose is not a page of a site but a copy of an article (a mirror, a
//! syndicated story): nothing of it is cut, or no copy would ever be repaired.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// Files a line must be in before it can be template: twice may be a quotation or a mirror.
pub const MIN_FILES: u32 = 3;

/// How many files each line of prose is in.
#[derive(Debug, Default)]
pub struct Template {
    counts: HashMap<u64, u32>,
    files: u32,
}

impl Template {
    /// Counts the lines of one more file: `text` with its prose `ranges` (`None`: all prose).
    pub fn add(&mut self, text: &str, ranges: Option<&[Range<usize>]>) {
        let distinct: HashSet<u64> = lines(text, ranges).map(|(_, h)| h).collect();
        for h in distinct {
            *self.counts.entry(h).or_default() += 1;
        }
        self.files += 1;
    }

    /// Adds up the counts of another survey (of other files).
    pub fn merge(&mut self, other: Template) {
        for (h, n) in other.counts {
            *self.counts.entry(h).or_default() += n;
        }
        self.files += other.files;
    }

    fn is_template(&self, hash: u64) -> bool {
        let min = MIN_FILES.max(self.files.div_ceil(10));
        self.counts.get(&hash).is_some_and(|&n| n >= min)
    }

    /// Lines of template in the survey.
    pub fn lines(&self) -> usize {
        self.counts.keys().filter(|&&h| self.is_template(h)).count()
    }

    /// The prose `ranges` of `text` (`None`: all of it) less its template lines; `None` when
    /// nothing was cut, so the caller keeps its cheaper path.
    pub fn cut(&self, text: &str, ranges: Option<&[Range<usize>]>) -> Option<Vec<Range<usize>>> {
        let mut prose = 0;
        let holes: Vec<Range<usize>> = lines(text, ranges)
            .inspect(|(r, _)| prose += r.len())
            .filter(|&(_, h)| self.is_template(h))
            .map(|(r, _)| r)
            .collect();
        let repeated: usize = holes.iter().map(Range::len).sum();
        if holes.is_empty() || 2 * repeated > prose {
            return None;
        }
        let all = ranges.map_or_else(|| std::iter::once(0..text.len()).collect(), <[_]>::to_vec);
        Some(super::cut(all, &holes))
    }
}

/// Each line of prose (a prose range cut at line ends), trimmed, with the hash of its words:
/// the same line indented or wrapped differently is the same line. Lines without a letter are
/// left out: a lone date or separator says nothing of a template.
fn lines<'a>(
    text: &'a str,
    ranges: Option<&'a [Range<usize>]>,
) -> impl Iterator<Item = (Range<usize>, u64)> + 'a {
    let ranges: Vec<Range<usize>> = match ranges {
        Some(ranges) => ranges.to_vec(),
        None => std::iter::once(0..text.len()).collect(),
    };
    ranges.into_iter().flat_map(move |r| {
        let mut at = r.start;
        text[r.clone()]
            .split_inclusive('\n')
            .filter_map(move |line| {
                let start = at;
                at += line.len();
                let trimmed = line.trim();
                if !trimmed.chars().any(char::is_alphabetic) {
                    return None;
                }
                let lead = line.len() - line.trim_start().len();
                let mut h = DefaultHasher::new();
                for word in trimmed.split_whitespace() {
                    word.hash(&mut h);
                }
                Some((start + lead..start + lead + trimmed.len(), h.finish()))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAV: &str = "Home | News | Contact us\n";

    fn site(bodies: &[&str]) -> Template {
        let mut t = Template::default();
        for body in bodies {
            t.add(&format!("{NAV}{body}\n"), None);
        }
        t
    }

    #[test]
    fn a_line_in_every_page_is_cut_and_the_article_is_kept() {
        let story = "One article, longer than the navigation around it.";
        let t = site(&[story, "Another one.", "A third."]);
        assert_eq!(t.lines(), 1);
        let page = format!("{NAV}{story}\n");
        let kept = t.cut(&page, None).expect("the navigation is cut");
        let kept: Vec<&str> = kept.iter().map(|r| &page[r.clone()]).collect();
        assert_eq!(kept.concat().trim(), story);
    }

    #[test]
    fn twice_is_not_a_template() {
        let t = site(&["One article.", "Another one."]);
        assert_eq!(t.lines(), 0);
        assert!(t.cut(&format!("{NAV}One article.\n"), None).is_none());
    }

    #[test]
    fn a_line_in_few_of_many_files_is_not_template() {
        // In 3 files of 40: a quotation shared by a few articles, not the site's template.
        let mut t = Template::default();
        for i in 0..40 {
            let quote = if i < 3 { "A shared quotation.\n" } else { "" };
            t.add(&format!("{quote}Article number {i}.\n"), None);
        }
        assert_eq!(t.lines(), 0);
    }

    #[test]
    fn only_prose_ranges_are_read_and_cut() {
        let mut t = Template::default();
        for body in ["First story", "Second one", "Third news"] {
            let page = format!("<nav>Home</nav><p>{body}</p>");
            t.add(&page, Some(&[5..9, 18..18 + body.len()]));
        }
        let page = "<nav>Home</nav><p>Other news</p>";
        assert_eq!(
            t.cut(page, Some(&[5..9, 18..28])),
            Some(std::iter::once(18..28).collect())
        );
    }

    #[test]
    fn copies_of_one_article_are_not_a_template() {
        // The same story on three pages with a line of navigation: all of it repeats, so
        // none of it is cut (the copies are still repaired).
        let t = site(&["The same story.", "The same story.", "The same story."]);
        assert_eq!(t.lines(), 2);
        assert!(t.cut(&format!("{NAV}The same story.\n"), None).is_none());
    }

    #[test]
    fn surveys_merge() {
        let (mut a, mut b) = (Template::default(), Template::default());
        a.add(NAV, None);
        a.add(NAV, None);
        b.add(NAV, None);
        a.merge(b);
        assert_eq!(a.lines(), 1);
    }
}
