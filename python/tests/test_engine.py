"""The Python API on the bundled seeds: one spun article and clean controls."""

import json
import os
import pickle
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SPUN, read

import unspin


def test_spun_article_is_repaired(engine, spun):
    r = engine.repair(spun)
    assert "Chinese language President" in spun
    assert "Chinese language President" not in r.text
    assert "Chinese President" in r.text
    assert r.spun
    assert r.score > 2.0
    assert len(r.edits) > 100
    chinese = [e for e in r.edits if e.from_ == "Chinese language" and e.to == "Chinese"]
    assert chinese, "the names-and-titles fingerprint is applied"
    e = chinese[0]
    assert e.rule == "en/names-and-titles:chinese language"
    assert e.class_ == "fingerprint"
    assert e.dictionary == "en/names-and-titles"
    assert "fingerprint" in e.why and "context prefers" in e.why
    assert e.source.startswith("dictionaries/en/names-and-titles.yaml:")


def test_clean_seeds_are_unchanged_byte_for_byte(engine, clean):
    for text in clean:
        r = engine.repair(text)
        assert r.edits == []
        assert r.text == text
        assert r.text.encode("utf-8") == text.encode("utf-8")
        assert not r.spun


def test_applying_the_edits_gives_the_text(engine, spun):
    r = engine.repair(spun)
    out, at = [], 0
    for e in r.edits:
        assert at <= e.start < e.end
        assert spun[e.start : e.end] == e.from_
        out += [spun[at : e.start], e.to]
        at = e.end
    out.append(spun[at:])
    assert "".join(out) == r.text


def test_offsets_in_characters_and_in_bytes(engine):
    text = "Café owners — who protect their mental property — agree."
    r = engine.repair(text)
    [e] = r.edits
    assert (e.from_, e.to) == ("mental property", "intellectual property")
    assert text[e.start : e.end] == "mental property"
    raw = text.encode("utf-8")
    assert raw[e.byte_start : e.byte_end] == b"mental property"
    assert e.byte_start == e.start + 1 + 2  # é is 2 bytes, the dash 3
    assert r.text == text.replace("mental property", "intellectual property")


def test_to_dict_has_the_keys_of_the_json_records(engine, spun):
    d = engine.repair(spun).to_dict()
    assert set(d) == {"text", "edits", "spun", "score", "fingerprints", "words", "spin"}
    edit = d["edits"][0]
    for key in ("start", "end", "from", "to", "rule", "dictionary", "class", "why", "source", "note"):
        assert key in edit
    json.dumps(d)  # plain values only


def test_batch_equals_one_by_one(engine, spun, clean):
    texts = [spun, *clean, "", None, spun[:500], "The Chinese language President spoke."] * 3
    one_by_one = [None if t is None else engine.repair(t) for t in texts]
    for threads in (1, 2, 7):
        assert engine.repair_batch(texts, threads=threads) == one_by_one
    assert engine.repair_batch(iter(texts)) == one_by_one
    assert engine.repair_batch(tuple(texts)) == one_by_one
    assert engine.repair_batch([]) == []


def test_score_batch_equals_one_by_one(engine, spun, clean):
    texts = [spun, *clean, None]
    assert engine.score_batch(texts, threads=2) == [None if t is None else engine.score(t) for t in texts]


def test_score(engine, spun, clean):
    s = engine.score(spun)
    assert s.spun and s.edits == len(engine.repair(spun).edits)
    assert s.spin is not None and s.spin.read and s.spin.percent > 4.0
    assert s.spin.examples and all(len(x) == 3 for x in s.spin.examples)
    for text in clean:
        s = engine.score(text)
        assert not s.spun and s.edits == 0
        assert s.spin is not None and s.spin.read and s.spin.percent < 4.0


def test_pickle_round_trip(engine, spun):
    again = pickle.loads(pickle.dumps(engine))
    assert again.options == engine.options
    assert again.repair(spun) == engine.repair(spun)
    tuned = unspin.Engine(context="never", spun_threshold=1.5)
    again = pickle.loads(pickle.dumps(tuned))
    assert again.options == tuned.options
    assert again.options["context"] == "never"
    assert again.repair(spun) == tuned.repair(spun)


