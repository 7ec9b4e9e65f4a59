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
        self.groups: dict[tuple[int, ...], Matcher] = {}  # a Matcher per set of requirements
        self.order: dict[int, int] = {}
        self._arrays: tuple[Doc | None, numpy.ndarray] = (None, numpy.zeros((0, 3), dtype="uint64"))
        self._plan: _Plan | None = None

    def add(self, rule: str, patterns: list[list[dict]]) -> None:
        self.order.setdefault(self.vocab.strings.add(rule), len(self.order))
        for pattern in patterns:
            needs = sorted(map(self._place, required(pattern, self.vocab)))
            # (the patterns' word tests stay the Matcher's own: made vocabulary flags, they were computed for every
            # new word of every document, costing more than testing the few sentences matched here)
            group = self.groups.setdefault(tuple(needs), Matcher(self.vocab))
            group.add(rule, [pattern])
        self._plan = None

    def _place(self, need: Required) -> int:
        if need not in self.needs:
            self.needs.append(need)
        return self.needs.index(need)

    def __call__(self, doclike: Doc | Span, allow_missing: bool = False) -> list[tuple[int, int, int]]:
        plan = self._plan = self._plan or _Plan(self.needs, self.groups, self.vocab)
        held = plan.words_met(self._words(doclike))
        found = {match for mask, group in plan.candidates(held) if mask & held == mask
                 for match in group(doclike, allow_missing=allow_missing)}
        return sorted(found, key=lambda m: (m[1], m[2], self.order[m[0]]))

    def _words(self, doclike: Doc | Span) -> numpy.ndarray:
        """The lower case, text and tag of each word of `doclike`, cut from its doc's, read once per doc."""
        doc, start, end = (doclike, 0, len(doclike)) if isinstance(doclike, Doc) else (
            doclike.doc, doclike.start, doclike.end)
        if self._arrays[0] is not doc:
            self._arrays = (doc, doc.to_array([LOWER, ORTH, TAG]) if len(doc) else numpy.zeros((0, 3), dtype="uint64"))
        return self._arrays[1][start:end]


WORDS_KEPT = 500_000  # distinct words per column whose requirements a _Plan keeps


class _Plan:
    """The groups' requirements as bit masks: each distinct word of a sentence (by lower case, text and tag) is looked
    up in a table from the word to the requirements it meets, and a group runs when its mask is all met. A word's
    entry is made the first time it is met: the words its requirements list, and the regular expressions its text
    matches (each tested once per word, not once per sentence that holds it)."""

    def __init__(self, needs: list[Required], groups: dict[tuple[int, ...], Matcher], vocab: Vocab):
        self.strings = vocab.strings
        self.listed: list[dict[int, int]] = [{}, {}, {}]  # per column of (LOWER, ORTH, TAG): listed word -> mask
        self.regexes: list[list[tuple[int, re.Pattern]]] = [[], [], []]  # per column: (bit, expression)
        for i, need in enumerate(needs):
            column = (LOWER, ORTH, TAG).index(need.attr)
            if need.regex is None:
                for word in need.ids:
                    self.listed[column][word] = self.listed[column].get(word, 0) | 1 << i
            else:
                self.regexes[column].append((1 << i, need.regex))
        self.meets: list[dict[int, int]] = [{}, {}, {}]  # per column: every word met so far -> mask
        self.groups = [(sum(1 << i for i in key), group) for key, group in groups.items()]
        # each group filed under one word it needs, so a sentence looks only at the groups one of its words opens
        self.by_need: dict[int, list[tuple]] = {}
        for entry in self.groups:
            self.by_need.setdefault(entry[0].bit_length() - 1, []).append(entry)

    def candidates(self, held: int) -> list[tuple]:
        """The groups filed under a requirement `held` meets: all those whose requirements can all be met."""
        out = list(self.by_need.get(-1, ()))  # (a group needing nothing is filed under none)
        while held:
            low = held & -held
            out += self.by_need.get(low.bit_length() - 1, ())
            held ^= low
        return out

    def words_met(self, words: numpy.ndarray) -> int:
        held = 0
        for column, meets in enumerate(self.meets):
            for word in set(words[:, column].tolist()):
                mask = meets.get(word)
                if mask is None:
                    if len(meets) >= WORDS_KEPT:  # (a corpus's vocabulary keeps growing: memory stays bounded)
                        meets.clear()
                    mask = meets[word] = self._mask_of(column, word)
                held |= mask
        return held

    def _mask_of(self, column: int, word: int) -> int:
        """The requirements a word meets: listed among their words, or its text found by their expression (as
        the Matcher's REGEX tests a word's text)."""
        mask = self.listed[column].get(word, 0)
        if self.regexes[column]:
            text = self.strings[word]
            mask |= sum(bit for bit, regex in self.regexes[column] if regex.search(text))
        return mask
