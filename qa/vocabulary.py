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

from index.countries import capital_country, country_names, country_of, country_pattern, fold

from .tuning import TUNING
from .vocabulary_more import BROAD_WORDS

# word asked (lower case, singular) -> words or phrases readouts use for it
OFFICIAL_WORDS: dict[str, tuple[str, ...]] = {
    # institutions and parties
    "pentagon": ("department of defense", "defense department", "secretary of defense", "defense secretary", "dod"),
    "gop": ("republican", "republicans"),
    "dems": ("democrats", "democratic"),
    "lawmaker": ("legislator", "legislators", "members of congress", "congressional", "senators", "representatives")
    + (("senator", "house members", "members of the house") if TUNING.more_official_words else ()),
    "legislator": ("lawmaker", "lawmakers", "legislature"),
    "feds": ("federal",),
    # security
    "munition": ("ammunition", "munitions"),
    "ammo": ("ammunition", "munitions"),
    "nuke": ("nuclear weapon", "nuclear weapons", "nuclear"),
    "peacekeeper": ("peacekeeping", "peacekeepers"),
    "monarchy": ("kingdom", "king", "crown prince", "royal"),
    "outer": ("space",),  # "outer space"
    "monarch": ("queen", "king", "his majesty", "her majesty"),
    "junta": ("military regime", "coup", "military government", "military takeover"),
    "putsch": ("coup",),
    "truce": ("ceasefire", "cease-fire", "cessation of hostilities", "humanitarian pause"),
    "ceasefire": ("cease-fire", "truce", "cessation of hostilities"),
    "drone": ("uav", "uavs", "unmanned aerial"),
    "rotary-wing": ("helicopter", "helicopters"),
    "detention": ("detained", "detainee", "detainees", "imprisoned", "prisoners", "political prisoners", "release"),
    "prisoner": ("detainee", "detainees", "detained", "detention"),
    "captive": ("hostage", "hostages", "detained", "detainee"),
    "spy": ("intelligence", "espionage"),
    # ("keeping the Islamic State down": "ensure that ISIS can never resurge")
    **({"islamic": ("isis", "isil", "daesh"), "isis": ("isil", "daesh", "islamic state"),
        "isil": ("isis", "daesh", "islamic state"), "daesh": ("isis", "isil", "islamic state")}
       if TUNING.more_official_words else {}),
    "umbrella": ("extended deterrence", "deterrence"),
    "hacker": ("cyber", "malicious cyber"),
    "hack": ("cyber", "cyberattack", "intrusion"),
    "cyberattack": ("cyber", "ransomware", "malicious cyber"),
    "punishing": ("sanctions", "sanction", "sanctioned", "accountable", "accountability", "costs", "penalties"),
    "punish": ("sanctions", "sanction", "sanctioned", "accountable", "accountability", "costs", "penalties"),
    "cartel": ("transnational criminal organizations", "traffickers", "trafficking"),
    "smuggling": ("trafficking", "smugglers"),
    "meddling": ("interference", "interfere", "interfering"),  # "foreign meddling in votes"
    "hardliner": ("extremist", "extremists", "extremism", "hardline"),  # "hardliners who preach hate"
    "sparing": ("protecting", "protect", "protection", "safeguarding"),  # "sparing civilians"
    "frontier": ("border", "borders", "boundary", "blue line"),
    "drug": ("narcotics", "narcotic", "counternarcotics", "counter narcotics"),  # "the drug trade"
    "anti-jewish": ("antisemitism", "antisemitic", "anti-semitism"),
    "shooting": ("gun violence", "gun safety", "firearm", "firearms", "gunfire", "mass shooting"),
    "gunman": ("shooter", "gun violence", "shooting"),
    "massacre": ("mass shooting", "shooting", "killings", "killed", "murdered"),
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
    "commerce": ("trade",),  # "commerce between the two countries": "trade and investment links"
    **({"shortfall": ("gap", "gaps", "shortage", "shortages", "deficit", "deficits")} if TUNING.more_official_words else {}),
    "frozen": ("immobilized", "immobilised"),  # "frozen Russian money": "immobilized Russian sovereign assets"
    "pre-k": ("preschool", "pre-school", "prekindergarten", "pre-kindergarten"),
    "aid": ("assistance",),
    "tranche": ("package", "drawdown", "assistance"),  # "the military aid tranche"
    "billion-dollar": ("billion",),  # "the billion-dollar package": "$1 billion in security assistance"
    "million-dollar": ("million",),
    "handout": ("assistance", "grant", "grants"),
    "pact": ("agreement", "accord", "treaty", "arrangement", "compact"),
    "deal": ("agreement", "accord", "arrangement"),
    "tariff": ("duties", "trade barriers"),
    "worldwide": ("global", "globally"),  # "a worldwide floor on corporate taxes": a global minimum tax
    "floor": ("minimum",),
    "spending": ("investment", "investments", "budget", "budgets", "funding"),  # "military spending"
    "lender": ("creditor", "creditors", "lending", "development banks", "development bank"),
    "ev": ("electric vehicle", "electric vehicles"),
    "lng": ("liquefied natural gas",),
    "crude": ("oil",),
    "moratorium": ("pause", "suspension"),
    "freeze": ("pause", "moratorium", "suspension"),
    "strain": ("variant", "variants"),  # "the new strain" of a virus
    "jab": ("vaccine", "vaccination", "vaccines"),
    "shot": ("vaccine", "vaccination", "vaccines", "booster"),
    "drugstore": ("pharmacy", "pharmacies", "pharmacist", "pharmacists"),
    "borrowing": ("debt",),  # "the borrowing limit": the debt limit
    "ceiling": ("limit", "default"),  # "the debt ceiling": the debt limit, a default
    "defaulting": ("default", "debt limit", "full faith and credit"),
    "civic": ("civil society",),  # "civic groups"
    "meatpacker": ("meat processing", "meat and poultry processing", "meatpacking", "packers", "processors"),
    "farm": ("agricultural", "agriculture", "farmers"),  # "farm output": agricultural production
    "output": ("production", "productivity"),
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
    "crackdown": ("repression", "repressive", "suppression", "persecution"),  # "a crackdown on the opposition"
    "capping": ("no more than", "cap", "caps", "limit", "limiting"),  # "capping what families pay"
    "schooling": ("education", "school", "schools"),
    "nonbeliever": ("not to believe", "non-believers", "atheist", "atheists", "humanists"),
    "restriction": ("restrictive", "restrict", "restricting", "anti-voter", "voter suppression"),  # voting restrictions
    "fixing": ("repair", "repairing", "restore", "restoring", "rebuild", "rebuilding"),  # "fixing the power grid"
    "pick": ("nominee", "nominees", "nomination", "nominations"),  # "his picks for office"
    "shortlist": ("potential nominees", "nominees", "candidates", "finalists"),
    "three-way": ("trilateral",),
    "beating": ("ending", "end", "defeat", "defeating", "cure"),  # "beating cancer"
    "luring": ("attract", "attracting", "attraction"),  # "luring foreign capital"
    "swing": ("trip", "travel", "traveled", "visit"),  # "his swing through the region"
    "boss": ("chief executive", "ceo", "chair and ceo"),
    "overhaul": ("reform", "reforms"),
    "deadlock": ("impasse", "stalemate"),
    "thaw": ("rapprochement", "improved relations", "improving relations", "improvement"),  # "the thaw between ..."
    "helm": ("chair", "chairmanship", "chairing", "presidency", "leadership"),  # "at the helm of the bloc"
    "knock-on": ("impact", "impacts", "consequences", "effects", "spillover"),
    "guarantee": ("commitment", "commitments", "extended deterrence", "deterrence"),  # "security guarantees"
    "restraint": ("checks and balances", "checks"),  # "restraints on power"
    "confidentiality": ("privacy",),  # "medical confidentiality": patient privacy
    "bargain": ("commitment", "commitments"),  # "its own end of the bargain"
    "statistics": ("data",),
    "race": ("competition", "compete", "competitiveness"),  # "the chips race"
    "shakeup": ("reform", "reorganization"),
    # forty-second session
    "coronavirus": ("covid", "covid-19", "pandemic"),
    "rainforest": ("amazon", "forest", "forests", "deforestation"),
    "restock": ("replenish", "replenishing", "replenishment", "backfill"),
    "interceptor": ("iron dome", "air defense", "missile defense"),
    "congestion": ("crowding", "overcrowding", "bottleneck", "bottlenecks"),
    "recommit": ("reaffirm", "reaffirmed", "reiterate", "reiterated", "renewed"),
}
if TUNING.broad_words:  # (qa/vocabulary_more.py: the forty-fifth session's table, written apart from any question set)
    OFFICIAL_WORDS.update({word: alts for word, alts in BROAD_WORDS.items() if word not in OFFICIAL_WORDS})


