"""unspin: repairs articles scrambled by article spinners, and shows exactly what it changed.

The work is done by the Rust library; this package is a thin binding of it::

    import unspin

    engine = unspin.Engine()                  # the built-in dictionaries and language model
    result = engine.repair("The Chinese language President spoke.")
    result.text                               # 'The Chinese President spoke.'
    result.edits[0].to_dict()                 # start, end, from, to, rule, class, why, ...

    engine.repair_batch(texts, threads=2)     # many texts, several threads, no GIL held
    engine.repair_html(html)                  # only the prose of an HTML document
    engine.score(text)                        # how spun a text looks, nothing repaired

An ``Engine`` is immutable and thread-safe: build it once (it loads the dictionaries), share it
between threads, pickle it to ship it to other processes (Spark executors).
"""

from functools import lru_cache as _lru_cache

from ._unspin import Edit, Engine, Result, Score, Spin, __version__

__all__ = [
    "EDIT_FIELDS",
    "Edit",
    "Engine",
    "Result",
    "Score",
    "Spin",
    "__version__",
    "columns",
    "default_engine",
    "repair",
]

#: The keys of each edit in ``columns``: character offsets in the text as given, the spun
#: phrase, its replacement, the dictionary entry and its class.
EDIT_FIELDS = ("start", "end", "from", "to", "rule", "class")


@_lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine with the built-in dictionaries and default options, built on first use and
    shared (per process) from then on."""
    return Engine()


def repair(text: str) -> Result:
    """Repairs ``text`` with the default engine (see ``default_engine``)."""
    return default_engine().repair(text)


def columns(results, why: bool = False) -> dict:
    """Column form of ``repair_batch`` results, for data frames and datasets: lists named
    ``text`` (repaired), ``spun`` (the document counted as spun), ``spin`` (the context model's
    spin estimate in percent, None where it was not worked out: build the engine with
    ``full_detection=True`` to have it for every document), ``score`` (fingerprints per 1,000
    words) and ``edits`` (one list of dicts with the keys of ``EDIT_FIELDS`` per document, plus
    ``why`` if asked). A None result (a None text) gives None in every column."""
    keys = EDIT_FIELDS + ("why",) if why else EDIT_FIELDS
    out = {"text": [], "spun": [], "spin": [], "score": [], "edits": []}
    for r in results:
        if r is None:
            for v in out.values():
                v.append(None)
            continue
        out["text"].append(r.text)
        out["spun"].append(r.spun)
        out["spin"].append(r.spin.percent if r.spin is not None and r.spin.read else None)
        out["score"].append(r.score)
        out["edits"].append([{k: e[k] for k in keys} for e in (x.to_dict() for x in r.edits)])
    return out
