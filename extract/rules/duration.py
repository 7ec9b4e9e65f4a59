"""Training duration: "for 54 days", "spanned a total of 39 days", "持续了60天". Values in hours."""

from __future__ import annotations

import re
from dataclasses import replace

from floptrail.extract.numbers import CJK_DIGITS, GLUED_TIME_UNITS, HOURS_PER, NUMBER_WORDS, spelled_number
from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import (
    QTY,
    RUN_STOPPED,
    RUN_SUBJECTS,
    THE_RUN,
    TRAINING,
    USE_PART_END,
    Reading,
    clause_bounds,
    clause_of,
    per_unit_of_work,
    word_after,
    words_before,
)
from floptrail.extract.rules.chip_hours import HOURS_UNIT
from floptrail.extract.rules.hardware import CHIP_WORDS
from spacy.tokens import Span, Token

HEDGES = {"about", "around", "roughly", "approximately", "nearly", "almost"}
RUN_NOUNS = {"training", "run", "pretraining", "pre-training", "job", "campaign", "fine-tune", "fine-tuning"}
SPELLED = {word: n for word, n in NUMBER_WORDS.items() if n >= 2}  # "one" and "a" are `duration_one`'s
SPELLED_COMPOUND = (rf"^(?:{'|'.join(w for w, n in NUMBER_WORDS.items() if n >= 20)})-"
                    rf"(?:{'|'.join(w for w, n in NUMBER_WORDS.items() if n <= 9 and len(w) > 2)})$")
CJK_SMALL = {**CJK_DIGITS, "十": 10}
# "两个月后" (two months later), "三天前" (three days ago): a point in time
CJK_POINT_AFTER = ("后", "前", "以后", "之后", "以前", "之前")
# a figure with its unit of time glued on ("36h", "9.5d", "3wks"); a day so written has two digits or a decimal point
# ("3d" is as often three-dimensional)
GLUED_TIME = re.compile(rf"(?:\d\.\d+|\d{{2,}})d$|\d(?:{'|'.join(u for u in GLUED_TIME_UNITS if u != 'd')})$")
GLUED_DAYS_AT_MOST = 180  # a glued "512d" is a model's width, no run
# a run's tokens beside its time: "2.1B tok", "2 trillion tokens"
RUN_TOKENS = re.compile(r"\d\s*(?:[KMBT]|thousand|million|billion|trillion)?\s*(?:toks?|tokens?)\b", re.I)
# a run log's key for the run's time, before it: "wall-clock: 11d 6h", "duration = 9.5d"
RUN_TIME_KEY = re.compile(r"(?:wall[- ]?clock(?:\s+time)?|duration|(?:pre-?)?training\s+time|run\s*time)\s*[:=]\s*"
                          r"[~≈]?\s*$", re.I)
