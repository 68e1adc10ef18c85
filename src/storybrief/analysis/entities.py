"""Cross-document entity resolution: every spelling of one name, one entity.

Method (``names.v4``), on the tagger's named mentions of all documents:

1. Each mention is normalised: leading "the", possessive "'s", honorifics and
   titles ("President", "Sheik", "Foreign Minister"; nameparser's list, on
   person names only) are set aside; dots, hyphens, case and accents do not
   count ("U.N." = "UN", "al-Khatib" = "Al Khatib").
2. Equal normalised forms are one form. Forms are linked when one is the
   acronym of the other ("SNC" / "Syrian National Coalition", "US" / "United
   States"), when the text defines one as the other ("... Forces (SNC)"), when
   two full person names share a surname (up to a glued Arabic article,
   "Alkhatib", or a misspelling, rapidfuzz ratio ≥ 80) and compatible given
   names (equal, one contained in the other, or a nickname: the ``nicknames``
   dataset), and when two long names differ by a word or two (token-sort ratio
   ≥ 92: "Coalition of" / "Coalition for").
3. A surname alone ("Khatib", "Lavrov") joins the one person of that surname
   named in its own document, else the one person of that surname in the
   cluster; when two people share it and context does not decide, it stays
   apart rather than guessing. A word that is no one's surname but someone's
   given name or its nickname ("Samuel", "Sam") joins the one person of that
   given name in its own document, else in the cluster; since names.v5, a word
   that is neither, but the middle part of a name of three words or more ("Ameir",
   "Ali Ameir Mohamed"), joins the one person of its document so named.
4. An entity's type is the majority over its surface forms (each form voting
   with its own majority label), so a name the tagger calls ORG in most
   sentences but PERSON in its full forms is a PERSON. Since names.v2: a name
   of two or three words that opens with a given name (Faker's national
   first-name lists, ``lexicon.given_names``) and ends in no institution or
   place word is a person's unless the tagger calls it something else in
   ``TAGGER_OUTWEIGHS_GIVEN_NAME`` mentions or more; an entity made of a
   person's full name and parts of it is a PERSON whatever the tagger calls
   the parts ("Espina" tagged GPE); a person's name has no acronym ("AP" is
   not Andrei Piontkovsky). (A lone given name the tagger calls ORG still
   stays apart: "Santiago" may be the city; but see ``spans``.) Since names.v4, the other way: a
   name of two words or more that opens with no given name and ends in an
   institution or place word ("White House") is no person's whatever the tagger
   says; it takes the tagger's other label, else ORG. And a title the tagger kept
   in a name it calls an organisation ("Bishop Friedhelm Hofmann" tagged ORG) is
   person's evidence, as a given name is. Since names.v6, legislatures,
   governments, forces and movements end such names too ("General People's
   Congress", "Christian Democratic Union": ``lexicon.institution_name``), except
   in a name of two words opening with a given name that names no place: "Gabrielle
   Union" and "Robert Service" are people, "Victoria Police" is not. An acronym
   takes every letter of a dotted abbreviation ("U.S. Navy" is USN, not the U.N.),
   whose last full stop stays in the name ("U.N.").
5. Since names.v2: given names that are transliterations of one name
   ("Muammar"/"Moammar", "Sergei"/"Sergey"; alike once spelling habits are
   folded, never across a listed gender: not "Mario"/"Maria") are compatible;
   a body, building or ship named by the end of its name ("Duma", "Security
   Council") is the one such name in the story that ends so (not the end of an
   "of" phrase: "Suez" is not "Gulf of Suez"); a place with or without an
   Arabic article ("al-Brega") is one place; a people in both numbers
   ("Libyan", "Libyans") is one; an acronym links only a name of the same kind
   ("UK" is not the ship "USS Kearsarge"). Once resolved, the
   surnames and full names of persons are looked up again in the documents to
   add mentions the tagger missed.
6. Since names.v3: a leading "a"/"an" is no part of a name ("a Human Rights
   Watch researcher"), and a person's aliases keep a capitalised title the
   tagger left out of the mention ("Col. Moammar Gadhafi", "Sir Kim Darroch";
   nameparser's titles), as the name was written; a name a wire's contributor
   line gives is a person's even alone ("Reporting by Babington"); a month the
   tagger took for a person's surname ("Trump and May met", no day or year
   after it) is looked up as that person's mention and relabelled PERSON.
7. Since names.v5: the tagger's spans are repaired first (``spans``, method
   ``spans.v1``: given names and surnames it left out, names cut in two or run
   together, words that are no part of a name, an event's number, honorifics,
   untagged names opening with a given name, hashtags and handles). A company
   named by the first word of its name ("Goodyear", "Goodyear Tire and Rubber
   Co.") is that company when one fits, and an entity with a company's full name
   is an organisation; a handle that spells a person's name is that person's.
   A name the tagger calls a person about as often as a place, and that a
   quarter of its mentions or more write after "in", "near", "toward"...
   ("fighting in Misrata"), is the place; a dateline's agency ("New York (CNN)
   -- ") defines no acronym of its place.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from storybrief.analysis.blocking import scoring_choices, scoring_pairs
from storybrief.analysis.spans import handle_of, repaired_mentions
from storybrief.lexicon import (
    NAME_LABELS,
    NAME_LABELS_IN_ORDER,
    NAME_PARTICLES,
    TIME_LABELS,
    given_names,
    institution_name,
    name_titles,
)
from storybrief.model import (
    Entity,
    EntityMention,
    Mention,
    ParsedArticle,
    Span,
    Token,
    TokenTree,
)
from storybrief.text import DATELINE

METHOD = "names.v6"

# Judgement calls (names.v1, not measured one by one; the method as a whole is
# scored in benchmarks/results/entities.md):
# rapidfuzz ratio for misspelt surnames of two full names, given names agreeing,
SURNAME_RATIO = 80.0
# and for a surname alone, with no given name to confirm it,
SURNAME_ALONE_RATIO = SURNAME_RATIO + 5
# both only for spellings this long (short names look alike by chance);
FUZZY_MIN_CHARS = 5
# token-sort ratio for long names differing by a word ("Coalition of"/"for"),
LONG_NAME_RATIO = 92.0
# only for names this long;
LONG_NAME_MIN_CHARS = 12
# a glued Arabic article ("Alkhatib") comes off only if this much name is left;
MIN_STEM_AFTER_ARTICLE = 4
# a person's full name has this many words or more;
FULL_NAME_WORDS = 2
# a role word ("envoy") this many tokens before an untagged name makes it a person's;
ROLE_WINDOW_TOKENS = 6
# a role phrase before a name has at most this many words;
MAX_ROLE_WORDS = 6
# names shorter than this are not looked up again where the tagger missed them.
MIN_LOOKUP_CHARS = 3
# "Long Name (ACR)": characters after a name read for a defined acronym (two
# spaces, the parentheses and an acronym of up to ten letters), and the dash of a
# dateline after them.
_DEFINITION_CHARS = 20
_ARABIC_ARTICLES = ("al", "el", "ul")
_ACRONYM_SKIP = frozenset(("of", "for", "and", "the", "on", "in", "de", "du", "la", "&"))
_ROLE_WORDS = frozenset(
    (
        *("minister", "president", "leader", "head", "spokesman", "spokeswoman"),
        *("spokesperson", "chief", "envoy", "secretary", "ambassador", "director"),
        *("chairman", "chairwoman", "commander", "general", "official", "prime"),
        *("king", "queen", "prince", "sheik", "sheikh", "senator", "governor"),
        *("mayor", "chancellor", "premier", "deputy", "adviser", "advisor", "negotiator"),
    )
)
# Of labels tied in a vote, the first in the lexicon's order wins, except the
# titles of works and laws, which lose to any other.
_LABEL_ORDER = NAME_LABELS_IN_ORDER[:-2]


@dataclass(frozen=True, slots=True)
class NameMention:
    """A named mention to resolve: its document, surface string and tagger label."""

    doc_id: str
    text: str
    label: str | None = None


def _titles() -> frozenset[str]:
    return name_titles()


@lru_cache(maxsize=1)
def _nicknamer() -> Any:
    from nicknames import NickNamer

    return NickNamer()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(slots=True)
class _Name:
    """A mention's normalised parts; the parts derived from its tokens are worked out
    once, here, since resolution compares each form with many others."""

    surface: str  # without "the", possessive and titles
    title: str  # the title words set aside ("Sheik"), or ""
    tokens: tuple[str, ...]  # folded, dot-free tokens; hyphens split
    acronym: bool  # written as an acronym ("SNC", "U.N.")
    label: str | None
    core_tokens: tuple[str, ...] = field(init=False)  # without Arabic articles
    surname: str = field(init=False)  # the last core token, or ""
    given: tuple[str, ...] = field(init=False)  # the core tokens before it
    #: The surname's spellings, with and without a glued article (``_surname_variants``).
    surnames: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.core_tokens = tuple(t for t in self.tokens if t not in _ARABIC_ARTICLES)
        self.surname = self.core_tokens[-1] if self.core_tokens else ""
        self.given = self.core_tokens[:-1]
        self.surnames = frozenset(_surname_variants(self.surname))

    @property
    def key(self) -> tuple[str, ...]:
        return self.tokens

    @property
    def single(self) -> bool:
        """A one-word name (an Arabic article does not count as a word)."""
        return len(self.core_tokens) == 1


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: A determiner the tagger may take into a name ("the Royal Air Force", "another
#: European Union member", "a Human Rights Watch research assistant"): not part of
#: the name.
_LEADING_THE = re.compile(r"^(?:the|The|THE|another|Another|an?|An?)\s+")


_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")


def _trimmed(text: str) -> str:
    """A name without a leading determiner, a possessive, or punctuation after it;
    the last full stop of an abbreviation stays ("U.N.", "D.C.")."""
    name = _POSSESSIVE.sub("", _LEADING_THE.sub("", text)).strip(" ,;:")
    if not _DOTTED.search(name.rsplit(" ", 1)[-1]):
        name = name.rstrip(".")
    return name


def _parse_name(text: str, label: str | None) -> _Name:
    surface = " ".join(text.split())
    surface = _trimmed(surface)
    if not surface:
        surface = " ".join(text.split())
    words = surface.split(" ")
    title_words: list[str] = []
    if label in (None, "PERSON"):
        titles = _titles()
        while len(words) > 1 and _fold(words[0]).strip(".") in titles:
            title_words.append(words.pop(0))
        surface = " ".join(words)
    acronym = bool(re.fullmatch(r"(?:[A-Z]\.?){2,6}", surface.replace(" ", "")))
    tokens = tuple(t for t in re.split(r"[\s\-‐–]+", _fold(surface).replace(".", "")) if t)
    if not acronym:
        tokens = tuple(t.strip("'’") for t in tokens if t.strip("'’"))
    return _Name(surface, " ".join(title_words), tokens, acronym, label)


def _surname_variants(surname: str) -> set[str]:
    variants = {surname}
    for article in _ARABIC_ARTICLES:
        if surname.startswith(article) and len(surname) - len(article) >= MIN_STEM_AFTER_ARTICLE:
            variants.add(surname[len(article) :])
    return variants


def _surnames_match(a: _Name, b: _Name, *, fuzzy: bool) -> bool:
    if not a.surname or not b.surname:
        return False
    va, vb = a.surnames, b.surnames
    if va & vb:
        return True
    if not fuzzy:
        return False
    from rapidfuzz import fuzz

    return any(
        min(len(x), len(y)) >= FUZZY_MIN_CHARS and fuzz.ratio(x, y) >= SURNAME_RATIO
        for x in va
        for y in vb
    )


def _givens_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names of two people with the same surname: the same person?"""
    if not a or not b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if all(t in longer for t in shorter):
        return True
    x, y = a[0], b[0]
    if x == y:
        # "Saif al-Islam" and "Saif al-Arab" Gadhafi are brothers: a second given
        # name both write, and write differently, tells two people apart.
        return all(_given_alike(p, q) for p, q in zip(a[1:], b[1:], strict=False))
    if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    namer = _nicknamer()
    if y in namer.nicknames_of(x) or x in namer.nicknames_of(y):
        return True
    # Transliterations of one name ("Muammar"/"Moammar", "Sergei"/"Sergey",
    # "Grigory"/"Gregory"): alike once spelling habits are folded.
    return _transliteration_alike(x, y)


