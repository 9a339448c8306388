"""Structure readers and value readers on layouts the seed never used (issue 9). Fixtures are
in our own words and state only true facts about the titles they name (or only structure)."""
from __future__ import annotations

import pytest

from kgraph.extract import extract, values
from kgraph.extract.overview import LABELS_FILE, load_labels, read_overview
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def facts_of(text: str, path: str = "page.txt", fmt: str = "text"):
    [doc] = read_text(text, path, fmt)
    return extract(doc, RESOLVER)


def attrs(facts) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in facts.statements:
        out.setdefault(str(s.predicate).rsplit("#", 1)[-1], set()).add(str(getattr(s.value, "value", s.value)))
    return out


def platforms(facts) -> dict[str, bool]:
    """Platform name -> is a broadcaster, for the platforms the title is stated to be on."""
    stated = {str(s.value.value) for s in facts.statements if str(s.predicate).endswith("#platform")}
    return {e.name: e.broadcaster for e in facts.entities
            if type(e).__name__ == "PlatformEntity" and e.iri in stated}


def people(facts, kind: str) -> set[str]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {names[c.person.value] for c in facts.claims if type(c).__name__ == kind}


# ------------------------------------------------------------------ labels as data

def test_every_line_of_the_label_table_is_a_label_and_a_field():
    table = load_labels()
    assert len(table) > 100
    lines = [ln for ln in LABELS_FILE.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(lines) == len(table), "a label is listed twice"
    assert table["original network"] == "network" and table["감독"] == "director"
    assert table["not currently available on"] == "not_platform"


def test_a_fan_blog_fact_box_without_an_overview_heading():
    text = """Review: Hometown Cha-Cha-Cha
Posted by a reader in Reviews
Starring: Shin Min-a, Kim Seon-ho
Year Released: 2021
Original Network: tvN
Screenwriter: Shin Ha-eun
Director(s): Yoo Je-won
The show follows a dentist who moves to a seaside village.
"""
    facts = facts_of(text)
    assert facts.title.name == "Hometown Cha-Cha-Cha"
    assert attrs(facts)["year"] == {"2021"}
    assert platforms(facts) == {"tvN": True}
    assert people(facts, "CastCredit") == {"Shin Min-a", "Kim Seon-ho"}
    assert people(facts, "CrewCredit") == {"Shin Ha-eun", "Yoo Je-won"}


def test_korean_labels():
    facts = facts_of("제목: 발레리나\nTitle: Ballerina\n방송사: tvN\n장르: Action\n러닝타임: 93분\n"
                     "It is a film about revenge.\n")
    assert facts.title.name == "Ballerina"
    [doc] = read_text("제목: 발레리나\n방송사: tvN\n", "ko.txt")
    fields, _ = read_overview(doc)
    assert fields["title"].value == "발레리나" and fields["network"].value == "tvN"


def test_unknown_labels_of_a_fact_box_are_still_reported():
    facts = facts_of("Overview\nTitle: Ballerina\nBest Snack: popcorn\n", "box.txt")
    assert any("'Best Snack'" in w and "box.txt" in w for w in facts.warnings)


# ------------------------------------------------------------------ value readers

@pytest.mark.parametrize("text, minutes", [
    ("132 min", 132), ("2h 12m", 132), ("1 hr 20 min", 80), ("PT93M", 93), ("PT1H33M", 93),
    ("12 episodes, ~1h 20m each", 80), ("93 minutes", 93), ("60–70 minutes", None), ("soon", None),
])
def test_minutes(text, minutes):
    assert values.minutes(text) == minutes


@pytest.mark.parametrize("text, count", [
    ("16", 16), ("16 episodes", 16), ("2025 (12 episodes)", 12), ("all nine episodes", 9),
    ("a twelve-episode series", 12), ("Season 1: 6, Season 2: 6", 12), ("twenty-four episodes", 24),
])
def test_episodes(text, count):
    assert values.episodes(text) == count


def test_out_of_range_is_an_error_not_a_clamp():
    with pytest.raises(values.OutOfRange):
        values.minutes("-90 minutes")
    with pytest.raises(values.OutOfRange):
        values.year("99999")


def test_runtime_with_episodes_in_one_field():
    facts = facts_of("Overview\nTitle: Hometown Cha-Cha-Cha\nEpisodes: 16\nRuntime: 16 episodes, ~1h 10m each\n")
    assert attrs(facts)["runtimeMinutes"] == {"70"} and attrs(facts)["episodeCount"] == {"16"}


def test_episode_count_in_words_in_prose():
    facts = facts_of("Review: Hometown Cha-Cha-Cha\nI watched all sixteen episodes of this tvN series "
                     "in one week, even the first two episodes twice.\n")
    assert attrs(facts)["episodeCount"] == {"16"}


# ------------------------------------------------------------------ the reviewed title

@pytest.mark.parametrize("headline, title", [
    ("Review: Doctor John", "Doctor John"),
    ("'Doctor John' Review: a quiet medical drama", "Doctor John"),
    ("Doctor John Review", "Doctor John"),
    ("Doctor John (닥터 요한, 2019)", "Doctor John"),
    ("Why I finally watched \u201cDoctor John\u201d", "Doctor John"),
])
def test_title_from_the_headline_shape(headline, title):
    facts = facts_of(f"{headline}\nDoctor John aired on SBS in 2019. Ji Sung plays Cha Yo-han in Doctor John.\n")
    assert facts.title.name == title


def test_hangul_and_year_in_the_heading_with_digits():
    facts = facts_of("Money Heist: Korea (종이의 집: 공동경제구역, 2022)\nA remake set in a joint economic area.\n")
    assert attrs(facts)["nameKo"] == {"종이의 집: 공동경제구역"} and attrs(facts)["year"] == {"2022"}


def test_a_page_without_a_title_line_is_read_when_its_body_names_one_title():
    text = ("Posted on a Tuesday\nThe first thing to say about \u201cBurning\u201d is how slowly it moves. "
            "Yoo Ah-in plays Jong-su.\nBy the end, Burning feels like a thriller after all.\n")
    facts = facts_of(text)
    assert facts.title.name == "Burning"
    assert any("no 'Title:' line" in w for w in facts.warnings)


def test_a_featured_block_never_lends_its_title():
    text = """Search This Blog
Featured
Doctor John: a quiet medical drama
Ji Sung plays Cha Yo-han in this SBS series.
Ballerina (발레리나) review
Overview
Title: Ballerina
Director: Lee Chung-hyun
Story
Jeon Jong-seo plays Ok-ju.
"""
    facts = facts_of(text)
    assert facts.title.name == "Ballerina"
    assert "Ji Sung" not in people(facts, "CastCredit")
    assert "SBS" not in platforms(facts)


def test_a_dateline_opening_the_page_is_the_date_not_the_title():
    [doc] = read_text("date 2023-10-06 Name: Ballerina\nRuntime: 93 minutes\nA Netflix film.\n", "d.txt")
    facts = extract(doc, RESOLVER)
    assert doc.date_published == "2023-10-06" and facts.title.name == "Ballerina"


# ------------------------------------------------------------------ availability

def test_negated_availability_is_never_a_platform():
    facts = facts_of("Overview\nTitle: Ballerina\nWhere to watch: Netflix; not currently streaming on Disney+\n"
                     "Not Currently Available On: Hulu, Prime Video\nStory\n"
                     "It is not currently streaming on Tving, and it is no longer on Wavve.\n")
    assert platforms(facts) == {"Netflix": False}


def test_qualified_availability_keeps_its_qualifier():
    facts = facts_of("Overview\nTitle: Ballerina\nWhere to watch: Netflix, Apple TV (rental). "
                     "Availability varies by region\n")
    notes = attrs(facts)["platformNote"]
    assert {"Netflix (Availability varies by region)", "Apple TV (rental)"} <= notes


def test_a_channel_field_splits_broadcaster_and_platform():
    facts = facts_of("Overview\nTitle: Hometown Cha-Cha-Cha\nChannel: tvN, Netflix\n")
    assert platforms(facts) == {"tvN": True, "Netflix": False}


# ------------------------------------------------------------------ tables and front matter

def test_an_infobox_pipe_table_gives_fields():
    text = """Hometown Cha-Cha-Cha | |
---|---|
Hangul | 갯마을 차차차 |
Written by | Shin Ha-eun[1] |
Directed by | Yoo Je-won |
No. of episodes | 16 |
Network | tvN |
"""
    facts = facts_of(text)
    assert facts.title.name == "Hometown Cha-Cha-Cha"
    assert attrs(facts)["nameKo"] == {"갯마을 차차차"} and attrs(facts)["episodeCount"] == {"16"}
    assert people(facts, "CrewCredit") == {"Shin Ha-eun", "Yoo Je-won"} and platforms(facts) == {"tvN": True}


def test_a_markdown_review_with_front_matter_and_a_cast_table():
    text = """---
title: "Ballerina, at a glance"
date: 2023-10-10
author: a reader
---
# Ballerina (발레리나)

| Field | Value |
|---|---|
| Director | Lee Chung-hyun |
| Year | 2023 |
| Runtime | 93 min |

## Cast

| Actor | Character |
|---|---|
| Jeon Jong-seo | Ok-ju |
| Kim Ji-hoon | Choi Pro |

A revenge film that streams on Netflix.
"""
    [doc] = read_text(text, "glance.md", "markdown")
    facts = extract(doc, RESOLVER)
    assert doc.date_published == "2023-10-10" and doc.author == "a reader"
    assert facts.title.name == "Ballerina"
    assert attrs(facts)["year"] == {"2023"} and attrs(facts)["runtimeMinutes"] == {"93"}
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    cast = {(names[c.person.value], names[c.character.value]) for c in facts.claims
            if type(c).__name__ == "CastCredit" and c.character}
    assert cast == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}
    assert people(facts, "CrewCredit") == {"Lee Chung-hyun"}


