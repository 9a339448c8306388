"""Reviews in other layouts: facts written in prose are extracted with the same provenance."""
from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.extract.facts import CastCredit, CrewCredit, Iri, Release
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES


def facts_of(text: str, resolver: Resolver | None = None):
    [doc] = read_text(text, "prose.txt")
    return extract(doc, resolver or Resolver(AliasTable.load(ALIASES)))


def cast(facts) -> set[tuple[str, str | None]]:
    people = {e.iri: e.name for e in facts.entities if type(e).__name__ == "PersonEntity"}
    chars = {e.iri: e.name for e in facts.entities if type(e).__name__ == "CharacterEntity"}
    return {(people[c.person.value], chars[c.character.value] if c.character else None)
            for c in facts.of_type(CastCredit)}


def values(facts) -> set[tuple[str, str]]:
    return {(s.predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1], s.value.value if isinstance(s.value, Iri) else str(s.value))
            for s in facts.statements}


def test_heading_line_directed_by_and_starring_and_a_watched_line():
    facts = facts_of("Ballerina (2023) 발레리나\n"
                     "Directed by Lee Chung-hyun, and starring Jeon Jong-seo as Ok-ju, Kim Ji-hoon as Choi Pro "
                     "and Park Yu-rim as Min-hee\n"
                     "Watched in one night — 93 minutes (NETFLIX)\n"
                     "It is short, loud and sad, and I loved it.\n")
    assert facts.title.name == "Ballerina"
    assert {("nameKo", "발레리나"), ("year", "2023"), ("runtimeMinutes", "93")} <= values(facts)
    assert ("platform", "https://w3id.org/kgraph/id/platform/netflix") in values(facts)
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro"), ("Park Yu-rim", "Min-hee")}
    directors = [c for c in facts.of_type(CrewCredit) if c.job.value.endswith("#director")]
    assert [d.person.value.rsplit("/", 1)[-1] for d in directors] == ["lee-chung-hyun"]
    assert all(c.evidence and "Directed by" in c.evidence[0].text for c in facts.of_type(CastCredit))


def test_one_actor_two_characters():
    facts = facts_of("Our Unwritten Seoul\n\nPark Bo-young plays both twins, Mi-ji and Mi-rae, and you forget it "
                     "is one actress.\n")
    assert cast(facts) == {("Park Bo-young", "Mi-ji"), ("Park Bo-young", "Mi-rae")}


def test_appositive_with_a_description():
    facts = facts_of("Ballerina\n\nKim Ji-hoon, as the villain Choi Pro, is smooth and horrible.\n")
    assert cast(facts) == {("Kim Ji-hoon", "Choi Pro")}
    [choi] = [e for e in facts.entities if type(e).__name__ == "CharacterEntity"]
    assert choi.descriptions == ["villain"]


def test_character_then_actor_in_parentheses():
    facts = facts_of("Ballerina\n\nOk-ju (Jeon Jong-seo) walks into the club without a word.\n")
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju")}


def test_twins_in_parentheses_point_back_to_the_named_twins():
    facts = facts_of("Our Unwritten Seoul\n\nThe twin sisters Mi-ji and Mi-rae trade places. "
                     "The story follows the twins (both Park Bo-young; a younger actress plays them as teenagers) "
                     "through one hard spring.\n")
    assert {("Park Bo-young", "Mi-ji"), ("Park Bo-young", "Mi-rae")} <= cast(facts)


def test_news_style_premiere_and_streaming():
    facts = facts_of("Our Unwritten Seoul draws big ratings\n\nStarring Park Bo-young and Park Jin-young, the drama "
                     "premiered on tvN in May 2025 and also streams on Netflix.\n")
    [release] = facts.of_type(Release)
    assert (release.kind, str(release.date), release.platform.value.rsplit("/", 1)[-1]) == ("broadcast", "2025-05", "tvn")
    platforms = {v.rsplit("/", 1)[-1] for p, v in values(facts) if p == "platform"}
    assert platforms == {"tvn", "netflix"}
    assert {p for p, _ in cast(facts)} == {"Park Bo-young", "Park Jin-young"}


def test_stage_name_is_an_alias_of_one_person():
    facts = facts_of("A review\n\nIU (Lee Ji-eun) plays Lee Ji-an, and IU is the reason to watch.\n")
    people = [e for e in facts.entities if type(e).__name__ == "PersonEntity"]
    assert len(people) == 1 and people[0].name == "Lee Ji-eun" and "IU" in people[0].spellings
    assert cast(facts) == {("Lee Ji-eun", "Lee Ji-an")}


def test_people_are_recognised_by_the_shape_of_korean_names():
    # Nobody here is in a cast list or the alias table: names are found because of how they are written.
    facts = facts_of("Some film\n\nHan Hyo-joo plays Yeon-hee, and Jo In-sung plays Ji-ho.\n", Resolver())
    assert cast(facts) == {("Han Hyo-joo", "Yeon-hee"), ("Jo In-sung", "Ji-ho")}


