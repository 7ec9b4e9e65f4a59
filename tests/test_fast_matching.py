"""The pipeline's fast paths must give exactly what spaCy's own components give: model names found without
a SpanRuler (extract.pipeline.ModelNames), and the Matcher run only on the sentences that can hold a match
(extract.facts.Extractor.sentences_to_match) against the Matcher run on the whole text. Checked on the sample
corpus and the gold documents, every word of which the real pipeline reads."""

from pathlib import Path

import pytest
import spacy
from floptrail.corpus.load import document_from_bytes
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from floptrail.extract.matching import RuleMatcher, required
from floptrail.extract.pipeline import (
    build_pipeline,
    chip_patterns,
    name_patterns,
    tokenizer_expressions,
    unwrap_lines,
)
from floptrail.extract.rules import FAMILIES
from spacy.attrs import LOWER, ORTH, TAG
from spacy.matcher import Matcher

ROOT = Path(__file__).parents[1]
DOCS = [ROOT / "corpus" / "sample", ROOT / "annotations" / "gold" / "docs"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    paths = sorted(p for folder in DOCS for p in folder.iterdir())
    documents = [document_from_bytes(p.read_bytes(), str(p), p.name) for p in paths]
    return [unwrap_lines(d.text) for d in documents] + [d.title for d in documents]


@pytest.mark.slow
def test_model_names_are_the_spans_of_the_span_ruler(texts):
    config = load_extract_config()
    nlp = build_pipeline(config)
    ruler = nlp.add_pipe("span_ruler", name="ruler", config={"spans_key": "ruler"}, last=True)
    ruler.add_patterns(name_patterns(sorted(config.naming.tagged_stems()), list(config.naming.tiers)))
    names = nlp.get_pipe("model_names")
    found = 0
    for text in texts:
        doc = nlp.make_doc(text)
        expected = [(s.start, s.end, s.label_, s.id_) for s in ruler.match(doc)]
        assert [(s.start, s.end, s.label_, s.id_) for s in names(doc).spans["models"]] == expected
        found += len(expected)
    assert found > 300


@pytest.mark.slow
def test_matching_only_sentences_that_can_hold_a_match_finds_every_match_inside_a_sentence(texts):
    extractor = Extractor(load_extract_config())
    found = 0
    for text in texts:
        doc = extractor.nlp(text)
        expected = [(m, start, end) for m, start, end in extractor.matcher(doc, allow_missing=True)
                    if doc[start].sent.start == doc[end - 1].sent.start]
        found_in_sentences = [(m, sentence.start + start, sentence.start + end)
                              for sentence in extractor.sentences_to_match(doc)
                              for m, start, end in extractor.matcher(sentence, allow_missing=True)]
        assert sorted(found_in_sentences) == sorted(expected)
        found += len(expected)
    assert found > 500


@pytest.mark.slow
def test_chip_phrases_are_the_spans_of_the_span_ruler(texts):
    config = load_extract_config()
    nlp = build_pipeline(config)
    ruler = nlp.add_pipe("span_ruler", name="ruler", config={"spans_key": "ruler"}, last=True)
    ruler.add_patterns(chip_patterns(config))
    phrases = nlp.get_pipe("chip_names")
    found = 0
    for text in [*texts, "TPU v4-512 and a v3-1024 pod; Ascend 910B cards, TPUs and tpu v5p."]:
        doc = nlp.make_doc(text)
        expected = [(s.start, s.end, s.label_, s.id_) for s in ruler.match(doc)]
        assert [(s.start, s.end, s.label_, s.id_) for s in phrases(doc).spans["chips"]] == expected
        found += len(expected)
    assert found > 10


@pytest.mark.slow
def test_rule_matcher_finds_what_one_matcher_of_every_pattern_finds(texts):
    nlp = build_pipeline(load_extract_config())
    every, grouped = Matcher(nlp.vocab), RuleMatcher(nlp.vocab)
    order = {}
    for family in FAMILIES:
        for rule, patterns in family.PATTERNS.items():
            every.add(rule, patterns)
            grouped.add(rule, patterns)
            order[nlp.vocab.strings[rule]] = len(order)
    found = 0
    for text in texts:
        doc = nlp(text)
        expected = sorted(every(doc, allow_missing=True), key=lambda m: (m[1], m[2], order[m[0]]))
        assert grouped(doc, allow_missing=True) == expected
        found += len(expected)
    assert found > 500


def test_a_pattern_requires_the_words_it_must_match_at_least_once():
    nlp = build_pipeline(load_extract_config())
    pattern = [{"LOWER": {"IN": ["about", "around"]}, "OP": "?"}, {"TAG": "QTY"},
               {"LOWER": {"IN": ["h100", "a100"]}, "OP": "+"}, {"TEXT": {"REGEX": r"^GPUs?$"}},
               {"LOWER": "hours", "OP": "{1,2}"}, {"LOWER": "total", "OP": "{0,1}"}, {"LOWER": {"NOT_IN": ["x"]}}]
    needs = required(pattern, nlp.vocab)
    words = {(n.attr, tuple(sorted(nlp.vocab.strings[i] for i in n.ids)), n.regex and n.regex.pattern)
             for n in needs}
    assert words == {(TAG, ("QTY",), None), (LOWER, ("a100", "h100"), None), (ORTH, (), r"^GPUs?$"),
                     (LOWER, ("hours",), None)}


def test_a_sentence_without_a_required_word_is_not_matched_by_its_pattern():
    nlp = build_pipeline(load_extract_config())
    matcher = RuleMatcher(nlp.vocab)
    matcher.add("run", [[{"TAG": "QTY"}, {"LOWER": {"IN": ["gpus", "tpus"]}}]])
    matcher.add("count", [[{"TAG": "QTY"}, {"LOWER": "tokens"}]])
    doc = nlp("We used 512 GPUs. They read 2T tokens.")
    assert [(nlp.vocab.strings[m], doc[s:e].text) for m, s, e in matcher(doc)] == [("run", "512 GPUs"),
                                                                                  ("count", "2T tokens")]
    sentence = list(doc.sents)[1]
    assert [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(sentence)] == [("count", 2, 4)]


@pytest.mark.slow
def test_remembered_affixes_tokenize_as_the_expressions_do(texts):
    nlp, plain = build_pipeline(load_extract_config()), spacy.blank("en")
    prefixes, suffixes, infixes = tokenizer_expressions(plain)
    plain.tokenizer.prefix_search, plain.tokenizer.suffix_search = prefixes.search, suffixes.search
    plain.tokenizer.infix_finditer = infixes.finditer
    for text in texts + texts:  # the second time from what the tokenizer remembers
        assert [t.text_with_ws for t in nlp.make_doc(text)] == [t.text_with_ws for t in plain.make_doc(text)]


def test_patterns_tried_at_sentence_starts_find_what_finditer_finds(texts):
    from floptrail.extract.names import INTRODUCES, TRAINED_SUBJECT, _matches

    own = "Kestrel-7B was trained on 2T tokens. Wren is a family of open models!\nAcme-2 是一个模型"
    text = "\n".join([*texts, own])
    found = 0
    for pattern in [*INTRODUCES, TRAINED_SUBJECT]:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches(pattern, text, {})] == expected
        found += len(expected)
    assert found >= 3


def test_sentence_bounds_are_those_of_doc_sents(texts):
    from floptrail.extract.pipeline import sentence_bounds

    nlp = build_pipeline(load_extract_config())
    for text in texts[:20]:
        doc = nlp(text)
        assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
