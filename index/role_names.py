"""A participant's office as the metadata records it: lower case, the usual synonyms merged ("minister for foreign
affairs" is "foreign minister"), the words of an organisation or a place before it dropped ("arkansas governor" is
"governor"). Out of index/participants.py, which finds who took part."""
from __future__ import annotations

import re

from index.countries import fold
from index.name_tokens import OFFICE_WORDS, PLURAL_OFFICES


def normalise_role(office: str) -> str | None:
    """Lower-case office, with the usual synonyms merged ("minister for foreign affairs" -> "foreign minister")."""
    role = fold(office).strip()
    if not role:
        return None
    role = re.sub(r"\s+", " ", role)
    words = role.split()
    if words and words[-1] in PLURAL_OFFICES:  # "Senators Capito, Barrasso" -> senator
        words[-1] = words[-1][:-3] + "y" if words[-1].endswith("ies") else words[-1][:-1]
        role = " ".join(words)
    replacements = (
        (r"\bminister (?:for|of) foreign affairs\b", "foreign minister"),
        (r"\bminister of external affairs\b", "external affairs minister"),
        (r"\bnational security adviser\b", "national security advisor"),
        (r"\b(?:ap)?nsa\b", "national security advisor"),
        (r"\bsecretary general\b", "secretary-general"),
        (r"\bdirector general\b", "director-general"),
        (r"\bfm\b", "foreign minister"),
        (r"\bpresident-elect\b", "president-elect"),
    )
    for pattern, replacement in replacements:
        role = re.sub(pattern, replacement, role)
    if not re.search(r"\b(?:of|for|to)\b", role):
        words = role.split()
        keep: list[str] = []
        for word in reversed(words):  # "arkansas governor" -> "governor", "nsc spokesperson" -> "spokesperson"
            if word in ROLE_WORDS or (keep and word in ("and", "&")):
                keep.insert(0, word)
            else:
                break
        while keep and keep[0] in ("and", "&"):
            keep.pop(0)
        if len(keep) >= 2 and keep[-1] == "ambassador":
            keep.pop()  # "Domestic Policy Advisor Ambassador Susan Rice": a courtesy title
        role = " ".join(keep) or role
    return role


ORGANISATION_WORDS = frozenset("""
organization commission council office department ministry agency administration bureau committee party union
bank fund program programme forum institute foundation authority house white court senate congress parliament
assembly secretariat presidency service knesset bundestag duma rada cabinet
""".split())
ROLE_WORDS = (OFFICE_WORDS - ORGANISATION_WORDS) | frozenset("""
president vice-president president-elect vice minister prime secretary secretary-general director-general
foreign deputy national security advisor ambassador chancellor king queen crown prince princess emir amir
sultan emperor pope cardinal archbishop governor mayor senator speaker leader chairman chairwoman chair
director commissioner envoy special presidential coordinator administrator general chief head premier
spokesperson member councilor state high representative principal senior under assistant acting permanent
first lady second gentleman defense defence executive officer counselor counsellor lieutenant commander
alternate majority minority whip attorney taoiseach co-chair ceo founder adviser
""".split())
