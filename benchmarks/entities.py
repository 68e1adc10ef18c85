"""Cross-document named-entity resolution: storybrief next to string baselines.

    python benchmarks/entities.py [--sets seeds,newswcl50,meantime] [--labels gold|tagger]

seeds: the brief of ../shared/seeds against seeds-gold/entities.json. Each gold
form is looked up (case-sensitive, whole words) in the cleaned text of its
cluster's documents; it is found when a system entity's mention overlaps an
occurrence, and its system entity is the one hit most often. Pairwise P/R/F1
over the found forms (gold cluster vs system entity), ``must_not_merge`` pairs
kept apart, and PERSON clusters whose system entity is typed PERSON.

newswcl50 and meantime: the datasets' gold mentions, restricted to named ones,
resolved topic by topic (NewsWCL50's 10 events, MEANTIME's 4 corpora: cross-
document coreference is scored within a topic) and scored by B³, micro over
all mentions (cluster ids prefixed by topic). A mention is named when its
syntactic head is a proper noun (PROPN) or lies inside a spaCy name entity
(PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE):
MEANTIME carries both facts (``mention_head_pos``, ``mention_ner``, computed
with spaCy by Diverse_CDCR_datasets); NewsWCL50 carries neither, so its gold
tokens are parsed here with storybrief's spaCy pipeline and the span's root is
checked. NewsWCL50 ACTION chains (verb phrases) and ACTOR-I chains (catch-alls
of unrelated minor individuals, e.g. "Michael J. Green", "Rex Tillerson") are
left out, and in both sets a span annotated in two chains is dropped.
MEANTIME's chain is the instance id without the provenance prefix the export
adds ("cross_", "intra_", "cross_intra_"), which otherwise splits one entity
into up to three chains. The systems see each mention's gold text up to its first comma or opening
parenthesis (appositions and defined acronyms cut), detokenized, and a label:
the dataset's type mapped to spaCy's (``gold``, default) or the spaCy label
of the head (``tagger``). Baselines in the same run: mentions clustered by
exact normalized string (casefolded, whitespace collapsed, leading "the" and
trailing possessive removed, dots removed), and every mention alone.
Prints the tables and saves them under benchmarks/results/.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import storybrief
from storybrief.analysis import entities as entities_module
from storybrief.analysis.entities import NameMention, resolve_mentions
from storybrief.evaluate import b_cubed, pairwise
from storybrief.model import Brief, Mention, ParsedArticle

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds-gold" / "entities.json"
EVAL = SHARED / "eval"
NEWSWCL50 = EVAL / "newswcl50"
MEANTIME = EVAL / "meantime_en"
RESULTS = Path(__file__).resolve().parent / "results"
SETS = ("seeds", "newswcl50", "meantime")

# spaCy labels that name things; dates, numbers and money are not entities.
NAME_LABELS = frozenset(
    (
        *("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"),
        *("EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"),
    )
)
# Dataset types to spaCy labels, where the meaning is plain; other types get None.
# MEANTIME's LOCATION class is mostly countries and cities, which spaCy tags GPE.
MEANTIME_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "PRODUCT"}
NEWSWCL50_LABELS = {"ACTOR": "PERSON", "COUNTRY": "GPE"}
NEWSWCL50_LEFT_OUT = frozenset(("ACTION", "ACTOR-I"))

COMMON_NOTE = (
    "Systems see the gold text up to its first comma or opening parenthesis, detokenized; "
    "spans annotated in two chains are dropped; B³ micro over mentions, per-topic clusters."
)


# ---------------------------------------------------------------------------
# Seeds


def score_seeds(brief: Brief, gold: Mapping[str, Any]) -> dict[str, Any]:
    """Score a brief's entities against the seeds' entity gold.

    Args:
        brief: the brief of the seeds (its ``entities`` and ``documents``).
        gold: the parsed seeds-gold/entities.json (``clusters``, ``must_not_merge``).

    Returns:
        ``forms_found``/``forms_total``; ``pairwise_p``/``_r``/``_f1`` over the
        found forms (0 when fewer than two are found: gate on ``forms_found``
        too); ``apart``/``must_not_merge`` pairs; ``person_typed``/
        ``person_total``; ``whole``/``clusters_found`` (gold clusters whose found
        forms all map to one entity); and the details ``missing`` (forms),
        ``split`` (cluster → entity names), ``merged`` (violated pairs).
    """
    return score_entities(brief.documents, [e.to_dict() for e in brief.entities], gold)


def score_entities(
    documents: Sequence[ParsedArticle],
    entities: Sequence[Mapping[str, Any]],
    gold: Mapping[str, Any],
) -> dict[str, Any]:
    """``score_seeds`` on any entity list in the brief's JSON form (``id``, ``type``, ``mentions``).

    ``Entity`` records go in as their ``to_dict()``.
    """
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        for m in entity["mentions"]:
            spans[m["doc_id"]].append((m["start"], m["end"], entity["id"]))
    entity_type = {e["id"]: e.get("type") for e in entities}
    entity_name = {e["id"]: e.get("canonical", e["id"]) for e in entities}

    forms_total = 0
    items_gold: list[int] = []
    items_system: list[str] = []
    missing: list[str] = []
    cluster_hits: dict[str, Counter[str]] = {}
    cluster_entities: dict[str, set[str]] = {}
    for index, cluster in enumerate(gold["clusters"]):
        texts = [_document_named(documents, name) for name in cluster["docs"]]
        hits_of_cluster: Counter[str] = Counter()
        mapped: set[str] = set()
        for form in cluster["forms"]:
            forms_total += 1
            hits: Counter[str] = Counter()
            pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
            for doc in texts:
                for match in pattern.finditer(doc.article.text):
                    start, end = match.span()
                    hits.update(e for s, t, e in spans[doc.id] if s < end and start < t)
            if not hits:
                missing.append(f"{cluster['canonical']}: {form!r}")
                continue
            entity_id = hits.most_common(1)[0][0]
            items_gold.append(index)
            items_system.append(entity_id)
            mapped.add(entity_id)
            hits_of_cluster.update(hits)
        cluster_hits[cluster["canonical"]] = hits_of_cluster
        cluster_entities[cluster["canonical"]] = mapped

    # Nothing found would score a vacuous 1.0 (no pairs); call it 0.
    scorable = len(items_gold) > 1
    precision, recall, f1 = pairwise(items_gold, items_system) if scorable else (0.0, 0.0, 0.0)
    merged = [
        f"{a} + {b}"
        for a, b in gold["must_not_merge"]
        if cluster_entities.get(a, set()) & cluster_entities.get(b, set())
    ]
    persons = [c["canonical"] for c in gold["clusters"] if c["type"] == "PERSON"]
    person_typed = sum(
        1
        for name in persons
        if cluster_hits[name]
        and entity_type.get(cluster_hits[name].most_common(1)[0][0]) == "PERSON"
    )
    found = {name: ids for name, ids in cluster_entities.items() if ids}
    split = [
        f"{name} → {' | '.join(sorted(entity_name[e] for e in ids))}"
        for name, ids in found.items()
        if len(ids) > 1
    ]
    return {
        "forms_found": len(items_gold),
        "forms_total": forms_total,
        "pairwise_p": precision,
        "pairwise_r": recall,
        "pairwise_f1": f1,
        "apart": len(gold["must_not_merge"]) - len(merged),
        "must_not_merge": len(gold["must_not_merge"]),
        "person_typed": person_typed,
        "person_total": len(persons),
        "whole": len(found) - len(split),
        "clusters_found": len(found),
        "missing": missing,
        "split": split,
        "merged": merged,
    }


def _document_named(documents: Sequence[ParsedArticle], name: str) -> ParsedArticle:
    """The document read from the file ``name`` (the gold names seed files)."""
    for doc in documents:
        if doc.article.source.replace("\\", "/").endswith("/" + name) or (
            doc.article.source == name
        ):
            return doc
    raise KeyError(f"no document of the brief was read from {name!r}")


def entities_from_clusters(
    mentions: Sequence[Mention], clusters: Sequence[Hashable], prefix: str
) -> tuple[dict[str, Any], ...]:
    """Entity dicts in the brief's form from a clustering of tagger mentions."""
    groups: dict[Hashable, list[Mention]] = defaultdict(list)
    for mention, cluster in zip(mentions, clusters, strict=True):
        groups[cluster].append(mention)
    built = []
    for n, members in enumerate(groups.values(), 1):
        labels = Counter(m.label for m in members)
        texts = Counter(m.span.text for m in members)
        built.append(
            {
                "id": f"{prefix}{n}",
                "canonical": texts.most_common(1)[0][0],
                "type": labels.most_common(1)[0][0],
                "mentions": [m.span.to_dict() for m in members],
            }
        )
    return tuple(built)