def test_one_hangul_title_and_year_is_one_title_whatever_the_romanisation():
    first = facts_of("Overview\nTitle: Hometown Cha-Cha-Cha (갯마을 차차차)\nYear: 2021\n")
    second = facts_of("Overview\nTitle: Hometown Chachacha (갯마을 차차차)\nYear: 2021\n")
    other_year = facts_of("Overview\nTitle: Hometown Cha-Cha-Cha (갯마을 차차차)\nYear: 2099\n")
    assert first.title.iri == second.title.iri != other_year.title.iri
    assert {first.title.name, second.title.name} == {"Hometown Cha-Cha-Cha", "Hometown Chachacha"}


# ------------------------------------------------------------------ people by name shape

@pytest.mark.parametrize("name", ["O Yeong-su", "Gi Eun-se", "Seol Kyung-gu", "Sol Kyung Gu", "Hwangbo Ra-el",
                                  "Ahn Hyo-seop", "Shin Min-a"])
def test_rare_family_names_and_one_letter_syllables_are_name_shaped(name):
    from kgraph.extract.patterns import is_korean_name
    assert is_korean_name(name)


def test_a_non_korean_actor_in_a_credit_phrasing():
    facts = facts_of("Overview\nTitle: Decision to Leave\nStory\nPark Hae-il plays Hae-jun, and Tang Wei plays "
                     "Seo-rae, the widow he cannot stop watching.\n")
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    cast = {(names[c.person.value], names[c.character.value]) for c in facts.claims
            if type(c).__name__ == "CastCredit" and c.character}
    assert cast == {("Park Hae-il", "Hae-jun"), ("Tang Wei", "Seo-rae")}


