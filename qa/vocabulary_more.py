"""More of an analyst's words for what readouts say in official ones (qa/vocabulary.py has the first table and its
rules): written in the forty-fifth session from press, policy and government usage by a helper who saw no question
set, then reviewed (loose pairs left out: "talk" as "discussions", "monopoly" as "consolidation", "dissident" as
"human rights defenders", "troop" as "forces"). Every value is in the corpus, none in more than 40% of its readouts.
Many entries are relatives the crude stem (index.query.stem) misses: "prosecution" and "prosecute", "subsidy" and
"subsidies", "withdrawal" and "withdraw"; British spellings; agencies and bodies by their initials. The last group
comes from the false refusals of analyst_dev68 and analyst_dev70 (read in that session).
"""
from __future__ import annotations

BROAD_WORDS: dict[str, tuple[str, ...]] = {
    # ---- diplomacy: contacts, talks, statements ----
    "handover": ("transition", "transfer of power"),  # "the handover of power"
    "sideline": ("margins", "on the margins"),  # "on the sidelines of the summit": "on the margins of"
    "emissary": ("envoy", "envoys", "special envoy", "special representative"),
    "go-between": ("mediators", "mediation", "intermediary", "intermediaries"),
    "mediator": ("mediation", "mediate", "mediated", "mediating", "intermediary"),  # stem "mediator" misses "mediation"
    "broker": ("mediated", "mediation", "mediate"),  # "brokered a truce": "mediated"
    "rapprochement": ("improved relations",),
    "communique": ("joint statement", "joint declaration"),  # "communiqué" folds to this
    "rift": ("disagreements", "differences"),  # "the rift between them": "manage differences"
    "denounce": ("condemned", "condemn", "condemns", "condemnation", "condemning"),
    "denounced": ("condemned", "condemn", "condemnation"),  # (the "-ed" rule strips to "denounc")
    "vow": ("pledge", "pledged", "pledges", "pledging"),
    "vowed": ("pledge", "pledged", "pledges"),
    "hail": ("welcomed", "praised", "commended", "celebrated"),  # "hailed the agreement"
    "ink": ("signed", "signing", "signature"),  # "inked a deal"
    "sympathy": ("condolences",),
    "rivalry": ("competition", "strategic competition", "compete", "competing"),
    "enemy": ("enemies", "adversaries"),  # stem "enemy" misses "enemies"
    "ally": ("allies", "allied"),  # stem "ally" misses "allies"
    "roadmap": ("road map",),
    "membership": ("accession",),  # "Finland's NATO membership": its accession
    "enlargement": ("accession", "open door"),  # NATO or EU enlargement: accession, the Open Door policy
    "accession": ("membership",),
    "premier": ("prime minister",),  # "the Italian premier"
    "fallout": ("consequences", "repercussions", "ramifications", "spillover"),  # "the fallout from the war"
    # ---- people and offices by nickname or initials ----
    "veep": ("vice president",),
    "flotus": ("first lady",),
    "sotu": ("state of the union",),
    "scotus": ("supreme court",),
    "pontiff": ("pope",),  # (not "His Holiness": the Dalai Lama is one too)
    # ---- law and justice ----
    "judicial": ("judiciary", "judges", "courts", "justice system", "justice sector", "justice reform"),
    "judiciary": ("judicial", "judges", "courts", "justice system"),
    "probe": ("investigation", "investigations", "investigate", "investigating", "inquiry", "inquiries"),
    "inquiry": ("investigation", "investigations", "investigate", "inquiries"),  # stem "inquiry" misses "inquiries"
    "prosecution": ("prosecute", "prosecuted", "prosecuting", "prosecutor", "prosecutors"),  # "-ion" is not cut
    "lawsuit": ("litigation", "legal action"),
    "jail": ("imprisonment", "prison", "prisons", "incarcerated", "incarceration"),
    "jailed": ("imprisonment", "prison", "incarcerated", "detained"),  # ("jailed" is too short for the "-ed" rule)
    "prison": ("imprisonment", "incarcerated", "incarceration"),
    "homicide": ("murder", "murders", "murdered"),
    "murder": ("homicide", "homicides"),
    "shooter": ("shooting",),
    "seizure": ("seize", "seized", "seizing"),  # "the seizure of Russian assets"
    "compliance": ("comply",),  # stem "complianc" misses "comply"
    # ---- elections and governance ----
    "electoral": ("election", "elections"),  # stem "electoral" misses "election"
    "swearing-in": ("inauguration", "sworn in"),
    "suffrage": ("right to vote", "voting rights"),
    "disenfranchisement": ("voter suppression", "anti-voter"),
    "autocracy": ("authoritarian", "autocrats", "autocracies"),
    "autocrat": ("authoritarian",),
    "dictatorship": ("authoritarian",),
    "strongman": ("authoritarian",),
    "democratization": ("democratic transition", "transition to democracy", "democratic reforms"),
    "caretaker": ("interim government", "transitional government"),
    "parliamentary": ("parliament",),
    "congressman": ("members of congress", "congressional"),
    "congresswoman": ("members of congress", "congressional"),
    "statehouse": ("state legislature", "state legislatures", "state legislators", "state legislative"),
    "gubernatorial": ("governor", "governors"),
    "mayoral": ("mayor", "mayors"),
    "municipal": ("local government", "local governments"),
    "bipartisanship": ("bipartisan",),
    "stopgap": ("continuing resolution",),  # "a stopgap spending bill"
    "shutdown": ("fund the government",),  # "avert a shutdown": "fund the government"
    "protester": ("protestors", "demonstrators", "protests"),
    "unrest": ("protests", "demonstrations"),
    "overthrow": ("coup",),
    "self-rule": ("autonomy", "self-determination", "self-governance", "self-government"),
    "territory": ("territories",),
    "minority": ("minorities",),
    # ---- security and military ----
    "atomic": ("nuclear",),
    "nonproliferation": ("non-proliferation",),
    "non-proliferation": ("nonproliferation",),
    "counter-terrorism": ("counterterrorism",),
    "counter-offensive": ("counteroffensive",),
    "buildup": ("build-up", "massing"),  # "troop buildup": "massing of forces"
    "warplane": ("fighter jets", "fighter jet", "fighter aircraft"),
    "navy": ("naval",),  # stem "navy" misses "naval"
    "naval": ("navy",),
    "troop": ("service members", "servicemembers", "soldiers", "military personnel"),
    "soldier": ("troops", "service members", "servicemembers", "military personnel"),
    "casualty": ("casualties", "killed", "wounded", "injured", "loss of life", "lives lost"),
    "fatality": ("deaths", "killed", "loss of life", "lives lost"),
    "reprisal": ("retaliation", "retaliatory", "retaliate"),
    "deterrent": ("deterrence", "deter", "deterring"),  # stem "deterrent" misses "deterrence"
    "aggressor": ("aggression",),  # "Russia, the aggressor": "Russia's aggression"
    "provocative": ("provocation", "provocations"),
    "wmd": ("weapons of mass destruction",),
    "icbm": ("intercontinental ballistic missile", "intercontinental"),
    "capability": ("capabilities",),
    "proxy": ("proxies",),
    "withdrawal": ("withdraw",),  # stem "withdrawal" misses "withdraw"
    "pullout": ("withdrawal", "withdraw"),
    "unclos": ("law of the sea",),
    "fonop": ("freedom of navigation",),
    # ---- intelligence ----
    "spying": ("espionage", "surveillance", "intelligence collection"),
    "eavesdropping": ("surveillance",),
    "propaganda": ("disinformation", "misinformation", "information manipulation"),
    "misinformation": ("disinformation",),
    "disinformation": ("misinformation", "information manipulation"),
    # ---- terrorism and armed groups ----
    "terrorism": ("terrorist", "terrorists"),  # stem "terrorism" misses "terrorist"
    "terrorist": ("terrorism",),  # and back
    "extremist": ("extremism",),
    "militant": ("terrorists", "terrorist", "armed groups"),  # "Hamas militants": "Hamas terrorists"
    "jihadist": ("violent extremists", "violent extremism"),
    "hizballah": ("hezbollah",),  # State Department spelling
    "ansarallah": ("houthis", "houthi"),
    "irgc": ("islamic revolutionary guard corps", "revolutionary guard"),
    "idf": ("israel defense forces", "israeli defense forces", "israeli military"),
    # ---- trade, economics, business ----
    "levy": ("tax", "taxes", "duties", "tariffs"),
    "dumping": ("overcapacity", "excess capacity"),  # "Chinese dumping": the readouts' "overcapacity"
    "subsidy": ("subsidies", "subsidized", "subsidize"),  # stem "subsidy" misses "subsidies"
    "antitrust": ("competition policy", "competition law", "anticompetitive", "anti-competitive"),
    "recession": ("downturn", "economic downturn"),
    "stimulus": ("american rescue plan",),  # the 2021 stimulus
    "salary": ("salaries", "wages"),
    "pension": ("retirement security", "retirement savings"),
    "jobless": ("unemployment",),
    "unionize": ("organize", "organizing", "unions", "join a union"),
    "unionization": ("organize", "organizing", "unions", "join a union"),
    "reshoring": ("bringing manufacturing back",),
    "exporter": ("exports", "export", "exporting"),  # "a major grain exporter": "grain exports"
    "drugmaker": ("pharmaceutical", "drug manufacturers"),
    "startup": ("start-up", "start-ups"),
    "diversify": ("diversification", "diversified"),
    "mou": ("memorandum of understanding",),
    "ipef": ("indo-pacific economic framework",),
    "pgii": ("partnership for global infrastructure",),
    # ---- energy, climate, disasters ----
    "battery": ("batteries",),  # stem "battery" misses "batteries"
    "charger": ("charging", "charging stations"),
    "net-zero": ("net zero",),
    "quake": ("earthquake", "earthquakes"),
    "twister": ("tornadoes",),
    "heatwave": ("heat waves", "extreme heat"),
    "reconstruction": ("rebuild", "rebuilding", "rebuilt"),
    "jetp": ("just energy transition partnership",),
    # ---- health ----
    "vax": ("vaccine", "vaccines", "vaccination", "vaccinated"),
    "inoculation": ("vaccination", "vaccinations", "vaccine", "vaccines", "immunization"),
    "sars-cov-2": ("covid-19", "covid"),
    "monkeypox": ("mpox",),
    "mpox": ("monkeypox",),
    "medicine": ("medication", "medications", "prescription drugs", "pharmaceuticals"),
    "doctor": ("physician", "physicians"),
    "addiction": ("substance use disorder", "substance use", "opioid use disorder"),
    "obamacare": ("affordable care act", "aca"),
    "contraception": ("contraceptive",),  # stem "contraception" misses "contraceptive"
    "ivf": ("in vitro fertilization",),
    "pro-choice": ("reproductive rights", "reproductive freedom", "abortion rights"),
    "healthcare": ("health care",),
    "childcare": ("child care",),
    "ppe": ("personal protective equipment",),
    # ---- migration ----
    "immigrant": ("immigration", "migrants", "newcomers"),  # stem "immigrant" misses "immigration"
    "asylum-seeker": ("asylum seekers",),
    "deportation": ("removals", "removal flights"),  # "a record number of removals"
    "displacement": ("displaced",),  # stem "displacement" misses "displaced"
    "resettlement": ("resettle", "resettled", "resettling"),
    "smuggler": ("smuggling", "human smuggling", "traffickers"),
    "trafficker": ("trafficking",),  # stem "trafficker" misses "trafficking"
    "dreamer": ("daca", "deferred action for childhood arrivals"),
    # ---- technology and cyber ----
    "artificial": ("ai",),  # "artificial intelligence" where a readout writes only "AI"
    "research": ("r&d",),
    "microchip": ("semiconductor", "semiconductors"),
    "malware": ("ransomware",),
    "cyber-attack": ("cyberattack", "cyberattacks", "cyber attacks"),
    "cyber-security": ("cybersecurity", "cyber security"),
    "undersea": ("subsea",),  # undersea cables
    # ---- human rights and society ----
    "atrocity": ("atrocities",),  # stem "atrocity" misses "atrocities"
    "reporter": ("journalist", "journalists"),
    "journalism": ("journalist", "journalists", "media freedom"),
    "antisemitism": ("antisemitic", "anti-semitism"),
    "anti-semitism": ("antisemitism", "antisemitic"),
    "racist": ("racism",),
    "gay": ("same-sex", "marriage equality"),
    "slavery": ("forced labor",),  # "modern slavery"
    "disabled": ("disabilities", "disability"),  # stem "disabl" misses "disability"
    "elderly": ("older americans", "older adults", "seniors"),
    "baby": ("infant", "infants"),  # "baby formula": infant formula
    "woman": ("women",),  # stem "woman" misses "women"
    "gbv": ("gender-based violence",),
    "ngo": ("non-governmental", "nongovernmental"),
    "nongovernmental": ("ngo", "ngos", "non-governmental"),
    "latino": ("hispanic",),
    "hispanic": ("latino", "latinos"),
    "african-american": ("african american", "black americans", "black communities"),
    "aapi": ("asian american", "asian americans", "pacific islander"),
    "tribe": ("tribal", "tribal nations"),
    # ---- domestic US: places, offices, programs ----
    "educator": ("teachers",),
    "teacher": ("educators", "educator"),
    "university": ("universities",),
    "county": ("counties",),
    "city": ("cities",),
    "firearm": ("gun", "guns"),
    "usda": ("department of agriculture", "agriculture secretary", "secretary of agriculture"),
    "doj": ("department of justice", "justice department"),
    "dod": ("department of defense", "defense department"),
    "dhs": ("department of homeland security", "homeland security"),
    "hhs": ("health and human services",),
    "cdc": ("centers for disease control",),
    "fda": ("food and drug administration",),
    "epa": ("environmental protection agency",),
    "fema": ("federal emergency management agency",),
    "fbi": ("federal bureau of investigation",),
    "cbp": ("customs and border protection",),
    "irs": ("internal revenue service",),
    "ustr": ("trade representative",),
    "usaid": ("agency for international development",),
    # ---- international bodies and agreements, written out ----
    "unga": ("un general assembly", "united nations general assembly", "general assembly"),
    "unsc": ("un security council", "united nations security council"),
    "unhcr": ("high commissioner for refugees",),
    "wfp": ("world food program",),
    "iaea": ("international atomic energy agency",),
    "imf": ("international monetary fund",),
    "wto": ("world trade organization",),
    "icc": ("international criminal court",),
    "jcpoa": ("joint comprehensive plan of action",),
    "npt": ("non-proliferation treaty", "nonproliferation treaty", "treaty on the non-proliferation"),
    "g-7": ("g7",),
    "g-20": ("g20",),
    "ratify": ("ratification",),  # "-ify" and "-ification" stems miss each other
    "ratification": ("ratify",),
    "verify": ("verification", "verifiable"),
    "verification": ("verify", "verifiable"),
    # ---- places as analysts spell them ----
    "kharkov": ("kharkiv",),
    "odessa": ("odesa",),
    "zaporozhye": ("zaporizhzhia",),
    # ---- British spellings ----
    "defence": ("defense",),
    "programme": ("program", "programs"),
    "organisation": ("organization", "organizations"),
    "labour": ("labor",),
    "neighbour": ("neighbor", "neighbors", "neighboring"),
    "honour": ("honor", "honored", "honoring"),
    "behaviour": ("behavior",),
    "travelled": ("traveled",),
    "co-operation": ("cooperation",),
    "normalisation": ("normalization", "normalize", "normalizing"),
    "stabilisation": ("stabilization", "stabilize"),
    "modernisation": ("modernization", "modernize", "modernizing"),
    "denuclearisation": ("denuclearization",),
    "destabilising": ("destabilizing",),
    # ---- from analyst_dev68 and analyst_dev70 (read in the forty-fifth session) ----
    "creation": ("create", "created", "creating"),  # "job creation": "create millions of jobs"
    "needy": ("poor", "poverty", "vulnerable"),  # "his work on behalf of the needy": "advocacy for the poor"
    "tackle": ("address", "addressing", "combat", "combating", "counter", "countering"),  # "set up to tackle"
    "engagement": ("dialogue",),  # "engagement between Seoul and Pyongyang": "inter-Korean dialogue"
    "homemade": ("untraceable", "ghost"),  # "homemade firearms without serial numbers": "untraceable \"ghost\" guns"
    "roe": ("dobbs",),  # "two years since Roe was overturned": "the Dobbs decision"
}
