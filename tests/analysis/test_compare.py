"""Sources compared: kind with its signals, what only each adds, overlap and reuse."""

from __future__ import annotations

import re
from typing import Any

import pytest

import storybrief
from storybrief.analysis import compare
from storybrief.analysis.compare import classify, compare_sources
from storybrief.model import ParsedArticle, SourceProfile
from tests.conftest import EXAMPLES, build_parsed

# --- Hand-built documents: kinds, contributions, overlap, no model --------------------------


def _piece(text: str) -> ParsedArticle:
    """A document of sentences of bare tokens, but "said" is a speech verb (a cue)."""
    said = ("said", "say", "VERB", "VBD", "ROOT", None)
    sentences = [
        [said if word == "said" else word for word in re.findall(r"\w+|[^\w\s]", sentence)]
        for sentence in re.findall(r"\S.*?[.!?]\"?(?=\s|$)", text)
    ]
    return build_parsed(text, sentences)


CATALOGUE = " ".join(f"Section {n} of the plan covers the harbour." for n in range(1, 14))


@pytest.mark.parametrize(
    ("text", "quotes", "kind", "signal"),
    [
        (
            "The council approved the harbour plan on Friday, its chair said.",
            0,
            "report",
            "attribution 1.00 cues or quotes per sentence",
        ),
        (
            "We contend that the harbour plan is a mistake.",
            0,
            "opinion",
            "the writer takes a stance: “We contend”",
        ),
        (
            f"Of course, the plan was always going to pass. {CATALOGUE}",
            0,
            "analysis",
            "evaluative or sarcastic asides ×1",
        ),
        # "We" and "must" in quotation marks are the speaker's, not the writer's.
        (
            'The chair said: "We must build it, and we will."',
            1,
            "report",
            "attribution 2.00 cues or quotes per sentence",
        ),
        # An episode's synopsis under its title: "Part I" numbers the episode (judge11).
        (
            "Harbour Wars Part I\n\nThe two captains are at war over the north basin. When "
            "the council closes it, the ferries stop for good.",
            0,
            "report",
            "attribution 0.00 cues or quotes per sentence",
        ),
        (
            "Harbour Wars Part I\n\nThe two captains are at war over the north basin. I was "
            "there. I saw it. I have my doubts.",
            0,
            "opinion",
            "writer's first person outside quotes in 1 paragraph",
        ),
        # The reader's questions as subheads and the page's "Follow us" are not the
        # writer speaking (judge13: an astronomy page called opinion).
        (
            "Harbour lights\n\nWhen can I see the harbour lights?\n\nThe lights go on at"
            " dusk on Friday.\n\nDo I need a ticket?\n\nNo ticket is needed for the pier."
            "\n\nCan I bring my dog?\n\nDogs are welcome on a lead.\n\nFollow us on Twitter.",
            0,
            "analysis",
            "questions as subheads ×3",
        ),
        # "Our" and "us" are mostly all of us: "our sun", "our galaxy" (judge13).
        (
            "Calder observatory\n\nOur sun will pass behind the moon on Friday morning."
            "\n\nOur galaxy holds more stars than the Calder astronomers had counted.\n\n"
            "The view from us to the moon will be clear over Calder on Friday.",
            0,
            "report",
            "attribution 0.00 cues or quotes per sentence",
        ),
        # The newsroom's "we" at its work is reporting, not the writer's view.
        (
            "Calder ferries\n\nThe ferry company will close the north pier on Friday. We "
            "have asked the company when it will open again.\n\nAs we reported earlier, "
            "the pier has been closed twice this year.\n\nThe council met on Monday.",
            0,
            "report",
            "attribution 0.00 cues or quotes per sentence",
        ),
        # The page's own word that the piece is its writer's view.
        (
            "The author is a Calder Post columnist. The opinions expressed are his own."
            "\n\nThe harbour board raised the pilot's pay by a fifth, the board said.",
            0,
            "opinion",
            "the page says it is the writer's view: “The author is a Calder Post columnist”",
        ),
    ],
    ids=[
        "report",
        "opinion",
        "analysis",
        "quoted we",
        "numeral i",
        "first person i",
        "faq",
        "our",
        "newsroom we",
        "disclaimer",
    ],
)
def test_compare_kind_and_the_signal_that_decides_it(
    text: str, quotes: int, kind: str, signal: str
) -> None:
    found, signals = classify(_piece(text), quotes)
    assert found == kind
    assert signal in signals
    if kind != "opinion":
        assert not any("first person" in s or "stance" in s for s in signals)


