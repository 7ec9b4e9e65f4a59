"""A document's own model names, found before the text is parsed, so that a family nobody listed in
`configs/models.toml` ("MiniCPM4", "SmolLM3", "GRIN MoE") is still read as a model name.

Labs name what they release in a few fixed places: the title ("X: Efficient LLMs on ..."), the front
matter of a model card (`model_name`, `base_model`, a model-index `name`), sentences that introduce a model
("we introduce X", "We are releasing X", "X is a series of language models"), headings ("Introduction
to X"), and identifiers with a size ("X-7B"). Each place yields candidate names; a candidate must look like
a name (a capital and a digit, an inner capital, or all capitals) and not be a common technical word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import product

from floptrail.corpus.document import Document
from floptrail.extract.canonical import (
    ACCENTED,
    ACTIVE_SUFFIX,
    LETTER_VERSION,
    PURPOSE_WORDS,
    configured_families,
    decimal_sizes,
    lowered_families,
    signature,
    without_owner,
)
from floptrail.extract.config import ExtractConfig
from floptrail.extract.front_matter import FRONT_MATTER
from floptrail.extract.markup import unemphasised
from floptrail.extract.rules.dates import MONTHS, RELEASE_DATE, RELEASE_NUMBER
from floptrail.extract.sections import headings, name_line_headings
from floptrail.extract.tables import DEVELOPER_HEADER, RUN_FIGURE_KINDS, find_tables, header_kind

# one name-like word: "MiniCPM4", "GRIN-MoE", "Qwen2.5-Coder", "BLOOM-176B", "K1.5", and a lower-case prefix
# before capitals
# also "ruGPT-3.5", "mPLUG-Owl", and a Greek letter naming a release ("Zephyr-7B-β")
# and Latin letters with accents ("Tülu 3")
WORD = rf"(?:[A-Z]|[a-z]{{1,3}}(?=[A-Z]))[A-Za-z0-9{ACCENTED}]*(?:[-_.][A-Za-z0-9α-ω{ACCENTED}]+)*"
# a name written in lower case carries a digit and a separator: "dots.llm1", "gpt-oss-20b"
# ... or its size in letters: "fenwick-s", "loam-xl" (a repository's names for a family's sizes)
LOWER_WORD = (r"(?:[a-z][a-z0-9]*(?=[a-z0-9]*[.\-_])(?=[a-z0-9.\-_]*\d)[a-z0-9]*(?:[-_.][a-z0-9]+)+"
              r"|[a-z]{3,}-(?:xxs|xs|s|m|l|xl|xxl|sm|md|lg)(?![\w-]))")
NAME = rf"(?:{WORD}|{LOWER_WORD})(?:[ \t]+(?:{WORD}|v?\d+(?:\.\d+)*[A-Za-z]?|{LETTER_VERSION}))?"
# a size as a name writes it ("70B"); after a space it ends a name: "Spinnaker-2 70B (S2-70B below)"
NAME_SIZE = r"\d+(?:\.\d+)?[BMT]\b"
NAME_WORD = re.compile(rf"(?<![A-Za-z0-9_/.\-{ACCENTED}])(?:{WORD}|{LOWER_WORD})(?![A-Za-z0-9_{ACCENTED}])")
GLUED_LOWER = re.compile(r"[a-z]+\d+[a-z]+[a-z0-9]*(?:\s+v?\d+(?:\.\d+)*)?(?![\w.])")
# words a title opens on before the model it is about: "Model Card for X", "Introducing X", "Announcing X", "Meet X"
SUBJECT_OPENER = re.compile(r"^(?:model\s+card\s+(?:for|of)|introducing|announcing|meet|presenting|unveiling)\s+", re.I)
# a news headline's or a press release's: the lab, then its verb, then the model and what it is ("Corvid Labs Unveils
# Horizon 2.5, Its Largest Model"; "xAI launches Grok 3"): the name is what stands between the verb and a comma (a
# lab's words hold no digit: "GPT-4 Launches a New Era" is about GPT-4)
HEADLINE_OPENER = re.compile(r"^(?:[A-Za-z][A-Za-z&.'’-]*\s+){1,4}?(?i:introduces|unveils|launches|releases|announces|"
                             r"debuts|open-sources|ships|rolls\s+out|reveals)\s+"
                             # ... or what the model is first, then its name: "Harrow Releases Its Largest Model Yet,
                             # Osprey-3", "Finch Unveils a New Coding Model: Wren 2"
                             r"(?P<described>(?i:its|an?|the)\s+[^,:]{0,60}?(?i:models?|LLMs?)(?:\s+(?i:yet|to\s+date))?"
                             r"\s*[,:]\s*)?(?P<rest>[^,]+)")
# "X: a title", "X：中文标题" (a full-width colon), "X Technical Report", "X Model Card": the leading part of a title
# names the subject
TITLE_LEAD = re.compile(r"^(.*?)(?:[:：]|\s[-–—|]\s|\s(?:technical report|tech report|model card|language models?|"
                        r"foundation models?|large language models?|LLMs?)\b|\sLMs?$|$)", re.I)  # ("Hobby LM")
# a title's noun for a model, then the model's name with a digit in it: "Open Nordic language model Fjell-30B
# trained on ..."
NAMED_AFTER_ITS_NOUN = re.compile(r"\s+(?:(?:large\s+)?language|foundation)\s+models?\s+"
                                  r"(?P<name>[A-Za-z][\w.-]*\d[\w.-]*)", re.I)
# what an introduced name must be followed by soon, so that "we introduce UltraClean, a filtering method" is not
# taken for a model
MODEL_WORDS = (r"(?=[,:(—–-]?\s*(?:(?:a|an|the|our|its)\s+)?(?:[\w-]+\s+){0,6}?(?:models?|LLMs?|MoE|series|family|"
               r"transformers?|checkpoints?|versions?)\b(?!\s+(?:API|service|platform|server|app|framework|library|"
               r"toolkit|inference|engine)))")
# where a sentence or a line opens (at the text's start, after a full stop, question or exclamation mark and a space, or
# after a line break), and where a Chinese one does: patterns opening so are tried only there (`_matches`)
# (a post of a thread opens on its number: "3/ The little one ...", and a transcript's line on its speaker: "DANA
# REYES: X was trained ...", "Host: ...")
SENTENCE_START = r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=^\d/ )|(?<=^\d\d/ )|(?<=\s\d/ )|(?<=\s\d\d/ )|(?<=\w: ))"
CJK_SENTENCE_START = r"(?:^|(?<=[。！？\n]))"
# what comes right before such a start (any match's end is one)
_BEFORE_START = {SENTENCE_START: re.compile(r"(?:[.!?]\s|\n)(?:\d{1,2}/ )?|^\d{1,2}/ "
                                            r"|(?m:^)[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}: "),
                 CJK_SENTENCE_START: re.compile(r"[。！？\n]")}
# "we trained a Mistral-7B reward model": another lab's model made into a tool of the pipeline, not a release
TOOL_ROLE = r"(?![\w-]|\.\w)(?!\s+(?:reward|judge|critic|classifier|verifier|teacher|embedding|draft|proxy|scoring)\b)"
# a Chinese name with its version or size after a hyphen: "沧浪-2", "蘅芜-2-14B" (two to four characters, as Chinese
# leaves no space between a name and the words before it)
CJK_VERSIONED = r"[\u4e00-\u9fff]{2,4}-[A-Za-z0-9][\w.-]*"
# what a lab calls its own work: "our answer", "our new flagship", "our latest release"
OWN_WORK = r"(?:new\s+|newest\s+|latest\s+)?(?:answer|release|flagship|contribution)"
# the lab saying it makes or releases something: "we introduce", "We are releasing", "we are excited to announce", "We
# also release", "We therefore built", "We're releasing"
# (the letter before the word boundary's test: a pattern opening on a letter is searched for at C speed)
WE_MAKE = (r"[Ww](?<=\b[Ww])e(?:\s+are\s+|\s+have\s+|['’]re\s+|['’]ve\s+|\s+)"
           r"(?:(?:also|additionally|therefore|thus|now|then|instead|first|next|finally)\s+)?"
           r"(?:(?:very\s+)?(?:excited|pleased|proud|happy|thrilled)\s+to\s+)?"
           r"(?:introduc|present|releas|announc|open[- ]?sourc|unveil|launch|propos|develop|train|build|built)\w*\s+")
INTRODUCES = [
    # "we introduce X", "we present the X series", "We therefore built X, an encoder-only transformer": a name a model
    # word follows
    re.compile(rf"{WE_MAKE}(?:the\s+|our\s+|a\s+new\s+|an?\s+)?(?P<name>{NAME}){TOOL_ROLE}"
               rf"(?:{MODEL_WORDS}|(?=,\s+(?:pre-?)?trained\s+(?:on|for|with)\b))"),
    # "发布 X，基于 Y 的代码生成模型" (released X, a code model built on Y), "我们开源了 X 模型": a Chinese release, a
    # model word (模型) following soon; a Markdown link may carry the name
    re.compile(rf"(?:发布|开源|推出)了?\s*(?:新一代|全新)?(?:的)?(?:开源)?(?:模型)?\s*\[?(?P<name>{NAME})\]?"
               r"(?:\([^()\s]*\))?(?=[^。\n]{0,40}模型)"),
    # "发布了新一代开源模型 X，包含 7B、13B 尺寸" (released X, a new generation of open models, in 7B and 13B): the
    # model word before the name
    # ("与海外开源模型 X 的对比", compared with X, an open model from abroad: 开源 describing the model is no release)
    # (the verb first, the words it must not follow looked behind it: a pattern opening on its words is searched for
    # at C speed, one opening on a lookbehind is tried at every character)
    re.compile(rf"(?:发布|开源|推出)(?<!海外..)(?<!国外..)(?<!同类..)(?<!其他..)(?<!主流..)了?\s*(?:新一代|全新)?(?:的)?(?:开源)?"
               rf"(?:大)?(?:语言)?模型\s*\[?(?P<name>{NAME})\]?"),
    # "全新模型 X" (a brand-new model X), "新一代模型 X", "首个公开版本 X" (the first public version, X): a changelog's
    # or a post's new model, in Latin letters or Chinese ones
    re.compile(rf"(?:(?:全新|新一代)(?:的)?(?:开源)?(?:大)?(?:语言)?模型|首个(?:公开|开源)?版本)[：:]?\s*\[?"
               rf"(?P<name>{NAME}|{CJK_VERSIONED})"),
    # "X 是一个混合专家模型" (X is a mixture-of-experts model), "X 是由某实验室研发的大语言模型": a Chinese sentence
    # opening on a name says what it is
    # (and a Chinese name with its version or size: "沧浪-2 是一个稠密模型", Canglang-2 is a dense model)
    # (模型 closes the phrase, as a Chinese noun phrase ends on its noun: "X 是一个面向大模型预训练的开放语料库",
    # a corpus for pre-training large models, is no model)
    re.compile(rf"{CJK_SENTENCE_START}\s*(?P<name>{NAME}|{CJK_VERSIONED})\s*(?:是|为)"
               r"(?:一个|一款|一种|一系列)?[^。，,\n]{0,30}?模型(?:系列|家族|之一)?(?![\u4e00-\u9fff])"),
    # a news item announcing a release: "- **2025-03-14 — X-9B released.**", "* [2024.07] X is now open-sourced"
    re.compile(rf"(?m)^[ \t]*[-*•][ \t]+(?:\*\*)?(?:\[?\d{{4}}[./-]\d{{1,2}}(?:[./-]\d{{1,2}})?\]?[ \t]*[—–:-]?[ \t]*)?"
               rf"(?:\*\*)?[ \t]*(?P<name>{NAME})[ \t]+(?:is[ \t]+|are[ \t]+)?(?:now[ \t]+)?"
               r"(?:released|launched|open[- ]sourced)\b"),
    # "Our answer is the X generation", "our new flagship is X": what the lab's own work is
    # (not "our base model is X": what the lab built on is named so too)
    re.compile(rf"[Oo](?<=\b[Oo])ur\s+{OWN_WORK}\s+is\s+(?:the\s+)?(?P<name>{NAME})"),
    # ... and the other way round: "X is our answer: a 3.1B model", "X is our newest flagship"
    re.compile(rf"{SENTENCE_START}(?:The\s+)?(?P<name>{NAME})\s+is\s+our\s+{OWN_WORK}\b"),
    # "X ships today in two tiers", "X is available today", "X is now available": a release in the present tense
    re.compile(rf"{SENTENCE_START}(?:The\s+)?(?P<name>{NAME})\s+(?:ships|launches|is\s+(?:now\s+)?(?:available|"
               r"released|out))\s+(?:today|now|this\s+week|on|under|for)\b"),
    # "Introducing X", "Introduction to X", "Meet X"
    re.compile(rf"[IM](?<=\b[IM])(?:ntroducing|ntroduction (?:to|of)|eet)\s+(?:the\s+)?(?P<name>{NAME}){MODEL_WORDS}"),
    # "X is a family of open models", "X are decoder-only language models", "X is composed of a series of ..."
    # (a size may stand among the words: "X v2 is a new 13.4B-parameter model")
    re.compile(rf"{SENTENCE_START}(?:The\s+)?(?P<name>{NAME})\s+(?:is|are)\s+(?:a|an|our|the|composed of)"
               rf"\s+(?:[\w.-]+\s+){{0,8}}?(?:models?|LLMs?|family|series|suite|collection|transformers?|decoders?)\b"),
]
# "We release X-Coder 9B and X-Math 9B.", "we trained X-7B on ...": a name that carries its size needs no model word
# after it (`_sized_introductions` leaves out a known family's: "we trained Pythia-1B for comparison" trains a baseline
# again)
SIZED_INTRODUCTION = re.compile(rf"{WE_MAKE}(?:the\s+|our\s+)?(?P<name>{NAME})(?<=\d[BM]){TOOL_ROLE}")
# the next name of a list after the first: "..., X-Math 9B", "and X-Math 9B"
SIZED_LIST_ITEM = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<name>{NAME})(?<=\d[BM]){TOOL_ROLE}")
# "For comparison, we also trained X-360M", "we train X-1B as a baseline", "we reproduce X-7B"
BASELINE_CUE = re.compile(r"(?i)\bcomparison\b|\bbaselines?\b|\breproduc\w*|\breplicat\w*")
OURS_MARK = re.compile(rf"(?<![\w-])(?P<name>{NAME})[ \t]*[(（][ \t]*(?:[Oo]urs|OURS|本文|我们的)[ \t]*[)）]"
                       # ... or says so: "The backbone, X-LM 9B, is our own and was pretrained on ..."
                       rf"|(?<![\w-])(?P<said>{NAME}),?\s+(?:which\s+)?(?:is|was)\s+(?:also\s+)?our\s+own\b")
# "We first trained a dense model, X, on 3T tokens", "we trained a 2B model called X": a model the lab trained on the
# way, named after what it is (its own line where it is of the document's family, though no section is about it);
# not a helper, a proxy or a reproduction ("we trained a reward model, Judge-13B"), nor a run not made
TRAINED_OWN = re.compile(rf"[Ww](?<=\b[Ww])e\s+(?:(?!never\b|not\b)\w+\s+)?(?:pre-?)?trained\s+(?:a|an)\s+"
                         r"(?:(?!(?:reward|critic|judge|draft|teacher|proxy|reference|ablation|toy|baseline|student)\b)"
                         rf"[\w.-]+\s+){{0,3}}?(?:model|LLM),?\s+(?:called\s+|named\s+)?(?P<name>{NAME})")
# "An earlier prototype, Merle-0.5 (7B), was trained on ...", "the previous release, X": the lab's earlier model where
# no configured family names it (in related work, "an earlier model, GPT-3," is another lab's)
AN_EARLIER = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:earlier|previous|prior|first|older)\s+"
                        rf"(?:prototype|iteration|version|release|model|checkpoint)\s*,\s*(?P<name>{NAME})")
# "our dense Tern-7B", "our own Kite 2": a name the lab calls its own, its own line where it is of the document's family
# (the lab's earlier or smaller model beside the new one), not one it measured or built on ("our comparison with X",
# "our fine-tuned X", "our X baseline")
OUR_NAMED = re.compile(r"\b[Oo]ur\s+(?:(?!(?:of|with|to|on|in|at|against|and|or|for|than|vs|versus|from|fine-tuned|"
                       r"reproduced|re-implemented|comparison|evaluation|baselines?)\b)[a-z][\w-]*\s+){0,2}?"
                       rf"(?P<name>{NAME})(?![\w.-])(?!\s+(?:baseline|reproduction)s?\b)")
# "We trained Gull 1B on 500B tokens", "we pre-trained Heron-7B for 90 days", "we then trained Osprey 70B using ...":
# the lab names the model it trained (not a configured family's, which a paper reproduces: "we trained Pythia-1B on
# our data"; not a model it fine-tuned)
# (not "we further trained X", the base a continued pre-training starts from)
TRAINED_NAMED = re.compile(rf"[Ww](?<=\b[Ww])e\s+(?:(?!never\b|not\b|further\b|continually\b|continuously\b)\w+\s+)?"
                           rf"(?:pre-?)?trained\s+(?P<name>{NAME})"
                           r"\s+(?:on|for|with|using|in|from\s+scratch)\b")
# ... or the lab's run that made it: "Our last pretraining run, the one that produced X, ran for 70 days", "our
# training job that became X"
RUN_MADE = re.compile(rf"\b[Oo]ur\s+(?:\w+\s+){{0,2}}?(?:run|job|training)\b[^.;]{{0,30}}?\b(?:produced|became|"
                      rf"yielded|gave\s+us)\s+(?P<name>{NAME})")
# a sentence that opens on a model made from another: "X-Code 9B continues X-2 9B on 1.4T tokens of code", "X-Math is
# built on X-2 9B", "X-VL 27B starts from X-2 27B": the lab's own where what it was made from is (the words before a
# size a model was made from: attribution.MADE_BEFORE_SIZE; before a base's name: rules.base.BASE_CUES)
MADE_FROM_OPENING = re.compile(rf"{SENTENCE_START}(?P<name>{NAME})(?:[ \t]+{NAME_SIZE})?[ \t]+"
                               r"(?:(?:is|was)[ \t]+)?(?:also[ \t]+)?"
                               r"(?:continues|extends|upcycles|builds?[ \t]+(?:on|upon)|built[ \t]+(?:on|upon)|"
                               r"based[ \t]+on|starts?[ \t]+from|started[ \t]+from|initiali[sz]ed[ \t]+from)[ \t]+"
                               rf"(?:the[ \t]+|our[ \t]+)?(?P<base>{NAME})")
# a wire story's dateline, which its first line opens on before the sentence: "LONDON, June 18 (Reuters) - Stannard said
# ..." (its city in capitals, a date maybe, or a city and a date: "OSLO/LONDON (Northwire) -", "Oslo, May 4 (Northwire)
# -"); optional wherever a sentence may open
DATELINE = (r"(?:(?:[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+)*(?:,[^\n()]{1,30})?|[A-Z][a-z]+(?:[ /][A-Z][a-z]+)?,"
            r"[^\n()]{1,30})\s*\([^()\n]{1,30}\)\s+(?:--?|—|–)\s+)?")
# a sentence that opens on a name and says it was trained: "Whimbrel-Ultra was trained across four TPU pods" (weak
# evidence: related work says so of other labs' models too)
# (the name may stand in its noun phrase: "The production X checkpoint was pretrained on ...", "The final X model was")
TRAINED_SUBJECT = re.compile(rf"{SENTENCE_START}{DATELINE}(?:The\s+(?:[a-z][\w-]*\s+)?)?"
                             r"(?!(?:Every|Each|All|Both|Our|Their|Its|This|That|These|Those)\b)"
                             rf"(?P<name>{NAME})(?:\s*\([^()\n]{{1,30}}\))?"  # ("Hearth-1 7B (v1.0.0) was trained")
                             r"(?:\s+(?:model|checkpoint|base\s+model))?\s+(?:was|were|is|are|has\s+been|had\s+been)"
                             r"\s+(?:pre-?|post-?)?(?:trained|fine-?tuned)\b")
# ... as someone else reports it ("Pelham says X was trained for 70 days", "Brightwater disclosed that X saw 15T
# tokens"), or with a run's resources after it ("X saw 15 trillion tokens", "X used 12,000 GPUs"): a model whose
# training the text reports, no evidence of whose model it is (a report says so of the baselines it measures)
# who a story heard it from, before the name: "Pelham said on Tuesday that X ...", "According to Pelham, X ..."
# (a sentence adverb may open it: "Separately, Pelham said ..."; the speaker may hold small words: "Analysts at
# Brightline estimate that X ...", "According to analysts at Brightline, X ...")
REPORTER = (rf"{DATELINE}(?P<reporter>(?:[A-Z][a-z]+,\s+)?[A-Z][\w-]*(?:\s+[\w&-]+){{0,4}}?\s+(?:says|said|"
            r"disclosed|reported|"
            r"confirmed|noted|stated|wrote|revealed|estimates?|estimated|believes?|claims?|claimed|reports?|notes?)"
            r"(?:\s+(?:on|in|last|this)\s+\w+)?"
            r"(?:\s+that)?\s+|(?:[A-Z][a-z]+,\s+)?[Aa]ccording\s+to\s+(?:[\w&.'’-]+\s+){0,4}?[\w&.'’-]+,\s+)?")
# words a name is not, where a sentence opens on them
NOT_A_SUBJECT = r"(?!(?:Every|Each|All|Both|Our|Their|Its|This|That|These|Those|The|It|We|They)\b)"
REPORTED_TRAINING = re.compile(
    rf"{SENTENCE_START}{REPORTER}{NOT_A_SUBJECT}"
    # (one word and its version, a digit last: a capitalised word opening the sentence before a name is no part of it,
    # "Overall X-52B used ...", and a tool's name has no version, "FSDP used 512 GPUs")
    rf"(?P<name>(?:{WORD}|{LOWER_WORD})(?:[ \t]+v?\d+(?:\.\d+)*)?)(?<=\d)\s+"
    r"(?P<hearsay>reportedly\s+|reputedly\s+|allegedly\s+|supposedly\s+)?"
    r"(?:(?:was|were|had\s+been)\s+(?:pre-?)?trained\b|trained\s+(?:for|on)\b|"
    r"(?:saw|consumed|used|needed|required)\s+(?:about\s+|roughly\s+|around\s+|some\s+|over\s+|more\s+than\s+)?"
    r"[~≈]?\d)")
# ... and the lab's new model, as a story tells it: "Stannard Labs said that its new Vireo-Omni model was trained with
# ...", "Its latest flagship, Auk-Prime, used 9,000 GPUs", "Fjordline's new model, Skua-Prime, ..." (its name need not
# end in a digit: the words before say it is a model, "its new text-to-image model X", not a tokenizer, a classifier or
# a cluster; and not a rival's, "Rival Skerry Labs' newest model, X")
MODEL_WORDS = (r"(?:flagship|frontier|open|open-weights?|open-source|large|small|reasoning|language|multimodal|"
               r"foundation|base|chat|coding|code|AI|LLM|mixture-of-experts|MoE|dense|sparse|vision)")
REPORTED_NEW = re.compile(
    rf"{SENTENCE_START}{REPORTER}(?!(?:Rival|Competitor|Competing)\b)(?:[Ii]ts|[Tt]heir|"
    rf"[Tt]he\s+(?:company|lab|firm|startup)['’]s|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,2}}['’]s?)\s+"
    rf"(?:new|latest|newest|newly\s+released)\s+"
    rf"(?:(?:[a-z][\w-]*\s+){{0,3}}?model,?\s+|(?:{MODEL_WORDS}\s+){{1,3}}|(?:{MODEL_WORDS}\s+){{0,2}}flagship,?\s+|"
    rf"(?=\S+\s+model\b)|(?<=released\s))(?P<name>{WORD}),?(?:\s+model)?\s+"
    r"(?:(?:was|were|had\s+been)\s+(?:pre-?)?trained\b|trained\s+(?:for|on)\b|"
    r"(?:saw|consumed|used|needed|required)\s+(?:about\s+|roughly\s+|around\s+|some\s+|over\s+|more\s+than\s+)?"
    r"[~≈]?\d)")
# a name with a digit that a company's possessive and the noun "model" frame: "says its Hanlin-M2 model cost", "for
# its Yunque-3 model", "Qiaoyun's Yunque-3 model"
ITS_NAMED_MODEL = re.compile(rf"\b(?:[Ii]ts|[Tt]heir|[A-Z][\w&-]*['’]s)\s+(?:(?:new|latest|newest|flagship|open)\s+)?"
                             rf"(?P<name>{WORD})(?<=\d)\s+(?:model|LLM)\b")
RIVAL_BEFORE = re.compile(r"\b(?:[Rr]ivals?|[Cc]ompetitors?|[Cc]ompeting|[Bb]y\s+comparison|[Ii]n\s+comparison|"
                          r"[Cc]ompared|[Uu]nlike|[Oo]ther\s+(?:labs|developers|companies))\b")
# a sentence that opens on a name and gives its size: "Osprey-3 has 340 billion parameters", "The Osprey-3 model
# contains 340B parameters", "Harrow said that Osprey-3 has ..." (weak evidence, as a trained subject's: related work
# says so of other labs' models)
SIZE_STATED = re.compile(
    rf"{SENTENCE_START}{REPORTER}(?:The\s+)?{NOT_A_SUBJECT}(?P<name>{NAME})(?:\s+model)?\s+(?P<hearsay>reportedly\s+)?"
    r"(?:has|had|contains|comprises|packs|features|totals)\s+(?:about\s+|roughly\s+|around\s+|some\s+|over\s+|"
    r"nearly\s+|almost\s+|more\s+than\s+)?[~≈]?\d[\d,.]*\s*(?:billion|million|trillion|[BMT])?[\s-]+"
    r"(?:total\s+)?param")
# ... or a name given its size after "with" anywhere: "two rerankers, X-Base with 278M parameters and X-Large with 568M
# parameters" (as weak)
SIZED_WITH = re.compile(rf"(?<![\w-])(?P<name>{NAME})\s+(?:model\s+)?with\s+(?:about\s+|roughly\s+|around\s+|"
                        r"some\s+|over\s+|nearly\s+|almost\s+)?[~≈]?\d[\d,.]*\s*(?:billion|million|[BM])?[\s-]+"
                        r"(?:total\s+)?param")
QUOTED = re.compile(r'"[^"\n]{0,600}"|“[^”\n]{0,600}”')  # what a news story quotes someone saying
# a lab speaking of its own models and runs: "we trained", "our baseline", "our models", "we release" (not "we estimate
# the training compute of three models", a newsletter's, nor "we put the run at 2e24 FLOP", "we put each run's
# compute from ...", an estimator's)
# (not a reader's or an analyst's work on others' models: "we include a model only if ...", "we compared ten models")
OWN_WORK_SAID = re.compile(r"\b(?:[Ww]e|[Oo]ur)\s+(?!(?:[\w.-]+\s+){0,2}?(?:runs?|models?)\s+at\b|(?:put|reckon|peg)\b"
                           r"|(?:also\s+)?(?:include|included|compare|compared|collect|collected|survey|surveyed|list|"
                           r"listed|track|tracked|cover|covered|review|reviewed|rank|ranked|count|counted)\b)"
                           r"(?:[\w.-]+\s+){0,2}?(?:(?:pre-?)?train(?:ed)?|models?|baselines?|runs?)\b"
                           r"|\b[Ww]e\s+(?:also\s+)?(?:release|open-?source)\b(?!\s+(?:these|this|the|our)\s+(?:\w+\s+)?"
                           r"(?:notes?|newsletters?|issues?|reports?|records?|data(?:sets?)?|lists?|tables?)\b)")
# "we used the cluster for the pre-training run of X", "X's training run", "the training job for X": a run that trained
# a model (weak evidence too: a post about a cluster may name its model only so); not "continued pre-training of X",
# the model a new one starts from (CONTINUED_BEFORE)
TRAINING_RUN_OF = re.compile(rf"[Tt](?<=\b[Tt])raining\s+(?:runs?\s+|jobs?\s+)?(?:of|for)\s+(?P<name>{NAME})")
# ... and the run named before its noun: "the Saltmarsh-3 run", "the Saltmarsh-3 pre-training run"
NAMED_RUN = re.compile(rf"[Tt](?<=\b[Tt])he\s+(?P<name>{NAME})\s+(?:(?:pre-?)?training\s+)?(?:runs?|jobs?)\b")
# (the owner of "X's training run" is looked for only before the words, which are rare: a name tried at every
# capital of a text costs more than all the other evidence)
RUN_OF_OWNER = re.compile(r"['’]s\s+(?:pre-?)?training\s+(?:runs?|jobs?)\b")
# ... and what the training took, as someone else reports it: "X's training cost was reported at $45 million"
COST_OF_OWNER = re.compile(r"['’]s\s+(?:pre-?)?training\s+(?:costs?|compute|budget|bill)\b")
OWNER = re.compile(rf"(?P<name>{NAME})\Z")
CONTINUED_BEFORE = re.compile(r"(?:continued|continual|further)\s+(?:pre-?)?$", re.I)
# "Chinchilla, a 70B parameter model trained on ...", "Kestrel, an 8B-parameter language model", "Kestrel v2, a 9B
# decoder": an apposition that gives a name its size introduces a model, even a plain word that no other evidence
# marks as a name
# (a mixture of experts gives both its counts: "Moonlight, a 16B-total / 3B-activated MoE")
_APPOSED_SIZE = r"\d+(?:\.\d+)?\s*(?:[BMT]|billion|million)\b(?:[\s-]*(?:total|active|activated)\b)?"
APPOSITION = re.compile(rf"(?<![\w-])(?P<name>{WORD}(?:[ \t]+[vV]\d+(?:\.\d+)*)?),\s+(?:a|an)\s+(?:[\w.-]+\s+)?"
                        rf"{_APPOSED_SIZE}"
                        rf"(?:\s*/\s*{_APPOSED_SIZE})?[\s-]*(?:parameters?\s+|params?\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:models?|LLMs?|transformers?|MoEs?|decoders?)\b")
# ... and its size after the noun: "Pallas-7, a sparse model with 1.8 trillion parameters"
APPOSITION_WITH = re.compile(rf"(?<![\w-])(?P<name>{WORD}(?:[ \t]+[vV]\d+(?:\.\d+)*)?),\s+(?:a|an)\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:models?|LLMs?|transformers?|MoEs?|decoders?)\s+with\s+"
                             r"(?:about\s+|roughly\s+|some\s+|over\s+)?\d+(?:\.\d+)?\s*(?:[BMT]|billion|million|trillion)\b")
# an earlier model of the lab's own, whose figures the document may give beside the new one's: "our previous model,
# X", "our earlier 7B model X", "its predecessor X", "X, our first model", "X is our previous-generation model",
# "X（2021年）是我们的上一代模型", "我们的上一代模型 X", "我们更早的 X" (our earlier X)
MONTH_NAMES = "|".join(month.capitalize() for month in MONTHS)
EARLIER_WORDS = r"(?:previous|earlier|prior|first|last|older|former)(?:[- ]generation)?"
# each pattern with a cue it cannot match without: the patterns that open on the name try every position of the
# text, so a text is searched with one only where its cue occurs
_OWN_EARLIER = rf"\b(?:our|its|their)(?:\s+(?:lab|team|group|company)['’]s|\s+own)?\s+(?:{EARLIER_WORDS}|predecessor)"
_THE_EARLIER = r"\bthe\s+(?:previous|earlier|prior|older|former)[- ](?:generation|version|release|model)\b"
_WE_MADE = r"\bwe\s+(?:released|introduced|open-sourced|published|trained)\b"
_CJK_EARLIER = r"上一代|前一代|前代|我们的?(?:更早|此前|之前|早期)|去年(?:发布|推出|开源)"
EARLIER = [
    # "our previous model, X", "our lab's earlier dense flagship, X", "our earlier X"
    (re.compile(_OWN_EARLIER, re.I),
     re.compile(rf"\b(?:[Oo]ur|[Ii]ts|[Tt]heir)(?:\s+(?:lab|team|group|company)['’]s|\s+own)?\s+(?:{EARLIER_WORDS}\s+"
                rf"(?:[\w.-]+\s+){{0,2}}?(?:models?|LLMs?|release|versions?|flagship|series|checkpoint|runs?)|"
                rf"predecessors?|"
                rf"{EARLIER_WORDS}[- ]generation|(?:previous|earlier|prior|older)(?=\s+[A-Z]))\s*[,:(]?\s*"
                rf"(?P<name>{NAME})")),
    # "X, our previous release", "X, the previous generation", "X was our first model"
    (re.compile(rf"{_OWN_EARLIER}|{_THE_EARLIER}", re.I),
     re.compile(rf"(?<![\w-])(?P<name>{NAME})\s*(?:\([^()\n]{{0,40}}\))?\s*(?:,\s*|\s+(?:is|was)\s+)(?:(?:our|its|"
                rf"their)\s+(?:{EARLIER_WORDS}|predecessor)\b|the\s+(?:previous|earlier|prior|older|former)[- ]"
                r"(?:generation|version|release|model)\b)")),
    # "X, a 16B MoE we released earlier this year": an apposition saying the lab made it before ("X, a dense model we
    # trained this spring" is the model the text is about)
    (re.compile(_WE_MADE, re.I),
     re.compile(rf"(?<![\w-])(?P<name>{NAME}),\s+(?:a|an|the)\s+(?:[^,.;\n]|(?<=\d)\.(?=\d)){{0,60}}?\b(?:that\s+)?"
                r"we\s+(?:(?:released|introduced|open-sourced|published|trained)\s+(?:[\w-]+\s+){0,3}?(?:earlier|last|"
                r"previously|before|in\s+(?:19|20)\d\d|(?:a|one|two|several)\s+(?:year|month)s?\s+ago)|"
                # (a month dates a release, not a run: "X, a dense model we trained in March" is the text's model)
                rf"(?:released|introduced|open-sourced|published)\s+in\s+(?:{MONTH_NAMES}))\b")),
    (re.compile(r"是我们的(?:上一代|前一代|前代|早期)"),
     re.compile(r"(?P<name>[A-Za-z\u4e00-\u9fff][\w.\u4e00-\u9fff-]*?\d[\w.-]*)\**\s*(?:[（(][^（）()\n]{0,20}[）)])?\s*"
                r"[，,]?\s*是我们的(?:上一代|前一代|前代|早期)")),
    (re.compile(_CJK_EARLIER),
     # ("去年发布的 X", X which we released last year)
     re.compile(r"(?:(?:我们的)?(?:上一代|前一代|前代)|我们的?(?:更早|此前|之前|早期)的?|去年(?:发布|推出|开源)的)(?:模型)?"
                r"\s*[，,:：]?\s*\**"
                r"(?P<name>[A-Za-z\u4e00-\u9fff][\w.\u4e00-\u9fff-]*?\d[\w.-]*)")),
]
# top-level keys, and a model-index entry's "- name:" (deeper "name:" keys name data sets and metrics: "pass@1")
FRONT_MATTER_NAMES = re.compile(r"(?m)^(?:-[ \t]+)?(?P<key>model_name|base_model|name):[ \t]*['\"]?([^'\"\n]+)")
# ... and the first entry of "model-index:" indented under it, as cards write it (not an author's or a data set's
# "- name:" under their own keys)
MODEL_INDEX_NAME = re.compile(r"(?m)^model-index:[ \t]*\n[ \t]+-[ \t]+(?P<key>name):[ \t]*['\"]?([^'\"\n]+)")
# a model card's key-value lines: "Model Name: `Seed-OSS`", "**Model:** Foo-7B"; a form's numbered field: "3. Model
# name: X"
CARD_NAMES = re.compile(r"(?mi)^[ \t*-]*(?:\(?\d{1,2}[.)][ \t]+)?(?:\*\*)?model(?:[ _]name)?(?:\*\*)?[ \t]*[:：]"
                        r"(?:\*\*)?[ \t]*`?"
                        rf"(?P<name>{WORD}|{LOWER_WORD})`?[ \t]*$")
# a README's table of downloads lists the models it releases: "| Foo-7B | 32K | 🤗 Hugging Face / ModelScope |"
RELEASE_ROW = re.compile(r"(?mi)^\|\s*(?P<name>[^|\n]+?)\s*\|"
                         r"(?=[^\n]*(?:hugging\s?face|🤗|modelscope|download|下载|wisemodel))")
# an identifier with a size: "MiniCPM4-8B", "Seed-OSS-36B" (a CJK character may follow it directly); not the active
# size before a mixture's total ("OLMoE-1B-7B"); a mixture named by its active size ("X-MoE-A12B")
SIZED = re.compile(r"(?<![A-Za-z0-9_/.\-])([A-Z][A-Za-z0-9.]*[A-Za-z][A-Za-z0-9.]*(?:-[A-Z][A-Za-z0-9.]*)*)"
                   rf"[-_](?:\d+(?:\.\d+)?[BMT](?:{ACTIVE_SUFFIX})?|\d+x\d+B|A\d+(?:\.\d+)?[BM])"
                   r"(?![A-Za-z0-9_]|-\d+(?:\.\d+)?[BMT]\b)")

# ... or in lower case, as a repository names it: "wren-1.4b", "wren-350m"
LOWER_SIZED = re.compile(r"(?<![\w.\-])([a-z]{3,})-(\d+(?:\.\d+)?[bm])(?![\w-]|\.\w)")  # (after an owner's "/" too)
DATA_PREPOSITION = re.compile(r"\b(?:on|from|of|with|using|in|into)\s+$")

# ... or written with spaces, a version or a second word between the name and the size: "Cobalt 2 32B", "Veltro 1.5
# 7B", "Minnow-1.5 410M", "Pelican Coder 15B" (a family no config lists: a plain word the text keeps writing capitalised
# and writes with a size twice or more, and no word that numbers a part: "Stage 2 7B"; nor the purpose a spaced dash
# sets off in a longer name: "Python 7B" in "Code Llama - Python 7B", though a nested list item's "  - X 7B" is one)
SPACED_SIZED = re.compile(rf"(?<![\w/.\-])(?<!\S [-–—] )"
                          rf"(?P<word>[A-Z][a-z{ACCENTED}]{{2,}}(?: [A-Z][a-z{ACCENTED}]{{2,}})?)"
                          rf"(?:[ -]v?\d+(?:\.\d+)?)? \d+(?:\.\d+)?[BMT](?:{ACTIVE_SUFFIX})?(?![\w-]|\.\w)")
NUMBERING_WORDS = {"stage", "phase", "step", "round", "version", "level", "tier", "top", "group", "run", "part",
                   "chapter", "equation", "experiment", "setting", "day", "week", "month", "year", "batch", "epoch",
                   "session", "track", "episode", "talk", "lecture", "module", "lesson", "slide", "issue", "volume",
                   "bulletin", "circular", "edition", "digest", "newsletter",
                   "item", "page", "question", "exercise"}
# ... and words that number a part only apart from their number ("Layer 12", "Series 2" funding, "Table 3"): joined to
# it they may name a model ("Block-3", "Layer-2")
SPACED_NUMBERING_WORDS = {"series", "fiscal", "quarter", "layer", "block", "figure", "table", "section", "appendix",
                          "annex", "article", "clause", "recital", "paragraph"}
# a numbering word and its number ("SESSION 4", "Track B", "Episode 12"): a part of an event or a text, never a model
NUMBERED_PART = re.compile(r"(?P<word>[A-Za-z]+)[\s-]+(?:\d{1,3}|[A-Z])")


# a capitalised word with a version after a hyphen, and a tier word: "Kestrel-3 Pro", "Wren-2.5", "Heron-4 Mini" (a
# family no config lists, named without a size); or after a space, where a tier word follows: "Meridian 3 Pro"
VERSIONED = re.compile(rf"(?<![\w/.\-])(?P<word>[A-Z][a-z{ACCENTED}]{{2,}})(?P<sep>[- ])(?P<version>\d{{1,2}}(?:\.\d)?)"
                       r"(?![\w.\-]*\d)(?:[ -](?P<tier>[A-Z][A-Za-z]+))?(?![\w-])")
# words that a number or a size follows without naming a family: parts of a run, a paper or a machine ("Layer-12",
# "Cluster-2", "Trial-1"), a model's role ("Teacher-70B", "Baseline-2") and the months of a date ("Mar-17")
NOT_A_FAMILY = NUMBERING_WORDS | {
    "layer", "block", "expert", "node", "figure", "table", "section", "appendix", "head", "rank", "worker", "task",
    "test", "split", "shard", "iteration", "checkpoint", "seed", "sample", "type", "class", "option", "case", "variant",
    "model", "gen", "generation", "cluster", "trial", "response", "answer", "prompt", "query", "team", "site", "region",
    "teacher", "student", "draft", "proxy", "reward", "critic", "judge", "baseline", "ablation", "reference", "target",
    "policy", "value", "verifier",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


# a letter and a number: "K2", "R1" (read as a name only where a title or a strong place writes it)
SHORT_NAME = re.compile(r"[A-Z]\d{1,3}(?![\d.])")
# a Chinese name with a version, opening a title: "源2.0 (Yuan 2.0)", "悟道2.0：..." (CJK words have no spaces
# around them, so only where a title starts is the name's start known)
CJK_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}\d+(?:\.\d+)*")
# ... or with a hyphen and a Latin size or tier after it: "闽江-14B 技术报告", "松涛-Audio-8B"
CJK_HYPHENED = re.compile(r"^[\u4e00-\u9fff]{1,6}(?=-[A-Za-z0-9])")
# ... or alone, two characters at least ("竹溪"): a Chinese family's name, its own stem
CJK_FAMILY = re.compile(r"[\u4e00-\u9fff]{2,6}")
CJK_TITLE_NAME = re.compile(rf"{CJK_LEAD.pattern}(?=$|[\s(（:：,，|-])|{CJK_HYPHENED.pattern}(?:-[A-Za-z0-9][\w.]*)+"
                            r"(?=$|[\s(（:：,，|])")

# "Beijing Academy of Artificial Intelligence (BAAI)", "Technology Innovation Institute (TII)": an acronym an
# organization's full name defines is the organization (a title "BAAI Aquila ..." names the lab, then the model)
ORG_ACRONYM = re.compile(r"(?P<full>(?:[A-Z][\w&.-]*,?\s+(?:(?:of|for|and|the|de)\s+)*){1,8})"
                         r"\(\s*(?P<acronym>[A-Z][A-Za-z0-9]{1,9})\s*\)")
ORGANIZATION_NOUNS = (r"Academy|Institute|University|Laborator(?:y|ies)|Labs?|Inc|Corporation|Corp|Foundation|"
                      r"Cent(?:er|re)|Company|Group|College|School|Council|Agency|Ministry|Society|Association|"
                      # (and the bodies that keep registers: "Model Training Data Registry (MTDR)")
                      r"Office|Bureau|Commission|Authority|Board|Committee|Department|Directorate|Regist(?:ry|er)")
ORG_WORDS = re.compile(rf"\b(?:{ORGANIZATION_NOUNS})\b")
# an organization's full name as capitalised words, small words between them ("Directorate for Advanced Compute
# Oversight"), and an acronym of three capitals or more (two spell too many things: "AI", "US")
ORG_NAME = re.compile(r"\b[A-Z][\w&-]*(?:[^\S\n]+(?:(?:of|for|and|the|on|de)[^\S\n]+)*[A-Z][\w&-]*){2,7}")
ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")
# the word after a lab's name: "Inkwell Systems", "Pinecrest Intelligence", "Tidewater AI", "Greyling Research"
# (not a research preview: "QUILL RESEARCH PREVIEW" is a release)
ORG_TAIL = re.compile(rf"(?:{ORGANIZATION_NOUNS}|Systems|Technolog(?:y|ies)|Intelligence|AI|Computing|Dynamics|"
                      r"Research(?!\s+(?:preview|release|edition|version)\b))\b", re.I)
# a report's number after its lab's name: "QPL-TR-14", "HAL-WP-2"
REPORT_CODE = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{1,6})+-\d{1,4}\b")
# a title's lead that is a lab's name: capitalised words ending on a lab's word ("Tollgate Systems", "Pinecrest AI Lab")
LAB_LEAD = re.compile(rf"^\s*(?:[A-Z][\w&.'’-]*\s+){{1,3}}(?:{ORG_TAIL.pattern})(?:\s+(?:Lab|Labs|Inc\.?|Ltd\.?))?\s*$")


@dataclass(frozen=True)
class NameEvidence:
    """Where a document names a model of its own: the place (title, front_matter, introduces, heading,
    sized) and the name's span in the document text (the title's span is (0, 0) when the title is
    metadata rather than text)."""

    name: str
    place: str
    start: int
    end: int
    made_from: str = ""  # for a model a sentence says was made from another ("X continues Y"), that one (Y)


# the words that close a company's name ("HALCYON REACH, INC."): no model's
COMPANY_SUFFIXES = {"inc", "ltd", "llc", "corp", "gmbh", "plc", "co", "s.a", "ag", "bv", "kk", "pte"}
# a release's number with its stage ("v3.0.0-rc1", "2.1-beta"): a release of software or of notes, no model
_RELEASE_TAGGED = re.compile(rf"(?:{RELEASE_NUMBER})(?:[-.+]?(?:rc|alpha|beta|pre(?:view)?|dev|post)(?:[.-]?\d+)*)?",
                             re.I)


# an English phrase set with hyphens, a small word inside it: "Fill-in-the-Middle", "Mixture-of-Experts",
# "State-of-the-Art", "Needle-in-a-Haystack", "Text-to-SQL" name a method or a quality, never a model
# (in any case, "Fill-In-The-Middle"; but "a" only in lower case, a capital "A" being a name's letter)
HYPHENATED_PHRASE = re.compile(r"[A-Za-z]-(?:(?i:in|of|the|an|to|and|or|for|on|at|by|with|from)|a)-[A-Za-z]")


def _numbered_part(word: str) -> bool:
    numbered = NUMBERED_PART.fullmatch(word)
    return bool(numbered) and (numbered.group("word").lower() in NUMBERING_WORDS or (
        numbered.group("word").lower() in SPACED_NUMBERING_WORDS and word[len(numbered.group("word"))] == " "))


def is_name(word: str, config: ExtractConfig) -> bool:
    """A word that can name a model: a digit with a letter, a capital inside it, or all capitals; not a
    common technical word, a chip or a benchmark."""
    core = word.strip(".-_")
    letters = re.sub(rf"[^A-Za-z{ACCENTED}]", "", core)
    if len(letters) < 2 or core.lower() in config.naming.not_names | COMPANY_SUFFIXES or _RELEASE_TAGGED.fullmatch(
            core):
        return False
    if config.chip_for(core) or config.benchmark_for(core) or HYPHENATED_PHRASE.search(core):
        return False
    if _numbered_part(core) or DATED.fullmatch(core) or IDENTIFIER.fullmatch(core) or PLURAL_PLACE.fullmatch(core):
        return False  # ("Episode 12", "Series 2"; "Fiscal 2026", "March 2026"; a record's "MTDR-0041"; "LocalModels")
    has_digit = any(c.isdigit() for c in core)
    inner_capital = any(c.isupper() for c in core[1:])
    return has_digit or inner_capital or (core.isupper() and len(letters) >= 3) or _tiered(core, config)


def _tiered(word: str, config: ExtractConfig) -> bool:
    """A capitalised word joined to a tier or purpose word: "Luminous-base", "Pelican-large", "Command-R"; or a word
    in lower case joined to a size's letters, as repositories name a family's sizes ("fenwick-s", "loam-xl")."""
    head, _, tail = word.partition("-")
    tails = {t.lower() for t in config.naming.tiers} | PURPOSE_WORDS
    if tail in SIZE_LETTERS_WRITTEN and len(head) >= 3 and head.isalpha() and head.islower():
        return True
    return bool(tail) and head[:1].isupper() and head[1:].islower() and tail.lower() in tails


# a size written in letters after a name in lower case ("-xs", "-s", "-m", "-l", "-xl"; "-sm", "-md", "-lg")
SIZE_LETTERS_WRITTEN = frozenset({"xxs", "xs", "s", "m", "l", "xl", "xxl", "sm", "md", "lg"})


def stem(name: str) -> str:
    """The family part of a name: its leading letters ("MiniCPM4-8B" -> "MiniCPM", "GPT-J" -> "GPT"). A name in
    lower case is its own stem ("dots.llm1"): its leading letters may be a word ("dots"). A Chinese name keeps
    its version ("源2.0"): its characters alone are common words ("源" is "source")."""
    if cjk := CJK_LEAD.match(name) or CJK_HYPHENED.match(name) or CJK_FAMILY.fullmatch(name):
        return cjk.group(0)
    if short := SHORT_NAME.match(name):
        return short.group(0)  # "K2": a letter alone names nothing
    if name[:1].islower():
        return name.split()[0]
    acronym = re.match(r"[A-Z]{2,}-[A-Z]{2,}(?![a-z])", name)
    if acronym:
        return acronym.group(0)  # "MT-NLG": an acronym of two parts is one stem ("MT" alone names nothing)
    two = re.match(rf"([A-Z][a-z{ACCENTED}]+) ([A-Z][A-Za-z{ACCENTED}]+)", name)
    if two and two.group(1).lower() not in SENTENCE_WORDS and not re.match(rf"[A-Za-z{ACCENTED}]+\d", name):
        return two.group(0)  # "Code Llama 7B" -> "Code Llama": a word and a family make one name
    m = re.match(rf"[A-Za-z{ACCENTED}]+", name)
    return m.group(0) if m else ""


# a name the document defines as something other than a model: "Tern is a training runtime that ...", "X is an
# open-source framework for ..."; its title and its many mentions make it no model of the document's
# (and a product built on a model, said so in the same way or in apposition: "Mise is a cooking companion app", "we
# are publishing Fandango-Web, an English web corpus"; not where a model's word comes first or after: "Kite-7B, the
# model behind our app", "X is an app model"; not an assistant, a chat model's word for itself as often as a product's)
_THING = (r"(?:framework|runtime|library|toolkit|scheduler|compiler|benchmark|dataset|corpus|cluster|supercomputer|"
          r"codebase|platform|(?:training|distributed|serving|software|storage|inference)\s+(?:system|engine|stack|"
          r"service)|(?:app|application|plugin|extension)(?!\s+of\b))")  # (not "an extension of the base")
# words for a model, which no word for a thing may follow or come after: "X, a transformer trained on our corpus"
_MODEL_WORDS = r"(?:models?|LLMs?|LMs?|transformers?|networks?|engines?|backbones?|decoders?|checkpoints?)"
# ("X is ..." with any article; "X, a ..." only with "a" or "an": "We release X, the training framework, and ..."
# lists what is released; and the thing's noun ends the phrase)
NOT_A_MODEL = re.compile(rf"(?<![\w-])(?P<name>{WORD})(?:\s+is\s+(?:a|an|our|the)|,\s+(?:a|an))\s+"
                         rf"(?:(?!{_MODEL_WORDS}\b)[\w-]+\s+){{0,4}}?(?:{_THING})(?![\w-])"
                         r"(?=\s*(?:[,.;:)]|$|\s(?:of|for|that|which|built|with|from|used|to|by|released|developed|"
                         r"created|curated|collected|assembled|maintained|published|designed|containing|covering)\b))")


# the same in Chinese, where the thing's noun closes the phrase: "X 是一个面向大模型预训练的开放语料库" (X is an open
# corpus for pre-training large models: a corpus, though a model is named on the way)
_NOT_A_MODEL_CJK_NOUN = r"(?:语料库?|数据集|评测集|基准|排行榜|框架|平台|工具包?|分类器|评分器)"
NOT_A_MODEL_CJK = re.compile(rf"(?<![A-Za-z0-9_.\-])(?P<name>{WORD}|{CJK_VERSIONED})\s*是"
                             rf"(?:一个|一套|一款|一种|我们的)?[^。，,；;\n]{{0,30}}?{_NOT_A_MODEL_CJK_NOUN}"
                             r"(?=[，,。；;！!？?]|$)")
# what a title says its name is, after the colon: "Dolma: an Open Corpus of Three Trillion Tokens", "X: A Benchmark
# for ...", "X：开放中英文预训练语料" (an open Chinese-English pre-training corpus); not where a word for a model
# stands anywhere after the colon ("X: a family of models trained on a new corpus" is a model's title)
_NOT_A_MODEL_NOUN = (r"(?:benchmarks?|datasets?|data\s+sets?|corpus|corpora|toolkit|framework|library|platform|"
                     r"leaderboard|classifier|test\s+set|evaluation\s+suite|app)")
_MODEL_NOUN = re.compile(rf"\b(?:{_MODEL_WORDS}|family|series|MoE)\b|模型", re.I)
# (the thing's noun heads the phrase: words before it and no preposition, "On-Device AI for Every App" is about the
# model; a word after it joins the phrase on: "An Open Corpus of ...", "teaching a small classifier what ...")
_PREPOSITION = r"(?:for|of|in|on|with|to|from|by|at|across|beyond)"
# ("A 4.1-Trillion-Token Web Corpus Filtered by Provenance": a figure's point and a participle after the noun)
TITLE_THING = re.compile(rf"^\s*(?:(?:an?|the)\s+)?(?P<before>(?:(?!{_PREPOSITION}\b)[\w.'-]+\s+){{0,4}}?)"
                         rf"{_NOT_A_MODEL_NOUN}(?![\w-])"
                         r"(?=\s*(?:[,:;.(]|$)|\s+(?:of|for|to|with|from|on|that|and|what|which|built)\b"
                         r"|\s+\w+ed\s+(?:by|from|with|for|on|in|at)\b)", re.I)
TITLE_GREETING = re.compile(r"^(?:Meet|Introducing|Announcing|Inside)\s+")
TITLE_THING_CJK = re.compile(rf"{_NOT_A_MODEL_CJK_NOUN}$")


# what a product runs on: "The Drizzle you can download today runs on Nimbus-8B-Chat", "Brisa is now powered by
# Quoin-7B"; the model, a name with a number in it (a runtime's or a library's name has none: "runs on vLLM")
# ("X is built on Y-8B" says what a fine-tune was made from: X is a model)
RUNS_ON = re.compile(rf"\b(?:runs|is\s+running|is\s+(?:now\s+)?powered)\s+(?:on|by)\s+(?:top\s+of\s+)?"
                     rf"(?P<model>{WORD})(?!\s+(?:VMs?|instances?|nodes?|servers?|machines?|clusters?|pods?)\b)")
PLAIN_CAPITALISED = re.compile(rf"(?<![\w-])[A-Z][a-z{ACCENTED}]{{2,}}(?![\w-])")


def not_models(text: str, title: str = "", config: ExtractConfig | None = None) -> frozenset[str]:
    """The names the text defines as no model, in lower case: the name itself, not its family ("OLMo-core is a
    library" leaves OLMo a model); a name its title calls something else ("X: an Open Corpus of ..."); and a
    product the text says runs on a model."""
    text = unemphasised(text)
    # (the Chinese definition is looked for only in a text that holds its verb: an English text is read once)
    patterns = (NOT_A_MODEL, NOT_A_MODEL_CJK) if "是" in text else (NOT_A_MODEL,)
    found = {m.group("name").lower() for pattern in patterns for m in pattern.finditer(text)}
    found |= _products(text, config)
    found |= run_identifiers(text)
    # the news agency a dateline credits ("OSLO, March 24 (Nordwire) - ..."), which a masthead names again
    found |= {m.group("agency").lower() for m in AGENCY_DATELINE.finditer(text)}
    if (lead := _title_thing(title)) or (card := DATA_CARD_TITLE.match(title.strip())) and (
            lead := card.group("name") or card.group("named")):
        found.add(lead.lower())
    return frozenset(found)


# a run's identifier, a code in capitals that the text writes after "run" or "job" ("run CSM-DS-04", "runs CST2-PT-01,
# CST2-LC-02 and CST2-RL-03", "Job ID FT-7"): a run of some model, not a model
# (three parts or more, the last a serial number and none a size: "CST2-PT-01", not "BLOOM-176B-MAIN", "OPT-175B-R2")
RUN_CODE = r"[A-Z][A-Z0-9]*(?:-(?![0-9.]+[BMT]\b)[A-Z0-9]+)+-[0-9]{1,4}"
RUN_ID_AFTER = re.compile(rf"\b(?:[Rr]uns?|RUNS?|[Jj]obs?|JOBS?)\s+(?:ID\s+|#\s*)?(?P<code>{RUN_CODE})(?![\w-])")
RUN_CODE_WORD = re.compile(rf"(?<![\w-]){RUN_CODE}(?![\w-])")


def run_identifiers(text: str) -> set[str]:
    """The run codes a text names (lower case): each code written after "run" or "job", and every code that opens on
    the same first part (the runs a table lists under "Run ID": "CST2-PT-00" beside "run CST2-PT-01")."""
    codes = {m.group("code") for m in RUN_ID_AFTER.finditer(text)}
    if not codes:
        return set()
    prefixes = {code.split("-")[0] for code in codes}
    return {c.lower() for c in RUN_CODE_WORD.findall(text) if c.split("-")[0] in prefixes}


# a wire story's dateline: a place in capitals, a date, the agency in parentheses, a dash ("OSLO, March 24
# (Nordwire) -")
AGENCY_DATELINE = re.compile(r"(?m)^[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+)*,[^\n()]{1,30}\((?P<agency>[A-Z][\w.-]*"
                             r"(?: [A-Z][\w.-]*)?)\)\s+(?:--?|—|–)\s")
# a data set's card: "Dataset Card for X", "X Dataset Card", "Data card: X"
DATA_CARD_TITLE = re.compile(r"(?:data\s*set|data)\s+card\s*(?:for|of|:)\s*(?P<name>.+?)\s*$|"
                             r"(?P<named>.+?)\s+(?:data\s*set|data)\s+card\s*$", re.I)


def _products(text: str, config: ExtractConfig | None) -> set[str]:
    """The first plain capitalised word (no model's shape) of the clause before "runs on X", where X is a model's
    name with a size or version after a hyphen: the product that runs on it ("The Drizzle you can download today
    runs on Nimbus-8B-Chat"); not the model's own family ("Kite runs on Kite-2-70B": the line and its member), nor
    what runs on a chip or a machine ("Kite runs on H20 GPUs", "on A3 VMs")."""
    found = set()
    for m in RUNS_ON.finditer(text):
        model = m.group("model")
        if not re.search(r"-[\w.-]*\d", model) or config is None or config.chip_for(model):
            continue  # (a model's name with its size or version after a hyphen: not "A3", "P5", "H100")
        clause = re.split(r"[.;:!?\n]", text[max(0, m.start() - 80):m.start()])[-1]
        subject = next((w for w in PLAIN_CAPITALISED.findall(clause) if w.lower() not in SENTENCE_WORDS), "")
        if subject and not model.lower().startswith(subject.lower()):
            found.add(subject.lower())
    return found


def _title_thing(title: str) -> str:
    """The name a title opens on where its words after the colon say it is a data set, a benchmark or a tool ("Dolma:
    an Open Corpus ...", "X：开放预训练语料"); "" otherwise."""
    lead, colon, description = title.strip().partition(":") if ":" in title else title.strip().partition("：")
    lead, description = TITLE_GREETING.sub("", lead.strip()), description.strip()  # ("Meet Drizzle: an assistant")
    if not colon or not (NAME_WORD.fullmatch(lead) or re.fullmatch(CJK_VERSIONED, lead)):
        return ""
    if _MODEL_NOUN.search(description):
        return ""  # ("Kite-7B: A Library of Open Checkpoints", "开源模型与评测基准": a model's title)
    # (a Chinese phrase ends on its noun)
    return lead if TITLE_THING.match(description) or TITLE_THING_CJK.search(description) else ""


# a heading that says what follows it is the lab's own: "Our own year: X and Y", "What we trained: X" (not "Our take on
# X", whose X is another lab's)
OUR_HEADING = re.compile(r"\b(?:[Oo]ur|[Ww]e)\b[^:：\n]*[:：]")
OWN_HEADING = re.compile(r"\W*(?:our|we)\b", re.I)  # a heading that opens on the lab: "Our models", "We release"


def own_names(document: Document, config: ExtractConfig) -> list[NameEvidence]:
    """Candidate names of the document's own models, each with where it was found, in text order."""
    text = unemphasised(document.text)
    organizations = organization_acronyms(text)
    found: list[NameEvidence] = []
    found += _title_names(document, config, organizations)
    front = FRONT_MATTER.match(text)
    if front:
        # (a card naming its model, maybe a family, "model_name: X", evaluates one member in its index)
        indexed = [] if re.search(r"(?m)^model_name:", front.group(0)) else MODEL_INDEX_NAME.finditer(front.group(0))
        for m in sorted([*FRONT_MATTER_NAMES.finditer(front.group(0)), *indexed], key=lambda m: m.start()):
            value = m.group(2).strip()
            # a fine-tune's card names its base too ("base_model: mistralai/Mistral-7B-v0.1"): the line the card
            # builds on, weaker evidence than the card's own name
            place = "base_model" if m.group("key") == "base_model" else "front_matter"
            at = m.start(2)
            for name in value.split(" / "):  # "model_name: X Scout / X Maverick" lists two
                found.append(NameEvidence(without_owner(name.strip()), place, at, at + len(name)))
                at += len(name) + 3
    found += [NameEvidence(m.group("name"), "front_matter", m.start("name"), m.end("name"))
              for m in CARD_NAMES.finditer(text) if is_name(m.group("name"), config)
              or m.group("name").lower() in _family_stems(config)]
    heads = headings(text)
    # (a text that marks no heading, a PDF's, may set a model's name alone on a line over its part)
    for h in heads or name_line_headings(text):
        if h.level <= 3:
            # a heading that opens on a name ("## Phi-2: scaling up") heads that model's section
            # ("## Comparison with GPT-3" names the model the document measures against, not its own)
            # ("## Our own models: X and Y" says they are the lab's, in a post about many labs' models)
            if whole := _heading_name(text, h.title_start, h.title_end, config):
                found.append(NameEvidence(whole, "section", h.title_start, h.title_start + len(whole)))
                continue
            if after := _name_after_maker(text, h.title_start, h.title_end, config):
                found.append(NameEvidence(after[1], "section", after[0], after[0] + len(after[1])))
                continue
            found += [NameEvidence(w.group(0), "compared_heading" if COMPARED_IN.search(text, h.title_start, w.start())
                                   or theirs_in_title(text[h.title_start:h.title_end], w.group(0))
                                   else "section" if _opens_heading(text, h.title_start, w.start())
                                   else "introduces" if OUR_HEADING.search(text, h.title_start, w.start())
                                   else "heading",
                                   w.start(), w.end())
                      for w in NAME_WORD.finditer(text, h.title_start, h.title_end) if is_name(w.group(0), config)]
            found += _release_heading(text, h.title_start, h.title_end, config)
    starts: dict[str, list[int]] = {}
    for pattern in INTRODUCES:
        for m in _matches(pattern, text, starts):
            raw = m.group("name")
            if CJK_HYPHENED.match(raw):  # "沧浪-2": the name, where the text spells it in Chinese only
                name = raw if _chinese_only(raw, text, m.end("name")) else ""
            else:
                name = _clean(raw, config, text)
            if name:
                found.append(NameEvidence(name, "introduces", m.start("name"), m.start("name") + len(name)))
    found += _sized_introductions(text, config, starts)
    for m in [*APPOSITION.finditer(text), *APPOSITION_WITH.finditer(text)]:
        name = m.group("name")
        word = name.split()[0].lower()
        if word in FUNCTION_WORDS | RELEASE_WORDS:
            continue  # "Since v1.1, a 7B model is the default", "Release v2, a 9B decoder": no name's word
        # a plain word must be a name the text keeps using inside sentences ("with Chinchilla, ..."), not a word
        # that opens them ("Specifically, a 7B model ...")
        if is_name(name, config) or (len(name) >= 4 and name.lower() not in SENTENCE_WORDS | config.naming.not_names
                                     and len(re.findall(rf"(?<=[a-z,;] ){re.escape(name)}(?![\w-])", text)) >= 2):
            found.append(NameEvidence(name, "apposition", m.start("name"), m.end("name")))
    # a name the text marks as the lab's own, as comparison tables do: "Orrery-VAE (ours)", "| Pike-7B (Ours) |"
    for m in OURS_MARK.finditer(text):
        group = "name" if m.group("name") else "said"
        if is_name(name := m.group(group), config):
            found.append(NameEvidence(name, "introduces", m.start(group), m.end(group)))
    for cue, pattern in EARLIER:
        for m in _near_cues(pattern, cue, text):
            # (a plain word too, written capitalised: "our previous model, Egret,", a name where this cue names it)
            name = _clean(m.group("name"), config, text, times=1) or (
                m.group("name") if CJK_LEAD.match(m.group("name")) or re.fullmatch(CJK_VERSIONED, m.group("name"))
                else "")
            if name:
                found.append(NameEvidence(name, "earlier", m.start("name"), m.start("name") + len(name)))
    found += [NameEvidence(m.group("name"), "earlier", m.start("name"), m.end("name"))
              for m in AN_EARLIER.finditer(text) if _new_name(m.group("name"), config)]
    tables = find_tables(text)
    # (not a row of a table of several labs' models, whose column of developers may name Hugging Face)
    compared = [(t[0][0], t[-1][1][-1].end) for t in tables if t[-1][1] and _compares_labs(t)]
    for m in RELEASE_ROW.finditer(text):
        if any(start <= m.start() < end for start, end in compared):
            continue
        name = m.group("name").strip("*` ")
        if is_name(name, config) and " " not in name:
            found.append(NameEvidence(name, "release", m.start("name"), m.start("name") + len(name)))
    found += [NameEvidence(name, "announced", m.start("name"), m.start("name") + len(name))
              for pattern in ANNOUNCED for m in _matches(pattern, text, starts) if _new_name(m.group("name"), config)
              for name in [_with_tier(m.group("name"), text, m.end("name"), config)]]
    # (a table of several labs' runs is their report's subject where no lab speaks of its own work: a register's)
    reported = not OWN_WORK_SAID.search(QUOTED.sub(" ", text))
    found += _run_table_names(tables, config, _under_own_heading(text, heads, tables), reported)
    found += _model_rows(tables, config)
    # (a list item opening on a name with its size, or on one its text calls a model: "- **X 2.0**: new 6.7B base
    # model", "- X 2.1 — instruction-tuned release")
    found += [NameEvidence(m.group("name"), "item", m.start("name"), m.end("name"))
              for m in LIST_ITEM_NAME.finditer(text) if (SIZE_IN_NAME.search(m.group("name")) or (ITEM_SAYS_MODEL.match(
                  text, m.end()) and not ITEM_OF_A_TOOL.search(text, m.end(), m.end() + 80))) and _new_name(
                  m.group("name"), config)]
    found += _released_versions(document, text)
    found += [NameEvidence(m.group("name"), "trained_own", m.start("name"), m.end("name"))
              for m in TRAINED_OWN.finditer(text) if is_name(m.group("name"), config)]
    found += [NameEvidence(m.group("name"), "ours", m.start("name"), m.end("name"))
              for m in OUR_NAMED.finditer(text) if _new_name(m.group("name"), config)]
    found += [NameEvidence(m.group("name"), "trained_own", m.start("name"), m.end("name"))
              for pattern in (TRAINED_NAMED, RUN_MADE) for m in pattern.finditer(text)
              if _new_name(m.group("name"), config)]
    found += [NameEvidence(m.group("name"), "made_from", m.start("name"), m.end("name"), m.group("base"))
              for m in _matches(MADE_FROM_OPENING, text, starts) if _new_name(m.group("name"), config)]
    found += [NameEvidence(m.group("name"), "trained", m.start("name"), m.end("name"))
              for m in _matches(TRAINED_SUBJECT, text, starts)
              if _new_name(m.group("name"), config)]
    found += [NameEvidence(m.group("name"), "trained", m.start("name"), m.end("name")) for m in _training_runs(text)
              if _new_name(m.group("name"), config)]
    # a name given its size is weak evidence, weaker than the lab's own words ("Kestrel-4 has 70B parameters. Our
    # Heron-2 ..."); a text no lab writes of its own work (but for its quotes) reports each training it tells, and in a
    # lab's text a name told trained by hearsay is another's ("Kestrel-4 reportedly used 30T tokens", "Luma-5 saw 15T
    # tokens, its authors say"), a model all the same, and one said to have trained, plainly, weak evidence as a
    # trained subject is ("DANA REYES: Saltmarsh-3 used 8,192 GPUs" in an interview)
    found += [NameEvidence(m.group("name"), "sized_subject", m.start("name"), m.end("name"))
              for m in [*_matches(SIZE_STATED, text, starts, PARAM_CUE), *_near_param(SIZED_WITH, text)]
              if _new_name(m.group("name"), config)]
    found += [NameEvidence(m.group("name"), "reported" if reported else "others" if _hearsay(m, text) else "trained",
                           m.start("name"), m.end("name"))
              for m in [*_matches(REPORTED_TRAINING, text, starts, REPORTED_CUE),
                        *_matches(REPORTED_NEW, text, starts, REPORTED_CUE), *_owners(COST_OF_OWNER, text)]
              if _new_name(m.group("name"), config)]
    # (a story's "its X model", "the lab's X-3 model": a name its noun calls a model, whose owner the text is about)
    # (not a rival's, set beside the story's: "By comparison, Tidewell has said its X model used ...", "Rival Calder AI
    # said its X model ...")
    found += [NameEvidence(m.group("name"), "reported" if reported else "others", m.start("name"), m.end("name"))
              for m in ITS_NAMED_MODEL.finditer(text) if _new_name(m.group("name"), config)
              and not RIVAL_BEFORE.search(re.split(r"[.!?\n]", text[max(0, m.start() - 160):m.start()])[-1])]
    found += _sized_names(text, config)
    spaced = list(SPACED_SIZED.finditer(text))
    spaced_twice = written_twice(m.group("word") for m in spaced)
    for m in spaced:
        word = m.group("word")
        # (a configured family's names are found by the model matcher, spaced or not; a family's name is written with
        # a size twice or more, which "Wave 3 70B runs" once is not)
        first = word.split()[0]
        if word in spaced_twice and first.lower() not in NUMBERING_WORDS | _family_stems(config) and _plain_name(
                first, text, config):
            found.append(NameEvidence(m.group(0), "sized", m.start(), m.end()))
    found += _versioned_names(text, config) + _tiered_names(text, config)
    found += _repo_names(document, config)
    if not any(e.place in ("title", "front_matter", "introduces", "apposition") for e in found):
        found += _file_names(document, config)
    found = [replace(e, name=decimal_sizes(e.name)) for e in found if e.name.split()[0] not in organizations
             and not _is_lab_name(e, text)]
    # a chip's name ("Gaudi 2 is a viable platform") is no model's
    found = [e for e in found if not config.chip_for(e.name)]
    return sorted(found, key=lambda e: (e.start, e.place))



def _sized_introductions(text: str, config: ExtractConfig, starts: dict[str, list[int]]) -> list[NameEvidence]:
    """Names that carry their sizes, which the lab says it released or trained ("We release X-Coder 9B and X-Math
    9B."), every one of the list; not a known family's size nor one trained as a baseline (a cue near the words)."""
    found = []
    for m in _matches(SIZED_INTRODUCTION, text, starts):
        if BASELINE_CUE.search(text, max(0, m.start() - 60), m.end() + 60):
            continue
        listed, end = [(m.group("name"), m.start("name"))], m.end()
        while item := SIZED_LIST_ITEM.match(text, end):
            listed.append((item.group("name"), item.start("name")))
            end = item.end()
        for raw, at in listed:
            if signature(raw, config.naming).family not in configured_families(config.naming) and (
                    name := _clean(raw, config, text)):
                found.append(NameEvidence(name, "introduces", at, at + len(name)))
    return found

_CUE_CHARS = 300  # how far after a sentence's start a cue of its pattern may stand (a reporter, a name, the words)
# the words a pattern's match must hold
REPORTED_CUE = re.compile(r"train|saw|used|consumed|needed|required")
PARAM_CUE = re.compile(r"param")


def _matches(pattern: re.Pattern, text: str, starts: dict[str, list[int]], cue: re.Pattern | None = None
             ) -> Iterator[re.Match]:
    """`pattern.finditer(text)`. A pattern opening on SENTENCE_START or CJK_SENTENCE_START can match only where a
    sentence starts, and is tried there alone: tried at every character, its name costs more than the rest of
    this module. `starts` keeps the text's starts of each kind, found once. With a `cue` (a word every match holds),
    only the starts that have one soon after them are tried."""
    opening = next((o for o in _BEFORE_START if pattern.pattern.startswith(o)), None)
    if opening is None:
        yield from pattern.finditer(text)
        return
    if opening not in starts:
        starts[opening] = [0, *(m.end() for m in _BEFORE_START[opening].finditer(text))]
    cues = [m.start() for m in cue.finditer(text)] if cue else []
    end = 0  # as finditer: each match after the one before
    for start in starts[opening]:
        if cue and ((i := bisect_left(cues, start)) == len(cues) or cues[i] > start + _CUE_CHARS):
            continue
        if start >= end and (m := pattern.match(text, start)):
            yield m
            end = m.end()


# how far from its cue a pattern of EARLIER can match: a name, a parenthesis and the words between them
_CUE_REACH = 200


# what a changelog's or release notes' heading opens on before the model it is about: a date or a release number
# ("## 2025-03-10: Pintail-3 14B", "### v2.1 — Pintail-2.1", "## [1.1] Pintail-1.1 7B", "## March 3, 2025 - Pintail-3")
HEADING_LEAD = re.compile(rf"(?:{RELEASE_DATE}|\[?(?:{RELEASE_NUMBER})\]?)\s*[:：\-–—|]?\s*")


# a plain word and a version opening a heading, as release notes head each release: "Dory 1.5 (2025-02-03)"
RELEASE_HEADING_NAME = re.compile(r"(?P<word>[A-Z][a-z]{2,})[ \t]+v?\d{1,2}(?:\.\d{1,2})?(?![\w.])")


# a heading all about one model: its name, a word and up to three more (tier words, a size, a version), then its maker
# or date in parentheses, a subtitle after a colon or a dash, or nothing ("Brine-Coder 15B (Estuary Labs)", "Ashgrove
# Vision 9B (Ashgrove)", "Moorhen 3: the quiet release")
HEADING_NAME = re.compile(r"(?P<name>[A-Z][\w.-]*(?:[ \t]+[\w.]+){0,3}?)"
                          r"(?:[ \t]*\([^()\n]{1,40}\)|[ \t]*[:：][^\n]*|[ \t]+[\-–—][ \t]+[^\n]*)?[ \t]*")


def _heading_name(text: str, start: int, end: int, config: ExtractConfig) -> str:
    """The model a heading is all about (`HEADING_NAME`): a word that is a name, or a plain word with a version or a
    size after it, each further word a tier, a size or a version ("Juniper-3 Pro", "Ashgrove Vision 9B"; not "GPT-4
    Technical Report" nor "Stage 2 (long context)"); "" otherwise."""
    m = HEADING_NAME.fullmatch(text, start, end)
    if m is None:
        return ""
    first, *rest = m.group("name").split()
    tiers = {t.lower() for t in config.naming.tiers} | PURPOSE_WORDS
    counts = [bool(re.fullmatch(rf"{NAME_SIZE}|v?\d+(?:\.\d+)*", w)) for w in rest]
    if not all(counted or w.lower() in tiers for w, counted in zip(rest, counts, strict=True)):
        return ""
    plain = first[1:].islower() and first.isalpha() and not _part_word(first, config)
    return m.group("name") if is_name(first, config) or (plain and any(counts)) else ""


def _part_word(word: str, config: ExtractConfig) -> bool:
    """A word that a number follows as a part of a text, a run or a release, or a sentence's word, where a heading
    opens on it and a number ("Section 3", "Stage 2", "Release 2", "The 3"): no family's."""
    return word.lower() in NOT_A_FAMILY | SENTENCE_WORDS | SPACED_NUMBERING_WORDS | RELEASE_WORDS | (
        config.naming.not_names)


# a heading's maker before its model, a dash or a colon between: "1. ASHGROVE AI - CORSAIR-2 ULTRA", "Quillon Labs:
# Tolland-5"
MAKER_THEN = re.compile(r"[ \t]*(?:\d{1,2}\.?[ \t]+)?[A-Z][\w&.'’]*(?:[ \t]+[A-Z][\w&.'’]*){0,3}"
                        r"(?:[ \t]+[-–—|]|:)[ \t]+")


def _name_after_maker(text: str, start: int, end: int, config: ExtractConfig) -> tuple[int, str] | None:
    """Where the model a heading names after its maker starts, and its name (`MAKER_THEN`, then all that is left is
    the model's `_heading_name`); None otherwise."""
    m = MAKER_THEN.match(text, start, end)
    name = _heading_name(text, m.end(), end, config) if m else ""
    return (m.end(), name) if name else None


def _release_heading(text: str, start: int, end: int, config: ExtractConfig) -> list[NameEvidence]:
    """The release a heading opens on, named by a plain word and its version ("Dory 1.5 (released 2025-02-03)"),
    where the text writes that word with another version too: one of the releases of a family whose notes give
    each its section. Not a numbered part of a text ("Section 3", "Stage 2")."""
    m = RELEASE_HEADING_NAME.match(text, start, end)
    if m is None or _part_word(m.group("word"), config):
        return []
    versions = set(re.findall(rf"\b{m.group('word')}[ \t]+(v?\d{{1,2}}(?:\.\d{{1,2}})?)(?![\w.])", text))
    return [NameEvidence(m.group(0), "section", m.start(), m.end())] if len(versions) >= 2 else []


# a heading's label of a release before the model it heads: "## Smaller adapter: X-r16", "### Chat variant — X-Chat"
# (not a base's or a teacher's: "## Base model: Y" heads another lab's model)
KIND_LEAD = re.compile(r"(?!(?:base|teacher|parent|reference|baseline|upstream)\b)(?:[A-Za-z-]+\s+){0,2}?"
                       r"(?:model|variant|version|adapter|sibling|release|checkpoint|member)s?\s*[:：\-–—]\s*", re.I)


def _opens_heading(text: str, title_start: int, at: int) -> bool:
    """Whether a heading's title opens on the name at `at`, or on a date, a release number or a release's label and
    then the name."""
    return at == title_start or bool(HEADING_LEAD.fullmatch(text, title_start, at) or KIND_LEAD.fullmatch(
        text, title_start, at))


def _near_cues(pattern: re.Pattern, cue: re.Pattern, text: str) -> list[re.Match]:
    """The matches of `pattern` within reach of a match of `cue`: a pattern opening on a name tries every
    position it is searched at, so it is searched only around the cues it needs (the windows merged, each
    match once)."""
    windows: list[list[int]] = []
    for c in cue.finditer(text):
        start, end = max(0, c.start() - _CUE_REACH), min(len(text), c.end() + _CUE_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [m for start, end in windows for m in pattern.finditer(text, start, end)]


def _written_as_a_name(word: str, text: str, times: int = 3) -> bool:
    """Whether a capitalised word recurs in the text and is capitalised more often than not, as a name is ("Alpaca")
    and a title's common word ("Scaling Laws", "Efficient Training") is not."""
    # (a version after a hyphen keeps the name: "Minnow-1.5"; a repository's "minnow-7b" is a name too, not a word)
    capitalised = len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w]|-(?!\d))", text))
    lower = len(re.findall(rf"(?<![\w/-]){re.escape(word.lower())}(?![\w-])", text))  # (not a repository's "acme/x-y")
    # a word the text also writes in lower case is a common word unless a sentence's middle capitalises it too: a
    # title and the sentences opening on it capitalise "Upcycling", "with upcycling" does not
    inside = bool(lower) and any(m.group(1).islower() for m in re.finditer(
        rf"(?<![\w-])([A-Za-z]+)[,;)]? {re.escape(word)}(?![\w-])", text))
    return capitalised >= times and capitalised > lower and (inside or not lower)


def organization_acronyms(text: str) -> set[str]:
    """Acronyms the text defines for an organization ("... Academy of Artificial Intelligence (BAAI)"), and those
    it uses beside the organization's full name without defining them: capitals that spell the initials of that
    name's words ("DACO Public Notice" under "Directorate for Advanced Compute Oversight")."""
    head = text[:20000]
    defined = {m.group("acronym") for m in ORG_ACRONYM.finditer(head) if ORG_WORDS.search(m.group("full"))}
    initials = set()
    for m in ORG_NAME.finditer(head):
        # (any run of the words that holds the organization's noun: "The Bureau for X" is spelled "BX")
        words = re.findall(r"\b[A-Z][\w&-]*", m.group(0))
        initials |= {"".join(w[0] for w in words[i:j]) for i in range(len(words)) for j in range(i + 3, len(words) + 1)
                     if ORG_WORDS.search(" ".join(words[i:j]))}
    # (not capitals the text makes a model of: "TALC is a 13B-parameter model built at the Turing Applied Learning
    # Centre", "TALC was pretrained on 3T tokens", "TALC-7B")
    return defined | {w for w in set(ACRONYM.findall(head)) if w in initials and not re.search(
        rf"\b{w}(?:-\d|\s+(?:is|was|were)\s+(?:a|an|our|the|first|pre-?trained|trained|fine-tuned|released)\b)", head)}


# the first column of a table of runs names the models trained: "| Model | Params | Tokens | GPUs | Days |"
# (and two of those words joined: "| Model or run |", "| Model / system |"; "| System |" alone heads machines)
# ("| Output checkpoint |": the model each row's stage made)
MODEL_HEADER = re.compile(r"^\W*(?:(?:(?:output|resulting|final)\s+)?(?:(?:trained\s+)?models?"
                          r"(?:\s+(?:name|id|variant|trained))?|names?|variants?|runs?|"
                          r"checkpoints?)(?:\s*(?:or|/|&)\s*(?:models?|runs?|systems?|names?))?|"
                          r"模型(?:名称)?|名称)\W*$", re.I)
# a list item that opens on a model's name with its size and then says what it is ("- Pintail-2.1 14B: continued
# pre-training on 900B tokens", "* **Wren-41B** — our flagship"): release notes and line-ups list their models so
# (not a step, a stage or a dataset: "- Step 1: ...", "- Cosmopedia v1: ...")
LIST_ITEM_NAME = re.compile(rf"(?m)^[ \t]*(?:[-*+•]|\d+[.)])[ \t]+(?:\*\*|__)?(?P<name>{NAME})(?:\*\*|__)?"
                            r"[ \t]*(?::|：|[—–]|-[ \t])")
SIZE_IN_NAME = re.compile(rf"(?<![\w.]){NAME_SIZE}")
ITEM_SAYS_MODEL = re.compile(r"(?:[^\n.;]|\.(?=\d)){0,60}?\b(?:model|release|checkpoint)\b", re.I)
# ... but not a tool's, an app's or a corpus's item: "a small classifier model", "new release of our app", "new
# pretraining corpus for the next model" (not "our next-generation model", "available in the app, our best model")
ITEM_OF_A_TOOL = re.compile(r"\b(?:classifier|reward|judge|critic|embedding|safety)\s+models?\b|\brelease\s+of\s+"
                            r"(?:our|the|its)\s+(?:app|tool|library|sdk|plugin)\b|^\s*(?:an?\s+|our\s+|the\s+)?"
                            r"(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:corpus|dataset|tokenizer|library|tool|app)\b", re.I)
SIZED_ROW_NAME = re.compile(rf"\S+(?: {NAME_SIZE})?")
RUN_COLUMNS = RUN_FIGURE_KINDS | {"chip_count"}  # params alone is any comparison's


# a document listing a line's releases one after another: "Lintel release notes", "X — Changelog", "蘅芜模型更新日志"
RELEASE_NOTES = re.compile(r"(?i)release\s+notes|change\s*log|version\s+history|what['’]s\s+new"
                           r"|更新日志|版本(?:说明|记录|历史)|发布说明")


def _released_versions(document: Document, text: str) -> list[NameEvidence]:
    """The versions release notes name of the line their title names ("Lintel v1.5", "蘅芜-7B-v1.5" under "蘅芜模型更新
    日志"): each a release of the lab's own, where other documents would cite an earlier version."""
    title = document.title.strip()
    if not RELEASE_NOTES.search(title):
        return []
    lead = re.match(r"[\w.-]*?[A-Za-z\u4e00-\u9fff][\w.-]*?(?=[\s—–:：|]|模型|$)", title)
    stem_ = lead.group(0) if lead else ""
    if len(stem_) < 2 or stem_.lower() in ("release", "changelog", "version"):
        return []
    versions = re.compile(rf"(?<![\w-]){re.escape(stem_)}(?:[- ]v?\d[\w.]*|-[A-Za-z0-9][\w.]*)+(?![\w-])")
    return [NameEvidence(m.group(0), "release", m.start(), m.end()) for m in versions.finditer(text)
            if re.search(r"\d", m.group(0)[len(stem_):])]


def _compares_labs(table) -> bool:
    """A table with a column of developers: several labs' models set side by side."""
    return any(DEVELOPER_HEADER.match(c.text) for c in table[0][1])


def _model_rows(tables: list, config: ExtractConfig) -> list[NameEvidence]:
    """The model a two-column table of labels and values names in its "Model" row ("| Model | Heron-2 72B (dense) |",
    "| Model name | Wren-7B |"): a card's or a run summary's own model, as front matter names it."""
    found = []
    for table in tables:
        for _, cells in table:
            if len(cells) == 2 and MODEL_HEADER.match(cells[0].text) and (
                    m := NAME_WORD.match(cells[1].text.strip("*` "))) and _new_name(name := m.group(0), config):
                at = cells[1].start + cells[1].text.find(name)
                found.append(NameEvidence(name, "release", at, at + len(name)))
    return found


def _under_own_heading(text: str, heads: list, tables: list) -> list[bool]:
    """For each table, whether the heading over it (of `heads`, the text's) says the lab's own ("## Our checkpoints",
    "### We release"), not a comparison ("## Our results against other models")."""
    titles = [(h.start, text[h.title_start:h.title_end]) for h in heads]
    under = []
    for table in tables:
        title = next((t for start, t in reversed(titles) if start < table[0][0]), "")
        under.append(bool(OWN_HEADING.match(title)) and not COMPARED_IN.search(title))
    return under


def _run_table_names(tables: list, config: ExtractConfig, own: list[bool], reported: bool) -> list[NameEvidence]:
    """The names down the model column of a table that gives runs' tokens, chips, time or compute ("Eider-S" over
    "| 410M | 300B | 32 | 2.5 |"), where no known family names them (another lab's model in a comparison is
    one the reference knows). Under a heading that says they are the lab's (`own`), they are its releases, whatever
    their family ("## Our checkpoints" over "| rerun-opt-125M | 300B |" in a repository named for another). A table
    with a column of developers sets several labs' runs side by side: each row names a model, one whose training the
    text reports where no lab speaks of its own work (`reported`: a register's, an analyst's), else one compared."""
    found = []
    for table, own_table in zip(tables, own, strict=True):
        header = table[0][1]
        # (the model column may follow a release's number or date and a developer: "| Version | Model | Tokens |",
        # "| Entry | Developer | Model | FLOP |"; in a table of several labs' runs, a register's, wherever it stands:
        # "| Record | Filed | Status | Model | Developer | ... |")
        labs = _compares_labs(table)
        column = next((i for i, c in enumerate(header if labs else header[:3]) if MODEL_HEADER.match(c.text)), None)
        if column is None or not RUN_COLUMNS & {k[0] for c in header[column + 1:] if (k := header_kind(c.text))}:
            continue
        for label, at in _column_labels(table, column):
            if labs and (is_name(label, config) or PLAIN_VERSIONED.fullmatch(label)):
                # (several labs' runs: a name no rule knows is a model's there all the same)
                found.append(NameEvidence(label, "reported" if reported else "others", at, at + len(label)))
                continue
            name = without_owner(label)  # a repository's owner is no part of the name ("wrenlab/japanese-gpt2")
            # (one word, or one word and its size: "Eider-S", "Pintail-3 14B")
            if not labs and SIZED_ROW_NAME.fullmatch(name) and _new_name(name, config):
                start = at + len(label) - len(name)
                found.append(NameEvidence(name, "release" if own_table else "run_table", start, start + len(name)))
    return found


def _column_labels(table, column: int) -> Iterator[tuple[str, int]]:
    """Each row's label in the column (its emphasis and code marks stripped) and where it starts; empty cells left
    out."""
    for _, cells in table[1:]:
        label = cells[column].text.strip("*` ") if len(cells) > column else ""
        if label:
            yield label, cells[column].start + cells[column].text.find(label)


def _sized_names(text: str, config: ExtractConfig) -> list[NameEvidence]:
    """Names written with a size after a hyphen ("Wren-7B", "MiniCPM4-8B"): a name by its shape or its family, or a
    plain capitalised word written so twice or more ("Heron-7B", "Heron-40B") that is no word for a role or a part
    and has no release tag after its size ("Quokka-7B-v2.1" is another release)."""
    sized = list(SIZED.finditer(text))
    twice = written_twice(m.group(1) for m in sized)
    found = [NameEvidence(m.group(0), "sized", m.start(), m.end()) for m in sized
             if is_name(m.group(1), config) or stem(m.group(1)).lower() in _family_stems(config) or (
                 m.group(1) in twice and _plain_sized_word(m.group(1), config)
                 and not RELEASE_TAG.match(text, m.end()))]
    # (in lower case as a repository writes it, "wren-1.4b", with two sizes or more, one could be a word's; and once
    # at least as what a sentence is about, not what it trains on: "on fineweb-10b first, then on fineweb-100b")
    lower = list(LOWER_SIZED.finditer(text))
    sizes, subject = defaultdict(set), set()
    for m in lower:
        sizes[m.group(1)].add(m.group(2))
        if not DATA_PREPOSITION.search(text, max(0, m.start() - 8), m.start()):
            subject.add(m.group(1))
    return found + [NameEvidence(m.group(0), "sized", m.start(), m.end()) for m in lower if len(sizes[m.group(1)]) >= 2
                    and m.group(1) in subject and _plain_sized_word(m.group(1).title(), config)
                    and stem(m.group(1)).lower() not in _family_stems(config)]


def written_twice(words: Iterable[str]) -> set[str]:
    """The words that occur twice or more among `words`."""
    return {w for w, n in Counter(words).items() if n >= 2}


RELEASED_OR_TRAINED = re.compile(r"\b(?:releas|introduc|announc|launch|unveil|(?:pre-?)?train)\w*", re.I)


def _line_at(text: str, position: int) -> str:
    """The line of the text that holds `position`."""
    start, end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    return text[start:end if end >= 0 else len(text)]


def _versioned_names(text: str, config: ExtractConfig) -> list[NameEvidence]:
    """Names of a family no config lists, written with a version and no size ("Kestrel-3 Pro", "Kestrel 3 Lite"),
    where the text writes the word with a version twice or more, once at least with a tier word: a model a lab names
    by generation and tier is otherwise seen only where a title or a release sentence names it, and a word with a
    number alone is as often a cluster, a dataset or a machine ("Tianhe-2", "Dolma-1.7"). A tier word after it is
    part of the name where it is one ("Pro", "Mini"), not where it opens the sentence's next words ("Kestrel-3
    Since ...")."""
    tiers = {t.lower() for t in config.naming.tiers} | PURPOSE_WORDS
    # (a word and a number apart name a model only with its tier, "Section 3" and "Figure 2" being no versions, and
    # on a line that releases or trains one: "the Pixel 9 Pro" a model runs on is a phone)
    found = [m for m in VERSIONED.finditer(text) if m.group("sep") == "-" or (
        (m.group("tier") or "").lower() in tiers and RELEASED_OR_TRAINED.search(_line_at(text, m.start())))]
    tiered = {m.group("word") for m in found if (m.group("tier") or "").lower() in tiers}
    twice = written_twice(m.group("word") for m in found)
    evidence: list[NameEvidence] = []
    for m in found:
        word = m.group("word")
        if word not in twice or word not in tiered or (
                word.lower() in NOT_A_FAMILY | config.naming.not_names | _family_stems(config)):
            continue
        end = m.end("tier") if (m.group("tier") or "").lower() in tiers else m.end("version")
        name = text[m.start():end]
        if is_name(name, config):
            evidence.append(NameEvidence(name, "sized", m.start(), end))
    return evidence


# a capitalised word and a tier word, no number: "Bramble Large", "Nimbus Small", "Corvid Pro"
TIERED = re.compile(rf"(?<![\w/.\-])(?P<word>[A-Z][a-z{ACCENTED}]{{2,}})[ -](?P<tier>[A-Z][a-z]+)(?![\w-])")


def _tiered_names(text: str, config: ExtractConfig) -> list[NameEvidence]:
    """Names of a family no config lists, written as a word and a tier ("Bramble Large", "Bramble Small"), where
    the text writes the word with two tiers or more, or with a tier and a version ("Bramble 1"): a lab's family
    by its sizes, as a word with one tier alone ("Extra Large") is not."""
    tiers = {t.lower() for t in config.naming.tiers}
    found = [m for m in TIERED.finditer(text) if m.group("tier").lower() in tiers]
    if not found:
        return []
    excluded = NOT_A_FAMILY | NUMBERING_WORDS | _family_stems(config)  # (no "Table 1" or "Stage 2" is a version)
    versioned = {m.group("word") for m in VERSIONED.finditer(text)}
    companions: dict[str, set[str]] = defaultdict(set)
    for m in found:
        companions[m.group("word")].add(m.group("tier").lower())
    return [NameEvidence(m.group(0), "sized", m.start(), m.end()) for m in found
            if (len(companions[word := m.group("word")]) >= 2 or word in versioned)
            and word.lower() not in excluded and _plain_name(word, text, config) and is_name(m.group(0), config)]


def _repo_names(document: Document, config: ExtractConfig) -> list[NameEvidence]:
    """Model repositories that the opening of a README or card links to ("microsoft/GRIN-MoE" -> "GRIN-MoE"):
    its badges and download links name what it releases. A link has no place in the text, so its span is
    (0, 0)."""
    names = [repo.split("/")[-1] for repo in document.metadata.get("repos", ())]
    return [NameEvidence(n, "link", 0, 0) for n in dict.fromkeys(names) if is_name(n, config)]


def _file_names(document: Document, config: ExtractConfig) -> list[NameEvidence]:
    """A known family in the file or repository name ("opt175b_final_update.md"), with the size or one-digit
    version glued to it: the subject of a document whose text never names its own model ("our 175B model")."""
    stem_name = re.split(r"[/\\]", document.source.rstrip("/"))[-1].rsplit(".", 1)[0]
    families = {f.lower(): f for f in config.naming.families}
    out = []
    for piece in re.split(r"[-_.\s]+", stem_name):
        m = re.match(r"([a-z]+)(\d+(?:\.\d+)?[bm]|v?\d)?$", piece.lower())
        # only a family the text never names: where it does, the text's own spelling and evidence decide
        # (as a word of its own: "optimizations" does not name OPT)
        if m and m.group(1) in families and not re.search(rf"(?i)(?<![a-z]){m.group(1)}(?![a-z])", document.text):
            family, tail = families[m.group(1)], m.group(2) or ""
            name = f"{family}-{tail.upper()}" if tail[-1:] in ("b", "m") else f"{family} {tail}".strip()
            out.append(NameEvidence(name, "file", 0, 0))
    return out[:1]


# a model put up as a point of comparison, in a sentence, a title or a heading: "compared with X", "X vs. Y",
# "outperforms X", "to match X"
COMPARING = re.compile(r"(?i)(?:\b(?:than|compar\w*|versus|vs\.?|against|relative to|outperform\w*|surpass\w*|"
                       r"rival\w*|beats?|match(?:es|ing)?)\b|相比|对比|优于|超过(?!\s*[\d约近几])|超越)")
COMPARED_IN = re.compile(COMPARING.pattern + r"[^.;:]*$")  # what a name measured against follows in its heading
JOINED_TITLE = re.compile(r"\s(?:and|&|\+)\s|,\s")
PLAIN_VERSIONED = re.compile(r"[A-Z][a-z]+\s+v?\d{1,2}(?:\.\d+)?")  # "Kestrel 4", "Magpie 2"
STRONG_PLACES = {"title", "co_title", "front_matter", "introduces", "apposition", "release", "announced", "sized",
                 "link", "earlier", "run_table", "trained", "reported", "others", "chinese"}


# "Marlin-MoE-47B-A9B (MM-47B below)", "X (hereafter Y)", "X (Y for short)", "X（以下简称 Y）": a short name a document
# defines for a model of its own, the same model wherever the document writes it
_ALIAS_WORD = r"[A-Za-z\u4e00-\u9fff][\w.\-]*[\w.]"
_ALIAS_BEFORE = (r"(?:hereafter|henceforth|from\s+here\s+on|abbreviated(?:\s+as)?|referred\s+to\s+as|or\s+simply|"
                 r"以下简称|以下称|下称|简称)")
_ALIAS_AFTER = r"(?:below|hereafter|henceforth|for\s+short|in\s+what\s+follows|from\s+here\s+on)"
# ... and the name a model had before its release, its codename: "Tamarind-9B (formerly Project Ember)", "(previously
# known as Ember)" ("(previously Wren-2)" alone may name the model it follows, so "previously" needs its verb)
_NAMED_AS = r"(?:called|known\s+as|named|codenamed)"
_ALIAS_FORMER = rf"(?:formerly(?:\s+{_NAMED_AS})?|(?:previously|originally)\s+{_NAMED_AS})"
ALIAS = re.compile(rf"(?<![\w.\-])(?P<full>{_ALIAS_WORD}(?:\s{NAME_SIZE})?)\s*[(（]\s*"
                   rf"(?:{_ALIAS_BEFORE}[:：,]?\s*[\"“']?(?P<before>{_ALIAS_WORD})[\"”']?"
                   rf"|{_ALIAS_FORMER}\s+[\"“']?(?P<former>(?:[A-Z][\w.\-]*\s+)?[A-Z][\w.\-]*)[\"”']?"
                   rf"|[\"“']?(?P<after>{_ALIAS_WORD})[\"”']?\s+{_ALIAS_AFTER})\s*[)）]")


# "Kestrel-2-70B (K2-70B)": a short form in parentheses, which the text then writes again
SHORT_FORM = re.compile(rf"(?<![\w.\-])(?P<full>{_ALIAS_WORD})\s*[(（]\s*(?P<short>[A-Z][A-Za-z0-9.\-]{{1,11}})"
                        r"\s*[)）]")
CODENAME_WORDS = ("Project ", "Codename ", "Code name ")


# ... and in a sentence: "we refer to Kestrel-2-70B as K2-70B", "下文将玄岩-2-32B 简称为 XY2-32B" (below, X is called Y
# for short)
# (each opening on its words, so that the search runs at C speed: a lookbehind first is tried at every character)
ALIAS_IN_PROSE = (re.compile(rf"[rc](?<=\b[rc])(?:efer\s+to|all)\s+(?P<full>{_ALIAS_WORD})\s+(?:simply\s+)?as\s+"
                             rf"[\"“']?(?P<short>{_ALIAS_WORD})"),
                  re.compile(rf"将\s*(?P<full>{_ALIAS_WORD})\s*简称为\s*[“\"]?(?P<short>{_ALIAS_WORD})"))


def declared_aliases(text: str, config: ExtractConfig) -> dict[str, str]:
    """The short names and former names the text defines for models: alias -> the name it stands for."""
    aliases = {}
    for m in (m for pattern in ALIAS_IN_PROSE for m in pattern.finditer(text)):
        full, alias = m.group("full"), m.group("short").rstrip(".")
        if alias != full and (is_name(full, config) or re.fullmatch(CJK_VERSIONED, full)) and re.search(r"\d", alias):
            aliases[alias] = full  # (a short name with a number, as a model's has: not "call it simply a model")
    for m in ALIAS.finditer(text):
        full, alias = m.group("full"), m.group("before") or m.group("former") or m.group("after")
        if alias != full and is_name(full, config):
            aliases[alias] = full
            # (a codename's word alone names it too: "Ember" of "Project Ember")
            aliases.update({alias[len(w):]: full for w in CODENAME_WORDS if m.group("former") and alias.startswith(w)})
    for m in SHORT_FORM.finditer(text):
        full, short = m.group("full"), m.group("short")
        # (an abbreviation of a model's name, both with a number as models' are, not a technique's ("Token-N-Dim
        # (TND)") nor the name cut short: "DeepSeek-V2 (DeepSeek)" names the line; not a chip's)
        if (short not in aliases and len(short) < len(full) and short[0].lower() == full[0].lower()
                and re.search(r"\d", short) and re.search(r"\d", full) and not full.lower().startswith(short.lower())
                and is_name(full, config) and not config.chip_for(full) and not config.chip_for(short)
                and re.search(rf"(?<![\w.\-]){re.escape(short)}(?![\w.\-]*\))", text)):
            aliases[short] = full
    return aliases | _line_aliases(aliases)


SIZED_END = re.compile(rf"([-_ ])({NAME_SIZE})$")


def _line_aliases(aliases: dict[str, str]) -> dict[str, str]:
    """The short name of a line, where a sized short name stands for the sized model: "S2-70B" for "Spinnaker-2 70B"
    makes "S2-" stand for "Spinnaker-2 " before any size ("S2-8B" is "Spinnaker-2 8B"), a key ending on its
    separator (see `aliased`)."""
    found = {}
    for alias, full in aliases.items():
        short, long = SIZED_END.search(alias), SIZED_END.search(full)
        if short and long and short.group(2) == long.group(2) and short.start() and long.start():
            found[alias[:short.start() + 1]] = full[:long.start() + 1]
    return found


def aliased(name: str, aliases: dict[str, str]) -> str:
    """`name` with a short name defined for a model at its start written out ("MM-47B-Instruct" ->
    "Marlin-MoE-47B-A9B-Instruct"): the short name alone, or with words after it that carry no number (a size or a
    version after it names another model: "Foo-2-7B" beside "Foo-2-72B (Foo-2 below)"); a line's short name with
    any size after it."""
    for alias, full in aliases.items():
        rest = name[len(alias):]
        if name == alias or (name.startswith(alias) and rest[0] in "-_ " and not re.search(r"\d", rest)):
            return full + rest
        if alias[-1] in "-_ " and name.startswith(alias) and re.match(NAME_SIZE, rest):
            return full + rest  # a line's short name before a size: "S2-8B" -> "Spinnaker-2 8B"
    return name


def name_stems(evidence: list[NameEvidence], config: ExtractConfig) -> list[str]:
    """Family stems of the names found in strong places (a heading names tools and sections too, so only a
    heading's name with a digit counts) that the configured families do not already cover, longest first."""
    known = _family_stems(config)
    # a stem of two letters names nothing alone: "UL2" is read whole; a letter and a number ("K2") are a name, and
    # so are two Chinese characters ("星槎-70B")
    stems = {s if _long_enough(s := stem(e.name)) else _glued_version(e.name)
             for e in evidence if e.place in STRONG_PLACES or (any(c.isdigit() for c in e.name)
                                                               and e.place != "compared_heading")}
    stems |= _sibling_section_stems(evidence)
    # a name a title or heading writes in capitals ("FULMAR MODEL FAMILY") is written as a word in the prose
    # ("Fulmar comes in four sizes"); not an acronym's three letters ("MPT")
    stems |= {s.capitalize() for s in stems if s.isalpha() and s.isupper() and len(s) >= 4}
    # (nor a word that numbers a part, "run" of a register's "run AQ-7": every run of the text would be read a model)
    return sorted((s for s in stems if _long_enough(s) and s.lower() not in known
                   and s.lower() not in config.naming.not_names | NOT_A_FAMILY), key=len, reverse=True)


def _long_enough(stem_: str) -> bool:
    return len(stem_) >= 3 or bool(SHORT_NAME.fullmatch(stem_) or CJK_FAMILY.fullmatch(stem_))


def _sibling_section_stems(evidence: list[NameEvidence]) -> set[str]:
    """Stems that open two or more headings with different names: a family's members each given a section
    ("### Wren-S" ... "### Wren-L"), where a single heading's name may be a tool or a topic."""
    names = defaultdict(set)
    for e in evidence:
        if e.place == "section":
            names[stem(e.name)].add(e.name)
    return {s for s, found in names.items() if len(found) >= 2 and len(s) >= 3}


def _glued_version(name: str) -> str:
    """A short name's letters with the digits glued to them ("UL2-20B" -> "UL2"), "" when none are."""
    m = re.match(r"[A-Za-z]{2}\d+(?=$|[-_\s])", name)
    return m.group(0) if m else ""


def _family_stems(config: ExtractConfig) -> frozenset[str]:
    return lowered_families(config.naming)


def _spelled_in_text(names: list[str], title: str, text: str) -> list[str]:
    """The names of a title set in capitals as the text spells them. Every word of such a title is a capitalised
    word ("INKWELL SYSTEMS OPENS UP ITS QUILL MODELS"), so a word the text never capitalises, or writes as a lab's
    name ("Inkwell Systems", "PINECREST INTELLIGENCE"), names no model."""
    body = text[text.find(title) + len(title):] if title in text else text
    spelled = []
    for name in names:
        written = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        found = list(written.finditer(body))
        # (a capital that opens a sentence or a line says nothing: "From March on, we ...")
        capitalised = [m.group(0) for m in found if m.group(0)[:1].isupper()
                       and not re.search(r"(?:^|[.!?:\n])\s*$", body[max(0, m.start() - 3):m.start()])]
        if any(c.isdigit() for c in name):
            spelled.append(found[0].group(0) if found else name)
        elif capitalised and not any(_names_a_lab(m, place) for place, matches in (
                (title, written.finditer(title)), (body, found)) for m in matches):
            spelled.append(capitalised[0])
    return spelled


# a name of a lab's word, a family word and a version, as a press release writes it in full: "Corvid Horizon 2.5"
NAME_WITH_LAB = rf"{WORD}[ \t]+{WORD}[ \t]+v?\d+(?:\.\d+)*(?![\w.])"
# a lab in one or two words, maybe with "Labs" or "AI" after them; what a press release says it did
PRESS_LAB = rf"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:\s+(?i:{ORG_TAIL.pattern}))?"
TICKER = r"\((?:NASDAQ|NYSE|LSE|TSX|HKEX|SSE|SZSE|TYO|KRX|[A-Z]{2,6})\s*:\s*[A-Z0-9.]{1,8}\)"  # "(NASDAQ: HRRW)"
PRESS_VERB = r"(?:announced|introduced|unveiled|launched|released|debuted)"
AVAILABILITY = r"the\s+(?:general\s+|public\s+)?(?:availability|launch|release|debut)\s+of\s+"
ANNOUNCED_NAME = rf"(?P<name>{NAME_WITH_LAB}|{NAME})(?=[\s,.;:!?)])"
# a release announced in the third person: a lab that shipped a model, told by someone else ("Larkspur shipped X about
# three weeks ago", "Tidewater AI released X last week"), or a release said in a sentence of its own ("X is out!", "X
# is here."); a known family's release is another lab's news. Weaker than the lab's own words, and never a second line
# of the document's own: a report may tell another lab's release so too
ANNOUNCED = [re.compile(rf"\b[A-Z][\w-]+(?:\s+(?i:{ORG_TAIL.pattern}))?\s+(?:shipped|released|launched|unveiled|"
                        rf"open-sourced)\s+{ANNOUNCED_NAME}"),
             # ... and as a press release writes it, dated "today", with the lab's "Inc.", or of "the general
             # availability of" a model: "Corvid Labs, Inc. today announced Corvid Horizon 2.5" (a paper's related
             # work says "Pelham Labs introduced Kayak-2, a 70B model" of another lab's)
             # (its ticker after it: "Harrow Robotics, Inc. (NASDAQ: HRRW) today announced ...")
             re.compile(rf"\b{PRESS_LAB}(?:,?\s+(?:Inc|Ltd|LLC|Corp)\.?,?)?(?:\s*{TICKER},?)?"
                        rf"(?:(?<=[.,)])(?:\s+today)?|\s+today)\s+{PRESS_VERB}\s+(?:{AVAILABILITY})?{ANNOUNCED_NAME}"),
             re.compile(rf"\b{PRESS_LAB}\s+{PRESS_VERB}\s+{AVAILABILITY}{ANNOUNCED_NAME}"),
             # ... or in the present, as only its maker says it: "Today, Harrow is introducing X"
             # (not "is launching X inside its robots", "is rolling out X across its fleet": another's model deployed)
             re.compile(rf"\b{PRESS_LAB}\s+(?:is|are)\s+(?:now\s+)?(?:introducing|releasing|unveiling|announcing)\s+"
                        rf"(?:{AVAILABILITY})?{ANNOUNCED_NAME}"),
             re.compile(rf"{SENTENCE_START}(?:The\s+)?(?P<name>{NAME})\s+is\s+(?:now\s+)?(?:out|here|live)\s*[!.]"),
             # ... or a run said finished: "Fjordline said it had finished training X", "has completed pretraining X"
             re.compile(rf"\b(?:had|has|have)\s+(?:now\s+)?(?:finished|completed)\s+(?:pre-?)?training\s+(?:of\s+)?"
                        rf"{ANNOUNCED_NAME}")]


def _with_tier(name: str, text: str, end: int, config: ExtractConfig) -> str:
    """The name and the tier written after its version: "Osprey Nova 2.5 Pro" (a tier is no word of a lab's name, so
    the announcement's pattern stops before it)."""
    tier = re.match(r"[ \t]+(\w+)(?![\w-])(?P<phrase>\s+language\b)?", text[end:end + 30])
    if not tier or (tier.group("phrase") and tier.group(1).lower() in ("large", "small")):
        return name  # ("Osprey 3 Large language model availability": a large language model)
    return f"{name} {tier.group(1)}" if name[-1].isdigit() and tier.group(1) in config.naming.tiers else name


def _is_lab_name(evidence: NameEvidence, text: str) -> bool:
    """The name, with no digit, is a lab's: the word after it in the text makes it one ("How Greyling Research trained
    a 13B model"), or the text writes it so elsewhere and never with a model's version or size ("Halcyon: three years
    of open models" over "Halcyon Labs started ..."; not "Mistral" beside "Mistral AI" and "Mistral 7B"). (Evidence
    with no place in the text, a link's, has nothing after it.)"""
    if not evidence.end or any(c.isdigit() for c in evidence.name):
        return False
    if lab_word_at(text, evidence.end):
        return True
    name = re.escape(evidence.name)
    written = [m.end() for m in re.finditer(rf"(?<![\w-]){name}(?= )", text)]
    return any(lab_word_at(text, end) for end in written) and not re.search(
        rf"(?<![\w-]){name}[- ]?(?:v?\d|[IVX]+\b)", text)


def _names_a_lab(word: re.Match, text: str) -> bool:
    """A word the lab's name holds: before the word that makes it one ("Inkwell Systems"), or that word itself
    after a capitalised one ("Pinecrest Intelligence")."""
    return lab_word_at(text, word.end()) or (
        ORG_TAIL.fullmatch(word.group(0)) is not None and re.search(r"[A-Z][\w-]* $", text[:word.start()]) is not None)


def lab_word_at(text: str, end: int) -> bool:
    """The word after a space at `end` is a capitalised word that makes a lab's name ("Systems", "Research")."""
    after = ORG_TAIL.match(text, end + 1) if text[end:end + 1] == " " else None
    return after is not None and after.group(0)[:1].isupper()


MODEL_TITLE_WORDS = re.compile(r"(?i)\b(?:models?|llms?|release[sd]?|preview|introducing|launch(?:es|ed)?|"
                               r"train(?:ed|ing)?|report|card)\b")
# words that join others and name nothing ("Off the Cluster", a show's name written in a sentence)
FUNCTION_WORDS = {"the", "a", "an", "of", "off", "on", "in", "at", "to", "for", "from", "with", "by", "and", "or",
                  "but", "not", "no", "how", "what", "why", "when", "who", "where", "into", "over", "under", "about",
                  "after", "before", "between", "inside", "our", "your", "its", "their", "this", "that", "these",
                  "those"}
# words a release's number follows that are no model's name: "Since v1.1", "Release v2", "Version 3"
RELEASE_WORDS = {"since", "until", "release", "version", "update", "patch", "build", "changelog"}
CAPITALS_RUN = re.compile(r"\b[A-Z]+(?:\s+[A-Z]+\b)+")  # words set in capitals one after another
SHOUTED_LINE = re.compile(r"(?m)^[^a-z\n]*$")  # a line with no small letter: a heading set in capitals


def _term(word: str, text: str) -> bool:
    """A title's hyphenated compound of plain words that the text writes in lower case more often than capitalised
    ("Few-Shot" over "few-shot prompting", "Long-Context"): a term, not a model's name."""
    if not re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z]+)+", word):
        return False
    lower = len(re.findall(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text))
    return lower > len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


YEAR_AFTER = re.compile(r"\s(?:19|20)\d\d$")
# a word for a publication after its name ("MTDR Registry", "Ledgerline Tracker")
PUBLICATION = (r"(?i:regist(?:ry|er)|notices?|bulletin|newsletter|digest|round-?up|tracker|ledger|index|filings?|"
               r"gazette|monitor|watch|brief(?:ing)?|weekly|monthly|quarterly)\b")
# a clause, no name: a participle opening it or a small word in it ("Beating Kestrel-4 on Math", "Undercutting X")
HEADLINE_CLAUSE = re.compile(r"^[A-Z][a-z]+(?:ing|ed)\b|\s[a-z]")
# a record's or a filing's number: capitals, then a number zero-padded or of four digits or more ("MTDR-0041",
# "REG-2026-014"), no size after it (a model's number is short: "GPT-4", "PaLM-2")
# a place named for many models, a forum's or a hub's ("LocalModels", "OpenLLMs"): no one model
PLURAL_PLACE = re.compile(r"[A-Z][a-z]+(?:Models|LLMs)")
# (and a forum user's handle: a word in lower case, an underscore and digits, "quillpusher_77")
IDENTIFIER = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{1,6})*-(?:0\d{2,}|\d{4,})(?:-\d+)*|[a-z][a-z.]*_\d+")
# a date or a period, no name: "March 2026", "Fiscal 2026", "Q3 2025", "FY2025", "FY25", "FY'25", "H1-25" (a quarter or
# a half needs its separator: "H100" is a chip)
DATED = re.compile(rf"(?i:{MONTH_NAMES}|fiscal|fy|q[1-4]|h[12])\s+(?:19|20)\d\d|(?i:fy|cy)[-'’ ]?(?:19|20)?\d\d|"
                   r"(?i:q[1-4]|h[12])[-'’ ](?:19|20)?\d\d")


