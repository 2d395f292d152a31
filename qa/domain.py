"""The one refusal of a question outside the readouts' domain: one that names no participant, uses no word of
diplomacy and is close to no passage ("What is the capital of France?"), or asks a fact of the world."""
from __future__ import annotations

import re

from .question import Question
from .tuning import TUNING, Tuning

# Verbs and nouns of diplomacy: a question without any of them, naming no participant, is about
# something else ("What is the capital of France?").
DOMAIN = re.compile(r"\b(discuss\w*|sa(y|id)|meet\w*|met|call\w*|talk\w*|rais\w+|agree\w*|stress\w*|emphasi\w+|"
                    r"readouts?|visit\w*|spoke|speak\w*|conver\w+|reaffirm\w*|underscor\w+|welcom\w+|thank\w*|"
                    r"condemn\w*|express\w*|highlight\w*|urg\w+|announc\w+|commit\w*|support\w*|concern\w*|"
                    r"relations?|cooperat\w+|partnership|summit|minister|president|secretary|leaders?|officials?|"
                    r"delegation|counterpart|bilateral|ambassador|sanction\w*|assistance|aid|security|"
                    # the White House's meetings at home: with governors, mayors, clergy, a task force, a roundtable
                    r"roundtables?|listening sessions?|task force|governors?|mayors?|legislators?|lawmakers?|senators?|"
                    r"congress\w*|first lady|second gentleman|vice president|hosted|convened|briefed|advis[eo]rs?"
                    # "who praised the other side for ...": a contact's two sides, and what one said of the other
                    + (r"|prais\w*|commend\w*|applaud\w*|lauded|pledg\w*|other side|both sides|two sides"
                       if TUNING.domain_praise else "")
                    # "During the NSC deputy's October 2024 trip to Port-au-Prince, ...?"
                    + (r"|trips?|travel\w*|deput(?:y|ies)|envoys?|diplomat\w*|NSC|embass(?:y|ies)"
                       if TUNING.trip_domain else "") + r")\b", re.IGNORECASE)
# A fact of the world, not of a contact ("What is the official capital of Côte d'Ivoire?": "official" is no word of
# diplomacy there), naming no participant
WORLD_FACT = re.compile(r"^\W*(?:what|which)\s+(?:is|was|are|were)\s+(?:the\s+)?"
                        # "What is the name of Zambia's national currency?" (Tuning.world_present)
                        + (r"(?:name\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?)?" if TUNING.world_present else "")
                        + r"(?:official\s+|national\s+)?(?:capital|currency|population|languages?|anthem|flag|largest city|"
                        r"highest|tallest|longest)\b"
                        # ... and a count in the present tense ("how many member states does the African Union have?"):
                        # of the world now, not of a contact, which readouts tell in the past
                        + (r"|^\W*(?:according\s+to\s+[^,?]*,\s*)?how\s+many\s+(?:[\w-]+\s+){1,3}?(?:does|do)\s+[^?]*\bhave\b"
                           if TUNING.world_present else ""), re.IGNORECASE)
# ... and a person described by office ("the disaster agency head", "the state's chief legal officer")
OFFICE_DOMAIN = re.compile(r"\b(heads?|chiefs?|officers?|administrators?|directors?|commissioners?|attorneys? general|"
                           r"agency|agencies|departments?|cabinet)\b", re.IGNORECASE)


def out_of_domain(question: Question, best_cosine: float, tuning: Tuning = TUNING) -> str:
    """A question that names no participant, uses no word of diplomacy and is not close to any passage."""
    world = tuning.world_facts and not question.people and not question.cited and WORLD_FACT.search(question.text)
    if not world and (question.people or question.cited or DOMAIN.search(question.text)
                      or best_cosine >= tuning.domain_cosine
                      or tuning.office_domain and OFFICE_DOMAIN.search(question.text)):
        return ""
    return "The readouts in this index are about diplomatic contacts; they do not cover this question."