SHARED_SENTENCE = "The council approved the harbour plan on Friday after a long debate."
ONLY_B = "Residents of the old town protested outside the hall in the rain."


def _two_sources() -> tuple[ParsedArticle, ParsedArticle]:
    return (
        build_parsed(SHARED_SENTENCE, doc_id="a"),
        build_parsed(f"{SHARED_SENTENCE} {ONLY_B}", doc_id="b"),
    )


def test_compare_a_sentence_only_one_document_has_is_its_contribution() -> None:
    a, b = _two_sources()
    profiles, _ = compare_sources([a, b], (), (), ())
    first, second = profiles
    assert [(c.text, b.article.text[c.start : c.end]) for c in second.contributions] == [
        (ONLY_B, ONLY_B)
    ]
    assert second.contributions_note is None
    assert first.contributions == ()
    assert first.contributions_note is not None
    assert first.contributions_note.startswith("none")


def test_compare_overlap_is_the_share_of_sentences_the_other_carries() -> None:
    a, b = _two_sources()
    _, overlap = compare_sources([a, b], (), (), ())
    assert overlap.documents == ("a", "b")
    assert overlap.shared == ((None, 1.0), (0.5, None))
    (reuse,) = overlap.reuse
    assert (reuse.a.doc_id, reuse.b.doc_id, reuse.text) == ("a", "b", SHARED_SENTENCE)


FERRY = "The night ferry to the islands was cancelled because of the storm."
FEES = "Harbour fees will rise next spring for every owner of a boat."
MARKET = "The fish market on the quay reopened after its roof was repaired."
LIGHTHOUSE = "Volunteers repainted the old lighthouse at the end of the pier."
BRIDGE = "Engineers inspected the swing bridge before the summer season began."


def test_compare_a_large_cluster_compares_near_documents_yet_finds_far_copies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each document meets only its nearest (here 1): a and b, c and d. The market
    sentence of a is also in c, far from a: a pair not compared has no overlap share,
    but the market sentence is still no contribution of a's (a second look)."""
    monkeypatch.setattr(compare, "NEAREST_DOCUMENTS", 1)
    a = build_parsed(f"{FERRY} {FEES} {MARKET}", doc_id="a")
    b = build_parsed(f"{FERRY} {FEES}", doc_id="b")
    c = build_parsed(f"{MARKET} {LIGHTHOUSE} {BRIDGE}", doc_id="c")
    d = build_parsed(f"{LIGHTHOUSE} {BRIDGE}", doc_id="d")
    e = build_parsed("Calm again.", doc_id="e")  # last, and no sentence long enough to compare
    profiles, overlap = compare_sources([a, b, c, d, e], (), (), ())
    assert overlap.shared[4] == (None,) * 5
    assert (overlap.shared[0][1] or 0) > 0
    assert overlap.shared[0][2] is None  # a and c: not compared, not "0%"
    assert (overlap.shared[2][3] or 0) > 0
    by_id = {p.doc_id: p for p in profiles}
    assert by_id["a"].contributions == ()  # the market sentence is c's too
    assert [x.text for x in by_id["c"].contributions] == []
    monkeypatch.setattr(compare, "NEAREST_DOCUMENTS", 30)  # every pair: the same verdicts
    profiles, overlap = compare_sources([a, b, c, d], (), (), ())
    assert overlap.shared[0][2] == round(1 / 3, 2)
    assert {p.doc_id: p.contributions for p in profiles}["a"] == ()


# --- The seeds and the example (the English model) ------------------------------------------


def _source(brief: Any, name: str) -> SourceProfile:
    doc = next(d for d in brief.documents if d.article.source.endswith(name))
    return next(s for s in brief.sources if s.doc_id == doc.id)


