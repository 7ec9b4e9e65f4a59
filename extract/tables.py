"""Facts from tables written as pipe rows (Markdown tables, and HTML/PDF tables rendered as such).

A column's kind comes from its header ("GPU hours", "tCO2eq", "Params", "Tokens"); the model comes from
the row's label cell, or from the column header when the table lists models across the top.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from floptrail.corpus.pdf_tables import TABLE_HINT
from floptrail.extract.numbers import (
    CJK_APPROX,
    CJK_MAGNITUDES,
    FOOTNOTE_MARK,
    FOOTNOTE_SIGNS,
    HOURS_PER,
    SI_FLOP,
    SUPERSCRIPTS,
    parse_quantity,
)

PF_DAYS = r"pf-?days?|petaflops?(?:/s)?[- ]?days?"
# compute in a unit with an SI prefix, or its letter, singular: "Compute (ZFLOP)", "(zettaFLOP)", "EFLOP" (a header's
# plural, "EFLOPS", "ZFLOPS", is as often a speed; and not a ratio's denominator, "Score / ZFLOP", nor "EFLOP/s")
SI_FLOP_UNIT = r"(?<!/)(?<!/ )(?<!per )\b(?:[zy]flop|(?:zetta|yotta)-?flop|eflop|exa-?flop)\b(?!\s*/\s*s)"
CHIP_WORDS = "(?:gpu|tpu|npu|chip|accelerator|显卡|加速卡)"  # a chip named by its kind alone
HEADER_KINDS = [
    ("active_params", re.compile(r"activ\w*\W*param", re.I)),
    # "GPU hours", "H100 hours", "TPUv4 hours", "GPU-days", "A100-days"
    # "训练卡时", "GPU 小时", "GPU 时" (card-hours, GPU hours)
    # ("Total H100-h", "GPU-h", "GPU hrs": hours abbreviated)
    # ("Acc. hours", "Accel-hours": accelerator hours abbreviated, spelled out: "Acc. H" is an accuracy)
    ("chip_hours", re.compile(r"(?:gpu|tpu|npu|chip|device|accelerator|card|\b[a-z]\d{2,3}|tpu\s?v\d)[- ]?"
                              r"(?:hours?|days?|h(?:rs?)?\b)|\bacc(?:el)?\.?[- ]?hours?\b|time\s*\(?gpu|卡时|"
                              r"(?:gpu|npu|卡)\s*小?时", re.I)),
    # "碳排放（吨）" (carbon emissions, tonnes)
    ("emissions_tco2e", re.compile(r"co[2₂]|carbon|emission|碳排放", re.I)),  # ("CO₂ (t)")
    # "耗电（万千瓦时）" (electricity, 10,000 kWh)
    ("energy_kwh", re.compile(r"\b[kmg]wh\b|[千兆]瓦时", re.I)),
    # "计算量（FLOPs）" (amount of compute)
    # ("Est. FLOP", "Estimated FLOPs", "Approx. FLOPs")
    # ("Model FLOPs", "Total model FLOPs": the run's useful compute, as an MFU counts it)
    ("flop", re.compile(r"^\W*(?:(?:est(?:imated)?|approx(?:imate)?)\.?\s*)?(?:(?:pre-?)?train(?:ing)?\s*|total\s*)?"
                        r"(?:model\s*)?flops?\W*$|"
                        r"计算量|[(（]flops?[)）]|compute\s*[(（\[][^)）\]]*\bflops?\b[^)）\]]*[)）\]]|"
                        + PF_DAYS + "|" + SI_FLOP_UNIT, re.I)),
    # "预训练数据" (pretraining data), "训练数据量" (amount of training data)
    # (a terse card's "tok", "tkns")
    ("tokens", re.compile(r"\btokens?\b|^\W*(?:#\s*)?(?:toks?|tkns?)\W*$|"
                          r"^\W*(?:预)?训练(?:数据|语料)(?:量|规模)?\W*$", re.I)),
    # "参数量", "参数规模" (parameter count)
    ("params", re.compile(r"(?<!non-embedding )(?<!embedding )(?:\b|_)param\w*|^\W*sizes?\W*$|model sizes?|"
                          r"^\W*(?:模型|总)?参数(?:量|规模)?\W*$", re.I)),
    # "Training time (hours)", "Wall-clock (days)", "Training days", "训练时长（天）": a run's length, in the unit
    # the header names
    ("duration_hours", re.compile(r"(?<!inference )(?<!generation )(?:time|duration|elapsed|wall[- ]?clock)\s*"
                                  r"[(（]\s*(?:hours?|hrs?|h|days?|d|weeks?)\s*[)）]|训练(?:时长|时间|天数)"
                                  r"|^\W*(?:(?:pre-?)?training|wall[- ]?clock)\s+(?:hours|days|weeks)\W*$"
                                  # a column of days beside a run's other figures: "| Model | GPUs | Days |"
                                  r"|^\W*(?:days|weeks)\W*$"
                                  # no unit: each cell names its own ("| Train time |" over "| 36h |")
                                  # ("Wall-clock on 128 GPUs": the time, on the chips the label names)
                                  r"|^\W*(?:(?:pre-?)?train(?:ing)?\s+(?:time|duration)|"
                                  r"wall(?:[- ]?clock)?(?:\s+time)?|time|"
                                  r"duration)(?:\s+on\s+[\d,]+(?:\s*[×x])?(?:\s+[A-Za-z][\w-]*){1,3})?\W*$", re.I)),
    # "GPUs", "# TPUs", "H100 GPUs", "NVIDIA A100 GPUs", "TPU v4 chips", "Peak GPUs": a count of chips, named or not
    ("chip_count", re.compile(r"^\W*(?:#|number of|num\.? of)?\s*(?:(?:peak|max(?:imum)?|total|training)\s+)?"
                              r"(?:(?:nvidia|amd|google|tpu)\s+)?"
                              r"(?:[a-z]*\s?\d[\w-]*\s+)?(?:gpus|tpus|npus|chips|accelerators|accels|devices|cards)"
                              r"(?:\s*[(（][\w\s.-]{1,24}[)）])?\W*$"  # "GPUs (A100)" ("Accels": abbreviated)
                              # a chip's name in the plural: "H100s", "A100s"
                              r"|^\W*(?:#\s*)?[a-z]{1,2}\d{2,3}[a-z]?s\W*$"
                              # "GPU count", "Accelerator count", "Chip count"
                              r"|^\W*(?:[a-z]*\s?\d[\w-]*\s+)?(?:gpu|tpu|npu|chip|accelerator|device|card)\s+count\W*$"
                              # "训练卡数" (the number of cards trained on), "数量（张）" (a count, in cards)
                              # ... and with the chip's Chinese name: "昇腾 910B 卡数" (Ascend 910B cards), "芯片数量"
                              r"|^\W*(?:训练)?(?:(?:昇腾|英伟达|海光|寒武纪)\s*)?(?:[a-z]*\d[\w-]*\s*)?"
                              r"(?:卡|gpu|显卡|加速卡|芯片|npu)\s*(?:数|数量|个数)\W*$"
                              r"|^\W*(?:数量|卡数)\s*[(（]\s*[张块]\s*[)）]\W*$"
                              # "Hardware", "Training hardware", "训练硬件", "GPU" over "256 × H800": the count the
                              # chip is written with (a cell that names only the chip holds no count)
                              r"|^\W*(?:training\s+)?hardware\W*$|^\W*(?:训练)?硬件\W*$"
                              rf"|^\W*{CHIP_WORDS}\W*$",
                              re.I)),
    # "Cost", "Training cost", "Approx. cost", "Compute cost (USD)"; not a price ("Cost ($/hour)", "Cost per 1M tokens")
    ("cost_usd", re.compile(r"^\W*(?:(?:training|total|compute|estimated|est\.|approx(?:imate)?\.?)\s*)*cost\b"
                            r"(?![^|]*(?:/|\bper\b))", re.I)),
]
RATE_OF_ENERGY = re.compile(r"intensity|/\s*[kmg]?wh\b|per\s+[kmg]?wh\b|^\W*pue\W*$", re.I)
NOT_KINDS = re.compile(r"non-?emb|embedding|expert|\bhead\b|per\s|/\s*token|tokens?\s*/|throughput|speed|batch|context|"
                       r"seq|lr|learning|vocab|warm-?up|cool-?down|decay", re.I)
ACTIVE_HEADER = HEADER_KINDS[0][1]
LOST_HEADER = re.compile(r"\b(?:lost|wasted|idle|downtime|down\s+time)\b", re.I)
TOTAL_WORD = re.compile(r"\btotal\b", re.I)
PER_TOKEN = re.compile(r"\s*(?:per|/|for\s+each|each)\s*token\b", re.I)
HEADER_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "trillion": 1e12}
# the scale a header writes its figures in: "(B)", "(in M)", "(billions)", "in thousands", and with the currency
# written beside it: "($M)", "(M$)", "(US$ millions)", "(USD M)"
_SCALE_WORD = r"thousands?|millions?|billions?|trillions?|[kmbt]"
_CURRENCY = r"(?:US\s?\$|USD|\$)"
SCALE_IN_HEADER = re.compile(rf"[(（]\s*(?:in\s+)?(?:{_CURRENCY}\s*)?({_SCALE_WORD})\s*(?:{_CURRENCY})?\s*[)）]"
                             rf"|\bin\s+({_SCALE_WORD})\b", re.I)
PF_DAY = 1e15 * 86400  # a petaflop/s-day in FLOP
CHIP_DAYS = re.compile(r"[- ]days?\b", re.I)  # "GPU-days": a chip-hours column in days
KG_HEADER = re.compile(r"\bkg(?:\b|(?=co2))", re.I)  # "(kg)", "(KgCO2eq)"
# thousands or millions of tonnes: "(ktCO2e)", "(kt CO2e)", "CO2 (kt)", "(MtCO2eq)"
KILOTONNE_HEADER = re.compile(r"\b([kM])t\s*(?:co2|co₂|\)|$)", re.I)
RATE_HEADER = re.compile(r"\b(?:on|per|for|each)\s+(\S+)\s+tokens\b", re.I)  # "GPU hours taken on 300B tokens"
# "1B (1.23B)", "11B (10.6)": a nominal size and the exact count (its unit that of the nominal when unwritten)
NOMINAL_AND_EXACT = re.compile(r"(\d+(?:\.\d+)?([BMT]))\s*\((\d+(?:\.\d+)?)([BMT])?\)")
# "17B (Activated) 109B (Total)": several counts in one cell, each with what it counts
LABELLED_COUNTS = re.compile(r"(\d+(?:\.\d+)?\s*[BMT])\s*\(\s*(activ\w*|total)\s*\)", re.I)
TOTAL_OVER_ACTIVE = re.compile(r"\**(\d+(?:\.\d+)?\s*[BMT])\s*/\s*(\d+(?:\.\d+)?\s*[BMT])\**")
# a row labelled with a Hub repository ("kakaobrain/kogpt", "EleutherAI/polyglot-ko-1.3b"), a footnote mark after it
REPO_LABEL = re.compile(r"(?P<org>[A-Za-z0-9][\w.-]*)/(?P<name>[A-Za-z0-9][\w.-]*)\W*")
# a row that totals the ones above it
TOTAL_LABEL = re.compile(r"^\W*(?:totals?|sum|overall|all|合计|总计|总和)\b", re.I)
# ... and one that totals a table's models, which may name what they make up ("Suite total"; a data mixture's "Web
# total" is a part of its data)
MODELS_TOTAL_LABEL = re.compile(rf"{TOTAL_LABEL.pattern}|^\W*\w+\s+total\W*$", re.I)
# a first column of sources of data, whose rows may name the models that made them ("| Foo-70B synthetic | 200 |")
DATA_HEADER = re.compile(r"^\W*(?:data\s+)?(?:sources?|datasets?|data|corpus|corpora|domains?|components?|mixture)\W*$",
                         re.I)
# a column of shares (headed "Proportion", "Sampling ratio", or of percentages): the table is a data mixture
SHARE_HEADER = re.compile(r"\bproportions?\b|\bpercentage\b|\bsampling\b|\bshare\b|\bmixture\b|\bweight\b|占比|比例",
                          re.I)
# a first column of data sources ("| Dataset | Tokens (B) |", "| Source |", "| 数据来源 |"), or of the languages the
# data holds ("| Language | Tokens seen |"): the table is a data mixture
SOURCE_HEADER = re.compile(r"^\W*(?:data\s*sets?|data\s+sources?|sources?|subsets?|components?|domains?|corpora|corpus|"
                           r"数据集|数据来源|来源|语料)\W*$", re.I)
LANGUAGE_HEADER = re.compile(r"^\W*(?:languages?|语言|语种)\W*$", re.I)  # (unless other columns name or size models)
# a cell that is a size alone ("70B", "1.5B", "111M")
SIZE_CELL = re.compile(r"\d+(?:\.\d+)?[BM]")
# a cell listing several sizes ("7B, 13B, 34B", "8B and 70B"): the members a row of a family stands for ("671B / 37B"
# is a mixture's total over its active count)
SIZE_LIST = re.compile(rf"{SIZE_CELL.pattern}(?:\s*(?:,\s*(?:and|&)?|、|and|&)\s*{SIZE_CELL.pattern})+")
# a size as a row or column label: "7B", and a mixture of experts' total with its active size, "1B-A400M"
SIZE_LABEL = re.compile(r"((?:\d+x)?\d+(?:\.\d+)?[BMTbm])(?:[-_]A\d+(?:\.\d+)?[BMbm]|[-_ ]\d+[kK])?")
# a column of the step each row stands at ("Number of Steps" is a run's length, not a point in it)
# a row labelled by a chip ("Nvidia A100 40GB GPU", "TPU v4 chips") under models across the top; not what each has
# ("Memory per GPU", "GPU type", "GPU hours")
CHIP_ROW = re.compile(r"(?i)\b(?:gpus?|tpus?|npus?|accelerators?|chips)\W*$")
NOT_CHIP_ROW = re.compile(r"(?i)memory|hours?|days?|type|wall[- ]?clock|time|duration")
# a column naming the model each row's was made from ("Base", "Starts from", "Initialized from", "基座模型")
BASE_HEADER = re.compile(r"^\W*(?:base(?:\s+model)?|starts?\s+from|initiali[sz]ed\s+from|(?:fine-?)?tuned\s+from|"
                         r"backbone|基座(?:模型)?)\W*$", re.I)
CHECKPOINT_HEADER = re.compile(r"^\W*(?:training\s+)?steps?\W*$", re.I)
STAGE_HEADER = re.compile(r"\W*(?:stages?|phases?)\W*$", re.I)
MODELS_DOWN = re.compile(r"\W*(?:models?|runs?)\W*$", re.I)  # a first column of models: rows of runs, each another
# a row naming an intermediate checkpoint ("TinyLlama-1.1B-intermediate-step-480k-1T"): progress, not the run
CHECKPOINT_ROW = re.compile(r"intermediate|\bstep[-_ ]?\d|\biter(?:ation)?[-_ ]?\d|\bckpt\b", re.I)
# a row of the experiments on the way, not of a released model: "| Data-mixture ablations (30 runs) | 7B | ..."
EXPERIMENT_ROW = re.compile(r"\bablations?\b|\bsweeps?\b|\bproxy\b|\bpilot\b|\bexploratory\b|"
                            r"\bsmoke(?:[- ]?tests?)?\b|\bdry[- ]?runs?\b|\bdebug(?:ging|\s+runs?)\b",
                            re.I)  # ("| smoke | 8 | 2h |", "| Debug runs | 16 |")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TableValue:
    """One number in a table, with what its row and column say about it."""

    kind: str
    value: float
    cell: Cell
    row_start: int
    row_end: int
    row_label: Cell | None  # the label cell of the row (a model name, a size, "Total")
    column_cells: tuple[Cell, ...]  # in tables listing models across the top: the cells above, nearest first
    qualifier: str
    nominal_size: str = ""  # the size the row's model is named by: "1B" in "1B (1.23B)", the row's params cell
    low: float | None = None  # a range's ends ("18.6B∼31.3B")
    high: float | None = None
    across: bool = False  # the table lists models across the top, so column_cells name this value's model
    unit: str = ""  # for benchmark scores, the benchmark's name
    column_header: str = ""  # the column's cell in a header row of names (not a row of figures), "" when none
    table_sizes: tuple[str, ...] = ()  # a size label's value: every size the table's rows are labelled with
    base_cell: Cell | None = None  # the row's cell under a "Base" column: the model the row's model was made from


# (not a power of ten written in superscripts: "6.2×10²²")
CELL_FOOTNOTE = re.compile(rf"(?<![×x*·]10)(?<![×x*·] 10)(?<![{FOOTNOTE_SIGNS}])\s*{FOOTNOTE_MARK}$")


def split_row(line: str, offset: int, sep: str = "|") -> list[Cell]:
    """A pipe row's cells (or a comma-separated line's, `sep` ","), each without the footnote mark it ends with
    ("Pretraining tokens¹", "~20 days[^1]")."""
    cells, pos = [], 0
    parts = line.split(sep)
    for i, part in enumerate(parts):
        if (i == 0 or i == len(parts) - 1) and not part.strip():
            pos += len(part) + 1
            continue
        lead = len(part) - len(part.lstrip())
        text = CELL_FOOTNOTE.sub("", part.strip())
        cells.append(Cell(text, offset + pos + lead, offset + pos + lead + len(text)))
        pos += len(part) + 1
    return cells


Row = tuple[int, list[Cell]]  # a pipe row: where its line starts, and its cells
Table = list[Row]  # header first


def is_separator(line: str) -> bool:
    """A table's rule under its header: dashes, colons and pipes only ("|---|:-:|", "| - | - |"), or a plain-text
    table's rule with "+" where columns cross ("------+------")."""
    return "-" in line and bool(re.fullmatch(r"[\s|:+\-]+", line)) and bool(re.search(r"-{3,}|\|\s*:?-", line))


