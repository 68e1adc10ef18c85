"""Direct quotes and their speakers: storybrief next to textacy's ``direct_quotations``.

    python benchmarks/quotes.py [--sets seeds,polnear] [--limit N]

Both systems see the same text: storybrief's cleaned article text. textacy runs
on a parse of that text by storybrief's own spaCy pipeline, so gold is mapped
by text, never by offsets. A gold quote is *found* when a system direct quote of
the same article covers at least 0.8 of it (``storybrief.evaluate.coverage``);
a system quote is *correct* when it covers some gold quote that way. The "+src"
columns also require the right speaker, taken from the best-covering match.
Precision, recall and F1 are micro-averaged over quotes. Prints a table and
saves it to benchmarks/results/quotes.md.

seeds: ../shared/seeds against ../shared/seeds-gold/quotes.json. storybrief's
speaker is right when its canonical ``speaker_name`` is the gold speaker or
another form of that entity in seeds-gold/entities.json (same entity, its own
choice of spelling; the exact-name score is printed in the notes);
textacy, which resolves nothing, is right when a word of its speaker tokens is a
word of the gold canonical name or of one of that entity's surface forms in
seeds-gold/entities.json (003 spells him "Alkhatib"). For anonymous or collective
gold sources (those with a ``speaker_kind``) a speaker phrase sharing a content
word with the gold phrase, or with an alternative the gold note quotes ('Iranian
media'), is right for both systems.

polnear: PolNeAR test compartment (first N articles with ``--limit``). Gold is
restricted to DIRECT quotes, defined as follows. Quoted regions are found per
paragraph by pairing double quotation marks (“ ” or ", and the doubled
apostrophes '' that the New York Times articles use); a region left open at a
paragraph's end counts only when the next paragraph opens a quote (the
multi-paragraph convention). An attribution is direct when at least half of the
non-space characters of its content lie inside quoted regions; each quoted
region that its content covers (half or more of the region) is one gold quote,
its text being the words between the marks, its speaker the attribution's
source. Articles with several annotators keep the regions that at least half
of them mark direct; several copies of one text in an article count once.
Regions covered only by non-direct attributions (partial quotes inside indirect
speech, e.g. called it a "constitutional crisis"), or marked direct by too few
annotators, are *ignored*: a system quote that is one of them (each covers
≥ 0.8 of the other) counts neither for nor against precision. textacy raises on
an odd number of quotation marks; such an article gets no textacy quotes (its
gold still counts), and the notes say how often. The source is right
when the system's speaker phrase and a gold source phrase share a head word, or,
for storybrief, when a gold head word is a word of the resolved canonical
``speaker_name``. A phrase's head words, lower-cased and without a possessive, are
its spaCy span root (parsed alone) and its last word before the first comma or
preposition, since short phrases parse unreliably out of context. Pronouns are
not resolved on the gold side: gold "he" is matched only by a system "he".
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import storybrief
from storybrief.errors import InputError
from storybrief.evaluate import coverage
from storybrief.model import ParsedArticle, Quote
from storybrief.nlp import load_nlp, resolve_model_name

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds-gold" / "quotes.json"
POLNEAR = SHARED / "eval" / "polnear" / "polnear_attributions.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"

# The gold's own wording ("covers most of the gold text"), as the brief fixes it.
MATCH = 0.8
# "Mostly inside quotation marks": PolNeAR test contents are bimodal (1,525 of
# 2,231 with no quoted character, 467 with 90% or more); 0.5 splits the few
# mixed ones between "direct with a lead-in" and "partial quote in indirect speech".
DIRECT_SHARE = 0.5
# A region belongs to an attribution whose content covers at least half of it;
# content spans sometimes stop short of the last word or the closing mark.
REGION_SHARE = 0.5
# Gold whose text cleaning removed cannot be found by either system; dropped.
PRESENT = 0.9

_OPENING = '“"«'
_CLOSING = '”"»'
_MARKS = set(_OPENING + _CLOSING)
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s$")
_QUOTED_ALTERNATIVE = re.compile(r"'([^']+)'")
_NOMINAL = {"PROPN", "NOUN", "PRON"}
_WORD_WITH_APOSTROPHE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Where a source phrase's modifiers begin: "Edward Alden of the Council ...", "Alden, author ...".
_MODIFIER_START = re.compile(
    r",|\s(?:of|at|for|from|with|in|on|to|who|whose|which|that|and)\s", re.IGNORECASE
)


# --- shared scoring -------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """Counts for one system on one set; add tallies to micro-average."""

    gold: int = 0
    system: int = 0
    ignored: int = 0
    found: int = 0
    found_with_speaker: int = 0
    correct: int = 0
    correct_with_speaker: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self, with_speaker: bool = False) -> tuple[float, float, float]:
        """Precision, recall and F1 (of quotes, or of quotes with the right speaker)."""
        correct = self.correct_with_speaker if with_speaker else self.correct
        found = self.found_with_speaker if with_speaker else self.found
        judged = self.system - self.ignored
        precision = correct / judged if judged else 0.0
        recall = found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def speaker_accuracy(self) -> float:
        return self.found_with_speaker / self.found if self.found else 0.0


def strip_marks(text: str) -> str:
    """A quotation's words without surrounding space, quotation marks or trailing comma."""
    return text.strip().strip("\"“”‘’'«» \n\t").strip()


