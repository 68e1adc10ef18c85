"""Cleaning with provenance: take the debris out of an article, keep what it said.

Real articles arrive with headers (title, byline, date, outlet), photo captions
(sometimes twice), credits, "RELATED:" lines, lists of related links, "Original
url" footers and markdown link residue. ``clean_text`` removes that debris and
returns the cleaned text, the stated metadata it found (each with evidence),
and every removed piece with its offsets in the input, so nothing is lost.

Offsets in ``Removed`` and in ``Evidence(location="removed")`` index the input
after its line endings were normalised to ``\\n`` (see ``storybrief.text.normalize_newlines``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, replace

from storybrief.ingest.dates import parse_date_line
from storybrief.lexicon import AGENCIES
from storybrief.model import (
    DateRef,
    Evidence,
    Granularity,
    Metadata,
    Removed,
    Stated,
    StatesMetadata,
)
from storybrief.text import (
    FULL_DATE,
    INLINE_CREDIT,
    MARKDOWN_LINK,
    TYPESETTING_CODE,
    WRITER_NOTE,
    Dateline,
    find_dateline,
    is_caption_like,
    squash,
    words,
)

# A block counts as body text (and ends the header zone) when it is a sentence of
# at least this many words, or any block of at least _BODY_MIN_WORDS_ANY words.
# Headlines in the seeds and fixtures run 5-15 words without final punctuation;
# a one-line lead paragraph runs 20+ words.
# Judgement call: a dateline is looked for in the first three body blocks, past
# short lines that are not the story yet (a photo caption, a page's header line).
DATELINE_BLOCKS = 3
DATELINE_LEAD_WORDS = 40
_BODY_MIN_WORDS_SENTENCE = 12
_BODY_MIN_WORDS_ANY = 40
# At most this many blocks are read as a header before the body starts
# (judgement call: a header is a few short lines).
_MAX_HEADER_BLOCKS = 8
# Repeated blocks shorter than this are left alone (short repeated lines such as
# "Advertisement" are handled elsewhere; a repeated phrase may be legitimate).
# Judgement call, not measured.
_MIN_DUPLICATE_WORDS = 6
# Judgement calls: a header line of at most this many words may be an outlet,
# and a "By ..." line of at most this many a byline.
_MAX_OUTLET_WORDS = 6
_MAX_BYLINE_WORDS = 14

_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$|["”’)]$""")
#: A line ending in a full stop that is not an abbreviation's ("U.S.", "Inc.", "Jr.").
_FULL_STOP = re.compile(
    r"""(?<![.\s])(?<!\b[A-Z])(?<!\b(?:Jr|Sr|St|Co|Mr|Ms|Dr|No|vs))(?<!\b(?:Mrs|Inc|Ltd|Gen|Rep|Sen|Gov))"""
    r"""(?<!\bCorp)(?<!\bBros)\.["'”’)\]]*$"""
)


def _ends_with_full_stop(line: str) -> bool:
    """Whether a line ends as a sentence does, with a full stop (not "U.S." or "Inc.")."""
    return bool(_FULL_STOP.search(line.rstrip()))


_ANGLE_URL = re.compile(r"^<?(https?://\S+?)>?$")
_RELATED_LINE = re.compile(
    r"^(?:RELATED|READ MORE|SEE ALSO|ALSO READ|MORE)\s*:\s*\S", re.IGNORECASE
)
_RELATED_HEADING = re.compile(
    r"^(?:related (?:articles|stories|coverage|links|content)|more on this(?: story)?|"
    r"read more|you may also like|recommended)\s*:?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+\S")
