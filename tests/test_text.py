"""The bottom-floor text helpers (storybrief.text): no model, no storybrief imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import storybrief.text
from storybrief.text import (
    DATELINE,
    dateline_length,
    find_dateline,
    is_caption_like,
    no_surrogates,
    normalize_newlines,
    squash,
    typographic_quotes,
    words,
)


def test_text_imports_nothing_from_the_package_but_the_lexicon() -> None:
    tree = ast.parse(Path(storybrief.text.__file__).read_text(encoding="utf-8"))
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    from_package = {name for name in imported if name.split(".")[0] == "storybrief"}
    assert from_package <= {"storybrief.lexicon"}


def test_text_no_surrogates_replaces_lone_surrogates() -> None:
    broken = "bad\udcffname \ud800end"  # an undecodable file name, a broken string
    fixed = no_surrogates(broken)
    assert fixed == "bad\ufffdname \ufffdend"
    assert fixed.encode("utf-8").decode("utf-8") == fixed
    assert no_surrogates("café — “quoted” 北京") == "café — “quoted” 北京"


def test_text_normalize_newlines_keeps_one_kind_of_line_end() -> None:
    assert normalize_newlines("a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd"
    assert normalize_newlines("no line ends") == "no line ends"


def test_text_words_keep_hyphens_and_apostrophes_inside_a_word() -> None:
    assert words("Port-of-Calder workers' don’t stop, 42 times") == [
        "Port-of-Calder",
        "workers",
        "don’t",
        "stop",
        "42",
        "times",
    ]
    assert words(" -- ") == []


def test_text_squash_folds_links_whitespace_and_case() -> None:
    assert squash("  [Port   Strike](https://x.example/a)\n goes ON \t") == "port strike goes on"
    assert squash("Port Strike goes on") == squash("PORT\tstrike\n\ngoes   on")
    assert squash("[an anchor](<no closing") == "[an anchor](<no closing"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("CAIRO (Reuters) - Talks resumed on Monday.", "CAIRO (Reuters) - "),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) — "),
        ("LENNOX, Norland — Floodwaters rose.", "LENNOX, Norland — "),
        ("NEW YORK -- Shares fell.", "NEW YORK -- "),
        ("RIO DE JANEIRO, Brazil (AFP) – Rain fell.", "RIO DE JANEIRO, Brazil (AFP) – "),
        ("PORT ELLIS, Norland (AP) _ The dam held.", "PORT ELLIS, Norland (AP) _ "),
        ("KESTREL _ The vote was close.", "KESTREL _ "),
        ("BEIJING, March 3 (Xinhua) -- Trade rose.", "BEIJING, March 3 (Xinhua) -- "),
        ("OSLO, Sept. 9 (Xinhua) -- Trade rose.", "OSLO, Sept. 9 (Xinhua) -- "),
        ("LIMA Feb 21 (Reuters) - Trade rose.", "LIMA Feb 21 (Reuters) - "),
        (
            "LIMA | Sun Feb 20, 2011 6:47 pm EST LIMA (Reuters) - Trade rose.",
            "LIMA | Sun Feb 20, 2011 6:47 pm EST LIMA (Reuters) - ",
        ),
        (
            "LIMA, March 9 | Wed Mar 9, 2011 3:17 pm EST LIMA, March 9 (Reuters) - Oil fell.",
            "LIMA, March 9 | Wed Mar 9, 2011 3:17 pm EST LIMA, March 9 (Reuters) - ",
        ),
    ],
)
def test_text_dateline_length_measures_each_wire_style(text: str, dateline: str) -> None:
    assert dateline_length(text) == len(dateline)
    assert text[: dateline_length(text)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "The mayor - who spoke first - left early.",  # not capitals
        "US - the two letters are too short for a place.",
        " CAIRO (Reuters) - a dateline only opens the text.",
        "BEIJING, Marchland 3 (Xinhua) -- a word that is no month is no date.",
        "LIMA | a header without its time is not a page header LIMA (Reuters) - x",
        "CAIRO (Reuters) no dash follows.",
    ],
)
def test_text_dateline_length_is_zero_without_a_dateline(text: str) -> None:
    assert dateline_length(text) == 0


def test_text_find_dateline_gives_place_date_agency_and_where_it_starts() -> None:
    text = "LIMA | Sun Feb 20, 2011 6:47 pm EST LIMA, Feb 20 (Reuters) - Oil fell."
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.date, found.agency) == ("LIMA", "Feb 20", "Reuters")
    assert text[found.start : found.end] == "LIMA, Feb 20 (Reuters) - "


def test_text_dateline_names_its_place_and_agency() -> None:
    found = DATELINE.match("RIO DE JANEIRO, Brazil (AFP) – Rain fell.")
    assert found is not None
    assert (found.group("place"), found.group("agency")) == ("RIO DE JANEIRO, Brazil", "AFP")
    found = DATELINE.match("LENNOX, Norland — Floodwaters rose.")
    assert found is not None
    assert (found.group("place"), found.group("agency")) == ("LENNOX, Norland", None)


def test_text_a_dateline_may_name_its_region_in_brackets() -> None:
    text = "LENNOX (Norland), August 21 (Xinhua) -- Floodwaters rose."
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.date, found.agency) == ("LENNOX, Norland", "August 21", "Xinhua")
    assert text[found.end :] == "Floodwaters rose."
    # An agency in brackets is no region.
    found = find_dateline("LENNOX (Reuters) - Floodwaters rose.")
    assert found is not None
    assert (found.place, found.agency) == ("LENNOX", "Reuters")


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers stack sandbags along the wall. (AP Photo/Mira Solberg)",  # inline credit
        "FILE - In this Jan. 12, 2012, file photo, the mayor speaks.",
        "The mayor, pictured, left the meeting early.",
        "Protesters gather in Tahrir Square in Cairo, Monday, Jan. 2, 2012.",
        "Ferries wait at the quay on Nov. 28, 2011. REUTERS/Jane Doe",
        "This undated photo provided by the port shows the old crane.",
        "\n  Photo: a ferry at the Calder quay  ",  # read once stripped
        "Jane Roe (2nd L) and John Doe (R) sit with their lawyers in court.",
        "The mayor (left) greets the ferry crew at the quay.",
        "Photos: The ferries of Calder The last ferry leaves the quay in 1998.",
        "The last ferry leaves the quay in 1998. Hide Caption 2 of 13 Photos: The ferries",
        # A place run into the day, and a credited teaser cut short.
        "A ranger carries sandbags in Kajiado, Kenya Wednesday, March 30, 2016.",
        "A ferry sank off Calder on Wednesday... (Associated Press)",
        "JUST WATCHED Ferry sinks off Calder Replay More Videos ... MUST WATCH Ferry 01:33",
        # A page's label for its video, run into the next sentence.
        "TRAILER: Get a taste of the new Calder film The ferry film falls into that class.",
        "WATCH: The last ferry leaves Calder quay.",
        "Enlarge image Calder votes Jane Doe/AFP/Getty Images Voters walk past posters",
        # A credit of two agencies ending in its medium.
        "The harbour may draw ferries from abroad. (Calder Image Group/New York Times Photo)",
        # A photographer and an outlet closing the paragraph.
        "The mayor answers questions at the quay on Dec. 28. (Mira Solberg/The Calder Post)",
        "The last ferry leaves the quay. (MIRA SOLBERG/REUTERS)\nThe council met.",
        # A photographer and an outlet opening the caption on its line.
        "Mira Solberg/NASA A supermoon over the Calder quay on Sunday, Sept. 27, 2015.",
        "Jon Roe / Getty Images Snowboarder Mira Solberg at a race in Calder.",
    ],
)
def test_text_is_caption_like_recognises_caption_cues(text: str) -> None:
    assert is_caption_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Monday to close the bridge until the water falls.",
        "A photograph of the old bridge hangs in the town hall.",
        "Officials said the photo was taken before the flood.",
        "The Left (L) and the Greens (G) lost seats in the vote.",
        "Photos of the ferry were shown to the court on Monday.",
        "The ferry sank on Wednesday, March 30, 2016.",
        '"The ferries will run again," the harbour master said. (Reuters)',
        "The council (Calder/Norland branch) approved the Photo Museum's plan.",
        "Watch: the council will vote on the bridge on Monday, officials said.",
        "Video footage showed the ferry listing as it left the quay.",
        # A pair of names with a slash that is no credit: within a paragraph, or one name.
        "A poll (Calder Post/Norland News) found support falling, officials said.",
        "Support fell in the latest poll (CNN/ORC).",
        # A slash that joins no photographer to an outlet.
        "AC/DC Played in Calder on Sunday, Sept. 27, 2015.",
    ],
)
def test_text_is_caption_like_leaves_body_sentences_alone(text: str) -> None:
    assert not is_caption_like(text)


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("``Yes,'' he said.", " “Yes,”  he said."),
        ("''All of it,'' she said.", " “All of it,”  she said."),
        ("as if ''an earthquake,'' she said", "as if  “an earthquake,”  she said"),
        ("(''Why?'') he asked", "( “Why?” ) he asked"),
        ("no archive marks here", "no archive marks here"),
    ],
)
def test_text_typographic_quotes_reads_archive_marks_at_the_same_offsets(
    text: str, read: str
) -> None:
    assert typographic_quotes(text) == read
    assert len(typographic_quotes(text)) == len(text)
