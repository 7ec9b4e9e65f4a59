"""Canonical model names: merge the spellings of one model, never two different models, and keep model,
family and variant apart.

A name is read in three steps. String rules peel what does not change the model: an organization
(`meta-llama/`, "Meta"), a runtime tag (`llama3.1:405b`), a dated snapshot (`-2024-05-13`, `(Mar 2023)`),
a context length (`-128k`), a quantization (`-AWQ`), a release (`-v0.2` after the size) and fine-tuning
words (`-Instruct`, which make a variant). Knowledge the rules cannot have comes from the alias table
(`configs/aliases.toml`: API snapshots, nicknames, renamed models) and from the reference vocabulary
(Epoch AI's models, `extract/reference.py`), tried after every peeled part so that a name the reference
lists as a model of its own (`o1-preview`, `Kimi K2 Thinking`) stays one. What is left is read into a
signature (family, version, size, tiers, other words); sizes, versions and tiers must agree exactly,
because fuzzy scores alone cannot tell `Llama 3.1 8B` from `Llama 3.1 70B` (ratio 88) or `Qwen2-72B`
from `Qwen2.5-72B` (WRatio 95).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from floptrail.extract.config import ModelNaming, normal_name
from floptrail.extract.numbers import FOOTNOTE_SIGNS
from rapidfuzz import fuzz

REFERENCE_LOOKUPS = "reference_lookups"  # the memo key of the lookups read from the reference
FAMILY_SIMILARITY = 90  # rapidfuzz ratio on the family part; 90 merges "Deepseek"/"DeepSeek", not "GPT"/"GLM"
_SIZE = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[bmkt]$")
_ACTIVE_SIZE = re.compile(r"^a\d+(?:\.\d+)?[bm]$")
# what a lab glues onto its family's name for a model made for a purpose ("AquilaChat", "StarCoderBase"); another
# word glued on names another family ("GPTNeo" beside "GPT-J")
PURPOSE_WORDS = frozenset({"chat", "code", "coder", "instruct", "math", "base", "vision", "vl", "audio", "sql", "med"})
# Latin letters with accents, for character classes: European labs' names carry them ("Tülu 3", "Sabiá-2")
ACCENTED = "À-ÖØ-öø-ÿ"
# a mixture of experts' active count after its size: "30B-A3B", "21B-A3B"
ACTIVE_SUFFIX = r"-A\d+(?:\.\d+)?[BM]"
# a version led by a letter, written apart from the family: "Kimi K2", "Kimi k1.5", "DeepSeek R1", "MiniMax M1"; not a
# quantization's tag ("Q4") nor a chip's name of this shape ("T4", "L40", "A10", "H20": "H100" and its kind have three
# digits; configs/chips.toml lists every chip, and these are its names that a version's shape takes)
# (they are looked behind, once a version's shape has matched: a test before it would run at every word)
LETTER_VERSION = (r"[A-Za-z]\d{1,2}(?:\.\d)?(?<!\b[TtLlPpAa][24])(?<!\b[Qq]\d)"
                  r"(?<!\b(?:[Ll]20|[Ll]40|[Kk]80|[Aa]10|[Aa]16|[Aa]30|[Aa]40|[Pp]40|[Hh]20))")
_VERSION = re.compile(r"^v?(\d+(?:\.\d+)*[a-z]?)$")
_NOISE = {"llm", "model", "language", "the", "hf"}  # words that never tell two models apart
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# a snapshot's date in parentheses: "GPT-4 (Mar 2023)", "(2024-05-13)", and the year alone: "Moraine-2 (2024)"
_DATE_QUALIFIER = re.compile(rf"\s*\((?:(?:{_MONTHS})[a-z]*\.?\s+\d{{4}}|(?:19|20)\d\d(?:-\d\d){{0,2}}|"
                             rf"(?:0[1-9]|1[0-2])-(?:19|20)\d\d)\)", re.I)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_SEP = r"[-_\s]+"
# what the end of a name may carry without naming another model, each with what kind of variant it makes
_DATE_END = re.compile(rf"{_SEP}((?:19|20)\d\d[-_]?\d\d[-_]?\d\d|(?:19|20)\d\d[-_]\d\d|"
                       rf"(?:0[1-9]|1[0-2])[-_](?:19|20)\d\d)$")  # "-2024-05-13", "-2024-05", "-04-2024"
_SHORT_DATE_END = re.compile(rf"{_SEP}(\d{{4}})$")  # "gpt-4-0613" (MMDD), "-2407" (YYMM)
_CONTEXT_END = re.compile(rf"{_SEP}(\d+[kK]|[1-9]\d{{3,6}})$")  # "-128k", "-32768"
_RELEASE = re.compile(r"[vV]\d+(?:\.\d+)*")
_RELEASE_END = re.compile(rf"{_SEP}({_RELEASE.pattern})$")  # "-v0.2" after a size
_QUANT_END = re.compile(rf"{_SEP}((?:i?q\d)(?:_[a-z0-9]+)+)$", re.I)  # llama.cpp's "Q4_K_M", "IQ3_XS"
_QUANT = re.compile(r"^(?:q\d(?:_k)?(?:_[a-z0-9]+)*|\d+bits?|w\d+a\d+|nf4|int\d|fp\d+|bf16|\d+bpw)$", re.I)
_SIZE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9.])(?:\d+x)?\d+(?:\.\d+)?[BbMmTt](?![A-Za-z])")


@dataclass(frozen=True)
class Signature:
    family: str
    version: str
    size: str
    tiers: tuple[str, ...]
    extra: str

    @property
    def exact_key(self) -> tuple:
        return (self.version, self.size, self.tiers)

    @property
    def key(self) -> tuple:
        """What identifies a model: every part, the family without its separators and case (a Chinese family keeps
        its characters: "竹溪-70B" and "星槎-70B" are two models)."""
        return (re.sub(r"[^a-z0-9\u4e00-\u9fff]", "", self.family), self.version, self.size, self.tiers, self.extra)

    @property
    def undated_extra(self) -> str:
        """The extra words without a release date ("GLM-4-32B-0414" -> ""): a dated release of a line is still
        in that line, whether or not the reference spells it with its date."""
        return " ".join(w for w in self.extra.split() if not (len(w) == 4 and w.isdigit() and _plausible_date(w)))

    @property
    def line(self) -> tuple:
        """The model line a sized model belongs to: its key without the size and the active size."""
        family, version, _, tiers, extra = self.key
        return (family, version, tuple(t for t in tiers if not _ACTIVE_SIZE.match(t)), extra)


@dataclass(frozen=True)
class Peeled:
    """A name with its organization and variant parts taken off (`core`, as written otherwise), what was
    taken off that makes it a variant (`variant`, e.g. "instruct", "fp8", "2024-05-13"), the alias or
    reference entry it matched on the way (`known`), and whether a part names further training (a fine-tuning
    word, a longer context: `tuned`)."""
    core: str
    variant: tuple[str, ...] = ()
    known: str = ""
    tuned: bool = False
    release: str = ""  # a release or context suffix as written ("-v1", "-8K"): the same model, but a document
    # that always writes it so names the model with it ("BTLM-3B-8K")

    @property
    def shown(self) -> str:
        """How a document writes the model: its core with the release it is written with."""
        return self.core + self.release


@dataclass(frozen=True)
class Resolution:
    """One name read: the canonical `model` it names (empty when it names a family or nothing), its
    `family` (the model line: "Llama 3.1" for "Llama-3.1-405B-Instruct"), its `variant` (instruct, chat, a
    quantization, a dated snapshot; empty for the model itself) and the reference entry it matched."""
    name: str
    model: str
    family: str
    variant: str
    kind: str  # "model", "family" or "none" (a bare size, an organization, a quantization method)
    reference: str = ""

    @property
    def canonical(self) -> str:
        """What a fact about this name is kept under: the model, else the family (whose facts reach its
        members), else nothing."""
        return self.model or self.family


@dataclass(frozen=True)
class _Lookups:
    """What naming derives once per ModelNaming: word sets, and the reference's names by exact spelling
    and by signature."""
    tiers: frozenset[str]
    tuned: frozenset[str]
    packaging: frozenset[str]
    stems: frozenset[str]
    not_models: frozenset[str]
    organizations: frozenset[str]
    exact: dict[str, str]  # normalised name -> display name (an alias's model, or the reference's spelling)
    by_key: dict[tuple, str]  # signature key -> the reference's display name
    sized_lines: frozenset[tuple]  # (model line, size) of every sized model the reference lists
    # families sized in words ("BERT-Base", "BERT-Large"; configs/models.toml), whose "-Base" is a size
    word_sized: frozenset[str] = frozenset()


def _lookups(naming: ModelNaming) -> _Lookups:
    return naming.memo("canonical", lambda: replace(_reference_lookups(naming), word_sized=frozenset(
        re.sub(r"[^a-z0-9]", "", f.lower()) for f in naming.word_sized)))


def _reference_lookups(naming: ModelNaming) -> _Lookups:
    """The lookups read from the reference and the configured words, which no family sized in words changes:
    built once, and kept by a naming widened with such families (most of the cost of resolving a few names)."""
    return naming.memo(REFERENCE_LOOKUPS, lambda: _build_lookups(naming))


def prepare(naming: ModelNaming) -> None:
    """Build the lookups names are read with now (reading the reference's few thousand names), as a pipeline is
    built: once per naming, before the first document rather than inside its reading."""
    _lookups(naming)


def _build_lookups(naming: ModelNaming) -> _Lookups:
    lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    flat = lambda text: re.sub(r"[^a-z0-9]", "", text.lower())  # noqa: E731
    stems = lower(naming.known_stems())
    organizations = frozenset(flat(o) for o in (*naming.org_prefixes, *naming.organizations.values())
                              if flat(o) not in stems)
    base = _Lookups(lower(naming.tiers), lower(naming.tuned_suffixes), lower(naming.packaging_suffixes), stems,
                    lower(naming.not_models), organizations, {}, {}, frozenset())
    models = naming.reference.models if naming.reference else ()
    displays = [(_DATE_QUALIFIER.sub("", m.name).strip(), m.name) for m in models]
    exact: dict[str, str] = {}
    for display, raw in displays:
        exact.setdefault(normal_name(display), display)
        exact.setdefault(normal_name(raw), display)
    by_key: dict[tuple, str] = {}
    # each reference name read once as spelled (a few thousand names: reading one is most of building these)
    cleaned = [clean(display) for display, _ in displays]
    sigs = [_signature_of_core(name, naming, base) for name in cleaned]
    for sig, (display, _) in zip(sigs, displays, strict=True):  # as spelled, then without words in parentheses
        by_key.setdefault(sig.key, display)  # ("GPT-3 175B (davinci)")
    for name, (display, _) in zip(cleaned, displays, strict=True):
        by_key.setdefault(_signature_of_core(_PAREN.sub("", name), naming, base).key, display)
    for model, sig, (display, _) in zip(models, sigs, displays, strict=True):  # "Chinchilla" is 70B: "Chinchilla 70B"
        if not sig.size and model.parameters:
            by_key.setdefault(replace(sig, size=size_word(model.parameters)).key, display)
    for model in dict.fromkeys(naming.aliases.values()):  # an alias's model is a model of its own ("Gemini 1.5 Flash")
        by_key.setdefault(_signature_of_core(clean(model), naming, base).key, model)
    sized = frozenset((s.line, s.size) for s in sigs if s.size)
    # (word_sized stays empty here: a reference name is read without the families sized in words, which
    # _lookups adds, so the reference's "Yi-Large" or "Mistral Large" are tiers, not sizes in words)
    return replace(base, exact={**exact, **naming.aliases}, by_key=by_key, sized_lines=sized)


def size_word(parameters: float) -> str:
    """A parameter count as names write it: 7e10 -> "70b", 1.5e9 -> "1.5b", 1.25e8 -> "125m"."""
    for scale, unit in ((1e12, "t"), (1e9, "b"), (1e6, "m")):
        if parameters >= scale:
            return f"{parameters / scale:.4g}{unit}"
    return f"{parameters:.4g}"


def known_name(text: str, naming: ModelNaming) -> str:
    """The model an alias names, or the reference's spelling of a name it lists; "" when neither knows it."""
    return _lookups(naming).exact.get(normal_name(text), "")


FOOTNOTE_MARKS = "*" + FOOTNOTE_SIGNS  # glued to a name in tables ("GPT-3-6.7B*‡")
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")


# a repository name writes a size's decimal point as an underscore: "stablelm-2-1_6b" is StableLM 2 1.6B
_UNDERSCORE_DECIMAL = re.compile(r"(?<=[-\s])(\d+)_(\d+)([bmBM])(?![A-Za-z0-9])")


def decimal_sizes(name: str) -> str:
    """A name with its sizes' decimal points restored: "stablelm-2-1_6b" -> "stablelm-2-1.6b"."""
    return _UNDERSCORE_DECIMAL.sub(r"\1.\2\3", name)


# a repository's owner before its name ("meta-llama/"), and never a vision model's patch size after one ("ViT-L/14")
OWNER = re.compile(r"^(?:[^/\s]+/)+(?=[^/]*[A-Za-z])")


def without_owner(name: str) -> str:
    """"meta-llama/Llama-2-7b" -> "Llama-2-7b"; "openai/ViT-L/14" -> "ViT-L/14"."""
    return OWNER.sub("", name)


def clean(name: str) -> str:
    """The name as written without markup, quotes, trailing punctuation or footnote marks (`GPT-Neo-1.3B‡`), a
    repository's owner, a runtime tag's colon (`llama3.1:405b`) or a size in parentheses (`PaLM (540B)`)."""
    name = decimal_sizes(EMOJI.sub("", name))  # "Zephyr-7b-β 🪁": a table's decoration
    name = " ".join(name.split()).strip("*_`\"' ").rstrip(".,;:!?" + FOOTNOTE_MARKS)
    name = _served_spelling(without_owner(name).strip())
    name = re.sub(r"^([\w.\-]+):([\w.\-]+)$", _runtime_tag, name)  # ollama's family:tag
    return re.sub(r"\s*\(((?:\d+x)?\d+(?:\.\d+)?[BMT])\)", r" \1", name)


# how clouds and files spell a model they serve: a provider's prefix and revision ("anthropic.claude-3-opus-20240229-
# v1:0", "meta.llama3-70b-instruct-v1:0"), a date after "@" ("claude-3-opus@20240229"), Mistral's API prefix
# ("open-mixtral-8x7b"), a weights file ("llama-2-7b-chat.Q4_K_M.gguf"), a release date as year.month
# ("Mistral Large 24.11", "v24.09")
_PROVIDER_PREFIX = re.compile(r"^(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|qwen)\.(?=[a-z])")
_PROVIDER_REVISION = re.compile(r"-v(\d+):(\d+)$")
_WEIGHTS_FILE = re.compile(r"\.(?:gguf|ggml|bin|safetensors)$", re.I)
_YEAR_MONTH = re.compile(r"(?<=[\s_-])v?(2[3-9])\.(0[1-9]|1[0-2])$")


def _served_spelling(name: str) -> str:
    if _PROVIDER_PREFIX.match(name):
        name = _PROVIDER_PREFIX.sub("", name)
        # "-v1:0" is the provider's revision; "claude-v2:1" is version 2.1
        name = _PROVIDER_REVISION.sub(lambda m: "" if m.group(2) == "0" else f"-v{m.group(1)}.{m.group(2)}", name)
    name = name.replace("@", "-")
    name = re.sub(r"^open-(?=(?:mistral|mixtral|codestral)\b)", "", name)
    name = _WEIGHTS_FILE.sub("", name)
    name = re.sub(r"\.(?=i?q\d_)", "-", name, flags=re.I)  # "llama-2-7b-chat.Q4_K_M"
    return _YEAR_MONTH.sub(r"\1\2", name)


def _runtime_tag(m: re.Match) -> str:
    """"llama3:70b-text" -> "llama3-70b": a runtime's tag, without the words that pick the base weights ("text",
    "code"), which is the model itself."""
    tag = re.sub(r"(?:^|[-_])(?:text|code)(?=$|[-_])", "", m.group(2)).strip("-_")
    return f"{m.group(1)}-{tag}" if tag else m.group(1)


def written_name(name: str, naming: ModelNaming) -> str:
    """The name as written, without markup, owner or organization word ("Meta-Llama-3-8B-Instruct" ->
    "Llama-3-8B-Instruct")."""
    return _drop_org(clean(name), naming)


def _drop_org(name: str, naming: ModelNaming) -> str:
    """"Meta Llama 3", "Meta-Llama-3-8B", "snowflake-arctic": an organization word before a name. A word
    that is an organization and a family ("Qwen") goes only before a family stem ("Qwen Qwen2.5")."""
    parts = re.split(r"([-_\s]+)", name)
    words = parts[0::2]
    if len(words) < 2 or words[0].lower() not in {o.lower() for o in naming.org_prefixes}:
        return name
    rest = "".join(parts[2:])
    first = words[1].lower()
    if _SIZE.match(first) or _VERSION.match(first) or first in _lookups(naming).tiers:
        return name  # "Qwen-7B", "Qwen-Max": the word is the family here
    stems = _lookups(naming).stems
    if words[0].lower() in stems and not any(first.startswith(s) for s in stems):
        return name
    return rest


def peel(name: str, naming: ModelNaming) -> Peeled:
    """Take a name's variant parts off one at a time, from the end, trying the alias table and the reference
    after each; then fine-tuning words anywhere after the first word ("Llama-2-Chat 13B"). Remembered per naming:
    attribution asks again for the same few names at every figure."""
    peeled = naming.memo("peeled", dict)
    if name not in peeled:
        peeled[name] = _peel(name, naming)
    return peeled[name]


def _peel(name: str, naming: ModelNaming) -> Peeled:
    text = clean(name)
    variant: list[str] = []
    m = _DATE_QUALIFIER.search(text)
    if m:
        variant.append(m.group(0).strip(" ()"))
        text = (text[:m.start()] + text[m.end():]).strip()
    text = _drop_org(text, naming)
    tuned, release = False, ""
    while True:
        known = known_name(text, naming)
        if known:  # spelled as written where the words agree ("Llama 3.1 405B", Epoch's "Llama 3.1-405B")
            return Peeled(_spelled(text, known), tuple(reversed(variant)), known, tuned, release)
        step = _peel_end(text, naming)
        if step is None:
            break
        head, part, is_tuned = step
        if _RELEASE.fullmatch(part) or part.endswith(" context"):
            release = text[len(head):] + release
        text = head
        tuned = tuned or is_tuned
        if part:
            variant.append(part)
    words = re.split(r"([-_\s]+)", text)
    kept = [words[0]]
    for sep, word in zip(words[1::2], words[2::2], strict=False):
        if word.lower() in _lookups(naming).tuned:
            variant.append(word.lower())
            tuned = True
        else:
            kept += [sep, word]
    core = "".join(kept).strip(" -_")
    known = known_name(core, naming) if core != text else ""
    return Peeled(_spelled(core, known) if known else core, tuple(reversed(variant)), known, tuned, release)


def _peel_end(text: str, naming: ModelNaming) -> tuple[str, str, bool] | None:
    """The name without its last variant part, that part as a variant label ("" for "-base", "-hf"), and
    whether it was a fine-tuning word; None when the end is part of the model's name."""
    words = re.split(_SEP, text)
    if len(words) < 2:
        return None
    last, head = words[-1], text[: len(text) - len(words[-1])].rstrip(" -_")
    lower = last.lower()
    if not re.search(r"[A-Za-z]", head):
        return None  # never peel down to a bare number
    if m := _QUANT_END.search(text):
        return text[:m.start()], m.group(1).lower(), False
    if m := _DATE_END.search(text):
        return text[:m.start()], m.group(1).replace("_", "-"), False
    lookups = _lookups(naming)
    if lower in lookups.tuned:
        return head, lower, True
    if lower == "base" and re.sub(r"[^a-z0-9]", "", head.lower()) in lookups.word_sized:
        return None  # "BERT-Base", "T5-Base": a size of a family sized in words, not the pretrained release
    if lower in lookups.packaging:
        return head, "" if lower in ("base", "hf") else lower, False
    if _QUANT.match(last):
        return head, lower, False
    if _CONTEXT_END.search(text) and (lower.endswith("k") or _power_of_two(lower)):
        return head, f"{lower} context", True  # a longer context is trained on: the model's continued run
    if _SHORT_DATE_END.search(text) and _plausible_date(last) and _has_model_part(head):
        return head, last, False
    if _RELEASE_END.search(text) and _SIZE_IN_TEXT.search(head):
        return head, lower, False
    return None


def _power_of_two(word: str) -> bool:
    return word.isdigit() and int(word) >= 1024 and int(word) & (int(word) - 1) == 0


def _plausible_date(digits: str) -> bool:
    """MMDD ("0613") or YYMM ("2407") of the years models have been released in."""
    a, b = int(digits[:2]), int(digits[2:])
    return (1 <= a <= 12 and 1 <= b <= 31) or (18 <= a <= 35 and 1 <= b <= 12)


def _has_model_part(head: str) -> bool:
    """A head that already names a model by version or size ("gpt-4", "mistral-large"), not a bare stem."""
    words = re.split(_SEP, head)
    return len(words) >= 2 or bool(re.search(r"\d", head))


def strip_name(name: str, naming: ModelNaming) -> str:
    """The name without organization and variant parts, as written otherwise (or as the alias table and
    the reference spell it, where one of them knows the name)."""
    return peel(name, naming).core


def configured_families(naming: ModelNaming) -> frozenset[str]:
    """The configured families as a signature writes them ("llama", "deepseek"), remembered per naming."""
    return naming.memo("configured_families", lambda: frozenset(signature(f, naming).family for f in naming.families))


def lowered_families(naming: ModelNaming) -> frozenset[str]:
    """The configured families as written, in lower case ("llama", "deepseek"), remembered per naming."""
    return naming.memo("families_lower", lambda: frozenset(f.lower() for f in naming.families))


def signature(name: str, naming: ModelNaming) -> Signature:
    """Read a model name into the parts that decide identity (remembered per naming, as `peel` is)."""
    signatures = naming.memo("signatures", dict)
    if name not in signatures:
        signatures[name] = _signature_of_core(strip_name(name, naming), naming)
    return signatures[name]


def size_count(size: str) -> float:
    """The parameters a size ("400m", "1.5B", "8x7b"; a mixture's active "A13B") stands for; -1 for no size."""
    m = re.match(r"(?i)a?(?:(\d+)x)?(\d+(?:\.\d+)?)([kmbt])", size or "")
    if not m:
        return -1.0
    scale = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}[m.group(3).lower()]
    return float(m.group(2)) * scale * (int(m.group(1)) if m.group(1) else 1)