def _title_names(document: Document, config: ExtractConfig, organizations: set[str] = frozenset()
                 ) -> list[NameEvidence]:
    # "Model Card for Zephyr 7B β", "Introducing X": the name follows
    title = SUBJECT_OPENER.sub("", document.title.strip())
    body = document.text.replace(document.title, "", 1)
    if headline := HEADLINE_OPENER.match(title):
        title = headline.group("rest").strip()
        if headline.group("described") and HEADLINE_CLAUSE.search(title):
            title = ""  # what follows the comma is a clause ("..., Beating Kestrel-4 on Math"), no name
    if title.isupper() and (written := re.search(rf"(?<!\w){re.escape(title)}(?!\w)", body, re.I)):
        title = written.group(0)  # a title set in capitals, spelled as the text writes it ("SABLE FRONTIER 1.5")
    lead = TITLE_LEAD.match(title).group(1) if title else ""
    if LAB_LEAD.search(lead) and (rest := re.sub(r"^\s*(?:[:：|]|[-–—]\s)\s*", "", title[len(lead):])) and (
            not REPORT_CODE.match(rest)):
        # "Tollgate Systems - Brisa 2", "Pinecrest AI Lab | Marlin report": the lab's name, then the title's own lead
        # (not its report's number: "Quarry Point Labs - QPL-TR-14")
        title, lead = rest, TITLE_LEAD.match(rest).group(1)
    if named := NAMED_AFTER_ITS_NOUN.match(title, len(lead)):
        lead = named.group("name")  # "Open Nordic language model Fjell-30B trained on ...": the name after its noun
    if lead.split(None, 1)[0:1] and lead.split()[0] in organizations:
        lead = lead.split(None, 1)[1] if " " in lead.strip() else ""  # "BAAI Aquila": the lab, then its model
    words = [w.group(0) for w in NAME_WORD.finditer(lead)]
    # (words set in capitals together are no acronyms: "OFF THE RECORD -- Episode 9"; one the text writes again in
    # capitals is a name, and so is one it writes capitalised inside a sentence where the title speaks of a model or
    # its release: "QUILL RESEARCH PREVIEW: AN OPEN MODEL" over "we trained Quill on")
    in_capitals = {w for m in CAPITALS_RUN.finditer(lead) for w in m.group(0).split()}
    about_a_model = bool(MODEL_TITLE_WORDS.search(title))
    # (again in capitals outside a line set wholly in them: a heading in capitals, "WHAT THE FILING SAYS", is no
    # spelling of a name; prose's "to train ORCA TWO, its flagship" is)
    unshouted = SHOUTED_LINE.sub(" ", body) if in_capitals else body
    words = [w for w in words if w not in in_capitals or re.search(rf"\b{re.escape(w)}\b", unshouted) or (
        about_a_model and w.lower() not in FUNCTION_WORDS and re.search(rf"(?<=[a-z,;] ){re.escape(w.title())}\b",
                                                                        body))]
    names = [w for w in words if (is_name(w, config) or w.lower() in _family_stems(config)) and not _term(w, body)
             and not written_as_a_lab(w, body)]
    # "Code Llama report": a capitalised word before a known family makes a name of its own, where the text keeps
    # writing the two words together (a title in capitals, "CODE LLAMA NOTES", as the text spells them)
    names = [joined if (before := _word_before(lead, w)) and (joined := _written_together(before, w, document.text))
             and _word_before_family(joined.split(), config) else w for w in names]
    if names and JOINED_TITLE.search(lead) and not COMPARING.search(lead):
        # "Magpie 2 and Magpie-Coder 2": a plain word with its version, joined to a name, is a name too
        plain = [part.strip() for part in JOINED_TITLE.split(lead) if PLAIN_VERSIONED.fullmatch(part.strip())
                 and part.split()[0].lower() not in config.naming.not_names]
        names = sorted(dict.fromkeys(names + plain), key=lead.find)
    if not names and (glued := GLUED_LOWER.match(lead.strip())):
        names = [glued.group(0)]  # a lower-case name with a digit inside it, and its version: "wav2vec 2.0 ..."
    # "Kestrel 4", and plain words with a model's version or size ("Stable Diffusion v1-4", "Zephyr 7B β",
    # "Fernlight Diffusion 2"); not a year ("Annual Report 2023"), nor plain words the text writes nowhere but in its
    # title (below: "Release Notes 2")
    # ... and a tier after the version: "Halcyon 3 Ultra", "Corbel 2.5 Flash"
    tiers = "|".join(sorted(map(re.escape, config.naming.tiers)))
    versioned = re.fullmatch(rf"(?:{PLAIN_VERSIONED.pattern}|(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+\s+"
                             rf"(?:v\d+(?:[.-]\d+)*|\d+[.-]\d+|\d+(?:\.\d+)?[BMT]|\d{{1,2}})(?:\s+[α-ω])?)(?:\s+(?:{tiers}))?",
                             lead.strip())
    # (a phrase before a colon holding one capitalised word, "Environmental disclosure: ...", "Smaller, longer,
    # cheaper: X against Y", names that word only where the text writes it as a name)
    if not names and (len(words) == 1 or versioned) and (
            lead.strip() == words[0] or versioned or len(lead) < len(title) and _written_as_a_name(
                words[0], document.text, times=2)) and (
            words[0].lower() not in config.naming.not_names):
        # a title that is one plain word ("# Ling"), a word and a version ("Kestrel 4"), or opens on one and a
        # colon ("Skywork: A More Open ...")
        names = [lead.strip()] if versioned else words
        plain = lead.strip().rsplit(None, 1)[0]
        if versioned and len(words) > 1 and document.text.count(plain) <= int(
                plain in document.title and document.title in document.text):
            names = []  # several plain words the text never uses beside its title ("Release Notes v2"): no model
    if not names and len(words) == 2 and lead.strip() == " ".join(words) and words[1].istitle() and (
            words[1].lower() not in config.naming.not_names) and _written_as_a_name(words[1], document.text):
        names = [words[1]]  # "Stanford Alpaca: ...": an affiliation, then the name the text keeps using
    # a name followed by its version ("LLAMA 3.1: Notes on ...") is the name with the version
    # ... where that makes a name ("SESSION 4" is a part of an event)
    names = [m.group(0) if (m := re.search(rf"{re.escape(n)}\s+v?\d+(?:\.\d+)*\b", lead)) else n for n in names]
    # ... and a name followed by a year is an event's ("Workshop on Efficient Vision (WEV 2026)", "NeurIPS 2025"), one
    # with no digit before a word for a publication is the publication's ("MTDR Registry", "Ledgerline Tracker")
    names = [n for n in names if not YEAR_AFTER.search(n) and not (
        not any(c.isdigit() for c in n) and re.search(rf"(?<!\w){re.escape(n)}\s+{PUBLICATION}", lead))]
    names = [n for n in names if not _numbered_part(n)]
    if title.isupper():  # a title set in capitals says nothing of the name's case: the text's spelling does
        names = _spelled_in_text(names, title, document.text)
    if not names and (newer := _newer_generation(title, config)):
        names = [newer]
    if not names and (cjk := CJK_TITLE_NAME.match(title)):
        # "鹭鸶-2-72B（Lusi-2-72B）是…": where the text gives the name in Latin letters too, that spelling
        latin = re.search(rf"{re.escape(cjk.group(0))}[-\w.]*\s*[（(]\s*([A-Za-z][\w.-]*)\s*[）)]",
                          document.text[:5000])
        names = [latin.group(1) if latin else _spelled_in_latin(cjk.group(0), document.text) or cjk.group(0)]
    if not names and (inner := _cjk_name_inside(title, document.text)):
        names = [inner]
    if not names and SHORT_NAME.fullmatch(lead.strip()) and len(lead) < len(title):
        names = [lead.strip()]  # a letter and a number opening a title on a colon: "K2: a fully open 65B model"
    # "T5 and UL2 training notes": names the title joins are each the document's own ("Qwen2.5 vs Llama 3" compares)
    names = list(dict.fromkeys(names))
    joined = len(names) > 1 and bool(JOINED_TITLE.search(lead)) and not COMPARING.search(lead)
    out = []
    for i, name in enumerate(names[:3]):
        at = document.text.find(name, 0, 5000)
        place = "co_title" if i and (joined or _beside_its_generation(title, name)) else "title"
        if theirs_in_title(title, name):
            place = "compared_heading"
        elif made_from_in_title(title, name, names):
            place = "base_model"
        out.append(NameEvidence(name, place, max(at, 0), max(at, 0) + len(name) if at >= 0 else 0))
    if any(e.place == "base_model" for e in out):  # "my fine-tune of X -> Y": Y is what the text is about
        out = [replace(e, place="title") if e.place == "co_title" else e for e in out]
    return out