def evaluate_seeds() -> list[str]:
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    start = time.perf_counter()
    brief = storybrief.brief([SEEDS])
    brief_seconds = time.perf_counter() - start
    tagged = [m for m in brief.mentions if m.label in NAME_LABELS]
    names = [NameMention(m.span.doc_id, m.span.text, m.label) for m in tagged]
    systems: dict[str, dict[str, Any]] = {}
    if brief.entities:
        systems["storybrief brief.entities"] = score_seeds(brief, gold)
    for name, system in _systems().items():
        clusters = system(names)
        systems[name] = score_entities(
            brief.documents, entities_from_clusters(tagged, clusters, "x"), gold
        )

    lines = [
        f"## seeds: {len(brief.documents)} documents, {len(gold['clusters'])} gold clusters, "
        f"{len(tagged)} tagger name mentions (brief {brief_seconds:.1f} s)",
        "",
        "| system | forms found | pairwise P | pairwise R | pairwise F1 | clusters whole "
        "| must_not_merge apart | PERSON typed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in systems.items():
        lines.append(
            f"| {name} | {s['forms_found']}/{s['forms_total']} | {s['pairwise_p']:.3f} | "
            f"{s['pairwise_r']:.3f} | {s['pairwise_f1']:.3f} | "
            f"{s['whole']}/{s['clusters_found']} | {s['apart']}/{s['must_not_merge']} | "
            f"{s['person_typed']}/{s['person_total']} |"
        )
    main_name, main_score = next(iter(systems.items()))
    lines += ["", f"{main_name}:"]
    for key, title in (("missing", "forms not found"), ("split", "split"), ("merged", "merged")):
        lines.append(f"- {title}: {'; '.join(main_score[key]) or 'none'}")
    if not brief.entities:
        lines.append("- the brief has no entities section; rows use resolve_mentions directly")
    lines.append("")
    return lines


# ---------------------------------------------------------------------------
# NewsWCL50 and MEANTIME


# NamedTuples, not dataclasses: tests load this file with importlib, and a dataclass
# of a module missing from sys.modules fails on its string annotations.
class GoldMention(NamedTuple):
    """A gold named mention of a coreference dataset."""

    topic: str
    doc_id: str
    position: tuple[int, int]  # (sentence, first token) within the document
    text: str
    chain: str
    gold_label: str | None  # the dataset's type, mapped to spaCy's labels
    tagger_label: str | None  # spaCy's label of the head, when a name label


class GoldSet(NamedTuple):
    mentions: tuple[GoldMention, ...]
    total: int  # gold mentions before the restriction
    dropped_ambiguous: int  # named spans annotated in more than one chain
    documents: int
    restriction: str  # how named mentions were chosen, for the table's footer


_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|['’]s\b|n't\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")
_HYPHEN = re.compile(r"(?<=[\w.]) - (?=\w)")


def detokenize(words: Iterable[str]) -> str:
    """Tokens back to a written string ("Kim Jong - un 's" → "Kim Jong-un's")."""
    text = " ".join(" ".join(words).split())
    text = text.replace("`` ", '"').replace(" ''", '"')
    text = _SPACE_BEFORE.sub("", text)
    text = _SPACE_AFTER.sub("", text)
    return _HYPHEN.sub("-", text)


def name_words(words: Sequence[str]) -> list[str]:
    """The mention's words up to its first comma or opening parenthesis, if any remain."""
    for i, word in enumerate(words):
        if word in (",", "(", "-LRB-") and i > 0:
            return list(words[:i])
    return list(words)


def _drop_ambiguous(keyed: list[tuple[tuple[Hashable, ...], GoldMention]]) -> list[GoldMention]:
    chains: dict[tuple[Hashable, ...], set[str]] = defaultdict(set)
    for key, mention in keyed:
        chains[key].add(mention.chain)
    return [mention for key, mention in keyed if len(chains[key]) == 1]


# Diverse_CDCR_datasets prefixes the instance id with where the mention was read
# ("cross_", "intra_", "cross_intra_" when both): one entity, up to three chain ids.
_MEANTIME_PROVENANCE = re.compile(r"^(?:cross_intra_|cross_|intra_)")


def load_meantime() -> GoldSet:
    """MEANTIME English entity mentions whose head is a proper noun or in a name entity."""
    records = json.loads((MEANTIME / "entities_mentions.json").read_text(encoding="utf-8"))
    keyed: list[tuple[tuple[Hashable, ...], GoldMention]] = []
    for r in records:
        key = (r["doc_id"], r["sent_id"], tuple(r["tokens_number"]))
        ner = r["mention_ner"] if r["mention_ner"] in NAME_LABELS else None
        if r["mention_head_pos"] != "PROPN" and ner is None:
            continue
        mention = GoldMention(
            topic=r["topic"],
            doc_id=r["doc_id"],
            position=(r["sent_id"], min(r["tokens_number"])),
            text=detokenize(name_words(r["tokens_str"].split())),
            chain=_MEANTIME_PROVENANCE.sub("", r["coref_chain"]),
            gold_label=MEANTIME_LABELS.get(r["mention_type"]),
            tagger_label=ner,
        )
        keyed.append((key, mention))
    kept = _drop_ambiguous(keyed)
    documents = len({r["doc_id"] for r in records})
    conll = (MEANTIME / "meantime.conll").read_text(encoding="utf-8")
    return GoldSet(
        tuple(kept),
        total=len(records),
        dropped_ambiguous=len(keyed) - len(kept),
        documents=documents,
        restriction=(
            "named = mention_head_pos PROPN or mention_ner a name label (spaCy fields of "
            "Diverse_CDCR_datasets); chain = the instance id, its cross_/intra_/cross_intra_ "
            "prefix removed; labels PER→PERSON, ORG→ORG, LOC→GPE, PRO→PRODUCT, FIN→None; "
            f"{documents} of the CoNLL's {conll.count('#begin document')} documents have "
            "entity mentions in the export"
        ),
    )


def _newswcl50_tokens() -> dict[str, dict[int, list[str]]]:
    """Gold tokens by document and sentence, from the CoNLL file (it keeps space tokens)."""
    tokens: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    path = NEWSWCL50 / "original" / "NewsWCL50.conll"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip("\n"):
                continue
            key, sentence, _index, word, *_ = line.rstrip("\n").split("\t")
            tokens[key.rsplit("/", 1)[-1]][int(sentence)].append(word)
    return tokens


def load_newswcl50() -> GoldSet:
    """NewsWCL50 mentions whose head, parsed on the gold tokens, is a name."""
    from spacy.tokens import Doc

    from storybrief.nlp import load_nlp

    nlp = load_nlp()
    tokens = _newswcl50_tokens()
    lines = (NEWSWCL50 / "newswcl50_clusters.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines if line.strip()]
    keyed: list[tuple[tuple[Hashable, ...], GoldMention]] = []
    total = documents = 0
    for event in events:
        for document in event["documents"]:
            documents += 1
            sentences = tokens[document["doc_id"]]
            words: list[str] = []
            offset: dict[int, int] = {}
            for number in sorted(sentences):
                offset[number] = len(words)
                # Paragraph marks are literal "\n" tokens; spaces are tokens too.
                words += ["\n" if w.strip() in ("", "\\n") else w for w in sentences[number]]
            parsed = nlp(Doc(nlp.vocab, words=words))
            for m in document["mentions"]:
                total += 1
                kind = m["chain"].rsplit("_", 1)[-1]
                if kind in NEWSWCL50_LEFT_OUT:
                    continue
                first = offset[m["sent"]] + m["start_tok"]
                span = parsed[first : offset[m["sent"]] + m["end_tok"] + 1]
                root = span.root
                ner = root.ent_type_ if root.ent_type_ in NAME_LABELS else None
                if root.pos_ != "PROPN" and ner is None:
                    continue
                gold_words = sentences[m["sent"]][m["start_tok"] : m["end_tok"] + 1]
                mention = GoldMention(
                    topic=str(event["event_id"]),
                    doc_id=document["doc_id"],
                    position=(m["sent"], m["start_tok"]),
                    text=detokenize(name_words(gold_words)),
                    chain=m["chain"],
                    gold_label=NEWSWCL50_LABELS.get(kind),
                    tagger_label=ner,
                )
                keyed.append(((document["doc_id"], first, len(span)), mention))
    kept = _drop_ambiguous(keyed)
    return GoldSet(
        tuple(kept),
        total,
        len(keyed) - len(kept),
        documents,
        restriction=(
            "named = root of the gold span (gold tokens parsed with storybrief's spaCy "
            "pipeline) is PROPN or inside a name entity; ACTION and ACTOR-I (catch-all) chains "
            "left out; chains are broad concepts (a COUNTRY chain holds agencies and "
            "officials), so recall has a ceiling; labels ACTOR→PERSON, COUNTRY→GPE, else None"
        ),
    )


def normalized_key(text: str) -> str:
    """The exact-string baseline's key: casefolded, no "the", no possessive, no dots."""
    key = " ".join(text.split()).casefold()
    key = key.removeprefix("the ")
    for suffix in ("'s", "’s"):
        key = key.removesuffix(suffix)
    return key.replace(".", "").strip()


def exact_string(mentions: Sequence[NameMention]) -> list[int]:
    ids: dict[str, int] = {}
    return [ids.setdefault(normalized_key(m.text), len(ids)) for m in mentions]


def singleton(mentions: Sequence[NameMention]) -> list[int]:
    return list(range(len(mentions)))


def _systems() -> dict[str, Callable[[Sequence[NameMention]], Sequence[Hashable]]]:
    method = getattr(entities_module, "METHOD", None)
    return {
        f"storybrief resolve_mentions{f' ({method})' if method else ''}": resolve_mentions,
        "exact normalized string": exact_string,
        "singleton": singleton,
    }


def evaluate_topics(set_name: str, load: Callable[[], GoldSet], labels: str) -> list[str]:
    start = time.perf_counter()
    gold_set = load()
    load_seconds = time.perf_counter() - start
    by_topic: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in gold_set.mentions:
        by_topic[mention.topic].append(mention)
    systems = _systems()
    gold_labels: list[str] = []
    system_labels: dict[str, list[str]] = {name: [] for name in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    for topic, members in sorted(by_topic.items()):
        members.sort(key=lambda m: (m.doc_id, m.position))
        names = [
            NameMention(m.doc_id, m.text, m.gold_label if labels == "gold" else m.tagger_label)
            for m in members
        ]
        gold_labels += [f"{topic}:{m.chain}" for m in members]
        for name, system in systems.items():
            start = time.perf_counter()
            clusters = system(names)
            seconds[name] += time.perf_counter() - start
            system_labels[name] += [f"{topic}:{c}" for c in clusters]

    chains = len(set(gold_labels))
    lines = [
        f"## {set_name}: {len(by_topic)} topics, {gold_set.documents} documents, "
        f"{len(gold_labels)} named mentions of {gold_set.total} gold mentions, "
        f"{chains} gold chains; labels: {labels}",
        "",
        "| set | system | mentions | B³ P | B³ R | B³ F1 | s/topic |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name in systems:
        p, r, f1 = b_cubed(gold_labels, system_labels[name])
        lines.append(
            f"| {set_name} | {name} | {len(gold_labels)} | {p:.3f} | {r:.3f} | {f1:.3f} | "
            f"{seconds[name] / len(by_topic):.4f} |"
        )
    lines += [
        "",
        f"{set_name}: {gold_set.restriction}. {COMMON_NOTE} Dropped as in two chains: "
        f"{gold_set.dropped_ambiguous}. Loading took {load_seconds:.1f} s.",
        "",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS)
    )
    parser.add_argument(
        "--labels",
        choices=("gold", "tagger"),
        default="gold",
        help="label the systems see: the dataset's type mapped to spaCy's, or spaCy's own",
    )
    args = parser.parse_args()
    chosen = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}; choose from {', '.join(SETS)}")
    started = time.perf_counter()
    lines: list[str] = []
    for name in chosen:
        if name == "seeds":
            part = evaluate_seeds()
        else:
            loader = load_newswcl50 if name == "newswcl50" else load_meantime
            part = evaluate_topics(name, loader, args.labels)
        print("\n".join(part))
        lines += part
    lines.append(f"total {time.perf_counter() - started:.0f} s")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "entities.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[-1])


if __name__ == "__main__":
    main()
