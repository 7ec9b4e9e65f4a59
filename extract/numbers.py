"""The number grammar: find quantities in text and read their values.

A quantity is a number as documents write it, with its magnitude and its hedges:
`3.8 × 10^25`, `3.8e25`, `10²⁵`, `15.6T`, `2 trillion`, `16,384`, `~54`, `over 15T`, `1-2 trillion`,
`three trillion`, `4000 亿`. Everything here is pure text -> values; units (tokens, GPUs, days) are
decided by the rule families that look at the words around a quantity.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MAGNITUDE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
    "mn": 1e6, "bn": 1e9, "tn": 1e12, "mio": 1e6,
}
MAGNITUDE_LETTERS = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "b": 1e9, "G": 1e9, "T": 1e12, "P": 1e15}
CJK_MAGNITUDES = {"千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}

# the hedges Chinese writes as words of their own before a figure ("约 2.6 万亿", "近 40 天"); the rules read them
CJK_APPROX = r"约|大约|近"
APPROX = r"~|∼|≈|≃|about|approximately|approx\.?|around|roughly|nearly|almost|circa|some|an estimated|estimated"
LOWER = (r"over|more than|greater than|above|exceeding|in excess of|at least|upwards of|>=|≥|>|超过|逾"
         r"|超(?=[十百千万萬])")  # "超万亿": over a trillion
UPPER = r"under|less than|below|up to|at most|no more than|fewer than|<=|≤|<\s*[~∼]|<"  # "< ~13B": a bound

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_EXP = r"[-+−]?\d+"
# mantissa × 10^exp in its spellings: ×10^25, x10^{25}, * 10**25, ×10²⁵, \times 10^{25}
_TIMES_TEN = (
    rf"\s*(?:×|✕|x|X|\*|\\times|·)\s*10\s*(?:\^\s*\{{?\s*(?P<exp1>{_EXP})\s*\}}?|\*\*\s*(?P<exp2>{_EXP})"
    rf"|(?P<exp3>[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
    # PDF text drops the superscript's raise: "8.35 × 1023" is 8.35 × 10^23 (exponents of training-scale figures)
    rf"|(?P<exp5>1[5-9]|2\d|30)(?![\d.,])"
    # "2.1 x 10e21": a power of ten written as e-notation, the "10" standing for the base: 2.1 x 10^21
    rf"|[eE](?P<exp6>[-+]?\d+)"
    # HTML's superscript in Markdown: "6.67x10<sup>22</sup>"
    rf"|<sup>\s*(?P<exp7>{_EXP})\s*</sup>)"
)
_E_NOTATION = r"[eE](?P<exp4>[-+]?\d+)"
_POWER_ONLY = (rf"10\s*(?:\^\s*\{{?\s*(?P<pexp1>{_EXP})\s*\}}?|(?P<pexp2>[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
               rf"|<sup>\s*(?P<pexp3>{_EXP})\s*</sup>)")
def _mag_word(group: str) -> str:
    return rf"(?:\s*|-)(?P<{group}>" + "|".join(MAGNITUDE_WORDS) + r")\b"



_MAG_LETTER = r"(?P<letter>[kKMBbGTP])(?![A-Za-z0-9])"
# compounds multiply: 万亿 is 10^12; 多 (more) before or after the magnitude makes a lower bound: "5000 多万" (over 50
# million), "1 万多" (over ten thousand)
_MAG_CJK = r"\s*(?:(?P<more>多)\s*)?(?P<cjk>[千万萬亿億兆]{1,2})(?P<moreafter>多)?"
# ("a hundred and ten million": hundreds, then the tens and units, before the magnitude)
_NUMBER_WORD = r"(?:(?:" + "|".join(k for k in NUMBER_WORDS if len(k) > 2) + r")(?:[\s-]+|(?=\s)))"
# ("one point three million": the units, "point" and a digit word each after it)
DIGIT_WORDS = {"zero": 0, **{w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 9 and len(w) > 2}}
_WORD_NUMBER = (
    r"(?P<words>(?:(?:" + "|".join(NUMBER_WORDS) + r")[\s-]+hundred(?:\s+and)?\s+" + _NUMBER_WORD + "*"
    r"|" + _NUMBER_WORD + r"+(?:point\s+(?:(?:" + "|".join(DIGIT_WORDS) + r")\s+)+|hundred\s+)?"
    r"|(?:half\s+)?an?\s+))"  # "a million dollars", "half a million GPU hours"
    r"(?=(?:thousand|million|billion|trillion)\b)"
)

# a count in Chinese numerals with a magnitude: 五千亿 (500 billion), 七千亿, 一万亿
# (a count written with no digit before its unit: "百亿" ten billion, "千亿", "万亿" a trillion; only as large as 亿,
# since "千万" is also "by all means")
_CJK_NUMERAL = (r"(?P<cjknum>[一二两三四五六七八九十][一二两三四五六七八九十百千]*[万萬亿億兆]+"
                r"|(?:[十百千][万萬]?|[万萬])[亿億](?![一二两三四五六七八九十]))(?P<cjkmore>多)?")  # "一万多"
# hours in a unit of time (a month is a twelfth of a year)
# (and the short forms of informal posts: "~2.5 wks", "36 hrs", "1.5 mo")
HOURS_PER = {"hour": 1, "hours": 1, "hr": 1, "hrs": 1, "day": 24, "days": 24, "week": 168, "weeks": 168, "wk": 168,
             "wks": 168, "fortnight": 336,
             "fortnights": 336, "month": 730, "months": 730, "mo": 730, "天": 24, "周": 168, "月": 730, "小时": 1}
# powers of ten of the SI prefixes a unit of compute takes, and their letters ("zettaFLOP", "ZFLOP")
SI_FLOP = {"exa": 18, "zetta": 21, "yotta": 24, "e": 18, "z": 21, "y": 24}
# hours in a unit of time glued to its figure, as terse notes write it ("36h", "9.5d", "3wks"), longest first
GLUED_TIME_UNITS = {"hrs": 1, "hr": 1, "h": 1, "wks": 168, "wk": 168, "d": 24}
CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CJK_UNITS = {"十": 10, "百": 100, "千": 1000}

# a mantissa with a decimal comma, as European writing gives it: "3,5 × 10^24" (a thousands group has three digits)
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?!\d)"
_SINGLE = (
    rf"(?:(?P<mant>{_DECIMAL_COMMA}|{_DIGITS})(?:{_TIMES_TEN}|{_E_NOTATION})"
    rf"|{_POWER_ONLY}"
    rf"|(?P<plain>{_DIGITS})(?P<plus>\+(?=\s*(?:thousand|million|billion|trillion)\b))?"
    rf"(?:{_mag_word('word')}|{_MAG_LETTER}|{_MAG_CJK})?"
    rf"|{_WORD_NUMBER}{_mag_word('wword')}|{_CJK_NUMERAL})"
)
_CURRENCY_PREFIX = r"(?P<cur>US\$\s?|\$|USD\s?|€|EUR\s?|£|GBP\s?|¥|RMB\s?|CNY\s?)?"


def _openings(alternatives: str) -> set[str]:
    """The characters the alternatives of an expression ("about|approx\\.?|\\$") open on: each must open on one."""
    out = set()
    for alternative in alternatives.split("|"):
        escaped = alternative.startswith("\\")
        char = alternative[1] if escaped else alternative[0]
        if (escaped and char.isalnum()) or (not escaped and char in "()[]{}.^$?*+"):
            raise ValueError(f"{alternative!r} opens on no one character: QUANTITY_RE's openings would miss it")
        out.add(char)
    return out


# the characters a quantity can open on: a hedge, "between" or "from", a currency, a digit or a point, a number word,
# a Chinese numeral (a new way to open a quantity adds its first character here); tested at each place the search
# tries, before the many alternatives of the hedges and numbers, which cost ten times as much to rule out
_OPENINGS = "".join(sorted(re.escape(c) for c in (
    _openings(APPROX) | _openings(LOWER) | _openings(UPPER) | {"b", "f", "."}
    | _openings(_CURRENCY_PREFIX.removeprefix("(?P<cur>").removesuffix(")?"))
    | {w[0] for w in NUMBER_WORDS} | {"h"} | set(CJK_DIGITS) | set(CJK_UNITS) | set(CJK_MAGNITUDES)))) + r"\d"

QUANTITY_RE = re.compile(
    # a quantity and its hedge start a word ("up to" is no hedge inside "warmup to 2,560"), or at a sign ("x≈5");
    # tested first, so the search passes the middle of words at the cost of one test each
    r"(?:(?<![A-Za-z])|(?=[~∼≈≃<>≥≤]))"
    rf"(?=[{_OPENINGS}])"
    rf"(?:(?P<approx>{APPROX})\s+|(?P<approxsym>~|∼|≈)\s*|(?P<lower>{LOWER})\s*|(?P<upper>{UPPER})\s*"
    rf"|(?P<between>between)\s+|(?P<from>from)\s+)?"
    rf"{_CURRENCY_PREFIX}"
    # not inside a word, a path or a date; but "0.5/1.5/7/72B" lists sizes, the magnitude written once at the end
    rf"(?:(?<![A-Za-z0-9_.\-/])|(?<=[0-9]/)(?=[0-9./]*[0-9][BMT]\b)|(?<=[0-9][BMT]/))"
    rf"(?P<first>{_SINGLE.replace('?P<', '?P<a_')})"
    rf"(?:\s*(?P<sep>-|–|—|~|∼|(?:up\s+)?to|and)\s*{_CURRENCY_PREFIX.replace('?P<cur>', '?P<cur2>')}"
    rf"(?P<second>{_SINGLE.replace('?P<', '?P<b_')}))?"
    # a word right after a number makes it part of a name ("7Bx"), unless a CJK magnitude ends it ("2.5万亿token")
    # (or a times sign glued to a chip: "96xA100", or a unit of time: "36h", "9.5d"); nor is a number's start one
    # ("9.5d" is not 9)
    rf"(?:(?<=[千万萬亿億兆])|(?=[x×][A-Z]+[0-9])|(?-i:(?=(?:{'|'.join(GLUED_TIME_UNITS)})(?![A-Za-z0-9_])))"
    rf"|(?![A-Za-z0-9_]|\.\d|,\d{{3}}))",  # (nor a piece of a longer number: the "1" of "1,024x")
    re.IGNORECASE,
)
_FLAGS_CASE_SENSITIVE = re.compile(r"[kKMBbGTP]")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, in its own units (magnitudes applied, no unit conversion)."""

    start: int
    end: int
    text: str
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str = ""  # "", approximate, lower_bound, upper_bound, range
    scaled: bool = False  # whether a magnitude (K, billion, 10^x, 亿) was written
    currency: str = ""
    integer_digits: int = 0  # digits before the decimal point, for telling years and counts apart
    ends: tuple[tuple[int, int], tuple[int, int]] | None = None  # a range's two numbers, each (start, end) in the text


