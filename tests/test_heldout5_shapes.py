"""Kinds of misses the fifth held-out set showed (data/heldout5/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

from test_heldout4_shapes import _cast
from test_phrasings import credits
from test_structure import attrs, facts_of


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
