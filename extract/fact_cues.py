"""The general cues of a fact's context that extract/confidence.py's model weighs: which rule read it, how its
model was found, the words of its sentence, where it stands and how large it is for its kind. Kept apart from the
model so that loading the weights (every command's configuration does) does not import spaCy."""

from __future__ import annotations

import bisect
import math
import re

import numpy
from floptrail.extract.rules.base import sentence_stage
from spacy.attrs import IDX, LENGTH, TAG
from spacy.tokens import Doc, Span

# cue lexicons: each is one general kind of context, never one document's wording
CUES = {
    "experiment": re.compile(r"\b(?:experiment\w*|ablation\w*|baselines?|proxy|small[- ]scale|toy|pilot|preliminary|"
                             r"verif\w+|validat\w+|hyper-?parameter|sweep|search|explor\w+|study|studies)\b", re.I),
    "inference": re.compile(r"\b(?:inference|serv(?:e|ed|ing)|deploy\w*|throughput|latency|memory|quantiz\w+|"
                            r"decod\w+|generation)\b|推理|部署", re.I),
    "data": re.compile(r"\b(?:dataset|corpus|corpora|filter\w*|classifier|process\w*|annotat\w+|dedup\w*|crawl\w*|"
                       r"mixture|sources?|domains?)\b", re.I),
    "train": re.compile(r"\b(?:train\w*|pre-?train\w*|learn\w*)\b|训练", re.I),
    "own": re.compile(r"\b(?:our|we|ours)\b|我们", re.I),
    "compare": re.compile(r"\b(?:than|compared?|comparison|outperform\w*|versus|vs\.?|comparable|match\w*|"
                          r"surpass\w*|rival\w*|competitive)\b", re.I),
    "schedule": re.compile(r"\b(?:batch|learning rate|lr|warm-?up|schedul\w+|steps?|decay|anneal\w*|stage|phase|"
                           r"checkpoints?)\b", re.I),
    "rate": re.compile(r"\b(?:per|each|every)\b|/", re.I),
    "citation": re.compile(r"et al\.|\(\d{4}[a-z]?\)|\[\d+(?:,\s*\d+)*\]"),
    "total": re.compile(r"\b(?:total|in total|overall|altogether|whole|entire)\b", re.I),
    "plan": re.compile(r"\b(?:will|plan\w*|aim\w*|future|upcoming|expect\w*)\b", re.I),
    "hardware": re.compile(r"\b(?:gpus?|tpus?|npus?|chips?|accelerators?|cluster|nodes?)\b", re.I),
    "ranging": re.compile(r"\b(?:rang\w+|spanning|from|sizes?|variants?|versions?)\b", re.I),
}
APPENDIX = re.compile(r"(?m)^(?:#+\s*)?(?:Appendix|Appendices|"
                      r"[A-H]\.?\s+[A-Z][a-z]+.*(?:Details|Ablation|Experiments))")
KIND_SCALE = {  # typical order of magnitude of each kind, so that log10(value) reads as "large or small for it"
    "flop": 23, "tokens": 12, "dataset_tokens": 12, "params": 10, "active_params": 10, "chip_count": 3,
    "duration_hours": 3, "chip_hours": 6, "cost_usd": 6, "energy_kwh": 5, "emissions_tco2e": 2,
}


class Sentences:
    """A parsed document's sentences by character offset, found once (spaCy finds a token's sentence by walking
    the document's sentences, which costs a document's length per fact)."""

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]]):
        """`bounds`: the (start, end) tokens of each of `doc.sents` (`pipeline.sentence_bounds`); a Span is made only
        for a sentence asked about."""
        self.doc, self.bounds = doc, bounds
        firsts = numpy.array([start for start, _ in bounds], dtype="int64")
        lasts = numpy.array([end - 1 for _, end in bounds], dtype="int64")
        offsets = doc.to_array([IDX, LENGTH]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        self.starts = offsets[firsts, 0].tolist()  # each sentence's start_char and end_char
        self.ends = (offsets[lasts, 0] + offsets[lasts, 1]).tolist()
        # the merged mentions' tags, read once: counting names in a sentence needs no Token per word
        self.tags = doc.to_array([TAG]) if len(doc) else numpy.zeros(0, dtype="uint64")
        self.model, self.qty = doc.vocab.strings["MODEL"], doc.vocab.strings["QTY"]

    def mentions(self, sent: Span) -> tuple[int, int]:
        """The model names and the figures the sentence holds."""
        tags = self.tags[sent.start:sent.end]
        return int((tags == self.model).sum()), int((tags == self.qty).sum())

    def at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.ends[i]:
            return None
        start, end = self.bounds[i]
        return self.doc[start:end]


def fact_features(fact, how: str, text_length: int, appendix_start: int, owns: bool, sentences: Sentences
                  ) -> dict[str, float]:
    """The general cues of one fact's context, as named numbers (one-hot for categories)."""
    sentence = fact.quote
    sent = sentences.at(fact.start)
    # the stage its sentence names, as the judge was trained on (a figure's own stage, which a sentence naming several
    # gives each figure apart, is the fact's: `figure_stage`)
    stage = sentence_stage(sent) if sent is not None else fact.stage
    features = {f"rule={fact.rule}": 1.0, f"how={how}": 1.0, f"stage={stage}": 1.0,
                f"qualifier={fact.qualifier}": 1.0, f"own_model={owns}": 1.0,
                "table": float(fact.rule.startswith("table_")),
                "sized_model": float(bool(re.search(r"(?i)\d(?:\.\d+)?[bm]\b", fact.model or ""))),
                "appendix": float(appendix_start >= 0 and fact.start >= appendix_start),
                "position": fact.start / max(1, text_length),
                "list_item": float(bool(re.match(r"\s*(?:[-*•]|\d+[.)])\s", sentence))),
                "short_sentence": float(len(sentence) < 60)}
    for name, cue in CUES.items():
        if cue.search(sentence):
            features[f"cue={name}"] = 1.0
    if fact.value:
        magnitude = math.log10(abs(fact.value)) - KIND_SCALE.get(fact.kind, 0)
        features[f"magnitude&kind={fact.kind}"] = magnitude / 3
        features[f"small&kind={fact.kind}"] = float(magnitude < -1.5)
    if sent is not None:
        names, figures = sentences.mentions(sent)
        features["names"] = min(names, 5) / 5
        features["no_name"] = float(names == 0)
        features["figures"] = min(figures, 10) / 10
    return features


def appendix_start(text: str) -> int:
    """Where the appendix begins, -1 when there is none: experiments and ablations gather there."""
    m = APPENDIX.search(text, len(text) // 3)
    return m.start() if m else -1
