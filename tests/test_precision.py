"""--precision: what auto decides and why, forced values, the record in the index, and vectors that still find
the same paragraphs."""
import json
import sqlite3

import numpy as np
import pytest

from index import precision
from index.api import Library
from index.precision import check_forced, choose, decide
from index.types import InputError
from ui.cli import main

from conftest import CORPUS

AVX2_ONLY = frozenset({"sse4_2", "avx", "avx2", "fma"})


def _subset(path, count: int):
    lines = (CORPUS / "state_department_readouts.jsonl").read_text(encoding="utf-8").splitlines()[:count]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _paragraphs(index, count: int) -> list[str]:
    db = sqlite3.connect(index / "readouts.sqlite")
    rows = db.execute("SELECT text FROM paragraphs WHERE id % 29 = 0 ORDER BY id LIMIT ?", (count,)).fetchall()
    db.close()
    return [r[0] for r in rows]


def test_decide_keeps_a_candidate_only_when_it_matches_fp32_and_is_faster():
    assert decide(10.0, {"bf16": (4.0, 0.9999)})[0] == "bf16"
    kept, reason, speedup, cosine = decide(10.0, {"bf16": (4.0, 0.99)})
    assert kept == "fp32" and "cosine 0.9900 < 0.999" in reason and speedup == pytest.approx(2.5)
    kept, reason, _, _ = decide(10.0, {"bf16": (9.5, 0.99999)})
    assert kept == "fp32" and "only 1.05x" in reason
    assert decide(10.0, {"bf16": (5.0, 0.9999), "int8": (3.0, 0.9995)})[0] == "int8"  # the fastest that passes


def test_forced_bf16_is_refused_on_a_cpu_without_native_bf16(embedder, tmp_path, capsys):
    with pytest.raises(InputError, match="no native bf16"):
        check_forced("bf16", AVX2_ONLY)
    with pytest.raises(InputError, match="no native bf16"):
        choose("bf16", embedder, ["a paragraph"], features=AVX2_ONLY)
    check_forced("bf16", AVX2_ONLY | {"amx_bf16"})  # AMX: allowed
    if not precision.cpu_features() & {"amx_bf16", "avx512_bf16"}:  # this machine: the CLI says so, even with nothing to embed
        from ui.cli import main as cli

        folder = tmp_path / "index"
        assert cli(["ingest", str(_subset(tmp_path / "a.jsonl", 1)), "--index", str(folder), "--precision", "bf16"]) == 2
        assert "no native bf16" in capsys.readouterr().err
    assert choose("fp32", embedder, ["a paragraph"], features=AVX2_ONLY).reason == "forced"


def test_auto_on_a_cpu_without_native_candidates_keeps_fp32_and_says_why(embedder):
    choice = choose("auto", embedder, ["x"] * 5000, features=AVX2_ONLY)
    assert choice.precision == "fp32" and "no native bf16" in choice.reason and choice.speedup is None


def test_auto_with_a_native_candidate_times_it_on_a_sample(corpus_index, embedder, monkeypatch):
    monkeypatch.setattr(precision, "TRIAL_SAMPLE", 12)
    monkeypatch.setattr(precision, "WARM_UP", 2)
    texts = _paragraphs(corpus_index, 40) * 30
    small = choose("auto", embedder, texts[:50], features=AVX2_ONLY | {"avx512_bf16"})
    assert small.precision == "fp32" and "small ingest" in small.reason  # too few texts to be worth a trial
    # A clock that says every encode took 1 s: bf16 matches fp32 but is not faster, so fp32 stays.
    ticks = iter(range(100))
    choice = choose("auto", embedder, texts, features=AVX2_ONLY | {"avx512_bf16"}, clock=lambda: float(next(ticks)))
    assert choice.precision == "fp32" and choice.sample == 12 and choice.speedup == 1.0
    assert choice.min_cosine >= 0.999 and "only 1.00x" in choice.reason


def test_bf16_vectors_find_the_same_paragraphs_as_fp32(corpus_index, embedder):
    texts = _paragraphs(corpus_index, 40)  # bf16 is emulated (slow) on CPUs without it: few texts
    questions = ["What did the Secretary discuss with the Foreign Minister of Ukraine?",
                 "Which leaders talked about climate change?", "Who met to discuss the Indo-Pacific?",
                 "What was said about humanitarian assistance to Gaza?", "Did they discuss Iran's nuclear program?"]
    fp32, bf16 = embedder.encode(texts), embedder.encode(texts, precision="bf16")
    assert np.min(np.sum(fp32 * bf16, axis=1)) >= 0.999
    query = embedder.encode(questions)
    assert list(np.argmax(query @ fp32.T, axis=1)) == list(np.argmax(query @ bf16.T, axis=1))


