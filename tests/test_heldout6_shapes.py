"""Kinds of misses the sixth held-out set showed (data/heldout6/README.md), each as a general rule
with a fixture in our own words stating only true facts about its title."""
from __future__ import annotations

from test_heldout4_shapes import _cast
from test_phrasings import credits
from test_structure import attrs, facts_of


def _title(text: str) -> str:
    return facts_of(text).title.name


def _characters(facts) -> set[str]:
    return {e.name for e in facts.entities if type(e).__name__ == "CharacterEntity"}


def test_a_title_with_commas_is_read_from_its_hangul_in_square_brackets_and_a_person_with_hangul_is_not():
    text = ("The Good, the Bad, the Weird [좋은 놈, 나쁜 놈, 이상한 놈]\n\nDirected by:\n\nKim Jee-woon (김지운)\n\n"
            "Three Koreans chase a treasure map across Manchuria. The Good is a bounty hunter, the Bad a hired "
            "gun and the Weird a thief; the Bad wants the map most.\n")
    assert _title(text) == "The Good, the Bad, the Weird"


def test_a_title_line_ending_in_a_dash_and_the_year_keeps_its_commas():
    text = ("← Back to Reviews\n\nThe Good, the Bad, the Weird - 2008\nDirected by Kim Jee-woon\n\n"
            "A western set in Manchuria: the Good hunts the Bad, and the Weird steals from both. The Bad "
            "is never far behind.\n")
    assert _title(text) == "The Good, the Bad, the Weird"


def test_a_shorter_name_inside_the_headlines_title_does_not_win_by_being_repeated():
    text = ("SYMPATHY FOR MR. VENGEANCE\nBY A CRITIC\n\n“Sympathy for Mr. Vengeance” is a revenge thriller. "
            "“Sympathy” is the first film of a trilogy, and “Sympathy” is the coldest of the three.\n")
    assert _title(text).lower() == "sympathy for mr. vengeance"


def test_a_romanised_title_after_a_spaced_slash_and_a_ranked_lists_number_are_not_part_of_the_title():
    assert _title("Poetry / Shi\nWritten and directed by Lee Chang-dong\nSouth Korea, 2010, 139 min.\n\n"
                  "A grandmother takes a poetry class. Poetry won Best Screenplay at Cannes.\n") == "Poetry"
    assert _title("Wednesday, January 8, 2014\n\n62. Reply 1994 응답하라 1994 (2013) Korean\n\n"
                  "Students from the provinces share a boarding house in Seoul.\n") == "Reply 1994"


def test_a_character_the_page_says_someone_plays_is_not_the_title():
    text = ("• Genre: Drama\n• Director: Lee Chang-dong\n\nIn Lee Chang-dong's drama, a grandmother wants to "
            "write. Mija, superbly played by Yoon Jeong-hee, raises her grandson. Mija takes a class. "
            "Mija writes at last. Poetry is the film's name, and Poetry is its subject.\n")
    assert _title(text) == "Poetry"


def test_a_possessive_opening_a_title_is_kept():
    text = ("The Star - Lifestyle\n\nAn absolute scene-stealer\n\nJun Ji-hyun leads My Love From The Star, and "
            "My Love From The Star is her comeback to television.\n")
    assert _title(text) == "My Love From The Star"


def test_a_directors_earlier_film_in_brackets_is_no_actor():
    facts = facts_of("Title: Poetry\n\nA woman enrolls in a poetry class in the new film by Lee Chang-dong "
                     "(Secret Sunshine). It won Best Screenplay at Cannes.\n")
    assert "Secret Sunshine" not in _cast(facts)


def test_a_starring_list_of_actors_with_characters_in_brackets_is_read_actor_first():
    facts = facts_of("Title: The Uncanny Counter\nNetwork: OCN\n\nThe series follows demon hunters, starring "
                     "Jo Byeong-gyu (So Mun), Yoo Jun-sang (Ga Mo-tak), Kim Se-jeong (Do Ha-na), and Yeom Hye-ran "
                     "(Choo Mae-ok), who work in a noodle shop.\n")
    assert _cast(facts) == {"Jo Byeong-gyu", "Yoo Jun-sang", "Kim Se-jeong", "Yeom Hye-ran"}
    assert _characters(facts) == {"So Mun", "Ga Mo-tak", "Do Ha-na", "Choo Mae-ok"}