def _given_alike(x: str, y: str) -> bool:
    """Two given names that may be one: equal, an initial of the other, or one
    name transliterated two ways."""
    return (
        x == y
        or (len(x.rstrip(".")) == 1 and y.startswith(x.rstrip(".")))
        or (len(y.rstrip(".")) == 1 and x.startswith(y.rstrip(".")))
        or _transliteration_alike(x, y)
    )


#: Spelling habits of romanised names (Russian, Arabic, Persian...) folded to one
#: form, longest first: "Sergey"/"Sergei", "Gadhafi"/"Gaddafi", "Mikhail"/"Mihail".
_TRANSLITERATIONS = (
    ("kh", "h"),
    ("dh", "d"),
    ("gh", "g"),
    ("ph", "f"),
    ("ou", "u"),
    ("oo", "u"),
    ("ey", "ei"),
    ("iy", "i"),
    ("yy", "i"),
    ("y", "i"),
    ("q", "k"),
    ("w", "v"),
    ("j", "i"),
)
#: Judgement call: folded spellings this alike (rapidfuzz ratio) are one name.
TRANSLITERATION_RATIO = 80.0


def _fold_spelling(name: str) -> str:
    folded = name
    for written, spoken in _TRANSLITERATIONS:
        folded = folded.replace(written, spoken)
    return re.sub(r"(.)\1", r"\1", folded)  # doubled letters


def _transliteration_alike(a: str, b: str) -> bool:
    """Two spellings of one romanised name: equal once folded, or nearly; never
    two names listed for different genders ("Mario"/"Maria", "Daniel"/"Danielle")."""
    if min(len(a), len(b)) < FUZZY_MIN_CHARS:
        return False
    genders = {given_names().get(a, ""), given_names().get(b, "")}
    if {"m", "f"} <= genders:
        return False
    x, y = _fold_spelling(a), _fold_spelling(b)
    if x == y:
        return True
    from rapidfuzz import fuzz

    return x[0] == y[0] and fuzz.ratio(x, y) >= TRANSLITERATION_RATIO


