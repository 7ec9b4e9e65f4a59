"""The spaCy pipeline: a blank English tokenizer tuned for model and chip names, name rulers built
from `configs/`, quantities merged into single tokens, and sentence boundaries for prose and tables.

After `build_pipeline(config)(text)` every token carries `_.qty` (a Quantity), `_.chip` (canonical chip
name) or `_.model` (the model name as written) where it is one, so the rule families can match phrase
shapes such as [quantity] [chip] GPUs with the Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy
import spacy
from floptrail.extract.affixes import screened_finditer, screened_prefix, screened_suffix
from floptrail.extract.canonical import ACCENTED, ACTIVE_SUFFIX, LETTER_VERSION, PURPOSE_WORDS, decimal_sizes
from floptrail.extract.config import ExtractConfig
from floptrail.extract.markup import unemphasised
from floptrail.extract.numbers import FOOTNOTE_MARK, FOOTNOTE_SIGNS, Quantity, find_quantities
from floptrail.extract.sections import RULE_LINE
from spacy.attrs import (
    FLAG19,
    FLAG63,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LENGTH,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import NUM
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans
from spacy.vocab import Vocab

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# hyphen before a unit word splits ("13B-parameter", "1.5-day"); hyphens inside names do not
_UNIT_WORDS = r"(?=(?:parameter|param|token|billion|million|trillion|day|hour|week|month|total|activated|active)s?\b)"
_UNIT_HYPHENS = [rf"(?<=[0-9BMKTbmkt])-{_UNIT_WORDS}", rf"(?<=illion)-{_UNIT_WORDS}"]
_AFTER_MARK = rf"(?<=[{FOOTNOTE_SIGNS}])[.,;:!?)]"  # "...A100-hours¹." ends a sentence
_SENTENCE_END = {".", "!", "?", "。", "！", "？", "；"}
_CJK_SENTENCE_END = {"。", "！", "？", "；"}  # Chinese text has no space after a full stop
# a full stop after these ends an abbreviation, not a sentence ("Ma et al. (2025) showed ...")
_ABBREVIATIONS = {"al", "e.g", "i.e", "etc", "fig", "figs", "eq", "eqs", "vs", "no", "sec", "tab", "approx", "cf",
                  "resp", "ref", "refs", "appx", "ca"}


def tokenizer_expressions(nlp: Language) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The prefix, suffix and infix expressions of floptrail's tokenizer: spaCy's for the language, keeping
    hyphenated names whole (`Llama-3.1-405B`, `A100-80GB`) and splitting CJK text by character."""
    hyphen_rules = [r for r in nlp.Defaults.infixes if "-|–|—" in r or r"[+\-\*^](?=[0-9-])" in r]
    infixes = [r for r in nlp.Defaults.infixes if r not in hyphen_rules]
    # sizes listed with slashes ("7B/14B/32B", "0.5/1.5/7/72B") are several tokens; dates ("2024/05/13") stay whole
    infixes += [rf"[{_CJK}]", *_UNIT_HYPHENS, r"(?<=[0-9])[+\*^](?=[0-9-])", r"\|",
                r"(?<=[0-9])/(?=[0-9./]*[0-9][BMTbmt]\b)", r"(?<=[0-9][BMTbmt])/(?=[0-9])",
                # a parenthesis glued to a word opens a token of its own: "A800(80G)" is a chip and its memory
                r"(?<=[A-Za-z0-9])\((?=[0-9A-Za-z])",
                # a count glued to its chip by a times sign: "96xA100-80G", "8XA100", "8×H100", "2×RTX 3090" ("8x7B" is
                # a mixture's size)
                r"(?<=[0-9])[xX×*](?=[A-Z]+[0-9])", r"(?<=[0-9])[×*](?=[A-Z])",
                # comma-separated values bound their cells ("Kite-3-7B,7B,12T,350000"); a thousands comma stays
                r"(?<=[A-Za-z]),(?=[0-9~])|(?<=[0-9]),(?=[A-Za-z~])"]
    # table pipes written without spaces ("|Llama 1|33B|") bound the cells' tokens, and a CJK character opening a
    # token is one of its own ("和Qwen-14B": an infix is never split off a token's first character)
    prefixes = compile_prefix_regex([r"\|", rf"[{_CJK}]", *nlp.Defaults.prefixes])
    # and sizes stay whole: spaCy's unit suffixes would cut "OPT-125M" into "OPT-125" + "M" ("m" for metres)
    suffixes = [r for r in nlp.Defaults.suffixes if not r.startswith("(?<=[0-9])(?:km|")]
    # a footnote mark glued to a word ("A100-hours¹", "~20 days[^1]") is a token of its own: the word keeps its
    # meaning
    suffixes = [r"\|", FOOTNOTE_MARK, _AFTER_MARK, *suffixes]
    # a sentence's full stop after a chip's memory or a size ("96xA100-80G.", "a 7B.") is no part of it
    suffixes.append(r"(?<=[0-9][A-Za-z])\.")
    # nor after a word in mixed case ("a 70B MoE.", "than LLaMA."), which spaCy keeps whole as if an abbreviation
    suffixes.append(r"(?<=[a-z][A-Z])\.|(?<=[a-z][A-Z]{2})\.|(?<=[a-z][A-Z]{3})\.")
    return prefixes, compile_suffix_regex(suffixes), compile_infix_regex(infixes)


# chunks of text (the words between spaces) whose tokens the tokenizer keeps: spaCy keeps 10,000, fewer than a
# few reports' words, and splits every later word anew on each of its occurrences (a few bytes a chunk)
TOKENIZER_CACHE = 200_000


def _make_tokenizer(nlp: Language) -> None:
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    prefixes, suffixes, infixes = tokenizer_expressions(nlp)
    # spaCy loads its 1,300 special cases ("can't", "U.S.") again each time an affix expression is set: set
    # them with none loaded, and load them once at the end (a tenth of a second of every process's start)
    rules, nlp.tokenizer.rules = nlp.tokenizer.rules, {}
    # each asked only about words it can match (extract/affixes.py), and each answer kept
    nlp.tokenizer.prefix_search = _remembered(screened_prefix(prefixes.search, prefixes))
    nlp.tokenizer.suffix_search = _remembered(screened_suffix(suffixes.search, suffixes))
    nlp.tokenizer.infix_finditer = _remembered(screened_finditer(infixes.finditer, infixes), tuple)
    nlp.tokenizer.rules = rules