@pytest.mark.model
def test_seed_kinds_and_their_signals(seeds_brief: Any) -> None:
    commentary = _source(seeds_brief, "004_ca769873db705c5c.txt")
    assert commentary.kind in {"opinion", "analysis"}
    assert any("first person" in s or "stance" in s for s in commentary.signals)
    for name in ("001_8056b7e6942b9be6.txt", "003_113f131c5443b38d.txt"):
        assert _source(seeds_brief, name).kind == "report", name
    wire = _source(seeds_brief, "003_113f131c5443b38d.txt")
    assert any(s.startswith("wire attribution") and "Reuters" in s for s in wire.signals)


@pytest.mark.model
def test_every_source_has_contributions_or_says_none(seeds_brief: Any) -> None:
    for source in seeds_brief.sources:
        assert source.contributions or source.contributions_note.startswith("none")
        text = seeds_brief.document(source.doc_id).article.text
        for c in source.contributions:
            assert text[c.start : c.end] == c.text
        assert source.date_status in {"stated", "estimated", "unknown"}
        assert all(0 <= k < len(seeds_brief.summary) for k in source.omits)


@pytest.mark.model
def test_overlap_matrix_and_wire_reuse_on_the_example() -> None:
    brief = storybrief.brief([EXAMPLES / "harbor-strike"])
    names = {d.id: d.article.source.rsplit("/", 1)[-1] for d in brief.documents}
    assert brief.overlap is not None
    shared = brief.overlap.shared
    assert len(shared) == len(brief.documents)
    assert all(shared[i][i] is None for i in range(len(shared)))
    # The opinion piece quotes the wire's paragraph word for word.
    pairs = {frozenset((names[r.a.doc_id], names[r.b.doc_id])) for r in brief.overlap.reuse}
    assert frozenset(("02_apa_wire.txt", "03_harbour_review.txt")) in pairs
    assert _source(brief, "03_harbour_review.txt").kind == "opinion"
    assert _source(brief, "02_apa_wire.txt").kind == "report"


def test_a_quotation_over_two_paragraphs_is_not_the_writers_first_person() -> None:
    from storybrief.text import outside_quotes

    text = (
        'The minister said: "We will rebuild every home.\n\n'
        '"We will not leave the town alone. The money will come."\n\n'
        "The ministry said aid would rise."
    )
    outside = outside_quotes(text)
    assert len(outside) == len(text)
    assert "We" not in outside
    assert "The ministry said aid would rise." in outside


