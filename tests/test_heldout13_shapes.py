"""Shapes the thirteenth held-out set showed (data/heldout13/README.md, "What goes wrong"), each in
our own words: a Korean press recap that writes its pairs actor first, a word glossed in brackets,
role names quoted like titles, a Hangul title opened by digits, and English furniture and clauses."""
from __future__ import annotations

from test_general_shapes import facts_of, people

RECAP = """[리뷰] '웰컴투 삼달리' 다시 만난 짝꿍 지창욱·신혜선

지난 주말 방송된 JTBC '웰컴투 삼달리'에서는 지창욱(조용필)과 신혜선(조삼달)의 재회가 그려졌다. 언니 신동미(조진달)도 고향으로 돌아왔다.
지창욱은 신혜선을 알아보지 못했다. 신혜선은 그런 지창욱에게 화를 냈다.
"""


def test_a_korean_press_recap_writes_its_pairs_actor_first():
    _, cast, _ = facts_of(RECAP)
    assert {("지창욱", "조용필"), ("신혜선", "조삼달"), ("신동미", "조진달")} <= cast
    assert "조용필" not in people(cast)


def test_a_korean_blog_writes_its_pairs_role_first():
    page = ("호텔 델루나 리뷰\n\n🌙 장만월 (아이유)\n호텔의 사장이다.\n🌟 구찬성 (여진구)\n호텔의 지배인이다.\n"
            "장만월은 천 년 넘게 호텔에 묶여 있다. 구찬성은 장만월을 돕는다.\n")
    _, cast, _ = facts_of(page)
    assert ("여진구", "구찬성") in cast and "구찬성" not in people(cast)


def test_a_word_glossed_in_brackets_inside_quotes_is_no_actor():
    page = ("'웰컴투 삼달리' 리뷰\n\n‘삼달’(신혜선)은 서울에서 ‘엑스(전연인)’를 다시 만난다. JTBC 드라마 '웰컴투 삼달리'는 따뜻하다.\n")
    _, cast, _ = facts_of(page)
    assert ("신혜선", "삼달") in cast
    assert "전연인" not in people(cast)


def test_role_names_quoted_like_titles_are_not_the_title():
    page = ("영화보는 밤\n\n넷플릭스 영화 :: 20세기 소녀(20th Century Girl) 감상평 (결말 스포 있음)\n\n"
            "‘보라’(김유정)는 친구를 위해 ‘운호’(변우석)를 관찰한다. ‘보라’는 곧 ‘운호’에게 빠진다. ‘보라’와 ‘운호’의 1999년.\n")
    facts, cast, _ = facts_of(page)
    assert facts.title.name == "20세기 소녀"  # the digits belong to the Hangul title
    assert {("김유정", "보라"), ("변우석", "운호")} <= cast


def test_a_wiki_redirect_note_is_no_title():
    page = "20세기 소녀\n\n이십세기 소녀에서 넘어옴\n\n20세기 소녀는 2022년 넷플릭스 영화다. 20세기 소녀는 1999년이 배경이다.\n"
    facts, _, _ = facts_of(page)
    assert facts.title.name == "20세기 소녀"


def test_a_sentence_about_the_film_is_no_title():
    page = ("top of page\n\nThe Spy Gone North tries hard, and The Spy Gone North is a Korean thriller about a spy.\n\n"
            "Compounding problems is the pace of the film, which moves fast where it should breathe.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "The Spy Gone North"


def test_a_recap_heading_with_its_episodes_and_a_spoiler_warning():
    page = ("This review may contain spoilers\n\nDoona!: Episodes 1-2\n\nDoona! follows a former idol and a student. "
            "Doona! is a Netflix series.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Doona!"
