"""Affix searches screened by the characters a match can open or end on (extract.affixes) answer exactly as the
expressions do, on every word of the sample corpus and gold documents and the tails and heads spaCy asks about."""

import re
from pathlib import Path

import pytest
import spacy
from floptrail.corpus.load import document_from_bytes
from floptrail.extract.affixes import edge_characters, screened_finditer, screened_prefix, screened_suffix
from floptrail.extract.pipeline import tokenizer_expressions

ROOT = Path(__file__).parents[1]
DOCS = [ROOT / "corpus" / "sample", ROOT / "annotations" / "gold" / "docs"]


@pytest.fixture(scope="module")
def words() -> list[str]:
    paths = sorted(p for folder in DOCS for p in folder.iterdir())
    texts = [document_from_bytes(p.read_bytes(), str(p), p.name).text for p in paths]
    found = {w for text in texts for w in text.split()}
    # spaCy asks about a word again once a prefix or suffix is cut off it
    found |= {cut for w in list(found) for k in range(1, min(len(w), 5)) for cut in (w[k:], w[:-k])}
    return sorted(found | {"", "\n", "x\n", "'s", "US$5", "7B-parameter", "A100(80G)"})


def _answer(match: re.Match | None) -> tuple | None:
    return match and (match.span(), match.group(0))


def test_screened_affixes_answer_as_the_expressions_do(words):
    prefixes, suffixes, infixes = tokenizer_expressions(spacy.blank("en"))
    prefix, suffix = screened_prefix(prefixes.search, prefixes), screened_suffix(suffixes.search, suffixes)
    infix = screened_finditer(infixes.finditer, infixes)
    assert all(e is not None for e in (edge_characters(prefixes), edge_characters(suffixes, last=True),
                                       edge_characters(infixes)))
    for word in words:
        assert _answer(prefix(word)) == _answer(prefixes.search(word)), word
        assert _answer(suffix(word)) == _answer(suffixes.search(word)), word
        assert [m.span() for m in infix(word)] == [m.span() for m in infixes.finditer(word)], word


@pytest.mark.parametrize("pattern, last, opening", [
    (r"^(?:a|\(|[0-9]x)", False, "a(0123456789"), (r"(?:'s|\.)$", True, "s."),
    (r"(?<=[0-9])[+*](?=[0-9])", False, "+*"),
    (r"^\w", False, None), (r"^a?b", False, None), (r"(?i)^a", False, None), (r"^(?=x)", False, None)])
def test_edge_characters(pattern, last, opening):
    edge = edge_characters(re.compile(pattern), last)
    if opening is None:
        assert edge is None
    else:
        assert "".join(c for c in map(chr, range(32, 127)) if edge.match(c)) == "".join(sorted(opening))


def test_an_expression_not_anchored_is_searched_for_every_word():
    unanchored = re.compile(r"a|b")
    search = unanchored.search
    assert screened_prefix(search, unanchored) is search and screened_suffix(search, unanchored) is search
