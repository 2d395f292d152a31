"""Precision and recall of `qa.compare`'s sentence alignment per similarity threshold, on the hand-labeled
pairs of eval/compare/gold.jsonl. Prints a Markdown table (docs/EVAL.md "Compare").

    .venv/bin/python -m eval.compare_threshold --index data/index

A predicted pair is right when the gold lists it as the same statement. A gold sentence may have several
acceptable partners, and the aligner matches one to one, so recall counts the right pairs against the
largest one-to-one matching the gold allows.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "compare" / "gold.jsonl"
THRESHOLDS = tuple(round(0.40 + 0.05 * i, 2) for i in range(11))  # 0.40 .. 0.90


def largest_matching(edges: set[tuple[int, int]]) -> int:
    """Size of a maximum one-to-one matching of a small bipartite graph (augmenting paths)."""
    partners: dict[int, list[int]] = {}
    for left, right in edges:
        partners.setdefault(left, []).append(right)
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in partners[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    return sum(augment(left, set()) for left in partners)


def _index_of(sentences, side: dict) -> int:
    for i, sentence in enumerate(sentences):
        if sentence.paragraph == side["paragraph"] and sentence.text == side["quote"]:
            return i
    raise ValueError(f"gold sentence not found in its readout: {side}")


def measure(library, gold_path: Path = GOLD, thresholds=THRESHOLDS) -> list[dict]:
    """One row per threshold: predicted, right, gold (largest matching), precision, recall, F1."""
    from qa.compare import align, sentence_vectors
    from qa.readout_sentences import sentences_of

    runs = []  # per readout pair: every greedy match down to any similarity, and the gold edges
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        left, right = (library.readout(record[side]) for side in ("left", "right"))
        if left is None or right is None:
            raise ValueError(f"{record['left']} / {record['right']}: not in this index")
        left_sentences, right_sentences = sentences_of(left), sentences_of(right)
        # Greedy alignment takes pairs from the most similar down, so a threshold only cuts its list short.
        matches = align(sentence_vectors(library, left.id, left_sentences),
                        sentence_vectors(library, right.id, right_sentences), threshold=-1.0)
        edges = {(_index_of(left_sentences, s["left"]), _index_of(right_sentences, s["right"])) for s in record["same"]}
        runs.append((matches, edges))
    rows = []
    for threshold in thresholds:
        predicted = right = gold = 0
        for matches, edges in runs:
            kept = [(i, j) for i, j, score in matches if score >= threshold]
            predicted += len(kept)
            right += sum(pair in edges for pair in kept)
            gold += largest_matching(edges)
        precision = right / predicted if predicted else 1.0
        recall = right / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"threshold": threshold, "predicted": predicted, "right": right, "gold": gold,
                     "precision": precision, "recall": recall, "f1": f1})
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| threshold | aligned | right | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    best = max(rows, key=lambda r: (r["f1"], r["threshold"]))
    for r in rows:
        mark = " **best**" if r is best else ""
        lines.append(f"| {r['threshold']:.2f}{mark} | {r['predicted']} | {r['right']} | {r['precision']:.3f} | "
                     f"{r['recall']:.3f} | {r['f1']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=os.environ.get("READOUTS_INDEX", "data/index"))
    parser.add_argument("--gold", default=str(GOLD))
    args = parser.parse_args(argv)
    from index.api import Library

    library = Library(args.index, create=False)
    rows = measure(library, Path(args.gold))
    pairs = len(Path(args.gold).read_text(encoding="utf-8").splitlines())
    print(f"{pairs} readout pairs, {rows[0]['gold']} alignable sentence pairs in the gold\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
