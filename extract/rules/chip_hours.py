"""Chip-hours: "3.3M GPU hours", "30.84M H100-hours", "2,788K GPU-hours", and chip-days counted in hours
("1,600 A100-days" is 38,400 chip-hours). A figure per trillion tokens ("180K GPU hours per trillion tokens") is a
rate, kept apart as `chip_hours_rate`."""

from __future__ import annotations

import re

from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import (
    CHIP,
    CLAUSE_END,
    MODEL,
    PER_TOKENS_ADJECTIVE,
    QTY,
    SIZE,
    STAGE_WORD,
    Reading,
    bare_hour_mark,
    clause_bounds,
    clause_of,
    clauses,
    ends_elided_figure,
    nearest_chip,
    stated_total,
    word_after,
)
from spacy.tokens import Span, Token

TIME_WORDS = ["hours", "hour", "hrs", "hr", "days", "day", "years", "year"]
CHIP_HOUR_TOKEN = r"^(?:gpu|tpu|chip|accelerator|device)s?(?:-?(?:hours?|hrs?|h|days?|years?))?$"  # ("gpu-h")
# "140,000 additional H200 GPU-hours": a word for a further run's amount between the count and its unit (not "more",
# which a comparison's difference takes: "2M more GPU hours than planned")
MORE = {"LOWER": {"IN": ["additional", "extra", "further"]}, "OP": "?"}
PATTERNS = {
    "chip_hours": [[QTY, MORE, CHIP, {"LOWER": {"REGEX": CHIP_HOUR_TOKEN}, "OP": "?"}, {"TEXT": "-", "OP": "?"},
                    {"LOWER": {"IN": TIME_WORDS}, "OP": "?"}],
                   [QTY, MORE, {"LOWER": {"REGEX": CHIP_HOUR_TOKEN}}, {"LOWER": {"IN": TIME_WORDS + ["h"]}, "OP": "?"}],
                   [QTY, MORE, {"LOWER": {"REGEX": r"^[a-z0-9]+-(?:hours?|days?|years?)$"}}],
                   # "73 万 GPU 小时" (730K GPU hours), "200 万 H800 小时"
                   [QTY, {"LOWER": {"REGEX": CHIP_HOUR_TOKEN}}, {"TEXT": "小"}, {"TEXT": "时"}],
                   [QTY, CHIP, {"TEXT": "小"}, {"TEXT": "时"}],
                   # "98.3 万 GPU 时" (983K GPU hours, 时 for 小时); not "2048 张 GPU 时" (at 2048 GPUs), which a
                   # measure word parts from the figure
                   [QTY, {"LOWER": {"REGEX": CHIP_HOUR_TOKEN}}, {"TEXT": "时"}],
                   [QTY, CHIP, {"TEXT": "时"}],
                   # "约 1390 万卡时" (about 13.9M card-hours), "GPU 卡时", "52 万 H800 卡时", "1200 卡·天" (card-days)
                   [QTY, {"LOWER": {"REGEX": CHIP_HOUR_TOKEN}, "OP": "?"}, {"TEXT": "卡"}, {"TEXT": "·", "OP": "?"},
                    {"TEXT": {"IN": ["时", "天"]}}],
                   [QTY, CHIP, {"TEXT": "卡"}, {"TEXT": "·", "OP": "?"}, {"TEXT": {"IN": ["时", "天"]}}]],
    # "52,000 H100-hours for X-Coder and about 17,900 for X-Math": a figure whose unit the sentence wrote once,
    # earlier, followed by the model it is for
    "chip_hours_elided": [[QTY, {"LOWER": "for"}, {"LOWER": "the", "OP": "?"}, MODEL],
                          [QTY, {"LOWER": "for"}, {"LOWER": "the", "OP": "?"}, SIZE],
                          # "... 2.664M for pre-training, 119K for context extension": for a stage of the run
                          [QTY, {"LOWER": "for"}, {"LOWER": "the", "OP": "?"}, {"LOWER": {"REGEX": STAGE_WORD}}],
                          # "X-12B took 0.40M H100 GPU hours and X-3.6B 0.08M": the model, then its figure
                          [MODEL, {"LOWER": {"IN": ["took", "needed", "used", "with", "at"]}, "OP": "?"}, QTY]],
    # the environmental-impact key of a model card: "Hours used: 150000" counts hours of the hardware it names
    "chip_hours_label": [[{"LOWER": "hours"}, {"LOWER": "used"}, {"TEXT": {"IN": [":", "："]}}, QTY],
                         # a card's key: "GPU hours: 1.1M", "TPU-hours = 2.4M", "GPU-days: 1,200"
                         # ("gpu-h: 103,680", a run log's key)
                         [{"LOWER": {"REGEX": r"^(?:gpu|tpu|npu|chip|accelerator)s?(?:-?(?:hours?|hrs?|h|days?))?$"}},
                          {"LOWER": {"IN": ["hours", "hour", "hrs", "days", "day"]}, "OP": "?"},
                          {"TEXT": {"IN": [":", "：", "="]}}, QTY]],
}
# a Chinese sentence parts its clauses with commas: "累计约 98.3 万 GPU 时，折合每万亿 tokens 约 27.3 万 GPU 时"
# (983K GPU hours in all, some 273K per trillion tokens); an English one may go on to the rate in a relative clause
# ("Total: about 4.6M GPU hours, which works out to 300K GPU hours per trillion tokens")
CLAUSE_OR_CJK_COMMA = re.compile(rf"{CLAUSE_END.pattern}|，|,\s+which\s+", re.I)
HOURS_FIGURE = re.compile(r"\d[^，,]*?(?:时|hours?\b)", re.I)  # a clause's figure of hours: a rate's own
TOTAL_CUE = re.compile(r"累计|共计|总计|合计|总共|一共|总消耗|总耗|in\s+total|altogether|total", re.I)
RATE_CUES = re.compile(rf"\b(?:per|each|every)\s+(?:trillion|billion|million|1T|1B)\b|\bper\s+\d|{PER_TOKENS_ADJECTIVE}"
                       # "a trillion tokens cost us 60K GPU hours"
                       r"|\b(?:a|one|1|each|every)\s*(?:trillion|billion|T|B)\s+tokens?\s+(?:costs?|takes?|took|requires?|"
                       r"required|needs?|needed|consumes?|consumed)\b"
                       # "每训练 1万亿 tokens" (for each 1T tokens trained), "每万亿 token"
                       r"|每\s*(?:训练|处理)?\s*(?:约\s*)?(?:[\d.]+\s*)?(?:万亿|千亿|亿|[TB])\s*(?:个\s*)?tokens?",
                       re.I)


