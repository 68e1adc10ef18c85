"""Numbers the sources state, grouped by what they count, with how the sources relate.

Method (``claims.v20``):

- Since claims.v6, dates: a day or a month something happened on, as two or
  more sources state it ("arrested in London on Oct. 16", "the surgery on Oct.
  9", "sank on Sunday", resolved against the publication day; a month and day in
  an undated document is TIMEX3's "XXXX-10-16" and matches that day of any year).
  Unit ``date``; the value is the day of the month (the month's number for a
  month) and the statement's time the date it states; what it dates is the noun
  or verb it hangs from (``_dated_event``), never a speech verb (when a source
  said something is its own news). The same date of the same event in like
  words, or in much the same words, is one claim (agree); since claims.v11 a named
  thing's act on one calendar day is one event however it is told ("the Kursk sank on
  Aug. 12", "the Kursk, which plunged to the seabed on Aug. 12": ``_named_actor``,
  the subject when a proper noun, through "which" and participles). Two different dates
  never join: read on Timeline17's live coverage, the same verb on two days
  ("gathered on Friday", "gathered on Saturday") is two happenings far more often
  than two accounts of one, so date "conflicts" were mostly false. A date one
  document alone states is the timeline's and no claim. Ranks: an ordinal of two or more ("Libya's
  second-largest city", "the ninth compartment") is of the noun it ranks (through
  the adjectives between), unit ``rank``; one rank of one noun in two or more
  documents is one claim; another rank of it is another thing of that kind (the
  third war is not the second), and "first" ranks nothing worth comparing. A rank
  joins another only in like words ("second-largest city" is said of many cities).

- Statements: the tagger's CARDINAL, QUANTITY, MONEY and PERCENT mentions, durations
  of a month or more (``storybrief.analysis.timex``: "22-month", "two-year"), years
  written out that date an event (since claims.v4: "his 1973 coup", "commissioned in
  1995", "disappeared in May 1977"; unit ``year``, holding for no time, so two years
  of one event differ and never evolve; not a full date, which is the timeline's, nor
  a name, "the 2008 Porsche"), and vague counts before a plural noun ("several
  resolutions", "thousands of people"). Each has its value (None when vague),
  qualifier ("more than", "some", "over"...), unit, the noun it counts, the words
  around it, the time it holds for (a date in its sentence, else the document's
  publication date, else unknown) and its span. Single numbers that are not counts
  ("one of", "No. 1", "two sides"), figures a source denies ("$1.6 billion, not $1.8
  billion"), numbers in names ("Porsche 911 Carrera") and addresses ("the 5000 block
  of") are left out. Money needs a currency ("$", "£", "dollars", "2 million euros";
  "161 million years ago" is not money), reads the trade's scales ("£14m", "5.2bn")
  and is compared only within one currency; anything "per cent" is a percentage; a
  measure's unit is its noun ("40 miles": mile), compared only with the same measure.
  What a figure counts is also given in the source's words: the counted noun and the
  past-tense verb it is argument of ("people killed", "lives claimed"); a group lists
  its sources' labels.
- Tolls: a count of people killed, dead, injured, missing, displaced or
  arrested is of that toll (the toll word nearest it, or in the subject of
  its verb: "the number of people killed rose to 30"). Counts of one toll
  group however they are put ("four people were killed", "the death toll
  rose to 11", "fourteen people have died"); different tolls never do. Since
  claims.v3 a toll is also of a scope: the places its clause names ("the
  bombing in Kenya killed 247", not "the bombing in Tanzania killed 11"; one
  set of places holding the other, or one naming none, may be one), those
  aboard or those on the ground ("all 109 people on board and four people on
  the ground": two tolls), and a people it counts ("two young Poles", "12
  Americans": a part of the dead, not the toll). Since claims.v7, a toll of places
  joined by "and" ("the bombings in Kenya and Tanzania killed 257") is their sum,
  one with any other sum and never in one group with one place's toll (not even
  through a toll that names no place); a town's toll may be its country's ("in
  Nairobi", "in Kenya": ``gazetteer.meet``); and a toll that matches the
  tolls of several places (one naming no place: "the blast killed 248") joins the one
  whose figures are nearest its own, not the first opened. Since claims.v9 a toll's
  clause takes the subject of the verb it is joined to ("bombings in Dar es Salaam and
  Nairobi killed 258 and injured more than 5,500"), a day's number ("on Aug. 7") is no
  other figure whose phrase leaves the clause, and two places a short "and" apart are
  joined however the parser hangs them ("in Tanzania and the Kenyan capital Nairobi").
  Since claims.v10 a toll falls only a little (``TOLL_DROP``): in the order of its
  statements' times, a figure well below one its toll had reached counts another
  episode's dead ("five dead" in the first days of protests, "three killed" in a
  clash two weeks later, which "eight" then updates), and opens a toll of its own;
  the injured a sentence gives beside those dead follow them into their episode
  (``_episodes_of_tolls``), and a count's own verb names its toll before any nearer
  toll word ("eight were killed and 850 people were injured": 850 injured), and a
  count that is its verb's subject or object takes no toll word of another clause
  ("not hurt ... in Gaza, where 1.7 million people live"; but "left 60 people dead",
  "reported 13 protesters killed", "injured and maimed more than 200").
  Since claims.v11 any other count has a place too, where a phrase locates it ("64
  confirmed cases in the United States", "seven in California": ``_located_in``), and
  counts of places that are not one (by the rule of tolls) are two quantities. A
  count given per year, day or week ("seasonal flu kills 250,000 people every year":
  ``_rate``) is a rate and joins only rates.
  Since claims.v4, "aboard"
  or "on the ground" is of the figure right before it ("Four people on the ground and all
  109 people in the plane were killed": 4 on the ground, 109 aboard), a count so
  scoped beside a toll is of that toll ("killing all 109 aboard and four on the
  ground"), a toll verb the figure hangs from names its toll ("Four people ... were
  killed"), and a figure its sentence dates a year or more before publication is of
  another time ("In April 1989, 42 sailors were killed"): it never joins this
  story's figures. Since claims.v5, so is a past-tense figure of a sentence with
  no date of its own that continues a paragraph whose sentence before is so dated
  ("The Komsomolets sank in April 1989. Its 69 sailors were killed."), and a
  figure after "including" or "among them" is a part of the count before it
  ("seven Spaniards ..., including two Catholic priests"), never the toll; since
  claims.v12 a figure "of the dead" or "of the injured" counts what befell a part of
  them, no toll at all ("Only 18 of the dead had been identified", "Of the injured,
  at least 57 were in intensive care"), and a count of a part of a whole written
  beside it is never one quantity with a count of the whole ("eight of the 13
  spending bills": the 13 of another source is not the eight), nor a count of the
  last day or so a different running total ("84 killed over the last 24 hours",
  "17 rockets fired since midnight"; the same figure written once without its window
  is still one). Since claims.v13 a figure takes the toll its own words name: not a
  toll word of a clause of another noun in its phrase ("two suspects in the bombing
  that killed 270"), of a name ("the National Right to Life Committee") or of another
  clause when it is the "by" of a passive ("mourned by 1,000 people"); an "injured
  toll" is the injured; a figure of a phrase of a copula counts only what its own words
  name ("were of 19 nationalities": nothing, beside "the dead and injured"); a toll
  said both aboard and on the ground is the whole ("270 people on board and on ground");
  "three of them" is a part of a count said before it; and ".357" counts nothing. Since
  claims.v14 a toll word in a phrase that says when ("hours after Shepard's death") is no
  toll of a count of its clause; a group's size counts the group ("the 1.1 million-strong
  military"); a large figure joins a near one (not the same) only when both or neither
  are tolls; an unnamed person's age joins a named person's only when no other named
  person of the story has that age, and the age of a noun beside a name is the named
  person's ("Zuhir Hersi, the 17-year-old disc jockey"); a toll verb joined to the
  figure's own verb gives it no toll when it has an object of its own ("destroyed 300
  homes and killed 12 people"); and a size of a thing ("a 238-count indictment") is one
  quantity only with the same size ("the 238-page indictment" is another); a toll told
  as a participle holds where its clause's act did ("firing missiles at camps in eastern
  Afghanistan, killing 26 people": Afghanistan); a vague count joins only a figure it
  may stand for ("dozens of vigils": 24 to 199, not "two vigils"); and a figure a
  clause only supposes ("if they fork out $60 billion", "unless 500 workers return") is
  no statement; two tolls of different figures that count two kinds of people
  ("three civilians", "56 soldiers"; not "people", "victims") are two parts of the
  dead, not two readings of one toll; either side of a pair written with a slash
  ("24/7", "9/11") counts nothing. Since claims.v15 a whole percentage agrees with a
  precise one cut to its whole part ("29.6 percent", "29 percent"). The end
  of a rough "a week or two" counts nothing. A percentage is of an owner when
  its clause's subject is named ("Putin had 52.4 percent", "Zyuganov was second
  with 29.6 percent"): shares of one owner are one quantity whatever their
  words, and a share never joins another owner's, nor one of no owner unless in the
  same verb or much the same words; a figure in an opening "With ..." phrase with its
  own verb ("With 93 percent of the vote counted, Putin had ...") is not the
  subject's (claims.v4). Since claims.v8 the owner is also the name a share is "for"
  ("15 percent for Zyuganov"), the subject of the verb a clause without one completes
  ("Yavlinsky was projected to take third place with 7 percent"), the name beside a
  subject ("his nearest rival, Zyuganov, trails with 20 percent"); and a share its
  sentence gives from a poll ("poll", "survey", "respondents") never joins one of the
  vote; since claims.v16 whoever owns them, nor a share a rule requires ("polls put his
  rating at more than 50 percent", "the 50 percent needed to validate the vote"); and
  "murdered", "slain", or a murder, a slaying or a massacre "of" the people counted, is a
  toll of the dead ("the murders of 10 Americans"), while a count of murders or of
  charges is none ("convicted of three murders", "11 counts of murder"). Since
  claims.v17 a share's owner is also the one poll respondents choose ("58 percent of
  respondents would choose Putin"), the holder of what polls put at it ("polls put his
  approval rating at more than 50 percent"), the one a relative clause gives it to
  ("the 60 percent he had received"), and a "he", "his", "she" or "her" is the person
  named last in its sentence or the two before, not one whose given name is of the
  other gender. A
  year "since" which something has been so ("the army that's been the backbone of the
  state since 1952", where the tagger may call "since" a conjunction) dates what it
  has been. An age ("the 82-year-old
  Pinochet", "Pinochet, 82," even where the tagger calls it a date or the name a
  place: people are the entities typed PERSON) is in years (unit ``age``) and of its
  person: ages of one person are one quantity, of two people two, and agree only
  when equal; an unnamed person's age ("the 82-year-old general", "the general,
  82,") joins a named person's of the same age (since claims.v4).
- Grouping: statements of the same unit whose contexts match (TF-IDF cosine of
  the content words of their sentences, minus the number, ≥ ``SAME_QUANTITY``)
  and whose counted nouns agree when both have one; since claims.v10 like words join
  only figures that agree: two figures that differ need one referent (the same
  counted noun, verb, owner or toll, or a noun both are said of, ``_referents``: "its
  offer of a 4.5% pay rise", "raises its offer to 6%"), since in one story every
  sentence shares its words ("shares closed at $46.20", "the rally added about $30 to
  shares"); and a scale run into a sum is part of it ("$199m", which the tagger may
  tag "199"). A
  statement that matches several
  groups joins the one whose figures are nearest its own (since claims.v10 for every
  unit, not only tolls: "left her maid $15,000 and her driver $20,000" gives two
  statements in the same words, and each later "$15,000" joins the $15,000, not
  the first group opened). Since claims.v4, the same value
  of one physical measure ("about 195 mph", "around 195 mph") or of one counted noun
  outside any toll ("some 100 technicians transported", "some 100 technicians
  removed") is one quantity whatever the words around it; since claims.v9 so is one
  exact count from ``DISTINCTIVE_FROM`` on, not a multiple of ten, unqualified and
  outside any toll, whatever it counts ("118 crew", "the 118 sailors", "the bodies of
  118 men"), and a code ("173GPS") or telephone number ("called 911", "(423)
  272-7555") counts nothing, a count of more ("two more people were arrested",
  "16,000 additional troops", "another 20 people" outside a toll) is a change and
  never one quantity with a count of the whole, and a day something begins or ends is one event's
  however the source puts it ("started February 15", "began February 15"); a
  partitive counts its
  noun ("seven of its Concorde jets": jets); and the words decide the unit over the
  tagger's label ("as much as 9 pounds" tagged a percentage, "a 9-pound part": a
  weight, not money); since claims.v9 a measure per a unit of time is a rate of its
  own ("300 km/h", "120 km per hour": km/h; never a distance's "300 km"). Durations: the same
  stated length is one quantity whatever its noun ("the two-year conflict",
  "a two-year long atrocity"), except ages ("-old") of different nouns (a
  15-year-old girl is not a 15-year-old boy); different lengths need the same
  noun or context and to be within a quarter of each other. How long ago something
  happened ("was elected 18 months ago", since claims.v11) is a length as of the
  publication day, joined only with another such length of one act (the same verb, or
  a noun both are said of) to the step of its unit. A group of durations
  is given in the unit most of its statements are written in ("17-year rule": 17
  years, not 204 months; since claims.v4). Years: the same year of the same event
  (the noun it qualifies, or the verb and its object: "fought the war in 1982", "its
  1982 war") or in the same words, and a year two or more before publication is the
  story's history, one event whatever the words ("his 1973 coup", "seized power in
  1973"; in a document of unknown date, two or more before the latest year it tells
  of as past, since claims.v5); another year only of the same event in the same
  words, and never of one of several things of a kind ("a 2008 interview", "a 2011
  interview": two interviews; "the 2016 ruling", "the 2012 ruling" may be one;
  since claims.v12). A percentage without a counted noun is of what its verb changes ("boost
  pensions by 20 percent", "pensions would be increased by 20 percent"): the same
  value of the same thing is one quantity.
- Since claims.v19, a unit written against its figure ("falling about 60m from a
  ridge", "200ft", "5km"; the tagger leaves it out of the number) makes the figure a
  length or a weight, never a count beside the people counted; not where a noun follows
  ("60m viewers") nor a decimal with "m" ("peaking at 6.9m"): a million.
- Since claims.v20, a clock length ("about 90 seconds after take-off", "40 minutes
  into its flight") is a figure in seconds, shown in the unit most of its group write,
  unless it tells when ("the past 24 hours", "within 48 hours", "two hours later"); two
  join only when said of the same thing or in like words, at most twice apart
  (``CLOCK_RATIO``), and two of them that differ are a ``conflict``: one interval's
  length does not change with the day it is told. And the same large figure joins
  regardless of its words only of the same counted noun or of people at large. And a
  count of what does the harm ("four blasts that killed 300") or of where ("in two
  other cities") is no toll; tolls whose own verbs are dated (with a month named) to
  days ``INCIDENT_DAYS`` apart are two attacks', never one toll in conflict. A year long
  past joins whatever the words only when the two sentences name one actor or place
  (or one of them names none): "ValuJet ... in 1996", "Aeroperu ... in 1996" are two.
- Relation: ``single`` (one document), ``agree`` (the same figure: counts and
  money equal, or within 10% when one is qualified or written round (since
  claims.v3: 10 and 11 dead are two figures, "about 250" and 247 one),
  percentages as precise as they are written (3.1% is not 3.4%) unless
  qualified, durations within the precision of their units and qualifiers: "22
  months" is "two years" to the year, "25 years" is not "30-year"; or a vague
  count beside exact ones), ``evolves`` (figures differ and the statements
  hold for different known times, or come from reports that the episodes stage
  set apart because a figure of a thousand or more (``LARGE_FIGURE``) jumped
  ``storybrief.analysis.episodes.JUMP``-fold), ``conflict`` (figures differ
  for the same known time; since claims.v18 also two ages of one person told on
  days less than a year apart: "32-year-old" on Saturday, "31" on Monday is two
  sources disagreeing, not a birthday), ``differs`` (figures differ and a time is
  unknown: not called a contradiction without evidence). A toll moves on (since
  claims.v5): when each of two of its figures was reported (its documents'
  publication days) over periods that overlap ("113 killed" on July 27 and
  August 18, "114 killed" on July 29), the sources give two accounts of one
  toll, a ``conflict``, not an update; since claims.v10 the other way too:
  figures whose sentences date them to one day (the event's: "on Aug. 7 killed
  257") but each reported in a period of its own ("258" a week later) evolve, and
  only a figure's exact statements give its days ("more than 250" fits both). A
  figure is one reading only of figures it agrees with, each of them: a round
  "250" never makes an exact 257 and 258 one; since claims.v11 a toll's figures that
  agree are two readings where every larger one was reported after every smaller one
  ("injured more than 5,000" in the first week, "more than 5,400" a month later: it
  rose). A statement's time is the date
  in its sentence nearest the figure ("rose to 11 on Wednesday"; not a date
  that names the event, "Sunday's flood"), else its document's publication
  day; an estimated month is too coarse and counts as unknown.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storybrief import lexicon
from storybrief.analysis.similarity import SENTENCES, sparse_cosine, tfidf
from storybrief.analysis.timex import (
    anchor_day,
    document_timexes,
    month_day,
    number_in_words,
    tense_of,
)
from storybrief.gazetteer import areas_of, meet, within
from storybrief.lexicon import (
    FIGURE_LABELS,
    KILLINGS_OF,
    MONTHS,
    NAME_HEAD_NOUNS,
    SPEECH_VERBS,
    TIME_LABELS,
    TOLL_WORDS,
)
from storybrief.model import (
    Claim,
    ClaimRelation,
    Episode,
    Figure,
    Mention,
    Offsets,
    ParsedArticle,
    Reading,
    Sentence,
    Statement,
    Token,
    TokenTree,
    date_of,
    last_day,
)

METHOD = "claims.v20"
# Judgement call (claims.v1, not measured): context cosine from which two
# statements of one unit are one quantity; lower joins unrelated counts.
SAME_QUANTITY = 0.25
# Judgement call: a bare number (no counted noun) beside a counted one needs twice that.
SAME_QUANTITY_BARE = 2 * SAME_QUANTITY
# Judgement call (claims.v1): characters on each side of the number whose words
# describe it, and how far a toll word may stand from its count.
CONTEXT_CHARS = 45
# Judgement calls on English syntax: a figure hangs from its verb within four
# heads ("killed [at] [least] 12 people"), and a toll word within six heads of
# a subject is part of it ("the number of people killed in the floods").
VERB_HOPS = 4
SUBJECT_HOPS = 6
# Judgement call (claims.v1): figures within 10% are one figure (reported
# rounding); also the summary's test that two figures agree.
AGREE_RATIO = 1.1
# Judgement call: different durations of one noun or context are one quantity
# within a quarter of each other ("22 months" / "two years").
DURATION_RATIO = 1.25
# Judgement call: a qualified duration ("more than two years") may be a quarter off.
QUALIFIED_DURATION_SHARE = 0.25
# Durations of about a week or more are figures ("40 days to file", "sworn in within
# 30 days"); shorter ones are when things happened ("a day", "the past two days"),
# not quantities sources compare (judgement call; claims.v4 lowered it from a month:
# on the dev clusters a week's floor adds one right group, none shorter does).
MIN_DURATION_MONTHS = 0.2
# A bare 1 is not a count ("one of", "one side"): counts start at 2 (judgement call).
MIN_COUNT = 2
# Judgement call: a figure of a thousand or more is specific enough that the
# same one twice in a story is one quantity, and large enough for a jump
# between reports to mean time has passed (``episodes``).
LARGE_FIGURE = 1000
# Judgement call: the characters before a figure searched for a denial
# ("not $", "rather than", "instead of the"), and after it for a currency
# word past one adjective ("12.4 billion Danish kroner").
DENIAL_CHARS = 16
CURRENCY_AFTER_CHARS = 30
# At most this many of a group's labels make its ``what`` (a display limit).
MAX_WHAT_LABELS = 3

_QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "nearly", "almost", "about", "around", "roughly", "some", "over", "under",
    "approximately", "an estimated", "estimated",
)  # fmt: skip
_VAGUE = {"several": None, "dozens": None, "hundreds": None, "thousands": None, "millions": None}
#: The figures a vague count may stand for (judgement calls, on the generous side):
#: "dozens of vigils" are not "two vigils" (since claims.v14).
_VAGUE_RANGE = {
    "several": (3.0, 20.0),
    "dozens": (24.0, 199.0),
    "hundreds": (200.0, 1999.0),
    "thousands": (2000.0, 1999999.0),
    "millions": (2e6, float("inf")),
}
_SCALE = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "bn": 1e9, "tn": 1e12,
}  # fmt: skip
_SCALE_WORDS = "thousand|million|billion|trillion"
_MONEY_SCALE = _SCALE_WORDS + "|bn|mn|mil|tn|m|k"
# A currency sign or word in the figure, just before it ("$" is often left out
# of the tagger's span), or just after it ("50 dollars").
_CURRENCY_CODES = {
    "$": "USD", "dollar": "USD", "usd": "USD", "£": "GBP", "pound": "GBP", "gbp": "GBP",
    "pence": "GBP", "€": "EUR", "euro": "EUR", "eur": "EUR", "¥": "JPY", "yen": "JPY",
    "₹": "INR", "rupee": "INR", "yuan": "CNY", "renminbi": "CNY", "franc": "CHF",
    "krone": "KRONE", "kroner": "KRONE", "krona": "SEK", "kronor": "SEK",
    "rouble": "RUB", "ruble": "RUB", "peso": "PESO", "lira": "TRY", "rand": "ZAR",
    "cent": "cent", "shekel": "ILS", "dinar": "DINAR", "riyal": "SAR", "dirham": "AED",
    "zloty": "PLN", "forint": "HUF", "baht": "THB", "rupiah": "IDR", "ringgit": "MYR",
}  # fmt: skip
_CURRENCY = re.compile(
    r"(?:\b(?:US|A|C|NZ|HK|S))?[$£€¥₹]|\b(?:USD|GBP|EUR|dollars?|pounds?|euros?|yen|cents?|"
    r"pence|rupees?|yuan|renminbi|francs?|kroner|krone|kronor|krona|roubles?|rubles?|pesos?|"
    r"lira|rand|shekels?|dinars?|riyals?|dirhams?|zloty|forints?|baht|rupiah|ringgit)\b",
    re.IGNORECASE,
)


def _currency(found: re.Match[str]) -> str:
    """A currency's code from its sign or word ("A$" stays apart from "$")."""
    written = found.group().lower()
    if written.endswith("$") and len(written) > 1:
        prefix = written[:-1].upper()
        return "USD" if prefix == "US" else f"{prefix}$"
    key = written if written in _CURRENCY_CODES else written.rstrip("s")
    return _CURRENCY_CODES.get(key, written)


