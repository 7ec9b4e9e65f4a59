"""A document's model inventory: which models it reports training for, found before any fact is attributed.

A model line (a family, version and named tiers: "MiniCPM4", "Qwen2.5-Coder", "DeepSeek-V2-Lite") is the
document's own when the document introduces it: its title or front matter names it, a sentence introduces
or releases it, or it is the line the document names most, with the lines that share its family and
version ("Qwen2.5-Math" beside "Qwen2.5"). Members are the sizes of an own line that the document names.
Every other name is someone else's model (or an earlier one of the lab's): facts about it are `cited`, except in
the sentence that presents it as the lab's earlier model ("our previous model, X, was trained on ..."), where the
document gives that model's own figures.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from floptrail.extract.canonical import PURPOSE_WORDS, configured_families, size_count, strip_name
from floptrail.extract.config import ExtractConfig
from floptrail.extract.inventory import Evidence, Inventory, earlier_generation, in_line, line_key, line_name, size_of
from floptrail.extract.names import COMPARING, OWN_WORK_SAID, QUOTED, NameEvidence, lab_word_at
from floptrail.extract.pipeline import doc_text, sentence_bounds, span_text, tagged
from floptrail.extract.rules.base import PLAN_CUES
from spacy.tokens import Doc, Span, Token

# how much each place says that a line is the document's own
WEIGHTS = {"title": 4.0, "co_title": 3.0, "front_matter": 4.0, "introduces": 3.0, "apposition": 3.0, "file": 3.0,
           "release": 2.0, "announced": 2.0, "link": 2.0, "base_model": 2.0, "trained_own": 2.0, "heading": 1.0,
           "section": 1.0, "run_table": 0.5, "item": 0.5, "reported": 0.0,
           "trained": 0.5, "sized_subject": 0.25, "made_from": 0.0, "ours": 0.5, "sized": 0.25, "compared_heading": 0.0,
           "others": 0.0, "chinese": 1.0}


def build_inventory(doc: Doc, evidence: list[NameEvidence], config: ExtractConfig) -> Inventory:
    """The lines this document reports training for, scored by where it names them."""
    earlier = [Evidence(e.place, e.start, e.end, e.name) for e in evidence if e.place == "earlier"]
    text = doc_text(doc)
    # (a name presented as the lab's earlier model, "our previous model, X, a 3B reranker", is evidence of nothing
    # else where it stands: not an apposition introducing the text's model)
    presented = {e.start for e in earlier}
    evidence = [e for e in evidence if e.place != "earlier" and e.start not in presented
                and not _named_by_title_alone(e, text)]
    score: Counter = Counter()
    spelled: dict[tuple, Counter] = defaultdict(Counter)
    first: dict[tuple, int] = {}
    # a name the text measures against ("to match GPT-3", "compared with X") counts for nothing here
    sentence_starts = [start for start, _ in sentence_bounds(doc)]
    # ... nor does a lab's name its model's word stands in ("Marram Labs" beside "Marram-Rerank-v2")
    mentions = [(t._.model, t.idx) for t in tagged(doc, "MODEL") if t._.model
                and not _measured_against(t, sentence_starts) and not lab_word_at(text, t.idx + len(t.text))]
    keys = {name: line_key(name, config) for name in {name for name, _ in mentions}}
    masthead = _masthead(evidence, mentions, text, config)
    evidence = [e for e in evidence if line_key(e.name, config) != masthead]
    mentions = [(name, at) for name, at in mentions if keys[name] != masthead]
    for name, at in mentions:
        key = keys[name]
        if key[0]:
            spelled[key][line_name(name, config)] += 1
            first.setdefault(key, at)
    counts = Counter(keys[name] for name, _ in mentions)
    for key, n in counts.items():
        score[key] += math.log2(1 + n)
    for e in evidence:
        key = line_key(e.name, config)
        if not key[0]:
            continue
        score[key] += WEIGHTS[e.place]
        if e.place != "run_table":  # (a table's cells, often in capitals, are no spelling of the name's prose)
            spelled[key][line_name(e.name, config)] += 1
        first.setdefault(key, e.start)
    # (a line only named as another's, "Kestrel-4 reportedly used 30T tokens" in a lab's text, is never its main one)
    others = {line_key(e.name, config) for e in evidence if e.place == "others"} - {
        line_key(e.name, config) for e in evidence if e.place != "others"}
    scored, score = score, Counter({k: v for k, v in score.items() if k not in others})
    if not score:
        return Inventory(earlier=earlier)
    main_key = max(score, key=lambda k: (score[k], -first.get(k, 0)))
    # (what the title or the front matter names as a base is never the main line where they name another: the
    # fine-tune's text speaks of its base often, "my fine-tune of X -> Y" is Y's)
    bases = {line_key(e.name, config) for e in evidence if e.place == "base_model"}
    titled = {line_key(e.name, config) for e in evidence if e.place in ("title", "front_matter")} - bases
    if main_key in bases and (titled := {k for k in titled if k in score}):
        main_key = max(titled, key=lambda k: (score[k], -first.get(k, 0)))
    main_key = _specific(main_key, counts)
    # an earlier version of the main line that a sentence says was trained ("Saga-4 was trained on 8,000 H100s" in a
    # post on Saga-5) is the lab's earlier model: its figures are the lab's own, though no figure is the new model's
    earlier += [Evidence("earlier", e.start, e.end, e.name) for e in evidence
                if e.place == "trained" and earlier_generation(line_key(e.name, config), main_key)]
    written = {name for name, _ in mentions}
    starts, plans = sentence_starts, {}
    later = {k for k in score if _later_generation(k, main_key, config) and not _planned_line(
        k, mentions, keys, doc, starts, plans)}
    # a known family's other tiers are the text's own where it is their maker's (a card, a release note), not where
    # another's text tells them: a fine-tune's card, a review ("We tested X ...")
    makers = not (any(e.place == "base_model" for e in evidence) or TUNES_A_MODEL.search(text)
                  or USES_A_MODEL.search(text))
    reported = _reported_places(evidence, text, _named_above_all(main_key, counts), config)
    # (a tier of the main line's own release that a table of several labs' models lists is the lab's, though the
    # table names it as it names the others: "Glint 1.5 Lite" in a post on Glint 1.5)
    candidates = {k for k in scored if k not in others or k[:2] == main_key[:2]}
    # (ties by the first place named, then the key: a set's order changes from run to run, and the lines' order
    # decides which line a name is read as first)
    own = [main_key] + sorted((k for k in candidates if k != main_key and (k in later or _also_own(
        k, main_key, evidence, written, config, makers, reported))), key=lambda k: (-scored[k], first.get(k, 0), k))
    # (and a tier of another own line's release: "Aster-2 Flash" beside "Aster-2" in a report on Aster-1 and Aster-2)
    sizes = config.naming.size_words | config.naming.size_letters
    own += sorted((k for k in candidates if k not in own and any(_tier_of(k, line, sizes) for line in own[1:])),
                  key=lambda k: (first.get(k, 0), k))
    own += _made_from_own(own, evidence, config)
    main = _display(main_key, spelled)
    titled = [e.name for e in evidence if e.place in ("title", "front_matter", "file")
              and line_key(e.name, config) == main_key and size_of(e.name)]
    default = titled[0] if titled else _current_member(mentions, main_key, earlier, doc, config) or main
    inventory = Inventory(main=main, lines=[_display(k, spelled) for k in own],
                          default=strip_name(default, config.naming), earlier=earlier)
    for e in evidence:
        # (a size the text writes only in its plans, "we expect Heron-80B to need ...", is no member yet)
        if inventory.owns(e.name, config) and not (
                e.place in ("sized", "chinese") and _only_planned(inventory, e.name, e.start, doc, starts, plans,
                                                                  config)):
            inventory.add(e.name, Evidence(e.place, e.start, e.end, e.name), config)
    for name, at in mentions:
        if inventory.owns(name, config) and not _only_planned(inventory, name, at, doc, starts, plans, config):
            inventory.add(name, Evidence("mention", at, at + len(name), name), config)
    inventory.roles = _distillation_roles(doc, inventory, config)
    # a card's base model (its front matter's `base_model`): what "the base model" means in its sentences and headings
    base = next((e.name for e in evidence if e.place == "base_model"), "")
    if base and base.lower() != (inventory.default or main).lower():
        inventory.roles["base"] = base
    return inventory


# a distillation between two own models: "distilling X into Y", "Y was distilled from X", "X as the teacher"
DISTILLATION = re.compile(r"distil|teacher|student", re.I)
INTO = re.compile(r"\binto\b")
DISTILLED_FROM = re.compile(r"\bdistil\w*\b[^.;]{0,40}\bfrom\b", re.I)
AS_THE = re.compile(r"\s+as\s+(?:the\s+|a\s+|its\s+|our\s+)?(?P<role>teacher|student)\b", re.I)


def _distillation_roles(doc: Doc, inventory: Inventory, config: ExtractConfig) -> dict[str, str]:
    """The own models a distillation's sentence names as its teacher and its student, where the document says so
    of two of its own models ("we distil X into Y", "Y is distilled from X", "with X as the teacher"): what "the
    teacher" and "the student" mean in its other sentences. Empty where no sentence says so or two disagree."""
    text = doc_text(doc)
    if not DISTILLATION.search(text):
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    bounds = sentence_bounds(doc)
    # (the sentences a cue stands in, found from the cues: a sentence's text is made word by word)
    starts = [doc[start].idx for start, _ in bounds]
    for i in sorted({bisect_right(starts, m.start()) - 1 for m in DISTILLATION.finditer(text)} - {-1}):
        sent = doc[bounds[i][0]:bounds[i][1]]
        if not DISTILLATION.search(text, sent.start_char, sent.end_char):
            continue
        names = [t for t in tagged(sent, "MODEL") if t._.model and inventory.owns(t._.model, config)]
        if len({t._.model for t in names}) != 2:
            continue
        first, second = names[0], next(t for t in names if t._.model != names[0]._.model)
        between = text[first.idx + len(first.text):second.idx]
        if NOT_FROM.search(between):
            continue  # "distilled from a 70B teacher, X 70B, rather than from our own Y-70B": Y is no teacher
        role, named = next(((r, t) for t in (first, second) if (r := AS_THE.match(text, t.idx + len(t.text)))),
                           (None, None))
        if role is not None:
            other = second if named is first else first
            teacher, student = (named, other) if role.group("role").lower() == "teacher" else (other, named)
        elif INTO.search(between) and "distil" in text[sent.start_char:first.idx].lower():
            teacher, student = first, second  # "Distilling X into Y"
        elif DISTILLED_FROM.search(between):
            teacher, student = second, first  # "Y, a 4B model, was distilled from X"
        else:
            continue
        found["teacher"].add(teacher._.model)
        found["student"].add(student._.model)
    roles = {role: names.pop() for role, names in found.items() if len(names) == 1}
    # a role given by size alone ("from a 27B-parameter teacher", "the 9B student"): the own member of that size, where
    # the text gives that role one size and names no other lab's model as it ("a 70B teacher, Meta's X 70B")
    sized: dict[str, set[str]] = defaultdict(set)
    for m in SIZED_ROLE.finditer(text):
        after = doc.char_span(m.end(), min(len(text), m.end() + 60), alignment_mode="contract")
        # (another lab's model set beside the role: "a 70B teacher, Meta's X 70B, ...")
        named_other = after is not None and APPOSED_AFTER.match(text, m.end()) is not None and any(
            t._.model and not inventory.owns(t._.model, config) for t in after)
        sized[m.group("role").lower()].add("" if named_other else f"{m.group('size')}{m.group('unit').upper()}")
    for role, sizes in sized.items():
        members = {model.name for model in inventory.models if sizes == {model.size}}
        if role not in found and len(members) == 1:
            roles[role] = members.pop()
    return roles


