"""What a question asks for: its intent (what/discuss, who said, when, list, how many, yes/no, compare), the
order it wants (first, last) and the kind of contact it names (call, meeting, visit). Read from the words
alone; qa.question puts them together with who, when and the topic."""
from __future__ import annotations

import re

from .parts import scene_and_ask
from .tuning import TUNING

INTENTS = ("how_many", "list", "when", "who_said", "compare", "yes_no", "discuss")
ORDER_FIRST = re.compile(r"\b(first|earliest|initial|introductory)\b", re.IGNORECASE)
ORDER_LAST = re.compile(r"\b(last|latest|most recent(?:ly)?|recent(?:ly)?)\b", re.IGNORECASE)
# (only after ", and": not a yes/no question of one part, "Did the May 2024 convening follow an earlier gathering on the
# same subject?"; Tuning.same_subject_and)
_SAME_SUBJECT = (r",\s*and\b[^?]*" if TUNING.same_subject_and else "") + r"\bon the same (?:subject|topic|issue|question)\b|"
INTENT_RULES = (
    # "How many times/calls ...", "How many foreign ministers did he meet": counting contacts, not "How many
    # doses were coming" or "how many people who fled the war did he credit Dublin with sheltering" (a fact
    # in a paragraph; "how many people did she meet" is counted by its verb).
    ("how_many", re.compile(r"^\s*how often\b|^\s*count (?:the |all |every )?(?:[\w'’-]+ ){0,3}(?:calls|meetings|contacts|"
                            r"readouts|times|visits|conversations)\b|^\s*how many (?:[\w-]+ ){0,2}(times|calls|meetings|readouts|contacts|"
                            r"visits|conversations|leaders|officials|counterparts|countries|heads|presidents|ministers|"
                            r"trips|occasions|encounters|sessions|talks|days|delegations|summits)\b|"
                            r"^\s*how many [^?]*\b(?<!that )(?<!the )(?<!this )(?<!a )(?<!their )(?<!his )(?<!her )(?<!each )"
                            # ("joined Blinken and McDonough's call": whose call it was, a noun, not a contact counted)
                            + (r"(?<!'s )(?<!’s )" if TUNING.possessive_contact else "") +
                            r"(meet|met|speak|spoke|call|called|talk|talked|visit|visited|host|hosted|"
                            r"engage|engaged)\b", re.IGNORECASE)),
    ("list", re.compile(r"^\s*(list|name|enumerate)\b|^\s*which (\w+ ){0,2}(calls|meetings|readouts|contacts|leaders|"
                        r"officials|counterparts|countries)\b|^\s*(what|which) (calls|meetings|contacts) (did|has|have)\b",
                        re.IGNORECASE)),
    # "When ...", "What was the date of ...", "... was on which date?"
    ("when", re.compile(r"^\s*(when|on (what|which) (day|date)|what (day|date)|what was the date)\b|"
                        r"\b(was|were|is) on (which|what) (day|date)\b"
                        # "What were the exact dates of the trip?"
                        + (r"|^\s*(?:and\s+)?what (?:was|were) the (?:exact |precise |specific )?dates?\b|"
                           r"^\s*(?:and\s+)?on (?:what|which) dates\b" if TUNING.exact_dates else ""), re.IGNORECASE)),
    # "Who raised ...", also after a clause that sets the scene ("In the February call ..., who raised ...").
    ("who_said", re.compile(r"(^|[,;:]\s*)(who|which (side|leader|official)|which of (?:them|the two|those two|the pair))\b"
                            r"(?! (did|does|has|have) \w+ (meet|call|speak))",
                            re.IGNORECASE)),
    ("compare", re.compile(r"\b(compared?(?! notes)|comparison|differ|difference|differences|contrast|versus|vs\.?)\b|"
                           r"\beach\b.*\bthe other\b|\bvice versa\b|"
                           # "..., and how was their call in July 2024 different?", "different from"
                           r"\bhow (?:was|were|is|are)\b[^?]*\bdifferent\b|\bdifferent(?:ly)? (?:from|than)\b|"
                           # "What did each readout say about democracy?", "which crises did the two readouts name?"
                           r"\beach (?:readout|account|statement|version)\b|"
                           r"\b(?:both|the two) (?:readouts|accounts|statements|versions)\b|\bonly one of them\b|"
                           r"\breadout of\b.*\band the\b.*\breadout of\b|"  # "the State Department readout of ... and the White House readout of ..."
                           r"\bWhite House\b.*\bState Department\b|\bState Department\b.*\bWhite House\b|"
                           r"\bthat the (?:other|White House|State Department)\b(?: \w+)? did not\b|"
                           # "What changed between ...", "... came up in X but not in Y", "only in the 2022 meeting",
                           # "the other readout", "What did X's meeting and Y's call each respond to?"
                           r"\bwhat changed\b[^?]{0,40}\bbetween\b|\b(?:changed?|shift(?:ed)?|evolved?)\s+between\b[^?]*\band\b|\bbut not (?:in|at|during)\b|"
                           r"\b(?:say|said|stress\w*|mention\w*|emphasi[sz]\w*|rais\w+|note\w*|announc\w*|cover\w*|includ\w*|"
                           r"add\w*) that\b[^?]{3,150}\bdid not\b|"
                           # "..., and what did Biden point to on the same subject when they met in September 2024?"
                           + _SAME_SUBJECT +
                           r"\bonly (?:in|at|during) (?:the|their|his|her) (?:\w+ ){0,2}(?:call|meeting|visit|readout|"
                           r"conversation|one)\b|\bthe (?:other|second|later|earlier) (?:readout|account)\b|"
                           r"\band\b[^?]*\beach (?:respond|address|announce|say|stress|highlight|focus|mention|discuss|tell|told|rais|cover|touch|"
                           r"deal|handle|treat|describe|characteri[sz]e|frame|refer|approach)\w*\b|"
                           # "In the first of Harris's 2023 meetings ... and in the second", "Where did the first call
                           # say ..., and what did the second add"
                           r"\bthe first\b[^?]*\b(?:in the second|the second|the later)\b",
                           re.IGNORECASE)),
    ("yes_no", re.compile(r"^\s*(did|does|do|was|were|has|have|had|is|are)\b", re.IGNORECASE)),
)
COMPARE = dict(INTENT_RULES)["compare"]

