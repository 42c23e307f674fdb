//! The settings a config file may hold: the long flags of a repair run that describe a project
//! (its dictionaries, what to walk, thresholds, the context model, how reasons read), not the
//! ones that say what one run does (`-w`, `--check`, output formats).

/// A config key: its name (the long flag's), clap's id for the flag, and its kind of value.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub id: &'static str,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `true` gives the flag, `false` leaves it out.
    Flag,
    Number,
    Text,
    /// A string or a list of strings; a flag of its own for each.
    List,
    /// As List, each relative to the config file's folder.
    Paths,
}

const fn key(name: &'static str, id: &'static str, kind: Kind) -> Key {
    Key { name, id, kind }
}

pub const KEYS: &[Key] = &[
    key("dict", "dict", Kind::Paths),
    key("no-builtin", "no_builtin", Kind::Flag),
    key("glob", "glob", Kind::List),
    key("exclude", "exclude", Kind::List),
    key("hidden", "hidden", Kind::Flag),
    key("follow", "follow", Kind::Flag),
    key("sort", "sort", Kind::Flag),
    key("jobs", "jobs", Kind::Number),
    key("type", "file_type", Kind::Text),
    key("max-size", "max_size", Kind::Text),
    key("encoding", "encoding", Kind::Text),
    key("boilerplate", "boilerplate", Kind::Text),
    key("min-score", "min_score", Kind::Number),
    key("suspects", "suspects", Kind::Text),
    key("spun-threshold", "spun_threshold", Kind::Number),
    key("context", "context", Kind::Text),
    key("context-margin", "context_margin", Kind::Number),
    key("context-veto", "context_veto", Kind::Number),
    key("context-rival", "context_rival", Kind::Number),
    key("spin-threshold", "spin_threshold", Kind::Number),
    key("table-threshold", "table_threshold", Kind::Number),
    key("explain", "explain", Kind::Text),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::CommandFactory;

    /// Every key is a long flag of the top-level command under the id given here, so a config
    /// value goes exactly where the flag would.
    #[test]
    fn every_key_is_a_flag_of_the_command() {
        let cmd = Cli::command();
        for k in KEYS {
            let arg = cmd
                .get_arguments()
                .find(|a| a.get_long() == Some(k.name))
                .unwrap_or_else(|| panic!("no --{}", k.name));
            assert_eq!(arg.get_id().as_str(), k.id, "--{}", k.name);
            let takes_value = arg.get_action().takes_values();
            assert_eq!(takes_value, k.kind != Kind::Flag, "--{}", k.name);
        }
    }
}