# one pattern per entry, made once: any of its words or phrases as a whole word ("cyber", not "cybersecurity" alone)
def _any_of(alternatives: tuple[str, ...]) -> re.Pattern:
    """One pattern finding any of the (lower-case) alternatives as whole words."""
    return re.compile(r"\b(?:" + "|".join(re.escape(alt) for alt in alternatives) + r")\b")


_SAID = {word: _any_of(alts) for word, alts in OFFICIAL_WORDS.items()}


def _entry(word: str) -> str | None:
    """The table's entry for a word asked (any case, singular or plural), or None."""
    word = word.lower().strip("’'")
    # (and a verb's "-ing" or "-ed" form: "overhauling" is the table's "overhaul")
    verb = (word[:-3] if word.endswith("ing") else word[:-2] if word.endswith("ed") else None) \
        if TUNING.verb_entries and len(word) > 6 else None
    for form in (word, word[:-3] + "y" if word.endswith("ies") else None, word[:-2] if word.endswith("es") else None,
                 word[:-1] if word.endswith("s") else None, verb):
        if form and form in OFFICIAL_WORDS:
            return form
    return None


def official_words(word: str) -> tuple[str, ...]:
    """The readouts' words for a word asked (any case, singular or plural), or ()."""
    entry = _entry(word)
    return OFFICIAL_WORDS[entry] if entry else _place_names(word)


