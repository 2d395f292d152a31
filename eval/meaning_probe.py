"""Could the bundled embedding model judge by meaning where the answer rules judge by words? Two probes on question
sets already read (docs/EVAL.md, forty-third part):

    python -m eval.meaning_probe --index .test-index/corpus              # every read dev set (~3 minutes, 2 cores)
    python -m eval.meaning_probe --index .test-index/corpus eval/questions/analyst_dev62.jsonl --limit 20

1. Refusal: of the questions the topic rule refuses on at most three readouts ("the one readout of X ... does not
   mention W"), the best cosine between the question (and its topic words) and any sentence of those readouts, for the
   unanswerable questions (refused rightly) against the answerable ones (refused wrongly). A threshold could replace
   the words only if the second were closer than the first.
2. Choosing paragraphs: of the discuss questions answered from a gold readout, the paragraphs the rules cite against
   those the model alone would choose (its closest to the topic words, and any within a margin of it, at most three),
   as paragraph precision, recall and how many answers cite every gold paragraph.

Prints two tables. The blind sets not yet read (UNREAD) are left out of the default sets: a probe that looked at them
would spend them.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "eval" / "questions"
UNREAD = ("analyst_dev74.jsonl", "analyst_dev76.jsonl", "analyst_dev79.jsonl", "analyst_dev83.jsonl",
          "analyst_dev84.jsonl")
THRESHOLDS = (0.45, 0.55, 0.65)
TOPIC_REFUSAL = re.compile(r"^The readouts do not cover this: .*\b(?:does not mention|mentions) ")
CHOOSERS = ((0.10, 3), (0.05, 3), (0.10, 2))  # (margin below the closest paragraph, most paragraphs)


def read_sets() -> list[Path]:
    """The dev question sets already read and tuned on."""
    return [p for p in sorted(QUESTIONS.glob("*dev*.jsonl")) if p.name not in UNREAD]


def refusal_closeness(library, questions) -> list[dict]:
    """Per question refused on its topic by at most three readouts: whether it is unanswerable, how many readouts,
    and the best cosine of the question and of its topic words to a sentence of those readouts."""
    from qa.ask import plan
    from qa.readout_sentences import encode_sentences, sentences_of

    rows = []
    for q in questions:
        try:
            p = plan(library, q.question, q.filters or None, list(q.history) or None)
        except Exception:  # (a question the engine rejects is no probe)
            continue
        # (the topic rule's refusals only: "... does not mention W", "... none of them mentions W"; not "no readout of
        # the time records a contact", whose passages are no readouts of the people)
        if not (TOPIC_REFUSAL.search(p.refusal) and p.scored):
            continue
        ids = list(dict.fromkeys(s.hit.readout_id for s in p.scored))[:3]
        sentences = [s.text for i in ids if (r := library.readout(i)) for s in sentences_of(r)]
        if not sentences:
            continue
        vectors = encode_sentences(library.embedder, sentences)
        topic = " ".join(p.question.topic) or q.question
        rows.append({"unanswerable": not q.gold and not q.answers, "readouts": len(ids),
                     "question": float((vectors @ library.embedder.encode_query(q.question)).max()),
                     "topic": float((vectors @ library.embedder.encode_query(topic)).max())})
    return rows


def refusal_table(rows: Sequence[dict]) -> str:
    one = [r for r in rows if r["readouts"] == 1]
    wrong = [r for r in one if r["unanswerable"]]
    right = [r for r in one if not r["unanswerable"]]
    lines = [f"| one readout found | unanswerable (refused rightly), n={len(wrong)} | answerable (refused wrongly), "
             f"n={len(right)} |", "|---|---|---|"]
    for key in ("question", "topic"):
        for t in THRESHOLDS:
            lines.append(f"| {key} >= {t:.2f} | {sum(r[key] >= t for r in wrong)} | {sum(r[key] >= t for r in right)} |")
    return "\n".join(lines)


def chooser_rows(library, questions) -> list[dict]:
    """Per discuss question answered from a gold readout: its gold and cited paragraphs there, and each paragraph's
    cosine to the question's topic words."""
    from qa.ask import ask, understand
    from qa.readout_sentences import encode_sentences, is_attribution

    rows = []
    for q in questions:
        if q.kind != "discuss" or not q.gold:
            continue
        answer = ask(library, q.question, q.filters or None, list(q.history) or None)
        gold_docs = {doc for doc, _ in q.gold}
        if answer.refused or not answer.citations or answer.citations[0].readout_id not in gold_docs:
            continue
        doc = answer.citations[0].readout_id
        paragraphs = list(library.readout(doc).paragraphs)
        topic = " ".join(understand(library, q.question).topic) or q.question
        cosines = encode_sentences(library.embedder, paragraphs) @ library.embedder.encode_query(topic)
        rows.append({"gold": sorted(n for d, n in q.gold if d == doc),
                     "cited": sorted({c.paragraph for c in answer.citations if c.readout_id == doc}),
                     "usable": [n for n, text in enumerate(paragraphs, 1) if not is_attribution(text)],
                     "cosines": cosines.tolist()})
    return rows


def choose(row: dict, margin: float, most: int) -> list[int]:
    """The paragraphs the model alone would cite: its closest to the topic, and any within `margin` of it."""
    usable = row["usable"] or list(range(1, len(row["cosines"]) + 1))
    cosines = np.array(row["cosines"])
    top = max(cosines[n - 1] for n in usable)
    return sorted((n for n in usable if cosines[n - 1] >= top - margin), key=lambda n: -cosines[n - 1])[:most]


def _scores(rows: Sequence[dict], chosen: Sequence[list[int]]) -> tuple[float, float, int]:
    precision = recall = 0.0
    whole = 0
    for row, picked in zip(rows, chosen):
        hit = len(set(picked) & set(row["gold"]))
        precision += hit / len(picked) if picked else 0.0
        recall += hit / len(row["gold"])
        whole += hit == len(row["gold"])
    return precision / len(rows), recall / len(rows), whole


def chooser_table(rows: Sequence[dict]) -> str:
    lines = [f"| chooser ({len(rows)} discuss answers) | paragraph precision | paragraph recall | all gold cited |",
             "|---|---|---|---|"]
    if not rows:
        return "\n".join(lines)
    p, r, w = _scores(rows, [row["cited"] for row in rows])
    lines.append(f"| the rules as they are | {p:.3f} | {r:.3f} | {w} |")
    for margin, most in CHOOSERS:
        p, r, w = _scores(rows, [choose(row, margin, most) for row in rows])
        lines.append(f"| topic words, within {margin:.2f}, at most {most} | {p:.3f} | {r:.3f} | {w} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="question sets (default: every dev set already read)")
    parser.add_argument("--index", type=Path, default=REPO / ".test-index" / "corpus")
    parser.add_argument("--limit", type=int, default=0, help="at most this many questions per file (0: all)")
    args = parser.parse_args(argv)
    from eval.questions import read_questions
    from index.api import Library

    library = Library(args.index)
    questions = []
    for path in args.files or read_sets():
        found = list(read_questions(path).questions)
        questions += found[:args.limit] if args.limit else found
    print(f"{len(questions)} questions, index {args.index}\n")
    print(refusal_table(refusal_closeness(library, questions)) + "\n")
    print(chooser_table(chooser_rows(library, questions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
