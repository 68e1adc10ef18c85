"""The word lists the analysis reads text with: one copy of each.

Speech verbs and nouns, toll words, the tagger's labels that name things, the
head nouns of institutions and places, given names (from a data package), and
calendar words. Lists are lower-case lemmas unless said otherwise. This module
sits at the bottom floor (it imports nothing of storybrief) so that ingestion
and analysis read with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

# --- Speech ---------------------------------------------------------------------------------

#: Nouns of documents that may be quoted ("the report said", "a statement read"):
#: the words of a text, not of someone the text leaves unnamed.
DOCUMENT_NOUNS = frozenset(
    (
        *("statement", "report", "letter", "communique", "communiqué", "note", "tweet"),
        *("post", "resolution", "document", "study", "survey", "poll", "text", "memo"),
        *("release", "complaint", "filing", "article", "editorial", "book", "video"),
        *("message", "email", "notice", "order", "decree", "ruling", "verdict", "judgment"),
        *("transcript", "indictment", "affidavit", "draft", "declaration", "announcement"),
    )
)
#: Verbs that report speech ("X said", "she warned that ..."), as lemmas.
SPEECH_VERBS = frozenset(
    (
        *("say", "tell", "add", "warn", "insist", "state", "announce", "claim", "declare"),
        *("quote", "call", "describe", "urge", "ask", "reply", "note", "explain", "write"),
        *("comment", "deny", "argue", "acknowledge", "stress", "admit", "suggest", "vow"),
        *("predict", "caution", "complain", "remark", "report", "praise", "concede", "recall"),
        *("promise", "pledge", "threaten", "respond", "answer", "confirm", "cite"),
        *("implore", "exclaim", "conclude", "tweet", "post", "joke", "quip", "shout"),
        *("recount", "observe", "continue", "proclaim", "assert", "contend", "counter"),
        *("boast", "lament", "retort", "muse", "plead", "demand", "emphasize", "emphasise"),
        *("charge", "allege", "speculate", "remind", "mention", "recommend", "testify"),
        "repeat",
    )
)
#: Nouns that carry speech ("a comment by X", "in a statement, X ...").
SPEECH_NOUNS = frozenset(
    ("comment", "statement", "remark", "remarks", "interview", "speech", "message", "appeal")
)
#: The speech verbs whose clause complement is reported speech ("she said that ...").
INDIRECT_SPEECH_VERBS = frozenset(
    ("say", "tell", "add", "warn", "insist", "claim", "announce", "deny", "argue", "state")
)
#: The plainest attribution verbs, and their written forms: words that say who
#: said a thing, not what happened ("said", "told", "according to").
ATTRIBUTION_FORMS: Mapping[str, tuple[str, ...]] = {
    "say": ("said", "says"),
    "tell": ("told",),
    "add": ("added",),
    "state": ("stated",),
    "report": ("reported",),
    "announce": ("announced",),
    "warn": ("warned",),
    "according": ("according",),
}
#: A written attribution ("said", "according"), whatever its case.
ATTRIBUTION = re.compile(
    r"\b(?:" + "|".join(f for forms in ATTRIBUTION_FORMS.values() for f in forms) + r")\b",
    re.IGNORECASE,
)

assert INDIRECT_SPEECH_VERBS <= SPEECH_VERBS
assert set(ATTRIBUTION_FORMS) - {"according"} <= SPEECH_VERBS

#: Words English title case leaves in lower case ("None of the Above", "Ahmed the
#: German"), and the particles of names ("Charles de Gaulle").
TITLE_SMALL_WORDS = frozenset(
    (
        *("a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "by"),
        *("for", "from", "with", "as", "de", "du", "la", "le", "von", "van", "al", "el", "bin"),
    )
)

# --- Tolls ----------------------------------------------------------------------------------

#: Words that make a count a toll of people harmed, and which toll.
TOLL_WORDS: Mapping[str, str] = {
    **dict.fromkeys(("kill", "killed", "killing", "die", "died", "dead", "death", "deaths",
                     "toll", "fatality", "fatalities", "life", "lives", "body", "bodies",
                     "murdered", "slain"),
                    "deaths"),
    **dict.fromkeys(("injure", "injured", "wound", "wounded", "hurt", "injury",
                     "injuries"), "injured"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("displace", "displaced", "flee", "fled", "refugee", "refugees",
                     "evacuate", "evacuated", "homeless"), "displaced"),
    **dict.fromkeys(("arrest", "arrested", "detain", "detained"), "arrested"),
}  # fmt: skip
#: Nouns of an act that kill the people their "of" phrase counts ("the murders of 10
#: Americans"), while a count of the act itself is of charges or cases ("convicted of
#: three murders").
KILLINGS_OF: Mapping[str, str] = dict.fromkeys(("murder", "slaying", "massacre"), "deaths")
#: The tolls that only grow while a story goes on: the dead, the missing, the displaced.
GROWING_TOLLS = frozenset(("deaths", "missing", "displaced"))
#: A word of a growing toll, in running text.
GROWING_TOLL = re.compile(
    r"\b(?:" + "|".join(w for w, toll in TOLL_WORDS.items() if toll in GROWING_TOLLS) + r")\b",
    re.IGNORECASE,
)

# --- Named-entity labels (spaCy's OntoNotes scheme) -----------------------------------------

#: Labels of names: what entities are made of. Dates, times, money and counts
#: (DATE, TIME, MONEY, CARDINAL, QUANTITY, PERCENT, ORDINAL) are claims and timeline.
NAME_LABELS_IN_ORDER = (
    *("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"),
)
NAME_LABELS = frozenset(NAME_LABELS_IN_ORDER)
#: Names of who and where (people, bodies, places, groups, buildings): the
#: names that must agree for two sentences to say the same thing.
ACTOR_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))
#: Labels of numbers the claims read.
FIGURE_LABELS = frozenset(("CARDINAL", "QUANTITY", "MONEY", "PERCENT"))
#: Labels of times.
TIME_LABELS = frozenset(("DATE", "TIME"))

#: Head nouns that end the names of institutions, works and places, not of people
#: ("Jackson Memorial Hospital", "Georgia Tech", "Victoria Station", "Jordan Times"):
#: a name ending in one is no person's, whatever given name opens it.
NAME_HEAD_NOUNS = frozenset(
    (
        *("hospital", "memorial", "center", "centre", "institute", "university", "college"),
        *("school", "academy", "foundation", "fund", "trust", "society", "association"),
        *("council", "committee", "commission", "party", "ministry", "department", "agency"),
        *("bank", "group", "company", "co", "corp", "corporation", "inc", "ltd", "llc", "plc"),
        *("holdings", "partners", "airways", "airlines", "air", "motors", "motor", "tech"),
        *("times", "post", "news", "herald", "journal", "tribune", "gazette", "telegraph"),
        *("mail", "express", "magazine", "radio", "tv", "television", "network", "press"),
        *("church", "cathedral", "mosque", "temple", "stadium", "arena", "hall", "house"),
        *("station", "airport", "port", "bridge", "street", "avenue", "road", "square"),
        *("terminal", "quay", "wharf", "pier", "dock", "tower", "building", "plaza", "gate"),
        *("park", "river", "lake", "bay", "harbor", "harbour", "island", "islands", "beach"),
        *("valley", "mountain", "mountains", "hill", "hills", "heights", "springs", "falls"),
        *("county", "city", "district", "province", "state", "parish", "township", "village"),
        *("prize", "award", "cup", "festival", "act", "law", "treaty", "plan", "show"),
        *("project", "program", "programme", "index", "line", "team", "club", "fc", "united"),
    )
)
#: Head nouns of bodies: legislatures, governments, forces and movements ("General
#: Assembly", "General People's Congress", "Christian Democratic Union", "Victoria
#: Police"). Some are also people's surnames ("Gabrielle Union", "Robert Service",
#: "Michael League"), so they end an institution's name only as ``institution_name``
#: says.
BODY_HEAD_NOUNS = frozenset(
    (
        *("congress", "parliament", "assembly", "senate", "tribunal", "government"),
        *("cabinet", "authority", "board", "office", "service", "embassy", "consulate"),
        *("army", "navy", "forces", "police", "brigade", "brigades", "movement", "union"),
        *("league", "alliance", "coalition", "organization", "organisation", "museum"),
        *("prison",),
    )
)


def institution_name(words: Sequence[str], *, person_evidence: bool = True) -> bool:
    """Whether a capitalised name of these words (as written) is an institution's, a work's or a
    place's by its last word: one of ``NAME_HEAD_NOUNS`` always ("Jackson Memorial
    Hospital"); one of ``BODY_HEAD_NOUNS`` unless the name is two words opening with
    a given name (not in capitals: "US Senate") that names no place ("Gabrielle Union"
    and "Robert Service" are people; "Victoria Police", "Christian Democratic Union"
    are not), and then only with ``person_evidence``: the tagger, a title or a list of
    people says the name is a person's ("the Ivy League", "the Mahdi Army" are
    institutions when nothing says so)."""
    if not words:
        return False
    last = words[-1].lower().removesuffix("'s").removesuffix("’s")
    if last in NAME_HEAD_NOUNS:
        return True
    if last not in BODY_HEAD_NOUNS:
        return False
    if (
        not person_evidence
        or len(words) != 2
        or not words[0].isalpha()
        or words[0].isupper()
        or words[0].lower() not in given_names()
    ):
        return True
    from storybrief.gazetteer import is_place

    return is_place(words[0])


# --- Given names -----------------------------------------------------------------------------


#: Lower-case particles inside names ("Charles de Gaulle", "Osama bin Laden").
NAME_PARTICLES = frozenset(("de", "al", "el", "van", "von", "bin", "da", "di", "du", "la", "le"))


@lru_cache(maxsize=1)
def name_titles() -> frozenset[str]:
    """Titles and honorifics a name may carry, lower-case (nameparser's list, MIT)."""
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.titles)


