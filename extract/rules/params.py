"""Total and active parameter counts: "405B parameters", "236B total parameters, of which 21B are
activated", "Model size: 176B", "with 22B activated ones", "1300 亿个参数"."""

from __future__ import annotations

import re

from floptrail.extract.canonical import size_word
from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import MODEL, QTY, SIZE, Reading, ends_elided_figure, word_after, words_before
from spacy.tokens import Span, Token

PARAMS = ["parameters", "parameter", "params", "param", "参数"]
ACTIVE = ["activated", "active", "activation", "activate"]  # "6.6B activate parameters": a common slip
MODIFIERS = ["total", "trainable", "model", "learnable", "dense"]
FILLERS = ["of", "is", "are", "around", "about", "approximately", ":", "=", "roughly", "only", "just"]
PATTERNS = {
    # (a wrapped line may put its indent between the count and its noun: "110M\n    parameters")
    "params_after_number": [[QTY, {"IS_SPACE": True, "OP": "?"}, {"LOWER": {"IN": MODIFIERS}, "OP": "*"},
                             {"TEXT": "-", "OP": "?"},
                             {"LOWER": {"IN": PARAMS}}],
                            # "1300 亿个参数", "3890亿总参数", "1B左右参数量" (about 1B parameters)
                            [QTY, {"TEXT": {"IN": ["个", "左", "右"]}, "OP": "*"}, {"TEXT": "总", "OP": "?"},
                             {"TEXT": "参"}, {"TEXT": "数"}]],
    # "480B total and 17B active parameters": a total whose noun the active count after it carries
    "params_total_and_active": [[QTY, {"LOWER": "total"}, {"LOWER": {"IN": ["and", ","]}}, QTY,
                                 {"LOWER": {"IN": ACTIVE}}, {"LOWER": {"IN": PARAMS}}],
                                # "1B active and 7B total parameters"
                                [QTY, {"LOWER": {"IN": ACTIVE}}, {"LOWER": {"IN": ["and", ","]}}, QTY,
                                 {"LOWER": "total"}, {"LOWER": {"IN": PARAMS}}]],
    # "Total / active parameters: 152B / 27B": two labels, and their counts in the same order
    "params_slashed": [[{"LOWER": {"IN": ["total", *ACTIVE]}}, {"TEXT": "/"}, {"LOWER": {"IN": ["total", *ACTIVE]}},
                        {"LOWER": {"IN": PARAMS}, "OP": "?"}, {"TEXT": {"IN": [":", "="]}, "OP": "?"}, QTY,
                        {"TEXT": "/"}, QTY]],
    # "Parameters: 40B"; a card's "模型参数量：40B" (model parameter count)
    "params_label": [[{"LOWER": {"IN": ["size", "parameters", "params"]}}, {"TEXT": {"IN": [":", "="]}}, QTY],
                     # a form's field: "Number of parameters 410 billion", "Total number of parameters: 1.1T"
                     [{"LOWER": "number"}, {"LOWER": "of"}, {"LOWER": {"IN": ["parameters", "params"]}},
                      {"TEXT": {"IN": [":", "="]}, "OP": "?"}, QTY],
                     # "模型大小1.12B", "模型大小：7B" (model size)
                     [{"TEXT": "大"}, {"TEXT": "小"}, {"TEXT": {"IN": [":", "：", "为"]}, "OP": "?"}, SIZE],
                     [{"TEXT": "参"}, {"TEXT": "数"}, {"TEXT": "量", "OP": "?"}, {"TEXT": {"IN": [":", "：", "="]}},
                      {"TEXT": "*", "OP": "*"}, QTY],
                     # "总参数量 389B" (a total parameter count of 389B), "总参数 3550 亿": the count right after it
                     [{"TEXT": {"NOT_IN": ["活"]}}, {"TEXT": "参"}, {"TEXT": "数"}, {"TEXT": "量", "OP": "?"},
                      {"TEXT": {"IN": ["约", "近"]}, "OP": "?"}, QTY],
                     # "总参数规模为 258 亿" (the total parameter scale is 25.8B), "参数量为 7B"
                     # "实际参数量约为46.7B" (the actual parameter count is about 46.7B)
                     # "参数规模约 142 亿" (a parameter scale of about 14.2B)
                     [{"TEXT": "参"}, {"TEXT": "数"}, {"TEXT": {"IN": ["量", "规"]}}, {"TEXT": "模", "OP": "?"},
                      {"TEXT": "约", "OP": "?"}, {"TEXT": {"IN": ["为", "是", "达"]}, "OP": "?"}, QTY],
                     [{"LOWER": "total"}, {"LOWER": {"IN": PARAMS}}, {"LOWER": {"IN": FILLERS}, "OP": "*"}, QTY],
                     # "doubled the parameter count to 2.7 billion", "the parameter count of X is 7 billion"
                     [{"LOWER": {"IN": ["parameter", "parameters"]}}, {"LOWER": "count"},
                      {"LOWER": {"IN": ["to", "of", "is", "was", "at", ":", "="]}},
                      {"TAG": {"NOT_IN": ["QTY"]}, "IS_SENT_START": False, "OP": "{0,3}"}, QTY],
                     # "规模提升至 32B" (the scale rises to 32B), "模型规模达到 7B": a model's scale given as a size
                     [{"TEXT": "规"}, {"TEXT": "模"},
                      {"TEXT": {"IN": ["提", "升", "扩", "展", "大", "增", "加"]}, "OP": "*"},
                      {"TEXT": {"IN": ["至", "到", "为", "达"]}, "OP": "+"}, SIZE]],
    # "X-13B has 12.9B parameters in total and X-4B has 4.1B": the unit written once, with the first model
    "params_elided": [[{"LOWER": {"IN": ["and", ",", ";", "while", "whereas"]}}, MODEL,
                       {"LOWER": {"IN": ["has", "had", "with", "at"]}}, QTY]],
    # "... and the decoder 198M parameters, for 810M in total": the sum of the parts the sentence counts
    "params_summed": [[{"LOWER": {"IN": ["for", "totalling", "totaling"]}}, SIZE, {"LOWER": "in", "OP": "?"},
                       {"LOWER": "total"}]],
    "active_after_number": [[QTY, {"TEXT": "-", "OP": "?"}, {"LOWER": {"IN": ACTIVE}},
                             {"LOWER": {"IN": PARAMS + ["ones"]}, "OP": "?"}],
                            [QTY, {"LOWER": {"IN": PARAMS}, "OP": "?"}, {"LOWER": {"IN": ["are", "is", "being"]}},
                             {"LOWER": {"IN": ACTIVE}}],
                            # "only 3.3B of them are activated for any token", "3B of which are active"
                            [QTY, {"LOWER": "of"}, {"LOWER": {"IN": ["them", "which", "these", "those"]}},
                             {"LOWER": {"IN": ["are", "is", "get", "gets"]}}, {"LOWER": {"IN": ACTIVE}}]],
    # "8x7B（实际激活约13B）" (actually activates about 13B)
    "active_cjk": [[{"TEXT": "激"}, {"TEXT": "活"}, {"TEXT": {"IN": ["约", "了", "近"]}, "OP": "?"}, SIZE]],
    # "Activated parameters: 22B", "Active parameters per token: 12B"; "Total params: 16B; activated: 2.4B"
    "active_label": [[{"LOWER": {"IN": ["activated", "active"]}}, {"TEXT": {"IN": [":", "="]}}, QTY],
                     [{"LOWER": {"IN": ACTIVE}}, {"LOWER": {"IN": PARAMS}},
                      {"LOWER": {"IN": [*FILLERS, "per", "each", "token"]}, "OP": "*"}, QTY],
                     # "激活的参数约为 110 亿" (the activated parameters are about 11B)
                     [{"TEXT": "激"}, {"TEXT": "活"}, {"TEXT": "的", "OP": "?"}, {"TEXT": "参"}, {"TEXT": "数"},
                      {"TEXT": "量", "OP": "?"}, {"TEXT": {"IN": ["约", "大"]}, "OP": "*"},
                      {"TEXT": {"IN": [":", "：", "=", "为", "是"]}},
                      {"TEXT": "*", "OP": "*"}, QTY],
                     # "激活参数量 37B", "激活参数 120 亿" (12B activated parameters)
                     [{"TEXT": "激"}, {"TEXT": "活"}, {"TEXT": "参"}, {"TEXT": "数"}, {"TEXT": "量", "OP": "?"},
                      {"TEXT": {"IN": ["约", "近"]}, "OP": "?"}, QTY]],
    # "activates 14B parameters", "520亿激活参数"
    "active_verb": [[{"LOWER": {"IN": ["activates", "activating", "activate"]}}, {"LOWER": {"IN": FILLERS}, "OP": "*"},
                     QTY, {"LOWER": {"IN": PARAMS}, "OP": "?"}],
                    [QTY, {"TEXT": "个", "OP": "?"}, {"TEXT": "激"}, {"TEXT": "活"}, {"TEXT": "参"}, {"TEXT": "数"}],
                    # "每个 token 只激活约 37亿 参数" (each token activates only about 3.7B parameters)
                    [{"TEXT": "激"}, {"TEXT": "活"}, {"TEXT": {"IN": ["约", "大", "了", "近", "仅"]}, "OP": "*"}, QTY,
                     {"TEXT": "个", "OP": "?"}, {"TEXT": "参"}, {"TEXT": "数"}]],
}
MIN_PARAMS = 1e6
SIZE_SPAN = re.compile(r"\bfrom\s+\S+\s+(?:\w+\s+)?(?:up\s+)?to\s+\S+\s+(?:total\s+)?param", re.I)
PLURAL_MODELS = {"models", "lms", "llms", "baselines", "networks", "transformers"}
COMPARED = {"with", "than", "to", "other", "contemporary", "existing", "similar", "larger", "smaller", "against"}


