"""The word lists the analysis reads text with: one copy of each.

Speech verbs and nouns, toll words, the tagger's labels that name things, and
calendar words. Lists are lower-case lemmas unless said otherwise. This module
sits at the bottom floor (it imports nothing of storybrief) so that ingestion
and analysis read with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# --- Speech ---------------------------------------------------------------------------------

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
    )
)
#: Nouns that carry speech ("a comment by X", "in a statement, X ...").
SPEECH_NOUNS = frozenset(("comment", "statement", "remark", "remarks", "interview", "speech"))
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
                     "toll", "fatality", "fatalities", "life", "lives", "body", "bodies"),
                    "deaths"),
    **dict.fromkeys(("injure", "injured", "wound", "wounded", "hurt", "injury",
                     "injuries"), "injured"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("displace", "displaced", "flee", "fled", "refugee", "refugees",
                     "evacuate", "evacuated", "homeless"), "displaced"),
    **dict.fromkeys(("arrest", "arrested", "detain", "detained"), "arrested"),
}  # fmt: skip
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
