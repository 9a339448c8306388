"""The year a page gives its title in prose or in a listing line, in our own words: a Korean clause
with the verb that released it, "a 2014 tvN drama" after the title, and a cinema or festival line
with the country or the running time beside the year. Another work's year is never the title's.
And the kind a review gives by the way it keeps naming its title ("the show")."""
from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def year_of(text: str) -> int | None:
    """The year the page states for its reviewed title, or None."""
    [doc] = read_text(text, "page.txt")
    facts = extract(doc, RESOLVER)
    years = {str(s.value.value if hasattr(s.value, "value") else s.value) for s in facts.statements
             if str(s.predicate).endswith("#year") and s.subject.value == facts.title.iri}
    assert len(years) <= 1, years
    return int(years.pop()) if years else None


@pytest.mark.parametrize("text, year", [
    ("킹더랜드 리뷰\n\n'킹더랜드(King the Land)'는 2023년 6월부터 8월까지 JTBC에서 방영된 주말 드라마다.\n"
     "호텔을 배경으로 한 로맨스다.\n", 2023),
    ("신과함께-죄와 벌 리뷰\n\n오늘은 '신과함께-죄와 벌'을 다시 본다. 2017년 개봉한 이 영화는 웹툰이 원작이다.\n", 2017),
    ("Misaeng review\n\nLet us talk about Misaeng, also known as Incomplete Life, a 2014 tvN drama about office "
     "life.\n", 2014),
    ("Secret Sunshine\n\nLee Chang-dong | Südkorea 2007 | 142 min\n\nA widow moves to her late husband's "
     "hometown.\n", 2007),
    ("Tazza: The High Rollers review\n\nDir/scr: Choi Dong-hoon. S Kor. 2006. 139mins.\n\nA gambler learns "
     "the cards.\n", 2006),
], ids=["korean-aired-clause", "korean-this-film", "a-year-network-drama", "festival-country-line",
        "trade-listing-line"])
def test_the_year_is_read_from_prose_or_a_listing_line(text, year):
    assert year_of(text) == year


@pytest.mark.parametrize("text", [
    ("반도 리뷰\n\n'반도'는 좀비 영화다. 연상호 감독은 2016년 '부산행'을 개봉했다.\n"),
    ("It's Okay to Not Be Okay review\n\nThe mental health theme in “It's Okay to Not Be Okay” reminds me of the "
     "2014 drama “It's Okay, That's Love” starring Gong Hyo-jin and Jo In-sung.\n"),
], ids=["korean-other-work-quoted", "another-works-year"])
def test_another_works_year_is_not_the_titles(text):
    assert year_of(text) is None


def kind_of(text: str) -> str:
    [doc] = read_text(text, "page.txt")
    return extract(doc, RESOLVER).title.kind


def test_a_review_that_keeps_calling_its_title_the_show_is_of_a_series_though_it_says_film_once():
    text = ("Goblin review\n\nThe show follows a goblin who has lived for nine centuries. The show's best scenes are "
            "quiet ones, and at times it feels like a film.\n")
    assert kind_of(text) == "series"


def test_the_star_of_the_show_is_an_idiom_not_a_series():
    text = ("The Host review\n\nBong Joon-ho's film has a fine monster, but the star of the show is the family.\n")
    assert kind_of(text) == "film"