APPOSED_AFTER = re.compile(r"\s*(?:,|\(|—|–|:)")
NOT_FROM = re.compile(r"\brather\s+than\b|\binstead\s+of\b|\bnot\s+(?:from|by)\b", re.I)
SIZED_ROLE = re.compile(r"(?<![\w.])(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>[BbMm])(?:-param(?:eter)?s?)?\s+"
                        r"(?P<role>teacher|student)\b")


def _only_planned(inventory: Inventory, name: str, at: int, doc: Doc, starts: list[int], plans: dict[str, bool],
                  config: ExtractConfig) -> bool:
    """A member the inventory does not hold yet, named in a sentence of plans ("X-120B is still in training and
    planned to reach 10T tokens"): no model of the document's yet, nor "the largest" of its sizes."""
    size = size_of(name)
    if not size or any(m.size == size and m.line == inventory.line_of(name, config) for m in inventory.models):
        return False
    span = doc.char_span(at, at + len(name), alignment_mode="expand")
    return span is not None and _speaks_of_plans(_sentence_text(span, starts), plans)


def _current_member(mentions: list[tuple[str, int]], main_key: tuple, earlier: list[Evidence], doc: Doc,
                    config: ExtractConfig) -> str:
    """The one size of the main line the document presents as trained now, where it calls its model by that sized
    name, always spelled alike, more often than by the line's name alone, and states no other size: not counting an
    earlier model of the lab's ("our previous model, X-8B") or one named only in plans ("we plan to train X-400B").
    That member is what a sentence naming no model is about; "" when there is none, or several. (A study of a family
    that names one size in passing, "three X models of 1B, 3B and 8B", or a changelog of releases stays the line's.)"""
    current: set[str] = set()
    sized = unsized = 0
    bounds = sentence_bounds(doc)
    starts = [start for start, _ in bounds]
    plans: dict[str, bool] = {}  # a sentence's text -> whether it speaks of plans (a sentence names many models)
    for name, at in mentions:
        if line_key(name, config) != main_key:
            continue
        size = size_of(name)
        sized, unsized = sized + bool(size), unsized + (not size)
        if not size or any(in_line(name, e.text, config) and size_of(e.text) == size for e in earlier):
            continue
        span = doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is not None and not _speaks_of_plans(_sentence_text(span, starts), plans):
            current.add(name)
    if len(current) != 1 or sized <= unsized:
        return ""
    name = current.pop()
    own = size_count(size_of(name))
    if not own:
        return ""
    texts = [span_text(doc[start:end]) for start, end in bounds]  # each of `doc.sents`' text
    # (a size of nothing, "0B", is no other model's: a changelog's "0B of new data")
    others = [s for text in texts if not PLAN_CUES.search(text) for m in BARE_SIZE.finditer(text)
              if (count := size_count(s := m.group(1).upper())) and abs(math.log(count / own)) > 0.1]
    return "" if others else name


