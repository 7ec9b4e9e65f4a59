"""Training hardware: the chip ("NVIDIA H800 GPUs") and how many ("16,384 H100 GPUs", "GPUs = 384").
Hardware named for inference, serving or testing is not a training fact."""

from __future__ import annotations

import re

from floptrail.extract.numbers import NUMBER_WORDS, spelled_number
from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import (
    CHIP,
    QTY,
    SIZE,
    TRAINING,
    Reading,
    bare_hour_mark,
    ends_elided_figure,
    is_integer,
    nearest_chip,
    stated_total,
    word_after,
    words_before,
)
from floptrail.extract.tables import PRICE_PER_CHIP_HOUR
from spacy.tokens import Span, Token

# spelled-out counts from two up ("a single GPU", "one A100" say nothing about a training run)
COUNT_WORDS = [w for w, n in NUMBER_WORDS.items() if n >= 2] + [
    f"{tens}-{unit}" for tens, t in NUMBER_WORDS.items() if t >= 20 and t % 10 == 0
    for unit, u in NUMBER_WORDS.items() if 1 <= u <= 9 and len(unit) > 2]
MULTIPLIERS = ["x", "X", "×", "*"]
# "Google Cloud TPU v4", "AMD Instinct MI300X"
VENDORS = ["nvidia", "amd", "intel", "google", "huawei", "cerebras", "cloud", "instinct", "aws"]
# a maker named in Chinese, a character a token: "4096 张华为昇腾 910B" (Huawei), "英伟达 H800" (NVIDIA), 谷歌 (Google)
CJK_VENDOR = [{"TEXT": {"IN": ["华", "英", "谷"]}, "OP": "?"}, {"TEXT": {"IN": ["为", "伟", "歌"]}, "OP": "?"},
              {"TEXT": "达", "OP": "?"}]
CHIP_WORDS = ["gpus", "gpu", "tpus", "tpu", "npus", "npu", "chips", "accelerators", "cards", "systems"]
# the make-up of a node, not the run's chip count: said before the count ("each node contains 8 GPUs", "each
# equipped with eight", Chinese "每台服务器配备 8 块", each machine has) or after it ("8 GPUs each", "8 per node")
MAKEUP_BEFORE_COUNT = re.compile(
    # "each pod slice of 256 chips" (first: the longer reading below would take the count into its match)
    r"\b(?:each|every)\s+(?:node|server|machine|host|pod(?:\s+slice)?|slice)\s+of\b|"
    r"\b(?:each|every|a single|one)\s+(?:node|server|machine|replica|host|pod slice)\b(?:\s+\S+){0,5}?\s+(?:contains?|"
    r"has|have|is|comprises?|consists? of|carr(?:y|ies)|holds?|hosts?|houses?|packs?|includes?)\b"
    # "each node with 8 GPUs" is a make-up; "one node with 8 GPUs" is the whole run's
    r"|\b(?:each|every)\s+(?:node|server|machine|replica|host|pod slice)\b(?:\s+\S+){0,5}?\s+with\b"
    # "the nodes each carry four GPUs" (the plural before "each")
    r"|\b(?:nodes|servers|machines|hosts|instances)\s+each\s+(?:contain|ha(?:ve|s)|carr(?:y|ies)|hold|host|house|pack|"
    r"include|with)\w*\b"
    r"|\beach (?:containing|carrying|holding|having|hosting|housing|with|(?:equipped|fitted|outfitted|populated|"
    r"loaded) with)\b|每台|每个(?:节点|服务器)|每节点"
    # "8 nodes of 8 GPUs", "64 nodes with 8 H100s each", "each node of 8"; not one node ("a single node of 8 GPUs" is
    # the run's)
    r"|\b(?:nodes|servers|machines|hosts)\s+(?:of|with|having|holding|carrying|containing)\s+(?=\d|eight|four|sixteen)"
    r"|(?<!single )(?<!\bone )(?<!\ba )\b(?:node|server|machine|host)\s+of\s+(?=\d|eight|four|sixteen)", re.I)
# (with no other count between: in "288 A100 GPUs, 8 per node" the make-up is the 8)
MAKEUP_AFTER_COUNT = re.compile(r"\s*(?:(?!\d[\d,.]*\s)\S+\s+){0,3}?(?:(?:gpus?|cards?|chips?|accelerators?)\s+each\b|"
                                r"(?:(?!\d[\d,.]*\s)\S+\s+)?"
                                r"per\s+(?:node|server|host)\b)", re.I)