def _initials(name: _Name) -> str:
    """The letters an acronym of the name would have: each word's first, and every
    letter of a dotted abbreviation ("U.S. Navy": USN, not UN)."""
    out = []
    for word in re.split(r"[\s\-‐–]+", name.surface):
        if _DOTTED.fullmatch(word):
            out.append(_fold(word).replace(".", ""))
            continue
        token = _fold(word).replace(".", "").strip("'’")
        if token and token not in _ACRONYM_SKIP:
            out.append(token[0])
    return "".join(out)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _majority(labels: Iterable[str | None]) -> str | None:
    counts = Counter(label for label in labels if label)
    if not counts:
        return None
    return max(
        counts,
        key=lambda lb: (
            counts[lb],
            -_LABEL_ORDER.index(lb) if lb in _LABEL_ORDER else -99,
        ),
    )


#: Judgement call: the tagger's other label outweighs a given name once it
#: gives it to this many mentions of the same form ("Morgan Stanley" five times ORG).
TAGGER_OUTWEIGHS_GIVEN_NAME = 3


def _looks_like_person(name: _Name, common: frozenset[str], tagged: bool = False) -> bool:
    """A name of two or three words that opens with a given name, or follows a
    person's title ("Bishop Friedhelm Hofmann", since names.v4), and ends in no
    institution or place word ("Shane Bauer", not "Georgia Tech" or "Jackson
    Memorial Hospital"; a body word ends a person's name only where the tagger
    called it a person's somewhere, ``tagged``, or a title says so: "Gabrielle
    Union", not "the Ivy League"). A given name the documents also write as a common
    word ("north", "will") is no evidence ("North Terminal")."""
    core = name.core_tokens
    words = name.surface.split()
    # A title the tagger kept in a name it calls something else ("Bishop Friedhelm
    # Hofmann" tagged ORG): the name after it.
    if len(core) == 3 and core[0] in _titles() and not name.title:
        titled, core, words = True, core[1:], words[1:]
    else:
        titled = bool(name.title)
    return (
        not name.acronym
        and 2 <= len(core) <= 3
        and all(w[:1].isupper() for w in words)
        and (core[0] in given_names() or titled)
        and core[0] not in common
        and not any(
            institution_name(words[: i + 1], person_evidence=tagged or titled)
            for i in range(1, len(words))
        )
    )


def _looks_like_institution(name: _Name) -> bool:
    """A name of two words or more that opens with no given name and ends in an
    institution or place word ("White House", "Scotland Yard" does not: "yard" is no
    such word); "Jerry Hall" opens with a given name and stays a person, "US Senate"
    does not: a word in capitals is no given name."""
    core = name.core_tokens
    words = name.surface.split()
    return (
        not name.acronym
        and len(core) >= 2
        and (core[0] not in given_names() or words[0].isupper())
        and institution_name(words)
    )


def _form_label(
    name: _Name, labels: Iterable[str | None], common: frozenset[str] = frozenset()
) -> str | None:
    """The label of a name form: the tagger's majority over its mentions; a
    full name opening with a given name is a person's unless the tagger says
    otherwise often enough ("Valentina Fomina" tagged ORG once is a person)."""
    labels = list(labels)
    majority = _majority(labels)
    if majority == "PERSON" and _looks_like_institution(name):
        # "White House", "Chief White House" tagged a person: no given name, and it
        # ends in an institution or place word (#19).
        others = [label for label in labels if label not in (None, "PERSON")]
        return _majority(others) if others else "ORG"
    if majority in (None, "PERSON") or not _looks_like_person(
        name, common, tagged="PERSON" in labels
    ):
        return majority
    if Counter(labels)[majority] >= TAGGER_OUTWEIGHS_GIVEN_NAME:
        return majority
    return "PERSON"


def resolve_mentions(
    mentions: Sequence[NameMention],
    same_as: Iterable[tuple[int, int]] = (),
    common: frozenset[str] = frozenset(),
) -> list[int]:
    """Cluster named mentions into entities across all the documents given.

    Args:
        mentions: the mentions, in document order within each document.
        same_as: pairs of mention indexes known to name the same thing (e.g.
            a long name and the acronym the text defines for it).
        common: words the documents write in lower case (a given name among
            them is no evidence of a person: "will", "north").

    Returns:
        For each mention, the index of its entity (0, 1, ...; first-seen order).
    """
    names = [_parse_name(m.text, m.label) for m in mentions]
    # 1. Forms: equal normalised tokens.
    form_of_key: dict[tuple[str, ...], int] = {}
    form_of: list[int] = []
    members: list[list[int]] = []
    for i, name in enumerate(names):
        f = form_of_key.setdefault(name.key, len(form_of_key))
        if f == len(members):
            members.append([])
        members[f].append(i)
        form_of.append(f)
    form_names = [names[m[0]] for m in members]
    form_label = [_form_label(names[m[0]], (names[i].label for i in m), common) for m in members]
    uf = _UnionFind(len(members))
    for a, b in same_as:
        uf.union(form_of[a], form_of[b])

    # 2. Links between forms.
    acronyms: dict[str, list[int]] = defaultdict(list)
    by_surname: dict[str, list[int]] = defaultdict(list)
    long_forms: list[int] = []
    for f, name in enumerate(form_names):
        if name.acronym:
            acronyms[name.tokens[0]].append(f)
        person_like = form_label[f] in (None, "PERSON")
        if person_like and not name.single and name.surname:
            for variant in name.surnames:
                by_surname[variant].append(f)
        if len(name.tokens) >= 2:
            long_forms.append(f)
    for f in long_forms:
        if form_label[f] == "PERSON":
            continue  # "AP" is no acronym of Andrei Piontkovsky
        initials = _initials(form_names[f])
        for g in acronyms.get(initials, ()):
            # "UK" is no acronym of the ship "USS Kearsarge": the kinds must agree.
            if _kinds_agree(form_label[f], form_label[g]):
                uf.union(f, g)
    _link_full_person_names(form_names, form_label, by_surname, uf)
    _link_long_names(form_names, form_label, long_forms, uf)
    _link_short_names(form_names, form_label, uf)
    _link_organisation_spellings(form_names, form_label, uf)

    # 3. Surnames alone, mention by mention, in context.
    entity_of = [uf.find(form_of[i]) for i in range(len(mentions))]
    persons_in_doc: dict[str, set[int]] = defaultdict(set)
    forms_of: dict[int, set[int]] = defaultdict(set)
    for i, m in enumerate(mentions):
        f = form_of[i]
        if form_label[f] in (None, "PERSON") and not form_names[f].single:
            persons_in_doc[m.doc_id].add(uf.find(f))
            forms_of[uf.find(f)].add(f)
    # Each word alone is looked up once: the links are made, so its answer is fixed.
    with_surname: dict[str, set[int]] = {}
    with_given = _GivenNames(form_names, forms_of)
    # Words that open a name of several words ("Airbus A380", "Apple Inc."): no middle names.
    leading_words = {n.tokens[0] for n in form_names if len(n.tokens) >= 2}
    for i, m in enumerate(mentions):
        name = names[i]
        if not name.single or name.acronym:
            continue
        if name.surname not in with_surname:
            with_surname[name.surname] = _persons_with_surname(name.surname, by_surname, uf)
        candidates = with_surname[name.surname]
        if not candidates:
            # A given name alone ("his brother Samuel", "Sam"): the one person of
            # that given name (or a nickname of it) named in its own document,
            # else in the whole story.
            if name.label in (None, "PERSON"):
                for pool in (persons_in_doc[m.doc_id], set(forms_of)):
                    same_given = with_given.persons(name.surname) & pool
                    if same_given:
                        if len(same_given) == 1:
                            entity_of[i] = next(iter(same_given))
                        break
            if entity_of[i] == uf.find(form_of[i]) and name.label in (None, "PERSON", "ORG"):
                # A middle part of a name of three words or more ("Ameir" for "Ali
                # Ameir Mohamed"; Arabic and Swahili names are often cut so): the
                # one person of its document whose name holds it there.
                middle = {
                    e
                    for e in persons_in_doc[m.doc_id]
                    for f in forms_of[e]
                    if name.surname in form_names[f].core_tokens[1:-1]
                    and _plain_full_name(form_names[f])
                }
                if len(middle) == 1 and name.surname not in leading_words:
                    entity_of[i] = next(iter(middle))
            continue
        local = candidates & persons_in_doc[m.doc_id]
        if len(local) == 1:
            entity_of[i] = next(iter(local))
        elif not local and len(candidates) == 1 and name.label in (None, "PERSON", "ORG", "NORP"):
            entity_of[i] = next(iter(candidates))
    # Number entities in first-seen order.
    numbering: dict[int, int] = {}
    return [numbering.setdefault(e, len(numbering)) for e in entity_of]


