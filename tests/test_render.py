from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import pytest

import storybrief
from storybrief.render import render

pytestmark = pytest.mark.model

HOSTILE = (
    "Council <script>alert('x')</script> meets\n\n"
    'The council met on Tuesday <img src=x onerror="alert(1)"> and voted to keep the '
    'library open, a spokesman said, linking to <a href="javascript:alert(2)">the minutes</a>.'
)


@pytest.fixture(scope="module")
def hostile_brief() -> Any:
    return storybrief.brief([HOSTILE])


def test_render_html_makes_hostile_text_inert(hostile_brief: Any) -> None:
    html = render(hostile_brief, "html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert 'href="javascript:' not in html
    # The report's own script is the only one, and the only one its CSP allows.
    assert html.lower().count("<script") == 1
    from storybrief.render.html import script_hash

    assert f"script-src '{script_hash()}'" in html


def test_render_markdown_makes_hostile_text_inert_when_rendered(hostile_brief: Any) -> None:
    from markdown_it import MarkdownIt

    md = render(hostile_brief, "md")
    # The worst case: a renderer that passes raw HTML through.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "payload", ["[x](javascript:alert(1))", "![y](http://tracker.invalid/p.png)", "**shout**"]
)
def test_render_markdown_shows_markdown_syntax_of_an_article_as_written(payload: str) -> None:
    from markdown_it import MarkdownIt

    brief = storybrief.brief(
        [
            {
                "text": "The council met on Tuesday and voted to keep the library open.",
                "title": payload,
            }
        ]
    )
    html = MarkdownIt("commonmark", {"html": True}).render(render(brief, "md"))
    assert "<a " not in html
    assert "<img" not in html
    assert f"<h1>{payload}</h1>" in html


def test_render_text_shows_markup_and_escapes_of_an_article_as_plain_text() -> None:
    title = "Council [/bold] meets [red]now\x1b[31m"
    brief = storybrief.brief(
        [{"text": "The council met on Tuesday and voted to keep the library open.", "title": title}]
    )
    text = render(brief, "text")
    assert "Council [/bold] meets [red]now" in text
    assert "[31m" in text  # the escape's printable rest, as written
    assert "\x1b" not in text


def test_render_html_is_self_contained(seeds_brief: Any) -> None:
    html = render(seeds_brief, "html")
    assert "http://" not in html.split("<body>")[0]
    assert "<link" not in html
    assert "src=" not in html
    for doc in seeds_brief.documents:
        assert f'id="doc-{doc.id}"' in html


def test_render_text_lists_every_document_and_error() -> None:
    brief = storybrief.brief(
        ["Ferries halted\n\nStorms halted all ferries on Monday, the operator said.", b""]
    )
    text = render(brief, "text")
    assert "Ferries halted" in text
    assert "empty" in text
    assert "<bytes:1>" in text


def test_render_markdown_has_a_row_per_document(seeds_brief: Any) -> None:
    md = render(seeds_brief, "md")
    rows = [line for line in md.splitlines() if re.match(r"\| \d{1,3} \|", line)]
    assert len(rows) == len(seeds_brief.documents)
    assert "The Moscow Times" in md


@pytest.mark.issue(20)
def test_a_passage_of_an_opinion_piece_or_an_analysis_says_so(seeds_brief: Any) -> None:
    kind = {s.doc_id: s.kind for s in seeds_brief.sources}
    wanted = [kind[p.doc_id] for p in seeds_brief.summary]
    assert "report" in wanted
    assert {"opinion", "analysis"} & set(wanted)
    md = render(seeds_brief, "md").split("## Summary\n", 1)[1].split("\n## ", 1)[0]
    shown = [re.search(r"\] _\((opinion|analysis)\)_", line) for line in md.strip().splitlines()]
    assert [m.group(1) if m else "report" for m in shown] == wanted
    text = render(seeds_brief, "text")
    assert sum(text.count(f"] · {k}") for k in ("opinion", "analysis")) >= 1
    html = render(seeds_brief, "html").split('<section id="summary">', 1)[1].split("</ul>", 1)[0]
    labels = re.findall(r'<span class="kind (\w+)"', html)
    assert labels == [k for k in wanted if k != "report"]