_ORIGINAL_URL = re.compile(r"^(?:original (?:url|article|link)|source url)\s*:\s*(\S*)$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<value>\S.*?)\s*$", re.IGNORECASE)
_BYLINE_RESIDUE = re.compile(r"^by(?:\s+in\s+[\w ,&'-]{1,60})?\s*\.?$", re.IGNORECASE)
_STAFF = re.compile(r"^(?:the\s+)?(?P<outlet>.+?)\s+staff$", re.IGNORECASE)
_DESK_WORDS = frozenset(
    [
        "politics",
        "business",
        "world",
        "sports",
        "sport",
        "tech",
        "technology",
        "science",
        "health",
        "opinion",
        "national",
        "international",
        "metro",
        "local",
        "news",
        "desk",
        "culture",
        "entertainment",
        "markets",
    ]
)
_OUTLET_WORD = re.compile(
    r"\b(?:Times|News|Post|Press|Journal|Herald|Tribune|Guardian|Courier|Gazette|Daily|"
    r"Wire|Agency|Telegraph|Chronicle|Observer|Monitor|Reuters|AFP|AP|BBC|CNN|Bloomberg|"
    r"Independent|Standard|Express|Mail|Star|Sun|Globe|Review|Magazine|Weekly|Radio|TV|"
    r"Television|Network|Broadcasting|Online|Ledger|Record|Register|Bulletin|"
    r"Dispatch|Sentinel|Advocate|Examiner|Inquirer|Enquirer|Mirror|Beacon|Argus|"
    r"Courant|Despatch|Statesman|Clarion|Banner|Messenger)\b"
    # Words that also open ordinary lines ("World leaders meet") count only after a name.
    r"|(?<=\w )(?:World|Echo|Today|Leader|Item)\b"
)
_PERSON_NAME = re.compile(
    r"^(?:[A-Z][a-z]+\.? )?[A-Z][a-zà-ÿ'’]+(?:[- ](?:(?:de|van|von|al|el|bin|da|di|le)[- ])?"
    r"[A-Z][a-zà-ÿ'’]+\.?){1,3}$"
)
_CREDIT_LINE = re.compile(
    r"^(?:photo|photograph|image|picture)s?\s*(?:credit)?\s*(?:by|:)\s*\S.{0,80}$", re.I
)
# Notices of the web page, not the article: advertising slots, script and
# location notices, reprint terms, and the placeholders that web archives
# serve instead of a page. A block that is one of these (and short) goes.
_PAGE_NOTICE = re.compile(
    r"^(?:photo\s+)?(?:advertisement\s*)+(?:continue reading the main story)?$|"
    r"^story continues below advertisement$|^tweet with a location$|"
    r"\bwhen you tweet with a location\b|\btweet location history\b|"
    r"\bas an interest to stay up to date\b|"
    r"\b(?:enable|turn on)\b.{0,20}\bjavascript\b|\bjavascript is (?:disabled|off)\b|"
    r"\bfor your personal,? non-commercial use only\b|"
    r"\bcrawl(?:s|ed)?(?: data)?\b.{0,80}\b(?:internet archive|wayback machine)\b|"
    r"\b(?:internet archive|wayback machine)\b.{0,80}\bcrawl(?:s|ed)?\b|"
    r"\bWARCs?\b.{0,120}\bwayback machine\b|"
    # Newsletter and follow widgets.
    r"(?:^|[.!?]\s+)(?-i:Sign up) (?:here )?for\b.{0,80}\b(?:newsletters?|e-?mails?|inbox)\b|"
    r"\bby (?:signing up|clicking\W{0,2}subscribe\W{0,2}),? you agree\b|"
    r"\bsign up for our (?:\w+ )?newsletters?\b|\bthanks? (?:you )?for subscribing\b|"
    r"^view all\b.{0,40}\bnewsletters\.?$|"
    r"^follow us\b|\bfollow @\w+ on twitter\b|^follow\b.{0,40}\bon twitter @\w+|"
    r"^like this: like loading|^read or share this story:|"
    # The page telling of itself: "Editor's note: This story has been updated ...",
    # "Correction: This article originally misnamed ...", "An earlier version of this
    # story ...", "This story appears in the December 12 issue of ...".
    r"^\W*(?:editors?['’]?s?['’]? note:\s*|correction:\s*|\(\s*)?"
    r"(?:an earlier version of )?this (?:article|story|interview|post|piece)"
    r" (?:has been |was |is |appears |originally )?"
    r"(?:updated|amended|corrected|edited|revised|condensed|appears? in|misnamed|misstated)\b|"
    # What a video player shows when the video does not load.
    r"^the interactive transcript could not be loaded\b|"
    r"^rating is available when the video has been rented\b|"
    r"^this feature is not available right now\b|"
    r"^media playback is (?:unsupported|not supported) on your device\b|"
    # A site's page-not-found notice, crawled in the article's place.
    r"\bhaving trouble (?:locating|finding) "
    r"(?:a destination|the page|what you['’]re looking for)\b|"
    r"\bthe page you (?:requested|are looking for|were looking for|tried to (?:reach|access))"
    r" (?:(?:was|is|could not be|cannot be|can['’]t be) (?:not )?found|"
    r"(?:does not|doesn['’]t) exist|is (?:no longer )?available)\b|"
    r"^click here to go to the home page\b|^please check the url for proper spelling\b|"
    # The Internet Archive's note on a collection crawled in an article's place.
    r"\bweb collections curated by\b.{0,80}\bArchive-?It\b|"
    # Twitter's location widget.
    r"^add a location to your tweets$",
    re.IGNORECASE | re.DOTALL,
)
# A site's widget that runs into a block of its own, however long: the newsletter
# box of a news page ("Newsletter Sign Up Continue reading the main story ...").
_WIDGET = re.compile(r"^(?:Newsletter Sign Up|Continue reading the main story)\b")
# The wire's sign-off: who reported, wrote and edited the story. It ends the story;
# what follows it on a page (the site's promotions, readers' comments) is not the article.
_SIGN_OFF = re.compile(
    r"^(?:\((?:(?:Additional|Further) )?|(?:(?:Additional|Further) )?)"
    r"(?:Reporting|Writing|Editing|Compiled|Reporting and writing|Writing and reporting)"
    r" by (?-i:[A-Z])[\w.'’-]+(?: (?-i:[A-Z])[\w.'’-]+){0,3}"
    r"(?: in (?-i:[A-Z])[\w.'’-]+(?: (?-i:[A-Z])[\w.'’-]+){0,2})?\s*(?:[;,)]| and |$)"
    r"|^To contact the (?:reporters?|editors?) (?:on|responsible for) this story\b",
    re.IGNORECASE,
)
# The note on who wrote the piece (``WRITER_NOTE``) as a paragraph of its own. Kept in
# the text (it names the writer), but no sentence of the story, like a caption. In
# brackets anywhere (syndicated copy puts it first or last); without them only among the
# last WRITER_NOTE_TAIL paragraphs, where a paper signs its pieces ("Smith is a reporter
# for the Planet" higher up may be of the story's subject).
_WRITER_NOTE_LINE = re.compile(rf"^(?:{WRITER_NOTE.pattern})[^\n]{{0,160}}$")
WRITER_NOTE_TAIL = 3
# A post of a social network embedded in the page (a tweet's link to its picture or
# its shortened link, its signature "— Jane Doe (@janedoe) August 12, 2018", a
# header "Jane Doe (@janedoe) Great game ...", Instagram's "A post shared by ...
# (@janedoe)"): kept in the text, like a caption, but the poster's words, not the story.
_EMBEDDED_POST = re.compile(
    r"\bpic\.twitter\.com/\w|\bhttps?://t\.co/\w|"
    rf"[—–-]\s*[^\n()]{{1,60}}\(@\w{{1,15}}\)\s*{FULL_DATE.pattern}\s*$|"
    r"^[^\n()]{1,60}\(@\w{1,15}\)\s+\S|"
    r"\bA post shared by\b[^\n]{0,80}\(@[\w.]{1,30}\)"
)
# A page's time stamp on a line of its own ("Posted at 11:43 AM on Nov. 24, 2010",
# "Updated: June 22, 2017 1:24 pm"): kept, like a caption, but no event of the story.
_STAMP_LINE = re.compile(
    r"^(?:Posted|Published|Updated|Last updated|First published):?"
    r"(?=[^\n]*(?:\d{1,2}:\d\d|\b(?:19|20)\d\d\b))"
    # Then only a date's and a time's words: "at", "on", names, numbers, "am"/"pm".
    r"(?:[\s,.:|/-]+(?:at|on|am|pm|a\.m\.|p\.m\.|[A-Z][A-Za-z]*\.?|\d[\d:]*))+\s*$"
)
# The page's copyright line ("Copyright 2017 by WKMG ClickOrlando - All rights
# reserved.", "© 2018 Cable News Network"): kept, like a caption, but no event of 2017.
_COPYRIGHT_LINE = re.compile(
    r"^(?:copyright\b\s*(?:©\s*)?|©\s*|\(c\)\s*)(?:19|20)\d\d\b[^\n]{0,120}$", re.I
)
# A hashtag or handle ("#breaking", "@ABC7"): a paragraph with one just before an
# embedded post is the post's own text run over two paragraphs.
_TAG = re.compile(r"(?<![\w&])#[A-Za-z]\w*|(?<![\w.])@\w{2,15}\b")
# A news site's "Story Highlights" box: the marker and the bullets after it, each a
# short line of its own, before the body. Judgement calls: at most this many bullets
# follow the marker's own line (the box holds three or four), each at most
# _HIGHLIGHT_MAX_WORDS words (a body paragraph runs longer).
_HIGHLIGHTS = re.compile(r"\bStory Highlights\b")
_HIGHLIGHT_BULLETS = 3
_HIGHLIGHT_MAX_WORDS = 20
# A character reference left in text taken from a web page ("Tom &amp; Jerry",
# "it&#39;s"), escaped once or more ("&amp;amp;nbsp;"): the character it stands for.
_ENTITY = re.compile(r"&(?:amp;)*(?:[A-Za-z][A-Za-z0-9]{1,9}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _unescaped(reference: str) -> str:
    """The character a reference stands for, unescaped until nothing changes; the
    reference itself when it names no character."""
    value, before = html.unescape(reference), reference
    while value != before:
        value, before = html.unescape(value), value
    return value.replace("\xa0", " ")


# Judgement call: a longer block that matches a notice cue is article text. (The
# notice cues as a whole lifted Multi-News 20-cluster R-2 15.14 -> 15.40, commit a28eb7e.)
_PAGE_NOTICE_MAX_WORDS = 60
# The Internet Archive's "No More 404" placeholder runs longer than other notices:
# 113 words each of the 8 times it is a block in Multi-News test200; 150 is a
# judgement call above that.
_ARCHIVE_PLACEHOLDER = re.compile(
    r"^these crawls are part of an effort to archive pages\b", re.IGNORECASE
)
_ARCHIVE_PLACEHOLDER_MAX_WORDS = 150


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    text: str
    kind: str = "body"  # body, title, caption (or sign-off), or the kind it was removed as
    removed: bool = False


def _before_dateline(block: str) -> bool:
    """Whether a short line may stand before the story's dateline: a caption (it states a
    full date, or reads as one) or a line that is no sentence ("TEHRAN |")."""
    if len(words(block)) > DATELINE_LEAD_WORDS:
        return False
    return bool(
        is_caption_like(block) or FULL_DATE.search(block) or not _SENTENCE_END.search(block)
    )


@dataclass(frozen=True, slots=True)
class CleanResult(StatesMetadata):
    """The cleaned text and what was learnt while cleaning it.

    ``metadata`` holds what the article's header and footer lines state (``title``,
    ``outlet``... read it too); ``removed`` lists those lines and the other debris.
    """

    text: str
    removed: tuple[Removed, ...]
    metadata: Metadata
    captions: tuple[tuple[int, int], ...] = ()


def split_blocks(text: str) -> list[_Block]:
    """Paragraphs: runs of non-blank lines, trimmed, with their offsets in ``text``.

    Read line by line: a regular expression for "a line with a non-space" retried at
    every position of a long blank line was quadratic (a line of 20,000 spaces, 1.2 s).
    """
    blocks: list[_Block] = []
    block_start: int | None = None
    block_end = 0
    position = 0
    for line in text.split("\n"):
        if line.strip():
            if block_start is None:
                block_start = position
            block_end = position + len(line)
        elif block_start is not None:
            blocks.append(_trimmed_block(text, block_start, block_end))
            block_start = None
        position += len(line) + 1
    if block_start is not None:
        blocks.append(_trimmed_block(text, block_start, block_end))
    return blocks


def _trimmed_block(text: str, start: int, end: int) -> _Block:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    return _Block(start + lead, end - trail, raw.strip())


def _split_header_lines(blocks: list[_Block]) -> list[_Block]:
    """Header lines often come without blank lines between them: read them one by one."""
    out: list[_Block] = []
    for index, block in enumerate(blocks):
        lines = block.text.split("\n")
        in_header = index < _MAX_HEADER_BLOCKS and not any(_is_body(b.text) for b in blocks[:index])
        if in_header and len(lines) > 1 and not any(_is_body(line) for line in lines):
            offset = block.start
            for line in lines:
                start = block.start + block.text.index(line, offset - block.start)
                offset = start + len(line)
                stripped = line.strip()
                if stripped:
                    lead = len(line) - len(line.lstrip())
                    out.append(_Block(start + lead, start + lead + len(stripped), stripped))
        else:
            out.append(block)
    return out


def _is_body(text: str) -> bool:
    n = len(words(text))
    if n >= _BODY_MIN_WORDS_ANY:
        return True
    return n >= _BODY_MIN_WORDS_SENTENCE and bool(_SENTENCE_END.search(text))


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")
_MD_EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})(?P<inner>\S(?:.*\S)?)\1$")
_OUTLET_AND_DATE = re.compile(r"^(?P<outlet>[^,|]{2,60}?)\s*[,|]\s+(?P<date>.{6,40})$")
#: A page's time stamp and its byline on one line ("March 10, 2012 10:54 am ET by
#: Harbour Desk Staff").
_DATE_AND_BYLINE = re.compile(r"^(?P<date>.{6,50}?)\s+by\s+(?P<byline>\S.{0,60})$", re.IGNORECASE)