def _glued_size(word: str) -> str:
    """"1b7" (bloom-1b7) is 1.7b, "1.0b" is 1b."""
    return re.sub(r"^(\d+)\.0([bmkt])$", r"\1\2", re.sub(r"^(\d+)([bm])(\d+)$", r"\1.\3\2", word))


def _signature_of_core(core: str, naming: ModelNaming, lookups: _Lookups | None = None) -> Signature:
    core = _PAREN.sub(lambda m: f" {m.group(1)}", core)
    words = [w for w in re.split(r"[-_\s]+", core.lower()) if w and w not in _NOISE]
    lookups = lookups or _lookups(naming)
    tiers_known = lookups.tiers
    # two words apart, by a space or a repository's underscore ("Code Llama", "open_llama"; "Cerebras-GPT" is one name)
    two = re.match(r"\s*([A-Za-z]+)[ _]([A-Za-z]+)(?![A-Za-z])", core)
    if two and two.group(1).lower() not in lookups.stems | _NOISE and two.group(2).lower() in lookups.stems:
        words = [words[0] + words[1], *words[2:]]  # "Code Llama" is CodeLlama, "open_llama" OpenLLaMA: a family
    family, version, size, tiers, extra = "", "", "", [], []
    for i, word in enumerate(words):
        word = _glued_size(word)
        if i > 0 and re.fullmatch(r"\d{4}", word) and _plausible_date(word) and i < len(words) - 1:
            continue  # a release date inside the name: "OLMo-2-1124-13B"
        if i == 0:
            m = re.match(r"^([a-z]+?)[-]?v?(\d+(?:\.\d+)*[a-z]?)$", word)
            if m and m.group(1) not in ("a",):
                family, version = m.group(1), m.group(2)
            else:
                family = word
        elif _SIZE.match(word) and not size:
            size = word
        elif _SIZE.match(word) and "x" not in word and 0.02 < size_count(word) / size_count(size) < 1:
            # a smaller second size is the active one ("1B-400M" is "1B-A400M"); "7B-1M" is a context length
            tiers.append(f"a{word}")
        elif _SIZE.match(word) and "x" not in word + size and 0.02 < size_count(size) / size_count(word) < 1:
            tiers.append(f"a{size}")  # the active size written first ("OLMoE-1B-7B": 1B active of 7B)
            size = word
        elif _ACTIVE_SIZE.match(word):
            tiers.append(word)
        elif _VERSION.match(word) and not size:
            digits = _VERSION.match(word).group(1)
            # "3-5" in "claude-3-5-sonnet" is version 3.5
            version = f"{version}.{digits}" if version and "." not in version and digits.isdigit() else (
                version or digits)
        elif word in tiers_known or (word in naming.size_letters and i == len(words) - 1 and not size):
            tiers.append(word)  # (a letter for a size: "Cobalt-CLIP-L")
        elif word == "base" and "".join(words[:i]) in lookups.word_sized:
            tiers.append(word)  # "T5-Base", "BERT-Base": a size of a family sized in words
        elif word == "base" and (size or version or any(_SIZE.match(_glued_size(w)) for w in words[i + 1:])):
            continue  # "MiMo-7B-Base" and "RedPajama-INCITE-Base-7B" are the pretrained MiMo-7B, RedPajama-INCITE-7B
        else:
            extra.append(word)
    version = re.sub(r"^(\d+)\.0$", r"\1", version)  # "Gemini 1.0" is Gemini 1
    version = version or naming.implied_versions.get(family, "")
    return Signature(family, version, size, tuple(sorted(tiers)), " ".join(extra))


