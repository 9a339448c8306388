"""`kgraph evaluate`: gold files (kgraph-gold/1) checked on load, pages scored per field."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph import KGraph
from kgraph.cli import main
from kgraph.errors import GoldError
from kgraph.gold import load_gold, load_gold_dir

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "devset"
GOLD, PAGES = DATA / "gold", DATA / "pages"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def scores(*args: str) -> dict:
    result = run("evaluate", *args, "--pages", str(PAGES), "--format", "json", "--misses")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def one_page(tmp_path):
    """A gold folder holding a copy of the Call's gold file, to edit; pages stay in tests/data."""
    folder = tmp_path / "gold"
    folder.mkdir()
    shutil.copy(GOLD / "the-call-2020.json", folder)
    return folder


def edit(folder, **facts) -> None:
    path = folder / "the-call-2020.json"
    data = json.loads(path.read_text("utf-8"))
    data["facts"].update(facts)
    for key in [k for k, v in facts.items() if v is ...]:
        del data["facts"][key]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_a_known_miss_and_a_known_wrong_fact_are_counted_and_listed():
    report = scores(str(GOLD))
    cast = report["groups"]["seed-blog"]["cast"]
    assert (cast["gold"], cast["extracted"], cast["correct"]) == (3, 3, 2)
    assert cast["precision"] == pytest.approx(2 / 3) and cast["recall"] == pytest.approx(2 / 3)
    characters = report["groups"]["seed-blog"]["characters"]
    assert (characters["gold"], characters["extracted"], characters["correct"]) == (3, 3, 2)
    misses = {(m["page"], m["field"], m["value"]) for m in report["misses"]}
    wrong = {(m["page"], m["field"], m["value"]) for m in report["wrong"]}
    assert ("the-call-2020.txt", "characters", "Kim Sung-ryung as Eun-ae") in misses
    assert ("the-call-2020.txt", "characters", "Oh Jung-se as Park Sung-ho") in wrong
    for name in ("title", "hangul", "year", "kind", "runtime", "directors", "platforms", "nominations"):
        tally = report["groups"]["seed-blog"][name]
        assert tally["correct"] == tally["gold"] == 1, name


def test_an_unread_page_counts_as_all_misses_and_is_listed_with_its_error():
    report = scores(str(GOLD))
    assert report["failed"] == [{"page": "empty-page.txt", "error": f"{PAGES / 'empty-page.txt'}: the file is "
                                                                     "empty; expected the text of a review"}]
    other = report["groups"]["other"]
    assert other["overall"] == {"gold": 3, "extracted": 0, "correct": 0, "precision": None, "recall": 0.0, "f1": None}
    assert {m["value"] for m in report["misses"] if m["page"] == "empty-page.txt"} == {"Burning", "2018", "Lee Chang-dong"}
    everything = report["groups"]["all"]["overall"]
    assert everything["gold"] == report["groups"]["seed-blog"]["overall"]["gold"] + 3


def test_the_table_shows_each_group_and_the_misses():
    result = run("evaluate", str(GOLD), "--pages", str(PAGES), "--misses")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "seed-blog (1 pages)" in lines[0] and "other (1 pages)" in lines[0]
    cast_row = next(line for line in lines if line.startswith("cast "))
    assert cast_row.split("|")[2].split() == ["0.67", "0.67", "0.67", "2/3/3"]
    assert "unread: empty-page.txt: " in result.output
    assert "miss: the-call-2020.txt: cast: Kim Sung-ryung" in lines
    assert "wrong: the-call-2020.txt: cast: Oh Jung-se" in lines
    without = run("evaluate", str(GOLD), "--pages", str(PAGES))
    assert "miss: " not in without.output and "unread: empty-page.txt" in without.output


