"""Shapes the sixteenth held-out set showed (data/heldout16/README.md, "What goes wrong", and the
misses its second score left), each as a general rule in our own words: a photo caption naming
several actors, a stage name in a "starring A as X, B as Y" list, a headline that is a sentence
calling the title a film, and a title with an appositive calling it a Korean thriller."""
from __future__ import annotations

from test_general_shapes import facts_of, people


def test_a_caption_naming_several_actors_in_a_still_from_the_title_credits_each():
    page = ("Space Sweepers review\n\n(From left) Jin Seon-kyu, Kim Tae-ri, Song Joong-ki and Yoo Hai-jin in a still "
            "from Space Sweepers.\n\nA crew of space junk collectors finds a child robot.\n")
    _, cast, _ = facts_of(page)
    assert {"Jin Seon-kyu", "Kim Tae-ri", "Song Joong-ki", "Yoo Hai-jin"} <= people(cast)


def test_a_stage_name_in_a_starring_list_of_roles_gets_its_role():
    page = ("Because This Is My First Life review\n\nThe 2017 drama starring Jung So-min as Yoon Ji-ho, Lee Min-ki as "
            "Nam Se-hee, Esom as Woo Su-ji, and Park Byung-eun as Ma Sang-gu is about renting a room.\n")
    _, cast, _ = facts_of(page)
    assert ("Esom", "Woo Su-ji") in cast
    assert ("Lee Min-ki", "Nam Se-hee") in cast


def test_a_headline_sentence_calling_the_title_a_film_and_an_appositive_give_the_title():
    page = ("New Netflix Original film Unlocked is a tense thriller about a lost phone\n\n"
            "UNLOCKED, a South Korean mystery thriller directed by Kim Tae-joon, follows a woman whose phone is "
            "found by a killer.\n\nIt tells the story of Na-mi (Chun Woo-hee), and Jun-yeong (Im Si-wan) picks up "
            "her phone.\n")
    facts, cast, crew = facts_of(page)
    assert facts.title.name.lower() == "unlocked"
    assert ("Chun Woo-hee", "Na-mi") in cast
    assert "Kim Tae-joon" in people(crew, "director")
