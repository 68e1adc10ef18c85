"""Who said what: direct and indirect quotations with their speakers.

Method (``cues.v4``), per document, on the parse:

- Direct quotations are the text between quotation marks (straight or curly),
  within a paragraph; a quotation left open at a paragraph's end continues in
  the next paragraph that opens with a mark (the newspaper convention). One
  word in marks, or two to four with no speech act around them, is a scare
  quote and not reported; nor are quotations in headlines.
- The speaker comes from the speech cue nearest the quotation in its sentence
  (said, told, added, warned, called, described, quoted, ...): its subject;
  the object for "A quoted B (as saying)"; the agent of a passive or of a noun
  cue ("a comment by B"); the subject of the governing verb for a participle
  ("..., calling him ..."); else "according to B". A sentence without a cue
  takes the speaker of the quotation just before it in the same or previous
  sentence (split quotes, continued paragraphs), or of a cue ending the
  previous sentence with a colon.
- The speaker phrase is linked to an entity: a mention inside it (its head
  first, then an apposition: "the head of X, General Y"); a pronoun goes to the
  most recent speaker (of a quotation, or the named subject of any speech verb:
  "spokeswoman Marta Lind said the agency would…"; "a bank manager, Rita
  Holloway, testified…") or named person before it; a role phrase ("the coalition
  leader") to the person most recently named with that role. Unlinked phrases
  keep their kind: ``anonymous`` ("one diplomatic source"), ``collective``
  ("Iranian media", "diplomats from Moscow") or ``unknown``.
- Since cues.v2: a quotation whose following paragraphs open no quotation and
  one of which closes it (a site that breaks one statement into paragraphs) is
  one quotation over them, whose cue may follow its closing mark; a "he" or
  "she" goes only to a person (never an organisation) whose title or given name
  does not say the other (``person_gender``), and, further back than the last
  sentences, to whoever spoke or was named as a subject last; a speaker the
  text does not name ("one survivor", "a witness", "the unidentified officer",
  "someone in the tower") is ``anonymous``, a document ("a statement") is not;
  a few quoted words the writer uses as a term are not a quote: named ("what he
  called 'peaceful protests'") or modified by the writer's own possessive or
  adjective ("his 'working visit'", "the full-blown 'state visit'"); titles in
  title case run to eight words and may hold numbers ("Communiqué No. 1").
- Since cues.v3: a definite description ("the committee said", "the statement
  said", "the prosecutor argued") is whom the latest earlier use of its word
  names, going back past other "the ..." uses: the name it is part of, the body
  that put it out ("Continental issued a brief statement", "a report by the
  BEA", "the BEA, which draws no conclusions in its report") or the person it
  describes ("Alun Jones, a lawyer acting as prosecutor"); a person of a named
  body ("a Transport Ministry spokesman") stays ``anonymous``; bodies ("the
  group", "the committee", "the newspaper") are ``collective``. A quoted
  fragment inside the writer's sentence with no speech cue is the words of its
  clause's subject when that is a named person or "he"/"she" ("Corbyn accused
  May of bowing to 'the whims of a U.S. President'"); an inverted subject the
  parser read as an object is the speaker ('"...," reported Robertson'); a
  quotation without a cue after "..., X said." in its paragraph is X's, and a
  cue ending the sentence before with a comma counts as a colon does. A
  quotation whose sentence has a cue with no speaker does not inherit the
  previous quotation's. A "he" or "she" goes to whoever was in focus last: the
  last speaker in reach, or a person named as the subject of a later sentence
  ("Ban spoke. The session came after Ambassador Shalgam's appeal. '...,' he
  said": Shalgam); not a person named inside the quoted words. Of the cues in
  a quotation's sentence, one whose complement holds the quotation comes
  first, the innermost of them ("X told reporters that the sub 'was
  developing,' the agency reported": X), then the nearest.
- Also in cues.v3 (#19): a bare surname ("Lind said") is the person last named
  in full with it before in the document, when the tagger missed it or left it a
  person of its own; a relative pronoun speaker ("an official, who added") is the
  noun it stands for; "they" and "we" are ``collective``; a participle cue
  ("..., adding:") takes the subject of the verb above it outside quoted words; a
  "he"/"she" after a quotation of several paragraphs reaches back from where the
  quotation opens, and never to a person named or speaking inside quoted words; a
  speaker the sentence splitter cut after an abbreviated title ("Cmdr." +
  "Danny Hernandez.") is the name after it; a quotation without cue or speaker
  followed, with only marks between, by an attributed one in its paragraph is
  that speaker's ('"The plan failed." "We start again," Lind said.'); a person's
  own page, account or text speaks for them ("Lind's Instagram page explains"),
  a person of theirs does not ("Lind's aide").
- Since cues.v4 (#19): a cue whose clause holds the quotation outranks a nearer
  one even when it is the only such cue ("He said that after the sub shot a buoy to
  warn ..."); "continue to" is no cue; a speech noun that is a verb's object
  speaks for that verb's subject ("Amnesty released a statement 'urging ...'", "the
  tower sent out a message: '...'"); a cue's subject is looked for outside quoted
  words first; a participle cue's governing subject must be able to speak (a noun,
  a name, a personal pronoun; not "it" or "more"); with no subject, the person named
  last before the cue as a subject before one named as an object ("Yeltsin
  congratulated Putin and asked him to '...'"); a fragment of a clause with no cue
  belongs to an organisation, people or country subject when it has a few words;
  an unattributed quotation does not run on from the last speaker past a sentence
  whose subject is another named person (it is that person's); "he"/"she" right
  after a quotation of a person the text describes and does not name ("the old
  woman said") is that person; a document "by", "from", "in" or "of" an
  organisation, person or publication speaks for it, and "the report" looks back
  over every earlier use of its word; a definite description with no antecedent
  of its word ("the former CNN Chief White House Correspondent explains", "the old
  woman said") is the person the sentence before is about: its main subject, named
  or "he"/"she" for the person named before it there.
- Indirect speech: the clause a speech verb introduces (``X said (that) ...``)
  with no quotation marks in it, as ``kind: "indirect"``.
- The same quotation carried by several documents is one quote with all its
  sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from storybrief.lexicon import (
    DOCUMENT_NOUNS,
    INDIRECT_SPEECH_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TITLE_SMALL_WORDS,
    given_names,
)
from storybrief.model import Entity, ParsedArticle, Quote, QuoteKind, SpanRef, Token
from storybrief.text import typographic_quotes

METHOD = "cues.v4"

# Judgement calls (cues.v1, not measured) against scare quotes: one word in
# marks is never a quote; up to SCARE_MAX_WORDS words, only with a speech act near.
MIN_QUOTE_WORDS = 2
SCARE_MAX_WORDS = 4
# Judgement calls (cues.v1, not measured) bounding where speakers and quotes are read:
# heads climbed from a participle or conjunct cue to the verb with a subject,
GOVERNING_HOPS = 3
# tokens kept of a speaker phrase,
MAX_SPEAKER_TOKENS = 16
# characters after a phrase where a person's name in apposition may start,
APPOSITION_CHARS = 40
# sentences before a pronoun where its speaker or subject may be named,
PRONOUN_SENTENCES = 2
# sentences between a quote and a paragraph-opening quote that continues it,
CONTINUATION_SENTENCES = 3
# and tokens an indirect-speech clause needs to be reported.
MIN_INDIRECT_TOKENS = 4
# Judgement call: one quotation in two documents when both normalised texts have
# 20 characters or more and one nearly contains the other (partial ratio >= 92).
SAME_QUOTE_MIN_CHARS = 20
SAME_QUOTE_RATIO = 92
_ANONYMOUS_HEADS = frozenset(
    ("source", "official", "diplomat", "aide", "insider", "person", "observer", "analyst")
)
#: Where a person's own words are published, besides documents (since cues.v3).
_OWN_MEDIA = frozenset(("page", "account", "feed", "website", "site", "blog", "profile"))
_SOMEONE = frozenset(("someone", "somebody", "anyone", "anybody"))
_INDEFINITE = frozenset(("a", "an", "one", "another", "some", "any"))
_UNNAMED = frozenset(("unidentified", "unnamed", "anonymous", "unknown"))
_COLLECTIVE_HEADS = frozenset(
    (
        *("media", "press", "government", "ministry", "agency", "officials", "sources"),
        *("diplomats", "authorities", "people", "state", "spokesmen", "leaders", "analysts"),
        *("group", "committee", "movement", "party", "union", "company", "council"),
        *("commission", "administration", "newspaper", "station", "network", "board"),
    )
)
# Between a speaker phrase and a person named in apposition: ", Major General ".
_APPOSITION = re.compile(r"^,\s*(?:[A-Z][\w.’'-]*\s+){0,3}$")
_PRONOUNS = frozenset(("he", "she", "i", "we", "they", "him", "her"))
#: Abbreviated titles before a name ("Cmdr. Danny Hernandez"), after which a sentence
#: splitter may cut.
_ABBREVIATED_TITLES = frozenset(
    (
        *("gen", "lt", "col", "capt", "cmdr", "cdr", "sgt", "maj", "adm", "brig", "cpl"),
        *("gov", "sen", "rep", "dr", "prof", "rev", "insp", "supt", "det", "amb"),
    )
)
_AFTER_TITLE = re.compile(r"^\.\s+$")
_OPEN = "“«„"
_CLOSE = "”»"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Judgement calls: quoted words in title case up to eight words long are a name or a
# title ("Take Your Daughters and Sons to Work Day"); a quoted headline in capitals
# may run to ten.
TITLE_MAX_WORDS = 8
HEADLINE_MAX_WORDS = 10


@dataclass(slots=True)
class _Quote:
    doc_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    sentence: int
    opens_paragraph: bool = False
    continues: bool = False  # left open at its paragraph's end
    speaker_tokens: list[Token] = field(default_factory=list)
    speaker_kind: str = "unknown"
    entity_id: str | None = None
    cued: bool = False  # a speech cue was found for it, speaker or none


#: Judgement call: a quotation whose paragraphs carry no opening marks (a site
#: that breaks one statement into paragraphs) runs over at most this many paragraphs.
MAX_QUOTE_PARAGRAPHS = 6


def _closes(paragraph: str, i: int) -> bool:
    """Whether the mark at ``paragraph[i]`` has the shape of a closing one: a curly
    closing mark, or a straight one after a word or punctuation and not before one."""
    ch = paragraph[i]
    if ch in _CLOSE:
        return True
    if ch != '"':
        return False
    before = paragraph[i - 1] if i else " "
    after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
    return not before.isspace() and not after.isalnum()


def _closed_later(paragraphs: Sequence[str], k: int) -> tuple[int, int] | None:
    """Where a quotation left open at the end of paragraph ``k`` closes, when the
    paragraphs after it open no quotation first: (paragraph, index of the mark)."""
    passed = 1
    for j in range(k + 1, len(paragraphs)):
        if not paragraphs[j].strip():
            continue
        passed += 1
        if passed > MAX_QUOTE_PARAGRAPHS:
            return None
        marks = [
            i for i, ch in enumerate(paragraphs[j]) if ch in _OPEN or ch in _CLOSE or ch == '"'
        ]
        if not marks:
            continue
        first = marks[0]
        return (j, first) if _closes(paragraphs[j], first) else None
    return None


def _segments(text: str) -> list[tuple[int, int, bool, bool]]:
    """Quoted segments ``(start, end, opens_paragraph, continues)`` in one document.

    A quotation left open at a paragraph's end continues in the next paragraph
    that opens with a mark (the newspaper convention: each piece is a segment
    marked ``continues``); when the paragraphs after it open no quotation and
    one of them closes it (a site that breaks one statement into paragraphs:
    '"All of a sudden ...' / 'They were ...' / '... security forces," he said.'),
    the quotation is one segment over those paragraphs.
    """
    out: list[tuple[int, int, bool, bool]] = []
    paragraphs = text.split("\n")
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    k = 0
    resume = 0  # where to read paragraph k from (after a quotation that closed in it)
    while k < len(paragraphs):
        paragraph, offset = paragraphs[k], starts[k]
        open_at: int | None = None
        straight_open = False
        i = resume
        resume = 0
        jumped = False
        while i < len(paragraph):
            ch = paragraph[i]
            if ch in _OPEN or (ch == '"' and not straight_open and open_at is None):
                if open_at is None:
                    open_at = i + 1
                    straight_open = ch == '"'
            elif open_at is not None and (ch in _CLOSE or (ch == '"' and straight_open)):
                out.append(
                    (offset + open_at, offset + i, not paragraph[: open_at - 1].strip(), False)
                )
                open_at, straight_open = None, False
            i += 1
        if open_at is not None and len(paragraph) - open_at > 1:
            opens = not paragraph[: open_at - 1].strip()
            later = _closed_later(paragraphs, k)
            if later is not None:
                j, mark = later
                out.append((offset + open_at, starts[j] + mark, opens, False))
                k, resume, jumped = j, mark + 1, True
            else:
                out.append((offset + open_at, offset + len(paragraph), opens, True))
        if not jumped:
            k += 1
    return out


class _Doc:
    """A document as the quote finder reads it: its dependency tree, and sentence
    numbers where -1 means between sentences."""

    def __init__(self, doc: ParsedArticle, genders: Mapping[str, str] | None = None) -> None:
        self.doc = doc
        #: The people of the brief (entity id -> "m", "f" or "" when no name or title tells).
        self.genders: Mapping[str, str] = genders or {}
        self.tokens = doc.tokens
        self.tree = doc.tree
        #: The text with archive quotation marks read as typographic ones (same offsets).
        self.marks = typographic_quotes(doc.article.text)
        #: Where the body starts after the dateline, if the article has one in its text.
        dateline = doc.article.dateline
        evidence = dateline.evidence if dateline else None
        in_text = evidence is not None and evidence.location == "text"
        self.body_start = evidence.end if in_text and evidence and evidence.end else 0
        self.head = self.tree.head
        self.child = self.tree.child
        self.subtree = self.tree.subtree
        self._quoted: list[tuple[int, int]] | None = None

    def quoted(self, offset: int) -> bool:
        """Whether an offset lies between quotation marks."""
        if self._quoted is None:
            self._quoted = [(start, end) for start, end, _, _ in _segments(self.marks)]
        return any(start <= offset < end for start, end in self._quoted)

    def sentence_at(self, offset: int) -> int:
        sentence = self.tree.sentence_at(offset)
        return -1 if sentence is None else sentence.index


def _speaker_of_cue(d: _Doc, cue: Token) -> Token | None:
    """The speaker's head token for a speech cue, following the cue's grammar."""
    if cue.pos == "NOUN":
        by = next((c for c in d.tree.children(cue) if c.dep == "prep" and c.text == "by"), None)
        if by is not None:
            return d.child(by, "pobj")
        # "Amnesty released a statement 'urging ...'", "sent out a message: '...'":
        # the cue noun's verb's subject.
        verb = d.head(cue)
        if cue.dep == "dobj" and verb is not None and verb.pos == "VERB":
            return d.child(verb, "nsubj")
        return None
    if cue.lemma == "quote":
        return d.child(cue, "dobj") or d.child(cue, "nsubjpass")
    # A subject outside the quoted words: in '"...Our love...," the company tweeted',
    # the company, not "Our love".
    subjects = [c for c in d.tree.children(cue) if c.dep == "nsubj"]
    outside = [c for c in subjects if not d.quoted(c.start)]
    subject = outside[0] if outside else (subjects[0] if subjects else None)
    if subject is not None:
        return subject
    agent = d.child(cue, "agent")
    if agent is not None:
        return d.child(agent, "pobj")
    # '"...," reported Robertson from Alexandria': an inverted subject the parser
    # took for an object, a name right after the cue.
    after = next(
        (
            c
            for c in d.tree.children(cue)
            if c.dep in ("dobj", "attr", "oprd")
            and c.pos == "PROPN"
            and c.start > cue.end
            and not re.search(r"[^\w\s.]", d.doc.article.text[cue.end : c.start])
        ),
        None,
    )
    if after is not None and cue.lemma not in ("call", "describe", "quote", "praise", "cite"):
        return after
    # A participle or conjunct ("..., calling him ...", "and added"): the governing verb's subject.
    head = d.head(cue)
    hops = 0
    while head is not None and hops < GOVERNING_HOPS:
        subject = d.child(head, "nsubj")
        # Not a verb of quoted words: in 'Gibbs noted that events "have moved quickly,"
        # adding: "..."', the parser may hang "adding" on "moved" (since cues.v3).
        quoted = d.quoted(head.start)
        if subject is not None and not quoted and cue.dep in _GOVERNED and _can_speak(subject):
            return subject
        head, hops = d.head(head), hops + 1
    return None


def _can_speak(subject: Token) -> bool:
    """Whether a governing verb's subject can be who speaks: a noun, a name or a
    personal pronoun; not "it", "this" or "more" ("he said it wouldn't be ...
    complaining", "as if more were forthcoming, stating")."""
    if subject.pos in ("NOUN", "PROPN"):
        return True
    return subject.text.lower() in _PERSONAL


_PERSONAL = frozenset(("he", "she", "they", "we", "i", "you"))


#: The relations of a participle or conjunct cue to the verb whose subject speaks.
_GOVERNED = ("advcl", "xcomp", "conj", "ccomp", "acl")


def _holds(d: _Doc, cue: Token, quote: _Quote) -> bool:
    """Whether a cue's complement holds the whole quotation: what is said ("told
    reporters that the sub 'was developing'"), not a phrase about the saying
    ("would be commenting on Libya 'with relative frequency'")."""
    words = [t for t in d.tree.between(quote.start, quote.end) if t.pos != "PUNCT"]
    if not words:
        return False
    for child in d.tree.children(cue):
        if child.dep in ("ccomp", "xcomp", "dobj", "parataxis"):
            tokens = {t.index for t in d.subtree(child)}
            if all(t.index in tokens for t in words):
                return True
    return False


def _depth(d: _Doc, token: Token) -> int:
    return sum(1 for _ in d.tree.ancestors(token, MAX_SPEAKER_TOKENS * 4))


def _according_to(d: _Doc, tokens: Sequence[Token]) -> Token | None:
    for t in tokens:
        if t.text.lower() == "according":
            to = d.child(t, "prep")
            if to is not None and to.text.lower() == "to":
                return d.child(to, "pobj")
    return None


def _find_cue(
    d: _Doc, quote: _Quote, entity_spans: Sequence[tuple[int, int, str, str | None]]
) -> tuple[Token | None, Token | None]:
    """(cue, speaker head) for a quote in the sentences it spans, or (None, None)."""
    text = d.doc.article.text
    last = max(quote.sentence, d.sentence_at(min(quote.end + 1, len(text) - 1)))
    # '"... getting?" he asked.': the tagger may start a sentence after the mark.
    after = re.match(r"[”\"»]?\s*(?=[a-z])", d.marks[quote.end : quote.end + 4])
    if after:
        last = max(last, d.sentence_at(quote.end + after.end()))
    sentence = [
        t
        for k in range(quote.sentence, last + 1)
        for t in d.tree.in_sentence(k)
        if not quote.start <= t.start < quote.end
    ]
    cues = [
        t
        for t in sentence
        if (t.pos in ("VERB", "AUX") and t.lemma in SPEECH_VERBS)
        or (t.pos == "NOUN" and t.lemma in SPEECH_NOUNS)
    ]
    # "continue to prepare for 'all contingencies'": carrying on, not speaking.
    cues = [t for t in cues if not (t.lemma == "continue" and d.child(t, "xcomp") is not None)]
    cues.sort(key=lambda t: min(abs(t.start - quote.start), abs(t.start - quote.end)))
    # A cue whose clause holds the quotation governs it, the innermost first: in
    # "Klebanov told reporters that the sub 'was developing two minutes,' the
    # Itar-Tass news agency reported", Klebanov spoke and the agency reports it.
    governing = [c for c in cues if _holds(d, c, quote)]
    if governing:  # one alone also outranks a nearer cue whose clause does not hold it
        governing.sort(key=lambda c: -_depth(d, c))
        cues = governing + [c for c in cues if c not in governing]
    for cue in cues:
        speaker = _speaker_of_cue(d, cue)
        if speaker is not None and not quote.start <= speaker.start < quote.end:
            return cue, speaker
    speaker = _according_to(d, sentence)
    if speaker is not None:
        return None, speaker
    if cues:
        # The grammar gave no subject (a misparse): the person named last before the cue.
        before = [
            t
            for t in sentence
            if t.start < cues[0].start
            and any(s <= t.start < e and kind == "PERSON" for s, e, _, kind in entity_spans)
        ]
        # A subject before an object: in "Yeltsin congratulated Putin ... asked him to
        # 'take care of Russia'", Yeltsin asked.
        subjects = [t for t in before if t.dep in ("nsubj", "nsubjpass")]
        return cues[0], (subjects[-1] if subjects else before[-1] if before else None)
    return None, None


def _past_dateline(d: _Doc, head: Token) -> Token | None:
    """The speaker's head outside the dateline: where the parser made the dateline's place
    the subject ("RHOSMOUTH (APA) — Minister X said"), the top of what follows it."""
    if head.start >= d.body_start:
        return head
    after = [t for t in d.subtree(head) if t.start >= d.body_start]
    inside = {t.index for t in after}
    tops = [t for t in after if t.head not in inside and t.pos in ("PROPN", "NOUN", "PRON")]
    return tops[0] if tops else None


_RELATIVES = frozenset(("who", "which", "that"))


def _past_relative(d: _Doc, head: Token | None) -> Token | None:
    """The noun a relative pronoun speaker stands for: "an official in Tanzania, who
    added, '...'" is the official's quote, "Human Rights Watch, which said" the
    group's. Since cues.v3."""
    if head is None or head.text.lower() not in _RELATIVES or head.pos not in ("PRON", "DET"):
        return head
    verb = d.head(head)
    while verb is not None and verb.dep == "conj":  # "who spoke and added"
        verb = d.head(verb)
    if verb is None or verb.dep != "relcl":
        return head
    return d.head(verb)


def _speaker_phrase(d: _Doc, head: Token) -> list[Token]:
    """The speaker's noun phrase, without relative clauses or trailing punctuation."""
    skip: set[int] = set()
    for child in d.tree.children(head):
        if child.dep in ("relcl", "acl", "advcl"):
            skip.update(t.index for t in d.subtree(child))
    # Nor a relative clause further down ("an engineer at the site, who added, ...").
    for t in d.subtree(head):
        if t.dep == "relcl" and t.index not in skip:
            skip.update(u.index for u in d.subtree(t))
    # The dateline the parser hangs on the subject ("RHOSMOUTH (APA) — Minister X") is not
    # part of who spoke.
    phrase = [t for t in d.subtree(head) if t.index not in skip and t.start >= d.body_start]
    while len(phrase) > 1 and phrase[0].pos == "PUNCT":
        phrase.pop(0)
    while len(phrase) > 1 and phrase[-1].pos == "PUNCT":
        phrase.pop()
    return phrase[:MAX_SPEAKER_TOKENS]


def _classify(
    d: _Doc,
    head: Token,
    phrase: Sequence[Token],
    entity_spans: Sequence[tuple[int, int, str, str | None]],
    recent_speakers: Sequence[tuple[int, str]],
    roles: Mapping[str, Mapping[str, list[str]]],
    opening: int | None = None,
) -> tuple[str, str | None]:
    """(speaker_kind, entity id) of a speaker phrase; ``opening`` is the sentence where
    the quotation it speaks opens."""

    def entity_at(offset: int, person_only: bool = False) -> str | None:
        for start, end, eid, etype in entity_spans:
            if start <= offset < end and (not person_only or etype == "PERSON"):
                return eid
        return None

    # A phrase the sentence splitter cut after a title's abbreviation: 'said Navy
    # spokesman Cmdr.' + 'Danny Hernandez.' is Hernandez (since cues.v3).
    text = d.doc.article.text
    last = phrase[-1] if phrase else head
    if last.text.lower() in _ABBREVIATED_TITLES and text[last.end : last.end + 1] == ".":
        for start, _, person, etype in entity_spans:
            between = text[last.end : start]
            if etype == "PERSON" and start > last.end and _AFTER_TITLE.match(between):
                return "named", person
    # The head itself inside a mention ("Alkhatib", "Saeed Jalili").
    eid = entity_at(head.start)
    if eid is not None:
        return "named", eid
    # An apposition naming a person ("the head of X, General Y"), in the parse
    # or right after the phrase.
    for child in d.tree.children(head):
        if child.dep == "appos":
            for t in d.subtree(child):
                if (eid := entity_at(t.start, person_only=True)) is not None:
                    return "named", eid
    end = phrase[-1].end if phrase else head.end
    for start, _, eid, etype in entity_spans:
        if (
            etype == "PERSON"
            and end < start <= end + APPOSITION_CHARS
            and _APPOSITION.match(text[end:start])
        ):
            return "named", eid
    # A person named inside the phrase speaks, not someone an indefinite phrase
    # describes by them ("a senior Obama administration official").
    indefinite = head.pos == "NOUN" and any(
        c.dep == "det" and c.text.lower() in ("a", "an", "one", "another")
        for c in d.tree.children(head)
    )
    for t in phrase:
        if (
            t.dep == "compound"
            and not indefinite
            and (eid := entity_at(t.start, person_only=True)) is not None
        ):
            return "named", eid
    # A person's own page or text speaks for them ("a look at Lind's Instagram page
    # explains", "Lind's statement said"); not a person of theirs ("Lind's aide").
    for t in phrase:
        owned = d.head(t)
        if (
            t.dep == "poss"
            and owned is not None
            and (owned.lemma.lower() in DOCUMENT_NOUNS or owned.lemma.lower() in _OWN_MEDIA)
            and (eid := entity_at(t.start, person_only=True)) is not None
        ):
            return "named", eid
    if head.lemma.lower() in DOCUMENT_NOUNS:
        # "A report by France's accident office", "a report in the New Scientist":
        # a document speaks for the one it is by or in.
        for child in d.tree.children(head):
            if child.dep != "prep" or child.text.lower() not in ("by", "from", "in", "of"):
                continue
            for t in d.subtree(child):
                issuer = next(
                    (
                        entity_id
                        for s, e, entity_id, kind in entity_spans
                        if s <= t.start < e and kind in _ISSUERS
                    ),
                    None,
                )
                if issuer is not None:
                    return "named", issuer
    lower = head.text.lower()
    if lower in _PRONOUNS and lower not in ("they", "we"):
        return "pronoun", _resolve_pronoun(d, head, entity_spans, recent_speakers, opening)
    lemma = head.lemma.lower()
    # A role phrase ("the coalition leader"): a person written with that role,
    # sharing the phrase's other words if it has any ("SNC leader", not "Corps head").
    words = {w for t in phrase if t.index != head.index for w in _WORD.findall(t.text.lower())}
    words -= {"the", "a", "an", "its", "his", "her", "their", "of", "s"}
    candidates = {
        eid
        for eid, phrases in roles.get(lemma, {}).items()
        if not words or any(words & set(_WORD.findall(p.lower())) for p in phrases)
    }
    if candidates:
        mentioned = [s for s in entity_spans if s[2] in candidates and s[1] <= head.start]
        if mentioned:
            return "named", mentioned[-1][2]
    determiners = {t.text.lower() for t in phrase if t.dep in ("det", "nummod")}
    if "the" in determiners and head.pos == "NOUN":
        found = _antecedent(d, head, entity_at)
        if found is not None:
            return found
    if lemma in _ANONYMOUS_HEADS and (
        determiners & {"a", "an", "one", "some"} or head.tag == "NNS"
    ):
        return "anonymous", None
    # Someone the text does not name ("one survivor", "a witness", "the unidentified
    # officer", "someone in the control tower"); not a document ("a statement").
    modifiers = {t.text.lower() for t in phrase if t.index != head.index}
    if lower in _SOMEONE or (
        head.pos == "NOUN"
        and head.tag == "NN"
        and lemma not in DOCUMENT_NOUNS
        and (determiners & _INDEFINITE or modifiers & _UNNAMED)
    ):
        return "anonymous", None
    # "they said": a group, whoever it is (since cues.v3).
    plural = lower in ("they", "we") or head.tag in ("NNS", "NNPS")
    if plural or lower in _COLLECTIVE_HEADS or lemma in _COLLECTIVE_HEADS:
        return "collective", None
    if (
        "the" in determiners
        and head.tag in ("NN", "NNP")
        and lemma not in DOCUMENT_NOUNS
        and lemma not in _OWN_MEDIA
    ):
        # A description with no antecedent of its word ("the former CNN Chief White
        # House Correspondent explains", "the old woman said") is the person the
        # sentence before is about: its subject, named or "he"/"she" for the person
        # named before it there.
        subject = _previous_subject(d, head, entity_spans)
        if subject is not None:
            return "named", subject
    return "unknown", None


def _previous_subject(
    d: _Doc, head: Token, entity_spans: Sequence[tuple[int, int, str, str | None]]
) -> str | None:
    """The person who is the main subject of the sentence before ``head``'s (outside
    quoted words): a named person, or "he"/"she" standing for the person named last
    before it in that sentence."""
    k = d.sentence_at(head.start) - 1
    if k < 0:
        return None
    tokens = d.tree.in_sentence(k)
    subject = next(
        (
            t
            for t in tokens
            if t.dep in ("nsubj", "nsubjpass")
            and (root := d.head(t)) is not None
            and root.dep == "ROOT"
            and not d.quoted(t.start)
        ),
        None,
    )
    if subject is None:
        return None

    def person_at(offset: int) -> str | None:
        return next(
            (eid for s, e, eid, kind in entity_spans if s <= offset < e and kind == "PERSON"),
            None,
        )

    if (eid := person_at(subject.start)) is not None:
        return eid
    if subject.text.lower() in ("he", "she"):
        before = [eid for t in tokens if t.start < subject.start and (eid := person_at(t.start))]
        return before[-1] if before else None
    return None


#: Verbs whose object a body puts out ("Continental issued a brief statement").
_ISSUE_VERBS = frozenset(("issue", "release", "publish", "post", "send", "file", "circulate"))
#: The path from a role noun up to the person it describes ("Alun Jones, a
#: government lawyer acting as prosecutor"; "a public prosecutor, Bernard Bertossa").
_DESCRIBES = frozenset(("appos", "acl", "prep", "pobj", "attr", "oprd", "amod", "compound"))
#: Judgement call: a role noun describes a name at most this many steps above it.
DESCRIBES_HOPS = 4


def _antecedent(
    d: _Doc, head: Token, entity_at: Callable[..., str | None]
) -> tuple[str, str | None] | None:
    """Who a definite description speaker ("the committee", "the spokesman") is.

    The latest earlier word of the same lemma in the document that names
    someone, going back past earlier "the ..." uses of it: the name it is part
    of ("the Committee to Protect Journalists"), the body that puts it out
    ("Continental issued a brief statement", "a report by the Accident Inquiry
    Office", "the BEA, which draws no conclusions in its report") or the person
    it describes ("Alun Jones, a government lawyer acting as prosecutor", "a
    public prosecutor, Bernard Bertossa"). A person of a named body ("a Foreign
    Ministry spokesman") is someone the text does not name: anonymous, unless
    the word is a document or a body itself ("the Navy press service"). None
    when the word was introduced without a name ("a newspaper reported").
    """
    lemma = head.lemma.lower()
    body = lemma in DOCUMENT_NOUNS or lemma in _COLLECTIVE_HEADS
    earlier = [
        t
        for t in d.tokens
        if d.body_start <= t.start < head.start
        and t.lemma.lower() == lemma
        and t.pos in ("NOUN", "PROPN")
    ]
    for word in reversed(earlier if lemma in DOCUMENT_NOUNS else earlier[-ANTECEDENT_USES:]):
        found = _named_by(d, word, entity_at, body)
        if found is not None:
            return found
        if not any(
            (c.dep == "det" and c.text.lower() == "the")
            or (c.dep == "poss" and c.text.lower() in ("its", "their"))
            for c in d.tree.children(word)
        ):
            return None
    return None


#: Who issues a document: an organisation, a person, a publication.
_ISSUERS = frozenset(("ORG", "PERSON", "WORK_OF_ART"))

#: Judgement call: a definite description looks back over at most this many
#: earlier uses of its word (a document's word over all of them: "the report" names
#: one report however often the text has used the word since).
ANTECEDENT_USES = 6


def _named_by(
    d: _Doc, word: Token, entity_at: Callable[..., str | None], body: bool
) -> tuple[str, str | None] | None:
    """Whom one use of a speaker's word names (see ``_antecedent``)."""
    if (eid := entity_at(word.start)) is not None:
        return "named", eid
    for child in d.tree.children(word):
        if child.dep in ("compound", "poss", "nmod") or (
            child.dep == "prep" and child.text.lower() in ("by", "from")
        ):
            if child.dep == "poss" and child.text.lower() in ("its", "their"):
                owner = _owner(d, word, entity_at)
                if owner is not None:
                    return "named", owner
            for t in d.subtree(child):
                if (eid := entity_at(t.start)) is not None:
                    return ("named", eid) if body or child.dep == "prep" else ("anonymous", None)
        if child.dep == "appos":
            for t in d.subtree(child):
                if (eid := entity_at(t.start)) is not None:
                    return "named", eid
    verb = d.head(word)
    if verb is not None and word.dep == "dobj" and verb.lemma.lower() in _ISSUE_VERBS:
        subject = d.child(verb, "nsubj")
        if subject is not None and (eid := entity_at(subject.start)) is not None:
            return "named", eid
    token, hops = word, 0
    while token.dep in _DESCRIBES and hops < DESCRIBES_HOPS:
        above = d.head(token)
        if above is None or above.index == token.index:
            break
        if (eid := entity_at(above.start)) is not None:
            return "named", eid
        token, hops = above, hops + 1
    return None


def _owner(d: _Doc, word: Token, entity_at: Callable[..., str | None]) -> str | None:
    """The body an "its"/"their" before a word stands for: the noun a relative
    clause around it qualifies, else the subject of the clause it sits in."""
    token: Token | None = word
    for _ in range(DESCRIBES_HOPS):
        token = d.head(token) if token is not None else None
        if token is None:
            return None
        if token.dep == "relcl":
            noun = d.head(token)
            return entity_at(noun.start) if noun is not None else None
        if token.pos in ("VERB", "AUX"):
            subject = d.child(token, "nsubj")
            return entity_at(subject.start) if subject is not None else None
    return None


def _resolve_pronoun(
    d: _Doc,
    pronoun: Token,
    entity_spans: Sequence[tuple[int, int, str, str | None]],
    recent_speakers: Sequence[tuple[int, str]],
    opening: int | None = None,
) -> str | None:
    """The person a "he"/"she" speaker refers to.

    The subject of the speech verb governing the pronoun's clause ("Biden said
    he had urged"), else the person named last as a subject in this or the two
    sentences before, else the last speaker, else the person named last before it;
    of those, only people whose given name or title agrees with the pronoun
    (``person_gender``; since cues.v2: "she" is not Vladimir, "he" no company).
    The sentences in reach count back from where the quotation opens (``opening``),
    so a "he said" after a quotation of several paragraphs reaches the paragraph
    before it; a person named inside quoted words is never the one (since cues.v3).
    """
    reach = pronoun.sentence if opening is None else min(pronoun.sentence, opening)
    reach -= PRONOUN_SENTENCES
    # A "he" is no organisation, and no person a given name or title says is a woman.
    wrong = {"he": "f", "him": "f", "she": "m", "her": "m"}.get(pronoun.text.lower())

    def agrees(eid: str) -> bool:
        if wrong is None:
            return True
        return eid in d.genders and d.genders[eid] != wrong

    def known(eid: str) -> bool:
        return wrong is not None and d.genders.get(eid, "") not in ("", wrong)

    people = [
        s
        for s in entity_spans
        if s[3] == "PERSON" and s[1] <= pronoun.start and agrees(s[2]) and not d.quoted(s[0])
    ]
    recent_speakers = [s for s in recent_speakers if agrees(s[1])]
    # Among those in reach, a person the pronoun is known to fit ("she": Valentina)
    # before one whose name does not tell.
    in_reach = [s for s in people if d.sentence_at(s[0]) >= reach and known(s[2])]
    if in_reach and any(not known(eid) for _, eid in recent_speakers[-1:]):
        recent_speakers = [s for s in recent_speakers if known(s[1])]
    verb = d.head(pronoun)
    outer = d.head(verb) if verb is not None and verb.dep == "ccomp" else None
    if outer is not None and outer.lemma in SPEECH_VERBS:
        subject = d.child(outer, "nsubj")
        if subject is not None:
            for s in people:
                if s[0] <= subject.start < s[1]:
                    return s[2]
    recent = sorted(
        s for s in recent_speakers if s[0] < pronoun.start and d.sentence_at(s[0]) >= reach
    )
    subjects = {t.start for t in d.tokens if t.dep in ("nsubj", "nsubjpass")}
    # A name in apposition to a subject is the subject ("Britain's home secretary,
    # Jack Straw, decides").
    subjects |= {
        t.start
        for t in d.tokens
        if t.dep == "appos" and (head := d.head(t)) is not None and head.start in subjects
    }
    window = [
        s
        for s in people
        if d.sentence_at(s[0]) >= reach
        and any(s[0] <= x < s[1] for x in subjects)
        and not d.quoted(s[0])  # a subject inside quoted words is the speaker's topic
    ]
    # Whoever was in focus last: the last speaker, or a person named as the subject
    # of a later sentence ("Later, Ghonim gave an interview. He said ...").
    if window and (not recent or d.sentence_at(window[-1][0]) > d.sentence_at(recent[-1][0])):
        return window[-1][2]
    if recent:
        return recent[-1][1]
    # Further back: whoever spoke or was named as a subject last.
    before = sorted(
        [s for s in recent_speakers if s[0] < pronoun.start]
        + [(s[0], s[2]) for s in people if any(s[0] <= x < s[1] for x in subjects)]
    )
    if before:
        return before[-1][1]
    return people[-1][2] if people else None


_MALE_TITLES = frozenset(("mr", "sir", "monsieur", "herr", "senor", "señor", "lord", "king"))
_FEMALE_TITLES = frozenset(
    ("mrs", "ms", "miss", "madame", "mme", "dame", "lady", "frau", "senora", "señora", "queen")
)


def person_gender(entity: Entity) -> str:
    """ "m" or "f" when a title ("Mr.", "Ms.") or the given name of a person's
    names tells (a given name listed for one gender only), else ""."""
    found: set[str] = set()
    for alias in (entity.canonical, *entity.aliases):
        words = [w.strip(".,").lower() for w in alias.split()]
        if not words:
            continue
        if words[0] in _MALE_TITLES:
            found.add("m")
        elif words[0] in _FEMALE_TITLES:
            found.add("f")
        elif len(words) >= 2 and (listed := given_names().get(words[0])) in ("m", "f"):
            found.add(listed)
    return found.pop() if len(found) == 1 else ""


def extract_quotes(
    documents: Sequence[ParsedArticle], entities: Sequence[Entity] = ()
) -> tuple[Quote, ...]:
    """The brief's quotes: direct and indirect, each with speaker and sources.

    Args:
        documents: parsed articles (their mentions may carry entity ids).
        entities: the brief's entities, to link speakers to.
    """
    spans_by_doc: dict[str, list[tuple[int, int, str, str | None]]] = defaultdict(list)
    # role word -> {entity id: the role phrases it was written with}
    roles: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for e in entities:
        for m in e.mentions:
            spans_by_doc[m.span.doc_id].append((m.span.start, m.span.end, e.id, e.type))
        if e.type == "PERSON":
            for role in e.roles:
                for word in _WORD.findall(role.lower()):
                    roles[word].setdefault(e.id, []).append(role)
    for spans in spans_by_doc.values():
        spans.sort()
    genders = {e.id: person_gender(e) for e in entities if e.type == "PERSON"}
    canonical = {e.id: e.canonical for e in entities}
    quotes: list[_Quote] = []
    for doc in documents:
        spans = _surname_spans(doc, spans_by_doc[doc.id], canonical)
        found = _repeats_keep_their_speaker(_document_quotes(_Doc(doc, genders), spans, roles))
        # A photo caption or a page's story highlights repeat the story's words
        # out of their context ("... says NATO is 'starving the population'"):
        # no quotation is taken from them.
        captions = doc.article.captions
        quotes += [q for q in found if not any(s <= q.start < e for s, e in captions)]
    return _group(quotes, documents, entities)


def _repeats_keep_their_speaker(quotes: list[_Quote]) -> list[_Quote]:
    """A quotation repeated in its own document without a speaker (a caption, a pull
    quote, a fact box above the body: "Protesters chant 'We are one.'" then, in the
    body, "'We are one,' the crowd chanted") is the same words of the same speaker:
    it takes the speaker of the one occurrence that has one (two different speakers
    of the same words leave it unknown)."""
    speakers: dict[str, list[_Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker_tokens or q.entity_id:
            speakers[_norm(q.text)].append(q)
    for q in quotes:
        if q.speaker_tokens or q.entity_id:
            continue
        named = speakers.get(_norm(q.text), [])
        said = {(q2.entity_id, " ".join(t.text.lower() for t in q2.speaker_tokens)) for q2 in named}
        if len(said) == 1 and named[0].kind == q.kind:
            q.speaker_tokens = list(named[0].speaker_tokens)
            q.speaker_kind = named[0].speaker_kind
            q.entity_id = named[0].entity_id
    return quotes


#: Titles before a surname that keep it a bare surname ("Mr. Okafor").
_SURNAME_TITLES = frozenset(
    ("mr", "mrs", "ms", "dr", "miss", "madame", "mme", "monsieur", "sir", "lady", "lord")
)


def _surname_spans(
    doc: ParsedArticle,
    spans: Sequence[tuple[int, int, str, str | None]],
    canonical: Mapping[str, str],
) -> list[tuple[int, int, str, str | None]]:
    """The document's mentions, with each bare surname read as the person of that
    surname named in full last before it in the document.

    A surname the entities left as a person of its own ("Johnson" beside "Woody
    Johnson", kept apart because "Boris Johnson" shares it) or the tagger missed
    ("Later, Ghonim gave an interview") is, in a news report, the person last named
    in full with it: "Woody Johnson ... Johnson told radio host ...". Since cues.v3.
    """
    text = doc.article.text
    full: list[tuple[int, str, str]] = []  # (end, surname, entity) of names in full
    out: list[tuple[int, int, str, str | None]] = []

    def named_last(surname: str, before: int) -> str | None:
        found = [eid for end, last, eid in full if last == surname and end <= before]
        return found[-1] if found else None

    for start, end, eid, etype in spans:
        words = text[start:end].split()
        if etype == "PERSON" and len(words) >= 2:
            full.append((end, words[-1].strip(".,"), eid))
        elif (
            etype == "PERSON"
            and len(words) == 1
            and len(canonical.get(eid, "").split()) == 1
            and (person := named_last(words[0].strip(".,"), start)) is not None
        ):
            eid = person
        out.append((start, end, eid, etype))
    covered = [(start, end) for start, end, _, _ in spans]
    tokens = doc.tokens
    for n, token in enumerate(tokens):
        before = tokens[n - 1] if n else None
        after = tokens[n + 1] if n + 1 < len(tokens) else None
        # Alone, or after a title: not a word of a longer name ("Johnson Controls").
        alone = before is None or before.pos != "PROPN"
        alone |= before is not None and before.text.rstrip(".").lower() in _SURNAME_TITLES
        alone &= after is None or after.pos != "PROPN"
        if (
            token.pos == "PROPN"
            and token.text[:1].isupper()
            and alone
            and not any(start <= token.start < end for start, end in covered)
            and (person := named_last(token.text, token.start)) is not None
        ):
            out.append((token.start, token.end, person, "PERSON"))
    return sorted(out)


def _document_quotes(
    d: _Doc,
    entity_spans: Sequence[tuple[int, int, str, str | None]],
    roles: Mapping[str, Mapping[str, list[str]]],
) -> list[_Quote]:
    text = d.doc.article.text
    title = d.doc.article.title
    title_end = title.evidence.end if title and title.evidence.location == "text" else None
    found: list[_Quote] = []
    # Who spoke, in text order: the named subjects of speech verbs ("Civil protection
    # spokeswoman Marta Lind said the agency would…") and then the direct quotes' speakers.
    recent: list[tuple[int, str]] = _named_speakers(d, entity_spans)
    previous: _Quote | None = None
    for start, end, opens, continues in _segments(d.marks):
        raw = text[start:end]
        stripped = raw.strip().rstrip(",")
        lead = len(raw) - len(raw.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        if not stripped or (title_end is not None and start < title_end):
            continue
        quote = _Quote(
            d.doc.id, start, end, stripped, "direct", d.sentence_at(start), opens, continues
        )
        cue, head = _find_cue(d, quote, entity_spans)
        quote.cued = cue is not None
        words = len(_WORD.findall(stripped))
        if words < MIN_QUOTE_WORDS or (words <= SCARE_MAX_WORDS and cue is None and head is None):
            continue
        if _names_something(stripped):
            continue
        if words <= SCARE_MAX_WORDS and _term_in_use(d, start):
            continue
        if head is None:
            head = _clause_subject(d, quote, entity_spans)
        if head is None and cue is None and previous is not None and previous.speaker_tokens:
            # A split quote in one paragraph ("...," she said. "..."), or a paragraph
            # that is nothing but the next part of what the last speaker said.
            same_paragraph = "\n" not in text[previous.end : quote.start]
            if same_paragraph or (
                opens and quote.sentence - previous.sentence <= CONTINUATION_SENTENCES
            ):
                quote.speaker_tokens = previous.speaker_tokens
                quote.speaker_kind, quote.entity_id = previous.speaker_kind, previous.entity_id
                # Unless a sentence between has another named person for its subject:
                # the words run on from that person (wire copy with no paragraphs).
                other = _named_subject_between(
                    d, previous.sentence + 1, quote.sentence, entity_spans, previous.entity_id
                )
                if other is not None:
                    token, entity_id = other
                    quote.speaker_tokens = [token]
                    quote.speaker_kind, quote.entity_id = "named", entity_id
        if head is None and not quote.speaker_tokens:
            head = _colon_cue(d, quote)
        if head is not None:
            head = _past_relative(d, _past_dateline(d, head))
        if head is not None:
            quote.speaker_tokens = _speaker_phrase(d, head)
            quote.speaker_kind, quote.entity_id = _classify(
                d, head, quote.speaker_tokens, entity_spans, recent, roles, quote.sentence
            )
        if (
            head is not None
            and quote.speaker_kind == "pronoun"
            and head.text.lower() in ("he", "she")
            and previous is not None
            and _unnamed_speaker(previous)
            and 0 <= quote.sentence - previous.sentence <= 1
        ):
            # '"Germans bleed," the old woman said. "...," she said.': "she" is the
            # woman just quoted, whom the text never names.
            quote.speaker_tokens = previous.speaker_tokens
            quote.speaker_kind, quote.entity_id = previous.speaker_kind, None
        if quote.entity_id is not None:
            recent.append((quote.start, quote.entity_id))
        found.append(quote)
        previous = quote
    _speak_on(text, found)
    found += _indirect(d, found, entity_spans, recent, roles)
    return found


def _named_subject_between(
    d: _Doc,
    first: int,
    last: int,
    entity_spans: Sequence[tuple[int, int, str, str | None]],
    but: str | None,
) -> tuple[Token, str] | None:
    """The last named person other than ``but`` who is the subject of a sentence from
    ``first`` up to (not including) ``last``, outside quoted words."""
    found: tuple[Token, str] | None = None
    for k in range(first, last):
        for t in d.tree.in_sentence(k):
            if t.dep != "nsubj" or d.quoted(t.start):
                continue
            for s, e, entity_id, kind in entity_spans:
                if kind == "PERSON" and s <= t.start < e and entity_id != but:
                    found = (t, entity_id)
    return found


def _unnamed_speaker(quote: _Quote) -> bool:
    """Whether a quotation's speaker is a person the text describes and does not name
    ("the old woman", "the chief navigator")."""
    return (
        quote.entity_id is None
        and bool(quote.speaker_tokens)
        and quote.speaker_kind in ("unknown", "anonymous")
        and quote.speaker_tokens[-1].tag == "NN"
    )


#: Between two quotations that run on: closing and opening marks, punctuation, spaces.
_RUN_ON = re.compile(r"^[\s”\"»“«.,;:!?…-]*$")


def _speak_on(text: str, quotes: Sequence[_Quote]) -> None:
    """Give a quotation without cue or speaker the speaker of the quotation right after
    it in its paragraph, with nothing but marks between them: in '"The plan failed."
    "We start again," Lind said.' both are Lind's (the newspaper convention that
    an attribution closes a run of quotations). Since cues.v3."""
    for quote, after in reversed(list(pairwise(quotes))):
        if (
            quote.kind == "direct"
            and not quote.cued
            and not quote.speaker_tokens
            and after.speaker_tokens
            and _RUN_ON.match(text[quote.end : after.start])
            and "\n" not in text[quote.end : after.start]
        ):
            quote.speaker_tokens = after.speaker_tokens
            quote.speaker_kind, quote.entity_id = after.speaker_kind, after.entity_id


#: Words before a quoted term that name it rather than report speech ("what he
#: called 'peaceful demonstrations'", "the so-called 'state visit'").
_NAMING = re.compile(
    r"\b(?:called|dubbed|termed|labell?ed|branded|so-called|known as|billed as)"
    r"\s*[\"“‘'`]*\s*$",
    re.IGNORECASE,
)
#: Possessives: "his 'working visit'" is the writer's noun phrase around a term.
_POSSESSIVES = frozenset(("his", "her", "its", "their", "our", "my", "your"))
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", *_POSSESSIVES))


def _term_in_use(d: _Doc, start: int) -> bool:
    """Whether a few quoted words are a term the writer uses, not words someone said:
    named ("what he called 'peaceful demonstrations'"), or in a noun phrase the
    writer's own words modify: a possessive ("his 'working visit'") or an adjective
    ("the full-blown 'state visit'"). A bare article is not enough: "became the
    'bomb factory,' prosecutors charged" quotes them, as "a 'bad deal'" quotes
    its speaker."""
    text = d.marks
    if _NAMING.search(text[max(0, start - 24) : start]):
        return True
    before = [t for t in d.tree.between(max(0, start - 40), start) if t.end <= start]
    words = [t for t in before if t.pos != "PUNCT"]
    if not words:
        return False
    if words[-1].text.lower() in _POSSESSIVES and words[-1].tag == "PRP$":
        return True
    adjectives = 0
    for token in reversed(words):
        # "full-blown", "much-vaunted": a hyphened word or a participle is an adjective here.
        hyphened = token.start > 0 and text[token.start - 1] in "-‐–"
        hyphened |= text[token.end : token.end + 1] in ("-", "‐", "–")
        if token.pos == "ADJ" or token.tag == "VBN" or hyphened:
            adjectives += 1
            continue
        return adjectives > 0 and token.text.lower() in _DETERMINERS
    return False


def _names_something(quoted: str) -> bool:
    """Whether words in quotation marks are a name or a title, not speech: a few words in
    title case ("None of the Above", "Sea Eagle", a nickname "Ahmed the German") or a
    headline in capitals ("THE PLANE THAT TIME PASSED BY")."""
    words = _WORD.findall(quoted)
    if not words:
        return False
    if len(words) <= TITLE_MAX_WORDS and all(
        w[0].isupper() or w[0].isdigit() or w in TITLE_SMALL_WORDS for w in words
    ):
        return bool(words[0][0].isupper())
    letters = [ch for ch in quoted if ch.isalpha()]
    return len(words) <= HEADLINE_MAX_WORDS and all(ch.isupper() for ch in letters)


def _cues(d: _Doc, lemmas: Collection[str], dep: str) -> Iterator[tuple[Token, Token]]:
    """Verbs of ``lemmas`` with their child of relation ``dep`` (the subject, the clause)."""
    for cue in d.tokens:
        if cue.pos == "VERB" and cue.lemma in lemmas:
            child = d.child(cue, dep)
            if child is not None:
                yield cue, child


def _named_speakers(
    d: _Doc, entity_spans: Sequence[tuple[int, int, str, str | None]]
) -> list[tuple[int, str]]:
    """(position, entity) of every speech verb whose subject is a named person."""
    people = [s for s in entity_spans if s[3] == "PERSON"]
    out = []
    for cue, subject in _cues(d, SPEECH_VERBS, "nsubj"):
        if d.quoted(cue.start):
            continue  # who spoke in the quoted words is not who speaks them
        # "a bank manager, Rita Holloway, 52, testified": the name is in apposition.
        named = d.child(subject, "appos")
        for token in (subject, named):
            if token is None:
                continue
            person = next((s for s in people if s[0] <= token.start < s[1]), None)
            if person is not None:
                out.append((cue.start, person[2]))
                break
    return out


def _colon_cue(d: _Doc, quote: _Quote) -> Token | None:
    """A cue ending the previous sentence with a colon ("Zakharova said:"), or with
    a comma before the paragraph that opens with the quote ("... explains,"), or
    the speaker of what the previous sentence of the quote's paragraph reports
    ("They had not been warned, she said. 'Those claims are illogical.'")."""
    k = quote.sentence - 1
    previous = d.tree.in_sentence(k)
    while previous and k > 0 and not any(t.text[:1].isalnum() for t in previous):
        k -= 1  # a quotation mark the tagger made a sentence of its own
        previous = d.tree.in_sentence(k)
    if not previous:
        return None
    text = d.doc.article.text
    between = text[previous[-1].end : quote.start]
    same_paragraph = "\n" not in between
    if previous[-1].text not in (":", ",") and not same_paragraph:
        return None
    for t in reversed(previous):
        if t.pos in ("VERB", "AUX") and t.lemma in SPEECH_VERBS:
            return _speaker_of_cue(d, t)
    return None


#: Judgement call: a quoted fragment's clause subject is looked for at most this
#: many steps above the quotation.
OWNER_HOPS = 6


#: Who else may own a quoted fragment of a clause with no speech cue, besides a
#: person: an organisation, a people or a country ("The Committee to Protect
#: Journalists has excoriated Mubarak for '...'"), never a thing.
_CLAUSE_SPEAKERS = frozenset(("ORG", "NORP", "GPE"))
#: Judgement call: a fragment an organisation owns has at least this many words.
MIN_GROUP_FRAGMENT_WORDS = 4


def _clause_subject(
    d: _Doc, quote: _Quote, entity_spans: Sequence[tuple[int, int, str, str | None]]
) -> Token | None:
    """The person whose words a quoted fragment of the writer's sentence gives.

    A fragment inside a clause with no speech cue belongs to that clause's
    subject when it is a named person or "he"/"she", or for a fragment of a few
    words an organisation, people or country ("He is sure that 'it was
    necessary...'", "Corbyn accused May of bowing to 'the whims of a U.S.
    President'", "Putin prioritized 'the fight against poverty'"). Not a quotation
    that is its sentence, and not a subject that is a thing.
    """
    sentence = d.tree.in_sentence(quote.sentence)
    if not any(t.end <= quote.start and t.text[:1].isalnum() for t in sentence):
        return None  # the quotation opens its sentence: it is no fragment of the writer's
    inside = d.tree.between(quote.start, quote.end)
    top = next((t for t in inside if not quote.start <= _head_start(d, t) < quote.end), None)
    if top is None:
        return None
    token, hops = d.head(top), 0
    while token is not None and hops < OWNER_HOPS:
        if quote.start <= token.start < quote.end:
            return None
        if token.pos in ("VERB", "AUX"):
            subject = d.child(token, "nsubj")
            if subject is not None and not quote.start <= subject.start < quote.end:
                kinds = {kind for s, e, _, kind in entity_spans if s <= subject.start < e}
                if "PERSON" in kinds or subject.text.lower() in ("he", "she"):
                    return subject
                # An organisation or a country owns a fragment of a few words; a
                # term it is said to use ("Britain offered a 'state visit'") is no quote.
                if kinds & _CLAUSE_SPEAKERS and len(quote.text.split()) >= MIN_GROUP_FRAGMENT_WORDS:
                    return subject
                return None
        if token.head == token.index:
            return None
        token, hops = d.head(token), hops + 1
    return None


def _head_start(d: _Doc, token: Token) -> int:
    head = d.head(token)
    return -1 if head is None else head.start


def _indirect(
    d: _Doc,
    direct: Sequence[_Quote],
    entity_spans: Sequence[tuple[int, int, str, str | None]],
    recent: Sequence[tuple[int, str]],
    roles: Mapping[str, Mapping[str, list[str]]],
) -> list[_Quote]:
    text = d.doc.article.text
    quoted = [(q.start - 1, q.end + 1) for q in direct]
    out: list[_Quote] = []
    for cue, clause in _cues(d, INDIRECT_SPEECH_VERBS, "ccomp"):
        tokens = [t for t in d.subtree(clause) if t.dep != "mark" or t.head != clause.index]
        if len(tokens) < MIN_INDIRECT_TOKENS:
            continue
        start, end = tokens[0].start, tokens[-1].end
        if any(s < end and start < e for s, e in quoted) or any(
            ch in d.marks[start:end] for ch in '"“”'
        ):
            continue
        head = _speaker_of_cue(d, cue)
        if head is not None:
            head = _past_relative(d, _past_dateline(d, head))
        if head is None:
            continue
        quote = _Quote(d.doc.id, start, end, text[start:end], "indirect", cue.sentence)
        quote.speaker_tokens = _speaker_phrase(d, head)
        quote.speaker_kind, quote.entity_id = _classify(
            d, head, quote.speaker_tokens, entity_spans, recent, roles
        )
        before = [q for q in (*direct, *out) if q.end <= quote.start]
        previous = max(before, key=lambda q: q.start, default=None)
        if (
            quote.speaker_kind == "pronoun"
            and head.text.lower() in ("he", "she")
            and previous is not None
            and _unnamed_speaker(previous)
            and 0 <= quote.sentence - previous.sentence <= 1
        ):
            # "..., an eyewitness told CNN. ..., he said.": "he" is the witness just
            # reported, whom the text never names, as after a direct quotation.
            quote.speaker_tokens = previous.speaker_tokens
            quote.speaker_kind, quote.entity_id = previous.speaker_kind, None
        out.append(quote)
    return out


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _group(
    quotes: Sequence[_Quote],
    documents: Sequence[ParsedArticle],
    entities: Sequence[Entity],
) -> tuple[Quote, ...]:
    """One quote per quotation, with every document that carries it."""
    from storybrief.analysis.blocking import partial_matches

    names = {e.id: e.canonical for e in entities}
    texts = {d.id: d.article.text for d in documents}
    keys = [_norm(q.text) for q in quotes]
    comparable = [n for n, key in enumerate(keys) if len(key) >= SAME_QUOTE_MIN_CHARS]
    # The earlier quotes that reach SAME_QUOTE_RATIO, scored in C among the pairs that
    # blocking finds (see blocking's docstring for which); the earliest group that
    # matches still takes the quote, as when every group was tried (issue #22).
    earlier = partial_matches([keys[n] for n in comparable], SAME_QUOTE_RATIO)
    matches = {
        n: [comparable[j] for j in found] for n, found in zip(comparable, earlier, strict=True)
    }
    groups: list[list[_Quote]] = []
    group_of: dict[int, int] = {}  # a group's first quote -> the group
    for n, q in enumerate(quotes):
        for first_n in matches.get(n, ()):
            if first_n not in group_of:
                continue
            first = quotes[first_n]
            if first.kind != q.kind or first.doc_id == q.doc_id:
                continue
            groups[group_of[first_n]].append(q)
            break
        else:
            group_of[n] = len(groups)
            groups.append([q])
    out: list[Quote] = []
    for n, group in enumerate(groups, 1):
        main = max(group, key=lambda q: (q.entity_id is not None, len(q.text)))
        first = group[0]
        speaker = None
        if main.speaker_tokens:
            text = texts[main.doc_id]
            speaker = text[main.speaker_tokens[0].start : main.speaker_tokens[-1].end]
        out.append(
            Quote(
                id=f"q{n}",
                kind=first.kind,
                text=main.text,
                doc_id=first.doc_id,
                start=first.start,
                end=first.end,
                speaker=speaker,
                speaker_kind=main.speaker_kind if speaker else "unknown",
                entity_id=main.entity_id,
                speaker_name=names.get(main.entity_id) if main.entity_id else None,
                sources=tuple(SpanRef(q.doc_id, q.start, q.end) for q in group),
            )
        )
    return tuple(out)