# "two A800 GPU servers with 8 cards each": a count of machines, and what each holds
SERVERS_AFTER = re.compile(r"\s*(?:(?:gpus?|cards?|accelerators?)\s+)?(?:servers|nodes|machines|hosts)\b", re.I)
PER_SERVER = re.compile(r"[^.;]{0,30}?\b(?:with|of|having)\s+(?P<n>\d+|[a-z]+)\s+(?:\w+\s+)?(?:cards|gpus|chips|"
                        r"accelerators)\s+each\b", re.I)
# "112 台 A800 服务器" (112 A800 servers): machines, each holding several chips
SERVER_AFTER = re.compile(r"^\s*(?:服务器|节点|机器|主机)")
# a key-value row of a model card's training set-up: "| Accelerators | NVIDIA H100 80GB |"
HARDWARE_KEY = re.compile(r"^\|\s*(?:(?:pre-?)?train(?:ing)?\s+|fine-?tuning\s+)?(?:accelerators?|gpus?|tpus?|hardware|"
                          r"chips?|devices?)\s*\|", re.I)
# a table column of the chips each model was trained on: "| 训练所用显卡 |" (cards used for training), "| Training
# hardware |"
TRAINING_HARDWARE_HEADER = re.compile(r"(?:train\w*|训练)[^|\n]{0,12}(?:gpus?|hardware|chips?|devices?|"
                                      r"accelerators?|显卡|硬件|芯片|设备)", re.I)