def test_capitalised_words_are_not_people():
    facts = facts_of("Some film\n\nMoney Heist plays Seoul like a stage, and Choi Pro plays cards.\n", Resolver())
    assert cast(facts) == set()


def test_respectively():
    facts = facts_of("Our Unwritten Seoul\n\nKim Sun-young and Im Chul-soo, a married couple elsewhere, turn up here "
                     "too, as Yeom Bun-hong and Lee Chung-gu.\n")
    assert cast(facts) == {("Kim Sun-young", "Yeom Bun-hong"), ("Im Chul-soo", "Lee Chung-gu")}


def test_possessive_description_is_not_the_character():
    facts = facts_of("The Call\n\nKim Sung-ryung, as Seo-yeon's mother Eun-ae, is heartbreaking.\n")
    assert cast(facts) == {("Kim Sung-ryung", "Eun-ae")}


def test_a_run_of_broadcast_dates_keeps_its_end():
    facts = facts_of("Beating Again\n\nIt aired on JTBC from April 3 to May 23, 2015.\n")
    [release] = facts.of_type(Release)
    assert (str(release.date), str(release.end), release.kind) == ("2015-04-03", "2015-05-23", "broadcast")


@pytest.mark.parametrize("sentence", [
    "In its debut week (October 9–15, 2023), it hit No. 1 on Netflix's Non-English Films list.",
])
def test_a_chart_week_is_not_a_release(sentence):
    assert facts_of(f"Ballerina\n\n{sentence}\n").of_type(Release) == []


def _nominations(facts) -> set[tuple[str, str, str | None, str]]:
    from kgraph.extract.facts import Nomination
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {(names[n.ceremony.value], names[n.category.value], names.get(n.nominee.value) if n.nominee else None,
             n.result.value.rsplit("#", 1)[-1]) for n in facts.of_type(Nomination)}


def test_same_category_at_two_ceremonies_stays_two_nominations():
    facts = facts_of("The Call\n\nJeon Jong-seo won Best Actress at the 57th Baeksang Arts Awards. "
                     "She also won Best Actress at the 30th Buil Film Awards.\n")
    assert _nominations(facts) == {("Baeksang Arts Awards", "Best Actress", "Jeon Jong-seo", "Won"),
                                   ("Buil Film Awards", "Best Actress", "Jeon Jong-seo", "Won")}


def test_each_category_gets_its_own_ceremony():
    facts = facts_of("I Hear Your Voice\n\nLee Bo-young plays Jang Hye-sung, and the role won her the Grand Prize at "
                     "the 2013 SBS Drama Awards and Best Actress – TV at the 50th Baeksang Arts Awards.\n")
    assert _nominations(facts) == {("SBS Drama Awards", "Grand Prize", "Lee Bo-young", "Won"),
                                   ("Baeksang Arts Awards", "Best Actress – TV", "Lee Bo-young", "Won")}
    facts = facts_of("Burning\n\nBurning competed at the 71st Cannes Film Festival, and Steven Yeun won Best "
                     "Supporting Actor from the Los Angeles Film Critics Association for it.\n",
                     Resolver(AliasTable([__import__("kgraph.resolve", fromlist=["Entity"]).Entity(
                         "person", "steven-yeun", "Steven Yeun")])))
    assert _nominations(facts) == {("Los Angeles Film Critics Association", "Best Supporting Actor", "Steven Yeun", "Won")}


def test_two_spellings_of_one_actor_and_one_character_in_a_review_are_one_each():
    facts = facts_of("Title: Burning\nStarring: Yoo Ah-in, Jeon Jong-seo\n\n"
                     "Yu Ah-in plays Jong-soo, and Jeon Jong-seo plays Hae-mi. Yoo Ah-in as Jong-su is all "
                     "silence.\n")
    assert cast(facts) == {("Yoo Ah-in", "Jong-soo"), ("Jeon Jong-seo", "Hae-mi")}
    people = [e for e in facts.entities if type(e).__name__ == "PersonEntity"]
    assert len(people) == 2 and "Yu Ah-in" in next(p for p in people if p.name == "Yoo Ah-in").spellings


def test_a_family_name_after_director_refers_and_does_not_credit():
    facts = facts_of("Title: The Call\nDirector: Chung-hyun Lee\nCast: Park Shin-hye, Jeon Jong-seo, Lee El\n\n"
                     "Director Lee’s phone-line idea carries the whole film.\n", Resolver())
    directors = {c.person.value.rsplit("/", 1)[-1] for c in facts.of_type(CrewCredit)
                 if c.job.value.endswith("#director")}
    assert directors == {"chung-hyun-lee"}


