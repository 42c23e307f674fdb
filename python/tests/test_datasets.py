"""The datasets recipe (python/examples/datasets_unspin.py): Dataset.map(batched=True)."""

import pytest

pytest.importorskip("datasets", reason="datasets is not installed (pip install datasets)")

import unspin


def test_map_batched_repairs_the_column(engine, spun, clean, tmp_path):
    from datasets import Dataset
    from datasets_unspin import unspin_dataset

    texts = [spun, *clean, None]
    ds = Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    out = unspin_dataset(ds, batch_size=2)
    assert set(out.column_names) == {"id", "text", "spun", "spin", "score", "edits"}
    full = unspin.Engine(full_detection=True)
    for row, text in zip(out, texts):
        if text is None:
            assert row["text"] is None and row["edits"] is None
            continue
        want = full.repair(text)
        assert row["text"] == want.text
        assert row["spun"] == want.spun
        assert row["spin"] == pytest.approx(want.spin.percent)
        assert [(e["start"], e["end"], e["from"], e["to"]) for e in row["edits"]] == [
            (e.start, e.end, e.from_, e.to) for e in want.edits
        ]
    assert "Chinese President" in out[0]["text"]


def test_map_in_worker_processes(spun, clean):
    """num_proc pickles the engine to each worker process."""
    from datasets import Dataset
    from datasets_unspin import unspin_dataset

    texts = [spun, *clean] * 2
    ds = Dataset.from_dict({"text": texts})
    engine = unspin.Engine(context="never")
    out = unspin_dataset(ds, engine=engine, num_proc=2, batch_size=3)
    assert out["text"] == [engine.repair(t).text for t in texts]
