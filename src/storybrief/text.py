"""Text helpers every layer may use: words, comparison keys, newlines, surrogates, datelines
and captions.

The bottom floor of the package: it imports nothing from storybrief but the lexicon, so
the store, the analysis and the ingest modules can all use it without pulling each other in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storybrief.lexicon import AGENCIES, MONTH_ABBREVIATIONS, MONTHS

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
#: Markdown link markup, ``[anchor](url)``: group 1 is the anchor text, group 2 the address.
MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(([^)\s]{0,500})\)")
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls (tab and newline included: a metadata field is one line).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: A typesetting code of the newswire feeds in LDC's corpora (the New York Times
#: service of DUC and AQUAINT: "&QL;" quad left, "&QC;" quad centre, "&QR;" quad
#: right, "&UR;" / "&LR;" upper / lower rule, "&HT;" horizontal tab): layout for
#: the paper, no word of the text. Spaces around it go with it where they would be
#: left doubled or leading ("early &UR; evening" -> "early evening").
TYPESETTING_CODE = re.compile(r"^&(?:QL|QC|QR|UR|LR|HT);[ \t]*|[ \t]*&(?:QL|QC|QR|UR|LR|HT);")
#: The note on who wrote a piece: "(Jane Roe is a Chicago-based free-lance writer.)",
#: "Alan Boyle is NBCNews.com's science editor.", "John Doe writes for the Dayton Daily
#: News, Dayton, Ohio." Group ``open``: the bracket it opens with.
WRITER_NOTE = re.compile(
    r"(?P<open>\()?(?:(?-i:[A-Z])[\w.'’-]+ ){1,3}"
    r"(?:is (?:an? |the |one of the )?(?:[\w.'’,-]+ ){0,6}"
    r"(?:editor|reporter|correspondent|writer|columnist|contributor|journalist|blogger|critic)s?\b"
    r"|writes (?:for|about)\b)"
)
#: Judgement call: a metadata field (a title, an outlet, a byline, a URL, a source label)
#: longer than this is not one; it is cut here, marked with "…". The longest headlines and
#: URLs of the seeds and Multi-News stay well under 1,000 characters.
MAX_FIELD_CHARS = 2000
#: A month's name as written in English copy: "August", "Aug.", "Sept".
MONTH_NAME = "|".join(
    [m.capitalize() for m in MONTHS]
    + [f"{m.capitalize()}\\.?" for m in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)]
)
#: The dateline that opens a wire story, in the wire styles: ``CAIRO (Reuters) - ``,
#: ``LENNOX, Norland — ``, ``DAR ES SALAAM, Tanzania (AP) _ `` (the archives' dash),
#: ``MOSCOW, August 14 (Xinhua) -- ``, ``ROME Feb 21 (Reuters) - ``, the region in
#: brackets (``ISTANBUL (Turkey), August 21 (Xinhua) -- ``). Groups ``place``,
#: ``region``, ``date`` and ``agency``.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,2})?)"
    r"(?:\s+\((?P<region>[A-Z][a-z]+(?:[ .]+[A-Z][a-z]+){0,2}\.?)\)(?=,))?"
    rf"(?:,?\s+(?P<date>(?:{MONTH_NAME})\s+\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{1,30})\)\s*)?(?:—|–|--|-|_)\s"
)
#: Judgement call: a dateline glued after a page's debris (story highlights run
#: together) is looked for this far into the block.
GLUED_DATELINE_CHARS = 1500
#: A mixed-case dateline that names a wire or broadcaster ("Washington (CNN) -- ")
#: after other words on its line: its place is the run of capitalised words before
#: the agency.
GLUED_DATELINE = re.compile(
    r"(?<![\w,])(?P<place>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)\s+"
    r"\((?P<agency>"
    + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
    + r")\)\s*(?:—|–|--|-|_)\s"
)
_PLACE_WORD = re.compile(r"\b(?:in|at|from|to|of|near|for|on|by|into|the)\s+$", re.IGNORECASE)
#: A full date as copy writes it: "May 20, 2010", "Sept. 3, 1999".
FULL_DATE = re.compile(rf"\b(?:{MONTH_NAME})\s+\d{{1,2}},\s+\d{{4}}\b")
#: The header line of a news site's story page before its dateline:
#: ``RABAT | Sun Feb 20, 2011 6:47 pm EST `` (then ``RABAT (Reuters) - ``).
WEB_HEADER = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?\s+\|\s+"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s+"
    r"\d{1,2}:\d{2}\s*[ap]\.?m\.?\s+[A-Z]{2,4}\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a text: ``text[:end]`` is all of it, header included."""

    place: str
    agency: str | None
    date: str | None
    #: Where the dateline proper starts (after a web page's header line, if any).
    start: int
    end: int
    #: Found after other words of its block (story highlights run into it).
    glued: bool = False


