"""spaCy Docs to storybrief records: the one place the two meet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storybrief.model import Article, Mention, ParsedArticle, Sentence, Span, Token


def parse_articles(
    articles: Sequence[Article], nlp: Any, *, batch_size: int = 16
) -> list[ParsedArticle]:
    """Run the pipeline over the articles (batched with ``nlp.pipe``) and convert the Docs."""
    longest = max((len(a.text) for a in articles), default=0)
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    return [doc_to_records(article, doc) for article, doc in zip(articles, docs, strict=False)]


def doc_to_records(article: Article, doc: Any) -> ParsedArticle:
    """Sentences (trimmed, no whitespace-only ones), tokens and named mentions of one Doc."""
    doc_id = article.id
    sentences: list[Sentence] = []
    sentence_of_token: dict[int, int] = {}
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        index = len(sentences)
        sentences.append(Sentence(doc_id, index, start, end, doc.text[start:end]))
        for token in sent:
            sentence_of_token[token.i] = index
    tokens = tuple(
        Token(
            index=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            sentence=sentence_of_token.get(t.i, -1),
            is_stop=bool(t.is_stop),
        )
        for t in doc
        if not t.is_space
    )
    mentions = tuple(
        _mention(doc_id, ent, sentence_of_token) for ent in doc.ents if ent.text.strip()
    )
    return ParsedArticle(article, tuple(sentences), tokens, mentions)


def _mention(doc_id: str, ent: Any, sentence_of_token: dict[int, int]) -> Mention:
    """A mention trimmed of the whitespace tokens the tagger may include at its ends."""
    words = [t for t in ent if not t.is_space]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Mention(
        span=Span(doc_id, start, end, ent.doc.text[start:end]),
        label=ent.label_,
        sentence=sentence_of_token.get(words[0].i, -1),
    )
