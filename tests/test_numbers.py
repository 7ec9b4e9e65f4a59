"""The number grammar, case by case: each spelling a document may use, and its value."""

import re

import pytest
from floptrail.extract.numbers import find_quantities, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("3.8 × 10^25", 3.8e25, ""),
        ("3.8x10^25", 3.8e25, ""),
        ("3.8 x 10^{25}", 3.8e25, ""),
        ("3.8e25", 3.8e25, ""),
        ("3.8E+25", 3.8e25, ""),
        ("1.2×10²⁴", 1.2e24, ""),
        ("10^{25}", 1e25, ""),
        ("10²⁵", 1e25, ""),
        ("15.6T", 15.6e12, ""),
        ("671B", 671e9, ""),
        ("2.788M", 2.788e6, ""),
        ("180K", 180e3, ""),
        ("2 trillion", 2e12, ""),
        ("3.5 million", 3.5e6, ""),
        ("40 thousand", 40e3, ""),
        ("a hundred and ten million", 110e6, ""),
        ("one hundred twenty-three billion", 123e9, ""),
        ("one point three million", 1.3e6, ""),  # a figure spoken, as transcripts write it
        ("two point zero five trillion", 2.05e12, ""),
        ("540-billion", 540e9, ""),
        ("16,384", 16384, ""),
        ("1,082,990", 1082990, ""),
        ("~54", 54, "approximate"),
        ("∼30", 30, "approximate"),
        ("about 15.6T", 15.6e12, "approximate"),
        ("approximately 2.7 billion", 2.7e9, "approximate"),
        ("over 15T", 15e12, "lower_bound"),
        ("more than 3.2 trillion", 3.2e12, "lower_bound"),
        ("up to 9 trillion", 9e12, "upper_bound"),
        ("less than $0.1 million", 1e5, "upper_bound"),
        ("1-2 trillion", 1.5e12, "range"),
        ("18.6B∼31.3B", 24.95e9, "range"),
        ("between 1e23 and 3e23", 2e23, "range"),
        ("three trillion", 3e12, ""),
        ("twenty-five billion", 25e9, ""),
        ("4000 亿", 4e11, ""),
        ("490万", 4.9e6, ""),
        ("2.6万亿", 2.6e12, ""),
        ("$61.6 million", 61.6e6, ""),
    ],
)
def test_reads_value_and_qualifier(text, value, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    assert q.value == pytest.approx(value, rel=1e-9)
    assert q.qualifier == qualifier


def test_range_keeps_both_ends():
    q = parse_quantity("1-2 trillion")
    assert (q.low, q.high) == (1e12, 2e12)


def test_currency_is_recognised():
    assert parse_quantity("$5.576 million").currency == "USD"
    assert parse_quantity("€3 million").currency == "EUR"


def test_list_of_sizes_gives_each_number():
    found = find_quantities("7B, 13B, 33B and 65B parameters")
    assert [q.value for q in found] == [7e9, 13e9, 33e9, 65e9]
    assert [q.text for q in found] == ["7B", "13B", "33B", "65B"]


def test_spans_point_into_the_text():
    text = "trained on 15.6T tokens using 16,384 GPUs"
    assert [text[q.start:q.end] for q in find_quantities(text)] == ["15.6T", "16,384"]


@pytest.mark.parametrize("text", ["A100-80GB", "Qwen3-235B-A22B", "5m tall", "H100s"])
def test_numbers_inside_names_are_not_quantities(text):
    assert find_quantities(text) == []


def test_unscaled_number_says_so():
    q = parse_quantity("384")
    assert q.value == 384 and not q.scaled


def test_a_hedge_and_currency_far_before_the_number_are_kept():
    # the pattern is tried only near a digit, a Chinese numeral or a magnitude word: what comes before it,
    # across any whitespace, must still be read
    text = "It cost " + "x" * 80 + " approximately\n\n        $5 billion, and some twenty-five million more."
    assert [(q.text, q.value, q.qualifier, q.currency) for q in find_quantities(text)] == [
        ("approximately\n\n        $5 billion", 5e9, "approximate", "USD"),
        ("some twenty-five million", 25e6, "approximate", "")]


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("百亿", 1e10, ""), ("千亿", 1e11, ""), ("万亿", 1e12, ""), ("超万亿", 1e12, "lower_bound"),
    ("< ~13B", 13e9, "upper_bound"),
])
def test_chinese_counts_without_a_digit_and_a_bound_on_an_estimate(text, value, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.qualifier) == (pytest.approx(value), qualifier)


def test_no_count_in_a_word_that_only_looks_like_one():
    assert find_quantities("千万不要这样做") == []  # "by all means do not": 千万 is no count here
    assert [(q.text, q.value) for q in find_quantities("trained on 96xA100 GPUs")] == [("96", 96)]


def test_a_hedge_starts_a_word():
    # "up to" inside "warmup to" bounds nothing; a sign after a letter still hedges
    assert [(q.text, q.qualifier) for q in find_quantities("a batch-size warmup to 2,560 in the first 5B tokens")] == [
        ("2,560", ""), ("5B", "")]
    assert [(q.text, q.qualifier) for q in find_quantities("loss at step≈4000")] == [("≈4000", "approximate")]


