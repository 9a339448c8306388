"""Kinds of misses the third held-out set showed (data/heldout3/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

from test_phrasings import credits
from test_structure import _cast_pairs, attrs, facts_of, platforms


def _title(facts) -> str:
    return facts.title.name


# ------------------------------------------------------------------ wrong facts: the title

def test_a_festival_title_line_ending_in_its_year_is_the_title_and_year_not_the_screening_line():
    facts = facts_of("Screened as part of a film festival 2007\n\nThe Host 2006\n\nDirected by Bong Joon-ho\n\n"
                     "A creature climbs out of the Han River and carries off a schoolgirl; her family goes after it, "
                     "in a story told like a spy vs spy caper of the absurd.\n")
    assert _title(facts) == "The Host"
    assert attrs(facts)["year"] == {"2006"}


def test_a_listing_line_of_director_country_and_year_is_no_title():
    facts = facts_of("Bong Joon-ho, South Korea, 2003\n\nSong Kang-ho, Kim Sang-kyung Run time 131 mins\n\n"
                     "Two detectives hunt a serial killer in a farming province. Memories of Murder keeps its "
                     "ending open, and Memories of Murder was Bong's second feature.\n")
    assert _title(facts) == "Memories of Murder"


def test_a_reviewers_column_name_before_the_colon_is_not_the_title():
    facts = facts_of("Jane's Review Corner: Crash Landing on You\n\nGenre: Romance\nEpisodes: 16\n\n"
                     "A paraglider lands in North Korea and meets a soldier.\n")
    assert _title(facts) == "Crash Landing on You"


def test_hangul_given_in_korean_inside_the_title_field_leaves_the_latin_title_clean():
    facts = facts_of("Name: Crash Landing on You (사랑의 불시착 in Korean)\nNumber of episodes: 16\n\n"
                     "A paraglider lands in North Korea.\n")
    assert _title(facts) == "Crash Landing on You"
    assert attrs(facts)["nameKo"] == {"사랑의 불시착"}


def test_a_card_line_run_together_is_read_piece_by_piece_and_is_no_title():
    facts = facts_of("Bong Joon HoSouth Korea131 minutes2003ColourKorean\n\n"
                     "Watch Memories of Murder on the big screen this week.\n\n"
                     "Two detectives hunt a killer in a farming town, and Memories of Murder never lets them win.\n")
    assert _title(facts) == "Memories of Murder"
    assert attrs(facts)["year"] == {"2003"} and attrs(facts)["runtimeMinutes"] == {"131"}
    assert ("Bong Joon Ho", "director") in credits(facts)[1]


# ------------------------------------------------------------------ cast lists

def test_a_cast_list_with_each_comma_on_a_line_of_its_own_is_read_whole():
    facts = facts_of("The Host 2006\n\nDirected by Bong Joon-ho\n\nWith\n\nSong Kang-ho (Gang-du)\n,\n"
                     "Byun Hee-bong (Hie-bong)\n,\nBae Doona (Nam-joo)\n\n"
                     "A creature climbs out of the Han River.\n")
    assert _cast_pairs(facts) == {("Song Kang-ho", "Gang-du"), ("Byun Hee-bong", "Hie-bong"),
                                  ("Bae Doona", "Nam-joo")}


def test_a_role_title_before_a_surname_alone_is_the_characters_name():
    facts = facts_of("Memories of Murder 2003\n\nDirected by Bong Joon-ho\n\nWith\n\nSong Kang-ho (Detective Park)\n,\n"
                     "Byun Hee-bong (Sergeant Koo)\n\nTwo detectives hunt a killer in a farming province.\n")
    assert _cast_pairs(facts) == {("Song Kang-ho", "Detective Park"), ("Byun Hee-bong", "Sergeant Koo")}


# ------------------------------------------------------------------ wrong facts: characters

def test_a_role_title_before_a_three_part_name_keeps_the_whole_name():
    facts = facts_of("Title: Memories of Murder\nDirector: Bong Joon-ho\n\n"
                     "Song Kang-ho as Detective Park Doo Man is the heart of the film.\n")
    assert {c for p, c in _cast_pairs(facts) if p == "Song Kang-ho"} == {"Park Doo Man"}


def test_a_role_named_after_an_indefinite_article_is_a_description_not_a_character():
    facts = facts_of("Title: The Call\nDirector: Lee Chung-hyun\n\n"
                     "Young-sook lives with her adoptive mother, a Shaman (Lee El), in the old house.\n")
    assert not {c for _, c in _cast_pairs(facts)} & {"Shaman", "a Shaman"}


# ------------------------------------------------------------------ fact boxes without colons

def test_a_fact_box_with_dashes_for_colons_is_read():
    facts = facts_of("Drama Review – Reply 1988\n\nDrama – Reply 1988\nEpisodes – 20\nStarring – Lee Hye-ri, Ryu Jun-yeol\n\n"
                     "Five families share an alley in Ssangmun-dong.\n")
    assert attrs(facts)["episodeCount"] == {"20"}


def test_a_fact_box_of_labels_and_values_side_by_side_is_read_when_three_lines_run_together():
    facts = facts_of("Reply 1988\n\nTitle Reply 1988\nGenre Family, Comedy\nEpisodes 20\nBroadcast network tvN\n"
                     "Broadcast period 2015 November – 2016 January\n\nFive families share an alley in Ssangmun-dong.\n")
    assert attrs(facts)["episodeCount"] == {"20"} and attrs(facts)["year"] == {"2015"}
    assert platforms(facts) == {"tvN": True}  # a broadcaster


def test_a_label_on_a_line_of_its_own_takes_the_next_line_but_never_another_label():
    facts = facts_of("I Saw the Devil 2010\n\nDirected by Kim Jee-woon\n\n• Runtime\n\n144 mins\n\nDirector\n\nProducer\n\n"
                     "Kim Hyun-woo\n\nScreenplay\n\nPark Hoon-jung\n\nAn agent hunts the killer of his fiancée.\n")
    crew = credits(facts)[1]
    assert attrs(facts)["runtimeMinutes"] == {"144"}
    assert {("Kim Jee-woon", "director"), ("Park Hoon-jung", "writer")} <= crew
    assert ("Kim Hyun-woo", "director") not in crew


def test_a_length_in_episodes_an_air_date_range_and_main_leads_are_read():
    facts = facts_of("Title: Mr. Sunshine\nLength: 24 Episodes\nAir-date: Jul 7, 2018 – Sep 30, 2018\n"
                     "Main Leads: Lee Byung-hun, Kim Tae-ri\n\nA boy escapes Joseon on an American warship.\n")
    assert attrs(facts)["episodeCount"] == {"24"} and attrs(facts)["year"] == {"2018"}
    assert {p for p, _ in _cast_pairs(facts)} >= {"Lee Byung-hun", "Kim Tae-ri"}


def test_a_distributor_field_names_the_broadcasters_and_platforms_it_knows_and_no_film_company():
    facts = facts_of("Title: Mr. Sunshine\nDistributor: tvN/Netflix\nLength: 24 Episodes\n\nA boy escapes Joseon.\n")
    assert platforms(facts) == {"tvN": True, "Netflix": False}
    facts = facts_of("Title: Broker\nDistributor: CJ ENM\nRuntime: 129 minutes\n\nA baby left at a church.\n")
    assert platforms(facts) == {}


def test_a_line_that_is_only_a_running_time_or_an_episode_count_is_read():
    facts = facts_of("I Saw the Devil 2010\n\nDirected by Kim Jee-woon\n\nSouth Korea In Korean with English subtitles\n"
                     "144 minutes\n\nAn agent hunts the killer of his fiancée.\n")
    assert attrs(facts)["runtimeMinutes"] == {"144"}
    facts = facts_of("I Can Hear Your Voice (2013)\n\nLee Bo-young\nLee Jong-suk\n18 episodes\n\n"
                     "A public defender meets a boy who hears thoughts.\n")
    assert attrs(facts)["episodeCount"] == {"18"}


def test_a_crew_credit_listing_three_names_credits_all_three():
    facts = facts_of("Title: Money Heist: Korea – Joint Economic Area\n\nDirected by Kim Hong-sun and written by "
                     "Ryu Yong-jae, Kim Hwan-chae, and Choe Sung-jun, the series moves the heist to a unified Korea.\n")
    assert {("Ryu Yong-jae", "writer"), ("Kim Hwan-chae", "writer"), ("Choe Sung-jun", "writer"),
            ("Kim Hong-sun", "director")} <= credits(facts)[1]


def test_a_crew_credit_followed_by_a_sentence_about_the_cast_credits_only_the_crew():
    facts = facts_of("Title: Burning\n\nDirected by Lee Chang-dong, Yoo Ah-in and Steven Yeun star as two men "
                     "circling one woman.\n")
    assert {p for p, job in credits(facts)[1] if job == "director"} == {"Lee Chang-dong"}


def test_a_cast_heading_over_lines_that_are_only_names_credits_each_name():
    facts = facts_of("Title: Green Mothers' Club\nNetwork: JTBC\nEpisodes: 16\n\nMain Cast:\n- Lee Yo-won\n- Choo Ja-hyun\n"
                     "- Kim Gyu-ri\n\nReview\nFive mothers meet at an elementary school.\n")
    assert _cast_pairs(facts) == {("Lee Yo-won", None), ("Choo Ja-hyun", None), ("Kim Gyu-ri", None)}


def test_three_actor_and_character_lines_whose_label_was_lost_are_a_cast_list():
    facts = facts_of("Mother 2009\n\nDirected by Bong Joon-ho\n\nProduction designer\n\nRyu Seong-hie\n\n"
                     "Kim Hye-ja (mother)\nWon Bin (Do-joon)\nJin Goo (Jin-tae)\n\n"
                     "A widow sets out to clear her son of a murder.\n")
    assert _cast_pairs(facts) >= {("Won Bin", "Do-joon"), ("Jin Goo", "Jin-tae")}
    assert not {c for _, c in _cast_pairs(facts)} & {"mother", "Mother"}



def test_a_korean_name_written_given_name_first_is_a_person_in_a_character_bracket():
    facts = facts_of("Title: Money Heist: Korea – Joint Economic Area\n\nThe crew is Rio (Hyun-woo Lee), the father and "
                     "son Moscow (Won-jong Lee) and Denver (Kim Ji-hoon), and Tokyo (Jeon Jong-seo).\n")
    assert {("Hyun-woo Lee", "Rio"), ("Won-jong Lee", "Moscow")} <= _cast_pairs(facts)


def test_an_actors_name_in_hangul_before_as_does_not_hide_the_credit():
    facts = facts_of("Title: Ballerina\nDirector: Lee Chung-hyun\n\n"
                     "The film stars Jeon Jong-seo (전종서) as Jang Ok-ju, a former bodyguard.\n")
    assert ("Jeon Jong-seo", "Jang Ok-ju") in _cast_pairs(facts)


def test_a_whos_in_it_list_of_names_without_hyphens_and_with_earlier_works_credits_the_actors_only():
    facts = facts_of("I Can Hear Your Voice (2013)\n\nwho’s in it\nLee BoYoung (My Daughter Seo-young)\n"
                     "Lee JongSuk (School 2013)\nYoon SangHyun (Secret Garden)\n18 episodes\n\n"
                     "A public defender meets a boy who hears thoughts.\n")
    assert _cast_pairs(facts) == {("Lee BoYoung", None), ("Lee JongSuk", None), ("Yoon SangHyun", None)}


def test_a_director_line_on_its_own_credits_the_director():
    facts = facts_of("I Saw the Devil\n악마를 보았다\n\nDirector Kim Jee-woon\n\n"
                     "An agent hunts the serial killer who murdered his fiancée.\n")
    assert ("Kim Jee-woon", "director") in credits(facts)[1]


def test_it_broadcasts_on_a_channel_names_the_channel():
    facts = facts_of("Title: Sky Castle\nEpisodes: 20\n\nOn Fridays and Saturdays it broadcasts on JTBC.\n")
    assert platforms(facts) == {"JTBC": True}


def test_a_role_the_story_uses_as_a_name_is_the_character():
    facts = facts_of("Title: Money Heist: Korea – Joint Economic Area\n\n"
                     "A man called The Professor (Yoo Ji-tae) recruits Tokyo (Jeon Jong-seo) for the heist.\n")
    assert ("Yoo Ji-tae", "The Professor") in _cast_pairs(facts)