def _exponent(text: str) -> int:
    return int(text.translate(SUPERSCRIPTS).replace("−", "-"))


# the groups of one number of QUANTITY_RE (each side of a range has them, prefixed "a_" or "b_"), read in one call
_SINGLE_GROUPS = ("mant", "exp1", "exp2", "exp3", "exp4", "exp5", "exp6", "exp7", "pexp1", "pexp2", "pexp3", "words",
                  "wword", "cjknum", "plain", "word", "letter", "cjk")
_PREFIXED_GROUPS = {prefix: tuple(prefix + name for name in _SINGLE_GROUPS) for prefix in ("a_", "b_")}


def _read_single(m: re.Match, prefix: str) -> tuple[float, bool, int] | None:
    """Value, whether a magnitude was written, and the integer digit count of one matched number."""
    (mant, *exps, pexp1, pexp2, pexp3, words, wword, cjknum, plain, word, letter, cjk) = m.group(
        *_PREFIXED_GROUPS[prefix])
    if mant:
        exp = next(v for v in exps if v)
        return _scaled(mant.replace(",", ".") if re.fullmatch(_DECIMAL_COMMA, mant) else mant, _exponent(exp)), True, 0
    if power := pexp1 or pexp2 or pexp3:
        return 10.0 ** _exponent(power), True, 0
    if words:
        return _read_number_words(words) * MAGNITUDE_WORDS[wword.lower()], True, 0
    if cjknum:
        return _read_cjk_numeral(cjknum), True, 0
    if plain is None:
        return None
    digits = len(plain.replace(",", "").split(".")[0])
    if word:
        return _scaled(plain, round(math.log10(MAGNITUDE_WORDS[word.lower()]))), True, digits
    if letter:
        # ("m" passes `_letter_ok` only before "parameters": "460m parameters")
        return _scaled(plain, round(math.log10(MAGNITUDE_LETTERS[letter.replace("m", "M")]))), True, digits
    if cjk:
        return _scaled(plain, sum(round(math.log10(CJK_MAGNITUDES[c])) for c in cjk)), True, digits
    return float(plain.replace(",", "")), False, digits


