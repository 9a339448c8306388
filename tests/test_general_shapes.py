"""General page shapes, each in our own words: an infobox flattened to text (labels run into their
values), a credit label over a column of names, and actors in brackets after a described role."""
from __future__ import annotations

from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES
from test_structure import attrs

RESOLVER = Resolver(AliasTable.load(ALIASES))


def facts_of(text: str):
    [doc] = read_text(text, "page.txt")
    facts = extract(doc, RESOLVER)
    names = {e.iri: e.name for e in [*facts.entities, facts.title] if getattr(e, "name", None)}
    jobs = {e.iri: e.label.lower() for e in facts.entities if type(e).__name__ == "ConceptEntity"}
    cast = {(names[c.person.value], names[c.character.value] if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}
    crew = {(names[c.person.value], jobs.get(c.job.value, c.job.value.rsplit("#", 1)[-1]).lower())
            for c in facts.claims if type(c).__name__ == "CrewCredit"}
    return facts, cast, crew


def people(credits: set, job: str | None = None) -> set[str]:
    return {person for person, what in credits if job is None or what == job}


FLATTENED = """The Host
From the free encyclopedia
The Host
Theatrical poster
Directed byBong Joon-ho
Written byBong Joon-ho
Ha Joon-won
Baek Chul-hyun
StarringSong Kang-ho
Byun Hee-bong
Park Hae-il
CinematographyKim Hyung-koo
Country of originSouth Korea

The Host is a 2006 South Korean monster film directed by Bong Joon-ho.
"""


def test_an_infobox_flattened_to_text_gives_every_name_of_its_columns():
    _, cast, crew = facts_of(FLATTENED)
    assert {"Bong Joon-ho", "Ha Joon-won", "Baek Chul-hyun"} <= people(crew, "writer")
    assert "Bong Joon-ho" in people(crew, "director")
    assert {"Song Kang-ho", "Byun Hee-bong", "Park Hae-il"} <= people(cast)
    assert "Kim Hyung-koo" not in people(cast)  # the next label run into its value ends the column


def test_a_series_infobox_gives_bulleted_credits_and_an_episode_count_run_into_its_label():
    page = ("Stranger\nFrom the free encyclopedia\nStranger\nWritten by\n• Lee Soo-yeon\nDirected by\n• Ahn Gil-ho\n"
            "Country of originSouth Korea\nNo. of episodes16 (list of episodes)\n\n"
            "Stranger is a South Korean television series about a prosecutor who cannot feel emotion.\n")
    facts, _, crew = facts_of(page)
    assert "Lee Soo-yeon" in people(crew, "writer")
    assert "Ahn Gil-ho" in people(crew, "director")
    assert attrs(facts)["episodeCount"] == {"16"}


def test_a_capitalised_credit_label_over_a_column_of_names():
    page = ("Decision to Leave (2022)\n\nA detective falls for the widow he suspects.\n\nRELEASE DATE\nJune 29, 2022\n"
            "DIRECTOR\nPark Chan-wook\nWRITTEN BY\nPark Chan-wook\nJeong Seo-kyeong\nSTUDIO\nCJ Entertainment\n")
    _, _, crew = facts_of(page)
    assert people(crew, "writer") == {"Park Chan-wook", "Jeong Seo-kyeong"}
    assert "CJ Entertainment" not in people(crew)


def test_a_written_line_without_by_is_a_writing_credit():
    page = ("Decision to Leave - 2022\nDirected by Park Chan-wook\nWritten Park Chan-wook & Jeong Seo-kyeong\n"
            "Starring Park Hae-il, Tang Wei & Lee Jung-hyun\nA detective falls for the widow he suspects.\n")
    _, _, crew = facts_of(page)
    assert people(crew, "writer") == {"Park Chan-wook", "Jeong Seo-kyeong"}


def test_an_actor_in_brackets_after_a_described_role_but_not_after_a_maker():
    page = ("Title: Memories of Murder\nYear: 2003\n\nIn the second feature of the director (Bong Joon-ho), "
            "a rural detective (Song Kang-ho) and a city detective (Kim Sang-kyung) hunt a killer.\n")
    _, cast, _ = facts_of(page)
    assert {"Song Kang-ho", "Kim Sang-kyung"} <= people(cast)
    assert "Bong Joon-ho" not in people(cast)


def test_a_character_in_brackets_is_no_actor():
    page = ("Title: Our Beloved Summer\n\nIt follows Choi Woong (played by Choi Woo-shik) and Gook Yeon-su "
            "(played by Kim Da-mi). At school they were the top (Yeon-su) and bottom (Woong) students.\n")
    _, cast, _ = facts_of(page)
    assert people(cast) == {"Choi Woo-shik", "Kim Da-mi"}


def test_a_list_of_names_mostly_cast_already_is_the_cast():
    page = ("Title: Mr. Sunshine\nYear: 2018\n\nLee Byung-hun plays Eugene Choi and Kim Tae-ri plays Go Ae-shin. "
            "Lee Byung-hun, Kim Tae-ri, Byun Yo-han and Yoo Yeon-seok smiled at a press conference in Seoul.\n")
    _, cast, _ = facts_of(page)
    assert {"Byun Yo-han", "Yoo Yeon-seok"} <= people(cast)


def test_a_list_with_one_cast_member_is_not_enough():
    page = ("Title: Mr. Sunshine\nYear: 2018\n\nLee Byung-hun plays Eugene Choi. "
            "Lee Byung-hun, Bong Joon-ho and Park Chan-wook were named the faces of Korean cinema.\n")
    _, cast, _ = facts_of(page)
    assert people(cast) == {"Lee Byung-hun"}


def test_this_drama_or_a_broadcaster_decides_a_kind_no_other_word_decides():
    prison, _, _ = facts_of("Title: Prison Playbook\n\nIn this drama, Park Hae-soo plays a star pitcher sent to prison.\n")
    assert prison.title.kind == "series"
    aired, _, _ = facts_of("Title: Reply 1994\n\nIt aired on tvN, and every Friday we waited for it.\n")
    assert aired.title.kind == "series"
    genre, _, _ = facts_of("Title: Poetry\n\nA quiet drama about an old woman who takes a poetry class.\n")
    assert genre.title.kind == "title"  # "a drama" is a genre, which films have too


def test_the_year_before_a_kind_word_and_the_title():
    facts, _, _ = facts_of("The Man from Nowhere\n\nLee Jeong-beom's 2010 action thriller The Man from Nowhere "
                           "stars Won Bin as a pawnshop owner.\n")
    assert attrs(facts)["year"] == {"2010"}


def test_the_hangul_title_after_a_korean_label_in_brackets_glued_or_not():
    for opening in ("The Host (Korean: 괴물; RR: Gwoemul)", "The Host (Korean괴물; RRGwoemul)"):
        facts, _, _ = facts_of(f"The Host\n\n{opening} is a 2006 South Korean monster film directed by Bong Joon-ho.\n")
        assert attrs(facts)["nameKo"] == {"괴물"}, opening


def test_title_lines_of_two_names_an_image_caption_and_a_voting_widget():
    two, _, _ = facts_of("Misaeng/Incomplete Life\n\nMisaeng follows an intern at a trading company. Misaeng is quiet.\n")
    assert two.title.name == "Misaeng"
    caption, _, _ = facts_of("A Hard Day Image Cover\n\nA Hard Day follows a detective who hides a body in "
                             "his mother's coffin. A Hard Day never lets up.\n")
    assert caption.title.name == "A Hard Day"
    from kgraph.extract.title_choice import plausible

    assert not plausible("to Vote") and not plausible("Click to Vote")  # a voting widget's line


def test_a_hangul_title_with_the_english_title_in_brackets():
    facts, _, _ = facts_of("[K-FILM REVIEWS] 김씨 표류기 (Castaway on the Moon)\n\nA man is stranded on an island "
                           "in the Han River, and a woman watches him from her window.\n")
    assert facts.title.name == "Castaway on the Moon"
    assert attrs(facts)["nameKo"] == {"김씨 표류기"}


def test_yim_is_a_family_name_and_a_director_line_is_no_title():
    from kgraph.extract.patterns import is_korean_name

    assert is_korean_name("Yim Soon-rye")
    facts, _, crew = facts_of("Little Forest (2018)\nYim Soon-rye\n\nA young woman goes back to her village and "
                              "cooks through the seasons. Director: Yim Soon-rye\n")
    assert facts.title.name == "Little Forest"


def test_cast_list_lines_with_a_described_role_or_hangul_in_square_brackets():
    page = ("Title: Stranger\nCast\nCho Seung-woo [조승우] as Hwang Si-mok\nBae Doo-na [배두나] as Han Yeo-jin\n"
            "Story\nA prosecutor who feels no emotion investigates a murder.\n")
    _, cast, _ = facts_of(page)
    assert {("Cho Seung-woo", "Hwang Si-mok"), ("Bae Doo-na", "Han Yeo-jin")} <= cast


def test_an_eps_label_and_korean_episodes_after_a_full_stop():
    facts, _, _ = facts_of("Title: Misaeng\nEps: 20\n\nAn intern joins a trading company.\n")
    assert attrs(facts)["episodeCount"] == {"20"}
    korean, _, _ = facts_of("'비밀의 숲'을 봤다. 밤을 새웠다.16부작을 하루 만에 다 봤다. '비밀의 숲'은 명작이다.\n")
    assert attrs(korean)["episodeCount"] == {"16"}


def test_a_review_word_before_the_title_a_glued_original_title_and_a_person_line():
    review, _, _ = facts_of("Review Extreme Job (2019)\n\nRead Time: 2 minutes\n\nA team of narcotics detectives "
                            "opens a fried chicken restaurant as a cover. Extreme Job is a comedy.\n")
    assert review.title.name == "Extreme Job"
    glued, _, _ = facts_of("Secret Sunshine(Milyang)\n\nA widow moves to her late husband's home town with her son. "
                           "Secret Sunshine won Jeon Do-yeon the best actress prize at Cannes.\n")
    assert glued.title.name == "Secret Sunshine"
    person, _, _ = facts_of("Lee Chang-dong\n\nSecret Sunshine follows a widow who moves to Miryang. "
                            "Secret Sunshine is long and patient.\n")
    assert person.title.name == "Secret Sunshine"


def test_a_cast_label_before_actor_and_role_pairs_and_a_rank_before_a_family_name():
    page = ("Secret Sunshine (2007)\n\ndirector: Lee Chang-dong; cast: Jeon Do-yeon(Lee Shin-ae), Song Kang-ho "
            "(Kim Jong-chan); Runtime: 142\n\nA widow named Lee Shin-ae (Jeon Do-yeon) moves to Miryang.\n")
    _, cast, _ = facts_of(page)
    assert {("Jeon Do-yeon", "Lee Shin-ae"), ("Song Kang-ho", "Kim Jong-chan")} <= cast
    assert not {"Lee Shin-ae", "Kim Jong-chan"} & people(cast)
    led, led_cast, _ = facts_of("Extreme Job (2019)\n\nA team of narcotics detectives led by Capt. Ko (Ryu Seung-ryong) "
                                "opens a chicken restaurant.\n")
    assert "Ryu Seung-ryong" in people(led_cast) and not {"Capt. Ko", "Capt", "Ko"} & people(led_cast)


def test_a_given_name_written_in_camel_case():
    from kgraph.extract.patterns import is_korean_name

    assert is_korean_name("Park InHwan") and is_korean_name("Na MoonHee")
    assert not is_korean_name("Lee MacDonald")


def test_an_abbreviated_rank_stays_with_the_character_name():
    _, cast, _ = facts_of("Extreme Job (2019)\n\nRyu Seung-ryong stars as Capt. Ko, the head of a narcotics unit.\n")
    assert ("Ryu Seung-ryong", "Capt. Ko") in cast


def test_a_romanised_korean_title_yields_to_the_english_one():
    facts, _, _ = facts_of("Little Forest (2018)\n\nLiteul poreseuteu is a movie starring Kim Tae-ri as a young woman "
                           "who goes home to the country. Liteul poreseuteu was released in 2018.\n")
    assert facts.title.name == "Little Forest"


def test_a_first_line_of_title_original_and_credits_in_brackets():
    page = ("SECRET SUNSHINE (MIRYANG) (director/writer: Lee Chang-dong; cast: Jeon Do-yeon, Song Kang-ho; "
            "Runtime: 142; 2007-South Korea)\nA widow moves to her late husband's home town, Miryang, with her son. "
            "Miryang means secret sunshine.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name.lower() == "secret sunshine"
    edition, _, _ = facts_of("Little Forest(HKAFF 2018)\nYim Soon-rye adapts a manga about cooking through "
                             "the seasons.\n")
    assert edition.title.name == "Little Forest"


def test_a_title_introduced_after_a_dash_as_a_caper_and_a_card_line_under_a_title():
    page = ("Dir/scr: Choi Dong-hoon. S Kor. 2006. 139mins.\n\nThe box-office champion of the season - Tazza: The High "
            "Rollers is a gambling caper. Goni loses everything. Goni learns the cards.\n")
    facts, _, crew = facts_of(page)
    assert facts.title.name == "Tazza: The High Rollers"
    assert ("Choi Dong-hoon", "director") in crew and not any(". " in person for person, _ in crew)
    card, _, _ = facts_of("Tazza: The High Rollers\n\n2006, Movie, NR, 139 mins\n\nA young gambler, Goni, learns from "
                          "Pyeong. Pyeong is a master. Goni is a fast learner.\n")
    assert card.title.name == "Tazza: The High Rollers"


def test_a_title_a_critic_writes_in_capitals():
    facts, _, _ = facts_of("Dir.: JK Youn | South Korea 2014, 126 min.\nA full-blooded epic, ODE TO MY FATHER spans "
                           "fifty years of Korean history. Deok-soo promises his father to look after the family. "
                           "Deok-soo keeps it.\n")
    assert facts.title.name.lower() == "ode to my father"


def test_a_listing_column_of_names_is_the_cast_but_not_spaced_crew_lines():
    column = ("Ode to My Father\n\nA man keeps a promise to his father through fifty years.\n\nSouth Korea 2014, 126 min\n\n"
              "JK Youn\n\nHwang Jung-min\nKim Yun-jin\nOh Dal-su\nJung Jin-young\nRa Mi-ran\n\nWorld Sales\n")
    _, cast, _ = facts_of(column)
    assert {"Hwang Jung-min", "Kim Yun-jin", "Oh Dal-su", "Jung Jin-young", "Ra Mi-ran"} <= people(cast)
    crew = ("Mother 2009\n\nDirected by Bong Joon-ho\n\nA mother hunts for the killer her son is accused of being.\n\n"
            "Seo Woo-sik\nPark Tae-joon\n\nPark Eun-kyo\nBong Joon-ho\n\nHong Kyung-pyo\n\nMoon Sae-kyoung\n")
    _, crew_cast, _ = facts_of(crew)
    assert not {"Seo Woo-sik", "Park Eun-kyo", "Hong Kyung-pyo"} & people(crew_cast)


def test_a_title_label_inside_a_title_an_episode_review_and_link_or_status_lines():
    episode, _, _ = facts_of("My Name: Episode 1 Review – A Gripping Start\n\nMy Name is a noir crime drama on "
                             "Netflix. My Name follows a daughter who joins a drug ring.\n")
    assert episode.title.name == "My Name"
    from kgraph.extract.title_choice import plausible

    assert not plausible("Click for direct link") and not plausible("Completed")
    label, _, _ = facts_of("Review blog\n\nTV Drama Name: Flower Of Evil\nMy Rating: 7/10\n\nA husband hides his past.\n")
    assert label.title.name == "Flower Of Evil"


def test_a_long_prose_line_is_no_heading_and_a_site_name_before_the_title():
    page = ("Berkreviews The Roundup (2022) at Fantasia 2022\n\nThe first time I saw Ma Dong-seok in Train to Busan "
            "(2016), I was in awe. He moves in ways that seem to defy physics, and he is funny while he does it, "
            "which is why The Roundup was the first film I picked.\n")
    facts, _, _ = facts_of(page)
    assert facts.title.name == "The Roundup"


def test_a_craft_before_a_name_in_brackets_and_the_idiom_plays_a_key_role():
    page = ("Title: Mother\nYear: 2009\n\nThe cinematography (Hong Kyung-pyo) is stunning and the music (Lee Byung-woo) "
            "soars. Lee Byung-woo plays a key role in the film's mood. Won Bin plays the son, and Kim Hye-ja "
            "plays excellently the mother role.\n")
    _, cast, _ = facts_of(page)
    assert {"Won Bin", "Kim Hye-ja"} <= people(cast)
    assert not {"Hong Kyung-pyo", "Lee Byung-woo"} & people(cast)


def test_a_middle_initial_is_no_end_of_a_crew_value_and_a_long_romanised_word_is_quick():
    from kgraph.extract.title_choice import _romanised

    _, _, crew = facts_of("Title: Daredevil\n\nWriter: Steven S. DeKnight\n\nA blind lawyer fights crime.\n")
    assert ("Steven S. DeKnight", "writer") in crew
    assert _romanised("Ae " + "ae" * 40 + "x") is False  # bounded: no exponential backtracking
