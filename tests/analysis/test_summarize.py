"""The summary: provenance, budget, determinism, filtering, and a quality gate."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import statistics
from pathlib import Path
from typing import Any

import pytest

import storybrief
from storybrief.analysis.summarize import candidates, summarize, without_dateline
from storybrief.render import render
from tests.conftest import EXAMPLES, SHARED, build_parsed
from tests.gold.pin import floor

pytestmark = pytest.mark.model

MULTINEWS = SHARED / "eval" / "multinews_longbench" / "multinews_test200.jsonl"
DUC2004 = SHARED / "eval" / "duc2004_task2" / "duc2004_task2.jsonl"


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


@pytest.fixture(scope="module")
def example_brief() -> Any:
    return storybrief.brief([EXAMPLES / "harbor-strike"], words=120)


def test_summarize_sentences_are_exact_source_substrings(
    seeds_brief: Any, example_brief: Any
) -> None:
    for brief in (seeds_brief, example_brief):
        assert brief.summary
        for item in brief.summary:
            text = brief.document(item.doc_id).article.text
            assert text[item.start : item.end] == item.text
            for support in item.support:
                other = brief.document(support.doc_id).article.text
                assert other[support.start : support.end] == support.text
                assert support.doc_id != item.doc_id
            assert item.sources == 1 + len(item.support)


def test_summarize_respects_the_word_budget(example_brief: Any) -> None:
    assert sum(_words(s.text) for s in example_brief.summary) <= 120


def test_summarize_finds_content_several_outlets_report() -> None:
    # Two outlets report the talks' collapse in their own words; a third quotes the
    # first word for word, and the first repeats it in a later story: no third source.
    courier = (
        "Talks between the port authority and the dockworkers' union collapsed on "
        "Thursday evening without agreement, officials said. The harbor master "
        "inspected the cranes. Ferry crews painted the north quay wall."
    )
    daily = (
        "Negotiations between the dockworkers' union and the port authority collapsed "
        "late on Thursday evening with no agreement in sight. A brass band played "
        "outside the station. Gulls circled over the fish market."
    )
    review = (
        "Here is what the Courier wrote on Friday:\n\n"
        "\"Talks between the port authority and the dockworkers' union collapsed on "
        'Thursday evening without agreement, officials said."\n\n'
        "The city deserves better than this from both of them, frankly."
    )
    # The Courier's next story repeats the line: the outlet repeating itself.
    again = (
        "Dockworkers stayed away from the quays for a fifth day on Saturday. "
        "Talks between the port authority and the dockworkers' union collapsed on "
        "Thursday evening without agreement, officials said. Buses ran as usual."
    )
    brief = storybrief.brief(
        [
            {"text": courier, "outlet": "Calder Courier"},
            {"text": daily, "outlet": "Rhosmouth Daily"},
            {"text": review},
            {"text": again, "outlet": "Calder Courier"},
        ],
        words=20,
    )
    (item,) = brief.summary
    assert "collapsed" in item.text
    assert item.sources == 2
    assert {s.doc_id for s in item.support} | {item.doc_id} == {
        brief.documents[0].article.id,
        brief.documents[1].article.id,
    }


def test_summarize_is_deterministic(example_brief: Any) -> None:
    assert summarize(example_brief.documents, 120) == example_brief.summary


def test_summarize_skips_headlines_captions_and_dangling_openers(seeds_brief: Any) -> None:
    for item in seeds_brief.summary:
        doc = seeds_brief.document(item.doc_id).article
        assert doc.title is None or item.text != doc.title.value
        assert not any(s <= item.start < e for s, e in doc.captions)
        assert item.text.split()[0].lower() not in {"but", "he", "she", "that", "they"}
        assert not item.text.rstrip("\"”’' ").endswith("?")


def _gate_rouge2(path: Path, clusters: int, words: int, measure: str) -> float:
    """Mean ROUGE-2 (in %) of storybrief's summaries of the first clusters of a set."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    scores = []
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, clusters)]
    for record in records:
        docs = [{"text": d["text"]} for d in record["documents"] if d["text"].strip()]
        brief = storybrief.brief(docs, words=words)
        summary = " ".join(" ".join(s.text for s in brief.summary).split()[:words])
        per = [getattr(scorer.score(r, summary)["rouge2"], measure) for r in record["summaries"]]
        scores.append(100 * statistics.fmean(per))
    return statistics.fmean(scores)


def _floor(name: str) -> float:
    """The pinned floor (tests/gold/pin.py), checked against its history."""
    return floor(name)


@pytest.mark.slow
@pytest.mark.skipif(not MULTINEWS.is_file(), reason=f"{MULTINEWS} not found")
def test_summarize_quality_gate_on_multinews_slice() -> None:
    """ROUGE-2 F1 on a fixed 20-cluster slice must not fall below the pinned floor."""
    score = _gate_rouge2(MULTINEWS, 20, 300, "fmeasure")
    assert score >= _floor("summary_multinews20_rouge2_f1")


@pytest.mark.slow
@pytest.mark.skipif(not DUC2004.is_file(), reason=f"{DUC2004} not found")
def test_summarize_quality_gate_on_duc2004_slice() -> None:
    """ROUGE-2 recall at 100 words on the first 25 DUC 2004 clusters, against the pinned floor."""
    score = _gate_rouge2(DUC2004, 25, 100, "recall")
    assert score >= _floor("summary_duc2004_25_rouge2_recall")


def test_summarize_takes_a_quotation_that_spans_sentences_whole() -> None:
    # The second sentence of Ms. Varga's quotation repeats what both reports
    # say; alone it would be a fragment with a stray quotation mark.
    quote = (
        'Mayor Ilse Varga said the ferry levy would stay. "We listened to every harbor '
        "business. The ferry levy will fund the new Brackwater pier and the night "
        'ferry service."'
    )
    plain = (
        "The ferry levy will fund the new Brackwater pier and the night ferry service, "
        "the council said on Tuesday."
    )
    inputs = [
        {"text": f"Brackwater keeps ferry levy\n\n{quote} Ferry operators were not consulted."},
        {"text": f"Council backs Brackwater levy\n\n{plain} Operators plan to appeal the levy."},
    ]
    brief = storybrief.brief(inputs, words=80)
    texts = [item.text for item in brief.summary]
    assert texts
    # The tail comes only with the rest of the quotation and whoever said it.
    for text in texts:
        assert text.count('"') % 2 == 0
        assert 'night ferry service."' not in text or "Mayor Ilse Varga said" in text
    found = candidates(brief.documents)
    pieces = [c for c in found if c.doc_index == 0 and '"' in c.sentence.text]
    assert len(pieces) == 2
    first, tail = pieces
    assert first.leads
    assert not tail.leads
    assert tail.follows == found.index(first)
    assert found[first.follows].sentence.text == "Mayor Ilse Varga said the ferry levy would stay."


def test_summarize_gives_a_pronoun_sentence_only_after_the_one_it_needs() -> None:
    # The second sentence carries what both reports say; it opens with "He",
    # so it may enter only as one passage with the sentence naming Mr. Okafor.
    story = (
        "Brackwater pier stays shut\n\n"
        "Harbor master Dele Okafor reviewed the damaged pier on Friday.\n\n"
        "He said the Brackwater ferry pier would stay closed for repairs until March. "
        "Tourism officials were not consulted."
    )
    # (Not a candidate either, as it opens its article with "They": were it one, the
    # summary would take it, alike enough to say the same thing and needing nothing.)
    other = (
        "They said the Brackwater ferry pier would stay closed for repairs until March, "
        "the harbor office said. Ferry operators plan to appeal."
    )
    orphan = "He said the Brackwater ferry pier would stay closed for repairs until March."
    inputs = [{"text": story}, {"text": other}, {"text": f"{orphan} Crews began work."}]
    brief = storybrief.brief(inputs, words=60)
    found = candidates(brief.documents)
    he = [c for c in found if c.sentence.text.startswith("He said")]
    # Where it opens its article there is nothing to follow: not a candidate.
    assert [c.doc_index for c in he] == [0]
    assert found[he[0].follows].sentence.text.startswith("Harbor master Dele Okafor")
    assert any("He said" in item.text for item in brief.summary)
    for item in brief.summary:
        assert not item.text.startswith("He ")
        text = brief.document(item.doc_id).article.text
        assert text[item.start : item.end] == item.text
        if "He said" in item.text:
            assert item.text.startswith("Harbor master Dele Okafor reviewed")
    # The passage runs over a paragraph break; renderings give it on one line.
    passage = "Harbor master Dele Okafor reviewed the damaged pier on Friday. He said the"
    assert passage in render(brief, "md")
    assert passage in render(brief, "text")


def test_summarize_reads_a_month_dated_document_after_those_dated_within_the_month() -> None:
    month = (
        "The Brackwater ferry pier will stay closed for repairs until March, the harbor "
        "office said on Tuesday. Ferry operators plan to appeal the closure."
    )
    # (Each document's lead tells its own fact: two leads that tell one event are one
    # report, ``summarize._leads_again``.)
    day = (
        "Harbor master Dele Okafor said repair crews found rust in the steel piles of the "
        "Brackwater ferry pier. Tourism officials were not consulted about the pier."
    )
    later = "The Brackwater ferry pier reopened for repairs inspections in March, crews said."
    inputs = [
        {"text": month, "published": "2024-02"},
        {"text": day, "published": "2024-02-20"},
        {"text": later, "published": "2024-03-01"},
    ]
    brief = storybrief.brief(inputs, words=80)
    order = [brief.documents.index(brief.document(item.doc_id)) for item in brief.summary]
    assert set(order) == {0, 1, 2}
    # Dated to the day within February, then February as a whole, then March.
    assert order == sorted(order, key=lambda d: (1, 0, 2)[d])


def test_summarize_leaves_out_the_dateline_that_opens_a_sentence() -> None:
    first = (
        "Ferry strike ends\n\n"
        "PORTBY (Harbor Wire) - Ferry crews in Portby ended their strike on Tuesday "
        "after the operator agreed to a new pay deal.\n\n"
        "The first ferries left the west pier on Wednesday morning."
    )
    second = (
        "Strike over in Portby\n\n"
        "SOUTH QUAY, Norland - Ferry crews in Portby ended their strike after the "
        "operator agreed to a new pay deal, union leaders said.\n\n"
        "Passengers had waited for a week."
    )
    brief = storybrief.brief([{"text": first}, {"text": second}], words=60)
    deal = [item for item in brief.summary if "new pay deal" in item.text]
    assert deal
    for item in brief.summary:
        assert not item.text.startswith(("PORTBY", "SOUTH QUAY"))
        text = brief.document(item.doc_id).article.text
        assert text[item.start : item.end] == item.text
    assert deal[0].text.startswith("Ferry crews in Portby ended their strike")


def test_summarize_leaves_out_a_teaser_cut_short_with_an_ellipsis() -> None:
    teaser = "The harbour board said the new ferry timetable would start in May and that..."
    text = (
        "Ferry timetable\n\n"
        "The harbour board approved the new ferry timetable on Monday after a long debate.\n\n"
        f"{teaser}\n\n"
        "The first ferries under the new timetable will leave the west pier at six."
    )
    brief = storybrief.brief([{"text": text}], words=60)
    texts = [c.sentence.text for c in candidates(brief.documents)]
    assert any(t.startswith("The harbour board approved") for t in texts)
    assert not any(t.endswith(("...", "…")) for t in texts)
    assert all(not item.text.endswith("...") for item in brief.summary)
    # The ellipsis in spaced dots, where the splitter cut a sentence: "he was . . . not
    # burnt on being on TV" gives "..., he was . . ." as a sentence of its own.
    spaced = (
        "The harbour board approved the new ferry timetable on Monday after a long debate. "
        "After the old pier was closed, the board was . . . not happy about it, but it "
        "wanted to try the west pier first."
    )
    texts = _candidate_texts(spaced)
    assert any(t.startswith("The harbour board approved") for t in texts)
    assert not any(t.rstrip().endswith(". . .") for t in texts)


def _candidate_texts(text: str) -> list[str]:
    """The summary candidates of one document of this text."""
    return [c.sentence.text for c in candidates(storybrief.brief([{"text": text}]).documents)]


def test_summarize_leaves_out_a_sentence_with_a_web_address() -> None:
    text = (
        "The harbour board approved the new ferry timetable on Monday after a long debate. "
        "Help keep the west pier open: http://example.org/pier. "
        "PortbyNews.com said on Sunday that the new timetable would start in May."
    )
    texts = _candidate_texts(text)
    assert not any("http" in t for t in texts)
    # A site named as a source is no link to follow. (Not "was first reported by
    # PortbyNews.com", which is the page's credit: see _PAGE_LINE.)
    assert any("PortbyNews.com" in t for t in texts)


def test_summarize_leaves_out_a_source_giving_no_comment_but_not_a_silence_of_the_story() -> None:
    text = (
        "The harbour board approved the new ferry timetable on Monday after a long debate. "
        "Reps for the ferry operator didn't get back to us. "
        "The operator's lawyers, Ada Brink and Tom Vell, have not returned calls and emails "
        "from the Gazette seeking comment. "
        "Brackwater Ferries declined to comment. "
        "A spokeswoman for the port could not be reached for comment. "
        "Port officials said they couldn't comment on the ongoing inquiry. "
        "The board offered the operator a settlement of $40,000 last month, but the "
        "operator's lawyers didn't respond. "
        "The mayor declined to comment on the vote but called the timetable a fair deal. "
        "The operator did not respond to the board's offer. "
        "The new timetable starts in May, the board said."
    )
    texts = _candidate_texts(text)
    for silent in ("get back to us", "seeking comment", "declined to comment.", "be reached"):
        assert not any(silent in t for t in texts), silent
    assert not any("couldn't comment" in t for t in texts)
    # A party's silence in the story, and a sentence that tells more, stay.
    assert any("lawyers didn't respond" in t for t in texts)
    assert any("did not respond to the board's offer" in t for t in texts)
    assert any("called the timetable a fair deal" in t for t in texts)


def test_summarize_takes_other_ones_of_a_kind_only_after_one_of_that_kind() -> None:
    # "Other witnesses" are others than a witness the reader has met: without one
    # in the summary the sentence dangles.
    text = (
        "A fire destroyed the old Brackwater ferry terminal on Monday night, the harbour "
        "board said. Firefighters fought the blaze for six hours before it was under "
        "control. {witness}Nobody was hurt in the fire at the terminal, the board said. "
        "Other witnesses said the flames of the fire rose above the terminal's clock "
        "tower. The board will rebuild the ferry terminal by next spring, the board said."
    )
    other = "The Brackwater ferry terminal burned down on Monday night. A ferry worker said the terminal opened in 1961."
    met = "A witness, Ada Brink, said she saw sparks near the terminal kiosk. "
    alone = storybrief.brief([{"text": text.format(witness="")}, {"text": other}], words=400)
    assert alone.summary
    assert not any(p.text.startswith("Other witnesses") for p in alone.summary)
    after = storybrief.brief([{"text": text.format(witness=met)}, {"text": other}], words=400)
    texts = [p.text for p in after.summary]
    assert any(t.startswith("Other witnesses") for t in texts)
    assert any(t.startswith("A witness") for t in texts)


def test_summarize_keeps_an_exclaimed_quotation_with_the_sentence_naming_its_writer() -> None:
    # The splitter cuts after the quotation's own "!": "Mayor Ilse Varga wrote on
    # Twitter" alone says nothing, and the quotation alone names no one.
    text = (
        "The harbour board met on Monday. “Stay strong Brackwater, the new pier is coming!” "
        "Mayor Ilse Varga wrote on Twitter, referring to the vote. The board said the pier "
        "would open in May. The mayor wrote a letter to the ferry company on Tuesday."
    )
    brief = storybrief.brief([{"text": text}], words=40)
    found = candidates(brief.documents)
    (tail,) = [c for c in found if c.sentence.text.startswith("Mayor Ilse Varga wrote")]
    assert tail.follows is not None
    assert found[tail.follows].sentence.text.startswith("“Stay strong")
    assert found[tail.follows].leads
    # A verb of saying with something said of its own stands alone.
    (letter,) = [c for c in found if "letter" in c.sentence.text]
    assert letter.follows is None
    for passage in brief.summary:
        assert ("Varga wrote" in passage.text) == ("Stay strong" in passage.text)
    # So with the quotation after it: "Ada Brink wrote on her page." alone says nothing.
    after = (
        "The harbour board met on Monday. Ada Brink wrote on her fundraising page. "
        '"The old pier has served the ferries for a century and deserves a new roof." '
        "The board said the pier would open in May."
    )
    found = candidates(storybrief.brief([{"text": after}]).documents)
    (page,) = [c for c in found if c.sentence.text.startswith("Ada Brink wrote")]
    assert page.leads
    assert found[found.index(page) + 1].sentence.text.startswith('"The old pier')


@pytest.mark.issue(20)
def test_summarize_gives_no_speaker_whose_quotation_is_no_candidate() -> None:
    # The quotation is a question (no candidate): who asked it says nothing alone,
    # whether the splitter cut the quotation from its speaker or the speaker comes first.
    text = (
        "The harbour board met on Monday. “Is the new pier worth twelve million pounds?” "
        "Ada Brink wrote in the comments section after friends had shared the plans. "
        "The board said the pier would open in May. Tomas Hale wrote on his page. "
        "“Who will pay for the ferries when the pier is closed?” The mayor wrote a letter "
        "to the ferry company on Tuesday. “Will the fares rise?” “Everybody who sails will "
        "pay a little more,” the mayor said, smiling."
    )
    found = candidates(storybrief.brief([{"text": text}]).documents)
    texts = [c.sentence.text for c in found]
    assert not [t for t in texts if t.startswith(("Ada Brink", "Tomas Hale"))]
    assert [t for t in texts if t.startswith(("The board said", "The mayor wrote"))] == [
        "The board said the pier would open in May.",
        "The mayor wrote a letter to the ferry company on Tuesday.",
    ]
    # A sentence with a quotation of its own says something, whatever comes before it.
    assert any(t.startswith("“Everybody who sails") for t in texts)
    # One that names who said the quotation before it stays with it, whatever follows.
    cut = (
        "The harbour board met on Monday to discuss the new pier at Calder. “The pier will "
        "open in May and the town will thrive!” Ada Brink wrote on Twitter on Monday "
        "evening after the board had voted on the plan. “Who will pay for the ferries?” "
        "The mayor said the board would publish the costs in June."
    )
    found = candidates(storybrief.brief([{"text": cut}]).documents)
    (tail,) = [c for c in found if c.sentence.text.startswith("Ada Brink wrote")]
    assert tail.follows is not None
    assert found[tail.follows].sentence.text.startswith("“The pier will open")


def test_support_needs_the_same_content_not_only_the_same_names_or_words() -> None:
    gazette = (
        "Bridge to close\n\n"
        "The Harlow bridge will close for repairs on Monday, the county said.\n\n"
        "The repairs are expected to cost about $4.2 million.\n\n"
        '"We cannot keep a bridge open when its girders are failing," said county engineer '
        "Tobias Wrenfield.\n\n"
        "About 9,000 vehicles cross the Harlow bridge every day."
    )
    news = (
        "Shuttle approved\n\n"
        "The council voted to fund a free shuttle bus while the Harlow bridge is closed.\n\n"
        "The shuttle is expected to cost $310,000.\n\n"
        "County engineer Tobias Wrenfield told councillors the timetable was tight.\n\n"
        "Some 9,000 vehicles cross the Harlow bridge each day, the county said."
    )
    brief = storybrief.brief(
        [
            {"text": gazette, "published": "2024-04-02"},
            {"text": news, "published": "2024-04-05"},
        ],
        words=200,
    )
    by_text = {item.text: item for item in brief.summary}
    cost = by_text["The repairs are expected to cost about $4.2 million."]
    quote = next(item for t, item in by_text.items() if t.startswith('"We cannot keep'))
    both = {
        "About 9,000 vehicles cross the Harlow bridge every day.",
        "Some 9,000 vehicles cross the Harlow bridge each day, the county said.",
    }
    # The two traffic sentences say the same: the summary takes one of them.
    (traffic,) = [item for t, item in by_text.items() if t in both]
    # A different cost is not support, nor is the same engineer saying something else.
    assert cost.support == ()
    assert quote.support == ()
    # The same figure for the same thing is.
    assert [s.text for s in traffic.support] == list(both - {traffic.text})


