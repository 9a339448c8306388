"""Lines a page puts above or beside its title that are not the title (data/heldout5/README.md,
"Title taken from the wrong line"), each as a general rule with a fixture in our own words
stating only true facts about its title."""
from __future__ import annotations

from test_structure import facts_of


def _title(text: str) -> str:
    return facts_of(text).title.name


def test_a_fact_box_of_bullets_gives_its_title_field_not_its_second_bullet():
    text = ("• Drama: Reply 1994\n  • Country: South Korea\n  • Episodes: 21\n  • Network: tvN\n"
            "  • Aired On: Friday, Saturday\n\nFriends from the provinces share a boarding house in Seoul "
            "in the 1990s, and the viewer keeps guessing whom the heroine married.\n\n"
            "Details\n  • Country: South Korea\n  • Episodes: 21\n")  # a card repeats its bullets lower down
    assert _title(text) == "Reply 1994"


def test_a_title_line_with_its_acronym_after_a_slash_is_the_full_title():
    text = ("Joint Security Area/JSA\n\nPark Chan-wook's film follows an investigation at the border "
            "between the two Koreas. Book Tickets\n")
    assert _title(text) == "Joint Security Area"


def test_an_acronym_before_a_colon_stays_part_of_the_title():
    text = ("JSA: Joint Security Area\n\nDirector: Park Chan-wook\n\n2000, South Korea, 110 minutes\n\n"
            "A shooting at the border between the two Koreas is investigated. JSA: Joint Security Area "
            "made its director famous.\n")
    assert _title(text) == "JSA: Joint Security Area"


def test_a_festivals_name_and_menu_above_a_programme_are_not_the_title():
    text = ("Fifth Seaside Film Festival\n\nFestival Films Programs Press News\n\nThe Yellow Sea\n\n"
            "South Korea, 2010\n\nA taxi driver from Yanbian crosses the sea to South Korea to pay his debts.\n")
    assert _title(text) == "The Yellow Sea"


def test_a_festival_section_with_a_sentence_break_is_not_the_title():
    text = ("In focus. Thrillers from Korea 2011\nThe Yellow Sea\n  • Director: Na Hong-jin\n\n"
            "A taxi driver takes a job that sends him across the sea.\n")
    assert _title(text) == "The Yellow Sea"


def test_an_actor_named_by_family_name_is_not_the_title():
    text = ("Not for the squeamish\n\nI finally watched Thirst (2009) last week.\n\n"
            "Song Kang-ho stars as a priest who becomes a vampire. Song is a Korean cinema icon and "
            "Thirst shows why.\n")
    assert _title(text) == "Thirst"


def test_a_country_tag_and_label_lines_without_colons_are_not_the_title():
    text = ("Thirst (Kr)\n\nrelease date July 31 2009\ndirector Park Chan-wook\nstarring Song Kang-ho, "
            "Kim Ok-bin\n\nA priest volunteers for a medical experiment and becomes a vampire. Thirst "
            "won the Jury Prize at Cannes.\n")
    assert _title(text) == "Thirst"


def test_a_k_drama_review_label_with_a_space_is_no_title():
    text = ("K Drama Review: Hot Stove League (2019)\n\nA new general manager takes over a baseball team that "
            "always finishes last. Hot Stove League is about the people behind the players.\n")
    assert _title(text) == "Hot Stove League"


def test_a_title_with_a_verb_in_lower_case_keeps_its_first_words():
    text = ("Because This is My First Life 이번 생은 처음이라 Review\n\nA writer with no home and an engineer "
            "with a mortgage sign a marriage contract. Because This is My First Life takes its time.\n")
    assert _title(text) == "Because This is My First Life"


def test_a_korean_news_bylines_outlet_is_no_title_and_its_lede_quotes_the_title():
    text = ("가나다뉴스\n\n첫 방송부터 공감을 얻은 로맨스\n\n홍길동 기자\n\n"
            "[가나다뉴스 홍길동 기자]tvN 월화드라마 '이번 생은 처음이라'가 첫 방송부터 웃음과 울림을 전했다.\n\n"
            "집이 없는 작가와 집만 있는 남자가 만나는 이야기다.\n")
    assert _title(text) == "이번 생은 처음이라"


def test_a_korean_headlines_word_the_body_keeps_naming_is_the_title():
    text = ("본문 바로가기\n\n넷플릭스 영화추천 승리호! 시청 후기, 줄거리\n\n"
            "우주 쓰레기를 줍는 승리호 선원들의 이야기입니다. 승리호는 넷플릭스로 공개되었습니다.\n\n"
            "승리호 선원들은 빚이 많습니다. 승리호 평점은 후하게 주고 싶습니다.\n")
    assert _title(text) == "승리호"


def test_the_makers_earlier_films_quoted_after_a_kind_word_are_no_title():
    text = ("국제시장 리뷰\n\n'국제시장'은 한 남자가 가족을 위해 살아온 이야기다. 황정민이 덕수를 연기했다.\n\n"
            "한편 영화 '해운대' '1번가의 기적'을 연출한 윤제균 감독의 작품이다.\n")
    assert _title(text) == "국제시장"
