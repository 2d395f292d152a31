"""An analyst's words for what readouts say in official ones: "chips" for semiconductors, "the Pentagon" for the
Department of Defense, "graft" for corruption, "prisoners" for detainees. The topic rule (qa/refusal.py) refuses
where none of the matching readouts has a rare word of the question; a word of this table is there too when one of
the readouts' words for it is. Written from the usage of press and government English, not from any question set:
each entry is a word a readout would not use for a thing it does say (a readout writes "semiconductor supply
chains", a journalist "chips"), never a looser topic ("weapons" is not "missiles", "Asia" is not "China"); money is
said as its sums ("$20 million of investment").
"""
from __future__ import annotations

import re

# word asked (lower case, singular) -> words or phrases readouts use for it
OFFICIAL_WORDS: dict[str, tuple[str, ...]] = {
    # institutions and parties
    "pentagon": ("department of defense", "defense department", "secretary of defense", "dod"),
    "gop": ("republican", "republicans"),
    "dems": ("democrats", "democratic"),
    "lawmaker": ("legislator", "legislators", "members of congress", "congressional", "senators", "representatives"),
    "legislator": ("lawmaker", "lawmakers", "legislature"),
    "feds": ("federal",),
    # security
    "munition": ("ammunition", "munitions"),
    "ammo": ("ammunition", "munitions"),
    "nuke": ("nuclear weapon", "nuclear weapons", "nuclear"),
    "peacekeeper": ("peacekeeping", "peacekeepers"),
    "monarch": ("queen", "king", "his majesty", "her majesty"),
    "junta": ("military regime", "coup", "military government", "military takeover"),
    "putsch": ("coup",),
    "truce": ("ceasefire", "cease-fire", "cessation of hostilities", "humanitarian pause"),
    "ceasefire": ("cease-fire", "truce", "cessation of hostilities"),
    "drone": ("uav", "uavs", "unmanned aerial"),
    "rotary-wing": ("helicopter", "helicopters"),
    "prisoner": ("detainee", "detainees", "detained", "detention"),
    "captive": ("hostage", "hostages", "detained", "detainee"),
    "spy": ("intelligence", "espionage"),
    "umbrella": ("extended deterrence", "deterrence"),
    "hacker": ("cyber", "malicious cyber"),
    "hack": ("cyber", "cyberattack", "intrusion"),
    "cyberattack": ("cyber", "ransomware", "malicious cyber"),
    "punishing": ("sanctions", "sanction", "sanctioned", "accountable", "accountability", "costs", "penalties"),
    "punish": ("sanctions", "sanction", "sanctioned", "accountable", "accountability", "costs", "penalties"),
    "cartel": ("transnational criminal organizations", "traffickers", "trafficking"),
    "smuggling": ("trafficking", "smugglers"),
    "shooting": ("gun violence", "gun safety", "firearm", "firearms", "gunfire", "mass shooting"),
    "gunman": ("shooter", "gun violence", "shooting"),
    # economy and energy
    "chip": ("semiconductor", "semiconductors"),
    "chipmaker": ("semiconductor",),
    "grid": ("electricity", "power sector", "electrical", "transmission", "energy system"),
    "blackout": ("power outage", "power outages", "outage", "outages", "restoring power", "power restoration"),
    "graft": ("corruption", "anti-corruption", "bribery"),
    "kleptocracy": ("corruption", "kleptocrats"),
    "money": ("funding", "financing", "investment", "assistance", "funds", "million", "billion"),
    "cash": ("funding", "financing", "funds", "million", "billion"),
    "bankrolling": ("financing", "finance", "funding", "capital", "investment", "investments", "investors"),
    "bankroll": ("financing", "finance", "funding", "capital", "investment", "investments", "investors"),
    "aid": ("assistance",),
    "handout": ("assistance", "grant", "grants"),
    "pact": ("agreement", "accord", "treaty", "arrangement", "compact"),
    "deal": ("agreement", "accord", "arrangement"),
    "tariff": ("duties", "trade barriers"),
    "lender": ("creditor", "creditors", "lending", "development banks", "development bank"),
    "ev": ("electric vehicle", "electric vehicles"),
    "lng": ("liquefied natural gas",),
    "crude": ("oil",),
    "moratorium": ("pause", "suspension"),
    "freeze": ("pause", "moratorium", "suspension"),
    "jab": ("vaccine", "vaccination", "vaccines"),
    "shot": ("vaccine", "vaccination", "vaccines", "booster"),
    "drugstore": ("pharmacy", "pharmacies", "pharmacist", "pharmacists"),
    "borrowing": ("debt",),  # "the borrowing limit": the debt limit
    "meatpacker": ("meat processing", "meat and poultry processing", "meatpacking", "packers", "processors"),
    "hunger": ("food insecurity", "food security", "famine", "malnutrition", "food crisis"),
    # people and movement
    "refugee": ("displaced", "asylum"),
    "evacuee": ("evacuated", "evacuation", "resettle", "relocation"),
    "migrant": ("migration", "migrants"),
    "nonstop": ("direct",),
    "airline": ("aviation", "flights", "air service"),
    "flight": ("air service", "aviation", "flights"),
    "uyghur": ("xinjiang",),
    "ulster": ("northern ireland",),
    "liberty": ("freedom", "freedoms", "human rights"),
    # anniversaries, as readouts count them
    "half-century": ("50-year", "50th", "fifty years", "50 years"),
    "centenary": ("100th", "100-year", "100 years", "centennial"),
    "centennial": ("100th", "100-year", "100 years", "centenary"),
    "video": ("virtual", "virtually", "videoconference", "video conference", "secure video"),
    "zoom": ("virtual", "virtually", "videoconference"),
    "gratitude": ("thanked", "thanks", "appreciation", "grateful"),
    "applaud": ("praised", "praise", "commended", "lauded", "welcomed"),
    "applauded": ("praised", "praise", "commended", "lauded", "welcomed"),
    "custodianship": ("custodian", "special role"),
    "u-turn": ("reverse", "reversal", "reversing", "reversed"),
    "quitting": ("withdraw", "withdrawal", "withdrawing", "exit"),
    "postwar": ("post-war", "world war ii", "second world war"),
    "warming": ("climate",),  # "global warming"
    "blaze": ("wildfire", "wildfires", "fire", "fires"),
    "mideast": ("middle east",),
    "hemispheric": ("western hemisphere", "hemisphere", "inter-american", "americas"),
    "harvesting": ("collection", "collecting", "collected"),  # "data harvesting"
    "pill": ("medication", "mifepristone"),  # "the abortion pill": medication abortion
    "abducting": ("hostage", "hostages", "kidnapped", "kidnapping", "abducted", "abduction"),
    "abduction": ("hostage", "hostages", "kidnapped", "kidnapping", "abducted"),
    "kidnapping": ("abduction", "abductions", "abducted", "hostage", "hostages"),
    # words of governing
    "voting": ("vote", "votes", "voters", "ballot", "ballots", "polls", "elections", "electoral"),
    "rollout": ("implementation", "deployment"),
    "fixing": ("repair", "repairing", "restore", "restoring", "rebuild", "rebuilding"),  # "fixing the power grid"
    "pick": ("nominee", "nominees", "nomination", "nominations"),  # "his picks for office"
    "shortlist": ("potential nominees", "nominees", "candidates", "finalists"),
    "three-way": ("trilateral",),
    "beating": ("ending", "end", "defeat", "defeating", "cure"),  # "beating cancer"
    "luring": ("attract", "attracting", "attraction"),  # "luring foreign capital"
    "swing": ("trip", "travel", "traveled", "visit"),  # "his swing through the region"
    "boss": ("chief executive", "ceo", "chair and ceo"),
    "overhaul": ("reform", "reforms"),
    "shakeup": ("reform", "reorganization"),
}
# one pattern per entry, made once: any of its words or phrases as a whole word ("cyber", not "cybersecurity" alone)
_SAID = {word: re.compile(r"\b(?:" + "|".join(re.escape(alt) for alt in alts) + r")\b")
         for word, alts in OFFICIAL_WORDS.items()}


def _entry(word: str) -> str | None:
    """The table's entry for a word asked (any case, singular or plural), or None."""
    word = word.lower().strip("’'")
    for form in (word, word[:-3] + "y" if word.endswith("ies") else None, word[:-2] if word.endswith("es") else None,
                 word[:-1] if word.endswith("s") else None):
        if form and form in OFFICIAL_WORDS:
            return form
    return None


def official_words(word: str) -> tuple[str, ...]:
    """The readouts' words for a word asked (any case, singular or plural), or ()."""
    entry = _entry(word)
    return OFFICIAL_WORDS[entry] if entry else ()


def said_officially(words: list[str], text: str) -> bool:
    """Whether a text has a readout's word for any of the words (a phrase as written, case aside)."""
    entries = [e for w in words if (e := _entry(w))]
    if not entries:
        return False
    lowered = text.lower()
    return any(_SAID[e].search(lowered) for e in entries)