def _remembered(find: Callable[[str], object], keep: Callable = lambda found: found,
                limit: int = 200_000) -> Callable[[str], object]:
    """`find` with its answer kept for each word it is asked about. spaCy's tokenizer keeps a word's tokens only
    until the first special case of a document (an "'s", a "U.S."), and after it runs its affix expressions again
    on every repeated word; these answers are the tokenizer's own, dropped once `limit` words are kept. A word
    asked about again is answered by the dict's own lookup, with no Python call (the tokenizer asks hundreds of
    thousands of times per corpus)."""
    return _Answers(find, keep, limit).__getitem__


class _Answers(dict):
    """Answers of `find` by word, each found (and passed through `keep`) the first time the word is asked about."""

    def __init__(self, find: Callable[[str], object], keep: Callable, limit: int):
        super().__init__()
        self.find, self.keep, self.limit = find, keep, limit

    def __missing__(self, word: str) -> object:
        if len(self) >= self.limit:
            self.clear()
        answer = self[word] = self.keep(self.find(word))
        return answer


def literal_alternation(words: list[str]) -> str:
    """A regular expression for exactly the strings `words` (an empty one for none), written as a tree of their
    shared beginnings ("a(?:100|800)" for "a100|a800"). Python's `re` tries the branches of a plain alternation
    one after another at each place; here each character it reads rules out all words but those it begins, which
    matters when a list of a hundred names is tried at every word or character of a text. The strings matched
    are the same in any order, so a pattern that only asks whether it matches finds the same."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _alternation_of(tree)


def _alternation_of(node: dict) -> str:
    branches = [re.escape(char) + _alternation_of(rest) for char, rest in sorted(node.items()) if char]
    if not branches:  # a word ends here, or there are none
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")  # "?": a word may also end here


def name_patterns(families: list[str], tiers: list[str], generic: bool = True) -> list[dict]:
    """Token patterns for model names: a family stem and its version, size and tier parts; with `generic`,
    also a name of any family written with a size or version (`Name-13B`, `Name-V2`)."""
    stems = literal_alternation(families)
    # the parts after a stem are taken possessively (`*+`): a word that fails at its end after many optional
    # separators ("T5Tokenizer.from_pretrained(") would otherwise be split every possible way
    # a stem goes on after a separator, a digit or a capital ("Qwen2.5", "BLOOMZ"), never in lower case: "Phi" does
    # not name "Philosophy", nor "Yi" "Yield"
    family = {"TEXT": {"REGEX": rf"^(?:{stems})(?:(?:[-_.]|(?=[0-9A-Z]))[A-Za-z0-9.]+)*+$"}}
    lower_family = {"TEXT": {"REGEX": rf"^(?i:{stems})-[0-9][-_.A-Za-z0-9]*$"}}
    # a family written in camel case from words ("DeepSeek", "CodeLlama") is that family in any case ("Deepseek
    # Coder", "CodeLLama"); a plain word ("Falcon") or one cased oddly ("LLaMA", "llama" the animal) keeps its case
    camel = literal_alternation([f for f in families if re.fullmatch(r"(?:[A-Z][a-z]{2,}){2,}[A-Za-z]*", f)])
    any_case_family = {"TEXT": {"REGEX": rf"^(?i:{camel})(?:[-_.]?[A-Za-z0-9.]+)*+$"}} if camel else family
    version = {"TEXT": {"REGEX": rf"^(?:[vV]?\d+(?:\.\d+)?[a-z]?|{LETTER_VERSION})$"}, "OP": "?"}
    # a size, or a total and an active size in one word ("1B-400M", "235B-A22B")
    size = {"TEXT": {"REGEX": rf"^(?:\d+x)?\d+(?:\.\d+)?[BMT](?:-\d+(?:\.\d+)?[BM]|{ACTIVE_SUFFIX})?$"}, "OP": "?"}
    tier = {"TEXT": {"IN": list(tiers)}, "OP": "*"}
    variant = {"LOWER": {"IN": list(END_VARIANTS)}, "OP": "?"}
    # an unlisted family written as Name-13B or Name-V2
    # (a version may come before the size: "Name-2-6B", "Name-2.5-7B"; capitalised words or a release may follow
    # it: "Name-7B-Chat", "Name-7B-v0.1")
    # (a mixture's size or name: "Name-8x22B", "Name-MoE"; a size glued to a word: "Name3B"; not a word of the
    # architecture or the schedule: "Sparse-MoE", "Fine-Grained-MoE", "Stage1B")
    generic_head = {"TEXT": {"REGEX": r"^(?!(?:Sparse|Dense|Fine|Shared|Standard|Vanilla|Top|Stage|Step|Phase|Layer)"
                                      r"(?:[-\d]|$))(?:[A-Z][A-Za-z]+(?:-[A-Za-z]+)*(?:-\d+(?:\.\d+)?)?"
                                      r"-(?:(?:\d+x)?\d+(?:\.\d+)?[BM]|V\d+(?:\.\d+)?|MoE)"
                                      r"(?:-[A-Z][A-Za-z0-9]*|-v\d+(?:\.\d+)*)*|[A-Z][a-z]{2,}\d+(?:\.\d+)?B)$"}}
    # a repository's name in lower case: words joined by hyphens, ending in a size and perhaps a fine-tune
    # ("gpt-oss-20b", "dolly-v2-12b", "h2o-danube3-4b-chat")
    # (two words at least: one is often an English word, "pre-1b", "top-2b", or a family's own shorthand)
    lower_head = {"TEXT": {"REGEX": r"^[a-z][a-z0-9]{2,}(?:-[a-z][a-z0-9.]*)+-\d+(?:\.\d+)?[bm]"
                                    r"(?:-(?:instruct|chat|base|it|sft))?$"}}
    heads = (family, lower_family, any_case_family, generic_head, lower_head) if generic else (
        family, lower_family, any_case_family)
    # (a version may follow a tier too, one digit: "Mistral Large 2"; not a score, "Mistral Large 81.2")
    tier_version = {"TEXT": {"REGEX": r"^[1-9]$"}, "OP": "?"}
    parts = {"version": version, "tier": tier, "tier_version": tier_version, "size": size, "variant": variant}
    return [{"label": "MODEL", "pattern": [head, *(parts[p] for p in NAME_TAIL)]} for head in heads]


# the release words a name written with spaces may end on ("Wrenlet 3.2 1B Instruct"), a quantization-aware fine-tune's
# too ("Wrenlet 3.2 1B QLoRA", trained again with its own figures); not a short word a sentence may go on with
# ("X 7B it was", "X 7B RL runs")
END_VARIANTS = ("instruct", "chat", "base", "qlora", "qat")
NAME_TAIL = ("version", "tier", "tier_version", "size", "tier", "variant")  # the parts after a name's head, in order
SIZE_SLOT = NAME_TAIL.index("size")  # where the size stands among them
# one word a name may hold right before its size, where no pattern takes it: "Falcon Mamba 7B", "Megatron-Turing NLG
# 530B"; a word in capitals, or one the text writes after the same head again ("Falcon Beyond 40B", once, is a
# heading's words), never a sentence's or a caption's word ("Llama 2 On 7B")
BRIDGE_WORD = re.compile(r"^(?!(?:The|And|For|With|From|On|In|Of|To|At|By|As|Is|Was|Has|Our|Its|This|That|Table|"
                         r"Figure|Fig|Section|Appendix|Model|Models)$)(?:[A-Z][a-z]{2,}|[A-Z]{2,5}|[A-Z][a-z]+[A-Z]\w*)$")


@Language.factory("floptrail_model_names", default_config={"families": [], "tiers": []})
def _model_names_factory(nlp: Language, name: str, families: list[str], tiers: list[str]):
    return ModelNames(name_patterns(families, tiers), nlp.vocab)


class ModelNames:
    """Model names added to doc.spans["models"]: the spans a SpanRuler with `name_patterns` gives (every match of
    [head, version?, tier*, tier_version?, size?, tier*, variant?], each span once, sorted), and those with one
    BRIDGE_WORD before the size; found without spaCy's Matcher, which builds a Token and runs four regular
    expressions on every word. Here each word is tested against one alternation of the heads, and only the few
    words after a head are walked."""

    def __init__(self, patterns: list[dict], vocab: Vocab | None = None):
        tokens = patterns[0]["pattern"]
        heads = [p["pattern"][0]["TEXT"]["REGEX"] for p in patterns]
        # every head is anchored at both ends, so `match` on the alternation is `search` on any one of them
        self.head = re.compile("|".join(f"(?:{h})" for h in heads))
        # the heads' test as a flag of the vocabulary where a bit is free: spaCy tests each word once, when it
        # first meets it, and a document reads the words' bits
        self.flag = _flag_for(_WordTest(False, "REGEX", self.head.pattern), vocab) if vocab is not None else None
        # the words after a head as (test, repeats); all are optional, so a name may end after any of them
        self.tail: list[tuple[object, bool]] = [(_token_test(t), t["OP"] == "*") for t in tokens[1:]]

    def __call__(self, doc: Doc) -> Doc:
        found = {Span(doc, i, end, label="MODEL") for i in self._heads(doc) for end in self._ends(doc, i)}
        doc.spans["models"] = sorted(found)
        return doc

    def _heads(self, doc: Doc) -> list[int]:
        """The tokens whose word a name's head matches, found without building a Token per word."""
        if not len(doc):
            return []
        if self.flag is not None:
            return numpy.flatnonzero(doc.to_array([self.flag])).tolist()
        # no free flag: each distinct word tested once (a report writes most of its words many times)
        words, at = numpy.unique(doc.to_array([ORTH]), return_inverse=True)
        heads = numpy.array([self.head.match(doc.vocab.strings[int(w)]) is not None for w in words], dtype=bool)
        return numpy.flatnonzero(heads[at]).tolist()

    def _ends(self, doc: Doc, i: int) -> list[int]:
        """Where a name starting with the head at token `i` may end: after the head, then after each word
        the tail's patterns take (the smallest pattern position still open is the whole state, as every
        position after it can be skipped)."""
        out, state, j, bridged = [i + 1], 0, i + 1, False
        size = self.tail[SIZE_SLOT][0]
        while j < len(doc):
            token = doc[j]
            taken = next((k for k in range(state, len(self.tail)) if self.tail[k][0](token)), None)
            if taken is None and not bridged and state <= SIZE_SLOT and j + 1 < len(doc) and size(doc[j + 1]) and (
                    _bridges(doc, j)):
                bridged, j = True, j + 1  # the word and the size after it: no name ends between them
                continue
            if taken is None:
                break
            state = taken if self.tail[taken][1] else taken + 1
            j += 1
            out.append(j)
        return out