def _scaled(number: str, power: int) -> float:
    """number x 10^power read as one decimal literal, so 3.14e23 is exactly 3.14e23."""
    return float(f"{number.replace(',', '')}e{power}")


def _read_cjk_numeral(text: str) -> float:
    """五千亿 -> 5e11: digits times 十/百/千 summed, then the 万/亿 magnitudes after them multiplied in."""
    body = text.rstrip("万萬亿億兆")
    total, digit = 0.0, 0.0
    for ch in body:
        if ch in CJK_DIGITS:
            digit = CJK_DIGITS[ch]
        else:
            total += (digit or 1) * CJK_UNITS[ch]
            digit = 0.0
    total += digit
    return (total or 1.0) * math.prod(CJK_MAGNITUDES[c] for c in text[len(body):])  # "万亿": one 万亿


def spelled_number(word: str) -> int:
    """A number written as one word, its tens and units maybe joined by a hyphen ("sixty-four", "twelve")."""
    return sum(NUMBER_WORDS[part] for part in word.lower().split("-"))


def _read_number_words(words: str) -> float:
    whole, _, decimals = " ".join(words.lower().split()).partition(" point ")  # (a line may break before "point")
    if whole.startswith("half "):
        return 0.5
    total = 0.0
    for word in re.split(r"[\s-]+", whole):
        if word == "hundred":
            total = (total or 1) * 100
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS[word]
    digits = "".join(str(DIGIT_WORDS[w]) for w in decimals.split())
    return total + (float(f"0.{digits}") if digits else 0.0)


