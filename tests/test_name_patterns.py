"""Patterns built from lists of names find each name as a whole word, whatever it starts or ends with. Every name of
every country is found by index.countries.country_pattern: it once wrapped names in \\b...\\b, and no name ending in a
stop ("U.S.", "U.K.", "U.A.E.", "P.R.C.") was ever found before a space (fails on the code before the forty-fourth
session's fix). The official-words table's patterns (qa/vocabulary) still use \\b, so each of its words must start and
end with a letter or digit."""
from __future__ import annotations

import re

from index.countries import COUNTRIES, country_names, country_pattern
from qa.vocabulary import OFFICIAL_NAMES, OFFICIAL_WORDS


def test_every_name_is_found_between_words():
    missed = [(country, name) for country in COUNTRIES for name in country_names(country)
              if not country_pattern(country).search(f"Talks with the {name} today, and more.")]
    assert not missed, missed


def test_every_name_is_found_at_the_ends_of_a_text():
    missed = [(country, name) for country in COUNTRIES for name in country_names(country)
              if not (country_pattern(country).search(name) and country_pattern(country).search(f"({name})"))]
    assert not missed, missed


def test_a_name_inside_a_longer_word_is_not_found():
    assert not country_pattern("United States").search("the USAID mission")
    assert not country_pattern("Oman").search("a woman's rights")
    assert not country_pattern("India").search("Indiana lawmakers")


def test_every_official_word_can_be_found_whole():
    words = [w for alternatives in (*OFFICIAL_WORDS.values(), *OFFICIAL_NAMES.values()) for w in alternatives]
    assert not [w for w in words if not re.match(r"\w", w) or not re.search(r"\w$", w)]
