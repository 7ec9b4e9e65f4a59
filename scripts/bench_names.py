"""How long resolving many names takes: the Hugging Face repositories of a few large families, as
generated spellings (owners, sizes, fine-tunes, quantizations, context lengths, dates), resolved at once.

    python scripts/bench_names.py [--names 20000]

Prints the names, the models they resolve to and the seconds taken; the target is under 10 s for 20,000
names on 2 cores. Resolution compares only names in one block (same version, size, tiers and other words).
"""

from __future__ import annotations

import argparse
import itertools
import time

from floptrail.extract.canonical import resolve
from floptrail.extract.config import load_extract_config

FAMILIES = {  # family spelling -> sizes its repositories come in
    "Llama-3.1": ["8B", "70B", "405B"], "Llama-2": ["7b", "13b", "70b"], "Qwen2.5": ["0.5B", "1.5B", "3B", "7B",
    "14B", "32B", "72B"], "Mistral": ["7B"], "gemma-2": ["2b", "9b", "27b"], "Phi-3": ["mini", "small", "medium"],
    "Falcon": ["7B", "40B", "180B"], "DeepSeek-R1-Distill-Qwen": ["1.5B", "7B", "14B", "32B"],
}
OWNERS = ["", "meta-llama/", "TheBloke/", "bartowski/", "unsloth/", "mlx-community/", "lmstudio-community/",
          "NousResearch/", "QuantFactory/", "someone{n}/"]
SUFFIXES = ["", "-Instruct", "-it", "-chat", "-Instruct-GGUF", "-AWQ", "-GPTQ", "-4bit", "-Instruct-FP8",
            "-128k-instruct", "-Q4_K_M", "-v0.3", "-hf", "-Instruct-2407"]


def names(count: int) -> list[str]:
    spellings = (f"{owner.format(n=n)}{family}-{size}{suffix}"
                 for n in itertools.count()
                 for family, sizes in FAMILIES.items() for size in sizes
                 for owner in OWNERS for suffix in SUFFIXES)
    return list(itertools.islice(spellings, count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=20000)
    args = parser.parse_args()
    naming = load_extract_config().naming
    resolve(["Llama 3.1 405B"], naming)  # lookups built once, as in a run
    given = names(args.names)
    start = time.perf_counter()
    resolved = resolve(given, naming)
    seconds = time.perf_counter() - start
    models = {r.model for r in resolved.values() if r.model}
    print(f"{len(given)} names -> {len(models)} models in {seconds:.2f} s")


if __name__ == "__main__":
    main()
