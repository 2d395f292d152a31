"""Who took part in the contact a readout reports: parsed from the title and the lead paragraph.

The title gives the structure ("Secretary Blinken's Call with Ukrainian Foreign Minister Kuleba"), the
lead's contact sentences give full names ("... spoke today with Ukrainian Foreign Minister Dmytro
Kuleba"); a surname the text never completes is completed from the table of frequent officials.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.countries import fold
from index.officials import OFFICIALS, Official
from index.name_tokens import PARTICLES, US_STATES, tokenize
from index.people import Mention, find_mentions, role_only_mentions
from index.role_names import normalise_role
from index.sentences import split_sentences

US = "United States"
_HAD = r"had (?:a|an|his|her|their|two|three|four|five|several|separate)(?: [\w-]+)? (?:call|calls|meeting|meetings|conversation|discussion|talks)"
CONTACT_VERB = re.compile(
    r"\b(?:met|meets|spoke|speaks|held|holds|hosted|hosts|convened|convenes|re-?convened|called|talked|joined|"
    r"joins|visited|traveled|travelled|travels|welcomed|welcomes|received|receives|led|participated|engaged|"
    r"chaired|co-chaired|co-hosted|sat down|moderated|included|includes|attended|attendance|accompanied|gathered|"
    r"dropped by|stopped by|drops by|stops by|"  # "President Biden dropped by the meeting": he took part
    rf"was in|were in|arrived|including with|{_HAD}|"
    r"(?:will|would|to) (?:meet|speak|host|hold|convene|travel|visit|join|participate))\b"
)
# After the lead's first sentence only plain reports of a contact count: "welcomed its role", "called on
# Russia" or "to meet with President Zelenskyy" (a plan) name no one taking part.
FINITE_CONTACT = re.compile(
    r"(?<!\bto )\b(?:met|meets|spoke|speaks|held|holds|hosted|hosts|convened|re-?convened|joined|visited|"
    r"traveled|travelled|participated|co-chaired|co-hosted|moderated|included|attended|attendance|accompanied|gathered|"
    rf"dropped by|stopped by|including with|{_HAD}|will (?:meet|speak|host|hold|convene|travel|visit|join|participate))\b"
)
# After the contact verb, the people end where the purpose or topic begins.
CLAUSE_END = re.compile(
    r"\b(?:to (?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|our\b|meet\b|speak\b|visit\b|[A-Z])[a-z]+|about|regarding|concerning|"
    r"following|ahead of|in advance of|on behalf of|as part of|because|whose|who|which|where|when|while|during|"
    r"for (?:an?|the) (?:update|discussion|briefing|meeting|call|conversation))\b|[;:]\s"
)
NOT_TAKING_PART = re.compile(
    r"(?:behalf of|message from|messages from|greetings (?:from|to)|letter from|invitation from|"
    r"congratulations from|condolences to|wishes to|regards to|on behalf|"
    r"(?:announced|launched|established|created|founded|signed|unveiled|introduced) by)\s*(?:the\s+)?\Z", re.IGNORECASE)
# The rest of a list after someone not taking part ("announced by President Joe Biden, Uruguayan President Luis
# Lacalle Pou, and Canadian Prime Minister Justin Trudeau in November 2023": none of them was at the meeting).
LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
INTRO = re.compile(
    r"\A(?:After|Following|Before|During|Prior to|Ahead of|On the heels of|Building on|As part of|In advance of|"
    r"In the wake of|At the invitation of|Upon|Since)\b[^,]*,\s*")
ATTRIBUTION = re.compile(r"\A(?:The (?:below|following) is attributable|Office of the Spokesperson|"
                         r"For Immediate Release|\*?\s*\Z)", re.IGNORECASE)
SPOKESPERSON = re.compile(r"spokes|press secretary|communications director|press", re.IGNORECASE)
TITLE_LEAD_IN = re.compile(
    r"\A(?:FACT SHEET:\s*|White House\s+)?(?:Joint\s+)?(?:READOUT|Readout)\s*(?::|of|from|by)?\s*", re.IGNORECASE)
STATEMENT_BY = re.compile(
    r"\A(?:Joint\s+)?(?:Statement\s+(?:by|from|of)|Readout\s+(?:by|from))\s+(.+?)\s+(?:on|of|regarding)\s+(?=\S)")
COUNTERPART_CUE = re.compile(r"\b(?:with|Between|between|and)\b")
TITLE_TOPIC = re.compile(r"\s(?:on|about|to|regarding|concerning|at|in|during|ahead of|following)\s(?=[A-Za-z“\"])")
# Offices only the US side holds in these readouts (used when the text gives no country).
US_OFFICES = re.compile(
    r"\b(?:governor|senator|congress(?:wo)?man|attorney general|lieutenant governor|state legislat|ranking member|"
    r"white house|to the president|to the vice president|of state|assistant secretary|national security council|"
    r"nsc|usaid|indo-pacific coordinator|domestic policy|national economic|first lady|second gentleman|"
    r"homeland security|u\.s\.|united states|special presidential|cabinet secretary)\b")
US_SIDE = re.compile(r"\b(?:was|were) (?:joined|accompanied)\b|\b(?:joined|accompanied) by\b")
# Offices that only one country has.
OFFICE_COUNTRY = {"pope": "Holy See", "taoiseach": "Ireland", "tanaiste": "Ireland", "state councilor": "China",
                  "state councilor and foreign minister": "China", "politburo member": "China"}
GENERIC_GIVEN = frozenset("""
mohammed mohamed muhammad mohammad muhammed ahmed ahmad ali hassan hussein abdullah abdul abdulla omar khalid
john james david michael robert william mary maria anne jose juan carlos luis jean pierre peter paul mark
""".split())


@dataclass
class Person:
    """A participant while it is being assembled; becomes metadata.Participant."""

    name: str
    role: str | None
    country: str | None
    side: str  # "principal" (the issuing side) or "counterpart"
    tokens: tuple[str, ...]

    def key_tokens(self) -> set[str]:
        return {t for t in self.tokens if len(t) >= 3 and t not in GENERIC_GIVEN} or set(self.tokens)


@dataclass(frozen=True)
class Context:
    """What the rules need to know about a readout besides its text."""

    date: str  # publication date ISO, "" when unknown
    issuer: str  # "white house", "state department" or "" (unknown)


def issuer_of(source: str, url: str = "", readout_id: str = "") -> str:
    """Which US office issued a readout, from its source line, URL or id ("" when neither)."""
    text = f"{source} {url}".lower()
    if "white house" in text or "whitehouse.gov" in text or readout_id.startswith("wh-"):
        return "white house"
    if "department of state" in text or "state.gov" in text or readout_id.startswith("sd-"):
        return "state department"
    return ""


def lead_paragraph(paragraphs: tuple[str, ...]) -> int:
    """Index (0-based) of the lead: the first of the opening paragraphs that reports a contact."""
    candidates = [i for i, p in enumerate(paragraphs[:4]) if not ATTRIBUTION.match(p.strip())]
    for i in candidates[:3]:
        if CONTACT_VERB.search(paragraphs[i]) and paragraphs[i].rstrip()[-1:] in ".!?”\"":
            return i
    return candidates[0] if candidates else 0


_OFFICIAL_TOKENS = tuple((o, tuple(t for t in fold(o.name).split() if t not in ("ii", "iii", "iv")))
                         for o in OFFICIALS)


def _official(name_tokens: tuple[str, ...], office: str, context: Context) -> Official | None:
    """The known official a mention names, or None ("Blinken" with no first name needs no dates to match)."""
    if not name_tokens:
        return None
    last = name_tokens[-1]
    found = []
    joined = " ".join(name_tokens)
    for official, tokens in _OFFICIAL_TOKENS:
        if joined == " ".join(tokens):
            return official
        if last != tokens[-1] and not (len(name_tokens) == 1 and name_tokens[0] in tokens[1:]):
            continue
        if len(name_tokens) >= 2 and name_tokens[0] not in (tokens[0], *official.given):
            continue
        found.append(official)
    if len(found) <= 1:
        return found[0] if found else None
    dated = [o for o in found if not context.date or o.start <= context.date <= o.end]
    by_role = [o for o in dated if office and (office == o.role or office in o.aliases or o.role.endswith(office))]
    return (by_role or dated or found)[0]


def role_only_official(office: str, context: Context) -> Official | None:
    """The official "the President" / "the Secretary" means in this readout, or None."""
    office = fold(office)
    for official in OFFICIALS:
        if office in official.aliases and context.date and official.start <= context.date <= official.end:
            if office in ("secretary", "deputy secretary") and context.issuer != "state department":
                continue
            if office in ("president", "vice president", "first lady", "second gentleman") and not context.issuer:
                continue
            return official
    return None


def _same_person(a: Person, b_tokens: tuple[str, ...]) -> bool:
    if not a.tokens or not b_tokens:
        return False
    if a.tokens[-1] == b_tokens[-1]:
        first_a, first_b = a.tokens[0], b_tokens[0]
        shorter, longer = sorted((a.tokens, b_tokens), key=len)
        if longer[len(longer) - len(shorter):] == shorter:
            return True  # "Bhutto Zardari" in "Bilawal Bhutto Zardari"
        if len(a.tokens) >= 2 and len(b_tokens) >= 2 and first_a != first_b and not (
                {first_a, first_b} & PARTICLES):
            return first_a[:1] == first_b[:1] and min(len(first_a), len(first_b)) <= 2
        return True
    shorter, longer = sorted((set(a.tokens), set(b_tokens)), key=len)
    if len(shorter) == 1 and shorter <= longer:
        return True  # a title's one name: "Foreign Minister Retno" is Retno Marsudi
    keys = {t for t in shorter if len(t) >= 3 and t not in GENERIC_GIVEN}
    return bool(keys) and keys <= longer


def _without_state(name: str, tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A name without the US state written before it: "Commissioner of Lee County, Florida Cecil Pendergrass" is Cecil
    Pendergrass, "Florida" the county's state, not his given name. Two words of name stay at least."""
    for size in (2, 1):
        if len(tokens) >= size + 2 and " ".join(tokens[:size]) in US_STATES and len(name.split()) == len(tokens):
            return " ".join(name.split()[size:]), tokens[size:]
    return name, tokens


