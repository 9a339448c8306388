"""Shapes the eleventh and tenth held-out sets showed (data/heldout11/README.md, "What goes wrong"),
each in our own words: a TV guide's cast block run together, review headlines with a qualifier or
a column's name, Korean cards and prose, stage names and given names, and clauses that are no title."""
from __future__ import annotations

import pytest

from test_general_shapes import attrs, facts_of, people
from test_structure import platforms

GUIDE = """Thirst

Park Chan-wook (2009)

A priest volunteers for a vaccine trial in Africa and comes back from the dead with a thirst for blood, and with a longing for the wife of his childhood friend that the film follows to its bleak and very funny end.

Cast & Crew
Sang-hyun Song Kang-ho
Tae-ju Kim Ok-vin
Kang-woo Shin Ha-kyun
Lady Ra Kim Hae-sook
Director Park Chan-wook
"""


def test_a_tv_guides_cast_block_of_character_then_actor_with_nothing_between():
    facts, cast, _ = facts_of(GUIDE)
    assert {("Song Kang-ho", "Sang-hyun"), ("Kim Ok-vin", "Tae-ju"), ("Shin Ha-kyun", "Kang-woo"),
            ("Kim Hae-sook", "Lady Ra")} <= cast
    assert "Park Chan-wook" not in people(cast)  # the crew line ends the block
    assert attrs(facts)["year"] == {"2009"}  # the guide's "Director (year)" line under the title


def test_a_glued_block_is_left_alone_when_its_order_is_not_clear():
    page = ("Thirst\n\nA priest becomes a vampire in Park Chan-wook's film, and the film follows him, his friend's "
            "wife and her mother-in-law through one long night after another, to a dawn that none of them will see.\n\n"
            "Cast\nSong Kang-ho Kim Ok-vin\nShin Ha-kyun Kim Hae-sook\nOh Dal-su Park In-hwan\n")
    _, cast, _ = facts_of(page)
    assert not {pair for pair in cast if pair[1]}  # two people a line: no character can be told


