"""Related works: every row of the related-works table, and the parenthesis reader, yield their
mentions with their people and credits; the reviewed title never gains a fact from them."""
from __future__ import annotations

import json

import pytest

from kgraph.errors import GoldError
from kgraph.evaluation import evaluate
from kgraph.extract import extract
from kgraph.gold import load_gold
from kgraph.extract.related import RELATED_PHRASINGS
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def review(title: str, body: str, fields: str = ""):
    [doc] = read_text(f"Overview\nTitle: {title}\n{fields}\nStory\n{body}\n", "related.txt")
    return extract(doc, RESOLVER)


def names(facts) -> dict[str, str]:
    return {e.iri: e.name for e in [*facts.entities, facts.title] if getattr(e, "name", None)}


def related(facts) -> set[tuple[str, str]]:
    """(work, person) of every mention."""
    named = names(facts)
    return {(named[m.work.value], named[p.value]) for m in facts.claims if type(m).__name__ == "Mention"
            for p in m.people}


def credits_on_other_works(facts) -> set[tuple[str, str, str]]:
    """(work, person, kind) of every credit on a title other than the reviewed one."""
    named = names(facts)
    out = set()
    for c in facts.claims:
        kind = type(c).__name__
        if kind.endswith("Credit") and c.title.value != facts.title.iri:
            job = c.job.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if kind == "CrewCredit" else kind
            out.add((named[c.title.value], named[c.person.value], job))
    return out


def reviewed_credits(facts) -> set[tuple[str, str]]:
    named = names(facts)
    return {(type(c).__name__, named[c.person.value]) for c in facts.claims
            if type(c).__name__.endswith("Credit") and c.title.value == facts.title.iri}


@pytest.mark.parametrize("row", RELATED_PHRASINGS, ids=[row.name for row in RELATED_PHRASINGS])
def test_every_related_phrasing_yields_its_mentions(row):
    assert row.pattern.search(row.example), "the row's own pattern must match its example"
    facts = review(row.title, row.example, row.fields)
    expected = {(work, person) for work, people in row.yields for person in people}
    assert related(facts) == expected


def test_a_stated_credit_lands_on_the_other_work_only():
    facts = review("Broker", "Song Kang-ho, who also starred in Parasite and The Host, plays a laundry owner.")
    assert credits_on_other_works(facts) == {("Parasite", "Song Kang-ho", "CastCredit"),
                                             ("The Host", "Song Kang-ho", "CastCredit")}
    assert not {t for t in names(facts).values() if t in ("Parasite and The Host",)}


def test_the_directors_earlier_films_credit_the_reviewed_titles_director():
    facts = review("Decision to Leave", "It is gentler than the director's earlier films Oldboy and The Handmaiden.",
                   "Director: Park Chan-wook")
    assert ("Oldboy", "Park Chan-wook", "director") in credits_on_other_works(facts)
    assert ("The Handmaiden", "Park Chan-wook", "director") in credits_on_other_works(facts)


def test_an_unnamed_job_is_a_plain_credit():
    facts = review("The Frog", "Directed by Mo Wan-il, best known for The World of the Married, the series is tense.")
    assert credits_on_other_works(facts) == {("The World of the Married", "Mo Wan-il", "Credit")}


def test_quoted_and_italic_works_in_a_list():
    facts = review("Officer Black Belt", "Kim Woo-bin, known for his roles in *The Heirs* and “Uncontrollably Fond”, "
                                         "leads the film.")
    assert related(facts) == {("The Heirs", "Kim Woo-bin"), ("Uncontrollably Fond", "Kim Woo-bin")}


def test_a_list_of_people_with_their_works_in_parentheses():
    facts = review("A Title", "The cast is stacked: Hyun Bin (Crash Landing on You), Park Seo-joon (Itaewon Class) "
                              "and Song Joong-ki (Vincenzo).")
    assert related(facts) == {("Crash Landing on You", "Hyun Bin"), ("Itaewon Class", "Park Seo-joon"),
                              ("Vincenzo", "Song Joong-ki")}
    assert not [c for c in facts.claims if type(c).__name__ == "CastCredit" and c.character]


