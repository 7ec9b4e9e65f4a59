"""Energy and emissions: "539 tCO2eq", "8,930 tons CO2eq", "433 MWh". Values in kWh and tonnes CO2e."""

from __future__ import annotations

import re

from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import MODEL, QTY, SECTOR_WIDE, THE_SECTOR, Reading
from spacy.tokens import Span

CO2_TOKEN = r"^(?:t|kg|mt)?co[2₂](?:e|eq|-eq|-equivalent|e\.)?\.?$"  # "CO₂e" with a subscript too
# watt-hours in Chinese: the figure's last character is its prefix, which the number reader takes for a multiplier
# of its own ("22 万千瓦时" reads 22 万千 = 2.2e8, then 瓦时): kilo (千) and mega (兆, 1e12 as a numeral); giga (吉)
# stands apart
CJK_WATT_HOURS_PER_KWH = {"千": 1e3, "兆": 1e12 / 1e3}
SEPARATE_PREFIX_KWH = {"千": 1.0, "兆": 1e3, "吉": 1e6}  # kWh in a kilo-, mega- or gigawatt-hour written apart
WATT_HOURS_SPELLED = {"kilowatt": 1.0, "megawatt": 1e3, "gigawatt": 1e6, "terawatt": 1e9}  # kWh in each
TONNES = ["t", "tons", "tonnes", "ton", "tonne", "metric"]
MASS_WORDS = [*TONNES, "kg", "kilograms", "kt", "kilotonnes", "kilotons"]
OF_TONNES = {"LOWER": {"IN": ["tons", "tonnes", "of"]}, "OP": "*"}  # "metric tons of", "t of"
# "location-based", "market-based" emissions (one word or three, as a text's hyphens are read)
EMISSIONS_BASIS = ["location-based", "market-based", "location", "market", "-", "based"]
# ... a name the matcher has not joined into one token: "emissions for Heron 4 came to", a word and its version
MODEL_WORDS = [{"IS_TITLE": True, "OP": "?"}, {"TAG": "QTY", "LIKE_NUM": True, "OP": "?"}]
# the words between an emissions label and its mass: "emissions for X came to about", "emissions of the run were"
# ("came to", "amounted to" as a pattern's own words: "emissions to 50 tons" is a target; nor "at": "keep emissions at
# 500 tons" is one too)
LABEL_TO_MASS = [*EMISSIONS_BASIS, "for", "of", "from", "the", "this", "that", "its", "run", "training", "were", "was",
                 "is", "are", "totaled", "totalled", "total", "totaling", "totalling", "reached", "about", "roughly",
                 "approximately", "around", "an", "estimated", ":", "~", "≈"]
# ("碳排放约 730 吨", carbon emissions of about 730 tonnes; "排放约 139 吨", emissions of about 139 tonnes)
CJK_EMISSIONS_LABEL = [{"TEXT": "碳", "OP": "?"}, {"TEXT": "排"}, {"TEXT": "放"}, {"TEXT": "量", "OP": "?"},
                       {"TEXT": {"IN": ["约", "为", "达", "大", "共", "计", "总", "了"]}, "OP": "*"}]