def similar_families(a: str, b: str) -> bool:
    """Two spellings of one family ("Deepseek", "DeepSeek"); not a family and one with a letter added to it,
    which labs use for another model ("BLOOM" and "BLOOMZ", its fine-tune)."""
    a, b = a.lower(), b.lower()
    if a != b and (a.startswith(b) or b.startswith(a)):
        return False
    return fuzz.ratio(a, b) >= FAMILY_SIMILARITY


def same_model(a: str, b: str, naming: ModelNaming) -> bool:
    sa, sb = signature(a, naming), signature(b, naming)
    if sa.exact_key != sb.exact_key:
        return False
    # family and the other words compared apart: "DeepSeek" and "DeepSeek-R1" share a family, not a model
    return (similar_families(sa.family, sb.family)
            and (sa.extra == sb.extra or fuzz.ratio(sa.extra, sb.extra) >= FAMILY_SIMILARITY))


def same_line(model: str, main: str, naming: ModelNaming) -> bool:
    """Whether `model` belongs to the model line `main` names: the same family and version (any size),
    and the same kind of model where `main` names one ("Qwen1.5-MoE" is not "Qwen1.5-7B")."""
    sm, sa = signature(model, naming), signature(main, naming)
    if sm.family != sa.family or (sa.version and sm.version != sa.version):
        return False
    named_tiers = {t for t in sa.tiers if not _ACTIVE_SIZE.match(t)}
    return not named_tiers or bool(named_tiers & set(sm.tiers))


