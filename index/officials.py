"""Data: frequent officials named in readouts, so "Secretary Blinken" or "the President" gets a full name.

US officials carry the dates they held the office that readouts call them by, so "the President" is
Joe Biden before 2025-01-20 and Donald Trump after; a few foreign leaders give a country where the
text names none ("State Councilor and Foreign Minister Wang Yi").
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Official:
    name: str  # the common full English name
    role: str
    country: str
    given: tuple[str, ...] = ()  # other first names the texts use ("joseph" for Joe Biden)
    start: str = "0000-00-00"  # ISO dates the office was held (inclusive): an alias or a bare surname
    end: str = "9999-99-99"  # in a readout outside the range does not mean this person
    aliases: tuple[str, ...] = ()  # role-only references: "the President" means this person in the range


US = "United States"
OFFICIALS: tuple[Official, ...] = (
    Official("Joe Biden", "president", US, ("joseph",), "2021-01-20", "2025-01-19", ("president",)),
    Official("Donald Trump", "president", US, ("donald",), "2025-01-20", "9999-99-99", ("president",)),
    Official("Kamala Harris", "vice president", US, (), "2021-01-20", "2025-01-19", ("vice president",)),
    Official("JD Vance", "vice president", US, ("j.d.", "james"), "2025-01-20", "9999-99-99", ("vice president",)),
    Official("Jill Biden", "first lady", US, (), "2021-01-20", "2025-01-19", ("first lady",)),
    Official("Melania Trump", "first lady", US, (), "2025-01-20", "9999-99-99", ("first lady",)),
    Official("Doug Emhoff", "second gentleman", US, ("douglas",), "2021-01-20", "2025-01-19", ("second gentleman",)),
    Official("Antony Blinken", "secretary of state", US, ("tony", "anthony"), "2021-01-26", "2025-01-20",
             ("secretary", "secretary of state")),
    Official("Marco Rubio", "secretary of state", US, (), "2025-01-21", "9999-99-99",
             ("secretary", "secretary of state")),
    Official("Jake Sullivan", "national security advisor", US, (), "2021-01-20", "2025-01-20",
             ("national security advisor",)),
    Official("Mike Waltz", "national security advisor", US, ("michael",), "2025-01-20", "2025-05-01",
             ("national security advisor",)),
    Official("Jon Finer", "principal deputy national security advisor", US, ("jonathan",), "2021-01-20", "2025-01-20",
             ("principal deputy national security advisor",)),
    Official("Wendy Sherman", "deputy secretary of state", US, (), "2021-04-14", "2023-07-28",
             ("deputy secretary", "deputy secretary of state")),
    Official("Kurt Campbell", "deputy secretary of state", US, (), "2024-02-12", "2025-01-20",
             ("deputy secretary", "deputy secretary of state")),
    Official("Brian McKeon", "deputy secretary of state for management and resources", US, ("brain",)),
    Official("Victoria Nuland", "under secretary of state for political affairs", US, ()),
    Official("Lloyd Austin", "secretary of defense", US, (), "2021-01-22", "2025-01-20"),
    Official("Pete Hegseth", "secretary of defense", US, ("peter",), "2025-01-25"),
    Official("Janet Yellen", "secretary of the treasury", US, (), "2021-01-26", "2025-01-20"),
    Official("Scott Bessent", "secretary of the treasury", US, (), "2025-01-28"),
    Official("Gina Raimondo", "secretary of commerce", US, (), "2021-03-03", "2025-01-20"),
    Official("John Kerry", "special presidential envoy for climate", US, (), "2021-01-20", "2024-03-06"),
    Official("Liz Sherwood-Randall", "homeland security advisor", US, ("elizabeth",)),
    Official("Anne Neuberger", "deputy national security advisor for cyber and emerging technology", US, ()),
    Official("Daleep Singh", "deputy national security advisor for international economics", US, ()),
    Official("Amos Hochstein", "senior advisor for energy and investment", US, ()),
    Official("Brett McGurk", "middle east and north africa coordinator", US, ()),
    Official("Phil Gordon", "national security advisor to the vice president", US, ("philip",)),
    Official("Susan Rice", "domestic policy advisor", US, ()),
    Official("Brian Deese", "national economic council director", US, ()),
    Official("Lael Brainard", "national economic council director", US, ()),
    Official("Pete Buttigieg", "secretary of transportation", US, ("peter",)),
    Official("Alejandro Mayorkas", "secretary of homeland security", US, ()),
    Official("Merrick Garland", "attorney general", US, ()),
    Official("Steve Witkoff", "special envoy", US, ("steven",)),
    Official("Linda Thomas-Greenfield", "ambassador to the united nations", US, ()),
    Official("Samantha Power", "usaid administrator", US, ()),
    Official("Katherine Tai", "united states trade representative", US, ()),
    Official("Jennifer Granholm", "secretary of energy", US, ()),
    Official("Xavier Becerra", "secretary of health and human services", US, ()),
    Official("Marty Walsh", "secretary of labor", US, ("martin",)),
    Official("Deb Haaland", "secretary of the interior", US, ("debra",)),
    Official("Tom Vilsack", "secretary of agriculture", US, ("thomas",)),
    Official("Denis McDonough", "secretary of veterans affairs", US, ("dennis",)),
    Official("Miguel Cardona", "secretary of education", US, ()),
    Official("Marcia Fudge", "secretary of housing and urban development", US, ()),
    Official("Jeff Zients", "white house chief of staff", US, ("jeffrey",)),
    Official("Ron Klain", "white house chief of staff", US, ("ronald",)),
    Official("Cedric Richmond", "senior advisor to the president", US, ()),
    Official("Julie Chavez Rodriguez", "director of intergovernmental affairs", US, ("julie",)),
    Official("Mitch Landrieu", "infrastructure implementation coordinator", US, ()),
    Official("Gene Sperling", "american rescue plan coordinator", US, ()),
    Official("Avril Haines", "director of national intelligence", US, ()),
    Official("William Burns", "cia director", US, ("bill",)),
    Official("Ned Price", "spokesperson", US, ()),
    Official("Nancy Pelosi", "speaker of the house", US, ()),
    Official("Chuck Schumer", "senate majority leader", US, ("charles",)),
    Official("Kevin McCarthy", "speaker of the house", US, ()),
    Official("Mitch McConnell", "senate minority leader", US, ()),
    Official("Hakeem Jeffries", "house minority leader", US, ()),
    Official("Charles III", "king", "United Kingdom", ()),
    Official("Wang Yi", "foreign minister", "China", ()),
    Official("Xi Jinping", "president", "China", ()),
    Official("Vladimir Putin", "president", "Russia", ()),
    Official("Sergey Lavrov", "foreign minister", "Russia", ("sergei",)),
    Official("Volodymyr Zelenskyy", "president", "Ukraine", ()),
    Official("Dmytro Kuleba", "foreign minister", "Ukraine", ()),
    Official("Antonio Guterres", "secretary-general", "United Nations", ("antónio",)),
    Official("Jens Stoltenberg", "secretary general", "NATO", ()),
    Official("Tedros Adhanom Ghebreyesus", "director-general", "World Health Organization", ()),
    Official("Ursula von der Leyen", "president of the european commission", "European Union", ()),
    Official("Josep Borrell", "high representative", "European Union", ()),
)
