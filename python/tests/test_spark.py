"""The PySpark recipe (python/examples/spark_unspin.py) on a local session of its own."""

import os
import shutil
import sys

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark pandas pyarrow)")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (Spark's Arrow UDFs need it)")
pytest.importorskip("pandas", reason="pandas is not installed (PySpark's Arrow support needs it)")
if shutil.which("java") is None:
    pytest.skip("no java on PATH (Spark needs a JRE: apt-get install openjdk-17-jre-headless)", allow_module_level=True)

from conftest import CLEAN, SPUN

import unspin


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Spark's Python workers must be this interpreter (the one unspin is installed in), not
    # whatever python3 comes first on PATH.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("unspin-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_map_in_arrow_repairs_the_text_column(spark, engine, spun, clean):
    from spark_unspin import unspin_dataframe

    texts = [spun, *clean, None]
    df = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(2)
    out = unspin_dataframe(df, column="text")
    assert out.columns == ["id", "text", "spun", "spin", "score", "edits"]
    rows = {r.id: r for r in out.collect()}
    assert len(rows) == len(texts)

    full = unspin.Engine(full_detection=True)
    for i, text in enumerate(texts):
        row = rows[i]
        if text is None:
            assert row.text is None and row.edits is None and row.spun is None
            continue
        want = full.repair(text)
        assert row.text == want.text
        assert row.spun == want.spun
        assert row.spin == pytest.approx(want.spin.percent)
        assert row.score == pytest.approx(want.score)
        assert [(e.start, e.end, e["from"], e.to, e.rule, e["class"]) for e in row.edits] == [
            (e.start, e.end, e.from_, e.to, e.rule, e.class_) for e in want.edits
        ]
    assert "Chinese President" in rows[0].text and rows[0].spun
    assert all(rows[i].text == texts[i] and rows[i].edits == [] for i in range(1, len(texts) - 1))


def test_a_tuned_engine_travels_to_the_executors(spark, spun):
    from spark_unspin import unspin_dataframe

    engine = unspin.Engine(context="never")
    df = spark.createDataFrame([(0, spun)], "id long, text string")
    [row] = unspin_dataframe(df, engine=engine, threads=2).collect()
    want = engine.repair(spun)
    assert row.text == want.text
    assert row.spin is None  # context="never": no spin estimate


def test_the_job_reads_and_writes_parquet(spark, tmp_path):
    import spark_unspin

    src, dst = tmp_path / "in", tmp_path / "out"
    texts = [p.read_text(encoding="utf-8") for p in [SPUN, *CLEAN]]
    spark.createDataFrame([(t,) for t in texts], "text string").write.parquet(str(src))
    spark_unspin.repair_files(spark, str(src), str(dst))
    out = spark.read.parquet(str(dst)).collect()
    assert sorted(r.spun for r in out) == [False] * len(CLEAN) + [True]