def _unmark(text: str) -> str:
    """A header line without its Markdown: "# Title" -> "Title", "*Outlet*" -> "Outlet"."""
    text = _MD_HEADING.sub("", text.strip())
    m = _MD_EMPHASIS.match(text)
    return m.group("inner") if m else text


def _looks_like_outlet(value: str) -> bool:
    # People's names do not start with "The"; outlets often do ("The Lennox Ledger").
    short = len(words(value)) <= _MAX_OUTLET_WORDS
    return short and (value.startswith("The ") or bool(_OUTLET_WORD.search(value)))


def _is_person_line(text: str) -> bool:
    return "\n" not in text and bool(_PERSON_NAME.match(text)) and not _looks_like_outlet(text)


def _strip_links(text: str) -> str:
    return " ".join(MARKDOWN_LINK.sub(r"\1", text).split())


def _strip_desk(outlet: str) -> str:
    """'Blouin News Politics' -> 'Blouin News': drop trailing desk names, never 'News'."""
    parts = outlet.split()
    while len(parts) > 1 and parts[-1].casefold() in _DESK_WORDS - {"news"}:
        parts.pop()
    return " ".join(parts)


def is_page_notice(text: str) -> bool:
    """Whether a short block is a notice of the web page (ads, scripts, archives)."""
    text = text.strip()
    n = len(words(text))
    if n <= _ARCHIVE_PLACEHOLDER_MAX_WORDS and _ARCHIVE_PLACEHOLDER.search(text):
        return True
    return n <= _PAGE_NOTICE_MAX_WORDS and bool(_PAGE_NOTICE.search(text))


