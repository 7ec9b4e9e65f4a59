"""Training tokens: "trained on 15.6T tokens", "2 trillion tokens of data", "4000亿个文本标记"."""

from __future__ import annotations

import itertools
import math
import re

from floptrail.extract.numbers import CJK_APPROX
from floptrail.extract.pipeline import doc_text, sent_text, tagged
from floptrail.extract.rules.base import (
    CJK_OR_GLOSS,
    LISTED_FOR_MEMBER,
    MODEL,
    QTY,
    RUN_STOPPED,
    RUN_SUBJECTS,
    STAGE_WORD,
    TRAINED,
    UNIT_OF_WORK,
    Reading,
    clause_bounds,
    ends_elided_figure,
    stated_total,
    word_after,
    words_before,
)
from spacy.tokens import Span, Token

MODIFIERS = ["training", "high-quality", "higher-quality", "quality", "high", "text", "unique", "additional",
             "more", "pretraining", "pre-training", "diverse", "web", "code", "multilingual", "english", "data",
             "total", "curated", "filtered", "deduplicated", "clean", "raw", "of", ",", "and", "multimodal",
             "instruction", "conversation", "dialogue", "mixed", "bilingual"]
# what a count of data with no unit is of: "2.5T of code", "800B of web text" (not documents or books, units of
# their own: "70B of the filtered documents")
DATA_OF = ["code", "text", "data", "webtext", "english", "math", "maths", "mathematics", "python"]
# the word for tokens, and its short forms in informal posts ("~3.4T toks")
TOKEN_WORDS = ["tokens", "token", "toks", "tok"]
# a compound modifier: "512B vision-language tokens", "100B image-text tokens"
COMPOUND = {"LOWER": {"REGEX": r"^[a-z]+(?:-[a-z]+)+$"}, "OP": "?"}
CJK_CHAR = r"^[\u4e00-\u9fff]$"
PATTERNS = {
    # "4.5T English and Chinese tokens": the languages together (one language's count is a slice of the data)
    "tokens_after_number": [[QTY, {"IS_SPACE": True, "OP": "?"}, {"TEXT": "-", "OP": "?"},
                             {"LOWER": {"IN": MODIFIERS}, "OP": "*"}, COMPOUND,
                             {"LOWER": {"IN": MODIFIERS}, "OP": "*"}, {"LOWER": {"IN": TOKEN_WORDS}}],
                            [QTY, {"LOWER": {"IN": MODIFIERS}, "OP": "*"}, {"IS_TITLE": True, "IS_ALPHA": True},
                             {"LOWER": {"IN": ["and", "&", ","]}}, {"IS_TITLE": True, "IS_ALPHA": True},
                             {"LOWER": {"IN": MODIFIERS}, "OP": "*"}, {"LOWER": {"IN": TOKEN_WORDS}}]],
    # a card's key: "Pretraining tokens: 236 billion", "Training tokens = 2T"
    # ("Total training tokens: 2T")
    "tokens_label": [[{"LOWER": {"IN": ["training", "pretraining", "pre-training", "train", "finetuning", "fine-tuning",
                                        "sft", "instruction", "tuning", "total"]}, "OP": "{0,2}"},
                      {"LOWER": {"IN": TOKEN_WORDS}}, {"TEXT": {"IN": [":", "=", "："]}}, QTY]],
    # "训练总 token 量达到 3.2 万亿" (the total amount of training tokens reaches 3.2T), "token 数为 2T"
    "tokens_cjk_amount": [[{"LOWER": {"IN": TOKEN_WORDS}}, {"TEXT": {"IN": ["量", "数"]}},
                           {"TEXT": {"IN": list("达到为约共计是有")}, "OP": "{0,3}"}, {"IS_SPACE": True, "OP": "?"},
                           QTY]],
    # "saw 6T tokens, except the 1B, which we stopped at 4T": a count whose unit the sentence gave once, earlier
    # (or a verb left out too: "the largest model saw 6.2T tokens, the 7B model 4.5 trillion and the smallest 3")
    "tokens_elided": [[{"LOWER": {"IN": ["at", "on", "to", "with", "for", "only", "just", "saw", "used", "model",
                                         "version", "variant", "one", "smallest", "largest", "smaller", "larger"]}},
                       QTY],
                      # (the model named, its verb left out: "X-7B saw 2T tokens and X-70B 15T")
                      [MODEL, QTY]],
    "tokens_listed": [LISTED_FOR_MEMBER],
    # "trained on 2.5T of code", "saw 800B of multilingual web text": a count of data a training verb governs, its
    # unit left to the reader (checked in `read`)
    "tokens_of_data": [[QTY, {"LOWER": "of"}, {"IS_ALPHA": True, "OP": "{0,3}"}, {"LOWER": {"IN": DATA_OF}}]],
    # "saw 2.85T tokens in the main stage and 150B in annealing": a stage's count, its unit written once before
    "tokens_of_stage": [[{"LOWER": {"IN": ["and", ","]}}, QTY, {"LOWER": {"IN": ["in", "for", "during", "of"]}},
                         {"LOWER": {"IN": ["the", "its"]}, "OP": "?"}, {"LOWER": {"REGEX": STAGE_WORD}}]],
    "epochs": [[QTY, {"LOWER": {"IN": ["epochs", "epoch"]}}]],
    "tokens_cjk": [[QTY, {"TEXT": "个", "OP": "?"}, {"TEXT": "文"}, {"TEXT": "本"}, {"TEXT": {"IN": ["标", "词"]}}],
                   # "40B令牌" (令牌, a translation of "token")
                   [QTY, {"TEXT": "个", "OP": "?"}, {"TEXT": "令"}, {"TEXT": "牌"}],
                   [QTY, {"TEXT": {"IN": ["个", "的"]}, "OP": "?"}, {"LOWER": {"IN": TOKEN_WORDS}}],
                   [QTY, {"TEXT": "个", "OP": "?"}, {"TEXT": "单"}, {"TEXT": "词"}],  # "700B 单词" (words)
                   # "1T 标识符", "1.4T 中英标识符" (标识符, "identifier", used for tokens; languages may come first)
                   [QTY, {"TEXT": "个", "OP": "?"}, {"TEXT": {"IN": list("中英文双语")}, "OP": "{0,4}"},
                    {"TEXT": "标"}, {"TEXT": "识"}, {"TEXT": "符"}]],
    # "在 2.8T 中英文语料上预训练" (pretrained on a 2.8T corpus of Chinese and English), "经过 15T 高质量数据的预训练"
    # (through pretraining on 15T of high-quality data): a corpus or data trained on
    # (data made by a model, "由 72B 模型生成的数据", is not an amount trained on)
    # ("在超万亿（trillion）高质量语料上进行预训练": an English gloss in brackets, and 进行 (carry out), may come
    # between)
    "tokens_cjk_corpus": [[QTY, {"TEXT": {"REGEX": CJK_OR_GLOSS, "NOT_IN": list("模型生成蒸馏")},
                            "OP": "{0,8}"},
                           # "经过了 600B 代码数据预训练" (pretrained on 600B of code data) joins data and training
                           {"TEXT": first}, {"TEXT": second}, {"TEXT": {"IN": ["上", "的"]}, "OP": "?"},
                           {"TEXT": "进", "OP": "?"}, {"TEXT": "行", "OP": "?"}, {"TEXT": "预", "OP": "?"},
                           {"TEXT": "训"}, {"TEXT": "练"}] for first, second in (("语", "料"), ("数", "据"))],
}
# the raw corpus, before cleaning or what cleaning removed: "清洗前" (before cleaning), "被剔除" (removed), "原始语料";
# and what a data pipeline handles: "we tokenized about 1.3T tokens" (not "unique tokens", which may be what a run
# saw, nor what cleaning kept: "of 23.5T raw tokens we kept 5.5T")
RAW_CORPUS = re.compile(r"清洗前|过滤前|去重前|被剔除|被过滤|原始语料|\bbefore (?:cleaning|filtering|deduplication)\b"
                        r"|\btokeni[sz]ed\b", re.I)