def _speaks_of_plans(text: str, plans: dict[str, bool]) -> bool:
    """Whether a sentence's text speaks of plans, each text tested once (`plans` remembers it)."""
    if text not in plans:
        plans[text] = bool(PLAN_CUES.search(text))
    return plans[text]


def _sentence_text(span: Span, starts: list[int]) -> str:
    """`span.sent.text`, found in the doc's sentence starts (`sentence_bounds`) without building a Token for each
    word: from the start of the sentence holding the span's first token to the first sentence start at or after its
    end, as spaCy's `Span.sent` reads it."""
    doc, after = span.doc, bisect_left(starts, span.end)
    end = starts[after] if after < len(starts) else len(doc)
    return span_text(doc[starts[bisect_right(starts, span.start) - 1]:end])


# a parameter size standing alone ("1B, 3B and 8B parameters", "the 70B"), not a token count or part of a name
BARE_SIZE = re.compile(r"(?<![\w.-])(\d+(?:\.\d+)?[BM])\b(?![-\w]|\s*(?:tokens?|samples|pairs|images))")


def _measured_against(token: Token, sentence_starts: list[int]) -> bool:
    """A mention that follows a comparison in its last three words ("match GPT-3", "compared with X"), within its
    sentence (its start found in the doc's sentence starts, `sentence_bounds`, not by building `token.sent`)."""
    doc, start = token.doc, sentence_starts[bisect_right(sentence_starts, token.i) - 1]
    return bool(COMPARING.search(" ".join(t.text for t in doc[max(start, token.i - 3):token.i])))