@pytest.mark.parametrize(("text", "low", "high"), [
    # a power of ten written once, after the range, covers both ends
    ("2–3 × 10^24 FLOP", 2e24, 3e24),
    ("between 2 and 3 × 10^24 FLOP", 2e24, 3e24),
    ("1.5-2.5e23 FLOPs", 1.5e23, 2.5e23),
])
def test_a_power_of_ten_after_a_range_covers_both_ends(text, low, high):
    q = find_quantities(text)[0]
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


def _opening_nodes(data: list) -> tuple[list, bool]:
    """The parsed nodes a match of `data` (a parsed regular expression) can open on, and whether it can match
    nothing; zero-width tests (lookarounds, anchors) open on nothing."""
    from re import _constants as c

    nodes = []
    for op, av in data:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.SUBPATTERN:
            found, empty = _opening_nodes(av[-1].data)
        elif op is c.ATOMIC_GROUP:
            found, empty = _opening_nodes(av.data)
        elif op is c.BRANCH:
            branches = [_opening_nodes(b.data) for b in av[1]]
            found, empty = [n for b, _ in branches for n in b], any(e for _, e in branches)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found, empty = _opening_nodes(av[2].data)
            empty = empty or av[0] == 0
        else:
            found, empty = [(op, av)], False
        nodes += found
        if not empty:
            return nodes, False
    return nodes, True


def test_every_opening_of_a_quantity_is_among_the_openings_tested_first():
    """QUANTITY_RE tests a place's character against _OPENINGS before its alternatives: a hedge, a currency or a
    number opening on another character would never be found."""
    from re import _constants as c
    from re import _parser

    from floptrail.extract.numbers import _OPENINGS, QUANTITY_RE

    openings = re.compile(f"[{_OPENINGS}]", re.I)
    nodes, empty = _opening_nodes(_parser.parse(QUANTITY_RE.pattern, QUANTITY_RE.flags).data)
    assert not empty and nodes
    for op, av in nodes:
        items = av if op is c.IN else [(op, av)]
        for kind, value in items:
            if kind is c.LITERAL:
                assert openings.match(chr(value)), chr(value)
            elif kind is c.RANGE:
                assert all(openings.match(chr(v)) for v in range(value[0], value[1] + 1)), value
            else:
                assert (kind, value) == (c.CATEGORY, c.CATEGORY_DIGIT) and _OPENINGS.endswith(r"\d"), (kind, value)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("saw a little over 6T tokens", "approximate"),  # near the figure, not bounded by it
    ("in just under 9 days", "approximate"),
    ("on over 6T tokens", "lower_bound"),
])
def test_a_little_over_is_near_the_figure(text, qualifier):
    assert find_quantities(text)[0].qualifier == qualifier


@pytest.mark.parametrize("text", ["9.5q", "release 1.5.2", "x3.5q"])
def test_a_number_a_letter_ends_is_no_number_nor_is_its_start(text):
    """"9.5q" is a word: its "9" is no figure of its own."""
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, value", [("9.5d", 9.5), ("36h", 36), ("12hrs", 12), ("3wks", 3)])
def test_a_unit_of_time_glued_to_a_number_leaves_it_a_number(text, value):
    assert [(q.text, q.value) for q in find_quantities(text)] == [(text.rstrip("dhrswk"), value)]


@pytest.mark.parametrize(("text", "value"), [
    ("the bill came to a million dollars", 1e6),
    ("roughly half a million GPU hours", 5e5),
    ("A billion tokens of code were added", 1e9),
    ("a hundred million parameters", 1e8),  # ("a hundred" read as before)
])
def test_a_magnitude_after_an_article_is_one_of_it(text, value):
    """"a million", "half a million": an article before a magnitude word counts one of it (or half)."""
    assert [q.value for q in find_quantities(text)] == [value]


def test_an_article_before_no_magnitude_is_no_number():
    assert find_quantities("an area of a hall with a view") == []


def test_an_articles_magnitude_in_a_compound_word_is_no_count():
    assert find_quantities("a billion-level encoder from a trillion-dollar firm") == []


def test_a_fraction_of_a_magnitude_is_no_count_of_one():
    """Review of 5cc2596: "a third of a trillion tokens" is no trillion."""
    assert find_quantities("roughly a third of a trillion tokens") == []


@pytest.mark.parametrize("text, value", [
    ("3,5 × 10^24", 3.5e24),   # a decimal comma in a mantissa, as European writing puts it
    ("12,75 x 10^23", 1.275e24),
    ("1,024 × 10^3", 1.024e6),  # a thousands group stays one
])
def test_a_mantissa_with_a_decimal_comma(text, value):
    q = parse_quantity(text)
    assert q is not None and q.value == pytest.approx(value)


@pytest.mark.parametrize("text, currency", [
    ("$10^{24}$", ""),  # LaTeX math, a sign either side of the figure
    ("$1.2 \\times 10^{24}$", ""),
    ("$6 million", "USD"),
])
def test_a_dollar_sign_closed_after_the_figure_is_math(text, currency):
    assert find_quantities(f"used {text} FLOP")[0].currency == currency