def test_render_json_round_trips_to_dict(seeds_brief: Any) -> None:
    assert json.loads(render(seeds_brief, "json"))["documents"][0]["id"] == (
        seeds_brief.documents[0].id
    )


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_renderings_show_entities_with_aliases_and_quotes_by_speaker(
    seeds_brief: Any, fmt: str
) -> None:
    out = render(seeds_brief, fmt)
    people = [e for e in seeds_brief.entities if e.type == "PERSON"]
    top = max(people, key=lambda e: len(e.mentions))
    assert top.canonical in out
    assert "Who and what" in out
    assert "Who said what" in out
    quoted = {q.speaker_name for q in seeds_brief.quotes if q.kind == "direct"} - {None}
    assert quoted
    for name in quoted:
        assert name in out
    # Aliases are shown next to the canonical name, not as entities of their own.
    alias = next(a for a in top.aliases if a != top.canonical)
    assert alias in out
    if fmt == "html":
        assert f'id="entity-{top.id}"' in out
        assert f'href="#entity-{top.id}"' in out or top.id not in {
            q.entity_id for q in seeds_brief.quotes
        }


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_renderings_give_the_evidence_of_estimated_dates_by_document_number(
    seeds_brief: Any, fmt: str
) -> None:
    import html as html_module

    out = render(seeds_brief, fmt)
    if fmt == "html":
        out = html_module.unescape(re.sub(r"<[^>]+>", " ", out))
    out = " ".join(out.replace("│", " ").split())
    estimated = [
        (i, d.article.published)
        for i, d in enumerate(seeds_brief.documents, 1)
        if d.article.published is not None and d.article.published.estimated
    ]
    assert estimated
    ids = [d.id for d in seeds_brief.documents]
    for _, date in estimated:
        evidence = " ".join(date.evidence.text.split())
        named = re.findall(r"document (\w+)", evidence)
        for doc_id in named:
            evidence = evidence.replace(f"document {doc_id}", f"document {ids.index(doc_id) + 1}")
        # The text rendering wraps long lines: compare the start of the evidence.
        assert evidence[:60] in out
    # Documents are named by their number, never by an internal id.
    later = [e.after for e in seeds_brief.episodes if e.after is not None]
    for after in later:
        assert after.evidence.text.split("document ")[1].split(",")[0] in ids
    assert not any(f"document {doc_id}" in out for doc_id in ids)


def test_render_html_folds_each_document_and_keeps_every_cited_anchor(seeds_brief: Any) -> None:
    html = render(seeds_brief, "html")
    for doc in seeds_brief.documents:
        assert f'<details class="doc" id="doc-{doc.id}"' in html
    folded = re.findall(r'<details class="doc"[^>]*>', html)
    assert len(folded) == len(seeds_brief.documents)
    assert not any(" open" in tag for tag in folded)
    cited = set(re.findall(r'href="#(s-[^"]+)"', html))
    assert cited
    anchors = set(re.findall(r'<a class="anchor" id="(s-[^"]+)"', html))
    assert cited <= anchors


def test_render_html_lists_pairs_sharing_content_instead_of_a_grid(seeds_brief: Any) -> None:
    from storybrief.render.report import build_report

    html = render(seeds_brief, "html")
    assert 'class="matrix"' not in html
    pairs = build_report(seeds_brief).pairs
    assert all(p.a < p.b and (p.a_in_b or p.b_in_a) for p in pairs)
    shares = [max(p.a_in_b, p.b_in_a) for p in pairs]
    assert shares == sorted(shares, reverse=True)


def test_render_html_key_events_are_those_the_text_rendering_picks() -> None:
    from storybrief.render.view import TimelineRow, key_event_indexes, key_events

    rows = tuple(
        TimelineRow(
            date=f"2024-05-{day:02d}",
            text=f"event {day}.{k}",
            documents=(1,),
            estimated=False,
            reports=day % 3,
        )
        for day in range(1, 20)
        for k in range(2)
    )
    indexes = key_event_indexes(rows, limit=12)
    assert len(indexes) == 12
    assert indexes == tuple(sorted(indexes))
    assert tuple(rows[i] for i in indexes) == key_events(rows, limit=12)