PATTERNS = {
    "emissions": [[QTY, {"LOWER": {"REGEX": r"^(?:t|kg|kt|mt)-?co[2₂](?:e|eq|-eq)?\.?$"}}],
                  # "140 t-CO2", as a hyphen splits it
                  [QTY, {"LOWER": {"IN": ["t", "kg", "kt", "mt"]}}, {"TEXT": "-"}, {"LOWER": {"REGEX": CO2_TOKEN}}],
                  # "4.6 吨二氧化碳当量" (tonnes of CO2 equivalent), "800 公斤二氧化碳" (kilograms); a character a token
                  [QTY, {"TEXT": {"IN": ["吨", "公"]}}, {"TEXT": "斤", "OP": "?"},
                   {"TEXT": "二"}, {"TEXT": "氧"}, {"TEXT": "化"}, {"TEXT": "碳"}],
                  [QTY, {"LOWER": {"IN": MASS_WORDS}}, OF_TONNES,
                   {"LOWER": {"REGEX": CO2_TOKEN}}],
                  # "76 metric tons of carbon dioxide equivalent"
                  [QTY, {"LOWER": {"IN": MASS_WORDS}}, OF_TONNES,
                   {"LOWER": "carbon"}, {"LOWER": "dioxide"}],
                  # "420 tons of location-based greenhouse gas emissions", "90 t of GHG emissions"
                  [QTY, {"LOWER": {"IN": MASS_WORDS}}, OF_TONNES,
                   {"LOWER": {"IN": EMISSIONS_BASIS}, "OP": "*"}, {"LOWER": {"IN": ["greenhouse", "ghg", "carbon"]}},
                   {"LOWER": "gas", "OP": "?"}, {"LOWER": {"IN": ["emissions", "emission"]}}],
                  # a mass after its label: "Location-based emissions for X came to 8,930 tons", "emissions: 90 t"
                  # ("CO2e: ~0.9 t", a run log's key)
                  *([{"LOWER": {"IN": ["emissions", "emission", "co2e", "co2eq", "co₂e"]}},
                     {"LOWER": {"IN": LABEL_TO_MASS}, "OP": "*"},
                     {**MODEL, "OP": "?"}, *MODEL_WORDS, {"LOWER": {"IN": LABEL_TO_MASS}, "OP": "*"}, *reached, QTY,
                     {"LOWER": {"IN": TONNES}}]
                    for reached in ([], [{"LOWER": {"IN": ["came", "amounted"]}}, {"LOWER": "to"},
                                         {"LOWER": {"IN": LABEL_TO_MASS}, "OP": "*"}]))],
    # "碳排放约 20 吨" (carbon emissions of about 20 tonnes), "碳排放量为 800 公斤": the mass after its label
    "emissions_cjk_label": [[*CJK_EMISSIONS_LABEL, QTY, {"TEXT": "吨"}],
                            [*CJK_EMISSIONS_LABEL, QTY, {"TEXT": "公"}, {"TEXT": "斤"}]],
    "energy": [[QTY, {"LOWER": {"IN": ["kwh", "mwh", "gwh", "twh"]}}]],
    # spelled out: "67 gigawatt-hours", "450 megawatt hours"
    "energy_words": [[QTY, {"LOWER": {"IN": list(WATT_HOURS_SPELLED)}}, {"TEXT": "-", "OP": "?"},
                      {"LOWER": {"IN": ["hours", "hour"]}}]],
    # "22 万千瓦时" (220,000 kWh), "2.7 吉瓦时" (2.7 GWh), and "用电 22 万度" (used 220,000 kWh: 度 is the everyday
    # word for a kWh, and a degree too, so only where its clause speaks of electricity, 电)
    "energy_cjk": [[QTY, {"TEXT": "吉", "OP": "?"}, {"TEXT": "瓦"}, {"TEXT": "时"}], [QTY, {"TEXT": "度"}],
                   # "890 万 千瓦时": the prefix set apart from the figure (a PDF's line spacing)
                   [QTY, {"IS_SPACE": True, "OP": "?"}, {"TEXT": {"IN": ["千", "兆"]}}, {"TEXT": "瓦"},
                    {"TEXT": "时"}]],
}
KWH = {"kwh": 1, "mwh": 1e3, "gwh": 1e6, "twh": 1e9}
SAVED_BEFORE = re.compile(r"(?:减少|降低|节省|节约|减排)碳?$")
# emissions offset, not emitted: "we purchased certified offsets for 25 tCO2e", "抵消了 25 吨"
# (and energy bought as certificates: "renewable energy certificates covering 300 MWh", "RECs for 1.2 GWh")
OFFSET_BEFORE = re.compile(r"\b(?:offsets?|certificates|RECs|credits)\s+(?:for|of|covering|equal\s+to)\s+"
                           r"(?:about\s+|roughly\s+|some\s+)?$"
                           r"|\boffsetting\s+$|抵消了?\s*(?:约|近)?\s*$", re.I)
