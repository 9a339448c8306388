"""Kinds of misses a held-out set of real pages showed (data/heldout/README.md), each as a
general rule with a fixture in our own words that states only true facts about its title."""
from __future__ import annotations

import pytest

from test_phrasings import credits
from test_structure import _cast_pairs, attrs, facts_of


def _crew(facts) -> set[tuple[str, str]]:
    return credits(facts)[1]


# ------------------------------------------------------------------ the reviewed title

@pytest.mark.parametrize("headline", [
    "(Film Review) Burning [버닝]",
    "Burning – Full Review",
    "Korean Film Burning: A Review",
    "REVIEW: Burning (2018 Film) - Starring Yoo Ah-in",
])
def test_the_review_words_and_credits_of_a_headline_are_not_the_title(headline):
    facts = facts_of(f"{headline}\n\nLee Chang-dong adapts a Murakami story. Yoo Ah-in plays Jong-su, who "
                     "drives a truck.\nThe film ends in a field near the border.\n")
    assert facts.title.name == "Burning"


def test_a_bracketed_hangul_title_and_a_year_in_the_headline_are_read():
    facts = facts_of("(Film Review) Burning [버닝]\n\nA slow mystery about a greenhouse.\n")
    assert attrs(facts)["nameKo"] == {"버닝"}
    facts = facts_of("REVIEW: Burning (2018 Film) - Starring Yoo Ah-in\n\nA slow mystery about a greenhouse.\n")
    assert attrs(facts)["year"] == {"2018"}
    assert facts.title.kind == "film"


@pytest.mark.parametrize("heading", ["Conclusion", "Analysis", "Final Thoughts", "Verdict", "Synopsis", "Cast"])
def test_a_section_heading_is_never_the_title(heading):
    text = (f"{heading}\n\nKorean Title: 갯마을 차차차\nChannel: tvN\n\nSynopsis\n"
            "A dentist from Seoul opens a clinic in the seaside village of Gongjin.\n"
            "Hometown Cha-Cha-Cha is a gentle healing drama set by the sea.\n")
    facts = facts_of(text)
    assert facts.title.name == "Hometown Cha-Cha-Cha"


def test_a_fact_box_above_a_known_heading_is_the_post_not_a_page_header():
    text = ("REVIEW: Hometown Cha-Cha-Cha, a seaside romance\nDrama: Hometown Cha-Cha-Cha\n"
            "Native Title: 갯마을 차차차\nDirector: Yoo Je-won\nRelease: 2021\nEpisodes: 16\n"
            "Original Network: tvN\nTags: healing, village, romance\nWhere to watch:\nCast\n"
            "Shin Min-a as Yoon Hye-jin\nKim Seon-ho as Hong Du-sik\n")
    facts = facts_of(text)
    assert facts.title.name == "Hometown Cha-Cha-Cha"
    found = attrs(facts)
    assert found["nameKo"] == {"갯마을 차차차"} and found["year"] == {"2021"} and found["episodeCount"] == {"16"}


def test_a_paragraph_above_the_conclusion_heading_is_kept():
    text = ("(Film Review) Burning [버닝]\n\nReview\n\nLee Chang-dong's film follows Jong-su (played by Yoo Ah-in), "
            "a young man who drives his father's truck and wants to write novels, and the woman he meets "
            "again by chance.\n\nConclusion\n\nA slow burn.\n")
    facts = facts_of(text)
    assert facts.title.name == "Burning"
    assert ("Yoo Ah-in", "Jong-su") in _cast_pairs(facts)


def test_a_romanised_title_field_gives_way_to_the_english_page_heading():
    text = ("Crash Landing on You\nFrom DramaWiki\nContents\nDetails\n- Title: 사랑의 불시착 / Sarangui Bulsichak\n"
            "- Episodes: 16\n- Broadcast network: tvN\nSynopsis\nA paragliding accident carries an heiress "
            "across the border.\n")
    facts = facts_of(text)
    assert facts.title.name == "Crash Landing on You"
    assert attrs(facts)["nameKo"] == {"사랑의 불시착"}


def test_a_character_introduced_with_the_actor_in_brackets_is_not_the_title():
    text = ("Yoo Ah-in Stars As A Would-Be Novelist In The Film \u201cBurning\u201d\n\n"
            "Jong-su (Yoo Ah-in) is a delivery worker who meets a childhood neighbour again.\n"
            "Later, Jong-su sees Ben's Porsche again.\n")
    facts = facts_of(text)
    assert facts.title.name == "Burning"



# ------------------------------------------------------------------ people's names

