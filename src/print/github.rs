//! GitHub Actions workflow commands (`--format github`): one `::warning` annotation per edit,
//! which a workflow run shows beside the file and line, and `::error` for a file unspin could
//! not read. Columns are in characters, as in every other output; `endColumn` is the column
//! after the phrase (and `endLine` is given when the phrase runs over a line break).

use crate::edit::{Edit, LineIndex};
use crate::print::explain::{self, Detail};

/// The annotation for `e` (edits come sorted) found in `text`, the file shown as `path`
/// (written as a property by [`file()`]); the reason in parentheses at `detail`.
pub fn annotation(file: &str, text: &str, index: &LineIndex, e: &Edit, detail: Detail) -> String {
    let (line, col) = index.position(text, e.range.start);
    let (end_line, end_col) = index.position(text, e.range.end);
    let end_line = if end_line == line {
        String::new()
    } else {
        format!(",endLine={end_line}")
    };
    let mut message = format!("{:?} -> {:?}", e.from, e.to);
    if let Some(reason) = explain::reason(e, detail) {
        message.push_str(&format!(" ({reason})"));
    }
    format!(
        "::warning file={file},line={line},col={col}{end_line},endColumn={end_col},\
         title=unspin::{}\n",
        data(&message)
    )
}

/// The file shown as `path`, as an annotation names it.
pub fn file(path: &str) -> String {
    property(path)
}

/// An error about the file shown as `path`.
pub fn error(path: &str, message: &str) -> String {
    format!(
        "::error file={},title=unspin::{}\n",
        property(path),
        data(message)
    )
}

/// A command's message: `%`, CR and LF escaped, as the Actions runner reads them back.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` too, which end a property.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_reads() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a:b,c%\n.txt"), "a%3Ab%2Cc%25%0A.txt");
        assert_eq!(
            error("x,y.txt", "not UTF-8: 100%"),
            "::error file=x%2Cy.txt,title=unspin::not UTF-8: 100%25\n"
        );
    }
}
