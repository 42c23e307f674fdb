"""datatrove: unspin as pipeline steps.

- ``UnspinFormatter`` repairs ``doc.text`` and keeps what it did in ``doc.metadata["unspin"]``
  (``spun``, ``spin``, ``score`` and the ``edits``, with character offsets in the text as it
  was before the repair);
- ``UnspinFilter`` drops the documents that look spun (the context model's verdict, or a spin
  estimate of at least ``max_spin`` percent). Its reason is ``"unspin_spun"`` (datatrove counts
  a stat per distinct reason, so it stays one word); the spins it saw are named in
  ``doc.metadata["unspin_spins"]`` (``written -> likelier`` pairs), which an
  ``exclusion_writer`` saves with the dropped document.

Both work in batches: ``batch_size`` documents go to one ``repair_batch``/``score_batch``
call, on ``threads`` threads without the GIL (default 1: datatrove's tasks are the
parallelism). The engine pickles, so the steps can be shipped to ``LocalPipelineExecutor``
workers or Slurm tasks as they are.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove_unspin import UnspinFilter, UnspinFormatter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("crawl/"),
        UnspinFilter(max_spin=20.0),       # hopelessly spun: drop
        UnspinFormatter(),                 # the rest: repair
        JsonlWriter("repaired/"),
    ], tasks=4).run()
"""

from __future__ import annotations

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.batching import batched
from datatrove.utils.typeshelper import StatHints

import unspin


class UnspinFormatter(BaseFormatter):
    """Repairs each document's text with unspin; the edits go to ``doc.metadata["unspin"]``."""

    name = "🌀 unspin"

    def __init__(
        self,
        engine: unspin.Engine | None = None,
        kind: str = "text",
        batch_size: int = 256,
        threads: int = 1,
        why: bool = False,
    ):
        super().__init__()
        self.engine = engine if engine is not None else unspin.Engine()
        self.kind = kind
        self.batch_size = batch_size
        self.threads = threads
        self.why = why

    def format(self, text: str) -> str:
        return self.engine.repair(text, kind=self.kind).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for batch in batched(data, self.batch_size):
            with self.track_time("batch"):
                results = self.engine.repair_batch(
                    [doc.text for doc in batch], threads=self.threads, kind=self.kind
                )
            cols = unspin.columns(results, why=self.why)
            for i, doc in enumerate(batch):
                self.stat_update(StatHints.total)
                doc.text = cols["text"][i]
                doc.metadata["unspin"] = {k: cols[k][i] for k in ("spun", "spin", "score", "edits")}
                if cols["edits"][i]:
                    self.stat_update("repaired")
                    self.stat_update("edits", value=len(cols["edits"][i]))
                yield doc


class UnspinFilter(BaseFilter):
    """Keeps the documents that do not look spun.

    A document is dropped when the context model judges it spun (``max_spin=None``, the
    default), or when its spin estimate (percent of content words with a far likelier synonym
    in context, as ``unspin scan`` reports it) is at least ``max_spin``."""

    name = "🌀 unspin spin filter"

    def __init__(
        self,
        max_spin: float | None = None,
        engine: unspin.Engine | None = None,
        kind: str = "text",
        batch_size: int = 256,
        threads: int = 1,
        exclusion_writer=None,
    ):
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        self.max_spin = max_spin
        self.engine = engine if engine is not None else unspin.Engine()
        self.kind = kind
        self.threads = threads

    def _verdict(self, doc, score) -> bool | tuple[bool, str]:
        spin = score.spin
        doc.metadata["unspin_spin"] = spin.percent if spin is not None else None
        if self.max_spin is None:
            spun = score.spun
        else:
            spun = spin is not None and spin.percent >= self.max_spin
        if not spun:
            return True
        if spin is not None:
            doc.metadata["unspin_spins"] = [f"{w} -> {s}" for w, s, _ in spin.examples]
        return False, "unspin_spun"

    def filter(self, doc) -> bool | tuple[bool, str]:
        return self._verdict(doc, self.engine.score(doc.text, kind=self.kind))

    def filter_batch(self, batch):
        scores = self.engine.score_batch([d.text for d in batch], threads=self.threads, kind=self.kind)
        return [self._verdict(d, s) for d, s in zip(batch, scores)]