_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent", re.IGNORECASE)
# "the 5000 block of Main Street" is an address, not a count.
_ADDRESS = re.compile(r"^\s*block\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|rather than|instead of)\s+(?:the\s+)?[$£€¥]?$", re.IGNORECASE)
_OLD = re.compile(r"[\s-]old\b", re.IGNORECASE)
# Half the step of a duration's unit, in months: "two years" is not more
# precise than a year, "22 months" than a month. Not tuned: a week is taken as
# a quarter month and a day as 1/30 (the conversion to months uses 12/52, 12/365).
_HALF_STEP = {"Y": 6.0, "M": 0.5, "W": 0.125, "D": 1 / 60}
#: "18 months ago", "two years ago": a length of time back from the publication day.
_AGO = re.compile(r"(.+?)\s+(year|month|week)s?\s+ago", re.IGNORECASE)
#: What a length back from the publication day counts (``_Statement.counts``).
AGO = "ago"
_MEASURE_SPELLING = {"tonne": "ton", "metre": "meter", "kilometre": "kilometer"}
_NOT_COUNTS = frozenset(("side", "way", "thing", "of", "time", "point", "hand", "another"))
_GENERIC_VERBS = frozenset(("be", "have", "say", "do", "make", "get", "go", "take", "include"))
#: Verbs that give how many of a thing there are, not what happened to some of them:
#: a count so given is of whatever set the story counts with that noun ("be" and
#: "have" say that of anything: "2,000 people stood", "there are 180,000 people").
_LEVEL_VERBS = frozenset(
    ("leave", "top", "grow", "reach", "rise", "climb", "total", "number", "exceed", "surpass")
)
_DURATION_MONTHS = re.compile(r"^P(\d+)(Y|M|W|D)$")
_CLOCK_DURATION = re.compile(r"^PT(\d+)(H|M|S)$")
#: A clock duration's unit (``per``) from its value's letter, and its length in seconds.
_CLOCK_CODES = {"H": "h", "M": "min", "S": "s"}
_SECONDS_PER = {"h": 3600.0, "min": 60.0, "s": 1.0}
#: A clock duration that is a window ("in the past 24 hours", "within 48 hours", "every
#: 30 minutes") or a time from an unnamed moment ("two hours later", "minutes ago")
#: tells when, not a length a source states.
_CLOCK_WINDOW = re.compile(
    r"^(?:the\s+)?(?:past|last|final|next|first|coming|following|previous|few|several)\b",
    re.IGNORECASE,
)
_CLOCK_LATER = re.compile(r"\b(?:later|earlier|ago)$", re.IGNORECASE)
_CLOCK_WINDOW_BEFORE = re.compile(
    r"\b(?:within|every|each|per|for\s+the|in\s+the|over\s+the|after\s+the|up\s+to|"
    r"past|last|final|first|next|previous|coming)\s+$",
    re.IGNORECASE,
)
_CLOCK_WINDOW_AFTER = re.compile(
    r"\s*(?:later|earlier|ago|before|afterwards?|a\s+(?:day|week|month)|of\s+(?:daylight|sleep))\b",
    re.IGNORECASE,
)


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
    #: For a duration or an age: how far its value may be from the truth, from
    #: the step of its unit ("two years": 6 months) and its qualifier.
    tolerance: float = 0.0
    #: For money: the currency's code ("USD", "GBP", "A$").
    currency: str | None = None
    #: For a count of people harmed: which toll ("deaths", "injured", "displaced"...).
    toll: str | None = None
    #: Where a toll holds: the places named in its clause (entity ids) and whether
    #: it counts those aboard or on the ground (``_scope_of``).
    places: frozenset[tuple[str, str]] = frozenset()
    where: str | None = None
    #: The people a toll counts when the text names them as a people ("two young
    #: Poles", "12 Americans"): a part of the dead, not the toll.
    who: str | None = None
    #: Whose share a percentage is: the named subject of its clause ("Putin had 52.4
    #: percent", "Zyuganov was second with 29.6 percent"), as an entity id.
    owner: str | None = None
    #: For a duration: the unit it is written in ("Y", "M", "W", "D"); its value is
    #: in months, to compare, and shown in the unit most of its group write.
    per: str | None = None
    #: For a year: what it dates, as lemmas (the noun, or the verb and its object).
    events: frozenset[str] = frozenset()
    #: A figure of another time: its sentence dates it a year or more before the
    #: publication ("the Komsomolets sank in April 1989 ... 42 of the 69 sailors"),
    #: as that date; None for a figure of the story's own time.
    era: str | None = None
    #: The day the document that states it was published (None when not known
    #: to the day): when a toll stood at this figure, whatever its sentence dates.
    reported: str | None = None
    #: For a date: written with its month ("Oct. 16", "August 12, 2000"), not
    #: counted from the publication day ("on Friday", "yesterday").
    calendar: bool = False
    #: For a year: it dates one of several things of a kind ("a 2008 interview", "an
    #: earlier 2012 ruling"), not the one thing ("the 2016 decision", "launched in
    #: 1995"). (Since claims.v12.)
    one_of: bool = False
    #: For a share: its sentence tells of a poll ("A poll released Tuesday showed ... 15
    #: percent for Zyuganov"), not of the vote: a poll's share is not the result's.
    poll: bool = False
    #: A count of more on top of another ("two more people arrested", "another 20
    #: people"): a change, never one quantity with a count of the whole.
    increment: bool = False
    #: A count of a part of a whole written beside it ("eight of the 13 spending bills",
    #: "two of its four engines"), or of one said before it ("three of them", since
    #: claims.v13): never one quantity with a count of the whole. (Since claims.v12.)
    part: bool = False
    #: A count of the last day or so ("84 Palestinians were killed over the last 24
    #: hours", "17 rockets fired since midnight"): a day's figure, never one quantity
    #: with a different running total. (Since claims.v12.)
    daily: bool = False
    #: A toll whose clause names only places outside the story's own country (where
    #: most of its documents are), so of another event: "a crash in Indonesia killed
    #: 162" in a story of a crash in France (``_abroad``).
    abroad: bool = False
    #: An age that two named people of the story have ("Henderson, 21," and "Shepard,
    #: 21,"): an unnamed person's age of that value may be either's, so it joins
    #: neither (since claims.v14).
    shared_age: bool = False
    #: A size of a thing, its figure hyphened to its noun ("a 238-count indictment",
    #: "the 238-page indictment"): the same figure of another noun is another size
    #: (``_attribute``, since claims.v14).
    attribute: bool = False
    #: The common nouns the figure is said of (``_referents``): "its offer of a 4.5% pay
    #: rise": rise, offer; "the deficit stood at 3.4%": deficit.
    referents: frozenset[str] = frozenset()
    #: What kind of the counted noun a count is of: its modifiers, as lemmas marked "p:"
    #: for a participle, "n:" for a noun ("confirmed cases": p:confirmed; "robbery
    #: charges": n:robbery; "charges of arson": n:arson).
    kinds: frozenset[str] = frozenset()
    #: For a toll: the day its own verb is dated to in its sentence ("two policemen were
    #: killed Sunday", "a car bomb on Thursday that killed two"), not a day said of
    #: something else there ("Experts on Monday identified all 113 victims").
    incident: str | None = None
    #: For a year: the names of its sentence (folded, their words), whose history it may
    #: date.
    names: frozenset[str] = frozenset()
    #: A count that is a rate, not a figure of the story's events: it is given per year,
    #: day or week ("seasonal flu kills 250,000 people every year", "90 people die here
    #: every day"). (A sum or a share given "a year" is in its unit, per annum.)
    rate: bool = False


def _value(text: str, money: bool = False) -> tuple[float | None, str | None]:
    """Numeric value and qualifier of a number phrase ("more than 60,000", "1.5 million").

    With ``money``, the abbreviations of the trade count as scales ("£14m", "5.2bn").
    """
    t = " ".join(text.lower().replace("\u00a0", " ").split())
    qualifier = next((q for q in _QUALIFIERS if t.startswith(q + " ")), None)
    if qualifier:
        t = t[len(qualifier) + 1 :]
    t = re.sub(r"^(?:where|the|a|an)\s+", "", t)
    if t.split(" ")[-1] in _VAGUE:
        return None, qualifier or t.split(" ")[-1]
    scales = _MONEY_SCALE if money else _SCALE_WORDS
    if m := re.search(rf"(\d[\d,]*(?:\.\d+)?)\s*(?:({scales})\b)?", t):
        number = float(m.group(1).replace(",", ""))
        scale = _SCALE.get(m.group(2) or "", 1.0)
        upper = re.match(
            rf"\s*(?:-|–|—|to\s|and\s)\s*(\d[\d,]*(?:\.\d+)?)\s*(?:({scales})\b)?", t[m.end() :]
        )
        if (
            upper
            and upper.group(0).lstrip().startswith("and")
            and not t[: m.start()].endswith("between ")
        ):
            upper = None  # "2 and 3,000": two figures, not a range
        if upper and not m.group(2):
            # A range written with its scale once: "8 to 15 million" is 8 million,
            # "45-50,000" 45,000 (since claims.v11).
            top = float(upper.group(1).replace(",", ""))
            if upper.group(2):
                scale = _SCALE.get(upper.group(2), 1.0)
            elif number < 1000 <= top and top / 10 <= number * 1000 <= top:
                scale = 1000.0
        return number * scale, qualifier
    words = re.sub(r"[^a-z\s-]", " ", t).split()
    scale = _SCALE[words.pop()] if words and words[-1] in _SCALE else 1.0
    if not words:
        return (scale if scale > 1 else None), qualifier
    try:
        from text_to_num import text2num

        return float(text2num(" ".join(words), "en")) * scale, qualifier
    except ValueError:
        return None, qualifier


_ORDINAL_WORDS = {"second": 2}
_RANK_HOPS = 3


def _ordinal(text: str) -> int | None:
    """The number of an ordinal ("ninth": 9, "21st": 21, "twenty-first": 21,
    "second-largest": 2)."""
    from text_to_num import alpha2digit

    t = re.sub(r"^the\s+", "", " ".join(text.lower().split()))
    # "second-largest", "third-biggest": the rank of a superlative; not "second-hand".
    superlative = re.fullmatch(r"([a-z0-9]+)-(?:[a-z]+est|most|biggest)", t)
    for candidate in (t, superlative.group(1) if superlative else t):
        if candidate in _ORDINAL_WORDS:
            return _ORDINAL_WORDS[candidate]
        found = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", alpha2digit(candidate, "en"))
        if found:
            return int(found.group(1))
    return None


def _ranked_noun(tree: TokenTree, start: int, end: int) -> str | None:
    """The noun an ordinal ranks, through the adjectives between ("second-largest
    city": city), as a lemma."""
    inside = tree.between(start, end)
    if not inside:
        return None
    token = tree.head(inside[-1])
    for _ in range(_RANK_HOPS):
        if token is None or start <= token.start < end:
            return None
        if token.pos in ("NOUN", "PROPN"):
            lemma = token.lemma.lower()
            return lemma if lemma.isalpha() and lemma not in _NOT_COUNTS else None
        if token.pos not in ("ADJ", "ADV", "PUNCT"):
            return None
        token = tree.head(token)
    return None


#: Conjunctions of a clause that supposes rather than states (since claims.v14).
_SUPPOSING = frozenset(("if", "unless"))


def _supposed(tree: TokenTree, start: int, end: int) -> bool:
    """Whether a figure is in a clause that supposes it ("if they fork out $60
    billion", "unless 5,000 troops are sent"): it is the subject or object of the
    first verb above it, which "if" or "unless" opens."""
    inside = tree.between(start, end)
    if not inside:
        return False
    below = inside[0]
    for token in tree.ancestors(inside[0], VERB_HOPS):
        if token.pos in ("VERB", "AUX"):
            # Only its verb's own subject or object: a phrase the parser hangs there may
            # be the main clause's ("58 percent would choose Putin if the vote were held
            # now, to 15 percent for Zyuganov").
            return below.dep in ("nsubj", "nsubjpass", "dobj", "attr") and any(
                c.dep == "mark" and c.lemma.lower() in _SUPPOSING for c in tree.children(token)
            )
        below = token
    return False


def _counted_noun(tree: TokenTree, start: int, end: int) -> Token | None:
    """The noun a number counts: the noun it qualifies ("109 people", "a 300-strong
    crowd"), else the plural noun of a partitive ("seven of its Concorde jets")."""
    inside = tree.between(start, end)
    for t in inside:
        head = tree.token(t.head)
        if head is not None and head.text.lower() == "strong" and head.dep == "amod":
            # A group's size: "the 1.1 million-strong military", "a 300-strong crowd".
            head = tree.token(head.head)
        if (
            head is not None
            and not (start <= head.start < end)
            and head.pos in ("NOUN", "PROPN")
            and head.lemma.lower() not in _SCALE
            and head.lemma.lower().rstrip("s") not in _SCALE
        ):
            return head
    for t in inside:
        for of in tree.children(t):
            if of.dep != "prep" or of.lemma.lower() != "of" or start <= of.start < end:
                continue
            noun = next((c for c in tree.children(of) if c.dep == "pobj"), None)
            if noun is not None and noun.tag == "NNS":
                return noun
    return None


#: Modifiers that say nothing of what kind a counted thing is ("new cases", "other
#: charges", "the first 76 at-bats").
_ANY_KIND = frozenset(
    (
        "new", "other", "more", "additional", "further", "total", "last", "first", "recent",
        "many", "several", "some", "such", "same", "few", "latest", "least", "most", "only",
        "about", "around", "nearly", "almost", "over", "under", "another", "all", "s", "'s",
    )
)  # fmt: skip


def _kinds(tree: TokenTree, noun: Token | None, start: int, end: int) -> frozenset[str]:
    """What kind of its noun a count is of: the nouns and participles that qualify it and
    the noun after its "of" ("two robbery charges", "three charges of disobeying a court
    order", "20 confirmed cases"), as lemmas, but neither the figure nor words of any
    kind ("new", "other"). Since claims.v11 counts of two kinds are two quantities."""
    if noun is None:
        return frozenset()
    found: set[str] = set()
    for c in tree.children(noun):
        if start <= c.start < end or c.pos == "NUM":
            continue
        # A noun or a participle says what kind; an adjective mostly describes ("two
        # large engines", "two good series", "two white girls").
        if (c.dep in ("compound", "nmod") and c.pos == "NOUN") or (
            c.dep == "amod" and c.tag in ("VBN", "VBG")
        ):
            # As written too: the tagger may read "spending" as a noun or a participle.
            kind = "p:" if c.dep == "amod" else "n:"
            found.update((kind + c.lemma.lower(), kind + c.text.lower()))
        elif c.dep == "prep" and c.lemma.lower() == "of":
            for g in tree.children(c):
                if g.dep in ("pobj", "pcomp") and g.pos in ("NOUN", "VERB"):
                    found.update(("n:" + g.lemma.lower(), "n:" + g.text.lower()))
    return frozenset(k for k in found if k[2:].isalpha() and k[2:] not in _ANY_KIND)


def _kinds_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two counts are of two kinds of their noun: both qualified in one way (by
    a participle: "suspected", "confirmed"; or by a noun: "robbery", "arson") with no
    word in common. "Confirmed cases" and "flu cases" may be the same cases."""
    if {k[2:] for k in a} & {k[2:] for k in b}:
        return False
    return any(
        {k for k in a if k.startswith(kind)} and {k for k in b if k.startswith(kind)}
        for kind in ("p:", "n:")
    )


def _changed_noun(tree: TokenTree, start: int, end: int) -> str | None:
    """What a percentage changes, when its verb says: the common noun that is the
    verb's object or passive subject ("boost pensions by 20 percent", "pensions would
    be increased by 20 percent": pension)."""
    inside = tree.between(start, end)
    if not inside:
        return None
    for token in tree.ancestors(inside[0], VERB_HOPS):
        if token.pos != "VERB":
            continue
        noun = next(
            (
                c
                for c in tree.children(token)
                if c.dep in ("dobj", "nsubjpass")
                and c.pos == "NOUN"
                and not start <= c.start < end
                and not _PERCENT.fullmatch(c.text)
            ),
            None,
        )
        return noun.lemma.lower() if noun is not None else None
    return None


