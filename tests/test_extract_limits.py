"""Issue 8: impossible values are rejected with a warning, huge reviews stay near-linear or are
refused clearly, and UTF-16 files are read."""
from __future__ import annotations

import pytest

from kgraph.errors import SourceError
from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import MAX_REVIEW_BYTES, read_source, read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def facts_of_text(text: str, path: str = "limits.txt"):
    [doc] = read_text(text, path)
    return extract(doc, RESOLVER)


def values_of(facts) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in facts.statements:
        out.setdefault(str(s.predicate).rsplit("#", 1)[-1], set()).add(str(s.value))
    return out


OVERVIEW = "Overview\nTitle: Ballerina\n"


@pytest.mark.parametrize("line, field", [
    ("Runtime: 99999999999999999999999 minutes", "runtimeMinutes"),
    ("Runtime: -90 minutes", "runtimeMinutes"),
    ("Episodes: -12", "episodeCount"),
    ("Episodes: 99999999999999", "episodeCount"),
    ("Year: 99999", "year"),
    ("Year: 0", "year"),
])
def test_out_of_range_value_is_rejected_with_a_warning(line, field):
    facts = facts_of_text(OVERVIEW + line + "\n", "odd-values.txt")
    assert field not in values_of(facts), f"{line!r} was stored"
    label = line.split(":")[0]
    warning = [w for w in facts.warnings if "out of range" in w]
    assert len(warning) == 1 and "odd-values.txt" in warning[0] and repr(label) in warning[0]


def test_values_in_range_are_still_stored():
    facts = facts_of_text(OVERVIEW + "Runtime: 93 minutes\nYear: 2023\nEpisodes: 1\n")
    values = values_of(facts)
    assert values["runtimeMinutes"] == {"93"} and values["year"] == {"2023"} and values["episodeCount"] == {"1"}
    assert not [w for w in facts.warnings if "out of range" in w]


@pytest.mark.parametrize("rating", ["11/10", "-3/5", "4/0"])
def test_impossible_rating_is_rejected(rating):
    facts = facts_of_text(OVERVIEW + f"My rating: {rating}\n", "rating.txt")
    assert facts.review.rating is None
    assert any("rating.txt" in w and "'My rating'" in w and "out of range" in w for w in facts.warnings)


def test_impossible_viewership_is_rejected():
    text = OVERVIEW + ("Reception\nIt reached No. 1 on Netflix's Top 10 list with "
                       "99999999999999999999 views in its first week.\n")
    facts = facts_of_text(text, "views.txt")
    assert not [c for c in facts.claims if type(c).__name__ == "Viewership"]
    assert any("views.txt, line" in w and "views" in w and "out of range" in w for w in facts.warnings)


def test_a_cast_line_of_100000_names_completes_with_every_name():
    names = [f"Kim {a}{b}-{c}" for a in ("Ji", "Min", "Seo", "Ha", "Yu") for b in ("", "n", "ng", "k")
             for c in ("hoon", "ah", "woo", "jin", "eun", "seo", "young", "su", "ho", "ri")]  # 200 shapes
    people = [f"{n} {i}" for i in range(500) for n in names]  # 100,000 distinct names
    facts = facts_of_text(OVERVIEW + "Cast: " + ", ".join(people) + "\n", "big-cast.txt")
    assert len([c for c in facts.claims if type(c).__name__ == "CastCredit"]) == 100_000


def test_a_two_megabyte_review_of_one_section_completes():
    # One section, one paragraph per line, a cast sentence now and then among long plain ones.
    filler = ("the long middle stretch keeps circling the same rooftop while the city hums below and "
              "nothing much else happens for a while, ") * 8
    paragraph = "Jeon Jong-seo plays Ok-ju here. " + filler.strip(", ").capitalize() + ".\n"
    body = paragraph * (2_000_000 // len(paragraph))
    facts = facts_of_text(OVERVIEW + "Story\n" + body, "long.txt")
    credits = [c for c in facts.claims if type(c).__name__ == "CastCredit"]
    assert len(body) > 1_900_000
    assert len(credits) == 1 and len(credits[0].evidence) == body.count("Jeon Jong-seo plays")


def test_a_review_over_the_size_limit_is_refused_naming_file_size_and_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Overview\nTitle: Ballerina\n" + b"a" * (MAX_REVIEW_BYTES + 1))
    with pytest.raises(SourceError) as error:
        read_source(path)
    message = str(error.value)
    assert "huge.txt" in message and f"{MAX_REVIEW_BYTES:,}" in message and f"{MAX_REVIEW_BYTES + 27:,}" in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_read(tmp_path, encoding):
    text = "Overview\nTitle: Ballerina (발레리나)\nYear: 2023\n"
    data = text.encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + text).encode(encoding)
    path = tmp_path / "utf16.txt"
    path.write_bytes(data)
    [doc] = read_source(path)
    facts = extract(doc, RESOLVER)
    assert facts.title.name == "Ballerina" and values_of(facts)["nameKo"] == {"발레리나"}


def test_a_real_binary_file_is_still_called_binary(tmp_path):
    path = tmp_path / "poster.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(SourceError, match="binary"):
        read_source(path)
