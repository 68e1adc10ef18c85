"""Name spans the small tagger cuts wrongly, repaired before names are resolved.

Method (``spans.v1``). The tagger's named mentions are read against the
document's tokens and its other mentions; each repair is a pattern of how the
tagger goes wrong on news copy, never a list of names:

- **A given name left out** in front of a person's name ("Muhamed | Hassan
  Qassim"): a capitalised proper noun that the parser attaches to the name as a
  compound, untagged and no title ("Secretary General Anders Fogh Rasmussen"
  keeps "General" out), joins it.
- **One name cut in two** ("Daniel arap | Moi", "Zine El Abidine | Ben Ali"): a
  person's name directly followed by another person's name, or one that ends
  in a lower-case particle the tagger kept ("arap", "bin") directly followed by
  any name, is one person's name, unless the first ends in a possessive ("Francis
  Ford Coppola's | Dracula": the director and his film). A maker directly followed by a model number
  ("Boeing | 747") is one product, and "X and Y Co." one company.
- **A name cut inside a word** at a hyphen ("Ban Ki- | moon") ends where the
  word does.
- **A people's adjective before a state body** is part of its name: "Spanish
  | Foreign Ministry", and a body the tagger left untagged in lower case
  ("Chilean air force", "French national police", "Russian navy"; an embassy
  or a consulate is a building). Only an adjective that modifies what follows
  ("Americans in the embassy" stays apart), only bodies of a state
  ("Palestinian | Hamas" stays two names), and no lower-case "force" or
  "office" alone ("a Russian force").
- **Two names run together** at a capitalised "The" inside them ("Ajdabiya
  The International Criminal Court", a line run into the next sentence): two
  names, without the "The".
- **Two names run together** across a comma ("Kommersant, Stolt Offshore"):
  an organisation's or a person's name never holds ", " followed by another
  capitalised name (a company suffix or "Jr." stays: "Acme, Inc.").
  An acronym glued to a person's name ("NATO Ivo Daalder") is the
  organisation and the person.
- **A side taken is no name**: "pro-Gadhafi forces", "anti-Mubarak protesters"
  (and "-Gadhafi" cut from them) are no mention of the person.
- **A title alone is no name** ("Col." cut from "Col. Ahmed Omar Bani", "Gen.",
  "Mrs.", "Minister"); "Queen", "Pope" or "President" alone may name one.
- **Words that are no part of the name**: a quotation mark the name does not
  close ('the "Front to Defend Egypt Protesters'), and lower-case words at its
  end ("King Abdullah of", "Shahrazad Mir Gholikhan told"). A name cut off the
  speech verb it is the subject of is a person's, unless the tagger called it
  an organisation, a people or a place (which speak too).
- **A number that belongs to the name**: an event's number or Roman numeral
  ("Super Bowl | LIII", "Super Bowl | 50"), and a Roman numeral after any name
  ("Elizabeth | II").
- **People the tagger missed or mistyped**, with evidence beyond it: a
  capitalised honorific directly before a name of one or two words ("Prince
  Philip", "Lord Bingham" tagged a place; ``lexicon.HONORIFICS``, not a
  word that is also a common noun such as "State" or "General") makes it a
  person's; an untagged run of two or three capitalised proper nouns opening
  with a given name (``lexicon.given_names``, not one the story writes in
  lower case) and ending in no institution or place word ("Ewa Lipinska") is a
  person's, outside headline-cased lines (and one ending in an organisation's
  word, "United States State Department", an organisation's); a name listed with two or more
  people and nothing else ("Diddy, Jessica Seinfeld and Christie Brinkley") is
  a person's; a given name alone that the tagger calls an organisation
  ("Ewa's mother") is a person's when a person of that given name is named in
  the document, unless it is the object of a preposition ("the capital of
  Santiago"), where places are.

Every repaired mention is still a span of the text (``text[start:end]``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from storybrief.lexicon import (
    HONORIFICS,
    INDIRECT_SPEECH_VERBS,
    MONTHS,
    NAME_LABELS,
    NAME_PARTICLES,
    WEEKDAYS,
    given_names,
    institution_name,
    name_titles,
)
from storybrief.model import Mention, ParsedArticle, Span, Token

METHOD = "spans.v1"

#: Labels of names that may hold a comma only as two names run together.
_NO_COMMA_LABELS = frozenset(("ORG", "PERSON", "WORK_OF_ART", "NORP", "FAC"))
#: What may follow a comma inside one name: company forms, generations, numerals.
_AFTER_COMMA = re.compile(
    r"(?:Inc|Ltd|LLC|LLP|Co|Corp|PLC|plc|L\.?P|N\.?V|S\.?A|AG|GmbH|Jr|Sr|[IVX]+)\b\.?",
)
#: What the tagger calls the first half of "X and Y Co." ("Goodyear Tire" a person).
_COMPANY_PART_LABELS = frozenset(("ORG", "PERSON", "PRODUCT", "FAC"))
_COMPANY_ENDS = frozenset(("co", "co.", "inc", "inc.", "corp", "corp.", "company", "ltd", "ltd."))
_ROMAN = re.compile(
    r"(?=[MDCLXVI]{2,}$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
)
_MODEL_NUMBER = re.compile(r"[A-Z]?\d[\w-]*")

#: Judgement calls: how many given-name words a person's name takes in front,
_MAX_LEFT_WORDS = 2
#: and how long a name a title makes a person's (words after the title).
_MAX_TITLED_WORDS = 2
#: A line with no full stop where more than this share of the words are capitalised
#: is a headline.
_HEADLINE_SHARE = 0.6
#: Labels the tagger gives speakers that are no persons.
_SPEAKING_LABELS = frozenset(("PERSON", "ORG", "NORP", "GPE"))
#: Labels the tagger gives a person it lists with others (not "two Poles, A and B").
_LISTED_LABELS = frozenset(("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"))
#: A person listed with this many people or more, and nothing else, is a person.
_LISTED_WITH = 2


def repaired_mentions(doc: ParsedArticle, common: frozenset[str] = frozenset()) -> ParsedArticle:
    """The document with its named mentions repaired (the module's docstring says how).

    ``common``: the words the story writes in lower case (a given name among them
    is no evidence of a person).
    """
    text = doc.article.text
    tokens = doc.tokens
    if not tokens:
        return doc
    names = [m for m in doc.mentions if m.label in NAME_LABELS]
    others = [m for m in doc.mentions if m.label not in NAME_LABELS]
    names = [part for m in names for part in _split(doc, m)]
    names = [_trimmed(doc, m) for m in names]
    names = [m for m in names if m.span.start < m.span.end and not _title_only(m.span.text)]
    names = [_whole_word_end(doc, m) for m in names]
    names = _joined(doc, sorted(names, key=lambda m: m.span.start))
    names = [_extended_left(doc, m, names, others, common) for m in names]
    names = [_extended_right(doc, m, names, others) for m in names]
    tagged = _tagged_handles(doc, names, others)
    if tagged:
        spans = [(t.span.start - 1, t.span.end) for t in tagged]  # the sign included

        def untagged(m: Mention) -> bool:
            return not any(s <= m.span.start and m.span.end <= e for s, e in spans)

        names = [m for m in names if untagged(m)] + tagged
        others = [m for m in others if untagged(m)]
    names = _titled(doc, names, others, common)
    names, others = _numbered(doc, names, others)
    names += _given_name_runs(doc, names, others, common)
    names += _institution_runs(doc, names, others)
    names = _national_institutions(doc, names, others)
    names = _listed_with_people(doc, names)
    names = _given_names_of_people(doc, names)
    mentions = sorted((*names, *others), key=lambda m: (m.span.start, m.span.end))
    if mentions == sorted(doc.mentions, key=lambda m: (m.span.start, m.span.end)):
        return doc
    assert all(m.span.text == text[m.span.start : m.span.end] for m in mentions)
    return replace(doc, mentions=tuple(mentions))


def _mention(doc: ParsedArticle, start: int, end: int, label: str, sentence: int) -> Mention:
    return Mention(Span(doc.id, start, end, doc.article.text[start:end]), label, sentence)


def _tokens_of(doc: ParsedArticle, m: Mention) -> tuple[Token, ...]:
    return doc.tree.between(m.span.start, m.span.end)


def _split(doc: ParsedArticle, m: Mention) -> list[Mention]:
    """Two names run together: across ", " (organisations, persons, works), or an
    acronym glued to a person's name."""
    parts = [m]
    if m.label in _NO_COMMA_LABELS and ", " in m.span.text:
        out: list[Mention] = []
        start = m.span.start
        for match in re.finditer(r",\s+", m.span.text):
            after = m.span.text[match.end() :]
            if not after[:1].isupper() or _AFTER_COMMA.match(after):
                continue
            cut = m.span.start + match.start()
            out.append(_mention(doc, start, cut, m.label, m.sentence))
            start = m.span.start + match.end()
        if out:
            out.append(_mention(doc, start, m.span.end, m.label, m.sentence))
            parts = [p for p in out if p.span.text.strip()]
    # "Ajdabiya The International Criminal Court": a line run into the next
    # sentence, whose "The" opens the second name (a title may hold "The").
    # Each name keeps the label the tagger gives it elsewhere in the document.
    if m.label != "WORK_OF_ART":
        cut_parts: list[Mention] = []
        for part in parts:
            inner = re.search(r"\s+The\s+[A-Z]", part.span.text)
            if inner is None:
                cut_parts.append(part)
                continue
            cut = part.span.start + inner.start()
            second = part.span.start + inner.end() - 1
            for start, end in ((part.span.start, cut), (second, part.span.end)):
                label = _label_elsewhere(doc, doc.article.text[start:end]) or part.label
                cut_parts.append(_mention(doc, start, end, label, part.sentence))
        parts = cut_parts
    result: list[Mention] = []
    for part in parts:
        words = _tokens_of(doc, part)
        if (
            part.label != "PERSON"
            and 3 <= len(words) <= 4
            and words[0].text.isupper()
            and words[0].text.isalpha()
            and len(words[0].text) >= 2
            and _is_given_name(words[1].text)
            and all(w.text.istitle() for w in words[1:])
        ):
            result.append(_mention(doc, words[0].start, words[0].end, part.label, part.sentence))
            result.append(_mention(doc, words[1].start, words[-1].end, "PERSON", part.sentence))
        else:
            result.append(part)
    return result


#: Titles that are never a name alone: abbreviations ("Col." of "Col. Ahmed
#: Bani", "Gen.", "Mrs.") and "Minister". ("Queen", "Pope", "President" alone
#: may name one.)
_TITLE_ONLY = frozenset(
    (
        *("adm", "capt", "cmdr", "col", "dr", "gen", "gov", "lt", "maj", "mr", "mrs", "ms"),
        *("prof", "rep", "rev", "sen", "sgt", "minister"),
    )
)


def _title_only(written: str) -> bool:
    return written.strip().rstrip(".").lower() in _TITLE_ONLY


def _label_elsewhere(doc: ParsedArticle, written: str) -> str | None:
    """The label the tagger gives most often to other mentions written so."""
    labels = Counter(m.label for m in doc.mentions if m.span.text == written)
    return labels.most_common(1)[0][0] if labels else None


def _trimmed(doc: ParsedArticle, m: Mention) -> Mention:
    """Without a quotation mark it does not close and lower-case words at its end."""
    start, end, label = m.span.start, m.span.end, m.label
    text = doc.article.text
    span = text[start:end]
    side = _SIDE_OF.match(span)
    # "Anti-Defamation League" is a name: a capitalised side is one only as one word.
    if side and span[0].isupper() and " " in span.strip():
        side = None
    if side or (start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()):
        # "pro-Gadhafi forces", "anti-Mubarak protesters", "-Gadhafi" of "pro-Gadhafi":
        # a side taken, no mention of the name's bearer.
        return _mention(doc, start, start, label, m.sentence)
    marks = sum(span.count(q) for q in ('"', "“", "”"))
    if marks % 2 == 1:
        lead = re.match(r"(?:the\s+|The\s+)?[\"“”]\s*", span)
        if lead:
            start += lead.end()
        elif span.rstrip().endswith(('"', "“", "”")):
            end = start + len(span.rstrip()) - 1
    words = list(doc.tree.between(start, end))
    # A name opens with no lower-case word but a particle ("pro-Kremlin Union of
    # Right-Wing Forces"; "al-Qaeda", "de Gaulle" stay), and a person's name with
    # no honorific ("Bishop Friedhelm Hofmann": the title is kept as a role).
    while len(words) > 1 and (
        (words[0].text[:1].islower() and words[0].pos == "ADJ" and not _particle(words[0].text))
        or (
            label == "PERSON"
            and words[0].text.rstrip(".").lower() in HONORIFICS
            and words[1].text[:1].isupper()
        )
    ):
        words.pop(0)
        start = words[0].start
    span = text[start:end]
    if span.count("(") != span.count(")") and (cut := span.find(" (")) > 0:
        end = start + cut  # "the Federal Bureau of Investigation (FBI": the name ends before it
    words = list(doc.tree.between(start, end))
    while len(words) > 1:
        last = words[-1]
        # A person's name never ends in a common noun ("MENA news agency" tagged PERSON).
        trailing = last.pos in _NOT_NAME_POS or (
            last.pos == "NOUN" and label == "PERSON" and any(w.pos == "PROPN" for w in words[:-1])
        )
        if not (last.text[:1].islower() and trailing) or _particle(last.text):
            break
        if (
            last.pos in ("VERB", "AUX")
            and _speaks(doc, last, words[:-1])
            and label not in (_SPEAKING_LABELS)
        ):
            label = "PERSON"
        words.pop()
        end = words[-1].end
    if (start, end, label) == (m.span.start, m.span.end, m.label):
        return m
    return _mention(doc, start, max(start, end), label, m.sentence)


_SIDE_OF = re.compile(r"(?:pro|anti|Pro|Anti|PRO|ANTI)-\w")
_NOT_NAME_POS = frozenset(("ADP", "VERB", "AUX", "CCONJ", "SCONJ", "DET", "PART", "ADV", "PRON"))


def _particle(word: str) -> bool:
    """A lower-case word that names carry ("bin", "de", "arap")."""
    return word in NAME_PARTICLES or word in _MORE_PARTICLES


_MORE_PARTICLES = frozenset(
    ("arap", "ibn", "bint", "ben", "abu", "der", "den", "dos", "das", "del")
)


def _speaks(doc: ParsedArticle, verb: Token, name: Sequence[Token]) -> bool:
    indexes = {t.index for t in name}
    return verb.lemma.lower() in INDIRECT_SPEECH_VERBS and any(
        c.index in indexes and c.dep in ("nsubj", "nsubjpass") for c in doc.tree.children(verb)
    )


def _gap(text: str, end: int, start: int) -> bool:
    """Whether only a space or two (no line break) lies between two spans."""
    between = text[end:start]
    return 0 < len(between) <= 2 and not between.strip() and "\n" not in between


_POSSESSIVE = re.compile(r"['’]s?$")


def _joined(doc: ParsedArticle, names: list[Mention]) -> list[Mention]:
    """One name cut in two, a maker and its model, "X and Y Co."."""
    text = doc.article.text
    out: list[Mention] = []
    for m in names:
        if out:
            prev = out[-1]
            label = None
            # A name that ends in a possessive owns what follows: "Francis Ford
            # Coppola's | Dracula" is the director and his film, not one name.
            if _gap(text, prev.span.end, m.span.start) and not _POSSESSIVE.search(prev.span.text):
                last_word = prev.span.text.split()[-1]
                if prev.label == "PERSON" and (
                    (m.label == "PERSON" and len(prev.span.text.split()) >= 2)
                    or (last_word.isalpha() and last_word.islower())
                ):
                    label = "PERSON"
                elif (
                    prev.label == "ORG"
                    and m.label == "PRODUCT"
                    and _MODEL_NUMBER.fullmatch(m.span.text)
                ):
                    label = "PRODUCT"
            elif (
                re.fullmatch(r"\s+(?:and|&)\s+", text[prev.span.end : m.span.start])
                and prev.label in _COMPANY_PART_LABELS
                and m.span.text[:1].isupper()
                and not m.span.text.lower().startswith("the ")
                and m.span.text.split()[-1].lower() in _COMPANY_ENDS
            ):
                label = "ORG"
            if label is not None:
                out[-1] = _mention(doc, prev.span.start, m.span.end, label, prev.sentence)
                continue
        out.append(m)
    return out


def _is_given_name(word: str) -> bool:
    return word.isalpha() and word.istitle() and word.lower() in given_names()


def _is_title(word: str) -> bool:
    return word.rstrip(".").lower() in name_titles()


def _covered(start: int, end: int, mentions: Sequence[Mention]) -> bool:
    return any(m.span.start < end and start < m.span.end for m in mentions)


def _extended_left(
    doc: ParsedArticle,
    m: Mention,
    names: Sequence[Mention],
    others: Sequence[Mention],
    common: frozenset[str],
) -> Mention:
    """A person's name with the given name the tagger left out in front of it."""
    if m.label != "PERSON":
        return m
    text = doc.article.text
    words = _tokens_of(doc, m)
    inside = {t.index for t in words}
    start = m.span.start
    for _ in range(_MAX_LEFT_WORDS):
        first = doc.tree.between(start, start + 1)
        before = doc.tree.token(first[0].index - 1) if first else None
        if (
            before is None
            or not _gap(text, before.end, start)
            or before.pos != "PROPN"
            or before.dep != "compound"
            or before.head not in inside
            or not before.text.isalpha()
            or not before.text.istitle()
            or _is_title(before.text)
            or (before.text.lower() in common and not _is_given_name(before.text))
            or before.text.lower() in MONTHS
            or before.text.lower() in WEEKDAYS
            or _covered(before.start, before.end, [*names, *others])
        ):
            break
        start = before.start
        inside.add(before.index)
    if start == m.span.start:
        return m
    return _mention(doc, start, m.span.end, m.label, m.sentence)


def _whole_word_end(doc: ParsedArticle, m: Mention) -> Mention:
    """A name the tagger cut at a hyphen inside a word ("Ban Ki-" | "moon") ends
    where the word does."""
    text = doc.article.text
    end = m.span.end
    if not (text[end - 1 : end] == "-" and text[end : end + 1].isalpha()):
        return m
    after = doc.tree.between(end, end + 1)
    if not after or not after[0].text.isalpha():
        return m
    return _mention(doc, m.span.start, after[0].end, m.label, m.sentence)


def _extended_right(
    doc: ParsedArticle, m: Mention, names: Sequence[Mention], others: Sequence[Mention]
) -> Mention:
    """A person's name with the surname the tagger left out after it ("Ali Ameir |
    Mohamed"): the untagged proper noun its last word is a compound of."""
    if m.label != "PERSON":
        return m
    words = _tokens_of(doc, m)
    if not words or words[-1].dep != "compound":
        return m
    after = doc.tree.token(words[-1].head)
    if (
        after is None
        or after.index != words[-1].index + 1
        or after.pos != "PROPN"
        or not after.text.isalpha()
        or not after.text.istitle()
        or not _gap(doc.article.text, m.span.end, after.start)
        or institution_name(
            [*(w.text for w in words), after.text], person_evidence=m.label == "PERSON"
        )
        or _covered(after.start, after.end, [*names, *others])
    ):
        return m
    return _mention(doc, m.span.start, after.end, m.label, m.sentence)


#: A hashtag ("#NewsNotNoise") or a handle ("@jessicayellin").
_TAG = re.compile(r"(?<![\w@#])([#@])([A-Za-z][A-Za-z0-9_]{2,})\b")


def _folded(words: Sequence[str]) -> str:
    """A name's letters and digits, lower-case, without a possessive ("Yellin's")."""
    joined = re.sub(r"['’]s$", "", "".join(words))
    return "".join(ch for ch in joined.lower() if ch.isalnum())


def _tagged_handles(
    doc: ParsedArticle, names: Sequence[Mention], others: Sequence[Mention]
) -> list[Mention]:
    """Hashtags and handles, as names without their sign.

    A hashtag in camel case names a campaign or a cause (typed ORG, as movements
    are); a handle that spells a person's name named in the document ("@jessicayellin",
    Jessica Yellin) is that person's. Other handles and lower-case hashtags are left.
    """
    text = doc.article.text
    people = {
        _folded(m.span.text.split()): m.span.text
        for m in names
        if m.label == "PERSON" and len(m.span.text.split()) >= 2
    }
    added: list[Mention] = []
    for match in _TAG.finditer(text):
        sign, word = match.group(1), match.group(2)
        start, end = match.start(2), match.end(2)
        label = None
        if sign == "#" and word[:1].isupper() and any(ch.isupper() for ch in word[1:]):
            label = "ORG"
        elif sign == "@" and _folded([word.replace("_", "")]) in people:
            label = "PERSON"
        if label is None:
            continue
        inside = [m for m in [*names, *others] if m.span.start < end and match.start() < m.span.end]
        if all(m.span.start >= match.start() and m.span.end <= end for m in inside):
            sentence = doc.tree.sentence_at(start)
            added.append(_mention(doc, start, end, label, sentence.index if sentence else -1))
    return added


def handle_of(handle: str, names: Sequence[str]) -> str | None:
    """The one full name a handle spells ("jessicayellin": "Jessica Yellin"), if any."""
    found = {n for n in names if len(n.split()) >= 2 and _folded(n.split()) == _folded([handle])}
    return next(iter(found)) if len(found) == 1 else None


def _numbered(
    doc: ParsedArticle, names: list[Mention], others: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """An event's number or Roman numeral, and a Roman numeral after any name."""
    text = doc.article.text
    out: list[Mention] = []
    taken: set[tuple[int, int]] = set()
    for m in names:
        words = _tokens_of(doc, m)
        after = doc.tree.token(words[-1].index + 1) if words else None
        if after is not None and _gap(text, m.span.end, after.start):
            numeral = bool(_ROMAN.fullmatch(after.text))
            number = m.label == "EVENT" and after.text.isdigit() and len(after.text) <= 3
            following = doc.tree.token(after.index + 1)
            if (
                (numeral or number)
                and not (following is not None and following.pos == "NOUN" and number)
                and not _covered(after.start, after.end, names)
            ):
                taken |= {
                    (o.span.start, o.span.end)
                    for o in others
                    if o.span.start < after.end and after.start < o.span.end
                }
                m = _mention(doc, m.span.start, after.end, m.label, m.sentence)
        out.append(m)
    return out, [o for o in others if (o.span.start, o.span.end) not in taken]


def _headline_like(doc: ParsedArticle, token: Token) -> bool:
    sentence = doc.sentences[token.sentence] if 0 <= token.sentence < len(doc.sentences) else None
    if sentence is None:
        return False
    if re.search(r"""[.!?]["'”’)]*$""", sentence.text.rstrip()):
        return False  # a headline ends with no full stop; a short sentence of names does
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    capitals = sum(w[:1].isupper() for w in words)
    return bool(words) and capitals / len(words) > _HEADLINE_SHARE


def _titled(
    doc: ParsedArticle, names: list[Mention], others: Sequence[Mention], common: frozenset[str]
) -> list[Mention]:
    """A capitalised title directly before a name of one or two words makes it a person's."""
    text = doc.article.text
    out = list(names)
    starts = {m.span.start: i for i, m in enumerate(out)}
    tokens = doc.tokens
    for k, token in enumerate(tokens[:-1]):
        if not (token.text[:1].isupper() and token.text.rstrip(".").lower() in HONORIFICS):
            continue
        if _covered(token.start, token.end, [*out, *others]):
            continue
        nxt = tokens[k + 1]
        if not _gap(text, token.end, nxt.start) or _headline_like(doc, token):
            continue
        i = starts.get(nxt.start)
        if i is not None:
            m = out[i]
            words = _tokens_of(doc, m)
            if (
                m.label != "PERSON"
                and len(words) <= _MAX_TITLED_WORDS
                and all(w.text.istitle() for w in words)
                and not institution_name([w.text for w in words])
            ):
                out[i] = replace(m, label="PERSON")
            continue
        run: list[Token] = []
        j = k + 1
        while (
            j < len(tokens)
            and len(run) < _MAX_TITLED_WORDS
            and tokens[j].pos == "PROPN"
            and tokens[j].text.isalpha()
            and tokens[j].text.istitle()
            and tokens[j].text.lower() not in common
            and not institution_name([*(t.text for t in run), tokens[j].text])
            and not _is_title(tokens[j].text)
            and not _covered(tokens[j].start, tokens[j].end, [*out, *others])
            and (not run or _gap(text, run[-1].end, tokens[j].start))
        ):
            run.append(tokens[j])
            j += 1
        following = tokens[j] if j < len(tokens) else None
        if run and not (
            following is not None
            and following.text.istitle()
            and _gap(text, run[-1].end, following.start)
        ):
            out.append(_mention(doc, run[0].start, run[-1].end, "PERSON", run[0].sentence))
    return out


def _untagged_runs(doc: ParsedArticle, taken: Sequence[Mention]) -> list[list[Token]]:
    """Runs of capitalised proper nouns no mention covers, a space apart."""
    text = doc.article.text
    tokens = doc.tokens
    runs: list[list[Token]] = []
    k = 0
    while k < len(tokens):
        run: list[Token] = []
        j = k
        while (
            j < len(tokens)
            and tokens[j].pos == "PROPN"
            and tokens[j].text.isalpha()
            and tokens[j].text.istitle()
            and not _covered(tokens[j].start, tokens[j].end, taken)
            and (not run or _gap(text, run[-1].end, tokens[j].start))
        ):
            run.append(tokens[j])
            j += 1
        if run:
            runs.append(run)
        k = max(j, k + 1)
    return runs


def _given_name_runs(
    doc: ParsedArticle, names: Sequence[Mention], others: Sequence[Mention], common: frozenset[str]
) -> list[Mention]:
    """Untagged runs of two or three capitalised proper nouns opening with a given name."""
    return [
        _mention(doc, run[0].start, run[-1].end, "PERSON", run[0].sentence)
        for run in _untagged_runs(doc, [*names, *others])
        if 2 <= len(run) <= 3
        and _is_given_name(run[0].text)
        and run[0].text.lower() not in common
        and not any(
            _is_title(t.text) or t.text.lower() in MONTHS or t.text.lower() in WEEKDAYS for t in run
        )
        and not institution_name([t.text for t in run], person_evidence=False)
        and not _headline_like(doc, run[0])
    ]


#: The last words of organisations' names (of ``NAME_HEAD_NOUNS``, not places).
_ORG_HEADS = frozenset(
    (
        *("institute", "university", "college", "academy", "foundation", "society"),
        *("association", "council", "committee", "commission", "party", "ministry"),
        *("department", "agency", "bank", "company", "corporation", "airways", "airlines"),
    )
)
#: Judgement call: an untagged organisation's name has at most this many words.
_MAX_INSTITUTION_WORDS = 5


def _institution_runs(
    doc: ParsedArticle, names: Sequence[Mention], others: Sequence[Mention]
) -> list[Mention]:
    """Untagged runs of capitalised proper nouns ending in an organisation's word
    ("the United States State Department"): an organisation, outside headlines."""
    return [
        _mention(doc, run[0].start, run[-1].end, "ORG", run[0].sentence)
        for run in _untagged_runs(doc, [*names, *others])
        if 2 <= len(run) <= _MAX_INSTITUTION_WORDS
        and run[-1].text.lower() in _ORG_HEADS
        and not _headline_like(doc, run[0])
    ]


#: The words an institution of a state ends in, after its people's adjective:
#: "Spanish Foreign Ministry", "Russian navy", "Chilean air force".
_STATE_BODIES = frozenset(
    (
        *("ministry", "navy", "fleet", "force", "forces", "police", "embassy", "consulate"),
        *("office", "commission", "parliament", "guard", "guards", "legion"),
    )
)
#: The same, written in lower case: fewer, since "a Russian force" or "a British
#: office" is no name ("force" counts after "air").
_STATE_BODIES_LOWER = frozenset(("ministry", "navy", "police", "embassy", "consulate", "guard"))
#: A state body named in lower case that is a building as well as an institution.
_MISSIONS = frozenset(("embassy", "consulate"))
#: Judgement call: at most this many lower-case words after the adjective.
_MAX_BODY_WORDS = 3


def _national_institutions(
    doc: ParsedArticle, names: list[Mention], others: Sequence[Mention]
) -> list[Mention]:
    """A people's adjective directly before a state body is part of its name.

    "Spanish | Foreign Ministry" and "Egyptian | Foreign Office" are one
    organisation each, and so is an untagged body written in lower case after
    the adjective ("Chilean air force", "French national police", "Russian
    navy"; an embassy or consulate is a building too). Only bodies of a state:
    "Palestinian | Hamas" stays two names.
    """
    text = doc.article.text
    taken = [*names, *others]
    out: list[Mention] = []
    skip: set[int] = set()
    ordered = sorted(names, key=lambda m: m.span.start)
    for k, m in enumerate(ordered):
        if k in skip:
            continue
        if m.label != "NORP" or not m.span.text[:1].isupper():
            out.append(m)
            continue
        after = ordered[k + 1] if k + 1 < len(ordered) else None
        if (
            after is not None
            and after.label in ("ORG", "FAC")
            and text[m.span.end : after.span.start] == " "
            and after.span.text[:1].isupper()
            and after.span.text.split()[-1].lower() in _STATE_BODIES
        ):
            out.append(_mention(doc, m.span.start, after.span.end, after.label, m.sentence))
            skip.add(k + 1)
            continue
        own = _tokens_of(doc, m)
        if not own or own[-1].head <= own[-1].index:
            out.append(m)  # "Americans in the embassy": no adjective of what follows
            continue
        words = doc.tree.between(m.span.end, m.span.end + 60)[:_MAX_BODY_WORDS]
        body: list[Token] = []
        for word in words:
            if (
                word.pos not in ("NOUN", "ADJ")
                or not word.text.isalpha()
                or not word.text.islower()
                or _covered(word.start, word.end, taken)
                or (body and not _gap(text, body[-1].end, word.start))
            ):
                break
            body.append(word)
            if _lower_body(body):
                break
        if body and _gap(text, m.span.end, body[0].start) and _lower_body(body):
            label = "FAC" if body[-1].text in _MISSIONS else "ORG"
            out.append(_mention(doc, m.span.start, body[-1].end, label, m.sentence))
            continue
        out.append(m)
    return out


def _lower_body(words: Sequence[Token]) -> bool:
    """Whether lower-case words end in a state body ("air force", "national police")."""
    last = words[-1]
    if last.pos != "NOUN":
        return False
    if last.text == "force":
        return len(words) >= 2 and words[-2].text == "air"
    return last.text in _STATE_BODIES_LOWER


def _listed_with_people(doc: ParsedArticle, names: list[Mention]) -> list[Mention]:
    """A name listed with two people or more and nothing else is a person's."""
    head_of: dict[int, Mention] = {}
    for m in names:
        words = _tokens_of(doc, m)
        inside = {t.index for t in words}
        head = next((t for t in words if t.head not in inside or t.head == t.index), None)
        if head is not None:
            head_of[head.index] = m
    out: list[Mention] = []
    tree = doc.tree
    for m in names:
        words = _tokens_of(doc, m)
        inside = {t.index for t in words}
        head = next((t for t in words if t.head not in inside or t.head == t.index), None)
        if m.label not in _LISTED_LABELS or head is None or len(words) > 3:
            out.append(m)
            continue
        first = head
        while (
            first.dep == "conj" and (up := tree.token(first.head)) is not None and up is not first
        ):
            first = up
        members = [first]
        todo = [first]
        while todo:
            for child in tree.children(todo.pop()):
                # "A, B and C" is often parsed as A with B in apposition, C a conjunct of B.
                in_list = child.dep == "appos" and any(
                    c.dep == "conj" for c in tree.children(child)
                )
                if child.dep == "conj" or in_list:
                    members.append(child)
                    todo.append(child)
        listed = [head_of.get(t.index) for t in members if t.index != head.index]
        if (
            len(listed) >= _LISTED_WITH
            and all(o is not None and o.label == "PERSON" for o in listed)
            and not institution_name([w.text for w in words])
        ):
            m = replace(m, label="PERSON")
        out.append(m)
    return out


def _given_names_of_people(doc: ParsedArticle, names: list[Mention]) -> list[Mention]:
    """A given name alone the tagger calls an organisation, where a person of that
    given name is named in the document, is a person's (not after a preposition)."""
    given = {
        m.span.text.split()[0]
        for m in names
        if m.label == "PERSON" and len(m.span.text.split()) >= 2
    }
    out: list[Mention] = []
    for m in names:
        words = _tokens_of(doc, m)
        if (
            m.label == "ORG"
            and len(words) == 1
            and words[0].text in given
            and _is_given_name(words[0].text)
            and words[0].dep not in ("pobj", "compound")
        ):
            m = replace(m, label="PERSON")
        out.append(m)
    return out