def _verb_of(tree: TokenTree, start: int, end: int) -> str | None:
    """The lemma of the first verb above the number ("killed some 250,000" -> kill)."""
    inside = tree.between(start, end)
    if not inside:
        return None
    for token in tree.ancestors(inside[0], VERB_HOPS):
        if token.pos == "VERB":
            lemma = token.lemma.lower()
            return None if lemma in _GENERIC_VERBS else lemma
    return None


def _referents(tree: TokenTree, start: int, end: int) -> frozenset[str]:
    """The common nouns a figure is said of, as lemmas: those its phrase hangs from on
    the way up to its verb ("its offer of a 4.5% pay rise": rise, offer), and where it
    hangs from the verb as a measure, not as its object, the verb's subject and object
    ("the deficit stood at 3.4%": deficit; "raises its offer to 6%": offer; not "police
    rescued 40"), a relative pronoun as the noun it stands for ("the deficit, which stood
    at 3.4%")."""
    inside = tree.between(start, end)
    if not inside:
        return frozenset()
    found: set[str] = set()
    below = inside[0]
    for token in tree.ancestors(inside[0], VERB_HOPS):
        if start <= token.start < end:
            below = token
            continue
        if token.pos == "NOUN" or token.dep in _NOMINAL:
            # (A word the tagger calls a verb in a noun's place is a noun: the
            # headline's "raises offer to 6%".)
            found.add(token.lemma.lower())
        elif token.pos in ("VERB", "AUX"):
            if below.dep in _MEASURING:
                for c in tree.children(token):
                    if c.dep not in ("nsubj", "nsubjpass", "dobj"):
                        continue
                    if c.pos == "NOUN":
                        found.add(c.lemma.lower())
                    elif c.tag in ("WDT", "WP") and token.dep == "relcl":
                        # "the deficit, which stood at 3.4%": the noun "which" stands for.
                        head = tree.token(token.head)
                        if head is not None and head.pos == "NOUN":
                            found.add(head.lemma.lower())
            break
        below = token
    return frozenset(found)


#: A noun's places in a clause, whatever the tagger calls the word in them.
_NOMINAL = frozenset(("nsubj", "nsubjpass", "dobj", "pobj"))
#: Clauses hanging from a word.
_CLAUSES = frozenset(("relcl", "acl", "advcl", "ccomp", "xcomp"))
#: A figure's number, and the "by" of a passive: "was mourned by 1,000 people" is the
#: verb's own argument (since claims.v13).
_ALSO_ARGUMENT = frozenset(("nummod", "agent"))

#: How a figure that measures its clause's subject hangs from the verb: "was 3.1%"
#: (attr), "stood at 3.4%" (prep), "closed 2% higher" (advmod, npadvmod, acomp, oprd).
_MEASURING = frozenset(("attr", "prep", "acomp", "npadvmod", "advmod", "oprd"))


def _label(tree: TokenTree, noun: Token | None, start: int, end: int) -> str | None:
    """What a figure counts, in the source's words: the noun and the verb it is argument of.

    "killed over 60,000 people" -> "people killed"; "more than 60,000 people
    have died" -> "people died"; "claimed some 60,000 lives" -> "lives
    claimed"; "killed some 250,000" -> "killed"; "grew to 3,400 containers"
    -> "containers" (the containers did not grow). None without either.
    """
    if noun is not None:
        head = tree.token(noun.head)
    else:  # the number itself is the argument: the head of its span
        inside = tree.between(start, end)
        outside = [t for t in inside if not start <= (tree.token(t.head) or t).start < end]
        top = outside[0] if outside else None
        head = tree.token(top.head) if top is not None else None
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


def extract_statements(
    doc: ParsedArticle, people: Collection[str] | None = None
) -> list[_Statement]:
    """The numeric statements of one document.

    Args:
        doc: the parsed document, its mentions resolved to entities.
        people: the ids of the entities that are people; without it, the tagger's
            PERSON mentions are the people.
    """
    text = doc.article.text
    published = doc.article.published
    # A figure holds for its publication day; an estimated month is too coarse to compare.
    doc_time = published.iso() if published and published.granularity == "day" else None
    sentence_dates: dict[int, list[tuple[int, int, str]]] = {}
    timexes = document_timexes(doc, anchor_day(doc) if doc_time else None)
    for timex in timexes:
        parsed = date_of(timex.value)
        if timex.type == "DATE" and parsed is not None:
            if re.match(r"['’]s\b", text[timex.end : timex.end + 3]):
                continue  # "Monday's earthquake" names the event, not when a figure holds
            at = doc.tree.sentence_at(timex.start)
            if at is not None:
                sentence_dates.setdefault(at.index, []).append(
                    (timex.start, timex.end, timex.value or "")
                )

    def time_of(sentence: int, start: int, end: int) -> str | None:
        """The date of the sentence nearest the figure ("rose to 11 on Wednesday")."""
        dates = sentence_dates.get(sentence)
        if not dates:
            return doc_time
        return min(dates, key=lambda d: max(d[0] - end, start - d[1], 0))[2]

    def continued_era(sentence: Sentence, start: int, end: int) -> str | None:
        """The era of the sentence before, for a past-tense figure of a sentence
        with no date of its own that continues its paragraph ("The Komsomolets sank
        in April 1989. Forty-two of the 69 sailors aboard died.")."""
        if sentence.index == 0 or sentence_dates.get(sentence.index):
            return None
        before = doc.sentences[sentence.index - 1]
        dates = sentence_dates.get(before.index)
        if not dates or "\n" in text[before.end : sentence.start]:
            return None
        if tense_of(doc.tree, start, end) != "past":
            return None
        return _era(max(dates)[2], doc_time)

    out: list[_Statement] = []

    def add(
        start: int,
        end: int,
        value: float | None,
        qualifier: str | None,
        unit: str,
        tolerance: float = 0.0,
        per: str | None = None,
    ) -> None:
        sentence = doc.tree.sentence_at(start)
        if sentence is None:
            return
        if _DENIED.search(text[max(sentence.start, start - DENIAL_CHARS) : start]):
            return  # "$1.6 billion, not $1.8 billion": a figure the source denies
        noun = _counted_noun(doc.tree, start, end)
        if noun is not None and noun.lemma.lower() in _NOT_COUNTS:
            return
        if unit != "date" and _supposed(doc.tree, start, end):
            return  # "if they fork out $60 billion": no figure anyone states as fact
        context = " ".join(
            t.lemma.lower()
            for t in doc.tree.between(sentence.start, sentence.end)
            if not start <= t.start < end
            and abs(t.start - (start if t.start < start else end)) <= CONTEXT_CHARS
            and t.pos in ("NOUN", "VERB", "PROPN", "ADJ")
            and not t.is_stop
        )
        toll = (
            _toll_of(doc.tree, sentence.start, sentence.end, start, end)
            if unit == "count"
            and (value is None or value == int(value))
            # People come whole: "the 7.0 magnitude earthquake" counts none (claims.v11).
            and not _DECIMAL.fullmatch(text, start, end)
            else None
        )
        if toll and _CHARGES.match(text, end):
            toll = None  # "11 counts of murder": charges, not the dead (claims.v16)
        if toll and (
            _OF_THE_TOLL.match(text, end)
            or _OF_THE_TOLL_BEFORE.search(text, max(0, start - 60), start)
        ):
            # "Only 18 of the dead had been identified", "Of the injured, at least 57
            # were in intensive care": a part of a toll, said of what befell that part:
            # no toll (since claims.v12).
            toll = None
        places, where = (
            _scope_of(doc, start, end)
            if toll
            else (frozenset(), _where_near(doc, start, end) if unit == "count" else None)
        )
        if unit == "count" and not toll:
            places = _located_in(doc, start, end)
        who = next(
            (
                m.entity_id or m.span.text.lower()
                for m in doc.mentions
                if toll
                and noun is not None
                and m.label == "NORP"
                and m.span.start <= noun.start < m.span.end
            ),
            None,
        )
        if (
            toll
            and who is None
            and noun is not None
            and _PART.search(text[max(0, start - 30) : start])
        ):
            # "seven Spaniards ..., including two Catholic priests": a part of the
            # count before it, never the toll itself.
            who = noun.lemma.lower()
        owner = _owner_of(doc, start, end) if unit == "percent" else None
        if unit == "age":
            # "the 82-year-old Pinochet": an age is its person's; so is that of a noun
            # beside a name ("Zuhir Hersi, the 17-year-old disc jockey", "the
            # 17-year-old disc jockey, Zuhir Hersi"; since claims.v14).
            owner = None
            if noun is not None:
                beside = [t for t in doc.tree.children(noun) if t.dep == "appos"]
                if noun.dep == "appos" and (held := doc.tree.head(noun)) is not None:
                    beside.append(held)
                owner = next(
                    (o for t in (noun, *beside) if (o := _person_at(doc, t.start, is_person))),
                    None,
                )
        owner = ages.get(start, owner)
        time = time_of(sentence.index, start, end)
        out.append(
            _Statement(
                doc.id,
                start,
                end,
                text[start:end],
                value,
                qualifier,
                unit,
                noun.lemma.lower()
                if noun is not None
                else (_changed_noun(doc.tree, start, end) if unit == "percent" else None),
                _verb_of(doc.tree, start, end),
                # A duration ("22-month-old conflict") is named by what lasts, not by a verb.
                _label(doc.tree, noun, start, end)
                if unit not in _LENGTHS
                else (noun.text.lower() if noun is not None else None),
                context,
                time,
                (sentence.start, sentence.end),
                tolerance,
                _currency_of(text, start, end) if unit == "money" else None,
                # People come in whole numbers: "a magnitude 6.1 earthquake" is no toll.
                toll,
                places,
                where,
                who,
                owner,
                per,
                era=_era(time, doc_time) or continued_era(sentence, start, end),
                reported=doc_time,
                poll=unit == "percent"
                and any(
                    t.lemma.lower() in _POLL_WORDS
                    for t in doc.tree.between(sentence.start, sentence.end)
                ),
                # ("killed 67, and another 173 were injured": another toll's level.)
                increment=unit == "count"
                and bool(
                    _MORE_AFTER.match(text[end : end + 12])
                    or (not toll and _ANOTHER_BEFORE.search(text[max(0, start - 16) : start]))
                ),
                part=unit == "count" and bool(_OF_A_WHOLE.match(text, end) or _of_them(doc, end)),
                daily=unit == "count" and _daily(doc, start, end),
                referents=_referents(doc.tree, start, end),
                rate=unit == "count" and _rate(doc, start, end),
                kinds=_kinds(doc.tree, noun, start, end) if unit == "count" else frozenset(),
                incident=incident_of(sentence.index, start, end) if toll else None,
            )
        )

    def incident_of(sentence: int, start: int, end: int) -> str | None:
        """The date of the sentence that hangs from the verb the figure hangs from."""
        verb = _verb_above(doc.tree, start, end)
        if verb is None:
            return None
        return next(
            (
                value
                for s, e, value in sentence_dates.get(sentence, ())
                # Written with its month ("on March 1", "in September"): a weekday
                # ("on Friday") may be resolved a week off.
                if _MONTH_NAMED.search(text, s, e) and _verb_above(doc.tree, s, e) == verb
            ),
            None,
        )

    def is_person(m: Mention) -> bool:
        if not m.entity_id:
            return False
        return m.entity_id in people if people is not None else m.label == "PERSON"

    # "Pinochet, 82, had surgery": an age in apposition to a person is that person's
    # ("the general, 82,": an unnamed person's, of that noun).
    ages: dict[int, str | None] = {}
    persons = [m for m in doc.mentions if is_person(m)]
    for m in doc.mentions:
        # The tagger often calls an age a date ("Pinochet, 82,": DATE).
        if m.label not in FIGURE_LABELS and not (m.label == "DATE" and m.span.text.isdigit()):
            continue
        start, end = m.span.start, m.span.end
        person = next(
            (
                p
                for p in persons
                if _AGE_BETWEEN.fullmatch(text, p.span.end, start) and _AGE_AFTER.match(text, end)
            ),
            None,
        )
        if person is not None and m.span.text.isdigit() and 0 < int(m.span.text) < MAX_AGE:
            ages[start] = person.entity_id
            add(start, end, float(m.span.text), None, "age")
            continue
        appositive = _noun_before_age(doc, start, end)
        if appositive is not None and m.span.text.isdigit() and 0 < int(m.span.text) < MAX_AGE:
            ages[start] = None
            add(start, end, float(m.span.text), None, "age")
            if out and out[-1].start == start:
                out[-1].counts = out[-1].label = appositive
            continue
        if m.label not in FIGURE_LABELS:
            continue
        unit = _unit_of(doc, m.label, start, end)
        if unit is None:
            continue
        as_written = _written(text, start, end, unit)
        end = start + len(as_written)  # "$199m" whole, where the tagger took "199"
        value, qualifier = _value(as_written, money=unit == "money")
        if unit != "count" and value is None:
            continue  # "as much", "a few feet": no figure to compare
        if unit == "count" and not _is_count(doc, start, end, value):
            continue
        add(start, end, value, qualifier, unit)
    for m in doc.mentions:
        # A rank of a thing ("Libya's second-largest city", "the ninth compartment"):
        # unit ``rank``, of its noun; one rank of one noun is one quantity (claims.v6).
        # "First" is left out: "for the first time", "the first day" rank nothing.
        if m.label != "ORDINAL":
            continue
        rank = _ordinal(m.span.text)
        ranked = _ranked_noun(doc.tree, m.span.start, m.span.end)
        if rank is None or rank < 2 or ranked is None:
            continue
        add(m.span.start, m.span.end, float(rank), None, "rank")
        if out and out[-1].start == m.span.start and out[-1].unit == "rank":
            out[-1].counts = out[-1].label = ranked
            out[-1].verb = None
    for timex in timexes:
        if timex.type != "DURATION" or not timex.value:
            continue
        dm = _DURATION_MONTHS.match(timex.value)
        if not dm:
            continue
        n, code = int(dm.group(1)), dm.group(2)
        months = n * {"Y": 12, "M": 1, "W": 12 / 52, "D": 12 / 365}[code]
        tolerance = _HALF_STEP[code] + (QUALIFIED_DURATION_SHARE * months if timex.mod else 0.0)
        if code == "Y" and _OLD.search(text[timex.start : timex.end + 5]):
            add(timex.start, timex.end, float(n), timex.mod, "age")  # "82-year-old": in years
        elif months >= MIN_DURATION_MONTHS:
            add(timex.start, timex.end, months, timex.mod, "months", tolerance, code)
    for timex in timexes:
        # How long something took or lasted, by the clock ("about 90 seconds after
        # take-off", "40 minutes into its flight"), in seconds (since claims.v20).
        clock = _CLOCK_DURATION.match(timex.value or "") if timex.type == "DURATION" else None
        if clock is None or _clock_window(text, timex.start, timex.end, timex.text):
            continue
        code = _CLOCK_CODES[clock.group(2)]
        seconds = int(clock.group(1)) * _SECONDS_PER[code]
        tolerance = CLOCK_APPROX_SHARE * seconds if timex.mod == "APPROX" else 0.0
        add(timex.start, timex.end, seconds, timex.mod, "seconds", tolerance, code)
    for timex in timexes:
        # "was elected 18 months ago": how long ago, as of the publication day, an event
        # happened is a length too (since claims.v11), compared only with others of its
        # kind ("ago", ``_similar_durations``).
        ago = _AGO.fullmatch(timex.text) if timex.type == "DATE" else None
        back = number_in_words(ago.group(1)) if ago else None
        if ago is None or back is None:
            continue
        code = ago.group(2)[0].upper()
        months = back * _MONTHS_PER[code]
        if months < MIN_DURATION_MONTHS:
            continue
        add(timex.start, timex.end, months, timex.mod, "months", _HALF_STEP[code], code)
        if out and out[-1].start == timex.start:
            # It holds on the day it was written, not on the day it names.
            out[-1].counts, out[-1].time, out[-1].era = AGO, doc_time, None
    # The year the document was written, or at least the latest year it tells of
    # as past when its date is unknown (an article is written after what it reports).
    written_in = int(doc_time[:4]) if doc_time else None
    if written_in is None:
        told = [
            int(timex.value[:4])
            for timex in timexes
            if timex.type == "DATE"
            and not timex.relative
            and timex.value
            and re.match(r"\d{4}", timex.value)
            and tense_of(doc.tree, timex.start, timex.end) == "past"
        ]
        written_in = max(told, default=None)
    for timex in timexes:
        # A year written out, alone or with its month ("his 1973 coup", "disappeared in
        # May 1977"), or named from the publication's ("proposed last year", since
        # claims.v6): when something happened, a figure sources may disagree on. A
        # full date is the date claims'.
        if timex.type != "DATE" or not timex.value:
            continue
        if not re.fullmatch(r"\d{4}(?:-\d{2})?", timex.value):
            continue
        if re.match(r"['’]s\b", text[timex.end : timex.end + 3]):
            continue  # "last year's vote" names the event
        written = _WRITTEN_YEAR.search(timex.text)
        if written is not None and timex.value[:4] == written.group():
            start = timex.start + written.start()
            end = start + 4
        elif (
            written is None
            and timex.relative
            and doc_time
            and len(timex.value) == 4
            and _NAMED_YEAR.fullmatch(timex.text.strip())
        ):
            # "last year": the year the publication day gives ("in January last year"
            # is a month, the date claims').
            start, end = timex.start, timex.end
        else:
            continue
        if any(s.start <= start < s.end for s in out if s.doc_id == doc.id):
            continue
        # What the whole expression dates: "disappeared in May 1977" climbs from "May".
        events = _dated_event(doc.tree, timex.start, timex.end)
        if not events:
            continue
        year = int(timex.value[:4])
        add(start, end, float(year), None, "year")
        if out and out[-1].start == start and out[-1].unit == "year":
            # What happened that year, and no "as of": a year does not evolve.
            out[-1].counts = out[-1].label = events[0]
            out[-1].events = frozenset(events)
            out[-1].verb = None
            out[-1].time = None
            if written_in is not None and written_in - year >= PAST_YEARS:
                out[-1].era = "past"
            at = doc.tree.sentence_at(start)
            out[-1].names = frozenset(
                word
                for m in doc.mentions
                if m.label not in TIME_LABELS
                and m.label not in FIGURE_LABELS
                and at is not None
                and at.start <= m.span.start < at.end
                for word in re.findall(r"[a-z]{4,}", m.span.text.casefold())
            )
            out[-1].one_of = _one_of(doc.tree, start, end)
    for timex in timexes:
        # A day or a month something happened on ("arrested in London on Oct. 16",
        # "the surgery on Oct. 9", "sank on Sunday"), resolved against the publication
        # day: sources may disagree on it (claims.v6). Unit ``date``: its value is the
        # day of the month (the month for a month), its time the date it states.
        # A month and day of no known year ("Oct. 9" in an undated document) is
        # TIMEX3's "XXXX-10-09": it matches the same month and day of any year.
        stated = timex.value or (month_day(timex.text) if timex.type == "DATE" else None)
        if timex.type != "DATE" or not stated:
            continue
        if not re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}(?:-\d{2})?", stated):
            continue
        if re.match(r"['’]s\b", text[timex.end : timex.end + 3]):
            continue  # "Monday's earthquake" names the event
        if any(s.start < timex.end and timex.start < s.end for s in out):
            continue  # "in May 1977": the year's
        events = _dated_event(doc.tree, timex.start, timex.end, on_day=True)
        if not events or events[0] in SPEECH_VERBS:
            continue  # when a source said or reported something is its own news
        add(timex.start, timex.end, float(stated.rsplit("-", 1)[1]), None, "date")
        if out and out[-1].start == timex.start and out[-1].unit == "date":
            out[-1].counts = out[-1].label = events[0]
            out[-1].events = frozenset(events)
            out[-1].verb = None
            out[-1].time = stated
            out[-1].calendar = month_day(re.sub(r"\d{4}", "", timex.text)) is not None
            out[-1].toll = None
    # "killed all 109 aboard and four on the ground": a count said to be aboard or on
    # the ground beside a toll in its sentence is of that toll.
    for s in out:
        if s.unit == "count" and s.toll is None and s.where is not None:
            s.toll = next(
                (o.toll for o in out if o.toll and o.sentence == s.sentence and o is not s), None
            )
    for match in re.finditer(r"\b(several|dozens|hundreds|thousands|millions)\b", text):
        start, end = match.span()
        if any(s.start <= start < s.end + 1 for s in out if s.doc_id == doc.id):
            continue
        noun = _counted_noun(doc.tree, start, end)
        if noun is not None and noun.tag in ("NNS", "NNPS"):
            add(start, end, None, match.group(1), "count")
    for s in out:
        s.attribute = s.unit == "count" and _attribute(doc, s.start, s.end)
    return out