def test_names_match_across_spellings_but_not_other_people(one_page):
    edit(one_page, title="THE CALL!", cast=[{"person": "Park Shin Hye", "character": "Seo-yeon"},
                                            {"person": "JEON Jong-seo", "character": "Young-sook"},
                                            {"person": "Oh Jung-se", "character": "Kim Sung-ho"}])
    report = KGraph("memory:").evaluate(one_page, pages=PAGES).to_dict()["groups"]["all"]
    assert report["title"]["correct"] == 1
    assert (report["cast"]["correct"], report["characters"]["correct"]) == (3, 2)


def test_an_empty_list_means_the_page_states_none_and_an_absent_field_is_not_scored(one_page):
    edit(one_page, platforms=[], nominations=..., cast=..., year=None)
    report = KGraph("memory:").evaluate(one_page, pages=PAGES)
    frame = report.scores().set_index(["group", "field"])
    assert frame.loc[("all", "platforms"), ["gold", "extracted", "correct"]].tolist() == [0, 1, 0]
    assert frame.loc[("all", "platforms"), "precision"] == 0.0
    assert frame.loc[("all", "year"), ["gold", "extracted", "correct"]].tolist() == [0, 1, 0]
    for name in ("cast", "characters", "nominations"):
        assert frame.loc[("all", name), ["gold", "extracted"]].tolist() == [0, 0]
    assert {(e.field, e.value) for e in report.wrong} == {("platforms", "Netflix"), ("year", "2020")}


def test_a_nomination_must_agree_on_ceremony_category_nominee_and_result(one_page):
    edit(one_page, nominations=[{"ceremony": "Baeksang Arts Awards", "category": "Best Actress – Film",
                                 "nominee": "Jeon Jong-seo", "won": False}])
    report = KGraph("memory:").evaluate(one_page, pages=PAGES)
    assert [e.value for e in report.misses if e.field == "nominations"] == ["Baeksang Arts Awards: Best Actress – Film (Jeon Jong-seo), nominated"]
    edit(one_page, nominations=[{"ceremony": "the 57th Baeksang Arts Awards", "category": "best actress (film)",
                                 "nominee": "Jeon Jong-seo", "won": True}])
    assert [e for e in KGraph("memory:").evaluate(one_page, pages=PAGES).misses if e.field == "nominations"] == []


@pytest.mark.parametrize("change, message", [
    ({"layout": "blog"}, "/layout: expected one of seed-blog, fan-blog"),
    ({"format": "kgraph-gold/2"}, "/format: expected 'kgraph-gold/1'"),
    ({"url": None}, "/url: missing; expected a string"),
    ({"facts": {"year": "2020"}}, '/facts/year: expected an integer, got "2020"'),
    ({"facts": {"cast": [{"person": "Park Shin-hye", "role": "lead"}]}}, "/facts/cast/0/role: unknown field"),
    ({"facts": {"nominations": [{"ceremony": "Baeksang", "category": "Best Actress"}]}},
     "/facts/nominations/0/won: missing; expected true or false"),
    ({"facts": {"platform": ["Netflix"]}}, "/facts/platform: unknown fact"),
    ({"facts": {"kind": "movie"}}, "/facts/kind: expected 'film' or 'series'"),
])
def test_a_bad_gold_file_is_one_line_naming_the_file_and_field(one_page, change, message):
    path = one_page / "the-call-2020.json"
    data = json.loads(path.read_text("utf-8"))
    data.update(change)
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(GoldError, match="^" + str(path).replace("\\", "\\\\") + ": " + message.replace("(", r"\(")):
        load_gold(path)
    result = CliRunner().invoke(main, ["evaluate", str(one_page), "--pages", str(PAGES)])
    assert result.exit_code == 1 and result.output.startswith(f"error: {path}: ") and result.output.count("\n") == 1


def test_a_folder_without_gold_files_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1 and "holds no *.json gold files" in result.output


