"""Hangul-only cast lists: people keep their Hangul name unless the review or the alias table
spells them in Latin letters the same way; a Latin spelling is never invented."""
from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.extract.hangul_names import is_hangul_name, same_person, spelling_key
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def cast(text: str) -> set[tuple[str, str | None, str | None]]:
    """(person's name, person's Hangul, character) of every cast credit."""
    [doc] = read_text(text, "hangul.txt")
    facts = extract(doc, RESOLVER)
    entities = {e.iri: e for e in [*facts.entities, facts.title]}
    return {(entities[c.person.value].name, entities[c.person.value].hangul,
             entities[c.character.value].name if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}


def test_a_hangul_cast_field_keeps_hangul_names_and_meets_the_latin_spelling_of_the_prose():
    found = cast("Overview\nTitle: Broker (브로커)\n출연: 송강호, 강동원, 배두나\n"
                 "Story\nSong Kang-ho plays Sang-hyeon, a laundry owner deep in debt.\n")
    assert found == {("Song Kang-ho", "송강호", "Sang-hyeon"), ("강동원", "강동원", None), ("배두나", "배두나", None)}


def test_hangul_lines_of_actor_and_role():
    found = cast("Overview\nTitle: Broker (브로커)\nYear: 2022\n\n출연\n송강호 (상현)\n강동원 (동수 역)\n이지은 (소영)\n\n"
                 "Story\nGang Dong-won grew up in the orphanage the brokers visit.\n")
    assert found == {("송강호", "송강호", "상현"), ("Gang Dong-won", "강동원", "동수"), ("이지은", "이지은", "소영")}


def test_a_hangul_name_the_alias_table_knows_is_that_person():
    found = cast("Overview\nTitle: Ballerina (발레리나)\n출연: 전종서\nStory\nA revenge story.\n")
    assert found == {("Jeon Jong-seo", "전종서", None)}


@pytest.mark.parametrize("hangul, latin, same", [
    ("송강호", "Song Kang-ho", True), ("송강호", "Kang-ho Song", True), ("이선균", "Lee Sun-kyun", True),
    ("조여정", "Cho Yeo-jeong", True), ("배두나", "Bae Doona", True), ("이주영", "Lee Joo-young", True),
    ("남궁민", "Namgoong Min", True), ("송강호", "Song Kang-min", False), ("이선균", "Park Sun-kyun", False),
])
def test_romanised_spellings_are_compared_not_invented(hangul, latin, same):
    assert same_person(hangul, latin) is same


def test_the_spelling_key_is_the_romanisation_syllable_by_syllable():
    assert spelling_key("송강호") == "song-gang-ho"
    assert is_hangul_name("남궁민") and not is_hangul_name("기생충이다") and not is_hangul_name("발")


def test_a_hangul_cast_field_with_roles_in_parentheses():
    found = cast("Overview\nTitle: Broker (브로커)\n출연: 송강호(상현), 강동원(동수 역), 배두나(수진)\nStory\nA road movie.\n")
    assert found == {("송강호", "송강호", "상현"), ("강동원", "강동원", "동수"), ("배두나", "배두나", "수진")}


def test_a_parenthesis_that_is_no_role_gives_no_character():
    found = cast("Overview\nTitle: Broker (브로커)\n출연: 송강호(상현), 이주영(배우)\nStory\nA road movie.\n")
    assert ("송강호", "송강호", "상현") in found
    assert not any(character == "배우" for _, _, character in found)


@pytest.mark.parametrize("text, names", [
    ("마우스 리뷰\n\n드라마 마우스 출연진으로는 이승기, 이희준, 박주현, 경수진 등이 나와요.\n",
     {"이승기", "이희준", "박주현", "경수진"}),
    ("정신병동에도 아침이 와요 리뷰\n\n감독: 이재규\n출연배우: 박보영, 연우진, 장동윤 등\n줄거리\n간호사 다은의 이야기다.\n",
     {"박보영", "연우진", "장동윤"}),
    ("청춘기록 리뷰\n\n박보검,박소담,변우석\n\n모델 지망생의 이야기다.\n", {"박보검", "박소담", "변우석"}),
], ids=["cast-word-with-particle", "cast-label-two-words", "a-line-of-names"])
def test_a_korean_list_of_actors_is_the_cast(text, names):
    assert names <= {name for name, _, _ in cast(text)}


def test_a_line_of_words_that_are_not_all_names_is_no_cast_list():
    assert not cast("청춘기록 리뷰\n\n박보검,최고야,진짜\n\n모델 지망생의 이야기다.\n")