# names of several words (lower case) -> the readouts' names for them
OFFICIAL_NAMES: dict[str, tuple[str, ...]] = {"islamic state": ("isis", "isil", "daesh")} \
    if TUNING.more_official_words else {}
_NAMED = {name: _any_of(alts) for name, alts in OFFICIAL_NAMES.items()}


def named_officially(name: str, text: str) -> bool:
    """Whether a text has a readout's name for a name of several words asked ("ISIS" for "the Islamic State")."""
    found = _NAMED.get(" ".join(name.lower().split()))
    return bool(found and found.search(text.lower()))


def said_officially(words: list[str], text: str) -> bool:
    """Whether a text has a readout's word for any of the words (a phrase as written, case aside)."""
    entries = [e for w in words if (e := _entry(w))]
    countries = [c for w in words if not _entry(w) and (c := _place_country(w))]
    if not entries and not countries:
        return False
    lowered = text.lower()
    return any(_SAID[e].search(lowered) for e in entries) or any(country_pattern(c).search(text) for c in countries)


def _place_names(word: str) -> tuple[str, ...]:
    """A country's names (lower case) for another name of it asked ("Myanmar" is said "Burma") or its capital standing
    for it ("working with Seoul": "the Republic of Korea"); () for a country's own name or any other word."""
    country = _place_country(word)
    bare = re.sub(r"['’]s$", "", word.strip("’'")).lower()
    return tuple(dict.fromkeys(n.lower() for n in country_names(country) if n.lower() != bare)) if country else ()


def _place_country(word: str) -> str | None:
    """The country a word asked names by another of its names, its capital or its people in the plural, or None (for
    a country's own name, the pronoun "us" and any other word)."""
    if not TUNING.place_names:
        return None
    bare = re.sub(r"['’]s$", "", word.strip("’'"))
    # (a people said in the plural: "the Emiratis", "Trinidadians"; not "the Americans", a side of every contact)
    plural = country_of(bare[:-1]) if bare.endswith("s") else None
    country = capital_country(bare) or country_of(bare) or (plural if plural != "United States" else None)
    if not country or fold(country).lower() == fold(bare).lower() or bare.lower() == "us" or not country_names(country):
        return None  # (nor an organisation: "NATO" has no other names here)
    return country