CJK_ROUND = {"百": 100.0, "千": 1000.0, "万": 10000.0}
PATTERNS = {
    # Chinese counts take a measure word: "1024 张 A800 GPU", "1536 个昇腾910", "64 颗 NPU"
    # a memory size may stand between the count and the chip: "1024 80GB A100s"
    # "16 x A100": a count multiplied out
    "chip_count": [[QTY, {"TEXT": {"IN": ["张", "块", "台", "个", "颗", "卡", *MULTIPLIERS]}, "OP": "?"},
                    {"LOWER": {"REGEX": r"^\d+gb?$"}, "OP": "?"},
                    # "512 块 80G 显存的 A800" (512 A800s with 80G of memory)
                    {"TEXT": "显", "OP": "?"}, {"TEXT": "存", "OP": "?"}, {"TEXT": "的", "OP": "?"},
                    {"LOWER": {"IN": VENDORS}, "OP": "?"}, {"LOWER": {"IN": VENDORS}, "OP": "?"}, *CJK_VENDOR, CHIP,
                    {"LOWER": {"IN": CHIP_WORDS}, "OP": "?"}],
                   # "a 8x V100 32GB machine": the count glued to its multiplier
                   [{"LOWER": {"REGEX": r"^\d{1,3}(?:,\d{3})*x$|^\d+x$"}}, {"LOWER": {"IN": VENDORS}, "OP": "?"}, CHIP],
                   [QTY, {"LOWER": {"IN": CHIP_WORDS}}],
                   # "a 1,024-GPU partition", "a 512-GPU cluster" (the count and its chip word one token)
                   [{"TAG": "QTY", "LOWER": {"REGEX": r"\d-(?:gpus?|tpus?|npus?|chips?|accelerators?)$"}}],
                   [QTY, {"TEXT": {"IN": ["张", "块", "颗"]}}, {"LOWER": {"IN": CHIP_WORDS}}],  # "896 块 GPU"
                   # "共 768 张卡" (768 cards in all), "512 块显卡" (512 graphics cards)
                   [QTY, {"TEXT": {"IN": ["张", "块"]}}, {"TEXT": "显", "OP": "?"}, {"TEXT": "卡"}],
                   # "一万张国产加速卡" (ten thousand domestic accelerator cards), "1024 张昇腾卡": a few characters
                   # saying what card before 卡
                   [QTY, {"TEXT": {"IN": ["张", "块"]}}, {"TEXT": {"REGEX": r"^[\u4e00-\u9fff]$", "NOT_IN": ["卡"]},
                                                         "OP": "{1,4}"}, {"TEXT": "卡"}],
                   # "一台 8 卡 A100 服务器" (one 8-card A100 server)
                   [QTY, {"TEXT": "卡"}, CHIP],
                   # "在 2048 卡集群上" (on a 2048-card cluster), "512 卡上训练" (trained on 512 cards): cards counted
                   # by 卡 alone, where a cluster, a place or a run follows
                   # (or a list of what a run used: "用 1,024 卡、2.6 万亿 tokens", 1,024 cards and 2.6T tokens)
                   [QTY, {"TEXT": "卡"}, {"TEXT": {"IN": ["集", "上", "训", "算", "并", "进", "、", "，"]}}],
                   # "finished in 18 days on 512 of the same GPUs"
                   [QTY, {"LOWER": "of"}, {"LOWER": {"IN": ["the", "these", "those"]}}, {"LOWER": "same", "OP": "?"},
                    {"LOWER": {"IN": VENDORS}, "OP": "?"}, CHIP, {"LOWER": {"IN": CHIP_WORDS}, "OP": "?"}],
                   [QTY, {"LOWER": "of"}, {"LOWER": {"IN": ["the", "these", "those"]}}, {"LOWER": "same", "OP": "?"},
                    {"LOWER": {"IN": CHIP_WORDS}}],
                   # "the run used 6,144 of them, all H100s": a share of the chips the sentence names
                   [{"LOWER": {"IN": ["used", "uses", "using", "took", "occupied", "on"]}}, QTY, {"LOWER": "of"},
                    {"LOWER": {"IN": ["them", "those", "these"]}}, {"IS_ALPHA": False}],
                   # a count in pieces of the chip: "512 pieces of A100" (as 张 and 块 count; not "units", which
                   # sales and orders count in)
                   [QTY, {"LOWER": "pieces"}, {"LOWER": "of"}, {"LOWER": {"IN": VENDORS}, "OP": "?"},
                    CHIP, {"LOWER": {"IN": CHIP_WORDS}, "OP": "?"}]],
    # the count after its chip, as hardware lists write it: "GPU: A100(80GB) * 8", "TPU v4 x 256"
    "chip_count_after": [[CHIP, {"TEXT": "(", "OP": "?"}, {"LOWER": {"REGEX": r"^\d+gb?$"}, "OP": "?"},
                          {"TEXT": ")", "OP": "?"}, {"TEXT": {"IN": MULTIPLIERS}}, QTY]],
    # a count spelled out: "Sixteen A100 GPUs", "sixty-four TPU v4 chips"
    "chip_count_words": [[{"LOWER": {"IN": COUNT_WORDS}}, {"LOWER": "nvidia", "OP": "?"}, CHIP,
                          {"LOWER": {"IN": CHIP_WORDS}, "OP": "?"}],
                         # "two hundred and fifty-six GPUs": a count of chips the sentence names by kind only
                         [{"LOWER": {"IN": COUNT_WORDS}}, {"LOWER": {"IN": ["gpus", "tpus", "npus", "chips",
                                                                               "accelerators"]}}]],
    # "千卡 A800" (a thousand A800 cards), "万卡集群" (a cluster of ten thousand cards): a round count in one character;
# not a scale ("千卡规模下", at the scale of a thousand cards; "千卡以上", above a thousand)
    "chip_count_cjk_round": [[{"TEXT": {"IN": list(CJK_ROUND)}}, {"TEXT": "卡"}, {"TEXT": {"NOT_IN": ["规", "以"]}}]],
    # "9 days on 256 GPUs, while the 8B needed 21 days on 512": a count whose chips the sentence named once, earlier
    "chip_count_elided": [[{"LOWER": "on"}, QTY],
                          # "A800 GPUs: 512 for the 7B, 1,536 for the 34B": each bare count is a member's
                          [QTY, {"LOWER": "for"}, {"LOWER": "the", "OP": "?"}, SIZE]],
    "chip_count_label": [[{"LOWER": {"IN": ["gpus", "tpus", "accelerators"]}}, {"TEXT": {"IN": ["=", ":"]}}, QTY],
                         # a form's field: "Number of accelerators 16,384 (pre-training)"
                         [{"LOWER": "number"}, {"LOWER": "of"},
                          {"LOWER": {"IN": ["gpus", "tpus", "accelerators", "chips"]}},
                          {"TEXT": {"IN": [":", "="]}, "OP": "?"}, QTY]],
    "chip_mention": [[CHIP]],
}
MAX_CHIPS = 1_000_000
# a row that gives how long a run took or what it cost reports a run ("| Chat | 8 x A100 | 8.2 hours | $1.2k |")
# (a price is no run: "$3.20/hr", "$2 per hour")
RUN_ROW = re.compile(r"\d\s*(?:hours?|hrs?|h|days?|weeks?|months?)\b(?!\s*(?:/|per\b))"
                     r"|[$€¥£]\s?\d+(?:[.,]\d+)*\s*[kKmM]?(?![\d.,A-Za-z]|\s*(?:/|per\b))", re.I)
