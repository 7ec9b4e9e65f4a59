"""Training cost in US dollars: "$61.6 million", "4.9 million USD", "490万美元". Other currencies are
recognised and left out rather than reported as dollars."""

from __future__ import annotations

import re

from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import QTY, SECTOR_WIDE, THE_SECTOR, Reading, per_unit_of_work, word_after
from spacy.tokens import Span

PATTERNS = {
    "cost_usd": [[QTY, {"LOWER": {"IN": ["dollars", "usd", "us$"]}}],
                 [QTY, {"LOWER": {"IN": ["us", "u.s."]}}, {"LOWER": "dollars"}],  # "1.2 million US dollars"
                 [QTY, {"TEXT": "美"}, {"TEXT": "元"}],
                 # a sum with its dollar sign or code ("$61.6 million", "US$ 5M", "USD 2.3 million"): a word test
                 # the Matcher reads as a flag, where a bare figure would match every number in a report
                 [{**QTY, "TEXT": {"REGEX": r"\$|USD"}}]],
}
COST_CUES = re.compile(r"\b(cost|costs|spent|spend|price|budget|expense|training|compute|rent|bill|rate)\w*|"
                       r"\b(?:came|amounted)\s+to\b|\bthe\s+(?:final\s+)?run\b|费用|花费|成本|花了|耗资|训练",
                       re.I)  # ("the bill came to $3.1 million", "at the rates we got, the final run came to $11M";
# "训练花了 5000 万美元", the training took $50 million)
MIN_COST = 1000  # smaller sums are prices per token or per hour
# money raised, not spent: "$600 million Series C", "raised $1.2B in funding", "a valuation of $4B"
FUNDING = re.compile(r"\s*(?:\w+\s+){0,2}?(?:series\s+[a-h]\b|seed\s+round|funding|financing|investment|round|"
                     r"valuation|grant)"
                     r"|\b(?:rais(?:ed|es|ing)|funding|valuation\s+of|valued\s+at|invest(?:ed|s|ing|ment))\s+"
                     r"(?:(?:of|at|about|roughly|nearly|over)\s+)*$", re.I)
# a company's accounts, not a run's cost: "revenue of $1.31 billion", "a net loss of $2.2 billion", "Capital
# expenditures were $1.9 billion", "capex of $6.5 to $7 billion", "$8.4 billion in cash", "$3.4 billion in commitments",
# and a whole industry's spend ("training spend across the sector")
ACCOUNT_BEFORE = re.compile(r"\b(?:revenue|net\s+(?:loss|income)|(?:operating\s+)?(?:loss|profit)|capex|capital\s+"
                            r"expenditures?|(?:research\s+and\s+development|r&d|operating)\s+expenses?)\b"
                            r"(?:\s+[\w-]+){0,3}?\s+(?:of|was|were|is|at|to|totall?ed|reached|came\s+to)\s+"
                            r"(?:about|roughly|around|nearly|over|some)?\s*$", re.I)
# a company's spend across its work, said after the sum: "$1.2 billion on compute this year across all products"
SPEND_ACROSS_AFTER = re.compile(r"[^;.]{0,40}?\bacross\s+(?:all\s+)?(?:of\s+)?(?:our\s+|its\s+|their\s+|the\s+)?"
                                r"(?:products|teams|business(?:es)?|company|organi[sz]ation|projects)\b", re.I)
ACCOUNT_AFTER = re.compile(r"\s*(?:in|of)\s+(?:cash|commitments?|revenue|capex|capital\s+expenditures?)\b", re.I)
WHOLE_SECTOR = re.compile(rf"(?:\bacross\s+{THE_SECTOR}|{SECTOR_WIDE})[^;.]{{0,50}}$", re.I)
# (unless the sentence names a model, or one run or its cost: "We booked the run's compute as an R&D expense of $2.4
# million", "$2.4 million in cash for the GPU time of the Korel-3 training run", "Its training cost was $30 million in
# cash", "A single training run of this size cost", "The cost to train it"; not "future training runs", "Training costs
# across the industry")
RUN_NAMED = re.compile(r"\b(?:the|this|our|its|that|a\s+single)\s+(?:[\w-]+\s+){0,2}?(?:run|training\s+cost)\b|"
                       r"\bcosts?\s+(?:of|for|to)\s+train", re.I)
# hardware the money built or bought, not a run's cost: "spent $120M to buy the GPUs", "The cluster itself cost under
# $380 million to build" (not "Foo-70B cost $2 million to build", "$2M to purchase cloud compute")
HARDWARE = r"(?:cluster|data\s*cent(?:er|re)|supercomputer|facility|campus|gpus|tpus|chips|hardware|servers|machines)"
BUYS_HARDWARE = re.compile(rf"\s*(?:\w+\s+){{0,2}}?to\s+(?:build|construct|buy|purchase|acquire)\s+(?:\w+\s+){{0,2}}?"
                           rf"{HARDWARE}\b", re.I)
BUILDS = re.compile(r"\s*(?:\w+\s+){0,2}?to\s+(?:build|construct)(?=\s*(?:[,.;:)]|$))", re.I)  # (its object before)
HARDWARE_BEFORE = re.compile(rf"\b{HARDWARE}\b", re.I)
# unless the sentence says what the sum paid for: "the cost of training X is around $300" (a fine-tune's run)
TRAINING_COST = re.compile(r"\bcosts?\s+(?:of|for|to)\s+(?:the\s+)?train|\btraining\s+costs?\b|\(training\)", re.I)
MIN_TRAINING_COST = 50


def read(rule: str, span: Span, config) -> list[Reading]:
    qty_token = span[0]
    q = qty_token._.qty
    if not (len(span) > 1 or q.currency == "USD"):  # dollars named after the figure or by its sign
        return []
    floor = MIN_TRAINING_COST if TRAINING_COST.search(sent_text(span)) else MIN_COST
    if q.value < floor:
        return []
    if word_after(span.end, span.doc) in ("per", "/", "an", "a") or not COST_CUES.search(sent_text(span)):
        return []
    if per_unit_of_work(span):
        return []
    text = doc_text(span.doc)
    if BUYS_HARDWARE.match(text, span.end_char) or (BUILDS.match(text, span.end_char)
                                                     and HARDWARE_BEFORE.search(text, span.sent.start_char,
                                                                                span.start_char)):
        return []
    if FUNDING.match(text, span.end_char) or FUNDING.search(text, max(span.sent.start_char, span.start_char - 30),
                                                             span.start_char):
        return []
    if _company_money(span, text) or SPEND_ACROSS_AFTER.match(text, span.end_char):
        return []
    return [Reading("cost_usd", q.value, qty_token, qualifier=q.qualifier)]


def _company_money(span: Span, text: str) -> bool:
    """The sum is a company's account or an industry's spend ("capex of $6.5 billion", "$8.4 billion in cash",
    "training spend across the sector to $14 billion"), in a sentence that names no model and no one run of one."""
    if RUN_NAMED.search(sent_text(span)) or any(t._.model for t in span.sent):
        return False
    before = max(span.sent.start_char, span.start_char - 60)
    return bool(ACCOUNT_AFTER.match(text, span.end_char) or ACCOUNT_BEFORE.search(text, before, span.start_char)
                or WHOLE_SECTOR.search(text, before, span.start_char))
