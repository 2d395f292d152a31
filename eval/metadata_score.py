"""Score readout metadata against a hand-labelled gold file.

    python -m eval.metadata_score eval/metadata/gold.jsonl --shared ../shared [--split dev|test|all]

Splits, for tuning without overfitting: dev = the gold lines at even positions (0, 2, 4, ... of the
non-empty lines, in file order), test = the odd positions. Tune rules on dev's disagreements only and
score test once at the end; only the chosen split's lines are scored and its disagreements printed.

Gold lines: {"readout_id", "corpus", "title", "date", "participants": [{"name", "role", "country"}],
"kind", "event_date", "sentences": [{"paragraph", "sentence", "speaker"}]}.

Matching rules (documented, deliberately simple):
- a predicted participant matches a gold one by `index.metadata.same_person`: family names (last
  word, lower-case, accents folded, "Jr."/"II" dropped) equal; or, for names of two or three words
  (the family name may come first: "Xi Jinping", "Kishida Fumio"), any shared word of three or more
  letters that is not a common given name; or the names equal case-insensitively (an office used as
  a name, "Prime Minister of Japan"). Pairs are matched one-to-one, in gold order.
- role: equal after lower-casing, or one contains the other as whole words ("foreign minister" /
  "state councilor and foreign minister"); both missing counts as equal.
- country: equal after mapping both through the country table ("PRC" = "China").
- speaker: the predicted sentence containing the gold sentence's start offset; "both" == "both",
  None == None, names by the participant rule.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Mapping

from index.countries import country_of, fold
from index.metadata import ReadoutMetadata, extract_metadata, same_person

BOTH = "both"


def _lines(gold_lines: Iterable[Any]) -> list[dict]:
    records = []
    for number, line in enumerate(gold_lines, 1):
        if isinstance(line, Mapping):
            records.append(dict(line))
            continue
        text = str(line).strip()
        if not text:
            continue
        try:
            records.append(json.loads(text))
        except json.JSONDecodeError as error:
            raise ValueError(f"gold line {number}: invalid JSON: {error.msg}") from None
    return records


SPLITS = ("all", "dev", "test")


def select_split(records: list[dict], split: str) -> list[dict]:
    """The gold records of a split: "dev" the even positions (from 0), "test" the odd ones, "all" every one."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if split == "all":
        return list(records)
    parity = 0 if split == "dev" else 1
    return [record for position, record in enumerate(records) if position % 2 == parity]


def _role_match(predicted: str | None, gold: str | None) -> bool:
    a, b = fold(predicted or "").strip(), fold(gold or "").strip()
    if a == b:
        return True
    if not a or not b:
        return False
    return bool(re.search(rf"(?:^|\s){re.escape(a)}(?:$|\s)", b) or re.search(rf"(?:^|\s){re.escape(b)}(?:$|\s)", a))


def _country_match(predicted: str | None, gold: str | None) -> bool:
    a = country_of(predicted or "") or fold(predicted or "").strip()
    b = country_of(gold or "") or fold(gold or "").strip()
    return a == b