# "our starting pool was ..., about 41T tokens", "the initial crawl held 95T": what a pipeline began with (in the
# count's clause)
RAW_POOL = re.compile(r"\b(?:starting|initial|raw|original)\s+(?:pool|crawl|corpus|collection|snapshot)\b", re.I)
HELD_OUT = {"validation", "held-out", "heldout", "test", "evaluation", "eval", "dev"}  # "a 2B-token validation set"
# raw or held-out data, right after the count: "180T raw tokens", "23.5T tokens of raw text", "2.6B tokens of
# evaluation prompts", "40 万亿 token 的原始网页" (of raw web pages), "90 万亿 token 的原始数据出发" (starting from raw
# data), "30 亿 tokens 作为验证集" (as a validation set)
RAW_AFTER = re.compile(rf"\s*(?:tokens?\s+)?(?:of\s+)?(?:raw|{'|'.join(sorted(HELD_OUT))})\b"
                       r"|[^。，,;；]{0,12}?(?:原始|出发|验证集|测试集|评测集)", re.I)
# and right before it: "收集原始数据约 65 TB，折合约 18 万亿 tokens" (raw data gathered, about 18T tokens)
RAW_BEFORE = re.compile(r"原始[^。；]{0,20}$")
# what a data pipeline starts from, right before the count: "we started from 2.9T tokens of code", "starting from
# roughly 180T", "distilled from 9.6T tokens of Common Crawl" (not a run that starts from a checkpoint and goes on for
# 300M tokens)
STARTS_FROM = re.compile(r"\b(?:(?:start(?:ed|ing|s)?|begin(?:s|ning)?|began)\s+(?:from|with)|"
                         r"(?:distill|filter|extract|select|sampl)(?:ed|ing|s)?\s+from)\s+(?:an?\s+|the\s+)?"
                         r"(?:(?:about|roughly|approximately|around|some|over|nearly)\s+|~\s*)?$", re.I)