_PARAMETERS_AFTER = re.compile(r"[\s-]*param", re.I)


def _letter_ok(match: re.Match, prefix: str) -> bool:
    """Magnitude letters are case-sensitive (`7B` yes, `7b` only as b=billion is common, `5m` is metres, but
    `460m parameters` is a count)."""
    letter = match.group(prefix + "letter")
    return letter is None or bool(_FLAGS_CASE_SENSITIVE.fullmatch(letter)) or (
        letter == "m" and bool(_PARAMETERS_AFTER.match(match.string, match.end(prefix + "letter"))))


# a footnote mark after a word or a figure: superscript digits (no digits to `\d`), daggers, "[^2]" in Markdown
FOOTNOTE_SIGNS = "¹²³⁴⁵⁶⁷⁸⁹⁰†‡§¶"
FOOTNOTE_MARK = rf"(?:[{FOOTNOTE_SIGNS}]+|\[\^[^\]\s]{{1,20}}\])"

# every quantity holds a digit, a Chinese numeral or a magnitude word ("two trillion"); its hedge and currency
# ("approximately US$ 5") come before it, at most this many characters beyond the whitespace between them
# (each magnitude word opens on its first letter, in either case, and the rest follows in any case: a search for a
# pattern opening on a set of characters skips to the next of them at C speed)
_ANCHOR = re.compile(r"[\d一二两三四五六七八九十百千万萬]"
                     r"|[tTmMbBqQ](?:(?<=[tT])(?i:housand|rillion)|(?<=[mMbB])(?i:illion)|(?<=[qQ])(?i:uadrillion))")
_CURRENCY_LEAD, _HEDGE_LEAD, _WORDS_LEAD = 6, 16, 64  # "USD ", "approximately ", "one hundred twenty-three "