def read(rule: str, span: Span, config) -> list[Reading]:
    if rule == "chip_hours_elided":
        if span[0]._.model:  # (the model first: its figure ends the clause, as a gapped verb's does)
            return _elided_hours(span[-1], span[0].i - 1) if ends_elided_figure(span[-1]) else []
        return _elided_hours(span[0])
    if rule == "chip_hours_label":
        q = span[-1]._.qty
        if not re.search(r"hours?\b|hrs?\b|-h\b|days?\b", span.text, re.I):
            return []  # "GPUs: 8" counts chips
        return [Reading("chip_hours", q.value * _hours_per(span.text), span[-1], hardware=nearest_chip(span[-1]),
                        qualifier=q.qualifier)]
    text = span.text.lower()
    qty_token = span[0]
    if not re.search(r"hours?\b|hrs?\b|(?<=[a-z])[- ]?h\b|days?\b|years?\b|小时|卡·?[时天]", text) and not (
            text.endswith("时") and bare_hour_mark(qty_token)):
        return []
    q = qty_token._.qty
    chip = next((t._.chip for t in span if t._.chip), "")
    glued = re.match(r"^([a-z0-9]+)-(?:hours?|days?|years?)$", span[-1].lower_)
    if glued and not re.match(CHIP_HOUR_TOKEN, span[-1].lower_):
        chip = config.chip_for(glued.group(1)) or ""
        if not chip:
            return []
    chip = chip or nearest_chip(qty_token)
    after = word_after(span.end, span.doc)
    # "about 4,100 GPU-hours per trillion tokens, for a total of about 7,400 GPU-hours": a total beside its rate
    rate = RATE_CUES.search(sent_text(span)) and RATE_CUES.search(clause_of(span[0])) and not stated_total(
        qty_token, span.end_char) and not _total_beside_rate(qty_token) and not _rate_of_a_later_figure(span)
    # ("~59.6K gpu-h / 1T tok": per a unit of data; not "120K GPU hours / 2T tokens", two totals)
    per_unit = after == "/" and PER_UNIT_OF_DATA.match(doc_text(span.doc), span.end_char)
    kind = "chip_hours_rate" if after == "per" or per_unit or rate else "chip_hours"
    return [Reading(kind, q.value * _hours_per(text), qty_token, hardware=chip, qualifier=q.qualifier)]