def find_tables(text: str) -> list[Table]:
    """Runs of pipe rows, tables of plain text aligned in columns and comma-separated values pasted into the text:
    each table is a list of (line start offset, cells), header first."""
    return _pipe_tables(text) + _aligned_tables(text) + _comma_tables(text) + _field_tables(text)


# a form's field on a line of its own, its unit in brackets after its label: "7. Total training compute (FLOP): 5.4 x
# 10^25", "Training duration (days): 61" (a label of a few words, its value a short figure; the prose rules read a
# label that names its unit with the figure, "Training tokens: 22T", and a list item's under its lead)
_FIELD_NUMBER = r"^[ \t]*(?:\(?\d{1,2}[.)][ \t]+|[a-z][.)][ \t]+)?"  # a form's numbering: "7. ", "(3) ", "b) "
_FIELD_VALUE = r"[ \t]*[:：=][ \t]*(?P<value>[^\s|][^|\n]{0,38}?)[ \t]*$"  # a short value after its colon
FIELD_LINE = re.compile(rf"{_FIELD_NUMBER}(?P<label>[A-Za-z\u4e00-\u9fff][^:：=|\n]{{2,60}}?[(\[（][^)\]）\n]{{1,20}}"
                        rf"[)\]）]){_FIELD_VALUE}", re.M)