# a model's shape glued as a time would be: "32h attention", "16h heads"
SHAPE_AFTER = {"attention", "heads", "head", "hidden", "dim", "dims", "dimensions", "embedding", "embeddings", "layers"}
# what a run's time spelled with "a" or "one" follows ("took a week", "for about a month", "in one day")
ONE_VERBS = ["in", "for", "within", "over", "took", "takes", "needed", "needs", "required", "requires", "lasted"]
ONE_OPENERS = {*ONE_VERBS, "just", "slightly", "little"}
PATTERNS = {
    # ("13 calendar days", "40 wall-clock hours": the kind of time said between figure and unit)
    "duration": [[QTY, {"LOWER": {"IN": ["calendar", "wall-clock", "wallclock", "elapsed"]}, "OP": "?"},
                  {"LOWER": {"IN": [u for u in HOURS_PER if u.isascii()]}}],
                 [QTY, {"TEXT": {"IN": ["天", "周"]}}],
                 [QTY, {"TEXT": "个", "OP": "?"}, {"TEXT": "小"}, {"TEXT": "时"}],  # "3 (个)小时": hours
                 # "4 个(多)月": four months (or more)
                 [QTY, {"TEXT": "个"}, {"TEXT": "多", "OP": "?"}, {"TEXT": "月"}]],
    # "trained 1.5T tok on 64xH100, 9.5d", "8xH100, 6h total": a unit of time glued to its figure, as terse notes
    # write a run's time beside its chips
    "duration_glued": [[{"TAG": "QTY", "LOWER": {"REGEX": GLUED_TIME.pattern}}],
                       # ... or set one space apart: "~26 d on 2,048 H100s", "6 h on 8xH100"
                       [QTY, {"LOWER": {"IN": ["d", "h"]}}]],
    # "the 85-day training run", "a 40-day pretraining job": a duration written as the run's adjective
    "duration_hyphen": [[QTY, {"TEXT": "-"}, {"LOWER": {"IN": ["hour", "day", "week", "month"]}},
                         {"LOWER": {"IN": list(RUN_NOUNS)}}]],
    # "over two months": small numbers are spelled out, and only a duration unit makes them a figure
    # "three and a half weeks"
    "duration_words": [[{"LOWER": {"IN": list(SPELLED)}}, {"LOWER": "and", "OP": "?"}, {"LOWER": "a", "OP": "?"},
                        {"LOWER": "half", "OP": "?"},
                        {"LOWER": {"IN": ["hours", "days", "weeks", "fortnights", "months"]}}],
                       # "ninety-four days": tens and units joined by a hyphen, one word
                       [{"LOWER": {"REGEX": SPELLED_COMPOUND}},
                        {"LOWER": {"IN": ["hours", "days", "weeks", "months"]}}]],
    # "历时两个月" (took two months), "训练了三天" (trained for three days): a small count in Chinese numerals
    # ("三个多月", over three months: a lower bound)
    "duration_cjk_words": [[{"TEXT": {"IN": list(CJK_SMALL)}}, {"TEXT": "个"}, {"TEXT": "多", "OP": "?"},
                            {"TEXT": "月"}],
                           [{"TEXT": {"IN": list(CJK_SMALL)}}, {"TEXT": {"IN": ["天", "周"]}}]],
    # "trained ... in one day", "took a single week", "for about a month"
    "duration_one": [[{"LOWER": {"IN": ONE_VERBS}},
                      # ("just under a month", "a little over a week": a bound near the time, as with digits)
                      {"LOWER": {"IN": ["just", "slightly", "a"]}, "OP": "?"}, {"LOWER": "little", "OP": "?"},
                      {"LOWER": {"IN": ["under", "over"]}, "OP": "?"},
                      {"LOWER": {"IN": ["more", "less"]}, "OP": "?"}, {"LOWER": "than", "OP": "?"},
                      {"LOWER": {"IN": list(HEDGES)}, "OP": "?"},
                      {"LOWER": {"IN": ["one", "a"]}}, {"LOWER": "single", "OP": "?"},
                      {"LOWER": {"IN": ["day", "week", "fortnight", "month"]}}]],
}
CPU_WORK = re.compile(r"cpus?\b|\bcpu|\bcores?\b", re.I)
AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
NOT_DURATIONS_BEFORE = {"every", "per", "each", "last", "first", "within", "after", "gpu", "tpu"}
# ... of which "each" only right before the time ("each 2 hours"): "the two models each took 9 days" share a run's time
RIGHT_BEFORE_ONLY = {"each"}
# (the run ending after a time, which is its length: "finished after 21 days", rules.base.RUN_STOPPED)
AUXILIARIES = {"was", "were", "is", "are", "been", "had", "has", "have", "be"}
# a duration spelled out in words needs a run around it: training, or a run's wall-clock time
RUN = re.compile(rf"{TRAINING.pattern}|{THE_RUN.pattern}", re.I)
DATA_HOURS = re.compile(r"^\s*of\s+(?:\w+\s+)?(?:audio|speech|video|recordings?|recorded|music|transcribed|"
                        r"labell?ed|unlabell?ed|data)\b", re.I)