# a figure's unit of chip-hours, right after it: "52,000 H100-hours", "1.2M GPU hours"
HOURS_UNIT = re.compile(r"\s*(?:[A-Za-z0-9]+[- ])?(?:gpu|tpu|npu|chip|accelerator|[a-z]\d{2,3}[a-z]?)s?[- ]?"
                        r"(?:hours?|hrs?)\b", re.I)


PER_UNIT_OF_DATA = re.compile(r"\s*/\s*(?:1\s*|one\s+|a\s+)?(?:[TB]|trillion|billion)\b", re.I)
BARE_AFTER = re.compile(r"\s*(?:[,;:]|(?:for|on|in|of)\b)", re.I)  # a figure whose unit is left to the one before


def _elided_hours(qty_token: Token, joint_at: int | None = None) -> list[Reading]:
    """A bare figure that opens an item of a list ("..., and about 17,900 for X-Math") after a figure written with
    its unit of chip-hours ("52,000 H100-hours for X-Coder"): chip-hours too, of the model it is for. (The hedge
    is part of the figure's token: "about 17,900" is one.) The item's joint is the word before it, or at `joint_at`
    ("and" before "X-3.6B 0.08M")."""
    doc = qty_token.doc
    joint = doc[qty_token.i - 1 if joint_at is None else joint_at]
    if qty_token.i <= qty_token.sent.start or joint.lower_ not in (",", "and", ";", "while", "whereas"):
        return []
    before = [t for t in doc[qty_token.sent.start:joint.i] if t._.qty is not None]
    q = qty_token._.qty
    # (the list's first figure has the unit, and those between it and this one are bare as this one is: "2.788M GPU
    # hours: 2.664M for pre-training, 119K for ..."; a bare figure below one hour is no total, as "about 0.3" after
    # "1.2 million GPU hours" is a share of a scale the sentence wrote once)
    text = doc_text(doc)
    united = [k for k, t in enumerate(before) if HOURS_UNIT.match(text, t.idx + len(t.text))]
    if not united or not all(BARE_AFTER.match(text, t.idx + len(t.text)) for t in before[united[-1] + 1:]) or (
            q.value < 1):
        return []
    return [Reading("chip_hours", q.value, qty_token, hardware=nearest_chip(qty_token), qualifier=q.qualifier)]


def _rate_of_a_later_figure(span: Span) -> bool:
    """The clause's rate cue follows another figure of hours after this one, and none comes before it: the total
    and then its rate ("20.1 million GPU hours, or about 1.09 million GPU hours per trillion tokens")."""
    start, end = clause_bounds(span[0])
    text, at = sent_text(span), span.end_char - span.sent.start_char
    cue = RATE_CUES.search(text, at, end)
    return bool(cue) and not RATE_CUES.search(text, start, span.start_char - span.sent.start_char) and bool(
        HOURS_FIGURE.search(text, at, cue.start()))


def _total_beside_rate(token: Token) -> bool:
    """The figure is a total in a clause of its own that says so, beside another clause that gives the rate with a
    figure of its own ("累计约 98.3 万 GPU 时，折合每万亿 tokens 约 27.3 万 GPU 时"); a rate's cue may stand in a clause
    before its figure ("每训练 1 万亿 tokens，需要约 18 万 GPU 小时")."""
    text = sent_text(token)
    own = clause_bounds(token, CLAUSE_OR_CJK_COMMA)
    if RATE_CUES.search(text[own[0]:own[1]]) or not TOTAL_CUE.search(text[own[0]:own[1]]):
        return False
    others = [text[a:b] for a, b in clauses(text, CLAUSE_OR_CJK_COMMA) if (a, b) != own]
    return any(RATE_CUES.search(c) and HOURS_FIGURE.search(c) for c in others)


def _hours_per(text: str) -> int:
    """Hours in each unit the figure counts: a chip-day is 24 chip-hours."""
    # "1,600 A100-days", "GPU-days: 9", "1200 卡·天", "60 GPU-years"
    if re.search(r"years?\s*(?:[:：=]|$)", text.strip(), re.I):
        return 24 * 365
    return 24 if re.search(r"(?:days?|天)\s*(?:[:：=]|$)", text.strip(), re.I) else 1