def test_a_quotation_that_ends_a_paragraph_keeps_its_closing_mark() -> None:
    text = (
        "Bridge costs\n\n"
        "The county engineer told councillors on Monday that the bridge repairs would cost "
        '"a little over four million dollars."\n\n'
        "The council will vote on the repair budget at its next meeting in April."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-04-02"}], words=80)
    doc = brief.documents[0].article.text
    quoted = [item for item in brief.summary if "four million" in item.text]
    assert quoted
    for item in quoted:
        assert item.text == doc[item.start : item.end]
        assert item.text.endswith('dollars."')


@pytest.mark.issue(24)
def test_an_update_covers_what_the_new_documents_add_with_background_from_the_old() -> None:
    from storybrief.analysis.summarize import summarize_update

    old_texts = [
        "Harbor strike\n\nDock workers in Calder walked out on Monday over pay. "
        "The port authority said talks with the union would resume next week. "
        "Ships queued outside the harbor as the strike entered its second day.",
        "Port dispute\n\nThe Calder dock strike entered its second day on Tuesday. "
        "Union leaders said workers want a raise of eight percent. "
        "Ships queued outside the harbor while cargo piled up on the quays.",
    ]
    new_texts = [
        "Strike ends\n\nDock workers in Calder voted on Friday to accept a six percent raise. "
        "The first ships entered the harbor on Saturday morning. "
        "Ships queued outside the harbor as the strike entered its second day.",
        "Deal reached\n\nThe Calder dock strike ended with a six percent raise on Friday. "
        "Cranes moved again at the harbor on Saturday as the first ships entered.",
    ]
    old = list(
        storybrief.brief([{"text": t, "published": "2024-03-05"} for t in old_texts]).documents
    )
    new = list(
        storybrief.brief([{"text": t, "published": "2024-03-09"} for t in new_texts]).documents
    )
    update, background = summarize_update(new, old, words=40, background_words=30)
    assert update
    assert background
    texts = {d.id: d.article.text for d in (*old, *new)}
    for passage in (*update, *background):
        assert texts[passage.doc_id][passage.start : passage.end] == passage.text
    assert {p.doc_id for p in update} <= {d.id for d in new}
    assert {p.doc_id for p in background} <= {d.id for d in old}
    assert sum(_words(p.text) for p in update) <= 40
    assert sum(_words(p.text) for p in background) <= 30
    assert summarize_update(new, old, 40, 30) == (update, background)  # deterministic


@pytest.mark.issue(24)
def test_an_update_discounts_what_the_reader_already_read() -> None:
    from storybrief.analysis.summarize import summarize, summarize_update

    repeated = "Ships queued outside the Calder harbor as the dock strike went on."
    news = "Dock workers in Calder accepted a six percent raise on Friday."
    old_texts = [
        f"Harbor strike\n\n{repeated} Talks with the union stalled again.",
        f"Port dispute\n\n{repeated} Cargo piled up on the quays.",
    ]
    new_texts = [f"Strike ends\n\n{repeated} {news}", f"Deal reached\n\n{news} {repeated}"]
    old = list(
        storybrief.brief([{"text": t, "published": "2024-03-05"} for t in old_texts]).documents
    )
    new = list(
        storybrief.brief([{"text": t, "published": "2024-03-09"} for t in new_texts]).documents
    )
    # One sentence fits: alone, the new documents' summary may restate what was read;
    # as an update, it gives the news.
    assert [p.text for p in summarize(new, 13)] == [repeated]
    update, _ = summarize_update(new, old, 13, 30)
    assert [p.text for p in update] == [news]


_STORM = (
    "A winter storm swept across the valley on Monday, closing roads and stranding drivers "
    "overnight. More than 40,000 homes lost power after ice brought down lines across the "
    "county, the utility said. All public schools in the district will stay closed on "
    "Tuesday, the school board announced.",
    "Ice and heavy snow hit the valley on Monday as the storm moved east, officials said. "
    "The utility said more than 40,000 homes lost power when ice brought down lines in the "
    "county. The school board said all public schools in the district would stay closed on "
    "Tuesday.",
    "The storm that struck the valley on Monday left roads blocked by fallen trees, police "
    "said. Crews worked through the night for the 40,000 homes that lost power in the county. "
    "Parents were told that public schools in the district would stay closed on Tuesday.",
)


@pytest.fixture(scope="module")
def storm() -> Any:
    return storybrief.brief(list(_STORM), words=40).documents


@pytest.mark.parametrize(
    ("focus", "word"),
    [
        ("Are the schools open?", "schools"),
        ("When will power be back for the homes without electricity?", "power"),
    ],
)
def test_summarize_a_focus_question_picks_the_sentence_that_answers_it(
    storm: Any, focus: str, word: str
) -> None:
    # Twenty words hold one of the two stories the three reports share.
    (passage,) = summarize(storm, 20, focus)
    assert word in passage.text
    texts = {d.id: d.article.text for d in storm}
    assert texts[passage.doc_id][passage.start : passage.end] == passage.text


def test_a_sentence_that_answers_the_focus_may_open_a_summary_as_a_lead_does(storm: Any) -> None:
    from storybrief.analysis.summarize import _answers

    found = candidates(storm)
    answers = _answers(storm, found, "Are the schools open?")
    assert answers is not None
    opening = {c.sentence.text for c, a in zip(found, answers, strict=True) if a}
    assert opening
    assert all("schools" in text for text in opening)
    assert _answers(storm, found, "  ") is None
    # Forty words: the answer, and what else is chosen comes with a lead or an answer.
    texts = [p.text for p in summarize(storm, 40, "Are the schools open?")]
    assert any("schools" in t for t in texts)


@pytest.mark.parametrize("focus", [None, "", "   ", "the of and"])
def test_summarize_without_a_usable_focus_is_the_plain_summary(
    example_brief: Any, focus: str | None
) -> None:
    assert summarize(example_brief.documents, 120, focus) == example_brief.summary


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("unit", "a", "b", "agree"),
    [
        ("count person", ("11", 11), ("10", 10), False),  # exact counts: equal or not at all
        ("count person", ("11", 11), ("about 10", 10), True),  # qualified: within 10%
        ("count person", ("258", 258), ("257", 257), False),
        ("count person", ("5,000", 5000), ("4,700", 4700), True),  # a round figure
        ("percent", ("52.94", 52.94), ("52.9", 52.9), True),  # the same figure, rounded
        ("percent", ("38", 38), ("40", 40), False),
        # A whole percentage may be a precise one cut to its whole part, or rounded.
        ("percent", ("29.6", 29.6), ("29", 29), True),
        ("percent", ("29.6", 29.6), ("30", 30), True),
        ("percent", ("29.6", 29.6), ("28", 28), False),
        ("percent", ("29.4", 29.4), ("30", 30), False),
        ("money dollar", ("$310,000", 310_000), ("about $4.2 million", 4.2e6), False),
    ],
)
def test_support_figures_agree_only_as_precisely_as_they_are_written(
    unit: str, a: tuple[str, float], b: tuple[str, float], agree: bool
) -> None:
    from storybrief.analysis.claims import figures_agree

    assert figures_agree(unit, a[1], a[0], b[1], b[0]) is agree


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("unit", "a", "b", "same"),
    [
        # Two readings of a distance, each exact at its last digit: not one figure.
        ("length mile", ("more than 20,500", 20_500), ("more than 21,625", 21_625), False),
        ("count person", ("150", 150), ("140", 140), False),
        # A round figure may be the other rounded; an approximation stays within 10%.
        ("count person", ("5,000", 5000), ("4,800", 4800), True),
        ("money dollar", ("$4.2 million", 4.2e6), ("$4,200,000", 4.2e6), True),
        ("length mile", ("about 20,500", 20_500), ("21,625", 21_625), True),
        ("count person", ("nearly 300", 300), ("283", 283), True),
    ],
)
def test_a_second_source_states_the_figure_to_the_precision_either_writes_it(
    unit: str, a: tuple[str, float], b: tuple[str, float], same: bool
) -> None:
    from storybrief.analysis.summarize import _same_figure

    assert _same_figure(unit, a[1], a[0], b[1], b[0]) is same
    assert _same_figure(unit, b[1], b[0], a[1], a[0]) is same


@pytest.mark.issue(20)
def test_support_may_share_only_the_storys_words_when_a_figure_agrees() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    topic = frozenset(("ferry", "sink", "kill"))
    toll = (("count person", 41.0, "41"),)
    ours = _Gist(topic | {"coast"}, toll, frozenset({"e1"}), topic)
    # Only the story's words in common, and the same toll: the same claim.
    same = _Gist(topic | {"island"}, toll, frozenset({"e2"}), topic)
    assert _same_content(ours, same, 0.45)
    # Only the story's words, no figure: two sentences of one story.
    bare = _Gist(topic | {"island"}, (), frozenset({"e2"}), topic)
    assert not _same_content(_Gist(topic | {"coast"}, (), frozenset({"e1"}), topic), bare, 0.45)


@pytest.mark.issue(20)
def test_support_needs_the_same_figures_and_something_that_shows_the_same_referent() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    words = frozenset(("bomb", "kill", "embassy", "blast"))
    ours = _Gist(words, (("count person", 11.0, "11"),), frozenset({"e1", "friday"}))
    # Same words, same place and day, another toll: no support.
    other_toll = _Gist(words, (("count person", 10.0, "10"),), frozenset({"e1", "friday"}))
    assert not _same_content(ours, other_toll, 0.6)
    same_toll = _Gist(words, (("count person", 11.0, "11"),), frozenset({"e1"}))
    assert _same_content(ours, same_toll, 0.6)
    # A stock phrase that names nothing the sentence names: "Further details will be
    # set out in due course." shares words, not a referent.
    stock = _Gist(frozenset(("bomb", "kill", "blast")), (), frozenset())
    assert not _same_content(ours, stock, 0.4)
    # Enough shared content (four words) still supports without a shared name.
    assert _same_content(ours, _Gist(words, (), frozenset({"cairo"})), 0.4)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_whose_speaker_is_an_unnamed_he_or_that_says_also_early_follows() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Ferry talks resumed in Calder on Monday after a week of strikes by the crews. "
        '"The offer on the table is still not enough for our members," he said on Monday. '
        "The union leader also warned that the strike could spread to the port and beyond. "
        "Harbour master Ines Varga said she expected the ferries to run again by Friday. "
        "Again, the harbour master accused the crews of ignoring the court's order. "
        "Again and again, travellers were turned away at the pier on Monday morning."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = {c.sentence.text.split()[0]: c.follows for c in candidates([doc])}
    assert found['"The'] is not None  # "he said": whose words?
    assert found["The"] is not None  # "also" warned: after what, and which leader?
    assert found["Ferry"] is None
    assert found["Harbour"] is None  # "she" stands for the name before it
    assert found["Again,"] is not None  # accused again: after what?
    assert found["Again"] is None  # "again and again" points at nothing before


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_whose_subject_is_an_unnamed_he_follows() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "A man who fled a police chase in Calder on Monday was found dead on Saturday. "
        "Detectives said he had not been seen since the chase through the market. "
        "Harbour master Ines Varga said he had been seen on the roof of the market. "
        "Police believe she drove the car that waited for him near the harbour gate."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = {c.sentence.text.split()[0]: c.follows is not None for c in candidates([doc])}
    # Who? The man of the sentence before; "she" is no one named at all.
    assert found == {"A": False, "Detectives": True, "Harbour": False, "Police": True}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_about_the_statement_or_the_move_said_before_follows() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "The two ferry companies confirmed on Friday that they were in talks about a merger. "
        "The statement sent the shares of both companies up by a fifth in Calder. "
        "The announcement came a day after the union said the strike had failed. "
        "The statement of the harbour board was brief and gave no figures at all. "
        "The union's statement came late on Friday after a day of protests at the pier. "
        "The decision that the ferries would stop for a week angered many travellers. "
        "The board cut all fares by half on Monday and many say the move will bring "
        "travellers back. "
        "Officials in Calder said the move came far too late for the ferry crews. "
        "The result was a week of empty ferries and angry crews on the Calder pier. "
        "The issue was the board's plan to sell the oldest ferry to a firm in Norland. "
        "The issue of night fares divided the harbour board for most of the year. "
        "The announcement by the harbour master came a day after the vote on fares."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.follows is not None for c in candidates([doc])]
    # Which statement, which announcement, the result of what, what issue? Those of the
    # sentence before. (The move of the same sentence's first clause is said there;
    # saying it is no move. "The issue of night fares" says which; "by the harbour
    # master" says whose, not which.)
    assert found == [False, True, True, False, False, False, False, True, True, True, False, True]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_that_counts_on_from_one_before_follows() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "A bomb exploded in the Calder market on Monday, wounding nine shoppers. "
        "A second bomb went off near the harbour gate an hour after the first one. "
        "Another 20 people were hurt in the crush at the gate, officials said. "
        "Earlier in the day, thousands had marched to the harbour in protest. "
        "Earlier this month, the port was closed for a week by a ferry strike. "
        "Another day of talks between the unions and the port is set for Friday. "
        "Of course, the port was always the poorest of the three on the coast. "
        "Certainly, the crews are expecting a lot from the new contract. "
        "Witness the strike at the Calder pier that closed the port for a week in May. "
        "Ferries left the harbour of Calder on time again on Tuesday morning. "
        "Leave it to the Calder crews to turn a strike into a festival on the pier. "
        "As a result, the ferries to Norland ran half empty for the rest of the month. "
        "As a result of the strike, the port lost a tenth of its trade that summer. "
        "Nor did the new timetable bring the travellers back to the Calder pier. "
        "In addition to the fines, the court ordered the union to pay the port's costs. "
        "Not to mention the night ferries that the strike cancelled for a whole week. "
        "The port's owners, however, said the strike had cost them nothing at all. "
        "The union, for its part, said the crews would strike again in the autumn. "
        "The mayor of Calder, Ines Varga, said the port would reopen on Friday. "
        "Two more ferries were cancelled at the Calder pier on Tuesday night. "
        "Two more than in May were cancelled at the Calder pier in June. "
        "In one case a few years back, a ferry sank a mile off the Calder pier. "
        "In one of its first rulings, the court closed the Calder pier for a week. "
        "The harbour board plays a vital role in this regard. "
        "The board will meet in Calder on Friday to that end. "
        "The board will meet in Calder on Friday to end the strike. "
        "From that meeting the crews took home a new contract and a pay rise. "
        "In this week's vote, the crews backed the new contract by a wide margin. "
        "For those who travel at night, the board added a late ferry to Norland. "
        "First, the crews asked for a pay rise of a tenth for the night shifts. "
        "To begin with, the union said, the board must hire forty more deckhands. "
        "First ferries to Norland left the Calder pier at dawn on the Wednesday. "
        "In fact, the port had lost a tenth of its trade to Marston by the autumn. "
        "The two were arrested at the Calder pier on Tuesday night. "
        "The two men were arrested at the Calder pier on Tuesday night. "
        "Of those arrested, three were deckhands from the night ferries. "
        "Of those who struck, most went back to the Calder pier in June."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.follows is not None for c in candidates([doc])]
    # A second what, another of what, earlier than what? What the sentence before
    # tells. "Earlier this month" counts from the day of writing. "Of course" and
    # "Certainly" are the writer's asides on what came before; "Witness ..." an example
    # of it ("Leave it to ..." is an idiom, no pointing).
    # "As a result" of what, "nor" after what? ("As a result of the strike" says.)
    assert found[:11] == [False, True, True, True, False, False, True, True, True, False, False]
    assert found[11:16] == [True, False, True, False, True]
    # A connective set off by commas counts on what came before as at the head ("The
    # port's owners, however, said ..."); an appositive does not.
    assert found[16:19] == [True, True, False]
    # Two more than those told of ("Two more than in May" says than what).
    assert found[19:21] == [True, False]
    # One case of those told before; in what regard, to what end?
    assert found[21:26] == [True, False, True, True, False]
    # From what meeting? ("This week's" counts from the day of writing; "those who"
    # says who.)
    assert found[26:29] == [True, False, False]
    # An item of a list the sentence before opens: first of what? ("First ferries"
    # names which ones.)
    assert found[29:32] == [True, True, False]
    # What bears out or corrects the sentence before it.
    assert found[32:33] == [True]
    # The two who? (Not "the two men".) Of those what? (Not "those who ...".)
    assert found[33:] == [True, False, True, False]


@pytest.mark.model
@pytest.mark.issue(20)
def test_box_lines_and_appeals_are_no_summary_sentences_and_a_bullet_is_left_out() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "A ring was stolen from a body at a Calder funeral home on Monday, police said.\n\n"
        "•The number of rings stolen in Calder rose to 14 this year, police said.\n\n"
        "Written and directed by Ines Varga for the Calder theatre.\n\n"
        "Convicted and removed from office on April 17, 1936.\n\n"
        "Written off by critics, the play still ran for a month at the Calder theatre.\n\n"
        "Anyone with information about the theft is asked to call police at 432-333-8477.\n\n"
        "If you have ever seen a theft at a funeral home, we'd like to hear from you.\n\n"
        "Share your story with the Calder Post at the harbour office on Friday.\n\n"
        "Drivers are being asked to avoid the area around the funeral home on Monday."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.sentence.text for c in candidates([doc])]
    # A credits line, half a chronology item and a call for tips are the page's; the
    # list's mark is no word of the sentence.
    assert found == [
        "A ring was stolen from a body at a Calder funeral home on Monday, police said.",
        "The number of rings stolen in Calder rose to 14 this year, police said.",
        "Written off by critics, the play still ran for a month at the Calder theatre.",
    ]


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_one_before_the_new_one_follows_it() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Calder will raise pensions by a fifth from February, the mayor said on Tuesday. "
        "The city's last pension rise, a tenth, came in October. "
        "The previous record was set in 1998 by a ferry from Varna. "
        "The last ferry left the Calder quay at midnight on Sunday."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.follows is not None for c in candidates([doc])]
    # The rise before the new one, the record before the new one: background to the
    # sentence before. The last ferry is the final one, an event of its own.
    assert found == [False, True, True, False]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_about_such_a_thing_follows() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Britain asked the council on Monday to ban all ferries from the Calder strait. "
        "Germany's ambassador said his country had many questions about such a ban. "
        "Ports such as Varna and Oslo were closed by the strike of the ferry crews. "
        "The strike was organised in such a way that no ferry could leave the harbour."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = {c.sentence.text.split()[0]: c.follows is not None for c in candidates([doc])}
    # Such a ban as the sentence before tells of; "such as" and "such ... that" say it.
    assert found == {"Britain": False, "Germany's": True, "Ports": False, "The": False}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_that_compares_with_what_came_before_or_opens_with_a_connective_follows() -> (
    None
):
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Britain grounded its fleet of Calder ferries on Monday after a fire on board. "
        "France said on Wednesday that it was contemplating a similar step for its ships. "
        "Besides the fire, the inspectors found cracks in two of the hulls, officials said. "
        "Norway took a step similar to Britain's on Thursday, officials in Oslo said. "
        "The ministry's spokesman, Tomas Vilar, confirmed that on Friday. "
        "Harbour master Ines Varga said she expected the ferries to run again by Friday. "
        "Ferry passengers who travel with those who need help will be offered buses, "
        "Varga said."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = {c.sentence.text.split()[0]: c.follows for c in candidates([doc])}
    assert found["France"] is not None  # "a similar step": like what?
    assert found["Besides"] is not None  # besides what came before
    assert found["Norway"] is None  # similar to what it says
    assert found["The"] is not None  # confirmed "that": what?
    assert found["Ferry"] is None  # "those who need help"
    assert found["Britain"] is None
    assert found["Harbour"] is None


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_dated_by_what_came_before_follows() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    openings = {
        "At the time, the inspectors had found no cracks in the hulls.": True,
        "Two weeks later, the operator withdrew the last of its ferries.": True,
        "The next day, harbour master Ines Varga closed the crossing.": True,
        "Soon after, the ministry ordered an inquiry into the fire.": True,
        "At a later point, the inspectors found a crack in one hull.": True,
        "At another point, the crew said the alarm had failed.": True,
        "At one point, the fire spread to the upper deck.": False,
        "The same goes for the two older ferries of the fleet.": True,
        "Later this year the operator will buy three new ferries.": False,
        "At the time of writing, the ferries were still tied up in Calder.": False,
        "Soon after the fire, the operator grounded its fleet of ferries.": False,
    }
    text = "Britain grounded its fleet of Calder ferries on Monday after a fire on board. "
    (doc,) = parse_articles([build_article(text + " ".join(openings), "d1")], load_nlp())
    found = {c.sentence.text: c.follows is not None for c in candidates([doc])}
    assert {t: found.get(t) for t in openings} == openings


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_chronology_box_line_is_no_summary_sentence() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "The last of the Calder ferries was retired on Monday after sixty years of service "
        "on the harbour crossing, the operator said.\n\n"
        "Milestones:\n\n"
        "-- May 4, 1964: The first Calder ferry enters service between the two harbour piers.\n\n"
        "-- 1988: The fleet is refitted with new engines and a covered upper deck for winter."
        "\n\n"
        "Jan. 5 -- The council decides the old ferry must leave the harbour by Jan. 14. "
        "Calder residents ask the harbour master to reconsider the decision."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    chosen = [c.sentence.text for c in candidates([doc])]
    assert chosen == [text.split("\n\n")[0]]
    # One dated line alone is a dated lead, no box: what follows its first sentence
    # stays.
    lead = (
        "Sept. 12, 2013 -- A new study of the Calder harbour finds the water cleaner than "
        "in any year since 1964. The researchers said the ferries' new engines had helped "
        "the most."
    )
    (doc,) = parse_articles([build_article(lead, "d2")], load_nlp())
    chosen = [c.sentence.text for c in candidates([doc])]
    assert chosen == ["The researchers said the ferries' new engines had helped the most."]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_person_named_by_a_bare_surname_needs_a_sentence_that_introduces_them() -> None:
    from storybrief.analysis.summarize import _introductions, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    first = (
        "Calder police arrested the dissident Tomas Vilar at his home on Monday night. "
        "Vilar spent twelve years in prison for founding a party in Calder. "
        "Ferry chief Anna Berg said the strike would go on for a week in Calder. "
        "The lawyer Clara Dunmore Webb will defend Vilar at his trial in Calder. "
    )
    second = (
        "The trial of the dissident Tomas Vilar opened in a Calder court on Tuesday. "
        "Mr. Vilar said nothing at the trial in the old courthouse of Calder. "
        "Judge Berg said the trial of the dissident would last a week or more. "
    )
    others = [
        "Ferry crews in the port of Calder went back to work on Tuesday morning.",
        "The first ferry of the week left the Calder harbour at dawn on Wednesday.",
        "Fares on the Calder crossing will rise by a tenth in the spring, the operator said.",
        "Vilar, 47, left the Calder courthouse a free man on Friday after the verdict.",
        "The ferry crews of Calder will vote on a new contract at the end of the month.",
        "Dunmore Webb said the trial of her client in Calder would be a long one.",
    ]
    texts = [first, second, *others]
    docs = parse_articles(
        [build_article(text, f"d{k}") for k, text in enumerate(texts)], load_nlp()
    )
    found = candidates(docs)
    at = {c.sentence.text.split()[0] + c.sentence.text.split()[1]: i for i, c in enumerate(found)}
    # Which Vilar? Tomas Vilar, the dissident, of a sentence read before, though the
    # last article never says who (an age is no role). "Judge Berg" says who Berg is.
    introducers = [at["Calderpolice"], at["Thetrial"]]
    # "Dunmore Webb" is only the last words of a full name: who she is, the sentence
    # before says.
    assert sorted(_introductions(docs, found)) == [
        (at["Vilarspent"], [at["Calderpolice"]]),
        (at["Thelawyer"], [at["Calderpolice"]]),
        (at["Mr.Vilar"], introducers),
        (at["Vilar,47,"], introducers),
        (at["DunmoreWebb"], [at["Thelawyer"]]),
    ]


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_thing_the_article_just_told_of_needs_a_sentence_that_tells_of_it() -> None:
    from storybrief.analysis.summarize import _introductions, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    first = (
        "Lucasfilm released a trailer for the new Calder film on Monday in four cities. "
        "The trailer was screened on Tuesday in a hundred cinemas across the country. "
        "The new trailer runs for two minutes and shows the harbour of Calder. "
        "The film opens in May in Calder and in twelve other cities, the studio said."
    )
    second = "Fans queued for hours in Calder on Wednesday to see the film's first trailer."
    docs = parse_articles([build_article(first, "d1"), build_article(second, "d2")], load_nlp())
    found = candidates(docs)
    # Which trailer, which film? Those of a sentence read before ("a trailer for the
    # new Calder film"); the second document is read after. "The new trailer" says
    # which.
    assert _introductions(docs, found) == [(1, [0]), (3, [0])]