#: Honorifics and titles written directly before a person's name, and only before
#: one ("Prince Philip", "Lord Bingham", "Sen. Ruiz"): nameparser's list holds
#: words that also head other names ("State", "General", "First", "Staff").
HONORIFICS = frozenset(
    (
        *("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prince"),
        *("princess", "king", "queen", "duke", "duchess", "pope", "sheikh", "sheik"),
        *("emir", "sultan", "rev", "reverend", "bishop", "archbishop", "rabbi", "imam"),
        *("ayatollah", "sen", "senator", "rep", "gov", "gen", "col", "capt", "lt"),
        *("sgt", "maj", "adm", "cmdr", "prof", "professor", "mayor", "ambassador", "judge"),
        # Ranks as wire copy and police reports abbreviate them ("Cmndr. Zejnil Delalic").
        *("cmndr", "cdr", "cmdt", "brig", "cpl", "pvt", "spc", "det", "insp", "supt", "msgr"),
    )
)


@lru_cache(maxsize=1)
def given_names() -> Mapping[str, str]:
    """Given names (lower-case, ASCII spellings) and the gender they are listed under.

    From Faker's person providers (MIT): the national first-name lists of its
    80-odd locales (census lists for the US, registers elsewhere), male and
    female apart. A name listed under both is ``"mf"``; ``"m"`` or ``"f"`` otherwise.
    Names in other scripts are left out: the copy we read spells names in Latin
    letters.
    """
    import importlib
    import pkgutil

    import faker.providers.person as people

    found: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(
            importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None
        )
        for attribute, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            listed = vars(provider).get(attribute) if provider is not None else None
            if listed is None or isinstance(listed, property):
                continue
            for name in listed:
                if isinstance(name, str) and name.isascii() and name.isalpha():
                    found.setdefault(name.lower(), set()).add(gender)
    return {name: "".join(sorted(genders, reverse=True)) for name, genders in found.items()}


# --- News agencies -----------------------------------------------------------------------

#: The agencies a wire dateline names, "(AP)", "(Reuters)", and the outlet each is.
AGENCIES: Mapping[str, str] = {
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "Xinhua": "Xinhua News Agency",
    "UPI": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
    "DPA": "Deutsche Presse-Agentur",
    "CNN": "CNN",
    "Bloomberg": "Bloomberg",
    "CP": "The Canadian Press",
    "PA": "PA Media",
    "AAP": "Australian Associated Press",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "Kyodo": "Kyodo News",
    "Yonhap": "Yonhap",
    "IANS": "IANS",
    "PTI": "Press Trust of India",
    "TASS": "TASS",
    "Interfax": "Interfax",
}

# --- Calendar -------------------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    *("january", "february", "march", "april", "may", "june", "july"),
    *("august", "september", "october", "november", "december"),
)
#: Three-letter month abbreviations ("jan", "sep") and "sept", to the month's number.
MONTH_ABBREVIATIONS: Mapping[str, int] = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