# the time something within the run took, not the run: recovering from a failure, an interruption, the interval
# between checkpoints ("故障平均恢复时间在1小时内", a failure's mean recovery time is within an hour)
WITHIN_THE_RUN = re.compile(r"(?:\b(?:recover\w*|restart\w*|downtime|interruptions?|outages?|intervals?|"
                            r"checkpoint(?:s|ing)?\s+every|mean\s+time)\b|恢复|中断|重启|间隔)[^.;。；]{0,30}$", re.I)
# time lost inside the run, said right before or after it: "we lost about 10 hours of training to failures", "about 10
# hours of training were lost to failures", "including 2.6 days lost to node failures"
LOST_BEFORE = re.compile(r"\b(?:lost|wasted|cost\s+(?:us|the\s+run)|(?<!without\s)(?<!not\s)(?<!never\s)(?<!n't\s)"
                         r"(?:stop|stopp(?:ed|ing)|halt(?:ed|ing)?|"
                         # "forced us to stop the whole job for 14 hours", "halted the run for two days"
                         r"paus(?:e|ed|ing)|suspend(?:ed|ing)?)\s+(?:\w+\s+){0,4}?for)\s+"
                         r"(?:(?:about|around|roughly|approximately|nearly|over|some)\s+|[~≈]\s*)?$", re.I)
# ("two days were lost to preemption"; "9 hours of progress" a failure cost)
LOST_AFTER = re.compile(r"^\s*(?:of\s+)?(?:\w+\s+){0,3}?(?:(?:was|were)\s+)?(?:lost|wasted)\b|^\s*of\s+progress\b",
                        re.I)
# a cap on each job of a run, or an average over many waits or segments, not the run's length: "jobs were limited to
# 48 hours of wall time", "capped at 12 hours", "a maximum job length of 24 hours", "queue waits averaged 3.4 hours"
LIMIT_OR_AVERAGE = re.compile(r"\b(?:limit(?:ed)?\s+(?:to|of)|capped\s+at|a\s+cap\s+of|maximum\s+(?:[\w-]+\s+){0,3}?of|"
                              r"averag(?:ed|ing|e\s+of))\s+(?:(?:about|around|roughly|some)\s+)?$", re.I)
# ... said of the jobs or waits a shared machine splits a run into ("training was limited to 30 days" and "training
# averaged 9 days per seed" are the run's)
JOB_WORDS = re.compile(r"\b(?:jobs?|segments?|queue\w*|waits?|wall[- ]?time|walltime|allocations?|slots?)\b", re.I)
EVERY_CJK = re.compile(r"每隔?\s*$")  # "每 2 小时保存一次" (saved every 2 hours): a period, not a run
# the time a project or its development took, of which training is a part
PROJECT_TIME = re.compile(r"\b(?:the|this|our)\s+(?:whole\s+|entire\s+)?(?:project|development)\b|项目|开发", re.I)
# work on the way to a release that is no machine's run, said with no word of training: "Data collection took 3
# months", "Red-teaming lasted 6 weeks", "Annotators spent 2,000 hours labelling", "12 engineers worked for 8 months",
# "生成被拒绝的回答，耗时1天" (generating the rejected answers took a day)
OTHER_WORK = re.compile(r"\b(?:collect\w*|gather\w*|generat\w*|annotat\w*|label(?:l?ing|l?ed)|red[- ]team\w*|"
                        r"annotators?|raters?|labell?ers?|engineers?|researchers?|team|people|staff)\b|"
                        r"数据(?:收集|采集|标注)|标注|人工|生成", re.I)
CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
# the stages that align a model after pretraining: 对齐 (alignment), 偏好优化 (preference optimisation), SFT, DPO, RLHF
ALIGNMENT = re.compile(r"对齐|偏好|\b(?:sft|dpo|rlhf|ppo)\b", re.I)
MAX_HOURS = 24 * 365 * 2  # longer "hours" figures are chip-hours written without the chip