@pytest.mark.model
@pytest.mark.issue(20)
def test_an_appositive_or_an_aside_that_only_describes_a_thing_told_of_does_not_say_which() -> None:
    from storybrief.analysis.summarize import _told_before
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    lead = "Hundreds of fans began lining up outside the Calder cinema on Monday. "
    texts = (
        lead + "The line _ a scene repeated in many other towns _ is expected to grow.",
        lead + "The line, a queue of three hundred people, is expected to grow.",
        lead + "The line, formed by students from the college, is expected to grow.",
        lead + "The line formed by students from the college is expected to grow.",
        lead + "These lines are expected to grow before the film opens on Friday.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    told = [_told_before(d, d.sentences[1]) for d in docs]
    # "A scene ...", "a queue of ..." or ", formed by ...," describes the line: which
    # one is still the one told of before. (The wire's dash "_" is no appositive.)
    # Without the commas, "formed by students" says which line. "These lines" are those
    # told of before too.
    assert told == [[("line", True)]] * 3 + [[], [("line", True)]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_subject_of_what_someone_said_is_a_thing_told_of_too() -> None:
    from storybrief.analysis.summarize import _told_before
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    lead = "Voters in the province of Calder will go to the polls in a snap election. "
    texts = (
        lead + "The leader of the Calder Liberals said the election would offer a clear choice.",
        lead + "The leader of the Calder Liberals wants a debate before the election is held.",
        lead + "The leader of the Calder Liberals said the vote would offer a clear choice.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    told = [_told_before(d, d.sentences[1]) for d in docs]
    # Which election? The one told of before, though the sentence's first subject is
    # the speaker: what is said has its own subject. A clause of time is not what is
    # said ("before the election is held"), and "the vote" was not told of.
    assert told == [[("election", True)], [], []]


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_event_a_sentence_is_timed_by_or_owed_to_was_told_of_before() -> None:
    from storybrief.analysis.summarize import _told_before
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    lead = "Ines Varga appeared on Tuesday at a bail hearing in Calder after a fall. "
    texts = (
        lead + "After the hearing, Varga was ordered held on two counts of fraud.",
        lead + "Varga missed nine board meetings because of the fall, her lawyer said.",
        lead + "Outside the hearing, a crowd of her former workers waited in the rain.",
        lead + "After the hearing on Tuesday, Varga was ordered held on two counts.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    told = [_told_before(d, d.sentences[1]) for d in docs]
    # After which hearing, because of which fall? Those told before: a reader of the
    # second sentence alone has not met them. "Outside" is a place, not an event the
    # sentence follows; "the hearing on Tuesday" says which.
    assert told == [[("hearing", False)], [("fall", False)], [], []]


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "Calder ferry strike: crossings cancelled The ferry crews of Calder walked out"
            " on Monday over pay, the union said.",
            "The ferry crews of Calder walked out on Monday over pay, the union said.",
        ),
        (
            "Monday, 12 March 2012; 10:10 AM Most ferry crews in Calder stayed home on Monday"
            " as the strike began.",
            "Most ferry crews in Calder stayed home on Monday as the strike began.",
        ),
        # The last seam: "There are reports ..." (which, opening with "There", needs
        # a sentence before it and has none: no candidate, rather than the head with it).
        (
            "Strike shuts port: many stranded The strike is the first in 20 years There are"
            " reports of long queues at the terminal in Calder.",
            "",
        ),
        # A page's stamp line that repeats the lead's dateline: the dateline goes too.
        (
            "CALDER, March 9 | Wed Mar 9, 2011 3:17 pm EST CALDER, March 9 (Reuters) - The"
            " ferry crews of Calder walked out on Monday over pay, the union said.",
            "The ferry crews of Calder walked out on Monday over pay, the union said.",
        ),
        # No seam: an article before a title, a time that is no page's stamp.
        ("Ines Varga says the film The Harbour opens in Calder on Friday.", None),
        ("The strike began at 10:10 AM Monday, the union of the ferry crews said.", None),
    ],
)
def test_a_pages_head_run_into_its_lead_is_no_part_of_the_lead(text: str, lead: str | None) -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.sentence for c in candidates([doc])]
    # The lead, as an exact span of the page; or the sentence whole.
    assert [s.text for s in found] == ([lead] if lead else [] if lead == "" else [text])
    assert all(doc.article.text[s.start : s.end] == s.text for s in found)


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ("Read the second part of the ferry board's report on the strike.", True),
        ("Read part of Varga's conversation with the crews below.", True),
        ("Follow the latest updates on the ferry strike in Calder.", True),
        ("Watch the video of the last crossing from Calder.", True),
        (
            "Varga spoke to the Calder Post about the strike.\n\n"
            "Read part of Varga's conversation with the Post below.",
            True,
        ),
        ("Readers of the Calder Post voted against the strike on Monday.", False),
        ("Seeing the crews on the quay, the mayor of Calder called for talks.", False),
        ("The crews read the board's letter on Monday and voted to strike.", False),
    ],
)
def test_a_pages_pointer_to_read_or_watch_something_else_is_no_sentence(
    text: str, pointer: bool
) -> None:
    from storybrief.analysis.summarize import _standing
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert (_standing(doc, doc.sentences[-1]) is None) is pointer


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_photos_caption_and_credit_are_no_sentences_of_the_story() -> None:
    import dataclasses

    from storybrief.analysis.summarize import _past_stamp, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "The ferry crews of Calder walked out on Monday over pay, the union said. \n"
        "Crews wait on the quay in Calder for the last crossing of the day. \n"
        "Photograph: Ines Varga/AP The harbour board said it would meet the union on Friday. \n"
        "Talks broke down in March after three weeks, the board said."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.sentence.text for c in candidates([doc])]
    # The caption goes (its credit follows it); the story's sentence after the credit
    # stays, without the credit.
    assert found == [
        "The ferry crews of Calder walked out on Monday over pay, the union said.",
        "The harbour board said it would meet the union on Friday.",
        "Talks broke down in March after three weeks, the board said.",
    ]
    # A credit the splitter left on the sentence after it.
    at = text.index("Photograph:")
    end = text.index("Friday.") + len("Friday.")
    whole = dataclasses.replace(doc.sentences[0], start=at, end=end, text=text[at:end])
    cut = _past_stamp(doc, whole)
    assert cut is not None
    assert cut.text == "The harbour board said it would meet the union on Friday."


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_live_pages_stamps_are_no_part_of_its_entries() -> None:
    import dataclasses

    from storybrief.analysis.summarize import _past_stamp, _standing, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    entries = (
        "(Update 6:20 a.m. Friday in Calder, 11:20 p.m. Thursday ET) The harbour board said"
        " late Thursday that it would meet the union on Friday. \n"
        "(Update 7:14 p.m. in Calder, 12:14 p.m. ET) The mayor of Calder is expected to step"
        " down on Thursday night, a senior official told reporters. \n"
    )
    text = "Protesters filled the main square of Calder on Thursday. \n" + entries
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    # However the splitter cuts them, each entry is a candidate without its stamp.
    found = [c.sentence.text for c in candidates([doc])]
    assert "The harbour board said late Thursday that it would meet the union on Friday." in found
    assert not any(t.startswith(("(", "ET)")) for t in found)
    # A stamp the splitter left on the entry, whole or cut at its "p.m.".
    first = doc.sentences[0]
    for piece, entry in (
        ("(Update 7:14 p.m. in Calder, 12:14 p.m. ET) ", "The mayor of Calder is expected"),
        ("Thursday ET) ", "The harbour board said late"),
    ):
        at = text.index(piece)
        end = text.index(".", text.index(entry)) + 1
        whole = dataclasses.replace(first, start=at, end=end, text=text[at:end])
        cut = _past_stamp(doc, whole)
        assert cut is not None
        assert cut.text.startswith(entry)
        assert text[cut.start : cut.end] == cut.text
    # No stamp: brackets of the story's own.
    plain = dataclasses.replace(first, text="(About 300 of them) stayed home on Friday.")
    assert _past_stamp(doc, plain) is None
    # A stamp the splitter cut before its closing bracket is no sentence.
    opened = dataclasses.replace(first, text="(Update 6:20 a.m. Friday in Calder, 11:20 p.m.")
    assert _standing(doc, opened) is None


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_quote_mark_the_splitter_left_alone_is_no_sentence_the_reader_read() -> None:
    from storybrief.analysis.summarize import _told_before
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Ines Varga appeared on Tuesday at a bail hearing in Calder.\n\n"
        '"I don\'t feel anything, "she said, according to the statement.\n\n'
        '"It was a long day."\n\n'
        "After the hearing, Varga was ordered held on two counts of fraud."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    # The splitter leaves the closing mark of '"It was a long day."' on its own; the
    # hearing is still three sentences back, as a reader counts them.
    assert doc.sentences[-2].text == '"'
    assert _told_before(doc, doc.sentences[-1]) == [("hearing", False)]


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "follows"),
    [
        ("In the next minute or two, the entire roof of the depot was in flames.", True),
        ("Over the following days, crews of the Calder ferry refused to sail.", True),
        ("Over the next few days, the harbour board will decide on the fares.", False),
        ("In the next budget, the harbour board plans to cut the ferry fares.", False),
    ],
)
def test_an_opening_span_of_time_after_an_untold_moment_needs_the_sentence_before(
    text: str, follows: bool
) -> None:
    from storybrief.analysis.summarize import _standing
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert (_standing(doc, doc.sentences[0]) == "follows") is follows


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "chatter"),
    [
        ("Okay, so it's a bit of a stretch, but the ferry to Norland will run again.", True),
        ("Wow, the ratings are in and the harbour show was swamped by the news.", True),
        ('"Wow, the ratings are in and we were swamped," the producer said on Monday.', False),
        # An editorial's steps grant a point: "Yes, ..." stands as a statement.
        ("Yes, the port of Calder cracked down on strikes in 1988, killing a union man.", False),
        ("Well-wishers lined the quay in Calder as the last ferry left the harbour.", False),
    ],
)
def test_a_sentence_opening_with_an_interjection_answers_what_came_before(
    text: str, chatter: bool
) -> None:
    from storybrief.analysis.summarize import _standing
    from storybrief.nlp import load_nlp, parse_articles
    from storybrief.text import outside_quotes, typographic_quotes
    from tests.conftest import build_article

    lead = "The Calder ferry made its last crossing of the year on Monday.\n\n"
    (doc,) = parse_articles([build_article(lead + text, "d1")], load_nlp())
    outside = outside_quotes(typographic_quotes(doc.article.text))
    assert (_standing(doc, doc.sentences[1], [], outside) == "follows") is chatter
    # A page that opens so (a post) answers nothing before it.
    (post,) = parse_articles([build_article(text, "d2")], load_nlp())
    outside = outside_quotes(typographic_quotes(post.article.text))
    assert _standing(post, post.sentences[0], [], outside) != "follows"


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_source_a_sentence_names_as_the_one_who_said_it_was_told_of_before() -> None:
    from storybrief.analysis.summarize import _told_before
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    lead = (
        "A study released Sunday by the Calder health ministry found that clinics in the "
        "north close early. Nurses in the region work longer hours than anywhere else. "
        "Many of them travel two hours to reach a clinic. Some clinics have no doctor. "
    )
    texts = (
        lead + "Half of the clinics have no running water, the report said.",
        lead + "Half of the clinics have no running water, a spokesman for the ministry said.",
        lead + "Half of the clinics have no running water, the Calder ministry said.",
        lead + "Half of the clinics have no running water, which the report blamed on budgets.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    told = [_told_before(d, d.sentences[4]) for d in docs]
    # Which report? The study the article opened with, four sentences back and under
    # another word: the one who says a thing, said with "the", was named before,
    # however far back. "A spokesman" is introduced where he speaks; "the Calder
    # ministry" says which; a report that is no speaker is left to what came just
    # before.
    assert told == [[("report", True)], [], [], []]


@pytest.mark.model
@pytest.mark.issue(20)
def test_two_sentences_alike_only_in_a_long_name_are_no_support() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Results were confirmed by the Calder Institute for Marine Research in Lennox.",
        "The Calder Institute for Marine Research in Lennox has sent six divers to the wreck.",
        "The Calder Institute for Marine Research in Lennox confirmed the results on Monday.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    results, divers, confirmed = (_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs)
    # However alike their long name makes them, nothing else in common, another act.
    assert not _same_content(results, divers, 0.6)
    # The same act of the same institute is support.
    assert _same_content(results, confirmed, 0.6)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_plan_is_no_second_source_for_the_act_done() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Pilots Ines Varga and Tomas Brandt departed from Calder aboard the Skylark II.",
        "Pilots Ines Varga and Tomas Brandt were planning to depart around 8:30 a.m. "
        "from Calder aboard the Skylark II.",
        "Pilots Ines Varga and Tomas Brandt departed from Calder at 9:55 a.m. aboard "
        "the Skylark II.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    done, planned, also_done = (_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs)
    # Meant to depart is not departed, however alike the rest.
    assert not _same_content(done, planned, 0.8)
    assert _same_content(done, also_done, 0.8)
    # A plan may be told again as a plan.
    assert _same_content(planned, planned, 0.8)


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_came_before_told_in_passing_is_no_support_for_the_act() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Harbour master Tomas Brandt lost his job as Calder port chief after being "
        "arrested Friday by undercover officers in Lennox.",
        "Calder port chief Tomas Brandt was arrested by undercover officers in Lennox "
        "Friday, officials said.",
        "Calder dismissed harbour master Tomas Brandt as port chief on Saturday.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    lost, arrested, dismissed = (_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs)
    # The arrest is what came before the passage's fact, told in passing.
    assert "arrest" in lost.asides
    assert not _same_content(lost, arrested, 0.6)
    # The arrest is the other's fact, not told in passing there.
    assert "arrest" not in arrested.asides
    assert not dismissed.asides


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_subject_parsed_in_apposition_to_a_dateline_left_out_is_the_subject() -> None:
    from storybrief.analysis.summarize import _gist, _same_content, without_dateline
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "ULAN BATOR, April 30 (Xinhua) -- France and Britain have both pledged to continue "
        "their support for Norland's economic reforms, President Tomas Brandt said here Monday.",
        "In a joint statement released after meeting Prime Minister Ines Varga, Albright "
        "pledged U.S. support for Norland's ongoing economic reforms.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    told = without_dateline(docs[0], docs[0].sentences[0])
    assert told.text.startswith("France and Britain")
    pledged = _gist(docs[0], told.start, told.end)
    albright = _gist(docs[1], docs[1].sentences[0].start, docs[1].sentences[0].end)
    # Who pledged is France (and Britain), not the dateline's city, nor no one.
    assert any("france" in key for key in pledged.subjects)
    assert not any("bator" in key for key in pledged.subjects)
    # Another doer pledging: no second source.
    assert not _same_content(pledged, albright, 0.5)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_passage_of_two_sentences_is_supported_where_its_first_is() -> None:
    from storybrief.analysis.summarize import _passages, _supports, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Ferry pilot Martin Rusk was killed in the Calder harbour bombing on Monday. "
        "His wife and daughter were also injured in the blast.",
        "The wife and daughter of ferry pilot Martin Rusk were seriously injured in the "
        "harbour blast. Police closed the harbour road.",
        "Ferry pilot Martin Rusk was killed in the bombing at Calder harbour on Monday. "
        "Crews cleared the pier.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    found = candidates(docs)
    first, second = (k for k, c in enumerate(found) if c.doc_index == 0)
    assert found[second].follows == first  # "His wife ...": only after the sentence before
    (passage,) = _passages(docs, found, [first, second])
    supports, sentences, _ = _supports(docs, [passage])
    told = [sentences[j].text for j, _ in supports[0]]
    # The death is told again elsewhere; the injuries alone are no second report of it.
    assert any("was killed in the bombing at Calder" in t for t in told)
    assert not any("seriously injured" in t for t in told)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_of_some_other_doer_never_named_by_the_passage_is_no_support() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Calder has seen a dramatic drop in its homicides.",
        "But not all counties have seen such a dramatic drop in homicides.",
        "It has seen a dramatic drop in its homicides since 1990.",
        "The city of Calder has seen a dramatic drop in homicides.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    calder, counties, it, city = (_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs)
    # The passage names who saw the drop; "counties" are others, and never Calder.
    assert not _same_content(calder, counties, 0.6)
    # A pronoun may stand for Calder; a noun with Calder's name is Calder.
    assert _same_content(calder, it, 0.6)
    assert _same_content(calder, city, 0.6)


@pytest.mark.model
@pytest.mark.issue(20)
def test_an_agency_budget_gives_no_summary_sentence() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    budget = (
        "These stories are moving today to clients of the Calder News Service.\n\n"
        "FERRY-STRIKE _ CALDER _ As both sides in the ferry strike await a court ruling, "
        "the mayor of Calder flies to the capital to meet the transport minister. "
        "(Varga, Calder News Service). 30.\n\n"
        "BRIDGE-REPAIRS (Undated) _ The county plans to close the old bridge for repairs "
        "until the water falls. (Vilar, Calder News Service). 20.\n"
    )
    story = (
        "FERRY-STRIKE _ The ferry strike entered its third week on Monday as the union "
        "rejected the latest offer from the port.\n\n"
        "The mayor of Calder said the strike had cost the town's shops dearly."
    )
    docs = parse_articles([build_article(budget, "d1"), build_article(story, "d2")], load_nlp())
    found = candidates(docs)
    # Blurbs of coming stories, none a report; one slug opening a story is a story.
    assert {c.doc_index for c in found} == {1}


@pytest.mark.model
@pytest.mark.issue(20)
def test_an_object_the_article_just_told_of_needs_a_sentence_that_tells_of_it() -> None:
    from storybrief.analysis.summarize import _introductions, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    first = (
        "A harbour official claimed on Monday that divers had found a mine near the wreck. "
        "Officials offered no evidence for the claim, which they said explained the sinking. "
        "Officials rejected the claim that the ferry was overloaded on its last voyage. "
        "Divers will return to the wreck on Friday with cameras and lights, officials said."
    )
    others = [
        f"The wreck of the ferry lies near Calder, {place} reported on Tuesday afternoon."
        for place in ("the Courier", "the Herald", "the Gazette", "the Post", "the Times")
    ]
    docs = parse_articles(
        [build_article(first, "d1")] + [build_article(t, f"d{i}") for i, t in enumerate(others, 2)],
        load_nlp(),
    )
    found = candidates(docs)
    # Which claim? The one the sentence before told of ("claimed on Monday ..."), told
    # with its content set off by a comma; "the claim that ..." says which. "The wreck",
    # in every document, is the story's own: no reader of the brief asks which.
    assert _introductions(docs, found) == [(1, [0])]


@pytest.mark.issue(20)
def test_select_keeps_the_fixed_sentences_and_fills_the_rest() -> None:
    from storybrief.analysis.summarize import select

    # Each sentence's concepts, and each concept's weight.
    carried = ["port strike", "port strike|ferry halt", "ferry halt", "pay rise"]
    concepts = [frozenset(tuple(c.split()) for c in row.split("|")) for row in carried]
    weights = {("port", "strike"): 3.0, ("pay", "rise"): 4.0, ("ferry", "halt"): 1.0}
    assert select([10, 10, 10, 10], concepts, weights, 20) == [1, 3]
    # Kept whatever else is: the words left go to what weighs most beside it.
    assert select([10, 10, 10, 10], concepts, weights, 20, fixed=[0]) == [0, 3]
    assert select([10, 10, 10, 10], concepts, weights, 20, fixed=[2]) == [2, 3]


@pytest.mark.model
@pytest.mark.issue(20)
def test_select_takes_a_bare_surname_only_with_a_sentence_that_introduces_it() -> None:
    from storybrief.analysis.summarize import select

    concepts = [
        frozenset({("vilar", "arrest")}),
        frozenset({("vilar", "prison"), ("twelve", "year")}),
        frozenset({("ferry", "strike")}),
    ]
    weights = {("vilar", "arrest"): 1.0, ("vilar", "prison"): 3.0, ("twelve", "year"): 3.0}
    weights[("ferry", "strike")] = 2.0
    assert select([10, 10, 10], concepts, weights, 20) == [1, 2]
    assert select([10, 10, 10], concepts, weights, 20, introductions=[(1, [0])]) == [0, 1]
    assert select([10, 10, 10], concepts, weights, 20, introductions=[(1, [])]) == [0, 2]

    # Named in half of the documents or more, the person is the story's own.
    from storybrief.analysis.summarize import _introductions, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = [
        "Calder police arrested the dissident Tomas Vilar at his home on Monday night. "
        "Vilar spent twelve years in prison for founding a party in Calder.",
        "The trial of Vilar opened in a Calder court on Tuesday morning.",
    ]
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(texts)], load_nlp())
    assert _introductions(docs, candidates(docs)) == []
    # But in a story of one document, a name is in all of them: "Vilar spent ..." needs
    # the sentence that said who he is (judge18's mn91, a one-page story).
    docs = parse_articles([build_article(texts[0], "d0")], load_nlp())
    assert _introductions(docs, candidates(docs)) == [(1, [0])]


