"""The command line: thin commands over kgraph.api.KGraph, with the same names."""
from __future__ import annotations

import csv
import functools
import io
import json
import logging
import sys
from pathlib import Path
from typing import Any, Callable

import click

from kgraph.errors import KGraphError

log = logging.getLogger("kgraph")


def _store_option(f: Callable) -> Callable:
    return click.option("--store", "store", envvar="KGRAPH_STORE", default="oxigraph:data/store",
                        show_default=True, metavar="SELECTOR",
                        help="Store selector: oxigraph:PATH, memory:, or sparql+http://HOST:PORT/query.")(f)


def _format_option(f: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                        show_default=True, help="Output format.")(f)


def handle_errors(f: Callable) -> Callable:
    """Turn every KGraphError into one line on stderr and exit status 1."""
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except KGraphError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
        except OSError as error:  # a file the user named cannot be read or written
            where = f"{error.filename}: " if getattr(error, "filename", None) else ""
            click.echo(f"error: {where}{error.strerror or error}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
    return wrapper


def _open(store: str, write: bool = False):
    """The graph behind --store: read-only for every command but build."""
    from kgraph.api import KGraph
    return KGraph(store, read_only=not write)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Show warnings and progress details.")
@click.version_option(package_name="kgraph")
def main(verbose: bool) -> None:
    """kgraph: a knowledge graph of Korean films and series, built from reviews."""
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(message)s")
    from kgraph.guard import watch_memory
    watch_memory()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_store_option
@click.option("--aliases", type=click.Path(path_type=Path), default=Path("data/aliases.csv"), show_default=True,
              help="Alias and disambiguation table (CSV).")
@click.option("--dump", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the N-Quads dump [default: data/kgraph.nq for the default store, "
                   "none for any other].")
@click.option("--no-dump", is_flag=True, help="Do not write a dump.")
@click.option("--force", is_flag=True, help="Re-extract every review even if unchanged.")
@click.option("--rebuild", is_flag=True,
              help="Set the store aside (PATH.broken-TIMESTAMP) and build a new one from the sources: "
                   "the way back from a damaged store.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Extraction processes [default: one per core when many sources changed].")
@click.option("-v", "--verbose", is_flag=True, help="List every review and warning (stored ones too).")
@handle_errors
def build(paths: tuple[Path, ...], store: str, aliases: Path, dump: Path | None, no_dump: bool, force: bool,
          rebuild: bool, jobs: int | None, verbose: bool) -> None:
    """Build catalogues and reviews (default: data/catalog/ and data/reviews/) and print a summary."""
    from kgraph.build import AUTO, DEFAULT_PATHS

    with _open(store, write=True) as kg:
        report = kg.build(paths or DEFAULT_PATHS, aliases=aliases, dump=None if no_dump else (dump or AUTO),
                          progress=True, force=force, rebuild=rebuild, workers=jobs)
        stats = kg.stats()
        reunion_count = len(kg.reunions(2))
    if report.set_aside:
        click.echo(f"set aside: {report.set_aside}")
    for graph in report.cleaned:
        click.echo(f"cleaned:  {graph} (left by an interrupted write)")
    for source, graph, triples in report.built if verbose else []:
        click.echo(f"built      {source} -> {graph} ({triples} triples)")
    for warning in report.warnings if verbose else []:
        click.echo(f"warning: {warning}", err=True)
    for source, reason in report.failed:
        click.echo(f"error: {source}: {reason}", err=True)
    click.echo(f"sources: {len(report.built)} built, {len(report.unchanged)} unchanged, "
               f"{len(report.removed)} removed, {len(report.failed)} failed ({report.seconds:.2f} s)")
    click.echo("graph:   " + ", ".join(f"{stats[k]} {k}" for k in
                                       ("titles", "people", "characters", "credits", "reviews", "catalogues"))
               + f", {reunion_count} reunions (pairs credited together on 2+ titles)")
    if report.dump:
        click.echo(f"dump:    {report.dump}")
    if report.dump_kept:
        click.echo(f"dump:    {report.dump_kept}")
    if report.warnings and not verbose:
        click.echo(f"({len(report.warnings)} warnings; run with -v to see them)")
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter.")
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@_store_option
@_format_option
@handle_errors
def query(name: str | None, params: tuple[str, ...], list_: bool, store: str, fmt: str) -> None:
    """Run a named query from queries/ (or a .rq file) and print its rows."""
    from kgraph.queries import list_queries

    if list_ or not name:
        for named in list_queries():
            args = " ".join(p.signature for p in named.params)
            click.echo(f"{named.name:<14} {args:<22} {named.description}")
        return
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise KGraphError(f"--param {item!r}: expected NAME=VALUE")
        values[key.strip()] = value
    with _open(store) as kg:
        click.echo(render(kg.query(name, **values), fmt), nl=False)


@main.command()
@_store_option
@_format_option
@handle_errors
def conflicts(store: str, fmt: str) -> None:
    """List where sources disagree, each claim with its source."""
    with _open(store) as kg:
        click.echo(render(kg.conflicts(), fmt), nl=False)


@main.group()
def link() -> None:
    """Link the graph to other knowledge graphs."""


@link.command("wikidata")
@click.option("--enrich", is_flag=True, help="Also copy what Wikidata states about linked items (own graph).")
@click.option("--offline", is_flag=True, help="Ask nothing: answer from the cache only.")
@click.option("--endpoint", default="https://query.wikidata.org/sparql", show_default=True, envvar="KGRAPH_WIKIDATA",
              help="The Wikidata SPARQL endpoint.")
@click.option("--cache", type=click.Path(path_type=Path), default=None,
              help="Cache file (default: beside an on-disk store, STORE.wikidata-cache.sqlite).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for each query.")
@click.option("--user-agent", default=None, help="User-Agent to send (WDQS asks for a descriptive one).")
@click.option("--decisions", type=click.Path(path_type=Path), default=Path("data/wikidata-decisions.csv"),
              show_default=True, help="Your accept/refuse decisions (CSV).")
@click.option("--aliases", type=click.Path(path_type=Path), default=Path("data/aliases.csv"), show_default=True)
@_store_option
@_format_option
@handle_errors
def link_wikidata(enrich: bool, offline: bool, endpoint: str, cache: Path | None, timeout: float,
                  user_agent: str | None, decisions: Path, aliases: Path, store: str, fmt: str) -> None:
    """Find the Wikidata item of each title and person; list the candidates left for you."""
    from rdflib import Literal

    from kgraph.store import Rows
    from kgraph.wikidata import Settings, default_cache

    with _open(store, write=True) as kg:
        settings = Settings(endpoint=endpoint, timeout=timeout, offline=offline,
                            cache=cache or default_cache(kg.store))
        if user_agent:
            settings.user_agent = user_agent
        if offline and settings.cache is None:
            raise KGraphError("--offline answers from the cache: give --cache FILE (or use an on-disk store)")
        report = kg.link_wikidata(settings, enrich=enrich, decisions=decisions, aliases=aliases)
    t, p = report.titles, report.people
    click.echo(f"linked: {len(t.linked)} of {report.local_titles} titles, {len(p.linked)} of {report.local_people} "
               f"people -> {report.graph}")
    if enrich:
        click.echo(f"enriched: {report.statements} Wikidata statements")
    asked = report.asked
    click.echo(f"asked: {asked.requests} requests ({asked.retries} retried), {asked.cached} answers from the cache"
               + (f", {asked.unknown_offline} unknown offline" if asked.unknown_offline else ""))
    click.echo(f"candidates for you to decide ({decisions}): {len(report.candidates)}")
    if report.candidates:
        rows = Rows(["kind", "entity", "name", "item", "score", "why"],
                    [(Literal(c.kind), Literal(c.entity), Literal(c.entity_name), Literal(c.item),
                      Literal(f"{c.score:.2f}"), Literal(c.why)) for c in report.candidates])
        click.echo(render(rows, fmt), nl=False)


@main.command()
@click.option("--duplicates", is_flag=True, help="List likely duplicates that were not merged, with why.")
@click.option("--aliases", type=click.Path(path_type=Path), default=Path("data/aliases.csv"), show_default=True)
@_store_option
@_format_option
@handle_errors
def people(duplicates: bool, aliases: Path, store: str, fmt: str) -> None:
    """List people, or with --duplicates the pairs that may be one person."""
    with _open(store) as kg:
        click.echo(render(kg.people(duplicates=duplicates, aliases=aliases), fmt), nl=False)


@main.command()
@click.option("--min-titles", type=int, default=2, show_default=True, help="Least number of shared titles.")
@click.option("--person", default=None, help="Only this person's reunions (any spelling, Hangul or IRI).")
@_store_option
@_format_option
@handle_errors
def reunions(min_titles: int, person: str | None, store: str, fmt: str) -> None:
    """Pairs of people credited together on several titles."""
    with _open(store) as kg:
        frame = kg.reunions(min_titles, person)
    click.echo(render(frame.drop(columns=["title_iris"], errors="ignore"), fmt), nl=False)


@main.command()
@click.argument("title")
@_store_option
@_format_option
@handle_errors
def cast(title: str, store: str, fmt: str) -> None:
    """A title's cast and crew, with characters and jobs."""
    with _open(store) as kg:
        click.echo(render(kg.cast(title), fmt), nl=False)


@main.command()
@click.argument("person")
@_store_option
@_format_option
@handle_errors
def filmography(person: str, store: str, fmt: str) -> None:
    """A person's titles, with roles and characters."""
    with _open(store) as kg:
        click.echo(render(kg.filmography(person), fmt), nl=False)


@main.command()
@click.argument("a")
@click.argument("b")
@_store_option
@_format_option
@handle_errors
def path(a: str, b: str, store: str, fmt: str) -> None:
    """The shortest chain of shared titles between two people."""
    with _open(store) as kg:
        click.echo(render(kg.path(a, b), fmt), nl=False)


@main.command()
@click.argument("title")
@click.option("--limit", type=int, default=10, show_default=True)
@_store_option
@_format_option
@handle_errors
def similar(title: str, limit: int, store: str, fmt: str) -> None:
    """Titles like TITLE by shared people, genres and themes, each with why."""
    with _open(store) as kg:
        click.echo(render(kg.similar(title, limit), fmt), nl=False)


@main.command()
@click.option("--export", "export_path", type=click.Path(path_type=Path), default=None,
              help="Write the collaboration graph (.graphml or .gexf).")
@click.option("--bipartite", is_flag=True, help="Export the person–title graph instead.")
@click.option("--draw", "draw_person", default=None, help="Draw this person's neighbourhood...")
@click.option("--png", type=click.Path(path_type=Path), default=Path("neighbourhood.png"), show_default=True,
              help="...into this PNG file.")
@_store_option
@_format_option
@handle_errors
def network(export_path: Path | None, bipartite: bool, draw_person: str | None, png: Path, store: str,
            fmt: str) -> None:
    """Rank people in the collaboration network; export it or draw a neighbourhood."""
    with _open(store) as kg:
        if export_path:
            kg.export_network(export_path, "bipartite" if bipartite else "collaboration")
            click.echo(f"wrote {export_path}")
        if draw_person:
            kg.draw(draw_person, png)
            click.echo(f"wrote {png}")
        if not export_path and not draw_person:
            click.echo(render(kg.rankings().head(20), fmt), nl=False)


@main.command()
@click.argument("target")
@click.option("--check", is_flag=True,
              help="Also report schema.org problems and the search features the page qualifies for; "
                   "exit status 1 when there are problems or it qualifies for none.")
@_store_option
@handle_errors
def jsonld(target: str, check: bool, store: str) -> None:
    """Print schema.org JSON-LD for one review: a review file, a review IRI/URL, or a title."""
    from kgraph.jsonld import dumps

    with _open(store) as kg:
        doc = kg.jsonld(target)
    click.echo(dumps(doc))
    if check:
        from kgraph.richresults import check_document

        failures = []
        for review in doc.get("@graph", [doc]):  # a title several reviews cover: each review
            report = check_document({"@context": doc["@context"], **review})
            for line in report.lines():
                click.echo(line, err=True)
            failed = report.verdict()
            if failed:
                failures.append(f"{review['name']}: {failed}" if "@graph" in doc and review.get("name") else failed)
        if failures:
            click.echo(f"check failed: {'; '.join(failures)}", err=True)
            sys.exit(1)


@main.command()
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--pages", type=click.Path(path_type=Path), default=Path("data/devset/pages"), show_default=True,
              help="Folder holding the page texts the gold files name.")
@click.option("--aliases", type=click.Path(path_type=Path), default=Path("data/aliases.csv"), show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--misses", is_flag=True, help="Also list every missed and every wrong fact, with its page.")
@handle_errors
def evaluate(gold_dir: Path, pages: Path, aliases: Path, fmt: str, misses: bool) -> None:
    """Score extraction against gold files: per-field precision, recall and F1."""
    from kgraph.evaluation import lines

    with _open("memory:") as kg:
        report = kg.evaluate(gold_dir, pages=pages, aliases=aliases)
    if fmt == "json":
        data = report.to_dict()
        if not misses:
            data.pop("misses")
            data.pop("wrong")
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for line in lines(report, misses):
        click.echo(line)


@main.command()
@click.argument("page", type=click.Path(path_type=Path), required=False)
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None,
              help="Write here instead of changing PAGE (for --blogger: default EXPORT-jsonld.xml).")
@click.option("--blogger", type=click.Path(path_type=Path), default=None, help="A Blogger export (Atom XML).")
@_store_option
@handle_errors
def embed(page: Path | None, out: Path | None, blogger: Path | None, store: str) -> None:
    """Put the JSON-LD block into a review page, or into every post of a Blogger export."""
    with _open(store) as kg:
        if blogger:
            result = kg.embed_blogger(blogger)
            target = out or blogger.with_name(blogger.stem + "-jsonld.xml")
            from kgraph.embed import write_atomic

            write_atomic(target, result.xml, like=blogger)
            click.echo(f"wrote {target}: {len(result.embedded)} posts with JSON-LD")
            for title, why in result.untouched:
                click.echo(f"untouched: {title}: {why}")
            return
        if page is None:
            raise KGraphError("give a PAGE.html, or --blogger EXPORT.xml")
        written = kg.embed(page, out)
    click.echo(f"wrote {written}")


@main.command()
@_store_option
@handle_errors
def validate(store: str) -> None:
    """Check the graph against the SHACL shapes; exit 1 on violations."""
    with _open(store) as kg:
        report = kg.validate()
    for violation in report.violations:
        click.echo(f"{violation.severity.lower()}: {violation}")
    if report.conforms:
        click.echo(f"conforms: {report.triples} triples checked against ontology/shapes.ttl")
    else:
        click.echo(f"does not conform: {len(report.violations)} problem(s) in {report.triples} triples")
        sys.exit(1)


@main.command()
@_store_option
@_format_option
@handle_errors
def stats(store: str, fmt: str) -> None:
    """Counts of titles, people, characters, credits, claims, reviews and sentences."""
    from rdflib import Literal

    from kgraph.store import Rows

    with _open(store) as kg:
        counts = kg.stats()
    rows = Rows(["what", "count"], [(Literal(k), Literal(v)) for k, v in sorted(counts.items())])
    click.echo(render(rows, fmt), nl=False)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig", "turtle", "nt"]), default=None,
              help="Default: from the file suffix.")