def read(rule: str, span: Span, config) -> list[Reading]:
    """A run's time, in hours; days and the hours after them one time ("11d 6h", "3 days 4 hours")."""
    if _hours_of_days_before(span):
        return []  # (read with the days before it)
    return [_with_hours_after(span, r) for r in _read(rule, span)]


# hours after a count of days, one time with it: "11d 6h", "3 days and 4 hours"
HOURS_AFTER_DAYS = re.compile(r"\s*(?:and\s+)?(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\b", re.I)
DAYS_BEFORE = re.compile(r"\d\s*(?:d|days?)\s*(?:and\s+)?$", re.I)


def _with_hours_after(span: Span, reading: Reading) -> Reading:
    text = doc_text(span.doc)
    end = reading.token.idx + len(reading.token.text)
    if reading.end is not None or not re.match(r"\s*(?:d|days?)\b", text[end:end + 6]) and not re.search(
            r"\dd$", reading.token.lower_):
        return reading
    unit_end = end + re.match(r"\s*(?:d|days?)\b|", text[end:end + 6]).end()
    hours = HOURS_AFTER_DAYS.match(text, unit_end)
    if hours is None or reading.value % 24:
        return reading
    return replace(reading, value=reading.value + float(hours.group(1)), start=reading.token.idx, end=hours.end())


def _hours_of_days_before(span: Span) -> bool:
    """The hours of "11d 6h", "3 days 4 hours": the days before them read them."""
    text = doc_text(span.doc)
    unit = re.match(r"\s*(?:h|hrs?|hours?)\b|", text[span[0].idx + len(span[0].text):]).group(0)
    glued = re.search(r"\d(?:h|hrs?)$", span[0].lower_)
    return bool((unit or glued) and DAYS_BEFORE.search(text, max(0, span[0].idx - 12), span[0].idx))


