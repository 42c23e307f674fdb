"""PySpark: repair the text column of a DataFrame with unspin (``mapInArrow``), adding ``spun``,
``spin``, ``score`` and ``edits`` columns.

As a job::

    spark-submit python/examples/spark_unspin.py INPUT OUTPUT [--column text] [--format parquet]

INPUT and OUTPUT are Parquet (or JSON Lines with ``--format json``) folders or files. Every
executor needs ``unspin`` installed (``pip install ./python``, or ship the wheel with
``--py-files``/an archive); the engine itself is pickled into the task closure and rebuilt once
per task (a few tens of milliseconds), with any custom dictionary inside it. Spark's Python
workers run ``PYSPARK_PYTHON`` (default ``python3`` on PATH): point it at the interpreter that
has unspin, e.g. a virtual environment's ``bin/python``.

From Python::

    from spark_unspin import unspin_dataframe
    out = unspin_dataframe(df, column="text")

Each Spark task is one Python worker process; ``threads=1`` (the default here) leaves the
parallelism to Spark's task slots. With fewer slots than cores, raise it.
"""

from __future__ import annotations

import argparse

import unspin


def edit_type():
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    return ArrayType(
        StructType(
            [
                StructField("start", LongType()),
                StructField("end", LongType()),
                StructField("from", StringType()),
                StructField("to", StringType()),
                StructField("rule", StringType()),
                StructField("class", StringType()),
            ]
        )
    )


def output_schema(schema):
    """The input schema with unspin's columns added (the text column keeps its place)."""
    from pyspark.sql.types import BooleanType, DoubleType, StructField, StructType

    added = [
        StructField("spun", BooleanType()),
        StructField("spin", DoubleType()),
        StructField("score", DoubleType()),
        StructField("edits", edit_type()),
    ]
    names = {f.name for f in added}
    return StructType([f for f in schema.fields if f.name not in names] + added)


def unspin_dataframe(df, column: str = "text", engine: unspin.Engine | None = None, threads: int = 1):
    """``df`` with ``column`` repaired and the columns of ``output_schema`` added.

    The default engine has ``full_detection=True`` so that ``spin`` is worked out for every
    document (about three times the cost of a repair alone); pass ``unspin.Engine()`` to leave
    ``spin`` null where no suspect needed it."""
    import pyarrow as pa

    engine = engine if engine is not None else unspin.Engine(full_detection=True)
    schema = output_schema(df.schema)
    names = [f.name for f in schema.fields]

    def repair(batches):
        for batch in batches:
            texts = batch.column(column)
            results = engine.repair_batch(texts, threads=threads)
            cols = unspin.columns(results)
            string = texts.type  # string or large_string, as Spark sent it
            edit = pa.struct(
                [("start", pa.int64()), ("end", pa.int64())]
                + [(k, string) for k in ("from", "to", "rule", "class")]
            )
            data = {name: batch.column(name) for name in batch.schema.names}
            data[column] = pa.array(cols["text"], type=string)
            data["spun"] = pa.array(cols["spun"], type=pa.bool_())
            data["spin"] = pa.array(cols["spin"], type=pa.float64())
            data["score"] = pa.array(cols["score"], type=pa.float64())
            data["edits"] = pa.array(cols["edits"], type=pa.list_(edit))
            yield pa.RecordBatch.from_arrays([data[n] for n in names], names=names)

    return df.mapInArrow(repair, schema)


def repair_files(spark, input: str, output: str, column: str = "text", format: str = "parquet", threads: int = 1):
    """The job: read ``input``, repair ``column``, write ``output`` (overwritten)."""
    df = spark.read.format(format).load(input)
    out = unspin_dataframe(df, column=column, threads=threads)
    out.write.mode("overwrite").format(format).save(output)


def main(argv=None):
    from pyspark.sql import SparkSession

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--column", default="text")
    p.add_argument("--format", default="parquet", choices=["parquet", "json"])
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    spark = SparkSession.builder.appName("unspin").getOrCreate()
    repair_files(spark, args.input, args.output, args.column, args.format, args.threads)
    spark.stop()


if __name__ == "__main__":
    main()
