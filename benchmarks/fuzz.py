"""Fuzzing the readers and the API with generated hostile inputs (#21).

    python benchmarks/fuzz.py [--inputs N] [--briefs N] [--seed S] [--limit SECONDS]

A seeded generator (reproducible: the same seed gives the same inputs) makes
hostile text, records and files of every format the readers take: text, HTML,
JSON, JSONL, JSONL.gz, RSS/Atom, WARC (plain and gzip), Multi-News and folders,
built from pieces that broke storybrief before (lone surrogates, control
characters, numbers of thousands of digits, year 0, runs of brackets, lines of
blanks, markup in titles, bad WARC lengths, truncated gzip), from valid inputs
mutated byte by byte, and from random bytes. Most inputs go through the readers
and cleaning (``load_articles``, and ``iter_stream`` for files), which is fast; a
subset goes through the whole ``storybrief.brief`` (spaCy and the analysis),
which is not. A handful of large hand-made inputs (articles of 60 KB and 200 KB,
30,000 '[', a blank line of 2 MB, a 300 MB line in a .jsonl.gz) go through too.

An uncaught exception is any exception out of ``load_articles``, ``iter_stream``
or ``brief`` other than ``InputError`` (nothing usable, a documented outcome) or a
result whose strings cannot be written as UTF-8. Each input runs under an alarm
of ``--limit`` seconds (a hang is counted, not waited for). Targets: 0 and 0.
Writes ``benchmarks/results/fuzz.md`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import signal
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any

import storybrief
from storybrief.config import Settings
from storybrief.errors import InputError
from storybrief.ingest import load_articles
from storybrief.ingest.stream import iter_stream
from storybrief.model import Article, IngestFailure

RESULTS = Path(__file__).resolve().parent / "results"

SENTENCES = [
    "The island ferry resumed its normal timetable on Monday after a week of storms.",
    "Passengers who missed sailings can use their tickets until the end of the month, "
    "the operator said.",
    '"We are back on schedule," said Ane Berg, a spokeswoman for Isle Ferries.',
    "LERWICK, Shetland (Reuters) - Officials met in London on Tuesday.",
    "Prices rose 4.5% to $1.2 billion in 2023, up from 900 million in 2022.",
    "The strike began on March 3, 2024 and ended three weeks later.",
    "By Lars Udal",
    "Published 0000-01-01",
    "January 1, 0000",
    "In the year 0 the port was built; on 0000-00-00 it closed.",
    "Updated 9999-12-31T25:61:00Z",
]
HOSTILE = [
    "\ud800",
    "\udfff\ud83d",
    "\x00",
    "\x1b[31m",
    "\x7f\x85\u2028\u2029",
    "\u202e",
    "\ufeff",
    "[/bold]",
    "[bold red]",
    "<script>alert(1)</script>",
    "<title>x</title>",
    "]]>",
    "&amp;&#0;&#x110000;",
    "1" * 5000,
    "-" * 3000,
    "$" * 3000,
    "[" * 3000,
    "'s" * 1500,
    ".," * 1500,
    " " * 5000,
    "\n" * 500,
    "\r" * 300,
    "\t" * 300,
    "|||||",
    "NEWLINE_CHAR",
    "WARC/1.0\r\n",
    "{" * 500,
    "/etc/passwd",
    "../../etc/passwd",
    "a" * 3000,
    "😀" * 200,
    "\u0301" * 300,
    "ﷺ" * 100,
    "日本語のテキスト",
    "(AP Photo/Jane Doe)",
    "RELATED: x",
    "Original url: <https://e.org/x>",
    "http://" + "a" * 500,
    "0000-00-00",
    "-0",
    "1e999999",
    "NaN",
]
FIELDS = ["text", "title", "url", "outlet", "byline", "published", "date", "source", "documents"]
SUFFIXES = [
    ".txt",
    ".md",
    ".html",
    ".json",
    ".jsonl",
    ".jsonl.gz",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".warc.gz",
    ".src",
    "",
]


class Hang(BaseException):  # not an Exception: no catch-all may swallow it
    """An input ran past the alarm."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