def _specific(key: tuple, counts: Counter) -> tuple:
    """A title naming the family alone ("OLMo") means the version the text names most ("OLMo 2"); a title naming a
    method ("GRIN: ...") means the tier the text calls its model by far more often ("GRIN MoE")."""
    if not key[1]:
        versions = Counter({k: n for k, n in counts.items() if k[0] == key[0] and k[1] and k[2:] == key[2:]})
        if versions and versions.most_common(1)[0][1] > counts.get(key, 0):
            key = versions.most_common(1)[0][0]
    if not key[2] and not key[3]:
        tiers = Counter({k: n for k, n in counts.items() if k[:2] == key[:2] and k[2] and not k[3]})
        if len(tiers) == 1 and (top := tiers.most_common(1)[0])[1] >= max(3, 3 * counts.get(key, 0)):
            key = top[0]
    return key


# the places where a lab speaks of its own model ("we introduce X", "we trained a model, X", "our X", a card's front
# matter), or a title names the model the text is about
LAB_VOICE = {"introduces", "trained_own", "ours", "front_matter", "base_model", "title", "co_title"}
# what anyone may write of a model: "X is a mixture-of-experts model" (a register's, a news story's, a card's)
DESCRIBED = re.compile(r"\s+(?:is|are)\s+(?:an?|the|composed\s+of)\s")


