"""Check eval/metadata/gold.jsonl against the corpus and the labeling guide.

Run from the repository root:  .venv/bin/python eval/metadata/validate.py
Exits non-zero on a hard error; prints counts and soft warnings.
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample import CORPUS, load_jsonl, load_seed, paragraphs_of  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold.jsonl"
KINDS = {"call", "meeting", "visit", "statement", "other"}
CORPORA = {"whitehouse", "state_department", "seed"}


def iso(s) -> dt.date:
    return dt.date.fromisoformat(s)


def main() -> int:
    recs = {r["id"]: r for r in load_jsonl(CORPUS / "whitehouse_readouts.jsonl")
            + load_jsonl(CORPUS / "state_department_readouts.jsonl")}
    seed = load_seed()
    recs[seed["id"]] = seed
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    errors, warnings = [], []
    n_sent = 0
    kinds, corpora, speakers = collections.Counter(), collections.Counter(), collections.Counter()
    ids = set()
    outsiders = collections.Counter()  # named speakers who are not participants
    for i, g in enumerate(rows):
        rid = g["readout_id"]
        where = f"line {i + 1} ({rid})"
        if rid in ids:
            errors.append(f"{where}: duplicate readout_id")
        ids.add(rid)
        rec = recs.get(rid)
        if rec is None:
            errors.append(f"{where}: unknown readout_id")
            continue
        if g["corpus"] not in CORPORA:
            errors.append(f"{where}: bad corpus {g['corpus']!r}")
        corpora[g["corpus"]] += 1
        if g["title"] != rec["title"] or g["date"] != rec["date"]:
            errors.append(f"{where}: title/date differ from the corpus")
        if g["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {g['kind']!r}")
        kinds[g["kind"]] += 1
        try:
            if iso(g["event_date"]) > iso(g["date"]):
                warnings.append(f"{where}: event_date after publication date")
        except (TypeError, ValueError):
            errors.append(f"{where}: bad event_date {g['event_date']!r}")
        names = set()
        for p in g["participants"]:
            if set(p) != {"name", "role", "country"} or not p["name"]:
                errors.append(f"{where}: bad participant {p}")
            names.add(p["name"])
        paras = paragraphs_of(rec)
        for s in g["sentences"]:
            n_sent += 1
            pi = s["paragraph"]
            if not (1 <= pi <= len(paras)) or s["sentence"] not in paras[pi - 1]:
                errors.append(f"{where}: sentence not in paragraph {pi}: {s['sentence'][:60]!r}")
            sp = s["speaker"]
            if sp is None:
                speakers["null"] += 1
            elif sp == "both":
                speakers["both"] += 1
            else:
                speakers["named participant" if sp in names else "named non-participant"] += 1
                if sp not in names:
                    outsiders[sp] += 1
    if len(rows) != 150:
        errors.append(f"expected 150 readouts, got {len(rows)}")
    if n_sent < 300:
        errors.append(f"expected >= 300 sentences, got {n_sent}")
    print(f"readouts: {len(rows)} {dict(corpora)}")
    print(f"sentences: {n_sent}")
    print(f"kinds: {dict(kinds.most_common())}")
    print(f"speakers: {dict(speakers.most_common())}")
    if outsiders:
        print(f"named non-participant speakers: {dict(outsiders.most_common())}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
