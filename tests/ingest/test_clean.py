from __future__ import annotations

import datetime as dt

import pytest

from storybrief.ingest.clean import clean_text
from storybrief.text import clean_field, is_caption_like

CAPTION = (
    "Volunteers stack sandbags along the river wall in Lennox on Friday evening. "
    "(AP Photo/Mira Solberg)"
)
ARTICLE = f"""Floodwaters close the old bridge in Lennox

By [The Lennox Ledger](#)

April 12, 2021

The  Lennox Ledger

LENNOX, Norland — The river rose past its record mark on Saturday, forcing the city to close the old stone bridge and evacuate two streets along the eastern bank, officials said.

{CAPTION}

{CAPTION}

"We have never seen the water this high in April," said Mayor Oskar Vind, who toured the bank with the [Norland Water Board](#) on Saturday morning.

RELATED: Why the river wall was never finished

Engineers will inspect the bridge once the level falls, which the board expects by the middle of next week at the earliest.

Related articles:

- [Lennox braces for spring melt](#)
- [A history of the old bridge](#)

Original url:

<https://ledger.example/2021/04/12/floodwaters-close-bridge>
"""


@pytest.fixture(scope="module")
def cleaned():  # type: ignore[no-untyped-def]
    return clean_text(ARTICLE)


def test_clean_reads_header_metadata(cleaned) -> None:  # type: ignore[no-untyped-def]
    assert cleaned.title.value == "Floodwaters close the old bridge in Lennox"
    assert cleaned.outlet.value == "The Lennox Ledger"
    assert cleaned.byline is None
    assert cleaned.published.value == dt.date(2021, 4, 12)
    assert cleaned.published.granularity == "day"
    assert cleaned.dateline.value == "LENNOX, Norland"
    assert cleaned.url == "https://ledger.example/2021/04/12/floodwaters-close-bridge"


def test_clean_evidence_points_at_what_it_names(cleaned) -> None:  # type: ignore[no-untyped-def]
    date_ev = cleaned.published.evidence
    assert date_ev.location == "removed"
    assert ARTICLE[date_ev.start : date_ev.end] == "April 12, 2021"
    title_ev = cleaned.title.evidence
    assert title_ev.location == "text"
    assert cleaned.text[title_ev.start : title_ev.end] == cleaned.title.value
    dl = cleaned.dateline.evidence
    assert cleaned.text[dl.start : dl.end] == dl.text == "LENNOX, Norland —"


@pytest.mark.parametrize(
    "debris",
    [
        "By The Lennox Ledger",
        "April 12, 2021",
        "The  Lennox Ledger",
        "RELATED:",
        "Related articles",
        "Lennox braces for spring melt",
        "Original url",
        "https://ledger.example",
        "](#)",
        "AP Photo",
    ],
)
def test_clean_removes_debris(cleaned, debris: str) -> None:  # type: ignore[no-untyped-def]
    assert debris not in cleaned.text


def test_clean_keeps_one_copy_of_a_repeated_caption(cleaned) -> None:  # type: ignore[no-untyped-def]
    caption_text = "Volunteers stack sandbags along the river wall in Lennox on Friday evening."
    assert cleaned.text.count(caption_text) == 1
    ((start, end),) = cleaned.captions
    assert cleaned.text[start:end] == caption_text


def test_clean_keeps_link_anchor_text(cleaned) -> None:  # type: ignore[no-untyped-def]
    assert "toured the bank with the Norland Water Board on Saturday" in cleaned.text


def test_clean_loses_nothing(cleaned) -> None:  # type: ignore[no-untyped-def]
    for piece in cleaned.removed:
        assert ARTICLE[piece.start : piece.end] == piece.text
    kinds = {piece.kind for piece in cleaned.removed}
    assert {
        "byline",
        "date",
        "outlet",
        "caption_duplicate",
        "photo_credit",
        "related",
        "related_list",
        "original_url",
        "link_markup",
    } <= kinds


def test_clean_reads_a_bare_name_after_the_title_as_byline() -> None:
    text = (
        "Council votes to keep the night trams\nHelga Brunnhart\n"
        "Council votes to keep the night trams\n\n"
        "The city council voted on Tuesday to keep the night tram service running for "
        "another two years, despite a budget shortfall."
    )
    result = clean_text(text)
    assert result.byline.value == "Helga Brunnhart"
    assert result.text.count("Council votes to keep the night trams") == 1
    assert "Helga" not in result.text


