"""Canonical model names: merge the spellings of one model, never two different models.

A name is read into a signature (family, version, size, tiers, other parts). Sizes, versions and tiers
must agree exactly before rapidfuzz compares the rest, because fuzzy scores alone cannot tell
`Llama 3.1 8B` from `Llama 3.1 70B` (ratio 88) or `Qwen2-72B` from `Qwen2.5-72B` (WRatio 95).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from floptrail.extract.config import ModelNaming
from rapidfuzz import fuzz

FAMILY_SIMILARITY = 90  # rapidfuzz ratio on the family part; 90 merges "Deepseek"/"DeepSeek", not "GPT"/"GLM"
_SIZE = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[bmkt]$")
_ACTIVE_SIZE = re.compile(r"^a\d+(?:\.\d+)?[bm]$")
_VERSION = re.compile(r"^v?(\d+(?:\.\d+)*[a-z]?)$")
_DATE = re.compile(r"^(?:19|20)\d{4,6}$|^\d{4}$")
_NOISE = {"llm", "model", "language", "the"}


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


def strip_name(name: str, naming: ModelNaming) -> str:
    """The name without org prefix and variant suffixes, as written otherwise."""
    name = name.strip().strip("*_`\"'")
    name = name.split("/")[-1]
    name = naming.aliases.get(name, name)
    parts = re.split(r"([-_\s]+)", name)
    words = parts[0::2]
    if len(words) > 1 and words[0].lower() in naming.org_prefixes and not words[1][:1].isdigit():
        parts = parts[2:]
    suffixes = {s.lower() for s in naming.variant_suffixes}
    while len(parts) > 2 and (parts[-1].lower() in suffixes or _DATE.match(parts[-1])):
        parts = parts[:-2]
    stripped = "".join(parts).strip(" -_")
    return naming.aliases.get(stripped, stripped)


def signature(name: str, naming: ModelNaming) -> Signature:
    """Read a model name into the parts that decide identity."""
    words = [w for w in re.split(r"[-_\s]+", strip_name(name, naming).lower()) if w and w not in _NOISE]
    tiers_known = {t.lower() for t in naming.tiers}
    family, version, size, tiers, extra = "", "", "", [], []
    for i, word in enumerate(words):
        word = re.sub(r"^(\d+)([bm])(\d+)$", r"\1.\3\2", word)  # bloom-1b7 is 1.7b
        if i == 0:
            m = re.match(r"^([a-z]+?)[-]?v?(\d+(?:\.\d+)*[a-z]?)$", word)
            if m and m.group(1) not in ("a",):
                family, version = m.group(1), m.group(2)
            else:
                family = word
        elif _SIZE.match(word) and not size:
            size = word
        elif _ACTIVE_SIZE.match(word):
            tiers.append(word)
        elif _VERSION.match(word) and not size:
            digits = _VERSION.match(word).group(1)
            # "3-5" in "claude-3-5-sonnet" is version 3.5
            version = f"{version}.{digits}" if version and "." not in version and digits.isdigit() else (
                version or digits)
        elif word in tiers_known:
            tiers.append(word)
        else:
            extra.append(word)
    return Signature(family, version, size, tuple(tiers), " ".join(extra))


def same_model(a: str, b: str, naming: ModelNaming) -> bool:
    sa, sb = signature(a, naming), signature(b, naming)
    if sa.exact_key != sb.exact_key:
        return False
    # family and the other words compared apart: "DeepSeek" and "DeepSeek-R1" share a family, not a model
    return (fuzz.ratio(sa.family, sb.family) >= FAMILY_SIMILARITY
            and (sa.extra == sb.extra or fuzz.ratio(sa.extra, sb.extra) >= FAMILY_SIMILARITY))


def same_line(model: str, main: str, naming: ModelNaming) -> bool:
    """Whether `model` belongs to the model line `main` names: the same family and version (any size),
    and the same kind of model where `main` names one ("Qwen1.5-MoE" is not "Qwen1.5-7B")."""
    sm, sa = signature(model, naming), signature(main, naming)
    if sm.family != sa.family or (sa.version and sm.version != sa.version):
        return False
    named_tiers = {t for t in sa.tiers if not _ACTIVE_SIZE.match(t)}
    return not named_tiers or bool(named_tiers & set(sm.tiers))


def resolve_names(names: list[str], naming: ModelNaming) -> dict[str, str]:
    """Map each name to its canonical model: the most common stripped spelling of its cluster,
    preferring the prose spelling ("Llama 3.1 405B") over an identifier ("Llama-3.1-405B") on a tie."""
    clusters: list[list[str]] = []
    for name in dict.fromkeys(names):
        home = next((c for c in clusters if same_model(c[0], name, naming)), None)
        if home is None:
            clusters.append([name])
        else:
            home.append(name)
    counts = Counter(strip_name(n, naming) for n in names)
    result = {}
    for cluster in clusters:
        spellings = [strip_name(n, naming) for n in cluster]
        best = max(spellings, key=lambda s: (counts[s], " " in s, -spellings.index(s)))
        for name in cluster:
            result[name] = best
    return result