def _read(rule: str, span: Span) -> list[Reading]:
    qty_token, unit = span[0], "小时" if span[-1].text == "时" else span[-1].lower_
    if rule == "duration_glued":
        return _glued_time(span, qty_token)
    if rule == "duration_hyphen":
        unit = span[2].lower_
    if rule == "duration_one":
        after = span.doc[span.end:span.end + 1].text.lower()
        if not _ran(span, RUN) or after in ("of", "per") or per_unit_of_work(span):
            return []
        if span[0].lower_ in ("over", "under") and span.start > 0 and span.doc[span.start - 1].lower_ in ONE_OPENERS:
            return []  # the longer match reads it ("took over a month", "a little over a week")
        one = span[-3] if span[-2].lower_ == "single" else span[-2]
        words = [t.lower_ for t in span[:one.i - span.start]]  # the verb, and the hedge or bound before the article
        half = AND_A_HALF.match(doc_text(span.doc), span.end_char)  # "about a month and a half"
        return [Reading("duration_hours", HOURS_PER[unit] * (1.5 if half else 1), one,
                        start=span[1].idx, end=half.end() if half else span.end_char,
                        qualifier=_bound_qualifier(words))]
    if rule == "duration_cjk_words":
        after = doc_text(span.doc)[span.end_char:span.end_char + 2]
        if not TRAINING.search(sent_text(span)) or after.startswith(CJK_POINT_AFTER):
            return []
        more = "lower_bound" if any(t.text == "多" for t in span) else ""
        return [Reading("duration_hours", CJK_SMALL[qty_token.text] * HOURS_PER[span[-1].text], qty_token,
                        qualifier=more)]
    if rule == "duration_words":
        if not _ran(span, RUN) or _not_a_duration(qty_token) or _a_point_in_time(span) or (
                unit.startswith("hour") and not _run_hours(qty_token)) or (
                _on_processors(span)) or _lost(span, qty_token) or _job_limit(span, qty_token):
            return []
        count = spelled_number(qty_token.lower_)  # ("ninety-four")
        hours = (count + (0.5 if span[-2].lower_ == "half" else 0.0)) * HOURS_PER[unit]
        return [Reading("duration_hours", hours, qty_token, qualifier=_bound_qualifier(words_before(qty_token, 3)))]
    q = qty_token._.qty
    hours = q.value * HOURS_PER[unit]
    if q.scaled or hours > MAX_HOURS or hours <= 0:
        return []
    if _not_a_duration(qty_token) - {"within"}:
        return []
    if _a_point_in_time(span) or span.doc[span.end:span.end + 2].text.lower().startswith("of gpu") or (
            per_unit_of_work(span)):
        return []
    text, sentence = doc_text(span.doc), sent_text(span)
    if WITHIN_THE_RUN.search(text[max(span.sent.start_char, qty_token.idx - 40):qty_token.idx]):
        return []
    if _on_processors(span):
        return []  # "13600k cpu耗时1小时" (an hour on a CPU), "tokenizing took 2 hours on 64 CPU cores": no model's run
    if PROJECT_TIME.search(re.split(r"[,;，；]", doc_text(span.doc)[span.sent.start_char:qty_token.idx])[-1]):
        return []  # "项目从开始到…耗时了8个月" (the project took 8 months from its start): a project, not a run
    if _lost(span, qty_token) or EVERY_CJK.search(text, max(0, qty_token.idx - 3), qty_token.idx) or _job_limit(
            span, qty_token):
        return []
    before = _doer_before(qty_token)
    if OTHER_WORK.search(before) and not (TRAINING.search(sentence) or THE_RUN.search(before)
                                          or any(t._.chip for t in span.sent)):
        return []
    if DATA_HOURS.match(span.doc[span.end:span.end + 4].text):
        return []  # "960 hours of LibriSpeech audio": an amount of recordings, not how long a run took
    if CJK_TEXT.search(sentence) and not (TRAINING.search(sentence) or ALIGNMENT.search(sentence)
                                          or any(t._.chip for t in span.sent)):
        # Chinese text has no word boundaries to hang other cues on: ask for 训练 (training), an alignment stage or
        # the chips the run took ("在 64 张 A800 上用时约 40 小时"), whatever script the unit is in ("耗时3h")
        return []
    more = any(t.text == "多" for t in span)  # "4 个多月": over four months
    return [Reading("duration_hours", hours, qty_token, qualifier="lower_bound" if more else _during(span, q))]


def _glued_time(span: Span, qty_token: Token) -> list[Reading]:
    """A terse note's time, its unit glued on, in a clause that gives the run's chips, in a sentence on its training or
    tokens ("trained 1.5T tok on 64xH100, 9.5d", "sft 2.1B tok; 8xH100, 6h"; not "24 layers, 16h, 512d", a shape)."""
    start, end = clause_bounds(qty_token)
    sentence, offset = sent_text(span), qty_token.sent.start_char
    unit = span[-1].lower_ if len(span) > 1 else re.search(r"[a-z]+$", qty_token.lower_).group(0)
    if len(span) > 1 and (qty_token._.qty.scaled or (unit == "d" and not GLUED_TIME.search(qty_token.text + "d"))
                          or word_after(span.end, span.doc) in ("per", "/", "each", "a")):
        return []  # ("3 d" is as often three-dimensional as glued "3d" is; "6 h per 1B tokens" is a rate)
    hours = qty_token._.qty.value * GLUED_TIME_UNITS[unit]
    # (the run's chips or its tokens in the clause: "stage A 0 -> 1.50T tok ... ~9.5 d"; or a log's key for the run's
    # time: "wall-clock: 11d 6h")
    clause = sentence[start:end]
    beside_run = any(t._.chip and start <= t.idx - offset < end for t in span.sent) or RUN_TOKENS.search(clause)
    keyed = RUN_TIME_KEY.search(doc_text(span.doc), max(0, qty_token.idx - 24), qty_token.idx)
    if not (keyed or beside_run and (TRAINING.search(sentence) or RUN_TOKENS.search(sentence))) or word_after(
            span.end, span.doc) in SHAPE_AFTER or (unit == "d" and hours > 24 * GLUED_DAYS_AT_MOST) or _lost(
            span, qty_token):
        return []
    return [Reading("duration_hours", hours, qty_token, qualifier=qty_token._.qty.qualifier)]