def _attribute(doc: ParsedArticle, start: int, end: int) -> bool:
    """Whether a count is joined by a hyphen to its noun, the two qualifying another
    noun: a size of that thing ("a 238-count indictment", "the 238-page indictment", "a
    12-member council"), not a count of the story's people or things."""
    if doc.article.text[end : end + 1] not in ("-", "‐"):
        return False
    noun = _counted_noun(doc.tree, start, end)
    return noun is not None and noun.dep in ("compound", "amod", "nmod")


_WRITTEN_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,])")
#: A year named from the publication's ("last year", "this year"), not counted back
#: ("sixty years ago" is a round figure) nor naming an event ("last year's vote").
_NAMED_YEAR = re.compile(r"(?:late\s+|early\s+)?(?:last|this|next)\s+year", re.IGNORECASE)
#: What a year may date: "in 1973" hangs from a preposition.
_YEAR_PREPOSITIONS = frozenset(("in", "since", "of", "from", "until", "by", "before", "after"))
#: What a day or a month may date: "on Oct. 16", "in January", "the night of Oct. 16"
#: ("released before Oct. 16" does not say when it was released).
_DAY_PREPOSITIONS = frozenset(("on", "in", "of"))


#: Verbs of one act: what begins or ends on a day, however the source puts it.
_SAME_ACT = {"start": "begin", "commence": "begin", "finish": "end", "conclude": "end"}


def _dated_event(tree: TokenTree, start: int, end: int, *, on_day: bool = False) -> tuple[str, ...]:
    """What a year dates: the common noun it qualifies ("his 1973 coup", "the war in
    1982"), or the verb its phrase hangs from and that verb's object ("fought the war
    in 1982": fight, war), as lemmas. None for a name ("the 2008 Porsche", "the 2012
    Olympics"), a generic verb ("was in 1998") or a year on its own.

    With ``on_day``, what a day or a month dates: also "on" ("arrested on Oct. 16"),
    and a generic verb's object ("had surgery Oct. 9": surgery)."""
    inside = tree.between(start, end)
    if not inside:
        return ()
    # The expression's own head: the token of it whose head is outside it.
    root = next(
        (t for t in inside if (h := tree.head(t)) is None or not start <= h.start < end),
        inside[0],
    )
    head = tree.head(root)
    prepositions = _DAY_PREPOSITIONS if on_day else _YEAR_PREPOSITIONS
    # (The tagger may call "since" a conjunction: "since 1952".)
    if head is not None and head.pos in ("ADP", "SCONJ") and head.lemma.lower() in prepositions:
        head = tree.head(head)
    if head is None or head.index == root.index:
        return ()
    lemma = head.lemma.lower()
    if not lemma.isalpha():
        return ()
    if head.pos == "NOUN":
        return (lemma,)
    if head.pos == "VERB":
        lemma = _SAME_ACT.get(lemma, lemma)  # "started February 15", "began February 15"
        objects = [c.lemma.lower() for c in tree.children(head) if c.dep == "dobj"]
        objects = [o for o in objects if o.isalpha()]
        if lemma not in _GENERIC_VERBS:
            actor = _named_actor(tree, head) if on_day else None
            return (lemma, *objects, *((ACTOR_MARK + actor,) if actor else ()))
        if on_day and objects and lemma not in ("say", "be"):
            return tuple(objects)
    if head.lemma.lower() == "be" and not on_day:
        # "has been the backbone of the state since 1952": what it has been.
        what = [c.lemma.lower() for c in tree.children(head) if c.dep == "attr" and c.pos == "NOUN"]
        return tuple(w for w in what if w.isalpha())
    return ()


#: Marks a dated act's named actor among its ``events`` ("@kursk").
ACTOR_MARK = "@"


def _named_actor(tree: TokenTree, verb: Token) -> str | None:
    """The name a dated act is of: its subject when a proper noun, or the name a
    relative pronoun stands for or a participle hangs from ("the Kursk, which plunged to
    the seabed on Aug. 12", "the submarine Kursk sinking on August 12": kursk), for an act
    with no object: what befell the named thing, or what it did, on a calendar day is one
    event however it is told ("sank", "plunged"; "was arrested", "was detained"), while
    "met Bush" and "flew to Sochi" are two (since claims.v11)."""
    if tree.child(verb, "dobj") is not None:
        return None  # "Putin met Bush on Aug. 12" is not what befell Putin that day
    subject = _subject_of(tree, verb)
    stands_for_head = (subject is None and verb.dep == "acl") or (
        subject is not None and subject.tag in ("WDT", "WP") and verb.dep == "relcl"
    )
    if stands_for_head:
        subject = tree.head(verb)
    if subject is None or subject.pos != "PROPN" or not subject.lemma.isalpha():
        return None
    return subject.lemma.lower()


#: A scale of the trade run into a sum's last digit, which the tagger may leave out of
#: the sum ("$199m": "199").
_SCALE_AFTER = re.compile(rf"(?:{_MONEY_SCALE})\b", re.IGNORECASE)


#: The top of a range run into a figure, with the scale the figure lacks, which the
#: tagger may leave out of it ("45-50,000": "45"; "8-10 million": "8").
_RANGE_TOP = re.compile(rf"[-–](?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?\s*(?:{_SCALE_WORDS}))\b")


def _written(text: str, start: int, end: int, unit: str) -> str:
    """A figure as written: for money, with a scale run into its last digit; a count or
    a sum with the top of a range run into it that carries the scale ("45-50,000")."""
    if not text[end - 1 : end].isdigit():
        return text[start:end]
    scale = _SCALE_AFTER.match(text, end)
    if unit == "money" and scale:
        return text[start : scale.end()]
    top = _RANGE_TOP.match(text, end) if unit in ("count", "money") else None
    return text[start : top.end()] if top else text[start:end]


def figure_of(doc: ParsedArticle, mention: Mention) -> tuple[str, float] | None:
    """The unit and value of a tagged figure ("$4.2 million": money, 4.2e6), if it has both."""
    if mention.label not in FIGURE_LABELS:
        return None
    unit = _unit_of(doc, mention.label, mention.span.start, mention.span.end)
    if unit is None:
        return None
    text = doc.article.text
    value, _ = _value(
        _written(text, mention.span.start, mention.span.end, unit), money=unit == "money"
    )
    if value is None or value <= 0:
        return None
    if unit == "count":
        if not _is_count(doc, mention.span.start, mention.span.end, value):
            return None
        # What it counts is part of the unit: 340 households and 45 people are
        # two figures, 60 people and 45 people one that differs.
        noun = _counted_noun(doc.tree, mention.span.start, mention.span.end)
        return (f"count {noun.lemma.lower()}" if noun is not None else "count"), value
    if unit == "money":
        currency = _currency_of(doc.article.text, mention.span.start, mention.span.end)
        return f"money {currency}", value
    return unit, value


#: A figure that counts a part of the one before it: "..., including two priests",
#: "..., among them 12 children" (qualifiers may stand between).
_PART = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+(?:(?:at\s+least|some|about|"
    r"nearly|more\s+than|almost|around)\s+)?$",
    re.IGNORECASE,
)
#: "a week or two", "a mile or two": a number that ends a rough "one or N" of a
#: noun written before it, an estimate of that noun, no count to compare.
_ONE_OR = re.compile(r"\b(?:a|an|one)\s+[a-z]+\s+or\s+$", re.IGNORECASE)
#: "two more people", "16,000 additional troops" (not "more than"); "another 20 people".
#: "eight of the 13 spending bills", "two of its four engines": a part of a whole.
_OF_A_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|those|these)\s+(?:\d[\d,]*|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|dozen)\b",
    re.IGNORECASE,
)
#: "with three of them in critical condition", "two of whom": a part of a count said
#: before it. (Since claims.v13.)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|us|whom|which)\b", re.IGNORECASE)
#: "wounded 19, eight seriously": how badly a part of them fared.
_DEGREE_AFTER = re.compile(
    r"\s+(?:seriously|critically|severely|badly|gravely|slightly|fatally)\s*[,;.)]",
    re.IGNORECASE,
)


def _of_them(doc: ParsedArticle, end: int) -> bool:
    """Whether a count is a part of one said before it, of which it says no more than
    how it fares ("with three of them in critical condition", "20 of them severely",
    "19 men were wounded, eight seriously");
    "12 of them Americans" names who the part are, as "including 12 Americans" does."""
    if _DEGREE_AFTER.match(doc.article.text, end):
        return True  # "19 men were wounded, eight seriously"
    found = _OF_THEM.match(doc.article.text, end)
    if found is None:
        return False
    after = doc.tree.between(found.end(), found.end() + 40)
    return not (after and after[0].pos in ("NOUN", "PROPN"))


_MORE_AFTER = re.compile(r"^\s+(?:more|additional|extra|further)\b(?!\s+than\b)", re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s+$", re.IGNORECASE)
#: A number run into letters, or joined by a hyphen to capitals, is a code: a licence
#: plate ("173GPS", "TAG 173-GPS"), a model; not "188-country", "24-hour", "1.5m", "3bn".
_CODE = re.compile(r"\d(?:(?!(?:bn|mn|m|k|b)\b)[A-Za-z]|-[A-Z]{2})")
#: A number called or dialled, naming a line (a count would count lines, calls:
#: plural), or in a telephone number's pattern is a telephone number ("called 911",
#: "the 911 call", "a 999 dispatcher", "(423) 272-7555").
_DIALLED = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|text(?:ed|ing)?)\s+$", re.I)
_PHONE_LINE = re.compile(
    r"^\s+(?:call|caller|dispatch|dispatcher|operator|supervisor|director|center|centre|line"
    r"|hotline|emergency|system|communications)\b",
    re.IGNORECASE,
)
_PHONE_NUMBER = re.compile(r"^\)?[\s.-]?\d{3}[\s.-]\d{4}\b")


def _after_point(text: str, start: int) -> bool:
    """Whether a number is written after a point with no digit before it: a fraction or
    a calibre, no count (".357 magnum", "a .22-caliber rifle"). (Since claims.v13.)"""
    point = start if text[start : start + 1] == "." else start - 1
    return (
        point >= 0
        and text[point] == "."
        and text[point + 1 : point + 2].isdigit()
        and not (point > 0 and text[point - 1].isdigit())
    )


#: A number written with a decimal and no scale ("a 7.0 magnitude earthquake", "37.4
#: Celsius"): never a toll ("1.5 million" may be).
_DECIMAL = re.compile(r"\d+\.\d+")
#: A multiple, not a count: "10 times higher", "three times as many" (not "shot 41
#: times", nor "two Times reporters").
_TIMES_OVER = re.compile(
    r"\s+times\s+(?:as|more|less|fewer|higher|lower|larger|greater|bigger|smaller|over|the)\b"
)


@functools.lru_cache(maxsize=64)
def _stamped_lines(text: str) -> int:
    """How many lines of a page open with a time stamp (a live page has several; a
    headline "1200 Workers Lose Their Jobs" is one line)."""
    return len(_STAMPED_LINE.findall(text))


#: A live page's time stamp opening a line: "1340 UN chief Ban Ki-moon says ...".
_STAMPED_LINE = re.compile(r"(?m)^\s*(?:[01]\d|2[0-3])[0-5]\d\s+[A-Z]")
_TIME_STAMP = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:GMT|local))?\s+[A-Z]")


_SLASH_PAIR = re.compile(r"\d/\d")


def _is_count(doc: ParsedArticle, start: int, end: int, value: float | None) -> bool:
    """Whether a bare number counts something: not "one of", "No. 1", an address, a
    name, the end of a rough "a week or two", a code ("173GPS"), a telephone number
    ("called 911") or, since claims.v11, a live page's time stamp opening a line ("1340
    UN chief Ban Ki-moon says ...") or a multiple ("10 times higher"); since claims.v13,
    a fraction or calibre (".357 magnum"); since claims.v14, either side of a pair
    written with a slash ("operate 24/7", "9/11")."""
    text = doc.article.text
    if (
        value is None
        or value < MIN_COUNT
        or "no." in text[max(0, start - 4) : start].lower()
        or _ADDRESS.match(text[end : end + 8])
        or _ONE_OR.search(text[max(0, start - 40) : start])
        or _CODE.search(text[start : end + 3])
        or _DIALLED.search(text[max(0, start - 12) : start])
        or _PHONE_LINE.match(text[end : end + 16])
        or _PHONE_NUMBER.match(text[end : end + 11])
        or _TIMES_OVER.match(text, end)
        or _after_point(text, start)
        # A pair written with a slash: "24/7", "9/11", "3/4" (since claims.v14).
        or _SLASH_PAIR.search(text, max(0, start - 2), min(len(text), end + 2)) is not None
        or (
            _TIME_STAMP.match(text, start)
            and not text[text.rfind("\n", 0, start) + 1 : start].strip()
            and _stamped_lines(text) >= 2
        )
    ):
        return False
    noun = _counted_noun(doc.tree, start, end)
    # "Porsche 911 Carrera", "Apollo 11": part of a name; but "five Concordes", a
    # name in the plural after its number, counts things of that name.
    plural_name = (
        noun is not None and noun.start >= end and re.fullmatch(r"[A-Z]\w*[^s\W]s", noun.text)
    )
    return noun is None or noun.tag != "NNP" or plural_name is not None


def _currency_of(text: str, start: int, end: int) -> str | None:
    """The currency of a figure: a sign or word in it, just before it, or just after it."""
    inside = _CURRENCY.search(text[max(0, start - 3) : end])
    # "50 dollars", "12.4 billion Danish kroner"
    following = re.sub(r"^\s*(?:[A-Z][a-z]+\s+)?", "", text[end : end + CURRENCY_AFTER_CHARS])
    after = _CURRENCY.match(following)
    found = inside or after
    return _currency(found) if found else None


def _unit_of(doc: ParsedArticle, label: str, start: int, end: int) -> str | None:
    """What a tagged figure measures: percent, money, count, or a measure ("mile").

    The words decide, the tagger's label only where they do not: "as much as 9
    pounds" tagged a percentage is a weight; "a 9-pound tire part" is no money.
    """
    text = doc.article.text
    span = text[start:end]
    if _PERCENT.search(text[start : end + 9]):
        return "percent"
    if _money(text, label, start, end):
        return "money"  # "$4.2 million", "2 million euros" (tagged a number)
    if label == "MONEY":
        # A figure with no currency is not money, whatever the tagger says
        # ("161 million years ago", "100 million Kalashnikov rifles").
        return None if re.search(r"\b(?:years?|ago)\b", span) else "count"
    if label in ("QUANTITY", "PERCENT"):
        nouns = [t.lemma.lower() for t in doc.tree.between(start, end) if t.pos == "NOUN"]
        if not nouns:
            return None
        # A rate is its own measure: "300 km/h", "120 km per hour", "195 miles an hour"
        # is a speed, not a distance ("300 km").
        rate = _PER_TIME.search(text[start : end + RATE_CHARS])
        if rate is not None:
            what = rate.group(1).lower()
            lemma = next(
                (t.lemma.lower() for t in doc.tree.between(start, end) if t.text.lower() == what),
                what,
            )
            return f"{_MEASURE_SPELLING.get(lemma, lemma)}/{rate.group(2)[0].lower()}"
        return _MEASURE_SPELLING.get(nouns[-1], nouns[-1])
    glued = _GLUED_MEASURE.match(text, end)
    if (
        glued is not None
        and not _scale_of_a_noun(doc, end + len(glued.group(1)))
        and not (glued.group(1).lower() == "m" and "." in span)
    ):
        # "falling about 60m from a ridge", "a 30ft wave": a length the tagger took
        # for a number (not "60m viewers", nor "peaking at 6.9m": a million).
        return _GLUED_UNITS[glued.group(1).lower()]
    return "count"


#: A unit written against its figure ("60m", "600ft", "5km"), the tagger leaving it out.
_GLUED_MEASURE = re.compile(r"(m|km|cm|mm|ft|mi|kg)\b", re.IGNORECASE)
_GLUED_UNITS = {
    "m": "meter", "km": "kilometer", "cm": "centimeter", "mm": "millimeter", "ft": "foot",
    "mi": "mile", "kg": "kilogram",
}  # fmt: skip


def _scale_of_a_noun(doc: ParsedArticle, after: int) -> bool:
    """Whether the word after a figure's glued letters is a noun it counts ("60m viewers":
    the "m" a million), not a length's place ("60m from a ridge")."""
    following = next((t for t in doc.tokens if t.start >= after), None)
    return following is not None and following.pos in ("NOUN", "PROPN", "ADJ")


#: A measure per a unit of time: "km/h", "km per hour", "miles an hour" (the measure's
#: word, the time's); up to ``RATE_CHARS`` past the figure.
_PER_TIME = re.compile(
    r"([A-Za-z]+)\s*(?:/|\s+per\s+|\s+an?\s+)(hours?|h|seconds?|sec|s|minutes?|min|day)\b",
    re.IGNORECASE,
)
RATE_CHARS = 14


#: A pound that is a weight: "a 9-pound part", "weighing 9 pounds".
_WEIGHT = re.compile(r"\d-pounds?\b|\bweigh", re.IGNORECASE)


def _money(text: str, label: str, start: int, end: int) -> bool:
    """Whether a figure is a sum of money: a currency in or beside it, and for the
    word "pound" not a weight (a sum in pounds is tagged money, has a scale or "£")."""
    currency = _currency_of(text, start, end)
    if currency is None or label not in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT"):
        return False
    if currency == "GBP" and label != "MONEY" and "£" not in text[max(0, start - 3) : end]:
        if label in ("QUANTITY", "PERCENT") and not re.search(
            rf"\d\s*(?:{_MONEY_SCALE})\b", text[start:end], re.IGNORECASE
        ):
            return False  # the tagger saw a measure: "9 pounds", "as much as 9 pounds"
        sentence_start = text.rfind(".", 0, start) + 1
        if _WEIGHT.search(text[sentence_start : end + CURRENCY_AFTER_CHARS]):
            return False
    return True


