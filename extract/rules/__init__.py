"""Rule families, one module each: its Matcher patterns and the function that reads a match.

Adding a phrasing means adding a pattern to one family; adding a family means one module and one line here.
"""

from floptrail.extract.rules import (
    benchmarks,
    chip_hours,
    cost,
    dates,
    duration,
    efficiency,
    energy,
    flop,
    hardware,
    params,
    sizes,
    tokens,
)

FAMILIES = (flop, tokens, params, sizes, hardware, chip_hours, duration, cost, energy, efficiency, benchmarks, dates)
