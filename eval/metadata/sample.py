"""Draw the deterministic sample for the metadata gold file (eval/metadata/gold.jsonl).

Run from the repository root:  .venv/bin/python eval/metadata/sample.py
Writes eval/metadata/skeleton.jsonl: one line per sampled readout with the label
fields left empty (participants, kind, event_date, speaker) for a human to fill.

Sample: random.Random(20261202); 100 White House readouts, then 49 State Department
readouts (random.sample over the records in file order), then the seed readout = 150.
Then, in that order, up to 3 sentences per readout (random.sample over all sentences
of the readout that are >= 25 characters), reported in reading order.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20261202
N_WH, N_SD = 100, 49
MAX_SENTENCES, MIN_CHARS = 3, 25
CORPUS = Path("/work/shared/corpus")
SEED_FILE = Path("/work/shared/seeds/000_95fd29420489899a.txt")
SEED_TITLE = "ROK's President Moon Jae-in Meets with Wang Yi"  # from corpus SOURCES.md
OUT = Path(__file__).resolve().parent / "skeleton.jsonl"

ABBREVIATIONS = {
    "U.S.", "U.K.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Gen.", "Lt.", "Col.", "Sen.",
    "Rep.", "Gov.", "Amb.", "No.", "Jr.", "Sr.", "e.g.", "i.e.", "a.m.", "p.m.",
}
# end punctuation, an optional closing quote/bracket, whitespace, then an uppercase
# letter or an opening quote
_BOUNDARY = re.compile(r"[.?!][\"'”’)]?(?=\s+[A-Z\"'“‘])")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _is_abbreviation(text: str, end: int) -> bool:
    """True if the '.' ending at text[end-1] closes an abbreviation, not a sentence."""
    if text[end - 1] != ".":
        return False
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start:end].lstrip("(\"'“‘")
    if token in ABBREVIATIONS or any(token.endswith(a) for a in ABBREVIATIONS if "." in a[:-1]):
        return True
    # single capital initials ("R.") and runs of them ("D.C.", "U.N.")
    return bool(_INITIALS.fullmatch(token) or _INITIAL.search(text[max(0, end - 3):end]))


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each an exact substring of it (hard line breaks,
    i.e. list items, are also boundaries)."""
    out: list[str] = []
    for line in paragraph.split("\n"):
        pos = 0
        for m in _BOUNDARY.finditer(line):
            punct_end = m.start() + 1
            if _is_abbreviation(line, punct_end):
                continue
            sent = line[pos:m.end()].strip()
            if sent:
                out.append(sent)
            pos = m.end()
        tail = line[pos:].strip()
        if tail:
            out.append(tail)
    return out


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_seed() -> dict:
    raw = SEED_FILE.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
    assert m, "seed file must start with ' date YYYY-MM-DD '"
    body = raw[m.end():]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return {"id": SEED_FILE.stem, "title": SEED_TITLE, "date": m.group(1),
            "text": "\n\n".join(paragraphs)}


def paragraphs_of(rec: dict) -> list[str]:
    return rec["text"].split("\n\n")


def main() -> None:
    rng = random.Random(SEED)
    wh = load_jsonl(CORPUS / "whitehouse_readouts.jsonl")
    sd = load_jsonl(CORPUS / "state_department_readouts.jsonl")
    picked = ([("whitehouse", r) for r in rng.sample(wh, N_WH)]
              + [("state_department", r) for r in rng.sample(sd, N_SD)]
              + [("seed", load_seed())])
    rows = []
    for corpus, rec in picked:
        cands = []
        for pi, para in enumerate(paragraphs_of(rec), start=1):
            for si, sent in enumerate(split_sentences(para)):
                assert sent in para
                if len(sent) >= MIN_CHARS:
                    cands.append((pi, si, sent))
        chosen = sorted(rng.sample(cands, min(MAX_SENTENCES, len(cands))))
        rows.append({
            "readout_id": rec["id"], "corpus": corpus, "title": rec["title"],
            "date": rec["date"], "participants": [], "kind": "", "event_date": "",
            "sentences": [{"paragraph": p, "sentence": s, "speaker": None}
                          for p, _, s in chosen],
        })
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_sent = sum(len(r["sentences"]) for r in rows)
    print(f"wrote {len(rows)} readouts, {n_sent} sentences -> {OUT}")


if __name__ == "__main__":
    main()