# the scale of data, a corpus or a cluster, not of the model ("数据规模", "token 规模", "语料库规模", "集群规模")
DATA_SCALE = re.compile(r"(?:数据|语料|token|词表|集|样本)\w{0,3}\s*$", re.I)


def read(rule: str, span: Span, config) -> list[Reading]:
    if rule == "params_elided":
        return _elided_count(span[-1])
    if rule == "params_summed" and not re.search(r"\bparam", sent_text(span), re.I):
        return []
    if span[0].text == "规" and DATA_SCALE.search(doc_text(span.doc)[max(0, span.start_char - 10):span.start_char]):
        return []
    counts = [t for t in span if t._.qty is not None]
    if rule == "params_slashed":
        return _slashed(span, counts)
    if rule == "active_label" and words_before(span[0], 2)[-1:] == ["/"]:
        return []  # "Total / active parameters 152B / 27B": the pair's reader gives both
    # "1B active and 7B total parameters": the total is the second count (the first is read as active)
    qty_token = counts[-1] if rule == "params_total_and_active" and span[1].lower_ in ACTIVE else counts[0]
    if rule == "active_after_number" and (part := _part_of(qty_token)) is not None:
        # "12B of the 80B parameters are active": the part before is active, this count the whole
        # (both read at the whole's token: "By comparison, 37B of the 671B parameters are active in X" are X's)
        return [Reading("active_params", part._.qty.value, qty_token, qualifier=part._.qty.qualifier,
                        start=part.idx, end=part.idx + len(part.text)),
                Reading("params", qty_token._.qty.value, qty_token, qualifier=qty_token._.qty.qualifier)]
    q = qty_token._.qty
    if (_wide_range(q) and rule == "params_after_number" and q.low >= MIN_PARAMS and not _size_class(span)
            and not q.text.lower().startswith("between")):
        # "from 7 billion to 70 billion parameters", "3 to 7 billion parameters": the sizes of several models,
        # each end its own model's count, as "7B and 70B" are ("between 400M and 1.5B": a ladder of many)
        return _each_end(qty_token)
    # an exact count is written out ("1,261,545,472 parameters"); a smaller one without a scale is no model's
    if q.value < MIN_PARAMS or _wide_range(q) or _starts_value_row(qty_token):
        return []
    if _class_of_models(span) or _bounded_class(qty_token) or _size_class(span) or _end_of_active_range(qty_token):
        return []
    if _size_of_a_part(span, qty_token):
        return []
    # "an activated parameter count of 400 million": the label's count, active
    label = words_before(span[0], 1) if rule == "params_label" else []
    if any(w.endswith("embedding") for w in label):
        return []  # "Non-embedding parameters: 6.5B": a part of the count, as the prose's "non-embedding" is
    if rule == "params_label" and span[0].lower_ in ("size", "大") and (set(label) & OTHER_SIZES or word_after(
            span.end, span.doc) in ("tokens", "token", "sequences") or label[-1:] in (["批"], ["表"], ["文"], ["口"])):
        # "Global batch size: 4M tokens", "Vocabulary size: 128K", "批大小：4M tokens" (batch size), "词表大小"
        # (vocabulary size), "上下文大小" (context size), "窗口大小" (window size): the size of something else
        return []
    labelled_active = any(w.startswith("activ") for w in label)
    kind = "active_params" if rule.startswith("active") or labelled_active or _with_experts(span) else "params"
    if kind == "active_params" and (top := _range_to(qty_token)) is not None:
        # "activates 18.6B to 31.3B parameters": one count that varies by token, a range
        return [Reading(kind, (q.value + top.value) / 2, qty_token, qualifier="range", start=q.start, end=top.end,
                        low=q.value, high=top.value)]
    return [Reading(kind, q.value, qty_token, qualifier=q.qualifier)]


