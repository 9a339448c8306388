"""Kinds of misses the fourth held-out set showed (data/heldout4/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

import pytest

from test_phrasings import credits
from test_related import related
from test_structure import _cast_pairs, attrs, facts_of


def _title(facts) -> str:
    return facts.title.name


def _cast(facts) -> set[str]:
    """The reviewed title's cast (a mention's credits on another work left out)."""
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {names[c.person.value] for c in facts.claims
            if type(c).__name__ == "CastCredit" and c.title.value == facts.title.iri}


# ------------------------------------------------------------------ wrong facts: the title

TITLE_PAGES = {
    # a listing's title with its director and year in brackets beats a blog's date stamp ("Mar/19")
    "director-and-year-in-brackets": (
        "14\nMar/19\n\nTHE CINEMA OF BONG JOON-HO: THE HOST (Bong Joon-ho, 2006)\n\n"
        "A creature climbs out of the Han River and takes a schoolgirl. The Host is screening on Sunday.\n", "the host"),
    # a title line with its romanised original and country beats a festival's acronym and edition
    "romanised-original-and-country": (
        "South Korea, 2004 (MIFF 2004, Regional Focus)\n\nDirector: Bong Joon-ho\n\n"
        "Memories of Murder (Salinui chueok) South Korea\n\nTwo detectives hunt a killer in a farming province. "
        "Bong Joon-ho (Barking Dogs Never Bite, MIFF 2001) follows his debut, which MIFF 2001 screened.\n",
        "memories of murder"),
    # a cinema's age rating after the title line is no part of the title
    "age-rating": ("Oldboy 18+\n\n(Oldeuboi), Park Chan-wook, Korea 2003, Korean / English subtitles, 120 min\n\n"
                   "A man is locked in a room for fifteen years and then let go.\n", "oldboy"),
    # a nationality and a decade the body repeats are no title
    "nationality-and-decade": (
        "Song Kang-ho and Gong Yoo headline a spy thriller set in the 1920s, when the Japanese police hunted Korean "
        "fighters and the Japanese army held Seoul through the 1920s.\nThe Age of Shadows is an epic, and the "
        "Japanese never see the end coming in The Age of Shadows.\n", "the age of shadows"),
    # a role title and surname the body repeats is a character; works in brackets after people are asides
    "role-and-surname": (
        "Ryoo Seung-wan (The Unjust, 2010; The Berlin File, 2013) is back. Hwang Jung-min (The Unjust) takes the "
        "lead as Detective Seo. Detective Seo chases a spoiled heir, and Detective Seo never lets go. Veteran is "
        "loud, and Veteran was a hit.\n", "veteran"),
    # a title field with a second name after a spaced slash names the title first
    "second-name-after-a-slash": ("Title : Reply 1988 / Answer Me 1988\nEpisodes : 20\nNetwork : tvN\n\n"
                                  "Five families share an alley in Ssangmun-dong.\n", "reply 1988"),
}


@pytest.mark.parametrize("page", TITLE_PAGES, ids=list(TITLE_PAGES))
def test_the_title_comes_from_the_line_that_names_it(page):
    text, title = TITLE_PAGES[page]
    assert _title(facts_of(text)).lower() == title


def test_a_title_lines_bracketed_year_is_read_and_a_festival_edition_is_not():
    assert attrs(facts_of(TITLE_PAGES["director-and-year-in-brackets"][0]))["year"] == {"2006"}
    assert "2004" not in attrs(facts_of(TITLE_PAGES["romanised-original-and-country"][0])).get("year", set())


# ------------------------------------------------------------------ wrong facts: people of another work

def test_the_stars_of_a_drama_the_review_compares_are_not_the_cast():
    facts = facts_of("Title: It's Okay to Not Be Okay\nNetwork: tvN\n\n"
                     "Kim Soo-hyun plays Moon Gang-tae. The healing theme reminds me of the 2014 drama "
                     "“It’s Okay, That’s Love” starring Gong Hyo-jin and Jo In-sung.\n")
    assert not _cast(facts) & {"Gong Hyo-jin", "Jo In-sung"}


def test_the_stars_of_a_remake_are_not_the_cast():
    facts = facts_of("Title: A Tale of Two Sisters\nDirector: Kim Jee-woon\n\n"
                     "It was remade in Hollywood as The Uninvited, directed by Charles and Thomas Guard and "
                     "starring Elizabeth Banks and Emily Browning.\n")
    assert not _cast(facts) & {"Elizabeth Banks", "Emily Browning"}


def test_an_earlier_drama_in_brackets_after_an_actor_is_no_actor():
    facts = facts_of("Title: It's Okay to Not Be Okay\n\n"
                     "Starring Kim Soo-hyun (My Love from the Star) and Seo Ye-ji as two wounded people, the series "
                     "aired on tvN.\n")
    assert not any(person.startswith("My ") for person in _cast(facts))


def test_an_action_sequence_director_is_not_the_films_director():
    facts = facts_of("Title: Veteran\n\nDirector Ryoo Seung-wan stages the chases again with action sequence "
                     "director Jung Doo-hong.\n")
    directors = {person for person, job in credits(facts)[1] if job == "director"}
    assert "Jung Doo-hong" not in directors and "Ryoo Seung-wan" in directors


def test_a_name_whose_last_syllable_is_in_lower_case_is_read_whole():
    facts = facts_of("Title: The Age of Shadows\n\nIt is the latest from director Kim Jee woon (The Good, the Bad, the "
                     "Weird). Lee Jung-chool (Song Kang ho) works for the Japanese police.\n")
    directors = {person for person, job in credits(facts)[1] if job == "director"}
    assert directors == {"Kim Jee Woon"}
    assert ("Song Kang Ho", "Lee Jung-chool") in _cast_pairs(facts)


def test_a_sentence_opener_is_no_part_of_a_character_before_its_actor():
    facts = facts_of("Title: Itaewon Class\nNetwork: JTBC\n\n"
                     "How Park Sae-ro-yi (Park Seo joon) rises after prison is the story of the series.\n")
    assert {c for p, c in _cast_pairs(facts)} == {"Park Sae-ro-yi"}


# ------------------------------------------------------------------ cast lists between bars, fact-box labels

def test_a_fact_box_cast_between_bars_and_a_second_cast_line_are_read_whole():
    facts = facts_of("Title: Crash Landing on You\n\n  • Main Cast: Hyun Bin | Son Ye-jin | Seo Ji-hye | Kim Jung-hyun |\n"
                     "  • Supporting Cast: Oh Man-seok | Kim Young-min |\n  • Streaming Site: Netflix\n\n"
                     "A paraglider lands in North Korea.\n")
    assert _cast(facts) == {"Hyun Bin", "Son Ye-jin", "Seo Ji-hye", "Kim Jung-hyun", "Oh Man-seok", "Kim Young-min"}


def test_a_database_cards_unlabelled_line_of_actors_between_bars_is_the_cast():
    facts = facts_of("The Host (2006)\n\nDirected by Bong Joon-ho\n\nThriller | Horror | Drama\n\nLength 119 minutes\n\n"
                     "Song Kang-ho | Byun Hee-bong | Park Hae-il | Bae Doona | Go Ah-sung\n\n"
                     "A creature climbs out of the Han River.\n")
    assert _cast(facts) == {"Song Kang-ho", "Byun Hee-bong", "Park Hae-il", "Bae Doona", "Go Ah-sung"}
    assert attrs(facts)["runtimeMinutes"] == {"119"}


def test_a_pd_label_names_the_director_and_a_creators_label_the_writers():
    facts = facts_of("Title: Hellbound\nCreators: Yeon Sang-ho, Choi Gyu-seok\nPD: Yeon Sang-ho\nStreaming Platform: Netflix\n\n"
                     "Angels announce to people the hour they will go to hell.\n")
    crew = credits(facts)[1]
    assert {("Yeon Sang-ho", "writer"), ("Choi Gyu-seok", "writer"), ("Yeon Sang-ho", "director")} <= crew


def test_actors_who_feature_in_the_title_are_its_cast():
    facts = facts_of("Title: The Chaser\nDirector: Na Hong-jin\n\n"
                     "Kim Yoon-seok and Ha Jung-woo feature in The Chaser, a thriller about a pimp who was once a cop.\n")
    assert _cast(facts) == {"Kim Yoon-seok", "Ha Jung-woo"}


# ------------------------------------------------------------------ episodes, card lines

def test_the_count_of_the_whole_run_is_the_episode_count():
    for sentence in ("The 16-episode series aired on tvN.", "Of the sixteen episodes of the series, the last is best."):
        facts = facts_of(f"Title: Crash Landing on You\n\n{sentence}\n")
        assert attrs(facts)["episodeCount"] == {"16"}


def test_a_card_line_with_commas_for_separators_gives_director_year_and_runtime():
    facts = facts_of("Oldboy\n\n(Oldeuboi), Park Chan-wook, Korea 2003, Korean / English subtitles, 120 min\n\n"
                     "A man is locked in a room for fifteen years.\n")
    assert attrs(facts)["year"] == {"2003"} and attrs(facts)["runtimeMinutes"] == {"120"}
    assert ("Park Chan-wook", "director") in credits(facts)[1]


def test_a_title_lines_bracket_of_director_and_year_credits_the_director():
    facts = facts_of(TITLE_PAGES["director-and-year-in-brackets"][0])
    assert ("Bong Joon-ho", "director") in credits(facts)[1]


# ------------------------------------------------------------------ related works

def test_a_bracket_per_work_after_an_actor_gives_each_work():
    facts = facts_of("Title: Veteran\n\nHwang Jung-min (The Unjust) (Ode to My Father) takes the lead as detective "
                     "Seo Do-cheol.\n")
    assert {("The Unjust", "Hwang Jung-min"), ("Ode to My Father", "Hwang Jung-min")} <= related(facts)


def test_a_directors_filmography_with_years_in_brackets_gives_each_work():
    facts = facts_of("Title: Veteran\n\nRyoo Seung-wan (The Berlin File, 2013; The Unjust, 2010; Crying Fist, 2005) "
                     "is back with a crowd-pleaser.\n")
    assert {("The Berlin File", "Ryoo Seung-wan"), ("The Unjust", "Ryoo Seung-wan"),
            ("Crying Fist", "Ryoo Seung-wan")} <= related(facts)


def test_two_writers_with_their_dramas_in_brackets_share_every_work():
    facts = facts_of("Title: Alchemy of Souls\nWriter: Hong Jung-eun and Hong Mi-ran (Hotel del Luna, Hwayugi, "
                     "Master’s Sun)\nNetwork: tvN\n")
    works = {work for work, _ in related(facts)}
    assert {"Hotel del Luna", "Hwayugi"} <= works
    assert {person for _, person in related(facts)} == {"Hong Jung-eun", "Hong Mi-ran"}


def test_the_stars_of_another_work_become_its_cast_in_a_mention():
    facts = facts_of("Title: It's Okay to Not Be Okay\nNetwork: tvN\n\n"
                     "It reminds me of the 2014 drama “It’s Okay, That’s Love” starring Gong Hyo-jin and Jo In-sung.\n")
    assert {("It's Okay, That's Love", "Gong Hyo-jin"), ("It's Okay, That's Love", "Jo In-sung")} <= related(facts)


def test_an_actors_cameo_roles_on_other_dramas_and_a_long_title_in_brackets_are_his_works():
    facts = facts_of("Title: It's Okay to Not Be Okay\n\nKim Soo-hyun (My Love from the Star) is back. "
                     "Except for his cameo roles on “Crash Landing on You” and “Hotel del Luna,” it is his first lead "
                     "in years.\n")
    assert {("My Love from the Star", "Kim Soo-hyun"), ("Crash Landing on You", "Kim Soo-hyun"),
            ("Hotel del Luna", "Kim Soo-hyun")} <= related(facts)


def test_an_actors_works_in_brackets_before_the_verb_do_not_hide_the_credit():
    facts = facts_of("Title: Veteran\n\nHwang Jung-min (The Unjust) (Ode to My Father) convincingly takes the lead as "
                     "detective Seo Do-cheol. Yoo Ah-in (Boys of Tomorrow) (Punch) plays the spoiled heir to a "
                     "conglomerate, Jo Tae-oh.\n")
    assert {("Hwang Jung-min", "Seo Do-cheol"), ("Yoo Ah-in", "Jo Tae-oh")} <= _cast_pairs(facts)


def test_a_photo_caption_of_an_actor_in_a_scene_from_the_title_credits_the_actor():
    facts = facts_of("Title: Veteran\n\nHwang Jung-min in a scene from \"Veteran\" / Courtesy of CJ E&M\n"
                     "Ryoo Seung-wan directed it.\n")
    assert "Hwang Jung-min" in _cast(facts)


def test_a_korean_title_opening_the_line_under_the_headline_is_the_hangul_title():
    facts = facts_of("Hellbound Review: A Netflix Series About Sin\n\n지옥 From the director of Train to Busan, a series "
                     "arrives on Netflix.\n\nStarring: Yoo Ah-in, Kim Hyun-joo\n")
    assert attrs(facts)["nameKo"] == {"지옥"}