def _add(people: list[Person], mention: Mention, side: str, context: Context) -> None:
    """Merge a mention into the list: a longer name and any missing role or country win."""
    official = _official(mention.tokens, fold(mention.office), context)
    name = mention.name
    if official is not None:
        name, tokens = official.name, tuple(fold(official.name).split())
    else:
        tokens = mention.tokens
        name, tokens = _without_state(name, tokens)
    role = normalise_role(mention.office)
    for person in people:
        if _same_person(person, tokens):
            if len(tokens) > len(person.tokens) and official is None:
                person.name, person.tokens = name, tokens
            person.role = person.role or role
            person.country = person.country or mention.country
            return
    if official is not None:
        role = role if role and role not in ("president", "secretary") else official.role
    people.append(Person(name, role, mention.country or (official.country if official else None), side, tokens))


def _fill_countries(people: list[Person], title: str, lead: str, context: Context) -> None:
    """Give a country to those the text leaves without one, from the known officials, the office or the title."""
    in_title = {t.value for t in tokenize(title) if t.kind == "G" and t.value != US}
    anywhere = in_title | {p.country for p in people if p.country and p.country != US} | {
        t.value for t in tokenize(lead) if t.kind == "G" and t.value != US}
    for person in people:
        if person.country is not None:
            continue
        official = _official(person.tokens, person.role or "", context)
        role = person.role or ""
        if official is not None:
            person.country = official.country
        elif OFFICE_COUNTRY.get(role):
            person.country = OFFICE_COUNTRY[role]
        elif not context.issuer:
            continue
        elif person.side == "principal" or US_OFFICES.search(role):
            person.country = US
        elif len(in_title) == 1:
            person.country = next(iter(in_title))  # "Readout of ... Travel to India": the hosts are Indian
        elif not anywhere:
            person.country = US


