"""Hugging Face ``datasets``: repair a text column with ``Dataset.map(batched=True)``.

    from datasets import load_dataset
    from datasets_unspin import unspin_dataset

    ds = load_dataset("json", data_files="crawl.jsonl", split="train")
    ds = unspin_dataset(ds, column="text", num_proc=4)
    ds.filter(lambda spun: not spun, input_columns="spun")

The text column is repaired in place and ``spun``, ``spin``, ``score`` and ``edits`` columns
are added (see ``unspin.columns``). Each ``map`` batch is one ``repair_batch`` call on
``threads`` threads without the GIL; with ``num_proc`` the engine is pickled to each worker
process (``datasets`` also hashes it for its cache: the same engine options give the same
fingerprint, so a second run is read from the cache).
"""

from __future__ import annotations

import unspin


def unspin_batch(batch: dict, engine: unspin.Engine, column: str = "text", threads=None, why=False) -> dict:
    """The ``map`` function: a batch (dict of lists) in, the new columns out."""
    results = engine.repair_batch(batch[column], threads=threads)
    cols = unspin.columns(results, why=why)
    out = {k: cols[k] for k in ("spun", "spin", "score", "edits")}
    out[column] = cols["text"]
    return out


def unspin_dataset(
    ds,
    column: str = "text",
    engine: unspin.Engine | None = None,
    threads: int | None = None,
    num_proc: int | None = None,
    batch_size: int = 1000,
    why: bool = False,
):
    """``ds`` with ``column`` repaired and unspin's columns added. ``threads`` defaults to one
    per core without ``num_proc`` and to 1 with it."""
    engine = engine if engine is not None else unspin.Engine(full_detection=True)
    if threads is None and num_proc:
        threads = 1
    return ds.map(
        unspin_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        fn_kwargs={"engine": engine, "column": column, "threads": threads, "why": why},
        desc="unspin",
    )