def _bridges(doc: Doc, j: int) -> bool:
    """Whether the word at `j` stays in the name before the size after it (BRIDGE_WORD)."""
    word = doc[j].text
    if not BRIDGE_WORD.match(word):
        return False
    return word.isupper() or doc_text(doc).count(f"{doc[j - 1].text}{doc[j - 1].whitespace_}{word}") >= 2


def _token_test(spec: dict):
    """A test of one token for the Matcher spec `spec`: a REGEX or IN on TEXT or LOWER, as spaCy tests it."""
    attr, predicate = next((k, v) for k, v in spec.items() if k != "OP")
    (kind, argument), = predicate.items()
    test = _WordTest(attr == "LOWER", kind, argument if kind == "REGEX" else frozenset(argument))
    return lambda t: test(t.text)


@dataclass(frozen=True)
class _WordTest:
    """A Matcher predicate on a word's own text (TEXT or LOWER, with IN, NOT_IN or REGEX) as a function of
    the word's string, which spaCy stores as a flag on each word of the vocabulary (`Vocab.add_flag`)."""

    lower: bool
    predicate: str
    value: str | frozenset[str]
    # compiled once: the test runs on every new word of the vocabulary, once per flag
    regex: re.Pattern | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self):
        if self.predicate == "REGEX":
            object.__setattr__(self, "regex", re.compile(self.value))

    def __call__(self, word: str) -> bool:
        text = word.lower() if self.lower else word  # spaCy's LOWER is str.lower of the word (asserted below)
        if self.regex is not None:
            return self.regex.search(text) is not None
        return (text in self.value) == (self.predicate == "IN")


_FREE_FLAGS = range(FLAG19, FLAG63 + 1)  # the bits spaCy leaves to applications


def _flag_for(test: _WordTest, vocab: Vocab) -> int | None:
    getters = vocab.lex_attr_getters
    if test.lower and getters.get(LOWER, str.lower)("ÀB") != "àb":
        return None  # a language whose LOWER is not str.lower: keep the Matcher's own test
    if (known := next((bit for bit in _FREE_FLAGS if getattr(getters.get(bit), "word_test", None) == test),
                      None)) is not None:
        return known
    free = next((bit for bit in _FREE_FLAGS if bit not in getters), None)
    return None if free is None else vocab.add_flag(_flag_getter(test), flag_id=free)


def _flag_getter(test: _WordTest) -> Callable[[str], bool]:
    """`test` as a plain function of the word, carrying the test as `word_test`: spaCy calls every flag's function
    on every new word of the vocabulary, and a plain function costs a third of the call of a dataclass instance
    (a report brings tens of thousands of new words)."""
    if test.regex is not None:
        search = test.regex.search
        getter = (lambda word: search(word.lower()) is not None) if test.lower else (
            lambda word: search(word) is not None)
    elif test.predicate == "IN":
        words = test.value
        getter = (lambda word: word.lower() in words) if test.lower else (lambda word: word in words)
    else:
        words = test.value
        getter = (lambda word: word.lower() not in words) if test.lower else (lambda word: word not in words)
    getter.word_test = test
    return getter