# counts tied to a point in training (a checkpoint, a learning-rate milestone) are not the run's total
PROGRESS = {"after", "until"}  # "after 2T tokens": a point in the run (checkpoints and schedules: below)
# but the point the run ended at is its total (rules.base.RUN_STOPPED and RUN_SUBJECTS)
# "by the end of 90B tokens", "(8T → 10T tokens)": a point the run reaches, or a phase from one point to the next
PROGRESS_BEFORE = re.compile(r"\b(?:by|at|until|to|near)\s+the\s+end\s+of\s+(?:the\s+)?$"
                             # an event of a loss curve at a point of the run: "the spike near 1.1T tokens", "a drop
                             # at 3.6T", "the dip seen near 2T tokens"
                             r"|\b(?:spikes?|drops?|jumps?|dips?|bumps?|kinks?|plateaus?|restarts?|divergences?|"
                             r"instabilit(?:y|ies))\s+(?:(?:visible|seen|observed|in\s+the\s+loss)\s+)?"
                             r"(?:at|near|around)\s+(?:about\s+|roughly\s+|~\s*)?$"
                             r"|\d\s*[KMBT]?\s*(?:tokens?\s*)?(?:→|->|⟶|=>)\s*$", re.I)
# ("a 0.5T checkpoint of X" is a point in X's run; a model's released checkpoint, "the X checkpoint has been trained
# on 200B tokens", is the model as released)
CHECKPOINT = re.compile(r"\b(?:intermediate|checkpoints|checkpoint\s+(?:at|after|every|of|from)|"
                        r"an?\s+(?:[\w.-]+\s+){0,2}checkpoint)\b", re.I)
# but a run that starts from a checkpoint ("fine-tuned from this checkpoint on 150M tokens") is a run of its own, and
# a checkpoint the document presents as its release ("This is an early checkpoint of X, pre-trained on 2T tokens")
# is the model it describes
FROM_CHECKPOINT = re.compile(r"\bfrom\s+(?:this|that|the|its|our|an?)\s+(?:[\w.-]+\s+){0,3}?checkpoint\b"
                             r"|\b(?:this|it)\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}checkpoint\b", re.I)
# the schedule's spans (a warm-up, a batch size or a ramp), which a stage holds too, and its other words
_SCHEDULE_SPAN = r"warm-?up|re-?warm(?:ing|ed)?|batch size|ramp(?:ed|s)? up|increase linearly"
SCHEDULE_SPAN = re.compile(rf"\b(?:{_SCHEDULE_SPAN})\b", re.I)
SCHEDULE_CUES = re.compile(rf"\b(?:{_SCHEDULE_SPAN}|learning rate|lr|decay(?:ed|ing|s)?|stepped)\b", re.I)
# ... but a sentence on a stage of training says how long that stage ran, whatever its learning rate does ("Stage 2
# anneals the learning rate to zero over 600B tokens", "the decay phase covers 1.2T tokens"), unless it holds a span
# of the schedule
STAGE_SENTENCE = re.compile(r"\b(?:stages?|phases?)\b", re.I)
# a learning rate's value ("follows a cosine curve down to 2.2e-5 across 4.3T tokens"): a count the rate moves
# "across" or "over" is a span of the schedule; "trained on 2T tokens with a peak rate of 3e-4" is the run's
LR_VALUE = re.compile(r"\b\d(?:\.\d+)?\s*[eE]-\d+\b|×\s*10\^?[-−]\d")
SPAN_WORDS = {"across", "over", "during", "through"}
# ("a raw web crawl of roughly 41T tokens", "a dump of 5T tokens")
DATASET = {"corpus", "dataset", "collection", "pool", "crawl", "dump", "comprising", "comprises", "comprised",
           "contains", "contained", "containing", "composed", "consisting", "consists", "has", "have", "had", "holds",
           "hold", "held", "slice", "subset", "portion", "split", "snapshot", "extract", "totals", "totaled",
           "totalled"}
HAS = {"has", "have", "had"}
DATA_MADE = {"generated", "generate", "generates", "synthesized", "synthesised", "collected", "crawled", "scraped",
             "curated"}
PERFECT_TENSE = {"seen", "been", "already", "processed", "consumed", "used", "trained", "ingested", "read", "gone"}
# "a 600 billion tokens extract of RefinedWeb": a part of a dataset
DATASET_AFTER = {"extract", "subset", "sample", "portion", "snapshot", "split", "slice",
                 "remain", "remained", "remaining", "survive", "survived"}  # "12T tokens remain after filtering"
DATA_NOUNS = {"dataset", "datasets", "corpus", "corpora", "pool", "crawl", "dump"}  # "a 95T-token web crawl"
DATASET_CLAUSE = re.compile(r"\b(?:which|that)\s+(?:contains|holds|comprises|consists\s+of|totals)\s+"
                            r"(?:about\s+|roughly\s+|approximately\s+|over\s+|some\s+)?$", re.I)
# a sentence saying what a dataset is: "The Pile is a dataset ...", "C4 is one of the largest corpora", "C4是...数据集"
DATASET_DEFINED = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:one|some)\s+of\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,5}"
                             r"(?:datasets?|corpus|corpora)\b|是[^，。；,;]{0,20}(?:数据集|语料)", re.I)
# "two passes over a 250B-token mixture": the data, which the passes multiply
PASSES_OVER = re.compile(r"\b(?:pass(?:es)?|epochs?)\s+(?:over|through|of)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}$", re.I)
# "trained on a dataset of 2T tokens" is training ("a training corpus of" is not a verb)
TRAIN_VERBS = {"train", "trained", "trains", "pretrain", "pretrained", "pre-train", "pre-trained", "utilizes",
               "utilize", "uses", "use", "used"}
