"""Training figures a README gives as the keys of a configuration block ("gpu_hours: 39680", "n_params: 3.05e9",
`"total_tokens": 2_400_000_000_000`): a YAML or JSON block in fenced code, or a card's YAML front matter, which prose
rules never read (code is no text). Only keys that name a run's figure are read; a key that marks a plan or a bound
("planned_hours", "max_tokens") is none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from floptrail.extract.numbers import parse_quantity

# key (lower case, "-" read as "_") -> (kind, factor to the kind's unit)
CONFIG_KEYS = [
    (re.compile(r"(?:total_|train(?:ing)?_|pre_?train(?:ing)?_)?tokens(?:_seen|_trained)?|n(?:um)?_tokens"), "tokens",
     1.0),
    (re.compile(r"n(?:um)?_param(?:eter)?s|param(?:eter)?s|param_count|total_params"), "params", 1.0),
    (re.compile(r"(?:total_)?(?:gpu|tpu|chip|accelerator)_?hours"), "chip_hours", 1.0),
    (re.compile(r"n(?:um)?_gpus|gpus|gpu_count|total_gpus|n(?:um)?_accelerators"), "chip_count", 1.0),
    (re.compile(r"(?:est(?:imated)?_|total_|train(?:ing)?_)?flops?(?:_6nd)?"), "flop", 1.0),
    (re.compile(r"(?:train(?:ing)?|wall_?clock|run)_hours"), "duration_hours", 1.0),
    (re.compile(r"(?:train(?:ing)?|wall_?clock|run)_days"), "duration_hours", 24.0),
    (re.compile(r"(?:est(?:imated)?_)?(?:train(?:ing)?_)?cost_usd"), "cost_usd", 1.0),
]
# a key that is no run's figure: a plan, a bound, a rate
NOT_A_RUN = re.compile(r"plan|target|budget|max|min|limit|per_|_per|rate|est_hours")
CONFIG_LINE = re.compile(r"(?m)^[ \t]*[\"']?(?P<key>[A-Za-z][\w-]*)[\"']?[ \t]*[:=][ \t]*[\"']?"
                         r"(?P<value>[~≈]?[\d][\d_.,]*(?:[eE][+-]?\d+)?[ \t]*[KMBTkmbt]?)[\"']?[ \t]*,?[ \t]*(?:#.*)?$")


@dataclass(frozen=True)
class ConfigValue:
    kind: str
    value: float
    start: int  # the value's span in the text
    end: int
    quote: str  # its line


def config_values(text: str, blocks: list[tuple[int, int]]) -> list[ConfigValue]:
    """The run's figures that the keys of the configuration blocks at `blocks` (character ranges) give."""
    found = []
    for start, end in blocks:
        for m in CONFIG_LINE.finditer(text, start, end):
            key = m.group("key").lower().replace("-", "_")
            kind_factor = next(((kind, factor) for pattern, kind, factor in CONFIG_KEYS if pattern.fullmatch(key)),
                               None)
            quantity = parse_quantity(m.group("value").replace("_", ""))
            if kind_factor is None or NOT_A_RUN.search(key) or quantity is None or quantity.value <= 0:
                continue
            kind, factor = kind_factor
            found.append(ConfigValue(kind, quantity.value * factor, m.start("value"), m.end("value"),
                                     m.group(0).strip()))
    return found