def _in_lab_voice(evidence: NameEvidence, text: str) -> bool:
    """The evidence is a lab speaking of its own model, or a title naming the text's model (not a description)."""
    return evidence.place in LAB_VOICE and not (
        evidence.place == "introduces" and DESCRIBED.match(text, evidence.end, evidence.end + 30))

# the lab fine-tunes a named model: "We fine-tune Llama 4 Scout on ...", "Fine-tuning Llama 3 for law" (not a heading
# "Fine-tuning Data")
TUNES_A_MODEL = re.compile(r"\b[Ff]ine-?tun(?:e|es|ed|ing)\s+(?:the\s+|our\s+)?(?:[A-Z][\w.-]*\d|"
                           r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+v?\d)")
# ... or uses one: "We tested Claude 3 Opus for a week", "We deployed Llama 4 Maverick on 64 GPUs"
USES_A_MODEL = re.compile(r"\b[Ww]e\s+(?:\w+\s+)?(?:tested|test|evaluated|evaluate|deployed|deploy|benchmarked|"
                          r"served|serve|tried|ran|run|used|use)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*v?\d")


def _tier_of(key: tuple, line: tuple, sizes: frozenset[str] = frozenset()) -> bool:
    """`key` is `line` with one more tier that is no purpose: "DeepSeek-Coder-V2-Lite" of "DeepSeek-Coder-V2",
    "Aster-2 Flash" of "Aster-2" (a "-Coder" is a model made for a purpose, a line of its own), nor one of `sizes`
    ("T5-Small": a member of the line)."""
    added = set(key[2]) - set(line[2])
    return key[:2] == line[:2] and key[3] == line[3] and set(line[2]) <= set(key[2]) and len(added) == 1 and (
        (tier := added.pop()) not in PURPOSE_WORDS) and tier not in sizes


