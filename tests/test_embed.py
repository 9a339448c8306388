"""`kgraph embed` changes a page only where its JSON-LD block goes: the block is live where a
browser would see it, and every other byte, the line endings, the encoding and the file mode stay.

Pages are read back with lxml.html (libxml2's HTML5 tokenizer), a different parser from the one
kgraph uses, and once with headless Chromium.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess

import lxml.html
import pytest
from lxml import etree

from kgraph.api import KGraph
from kgraph.embed import embed_page
from kgraph.errors import KGraphError, SourceError

from conftest import ALIASES, DATA

PAGE = (DATA / "ballerina.html").read_text("utf-8")
OURS = re.compile(r'<script type="application/ld\+json" data-generator="kgraph">.*?</script>(\r?\n)?', re.S)


@pytest.fixture(scope="module")
def kg():
    graph = KGraph("memory:")
    yield graph
    graph.close()


def live_blocks(html: str) -> list:
    """kgraph's <script> elements as an HTML5 parser builds them (comments and script text excluded)."""
    assert etree.LIBXML_VERSION >= (2, 14), "libxml2 2.14 or newer tokenizes HTML as HTML5 does"
    root = lxml.html.document_fromstring(html)
    return root.xpath('//script[@data-generator="kgraph"]')


def assert_one_live_block_in_head(html: str) -> dict:
    [block] = live_blocks(html)
    assert block.getparent().tag == "head"
    doc = json.loads(block.text)
    assert doc["@type"] == "CriticReview" and doc["itemReviewed"]["name"] == "Ballerina"
    return doc


def without_our_block(data: bytes) -> bytes:
    """The bytes of a page with kgraph's (one, live) block cut out."""
    text = data.decode("utf-8")
    [match] = OURS.finditer(text)
    return (text[:match.start()] + text[match.end():]).encode("utf-8")


def embed_into(kg, tmp_path, html: str, name: str = "page.html") -> tuple[bytes, bytes]:
    page = tmp_path / name
    page.write_bytes(html.encode("utf-8"))
    before = page.read_bytes()
    kg.embed(page, aliases=ALIASES)
    return before, page.read_bytes()


def test_a_head_end_tag_inside_a_comment_is_not_the_head(kg, tmp_path):
    html = PAGE.replace('<meta charset="utf-8">\n', '<meta charset="utf-8">\n<!-- theme note: </head> must stay last -->\n')
    before, after = embed_into(kg, tmp_path, html)
    assert_one_live_block_in_head(after.decode("utf-8"))
    assert "<!-- theme note: </head> must stay last -->" in after.decode("utf-8")
    assert after.decode("utf-8").index('data-generator="kgraph"') > after.decode("utf-8").index("theme note")


def test_an_old_block_inside_a_comment_stays_a_comment(kg, tmp_path):
    old = '<!-- <script type="application/ld+json" data-generator="kgraph">{"old": true}</script> -->\n'
    html = PAGE.replace("<style>", old + "<style>")
    before, after = embed_into(kg, tmp_path, html)
    text = after.decode("utf-8")
    doc = assert_one_live_block_in_head(text)
    assert "old" not in doc and old in text
    new_block = next(m for m in OURS.finditer(text) if '"old"' not in m.group(0))
    assert (text[:new_block.start()] + text[new_block.end():]).encode("utf-8") == before


def test_a_page_script_that_mentions_the_marker_is_left_whole(kg, tmp_path):
    own = ("var badge = '<script data-generator=\"kgraph\">'; "
           "document.title = 'reviewed'; window.reviewScore = 9;")
    html = PAGE.replace("</head>", f"<script>{own}</script>\n</head>")
    before, after = embed_into(kg, tmp_path, html)
    text = after.decode("utf-8")
    assert_one_live_block_in_head(text)
    scripts = [s.text for s in lxml.html.document_fromstring(text).xpath("//script[not(@type)]")]
    assert own in scripts
    assert text.count(own) == 1


def test_a_crlf_page_keeps_crlf_and_every_byte_outside_the_block(kg, tmp_path):
    html = PAGE.replace("\n", "\r\n")
    before, after = embed_into(kg, tmp_path, html)
    assert re.search(rb"(?<!\r)\n", after) is None, "a bare LF crept into a CRLF page"
    assert_one_live_block_in_head(after.decode("utf-8"))
    assert without_our_block(after) == before


def test_an_lf_page_gets_no_cr(kg, tmp_path):
    before, after = embed_into(kg, tmp_path, PAGE)
    assert b"\r" not in after
    assert without_our_block(after) == before