# a field of no run of the form's model: a threshold, a plan, a limit, or another model's figure named in the label
# ("Notification threshold (FLOP)", "Planned duration (days)", "Corvid-3 training compute (FLOP)")
NOT_A_RUNS_FIELD = re.compile(r"\b(?:thresholds?|limits?|caps?|planned|plans?|targets?|projected|expected|maximum|"
                              r"minimum)\b|\b[A-Z][\w.]*-\d", re.I)


# ... and a form's line naming the entry's model: "Model: X", "3. Model name: X"
MODEL_FIELD_LINE = re.compile(rf"{_FIELD_NUMBER}(?P<label>[Mm]odel(?:[ \t]+name)?){_FIELD_VALUE}", re.M)


# ... and any other field line, which the run of a form's fields goes on past
OTHER_FIELD_LINE = re.compile(rf"{_FIELD_NUMBER}(?P<label>[A-Za-z][^:：=\n|]{{1,40}}?)[ \t]*[:：=][ \t]*"
                              r"(?P<value>\S[^\n|]{0,60}?)[ \t]*$", re.M)


def _field_tables(text: str) -> list[Table]:
    """Runs of field lines whose labels name a kind of figure (`header_kind`), as a table of labels and their values
    under a "| Property | Value |" header (with the entry's "Model: X" line among them, where the form gives one)."""
    tables, current, last_end = [], [], -1
    found = [*FIELD_LINE.finditer(text), *MODEL_FIELD_LINE.finditer(text), *OTHER_FIELD_LINE.finditer(text)]
    for m in sorted({m.start(): m for m in reversed(found)}.values(), key=lambda m: m.start()):
        if m.start() != last_end + 1:  # (the next line, or a run of its own)
            tables.append(current)
            current = []
        label, value = m.group("label").strip(), m.group("value").strip()
        if m.re is OTHER_FIELD_LINE or NOT_A_RUNS_FIELD.search(label):
            last_end = m.end()  # (a field of its own goes on with the form: "Developer: Alder Systems")
            continue
        at = m.start("value") + m.group("value").find(value)
        current.append((m.start(), [Cell(label, m.start("label"), m.start("label") + len(label)),
                                    Cell(value, at, at + len(value))]))
        last_end = m.end()
    tables.append(current)
    return [[_property_header(rows[0][0]), *rows] for rows in tables
            if rows and any(header_kind(cells[0].text) for _, cells in rows)]


# a line of comma-separated values: three cells or more, no space after a comma (prose puts one there)
CSV_LINE = re.compile(r"[^,|\s][^,|\n]*(?:,[^,|\s\n][^,|\n]*){2,}")


def _comma_tables(text: str) -> list[Table]:
    """Comma-separated values pasted into a text (a card's ```csv block): three lines or more of as many cells each,
    under a header naming a kind of figure."""
    tables, current, offset = [], [], 0
    for line in [*text.split("\n"), ""]:
        cells = split_row(line, offset, ",") if CSV_LINE.fullmatch(line.strip()) else []
        if current and len(cells) != len(current[0][1]):
            if len(current) >= 3 and any(header_kind(c.text) for c in current[0][1][1:]) and not _has_figure(
                    current[0][1]):
                tables.append(current)
            current = []
        if cells:
            current.append((offset, cells))
        offset += len(line) + 1
    return tables



def _pipe_tables(text: str) -> list[Table]:
    tables, current, offset = [], [], 0
    for line in text.split("\n"):
        if line.count("|") >= 2 and not is_separator(line):
            current.append((offset, split_row(line, offset)))
        elif not is_separator(line) or not current:
            if len(current) >= 2:
                tables.append(current)
            current = []
        offset += len(line) + 1
    if len(current) >= 2:
        tables.append(current)
    return [_headed(table) for table in tables]


# a plain-text table's cell: words apart by one space; cells stand two spaces or a tab apart
ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
# where one such cell ends and the next begins (or a line's indent: a search that opens on the spaces is the quick one)
CELL_GAP = re.compile(r"(?:  |\t)[ \t]*(?=\S)")


def _aligned_tables(text: str) -> list[Table]:
    """Tables set in columns of plain text, as a README or a text file sets them:

        name            layers  params   tokens
        --------------  ------  -------  ------
        bracken-small        6     29M     0.5T

    a header naming a kind of figure over rows of figures, each row's cells put under the column they stand
    under (a number is set to the right of its column, a label to the left)."""
    gaps = [m.start() for m in CELL_GAP.finditer(text)]  # (one search over the text, not one per line)
    if len(gaps) < 2:
        return []
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    starts = [start for start, _ in lines]
    gapped = Counter(bisect.bisect_right(starts, at) - 1 for at in gaps)
    tables, after = [], 0
    for i in sorted(i for i, n in gapped.items() if n >= 2):  # a header of three cells (or two and an indent)
        if i < after:
            continue  # a row of the table found above
        table, end = _aligned_table(lines, i)
        if table:
            tables.append(table)
            after = end
    return tables


def _aligned_table(lines: list[tuple[int, str]], i: int) -> tuple[Table, int]:
    """The aligned table whose header is line `i`, and the line after it; ([], i + 1) where none starts there."""
    offset, line = lines[i]
    if "|" in line:
        return [], i + 1
    header = _aligned_cells(line, offset)
    if len(header) < 3 or not any(header_kind(c.text) for c in header[1:]) or _has_figure(header):
        return [], i + 1
    j = i + 1 + (i + 1 < len(lines) and is_separator(lines[i + 1][1]))
    rows: Table = []
    tabbed = "\t" in line
    # (a line of prose under the table, its sentences two spaces apart, is none of its rows: a cell is a few words)
    while j < len(lines) and "|" not in lines[j][1] and len(cells := _aligned_cells(lines[j][1], lines[j][0])) >= 2 \
            and all(c.text.count(" ") < MOST_WORDS_IN_A_CELL for c in cells):
        placed = _by_index(cells, len(header)) if tabbed else _under_columns(cells, lines[j][0], header, offset)
        rows.append((lines[j][0], placed))
        j += 1
    if not any(_has_figure(cells[1:]) for _, cells in rows):
        return [], i + 1
    return [(offset, header), *rows], j


def _aligned_cells(line: str, offset: int) -> list[Cell]:
    return [Cell(m.group(), offset + m.start(), offset + m.end()) for m in ALIGNED_CELL.finditer(line)]


MOST_WORDS_IN_A_CELL = 5


def _by_index(cells: list[Cell], width: int) -> list[Cell]:
    """A tab-separated row's cells, one per column in order (a tab's width is the reader's: positions say nothing)."""
    cells = cells[:width]
    return cells + [Cell("", cells[-1].end, cells[-1].end)] * (width - len(cells))


def _under_columns(cells: list[Cell], row_start: int, header: list[Cell], header_start: int) -> list[Cell]:
    """A row's cells, one per header column: each cell under the column its text overlaps most, or stands nearest
    to; an empty cell where a column has none."""
    columns = [(c.start - header_start, c.end - header_start) for c in header]
    placed: list[Cell | None] = [None] * len(header)
    for cell in cells:
        a, b = cell.start - row_start, cell.end - row_start
        # (the overlap of the two spans counts negative, the gap between them positive: the least is the column the
        # cell stands under)
        nearest = min(range(len(columns)), key=lambda k: max(a, columns[k][0]) - min(b, columns[k][1]))
        if placed[nearest] is None:
            placed[nearest] = cell
    return [c if c is not None else Cell("", cells[-1].end, cells[-1].end) for c in placed]


def _headed(table: Table) -> Table:
    """A table of labels and their values set with no header ("| Parameters | 2.9B |" first, as a paper's appendix
    sets one model's training details) or with an empty one ("| | |", as a card sets one): its first row is a
    figure's, so it gets a "| Property | Value |" header above it, which spans no text."""
    offset, first = table[0]
    header = _property_header(offset)
    if len(first) == 2 and not any(c.text for c in first) and len(table) > 1:
        return [header, *table[1:]]
    if not all(len(cells) == 2 and cells[0].text for _, cells in table) or header_kind(first[0].text) is None or (
            not _has_figure(first[1:])):
        return table
    return [header, *table]


