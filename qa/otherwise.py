"""Whether a yes/no question's topic, which no word of the contact's readout has, is there in other words: "did they
talk about reducing weak points in the networks that deliver chips?" of a readout on "supply chain vulnerabilities",
"each nation's freedom to pick its own alliances" of "the right of each country to choose". Each ordinary word asked
about that the readout lacks is compared, by the bundled model, with each word of the passages closest to the
question.

Measured on the dev sets (docs/EVAL.md, sixteenth part): the closest readout word of a word asked in other words
scored 0.58-0.78 ("pick"/"choose" 0.78, "keeping"/"maintaining" 0.71, "hunger"/"food" 0.60); of an ordinary word of
a topic never discussed at most 0.51 ("asylum seekers"/"humanitarian"), most 0.30-0.40. Proper nouns ("Algeria"
close to "Morocco", 0.75) are never judged so: a name asked about must be there."""
from __future__ import annotations

import re
from typing import Callable

import numpy as np

from index.query import STOPWORDS, mentioned

from .question import Question, capitalised
from .tuning import TUNING, Tuning

MOST_WORDS = 200  # the closest passages' distinct words, the first of them kept
PASSAGES = 3  # the passages closest to the question whose words are compared
BATCH = 50


def said_otherwise(question: Question, texts: dict[str, str], passages: list[str],
                   encode: Callable[[list[str]], np.ndarray], tuning: Tuning = TUNING) -> bool:
    """Whether every topic word the readouts (`texts`) lack has a close word in the passages closest to the
    question, one of them very close (and none of them is a name)."""
    if not tuning.yes_otherwise or question.intent != "yes_no" or not texts or len(texts) > 3:
        return False
    missing = [t for t in question.topic if len(t) > 2 and not any(mentioned([t], text) for text in texts.values())]
    if not missing or any(capitalised(t, question.text) or not t.isalpha() for t in missing):
        return False
    # (the words of the closest passages, not of the whole readouts: a long readout's 400 words took 0.4 s)
    words = list(dict.fromkeys(w.lower() for text in passages for w in re.findall(r"[A-Za-z][a-z]+", text)
                               if w.lower() not in STOPWORDS and len(w) > 2))[:MOST_WORDS]
    if not words:
        return False
    # In batches: one batch of 400 words took 1.9 s here, eight of 50 about 0.7 s (AVX2 EPYC, 2 cores).
    texts_in = words + missing
    vectors = np.concatenate([encode(texts_in[i:i + BATCH]) for i in range(0, len(texts_in), BATCH)])
    closest = (vectors[len(words):] @ vectors[:len(words)].T).max(axis=1)
    return bool(closest.min() >= tuning.otherwise_each and closest.max() >= tuning.otherwise_one)
