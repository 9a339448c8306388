"""Korean-language pages, in our own words: a blog post under its site's furniture, a press card,
credits run together on one line, and the ways Korean prose names an actor and a role."""
from __future__ import annotations

from test_general_shapes import attrs, facts_of, people
from test_structure import platforms

BLOG = """본문 바로가기
카테고리 없음

tvN 드라마 미생 리뷰 (임시완, 장그래)

편성 : tvN 2014.10.17. ~ 2014.12.20. 20부작
출연 : 임시완 강소라 강하늘 변요한 이성민

2014년 방영된 tvN 드라마 '미생'은 회사원들의 하루를 그린다. 장그래(임시완 분)는 바둑 기사의 꿈을 접고 종합상사에 인턴으로 들어간다. 오상식(이성민)은 그의 팀장이다. '미생'은 지금 봐도 좋다.
"""


def test_a_korean_blog_post_under_its_site_furniture():
    facts, cast, _ = facts_of(BLOG)
    assert facts.title.name == "미생" and facts.title.kind == "series"
    values = attrs(facts)
    assert values["episodeCount"] == {"20"} and values["year"] == {"2014"}
    assert "tvN" in {e.name for e in facts.entities if type(e).__name__ == "PlatformEntity"}
    assert {"임시완", "강소라", "강하늘", "변요한", "이성민"} <= people(cast)  # a cast line parted by spaces
    assert {("임시완", "장그래"), ("이성민", "오상식")} <= cast
    assert "임시완 강소라 강하늘 변요한 이성민" not in people(cast)


CARD = """영화검색
검색
끝까지 간다 | 2014년 5월 22일 목요일 | 기자

감독: 김성훈
배우: 이선균, 조진웅
시간: 111분

어머니의 장례식 날, 형사 고건수(이선균)는 사고를 내고 만다. 그리고 박창민(조진웅)이 전화를 건다. 이 영화는 끝까지 달린다.
"""


def test_a_korean_press_card_with_its_labels():
    facts, cast, crew = facts_of(CARD)
    assert facts.title.name == "끝까지 간다" and facts.title.kind == "film"
    assert attrs(facts)["runtimeMinutes"] == {"111"}
    assert ("김성훈", "director") in crew
    assert {("이선균", "고건수"), ("조진웅", "박창민")} <= cast


def test_korean_credits_run_together_on_one_line():
    page = "드라마 초간단리뷰\n\n비밀의숲 / 극본:이수연 연출:안길호\n\n16부작 / 비밀의숲\n\n검사 황시목의 이야기다. '비밀의숲'은 명작이다.\n"
    facts, _, crew = facts_of(page)
    assert facts.title.name == "비밀의숲"
    assert {("이수연", "writer"), ("안길호", "director")} <= crew
    assert attrs(facts)["episodeCount"] == {"16"}


def test_korean_phrasings_of_an_actor_and_a_role():
    page = ("'호텔 델루나'는 tvN 드라마다. 여진구가 연기한 ‘구찬성’은 호텔의 지배인이다. "
            "'미생'에서는 장그래 역의 임시완이 주목받았다. 송강호(상현 역)는 다른 영화다.\n")
    _, cast, _ = facts_of(page)
    assert {("여진구", "구찬성"), ("임시완", "장그래"), ("송강호", "상현")} <= cast


def test_a_hangul_name_with_its_own_romanisation_is_one_person():
    page = "Reply 1994\n\nWITH 고아라 (Go Ah-ra) as Sung Na-jung; 정우 (Jung Woo) as Sseureki;\n"
    _, cast, _ = facts_of(page)
    assert not any(character in ("고아라", "정우") for _, character in cast)


def test_a_portal_card_with_labels_over_their_values():
    page = ("변호인 (2013)\n\nThe Attorney\n감독\n양우석\n출연\n송강호, 김영애, 오달수, 곽도원\n정보\n드라마 | 한국 | 127 분 | 2013-12-18\n\n"
            "1980년대 초 부산의 세무 변호사 송우석(송강호)의 이야기다.\n")
    facts, cast, crew = facts_of(page)
    assert ("양우석", "director") in crew
    assert {"송강호", "김영애", "오달수", "곽도원"} <= people(cast)
    assert attrs(facts)["runtimeMinutes"] == {"127"}


def test_korean_prose_names_the_writer_and_the_director_beside_their_job():
    page = ("JTBC 금토드라마 ‘힘쎈여자 도봉순’(극본 백미경 연출 이형민)이 시청자들을 사로잡았다. "
            "도봉순(박보영 분)은 괴력을 숨기고 산다. ‘힘쎈여자 도봉순’은 16부작이다.\n")
    facts, cast, crew = facts_of(page)
    assert facts.title.name == "힘쎈여자 도봉순"
    assert {("백미경", "writer"), ("이형민", "director")} <= crew
    assert ("박보영", "도봉순") in cast
    keyzard, _, film_crew = facts_of("영화 '극한직업'은 이병헌 감독의 코미디다. '극한직업'은 유쾌하다.\n")
    assert ("이병헌", "director") in film_crew


