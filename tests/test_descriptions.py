"""Words of a question that name someone or something without its name: an acronym the readouts spell out ("DFAT"),
a given name that is also a month ("Jan Adams"), a month counted back from the conversation ("the June before"),
contacts asked about as things said, a country's epithet ("the Alpine principality"), the UN's head and
Washington's number-two diplomat. On the real corpus index; each fails with its Tuning switch off (acronyms_spelled,
month_not_name, month_around, discussed_contacts, epithets) or on the code before it (the two offices)."""
from __future__ import annotations

from qa import ask
from qa.ask import understand
from qa.dates import all_dates


def test_an_acronym_the_readouts_spell_out_is_not_unknown(library):
    answer = ask(library, "Did Deputy Secretary Sherman and Australian DFAT Secretary Jan Adams discuss the Quad in "
                          "their July 2022 call?")
    assert not answer.refused and "important work of the Quad" in answer.text


def test_a_given_name_after_a_title_is_no_month():
    assert all_dates("Did Australian DFAT Secretary Jan Adams discuss the Quad in their July 2022 call?") == (
        ("2022-07-01", "2022-07-31"),)
    assert all_dates("What did they discuss in May and July 2022?") == (("2022-05-01", "2022-05-31"),
                                                                         ("2022-07-01", "2022-07-31"))
    assert all_dates("In June Biden met them again in 2022") == (("2022-06-01", "2022-06-30"),)


def test_the_month_before_the_contact_of_the_conversation_is_of_the_year_before(library):
    history = ["What did Vice President Harris and Chancellor Scholz discuss in Munich in February 2023?",
               "What did they say about China?"]
    read = understand(library, "And when Biden met him ahead of the G7 summit the June before, what defense "
                               "commitment did he welcome?", history=history)
    assert (read.date_from, read.date_to) == ("2022-06-01", "2022-06-30")
    answer = ask(library, read.text, history=history)
    assert "significantly boost defense spending" in answer.text


def test_contacts_asked_about_as_things_said_are_no_list(library):
    assert understand(library, "And when he spoke with Boris Johnson three days earlier, which contacts of theirs did "
                               "they go over?").intent == "discuss"
    assert understand(library, "Which calls did Blinken have with Kuleba in 2022?").intent == "list"


def test_a_country_named_by_its_epithet(library):
    answer = ask(library, "On the eve of Moscow's full-scale assault, which shared principles did Washington's "
                          "number-two diplomat and the Alpine principality's foreign minister say they hold in common?")
    assert "democracy, human rights, and free markets" in answer.text


def test_the_head_of_the_world_body_is_the_un_secretary_general(library):
    read = understand(library, "What did America's chief diplomat stress to the head of the world body about "
                               "humanitarian workers in February 2022?")
    assert any("Antonio Guterres" in p.names for p in read.people), read.people
    deputy = understand(library, "What did Washington's number-two diplomat discuss with Liechtenstein in February 2022?")
    assert any("Wendy Sherman" in p.names for p in deputy.people), deputy.people
