"""Support links to judge: every summary passage's second sources on clusters never tuned on.

    python benchmarks/support_links.py --out /tmp/links.md [--sets d06,mn,d07]

Briefs DUC 2006 topics 1-50 (150 words, with the documents' dates), Multi-News test
clusters 100-199 (100 words) and the ten DUC 2007 update topics with all their
documents (150 words), and writes each support link as a numbered entry (the passage,
then the sentence of another document said to report it) to ``--out``, for a reader to
judge one by one: right when the other sentence states the passage's main assertion
(the same doer, act, figures, the same occasion), wrong otherwise. The data are
research-only: the file holds their text, so write it outside the repository.

Prints a table: clusters, passages and links per set. The verdicts of session 62 (two
readers, 212 links at commit 3b2b71b; 167 right) and the classes of the wrong ones are in
its note.

    python benchmarks/support_links.py --summaries mn:20-36,d04:25-32 --out /tmp/s.md

writes instead whole summaries (the default 250 words, every passage with its offsets and
its support) of the given clusters of Multi-News (``mn``), DUC 2004 (``d04``) or NewsWCL50
(``wcl``: one 2018 event by five outlets from left to right, its tokens joined again) or
ECB+ (``ecb`` / ``ecbplus``: the topic's first or second event, topics in order; its
tokens joined again, a sentence a paragraph, the crawler's address line left out), and
each cluster's documents as ``<out stem>-docs/<cluster>/<doc id>.txt``, for a reader to
judge every sentence (fine, fragment, debris, dangling, redundant, superseded, off-topic)
and every link. Session 63 read three rounds of 16 clusters this way (its note).

``t17`` gives Timeline17 windows, dated crawled pages as a reader of a breaking story
has them: for each of the eight topics, the articles published within a day of its
N-th busiest day (``t17:1-2``: the second busiest; at most 20 articles, in order of
publication). Session 72 read ranks 1 to 3 this way (its note).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import storybrief

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SETS = {
    "d06": (EVAL / "duc2006" / "duc2006_qfmds.jsonl", 0, 50, 150),
    "mn": (EVAL / "multinews_longbench" / "multinews_test200.jsonl", 100, 200, 100),
}
DUC2007 = EVAL / "duc2007_update" / "duc2007_update.jsonl"
#: The sets ``--summaries`` reads, by the name its ranges give them.
WHOLE = {
    "mn": EVAL / "multinews_longbench" / "multinews_test200.jsonl",
    "d04": EVAL / "duc2004_task2" / "duc2004_task2.jsonl",
    "wcl": EVAL / "newswcl50" / "newswcl50_clusters.jsonl",
}
#: ECB+: each topic holds two events of one kind, its "ecb" and "ecbplus" halves.
ECBPLUS = EVAL / "ecbplus" / "ecbplus_docs.jsonl.gz"
#: Timeline17's articles, one file a topic.
T17 = EVAL / "timeline17_crisis" / "articles"
#: A Timeline17 window: the articles within this many days of a busy day, at most so many.
WINDOW_DAYS = 1
WINDOW_ARTICLES = 20
#: A token the tokenizer split off that joins the word before it again.
_JOINS_BEFORE = re.compile(r"[.,;:!?%)\]”]+|(?:'|’)(?:s|re|ve|ll|d|m)?|n(?:'|’)t")


def clusters(name: str) -> Iterator[tuple[str, list[dict[str, Any]], int]]:
    """(cluster name, input documents, word budget) of a set."""
    if name == "d07":
        with DUC2007.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        for topic in sorted({r["topic"] for r in records}):
            docs = [
                _document(d, dated=True)
                for r in records
                if r["topic"] == topic
                for d in r["documents"]
            ]
            yield f"d07{topic}", [d for d in docs if d["text"].strip()], 150
        return
    path, first, last, words = SETS[name]
    with path.open(encoding="utf-8") as lines:
        for k, line in enumerate(itertools.islice(lines, first, last), first):
            record = json.loads(line)
            docs = [_document(d, dated=name == "d06") for d in record["documents"]]
            yield f"{name}{k}", [d for d in docs if d["text"].strip()], words


def _document(record: dict[str, Any], *, dated: bool) -> dict[str, Any]:
    if "outlet_position" in record:  # NewsWCL50: tokens, one sentence a line
        return {"text": detokenize(record["text"])}
    out: dict[str, Any] = {"text": record["text"]}
    if dated and (record.get("date") or "")[:10]:
        out["published"] = record["date"][:10]
    return out


#: Tokens split inside one written word: "1 : 30", "1 , 300", "472 . 72bn", "a . m .",
#: "U . S .", "8 / 2 / 13", "TMZ . com", "Lohan ’ s".
_SPLIT_WORDS = (
    (re.compile(r"(?<=\d) ([:/]) (?=\d)"), r"\1"),
    (re.compile(r"(?<=\d) , (?=\d{3}\b)"), ","),
    (re.compile(r"(?<=\d) \. (?=\d)"), "."),
    (re.compile(r"\b([A-Za-z]) \. (?=[A-Za-z] \.)"), r"\1."),
    (re.compile(r"(?<=\.[A-Za-z]) \.(?= |$)"), "."),
    (re.compile(r"(?<=\w) \. (?=(?:com|org|net|gov)\b)"), "."),
    (re.compile(r" ([’']) (?=(?:s|re|ve|ll|d|m|t)\b)"), r"\1"),
)


#: A quote open across more lines than this is taken as unbalanced: its paragraph ends.
QUOTE_SENTENCES = 4


def detokenize(text: str, *, quotes_across: bool = False) -> str:
    """NewsWCL50's (or ECB+'s) text as a page reads: its tokens joined (a sentence a
    line, a paragraph ending with a written "\\n"), punctuation and clitics joined to the
    word before them, straight double quotes opened and closed in turn (within a
    paragraph, or across them with ``quotes_across``), hyphens closed up ("Obama - era":
    "Obama-era"), words the tokenizer split written whole again ("1 : 30 a . m .")."""
    for pattern, replacement in _SPLIT_WORDS:
        text = pattern.sub(replacement, text)
    paragraphs = []
    opened = False
    words: list[str] = []
    spanned = 0
    for paragraph in text.split("\\n"):
        if not 0 < spanned < QUOTE_SENTENCES:  # a quote still open goes on in one paragraph
            words = []
            opened = False
        glue = False  # the next token joins the one before: after an opening quote
        for token in paragraph.split():
            if token == '"':
                if opened:
                    words[-1:] = [(words[-1] if words else "") + '"']
                else:
                    words.append('"')
                    glue = True
                opened = not opened
                continue
            if words and (glue or _JOINS_BEFORE.fullmatch(token) or words[-1][-1] in "([$“‘"):
                words[-1] += token
            else:
                words.append(token)
            glue = False
        spanned = spanned + 1 if opened and quotes_across else 0
        if 0 < spanned < QUOTE_SENTENCES:
            continue
        joined = re.sub(r"(\w) - (\w)", r"\1-\2", " ".join(words))
        if joined:
            paragraphs.append(joined)
    if 0 < spanned < QUOTE_SENTENCES and words:  # the text ends inside a quote
        paragraphs.append(re.sub(r"(\w) - (\w)", r"\1-\2", " ".join(words)))
    return "\n\n".join(paragraphs)


def ecb_records(half: str) -> list[dict[str, Any]]:
    """ECB+'s events of one half ("ecb" or "ecbplus"), topics in order, each as a record
    of documents whose text is the page's sentences joined again."""
    events: dict[int, list[dict[str, Any]]] = {}
    with gzip.open(ECBPLUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["subset"] != half:
                continue
            sentences = [s for s in doc["sentences"] if not s.startswith("http :")]
            tokens = "\\n".join(s.replace("``", '"').replace("''", '"') for s in sentences)
            events.setdefault(int(doc["topic"]), []).append(
                {"doc_id": doc["doc_name"], "text": detokenize(tokens, quotes_across=True)}
            )
    return [
        {"documents": sorted(docs, key=lambda d: d["doc_id"])} for _, docs in sorted(events.items())
    ]


def t17_windows(rank: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each Timeline17 topic's window around its ``rank``-th busiest day of publication
    (0: the busiest), as ``(topic and rank, record)``; documents with text and date."""
    from timeline import detokenize  # benchmarks/timeline.py

    for path in sorted(T17.glob("t17_*.jsonl.gz")):
        topic = path.name[len("t17_") : -len(".jsonl.gz")]
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines]
        days = sorted(
            Counter(r["pub_date"][:10] for r in rows).items(), key=lambda kv: (-kv[1], kv[0])
        )
        if rank >= len(days):
            continue
        busy = dt.date.fromisoformat(days[rank][0])
        near = [
            r
            for r in rows
            if abs((dt.date.fromisoformat(r["pub_date"][:10]) - busy).days) <= WINDOW_DAYS
        ]
        near.sort(key=lambda r: (r["pub_date"], r.get("id", "")))
        documents = [
            {"text": detokenize(r["text"]), "date": r["pub_date"][:10]}
            for r in near[:WINDOW_ARTICLES]
        ]
        yield f"{topic}{rank}", {"documents": documents}


def _records(name: str, first: int, last: int) -> Iterator[tuple[int | str, dict[str, Any]]]:
    if name == "t17":
        for rank in range(first, last):
            yield from t17_windows(rank)
        return
    if name in ("ecb", "ecbplus"):
        yield from itertools.islice(enumerate(ecb_records(name)), first, last)
        return
    with WHOLE[name].open(encoding="utf-8") as lines:
        for k, line in enumerate(itertools.islice(lines, first, last), first):
            yield k, json.loads(line)


def summaries(spec: str, out: Path) -> None:
    """Whole summaries of the clusters ``spec`` names ("mn:20-36,d04:25-32": first
    included, last not), with their documents beside ``out``."""
    entries = []
    folder = out.with_name(out.stem + "-docs")
    for part in spec.split(","):
        name, _, span = part.partition(":")
        first, _, last = span.partition("-")
        for k, record in _records(name, int(first), int(last)):
            docs = [_document(d, dated=True) for d in record["documents"]]
            docs = [d for d in docs if d["text"].strip()]
            if not docs:
                continue
            brief = storybrief.brief(docs)
            here = folder / f"{name}{k}"
            here.mkdir(parents=True, exist_ok=True)
            for doc in brief.documents:
                (here / f"{doc.id}.txt").write_text(doc.article.text, encoding="utf-8")
            entries.append(f"# {name}{k} ({len(docs)} documents; texts in {here}/)\n")
            for n, p in enumerate(brief.summary, 1):
                entries.append(f"S{n} [{p.doc_id} {p.start}-{p.end}] {p.text}")
                entries += [f"    - {s.doc_id}: {s.text}" for s in p.support]
            entries.append("")
    out.write_text("\n".join(entries), encoding="utf-8")
    sentences = sum(e.startswith("S") for e in entries)
    sys.stdout.write(f"{sentences} summary sentences written to {out}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sets", default="d06,mn,d07")
    parser.add_argument("--summaries", help='whole summaries of clusters, e.g. "mn:20-36"')
    args = parser.parse_args()
    if args.summaries:
        summaries(args.summaries, args.out)
        return
    rows = []
    entries = []
    for name in args.sets.split(","):
        n_clusters = n_passages = n_links = 0
        for cluster, docs, words in clusters(name):
            if not docs:
                continue
            brief = storybrief.brief(docs, words=words)
            n_clusters += 1
            for k, passage in enumerate(brief.summary, 1):
                n_passages += 1
                for link in passage.support:
                    n_links += 1
                    entries.append(
                        f"## L{len(entries) + 1} ({cluster} s{k})\n"
                        f"SUMMARY: {passage.text}\nSUPPORT: {link.text}\n"
                    )
        rows.append((name, n_clusters, n_passages, n_links))
    args.out.write_text("\n".join(entries), encoding="utf-8")
    lines = ["| set | clusters | passages | links |", "|---|---:|---:|---:|"]
    lines += [f"| {name} | {c} | {p} | {n} |" for name, c, p, n in rows]
    sys.stdout.write("\n".join(lines) + f"\n\n{len(entries)} links written to {args.out}\n")


if __name__ == "__main__":
    main()