def test_an_ingest_records_its_precision_in_meta_manifest_and_stats(tmp_path, embedder, capsys):
    library = Library(tmp_path / "index", embedder=embedder)
    library.ingest_paths([_subset(tmp_path / "a.jsonl", 3)], precision="fp32")
    recorded = library.stats()["precision"]
    assert recorded["precision"] == "fp32" and recorded["requested"] == "fp32" and recorded["reason"] == "forced"
    assert json.loads((tmp_path / "index" / "manifest.json").read_text())["precision"] == recorded
    # auto on a small ingest: a decision with its reason (no trial for a few texts, whatever the CPU)
    library.ingest_paths([_subset(tmp_path / "b.jsonl", 6)])
    recorded = library.stats()["precision"]
    assert recorded["requested"] == "auto" and recorded["precision"] == "fp32" and recorded["reason"]
    library.close()
    assert main(["stats", "--json", "--index", str(tmp_path / "index")]) == 0
    assert json.loads(capsys.readouterr().out)["precision"] == recorded
    assert main(["stats", "--index", str(tmp_path / "index")]) == 0
    assert "precision: fp32 (asked auto" in capsys.readouterr().out


def test_the_cli_refuses_an_unknown_precision_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("READOUTS_PRECISION", "fp8")
    assert main(["ingest", str(_subset(tmp_path / "a.jsonl", 1)), "--index", str(tmp_path / "index")]) == 2
    assert "precision must be one of" in capsys.readouterr().err and not (tmp_path / "index").exists()


def test_the_ingest_ratio_bench_times_a_whole_ingest_against_raw_encode():
    # eval.precision_bench --ingest, on a few real readouts: both sides encode the same chunks, and the ratio
    # and the precision the ingest chose are reported (fp32 here: under 1,000 texts no trial is run).
    from eval.precision_bench import ingest_ratio

    lines: list[str] = []
    (result,) = ingest_ratio([str(CORPUS)], limit=6, rounds=1, say=lines.append)
    assert result["chunks"] > 0 and result["embedded"] == result["chunks"]
    assert result["ratio"] == pytest.approx(result["raw_s"] / result["ingest_s"])
    assert result["precision"] == "fp32"
    assert any("--precision auto (fp32" in line for line in lines)


def test_where_bf16_is_native_auto_tries_openvino_and_torch_bf16_but_not_int8():
    # int8 never met the cosine bar where it was measured (0.985-0.988) and was slower than bf16 on both
    # native-bf16 CPUs; its trial cost 6-8 s of every ingest. Where bf16 is not native, int8 is still tried.
    amx = AVX2_ONLY | {"amx_bf16", "amx_int8", "avx512_bf16", "avx512_vnni"}
    assert precision.native_candidates(amx) == ["openvino-bf16", "bf16"]
    assert precision.native_candidates(AVX2_ONLY | {"avx512_vnni"}) == ["int8"]
    assert precision.native_candidates(AVX2_ONLY) == []
    with pytest.raises(InputError, match="openvino-bf16: this CPU .* no native bf16"):
        check_forced("openvino-bf16", AVX2_ONLY)


def test_openvino_bf16_vectors_find_the_same_paragraphs_as_fp32(corpus_index, embedder):
    # Runs emulated where the CPU has no bf16 (slower, same arithmetic): 40 texts, 5 questions.
    texts = _paragraphs(corpus_index, 40)
    questions = ["What did the Secretary discuss with the Foreign Minister of Ukraine?",
                 "Which leaders talked about climate change?", "Did they discuss Iran's nuclear program?"]
    fp32, bf16 = embedder.encode(texts), embedder.encode(texts, precision="openvino-bf16")
    assert bf16.shape == fp32.shape and np.allclose(np.linalg.norm(bf16, axis=1), 1.0, atol=1e-4)
    assert 0.999 <= np.min(np.sum(fp32 * bf16, axis=1)) < 1.0 + 1e-5
    query = embedder.encode(questions)
    assert list(np.argmax(query @ fp32.T, axis=1)) == list(np.argmax(query @ bf16.T, axis=1))


def test_openvino_bf16_encodes_in_batches_of_bf16_batch(corpus_index, embedder, monkeypatch):
    # Smaller batches ran faster on an AMX Xeon (index/embed.BF16_BATCH); other runtimes keep the embedder's batch size.
    from index import embed

    texts = _paragraphs(corpus_index, 100)
    runtime = embedder._openvino_bf16()
    sizes: list[int] = []
    real = runtime.run_many

    def run_many(batches):
        batches = list(batches)
        sizes.extend(len(b["input_ids"]) for b in batches)
        return real(batches)

    monkeypatch.setattr(runtime, "run_many", run_many)
    vectors = embedder.encode(texts, precision="openvino-bf16")
    assert vectors.shape == (100, embedder.dimension)
    assert max(sizes) == embed.BF16_BATCH < embedder.batch_size and sum(sizes) == 100