def find_dateline(text: str, *, glued: bool = False) -> Dateline | None:
    """The dateline that opens ``text``, in any of the wire styles, or None.

    With ``glued``, also one that names an agency after other words of the
    block ("... were launched Washington (CNN) -- Nineteen U.S. warplanes"), as
    news pages run their story highlights into the dateline; ``start`` is then
    where the dateline's place begins.
    """
    header = WEB_HEADER.match(text)
    start = header.end() if header else 0
    found = DATELINE.match(text[start:])
    if found is None:
        late = GLUED_DATELINE.search(text, 0, GLUED_DATELINE_CHARS) if glued else None
        # "Officials met in London (Reuters) - ": a place a sentence names is no dateline.
        if late is not None and not _PLACE_WORD.search(text, 0, late.start()):
            place, agency = late.group("place"), late.group("agency")
            return Dateline(place, agency, None, late.start(), late.end(), glued=True)
        return None
    place, agency, date = found.group("place").strip(), found.group("agency"), found.group("date")
    if found.group("region"):
        place = f"{place}, {found.group('region')}"
    return Dateline(place, agency, date, start, start + found.end())


#: How many words make a shingle: long enough that shared shingles mean shared
#: sentences, not shared phrases (judgement call, as the store's near-duplicate test).
SHINGLE_WORDS = 5


def shingles(text: str) -> set[str]:
    """The text's lower-cased runs of ``SHINGLE_WORDS`` words (one for a shorter text)."""
    found = text.lower().split()
    return {
        " ".join(found[i : i + SHINGLE_WORDS])
        for i in range(max(len(found) - SHINGLE_WORDS + 1, 1))
    }


_ARCHIVE_MARK = re.compile(r"``|''")
_OPENS_BEFORE = '([{—–-"“‘'


def typographic_quotes(text: str) -> str:
    """The text with the archives' quotation marks as typographic ones, at the same offsets.

    Wire archives write quotations ``like this'' or ''like this'': two backticks
    open; two apostrophes open where a word follows them at the start of a line
    or after a space or bracket, and close otherwise. Each pair becomes its mark
    beside the quoted words and a space on the other side ("``Yes,'' he said"
    reads as " “Yes,” he said"), so an offset found in the result is the same
    in ``text``, which is never changed.
    """
    if "``" not in text and "''" not in text:
        return text
    chars = list(text)
    for found in _ARCHIVE_MARK.finditer(text):
        i = found.start()
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 2] if i + 2 < len(text) else " "
        opens = found.group() == "``" or (
            (before.isspace() or before in _OPENS_BEFORE) and not after.isspace()
        )
        chars[i], chars[i + 1] = (" ", "“") if opens else ("”", " ")
    return "".join(chars)


