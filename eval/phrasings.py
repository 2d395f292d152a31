"""Does a comparison find both contacts however it is asked? Dev pairs of the held-out set's three compare kinds,
each asked in several phrasings: the White House and State Department readouts of one visitor's talks with
Sullivan and Blinken (seven phrasings), two U.S. officials with one counterpart on one day (five), one pair's
calls over time (five). Prints, per kind, how many answers cite both readouts and how many also hold the dev
question's verbatim answers (those name a topic the phrasings may not ask about, so the second count is lower).
Also dev who-said questions in five phrasings (how many answers name the speaker first, before ":" or ".") and
dev how-many, when and list questions in four (how many give the dev answer: the count in the first sentence,
the date near the start, every listed date), and dev refusals (a real pair, a topic never raised with them) in
nine phrasings: how many are refused.

    python -m eval.phrasings --index .test-index/corpus

A benchmark of robustness to wording, not a question set: the phrasings are templates, the readouts and the
verbatim answers come from the dev questions named below.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent / "questions"
# (dev question whose gold readouts are the pair, the visitor as a question names them, the day(s), pronoun)
VISITS = (("a-d012", "Irish Foreign Minister Simon Coveney", "May 24, 2021", "him"),
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
# (dev question, first official, second official, counterpart, day)
ONE_DAY = (("a3-029", "President Biden", "Vice President Harris", "Boris Johnson", "September 21, 2021"),
           ("a3-043", "President Biden", "Vice President Harris", "Cyril Ramaphosa", "September 16, 2022"))
ONE_DAY_PHRASINGS = (
    "{o1} and {o2} each met {v} on {d}. How did the two readouts differ?",
    "Compare what {o1} and {o2} discussed with {v} on {d}.",
    "What did {o1}'s meeting with {v} on {d} cover that {o2}'s meeting with him did not?",
    "How did the readouts of {v}'s meetings with {o1} and {o2} on {d} differ?",
    "On {d}, {v} met {o1} and {o2}. What did each readout stress?",
)
# (dev question, official, counterpart, first contact, second contact, each with its preposition)
OVER_TIME = (("a5-042", "President Biden", "President Lula", "in August 2023", "in July 2024"),
             ("a5-050", "President Biden", "President Zelenskyy", "on January 27, 2022", "on March 30, 2022"),
             ("a5-063", "Secretary Blinken", "Foreign Minister Cavusoglu", "on February 24, 2022", "on February 28, 2022"),
             ("a4-063", "President Biden", "Prime Minister Netanyahu", "on May 17, 2021", "on May 19, 2021"))
OVER_TIME_PHRASINGS = (
    "How did {o}'s call with {v} {d1} differ from their call {d2}?",
    "What changed between {o}'s calls with {v} {d1} and {d2}?",
    "Compare the readouts of {o}'s calls with {v} {d1} and {d2}.",
    "{o} spoke with {v} {d1} and again {d2}. What did each call cover that the other did not?",
    "What did {o} and {v} discuss {d1}, and how was their call {d2} different?",
)


# (dev question, one side, the other, time with its preposition, kind of contact, what was said, who said it)
WHO_SAID = (("a-d010", "Jake Sullivan", "Ibrahim Kalin", "in January 2022", "call", "brought up the conflict in Ethiopia",
             "Sullivan"),
            ("a-d038", "Vice President Harris", "President Tshisekedi", "in February 2021", "call",
             "raised concerns about the situation in Ethiopia's Tigray region", "Harris"),
            ("a5-010", "Secretary Blinken", "Armenia's acting Prime Minister Pashinyan", "in July 2021", "call",
             "pressed for prisoners held in Azerbaijan to be sent home", "Blinken"),
            ("a5-053", "Secretary Blinken", "Israeli Foreign Minister Ashkenazi", "on May 20, 2021", "call",
             "welcomed the Secretary's coming trip", "Ashkenazi"),
            ("a6-049", "Biden", "Turkey's Erdogan", "in April 2021", "call", "spoke of handling disagreements", "Biden"),
            ("a5-001", "President Biden", "European Commission President Ursula von der Leyen", "on April 22, 2024", "call",
             "offered congratulations", "von der Leyen"),
            ("a5-066", "Secretary Blinken", "Malawi's President Chakwera", "in March 2022", "meeting",
             "praised the other side's anti-graft work", "Blinken"))
WHO_SAID_PHRASINGS = (
    "Who {x} in {a}'s {k} with {b} {w}?",
    "In the {k} between {a} and {b} {w}, which side {x}?",
    "When {a} and {b} held their {k} {w}, who {x}?",
    "According to the readout of {a}'s {k} with {b} {w}, who {x}?",
    "Which of them {x}: {a} or {b}, in their {k} {w}?",
)


# (dev question, its phrasings: the dev wording first)
CONTACTS = (
    ("a-d003", ("How many times did President Biden meet Prime Minister Sunak in person in 2023?",
                "How often did Biden and Sunak meet in person during 2023?",
                "In 2023, how many in-person meetings did President Biden hold with Rishi Sunak?",
                "Count President Biden's in-person meetings with the British prime minister in 2023.")),
    ("a-d006", ("How many times did Jake Sullivan speak with or meet Ibrahim Kalin in 2021?",
                "How often were Sullivan and Kalin in contact in 2021?",
                "In 2021, how many contacts did Jake Sullivan have with Ibrahim Kalin?",
                "How many readouts of 2021 record Sullivan talking to Kalin?")),
    ("a-d034", ("How many phone calls did President Biden have with President Sisi of Egypt in 2024?",
                "How often did Biden call Sisi in 2024?",
                "In 2024, how many calls did President Biden hold with Egypt's president?",
                "How many times did Biden and el-Sisi speak by phone in 2024?")),
    ("a-d008", ("When did President Biden first speak with Rishi Sunak as Prime Minister?",
                "What was the date of Biden's first call with Prime Minister Sunak?",
                "On what day did Biden and Sunak first talk after Sunak became prime minister?",
                "Biden's earliest contact with Prime Minister Rishi Sunak was on which date?")),
    ("a-d027", ("When did Vice President Harris last speak with Israeli President Herzog?",
                "What was the date of Harris's most recent call with Herzog?",
                "On what day did Kamala Harris and Isaac Herzog last talk?",
                "Harris's latest contact with the Israeli president was on which date?")),
    ("a-d052", ("When did President Biden last speak with President Sisi of Egypt?",
                "What was the date of Biden's most recent call with el-Sisi?",
                "On what day did Biden and Egypt's president last talk?",
                "Biden's latest contact with Sisi was on which date?")),
    ("a-d015", ("List President Biden's calls with President el-Sisi of Egypt in October 2023.",
                "Which calls did Biden have with Sisi in October 2023?",
                "When did President Biden speak with Egypt's president in October 2023?",
                "Name every call between Biden and Sisi in October 2023.")),
    ("a-d049", ("List Jake Sullivan's phone calls with Ibrahim Kalin in 2022.",
                "Which calls did Sullivan hold with Kalin in 2022?",
                "When did Jake Sullivan speak by phone with Ibrahim Kalin in 2022?",
                "Name each of Sullivan's 2022 phone calls with Kalin.")),
)


# (one side, the other, a topic none of their readouts has, filters): from the dev sets' unanswerable questions
UNSAID = (("Secretary Blinken", "Liz Truss", "Hong Kong", {}),
          ("Vice President Harris", "President Sisi", "shipping through the Suez Canal", {}),
          ("Jake Sullivan", "Ibrahim Kalin", "Turkey's role in the F-35 program", {}),
          ("President Biden", "Prime Minister Sunak", "the UK's plan to send asylum seekers to Rwanda", {}),
          ("Sullivan", "Moldovan President Sandu", "Transnistria", {}),
          ("Blinken", "South Korean Foreign Minister Chung Eui-yong", "Fukushima's treated water", {}),
          ("Biden", "Spain's Pedro Sánchez", "Gibraltar", {}),
          ("Biden", "Pope Francis", "abortion", {}),
          ("Biden", "Netanyahu", "Israel's judicial reform", {"date_from": "2023-10-07"}))
UNSAID_PHRASINGS = (
    "What did {a} and {b} discuss about {t}?", "What did {a} and {b} say about {t}?", "How did {a} and {b} address {t}?",
    "What was said about {t} when {a} spoke with {b}?", "Did {a} and {b} talk about {t}?",
    "Tell me what {a} and {b} said on {t}.", "How did {a}'s and {b}'s accounts of {t} differ?",
    "Who raised {t} when {a} met {b}?", "When did {a} and {b} last discuss {t}?",
)


def questions() -> list[tuple[str, str, str]]:
    """(kind, dev question id, question) for every pair and phrasing."""
    out = [("visit", qid, p.format(v=v, d=d, p=pronoun)) for qid, v, d, pronoun in VISITS for p in PHRASINGS]
    out += [("one day", qid, p.format(o1=o1, o2=o2, v=v, d=d)) for qid, o1, o2, v, d in ONE_DAY for p in ONE_DAY_PHRASINGS]
    out += [("over time", qid, p.format(o=o, v=v, d1=d1, d2=d2)) for qid, o, v, d1, d2 in OVER_TIME
            for p in OVER_TIME_PHRASINGS]
    out += [("who said", qid, p.format(a=a, b=b, w=w, k=k, x=x)) for qid, a, b, w, k, x, _ in WHO_SAID
            for p in WHO_SAID_PHRASINGS]
    out += [("contacts", qid, question) for qid, phrasings in CONTACTS for question in phrasings]
    out += [("refusals", str(i), p.format(a=a, b=b, t=t)) for i, (a, b, t, _) in enumerate(UNSAID) for p in UNSAID_PHRASINGS]
    return out


def run(index, verbose: bool = False) -> dict:
    """Counts over every pair and phrasing; `index` is an index folder or an open Library."""
    from index.api import Library
    from qa.ask import ask

    rows = {}
    for name in ("analyst_dev.jsonl", "analyst_dev3.jsonl", "analyst_dev4.jsonl", "analyst_dev5.jsonl"):
        for line in (QUESTIONS / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows[row["id"]] = row
    library = index if isinstance(index, Library) else Library(index, create=False)
    counts: dict[str, dict[str, int]] = {}
    speakers = {qid: who for qid, *_, who in WHO_SAID}
    for kind, qid, question in questions():
        answer = ask(library, question, (UNSAID[int(qid)][3] or None) if kind == "refusals" else None)
        tally = counts.setdefault(kind, {"asked": 0, "both_cited": 0, "both_cited_and_answers": 0}
                                  if kind not in ("who said", "contacts", "refusals") else {"asked": 0, "right": 0})
        tally["asked"] += 1
        if kind == "refusals":
            tally["right"] += answer.refused
            if verbose and not answer.refused:
                print(f"  answered: {question}")
            continue
        if kind == "contacts":
            want, kind_asked = rows[qid]["answers"], rows[qid]["kind"]
            if kind_asked == "how_many":
                right = want[0] in re.findall(r"\b\d+\b", re.split(r"[.:]", answer.text, maxsplit=1)[0])
            else:
                right = all(date in (answer.text[:400] if kind_asked == "when" else answer.text) for date in want)
            tally["right"] += right and not answer.refused
            if verbose and not right:
                print(f"  not the dev answer: {question}")
            continue
        if kind == "who said":
            first = re.split(r"[.:]", answer.text, maxsplit=1)[0]
            named = not answer.refused and speakers[qid].lower() in first.lower()
            tally["right"] += named
            if verbose and not named:
                print(f"  speaker not first: {question}")
            continue
        gold = {g["doc"] for g in rows[qid]["gold"]}
        cited = {c.readout_id for c in answer.citations}
        tally["both_cited"] += gold <= cited
        tally["both_cited_and_answers"] += gold <= cited and all(a.lower() in answer.text.lower()
                                                                 for a in rows[qid]["answers"])
        if verbose and not gold <= cited:
            print(f"  one side missing: {question}")
    return counts


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=".test-index/corpus")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    for kind, tally in run(args.index, args.verbose).items():
        if "right" in tally:
            what = {"who said": "speaker named first", "refusals": "refused"}.get(kind, "the dev answer given")
            print(f"{kind:10s} {what}: {tally['right']}/{tally['asked']}")
            continue
        print(f"{kind:10s} both readouts cited: {tally['both_cited']}/{tally['asked']}; "
              f"and the dev answers held: {tally['both_cited_and_answers']}/{tally['asked']}")


if __name__ == "__main__":
    main()
