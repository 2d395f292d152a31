"""Every weight and threshold of the question-aware answer path, in one place (recorded by `readouts eval`)."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Tuning:
    """Set on the dev question sets (eval/questions/dev.jsonl, analyst_dev.jsonl); docs/EVAL.md has the ablations."""

    topic_cosine: float = 0.65  # within the matching readouts, a passage this close supports an unnamed topic word
    domain_cosine: float = 0.50  # a question with no participant and no word of diplomacy needs a passage this close
    rare_paragraphs: int = 60  # a topic word in at most this many paragraphs of the index is specific (~1%)
    list_limit: int = 40  # lines of a list answer (the count is always complete)
    sentences: int = 5  # at most, for a discuss answer (dev: 3 -> 5 raised containment 0.667 -> 0.727, citations 0.719 -> 0.711)
    cover_parts: bool = True  # also quote a sentence with topic words the chosen ones lack (a two-part question;
    # dev: containment 0.758 -> 0.788 on dev.jsonl, analyst_dev unchanged at cover_floor 0.3, precision 0.871 -> 0.843 without it)
    cover_floor: float = 0.3  # ... if it scores at least this share of the best sentence
    close_share: float = 0.5  # a sentence with a topic word this close to the best one's score is quoted too
    # (dev: 0.4 lowers analyst_dev containment 0.891 -> 0.870 and precision 0.885 -> 0.861; 0.35 also dev.jsonl 0.818 -> 0.788)
    speaker_bonus: float = 2.0  # a sentence by the speaker asked about, against one by someone else

    def to_json(self) -> dict:
        return asdict(self)


TUNING = Tuning()