# what a title says a model was made from: "my fine-tune of X", "a LoRA for X", "built on X", "X -> Y", "X into Y"
TITLE_BASE_BEFORE = re.compile(r"(?:\b(?:fine-?tun(?:e|ing)|finetun(?:e|ing)|lora|q?lora\s+adapter|adapter|merge|"
                               r"quant(?:ization|ized)?)\s+(?:of|for|on)|\b(?:based|built)\s+on|\bon\s+top\s+of)\s+"
                               r"(?:the\s+|my\s+|our\s+)?$", re.I)
TITLE_BASE_AFTER = re.compile(r"\s*(?:->|→|=>|⇒|\binto\b)\s*", re.I)


def made_from_in_title(title: str, name: str, names: list[str]) -> bool:
    """Whether a title names the model as what the document's model was made from (`TITLE_BASE_BEFORE`), or as what
    another name it holds was made from: "X -> Y", "X into Y" (`TITLE_BASE_AFTER`; not "X into production")."""
    at = title.find(name)
    after = TITLE_BASE_AFTER.match(title, at + len(name)) if at >= 0 else None
    return at >= 0 and bool(TITLE_BASE_BEFORE.search(title, 0, at) or after and any(
        title.startswith(other, after.end()) for other in names if other != name))


def written_as_a_lab(word: str, body: str) -> bool:
    """A plain word of a title that the text writes as a lab's name ("what Hanlin and Qiaoyun say" over "Hanlin
    Intelligence says its Hanlin-M2 model ..."): the lab, not a model; not a word with a version ("Kite 2")."""
    return not any(c.isdigit() for c in word) and bool(re.search(
        rf"(?<![\w-]){re.escape(word)}\s+(?:{ORG_TAIL.pattern})", body)) and not re.search(
        rf"(?<![\w-]){re.escape(word)}\s+(?:is|was)\s+(?:a|an|our|the)\s+(?:[\w-]+\s+){{0,3}}?model", body)