PARALLELISM = {"parallel", "parallelism", "sharding", "sharded", "shards", "tensor-parallel", "pipeline-parallel"}
# the degree stated before it: the chips after are the whole run's ("with 8-way expert parallelism on 512 GPUs")
DEGREE_STATED = re.compile(r"\b(\d+)-way\b", re.I)
SIDE_WORK = re.compile(r"\b(?:ablations?|experiments?|baselines?|evaluations?|evals?|tests?|debugging|smoke)\b", re.I)
CHIPS_NAMED = re.compile(rf"\b(?:{'|'.join(CHIP_WORDS)})\b", re.I)
# "N of them" after a larger count in its sentence: a share of a pool ("brought up 16,000 GPUs, and the run used
# 12,288 of them")
SHARE_OF_POOL = re.compile(r"\b(\d[\d,]*)\s+of\s+(?:them|those|these)\b", re.I)


def _pool_shared_out(qty_token: Token, value: float) -> bool:
    """A count that a later figure in its sentence takes a share of: the pool, not the run's chips (not a count a run
    trained on: "The 32B model trained on all 3,072 GPUs, and the 9B model on 2,048 of them")."""
    sent, text = qty_token.sent, sent_text(qty_token)
    if TRAINING.search(text, 0, qty_token.idx - sent.start_char):
        return False
    for m in SHARE_OF_POOL.finditer(text, qty_token.idx + len(qty_token) - sent.start_char):
        share = float(m.group(1).replace(",", ""))
        if 0 < share < value:
            return True
    return False


RESERVE = re.compile(r"\b(?:in reserve|spares?|as backup|idle)\b", re.I)
# "147K TPU v4 chip-hours", "GPU-hours", "1,000 A100 GPU-days": time on chips, no count
# (a bare "day" further on is the run's length: "on 8 A100 GPUs in one day")
UNIT_HOURS = re.compile(r"(?:[a-z0-9]+-)?hours?|[a-z0-9]+-(?:days?|years?)")
CJK_CHIP_TIME = ("小时", "卡时", "卡·天", "卡天")
# (a count of pods, slices or racks is no count of chips: "four TPU v6e pods (1,024 chips in all)")
NODES = {"nodes", "servers", "machines", "hosts", "instances"}
NOT_CHIPS_AFTER = {"hours", "hour", "-hours", "node", "per", "days", "hrs", "memory", "pods", "pod", "superpods",
                   "slices", "racks", "clusters"} | NODES
# a chip a run is measured against, not run on: "3x faster than the A100", "约为 NVIDIA A100 的 16.7%" (about 16.7%
# of the A100's)
AGAINST_BEFORE = re.compile(r"(?:\bthan(?:\s+(?:on|with|using))?|\bcompared\s+(?:to|with)|\brelative\s+to|\bversus"
                            r"|\bvs\.?|相比|相较于?|对比"
                            # ... or a chip it was not run on: "A100s and not H100s", "instead of", "No H100s, sorry",
                            # "without any", "not a single", "而非" (rather than), "没有使用" (did not use)
                            r"|\bnot(?:\s+(?:on|with|using|a\s+single))?|\binstead\s+of|\bin\s+place\s+of"
                            r"|\bwithout(?:\s+any)?|\bno|而非|而不是|没有使用|未使用)"
                            r"\s*(?:the\s+|an?\s+)?(?:NVIDIA\s*|nvidia\s*|英伟达\s*)?$", re.I)
AGAINST_AFTER = re.compile(r"\s*(?:GPUs?\s*)?的\s*(?:\d|约|性能|效率|速度)")