# a site's yearly use, not a run's: "consumes roughly 2.4 TWh a year", "全年用电约 2.1 亿度" (2.1e8 kWh in a year)
ANNUAL_AFTER = re.compile(r"\s*(?:a|per|each|every)\s+year\b|\s*annually\b|\s*/\s*(?:yr|year)\b", re.I)
ANNUAL_BEFORE = re.compile(r"(?:全年|每年|年均|年度)[^。；，]{0,8}$")
# a facility's use over a calendar period, not a run's: "The data centre itself consumed about 310 GWh during
# 2025", "the site as a whole consumed 58 GWh over the same quarter", "The cluster as a whole used 9.4 GWh last year"
SITE = r"(?:data\s*-?\s*cent(?:re|er)s?|site|facility|campus|building|cluster)"
# ("Our data centres consumed 2.31 TWh of electricity in FY2025": a company's data centres, all of them)
FACILITY = re.compile(rf"\b{SITE}\s+(?:itself|as\s+a\s+whole|overall)\b|\b(?:whole|entire)\s+{SITE}\b|"
                      r"\b(?:our|the\s+company's|its|all)\s+(?:[\w-]+\s+)?data\s*-?\s*cent(?:re|er)s(?:,[^,]{0,60},)?\s+"
                      r"(?:consumed|used|drew|required)\b", re.I)
# ... what they consumed, then the period: "2.31 TWh of electricity in FY2025" (only beside a site: a model's "1.9 GWh
# of electricity in 2025" is its run's)
OF_ELECTRICITY = re.compile(r"\s*of\s+(?:electricity|power|energy)(?=\s)")
CALENDAR_AFTER = re.compile(r"\s*(?:during|in|over|for|across)\s+(?:"
                            r"(?:the\s+)?(?:same\s+|whole\s+|entire\s+)?(?:quarter|year|period|fiscal\s+year|"
                            r"calendar\s+year)\b|(?:FY|CY)\s*['’]?\d{2,4}\b|(?:19|20)\d\d\b(?!\s*[\w-]*\s*(?:GPU|TPU|"
                            r"chip|node|card|device|accelerator|H100|A100)))|\s*(?:last|this|that)\s+(?:year|quarter)\b",
                            re.I)
RUN_SAID = re.compile(r"\b(?:pre-?)?train|\brun\b|\bjob\b", re.I)
# a body larger than a run said before its figure ("The global AI sector emitted", "Scope 2 emissions for the company
# were"), or a threshold named after it ("below the 25 kt CO2e reporting threshold")
# (the sector or the industry as what emitted or consumed, or spent across: not "sells software to the energy sector,
# said training X consumed", "Compared with industry peers, X's training emitted"; a company's reporting scope, not
# "Under scope 2 accounting, the X training run emitted")
WHOLE_BODY_BEFORE = re.compile(r"\b(?:sector|industry)(?:'s|’s)?\s+(?:[\w-]+\s+){0,4}?(?:emitted|consumed|used|drew|"
                               rf"emissions)\b(?!\s+factors?)|\b(?:across|for|from)\s+{THE_SECTOR}|"
                               rf"{SECTOR_WIDE}|\b(?:company|group)-wide\b|\b(?:our|company's|company’s|group's)\s+scope\s*[123]\b|"
                               r"\bscope\s*[123](?:\s+and\s+[123])?\s+emissions\b", re.I)
