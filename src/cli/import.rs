//! placeholder
use super::args::ImportFormat;
pub fn run(_f: ImportFormat, _file: &std::path::Path, _o: Option<&std::path::Path>) -> u8 { 2 }