def test_clean_reads_a_bare_name_after_a_caption_as_photo_credit() -> None:
    text = (
        "Harbour cranes stand idle\n\n\n"
        "Dock supervisor Ana Petrov poses for photographers beside an idle crane at the "
        "north terminal on Monday.\n\n\nJonas Ekdahl\n\n"
        "Work at the port stopped for a second day on Monday as the dispute over pay "
        "continued, the port authority said."
    )
    result = clean_text(text)
    assert "Jonas Ekdahl" not in result.text
    assert result.byline is None
    assert [p.kind for p in result.removed] == ["photo_credit"]
    assert len(result.captions) == 1


def test_clean_reads_staff_bylines_as_outlet() -> None:
    text = (
        "By the Norland Herald Politics staff\n\nBudget passes\n\nby in Europe.\n\n"
        "The budget passed its final reading on Thursday by a margin of four votes, "
        "ending weeks of uncertainty."
    )
    result = clean_text(text)
    assert result.outlet.value == "Norland Herald"
    assert result.title.value == "Budget passes"
    assert "by in Europe" not in result.text


def test_clean_reads_a_time_stamp_and_byline_line() -> None:
    text = (
        "Ferry strike ends\n\nMarch 10, 2012 10:54 am ET by Norland Herald Staff\n\n"
        "The ferry crews went back to work on Friday after a week-long strike, the port said."
    )
    result = clean_text(text)
    assert result.published is not None
    assert result.published.value == dt.date(2012, 3, 10)
    assert result.outlet.value == "Norland Herald"
    assert "10:54" not in result.text
    # A sentence with a date and "by" in it is no such line.
    text = "Talks resume\n\nOn March 4, 2012 the port was closed by the strikers for a week."
    assert clean_text(text).published is None


def test_clean_never_invents_a_date() -> None:
    text = (
        "Talks resume\n\nNegotiators met again on Monday, a week after the talks broke "
        "down over the pace of the reforms, both sides said."
    )
    assert clean_text(text).published is None


def test_clean_takes_no_title_from_a_lone_sentence() -> None:
    result = clean_text("Short note about the port.")
    assert result.title is None
    assert result.text == "Short note about the port."
    assert result.captions == ()  # the whole story, not a caption above it


PAGE_WITH_NOTICES = """Ferry service resumes after the storm

The harbour ferry resumed its full timetable on Thursday after three days of storm \
cancellations, the operator said in a statement.

Story continues below advertisement

FILE - In this Tuesday, March 2, 2021, file photo, passengers board the harbour ferry \
at the west pier. (AP Photo/Lina Moss)

Please enable JavaScript to watch this video.

Crews repaired the damaged gangway at the west pier overnight, and the first ferry \
left on time at six in the morning.

This undated photo provided by the ferry operator shows the repaired gangway. \
REUTERS/Tom Berg

Dow Jones Reprints: This copy is for your personal, non-commercial use only.

Starting in 2001, the archive has added its crawl data to the Wayback Machine every day.

Add Harbour Ferries as an interest to stay up to date on the latest ferry news.

View Images The repaired gangway at the west pier, seen from the water.

The best harbour newsletter. Sign up for Harbour Daily and get the news in your inbox. \
By signing up you agree to receive emails from us.

Follow us on Facebook, Twitter and Instagram!

Editor's note: This story has been updated with the operator's statement.

The interactive transcript could not be loaded.

If you're having trouble locating a destination on Harbourweb, try visiting the home page.

Sorry, the page you requested was not found.

This is a set of web collections curated by Jane Roe using the Archive-IT service.

Add a location to your Tweets

EMBED More News Videos The ferry leaves the west pier. Watch the report at 6 p.m.

Passengers wait for the first ferry at the west pier in Portby, Tuesday, March 9, 2021.

These crawls are part of an effort to archive pages as they are created, so that a \
link keeps working after the page it points to has changed or gone. The archive then \
hopes that references to these copies will replace links that would otherwise be \
broken, or sit beside them, so readers can see what the authors of a page intended. \
The goal is to fix broken links. Crawls of supported sites.
"""


