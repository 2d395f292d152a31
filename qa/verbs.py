"""Forms of a word that the crude stem (index.query.stem) leaves apart: the irregular verbs of readouts."""
from __future__ import annotations

from index.query import stem

# Irregular verbs of readouts: base, past, participle (qa.question.sentence_words makes them one word). Not the light
# verbs (make, take, give, hold, see, come): "made clear", "held a call", "took office" say nothing asked about.
_IRREGULAR_VERBS = """pay paid; seek sought; lead led; send sent; build built; lose lost; stand stood; grow grew grown;
rise rose risen; strike struck stricken; spend spent; sell sold; buy bought; fight fought; teach taught; withdraw withdrew
withdrawn; fly flew flown; freeze froze frozen; break broke broken; flee fled; uphold upheld; withhold withheld;
forgive forgave forgiven; undertake undertook undertaken; win won; feed fed; choose chose chosen; write wrote written"""


def _one_word(table: str) -> dict[str, tuple[str, ...]]:
    """Each form's stem -> the stems of the verb's other forms."""
    out: dict[str, tuple[str, ...]] = {}
    for verb in table.split(";"):
        stems = tuple(dict.fromkeys(stem(form) for form in verb.split()))
        out.update({one: tuple(s for s in stems if s != one) for one in stems})
    return out


IRREGULAR = _one_word(_IRREGULAR_VERBS)