@pytest.mark.model
def test_html_claim_rows_link_their_own_statements_when_date_claims_are_left_out() -> None:
    # Three sources give the arrest's day (a date claim, listed first in the JSON and
    # left out of the rendered figures); two give the containers. Each rendered row
    # must link its own statements, not those of the claim before it in the JSON.
    brief = storybrief.brief(
        [
            {"text": f"Port {n}\n\n{body}", "published": day}
            for n, (body, day) in enumerate(
                [
                    ("The captain was arrested on Oct. 16 in Lisbon, police said.", "2024-10-17"),
                    ("The captain was arrested on Oct. 16 in Lisbon after a raid.", "2024-10-18"),
                    (
                        "Police arrested the captain on Oct. 16 in Lisbon, officials said.",
                        "2024-10-18",
                    ),
                    (
                        "About 1,200 containers were stranded at the port, the authority said.",
                        "2024-10-19",
                    ),
                    ("Some 1,200 containers were stranded at the port on Friday.", "2024-10-19"),
                ]
            )
        ]
    )
    assert any(c.unit == "date" and len(c.documents) == 3 for c in brief.claims)
    (count,) = [c for c in brief.claims if c.unit == "count" and len(c.documents) == 2]
    html = render(brief, "html")
    section = html[html.index('<section id="claims">') :]
    row = next(r for r in section.split("<tr>") if "container" in r.split("</td>")[0])
    linked = set(re.findall(r'href="#s-([^"]+)"', row))
    assert linked == {f"{st.doc_id}-{st.start}-{st.end}" for st in count.statements}


@pytest.mark.issue(20)
def test_renderings_give_the_given_names_of_a_person_named_by_surname_alone() -> None:
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    full = "Harbour master Maria Gonzalez closed the Brackwater port on Monday after the storm."
    bare = "On Tuesday, Ms. Gonzalez told reporters the port would reopen on Friday."
    other = "Fisherman Carlos Gonzalez said his boat was damaged in the storm on Monday."

    def passages(brief: Any) -> tuple[SummaryPassage, SummaryPassage]:
        first, second = (d.sentences[0] for d in brief.documents[:2])
        return (
            SummaryPassage(first.text, first.doc_id, first.start, first.end, ()),
            SummaryPassage(second.text, second.doc_id, second.start, second.end, ()),
        )

    brief = storybrief.brief([{"text": full}, {"text": bare}])
    named, alone = passages(brief)
    assert given_names(brief, [alone]) == (
        "On Tuesday, Ms. [Maria] Gonzalez told reporters the port would reopen on Friday.",
    )
    assert given_names(brief, [named, alone]) == (full, bare)  # named in full before
    assert alone.text == bare  # the passage itself is untouched
    # A name that opens with no known given name (a tagger's or a merge's mistake) is
    # not made to read as a person's.
    odd = tuple(
        dataclasses.replace(e, canonical="Harbour Gonzalez") if e.type == "PERSON" else e
        for e in brief.entities
    )
    assert given_names(dataclasses.replace(brief, entities=odd), [alone]) == (bare,)
    # The tagger called the surname a place, but the entities joined it to her: brackets.
    # Had it never called her full name a person's, none.
    for full_label, expected in (("PERSON", "Ms. [Maria] Gonzalez"), ("ORG", "Ms. Gonzalez")):
        docs = tuple(
            dataclasses.replace(
                d,
                mentions=tuple(
                    dataclasses.replace(m, label="GPE" if m.span.text == "Gonzalez" else full_label)
                    if m.label == "PERSON"
                    else m
                    for m in d.mentions
                ),
            )
            for d in brief.documents
        )
        retagged = given_names(dataclasses.replace(brief, documents=docs), [alone])
        assert expected in retagged[0]
    # Two people of the brief share the surname: which one is meant is not said.
    brief = storybrief.brief([{"text": full}, {"text": bare}, {"text": other}])
    assert given_names(brief, [passages(brief)[1]]) == (bare,)
    # A surname of two words is a surname alone all the same.
    brief = storybrief.brief(
        [
            {"text": "Cookery writer Clarissa Dickson Wright died in Edinburgh on Monday."},
            {"text": "Friends of Ms. Dickson Wright said she had been ill for some months."},
        ]
    )
    assert given_names(brief, [passages(brief)[1]]) == (
        "Friends of Ms. [Clarissa] Dickson Wright said she had been ill for some months.",
    )


