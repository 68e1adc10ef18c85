"""spaCy Docs to storybrief records: the one place the two meet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storybrief.model import (
    Article,
    Mention,
    ParsedArticle,
    ProgressCallback,
    ProgressStep,
    Sentence,
    Span,
    Token,
)

#: spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at a
#: time, re-reading the rest each time: quadratic in the run's length (4,000 "[" take
#: 1.3 s, 30,000 never end; "'s" repeated is as slow). Judgement calls: a run of
#: punctuation or symbols keeps this many characters (rules of dashes and "?!?!" stay
#: whole), the rest is read as spaces; any other run is broken by a space every
#: ``MAX_TOKEN_CHARS`` characters (no English word is longer; a long URL is split).
#: At 100, the worst run measured ("'s" repeated) costs the tokenizer about 8 µs a
#: character, under what the parser spends on ordinary text.
MAX_SYMBOL_RUN = 32
MAX_TOKEN_CHARS = 100
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN + 1},}}")
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def tokenizable(text: str) -> str:
    """The text as the tokenizer reads it: long runs bounded, every offset unchanged.

    Only spaces replace characters, so a token's offsets index ``text`` and its text
    is ``text[start:end]``; the article's text itself is never changed.
    """

    def bound_symbols(run: re.Match[str]) -> str:
        return run.group()[:MAX_SYMBOL_RUN] + " " * (len(run.group()) - MAX_SYMBOL_RUN)

    def break_run(run: re.Match[str]) -> str:
        chars = list(run.group())
        chars[MAX_TOKEN_CHARS::MAX_TOKEN_CHARS] = " " * len(chars[MAX_TOKEN_CHARS::MAX_TOKEN_CHARS])
        return "".join(chars)

    return _LONG_RUN.sub(break_run, _SYMBOL_RUN.sub(bound_symbols, text))


def parse_articles(
    articles: Sequence[Article],
    nlp: Any,
    *,
    batch_size: int = 16,
    progress: ProgressCallback | None = None,
) -> list[ParsedArticle]:
    """Run the pipeline over the articles (batched with ``nlp.pipe``) and convert the Docs.

    The pipeline reads each text with its long runs bounded (``tokenizable``); the
    records index the article's own text. ``progress`` is told
    ``ProgressStep("parsing", done, len(articles))`` at the start and as each article is
    done.
    """
    longest = max((len(a.text) for a in articles), default=0)
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1
    docs = nlp.pipe((_with_caption_breaks(nlp, a) for a in articles), batch_size=batch_size)
    parsed: list[ParsedArticle] = []
    if progress is not None:
        progress(ProgressStep("parsing", 0, len(articles)))
    for article, doc in zip(articles, docs, strict=False):
        parsed.append(doc_to_records(article, doc))
        if progress is not None:
            progress(ProgressStep("parsing", len(parsed), len(articles)))
    return parsed


def _with_caption_breaks(nlp: Any, article: Article) -> Any:
    """The article's text as a Doc to parse, a sentence starting where a caption
    ends inside a line.

    News pages run their story highlights into the dateline ("... warned of a
    civil war Washington (CNN) -- The United States ..."); cleaning marks the
    highlights as a caption, and the story's lead must not be parsed as one
    sentence with them. Line breaks are marked by the pipeline itself.
    """
    text = tokenizable(article.text)
    ends = [
        e
        for _s, e in article.captions
        if 0 < e < len(text) and text[e - 1] != "\n" and not text[e:].startswith(("\n", " \n"))
    ]
    if not ends:
        return text
    doc = nlp.make_doc(text)
    for end in ends:
        first = next((t for t in doc if t.idx >= end and not t.is_space), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


def doc_to_records(article: Article, doc: Any) -> ParsedArticle:
    """Sentences (trimmed, no whitespace-only ones), tokens and named mentions of one Doc.

    Texts are sliced from ``article.text``, never from ``doc.text``: spaCy joins a Doc's
    text anew on each read, which made a long article quadratic.
    """
    doc_id = article.id
    text = article.text
    sentences: list[Sentence] = []
    sentence_of_token: dict[int, int] = {}
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        index = len(sentences)
        sentences.append(Sentence(doc_id, index, start, end, text[start:end]))
        for token in sent:
            sentence_of_token[token.i] = index
    repaired = fronted_subjects(doc)
    tokens = tuple(
        Token(
            index=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=repaired[t.i][1] if t.i in repaired else t.dep_,
            head=repaired[t.i][0] if t.i in repaired else t.head.i,
            sentence=sentence_of_token.get(t.i, -1),
            is_stop=bool(t.is_stop),
        )
        for t in doc
        if not t.is_space
    )
    mentions = tuple(
        _mention(doc_id, text, ent, sentence_of_token) for ent in doc.ents if ent.text.strip()
    )
    return ParsedArticle(article, tuple(sentences), tokens, mentions)


#: Dependents that are a clause's subject.
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl", "csubj", "csubjpass"))
#: What may open a sentence ahead of its subject, set off by a comma.
_FRONTED = frozenset(("prep", "advcl", "npadvmod", "advmod"))
#: A verb's auxiliaries, which stand between its subject and itself.
_AUXILIARIES = frozenset(("aux", "auxpass", "neg"))


def fronted_subjects(doc: Any) -> dict[int, tuple[int, str]]:
    """Repairs of one parser error: a subject read as an apposition of the phrase before it.

    In "According to a complaint filed by the office in Manhattan, Fazil, a
    native of the Comoros, rented the house", spaCy's small English model
    attaches "Fazil" (and "a native ...") to "Manhattan" as appositions, and
    "rented" is left without a subject. When a finite verb has no subject and
    the words between the comma that ends a phrase opening its clause and the
    verb are only appositions of that phrase's last noun (with their commas),
    the first apposition is the verb's subject and the others are its own.
    Only the appositions of a preposition's object are read so.
    Returns token index -> (head index, dependency label) for the tokens
    whose attachment changes.
    """
    out: dict[int, tuple[int, str]] = {}
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj", "ccomp"):
            continue
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        fronted = [c for c in verb.lefts if c.dep_ in _FRONTED]
        if not fronted:
            continue
        auxiliaries = [c.i for c in verb.lefts if c.dep_ in _AUXILIARIES]
        stop = min(auxiliaries, default=verb.i)
        if stop == 0 or doc[stop - 1].text != ",":
            continue
        for holder in fronted[-1].subtree:
            if holder.dep_ != "pobj":
                continue  # "in Cairo, Mubarak, the president, said": "Mubarak" is no apposition
            appositions = [a for a in holder.children if a.dep_ == "appos" and a.i > holder.i]
            if not appositions:
                continue
            first = appositions[0]
            left = first.left_edge.i
            inside = {t.i for a in appositions for t in a.subtree}
            if (
                left == 0
                or doc[left - 1].text != ","
                or max(inside) >= stop
                or any(t.i not in inside and not t.is_punct for t in doc[left:stop])
            ):
                continue
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            out[first.i] = (verb.i, "nsubjpass" if passive else "nsubj")
            for other in appositions[1:]:
                out[other.i] = (first.i, "appos")
            out[left - 1] = (verb.i, "punct")  # the comma that closes the opening phrase
            for t in doc[left:stop]:
                if t.is_punct and t.head.i == holder.i:
                    out[t.i] = (first.i, "punct")
            break
    return out


def _mention(doc_id: str, text: str, ent: Any, sentence_of_token: dict[int, int]) -> Mention:
    """A mention trimmed of the whitespace tokens the tagger may include at its ends."""
    words = [t for t in ent if not t.is_space]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Mention(
        span=Span(doc_id, start, end, text[start:end]),
        label=ent.label_,
        sentence=sentence_of_token.get(words[0].i, -1),
    )
