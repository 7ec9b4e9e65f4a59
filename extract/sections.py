"""Parts of a document: headings, and the parts that hold no facts about its own models (the reference list,
table headers, code)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from floptrail.corpus.markdown import CODE_FENCE
from floptrail.extract.tables import Table

# "References" opening a line, followed by the first entry
REFERENCES_START = re.compile(r"(?m)^\s*(?:#{1,6}\s*)?(?:\d+\.?\s+)?(?:References|Bibliography)\b(?:\s*$|\s+(?=[A-Z]))")
TABLE_ROW = re.compile(r"(?m)^\|")
# the list ends at an appendix: "Appendix A", "Appendices", or a lettered heading such as "A Details on ..."
# (a reference opening with an initial, "A. Vaswani, N. Shazeer", has a comma early on)
APPENDIX_START = re.compile(r"(?m)^(?:Appendi(?:x|ces)\b|[A-H](?:\.\d+)*\.?\s+[A-Z][a-z]+\s(?![^\n]{0,24},))")


# a heading: Markdown "## Title", or a line underlined with "=" (level 1) or "-" (level 2), as Markdown and plain
# text write one; a YAML key ("name: x") above a front matter's closing "---" is not a heading
MD_HEADING = re.compile(r"(?m)^(#{1,6})[ \t]+(.+)$")
# (found from the underline up: a pattern starting at every line's start backtracks through long lines)
UNDERLINE = re.compile(r"(?m)^[ \t]*(=+|-+)[ \t]*$")
NOT_A_TITLE = re.compile(r"[ \t]*[|>*+-]|[\w-]+:(?:\s|$)")  # a table row, quote or list item, or a YAML key
TITLE_END = re.compile(r"\w[^\n]{0,78}$")  # a title's last word ends near its line's end
# a line of rule characters only: a heading's underline or a horizontal rule
RULE_LINE = re.compile(r"^[ \t]*([-=_*~+])\1{2,}[ \t]*$")


@dataclass(frozen=True)
class Heading:
    start: int  # where the heading's line starts
    title_start: int
    title_end: int
    level: int


def headings(text: str) -> list[Heading]:
    """Markdown and underlined headings, in text order; not a shell comment in fenced code ("# install")."""
    found = [Heading(m.start(), m.start(2), m.end(2), len(m.group(1))) for m in MD_HEADING.finditer(text)]
    found += _underlined(text)
    code = code_ranges(text) if "```" in text or "~~~" in text else []
    return sorted((h for h in found if not inside(h.start, code)), key=lambda h: h.start)


# a heading's number at its line's start: "3.1", "B.", "2.1.3"
HEADING_NUMBER = r"(?m)^((?:\d{1,2}|[A-H])(?:\.\d{1,2})*)\.?"
# a numbered paper heading "3.1 Title", "B. Title" (Markdown and underlined headings: `headings`)
PAPER_HEADING = re.compile(rf"{HEADING_NUMBER}\s+(?=[A-Z][a-z])(.{{0,80}})")
# ... and in capitals, as some paper styles and plain-text memos set them: "2 RELATED WORK", "2.1 KOLM-MINI (0.9B)",
# "3 HERON-7B", "2.1.3 DATA, MIXTURE & FILTERING" (a figure only after a hyphen, in parentheses or as the version
# after the words before parentheses, "2. LUMA 5 (Brightwater AI)", not "2 STABLE 30"; and not a unit after a count:
# "1 NVIDIA A100", "64 GPUS", "8 NODES (64 GPUS)" and "12 TB" are a table's cells)
CAPS_WORD = r"(?:[A-Z][A-Z'’&/,:]*(?:-[A-Z0-9.]+)*|&)"
COUNTED_UNIT = r"(?:[GT]PUS?|NODES?|CHIPS?|CORES?|HOSTS?|[KMGTP]B|AM|PM|DAYS?|HOURS?|TOKENS|EPOCHS?)"
CAPS_PAPER_HEADING = re.compile(rf"{HEADING_NUMBER}[ \t]+"
                                rf"((?=[A-Z]{{2}})(?!{COUNTED_UNIT}[ \t]*(?:\(|$))"
                                rf"{CAPS_WORD}(?:[ \t]+{CAPS_WORD}){{0,8}}"
                                # a name's version after its words, before what it is: "2. LUMA 5 (Brightwater AI)"
                                r"(?:[ \t]+\d{1,2}(?:\.\d{1,2})?(?=[ \t]+\())?"
                                r"(?:[ \t]+\([^()\n]{1,20}\))?)[ \t]*$")
# ... and in Chinese: "3.1 星河-14B", "2 预训练数据", "五、对齐训练", "二、起点：稠密基座X-7B" on a line of their own,
# short and without a sentence's punctuation (a wrapped line of prose may open on a number: "40 天，累计消耗 ...")
CJK_PAPER_HEADING = re.compile(r"(?m)^(\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)(?![天时万亿张个周月年小层台块卡倍])"
                               r"([\u4e00-\u9fff][^\n，。；：,;:]{0,24})$")
# (a heading numbered in Chinese numerals may hold a colon, which a numbered list item in the text, "1 阶段一：预训练",
# also does)
CJK_LISTED_HEADING = re.compile(r"(?m)^([一二三四五六七八九十]{1,3}、[ \t]*)([\u4e00-\u9fff][^\n，。；,;]{0,30})$")


def all_headings(text: str) -> list[Heading]:
    """The text's section headings, in text order, one per line: its Markdown and underlined headings; where it has
    none (a paper's text), its numbered ones and its models' names alone on a line (`NAME_LINE`) outside code; where
    it has underlined ones only (a plain-text memo), its numbered ones in capitals too ("2.1 KOLM-MINI (0.9B)" under
    "1. PER-TIER NOTES" over a rule of dashes), and its names alone on a line. A numbered
    line in mixed case beside such headings is a list item ("1. Main phase: 7T tokens" under "## X-40B" or under
    "X-40B" over a rule of dashes is a stage of X-40B's run, not a section closing X-40B's)."""
    found = headings(text)
    if found and any(text.startswith("#", h.start) for h in found):
        return found
    code = code_ranges(text)
    numbered = [h for h in numbered_headings(text, CAPS_NUMBERED if found else NUMBERED) + name_line_headings(text)
                if not inside(h.start, code)]
    merged = {h.start: h for h in found}  # (a line both kinds read, "1. Data" over a rule of dashes, is one heading)
    for h in numbered:
        merged.setdefault(h.start, h)
    return sorted(merged.values(), key=lambda h: h.start)


# a line that is a name alone, as a PDF or a plain text sets an unnumbered heading over each model's part: after a
# sentence's end or a colon and over a line of prose, a word with a digit, a hyphen or an inner capital (and a version
# or a tier after it), its maker in parentheses maybe ("Ironleaf-2 (Caldera Labs)", "Moorhen 3 (Aster AI)"); a table set
# one cell a line has no prose under its names
NAME_LINE = re.compile(r"(?m)(?<=[.!?:]\n)(?=[A-Z][\w.]*(?:\d|-|[a-z][A-Z])|[A-Z][a-z]+[ \t]+v?\d)"
                       r"(?P<name>[A-Z][\w.-]*(?:[ \t]+[\w.]+)?)(?P<maker>[ \t]+\([^()\n]{1,40}\))?[ \t]*\n"
                       r"(?=[A-Z](?:[^\n]*?\s[a-z]){3})")  # (three words in lower case: prose)
NAME_LINE_LEVEL = 2
NAME_LINE_REACH = 400  # how far below a name's line the part names it again
CAPTION_LINE = re.compile(r"[ \t]*(?:Fig(?:ure|\.)|Table|Tab\.)\s*\S+[:.]", re.I)
OWN_OPENING = re.compile(r"(?:Our|We)\b")


def name_line_headings(text: str) -> list[Heading]:
    """Lines that are a model's name alone over a paragraph (`NAME_LINE`): headings in a text that marks none. Such
    lines head parts where the text sets two or more; one alone does where its maker stands beside it or the part
    below names it again. Not a chart's legend under "Figure 3: ...", nor a value after a colon ("released under:\n
    Apache-2.0", "Base model:\nHeron-2 70B"; "the baseline:\nHeron-2 (Skylark AI)\nOur model ..." goes on about the
    text's own model) but a name with its maker beside it ("the following:\nDunlin-4 (Grey Owl AI)")."""
    found, strong = [], []
    for m in NAME_LINE.finditer(text):
        above = text.rfind("\n", 0, m.start() - 1) + 1
        after_colon = text[m.start() - 2] == ":"
        if CAPTION_LINE.match(text, above) or after_colon and not (
                m.group("maker") and not OWN_OPENING.match(text, m.end())):
            continue
        found.append(Heading(m.start(), m.start(), m.end("maker") if m.group("maker") else m.end("name"),
                             NAME_LINE_LEVEL))
        strong.append(bool(m.group("maker")) or m.group("name") in text[m.end():m.end() + NAME_LINE_REACH])
    return found if len(found) >= 2 else [h for h, s in zip(found, strong, strict=True) if s]


# an appendix's heading, its letter and a colon or a full stop before its title: "Appendix A: Mixture ablations",
# "Appendix B. Compute" (not a sentence that cites one: "Appendix A lists ...")
APPENDIX_HEADING = re.compile(r"(?m)^(Appendix(?:[ \t]+[A-H](?:\.\d{1,2})*)?)[ \t]*[:.][ \t]+(?=[A-Z][a-z])(.{0,80})")
NUMBERED = (PAPER_HEADING, CAPS_PAPER_HEADING, CJK_PAPER_HEADING, CJK_LISTED_HEADING, APPENDIX_HEADING)
CAPS_NUMBERED = (CAPS_PAPER_HEADING,)


def numbered_headings(text: str, patterns: tuple[re.Pattern, ...] = NUMBERED) -> list[Heading]:
    """A paper's numbered headings ("3.1 Title", "B. Title", "五、对齐训练"), each of the level its number's depth
    gives ("3.1" is 2), in text order. Kept apart from `headings`: a line of prose or a list item may open on a
    number, so only the readers of a paper's sections take these."""
    found = [Heading(m.start(), m.start(2), m.end(2), m.group(1).rstrip(". \t").count(".") + 1)
             for pattern in patterns for m in pattern.finditer(text)]
    return sorted(found, key=lambda h: h.start)


# a section on using the released model (what it needs to run, serving it, quantizing it, trying it online), not on
# training it
USE_HEADING = re.compile(r"(?i)\b(?:inference|deploy\w*|serving|quantiz\w+|(?:required|minimum|recommended)\s+"
                         r"hardware|(?:hardware|system)\s+requirements?|quick\s*start|usage|how\s+to\s+use|"
                         r"getting\s+started|run(?:ning)?\s+locally|demos?|playground|experience\s+platform|"
                         r"online\s+(?:trial|experience))\b|推理|部署|快速(?:开始|使用|上手)|使用方法|量化|硬件要求|体验")
TRAINING_WORDS = re.compile(r"(?i)train|训练")
RUN_WORDS = re.compile(r"(?i)train|训练|hardware|compute|资源|硬件")
# a section on the run, whose lists are its set-up ("## Training", "## Compute"; a card's "## Hardware" lists what the
# model was tested on as often as what it was trained on)
RUN_SECTION = re.compile(r"(?i)train|训练|\bcompute\b|infrastructure")
# a line that leads a list ("BF16 Inference:", "推理所需显存："), and the list items under it
# the lead is its line, or the line's last sentence ("Kernels need recent GPUs. We tested it on these:")
LIST_LEAD = re.compile(r"(?m)(?:^|(?<=[.!?] ))[^\n|#]{1,80}[:：][ \t]*\n(?:[ \t]*(?:[-*+]|\d+\.)[ \t][^\n]*(?:\n|$))+")


def _names_the_run(text: str, heading: Heading) -> bool:
    title = text[heading.title_start:heading.title_end]
    return bool(RUN_WORDS.search(title)) and not USE_HEADING.search(title)


def use_ranges(text: str, tells_of_use: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Character ranges about using the model rather than training it: the sections under a heading on
    inference, deployment or required hardware (to the next heading of its level or above), and the list under
    a lead that `tells_of_use` reads as one ("BF16 Inference:") where neither its line nor its section's heading
    names training or the run's hardware."""
    found = headings(text)
    ranges = []
    for i, h in enumerate(found):
        title = text[h.title_start:h.title_end]
        if USE_HEADING.search(title) and not TRAINING_WORDS.search(title):
            # to the next heading of its level, or a part of it on training or the hardware ("### 硬件资源", the
            # hardware used, under a quick start)
            end = next((g.start for g in found[i + 1:] if g.level <= h.level or _names_the_run(text, g)), len(text))
            ranges.append((h.start, end))
    for m in LIST_LEAD.finditer(text):
        lead = m.group(0).partition("\n")[0]
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start() + len(lead)]
        heading = next((h for h in reversed(found) if h.start < m.start()), None)
        title = text[heading.title_start:heading.title_end] if heading is not None else ""
        if tells_of_use(lead) and not TRAINING_WORDS.search(line) and not RUN_SECTION.search(title):
            ranges.append((m.start(), m.end()))
    return ranges


# a part on runs made to choose the release's design, not on the release: ablations, scaling-law fits, proxy and pilot
# runs, sweeps ("5 Ablations", "Appendix B: Scaling-law experiments", "## Preliminary runs at small scale"); not a
# card's "Training hyperparameters", the release's own settings
EXPERIMENTS_HEADING = re.compile(r"(?i)\b(?:ablat\w*|scaling[- ]laws?|prox(?:y|ies)|pilot|preliminary|small[- ]scale|"
                                 r"iso-?flops?|"
                                 r"hyper-?parameter\s+(?:search|sweep|tuning)|sweeps?)\b|消融|缩放定律|扩展定律")
# ... and a part on others' work, a heading of those words alone ("2 Related work", "## Background"; not "Model
# background"), which a part on the run inside it ends ("### Training" under "## Background")
OTHERS_HEADING = re.compile(r"(?i)^\W*(?:[\dA-H]+(?:\.\d+)*\.?\s+)?(?:(?:related|prior|previous)\s+work|background)"
                            r"\W*$|^\W*相关工作\W*$")


def other_runs_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the parts on runs other than the release's, each from its heading to the next heading of
    its level or above: "5 Ablations" holds "5.1 Multi-token prediction" too; the heading the text opens on is its
    title."""
    found = all_headings(text)
    ranges = []
    for i, h in enumerate(found):
        title = text[h.title_start:h.title_end]
        others = bool(OTHERS_HEADING.match(title))
        if text[:h.start].strip() and (others or EXPERIMENTS_HEADING.search(title)):
            end = next((g.start for g in found[i + 1:] if g.level <= h.level or others and _names_the_run(text, g)),
                       len(text))
            ranges.append((h.start, end))
    return ranges


def _underlined(text: str) -> list[Heading]:
    found = []
    for rule in UNDERLINE.finditer(text):
        if len(rule.group(1)) < 3 or rule.start() == 0:
            continue
        end = rule.start() - 1
        start = text.rfind("\n", 0, end) + 1
        title = text[start:end]
        if not NOT_A_TITLE.match(title) and TITLE_END.search(title):
            found.append(Heading(start, start, end, 1 if rule.group(1)[0] == "=" else 2))
    return found


def reference_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of reference lists: a paper's to its appendix, a Markdown heading's to the next heading of its
    level or higher ("## References" over the list, then "## Training details")."""
    ranges = []
    for start in REFERENCES_START.finditer(text):
        marks = re.match(r"\s*(#+)", start.group(0))
        ends = re.compile(rf"(?m)^#{{1,{len(marks.group(1))}}}\s") if marks else APPENDIX_START
        # (a table is no reference: a PDF page's tables follow its text, so they may come after a list in a column)
        end = min((m.start() for m in (ends.search(text, start.end()), TABLE_ROW.search(text, start.end())) if m),
                  default=len(text))
        ranges.append((start.start(), end))
    return ranges


def table_header_ranges(tables: list[Table]) -> list[tuple[int, int]]:
    """Character ranges of pipe tables' header rows: "GPU hours on 300B tokens" there names a unit."""
    return [(table[0][1][0].start, table[0][1][-1].end) for table in tables if table[0][1]]


# a machine described in a code block, a line naming its accelerators: "显卡：RTX 3090(24GB) * 2", "GPU: 4 x A100"
# (READMEs set the hardware they trained on this way, beside "CPU: ..." and "内存：128 GB")
HARDWARE_LINE = re.compile(r"(?m)^[ \t*-]*(?:GPUs?|Hardware|Accelerators?|显卡|硬件|加速卡)[ \t]*[:：][^\n]*")
# ... and a summary's line giving the run's time, energy or emissions in words, a key and its figure with its unit
# ("training_time: 9 days", "hardware: 64 x H100", "energy: 38 MWh", "co2_emitted: 4.1 t"); its bare numbers are the
# configuration's (config_blocks)
FIGURE_LINE = re.compile(r"(?mi)^[ \t*-]*[\"']?(?:gpus?|hardware|accelerators?|train(?:ing)?[_ ](?:time|duration)|"
                         r"wall[_ ]?clock(?:[_ ]time)?|duration|energy(?:[_ ]\w+)?|co2\w*|emissions?\w*|carbon\w*)"
                         r"[\"']?[ \t]*[:：=][ \t]*[\"']?(?![^\n]*\b(?:per|each|every)\b)[^\n]*?\d[^\n]*?"
                         r"[A-Za-z\u4e00-\u9fff][^\n]*")


# a fenced block of data, not code: one labelled as comma- or tab-separated values, or whose lines all hold as many
# tabs (two or more)
DATA_FENCE = re.compile(r"[ \t]*(?:```|~~~)[ \t]*(?:csv|tsv)[ \t]*\n"
                        r"|[ \t]*(?:```|~~~)[ \t]*\n(?:[^\t\n]*(?:\t[^\t\n]*){2,}\n){2,}"
                        r"[ \t]*(?:```|~~~)", re.I)


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks: commands, configs and their comments ("# 375M tokens") are not statements; a line of
    one that names the machine's accelerators or the run's time, energy or emissions with a unit is
    (`HARDWARE_LINE`, `FIGURE_LINE`)."""
    ranges = []
    for block in CODE_FENCE.finditer(text):
        if DATA_FENCE.match(block.group(0)):
            continue  # values pasted as data ("```csv"), read as a table
        start = block.start()
        lines = sorted([*HARDWARE_LINE.finditer(text, block.start(), block.end()),
                        *FIGURE_LINE.finditer(text, block.start(), block.end())], key=lambda m: m.start())
        for line in lines:
            if line.start() < start:
                continue  # (a line both patterns name, once)
            ranges.append((start, line.start()))
            start = line.end()
        ranges.append((start, block.end()))
    return ranges


def inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)