def _slashed(span: Span, counts: list) -> list[Reading]:
    """"Total / active parameters 152B / 27B", "Active / total: 3B / 30B": each label's count, in order."""
    if span[0].lower_ == span[2].lower_ or len(counts) != 2:
        return []
    kinds = ["params" if w.lower_ == "total" else "active_params" for w in (span[0], span[2])]
    return [Reading(kind, t._.qty.value, t, qualifier=t._.qty.qualifier) for kind, t in zip(kinds, counts, strict=True)
            if t._.qty.value >= MIN_PARAMS]


# what else a card gives a size of
OTHER_SIZES = {"batch", "vocabulary", "vocab", "context", "window", "hidden", "embedding", "chunk", "file", "dataset",
               "corpus", "cache", "memory", "step", "patch", "image", "kernel", "group", "beam", "sample"}


def _range_to(token):
    """The quantity after "to" that closes a range opened at `token` ("18.6B to 31.3B"), if any."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to" and doc[token.i + 2]._.qty is not None:
        top = doc[token.i + 2]._.qty
        return top if top.scaled and top.value > token._.qty.value else None
    return None


# the words between a part and the whole it is of: "12B of the 80B", "3B out of its 40B"
# (the longer first: "out of its" holds "of its")
PART_OF = (["out", "of", "the"], ["out", "of", "its"], ["out", "of"], ["of", "the"], ["of", "its"], ["of", "their"])


def _part_of(token):
    """The count a whole is said to hold a part of, right before it: "12B" of "12B of the 80B parameters are
    active", "3B out of its 40B"; None elsewhere."""
    doc = token.doc
    for joint in PART_OF:
        start = token.i - len(joint)
        if start >= 1 and [t.lower_ for t in doc[start:token.i]] == joint:
            part = doc[start - 1]
            return part if part._.qty is not None and part._.qty.value >= MIN_PARAMS else None
    return None


