"""Compare answers: two contacts side by side, each represented by what only it says (or, when the
question names a topic, by its own sentences on that topic).

The two readouts are aligned sentence by sentence with qa.compare (the same alignment as the Compare
view); a sentence the other readout has no counterpart for is what tells the two apart. The contacts
come from the question's evidence (names and dates select readouts); the sentences are chosen by the
topic's words and by cosine to the question, never by the names or dates.
"""
from __future__ import annotations

import datetime as _dt
import re

import numpy as np

from index.api import Library, ReadoutSummary
from index.query import mentioned, stem
from index.types import Hit

from . import evidence as ev
from .compare import compare
from .dates import date_positions
from .intent import KIND_WORDS
from .question import Question, sentence_words
from .readout_sentences import encode_sentences, is_attribution, is_pointer
from .texts import paragraph_hit, readout_texts
from .tuning import TUNING, Tuning
from .types import Answer, Citation, cite


def pick_pair(question: Question, readouts: tuple[ReadoutSummary, ...], hits: tuple[Hit, ...],
              library: Library | None = None, tuning: Tuning = TUNING) -> list[str]:
    """The two readouts compared: one per date the question names when it names two (a contact of the
    person named just before that date, when there is one), else the two the retrieval ranks first among
    the matching readouts; in date order."""
    ids = [r.id for r in readouts]
    if len(ids) <= 2:
        return ids
    dated = {r.id: r.event_date or r.date for r in readouts}
    kinds = {r.id: r.kind for r in readouts}
    ranked = list(dict.fromkeys([h.readout_id for h in hits if h.readout_id in dated] + ids))
    chosen: list[str] = []
    # "What did Blinken and Sherman discuss with Chung about Burma in 2021?": the contacts whose readout has the
    # topic asked, before better-ranked ones that do not (Blinken's June meeting, not his August call).
    # (read only where a choice is made below: a date named, or a contact of each of several officials)
    choosing = bool(question.dates) or len(question.people) > 2
    asked = list(question.subject or question.topic) if tuning.pair_on_topic and library is not None and choosing else []
    texts = readout_texts(library, ranked) if asked and len(ranked) <= 60 else {}
    says = {i: len(mentioned(asked, text)) for i, text in texts.items()}  # how many of the topic's words each has
    titles = {r.id: r.title for r in readouts}
    for lo, hi in question.dates:
        within = [i for i in ranked if lo <= dated[i] <= hi and i not in chosen]
        person = _person_before_date(question, (lo, hi)) if library is not None and len(within) > 1 else None
        whose = set(ev.person_ids(library, person)) if person is not None else set()
        # "Blinken's February 2022 meeting with Jaishankar ... and Biden's April 2022 call with Modi": the kind of
        # contact said at each date; "with France's Delattre in March 2022": a contact whose title names them
        # (their own call) before a group call that lists them.
        kind = _kind_at_date(question, (lo, hi)) if tuning.kind_at_date else None
        families = {n.split()[-1] for n in person.names if n.split()} \
            if person is not None and tuning.titled_person else set()
        # The person named before the date first, then the kind of contact said there, by the metadata or the
        # title ("Calls with ... Park and ... Hayashi" is "other" in the metadata), then by the title (not a
        # preview's "Virtual Meeting"), then the kind of contact asked about ("meetings", not a call).
        within.sort(key=lambda i: (i not in whose,
                                   bool(kind) and not (ev.is_kind(kinds[i], kind) or _titled_kind(titles[i], kind)),
                                   bool(kind) and not _titled_kind(titles[i], kind),
                                   bool(families) and not any(mentioned([f], titles[i]) for f in families),
                                   -says.get(i, 0), bool(question.kind) and not ev.is_kind(kinds[i], question.kind)))
        if within:
            chosen.append(within[0])
    if library is not None and len(question.people) > 2 and len(chosen) < 2:
        # "How did Sullivan's account of his meeting with Le Drian compare with Blinken's?": a contact of
        # each official, not the counterpart's two best-ranked (both Blinken's); the counterpart is in all.
        for person in question.people:
            theirs = ev.person_ids(library, person)
            if all(i in theirs for i in ranked):
                continue
            mine = [i for i in ranked if i in theirs and i not in chosen]
            mine.sort(key=lambda i: -says.get(i, 0))
            if chosen and mine:  # "his meeting with Le Drian" and Blinken's: the same visit, the nearest in time
                first = _dt.date.fromisoformat(dated[chosen[0]])
                mine.sort(key=lambda i: (-says.get(i, 0), abs((_dt.date.fromisoformat(dated[i]) - first).days)))
            pick = mine[0] if mine else None
            if pick is not None and len(chosen) < 2 and not any(c in theirs for c in chosen):
                chosen.append(pick)
    rest = [i for i in ranked if i not in chosen]
    if tuning.titled_pair and len(question.people) > 2:
        # Three people asked about: a contact whose title names one of them that not every candidate's title
        # names ("Geoană on his own"), before one naming only who is in all (Sherman's meeting with the NATO
        # Permanent Representatives, the same day).
        titles = {r.id: r.title for r in readouts}
        families = {name.split()[-1] for p in question.people for name in p.names if name.split()}
        telling = {f for f in families if not all(mentioned([f], titles[i]) for i in ids)}
        rest.sort(key=lambda i: not any(mentioned([f], titles[i]) for f in telling))
    chosen += rest[:max(0, 2 - len(chosen))]
    return sorted(chosen[:2], key=lambda i: (dated[i], i))