# "each size sees the same 2T-token sample"; not passes that see it ("saw three epochs over a 175B-token set")
SEE_VERBS = {"sees", "saw", "seen"}
USED_VERBS = {"used", "uses", "consumed", "consumes", "processed", "processes"}
PASSES = {"epoch", "epochs", "pass", "passes", "over"}
# a dataset sized in parentheses right after its noun: "our web + code mixture (about 9T tokens after filtering)"
SIZED_DATA_NOUN = re.compile(r"\b(?:mixture|mix|corpus|corpora|dataset|collection|pool)\s*[(（]\s*(?:(?:about|around|"
                             r"roughly|approximately|nearly|over|some)\s+|[~≈]\s*)?$", re.I)
MIN_TRAINING_TOKENS = 1e8  # smaller counts are context windows, batch sizes or per-step figures
# ("each" only right before the count, "each 1T tokens": "the two models each saw 300B tokens" shares a run's count)
NOT_TOTALS = {"length", "context", "window", "batch", "sequence", "at", "every", "per"}
# what comes after them opens a stage of its own, or the run's data ("with a 8K context on 15T tokens", "extended to
# a 32K context with a further 80B tokens")
NEXT_STAGE = {"followed", "then", "on", "with"}
# a part of the run, right before the count: "the first 14.3T tokens", "the remaining 4.8T" (not "than their first
# iteration, totaling 13T tokens")
PART_OF_RUN = {"first", "last", "subsequent", "next", "remaining", "final"}
# the same in Chinese, written right before the count: "前 1.5 万亿 token" (the first 1.5T), "最后约 1000 亿 token"
# (the last 100B), "剩余的 2T" (the remaining 2T), "训练到约 1.2万亿 tokens 时" (when training reached 1.2T); and a
# unit of work, "每训练 1万亿 tokens" (for each 1T tokens trained)
CJK_MILESTONE = re.compile(rf"(?:(?:前|最后|剩余|剩下)(?:的)?|训练到|每\s*(?:训练|处理)?)\s*(?:{CJK_APPROX})?\s*$")
# a corpus the count sizes, not one trained on: "规模约 1.1万亿 tokens 的中英文混合语料库" (a corpus of about 1.1T
# tokens); "在 2T tokens 的语料库上训练" (trained on a corpus of 2T tokens) is training; and before it,
# "去重后的语料池约 5 万亿 tokens" (the deduplicated pool holds about 5T tokens)
CJK_CORPUS_BEFORE = re.compile(r"(?:语料池|语料库|数据池)(?:的)?(?:总)?(?:规模|总量|大小)?"
                               r"(?:约|为|达|共|有|大约|约为)*\s*$"
                               # "整个代码语料含有23种编程语言、总计1587亿个标识符" (the corpus holds 158.7B in all)
                               # ("预训练语料包含约700B单词": the pretraining corpus is what was trained on)
                               r"|(?<!训练)(?:语料|数据集)[^，。；]{0,24}(?:含有|包含|包括|总计|共计|共有)[^，。；]{0,4}$"
                               # "语料库共收集了约 20 万亿 tokens" (the corpus collected about 20T tokens)
                               r"|(?:收集|采集|爬取|抓取)了?(?:约|大约|近)?\s*$")
# what cleaning the data left, which sizes the data and not the run: "after deduplication and filtering, we end up
# with 125B tokens", "经过去重和过滤后，最终得到 125B tokens 的有效数据" (after deduplication and filtering, 125B
# tokens of valid data were obtained)
CLEANING = re.compile(r"dedup|de-dup|filter|clean|decontaminat|去重|过滤|清洗|筛选", re.I)
# a sentence opening on the cleaning steps: "After deduplication and language identification, 12T tokens were left"
CLEANING_OPENS = re.compile(rf"\W*(?:after|following|once)\b[^,;]{{0,120}}?(?:{CLEANING.pattern}|remov)[^,;]*,", re.I)
# a corpus's size once cleaned, said after the count: "11T tokens after deduplication", "清洗后" comes before it
CLEANED_AFTER = re.compile(r"\s*(?:tokens?\s+)?(?:after|following|once|post)[- ](?:\w+\s+)?(?:dedup|de-dup|filter|"
                           r"clean|decontaminat)", re.I)
CLEANING_LEFT = re.compile(r"(?:\b(?:end(?:ed|s)?\s+up\s+with|obtain(?:ed|s)?|result(?:ed|ing|s)?\s+in|"
                           r"yield(?:ed|ing|s)?|leaving|left(?:\s+(?:us\s+)?with)?|retain(?:ed|ing|s)?|"
                           # "reduced it to 18T", "cut the pool down to 9T", "filtered down to 14T"
                           r"(?:reduc|cut|trimm|brought|bring|narrow|whittl|shr[ui]nk|shrank|pared|filter)\w*"
                           r"(?:\s+(?:it|this|them|(?:the|our)\s+\w+))?(?:\s+down)?\s+to)\s+"
                           r"(?:(?:about|approximately|roughly|around|nearly|over|some|a\s+total\s+of|an?)\s+)*"
                           # "清洗后约 25 万亿 token" (about 25T tokens after cleaning)
                           rf"|(?:得到|获得|剩余|保留|(?:清洗|过滤|去重)后)了?\s*(?:{CJK_APPROX}|共)?\s*)$", re.I)
