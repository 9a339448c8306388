"""A platform or broadcaster named beside the reviewed title, in our own words: describing words between
them ("tvN's upcoming psychological drama Mouse", "넷플릭스 시리즈 지금 우리 학교는"), or a verb of release or
viewing ("can also be seen on Netflix", "Netflix has dropped the first episode of ..."). A platform beside
another work, or denied, is never the title's."""
from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES
from test_structure import platforms

RESOLVER = Resolver(AliasTable.load(ALIASES))


def platforms_of(text: str) -> dict[str, bool]:
    [doc] = read_text(text, "page.txt")
    return platforms(extract(doc, RESOLVER))


@pytest.mark.parametrize("text, platform, broadcaster", [
    ("Vincenzo review\n\nA lawyer from Italy comes home. The drama “Vincenzo” can also be seen on Netflix.\n",
     "Netflix", False),
    ("Mouse review\n\ntvN’s upcoming psychological drama Mouse has released its first teaser.\n", "tvN", True),
    ("지금 우리 학교는 리뷰\n\n넷플릭스 시리즈 지금 우리 학교는 좀비가 나오는 학교 이야기다.\n", "Netflix", False),
    ("Record of Youth review\n\nNetflix has dropped the first episode of “Record of Youth” this week.\n",
     "Netflix", False),
    ("When the Phone Rings review\n\nThe series debuted on MBC TV on November 22, 2024.\n", "MBC", True),
    ("Twinkling Watermelon review\n\nOn tvN, it first aired on September 25, 2023.\n", "tvN", True),
    ("Lovers of the Red Sky review\n\nSBS is releasing a new drama series this August, called Lovers of the Red "
     "Sky.\n", "SBS", True),
    ("Mr. Queen review\n\nIt airs Sat. Sun 21:00 on tvN.\n", "tvN", True),
    ("Run On review\n\nThe drama quietly kicked off its run on JTBC.\n", "JTBC", True),
    ("우리들의 블루스 리뷰\n\ntvN에서 토, 일 방영되는 20부작 드라마 우리들의 블루스는 제주 이야기다.\n", "tvN", True),
], ids=["title-then-seen-on", "possessive-described-kind", "korean-platform-kind-title", "platform-verb-title",
        "debuted-on", "on-x-it-first-aired", "platform-releasing-called", "time-slot-on", "kicked-off-its-run-on",
        "korean-days-then-aired"])
def test_a_platform_beside_the_title_is_the_titles(text, platform, broadcaster):
    assert platforms_of(text).get(platform) is broadcaster


@pytest.mark.parametrize("text", [
    "Mouse review\n\nUnlike Netflix's Squid Game, Mouse is a slow and careful thriller.\n",
    "Mouse review\n\nMouse is not on Netflix where I live, sadly.\n",
], ids=["another-works-platform", "denied"])
def test_a_platform_beside_another_work_or_denied_is_not_the_titles(text):
    assert "Netflix" not in platforms_of(text)