# Words of a question that say what kind of contact, not what was discussed.
KIND_WORDS = {"call": "call", "calls": "call", "phone": "call", "phoned": "call", "rang": "call", "telephoned": "call",
              "spoke": None, "speak": None, "talked": None,
              "meeting": "meeting", "meetings": "meeting", "met": "meeting", "meet": "meeting", "visit": "visit",
              "visits": "visit", "trip": "visit"}

# "one-on-one calls", "bilateral meetings", "not counting the trilateral": the contacts of the two alone; "group
# calls", "trilateral meetings": only those with several sides; "counting the trilateral": every contact.
GROUP_WORDS = r"(?:group|multilateral|trilateral|quadrilateral|joint|multi-?party)"
ALONE = re.compile(r"\b(?:one[- ]on[- ]one|bilateral(?:ly)?|(?:just|only) the two(?: of them)?|the two alone|by themselves)\b|"
                   rf"\b(?:not counting|excluding|leaving out|except(?: for)?|other than|apart from|without)\s+(?:the\s+|any\s+)?"
                   rf"(?:[\w-]+\s+)?{GROUP_WORDS}\b", re.IGNORECASE)
WITH_GROUP = re.compile(rf"(?<!not )(?<!without )\b(?:counting|including|with|plus|as well as)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?{GROUP_WORDS}\b|"
                        rf"(?<!not )(?<!without )\b(?:counting|including)\b[^?.;]*?\b{GROUP_WORDS}\b", re.IGNORECASE)
GROUP = re.compile(rf"\b{GROUP_WORDS}\s+(?:[\w-]+\s+)?(?:calls?|meetings?|contacts?|talks|sessions?|conversations?|summits?)\b",
                   re.IGNORECASE)


def company_of(text: str) -> str | None:
    """"alone" (one-on-one contacts), "group" (contacts with several sides) or None (any), for a list or count."""
    counting = WITH_GROUP.search(text) is not None  # "counting both their bilateral meetings and her trilateral": any
    if ALONE.search(text) and not (TUNING.company_counting and counting):
        return "alone"
    return "group" if GROUP.search(text) and not counting else None


