"""Crew in Korean prose: "(극본 백미경 연출 이형민 제작 ...)", "연출 - 김철규" (a job word, then the name), "이병헌
감독의", "이형민 PD와 백미경 작가" (the name, then the job word). Only Hangul personal names are
read, less the particle Korean attaches to them.
"""
from __future__ import annotations

import re

from kgraph.extract.context import Context
from kgraph.extract.hangul_names import hangul_person
from kgraph.extract.korean_cast import bare_name
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
                name = bare_name(match.group("name"))
                if name:
                    crew(ctx, hangul_person(ctx, name, sentence), JOBS[match.group("job")], sentence)
