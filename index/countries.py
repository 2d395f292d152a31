"""Data for readout metadata: countries (names, demonyms, abbreviations) and international organisations.

`country_of(words)` maps a phrase such as "Ukrainian", "Republic of Korea", "PRC" or "NATO" to the
English short name ("Ukraine", "South Korea", "China", "NATO"); everything here is plain data.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# canonical short name: every other way readouts write it (names, demonyms, abbreviations).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan", "Islamic Republic of Afghanistan"),
    "Albania": ("Albanian",),
    "Algeria": ("Algerian",),
    "Andorra": ("Andorran",),
    "Angola": ("Angolan",),
    "Antigua and Barbuda": ("Antiguan",),
    "Argentina": ("Argentine", "Argentinian", "Argentinean"),
    "Armenia": ("Armenian",),
    "Australia": ("Australian",),
    "Austria": ("Austrian",),
    "Azerbaijan": ("Azerbaijani", "Azeri"),
    "Bahamas": ("Bahamian", "The Bahamas"),
    "Bahrain": ("Bahraini", "Kingdom of Bahrain"),
    "Bangladesh": ("Bangladeshi",),
    "Barbados": ("Barbadian",),
    "Belarus": ("Belarusian", "Belarusan"),
    "Belgium": ("Belgian",),
    "Belize": ("Belizean",),
    "Benin": ("Beninese",),
    "Bhutan": ("Bhutanese",),
    "Bolivia": ("Bolivian",),
    "Bosnia and Herzegovina": ("Bosnian", "Bosnia", "BiH", "Bosnia-Herzegovina"),
    "Botswana": ("Botswanan", "Motswana"),
    "Brazil": ("Brazilian",),
    "Brunei": ("Bruneian", "Brunei Darussalam"),
    "Bulgaria": ("Bulgarian",),
    "Burkina Faso": ("Burkinabe", "Burkinabè"),
    "Burma": ("Burmese", "Myanmar"),
    "Burundi": ("Burundian",),
    "Cabo Verde": ("Cape Verde", "Cabo Verdean", "Cape Verdean"),
    "Cambodia": ("Cambodian",),
    "Cameroon": ("Cameroonian",),
    "Canada": ("Canadian",),
    "Central African Republic": ("CAR",),
    "Chad": ("Chadian",),
    "Chile": ("Chilean",),
    "China": ("Chinese", "PRC", "People's Republic of China", "P.R.C."),
    "Colombia": ("Colombian",),
    "Comoros": ("Comoran", "Comorian"),
    "Costa Rica": ("Costa Rican",),
    "Cote d'Ivoire": ("Côte d'Ivoire", "Ivorian", "Ivoirian", "Ivory Coast"),  # ("Ivoirian": the State Department's)
    "Croatia": ("Croatian",),
    "Cuba": ("Cuban",),
    "Cyprus": ("Cypriot", "Republic of Cyprus"),
    "Czech Republic": ("Czech", "Czechia"),
    "Democratic Republic of the Congo": ("DRC", "Democratic Republic of Congo", "Congolese", "DR Congo"),
    "Denmark": ("Danish", "Dane"),
    "Djibouti": ("Djiboutian",),
    "Dominica": ("Dominican Commonwealth",),
    "Dominican Republic": ("Dominican",),
    "Ecuador": ("Ecuadorian", "Ecuadoran"),
    "Egypt": ("Egyptian",),
    "El Salvador": ("Salvadoran", "Salvadorean"),
    "Equatorial Guinea": ("Equatoguinean",),
    "Eritrea": ("Eritrean",),
    "Estonia": ("Estonian",),
    "Eswatini": ("Swazi", "Swaziland"),
    "Ethiopia": ("Ethiopian",),
    "Fiji": ("Fijian",),
    "Finland": ("Finnish", "Finn"),
    "France": ("French",),
    "Gabon": ("Gabonese",),
    "Gambia": ("Gambian", "The Gambia"),
    "Georgia": ("Georgian",),
    "Germany": ("German",),
    "Ghana": ("Ghanaian",),
    "Greece": ("Greek", "Hellenic Republic"),
    "Greenland": ("Greenlandic",),
    "Grenada": ("Grenadian",),
    "Guatemala": ("Guatemalan",),
    "Guinea": ("Guinean",),
    "Guinea-Bissau": ("Bissau-Guinean",),
    "Guyana": ("Guyanese",),
    "Haiti": ("Haitian",),
    "Holy See": ("Vatican", "Vatican City"),
    "Hong Kong": (),
    "Honduras": ("Honduran",),
    "Hungary": ("Hungarian",),
    "Iceland": ("Icelandic",),
    "India": ("Indian",),
    "Indonesia": ("Indonesian",),
    "Iran": ("Iranian", "Islamic Republic of Iran"),
    "Iraq": ("Iraqi",),
    "Ireland": ("Irish",),
    "Israel": ("Israeli",),
    "Italy": ("Italian",),
    "Jamaica": ("Jamaican",),
    "Japan": ("Japanese",),
    "Jordan": ("Jordanian", "Hashemite Kingdom of Jordan"),
    "Kazakhstan": ("Kazakh", "Kazakhstani"),
    "Kenya": ("Kenyan",),
    "Kiribati": ("I-Kiribati",),
    "Kosovo": ("Kosovar", "Kosovan"),
    "Kuwait": ("Kuwaiti",),
    "Kyrgyzstan": ("Kyrgyz", "Kyrgyz Republic"),
    "Laos": ("Lao", "Laotian", "Lao PDR"),
    "Latvia": ("Latvian",),
    "Lebanon": ("Lebanese",),
    "Lesotho": ("Basotho",),
    "Liberia": ("Liberian",),
    "Libya": ("Libyan",),
    "Liechtenstein": ("Liechtensteiner",),
    "Lithuania": ("Lithuanian",),
    "Luxembourg": ("Luxembourgish", "Luxembourger"),
    "Madagascar": ("Malagasy",),
    "Malawi": ("Malawian",),
    "Malaysia": ("Malaysian",),
    "Maldives": ("Maldivian",),
    "Mali": ("Malian",),
    "Malta": ("Maltese",),
    "Marshall Islands": ("Marshallese", "Republic of the Marshall Islands", "RMI"),
    "Mauritania": ("Mauritanian",),
    "Mauritius": ("Mauritian",),
    "Mexico": ("Mexican",),
    "Micronesia": ("Micronesian", "Federated States of Micronesia", "FSM"),
    "Moldova": ("Moldovan",),
    "Monaco": ("Monegasque",),
    "Mongolia": ("Mongolian",),
    "Montenegro": ("Montenegrin",),
    "Morocco": ("Moroccan",),
    "Mozambique": ("Mozambican",),
    "Namibia": ("Namibian",),
    "Nauru": ("Nauruan",),
    "Nepal": ("Nepali", "Nepalese"),
    "Netherlands": ("Dutch", "The Netherlands", "Kingdom of the Netherlands"),
    "New Zealand": ("New Zealander", "Kiwi"),
    "Nicaragua": ("Nicaraguan",),
    "Niger": ("Nigerien",),
    "Nigeria": ("Nigerian",),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea", "North Korean"),
    "North Macedonia": ("Macedonian", "North Macedonian"),
    "Norway": ("Norwegian",),
    "Oman": ("Omani",),
    "Pakistan": ("Pakistani",),
    "Palau": ("Palauan",),
    "Palestinian Authority": ("Palestinian", "Palestine", "PA", "Palestinian Territories", "West Bank"),
    "Panama": ("Panamanian",),
    "Papua New Guinea": ("PNG", "Papua New Guinean"),
    "Paraguay": ("Paraguayan",),
    "Peru": ("Peruvian",),
    "Philippines": ("Philippine", "Filipino", "The Philippines", "Republic of the Philippines"),
    "Poland": ("Polish", "Pole"),
    "Portugal": ("Portuguese",),
    "Qatar": ("Qatari", "State of Qatar"),
    "Republic of the Congo": ("Congo", "Congo-Brazzaville"),
    "Romania": ("Romanian",),
    "Russia": ("Russian", "Russian Federation", "Kremlin"),
    "Rwanda": ("Rwandan",),
    "Saint Kitts and Nevis": ("Kittitian",),
    "Saint Lucia": ("Saint Lucian", "St. Lucia"),
    "Saint Vincent and the Grenadines": ("Vincentian",),
    "Samoa": ("Samoan",),
    "San Marino": ("Sammarinese",),
    "Sao Tome and Principe": ("São Tomé and Príncipe",),
    "Saudi Arabia": ("Saudi", "Kingdom of Saudi Arabia", "KSA"),
    "Senegal": ("Senegalese",),
    "Serbia": ("Serbian",),
    "Seychelles": ("Seychellois",),
    "Sierra Leone": ("Sierra Leonean",),
    "Singapore": ("Singaporean",),
    "Slovakia": ("Slovak", "Slovakian", "Slovak Republic"),
    "Slovenia": ("Slovenian", "Slovene"),
    "Solomon Islands": ("Solomon Islander",),
    "Somalia": ("Somali",),
    "South Africa": ("South African",),
    "South Korea": ("ROK", "Republic of Korea", "Korean", "South Korean", "Korea"),
    "South Sudan": ("South Sudanese",),
    "Spain": ("Spanish",),
    "Sri Lanka": ("Sri Lankan",),
    "Sudan": ("Sudanese",),
    "Suriname": ("Surinamese",),
    "Sweden": ("Swedish", "Swede"),
    "Switzerland": ("Swiss",),
    "Syria": ("Syrian",),
    "Taiwan": ("Taiwanese",),
    "Tajikistan": ("Tajik", "Tajikistani"),
    "Tanzania": ("Tanzanian",),
    "Thailand": ("Thai",),
    "Timor-Leste": ("Timorese", "East Timor"),
    "Togo": ("Togolese",),
    "Tonga": ("Tongan",),
    "Trinidad and Tobago": ("Trinidadian", "Tobagonian"),
    "Tunisia": ("Tunisian",),
    "Turkey": ("Turkish", "Türkiye", "Turkiye", "Turk"),
    "Turkmenistan": ("Turkmen",),
    "Tuvalu": ("Tuvaluan",),
    "Uganda": ("Ugandan",),
    "Ukraine": ("Ukrainian",),
    "United Arab Emirates": ("UAE", "Emirati", "U.A.E.", "Abu Dhabi", "Dubai"),  # the emirates the texts name
    "United Kingdom": ("UK", "U.K.", "British", "Britain", "Great Britain", "England", "English", "Scottish",
                       "Welsh", "Northern Ireland"),
    "United States": ("U.S.", "US", "USA", "U.S.A.", "American", "United States of America", "America"),
    "Uruguay": ("Uruguayan",),
    "Uzbekistan": ("Uzbek", "Uzbekistani"),
    "Vanuatu": ("Ni-Vanuatu",),
    "Venezuela": ("Venezuelan",),
    "Vietnam": ("Vietnamese", "Viet Nam"),
    "Yemen": ("Yemeni",),
    "Zambia": ("Zambian",),
    "Zimbabwe": ("Zimbabwean",),
}

# International organisations: the name a participant's "country" takes, and its other spellings.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "United Nations": ("UN", "U.N.", "UNGA", "UN Security Council", "UNHCR", "UNICEF", "UNRWA", "UNDP",
                       "World Food Program", "World Food Programme", "WFP", "FAO", "UN Secretary-General"),
    "World Health Organization": ("WHO",),
    "NATO": ("North Atlantic Treaty Organization", "NATO's"),
    "European Union": ("EU", "E.U.", "European Commission", "European Council", "European Parliament",
                       "European External Action Service", "EEAS", "European"),
    "African Union": ("AU", "African Union Commission"),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "Organization of American States": ("OAS",),
    "Organization of Islamic Cooperation": ("OIC",),
    "OSCE": ("Organization for Security and Co-operation in Europe",
             "Organization for Security and Cooperation in Europe"),
    "World Bank": ("World Bank Group",),
    "International Monetary Fund": ("IMF",),
    "World Trade Organization": ("WTO",),
    "International Atomic Energy Agency": ("IAEA",),
    "Gulf Cooperation Council": ("GCC",),
    "CARICOM": ("Caribbean Community",),
    "Inter-American Development Bank": ("IDB",),
    "International Committee of the Red Cross": ("ICRC",),
    "Council of Europe": (),
    "Arab League": ("League of Arab States",),
    "ECOWAS": ("Economic Community of West African States",),
    "Pacific Islands Forum": ("PIF",),
}


# Cyrillic letters that look Latin and turn up in names ("Niinistӧ" in one title)
_HOMOGLYPHS = str.maketrans("аеорсухіӧёАЕОРСХІ", "aeopcyxioeAEOPCXI")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened: the form every lookup uses."""
    if text.isascii():
        return text.lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").translate(_HOMOGLYPHS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("ı", "i")


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in list(ORGANISATIONS.items()) + list(COUNTRIES.items()):
        for name in (canonical, *aliases):
            table.setdefault(fold(name), canonical)
            if fold(name).startswith("the "):
                table.setdefault(fold(name)[4:], canonical)
    return table