@pytest.mark.issue(20)
def test_given_names_are_left_out_where_the_surname_may_not_mean_the_person() -> None:
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    brief = storybrief.brief(
        [
            {"text": "Senator Martin Hollis and Governor Helen Carver met in Dunmore on Monday."},
            {
                "text": "Mr. Carver sent a letter. The Hollis family issued a statement on "
                "Tuesday. Later, Hollis told reporters he was pleased. Carver agreed with "
                "Martin Hollis."
            },
        ]
    )
    doc = brief.documents[1]
    assert [m.span.text for m in doc.mentions if m.entity_id is not None][:2] == [
        "Carver",
        "Hollis",
    ]
    passages = [SummaryPassage(s.text, doc.id, s.start, s.end, ()) for s in doc.sentences]
    texts = given_names(brief, passages[:3])
    # "Mr." titles no Helen; a family is not the one person; the bracket goes to the
    # first mention that names him alone.
    assert texts == (
        "Mr. Carver sent a letter.",
        "The Hollis family issued a statement on Tuesday.",
        "Later, [Martin] Hollis told reporters he was pleased.",
    )
    # After "Mr.", a later bare "Carver" may be him too: no bracket in the passage.
    mister = storybrief.brief(
        [
            {"text": "Senator Martin Hollis and Governor Helen Carver met in Dunmore on Monday."},
            {"text": "Mr. Carver sent a letter to the governor, and Carver said he would testify."},
            {"text": "Carver said on Tuesday that she would call a special session."},
        ]
    )
    other = mister.documents[1]
    assert [m.span.text for m in other.mentions if m.entity_id] == ["Carver", "Carver"]
    sentence = other.sentences[0]
    alone = SummaryPassage(sentence.text, other.id, sentence.start, sentence.end, ())
    assert given_names(mister, [alone]) == (sentence.text,)
    # The next passage is free to name her.
    third = mister.documents[2].sentences[0]
    later = SummaryPassage(third.text, mister.documents[2].id, third.start, third.end, ())
    assert given_names(mister, [alone, later])[1].startswith("[Helen] Carver said")
    # The full name later in the same passage needs no bracket before it.
    last, after = passages[2], passages[3]
    joined = doc.article.text[last.start : after.end]
    assert given_names(brief, [SummaryPassage(joined, doc.id, last.start, after.end, ())]) == (
        " ".join(joined.split()),
    )


@pytest.mark.issue(20)
def test_no_given_name_where_the_surname_also_names_a_place_or_thing() -> None:
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    texts = [
        "Senator Martin Jackson met voters in Dunmore on Monday.",
        "The senator flew to Jackson, Mississippi, on Tuesday. Jackson, Mississippi, has a "
        "new mayor.",
        "Later, Jackson told reporters he was pleased with the vote.",
    ]
    brief = storybrief.brief([{"text": t} for t in texts])
    assert {e.type for e in brief.entities if e.canonical.endswith("Jackson")} >= {
        "PERSON",
        "GPE",
    }
    doc = next(d for d in brief.documents if d.article.text.startswith("Later"))
    s = doc.sentences[0]
    # "Jackson" may be the city: the bracket could name the wrong one.
    assert given_names(brief, [SummaryPassage(s.text, doc.id, s.start, s.end, ())]) == (s.text,)


@pytest.mark.issue(20)
def test_a_wire_storys_here_reads_with_its_datelines_place() -> None:
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    text = (
        "CALDER, May 3 (Xinhua) -- The harbour board of Calder will reopen the north basin "
        'to ferries on Friday, its chair said here today. "We stay here," the pilots said.'
    )
    brief = storybrief.brief([{"text": text}])
    doc = brief.documents[0]
    lead = next(s for s in doc.sentences if "harbour board" in s.text)
    passage = SummaryPassage(lead.text, doc.id, lead.start, lead.end, ())
    (shown,) = given_names(brief, [passage])
    # An editor's insertion after the writer's "here"; the passage's words are untouched.
    assert shown.endswith("its chair said here [in Calder] today.")
    assert shown.replace(" [in Calder]", "") == " ".join(lead.text.split())
    # A quotation's "here" is the speaker's; a story with no dateline gets nothing.
    quoted = doc.sentences[-1]
    passage = SummaryPassage(quoted.text, doc.id, quoted.start, quoted.end, ())
    assert given_names(brief, [passage]) == (quoted.text,)
    plain = storybrief.brief([{"text": text.split("-- ", 1)[1]}])
    first = plain.documents[0].sentences[0]
    passage = SummaryPassage(first.text, plain.documents[0].id, first.start, first.end, ())
    assert "[in" not in given_names(plain, [passage])[0]