def content_words(text: str) -> set[str]:
    """Lower-cased words of a phrase, without stop words and one-letter pieces."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 1} - STOP_WORDS


def best_match(text: str, candidates: Sequence[str]) -> tuple[int, float]:
    """The candidate that covers ``text`` best, and how much; (-1, 0.0) when none is given."""
    best, best_score = -1, 0.0
    for i, candidate in enumerate(candidates):
        score = coverage(text, candidate)
        if score > best_score:
            best, best_score = i, score
    return best, best_score


#: A system quote: storybrief's ``Quote`` record, or a dict of its JSON form (textacy's).
SystemQuote = Quote | Mapping[str, Any]


def direct_quotes(quotes: Sequence[SystemQuote]) -> list[Mapping[str, Any]]:
    """The direct quotes, as dicts of the ``Brief.to_dict()`` form (records converted)."""
    as_dicts = (q.to_dict() if isinstance(q, Quote) else q for q in quotes)
    return [q for q in as_dicts if q.get("kind") == "direct"]


# --- seeds ----------------------------------------------------------------------------------


def seed_alternatives(entry: Mapping[str, Any]) -> list[str]:
    """Speaker phrases the gold note accepts besides ``speaker`` (quoted in single quotes)."""
    if "speaker_kind" not in entry:
        return []
    note = f"{entry.get('speaker_kind', '')} {entry.get('note', '')}"
    return _QUOTED_ALTERNATIVE.findall(note)


def seed_speaker_right(
    entry: Mapping[str, Any],
    quote: Mapping[str, Any],
    *,
    resolves_names: bool,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> bool:
    """Whether ``quote`` names the gold speaker of ``entry`` (rules in the module docstring)."""
    gold_speaker = entry.get("speaker")
    if not gold_speaker:
        return False
    phrase = quote.get("speaker") or ""
    names = [gold_speaker, *(aliases or {}).get(gold_speaker, ())]
    if resolves_names and quote.get("speaker_name") in names:
        return True
    if not resolves_names and any(content_words(phrase) & content_words(n) for n in names):
        return True
    if "speaker_kind" in entry:
        accepted = [gold_speaker, *seed_alternatives(entry)]
        return any(content_words(phrase) & content_words(a) for a in accepted)
    return False


def score_seeds(
    quotes: Sequence[SystemQuote],
    gold: Mapping[str, Any],
    doc_ids: Mapping[str, str],
    *,
    resolves_names: bool = True,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """Score direct quotes of the seeds against ``seeds-gold/quotes.json``.

    Args:
        quotes: ``Brief.quotes`` records, or dicts of their JSON form; only
            ``kind == "direct"`` count.
        gold: the parsed gold file (``quotes`` and ``not_quotes``).
        doc_ids: system document id → gold ``doc`` (the seed file name).
        resolves_names: the system gives canonical ``speaker_name``s (storybrief); when
            False (textacy) its speaker phrase is compared with the canonical name's words.
        aliases: gold canonical name → the entity's other surface forms
            (``seeds_aliases()``). A system may pick another form of the same entity as
            its canonical name ("Moaz Alkhatib"); without aliases only the exact gold
            canonical name counts.

    Returns:
        ``tally`` (a ``Tally``), the ``missed`` gold texts, the ``wrong_speaker`` gold
        texts with the speaker given, the ``not_quotes`` reported as direct quotes and
        the ``tolerated`` ones (the gold note allows them as fragments).
    """
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for quote in direct_quotes(quotes):
        by_doc[doc_ids.get(str(quote.get("doc_id")), "")].append(quote)
    entries = list(gold["quotes"])
    tally = Tally(gold=len(entries), system=sum(len(v) for v in by_doc.values()))
    missed: list[str] = []
    wrong_speaker: list[tuple[str, str | None]] = []
    for entry in entries:
        candidates = by_doc.get(entry["doc"], [])
        i, score = best_match(entry["text"], [q["text"] for q in candidates])
        if score < MATCH:
            missed.append(entry["text"])
            continue
        tally.found += 1
        if seed_speaker_right(entry, candidates[i], resolves_names=resolves_names, aliases=aliases):
            tally.found_with_speaker += 1
        else:
            wrong_speaker.append((entry["text"], candidates[i].get("speaker")))
    for doc, candidates in by_doc.items():
        doc_gold = [e for e in entries if e["doc"] == doc]
        for quote in candidates:
            scores = [coverage(e["text"], quote["text"]) for e in doc_gold]
            if not scores or max(scores) < MATCH:
                continue
            tally.correct += 1
            i = scores.index(max(scores))
            if seed_speaker_right(
                doc_gold[i], quote, resolves_names=resolves_names, aliases=aliases
            ):
                tally.correct_with_speaker += 1
    reported: list[str] = []
    tolerated: list[str] = []
    for entry in gold.get("not_quotes", []):
        target = strip_marks(entry["text"]).lower()
        hits = [q for q in by_doc.get(entry["doc"], []) if strip_marks(q["text"]).lower() == target]
        if hits:
            (tolerated if "may be reported" in entry.get("note", "") else reported).append(
                entry["text"]
            )
    return {
        "tally": tally,
        "missed": missed,
        "wrong_speaker": wrong_speaker,
        "not_quotes": reported,
        "tolerated": tolerated,
        "not_quotes_total": len(gold.get("not_quotes", [])),
    }


def seeds_aliases() -> dict[str, list[str]]:
    """Gold canonical name → its surface forms in seeds-gold/entities.json.

    A form listed under two entities names neither.
    """
    entities = json.loads((SHARED / "seeds-gold" / "entities.json").read_text(encoding="utf-8"))
    owners: dict[str, int] = defaultdict(int)
    for cluster in entities["clusters"]:
        for form in set(cluster.get("forms", [])):
            owners[form] += 1
    return {
        c["canonical"]: [f for f in c.get("forms", []) if owners[f] == 1]
        for c in entities["clusters"]
    }


# --- textacy --------------------------------------------------------------------------------


def textacy_quotes(document: ParsedArticle, nlp: Any) -> tuple[list[dict[str, Any]], bool]:
    """textacy's direct quotations of one cleaned article, as dicts of ``Quote``'s JSON form.

    Returns the quotes and whether textacy bailed out (it raises on an odd number of
    quotation marks rather than guess; that article then has no quotes).
    """
    from textacy.extract.triples import direct_quotations

    doc = nlp(document.article.text)
    quotes: list[dict[str, Any]] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return quotes, True
    for n, triple in enumerate(triples):
        content = triple.content
        start = content[0].idx + len(content[0].text)
        end = content[-1].idx
        quotes.append(
            {
                "id": f"textacy-{document.id}-{n}",
                "kind": "direct",
                "text": doc.text[start:end].strip(),
                "doc_id": document.id,
                "start": start,
                "end": end,
                "speaker": " ".join(t.text for t in triple.speaker),
                "speaker_kind": "unknown",
                "entity_id": None,
                "speaker_name": None,
                "sources": [],
            }
        )
    return quotes, False


# --- PolNeAR --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One direct quote of a PolNeAR article: the words between the marks, and who said them."""

    text: str
    sources: tuple[str, ...]