PLACES: dict[str, str] = _table()


def country_of(phrase: str) -> str | None:
    """The canonical country or organisation a phrase names, or None ("Ukrainian" -> "Ukraine")."""
    key = fold(phrase).strip().removesuffix("'s").strip()
    return PLACES.get(key) or PLACES.get(key.removeprefix("the "))


def country_names(country: str) -> tuple[str, ...]:
    """A country's canonical name and its aliases and demonyms ("France", "French"); () for one not in COUNTRIES."""
    return (country, *COUNTRIES[country]) if country in COUNTRIES else ()


@lru_cache(maxsize=None)
def country_pattern(country: str) -> re.Pattern | None:
    """One pattern finding any of a country's names (country_names) as whole words, in any case; None for one not in
    COUNTRIES. (Compiled once per country: the readouts that name a country, the titles that do.)"""
    names = country_names(country)
    # (no letter or digit on either side, not \b: "U.S." ends in a stop, and "\bU\.S\.\b" found no "U.S. commitment")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE) if names else None


# Capitals stand for their governments in questions ("Copenhagen's head of government", "talks with
# Beijing"); kept apart from COUNTRIES so that a place of a meeting ("met in Vienna") is not read as a
# participant's country by the metadata rules.
CAPITALS: dict[str, str] = {
    "Kabul": "Afghanistan", "Tirana": "Albania", "Algiers": "Algeria", "Luanda": "Angola", "Buenos Aires": "Argentina",
    "Yerevan": "Armenia", "Canberra": "Australia", "Vienna": "Austria", "Baku": "Azerbaijan", "Manama": "Bahrain",
    "Dhaka": "Bangladesh", "Minsk": "Belarus", "Brussels": "Belgium", "Sarajevo": "Bosnia and Herzegovina",
    "Brasilia": "Brazil", "Brasília": "Brazil", "Sofia": "Bulgaria", "Phnom Penh": "Cambodia", "Ottawa": "Canada",
    "Santiago": "Chile", "Beijing": "China", "Bogota": "Colombia", "Bogotá": "Colombia", "Kinshasa": "Democratic Republic of the Congo",
    "Zagreb": "Croatia", "Havana": "Cuba", "Nicosia": "Cyprus", "Prague": "Czech Republic", "Copenhagen": "Denmark",
    "Santo Domingo": "Dominican Republic", "Quito": "Ecuador", "Cairo": "Egypt", "San Salvador": "El Salvador",
    "Tallinn": "Estonia", "Addis Ababa": "Ethiopia", "Helsinki": "Finland", "Paris": "France", "Tbilisi": "Georgia",
    "Berlin": "Germany", "Accra": "Ghana", "Athens": "Greece", "Guatemala City": "Guatemala", "Port-au-Prince": "Haiti",
    "Tegucigalpa": "Honduras", "Budapest": "Hungary", "Reykjavik": "Iceland", "New Delhi": "India", "Delhi": "India",
    "Jakarta": "Indonesia", "Tehran": "Iran", "Baghdad": "Iraq", "Dublin": "Ireland", "Jerusalem": "Israel",
    "Rome": "Italy", "Kingston": "Jamaica", "Tokyo": "Japan", "Amman": "Jordan", "Astana": "Kazakhstan", "Nairobi": "Kenya",
    "Pristina": "Kosovo", "Kuwait City": "Kuwait", "Bishkek": "Kyrgyzstan", "Vientiane": "Laos", "Riga": "Latvia",
    "Beirut": "Lebanon", "Tripoli": "Libya", "Vilnius": "Lithuania", "Luxembourg City": "Luxembourg",
    "Kuala Lumpur": "Malaysia", "Valletta": "Malta", "Mexico City": "Mexico", "Chisinau": "Moldova",
    "Ulaanbaatar": "Mongolia", "Podgorica": "Montenegro", "Rabat": "Morocco", "Maputo": "Mozambique",
    "Naypyidaw": "Myanmar", "Kathmandu": "Nepal", "The Hague": "Netherlands", "Amsterdam": "Netherlands",
    "Wellington": "New Zealand", "Managua": "Nicaragua", "Niamey": "Niger", "Abuja": "Nigeria", "Pyongyang": "North Korea",
    "Skopje": "North Macedonia", "Oslo": "Norway", "Muscat": "Oman", "Islamabad": "Pakistan", "Panama City": "Panama",
    "Port Moresby": "Papua New Guinea", "Asuncion": "Paraguay", "Asunción": "Paraguay", "Lima": "Peru",
    "Manila": "Philippines", "Warsaw": "Poland", "Lisbon": "Portugal", "Doha": "Qatar", "Bucharest": "Romania",
    "Moscow": "Russia", "Kremlin": "Russia", "Kigali": "Rwanda", "Riyadh": "Saudi Arabia", "Dakar": "Senegal",
    "Belgrade": "Serbia", "Singapore": "Singapore", "Bratislava": "Slovakia", "Ljubljana": "Slovenia",
    "Mogadishu": "Somalia", "Pretoria": "South Africa", "Seoul": "South Korea", "Juba": "South Sudan", "Madrid": "Spain",
    "Colombo": "Sri Lanka", "Khartoum": "Sudan", "Stockholm": "Sweden", "Bern": "Switzerland", "Damascus": "Syria",
    "Taipei": "Taiwan", "Dushanbe": "Tajikistan", "Dodoma": "Tanzania", "Bangkok": "Thailand", "Tunis": "Tunisia",
    "Ankara": "Turkey", "Ashgabat": "Turkmenistan", "Kampala": "Uganda", "Kyiv": "Ukraine", "Kiev": "Ukraine",
    "Abu Dhabi": "United Arab Emirates", "London": "United Kingdom", "Montevideo": "Uruguay", "Tashkent": "Uzbekistan",
    "Caracas": "Venezuela", "Hanoi": "Vietnam", "Sanaa": "Yemen", "Lusaka": "Zambia", "Harare": "Zimbabwe",
    "St. George's": "Grenada", "Bridgetown": "Barbados", "Nassau": "Bahamas", "Port of Spain": "Trinidad and Tobago",
    "Georgetown": "Guyana", "Paramaribo": "Suriname", "La Paz": "Bolivia", "San Jose": "Costa Rica", "San José": "Costa Rica",
    # Africa, Asia-Pacific, the Caribbean and Europe's small states ("Honiara's prime minister"); not a capital that
    # is an ordinary word or another place's name ("Male", "Victoria", "St. John's")
    "Andorra la Vella": "Andorra", "Belmopan": "Belize", "Porto-Novo": "Benin", "Cotonou": "Benin", "Thimphu": "Bhutan",
    "Gaborone": "Botswana", "Bandar Seri Begawan": "Brunei", "Ouagadougou": "Burkina Faso", "Gitega": "Burundi",
    "Bujumbura": "Burundi", "Praia": "Cabo Verde", "Yaounde": "Cameroon", "Yaoundé": "Cameroon",
    "Bangui": "Central African Republic", "N'Djamena": "Chad", "Moroni": "Comoros", "Abidjan": "Cote d'Ivoire",
    "Yamoussoukro": "Cote d'Ivoire", "Roseau": "Dominica", "Malabo": "Equatorial Guinea", "Asmara": "Eritrea",
    "Mbabane": "Eswatini", "Suva": "Fiji", "Libreville": "Gabon", "Banjul": "Gambia", "Nuuk": "Greenland",
    "Conakry": "Guinea", "Bissau": "Guinea-Bissau", "Tarawa": "Kiribati", "Maseru": "Lesotho", "Monrovia": "Liberia",
    "Vaduz": "Liechtenstein", "Antananarivo": "Madagascar", "Lilongwe": "Malawi", "Malé": "Maldives", "Bamako": "Mali",
    "Majuro": "Marshall Islands", "Nouakchott": "Mauritania", "Port Louis": "Mauritius", "Palikir": "Micronesia",
    "Windhoek": "Namibia", "Ngerulmud": "Palau", "Ramallah": "Palestinian Authority", "Brazzaville": "Republic of the Congo",
    "Basseterre": "Saint Kitts and Nevis", "Castries": "Saint Lucia", "Kingstown": "Saint Vincent and the Grenadines",
    "Apia": "Samoa", "São Tomé": "Sao Tome and Principe", "Freetown": "Sierra Leone", "Honiara": "Solomon Islands",
    "Dili": "Timor-Leste", "Lome": "Togo", "Lomé": "Togo", "Nuku'alofa": "Tonga", "Funafuti": "Tuvalu", "Port Vila": "Vanuatu",
}


