#!/usr/bin/env python3
"""Builds data/thesaurus-en.txt and data/inflections-en.txt (run by scripts/build-lexicon.sh).

Usage: build-lexicon.py WORDNET_DICT_DIR LEMMINFLECT_WHEEL VOCAB OUT_DIR WORDNET_VER LEMMINFLECT_VER

Both outputs are sorted by key in byte order, one `key<TAB>value` line each after `#` header
lines, so the Rust side (src/lang/lexicon/) finds a key by binary search over the embedded bytes.
The same inputs always give the same bytes (sorted sets, no timestamps).
"""
import csv
import gzip
import io
import os
import re
import sys
import zipfile

# Penn tags in the order they are written; the Rust `Tag` enum knows exactly these.
TAGS = ["NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"]
MAX_WORDS = 3


def read_vocab(path):
    with open(path, encoding="utf-8") as f:
        return {l.split("\t")[0] for l in f if not l.startswith("#")}


def in_vocab(phrase, vocab):
    """A phrase is kept if it has at most MAX_WORDS words and each word (hyphens split words,
    as spinners write "thought-about") is a listed word."""
    words = phrase.split(" ")
    parts = [p for w in words for p in w.split("-")]
    return len(words) <= MAX_WORDS and all(p in vocab for p in parts)


# --- WordNet ---------------------------------------------------------------------------------

ADJ_MARKER = re.compile(r"\((a|p|ip)\)$")  # syntactic markers on adjective lemmas: big(a)