@dataclass(slots=True)
class PolnearArticle:
    filename: str
    text: str
    annotators: int
    gold: list[GoldQuote] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    no_source: int = 0


def as_double_marks(text: str) -> str:
    """``text`` with the New York Times' doubled apostrophes (''like this'') as one '"' each.

    The length is kept (the second apostrophe becomes a space), so offsets still hold.
    """
    return text.replace("''", '" ')


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of double-quoted passages, marks included (rules in the docstring).

    ``text`` should have gone through ``as_double_marks``.
    """
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    regions: list[tuple[int, int]] = []
    for number, (start, end) in enumerate(paragraphs):
        open_at: int | None = None
        for i in range(start, end):
            ch = text[i]
            if ch not in _MARKS:
                continue
            if open_at is None:
                if ch in _OPENING:
                    open_at = i
            elif ch in _CLOSING:
                regions.append((open_at, i + 1))
                open_at = None
            else:  # a second opening mark: the first was stray
                open_at = i
        if open_at is not None and number + 1 < len(paragraphs):
            following = text[paragraphs[number + 1][0] : paragraphs[number + 1][1]].lstrip()
            if following[:1] in _OPENING:
                regions.append((open_at, end))
    return regions


def _counted(text: str, start: int, end: int) -> list[int]:
    """Positions that count towards shares: not space, not a quotation mark."""
    return [i for i in range(start, end) if not text[i].isspace() and text[i] not in _MARKS]


def annotator_regions(
    text: str, attributions: Sequence[Mapping[str, Any]]
) -> tuple[dict[tuple[int, int], set[str | None]], set[tuple[int, int]]]:
    """One annotator's direct regions (with their sources) and partial-quote regions."""
    text = as_double_marks(text)
    regions = quoted_regions(text)
    inside = {i for start, end in regions for i in _counted(text, start, end)}
    direct: dict[tuple[int, int], set[str | None]] = defaultdict(set)
    partial: set[tuple[int, int]] = set()
    for attribution in attributions:
        content = attribution.get("content")
        if not content:
            continue
        covered = {i for start, end in content["spans"] for i in _counted(text, start, end)}
        if not covered:
            continue
        is_direct = len(covered & inside) / len(covered) >= DIRECT_SHARE
        source = (attribution.get("source") or {}).get("text")
        for region in regions:
            chars = _counted(text, *region)
            if not chars or len(covered.intersection(chars)) / len(chars) < REGION_SHARE:
                continue
            if is_direct:
                direct[region].add(source)
            else:
                partial.add(region)
    return direct, partial