def _person_before_date(question: Question, when: tuple[str, str]):
    """The person named closest before a date of the question ("Sherman's August 2021 meeting ... Sullivan's
    September 2022 meeting"), if any."""
    at = date_positions(question.text).get(when)
    if at is None:
        return None
    before = [(question.text.rfind(p.words, 0, at), p) for p in question.people]
    placed = [(i, p) for i, p in before if i >= 0]
    return max(placed, key=lambda item: item[0])[1] if placed else None


def _titled_kind(title: str, kind: str) -> bool:
    """Whether a readout's title says the kind of contact ("... Call with ..."), as its metadata may not."""
    return any(KIND_WORDS.get(w) == kind for w in re.findall(r"[a-z]+", title.lower()))


KIND_NEAR = 40  # characters from a date within which a kind word ("meeting", "call") is that contact's


def _kind_at_date(question: Question, when: tuple[str, str]) -> str | None:
    """The kind of contact said nearest a date of the question, when two kinds are said ("meeting ... call")."""
    at = date_positions(question.text).get(when)
    if at is None:
        return None
    said = [(abs(m.start() - at), KIND_WORDS[m.group().lower()]) for m in re.finditer(r"[A-Za-z]+", question.text)
            if KIND_WORDS.get(m.group().lower())]
    if len({k for _, k in said}) < 2:
        return None  # one kind said (question.kind is it), or none
    distance, kind = min(said)
    return kind if distance <= KIND_NEAR else None


def _side_sentences(comparison, side: str, readout) -> list[tuple[int, str, bool]]:
    """(paragraph, sentence, said only here) for one side of a comparison, in reading order."""
    out = []
    for pair in comparison.pairs:
        mine = pair.left if side == "left" else pair.right
        if mine is not None:
            out.append((mine.paragraph, mine.quote, not pair.both))
    # The right side's pairs come in the left readout's order: put them back in the readout's own.
    return sorted(out, key=lambda s: (s[0], readout.paragraphs[s[0] - 1].find(s[1])))