def _property_header(offset: int) -> Row:
    """A "| Property | Value |" header over a table of labels and their values, spanning no text."""
    return offset, [Cell("Property", offset, offset), Cell("Value", offset, offset)]


def header_kind(header: str) -> tuple[str, float] | None:
    """The fact kind a column or row label names, and the scale its unit implies; a note in brackets after the
    label does not hide it ("Training FLOPs (ours only)", "FLOPs (6ND)"), and a scale written in the note applies
    ("参数量（亿）")."""
    header = header.replace("_", " ")  # a data file's column: "gpu_hours", "train_tokens"
    found = _header_kind(header)
    note = HEADER_NOTE.search(header)
    if found is None and note and not NOT_A_NOTE.search(note.group(0)) and (
            found := _header_kind(header[:note.start()])):
        # ("FLOPs (6ND)", "参数量（亿）", "Training FLOPs (ours only)": the label is the header; a scale in the
        # note applies)
        return found[0], found[1] * _written_scale(note.group(0))
    return found


# the price a cost is reckoned at, after the cost's own word: "Cost at $2/GPU hour", "cost (at 2 USD per H800 hour)"
_PRICE_UNIT = rf"(?:{_CURRENCY}|RMB|CNY|yuan|¥|€)"
# (not a column of chip-hours on either kind of chip: "GPU/TPU-hours")
PRICE_PER_CHIP_HOUR = re.compile(r"[$€£¥]\s*/|\bper\s+(?:gpu|tpu|npu|chip|accelerator|device|card)[- ]?"
                                 r"(?:hours?|hrs?|h)\b", re.I)
PRICE_NOTE = re.compile(rf"\s*[(（]?\s*(?:at|@)\s*{_PRICE_UNIT}?\s*[\d.]+\s*{_PRICE_UNIT}?\s*(?:/|per\b).*$", re.I)


def _header_kind(header: str) -> tuple[str, float] | None:
    header = PRICE_NOTE.sub("", header)
    if ACTIVE_HEADER.search(header):  # "Activated parameters per token" counts parameters, it is no rate
        header = PER_TOKEN.sub("", header)
        if TOTAL_WORD.search(header):
            return "params", 1.0  # "Total / active parameters": a total over its active count ("152B / 27B")
    if NOT_KINDS.search(header) and not re.search(r"gpu|co2|carbon", header, re.I):
        return None
    if LOST_HEADER.search(re.sub(r"\([^)]*\)", "", header)):
        return None  # "GPU-hours lost", "Wasted GPU hours", "Idle time": what failures cost a run, not its use (not
        # a note's "Energy (MWh, incl. idle draw)")
    if RATE_OF_ENERGY.search(header):
        return None  # "Grid intensity (kgCO2e/kWh)", "PUE": a rate of the grid or the site, no run's total
    if PRICE_PER_CHIP_HOUR.search(header):
        return None  # "List price ($/GPU-hour)", "Rate per GPU-hour": a price, no run's chip-hours nor its cost
    for kind, pattern in HEADER_KINDS:
        if pattern.search(header):
            scale = SCALE_IN_HEADER.search(header)
            factor = (_scale(scale.group(1) or scale.group(2)) if scale else 1.0) * _written_scale(header)
            if kind == "emissions_tco2e" and scale and (scale.group(1) or scale.group(2)).lower() == "t":
                factor = 1.0  # "CO2 (t)": tonnes, the unit itself, and no trillions
            if kind == "emissions_tco2e" and KG_HEADER.search(header):
                factor = 1e-3
            if kind == "emissions_tco2e" and (tonnes := KILOTONNE_HEADER.search(header)):
                factor = 1e3 if tonnes.group(1).lower() == "k" else 1e6  # "(ktCO2e)", "(Mt CO2e)", "CO2 (kt)"
            if kind == "chip_hours" and CHIP_DAYS.search(header):
                factor *= 24
            if kind == "energy_kwh":  # the unit's prefix: "(MWh)" is a thousand kWh, "(万千瓦时)" ten thousand
                factor = _energy_factor(header)
            if kind == "duration_hours":
                factor = _duration_factor(header)
            if kind == "flop" and re.search(PF_DAYS, header, re.I):
                factor = PF_DAY  # "Pretraining compute [PF-days]"
            if kind == "flop" and (si := re.search(SI_FLOP_UNIT, header, re.I)):
                factor = 10.0 ** SI_FLOP[si.group(0)[0].lower()]  # "Compute (ZFLOP)": 10^21 FLOP each
            per = RATE_HEADER.search(header)
            if kind == "chip_hours" and per and (tokens := parse_quantity(per.group(1))) and tokens.scaled:
                return "chip_hours_rate", factor * 1e12 / tokens.value  # stored per trillion tokens
            return kind, factor
    return None


# a header's note in brackets at its end; a scale written as a power of ten ("(×10^21)", "×10²¹", "(1e21)") or in
# Chinese ("（万亿）" a trillion, "（亿）" a hundred million, "（万）" ten thousand)
NOT_A_NOTE = re.compile(rf"%|{NOT_KINDS.pattern}", re.I)  # "Tokens (per step)", "(% of total)": what the column is
HEADER_NOTE = re.compile(r"(?<=\S)\s*[(（\[][^()（）\[\]]*[)）\]]$")
# (the power written as one: "x 1024" is a count)
POWER_SCALE = re.compile(r"[×x*]\s*10\s*(?:\^|\*\*)\s*(\d{1,2})\b|[×x*]\s*10([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|\b1e\+?(\d{1,2})\b")
CJK_ABOUT = re.compile(rf"(?:{CJK_APPROX})\s*(?=\d)")
CJK_SCALE = re.compile(r"[(（]\s*(万亿|百万|亿|万|千)\s*[)）]")


def _written_scale(text: str) -> float:
    """The factor a header's figures are written in as a power of ten or a Chinese scale word, else 1."""
    if power := POWER_SCALE.search(text):
        return 10.0 ** int(next(g for g in power.groups() if g).translate(SUPERSCRIPTS))
    if cjk := CJK_SCALE.search(text):  # (the characters of "万亿" or "百万" multiply)
        return math.prod(CJK_MAGNITUDES.get(c, 100.0 if c == "百" else 1.0) for c in cjk.group(1))
    return 1.0


def _energy_factor(header: str) -> float:
    """kWh per unit of an energy column: "(MWh)" 1e3, "(GWh)" 1e6, "(兆瓦时)" 1e3, "(万千瓦时)" 1e4."""
    latin = re.search(r"([kmg])wh", header, re.I)
    if latin:
        return {"k": 1.0, "m": 1e3, "g": 1e6}[latin.group(1).lower()]
    return (1e3 if "兆瓦时" in header else 1.0) * (1e4 if "万" in header else 1.0)


def _scale(word: str) -> float:
    """"B", "billions", "thousand" -> the factor they stand for."""
    word = word.lower()
    return HEADER_SCALE[word if len(word) == 1 else word.rstrip("s")]


def _counts_chips(label: str) -> bool:
    """A row label naming a chip, whose figures are counts of it."""
    return bool(CHIP_ROW.search(label)) and not NOT_KINDS.search(label) and not NOT_CHIP_ROW.search(label)


UNIT_IN_CELLS = 0.0  # the scale of a duration column whose header names no unit: a cell without one is no time


def _duration_factor(header: str) -> float:
    """Hours in the unit a duration header names: "(days)" or "Training days" 24, "(weeks)" 168, "(hours)" 1;
    UNIT_IN_CELLS for none."""
    m = re.search(r"[(（]\s*(hours?|hrs?|h|days?|d|weeks?)\s*[)）]|(天|周|小时)|\b(hours|days|weeks)\W*$", header, re.I)
    if m is None:
        return UNIT_IN_CELLS
    unit = next(g for g in m.groups() if g).lower()
    return 24.0 if unit[0] in "d天" else 168.0 if unit[0] in "w周" else 1.0


# (a row of the models the columns were made from is no row of their names: "| Base model | ... |")
NAMES_ROW = re.compile(r"^\W*(?!(?:base|teacher|reward|draft|reference|baseline|original|parent)\b)(?:[\w-]+\s+)?"
                       r"(?:models?|names?|checkpoints?)\W*$|^\W*模型(?:名称)?\W*$", re.I)


# a table's caption on the line above it: "Table 2: Thistle-2 3B", "**Table 3.** Training details of Kite-7B", "TABLE IV
# - Kite-7B", "Table B.1: ...", "表 2："
CAPTION = re.compile(rf"[ \t]*(?:\*\*)?(?:{TABLE_HINT.pattern})(?:\.\d+)?\s*(?:\*\*)?\s*[:.：–—-]")
# what a caption says every figure of its table counts, per model or stage ("Tokens per training stage.", "H100 GPU
# hours per stage"): the kind its header and row labels leave unsaid
CAPTION_KIND = re.compile(r"\W*(?P<what>[^.\n]{2,60}?)\s+per\s+(?:training\s+)?"
                          r"(?:stage|phase|model|size|run|variant)s?\b", re.I)