#: Suffixes that end a person's name ("William Clay Ford Jr."): what comes before
#: them is the surname, not a middle name.
_NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
#: Judgement call: a name whose middle part may stand alone has at most this many words.
_MAX_MIDDLE_NAME_WORDS = 4


def _plain_full_name(name: _Name) -> bool:
    """A person's name of three or four words, letters only, no suffix."""
    core = name.core_tokens
    return (
        3 <= len(core) <= _MAX_MIDDLE_NAME_WORDS
        and all(t.isalpha() for t in core)
        and core[-1] not in _NAME_SUFFIXES
    )


def _persons_with_surname(
    surname: str, by_surname: dict[str, list[int]], uf: _UnionFind
) -> set[int]:
    found = {uf.find(f) for v in _surname_variants(surname) for f in by_surname.get(v, ())}
    if found or len(surname) < FUZZY_MIN_CHARS:
        return found
    from rapidfuzz import fuzz

    keys = [key for key in by_surname if len(key) >= FUZZY_MIN_CHARS]
    return {
        uf.find(f)
        for k in scoring_choices(surname, keys, SURNAME_ALONE_RATIO, fuzz.ratio)
        for f in by_surname[keys[k]]
    }


class _GivenNames:
    """Persons by the first of their given names, to find those a word alone may be.

    ``persons(word)`` is every entity with a form whose first given name ``g`` has
    ``_givens_compatible((word,), (g,))``; only the given names that can pass that
    test are tried: the word itself, its initial or the names it is the initial of,
    its nicknames and the names it is a nickname of, and (for a transliteration)
    the names of five letters or more whose folded spelling starts alike.
    """

    def __init__(self, form_names: Sequence[_Name], forms_of: dict[int, set[int]]) -> None:
        self.entities: dict[str, set[int]] = defaultdict(set)
        for entity, forms in forms_of.items():
            for f in forms:
                if form_names[f].given:
                    self.entities[form_names[f].given[0]].add(entity)
        namer = _nicknamer()
        self.by_initial: dict[str, set[str]] = defaultdict(set)
        self.nickname_of: dict[str, set[str]] = defaultdict(set)
        self.by_folded_initial: dict[str, set[str]] = defaultdict(set)
        for given in self.entities:
            self.by_initial[given[0]].add(given)
            for nickname in namer.nicknames_of(given):
                self.nickname_of[nickname].add(given)
            if len(given) >= FUZZY_MIN_CHARS:
                self.by_folded_initial[_fold_spelling(given)[:1]].add(given)
        self.found: dict[str, set[int]] = {}

    def _candidates(self, word: str) -> set[str]:
        found = {word, word[:1], *_nicknamer().nicknames_of(word), *self.nickname_of[word]}
        if len(word) == 1:
            found |= self.by_initial[word]
        if len(word) >= FUZZY_MIN_CHARS:
            found |= self.by_folded_initial[_fold_spelling(word)[:1]]
        return found

    def persons(self, word: str) -> set[int]:
        """The entities a given name alone may be (see the class docstring)."""
        if word not in self.found:
            self.found[word] = {
                entity
                for given in self._candidates(word)
                if given in self.entities and _givens_compatible((word,), (given,))
                for entity in self.entities[given]
            }
        return self.found[word]


def _link_full_person_names(
    form_names: Sequence[_Name],
    form_label: Sequence[str | None],
    by_surname: dict[str, list[int]],
    uf: _UnionFind,
) -> None:
    """Full names of persons whose surnames match and given names agree: one person.

    Only pairs of forms indexed under one surname spelling, or under two spellings
    that ``fuzz.ratio`` scores ``SURNAME_RATIO`` or more (``scoring_pairs``), can
    match, so only those are tried: the same pairs link as when every pair is.
    """
    from rapidfuzz import fuzz

    keys = list(by_surname)
    linked = [(key, key) for key in keys]
    fuzzy = [key for key in keys if len(key) >= FUZZY_MIN_CHARS]
    linked += [(fuzzy[x], fuzzy[y]) for x, y in scoring_pairs(fuzzy, SURNAME_RATIO, fuzz.ratio)]
    pairs = {
        (min(f, g), max(f, g))
        for x, y in linked
        for f in by_surname[x]
        for g in by_surname[y]
        if f != g
    }
    for f, g in sorted(pairs):
        a, b = form_names[f], form_names[g]
        exact = _surnames_match(a, b, fuzzy=False)
        if not exact and not _surnames_match(a, b, fuzzy=True):
            continue
        if exact and _givens_compatible(a.given, b.given):
            uf.union(f, g)
        elif not exact and a.given and b.given and _givens_compatible(a.given, b.given):
            uf.union(f, g)  # a misspelt surname: only with the given names agreeing