# Where or how a contact was held, for a list or a count: "at the White House", "virtual meetings", "by video".
SETTINGS = {"white_house": re.compile(r"\b(?:at|to|in|into) the White House\b|\bin the Oval Office\b", re.IGNORECASE),
            "virtual": re.compile(r"\b(?:virtual(?:ly)?|video(?:conference|-?conference)?|videoconferenc\w*)\b", re.IGNORECASE)}
# ... as a readout's title or lead says it ("welcomed ... to the White House", "met virtually", "a secure video call")
HELD = {"white_house": re.compile(r"\b(?:at|to|in|into|from) the White House\b|\bOval Office\b|\b(?:Roosevelt|Cabinet|"
                                  r"State Dining) Room\b", re.IGNORECASE),
        "virtual": SETTINGS["virtual"]}


def setting_of(text: str) -> str | None:
    """"white_house" or "virtual" where a list or a count asks for contacts held so, else None."""
    found = [name for name, rule in SETTINGS.items() if rule.search(text)]
    return found[0] if len(found) == 1 else None


# "Which countries did he say the U.S. would work with", "how many people did she say the war had displaced":
# what was said, not a count or list of contacts.
SAID = re.compile(r"^\s*(?:which|what|how many)\b[^?]*?\b(?:did|does|do)\s+(?:[\w.'’-]+\s+){1,4}?"
                  r"(?:say|tell|mention|describe|note|estimate|cite|stress)\b", re.IGNORECASE)


# "Which four countries had she recently visited, according to her call with Blinken?": what a readout says.
# (one contact, not "according to these readouts", which counts them)
ACCORDING = re.compile(r"\baccording to\b[^,?]*?\b(?:call|meeting|readout|conversation|visit|trip|session|roundtable)\b",
                       re.IGNORECASE)


# "How many times had Kansas's highest court found that the state constitution protects abortion?": a count the
# readout reports of something done before, not of contacts ("how many times have they met" still counts them).
TIMES_DONE = re.compile(r"^\s*how many (?:times|occasions)\s+(?:had|has|have)\b(?![^?]*\b(?:met|meet|spoken|spoke|called|"
                        r"talked|visited|hosted|engaged|conferred|convened|gathered)\b)", re.IGNORECASE)

# "how many countries had signed on to the previous week's warning to the Houthis?": a number the readout gives of
# something done, not of contacts ("how many leaders had he met", "how many countries has Blinken visited" still
# count them: a contact verb, or no participle right after the auxiliary).
COUNTED_DONE = re.compile(r"^\s*how many (?:[\w-]+ ){0,2}?(?:countries|nations|leaders|officials|heads|presidents|"
                          r"ministers|delegations)\s+(?:had|has|have)\s+(?:already\s+|also\s+|now\s+)?"
                          r"(?!(?:met|spoken|called|talked|visited|hosted|engaged|conferred|convened|gathered)\b)"
                          r"(?-i:[a-z]+(?:ed|en))\b", re.IGNORECASE)


# "Who went with Jake Sullivan to Brasilia", "Who led the U.S. delegation": who took part, not who said something.
COMPANY = re.compile(r"(?:^|[,;:]\s*)who\s+(?:else\s+)?(?:went|travel(?:l)?ed|accompanied|joined|led|headed|attended|"
                     r"(?:co-?)?chaired|represented|convened|"
                     r"took part|participated|(?:was|were) (?:also )?(?:with|on|in|part of|present))\b", re.IGNORECASE)


# ... with who said it named at length ("How many vests did the President's Special Advisor for the Americas Chris Dodd
# say ...", "Which countries did Secretary Blinken and African Union Commission Chairperson Faki discuss ...?")
SAID_LONG = re.compile(r"^\s*(?:which|what|how many)\b[^?]*?\b(?:did|does|do)\s+(?:[\w.'’-]+\s+){5,10}?"
                       r"(?:say|tell|mention|describe|note|estimate|cite|stress)\b", re.IGNORECASE)