def test_a_hangul_name_in_parentheses_is_the_persons_own_name_not_a_work():
    listed = review("Alienoid", "Kim Tae-ri leads the film.",
                    "Main Cast: Kim Tae-ri, Ryu Jun-yeol (류준열), Kim Woo-bin (김우빈), So Ji-sub (소지섭)")
    assert related(listed) == set()
    assert not [t for t in names(listed).values() if t in {"류준열", "김우빈", "소지섭"}]
    prose = review("Alienoid", "The cast: Ryu Jun-yeol (류준열) and Kim Tae-ri (김태리) lead it.")
    assert related(prose) == set()


def test_a_lone_parenthesis_is_a_work_only_when_unmistakable():
    plain = review("Broker", "The baby is found by Sang-hyeon (Song Kang-ho) and Dong-soo (Gang Dong-won).")
    assert related(plain) == set()
    dated = review("Broker", "Bae Doona (Sense8, 2015) plays a detective who follows the brokers.")
    assert related(dated) == {("Sense8", "Bae Doona")}
    single = review("Itaewon Class", "Park Seo-joon (Fight for My Way) returns to television.")
    assert related(single) == set()  # one unquoted name in parentheses could be a character


def test_the_reviewed_title_is_never_a_related_work():
    facts = review("Broker", "Song Kang-ho, who also starred in Broker and Parasite, is superb.")
    assert related(facts) == {("Parasite", "Song Kang-ho")}


def test_a_related_work_lends_no_credit_to_the_reviewed_title():
    facts = review("Broker", "Song Kang-ho, who also starred in Parasite, is superb.")
    assert ("CastCredit", "Song Kang-ho") not in reviewed_credits(facts)


def test_an_actor_of_another_work_in_parentheses():
    facts = review("Hometown Cha-Cha-Cha", "Oh Chun-jae (Jo Han-chul of Vincenzo) runs the pub, and the landlord "
                                           "(Crash Landing on You's Kim Young-min) lives upstairs.")
    assert related(facts) == {("Vincenzo", "Jo Han-chul"), ("Crash Landing on You", "Kim Young-min")}
    assert ("Vincenzo", "Jo Han-chul", "CastCredit") in credits_on_other_works(facts)


def test_a_role_description_in_parentheses_is_no_work():
    facts = review("When the Phone Rings", "The cast: Yoo Yeon-seok (Baek Sa-eon), Chae Soo-bin (Hong Hee-joo), "
                                           "Yoo Sung-joo (Sa-eon's father), Heo Nam-joon (Carjacker/Kidnapper).")
    assert related(facts) == set()


def _gold_page(tmp_path, related=None):
    """A one-page gold folder and its page: Broker, with one related work."""
    (tmp_path / "pages").mkdir(parents=True)
    (tmp_path / "gold").mkdir()
    (tmp_path / "pages" / "broker.txt").write_text(
        "Overview\nTitle: Broker\nDirector: Hirokazu Kore-eda\nStory\n"
        "Song Kang-ho, who also starred in Parasite, plays Sang-hyeon.\n", "utf-8")
    facts = {"title": "Broker", "directors": ["Hirokazu Kore-eda"]}
    if related is not None:
        facts["related"] = related
    gold = {"format": "kgraph-gold/1", "url": "https://example.org/broker", "site": "example.org",
            "layout": "other", "found_by": "written for this test", "page": "broker.txt", "facts": facts}
    (tmp_path / "gold" / "broker.json").write_text(json.dumps(gold), "utf-8")
    return tmp_path / "gold", tmp_path / "pages"


def _related_row(report) -> list[int]:
    frame = report.scores().set_index(["group", "field"])
    return frame.loc[("all", "related"), ["gold", "extracted", "correct"]].tolist()


def test_related_is_scored_per_work_and_person_only_where_the_gold_has_it(tmp_path):
    gold, pages = _gold_page(tmp_path, [{"work": "Parasite", "people": ["Song Kang-ho"]},
                                        {"work": "The Host", "people": ["Song Kang-ho"]}])
    report = evaluate(gold, pages)
    assert _related_row(report) == [2, 1, 1]
    assert [e.value for e in report.misses if e.field == "related"] == ["The Host (Song Kang-ho)"]
    overall = report.scores().set_index(["group", "field"]).loc[("all", "overall"), "gold"]
    assert overall == 2  # title and director: related works stay out of the overall score
    unscored, pages = _gold_page(tmp_path / "without", None)
    assert _related_row(evaluate(unscored, pages)) == [0, 0, 0]