def load_polnear(limit: int | None) -> list[PolnearArticle]:
    """Test-compartment articles in file order, with direct-quote gold (see the docstring)."""
    records: dict[str, list[dict[str, Any]]] = {}
    with POLNEAR.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["compartment"] == "test":
                records.setdefault(record["filename"], []).append(record)
    articles: list[PolnearArticle] = []
    for filename, versions in records.items():
        if limit is not None and len(articles) >= limit:
            break
        text = versions[0]["text"]
        if any(v["text"] != text for v in versions):
            raise ValueError(f"{filename}: annotators were given different texts")
        votes: dict[tuple[int, int], int] = defaultdict(int)
        sources: dict[tuple[int, int], set[str | None]] = defaultdict(set)
        marked: set[tuple[int, int]] = set()
        for annotation in versions:
            direct, partial = annotator_regions(text, annotation["attributions"])
            for region, region_sources in direct.items():
                votes[region] += 1
                sources[region] |= region_sources
            marked |= partial | set(direct)
        article = PolnearArticle(filename, text, len(versions))
        by_text: dict[str, set[str]] = {}
        for region in sorted(marked):
            words = strip_marks(text[region[0] : region[1]])
            if not _WORD.search(words):
                continue
            if 2 * votes[region] >= len(versions):
                named = {s.strip(" ,;:") for s in sources[region] if s}
                by_text.setdefault(" ".join(words.split()), set()).update(named)
            else:
                article.ignored.append(words)
        for words, named in by_text.items():
            article.gold.append(GoldQuote(words, tuple(sorted(named))))
            article.no_source += not named
        articles.append(article)
    return articles