def test_the_file_mode_is_kept_and_no_temporary_file_is_left(kg, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    page = folder / "page.html"
    page.write_text(PAGE, "utf-8")
    page.chmod(0o600)
    kg.embed(page, aliases=ALIASES)
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["page.html"]
    assert_one_live_block_in_head(page.read_text("utf-8"))


def test_an_output_file_takes_the_page_mode(kg, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    page.chmod(0o640)
    out = tmp_path / "out.html"
    kg.embed(page, out, aliases=ALIASES)
    assert page.read_text("utf-8") == PAGE
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert_one_live_block_in_head(out.read_text("utf-8"))


def test_embedding_twice_replaces_the_live_block(kg, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("\n", "\r\n"), "utf-8")
    kg.embed(page, aliases=ALIASES)
    once = page.read_bytes()
    kg.embed(page, aliases=ALIASES)
    assert page.read_bytes() == once


def test_two_live_old_blocks_become_one(kg, tmp_path):
    old = '<script type="application/ld+json" data-generator="kgraph">{"old": 1}</script>\n'
    html = PAGE.replace("<style>", old + "<style>").replace("</article>", old + "</article>")
    _, after = embed_into(kg, tmp_path, html)
    doc = assert_one_live_block_in_head(after.decode("utf-8"))
    assert "old" not in doc


def test_a_cp949_page_stays_cp949(kg, tmp_path):
    html = PAGE.replace('<meta charset="utf-8">', '<meta charset="euc-kr">').replace("—", "-")
    page = tmp_path / "page.html"
    page.write_bytes(html.encode("cp949"))
    before = page.read_bytes()
    kg.embed(page, aliases=ALIASES)
    after = page.read_bytes()
    text = after.decode("cp949")
    doc = assert_one_live_block_in_head(text)
    assert doc["itemReviewed"]["alternateName"][0]["@value"] == "발레리나"
    block = OURS.search(text).group(0)
    assert block.isascii()  # written as \\u escapes, which any ASCII-compatible encoding carries
    assert (text.replace(block, "")).encode("cp949") == before


def test_a_failed_embed_leaves_the_page_as_it_was(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")

    def broken(html: str, label: str) -> dict:
        raise KGraphError("no title")

    with pytest.raises(KGraphError):
        embed_page(page, broken)
    assert page.read_text("utf-8") == PAGE and [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_a_write_that_fails_midway_leaves_the_page_and_no_temporary_file(kg, tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(KGraphError, match="No space left on device"):
        kg.embed(page, aliases=ALIASES)
    assert page.read_text("utf-8") == PAGE and [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_an_unwritable_folder_is_one_clear_error(kg, tmp_path):
    if os.geteuid() == 0:
        out = tmp_path / "missing-folder" / "out.html"
    else:  # pragma: no cover - as a normal user a read-only folder also refuses
        (tmp_path / "ro").mkdir(mode=0o500)
        out = tmp_path / "ro" / "out.html"
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    with pytest.raises(KGraphError, match="cannot write"):
        kg.embed(page, out, aliases=ALIASES)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_a_real_browser_sees_one_live_block_and_the_page_script_runs(kg, tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed here (CI installs it)")
    hostile = ("<!-- <script type=\"application/ld+json\" data-generator=\"kgraph\">{\"old\": 1}</script> </head> -->\n"
               "<script>var badge = '<script data-generator=\"kgraph\">'; window.ownScript = 'intact';</script>\n")
    report = ("<pre id='out'></pre><script>var s = document.querySelectorAll('script[data-generator=kgraph]');"
              "document.getElementById('out').textContent = JSON.stringify({count: s.length, "
              "parent: s.length ? s[0].parentNode.nodeName : null, own: window.ownScript || null, "
              "doc: s.length ? JSON.parse(s[0].textContent) : null});</script>\n")
    # a dialog would block the headless browser; document.write in <head> would move the rest into <body>
    html = (PAGE.replace("alert(", "console.log(").replace("document.write(", "console.log(")
            .replace("<style>", hostile + "<style>").replace("</body>", report + "</body>").replace("\n", "\r\n"))
    _, after = embed_into(kg, tmp_path, html)
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", (tmp_path / "page.html").as_uri()],
                          capture_output=True, text=True, timeout=120)
    seen = json.loads(lxml.html.document_fromstring(done.stdout).get_element_by_id("out").text)
    assert (seen["count"], seen["parent"], seen["own"]) == (1, "HEAD", "intact")
    assert seen["doc"]["@type"] == "CriticReview" and "old" not in seen["doc"]


# ------------------------------------------------------------------ Blogger exports

DTD = '<!DOCTYPE feed [\n  <!ENTITY blog "My K-Content Blog">\n  <!ENTITY sign "— K-Review Notes">\n]>\n'


def _export_with_dtd(tmp_path, sign_in_post: bool = False):
    xml = (DATA / "blogger-export.xml").read_text("utf-8")
    xml = xml.replace("<feed ", DTD + "<feed ", 1).replace("<title type=\"text\">My K-Content Blog</title>",
                                                          "<title type=\"text\">&blog;</title>")
    if sign_in_post:
        xml = xml.replace("Jeon Jong-seo plays Oh Young-sook.&lt;/p&gt;",
                          "Jeon Jong-seo plays Oh Young-sook.&lt;/p&gt;&lt;p&gt;&sign;&lt;/p&gt;")
    path = tmp_path / "export.xml"
    path.write_text(xml, "utf-8")
    return path


CONTENT = re.compile(rb"<content\b[^>]*>.*?</content>", re.S)


def test_a_blogger_export_with_an_internal_dtd_stays_valid_and_intact(kg, tmp_path):
    path = _export_with_dtd(tmp_path)
    before = path.read_bytes()
    result = kg.embed_blogger(path, aliases=ALIASES)
    assert len(result.embedded) == 2
    parser = etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=True)
    root = etree.fromstring(result.xml, parser)  # valid XML: the entity it uses is still declared
    assert root.findtext("{http://www.w3.org/2005/Atom}title") == "My K-Content Blog"
    assert result.xml.startswith(before[:before.index(b"<feed ")])  # declaration and DTD byte for byte
    # everything outside the <content> elements is byte for byte the same; only posts' content changed
    assert CONTENT.split(result.xml) == CONTENT.split(before)
    old, new = CONTENT.findall(before), CONTENT.findall(result.xml)
    assert [a == b for a, b in zip(old, new)] == [True, False, False]  # settings untouched, two posts embedded
    contents = root.findall(".//{http://www.w3.org/2005/Atom}content")
    assert all(c.text.startswith('<script type="application/ld+json" data-generator="kgraph">') for c in contents[1:])


def test_an_entity_inside_a_post_is_kept(kg, tmp_path):
    path = _export_with_dtd(tmp_path, sign_in_post=True)
    result = kg.embed_blogger(path, aliases=ALIASES)
    root = etree.fromstring(result.xml, etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=True))
    post = root.findall(".//{http://www.w3.org/2005/Atom}content")[1].text
    assert 'data-generator="kgraph"' in post and post.endswith("<p>— K-Review Notes</p>")


def test_a_crlf_export_keeps_crlf(kg, tmp_path):
    path = _export_with_dtd(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    result = kg.embed_blogger(path, aliases=ALIASES)
    assert len(result.embedded) == 2
    assert re.search(rb"(?<!\r)\n", result.xml) is None
    assert CONTENT.split(result.xml) == CONTENT.split(before)


def test_embedding_an_export_twice_changes_nothing_more(kg, tmp_path):
    path = _export_with_dtd(tmp_path)
    once = kg.embed_blogger(path, aliases=ALIASES).xml
    path.write_bytes(once)
    assert kg.embed_blogger(path, aliases=ALIASES).xml == once


def test_entity_expansion_bombs_are_refused(kg, tmp_path):
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = (DATA / "blogger-export.xml").read_text("utf-8").replace(
        "<feed ", f'<!DOCTYPE feed [<!ENTITY lol0 "lol">{lol}]>\n<feed ', 1).replace(
        "<title type=\"text\">My K-Content Blog</title>", "<title type=\"text\">&lol9;</title>")
    path = tmp_path / "bomb.xml"
    path.write_text(xml, "utf-8")
    with pytest.raises(SourceError, match="bomb.xml"):
        kg.embed_blogger(path, aliases=ALIASES)


def test_the_cli_writes_the_export_atomically_with_the_export_mode(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kgraph.cli import main

    path = _export_with_dtd(tmp_path)
    path.chmod(0o600)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["embed", "--blogger", str(path), "--store", "memory:"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "export-jsonld.xml"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export-jsonld.xml", "export.xml"]
    etree.fromstring(out.read_bytes(), etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=True))


def test_a_page_can_be_embedded_where_there_is_no_store(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kgraph.cli import main

    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KGRAPH_STORE", raising=False)
    result = CliRunner().invoke(main, ["embed", "page.html"])
    assert result.exit_code == 0, result.output
    assert_one_live_block_in_head(page.read_text("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]  # no store made on the way