def names_no_model(core: str, naming: ModelNaming) -> bool:
    """A bare size ("7B", "7B 72B"), an organization ("DeepSeekAI"), a quantization method ("GPTQ") or a
    tool or data set ("llama.cpp", "...-Dataset")."""
    words = [w for w in re.split(r"[-_\s]+", core.lower()) if w]
    if not words or all(_SIZE.match(w) or re.fullmatch(r"[\d.]+", w) for w in words):
        return True
    lookups = _lookups(naming)
    flat = re.sub(r"[^a-z0-9]", "", core.lower())
    pieces = re.split(r"[^a-z0-9]+", core.lower())
    return (flat in lookups.organizations or _QUANT.match(core) is not None
            or any(p in lookups.not_models for p in pieces))


def resolve(names: list[str], naming: ModelNaming, stated: dict[str, set[float]] | None = None
            ) -> dict[str, Resolution]:
    """Every name read and merged: names whose signatures agree are one model, compared only within blocks
    of the same version, size, tiers and other words (so 20,000 names take seconds). A model the reference
    lists is spelled as the reference spells it; else by its most common spelling, preferring prose
    ("Llama 3.1 405B") over an identifier on a tie. A name without a size is the model of its line's one
    size where only one is known, here or in the reference ("SmolLM3" with "SmolLM3-3B"; spelled with the size
    only where a document writes it); a family where several are ("Llama 2"); unless the reference lists it
    as a model of its own ("GPT-4"), or the documents state parameter counts for the name (`stated`) and none
    is that size ("bloomz | 176B" beside "bloomz-7b1")."""
    unique = list(dict.fromkeys(names))
    stated = stated or {}
    naming = _with_families_sized_in_words(unique, naming)
    peeled = {n: peel(n, naming) for n in unique}
    apart = _released_apart(peeled.values())
    sigs = {n: _signature_of_core(p.shown if p.core in apart else p.core, naming) for n, p in peeled.items()}
    counts = Counter(peeled[n].shown for n in names)
    lookups = _lookups(naming)
    displays: dict[tuple, str] = {}  # signature key -> display name of its cluster
    references: dict[tuple, str] = {}  # signature key -> the reference's name of its cluster
    sized: dict[str, str] = {}  # a reference name without a size -> the sized spelling shown for it
    for cluster in _cluster(unique, sigs):
        spellings = list(dict.fromkeys(peeled[n].shown for n in cluster))
        reference = plain(lookups.by_key.get(sigs[cluster[0]].key, ""))
        # the reference decides the words ("BLOOM" is "BLOOM-176B"); separators, case and a release written
        # after them follow the documents
        same_words = [peeled[n].shown for n in cluster if _words(peeled[n].core) == _words(reference)] if (
            reference) else spellings
        keeps_size = not same_words and sigs[cluster[0]].size and not _signature_of_core(reference, naming).size
        candidates = spellings if keeps_size else same_words
        display = max(candidates, key=lambda s: (counts[s], " " in s, s != s.lower(), -spellings.index(s))) if (
            candidates) else reference
        if keeps_size:  # "Jais-13b" keeps the size the reference's "Jais" leaves out, and so does "Jais"
            sized[reference] = display
        displays.update((sigs[n].key, display) for n in cluster)
        references.update((sigs[n].key, reference) for n in cluster)
    displays.update((key, sized[ref]) for key, ref in references.items() if ref in sized)
    sizes = _sizes_by_line([*sigs.values()], lookups)
    versions = _versions_by_family(sigs.values())
    result = {}
    for name in unique:
        sig, display = sigs[name], displays[sigs[name].key]
        kind, reference = "model", lookups.by_key.get(sig.key, "")
        if names_no_model(display, naming):
            kind, display = "none", ""
        elif not (sig.size or sig.version or sig.tiers or reference or stated.get(name)) and _first_of_several(
                versions[sig.key[0], sig.extra]):
            # "Sable Frontier" beside "Sable Frontier 1.0" and "Sable Frontier 1.5": their family ("Kestrel" beside
            # "Kestrel 2" and "Kestrel 3" is the first release, never numbered)
            kind = "family"
        elif not sig.size and not reference and sig.line in sizes:
            known = sizes[sig.line]
            if len(known) > 1:
                kind = "family"
            elif _fits(stated.get(name, set()), next(iter(known))):  # the line's one size: that model
                size_key = (*sig.key[:2], *known, *sig.key[3:])
                # spelled as the documents write it: a size only the reference knows links, it does not rename
                display = displays.get(size_key, display)
                reference = lookups.by_key.get(size_key, "")
        result[name] = Resolution(name, display if kind == "model" else "",
                                  _family_name(display, _signature_of_core(display, naming)) if display else "",
                                  " ".join(peeled[name].variant), kind, reference)
    return result