def read(rule: str, span: Span, config) -> list[Reading]:
    if rule == "chip_mention":
        row = sent_text(span).lstrip()
        if row.startswith("|") and not any(t._.qty is not None for t in span.sent) and not HARDWARE_KEY.match(row) \
                and not TRAINING_HARDWARE_HEADER.search(_table_header(span)):
            return []  # a table row naming a platform and no figure: downloads or backends, not a run
        if row.startswith("#"):
            return []  # a heading ("## Running on Ascend NPUs") names what its section is about, no run
        if row.startswith("|") and span.text in row.split("|")[1] and PRICE_PER_CHIP_HOUR.search(_table_header(span)):
            return []  # "| GPU | List price ($/GPU-hour) |" over "| H200 | 5.90 |": a price list's row, no run's chip
        if _measured_against(span[0]):
            return []
        if (card := config.chips.get(span[0]._.chip)) and card.named_for_use and not _counted_or_trained(span):
            return []  # "prizes include an RTX 4090", "| A6000 | 29.6 |": a card named for use, not a run
        chips = _alternatives(span[0])
        return [Reading("hardware", None, span[0], hardware=chips)] if chips else []
    glued = rule == "chip_count" and span[0].lower_[:-1].replace(",", "").isdigit() and (
        span[0].lower_.endswith("x"))  # "8x V100", "1,024x H100"
    row = sent_text(span)
    if (glued or span[1:2].text in MULTIPLIERS) and row.lstrip().startswith("|") and not RUN_ROW.search(row) \
            and not HARDWARE_KEY.match(row.lstrip()):
        # "| FP8 | 8 x H100 80GB |": a table of what it takes to run or tune the model ("| GPUs | 128 x H100 |" is
        # a training set-up's row)
        return []
    if rule == "chip_count_elided":
        return _elided_count(span[1]) if span[0].lower_ == "on" else _count_for_member(span[0])
    if rule == "chip_count_cjk_round":
        return [Reading("chip_count", CJK_ROUND[span[0].text], span[0], hardware=nearest_chip(span[0]),
                        qualifier="approximate")]
    if rule == "chip_count_words":
        qty_token, value, qualifier = span[0], float(_spelled_count(span[0])), ""
    elif glued:
        qty_token, value, qualifier = span[0], float(span[0].lower_[:-1].replace(",", "")), ""
    else:
        qty_token = next(t for t in span if t._.qty is not None)
        q = qty_token._.qty
        if q.qualifier == "range" and is_integer(q.low) and is_integer(q.high) and 1 <= q.low < q.high <= MAX_CHIPS:
            ends = (q.low, q.high)  # "from 512 to 1,024 GPUs": both ends are counts the text states
        elif not is_integer(q.value) or not 1 <= q.value <= MAX_CHIPS or q.qualifier == "range":
            return []
        before = [t for t in span.doc[max(span.sent.start, qty_token.i - 2):qty_token.i] if not t.is_space]
        if before and (before[-1]._.chip or (before[-1].text.isalpha() and before[-1].text.isupper()
                                             and len(before[-1].text) > 1)):
            # "64 Ascend 910 NPUs", "2 x RTX 3090 GPUs": the number after a chip's or a product line's name is its
            # model, not a count
            return []
        value, qualifier = q.value, q.qualifier
    ends = ends if qualifier == "range" else (value,)
    following = set()  # "180K H800 GPU hours": the words up to the next figure ("on 8 x A100 for 8.2 hours" is a count)
    for t in span.doc[span.end:min(span.end + 4, span.sent.end)]:  # (not the next sentence's "GPU hours")
        if t._.qty is not None:
            break
        following |= set() if t.is_space else {t.lower_}
    if servers := SERVERS_AFTER.match(doc_text(span.doc), span.end_char):
        # machines, not chips: their chips are the machines times what each holds, where the text says it
        each = PER_SERVER.match(doc_text(span.doc), servers.end())
        n = each.group("n").lower() if each else ""
        per = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)
        if not per or len(ends) > 1:
            return []
        chip = next((t._.chip for t in span if t._.chip), "") or nearest_chip(qty_token)
        return [Reading("chip_count", value * per, qty_token, hardware=chip, qualifier=qualifier)]
    # "GPU 小时" (GPU hours), "H800 卡时" (card-hours), "卡·天" (card-days): time on chips
    later = doc_text(span.doc)[span.end_char:span.end_char + 4].lstrip()
    hours_after = later.startswith(CJK_CHIP_TIME) or (later.startswith("时") and bare_hour_mark(qty_token))
    days_after = re.match(r"\s*-?\s*days?\b", doc_text(span.doc)[span.end_char:span.end_char + 8])  # "A100-days"
    after = word_after(span.end, span.doc)
    if (after in NOT_CHIPS_AFTER and not (after == "node" and _single_before(qty_token))) or (
            "hours" in span.text.lower() or any(UNIT_HOURS.fullmatch(w) for w in following) or hours_after
            or days_after):
        return []
    # "..., each with eight GPUs, for a total of 96 GPUs": the run's count despite the make-up
    total = stated_total(qty_token, span.end_char)
    if (_node_makeup(qty_token) and not total) or span.doc[qty_token.i + 1:qty_token.i + 2].text == "/":
        return []
    cards = any(t.text == "卡" for t in span)  # "112 台 A800 服务器" counts servers; "一台 8 卡 A100 服务器" cards
    if SERVER_AFTER.match(doc_text(span.doc)[span.end_char:span.end_char + 6]) and not cards:
        return []
    if any(t._.chip and t.lower_.startswith(("dgx", "hgx")) for t in span):
        return []  # "24 DGX-A800 servers": a count of servers, each with several chips
    degree = DEGREE_STATED.search(doc_text(span.doc)[max(span.sent.start_char, qty_token.idx - 60):qty_token.idx])
    stated = qty_token._.qty  # (None for a count in words)
    if PARALLELISM & set(words_before(qty_token, 4)) and not (
            degree and stated is not None and stated.value > int(degree.group(1))):
        return []  # "tensor-parallel sharding on 2 GPUs": a degree of parallelism, not the run's chips (a count larger
        # than a degree stated before it is: "with 8-way expert parallelism on 512 GPUs"; not "8-way ... on 8 GPUs")
    if RESERVE.search(span.doc[span.end:min(span.end + 8, span.sent.end)].text):
        return []
    if len(span) > 2 and span[-2].lower_ in ("them", "those", "these") and (not (
            CHIPS_NAMED.search(sent_text(span)) or any(t._.chip for t in span.sent)) or SIDE_WORK.search(
            re.split(r"[,;]", doc_text(span.doc)[span.sent.start_char:span.start_char])[-1])):
        return []  # "used 6,144 of them" counts chips only where its sentence names them, and for the run ("the
        # ablations used 512 of them" is a side experiment's share)
    if _pool_shared_out(qty_token, value):
        return []
    chip = next((t._.chip for t in span if t._.chip), "") or nearest_chip(qty_token)
    doc = span.doc
    if qty_token.i >= 2 and doc[qty_token.i - 1].text in MULTIPLIERS and (nodes := doc[qty_token.i - 2]._.qty) and (
            is_integer(nodes.value) and not nodes.scaled):
        # "32 x 8 x A100": nodes times chips per node, the run's chips
        return [Reading("chip_count", nodes.value * value, doc[qty_token.i - 2], hardware=chip, qualifier=qualifier)]
    if qty_token.i >= 3 and doc[qty_token.i - 1].text in MULTIPLIERS and doc[qty_token.i - 2].lower_ in NODES and (
            nodes := doc[qty_token.i - 3]._.qty) and is_integer(nodes.value) and not nodes.scaled:
        # "16 nodes x 8 GPUs": the nodes times the chips in each
        return [Reading("chip_count", nodes.value * value, doc[qty_token.i - 3], hardware=chip, qualifier=qualifier)]
    if qty_token.i >= 2 and doc[qty_token.i - 1].text in ("台", "机") and (nodes := doc[qty_token.i - 2]._.qty) and (
            is_integer(nodes.value) and not nodes.scaled and nodes.value > 1 and value <= 16):
        # "100台8卡A800": a hundred machines of eight cards each ("2机16卡", two machines with 16 cards in all,
        # gives the whole: a machine holds at most 16)
        return [Reading("chip_count", nodes.value * value, doc[qty_token.i - 2], hardware=chip, qualifier=qualifier)]
    if len(ends) == 1 and (part := _part_used(qty_token)) is not None:
        # "used 3,072 of the machine's 6,144 GH200s": the part the run used, not the whole machine
        return [Reading("chip_count", part._.qty.value, part, hardware=chip, qualifier=part._.qty.qualifier)]
    if len(ends) == 1:
        return [Reading("chip_count", value, qty_token, hardware=chip, qualifier=qualifier)]
    return _count_range(qty_token, ends, chip)


