"""Every row of the phrasing catalogue: its example sentence, read in a review, yields its facts."""
from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.extract.phrasings import PHRASINGS
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def credits(facts) -> tuple[set, set]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    jobs = {e.iri: e.label for e in facts.entities if type(e).__name__ == "ConceptEntity"}
    cast = {(names[c.person.value], names.get(c.character.value) if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}
    crew = {(names[c.person.value], jobs.get(c.job.value, c.job.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]).lower())
            for c in facts.claims if type(c).__name__ == "CrewCredit"}
    return cast, crew


@pytest.mark.parametrize("row", PHRASINGS, ids=[row.name for row in PHRASINGS])
def test_every_phrasing_yields_the_facts_of_its_example(row):
    assert row.pattern.search(row.example), "the row's own pattern must match its example"
    [doc] = read_text(f"Overview\nTitle: A Title\nStory\n{row.example}\n", "phrasing.txt")
    cast, crew = credits(extract(doc, RESOLVER))
    found = cast if row.fills == ("cast",) else crew
    assert set(row.yields) <= found, f"{row.name}: {found}"


def test_is_does_not_make_a_character_of_an_adjective():
    [doc] = read_text("Overview\nTitle: A Title\nStory\nShin Min-a is Korean, and the film is long.\n", "x.txt")
    cast, _ = credits(extract(doc, RESOLVER))
    assert not any(character for _, character in cast)


from kgraph.extract.phrasings import AWARD_PHRASINGS  # noqa: E402


def nominations(facts) -> set[tuple]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {(names[n.ceremony.value], n.year, names[n.category.value] if n.category else None,
             names[n.nominee.value] if n.nominee else None, n.result.value.rsplit("#", 1)[-1].lower())
            for n in facts.claims if type(n).__name__ == "Nomination"}


@pytest.mark.parametrize("row", AWARD_PHRASINGS, ids=[row.name for row in AWARD_PHRASINGS])
def test_every_award_phrasing_yields_its_nominations_and_no_others(row):
    [doc] = read_text(f"Overview\nTitle: {row.title}\nAwards\n{row.example}\n", "awards.txt")
    assert nominations(extract(doc, RESOLVER)) == set(row.yields)


@pytest.mark.parametrize("sentence, expected", [
    ("Ji Sung as Dr. Cha Yo-han, an anesthesiologist who cannot feel pain.", {("Ji Sung", "Cha Yo-han")}),
    ("Kang Ki-young as Attorney Jung Myung-seok, her mentor, steals scenes.", {("Kang Ki-young", "Jung Myung-seok")}),
    ("Kim Sung-ryung plays Seo-yeon's mother, Eun-ae.", {("Kim Sung-ryung", "Eun-ae")}),
    ("Lee Kyu-hyung plays the prosecutor Son Seok-ki.", {("Lee Kyu-hyung", "Son Seok-ki")}),  # Son: a family name
])
def test_a_role_or_relation_word_is_never_part_of_a_character_name(sentence, expected):
    [doc] = read_text(f"Overview\nTitle: A Title\nStory\n{sentence}\n", "roles.txt")
    cast, _ = credits(extract(doc, RESOLVER))
    assert cast == expected


def test_a_films_maker_and_year_in_brackets_credit_no_actor():
    text = "Overview\nTitle: A Tale of Two Sisters\nStory\nTHE CINEMA OF KIM JEE-WOON: A TALE OF TWO SISTERS (Kim Jee-woon, 2003)\n"
    [doc] = read_text(text, "x.txt")
    cast, _ = credits(extract(doc, RESOLVER))
    assert not cast


def test_a_page_cut_in_the_middle_of_a_name_credits_no_character():
    text = ("Overview\nTitle: Save Me\nStory\nIn particular, Jo Sung-ha, who plays the role of the cult leader Ba")
    [doc] = read_text(text, "x.txt")
    cast, _ = credits(extract(doc, RESOLVER))
    assert not any(character for _, character in cast)


def test_played_in_the_film_by_an_actor_is_no_director():
    text = ("Overview\nTitle: The Admiral: Roaring Currents\nStory\nCmdr. Bae Seol (played in the film by Kim Won-hae) "
            "plots against the admiral.\n")
    [doc] = read_text(text, "x.txt")
    _, crew = credits(extract(doc, RESOLVER))
    assert not crew


def test_two_actors_each_with_playing_and_a_role_in_brackets():
    text = ("Overview\nTitle: Welcome to Samdal-ri\nStory\nThe show stars Shin Hye-sun (playing Jo Sam-dal) and "
            "Ji Chang-wook (playing Jo Yong-pil), who grew up together.\n")
    [doc] = read_text(text, "x.txt")
    cast, _ = credits(extract(doc, RESOLVER))
    assert {("Shin Hye-sun", "Jo Sam-dal"), ("Ji Chang-wook", "Jo Yong-pil")} <= cast


def test_a_full_stop_inside_the_actors_bracket():
    text = ("Overview\nTitle: 20th Century Girl\nStory\nShe falls for the school jock, Baek Hyun-jin (Park Jung-woo.) "
            "and stays behind.\n")
    [doc] = read_text(text, "x.txt")
    cast, _ = credits(extract(doc, RESOLVER))
    assert ("Park Jung-woo", "Baek Hyun-jin") in cast