def test_a_stretch_of_the_film_is_no_running_time():
    facts = facts_of("Title: Sympathy for Mr. Vengeance\nYear: 2002\n\nThe final 45 minutes are hard to watch.\n")
    assert "runtimeMinutes" not in attrs(facts)


def test_the_author_of_a_named_webcomic_is_not_the_writer():
    facts = facts_of("Title: The Uncanny Counter\nNetwork: OCN\n\nThe series is based on the webcomic “Amazing "
                     "Rumor” written by Jang Yi, and directed by Yoo Seon-dong.\n")
    assert ("Jang Yi", "writer") not in credits(facts)[1]


def test_a_cast_line_of_hangul_names_with_their_romanisation_in_brackets_then_as_a_character():
    facts = facts_of("Title: Reply 1994\nNetwork: tvN\n\nWITH 고아라 (Go Ah-ra) as Sung Na-jeong; 유연석 (Yoo Yeon-seok) "
                     "as Chil-bong; 성동일 (Sung Dong-il) as Sung Dong-il;\n\nStudents share a boarding house in Seoul.\n")
    assert _cast(facts) == {"Go Ah-ra", "Yoo Yeon-seok", "Sung Dong-il"}
    assert _characters(facts) == {"Sung Na-jeong", "Chil-bong", "Sung Dong-il"}


def test_three_or_more_full_names_after_with_are_the_cast_and_two_are_not():
    facts = facts_of("Title: Reply 1994\nNetwork: tvN\n\nThe sequel goes back to 1994 with Go Ara, Jung Woo, Yoo Yeon Seok "
                     "and Kim Sung Kyun, and the parents of the first part.\n")
    assert {"Go Ara", "Jung Woo", "Yoo Yeon Seok", "Kim Sung Kyun"} <= _cast(facts)
    facts = facts_of("Title: Reply 1994\nNetwork: tvN\n\nNa-jeong lives in Seoul with Sung Dong Il and Lee Il Hwa, "
                     "her parents in the story.\n")
    assert not {"Sung Dong Il", "Lee Il Hwa"} & _cast(facts)


def test_an_unlabelled_cast_line_may_hold_a_stage_name_among_the_korean_names():
    facts = facts_of("Title: Reply 1994\nYear: 2013\n\nGo Ara, Jung Woo, Sung Dong Il, Lee Il Hwa, Yoo Yeon Seok, Baro\n\n"
                     "A boarding house in Sinchon, 1994.\n")
    assert _cast(facts) == {"Go Ara", "Jung Woo", "Sung Dong Il", "Lee Il Hwa", "Yoo Yeon Seok", "Baro"}


def test_one_actor_spelled_with_two_romanisations_of_the_family_name_is_one_person():
    facts = facts_of("Title: The Uncanny Counter\nNetwork: OCN\nCast: Jo Byeong-gyu, Yoo Jun-sang, Kim Se-jeong, Yeom Hye-ran\n\n"
                     "Choo Mae-ok (Yum Hye-ran) runs the noodle shop where the hunters work.\n")
    assert _cast(facts) == {"Jo Byeong-gyu", "Yoo Jun-sang", "Kim Se-jeong", "Yeom Hye-ran"}


def test_a_title_field_with_an_aka_gives_its_first_name():
    facts = facts_of("title: My Love From the Star aka My Love From Another Star\nyear: 2013\nnetwork: SBS\n\n"
                     "An alien who landed in Joseon falls for an actress.\n")
    assert facts.title.name == "My Love From the Star"


def test_a_characters_nickname_before_the_actor_is_not_the_character():
    facts = facts_of("Title: The Good, the Bad, the Weird\nYear: 2008\n\nPark Chang-yi, the Bad (Lee Byung-hun) is paid to "
                     "rob a train. Yoon Tae-goo, the Weird (Song Kang-ho) robs it first.\n")
    assert _characters(facts) == {"Park Chang-yi", "Yoon Tae-goo"}


def test_a_title_line_ending_in_a_dash_and_the_year_gives_the_year():
    facts = facts_of("The Good, the Bad, the Weird - 2008\nDirected by Kim Jee-woon\n\nA western set in Manchuria, "
                     "where the Good hunts the Bad.\n")
    assert attrs(facts)["year"] == {"2008"}