@_store_option
@handle_errors
def export(path: Path, fmt: str | None, store: str) -> None:
    """Write the whole dataset to PATH (N-Quads, TriG, Turtle or N-Triples)."""
    with _open(store) as kg:
        count = kg.export(path, fmt)
    click.echo(f"wrote {count} triples to {path}")


@main.command()
@_store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--base", default="https://w3id.org/kgraph/", show_default=True, metavar="URL",
              help="The IRI prefix served: BASE/id/... maps to /id/...")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Most rows (or triples) /sparql returns; a cut answer says so.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a /sparql query or a page may take before it is stopped (503).")
@click.option("--max-query-bytes", default=100_000, show_default=True, type=click.IntRange(1),
              help="Longest query /sparql accepts.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1),
              help="Worker processes that run the queries and gather the pages.")
@click.option("--refresh", default=2.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="How often to check an embedded store for a new build and serve it (0: never).")
@handle_errors
def serve(store: str, host: str, port: int, base: str, max_rows: int, timeout: float, max_query_bytes: int,
          workers: int, refresh: float) -> None:
    """Serve the graph read-only: /sparql, /query, entity pages under /id/, /search, /void, /healthz."""
    from kgraph.api import serve as _serve

    click.echo(f"serving {store} read-only at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    _serve(store, host=host, port=port, base=base, max_rows=max_rows, timeout=timeout,
           max_query_bytes=max_query_bytes, workers=workers, refresh=refresh)


def render(rows: Any, fmt: str) -> str:
    """Rows or a DataFrame as an aligned table, CSV or JSON (a list of objects, values as text)."""
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        variables = [str(c) for c in rows.columns]
        records = [{k: "" if _missing(v) else _text(v) for k, v in zip(variables, values)}
                   for values in rows.itertuples(index=False, name=None)]
    else:
        variables = rows.variables
        records = [{k: ("" if v is None else str(v)) for k, v in row.items()} for row in rows]
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        return buffer.getvalue()
    widths = {v: min(max([len(v), *(len(r[v]) for r in records)]), 60) for v in variables}
    lines = ["  ".join(v.ljust(widths[v]) for v in variables),
             "  ".join("-" * widths[v] for v in variables)]
    for r in records:
        lines.append("  ".join(_cut(r[v], widths[v]).ljust(widths[v]) for v in variables))
    lines.append(f"({len(records)} rows)")
    return "\n".join(lines) + "\n"


def _missing(value: Any) -> bool:
    try:
        import pandas as pd
        return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " | ".join(map(str, value))
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _cut(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    main()