#: Inline photo credits: "(AP Photo/Jane Doe)", "(Reuters/Jane Doe)", "(Photo by Jane Doe)".
INLINE_CREDIT = re.compile(
    r"\s*\((?:[A-Z][\w.&' ]{0,40}\s)?(?:Photo|Photograph|Picture|Image)s?\s*(?:/|by|:)\s*"
    r"[^()\n]{1,80}\)|\s*\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua)/[^()\n]{1,80}\)|"
    # A credit of two agencies ending in its medium: "(Image Consulting Group/New York
    # Times Photo)".
    r"\s*\([A-Z][^()\n]{0,60}/[^()\n]{1,60}\b(?:Photo|Photograph|Picture|Image)s?\)|"
    # A photographer and an outlet closing a paragraph: "(Ricky Carioti/The Washington
    # Post)", "(KEVORK DJANSEZIAN/REUTERS)".
    r"\s*\((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+ ?/ ?(?:[Tt]he )?[A-Z][\w.&'’ -]{1,50}\)"
    r"(?=[ \t]*(?:\n|$))"
)
# Cues that a sentence or paragraph is a photo caption (see ``is_caption_like``).
_CAPTION_CUE = re.compile(
    r"\bposes? for (?:photographers|a (?:photo|picture)|pictures)\b|\bpictured\b|"
    r"\(pictured\)|\bis seen (?:here|in this)\b|\bin this (?:photo|picture|image)\b|"
    # Agency captions: "FILE - In this Jan. 12, 2012, file photo, ...", "This undated
    # photo provided by ...", "Photo: ...", and the widgets of photo galleries.
    r"^FILE\s*(?:[-_–—]|\bPHOTO\b)|\bin this\b[^.]{0,60}\b(?:photo|picture|image)\b|"
    r"\b(?:file|undated|booking|handout) (?:photo|picture|image)\b|"
    r"\b(?:photo|picture|image) (?:provided|released|taken|made available|obtained) by\b|"
    # "Police released this still image from ...", "These pictures were taken on ...".
    r"\b(?:released|captured|took|shared|posted|obtained) (?:this|these) (?:\w+ ){0,2}"
    r"(?:photo|picture|image|still)s?\b|"
    r"\b(?:this|these) (?:\w+ )?(?:photo|picture|image)s? (?:was|were) taken\b|"
    r"^(?:photo|image)s?\s*[:–—]|\bimage (?:copyright|caption)\b|"
    # A gallery's widget: "Photos: The rise and fall of ... Hide Caption 1 of 23".
    r"\bHide Caption \d+ of \d+\b|"
    r"(?-i:\b(?:Buy|Share) Photo\b|\bView (?:Photos|Images)\b|\bEnlarge (?:image|photo)\b)|"
    r"\bfull screen autoplay\b|"
    # Who stands where in the picture: "Jane Doe (2nd L) and John Roe (R) sit ...".
    # One "(L)" may be a party's initial; an ordinal or two of them are places in a picture.
    r"(?-i:\(\d(?:st|nd|rd|th) [LRC]\)|\([LRC]\)[^\n]{1,200}\([LRC]\))|"
    r"\((?:left|right|centre|center|front|rear)\)|"
    # And as agencies write it: "Defense attorney Patricia Palm, left, and O.J. Simpson
    # appear at ...", "Andrew Olmsted, second from left, ...".
    r"(?-i:\b[A-Z][\w.'’-]+),\s(?:left|right|cent(?:er|re)|second from (?:left|right)|front|"
    r"rear|foreground|background)(?: row)?,\s|"
    # Video widgets of station and newspaper sites, with the video's caption.
    r"(?-i:^EMBED More News Videos\b|^JUST WATCHED\b|^CLOSE\b[^\n]{0,600}\bUSA TODAY\s*$|"
    r"^CLOSE (?:Skip\b|[A-Z][a-z])|^CORRECTS\b)|"
    # A page's label for its video or pictures, in capitals, run into what follows it:
    # "TRAILER: Get a taste of the film ...", "WATCH: ...", "PHOTOS: ...".
    r"(?-i:^(?:WATCH|VIDEO|TRAILER|PHOTOS?|GALLERY|SLIDESHOW|LISTEN|AUDIO)\s*:)|"
    # The caption of a station's video: "Jane Doe reports for NBC4 News at 5 on ...".
    r"\breports (?:for|during|on) (?:the )?[\w.' ]{1,40}(?-i:\bNews) at \d|"
    # An agency caption ends with the day it shows: "... in Cairo, Monday, Jan. 2, 2012."
    # The place may run into the day with no comma ("... in Kajiado, Kenya Wednesday,
    # March 30, 2016.").
    r"(?:,|(?-i:\b[A-Z][a-z]+))\s(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s\d{4}\.?\s*$|"
    # A caption ends with its credit: "... Nov. 28, 2011. REUTERS/Jane Doe", "AFP/Getty Images".
    r"(?:\b(?:REUTERS|Reuters|AFP|AP|EPA)/[A-Z][\w.'’ -]{0,40}|\bGetty Images)\s*$|"
    # A caption opening with its credit, a photographer and an outlet, on the line
    # it shares ("Mira Solberg/NASA A supermoon over the quay on Sunday, Sept. 27,
    # 2015.", "Jane Doe / Getty Images Snowboarder Kelly Clark at ...").
    r"(?-i:^(?:By )?(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+ ?/ ?[A-Z][\w&.'’-]*[ \t]+[A-Z])|"
    # A page's teaser of an agency's story, cut short and credited: "A lion was shot
    # dead in Kenya on Wednesday... (Associated Press)" (not a paragraph of a roundup
    # that credits each agency: '..., Abu Zuhri said. (Reuters)').
    r"(?:\.\.\.|…)\s*(?-i:\((?:Associated Press|AP|Reuters|AFP)\))\s*$",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def squash(text: str) -> str:
    """Whitespace-collapsed, case-folded form used to compare lines."""
    return " ".join(MARKDOWN_LINK.sub(r"\1", text).split()).casefold()


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; all offsets refer to the result."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def no_surrogates(text: str) -> str:
    """The text with lone surrogates (undecodable file names, broken strings) replaced by U+FFFD.

    They cannot be written as UTF-8: a store or a JSON file would fail on them.
    """
    return _SURROGATE.sub("\ufffd", text)


def clean_field(value: str, limit: int = MAX_FIELD_CHARS) -> str:
    """A metadata value made safe to store and print: one line, no surrogates, bounded.

    Lone surrogates become U+FFFD, control characters, wire typesetting codes
    (``TYPESETTING_CODE``) and runs of whitespace one space, and a value over
    ``limit`` characters is cut there, ending in "…".
    """
    if len(value) > 4 * limit:  # bound the work before the whole value is scanned
        value = value[: 4 * limit]
    value = " ".join(TYPESETTING_CODE.sub(" ", _CONTROL.sub(" ", no_surrogates(value))).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def clean_label(value: str, limit: int = MAX_FIELD_CHARS) -> str:
    """A source label or message made safe to store and print, its spacing kept.

    Lone surrogates and control characters become U+FFFD; a label over ``limit``
    characters is cut there, ending in "…".
    """
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return _CONTROL.sub("\ufffd", no_surrogates(value))


#: A broadcaster's or wire's credit that opens a story with no place before it
#: ("(CNN) Kenyan rangers killed ...", "(Reuters) - "), as news sites print it.
AGENCY_CREDIT = re.compile(
    r"^\((?:"
    + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
    + r")\)(?:\s*(?:—|–|--|-|_))?\s+(?=[A-Z\"“‘'])"
)


def dateline_length(text: str) -> int:
    """Length of the dateline that opens ``text`` ("CAIRO (Reuters) - ", or a bare
    credit: "(CNN) "), or 0."""
    credit = AGENCY_CREDIT.match(text)
    if credit:
        return credit.end()
    found = find_dateline(text)
    return found.end if found else 0


#: The page saying the piece is its writer's view: "The author is a Reuters Breakingviews
#: columnist. The opinions expressed are his own.", "The views expressed here are
#: solely those of the author."
DISCLAIMER = re.compile(
    r"\b(?:opinions?|views?) expressed (?:here |herein |in (?:this|the) \w+ )?"
    r"(?:are|is) (?:(?:his|her|their|the author's|the writer's) own|solely|those of)\b|"
    r"(?:^|\n)\s*The (?:author|writer) is an? (?:[\w.'’-]+ ){0,4}(?:columnist|commentator)\b",
    re.I,
)
#: A wire's reprint of a paper's editorial opens by saying so ("The New York Times said
#: in an editorial on Saturday, Oct. 10: ..."); looked for this near the start.
_EDITORIAL_OPENING = re.compile(
    r"\bsaid in (?:an|its|a recent) editorial\b|^\W*editorial\s*[:|—–-]", re.I
)
EDITORIAL_OPENING_CHARS = 300


def declares_editorial(text: str) -> bool:
    """Whether a document opens by saying it is an editorial: the paper's opinion, not a
    report."""
    return bool(_EDITORIAL_OPENING.search(text[:EDITORIAL_OPENING_CHARS]))


def is_caption_like(text: str) -> bool:
    """Whether a sentence or paragraph reads as a photo caption or credit.

    Used on blocks by cleaning, and on sentences by the summary: plain-text sources
    (Multi-News, JSON) often run a caption into a body paragraph.
    """
    text = text.strip()
    return bool(INLINE_CREDIT.search(text) or _CAPTION_CUE.search(text))


# A quotation left open runs on to a closing mark at most this many paragraphs on
# (wire copy split a paragraph per sentence: a speaker's four sentences are four
# "paragraphs"); beyond that the mark was never closed and only its own paragraph is
# quoted. Judgement call (not measured).
QUOTE_PARAGRAPHS = 8
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _opens_paragraph(text: str, i: int) -> bool:
    """Whether only spaces stand between a line's start and offset i."""
    start = text.rfind("\n", 0, i) + 1
    return not text[start:i].strip()


def _quote_marks(text: str) -> list[tuple[int, bool | None]]:
    """Every double quotation mark with whether it opens: typographic marks say so; a
    straight mark opens after a space or bracket (or at a line's start) before a word.
    One between a sentence's end and a word, with no space on either side, may do
    either (None): a page that lost its paragraph breaks runs 'her safety."We believe'
    (opening) as it runs 'to the shelter."After' (closing)."""
    marks: list[tuple[int, bool | None]] = []
    for found in re.finditer(r"[“”\"]", text):
        i = found.start()
        mark = found.group()
        opens: bool | None
        if mark == '"':
            before = text[i - 1] if i > 0 else "\n"
            after = text[i + 1] if i + 1 < len(text) else " "
            if before in ".,!?;:" and after.isalnum():
                opens = None
            else:
                opens = (before.isspace() or before in "([{—–-") and not after.isspace()
        else:
            opens = mark == "“"
        marks.append((i, opens))
    return marks


def outside_quotes(text: str) -> str:
    """The text with quoted passages blanked (offsets kept).

    A quotation that runs over paragraphs is quoted to its closing mark, whether
    each paragraph reopens it (the convention) or not (copy that breaks a
    paragraph per sentence), up to QUOTE_PARAGRAPHS paragraphs on. A mark never
    closed quotes the rest of its own paragraph.
    """
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    def paragraph_end(i: int) -> int:
        end = text.find("\n", i)
        return len(text) if end < 0 else end

    opened: int | None = None
    for i, stated in _quote_marks(text):
        if opened is not None and len(_PARAGRAPH_BREAK.findall(text, opened, i)) > QUOTE_PARAGRAPHS:
            blank(opened, paragraph_end(opened))
            opened = None
        opens = opened is None if stated is None else stated  # either: it closes an open one
        if opened is None:
            if opens:
                opened = i
            continue
        if not opens:
            blank(opened, i + 1)
            opened = None
        elif _opens_paragraph(text, i):
            continue  # the next paragraph of the same quotation
        else:
            blank(opened, paragraph_end(opened))
            opened = i
    if opened is not None:
        blank(opened, paragraph_end(opened))
    return "".join(chars)