def test_pickle_carries_a_custom_dictionary(tmp_path, spun):
    yaml = tmp_path / "house.yaml"
    yaml.write_text("entries:\n  quarrel zone: disputed area\n", encoding="utf-8")
    engine = unspin.Engine(dicts=[yaml])
    text = "They met in the quarrel zone. " + spun[:300]
    r = engine.repair(text)
    assert r.edits[0].rule == "house:quarrel zone"
    data = pickle.dumps(engine)
    yaml.unlink()  # the other side has no such file: the compiled dictionary travels
    again = pickle.loads(data)
    assert again.repair(text) == r
    assert again.dicts == engine.dicts
    assert again.score(text) == engine.score(text)


def test_options(spun):
    e = unspin.Engine(context="never", suspects="never", margin=1.0, context_veto=3.0, min_fingerprints=1)
    o = e.options
    assert (o["context"], o["suspects"], o["margin"], o["veto"], o["min_fingerprints"]) == ("never", "never", 1.0, 3.0, 1)
    assert "context='never'" in repr(e)
    assert unspin.Engine(margin=0.3).options["margin"] == 0.3
    assert pickle.loads(pickle.dumps(unspin.Engine(veto=2.7))).options["veto"] == 2.7
    assert unspin.Engine(context_rival=1.5).options["rival"] == 1.5
    r = e.repair(spun)
    assert r.edits and all(x.class_ == "fingerprint" for x in r.edits)
    assert r.spin is None  # the context model is off


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"contxt": "auto"}, TypeError, "unexpected keyword argument 'contxt'"),
        ({"context": "sometimes"}, ValueError, "'auto', 'never'"),
        ({"suspects": True}, TypeError, "must be a str"),
        ({"margin": "1"}, TypeError, "must be a number"),
        ({"margin": float("nan")}, ValueError, "finite"),
        ({"spun_threshold": True}, TypeError, "must be a number"),
        ({"min_fingerprints": -1}, ValueError, "0 or more"),
        ({"min_fingerprints": 1.5}, TypeError, "must be an int"),
        ({"full_detection": 1}, TypeError, "True or False"),
        ({"margin": 1.0, "context_margin": 2.0}, TypeError, "twice"),
        ({"dicts": 42}, TypeError, "path"),
        ({"dicts": ["a.yaml", 3]}, TypeError, "not a path"),
    ],
)
def test_invalid_options_raise(kwargs, error, message):
    with pytest.raises(error, match=message):
        unspin.Engine(**kwargs)