def _not_a_duration(qty_token: Token) -> set[str]:
    """The words right before a time that make it a period, a point or a rate ("every 2 hours", "the first 3 days");
    not "after" where the run ended then ("training finished after 21 days")."""
    words = words_before(qty_token, 5)
    if words[-2:-1] and words[-1] == "after" and words[-2] in RUN_STOPPED:
        subject = [w for w in words[:-2] if w not in AUXILIARIES][-1:]  # ("training was stopped after 9 weeks")
        if subject and (subject[0] in RUN_SUBJECTS or (subject[0] == "and" and RUN.search(sent_text(qty_token)))):
            return set()
    words = words[-2:]
    return NOT_DURATIONS_BEFORE & (set(words) - RIGHT_BEFORE_ONLY | set(words[-1:]))


def _lost(span: Span, qty_token: Token) -> bool:
    """Time a run lost (to preemption, failures), not how long it took."""
    text = doc_text(span.doc)
    return bool(LOST_BEFORE.search(text, max(0, qty_token.idx - 30), qty_token.idx) or LOST_AFTER.match(
        text[span.end_char:span.end_char + 50]))


def _job_limit(span: Span, qty_token: Token) -> bool:
    """A cap on each job of a shared machine, or an average over its waits ("jobs were limited to 48 hours of wall
    time", "queue waits averaged 3.4 hours"): no run's length."""
    text = doc_text(span.doc)
    start, end = clause_bounds(qty_token)
    clause = sent_text(span)[start:end]
    return bool(LIMIT_OR_AVERAGE.search(text, max(0, qty_token.idx - 40), qty_token.idx) and JOB_WORDS.search(clause))


def _doer_before(qty_token: Token) -> str:
    """The words before a time that tell whose work it was: its clause, and in Chinese also the part before a comma
    ("生成回答，耗时1天": generating the answers, took a day)."""
    sentence, offset = sent_text(qty_token), qty_token.idx - qty_token.sent.start_char
    starts = [0, *(m.end() for m in USE_PART_END.finditer(sentence, 0, offset))]
    start = starts[-2] if len(starts) > 1 and sentence[starts[-1] - 1] == "，" else starts[-1]
    return sentence[start:offset]


# "took over 54 days", "for over a month", "a run of over 50 days": "over" is more than; after a verb phrase it
# tells what the run spanned ("trained on 15T tokens over 54 days")
MORE_THAN_BEFORE = re.compile(r"\b(?:took|takes?|taking|lasted|lasts?|lasting|for|in|of|required|requires?|needed|"
                              r"needs?|spent|spann?ed|spans?|is|was|were)\s*$", re.I)


def _during(span: Span, q) -> str:
    """The qualifier of a duration: a lower bound, but no bound for "over" where it says the time the run spanned."""
    if q.qualifier != "lower_bound" or not q.text.lower().startswith("over"):
        return q.qualifier
    before = doc_text(span.doc)[max(span.sent.start_char, q.start - 30):q.start]
    return q.qualifier if MORE_THAN_BEFORE.search(before) else ""


def _on_processors(span: Span) -> bool:
    """The time was spent on processors, which train no model ("ran on a 2,000-core CPU cluster for three weeks"),
    where the sentence names no chip."""
    return bool(CPU_WORK.search(sent_text(span)) and CPU_WORK.search(clause_of(span[0]))) and not any(
        t._.chip for t in span.sent)