@pytest.mark.model
@pytest.mark.issue(20)
def test_summarize_gives_a_bare_name_rather_than_nothing() -> None:
    from storybrief.analysis.summarize import summarize
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    # The one sentence that says who Vilar is opens with "And": no candidate. The other
    # names him bare in a story of one page; it stands, or there is no summary.
    text = (
        "And on Monday, harbour pilot Tomas Vilar was arrested at his home in Calder. "
        "Officials said Vilar was held at the harbour police station in Calder overnight."
    )
    docs = parse_articles([build_article(text, "d1")], load_nlp())
    assert [p.text for p in summarize(docs, 100)] == [text.split(". ")[1]]


@pytest.mark.issue(20)
def test_select_takes_at_most_one_of_two_sentences_that_say_the_same() -> None:
    from scipy.sparse import csr_matrix

    from storybrief.analysis.summarize import select

    # Two wordings of one statement carry the most weight; the budget fits both, and
    # each adds a little of its own.
    concepts = [
        frozenset({("port", "reopen"), ("harbour", "open")}),
        frozenset({("port", "reopen"), ("ferry", "resume")}),
        frozenset(),
    ]
    weights = {("port", "reopen"): 5.0, ("harbour", "open"): 1.0, ("ferry", "resume"): 1.0}
    vectors = csr_matrix([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    assert select([10, 10, 10], concepts, weights, 30) == [0, 1]
    assert select([10, 10, 10], concepts, weights, 30, vectors=vectors) in ([0], [1])


@pytest.mark.issue(20)
def test_support_shares_more_than_the_storys_own_words() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    topic = frozenset(("submarine", "navy", "sink"))
    ours = _Gist(frozenset(("submarine", "navy", "sink", "exercise")), (), frozenset({"e1"}), topic)
    # Every word in common is one most of the story's documents use: no support.
    story_only = _Gist(frozenset(("submarine", "navy", "sink", "rescue")), (), frozenset({"e1"}))
    assert not _same_content(ours, story_only, 0.35)
    # One word of its own in common besides them is.
    told = _Gist(frozenset(("submarine", "navy", "exercise")), (), frozenset({"e1"}))
    assert _same_content(ours, told, 0.35)
    # Alike enough as a whole, it is support whatever the words.
    assert _same_content(ours, story_only, 0.6)


@pytest.mark.issue(20)
def test_support_shares_more_than_a_day() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    times = frozenset(("tuesday",))
    ours = _Gist(frozenset(("tuesday", "travel", "abroad")), (), frozenset({"e1"}), times=times)
    # A day in common and nothing else: two events of that day.
    assert not _same_content(
        ours, _Gist(frozenset(("tuesday", "pension")), (), frozenset({"e1"})), 0.4
    )
    assert _same_content(ours, _Gist(frozenset(("tuesday", "travel")), (), frozenset({"e1"})), 0.4)


@pytest.mark.issue(20)
def test_support_is_no_line_without_a_verb_nor_another_persons_sentence() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    words = frozenset(("healthy", "active", "old", "year"))
    ours = _Gist(words, (), frozenset({"e1"}), people=frozenset({"laura carson"}))
    # The same words said of another child, named in full: another fact.
    other = _Gist(words, (), frozenset({"e1"}), people=frozenset({"carter roberts"}))
    assert not _same_content(ours, other, 0.4)
    assert _same_content(ours, dataclasses.replace(other, people=frozenset()), 0.4)
    # A name of one word may be anyone's part ("Xu" / "Xu Wenli", "Elon" / "Musk").
    assert _same_content(ours, dataclasses.replace(other, people=frozenset({"roberts"})), 0.4)
    # A heading or a place's name, alike as it may be, states nothing.
    assert not _same_content(ours, dataclasses.replace(other, people=frozenset(), verb=False), 0.6)


def test_a_mixed_case_dateline_after_a_caption_run_into_the_lead_is_left_out() -> None:
    text = "Unions warn of a long strike Calder (CNN) -- The council voted to end the strike ."
    end = text.index("Calder")
    doc = build_parsed(
        text,
        ["Unions warn of a long strike", "Calder ( CNN ) -- The council voted to end the strike ."],
        captions=((0, end),),
    )
    lead = doc.sentences[1]
    assert without_dateline(doc, lead).text == "The council voted to end the strike ."
    # The same words inside a line, not after a caption, are no dateline.
    plain = build_parsed(
        text,
        ["Unions warn of a long strike", "Calder ( CNN ) -- The council voted to end the strike ."],
    )
    assert without_dateline(plain, plain.sentences[1]) == plain.sentences[1]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_lead_whose_dateline_the_splitter_cut_is_a_candidate_from_its_first_word() -> None:
    text = (
        "Colors show which branches of the tree used closed beaks (red) or open beaks (blue)."
        " Jane Roe\n\nAUSTIN, Texas — Dinosaurs are often shown in films as roaring, but some"
        " of them probably cooed with closed mouths, according to a study in the journal"
        " Evolution.\n\nThe research looks at how birds make sounds with closed beaks."
    )
    brief = storybrief.brief([{"text": text}])
    (doc,) = brief.documents
    assert doc.article.dateline is not None
    # The parser cuts "AUSTIN" | "," | "Texas — Dinosaurs ...": the story's lead is
    # still a candidate, the first, without the dateline's pieces.
    first = candidates(brief.documents)[0]
    assert first.position == 0
    assert first.sentence.text.startswith("Dinosaurs are often shown in films")
    assert text[first.sentence.start : first.sentence.end] == first.sentence.text


@pytest.mark.issue(20)
def test_a_wire_list_dash_and_a_bare_credit_are_left_out() -> None:
    text = (
        "Among them:\n\n--Built-in ferry seats should be available on more routes .\n\n"
        "(CNN) Harbour pilots in Calder went on strike on Monday .\n\n"
        "-5 degrees was the low on Monday .\n\n"
        "WASHINGTON Ferry pilots went on strike on Monday .\n\n"
        "NASA Scientists watched the strike ."
    )
    doc = build_parsed(
        text,
        [
            "Among them:",
            "--Built-in ferry seats should be available on more routes .",
            "(CNN) Harbour pilots in Calder went on strike on Monday .",
            "-5 degrees was the low on Monday .",
            "WASHINGTON Ferry pilots went on strike on Monday .",
            "NASA Scientists watched the strike .",
        ],
    )
    item, credited, negative, bare, agency = doc.sentences[1:]
    out = without_dateline(doc, item)
    assert out.text == "Built-in ferry seats should be available on more routes ."
    assert text[out.start : out.end] == out.text
    assert (
        without_dateline(doc, credited).text
        == "Harbour pilots in Calder went on strike on Monday ."
    )
    # A minus sign is no list's mark.
    assert without_dateline(doc, negative) == negative
    # A dateline that lost its dash is a place the gazetteer knows, not any capitals.
    assert without_dateline(doc, bare).text == "Ferry pilots went on strike on Monday ."
    assert without_dateline(doc, agency) == agency


@pytest.mark.issue(20)
def test_support_counts_compare_whatever_noun_the_parser_gave_them() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    words = frozenset(("crash", "kill", "ground", "aboard"))
    # "killed all 109 aboard, mainly tourists, and four on the ground": the parser
    # tied "four" to "tourists".
    ours = _Gist(words, (("count person", 109.0, "109"), ("count tourist", 4.0, "four")))
    five = _Gist(words, (("count person", 109.0, "109"), ("count", 5.0, "five")))
    four = _Gist(words, (("count person", 109.0, "109"), ("count person", 4.0, "Four")))
    assert not _same_content(ours, five, 0.6)
    assert _same_content(ours, four, 0.6)


@pytest.mark.issue(20)
def test_support_names_the_place_or_one_that_holds_it() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    words = frozenset(("force", "strike", "city", "poise"))
    ours = _Gist(words, (), frozenset({"e1"}), places=frozenset({("e2", "Benghazi")}))
    # The same words about a place it does not name: no support.
    nowhere = _Gist(words, (), frozenset({"e1"}), folded="forces struck the road to the town")
    elsewhere = _Gist(words, (), frozenset({"e1"}), places=frozenset({("e3", "Ras Lanuf")}))
    assert not _same_content(ours, nowhere, 0.4)
    assert not _same_content(ours, elsewhere, 0.4)
    # Its country is the place, or the name is written untagged.
    libya = _Gist(words, (), frozenset({"e1"}), places=frozenset({("e4", "Libya")}))
    written = _Gist(words, (), frozenset({"e1"}), folded="forces near benghazi's port")
    assert _same_content(ours, libya, 0.4)
    assert _same_content(ours, written, 0.4)
    # Alike enough as a whole, it is support.
    assert _same_content(ours, nowhere, 0.6)


@pytest.mark.issue(20)
def test_support_states_what_the_sentence_asserts() -> None:
    from storybrief.analysis.summarize import _Gist, _same_content

    words = frozenset(("announcement", "visit", "politician", "british"))
    ours = _Gist(words, (), frozenset({"e1"}), predicates=frozenset({"receive"}))
    revealed = _Gist(
        words,
        (),
        frozenset({"e1"}),
        predicates=frozenset({"reveal"}),
        lemmas=frozenset(("announcement", "reveal", "politician")),
    )
    received = dataclasses.replace(revealed, lemmas=revealed.lemmas | {"receive"})
    assert not _same_content(ours, revealed, 0.4)
    assert _same_content(ours, received, 0.4)


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_a_sentence_asserts_is_what_its_speech_verb_reports() -> None:
    from storybrief.analysis.summarize import _gist
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Navy spokesman Ivo Marek said the submarine was not carrying nuclear weapons. "
        "The harbour master is under arrest in Calder. "
        "The mayor said the ferry fare would stay unchanged until March."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    first, second, third = doc.sentences
    assert _gist(doc, first.start, first.end).predicates == {"carry"}
    assert "arrest" in _gist(doc, second.start, second.end).predicates
    # "stay" links the fare to what is said of it.
    assert _gist(doc, third.start, third.end).predicates == {"unchanged"}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_asserting_only_the_passages_aside_is_no_support() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    docs = parse_articles(
        [
            build_article(
                "Harbour master Maria Gonzalez was dismissed on Monday at the request of "
                "mayor Tom Reed, who is seeking to close the port over safety concerns.",
                "d1",
            ),
            build_article(
                "Mayor Tom Reed is seeking to close the port over safety concerns.", "d2"
            ),
            build_article(
                "Harbour master Maria Gonzalez was dismissed on Monday, the mayor said.", "d3"
            ),
            build_article(
                "Port officials released a statement on Monday saying mayor Tom Reed was "
                "seeking to close the port over safety concerns.",
                "d4",
            ),
        ],
        load_nlp(),
    )
    passage, aside, dismissed, statement = (
        _gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs
    )
    assert "seek" in passage.asides
    # Alike in words, but it asserts only what the passage tells in passing.
    assert not _same_content(passage, aside, 0.6)
    assert _same_content(passage, dismissed, 0.6)
    # What a statement says is asserted, not an aside: it supports that sentence.
    assert not statement.asides & {"seek", "close"}
    assert _same_content(statement, aside, 0.6)
    # A support that asserts the aside and the passage's fact in its own words is
    # support; and a bare participle ("wounding 30") is the fact, not an aside.
    for passage_text, support_text in (
        (
            "Rescuers pulled 12 survivors from the rubble in Kalva after the earthquake "
            "struck on Tuesday.",
            "The earthquake struck Kalva on Tuesday, and rescuers recovered 12 survivors "
            "from the rubble.",
        ),
        (
            "Troops opened fire on protesters in Kesh on Friday, wounding 30 people.",
            "Thirty people were wounded in Kesh on Friday when soldiers shot at protesters.",
        ),
    ):
        ours, theirs = parse_articles(
            [build_article(passage_text, "d5"), build_article(support_text, "d6")], load_nlp()
        )
        assert _same_content(
            _gist(ours, 0, len(passage_text)), _gist(theirs, 0, len(support_text)), 0.6
        )


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_telling_the_passage_only_of_a_thing_in_passing_is_no_support() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Harbour master Maria Gonzalez has been held at a clinic in Calder since her arrest.",
        "Supporters of Maria Gonzalez have traveled to the Calder clinic where she is being held.",
        "Maria Gonzalez, who has been held at a clinic in Calder since her arrest, spoke "
        "to her lawyers.",
        "Maria Gonzalez has been held at a Calder clinic since her arrest, her lawyers said.",
        "The agreement will make Tomas Vilar mayor of Calder and Ines Varga his deputy.",
        "The parties agreed last week to a deal that will make Tomas Vilar mayor of Calder "
        "and Ines Varga his deputy.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    passage, visitors, restated, said, agreement, deal = (
        _gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs
    )
    # It asserts the visitors' trip; the passage's fact only tells which clinic.
    assert not _same_content(passage, visitors, 0.35)
    assert "hold" in visitors.asides
    assert "clinic" in visitors.aside_heads
    # All of the passage told in passing, or said outright, is still reported.
    assert _same_content(passage, restated, 0.45)
    assert _same_content(passage, said, 0.35)
    # A clause telling what the deal does is what the deal is: the agreement's content.
    assert _same_content(agreement, deal, 0.45)


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "counts_off"),
    [
        ("One is reducing the national debt.", True),
        ("Others wanted to spend large sums on the west pier.", True),
        ("Both were taken to hospital on Monday.", True),
        ("The latter said he would resign.", True),
        ("Most are placed in institutions by families who are too poor.", True),
        ("All were rescued by noon on Monday.", True),
        ("Most of the crew survived the crash.", False),
        ("Many people fled the harbour on Monday.", False),
        ("Some say the plan for the west pier is flawed.", False),
        ("The harbour pilots were tired and all asked for a rest.", False),
        ("One of the pilots was hurt in the crash.", False),
        ("Both sides agreed to talks on Monday.", False),
        ("One who knew the mayor called the mayor kind.", False),
        ("One hundred years ago this year, a biologist visited the harbour.", False),
    ],
)
def test_a_subject_that_counts_off_things_named_before_leans_back(
    text: str, counts_off: bool
) -> None:
    from storybrief.analysis.summarize import _leans_back
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert _leans_back(doc, doc.sentences[0], []) is counts_off


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "whose"),
    [
        ("Turnout in the race for mayor fell to 38 percent, it said.", True),
        ("``The mayor's office,'' it said, was calling about an award.", True),
        ("Calder Ferries cut its fares by half on Monday, it said.", False),
        ("The harbour board said it would sell the oldest ferry.", False),
        ("It is likely that the vote on the pier will be delayed.", False),
    ],
)
def test_it_said_with_no_name_before_it_leans_back(text: str, whose: bool) -> None:
    from storybrief.analysis.summarize import _leans_back
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert _leans_back(doc, doc.sentences[0], []) is whose


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "stands_for"),
    [
        ("Women did so in the ports of the north.", True),
        ("By doing so, the board saved the ferry to Norland.", True),
        ("The mayor vowed to save the pier and did so in May.", False),
        ("The board did so much for the ferry crews of Calder.", False),
    ],
)
def test_do_so_standing_for_an_act_told_before_leans_back(text: str, stands_for: bool) -> None:
    from storybrief.analysis.summarize import _leans_back
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert _leans_back(doc, doc.sentences[0], []) is stands_for


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("The judge agreed, throwing out the port's claim that the union was unfit.", True),
        ("Officials of the harbour board disagreed on Monday.", True),
        ("The judge agreed to hear the port's appeal in May.", False),
        ("The judge agreed that the union had broken no law.", False),
        ("The board responded with a statement on its website on Monday.", False),
        ("The ferry crews agreed a new contract with the port on Monday.", False),
        # Where or how it was said is not what it answers.
        (
            "In a statement, the harbour master, Ines Varga, and the port's chair, Tom Reed,"
            " agreed.",
            True,
        ),
        ("The ferry crews of Calder disagreed in a letter to the board.", True),
        ("In Calder, the ferry crews agreed with the harbour board on Monday.", False),
        ("The harbour board objected to the new timetable for the ferries.", False),
    ],
)
def test_a_reply_with_nothing_it_answers_leans_back(text: str, answers: bool) -> None:
    from storybrief.analysis.summarize import _leans_back
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert _leans_back(doc, doc.sentences[0], []) is answers


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "points_back"),
    [
        ("The harbour master first proposed these three plans in 1962.", True),
        ("The court threw out all those objections on Monday.", True),
        ("These measures cost the port a million pounds a year.", True),
        ("Those pilots who flew the route were questioned by the police.", False),
        ("Fares on the ferry have risen sharply these days.", False),
        ("The port was busier in those years than it is now.", False),
        ("The port rejected the three plans of the union on Monday.", False),
        # A person named only by an age: who?
        ("According to witnesses, the 15-year-old fired at a crowd of pupils.", True),
        ("The 15-year-old boy was arrested at the quay on Monday.", False),
        ("The 15-year-old, Tom Vilar, was arrested at the quay on Monday.", False),
    ],
)
def test_these_or_those_before_a_noun_or_an_age_points_back(text: str, points_back: bool) -> None:
    from storybrief.analysis.summarize import _leans_back
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    assert _leans_back(doc, doc.sentences[0], []) is points_back


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_speakers_these_is_where_the_speaker_is() -> None:
    from storybrief.analysis.summarize import _leans_back
    from storybrief.nlp import load_nlp, parse_articles
    from storybrief.text import outside_quotes
    from tests.conftest import build_article

    text = '"When the mayor lands on these shores, we will be heard," Mira Solberg said.'
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    sentence = doc.sentences[0]
    unquoted = outside_quotes(doc.article.text)[sentence.start : sentence.end]
    assert not _leans_back(doc, sentence, [], unquoted)
    # The same words in the writer's own: which shores?
    (doc,) = parse_articles([build_article(text.replace('"', ""), "d1")], load_nlp())
    assert _leans_back(doc, doc.sentences[0], [], doc.sentences[0].text)


@pytest.mark.issue(20)
def test_the_summary_opens_with_the_weightiest_or_most_shared_lead() -> None:
    from storybrief.analysis.summarize import Candidate, _lead_first

    def passage(position: int) -> Candidate:
        return Candidate(doc_index=0, position=position, sentence=Any, words=10)

    weight = {0: 5.0, 1: 1.0, 2: 3.0, 3: 3.0}.__getitem__
    # In reading order a later paragraph comes first; of the two leads after it, the
    # one whose concepts weigh more opens the summary, the rest keep their order.
    assert _lead_first([passage(3), passage(0), passage(0)], [0, 1, 2], weight) == [2, 0, 1]
    # Leads that weigh alike: the first read.
    assert _lead_first([passage(3), passage(2), passage(0), passage(0)], [0, 1, 2, 3], weight) == [
        2,
        0,
        1,
        3,
    ]
    # A summary that opens with a lead, or has none, keeps its order.
    assert _lead_first([passage(0), passage(0), passage(0)], [0, 1, 2], weight) == [0, 1, 2]
    assert _lead_first([passage(3), passage(1)], [0, 1], weight) == [0, 1]
    # Undated leads: the one the other articles' leads share most opens it; a dated one
    # (None) keeps its place.
    leads = [passage(0), passage(0), passage(0)]
    shared = {0: 0.1, 1: 0.4, 2: 0.3}.__getitem__
    assert _lead_first(leads, [0, 1, 2], weight, shared) == [1, 0, 2]
    assert _lead_first(leads, [0, 1, 2], weight, {0: None, 1: 0.4, 2: 0.3}.__getitem__) == [
        0,
        1,
        2,
    ]
    # Two undated leads share each other's alike: the one most like the other
    # articles' whole text opens it, whatever its weight.
    two = {1: 0.08, 2: 0.08}.__getitem__
    assert _lead_first(leads, [1, 2], weight, two, {1: 0.3, 2: 0.1}.__getitem__) == [1, 2]
    assert _lead_first(leads, [1, 2], weight, two, {1: 0.1, 2: 0.3}.__getitem__) == [2, 1]
    # The rest of the undated lead's article follows it, as on its page.
    pages = [
        Candidate(doc_index=d, position=p, sentence=Any, words=10)
        for d, p in ((0, 0), (0, 4), (1, 0), (1, 2), (1, 5))
    ]
    page_shared = {0: 0.1, 2: 0.4}.get
    assert _lead_first(pages, [0, 1, 2, 3, 4], weight, page_shared) == [2, 3, 4, 0, 1]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_lead_the_other_leads_share_agrees_most() -> None:
    from storybrief.analysis.summarize import _lead_agreement, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "In 1995 the old harbour of Calder was rebuilt by the council with stone from Lennox.",
        "The ferry strike in Calder ended on Monday after a week of talks with the port.",
        "Calder's week-long ferry strike ended on Monday, the port authority said.",
    )
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(texts)], load_nlp())
    shared = _lead_agreement(docs, candidates(docs))
    assert shared[1] > shared[0]
    assert shared[2] > shared[0]