# -- generation ----------------------------------------------------------------------------


def hostile_text(rng: random.Random, max_pieces: int = 12) -> str:
    pieces = []
    for _ in range(rng.randint(1, max_pieces)):
        roll = rng.random()
        if roll < 0.5:
            pieces.append(rng.choice(SENTENCES))
        elif roll < 0.85:
            piece = rng.choice(HOSTILE)
            pieces.append(piece[: rng.randint(1, len(piece))] if rng.random() < 0.5 else piece)
        else:
            pieces.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 40))))
    joiners = [" ", "\n", "\n\n", "", "\r\n"]
    return "".join(p + rng.choice(joiners) for p in pieces)


def hostile_value(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.6:
        return hostile_text(rng, 4)
    if roll < 0.7:
        return rng.choice([None, True, 0, -1, 10**30, 1.5e308, [], {}])
    if roll < 0.8:
        return rng.choice(["0000-01-01", "2024-02-30", "9999-99-99", "0001-01-01", "2024"])
    if roll < 0.9:
        return [hostile_record(rng) for _ in range(rng.randint(0, 3))]
    return hostile_text(rng, 1) * rng.randint(1, 50)


def hostile_record(rng: random.Random) -> dict[str, Any]:
    record: dict[str, Any] = {"text": hostile_text(rng)} if rng.random() < 0.8 else {}
    for field in rng.sample(FIELDS, rng.randint(0, len(FIELDS))):
        record[field] = hostile_value(rng)
    return record


def _json(rng: random.Random, value: Any) -> str:
    return json.dumps(value, ensure_ascii=rng.random() < 0.5, allow_nan=True)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def warc_record(uri: str, html: str, delta: int = 0, kind: str = "text/html") -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n\r\n".encode() + _encode(html)
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {max(len(http) + delta, 0)}\r\n\r\n"
    )
    return _encode(head) + http + b"\r\n\r\n"


def html_page(rng: random.Random) -> str:
    return (
        f"<html><head><title>{hostile_text(rng, 2)}</title>"
        f'<meta name="author" content="{hostile_text(rng, 1)}">'
        f'<meta property="article:published_time" content="{rng.choice(HOSTILE)}">'
        f"</head><body><article><h1>{hostile_text(rng, 2)}</h1>"
        + "".join(f"<p>{hostile_text(rng, 4)}</p>" for _ in range(rng.randint(0, 6)))
        + "</article></body></html>"
    )


def feed(rng: random.Random, atom: bool) -> str:
    items = []
    for _ in range(rng.randint(0, 4)):
        if atom:
            items.append(
                f"<entry><title>{hostile_text(rng, 1)}</title><link href='{rng.choice(HOSTILE)}'/>"
                f"<updated>{rng.choice(['0000-00-00', '2024-02-30', hostile_text(rng, 1)])}"
                f"</updated><content type='html'><![CDATA[{hostile_text(rng)}]]></content></entry>"
            )
        else:
            items.append(
                f"<item><title>{hostile_text(rng, 1)}</title><link>{rng.choice(HOSTILE)}</link>"
                f"<pubDate>{rng.choice(['Mon, 00 Jan 0000', hostile_text(rng, 1)])}</pubDate>"
                f"<description>{hostile_text(rng)}</description></item>"
            )
    if atom:
        return (
            "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            + "".join(items)
            + "</feed>"
        )
    return "<?xml version='1.0'?><rss version='2.0'><channel>" + "".join(items) + "</channel></rss>"