# "3,072 of Aurelia's", "2,048 out of the cluster's": a count right before "of", of a whole the figure after it gives
# (not "36 days on a cluster of 4,096 GPUs")
PART_OF_WHOLE = re.compile(r"\d\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|our\s+|their\s+|[\w-]+['’]s\s+){0,2}$")


def _part_used(qty_token: Token) -> Token | None:
    """The count before "of the machine's" that a whole's count follows ("used 3,072 of Aurelia's 6,144 GH200s")."""
    doc = qty_token.doc
    if not PART_OF_WHOLE.search(doc_text(doc), max(0, qty_token.idx - 40), qty_token.idx):
        return None
    before = [t for t in doc[max(qty_token.sent.start, qty_token.i - 6):qty_token.i] if t._.qty is not None]
    part = before[-1] if before else None
    return part if part is not None and is_integer(part._.qty.value) and 1 <= part._.qty.value < qty_token._.qty.value \
        else None


def _elided_count(qty_token: Token) -> list[Reading]:
    """A bare whole number after "on" that ends its clause, in a sentence that counted chips "on N <chips>" before
    it: the same chips, the unit left out."""
    q, doc = qty_token._.qty, qty_token.doc
    if not (is_integer(q.value) and 1 < q.value <= MAX_CHIPS and not q.scaled and ends_elided_figure(qty_token)):
        return []
    for t in doc[qty_token.sent.start:qty_token.i - 1]:
        if t._.qty is not None and doc[t.i - 1].lower_ == "on" and t.i > qty_token.sent.start:
            counted = doc[t.i + 1:min(t.i + 4, qty_token.i)]
            chip = next((w._.chip for w in counted if w._.chip), "")
            if chip or any(w.lower_ in CHIP_WORDS for w in counted):
                return [Reading("chip_count", q.value, qty_token, hardware=chip or nearest_chip(qty_token),
                                qualifier=q.qualifier)]
    return []


