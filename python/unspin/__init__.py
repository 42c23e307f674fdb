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

__all__ = ["Edit", "Engine", "Result", "Score", "Spin", "__version__", "repair", "default_engine"]


@_lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine with the built-in dictionaries and default options, built on first use and
    shared (per process) from then on."""
    return Engine()


def repair(text: str) -> Result:
    """Repairs ``text`` with the default engine (see ``default_engine``)."""
    return default_engine().repair(text)