#: Labels that may name the same thing when the tagger hesitates between them.
_KINDS = ({"GPE", "LOC"}, {"ORG", "NORP"}, {"ORG", "FAC"}, {"ORG", "PRODUCT"})
#: Labels whose short forms drop words at the front ("the Security Council", "the Duma").
_SHORTENED = frozenset(("ORG", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"))


def _kinds_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or any({a, b} <= kinds for kinds in _KINDS)


#: Judgement call: the shortest one-word organisation name whose spellings are compared.
MIN_SPELLED_ORG_CHARS = 5


def _link_organisation_spellings(
    form_names: Sequence[_Name], form_label: Sequence[str | None], uf: _UnionFind
) -> None:
    """One organisation's name romanised two ways ("al Qaeda" / "al Qaida",
    "Hezbollah" / "Hizbollah", "Taliban" / "Taleban"): one-word names (past an
    Arabic article) tagged organisations, alike once spelling habits are folded
    (``_transliteration_alike``), opening with the same letter and differing in
    vowels only ("Nokia" is no "Nikon")."""
    words = [
        (f, name.core_tokens[0])
        for f, name in enumerate(form_names)
        if form_label[f] == "ORG"
        and len(name.core_tokens) == 1
        and not name.acronym
        and len(name.core_tokens[0]) >= MIN_SPELLED_ORG_CHARS
        and name.core_tokens[0].isalpha()
    ]
    for (f, a), (g, b) in itertools.combinations(words, 2):
        if (
            a != b
            and a[0] == b[0]
            and _consonants(a) == _consonants(b)
            and _transliteration_alike(a, b)
        ):
            uf.union(f, g)


def _consonants(word: str) -> str:
    """A name's folded spelling without its vowels: what romanisations of it share."""
    return re.sub(r"[aeiouy]", "", _fold_spelling(word))


def _link_short_names(
    form_names: Sequence[_Name], form_label: Sequence[str | None], uf: _UnionFind
) -> None:
    """Short forms of names of things, each linked only when one thing fits it.

    A body, building or ship named by the end of its name ("Security Council",
    "Duma", "Kearsarge") is the one such name in the story that ends so; a
    place written with or without an Arabic article ("al-Brega", "Brega") is one
    place; a people in the singular and the plural ("Libyan", "Libyans") is one.
    """
    by_core: dict[tuple[str, ...], set[int]] = defaultdict(set)
    by_stem: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for f, name in enumerate(form_names):
        label = form_label[f]
        if label in ("GPE", "LOC", "FAC") and name.core_tokens and not name.acronym:
            by_core[name.core_tokens].add(f)
        if label == "NORP" and name.tokens and not name.acronym:
            stem = name.tokens[-1].removesuffix("s")
            key = (*name.tokens[:-1], stem)
            by_stem[key].add(f)
    for group in (*by_core.values(), *by_stem.values()):
        first, *rest = sorted(group)
        for f in rest:
            uf.union(first, f)
    longer = [
        (f, name.tokens)
        for f, name in enumerate(form_names)
        if form_label[f] in _SHORTENED and not name.acronym and len(name.tokens) >= 2
    ]
    for f, name in enumerate(form_names):
        if form_label[f] not in _SHORTENED or name.acronym or not name.tokens:
            continue
        if any(t in _ACRONYM_SKIP for t in name.tokens):
            continue  # "Bank of Egypt" is a whole name, not "National Bank of Egypt" cut short
        size = len(name.tokens)
        ends = {
            uf.find(g)
            for g, tokens in longer
            if len(tokens) > size
            and tokens[-size:] == name.tokens
            and g != f
            # "Suez" is not short for "Gulf of Suez": the end of an "of" phrase
            # is what the name is of, not the name.
            and tokens[-size - 1] not in _ACRONYM_SKIP
        }
        if len(ends) == 1:
            uf.union(f, next(iter(ends)))
    # A company named by the first word of its name ("Goodyear" for "Goodyear Tire
    # and Rubber Co."), whatever the tagger calls the word, when one company fits.
    companies: dict[str, set[int]] = defaultdict(set)
    for f, name in enumerate(form_names):
        if len(name.tokens) >= 2 and name.tokens[-1] in _COMPANY_ENDS and not name.acronym:
            companies[name.tokens[0]].add(f)
    for f, name in enumerate(form_names):
        if len(name.tokens) == 1 and not name.acronym and form_label[f] not in _PLACES:
            found = {uf.find(g) for g in companies.get(name.tokens[0], ())}
            if len(found) == 1:
                uf.union(f, next(iter(found)))


#: The last word of a company's full name ("Co.", "Inc."), as names are normalised.
_COMPANY_ENDS = frozenset(("co", "inc", "corp", "company", "ltd", "plc", "llc", "corporation"))
_PLACES = frozenset(("GPE", "LOC", "NORP"))


def _link_long_names(
    form_names: Sequence[_Name],
    form_label: Sequence[str | None],
    long_forms: Sequence[int],
    uf: _UnionFind,
) -> None:
    from rapidfuzz import fuzz

    others = [f for f in long_forms if form_label[f] not in ("PERSON", None)]
    texts = {f: " ".join(form_names[f].tokens) for f in others}
    # Only the pairs that score are linked; scoring_pairs finds them without a Python
    # call per pair (issue #22).
    long_enough = [f for f in others if len(texts[f]) >= LONG_NAME_MIN_CHARS]
    scored = scoring_pairs([texts[f] for f in long_enough], LONG_NAME_RATIO, fuzz.token_sort_ratio)
    for x, y in scored:
        uf.union(long_enough[x], long_enough[y])


# ---------------------------------------------------------------------------
# The brief's entities section.


@dataclass(slots=True)
class _Entity:
    mentions: list[tuple[Mention, _Name]] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=Counter)
    #: The person's name as written with the title the tagger left out ("Col. Gadhafi").
    titled: set[str] = field(default_factory=set)


#: An acronym has two capitals or more ("(FBI)", "(UNHCR)", "(CoE)"); a word in
#: parentheses ("Tahrir (Liberation) Square") is a translation, not a definition.
#: "Syrian National Council (SNC)": not a dateline's agency ("New York (CNN) -- ") nor
#: a code glued to what follows ("Flight (NU)746").
_DEFINITION = re.compile(
    r"^\s*\(([A-Z][A-Za-z.&]{0,8}[A-Z][A-Za-z.&]{0,8})\)(?![\w(])(?!\s*(?:—|–|--|-|_)\s)"
)


def _dateline_span(doc: ParsedArticle) -> tuple[int, int] | None:
    evidence = doc.article.dateline.evidence if doc.article.dateline else None
    if evidence is None or evidence.location != "text" or evidence.start is None:
        return None
    return evidence.start, evidence.end if evidence.end is not None else evidence.start


def _within(span: tuple[int, int] | None, mention: Mention) -> bool:
    return span is not None and span[0] <= mention.span.start < span[1]


def _in_dateline(doc: ParsedArticle, mention: Mention) -> bool:
    """Whether a mention is in the dateline ("PARIS (AP) _"), where the tagger's spans
    run place and agency together ("PARIS (AP"): the dateline's own reading replaces them."""
    return _within(_dateline_span(doc), mention)


def _dateline_mentions(doc: ParsedArticle) -> list[Mention]:
    """The names a dateline states, as it states them: each part of the place (a city, its
    country) and the agency ("CANBERRA, Australia (AP) _": two places and an agency)."""
    span = _dateline_span(doc)
    if span is None:
        return []
    text = doc.article.text
    found = DATELINE.match(text[span[0] : span[1]] + " ")
    if found is None:
        return []
    sentence = doc.tree.sentence_at(span[0])
    index = -1 if sentence is None else sentence.index
    pieces: list[tuple[int, str, str]] = []
    offset = span[0] + found.start("place")
    for part in found.group("place").split(","):
        lead = len(part) - len(part.lstrip())
        pieces.append((offset + lead, part.strip(), "GPE"))
        offset += len(part) + 1
    if found.group("agency"):
        pieces.append((span[0] + found.start("agency"), found.group("agency"), "ORG"))
    return [
        Mention(Span(doc.id, start, start + len(name), name), label, index)
        for start, name, label in pieces
        if name and text[start : start + len(name)] == name
    ]


def resolve_entities(
    documents: Sequence[ParsedArticle],
) -> tuple[tuple[Entity, ...], tuple[ParsedArticle, ...]]:
    """The brief's entities, and the documents with each mention's ``entity_id`` set.

    Returns:
        The entities (most mentioned first; ids ``e1``, ``e2``, ...) and the
        documents, whose mentions now carry the id of their entity.
    """
    common = frozenset(t.text for d in documents for t in d.tokens if t.text.islower())
    documents = tuple(repaired_mentions(d, common) for d in documents)
    mentions = [
        m
        for d in documents
        for m in d.mentions
        if m.label in NAME_LABELS and not _in_dateline(d, m)
    ]
    mentions += [m for d in documents for m in _dateline_mentions(d)]
    mentions = _after_roles(documents, mentions)
    mentions += _parenthetical_acronyms(documents, mentions)
    inputs = [NameMention(m.span.doc_id, m.span.text, m.label) for m in mentions]
    same_as = _definitions(documents, mentions) + _handles(mentions)
    labels = resolve_mentions(inputs, same_as, common)
    names = [_parse_name(m.text, m.label) for m in inputs]
    groups: dict[int, _Entity] = defaultdict(_Entity)
    for mention, name, label in zip(mentions, names, labels, strict=True):
        groups[label].mentions.append((mention, name))
    _add_missed_mentions(documents, groups, common)
    trees = {d.id: d.tree for d in documents}
    texts = {d.id: d.article.text for d in documents}
    for group in groups.values():
        for mention, name in group.mentions:
            if name.title:
                group.roles[name.title] += 1
            doc_id = mention.span.doc_id
            role = _role_before(trees[doc_id], mention, texts[doc_id])
            if role:
                group.roles[role] += 1
            if mention.label == "PERSON" and (title := _title_before(texts[doc_id], mention)):
                group.titled.add(f"{title} {_alias(mention.span.text)}")

    built = _surnames_are_people([_entity_record(e, common, texts) for e in groups.values()])
    built.sort(key=lambda e: (-len(e.mentions), e.canonical))
    entities = [replace(e, id=f"e{n}") for n, e in enumerate(built, 1)]
    entity_at: dict[tuple[str, int, int], str] = {}
    people: set[tuple[str, int, int]] = set()
    for entity in entities:
        for m in entity.mentions:
            entity_at[(m.span.doc_id, m.span.start, m.span.end)] = entity.id
            if m.label == "PERSON":
                people.add((m.span.doc_id, m.span.start, m.span.end))
    linked = tuple(_with_entity_ids(d, entity_at, people) for d in documents)
    return tuple(entities), linked


def _with_entity_ids(
    doc: ParsedArticle,
    entity_at: dict[tuple[str, int, int], str],
    people: set[tuple[str, int, int]],
) -> ParsedArticle:
    """The document's mentions with their entity ids; a month the tagger took a
    person's name for ("Trump and May met") is relabelled the person's."""

    def linked(m: Mention) -> Mention:
        key = (m.span.doc_id, m.span.start, m.span.end)
        label = "PERSON" if m.label in TIME_LABELS and key in people else m.label
        return replace(m, entity_id=entity_at.get(key), label=label)

    return replace(doc, mentions=tuple(linked(m) for m in doc.mentions))


# An age in apposition ("Karin Dahl, 71,") or a person noun before a name in
# apposition ("an 84-year-old woman, Pilar Esteve") makes the name a person's.
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*[,.;)]")
_PERSON_BEFORE = re.compile(
    r"\b(?:woman|man|boy|girl|mother|father|son|daughter|wife|husband|brother|sister|"
    r"grandson|granddaughter|grandmother|grandfather|widow|founder|resident|teenager),\s*$",
    re.IGNORECASE,
)
#: A wire's contributor line: "(Reporting by Souhail Karam; Editing by ...)", "(Reporting
#: by Babington)"; a surname alone there is a person's too.
_CONTRIBUTOR = re.compile(
    r"\b(?:reporting|writing|editing|compiled|photos?|video)\s+by\s*$"
    r"|\b(?:reporting|writing|editing)\s+by\s+[^;()\n]*?(?:,|\band)\s*$",
    re.IGNORECASE,
)
#: A role in apposition after a name: "Anatoly Sobchak, that city's mayor",
#: "Ana Ruiz, the port's chief executive".
_ROLE_AFTER = re.compile(
    r"^\s*,\s+(?:the|a|an|that|this|its|his|her|their|[\w.-]+\s?'s|[\w.-]+\s?’s)\s+"
    r"(?P<words>[\w.'’-]+(?:\s+[\w.'’-]+){0,3})"
)