_CHIP_PREFIX = r"(?:nvidia-|dgx-|hgx-|nvidia-hgx-|nvidia-dgx-)?"
# (a bare number after a separator only: "A10" + "0" is no A10)
_CHIP_SUFFIX = r"(?:[-_]?(?:sxm\d?|pcie|nvl|\d+g(?:b)?|hbm\d?e?)|[-_]\d+)*"
_CHIP_MEMORY = re.compile(r"^(?:\d*gb?|sxm\d?|pcie)$")  # words after a chip's name: "80GB", "SXM4", "PCIe"


# the sizes TPU slices and pods come in: cores or chips, powers of two and three times them ("v4-6144")
_SLICE_SIZES = sorted({2 ** k for k in range(1, 15)} | {3 * 2 ** k for k in range(2, 13)})


def chip_patterns(config: ExtractConfig) -> list[dict]:
    """Token patterns for TPUs written as two words ("TPU v4", "TPU v4-512", "a v4-512 slice") or as a bare
    "TPU", and for aliases of two or more words ("Ascend 910"); chips written as one word ("A100-80GB",
    "tpu-v4") are found by `ChipAliases`."""
    patterns = []
    for chip in config.chips.values():
        if chip.name.startswith("TPU"):
            # a slice or pod is written with its size ("TPU v4-512", "a v3-1024 pod"); the size counts cores or
            # chips depending on the version, so it names the chip and no count
            version = chip.name.split()[1].lower()
            sized = [f"{version}-{n}" for n in _SLICE_SIZES]  # word lists, not a regex the ruler runs on every word
            patterns += [{"label": "CHIP", "id": chip.name, "pattern": pattern} for pattern in (
                [{"LOWER": {"IN": ["tpu", "tpus"]}}, {"LOWER": {"IN": [version, *sized]}}],
                [{"LOWER": {"IN": sized}}, {"LOWER": {"IN": ["slice", "slices", "pod", "pods"]}}])]
        patterns += [{"label": "CHIP", "id": chip.name, "pattern": [{"LOWER": w} for w in words]}
                     for words in map(_alias_words, chip.aliases) if len(words) > 1 and not chip.name.startswith("TPU")]
    patterns.append({"label": "CHIP", "id": "TPU", "pattern": [{"LOWER": {"IN": ["tpu", "tpus"]}}]})
    return patterns


def _alias_words(alias: str) -> list[str]:
    """The tokens an alias is read as: its words, a Chinese character each ("昇腾910" -> 昇, 腾, 910)."""
    return re.findall(r"[\u4e00-\u9fff]|[^\s\u4e00-\u9fff]+", alias.lower())


@Language.factory("floptrail_chip_phrases", default_config={"patterns": []})
def _chip_phrases_factory(nlp: Language, name: str, patterns: list[dict]):
    return ChipPhrases(nlp.vocab, patterns)


class ChipPhrases:
    """Chips written as words of fixed number (`chip_patterns`), added to doc.spans["chips"] with the chip as
    the span's id: the spans a SpanRuler with the same patterns gives, with the Matcher run only from the few
    words that can open one (a SpanRuler runs it over every word of the document)."""

    def __init__(self, vocab: Vocab, patterns: list[dict]):
        if any("OP" in spec for p in patterns for spec in p["pattern"]):
            raise ValueError("chip phrases are words of fixed number: no pattern may repeat or skip a word")
        self.matcher = Matcher(vocab)  # run on a few words only, so its word tests need no vocabulary flags
        for p in patterns:
            self.matcher.add(p["id"], [p["pattern"]])
        self.width = max((len(p["pattern"]) for p in patterns), default=0)
        self.openers = numpy.array(sorted({vocab.strings.add(word) for p in patterns
                                           for word in _lower_words(p["pattern"][0])}), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        lowers = doc.to_array([LOWER]) if len(doc) else numpy.zeros(0, dtype="uint64")
        found = set()
        for i in numpy.flatnonzero(numpy.isin(lowers, self.openers)).tolist():
            found.update(Span(doc, i, i + end, label="CHIP", span_id=match_id)
                         for match_id, start, end in self.matcher(doc[i:i + self.width]) if start == 0)
        doc.spans["chips"] = sorted(found)
        return doc


def _lower_words(spec: dict) -> list[str]:
    """The words (in lower case) a pattern's first word may be: it tests LOWER against a word or a list."""
    value = spec.get("LOWER")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    raise ValueError(f"a chip phrase opens on a word in lower case or a list of them, not {spec}")


@Language.factory("floptrail_chip_aliases", default_config={"aliases": {}})
def _chip_aliases_factory(nlp: Language, name: str, aliases: dict[str, list[str]]):
    return ChipAliases(aliases)


class ChipAliases:
    """Chips written as one word ("A100", "H100-80GB", "nvidia-dgx-a100"), with an "NVIDIA" before and memory
    words after, added to doc.spans["chips"] with the chip as the span's id: every span a token Matcher with
    the pattern [nvidia?, alias word, memory word*] would give. A word is tested against one expression of all
    the aliases once (its answer kept for later documents), and only the words it takes are read, instead of a
    regex predicate per alias on every token or a search of the whole text for where an alias starts."""

    WORDS_KEPT = 500_000  # distinct words whose answer is kept

    def __init__(self, aliases: dict[str, list[str]]):
        # an "s" ends a plural ("TPU-v4s")
        self.chips = [(chip, re.compile(rf"^{_CHIP_PREFIX}(?:{'|'.join(map(re.escape, names))}){_CHIP_SUFFIX}s?$"))
                      for chip, names in aliases.items()]
        # a word some chip's expression takes: the same frame around any alias (a tree of their beginnings,
        # `literal_alternation`)
        every = literal_alternation([a for names in aliases.values() for a in names])
        self.alias_word = re.compile(rf"^{_CHIP_PREFIX}(?:{every}){_CHIP_SUFFIX}s?$" if every else r"(?!)")
        self.known: dict[int, bool] = {}  # a word's lower case (its hash) -> whether alias_word takes it

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for i in self._alias_words(doc):
            chip = next((c for c, pattern in self.chips if pattern.match(doc[i].lower_)), None)
            if chip is None:
                continue
            end = i + 1
            while end < len(doc) and _CHIP_MEMORY.match(doc[end].lower_):
                end += 1
            starts = [i - 1, i] if i > 0 and doc[i - 1].lower_ == "nvidia" else [i]
            found += [Span(doc, s, e, label="CHIP", span_id=chip) for s in starts for e in range(i + 1, end + 1)]
        if found:
            doc.spans["chips"] = sorted(set([*doc.spans.get("chips", []), *found]))
        return doc

    def _alias_words(self, doc: Doc) -> list[int]:
        """The tokens whose word in lower case is an alias in its frame, each distinct word tested once."""
        if not len(doc):
            return []
        words, at = numpy.unique(doc.to_array([LOWER]), return_inverse=True)
        return numpy.flatnonzero(numpy.array([self._is_alias(int(w), doc.vocab.strings) for w in words.tolist()],
                                             dtype=bool)[at]).tolist()

    def _is_alias(self, word: int, strings) -> bool:
        if (known := self.known.get(word)) is None:
            if len(self.known) >= self.WORDS_KEPT:
                self.known.clear()
            known = self.known[word] = self.alias_word.match(strings[word]) is not None
        return known


@Language.factory("floptrail_mentions", default_config={"not_names": []})
def _mentions_factory(nlp: Language, name: str, not_names: list[str]):
    excluded = frozenset(not_names)
    return lambda doc: merge_mentions(doc, excluded)


# a name before these is a tool's or a data set's ("the GPT-NeoX library", "the Foo Math Corpus"), not a model's
TOOL_WORDS = {"library", "libraries", "framework", "codebase", "toolkit", "package", "repository", "repo",
              "corpus", "corpora", "dataset", "datasets",
              # the machine a model was trained on ("on Lumen Cluster 2", "the Aurora supercomputer")
              "cluster", "clusters", "supercomputer", "supercomputers", "datacenter", "datacenters"}


# a PDF's text may lose the space after a name: "X-SALAis a 9B model" names X-SALA (capitals, then a verb)
GLUED_VERB = re.compile(r"(?<=[A-Z]{2})(?:is|are|was|were|has|had)$")


# a list item labelled by a name and its qualifiers names them all: "* Foo-Base, Cased (Whole Word Masking):" over
# its figures ("12-layer, 768-hidden, 110M parameters"); a remark in parentheses is no part of it ("(New, recommended)")
LIST_LABEL_REST = re.compile(r",[ \t]*[A-Z][^:\n]{0,60}(?=:[ \t]*$)", re.M)
LIST_LABEL_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t]+$")
REMARK = re.compile(r"\s*\([^()]*\b[a-z]+\b[^()]*\)$")