@pytest.mark.issue(20)
def test_a_passage_naming_no_place_reads_with_its_datelines_place() -> None:
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    texts = [
        "DES MOINES, Iowa (AP) -- The governor signed the home-school bill on Tuesday. "
        "Home-school families won a years-long legislative battle. The governor of Iowa "
        "praised the families.",
        "CALDER, Norland (AP) -- The harbour board reopened the north basin to ferries on "
        "Monday after the strike.",
        "MARSTON, Norland (AP) -- Home-school families in Marston met on Monday.",
    ]
    brief = storybrief.brief([{"text": t} for t in texts])

    def shown(opening: str, one: Any = brief) -> str:
        doc, s = next((d, s) for d in one.documents for s in d.sentences if opening in s.text)
        return given_names(one, [SummaryPassage(s.text, doc.id, s.start, s.end, ())])[0]

    # A story filed from several places: where a passage names none, its dateline's, said
    # as the dateline (it need not be the place of what the passage tells).
    assert shown("Home-school families won").startswith("[dateline: Des Moines, Iowa] Home-school")
    # A passage naming a place, or carrying the dateline itself, needs none.
    assert shown("The governor of Iowa").startswith("The governor of Iowa")
    doc, signed = next((d, s) for d in brief.documents for s in d.sentences if "signed" in s.text)
    whole = doc.article.text[: signed.end]
    assert given_names(brief, [SummaryPassage(whole, doc.id, 0, signed.end, ())]) == (
        " ".join(whole.split()),
    )
    assert shown("The harbour board reopened").startswith("[dateline: Calder, Norland] The harbour")
    # One place, or two (an event's place and its capital), for the whole story: no
    # bracket, the passage is most likely of the event's.
    for fewer in (texts[:1], texts[:2]):
        one = storybrief.brief([{"text": t} for t in fewer])
        assert shown("Home-school families won", one).startswith("Home-school families won")


@pytest.mark.issue(20)
def test_a_passage_of_another_episode_reads_with_the_day_its_page_was_written() -> None:
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    story = [
        (f"2024-05-0{day}", f"The Calder ferry strike went on for a {n} day as pilots met.")
        for day, n in ((3, "third"), (4, "fourth"), (5, "fifth"))
    ]
    earlier = (
        "1998-01-28",
        "Pilots of the Calder ferries walked out over pay. "
        "The strike of January 1998 ended within a week.",
    )
    brief = storybrief.brief([{"text": t, "published": p} for p, t in [*story, earlier]])
    assert [e.main for e in brief.episodes].count(False) == 1

    def shown(opening: str) -> str:
        doc, s = next((d, s) for d in brief.documents for s in d.sentences if opening in s.text)
        return given_names(brief, [SummaryPassage(s.text, doc.id, s.start, s.end, ())])[0]

    # Told undated beside the main story, the earlier walk-out says when its page was.
    assert shown("walked out") == (
        "[another episode, 1998-01-28] Pilots of the Calder ferries walked out over pay."
    )
    # Not where the passage dates itself, nor a passage of the main story.
    assert shown("ended within").startswith("The strike of January 1998")
    assert shown("fourth day").startswith("The Calder ferry strike")


