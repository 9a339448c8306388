"""A polite client for a Wikidata SPARQL endpoint: batches, retries, a timeout, a disk cache.

Each named remote query (`queries/wikidata/*.rq`) takes one key variable; the client asks it
for a batch of keys at a time, with a `VALUES` block rendered from RDF terms placed first in
the WHERE group, and stores each key's rows in the cache, so a second run asks only for keys
it has never seen. On HTTP 429 or 503 it waits for `Retry-After` (or backs off
exponentially) and tries again; `offline` answers from the cache alone.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import logging
import socket
import sqlite3
import time
import urllib.error
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rdflib import BNode, Literal, URIRef

from kgraph.errors import KGraphError
from kgraph.queries import NamedQuery, parse_query_file
from kgraph.store.base import Term, _where_brace, render_values_rows

log = logging.getLogger(__name__)

WDQS = "https://query.wikidata.org/sparql"
QUERY_DIR = Path(__file__).resolve().parent.parent.parent / "queries" / "wikidata"
USER_AGENT = "kgraph/0.1 (https://w3id.org/kgraph; knowledge graph of Korean films and series) SPARQLWrapper/2"
RETRY_CODES = (429, 503)


class WikidataError(KGraphError):
    """The Wikidata endpoint cannot be reached, refuses, or times out; or the cache is unusable."""


@dataclass
class Settings:
    """How to talk to the endpoint. `timeout` is per query, in seconds; `cache` is a file path
    (None: no disk cache); `sleep` is how the client waits (tests pass a recorder)."""

    endpoint: str = WDQS
    user_agent: str = USER_AGENT
    timeout: float = 60.0
    retries: int = 4
    backoff: float = 2.0
    max_wait: float = 120.0
    batch_size: int = 50
    cache: Path | None = None
    offline: bool = False
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)


def load_remote_query(name: str) -> NamedQuery:
    """A remote query from queries/wikidata/ (header: what it answers, its key variable)."""
    path = QUERY_DIR / f"{name}.rq"
    if not path.exists():
        raise WikidataError(f"no Wikidata query named {name!r} in {QUERY_DIR}")
    return parse_query_file(path)


class Cache:
    """Rows per (query, key) in one SQLite file; the query's text is part of its id."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._memory: dict[tuple[str, str], list[dict]] = {}
        self._db: sqlite3.Connection | None = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(path))
                self._db.execute("CREATE TABLE IF NOT EXISTS answers (query TEXT, key TEXT, rows TEXT, "
                                 "PRIMARY KEY (query, key))")
            except sqlite3.DatabaseError as error:
                raise WikidataError(f"{path}: not a usable cache ({error}); delete it or give --cache") from None

    def get(self, query: str, key: str) -> list[dict] | None:
        if (query, key) in self._memory:
            return self._memory[(query, key)]
        if self._db is None:
            return None
        row = self._db.execute("SELECT rows FROM answers WHERE query = ? AND key = ?", (query, key)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, query: str, key: str, rows: list[dict]) -> None:
        self._memory[(query, key)] = rows
        if self._db is not None:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (query, key, json.dumps(rows)))

    def commit(self) -> None:
        if self._db is not None:
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None


@dataclass
class Asked:
    """What a run asked: requests sent, keys answered from the cache, keys unknown offline."""

    requests: int = 0
    retries: int = 0
    cached: int = 0
    unknown_offline: int = 0


