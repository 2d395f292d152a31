"""Three things a readout gives only in so many words: the year something came about ("In what year was NATO
founded?", "which year did that organization come into being?"), the venue of a contact ("At which hotel did they
meet?", "which room?") and what was signed ("What did they sign?"). Such a question is near its readouts whatever they
say, so the topic rule lets it through and the answer quoted the lead; it is refused where no sentence of the readouts
found gives one. So too the first holder of an office ("Who was NATO's first secretary general?"), where none says
"first ... secretary general"."""
from __future__ import annotations

import re
from typing import Callable

from index.chunk import split_sentences

from .parts import scene_and_ask
from .question import Question, capitalised
from .thread import CONTACT_WORDS
from .tuning import TUNING

ASKS_YEAR = re.compile(r"(?:^|[,;:])\W*(?:(?:in|by|since)\s+)?(?:what|which)\s+year\b|^\W*when\s+(?:was|were)\b[^?]*?\b(?:founded|"
                       r"established|created|formed|set\s+up|built|completed|signed|ratified|launched|born|invented)\b",
                       re.IGNORECASE)
# A year given as when something came about ("launched in 2021", "founded in 1949", "since 1991"), not a year naming
# something ("the 2022 NATO Summit", "NATO 2030"), whatever verb the question uses ("set up", "come into being").
_GIVEN_YEAR = re.compile(r"\b(?:\w+ed|built|set\s+up|begun|born|held|made|won)\s+(?:in\s+|back\s+in\s+)?((?:1[6-9]|20)\d{2})\b|"
                         r"\bsince\s+((?:1[6-9]|20)\d{2})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d{2}\b")
# ... of a contact, which its readout's date gives ("In which year did Blinken first visit Kyiv?", "What year was the
# Quad summit held in Tokyo?"): not asked here.
_CONTACT = re.compile(rf"\b(?:{CONTACT_WORDS}|held)\b", re.IGNORECASE)
# A venue asked for by its kind ("which hotel did ...", "which room, or ...": not "which resort city", a place).
_VENUE = (r"\b(?:which|what)\s+(?:[\w-]+\s+){0,%d}?(hotel|restaurant|resort|lodge|cabin|room|venue|building|stadium|hall|"
          r"palace" + (r"|plant|factory|refinery|mine|reactor|hospital|airport|port|university" if TUNING.facility_given
                       else "") + (r"|gift" if TUNING.gift_given else "") + r")s?\b") % (3 if TUNING.facility_given else 2)
# (facilities too: "Which Romanian nuclear power plant did they discuss expanding?" of a readout on "civil nuclear
# cooperation" names none; a facility is named with its kind, "the Cernavoda plant". Not a town or a city, named
# alone: "visited Rolling Fork". And a gift: "What gift did Biden give Cardinal Parolin?" of readouts that name none.)
_VERB_NEXT = r"(?:did|do|does|was|were|is|are|had|has|have)\b"
ASKS_VENUE = re.compile(rf"{_VENUE}(?=\s*(?:[,?]|{_VERB_NEXT}))", re.IGNORECASE)
# ... and of a place named after it ("In which room of the White House did ...?", "which hall at the Kremlin was ...")
ASKS_VENUE_OF = re.compile(rf"{_VENUE}(?=\s*(?:(?:of|at|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)*"
                           rf"\s*[,?]?\s*{_VERB_NEXT}|[,?]|{_VERB_NEXT}))", re.IGNORECASE)
# What was signed ("What did they sign at ...?", "Which accord did the two sign?"): a readout says so in so many words
# ("signed", "signing", "signature"), however it names the document.
# (the verb, not "as a sign of", nor "sign off on", an approval)
ASKS_SIGNED = re.compile(r"^\W*(?:what|which)\b[^?]*\b(?:did|do|does|will|would)\b[^?]*"
                         r"(?<![Aa] )(?<!the )\bsign\b(?!\s+off)", re.IGNORECASE)
