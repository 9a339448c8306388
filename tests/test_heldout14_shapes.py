"""Shapes the fourteenth held-out set showed (data/heldout14/README.md, "What goes wrong"), each in
our own words: a headline's words around the title, a listing's article moved last, a festival's
screening line, press headlines that lead with the kind, and furniture that is no title."""
from __future__ import annotations

import pytest

from kgraph.errors import ExtractionError

from test_general_shapes import facts_of
from test_structure import platforms


@pytest.mark.parametrize("headline, body_title", [
    ("Vagabond Kdrama Starring Lee Seung-gi and Bae Suzy Review", "Vagabond"),
    ("Gyeongseong Creature Part 1 Review: Park Seo-joon and Han So-hee face a monster", "Gyeongseong Creature"),
    ("경성크리처 리뷰 총정리", "경성크리처"),
])
def test_a_headlines_words_after_the_title_are_not_part_of_it(headline, body_title):
    page = (f"{headline}\n\nI finally watched {body_title} this weekend. What {body_title} does best is its "
            f"setting, and the cast of {body_title} carries it.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == body_title


@pytest.mark.parametrize("headline", ["Premiere Watch: Midnight Runners", "K-Movie Review: Midnight Runners"])
def test_a_column_label_before_the_title(headline):
    page = f"{headline}\n\nPark Seo-joon and Kang Ha-neul play two police cadets in this 2017 comedy.\n"
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Midnight Runners"


def test_a_listings_article_moved_last_and_a_festival_screening_line():
    listing = "Admiral: Roaring Currents, The (2014) Review\n\nChoi Min-sik plays Admiral Yi Sun-sin in Kim Han-min's film.\n"
    assert facts_of(listing)[0].title.name == "The Admiral: Roaring Currents"
    festival = "LKFF 2022: The Admiral: Roaring Currents + Q&A\n\nDirector\n\nKim Han-min\n\nA naval battle of 1597.\n"
    assert facts_of(festival)[0].title.name == "The Admiral: Roaring Currents"


def test_a_press_headline_that_leads_with_the_platform_and_the_kind():
    page = ("Advertisement\nKorean drama reviews\nGet more with myNEWS\n\n"
            "Netflix series Run On: romantic K-drama starring Im Si-wan and Shin Se-kyung is a slow burn\n\n"
            "Director Lee Jae-hoon pairs a sprinter and a subtitle translator.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "Run On"


@pytest.mark.parametrize("furniture", ["[ English ]", "I'm", "Korean drama reviews"])
def test_furniture_and_a_contraction_are_never_the_title(furniture):
    page = (f"{furniture}\n\nI'm glad I watched Daily Dose of Sunshine on Netflix. The nurses of Daily Dose of "
            "Sunshine stay with me.\n")
    with pytest.raises(ExtractionError, match="no review title found"):  # better no title than the furniture
        facts_of(page)
    facts, _, _ = facts_of(page.replace("I'm glad", "Daily Dose of Sunshine is a Netflix series. I'm glad"))
    assert facts.title.name == "Daily Dose of Sunshine"


@pytest.mark.parametrize("page, network", [
    ("'웰컴투 삼달리' 리뷰\n\n지난 주말 방송된 JTBC 주말극 '웰컴투 삼달리' 2회는 재회를 그렸다. '웰컴투 삼달리'는 제주가 배경이다.\n", "JTBC"),
    ("Little Women review\n\ntvN newest drama “Little Women” follows three sisters. Little Women is bold.\n", "tvN"),
    ("Vagabond review\n\nVagabond is a spy series. Vagabond is scheduled to premiere on SBS in September.\n", "SBS"),
])
def test_a_broadcaster_before_kind_words_and_the_title_or_a_premiere_on_it(page, network):
    facts, _, _ = facts_of(page)
    assert platforms(facts).get(network) is True
