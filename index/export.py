"""Offline exports of the embedding model for faster CPU runtimes: OpenVINO and ONNX Runtime, fp32 or int8.

An export is made once from the local sentence-transformers folder (nothing is downloaded) and cached
under the user cache dir, never inside site-packages. The exported graph includes pooling and
normalisation, so a runtime returns the sentence vectors directly.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Sequence

import numpy as np

# backend -> file inside the export folder
FILES = {"openvino": "model.xml", "openvino-int8": "model.xml", "onnx": "model.onnx", "onnx-int8": "model.onnx"}
CALIBRATION_SIZE = 300  # NNCF's default subset; more texts changed the cosines by < 0.001


def cache_root() -> Path:
    """Where exports live: $READOUTS_CACHE, else $XDG_CACHE_HOME/readouts, else ~/.cache/readouts."""
    if os.environ.get("READOUTS_CACHE"):
        return Path(os.environ["READOUTS_CACHE"]).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")).expanduser() / "readouts"


def export_folder(location: str, backend: str) -> Path:
    """The cache folder for one model's contents and a backend; changed weights or config give a new folder."""
    return cache_root() / "exports" / f"{Path(location).name}-{model_digest(location)}" / backend


def model_digest(location: str) -> str:
    """A digest of the model folder's weights and config files, by content.

    Keyed by content, not by path: each virtual environment (every clean clone, every reinstall) holds
    the bundled model at a new path, and a path key left one ~170 MB export per environment in the
    cache for good (5 GB on a build machine before this). Hashing the 90 MB weights takes ~0.1 s, once
    per process for a given file state.
    """
    folder = Path(location)
    files = sorted(p for pattern in ("*.safetensors", "*.bin", "*.json", "*/*.json") for p in folder.glob(pattern))
    stamp = tuple((str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return _content_digest(stamp) if files else hashlib.sha256(str(location).encode()).hexdigest()[:12]


@functools.lru_cache(maxsize=8)
def _content_digest(stamp: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for path, _, _ in stamp:
        digest.update(Path(path).name.encode() + b"\0")
        with open(path, "rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:12]


def find_export(location: str, backend: str) -> Path | None:
    """The export folder for a backend, if the export was made already (export.json is written last)."""
    folder = export_folder(location, backend)
    return folder if (folder / "export.json").exists() else None


def load_sentence_transformer(location: str, device: str):
    """A SentenceTransformer from a local folder, loaded without transformers' "Loading weights" bar."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    # The bar is redrawn on every load (each `readouts ask` that needs torch) and tells a user nothing.
    # It is off only for the load, so a caller's own choice of progress bars elsewhere stands.
    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        return SentenceTransformer(location, device=device)
    finally:
        if shown:
            transformers_logging.enable_progress_bar()


def announce_export(what: str, location: str, backend: str) -> None:
    """One line on stderr before an export is made: it makes that one call seconds slower than any later one."""
    print(f"notice: preparing {what} once ({backend} export, a few seconds); cached in "
          f"{export_folder(location, backend)}", file=sys.stderr, flush=True)


def export(model, location: str, backend: str, calibration: Sequence[str] = ()) -> Path:
    """Export a loaded SentenceTransformer (fp32, CPU) for a backend; returns the export folder.

    `calibration` (openvino-int8 only) is a sample of the texts the model will embed: static
    quantisation sets its activation ranges from them.
    """
    if backend not in FILES:
        raise ValueError(f"backend must be one of {', '.join(FILES)}, got {backend!r}")
    if backend == "openvino-int8" and not calibration:
        raise ValueError("openvino-int8 needs calibration texts (a few hundred paragraphs of the corpus)")
    folder = export_folder(location, backend)
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename, so a killed export never leaves a half-written model.
    work = Path(tempfile.mkdtemp(prefix=f".{backend}-", dir=folder.parent))
    try:
        target = work / FILES[backend]
        with warnings.catch_warnings():
            # Tracing warns that shape checks become constants; they hold for every batch (mask and tokens
            # always have the same length), and the cosine checks in tests/test_vectors.py confirm it.
            warnings.simplefilter("ignore")
            if backend in ("onnx", "onnx-int8"):
                _export_onnx(model, target, quantize=backend == "onnx-int8")
            else:
                _export_openvino(model, target, list(calibration) if backend == "openvino-int8" else None)
        (work / "tokenizer.json").write_text(model.tokenizer.backend_tokenizer.to_str())
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        (work / "export.json").write_text(json.dumps({
            "backend": backend, "source": str(location), "dimension": int(dimension()),
            "max_seq_length": int(model.max_seq_length), "input_names": input_names(model),
            "calibration_texts": min(len(calibration), CALIBRATION_SIZE) if backend == "openvino-int8" else 0}, indent=2))
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def input_names(model) -> list[str]:
    """The tokenizer outputs the model takes (BERT: input_ids, attention_mask, token_type_ids)."""
    wanted = ("input_ids", "attention_mask", "token_type_ids")
    return [n for n in wanted if n in getattr(model.tokenizer, "model_input_names", wanted)]


def tokenize(model, texts: Sequence[str], names: Sequence[str]) -> dict[str, np.ndarray]:
    """A padded int64 batch exactly as sentence-transformers would build it."""
    batch = model.tokenizer(list(texts), padding=True, truncation=True, max_length=model.max_seq_length,
                            return_tensors="np")
    return {name: batch[name].astype(np.int64) for name in names}


def _pooled_module(model, names: Sequence[str]):
    import torch

    class Pooled(torch.nn.Module):
        """The whole sentence-transformers pipeline (transformer, pooling, dense...) plus L2 normalisation."""

        def __init__(self):
            super().__init__()
            self.inner = model

        def forward(self, *tensors):
            vectors = self.inner(dict(zip(names, tensors)))["sentence_embedding"]
            return torch.nn.functional.normalize(vectors, dim=-1)

    return Pooled().eval()


def _example(model, names):
    import torch

    sample = tokenize(model, ["An example sentence.", "A second, slightly longer example sentence."], names)
    return tuple(torch.from_numpy(sample[n]) for n in names)


def _export_openvino(model, target: Path, calibration: list[str] | None) -> None:
    import openvino as ov
    import torch

    names = input_names(model)
    with torch.no_grad():
        converted = ov.convert_model(_pooled_module(model, names), example_input=_example(model, names))
    for port, name in zip(converted.inputs, names):
        port.get_tensor().set_names({name})
    if calibration:
        import nncf

        items = [tokenize(model, [text], names) for text in calibration[:CALIBRATION_SIZE]]
        converted = nncf.quantize(converted, nncf.Dataset(items), model_type=nncf.ModelType.TRANSFORMER,
                                  subset_size=len(items))
    ov.save_model(converted, str(target), compress_to_fp16=False)


def _export_onnx(model, target: Path, quantize: bool) -> None:
    import torch

    names = input_names(model)
    fp32 = target.with_name("model-fp32.onnx") if quantize else target
    axes = {name: {0: "batch", 1: "tokens"} for name in names}
    with torch.no_grad():
        torch.onnx.export(_pooled_module(model, names), _example(model, names), str(fp32), input_names=names,
                          output_names=["sentence_embedding"], dynamic_axes=axes | {"sentence_embedding": {0: "batch"}},
                          opset_version=17, dynamo=False)
    if not quantize:
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Unsigned weights: on AVX2 without VNNI the signed kernels saturate and lose accuracy (cosine 0.986 vs 0.993 measured).
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QUInt8, per_channel=True)
    fp32.unlink()


class Runtime:
    """An exported model compiled for the CPU: padded batches in, L2-normalised float32 vectors out.

    OpenVINO runs one stream per core, each single-threaded: a query uses one core with no thread
    barriers (on a busy 2-core machine barriers cost more than the second core gives), and batches
    run on all streams at once.
    """

    def __init__(self, folder: Path, backend: str, threads: int = 0, config: dict | None = None):
        self.backend = backend
        path = folder / FILES[backend]
        if backend.startswith("onnx"):
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = threads  # 0: one per core
            self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        else:
            import openvino as ov

            # config: {"INFERENCE_PRECISION_HINT": "bf16"} for an ingest's openvino-bf16 precision (OpenVINO
            # picks bf16 by itself on AMX; named here so AVX512_BF16 CPUs get it too).
            self._compiled = ov.Core().compile_model(str(path), "CPU", {"PERFORMANCE_HINT": "THROUGHPUT", **(config or {})})
            self.streams = int(self._compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))

    def __call__(self, batch: dict[str, np.ndarray]) -> np.ndarray:
        """One batch (a query, say) on one stream."""
        if self.backend.startswith("onnx"):
            return self._session.run(None, batch)[0]
        # A fresh request per call keeps concurrent callers (server threads) apart.
        return np.array(self._compiled.create_infer_request().infer(batch)[0], dtype=np.float32)

    def run_many(self, batches) -> list[np.ndarray]:
        """Many batches, as many at a time as there are streams; results in input order."""
        if self.backend.startswith("onnx"):
            return [self(batch) for batch in batches]
        import openvino as ov

        results: dict[int, np.ndarray] = {}
        queue = ov.AsyncInferQueue(self._compiled, self.streams)
        queue.set_callback(lambda request, i: results.__setitem__(i, np.array(request.get_output_tensor(0).data)))
        for i, batch in enumerate(batches):
            queue.start_async(batch, i)
        queue.wait_all()
        return [results[i] for i in range(len(results))]