def _same_date(a: str, b: str) -> bool:
    """One date, a year unknown ("XXXX-10-09") matching any year's same month and day."""
    if a.startswith("XXXX") or b.startswith("XXXX"):
        return a[4:] == b[4:]
    return a == b


def _close(a: _Statement, b: _Statement) -> bool:
    """Whether two values of one quantity are the same figure.

    Durations (and ages, "a 49-year-old"): within the precision their units and qualifiers allow
    ("22 months" and "two years" are; "25 years" and "30-year" are not).
    Other figures: equal, or within 10% when one of them is qualified ("about
    250", "more than 200") or written round (a multiple of 50 from 100 on:
    "200 people", "5,000"); 10 and 11 dead, or 247 and 248, are two figures.
    """
    if a.value is None or b.value is None:
        return True
    if a.unit == "seconds":
        return _clock_close(a, b)
    if a.unit == "months":
        return abs(a.value - b.value) <= a.tolerance + b.tolerance + 1e-9
    if a.unit in ("age", "year", "rank"):
        return a.value == b.value
    if a.unit == "date":
        return a.time is not None and b.time is not None and _same_date(a.time, b.time)
    if a.unit == "percent" and not (a.qualifier or b.qualifier):
        # Percentages as precise as they are written: 3.1% is not 3.4%, 38% not 40%.
        return _percents_agree(a.value, a.text, b.value, b.text)
    if a.unit in ("count", "money") and not (
        a.qualifier or b.qualifier or _rounded(a.value) or _rounded(b.value)
    ):
        return a.value == b.value
    return max(a.value, b.value) / max(min(a.value, b.value), 1e-9) <= AGREE_RATIO


def figures_agree(
    unit: str, a: float, a_text: str, b: float, b_text: str, *, whole_part: bool = True
) -> bool:
    """Whether two figures of one unit, as written, can be the same figure (the rules of
    ``_close``): counts and money equal unless one is qualified ("about 250") or round
    ("5,000"); percentages within the precision they are written to (52.9% and 52.94%
    are, 38% and 40% are not), and with ``whole_part`` a whole one also a precise one
    cut to its whole part ("29 percent", "29.6 percent"); other units within 10%."""
    qualified = _value(a_text)[1] is not None or _value(b_text)[1] is not None
    if unit.split(" ")[0] in ("count", "money") and not (qualified or _rounded(a) or _rounded(b)):
        return a == b
    if unit == "percent" and not qualified:
        return _percents_agree(a, a_text, b, b_text, whole_part=whole_part)
    return max(a, b) / max(min(a, b), 1e-9) <= AGREE_RATIO


#: Judgement call: a figure written as a multiple of this (from ``ROUND_FROM``
#: on) may be rounded, and agrees with figures within 10% of it.
ROUND_STEP = 50
ROUND_FROM = 100


#: Judgement call: an exact count from this on, not a multiple of ten, is one a story
#: gives of one thing only ("118 sailors", "247 dead"); smaller or rounder ones
#: ("12 Americans", "20 boats") count many things in one story.
DISTINCTIVE_FROM = 20


def _distinctive(value: float) -> bool:
    return value >= DISTINCTIVE_FROM and value == int(value) and int(value) % 10 != 0


def _rounded(value: float) -> bool:
    return value >= ROUND_FROM and value == int(value) and int(value) % ROUND_STEP == 0


def _percents_agree(
    a: float, a_text: str, b: float, b_text: str, *, whole_part: bool = True
) -> bool:
    """Whether two percentages can be one, as precisely as they are written (3.1% is not
    3.4%, 38% not 40%); with ``whole_part`` a whole percentage may also be a precise one
    cut to its whole part, as news often writes it ("29.6 percent", "29 percent"; since
    claims.v15)."""
    if abs(a - b) <= _half_step(a_text) + _half_step(b_text) + 1e-9:
        return True
    if not whole_part:
        return False
    whole, precise = (a, b) if _half_step(a_text) > _half_step(b_text) else (b, a)
    return _half_step(a_text) != _half_step(b_text) and whole == int(whole) == int(precise)


def _half_step(written: str) -> float:
    """Half the step of the last digit a figure is written to ("3.1%": 0.05, "38%": 0.5)."""
    m = re.search(r"\d+(?:\.(\d+))?", written)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    return 0.5 * 10.0**-decimals


#: Prepositions of a phrase that says when something happened, not what.
_WHEN_PREPOSITIONS = frozenset(("after", "before", "since", "until", "following", "ahead"))


def _toll_of(
    tree: TokenTree, sentence_start: int, sentence_end: int, start: int, end: int
) -> str | None:
    """The toll a count is of: its own verb's (since claims.v10), else the toll word
    nearest it, or in the subject of its verb.

    "killing at least 12 people and injuring more than 200": 12 dead, 200
    injured; "the number of people killed rose to 30": 30 dead.
    """
    here = tree.between(sentence_start, sentence_end)

    def in_sentence(index: int) -> Token | None:
        t = tree.token(index)
        return t if t is not None and sentence_start <= t.start < sentence_end else None

    def toll_of(t: Token) -> str | None:
        if t.pos == "PROPN":
            return None  # a name's word: "the National Right to Life Committee" (claims.v13)
        toll = TOLL_WORDS.get(t.lemma.lower()) or TOLL_WORDS.get(t.text.lower())
        if toll and t.lemma.lower() == "toll":
            # "the injured toll", "the death toll": the toll its word names (claims.v13).
            named = (
                TOLL_WORDS.get(c.lemma.lower())
                for c in tree.children(t)
                if c.dep in ("amod", "compound")
            )
            toll = next((x for x in named if x), toll)
        return toll

    number = next((t for t in here if start <= t.start < end), None)
    digits = next((t for t in here if start <= t.start < end and t.dep == "nummod"), number)
    noun = tree.head(digits) if digits is not None and digits.dep == "nummod" else None
    figure = {t.index for t in here if start <= t.start < end}
    if noun is not None:
        figure.add(noun.index)
    counted = noun if noun is not None else number
    if counted is not None and _does_the_harm(tree, counted, toll_of):
        return None

    def own_words(root: Token) -> list[Token]:
        """The words of a phrase but those of a clause of another noun in it: "two
        suspects in the bombing that killed 270" (since claims.v13), but "12 people who
        were killed", "14 foreigners arrested"."""
        out = tree.subtree(root)
        nested = {
            x.index
            for t in out
            if t.dep in _CLAUSES and t.head not in figure and t.index != root.index
            for x in tree.subtree(t)
        }
        return [t for t in out if t.index not in nested]

    if noun is not None and noun.dep == "pobj" and (preposition := tree.head(noun)) is not None:
        # A figure's noun in a phrase of a toll word counts that toll ("the deaths of 19
        # people"); in a phrase of a copula, only the toll its own words name ("was
        # among 14 foreigners arrested"; "were of 19 nationalities": none, however near
        # "the dead and injured" are). (Since claims.v13.)
        holder = tree.head(preposition)
        if holder is not None and holder.index != preposition.index:
            if not _is_verb(holder) and (
                toll := toll_of(holder) or KILLINGS_OF.get(holder.lemma.lower())
            ):
                return toll
            if holder.pos == "AUX":
                own = (toll_of(t) for t in own_words(noun) if not start <= t.start < end)
                return next((x for x in own if x), None)
    verb = number
    phrase = number  # the top of the figure's own phrase below its verb
    argument = True  # the figure or its noun is the verb's own subject or object
    for _ in range(VERB_HOPS):  # up to the verb the figure hangs from ("rose to 30")
        if verb is None or _is_verb(verb) or verb.head == verb.index:
            break
        if not (start <= verb.start < end or verb.dep in _NOMINAL or verb.dep in _ALSO_ARGUMENT):
            argument = False  # "with five dead, more than 100 injured": five is not injured
        phrase = verb
        verb = in_sentence(verb.head)
    own_clause = argument and verb is not None and _is_verb(verb)
    if own_clause and verb is not None and (toll := toll_of(verb)):
        # Its own verb first: "Eight were killed and 850 people were injured" (850
        # injured, however near "killed" is); "Four people on the ground and all 109
        # aboard were killed".
        return toll
    if (
        own_clause
        and verb is not None
        and verb.dep in ("acl", "relcl")
        and (held := tree.head(verb)) is not None
        and (toll := toll_of(held))
    ):
        return toll  # the toll its verb is said of: "injuries sustained by 790 troops"
    in_phrase = {t.index for t in own_words(phrase)} if own_clause and phrase else set()

    def up_to(t: Token, stop: Callable[[Token], bool], hops: int) -> Token | None:
        """The first of ``t`` and its heads in the sentence (within ``hops``) that ``stop``
        accepts."""
        for _ in range(hops):
            if stop(t):
                return t
            parent = in_sentence(t.head)
            if parent is None or parent.index == t.index:
                return None
            t = parent
        return None

    def clause_verb(t: Token) -> Token | None:
        return up_to(t, _is_verb, VERB_HOPS)

    def joined(other: Token | None) -> bool:
        """The figure's own verb, or one joined to it ("injured and maimed 200")."""
        if other is None or verb is None:
            return False
        if other.index != verb.index and any(
            c.dep == "dobj" or (other.dep == "conj" and c.dep in ("nsubj", "nsubjpass"))
            for c in tree.children(other)
        ):
            # A verb with its own subject or object is its own clause: "has infected
            # 1,000 people and killed around 150" (since claims.v14).
            return False
        return (
            other.index == verb.index
            or (other.dep == "conj" and other.head == verb.index)
            or (verb.dep == "conj" and verb.head == other.index)
            or (other.dep == verb.dep == "conj" and other.head == verb.head)
        )

    def when(t: Token) -> bool:
        """Whether a word is in a phrase that says when its verb happened ("received
        messages hours after Shepard's death"): a time, not what was counted."""
        for _ in range(VERB_HOPS):
            parent = in_sentence(t.head)
            if parent is None or parent.index == t.index or _is_verb(parent):
                return False
            if parent.dep == "prep" and parent.lemma.lower() in _WHEN_PREPOSITIONS:
                return True
            t = parent
        return False

    best: tuple[int, str] | None = None
    for t in here:
        if start <= t.start < end or (toll := toll_of(t)) is None:
            continue
        if own_clause and t.index not in in_phrase and when(t):
            continue  # (since claims.v14)
        if own_clause and t.index not in in_phrase and not joined(clause_verb(t)):
            # A count that is its own verb's subject or object takes no toll word of
            # another clause: "are not hurt, especially in Gaza, where 1.7 million
            # people are squeezed" (but "left 60 people dead", "reported 13 protesters
            # killed").
            continue
        gap = t.start - end if t.start >= end else start - t.end
        if gap <= CONTEXT_CHARS and (best is None or gap < best[0]):
            best = (gap, toll)
    if best:
        return best[1]
    if verb is None or not _is_verb(verb):
        return None
    subject = next((t for t in here if t.head == verb.index and t.dep == "nsubj"), None)
    if subject is None:
        return None

    def under_subject(t: Token) -> bool:
        return up_to(t, lambda x: x.index == subject.index, SUBJECT_HOPS) is not None

    return next((toll for t in here if under_subject(t) and (toll := toll_of(t))), None)


#: Prepositions of a place: a count in their phrase counts places, not the harmed.
_WHERE_PREPOSITIONS = frozenset(("in", "at", "across", "throughout", "near", "around"))


def _does_the_harm(tree: TokenTree, counted: Token, toll_of: Callable[[Token], str | None]) -> bool:
    """Whether what a figure counts does the harm rather than suffers it, or is where it
    happened ("in two other cities", a place or an institution): the subject of a toll
    verb that has an object ("three bombs killed 20 people"), the noun a toll clause
    with an object is said of ("four blasts that killed nearly 300 people", "two cities
    which claimed over 300 lives"), or the agent of a passive one ("killed by two
    bombs"). Such a figure counts bombs, blasts or gunmen, not the dead (since
    claims.v20; found in DUC 2006's Chechnya topic, where "four recent bomb blasts
    ... that killed nearly 300" made four a death toll)."""

    def harming(verb: Token | None) -> bool:
        return (
            verb is not None
            and verb.pos == "VERB"
            and toll_of(verb) is not None
            and any(c.dep == "dobj" for c in tree.children(verb))
        )

    head = tree.head(counted)
    place = counted  # "in Moscow and two other cities": the phrase of the first conjunct
    for _ in range(VERB_HOPS):
        above = tree.head(place)
        if place.dep != "conj" or above is None or above.index == place.index:
            break
        place = above
    held = tree.head(place)
    if (
        place.dep == "pobj"
        and held is not None
        and held.lemma.lower() in _WHERE_PREPOSITIONS
        and counted.lemma.lower() not in _ANY_PEOPLE
    ):
        return True  # where it happened: "killed 300 people in Moscow and two other cities"
    if counted.pos == "NOUN" and counted.lemma.lower() in NAME_HEAD_NOUNS:
        return True  # places and institutions, however parsed: "two cities", "three schools"
    if counted.dep == "nsubj" and harming(head):
        return True
    if any(c.dep == "relcl" and harming(c) for c in tree.children(counted)):
        return True
    if counted.dep == "pobj" and head is not None and head.dep == "agent":
        doer = tree.head(head)
        return doer is not None and doer.pos == "VERB" and toll_of(doer) is not None
    return False


def _verb_above(tree: TokenTree, start: int, end: int) -> int | None:
    """The index of the verb a span hangs from (its last word or the first of that
    word's heads that is a verb, within ``VERB_HOPS``; of verbs joined by "and", the
    first)."""
    inside = tree.between(start, end)
    token: Token | None = inside[-1] if inside else None
    for _ in range(VERB_HOPS):
        if token is None:
            return None
        if _is_verb(token) and not start <= token.start < end:
            # Verbs joined in one clause are one ("were killed and three wounded on
            # March 1"): the first of them.
            while token.dep == "conj" and (first := tree.token(token.head)) is not None:
                if not _is_verb(first) or first.index == token.index:
                    break
                token = first
            return token.index
        if token.head == token.index:
            return None
        token = tree.token(token.head)
    return None


_MONTH_NAMED = re.compile(
    r"\b(?:" + "|".join(m.lower()[:3] for m in MONTHS) + r")[a-z]*\.?(?:\s|$)", re.IGNORECASE
)

#: Two tolls whose own verbs are dated this many days apart or more are of two incidents
#: ("two policemen were killed Sunday", "three policemen were killed Tuesday", a week
#: on), not one toll told twice (judgement call: a day or two of slack for a death
#: reported the day after, or a weekday resolved a week off).
INCIDENT_DAYS = 3


def _incidents_apart(a: _Statement, b: _Statement) -> bool:
    """Whether two tolls are dated to two incidents: their days (or the months, weeks or
    years their verbs are dated to: "bombings in September that killed about 300") at
    least ``INCIDENT_DAYS`` apart."""
    first, second = date_of(a.incident), date_of(b.incident)
    if first is None or second is None:
        return False
    gap = max(first[0] - last_day(*second), second[0] - last_day(*first))
    return gap.days >= INCIDENT_DAYS


def _is_verb(t: Token) -> bool:
    """A verb that heads a clause; not one in a preposition's place ("including",
    "according to")."""
    return t.pos == "VERB" and t.dep != "prep"