@pytest.mark.issue(20)
def test_a_day_named_from_the_page_reads_with_the_day_it_counts_to() -> None:
    from storybrief.analysis.summarize import relative_days
    from storybrief.model import SummaryPassage
    from storybrief.render.view import given_names

    text = (
        "The harbour board of Calder voted on Tuesday evening to reopen the north basin, its chair"
        " said today. The pilots, who struck two days ago, will meet again next week."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-05-03"}])  # a Friday
    doc = brief.documents[0]
    first, second = doc.sentences[:2]
    days = relative_days(doc, first.start, first.end)
    assert [(d.text, d.date) for d in days] == [
        ("Tuesday evening", "2024-04-30"),
        ("today", "2024-05-03"),
    ]
    assert all(doc.article.text[d.start : d.end] == d.text for d in days)
    passage = SummaryPassage(first.text, doc.id, first.start, first.end, (), days)
    (shown,) = given_names(brief, [passage])
    assert shown == (
        "The harbour board of Calder voted on Tuesday evening [2024-04-30] to reopen the north"
        " basin, its chair said today [2024-05-03]."
    )
    assert passage.to_dict()["days"][0] == {
        "start": days[0].start,
        "end": days[0].end,
        "text": "Tuesday evening",
        "date": "2024-04-30",
    }
    # Counted spans ("two days ago", "next week") name no day; without a publication
    # day nothing is counted.
    assert relative_days(doc, second.start, second.end) == ()
    undated = storybrief.brief([{"text": text}]).documents[0]
    assert relative_days(undated, 0, len(undated.article.text)) == ()
    # So is a year or a month; not the twelve months before ("the last year").
    fares = "Fares rose this year and last month's strike cost more than over the last year."
    doc = storybrief.brief([{"text": fares, "published": "2024-01-09"}]).documents[0]
    assert [(d.text, d.date) for d in relative_days(doc, 0, len(fares))] == [
        ("this year", "2024"),
        ("last month's", "2023-12"),
    ]
    # And a month named from the page's: "last August"; not "in August".
    months = "The embassies were bombed last August, and the trial opens in August."
    doc = storybrief.brief([{"text": months, "published": "1999-03-10"}]).documents[0]
    assert [(d.text, d.date) for d in relative_days(doc, 0, len(months))] == [
        ("last August", "1998-08")
    ]
    # A wire's copy filed the day before its publication day counts from its dateline's.
    filed = f"CALDER, May 2 (Xinhua) -- {text}"
    for published, today in (("2024-05-03", "2024-05-02"), ("2024-05-09", "2024-05-09")):
        doc = storybrief.brief([{"text": filed, "published": published}]).documents[0]
        told = [d for d in relative_days(doc, 0, len(filed)) if d.text == "today"]
        assert [d.date for d in told] == [today]


@pytest.mark.issue(20)
def test_a_weekday_reads_with_the_day_its_page_states_with_that_weekday() -> None:
    from storybrief.analysis.summarize import relative_days

    caption = (
        "Police at the scene on the Calder Strip early Thursday, Feb. 21, 2013 in Calder."
        " (AP Photo/Jane Roe)"
    )
    story = (
        "A gunman opened fire on a car on the Calder Strip early Thursday, police said. "
        "The driver had left a casino on Wednesday night, and the road reopens today."
    )
    doc = storybrief.brief([{"text": f"{story}\n\n{caption}"}]).documents[0]
    published = doc.article.published
    assert published is not None
    assert published.estimated
    # The page dates its picture with the weekday its story names: that Thursday is
    # the day it states. Any other day counted from an estimate is a guess ("on
    # Wednesday night", "today": the copy may be of a later day): none.
    assert [(d.text, d.date) for d in relative_days(doc, 0, len(story))] == [
        ("early Thursday", "2013-02-21")
    ]
    # A date stated without its weekday dates no page (dates.v6), and no day is read.
    plain = story.replace("early Thursday,", "on Feb. 21, 2013,")
    doc = storybrief.brief([{"text": plain}]).documents[0]
    assert doc.article.published is None
    assert relative_days(doc, 0, len(plain)) == ()


@pytest.mark.issue(20)
def test_html_explains_square_brackets_only_when_a_passage_has_them() -> None:
    full = (
        "The Brackwater port closed on Monday after the storm hit the coast. Cranes and quays"
        " were damaged across the harbour, officials said. Harbour master Maria Gonzalez"
        " closed the north basin of the port until further notice."
    )
    bare = "On Tuesday, Ms. Gonzalez told reporters the port would reopen on Friday."
    # (The passage that gives her full name is no article's lead, so it cannot open the
    # summary before the one that names her bare: ``summarize._introducers_first``.)
    bracketed = render(storybrief.brief([{"text": bare}, {"text": full}]), "html")
    assert "Ms. [Maria] Gonzalez" in bracketed
    assert "[square brackets]" in bracketed
    assert "[square brackets]" not in render(storybrief.brief([{"text": full}]), "html")