def _released_apart(peeled: Iterable[Peeled]) -> set[str]:
    """The names written with two or more releases ("X-92M-v1" and "X-92M-v2"): each release is a model of its own
    there, where one release alone ("Mistral-7B-v0.1") is the model."""
    releases: dict[str, set[str]] = {}
    for p in peeled:
        if _RELEASE_END.search(p.release):
            releases.setdefault(p.core, set()).add(p.release.lower())
    return {core for core, written in releases.items() if len(written) > 1}


def _with_families_sized_in_words(names: list[str], naming: ModelNaming) -> ModelNaming:
    """`naming` with the families these names size in words ("Heron mini", "Heron large", "Heron huge") among the
    word-sized ones: beside two other sizes in words, "Heron base" is a size too, not the pretrained Heron."""
    words = naming.size_words - {"base"}
    tiers: dict[str, set[str]] = defaultdict(set)
    for name in names:
        sig = signature(name, naming)
        if not sig.size:  # (a version is the family's: "Wicket-2 Small", "Wicket-2 Large", so "Wicket-2 Base")
            tiers[f"{sig.family}-{sig.version}" if sig.version else sig.family].update(
                t for t in sig.tiers if t in words)
    known = {re.sub(r"[^a-z0-9]", "", f.lower()) for f in naming.word_sized}
    found = sorted(f for f, t in tiers.items() if len(t) >= 2 and f not in known)
    # a fresh memo but for the reference's lookups: the others derived from naming depend on word_sized
    return replace(naming, word_sized=(*naming.word_sized, *found), _memo=naming.memo_kept(REFERENCE_LOOKUPS)
                   ) if found else naming