class WikidataClient:
    """Runs the remote queries in batches against the endpoint, through the cache."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.cache = Cache(self.settings.cache)
        self.asked = Asked()

    def rows(self, name: str, key: str, keys: Sequence[Term]) -> dict[Term, list[dict[str, Term]]]:
        """Rows of remote query `name` for each key bound to variable `key` (rows as RDF terms)."""
        query = load_remote_query(name)
        qid = f"{name}:{hashlib.sha256(query.text.encode()).hexdigest()[:16]}"
        out: dict[Term, list[dict[str, Term]]] = {}
        todo: list[Term] = []
        for term in dict.fromkeys(keys):
            hit = self.cache.get(qid, term.n3())
            if hit is None:
                todo.append(term)
            else:
                self.asked.cached += 1
                out[term] = [_decode(r) for r in hit]
        if todo and self.settings.offline:
            self.asked.unknown_offline += len(todo)
            log.info("offline: %d %s key(s) are not in the cache", len(todo), name)
            todo = []
        size = max(1, self.settings.batch_size)
        for start in range(0, len(todo), size):
            batch = todo[start:start + size]
            answer = self._select(_with_values(query.text, key, batch))
            grouped: dict[str, list[dict]] = {t.n3(): [] for t in batch}
            for binding in answer:
                value = binding.get(key)
                if value is not None and _decode_term(value).n3() in grouped:
                    grouped[_decode_term(value).n3()].append(binding)
            for term in batch:
                self.cache.put(qid, term.n3(), grouped[term.n3()])
                out[term] = [_decode(r) for r in grouped[term.n3()]]
            self.cache.commit()
        return out

    def _select(self, text: str) -> list[dict]:
        """One SELECT through SPARQLWrapper, retried on 429/503; JSON bindings."""
        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        s = self.settings
        attempt = 0
        while True:
            wrapper = SPARQLWrapper(s.endpoint, agent=s.user_agent)
            wrapper.setMethod(POST)
            wrapper.setReturnFormat(JSON)
            wrapper.timeout = s.timeout  # setTimeout() would round it down to whole seconds
            wrapper.setQuery(text)
            self.asked.requests += 1
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # SPARQLWrapper on an unknown content type
                    result = wrapper.query().convert()
                if not isinstance(result, dict):
                    raise WikidataError(f"{s.endpoint}: the answer is not SPARQL JSON "
                                        f"(it starts {bytes(result or b'')[:40]!r})")
                return result["results"]["bindings"]
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_CODES or attempt >= s.retries:
                    raise WikidataError(f"{s.endpoint}: HTTP {error.code} {error.reason}"
                                        + (f" after {attempt + 1} tries" if attempt else "")) from None
                wait = _retry_after(error.headers.get("Retry-After")) if error.headers else None
                wait = min(s.max_wait, wait if wait is not None else s.backoff * (2 ** attempt))
                log.info("%s answered %d; waiting %.1f s before trying again", s.endpoint, error.code, wait)
                attempt += 1
                self.asked.retries += 1
                s.sleep(wait)
            except (socket.timeout, TimeoutError) as error:
                raise WikidataError(f"{s.endpoint}: no answer within {s.timeout:g} s ({error})") from None
            except urllib.error.URLError as error:
                if isinstance(error.reason, (socket.timeout, TimeoutError)):
                    raise WikidataError(f"{s.endpoint}: no answer within {s.timeout:g} s") from None
                raise WikidataError(f"{s.endpoint}: cannot reach the endpoint ({error.reason})") from None
            except (http.client.HTTPException, ConnectionError) as error:
                raise WikidataError(f"{s.endpoint}: the connection failed ({type(error).__name__})") from None
            except SPARQLWrapperException as error:
                raise WikidataError(f"{s.endpoint}: {str(error).splitlines()[0]}") from None
            except (ValueError, KeyError, TypeError) as error:
                raise WikidataError(f"{s.endpoint}: the answer is not SPARQL JSON ({error})") from None

    def close(self) -> None:
        self.cache.close()


def _with_values(text: str, key: str, terms: Iterable[Term]) -> str:
    position = _where_brace(text)
    if position is None:
        raise WikidataError("a remote query has no WHERE { ... } group")
    values = render_values_rows([key], [[t] for t in terms])
    return f"{text[:position + 1]}\n  {values}\n{text[position + 1:]}"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


def _decode_term(value: dict) -> Term:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang = value.get("xml:lang")
    datatype = value.get("datatype")
    return Literal(value["value"], lang=lang, datatype=URIRef(datatype) if datatype and not lang else None)


def _decode(binding: dict) -> dict[str, Term]:
    return {name: _decode_term(value) for name, value in binding.items()}
