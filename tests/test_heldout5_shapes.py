"""Kinds of misses the fifth held-out set showed (data/heldout5/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

from test_heldout4_shapes import _cast
from test_phrasings import credits
from test_structure import attrs, facts_of, platforms


def test_fact_box_fields_that_run_on_one_line_are_cut_at_each_label():
    facts = facts_of("Title: Oldboy\nDirected by: Park Chan-wook Starring: Choi Min-sik, Yoo Ji-tae\n"
                     "Language: Korean Original Title: 올드보이 Runtime: 120 min\n\n"
                     "A man is let out after fifteen years locked in a room.\n")
    directors = {name for name, role in credits(facts)[1] if role == "director"}
    assert directors == {"Park Chan-wook"}
    assert {"Choi Min-sik", "Yoo Ji-tae"} <= _cast(facts)
    assert attrs(facts)["nameKo"] == {"올드보이"}
    assert attrs(facts)["runtimeMinutes"] == {"120"}


def test_a_korean_title_fields_acronym_in_capitals_is_part_of_the_hangul_title():
    facts = facts_of("Title: Joint Security Area\nOriginal Title: 공동경비구역 JSA\nYear: 2000\n"
                     "Director: Park Chan-wook\n\nSoldiers of the two Koreas meet at the border.\n")
    assert attrs(facts)["nameKo"] == {"공동경비구역 JSA"}


def test_a_broadcasters_department_is_neither_a_writer_nor_an_availability_and_the_writers_line_wins():
    facts = facts_of("Title: Descendants of the Sun\nCreated by: KBS Drama Production (KBS 드라마 제작국)\n"
                     "Written by: Kim Eun-sook, Kim Won-seok\nOriginal Network: Korean Broadcasting System 2 (KBS2)\n\n"
                     "A soldier and a surgeon fall in love in a war zone.\n")
    writers = {name for name, role in credits(facts)[1] if role == "writer"}
    assert writers == {"Kim Eun-sook", "Kim Won-seok"}
    assert platforms(facts) == {"KBS2": True}


def test_one_actors_character_spelled_twice_on_a_page_is_one_character():
    facts = facts_of("Title: Sweet Home\nCast: Song Kang as Cha Hyun-soo, Lee Jin-wook as Pyeon Sang-wook\n\n"
                     "A lonely student, Cha Hyunsoo (Song Kang), moves into an old apartment block. "
                     "Pyeon Sang-wook (Lee Jin-wook) hides his past.\n")
    characters = [e for e in facts.entities if type(e).__name__ == "CharacterEntity"]
    played = {e.name: e.spellings for e in characters}
    assert len([name for name in played if name.replace("-", "").lower() == "cha hyunsoo"]) == 1
    assert {"Cha Hyun-soo", "Cha Hyunsoo"} <= {name for e in characters for name in (e.name, *e.spellings)}


def test_a_characters_name_with_and_without_its_royal_title_or_one_slip_is_one_character():
    facts = facts_of("Title: Mr. Queen\nMain Cast: Kim Jung-hyun as King Cheol-jong, Kim Tae-woo as Kim Jwa-geun\n\n"
                     "The queen's husband, Cheol-jong (Kim Jung-hyun), seems a gentle king. Her enemy is "
                     "Kim Jwa-guen (Kim Tae-woo), who wants power.\n")
    names = sorted(e.name for e in facts.entities if type(e).__name__ == "CharacterEntity")
    assert len(names) == 2, names


def test_a_film_databases_dotted_cast_rows_credit_each_actor_with_the_character_below():
    text = ("Oldboy\n(2003)\n|\n|\nCredited cast: | |||\nMin-sik Choi | ... | ||\nJi-tae Yoo | ... |\nLee Woo-jin\n|\n|\n"
            "Hye-jeong Kang | ... |\nMi-do\n|\n|\nDae-han Ji | ... |\nNo Joo-hwan\n|\n"
            "A man is held in a room for fifteen years and then let go.\n")
    facts = facts_of(text)
    assert _cast(facts) == {"Min-sik Choi", "Ji-tae Yoo", "Hye-jeong Kang", "Dae-han Ji"}
    characters = {e.name for e in facts.entities if type(e).__name__ == "CharacterEntity"}
    assert {"Lee Woo-jin", "Mi-do", "No Joo-hwan"} <= characters
    assert attrs(facts)["year"] == {"2003"}


def test_a_dash_list_of_two_full_names_is_read_actor_first_when_the_review_calls_the_characters_by_given_name():
    text = ("Title: Descendants of the Sun\nNetwork: KBS2\n\nMain Cast\nSong Hye Kyo – Kang Mo Yeon\n"
            "Song Joong Ki – Yoo Si Jin\n\nThe surgeon Mo Yeon meets the captain Si Jin in Seoul, and they "
            "meet again in Uruk.\n")
    facts = facts_of(text)
    assert _cast(facts) == {"Song Hye Kyo", "Song Joong Ki"}
    characters = {e.name for e in facts.entities if type(e).__name__ == "CharacterEntity"}
    assert characters == {"Kang Mo Yeon", "Yoo Si Jin"}


def test_the_author_of_the_webtoon_a_series_adapts_is_not_its_writer():
    facts = facts_of("Title: Sweet Home\nNetwork: Netflix\n\nThe series is based on the Naver webtoon written by "
                     "Kim Kan-bi (Carnby) and drawn by Hwang Young-chan. It was directed by Lee Eung-bok.\n")
    people = credits(facts)[1]
    assert ("Kim Kan-bi", "writer") not in people
    assert ("Lee Eung-bok", "director") in people