DISCUSSED_LONG = re.compile(r"^\s*(?:which|what)\b[^?]*?\b(?:did|does|do)\s+(?:[\w.'’-]+\s+){5,10}?"
                            r"(?:discuss|review|go over|raise|recall|talk about|welcome|preview|refer to)\b", re.IGNORECASE)
# "How many political prisoners were cited when Sullivan met Tsikhanouskaya?": the contact is the when, not the count
# (the meeting verb only in a clause of time; "how many leaders did he meet when ..." still counts contacts).
WHEN_MET = re.compile(r"^\s*how many (?:(?!(?:times|calls|meetings|readouts|contacts|visits|conversations|leaders|officials|"
                      r"counterparts|countries|heads|presidents|ministers|trips|occasions|encounters|sessions|talks|days|"
                      r"delegations|summits)\b)[\w'’-]+\s+){1,4}(?:were|was|had been|have been|are|is)\b[^?]*?"
                      r"\b(?:when|as|while|during|after|before)\b", re.IGNORECASE)


# The first of two questions joined by ", and" ("how many vaccine doses had the US donated, and which ...?").
FIRST_PART = re.compile(r"^(.*?),\s*(?:and|as well as)\s+(?:which|what|who|whom|where|when|how|did|does|was|were)\b",
                        re.IGNORECASE)


# "Which contacts of theirs did they go over?", "Which upcoming meetings did they discuss?": things said.
DISCUSSED = re.compile(r"^\s*(?:which|what)\b[^?]*?\b(?:did|does|do)\s+(?:[\w.'’-]+\s+){1,4}?"
                       r"(?:discuss|review|go over|raise|recall|talk about|welcome|preview|refer to)\b", re.IGNORECASE)


# "When would they meet next?", "When did they agree to speak again?": a time the readout says, not its date.
SAID_TIME = re.compile(r"^\s*when\s+(?:would|will)\b|"
                       r"^\s*when\s+did\s+[\w\s'’-]+?\s+(?:agree|plan|promise|pledge|expect|intend|hope)\s+to\b",
                       re.IGNORECASE)
# "On what day were the new migrant-registration centers set to start work?": what was scheduled, not the contact.
SCHEDULED = re.compile(r"^\s*(?:when|on (?:what|which) (?:day|date)|what (?:day|date))\s+(?:was|were|is|are|would|will)\s+"
                       r"(?:the|a|an|its|their|his|her)\b[^?,]*?\b(?:set|due|scheduled|expected|slated|planned)\s+to\b",
                       re.IGNORECASE)
# "When was their president due in the U.S. capital?": where someone was expected, said as a visit to come
SCHEDULED_AT = re.compile(r"^\s*(?:when|on (?:what|which) (?:day|date)|what (?:day|date))\s+(?:was|were|is|are)\s+"
                          r"(?:the|a|an|its|their|his|her)\b[^?,]*?\b(?:due|expected|scheduled|slated)\s+"
                          r"(?:in|at|to visit)\b", re.IGNORECASE)


# "Which countries does it bring together?", "which countries are part of the compact?": what a thing is made of
# now (present tense, a thing or "it" its subject), not the countries of contacts, which are past ("did he call").
ABOUT_A_THING = re.compile(r"^\s*which (?:\w+ ){0,2}(?:countries|leaders|officials|counterparts)\s+(?:does|do|is|are)\s+"
                           r"(?:it|this|that|they|the|its|their)\b", re.IGNORECASE)


# "How many minutes did they spend on the phone?": a duration, answered (or not) by a readout's words.
DURATION = re.compile(r"^\s*how many (?:[\w-]+ )?(?:seconds|minutes|hours|weeks|months|years)\b", re.IGNORECASE)
# ... and "how many days did the summit run?" (not "how many days after the attack did they speak?", a date)
DURATION_DAYS = re.compile(r"^\s*how many (?:[\w-]+ )?(?:days|nights) (?:did|was|were|does|do|would)\b"
                           r"(?![^?]*\b(?:after|before|later|earlier|since|until)\b)", re.IGNORECASE)