def _beside_its_generation(title: str, name: str) -> bool:
    """Whether a title sets the name beside another of its family ("Skiff-1 vs. Skiff-2: what a year taught us",
    "From Fjord-2 to Fjord-3"): the lab's two generations, both its own."""
    at = title.find(name)
    if at < 0:
        return False
    before, after = SIDE_BY_SIDE.search(title, 0, at), SIDE_BY_SIDE_AFTER.match(title, at + len(name))
    # the other name: the last one to three words before ("From Meridian 3 Pro to ..."), or the first ones after
    words_before = before.group(1).split() if before else []
    words_after = after.group(1).split() if after else []
    others = [" ".join(words_before[k:]) for k in range(len(words_before))]
    others += [" ".join(words_after[:k]) for k in range(1, len(words_after) + 1)]
    return any(stem(other).lower() == stem(name).lower() for other in others)


_BESIDE = r"\s+(?:vs\.?|versus|against|and|&|to)\s+"
SIDE_BY_SIDE = re.compile(rf"((?:[\w.-]+\s+){{0,2}}[\w.-]+){_BESIDE}$", re.I)
SIDE_BY_SIDE_AFTER = re.compile(rf"{_BESIDE}([\w.-]+(?:\s+[\w.-]+){{0,2}})", re.I)


