"""Does a comparison find both contacts however it is asked? The White House and State Department readouts of
one visitor's talks with Sullivan and Blinken (dev pairs only: analyst_dev.jsonl and analyst_dev3.jsonl) asked in
seven phrasings each; prints how many answers cite both readouts, and how many also hold the dev answers.

    python -m eval.phrasings --index .test-index/corpus

A benchmark of robustness to wording, not a question set: the phrasings are templates, the readouts and the
verbatim answers come from the dev questions named below.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent / "questions"
# (dev question whose gold readouts are the pair, the visitor as a question names them, the day(s), pronoun)
PAIRS = (("a-d012", "Irish Foreign Minister Simon Coveney", "May 24, 2021", "him"),
         ("a-d030", "Israeli Defense Minister Benny Gantz", "June 3, 2021", "him"),
         ("a3-016", "French Foreign Minister Le Drian", "July 14, 2021", "him"),
         ("a3-002", "Indian External Affairs Minister Jaishankar", "May 27 and 28, 2021", "him"),
         ("a3-013", "Qatar's Foreign Minister", "July 20 and 22, 2021", "him"))
PHRASINGS = (
    "How did the White House and State Department readouts of {v}'s meetings on {d} differ?",
    "Compare the readouts of Jake Sullivan's and Secretary Blinken's meetings with {v} on {d}.",
    "What did the State Department readout of Blinken's meeting with {v} ({d}) say that the White House readout of "
    "Sullivan's meeting with {p} did not, and vice versa?",
    "{v} met Sullivan and Blinken on {d}. What did each readout cover?",
    "What did Sullivan and Blinken each discuss with {v} on {d}?",
    "Contrast the NSC statement on Sullivan's meeting with {v} on {d} with the State Department's account of "
    "Blinken's meeting with {p}.",
    "On {d}, {v} saw both the National Security Advisor and the Secretary of State. Where do the two readouts part ways?",
)


def run(index, verbose: bool = False) -> dict:
    """Counts over every pair and phrasing; `index` is an index folder or an open Library."""
    from index.api import Library
    from qa.ask import ask

    rows = {}
    for name in ("analyst_dev.jsonl", "analyst_dev3.jsonl"):
        for line in (QUESTIONS / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows[row["id"]] = row
    library = index if isinstance(index, Library) else Library(index, create=False)
    both = held = asked = 0
    for qid, visitor, days, pronoun in PAIRS:
        gold = {g["doc"] for g in rows[qid]["gold"]}
        for phrasing in PHRASINGS:
            question = phrasing.format(v=visitor, d=days, p=pronoun)
            answer = ask(library, question)
            cited = {c.readout_id for c in answer.citations}
            asked += 1
            both += gold <= cited
            held += gold <= cited and all(a.lower() in answer.text.lower() for a in rows[qid]["answers"])
            if verbose and not gold <= cited:
                print(f"  one side missing: {question}")
    return {"asked": asked, "both_cited": both, "both_cited_and_answers": held}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=".test-index/corpus")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    out = run(args.index, args.verbose)
    print(f"both readouts cited: {out['both_cited']}/{out['asked']}; "
          f"and the dev answers held: {out['both_cited_and_answers']}/{out['asked']}")


if __name__ == "__main__":
    main()