class _Cleaner:
    def __init__(self, raw: str, known_title: str | None) -> None:
        self.raw = raw
        self.blocks = _split_header_lines(split_blocks(raw))
        self.title_block: _Block | None = None
        self.known_title = squash(known_title) if known_title else None
        self.meta = Metadata()
        self.removed: list[Removed] = []
        self.outlet_forms: set[str] = set()

    # -- helpers ---------------------------------------------------------------
    def _remove(self, block: _Block, kind: str) -> None:
        block.removed = True
        block.kind = kind

    def _evidence(self, block: _Block) -> Evidence:
        return Evidence(text=block.text, location="removed", start=block.start, end=block.end)

    def _set_outlet(self, value: str, block: _Block) -> None:
        value = _strip_links(value)
        self.outlet_forms.add(squash(value))
        if self.meta.outlet is None:
            self.meta = replace(self.meta, outlet=Stated(value, self._evidence(block)))

    def _set_published(self, date: tuple[dt.date, Granularity], block: _Block) -> None:
        if self.meta.published is None:
            value, granularity = date
            published = DateRef(value, granularity, False, self._evidence(block))
            self.meta = replace(self.meta, published=published)

    # -- passes ----------------------------------------------------------------
    def run(self) -> CleanResult:
        self._debris_pass()
        self._header_pass()
        self._caption_pass()
        self._duplicate_pass()
        return self._assemble()

    def _debris_pass(self) -> None:
        """Lines that are debris wherever they stand."""
        in_related_list = False
        expect_url = False
        signed_off = False
        for k, block in enumerate(self.blocks):
            if signed_off:
                self._remove(block, "after_story")
                continue
            first_line = block.text.split("\n", 1)[0]
            if k > 0 and _SIGN_OFF.match(first_line):
                # Kept in the text (it names the reporters), but not as the story:
                # like a caption, it is no summary sentence, quote or event.
                block.kind = "caption"
                signed_off = True
                continue
            if _WIDGET.match(first_line):
                self._remove(block, "page_notice")
                continue
            if _STAMP_LINE.match(block.text) or _COPYRIGHT_LINE.match(block.text):
                block.kind = "caption"
                continue
            note = _WRITER_NOTE_LINE.match(block.text)
            if note and (note.group("open") or k >= len(self.blocks) - WRITER_NOTE_TAIL):
                block.kind = "caption"
                continue
            if _EMBEDDED_POST.search(block.text):
                block.kind = "caption"
                before = next((b for b in reversed(self.blocks[:k]) if not b.removed), None)
                if before is not None and before.kind == "body" and _TAG.search(before.text):
                    before.kind = "caption"
                continue
            url_line = _ANGLE_URL.match(block.text) if expect_url else None
            if url_line is not None:
                self._remove(block, "original_url")
                self.meta = replace(self.meta, url=self.meta.url or url_line.group(1))
                expect_url = False
                continue
            expect_url = False
            if _RELATED_HEADING.match(first_line):
                self._remove(block, "related_list")
                rest = block.text.split("\n")[1:]
                in_related_list = not rest or all(_LIST_ITEM.match(line) for line in rest)
                continue
            if in_related_list and all(_LIST_ITEM.match(line) for line in block.text.split("\n")):
                self._remove(block, "related_list")
                continue
            in_related_list = False
            if all(_RELATED_LINE.match(line) for line in block.text.split("\n")):
                self._remove(block, "related")
                continue
            url_match = _ORIGINAL_URL.match(first_line)
            if url_match and "\n" not in block.text:
                self._remove(block, "original_url")
                found = _ANGLE_URL.match(url_match.group(1)) if url_match.group(1) else None
                if found:
                    self.meta = replace(self.meta, url=self.meta.url or found.group(1))
                else:
                    expect_url = True
                continue
            if _CREDIT_LINE.match(block.text):
                self._remove(block, "photo_credit")
            elif is_page_notice(block.text):
                self._remove(block, "page_notice")

    def _header_pass(self) -> None:
        """Title, byline, date and outlet lines before the body starts."""
        previous: _Block | None = None
        title: _Block | None = None
        has_body = any(_is_body(b.text) for b in self.blocks)
        for index, block in enumerate(self.blocks):
            if index >= _MAX_HEADER_BLOCKS or _is_body(block.text):
                break
            if block.removed or block.kind == "caption":
                continue
            one_line = "\n" not in block.text
            text = _unmark(_strip_links(block.text))
            key = squash(text)
            if one_line and _BYLINE_RESIDUE.match(text):
                self._remove(block, "byline_residue")
            elif one_line and (m := _BYLINE.match(text)) and len(words(text)) <= _MAX_BYLINE_WORDS:
                self._read_byline(m.group("value"), block)
            elif one_line and (date := parse_date_line(text)) is not None:
                self._remove(block, "date")
                self._set_published(date, block)
            elif one_line and key in self.outlet_forms:
                self._remove(block, "outlet")
            elif (
                one_line
                and (m := _OUTLET_AND_DATE.match(text))
                and _looks_like_outlet(m.group("outlet"))
                and (date := parse_date_line(m.group("date"))) is not None
            ):  # "Tarrow Valley News, April 5, 2024"
                self._set_outlet(m.group("outlet"), block)
                self._remove(block, "outlet_and_date")
                self._set_published(date, block)
            elif (
                one_line
                and (m := _DATE_AND_BYLINE.match(text))
                and (date := parse_date_line(m.group("date"))) is not None
            ):  # "March 10, 2012 10:54 am ET by Harbour Desk Staff"
                self._read_byline(m.group("byline"), block)
                self._set_published(date, block)
            elif title is not None and key == squash(title.text):
                self._remove(block, "title_duplicate")
            elif (
                one_line
                and title is not None
                and previous is not None
                and previous.kind in ("title", "title_duplicate")
                and self.meta.byline is None
                and _is_person_line(text)
            ):
                self._remove(block, "byline")
                self.meta = replace(self.meta, byline=Stated(text, self._evidence(block)))
            elif one_line and title is not None and _looks_like_outlet(text):
                self._set_outlet(text, block)
                self._remove(block, "outlet")
            elif (
                title is None
                and one_line
                and self.known_title is None
                and _ends_with_full_stop(text)
                and has_body
            ):
                # A headline ends with no full stop: a short sentence above the body is
                # a caption or a note ("Police officers protest in Cairo on Sunday.",
                # "The author is a columnist."), not the title and not the story's text.
                block.kind = "caption"
            elif title is None and self.known_title is None and is_caption_like(text):
                block.kind = "caption"  # a video's blurb above the story ("CLOSE ...")
            elif title is None and (self.known_title is None or key == self.known_title):
                block.kind = "title"
                title = block
            previous = block
        # Without a body block, a title needs text after it and no sentence ending of
        # its own: "Ferries halted" over one short report is a headline, a lone
        # sentence is not.
        if (
            self.known_title is None
            and title is not None
            and not any(_is_body(b.text) for b in self.blocks)
        ):
            later = [b for b in self.blocks if b.start > title.start and not b.removed]
            if not later or _SENTENCE_END.search(title.text):
                title.kind = "body"

    def _read_byline(self, value: str, block: _Block) -> None:
        self._remove(block, "byline")
        value = _strip_links(value)
        staff = _STAFF.match(value)
        if staff:
            self._set_outlet(_strip_desk(staff.group("outlet")), block)
            return
        parts = [p.strip() for p in re.split(r",\s+|\s+[|/]\s+", value) if p.strip()]
        people = [p for p in parts if not _looks_like_outlet(p)]
        for outlet in (p for p in parts if _looks_like_outlet(p)):
            self._set_outlet(outlet, block)
        if people and self.meta.byline is None:
            byline = Stated(", ".join(people), self._evidence(block))
            self.meta = replace(self.meta, byline=byline)

    def _caption_pass(self) -> None:
        """Captions: blocks with a photo credit or cue, or followed by a credit line."""
        kept = [b for b in self.blocks if not b.removed]
        for i, block in enumerate(kept):
            if block.kind != "body":
                continue
            following = kept[i + 1] if i + 1 < len(kept) else None
            credit_follows = (
                following is not None
                and following.kind == "body"
                and "\n" not in following.text
                and _is_person_line(following.text)
            )
            if is_caption_like(block.text) or credit_follows:
                block.kind = "caption"
                if credit_follows and following is not None:
                    self._remove(following, "photo_credit")
        self._highlights(kept)

    def _highlights(self, kept: list[_Block]) -> None:
        """A "Story Highlights" box and the short bullet lines after it: the page's
        summary of the story, not the story (the body restates each bullet)."""
        for i, block in enumerate(kept):
            if not _HIGHLIGHTS.search(block.text) or find_dateline(block.text, glued=True):
                continue  # (highlights run into the dateline: the body starts there)
            block.kind = "caption"
            for bullet in kept[i + 1 : i + 1 + _HIGHLIGHT_BULLETS]:
                if (
                    bullet.kind != "body"
                    or "\n" in bullet.text
                    or len(words(bullet.text)) > _HIGHLIGHT_MAX_WORDS
                    or find_dateline(bullet.text) is not None
                ):
                    break
                bullet.kind = "caption"

    def _duplicate_pass(self) -> None:
        seen: dict[str, _Block] = {}
        for block in self.blocks:
            if block.removed or block.kind == "title":
                continue
            key = squash(block.text)
            if len(words(block.text)) < _MIN_DUPLICATE_WORDS:
                continue
            if key in seen:
                first = seen[key]
                dup_kind = (
                    "caption_duplicate" if "caption" in (first.kind, block.kind) else ("duplicate")
                )
                if block.kind == "caption":
                    first.kind = "caption"
                self._remove(block, dup_kind)
            else:
                seen[key] = block

    def _assemble(self) -> CleanResult:
        pieces: list[str] = []
        captions: list[tuple[int, int]] = []
        offset = 0
        # The dateline opens the body, after at most a few short lines (a caption,
        # a page's header) that are not yet the story.
        body_blocks = 0
        dateline_open = True
        for block in self.blocks:
            if block.removed:
                self.removed.append(Removed(block.kind, block.start, block.end, block.text))
                continue
            cleaned = self._inline_edits(block)
            if not cleaned:
                continue
            if pieces:
                offset += 2
            start = offset
            pieces.append(cleaned)
            offset += len(cleaned)
            if block.kind == "title" and self.meta.title is None:
                title = Stated(cleaned, Evidence(cleaned, "text", start, offset))
                self.meta = replace(self.meta, title=title)
            elif block.kind == "caption":
                captions.append((start, offset))
            elif dateline_open:
                body_blocks += 1
                found = find_dateline(cleaned, glued=True)
                if found is not None:
                    self._stated_by_dateline(found, cleaned, start)
                    if found.glued:
                        # Story highlights run into the dateline: kept, not body.
                        captions.append((start, start + found.start))
                    dateline_open = False
                elif body_blocks >= DATELINE_BLOCKS or not _before_dateline(cleaned):
                    dateline_open = False
        return CleanResult(
            text="\n\n".join(pieces),
            removed=tuple(sorted(self.removed, key=lambda r: r.start)),
            metadata=self.meta,
            captions=tuple(captions),
        )

    def _stated_by_dateline(self, found: Dateline, block: str, start: int) -> None:
        """The dateline's place; and its agency as the outlet, when nothing else names one."""
        stated = block[found.start : found.end].rstrip()
        evidence = Evidence(stated, "text", start + found.start, start + found.start + len(stated))
        self.meta = replace(self.meta, dateline=Stated(found.place, evidence))
        agency = AGENCIES.get(found.agency or "")
        if agency is not None and self.meta.outlet is None:
            self.meta = replace(self.meta, outlet=Stated(agency, evidence))

    def _inline_edits(self, block: _Block) -> str:
        """Link markup keeps its anchor text; inline photo credits and a wire's
        typesetting codes ("&QL;") go; a character reference left in the text becomes
        its character."""
        out: list[str] = []
        pos = 0
        text = block.text
        edits: list[tuple[int, int, str, str]] = []
        for m in MARKDOWN_LINK.finditer(text):
            edits.append((m.start(), m.end(), m.group(1), "link_markup"))
        for m in INLINE_CREDIT.finditer(text):
            if not any(s <= m.start() < e for s, e, _, _ in edits):
                edits.append((m.start(), m.end(), "", "photo_credit"))
        for m in _ENTITY.finditer(text):
            character = _unescaped(m.group())
            if character != m.group() and not any(s <= m.start() < e for s, e, _, _ in edits):
                edits.append((m.start(), m.end(), character, "character_reference"))
        for m in TYPESETTING_CODE.finditer(text):
            if not any(s <= m.start() < e for s, e, _, _ in edits):
                edits.append((m.start(), m.end(), "", "typesetting_code"))
        heading = _MD_HEADING.match(text)
        if heading:  # "# Title", "## Background": Markdown marks
            edits.append((heading.start(), heading.end(), "", "markdown_heading"))
        for start, end, replacement, kind in sorted(edits):
            out.append(text[pos:start])
            out.append(replacement)
            self.removed.append(
                Removed(kind, block.start + start, block.start + end, text[start:end])
            )
            pos = end
        out.append(text[pos:])
        return "".join(out).strip()


def clean_text(raw: str, *, known_title: str | None = None) -> CleanResult:
    """Clean one article's text.

    Args:
        raw: the decoded article text with ``\\n`` line endings.
        known_title: a title the input stated elsewhere (HTML, a record); a header
            line equal to it is taken as the title rather than guessed.

    Returns:
        The cleaned text, the stated metadata found in its header, and the removed pieces.
    """
    return _Cleaner(raw, known_title).run()