_PARTICLES = NAME_PARTICLES


def _role_phrase_before(tokens: Sequence[Token], k: int) -> bool:
    """Whether a role phrase ends right before token ``k``: a role word, then at most
    a few lower-case words and "of" ("director of criminal investigation Rajabi Adadi")."""
    j = k - 1
    if j < 0 or tokens[j].pos in ("DET", "ADP") or tokens[j].text.lower() in _ACRONYM_SKIP:
        return False  # "the governor of the Bank of Egypt": the name is what "of" governs
    for _ in range(MAX_ROLE_WORDS):
        if j < 0 or tokens[j].sentence != tokens[k].sentence:
            return False
        word = tokens[j].text
        if _fold(word) in _ROLE_WORDS:
            return True
        if not (word.islower() and word.isalpha()):
            return False
        j -= 1
    return False


def _role_after(following: str) -> bool:
    """Whether a role follows in apposition: ", that city's mayor", ", the chief"."""
    match = _ROLE_AFTER.match(following)
    if match is None:
        return False
    return any(_fold(w) in _ROLE_WORDS for w in re.findall(r"[\w-]+", match.group("words")))


def _after_roles(documents: Sequence[ParsedArticle], mentions: list[Mention]) -> list[Mention]:
    """Names right after a role word ("envoy", "minister") are persons.

    A mention the tagger labelled otherwise is relabelled PERSON when a role
    phrase directly precedes it ("Mayor", "director of criminal investigation"),
    an age follows it in apposition ("Karin Dahl, 71,"), a role does ("Anatoly
    Sobchak, that city's mayor"), a person noun precedes it in apposition ("a
    woman, Pilar Esteve") or a wire's contributor line names it ("Reporting by
    Souhail Karam"); a run of two or more capitalised proper nouns
    the tagger missed is added as a PERSON when a role word comes shortly
    before it in the sentence ("UN special envoy for Syria Lakhdar Brahimi").
    """
    from dataclasses import replace

    out: list[Mention] = []
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.span.doc_id].append(m)
    for doc in documents:
        tokens = doc.tokens
        start_at = {t.start: k for k, t in enumerate(tokens)}
        covered: set[int] = set()
        for m in by_doc.get(doc.id, ()):
            k = start_at.get(m.span.start)
            if k is not None:
                end = k
                while end < len(tokens) and tokens[end].start < m.span.end:
                    covered.add(end)
                    end += 1
            text = doc.article.text
            preceding = text[max(0, m.span.start - 60) : m.span.start]
            if (
                m.label != "PERSON"
                and (
                    _CONTRIBUTOR.search(preceding)
                    or (
                        k
                        and len(m.span.text.split()) >= FULL_NAME_WORDS
                        and (
                            _role_phrase_before(tokens, k)
                            # "a woman, Pilar Esteve,", "founder, Karin Dahl, 71,"
                            or _AGE_AFTER.match(text[m.span.end : m.span.end + 8])
                            or _PERSON_BEFORE.search(text[max(0, m.span.start - 24) : m.span.start])
                            or _role_after(text[m.span.end : m.span.end + 60])
                        )
                    )
                )
            ):
                m = replace(m, label="PERSON")
            out.append(m)
        k = 0
        while k < len(tokens):
            if _fold(tokens[k].text) in _ROLE_WORDS:
                k += 1  # "Mayor Ana Ruiz": the title is tagged PROPN; the name follows it
                continue
            run = k
            while (
                run < len(tokens)
                and run not in covered
                and (
                    (tokens[run].pos == "PROPN" and tokens[run].text.istitle())
                    or (run > k and tokens[run].text in _PARTICLES)
                )
            ):
                run += 1
            if run - k >= FULL_NAME_WORDS and tokens[run - 1].text.istitle():
                before = tokens[max(0, k - ROLE_WINDOW_TOKENS) : k]
                window = [t for t in before if t.sentence == tokens[k].sentence]
                if any(_fold(t.text) in _ROLE_WORDS for t in window) and not any(
                    t.pos in ("VERB", "AUX") for t in window
                ):
                    first, last = tokens[k], tokens[run - 1]
                    span = Span(
                        doc.id, first.start, last.end, doc.article.text[first.start : last.end]
                    )
                    out.append(Mention(span, "PERSON", first.sentence))
            k = max(run, k + 1)
    return out


