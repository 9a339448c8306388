"""Regenerate data/catalog/ from the team's checked reference file (shared/reference/titles.json).

    python scripts/catalog_from_reference.py ../shared/reference/titles.json data/catalog

Writes one catalogue file per title (data/catalog/<id>.json) and data/catalog/people.json,
in the format the README documents. Facts that shared/reference/NOTES.md marks as unsure
are not ingested: they are listed under "excluded" with the reason, so the record of
them is kept. Release dates that NOTES.md gives (the reference JSON has none) are added
with NOTES.md as their source.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# (title id, what, value) -> reason, from NOTES.md "Facts where sources disagreed, or I am unsure".
UNSURE = {
    ("ballerina-2023", "cast", "Jang Yoon-ju"): "probable only: rests on one credit list (miracool), not confirmed",
    ("money-heist-korea-2022", "writer", "Choi Sung-jun"): "one source only (butwhytho)",
    ("doctor-john-2019", "platform", "Viki"): "rests on one review blog",
    ("beating-again-2015", "platform", "Netflix"): "rests on one 2016 blog",
    ("lovers-of-the-red-sky-2021", "platform", "Viki"): "one source only (kepoper)",
    ("lovers-of-the-red-sky-2021", "platform", "Viu"): "one source only (kepoper)",
    ("lovers-of-the-red-sky-2021", "award", "Best Couple Award"): "indirect evidence (a later on-stage exchange)",
}
# Release and broadcast dates stated in NOTES.md.
RELEASES = {
    "ballerina-2023": [{"kind": "festival-premiere", "date": "2023-10-05", "place": "Busan"},
                       {"kind": "streaming", "date": "2023-10-06", "platform": "Netflix"}],
    "money-heist-korea-2022": [{"kind": "streaming", "date": "2022-06-24", "platform": "Netflix", "note": "Part 1"},
                               {"kind": "streaming", "date": "2022-12-09", "platform": "Netflix", "note": "Part 2"}],
    "our-unwritten-seoul-2025": [{"kind": "broadcast", "date": "2025-05-24", "end": "2025-06-29", "platform": "tvN"}],
    "something-happened-in-bali-2004": [{"kind": "broadcast", "date": "2004-01-03", "end": "2004-03-07",
                                         "platform": "SBS"}],
    "my-demon-2023": [{"kind": "broadcast", "date": "2023-11-24", "platform": "SBS"}],
    "beating-again-2015": [{"kind": "broadcast", "date": "2015-04-03", "end": "2015-05-23", "platform": "JTBC"}],
    "i-hear-your-voice-2013": [{"kind": "broadcast", "end": "2013-08-01", "platform": "SBS"}],
    "green-mothers-club-2022": [{"kind": "broadcast", "date": "2022-04-06", "end": "2022-05-26", "platform": "JTBC"}],
}
NOTES_SOURCE = "shared/reference/NOTES.md"


def split_character(text: str | None) -> list[dict]:
    """'Yoo Mi-ji / Yoo Mi-rae' -> two; 'Eun-ae (Seo-yeon's mother)' -> name + note;
    "Seo-yeon's father" -> a described, unnamed character; 'young X' -> X, note 'young'."""
    if not text:
        return [{}]
    out = []
    for part in re.split(r"\s+/\s+", text):
        part = part.strip()
        note = None
        paren = re.match(r"^(.*?)\s*\((.+)\)$", part)
        if paren:
            part, note = paren.group(1).strip(), paren.group(2).strip()
        if part.startswith("young "):
            part, note = part[len("young "):], "young"
        described = bool(re.search(r"['’]s\b|^[a-z]|^(Homeless|A |An )", part)) or "," in part
        if described:
            out.append({"character": None, "character_description": part + (f" ({note})" if note else "")})
            continue
        item: dict = {"character": part}
        if note:
            is_alias = bool(re.match(r"^[A-Z][a-z]+ [A-Z][\w-]+$", note))
            item["character_aliases" if is_alias else "character_note"] = [note] if is_alias else note
        out.append(item)
    return out


def ceremony(name: str) -> tuple[str, int | None]:
    match = re.match(r"^(.*?)\s*\((\d+)(?:st|nd|rd|th)\)$", name)
    return (match.group(1), int(match.group(2))) if match else (name, None)


def convert(reference: dict) -> tuple[dict[str, dict], dict]:
    titles: dict[str, dict] = {}
    for t in reference["titles"]:
        tid = t["id"]
        excluded = []
        credits = []
        for job, names in (("director", t["directors"]), ("writer", t["writers"]),
                           ("composer", [t["composer"]] if t["composer"] else [])):
            for name in names:
                if (tid, job, name) in UNSURE:
                    excluded.append({"fact": f"{job}: {name}", "reason": UNSURE[tid, job, name]})
                else:
                    credits.append({"person": name, "job": job})
        for c in t["cast"]:
            if (tid, "cast", c["person"]) in UNSURE:
                excluded.append({"fact": f"cast: {c['person']}", "reason": UNSURE[tid, "cast", c["person"]]})
                continue
            for character in split_character(c["character"]):
                credits.append({"person": c["person"], "job": "actor", **character})
        platforms = []
        for p in t["platforms"]:
            if (tid, "platform", p) in UNSURE:
                excluded.append({"fact": f"platform: {p}", "reason": UNSURE[tid, "platform", p]})
            else:
                platforms.append(p)
        awards = []
        for a in t["awards"]:
            if (tid, "award", a["category"]) in UNSURE:
                excluded.append({"fact": f"award: {a['award']} {a['category']}", "reason": UNSURE[tid, "award", a["category"]]})
                continue
            name, edition = ceremony(a["award"])
            award = {"ceremony": name, "edition": edition, "year": a["year"], "category": a["category"],
                     "result": a["result"]}
            nominees = [n.strip() for n in re.split(r"\s+&\s+", a["nominee"])]
            if nominees == [t["title"]]:
                award["nominee_title"] = True
            else:
                award["nominees"] = nominees
            awards.append({k: v for k, v in award.items() if v is not None})
        titles[tid] = {
            "format": "kgraph-catalog/1",
            "id": tid, "name": t["title"], "name_ko": t["title_ko"], "alt_names": t["alt_titles"],
            "kind": t["kind"], "year": t["year"], "country": "South Korea", "original_language": "ko",
            "runtime_minutes": t["runtime_minutes"], "episodes": t["episodes"],
            "networks": t["networks"], "platforms": platforms, "credits": credits, "awards": awards,
            "releases": [{**r, "source": NOTES_SOURCE} for r in RELEASES.get(tid, [])],
            "sources": t["sources"], "excluded": excluded,
        }
    people = {"format": "kgraph-catalog/1", "people": [
        {"name": p["name"], "name_ko": p["name_ko"],
         "variants": [v for v in p["variants"] if v != p["name"]], "wikidata": p["wikidata"],
         "sources": p["sources"]} for p in reference["people"]]}
    return titles, people


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    reference = json.loads(Path(argv[1]).read_text("utf-8"))
    out = Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    titles, people = convert(reference)
    for tid, record in titles.items():
        (out / f"{tid}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    (out / "people.json").write_text(json.dumps(people, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {len(titles)} titles and {len(people['people'])} people to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
