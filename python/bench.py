"""Throughput of the Python batch call against the command, on the bundled seeds.

    python python/bench.py [--docs 2000] [--unspin PATH] [--full-detection]

Documents are the five seeds (one spun article, four clean ones) repeated; every figure is
documents/s and MB/s of UTF-8 text over the same documents:
- ``repair_batch`` with 1 and 2 threads (default engine options);
- a loop of ``subprocess`` calls of the command, one per document (on a sample: they are slow);
- the command over a folder holding the same documents as files, ``--check -q``, ``-j 1``/``-j 2``;
- with ``--spark N``, the Spark recipe on a local[2] session over N documents (written to Parquet
  first, the result written to Parquet), with the recipe's engine (full detection) and without.
Peak memory (max RSS) of this process is printed last.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import unspin

ROOT = Path(__file__).resolve().parents[1]


def line(name, docs, size, seconds):
    print(f"{name:<38} {docs / seconds:9.1f} docs/s {size / seconds / 1e6:7.2f} MB/s  ({docs} docs, {seconds:.2f} s)")


def spark_bench(seeds, n):
    sys.path.insert(0, str(Path(__file__).resolve().parent / "examples"))
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from spark_unspin import unspin_dataframe

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    texts = [seeds[i % len(seeds)] for i in range(n)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        src = str(Path(folder, "in"))
        spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string").repartition(4).write.parquet(src)
        for name, engine in (("full detection", None), ("default options", unspin.Engine())):
            started = time.perf_counter()
            df = spark.read.parquet(src)
            unspin_dataframe(df, engine=engine).write.mode("overwrite").parquet(str(Path(folder, "out")))
            line(f"spark local[2], {name}", n, size, time.perf_counter() - started)
    spark.stop()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--docs", type=int, default=2000)
    p.add_argument("--subprocess-docs", type=int, default=50)
    p.add_argument("--unspin", default=os.environ.get("UNSPIN_BIN") or shutil.which("unspin"))
    p.add_argument("--full-detection", action="store_true")
    p.add_argument("--spark", type=int, default=0, metavar="N")
    args = p.parse_args()

    seeds = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    texts = [seeds[i % len(seeds)] for i in range(args.docs)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    started = time.perf_counter()
    engine = unspin.Engine(full_detection=args.full_detection)
    print(f"engine built in {time.perf_counter() - started:.3f} s; {args.docs} docs, {size / 1e6:.1f} MB")
    engine.repair_batch(texts[:20])  # warm up: the model's pages

    for threads in (1, 2):
        started = time.perf_counter()
        engine.repair_batch(texts, threads=threads)
        line(f"repair_batch threads={threads}", len(texts), size, time.perf_counter() - started)

    if args.unspin:
        flags = ["--check", "-q"]
        sample = texts[: args.subprocess_docs]
        started = time.perf_counter()
        for t in sample:
            subprocess.run([args.unspin, *flags], input=t.encode("utf-8"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        line("subprocess per document", len(sample), sum(len(t.encode()) for t in sample), time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as folder:
            for i, t in enumerate(texts):
                Path(folder, f"{i:06}.txt").write_text(t, encoding="utf-8")
            for jobs in (1, 2):
                started = time.perf_counter()
                subprocess.run([args.unspin, *flags, "-j", str(jobs), folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                line(f"command over a folder -j {jobs}", len(texts), size, time.perf_counter() - started)
    else:
        print("no unspin binary (--unspin PATH or UNSPIN_BIN): command figures skipped", file=sys.stderr)

    if args.spark:
        spark_bench(seeds, args.spark)

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