FIRST_PERSON = re.compile(r"\b(?:we|us|our)\b", re.I)


def theirs_in_title(title: str, name: str) -> bool:
    """A title in the lab's own voice naming a model inside a phrase, not as what the lab makes, presents or owns
    ("What Helix Prime taught us", "Reading the Vantor-405B report, and what we did differently"): a model the
    document learns from or answers. Not the title's lead, nor a model the lab introduces, builds or calls its own
    ("Introducing X, our ...", "Scaling X: lessons we learned", "Our journey to X", "Why X matters to us")."""
    at = title.find(name)
    if at < 0 or not FIRST_PERSON.search(title):
        return False
    before, after = title[:at], title[at + len(name):]
    if LEARNED_FROM.search(before) or TAUGHT.match(after):
        return True
    own = at == 0 or OURS_BEFORE.search(before) or OWN_ACTION.search(before) or _beside_its_generation(title, name)
    return not own


# what a title in the lab's voice does with a model it learns from: reads it, learns from it, or is taught by it
LEARNED_FROM = re.compile(r"\b(?:reading|read|lessons?\s+from|learn(?:ed|t|ing)?\s+from|notes\s+on)\s+(?:the\s+)?$",
                          re.I)
OURS_BEFORE = re.compile(r"\bour\b|\bwe\s+\S+\s+(?:[\w-]+\s+)?$", re.I)  # "Our journey to X", "How we tuned X"
# what a title does with the lab's own model: introduces, releases, builds, trains, scales it, or asks why or how
OWN_ACTION = re.compile(r"\b(?:introduc\w*|meet|announc\w*|releas\w*|shar\w*|launch\w*|build\w*|(?:pre-?|fine-?)?"
                        r"train\w*|tun\w*|distill\w*|scal\w*|mak\w*|open[- ]sourc\w*|present\w*|unveil\w*|to|why|how|"
                        r"with)\s+(?:the\s+|our\s+)?$", re.I)