STAGE_LABEL = re.compile(r"(?i)\b(?:stages?|phases?|pre-?training|annealing|fine-?tuning|sft|rl|total|post-?training|"
                         r"mid-?training|distillation|optimi[sz]ation)\b")


def caption_line(text: str, table: Table) -> tuple[int, int] | None:
    """Where the caption right above a table starts and ends (a blank line may stand between), None where the line
    above opens on no "Table N"."""
    first = table[0][0]
    above = len(text[:first].rstrip())
    start = text.rfind("\n", 0, above) + 1
    return (start, above) if first and CAPTION.match(text, start, above) else None


def table_captions(text: str, tables: list[Table]) -> list[str]:
    """Each table's caption, "" where it has none."""
    return [text[line[0]:line[1]] if (line := caption_line(text, table)) else "" for table in tables]


def caption_kind(caption: str) -> tuple[str, float] | None:
    """The kind of figure a table's caption says all its cells give, if it says one for each stage or model."""
    m = CAPTION.match(caption)
    said = CAPTION_KIND.match(caption, m.end()) if m else None
    what = said.group("what") if said else ""
    kind = header_kind(what) or (header_kind(f"training {what}") if what else None)
    return kind if kind and kind[0] in RUN_FIGURE_KINDS else None


def table_values(tables: list[Table], benchmark_for: Callable[[str], tuple[str, bool] | None] | None = None,
                 captions: list[str] | None = None) -> list[TableValue]:
    """Every figure in these pipe tables that a header or row label gives a kind, or the table's caption (one
    caption per table in `captions`, "" for none); `benchmark_for` names the benchmark a row label denotes (MMLU
    rows give one score per model column)."""
    values = []
    for table, caption in zip(tables, captions or [""] * len(tables), strict=True):
        top = _header_index(table)
        header_cells, last = _header_cells(table, top)
        columns = _kinds(header_cells)
        bare_total = any(TOTAL_ALONE.match(c.text) for c in header_cells)  # (a bare "Total (B)", read beside "Active")
        stated = caption_kind(caption) if caption and not any(
            header_kind(cells[0].text) for _, cells in table[last + 1:] if cells) else None
        rows_are_stages = bool(stated) and not any(columns) and all(
            STAGE_LABEL.search(cells[0].text) for _, cells in table[last + 1:] if cells and cells[0].text)
        if stated and not rows_are_stages:
            # models down the first column: the caption's kind for each column of a stage its header leaves unsaid
            # ("| GPUs | Stage 1 | Stage 2 | Total |" under "Table 3: Wall-clock time per stage"; not "| Notes |", nor
            # "| Stage |", which labels each row's stage: "| Model | Stage | Tokens | NPU hours |")
            columns = [None] + [k or (stated if STAGE_LABEL.search(c.text) and not STAGE_HEADER.match(c.text) else None)
                                for k, c in zip(columns[1:], header_cells[1:], strict=True)]
        checkpoints = any(CHECKPOINT_HEADER.search(c.text) for c in header_cells)
        if checkpoints and not _rows_are_runs(table, header_cells, last):
            # rows that are checkpoints at a step list progress, not the finished run; their size is the model's
            # (not rows of models, each with the steps its run took: "| Model | Steps | Tokens | Chip-hours |")
            columns = [k if k and k[0] in ("params", "active_params") else None for k in columns]
        if not of_runs(table):
            # a bare "Hardware" column of a table that gives no run's figures says what running the model takes
            columns = [None if k and j < len(header_cells) and BARE_HARDWARE.match(header_cells[j].text) else k
                       for j, k in enumerate(columns)]
        mixture = _is_data_mixture(table, top)
        values += _size_labels(table, top, columns)
        for r in range(last + 1, len(table)):
            row_values = _row_values(table, r, header_cells, columns, benchmark_for,
                                     stated if rows_are_stages else None)
            if mixture and not TOTAL_LABEL.match(table[r][1][0].text if table[r][1] else ""):
                row_values = [v for v in row_values if v.kind != "tokens"]
            if bare_total:  # ("| X-Dense-67B | 67 | 67 |" under "| Total (B) | Active (B) |": a dense row, no mixture)
                row_values = [v for v in row_values if not (v.kind == "active_params" and any(
                    p.kind == "params" and p.value == v.value for p in row_values))]
            values += row_values
    return values


# a column or row that names hardware and nothing else: its counts are a run's only in a table of runs
# a column that names the hardware, which may write each count against its chip ("| GPU |" over "256 × H800"); a
# chip's word alone ("GPU") names the chip of a setting as often ("| 7B | 8 A100 |" of a fine-tune), so a count there
# is one multiplied by its chip ("256 × H800", "2048 × 910B")
BARE_HARDWARE = re.compile(rf"^\W*(?:hardware|硬件|{CHIP_WORDS})\W*$", re.I)
CHIP_WORD = re.compile(rf"^\W*{CHIP_WORDS}\W*$", re.I)
TIMES_CHIP = re.compile(r"\W*[\d,]+\s*[×xX*]\s*[A-Za-z\d]")
RUN_FIGURE_KINDS = {"tokens", "duration_hours", "chip_hours", "flop"}  # what a table of runs gives, chips aside
# a count written against its chip, times sign or none ("256 × H800", "512 H100 GPUs"), not against machines
COUNT_OF_CHIP = re.compile(r"\W*[\d,]+\s*(?:[×xX*]\s*)?(?!(?:nodes?|servers?|machines?|hosts?|pods?|racks?|dgx)\b)"
                           r"[A-Za-z]", re.I)


def of_runs(table: Table) -> bool:
    """Whether a table gives runs' figures: a column or a row labelled with tokens, time, chip-hours or compute."""
    labels = [c.text for c in table[0][1]] + [cells[0].text for _, cells in table[1:] if cells]
    return any((kind := header_kind(label)) and kind[0] in RUN_FIGURE_KINDS for label in labels)


def _size_labels(table: Table, top: int, columns: list[tuple[str, float] | None]) -> list[TableValue]:
    """A table of models by size with no parameter column ("| Model | #L | LR |" over "| 125M | 12 | 6e-4 |"):
    each row's size label is its model's parameter count. A single row labelled by a size may be a setting.
    Which line's models they are is the extractor's to say (`table_sizes`)."""
    header = table[top][1]
    if any(k and k[0] == "params" for k in columns) or (header and header_kind(header[0].text)):
        return []
    labels = [(r, cells[0]) for r, (_, cells) in enumerate(table) if r > top and len(cells) >= 2
              and size_label(_clean(cells[0].text))]
    if len(labels) < 2:
        return []
    sizes = tuple(size_label(_clean(label.text)) for _, label in labels)
    values = []
    for r, label in labels:
        read = _cell_value(size_label(_clean(label.text)), "params", 1.0)
        if read is not None:
            line_start, cells = table[r]
            values.append(TableValue("params", read[0], label, line_start, cells[-1].end, label, (), read[1],
                                     table_sizes=sizes))
    return values


def _rows_are_runs(table: Table, header_cells: list, last: int) -> bool:
    """Each row of the table is a run or a part of one, though a column counts its steps (not a checkpoint of one
    model): a model to a row down the first column ("| Model | Steps | Tokens |" over "| X-1B | 60K | ..." and "| X-7B
    | 120K | ..."), or one model's stages ("| Model | Stage | Steps | Tokens |")."""
    if any(STAGE_HEADER.match(c.text) for c in header_cells):
        return True  # ("| Model | Stage | Steps | Tokens |": one model's stages, each a part of its run)
    labels = [cells[0].text.strip() for _, cells in table[last + 1:] if cells]
    return (bool(header_cells) and bool(MODELS_DOWN.match(header_cells[0].text))
            and len({label.lower() for label in labels}) == len(labels)
            and all(re.search(r"[A-Z]", label) and not CHECKPOINT_ROW.search(label) for label in labels))


def _is_data_mixture(table: Table, top: int) -> bool:
    """A table of the training data's sources with each one's share (a column headed so, or of percentages
    adding up to a hundred): the tokens of a source row are a part of the data, only a total row's the run's."""
    header = table[top][1]
    if any(SHARE_HEADER.search(c.text) for c in header[1:]) or (header and SOURCE_HEADER.match(header[0].text)):
        return True
    if header and LANGUAGE_HEADER.match(header[0].text) and not any(
            re.search(r"\bmodels?\b", c.text, re.I) or (kind := header_kind(c.text)) and kind[0] == "params"
            for c in header[1:]):
        return True  # "| Language | Unique tokens | Tokens seen |" (not "| Language | Model | Params | Tokens |")
    rows = [cells for _, cells in table[top + 1:] if cells and not TOTAL_LABEL.match(cells[0].text)]
    for j in range(1, max((len(cells) for cells in rows), default=0)):
        shares = [float(m.group(1)) for cells in rows if j < len(cells)
                  and (m := re.fullmatch(r"([\d.]+)\s*%", cells[j].text.strip()))]
        if len(shares) >= 3 and 95 <= sum(shares) <= 105:
            return True
    return False


def repo_label(text: str) -> tuple[str, str] | None:
    """(organization, name) of a row label that is a Hub repository id."""
    m = REPO_LABEL.fullmatch(text.strip("* "))
    return (m.group("org"), m.group("name")) if m else None