def _gists(*texts: str) -> list[Any]:
    """Each text parsed as a document of its own, and its whole text's ``_gist``."""
    from storybrief.analysis.summarize import _gist
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    docs = parse_articles([build_article(t, f"d{n}") for n, t in enumerate(texts)], load_nlp())
    return [_gist(d, 0, len(d.article.text)) for d in docs]


@pytest.mark.model
@pytest.mark.issue(20)
def test_support_states_the_same_length_of_time() -> None:
    from storybrief.analysis.summarize import _same_content

    passage, longer, same, months, aged = _gists(
        "The new pier will serve the Calder ferries for at least 15 years, the board said.",
        "The new pier will serve the Calder ferries for up to 20 years, the board said.",
        "The new pier will serve the Calder ferries for 15 years, the harbour board said.",
        "The new pier will serve the Calder ferries for 180 months, the board said.",
        "The new pier, the board said, will serve the Calder ferries for at least 15 years "
        "and replaces a 60-year-old jetty.",
    )
    assert [f[1] for f in passage.figures] == [180.0]
    assert not _same_content(passage, longer, 0.5)
    assert _same_content(passage, same, 0.5)
    assert _same_content(passage, months, 0.5)
    # An age is no length the passage states.
    assert [f[1] for f in aged.figures] == [180.0]


@pytest.mark.model
@pytest.mark.issue(20)
def test_support_states_the_count_sum_or_share_the_passage_asserts() -> None:
    from storybrief.analysis.summarize import _same_content

    gists = _gists
    passage, part, whole = gists(
        "The two dockworkers arrested in Varna were each charged with 14 counts of "
        "arson on Thursday.",
        "The two dockworkers arrested in Varna were charged with arson on Thursday.",
        "Prosecutors in Varna charged the two dockworkers with 14 counts of arson on Thursday.",
    )
    # It tells that they were charged, not with how many counts: a part of the passage.
    assert not _same_content(passage, part, 0.6)
    assert _same_content(passage, whole, 0.6)
    # A figure told in passing (a relative clause) or the same sum again in parentheses
    # need not be stated too; the sum itself must.
    aside, sum_, same_sum, no_sum = gists(
        "The strike closed the port of Varna, which handles 300 ships a year, on Thursday.",
        "The port authority of Varna was fined $5m (£4m) on Thursday over the spill.",
        "Varna's port authority was fined $5 million on Thursday over the oil spill.",
        "Varna's port authority was fined on Thursday over the oil spill.",
    )
    (closed,) = gists("A strike closed the port of Varna on Thursday.")
    assert _same_content(aside, closed, 0.6)
    assert _same_content(sum_, same_sum, 0.6)
    assert not _same_content(sum_, no_sum, 0.6)
    # A share as precisely as it is written: a whole one is another count's, a rounded
    # one may be the same.
    share, whole_share, rounded = gists(
        "The harbour party of Ines Varga was second with 29.6 percent of the vote.",
        "Ines Varga's harbour party finished second with 29 percent of the vote.",
        "Ines Varga's harbour party finished second with 30 percent of the vote.",
    )
    assert not _same_content(share, whole_share, 0.6)
    assert _same_content(share, rounded, 0.6)


@pytest.mark.model
@pytest.mark.issue(20)
def test_another_country_or_named_doer_doing_the_same_thing_is_no_support() -> None:
    from storybrief.analysis.summarize import _same_content

    cases = [
        # (passage, other sentence, whether it supports the passage)
        # Canada is not in the passage, Japan not in the other: another country's act.
        (
            "Mongolia and Japan established diplomatic relations in 1972.",
            "Canada and Mongolia established diplomatic relations in 1973.",
            False,
        ),
        (
            "Mongolia and Japan established diplomatic relations in 1972.",
            "Japan and Mongolia set up diplomatic relations in 1972, the ministry said.",
            True,
        ),
        # A capital for its country is no other country.
        (
            "Mongolia and Japan established diplomatic relations in 1972.",
            "Tokyo established diplomatic relations with Mongolia in 1972.",
            True,
        ),
        (
            "The United States imposed 25% tariffs on Calder's ferries worth $34 billion.",
            "Washington imposed 25 percent tariffs on $34 billion of Calder's ferries in July.",
            True,
        ),
        # Nor a person or a country the passage never names doing the same.
        (
            "France and Britain pledged their support for the economic reforms of Calder, "
            "its president said.",
            "Ines Varga pledged support for the economic reforms of Calder after meeting "
            "its president.",
            False,
        ),
        (
            "France and Britain pledged their support for the economic reforms of Calder.",
            "Britain and France pledged support for Calder's economic reforms on Monday.",
            True,
        ),
        # Named in the other sentence, a doer is the same one, however put.
        (
            "Ines Varga pledged support for the economic reforms of Calder after meeting "
            "its president.",
            "The mayor said Ines Varga had pledged support for the reforms of Calder.",
            True,
        ),
        # A one-word name may be another's first or last name.
        (
            "Last week, Ines opened talks with the board about selling the ferry company.",
            "The board said Ms Varga had opened talks about selling the ferry company last week.",
            True,
        ),
        # A passive's subject is who it befell, not the doer.
        (
            "Ines Varga and Tom Reyes were each charged with 11 counts of arson on Monday.",
            "Calder charged the two dockworkers with 11 counts of arson on Monday.",
            True,
        ),
    ]
    gists = _gists(*(text for passage, other, _ in cases for text in (passage, other)))
    for (passage, other, supports), a, b in zip(cases, gists[::2], gists[1::2], strict=True):
        assert _same_content(a, b, 0.6) is supports, (passage, other)


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_same_act_on_another_day_is_no_support() -> None:
    import datetime as dt

    from storybrief.analysis.summarize import _supports, candidates
    from storybrief.model import DateRef
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        # Published on Tuesday, March 12, 2024.
        (
            "Government troops on Tuesday continued air and artillery attacks on rebel "
            "positions near Valdor, destroying two bridges, the ministry said.",
            "2024-03-12",
        ),
        # The same attacks on Friday, March 8: another day's.
        (
            "Government troops continued air and artillery attacks on rebel positions near "
            "Valdor on Friday, the ministry said.",
            "2024-03-08",
        ),
        # Tuesday's attacks told later ("on Tuesday"), or with the day of the saying only.
        (
            "The army continued its air and artillery attacks on rebel positions around "
            "Valdor on Tuesday and destroyed two bridges, officials said.",
            "2024-03-13",
        ),
        (
            "Government troops continued air and artillery attacks on rebel positions near "
            "Valdor, destroying two bridges, the ministry said Wednesday.",
            "2024-03-13",
        ),
        (
            "Troops pressed on with air and artillery attacks on rebel positions near Valdor "
            "on Tuesday, destroying two bridges.",
            "2024-03-14",
        ),
    )
    days = [DateRef(dt.date.fromisoformat(p), "day") for _, p in texts]
    docs = parse_articles(
        [build_article(t, f"d{n}", published=days[n]) for n, (t, _) in enumerate(texts)],
        load_nlp(),
    )
    found = candidates(docs)
    (passage,) = [c for c in found if c.doc_index == 0]
    (supports,), sentences, _ = _supports(docs, [passage])
    backing = {sentences[j].doc_id for j, _ in supports}
    # March 8 is not March 12; March 12 told as "Tuesday" later is; the day of the
    # saying dates no act.
    assert backing == {"d2", "d3", "d4"}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_said_of_this_or_that_alone_or_a_question_is_no_support() -> None:
    from storybrief.analysis.summarize import _supports, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    claim = "To many minds, Ada Marsh of Calder is the best harbour master in the port's history."
    before = "Ada Marsh of Calder spoke in Norland on Monday. She left the port deflated in 1981."
    texts = (
        claim,
        # What "that" is, the sentence before told: not the claim.
        f"{before} That should be an instructive example for a young harbour master who is "
        "concerned about his place in the port's history.",
        f"{before} Ada Marsh of Calder is the best harbour master in the port's history, the "
        "mayor said.",
        # A question asserts nothing.
        f"{before} Is Ada Marsh of Calder the best harbour master in the port's history?",
    )
    docs = parse_articles([build_article(t, f"d{n}") for n, t in enumerate(texts)], load_nlp())
    (passage,) = [c for c in candidates(docs) if c.doc_index == 0]
    (supports,), sentences, _ = _supports(docs, [passage])
    assert {sentences[j].doc_id for j, _ in supports} == {"d2"}


@pytest.mark.model
@pytest.mark.issue(20)
def test_another_subject_doing_another_thing_is_no_support_however_alike() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "State auditors from the Treasury have challenged the contracts for the new "
        "harbour bridge that the council signed in Kalva.",
        "The council's ethics panel is expected to meet next week to review the contracts "
        "for the new harbour bridge that the council signed in Kalva.",
        "Treasury auditors have disputed the contracts for the new harbour bridge that "
        "the council signed in Kalva.",
        "State auditors from the Treasury questioned the contracts for the new harbour "
        "bridge that the council signed in Kalva.",
    )
    docs = parse_articles([build_article(t, f"d{n}") for n, t in enumerate(texts)], load_nlp())
    challenged, panel, disputed, questioned = (_gist(d, 0, len(d.article.text)) for d in docs)
    assert challenged.agents == {"auditor"}
    # The same long object, another subject and another verb: not the same report.
    assert not _same_content(challenged, panel, 0.6)
    # The same subject in other words of the same act, or another verb of the same
    # subject: still support.
    assert _same_content(challenged, disputed, 0.6)
    assert _same_content(challenged, questioned, 0.6)
    # A relative clause the parser hangs on the verb as a reported one is not what the
    # sentence asserts: "appealed the rulings that underpin" asserts "appeal".
    text = (
        "State auditors have appealed the judicial reviews into building code breaches in "
        "Kalva and Tarn that underpin the mayor's bridge contracts."
    )
    (doc,) = parse_articles([build_article(text, "d9")], load_nlp())
    assert "appeal" in _gist(doc, 0, len(text)).main


def test_the_gazetteer_knows_which_place_holds_which() -> None:
    from storybrief import gazetteer

    assert gazetteer.within("Nairobi", "Kenya")
    assert gazetteer.within("Houston", "Texas")
    assert gazetteer.meet("Texas", "the United States")
    assert gazetteer.meet("Egypt", "Alexandria")
    assert not gazetteer.meet("Cairo", "Alexandria")  # two cities of one country
    assert not gazetteer.within("Nairobi", "Tanzania")
    assert not gazetteer.within("Kenya", "Nairobi")
    # The countries a place is or lies in; "X City" as GeoNames names it, "X".
    assert gazetteer.areas_of("Egypt") == {"EG"}
    assert "EG" in gazetteer.areas_of("Cairo")
    assert gazetteer.areas_of("Gaza City") == {"PS"}
    assert gazetteer.areas_of("Tahrir Square") == frozenset()


@pytest.mark.issue(20)
def test_a_sentence_of_a_quotation_needs_the_speaker_outside_its_marks() -> None:
    story = (
        "Harbor master Sarah Mitchell inspected the Brackwater pier on Friday.\n\n"
        '"We continue to be clear that the pier stays shut until it is safe," '
        "Mitchell said.\n\n"
        '"We are sending a plain message: the ferry pier is closed to all traffic.\n\n'
        'Repairs to the Brackwater ferry pier will take until March."\n\n'
        '"The ferry operators had to ask themselves whether they could wait."\n\n'
        "said Tom Reyes, a spokesman for the ferry operators at the harbor.\n\n"
        '"The council said we are the last to hear about the ferry pier closure."\n\n'
        "Crews began repairs on the Brackwater ferry pier on Saturday morning."
    )
    brief = storybrief.brief([{"text": story}], words=60)
    found = {c.sentence.text: c for c in candidates(brief.documents)}
    # The closing sentence of a quotation opened a paragraph before: only with it,
    # and that one only with the sentence that names its speaker.
    closing = found['Repairs to the Brackwater ferry pier will take until March."']
    assert closing.follows is not None
    chain = candidates(brief.documents)[closing.follows]
    assert chain.sentence.text.startswith('"We are sending')
    assert chain.follows is not None
    # "The council said" is quoted: its speaker is in a paragraph that is no candidate.
    assert not any(text.startswith('"The council said') for text in found)
    assert "Crews began repairs on the Brackwater ferry pier on Saturday morning." in found


@pytest.mark.issue(20)
def test_the_outlet_telling_of_its_own_reporting_is_no_summary_sentence() -> None:
    text = (
        "The port strike entered its third day on Wednesday as talks stalled in Calder. "
        "The Calder Courier has interviewed numerous dockworkers by phone. "
        "The Calder Courier's Ann Lee discusses the significance of the port strike. "
        "Union leaders told the Calder Courier that the strike would go on until Friday. "
        "The Calder Courier's Ann Lee said cranes stood idle on the north quay all day."
    )
    brief = storybrief.brief([{"text": text, "outlet": "Calder Courier"}])
    found = [c.sentence.text for c in candidates(brief.documents)]
    assert not any(
        s.startswith(("The Calder Courier has", "The Calder Courier's Ann Lee discusses"))
        for s in found
    )
    # What its correspondent saw is news.
    assert any(s.startswith("The Calder Courier's Ann Lee said") for s in found)
    # Told the outlet: a source's news, reported.
    assert any(s.startswith("Union leaders told the Calder Courier") for s in found)
    # In another outlet's story, a report of what the Courier did is news.
    brief = storybrief.brief([{"text": text, "outlet": "Rhosmouth Daily"}])
    found = [c.sentence.text for c in candidates(brief.documents)]
    assert any(s.startswith("The Calder Courier has interviewed") for s in found)


@pytest.mark.issue(20)
def test_a_caption_opening_the_document_or_run_into_a_paragraph_is_no_summary_sentence() -> None:
    text = (
        "President Trump and Prime Minister Theresa May of Britain at the White House "
        "in 2017.\n\n"
        "Dockworkers marched through Calder on Monday to demand better pay, the union "
        "said.\n\n"
        "A protest in Calder last year against the proposed closure of the north pier. "
        "Union leaders said the strike would go on until Friday.\n\n"
        "Mayor Ana Delgado and union leader Tomas Vilar at the town hall in 2017. The "
        "mayor met the union twice last year, officials said."
    )
    brief = storybrief.brief([{"text": text}])
    found = [c.sentence.text for c in candidates(brief.documents)]
    # A paragraph opened by a line with no finite verb: a photo's caption.
    openers = ("President Trump and", "A protest in Calder", "Mayor Ana Delgado and")
    assert not any(s.startswith(openers) for s in found)
    assert any(s.startswith("Dockworkers marched") for s in found)
    assert any(s.startswith("Union leaders said the strike") for s in found)
    assert any(s.startswith("The mayor met the union") for s in found)


@pytest.mark.issue(20)
def test_a_byline_run_into_the_lead_is_no_summary_sentence() -> None:
    lead = (
        "January 27, 2011 | By Ann Lee, Special to the Courier This week thousands of "
        "dockworkers marched through Calder to demand better pay."
    )
    rest = (
        "By Christmas Eve, Ferry crews had repaired the north quay wall in Calder. "
        "Union leaders said the strike would go on until Friday."
    )
    brief = storybrief.brief([{"text": f"{lead}\n\n{rest}"}])
    found = [c.sentence.text for c in candidates(brief.documents)]
    assert not any("By Ann Lee" in s for s in found)
    assert any(s.startswith("By Christmas Eve") for s in found)


@pytest.mark.issue(20)
def test_a_transcript_talking_in_the_first_or_second_person_is_no_summary_sentence() -> None:
    turns = "\n\n".join(
        [
            "ANN LEE, HOST: Good evening from Calder. "
            "Let's cut straight to the strike at the port of Calder tonight.",
            "TOM REYES, CORRESPONDENT: Cranes stood idle. "
            "The dockworkers walked out of the Calder port on Monday morning.",
            "LEE: Tom, thanks. We're going to talk about the future of the port coming up next.",
            "REYES: Quite so. You have seen the pictures of the cranes standing idle all week.",
            "LEE: The union is seeking a pay rise of eight percent from the port.",
        ]
    )
    brief = storybrief.brief([{"text": turns}])
    found = [c.sentence.text for c in candidates(brief.documents)]
    assert not any(s.startswith(("Let's", "We're", "You have")) for s in found)
    assert any("dockworkers walked out" in s for s in found)
    # The same words in an article that is no transcript: a writer's column may say "we".
    article = "Calder port strike\n\n" + turns.replace(":", " said.")
    brief = storybrief.brief([{"text": article}])
    assert any("We're going to" in c.sentence.text for c in candidates(brief.documents))