TAUGHT = re.compile(r"(?:\s+[A-Z][\w.-]*)?(?:['’]s\s+\w+)?\s+(?:taught|teaches|showed|told)\s+us\b")


# two generations of one family in a title: "Moraine-3 against Moraine-2", "从砚池-2 到砚池-3" (from Yanchi-2 to
# Yanchi-3); a Chinese name's run of characters may open on a word joining the two (从 from, 到 to, 与 and, 对 against)
GENERATION_NAME = re.compile(rf"{NAME_WORD.pattern}|[\u4e00-\u9fff]{{2,6}}-\d[\w.]*")
JOINING_CHARS = "从到与和对比较"


def _newer_generation(title: str, config: ExtractConfig) -> str:
    """The newer of two versions of one family a title sets side by side ("Smaller, longer, cheaper: Moraine-3
    against Moraine-2"): the lab's new model, measured against its own earlier one; "" when the title holds no such
    pair."""
    names = [m.group(0).lstrip(JOINING_CHARS) for m in GENERATION_NAME.finditer(title)]
    found = {}
    for name in names:
        sig = signature(name, config.naming)
        if sig.family and re.fullmatch(r"\d+(?:\.\d+)?", sig.version) and not (sig.size or sig.extra):
            found.setdefault(sig.family, {})[float(sig.version)] = name
    pairs = [versions for versions in found.values() if len(versions) == 2]
    return pairs[0][max(pairs[0])] if len(pairs) == 1 else ""