def file_bytes(rng: random.Random, suffix: str) -> bytes:
    """Content for a file of this suffix: well-formed with hostile pieces, mutated, or noise."""
    roll = rng.random()
    if roll < 0.1:
        return rng.randbytes(rng.randint(0, 4000))
    if suffix in (".jsonl", ".jsonl.gz"):
        lines = [_json(rng, hostile_record(rng)) for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.3:
            lines.insert(rng.randint(0, len(lines)), '{"text": "x", "n": ' + "9" * 5000 + "}")
        data = _encode("\n".join(lines))
        data = gzip.compress(data) if suffix.endswith(".gz") else data
    elif suffix == ".json":
        data = _encode(_json(rng, [hostile_record(rng) for _ in range(rng.randint(0, 3))]))
    elif suffix in (".html", ""):
        data = _encode(html_page(rng))
    elif suffix in (".rss", ".atom", ".xml"):
        data = _encode(feed(rng, suffix == ".atom" or rng.random() < 0.3))
    elif suffix in (".warc", ".warc.gz"):
        records = [
            warc_record(
                rng.choice(["https://e.org/a", hostile_text(rng, 1)]),
                html_page(rng),
                rng.choice([0, 0, 0, 40, -40, 10**6, -(10**6)]),
                rng.choice(["text/html", "text/html; charset=utf-8", "image/png", ""]),
            )
            for _ in range(rng.randint(1, 4))
        ]
        if suffix.endswith(".gz"):
            data = b"".join(gzip.compress(r) for r in records)
        else:
            data = b"".join(records)
    elif suffix == ".src":
        data = _encode(" ||||| ".join(hostile_text(rng) for _ in range(rng.randint(1, 3))))
    else:
        data = _encode(hostile_text(rng))
    if roll < 0.35 and data:  # mutate: flip, cut, insert, repeat
        data = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            op = rng.random()
            at = rng.randrange(len(data)) if data else 0
            if op < 0.4 and data:
                data[at] = rng.randrange(256)
            elif op < 0.6:
                del data[at:]
            elif op < 0.8:
                data[at:at] = rng.randbytes(rng.randint(1, 50))
            elif data:
                data[at:at] = data[at : at + 200] * rng.randint(2, 20)
        data = bytes(data)
    return data


# -- checking ------------------------------------------------------------------------------


def check(results: Iterable[Article | IngestFailure]) -> None:
    """Every result is a record whose strings can be written as UTF-8 and as JSON."""
    for result in results:
        if isinstance(result, IngestFailure):
            json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
        elif isinstance(result, Article):
            payload = [result.source, result.text, result.url or ""]
            for stated in (result.title, result.outlet, result.byline, result.dateline):
                if stated is not None:
                    payload += [stated.value, stated.evidence.text]
            "".join(payload).encode("utf-8")
        else:
            raise TypeError(f"not a result: {type(result).__name__}")


def run_brief(inputs: list[Any]) -> None:
    try:
        made = storybrief.brief(inputs)
    except InputError:
        return
    json.dumps(made.to_dict(), ensure_ascii=False).encode("utf-8")


class Tally:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.rows: Counter[str] = Counter()
        self.errors: list[str] = []
        self.slow: list[str] = []
        self.hangs: list[str] = []
        self.slowest: dict[str, tuple[float, str]] = {}
        self.times: dict[str, float] = {}

    def run(self, kind: str, describe: str, job: Callable[[], None]) -> None:
        self.rows[kind] += 1
        signal.alarm(self.limit)
        start = time.perf_counter()
        try:
            job()
        except Hang:
            self.hangs.append(f"{kind}: {describe}")
        except Exception:
            self.errors.append(f"{kind}: {describe}\n{traceback.format_exc(limit=-4)}")
        finally:
            signal.alarm(0)
        took = time.perf_counter() - start
        self.times[f"{kind}: {describe}"] = took
        if took > 30:
            self.slow.append(f"{kind}: {describe} ({took:.1f} s)")
        if took > self.slowest.get(kind, (0.0, ""))[0]:
            self.slowest[kind] = (took, describe)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs to the readers")
    parser.add_argument("--briefs", type=int, default=400, help="of which also briefed")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--limit", type=int, default=120, help="seconds before a hang")
    parser.add_argument("--out", type=Path, default=RESULTS / "fuzz.md")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(args.seed)
    tally = Tally(args.limit)
    settings = Settings()
    started = time.perf_counter()
    brief_every = max(args.inputs // max(args.briefs, 1), 1)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in range(args.inputs):
            roll = rng.random()
            if roll < 0.3:
                text = hostile_text(rng)
                tally.run("text", repr(text[:80]), lambda t=text: check(load_articles([t])))
                given: list[Any] = [text]
            elif roll < 0.5:
                record = hostile_record(rng)
                tally.run("record", repr(record)[:80], lambda r=record: check(load_articles([r])))
                given = [record]
            else:
                suffix = rng.choice(SUFFIXES)
                path = folder / f"in{n}{suffix}"
                path.write_bytes(file_bytes(rng, suffix))
                describe = f"{suffix or 'no suffix'} {path.stat().st_size} bytes"
                tally.run(
                    f"file {suffix or '(none)'}",
                    describe,
                    lambda p=path: check(load_articles([p])),
                )
                tally.run(
                    "ingest (iter_stream)",
                    describe,
                    lambda p=path: check(list(iter_stream([p], settings))),
                )
                given = [path]
            if n % brief_every == 0:
                tally.run("brief (whole)", repr(given)[:80], lambda g=given: run_brief(g))
            if n % 1000 == 999:
                print(f"{n + 1} inputs, {time.perf_counter() - started:.0f} s", flush=True)
                for child in folder.iterdir():
                    child.unlink()

        # Hand-made large inputs: the hangs and blow-ups.
        article = " ".join(SENTENCES[:3] * 4000)
        big_line = folder / "one-big-line.jsonl.gz"
        with gzip.open(big_line, "wb") as out:
            out.write(b'{"text": "')
            for _ in range(300):
                out.write(b"a " * 500_000)
            out.write(b'"}\n')
        large = {
            "60 KB article": lambda: run_brief([article[:60_000]]),
            "200 KB article": lambda: run_brief([article[:200_000]]),
            "30,000 '[' in an article": lambda: run_brief([SENTENCES[0] + " " + "[" * 30_000]),
            "30,000 '$' in an article": lambda: run_brief([SENTENCES[0] + " " + "$" * 30_000]),
            "a blank line of 2 MB": lambda: check(
                load_articles([SENTENCES[0] + "\n" + " " * 2_000_000 + "\n" + SENTENCES[1]])
            ),
            "one 300 MB line in .jsonl.gz": lambda: check(list(iter_stream([big_line], settings))),
        }
        for name, job in large.items():
            tally.run("large, hand-made", name, job)

    elapsed = time.perf_counter() - started
    total = sum(tally.rows.values())
    lines = [
        f"Seed {args.seed}: {args.inputs:,} generated inputs ({total:,} runs with the briefs "
        f"and ingest re-reads), {elapsed:.0f} s; alarm {args.limit} s per run.",
        "",
        "Readers + cleaning (`load_articles`, and `iter_stream` for files) get every input; "
        f"`storybrief.brief` (spaCy and the analysis) one in {brief_every}, and the "
        "large hand-made inputs.",
        "",
        "| kind | runs | slowest s |",
        "|---|---:|---:|",
    ]
    for kind in sorted(tally.rows):
        lines.append(f"| {kind} | {tally.rows[kind]:,} | {tally.slowest[kind][0]:.2f} |")
    lines += ["", "| large, hand-made input | s |", "|---|---:|"]
    for name in large:
        lines.append(f"| {name} | {tally.times[f'large, hand-made: {name}']:.2f} |")
    slowest_kind = max(tally.slowest, key=lambda k: tally.slowest[k][0])
    lines += [
        "",
        f"- uncaught exceptions: **{len(tally.errors)}** (target 0)",
        f"- runs over 30 s: **{len(tally.slow)}** (target 0); alarms (hangs): {len(tally.hangs)}",
        f"- slowest run: {tally.slowest[slowest_kind][0]:.2f} s ({slowest_kind}: "
        f"{tally.slowest[slowest_kind][1]})",
    ]
    for title, found in (("Errors", tally.errors), ("Slow", tally.slow), ("Hangs", tally.hangs)):
        if found:
            lines += ["", f"## {title}", "", "```", *found[:20], "```"]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text("# Fuzzing (benchmarks/fuzz.py)\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