# a rate per day or hour: "单日训练量可达到54.3B个标识符" (a single day's training reaches 54.3B)
# ("日均调用量超过 1000 亿 tokens", a daily average of over 100B tokens served)
CJK_RATE_BEFORE = re.compile(r"(?:单日|每天|每日|日均|每月|月均|每小时|每秒|每步)[^，。；]{0,12}$")
# and a pool the run samples from: "共约 2.6 万亿 tokens，我们从中按比例采样" (2.6T in all, from which we sample)
# ("采用 3.4 万亿 Tokens 的语料库训练", trained with a corpus of 3.4T tokens, is training)
# (nor is "40B令牌和我们收集的数据集", 40B tokens and a data set we collected: "和" joins another noun)
CJK_CORPUS_AFTER = re.compile(r"^[^，。；,;和与及]{0,16}?(?:语料库|数据集)(?!上|(?:进行)?(?:预)?训练)"
                              r"|^[^。；]{0,12}从中(?:按比例)?(?:采样|抽取|选取|挑选)")


# a span of the run, not all of it: "over the first 10K steps", "every 5,000 steps", "a warmup of 2,000 steps"
# what holds a number of tokens "each" without being a run: "sequences of 4,096 tokens each", "two corpora with 300B
# tokens each"
UNIT_OF_TOKENS = {"sequence", "sequences", "batch", "batches", "chunk", "chunks", "document", "documents", "example",
                  "examples", "sample", "samples", "window", "windows", "segment", "segments", "shard", "shards",
                  "file", "files", "step", "steps", "dataset", "datasets", "corpus", "corpora", "subset", "subsets",
                  "source", "sources", "language", "languages", "domain", "domains"}
PART_OF_STEPS = {"first", "last", "final", "remaining", "every", "each", "next", "warmup", "warm-up"}


def _run_total(span: Span, qty_token: Token) -> bool:
    """The count is the run's total: written as the whole ("1.2T tokens in total"), or the product of the steps and
    the batch the sentence gives ("100,000 steps at a batch of 1,024 sequences of 2,048 tokens (about 210B tokens)")."""
    return stated_total(qty_token, span.end_char) or _steps_times_batch(qty_token)


def _ended_at(qty_token: Token) -> bool:
    """"Kestrel-3B stopped at 9T tokens", "while the 3B stopped at 6T tokens", "training was halted at 2T": the point
    a run or a model stopped at is its total ("Loss spikes stopped after 200B tokens" names neither)."""
    before = words_before(qty_token, 2)
    if len(before) < 2 or before[0] not in RUN_STOPPED or before[1] not in ("at", "after"):
        return False
    if SCHEDULE_CUES.search(sent_text(qty_token)) or STAGE.search(doc_text(qty_token.doc), qty_token.sent.start_char,
                                                                  qty_token.idx):
        return False  # "Stage 1 ended at 8T tokens", "the warmup ended after 2B tokens": a part of the run ended
    clause = qty_token.doc[max(qty_token.sent.start, qty_token.i - 9):qty_token.i - 2]
    return any(t.lower_ in RUN_SUBJECTS or t.tag_ == "MODEL" or t._.is_size for t in clause)


STAGE = re.compile(r"\b(?:stage|phase)\b", re.I)


def _steps_times_batch(qty_token: Token) -> bool:
    """The count is the sentence's steps times one of its batch sizes (in tokens, or sequences times their length),
    within a tenth; steps of a part of the run ("the first 10K steps") make no total."""
    sent, value = qty_token.sent, qty_token._.qty.value
    steps, small = [], []
    for t in tagged(sent, "QTY"):  # the sentence's figures (merge_mentions tags every word it gives a `_.qty`)
        if t.i == qty_token.i:
            continue
        if t.i + 1 < sent.end and t.doc[t.i + 1].lower_ in ("steps", "iterations") and not (
                PART_OF_STEPS & set(words_before(t, 2))):
            steps.append(t._.qty.value)
        elif t._.qty.value < MIN_TRAINING_TOKENS:
            small.append(t._.qty.value)  # a batch in tokens, or its sequences and their length
    batches = small + [a * b for a, b in itertools.combinations(small, 2)]
    return any(math.isclose(s * b, value, rel_tol=0.1) for s in steps for b in batches)


# an earlier count with the unit the elided one leaves out, of the same magnitude: "6T tokens ... at 4T"
COUNT_WITH_UNIT = re.compile(r"\d\s*(b|t|billion|trillion)\s+(?:[\w-]+\s+)?tokens?\b", re.I)