LIST_OPENERS = {",", ":", ";", "and", "while", "whereas"}


def _count_for_member(qty_token: Token) -> list[Reading]:
    """A bare whole number followed by the member it is for ("1,536 for the 34B"), in a sentence that named the
    chips before it ("Both runs used A800 GPUs: 512 for the 7B, 1,536 for the 34B")."""
    q, doc = qty_token._.qty, qty_token.doc
    if not (is_integer(q.value) and 1 < q.value <= MAX_CHIPS and not q.scaled):
        return []
    before = doc[qty_token.sent.start:qty_token.i]
    chip = next((w._.chip for w in reversed(before) if w._.chip), "")
    # (the count opens an item of a list: not "the batch was 1024 for the 7B")
    if not (chip or any(w.lower_ in CHIP_WORDS for w in before)) or not before or before[-1].text not in LIST_OPENERS:
        return []
    return [Reading("chip_count", q.value, qty_token, hardware=chip or nearest_chip(qty_token), qualifier=q.qualifier)]


# a count written next to a chip: "2 x RTX 3090", "4 张 A6000", "RTX A5000(24GB) * 2"
COUNT_BEFORE_CHIP = re.compile(r"\d\s*(?:[x×*张块个台]\s*)?(?:nvidia\s*|geforce\s*)*$", re.I)
COUNT_AFTER_CHIP = re.compile(r"\s*(?:\(?\s*\d+\s*gb?\s*\)?\s*)?(?:gpus?\s*)?[x×*]\s*\d", re.I)


def _counted_or_trained(span: Span) -> bool:
    """Whether a sentence counts the chip it names or says it trained: what makes a consumer card's mention a
    run's hardware."""
    text, sent = doc_text(span.doc), span.sent
    return bool(COUNT_BEFORE_CHIP.search(text, sent.start_char, span.start_char)
                or COUNT_AFTER_CHIP.match(text[:sent.end_char], span.end_char)
                or TRAINING.search(text, sent.start_char, sent.end_char))