def capital_country(word: str) -> str | None:
    """The country whose capital this is ("Copenhagen" -> "Denmark"), or None."""
    return _capitals().get(fold(word).lower())


def capital_of(country: str) -> str | None:
    """The capital of a country as CAPITALS first lists it ("Italy" -> "Rome"), or None."""
    return next((city for city, of in CAPITALS.items() if of == country), None)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {fold(city).lower(): country for city, country in CAPITALS.items()}


# Countries by their common epithets ("the Alpine principality's foreign minister", "the Emerald Isle"): how
# paraphrases name them. (Only epithets that name one country: not "the eastern-flank ally", "the land of fire".)
EPITHETS = {
    "alpine principality": "Liechtenstein", "alpine confederation": "Switzerland", "emerald isle": "Ireland",
    "land of the rising sun": "Japan", "middle kingdom": "China", "hermit kingdom": "North Korea",
    "land of the morning calm": "South Korea", "rainbow nation": "South Africa", "land of smiles": "Thailand",
    "lion city": "Singapore", "land of a thousand hills": "Rwanda", "pearl of africa": "Uganda",
    "land of the long white cloud": "New Zealand", "boot-shaped peninsula": "Italy",
    "hexagon": "France", "land down under": "Australia", "down under": "Australia", "spice isle": "Grenada",
    "land of the cedars": "Lebanon", "land of the pharaohs": "Egypt",
    "gulf island kingdom": "Bahrain", "gulf island nation": "Bahrain", "gulf island state": "Bahrain",
    "hashemite kingdom": "Jordan", "islamic republic": "Iran", "land of fire and ice": "Iceland",
    "land of the midnight sun": "Norway", "land of a thousand lakes": "Finland", "land of the thunder dragon": "Bhutan",
    "land of the eagles": "Albania", "land of the maple leaf": "Canada", "great white north": "Canada",
    "celestial empire": "China", "pearl of the indian ocean": "Sri Lanka", "land of the eternal blue sky": "Mongolia",
    "land of the golden pagodas": "Burma", "lucky country": "Australia", "elysee": "France", "élysée": "France",
    "quai d'orsay": "France", "downing street": "United Kingdom", "whitehall": "United Kingdom",
    "blue house": "South Korea", "zhongnanhai": "China", "emirates": "United Arab Emirates",
    # bodies, which the index keeps as countries
    "transatlantic alliance": "NATO", "transatlantic bloc": "NATO", "atlantic alliance": "NATO",
    "north atlantic alliance": "NATO", "western military alliance": "NATO", "brussels-based military bloc": "NATO",
    "27-nation bloc": "European Union", "27-member bloc": "European Union", "world body": "United Nations",
    "southeast asian bloc": "ASEAN", "ten-nation bloc": "ASEAN", "10-nation bloc": "ASEAN",
}
# Said of a country without an epithet of EPITHETS' kind, read by the plain engine only (qa reads it in qa.parties)
_ENGINE_EPITHETS = {"jewish state": "Israel", "twenty largest economies": "G20", "20 largest economies": "G20"}


def epithet_key(said: str) -> str:
    """An epithet as EPITHETS spells it ("Land  of-Smiles" -> "land of smiles")."""
    return re.sub(r"[\s-]+", " ", said.lower())


def epithet_alternation(epithets) -> str:
    """A regex alternation of epithets, longest first, any run of spaces or hyphens between their words."""
    return "|".join(sorted((re.escape(e).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for e in epithets),
                           key=len, reverse=True))


EPITHET_WORDS = re.compile(r"\b(" + epithet_alternation((*EPITHETS, *_ENGINE_EPITHETS)) + r")\b", re.I)
EPITHET_KEYS = {epithet_key(e): country for e, country in (*EPITHETS.items(), *_ENGINE_EPITHETS.items())}


def epithet_countries(text: str) -> tuple[str, ...]:
    """The countries (and bodies) that epithets in a text name ("the Alpine principality" -> Liechtenstein), in order."""
    return tuple(dict.fromkeys(EPITHET_KEYS[epithet_key(m.group(1))] for m in EPITHET_WORDS.finditer(text)))