def _end_of_active_range(token) -> bool:
    """The upper end of "activates 18.6B to 31.3B parameters", read with its lower end."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ != "to" or doc[token.i - 2]._.qty is None:
        return False
    return any(w.startswith("activ") for w in words_before(doc[token.i - 2], 3))


CLASS_WORDS = {"range", "class", "level", "scale", "category", "tier", "regime", "级", "级别", "量级",
               "performance", "quality"}  # "7B Parameter Performance in a 3B Parameter Model": of the 7B class


def _size_class(span: Span) -> bool:
    """"models in the 13B parameter range", "1B-class models", "20B参数级别": a size class, not a count."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end:span.end + 2] if t.text != "-"]
    return bool(after) and (after[0] in CLASS_WORDS or "".join(after[:2]) in CLASS_WORDS)


EXPERTS_AFTER = re.compile(r"^\W*(?:[\w-]+\s+){0,2}with\s+\d+\s+(?:routed\s+)?experts\b", re.I)


def _with_experts(span: Span) -> bool:
    """"a 17 billion parameter model with 16 experts": the size a mixture of experts runs at, its active count."""
    return bool(EXPERTS_AFTER.search(span.doc[span.end:min(span.end + 8, span.sent.end)].text))


def _bounded_class(token) -> bool:
    """"open-source LLMs under 10B parameters", "at small scale (< 13B params)": a bound on a class of models, not
    a count."""
    return token._.qty.qualifier in ("upper_bound", "lower_bound") and bool(
        {"models", "llms", "model", "llm", "scale", "scales"} & set(words_before(token, 3)))