@pytest.mark.parametrize("headline, title", [
    ("Queen of Tears Premiere Review: Kim Soo-hyun and Kim Ji-won return as a married couple", "Queen of Tears"),
    ("Lovers of the Red Sky Early Review: a painter and an astronomer in Joseon", "Lovers of the Red Sky"),
])
def test_a_review_headline_with_a_qualifier(headline, title):
    page = (f"{headline}\n\nThe Review\n\n{title} is a South Korean television series of 2024 or so, and "
            f"{title} knows what it is doing.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == title


def test_a_review_headline_under_a_columns_name_gives_the_quoted_title():
    page = ("Weekly Corner Review: Kim Soo-hyun, Kim Ji-won Sparkle In “Queen of Tears”\n\nQueen of Tears Korean Drama "
            "Review\n\nNo spoilers.\n\nKim Soo-hyun and Kim Ji-won are a married couple in trouble, and Netflix’s "
            "Queen of Tears (눈물의 여왕) is a fine ride.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Queen of Tears"


def test_a_section_heading_the_review_is_no_title():
    page = ("top of page\n\nThe Weekend Pick: \"Vincenzo\"\n\nThe Review\n\n"
            "The twenty-episode series Vincenzo on Netflix is a dark comedy about a consigliere.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Vincenzo"


def test_two_actors_given_their_roles_as_a_pair_and_a_priests_title():
    page = ("Vincenzo review\n\nSong Joong-ki and Jeon Yeo-been are a delight in their roles as the consigliere "
            "Vincenzo Cassano and the lawyer Hong Cha-young. In The Fiery Priest, Kim Nam-gil plays Father "
            "Kim Hae-il, a priest with a temper.\n")
    _, cast, _ = facts_of(page)
    assert {("Song Joong-ki", "Vincenzo Cassano"), ("Jeon Yeo-been", "Hong Cha-young")} <= cast
    assert ("Kim Nam-gil", "Kim Hae-il") in cast  # "Father" is the priest's title, not part of the name


def test_a_lower_case_english_word_is_no_last_syllable_of_a_name():
    page = "The Fiery Priest review\n\nKim Nam Gil and Kim Sung Kyun are great as Kim Hae Il and Gu Dae Young.\n"
    _, cast, _ = facts_of(page)
    assert ("Kim Sung Kyun", "Gu Dae Young") in cast and not any("Are" in person for person, _ in cast)


def test_a_cast_list_with_a_comma_lost_between_two_names():
    page = "Vincenzo\n\nCast: Song Joong Ki, Jeon Yeo Been Kwak Dong Yeon\n\nVincenzo is a South Korean television series.\n"
    _, cast, _ = facts_of(page)
    assert {"Song Joong Ki", "Jeon Yeo Been", "Kwak Dong Yeon"} <= people(cast)
    assert "Jeon Yeo Been Kwak Dong Yeon" not in people(cast)


def test_to_air_on_a_broadcaster_names_its_network():
    page = ("The Fiery Priest\n\nThe Fiery Priest is a 2019 South Korean television series. It was the first drama "
            "to air on SBS's new Friday and Saturday slot.\n")
    facts, _, _ = facts_of(page)
    assert platforms(facts).get("SBS") is True


def test_a_stage_name_in_a_starring_list_and_the_cast_called_by_given_name():
    page = ("King the Land review\n\nThe new series King the Land, starring YoonA and Lee Jun-ho, opened on JTBC. "
            "Gu Won (Jun-ho) is the heir of a hotel group, and Cheon Sa-rang (played by YoonA) works at its front desk.\n")
    _, cast, _ = facts_of(page)
    assert {"YoonA", "Lee Jun-ho"} <= people(cast)
    assert {("Lee Jun-ho", "Gu Won"), ("YoonA", "Cheon Sa-rang")} <= cast
    assert "Jun-ho" not in people(cast)  # the given name is the same person, not another


KOREAN_CARD = """나의 해방일지 기본 정보
장르: 드라마
채널: JTBC
첫 방송: 2022년 4월 9일 토요일
스트리밍: 넷플릭스
나의 해방일지 등장인물
미정과 구씨/ 김지원 손석구
"""


def test_a_korean_card_with_its_first_broadcast_streaming_and_pairs_of_roles():
    facts, cast, _ = facts_of(KOREAN_CARD)
    assert facts.title.name == "나의 해방일지"
    assert attrs(facts)["year"] == {"2022"}  # "2022년": a year with its Korean counter
    assert platforms(facts) == {"JTBC": True, "Netflix": False}
    assert {("김지원", "미정"), ("손석구", "구씨")} <= cast


def test_a_korean_film_card_with_bracketed_labels_and_a_rated_running_time():
    page = "박쥐 (2009) Thirst\n액션 한국\n133분, 청소년관람불가\n(감독) 박찬욱\n(주연) 송강호, 김옥빈, 신하균\n박쥐는 박찬욱 감독의 영화다.\n"
    facts, cast, crew = facts_of(page)
    assert attrs(facts)["runtimeMinutes"] == {"133"}
    assert people(crew, "director") == {"박찬욱"}
    assert {"송강호", "김옥빈", "신하균"} <= people(cast)


def test_korean_prose_gives_two_actors_their_two_roles_in_order():
    page = ("우리들의 블루스 리뷰\n\n드라마 ‘우리들의 블루스’에서 이병헌과 신민아가 제주의 트럭 만물상 동석과 서울에서 내려온 "
            "선아로 분했다. ‘우리들의 블루스’는 옴니버스 드라마다.\n")
    _, cast, _ = facts_of(page)
    assert {("이병헌", "동석"), ("신민아", "선아")} <= cast


def test_a_korean_sentence_that_introduces_the_drama_names_the_title():
    page = "반응형\n\n오늘 추천해드릴 종영드라마는\n\n오늘 소개할 작품은 KBS2 드라마 힐러입니다. 지창욱이 심부름꾼을 연기한다.\n"
    facts, _, _ = facts_of(page)
    assert facts.title.name == "힐러"


def test_a_clause_of_a_korean_sentence_is_no_title():
    page = "기숙사 생활을 하는 터라 극장에 가기 어려워서\n\n제가 뒤늦게 본 영화는 변호인입니다. 송강호씨가 좋았습니다.\n"
    facts, _, _ = facts_of(page)
    assert facts.title.name == "변호인"


def test_a_korean_job_in_brackets_and_an_honorific_after_an_actor():
    page = ("열혈사제 리뷰\n\n열혈사제는 박재범(극본)과 이명우(연출)가 만든 SBS 드라마다. 동창 김무진(서현우님)도 나온다.\n")
    _, cast, _ = facts_of(page)
    assert "연출" not in people(cast) and "극본" not in people(cast)
    assert ("서현우", "김무진") in cast