def _add_official(people: list[Person], official: Official | None, context: Context) -> None:
    if official is not None:
        mention = Mention(official.name, official.role, official.country, 0, 0, 0,
                          tokens=tuple(fold(official.name).split()))
        _add(people, mention, "principal", context)


def _subject_end(sentence: str) -> int:
    verb = CONTACT_VERB.search(sentence)
    return verb.start() if verb else len(sentence)


def _taking_part(text: str, mentions: list[Mention], allow_possessive: bool = False) -> list[Mention]:
    kept = []
    left_out = None  # where the last mention left out ended, while a list of them may go on
    for mention in mentions:
        if mention.inner or (mention.possessive and not allow_possessive):
            continue
        if NOT_TAKING_PART.search(text[max(0, mention.start - 40):mention.start]) or (
                left_out is not None and LIST_GAP.fullmatch(text[left_out:mention.start])):
            left_out = mention.end
            continue
        left_out = None
        kept.append(mention)
    # "President Ghani and Chairman Abdullah of Afghanistan": the place covers both
    for a, b in zip(kept, kept[1:]):
        if a.country is None and b.country and re.fullmatch(r",?\s+(?:and|&)\s+", text[a.end:b.start]):
            a.country = b.country
    return kept


def _title_parts(title: str) -> tuple[str, str | None]:
    """(the title without lead-ins such as "Statement by NSC Spokesperson X on", the author when a principal)."""
    author = None
    text = title.replace("’", "'").strip()
    text = re.sub(r"\s+", " ", text)
    match = STATEMENT_BY.match(text)
    if match and (text.startswith(("Statement", "Joint Statement")) or SPOKESPERSON.search(match.group(1))):
        if not SPOKESPERSON.search(match.group(1)):
            author = match.group(1)  # "Statement by President Joe Biden on ...": the President speaks as "I"
        text = text[match.end():]
    else:
        text = TITLE_LEAD_IN.sub("", text)
    return text, author