def test_clean_removes_page_notices_and_marks_agency_captions() -> None:
    result = clean_text(PAGE_WITH_NOTICES)
    kinds = [p.kind for p in result.removed]
    assert kinds.count("page_notice") == 14
    for notice in (
        *("advertisement", "JavaScript", "Reprints", "Wayback", "as an interest"),
        *("Sign up", "Follow us", "Editor's note", "transcript", "These crawls"),
        *("having trouble locating", "page you requested", "Archive-IT", "Add a location"),
    ):
        assert notice not in result.text
    captions = [result.text[s:e] for s, e in result.captions]
    assert len(captions) == 5
    assert captions[3].startswith("EMBED More News Videos")
    assert captions[4].startswith("Passengers wait for the first ferry")
    assert captions[0].startswith("FILE - In this Tuesday")
    assert captions[1].startswith("This undated photo provided by")
    assert captions[2].startswith("View Images")
    # Body paragraphs stay body text, and nothing is lost.
    assert "resumed its full timetable" in result.text
    assert "Crews repaired the damaged gangway" in result.text
    assert not any(s <= result.text.index("Crews repaired") < e for s, e in result.captions)
    for piece in result.removed:
        assert PAGE_WITH_NOTICES[piece.start : piece.end] == piece.text


@pytest.mark.parametrize(
    "body",
    [
        "Users of the app can share photos with friends and view photos from events.",
        "Historians at the Internet Archive said the collection now holds more pages "
        "than any library, and the board approved a new budget.",
        "The advertisement ran on every channel for a week before the vote.",
        "Voters were asked to sign up for email alerts about polling places.",
        "Follow the money, investigators said on Twitter after the hearing.",
        "Close to 300 people attended the meeting, USA TODAY reported.",
        "The ferry operator declined to comment for this story on Monday.",
        "This story was one of many invented reports about the pier, officials say.",
        "The vote is set for Monday, Jan. 2, 2012, officials said.",
    ],
)
def test_clean_keeps_body_text_that_only_mentions_photos_or_archives(body: str) -> None:
    result = clean_text(f"Headline about the matter\n\n{body}")
    assert body in result.text
    assert result.captions == ()


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("CLOSE Jane Doe is tired of being told what to wear.", True),
        ("CLOSE Skip in Skip x Embed x Share Officials say the road is open.", True),
        ("Crews reopened the road in Portby, Tuesday, March 9, 2021.", True),
        ("Close to 300 people attended the meeting.", False),
        ("CLOSE CALL FOR FERRY", False),
        ("CORRECTS DAY TO SATURDAY Ferries wait at the west pier.", True),
        ("Jane Doe reports for the Channel 4 News at 5 on Saturday, March 9, 2021.", True),
        ("Correspondents reporting for ABC News at the pier said crews had left.", False),
        ("The vote is set for Tuesday, March 9, 2021, officials said.", False),
        ("Police released this still image from video of a man they say robbed a bank.", True),
        ("These pictures were taken on Saturday as she left the pier.", True),
        ("The council released this year's budget on Tuesday.", False),
        ("Officials said the image was taken from a ferry.", False),
        ("Harbour master Ana Petrov, left, and Jonas Ekdahl appear at a hearing.", True),
        ("Ana Petrov, second from left, speaks at the pier on Tuesday.", True),
        ("The ferry turned to its left, and the crew cheered.", False),
    ],
)
def test_caption_cues_of_sentences_run_into_a_paragraph(text: str, caption: bool) -> None:
    assert is_caption_like(text) is caption


def test_a_markdown_header_gives_its_title_outlet_and_date() -> None:
    raw = (
        "# Ferry crews accept new rota\n\n"
        "*Harbor Valley News, April 5, 2024*\n\n"
        "By Lena Marsh\n\n"
        "Ferry crews at Brackwater voted on Thursday to accept a new rota, ending a "
        "two-week dispute with the operator, the union said.\n\n"
        "## What changes\n\n"
        "Weekend shifts will rotate among all crews from May, the operator said."
    )
    result = clean_text(raw)
    stated = {
        name: getattr(result, name).value if getattr(result, name) else None
        for name in ("title", "outlet", "published", "byline")
    }
    assert stated == {
        "title": "Ferry crews accept new rota",
        "outlet": "Harbor Valley News",
        "published": dt.date(2024, 4, 5),
        "byline": "Lena Marsh",
    }
    assert "#" not in result.text
    assert "What changes" in result.text  # a subhead keeps its words, not its marks
    assert {r.kind for r in result.removed} >= {"markdown_heading", "outlet_and_date"}