def _class_of_models(span: Span) -> bool:
    """"parity with contemporary 7B parameter models": a size class of other models, not a count."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = words_before(span[0], 3)
    # "LMs with ~2-3B active parameters", "open models of approximately 7B parameters": models of a size class
    qty = next((t._.qty for t in span if t._.qty is not None), None)
    plural_with = qty is not None and qty.qualifier in ("range", "approximate") and any(
        w in ("with", "of") and i > 0 and before[i - 1] in PLURAL_MODELS for i, w in enumerate(before))
    return plural_with or (after == "models" and bool(COMPARED & set(before)))


# what a model is built from, whose size is no count of the model's: "a 400M-parameter vision encoder", "sixteen
# experts of 3.8B parameters each"
PARTS = {"encoder", "projector", "adapter", "adapters", "tokenizer", "vit", "head", "heads", "router", "expert",
         "experts", "embedding", "embeddings", "module", "modules", "layer", "layers", "block", "blocks", "tower"}
PART_MODIFIERS = {"vision", "visual", "image", "audio", "speech", "text", "shared", "routed", "transformer", "-"}


def _size_of_a_part(span: Span, token) -> bool:
    """A count of one part of a model, not of the model: the part named right after it, or "each" after it."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end:min(span.end + 3, span.sent.end)] if t.lower_ not in PART_MODIFIERS]
    before = words_before(token, 2)
    return bool(after) and (after[0] in PARTS or after[0] == "each") or (
        len(before) == 2 and before[0] in ("experts", "expert") and before[1] == "of")


# a count written with its unit: "12.9B parameters", "3T tokens", "512 GPUs"; the last before a bare count is its unit
COUNT_WITH_ITS_UNIT = re.compile(r"\d[\d.,]*\s*(?:[KMBT]\b|thousand|million|billion|trillion)?\s*"
                                 r"(?:total\s+|active\s+)?(param\w*|tok\w*|gpus?|tpus?|chips?|hours?|days?|flops?)\b",
                                 re.I)


def _elided_count(qty_token: Token) -> list[Reading]:
    """A bare count ending its clause after a model's name, where the last count the sentence wrote before it was in
    parameters: that model's count in the same unit ("X-13B has 12.9B parameters and X-4B has 4.1B"; not "... and was
    trained on 3T tokens, and X-4B has 2T")."""
    q = qty_token._.qty
    before = doc_text(qty_token.doc)[qty_token.sent.start_char:qty_token.idx]
    units = [m.group(1).lower() for m in COUNT_WITH_ITS_UNIT.finditer(before)]
    if not q.scaled or q.value < MIN_PARAMS or not ends_elided_figure(qty_token) or not (
            units and units[-1].startswith("param")):
        return []
    return [Reading("params", q.value, qty_token, qualifier=q.qualifier)]


def _each_end(token) -> list[Reading]:
    """Each end of a range of parameter counts, a reading of its own spanning its own number (the magnitude
    written once goes with both: "3 to 7 billion")."""
    q = token._.qty
    numbers = list(re.finditer(r"\d+(?:[.,]\d+)*(?:[KMBT](?![a-z]))?", q.text))
    if len(numbers) < 2:
        return []
    ends = ((q.low, numbers[0]), (q.high, numbers[-1]))
    return [Reading("params", value, token, qualifier="range", member_size=size_word(value).upper(),
                    start=q.start + m.start(), end=q.start + m.end()) for value, m in ends]


def _wide_range(q) -> bool:
    """"from 7 billion to 70 billion parameters" names several models' sizes, not one count."""
    return q.qualifier == "range" and q.high > 2 * q.low


def _starts_value_row(token) -> bool:
    """A label followed by a run of numbers is a table row flattened into text ("# Total Params 12B 14B 32B");
    which number belongs to which model needs the table's columns."""
    following = [t for t in token.doc[token.i + 1:token.i + 3] if t.text != "|"]
    return bool(following) and following[0]._.qty is not None