# (a threshold or a policy's cap or limit named right after the figure or before it: "the 1 GWh internal cap", "the
# 500 tCO2e limit in our policy", "The EU reporting threshold of 25,000 tCO2e"; not "540 tCO2e under our internal
# carbon cap", the run's own figure against one)
THRESHOLD_AFTER = re.compile(r"\s*(?:(?!(?:under|below|within|beneath|over|above)\b)[\w-]+\s+){0,2}?(?:reporting\s+)?"
                             r"(?:threshold|limit|cap)\b", re.I)
THRESHOLD_BEFORE = re.compile(r"\b(?:threshold|limit|cap)\s+of\s+(?:about\s+|roughly\s+)?$", re.I)
PER_REQUEST = re.compile(r"\b(per (?:query|request|prompt|token)|each (?:query|request))\b", re.I)


# a rate per amount of training data: "per trillion tokens", "/T tokens", "for every 1T tokens"
FIGURE_ENDS = re.compile(r"\d[\d.,]*\s*[A-Za-z]{0,5}\s*$")  # a figure and its unit, right before a cue


def _rate_cue_before(clause: str) -> bool:
    """A per-tokens cue earlier in the figure's clause that no other figure takes right before it ("Per trillion
    tokens, that is 143K GPU hours and 165 MWh"; not "90 MWh for every trillion tokens, 1,300 MWh in total")."""
    return any(not FIGURE_ENDS.search(clause, 0, m.start()) for m in PER_TOKENS_BEFORE.finditer(clause))


PER_TOKENS_BEFORE = re.compile(r"\b(?:per|for\s+every|for\s+each|every|each)\s*(?:\d+(?:\.\d+)?\s*)?"
                               r"(?:trillion|billion|[TB])\b\s*(?:(?:pre-?)?training\s+)?tokens?\b", re.I)
PER_TOKENS_AFTER = re.compile(r"\s*(?:per|/|for\s+every|for\s+each|every)\s*(?:\d+(?:\.\d+)?\s*)?"
                              r"(?:trillion|billion|[TB])\b\s*(?:(?:pre-?)?training\s+)?tokens?\b", re.I)
# what a body larger than a run consumed, said after the figure: "318 GWh of electricity across all operations"
ALL_OPERATIONS_AFTER = re.compile(r"\s*(?:of\s+(?:electricity|energy|power)\s+)?across\s+(?:all\s+(?:of\s+)?"
                                  r"(?:its\s+|our\s+|their\s+|the\s+company['’]s\s+)?|(?:its|our|their|the\s+company['’]s)"
                                  r"\s+)(?:global\s+|worldwide\s+)?(?:operations|activities|offices|business(?:es)?)\b",
                                  re.I)
# (a run may draw power "across our sites", "across operations at our Oregon site")
# "per" after a figure makes it a rate ("1.4 MWh per 10^21 FLOP", "450 MWh per month"), except where it says whose
# count it is ("4,100 MWh per training run of X", "3,900 MWh per our meter readings")
PER_NOT_RATE = re.compile(r"\s*per\s+(?:(?:the|each|one)\s+)?(?:(?:pre-?)?training\s+)?run\b"
                          r"|\s*per\s+(?:our|its|their|the\s+(?:company|lab|provider|operator))\b", re.I)
# emissions made in building the hardware, not in running it: "14 tCO2e of embodied emissions", "embody 21,500 tCO2e"
EMBODIED = re.compile(r"\bembod(?:y|ies|ied)\b|\bamorti[sz]", re.I)
EMBODIED_AFTER = re.compile(r"\s*(?:of\s+)?embodied\b", re.I)  # ("14 tCO2e of embodied emissions"; not a run's figure
# "mostly from embodied hardware share")