def _count_range(token, ends: tuple[float, float], chip: str) -> list[Reading]:
    """Each end of "between 512 and 1,024 GPUs" a count of its own, spanning its own digits."""
    digits = list(re.finditer(r"\d[\d,]*", token.text))
    if len(digits) != 2:
        return []
    return [Reading("chip_count", v, token, hardware=chip, qualifier="range", start=token.idx + m.start(),
                    end=token.idx + m.end()) for m, v in zip(digits, ends, strict=True)]


def _table_header(span: Span) -> str:
    """The first row of the Markdown table a row of which holds `span`, "" outside a table."""
    text = doc_text(span.doc)
    start, header = text.rfind("\n", 0, span.start_char) + 1, ""
    while text.startswith("|", start):
        end = text.find("\n", start)
        header = text[start:end if end >= 0 else len(text)]
        if start == 0:
            break
        start = text.rfind("\n", 0, start - 1) + 1
    return header


def _measured_against(chip: Token) -> bool:
    text = doc_text(chip.doc)
    return bool(AGAINST_BEFORE.search(text, max(chip.sent.start_char, chip.idx - 30), chip.idx)
                or AGAINST_AFTER.match(text, chip.idx + len(chip.text)))


def _spelled_count(last: Token) -> int:
    """The count a run of number words ending on `last` spells: "ninety-two", "one hundred and ninety-two", "eight
    thousand one hundred and ninety-two" (the thousands read as one quantity before the rest)."""
    doc, i = last.doc, last.i
    while i > last.sent.start and (doc[i - 1].lower_ in ("hundred", "and") or doc[i - 1].lower_ in NUMBER_WORDS):
        i -= 1
    first = i
    while i < last.i and doc[i].lower_ == "and":
        i += 1  # (an "and" opening the run joins it to the words before, not to a number)
    hundreds, count = 0, 0
    for word in doc[i:last.i + 1]:
        if word.lower_ == "hundred":
            hundreds, count = (count or 1) * 100, 0
        elif word.lower_ != "and":
            count += spelled_number(word.lower_)
    before = doc[first - 1] if first > last.sent.start else None  # ("one thousand and twenty-four")
    thousands = before._.qty.value if before is not None and before._.qty is not None and (
        before._.qty.value % 1000 == 0 and before.lower_.endswith("thousand")) else 0
    return int(thousands + hundreds + count)


def _alternatives(chip_token) -> str:
    """"A100 or H800 GPUs": the run used one of the two, so one fact names both (read at the first)."""
    doc = chip_token.doc
    if chip_token.i >= 2 and doc[chip_token.i - 2]._.chip and doc[chip_token.i - 1].lower_ == "or":
        return ""
    if chip_token.i + 2 < len(doc) and doc[chip_token.i + 2]._.chip and doc[chip_token.i + 1].lower_ == "or":
        return f"{chip_token._.chip} or {doc[chip_token.i + 2]._.chip}"
    return chip_token._.chip


def _single_before(qty_token) -> bool:
    """"a single 8xA100 node", "one 8 x H100 node": the chips of the one node that ran it, a count of chips."""
    return bool({"single", "one"} & set(words_before(qty_token, 2)))


def _node_makeup(qty_token) -> bool:
    """The count is what one node holds: it follows a make-up cue in its clause ("each node has 8 GPUs", "each
    equipped with eight") or a cue follows it ("8 GPUs each", "8 GPUs per node"). The run's total before the
    cue ("2,048 GPUs in 256 nodes, each with 8") is not."""
    sent = qty_token.sent
    text, at = sent_text(qty_token), qty_token.idx - sent.start_char
    return bool(MAKEUP_AFTER_COUNT.match(text, at + len(qty_token.text))) or bool(
        text[:at].rstrip().endswith("(") and EACH_CLOSING.match(text, at + len(qty_token.text))) or any(
        at >= m.end() and ";" not in text[m.end():at] for m in MAKEUP_BEFORE_COUNT.finditer(text))


# a parenthesis that a count opens and "each" closes: "32 nodes (8x H100 SXM each)" ("(80GB each)" is memory)
EACH_CLOSING = re.compile(r"[^()]{0,40}?\beach\s*\)")
