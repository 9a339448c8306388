"""Shapes the twelfth held-out set showed (data/heldout12/README.md, "What goes wrong"), each in our
own words: page furniture and captions that are no title, a rating after the title, round-ups of
early reviews, Korean review headlines and clauses, and two credit phrasings."""
from __future__ import annotations

import pytest

from test_general_shapes import facts_of, people


def test_a_headlines_quoted_title_wins_over_a_capitalised_phrase_of_the_body():
    page = ("Historical Drama 'A Taxi Driver' Looks Back At Gwangju\n\nSouth Korea sent it to the Foreign Language "
            "Film Oscar race, and the Foreign Language Film Oscar voters should watch it.\n\nA Taxi Driver (PG13)\n\n"
            "Starring Song Kang-ho, Ryu Jun-yeol, Thomas Kretschmann\n\nDirected by Jang Hoon\n")
    facts, _, crew = facts_of(page)
    assert facts.title.name == "A Taxi Driver"  # "(PG13)" is the film's rating, not part of its title
    assert "Jang Hoon" in people(crew, "director")


@pytest.mark.parametrize("furniture", ["Advertisement", "ABOUT", "OTT"])
def test_page_furniture_is_never_the_title(furniture):
    page = (f"{furniture}\n\n{furniture}\n\nCrash Course in Romance could have been a perfect series. Crash Course "
            "in Romance follows a side-dish shop owner and a star maths tutor, and Crash Course in Romance is warm.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Crash Course in Romance"


def test_a_round_up_of_early_reviews_and_a_caption_naming_two_actors():
    page = ("Lovely Runner early reviews: what do viewers make of the premiere? | Web Series\n\n"
            "Kim Hye-yoon and Byeon Woo-seok in tvN's Lovely Runner.\nKim Hye-yoon and Byeon Woo-seok in tvN's Lovely Runner.\n\n"
            "The first episode of Lovely Runner aired on tvN in April 2024.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Lovely Runner"


def test_a_korean_review_headline_gives_the_title_alone():
    page = ("본문 바로가기\n\n선재 업고 튀어 감상기 (feat. 변우석 김혜윤)\n\n반응형\n\n"
            "이 드라마의 거의 모든 장면이 좋았다. tvN 드라마 '선재 업고 튀어'는 타임슬립 로맨스다.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "선재 업고 튀어"  # "감상기": the post is a review of the title


def test_a_korean_title_and_year_line_wins_over_a_quoted_clause():
    page = ("택시운전사, 2017\n\n2017.08.12\n\n'이 영화의 거의 대부분'은 광주에서 벌어진다. 송강호가 택시 기사 만섭을 "
            "연기했다. '이 영화의 거의 대부분'이 좋다.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "택시운전사"


def test_a_korean_actor_takes_the_role_named_before_it():
    page = ("'일타 스캔들' 리뷰\n\n전도연은 극 중 핸드볼 국가대표 출신으로 반찬가게를 운영하는 사장 남행선 역을 맡았다. "
            "'일타 스캔들'은 tvN 드라마다.\n")
    _, cast, _ = facts_of(page)
    assert ("전도연", "남행선") in cast


def test_a_screenplay_by_credit_names_the_writer():
    page = ("A Taxi Driver review\n\nA Taxi Driver is a 2017 South Korean film. Director Jang Hoon works from a "
            "stellar screenplay by Um Yu-na.\n")
    _, _, crew = facts_of(page)
    assert "Um Yu-na" in people(crew, "writer")