@pytest.mark.issue(20)
def test_a_columnist_talking_in_the_first_or_second_person_is_no_summary_sentence() -> None:
    column = "\n\n".join(
        [
            "Calder port strike",
            "I have walked past the idle cranes of Calder every morning this week.",
            "The dockworkers walked out of the Calder port on Monday morning. "
            "Honestly, I am not sure the union knows what it wants.",
            "The union is seeking a pay rise of eight percent from the port authority. "
            "You have to wonder who will pay for all of this in the end.",
            "Our town deserves better than a summer of empty quays!",
            "We will not sign a deal that cuts pay, the union leader told reporters.",
            "My advice to the port is simple: meet the union this week.",
            "Say it with me now: the port needs its dockworkers.",
            "When you lose your job, the port must explain to a judge why it let you go.",
        ]
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": column}]).documents)]
    # The writer talking ("I", "you", an exclamation) is not a report ...
    assert not any(
        s.startswith(
            ("I have walked", "Honestly", "You have to", "Our town", "My advice", "Say", "When you")
        )
        for s in found
    )
    # ... the facts the column states, and what it gives to a speaker, are.
    assert any(s.startswith("The dockworkers walked out") for s in found)
    assert any(s.startswith("The union is seeking") for s in found)
    assert any(s.startswith("We will not sign") for s in found)
    # A report with one first-person paragraph is no column: its facts stay, and its "I",
    # outside any quotation, is no one a reader of the brief knows (since session 69).
    report = "\n\n".join(column.split("\n\n")[:4])
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": report}]).documents)]
    assert any(s.startswith("The dockworkers walked out") for s in found)
    assert not any(s.startswith("I have walked") for s in found)
    # A page that talks to the reader as "you" throughout is a guide: its "you" is not
    # a report either; its facts and its "our" are.
    guide = "\n\n".join(
        [
            "Ferry travel in winter",
            "Storms in your part of the coast can stop the ferries for days.",
            "If you travel with a car, book a place on the ferry a week before.",
            "The Calder ferry runs four times a day from the north pier.",
            "Your ticket is valid for a month from the day you buy it.",
            "Our harbour has the oldest ferry line of the coast, with a see-you-soon spirit.",
        ]
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": guide}]).documents)]
    assert [s for s in found if re.search(r"(?<![\w-])you", s, re.IGNORECASE)] == []
    assert any(s.startswith("The Calder ferry runs") for s in found)
    assert any(s.startswith("Our harbour") for s in found)


@pytest.mark.issue(20)
@pytest.mark.parametrize("words", [60, 80])
def test_a_passages_support_is_no_second_passage(words: int) -> None:
    docs = [
        "A dead 14-year-old girl named Susie Marsh, murdered on her way home from school in "
        "1973, tells her story from heaven in the film Calder Bones. The film opens in Calder "
        "on Friday. Its director spent four years on the adaptation.",
        "The novel Calder Bones, told from the perspective of a murdered 14-year-old girl, is "
        "chilling and poetic. The director cast a newcomer as Susie Marsh. Critics in Calder "
        "praised the score.",
        "Calder Bones tells of a 14-year-old girl murdered in 1973 who watches her family from "
        "heaven. The film cost 65 million dollars to make. It opens in 2,000 theatres.",
    ]
    summary = storybrief.brief([{"text": t} for t in docs], words=words).summary
    (told,) = [p for p in summary if p.text.startswith("A dead 14-year-old girl")]
    assert any(s.text.startswith("The novel Calder Bones") for s in told.support)
    # The sentence that backs the passage as a second source is not told again: another
    # sentence takes its place within the budget.
    for passage in summary:
        for other in summary:
            assert not any(
                s.doc_id == passage.doc_id and s.start < passage.end and passage.start < s.end
                for s in other.support
            )
    assert sum(len(p.text.split()) for p in summary) > words - 15


@pytest.mark.issue(20)
@pytest.mark.parametrize("words", [50, 70])
def test_two_passages_one_sentence_backs_are_one_fact(words: int) -> None:
    docs = [
        "The Calder Hawks offered free-agent pitcher Ned Varga a six-year contract at the "
        "winter meetings in Norland on Monday. Varga won 19 games for the Norland Owls last "
        "season. The Owls have not made an offer, their owner said.",
        "Hawks general manager Ada Brill confirmed to the Calder Post that she has made a "
        "six-year offer to Varga. Three other teams are said to be interested in the "
        "pitcher, who turns 29 in March. Brill would not say how much the offer was worth.",
        "The Calder Hawks made a six-year offer to pitcher Ned Varga during the winter "
        "meetings in Norland. The Hawks lost their best pitcher to injury in August. "
        "Varga's agent, Tim Osei, said a decision could come before Christmas.",
    ]
    summary = storybrief.brief([{"text": t} for t in docs], words=words).summary
    offers = [p for p in summary if "six-year" in p.text]
    # The offer is told once: the third page's "made a six-year offer" backs both the
    # report and the manager's confirmation, which neither backs the other (too few
    # words alike), so only their common support shows they are one fact.
    assert len(offers) == 1
    assert [s.text for s in offers[0].support] == [
        "The Calder Hawks made a six-year offer to pitcher Ned Varga during the winter "
        "meetings in Norland."
    ]
    for passage, other in itertools.combinations(summary, 2):
        assert not {(s.doc_id, s.start) for s in passage.support} & {
            (s.doc_id, s.start) for s in other.support
        }


@pytest.mark.issue(20)
@pytest.mark.parametrize("words", [60, 80])
def test_a_quotation_after_the_news_is_no_second_source_of_the_news(words: int) -> None:
    quote = (
        '"That person is dangerous and needs to be found as soon as possible," said Lt. Ada'
        " Brill of the state police."
    )
    docs = [
        "An explosion at a bank in Calder killed a police officer and a bomb technician on "
        "Friday, officials said Saturday, offering a $35,000 reward for information leading "
        f"to an arrest.\n\n{quote}\n\nThe bank's manager was badly hurt.",
        f"{quote}\n\nInvestigators from the FBI arrived in Calder on Saturday.\n\n"
        "The bank will stay closed for a week.",
        "A bomb explosion at a Calder bank killed a police officer and a bomb technician on "
        "Friday, police said.\n\nOfficers had carried the device into the bank after an "
        "employee found it outside.\n\nThe town will hold a vigil on Sunday.",
    ]
    summary = storybrief.brief([{"text": t} for t in docs], words=words).summary
    (news,) = [p for p in summary if p.text.startswith("An explosion at a bank")]
    # The passage runs on into the lieutenant's words; what it reports is the deaths: the
    # other page's report of them backs it, the lieutenant's words alone do not.
    assert quote in news.text
    assert [s.text for s in news.support] == [
        "A bomb explosion at a Calder bank killed a police officer and a bomb technician on "
        "Friday, police said."
    ]


@pytest.mark.issue(20)
def test_the_pages_own_lines_are_no_summary_sentence() -> None:
    body = [
        "The harbour council of Calder voted on Monday to close the old ferry pier.",
        "(See the top 10 ferry crossings of 2009.)",
        "The pier had stood for ninety years. (Read a review of the new ferry terminal.)",
        "(Also on the Calder Post: Council votes to sell the harbour office)",
        "(The ferry operator later moved its office to Norland.)",
        "Associated Press writer Ada Marsh contributed to this report from Norland.",
        "Follow him on Twitter @calderferries.",
        "For breaking news from the harbour, follow the Calder Post on Facebook.",
        "This story has been corrected to show the pier's age.",
        "The council's vote was first reported in today's Calder Post.",
        "The Post has learned that the vote referred to in this story was delayed.",
        "An earlier version of this story gave the wrong date for the council's vote.",
        *[f"Council member number {n} voted with the majority of the council." for n in range(8)],
        "(Ines Varga is a Calder-based free-lance writer.)",
        "Ada Marsh is the Calder Post's harbour reporter.",
    ]
    found = [
        c.sentence.text
        for c in candidates(storybrief.brief([{"text": "\n\n".join(body)}]).documents)
    ]
    assert not any(
        s.startswith(("(See", "(Read", "(Also on", "Associated Press", "Follow", "For", "This"))
        for s in found
    )
    assert not any(s.startswith(("Ada Marsh is", "(Ines Varga is")) for s in found)
    assert not any("first reported" in s for s in found)
    # The page speaking of itself, in a sentence of its own.
    assert not any(s.startswith(("The Post has", "An earlier")) for s in found)
    # A fact in brackets stays.
    assert "(The ferry operator later moved its office to Norland.)" in found
    assert any(s.startswith("The pier had stood") for s in found)
    # A story about a reporter names the post where it tells of her.
    story = "\n\n".join(
        [body[-1].replace(".", " who was arrested on Monday."), *body[:1], *body[5:-1]]
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": story}]).documents)]
    assert any(s.startswith("Ada Marsh is") for s in found)


@pytest.mark.issue(20)
def test_the_outlets_notice_about_the_article_is_no_summary_sentence() -> None:
    story = "\n\n".join(
        [
            "The harbour council of Calder voted on Monday to close the old ferry pier.",
            "Correction (March 18, 11:30 a.m.): An earlier version of this article gave the "
            "wrong name for the harbour master. She is Ines Varga, not Ines Vilar.",
            "CLARIFICATION: An earlier version of this article garbled the council's vote.",
            "Editor's note: This interview with the harbour master has been edited for length.",
            "Update: The council reopened the old ferry pier to walkers on Tuesday morning.",
            "The author is a Calder Post columnist. The opinions expressed are his own.",
        ]
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": story}]).documents)]
    # A correction, a clarification or an editor's note speaks of the page, all of it; so
    # does a columnist's disclaimer (judge19's mn38: "The author is a Reuters
    # Breakingviews columnist." as a summary sentence).
    assert not any("earlier version" in s or "Ines Varga" in s or "edited" in s for s in found)
    assert not any("author" in s or "opinions" in s for s in found)
    # The news stays, an update's too.
    assert any(s.startswith("The harbour council of Calder voted") for s in found)
    assert any("reopened the old ferry pier" in s for s in found)


@pytest.mark.issue(20)
def test_an_interview_printed_as_questions_and_answers_is_no_summary_sentence() -> None:
    interview = (
        "Port strike\n\nThe dockworkers of Calder walked out on Monday, and the port "
        "stood idle all week. Ann Lee, an economist, spoke about the strike. Excerpts from "
        "the conversation: Q. Will the strike last? A. Strikes like this rarely end "
        "quickly. The union has a large strike fund. Q. Who loses most? A. Small shippers "
        "lose most in the first weeks. Q. What comes next? A. The port will lose its "
        "trade to the rival harbour at Marston."
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": interview}]).documents)]
    # The report before the first question stays; the answers are the interview's.
    assert any("walked out on Monday" in s for s in found)
    assert not any(
        "strike fund" in s or "Small shippers" in s or "rival harbour" in s for s in found
    )
    # One "Q." is no interview: "Q. Smith" is a name.
    once = interview.replace("Q. Who", "Who").replace("Q. What", "What")
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": once}]).documents)]
    assert any("strike fund" in s for s in found)
    # An interview printed under the speakers' initials, a line each turn.
    initials = (
        "Port strike\n\nThe dockworkers of Calder walked out on Monday, and the port "
        "stood idle all week. Ann Lee, an economist, spoke to our reporter.\n\n"
        "JT: Will the strike last?\n\nAL: Strikes like this rarely end quickly. The union "
        "has a large strike fund.\n\nJT: Who loses most?\n\nAL: Small shippers lose most "
        "in the first weeks.\n\nJT: What comes next?\n\nAL: The port will lose its trade "
        "to the rival harbour at Marston."
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": initials}]).documents)]
    assert any("walked out on Monday" in s for s in found)
    assert not any(
        "strike fund" in s or "Small shippers" in s or "rival harbour" in s for s in found
    )
    # The interview starts at its speakers' first turn, not at a line that only looks
    # like one ("UK: ...").
    found = [
        c.sentence.text
        for c in candidates(
            storybrief.brief(
                [{"text": initials.replace("Port strike\n\nThe", "UK: The")}]
            ).documents
        )
    ]
    assert any("walked out on Monday" in s for s in found)
    # Two such lines are no interview ("AP: ...").
    twice = initials.replace("JT: Who", "Who").replace("JT: What", "What")
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": twice}]).documents)]
    assert any("Small shippers" in s for s in found)


@pytest.mark.issue(20)
def test_the_page_turning_to_its_reader_is_no_summary_sentence() -> None:
    story = (
        "The harbour council voted on Monday to close the old ferry pier for repairs. "
        "The comment box is open, so submit your questions now. "
        "Send us your pictures of the storm damage to the pier. "
        '"Give us our jobs back," the dock workers said outside the council hall. '
        "Officials will meet and discuss your concerns with the residents next week. "
        "Click here for the latest updates on the ferry service. "
        "Do share your thoughts on the pier with us. "
        "Email the harbour desk if you have pictures of the damage. "
        "The council warned the US to stop sending patrol boats to the pier and withdraw "
        "the ones moored here. "
        "Give us back our pier, read one banner at the march outside the council hall. "
        "Take the case of ferry pilot Maria Lopez, who moved here from Calder in 2010. "
        "Take a look at this video: the storm you see here tore the roof off the pier. "
        "Police watched the video of the storm for hours before closing the pier."
    )
    other = "The ferry pier closed on Monday for repairs after the council vote."
    brief = storybrief.brief([{"text": story}, {"text": other}])
    found = [c.sentence.text for c in candidates(brief.documents)]
    for chatter in ("The comment box", "Send us", "Click here", "Do share", "Email the", "Take a"):
        assert not any(text.startswith(chatter) for text in found)
    # A speaker's imperative, and "your" after a verb with its own subject, stay.
    assert any(text.startswith('"Give us our jobs back') for text in found)
    assert any(text.startswith("Officials will meet and discuss") for text in found)
    # "US" is no reader, and a verb joined to a gerund ("sending ... and withdraw") is
    # no imperative.
    assert any(text.startswith("The council warned the US") for text in found)
    # A slogan and who bore it; "here" in a clause of its own.
    assert any(text.startswith("Give us back our pier") for text in found)
    assert any(text.startswith("Take the case of ferry pilot") for text in found)
    assert any(text.startswith("Police watched the video") for text in found)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_that_reports_again_what_another_reports_is_not_chosen_with_it() -> None:
    from storybrief.analysis.summarize import _gist, _says_again, select
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Delgado, 71, was placed under arrest in Lisbon on Tuesday by Portuguese police.",
        "Mayor Ana Delgado was arrested in Lisbon on a warrant from a Madrid court.",
        "Delgado, who was arrested in Lisbon in May, returned home on Friday.",
        "Delgado's lawyers appealed the arrest on Friday.",
        "At the time of her arrest, Delgado had two phones in her bag, police said.",
        "Tomas Vilar will travel to Nairobi in June.",
        "Delgado was not arrested in Lisbon, police said.",
        "Delgado may be arrested in Lisbon on a warrant from a Madrid court.",
        "Delgado will find out on Friday if she will be released.",
        "Delgado was found guilty of fraud in Lisbon.",
        "Delgado took her campaign to the islands in May.",
        "Delgado is taking herself out of the running for mayor.",
        "Prime Minister Tomas Vilar will travel to Kenya on June 3 for a working visit.",
        "Tomas Vilar will visit Nairobi in June, the Kenyan ambassador revealed.",
        "Tomas Vilar will visit Nairobi in June with 40 ministers.",
        "Tomas Vilar will visit Nairobi in June with 12 ministers.",
        "Delgado was arrested in Porto in August.",
        "Delgado was arrested in Lisbon in August.",
        "Delgado denied the charges in court on Friday.",
        "Delgado was charged with fraud in Lisbon.",
        "North Korea fired a missile on Friday.",
        "South Korea fired a missile on Friday.",
        "Delgado sued Mayor Tomas Vilar over the contract.",
        "Delgado sued the newspaper over the contract.",
        "Delgado denied she was arrested in Lisbon.",
        "Delgado was arrested in Lisbon in May.",
        'A spokesperson said: "The Prime Minister will travel to Kenya on 3 June."',
        "Despite the protests, the ambassador confirmed Vilar would be coming to Nairobi.",
        "Prime Minister Tomas Vilar arrived in Nairobi on June 3.",
        "The minister will travel to Kenya on 3 June.",
        "Tomas Vilar will visit Kenya in June.",
        'In the interview, Delgado says there is a "spectrum" to the harbour\'s troubles.',
        'Delgado said the troubles of the harbour formed "a spectrum of failures".',
        'Delgado said the ferry was "a disgrace" to the harbour.',
    )
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(texts)], load_nlp())
    (
        placed,
        arrested,
        returned,
        appealed,
        phones,
        travel_only,
        not_arrested,
        may_be_arrested,
        find_out,
        found,
        took,
        taking,
        travel,
        said,
        forty,
        twelve,
        porto_august,
        lisbon_august,
        denied_charges,
        charged,
        north,
        south,
        sued_vilar,
        sued_paper,
        denied_arrest,
        lisbon_may,
        the_prime_minister,
        would_be_coming,
        arrived,
        the_minister,
        visit_kenya,
        spectrum,
        spectrum_again,
        disgrace,
    ) = (_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs)
    # The same named subject, the same assertion in other words ("placed under arrest"),
    # or what its verb takes ("travel ... for a working visit"); what a verb reports.
    assert _says_again(placed, arrested)
    assert _says_again(travel, said)
    assert _says_again(said, travel)
    # An arrest told in passing is no second report of it; nor is what others did about it.
    assert not _says_again(returned, arrested)
    assert not _says_again(appealed, arrested)
    assert not _says_again(phones, arrested)
    # Another verb, another assertion (paraphrase is left to the concepts), but for a trip.
    assert not _says_again(found, arrested)
    assert _says_again(travel_only, said)
    # Denied or only possible: not the same report.
    assert not _says_again(not_arrested, arrested)
    assert not _says_again(may_be_arrested, arrested)
    assert not _says_again(find_out, found)
    assert not _says_again(took, taking)
    # Disagreeing figures: two reports, not one.
    assert _says_again(forty, travel)
    assert not _says_again(forty, twelve)
    # Another place, another month, another object: another act of the same kind.
    assert not _says_again(porto_august, arrested)
    assert not _says_again(lisbon_august, lisbon_may)
    assert _says_again(lisbon_august, arrested)
    assert not _says_again(sued_vilar, sued_paper)
    # What is denied is not asserted; the object of another verb is no report of it.
    assert not _says_again(denied_charges, charged)
    assert not _says_again(denied_arrest, arrested)
    # A tagged name's last word finds the same name untagged, not another tagged one.
    assert not _says_again(north, south)
    # A role is the named subject that bears it as a title ("The Prime Minister" /
    # "Prime Minister Tomas Vilar"), not another ("The minister"); a trip is one act
    # however it is told ("will travel", "would be coming", reported), not its stages.
    assert _says_again(the_prime_minister, travel)
    assert not _says_again(the_minister, travel)
    assert _says_again(would_be_coming, travel)
    assert not _says_again(arrived, travel)
    # A place visited is a place, not an object that differs ("visit Kenya" / "visit Nairobi").
    assert _says_again(visit_kenya, said)
    # The same source's own words quoted: one remark however it is told.
    assert _says_again(spectrum, spectrum_again)
    assert not _says_again(spectrum, disgrace)

    # In the program, at most one of them is chosen.
    concepts = [frozenset({("a", "b"), ("c", "d")}), frozenset({("a", "b"), ("e", "f")})]
    weights = {("a", "b"): 5.0, ("c", "d"): 1.0, ("e", "f"): 1.0}
    assert select([10, 10], concepts, weights, 30) == [0, 1]
    assert select([10, 10], concepts, weights, 30, says_again=lambda i, j: True) in ([0], [1])


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_within_brackets_is_the_writers_aside_not_a_candidate() -> None:
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    docs = parse_articles(
        [
            build_article(
                "The harbour of Kalva reopened on Monday after a week of repairs to the pier. "
                "(When we reached out for comment, the port authority pointed us to its website.) "
                "Ferries to the islands will resume on Wednesday, the port authority said. "
                "(Left) and (right) photographs of the pier were taken by the port authority. "
                "(The port later revised the cost of the repairs to 14 million euros.)",
                "d1",
            )
        ],
        load_nlp(),
    )
    chosen = [c.sentence.text for c in candidates(docs)]
    assert not any("reached out" in t for t in chosen)
    assert any(t.startswith("The harbour of Kalva") for t in chosen)
    # Brackets that open the sentence but close before its end are no aside.
    from storybrief.analysis.summarize import _in_parentheses

    assert _in_parentheses("(This story has been updated.).")
    assert any(t.startswith("(The port later") for t in chosen)
    assert not _in_parentheses("(Left) and (right) photographs show the pier.")
    assert not _in_parentheses("(AP) The pier reopened (after repairs).")


@pytest.mark.issue(20)
def test_the_summary_opens_with_a_lead() -> None:
    from storybrief.analysis.summarize import select

    # 0: the lead of the later article; 1: a line deep in the earlier article, which
    # weighs more than 2, that article's lead. Read in order, 1 would open the summary.
    concepts = [frozenset({("a", "b")}), frozenset({("c", "d")}), frozenset({("e", "f")})]
    weights = {("a", "b"): 5.0, ("c", "d"): 4.0, ("e", "f"): 1.0}
    reading = [(1,), (0,), (0,)]
    leads = [True, False, True]
    assert select([10, 10, 10], concepts, weights, 20) == [0, 1]
    assert select([10, 10, 10], concepts, weights, 20, reading=reading, leads=leads) == [0, 2]
    # With room for all three, the line comes with its article's lead.
    assert select([10, 10, 10], concepts, weights, 30, reading=reading, leads=leads) == [0, 1, 2]
    # A lead longer than the budget opens nothing: the constraint is dropped, not the summary.
    assert select([30, 10, 30], concepts, weights, 20, reading=reading, leads=leads) == [1]
    # Where no lead is read before it, a sentence is free.
    assert select(
        [10, 10], concepts[:2], weights, 20, reading=[(1,), (0,)], leads=[True, False]
    ) == [0, 1]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_title_the_parser_takes_apart_from_its_name_still_names_the_subject() -> None:
    from storybrief.analysis.summarize import _gist, _says_again

    brief = storybrief.brief(
        [
            "Charged\n\nFormer Kestrel broadcast personality and Calder College journalism "
            "instructor Steve Dane has been charged with two counts of robbery in Alberta.",
            "Robberies\n\nPolice said former college instructor and broadcaster Stephen Dane "
            "has been charged in connection with two bank robberies in Alberta.",
        ]
    )
    gists = []
    for doc in brief.documents:
        sentence = next(s for s in doc.sentences if "charged" in s.text)
        gists.append(_gist(doc, sentence.start, sentence.end))
    # One man (Steve is Stephen), one charge: the second report says it again.
    assert _says_again(gists[0], gists[1])


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_noun_with_only_a_relative_clause_is_no_summary_sentence() -> None:
    from storybrief.analysis.summarize import candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Tomas Vilar is the ferry line's best pilot this year, its owners said. "
        "A careful pilot who likes to cross at night. "
        "Then Ines Varga, 65, who was found near the pier. "
        "The man who set fire to the ferry was arrested on Friday in Calder. "
        "Inspectors who asked not to be named said the hull had cracked. "
        "Police, who arrived late, said nothing about the fire on the pier."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = [c.sentence.text.split()[0] for c in candidates([doc])]
    # A list's entries (a noun and what is said of it) state nothing.
    assert found == ["Tomas", "The", "Inspectors", "Police,"]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_passage_that_introduces_a_name_comes_before_one_that_uses_it_bare() -> None:
    from storybrief.analysis.summarize import _introducers_first, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    early = (
        "Ravelli had been chased for hours before the rangers arrived at the park.\n\n"
        "CFM affects the nervous system, the health ministry of Norland said on Monday.\n\n"
        "Nairobi was quiet again by Tuesday evening, the park's director said."
    )
    late = (
        "Ravelli the bear, one of the best-known animals of the park, was shot on Monday by"
        " rangers.\n\n"
        "A girl of nine from the coast developed coastal flaccid myelitis (CFM) in the spring"
        " of 2014, her mother told reporters.\n\n"
        "Nairobi, the capital of Kenya, had not seen a bear in ten years, residents said."
    )
    docs = parse_articles(
        [
            build_article(early, "a", published="2024-05-01"),
            build_article(late, "b", published="2024-05-02"),
        ],
        load_nlp(),
    )
    found = candidates(docs)
    assert [(c.doc_index, c.position) for c in found] == [
        (0, 0),
        (0, 1),
        (0, 2),
        (1, 0),
        (1, 1),
        (1, 2),
    ]
    order = _introducers_first(docs, found, list(range(6)))
    # The bear is introduced before it is named bare (the introduction opens its article,
    # so it may lead), the abbreviation spelled out before it is used; a city needs no
    # introduction, so the passage about it keeps its place.
    assert order == [3, 0, 4, 1, 2, 5]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_bare_surname_the_tagger_takes_for_a_place_still_waits_for_its_introduction() -> None:
    from storybrief.analysis.summarize import _introducers_first, _introductions, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    early = (
        "A stabbing suspect remained at large on Sunday after a fight near the river.\n\n"
        "Officers were hunting Montoya in the stabbing of Peter Lund, whose car was found near"
        " the river."
    )
    late = (
        "Police said they had a warrant for Luis Montoya, 31, of Fairhaven, on a charge of"
        " murder.\n\n"
        "Deputies were searching for Kettering after the robbery of a gas station on Route 9."
    )
    nlp = load_nlp()
    docs = parse_articles(
        [
            build_article(early, "a", published="2024-05-01"),
            build_article(late, "b", published="2024-05-02"),
        ],
        nlp,
    )
    # The tagger takes the bare surname for a place here, but the full name for a person.
    labels = {(m.span.text, m.label) for doc in docs for m in doc.mentions}
    assert ("Montoya", "GPE") in labels
    assert ("Luis Montoya", "PERSON") in labels
    found = candidates(docs)
    assert [(c.doc_index, c.position) for c in found] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    # Montoya is introduced before "Officers were hunting Montoya"; a name no one gives
    # in full ("Kettering", which the tagger takes for a firm) stays where it was.
    assert _introducers_first(docs, found, [0, 1, 2, 3]) == [0, 2, 1, 3]
    # A bare surname the tagger takes for a common noun is chosen only with the sentence
    # that gives the full name.
    texts = [
        "Peter Haddick, a psychiatrist in Calder, said the school tactics were new and "
        "worrying. Haddick opposes the use of Ritalin.",
        "Schools in Calder gave Ritalin to more children this year, a study found.",
        "Parents in Calder said the drug helped their children sleep and eat.",
        "The Calder school board will vote on the new rules on Monday night.",
    ]
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(texts)], nlp)
    assert [t for t in docs[0].tokens if t.text == "Haddick"][-1].pos == "NOUN"
    found = candidates(docs)
    starts = [c.sentence.text.split()[0] for c in found]
    assert (starts.index("Haddick"), [starts.index("Peter")]) in _introductions(docs, found)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_the_splitter_cut_after_a_title_is_no_candidate() -> None:
    from storybrief.analysis.summarize import _standing
    from storybrief.nlp import load_nlp, parse_articles
    from storybrief.text import outside_quotes
    from tests.conftest import build_article

    text = (
        "A dry ice bomb exploded in a bin at the Calder park on Tuesday evening, police said."
        "\n\nThe blast forced the evacuation of the park, said Calder police Sgt. Bob Dunn of"
        " the harbour unit."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    outside = outside_quotes(text)
    first, cut = doc.sentences[0], doc.sentences[1]
    assert cut.text.endswith("police Sgt.")
    assert _standing(doc, first, [], outside) == "alone"
    # What it says ends in the middle of a name, and the rest of the name is no sentence.
    assert _standing(doc, cut, [], outside) is None
    assert [c.sentence.text for c in candidates([doc])] == [first.text]
    # A rank as wire copy abbreviates it.
    ranked = parse_articles(
        [build_article(text.replace("police Sgt. Bob Dunn", "army Cmndr. Bob Dunn"), "d2")],
        load_nlp(),
    )[0]
    assert ranked.sentences[1].text.endswith("army Cmndr.")
    assert [c.sentence.text for c in candidates([ranked])] == [first.text]


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The blast forced the evacuation of the park.", True),
        ('"We will be back," she said.”', True),
        ("WASHINGTON _", True),
        ("BAKERSFIELD (CN) -", True),
        ("BEIJING, Nov. 4 (Xinhua) --", True),
        ("Officials blamed the relief pilot, Gameel el-", False),
        ("The blast forced the evacuation of the park, said Sgt", False),
    ],
)
def test_a_hyphen_glued_to_its_word_ends_no_sentence(text: str, ends: bool) -> None:
    from storybrief.analysis.summarize import _ENDS_ANY_SENTENCE

    assert bool(_ENDS_ANY_SENTENCE.search(text)) is ends