def test_a_filmmaker_beside_a_named_director_is_not_a_director():
    facts = facts_of("Review: Smugglers\nI was grateful that director Ryoo Seung-wan and filmmaker Kang Hye-jung "
                     "kept the divers at the centre.\n")
    directors = {c.person.value.rsplit("/", 1)[-1] for c in facts.of_type(CrewCredit)
                 if c.job.value.endswith("#director")}
    assert directors == {"ryoo-seung-wan"}


@pytest.mark.parametrize("sentence", [
    "The cast of Lee Yo-won, Choo Ja-hyun and Kim Gyu-ri carries the school-gate politics.",
    "From left, actors Lee Yo-won, Choo Ja-hyun, and Kim Gyu-ri pose for photos.",
    "Lee Yo-won, Choo Ja-hyun and Kim Gyu-ri lead a sharp ensemble.",
    "It has Lee Yo-won, Choo Ja-hyun and Kim Gyu-ri and several others in the cast.",
])
def test_a_list_of_people_a_cast_word_introduces_or_a_cast_verb_follows(sentence):
    facts = facts_of(f"Review: Green Mothers' Club\n{sentence}\n")
    assert cast(facts) == {("Lee Yo-won", None), ("Choo Ja-hyun", None), ("Kim Gyu-ri", None)}


def test_a_list_of_people_without_a_cast_cue_is_no_cast_and_crew_lists_stay_crew():
    facts = facts_of("Review: Burning\nLee Chang-dong wrote the script with Oh Jung-mi over several years. "
                     "Oh Jung-mi and Lee Chang-dong shared the screenplay credit.\n")
    assert cast(facts) == set()


def test_a_name_list_missing_a_comma_still_splits_after_a_hyphenated_given_name():
    facts = facts_of("Review: Green Mothers' Club\nActors Lee Yo-won, Choo Ja-hyun Kim Gyu-ri and Jang Hye-jin "
                     "pose at the press event.\n")
    assert cast(facts) == {("Lee Yo-won", None), ("Choo Ja-hyun", None), ("Kim Gyu-ri", None),
                           ("Jang Hye-jin", None)}


def test_character_then_actor_in_parentheses_without_a_space():
    facts = facts_of("Review: Burning\nJong-su(Yoo Ah-in) and Hae-mi(Jeon Jong-seo) meet again by chance.\n")
    assert cast(facts) == {("Yoo Ah-in", "Jong-su"), ("Jeon Jong-seo", "Hae-mi")}


def test_a_starring_list_ends_at_its_first_item_that_is_no_name():
    facts = facts_of("Review: Green Mothers' Club\nStarring Lee Yo-won and Choo Ja-hyun, the series follows two "
                     "mothers at one school gate, Lee Eun-pyo and Byun Choon-hee.\n")
    assert cast(facts) == {("Lee Yo-won", None), ("Choo Ja-hyun", None)}


def _directors(facts) -> set[str]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {names[c.person.value] for c in facts.of_type(CrewCredit) if c.job.value.endswith("#director")}


def test_co_directed_by_two_people_credits_both():
    facts = facts_of("Review: Doctor John\nThe SBS series was co-directed by Jo Soo-won and Kim Young-hwan.\n")
    assert _directors(facts) == {"Jo Soo-won", "Kim Young-hwan"}


def test_a_job_with_the_name_set_off_by_commas():
    facts = facts_of("Review: Green Mothers' Club\nIts director, Ra Ha-na, keeps the school gate in every frame.\n")
    assert _directors(facts) == {"Ra Ha-na"}


def test_two_variant_spellings_in_one_cast_list_stay_two_people():
    facts = facts_of("Title: A Title\nCast: Kim Jin-ah, Kim Jing-ah, Park Sun-ho, Park Seon-ho\n", Resolver())
    assert len([e for e in facts.entities if type(e).__name__ == "PersonEntity"]) == 4


def test_spelling_variants_fold_only_the_usual_romanisation_pairs():
    """Seong/Sung, Joo/Ju, Shi/Si are one name spelled two ways; Seo/Soo, Yeon/Young, Young/Yun and
    Jung/Jun in a given name are two names."""
    from kgraph.extract.context import spelling_key

    for one, other in (("Seong-min", "Sung-min"), ("Byeong-hun", "Byung-hun"), ("Ji-joo", "Ji-ju"),
                       ("Shi-woo", "Si-woo"), ("Kyung-pyo", "Gyung-pyo")):
        assert spelling_key(one) == spelling_key(other), (one, other)
    for one, other in (("Seo-ji", "Soo-ji"), ("Woo-yeon", "Woo-young"), ("Seo-dong", "Soo-dong"),
                       ("Young-mi", "Yun-mi"), ("Jung-ho", "Jun-ho"), ("Kim Jung-ho", "Kim Jun-ho")):
        assert spelling_key(one) != spelling_key(other), (one, other)
