"""The datatrove recipe (python/examples/datatrove_unspin.py): a formatter and a filter."""

import gzip
import json

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed (pip install datatrove)")

import unspin


def documents(texts):
    from datatrove.data import Document

    return [Document(text=t, id=str(i)) for i, t in enumerate(texts)]


def test_formatter_repairs_and_keeps_the_edits(spun, clean):
    from datatrove_unspin import UnspinFormatter

    engine = unspin.Engine()
    texts = [spun, *clean]
    step = UnspinFormatter(engine=engine, batch_size=2)
    out = list(step.run(iter(documents(texts))))
    assert [d.id for d in out] == [str(i) for i in range(len(texts))]
    for doc, text in zip(out, texts):
        want = engine.repair(text)
        assert doc.text == want.text
        meta = doc.metadata["unspin"]
        assert meta["spun"] == want.spun
        assert [(e["from"], e["to"], e["rule"]) for e in meta["edits"]] == [(e.from_, e.to, e.rule) for e in want.edits]
    assert "Chinese President" in out[0].text
    assert step.stats["repaired"].total == 1
    assert step.format("The Chinese language President spoke.") == "The Chinese President spoke."


def test_filter_drops_spun_documents_and_names_the_spins(spun, clean):
    from datatrove_unspin import UnspinFilter

    step = UnspinFilter(batch_size=3)
    kept = list(step.run(iter(documents([spun, *clean]))))
    assert [d.id for d in kept] == [str(i) for i in range(1, len(clean) + 1)]
    assert step.stats["dropped_unspin_spun"].total == 1
    # With a threshold on the spin estimate instead of the model's verdict.
    strict = UnspinFilter(max_spin=1.5, batch_size=1)
    dropped = [d for d in documents([spun, *clean]) if strict.filter(d) is not True]
    assert dropped[0].id == "0" and len(dropped) > 1
    reason = strict.filter(documents([spun])[0])
    assert reason == (False, "unspin_spun")


def test_pipeline_with_readers_and_writers(tmp_path, spun, clean):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove_unspin import UnspinFilter, UnspinFormatter

    src, dst, dropped = tmp_path / "in", tmp_path / "out", tmp_path / "dropped"
    src.mkdir()
    short = "The Chinese language President spoke."  # too short to count as spun: repaired
    with open(src / "docs.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate([spun, short, *clean]))
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(src)),
            UnspinFilter(max_spin=8.0, exclusion_writer=JsonlWriter(str(dropped))),
            UnspinFormatter(),
            JsonlWriter(str(dst)),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    def rows(folder):
        [path] = list(folder.glob("*.jsonl.gz"))
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    [gone] = rows(dropped)
    assert gone["id"] == "0"
    assert gone["metadata"]["filter_reason"] == "unspin_spun"
    assert gone["metadata"]["unspin_spins"] and all(" -> " in s for s in gone["metadata"]["unspin_spins"])
    kept = rows(dst)
    assert [r["id"] for r in kept] == [str(i) for i in range(1, len(clean) + 2)]
    assert kept[0]["text"] == "The Chinese President spoke."
    assert kept[0]["metadata"]["unspin"]["edits"][0]["rule"] == "en/names-and-titles:the chinese language"
    assert [r["text"] for r in kept[1:]] == clean