def _elided_tokens(qty_token: Token, listed: bool) -> bool:
    """A bare count in B or T that ends its clause, or is `listed` for a member, in a sentence that wrote an earlier
    count of that magnitude in tokens ("the 7B on 2T tokens; the 13B on 3T", "2T tokens for the 7B, 3T for the
    13B")."""
    # (written as a letter or a word: "the 13B on 3T", "the 1.2B on 8 trillion")
    letter = "T" if qty_token._.qty.value >= 1e12 else "B" if qty_token._.qty.scaled else ""
    before = doc_text(qty_token.doc)[qty_token.sent.start_char:qty_token.idx]
    stopped = qty_token.i >= 2 and qty_token.doc[qty_token.i - 2].lower_ in RUN_STOPPED
    if CLEANING.search(before):
        return False  # "40T raw tokens crawled, filtered down to 14T": what cleaning left of the data
    if listed and HELD_OUT & {t.lower_ for t in qty_token.sent}:
        return False  # "2B held-out tokens for the 70B, and 1B for the 7B": data, as the first figure is
    return letter in ("B", "T") and (listed or ends_elided_figure(qty_token)) and any(
        m.group(1)[0].upper() == letter for m in COUNT_WITH_UNIT.finditer(before)) and (
        stopped or qty_token.doc[qty_token.i - 1].lower_ != "at")  # "stopped at 4T" ends a run; "at 4T" is a point


def _figure(rule: str, span: Span) -> Token:
    if rule in ("tokens_listed", "tokens_of_stage"):
        return span[1]
    return span[-1] if rule in ("tokens_label", "tokens_cjk_amount", "tokens_elided") else span[0]


