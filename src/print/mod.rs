//! Everything unspin prints about a repair: explanations, diffs, JSON records, SARIF logs and
//! GitHub annotations. Printers take
//! the engine's [`crate::Edit`]s and return text; they know neither files nor terminals, so the
//! caller decides where output goes (and batch runs can buffer a file's output whole).

pub mod diff;
pub mod explain;
pub mod github;
pub mod json;
pub mod sarif;
pub mod summary;

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub(crate) fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}