def _fits(counts: set[float], size: str) -> bool:
    """No parameter count stated, or one of them is `size` (within a tenth: "6.9B" is the 7B; an "8x7B" names its
    experts, not its total, so any count fits it)."""
    return not counts or "x" in size or any(math.isclose(c, size_count(size), rel_tol=0.1) for c in counts)


def plain(name: str) -> str:
    """A reference name without Epoch AI's notes in parentheses, sizes kept ("GPT-3 175B (davinci)" ->
    "GPT-3 175B", "PaLM (540B)" -> "PaLM 540B")."""
    return _PAREN.sub("", clean(name)).strip()


def _spelled(written: str, known: str) -> str:
    """A known name as the document writes it where the words agree, else as the reference or alias does."""
    return written if _words(written) == _words(plain(known)) else plain(known)


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[-_\s()]+", name.lower()) if w]


def _versions_by_family(sigs: Iterable[Signature]) -> dict[tuple[str, str], set[str]]:
    """The versions written of each family (with its other words: "Sable Frontier"), among the names given."""
    versions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sig in sigs:
        if sig.version:
            versions[sig.key[0], sig.extra].add(sig.version)
    return versions


def _first_of_several(versions: set[str]) -> bool:
    """Two or more versions, the first release among them ("1", "1.0")."""
    return len(versions) > 1 and any(v.lstrip("v") in ("1", "1.0", "01") for v in versions)