# a Chinese name inside a title, after other words: "星槎智能发布星槎-70B", "【发布】听澜-9B 开源了", "竹溪系列模型发布"
# (the Zhuxi series); where it starts is unknown, as Chinese leaves no space between words
# (a run before 系列 "series", 技术报告 "technical report", 模型卡 "model card" or 白皮书 "white paper" holds the
# name too, and so does a title that is a name alone: "# 青岚")
CJK_IN_TITLE = re.compile(r"([\u4e00-\u9fff]+)((?:-[A-Za-z0-9][\w.]*)+)"
                          r"|([\u4e00-\u9fff]+?)(?=系列|技术报告|模型卡|白皮书)|^([\u4e00-\u9fff]{2,6})$")


# a Chinese model of a size or a mixture of experts, named anywhere: "澄江-34B", "而九嶷-72B" (the run of characters may
# begin with other words), "鹤鸣-MoE"
CJK_SIZED = re.compile(r"([\u4e00-\u9fff]{2,})-(?:v?\d+(?:\.\d+)?-)?(?:\d+(?:\.\d+)?[BMK]\b|MoE\b)")


def pinyin_spellings(chinese: str) -> set[str]:
    """The ways a Chinese name is spelled in Latin letters, in lower case ("鸿鹄" -> "honghu", "honggu": a character
    may have several readings), for a name of at most four characters."""
    from pypinyin import Style, pinyin  # (its dictionary takes a third of a second to load: only for Chinese text)

    readings = pinyin(chinese[:4], style=Style.NORMAL, heteronym=True)
    return {"".join(combination) for combination in product(*readings)}


