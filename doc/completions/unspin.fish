# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_unspin_global_optspecs
    string join \n w/write diff= check json format= v/verbose q/quiet explain= U/unified= color= dict= no-builtin suspects= spun-threshold= context= context-margin= context-veto= context-rival= spin-threshold= table-threshold= min-score= i/interactive jsonl-field= bad-lines= glob= exclude= hidden follow sort j/jobs= type= max-size= encoding= boilerplate= backup= files-from= 0/null config= no-config h/help V/version
end

function __fish_unspin_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_unspin_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_unspin_using_subcommand
    set -l cmd (__fish_unspin_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c unspin -n "__fish_unspin_needs_command" -l diff -d 'Show what would change: a unified diff (git apply / patch -p1 accept it), or \'words\' for each changed line with the replaced words marked' -r -f -a "unified\t''
words\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l format -d 'Report edits for CI: \'sarif\' (one SARIF 2.1.0 log, for code scanning), \'github\' (workflow annotations), or \'json\' (as --json)' -r -f -a "json\t''
sarif\t''
github\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l explain -d 'How much of each edit\'s reason to print: the rule and one phrase (default; \'full\' with -v), everything, or nothing. JSON always has the full reason' -r -f -a "short\t''
full\t''
none\t''"
complete -c unspin -n "__fish_unspin_needs_command" -s U -l unified -d 'Lines of context around each hunk of --diff' -r
complete -c unspin -n "__fish_unspin_needs_command" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_needs_command" -l suspects -d 'When to repair suspects (real English the spinner also produces): \'auto\' only in documents the context model judges spun (or whose fingerprints reach --spun-threshold), and only where the model prefers the repair' -r -f -a "auto\t''
always\t''
never\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l spun-threshold -d 'Fingerprints per 1,000 words from which a document counts as spun, whatever the model says (with --context never, the only rule)' -r
complete -c unspin -n "__fish_unspin_needs_command" -l context -d 'The context model: \'auto\' detects spun documents and judges each repair in its sentence; \'never\' leaves the dictionary and the fingerprint score alone to decide' -r -f -a "auto\t''
never\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l context-margin -d 'Nats by which the model must prefer a suspect\'s repair to the text as written' -r
complete -c unspin -n "__fish_unspin_needs_command" -l context-veto -d 'Nats by which the model must prefer the text as written to refuse a fingerprint' -r
complete -c unspin -n "__fish_unspin_needs_command" -l context-rival -d 'Nats by which the model must prefer a suspect\'s repair to each other original its entry lists (it must tell which one the writer used)' -r
complete -c unspin -n "__fish_unspin_needs_command" -l spin-threshold -d 'Spin estimate (percent of content words with a far likelier synonym) from which the model counts a document as spun' -r
complete -c unspin -n "__fish_unspin_needs_command" -l table-threshold -d 'Suspect entries the model strongly prefers, per 1,000 words, from which it counts a document as spun' -r
complete -c unspin -n "__fish_unspin_needs_command" -l min-score -d 'Leave files whose spin score (fingerprints per 1,000 words) is below SCORE untouched' -r
complete -c unspin -n "__fish_unspin_needs_command" -l jsonl-field -d 'Read JSON Lines (files or standard input) and repair the string member FIELD of each record; every record is written back with the field repaired and an "unspin" member listing the edits' -r
complete -c unspin -n "__fish_unspin_needs_command" -l bad-lines -d 'With --jsonl-field, what becomes of a line that is not a JSON object with a string FIELD: written out unchanged, dropped, or the run stops with an error' -r -f -a "keep\t''
drop\t''
error\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l glob -d 'In folders, only take files matching GLOB (relative to the folder; repeatable)' -r
complete -c unspin -n "__fish_unspin_needs_command" -l exclude -d 'Leave out paths matching GLOB, named ones too (repeatable)' -r
complete -c unspin -n "__fish_unspin_needs_command" -s j -l jobs -d 'Files worked on at once (default: one per core)' -r
complete -c unspin -n "__fish_unspin_needs_command" -l type -d 'How files are written: by extension (.html/.htm, .md), or this for all' -r -f -a "auto\t''
text\t''
html\t''
markdown\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l max-size -d 'Skip files larger than this (bytes, or with K, M, G)' -r
complete -c unspin -n "__fish_unspin_needs_command" -l encoding -d 'Read files that declare no encoding (no byte order mark, no HTML <meta charset>) as LABEL, e.g. windows-1252, latin1, shift_jis (default UTF-8); repairs are written back in the file\'s encoding' -r
complete -c unspin -n "__fish_unspin_needs_command" -l boilerplate -d 'Lines a run\'s files repeat (a site\'s navigation, footer, notices): `skip` leaves them alone and out of each file\'s spin verdict; `include` reads them like the rest' -r -f -a "skip\t''
include\t''"
complete -c unspin -n "__fish_unspin_needs_command" -l backup -d 'With --write, keep each original as FILE + SUFFIX (e.g. \'.orig\')' -r
complete -c unspin -n "__fish_unspin_needs_command" -l files-from -d 'Also work on the paths listed in FILE, one a line (\'-\': read the list from standard input)' -r -F
complete -c unspin -n "__fish_unspin_needs_command" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_needs_command" -s w -l write -d 'Rewrite files in place (atomically), saying what changed'
complete -c unspin -n "__fish_unspin_needs_command" -l check -d 'Change nothing; exit 1 if any repair would be made'
complete -c unspin -n "__fish_unspin_needs_command" -l json -d 'Print JSON Lines: one object per edit and one per file (schema in the README)'
complete -c unspin -n "__fish_unspin_needs_command" -s v -l verbose -d 'List every edit with its rule and reason (on stderr), clean files too; reasons in full'
complete -c unspin -n "__fish_unspin_needs_command" -s q -l quiet -d 'Print only problems, and with --check the files that need repair'
complete -c unspin -n "__fish_unspin_needs_command" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_needs_command" -s i -l interactive -d 'Review each change on the terminal (y/n/a/d/A/R/X/e/u/v/q, ? for help); each file is written once, atomically, when its review ends'
complete -c unspin -n "__fish_unspin_needs_command" -l hidden -d 'In folders, also take hidden files and folders'
complete -c unspin -n "__fish_unspin_needs_command" -l follow -d 'Follow symbolic links; a link is still never replaced, only its target when that lies inside the given paths'
complete -c unspin -n "__fish_unspin_needs_command" -l sort -d 'Walk folders in name order (output follows the walk), so runs are reproducible'
complete -c unspin -n "__fish_unspin_needs_command" -s 0 -l null -d 'The --files-from list is NUL-separated (git ls-files -z, find -print0)'
complete -c unspin -n "__fish_unspin_needs_command" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c unspin -n "__fish_unspin_needs_command" -s V -l version -d 'Print version'
complete -c unspin -n "__fish_unspin_needs_command" -a "scan" -d 'List files by spin score (fingerprints per 1,000 words), most spun first: the triage view of a scraped folder. Takes the folder options of a repair run (-j, --glob, ...); engine options (--suspects, --context, ...) stand before `scan`'
complete -c unspin -n "__fish_unspin_needs_command" -a "dict" -d 'Check, look up and compile dictionaries'
complete -c unspin -n "__fish_unspin_needs_command" -a "eval" -d 'Measure repair quality: repair spun texts and compare them with their originals'
complete -c unspin -n "__fish_unspin_needs_command" -a "learn" -d 'Learn candidate dictionary entries from spun texts and the originals they were made from'
complete -c unspin -n "__fish_unspin_needs_command" -a "apply" -d 'Apply edits exported with --json, atomically per file'
complete -c unspin -n "__fish_unspin_needs_command" -a "config" -d 'Show the settings a run on PATH would use (config file, command line, defaults) and where each came from, as TOML'
complete -c unspin -n "__fish_unspin_needs_command" -a "completions" -d 'Print a shell completion script, e.g. `unspin completions bash > /usr/share/bash-completion/completions/unspin`'
complete -c unspin -n "__fish_unspin_needs_command" -a "man" -d 'Print the manual page (roff), e.g. `unspin man > unspin.1`'
complete -c unspin -n "__fish_unspin_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l glob -d 'In folders, only take files matching GLOB (relative to the folder; repeatable)' -r
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l exclude -d 'Leave out paths matching GLOB, named ones too (repeatable)' -r
complete -c unspin -n "__fish_unspin_using_subcommand scan" -s j -l jobs -d 'Files worked on at once (default: one per core)' -r
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l type -d 'How files are written: by extension (.html/.htm, .md), or this for all' -r -f -a "auto\t''
text\t''
html\t''
markdown\t''"
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l max-size -d 'Skip files larger than this (bytes, or with K, M, G)' -r
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l encoding -d 'Read files that declare no encoding (no byte order mark, no HTML <meta charset>) as LABEL, e.g. windows-1252, latin1, shift_jis (default UTF-8); repairs are written back in the file\'s encoding' -r
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l boilerplate -d 'Lines a run\'s files repeat (a site\'s navigation, footer, notices): `skip` leaves them alone and out of each file\'s spin verdict; `include` reads them like the rest' -r -f -a "skip\t''
include\t''"
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l json -d 'One JSON object per file, most spun first'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -s v -l verbose -d 'Also list the files skipped (binary, undecodable, too large, links) on stderr'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l hidden -d 'In folders, also take hidden files and folders'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l follow -d 'Follow symbolic links; a link is still never replaced, only its target when that lies inside the given paths'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l sort -d 'Walk folders in name order (output follows the walk), so runs are reproducible'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand scan" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -f -a "check" -d 'Check dictionaries (default: the built-in set): duplicates, empty sides, self-mappings, chains and keys that can never match, each with file, line and column. Exit 1 on problems'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -f -a "lookup" -d 'What does unspin do with PHRASE? Exact match, or every key starting with it'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -f -a "compile" -d 'Compile the dictionaries in use (built-in and --dict) into one file that loads fast'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -f -a "import" -d 'Convert an existing list (tortured phrases, codespell, TSV) into a dictionary; problems go to stderr with their line numbers'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and not __fish_seen_subcommand_from check lookup compile import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from check" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from check" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from check" -l crossings -d 'Also check every entry beside the others: a replacement that, next to another key\'s words or conditions, a second run would change again (slower; the built-in set does not pass it yet)'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from check" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from check" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from lookup" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from lookup" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from lookup" -l prefix -d 'List every key that starts with PHRASE'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from lookup" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from lookup" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from lookup" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from compile" -s o -l output -d 'Where to write the compiled dictionary' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from compile" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from compile" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from compile" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from compile" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from compile" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -l format -d 'What FILE is: pps (Problematic Paper Screener tortured-phrases CSV), torturedcheck (its JSON list), codespell (`typo->fix`), tsv (`spun<TAB>original`)' -r -f -a "pps\t''
torturedcheck\t''
codespell\t''
tsv\t''"
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -s o -l output -d 'Write the dictionary here instead of standard output' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check dictionaries (default: the built-in set): duplicates, empty sides, self-mappings, chains and keys that can never match, each with file, line and column. Exit 1 on problems'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from help" -f -a "lookup" -d 'What does unspin do with PHRASE? Exact match, or every key starting with it'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from help" -f -a "compile" -d 'Compile the dictionaries in use (built-in and --dict) into one file that loads fast'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from help" -f -a "import" -d 'Convert an existing list (tortured phrases, codespell, TSV) into a dictionary; problems go to stderr with their line numbers'
complete -c unspin -n "__fish_unspin_using_subcommand dict; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l original -d 'The original text' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l spun -d 'The spun text made from it' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l suspects -d 'When to repair suspects (real English the spinner also produces): \'auto\' only in documents the context model judges spun (or whose fingerprints reach --spun-threshold), and only where the model prefers the repair' -r -f -a "auto\t''
always\t''
never\t''"
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l spun-threshold -d 'Fingerprints per 1,000 words from which a document counts as spun, whatever the model says (with --context never, the only rule)' -r
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l context -d 'The context model: \'auto\' detects spun documents and judges each repair in its sentence; \'never\' leaves the dictionary and the fingerprint score alone to decide' -r -f -a "auto\t''
never\t''"
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l context-margin -d 'Nats by which the model must prefer a suspect\'s repair to the text as written' -r
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l context-veto -d 'Nats by which the model must prefer the text as written to refuse a fingerprint' -r
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l context-rival -d 'Nats by which the model must prefer a suspect\'s repair to each other original its entry lists (it must tell which one the writer used)' -r
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l spin-threshold -d 'Spin estimate (percent of content words with a far likelier synonym) from which the model counts a document as spun' -r
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l table-threshold -d 'Suspect entries the model strongly prefers, per 1,000 words, from which it counts a document as spun' -r
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l json -d 'Print the figures as one JSON object'
complete -c unspin -n "__fish_unspin_using_subcommand eval" -s v -l verbose -d 'List every edit (correct or wrong, with its rule) and every missed spin'
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l by-rule -d 'Also add up the edits of each rule over all pairs (correct, wrong, wrong in clean words), the rules with wrong edits first: which entries cost more than they repair'
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand eval" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand eval" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l original -d 'The original text' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l spun -d 'The spun text made from it' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -s o -l output -d 'Write the candidate dictionary here instead of standard output' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l against -d 'Show only candidates these dictionaries do not already cover (with --unpaired: whose spun word is not already a key of theirs)' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l min-consistency -d 'Leave out candidates whose spun phrase stood for their replacement at fewer than this share of its occurrences in the spun texts (0 keeps every candidate)' -r
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l min-count -d 'Leave out candidates seen fewer times than this (a spinner\'s habit recurs)' -r
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l min-docs -d 'With --unpaired: documents a guess must recur in' -r
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l reject -d 'Leave out candidates whose spun phrase FILE lists, one per line (`#` starts a comment): swaps a curator rejected, having seen the phrase stand for another original elsewhere' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l seen-in -d 'Also repair the spun texts of DIR that have no original (*.txt) with the candidates, as unspin would with them shipped, and tell for each the texts where it repaired (a habit recurs on other sites, a swap of one article\'s does not); those seen most come first' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l unpaired -d 'DIR holds spun texts without originals (*.txt): propose entries where the context model finds a thesaurus neighbour far likelier than the word written, consistently across documents'
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l suspects-only -d 'Make every candidate a suspect (judged in context by the model), whatever class its evidence suggests: for a table shipped without a curator\'s review of each entry'
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand learn" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand learn" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand apply" -l root -d 'The folder the edits\' paths are relative to, and the only one written in' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand apply" -l encoding -d 'The encoding of files that declare none, as given to the run that exported the edits: a file is read as that run read it, and written back in its own encoding' -r
complete -c unspin -n "__fish_unspin_using_subcommand apply" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand apply" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand apply" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand apply" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c unspin -n "__fish_unspin_using_subcommand config" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand config" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand config" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand config" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand config" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand completions" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand completions" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand completions" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand completions" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand completions" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand man" -l dict -d 'Also use this dictionary (YAML or compiled); repeatable. Its keys replace built-in ones' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand man" -l config -d 'Read settings from FILE (unspin.toml, or pyproject.toml\'s [tool.unspin]) instead of the one found in or above the paths\' folders' -r -F
complete -c unspin -n "__fish_unspin_using_subcommand man" -l no-builtin -d 'Do not use the built-in dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand man" -l no-config -d 'Read no config file'
complete -c unspin -n "__fish_unspin_using_subcommand man" -s h -l help -d 'Print help'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "scan" -d 'List files by spin score (fingerprints per 1,000 words), most spun first: the triage view of a scraped folder. Takes the folder options of a repair run (-j, --glob, ...); engine options (--suspects, --context, ...) stand before `scan`'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "dict" -d 'Check, look up and compile dictionaries'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "eval" -d 'Measure repair quality: repair spun texts and compare them with their originals'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "learn" -d 'Learn candidate dictionary entries from spun texts and the originals they were made from'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "apply" -d 'Apply edits exported with --json, atomically per file'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "config" -d 'Show the settings a run on PATH would use (config file, command line, defaults) and where each came from, as TOML'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "completions" -d 'Print a shell completion script, e.g. `unspin completions bash > /usr/share/bash-completion/completions/unspin`'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "man" -d 'Print the manual page (roff), e.g. `unspin man > unspin.1`'
complete -c unspin -n "__fish_unspin_using_subcommand help; and not __fish_seen_subcommand_from scan dict eval learn apply config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c unspin -n "__fish_unspin_using_subcommand help; and __fish_seen_subcommand_from dict" -f -a "check" -d 'Check dictionaries (default: the built-in set): duplicates, empty sides, self-mappings, chains and keys that can never match, each with file, line and column. Exit 1 on problems'
complete -c unspin -n "__fish_unspin_using_subcommand help; and __fish_seen_subcommand_from dict" -f -a "lookup" -d 'What does unspin do with PHRASE? Exact match, or every key starting with it'
complete -c unspin -n "__fish_unspin_using_subcommand help; and __fish_seen_subcommand_from dict" -f -a "compile" -d 'Compile the dictionaries in use (built-in and --dict) into one file that loads fast'
complete -c unspin -n "__fish_unspin_using_subcommand help; and __fish_seen_subcommand_from dict" -f -a "import" -d 'Convert an existing list (tortured phrases, codespell, TSV) into a dictionary; problems go to stderr with their line numbers'