def make_heads(nlp: Any) -> Callable[[str], frozenset[str]]:
    """A cached function giving the head words of a speaker phrase, lower-cased.

    Two candidates, because spaCy parses a phrase out of context unreliably ("the
    influential US daily" gets the root "US"): the span root (the last nominal when the
    root is not one), and the last word before the first comma or preposition
    ("Chris Weston, chief market strategist ..." → "weston").
    """

    @cache
    def heads(phrase: str) -> frozenset[str]:
        phrase = phrase.strip(' ,;:."“”')
        doc = nlp(phrase)
        found: set[str] = set()
        if len(doc):
            root = doc[:].root
            if root.pos_ not in _NOMINAL:
                nominal = [t for t in doc if t.pos_ in _NOMINAL]
                root = nominal[-1] if nominal else root
            found.add(root.text)
        first_part = _MODIFIER_START.split(phrase, maxsplit=1)[0]
        words = _WORD_WITH_APOSTROPHE.findall(first_part)
        if words:
            found.add(words[-1])
        return frozenset(
            head for head in (_POSSESSIVE.sub("", w.lower()) for w in found) if _WORD.search(head)
        )

    return heads


def source_right(
    gold: GoldQuote, quote: Mapping[str, Any], heads: Callable[[str], frozenset[str]]
) -> bool:
    """Whether ``quote``'s speaker is one of the gold sources (rule in the module docstring)."""
    phrase = quote.get("speaker") or ""
    system_heads = heads(phrase) if phrase else frozenset()
    name_words = {w.lower() for w in _WORD.findall(quote.get("speaker_name") or "")}
    return any(heads(source) & (system_heads | name_words) for source in gold.sources if source)


def _same_text(first: str, second: str) -> bool:
    """Each covers the other: a system quote that *is* an ignored partial quote, no more."""
    return coverage(first, second) >= MATCH and coverage(second, first) >= MATCH


def score_polnear(
    quotes: Sequence[SystemQuote],
    gold: Sequence[GoldQuote],
    ignored: Sequence[str],
    heads: Callable[[str], frozenset[str]],
) -> Tally:
    """Score one article's system quotes (records or dicts) against its direct-quote gold."""
    system = direct_quotes(quotes)
    texts = [q["text"] for q in system]
    tally = Tally(gold=len(gold), system=len(system))
    for entry in gold:
        i, score = best_match(entry.text, texts)
        if score >= MATCH:
            tally.found += 1
            tally.found_with_speaker += source_right(entry, system[i], heads)
    for quote in system:
        scores = [coverage(entry.text, quote["text"]) for entry in gold]
        if scores and max(scores) >= MATCH:
            tally.correct += 1
            best = gold[scores.index(max(scores))]
            tally.correct_with_speaker += source_right(best, quote, heads)
        elif any(_same_text(words, quote["text"]) for words in ignored):
            tally.ignored += 1
    return tally


# --- runs -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    system: str
    tally: Tally
    seconds: float
    documents: int


def has_quote_stage() -> bool:
    """Whether storybrief fills ``Brief.quotes`` yet (the stage is written in parallel)."""
    return importlib.util.find_spec("storybrief.analysis.quotes") is not None