def _speaker_match(predicted: str | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if gold == BOTH or predicted == BOTH:
        return gold == predicted
    return same_person(predicted, gold)


def _pairs(predicted: list[Mapping], gold: list[Mapping]) -> list[tuple[Mapping, Mapping]]:
    """One-to-one matches, each gold participant taking the first unused predicted one that matches."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and same_person(str(p.get("name") or ""), str(g.get("name") or "")):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def score(gold_lines: Iterable[Any], predicted: Mapping[str, ReadoutMetadata],
          paragraphs: Mapping[str, tuple[str, ...]]) -> dict:
    """Participants P/R/F1 (micro), role and country accuracy on matched pairs, kind, event date and speaker accuracy."""
    tp = fp = fn = 0
    role_hits = country_hits = matched = 0
    kind_hits = date_hits = readouts = missing = 0
    speaker_hits = speaker_total = unlocated = 0
    errors: list[dict] = []
    for record in _lines(gold_lines):
        readout_id = str(record.get("readout_id") or "")
        readouts += 1
        metadata = predicted.get(readout_id)
        if metadata is None:
            missing += 1
            metadata = ReadoutMetadata("", "", (), ())
        gold_people = [p for p in record.get("participants") or [] if isinstance(p, Mapping)]
        predicted_people = [p.to_json() for p in metadata.participants]
        pairs = _pairs(predicted_people, gold_people)
        tp += len(pairs)
        fp += len(predicted_people) - len(pairs)
        fn += len(gold_people) - len(pairs)
        matched += len(pairs)
        role_hits += sum(_role_match(p.get("role"), g.get("role")) for p, g in pairs)
        country_hits += sum(_country_match(p.get("country"), g.get("country")) for p, g in pairs)
        if len(pairs) != len(gold_people) or len(pairs) != len(predicted_people):
            errors.append({"readout_id": readout_id, "field": "participants",
                           "gold": [g.get("name") for g in gold_people],
                           "predicted": [p.get("name") for p in predicted_people]})
        if "kind" in record:
            kind_hits += metadata.kind == record["kind"]
            if metadata.kind != record["kind"]:
                errors.append({"readout_id": readout_id, "field": "kind", "gold": record["kind"],
                               "predicted": metadata.kind})
        if "event_date" in record:
            date_hits += metadata.event_date == record["event_date"]
            if metadata.event_date != record["event_date"]:
                errors.append({"readout_id": readout_id, "field": "event_date", "gold": record["event_date"],
                               "predicted": metadata.event_date})
        texts = paragraphs.get(readout_id, ())
        for sentence in record.get("sentences") or []:
            number = int(sentence.get("paragraph") or 0)
            text = texts[number - 1] if 0 < number <= len(texts) else ""
            offset = text.find(str(sentence.get("sentence") or "")) if text else -1
            if offset < 0:
                unlocated += 1
                continue
            speaker_total += 1
            guess = metadata.speaker_at(number, offset)
            if _speaker_match(guess, sentence.get("speaker")):
                speaker_hits += 1
            else:
                errors.append({"readout_id": readout_id, "field": "speaker", "paragraph": number,
                               "sentence": str(sentence.get("sentence"))[:80], "gold": sentence.get("speaker"),
                               "predicted": guess})
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "readouts": readouts,
        "missing_predictions": missing,
        "participants": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                         "tp": tp, "fp": fp, "fn": fn},
        "role_accuracy": _ratio(role_hits, matched),
        "country_accuracy": _ratio(country_hits, matched),
        "kind_accuracy": _ratio(kind_hits, readouts),
        "event_date_accuracy": _ratio(date_hits, readouts),
        "speaker_accuracy": _ratio(speaker_hits, speaker_total),
        "speaker_sentences": speaker_total,
        "unlocated_sentences": unlocated,
        "errors": errors,
    }


TARGETS = {"participants F1": 0.95, "event date": 0.95, "kind": 0.95, "speaker": 0.9}


def _table(result: dict) -> str:
    rows = [
        ("participants P", result["participants"]["precision"], None),
        ("participants R", result["participants"]["recall"], None),
        ("participants F1", result["participants"]["f1"], TARGETS["participants F1"]),
        ("role (matched)", result["role_accuracy"], None),
        ("country (matched)", result["country_accuracy"], None),
        ("kind", result["kind_accuracy"], TARGETS["kind"]),
        ("event date", result["event_date_accuracy"], TARGETS["event date"]),
        ("speaker", result["speaker_accuracy"], TARGETS["speaker"]),
    ]
    lines = [f"{'metric':<20} {'value':>7}  target"]
    for name, value, target in rows:
        shown = "   -   " if value is None else f"{value:>7.3f}"
        mark = "" if target is None else (f"{target:.2f} " + ("ok" if value is not None and value >= target else "BELOW"))
        lines.append(f"{name:<20} {shown}  {mark}")
    lines.append(f"readouts {result['readouts']} (missing predictions {result['missing_predictions']}), "
                 f"speaker sentences {result['speaker_sentences']} (not found in text {result['unlocated_sentences']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Load the corpus and seeds, extract metadata, score it against the gold file and print a table."""
    from index.load import load_paths

    parser = argparse.ArgumentParser(prog="python -m eval.metadata_score", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold JSONL file")
    default_shared = os.environ.get("READOUTS_SHARED") or str(Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--shared", type=Path, default=Path(default_shared), help="folder with corpus/ and seeds/")
    parser.add_argument("--errors", type=int, default=20, help="how many disagreements to list (default 20)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="score only dev (even gold lines) or test (odd gold lines); default all")
    args = parser.parse_args(argv)
    try:
        gold = select_split(_lines(args.gold.read_text(encoding="utf-8").splitlines()), args.split)
    except OSError as error:
        print(f"cannot read {args.gold}: {error.strerror or error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"{args.gold}: {error}", file=sys.stderr)
        return 2
    paths = [p for p in (args.shared / "corpus", args.shared / "seeds") if p.exists()]
    if not paths:
        print(f"no corpus/ or seeds/ under {args.shared}", file=sys.stderr)
        return 2
    loaded = load_paths(paths)
    started = time.perf_counter()
    predicted = {r.id: extract_metadata(r) for r in loaded.readouts}
    seconds = time.perf_counter() - started
    paragraphs = {r.id: r.paragraphs for r in loaded.readouts}
    result = score(gold, predicted, paragraphs)
    result["split"] = args.split
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"split: {args.split} ({len(gold)} gold readouts)")
    print(_table(result))
    print(f"extracted {len(predicted)} readouts in {seconds:.2f} s")
    for error in result["errors"][:args.errors]:
        print("  " + json.dumps(error, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