def _list_label_name(doc: Doc, span: Span) -> str:
    text = doc_text(doc)
    rest = LIST_LABEL_REST.match(text, span.end_char)
    if not rest or not LIST_LABEL_LEAD.search(text, max(0, span.start_char - 12), span.start_char):
        return ""
    return REMARK.sub("", span.text + rest.group(0))


FILE_NAME = re.compile(r"\.(?:ya?ml|md|json|py|sh|txt|bin|pth?|ckpt|safetensors|gguf|mdl|cfg|toml|ipynb)$", re.I)


# who made a model: "a 3 billion-parameter model trained by ServiceNow" names the lab after "by"
MADE_BY = {"trained", "developed", "released", "built", "created", "published", "made", "open-sourced", "funded"}


def made_by(word: Span | Token) -> bool:
    """The word names who made a model: "trained by ServiceNow", "developed by Acme"."""
    doc, start = word.doc, word.start if isinstance(word, Span) else word.i
    return start >= 2 and doc[start - 1].lower_ == "by" and doc[start - 2].lower_ in MADE_BY


def _names_no_model(span: Span, not_names: frozenset[str]) -> bool:
    doc = span.doc
    return (span.text.lower() in not_names or bool(FILE_NAME.search(span.text))
            or (span.end < len(doc) and doc[span.end].lower_ in TOOL_WORDS) or made_by(span))


def merge_mentions(doc: Doc, not_names: frozenset[str] = frozenset()) -> Doc:
    """Merge model names, chips and quantities into single tokens carrying their meaning."""
    spans: list[Span] = []
    for key in ("models", "chips"):
        spans.extend(doc.spans.get(key, []))
    # an organisation written like a model ("DeepSeek-AI (2024)") names none, nor does a tool's name ("the
    # GPT-NeoX library")
    # a file ("OLMoE-1B-7B.yml", "config.json") is no model either
    spans = [s for s in spans if s.label_ != "MODEL" or not _names_no_model(s, not_names)]
    # a number a unit follows is a figure, not the version of the name before it ("Wren-360M 3.1 tCO2e")
    spans = [Span(doc, s.start, s.end - 1, label=s.label_) if s.label_ == "MODEL" and len(s) > 1
             and _figure_of_a_unit(doc, s.end - 1) else s for s in spans]
    # a name has one size and one version: a table row read as prose stops at its first figure ("Wren-1.7B 1.71B
    # 11T 512" is the name Wren-1.7B and three cells)
    spans = [Span(doc, s.start, _one_size_end(doc, s), label=s.label_) if s.label_ == "MODEL" and len(s) > 1 else s
             for s in spans]
    # a purpose set off by a spaced dash is part of the name: "Code Llama - Python 7B", "X - Instruct"
    # ("X - Mistral 7B" sets off another model, which stays its own)
    starts = {s.start for s in spans}
    spans = [_with_spaced_part(doc, s, starts) if s.label_ == "MODEL" else s for s in spans]
    # a chip's name written as a model's would be ("Gaudi 2", "TPU v5e") is the chip
    chips = {(s.start, s.end) for s in spans if s.label_ == "CHIP"}
    spans = [s for s in spans if s.label_ != "MODEL" or (s.start, s.end) not in chips]
    named = filter_spans(spans)
    taken = {i for span in named for i in range(span.start, span.end)}
    found = find_quantities(doc_text(doc))
    quantities = []
    for q, (start, end, text) in zip(found, _expanded_token_ranges(doc, [(q.start, q.end) for q in found]),
                                     strict=True):
        if start < 0 or any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        quantities.append((start, end, text, q, bool(SIZE_TEXT.match(text.rstrip(".,;:")))))
    # most figures are one word already, and marking them costs less than merging: all at once, before the merges
    # (which keep every token's place until they are made)
    _mark_quantities(doc, [(start, q, size) for start, end, _, q, size in quantities if end - start == 1])
    with doc.retokenize() as retokenizer:
        for span in named:
            # a chip token carries its canonical name (the pattern id), a model token its name as written
            model = _list_label_name(doc, span) or decimal_sizes(GLUED_VERB.sub("", span.text.rstrip(".,;:")))
            attrs = {"model": model} if span.label_ == "MODEL" else {"chip": span.id_}
            retokenizer.merge(span, attrs={"TAG": span.label_, "_": attrs})
        for start, end, _, q, size in quantities:  # (size: written as models' sizes are, "7B", "8x7B")
            if end - start > 1:
                flags = {"TAG": "QTY", "POS": "NUM"} if size else {"TAG": "QTY"}  # what Matcher patterns test
                retokenizer.merge(Span(doc, start, end), attrs={**flags, "_": {"qty": q, "is_size": size}})
    return doc


