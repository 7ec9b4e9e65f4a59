"""Chips written as one word are found by one regular expression (extract.pipeline.ChipAliases); they must
give exactly the spans of the token patterns they replace: an optional "NVIDIA", the alias word (with a
vendor prefix and memory or form-factor suffixes), then any memory words."""

import re

import pytest
from floptrail.extract.config import load_extract_config
from floptrail.extract.pipeline import ChipAliases, build_pipeline
from spacy.matcher import Matcher
from spacy.tokens import Span

SENTENCES = [
    "We trained on 2,048 NVIDIA H800 GPUs and later on NVIDIA A100 80GB SXM4 cards.",
    "The cluster had nvidia-dgx-a100 nodes, H100-SXM5-80GB boards and a few GB200 racks, not B200s or GH200s.",
    "Runs used TPUv4 pods, tpu-v5e slices, Trillium chips and MI300X accelerators (also MI250 ones).",
    "An a100a100 typo, A100s, V100-32G and H100-PCIe-80GB; nothing here: A1000, H10, GH100X.",
]


def per_alias_matcher(nlp, config) -> Matcher:
    """The token patterns as they were: one regex predicate per alias."""
    matcher = Matcher(nlp.vocab)
    suffix = r"(?:[-_]?(?:sxm\d?|pcie|nvl|\d+g(?:b)?|hbm\d?e?)|[-_]\d+)*"  # "A10" + "0" is no A10
    for chip in config.chips.values():
        for alias in chip.aliases:
            token = {"LOWER": {"REGEX": rf"^(?:nvidia-|dgx-|hgx-|nvidia-hgx-|nvidia-dgx-)?{re.escape(alias)}{suffix}$"}}
            memory = {"LOWER": {"REGEX": r"^(?:\d*gb?|sxm\d?|pcie)$"}, "OP": "*"}
            matcher.add(chip.name, [[{"LOWER": "nvidia", "OP": "?"}, token, memory]])
    return matcher


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.slow
def test_chip_aliases_give_the_spans_of_the_per_alias_patterns(sentence):
    config = load_extract_config()
    nlp = build_pipeline(config)
    doc = nlp.make_doc(sentence)
    expected = sorted({Span(doc, s, e, label="CHIP", span_id=nlp.vocab.strings[m])
                       for m, s, e in per_alias_matcher(nlp, config)(doc)})
    aliases = ChipAliases({chip.name: list(chip.aliases) for chip in config.chips.values()})
    found = sorted(aliases(doc).spans.get("chips", []))
    assert [(s.text, s.id_) for s in found] == [(s.text, s.id_) for s in expected]
    assert found  # every sentence names at least one chip


def test_a_chip_with_its_vendor_and_memory_words_is_one_mention():
    nlp = build_pipeline(load_extract_config())
    doc = nlp("Trained on 512 NVIDIA A100 80GB GPUs.")
    chips = [(t.text, t._.chip) for t in doc if t._.chip]
    assert chips == [("NVIDIA A100 80GB", "A100")]