def test_dictionary_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.yaml"):
        unspin.Engine(dicts=tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  a: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        unspin.Engine(dicts=[str(bad)])


def test_bad_input_raises_python_errors(engine):
    with pytest.raises(UnicodeEncodeError):
        engine.repair("lone \ud800 surrogate")
    with pytest.raises(TypeError):
        engine.repair(b"bytes")
    with pytest.raises(TypeError, match="not a str"):
        engine.repair_batch("a single string")
    with pytest.raises(TypeError, match="item 1 is int"):
        engine.repair_batch(["fine", 3])
    with pytest.raises(ValueError, match="kind"):
        engine.repair("x", kind="pdf")
    with pytest.raises(ValueError, match="threads"):
        engine.repair_batch(["x"], threads=0)
    with pytest.raises(ValueError, match="errors"):
        engine.repair_batch(["x"], errors="skip")
    # A NUL byte is text like any other to the library.
    assert engine.repair("a\0b mental property").text == "a\0b intellectual property"


def test_html_prose_only(engine):
    html = (
        '<p title="mental property">Our mental property &amp; commerce secrets and techniques'
        "</p><code>mental property</code><script>var s = 'mental property';</script>"
    )
    r = engine.repair_html(html)
    assert [(e.from_, e.to) for e in r.edits] == [
        ("mental property", "intellectual property"),
        ("commerce secrets and techniques", "trade secrets"),
    ]
    assert r.text == html.replace("Our mental", "Our intellectual").replace(
        "commerce secrets and techniques", "trade secrets"
    )
    assert engine.repair(html, kind="html") == r


def test_html_that_cannot_be_read_faithfully(engine):
    bad = "a\0<p>mental property</p>"
    with pytest.raises(ValueError, match="byte for byte"):
        engine.repair_html(bad)
    with pytest.raises(ValueError, match="document 0"):
        engine.repair_batch([bad], kind="html")
    out = engine.repair_batch([bad, "<p>mental property</p>"], kind="html", errors="ignore")
    assert out[0] is None and out[1].text == "<p>intellectual property</p>"


def test_markdown_code_is_left_alone(engine):
    md = "`mental property` aside, our commerce secrets and techniques"
    assert engine.repair(md, kind="markdown").text == "`mental property` aside, our trade secrets"


def test_arrow_and_pandas_inputs(engine, spun, clean):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    texts = [spun, None, *clean]
    expected = engine.repair_batch(texts)
    assert engine.repair_batch(pa.array(texts)) == expected
    assert engine.repair_batch(pa.chunked_array([texts[:2], texts[2:]])) == expected
    pd = pytest.importorskip("pandas", reason="pandas is not installed")
    assert engine.repair_batch(pd.Series(texts)) == expected  # None read back as NaN
    assert engine.repair_batch([pd.NA, float("nan"), None]) == [None, None, None]


def test_columns(engine, spun):
    cols = unspin.columns(engine.repair_batch([spun, None]))
    assert set(cols) == {"text", "spun", "spin", "score", "edits"}
    assert cols["spun"] == [True, None]
    assert set(cols["edits"][0][0]) == set(unspin.EDIT_FIELDS)
    full = unspin.Engine(full_detection=True)
    assert unspin.columns(full.repair_batch([spun]))["spin"][0] > 4.0


def test_one_engine_many_python_threads(engine, spun, clean):
    texts = [spun, *clean] * 4
    expected = [engine.repair(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(engine.repair, texts)) == expected


def test_the_gil_is_released_during_a_batch(engine, spun):
    """While a batch runs on another thread, this thread keeps running Python code."""
    texts = [spun] * 30
    started = time.perf_counter()
    engine.repair_batch(texts, threads=1)
    alone = time.perf_counter() - started
    done = threading.Event()
    worker = threading.Thread(target=lambda: (engine.repair_batch(texts, threads=1), done.set()))
    ticks, gap, last = 0, 0.0, time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
        ticks += 1
    worker.join()
    # Holding the GIL would stop this loop for the whole batch.
    assert gap < alone / 2, (gap, alone)
    assert ticks > 1000


def test_default_engine_and_repair():
    assert unspin.default_engine() is unspin.default_engine()
    assert unspin.repair("The Chinese language President spoke.").text == "The Chinese President spoke."
    assert unspin.__version__


def unspin_binary():
    path = os.environ.get("UNSPIN_BIN") or shutil.which("unspin")
    return path if path and Path(path).exists() else None


@pytest.mark.skipif(unspin_binary() is None, reason="no unspin binary (set UNSPIN_BIN or put unspin on PATH)")
def test_same_edits_as_the_command(engine, spun):
    """The bindings are the library: the command's JSON edits are the Python ones."""
    out = subprocess.run(
        [unspin_binary(), "--json", str(SPUN)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    cli = [(r["start"], r["end"], r["from"], r["to"], r["rule"], r["class"], r["why"]) for r in records if r["type"] == "edit"]
    py = [(e.byte_start, e.byte_end, e.from_, e.to, e.rule, e.class_, e.why) for e in engine.repair(read(SPUN)).edits]
    assert py == cli


@pytest.mark.skipif(unspin_binary() is None, reason="no unspin binary (set UNSPIN_BIN or put unspin on PATH)")
def test_same_html_edits_as_the_command(engine, spun, tmp_path):
    paragraphs = "".join(f'<p class="mental property">{p}</p>\n' for p in spun.split("\n\n"))
    html = f"<html><head><title>R&amp;D</title></head><body>{paragraphs}<code>mental property</code></body></html>"
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    out = subprocess.run([unspin_binary(), "--json", str(page)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    cli = [(r["start"], r["end"], r["from"], r["to"], r["why"]) for r in records if r["type"] == "edit"]
    py = [(e.byte_start, e.byte_end, e.from_, e.to, e.why) for e in engine.repair_html(html).edits]
    assert len(py) > 100
    assert py == cli


def test_ignore_markers_are_honoured(engine):
    text = "Our mental property.\nQuoted as sent: mental property. unspin:ignore\n"
    r = engine.repair(text)
    assert r.text == "Our intellectual property.\nQuoted as sent: mental property. unspin:ignore\n"
    html = "<p>Our mental property.</p>\n<p>As sent: mental property. <!-- unspin:ignore --></p>\n"
    assert engine.repair_html(html).text == html.replace("Our mental", "Our intellectual")