SPACED_DASHES = {"-", "–", "—"}
SPACED_VARIANTS = {"Instruct", "Chat", "Base"}  # what a spaced dash sets off without a size after it


def _with_spaced_part(doc: Doc, name: Span, named_starts: set[int]) -> Span:
    """The name with the purpose a spaced dash sets off after it (one word in capitalised lower case, no other name
    or chip), where a size follows the purpose, the purpose is a fine-tune's or the text writes the two so again,
    not ending a line ("Code Llama - Python 7B", "Code Llama - Instruct", "| Code Llama - Python |" twice); the name
    alone otherwise ("X - a new model", a running header's "X - Technical Report" or "X - Training")."""
    dash = name.end
    if dash + 1 >= len(doc) or doc[dash].text not in SPACED_DASHES or not doc[dash - 1].whitespace_ or (
            not doc[dash].whitespace_):
        return name
    purpose = doc[dash + 1]
    if not (purpose.text.isalpha() and purpose.text.istitle()) or purpose.i in named_starts:
        return name
    after = doc[dash + 2] if dash + 2 < len(doc) else None
    if after is not None and SIZE_TEXT.match(after.text):
        return Span(doc, name.start, dash + 3, label=name.label_)
    if after is None or "\n" in purpose.whitespace_ + after.text or after.text.istitle():
        return name
    named = Span(doc, name.start, dash + 2, label=name.label_)
    again = len(re.findall(rf"{re.escape(named.text)}(?!\w)", doc_text(doc))) > 1
    return named if purpose.text in SPACED_VARIANTS or again else name


