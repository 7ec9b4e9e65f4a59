"""A disclosed training cost / price per chip-hour for the chip and year, then as the hardware method."""

from __future__ import annotations

from dataclasses import replace

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.hardware import from_chip_hours
from floptrail.estimate.records import Estimate, sci


def price_per_hour(entry: dict, year: float | None) -> float | None:
    """The chip's price in the model's year (the latest listed year not after it), else its default."""
    by_year = {int(y): p for y, p in entry.get("by_year", {}).items()}
    listed = [y for y in by_year if year is not None and y <= year]
    return by_year[max(listed)] if listed else entry.get("usd_per_hour")


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    cost = group.best("cost_usd")
    if cost is None:
        return None
    chip = group.chip() or config.prices["default"]["chip"]
    price = price_per_hour(config.prices.get(chip, {}), group.year)
    if price is None:
        return None
    hours = cost.value / price
    settings = config.methods["cost"]
    est = from_chip_hours(group, chip, config, hours,
                          f"${sci(cost.value)} / ${price} per {chip}-hour = {sci(hours)} chip-hours", (cost.fact_id,),
                          method="cost", extra_spread=settings["spread"] ** 0.5, confidence=settings["confidence"])
    return replace(est, assumptions=(*est.assumptions, f"prices.{chip}.usd_per_hour={price}")) if est else None