def _choose(library: Library, question: Question, sentences, described: set[str],
            tuning: Tuning) -> list[tuple[int, str, bool]]:
    """The sentences that best stand for one side: on the topic if there is one, else what only it says.

    Words of the question that are in the compared readouts' titles or sources describe the contacts
    ("Bahrain's Crown Prince", "the White House and State Department readouts"), not a topic."""
    usable = [s for i, s in enumerate(sentences)
              if len(s[1]) >= 30 and not is_attribution(s[1]) and not (s[1].endswith(":") and len(s[1]) < 80)
              and not (tuning.pointers_out and is_pointer(s[1]))]
    if not usable:
        return []
    topic = [stem(t) for t in question.topic if t not in described]
    if not topic:
        # The lead ("X met with Y today") is what every readout of a contact says: skip it when more is there,
        # unless it is long enough to say more ("... spoke today with Hamdok to discuss shared concerns over ...").
        lead_says = bool(tuning.compare_lead) and len(usable[0][1]) >= tuning.compare_lead
        body = usable if lead_says else (usable[1:] or usable)
        only = [s for s in body if s[2]]
        chosen = (only + [s for s in body if not s[2]])[:tuning.per_side]
        return sorted(chosen, key=body.index)
    vectors = encode_sentences(library.embedder, [s[1] for s in usable]
                               + [" ".join(t for t in question.topic if t not in described)])
    cosine = vectors[:-1] @ vectors[-1]
    scores = []
    for i, (paragraph, text, only) in enumerate(usable):
        words = sentence_words(text)
        overlap = sum(1 for t in topic if any(w.startswith(t) for w in words))
        scores.append(overlap + float(cosine[i]) + (0.2 if only else 0.0))
    order = np.argsort(-np.array(scores), kind="stable")
    best = [usable[int(i)] for i in order[:tuning.per_side] if scores[int(i)] >= 0.6 * scores[int(order[0])]]
    return sorted(best, key=lambda s: usable.index(s))


def by_comparison(library: Library, question: Question, readouts: tuple[ReadoutSummary, ...],
                  hits: tuple[Hit, ...], tuning: Tuning = TUNING) -> Answer | None:
    """Both sides of a comparison, dated and cited; None when there are not two readouts to compare."""
    pair = pick_pair(question, readouts, hits, library, tuning)
    if len(pair) != 2:
        return None
    comparison = compare(library, pair[0], pair[1])
    readouts = [library.readout(readout_id) for readout_id in pair]
    titles = [set(re.findall(r"[a-z]+", f"{readout.title} {readout.source}".lower())) for readout in readouts]
    # Words of the titles describe the contacts ("Bahrain's Crown Prince", "Biden's virtual meeting"), except what
    # the question says was discussed that only one title has: "about Jerusalem" beside the call "Regarding the
    # Situation in Jerusalem" is what the other side is compared on too.
    asked = (titles[0] ^ titles[1]) & set(question.subject) if tuning.subject_titled else set()
    described = (titles[0] | titles[1]) - asked
    topical = any(t not in described for t in question.topic)  # not only words of the two titles
    citations: list[Citation] = []
    parts = []
    for readout_id, side, readout in zip(pair, ("left", "right"), readouts):
        # A word the question asks about that this side's own title has ("... Regarding the Situation in
        # Jerusalem") is what its whole readout is about: that side is read as a comparison without a topic.
        mine = titles[0] if side == "left" else titles[1]
        own = described | (mine & set(question.subject)) if tuning.subject_titled else described
        chosen = _choose(library, question, _side_sentences(comparison, side, readout), own, tuning)
        by_paragraph: dict[int, list[str]] = {}
        for paragraph, text, _ in chosen:
            by_paragraph.setdefault(paragraph, []).append(text)
        said, first = [], None
        for paragraph, texts in by_paragraph.items():
            hit = paragraph_hit(library, readout_id, paragraph)
            if hit is None:
                continue
            first = first or hit
            # The quote runs from the first chosen sentence to the last, verbatim in the paragraph.
            # Far apart, the quote stops at the last chosen sentence that keeps it under the bound.
            start = hit.text.find(texts[0])
            ends = [hit.text.find(t) + len(t) for t in texts if hit.text.find(t) >= start]
            end = max((e for e in ends if e - start <= tuning.quote_chars), default=start + len(texts[0]))
            quote = hit.text[start:end] if start >= 0 else texts[0]
            if tuning.compare_whole and topical and len(hit.text) <= tuning.compare_whole:
                quote = hit.text  # a side's paragraph on the topic, read whole as a discuss answer is
            citations.append(cite(len(citations) + 1, hit, quote))
            said.append(f"{quote} [{len(citations)}]")
        if said:
            parts.append(f"{first.title} ({first.event_date or first.date}): " + " ".join(said))
    if len(parts) < 2:
        return None
    return Answer(question.text, "\n\n".join(parts), tuple(citations), hits, False)
