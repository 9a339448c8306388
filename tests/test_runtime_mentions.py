"""The running time a page gives inside a line or in prose, in our own words: a label and its value
in running text ("Running Time 103min", "러닝타임 136분 /", "Running time: 2 hours, 18 minutes."),
"1 hour and 57 minutes long", "clocking in at 138 minutes"; and the episode count the same way."""
from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def runtimes(text: str) -> set[int]:
    [doc] = read_text(text, "page.txt")
    facts = extract(doc, RESOLVER)
    return {int(str(s.value)) for s in facts.statements
            if str(s.predicate).endswith("#runtimeMinutes") and s.subject.value == facts.title.iri}


@pytest.mark.parametrize("text, minutes", [
    ("Little Forest\n\n+ Release Feb 28, 2018 | + Running Time 103min | A young woman goes home.\n", 103),
    ("승리호 리뷰\n\n배급 넷플릭스 / 장르 SF / 러닝타임 136분 / 우주 청소부들의 이야기.\n", 136),
    ("Decision to Leave review\n\nRunning time: 2 hours, 18 minutes. A detective falls for a suspect.\n", 138),
    ("Unlocked review\n\nThe story drags a little, the movie being 1 hour and 57 minutes long.\n", 117),
    ("Decision to Leave review\n\nThe run time, clocking in at 138 minutes, is a bit long.\n", 138),
], ids=["label-glued-unit", "korean-label-in-a-line", "hours-comma-minutes", "hours-and-minutes-long", "clocking-in"])
def test_the_running_time_is_read_from_a_line_or_prose(text, minutes):
    assert runtimes(text) == {minutes}


def episodes(text: str) -> set[int]:
    [doc] = read_text(text, "page.txt")
    facts = extract(doc, RESOLVER)
    return {int(str(s.value)) for s in facts.statements
            if str(s.predicate).endswith("#episodeCount") and s.subject.value == facts.title.iri}


@pytest.mark.parametrize("text, count", [
    ("Nevertheless review\n\nThe romance we wanted arrives at last. The 10-episode JTBC series follows two art "
     "students.\n", 10),
    ("Reply 1994 review\n\nFriends share a boarding house in Seoul.\n\ntvN – 21 Episodes | A tvN Production\n", 21),
    ("The Red Sleeve review\n\nA court lady and a crown prince test each other over the course of 17 cinematic "
     "episodes.\n", 17),
    ("Vagabond review\n\nAiring on Fridays and Saturdays, it will be finished within 16 episodes.\n", 16),
], ids=["n-episode-network-series", "card-line-episodes", "over-the-course-of", "within-n-episodes"])
def test_the_episode_count_is_read_from_prose_or_a_card_line(text, count):
    assert episodes(text) == {count}