def _sizes_by_line(sigs: list[Signature], lookups: _Lookups) -> dict[tuple, set[str]]:
    """The sizes known of each model line, among the names given and in the reference."""
    sizes: dict[tuple, set[str]] = defaultdict(set)
    for line, size in (*((s.line, s.size) for s in sigs if s.size), *lookups.sized_lines):
        sizes[line].add(size)
    return sizes


def _family_name(display: str, sig: Signature) -> str:
    """The model line of a display name: without its size and active size ("Qwen3-235B-A22B" -> "Qwen3")."""
    display = _PAREN.sub("", clean(display))
    if not sig.size:
        return display
    words = re.split(r"([-_\s]+)", display)
    kept = [w for w in words[0::2] if not (_SIZE.match(_glued_size(w.lower())) or _ACTIVE_SIZE.match(w.lower()))]
    seps = words[1::2]
    out = kept[0] if kept else display
    for i, word in enumerate(kept[1:]):
        out += (seps[i] if i < len(seps) else " ") + word
    return out.strip(" -_")


def _cluster(names: list[str], sigs: dict[str, Signature]) -> list[list[str]]:
    """Names grouped by signature: exact keys first, then families compared with rapidfuzz only inside a
    block of the same version, size, tiers and other words."""
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for name in names:
        by_key[sigs[name].key].append(name)
    blocks: dict[tuple, list[tuple]] = defaultdict(list)
    for key in by_key:
        blocks[key[1:]].append(key)
    clusters = []
    for keys in blocks.values():
        merged: list[list[tuple]] = []
        for key in keys:
            home = next((g for g in merged if similar_families(g[0][0], key[0])), None)
            if home is None:
                merged.append([key])
            else:
                home.append(key)
        clusters.extend([n for key in group for n in by_key[key]] for group in merged)
    return clusters