def _also_own(key: tuple, main: tuple, evidence: list[NameEvidence], written: set[str],
              config: ExtractConfig, makers: bool, reported: tuple[str, ...]) -> bool:
    """Lines beside the main one: where the main line is a whole release ("Qwen2.5"), its tiers
    ("Qwen2.5-Coder", "Qwen2.5-Math"); the main line with one more tier that is no purpose ("-Lite"); and a
    line the document introduces as its own ("we also release X").
    A post about one tier ("Qwen1.5-MoE") compares it with the others."""
    if key[0] == main[0] and key[1] == main[1] and not main[2] and not main[3]:
        return True
    if _tier_of(key, main):
        return True  # a tier of the same release: "DeepSeek-Coder-V2-Lite" beside "DeepSeek-Coder-V2"
    if key[:2] == main[:2] and key[3] == main[3] and len(key[2]) == len(main[2]) == 1 and not (
            {*key[2], *main[2]} & PURPOSE_WORDS) and (makers or main[0] not in configured_families(config.naming)):
        # a sibling tier of the same release: "Kestrel-3 Lite" beside "Kestrel-3 Pro"; of a known family where its
        # maker speaks ("We introduce Llama 4 Behemoth ... Llama 4 Scout")
        return True
    if key[0] == main[0] and any(e.place == "section" and line_key(e.name, config) == key and (
            key[2] or key[3] or re.search(r"\d", e.name)) for e in evidence):
        # a family's versions or members each get a section ("## Phi-2: scaling up", "### Wren-L"); a heading
        # naming the family alone ("LLAMA 3.1: NOTES") is about all of it
        return True
    glued = key[0][len(main[0]):]
    if main[0] and key[0].startswith(main[0]) and glued in PURPOSE_WORDS and key[1] == main[1] and any(
            line_key(name, config) == key and re.search(rf"(?i:{re.escape(main[0])})[A-Z]", name)
            for name in written | {e.name for e in evidence}):
        return True  # the family's name with a purpose glued on in capitals: its chat or code model ("AquilaCode-7B")
    if key[0] != main[0] and any(e.place == "base_model" and line_key(e.name, config)[0] == key[0] for e in evidence):
        return False  # a card's base of another family is the model it was tuned from, however the card describes it
    if any(e.place == "compared_heading" and line_key(e.name, config) == key for e in evidence):
        return False  # "### How does it compare with X?": a model measured against, however the text describes it
    # a card's base_model is its own line where it is of the card's family (the base of an instruct release), and so
    # are the rows of a table of runs ("Eider-S", "Eider-M", "Eider-L": tiers or versions the family trained) and a
    # model the lab trained on the way ("We first trained a dense model, Pallas-2B-Dense")
    # (a Chinese name the text also spells in Latin letters is own where it is of the main line's family and version:
    # another version is an earlier or a planned one, "惊鸿-2" in the report of 惊鸿-3; another family is another
    # lab's, written in both scripts as the text introduces it; and so is a sibling of the main line's release that a
    # sentence says was trained, "Sable-S 1B was trained on 1.8T tokens" in a report on distilling Sable-T)
    places = ("introduces", "co_title", "front_matter", "release") + (
        ("chinese", "trained") if key[:2] == main[:2] else ()) + (
        ("base_model", "run_table", "item", "trained_own", "ours") if key[0] == main[0] else ())
    if any(e.place == "co_title" for e in evidence):
        places += ("title",)  # a title that joins names ("T5 and UL2") makes each own, whichever the text names most
    return any(e.place in places + reported and line_key(e.name, config) == key for e in evidence)


def _reported_places(evidence: list[NameEvidence], text: str, one_above_all: bool, config: ExtractConfig
                     ) -> tuple[str, ...]:
    """Where a text no lab writes of its own model and whose title names none (a newsletter's estimates) names each
    model whose training it reports: a sentence opening on it as trained ("Pelham says X was trained", "X saw 15T
    tokens"), a lab's announcement, an apposition giving its size, a part it heads ("## Plover 2 (Marten Labs)"); and
    a row of a table of runs (a register's), where no "we trained" or "our runs" shows a lab's work either and the text
    is not about one model above all (`one_above_all`: a report in the third person tables others beside its own).
    None in a lab's text. (A title listing several models, "Tarrock-2, Veldt-Coder, Pennon-V and the big runs", is a
    round-up's, no lab's voice.)"""
    first_line = text.find("\n") % (len(text) + 1)
    round_up = len({line_key(e.name, config) for e in evidence if e.start < first_line}) >= 2
    if any(_in_lab_voice(e, text) and not (round_up and e.place in ("title", "co_title")) for e in evidence):
        return ()
    return ("announced", "reported", "apposition", "section") + (
        () if one_above_all or OWN_WORK_SAID.search(QUOTED.sub(" ", text)) else ("run_table",))


def _named_above_all(key: tuple, counts: Counter) -> bool:
    """Whether the text names the line three times as often as any other."""
    others = max((n for k, n in counts.items() if k != key), default=0)
    return counts.get(key, 0) >= 3 * others



# a document's number: letters, then a year and a serial number ("AIC-TN-2025-07", "TR-2024-113")
DOCUMENT_NUMBER = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*-(?:19|20)\d\d(?:-\d{1,4})?")
SERIES_NUMBER = re.compile(r"[A-Z]{1,5}(?:-[A-Z]{1,5})*-(?:19|20)\d\d-\d{1,4}")


