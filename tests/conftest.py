"""The one global conftest: paths to shared data, model fixtures, document builders."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from types import ModuleType
from typing import Any, TypeAlias

import pytest

from storybrief.model import (
    Article,
    DateRef,
    Entity,
    EntityMention,
    Evidence,
    Mention,
    Metadata,
    ParsedArticle,
    Sentence,
    Span,
    Stated,
    Token,
    date_of,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds-gold"
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/, imported as a module (gates reuse its scoring)."""
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


#: Fixtures that load the English model: a test using one is marked ``model`` (or ``slow``).
MODEL_FIXTURES = frozenset(("nlp", "seeds_brief"))


def _marked_model(item: pytest.Item) -> bool:
    return (
        item.get_closest_marker("model") is not None or item.get_closest_marker("slow") is not None
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    unmarked = [
        item.nodeid
        for item in items
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())) and not _marked_model(item)
    ]
    if unmarked:
        raise pytest.UsageError(
            "tests using the English model's fixtures must be marked model (or slow): "
            + ", ".join(unmarked)
        )
    if SEEDS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"shared seeds not found at {SEEDS}")
    for item in items:
        if "seeds" in item.fixturenames or "seeds_brief" in item.fixturenames:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _model_only_where_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that uses the English model must say so (``model``, or ``slow``).

    ``pytest -m "not slow and not model"`` is the fast suite: an unmarked test
    that calls ``load_nlp`` (cached or not) fails here instead of quietly making
    the fast suite slow. (Model fixtures are checked at collection.)
    """
    if _marked_model(request.node):
        yield
        return
    from storybrief.nlp.pipeline import load_nlp

    before = load_nlp.cache_info()
    yield
    after = load_nlp.cache_info()
    if after.hits + after.misses != before.hits + before.misses:
        pytest.fail(
            "loaded the English model (storybrief.nlp.load_nlp) but is not marked model or "
            "slow: mark it, or build its documents by hand (tests.conftest.build_parsed)"
        )


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real English pipeline, loaded once per session."""
    from storybrief.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def blank_nlp() -> Any:
    """A model-free pipeline (tokenizer + paragraph boundaries + sentencizer) for unit tests."""
    import spacy

    from storybrief.nlp import components  # noqa: F401

    pipeline = spacy.blank("en")
    pipeline.add_pipe("storybrief_paragraphs")
    pipeline.add_pipe("sentencizer")
    return pipeline


@pytest.fixture(scope="session")
def seeds_brief(nlp: Any) -> Any:
    import storybrief

    return storybrief.brief([SEEDS])