@pytest.mark.parametrize("outlet", ["Copenhagen Ledger", "Brennick Echo", "Meridian World"])
def test_outlet_lines_with_newspaper_words_are_outlets(outlet: str) -> None:
    raw = (
        "Dairy group sold\n\nBy Anna Berg\n\nMarch 4, 2025\n\n"
        f"{outlet}\n\n"
        "COPENHAGEN — The dairy group will be sold to a British buyer, the companies said "
        "on Monday, in a deal that ends two years of talks."
    )
    result = clean_text(raw)
    assert result.outlet is not None
    assert result.outlet.value == outlet
    assert outlet not in result.text


def test_clean_names_the_agency_of_the_dateline_as_outlet() -> None:
    text = (
        "PORT ELLIS, Norland (AP) _ The harbour wall held through the night, the port "
        "authority said on Sunday, and the ferries will sail again on Monday morning."
    )
    cleaned = clean_text(text)
    assert cleaned.dateline is not None
    assert cleaned.dateline.value == "PORT ELLIS, Norland"
    assert cleaned.outlet is not None
    assert cleaned.outlet.value == "Associated Press"
    evidence = cleaned.outlet.evidence
    assert cleaned.text[evidence.start : evidence.end] == "PORT ELLIS, Norland (AP) _"


def test_clean_reads_the_dateline_under_a_headline() -> None:
    text = (
        "Kestrel council votes to close the old bridge\n\n"
        "KESTREL (Reuters) - The council voted on Tuesday to close the old bridge for "
        "repairs, and the work will take until the end of the summer, the mayor said."
    )
    cleaned = clean_text(text)
    assert cleaned.title is not None
    assert cleaned.title.value == "Kestrel council votes to close the old bridge"
    assert cleaned.dateline is not None
    assert cleaned.dateline.value == "KESTREL"
    assert cleaned.outlet is not None
    assert cleaned.outlet.value == "Reuters"


def test_clean_finds_the_dateline_after_a_caption_and_a_page_header() -> None:
    text = (
        "Two ferry captains stand on the quay at Port Ellis on May 20, 2010.\n\n"
        "PORT ELLIS |\n\n"
        "PORT ELLIS (Reuters) - The harbour authority delayed the hearing on the ferry "
        "strike by a week, a spokesman said on Monday, days before it was due to open."
    )
    cleaned = clean_text(text)
    assert cleaned.dateline is not None
    assert cleaned.dateline.value == "PORT ELLIS"


def test_clean_finds_a_broadcasters_dateline_after_highlights_run_into_it() -> None:
    highlights = "Ferry crews vote to return Talks lasted nine hours "
    text = (
        f"{highlights}Port Ellis (CNN) -- Ferry crews at Port Ellis voted on Sunday to "
        "return to work after nine hours of talks, their union said."
    )
    cleaned = clean_text(text)
    assert cleaned.dateline is not None
    assert cleaned.outlet is not None
    assert (cleaned.dateline.value, cleaned.outlet.value) == ("Port Ellis", "CNN")
    evidence = cleaned.dateline.evidence
    assert cleaned.text[evidence.start : evidence.end] == "Port Ellis (CNN) --"
    # The highlights stay in the text, marked as not body.
    assert cleaned.captions == ((0, len(highlights)),)


def test_clean_a_place_a_sentence_names_before_an_agency_is_no_dateline() -> None:
    text = (
        "The crews met their employers in Port Ellis (Reuters) - so the agency said, "
        "and the talks lasted nine hours before both sides left without a word."
    )
    assert clean_text(text).dateline is None


def test_clean_reads_no_dateline_deep_in_the_body() -> None:
    story = (
        "The harbour wall held through the night, the port authority said on Sunday, "
        "and the ferries will sail again on Monday morning, its spokesman told reporters."
    )
    cleaned = clean_text(f"{story}\n\nKESTREL (Reuters) - A second storm is due on Friday.")
    assert cleaned.dateline is None


@pytest.mark.issue(18)
def test_clean_the_wire_sign_off_ends_the_story() -> None:
    story = (
        "KESTREL (Reuters) - The council voted on Tuesday to close the old bridge for "
        "repairs, and the work will take until the end of the summer, the mayor said."
    )
    page = (
        f"{story}\n\n(Reporting by Jane Doe; Editing by John Roe) An ultra-low latency "
        "platform for trading\n\nWe welcome comments that advance the story."
    )
    cleaned = clean_text(page)
    sign_off = (
        "(Reporting by Jane Doe; Editing by John Roe) An ultra-low latency platform for trading"
    )
    assert cleaned.text == f"{story}\n\n{sign_off}"
    start = len(story) + 2
    assert cleaned.captions == ((start, start + len(sign_off)),)  # not the story's body
    assert [r.kind for r in cleaned.removed] == ["after_story"]