@pytest.mark.issue(18)
def test_compare_first_person_a_speech_verb_attributes_is_not_the_writers() -> None:
    # A wire report that gives a speaker's words without quotation marks.
    text = (
        "We will rebuild the harbour wall before winter, the mayor said. "
        "We have the money and we have the crews, she said. "
        "Our engineers start on Monday, she said. "
        "The council approved the plan on Friday."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "report"
    assert not any("first person" in s for s in signals)


def test_compare_the_writers_own_first_person_still_counts() -> None:
    text = (
        "We should rebuild the harbour wall before winter. "
        "I think our council has waited too long. "
        "We must act now. The council approved the plan on Friday."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind != "report"
    assert any("first person" in s for s in signals)


# --- Kinds: the classes of error issue #20 names (quoted first person, pull quotes, boxes) ---


@pytest.mark.issue(20)
def test_compare_a_quotation_over_sentence_paragraphs_without_reopening_is_quoted() -> None:
    # Copy that breaks a paragraph per sentence and does not reopen the quotation.
    text = (
        'The activist described the night of his arrest.\n\n"All of a sudden, four men '
        'surrounded me.\n\nI yelled for help.\n\nBut I knew who they were," he said.\n\n'
        "Officials gave no comment on Monday."
    )
    outside = _outside_quotes_of(text)
    assert "I yelled" not in outside
    assert "Officials gave no comment on Monday." in outside
    kind, signals = classify(_piece(text), 1)
    assert kind == "report"
    assert not any("first person" in s for s in signals)


@pytest.mark.issue(20)
def test_compare_a_mark_run_into_both_sentences_opens_or_closes_as_the_quotes_stand() -> None:
    # A page that lost its paragraph breaks: a mark between a sentence's end and the
    # next word closes an open quotation ('the "shelter."After') and opens one where
    # none is open ('her safety."We believe').
    text = (
        'Officials said the girl was taken to a "shelter."After the kidnapping, the man '
        'left. There is still concern for her safety."We believe this girl to be in '
        'imminent danger. Our concern only grows," the sheriff said on Tuesday.'
    )
    outside = _outside_quotes_of(text)
    assert "After the kidnapping, the man left." in outside
    assert "We believe" not in outside
    assert "Our concern" not in outside
    assert "the sheriff said on Tuesday." in outside
    kind, signals = classify(_piece(text), 1)
    assert kind == "report"
    assert not any("stance" in s or "first person" in s for s in signals)


@pytest.mark.issue(20)
def test_compare_a_papers_abstract_speaks_as_its_authors_not_as_a_writer() -> None:
    abstract = (
        "Most birds call with an open beak. Here we describe closed-beak calls of birds"
        " from the Calder archipelago, and we suggest that the trait evolved at least 16"
        " times. We found it only in birds over 100 grams."
    )
    kind, signals = classify(_piece(abstract), 0)
    assert kind == "report"
    assert not any("first person" in s for s in signals)
    # "Here we are", "Here we go": a columnist's, not a paper's.
    column = abstract.replace("Here we describe", "Here we are with")
    kind, signals = classify(_piece(column), 0)
    assert any("first person" in s for s in signals)


@pytest.mark.issue(20)
def test_compare_a_states_abbreviation_is_no_writers_i() -> None:
    item = (
        "Rep. Ann Pell, D-R.I., on Friday endorsed the harbour plan.\n\n"
        "Pell chairs the party's campaign committee.\n\n"
        '"The plan is right for Calder," Pell said in a statement.'
    )
    kind, signals = classify(_piece(item), 1)
    assert kind == "report"
    assert not any("first person" in s for s in signals)
    # The writer's own "I" still counts.
    kind, signals = classify(_piece(item.replace("Pell chairs", "I think Pell chairs")), 1)
    assert any("first person" in s for s in signals)


@pytest.mark.issue(20)
def test_compare_a_review_is_known_by_its_credits_box() -> None:
    review = (
        "Mill Town\n\nDirected by Ana Pell\n\nWith Tom Reyes, Ida Marsh and Olu Baker"
        "\n\nOpens Friday\n\nThe mill stands at the edge of the town. A widow runs it"
        " with her son, and a stranger comes to stay for the winter. The town watches."
    )
    kind, signals = classify(_piece(review), 0)
    assert kind == "opinion"
    assert signals[0].startswith("a review: “Directed by A")
    # One cue is no review: a story on a film's making names its director.
    story = (
        "Mill Town\n\nDirected by Ana Pell, the film was shot in the town last"
        " winter. The town council gave the crew the mill for six weeks, the council said."
    )
    kind, signals = classify(_piece(story), 1)
    assert kind == "report"
    assert not any(s.startswith("a review") for s in signals)


def _outside_quotes_of(text: str) -> str:
    from storybrief.text import outside_quotes

    found = outside_quotes(text)
    assert len(found) == len(text)
    return found


@pytest.mark.issue(20)
def test_compare_a_quotation_never_closed_is_quoted_to_its_paragraphs_end() -> None:
    text = (
        'He turned to the prime minister. "Nothing will happen to you that we will not '
        "fight for.\n\nThe two leaders met again in May."
    )
    outside = _outside_quotes_of(text)
    assert "we will not" not in outside
    assert "The two leaders met again in May." in outside


@pytest.mark.issue(20)
def test_compare_a_reader_comment_trailer_is_not_the_writers_voice() -> None:
    text = (
        "The senator called the strikes an impeachable offense.\n\n"
        "This discussion is now closed.\n\nWe welcome comments on our articles for a "
        "limited period.\n\nOur legal research platform serves our customers."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "report"
    assert not any("first person" in s for s in signals)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "asides"),
    [
        ("Relatives gathered on Saturday to remember their loved ones near the site.", 0),
        ("Remember, the council promised the wall two years ago.", 1),
    ],
    ids=["remember a verb", "remember the writer's aside"],
)
def test_compare_remember_is_an_aside_only_as_the_writers_imperative(
    text: str, asides: int
) -> None:
    _, signals = classify(_piece(text), 0)
    found = [s for s in signals if s.startswith("evaluative or sarcastic asides")]
    assert found == ([f"evaluative or sarcastic asides ×{asides}"] if asides else [])


@pytest.mark.issue(20)
def test_compare_a_speakers_unmarked_first_person_in_one_paragraph_is_one_signal() -> None:
    # A quotation whose opening mark the source dropped: the speaker's "I" three times
    # in one paragraph, amid a report.
    report = " ".join(f"Section {n} of the treaty covers trade." for n in range(1, 12))
    text = (
        "The president praised the prime minister in January. But I can tell you it is "
        "true. I have a tremendous respect for her. And I think the feeling is mutual.\n\n"
        f"{report}"
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "report"
    assert "writer's first person outside quotes in 1 paragraph" in signals


@pytest.mark.issue(20)
def test_compare_a_contributors_commentary_is_opinion() -> None:
    text = (
        "By Jane Roe, Special to CNN.\n\nTwo weeks of strikes have not broken the regime. "
        "The country is more divided than the world had feared. Reconciliation will be the "
        "only means to avert a long war. Civilians would undoubtedly become targets."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "opinion"
    assert "contributor's piece: “Special to CNN”" in signals


@pytest.mark.issue(20)
def test_compare_an_editorial_reprinted_by_the_wire_is_opinion() -> None:
    text = (
        "The Calder Ledger said in an editorial on Saturday, Oct. 10: The council voted to "
        "close the old pier. The mayor said the repairs would take a year. The union said "
        "the workers would be moved to the north quay."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "opinion"
    assert signals[0] == "an editorial, as its opening says"
    later = "The council voted to close the old pier, the Ledger said in an editorial."
    assert classify(_piece("The pier closed on Monday. " * 15 + later), 0)[0] == "report"


def test_compare_a_contributors_report_that_quotes_stays_a_report() -> None:
    text = (
        "By Jane Roe, Special to CNN.\n\nThe mayor said the harbour would reopen. "
        "The union said the strike was over. The port authority said ships were waiting."
    )
    kind, _ = classify(_piece(text), 0)
    assert kind == "report"


@pytest.mark.issue(20)
def test_compare_a_chronology_box_is_analysis() -> None:
    text = (
        "A look at the key events of the rescue.\n\n"
        "-- Aug. 12: The submarine sinks during exercises.\n\n"
        "-- Aug. 13: Ships search for the submarine.\n\n"
        "-- Aug. 14: The navy announces the accident.\n\n"
        "-- Aug. 15: Rescue capsules are lowered."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "analysis"
    assert "paragraphs opening with a date or time: 4 of 5" in signals


@pytest.mark.issue(20)
def test_compare_an_explainer_with_question_subheads_is_analysis() -> None:
    body = " ".join(f"Clause {n} of the agreement sets a quota." for n in range(1, 6))
    text = (
        f"The president arrives in July.\n\nWhat will be missing?\n\n{body}\n\n"
        f"What is in it for Britain?\n\n{body}\n\nWho gets a state visit?\n\n{body}"
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "analysis"
    assert "questions as subheads ×3" in signals


@pytest.mark.issue(20)
def test_compare_interpretation_given_to_analysts_is_analysis() -> None:
    text = (
        "Weeks of unrest prompted the army to act, analysts say. "
        "The unions joining the protests signalled the end, analysts say. "
        "The army feared for its own standing, analysts say. "
        "The square filled again on Thursday."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "analysis"
    assert "analysts or experts say ×3" in signals
    # A wire's copy that gives its analysts' view reports what they say.
    for wire in ("CALDER (AP) -- ", "CALDER, Norland (Reuters) - "):
        kind, signals = classify(_piece(wire + text), 0)
        assert kind == "report"
        assert "analysts or experts say ×3" in signals
    # A wire named in the story is no dateline.
    kind, _ = classify(_piece(text + " The army told Reuters (AP) nothing."), 0)
    assert kind == "analysis"


@pytest.mark.issue(20)
def test_compare_an_attributed_should_is_reporting() -> None:
    text = (
        "The minister said the council should approve the plan. "
        "The council must vote by Friday, she said. The vote is on Friday."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "report"
    assert not any("should/must" in s for s in signals)