def _masthead(evidence: list[NameEvidence], mentions: list[tuple[str, int]], text: str,
              config: ExtractConfig) -> tuple | None:
    """The line of a title's name that is the publication's, not a model's: a newsletter's or a blog's name over
    parts headed by two other models or more ("# FLOPwatch: four recent models" over "## Falcon 180B",
    "## Tessellate-2"), a family and version the text names nowhere below its title line. None where there is none (a
    family's name over parts for its tiers, "# Kestrel-3" over "## Kestrel-3 Mini" and "## Kestrel-3 Max", is its
    own)."""
    titled = {line_key(e.name, config) for e in evidence if e.place in ("title", "co_title")}
    end = text.find("\n", text.find("\n", 0, 200) + 1 if text.startswith("#") else 0)  # (a title line, below it)
    # (lines compared by family and version: "Pelican" over "## Pelican-3" is a masthead, "Kestrel-3" over "## Kestrel-3
    # Mini" is not)
    below = {line_key(e.name, config)[:2] for e in evidence if e.start > end and e.place not in ("title", "co_title")}
    below |= {line_key(name, config)[:2] for name, at in mentions if at > end}
    parts = {line_key(e.name, config)[:2] for e in evidence if e.place == "section" and e.start > end}
    unnamed = [k for k in titled if k[0] and k[:2] not in below]
    return unnamed[0] if len(unnamed) == 1 and len(parts - {unnamed[0][:2]}) >= 2 else None


def _named_by_title_alone(evidence: NameEvidence, text: str) -> bool:
    """A document's number a title gives that the text writes nowhere below its title line ("TECHNICAL NOTE
    AIC-TN-2025-07"): it names the document, not a model the text is about. (A model a short card names only in its
    title, "# Kestrel", keeps its name; so does a title the text does not hold, an HTML page's.)"""
    if evidence.place not in ("title", "co_title") or not DOCUMENT_NUMBER.fullmatch(evidence.name):
        return False
    if SERIES_NUMBER.fullmatch(evidence.name):
        return True  # a series' letters in capitals, a year and a serial ("TN-2026-03", "TR-2024-113"): a document's
    at = text.find(evidence.name)
    return at >= 0 and text.count(evidence.name) == 1 and text[:at].count("\n") <= 1  # (once, on a title line)


def _later_generation(key: tuple, main: tuple, config: ExtractConfig) -> bool:
    """A later generation of the main line's family, where no config lists that family ("Beacon-3" in a text on
    Beacon-1 first): the lab's own. Not the numbered release a line with more words builds on ("MiniCPM4" under
    "MiniCPM-SALA", another team's base); not an earlier one, the lab's own only where the text gives its figures as
    such (facts._earlier_own); not one beside an unnumbered main line (Inventory.is_numbered_sibling)."""
    return (key[0] == main[0] and bool(key[1]) and bool(main[1]) and key[1] != main[1]
            and not (main[2] or main[3] or key[2] or key[3]) and main[0] not in configured_families(config.naming)
            and earlier_generation(main, key))  # (versions both read and this one the later: not "Beacon-2024")


def _planned_line(key: tuple, mentions: list[tuple[str, int]], keys: dict[str, tuple], doc: Doc,
                  starts: list[int], plans: dict[str, bool]) -> bool:
    """Whether the text names the line only in sentences of plans ("Beacon-4 will be trained on 20T tokens"): no
    model yet. (A line it never names in a sentence counts as planned: nothing shows it trained.)"""
    spans = [doc.char_span(at, at + len(name), alignment_mode="expand") for name, at in mentions if keys[name] == key]
    return all(span is None or _speaks_of_plans(_sentence_text(span, starts), plans) for span in spans)


def _made_from_own(own: list[tuple], evidence: list[NameEvidence], config: ExtractConfig) -> list[tuple]:
    """Lines a sentence says were made from an own line ("X-Code 9B continues X-2 9B on 1.4T tokens of code"), in
    text order, once each: the lab's own too (a model made from another lab's is that lab's derivative)."""
    found: list[tuple] = []
    for e in evidence:
        key = line_key(e.name, config)
        if e.place == "made_from" and key[0] and key not in own and key not in found and line_key(
                e.made_from, config) in own:
            found.append(key)
    return found


def _display(key: tuple, spelled: dict[tuple, Counter]) -> str:
    """The line's most written spelling, one in mixed case over one in capitals where the text has both (a heading's
    "2.1 HERON-7B" is no spelling of "Heron"; a repository's "mpt-7b" is none of "MPT")."""
    names = spelled.get(key)
    if not names:
        return " ".join(p for p in (key[0], key[1]) if p)
    ranked = [name for name, _ in names.most_common()]
    return next((name for name in ranked if not name.isupper() and not name.islower()), ranked[0]) if (
        ranked[0].isupper()) else ranked[0]