def _spelled_in_latin(name: str, text: str) -> str:
    """The Latin spelling the text gives a Chinese name elsewhere: "玉石-MoE" in the title, "Yushi-MoE-A12B" in the
    text (its characters' pinyin, then the same words after them); "" when it gives none."""
    cjk = re.match(r"[\u4e00-\u9fff]+", name)
    if cjk is None:
        return ""
    rest = name[cjk.end():]
    spellings = "|".join(sorted(pinyin_spellings(cjk.group(0)), key=len, reverse=True))
    found = re.search(rf"(?<![A-Za-z])(?i:{spellings}){re.escape(rest)}(?![a-z])", text)
    return found.group(0) if found else ""


def cjk_stems(text: str, title: str) -> list[str]:
    """Stems of the Chinese names of sized models in the text that its title does not name, nor the text beside a
    spelling in Latin letters ("鸿鹄-7B（Honghu-7B）", "Nanbeige-16B（南北阁-16B）": the document's own model): most are
    two characters, and as Chinese leaves no space between words, the two before the hyphen are the safest reading.
    A model the text compares with is then a name of its own, not a sentence about the document's model."""
    stems, paired = set(), set()
    for m in CJK_SIZED.finditer(text):
        stem_ = m.group(1)[-2:]
        stems.add(stem_)
        if _beside_latin(text, m.start(1), m.end()):
            paired.add(stem_)
    # a name the title or the text also spells in Latin letters is the document's own ("Honghu-7B" ... "鸿鹄-7B")
    paired |= {s for s in stems - paired if _spelled_in_latin(s, text)}
    return sorted(s for s in stems - paired if s not in title)


# a Chinese name with a hyphen and the words after it: "云杉-7B", "松柏-M-30B-A3B", "蔚蓝-Coder-33B", "砗磲-MoE",
# "灵犀-医疗-7B" (the run of characters may begin with other words: "稠密基座砗磲-7B", the dense base Chequ-7B; and
# Chinese text goes on after the name with no space: "砗磲-7B在"). The match starts where a run of characters does:
# tried inside a long run with no hyphen, it would read the rest of the run again at each character.
CJK_NAMED = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,})((?:-[\u4e00-\u9fff]{2,})*"
                       r"(?:-[A-Za-z0-9][A-Za-z0-9_.]*)+)")
# a Latin word opening a name, before its version, size or tier: "Yunshan" of "Yunshan-7B", "yunshan-moe", "Hongyan2"
LATIN_NAME_START = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?=[-_]?\d|[-_][A-Za-z])")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]+")


def _stems_of_run(run: str) -> list[str]:
    """The ends of a run of Chinese characters that may be a name's stem, shortest first: two to four characters
    ("稠密基座砗磲" -> 砗磲, 基座砗磲, ...), as Chinese leaves no space between a name and the words before it."""
    return [run[-k:] for k in range(2, min(len(run), 4) + 1)]


def latin_stems(text: str, config: ExtractConfig) -> dict[str, str]:
    """Chinese names' stems that the text also spells in Latin letters, with that spelling ("南北阁-16B" and
    "Nanbeige-16B": 南北阁 -> Nanbeige; "云杉-7B" beside the repository "lab/yunshan-7b": 云杉 -> yunshan). A lab gives
    its own models a Latin spelling (an English name, a repository's). Not a configured family's name ("百川" and
    "Baichuan": a known lab's model, as configured), nor a word a name uses anyway ("迷你" reads "mini")."""
    written: dict[str, str] = {}
    for m in LATIN_NAME_START.finditer(text):  # each Latin spelling, as a name writes it where it is one
        word = m.group(0)
        if word.lower() not in written or not word.islower():
            written[word.lower()] = word
    taken = _family_stems(config) | {t.lower() for t in config.naming.tiers} | PURPOSE_WORDS
    found: dict[str, str] = {}
    tried: set[str] = set()
    for m in CJK_NAMED.finditer(text):
        for stem_ in _stems_of_run(m.group(1)):
            if stem_ in found:
                break
            if stem_ in tried:  # (tried for another run: a longer end of this one may still be spelled)
                continue
            tried.add(stem_)
            spelled = next((written[p] for p in pinyin_spellings(stem_) if p in written and p not in taken), "")
            if spelled:
                found[stem_] = spelled
                break
    return found


def respellings(latin: dict[str, str], text: str, title: str = "") -> dict[str, str]:
    """How to write each model the text names in two scripts (a stem -> the other script's stem): in the one the text
    uses most, so that the tables name a model as its document's reader sees it. The Latin spelling counts where it
    is written as a name, capitalised ("Hongyan-2-14B"), not in a repository's id ("lab/yunshan-7b": an address). A
    tie goes to the spelling of the title, else to the script the document is written in."""
    found: dict[str, str] = {}
    # (a Chinese character against an English word: each about a word's worth of text)
    in_chinese = len(CJK_CHAR.findall(text)) > len(LATIN_WORD.findall(text))
    for cjk, spelled in latin.items():
        as_names = [m for m in LATIN_NAME_START.finditer(text) if m.group(0).lower() == spelled.lower()
                    and not m.group(0).islower() and text[m.start() - 1:m.start()] != "/"]
        latin_ahead = len(as_names) - text.count(cjk + "-")
        if latin_ahead == 0:
            titled_latin = spelled.lower() in title.lower() and cjk not in title
            latin_ahead = 1 if titled_latin else -1 if cjk in title or in_chinese else 1
        if latin_ahead > 0:
            found[cjk] = spelled
        else:
            found[spelled] = cjk
    return found


def respelled(name: str, scripts: dict[str, str]) -> str:
    """`name` written with its stem in the script its document uses most ("Shuimo-14B-Chat" -> "水墨-14B-Chat"), as
    `respellings` chose."""
    for stem_, spelled in scripts.items():
        # (a version may be glued on: "Hongyan2-14B")
        if name.lower().startswith(stem_.lower()) and not name[len(stem_):len(stem_) + 1].isalpha():
            return spelled + name[len(stem_):]
    return name


def own_chinese_names(text: str, title: str, latin: dict[str, str]) -> list[NameEvidence]:
    """Chinese names of the document's own models: those it also spells in Latin letters (`latin`), and those whose
    stem opens its title ("松柏科技开源新一代稀疏模型系列": a lab named after its models), each where the text writes it
    ("松柏-M-30B-A3B"). A model the text only compares with is written in Chinese alone."""
    found: list[NameEvidence] = []
    for m in CJK_NAMED.finditer(text):
        stems = _stems_of_run(m.group(1))
        stem_ = next((s for s in stems if s in latin), "") or next(
            (s for s in reversed(stems) if title.startswith(s)), "")
        if stem_:
            start = m.end(1) - len(stem_)
            found.append(NameEvidence(stem_ + m.group(2), "chinese", start, m.end()))
    return found


def _chinese_only(name: str, text: str, end: int) -> bool:
    """A Chinese name with its version or size ("沧浪-2") that the text spells only in Chinese: not beside a Latin
    spelling ("鸿鹄-7B（Honghu-7B）"), nor in pinyin elsewhere, where the Latin spelling is the model's name."""
    return not _beside_latin(text, end - len(name), end) and not _spelled_in_latin(name, text)


def _beside_latin(text: str, start: int, end: int) -> bool:
    """Whether the Chinese name at text[start:end] is written beside its Latin spelling, in parentheses after it
    ("鸿鹄-7B（Honghu-7B）") or as the parenthesis after one ("Nanbeige-16B（南北阁-16B）")."""
    return bool(LATIN_AFTER.match(text, end) or LATIN_BEFORE.search(text, max(0, start - 60), start))


LATIN_AFTER = re.compile(r"[\w.-]*\s*[（(]\s*[A-Za-z]")  # "鸿鹄-7B（Honghu-7B）"
LATIN_BEFORE = re.compile(r"[A-Za-z][\w.-]*\s*[（(]\s*[\u4e00-\u9fff]*$")  # "Nanbeige-16B（南北阁-16B）"


def _cjk_name_inside(title: str, text: str) -> str:
    """A Chinese name a title holds after other words: the shortest end of its run of characters that the text
    also writes after a break ("，星槎-70B 参数规模"), where the text names sizes or versions of it with a hyphen;
    "" when none."""
    for m in CJK_IN_TITLE.finditer(title):
        run, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3) or m.group(4), "")
        for k in range(2, min(len(run), 6) + 1):
            name = run[-k:] + rest
            if re.search(rf"(?<![\u4e00-\u9fff]){re.escape(name)}", text) and re.search(
                    rf"{re.escape(run[-k:])}-[A-Za-z0-9]", text):
                return name
    return ""


def _clean(name: str, config: ExtractConfig, text: str = "", times: int = 2) -> str:
    """An introduced name without trailing ordinary words: "Qwen2.5 Technical" -> "Qwen2.5". With the `text`, a
    plain word that it writes capitalised `times` times is a name too ("we release Kestrel, our chat model")."""
    words = name.split()
    tiers = {t.lower() for t in config.naming.tiers}
    # (a plain word with a size after it, "we release Brook 12B, our new model", is a name where it is introduced)
    plain = bool(text) and (_plain_name(words[0], text, config, times) or len(words) > 1 and bool(
        re.fullmatch(NAME_SIZE, words[1])) and _plain_sized_word(words[0], config))
    while words[plain:] and not (is_name(words[-1], config) or re.fullmatch(r"v?\d+(?:\.\d+)*[A-Za-z]?", words[-1])
                                 or words[-1].lower() in _family_stems(config) | tiers):
        words.pop()
    if not words or not (plain or is_name(words[0], config) or stem(words[0]).lower() in _family_stems(config)
                         or _word_before_family(words, config)):
        return ""
    return " ".join(words)


# capitalised words a sentence introducing a model may open on that name a kind of model, not one
_KIND_WORDS = {"transformer", "transformers", "decoder", "encoder", "mixture", "dense", "sparse", "base", "chat",
               "instruct", "language", "foundation", "large", "small", "multilingual", "bilingual", "open", "vision"}


# a release's tag after a name's size: "Quokka-7B-v2.1" is a release of its own, not "Quokka-7B" (nor its evidence)
RELEASE_TAG = re.compile(r"[-_ ]v\d", re.I)
def _plain_sized_word(word: str, config: ExtractConfig) -> bool:
    """A plain capitalised word that the text writes with a size after a hyphen twice or more ("Heron-7B",
    "Heron-70B"): a family no config lists, named by its sizes; not a word for a model's kind, role or part
    ("Dense-7B", "Teacher-70B", "Stage-2B")."""
    return (word.isalpha() and word.istitle() and len(word) >= 3
            and word.lower() not in SENTENCE_WORDS | _KIND_WORDS | NOT_A_FAMILY | config.naming.not_names)


def _new_name(name: str, config: ExtractConfig) -> bool:
    """A model's name that no configured family holds: the lab's own model where a rule says it trained or lists it
    (a known family's name there is another lab's model, trained again or cited)."""
    return is_name(name, config) and stem(name).lower() not in _family_stems(config)


# hearsay after the figure: "..., its authors say", ", according to its developers"
HEARSAY_AFTER = re.compile(r"[,;]?\s+(?:(?:its|their)\s+(?:authors|developers|makers|creators|lab)\s+(?:say|said|"
                           r"report|reported|claim|claimed)|according\s+to|reportedly)\b")


def _hearsay(match: re.Match, text: str) -> bool:
    """The match tells a training someone else reports: a reporter before it, "reportedly" in it, or hearsay after it
    in its sentence."""
    groups = match.re.groupindex
    if any(name in groups and match.group(name) for name in ("reporter", "hearsay")):
        return True
    end = text.find(".", match.end())
    return bool(HEARSAY_AFTER.search(text, match.end(), end if end >= 0 else len(text)))


def _near_param(pattern: re.Pattern, text: str) -> list[re.Match]:
    """The pattern's matches ending on "param", tried only before each "param" of the text: a pattern opening on a
    name would be tried at every capital."""
    found = []
    for cue in re.finditer(r"param", text):
        m = next((m for m in pattern.finditer(text, max(0, cue.start() - 120), cue.end()) if m.end() == cue.end()),
                 None)
        if m and (not found or m.start() >= found[-1].end()):
            found.append(m)
    return found


def _training_runs(text: str) -> list[re.Match]:
    """The models named as what a training run trained, in text order: "the training run of X", "X's training run",
    "the X run" (not the base of a continued pre-training)."""
    found = [m for m in TRAINING_RUN_OF.finditer(text)
             if not CONTINUED_BEFORE.search(text, max(0, m.start() - 20), m.start())]
    return sorted(found + list(NAMED_RUN.finditer(text)) + _owners(RUN_OF_OWNER, text), key=lambda m: m.start())


def _owners(pattern: re.Pattern, text: str) -> list[re.Match]:
    """The names right before each of the pattern's matches ("X" of "X's training run")."""
    return [m for m in (OWNER.search(text, max(0, m.start() - 80), m.start()) for m in pattern.finditer(text)) if m]


def _plain_name(word: str, text: str, config: ExtractConfig, times: int = 2) -> bool:
    """A capitalised plain word ("Kestrel") that the text keeps writing capitalised: a name where a sentence
    introduces it, though no digit or inner capital marks it as one."""
    return (word.isalpha() and word.istitle() and len(word) >= 4
            and word.lower() not in SENTENCE_WORDS | _KIND_WORDS | config.naming.not_names
            and _written_as_a_name(word, text, times=times))


def _word_before(text: str, word: str) -> str:
    """The word right before `word`'s first place in `text`, "" when none."""
    m = re.search(rf"([A-Za-z]+) {re.escape(word)}(?![\w-])", text)
    return m.group(1) if m else ""


def _written_together(before: str, word: str, text: str, times: int = 3) -> str:
    """The two words as the text most often writes them together, where it does so `times` times or more, in any
    case; "" where it does not."""
    spellings = Counter(re.findall(rf"\b{re.escape(before)} {re.escape(word)}\b", text, re.I))
    return max(spellings, key=spellings.get, default="") if sum(spellings.values()) >= times else ""


def _word_before_family(words: list[str], config: ExtractConfig) -> bool:
    """A capitalised word before a known family makes a name of its own ("Code Llama", "Falcon Mamba")."""
    return (len(words) >= 2 and words[0].isalpha() and words[0].istitle() and words[0].lower() not in SENTENCE_WORDS
            and stem(words[1]).lower() in _family_stems(config))


SENTENCE_WORDS = {"the", "our", "this", "that", "these", "those", "a", "an", "its", "their", "meta", "new", "open"}