def own_organization(tables: list[Table]) -> str:
    """The organization most rows are labelled with ("EleutherAI/polyglot-ko-1.3b", ...), where one names
    two or more rows and more than any other: the document's own, in tables comparing with others' models."""
    orgs = Counter(r[0].lower() for table in tables for _, cells in table[1:] if cells
                   and (r := repo_label(cells[0].text)))
    ranked = orgs.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0]


def _row_values(table: Table, r: int, header_cells: list[Cell], columns: list[tuple[str, float] | None],
                benchmark_for, stage_kind: tuple[str, float] | None = None) -> list[TableValue]:
    """The figures of row `r`; `stage_kind` is the kind of every figure of a row that labels a stage, as the
    caption of a table of stages by model says."""
    line_start, cells = table[r]
    if any(CHECKPOINT_ROW.search(c.text) for c in cells) or (cells and EXPERIMENT_ROW.search(cells[0].text)):
        return []
    if cells and all(re.fullmatch(r"\d+", c.text) for c in cells if c.text):
        return []  # a row of bare integers under a header ("| 256 | 512 | 1024 |"): the header's second line
    row_end = cells[-1].end if cells else line_start
    if cells and cells[0].text and not any(c.text for c in cells[1:]):
        return []  # a heading over a group of rows ("| LMs with ~2-3B active parameters | | |")
    # a first column of other figures than sizes ("| Processed Tokens |" over "| 9.8B |") labels its rows by a point
    # in the run, not by a model
    first_kind = columns[0][0] if columns and columns[0] else ""
    progress = first_kind not in ("", "params", "active_params") and bool(cells) and (
        parse_quantity(_clean(cells[0].text)) is not None)
    label = None if progress else _row_label(table, r)
    benchmark = benchmark_for(label.text) if label and benchmark_for else None
    row_kind = ("benchmark", 0.01 if benchmark[1] else 1.0) if benchmark else (
        header_kind(label.text) if label and not (BARE_HARDWARE.match(label.text) and not of_runs(table)) else None)
    inherited = label is not None and not (cells and cells[0].text)
    if inherited and row_kind and row_kind[0] in ("params", "active_params") and not any(
            SIZE_CELL.fullmatch(_clean(c.text)) for c in cells[1:]):
        # a row under "| # Param. | 8B | 9B |" with no label of its own continues it only in sizes: "| | 64K | 80.53 |"
        # is the next table's row of scores
        row_kind = None
    if row_kind is None and label is not None and _counts_chips(label.text):
        row_kind = ("chip_count", 1.0)  # "| Nvidia A100 40GB GPU | 240 | 256 |": each model's count of that chip
    row_kind = row_kind or stage_kind
    # the params cell names the row's model by size where several rows share a name ("Llama 2 | 7B",
    # "Llama 2 | 13B") or it restates a nominal size ("1B (1.23B)"); a row of its own ("DeepSeek-V2-Lite |
    # 15.7B") keeps its name
    following = table[r + 1][1] if r + 1 < len(table) else []
    shared = (label is None or not label.text or sum(1 for _, row in table if row and row[0].text == label.text) > 1
              or not (cells and cells[0].text) or bool(following and not following[0].text))  # a group of rows
    row_size, restated = _row_size(cells, columns, header_cells)
    row_size = row_size if shared or restated else ""
    base = next((cells[j] for j, c in enumerate(header_cells) if j and j < len(cells) and BASE_HEADER.match(c.text)),
                None)
    # a row of names right below, labelled so ("| Parameters | 300M | 1.2B |" over "| Finetuned Model | a-small |
    # a-large |"): each column's model, nearer than the title above
    names_below = {j: c for j, c in enumerate(following) if c.text} if following and NAMES_ROW.match(
        _clean(following[0].text)) else {}
    # the header names models (its first cell is no kind): each column's header cell is its model's name
    names_header = header_kind(header_cells[0].text) is None if header_cells else False
    values = []
    for j, cell in enumerate(cells):
        # (a row a benchmark labels holds its scores, whatever a header above says: a PDF's reader may join a table of
        # scores to the table of figures above it)
        kind_scale = None if benchmark else columns[j] if j < len(columns) and columns[j] else None
        # models across the top (a kind in the row label, several value columns): the column's header cells
        # name the model; a key-value list names none and is about the document's model
        across = kind_scale is None and bool(row_kind) and j > 0 and len(header_cells) > 2
        if kind_scale is None and row_kind and j > 0:
            kind_scale = row_kind
        # (not a row naming the models the columns were made from: "| Initialised from | X-7B |" is no column's name)
        above = ((names_below[j],) if j in names_below else ()) + tuple(
            row[j] for _, row in reversed(table[:r]) if j < len(row) and row[j].text and not BASE_HEADER.match(
                row[0].text)) if across else ()
        column_header = header_cells[j].text if names_header and j < len(header_cells) else ""
        named_by = header_cells[j].text if j < len(header_cells) and columns[j] else label.text if label else ""
        if kind_scale and kind_scale[0] == "chip_count" and BARE_HARDWARE.match(named_by) and not (
                TIMES_CHIP if CHIP_WORD.match(named_by) else COUNT_OF_CHIP).match(cell.text):
            continue  # a hardware cell gives a count only written against its chip ("64 nodes × 8 H100" is nodes)
        listed = _listed_sizes(cell) if kind_scale and kind_scale[0] == "params" else []
        if listed:  # "| Foo-Python | 7B, 13B, 34B |": each size is a member's, the row's other figures the line's
            values += [TableValue("params", parse_quantity(part.text).value, part, line_start, row_end, label, (), "",
                                  part.text) for part in listed]
            continue
        labelled = _labelled_counts(cell) if kind_scale and kind_scale[0] in ("params", "active_params") else []
        for kind, part in labelled or [(kind_scale[0], cell)] if kind_scale else []:
            dollars = kind == "cost_usd" and j < len(header_cells) and bool(DOLLAR_HEADER.search(header_cells[j].text))
            read = _cell_value(part.text, kind, kind_scale[1], dollars)
            if read is None:
                continue
            value, qualifier, nominal, low, high = read
            if kind == "tokens" and qualifier == "range" and _schedule_phase(low, high, label):
                continue
            values.append(TableValue(kind, value, part, line_start, row_end, None if across else label, above,
                                     qualifier, nominal or ("" if across else row_size), low, high, across,
                                     benchmark[0] if benchmark and kind == "benchmark" else "", column_header,
                                     base_cell=base))
    return values


# a schedule's phase named in a row's label: "| Warm-up | 0 - 20B |", "| Stable II | 1T - 9.6T |"
PHASE_LABEL = re.compile(r"warm-?up|stable|decay|anneal\w*|cool-?down|stage|phase|ramp", re.I)


def _schedule_phase(low: float | None, high: float | None, label: Cell | None) -> bool:
    """Tokens from one figure to another that are a span of the run, not its total ("| Warm-up | 0 - 20B |", "20B -
    1T"): a range from zero, one twice as wide as its start or more, or in a row named for a phase ("1.4T-1.5T"
    beside a model's name is a total known roughly)."""
    return low is not None and high is not None and (
        low == 0 or high >= 2 * low or (label is not None and bool(PHASE_LABEL.search(label.text))))


def _listed_sizes(cell: Cell) -> list[Cell]:
    """Each size of a cell listing several ("7B, 13B, 34B"), as a cell of its own; [] for any other cell."""
    if not SIZE_LIST.fullmatch(_clean(cell.text)):
        return []
    return [Cell(m.group(0), cell.start + m.start(), cell.start + m.end())
            for m in SIZE_CELL.finditer(cell.text)]


def _labelled_counts(cell: Cell) -> list[tuple[str, Cell]]:
    """"17B (Activated) 109B (Total)": each count of a cell that holds several, with the kind its label says;
    "355B / 32B" in a parameter column is a mixture of experts' total over its smaller active count."""
    found = list(LABELLED_COUNTS.finditer(cell.text))
    if len(found) < 2:
        pair = TOTAL_OVER_ACTIVE.fullmatch(cell.text)
        total, active = (parse_quantity(pair.group(1)), parse_quantity(pair.group(2))) if pair else (None, None)
        if total is None or active is None or not active.value < total.value:
            return []
        return [("params", Cell(pair.group(1), cell.start + pair.start(1), cell.start + pair.end(1))),
                ("active_params", Cell(pair.group(2), cell.start + pair.start(2), cell.start + pair.end(2)))]
    return [("active_params" if m.group(2).lower().startswith("activ") else "params",
             Cell(m.group(1), cell.start + m.start(1), cell.start + m.end(1))) for m in found]


def _row_label(table: Table, r: int) -> Cell | None:
    """The row's label cell; an empty one continues the group of the rows above ("| Pythia | 1B |" then
    "| | 6.9B |"), or is a name a narrow column wrapped around the row's line ("| Kestrel- | |" above, "| 14B | |"
    below)."""
    if (wrapped := _wrapped_label(table, r)) is not None:
        return wrapped
    for _, cells in reversed(table[1:r + 1]):
        if cells and cells[0].text:
            return cells[0]
    return table[r][1][0] if table[r][1] else None