def run_seeds() -> tuple[list[Row], list[str]]:
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    nlp = load_nlp()
    storybrief.brief([SEEDS])  # warm-up: imports and first-call costs
    start = time.perf_counter()
    brief = storybrief.brief([SEEDS])
    brief_seconds = time.perf_counter() - start
    doc_ids = {d.id: Path(d.article.source).name for d in brief.documents}
    start = time.perf_counter()
    textacy_found: list[dict[str, Any]] = []
    bailed = 0
    for document in brief.documents:
        found, bailed_out = textacy_quotes(document, nlp)
        textacy_found += found
        bailed += bailed_out
    textacy_seconds = time.perf_counter() - start
    n = len(brief.documents)
    runs: list[tuple[str, Sequence[SystemQuote], bool, float]] = [
        ("textacy direct_quotations", textacy_found, False, textacy_seconds)
    ]
    if has_quote_stage():
        runs.insert(0, ("storybrief", list(brief.quotes), True, brief_seconds))
    rows: list[Row] = []
    notes = [f"seeds: {n} documents, {len(gold['quotes'])} gold direct quotes."]
    for name, quotes, resolves, seconds in runs:
        result = score_seeds(
            quotes, gold, doc_ids, resolves_names=resolves, aliases=seeds_aliases()
        )
        rows.append(Row(name, result["tally"], seconds, n))
        if resolves:
            exact = score_seeds(quotes, gold, doc_ids)["tally"]
            notes.append(
                f"- {name}: speaker acc {exact.speaker_accuracy():.3f} (F1+src "
                f"{exact.scores(with_speaker=True)[2]:.3f}) if speaker_name must be the gold "
                "canonical spelling itself rather than any form of the same gold entity."
            )
        listed = ", ".join(f"'{t}'" for t in result["not_quotes"]) or "none"
        tolerated = ", ".join(f"'{t}'" for t in result["tolerated"])
        notes.append(
            f"- {name}: not-quotes reported as direct quotes: {len(result['not_quotes'])} of "
            f"{result['not_quotes_total']} ({listed})"
            + (f"; tolerated fragment reported: {tolerated}" if tolerated else "")
            + f"; missed {len(result['missed'])}"
            + "".join(f"; '{_short(t)}'" for t in result["missed"])
            + f"; wrong speaker {len(result['wrong_speaker'])}"
            + "".join(f"; '{_short(t, 32)}' ← {who!r}" for t, who in result["wrong_speaker"])
        )
    notes.append(f"- textacy bailed out (odd number of quotation marks) on {bailed} of {n}.")
    return rows, notes


