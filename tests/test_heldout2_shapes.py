"""Kinds of misses the second held-out set showed (data/heldout2/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

from test_phrasings import credits, nominations
from test_structure import _cast_pairs, attrs, facts_of


# ------------------------------------------------------------------ wrong facts

def test_a_box_that_gives_each_persons_earlier_work_in_parentheses_names_no_characters():
    facts = facts_of("Title: Beyond Evil\nNetwork: JTBC\nEpisodes: 16\n"
                     "Cast: Shin Ha-kyun (Soul Mechanic), Yeo Jin-goo (Hotel del Luna)\n"
                     "Director: Shim Na-yeon (At Eighteen)\n\n"
                     "Two detectives in a small town reopen a twenty-year-old case.\n")
    assert _cast_pairs(facts) == {("Shin Ha-kyun", None), ("Yeo Jin-goo", None)}


def test_a_list_of_actors_with_their_other_works_credits_no_one():
    facts = facts_of("Title: When the Camellia Blooms\nNetwork: KBS2\n\n"
                     "Kang Ha-neul took Best Actor at the 56th Baeksang Arts Awards over Hyun Bin "
                     "(Crash Landing on You), Park Seo-joon (Itaewon Class) and Ju Ji-hoon (Hyena).\n")
    people = {person for person, _ in credits(facts)[0]}
    assert not people & {"Itaewon Class", "Hyena", "Crash Landing"}
    assert all(character is None for _, character in credits(facts)[0])


def test_hours_and_minutes_on_a_short_line_are_read_whole():
    facts = facts_of("The Man from Nowhere\n\nDirector: Lee Jeong-beom\nRunTime: 1 hr 59 mins\n\n"
                     "A pawnshop owner goes looking for the girl next door.\n")
    assert attrs(facts)["runtimeMinutes"] == {"119"}


def test_a_nomination_for_another_work_named_before_for_which_is_not_this_titles():
    facts = facts_of("Title: Memories of Murder\nDirector: Bong Joon-ho\n\n"
                     "Song Kang-ho leads as a country detective. Viewers may know him from The Attorney, for which "
                     "he won Best Actor at the 34th Blue Dragon Film Awards.\n")
    assert nominations(facts) == set()


def test_a_category_bagged_by_a_person_is_that_persons():
    facts = facts_of("Title: Beyond Evil\nNetwork: JTBC\n\n"
                     "At the 57th Baeksang Arts Awards the series won Best Drama, with Best Actor bagged by "
                     "Shin Ha-kyun.\n")
    assert any(n[2] == "Best Actor" and n[3] == "Shin Ha-kyun" and n[4] == "won" for n in nominations(facts))