def test_a_korean_page_names_the_title_by_its_hangul_heading():
    facts, _, _ = facts_of("밀양 (Secret Sunshine, 2007)리뷰 2007. 6. 7. 16:44\n이창동 감독의 영화를 볼 때마다 "
                           "느끼는 것이 있다. 전도연의 연기는 두말할 것도 없다.\n")
    assert facts.title.name == "밀양"
    assert attrs(facts)["year"] == {"2007"}


def test_a_korean_title_field_with_its_english_name_and_a_cast_list_ending_in_and_others():
    page = ("본문 바로가기\n반응형\n728x90\n\n• 제목: 써니 (Sunny)\n• 감독: 강형철\n• 출연: 유호정, 심은경, 강소라 외\n\n"
            "칠공주 '써니'의 우정을 그린 영화다.\n")
    facts, cast, _ = facts_of(page)
    assert facts.title.name == "써니"
    assert people(cast) == {"유호정", "심은경", "강소라"}


def test_a_list_under_a_cast_label_names_the_actor_first_and_prose_lists_of_actors():
    page = ("지금 우리 학교는 리뷰\n\n- 출연:\n- 윤찬영 (이청산)\n- 박지후 (남온조)\n- 조이현 (최남라)\n\n"
            "'지금 우리 학교는'은 좀비 드라마다. 제작발표회에는 배우 윤찬영, 박지후, 조이현 등이 참석했다. "
            "'국제시장'은 황정민, 김윤진, 오달수 등이 열연했다. 칸 여우주연상은 다른 이야기다.\n")
    _, cast, _ = facts_of(page)
    assert {("윤찬영", "이청산"), ("박지후", "남온조"), ("조이현", "최남라")} <= cast
    assert {"황정민", "김윤진", "오달수"} <= people(cast)
    assert not {"이청산", "남온조", "최남라", "여우"} & people(cast)


def test_korean_names_of_platforms_and_where_a_title_airs():
    page = ("tvN 금토드라마 '미생'은 회사원의 이야기다. 지금은 넷플릭스에서 다시 볼 수 있다. "
            "주인공은 KBS 일일 드라마에서도 본 얼굴이다. '미생'은 명작이다.\n")
    facts, _, _ = facts_of(page)
    named = platforms(facts)
    assert named.get("tvN") is True and named.get("Netflix") is False and "KBS" not in named


def test_more_korean_shapes_of_cast_crew_episodes_and_a_section_heading():
    page = ("우리들의 블루스 기본 정보\n\n• 극본: 노희경 작가\n• 연출 - 김규태\n• 회차: 20회차(70분 내외)\n\n"
            "'영옥'(한지민 분)은 해녀다. 이동석(이병헌)은 트럭 만물상이다. '우리들의 블루스'는 제주 이야기다.\n")
    facts, cast, crew = facts_of(page)
    assert facts.title.name == "우리들의 블루스"
    assert ("노희경", "writer") in crew and ("김규태", "director") in crew
    assert attrs(facts)["episodeCount"] == {"20"}
    assert ("한지민", "영옥") in cast and ("이병헌", "이동석") in cast


def test_korean_words_that_only_look_like_names_are_no_one():
    luna = ("'호텔 델루나'는 tvN 드라마다. 제작발표회에는 배우 이지은, 여진구 등이 참석했다. 연출 방식이 섬세하다. "
            "배우들이 연기한 인물들은 입체적이다. '호텔 델루나'는 지금도 사랑받는다.\n")
    _, cast, crew = facts_of(luna)
    assert {"이지은", "여진구"} <= people(cast)
    assert not {"이지", "배우들", "배우들이"} & people(cast)
    assert not crew  # "연출 방식이": no one
    misaeng = ("'미생'은 tvN 드라마다. 장그래(임시완분)와 오상식(이성민분)이 나온다. 임시완이 연기하는 장그래는 "
               "계약직 사원이다. '미생' 역시 사랑받았다.\n")
    facts, cast, _ = facts_of(misaeng)
    assert facts.title.name == "미생"
    assert {("임시완", "장그래"), ("이성민", "오상식")} <= cast
    assert not {"임시완분", "이성민분"} & people(cast) and not any(role == "장그래는" for _, role in cast)


def test_korean_units_of_hours_and_an_episode_number_in_prose():
    from kgraph.extract import values

    assert values.minutes("2시간 12분") == 132
    assert values.episodes("16회차(65~75분 내외)") == 16
    assert values.episodes("5회차에서", bare=False) is None