def run_polnear(limit: int | None) -> tuple[list[Row], list[str]]:
    articles = load_polnear(limit)
    nlp = load_nlp()
    heads = make_heads(nlp)
    storybrief.brief([{"text": articles[0].text}])  # warm-up: imports and first-call costs
    with_stage = has_quote_stage()
    totals = {"storybrief": Tally(), "textacy": Tally()}
    seconds = {"storybrief": 0.0, "textacy": 0.0}
    used = dropped = bailed = ignored = no_source = skipped = 0
    for article in articles:
        start = time.perf_counter()
        try:
            brief = storybrief.brief([{"text": article.text}])
        except InputError:
            skipped += 1
            continue
        seconds["storybrief"] += time.perf_counter() - start
        document = brief.documents[0]
        cleaned = document.article.text
        gold = [g for g in article.gold if coverage(g.text, cleaned) >= PRESENT]
        dropped += len(article.gold) - len(gold)
        ignored += len(article.ignored)
        no_source += sum(not g.sources for g in gold)
        start = time.perf_counter()
        found, bailed_out = textacy_quotes(document, nlp)
        seconds["textacy"] += time.perf_counter() - start
        bailed += bailed_out
        totals["textacy"].add(score_polnear(found, gold, article.ignored, heads))
        totals["storybrief"].add(score_polnear(brief.quotes, gold, article.ignored, heads))
        used += 1
    names = {"storybrief": "storybrief", "textacy": "textacy direct_quotations"}
    rows = [
        Row(names[key], totals[key], seconds[key], used)
        for key in ("storybrief", "textacy")
        if key == "textacy" or with_stage
    ]
    several = sum(a.annotators > 1 for a in articles)
    notes = [
        f"polnear: test compartment, {used} articles"
        + (f" (first {limit})" if limit else "")
        + f"; {several} with several annotators (majority kept); "
        f"{totals['textacy'].gold} gold direct quotes ({no_source} without a source); "
        f"{ignored} partial-quote regions ignored; {dropped} gold dropped (text not in "
        f"the cleaned article); {skipped} articles storybrief refused.",
        f"- textacy bailed out (odd number of quotation marks) on {bailed} of {used}.",
    ]
    notes += [
        f"- {row.system}: {row.tally.ignored} system quotes matched ignored partial quotes "
        "(not judged)."
        for row in rows
    ]
    return rows, notes


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(set_name: str, rows: Sequence[Row]) -> Iterator[str]:
    yield (
        "| set | system | gold | system quotes | P | R | F1 | P+src | R+src | F1+src "
        "| speaker acc | s/doc |"
    )
    yield "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in rows:
        t = row.tally
        p, r, f = t.scores()
        ps, rs, fs = t.scores(with_speaker=True)
        per_doc = row.seconds / row.documents if row.documents else 0.0
        yield (
            f"| {set_name} | {row.system} | {t.gold} | {t.system} | {p:.3f} | {r:.3f} | "
            f"{f:.3f} | {ps:.3f} | {rs:.3f} | {fs:.3f} | {t.speaker_accuracy():.3f} | "
            f"{per_doc:.3f} |"
        )


FOOTER = [
    f"- Found: a system direct quote of the same article covers ≥ {MATCH} of the gold text "
    "(storybrief.evaluate.coverage). P = system quotes covering some gold / system quotes "
    "judged; +src: the best-covering match also has the right speaker; speaker acc = found "
    "with the right speaker / found. Micro-averaged over quotes.",
    "- seeds speaker: storybrief's speaker_name is a form of the gold entity (entities.json); "
    "textacy's speaker tokens share a word with the gold name or one of its forms; for "
    "anonymous/collective gold, speaker phrases share a content word.",
    f"- polnear gold: quoted regions of attributions whose content is ≥ {DIRECT_SHARE} inside "
    "double quotation marks. Source right when system speaker and gold source share a head "
    "word (span root, or last word before a comma/preposition), or a gold head word is a word "
    "of storybrief's resolved speaker_name; gold pronouns are not resolved.",
    "- Both systems see storybrief's cleaned text. s/doc: storybrief = the whole brief "
    "(ingest, parse, all stages); textacy = spaCy parse + extraction.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="seeds,polnear", help="comma-separated: seeds,polnear")
    parser.add_argument("--limit", type=int, default=None, help="first N PolNeAR test articles")
    args = parser.parse_args()
    started = time.perf_counter()
    lines = [
        "# Direct quotes and speakers",
        "",
        f"spaCy pipeline {resolve_model_name()}; textacy {importlib.metadata.version('textacy')}; "
        f"{time.strftime('%Y-%m-%d')}",
    ]
    notes: list[str] = []
    if not has_quote_stage():
        notes.append(
            "storybrief has no quote stage yet (storybrief.analysis.quotes): its rows are left out."
        )
    for name in args.sets.split(","):
        if name == "seeds":
            rows, set_notes = run_seeds()
        elif name == "polnear":
            rows, set_notes = run_polnear(args.limit)
        else:
            parser.error(f"unknown set {name!r}; choose from seeds, polnear")
        section = ["", f"## {name}", "", *table(name, rows), "", *set_notes]
        print("\n".join(section))
        lines += section
    tail = ["", *notes] if notes else []
    tail += ["", *FOOTER, "", f"total {time.perf_counter() - started:.0f} s"]
    lines += tail
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "quotes.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(tail))


if __name__ == "__main__":
    main()
