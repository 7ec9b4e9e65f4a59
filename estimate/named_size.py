"""The parameter count a model's name states: "Falcon-40B" 40e9, "Qwen3-30B-A3B" its 3B active, "Mixtral-8x7B"
8 x 7e9. Names round (7B for 6.7B), so the count is a check and a last resort, not a measurement."""

from __future__ import annotations

import re

SIZE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}


def name_params(signature) -> float | None:
    """Active parameters from an `A3B` tier, else total parameters from the size ("8x7b" multiplies)."""
    if signature is None:
        return None
    active = next((t for t in signature.tiers if re.fullmatch(r"a\d+(?:\.\d+)?[bm]", t)), "")
    return _count(active[1:]) if active else _count(signature.size)


def name_total_params(signature) -> float | None:
    """Total parameters from the size, leaving an `A3B` tier aside ("Qwen3-30B-A3B" 30e9)."""
    return None if signature is None else _count(signature.size)


def _count(size: str | None) -> float | None:
    m = re.fullmatch(r"(?:(\d+)x)?(\d+(?:\.\d+)?)([kmbt])", size or "")
    if not m:
        return None
    return (int(m.group(1)) if m.group(1) else 1) * float(m.group(2)) * SIZE[m.group(3)]
