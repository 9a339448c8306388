"""Shapes the fifteenth held-out set showed (data/heldout15/README.md, "What goes wrong"), each in
our own words: a Hangul title with a hyphen in it, a Korean post's bracketed tag before the title,
a blog's category name, and "our director" in Korean."""
from __future__ import annotations

from test_general_shapes import facts_of, people


def test_a_hangul_title_keeps_the_hyphen_between_its_parts():
    page = "영화 리뷰\n\n영화 '신과함께-죄와 벌' 리뷰: 저승의 일곱 재판\n\n'신과함께-죄와 벌'은 주호민의 웹툰이 원작이다.\n"
    facts, _, _ = facts_of(page)
    assert facts.title.name == "신과함께-죄와 벌"


def test_a_korean_posts_tag_in_brackets_then_the_title_and_a_tagline():
    page = ("본문 바로가기\n\n드라마 일기 (리뷰)\n\n[정주행 드라마 추천] 마우스 - 반전에 반전을 거듭하는 수사극\n\n"
            "tvN 드라마 마우스는 사이코패스를 쫓는 이야기다.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "마우스"  # not the blog's category, "드라마 일기 (리뷰)"


def test_our_director_in_korean_is_no_person():
    page = ("'블랙독' 리뷰\n\n드라마 '블랙독'은 기간제 교사의 이야기다. 배우들은 “우리 감독님 작가님 스태프 여러분 모두 고생하셨다”고 인사했다. "
            "황준혁 감독이 연출했다.\n")
    _, _, crew = facts_of(page)
    assert "우리" not in people(crew, "director")
    assert "황준혁" in people(crew, "director")