_SIGNED = re.compile(r"\b(?:sign(?:ed|ing|s|ature|atures|atory|atories)?|countersigned|inked)\b", re.IGNORECASE)
# A clause that describes whom a question names ("Malawi, whose President Chakwera met Blinken in Washington,"): the
# scene, not what is asked ("gain independence"), so its contact is not the one asked about.
_ASIDE = re.compile(r",\s*(?:whose|who|which|where)\b[^,?]*,", re.IGNORECASE)


# "Who was NATO's first secretary general?": a first holder of an office, which readouts of contacts give only in so
# many words ("the first woman Vice President"), not a contact.
ASKS_FIRST = re.compile(r"^\W*who\s+(?:was|were|became)\s+(?:the\s+)?(?:[\w.-]+['’]s\s+)?(?:very\s+)?(?:first|founding|"
                        r"original|inaugural)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*(?:of\b[^?]*)?\?\s*$", re.IGNORECASE)


def given_refusal(question: Question, texts: Callable[[], dict[str, str]]) -> str:
    """Why the readouts found (`texts()`, read only for a question asking it) give no year or venue asked for, or ""."""
    if not TUNING.year_venue_given:
        return ""
    core = _ASIDE.sub(",", question.text) if TUNING.year_aside else question.text
    asked = scene_and_ask(core)[1] or core
    unnamed = not any(p.words.lower() in core.lower() for p in question.people) if TUNING.year_aside \
        else not question.people
    year = ASKS_YEAR.search(asked) if unnamed and not _CONTACT.search(core) else None
    venue = (ASKS_VENUE_OF if TUNING.venue_of_place else ASKS_VENUE).search(question.text)
    # ("According to the readouts, who was ...?": the question after its frame)
    first = ASKS_FIRST.search(re.sub(r"^\W*according to [^,?]*,\s*", "", question.text, flags=re.IGNORECASE)) \
        if TUNING.first_given and not _CONTACT.search(question.text) \
        and not any(not p.inferred for p in question.people) else None
    signed = ASKS_SIGNED.search(core) if TUNING.signed_given else None
    if not year and not venue and not first and not signed:
        return ""
    sentences = [s for text in texts().values() for s in split_sentences(text)]
    if first and not any(re.search(rf"\b(?:first|founding|original|inaugural)\s+(?:[\w-]+\s+){{0,3}}?"
                                   rf"{re.escape(first.group(1).split()[-1])}", s, re.IGNORECASE) for s in sentences):
        return f"The readouts do not cover this: no readout found names the first {first.group(1).lower()}."
    names = [t for t in question.topic if capitalised(t, question.text)] if TUNING.year_of_subject else []
    if year and not any(_gives_year(s, question.text) and _names_half(s, names) for s in sentences):
        return "The readouts do not cover this: no readout found gives the year asked for."
    if venue and not any(re.search(rf"\b{venue.group(1)}s?\b", s, re.IGNORECASE) for s in sentences):
        return f"The readouts do not cover this: no readout found names the {venue.group(1).lower()}."
    if signed and not any(_SIGNED.search(s) for s in sentences):
        return "The readouts do not cover this: no readout found says anything was signed."
    return ""


def _gives_year(sentence: str, question: str) -> bool:
    """Whether a sentence gives a year the question does not say as when something came about ("launched in 2021")."""
    said = set(_YEAR.findall(question))
    return any(y not in said for m in _GIVEN_YEAR.finditer(sentence) for y in m.groups() if y)


def _names_half(sentence: str, names: list[str]) -> bool:
    """Whether a sentence has at least half the words of the name asked about: it is of what is asked ("the Mekong River
    Commission founded", not "assistance to the Mekong ... since 2009"), which a readout names again by its head ("The
    Task Force, launched in 2021")."""
    return 2 * sum(bool(re.search(rf"\b{re.escape(n)}\b", sentence, re.IGNORECASE)) for n in names) >= len(names)