def read(rule: str, span: Span, config) -> list[Reading]:
    # (the figure is the last quantity: "emissions for Heron 4 came to 8,930 tons" holds the name's number first)
    qty_token = [t for t in span if t._.qty is not None][-1]
    q = qty_token._.qty
    if rule == "emissions_cjk_label" and SAVED_BEFORE.search(doc_text(span.doc), max(0, span.start_char - 5),
                                                              span.start_char):
        return []  # "减少碳排放约 20 吨" (cut emissions by about 20 tonnes): a saving, not the run's emissions
    text = doc_text(span.doc)
    if PER_REQUEST.search(sent_text(span)) or OFFSET_BEFORE.search(text, max(0, span.start_char - 40), span.start_char):
        return []
    if ANNUAL_AFTER.match(text, span.end_char) or ANNUAL_BEFORE.search(text, max(0, span.start_char - 12),
                                                                        span.start_char):
        return []
    before = re.split(r"[;；]", text[span.sent.start_char:span.start_char])[-1]  # (the figure's clause)
    site, period, run = (FACILITY.search(before), CALENDAR_AFTER.match(text, span.end_char),
                         RUN_SAID.search(sent_text(span)))
    electricity = OF_ELECTRICITY.match(text, span.end_char)
    if site and electricity and CALENDAR_AFTER.match(text, electricity.end()):
        return []
    if site and period or (site or period) and not run:
        return []  # (a run's "1.2 GWh in 2025", "trained on the entire cluster, which consumed 640 MWh" are the run's)
    if WHOLE_BODY_BEFORE.search(before) or THRESHOLD_AFTER.match(text, span.end_char) or THRESHOLD_BEFORE.search(
            before):
        return []  # a sector's, a company's or a reporting scope's figure, or a threshold: no model's
    if ALL_OPERATIONS_AFTER.match(text, span.end_char) or rule.startswith("emissions") and (
            EMBODIED.search(before) or EMBODIED_AFTER.match(text, span.end_char)):
        return []  # a company's electricity across its operations; the hardware's embodied emissions
    after = span.doc[span.end:span.end + 2].text.lower()
    if (after.startswith(("/", "per")) and not PER_NOT_RATE.match(text, span.end_char)) or re.search(
            r"/\s*k?wh", span.text, re.I):
        return []  # "0.39 kg CO2eq/kWh" is a grid's carbon intensity, "1.4 MWh per 10^21 FLOP" a rate
    if PER_TOKENS_AFTER.match(text, span.end_char) or _rate_cue_before(before):
        return []  # "29 MWh per trillion tokens", "Per trillion tokens, that is 165 MWh": a rate, not the run's energy
    words = span.text.lower()
    if rule == "energy_cjk":
        prefix = next((t.text for t in span[1:] if t.text in SEPARATE_PREFIX_KWH), "")
        if span[-1].text == "度":
            clause = re.split(r"[，。；,;]", doc_text(span.doc)[span.sent.start_char:span.start_char])[-1]
            if "电" not in clause and not doc_text(span.doc).startswith("电", span.end_char):
                return []  # "机房温度保持在 25 度" (the room is kept at 25 degrees); "128 万度电" is electricity
            kwh = q.value
        elif prefix:
            kwh = q.value * SEPARATE_PREFIX_KWH[prefix]
        else:
            kwh = q.value / CJK_WATT_HOURS_PER_KWH.get(qty_token.text[-1], 1e3)
        return [Reading("energy_kwh", kwh, qty_token, qualifier=q.qualifier)]
    if rule == "energy":
        return [Reading("energy_kwh", q.value * KWH[span[-1].lower_], qty_token, qualifier=q.qualifier)]
    if rule == "energy_words":
        return [Reading("energy_kwh", q.value * WATT_HOURS_SPELLED[span[1].lower_], qty_token, qualifier=q.qualifier)]
    kilograms = re.search(r"\bkg|kilogram|公斤", words)
    # ("14.2 ktCO2e", "3.1 kt CO2e": thousands of tonnes; "MtCO2" millions)
    scale = 1e3 if re.search(r"\bkt\b|\bktco|kiloton", words) else 1e6 if "mtco2" in words else 1
    tonnes = q.value / 1000 if kilograms else q.value * scale
    return [Reading("emissions_tco2e", tonnes, qty_token, qualifier=q.qualifier)]