@pytest.mark.parametrize("name, shaped", [
    ("Tang Jun-sang", True), ("Tang Joon Sang", True), ("In Gyo-jin", True), ("Hwang Woo Seul Hye", True),
    ("Wang Ji-won", True), ("Gook Joo", True),
    ("In Seoul", False),  # a preposition before a place: "In" is a family name only before a hyphenated given name
    ("Park Seo Joon Kim", False),  # a fourth word that is itself a family name starts another name
])
def test_family_names_of_the_closed_list_and_three_syllable_given_names(name, shaped):
    from kgraph.extract.patterns import is_korean_name

    assert is_korean_name(name) is shaped


def test_a_sentence_opening_in_before_a_name_is_not_part_of_the_name():
    from kgraph.extract.patterns import korean_names

    assert [n for _, _, n in korean_names("In Lee Chang-dong's hands the story slows down.")] == ["Lee Chang-dong"]


def test_cast_list_rows_with_rare_family_names_and_a_four_syllable_name():
    text = ("Crash Landing on You\nCast\n- Hyun Bin as Ri Jeong-hyeok\n- Hwang Woo Seul Hye as Do Hye Ji\n"
            "- Tang Jun-sang as Geum Eun-dong\n")
    pairs = _cast_pairs(facts_of(text))
    assert {("Hwang Woo Seul Hye", "Do Hye Ji"), ("Tang Jun-sang", "Geum Eun-dong")} <= pairs
    assert not any(p == "Woo Seul Hye" for p, _ in pairs)


# ------------------------------------------------------------------ cast lines

def _people(facts) -> set[str]:
    return {p for p, _ in _cast_pairs(facts)}


def test_a_listing_s_with_line_credits_every_actor():
    text = ("Burning\nDirected by Lee Chang-dong.\nWith Yoo Ah-in, Jeon Jong-seo, Steven Yeun.\n"
            "South Korea, 2018, DCP, color, 148 min.\n")
    assert {"Yoo Ah-in", "Jeon Jong-seo"} <= _people(facts_of(text))


def test_a_listing_card_row_of_labelled_and_bare_cells():
    text = ("Join us for a screening of \u201cBurning\u201d (2018).\n"
            "BURNING | 2018 | DIRECTOR: Lee Chang-dong | WITH: Yoo Ah-in, Jeon Jong-seo | RUNNING TIME: 2H 28M | DCP\n"
            "A delivery worker meets a childhood neighbour again.\n")
    facts = facts_of(text)
    found = attrs(facts)
    assert found["year"] == {"2018"} and found["runtimeMinutes"] == {"148"}
    assert {"Yoo Ah-in", "Jeon Jong-seo"} <= _people(facts)
    assert _crew(facts) == {("Lee Chang-dong", "director")}


def test_a_short_label_card_row_keeps_each_cell_apart():
    text = "Burning\nDir: Lee Chang-dong | South Korea | 2018 | 148 mins | Korean with English subtitles\n"
    facts = facts_of(text)
    assert attrs(facts)["runtimeMinutes"] == {"148"} and attrs(facts)["year"] == {"2018"}
    assert _crew(facts) == {("Lee Chang-dong", "director")}


def test_it_stars_a_b_and_c_with_a_non_korean_name_and_roles_by_family_name():
    text = ("Review: Burning\nIt stars Yoo Ah-in, Steven Yeun, and Jeon Jong-seo. Jong-su (Yoo) meets Hae-mi "
            "(Jeon) again, and later Ben (Yeun).\n")
    pairs = _cast_pairs(facts_of(text))
    assert {("Yoo Ah-in", "Jong-su"), ("Steven Yeun", "Ben"), ("Jeon Jong-seo", "Hae-mi")} <= pairs


def test_a_lineup_list_with_a_stage_name_in_brackets():
    text = ("Review: Twenty-Five Twenty-One\nThe tvN series has a young lineup including Kim Tae-ri, Nam Joo-hyuk, "
            "Kim Ji-yeon (Bona), Choi Hyun-wook, and Lee Joo-myung.\n")
    assert {"Kim Tae-ri", "Nam Joo-hyuk", "Kim Ji-yeon", "Choi Hyun-wook", "Lee Joo-myung"} <= _people(facts_of(text))


def test_an_actor_in_brackets_with_their_earlier_show_or_a_description():
    text = ("Review: Hometown Cha-Cha-Cha\nThe village includes Jang Young-guk (In Gyo-jin) and Oh Chun-jae "
            "(Vincenzo's Jo Han-chul), who runs the pub.\n")
    pairs = _cast_pairs(facts_of(text))
    assert {("In Gyo-jin", "Jang Young-guk"), ("Jo Han-chul", "Oh Chun-jae")} <= pairs



# ------------------------------------------------------------------ values

def test_symbol_bullets_and_a_number_sign_before_a_label():
    text = ("Review: Hometown Cha-Cha-Cha\n\u2665# of Episodes: 16\n\u2665Where to Watch: Netflix\n"
            "- # of episodes: 16\nA dentist moves to a seaside village.\n")
    facts = facts_of(text)
    assert attrs(facts)["episodeCount"] == {"16"}
    assert "Netflix" in {e.name for e in facts.entities if type(e).__name__ == "PlatformEntity"}


