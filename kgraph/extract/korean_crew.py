"""Crew in Korean prose: "(극본 백미경 연출 이형민 제작 ...)", "연출 - 김철규" (a job word, then the name), "이병헌
감독의", "이형민 PD와 백미경 작가" (the name, then the job word). Only Hangul personal names are
read, less the particle Korean attaches to them.
"""
from __future__ import annotations

import re

from kgraph.extract.context import Context
from kgraph.extract.hangul_names import hangul_person, is_hangul_name
from kgraph.extract.korean_cast import NOT_NAMES, bare_name
from kgraph.extract.people import crew
from kgraph.extract.prefilter import cued
from kgraph.names import clean
from kgraph.sources.document import Sentence

JOBS = {"극본": "writer", "각본": "writer", "작가": "writer", "연출": "director", "감독": "director", "PD": "director",
        "피디": "director"}
# "극본 백미경", "연출 이형민": the job word, then the name (a label without its colon)
JOB_THEN_NAME = cued(r"(?<![\uac00-\ud7a3])(?P<job>극본|각본|연출)\s*[-–:：]?\s+(?P<name>[\uac00-\ud7a3]{2,4})(?![\uac00-\ud7a3])")
# "이병헌 감독의", "이형민 PD와", "백미경 작가": the name, then the job word
NAME_THEN_JOB = cued(r"(?<![\uac00-\ud7a3])(?P<name>[\uac00-\ud7a3]{2,4})\s*(?P<job>감독|PD|피디|작가)(?![가-힣]{2})")
# "봉준호 감독의 '기생충'처럼", "작가의 전작": a maker named for another work
OTHER_WORK_AFTER = cued(r"^\s*(?:의|님의)\s*(?:전작|다른|차기작|데뷔작|[‘'“\"《<])")


def korean_prose_crew(ctx: Context, sentences: list[Sentence]) -> None:
    """Credit the writers and directors Korean prose names beside their job word."""
    for sentence in sentences:
        text = clean(sentence.text)
        if not re.search(r"[\uac00-\ud7a3]", text):
            continue
        for pattern in (JOB_THEN_NAME, NAME_THEN_JOB):
            for match in pattern.finditer(text):
                if pattern is NAME_THEN_JOB and OTHER_WORK_AFTER.match(text[match.end():]):
                    continue
                listed = pattern is JOB_THEN_NAME and re.match(r"\s*(?:[(),/·]|$)", text[match.end():]) is not None
                name = _crew_name(ctx, match.group("name"), particle_allowed=pattern is NAME_THEN_JOB, listed=listed)
                if name:
                    crew(ctx, hangul_person(ctx, name, sentence), JOBS[match.group("job")], sentence)


def _crew_name(ctx: Context, text: str, particle_allowed: bool, listed: bool = False) -> str | None:
    """The person a crew slot names, never a word of the trade ("여성 감독", "연출 방식이"). Before the
    job word ("최롬 작가") a name of two syllables counts; after it ("연출 X") the slot takes no particle
    and needs three syllables, a credit list around it ("(극본 최롬(팀 ...), 연출 ...") or a name the page
    already knows."""
    bare = bare_name(text, ctx)
    if bare is None:
        return None  # "연출 방식이": a word of the trade and its particle
    name = bare if particle_allowed else (text if is_hangul_name(text) else None)
    if name is None or name in NOT_NAMES:
        return None
    return name if len(name) >= 3 or particle_allowed or listed or ctx.known_person(name) is not None else None
