#!/usr/bin/env python3
"""Deterministic benchmark data for unspin (issue 7).

  gen.py dicts OUT_DIR           dictionaries of 1k/10k/100k generated entries (YAML + TSV)
  gen.py spun OUT_DIR SIZE_MB N  a spun corpus: English words, 3% of word positions spun with
                                 keys of the N-entry dictionary
  gen.py real OUT_DIR SIZE_MB    real English prose (the SOTU corpus) repeated to SIZE_MB
  gen.py folder OUT_DIR FILES    a folder of FILES small articles (text and HTML), half spun

Keys are made-up words of three or more syllables, so they never occur in English text; the
originals all start with "xq", which no key word does, so no replacement contains a key (no
chains) and every tool in the comparison must produce the same output.
"""
import os
import random
import sys

SIZES = (1_000, 10_000, 100_000)
SYL = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def words(rng, n, prefix=""):
    seen = set()
    out = []
    while len(out) < n:
        w = prefix + "".join(rng.choice(SYL) for _ in range(rng.randint(3, 4)))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def entries(n):
    """n (key, replacement) pairs; the first 1k are the same at every size."""
    rng = random.Random(7)
    spun = words(rng, 3 * max(SIZES))
    orig = words(rng, 3 * max(SIZES), prefix="xq")
    out, used = [], set()
    i = 0
    while len(out) < max(SIZES):
        k = rng.randint(1, 3)
        key = " ".join(spun[i:i + k])
        rep = " ".join(orig[i:i + rng.randint(1, 2)])
        i += k
        if key not in used:
            used.add(key)
            out.append((key, rep))
    return out[:n]


def dicts(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for n in SIZES:
        es = entries(n)
        with open(os.path.join(out_dir, f"dict-{n}.yaml"), "w") as f:
            f.write(f"# {n} generated entries (bench/gen.py)\ndictionary: bench{n}\nentries:\n")
            for k, r in es:
                f.write(f"  {k}: {r}\n")
        with open(os.path.join(out_dir, f"dict-{n}.tsv"), "w") as f:
            for k, r in es:
                f.write(f"{k}\t{r}\n")


def english_words():
    corpus = os.environ.get("SOTU_DIR", os.path.join(os.path.dirname(__file__), "out", "sotu"))
    text = " ".join(open(os.path.join(corpus, n), encoding="utf-8").read()
                    for n in sorted(os.listdir(corpus)))
    # ASCII words only, so that every tool in the comparison sees the same word boundaries.
    return [w for w in text.split() if w.isascii() and w.isalpha()]


def spun(out_dir, size_mb, n):
    """A 4 MiB block of spun text, repeated to size_mb."""
    rng = random.Random(n)
    base = english_words()
    es = entries(n)
    lines, size, line = [], 0, []
    while size < 4 * 1024 * 1024:
        if rng.random() < 0.03:
            key = rng.choice(es)[0]
            line.append(key.capitalize() if rng.random() < 0.1 else key)
        else:
            line.append(rng.choice(base))
        if len(line) >= 14:
            s = " ".join(line) + ".\n"
            lines.append(s)
            size += len(s)
            line = []
    block = "".join(lines).encode()
    with open(os.path.join(out_dir, f"spun-{n}.txt"), "wb") as f:
        for _ in range(max(1, size_mb * 1024 * 1024 // len(block))):
            f.write(block)


def real(out_dir, size_mb):
    corpus = os.environ.get("SOTU_DIR", os.path.join(os.path.dirname(__file__), "out", "sotu"))
    text = "".join(open(os.path.join(corpus, n), encoding="utf-8").read()
                   for n in sorted(os.listdir(corpus)))
    data = text.encode()
    target = size_mb * 1024 * 1024
    with open(os.path.join(out_dir, "real.txt"), "wb") as f:
        left = target
        while left > 0:
            chunk = data[:left]
            # never cut a UTF-8 character in half
            while chunk and (chunk[-1] & 0xC0) == 0x80:
                chunk = chunk[:-1]
            f.write(chunk)
            left -= len(data)


def folder(out_dir, files):
    rng = random.Random(3)
    seeds = os.path.join(os.path.dirname(__file__), "..", "fixtures", "seeds")
    texts = [open(os.path.join(seeds, n), encoding="utf-8").read() for n in sorted(os.listdir(seeds))]
    root = os.path.join(out_dir, "folder")
    for i in range(files):
        sub = os.path.join(root, f"d{i % 100:02d}")
        os.makedirs(sub, exist_ok=True)
        t = rng.choice(texts)
        if i % 4 == 0:
            body = "".join(f"<p>{p}</p>\n" for p in t.split("\n\n"))
            content = f"<html><head><title>a{i}</title></head><body>\n{body}</body></html>\n"
            name = f"a{i}.html"
        else:
            content, name = t, f"a{i}.txt"
        with open(os.path.join(sub, name), "w", encoding="utf-8") as f:
            f.write(content)


if __name__ == "__main__":
    cmd, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    if cmd == "dicts":
        dicts(out)
    elif cmd == "spun":
        spun(out, int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "real":
        real(out, int(sys.argv[3]))
    elif cmd == "folder":
        folder(out, int(sys.argv[3]))
    else:
        sys.exit(__doc__)
