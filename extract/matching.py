"""The rule families' token patterns, each tried only in the sentences that hold the words it requires.

spaCy's Matcher starts every pattern it holds at every word, so its cost grows with the number of patterns
times the number of words. Most patterns require a word most sentences lack ("tokens", "GPUs", "FLOPs", a chip),
so `RuleMatcher` keeps one Matcher per set of required words and runs only those whose words a sentence holds:
the same matches, for a few percent of the work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from floptrail.extract.pipeline import with_word_flags
from spacy.attrs import LOWER, ORTH, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_ATTRS = {"LOWER": LOWER, "TEXT": ORTH, "ORTH": ORTH, "TAG": TAG}


@dataclass(frozen=True)
class Required:
    """A word a pattern cannot match without: one whose attribute (LOWER, ORTH or TAG) is one of the strings `ids`
    stands for, or, for a regular expression, whose text it finds."""

    attr: int
    ids: frozenset[int] = frozenset()
    regex: re.Pattern | None = None


def required(pattern: list[dict], vocab: Vocab) -> frozenset[Required]:
    """What a sentence must hold for `pattern` to match in it: a word for each test of each token spec that must
    be matched at least once (no OP, "+" or a repeat from one up), on a word's text, lower case or tag."""
    needs = set()
    for spec in pattern:
        if not _must_match(spec.get("OP")):
            continue
        for key, value in spec.items():
            attr = _ATTRS.get(key.upper()) if isinstance(key, str) else None
            if attr is None:
                continue
            if isinstance(value, str):
                needs.add(Required(attr, frozenset([vocab.strings.add(value)])))
            elif isinstance(value, dict) and len(value) == 1 and "IN" in value:
                needs.add(Required(attr, frozenset(vocab.strings.add(v) for v in value["IN"])))
            elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value and attr != TAG:
                needs.add(Required(attr, regex=re.compile(value["REGEX"])))
    return frozenset(needs)


def _must_match(op: str | None) -> bool:
    if op is None or op == "+":
        return True
    repeat = re.fullmatch(r"\{(\d*)(?:,\d*)?\}", op)
    return bool(repeat and repeat.group(1) and int(repeat.group(1)) >= 1)


class RuleMatcher:
    """Matches of named rules' patterns, as one `Matcher(vocab)` holding them all finds them, in the order of their
    start, end and rule (the order rules are added)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.needs: list[Required] = []  # every requirement, tested by its place in this list
        self.groups: dict[tuple[int, ...], Matcher] = {}  # a Matcher per set of requirements, regexes tested last
        self.order: dict[int, int] = {}
        self._arrays: tuple[Doc | None, numpy.ndarray] = (None, numpy.zeros((0, 3), dtype="uint64"))

    def add(self, rule: str, patterns: list[list[dict]]) -> None:
        self.order.setdefault(self.vocab.strings.add(rule), len(self.order))
        for pattern in patterns:
            needs = sorted(required(pattern, self.vocab), key=lambda n: n.regex is not None)
            group = self.groups.setdefault(tuple(map(self._place, needs)), Matcher(self.vocab, validate=False))
            group.add(rule, with_word_flags([pattern], self.vocab))  # with_word_flags validates the pattern

    def _place(self, need: Required) -> int:
        if need not in self.needs:
            self.needs.append(need)
        return self.needs.index(need)

    def __call__(self, doclike: Doc | Span, allow_missing: bool = False) -> list[tuple[int, int, int]]:
        held = _Words(self._words(doclike), self.needs, self.vocab)
        found = {match for needs, group in self.groups.items() if all(held.has(i) for i in needs)
                 for match in group(doclike, allow_missing=allow_missing)}
        return sorted(found, key=lambda m: (m[1], m[2], self.order[m[0]]))

    def _words(self, doclike: Doc | Span) -> numpy.ndarray:
        """The lower case, text and tag of each word of `doclike`, cut from its doc's, read once per doc."""
        doc, start, end = (doclike, 0, len(doclike)) if isinstance(doclike, Doc) else (
            doclike.doc, doclike.start, doclike.end)
        if self._arrays[0] is not doc:
            self._arrays = (doc, doc.to_array([LOWER, ORTH, TAG]) if len(doc) else numpy.zeros((0, 3), dtype="uint64"))
        return self._arrays[1][start:end]


class _Words:
    """The words of a sentence, by lower case, text and tag, and which requirements they meet, each tested once."""

    def __init__(self, values: numpy.ndarray, needs: list[Required], vocab: Vocab):
        self.ids = {attr: set(values[:, i].tolist()) for i, attr in enumerate((LOWER, ORTH, TAG))}
        self.needs, self.strings = needs, vocab.strings
        self.known: list[bool | None] = [None] * len(needs)

    def has(self, i: int) -> bool:
        if (known := self.known[i]) is None:
            need, ids = self.needs[i], self.ids[self.needs[i].attr]
            if need.regex is not None:
                known = any(need.regex.search(self.strings[w]) for w in ids)
            else:
                known = not need.ids.isdisjoint(ids)
            self.known[i] = known
        return known