def _similar(a: _Statement, b: _Statement, similarity: float) -> bool:
    if (
        a.unit != b.unit
        or a.increment != b.increment
        or a.rate != b.rate
        or a.part != b.part
        # A day's figure is not the running total; the same figure written once with
        # its window and once without is still one ("referred 238 callers in the past
        # 24 hours", "in 238 cases, the caller ... was referred").
        or (a.daily != b.daily and a.value != b.value)
        # Parts of wholes are one only at one figure: "two of them seriously" and
        # "three seriously" may be parts of two wholes (since claims.v13).
        or (a.part and a.value != b.value)
    ):
        return False
    if a.unit in ("count", "money", "percent") and a.era != b.era:
        return False  # the toll of an earlier disaster is not this one's
    if a.unit == "percent" and a.poll != b.poll:
        # A poll's share says what people would do, not what they did or what is
        # required ("polls put his rating at more than 50 percent", "the 50 percent
        # needed to validate the vote"): never one quantity with a share of no poll.
        return False
    if a.unit == "count" and not _vague_fits(a, b):
        return False  # "dozens of vigils", "two vigils"
    if (
        a.toll
        and b.toll
        and a.value != b.value
        and a.counts not in _ANY_PEOPLE
        and b.counts not in _ANY_PEOPLE
        and a.counts
        and b.counts
        and a.counts != b.counts
    ):
        return False  # "three civilians" and "56 soldiers" killed: two parts of the dead
    if a.toll and b.toll:
        # People killed, dead, the death toll: one quantity however it is put;
        # the injured are another; and the dead of one place are not another's,
        # nor those aboard the dead on the ground, nor those of another day's attack.
        return (
            a.toll == b.toll
            and not _incidents_apart(a, b)
            and a.where == b.where
            and a.who == b.who
            and _places_agree(a.places, b.places)
            # A toll that names no place is of the story's own country, not of one
            # abroad ("six women were arrested in Gaza City" in a story of Egypt).
            and (a.abroad == b.abroad or (bool(a.places) and bool(b.places)))
        )
    if a.unit == "count" and not _places_agree(a.places, b.places):
        return False  # "64 confirmed cases in the United States", "13 cases in Canada"
    if a.unit == "months":
        return _similar_durations(a, b, similarity)
    if a.unit == "seconds":
        return _similar_clock(a, b, similarity)
    if a.unit == "rank":
        # One rank of one thing ("second-largest city" twice); another rank of it
        # may be another thing of that kind (the third war is not the second).
        # And in like words: "second-largest city" is said of many cities.
        return (
            a.counts is not None
            and a.counts == b.counts
            and a.value == b.value
            and similarity >= SAME_QUANTITY
        )
    if a.unit == "date":
        # One event's day (or month): the same date of the same event in like words,
        # or in much the same words. Two dates never join: in live coverage the same
        # verb ("gathered on Friday", "gathered on Saturday", "released", "met")
        # is a new happening each day far more often than two accounts of one, so a
        # "conflict" of dates would mostly be false (read on Timeline17). A day
        # never joins a month.
        if a.time is None or b.time is None or len(a.time) != len(b.time):
            return False
        if not _same_date(a.time, b.time):
            return False
        # A calendar date names its day: the same event on it is one claim. "On
        # Friday" is said of every happening of a day: it needs like words too.
        same_event = bool(a.events & b.events)
        if a.calendar and b.calendar and same_event:
            return True
        return (same_event and similarity >= SAME_QUANTITY) or similarity >= SAME_QUANTITY_BARE
    if a.unit == "year":
        # One event's year: the same year with the same event or words around it;
        # another year only of the same event in the same words.
        same_event = bool(a.events & b.events)
        if a.value == b.value:
            # A year long past is one event of the story's history ("his 1973 coup",
            # "seized power in 1973"), whatever the words.
            # A year long past of one named actor or place of the story's history
            # ("his 1973 coup", "Pinochet ruled from 1973"); not of two others ("the
            # ValuJet crash in 1996", "the Aeroperu crash in 1996"; since claims.v20).
            return (
                same_event
                or similarity >= SAME_QUANTITY
                or (a.era == b.era == "past" and _names_alike(a.names, b.names))
            )
        # Another year of one of several things of a kind is another of them ("a
        # 2008 interview", "a 2011 interview"; "the 2016 decision", "a 2012 decision").
        return same_event and similarity >= SAME_QUANTITY and not (a.one_of or b.one_of)
    if a.unit == "age":
        # Ages of one person (named: "the 82-year-old Pinochet", or in apposition:
        # "Pinochet, 82,") are one quantity, of two people two; an unnamed person's
        # ("the 82-year-old general") is a named one's of the same age, or the same
        # age of the same noun.
        if a.owner and b.owner:
            return a.owner == b.owner
        if a.owner or b.owner:
            return (
                a.value == b.value
                and (a.counts or b.counts) is not None
                and not (a.shared_age or b.shared_age)
            )
        return a.counts is not None and a.counts == b.counts and a.value == b.value
    if a.owner and b.owner:
        # Shares of one named owner are one quantity ("Putin had 52.4 percent",
        # "Putin gained 52.9 percent of votes"); another owner's never are.
        return (
            a.owner == b.owner
            and a.poll == b.poll
            and (a.counts is None or b.counts is None or a.counts == b.counts)
        )
    if a.owner or b.owner:
        # A named owner's share and a share of no one ("with 93 percent of the vote
        # counted"): one only in the same verb, of the same thing at the same value, or
        # in much the same words.
        return (
            (a.verb is not None and a.verb == b.verb)
            or (a.counts is not None and a.counts == b.counts and a.value == b.value)
            or similarity >= SAME_QUANTITY_BARE
        )
    if (
        a.unit == "count"
        and a.value is not None
        and a.value == b.value
        and _distinctive(a.value)
        and not (a.qualifier or b.qualifier)
        and not (a.toll or b.toll)
        and (a.counts == b.counts or not (a.attribute or b.attribute))
    ):
        # The same exact count of a story, however it names what it counts ("118 crew",
        # "the 118 sailors", "the bodies of 118 men"): one quantity; but a size of a
        # thing only of the same noun ("238-count", "238-page").
        return True
    if a.counts and b.counts and a.counts != b.counts:
        return False  # containers are not vessels
    if _kinds_differ(a.kinds, b.kinds) and not (a.toll or b.toll):
        return False  # "20 confirmed cases", "20 suspected cases"
    if a.currency and b.currency and a.currency != b.currency:
        return False  # £14m and $19.6m may be one sum, but not one figure
    if a.value is not None and a.value == b.value:
        if a.unit not in _NOT_MEASURES:
            return True  # "about 195 mph", "around 195 mph": one speed in one story
        if (
            a.unit in ("count", "percent")
            and a.counts
            and a.counts == b.counts
            and not (a.toll or b.toll)
        ):
            # "some 100 technicians transported", "some 100 technicians removed";
            # "boost pensions by 20 percent", "pensions increased by 20 percent"
            return True
    # Two figures that differ are one quantity only of one referent (the same noun,
    # owner or toll, above, or a noun both are said of: "its offer of a 4.5% pay
    # rise", "raises its offer to 6%"): like words are not enough, since in one story
    # every sentence shares its words ("the average bill rose from $65", "prices now
    # average $75 a household"); nor, since claims.v11, one verb alone ("the KLSE fell
    # 0.9 percent", "oil prices fell more than 2 percent").
    same_verb = a.verb is not None and a.verb == b.verb
    said_of = (a.referents - {a.counts}) & (b.referents - {b.counts})
    # The same counted noun is one referent when it is said with the same verb, or one
    # says only how many there are ("leaving 1,200 containers stranded", "the backlog
    # tops 3,400 containers"), or of a noun both hang from, or in two exact figures of a
    # story near each other ("116 sailors trapped", "the remains of 118 sailors"), since
    # claims.v11: "97 rockets hit Israel" and "fired more than 300 rockets" count two
    # sets of rockets, "won three games" and "in 9 games" two sets of games.
    near = (
        _distinctive(a.value or 0.0)
        and _distinctive(b.value or 0.0)
        and max(a.value or 0.0, b.value or 0.0) / max(min(a.value or 0.0, b.value or 0.0), 1e-9)
        <= DURATION_RATIO
    )
    level = a.verb in _LEVEL_VERBS or b.verb in _LEVEL_VERBS
    one_referent = bool(
        a.counts and a.counts == b.counts and (same_verb or level or said_of or near)
    ) or bool(said_of)
    if same_verb and (one_referent or (_close(a, b) and similarity >= SAME_QUANTITY)):
        return True  # "killed over 60,000 people" / "killed some 250,000"
    if not _close(a, b) and not one_referent:
        return False
    if (a.counts is None) != (b.counts is None) and a.unit == "count":
        return similarity >= SAME_QUANTITY_BARE  # a bare number needs more context to match
    return similarity >= SAME_QUANTITY


#: Judgement call: a figure whose sentence dates it this many days or more before
#: its publication is of another time (background: an earlier disaster's toll).
BACKGROUND_DAYS = 365


def _era(time: str | None, published: str | None) -> str | None:
    """The date a figure holds for when it is a year or more before its publication."""
    when, day = date_of(time), date_of(published)
    if when is None or day is None:
        return None
    return time if (day[0] - when[0]).days >= BACKGROUND_DAYS else None


_INDEFINITE = frozenset(("a", "an", "another"))
_TOLL_WORD = "|".join(sorted(TOLL_WORDS, key=len, reverse=True))
#: How badly, between "the" and the toll word: "the most severely injured".
_HOW_BADLY = r"(?:(?:most|more|severely|seriously|critically|badly|gravely|slightly)\s+){0,2}"
#: A figure that counts charges ("11 counts of murder", "two charges of manslaughter").
_CHARGES = re.compile(r"\s+(?:additional\s+|more\s+|separate\s+)?(?:counts?|charges?)\b", re.I)
#: "18 of the dead", "seven of the most severely injured", "three of those killed".
_OF_THE_TOLL = re.compile(rf"\s+of\s+(?:the|those)\s+{_HOW_BADLY}(?:{_TOLL_WORD})\b", re.IGNORECASE)
#: "Of the injured, at least 57 ...": the whole before the part.
_OF_THE_TOLL_BEFORE = re.compile(
    rf"\b(?:of|among)\s+(?:the|those)\s+{_HOW_BADLY}(?:{_TOLL_WORD}),\s+"
    r"(?:(?:at\s+least|some|about|nearly|more\s+than|almost|around|only)\s+)?$",
    re.IGNORECASE,
)


def _one_of(tree: TokenTree, start: int, end: int) -> bool:
    """Whether a year written before a noun dates one of several things of its kind:
    the noun is indefinite ("a 2008 interview", "another 2011 ruling")."""
    inside = tree.between(start, end)
    head = tree.head(inside[-1]) if inside else None
    if head is None or head.pos not in ("NOUN", "PROPN") or head.start < end:
        return False
    return any(c.dep == "det" and c.text.lower() in _INDEFINITE for c in tree.children(head))


#: Judgement call: a year this many years before its publication is the story's
#: history; the same one twice is one event.
PAST_YEARS = 2

#: Units that are not a physical measure ("mph", "pound", "meter").
_NOT_MEASURES = frozenset(
    ("count", "money", "percent", "months", "seconds", "age", "year", "date", "rank")
)
#: Units of a length of time: compared within the precision of their units and qualifiers.
_LENGTHS = frozenset(("months", "seconds"))
#: Units whose figures are large without being specific: years (many in a story) and
#: clock lengths, kept in seconds ("24 hours" is 86,400 of them).
_NOT_LARGE = frozenset(("year", "seconds"))

#: Between a person's name and an age in apposition, and after the age: "Pinochet, 82,".
_AGE_BETWEEN = re.compile(r",\s*")
_AGE_AFTER = re.compile(r"\s*[,;)]")
#: Judgement call: ages in apposition are below this.
MAX_AGE = 120


def _person_at(doc: ParsedArticle, offset: int, is_person: Callable[[Mention], bool]) -> str | None:
    """The entity id of the person mention at an offset, if any."""
    return next(
        (m.entity_id for m in doc.mentions if is_person(m) and m.span.start <= offset < m.span.end),
        None,
    )


def _noun_before_age(doc: ParsedArticle, start: int, end: int) -> str | None:
    """The common noun an age stands in apposition to ("the general, 82, was"), as a
    lemma: a singular noun just before ", 82," whose phrase starts with a determiner."""
    text = doc.article.text
    before = re.search(r"(\w+),\s*$", text[max(0, start - 40) : start])
    if before is None or not _AGE_AFTER.match(text, end):
        return None
    at = start - len(before.group(0))
    token = next((t for t in doc.tree.between(at, at + 1)), None)
    if token is None or token.tag != "NN":
        return None
    if not any(c.dep == "det" for c in doc.tree.children(token)):
        return None
    return token.lemma.lower()


#: Judgement call: a figure's clause is looked for at most this many heads above it
#: ("Zyuganov was second with 29.6 percent": 29.6, percent, with, was); deeper in a
#: noun phrase ("improved on its offer of a 4.5% pay rise") the subject is not whose
#: figure it is.
OWNER_HOPS = 3
_OWNER_LABELS = frozenset(("PERSON", "ORG", "NORP", "GPE"))
#: Words that tell a share is a poll's.
_POLL_WORDS = frozenset(("poll", "survey", "respondent", "pollster"))


def _in_absolute_phrase(doc: ParsedArticle, start: int) -> bool:
    """Whether a figure is in an opening "With ..., " phrase that has its own verb
    ("With 93 percent of the vote counted, Putin had 52.4 percent"): the phrase's
    figure is not the subject's."""
    sentence = doc.tree.sentence_at(start)
    if sentence is None:
        return False
    text = doc.article.text
    if not re.match(r"\s*with\s", text[sentence.start : start], re.IGNORECASE):
        return False
    if "," in text[sentence.start : start]:
        return False
    comma = text.find(",", start, sentence.end)
    if comma < 0:
        return False
    return any(t.tag in ("VBN", "VBG") for t in doc.tree.between(start, comma))


def _owner_of(doc: ParsedArticle, start: int, end: int) -> str | None:
    """The named subject of the clause a figure sits in: the entity id of a mention
    that holds the subject of the nearest verb above it with one."""
    tree = doc.tree
    inside = tree.between(start, end)
    if not inside:
        return None
    if _in_absolute_phrase(doc, start):
        return None

    def named(token: Token) -> str | None:
        return next(
            (
                m.entity_id
                for m in doc.mentions
                if m.entity_id
                and m.label in _OWNER_LABELS
                and m.span.start <= token.start < m.span.end
            ),
            None,
        )

    # The figure's head word ("percent" in "about 7 percent"), whose heads are its clause.
    figure = next((t for t in inside if not start <= (tree.head(t) or t).start < end), inside[0])
    # "15 percent for Zyuganov": whose share the figure is, said beside it.
    for prep in tree.children(figure):
        if prep.dep == "prep" and prep.lemma.lower() == "for":
            held = tree.child(prep, "pobj")
            if held is not None and (owner := named(held)) is not None:
                return owner

    def person(token: Token) -> str | None:
        # "he", "his": the person named last before it, in its sentence or the two before
        # ("... support for Putin down ... compared to the 60 percent he had received").
        if token.lemma.lower() not in _PERSONAL_PRONOUNS and token.text.lower() not in (
            _PERSONAL_PRONOUNS
        ):
            return named(token)
        sentence = tree.sentence_at(token.start)
        first = doc.sentences[max(0, sentence.index - OWNER_SENTENCES)].start if sentence else 0
        # Not a person the given name says is of the other gender ("she" is not Hugo).
        wrong = "f" if token.text.lower() in ("he", "his", "him") else "m"
        before = [
            m
            for m in doc.mentions
            if m.label == "PERSON"
            and m.entity_id
            and first <= m.span.start < token.start
            and _gender(doc, m.entity_id) != wrong
        ]
        return before[-1].entity_id if before else None

    # "the 60 percent he had received": the one its relative clause gives it to.
    for clause in tree.children(figure):
        if clause.dep == "relcl" and clause.lemma.lower() in _HOLDING:
            subject = tree.child(clause, "nsubj")
            if subject is not None and (owner := person(subject)) is not None:
                return owner
    for token in tree.ancestors(figure, OWNER_HOPS):
        # A root the tagger took for a noun is a verb still ("Zyuganov trails with 20
        # percent").
        if token.pos not in ("VERB", "AUX") and token.dep != "ROOT":
            continue
        subject = _subject_of(tree, token)
        if subject is None:
            continue
        # Or the name beside it ("Putin's nearest rival, Gennady Zyuganov, trails").
        beside = (c for c in tree.children(subject) if c.dep == "appos")
        found = next((o for t in (subject, *beside) if (o := person(t)) is not None), None)
        if found is not None or subject.pos not in ("NOUN", "PRON"):
            return found
        # (Since claims.v17.) Polls' share of the one they choose ("58 percent of
        # respondents would choose Putin"), or of what they put at it ("polls put his
        # approval rating at more than 50 percent").
        if start <= subject.start < end:
            chosen = tree.child(token, "dobj") if token.lemma.lower() in _CHOOSING else None
            return person(chosen) if chosen is not None else None
        measured = tree.child(token, "dobj")
        holder = tree.child(measured, "poss") if measured is not None else None
        return person(holder) if holder is not None else None
    return None


def _gender(doc: ParsedArticle, entity_id: str) -> str:
    """ "m" or "f" where a given name the document writes the person with is listed for
    one gender only, else ""."""
    names = lexicon.given_names()
    found = {
        names.get(words[0].lower(), "")
        for m in doc.mentions
        if m.entity_id == entity_id and len(words := m.span.text.split()) >= 2
    } & {"m", "f"}
    return found.pop() if len(found) == 1 else ""


#: How far back a "he" or "his" of a share looks for its person, in sentences.
OWNER_SENTENCES = 2
_PERSONAL_PRONOUNS = frozenset(("he", "she", "his", "her", "him"))
#: Verbs by which someone holds a share ("the 60 percent he had received").
_HOLDING = frozenset(("receive", "get", "win", "gain", "have", "poll", "take", "score", "hold"))
#: Verbs by which poll respondents give a share to someone.
_CHOOSING = frozenset(("choose", "back", "support", "favor", "favour", "prefer", "pick", "elect"))