def _expanded_token_ranges(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """For each character range, the tokens `doc.char_span(start, end, alignment_mode="expand")` spans and their text,
    as (first, end, text), or (-1, -1, "") where it gives None: found for all ranges at once from the tokens'
    offsets, without the Span and Tokens that char_span builds for each (a report has thousands of figures)."""
    if not ranges or not len(doc):
        return [(-1, -1, "")] * len(ranges)
    offsets, lengths, spaces = doc.to_array(["IDX", "LENGTH", "SPACY"]).T.astype("int64").tolist()
    chars = numpy.array(ranges, dtype="int64")
    firsts = numpy.searchsorted(offsets, chars[:, 0], side="right") - 1
    lasts = numpy.searchsorted(offsets, chars[:, 1] - 1, side="right") - 1
    text, out = doc_text(doc), []
    for (start, end), first, last in zip(ranges, firsts.tolist(), lasts.tolist(), strict=True):
        # each token holds its text and the one space after it, as char_span reads it
        if first < 0 or last < 0 or start >= offsets[first] + lengths[first] + spaces[first] or (
                end - 1 >= offsets[last] + lengths[last] + spaces[last]):
            out.append((-1, -1, ""))
            continue
        # a range starting on the space after a token does not take that token
        first += start == offsets[first] + lengths[first]
        out.append((first, last + 1, text[offsets[first]:offsets[last] + lengths[last]] if first <= last else ""))
    return out


def _mark_quantities(doc: Doc, marks: list[tuple[int, Quantity, bool]]) -> None:
    """Tag each token `i` of (i, quantity, is_size) QTY (and NUM, a size), with `_.qty` and `_.is_size`: as setting
    `token.tag_`, `token.pos_` and `token._` does, without building a Token and its extensions' object for each (a
    report has tens of thousands of figures). spaCy keeps a token's extension values in `doc.user_data` under
    ("._.", name, token.idx, None)."""
    if not marks:
        return
    columns = doc.to_array([TAG, POS, IDX])
    at = numpy.array([i for i, _, _ in marks], dtype="int64")
    columns[at, 0] = doc.vocab.strings.add("QTY")
    columns[at[[size for _, _, size in marks]], 1] = NUM
    doc.from_array([TAG, POS], columns[:, :2])
    user_data = doc.user_data
    for idx, (_, q, size) in zip(columns[at, 2].tolist(), marks, strict=True):
        user_data["._.", "qty", idx, None] = q
        user_data["._.", "is_size", idx, None] = size


@Language.component("floptrail_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Sentences end at . ! ? and at line breaks that start a table row, list item or new block."""
    text = doc_text(doc)
    starts = numpy.full((len(doc), 1), -1, dtype="int32")  # set all at once: per-token setting is O(n) each
    if len(doc):
        starts[0] = 1
    # a token's `_.qty` is set where its tag is QTY, by merge_mentions, and its `_.model` where it is MODEL
    qty, model = doc.vocab.strings["QTY"], doc.vocab.strings["MODEL"]
    for i, idx, word, space, tag, next_idx, next_is_space in _sentence_end_candidates(doc, text):
        is_qty, is_model = tag == qty, tag == model and doc[i]._.model
        ends_sentence = word in _CJK_SENTENCE_END or (
            word in _SENTENCE_END and not is_qty and (space or next_is_space)
            and not (word == "." and i > 0 and doc[i - 1].lower_ in _ABBREVIATIONS)) or (
            # a name or figure that took the full stop after it ("... brother Falcon-7B. The 40B model")
            len(word) > 1 and word[-1] == "." and (is_model or is_qty)
            and (space or next_is_space) and _next_word(doc, i).text[:1].isupper())
        breaks_line = "\n" in word or "\n" in space
        if ends_sentence or (breaks_line and _starts_block(text, word, space, idx, next_idx)):
            starts[i + 1] = 1
    if len(doc) > 1:
        # a PDF's footnote run into the text by its mark ("... CEVAL and CMMLU 2The open version of X was trained
        # for 3.2T tokens"): the footnote is a sentence of its own
        offsets = doc.to_array(IDX)
        for m in FOOTNOTE_OPENING.finditer(text):
            i = int(numpy.searchsorted(offsets, m.start(), side="right")) - 1
            if 0 < i < len(doc) and offsets[i] == m.start():
                starts[i] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


FOOTNOTE_OPENING = re.compile(r"(?<=[A-Za-z0-9,)] )\d{1,2}(?=(?:The|This|We|Our|In|It|These|All|See|For|A|An)\s)")


_ENDINGS = re.compile(rf"[{''.join(_SENTENCE_END)}\n]")


def _sentence_end_candidates(doc: Doc, text: str) -> list[tuple[int, int, str, str, int, int, bool]]:
    """The tokens (but the last) whose text or trailing space holds a full stop, a question or exclamation mark or
    a line break: the only ones that can end a sentence. Each as (index, offset, text, trailing space, tag, the next
    token's offset, whether the next token is a space), read from the doc's arrays without building a Token each."""
    if len(doc) < 2:
        return []
    columns = doc.to_array([IDX, LENGTH, SPACY, IS_SPACE, TAG])
    found = numpy.unique(numpy.searchsorted(columns[:, 0], [m.start() for m in _ENDINGS.finditer(text)],
                                            side="right") - 1)
    at = found[(found >= 0) & (found < len(doc) - 1)]
    offsets, lengths, spaces, tags = (columns[at, k].tolist() for k in (0, 1, 2, 4))
    next_spaces, next_offsets = columns[at + 1, 3].tolist(), columns[at + 1, 0].tolist()
    return [(i, offset, text[offset:offset + length], " " if space else "", tag, next_offset, bool(next_space))
            for i, offset, length, space, tag, next_offset, next_space in zip(
                at.tolist(), offsets, lengths, spaces, tags, next_offsets, next_spaces, strict=True)]


def _next_word(doc: Doc, i: int) -> Token:
    """The first token after token `i` that is not a line break."""
    j = i + 1
    while j < len(doc) - 1 and doc[j].is_space:
        j += 1
    return doc[j]


def _starts_block(text: str, word: str, space: str, idx: int, next_idx: int) -> bool:
    """Whether the line after a token (its text, trailing space and offset) starts a new block: a blank line, or a
    table row, heading, list item or rule line, or the line before it is a heading, a row or a rule."""
    newlines = word.count("\n") + space.count("\n")
    if newlines >= 2:
        return True
    line_start = text[next_idx:next_idx + 2]
    previous_line = text[text.rfind("\n", 0, idx) + 1:idx].lstrip()
    return (bool(re.match(r"[|#>*\-+•=]|\d+[.)]\s", line_start)) or previous_line.startswith(("#", "|"))
            or bool(RULE_LINE.match(previous_line)))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token indices of each of `doc.sents`, in order, read from the sentence starts without the
    Span that `doc.sents` builds for each (a report has thousands of sentences, and most are never looked at)."""
    if not len(doc):
        return []
    starts = [0, *(numpy.flatnonzero(doc.to_array([SENT_START])[1:] == 1) + 1).tolist()]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


_TEXT = "floptrail_text"


def doc_text(doc: Doc) -> str:
    """The doc's text, kept with the doc: `Doc.text` joins every token's text anew on each call (a tenth of a
    second on a long report), and merging tokens never changes it."""
    if (text := doc.user_data.get(_TEXT)) is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_TAGS = "floptrail_tags"


def tagged(where: Doc | Span, tag: str) -> list[Token]:
    """The merged mentions of one kind ("MODEL", "CHIP", "QTY") in a doc or a span of it, found on the tag
    merge_mentions gives them without building a Token for every word (`parse` keeps the doc's tags)."""
    doc, start = (where, 0) if isinstance(where, Doc) else (where.doc, where.start)
    tags = doc.user_data.get(_TAGS)
    if tags is None:
        tags = doc.to_array([TAG]) if len(doc) else numpy.zeros(0, dtype="uint64")
    found = numpy.flatnonzero(tags[start:start + len(where)] == doc.vocab.strings[tag])
    return [doc[start + int(i)] for i in found]


def tag_as_model(token: Token, name: str) -> None:
    """Make a word a mention of the model `name`, as merge_mentions makes a name (with the kept tags)."""
    token.tag_, token._.model = "MODEL", name
    if (tags := token.doc.user_data.get(_TAGS)) is not None:
        tags[token.i] = token.doc.vocab.strings["MODEL"]


def sent_text(where: Span | Token) -> str:
    """The text of the sentence holding a span or token (`span_text` of its sentence)."""
    return span_text(where.sent)


def span_text(span: Span) -> str:
    """`span.text`, cut from the kept text: `Span.text` builds a Token for every word of the span, and rules ask
    for their sentence's text on every match."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def parse(nlp: Language, text: str, config: ExtractConfig, stems: list[str] = (),
          not_models: frozenset[str] = frozenset()) -> Doc:
    """Run the pipeline on `text`, also reading names of the families in `stems` (a document's own, found
    by `extract.names`) as model names, and the names in `not_models` (lower case: what the document says is a
    framework, a system, a dataset) as none."""
    text = unemphasised(unwrap_lines(text))
    _keep_plain_words(nlp.tokenizer, text)
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text  # the tokenizer keeps every character, so this is `doc.text`
    for name, component in nlp.pipeline:
        if name == "floptrail_mentions" and stems:
            found = own_name_spans(doc, stems, config)
            doc.spans["models"] = filter_spans([*doc.spans.get("models", []), *found])
        if name == "floptrail_mentions" and not_models:
            doc.spans["models"] = [s for s in doc.spans.get("models", []) if s.text.lower() not in not_models]
        doc = component(doc)
    # (kept: only `tag_as_model` changes a tag from here on, and it keeps this array in step)
    doc.user_data[_TAGS] = doc.to_array([TAG]) if len(doc) else numpy.zeros(0, dtype="uint64")
    return doc


# a chunk of text (the characters between spaces) shaped as plain words are: letters and digits, joined by a
# hyphen or a point and ended by a comma or the like ("GPT-4", "3.5", "tokens,"); none holds a special case
_PLAIN_CHUNK = re.compile(r"[A-Za-z0-9]+(?:[-,.:;)][A-Za-z0-9]+)*[,;:)]?")


def _keep_plain_words(tokenizer: Tokenizer, text: str) -> None:
    """Has the tokenizer keep the tokens of the text's plain chunks before it reads the text. spaCy's tokenizer
    keeps a chunk's tokens only until the text's first special case (an "e.g.", a ":)"; spaCy's issue #1250),
    and splits every later chunk anew at each of its occurrences: a report's words, after its first "e.g.".
    Read first, each distinct plain chunk once and no special case among them, they are all kept. The tokens
    are the tokenizer's own either way: a chunk that does meet a special case is just not kept."""
    rules = tokenizer.rules
    tokenizer(" ".join(w for w in dict.fromkeys(text.split()) if w not in rules and _PLAIN_CHUNK.fullmatch(w)))


# a line break inside a sentence of wrapped prose ("a model with 176 billion\nparameters"): the next line goes on
# in lower case (indented, in a list item), and neither line is a heading, a table row, a quote or a rule; or the
# line is as long as a wrapped text's lines are and stops inside its sentence ("trained on 64\nA100s over nine
# days"), and the next is no list item
_WRAPPED = re.compile(r"(?m)^(?![ \t]*[#|>])([^\n]*[^\s\n|=\-])\n(?=[ \t]*[a-z])"
                      r"|^(?![ \t]*[#|>])([^\n]{49,}[^\s\n|=\-.:;!?])\n"
                      # (nor a numbered field or clause: "2.7 Architecture: ...")
                      r"(?=[ \t]*(?!\d+[.)]\s|\d+\.\d+(?:\.\d+)*\s+[A-Z][a-z])[A-Z0-9~$(])")


def unwrap_lines(text: str) -> str:
    """The text with the line breaks of wrapped prose read as spaces, every offset kept."""
    return _WRAPPED.sub(lambda m: (m.group(1) or m.group(2)) + " ", text)



SIZE_TEXT = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[BMT]$")
# (a mixture of experts' size gives its active count too: "21B-A3B")
_NAME_PART = re.compile(rf"^(?:[vV]?\d+(?:\.\d+)?[a-z]?|{LETTER_VERSION}|"
                        rf"(?:\d+x)?\d+(?:\.\d+)?[BMT](?:{ACTIVE_SUFFIX})?)$")
# a unit after a number: the number is a figure, not the name's version ("Wren-360M 7.7 MWh", "X-7B 3 days")
_UNIT_AFTER = re.compile(r"(?i)^(?:[kmgt]wh|t?co2\w*|tonnes?|tokens?|gpus?|tpus?|days?|hours?|weeks?|months?|%|"
                         r"[kmbt]?flops?|pf[- ]?days?)$")


def _figure_of_a_unit(doc: Doc, i: int) -> bool:
    """Whether token `i` is a number with a unit after it."""
    return doc[i].text[:1].isdigit() and i + 1 < len(doc) and bool(_UNIT_AFTER.match(doc[i + 1].text))


_SIZE_IN = re.compile(r"(?:^|[-_])(?:\d+x)?\d+(?:\.\d+)?[BMT](?![A-Za-z0-9.])")  # "30B", "Kite-30B-Chat"


def _one_size_end(doc: Doc, name: Span) -> int:
    """The end of the name `name` without a second size, or a number after its size."""
    sized = False
    for i in range(name.start, name.end):
        word = doc[i].text
        if sized and (word[:1].isdigit() or _SIZE_IN.search(word)):
            return i
        sized = sized or bool(_SIZE_IN.search(word))
    return name.end


# a Chinese lab's name: its words for company, technology, group, laboratory, institute or team after the name
CJK_LAB_AFTER = re.compile(r"科技|公司|集团|实验室|研究院|研究所|团队|智能(?:科技|公司)")


def own_name_spans(doc: Doc, stems: list[str], config: ExtractConfig) -> list[Span]:
    """Names of the families in `stems`, found with one regular expression over the text (a token Matcher
    per document costs as much as the whole pipeline), each extended over the version, size, tier and
    variant words that follow it ("MiniCPM4 8B", "GRIN MoE")."""
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    # a stem goes on only after a separator or a digit ("Ling-Lite", "MiniCPM4", not "Linguistic"); a CJK
    # character may touch a name ("Orion-14B是")
    # and a purpose glued on in capitals ("KestrelChat", "StarCoderBase")
    glued = "|".join(w.capitalize() for w in sorted(PURPOSE_WORDS)) + "|VL|SQL"
    # (a repository's name writes the stem in lower case before its version or size: "mamba2-130m", "wren-7b", or
    # before its tier: "granary-asr-large", "wren-small")
    words = {w.lower() for w in config.naming.tiers} | set(END_VARIANTS)
    tiers = "|".join(sorted(re.escape(w.lower()) for w in config.naming.tiers))
    head = re.compile(rf"(?<![A-Za-z0-9_/.\-{ACCENTED}])(?:(?:{alternatives})(?:{glued})?"
                      rf"|(?i:{alternatives})(?=[-_]?\d|(?:[-_][a-z0-9]+)?[-_](?:{tiers})(?![A-Za-z0-9])))"
                      rf"(?:[-_.][A-Za-z0-9.]+|\d[A-Za-z0-9.]*)*+(?![A-Za-z0-9_\-{ACCENTED}])")
    spans = []
    text = doc_text(doc)
    for m in head.finditer(text):
        if CJK_LAB_AFTER.match(text, m.end()):
            continue  # "墨隼科技发布的" (released by Mosun Technology): the lab the model is named after
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        end = span.end
        while (end < len(doc) and end - span.end < 4 and doc[end - 1].whitespace_ == " "
               and (_NAME_PART.match(doc[end].text) or doc[end].lower_ in words)
               and not _figure_of_a_unit(doc, end)):
            end += 1
        spans.append(Span(doc, span.start, end, label="MODEL"))
    return spans


# the lexical attributes the rules read (Matcher patterns and Python); spaCy computes every attribute it has a getter
# for on each new word of the vocabulary, and a report brings thousands (its shape, stop-word, URL and number tests
# cost a third of reading a document for the first time)
USED_ATTRIBUTES = (LOWER, IS_SPACE, IS_PUNCT, IS_TITLE, IS_ALPHA)


def _read_only_used_attributes(vocab: Vocab) -> None:
    for attr in set(vocab.lex_attr_getters) - set(USED_ATTRIBUTES):
        del vocab.lex_attr_getters[attr]


def build_pipeline(config: ExtractConfig) -> Language:
    """A blank English pipeline with floptrail's tokenizer, rulers, mention merging and sentences."""
    for attr in ("qty", "chip", "model"):
        Token.set_extension(attr, default=None, force=True)
    # boolean views for the rules' Python code (Matcher patterns test the TAG and POS merge_mentions sets)
    Token.set_extension("is_qty", getter=lambda t: t._.qty is not None, force=True)
    Token.set_extension("is_chip", getter=lambda t: t._.chip is not None, force=True)
    Token.set_extension("is_model", getter=lambda t: t._.model is not None, force=True)
    Token.set_extension("is_size", default=False, force=True)
    nlp = spacy.blank("en")
    _read_only_used_attributes(nlp.vocab)
    _make_tokenizer(nlp)
    nlp.add_pipe("floptrail_model_names", name="model_names",
                 config={"families": sorted(config.naming.tagged_stems()), "tiers": list(config.naming.tiers)})
    nlp.add_pipe("floptrail_chip_phrases", name="chip_names", config={"patterns": chip_patterns(config)})
    nlp.add_pipe("floptrail_chip_aliases",
                 config={"aliases": {chip.name: list(chip.aliases) for chip in config.chips.values()}})
    nlp.add_pipe("floptrail_mentions",
                 config={"not_names": sorted(config.naming.not_names | set(config.naming.org_prefixes))})
    nlp.add_pipe("floptrail_sentences")
    return nlp