def test_a_name_may_list_the_spellings_one_page_uses_and_unsure_names_are_not_scored(one_page):
    edit(one_page, cast=[{"person": "Park Shin-hye", "character": ["Seo-yeon", "Kim Seo-yeon"]},
                         {"person": ["Jeon Jong-seo", "Jun Jong-seo"], "character": "Oh Young-sook"}],
         unsure=["Oh Jung-se"])
    report = KGraph("memory:").evaluate(one_page, pages=PAGES).to_dict()["groups"]["all"]
    assert (report["cast"]["gold"], report["cast"]["extracted"], report["cast"]["correct"]) == (2, 2, 2)
    assert (report["characters"]["gold"], report["characters"]["extracted"], report["characters"]["correct"]) == (2, 2, 2)
    edit(one_page, unsure=...)
    report = KGraph("memory:").evaluate(one_page, pages=PAGES).to_dict()["groups"]["all"]
    assert (report["cast"]["extracted"], report["cast"]["correct"]) == (3, 2)


def test_a_ceremony_matches_without_its_edition_and_a_category_without_a_trailing_award():
    from kgraph.evaluation import _same_ceremony, category_key, ceremony_key

    assert _same_ceremony(ceremony_key("the 57th Baeksang Arts Awards"), ceremony_key("2021 Baeksang Arts Awards"))
    assert _same_ceremony(ceremony_key("Cannes"), ceremony_key("Cannes Film Festival"))
    assert not _same_ceremony(ceremony_key("Blue Dragon Film Awards"), ceremony_key("Blue Dragon Series Awards"))
    assert category_key("Best Actor Award") == category_key("best actor")
    assert category_key("Best Actress – Film") != category_key("Best Actress – Television")


def test_matching_pairs_each_gold_fact_with_at_most_one_extracted_fact_and_finds_the_largest_pairing():
    from kgraph.evaluation import Item, _score

    def match(g, item):
        return g in item.forms

    found = [Item("A or B", ("a", "b")), Item("A", ("a",))]
    tally, errors = _score(["a", "b"], found, match)  # first come would give A-or-B to a and leave b unmatched
    assert (tally.correct, tally.extracted, tally.gold) == (2, 2, 2) and errors == []
    tally, errors = _score(["a"], [Item("A", ("a",)), Item("A again", ("a",))], match)
    assert (tally.correct, tally.extracted) == (1, 2) and errors == [("wrong", "A again")]


