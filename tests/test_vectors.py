"""The FAISS side: exact/IVF switching, recall against exact on real vectors, filters, removal; and the
embedding backends (quantised export, GPU fast path run on the CPU) against the reference model."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from index.vectors import IndexPolicy, VectorIndex

REPO = Path(__file__).resolve().parents[1]
SMALL = IndexPolicy(flat_limit=1000, brute_force_limit=300)  # makes the 5.8k-vector corpus an IVF index

QUESTIONS = ["What did the leaders discuss about climate change?", "Which sanctions on Russia were discussed?",
             "What was said about the war in Ukraine?", "Who met to discuss trade and supply chains?",
             "What did the Secretary say about the Indo-Pacific?", "Did they talk about North Korea's missiles?",
             "What was agreed on COVID-19 vaccines?", "How did they describe NATO?",
             "What was discussed about Taiwan?", "What about energy security in Europe?"]


@pytest.fixture(scope="module")
def real(library):
    """(ids, vectors) of the corpus index and the query vectors of real questions."""
    ids, matrix = library.store.all_vectors()
    queries = [library.embedder.encode_query(q) for q in QUESTIONS]
    titles = [r.title for r in library.readouts(limit=40)]
    queries += [library.embedder.encode_query(t) for t in titles]
    return ids, matrix, queries


def top(index: VectorIndex, query, k: int, allowed=None) -> list[int]:
    return [i for i, _ in index.search(query, k, allowed)]


def test_kind_follows_size(real):
    ids, matrix, _ = real
    assert VectorIndex.build(matrix.shape[1], ids[:900], matrix[:900], SMALL).kind == "flat"
    index = VectorIndex.build(matrix.shape[1], ids[:900], matrix[:900], SMALL)
    index.add(ids[900:], matrix[900:])
    assert index.kind == "ivf" and len(index) == len(ids)
    index.remove(ids[400:])  # below half the limit: back to exact
    assert index.kind == "flat" and len(index) == 400


def test_ivf_recall_against_exact(real):
    ids, matrix, queries = real
    exact = VectorIndex.build(matrix.shape[1], ids, matrix, IndexPolicy(flat_limit=len(ids) + 1))
    approximate = VectorIndex.build(matrix.shape[1], ids, matrix, SMALL)
    assert approximate.kind == "ivf"
    recall = np.mean([len(set(top(approximate, q, 10)) & set(top(exact, q, 10))) / 10 for q in queries])
    assert recall >= 0.98, recall


def test_filtered_search(real):
    ids, matrix, queries = real
    exact = VectorIndex.build(matrix.shape[1], ids, matrix, IndexPolicy(flat_limit=len(ids) + 1))
    approximate = VectorIndex.build(matrix.shape[1], ids, matrix, SMALL)
    few, many = ids[::40], ids[::3]  # scored exactly / searched with a selector
    for query in queries[:10]:
        assert top(approximate, query, 10, few) == top(exact, query, 10, few)
        found = top(approximate, query, 10, many)
        assert set(found) <= set(many.tolist()) and len(found) == 10
        # A filter this size is searched over every list: exact but for fp16 rounding of near ties.
        assert len(set(found) & set(top(exact, query, 10, many))) >= 9
        assert set(top(exact, query, 10, many)) <= set(many.tolist())
    assert approximate.search(queries[0], 10, np.array([], dtype=np.int64)) == []


@pytest.mark.parametrize("policy", [SMALL, IndexPolicy()], ids=["ivf", "flat"])
def test_removal(real, policy, tmp_path):
    ids, matrix, queries = real
    index = VectorIndex.build(matrix.shape[1], ids, matrix, policy)
    gone = set(top(index, queries[0], 50))
    index.remove(list(gone) + [10**9])  # an unknown id is ignored
    assert len(index) == len(ids) - len(gone)
    assert not gone & set(top(index, queries[0], 200))
    assert not gone & set(top(index, queries[0], 10, ids[::2]))
    index.write(tmp_path / "v.faiss")
    back = VectorIndex.read(tmp_path / "v.faiss", matrix.shape[1], policy)
    assert back.kind == index.kind and len(back) == len(index)
    back_ids, back_matrix = back.items()
    order = np.argsort(back_ids)
    keep = ~np.isin(ids, list(gone))
    # IVF lists keep fp16 codes: vectors come back within fp16 rounding (~5e-4 on unit-length components).
    assert np.array_equal(back_ids[order], ids[keep]) and np.allclose(back_matrix[order], matrix[keep], atol=2e-3)


def test_store_records_ivf_and_keeps_working(corpus_index, embedder, tmp_path, monkeypatch):
    import index.vectors
    from index.api import Library

    folder = tmp_path / "index"
    shutil.copytree(corpus_index, folder)
    for cache in folder.glob("vectors-*.faiss"):
        cache.unlink()  # opening rebuilds from SQLite under the patched policy
    monkeypatch.setattr(index.vectors, "DEFAULT_POLICY", SMALL)
    library = Library(folder, embedder=embedder, create=False)
    assert library.store.vectors.kind == "ivf"
    assert json.loads((folder / "manifest.json").read_text())["index_type"] == "ivf"
    hits = library.search("climate change", k=5)
    assert hits
    library.remove([hits[0].readout_id])
    assert hits[0].readout_id not in {h.readout_id for h in library.search("climate change", k=20)}
    filtered = library.search("climate change", {"date_from": "2022-01-01", "date_to": "2022-12-31"}, k=10)
    assert filtered and all("2022-01-01" <= h.date <= "2022-12-31" for h in filtered)
    library.close()


# --- embedding backends ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def paragraphs(library):
    texts = [t for (t,) in library.store.db.execute("SELECT text FROM paragraphs ORDER BY id")]
    return texts[::25][:200], texts[1::25][:300]  # sample to check, calibration sample (disjoint)


def test_quantized_backend_matches_fp32(embedder, paragraphs, monkeypatch):
    pytest.importorskip("openvino")
    pytest.importorskip("nncf")
    from index.embed import Embedder

    # The int8 export calibrates for a few minutes on 2 cores: keep it between runs with the test index.
    monkeypatch.setenv("READOUTS_CACHE", str(REPO / ".test-index" / "cache"))
    sample, calibration = paragraphs
    quantized = Embedder(backend="openvino-int8", calibration=calibration)
    cosine = np.sum(quantized.encode(sample) * embedder.encode(sample), axis=1)
    assert cosine.mean() >= 0.99 and cosine.min() >= 0.98, (cosine.mean(), cosine.min())
    assert quantized.encode_query("What about Ukraine?") @ embedder.encode_query("What about Ukraine?") >= 0.98
    assert quantized.count_tokens(sample[0]) == embedder.count_tokens(sample[0])


@pytest.mark.parametrize("feed", ["threads", "processes"])
def test_gpu_fast_path_on_cpu(embedder, paragraphs, feed):
    sample = paragraphs[0][:64]
    original = embedder.workers
    embedder.workers = 2
    try:
        fast = embedder.encode_fast(sample, batch_size=16, prefetch=2, feed=feed)
    finally:
        embedder.workers = original
    assert np.sum(fast * embedder.encode(sample), axis=1).min() >= 0.9999


def test_gpu_thread_feed_raises_the_tokenizers_error_and_stops(embedder, paragraphs):
    import threading

    texts = list(paragraphs[0][:40]) + [b"not a str"]  # the tokenizer refuses bytes, in the third batch of 16
    with pytest.raises(TypeError):
        embedder.encode_fast(texts, batch_size=16, prefetch=1, feed="threads")
    assert not any(t.name == "gpu-feed" for t in threading.enumerate())


def test_a_lone_query_runs_on_two_threads_and_matches_one_thread(embedder):
    from concurrent.futures import ThreadPoolExecutor

    assert embedder.query_backend == "onnx"  # the shipped default: queries on ONNX Runtime
    texts = [f"What did Biden and Xi discuss about Taiwan in {year}?" for year in range(2021, 2029)]
    for text in texts:
        embedder.forget(text)
    lone = embedder.encode_query(texts[0])
    assert embedder._query_pair is not None  # no other query was being embedded: the two-thread session ran it
    single = embedder._query_runner(alone=False)
    assert single is not embedder._query_pair
    assert float(lone @ single(embedder.tokens.batch([texts[0]]))[0]) > 0.99999
    with ThreadPoolExecutor(4) as pool:  # at the same time: each on whichever session it was given
        together = list(pool.map(embedder.encode_query, texts[1:]))
    for text, vector in zip(texts[1:], together):
        assert float(vector @ single(embedder.tokens.batch([text]))[0]) > 0.99999
    assert embedder._encoding == 0


def test_an_answers_sentences_embedded_alone_run_on_two_threads(embedder, monkeypatch):
    """Sentence batches (1-4 candidates a call, mostly) take the two-thread session as a lone query does, and
    the one-thread session while something else is being embedded; the vectors are the same either way."""
    sentences = ["The President reaffirmed the United States' commitment to NATO.", "They discussed Taiwan."]
    asked = []
    runner = embedder._query_runner
    monkeypatch.setattr(embedder, "_query_runner", lambda alone=False: asked.append(alone) or runner(alone))
    lone = embedder.encode_sentences(sentences)
    embedder._encoding += 1  # a query being embedded meanwhile (another server thread)
    try:
        busy = embedder.encode_sentences(sentences)
    finally:
        embedder._encoding -= 1
    assert asked == [True, False]
    assert np.sum(lone * busy, axis=1).min() > 0.99999
    assert embedder._encoding == 0


def test_export_cache_is_keyed_by_the_models_contents(tmp_path):
    """Every clean clone or reinstall holds the bundled model at a new path; a path key left one export per
    environment in the cache for good (5 GB of them filled a build machine's disk). The same contents at
    another path find the same export; a changed config file (pooling, say) gets a new one."""
    from index.embed import resolve_model
    from index.export import export_folder

    _, bundled = resolve_model(None)
    copy = shutil.copytree(bundled, tmp_path / Path(bundled).name)
    assert export_folder(str(copy), "onnx") == export_folder(bundled, "onnx")
    pooling = copy / "1_Pooling" / "config.json"
    settings = json.loads(pooling.read_text())
    pooling.write_text(json.dumps(settings | {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    assert export_folder(str(copy), "onnx") != export_folder(bundled, "onnx")