def _wrapped_label(table: Table, r: int) -> Cell | None:
    """A label a PDF's narrow column wrapped: a row of figures with no label between two rows holding only one word
    each, the lower a size ("Kestrel-" / "14B"; the hyphen at the line's end may be lost)."""
    if not 0 < r < len(table) - 1 or not table[r][1] or table[r][1][0].text:
        return None
    above, below = table[r - 1][1], table[r + 1][1]
    if not all(cells and cells[0].text and " " not in cells[0].text and not any(c.text for c in cells[1:])
               for cells in (above, below)) or not SIZE_LABEL.fullmatch(below[0].text):
        return None
    head = above[0].text if above[0].text.endswith("-") else f"{above[0].text}-"
    # (placed where its size is written: the document's text holds the name in two pieces)
    return Cell(head + below[0].text, below[0].start, below[0].end)


# a heading of time or of time spent ("Node hours", "Days"): its "1.68M" counts hours, no parameters
TIMED_HEADING = re.compile(r"\b(?:hours?|hrs?|days?|weeks?|months?)\b", re.I)


def _row_size(cells: list[Cell], columns: list[tuple[str, float] | None], header: list[Cell]) -> tuple[str, bool]:
    """The size a row's parameter column names ("70B"), which names the row's model when its label does not,
    and whether the cell restates it as a nominal size ("1B (1.23B)"). Without a parameter column, a cell that
    is a size alone under a header naming no kind ("Count | 111M") names it."""
    texts = [_clean(cell.text) for cell in cells]  # (each cell cleaned once: both searches below read them)
    if any(SIZE_LIST.fullmatch(text) for text in texts):
        return "", False  # "| Foo | 7B, 13B, 34B | 500B | 20B |": a row of several members, none of its figures a size
    for text, column in zip(texts, columns, strict=False):
        if column and column[0] == "params" and (m := re.fullmatch(r"(\d+(?:\.\d+)?[BM])\b.*", text)):
            return m.group(1), bool(NOMINAL_AND_EXACT.fullmatch(text))
    if any(column and column[0] == "params" for column in columns):
        return "", False
    if texts and (label_kind := header_kind(texts[0])) and label_kind[0] != "params":
        return "", False  # "| Tokens | 100B |": a row its label gives a kind holds that kind's figure, no size
    for j, (text, column) in enumerate(zip(texts, columns, strict=False)):
        heading = header[j].text if j < len(header) else ""
        # ("| Data | 3.2B tokens |": a count of tokens under a heading naming no kind is no size)
        if j > 0 and column is None and not NOT_KINDS.search(heading) and not TIMED_HEADING.search(heading) and (
                SIZE_CELL.fullmatch(text)) and not TOKENS_AFTER.search(cells[j].text):
            return text, False
    return "", False


def size_label(text: str) -> str:
    """The total size a table label names a model by ("1B-A400M" -> "1B", "16b" -> "16B"), "" when the label is no
    size."""
    m = SIZE_LABEL.fullmatch(text)
    return m.group(1)[:-1] + m.group(1)[-1].upper() if m else ""


def size_heading(tables: list[Table], offset: int) -> str:
    """The size heading the column that holds `offset`, in a table whose header row is sizes alone ("| 125M |
    1B |" over "| ~3 days | ~12 days |"), "" elsewhere."""
    header, j = _column(tables, offset)
    if not header or not all(SIZE_CELL.fullmatch(c.text.strip("* ")) for c in header):
        return ""
    return header[j].text.strip("* ")


def column_heading(tables: list[Table], offset: int) -> str:
    """The heading of the column that holds `offset` below a table's first row ("| Stage | Foo-7B |" over
    "| 1 | 4.6T tokens |"), "" elsewhere."""
    header, j = _column(tables, offset)
    return header[j].text.strip("*` ") if header else ""


def table_at(tables: list[Table], offset: int) -> Table | None:
    """The table whose text holds `offset`, None when none does."""
    for table in tables:
        last_start, last = table[-1]
        if table[0][0] <= offset <= (last[-1].end if last else last_start):
            return table
    return None


def group_label(tables: list[Table], offset: int) -> Cell | None:
    """The label of the group a row with an empty label cell goes on with ("| Cobalt-7B | Pretraining | ... |" over
    "| | Chat tuning | 3.2B tokens |"), for the row holding `offset`; None for a row with a label of its own."""
    table = table_at(tables, offset)
    r = next((i for i, (_, cells) in enumerate(table or []) if i > 0 and cells and cells[0].start <= offset
              < cells[-1].end), None)
    if r is None or table[r][1][0].text:
        return None
    label = _row_label(table, r)
    return label if label is not None and label.text else None


def row_repo(tables: list[Table], offset: int) -> tuple[str, str] | None:
    """(organization, name) of the Hub repository that labels the row holding `offset` below a table's first row
    ("| rinna/x-gpt2 | 336M | 45 days |"), None elsewhere."""
    table = table_at(tables, offset)
    row = next((cells for _, cells in (table or [])[1:] if cells and cells[0].end <= offset < cells[-1].end), None)
    return repo_label(row[0].text) if row else None


def _column(tables: list[Table], offset: int) -> tuple[list[Cell], int]:
    """The first row of the table holding `offset` below it, and the column it is in; ([], 0) elsewhere."""
    table = table_at(tables, offset)
    header = table[0][1] if table else []
    for _, cells in (table or [])[1:]:
        for j, cell in enumerate(cells):
            if cell.start <= offset < cell.end and j < len(header):
                return header, j
    return [], 0


def _header_index(table: Table) -> int:
    """A title row may sit above the row of column names: of the rows above the first figure, the one
    naming most kinds."""
    if _key_value(table):
        return 0
    names = []
    for i, (_, cells) in enumerate(table[:3]):
        if _has_figure(cells):
            break
        names.append(i)
    return max(names or [0], key=lambda i: (sum(map(bool, _kinds(table[i][1]))), -i))


def _key_value(table: Table) -> bool:
    """A table of labels and their values ("| Item | Value |"): its first row is the header, whatever the rows below
    hold (the first may be a model's, "| Model | X (72B parameters) |")."""
    return bool(table) and bool(KEY_VALUE_HEADER.match(" | ".join(c.text for c in table[0][1])))


# the header of a table of labels and their values: "| Item | Value |", "| Property | Details |", "| 项目 | 数值 |"
KEY_VALUE_HEADER = re.compile(r"^\W*(?:items?|keys?|property|properties|fields?|attributes?|settings?|metrics?|"
                              r"specs?|specifications?|(?:hyper-?)?parameters?|names?|项目|属性|指标|参数)\W*\|\W*"
                              r"(?:values?|details?|specs?|settings?|descriptions?|数值|值|内容|说明)\W*$", re.I)


def _header_cells(table: Table, top: int) -> tuple[list[Cell], int]:
    """The header's cells, and the index of its last row. A header a narrow column wraps over several rows ("GPU
    hours" over "(K)", "Params" over "(B)") is read a column at a time, top to bottom, where that names more kinds
    than its best row does, or as many with only units in brackets added; else the best row alone. A row of one
    cell is a title, not a part of the header."""
    rows = [cells for _, cells in table[:3]]
    figures = next((i for i, cells in enumerate(rows) if _has_figure(cells)), len(rows))
    if figures <= top + 1 or not all(rows[i] for i in range(figures)) or _key_value(table):
        return table[top][1], top
    parts_of = [cells for cells in rows[:figures] if sum(1 for c in cells if c.text) > 1]
    width = max(len(cells) for cells in rows[:figures])
    stacked = []
    for j in range(width):
        parts = [cells[j] for cells in parts_of if j < len(cells) and cells[j].text]
        stacked.append(Cell(" ".join(c.text for c in parts), parts[0].start, parts[-1].end) if parts else (
            Cell("", 0, 0)))
    named, best = sum(map(bool, _kinds(stacked))), sum(map(bool, _kinds(table[top][1])))
    units_only = all(UNIT_NOTE.fullmatch(c.text) for cells in parts_of if cells is not table[top][1]
                     for c in cells if c.text)
    if parts_of and (named > best or (named == best and units_only)):
        return stacked, figures - 1
    return table[top][1], top


UNIT_NOTE = re.compile(r"[(\[（][^()\[\]（）]{1,12}[)\]）]")  # "(K)", "($M)", "(MWh)", "[T]"


def _has_figure(cells: list[Cell]) -> bool:
    # (a total over its active count, "152B / 27B", is a figure too, and so is a time with its unit, "124 h")
    return any(parse_quantity(_clean(c.text)) or TOTAL_OVER_ACTIVE.fullmatch(c.text) or _timed_cell(c.text)
               for c in cells)


def _kinds(cells: list[Cell]) -> list[tuple[str, float] | None]:
    """Each column's kind. A kind heading three or more columns is a metric repeated per group ("func |
    param | p_v" under each of several models), not a column of the models' own figures; unless each of those
    columns names a stage of the run or its total ("Stage 1 tokens | Stage 2 tokens | Total tokens")."""
    kinds = [header_kind(c.text) for c in cells]
    repeated = {kind for kind, n in Counter(k[0] for k in kinds if k).items() if n >= 3 and not all(
        STAGE_LABEL.search(c.text) for c, k in zip(cells, kinds, strict=True) if k and k[0] == kind)}
    kinds = [None if k and k[0] in repeated else k for k in kinds]
    # a scaling-law table's "N" and "D" side by side: parameters and training tokens
    letters = [NOTE_AFTER.sub("", c.text).strip(" *") for c in cells]
    if "N" in letters and "D" in letters:
        kinds = [("params", 1.0) if w == "N" else ("tokens", 1.0) if w == "D" else k for w, k in zip(letters, kinds,
                                                                                                    strict=True)]
    return _hours_as_wall_clock(cells, letters, _mixture_parameters(cells, kinds))


