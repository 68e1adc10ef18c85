"""Numbers the sources state, grouped by what they count, with how the sources relate.

Method (``claims.v1``):

- Statements: the tagger's CARDINAL, QUANTITY, MONEY and PERCENT mentions,
  durations of a month or more (``storybrief.timex``: "22-month", "two-year"),
  and vague counts before a plural noun ("several resolutions", "thousands of
  people"). Each has its value (None when vague), qualifier ("more than",
  "some", "over"...), unit, the noun it counts, the words around it, the time
  it holds for (a date in its sentence, else the document's publication date,
  else unknown) and its span. Single numbers that are not counts ("one of",
  "No. 1", "two sides") are left out. What a figure counts is also given in
  the source's words: the counted noun and the past-tense verb it is argument
  of ("people killed", "lives claimed"); a group lists its sources' labels.
- Grouping: statements of the same unit whose contexts match (TF-IDF cosine of
  the content words of their sentences, minus the number, ≥ ``SAME_QUANTITY``)
  and whose counted nouns agree when both have one; durations of the story
  ("22 months", "two years") group when within a quarter of each other.
- Relation: ``single`` (one document), ``agree`` (values within 10%, or a
  vague count beside exact ones), ``evolves`` (values differ and the
  statements hold for different known times, or come from reports that the
  episodes stage set apart because a figure of a thousand or more jumped
  ``storybrief.episodes.JUMP``-fold), ``conflict`` (values differ for the same
  known time), ``differs`` (values differ and a time is unknown: not called a
  contradiction without evidence). A statement's time is a date in its
  sentence, else its document's publication day; an estimated month is too
  coarse and counts as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storybrief.model import ParsedArticle, Token
from storybrief.timeline import date_of
from storybrief.timex import document_timexes

METHOD = "claims.v1"
SAME_QUANTITY = 0.25
CONTEXT_CHARS = 45  # characters on each side of the number whose words describe it
AGREE_RATIO = 1.1
DURATION_RATIO = 1.25

_QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "nearly", "almost", "about", "around", "roughly", "some", "over", "under",
    "approximately", "an estimated", "estimated",
)  # fmt: skip
_VAGUE = {"several": None, "dozens": None, "hundreds": None, "thousands": None, "millions": None}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NOT_COUNTS = frozenset(("side", "way", "thing", "of", "time", "point", "hand", "another"))
_GENERIC_VERBS = frozenset(("be", "have", "say", "do", "make", "get", "go", "take", "include"))
_LABELS = frozenset(("CARDINAL", "QUANTITY", "MONEY", "PERCENT"))
_DURATION_MONTHS = re.compile(r"^P(\d+)(Y|M|W|D)$")


@dataclass(slots=True)
class _Statement:
    doc_id: str
    start: int
    end: int
    text: str
    value: float | None
    qualifier: str | None
    unit: str  # "count", "percent", "money", "months", a quantity's unit
    counts: str | None  # the noun counted
    verb: str | None  # the verb the number or its noun attaches to
    label: str | None  # what it counts, as written: "people killed", "lives claimed"
    context: str
    time: str | None
    sentence: tuple[int, int]


def _value(text: str) -> tuple[float | None, str | None]:
    """Numeric value and qualifier of a number phrase ("more than 60,000", "1.5 million")."""
    t = " ".join(text.lower().replace("\u00a0", " ").split())
    qualifier = next((q for q in _QUALIFIERS if t.startswith(q + " ")), None)
    if qualifier:
        t = t[len(qualifier) + 1 :]
    t = re.sub(r"^(?:where|the|a|an)\s+", "", t)
    if t.split(" ")[-1] in _VAGUE:
        return None, qualifier or t.split(" ")[-1]
    if m := re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", t):
        number = float(m.group(1).replace(",", ""))
        return number * _SCALE.get(m.group(2) or "", 1.0), qualifier
    words = re.sub(r"[^a-z\s-]", " ", t).split()
    scale = _SCALE[words.pop()] if words and words[-1] in _SCALE else 1.0
    if not words:
        return (scale if scale > 1 else None), qualifier
    try:
        from text_to_num import text2num

        return float(text2num(" ".join(words), "en")) * scale, qualifier
    except ValueError:
        return None, qualifier


def _counted_noun(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    by_index = {t.index: t for t in tokens}
    inside = [t for t in tokens if start <= t.start < end]
    for t in inside:
        head = by_index.get(t.head)
        if (
            head is not None
            and not (start <= head.start < end)
            and head.pos in ("NOUN", "PROPN")
            and head.lemma.lower() not in _SCALE
            and head.lemma.lower().rstrip("s") not in _SCALE
        ):
            return head
    return None


def _verb_of(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """The lemma of the first verb above the number ("killed some 250,000" -> kill)."""
    by_index = {t.index: t for t in tokens}
    token = next((t for t in tokens if start <= t.start < end), None)
    for _ in range(4):
        if token is None or token.head == token.index:
            return None
        token = by_index.get(token.head)
        if token is not None and token.pos == "VERB":
            lemma = token.lemma.lower()
            return None if lemma in _GENERIC_VERBS else lemma
    return None


def _label(tokens: Sequence[Token], noun: Token | None, start: int, end: int) -> str | None:
    """What a figure counts, in the source's words: the noun and the verb it is argument of.

    "killed over 60,000 people" -> "people killed"; "more than 60,000 people
    have died" -> "people died"; "claimed some 60,000 lives" -> "lives
    claimed"; "killed some 250,000" -> "killed"; "grew to 3,400 containers"
    -> "containers" (the containers did not grow). None without either.
    """
    by_index = {t.index: t for t in tokens}
    if noun is not None:
        head = by_index.get(noun.head)
    else:  # the number itself is the argument: the head of its span
        inside = [t for t in tokens if start <= t.start < end]
        outside = [t for t in inside if not start <= by_index.get(t.head, t).start < end]
        top = outside[0] if outside else None
        head = by_index.get(top.head) if top is not None else None
    verb = (
        head
        if head is not None
        and head.pos == "VERB"
        and head.tag in ("VBD", "VBN")
        and head.lemma.lower() not in _GENERIC_VERBS
        else None
    )
    words = [w.text.lower() for w in (noun, verb) if w is not None]
    return " ".join(words) or None


def extract_statements(doc: ParsedArticle) -> list[_Statement]:
    """The numeric statements of one document."""
    text = doc.article.text
    published = doc.article.published
    # A figure holds for its publication day; an estimated month is too coarse to compare.
    doc_time = published.iso() if published and published.granularity == "day" else None
    sentence_dates: dict[int, str] = {}
    timexes = document_timexes(doc, published.value if doc_time and published else None)
    sentences = doc.sentences
    for timex in timexes:
        parsed = date_of(timex.value)
        if timex.type == "DATE" and parsed is not None:
            for s in sentences:
                if s.start <= timex.start < s.end:
                    sentence_dates.setdefault(s.index, timex.value or "")
    out: list[_Statement] = []

    def add(start: int, end: int, value: float | None, qualifier: str | None, unit: str) -> None:
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        if sentence is None:
            return
        noun = _counted_noun(doc.tokens, start, end)
        if noun is not None and noun.lemma.lower() in _NOT_COUNTS:
            return
        context = " ".join(
            t.lemma.lower()
            for t in doc.tokens
            if sentence.start <= t.start < sentence.end
            and not start <= t.start < end
            and abs(t.start - (start if t.start < start else end)) <= CONTEXT_CHARS
            and t.pos in ("NOUN", "VERB", "PROPN", "ADJ")
            and not t.is_stop
        )
        out.append(
            _Statement(
                doc.id,
                start,
                end,
                text[start:end],
                value,
                qualifier,
                unit,
                noun.lemma.lower() if noun is not None else None,
                _verb_of(doc.tokens, start, end),
                # A duration ("22-month-old conflict") is named by what lasts, not by a verb.
                _label(doc.tokens, noun, start, end)
                if unit != "months"
                else (noun.text.lower() if noun is not None else None),
                context,
                sentence_dates.get(sentence.index, doc_time),
                (sentence.start, sentence.end),
            )
        )

    for m in doc.mentions:
        if m.label not in _LABELS:
            continue
        value, qualifier = _value(m.span.text)
        if m.label == "CARDINAL" and (
            value is None
            or value < 2
            or "no." in text[max(0, m.span.start - 4) : m.span.start].lower()
        ):
            continue
        unit = {"PERCENT": "percent", "MONEY": "money"}.get(m.label, "count")
        add(m.span.start, m.span.end, value, qualifier, unit)
    for timex in timexes:
        if timex.type != "DURATION" or not timex.value:
            continue
        dm = _DURATION_MONTHS.match(timex.value)
        if not dm:
            continue
        n, code = int(dm.group(1)), dm.group(2)
        months = n * {"Y": 12, "M": 1, "W": 12 / 52, "D": 12 / 365}[code]
        if months >= 1:
            add(timex.start, timex.end, months, timex.mod, "months")
    for match in re.finditer(r"\b(several|dozens|hundreds|thousands|millions)\b", text):
        start, end = match.span()
        if any(s.start <= start < s.end + 1 for s in out if s.doc_id == doc.id):
            continue
        noun = _counted_noun(doc.tokens, start, end)
        if noun is not None and noun.tag in ("NNS", "NNPS"):
            add(start, end, None, match.group(1), "count")
    return out


def _similar(a: _Statement, b: _Statement, similarity: float) -> bool:
    if a.unit != b.unit:
        return False
    if a.unit == "months":
        if a.value is None or b.value is None:
            return False
        return max(a.value, b.value) / max(min(a.value, b.value), 1e-9) <= DURATION_RATIO
    if a.counts and b.counts and a.counts != b.counts:
        return False  # containers are not vessels
    if a.verb is not None and a.verb == b.verb:
        return True  # "killed over 60,000 people" / "killed some 250,000"
    if (a.counts is None) != (b.counts is None) and a.unit == "count":
        return similarity >= 2 * SAME_QUANTITY  # a bare number needs more context to match
    return similarity >= SAME_QUANTITY


def _same_figure(a: _Statement, b: _Statement) -> bool:
    return (
        a.unit == b.unit
        and a.value is not None
        and b.value is not None
        and min(a.value, b.value) >= 1000
        and max(a.value, b.value) / min(a.value, b.value) <= AGREE_RATIO
    )


def build_claims(
    documents: Sequence[ParsedArticle],
    episode_of: Mapping[str, str] | None = None,
    apart: Collection[frozenset[str]] = (),
) -> tuple[dict[str, Any], ...]:
    """Groups of statements of one quantity, most sources first.

    Args:
        documents: the parsed articles.
        episode_of: each document's episode.
        apart: pairs of documents put in different episodes on the evidence of
            their figures (``storybrief.episodes``): their figures hold for
            different times even where a date is unknown.
    """
    statements = [s for doc in documents for s in extract_statements(doc)]
    if not statements:
        return ()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [s.context for s in statements]
        )
        similarity = cosine_similarity(vectors)
    except ValueError:
        similarity = [[0.0] * len(statements) for _ in statements]
    # Single linkage: a statement joins a group when it matches any member of it
    # from another document (the same large number in one story counts as a match).
    groups: list[list[int]] = []
    for i, s in enumerate(statements):
        for group in groups:
            if any(statements[j].doc_id == s.doc_id for j in group):
                continue
            if any(
                _similar(s, statements[j], float(similarity[i][j]))
                or _same_figure(s, statements[j])
                for j in group
            ):
                group.append(i)
                break
        else:
            groups.append([i])
    separate = {
        pair for pair in apart if episode_of is None or len({episode_of.get(d) for d in pair}) == 2
    }
    out = [_claim(statements, group, separate) for group in groups]
    out.sort(
        key=lambda c: (
            -len(c["documents"]),
            c["statements"][0]["doc_id"],
            c["statements"][0]["start"],
        )
    )
    for n, claim in enumerate(out, 1):
        claim["id"] = f"c{n}"
    return tuple(out)


def _claim(
    statements: Sequence[_Statement], group: Sequence[int], apart: Collection[frozenset[str]]
) -> dict[str, Any]:
    members = [statements[i] for i in group]
    return {
        "id": "",
        "unit": members[0].unit,
        "counts": next((m.counts for m in members if m.counts), None),
        "what": _what(members),
        "relation": _relation(members, apart),
        "documents": sorted({m.doc_id for m in members}),
        "readings": _readings(members),
        "statements": [
            {
                "doc_id": m.doc_id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "value": m.value,
                "qualifier": m.qualifier,
                "time": m.time,
                "sentence": {"start": m.sentence[0], "end": m.sentence[1]},
            }
            for m in members
        ],
    }


def _what(members: Sequence[_Statement]) -> str | None:
    """What the group counts, as its sources put it: their distinct labels, fullest first."""
    labels = list(dict.fromkeys(m.label for m in members if m.label))
    full = [label for label in labels if " " in label]
    nouns = list(dict.fromkeys(m.label for m in members if m.label and m.counts))
    return " / ".join((full or nouns or labels)[:3]) or None


def _readings(members: Sequence[_Statement]) -> list[dict[str, Any]]:
    """The distinct figures of a group (within 10% is one figure), smallest first."""
    ratio = DURATION_RATIO if members[0].unit == "months" else AGREE_RATIO
    out: list[dict[str, Any]] = []
    for m in sorted(members, key=lambda m: m.value or 0.0):
        if m.value is None:
            continue
        if not out or m.value / max(out[-1]["value"], 1e-9) > ratio:
            out.append({"value": m.value, "documents": [], "times": []})
        if m.doc_id not in out[-1]["documents"]:
            out[-1]["documents"].append(m.doc_id)
        if m.time and m.time not in out[-1]["times"]:
            out[-1]["times"].append(m.time)
    return out


def _relation(members: Sequence[_Statement], apart: Collection[frozenset[str]]) -> str:
    if len({m.doc_id for m in members}) < 2:
        return "single"
    values = [m.value for m in members if m.value is not None]
    if not values:
        return "agree"
    ratio = DURATION_RATIO if members[0].unit == "months" else AGREE_RATIO
    if max(values) / max(min(values), 1e-9) <= ratio:
        return "agree"
    # Values differ. Figures within 10% of each other are one reading; each reading
    # holds for the known times of its statements.
    readings: list[tuple[float, set[str], set[str]]] = []
    for m in sorted(members, key=lambda m: m.value or 0.0):
        if m.value is None:
            continue
        if not readings or m.value / max(readings[-1][0], 1e-9) > ratio:
            readings.append((m.value, set(), set()))
        readings[-1][1].update([m.time] if m.time else [])
        readings[-1][2].add(m.doc_id)
    pairs = [(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :]]
    if any(a[1] & b[1] for a, b in pairs):
        return "conflict"
    if all(a[1] and b[1] for a, b in pairs):
        return "evolves"
    # A time is unknown: reports set apart in time by their figures still evolve.
    if all(frozenset((x, y)) in apart for a, b in pairs for x in a[2] for y in b[2]):
        return "evolves"
    return "differs"