def _next_quantity(text: str, pos: int) -> re.Match | None:
    """QUANTITY_RE.search(text, pos), with the pattern tried only from a little before the next place a quantity
    can hold: tried at every character, its many optional openings cost more than the rest of parsing."""
    anchor = _ANCHOR.search(text, pos)
    if anchor is None:
        return None
    start = anchor.start() - (_CURRENCY_LEAD if anchor.group(0)[0].isdigit() else _WORDS_LEAD)
    while start > pos and text[start - 1].isspace():
        start -= 1
    return QUANTITY_RE.search(text, max(pos, start - _HEDGE_LEAD))


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right, not overlapping."""
    found, pos = [], 0
    while (m := _next_quantity(text, pos)) is not None:
        pos = m.end()
        if not _letter_ok(m, "a_") or _footnote_mark(text, m.start("first")) or _article_compound(m, text):
            pos = m.start("first") + 1
            continue
        first = _read_single(m, "a_")
        second = None
        if m.group("second") is not None and _letter_ok(m, "b_") and _is_range(m):
            second = _read_single(m, "b_")
        if second is None:
            # the text after the first number is searched again ("33B and 65B" are two numbers)
            pos = m.end("first")
            found.append(_single_quantity(text, m, _start_of(m), m.end("first"), first))
        else:
            found.append(_range_quantity(text, m, first, second))
    return found


ARTICLE = re.compile(r"(?:half\s+)?an?\s+$", re.I)


def _article_compound(m: re.Match, text: str) -> bool:
    """"a billion-level model", "a trillion-dollar company": an article's magnitude in a compound word is no count;
    nor is one a fraction is of ("a third of a trillion tokens")."""
    if not (m.group("a_words") and ARTICLE.fullmatch(m.group("a_words"))):
        return False
    return text.startswith("-", m.end("first")) or bool(FRACTION_OF.search(text, max(0, m.start() - 20), m.start()))


FRACTION_OF = re.compile(r"\bof\s*$", re.I)


def _footnote_mark(text: str, start: int) -> bool:
    """A number that labels a footnote ("30K GPU-hours[^2]"), not a figure (superscript digits are no digits)."""
    return text.endswith("[^", 0, start)


def _is_range(m: re.Match) -> bool:
    """`and`/`to` join a range only after `between`/`from`; dashes and tildes always do."""
    sep = m.group("sep").lower().split()[-1]  # "up to" reads as "to"
    if sep == "and":
        return bool(m.group("between"))
    if sep == "to":
        # "from 3 to 7 billion", "between ...", and "3 to 7 billion": a magnitude written once, after both
        return bool(m.group("between") or m.group("from")) or (_unscaled(m, "a_") and not _unscaled(m, "b_"))
    return True


def _unscaled(m: re.Match, prefix: str) -> bool:
    """The number is plain digits, no magnitude written after it."""
    return bool(m.group(prefix + "plain")) and not any(
        m.group(prefix + g) for g in ("word", "letter", "cjk", "plus"))


_OPENING_GROUPS = ("approx", "approxsym", "lower", "upper", "between", "from", "cur")


def _start_of(m: re.Match) -> int:
    opened = next((name for name, text in zip(_OPENING_GROUPS, m.group(*_OPENING_GROUPS), strict=True) if text), None)
    return m.start(opened or "first")


NEARLY_BEFORE = re.compile(r"\b(?:a\s+little|a\s+bit|slightly|just)\s+$", re.I)


def _single_quantity(text, m, start, end, first) -> Quantity:
    value, scaled, digits = first
    more = m.group("a_more") or m.group("a_moreafter") or m.group("a_cjkmore")  # "一万多张" (over 10,000)
    qualifier = "approximate" if (m.group("approx") or m.group("approxsym")) else (
        "lower_bound" if m.group("lower") or m.group("a_plus") or more else "upper_bound" if m.group("upper") else "")
    if qualifier.endswith("_bound") and m.group("lower" if qualifier == "lower_bound" else "upper") and (
            NEARLY_BEFORE.search(text, max(0, start - 16), start)):
        qualifier = "approximate"  # "a little over 6T", "just under 9 days": near the figure, not bounded by it
    if m.group("between") or m.group("from"):
        start = m.start("cur") if m.group("cur") else m.start("first")
    return Quantity(start, end, text[start:end], value, qualifier=qualifier, scaled=scaled,
                    currency=_currency(m.group("cur"), text, m.end()), integer_digits=digits)


def _range_quantity(text, m, first, second) -> Quantity:
    (low, low_scaled, _), (high, high_scaled, digits) = first, second
    # A magnitude written once covers both ends: "1-2 trillion", "18.6B∼31.3B", and so does a power of ten ("2–3 ×
    # 10^24")
    if high_scaled and not low_scaled:
        plain = m.group("b_plain") or m.group("b_mant")
        scale = high / float(plain.replace(",", "")) if plain else 1.0
        low = float(f"{low * scale:.12g}")  # (as written: 2 x 1e24 is 2e24, not a float's neighbour of it)
    if low > high:
        return _single_quantity(text, m, _start_of(m), m.end("first"), first)
    start = _start_of(m)
    return Quantity(start, m.end(), text[start:m.end()], float(f"{(low + high) / 2:.12g}"), low=low, high=high,
                    qualifier="range", scaled=low_scaled or high_scaled,
                    currency=_currency(m.group("cur") or m.group("cur2"), text, m.end()), integer_digits=digits,
                    ends=((m.start("first"), m.end("first")), (m.start("second"), m.end("second"))))


def _currency(symbol: str | None, text: str, end: int) -> str:
    """The currency a sign or code names; none for a "$" that a second one closes right after the figure: LaTeX's
    math ("$10^{24}$ FLOP", "$1.2 \\times 10^{24}$")."""
    if not symbol or (symbol == "$" and text[end:end + 3].lstrip().startswith("$")):
        return ""
    s = symbol.strip().upper()
    return {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "RMB": "CNY"}.get(s, s)


def parse_quantity(text: str) -> Quantity | None:
    """The single quantity that makes up `text` (after stripping), or None."""
    stripped = text.strip()
    found = find_quantities(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None