def _parenthetical_acronyms(
    documents: Sequence[ParsedArticle], mentions: Sequence[Mention]
) -> list[Mention]:
    """Acronyms defined in parentheses right after a name that the tagger did not tag."""

    tagged = {(m.span.doc_id, m.span.start) for m in mentions}
    added: list[Mention] = []
    texts = {d.id: d.article.text for d in documents}
    datelines = {d.id: _dateline_span(d) for d in documents}
    for m in mentions:
        if _within(datelines[m.span.doc_id], m):  # "PARIS (AP)": an agency, not an acronym
            continue
        text = texts[m.span.doc_id]
        match = _DEFINITION.match(text[m.span.end : m.span.end + _DEFINITION_CHARS])
        if not match:
            continue
        start = m.span.end + match.start(1)
        if (m.span.doc_id, start) in tagged:
            continue
        end = m.span.end + match.end(1)
        added.append(Mention(Span(m.span.doc_id, start, end, text[start:end]), m.label, m.sentence))
        tagged.add((m.span.doc_id, start))
    return added


def _handles(mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs (handle, full name) where a person's handle spells the name of one
    person named in its document ("jessicayellin", Jessica Yellin)."""
    by_doc: dict[str, dict[str, int]] = defaultdict(dict)
    for i, m in enumerate(mentions):
        if m.label == "PERSON" and len(m.span.text.split()) >= 2:
            by_doc[m.span.doc_id].setdefault(m.span.text, i)
    pairs = []
    for i, m in enumerate(mentions):
        if m.label != "PERSON" or " " in m.span.text:
            continue
        full = handle_of(m.span.text, list(by_doc[m.span.doc_id]))
        if full is not None:
            pairs.append((i, by_doc[m.span.doc_id][full]))
    return pairs


def _definitions(
    documents: Sequence[ParsedArticle], mentions: Sequence[Mention]
) -> list[tuple[int, int]]:
    """Pairs (long name, acronym) where the text writes "Long Name (ACR)"."""
    texts = {d.id: d.article.text for d in documents}
    datelines = {d.id: _dateline_span(d) for d in documents}
    index_at = {(m.span.doc_id, m.span.start): i for i, m in enumerate(mentions)}
    pairs = []
    for i, m in enumerate(mentions):
        if _within(datelines[m.span.doc_id], m):  # "PARIS (AP)": an agency, not an acronym
            continue
        text = texts[m.span.doc_id]
        match = _DEFINITION.match(text[m.span.end : m.span.end + _DEFINITION_CHARS])
        if match:
            j = index_at.get((m.span.doc_id, m.span.end + match.start(1)))
            if j is not None and j != i:
                pairs.append((i, j))
    return pairs


#: A name's leading word, and the words of a text where a name may start.
_LEAD_WORD = re.compile(r"\w*")
_WORD_START = re.compile(r"(?<![\w-])\w+")


def _add_missed_mentions(
    documents: Sequence[ParsedArticle],
    groups: dict[int, _Entity],
    common: frozenset[str] = frozenset(),
) -> None:
    """Look up persons' names again where the tagger missed them ("Khatib" untagged)."""

    surface_owner: dict[str, set[int]] = defaultdict(set)
    for key, entity in groups.items():
        if _entity_type(entity, common) != "PERSON":
            continue
        for _mention, name in entity.mentions:
            if not name.single:
                surface_owner[name.surface].add(key)
                words = name.surface.split(" ")
                surface_owner[words[-1]].add(key)
    unique = {
        s: next(iter(k))
        for s, k in surface_owner.items()
        if len(k) == 1 and len(s) >= MIN_LOOKUP_CHARS
    }
    if not unique:
        return
    # Longest first: where two names start, the longer one is the mention. A name is
    # found where a word starts and that word is the name's own leading word (the run of
    # word characters it opens with; "" if none), so each document's pattern holds only
    # the names whose leading word it has, in the same order: the same matches as one
    # pattern of all the names, at a fraction of the cost.
    ordered = sorted(unique, key=len, reverse=True)
    by_lead: dict[str, list[int]] = defaultdict(list)
    for rank, surface in enumerate(ordered):
        lead = _LEAD_WORD.match(surface)
        by_lead[lead.group() if lead else ""].append(rank)
    resolved: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in groups.values():
        for m, _ in entity.mentions:
            resolved[m.span.doc_id].append((m.span.start, m.span.end))
    for doc in documents:
        text = doc.article.text
        # A month the tagger took a surname for ("Trump and May met"): the
        # person's, unless a day or a year follows it ("May 5", "May 2018").
        covered = [
            (m.span.start, m.span.end)
            for m in doc.mentions
            if not (
                m.label in TIME_LABELS
                and m.span.text in unique
                and not re.match(r"\s*\d", text[m.span.end : m.span.end + 3])
            )
        ] + resolved[doc.id]
        leads = {"", *_WORD_START.findall(text)}
        ranks = sorted(rank for lead in leads for rank in by_lead.get(lead, ()))
        if not ranks:
            continue
        pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(ordered[r]) for r in ranks) + r")(?![\w-])"
        )
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if any(s < end and start < e for s, e in covered):
                continue
            key = unique[match.group(1)]
            at = doc.tree.sentence_at(start)
            sentence = -1 if at is None else at.index
            mention = Mention(Span(doc.id, start, end, text[start:end]), "PERSON", sentence)
            groups[key].mentions.append((mention, _parse_name(mention.span.text, "PERSON")))
            covered.append((start, end))