def test_a_label_qualified_by_a_region_is_the_label():
    from kgraph.extract.overview import normalise_field_name

    assert normalise_field_name("Where to watch in the US") == "platform"
    assert normalise_field_name("Streaming (UK)") == "platform"


def test_episodes_beside_the_year_of_an_aired_in_field():
    facts = facts_of("Review: Hometown Cha-Cha-Cha\nAired in: 2021 (16 episodes)\nChannel: tvN\n")
    assert attrs(facts)["year"] == {"2021"} and attrs(facts)["episodeCount"] == {"16"}


@pytest.mark.parametrize("sentence, year", [
    ("Film \u201cBurning\u201d (2018) was Lee Chang-dong's first film in eight years.", "2018"),
    ("Burning is 2018 South Korean mystery film directed by Lee Chang-dong.", "2018"),
    ("Burning premieres on CGV Arthouse screens May 17th, 2018, after its Cannes screening.", "2018"),
])
def test_the_year_from_more_body_shapes(sentence, year):
    facts = facts_of(f"Review: Burning\n{sentence}\n")
    assert attrs(facts)["year"] == {year}


def test_the_runtime_of_a_listing_card_line():
    text = ("Burning\n(Beoning)\n\nDirected by Lee Chang-dong.\nWith Yoo Ah-in, Steven Yeun, Jeon Jong-seo.\n"
            "Korean with English subtitles.\nA slow film.\nSouth Korea, 2018, DCP, color, 148 min.\n")
    assert attrs(facts_of(text))["runtimeMinutes"] == {"148"}


def test_a_weekday_drama_of_a_broadcaster_is_a_series_on_that_network():
    facts = facts_of("Review: Hometown Cha-Cha-Cha\nIn 2021, tvN's new weekend drama 'Hometown Cha-Cha-Cha' "
                     "brought Shin Min-a to Gongjin.\n")
    assert facts.title.kind == "series"
    assert "tvN" in {e.name for e in facts.entities if type(e).__name__ == "PlatformEntity"}


def test_released_worldwide_by_a_platform():
    facts = facts_of("Review: Hometown Cha-Cha-Cha\nThe series was released worldwide by Netflix in 2021.\n")
    assert "Netflix" in {e.name for e in facts.entities if type(e).__name__ == "PlatformEntity"}


def test_a_cast_label_on_its_own_line_above_a_comma_list():
    text = ("Crash Landing on You (2019)\n\nAn heiress lands in the North by accident.\n\nMain Cast\n"
            "Hyun Bin, Son Ye-jin, Seo Ji-hye, Kim Jung-hyun\nStudio Dragon\n")
    assert {"Hyun Bin", "Son Ye-jin", "Seo Ji-hye", "Kim Jung-hyun"} <= _people(facts_of(text))


def test_a_cast_field_cut_off_after_one_letter_names_nobody():
    facts = facts_of("Overview\nTitle: Ballerina\nDirector: Lee Chung-hyun\nMain Cast: J")
    assert _people(facts) == set()


def test_crew_phrasings_of_news_and_encyclopedia_pages():
    text = ("Review: Burning\nBurning is a 2018 mystery film co-written, produced, and directed by Lee Chang-dong. "
            "Lee Chang-dong, the film's director, said little at the premiere.\n")
    assert {("Lee Chang-dong", "director"), ("Lee Chang-dong", "writer")} <= _crew(facts_of(text))


# ------------------------------------------------------------------ one person, one character

def test_a_name_written_family_name_last_is_the_same_person():
    text = ("Burning\nCast: Ah-in Yoo, Jong-seo Jeon, Steven Yeun\n"
            "It follows Jong-su (Yoo Ah-in), who meets Hae-mi (Jeon Jong-seo) again.\n")
    facts = facts_of(text)
    people = [e for e in facts.entities if type(e).__name__ == "PersonEntity"]
    assert len(people) == 3
    assert {("Ah-in Yoo", "Jong-su"), ("Jong-seo Jeon", "Hae-mi")} <= _cast_pairs(facts)


def test_a_character_with_and_without_the_family_name_is_one_character():
    # one actor in both: two actors of one given name stay two characters (tests/test_realistic.py)
    text = ("Review: Move to Heaven\nGeu-ru (Tang Jun-sang) runs the family business with his uncle.\n"
            "- Tang Jun-sang as Han Geu-ru, a young trauma cleaner with an exact memory.\n")
    facts = facts_of(text)
    characters = [e for e in facts.entities if type(e).__name__ == "CharacterEntity"]
    assert len(characters) == 1 and characters[0].name == "Han Geu-ru" and "Geu-ru" in characters[0].spellings
