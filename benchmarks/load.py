"""Load on the web server over a large store: latency per route, errors, server memory.

    python benchmarks/load.py [--articles 12000] [--requests 2000] [--concurrency 20]
                              [--store PATH] [--keep]

Builds a store of synthetic articles through the store's API (``add_article``,
``start_story``, ``assign``, ``save_brief``: four articles a story, each story a
stand-in brief of about 8 kB of JSON and 16 kB of report, no spaCy), starts
``storybrief serve`` on loopback in a subprocess, then sends the requests with
``--concurrency`` at a time, in turn to the home page, ``/api/stories`` and a
story's page (a random story each time). Reports errors (any status but 200, or
no answer), p50 and p95 per route, and the server's resident memory (peak while
loaded). Writes ``benchmarks/results/load.md``. Loopback only; bounded by the
request count. Targets (issue #21): no error, home and ``/api/stories`` p95
under 0.5 s, server RSS under 400 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from storybrief.model import Article, DateRef, Metadata, Stated
from storybrief.model import Evidence as _Evidence
from storybrief.store import open_store

RESULTS = Path(__file__).resolve().parent / "results"
PER_STORY = 4
WORDS = [
    "ferry",
    "strike",
    "union",
    "port",
    "harbour",
    "council",
    "minister",
    "budget",
    "court",
    "ruling",
    "storm",
    "flood",
    "election",
    "vote",
    "tram",
    "drivers",
    "talks",
    "wages",
    "rota",
    "terminal",
    "passengers",
    "island",
    "operator",
    "spokesman",
    "police",
    "hospital",
    "school",
    "mayor",
    "bridge",
    "energy",
    "prices",
    "market",
    "shares",
    "bank",
    "rates",
    "inflation",
    "farmers",
    "drought",
    "harvest",
    "festival",
    "museum",
    "orchid",
    "garden",
    "stadium",
]


def _article(n: int, rng: random.Random) -> Article:
    """A synthetic article of about 2.5 kB, its words drawn at random (no two alike)."""
    body = " ".join(rng.choice(WORDS) for _ in range(380))
    text = f"Report {n}. " + body.capitalize() + "."
    title = f"Synthetic report {n}"
    published = DateRef(dt.date(2024, 1, 1) + dt.timedelta(days=n % 365), "day", False, None)
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:12],
        source=f"synthetic/{n:05d}.txt",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest()[:16],
        metadata=Metadata(
            title=Stated(title, _Evidence(title, "record")),
            outlet=Stated("Load Gazette", _Evidence("Load Gazette", "record")),
            published=published,
            url=f"https://example.invalid/{n}",
        ),
    )


def build_store(path: Path, articles: int) -> float:
    """Fill a store at ``path``; returns the seconds it took."""
    started = time.perf_counter()
    rng = random.Random(21)
    store = open_store(path)
    brief = {"schema": "storybrief.brief/1", "summary": ["x" * 100] * 80}
    report = "<html><body>" + "<p>" + "y" * 200 + "</p>" * 80 + "</body></html>"
    story = 0
    for n in range(articles):
        article = _article(n, rng)
        added = store.add_article(article)
        why = {"joined": n % PER_STORY != 0, "similarity": 0.5}
        if n % PER_STORY == 0:
            story = store.start_story(added.id, article.title.value if article.title else "", why)
        else:
            store.assign(added.id, story, why)
        if n % PER_STORY == PER_STORY - 1:
            store.save_brief(story, f"Story of report {n}", brief, report)
        if n and n % 2000 == 0:
            print(f"  {n} articles ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    store.close()
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _load(
    base: str, routes: list[str], requests: int, concurrency: int, stories: int
) -> tuple[dict[str, list[float]], dict[str, int]]:
    latencies: dict[str, list[float]] = {r: [] for r in routes}
    errors: dict[str, int] = dict.fromkeys(routes, 0)
    rng = random.Random(7)
    queue = [routes[k % len(routes)] for k in range(requests)]
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def one(route: str) -> None:
            path = route.replace("{id}", str(rng.randint(1, stories)))
            async with gate:
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies[route].append(time.perf_counter() - started)
                errors[route] += not ok

        await asyncio.gather(*(one(route) for route in queue))
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=12_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--store", type=Path, help="a store built before (else a new one)")
    parser.add_argument("--keep", action="store_true", help="keep the store built")
    parser.add_argument("--out", type=Path, default=RESULTS / "load.md")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="storybrief-load-"))
    path = args.store or folder / "load.db"
    built = None
    if args.store is None or not path.exists():
        print(f"building a store of {args.articles} articles at {path}", file=sys.stderr)
        built = build_store(path, args.articles)
    store = open_store(path, read_only=True)
    counts = store.counts()
    store.close()
    size_mb = path.stat().st_size / 2**20

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "storybrief", "serve", "--db", str(path), "--port", str(port)],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/stories?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        idle = _rss_mb(server.pid)
        peak = [idle]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak.append(_rss_mb(server.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        routes = ["/", "/api/stories", "/stories/{id}"]
        started = time.perf_counter()
        latencies, errors = asyncio.run(
            _load(base, routes, args.requests, args.concurrency, counts["stories"])
        )
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        high = max(max(peak), _rss_mb(server.pid, "VmHWM"))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.keep or args.store is not None:
            print(f"kept the store at {path}", file=sys.stderr)
        else:
            for leftover in sorted(folder.iterdir()):
                leftover.unlink()
            folder.rmdir()

    rows = []
    for route in routes:
        times = sorted(latencies[route])
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        rows.append(
            f"| `{route}` | {len(times)} | {errors[route]} | "
            f"{statistics.median(times) * 1000:.0f} ms | {p95 * 1000:.0f} ms |"
        )
    lines = [
        "# Load: the web server over a large store",
        "",
        f"`python benchmarks/load.py` on {dt.date.today().isoformat()}: "
        f"{counts['articles']} articles in {counts['stories']} stories "
        f"(SQLite, {size_mb:.0f} MB"
        + (f", built in {built:.0f} s through the store API" if built is not None else "")
        + f"); {args.requests} requests, {args.concurrency} at a time, over loopback "
        f"to `storybrief serve` ({wall:.1f} s, {args.requests / wall:.0f} requests/s).",
        "",
        "| route | requests | errors | p50 | p95 |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"Server resident memory: {idle:.0f} MB idle, {high:.0f} MB peak under load.",
        "",
        "Targets (issue #21): 0 errors; home and `/api/stories` p95 < 0.5 s; server RSS < 400 MB.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    args.out.write_text(report, encoding="utf-8")
    print(json.dumps({"wrote": str(args.out)}), file=sys.stderr)


if __name__ == "__main__":
    main()