def same_models(names: list[str], targets: list[str], naming: ModelNaming) -> dict[str, str]:
    """Each of `names` that names the same model as one of `targets` (by signature) -> that target."""
    by_key = {signature(t, naming).key: t for t in targets}
    return {n: by_key[k] for n in names if (k := signature(n, naming).key) in by_key}


def family_names(names: list[str], naming: ModelNaming) -> set[str]:
    """Those of the names that name a model family rather than a model: never a row to estimate."""
    return {name for name, r in resolve(names, naming).items() if r.kind == "family"}


def resolve_names(names: list[str], naming: ModelNaming, stated: dict[str, set[float]] | None = None
                  ) -> dict[str, str]:
    """Map each name to its canonical model (or family, whose facts reach its members); "" for a name that
    names no model. `stated`: parameter counts the documents give for a name (see `resolve`)."""
    return {name: r.canonical for name, r in resolve(names, naming, stated).items()}


@dataclass(frozen=True)
class PairScore:
    """Pairwise agreement of resolved names with labelled ones: every pair of spellings counts once."""
    precision: float
    recall: float
    f1: float
    false_merges: tuple[tuple[str, str], ...]  # pairs merged that name different models
    missed: tuple[tuple[str, str], ...]  # pairs of one model left apart


def score_pairs(labelled: list[tuple[str, str]], naming: ModelNaming) -> PairScore:
    """Resolve the spellings of (spelling, true model) rows together and score the pairs they merge."""
    spellings = [s for s, _ in labelled]
    resolved = resolve(spellings, naming)
    merged, apart = [], []
    true_pos = 0
    for i, (a, ta) in enumerate(labelled):
        for b, tb in labelled[i + 1:]:
            ma, mb = resolved[a].model, resolved[b].model
            same = bool(ma) and ma == mb
            if same and ta == tb:
                true_pos += 1
            elif same:
                merged.append((a, b))
            elif ta == tb:
                apart.append((a, b))
    precision = true_pos / (true_pos + len(merged)) if true_pos + len(merged) else 1.0
    recall = true_pos / (true_pos + len(apart)) if true_pos + len(apart) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, tuple(merged), tuple(apart))