@pytest.mark.model
@pytest.mark.issue(20)
def test_two_documents_leads_that_tell_one_event_are_one_report() -> None:
    from storybrief.analysis.summarize import _gist, _leads_again
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    leads = [
        "Two men are facing charges for running a prostitution ring out of a flat in the"
        " harbour district, police said.",
        "Two men were arrested for running a prostitution ring out of a harbour flat, police"
        " said on Monday.",
        "Two men were arrested for stealing copper wire from a railway depot, police said"
        " on Monday.",
    ]
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(leads)], load_nlp())
    gists = [_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs]
    assert _leads_again(gists[0], gists[1])
    # The same subject and verb, another act: two events.
    assert not _leads_again(gists[1], gists[2])
    # Other doers, other verbs, the same figure of the same thing: one event.
    leads = [
        "Detectives in Calder are looking for a woman who posed as a shop assistant and "
        "stole more than $40,000 worth of phones.",
        "Harbour County police are searching for a woman suspected of posing as a shop "
        "assistant and stealing more than $40,000 worth of phones last week.",
        "Harbour County police are searching for a woman suspected of posing as a shop "
        "assistant and stealing more than $9,000 worth of phones last week.",
        "Detectives in Calder are looking for two women who posed as shop assistants and "
        "stole phones from two shops.",
        "Harbour County police are searching for two men suspected of posing as shop "
        "assistants and stealing tablets last week.",
    ]
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(leads)], load_nlp())
    gists = [_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs]
    assert _leads_again(gists[0], gists[1])
    # Another sum; a small count ("two") that many events share.
    assert not _leads_again(gists[0], gists[2])
    assert not _leads_again(gists[3], gists[4])


@pytest.mark.issue(20)
def test_a_line_of_a_numbered_list_is_no_summary_sentence() -> None:
    story = "\n\n".join(
        [
            "The city council of Calder passed a smoking ban on Monday. The ban covers "
            "offices, shops and restaurants across the city.",
            "What owners must do:",
            "1. Put up a sign at every door of the building.",
            "2) Remove all the ashtrays from the tables and the bar.",
            "Owners of the city's bars said the ban would hurt their trade in the winter.",
        ]
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": story}]).documents)]
    # A numbered line is a list's.
    assert not any(s.startswith(("1.", "2)")) for s in found)
    assert any(s.startswith("The city council of Calder passed") for s in found)
    assert any(s.startswith("Owners of the city's bars said") for s in found)


@pytest.mark.issue(20)
def test_a_list_run_into_a_line_and_a_writer_note_are_no_summary_sentences() -> None:
    story = (
        "The harbour festival of Calder named its prize winners on Monday night. "
        "Best ferry crew: the Quay Runners, Calder; the Tide Riders, Lennox; the Gulls, "
        "Norland. The crews will sail the bay again in June, the festival said. "
        "(Jane Roe is a Calder-based free-lance writer.) (To reprint this article, "
        "call the syndicate's sales desk.)"
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": story}]).documents)]
    # A list with no verb to state anything, and who wrote the piece.
    assert not any(s.startswith(("Best ferry crew", "(Jane Roe")) for s in found)
    assert any(s.startswith("The harbour festival of Calder named") for s in found)
    assert any(s.startswith("The crews will sail the bay again") for s in found)


@pytest.mark.issue(20)
def test_a_sentence_done_to_him_or_her_follows_the_one_that_names_them() -> None:
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "The House of Norland impeached Judge Ines Varga for bribery in 1988. "
        "The Senate found her guilty of eight articles of impeachment. "
        "The Senate also heard the case of Mayor Dele Okafor in the same year. "
        "The council removed Mayor Dele Okafor from office and fined him heavily. "
        "Port officials sent the harbour master a letter about the new ferry fees. "
        "The Calder teen is in trouble after a camera captured him on the pier at night."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    found = {c.sentence.text[:24]: c.follows is not None for c in candidates([doc])}
    # Whom "her" stands for is in the sentence before; "him" has its name before it.
    assert found["The Senate found her gui"]
    assert not found["The council removed Mayo"]
    assert not found["Port officials sent the "]
    # Or the subject of a clause before it: the teen.
    assert not found["The Calder teen is in tr"]


@pytest.mark.model
@pytest.mark.issue(20)
def test_ready_to_do_one_thing_is_no_support_for_ready_to_do_another() -> None:
    from storybrief.analysis.summarize import _gist, _same_content
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Norland is ready to strengthen cooperation with other countries in combating "
        "organized crime, a senior official said today.",
        "Norland is ready to exchange experience with other countries in combating "
        "organized crime, he said.",
        "Norland is ready to strengthen its cooperation with other countries against "
        "organized crime, the minister said.",
    )
    docs = parse_articles([build_article(t, f"d{i}") for i, t in enumerate(texts)], load_nlp())
    ours, exchange, strengthen = (_gist(d, d.sentences[0].start, d.sentences[0].end) for d in docs)
    # Ready to do another thing is another claim, however alike the rest: no second
    # source of it (though in a summary one repeats the other).
    assert not _same_content(ours, exchange, 0.45, strict=True)
    assert _same_content(ours, exchange, 0.45)
    assert _same_content(ours, strengthen, 0.45, strict=True)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_chosen_sentence_that_says_the_same_is_the_support_it_repeats() -> None:
    from storybrief.analysis.summarize import _supports, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "The Calder ferry sank off Norland Point on May 3, killing all 41 people aboard.",
        "The Calder ferry sank off Norland Point on May 3, killing all 41 people aboard it, "
        "officials said. Divers searched the bay for a week. "
        "All 41 people aboard were killed when the Calder ferry sank off Norland Point.",
    )
    docs = parse_articles([build_article(t, f"d{n}") for n, t in enumerate(texts)], load_nlp())
    found = candidates(docs)
    ours = next(c for c in found if c.doc_index == 0)
    repeat = next(c for c in found if c.sentence.text.startswith("All 41 people"))
    (supports, _), sentences, _ = _supports(docs, [ours, repeat])
    # Of the second article's sentences that say the same, the one the summary chose
    # too, however likelier the other: it repeats the passage.
    assert [sentences[j].text[:14] for j, _ in supports] == ["All 41 people "]
    (alone,), sentences, _ = _supports(docs, [ours])
    assert [sentences[j].text[:14] for j, _ in alone] == ["The Calder fer"]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_lead_that_points_at_a_thing_told_before_opens_no_summary() -> None:
    from storybrief.analysis.summarize import _points_at_told
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Ms. Varga said that she was mystified by that conclusion.",
        "Ada Marsh has been a blessing since the moment she entered this world.",
        "Those students who failed the test will sit it again in May.",
        "That part of the harbour wall gave way on Tuesday night.",
    )
    docs = parse_articles([build_article(t, f"d{n}") for n, t in enumerate(texts)], load_nlp())
    # Which conclusion? Not the writer's "this world", nor one told in the same words.
    assert [_points_at_told(d, d.sentences[0]) for d in docs] == [True, False, False, False]


_FERRY_REPORTS = (
    "Fire broke out on the Calder ferry as it crossed from Norland Point to Esk Harbour "
    "on Friday evening, and the crew of the ferry put all 212 passengers into lifeboats. "
    "The Norland coastguard said two fishing boats towed the lifeboats to Esk Harbour "
    "before midnight. Captain Ilse Tarrant told reporters the fire began in the engine "
    "room and spread to the car deck within minutes. Eleven passengers were treated in "
    "Esk Harbour hospital for smoke. The Calder ferry line suspended its crossings while "
    "the Norland maritime board investigates the fire.",
    "All 212 passengers of the burning Calder ferry were rescued off Norland Point on "
    "Friday, the coastguard said. Captain Ilse Tarrant said the fire started in the "
    "engine room. Fishing boats from Esk Harbour towed the lifeboats ashore, and "
    "ambulances took eleven passengers to hospital. The Norland maritime board opened an "
    "inquiry into the ferry fire on Saturday, and the Calder line suspended its "
    "crossings until the inquiry ends.",
    "Passengers of the Calder ferry described the evacuation on Saturday. Fire alarms "
    "sounded as the ferry passed Norland Point, and the crew led everyone to the "
    "lifeboats, said Mara Quist, who was travelling to Esk Harbour with her children. "
    "Captain Ilse Tarrant was the last to leave the ship, passengers said. The maritime "
    "board of Norland will question the crew next week about the fire in the engine room. "
    "Several passengers praised the calm of the crew and the fishermen who towed them.",
)
_ADVICE_PAGE = (
    "Keeping customers happy is a crucial part of any small business. Answer every "
    "complaint quickly, and thank customers who write to you. Train your staff to listen "
    "before they reply, and give them the authority to solve problems without waiting "
    "for a manager. Simple gestures, such as a handwritten note or a small discount on "
    "the next order, build loyalty. Measure satisfaction with short surveys, read the "
    "results every month, and change what customers dislike. Loyal customers recommend "
    "your business to friends, which costs less than advertising."
)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_page_that_tells_another_story_gives_the_summary_nothing() -> None:
    from storybrief.analysis.compare import off_story
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (*_FERRY_REPORTS, _ADVICE_PAGE)
    docs = parse_articles([build_article(t, f"d{n}") for n, t in enumerate(texts)], load_nlp())
    assert off_story(docs) == frozenset({3})
    assert {c.doc_index for c in candidates(docs)} == {0, 1, 2}
    # With one report beside it, there is no story to tell it from: both stay.
    assert off_story([docs[0], docs[3]]) == frozenset()
    # The reports tell one story from three sides (the rescue, the inquiry, the
    # passengers): none of them is taken for another.
    assert off_story(docs[:3]) == frozenset()
    brief = storybrief.brief([{"text": t} for t in texts], words=250)
    assert brief.summary
    assert all(not p.text.startswith(("Keeping", "Answer", "Train")) for p in brief.summary)
    assert all("customer" not in p.text for p in brief.summary)
    # The sources say which one was left out, and why.
    assert [s.off_story for s in brief.sources] == [False, False, False, True]
    for form in ("text", "markdown", "html"):
        assert "another story: not in the summary" in render(brief, form), form
    # Read in two parts, the cluster is still one: the update takes nothing from it
    # either, though the new part alone has too few documents to tell.
    update = storybrief.brief(
        [{"text": t} for t in (_FERRY_REPORTS[2], _ADVICE_PAGE)],
        since=[{"text": t} for t in _FERRY_REPORTS[:2]],
    )
    assert update.update is not None
    assert update.update.summary
    assert all("customer" not in p.text.lower() for p in update.update.summary)


def test_a_plan_for_a_day_a_later_report_looks_back_on_is_no_summary_sentence() -> None:
    # Written on Monday, March 1 of a vote on Thursday (March 4); a report of Monday,
    # March 8 tells what happened on Thursday: the plan was overtaken.
    early = (
        "WASHINGTON -- The Senate finance committee will vote on the fuel bill on "
        "Thursday, its chairman said. The bill would raise the tax on fuel by ten cents "
        "a gallon across the country. Senators of both parties have argued about the "
        "measure for many weeks."
    )
    later = (
        "WASHINGTON -- The finance committee approved the fuel bill by 12 votes to 9 on "
        "Thursday. The bill now goes to the full Senate, where its fate is uncertain, "
        "aides said. Truckers' groups have promised to fight it in every state."
    )

    def found(*documents: dict[str, str]) -> list[str]:
        brief = storybrief.brief(list(documents))
        return [c.sentence.text for c in candidates(brief.documents)]

    after = {"text": later, "published": "2021-03-08"}
    overtaken = found({"text": early, "published": "2021-03-01"}, after)
    assert not any("will vote" in s for s in overtaken)
    # What else the early report says stays, and so does what is not dated to a day.
    assert any("ten cents a gallon" in s for s in overtaken)
    assert any("many weeks" in s for s in overtaken)
    # Told in the past on the day itself, the day has come too.
    same_day = {"text": later, "published": "2021-03-04"}
    assert not any(
        "will vote" in s for s in found({"text": early, "published": "2021-03-01"}, same_day)
    )
    # A later report that does not look back on the day overtakes nothing, nor does a
    # report written before the day ("on Thursday" of March 3 is March 4 still to come).
    silent = {"text": later.replace(" on Thursday", ""), "published": "2021-03-08"}
    assert any("will vote" in s for s in found({"text": early, "published": "2021-03-01"}, silent))
    before = {"text": later.replace("approved", "will approve"), "published": "2021-03-03"}
    assert any("will vote" in s for s in found({"text": early, "published": "2021-03-01"}, before))
    # A day told in passing, not the day of what the sentence asserts, is no plan; nor is
    # anything of a story whose days are unknown.
    aside = (
        early.replace(
            "will vote on the fuel bill on Thursday, its chairman said",
            "which meets again on Thursday, has argued about the fuel bill all winter",
        )
        .replace("committee which", "committee, which")
        .replace("Thursday, has", "Thursday, has")
    )
    assert any("all winter" in s for s in found({"text": aside, "published": "2021-03-01"}, after))
    assert any("will vote" in s for s in found({"text": early}, {"text": later}))


@pytest.mark.issue(20)
def test_the_same_thing_told_of_another_year_or_month_is_no_support() -> None:
    from storybrief.analysis.summarize import _supports, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "General Omar Vance, appointed army commander in 1989 during the civil war, is "
        "credited with rebuilding the army of Keldor.",
        # Another year: no second source, however alike.
        "General Omar Vance, who was appointed army commander in 1988 during the civil "
        "war, is credited with rebuilding the army of Keldor.",
        # The same year, or none told: a second source.
        "Vance was appointed army commander in 1989 and is credited with rebuilding "
        "Keldor's army after the civil war.",
        "General Omar Vance is credited with rebuilding the army of Keldor as its "
        "commander during the civil war.",
        # Another month of the same year is another appointment too.
        "General Omar Vance, appointed army commander in May 1989 during the civil war, "
        "is credited with rebuilding the army of Keldor.",
    )
    passage_text = texts[0].replace("in 1989", "in June 1989")
    docs = parse_articles(
        [build_article(t, f"d{n}") for n, t in enumerate((passage_text, *texts[1:]))],
        load_nlp(),
    )
    (passage,) = [c for c in candidates(docs) if c.doc_index == 0]
    (supports,), sentences, _ = _supports(docs, [passage])
    assert {sentences[j].doc_id for j, _ in supports} == {"d2", "d3"}


@pytest.mark.issue(20)
def test_a_sentence_written_in_capitals_is_no_summary_sentence() -> None:
    text = (
        "Port strike\n\nThe dockworkers of Calder walked out on Monday, and the port stood "
        "idle all week. NEW AT FIVE, A MOTHER IN CALDER SAYS THE STRIKE KEPT HER FROM "
        "HER SON'S MEDICINE. NO PORTION OF THIS REPORT MAY BE USED WITHOUT ATTRIBUTION TO "
        "HARBOUR NEWS. The union said the strike would go on until the port raised its "
        "pay offer. U.S. AND NATO ships waited outside the harbour of Calder on Tuesday."
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": text}]).documents)]
    assert any("walked out on Monday" in s for s in found)
    assert any("raised its pay offer" in s for s in found)
    # A few words in capitals are no shout.
    assert any("ships waited outside" in s for s in found)
    assert not any("MOTHER" in s or "NO PORTION" in s for s in found)


@pytest.mark.issue(20)
def test_a_sentence_sharing_only_the_passages_aside_is_no_support_however_alike() -> None:
    from storybrief.analysis.summarize import _supports, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "No weapon was found after four deputies fired, also killing the suspect, Mara "
        "Lene Quillfeather, 30, whom they believed was armed.",
        # Who the suspect was: what the passage tells in passing, nothing it asserts,
        # however alike their names make them (TF-IDF cosine 0.57).
        "The suspect killed by the deputies has been identified as Mara Lene Quillfeather, 30.",
        # What the passage asserts, in other words.
        "Investigators found no weapon after four deputies fired on Mara Lene Quillfeather.",
        "The deputies fired after the suspect threatened them, the sheriff said. The suspect "
        "was armed, the deputies believed. A weapon was not found at the scene, deputies "
        "said. The deputies fired four times, killing the suspect, officials said.",
    )
    docs = parse_articles(
        [build_article(t, f"d{n}") for n, t in enumerate(texts)],
        load_nlp(),
    )
    (passage,) = [c for c in candidates(docs) if c.doc_index == 0]
    (supports,), sentences, _ = _supports(docs, [passage])
    assert {sentences[j].doc_id for j, _ in supports} == {"d2"}


@pytest.mark.issue(20)
def test_a_lead_after_the_pages_standfirst_is_a_lead_that_other_leads_may_repeat() -> None:
    first = (
        "Harbour County police are searching for a woman suspected of posing as a shop "
        "assistant and stealing more than $40,000 worth of phones. See video.\n\n"
        "CALDER — Harbour County police are searching for a woman suspected of posing as a "
        "shop assistant and stealing more than $40,000 worth of phones last week.\n\n"
        "Police released footage on Tuesday of the suspect leaving the shop on Quay Street.\n\n"
        "The woman walked into the stockroom, put the phones in a box and left, police said."
    )
    second = (
        "Detectives in Calder are looking for a woman who posed as a shop assistant and "
        "stole more than $40,000 worth of phones.\n\n"
        "The footage shows the woman getting into a blue estate car outside the shop.\n\n"
        "Detectives said the woman knew where the phones were kept and when staff changed."
    )
    brief = storybrief.brief([{"text": first}, {"text": second}], words=250)
    told = [p.text for p in brief.summary]
    # Two leads of one event ("more than $40,000 worth of phones"): one is told.
    assert sum("$40,000 worth of phones" in t for t in told) == 1
    assert any("blue estate car" in t for t in told)