def test_a_missing_pages_folder_is_one_error_not_a_page_of_misses_each(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", str(GOLD), "--pages", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.output == f"error: {tmp_path / 'nowhere'}: no such folder of page texts (data/devset/README.md says how to fetch them)\n"


@pytest.mark.parametrize("name", ["devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                                  "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                                  "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17"])
def test_each_committed_gold_set_loads_and_names_exactly_the_pages_its_checksums_list(name):
    folder = ROOT / "data" / name
    golds = load_gold_dir(folder / "gold")
    listed = [line.split()[1] for line in (folder / "pages.sha256").read_text("utf-8").splitlines()]
    assert sorted(g.page for g in golds) == sorted(listed)
    assert [Path(g.path).stem for g in golds] == [Path(g.page).stem for g in golds]


def test_the_held_out_set_shares_no_page_with_the_dev_set():
    dev, held = (load_gold_dir(ROOT / "data" / name / "gold") for name in ("devset", "heldout"))
    assert not {g.url for g in dev} & {g.url for g in held}


def test_the_second_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout") for g in load_gold_dir(ROOT / "data" / name / "gold")}
    assert not earlier & {g.url for g in load_gold_dir(ROOT / "data" / "heldout2" / "gold")}


def test_the_third_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2") for g in load_gold_dir(ROOT / "data" / name / "gold")}
    third = load_gold_dir(ROOT / "data" / "heldout3" / "gold")
    assert len(third) >= 20 and len({g.site for g in third}) >= 12
    assert not earlier & {g.url for g in third}


def test_the_fourth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3") for g in load_gold_dir(ROOT / "data" / name / "gold")}
    fourth = load_gold_dir(ROOT / "data" / "heldout4" / "gold")
    assert len(fourth) >= 20 and len({g.site for g in fourth}) >= 12
    assert not earlier & {g.url for g in fourth}


def test_the_fifth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4") for g in load_gold_dir(ROOT / "data" / name / "gold")}
    fifth = load_gold_dir(ROOT / "data" / "heldout5" / "gold")
    assert len(fifth) >= 20 and len({g.site for g in fifth}) >= 12
    assert not earlier & {g.url for g in fifth}


def test_the_sixth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    sixth = load_gold_dir(ROOT / "data" / "heldout6" / "gold")
    assert len(sixth) >= 20 and len({g.site for g in sixth}) >= 12
    assert not earlier & {g.url for g in sixth}


def test_the_seventh_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    seventh = load_gold_dir(ROOT / "data" / "heldout7" / "gold")
    assert len(seventh) >= 20 and len({g.site for g in seventh}) >= 12
    assert not earlier & {g.url for g in seventh}


def test_the_eighth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    eighth = load_gold_dir(ROOT / "data" / "heldout8" / "gold")
    assert len(eighth) >= 20 and len({g.site for g in eighth}) >= 12
    assert not earlier & {g.url for g in eighth}


def test_the_ninth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    ninth = load_gold_dir(ROOT / "data" / "heldout9" / "gold")
    assert len(ninth) >= 20 and len({g.site for g in ninth}) >= 12
    assert not earlier & {g.url for g in ninth}


def test_the_tenth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    tenth = load_gold_dir(ROOT / "data" / "heldout10" / "gold")
    assert len(tenth) >= 20 and len({g.site for g in tenth}) >= 12
    assert not earlier & {g.url for g in tenth}


def test_the_eleventh_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    eleventh = load_gold_dir(ROOT / "data" / "heldout11" / "gold")
    assert len(eleventh) >= 20 and len({g.site for g in eleventh}) >= 12
    assert not earlier & {g.url for g in eleventh}


def test_the_twelfth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10", "heldout11")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    twelfth = load_gold_dir(ROOT / "data" / "heldout12" / "gold")
    assert len(twelfth) >= 20 and len({g.site for g in twelfth}) >= 12
    assert not earlier & {g.url for g in twelfth}


def test_the_thirteenth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10", "heldout11", "heldout12")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    thirteenth = load_gold_dir(ROOT / "data" / "heldout13" / "gold")
    assert len(thirteenth) >= 20 and len({g.site for g in thirteenth}) >= 12
    assert not earlier & {g.url for g in thirteenth}


def test_the_fourteenth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    fourteenth = load_gold_dir(ROOT / "data" / "heldout14" / "gold")
    assert len(fourteenth) >= 20 and len({g.site for g in fourteenth}) >= 12
    assert not earlier & {g.url for g in fourteenth}


def test_the_fifteenth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    fifteenth = load_gold_dir(ROOT / "data" / "heldout15" / "gold")
    assert len(fifteenth) >= 20 and len({g.site for g in fifteenth}) >= 12
    assert not earlier & {g.url for g in fifteenth}


def test_the_sixteenth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                                  "heldout15")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    sixteenth = load_gold_dir(ROOT / "data" / "heldout16" / "gold")
    assert len(sixteenth) >= 20 and len({g.site for g in sixteenth}) >= 12
    assert not earlier & {g.url for g in sixteenth}


def test_the_seventeenth_held_out_set_shares_no_page_with_the_earlier_sets():
    earlier = {g.url for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                  "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                                  "heldout15", "heldout16")
               for g in load_gold_dir(ROOT / "data" / name / "gold")}
    seventeenth = load_gold_dir(ROOT / "data" / "heldout17" / "gold")
    assert len(seventeenth) >= 20 and len({g.site for g in seventeenth}) >= 12
    assert not earlier & {g.url for g in seventeenth}