def read(rule: str, span: Span, config) -> list[Reading]:
    qty_token = _figure(rule, span)
    if rule in ("tokens_elided", "tokens_listed") and not _elided_tokens(qty_token, rule == "tokens_listed"):
        return []
    if rule == "tokens_of_data" and not (qty_token._.qty.scaled and qty_token._.qty.value >= 1e9 and (
            _right_after_training(qty_token) or _trained_on(qty_token))):
        return []
    if rule == "tokens_of_stage" and not (qty_token._.qty.scaled and COUNT_WITH_UNIT.search(
            doc_text(span.doc)[qty_token.sent.start_char:qty_token.idx])):
        return []
    if rule == "tokens_label" and not (_starts_line(span) or span[0].is_title):
        # "9 trillion tokens: 8 trillion in the main phase" is prose, not a card's key; a key in capitals goes on a
        # line of keys a PDF runs together ("Parameters: 20B Training tokens: 1T Hardware: ...")
        return []
    if rule == "tokens_after_number" and "\n" in doc_text(span.doc)[qty_token.idx:span[-1].idx]:
        return []  # a figure ending its line, over a line of its own on tokens ("Parameters: 7B" over "Tokens: 2T")
    q = qty_token._.qty
    if rule == "epochs":
        after = word_after(span.end, span.doc)
        return [] if q.scaled or not 0 < q.value <= 100 or after in ("per", "of") else [
            Reading("epochs", q.value, qty_token, qualifier=q.qualifier)]
    if q.value < MIN_TRAINING_TOKENS or not q.scaled and q.value < 1e9:
        return []
    before = words_before(qty_token, 4)
    # "a context length of 4096 tokens"; but "with an 8k context length trained on 627B tokens" trains on it, and
    # "1T tokens at context length 2048 followed by 100B tokens" goes on to the next stage's count, and "with an 8K
    # context on 15T tokens" to the data
    # ("Every model saw 8T tokens": a verb of seeing opens the count too, after the "every" of its subject, and so
    # does one of using after a stage's name: "Stage 3 (long context) used 0.1T tokens")
    opens = max((i for i, w in enumerate(before) if w in TRAINED or w in NEXT_STAGE or w in SEE_VERBS
                 or w in USED_VERBS), default=-1)
    ended = _ended_at(qty_token)
    total = _run_total(span, qty_token) or rule in ("tokens_elided", "tokens_listed") or ended  # (checked above)
    # ("It first sees 240B tokens": "first" before a verb of seeing is when, not a part of the run)
    part_of_run = bool(PART_OF_RUN & set(before[-2:])) and not (TRAINED | SEE_VERBS) & set(before[-1:])
    # ("~59.6K gpu-h / 1T tok": a rate's unit of data)
    denominator = before[-1:] == ["/"] and q.value in (1e9, 1e12)
    if NOT_TOTALS & set(before[opens + 1:]) and not total or before[-1:] == ["each"] or part_of_run or denominator or (
            CJK_MILESTONE.search(
            doc_text(span.doc)[max(0, qty_token.idx - 8):qty_token.idx])) or CJK_RATE_BEFORE.search(
            doc_text(span.doc)[max(0, qty_token.idx - 16):qty_token.idx]):
        return []
    # (and what a served model answered: "the 2.3 trillion tokens served last month")
    after_word = word_after(span.end, span.doc)
    if after_word in ("per", "/", "a", "/s", "checkpoint", "后", "之后", "mark", "served"):
        return []  # ("around the 6 trillion token mark": a point in the run)
    if after_word == "each" and UNIT_OF_TOKENS & set(before[-3:]):
        return []  # "sequences of 4,096 tokens each" is a unit's size; "trained on 6T tokens each" shares a run's count
    text = doc_text(span.doc)
    after = text[span.end_char:span.end_char + 4].lstrip()
    if after.startswith("时") and not after.startswith("时间"):
        return []  # "1.2万亿 tokens 时" (at 1.2T tokens): a point in the run; "时间" (the time it took) is not
    sentence = sent_text(span)
    if UNIT_OF_WORK.search(sentence) and q.value in (1e9, 1e12):
        return []
    before = span.doc[span.sent.start:qty_token.i].text
    milestone = CHECKPOINT.search(before) and not FROM_CHECKPOINT.search(before)
    progress = PROGRESS_BEFORE.search(text[max(0, qty_token.idx - 50):qty_token.idx])
    # "300,000 steps with a batch size of 4M tokens, 1.2T tokens in total": the run's total beside its schedule
    # (not a count its training verb governs right before it: "trained for 60B tokens with a cosine schedule, a peak
    # learning rate of 3e-4 ..." gives the run's total beside its schedule)
    staged = STAGE_SENTENCE.search(sentence) and not SCHEDULE_SPAN.search(sentence)
    scheduled = SCHEDULE_CUES.search(sentence) and not total and not staged and not _right_after_training(qty_token)
    near = words_before(qty_token, 7)
    run_ended = ended or RUN_STOPPED & set(near) and RUN_SUBJECTS & set(near)
    if PROGRESS & set(near[-4:]) and not run_ended or scheduled or milestone or progress:
        return []
    if LR_VALUE.search(sentence) and SPAN_WORDS & set(words_before(qty_token, 2)):
        return []
    # "passes over a corpus of 250B tokens": the data's size, which epochs multiply into the tokens trained on
    near = _words_since_figure(qty_token, 8)
    trained_on = _trained_on(qty_token)
    # "a 175B-token code set", "a 14T-token filtered web pool"
    after = {t.lower_ for t in span.doc[span.end:min(span.end + 3, span.sent.end)]}
    passed_over = bool(after & {"mixture", "mix", "pool", "corpus", "dataset", "set", "subset", "collection"}) and bool(
        PASSES_OVER.search(text[max(0, qty_token.idx - 60):qty_token.idx]))
    # "a 55 billion token dataset", "a 30T token pre-training corpus": "token" as a modifier sizes a dataset
    sized_data = span[-1].lower_ == "token" and bool(after & (DATA_NOUNS | HELD_OUT))
    part_of_data = word_after(span.end, span.doc) in DATASET_AFTER or passed_over or sized_data or bool(
        CJK_CORPUS_AFTER.search(text[span.end_char:span.end_char + 40])
        or CJK_CORPUS_BEFORE.search(text[max(0, qty_token.idx - 16):qty_token.idx])
        or RAW_AFTER.match(text, qty_token.idx + len(qty_token.text))
        or RAW_BEFORE.search(text, max(span.sent.start_char, qty_token.idx - 24), qty_token.idx))
    # "清洗前约为 10 万亿 token": the corpus before cleaning, not the run
    raw = RAW_CORPUS.search(sentence) or STARTS_FROM.search(text, max(0, qty_token.idx - 40), qty_token.idx)
    cleaned = bool(CLEANING_LEFT.search(text, max(0, qty_token.idx - 40), qty_token.idx)) and bool(
        CLEANING.search(sentence)) or bool(CLEANED_AFTER.match(text, span.end_char)) or _in_clause_after(
        CLEANING_OPENS.match(before), before)
    raw = raw or _in_clause_after(RAW_POOL.search(before), before)
    # "trained on a new dataset that builds on The Pile, which contains 1.5T tokens": the clause sizes the dataset
    described = bool(DATASET_CLAUSE.search(text, max(0, qty_token.idx - 40), qty_token.idx)
                     or SIZED_DATA_NOUN.search(text, max(0, qty_token.idx - 40), qty_token.idx))
    # "C4 is one of the largest datasets, collecting over 156B tokens": a sentence defining a dataset sizes it
    defined = bool(DATASET_DEFINED.search(before))
    component = _data_component(span, sentence)
    # "we generated 2B tokens", "we collected 500B tokens": data made, not a run; but "trained on a curated stream of
    # 7.5T tokens" trains on it (the word describes the noun the figure measures)
    made = _data_made(words_before(qty_token, 3), trained_on)
    # "40T raw tokens crawled, filtered down to 14T": what was gathered, where no training is said of it
    made = made or (word_after(span.end, span.doc) in DATA_MADE and not trained_on)
    # "Evaluation used a held-out set of 500M tokens": data kept out of training
    held_out = bool(HELD_OUT & set(words_before(qty_token, 5)))
    kind = "dataset_tokens" if described or made or held_out or (
        (_holds(near[-5:]) or part_of_data or raw or component or cleaned or defined) and not trained_on) else "tokens"
    # "roughly 25-30B tokens": a run's length given as a range is each end, two figures the text states (split where
    # facts are made); a wide one by its upper end (the low end and the high end stay on the fact); the middle was
    # never trained to
    if q.qualifier == "range" and q.high and q.low and q.high <= 2 * q.low:
        return [Reading(kind, q.value, qty_token, qualifier=q.qualifier)]
    if q.qualifier == "range" and q.high:
        return [Reading(kind, q.high, qty_token, qualifier=q.qualifier, low=q.low, high=q.high)]
    return [Reading(kind, q.value, qty_token, qualifier=q.qualifier)]


def _in_clause_after(cue: re.Match | None, before: str) -> bool:
    """Whether a cue found in the text before a figure stands in the figure's clause (no semicolon between)."""
    return cue is not None and ";" not in before[cue.end():] and "；" not in before[cue.end():]