@pytest.mark.issue(20)
def test_a_correspondents_video_blurb_is_no_summary_sentence() -> None:
    text = (
        "Port strike\n\nThe Harbour Times reports the port stood idle on Monday; its "
        "correspondent Lena Ostrova reports from the docks of Calder.\n\n"
        "The dockworkers of Calder walked out on Monday, and the port stood idle all week. "
        "The Calder Herald's Tom Reyes reports on the families of the strikers who gathered "
        "at the gates on Sunday. The union said the strike would go on until the port "
        "raised its pay offer. The Calder Herald reports on its website that the talks "
        "collapsed. Calder Shipping reports on Thursday, and its results will show the cost."
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": text}]).documents)]
    assert any("walked out on Monday" in s for s in found)
    # What a report states, and a company's results, are no blurbs.
    assert any("the talks collapsed" in s for s in found)
    assert any("Calder Shipping reports on Thursday" in s for s in found)
    assert not any("Ostrova" in s or "Reyes" in s for s in found)


@pytest.mark.issue(20)
def test_a_set_up_the_writer_refutes_is_no_summary_sentence() -> None:
    text = (
        "Port strike\n\nThe dockworkers of Calder walked out on Monday, and the port stood "
        "idle all week. The owners say the strike will be over within days. It's not. "
        "The union said the strike would go on until the port raised its pay offer.\n\n"
        "The strike looks like a victory for the union. It's not – at least, not yet. "
        "The mayor said the city would never take sides in the dispute. Wrong. She met "
        "the owners twice this week, the union said. The port's owners expect a "
        "settlement. It is not the first strike at Calder."
    )
    found = [c.sentence.text for c in candidates(storybrief.brief([{"text": text}]).documents)]
    assert any("walked out on Monday" in s for s in found)
    # Only a short rebuttal refutes: a sentence of its own that starts alike does not.
    assert any("expect a settlement" in s for s in found)
    assert not any(
        "over within days" in s or "never take sides" in s or "a victory for" in s for s in found
    )


@pytest.mark.issue(20)
def test_a_sentence_asserting_the_passages_aside_is_no_support() -> None:
    from storybrief.analysis.summarize import _supports, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    texts = (
        "Foreign Minister Tala Verhoeven, who met with Premier Odo Kasprak in Lindor on "
        "Sunday, accused Marovia of breaking the truce.",
        # The meeting: what the passage tells in passing, asserted here.
        "Kasprak met in Lindor on Sunday with Foreign Minister Tala Verhoeven and both "
        "talked about Marovia.",
        # What the passage asserts.
        "Verhoeven accused Marovia of breaking the truce, after meeting Kasprak on Sunday.",
        "Marovia denied that the truce was broken. The truce was signed in May. Talks on "
        "the truce resumed in Lindor. Marovia has troops on the border.",
    )
    docs = parse_articles(
        [build_article(t, f"d{n}") for n, t in enumerate(texts)],
        load_nlp(),
    )
    (passage,) = [c for c in candidates(docs) if c.doc_index == 0]
    (supports,), sentences, _ = _supports(docs, [passage])
    assert {sentences[j].doc_id for j, _ in supports} == {"d2"}


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_count_of_one_thing_told_again_in_other_words() -> None:
    from storybrief.analysis.summarize import _counts_again

    fire, suffocated, police_said, two_ferries = _gists(
        "A firebomb thrown into a bakery in Varna killed four people as dockworkers "
        "clashed with riot police.",
        "Four people suffocated in a burning bakery during the battles between strikers "
        "and police in Varna.",
        "Police said at least four people, three men and a woman, died in the blaze.",
        "Four ferries were held in the port of Varna by the strike.",
    )
    # The same count of the same thing: the story's one death toll, whatever the verb.
    assert _counts_again(fire, suffocated)
    assert _counts_again(fire, police_said)
    # Four of another thing is another figure.
    assert not _counts_again(fire, two_ferries)
    known, counted = _gists(
        "The four people were buried in Varna on Friday.",
        "A crane collapse in Varna killed four people.",
    )
    # "The four people": ones the reader knows, named again, not counted.
    assert not _counts_again(known, counted)
    (elsewhere,) = _gists("A firebomb thrown into a bakery in Lisbon killed four people.")
    # Places apart, or days apart: two events.
    assert not _counts_again(fire, elsewhere)
    monday, friday = _gists(
        "Strikers in Varna detained four people on Monday.",
        "Strikers in Varna detained four people on Friday.",
    )
    assert not _counts_again(monday, friday)
    will, did = _gists(
        "The port of Varna will hire four pilots.",
        "The port of Varna hired four pilots.",
    )
    assert not _counts_again(will, did)


@pytest.mark.model
@pytest.mark.issue(20)
def test_summary_tells_one_death_toll_once() -> None:
    """Three outlets' leads state one toll in other words: the summary tells it once and
    spends the words on what else the story holds."""
    texts = [
        "A firebomb thrown into a bakery in Varna killed four people on Wednesday as "
        "dockworkers clashed with riot police over pay cuts. The dockworkers' union had "
        "called the strike after the port cut wages by a tenth. Riot police fired tear gas "
        "at the marchers near the harbour gates.",
        "Four people suffocated in a burning bakery in Varna during battles between striking "
        "dockworkers and police. The port's owners said the wage cuts would stand. The "
        "mayor of Varna closed the harbour for the day.",
        "A firebomb attack on a bakery left four people dead in Varna as striking "
        "dockworkers fought riot police. The strike halted every ferry in the port. Union "
        "leaders said they would march again on Friday.",
    ]
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(texts)], load_nlp())
    passages = summarize(docs, 70)
    tolls = [p.text for p in passages if "four people" in p.text.lower()]
    assert len(tolls) == 1, tolls
    assert len(passages) >= 4


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_the_passage_asserts_told_only_as_the_time_of_another_act_is_no_support() -> None:
    from storybrief.analysis.summarize import _same_content

    passage, named_after, relieved_after = _gists(
        "Calder United President and General Manager Ines Varga announced today that "
        "Tomas Lind has been relieved of his duties as head coach of Calder United.",
        "Arends, who played for Calder United for 11 seasons and served as an assistant "
        "coach for seven, was named coach after Tomas Lind was relieved of his coaching "
        "duties.",
        "Tomas Lind was relieved of his duties as head coach after the club lost eight games.",
    )
    # The other asserts a hiring; the firing is only its time.
    assert not _same_content(passage, named_after, 0.6, strict=True)
    # An aside of its own does not keep a sentence from asserting the passage's act.
    assert _same_content(passage, relieved_after, 0.6, strict=True)
    # Nor is a sentence that states the passage's figures only the time of another act.
    sank, feared = _gists(
        "The Calder ferry sank in the North Sea on Monday, killing all 40 people aboard.",
        "All the 40 people on board are feared dead as the Calder ferry sank early Monday "
        "in the North Sea.",
    )
    assert feared.aside_verbs & feared.predicates
    assert _same_content(sank, feared, 0.6, strict=True)


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_pages_deck_above_its_date_line_is_no_summary_sentence() -> None:
    """Title, deck, date line, story: the deck is the page's, above the story's lead."""
    deck = "The gang member shot deputy Tomas Lind outside a Calder building in 2005."
    docs = [
        {
            "text": f"Deputy's killer gets death sentence\n\n{deck}\n\nApril 04, 2007\n\n"
            "A Calder jury on Tuesday ordered execution for a gang member convicted of "
            "murdering sheriff's deputy Tomas Lind in June 2005.\n\nLind, 35, was shot "
            "outside a Calder apartment building while investigating a robbery."
        },
        {
            "text": "Jury wants death for deputy's killer\n\nApril 04, 2007\n\nJurors in "
            "Calder recommended the death penalty on Tuesday for the gang member who "
            "killed deputy Tomas Lind in 2005.\n\nThe judge will pass sentence in May."
        },
    ]
    brief = storybrief.brief(docs, words=80)
    assert brief.summary
    assert deck not in [p.text for p in brief.summary]
    # The page states its day: both documents are of April 4, 2007.
    assert {d.article.published.iso() for d in brief.documents if d.article.published} == {
        "2007-04-04"
    }


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_brief_opens_with_a_lead_that_leans_on_nothing_before_it() -> None:
    """An article's lead that speaks of "the shootings" its title told of does not open
    the brief when another article's lead tells the news whole."""
    docs = [
        {
            "text": "Calder office shooting: suspect caught\n\nPolice said they had "
            "located Piet Arends, 38, on the coast road north of the Calder office "
            "building where the shootings took place.\n\nDeputies chased him for 30 "
            "miles before he pulled over, the sheriff said."
        },
        {
            "text": "Fired worker opens fire at Calder office\n\nA man who was fired last "
            "week from his job at an accounting firm in Calder walked into his former "
            "office with a shotgun on Monday and shot three people, killing one.\n\nThe "
            "firm's offices were closed on Tuesday."
        },
    ]
    summary = storybrief.brief(docs, words=120).summary
    texts = [p.text for p in summary]
    assert any(t.startswith("Police said they had located") for t in texts), texts
    assert texts[0].startswith("A man who was fired last week"), texts


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_leans_on_the_article_before_it() -> None:
    from storybrief.analysis.summarize import _leans_on_article
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    text = (
        "Calder pier shooting\n\n"
        "A gunman was seeking out these individuals, the police said on Monday. "
        "The shooting at the Calder pier left two wounded, the police said. "
        "The shooting closed the pier for a day. "
        "Arends has been a blessing since the moment she entered this world. "
        "The world's ferry lines watched the Calder pier. "
        "The harbour board sent questions to Arends. The questions were about ferry fares."
    )
    (doc,) = parse_articles([build_article(text, "d1")], load_nlp())
    sentences = {s.text: s for s in doc.sentences}

    def leans(start: str, end: str | None = None) -> bool:
        first = next(s for t, s in sentences.items() if t.startswith(start))
        if end is None:
            return _leans_on_article(doc, first)
        last = next(s for t, s in sentences.items() if t.startswith(end))
        whole = dataclasses.replace(first, end=last.end, text=text[first.start : last.end])
        return _leans_on_article(doc, whole)

    # Ones told of, whatever the word ("these individuals").
    assert leans("A gunman was seeking")
    # "The shooting at the Calder pier" says which; "The shooting" alone is the title's.
    # ("The police said" says who speaks.)
    assert not leans("The shooting at the Calder pier")
    assert leans("The shooting closed")
    # The writer's world, and the world, lean on nothing.
    assert not leans("Arends has been")
    assert not leans("The world's ferry lines")
    # A passage that tells of the questions itself before "The questions".
    assert not leans("The harbour board sent", "The questions were")


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_sentence_that_only_says_who_spoke_comes_with_the_wire_quotation_after_it() -> None:
    text = (
        "Levy row grows\n\nThe Brackwater council voted on Monday to keep the ferry levy "
        "for another year. The Harbour Daily quoted Mayor Ilse Varga as saying. ``There "
        "would have been no way that any of the ferry firms could be spared'' from the "
        "levy, had the council not voted. Ferry operators said they would appeal."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-03-05"}])
    found = candidates(brief.documents)
    said = [c for c in found if c.sentence.text.startswith("The Harbour Daily quoted")]
    quoted = [c for c in found if c.sentence.text.startswith("``There would have been")]
    assert len(said) == len(quoted) == 1
    # Who said it and what was said are one passage: neither is taken alone.
    assert said[0].leads
    assert quoted[0].follows == found.index(said[0])
    assert all(
        p.text != "The Harbour Daily quoted Mayor Ilse Varga as saying." for p in brief.summary
    )


@pytest.mark.model
@pytest.mark.issue(20)
def test_who_the_second_one_to_fall_was_is_told_in_passing() -> None:
    from storybrief.analysis.summarize import _same_content

    recovered, fell = _gists(
        "The Harlow Alpine Rescue Team have recovered the body of the second climber to "
        "fall to his death in Harlow National Park over the weekend.",
        "A second climber has fallen to his death in Harlow National Park over the weekend.",
    )
    # The fall is which climber it was: told in passing, however the parser attaches it.
    assert "fall" in recovered.asides
    # The death alone is no second source for the recovery of the body.
    assert not _same_content(recovered, fell, 0.5)
    # The same recovery told again is one.
    again = _gists(
        "The Harlow Alpine Rescue Team recovered the body of the second climber in "
        "Harlow National Park over the weekend.",
    )[0]
    assert _same_content(recovered, again, 0.5)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_plea_told_only_as_the_time_of_a_return_is_no_support_for_the_plea() -> None:
    from storybrief.analysis.summarize import _same_content

    pleaded, returned, again = _gists(
        "Tomas Lind pleaded guilty to obstruction of justice in July 1973.",
        "After Mr. Lind pleaded guilty and served his sentence in 1973, he returned to "
        "Calder, where he worked in the family timber business, his nephew said.",
        "Tomas Lind returned to Calder after serving his sentence, and worked in the family "
        "timber business.",
    )
    # "After ... pleaded guilty" is the time of the return (a verb of saying or not).
    assert "plead" in returned.asides
    assert not _same_content(pleaded, returned, 0.5, strict=True)
    # The return is what both assert.
    assert _same_content(again, returned, 0.5, strict=True)


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_happened_a_span_of_time_later_follows_what_it_is_later_than() -> None:
    def standing(sentence: str) -> bool:
        text = f"Harlow wins\n\nThe Calder Rovers scored first in the third quarter. {sentence}"
        brief = storybrief.brief([{"text": text, "published": "2024-03-05"}])
        found = candidates(brief.documents)
        return any(c.sentence.text == sentence and c.follows is None for c in found)

    # Later than what? Only after the sentence that tells it.
    assert not standing("Tomas Lind hit a 47-yard field goal moments later to tie the game.")
    assert not standing("Police arrived minutes later and found the car.")
    # A day of its own, or later than what it says, stands alone; so does a bare "later".
    assert standing("Police arrived two days later, on Friday, and found the car.")
    assert standing("The stadium opened a week later than planned.")
    assert standing("The club later revised the attendance to 14,000.")


@pytest.mark.model
@pytest.mark.issue(20)
def test_says_again_what_one_agreed_to_do_and_the_speaker_of_it() -> None:
    from storybrief.analysis.summarize import _leads_again, _says_again

    will_buy, signed, agreed, deal, bought, other, police = _gists(
        "Northwind Foods will acquire Kessel Farms, a dairy maker, for $212 million.",
        "Northwind Foods said it has signed a definitive agreement to acquire Kessel Farms"
        " for about $212 million.",
        "Northwind Foods said on Monday it has agreed to acquire Kessel Farms.",
        "Northwind Foods on Tuesday announced a deal to acquire Kessel Farms for $212 million.",
        "Northwind Foods acquired Kessel Farms for $212 million.",
        "Northwind Foods said it has signed a definitive agreement to acquire Brandt Mills.",
        "Police said he was arrested in Calder on Monday.",
    )
    # "said it ...": the company that says it; an agreement or a deal to acquire: the
    # acquisition, one that will be.
    assert "name:northwind" in signed.subjects or signed.subjects & will_buy.subjects
    assert {"acquire"} <= signed.main
    assert "will" in signed.mood
    assert _says_again(signed, will_buy)
    assert _says_again(agreed, will_buy)
    assert _leads_again(deal, will_buy)
    # The sum of a deal to acquire is told, not told in passing; what is paid "of
    # which" is no report the agreement stands for.
    (cash,) = _gists(
        "Northwind Foods today announced it has signed a definitive agreement to acquire"
        " Kessel Farms for approximately $212 million, of which approximately $150 million"
        " will be paid in cash."
    )
    assert "acquire" in cash.main
    assert {v for kind, v, _ in cash.told if kind == "money"} == {212e6, 150e6}
    assert _says_again(cash, will_buy)
    # Done is not agreed; another company acquired is another deal.
    assert not _says_again(bought, will_buy)
    assert not _says_again(other, signed)
    # "he" does not stand for the police who say it.
    assert not police.subjects


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_first_person_sentence_outside_quotation_marks_comes_after_its_speaker() -> None:
    text = "\n\n".join(
        [
            "Calder names a new harbour master",
            "The port of Calder named Ruth Amsel its harbour master on Monday.",
            'Amsel, 52, said: "Being asked to run this port is a privilege.',
            "Like the dockworkers themselves I find myself in a state of awe and delight.",
            "I cannot wait to get started.",  # (the page lost the closing mark)
            "The port handled 4 million tonnes of cargo last year.",
        ]
    )
    brief = storybrief.brief([{"text": text}])
    found = candidates(brief.documents)
    by_text = {c.sentence.text: c for c in found}
    awe = next(c for t, c in by_text.items() if t.startswith("Like the dockworkers"))
    # The quotation's middle, its marks lost across paragraphs, comes only after the
    # sentence before it; the port's facts stand alone.
    assert awe.follows is not None
    assert found[awe.follows].sentence.text.startswith("Amsel, 52, said")
    assert by_text["The port handled 4 million tonnes of cargo last year."].follows is None


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_sum_of_money_told_twice_is_one_fact() -> None:
    from storybrief.analysis.summarize import _sums_again

    will, paying, ohio, texas, denied, euros, aside = _gists(
        "Northwind Foods will acquire Kessel Farms for $212 million.",
        "Northwind Foods is paying US$212 million for Kessel Farms, including $150 million"
        " in cash.",
        "Ohio fined the company $2 million.",
        "Texas fined the company $2 million.",
        "Northwind Foods did not pay $212 million for Kessel Farms.",
        "The town of Calder raised 212 million euros.",
        "Kessel Farms, which Northwind Foods bought for $212 million, closed a plant.",
    )
    assert _sums_again(will, paying)
    # Places apart, one denied, another currency, a sum told in passing: not one fact.
    assert not _sums_again(ohio, texas)
    assert not _sums_again(will, denied)
    assert not _sums_again(will, euros)
    assert not _sums_again(will, aside)


@pytest.mark.model
@pytest.mark.issue(20)
def test_leads_of_one_named_subject_within_a_day_tell_one_event() -> None:
    from storybrief.analysis.summarize import _named_leads_again

    host, appear, doubt, air, pro, ohio, texas, role = _gists(
        "Ruth Amsel will run the port of Calder from next year.",
        "Harbour veteran Ruth Amsel will make her second appearance as Calder's port chief"
        " next year, the council said on Friday.",
        "Ruth Amsel does not believe the port will reopen soon.",
        "Northwind Foods bought Kessel Farms on Monday.",
        "Northwind Foods bought Brandt Mills on Monday.",
        "Ruth Amsel will visit Ohio in March.",
        "Ruth Amsel will visit Texas in March.",
        "The harbour master will run the port of Calder from next year.",
    )
    # One named subject, asserted alike, in other words: one event.
    assert _named_leads_again(host, appear)
    # Denied, another named object, places apart, a role alone: not one event.
    assert not _named_leads_again(host, doubt)
    assert not _named_leads_again(air, pro)
    assert not _named_leads_again(ohio, texas)
    assert not _named_leads_again(host, role)


@pytest.mark.model
@pytest.mark.issue(20)
def test_who_says_it_is_not_what_is_said() -> None:
    from storybrief.analysis.summarize import _same_content

    cargo, fees, cargo_again = _gists(
        '"Cargo is the fastest growing part of the port\'s business," said Ruth Amsel,'
        " Senior Vice President and General Manager, Harbour Operations.",
        '"We are not planning to raise fees," said Ruth Amsel, who recently joined the port'
        " to serve as senior vice president and general manager for harbour operations.",
        "Ruth Amsel said cargo is the fastest growing part of the port's business.",
    )
    # The speaker's title and what is told of her are no words of the remark.
    assert not {"manager", "serve", "join"} & (cargo.words | fees.words)
    # Two remarks of one speaker on two matters: no second source of each other.
    assert not _same_content(cargo, fees, 0.4)
    assert _same_content(cargo, cargo_again, 0.4)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_speaker_quoted_low_in_many_documents_needs_an_introduction() -> None:
    from storybrief.analysis.summarize import _introductions, candidates
    from storybrief.nlp import load_nlp, parse_articles
    from tests.conftest import build_article

    lead = (
        "Northwind Foods will acquire Kessel Farms for $212 million, the companies said. "
        "The deal gives Northwind a dairy business in three states. "
        "Shares of Northwind rose 4 percent in early trading on Monday. "
    )
    texts = [
        lead + "Kessel Farms chief executive Ruth Amsel will join Northwind's board. "
        '"We were built to make milk cheaper for every family," said Amsel.',
        lead + 'Amsel said the farms would keep their names. "Nothing changes," Amsel said.',
    ]
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(texts)], load_nlp())
    found = candidates(docs)
    needing = dict(_introductions(docs, found))
    # Amsel speaks in every document, but none opens with her: the brief's reader meets
    # her only where a sentence says who she is.
    said = next(i for i, c in enumerate(found) if "said Amsel" in c.sentence.text)
    assert any("chief executive Ruth Amsel" in found[j].sentence.text for j in needing[said])
    # Named where the reports open, the speaker is the story's own.
    opened = [f"Ruth Amsel sold Kessel Farms to Northwind Foods on Monday. {t}" for t in texts]
    docs = parse_articles([build_article(t, f"d{k}") for k, t in enumerate(opened)], load_nlp())
    found = candidates(docs)
    said = next(i for i, c in enumerate(found) if "said Amsel" in c.sentence.text)
    assert said not in dict(_introductions(docs, found))