@pytest.mark.parametrize("related, message", [
    ([{"work": "Parasite"}], "/facts/related/0/people: expected a list"),
    ([{"work": "Parasite", "people": []}], "/facts/related/0/people: expected a non-empty list"),
    ([{"work": "Parasite", "people": ["Song Kang-ho"], "job": "cast"}], "/facts/related/0/job: unknown field"),
])
def test_a_bad_related_entry_names_its_field(tmp_path, related, message):
    gold, _ = _gold_page(tmp_path, related)
    with pytest.raises(GoldError, match=message):
        load_gold(gold / "broker.json")


def test_a_family_name_alone_is_the_reviewed_titles_director_when_only_one_crew_member_has_it():
    facts = review("Decision to Leave", "Park Hae-il plays the detective. Park would go on to direct other films like "
                                        "Thirst and The Handmaiden, long before this one.", "Director: Park Chan-wook")
    assert related(facts) == {("Thirst", "Park Chan-wook"), ("The Handmaiden", "Park Chan-wook")}


@pytest.mark.parametrize("sentence", [
    "Jeon Do-yeon, who also appeared in Episode 3, steals the show.",
    "Song Kang-ho, who starred in South Korean films for decades, leads the cast.",
    "Kim Go-eun, known for her fierce stare, plays the lead.",
    "Park Bo-gum (Netflix) is also in it.",
    "Kim Go-eun (Little Women) is one of the leads.",
])
def test_what_is_no_other_work(sentence):
    assert related(review("A Title", sentence)) == set()


def test_known_for_in_parentheses_after_a_name():
    facts = review("Officer Black Belt", "It is written and directed by Jason Kim (known for Bloodhounds) and stars "
                                         "Kim Woo-bin.")
    assert related(facts) == {("Bloodhounds", "Jason Kim")}
    assert ("Bloodhounds", "Jason Kim", "Credit") in credits_on_other_works(facts)


def test_a_known_actor_with_a_work_in_parentheses_gives_no_character_and_no_person_named_as_the_work():
    facts = review("Concrete Utopia", "Park Seo-joon (Itaewon Class) is one of the leads.", "Cast: Park Seo-joon")
    people = {e.name for e in facts.entities if type(e).__name__ == "PersonEntity"}
    assert people == {"Park Seo-joon"}
    assert not [c for c in facts.claims if type(c).__name__ == "CastCredit" and c.character]


def test_a_role_with_its_actor_and_a_work_of_theirs_in_brackets_is_both_a_credit_and_a_mention():
    facts = review("Black Dog", "The staff room holds Park Seong-soon (Ra Mi-ran, Reply 1988), and later "
                                "Doona (Bae Suzy, Start-Up) moves in next door.")
    assert {("Reply 1988", "Ra Mi-ran"), ("Start-Up", "Bae Suzy")} <= related(facts)
    named = names(facts)
    cast = {(named[c.person.value], named[c.character.value]) for c in facts.claims
            if type(c).__name__ == "CastCredit" and c.title.value == facts.title.iri and c.character}
    assert {("Ra Mi-ran", "Park Seong-soon"), ("Bae Suzy", "Doona")} <= cast
    assert not any(name in {"Reply 1988", "Start-Up"} for _, name in cast)


def test_one_bracketed_work_after_someone_the_page_credits_is_their_earlier_work():
    facts = review("Black Dog", "Seo Hyun-jin (You Are My Spring) plays Go Ha-neul, a temp teacher.")
    assert ("You Are My Spring", "Seo Hyun-jin") in related(facts)


def test_one_bracketed_phrase_after_someone_the_page_never_credits_is_no_work():
    facts = review("Black Dog", "The photo shows Seo Hyun-jin (Press Conference Day) smiling.")
    assert not related(facts)


def test_a_two_word_work_beside_a_work_no_name_could_be_is_a_work_too():
    facts = review("Along with the Gods: The Two Worlds",
                   "It is written and directed by Kim Yong-hwa (Take Off, 200 Pounds Beauty) and stars "
                   "Cha Tae-hyun (My Sassy Girl) as Kim Ja-hong, a fireman.")
    assert {("Take Off", "Kim Yong-hwa"), ("200 Pounds Beauty", "Kim Yong-hwa"),
            ("My Sassy Girl", "Cha Tae-hyun")} <= related(facts)