def intent_of(text: str) -> str:
    whole, text = text, scene_and_ask(text)[1]  # the clause after the comma asks
    for intent, rule in INTENT_RULES:
        if rule.search(text):
            if intent in ("how_many", "list") and TUNING.said_counts and (SAID_LONG.search(text) or DISCUSSED_LONG.search(text)
                                                                       or WHEN_MET.search(text)):
                continue
            if intent == "how_many" and (TUNING.unit_counted and DURATION.search(text)
                                         or TUNING.length_given and DURATION_DAYS.search(text)):
                continue  # "how many hours did they talk?": how long one contact was, not how many there were
            if intent == "how_many" and TUNING.count_own_part and (first := FIRST_PART.match(text)) \
                    and not rule.search(first.group(1)):
                continue  # "how many doses had the US donated ..., and which body's staff did he meet?": "meet" is the
                # second question's; the first counts what was said
            if intent in ("how_many", "list") and (SAID.search(text) or TUNING.discussed_contacts and DISCUSSED.search(text)
                                                 or TUNING.according_said and ACCORDING.search(text)
                                                 or TUNING.times_done and TIMES_DONE.search(text)
                                                 or TUNING.counted_done and COUNTED_DONE.search(text)):
                continue
            if intent == "when" and TUNING.said_time and SAID_TIME.search(text):
                return "discuss"
            if intent == "when" and TUNING.scheduled and SCHEDULED.search(text):
                return "discuss"
            if intent == "when" and TUNING.scheduled_at and SCHEDULED_AT.search(text):
                return "discuss"
            if intent == "who_said" and TUNING.company_not_said and COMPANY.search(text):
                continue  # who took part is a fact of the readout, said by neither side
            if intent == "list" and TUNING.list_present and ABOUT_A_THING.search(text):
                continue  # "Which countries does the initiative bring together?": what it is, not whom they met
            return intent
    # Two contacts set in the scene: "In the first of Harris's 2023 meetings ... and in the second (June, in
    # Nassau), what did the readouts say about Haiti?"
    return "compare" if COMPARE.search(whole) else "discuss"


# "The war's first anniversary", "the First Lady", "First Deputy Prime Minister": not the first contact.
# ("the first week of the war", "the first half of 2022", "the final days of 2021": a time, not the first contact)
# ("whose recent commitments", "the recent attacks": a thing said to be recent, not the most recent contact)
NOT_ORDER = re.compile(r"\bfirst[\s-]+(?:anniversary|lady|ladies|minister|deputy|vice|secretary)\b|"
                       r"\b(?:first|last|final|closing|opening)\s+(?:days?|weeks?|months?|half|quarter)\s+(?:of|after)\b|"
                       r"(?<!most )\brecent\s+(?!(?:calls?|meetings?|visits?|contacts?|"
                       r"conversations?|talks?|trips?|readouts?|exchanges?|ones?|times?|encounters?|sessions?)\b)(?=[a-z])",
                       re.IGNORECASE)


# "Tegucigalpa's first woman president", "the first-ever trilateral drill", "the first Black woman to ...": what
# someone or something is, not the first contact.
FIRST_DESCRIBED = re.compile(r"\bfirst[\s-]+(?:ever|woman|women|female|black|african[\s-]american|latina|latino|hispanic|"
                             r"indigenous|openly|asian[\s-]american|jewish|catholic|muslim|native)\b", re.IGNORECASE)


def order_of(text: str, intent: str) -> str | None:
    if TUNING.first_not_title:
        text = NOT_ORDER.sub(" ", text)
    if TUNING.first_described:
        text = FIRST_DESCRIBED.sub(" ", text)
    return "first" if ORDER_FIRST.search(text) else "last" if ORDER_LAST.search(text) and intent in (
        "when", "discuss", "list", "yes_no") else None


def kind_of(text: str) -> str | None:
    kinds = {KIND_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in KIND_WORDS}
    named = kinds - {None}
    # "speak with or meet" asks about every contact; "spoke by phone" is still a call.
    return next(iter(named)) if len(named) == 1 and (None not in kinds or named == {"call"}) else None


# "Blinken called Kuleba on May 8 and again on May 24. What news did he convey in each call?": with two dates
# named, each of two contacts (qa.question makes it a comparison then; "in each call in 2022" stays discuss).
EACH_CONTACT = re.compile(r"\b(?:in|during|on|at|from) each (?:call|meeting|conversation|readout|visit|one)\b",
                          re.IGNORECASE)