def _subject_of(tree: TokenTree, verb: Token) -> Token | None:
    """A verb's subject, or the subject of the verb it completes or is joined to
    ("Yavlinsky was projected to take third place": Yavlinsky takes it)."""
    for _ in range(OWNER_HOPS):
        subject = next((c for c in tree.children(verb) if c.dep in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep not in ("xcomp", "conj"):
            return subject
        head = tree.head(verb)
        if head is None:
            return None
        verb = head
    return None


#: In a toll's places: its clause names places joined by "and" ("the bombings in
#: Kenya and Tanzania killed 257"), so it counts their sum (since claims.v7).
SEVERAL = "(several places)"


#: Judgement call: a country is the story's own when places in it are named in at least
#: this share of its documents (and two of them).
HOME_SHARE = 0.5


def _home_areas(documents: Sequence[ParsedArticle]) -> frozenset[str]:
    """The countries (and US states) of the story: those whose places (the country
    itself or a place in it, as the gazetteer has them) at least ``HOME_SHARE`` of its
    documents name."""
    seen: Counter[str] = Counter()
    for doc in documents:
        codes: set[str] = set()
        for m in doc.mentions:
            if m.label in ("GPE", "LOC"):
                codes |= areas_of(m.span.text)
        seen.update(codes)
    need = max(2, HOME_SHARE * len(documents))
    return frozenset(code for code, n in seen.items() if n >= need)


def _abroad(places: frozenset[tuple[str, str]], home: frozenset[str]) -> bool:
    """Whether a toll's places all lie outside the story's countries: each known to the
    gazetteer and in none of them (a sum over several places is not abroad unless all
    its places are)."""
    named = [written for key, written in places if key != SEVERAL and written]
    return bool(home and named) and all(
        (found := areas_of(written)) and not found & home for written in named
    )


def _places_agree(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Tolls of places that may be one: one set of places holds the other ("the bombing
    in Kenya" and "the U.S. Embassy bombing in Kenya"), or every place of one is or lies
    within a place of the other ("in Nairobi" and "in Kenya", as the gazetteer says,
    since claims.v7), or one names none; a sum over several places agrees only with
    another sum ("in Kenya and Tanzania" is not "in Kenya")."""
    if not a or not b:
        return True
    keys_a, keys_b = {key for key, _ in a}, {key for key, _ in b}
    if (SEVERAL in keys_a) != (SEVERAL in keys_b):
        return False
    if SEVERAL in keys_a or keys_a <= keys_b or keys_b <= keys_a:
        return True
    return all(any(meet(x, y) for _, y in b) for _, x in a) or all(
        any(meet(y, x) for _, x in a) for _, y in b
    )


def _coordinated(doc: ParsedArticle, places: Sequence[Mention]) -> bool:
    """Whether two of these place mentions are joined by "and" ("Kenya and Tanzania",
    "in Kenya and in Tanzania", "the Kenyan and Tanzanian bombings"), neither lies
    within the other ("Nairobi, Kenya") and no third place they name holds both ("in
    Nairobi and Mombasa, Kenya": Kenya's)."""
    tree = doc.tree

    def anchor(t: Token) -> Token:
        # The object of "in" is joined through its preposition: "in Kenya and in Tanzania".
        head = tree.head(t)
        return head if t.dep == "pobj" and head is not None else t

    # A people's adjective is a place only where the clause names no place: "the
    # Kenyan and Tanzanian bombings", not "Indian and Chinese troops in Ladakh".
    if any(m.label in ("GPE", "LOC") for m in places):
        places = [m for m in places if m.label != "NORP"]
    spans = [
        (
            m,
            {i for t in tree.between(m.span.start, m.span.end) for i in (t.index, anchor(t).index)},
        )
        for m in places
        if m.label in ("GPE", "LOC", "NORP")
    ]
    for m, _ in spans:
        own = tree.between(m.span.start, m.span.end)
        for t in {x.index: x for x in (*own, *map(anchor, own))}.values():
            if t.dep != "conj":
                continue
            for other, its in spans:
                if (
                    other is not m
                    and t.head in its
                    and not meet(m.span.text, other.span.text)
                    and not any(
                        within(m.span.text, third.span.text)
                        and within(other.span.text, third.span.text)
                        for third, _ in spans
                    )
                ):
                    return True
    # The parser may join the wrong words ("Embassies in Tanzania and the Kenyan
    # capital Nairobi": "Embassies" and "capital"): two places a short "and" apart.
    text = doc.article.text
    ordered = sorted((m for m, _ in spans if m.label != "NORP"), key=lambda m: m.span.start)
    for m, other in itertools.pairwise(ordered):
        if (
            _AND_BETWEEN.fullmatch(text[m.span.end : other.span.start])
            and not meet(m.span.text, other.span.text)
            and not within(m.span.text, other.span.text)
            and not within(other.span.text, m.span.text)
            and not any(
                within(m.span.text, third.span.text) and within(other.span.text, third.span.text)
                for third, _ in spans
            )
        ):
            return True
    return False


#: Between two places joined by "and": at most three words of its own ("and the Kenyan
#: capital", "and in").
_AND_BETWEEN = re.compile(r",?\s+and\s+(?:[\w.-]+\s+){0,3}")


#: Words that say a toll counts those aboard a vehicle, or those on the ground.
_ABOARD = re.compile(
    r"\b(?:aboard|on\s+board|onboard|passengers|(?:in|on)\s+the\s+(?:plane|aircraft|jet|"
    r"airliner|flight|helicopter|bus|coach|train|ship|boat|ferry|vessel|submarine))\b",
    re.IGNORECASE,
)
_GROUND = re.compile(r"\bon\s+(?:the\s+)?ground\b", re.IGNORECASE)
#: Judgement call: "aboard" or "on the ground" is the scope of the figure at most this
#: many characters before it with no other number between ("all 109 people on board
#: the jet and four on the ground").
SCOPE_CHARS = 30


def _where_near(doc: ParsedArticle, start: int, end: int) -> str | None:
    """ "aboard" or "ground" when the words right after a figure say so."""
    text = doc.article.text
    after = text[end : end + SCOPE_CHARS + 24]
    found = [m for m in (_GROUND.search(after), _ABOARD.search(after)) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if first.start() > SCOPE_CHARS or "." in after[: first.start()]:
        return None
    if any(t.pos == "NUM" for t in doc.tree.between(end, end + first.start())):
        return None  # "114 people including five on the ground": the five's
    if len(found) == 2:
        second = max(found, key=lambda m: m.start())
        if second.start() <= SCOPE_CHARS and not any(
            t.pos == "NUM" for t in doc.tree.between(end, end + second.start())
        ):
            return None  # "270 people on board and on ground": both, the whole toll
    return "ground" if first.re is _GROUND else "aboard"


_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC", "NORP"))
#: What names a place a count holds in (not a people, not a building).
_WHERE_LABELS = frozenset(("GPE", "LOC"))


#: The units a rate is given per ("250,000 a year", "every day", "per week").
_PER_UNITS = frozenset(("year", "month", "week", "day", "season", "winter", "summer"))
#: What a unit hangs from when it dates rather than counts how often: "a year ago",
#: "a year later", "a week before", "a two-year-old".
_NOT_PER = frozenset(
    ("ago", "later", "earlier", "before", "after", "old", "long", "since", "into", "on", "ahead")
)


def _how_often(tree: TokenTree, token: Token) -> bool:
    """Whether a word says how often: "annually", "every year", "each day", "per week",
    "250,000 people a year" (a unit with "a" as an adverbial noun phrase; not "for a
    year", "after a day's pause", "a year later")."""
    lemma = token.lemma.lower()
    if lemma in ("annually", "yearly"):
        return True
    if lemma not in _PER_UNITS:
        return False
    head = tree.head(token)
    if head is not None and head.lemma.lower() == "per":
        return True
    determiners = {c.lemma.lower() for c in tree.children(token) if c.dep == "det"}
    if determiners & {"every", "each"}:
        return True
    return (
        bool(determiners & {"a", "an"})
        and token.dep == "npadvmod"
        and (head is None or head.lemma.lower() not in _NOT_PER)
        # "a day after the storm", "a week into the outbreak", "a year on"
        and not any(c.lemma.lower() in _NOT_PER for c in tree.children(token))
    )


#: The last day or so, as live coverage counts it: "over the last 24 hours", "in the
#: past day", "since midnight", "overnight".
_SHORT_WINDOW = re.compile(
    r"\b(?:(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?:\d+|few|several|twelve)\s+hours|hours?|day|night)"
    r"|since\s+(?:midnight|dawn|daybreak)|overnight)\b",
    re.IGNORECASE,
)


def _daily(doc: ParsedArticle, start: int, end: int) -> bool:
    """Whether a count is of the last day or so ("84 were killed over the last 24 hours",
    "17 rockets fired since midnight"): the window hangs from the figure, the noun it
    counts or its verb, as a rate's words do (``_rate``)."""
    tree = doc.tree
    inside = tree.between(start, end)
    sentence = tree.sentence_at(start)
    if not inside or sentence is None:
        return False
    windows = list(_SHORT_WINDOW.finditer(doc.article.text, sentence.start, sentence.end))
    if not windows:
        return False
    path = {t.index for t in inside}
    for token in tree.ancestors(inside[0], VERB_HOPS):
        path.add(token.index)
        if token.pos in ("VERB", "AUX"):
            break
    for window in windows:
        words = tree.between(window.start(), window.end())
        up: Token | None = words[-1] if words else None
        for _ in range(VERB_HOPS):
            up = tree.head(up) if up is not None else None
            if up is None or up.index in path:
                break
        if up is not None and up.index in path:
            return True
    return False


def _rate(doc: ParsedArticle, start: int, end: int) -> bool:
    """Whether a figure is given per year, day or week ("seasonal flu kills 250,000 to
    500,000 people every year", "as many as 90 people die here each day"): a rate, never
    a figure of the story's own events (since claims.v11). The words must hang from the
    figure, the nouns it counts or its verb, not from another clause of its sentence."""
    tree = doc.tree
    inside = tree.between(start, end)
    sentence = tree.sentence_at(start)
    if not inside or sentence is None:
        return False
    path = {t.index for t in inside}
    for token in tree.ancestors(inside[0], VERB_HOPS):
        path.add(token.index)
        if token.pos in ("VERB", "AUX"):
            break
    for token in tree.between(sentence.start, sentence.end):
        if start <= token.start < end or not _how_often(tree, token):
            continue
        after = re.match(r"\s+(\w+)", doc.article.text[token.end : token.end + 12])
        if after and after.group(1).lower() in _NOT_PER:
            continue  # "a day after the storm", however the parser hangs "after"
        up: Token | None = token
        for _ in range(VERB_HOPS):
            up = tree.head(up) if up is not None else None
            if up is None or up.index in path or up.pos in ("VERB", "AUX"):
                break
        if up is not None and up.index in path:
            return True
    return False


#: Prepositions that say where a count holds ("64 cases in the United States").
_LOCATIVE = frozenset(("in", "at", "across", "throughout", "inside", "within"))


def _located_in(doc: ParsedArticle, start: int, end: int) -> frozenset[tuple[str, str]]:
    """Where a count that is no toll holds: the places (GPE, LOC) of the phrases that
    locate it, "in", "at" or "across" a place hanging from the figure, the nouns it
    counts or its verb ("64 confirmed cases in the United States", "seven in
    California", "Spain had 26 suspected cases" does not say). Not a place that only
    qualifies something ("attack U.S. targets"), nor a people ("Brazilian troops":
    whose, not where). Since claims.v11: counts of two places are two quantities."""
    tree = doc.tree
    inside = tree.between(start, end)
    if not inside:
        return frozenset()
    path = list(inside)
    for token in tree.ancestors(inside[0], VERB_HOPS):
        path.append(token)
        if token.pos in ("VERB", "AUX"):
            break
    located: list[Token] = []
    for token in path:
        for prep in tree.children(token):
            if prep.dep == "prep" and prep.lemma.lower() in _LOCATIVE:
                located += tree.subtree(prep)
    starts = {t.start for t in located}
    return frozenset(
        (m.entity_id or m.span.text.lower(), m.span.text)
        for m in doc.mentions
        if m.label in _WHERE_LABELS and m.span.start in starts
    )


def _scope_of(
    doc: ParsedArticle, start: int, end: int
) -> tuple[frozenset[tuple[str, str]], str | None]:
    """Where a toll holds, from its clause: the places named there ("the bombing in
    Kenya killed 247", "the Tanzanian embassy bombing killed 10") and "aboard" or
    "ground" ("all 109 people aboard", "four people on the ground").

    The clause is the verb the figure hangs from (for a relative clause, the noun it
    qualifies: "the bombing in Kenya, which killed 247"), without the phrases that
    hold another figure ("killed 257 people, 11 of them in Tanzania", "including 12
    Americans").
    """
    tree = doc.tree
    inside = tree.between(start, end)
    if not inside:
        return frozenset(), None
    top: Token = inside[0]
    for token in tree.ancestors(inside[0], VERB_HOPS):
        top = token
        if token.pos == "VERB":
            break
    if top.dep == "relcl" and (noun := tree.head(top)) is not None:
        top = noun
    elif (
        top.dep == "advcl"
        and top.tag == "VBG"
        and tree.child(top, "nsubj") is None
        and (acting := tree.head(top)) is not None
        and acting.pos == "VERB"
    ):
        # A participle says what its clause's act did: "firing missiles at camps in
        # eastern Afghanistan, killing 26 people" (since claims.v14).
        top = acting
    tokens = list(tree.subtree(top))
    if top.dep == "conj" and top.pos == "VERB" and tree.child(top, "nsubj") is None:
        # A verb joined to another shares its subject: "bombings in Dar es Salaam and
        # Nairobi killed 258 people and injured more than 5,500".
        head = tree.head(top)
        subject = tree.child(head, "nsubj") if head is not None else None
        if subject is not None:
            tokens += tree.subtree(subject)
    # The figure's own path up to the clause's top; a phrase off it that holds
    # another figure ("and four people on the ground") is another toll's. A day's
    # number ("on Aug. 7") is no figure.
    first, last = min(t.start for t in tokens), max(t.end for t in tokens)
    dated = {
        t.index
        for m in doc.mentions
        if m.label in TIME_LABELS and first <= m.span.start < last
        for t in tree.between(m.span.start, m.span.end)
    }
    path = {t.index for t in inside} | {top.index}
    path |= {t.index for t in tree.ancestors(inside[0], VERB_HOPS + 1)}
    skip: set[int] = set()
    for t in tokens:
        if t.pos != "NUM" or start <= t.start < end or t.index in path or t.index in dated:
            continue
        phrase = t
        while (parent := tree.head(phrase)) is not None and parent.index not in path:
            if parent.index == phrase.index:
                break
            phrase = parent
        skip.update(x.index for x in tree.subtree(phrase))
    kept = [t for t in tokens if t.index not in skip]
    if not kept:
        return frozenset(), None
    low, high = min(t.start for t in kept), max(t.end for t in kept)
    starts = {t.start for t in kept}
    named = [
        m
        for m in doc.mentions
        if m.label in _PLACE_LABELS and m.span.start in starts and low <= m.span.start < high
    ]
    places = frozenset((m.entity_id or m.span.text.lower(), m.span.text) for m in named)
    if _coordinated(doc, named):
        places |= {(SEVERAL, "")}
    # Aboard or on the ground: said right after the figure; else by its clause, when
    # the clause holds no other figure the words could be of.
    where = _where_near(doc, start, end)
    if (
        where is None
        and not skip
        and not any(
            t.index in path and t.pos == "NUM" and not start <= t.start < end for t in tokens
        )
    ):
        words = " ".join(
            doc.article.text[t.start : t.end] for t in sorted(kept, key=lambda t: t.start)
        )
        ground, aboard = bool(_GROUND.search(words)), bool(_ABOARD.search(words))
        # Both: the whole toll, "270 people on board and on ground were killed".
        where = None if ground and aboard else "ground" if ground else "aboard" if aboard else None
    return places, where


def _clock_window(text: str, start: int, end: int, written: str) -> bool:
    """Whether a clock duration is no length a source states: a window ("the past 24
    hours", "within 48 hours", "every 30 minutes"), a time after an unnamed moment ("two
    hours later", "minutes ago"), an end of a range ("6 to 8 hours", "five or six
    hours"), a part of a longer length ("3 hours, 50 minutes"), or what a pay is
    reckoned in ("eight hours' pay")."""
    return bool(
        _CLOCK_WINDOW.match(written)
        or _CLOCK_LATER.search(written)
        # (A length hyphened to its noun is a size: "its first two-minute trailer".)
        or ("-" not in written and _CLOCK_WINDOW_BEFORE.search(text, max(0, start - 16), start))
        or _CLOCK_WINDOW_AFTER.match(text, end)
        or _CLOCK_RANGE_AFTER.match(text, start + len(written.split()[0]) if written else start)
        or _CLOCK_RANGE_BEFORE.search(text, max(0, start - 16), start)
        or _CLOCK_PART_AFTER.match(text, end)
        or _CLOCK_PART_BEFORE.search(text, max(0, start - 16), start)
    )


#: "6 to 8 hours", "five or six hours", "20-25 minutes": its first figure is one end of a
#: range; "to 8 hours": the other.
_CLOCK_RANGE_AFTER = re.compile(
    r"\s*(?:\b(?:to|or)\b|-|–)\s*(?:\d|[a-z]+\s+(?:hours?|minutes?|seconds?))"
)
_CLOCK_RANGE_BEFORE = re.compile(r"\b(?:\d+|[a-z]+)\s*(?:\b(?:to|or)\b|-|–)\s*$")
#: "3 hours, 50 minutes", "two hours, 54 minutes and 30 seconds": a part of the length;
#: "eight hours' pay": the length reckons the pay.
_CLOCK_PART_BEFORE = re.compile(r"\b(?:hours?|minutes?),?\s+(?:and\s+)?$", re.IGNORECASE)
_CLOCK_PART_AFTER = re.compile(
    r"(?:,?\s+(?:and\s+)?[\w-]+\s+(?:minutes?|seconds?)\b|['’])", re.IGNORECASE
)


#: An approximate clock length ("about 90 seconds", "some 30 minutes") may be this share
#: off: "some 30 minutes" is not "some 40 minutes" (judgement call).
CLOCK_APPROX_SHARE = 0.2


def _clock_close(a: _Statement, b: _Statement) -> bool:
    """Whether two clock lengths are one figure: a bound ("less than two minutes",
    "more than an hour") holds the other; approximate ones are within the larger's
    ``CLOCK_APPROX_SHARE``; exact ones are equal."""
    if a.value is None or b.value is None:
        return True
    for (bound, high), low in (
        ((a.qualifier, a.value), b.value),
        ((b.qualifier, b.value), a.value),
    ):
        if bound == "LESS_THAN":
            return low <= high
        if bound == "MORE_THAN":
            return low >= high
    return abs(a.value - b.value) <= max(a.tolerance, b.tolerance) + 1e-9


#: Two clock lengths of one interval, told by two sources, are at most this many times
#: apart ("an hour" and "90 minutes into the flight"; judgement call).
CLOCK_RATIO = 2.0


def _similar_clock(a: _Statement, b: _Statement, similarity: float) -> bool:
    """Whether two clock lengths measure one interval ("about 90 seconds after
    take-off", "less than two minutes after takeoff"): said of the same thing (the same
    noun, or the same verb that is not a general one like "be" or "take") or in much
    the same words, and at most ``CLOCK_RATIO`` apart. The same length alone is not
    enough: "two hours" is said of many things in a story (unlike "17 years")."""
    if a.value is None or b.value is None:
        return False
    if max(a.value, b.value) > CLOCK_RATIO * max(min(a.value, b.value), 1e-9):
        return False
    if a.counts and b.counts:
        return a.counts == b.counts
    return (
        (a.verb is not None and a.verb == b.verb and a.verb not in _GENERIC_VERBS)
        or bool(a.referents & b.referents)
        or similarity >= SAME_QUANTITY
    )


def _similar_durations(a: _Statement, b: _Statement, similarity: float) -> bool:
    """Whether two durations measure one length ("22-month-old conflict", "two-year war").

    The same stated length in one story is one quantity, whatever noun it
    goes with ("the two-year conflict", "a two-year long atrocity"), except
    ages: "-old" of two different nouns (a 15-year-old girl, a 15-year-old
    boy) are two people. Different lengths need the same noun or the same
    words around them, and to be within a quarter of each other.
    """
    if a.value is None or b.value is None:
        return False
    if (a.counts == AGO) != (b.counts == AGO):
        return False  # how long ago something happened, against a length something lasts
    if a.counts == AGO:
        # Of one event: the same verb, or a noun both are said of ("the administration
        # was elected 18 months ago", "the government, which replaced a Conservative
        # administration 18 months ago").
        # The same length, to the step of its unit ("two years ago" is not "three years
        # ago").
        return (
            (a.verb is not None and a.verb == b.verb and a.verb not in _GENERIC_VERBS)
            or bool(a.referents & b.referents)
        ) and abs(a.value - b.value) <= max(a.tolerance, b.tolerance) + 1e-9
    if a.counts and b.counts and a.counts != b.counts:
        return a.value == b.value and not (_OLD.search(a.text) or _OLD.search(b.text))
    if a.value == b.value:
        return True
    return max(a.value, b.value) / max(min(a.value, b.value), 1e-9) <= DURATION_RATIO and (
        (a.counts is not None and a.counts == b.counts) or similarity >= SAME_QUANTITY
    )


def _block_keys(s: _Statement) -> list[tuple[Any, ...]]:
    """The keys a statement is blocked under (see ``build_claims``)."""
    keys: list[tuple[Any, ...]] = [("value", s.unit, s.value)]
    if s.counts is not None:
        keys.append(("counts", s.unit, s.counts))
    if s.verb is not None:
        keys.append(("verb", s.unit, s.verb))
    if s.owner is not None:
        keys.append(("owner", s.unit, s.owner))
    if s.toll:
        keys.append(("toll", s.unit, s.toll))
    keys += [("event", s.unit, e) for e in s.events]
    if s.unit not in _NOT_LARGE and s.value is not None and s.value >= LARGE_FIGURE:
        keys.append(("large", s.unit, s.era, s.currency))
    return keys


#: Nouns that count the dead or hurt of any kind ("people", "victims"); two other
#: nouns ("soldiers", "civilians") count two kinds of them (since claims.v14).
_ANY_PEOPLE = frozenset(
    (
        None, "people", "person", "victim", "casualty", "death", "body", "life",
        "individual", "dead", "injured", "wounded", "fatality", "toll", "number",
        "resident", "inhabitant",
    )
)  # fmt: skip


def _vague_fits(a: _Statement, b: _Statement) -> bool:
    """Whether a vague count may be the other's figure ("dozens": 24 to 199), or
    neither is vague."""
    for vague, exact in ((a, b), (b, a)):
        span = _VAGUE_RANGE.get(vague.qualifier or "") if vague.value is None else None
        if span is not None and exact.value is not None:
            return span[0] <= exact.value <= span[1]
    return True


def _same_figure(a: _Statement, b: _Statement, similarity: float) -> bool:
    """The same large figure in one story: one quantity, however it names the people it
    counts ("435,000 people", "435,000 residents"), or one near it when both are a toll
    or one is qualified ("About 2,800 dockworkers", "Some 3,000"); never a toll and no
    toll ("at least 1 million people had died" is not "the 1.1 million-strong military").
    Not of two other nouns in unlike words and verbs (since claims.v20): "4,000 dolls" in a
    collector's home and "4,000 passes" to a fan event, "15,000 fans" and "15,000 pages"
    (but two estimates, "About 2,800 dockworkers stayed away", "about 2,800 members
    stayed out" of one strike, may be one), nor two exact near
    figures of no toll ("$200 million", what one film cost, and "$205 million", what
    another made), found reading the number groups of DUC 2006 topics."""
    return (
        (a.value == b.value or bool(a.toll and b.toll) or bool(a.qualifier or b.qualifier))
        and bool(a.toll) == bool(b.toll)
        and (
            _nouns_alike(a.counts, b.counts)
            or similarity >= SAME_QUANTITY
            or (a.verb is not None and a.verb == b.verb and a.verb not in _GENERIC_VERBS)
            or bool(a.qualifier and b.qualifier)
        )
        and a.unit == b.unit
        and a.increment == b.increment
        and a.part == b.part
        and a.unit not in _NOT_LARGE
        and a.era == b.era
        and a.currency == b.currency
        and a.value is not None
        and b.value is not None
        and min(a.value, b.value) >= LARGE_FIGURE
        and max(a.value, b.value) / min(a.value, b.value) <= AGREE_RATIO
    )


def _names_alike(a: Collection[str], b: Collection[str]) -> bool:
    """Whether two sentences' names share a word, or a word and its derivative
    ("Egypt", "Egyptian"; "Chile", "Chilean"), or one of them names nothing ("The
    republic born of the revolution of 1952")."""
    return not a or not b or any(x == y or x.startswith(y) or y.startswith(x) for x in a for y in b)


def _nouns_alike(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns may count the same things: the same noun, a figure
    with no noun, a compound and its head ("dockworkers", "workers"), or two nouns for
    people at large ("people", "residents")."""
    if a is None or b is None or a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (a in _ANY_PEOPLE and b in _ANY_PEOPLE) or (
        len(short) >= COMPOUND_HEAD and long.endswith(short)
    )


#: The shortest noun taken as the head of a longer one it ends ("worker" of "dockworker").
COMPOUND_HEAD = 4


def build_claims(
    documents: Sequence[ParsedArticle], people: Collection[str] | None = None
) -> tuple[Claim, ...]:
    """Groups of statements of one quantity, most sources first.

    Each claim's relation is what its figures and their times say;
    ``relate_claims`` adds what the episodes say about times left unknown.
    """
    statements = [s for doc in documents for s in extract_statements(doc, people)]
    if not statements:
        return ()
    home = _home_areas(documents)
    for s in statements:
        s.abroad = bool(s.toll) and _abroad(s.places, home)
    owners_of_age: dict[float, set[str]] = defaultdict(set)
    for s in statements:
        if s.unit == "age" and s.owner and s.value is not None:
            owners_of_age[s.value].add(s.owner)
    for s in statements:
        s.shared_age = s.unit == "age" and len(owners_of_age.get(s.value or -1.0, ())) > 1
    found = tfidf([s.context for s in statements], SENTENCES)
    # Statements of one unit only ever match each other: the cosines are taken
    # within each unit, not over every pair of statements.
    cosine_rows = {} if found is None else _unit_cosines(statements, found.matrix)
    # Single linkage: a statement joins a group when it matches any member of it
    # from another document (the same large number in one story counts as a match).
    # Only statements of one unit match (``_similar``, ``_same_figure``), so a group's
    # members share its first one's unit, and a statement tries only the groups of its
    # own unit, in the order they were opened.
    groups: list[list[int]] = []
    group_documents: list[set[str]] = []
    group_of: list[int] = []
    # Blocking: a statement can match only one that shares one of its keys (its
    # value, noun, verb, owner, toll, event or large figure, within its unit) or
    # whose context is similar enough (``_similar``'s every path needs one of these),
    # so it is checked against those, not every statement of its unit.
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        cosines = cosine_rows.get(i, {})
        keys = _block_keys(s)
        candidates = {j for j, c in cosines.items() if j < i and c >= SAME_QUANTITY}
        for key in keys:
            candidates.update(blocks[key])
        best: int | None = None
        matched: set[int] = set()
        for j in candidates:
            g = group_of[j]
            if g in matched or s.doc_id in group_documents[g]:
                continue
            if (
                _similar(s, statements[j], cosines.get(j, 0.0))
                or _same_figure(s, statements[j], cosines.get(j, 0.0))
            ) and _one_date(s, [statements[k] for k in groups[g]]):
                matched.add(g)
                if best is None or g < best:
                    best = g
        if len(matched) > 1:
            # A statement that matches several groups (a toll naming no place matches
            # the dead of each place; "$15,000" matches "$20,000" in the sentence that
            # gives both bequests): the one whose figures are nearest its own, the
            # first opened of those as near.
            best = min(
                sorted(matched),
                key=lambda g: min(_ratio(s.value, statements[k].value) for k in groups[g]),
            )
        if best is None:
            best = len(groups)
            groups.append([])
            group_documents.append(set())
        groups[best].append(i)
        group_documents[best].add(s.doc_id)
        group_of.append(best)
        for key in keys:
            blocks[key].append(i)
    # A date one document alone states is the timeline's, and a rank one alone gives
    # compares with nothing: neither is a claim.
    kept = [
        [statements[i] for i in group]
        for n, group in enumerate(groups)
        if statements[group[0]].unit not in ("date", "rank") or len(group_documents[n]) >= 2
    ]
    out = [_claim(part) for part in _episodes_of_tolls(kept)]
    out.sort(key=lambda c: (-len(c.documents), c.statements[0].doc_id, c.statements[0].start))
    return tuple(replace(claim, id=f"c{n}") for n, claim in enumerate(out, 1))


def _episodes_of_tolls(groups: list[list[_Statement]]) -> list[list[_Statement]]:
    """The groups, each toll's split into its episodes (``_toll_episodes``); and a toll
    that does not fall split where the figures beside it in its sentences are of
    different episodes: the dead and the injured a sentence gives side by side (within
    ``CONTEXT_CHARS``) are one event's ("killed three people and injured more than 600"
    is the later clash's, "five dead, more than 100 injured" the first days'), so the
    injured follow the dead."""
    parts = [_toll_episodes(group) for group in groups]
    # The statements of split tolls, by sentence, with their episodes.
    episode: dict[tuple[str, int], list[tuple[_Statement, tuple[int, int]]]] = defaultdict(list)
    for n, split in enumerate(parts):
        if len(split) > 1:
            for k, part in enumerate(split):
                for m in part:
                    episode[(m.doc_id, m.sentence[0])].append((m, (n, k)))

    def beside(m: _Statement, n: int) -> tuple[int, int] | None:
        """The episode of the nearest figure of another toll beside ``m``."""
        near = [
            (min(abs(x.start - m.end), abs(m.start - x.end)), label)
            for x, label in episode.get((m.doc_id, m.sentence[0]), [])
            if label[0] != n
        ]
        near = [x for x in near if x[0] <= CONTEXT_CHARS]
        return min(near)[1] if near else None

    out: list[list[_Statement]] = []
    for n, split in enumerate(parts):
        if len(split) > 1 or not split[0][0].toll:
            out += split
            continue
        labels = [beside(m, n) for m in split[0]]
        if len({label for label in labels if label is not None}) < 2:
            out += split
            continue
        out += _follow(split[0], labels)
    return out


def _follow(
    members: list[_Statement], labels: list[tuple[int, int] | None]
) -> list[list[_Statement]]:
    """A toll's statements partitioned by the episodes of the figures beside them
    (``labels``); one without a label joins the episode current at its time (in the
    order of the statements' times), or the first one when it comes before any."""
    order = sorted(
        range(len(members)), key=lambda i: (members[i].time or "", members[i].value or 0.0)
    )
    current = next(label for i in order if (label := labels[i]) is not None)
    by_label: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in order:
        current = labels[i] or current
        by_label[current].append(i)
    return [[members[i] for i in sorted(ids)] for ids in by_label.values()]


#: Judgement call: a toll that falls below this share of the highest figure it has
#: reached is another episode's toll. A toll is corrected down a little ("253 dead",
#: later "248"), not to well under what it stood at.
TOLL_DROP = 0.75


def _toll_episodes(members: list[_Statement]) -> list[list[_Statement]]:
    """A toll's statements, in the episodes their figures tell apart.

    One event's toll only rises, or is corrected down a little; in a story of many
    days, a figure well below the one reported before it counts the dead of another
    day's events ("five dead" in the first days of protests, "three killed" in a later
    clash, then "eight" as that clash's toll rises). In the order of their times (the
    date their sentences give, else the publication day; ties smallest first: the same
    day's different figures are one toll's accounts), a statement joins the latest
    episode it does not fall from, or opens one. Only when every statement's time is
    known: without an order there is no fall.
    """
    if not members[0].toll or len(members) < 2:
        return [members]
    if any(m.time is None or m.value is None for m in members):
        return [members]
    episodes: list[list[_Statement]] = []
    for m in sorted(members, key=lambda m: (m.time or "", m.value or 0.0)):
        value = m.value or 0.0
        fits = [e for e in episodes if value >= TOLL_DROP * max(x.value or 0.0 for x in e)]
        if fits:
            fits[-1].append(m)
            episodes.remove(fits[-1])
            episodes.append(fits[-1])
        else:
            episodes.append([m])
    if len(episodes) == 1:
        return [members]
    position = {id(m): n for n, m in enumerate(members)}
    parts = [sorted(e, key=lambda x: position[id(x)]) for e in episodes]
    return sorted(parts, key=lambda e: position[id(e[0])])


def _ratio(a: float | None, b: float | None) -> float:
    """How far apart two counts are, as the log of their ratio (infinite when either
    is unknown or none)."""
    if not a or not b or a < 0 or b < 0:
        return math.inf
    return abs(math.log(a / b))


def _one_date(s: _Statement, members: Sequence[_Statement]) -> bool:
    """A date joins a group only when it is the date of every member: an undated
    "Sept. 11" matches any year's, and must not chain 2017's to 2018's."""
    if s.toll and any(_incidents_apart(s, m) for m in members if m.toll):
        # A toll of one day's attack never joins another's, even through a member
        # dated to neither.
        return False
    if s.toll and s.places:
        # A sum over several places and one place's toll are never one group, even
        # through a member that names no place.
        several = _is_sum(s.places)
        return all(not m.places or _is_sum(m.places) == several for m in members if m.toll)
    if s.unit != "date" or s.time is None:
        return True
    return all(m.time is not None and _same_date(s.time, m.time) for m in members)


def _is_sum(places: frozenset[tuple[str, str]]) -> bool:
    return any(key == SEVERAL for key, _ in places)


def _unit_cosines(statements: Sequence[_Statement], matrix: Any) -> dict[int, dict[int, float]]:
    """Each statement's context cosines with the statements of its unit (index -> cosine,
    for the pairs that share a word)."""
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        by_unit[s.unit].append(i)
    rows: dict[int, dict[int, float]] = {}
    for members in by_unit.values():
        similarity = sparse_cosine(matrix[members])
        for local, i in enumerate(members):
            row = _row(similarity, local)
            rows[i] = {members[j]: c for j, c in row.items()}
    return rows


def _row(similarity: Any, i: int) -> dict[int, float]:
    """Row ``i`` of a sparse cosine matrix: column to cosine, for the columns stored
    (none when there is no matrix: no context word at all, figures match on values)."""
    if similarity is None:
        return {}
    start, end = similarity.indptr[i], similarity.indptr[i + 1]
    columns = similarity.indices[start:end].tolist()
    return dict(zip(columns, similarity.data[start:end].tolist(), strict=True))


def relate_claims(
    claims: Sequence[Claim], episodes: Sequence[Episode], apart: Collection[frozenset[str]]
) -> tuple[Claim, ...]:
    """The claims, their relations given the episodes.

    Args:
        claims: the claims of ``build_claims``.
        episodes: the story's episodes.
        apart: pairs of documents put in different episodes on the evidence of
            their figures (``storybrief.analysis.episodes``): where they are in
            different episodes, their figures hold for different times even
            where a date is unknown.
    """
    episode_of = {doc_id: e.id for e in episodes for doc_id in e.documents}
    separate = {pair for pair in apart if len({episode_of.get(d) for d in pair}) == 2}
    if not separate:
        return tuple(claims)
    # Episodes only tell that figures of unknown times hold for different times.
    return tuple(
        replace(c, relation=_relation(c.documents, c.readings, separate, c.unit))
        if c.relation == "differs"
        else c
        for c in claims
    )


#: A duration's units, in months, and their names.
_MONTHS_PER = {"Y": 12.0, "M": 1.0, "W": 12 / 52, "D": 12 / 365}
#: A duration's unit, by its code, in the unit its group's values are kept in (months
#: for a calendar length, seconds for a clock one) and by name.
_PER_CODE = {**_MONTHS_PER, **_SECONDS_PER}
_DURATION_UNITS = {
    "Y": "years", "M": "months", "W": "weeks", "D": "days",
    "h": "hours", "min": "minutes", "s": "seconds",
}  # fmt: skip


def _in_unit(value: Figure, per: float) -> Figure:
    """A duration in its group's base unit (months, or seconds for a clock length), in a
    unit of ``per`` of those (whole when it is)."""
    shown = value / per
    return round(shown) if abs(shown - round(shown)) < 1e-6 else round(shown, 2)


def _unit_written(members: Sequence[_Statement]) -> str | None:
    """The unit most durations of a group are written in, the larger on a tie."""
    written = [m.per for m in members if m.per]
    if not written:
        return None
    return max(dict.fromkeys(written), key=lambda c: (written.count(c), _PER_CODE[c]))


def _stated(members: Sequence[_Statement]) -> Sequence[_Statement]:
    """Durations in the unit most of them are written in ("17-year", "17 years": 17
    years, not 204 months); other figures as they are."""
    code = _unit_written(members)
    if code is None:
        return members
    return [
        replace(
            m,
            unit=_DURATION_UNITS[code],
            value=None if m.value is None else _in_unit(m.value, _PER_CODE[code]),
            tolerance=m.tolerance / _PER_CODE[code],
        )
        for m in members
    ]


def _claim(members: Sequence[_Statement]) -> Claim:
    readings = _readings(members)
    code = _unit_written(members)
    if code is not None:
        readings = tuple(replace(r, value=_in_unit(r.value, _PER_CODE[code])) for r in readings)
    stated = _stated(members)
    documents = tuple(sorted({m.doc_id for m in stated}))
    relation = _relation(documents, readings, (), members[0].unit)
    if members[0].unit == "seconds" and relation in ("evolves", "differs"):
        # One interval's length does not change with the day it is told: two figures
        # of it are two accounts ("30 minutes out of Kennedy", "40 minutes into its
        # flight").
        relation = "conflict"
    if members[0].toll and relation in ("evolves", "conflict"):
        # A toll stands at a figure from the day it is reported, whatever day its
        # sentence names ("the bombing on Aug. 7 killed 257", weeks later "258").
        apart = _reported_apart(members)
        if relation == "evolves" and not apart:
            relation = "conflict"
        elif relation == "conflict" and apart and all(m.reported for m in members):
            relation = "evolves"
    members = stated
    return Claim(
        id="",
        unit=members[0].unit,
        counts=next((m.counts for m in members if m.counts), None),
        what=_what(members),
        relation=relation,
        documents=documents,
        readings=readings,
        statements=tuple(
            Statement(
                doc_id=m.doc_id,
                start=m.start,
                end=m.end,
                text=m.text,
                value=m.value,
                qualifier=m.qualifier,
                time=m.time,
                sentence=Offsets(*m.sentence),
            )
            for m in members
        ),
    )


def _what(members: Sequence[_Statement]) -> str | None:
    """What the group counts, as its sources put it: their distinct labels, fullest first."""
    labels = list(dict.fromkeys(m.label for m in members if m.label))
    full = [label for label in labels if " " in label]
    nouns = list(dict.fromkeys(m.label for m in members if m.label and m.counts))
    return " / ".join((full or nouns or labels)[:MAX_WHAT_LABELS]) or None


def _by_figure(members: Sequence[_Statement]) -> list[list[_Statement]]:
    """The statements of a group with a value, by distinct figure, smallest first
    (``_close`` to a figure's first value: that figure)."""
    out: list[list[_Statement]] = []
    for m in sorted(members, key=lambda m: m.value or 0.0):
        if m.value is None:
            continue
        if not out or not all(_close(x, m) for x in out[-1]):
            out.append([])
        out[-1].append(m)
    if members and members[0].toll:
        return [piece for figure in out for piece in _risen(figure)]
    return out


def _risen(figure: list[_Statement]) -> list[list[_Statement]]:
    """A toll's figure cut where it rose: the statements of a larger value, all
    reported after every one of a smaller value, are a later figure of their own, however
    close the values ("injured more than 5,000" on August 8 and 13, "more than 5,400" on
    September 5). A toll is a running count; where every larger value was reported later,
    it went up. (Since claims.v11.)"""
    if any(m.reported is None for m in figure):
        return [figure]
    values = sorted({m.value or 0.0 for m in figure})
    cuts = [
        v
        for v in values[1:]
        if min(m.reported or "" for m in figure if (m.value or 0.0) >= v)
        > max(m.reported or "" for m in figure if (m.value or 0.0) < v)
    ]
    pieces: list[list[_Statement]] = [[] for _ in range(len(cuts) + 1)]
    for m in figure:  # sorted by value already
        pieces[sum((m.value or 0.0) >= v for v in cuts)].append(m)
    return pieces


def _readings(members: Sequence[_Statement]) -> tuple[Reading, ...]:
    """The distinct figures of a group, smallest first."""
    out = []
    for figure in _by_figure(members):
        documents = tuple(dict.fromkeys(m.doc_id for m in figure))
        times = tuple(dict.fromkeys(m.time for m in figure if m.time))
        out.append(Reading(figure[0].value or 0.0, documents, times))
    return tuple(out)


def _within_a_year(times: Collection[str]) -> bool:
    """Whether the times (ISO days; a month or a year is too coarse to tell) all fall
    within one year."""
    days = []
    for t in times:
        try:
            days.append(dt.date.fromisoformat(t[:10]))
        except ValueError:
            return False
    return bool(days) and (max(days) - min(days)).days < DAYS_IN_A_YEAR


#: A person's age is the same figure within this many days (two sources telling two
#: ages within them disagree).
DAYS_IN_A_YEAR = 365


def _reported_apart(members: Sequence[_Statement]) -> bool:
    """Whether a toll's figures were each reported in a period of its own.

    A toll moves on: once a new figure is reported, the old one is not reported
    again. Two figures both reported within the same days (the first and last
    publication day of each overlap: "113 killed" on July 27 and August 18,
    "114 killed" on July 29) are two accounts of one toll, a conflict. A figure
    written round or qualified ("more than 250", "250") is not the figure of one day:
    where a figure has exact statements, they alone give its days ("killed 257" on
    September 5, "258" on September 11, "more than 250" before and after both).
    """
    spans: list[tuple[str, str]] = []
    for figure in _by_figure(members):
        exact = [m for m in figure if not (m.qualifier or _rounded(m.value or 0.0))]
        days = sorted(m.reported for m in exact or figure if m.reported)
        if days:
            spans.append((days[0], days[-1]))
    return not any(
        a[0] <= b[1] and b[0] <= a[1] for i, a in enumerate(spans) for b in spans[i + 1 :]
    )


def _relation(
    documents: Sequence[str],
    readings: Sequence[Reading],
    apart: Collection[frozenset[str]],
    unit: str = "",
) -> ClaimRelation:
    if len(documents) < 2:
        return "single"
    if len(readings) < 2:
        return "agree"
    # Values differ. Each reading holds for the known times of its statements.
    known = [(set(r.times), set(r.documents)) for r in readings]
    pairs = [(a, b) for i, a in enumerate(known) for b in known[i + 1 :]]
    if any(a[0] & b[0] for a, b in pairs):
        return "conflict"
    if all(a[0] and b[0] for a, b in pairs):
        if unit == "age" and _within_a_year({t for r in readings for t in r.times}):
            # Two ages of one person told days apart ("32-year-old" on Saturday, "31" on
            # Monday) are two sources' accounts, not a birthday: a conflict.
            return "conflict"
        return "evolves"
    # A time is unknown: reports set apart in time by their figures still evolve.
    if all(frozenset((x, y)) in apart for a, b in pairs for x in a[1] for y in b[1]):
        return "evolves"
    return "differs"
