"""Quality gates for entities and quotes on the seeds gold and the public sets (eval gates)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import pytest

import storybrief
from storybrief.evaluate import coverage
from storybrief.model import SpanRef

from .conftest import SEEDS_GOLD, SHARED, load_benchmark
from .gold.pin import BASELINE, floor, floors, load


def _floors() -> dict[str, Any]:
    """The pinned floors (tests/gold/pin.py), checked against their history."""
    return {name: floor(name) for name in floors(load(BASELINE))}


def _doc_ids(brief: Any, names: set[str]) -> dict[str, str]:
    return {
        name: d.id
        for d in brief.documents
        for name in names
        if str(d.article.source).endswith(name)
    }


def test_seed_entities_meet_the_gold(seeds_brief: Any) -> None:
    gold = json.loads((SEEDS_GOLD / "entities.json").read_text(encoding="utf-8"))
    # score_seeds(brief, gold) is score_entities on the brief's entities, which it reads as dicts.
    score = load_benchmark("entities").score_entities(
        seeds_brief.documents, [e.to_dict() for e in seeds_brief.entities], gold
    )
    assert score["forms_found"] >= 0.9 * score["forms_total"], score["missing"]
    assert score["pairwise_f1"] >= 0.90, (score["split"], score["merged"])
    assert score["apart"] == score["must_not_merge"], score["merged"]
    assert score["person_typed"] == score["person_total"]


def test_every_entity_mention_is_traceable(seeds_brief: Any) -> None:
    for entity in seeds_brief.entities:
        assert entity.aliases
        assert entity.mentions
        for m in entity.mentions:
            span = m.span
            assert (
                seeds_brief.document(span.doc_id).article.text[span.start : span.end] == span.text
            )
    linked = [m for m in seeds_brief.mentions if m.entity_id is not None]
    assert len(linked) > 0.9 * len([m for m in seeds_brief.mentions if m.label == "PERSON"])


def _gold_entity_ids(brief: Any, gold_entities: dict[str, Any]) -> dict[str, set[str]]:
    """Gold canonical name -> the system entities its forms were resolved to."""
    docs = _doc_ids(brief, {d for c in gold_entities["clusters"] for d in c["docs"]})
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in brief.entities:
        for m in e.mentions:
            spans[m.span.doc_id].append((m.span.start, m.span.end, e.id))
    out: dict[str, set[str]] = defaultdict(set)
    for cluster in gold_entities["clusters"]:
        for doc in cluster["docs"]:
            doc_id = docs[doc]
            text = brief.document(doc_id).article.text
            for form in cluster["forms"]:
                for match in re.finditer(re.escape(form), text):
                    out[cluster["canonical"]] |= {
                        eid for s, e, eid in spans[doc_id] if s < match.end() and match.start() < e
                    }
    return out


def test_seed_quotes_are_found_with_their_speakers(seeds_brief: Any) -> None:
    gold = json.loads((SEEDS_GOLD / "quotes.json").read_text(encoding="utf-8"))
    gold_entities = json.loads((SEEDS_GOLD / "entities.json").read_text(encoding="utf-8"))
    entity_ids = _gold_entity_ids(seeds_brief, gold_entities)
    docs = _doc_ids(seeds_brief, {q["doc"] for q in gold["quotes"] + gold["not_quotes"]})
    direct = [q for q in seeds_brief.quotes if q.kind == "direct"]
    found = right = 0
    for g in gold["quotes"]:
        hits = [
            q
            for q in direct
            for s in q.sources
            if s.doc_id == docs[g["doc"]]
            and coverage(g["text"], seeds_brief.document(s.doc_id).article.text[s.start : s.end])
            >= 0.8
        ]
        if not hits:
            continue
        found += 1
        q = hits[0]
        if g["speaker"] in entity_ids:
            right += q.entity_id in entity_ids[g["speaker"]]
        else:  # an anonymous or collective source: the phrase must name it
            accepted = [g["speaker"], *re.findall(r"'([^']+)'", g.get("speaker_kind", ""))]
            words = set((q.speaker or "").lower().split())
            right += any(words & set(a.lower().split()) for a in accepted)
    floors = _floors()
    assert found / len(gold["quotes"]) >= floors["quotes_seeds_recall"]
    assert right / found >= floors["quotes_seeds_speaker_accuracy"]
    for bad in gold["not_quotes"]:
        assert not any(
            q.text.strip(" .,").lower() == bad["text"].lower() and q.doc_id == docs[bad["doc"]]
            for q in direct
        )


def test_quote_offsets_point_at_the_quotation(seeds_brief: Any) -> None:
    assert any(q.kind == "indirect" for q in seeds_brief.quotes)
    for q in seeds_brief.quotes:
        for s in q.sources:
            text = seeds_brief.document(s.doc_id).article.text[s.start : s.end]
            assert coverage(q.text, text) >= 0.9 or coverage(text, q.text) >= 0.9
        first = seeds_brief.document(q.doc_id).article.text[q.start : q.end]
        assert SpanRef(q.doc_id, q.start, q.end) == q.sources[0]
        assert first.strip()
        assert q.speaker_kind in {"named", "pronoun", "anonymous", "collective", "unknown"}
        assert (q.entity_id is None) == (q.speaker_name is None)


@pytest.mark.parametrize("set_name", ["newswcl50", "meantime"])
def test_entity_resolution_beats_exact_strings_on_public_sets(set_name: str) -> None:
    if not (SHARED / "eval" / {"meantime": "meantime_en"}.get(set_name, set_name)).is_dir():
        pytest.skip(f"{set_name} not found")
    from storybrief.analysis.entities import NameMention, resolve_mentions
    from storybrief.evaluate import b_cubed

    bench = load_benchmark("entities")
    gold_set = {"newswcl50": bench.load_newswcl50, "meantime": bench.load_meantime}[set_name]()
    by_topic: dict[str, list[Any]] = defaultdict(list)
    for mention in gold_set.mentions:
        by_topic[mention.topic].append(mention)
    gold: list[str] = []
    ours: list[str] = []
    exact: list[str] = []
    for topic, members in sorted(by_topic.items()):
        members.sort(key=lambda m: (m.doc_id, m.position))
        names = [NameMention(m.doc_id, m.text, m.gold_label) for m in members]
        gold += [f"{topic}:{m.chain}" for m in members]
        ours += [f"{topic}:{c}" for c in resolve_mentions(names)]
        exact += [f"{topic}:{c}" for c in bench.exact_string(names)]
    f1 = b_cubed(gold, ours)[2]
    assert f1 > b_cubed(gold, exact)[2]
    assert f1 >= _floors()[f"entities_{set_name}_b3_f1"]


@pytest.mark.skipif(
    not (SHARED / "eval" / "polnear").is_dir(), reason="PolNeAR not found beside the project"
)
def test_direct_quotes_with_sources_on_a_polnear_slice() -> None:
    """Quote + right source F1 on the first 30 PolNeAR test articles stays above its floor.

    The comparison with textacy is in benchmarks/quotes.py (all 84 test articles).
    """
    import storybrief
    from storybrief.nlp import load_nlp

    bench = load_benchmark("quotes")
    heads = bench.make_heads(load_nlp())
    total = bench.Tally()
    for article in bench.load_polnear(30):
        brief = storybrief.brief([{"text": article.text}])
        quotes = [q.to_dict() for q in brief.quotes]
        total.add(bench.score_polnear(quotes, article.gold, article.ignored, heads))
    assert total.gold > 100
    assert total.scores(with_speaker=True)[2] >= _floors()["quotes_polnear30_f1_with_source"]


def test_a_name_after_a_title_the_tagger_missed_is_its_own_person() -> None:
    text = (
        "Flood hits Calder\n\n"
        "Mayor Ana Ruiz said rescuers were still searching for nine people. "
        '"We have lost neighbours," Mayor Ana Ruiz said at the town hall.\n\n'
        "Fire chief Carlos Ruiz, who is not related to the mayor, said his crews had "
        "pulled 37 people from rooftops overnight."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-06-10"}])
    people = {e.canonical for e in brief.entities if e.type == "PERSON"}
    assert {"Ana Ruiz", "Carlos Ruiz"} <= people
    (quote,) = [q for q in brief.quotes if "lost neighbours" in q.text]
    assert quote.speaker_name == "Ana Ruiz"


def test_she_said_goes_to_the_person_who_spoke_last_even_in_indirect_speech() -> None:
    text = (
        "Flood count\n\n"
        "Dr. Hugo Salas, the hospital director, said three of the victims had died in "
        'intensive care. "The official count does not yet include them," Salas said.\n\n'
        "Civil protection spokeswoman Marta Lind said the agency would review the figure. "
        '"We count only cases that a coroner has confirmed," she said.\n\n'
        "A bank manager, Rita Holloway, 52, testified that she had raised concerns. "
        '"I wrote three emails to the board," she said.'
    )
    brief = storybrief.brief([{"text": text, "published": "2024-06-12"}])
    speaker = {q.text: q.speaker_name for q in brief.quotes if q.kind == "direct"}
    assert speaker["We count only cases that a coroner has confirmed"] == "Marta Lind"
    assert speaker["I wrote three emails to the board"] == "Rita Holloway"


def test_a_given_name_alone_joins_the_one_person_of_that_name() -> None:
    texts = [
        {
            "text": "Fraud trial\n\nSamuel Okoro told the jury on Thursday that his brother "
            "Daniel Okoro had run the scheme. Samuel said he had only followed orders.",
            "published": "2024-11-22",
        },
        {
            "text": "Verdicts\n\nThe judge jailed Daniel Okoro for six years, and his brother "
            "Samuel was sentenced to 30 months, the court heard.",
            "published": "2024-12-13",
        },
    ]
    brief = storybrief.brief(texts)
    people = {e.canonical: e for e in brief.entities if e.type == "PERSON"}
    assert "Samuel" not in people
    assert "Samuel" in people["Samuel Okoro"].aliases
    assert "Samuel" not in people["Daniel Okoro"].aliases


def test_a_name_with_an_age_or_a_person_noun_in_apposition_is_a_person() -> None:
    text = (
        "Flood victims\n\n"
        "Among the dead was an 84-year-old woman, Pilar Esteve, who was found in her flat. "
        "Her neighbour, Tomas Ferreira, 59, said she had refused to leave."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-06-12"}])
    types = {e.canonical: e.type for e in brief.entities}
    assert types.get("Pilar Esteve") == "PERSON"
    assert types.get("Tomas Ferreira") == "PERSON"
