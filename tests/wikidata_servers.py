"""Local stand-ins for the Wikidata Query Service: a real `oxigraph serve` holding the
Wikidata-shaped fixture, and a small HTTP proxy in front of it that can answer 429/503 or
hold a request past the client's timeout, and records what each request sent."""
from __future__ import annotations

import subprocess
import threading
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import free_port, oxigraph_binary, wait_for

FIXTURE = Path(__file__).resolve().parent / "data" / "wikidata" / "fixture.ttl"


def start_fixture_server(folder: Path, fixture: Path = FIXTURE) -> tuple[str, subprocess.Popen]:
    """`oxigraph load` the fixture into `folder`, then `oxigraph serve` it on 127.0.0.1."""
    subprocess.run([oxigraph_binary(), "load", "--location", str(folder), "--file", str(fixture)],
                   check=True, capture_output=True, timeout=60)
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(folder),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    wait_for(url, process, 30, lambda: process.stderr.read().decode()[:500])
    return url, process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@dataclass
class Script:
    """What the proxy answers: first `failures` (status, Retry-After or None) in turn, then
    the real server's answer; `hold` keeps a request open (until released) before answering."""

    failures: list[tuple[int, str | None]] = field(default_factory=list)
    hold: bool = False
    garbage: bool = False
    headers: dict[str, str] = field(default_factory=dict)  # added to the real server's answer
    requests: list[dict] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


class Proxy:
    """A thread on 127.0.0.1 forwarding SPARQL requests to `upstream`, following a Script."""

    def __init__(self, upstream: str) -> None:
        self.script = Script()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # SPARQLWrapper posts the query form-encoded
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                script = proxy.script
                script.requests.append({"user_agent": self.headers.get("User-Agent"), "body": body})
                if script.hold:
                    script.release.wait(10)
                    return
                if script.garbage:  # a captive portal or a proxy error page
                    payload = b"<html><body>Service temporarily unavailable</body></html>"
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                if script.failures:
                    status, retry_after = script.failures.pop(0)
                    self.send_response(status)
                    if retry_after is not None:
                        self.send_header("Retry-After", retry_after)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                request = urllib.request.Request(upstream, data=body, method="POST", headers={
                    "Content-Type": self.headers.get("Content-Type", "application/x-www-form-urlencoded"),
                    "Accept": self.headers.get("Accept", "application/sparql-results+json")})
                with urllib.request.urlopen(request, timeout=30) as answer:
                    payload = answer.read()
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.headers.get("Content-Type"))
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in script.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def reset(self, **script: object) -> Script:
        self.script.release.set()
        self.script = Script(**script)  # type: ignore[arg-type]
        return self.script

    def close(self) -> None:
        self.script.release.set()
        self.server.shutdown()
        self.server.server_close()
