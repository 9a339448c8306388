"""Kinds of misses the second held-out set showed (data/heldout2/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

import pytest

from kgraph.extract import title_choice
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



def test_a_list_of_characters_with_described_actors_still_credits_them():
    facts = facts_of("Title: The Man from Nowhere\nDirector: Lee Jeong-beom\n\n"
                     "Two brothers run the gang: Man-seok (Kim Hee-won) and Jong-seok (a cold Kim Sung-oh).\n")
    assert ("Kim Hee-won", "Man-seok") in credits(facts)[0]


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


# ------------------------------------------------------------------ fact boxes and listing cards

def test_a_name_the_page_broke_across_lines_is_one_person():
    facts = facts_of("The Man from Nowhere\n\nDirector: Lee Jeong-beom\nCast: Won Bin, Kim Sae-ron, Kim\n"
                     "Hee-won\nGenre: Action\n\nA quiet pawnshop owner has one friend, the girl next door.\n")
    people = {person for person, _ in credits(facts)[0]}
    assert {"Won Bin", "Kim Sae-ron", "Kim Hee-won"} <= people
    assert "Kim" not in people


def test_labels_title_of_drama_casts_and_date_of_airing():
    facts = facts_of("K-Drama Diary\n\nTitle of Drama : Vincenzo\nNetwork : tvN\n"
                     "Casts: Song Joong-ki, Jeon Yeo-been, Ok Taec-yeon\n"
                     "Date of airing : 20 Feb 2021 ~ 2 May 2021\n\n"
                     "An Italian-Korean lawyer comes back to Seoul, and the prose here misspells him Vinsenzo once.\n")
    assert facts.title.name == "Vincenzo"
    assert attrs(facts)["year"] == {"2021"}
    assert {"Song Joong-ki", "Jeon Yeo-been", "Ok Taec-yeon"} <= {p for p, _ in credits(facts)[0]}


def test_a_listing_card_line_gives_director_year_and_running_time():
    facts = facts_of("Memories of Murder\n\nBong Joon-ho · 2003\n132min · DCP\n\n"
                     "Two detectives hunt a killer in the Korean countryside in 1986.\n")
    assert attrs(facts)["year"] == {"2003"}
    assert attrs(facts)["runtimeMinutes"] == {"132"}
    assert ("Bong Joon-ho", "director") in credits(facts)[1]
    facts = facts_of("The Host\n\nmidnight cinema\ndir. Bong Joon-ho / South Korea 2006 / 119’\n\n"
                     "A creature climbs out of the Han River.\n")
    assert (attrs(facts)["year"], attrs(facts)["runtimeMinutes"]) == ({"2006"}, {"119"})
    assert ("Bong Joon-ho", "director") in credits(facts)[1]


def test_a_card_line_with_only_a_year_beside_words_gives_no_year():
    facts = facts_of("The Host\n\nSeoul screenings · 2023\n\nA creature climbs out of the Han River.\n")
    assert "2023" not in attrs(facts).get("year", set())


# ------------------------------------------------------------------ the reviewed title

def test_a_title_quoted_inside_a_question_headline_is_the_title():
    facts = facts_of("K-Drama Review: Why ‘Beyond Evil’ Keeps You Guessing\n\n"
                     "Beyond Evil aired on JTBC in 2021. Shin Ha-kyun and Yeo Jin-goo play two detectives.\n"
                     "Beyond Evil never lets its suspects rest.\n")
    assert facts.title.name == "Beyond Evil"


def test_a_platform_after_the_title_in_a_review_headline_is_not_part_of_it():
    facts = facts_of("Itaewon Class on Netflix review – a revenge story told over a bar counter\n\n"
                     "Itaewon Class follows Park Sae-ro-yi as he opens a pub in Itaewon. Itaewon Class aired on JTBC.\n")
    assert facts.title.name == "Itaewon Class"


def test_an_aside_in_parentheses_under_the_title_line_is_not_the_title():
    facts = facts_of("Itaewon Class\n( A Korean drama review)\n\nYear : 2020\nEpisodes : 16\n\n"
                     "Itaewon Class is about Park Sae-ro-yi (Park Seo-joon), who opens a pub. Park Sae-ro-yi "
                     "wants revenge on Jang Dae-hee. Park Sae-ro-yi never gives up, and Itaewon Class lets him win.\n")
    assert facts.title.name == "Itaewon Class"


@pytest.mark.parametrize("line", ["2023", "21th JULY, 22:00", "Sat, Jun 17, 2023, 6:30pm"])
def test_a_screening_date_or_time_is_never_a_title(line):
    assert not title_choice.plausible(line)


def test_a_fact_box_label_on_the_first_line_is_not_the_title():
    facts = facts_of("Director: Bong Joon-ho\nWriter: Bong Joon-ho\nStarring: Song Kang-ho, Bae Doo-na\n"
                     "Runtime: 119 minutes\nStory: \"The Host\" is the latest film from Director Bong Joon-ho, and "
                     "\"The Host\" mixes a creature film with a family comedy.\n")
    assert facts.title.name == "The Host"


def test_a_programme_series_label_does_not_replace_the_films_headline():
    facts = facts_of("Memories of Murder\n\nFilm Info\nSeries:Bong Hits\nRelease Year:2003\n\n"
                     "Part of Bong Hits, a season of Bong Joon-ho's films. Memories of Murder follows two "
                     "detectives in 1986.\n")
    assert facts.title.name == "Memories of Murder"


def test_a_header_boxs_lone_credit_lines_give_director_and_cast():
    facts = facts_of("\"Oldboy\"\n\n120 minutes | R\nDirected by Park Chan-wook\nStarring Choi Min-sik, Yoo Ji-tae\n\n"
                     "A man is locked in a room for fifteen years and never told why.\n")
    cast, crew = credits(facts)
    assert ("Park Chan-wook", "director") in crew
    assert {"Choi Min-sik", "Yoo Ji-tae"} <= {p for p, _ in cast}
    assert attrs(facts)["runtimeMinutes"] == {"120"}


# ------------------------------------------------------------------ nominations

def test_nominations_listed_one_per_line_under_the_sentence_that_announces_them():
    facts = facts_of("Title: Beyond Evil\nNetwork: JTBC\n\n"
                     "The series was nominated in these categories at the 57th Baeksang Arts Awards in 2021:\n"
                     "Best Drama\n"
                     "Best Director for TV - Shim Na-yeon\n"
                     "Best Actor in a TV Series - Shin Ha-kyun as Lee Dong-sik\n\n"
                     "Two detectives reopen a case from twenty years before.\n")
    found = {(n[2], n[3], n[4]) for n in nominations(facts)}
    assert {("Best Drama", None, "nominated"), ("Best Director for TV", "Shim Na-yeon", "nominated"),
            ("Best Actor in a TV Series", "Shin Ha-kyun", "nominated")} <= found
    assert not any(n[2] and n[2].startswith("Two") for n in nominations(facts))


def test_the_grand_prix_at_cannes_is_the_films_not_its_directors():
    facts = facts_of("Title: Oldboy\nDirector: Park Chan-wook\n\n"
                     "This revenge film by Park Chan-wook won the Grand Prix at the 2004 Cannes Film Festival.\n")
    assert ("Cannes Film Festival", 2004, "Grand Prix", None, "won") in nominations(facts)


# ------------------------------------------------------------------ cast lines

def test_a_line_of_nothing_but_korean_names_is_the_cast_in_either_name_order():
    facts = facts_of("The Host\n\ndir. Bong Joon-ho / South Korea 2006 / 119’\n\nFilm description\n\n"
                     "Kang-ho Song, Hee-bong Byun, Hae-il Park\n\n"
                     "A creature climbs out of the Han River and takes a girl from her family's snack bar.\n")
    assert {"Kang-ho Song", "Hee-bong Byun", "Hae-il Park"} <= {p for p, _ in credits(facts)[0]}


def test_a_line_listing_places_or_words_is_no_cast():
    facts = facts_of("The Host\n\ndir. Bong Joon-ho / South Korea 2006 / 119’\n\n"
                     "Seoul, Han River, Snack Bar\n\nA creature climbs out of the Han River.\n")
    assert not {"Seoul", "Han River", "Snack Bar"} & {p for p, _ in credits(facts)[0]}


def test_performances_from_a_list_of_actors_credits_each_one():
    facts = facts_of("Title: Oldboy\nDirector: Park Chan-wook\n\n"
                     "The fierce performances from Choi Min-sik, Yoo Ji-tae and Kang Hye-jung carry the film, and "
                     "the hallway fight is still famous.\n")
    assert {"Choi Min-sik", "Yoo Ji-tae", "Kang Hye-jung"} <= {p for p, _ in credits(facts)[0]}
