"""flashtext_repair.py DICT.tsv FILE: flashtext extract + case-preserving splice, to stdout."""
import sys

from flashtext import KeywordProcessor

kp = KeywordProcessor(case_sensitive=False)
for line in open(sys.argv[1], encoding="utf-8"):
    key, rep = line.rstrip("\n").split("\t")
    kp.add_keyword(key, rep)
text = open(sys.argv[2], encoding="utf-8").read()
out, at = [], 0
for rep, s, e in kp.extract_keywords(text, span_info=True):
    out.append(text[at:s])
    out.append(rep[0].upper() + rep[1:] if text[s].isupper() else rep)
    at = e
out.append(text[at:])
sys.stdout.write("".join(out))