def _entity_type(entity: _Entity, common: frozenset[str] = frozenset()) -> str | None:
    per_form: dict[tuple[str, ...], list[str | None]] = defaultdict(list)
    form_name: dict[tuple[str, ...], _Name] = {}
    for mention, name in entity.mentions:
        per_form[name.key].append(mention.label)
        form_name.setdefault(name.key, name)
    labels = {key: _form_label(form_name[key], found, common) for key, found in per_form.items()}
    # A person's full name and parts of it ("Alberto Espina", "Espina" that the
    # tagger calls a place) are that person.
    full = [
        set(form_name[key].core_tokens)
        for key, label in labels.items()
        if label == "PERSON" and len(form_name[key].core_tokens) >= FULL_NAME_WORDS
    ]
    if full and all(
        any(set(form_name[key].core_tokens) <= tokens for tokens in full) for key in per_form
    ):
        return "PERSON"
    # A company's full name ("Goodyear Tire and Rubber Co.") types its short forms.
    if not full and any(
        len(n.core_tokens) >= 2 and n.core_tokens[-1] in _COMPANY_ENDS for n in form_name.values()
    ):
        return "ORG"
    votes = Counter(labels.values())
    votes.pop(None, None)
    if not votes:
        return None
    counts = Counter(m.label for m, _ in entity.mentions)
    return max(votes, key=lambda lb: (votes[lb], counts[lb or ""], lb == "PERSON"))


def _canonical(entity: _Entity) -> str:
    """The fullest common form: the most used multi-word name, spellings pooled.

    Spellings that differ only in an Arabic article ("Alkhatib", "al-Khatib",
    "Assad", "al-Assad") count together; the one written with the article
    apart, then the most frequent, is shown.
    """
    counts: Counter[str] = Counter()
    parts: dict[str, _Name] = {}
    for _mention, name in entity.mentions:
        counts[name.surface] += 1
        parts.setdefault(name.surface, name)

    def core(surface: str) -> tuple[str, ...]:
        tokens = parts[surface].core_tokens
        last = min(_surname_variants(tokens[-1]), key=len) if tokens else ""
        return (*tokens[:-1], last)

    full = [s for s in counts if not parts[s].acronym and len(parts[s].core_tokens) >= 2]
    if not full:
        return max(counts, key=lambda s: (counts[s], len(s), s))
    pooled: Counter[tuple[str, ...]] = Counter()
    for surface in full:
        pooled[core(surface)] += counts[surface]
    best = max(pooled, key=lambda k: (pooled[k], len(k), k))
    spellings = [s for s in full if core(s) == best]
    return max(spellings, key=lambda s: (len(parts[s].tokens), counts[s], s))


#: Prepositions after which a name is where something is or goes ("fighting in
#: Misrata", "advanced toward Ras Lanuf"), not someone.
_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|inside|toward|towards|around|into|across|beyond|through)\s+$",
    re.IGNORECASE,
)
_PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Judgement call: the share of an entity's mentions written after such a
#: preposition from which the tagger's place label wins a tie with a person.
PLACE_USE_SHARE = 0.25


def _place_by_use(entity: _Entity, texts: Mapping[str, str]) -> str | None:
    """The place label of a name the tagger calls a person and a place about as
    often, when it is used as a place: a quarter of its mentions or more after
    "in", "near", "toward"... ("Misrata": 15 GPE, 15 PERSON, 15 times "in
    Misrata"). A name the tagger calls a place nowhere keeps its type: people
    are seldom written after these words ("confidence in Gadhafi") a quarter of
    the time."""
    labels = Counter(m.label for m, _ in entity.mentions)
    places = Counter({lb: labels[lb] for lb in _PLACE_LABELS if labels[lb]})
    if not places:
        return None
    used = sum(
        1
        for m, _ in entity.mentions
        if _LOCATIVE.search(texts.get(m.span.doc_id, ""), max(0, m.span.start - 12), m.span.start)
    )
    if used < PLACE_USE_SHARE * len(entity.mentions):
        return None
    return places.most_common(1)[0][0]


def _alias(text: str) -> str:
    """A mention as the entity's aliases list it: its words, without a leading
    "the" or a possessive ("the Royal Air Force's": "Royal Air Force"); titles stay."""
    text = " ".join(text.split())
    return _trimmed(text) or text


def _surnames_are_people(entities: list[Entity]) -> list[Entity]:
    """A bare surname kept apart from its namesakes (two of that name in reach)
    is still a person: "Gadhafi", tagged an organisation in "Gadhafi forces", when
    Moammar and Saif Gadhafi are both named. Only a name the tagger also calls a
    person somewhere, and no organisation's full name ("Ford Motor Co.")."""
    surnames = {
        e.canonical.split()[-1].lower()
        for e in entities
        if e.type == "PERSON" and len(e.canonical.split()) >= FULL_NAME_WORDS
    }
    out = []
    for e in entities:
        if (
            e.type in ("ORG", "NORP")
            and " " not in e.canonical
            and e.canonical.lower() in surnames
            and all(" " not in alias for alias in e.aliases)
            and any(m.label == "PERSON" for m in e.mentions)
        ):
            e = replace(e, type="PERSON")
        out.append(e)
    return out


def _entity_record(
    entity: _Entity, common: frozenset[str] = frozenset(), texts: Mapping[str, str] | None = None
) -> Entity:
    """The entity without its id (given once all are sorted)."""
    entity.mentions.sort(key=lambda mn: (mn[0].span.doc_id, mn[0].span.start))
    kind = _entity_type(entity, common)
    if kind == "PERSON" and texts is not None:
        kind = _place_by_use(entity, texts) or kind
    return Entity(
        id="",
        canonical=_canonical(entity),
        type=kind,
        aliases=tuple(
            sorted(({_alias(m.span.text) for m, _ in entity.mentions} | entity.titled) - {""})
        ),
        roles=tuple(role for role, _ in entity.roles.most_common()),
        documents=tuple(sorted({m.span.doc_id for m, _ in entity.mentions})),
        mentions=tuple(EntityMention(m.span, m.label) for m, _ in entity.mentions),
    )


_TITLE_BEFORE = re.compile(r"(?:^|[\s(\"“])([A-Z][a-z]{0,9}\.?)[ \t]+$")


def _title_before(text: str, mention: Mention) -> str | None:
    """A capitalised title written right before a person's name and left out of its
    mention ("Col." of "Col. Gadhafi", "Sir", "Queen", "Judge")."""
    match = _TITLE_BEFORE.search(text, max(0, mention.span.start - 12), mention.span.start)
    if match is None or _fold(match.group(1)).rstrip(".") not in _titles():
        return None
    return match.group(1)


def _role_before(tree: TokenTree, mention: Mention, text: str) -> str | None:
    """A title phrase written right before the name ("Russian Foreign Minister")."""
    # The mention's own sentence only: the cost grows with the sentence, not the document.
    before = [t for t in tree.in_sentence(mention.sentence) if t.end <= mention.span.start]
    phrase: list[Token] = []
    for token in reversed(before):
        if token.pos not in ("PROPN", "NOUN", "ADJ") or token.dep in ("appos", "nsubj"):
            break
        if token.start + len(token.text) + 2 < (phrase[0].start if phrase else mention.span.start):
            break  # not adjacent
        phrase.insert(0, token)
        if len(phrase) >= MAX_ROLE_WORDS:
            break
    while phrase and _fold(phrase[-1].text) not in _ROLE_WORDS and phrase[-1].pos != "NOUN":
        phrase.pop()
    # Descriptions before the title ("regional ally President") are not part of it.
    while phrase and phrase[0].text.islower() and _fold(phrase[0].text) not in _ROLE_WORDS:
        phrase.pop(0)
    if not phrase or not any(_fold(t.text) in _ROLE_WORDS for t in phrase):
        return None
    role = " ".join(text[phrase[0].start : phrase[-1].end].split()).lstrip("-‐–—'’ ")
    return role or None