@pytest.mark.issue(20)
def test_clean_the_note_on_who_wrote_the_piece_is_no_sentence_of_it() -> None:
    story = (
        "The council voted on Tuesday to close the old bridge for repairs, the mayor said."
        "\n\nThe work will take until the end of the summer, and the ferry will run again."
    )
    for note in (
        "(Jane Roe is a Calder-based free-lance writer.)",
        "John Doe writes for the Kestrel Courier, Kestrel, Norland. E-mail: jdoe(at)courier.com",
        "Jane Roe is a Courier columnist.",
    ):
        cleaned = clean_text(f"{story}\n\n{note}")
        assert cleaned.text == f"{story}\n\n{note}"  # kept: it names the writer
        assert [cleaned.text[a:b] for a, b in cleaned.captions] == [note]
    cleaned = clean_text(f"(Jane Roe is a Courier senior writer)\n\n{story}")
    assert [cleaned.text[a:b] for a, b in cleaned.captions] == [
        "(Jane Roe is a Courier senior writer)"
    ]
    # Without brackets, far from the end, it may be of the story's subject.
    subject = "Jane Roe is a reporter for the Courier who was held for a year."
    tail = "\n\n".join(["The court met again on Friday.", "It will rule in May.", "The end."])
    assert clean_text(f"{subject}\n\n{story}\n\n{tail}").captions == ()


@pytest.mark.issue(18)
def test_clean_a_sentence_about_reporting_is_not_a_sign_off() -> None:
    text = (
        "KESTREL (Reuters) - The council voted on Tuesday to close the old bridge.\n\n"
        "Reporting by the Kestrel Courier showed that the bridge had failed two inspections, "
        "and the council said it would publish the engineers' reports next week."
    )
    assert clean_text(text).text == text


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "widget",
    [
        "Newsletter Sign Up Continue reading the main story Please verify you're not a robot "
        "by clicking the box. Invalid email address. Please re-enter. " * 3,
        "Media playback is unsupported on your device",
    ],
)
def test_clean_a_site_widget_is_not_the_story(widget: str) -> None:
    story = (
        "The council voted on Tuesday to close the old bridge for repairs, and the work "
        "will take until the end of the summer, the mayor of Kestrel said."
    )
    cleaned = clean_text(f"{story}\n\n{widget.strip()}\n\nThe bridge opened in 1911.")
    assert widget.strip() not in cleaned.text
    assert cleaned.text.startswith(story)
    assert cleaned.text.endswith("The bridge opened in 1911.")


@pytest.mark.parametrize(
    "first",
    ["The author is a columnist for the Harbour Ledger.", "Dockers march in Calder on Sunday."],
)
def test_clean_a_short_sentence_above_the_body_is_no_title(first: str) -> None:
    # A headline ends without a full stop: a sentence above the body is a caption or a
    # note, kept in the text as a caption, and the story is left untitled.
    body = (
        "Dockworkers at the Port of Calder marched through the town centre on Sunday, a week "
        "after their strike began, as talks with the port authority stayed frozen."
    )
    result = clean_text(f"{first}\n\n{body}")
    assert result.title is None
    assert result.text.startswith(first)
    assert [result.text[s:e] for s, e in result.captions] == [first]


@pytest.mark.parametrize(
    "title", ["Talks collapse in the U.S.", "Deal for Harbour Co.", "Who pays?"]
)
def test_clean_a_headline_ending_in_an_abbreviation_is_still_a_title(title: str) -> None:
    body = (
        "Negotiators met again on Monday, a week after the talks broke down over the pace "
        "of the reforms, both sides said in statements issued late in the evening."
    )
    assert clean_text(f"{title}\n\n{body}").title.value == title  # type: ignore[union-attr]