def _bound_qualifier(words: list[str]) -> str:
    """What the words before a time spelled out say of it: near ("a little over three months", "just under a month",
    "about a week"), at most ("under two weeks", "less than a month"), at least ("more than a month", "took over a
    month"; not "for over a month", the time a run spanned), or nothing."""
    before = set(words[-2:])
    near = words[-1:] in (["over"], ["under"]) and words[-2:-1] in (["little"], ["bit"], ["slightly"], ["just"])
    return ("approximate" if near or HEDGES & before
            else "upper_bound" if "under" in before or {"less", "than"} <= before
            else "lower_bound" if {"more", "than"} <= before or words[-1:] == ["over"] and words[-2:-1] in (
                ["took"], ["takes"], ["lasted"], ["needed"], ["required"]) else "")


def _ran(span: Span, cue: re.Pattern) -> bool:
    """Whether the sentence says a duration spelled in words is a run's: a training word (`cue`) or the chips it
    ran on ("needed a single day on 8 A100 GPUs", "each TPU v4 pod ran for three weeks")."""
    return bool(cue.search(sent_text(span))) or any(t._.chip for t in span.sent) or bool(
        ON_PROCESSORS.search(sent_text(span))) or bool(CHIP_HOURS_BESIDE.search(sent_text(span)))


# a chip-hours figure beside a time spelled in words: the run's ("seven days and 21.5K GPU hours")
CHIP_HOURS_BESIDE = re.compile(rf"\d[\d.,]*\s*[KMB]?{HOURS_UNIT.pattern}", re.I)
CHIPS_WORD = re.compile(rf"\b(?:{'|'.join(CHIP_WORDS)})\b", re.I)


def _run_hours(qty_token: Token) -> bool:
    """Hours spelled out are a run's only beside its chips or chip-hours in their own clause, and not a rate or a
    person's task ("six hours on 128 chips"; not "two hours to label 100 samples", "three hours per example")."""
    start, end = clause_bounds(qty_token)
    sent = qty_token.sent
    clause = sent_text(qty_token)[start:end]
    after = word_after(qty_token.i + 2, qty_token.doc)
    return after not in ("per", "to", "a", "each") and bool(CHIPS_WORD.search(clause) or CHIP_HOURS_BESIDE.search(
        clause) or any(t._.chip and start <= t.idx - sent.start_char < end for t in sent))


# ("needed a single day on 8 GPUs", "occupied 256 GPUs for ten days", "used 16 GPUs for three days", "used a
# 512-GPU partition and finished in twelve days")
ON_PROCESSORS = re.compile(r"\b(?:on|occupied|occupying|used|using)\s+\d[\d,]*\s+"
                           r"(?:GPUs?|TPUs?|NPUs?|chips|accelerators|nodes)\b"
                           r"|\b(?:on|used|using|occupied|occupying)\s+(?:a|an|the|its|our)\s+\d[\d,]*-"
                           r"(?:GPU|TPU|NPU|chip|accelerator|node)\b"
                           # ("a 1,024-GPU run took three weeks"; not "Commissioning the 4,096-GPU cluster took ...")
                           r"|\b\d[\d,]*-(?:GPU|TPU|NPU|chip|accelerator|node)\s+(?:run|job|partition|slice|pod|allocation|"
                           r"reservation)\b", re.I)


def _a_point_in_time(span: Span) -> bool:
    """"two years ago", "four months after our first release", "three weeks into training", "在第 9 天" (on the 9th
    day): a time reckoned from another, not how long a run took ("Wall-clock time: 31 days After a restart ..." runs
    two lines together)."""
    after = span.doc[span.end:span.end + 1]
    if ORDINAL_BEFORE.search(doc_text(span.doc), max(0, span.start_char - 3), span.start_char):
        return True
    return word_after(span.end, span.doc) in ("ago", "later", "after", "since", "into") and after.text.islower()


ORDINAL_BEFORE = re.compile(r"第\s*$")  # "第 9 天": the ninth day