# a list of a corpus's parts, each sized in parentheses: "- Python-Edu: educational Python samples from The Stack (4B
# tokens)"; the item describes data and says nothing of training
DATA_ITEM = re.compile(r"^\W*[-*•]\s+[^:]{1,40}:\s+.*\b(?:samples?|pages?|documents?|books?|articles?|papers?|"
                       r"repositories|files|posts|texts?|data)\b", re.I)
TRAINING_WORD = re.compile(r"\b(?:pre-?)?train|\bphase\b|\bstage\b", re.I)


# a share of the data: "each of the 12 languages contributes between 10B and 400B tokens", "code accounts for 1T" (not
# a stage's: "pre-training accounts for 2T tokens")
PER_PART = re.compile(r"\beach\s+(?:of\s+(?:the|its|our)\s+(?:\w+\s+)?)?(?:languages?|sources?|domains?|subsets?|"
                      r"categor(?:y|ies)|buckets?|shards?|datasets?|corpora|corpus)\b", re.I)
SHARE_VERB = re.compile(r"\b(?:contribut(?:es|ed|ing)|accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up)\s+"
                        r"(?:(?:about|roughly|around|approximately|between|some|nearly|over)\s+|~\s*)?$", re.I)


def _data_component(span: Span, sentence: str) -> bool:
    text = doc_text(span.doc)  # (the figure's clause, not the whole text: this runs for every count)
    start, _ = clause_bounds(span[0])
    clause = text[span.sent.start_char + start:span.start_char]
    share = SHARE_VERB.search(clause, max(0, len(clause) - 40))
    if share and not TRAINING_WORD.search(clause, 0, share.start()) or PER_PART.search(clause):
        return True
    parenthesized = text[max(0, span.start_char - 4):span.start_char].rstrip().endswith("(") and (
        text[span.end_char:span.end_char + 4].lstrip().startswith(")"))
    return parenthesized and bool(DATA_ITEM.match(sentence)) and not TRAINING_WORD.search(sentence)


def _words_since_figure(token: Token, n: int) -> list[str]:
    """Up to `n` words before a count, in lower case, back to the figure before it: "The model has 2.7B parameters
    and saw 5.2T tokens" gives "and saw", not the "has" of the parameters. (A table row's label speaks for every
    cell: "| training dataset | ~200B tokens | ~900B tokens |".)"""
    start = max(token.sent.start, token.i - n)
    if not sent_text(token).lstrip().startswith("|"):
        start = next((t.i + 1 for t in reversed(token.doc[start:token.i]) if t._.qty is not None), start)
    return [t.lower_ for t in token.doc[start:token.i] if not t.is_space]


def _holds(words: list[str]) -> bool:
    """Whether the words before a count say a dataset holds it ("a corpus of", "the pool has"); "had" or "has"
    before a participle is a tense ("a model that had already seen 3T tokens"), not holding."""
    return any(w in DATASET and not (w in HAS and _participle((words[i + 1:i + 2] or [""])[0]))
               for i, w in enumerate(words))


def _participle(word: str) -> bool:
    """"seen", "undergone", "processed": a perfect tense after "has", not what a dataset has."""
    return word in PERFECT_TENSE or bool(re.fullmatch(r"[a-z]{2,}(?:ed|en|ne|wn)", word))


def _data_made(before: list[str], trained_on: bool) -> bool:
    """A word of making data among the words right `before` a count ("we generated 2B tokens"); not one describing
    the noun a trained-on count measures ("trained on a curated stream of 7.5T tokens")."""
    made_at = next((i for i, w in enumerate(before) if w in DATA_MADE), None)
    return made_at is not None and not (trained_on and "of" in before[made_at + 1:])


def _right_after_training(token: Token) -> bool:
    """A training verb right before the count, maybe with its preposition ("trained for 60B tokens"), and no point in
    the run before it ("until the model had been trained on 1T tokens")."""
    before = words_before(token, 6)
    verbs = TRAIN_VERBS | {"training", "pretraining", "pre-training"}
    return bool(before) and not POINT_WORDS & set(before) and (
        before[-1] in verbs or len(before) >= 2 and before[-2] in verbs and before[-1] in ("on", "for", "over"))


POINT_WORDS = {"until", "till", "after", "once", "when", "before", "by"}  # a point in a run, not its end


def _trained_on(token) -> bool:
    """A training verb governs this count: it comes before it in the sentence with no other figure between
    ("pre-trained ... on a vast dataset of 2T tokens"; not "trained on 1.4T tokens, passes over a corpus of 250B"),
    and not as a purpose ("To train X, we build a corpus of 9T tokens")."""
    doc = token.doc
    for t in reversed(doc[max(token.sent.start, token.i - 20):token.i]):
        if t._.qty is not None:
            return False
        if t.lower_ in SEE_VERBS:
            return not any(x.lower_ in PASSES for x in doc[t.i:token.i])
        if t.lower_ in TRAIN_VERBS:
            # "To train X, we build Y, a corpus of 9T tokens": a purpose, closed by its comma, governs nothing after
            return not (t.i > 0 and doc[t.i - 1].lower_ == "to" and any(x.text == "," for x in doc[t.i:token.i]))
    return False


def _starts_line(span: Span) -> bool:
    """Whether the span opens its line, after list marks ("- ", "* ", "| ")."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return not text[line_start:span.start_char].strip(" \t-*•|>")