# ------------------------------------------------------------------ the title a page keeps naming

def test_the_title_the_body_keeps_naming_beats_a_venue_and_date_headline():
    text = ("Directed by Lee Chang-dong\nSouth Korea2018\nThursday, 8 March - 7:30pm\n@ Studio Two\n\n"
            "Lee Chang-dong comes back with Burning, a slow mystery. Yoo Ah-in plays Jong-su.\n"
            "Burning never explains itself, and that is the point.\n")
    facts = facts_of(text)
    assert facts.title.name == "Burning"


@pytest.mark.parametrize("headline", [
    "ENG Burning",  # a language tag before the title on a multilingual listing
    "Korean Drama Review by Mina, Seoul",  # the kind of review and its author, not a title
])
def test_tags_and_kinds_in_a_headline_are_not_the_title(headline):
    facts = facts_of(f"{headline}\n\nBurning follows Jong-su, a would-be writer. Burning is Lee Chang-dong's "
                     "sixth feature.\n")
    assert facts.title.name == "Burning"


def test_a_broadcaster_and_year_line_is_not_the_title():
    facts = facts_of("Green Mothers' Club\nJTBC (2022) 16 Episodes\nLee Yo-won leads Green Mothers' Club.\n")
    assert facts.title.name == "Green Mothers' Club"


def test_a_makers_title_opening_the_body():
    facts = facts_of("Lee Chang-dong’s Burning (Beoning) follows Jong-su, who meets Hae-mi again by chance.\n"
                     "It is a film about what cannot be seen.\n")
    assert facts.title.name == "Burning"


def test_a_quoted_earlier_work_in_the_opening_is_not_the_title():
    facts = facts_of("Eight years after \u201cPoetry,\u201d director Lee Chang-dong returns with \u201cBurning,\u201d "
                     "a mystery about two young men and a woman.\nYoo Ah-in plays Jong-su.\n")
    assert facts.title.name == "Burning"


def test_a_title_field_with_hangul_and_romanisation_in_one_open_parenthesis():
    facts = facts_of("Title: Burning (버닝 or Beoning (2018)\nStarring: Yoo Ah-in\n")
    assert facts.title.name == "Burning"
    assert attrs(facts)["nameKo"] == {"버닝"} and attrs(facts)["year"] == {"2018"}


def test_in_n_episodes_opening_a_sentence_is_a_stretch_not_the_count():
    facts = facts_of("Review: Green Mothers' Club\nIn 4 episodes, the mothers' feud barely moves.\n"
                     "There are 16 episodes of about an hour each on JTBC.\n")
    assert attrs(facts)["episodeCount"] == {"16"}