def build_article(text: str, doc_id: str = "doc1", **kwargs: Any) -> Article:
    """An ``Article`` of this text, without going through ingestion.

    Keyword arguments name fields of ``Article`` or of its ``Metadata`` (``title``,
    ``published``...); ``published`` may be an ISO date (``2024-05-07``: its granularity).
    """
    if isinstance(kwargs.get("published"), str):
        parsed = date_of(kwargs["published"])
        assert parsed is not None, f"not an ISO date: {kwargs['published']!r}"
        kwargs["published"] = DateRef(*parsed)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    stated = {f.name: kwargs.pop(f.name) for f in fields(Metadata) if f.name in kwargs}
    return Article(
        id=doc_id,
        source=f"<{doc_id}>",
        text=text,
        content_hash=digest,
        metadata=Metadata(**stated),
        **kwargs,
    )


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Build an ``Article`` from text without going through ingestion (``build_article``)."""
    return build_article


def seed_document(brief: Any, name: str) -> ParsedArticle:
    """The document of a brief read from the file of this name."""
    return next(d for d in brief.documents if str(d.article.source).endswith(name))


# --- Parsed documents by hand --------------------------------------------------------------

#: A token: ``(text, lemma, pos, tag, dep, head)``, ``head`` the position of its
#: head in the sentence (0-based) or the text of that token if it is the only
#: one so written; a ``ROOT`` is its own head (write ``None``). A bare string is
#: a token whose analysis does not matter: lemma its lower case, ``PUNCT``/``punct``
#: for punctuation, else ``X``/``dep``, attached to the sentence's root.
TokenSpec: TypeAlias = str | tuple[str, str, str, str, str, int | str | None]
#: A sentence: its tokens, or a string (bare tokens: words and punctuation).
SentenceSpec: TypeAlias = str | Sequence[TokenSpec]
#: A mention: ``(text, label)`` or ``(text, label, entity_id)``, in text order:
#: each is the first occurrence of its text after the previous mention.
MentionSpec: TypeAlias = tuple[str, str] | tuple[str, str, str | None]

_BARE_TOKENS = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
# A naive splitter for texts given without sentences: at . ! ? (and a closing
# quotation mark) before a space, and at line ends.
_SENTENCES = re.compile(r"""\S.*?(?:[.!?]+["”’']?(?=\s|$)|$)""")


def _split_sentences(text: str) -> list[str]:
    return [m.group() for line in text.split("\n") for m in _SENTENCES.finditer(line)]


def _full_token(spec: TokenSpec) -> tuple[str, str, str, str, str, int | str | None]:
    if not isinstance(spec, str):
        return spec
    if spec[0].isalnum():
        return (spec, spec.lower(), "X", "XX", "dep", None)
    return (spec, spec, "PUNCT", spec, "punct", None)


def build_parsed(
    text: str,
    sentences: Sequence[SentenceSpec] | None = None,
    mentions: Sequence[MentionSpec] = (),
    *,
    doc_id: str = "d1",
    published: str | DateRef | None = None,
    title: str | None = None,
    **article: Any,
) -> ParsedArticle:
    """A ``ParsedArticle`` written by hand: the records the NLP layer would make, no model.

    Offsets are found in ``text``: each sentence's tokens in order, separated by
    whitespace only; sentences in order (anything may lie between them). Token
    indexes run over the document; heads are checked to form one tree per
    sentence.

    Args:
        text: the cleaned text.
        sentences: one ``SentenceSpec`` per sentence; None splits ``text`` naively
            into sentences of bare tokens.
        mentions: the tagger's named entities (``MentionSpec``), each inside a sentence.
        doc_id: the document's id.
        published: an ISO date (``2024-05-07``, ``2024-05``: its granularity) or a
            ``DateRef``; stated, not estimated.
        title: the headline: a ``Stated`` title with evidence at its place in ``text``.
        article: other ``Article`` fields (``outlet``, ``captions``...).

    Example:
        >>> doc = build_parsed(
        ...     "Ruiz said so.",
        ...     [[
        ...         ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "said"),
        ...         ("said", "say", "VERB", "VBD", "ROOT", None),
        ...         ("so", "so", "ADV", "RB", "advmod", 1),
        ...         ".",
        ...     ]],
        ...     [("Ruiz", "PERSON", "e1")],
        ... )
        >>> [(t.text, t.head) for t in doc.tokens]
        [('Ruiz', 1), ('said', 1), ('so', 1), ('.', 1)]
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    if sentences is None:
        sentences = _split_sentences(text)
    records: list[Sentence] = []
    tokens: list[Token] = []
    cursor = 0
    for k, spec in enumerate(sentences):
        specs = _BARE_TOKENS.findall(spec) if isinstance(spec, str) else list(spec)
        full = [_full_token(s) for s in specs]
        assert full, f"sentence {k} has no token"
        placed: list[tuple[int, int]] = []
        for n, (word, *_) in enumerate(full):
            at = text.find(word, cursor)
            assert at >= 0, f"token {word!r} of sentence {k} not found after offset {cursor}"
            assert not n or not text[cursor:at].strip(), (
                f"token {word!r} of sentence {k}: {text[cursor:at]!r} skipped before it"
            )
            placed.append((at, at + len(word)))
            cursor = at + len(word)
        roots = [n for n, t in enumerate(full) if t[4] == "ROOT"]
        if not roots:  # bare tokens only: the first one is the root
            roots = [0]
            full[0] = (*full[0][:4], "ROOT", None)
        assert len(roots) == 1, f"sentence {k} has {len(roots)} roots"
        base = len(tokens)
        words = [t[0] for t in full]
        for n, ((word, lemma, pos, tag, dep, head), (start, end)) in enumerate(
            zip(full, placed, strict=True)
        ):
            if dep == "ROOT":
                head = n
            elif head is None:
                head = roots[0]
            elif isinstance(head, str):
                assert words.count(head) == 1, f"head {head!r} of {word!r} is not one token"
                head = words.index(head)
            assert 0 <= head < len(full), f"head {head} of {word!r} is outside sentence {k}"
            tokens.append(
                Token(
                    index=base + n,
                    start=start,
                    end=end,
                    text=word,
                    lemma=lemma,
                    pos=pos,
                    tag=tag,
                    dep=dep,
                    head=base + head,
                    sentence=k,
                    is_stop=word.lower() in STOP_WORDS,
                )
            )
        for n in range(len(full)):  # every token reaches the root: one tree, no cycle
            at, steps = tokens[base + n], 0
            while at.head != at.index:
                at, steps = tokens[at.head], steps + 1
                assert steps <= len(full), f"the heads of sentence {k} form a cycle"
        start, end = placed[0][0], placed[-1][1]
        records.append(Sentence(doc_id, k, start, end, text[start:end]))
    return ParsedArticle(
        _article(text, doc_id, published, title, article),
        tuple(records),
        tuple(tokens),
        _mentions(text, doc_id, records, mentions),
    )


def _article(
    text: str,
    doc_id: str,
    published: str | DateRef | None,
    title: str | None,
    fields: dict[str, Any],
) -> Article:
    if title is not None:
        at = text.index(title)
        fields["title"] = Stated(title, Evidence(title, "text", at, at + len(title)))
    return build_article(text, doc_id, published=published, **fields)


def _mentions(
    text: str, doc_id: str, sentences: Sequence[Sentence], specs: Sequence[MentionSpec]
) -> tuple[Mention, ...]:
    out = []
    end = 0
    for spec in specs:
        written, label = spec[0], spec[1]
        entity_id = spec[2] if len(spec) > 2 else None
        start = text.find(written, end)
        assert start >= 0, f"mention {written!r} not found after offset {end}"
        end = start + len(written)
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        assert sentence is not None, f"mention {written!r} is in no sentence"
        out.append(Mention(Span(doc_id, start, end, written), label, sentence.index, entity_id))
    return tuple(out)


def build_entities(*documents: ParsedArticle) -> tuple[Entity, ...]:
    """The resolved entities the documents' mentions name by ``entity_id``.

    Canonical name and type are those of the first mention; no resolution is done.
    """
    found: dict[str, list[Mention]] = {}
    for doc in documents:
        for m in doc.mentions:
            if m.entity_id is not None:
                found.setdefault(m.entity_id, []).append(m)
    return tuple(
        Entity(
            id=eid,
            canonical=mentions[0].span.text,
            type=mentions[0].label,
            aliases=tuple(dict.fromkeys(m.span.text for m in mentions)),
            roles=(),
            documents=tuple(dict.fromkeys(m.span.doc_id for m in mentions)),
            mentions=tuple(EntityMention(m.span, m.label) for m in mentions),
        )
        for eid, mentions in found.items()
    )