def title_mentions(title: str) -> tuple[list[Mention], list[Mention], str]:
    """(principal mentions, counterpart mentions, the cleaned title) of a readout title."""
    text, author = _title_parts(title)
    cue = re.search(r"\b(?:with|With|Between|between)\b", text)
    split = cue.start() if cue else len(text)
    topic = TITLE_TOPIC.search(text, cue.end() if cue else len(text))
    slot_end = topic.start() if topic else len(text)
    slots = ((cue.end(), slot_end),) if cue else ()
    mentions = [m for m in find_mentions(text, slots) if not m.inner]
    mentions = [m for m in mentions if m.start < slot_end or m.start < split]
    principal = [m for m in mentions if m.start < split]
    counterpart = [m for m in mentions if m.start >= split]
    if text.startswith(("Meeting Between", "Meeting between", "Call Between", "Call between", "the Meeting Between")):
        principal, counterpart = counterpart[:1], counterpart[1:]
    if author:
        principal = find_mentions(author) + principal
    return principal, counterpart, text


@dataclass
class Found:
    """What the title and lead give: the participants and where the contact is reported."""

    people: list[Person]
    lead_index: int  # 0-based index of the lead paragraph
    contact: list[str]  # the lead's sentences that report the contact (the first sentence when none does)
    author: int | None  # index in people of the first-person author of a statement ("I spoke ..."), or None
    title: str  # the title without lead-ins such as "Readout of" or "Statement by NSC Spokesperson X on"


def extract_people(title: str, paragraphs: tuple[str, ...], context: Context) -> Found:
    """Participants of a readout (issuing side first), with the lead paragraph and contact sentences."""
    lead_index = lead_paragraph(paragraphs) if paragraphs else 0
    lead = paragraphs[lead_index] if paragraphs else ""
    principal, counterpart, clean_title = title_mentions(title)
    people: list[Person] = []
    cue = re.search(r"\b(?:with|With|Between|between)\b", clean_title)
    _, author = _title_parts(title)
    for office, _ in role_only_mentions((author or "") + " | " + clean_title[:cue.start() if cue else len(clean_title)]):
        _add_official(people, role_only_official(office, context), context)
    for mention in principal:
        if not SPOKESPERSON.search(mention.office):
            _add(people, mention, "principal", context)
    for mention in _taking_part(clean_title, counterpart, allow_possessive=True):
        _add(people, mention, "counterpart", context)
    sentences = [lead[s:e] for s, e in split_sentences(lead)]
    # later sentences count only with a finite contact verb: "... to meet with President Zelenskyy" is a plan
    contact = [s for i, s in enumerate(sentences) if (CONTACT_VERB if i == 0 else FINITE_CONTACT).search(s)]
    contact = contact or sentences[:1]
    for sentence in contact:
        intro = INTRO.match(sentence)
        body_start = intro.end() if intro else 0
        body = sentence[body_start:]
        verb_at = _subject_end(body)
        verb = CONTACT_VERB.search(body)
        cut = CLAUSE_END.search(body, verb.end() if verb else verb_at)
        end = cut.start() if cut else len(body)
        found = find_mentions(body, ((verb_at, end),))
        us_side = US_SIDE.search(body)
        for mention in _taking_part(body, [m for m in found if m.start < end]):
            if SPOKESPERSON.search(mention.office) and mention.start >= verb_at:
                continue
            principal_side = mention.start < verb_at or bool(us_side and us_side.end() <= mention.start)
            _add(people, mention, "principal" if principal_side else "counterpart", context)
        for office, _ in role_only_mentions(body[:verb_at]):
            _add_official(people, role_only_official(office, context), context)
    _fill_countries(people, clean_title, lead, context)
    people.sort(key=lambda person: person.side != "principal")  # the issuing side first, order kept
    author_index = None
    if author and people and not SPOKESPERSON.search(author):
        author_index = 0
    return Found(people, lead_index, contact, author_index, clean_title)
