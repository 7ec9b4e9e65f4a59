"""A disclosed training cost / price per chip-hour, then as the hardware method."""

from __future__ import annotations

from dataclasses import replace

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.hardware import from_chip_hours
from floptrail.estimate.records import Estimate, sci


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    cost = group.best("cost_usd")
    if cost is None:
        return None
    chip = group.chip() or config.prices["default"]["chip"]
    price = config.prices.get(chip, {}).get("usd_per_hour")
    if price is None:
        return None
    hours = cost.value / price
    settings = config.methods["cost"]
    est = from_chip_hours(group, chip, config, hours,
                          f"${sci(cost.value)} / ${price} per {chip}-hour = {sci(hours)} chip-hours", (cost.fact_id,),
                          method="cost", extra_spread=settings["spread"] ** 0.5, confidence=settings["confidence"])
    return replace(est, assumptions=(*est.assumptions, f"prices.{chip}.usd_per_hour={price}")) if est else None