@pytest.mark.issue(20)
def test_clean_an_embedded_post_is_not_the_story() -> None:
    lead = (
        "A body was found inside a pillar of the Harbour Street market in Kestrel on "
        "Saturday, the sheriff's office said."
    )
    post = (
        "#breaking A grim find in #kestrel market today.#kso detectives believe it may be "
        "the man who fled a foot chase Monday &amp; vanished on the roof."
    )
    signature = (
        "The latest at 11pm @KTV7 pic.twitter.com/ab12CD34ef — Jo Reed (@joreed7) August 12, 2018"
    )
    header = "Kestrel Sheriff (@kestrelsheriff) Detectives are at the market now."
    after = "Detectives said the man had not been seen since the chase on Monday."
    cleaned = clean_text(f"{lead}\n\n{post}\n\n{signature}\n\n{header}\n\n{after}")
    marked = [cleaned.text[s:e] for s, e in cleaned.captions]
    assert [m[:12] for m in marked] == ["#breaking A ", "The latest a", "Kestrel Sher"]
    assert "Monday & vanished" in marked[0]  # the reference is its character
    assert cleaned.text.startswith(lead)
    assert cleaned.text.endswith(after)


@pytest.mark.issue(20)
def test_clean_a_hashtag_far_from_a_post_stays_in_the_story() -> None:
    text = (
        "Thousands marched in Kestrel on Sunday under the #FairFares banner, organisers said."
        "\n\nThe council will vote on the fares on Tuesday, the mayor said."
    )
    assert clean_text(text).captions == ()


@pytest.mark.issue(20)
def test_clean_story_highlights_and_a_video_blurb_are_not_the_story() -> None:
    blurb = "CLOSE Skip in Skip x Embed x Share Officials say the ferry will run again. VPC"
    box = "Crews returned the ferry to service on Monday. Story Highlights Talks lasted nine hours"
    bullets = ["Union backs deal", "Second vote was held on Sunday, the union said."]
    body = (
        "PORT ELLIS — Ferry crews at Port Ellis voted on Sunday to return to work after nine "
        "hours of talks, their union said."
    )
    rest = "The ferry carries 4,000 passengers a day."
    cleaned = clean_text("\n\n".join([blurb, box, *bullets, body, rest]))
    marked = [cleaned.text[s:e] for s, e in cleaned.captions]
    assert marked == [blurb, box, *bullets]
    assert cleaned.dateline is not None
    assert cleaned.dateline.value == "PORT ELLIS"


@pytest.mark.issue(20)
def test_clean_character_references_become_their_characters() -> None:
    raw = "Tom &amp; Jerry&#39;s studio &amp;amp;amp;nbsp;closed on Friday &c; &bogus; stays."
    cleaned = clean_text(raw)
    assert cleaned.text == "Tom & Jerry's studio  closed on Friday &c; &bogus; stays."
    for piece in cleaned.removed:
        assert raw[piece.start : piece.end] == piece.text
    assert [r.text for r in cleaned.removed] == ["&amp;", "&#39;", "&amp;amp;amp;nbsp;"]


@pytest.mark.issue(20)
def test_clean_a_pages_time_stamp_line_is_not_the_story() -> None:
    story = "The council voted on Tuesday to close the old bridge, the mayor of Kestrel said."
    stamp = "Posted at 11:43 AM on Nov. 24, 2010"
    note = "Published reports said 40 people died in 2010."
    rights = "Copyright 2017 by Kestrel Radio - All rights reserved."
    cleaned = clean_text(f"{story}\n\n{stamp}\n\n{note}\n\n{rights}")
    assert [cleaned.text[s:e] for s, e in cleaned.captions] == [stamp, rights]


@pytest.mark.issue(20)
def test_clean_wire_typesetting_codes_go_and_the_dateline_is_found() -> None:
    raw = (
        "Ferry service to resume\n\n"
        "LISBON &UR; &LR; _ The harbour board said the ferry will run again in the early"
        " &UR; evening &LR; on Friday, its spokeswoman said. &QL;\n\n"
        "&UR; Fares stay at $4 a trip &QL;"
    )
    cleaned = clean_text(raw)
    assert "&" not in cleaned.text
    assert "the early evening on Friday" in cleaned.text
    assert cleaned.text.endswith("\n\nFares stay at $4 a trip")
    assert cleaned.dateline is not None
    assert cleaned.dateline.value == "LISBON"
    for piece in cleaned.removed:
        assert raw[piece.start : piece.end] == piece.text
    assert {r.kind for r in cleaned.removed} == {"typesetting_code"}
    # A code that only looks like one stays: "A&R;" is no typesetting code.
    assert "A&R;" in clean_text("The A&R; scout of the label signed the band on Friday.").text
    # A record's title field that holds only a code states no title.
    assert clean_field("&HT;") == ""
    assert clean_field("Ferry &QL; service") == "Ferry service"