def test_a_credit_line_headline_and_a_body_naming_no_title_is_a_clear_error():
    from kgraph.errors import ExtractionError

    with pytest.raises(ExtractionError, match="no review title found"):
        facts_of("Directed by Lee Chang-dong\nThursday, 8 March - 7:30pm\n\nA slow film about three young "
                 "people and a greenhouse that may never have burned.\n")


# ------------------------------------------------------------------ roles in a cast list

def _cast_pairs(facts) -> set[tuple[str, str | None]]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {(names[c.person.value], names[c.character.value] if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}


def test_a_role_with_a_slash_keeps_the_name_and_drops_what_describes():
    facts = facts_of("Title: Burning\nCast: Yoo Ah-in (Lee Jong-su/Hae-mi's old neighbour), Steven Yeun (Ben)\n")
    assert _cast_pairs(facts) == {("Yoo Ah-in", "Lee Jong-su"), ("Steven Yeun", "Ben")}


def test_a_role_of_alternatives_that_name_nobody_is_no_character():
    facts = facts_of("Title: Burning\nCast: Yoo Ah-in (Deliveryman/Aspiring Writer), Jeon Jong-seo (Hae-mi)\n")
    assert _cast_pairs(facts) == {("Yoo Ah-in", None), ("Jeon Jong-seo", "Hae-mi")}


# ------------------------------------------------------------------ platforms in prose

@pytest.mark.parametrize("text, expected", [
    ("Review: Ballerina\nNetflix's Ballerina opens in a dark club.\n", {"Netflix"}),
    ("Review: Ballerina\nNetflix's \u201cBallerina\u201d opens in a dark club.\n", {"Netflix"}),
    ("Review: Ballerina\nBallerina is coming to Netflix in October.\n", {"Netflix"}),
    ("Review: The Call\n*The Call* on Netflix is a tense thriller told over one phone line.\n", {"Netflix"}),
    ("Review: Beating Again\nI found Beating Again registered on Netflix years after it aired.\n", {"Netflix"}),
    ("Review: Lovers of the Red Sky\nLovers of the Red Sky is streaming on Viki in some regions and on Viu "
     "in others.\n", {"Viki", "Viu"}),
])
def test_platforms_named_in_prose(text, expected):
    assert set(platforms(facts_of(text))) == expected


def test_a_platform_the_title_is_not_on_stays_out_of_prose_platforms():
    facts = facts_of("Review: Burning\nBurning is not currently streaming on Netflix; I watched it on a disc.\n")
    assert platforms(facts) == {}


# ------------------------------------------------------------------ the Hangul title beside the title

@pytest.mark.parametrize("text", [
    "Review: Burning\nIt took me years to see it. Burning (버닝) takes its time, and then some.\n",
    "Burning\n(버닝 / Beoning)\nA slow film about three young people, and Burning is worth the wait.\n",
    "Why I keep thinking about ‘Burning’ – a Lee Chang-dong film 버닝\nBurning is a slow film.\n",
])
def test_the_hangul_title_a_page_gives_beside_its_title(text):
    facts = facts_of(text)
    assert facts.title.name == "Burning" and attrs(facts)["nameKo"] == {"버닝"}


def test_a_hangul_name_of_a_person_is_not_the_title_s():
    facts = facts_of("Review: Burning\nThe film stars Jeon Jong-seo (전종서) as Hae-mi, and Burning is hers.\n")
    assert "nameKo" not in attrs(facts)


# ------------------------------------------------------------------ the year without a year field

@pytest.mark.parametrize("text", [
    "Review: Burning\nDirected by Lee Chang-dong, the 2018 South Korean film follows Jong-su.\n",
    "Burning\nLee Chang-dong, South Korea, 2018\nA slow mystery. Burning is long and worth it.\n",
    "Burning\n2018 148 min\nA slow mystery. Burning is long and worth it.\n",
])
def test_the_year_from_a_listing_card_or_a_definite_introduction(text):
    assert attrs(facts_of(text))["year"] == {"2018"}


def test_the_year_from_a_release_sentence():
    facts = facts_of("Review: Ballerina\nBallerina was released on Netflix on October 6, 2023, and it is short.\n")
    assert attrs(facts)["year"] == {"2023"}


@pytest.mark.parametrize("sentence", [
    "With only sixteen episodes, Green Mothers' Club never drags.",
    "Over 16 gripping episodes, Green Mothers' Club keeps its secrets.",
])
def test_episode_counts_in_more_prose_shapes(sentence):
    facts = facts_of(f"Review: Green Mothers' Club\n{sentence}\n")
    assert attrs(facts)["episodeCount"] == {"16"}
