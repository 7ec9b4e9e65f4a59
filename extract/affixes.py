"""The characters a regular expression's match can open or end on, so a tokenizer's affix searches are skipped
for words that hold none of them.

spaCy's tokenizer asks its prefix, suffix and infix expressions about every new word (each an alternation of some
seventy pieces, the suffixes' tried at every character of the word), and most words are plain letters that none
of them can match: a prefix opens on a bracket, a quote or a symbol, a suffix ends on one or on an "s" ("'s"), an
infix is a hyphen, a point, a slash or the like. The sets are read from the expressions themselves (from Python's
own parse of them, `re._parser`), so the skipped searches are exactly those that would find nothing; where a set
cannot be told (a negated class, a category such as `\\w`, a piece that may match nothing, case-insensitive
pieces) there is none, and every word is searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

try:  # Python's parser of regular expressions: private, so its absence only costs the screening
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover
    sre_constants = sre_parser = None

Ranges = list[tuple[int, int]]  # code point ranges, inclusive


def edge_characters(expression: re.Pattern, last: bool = False) -> re.Pattern | None:
    """A character class holding every character a match of `expression` can consume first (the last one, with
    `last`), or None where that cannot be told (or a match may consume nothing)."""
    if sre_parser is None or expression.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parser.parse(expression.pattern, expression.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        ranges = _sequence_edge(parsed.data, last)
    except Exception:  # an expression this reading does not know: no screening
        return None
    if not ranges:
        return None
    return re.compile("[" + "".join(_class_item(low, high) for low, high in ranges) + "]")


def _class_item(low: int, high: int) -> str:
    return re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"


def _sequence_edge(items: Sequence, last: bool) -> Ranges | None:
    """The first (last) consumed character's ranges of a sequence of parsed items: zero-width items (anchors and
    lookarounds) are passed over, and the first item that consumes decides."""
    for op, argument in (reversed(items) if last else items):
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        return _item_edge(op, argument, last)
    return None  # nothing consumed


def _item_edge(op, argument, last: bool) -> Ranges | None:
    c = sre_constants
    if op is c.LITERAL:
        return [(argument, argument)]
    if op is c.IN:
        return _class_ranges(argument)
    if op is c.SUBPATTERN:
        _, add_flags, _, body = argument
        return None if add_flags & re.IGNORECASE else _sequence_edge(body.data, last)
    if op is c.BRANCH:
        out: Ranges = []
        for branch in argument[1]:
            if (ranges := _sequence_edge(branch.data, last)) is None:
                return None
            out += ranges
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _, body = argument
        return _sequence_edge(body.data, last) if least >= 1 else None  # an optional item: the next may be first
    return None  # any character, a negated literal, a group reference, an atomic group ...


def _class_ranges(items: Sequence) -> Ranges | None:
    out: Ranges = []
    for op, argument in items:
        if op is sre_constants.LITERAL:
            out.append((argument, argument))
        elif op is sre_constants.RANGE:
            out.append(argument)
        else:  # a negation or a category ("\w", "\s"): not told here
            return None
    return out


def _anchored(expression: re.Pattern, anchor: str) -> bool:
    """Whether every alternative of `expression` opens on `^` (anchor "AT_BEGINNING") or ends on `$` ("AT_END")."""
    return _held_at_edge(sre_parser.parse(expression.pattern, expression.flags).data,
                         getattr(sre_constants, anchor), last=anchor == "AT_END")


def _held_at_edge(items: Sequence, at, last: bool) -> bool:
    if not items:
        return False
    op, argument = items[-1 if last else 0]
    if (op, argument) == (sre_constants.AT, at):
        return True
    if op is sre_constants.BRANCH:  # (the parser takes a start all alternatives share out of them)
        return all(_held_at_edge(branch.data, at, last) for branch in argument[1])
    if op is sre_constants.SUBPATTERN:
        return _held_at_edge(argument[3].data, at, last)
    return False


def screened_prefix(search: Callable[[str], re.Match | None], expression: re.Pattern
                    ) -> Callable[[str], re.Match | None]:
    """`search` (of `expression`, anchored at the start as spaCy's prefixes are), asked only about words whose first
    character a match can open on."""
    opening = edge_characters(expression)
    if opening is None or not _anchored(expression, "AT_BEGINNING"):
        return search
    match = opening.match
    return lambda word: search(word) if match(word) else None


def screened_suffix(search: Callable[[str], re.Match | None], expression: re.Pattern
                    ) -> Callable[[str], re.Match | None]:
    """`search` (of `expression`, every piece ending on `$` as spaCy's suffixes do), asked only about words whose
    last character a match can end on. (`$` also matches before a final line break: such a word is searched.)"""
    ending = edge_characters(expression, last=True)
    if ending is None or not _anchored(expression, "AT_END"):
        return search
    match = ending.match
    return lambda word: search(word) if word and (word[-1] == "\n" or match(word, len(word) - 1)) else None


def screened_finditer(finditer: Callable[[str], Iterator[re.Match]], expression: re.Pattern
                      ) -> Callable[[str], Iterator[re.Match] | tuple]:
    """`finditer` (of `expression`), run only on words holding a character a match can open on."""
    opening = edge_characters(expression)
    if opening is None:
        return finditer
    search = opening.search
    return lambda word: finditer(word) if search(word) else ()
