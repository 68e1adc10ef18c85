"""Name spans the tagger cuts wrongly, repaired (``storybrief.analysis.spans``).

Every text here is made up; the tagger's errors are written by hand as the
small English model makes them on real copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.analysis.entities import resolve_entities
from storybrief.analysis.spans import repaired_mentions
from storybrief.model import ParsedArticle
from tests.conftest import build_parsed

#: (word, part of speech, dependency, head index in the sentence or None[, lemma])
Word = tuple[str, str, str, int | None] | tuple[str, str, str, int | None, str]


def _doc(
    sentences: Sequence[Sequence[Word]], mentions: Sequence[tuple[str, str]], doc_id: str = "d1"
) -> ParsedArticle:
    text = " ".join(_written([w[0] for w in s]) for s in sentences)
    specs = [
        [(w[0], w[4] if len(w) > 4 else w[0].lower(), w[1], "XX", w[2], w[3]) for w in s]
        for s in sentences
    ]
    return build_parsed(text, specs, mentions, doc_id=doc_id)


def _written(words: Sequence[str]) -> str:
    """Words as copy writes them: no space before "," "." "'s" ")" or after "("."""
    out = ""
    for word in words:
        glued = word in (",", ".", "'s", ")") or out.endswith("(") or not out
        out += word if glued else " " + word
    return out


def _names(doc: ParsedArticle, common: frozenset[str] = frozenset()) -> dict[str, str]:
    fixed = repaired_mentions(doc, common)
    text = fixed.article.text
    assert all(m.span.text == text[m.span.start : m.span.end] for m in fixed.mentions)
    return {m.span.text: m.label for m in fixed.mentions}


def test_spans_a_given_name_left_out_in_front_joins_the_name() -> None:
    doc = _doc(
        [
            [
                ("On", "ADP", "prep", 6),
                ("Friday", "PROPN", "pobj", 0),
                ("Mamdouh", "PROPN", "compound", 4),
                ("Mahmud", "PROPN", "compound", 4),
                ("Salim", "PROPN", "nsubjpass", 6),
                ("was", "AUX", "auxpass", 6),
                ("charged", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 6),
            ]
        ],
        [("Friday", "DATE"), ("Mahmud Salim", "PERSON")],
    )
    assert _names(doc) == {"Friday": "DATE", "Mamdouh Mahmud Salim": "PERSON"}


def test_spans_a_role_noun_the_story_writes_in_lower_case_stays_out() -> None:
    doc = _doc(
        [
            [
                ("Prosecutor", "PROPN", "compound", 2),
                ("Xavier", "PROPN", "compound", 2),
                ("Salvat", "PROPN", "nsubj", 3),
                ("spoke", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 3),
            ]
        ],
        [("Salvat", "PERSON")],
    )
    names = _names(doc, frozenset({"prosecutor"}))
    assert names == {"Xavier Salvat": "PERSON"}


def test_spans_one_name_cut_in_two_is_one_person_but_two_people_side_by_side_are_not() -> None:
    doc = _doc(
        [
            [
                ("President", "PROPN", "compound", 3),
                ("Daniel", "PROPN", "compound", 3),
                ("arap", "PROPN", "compound", 3),
                ("Moi", "PROPN", "nsubj", 4),
                ("spoke", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 4),
            ],
            [
                ("Zine", "PROPN", "compound", 4),
                ("El", "PROPN", "compound", 4),
                ("Abidine", "PROPN", "compound", 4),
                ("Ben", "PROPN", "compound", 4),
                ("Ali", "PROPN", "nsubj", 5),
                ("fled", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 5),
            ],
            [
                ("Trump", "PROPN", "compound", 2),
                ("Putin", "PROPN", "compound", 2),
                ("talks", "NOUN", "nsubj", 3),
                ("ended", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 3),
            ],
            # A name that ends in a possessive owns the next: the director and his film.
            [
                ("Ana", "PROPN", "compound", 2),
                ("Maria", "PROPN", "compound", 2),
                ("Pell", "PROPN", "poss", 4),
                ("'s", "PART", "case", 2),
                ("Dracula", "PROPN", "nsubj", 5),
                ("opened", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 5),
            ],
        ],
        [
            ("Daniel arap", "PERSON"),
            ("Moi", "ORG"),
            ("Zine El Abidine", "PERSON"),
            ("Ben Ali", "PERSON"),
            ("Trump", "PERSON"),
            ("Putin", "PERSON"),
            ("Ana Maria Pell's", "PERSON"),
            ("Dracula", "PERSON"),
        ],
    )
    assert _names(doc) == {
        "Daniel arap Moi": "PERSON",
        "Zine El Abidine Ben Ali": "PERSON",
        "Trump": "PERSON",
        "Putin": "PERSON",
        "Ana Maria Pell's": "PERSON",
        "Dracula": "PERSON",
    }


def test_spans_names_run_together_across_a_comma_or_glued_to_an_acronym_come_apart() -> None:
    doc = _doc(
        [
            [
                ("Kommersant", "PROPN", "nsubj", 5),
                (",", "PUNCT", "punct", 0),
                ("Stolt", "PROPN", "compound", 3),
                ("Offshore", "PROPN", "conj", 0),
                ("and", "CCONJ", "cc", 3),
                ("said", "VERB", "ROOT", None),
                ("so", "ADV", "advmod", 5),
                (".", "PUNCT", "punct", 5),
            ],
            [
                ("Acme", "PROPN", "nsubj", 3),
                (",", "PUNCT", "punct", 0),
                ("Inc.", "PROPN", "appos", 0),
                ("agreed", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 3),
            ],
            [
                ("Ambassador", "PROPN", "nsubj", 5),
                ("to", "ADP", "prep", 0),
                ("NATO", "PROPN", "compound", 4),
                ("Ivo", "PROPN", "compound", 4),
                ("Daalder", "PROPN", "pobj", 1),
                ("spoke", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 5),
            ],
        ],
        [("Kommersant, Stolt Offshore", "ORG"), ("Acme, Inc.", "ORG"), ("NATO Ivo Daalder", "ORG")],
    )
    assert _names(doc) == {
        "Kommersant": "ORG",
        "Stolt Offshore": "ORG",
        "Acme, Inc.": "ORG",
        "NATO": "ORG",
        "Ivo Daalder": "PERSON",
    }


def test_spans_words_that_are_no_part_of_a_name_are_cut_off() -> None:
    doc = _doc(
        [
            [
                ('"', "PUNCT", "punct", 1),
                ("Never", "ADV", "ROOT", None),
                (",", "PUNCT", "punct", 1),
                ('"', "PUNCT", "punct", 1),
                ("Shahrazad", "PROPN", "compound", 6),
                ("Mir", "PROPN", "compound", 6),
                ("Gholikhan", "PROPN", "nsubj", 7),
                ("told", "VERB", "parataxis", 1, "tell"),
                ("reporters", "NOUN", "dobj", 7),
                (".", "PUNCT", "punct", 1),
            ],
            [
                ("Royals", "NOUN", "nsubj", 1),
                ("included", "VERB", "ROOT", None),
                ("King", "PROPN", "compound", 3),
                ("Abdullah", "PROPN", "dobj", 1),
                ("of", "ADP", "prep", 3),
                ("Jordan", "PROPN", "pobj", 4),
                (".", "PUNCT", "punct", 1),
            ],
            [
                ("The", "DET", "det", 4),
                ("FBI", "PROPN", "nsubj", 5),
                ("(", "PUNCT", "punct", 1),
                ("Bureau", "PROPN", "appos", 1),
                (")", "PUNCT", "punct", 1),
                ("came", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 5),
            ],
        ],
        [
            ("Shahrazad Mir Gholikhan told", "WORK_OF_ART"),
            ("King Abdullah of", "PERSON"),
            ("Jordan", "GPE"),
            ("FBI (Bureau", "ORG"),
        ],
    )
    assert _names(doc) == {
        "Shahrazad Mir Gholikhan": "PERSON",  # the subject of a speech verb is no title
        "Abdullah": "PERSON",  # the honorific is kept as a role, not in the name
        "Jordan": "GPE",
        "FBI": "ORG",
    }


def test_spans_an_events_number_belongs_to_its_name() -> None:
    doc = _doc(
        [
            [
                ("Ads", "NOUN", "nsubj", 1),
                ("ran", "VERB", "ROOT", None),
                ("in", "ADP", "prep", 1),
                ("Super", "PROPN", "compound", 4),
                ("Bowl", "PROPN", "pobj", 2),
                ("LIII", "PROPN", "appos", 4),
                ("and", "CCONJ", "cc", 4),
                ("Super", "PROPN", "compound", 8),
                ("Bowl", "PROPN", "conj", 4),
                ("50", "NUM", "nummod", 8),
                (".", "PUNCT", "punct", 1),
            ]
        ],
        [("Super Bowl", "EVENT"), ("Super Bowl", "EVENT"), ("50", "CARDINAL")],
    )
    assert _names(doc) == {"Super Bowl LIII": "EVENT", "Super Bowl 50": "EVENT"}


def test_spans_an_honorific_makes_the_name_after_it_a_persons() -> None:
    doc = _doc(
        [
            [
                ("Prince", "PROPN", "compound", 1),
                ("Philip", "PROPN", "nsubj", 2),
                ("met", "VERB", "ROOT", None),
                ("Lord", "PROPN", "compound", 4),
                ("Bingham", "PROPN", "dobj", 2),
                ("in", "ADP", "prep", 2),
                ("the", "DET", "det", 7),
                ("hall", "NOUN", "pobj", 5),
                (".", "PUNCT", "punct", 2),
            ],
            [
                ("State", "PROPN", "compound", 1),
                ("Dept", "PROPN", "nsubj", 2),
                ("agreed", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 2),
            ],
        ],
        [("Bingham", "GPE"), ("Dept", "ORG")],
    )
    assert _names(doc) == {"Philip": "PERSON", "Bingham": "PERSON", "Dept": "ORG"}


def test_spans_an_untagged_name_opening_with_a_given_name_is_a_person_outside_headlines() -> None:
    doc = _doc(
        [
            [
                ("The", "DET", "det", 1),
                ("crash", "NOUN", "nsubj", 2),
                ("killed", "VERB", "ROOT", None),
                ("two", "NUM", "nummod", 4),
                ("Poles", "PROPN", "dobj", 2),
                (",", "PUNCT", "punct", 4),
                ("Ewa", "PROPN", "compound", 7),
                ("Lipinska", "PROPN", "appos", 4),
                (".", "PUNCT", "punct", 2),
            ],
            [
                ("Jordan", "PROPN", "compound", 1),
                ("Valley", "PROPN", "nsubj", 2),
                ("Floods", "VERB", "ROOT", None),
                ("Again", "ADV", "advmod", 2),
            ],
        ],
        [("Poles", "NORP")],
    )
    assert _names(doc) == {"Poles": "NORP", "Ewa Lipinska": "PERSON"}


def test_spans_a_name_listed_with_people_only_is_a_persons() -> None:
    doc = _doc(
        [
            [
                ("Diddy", "PROPN", "nsubj", 7),
                (",", "PUNCT", "punct", 0),
                ("Jessica", "PROPN", "compound", 3),
                ("Seinfeld", "PROPN", "appos", 0),
                ("and", "CCONJ", "cc", 3),
                ("Christie", "PROPN", "compound", 6),
                ("Brinkley", "PROPN", "conj", 3),
                ("wrote", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 7),
            ]
        ],
        [("Diddy", "ORG"), ("Jessica Seinfeld", "PERSON"), ("Christie Brinkley", "PERSON")],
    )
    assert _names(doc)["Diddy"] == "PERSON"


def test_spans_a_lone_given_name_of_a_named_person_is_hers_but_not_after_a_preposition() -> None:
    doc = _doc(
        [
            [
                ("Danuta", "PROPN", "compound", 1),
                ("Lipinska", "PROPN", "nsubj", 6),
                (",", "PUNCT", "punct", 1),
                ("Ewa", "PROPN", "poss", 5),
                ("'s", "PART", "case", 3),
                ("mother", "NOUN", "appos", 1),
                ("wept", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 6),
            ],
            [
                ("Ewa", "PROPN", "compound", 1),
                ("Lipinska", "PROPN", "nsubj", 2),
                ("studied", "VERB", "ROOT", None),
                ("near", "ADP", "prep", 2),
                ("Santiago", "PROPN", "pobj", 3),
                ("with", "ADP", "prep", 2),
                ("Santiago", "PROPN", "compound", 7),
                ("Ruiz", "PROPN", "pobj", 5),
                (".", "PUNCT", "punct", 2),
            ],
        ],
        [
            ("Danuta Lipinska", "PERSON"),
            ("Ewa", "ORG"),
            ("Ewa Lipinska", "PERSON"),
            ("Santiago", "ORG"),
            ("Santiago Ruiz", "PERSON"),
        ],
    )
    fixed = repaired_mentions(doc)
    labels = [(m.span.text, m.label) for m in fixed.mentions]
    assert ("Ewa", "PERSON") in labels
    assert ("Santiago", "ORG") in labels


def test_spans_hashtags_and_a_handle_that_spells_a_persons_name() -> None:
    doc = _doc(
        [
            [
                ("Jessica", "PROPN", "compound", 1),
                ("Yellin", "PROPN", "nsubj", 2),
                ("posted", "VERB", "ROOT", None),
                ("on", "ADP", "prep", 2),
                ("@jessicayellin", "PROPN", "pobj", 3),
                ("#NewsNotNoise", "PROPN", "npadvmod", 2),
                ("#tbt", "PROPN", "npadvmod", 2),
                (".", "PUNCT", "punct", 2),
            ]
        ],
        [("Jessica Yellin", "PERSON"), ("@jessicayellin", "GPE")],
    )
    assert _names(doc) == {
        "Jessica Yellin": "PERSON",
        "jessicayellin": "PERSON",
        "NewsNotNoise": "ORG",
    }
    entities, _ = resolve_entities([doc])
    (yellin,) = [e for e in entities if e.canonical == "Jessica Yellin"]
    assert "jessicayellin" in yellin.aliases


def test_spans_a_company_and_its_short_name_and_a_maker_and_its_model() -> None:
    doc = _doc(
        [
            [
                ("Goodyear", "PROPN", "compound", 1),
                ("Tire", "PROPN", "nsubj", 5),
                ("and", "CCONJ", "cc", 1),
                ("Rubber", "PROPN", "compound", 4),
                ("Co.", "PROPN", "conj", 1),
                ("made", "VERB", "ROOT", None),
                ("the", "DET", "det", 8),
                ("Boeing", "PROPN", "compound", 8),
                ("747", "NUM", "dobj", 5),
                ("tyres", "NOUN", "dobj", 5),
                (".", "PUNCT", "punct", 5),
            ],
            [
                ("Goodyear", "PROPN", "nsubj", 1),
                ("declined", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 1),
            ],
        ],
        [
            ("Goodyear Tire", "PERSON"),
            ("Rubber Co.", "ORG"),
            ("Boeing", "ORG"),
            ("747", "PRODUCT"),
            ("Goodyear", "PERSON"),
        ],
    )
    names = _names(doc)
    assert names["Goodyear Tire and Rubber Co."] == "ORG"
    assert names["Boeing 747"] == "PRODUCT"
    entities, _ = resolve_entities([doc])
    (company,) = [e for e in entities if e.canonical.startswith("Goodyear Tire")]
    assert "Goodyear" in company.aliases
    assert company.type == "ORG"


def test_spans_a_surname_left_out_after_a_name_and_a_middle_name_alone() -> None:
    doc = _doc(
        [
            [
                ("Minister", "PROPN", "compound", 3),
                ("Ali", "PROPN", "compound", 3),
                ("Ameir", "PROPN", "compound", 3),
                ("Mohamed", "PROPN", "nsubj", 4),
                ("said", "VERB", "ROOT", None),
                ("so", "ADV", "advmod", 4),
                (".", "PUNCT", "punct", 4),
            ],
            [
                ("Ameir", "PROPN", "nsubj", 1),
                ("left", "VERB", "ROOT", None),
                (".", "PUNCT", "punct", 1),
            ],
        ],
        [("Ali Ameir", "PERSON"), ("Ameir", "ORG")],
    )
    assert _names(doc)["Ali Ameir Mohamed"] == "PERSON"
    entities, _ = resolve_entities([doc])
    (person,) = [e for e in entities if e.canonical == "Ali Ameir Mohamed"]
    assert "Ameir" in person.aliases


def test_spans_an_untagged_name_ending_in_an_organisations_word_is_an_organisation() -> None:
    doc = _doc(
        [
            [
                ("The", "DET", "det", 4),
                ("United", "PROPN", "compound", 4),
                ("States", "PROPN", "compound", 4),
                ("State", "PROPN", "compound", 4),
                ("Department", "PROPN", "nsubj", 5),
                ("denied", "VERB", "ROOT", None),
                ("it", "PRON", "dobj", 5),
                (".", "PUNCT", "punct", 5),
            ],
            [
                ("Grand", "PROPN", "compound", 1),
                ("Hotel", "PROPN", "nsubj", 2),
                ("reopened", "VERB", "ROOT", None),
                ("in", "ADP", "prep", 2),
                ("the", "DET", "det", 5),
                ("spring", "NOUN", "pobj", 3),
                (".", "PUNCT", "punct", 2),
            ],
        ],
        [],
    )
    assert _names(doc) == {"United States State Department": "ORG"}


def test_spans_a_word_in_parentheses_is_no_acronym_a_name_defines() -> None:
    from tests.conftest import build_parsed

    text = "The Kestrel Front (Liberation) met . The Syrian National Coalition (SNC) met ."
    doc = build_parsed(
        text,
        mentions=[
            ("Kestrel Front", "ORG"),
            ("Liberation", "ORG"),
            ("Syrian National Coalition", "ORG"),
            ("SNC", "ORG"),
        ],
    )
    entities, _ = resolve_entities([doc])
    aliases = {e.canonical: set(e.aliases) for e in entities}
    assert "Liberation" not in aliases["Kestrel Front"]
    assert "SNC" in aliases["Syrian National Coalition"]


def test_spans_a_name_cut_at_a_hyphen_inside_a_word_ends_with_the_word() -> None:
    text = "Ban Ki-moon spoke. Kim Jong-un came."
    specs = [
        [
            ("Ban", "ban", "PROPN", "NNP", "compound", "moon"),
            ("Ki", "ki", "PROPN", "NNP", "compound", "moon"),
            ("-", "-", "PUNCT", "HYPH", "punct", "moon"),
            ("moon", "moon", "PROPN", "NNP", "nsubj", "spoke"),
            ("spoke", "speak", "VERB", "VBD", "ROOT", None),
            ".",
        ],
        [
            ("Kim", "kim", "PROPN", "NNP", "compound", "un"),
            ("Jong", "jong", "PROPN", "NNP", "compound", "un"),
            ("-", "-", "PUNCT", "HYPH", "punct", "un"),
            ("un", "un", "PROPN", "NNP", "nsubj", "came"),
            ("came", "come", "VERB", "VBD", "ROOT", None),
            ".",
        ],
    ]
    doc = build_parsed(text, specs, [("Ban Ki-", "PERSON"), ("Kim Jong-un", "PERSON")])
    assert _names(doc) == {"Ban Ki-moon": "PERSON", "Kim Jong-un": "PERSON"}


def test_spans_a_peoples_adjective_before_a_state_body_is_part_of_its_name() -> None:
    doc = _doc(
        [
            [
                ("The", "DET", "det", 3),
                ("Spanish", "ADJ", "amod", 3),
                ("Foreign", "PROPN", "compound", 3),
                ("Ministry", "PROPN", "nsubj", 4),
                ("spoke", "VERB", "ROOT", None, "speak"),
                (".", "PUNCT", "punct", 4),
            ],
            [
                ("The", "DET", "det", 4),
                ("Chilean", "ADJ", "amod", 4),
                ("air", "NOUN", "compound", 3),
                ("force", "NOUN", "compound", 4),
                ("jet", "NOUN", "nsubj", 5),
                ("landed", "VERB", "ROOT", None, "land"),
                (".", "PUNCT", "punct", 5),
            ],
            [
                ("Palestinian", "ADJ", "amod", 1),
                ("Hamas", "PROPN", "nsubj", 2),
                ("and", "CCONJ", "cc", 2),
                ("Americans", "PROPN", "conj", 2),
                ("in", "ADP", "prep", 3),
                ("the", "DET", "det", 6),
                ("embassy", "NOUN", "pobj", 4),
                ("left", "VERB", "ROOT", None, "leave"),
                (".", "PUNCT", "punct", 7),
            ],
            [
                ("A", "DET", "det", 2),
                ("Russian", "ADJ", "amod", 2),
                ("force", "NOUN", "nsubj", 3),
                ("came", "VERB", "ROOT", None, "come"),
                (".", "PUNCT", "punct", 3),
            ],
        ],
        [
            ("Spanish", "NORP"),
            ("Foreign Ministry", "ORG"),
            ("Chilean", "NORP"),
            ("Palestinian", "NORP"),
            ("Hamas", "ORG"),
            ("Americans", "NORP"),
            ("Russian", "NORP"),
        ],
    )
    assert _names(doc) == {
        "Spanish Foreign Ministry": "ORG",
        "Chilean air force": "ORG",
        "Palestinian": "NORP",  # Hamas is no body of a state
        "Hamas": "ORG",
        "Americans": "NORP",  # a noun, not the adjective of "the embassy"
        "Russian": "NORP",  # "a Russian force" is no name
    }


def test_spans_a_side_taken_is_no_mention_of_the_name_but_a_name_that_opens_so_is() -> None:
    text = "Pro-Gadhafi forces met anti-Mubarak crowds and the Anti-Defamation League ."
    doc = build_parsed(
        text,
        [text.split()],
        [("Pro-Gadhafi", "ORG"), ("Mubarak", "PERSON"), ("Anti-Defamation League", "ORG")],
    )
    assert _names(doc) == {"Anti-Defamation League": "ORG"}


def test_spans_a_line_run_into_the_next_sentence_at_the_comes_apart() -> None:
    text = (
        "Ajdabiya fell . Ajdabiya The International Criminal Court met . "
        "Return of The King opened ."
    )
    words = text.split()
    doc = build_parsed(
        text,
        [words[:3], words[3:10], words[10:]],
        [
            ("Ajdabiya", "GPE"),
            ("Ajdabiya The International Criminal Court", "ORG"),
            ("Return of The King", "WORK_OF_ART"),
        ],
    )
    # Each name keeps the label the tagger gives it elsewhere (the later
    # "Ajdabiya" would overwrite the first here if it kept "ORG").
    assert _names(doc) == {
        "Ajdabiya": "GPE",
        "International Criminal Court": "ORG",
        "Return of The King": "WORK_OF_ART",
    }


def test_spans_a_title_alone_is_no_name_but_a_queen_may_be() -> None:
    text = "Col. Ahmed Bani spoke . The Queen waved . Mrs. Ruiz left ."
    words = text.split()
    doc = build_parsed(
        text,
        [words[:4], words[4:7], words[7:]],
        [("Col.", "PERSON"), ("Ahmed Bani", "PERSON"), ("Queen", "PERSON"), ("Mrs.", "ORG")],
    )
    assert _names(doc) == {"Ahmed Bani": "PERSON", "Queen": "PERSON"}