def _mixture_parameters(cells: list[Cell], kinds: list[tuple[str, float] | None]) -> list[tuple[str, float] | None]:
    """`kinds` with "Total (B)" beside "Active (B)" read as a mixture's total and active parameters: in a table of
    models (a first column of models, or an unnamed one), with no developers' column (its rows' roles are the doubtful
    ones), no other unit ("Total (GB)"), and a unit of parameters where "Layers" or "Hidden" stand beside (bare counts
    there may be experts)."""
    totals = [k is None and TOTAL_ALONE.match(c.text) is not None for c, k in zip(cells, kinds, strict=True)]
    actives = [k is None and ACTIVE_ALONE.match(c.text) is not None for c, k in zip(cells, kinds, strict=True)]
    paired = [c for c, t, a in zip(cells, totals, actives, strict=True) if t or a]
    counted = all(PARAMETER_UNIT.search(c.text) for c in paired) or not any(
        ARCHITECTURE_HEADER.search(c.text) for c in cells)
    of_models = bool(cells) and MODELS_COLUMN.fullmatch(cells[0].text) is not None and not any(
        DEVELOPER_HEADER.match(c.text) for c in cells)
    if not (any(totals) and (any(actives) or any(k and k[0] == "active_params" for k in kinds)) and of_models
            and counted and not any(OTHER_UNIT.search(c.text) for c in paired)):
        return kinds
    return [header_kind(TOTAL_ALONE.sub("Total parameters", c.text, count=1)) if total
            else header_kind(ACTIVE_ALONE.sub("Active parameters", c.text, count=1)) if active else k
            for c, k, total, active in zip(cells, kinds, totals, actives, strict=True)]


def _hours_as_wall_clock(cells: list[Cell], words: list[str], kinds: list[tuple[str, float] | None]
                         ) -> list[tuple[str, float] | None]:
    """`kinds` with "Hours" alone read as the run's wall-clock beside a column of chip-hours, or beside chips in a
    table of runs (a first column of runs, or a table giving their tokens, parameters or compute): "| Chips | Hours |
    Chip-hours |". Alone, or beside chips in a table of an evaluation's costs, it may count GPU-hours or other work."""
    found = {k[0] for k in kinds if k}
    runs = bool(cells) and (RUNS_COLUMN.match(cells[0].text) is not None or bool(found & {"tokens", "params", "flop"}))
    if not ("chip_hours" in found or "chip_count" in found and runs):
        return kinds
    return [("duration_hours", 1.0) if k is None and BARE_HOURS.fullmatch(w) else k
            for w, k in zip(words, kinds, strict=True)]


DEVELOPER_HEADER = re.compile(r"\W*(?:developer|developed\s+by|organi[sz]ation|org|lab|company|creator|vendor|"
                              r"provider|institution|team)s?\W*$", re.I)
BARE_HOURS = re.compile(r"(?i)\W*(?:hours?|hrs?)\W*")
TOTAL_ALONE = re.compile(r"(?i)^\W*total(?=\s*(?:[(（]|$))")
OTHER_UNIT = re.compile(r"[(（]\s*(?:[GMKT]i?B|T|tokens?|experts?)\s*[)）]", re.I)
ARCHITECTURE_HEADER = re.compile(r"(?i)\b(?:layers?|hidden|heads?|dim(?:ension)?s?|d_model|vocab)\b")
PARAMETER_UNIT = re.compile(r"[(（]\s*(?:[BM]|billions?|millions?)\s*[)）]", re.I)
# a first column of models (or none named): "Total" and "Active" beside it count their parameters (not "| Region |")
MODELS_COLUMN = re.compile(r"(?i)\W*(?:(?:models?|names?|checkpoints?|variants?|releases?|sizes?)\b[^|]*)?")
# a first column of runs, whose "Hours" beside a count of chips is each run's wall-clock (a model's or a stage's may
# be an evaluation's or a tuning's, unless the table gives their tokens or parameters)
RUNS_COLUMN = re.compile(r"(?i)\W*(?:training\s+)?runs?\b")
ACTIVE_ALONE = re.compile(r"(?i)^\W*activ(?:e|ated)(?=\s*(?:[(（]|$))")


# a note in words after a cell's figure, not a unit or a second figure ("(K)", "(1.2B)")
NOTE_AFTER = re.compile(r"(?<=\S)\s*[(（][^()（）]*[A-Za-z\u4e00-\u9fff]{3}[^()（）]*[)）]$")


CELL_MARKUP = re.compile(r"[*_\\]")
SPACED_FIGURE = re.compile(r"^(\d+(?:\.\d+)?)\s+([BMT]|万亿|亿|万)$")  # "1.3 B", "62 亿": a cell is one figure
UNIT_AFTER = re.compile(r"\s+(?:tokens?|param(?:eter)?s?)$", re.I)
TOKENS_AFTER = re.compile(r"\s+tokens?\W*$", re.I)


def _clean(cell: str) -> str:
    """Markup, a trailing `+` ("15T+"), a note in parentheses ("3.1B (2.8B non-embedding)") and a unit word the
    column already names ("9T tokens") removed."""
    text = CELL_MARKUP.sub("", cell).strip().rstrip("+")
    text = NOTE_AFTER.sub("", text)
    text = SPACED_FIGURE.sub(r"\1\2", text)
    return UNIT_AFTER.sub("", text)


# ("1,024 (H100)": the chip in parentheses after its count)
COUNTED_CHIPS = re.compile(r"^([\d,]+)\s*(?:[x×*]\s*|张\s*|[(（]\s*)?(?=[A-Za-z\u4e00-\u9fff])")
# a time with its unit in a cell of a duration column, abbreviated as tables do: "36h", "14 d", "~3 wks", "2 mo"
TIMED_CELL = re.compile(r"(?P<amount>[~≈]?\s*\d+(?:\.\d+)?)\s*(?P<unit>h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|"
                        r"天|周|小时|个月)", re.I)
CELL_HOURS = {**HOURS_PER, "h": 1, "d": 24, "w": 168, "个月": 730}


def _timed_cell(text: str) -> tuple[str, float] | None:
    """The amount of a duration cell that names its unit, and the hours in that unit."""
    m = TIMED_CELL.fullmatch(text.strip())
    return (m.group("amount"), float(CELL_HOURS[m.group("unit").lower()])) if m else None


# a cost column that states its currency is dollars: "Cost (USD)", "Cost ($)", "Cost in US$"
DOLLAR_HEADER = re.compile(r"\busd\b|\$|\bdollars?\b|美元", re.I)


def _cell_value(cell: str, kind: str, scale: float, dollars: bool = False
                ) -> tuple[float, str, str, float | None, float | None] | None:
    """The cell's value in base units, its qualifier, the nominal size it restates ("1B (1.23B)") and a
    range's ends, or None when it is not a plausible figure (`dollars`: the column's header says its cells are)."""
    text, nominal = _clean(cell), ""
    if SIZE_LIST.fullmatch(text):
        return None  # several members' sizes in one cell, none of them the row's figure
    restated = NOMINAL_AND_EXACT.fullmatch(text)
    if restated and kind in ("params", "active_params"):
        nominal, text = restated.group(1), restated.group(3) + (restated.group(4) or restated.group(2))
    if kind == "params" and (size := size_label(text)):
        text = size  # "7B-16k" is the 7B released with a longer context, "1B-A400M" a mixture's 1B total
    if kind == "chip_count" and (counted := COUNTED_CHIPS.match(text)):
        text = counted.group(1)  # "128 × A100-80GB", "512 H100", "1024 张 H800": the count of the chip it names
    if kind == "duration_hours" and (timed := _timed_cell(text)):
        text, scale = timed
    elif kind == "duration_hours" and scale == UNIT_IN_CELLS:
        return None
    about = CJK_ABOUT.match(text)  # "约 9.8 万" (about 98,000)
    q = parse_quantity(text[about.end():] if about else text)
    if q is None:
        return None
    value = q.value * scale
    if kind in ("params", "active_params") and not q.scaled and scale == 1.0:
        # bare numbers in a parameter column are billions by convention ("14.3" in "#Parameters")
        value = q.value * 1e9 if q.value < 2000 else q.value
    if kind == "tokens" and value < 1e8:
        return None
    if kind == "cost_usd" and q.currency != "USD" and not (dollars and not q.currency):
        return None  # a figure without its dollar sign may be any currency, or a count
    if kind in ("params", "active_params") and value < 1e6:
        return None
    ends = (value * q.low / q.value, value * q.high / q.value) if q.low is not None and q.value else (None, None)
    return value, q.qualifier or ("approximate" if about else ""), nominal, *ends