def read_synsets(wn_dir):
    """{(pos, offset): (lemmas, [(pointer symbol, (pos, offset))])} over the four data files.
    Satellite adjectives ('s') live in data.adj and are keyed as 'a'."""
    synsets = {}
    for pos, name in [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]:
        with open(os.path.join(wn_dir, "data." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):  # the licence header
                    continue
                fields = line.split(" | ")[0].split()
                offset, w_cnt = fields[0], int(fields[3], 16)
                lemmas = []
                for i in range(w_cnt):
                    w = ADJ_MARKER.sub("", fields[4 + 2 * i])
                    lemmas.append(w.replace("_", " ").lower())
                k = 4 + 2 * w_cnt
                p_cnt = int(fields[k])
                pointers = []
                for i in range(p_cnt):
                    sym, target, tpos, srctgt = fields[k + 1 + 4 * i : k + 5 + 4 * i]
                    if srctgt == "0000":  # semantic (synset to synset) pointers only
                        pointers.append((sym, ("a" if tpos == "s" else tpos, target)))
                synsets[(pos, offset)] = (lemmas, pointers)
    return synsets


def build_thesaurus(synsets, vocab):
    """head -> (close, broader): `close` are the co-members of each of its synsets and the
    members of an adjective's similar-to synsets; `broader` the members of a noun's or verb's
    direct hypernyms and hyponyms, if not already close. Both relations are symmetric; only
    phrases that pass `in_vocab` are kept. Measured on seed 003's single-word spins, adding
    `broader` finds 163 originals of 306 instead of 113, for 40 candidates a word instead of 8."""
    close, broader = {}, {}

    def link(table, a, b):
        if a != b:
            table.setdefault(a, set()).add(b)
            table.setdefault(b, set()).add(a)

    for (lemmas, pointers) in synsets.values():
        members = [m for m in lemmas if in_vocab(m, vocab)]
        for a in members:
            for b in members:
                link(close, a, b)
            for sym, target in pointers:
                if sym in ("&", "@"):
                    for b in synsets[target][0]:
                        if in_vocab(b, vocab):
                            link(close if sym == "&" else broader, a, b)
    return {h: (close.get(h, set()), broader.get(h, set()) - close.get(h, set()))
            for h in close.keys() | broader.keys()}


# --- lemminflect ----------------------------------------------------------------------------

# The columns after `word,category` in infl_lu.csv (lemminflect's InflectionLUCodec.penn_dict).
LU_COLUMNS = {"noun": ["NNS"], "adj": ["JJR", "JJS"], "adv": ["RBR", "RBS"],
              "verb": ["VBD", "VBN", "VBG", "VBZ"]}
LU_BASE = {"noun": ["NN"], "adj": ["JJ"], "adv": ["RB"], "verb": ["VB", "VBP"]}
# Modals and "be", which lemminflect hard-codes over its table (InflectionLUCodec.updateForAuxMod).
AUX_MOD = {
    "can": {"VB": ["can"], "VBD": ["could"]}, "may": {"VB": ["may"], "VBD": ["might"]},
    "will": {"VB": ["will"], "VBD": ["would"]}, "shall": {"VB": ["shall"], "VBD": ["should"]},
    "must": {"VB": ["must"], "VBD": ["must"]}, "ought": {"VB": ["ought"], "VBD": ["ought"]},
    "dare": {"VB": ["dare"]},
    "be": {"VB": ["be"], "VBD": ["was", "were"], "VBG": ["being"], "VBN": ["been"],
           "VBP": ["am", "are"], "VBZ": ["is"]},
}


def read_inflections(wheel):
    """lemma -> {tag: [spellings]} as lemminflect's getAllInflections sees it: the lookup table,
    then its overrides and the modal/aux table, each replacing the tags it gives (merged per
    tag, so "can" keeps its noun forms). A verb listed with only one of VBD/VBN gets the other
    too, as lemminflect's pennTagAlts does when asked for it."""
    with zipfile.ZipFile(wheel) as z:
        lu = gzip.decompress(z.read("lemminflect/resources/infl_lu.csv.gz")).decode("utf-8")
        overrides = z.read("lemminflect/resources/infl_overrides.csv").decode("utf-8")
    table = {}
    for line in lu.splitlines():
        word, cat, *cols = line.split(",")
        forms = table.setdefault(word, {})
        for tag in LU_BASE[cat]:
            forms[tag] = [word]
        for tag, col in zip(LU_COLUMNS[cat], cols):
            if col:
                forms[tag] = col.split("/")
    for row in csv.reader(io.StringIO(overrides)):
        if row and not row[0].startswith("#"):
            table.setdefault(row[0], {})[row[1]] = [row[2]]
    for word, forms in AUX_MOD.items():
        table.setdefault(word, {}).update(forms)
    for forms in table.values():
        if "VB" in forms:
            for a, b in [("VBD", "VBN"), ("VBN", "VBD")]:
                if a in forms and b not in forms:
                    forms[b] = forms[a]
    return table


def build_inflections(table, vocab):
    """Lemmas in the vocabulary (lower-case, as lemminflect looks them up), with all their
    forms: a spun word is often rarer than its lemma ("assaults" is not among the 20,000)."""
    return {lemma: forms for lemma, forms in table.items()
            if lemma == lemma.lower() and lemma in vocab}


# --- output ---------------------------------------------------------------------------------

def join_sorted(words):
    return "|".join(sorted(words, key=lambda w: w.encode("utf-8")))


def write(path, header, rows):
    rows = sorted(rows, key=lambda kv: kv[0].encode("utf-8"))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(("# " + h).rstrip() + "\n")
        for key, value in rows:
            f.write(f"{key}\t{value}\n")


def main():
    wn_dir, wheel, vocab_path, out_dir, wn_ver, li_ver = sys.argv[1:7]
    vocab = read_vocab(vocab_path)

    syn = build_thesaurus(read_synsets(wn_dir), vocab)
    write(os.path.join(out_dir, "thesaurus-en.txt"), [
        "Thesaurus: headword<TAB>close synonyms|...;broader|... (each list sorted; either may be",
        f"empty). Source: WordNet 3.0 as Debian wordnet-base {wn_ver}. Close: the other words of",
        "each synset of the headword and of the synsets an adjective is similar to. Broader: the",
        "words of a noun's or verb's direct hypernyms and hyponyms. Both relations are symmetric.",
        f"Only phrases of at most {MAX_WORDS} words, each among data/wordfreq-en.txt's words.",
        "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence and",
        "disclaimer: data/LICENSE-wordnet.txt. Generated by scripts/build-lexicon.sh; do not edit.",
    ], [(h, ";".join(join_sorted(s) for s in sets).rstrip(";")) for h, sets in syn.items()])

    infl = build_inflections(read_inflections(wheel), vocab)
    write(os.path.join(out_dir, "inflections-en.txt"), [
        "Inflections: lemma<TAB>TAG=form TAG=form,form ... (Penn tags; first spelling preferred).",
        f"Source: PyPI lemminflect=={li_ver} (MIT), resources/infl_lu.csv.gz and infl_overrides.csv.",
        "Only lower-case lemmas among data/wordfreq-en.txt's words, with all their forms.",
        "Generated by scripts/build-lexicon.sh; do not edit.",
    ], [(lemma, " ".join(f"{t}={','.join(forms[t])}" for t in TAGS if t in forms))
        for lemma, forms in infl.items()])


if __name__ == "__main__":
    main()
