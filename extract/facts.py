"""From a Document to Facts: run the pipeline, let each rule family read its matches, read the tables,
attribute every fact to a model, and tie it to its span, sentence and page."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import numpy
from floptrail.corpus.document import Document
from floptrail.extract.attribution import (
    NOMINAL,
    OWN_CUES,
    PRONOUN_OPENING,
    SIZE_TEXT,
    Attribution,
    Section,
    member_name,
    prose_model,
    role_of,
    section_model,
    sections,
    semicolon_part,
    size_mention,
    size_mentions,
    with_size,
)
from floptrail.extract.canonical import (
    FOOTNOTE_MARKS,
    PURPOSE_WORDS,
    peel,
    prepare,
    signature,
    size_count,
    size_word,
    strip_name,
)
from floptrail.extract.config import ExtractConfig
from floptrail.extract.config_blocks import ConfigValue, config_values
from floptrail.extract.fact_cues import Sentences, appendix_start, fact_features
from floptrail.extract.front_matter import FrontMatterValue, front_matter_range
from floptrail.extract.front_matter import emissions as front_matter_emissions
from floptrail.extract.inventory import Evidence, Inventory, in_line, line_name, size_of
from floptrail.extract.inventory_build import build_inventory
from floptrail.extract.matching import RuleMatcher
from floptrail.extract.names import (
    COMPARED_IN,
    COMPARING,
    MODEL_HEADER,
    RUN_CODE_WORD,
    NameEvidence,
    aliased,
    cjk_stems,
    declared_aliases,
    is_name,
    lab_word_at,
    latin_stems,
    name_stems,
    not_models,
    own_chinese_names,
    own_names,
    respelled,
    respellings,
    theirs_in_title,
    written_as_a_lab,
)
from floptrail.extract.numbers import CJK_APPROX, parse_quantity
from floptrail.extract.pieces import PIECE_CHARS, pieces
from floptrail.extract.pipeline import (
    build_pipeline,
    doc_text,
    parse,
    sent_text,
    sentence_bounds,
    span_text,
    tag_as_model,
    tagged,
)
from floptrail.extract.records import POST_TRAINING_STAGES, UNITS, Extraction, Fact, Rejection, fact_id
from floptrail.extract.rules import FAMILIES
from floptrail.extract.rules.base import (
    ASIDE,
    AUX_MODEL_AFTER,
    AUX_MODEL_BEFORE,
    AUX_MODEL_SUBJECT,
    AUX_MODEL_TRAINED,
    CAPABILITY_CUES,
    CITED_WORK,
    CLAUSE_END,
    DATA_WORK,
    EVALUATION_WORK,
    EXPECTED,
    EXPERIMENT_CUES,
    FUTURE_OPENING,
    HYPOTHETICAL,
    INVENTORY_ROW,
    NEGATED,
    OTHER_WORK_ROW,
    PLAN_CUES,
    READER_CUES,
    SUM_OVER_MODELS,
    UNIT_DEFINITION,
    Reading,
    about_use,
    clause_bounds,
    figure_stage,
    in_a_test_run,
    parameter_size,
    sized_runs,
    speaks_of_unnamed_models,
    text_stage,
    used_not_trained,
)
from floptrail.extract.rules.dates import RELEASE_DATE, RELEASE_NUMBER
from floptrail.extract.rules.duration import MAX_HOURS
from floptrail.extract.rules.sizes import (
    MEMBER_NOUNS,
    SIZES_OFFERED,
    TUNED_BESIDE_BASE,
    size_list,
    slash_listed_value,
    tuned_name,
)
from floptrail.extract.sections import (
    TRAINING_WORDS,
    code_ranges,
    inside,
    other_runs_ranges,
    reference_ranges,
    table_header_ranges,
    use_ranges,
)
from floptrail.extract.shared_figures import RESPECTIVE, SHARED_KINDS, for_each_member, listed_members, ranked_group
from floptrail.extract.tables import (
    DATA_HEADER,
    MODELS_TOTAL_LABEL,
    RUN_FIGURE_KINDS,
    Cell,
    Table,
    TableValue,
    column_heading,
    find_tables,
    group_label,
    header_kind,
    of_runs,
    own_organization,
    repo_label,
    row_repo,
    size_heading,
    size_label,
    table_at,
    table_captions,
    table_values,
)
from spacy.attrs import IDX, LENGTH, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# hardware, time and energy named in a sentence about inference or serving are not training facts
RUN_KINDS = {"hardware", "chip_count", "duration_hours", "chip_hours", "energy_kwh", "emissions_tco2e"}
RUN_FIGURES = RUN_FIGURE_KINDS | RUN_KINDS - {"hardware"} | {"cost_usd"}  # the figures a training run has
# what a sentence without a quantity or chip needs to hold for a rule to match in it
_MATCHABLE = re.compile(r"\d|\b(?i:days?|weeks?|months?)\b|[一两二三四五六七八九十]个?[天周月]")
_LIST_SEPARATORS = {",", "and", "or", "&", "/", "—", "-", "–", "、", "和", "及", "与", "或", "，"}


class Extractor:
    """Holds the built pipeline and matcher; `extract(document)` is pure given the config."""

    def __init__(self, config: ExtractConfig, nlp: Language | None = None, piece_chars: int = PIECE_CHARS):
        self.config = config
        self.piece_chars = piece_chars  # a longer document is read in pieces of at most this many characters
        self.nlp = nlp or build_pipeline(config)
        prepare(config.naming)
        self.matcher = RuleMatcher(self.nlp.vocab)
        self.readers = {}
        for family in FAMILIES:
            for rule, patterns in family.PATTERNS.items():
                self.matcher.add(rule, patterns)
                self.readers[rule] = family.read

    def extract(self, document: Document) -> list[Fact]:
        return self.read(document).facts

    def read(self, document: Document) -> Extraction:
        """The document's inventory, then every fact attributed against it. A long document is read in
        pieces, so memory stays bounded (extract/pieces.py); its inventory is the first piece's."""
        if len(document.text) <= self.piece_chars:
            return self._read_whole(document)
        facts, rejected, inventory = [], [], None
        for piece in pieces(document, self.piece_chars):
            extraction = self._read_whole(piece.document)
            inventory = inventory or extraction.inventory
            for f in extraction.facts:
                if (place := piece.place(f.start, f.end, document)) is not None:
                    facts.append(replace(f, **place, fact_id=fact_id(document.doc_id, place["start"], place["end"],
                                                                     f.kind)))
            rejected += extraction.rejected
        return Extraction(sorted(facts, key=lambda f: (f.start, f.kind)), inventory, rejected)

    def _read_whole(self, document: Document) -> Extraction:
        tools = not_models(document.text, document.title, self.config)
        latin = latin_stems(document.text, self.config)
        evidence = own_names(document, self.config) + own_chinese_names(document.text, document.title, latin)
        # (a reference list's "Introducing X: a new open LLM" is another lab's post)
        references = reference_ranges(document.text)
        evidence = sorted((e for e in evidence if e.name.lower() not in tools and not (
            e.end and any(a <= e.start < b for a, b in references))), key=lambda e: (e.start, e.place))
        aliases = declared_aliases(document.text, self.config)
        # (a short name's stem is read as a name in the text, as a sized name's is: "MM" of "MM-47B")
        stems = [s for s in name_stems(evidence + [NameEvidence(a, "sized", 0, 0) for a in aliases], self.config)
                 if s.lower() not in tools]
        stems += [s for s in cjk_stems(document.text, document.title) if s not in stems]

        scripts = respellings(latin, document.text, document.title)

        def written_out(name: str) -> str:
            # a short name the document defines is the model it stands for; a model named in two scripts is written
            # in the one the document uses most
            return respelled(aliased(name, aliases), scripts)

        evidence = [replace(e, name=written_out(e.name)) for e in evidence]
        doc = parse(self.nlp, document.text, self.config, stems, tools)
        for token in doc if aliases or scripts else ():
            if token._.model:
                token._.model = written_out(token._.model)
        evidence += self._title_mentions(document, stems, tools)
        # a model the title says the lab learns from or answers ("What Helix Prime taught us") is no model of its own,
        # however the text describes it
        # (that model's line, not its family: "Argent-2, and what we learned from Argent-1" releases Argent-2)
        theirs = {e.name for e in evidence if e.place == "compared_heading" and theirs_in_title(document.title, e.name)}
        evidence = [replace(e, place="compared_heading") if any(in_line(e.name, t, self.config) for t in theirs) else e
                    for e in evidence]
        inventory = build_inventory(doc, evidence, self.config)
        _tag_short_names(doc, inventory, self.config)  # (after the inventory: the names written in full decide it)
        tables = find_tables(document.text)
        secs = sections(doc, inventory, self.config, document.text, tables)
        front = front_matter_range(document.text)
        # code blocks and a card's front matter are no statements: a configuration's keys are read apart (below)
        configs = code_ranges(document.text) + ([front] if front else [])
        skipped = references + table_header_ranges(tables) + configs
        # hardware and time in a part on running the model, or in a table of its speed, are what running it takes
        # (and a log of a run's interruptions tells the time and chip-hours they lost, not the run's)
        in_use = use_ranges(document.text, about_use) + _usage_tables(tables) + _loss_logs(tables)
        readings = self._readings(doc, skipped, in_use, own_teacher="teacher" in inventory.roles)
        # a count read as active parameters is not also a total ("36B parameters are active"; but in "12B of the 80B
        # parameters are active" the active count is the part before, read at the whole's token)
        active = {i for (i, kind, start), (_, r) in readings.items()
                  if kind == "active_params" and start in (None, r.token.idx)}
        kept = [(rule, r) for (i, kind, _), (rule, r) in readings.items()
                if not (kind == "params" and i in active) and r.value != 0]
        other_runs = other_runs_ranges(document.text)
        own_sizes = _own_sizes(inventory, kept, other_runs)
        kept = [(rule, r) for rule, r in kept
                if not _about_other_models(r, other_runs, own_sizes) and not _of_a_generic_model(r)]
        values = [tv for tv in table_values(tables, self.config.benchmark_for, table_captions(document.text, tables))
                  if tv.value != 0 and not inside(tv.cell.start, skipped)
                  and not (tv.kind in RUN_KINDS and inside(tv.cell.start, in_use))]
        context = _Context(document, doc, inventory, secs,
                           respective=respectively([r for _, r in kept], _members_in_order(inventory)),
                           tables=tables, own_organization=own_organization(tables), other_runs=other_runs,
                           own_sizes=own_sizes,
                           row_params=_row_params(values),
                           run_tables=_run_tables(tables, values),
                           tiered_lines=_tiered_lines(doc, self.config.naming.size_words))
        # a table reads a cell with its row and column, so it wins over a prose reading of the same cell
        read = [(tv, f) for tv in values if (f := self._table_fact(context, tv)) is not None]
        # "| TPU v5e chips | 256 | 512 |", "| Model | H100 GPUs |": the chip each model's count is of is the chip it
        # was trained on, a fact of each model's (not one of the row's label for the document's main model)
        counts = [(tv, f) for tv, f in read if f.kind in ("chip_count", "chip_hours") and f.hardware]
        chip_rows = [(tv.row_start, tv.row_end) for tv, _ in counts]
        facts = [f for _, f in read]
        for _, count in counts:
            facts.append(chip := _chip_of(count))
            context.how[chip.fact_id] = context.how[count.fact_id]
        taken = {(f.start, f.kind) for f in facts}
        facts += [f for rule, r in kept if ((f := self._fact(context, rule, r)).start, f.kind) not in taken
                  and not (f.kind == "hardware" and inside(f.start, chip_rows))]
        facts += [self._front_matter_fact(context, value) for value in front_matter_emissions(document.text)]
        # (a configuration block's keys, in a part on training: not one on running or tuning the model)
        facts += [self._config_fact(context, value) for value in config_values(document.text, configs)
                  if not inside(value.start, in_use) and (value.start, value.kind) not in taken]
        facts = sorted(_unique_spans(facts), key=lambda f: (f.start, f.kind))
        # (one model, one name: a heading's "2.1 HERON-7B (7B)" gives Heron-7B's parameters)
        facts = [replace(f, model=inventory.uncapitalised(f.model)) for f in facts]
        facts = [_about_every_member(f, inventory, self.config, context.how) for f in facts]
        facts = _sizes_as_tiers(facts, inventory, self.config)
        facts = [each for f in facts for each in self._for_each_listed(context, f)]
        facts, rejected = _within_bounds(facts, self.config.bounds)
        appendix, sentences = appendix_start(document.text), Sentences(doc, sentence_bounds(doc))
        features = {f.fact_id: fact_features(f, context.how.get(f.fact_id, ""), len(document.text), appendix,
                                             inventory.owns(f.model, self.config), sentences) for f in facts}
        facts, doubtful = self._judge(facts, features)
        rejected += doubtful
        for f in facts:
            if f.role == "subject" and f.model and f.qualifier != "planned":  # (a model planned is none yet)
                inventory.add(f.model, Evidence(f"fact:{f.kind}", f.start, f.end, f.quote[:80]), self.config)
        return Extraction(facts, inventory, rejected, features)

    def _readings(self, doc: Doc, skipped: list[tuple[int, int]], in_use: list[tuple[int, int]],
                  own_teacher: bool = False) -> dict[tuple[int, str, int | None], tuple[str, Reading]]:
        """What the rules read, one reading per (token, kind, start), with the rule that read it; a teacher's run is
        read where the document's own distillation names its teacher (`own_teacher`)."""
        readings: dict[tuple[int, str, int | None], tuple[str, Reading]] = {}
        for sentence in self.sentences_to_match(doc):
            # a match stays inside its sentence ("Parameters: 20B. Training tokens: 1T" is no count of 20B tokens)
            matches = self.matcher(sentence, allow_missing=True)  # TAG and POS are ours
            if not matches:
                continue  # (most sentences match nothing: their cues go untested)
            text = sent_text(sentence)
            if (READER_CUES.search(ASIDE.sub("", text)) or SUM_OVER_MODELS.search(text) or UNIT_DEFINITION.search(text)
                    or BASELINE_OPENING.match(text)
                    or CAPABILITY_CUES.search(text) or NEGATED.search(text)
                    or _helper(AUX_MODEL_TRAINED.search(text), own_teacher)
                    or (text.lstrip().startswith("|") and (OTHER_WORK_ROW.match(text.lstrip().lstrip("|")) or (
                        INVENTORY_ROW.match(text.lstrip().lstrip("|")) and not any(t._.model for t in sentence))))):
                # advice to the reader, a sum over models, a unit defined, a baseline's run, a capability, what was
                # not done, another model trained on the way (a reward model, a tokenizer), a row of other work
                # (evaluation, storage)
                continue
            # (the figures of a remark to the reader are the reader's: "(if you start from our checkpoint, 2 days)")
            asides = [(sentence.start_char + m.start(), sentence.start_char + m.end()) for m in ASIDE.finditer(text)]
            for match_id, start, end in matches:
                span = sentence[start:end]
                rule = self.nlp.vocab.strings[match_id]
                found = self.readers[rule](rule, span, self.config)
                if not found or inside(span.start_char, skipped + asides) or _axis_tick(span):
                    continue  # (most matches read nothing, so the reader goes first)
                # (a range's two ends each a reading, a bound its exact figure where the text gives it after)
                found = [_exact_for_bound(part, doc_text(doc), span.end_char) for r in found
                         for part in _range_ends_apart(r)]
                for reading in found:
                    if reading.kind in RUN_KINDS and (used_not_trained(reading.token) or DATA_WORK.search(text)
                                                      or EVALUATION_WORK.search(text)
                                                      or inside(span.start_char, in_use)):
                        continue
                    if _helpers_clause(reading.token, own_teacher):
                        continue  # a classifier's or a reward model's run, told in the figure's clause
                    if _hypothetical(reading.token) and not (reading.kind == "cost_usd" and PRICED.search(text)
                                                             and not UNRUN.search(text)):
                        continue  # a run that did not happen (not the run that did, priced: "would have cost $2M at
                        # on-demand rates")
                    if SUCCESSOR.search(text) and (_planned(reading.token) or _future(reading.token)):
                        continue  # a plan for the model after this one, which no model here is
                    if reading.kind == "params" and (AUX_MODEL_AFTER.match(doc_text(doc), span.end_char) or (
                            AUX_MODEL_BEFORE.search(doc_text(doc), max(0, span.start_char - 80), span.start_char))):
                        continue  # "a 150M-parameter classifier": a model used on the way, not the release
                    # ("Total / active: 152B / 27B" pairs its counts with its labels: no list of one kind)
                    # ("4T tokens for the 4B, 7.5T for the 15B": an item listed for its member ends no list)
                    others = [] if rule in ("params_slashed", "flop_listed", "tokens_listed") else coordinated(reading)
                    if reading.kind == "params" and not reading.member_size and SIZES_OFFERED.search(text):
                        # "offers three model sizes: a 3 billion-parameter model ..., a 7 billion-parameter model"
                        reading = replace(reading, member_size=size_word(reading.value).upper())
                    if others and reading.kind == "params" and not reading.member_size:
                        # the last of "7B, 13B and 65B"
                        reading = replace(reading, member_size=reading.token.text.rstrip(".,;:")
                                          if reading.token._.is_size else size_word(reading.value).upper())
                    for r in [reading, *others, *broken_down(reading), *set_against(reading)]:
                        readings.setdefault((r.token.i, r.kind, r.start), (rule, r))
        return readings

    @staticmethod
    def sentences_to_match(doc: Doc) -> Iterator[Span]:
        """The sentences a rule can match in: every pattern holds a quantity, a chip, a digit ("8x", "bf16", a
        year) or a day, week or month word ("a single day"), and most sentences of a report hold none."""
        bounds = sentence_bounds(doc)
        if not bounds:
            return
        # (a sentence's anchors and text found from the doc's arrays, without a Span for each sentence)
        tags, offsets, lengths = doc.to_array([TAG, IDX, LENGTH]).T
        anchors = numpy.isin(tags, [doc.vocab.strings["QTY"], doc.vocab.strings["CHIP"]])
        anchored = numpy.logical_or.reduceat(anchors, [start for start, _ in bounds]).tolist()
        ends = (offsets + lengths).tolist()  # each token's end in the text
        offsets, text = offsets.tolist(), doc_text(doc)
        for (start, end), anchor in zip(bounds, anchored, strict=True):
            if anchor or _MATCHABLE.search(text[offsets[start]:ends[end - 1]]):
                yield doc[start:end]

    def _judge(self, facts: list[Fact], features: dict[str, dict[str, float]]) -> tuple[list[Fact], list[Rejection]]:
        """Each fact with its confidence; those below the model's threshold are rejected with it."""
        model = self.config.confidence
        if model is None:
            return facts, []
        kept, rejected = [], []
        for f in facts:
            f = replace(f, confidence=round(model.score(features[f.fact_id]), 3))
            if f.confidence < model.threshold:
                rejected.append(Rejection(f, f"confidence {f.confidence:.2f} is below {model.threshold:.2f}"))
            else:
                kept.append(f)
        return kept, rejected

    def _title_mentions(self, document: Document, stems: list[str], tools: frozenset[str]) -> list[NameEvidence]:
        """The model names the title holds, whole ("Llama 3.1 405B"), as the pipeline reads them."""
        title = parse(self.nlp, document.title, self.config, stems, tools) if document.title else []
        out = []
        for t in title:
            # ("K2: a model outperforming Llama 2 70B": a name the title measures against is not its subject, and
            # "Marram Labs technical note" names the lab)
            if t._.model and not COMPARED_IN.search(document.title, 0, t.idx) and not lab_word_at(
                    document.title, t.idx + len(t.text)) and not written_as_a_lab(t._.model, document.text):
                at = document.text.find(t._.model, 0, 5000)
                place = "compared_heading" if theirs_in_title(document.title, t.text) else "title"
                out.append(NameEvidence(t._.model, place, max(at, 0), max(at, 0) + len(t._.model)))
        return out

    def _fact(self, context: _Context, rule: str, r: Reading) -> Fact:
        document, inventory = context.document, context.inventory
        sent = r.token.sent
        attribution = prose_model(r.token, inventory, context.sections, self.config)
        if r.kind in ("params", "active_params") and (named := _name_after_size(r.token)) and (
                named not in attribution.model and inventory.owns(named, self.config)):
            # "the 1.8B-parameter Canto-XL": the own model it sizes ("the 13-billion-parameter Llama 2" is already
            # "Llama 2 13B"; "a 1.5B parameter GPT-2 model" is one of the document's, built like GPT-2)
            attribution = Attribution(named, "sized_name")
        if r.token.i in context.respective:
            named = context.respective[r.token.i]
            if SIZE_TEXT.fullmatch(named):  # a member named by its size alone, of the line the sentence is about
                line = inventory.line_of(attribution.model, self.config) if attribution.model else ""
                named = member_name(inventory, line, named, self.config) if line else ""
            attribution = Attribution(named, "respectively") if named else attribution
        if r.member_size and attribution.how != "respectively" and (listed := _sizes_listed_after_name(r.token)):
            attribution = Attribution(listed, "size_list")
        size, heading = size_heading(context.tables, r.token.idx), column_heading(context.tables, r.token.idx)
        own_repo = False
        unnamed = attribution.how in ("default", "section", "pronoun")
        if size and unnamed:
            # "| 125M | 350M |" over "| ~3 days | ~6 days |": a column's figure is the model of its size
            line = inventory.line_of(attribution.model, self.config)
            attribution = Attribution(member_name(inventory, line, size, self.config), "column_size") if line else (
                attribution)
        elif heading and unnamed and (inventory.owns(heading, self.config) or is_name(heading, self.config)) and (
                header_kind(heading) is None):  # ("| Cost at $2/GPU hour |" heads a kind of figure, not a model)
            # "| Stage | Foo-7B | Foo-1B |" over "| 1 | 4.6T tokens | 3.3T tokens |": the column's own model; a
            # column headed by another lab's model ("| Training GPUs | 1,024 H100 | 1,920 H100 |") is that model's
            attribution = Attribution(heading, "column_name")
        elif unnamed and (group := group_label(context.tables, r.token.idx)) and (
                named := _first_in(context.doc, group.start, group.end, "model")):
            attribution = Attribution(named, "row_group")  # a row going on with the group above names its model
        elif unnamed and (repo := row_repo(context.tables, r.token.idx)):
            # "| rinna/japanese-gpt2-medium | 336M | 45 days |": the model the row's repository holds, the document's
            # own unless the tables show another organization to be the document's
            attribution = Attribution(repo[1], "row_repo")
            own_repo = repo[0].lower() == context.own_organization or not context.own_organization
        mention = attribution.model
        # ("Pibroch-Base" beside "Pibroch-Small" and "Pibroch-Large": a tier, not the pretrained release "-Base" marks)
        model = mention if _base_tier(mention, context.tiered_lines) else strip_name(mention, self.config.naming)
        stage = figure_stage(sent, *_span(r))
        if attribution.how in ("default", "section", "pronoun", "size", "rank") and stage in POST_TRAINING_STAGES:
            # "整个对齐阶段在 64 张 A800 上用时约 40 小时" (the alignment took 40 hours on 64 A800s): a stage after
            # pretraining, in a sentence naming no model (or one by its size: "SFT for the 27B model took 11 hours"),
            # made the one fine-tune the document names of that model
            variant = _fine_tune_named_before(sent, mention, inventory, self.config) or _only_fine_tune(
                mention, inventory, self.config)
            if variant:  # a fine-tune with a line of its own ("WrenChat-7B") is its own model too
                mention = variant
                model = model if peel(variant, self.config.naming).tuned else strip_name(variant, self.config.naming)
        # a size written as a model's ("8B and 70B") names a member; a count in words ("2.5 billion and 8.5 billion
        # parameters") only one the document has
        if r.member_size and attribution.how != "respectively" and (r.kind != "params" or re.search(
                r"\d[BMT]\b", r.token.text) or SIZES_OFFERED.search(span_text(sent)) or any(
                m.size and math.isclose(size_count(m.size), r.value, rel_tol=1e-6) for m in inventory.models)):
            # "comes in 8B and 70B": the 8B model
            model = with_size(model, r.member_size, inventory, self.config, listed=len(size_list(r.token)) > 1)
        # a sentence opening on another work and its citation is about that work unless it names an own model
        about_cited_work = bool(CITED_WORK.search(span_text(sent))) and not any(
            t._.model and inventory.owns(t._.model, self.config) for t in sent)
        low, high = (r.low, r.high) if r.low is not None else (
            _range_ends(r.token._.qty, r.value) if r.start is None else (None, None))
        start, end = _span(r)
        qualifier = "planned" if _planned(r.token) else r.qualifier or (
            "approximate" if CJK_APPROX_BEFORE.search(document.text, max(0, start - 6), start) else "")
        role = "cited" if about_cited_work else "subject" if own_repo else role_of(model, inventory, self.config)
        if role == "cited" and self._earlier_own(inventory, model) and (
                attribution.how == "relative_clause" or not _compared_with_another_line(
                sent, inventory, self.config)):
            # "Our previous model, X, was trained on 1T tokens", "Saga-4 had 70B parameters" in a post on Saga-5:
            # the document gives the lab's earlier model's own figures (a sentence measuring the new model against
            # X quotes X's; a table's column of X beside the new one is `_table_role`'s, which leaves it cited)
            role = "subject"
        how = "cited_work" if about_cited_work else attribution.how
        context.how[fact_id(document.doc_id, start, end, r.kind)] = how
        if r.member_size and role == "subject" and qualifier != "planned" and size_of(model):
            # "comes in 8B and 70B sizes": the sizes are members, which later sentences may name by rank ("our
            # smaller model")
            inventory.add(model, Evidence("size_list", start, end, model), self.config)
            for variant in _tuned_members(model, mention, span_text(sent), self.config):
                inventory.add(variant, Evidence("size_list", start, end, variant), self.config)
        return Fact(
            fact_id=fact_id(document.doc_id, start, end, r.kind), doc_id=document.doc_id,
            source=document.source, kind=r.kind, value=r.value,
            unit=r.unit or UNITS[r.kind], model=model, model_mention=mention, hardware=r.hardware,
            page=document.page_of(start), start=start, end=end,
            quote=_quote(sent), rule=rule, qualifier=qualifier, stage=stage,
            role=role, low=low, high=high,
        )

    def _table_fact(self, context: _Context, tv: TableValue) -> Fact | None:
        document, doc, inventory = context.document, context.doc, context.inventory
        main = section_model(tv.cell.start, context.sections) or inventory.default
        repo, own_label = None, False
        if tv.across:
            # models across the top: a column whose header names no model cannot be attributed
            (mention, size), how = _column_name(tv.column_cells, doc, document.text), "column"
            if mention and not size_of(mention) and size:
                # a header wrapped or stacked over two rows, the name above its size ("Larkspur-" over "1B")
                line = inventory.line_of(mention, self.config)
                mention = member_name(inventory, line, size, self.config) if line else f"{mention} {size}"
                how = "column_stacked"
            if not mention:
                header = tv.column_header.strip("* ")
                size = size_label(header)  # a column headed "7B" or "1B-A400M": the own model of that size
                mention = member_name(inventory, inventory.line_of(main, self.config), size, self.config) if (
                    size and main) else ""
                how = "column_size"
                if not mention and main and header.lower() in self.config.naming.size_words:
                    # "| | Base | Large | XL |" over "| Days | 4.5 | 9 | 22 |": the member named by a size in words
                    mention, how = f"{strip_name(main, self.config.naming)} {header}", "column_tier"
            if not mention:
                return None
        else:
            label = tv.row_label
            # (the model column is looked up only where the label names no other work: it scans the table)
            if label is not None and (OTHER_WORK_ROW.match(label.text) or _inventory_row(context, tv, label) or (
                    (named_in := _model_column_cell(context.tables, tv)) is not None
                    and OTHER_WORK_ROW.match(named_in.text)) or (
                    MODELS_TOTAL_LABEL.match(label.text) and (tv.kind == "chip_count" or _sums_other_work(
                        context.tables, tv)))):
                # a reward model's or a classifier's run, an evaluation, storage, research at large ("| FY2025 |
                # Research compute (all) |"), a total of other work or of chips over runs: not the release's run
                return None
            mention = _first_in(doc, label.start, label.end, "model") if label else ""
            how = "row_label"
            if not mention and label is not None and (SIZE_LEAD.match(label.text.strip("* ")) or
                                                      RELEASE_LABEL.fullmatch(label.text.strip("* "))):
                # "| 7B | Foo-7B-Chat-4K |", "| 7B-16k | ... | lmsys/vicuna-7b-v1.5-16k |": a row labelled by its size
                # (or its release) names its model in another cell, by name or by its repository
                mention = _first_in(doc, label.end, tv.row_end, "model")
                if not mention and (mention := _repo_in_row(document.text[label.end:tv.row_end])):
                    own_label = True  # rows told apart by size list one family's releases: the document's own
            elif not mention and label is not None and (cell := _model_column_cell(context.tables, tv)) is not None:
                # "| Dense | Paperwing 4B | 4.1B |": a row labelled by its group (an architecture, a stage; maybe in a
                # row above) names its model in the table's model column
                mention = _first_in(doc, cell.start, cell.end, "model")
                how = "row_model_column" if mention else how
            elif not mention and label is not None and RUN_CODE_WORD.fullmatch(label.text.strip("* ")):
                # "| CSM-DS-04 | Distillation, Castellan-2 Mini | 2,048 |": a row labelled by its run's code names
                # the run's model in another cell, if any
                mention = _first_in(doc, label.end, tv.row_end, "model")
                how = "row_run" if mention else how
            elif not mention and label is not None and PART_LABEL.match(label.text.strip("* ")):
                # "| Language model | Qwen2.5-7B-Instruct (Qwen team) | 7.6B |": a part of the release, the model
                # another cell names
                mention = _first_in(doc, label.end, tv.row_end, "model")
                how = "row_part" if mention else how
            # (rows of sizes under a paragraph on another lab's model are that model's: "Both start from Meta's
            # LLaMA, whose paper reports the cost below" over "| 7B | 82,432 |")
            if not mention and label is not None and (entry := _entry_model(context, tv)):
                mention, how = entry, "row_entry"  # "| Model | X |" over "| Reported compute (FLOP) | 3.1e25 |"
            led = _led_in_by_another(context, tv, self.config) if not mention and label is not None else ""
            if tv.table_sizes:
                line = led or _line_of_sizes(tv.table_sizes, inventory)
                if not line:
                    return None
                mention, how = member_name(inventory, line, size_label(tv.row_label.text.strip("* ")), self.config), (
                    "row_size")
            if not mention and label is not None and (size := size_label(label.text.strip("* "))) and (led or main):
                line = led or inventory.line_of(main, self.config)
                mention, how = member_name(inventory, line, size, self.config), "row_size"
            if how == "row_size" and inside(tv.cell.start, context.other_runs) and not _any_own_size(
                    {size_of(mention)}, context.own_sizes):
                return None  # "| 150M | 30B |" in a part on proxy runs: a run of a size no release has
            # "| kakaobrain/kogpt | 6.0B |": the model the repository holds, another lab's unless the organization is
            # the document's own; the whole name, not a family inside it ("rinna/japanese-gpt2-medium" is no GPT-2)
            repo = repo_label(label.text) if label is not None and mention != (label.text.strip("* ")) else None
            if repo and mention != repo[1]:
                # (a label whose words name an own model stays the document's, under its repository's name)
                own_label = bool(mention) and inventory.owns(mention, self.config)
                mention, how = repo[1], "row_repo"
            if not mention and label is not None and (named := _sized_label(
                    label.text, inventory, self.config, _beside_own_rows(context, tv.cell.start, self.config))):
                mention, how = named, "row_name"
            tier = label.text.strip("* `").lower() if label is not None else ""
            if not mention and main and tier in self.config.naming.size_words:
                # "| mini | 125 M |", "| huge | 120 B |": a member named by a size in words
                mention, how = f"{strip_name(main, self.config.naming)} {tier}", "row_tier"
            if not mention and label is not None and MODELS_TOTAL_LABEL.match(label.text) and _sums_models(
                    doc, context.tables, tv) and (line := inventory.line_of(main, self.config)):
                # "| Total | | 32.5 | 4.80 |" under rows of the line's models: their sum, the line's and no one member's
                mention, how = line, "row_total"
            if not mention and inside(tv.cell.start, context.other_runs):
                return None  # a row naming no model, in a part on experiments or others' work: not the release's run
            if not mention:
                mention, how = main, "default"
                # (the row's size: its label's, its own cell's, or its parameter column's for its other cells)
                count = size_count(tv.nominal_size) if tv.nominal_size else tv.value if tv.kind == "params" else (
                    context.row_params.get(tv.row_start, 0))
                if _configuration_row(label, count or 0, inventory, self.config) or _numbered_rows(tv, context.tables):
                    return None
            mention = inventory.spelling(mention, self.config)  # a row's "1B-400M" is the member "1B-A400M"
        # a row named by a size in words keeps it, "base" too ("| base | 1.3 B |" is a member, not the pretrained
        # release a name's "-Base" marks)
        kept = how in ("row_tier", "column_tier") or _base_tier(mention, context.tiered_lines)
        model = mention if kept else strip_name(mention, self.config.naming)
        if tv.nominal_size and how != "row_model_column" and not self._tier_restated(context, tv, model):
            # (a model column names the row's model whole)
            model = with_size(model, tv.nominal_size, inventory, self.config)  # "Llama 3.2 | 1B (1.23B)": the 1B
        row = document.text[tv.row_start:tv.row_end]
        # the chip the count's own cell names ("| 512 × A100 | 1,024 × H100 |" across two models), else the row's,
        # else the column's ("| H100 GPUs |")
        hardware = (_first_in(doc, tv.cell.start, tv.cell.end, "chip")
                    or _first_in(doc, tv.row_start, tv.row_end, "chip")
                    or _chip_named(tv.column_header, self.config)) if tv.kind in ("chip_hours", "chip_count") else ""
        context.how[fact_id(document.doc_id, tv.cell.start, tv.cell.end, tv.kind)] = f"table_{how}"
        return Fact(
            fact_id=fact_id(document.doc_id, tv.cell.start, tv.cell.end, tv.kind), doc_id=document.doc_id,
            source=document.source, kind=tv.kind, value=tv.value, unit=tv.unit or UNITS[tv.kind], model=model,
            model_mention=mention, hardware=hardware, page=document.page_of(tv.cell.start), start=tv.cell.start,
            end=tv.cell.end, quote=" ".join(row.split()), rule=f"table_{tv.kind}",
            qualifier="sum" if how == "row_total" else tv.qualifier,
            role="subject" if own_label else self._table_role(context, tv, model, repo), low=tv.low, high=tv.high,
            # ("| SFT | 64 | 10h |": a row labelled by a stage is that stage's run; not one naming a model, "| X-Chat,
            # fine-tuned | 8B |", whose figures are the model's)
            stage=text_stage(tv.row_label.text) if tv.row_label is not None and not tv.across and not _first_in(
                doc, tv.row_label.start, tv.row_label.end, "model") else "",
        )

    def _tier_restated(self, context: _Context, tv: TableValue, model: str) -> bool:
        """A row's model named by its tier ("| Finch-3.5-mini | 3.8B |"), in one row of its table only: the size
        restates the member the tier names (rows of one tier told apart by size, "Foo-Lite | 1B" and "Foo-Lite |
        3B", are not)."""
        if not signature(model, self.config.naming).tiers:
            return False
        table = table_at(context.tables, tv.cell.start) or []
        return sum(1 for _, cells in table if any(model in cell.text for cell in cells)) == 1

    def _for_each_listed(self, context: _Context, fact: Fact) -> list[Fact]:
        """The fact, or a copy for each own model a list right before it names ("X-3B and X-7B were trained on
        1T tokens")."""
        how = context.how.get(fact.fact_id, "")
        if fact.kind not in SHARED_KINDS or how.startswith("table") or how in ("respectively", "cited_work"):
            return [fact]
        line = context.inventory.line_of(fact.model, self.config)
        members = listed_members(context.doc, fact.start, fact.end, line, context.inventory, self.config)
        if not members:
            return [fact]
        doc_id = context.document.doc_id
        copies = for_each_member(fact, members, self.config, lambda m: fact_id(doc_id, fact.start, fact.end,
                                                                                f"{fact.kind}@{m}"))
        for f in copies:
            context.how[f.fact_id] = "listed"
        return copies

    def _table_role(self, context: _Context, tv: TableValue, model: str, repo: tuple[str, str] | None) -> str:
        """subject for an own model, a repository of the document's organization, or a model the row says was
        made from an own model ("| Flan-X-XL | X-11B |" under "Base"): the document's own fine-tune."""
        if repo and repo[0].lower() == context.own_organization:
            return "subject"
        inventory = context.inventory
        role = role_of(model, inventory, self.config)
        if role == "cited" and self._earlier_own(inventory, model) and self._releases_table(context, tv):
            return "subject"  # a row of the lab's earlier release ("| Lantern v1 | 2.8B |" in Lantern v2's changelog)
        base = tv.base_cell
        made_from = _first_in(context.doc, base.start, base.end, "model") if role == "cited" and base else ""
        return "subject" if made_from and inventory.owns(made_from, self.config) else role

    def _earlier_own(self, inventory: Inventory, model: str) -> bool:
        """Whether `model` is an earlier release of the lab's own: an earlier version of the main line, a numbered
        release of its family, or a model the text calls its previous one."""
        return (inventory.is_earlier(model, self.config) or inventory.is_numbered_sibling(model, self.config)
                or inventory.presents_earlier(model, self.config))

    def _releases_table(self, context: _Context, tv: TableValue) -> bool:
        """Whether the table of `tv` gives training runs' figures and every model it names is the lab's own, earlier
        releases included: a table of its releases (a comparison with other labs' models, or of parameters and
        scores only, shows an earlier one as a column to measure against)."""
        table = table_at(context.tables, tv.cell.start)
        if not table or not table[-1][1] or table[0][0] not in context.run_tables:
            return False
        if table[0][0] not in context.releases_tables:  # (asked for each cell: read each table once)
            span = context.doc.char_span(table[0][0], table[-1][1][-1].end, alignment_mode="expand")
            inventory = context.inventory
            context.releases_tables[table[0][0]] = span is not None and all(
                inventory.owns(t._.model, self.config) or self._earlier_own(inventory, t._.model)
                for t in span if t._.model)
        return context.releases_tables[table[0][0]]

    def _config_fact(self, context: _Context, v: ConfigValue) -> Fact:
        document = context.document
        model = section_model(v.start, context.sections) or context.inventory.default
        return Fact(
            fact_id=fact_id(document.doc_id, v.start, v.end, v.kind), doc_id=document.doc_id, source=document.source,
            kind=v.kind, value=v.value, unit=UNITS[v.kind], model=strip_name(model, self.config.naming),
            model_mention=model, hardware="", page=document.page_of(v.start), start=v.start, end=v.end,
            quote=v.quote, rule="config_key",
        )

    def _front_matter_fact(self, context: _Context, v: FrontMatterValue) -> Fact:
        kind, document, main = "emissions_tco2e", context.document, context.inventory.default
        return Fact(
            fact_id=fact_id(document.doc_id, v.start, v.end, kind), doc_id=document.doc_id, source=document.source,
            kind=kind, value=v.tonnes, unit=UNITS[kind], model=strip_name(main, self.config.naming),
            model_mention=main, hardware="", page=document.page_of(v.start), start=v.start, end=v.end,
            quote=v.quote, rule="front_matter_co2_eq_emissions", stage=v.stage,
        )


# a sentence about every size of a line: "the entire Llama 3.1 collection", "both models", "all three sizes"
EVERY_MEMBER = re.compile(r"\b(?:both|all|each|every|entire|whole)\b(?:\s+[\w.-]+){0,3}?\s+(?:models?|sizes?|"
                          r"variants?|series|family|families|collection|versions?|of\s+them)\b"
                          # ... or "both" and "all" as the sentence's subject: "Both were trained on 7T tokens", "All
                          # ran on A100s" (not "both were deduplicated" of two datasets, in a clause of its own)
                          r"|^\W*(?:both|all)\s+(?:were|are|have|had|ran|used|saw|shared?|received|consumed|took|went|"
                          r"completed|finished)\b"
                          # a total across them: "4.2M GPU hours across the three sizes", "三个基座模型的预训练合计"
                          r"|\bacross\s+(?:the\s+)?(?:two|three|four|five|six|[2-9])\s+(?:\w+\s+)?"
                          r"(?:models|sizes|variants)\b"
                          r"|[两三四五六]个[^，。；]{0,8}模型[^，。；]{0,12}(?:合计|总计|共计)"
                          # "两个基座模型均在 H800 集群上训练" (both base models were trained on H800s),
                          # "（两个模型相同）" (the same for both models)
                          r"|[两三四五六]个[^，。；]{0,8}模型(?:均|都|相同|一样)", re.I)


def _column_name(cells: tuple[Cell, ...], doc: Doc, text: str) -> tuple[str, str]:
    """The model the nearest cell above a value names ("" when none does), and the size right under that name on a
    row whose label is empty ("| Model | Larkspur |" over "| | 1B |"; "" where the cell under the name is a figure of
    a labelled row, "| Tokens | 2T |")."""
    named = next(((k, m) for k, c in enumerate(cells) if (m := _first_in(doc, c.start, c.end, "model"))), None)
    if named is None:
        return "", ""
    k, model = named
    if not k:
        return model, ""
    under = cells[k - 1]
    line = text[text.rfind("\n", 0, under.start) + 1:under.start]
    label = line.split("|")[1] if line.lstrip().startswith("|") and line.count("|") >= 2 else "?"
    return model, size_label(under.text.strip("* ")) if not label.strip("* \t") else ""


# what says a paragraph reports another work's own figures: "Meta's LLaMA, whose paper reports ...", "as the X paper
# gives them", "according to X"
REPORTED_BY = re.compile(r"['’]s\b|\bwhose\b|\breport(?:s|ed)?\b|\baccording\s+to\b|\bpaper\b|\bcard\b", re.I)


def _led_in_by_another(context: _Context, tv: TableValue, config: ExtractConfig) -> str:
    """The line of the one model the paragraph right above a table names, where it is another lab's and the paragraph
    reports that work's figures, not in the lab's own voice ("Both projects start from Meta's LLaMA, whose paper
    reports the cost below"; not "Like LLaMA, our models come in two sizes:", nor a passing mention, "Hyperparameters
    follow those of LLaMA, listed below"); "" else."""
    table = table_at(context.tables, tv.cell.start)
    text = context.document.text
    above = text[:table[0][0]].rstrip() if table else ""
    start = max(above.rfind("\n\n"), len(above) - 400, 0)
    span = context.doc.char_span(start, len(above), alignment_mode="expand") if above else None
    names = {t._.model for t in span if t._.model} if span is not None else set()
    if len(names) != 1 or OWN_CUES.search(above[start:]) or not REPORTED_BY.search(above[start:]) or (
            context.inventory.owns(name := names.pop(), config)):
        return ""
    return line_name(name, config)  # (its rows give the sizes: "Llama-2-7B" over "| 13B |" is Llama 2's 13B)


def _line_of_sizes(sizes: tuple[str, ...], inventory: Inventory) -> str:
    """The own line a table of sizes lists: the document's one line where it names a member of those sizes; in a
    report on several lines (two families), the one with most members of those sizes, two or more; else ""."""
    counts = [size_count(s) for s in sizes]

    def known(line: str) -> int:
        return sum(any(math.isclose(size_count(m.size), c, rel_tol=1e-6) for c in counts)
                   for m in inventory.models if m.line == line and m.size)

    best = max(inventory.lines, key=known, default="")
    return best if best and known(best) >= (1 if len(inventory.lines) == 1 else 2) else ""


# a row labelled by a part of a composite model: "| Vision encoder | ... |", "| Language model | ... |"
PART_LABEL = re.compile(r"(?i)^(?:vision|image|audio|speech|text)\s+(?:encoder|tower|backbone)"
                        r"|^(?:language|base)\s+model|^(?:llm|backbone|decoder|encoder)$")


def _only_fine_tune(name: str, inventory: Inventory, config: ExtractConfig) -> str:
    """The one fine-tune the document names of the model `name` names (its member, or its line with one member),
    "" when it names none or several, or `name` is a fine-tune already."""
    if peel(name, config.naming).tuned:
        return ""
    core = strip_name(name, config.naming)
    matches = [m for m in inventory.models if core in (m.name, m.line)]
    variants = {v for m in matches for v in m.variants}
    # a fine-tune named as a line of its own, the family with its purpose glued on ("AquilaChat-7B" of Aquila-7B)
    glued = {((m.line + suffix).lower(), m.size) for m in matches for suffix in config.naming.tuned_suffixes}
    variants |= {o.name for o in inventory.models if o.size and ({(o.line.lower(), o.size), (o.line.lower(), "")}
                                                                  & glued)}
    return variants.pop() if len(variants) == 1 else ""


def _fine_tune_named_before(sent: Span, name: str, inventory: Inventory, config: ExtractConfig) -> str:
    """The fine-tune of the model `name` names that the two sentences before `sent` name last ("X-30B-Instruct is
    trained in two steps: ... The RL step ran for 5 days on 128 chips": X-30B-Instruct, where the document also
    has X-8B-Instruct), "" when they name none."""
    core, doc, start = strip_name(name, config.naming), sent.doc, sent.start
    for _ in range(2):
        if start <= 0:
            break
        before = doc[start - 1].sent
        for t in reversed(before):
            model = t._.model
            if model and peel(model, config.naming).tuned and inventory.owns(model, config) and core in (
                    strip_name(model, config.naming), inventory.line_of(model, config)):
                return model
        start = before.start
    return ""


def _chip_named(text: str, config: ExtractConfig) -> str:
    """The chip a label names in one word or two ("H100 GPUs", "TPU v4 chips", "GPU hours (H800)"), "" when none."""
    words = [w for w in re.split(r"[\s()（）\[\],;/]+", text) if w]
    pairs = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
    return next((chip for phrase in pairs + words if (chip := config.chip_for(phrase))), "")


def _about_every_member(fact: Fact, inventory: Inventory, config: ExtractConfig, how: dict[str, str]) -> Fact:
    """A sentence about every size at once that names no model ("Both models were trained on H100s") is about the
    line, which its members inherit in estimation, not about the one member it would otherwise give. (One that
    names the members gives each its own fact: shared_figures.)"""
    if fact.role != "subject" or fact.kind in ("params", "active_params") or not size_of(fact.model):
        return fact
    line = inventory.line_of(fact.model, config)
    if how.get(fact.fact_id) not in ("default", "section", "pronoun") or not line or not EVERY_MEMBER.search(
            fact.quote):
        return fact
    return replace(fact, model=strip_name(line, config.naming), model_mention=line)


@dataclass(frozen=True)
class _Context:
    """What attributing one document's facts needs."""

    document: Document
    doc: Doc
    inventory: Inventory
    sections: list[Section]
    how: dict[str, str] = field(default_factory=dict)  # fact_id -> how its model was found (for its confidence)
    respective: dict[int, str] = field(default_factory=dict)  # token index -> the name "respectively" pairs it with
    tables: list[Table] = field(default_factory=list)
    own_organization: str = ""  # the organization most table rows name as "org/model" (tables.own_organization)
    other_runs: list[tuple[int, int]] = field(default_factory=list)  # the parts on other runs (other_runs_ranges)
    own_sizes: set[str] = field(default_factory=set)  # the own models' sizes named outside those parts (_own_sizes)
    row_params: dict[int, float] = field(default_factory=dict)  # table row start -> its parameter count, where given
    run_tables: set[int] = field(default_factory=set)  # where the tables that give a training run's figures start
    tiered_lines: set[str] = field(default_factory=set)  # lines the text names by a size in words (_tiered_lines)
    releases_tables: dict[int, bool] = field(default_factory=dict)  # table start -> a table of the lab's releases?


def _sizes_as_tiers(facts: list[Fact], inventory: Inventory, config: ExtractConfig) -> list[Fact]:
    """A member named by its size ("Wicket-2 1.55B", of "the 1.55B model") is the tier the text gives that size
    ("| Wicket-2 Large | 1.55B |"), where one tier of the line has it: one model, one name."""
    tiers: dict[str, list[tuple[float, str]]] = {}
    for f in facts:
        if (f.kind == "params" and f.role == "subject" and f.value and f.model and not size_of(f.model)
                and (line := inventory.line_of(f.model, config)) and line != f.model):
            tiers.setdefault(line, []).append((f.value, f.model))

    def tier_of(model: str) -> str:
        size = size_of(model)
        line = inventory.line_of(model, config) if size else ""
        if not line or model != f"{line} {size}":
            return model
        count = size_count(size)
        named = {name for value, name in tiers.get(line, []) if abs(value - count) <= NOMINAL * count}
        return named.pop() if len(named) == 1 else model

    return [replace(f, model=tier_of(f.model)) for f in facts] if tiers else facts


def _tiered_lines(doc: Doc, size_words: frozenset[str]) -> set[str]:
    """The lines (in lower case) the text names by a size in words other than "base" ("Pibroch-Small", "Atlas-T
    Large"): in such a family "Base" is a tier too."""
    named = {t._.model for t in tagged(doc, "MODEL") if t._.model}
    return {m.group(1).lower() for name in named if (m := TIER_ENDING.fullmatch(name))
            and m.group(2).lower() in size_words - {"base"}}


TIER_ENDING = re.compile(r"(.+?)[-_ ]([A-Za-z]+)")


def _base_tier(mention: str, tiered_lines: set[str]) -> bool:
    """Whether a name's "Base" is a tier of a family named by sizes in words ("Pibroch-Base" beside "Pibroch-Large"),
    not the pretrained release a name's "-Base" marks."""
    return bool((m := TIER_ENDING.fullmatch(mention)) and m.group(2).lower() == "base"
                and m.group(1).lower() in tiered_lines)


def _run_tables(tables: list[Table], values: list[TableValue]) -> set[int]:
    """Where each table that gives a training run's figures (tokens, chips, time, compute, energy, cost) starts: not
    one of parameters and benchmark scores only."""
    return {table[0][0] for tv in values if tv.kind in RUN_FIGURES and (table := table_at(tables, tv.cell.start))}


# "They are trained using 128 and 256 GPUs": a sentence about the models the one before it named, in order
# (and in Chinese: "三个模型分别在 ..." the three models, respectively, "它们" they, "这些模型" these models)
PLURAL_OPENING = re.compile(r"^\W*(?:They|These (?:two |three )?models|The (?:two|three) models)\b"
                            r"|^\W*(?:这)?[两三四五]个(?:基座)?模型|^\W*(?:它们|这些模型)")


# the words of a grade, a language or a use that end many models' names, and English words besides ("Flash attention",
# "Large batches", "mostly Python"): never a model's short name alone
COMMON_ENDINGS = {"small", "medium", "large", "mini", "tiny", "huge", "giant", "nano", "lite", "light", "max", "plus",
                  "pro", "ultra", "turbo", "flash", "standard", "omni", "vision", "math", "coder", "edge", "fast",
                  "python", "java", "rust", "english", "chinese", "japanese", "korean", "arabic", "french", "german",
                  "spanish", "hindi", "multilingual", "legal", "medical", "finance", "reasoning", "thinking", "search",
                  "embedding", "reward", "guard", "safety", "speech", "voice", "image", "video", "realtime", "preview",
                  "beta", "alpha"}


def _tag_short_names(doc: Doc, inventory: Inventory, config: ExtractConfig) -> None:
    """Tag an own model's last word written alone as that model, where it is a code name of its own ("Llama 4
    Scout", then "Scout was trained on ..."): a capitalised word of four letters or more after the name's version,
    that ends one model's name only, and is no word of a grade, a language or a use ("Pro", "Python", "Instruct" end
    many names, and the text writes them for themselves), nor one the configs say names no model. Where one such name
    is another lab's model, none is read so: a card of one tier names its siblings by their code names too."""
    generic = COMMON_ENDINGS | PURPOSE_WORDS | config.naming.not_names
    ends: dict[str, set[str]] = {}
    for token in tagged(doc, "MODEL"):
        words = token._.model.split()
        if len(words) > 1 and any(c.isdigit() for c in words[-2]) and words[-1].isalpha() and words[-1].istitle() and (
                len(words[-1]) >= 4 and words[-1].lower() not in generic):
            ends.setdefault(words[-1], set()).add(token._.model)
    short = {word: name for word, (name, *more) in ends.items() if not more}
    if not all(inventory.owns(name, config) for name in short.values()):
        return
    for token in doc if short else ():
        if token.text in short and not token._.model and token.tag_ not in ("QTY", "CHIP"):
            tag_as_model(token, short[token.text])


def respectively(readings: list[Reading], sizes_in_order: list[str] = ()) -> dict[int, str]:
    """"Falcon-7B and Falcon-40B were trained on 1.5 and 1 trillion tokens respectively": the figures of one
    kind pair, in order, with the names before them (token index -> name), and so do figures set against each
    other ("X needed half the compute of Y (2800 vs 6300 petaflop days)"); and a list of figures in a sentence
    that opens on "They" pairs with the names of the sentence before ("X and Y are MoE models. They are trained
    using 128 and 256 GPUs"). A sentence's only figures of a kind, listed as one, pair so without the word ("The 4B
    and 1B models were trained on slices of 512 and 256 chips"); and a list "for the three sizes" names none, so
    it pairs with `sizes_in_order`, the main line's members from the smallest, as such lists are written. A list
    with "respectively" and no names before it pairs with the names after it, else with the sentence before's."""
    by_clause: dict[tuple[int, int, str], list[Reading]] = {}
    for r in readings:
        scope = semicolon_part(r.token)
        by_clause.setdefault((scope.start, scope.end, r.kind), []).append(r)
    pairs = {}
    for (start, end, _), group in by_clause.items():
        group = sorted({r.token.i: r for r in group}.values(), key=lambda r: r.token.i)
        if _each_after_its_name(group):
            continue  # "Gemma 7B on 4,096 chips and Gemma 2B on 512": each figure its own name's, however the clause
            # began ("... 3T and 6T tokens respectively, both on TPUv5e: ...")
        scope, sentence = group[0].token.doc[start:end], sent_text(group[0].token)
        if ranked := _ranked_pairs(group, scope, sizes_in_order):
            pairs.update(ranked)
            continue
        implicit = False  # a list paired without "respectively": only with names that are one list themselves
        if not (RESPECTIVE.search(span_text(scope)) or PLURAL_OPENING.match(sentence)):
            implicit = len(group) > 1 and _one_list(group)
            if not implicit and len(group) > 2:
                pairs.update(_clause_list_paired(group))
            group = group if implicit else [r for r in group if _set_against(r)]
            if not group:
                continue
        first = group[0].token
        names = list(dict.fromkeys(_names_with_listed_sizes(scope, first.i)))
        if implicit and not (_names_one_list(scope, first.i) or _names_each_for_a_figure(scope, first.i)):
            names = []  # "X, initialised from Y, was trained for 3 and 12 days": no list of models
        if not names and PLURAL_OPENING.match(sentence) and first.sent.start > 0 and _one_list(group):
            names = _names_before(first.sent, len(group))
        if not names and not any(t._.model for t in scope):
            # "The 1B, 3B and 8B models were trained on 2T, 4T and 9T tokens respectively": sizes name the members
            names = _listed_sizes(first.doc[scope.start:first.i])
        if not names and _one_list(group) and EVERY_SIZE.match(doc_text(first.doc), group[-1].token.idx + len(
                group[-1].token.text)):
            names = _in_order_of_values(group, sizes_in_order)
        if not names and RESPECTIVE.search(span_text(scope)) and _one_list(group):
            # the names after the list ("... went to X-1B and X-3B respectively"), else, with none of its own, the
            # list of the sentence before ("We release X-160M, X-410M and X-1.4B. Each is trained on 1T, 2T and 4T
            # tokens respectively"): a list of as many
            names = _names_after(group, scope.end)
            if len(names) != len(group):
                names = _names_before(first.sent, len(group)) if first.sent.start > 0 else []
            names = names if len(names) == len(group) else []
        if len(group) > 1 and len(names) == len(group):
            pairs.update({r.token.i: name for r, name in zip(group, names, strict=True)})
        elif len(group) > 2 and RESPECTIVE.search(sent_text(first)):
            pairs.update(_last_list_paired(group) or _clause_list_paired(group))
    return pairs


def _ranked_pairs(group: list[Reading], scope: Span, sizes_in_order: list[str]) -> dict[int, str]:
    """"X-8B took 21 days and the smaller two 9 and 14 days", "the other two saw 2T and 4T tokens respectively": the
    figures after a group of members named by rank or as the rest, and before any other name, pair in order with
    its members from the smallest (token index -> name); {} when they are not as many as the members."""
    doc, by_group = scope.doc, {}
    for r in group:
        if members := ranked_group(doc[scope.start:r.token.i], sizes_in_order):
            by_group.setdefault(tuple(members), []).append(r.token.i)
    return next(({i: name for i, name in zip(at, members, strict=True)} for members, at in by_group.items()
                 if len(at) == len(members) > 1), {})


def _each_after_its_name(group: list[Reading]) -> bool:
    """Whether each of several figures follows a name of its own since the figure before it ("X-7B on 4,096 chips and
    X-2B on 512"), the names all different."""
    doc, names, since = group[0].token.doc, [], group[0].token.sent.start
    for r in group:
        named = [t._.model for t in doc[since:r.token.i] if t._.model]
        if not named:
            return False
        names.append(named[-1])
        since = r.token.i + 1
    return len(group) > 1 and len(set(names)) == len(names)


# right after a list: "1.6e21, 8.7e21 and 1.1e23 FLOPs for the three sizes", "... for the two models respectively"
# (not "for the three models we compare against")
EVERY_SIZE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?for\s+(?:the|our|its|all)\s+(?:two|three|four|five|six|[2-9])\s+"
                        r"(?:sizes|models|variants)\b(?!\s+(?:we|that|which|from|of|in)\b)", re.I)


def _in_order_of_values(group: list[Reading], sizes_in_order: list[str]) -> list[str]:
    """The members a list of one kind's figures pairs with: from the smallest where the figures rise, from the
    largest where they fall, none where they do neither."""
    values = [r.value for r in group]
    if all(a < b for a, b in zip(values, values[1:], strict=False)):
        return list(sizes_in_order)
    if all(a > b for a, b in zip(values, values[1:], strict=False)):
        return list(reversed(sizes_in_order))
    return []


def _tuned_members(member: str, mention: str, sentence: str, config: ExtractConfig) -> list[str]:
    """The fine-tunes of a listed size that its sentence names: "X-Instruct comes in 7B and 13B" (the flavour
    named, "X-Instruct 7B"), "two sizes, 1.5B and 9B, each with a Base and a Chat model" ("X-1.5B Chat")."""
    tuned = [f"{mention} {size_of(member)}"] if peel(mention, config.naming).tuned and not size_of(mention) else []
    for word in dict.fromkeys(next(w for w in m.groups() if w) for m in TUNED_BESIDE_BASE.finditer(sentence)):
        tuned.append(tuned_name(member, word))
    return list(dict.fromkeys(tuned))


def _names_after(group: list[Reading], end: int) -> list[str]:
    """"1T and 2T tokens went to X-1B and X-3B respectively", "... for the 1B and 3B models respectively": the one
    list of names, or of sizes of models, between a list of figures and token `end` ("1B and 3B MoE models, with
    400M and 800M active respectively" sizes figures, no models)."""
    words = group[0].token.doc[group[-1].token.i + 1:end]
    if any(t._.model for t in words):
        return list(dict.fromkeys(_names_with_listed_sizes(words, end))) if _names_one_list(words, end) else []
    sizes = [t for t in words if parameter_size(t)]
    return _listed_sizes(words) if sizes and sizes[-1].i + 1 < end and sizes[-1].nbor().lower_ in MEMBER_NOUNS else []


def _names_one_list(sent: Span, before: int) -> bool:
    """Whether the names before token `before` are one list ("X-1B and X-8B", "the 4B and 1B models"): only
    separators and sizes between them."""
    named = [t for t in sent.doc[sent.start:before] if t._.model]
    return all(all(t.is_space or t.lower_ in _LIST_SEPARATORS or t._.is_size for t in sent.doc[a.i + 1:b.i])
               for a, b in zip(named, named[1:], strict=False))


def _names_each_for_a_figure(sent: Span, before: int) -> bool:
    """Whether each name before token `before` is the one a figure of its own is for ("139 MWh for X-2B and 53 MWh
    for X-1B, or 49 and 18 tCO2e", "30 days for X-2B and 12 days for X-1B, using 512 and 256 GPUs"), and no other
    models come between (`OTHER_MODELS_NOUN`): the list goes with them in the same order."""
    doc = sent.doc
    named = [t for t in doc[sent.start:before] if t._.model]
    return len(named) > 1 and all(t.i - 2 >= sent.start and doc[t.i - 1].lower_ == "for" and any(
        x._.qty is not None for x in doc[max(sent.start, t.i - 4):t.i - 1]) for t in named) and not (
        OTHER_MODELS_NOUN.search(doc[named[-1].i + 1:before].text))


# a subject of other models between the names and the list: "...; the fine-tuned chat versions took 4 and 2 days"
OTHER_MODELS_NOUN = re.compile(r"\b(?:versions?|variants?|models?|ones|siblings?|counterparts?|baselines?|"
                               r"checkpoints?)\b", re.I)


def _members_in_order(inventory: Inventory) -> list[str]:
    """The main line's sized members, smallest first."""
    line = inventory.main
    return [m.name for m in sorted((m for m in inventory.models if m.line == line and m.size),
                                   key=lambda m: size_count(m.size))]


def _names_before(sent: Span, count: int) -> list[str]:
    """The names of the nearest of the three sentences before `sent` that names any (a heading may stand between);
    of "X 系列 ... 包括 X-2B、X-9B 和 X-27B", the `count` members listed, not the series named before them nor
    their fine-tunes."""
    doc, start, names = sent.doc, sent.start, []
    for _ in range(3):
        if start <= 0 or names:
            break
        before = doc[start - 1].sent
        names, start = list(dict.fromkeys(_names_with_listed_sizes(before, before.end))), before.start
    sized = [n for n in names if size_of(n)]
    # (and not a fine-tune named after its base: "X-13B-Chat" beside "X-13B")
    sized = [n for n in sized if not any(n.startswith((m + "-", m + " ")) for m in sized if m != n)]
    return sized if len(sized) == count else names


def _last_list_paired(group: list[Reading]) -> dict[int, str]:
    """"X-1B saw 2T tokens, whereas X-3B and X-8B were trained for 3T and 6T tokens respectively": the last list
    of figures pairs with the names right before it, the figures before the list keep their own models."""
    tail = _last_list(group)
    names = list(dict.fromkeys(_names_with_listed_sizes(tail[0].token.sent, tail[0].token.i)))
    if len(tail) < 2 or len(names) < len(tail):
        return {}
    return {r.token.i: name for r, name in zip(tail, names[-len(tail):], strict=True)}


def _last_list(group: list[Reading]) -> list[Reading]:
    """The figures that end a sentence's group as one list ("512 and 1,024"), at least its last one."""
    tail = [group[-1]]
    for r in reversed(group[:-1]):
        if not _one_list([r, tail[0]]):
            break
        tail.insert(0, r)
    return tail


def _clause_list_paired(group: list[Reading]) -> dict[int, str]:
    """"X-34B was trained on 4,096 GPUs; the 2B and 8B models used partitions of 512 and 1,024": a clause's list of
    figures pairs with the list of sizes its clause opens on, the figures before it keep their own models."""
    tail = _last_list(group)
    first = tail[0].token
    # (a clause ends at a semicolon, or at a comma before "while" or "whereas")
    separators = [t.i for t in first.doc[first.sent.start:first.i] if t.text in (";", "；") or (
        t.text == "," and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("while", "whereas"))]
    if len(tail) < 2 or not separators:
        return {}
    sizes = _listed_sizes(first.doc[separators[-1] + 1:first.i])
    return {r.token.i: size for r, size in zip(tail, sizes, strict=True)} if len(sizes) == len(tail) else {}


def _listed_sizes(words: Span) -> list[str]:
    """The sizes of one list ("1B, 3B and 8B"), when the words hold one list of sizes and no other size (token
    totals sized in trillions, "on 2T, 4T and 9T tokens", are no models' sizes)."""
    sizes = [t for t in words if parameter_size(t) and not t._.model]
    if not sizes or any(not (t._.is_size or t.is_space or t.lower_ in _LIST_SEPARATORS)
                        for t in words.doc[sizes[0].i:sizes[-1].i]):
        return []
    return [t.text.rstrip(".,;:").upper() for t in sizes]


def _listed_counts(reading: Reading) -> list[Reading]:
    """The counts before a chip count in one list that ends on "and" or "or" ("64, 128 and 256 GPUs"), each a
    count of the same chip; "In 2024, 512 GPUs" is no list."""
    doc, i = reading.token.doc, reading.token.i - 1
    if i > reading.token.sent.start and doc[i].lower_ == "to" and (q := doc[i - 1]._.qty) is not None and (
            _whole_count(q) and q.value < reading.value):
        # "on 4 to 16 TPUs": a range of counts, both ends stated
        return [replace(reading, value=q.value, token=doc[i - 1], qualifier="range")]
    return [replace(reading, value=t._.qty.value, token=t, qualifier=t._.qty.qualifier)
            for t in _listed_before(reading.token, _whole_count)]


def _listed_amounts(reading: Reading) -> list[Reading]:
    """The amounts before a duration, a chip-hours total or a compute in one list that ends on "and" or "or", each
    in the unit written once after the last: "for 5, 9 and 21 days", "12K and 150K GPU hours", "120, 340 and 910 MWh",
    "1.6e21, 8.7e21 and 1.1e23 FLOPs" (computes joined by "and", in a sentence comparing nothing: "2e23 or 3e23 FLOPs"
    is one run's two counts; a compute too small is rejected by its bounds)."""
    last = reading.token._.qty
    if last is None or not last.value:
        return []
    if reading.kind == "flop" and (reading.token.doc[reading.token.i - 1].lower_ != "and" or COMPARING.search(
            sent_text(reading.token))):
        return []
    per_amount = reading.value / last.value  # the unit written once: 24 hours a day

    def fits(q) -> bool:
        return q.scaled == last.scaled and q.value > 0 and (
            reading.kind != "duration_hours" or q.value * per_amount <= MAX_HOURS)

    return [replace(reading, value=t._.qty.value * per_amount, token=t, qualifier=t._.qty.qualifier)
            for t in _listed_before(reading.token, fits)]


def _listed_before(token: Token, fits: Callable) -> list[Token]:
    """The figures that `fits` accepts in one list ending on "and" or "or" right before `token`, nearest first."""
    doc, i, out = token.doc, token.i - 1, []
    if i <= token.sent.start or doc[i].lower_ not in ("and", "or"):
        return []
    while i > token.sent.start and (doc[i].is_space or doc[i].lower_ in _LIST_SEPARATORS):
        i -= 1
        if (q := doc[i]._.qty) is not None and fits(q):
            out.append(doc[i])
            i -= 1
    return out


def _whole_count(q) -> bool:
    return not q.scaled and q.value >= 1 and q.value == int(q.value)


def _one_list(group: list[Reading]) -> bool:
    """The figures make one list ("128 and 256 GPUs"): only separators stand between them."""
    doc = group[0].token.doc
    return all(all(t.is_space or t.lower_ in _LIST_SEPARATORS for t in doc[a.token.i + 1:b.token.i])
               for a, b in zip(group, group[1:], strict=False))


def _names_with_listed_sizes(sent: Span, before: int) -> list[str]:
    """The model names before token `before`, a sized name's list of further sizes read as names ("Gemma 2B and
    7B" names Gemma 2B and Gemma 7B)."""
    names, doc = [], sent.doc
    for t in doc[sent.start:before]:
        if t._.model:
            names.append(t._.model)
        elif t._.is_size and (listed := _sizes_listed_after_name(t)) in names:
            size = re.search(rf"(?i)(?<![A-Za-z0-9.]){re.escape(size_of(listed))}(?![A-Za-z0-9])", listed)
            names.append(f"{listed[:size.start()].rstrip(' -_')} {t.text.rstrip('.,;:').upper()}")
    return names


def _sizes_listed_after_name(token: Token) -> str:
    """"the Llama 3.1 8B and 70B models": a list of sizes that goes on from a sized name is of that name's line,
    whoever the sentence is about; the name, or "" when the list follows no sized name."""
    doc, i = token.doc, token.i - 1
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_.startswith(("token", "tok")):
        return ""  # "2T tokens for X-2B and 1T tokens": a count of data, not a size
    while i > token.sent.start and (doc[i].is_space or doc[i].lower_ in _LIST_SEPARATORS or doc[i]._.is_size):
        i -= 1
    name = doc[i]._.model if i >= token.sent.start else ""
    return name if name and size_of(name) and i < token.i - 1 else ""


OWN_ROW_WORDS = {"base", "standard", "huge", "giant", "model", "models", "ours", "proposed", "final"}


SIZE_LEAD = re.compile(r"\d+(?:\.\d+)?[BM]\b")
# a row of release notes labelled by its release's number or date ("| v3.0 | Pintail-3 14B | 900B |", "| 1.1 | ...",
# "| 2024-06 | ..."; not a bare whole number, which as often numbers the rows)
RELEASE_LABEL = re.compile(rf"{RELEASE_NUMBER}|{RELEASE_DATE}")


ENTRY_MODEL_LABEL = re.compile(r"^\W*(?:model(?:\s+name)?|name\s+of\s+(?:the\s+)?model|模型(?:名称)?)\W*$", re.I)


def _entry_model(context: _Context, tv: TableValue) -> str:
    """The model a table of labels and their values names in a row above the value's ("| Model | X |", a form's
    "Model: X" line), the last before it: each entry of a register is its own model's."""
    table = table_at(context.tables, tv.cell.start)
    if not table or any(len(cells) != 2 for _, cells in table):
        return ""
    named = [cells[1] for start, cells in table[1:] if start < tv.row_start and ENTRY_MODEL_LABEL.match(cells[0].text)]
    return _first_in(context.doc, named[-1].start, named[-1].end, "model") if named else ""


def _model_column_cell(tables: list[Table], tv: TableValue) -> Cell | None:
    """The value's row's cell in its table's model column, where that column is not the first ("| Architecture |
    Model | Params |")."""
    table = table_at(tables, tv.cell.start)
    header = table[0][1] if table else []
    column = next((j for j, c in enumerate(header) if j and MODEL_HEADER.match(c.text)), None)
    if column is None or MODEL_HEADER.match(header[0].text):
        return None
    row = next((cells for start, cells in table if start == tv.row_start), [])
    return row[column] if column < len(row) else None


def _repo_in_row(cells: str) -> str:
    """The name of the one Hub repository a row's cells hold whole ("lmsys/vicuna-7b-v1.5"), "" when none or several."""
    repos = {r[1] for cell in cells.split("|") if (r := repo_label(cell.strip()))}
    return repos.pop() if len(repos) == 1 else ""


def _configuration_row(label: Cell | None, count: float, inventory: Inventory, config: ExtractConfig) -> bool:
    """A row labelled by a plain word or a run's code that names no model ("Dense", "Baseline", "M-1", "Run 3") at
    a size none of the document's models has: a configuration measured in an ablation or a throughput study, not
    a model the document trains."""
    words = label.text.strip("* `") if label is not None else ""
    if set(words.lower().split()) & (config.naming.size_words | OWN_ROW_WORDS):
        return False  # "| small | 244 M |", "| Base model | 2B |", "| Ours | 7B |": a member, its part, or the model
    sizes = [size_count(m.size) for m in inventory.models if m.size]
    # a key and its value ("| Parameters | 7B |") is the document's own model
    return count > 0 and bool(RUN_LABEL.fullmatch(words)) and header_kind(words) is None and not any(
        abs(count / s - 1) < 0.05 for s in sizes)


def _row_params(values: list[TableValue]) -> dict[int, float]:
    """Each table row's parameter count: its first parameter cell's (a second may be a non-embedding count)."""
    found: dict[int, float] = {}
    for tv in values:
        if tv.kind == "params":
            found.setdefault(tv.row_start, tv.value)
    return found


# a row's label of plain words, or a run's code of letters and numbers ("Dense MoE", "M-1", "Run 3", "A2", "Mix-B")
RUN_LABEL = re.compile(r"[A-Za-z][A-Za-z ]*|[A-Za-z]{1,5}[- ]?\d{1,3}|[A-Za-z]{1,5}-[A-Za-z]")


def _numbered_rows(tv: TableValue, tables: list[Table]) -> bool:
    """The value's row is one of a table's rows labelled by a count of machines ("| 280 | 2,240 |" under "Nodes |
    GPUs"): configurations of a scaling study, not models. Rows numbered by stage ("| 1 | 10T |") are the run's."""
    if tv.row_label is None or not re.fullmatch(r"[\d,.]+", tv.row_label.text.strip("* ")):
        return False
    table = next((t for t in tables if t[0][0] <= tv.row_start <= t[-1][0]), None)
    head = table[0][1][0].text if table and table[0][1] else ""
    return bool(re.search(r"\b(?:nodes?|servers?|machines?|hosts?|gpus?|tpus?|chips?|replicas?)\b", head, re.I))


def _beside_own_rows(context: _Context, offset: int, config: ExtractConfig) -> bool:
    """Whether the table holding `offset` has a row labelled by one of the document's own models: a table that
    measures them against others ("| Lamini-GPT-LM | 0.59B |" beside "| MobiLlama | 0.5B |")."""
    table = table_at(context.tables, offset) or []
    labels = (_first_in(context.doc, cells[0].start, cells[0].end, "model") for _, cells in table if cells)
    return any(name and context.inventory.owns(name, config) for name in labels)


def _sized_label(text: str, inventory: Inventory, config: ExtractConfig, compared: bool = False) -> str:
    """A row label that names a sized model the name matcher did not read ("GPT-3-6.7B*‡", its footnote marks
    glued on; "Mamba 2.8B", a capitalised word and a size none of the document's models has): the row is that
    model's, not the document's by default. Not a plain word of a table's own ("Ours 7B", "Dense 1B"), nor the
    document's model written in plain words ("Stable LM 2 1.6B" for stablelm-2-1.6b)."""
    name = text.strip().rstrip(FOOTNOTE_MARKS + " ")
    first, size = (name.split()[0] if name else ""), size_of(name)
    if not size:  # "| Lamini-GPT-LM | 0.59B |" beside the document's own rows: a name-like word alone is another model
        return first if compared and is_name(first, config) and not re.search(r"[\w.-]", name[len(first):]) else ""
    own_size = any(m.size and math.isclose(size_count(m.size), size_count(size), rel_tol=0.05)
                   for m in inventory.models)
    word = first.isalpha() and first.istitle() and len(first) >= 3 and not own_size and first.lower() not in (
        config.naming.size_words | OWN_ROW_WORDS | PLAIN_ROW_WORDS)
    return name if is_name(first, config) or word else ""


PLAIN_ROW_WORDS = {"dense", "sparse", "moe", "baseline", "total", "average", "ablation", "proxy", "student", "teacher",
                   "vanilla", "our", "default"}


def _helper(found: re.Match | None, own_teacher: bool) -> bool:
    """Whether a helper model was found (a reward model, a tokenizer; a teacher, unless the document's own
    distillation names its teacher: "The teacher was pretrained on 14T tokens" is that own model's run)."""
    return found is not None and not (own_teacher and "teacher" in found.group(0).lower())


def _usage_tables(tables: list[Table]) -> list[tuple[int, int]]:
    """Character ranges of tables whose header is about running the model ("| Framework | Device | Throughput
    (tokens/sec) |"), not training it."""
    ranges = []
    for table in tables:
        header = " ".join(c.text for c in table[0][1])
        if table[-1][1] and (about_use(header) or _requirements(table)) and not TRAINING_WORDS.search(header):
            ranges.append((table[0][0], table[-1][1][-1].end))
    return ranges


MODEL_COLUMN = re.compile(r"\b(?:models?|runs?|checkpoints?)\b", re.I)
# a table whose rows are events that cost a run time ("| Interruption | Cause | Downtime | GPU-hours lost |")
LOSS_EVENTS = re.compile(r"^\W*(?:interruptions?|incidents?|failures?|outages?|faults?|crash(?:es)?|restarts?|"
                         r"stoppages?|(?:failure|outage|downtime)\s+events?)\b", re.I)


def _loss_logs(tables: list[Table]) -> list[tuple[int, int]]:
    """Character ranges of tables that log a run's interruptions, one event a row: their hours and chip-hours are
    what each event cost, not the run's own."""
    return [(table[0][0], table[-1][1][-1].end) for table in tables
            if table[-1][1] and table[0][1] and LOSS_EVENTS.match(table[0][1][0].text)
            and not any(MODEL_COLUMN.search(c.text) for c in table[0][1])]  # (not runs counted by their restarts)


# a column of the memory or the speed running the model takes: "Memory", "VRAM", "GPU memory", "显存", "Tokens/s"
USE_COLUMN = re.compile(r"^\W*(?:(?:gpu|min(?:imum)?|peak)\s+)?(?:memory|v?ram|显存|内存)\b|tok(?:en)?s?\s*/\s*s\b|"
                        r"\bper\s+second\b", re.I)


def _requirements(table: Table) -> bool:
    """A table of what running each model takes ("| Model | Hardware | Memory |" over "| X-9B | 2 × A100 | 80 GB |"):
    a column of memory or speed, and none of a run's figures."""
    return any(USE_COLUMN.search(c.text) for c in table[0][1]) and not of_runs(table)


def _axis_tick(span) -> bool:
    """The last label of a chart's axis, as a PDF's text layer gives it: "0.5 1.0 1.5 2.0 2.5 trillion tokens" is a
    scale running up to 2.5T, not a run of 2.5T tokens. Three or more plain numbers rising by equal steps end on
    the figure."""
    doc = span.doc
    first = next((t for t in span if t._.qty is not None), None)
    lead = re.match(r"\d+(?:\.\d+)?", first.text) if first is not None else None
    if lead is None:
        return False
    values = [float(lead.group(0))]
    i = first.i - 1
    while i >= span.sent.start and re.fullmatch(r"\d+(?:\.\d+)?", doc[i].text) and len(values) < 4:
        values.insert(0, float(doc[i].text))
        i -= 1
    steps = {round(b - a, 6) for a, b in zip(values, values[1:], strict=False)}
    return len(values) >= 3 and len(steps) == 1 and steps.pop() > 0


def _name_after_size(token: Token) -> str:
    """The model a size written before its name sizes: "the 1.8B-parameter Canto-XL", "a 7B parameter Pike-Small";
    "" when no name follows the size."""
    doc, i = token.doc, token.i + 1
    while i < min(len(doc), token.i + 4) and doc[i].lower_ in ("-", "parameter", "parameters", "param", "params"):
        i += 1
    return doc[i]._.model if i > token.i + 1 and i < len(doc) and doc[i]._.model else ""


def _about_other_models(reading: Reading, other_runs: list[tuple[int, int]], own_sizes: set[str]) -> bool:
    """A sentence naming no model (by name or by size) that speaks of unnamed ones ("a model with 7B
    parameters") or of experiments ("we experimented with a small MoE model"), or stands in a part on other runs
    (`other_runs`: "5 Ablations", "2 Related work"), where a size names no own model unless the document sizes one
    so outside such parts (`own_sizes`: "the 1B proxy" beside a 7B release): its figures are not the release's. "It
    combines a 10B dense model with ..." speaks of the model "It" stands for, and the chips all experiments ran
    on are the release's too."""
    sent = reading.token.sent
    in_other_runs = inside(reading.token.idx, other_runs)
    if tagged(sent, "MODEL") or size_mention(sent) and not (
            in_other_runs and not _any_own_size({size for _, size in size_mentions(sent)}, own_sizes)):
        return False
    pronoun = PRONOUN_OPENING.match(span_text(sent))  # ("This model was trained on ...": the one named before)
    unnamed = speaks_of_unnamed_models(span_text(sent)) and not pronoun
    # runs in the figure's clause; a model of a new size planned is the lab's next one ("Future releases will add a
    # 13B model")
    start, end = clause_bounds(reading.token)
    runs = set() if _planned(reading.token) or _future(reading.token) else sized_runs(span_text(sent)[start:end])
    # (runs of sizes the text gives no own model, where it sizes its own: "a separate 1.4B model for each mixture")
    experiment = bool(EXPERIMENT_CUES.search(span_text(sent))) or in_a_test_run(reading.token) or not pronoun and (
        in_other_runs or bool(runs) and bool(own_sizes) and not _any_own_size(runs, own_sizes))
    return unnamed or reading.kind != "hardware" and experiment


def _any_own_size(sizes: set[str], own_sizes: set[str]) -> bool:
    """Whether one of `sizes` is an own model's, within a tenth ("a 7B model" of a release with 6.7B parameters)."""
    return any(math.isclose(size_count(a), size_count(b), rel_tol=0.1) for a in sizes for b in own_sizes)


def _own_sizes(inventory: Inventory, kept: list[tuple[str, Reading]], parts: list[tuple[int, int]]) -> set[str]:
    """The sizes of the own models the document names outside `parts`, and the parameter counts it states there in
    sentences naming a model ("BLOOM has 176B parameters" sizes a release its name does not)."""
    named = {m.size.upper() for m in inventory.models if m.size and any(not inside(e.start, parts) for e in m.evidence)}
    return named | {size_word(r.value).upper() for _, r in kept if r.kind == "params" and r.value
                    and not inside(r.token.idx, parts) and tagged(r.token.sent, "MODEL")}


# "than a 7B model trained on", "what a typical 7B model trained on", "we expect a 30B model trained on", "outperforms a
# 7B model trained on": a model of some size, compared with or imagined, whose figures follow it
GENERIC_MODEL = re.compile(r"\b(?:what|than|of|expect|like|as|versus|vs\.?|to|with|outperform(?:s|ing)?|beat(?:s|ing)?|"
                           r"surpass(?:es|ing)?|match(?:es|ing)?|rival(?:s|ing)?)\s+an?\s+(?:[a-z-]+\s+)?\d+(?:\.\d+)?\s*"
                           r"[BMT](?:-param(?:eter)?s?)?\s+(?:[\w-]+\s+)?models?\s+(?:pre-?)?trained\s+(?:on|for|with)\s+"
                           r"(?:about\s+|roughly\s+|around\s+|~\s*)?$", re.I)


# a model the text leaves unnamed, described as someone's or any lab's: "put the cost of a leading closed model at $78
# million", "training a frontier model now costs over $100 million", "a rival lab's model needed 2e25 FLOP"
UNNAMED_MODEL = re.compile(r"\b(?:of|training|train|for)\s+(?:a|an|one)\s+(?:(?:leading|frontier|closed|rival|"
                           r"competing|competitor['’]s|typical|comparable|similar|state-of-the-art|rival\s+lab['’]s)"
                           r"\s+){1,3}(?:[\w-]+\s+)?(?:models?|systems?|LLMs?)\b[^.;]{0,40}$", re.I)


def _unnamed_model(before: str) -> bool:
    """UNNAMED_MODEL before the figure, the model left unnamed (not "a frontier model such as X-3", "one comparable
    model, X-3,")."""
    m = UNNAMED_MODEL.search(before)
    return m is not None and not NAMED_AFTER_KIND.search(m.group(0))


NAMED_AFTER_KIND = re.compile(r"\b(?:such\s+as|like|including|called|named)\s+[A-Z]|,\s*[A-Z][\w.]*-[\w.-]*\d")


# a class of models by a bound on their size: "to study models beyond one trillion parameters" (not the document's
# own "family of models with more than 7B parameters")
MODELS_BEYOND = re.compile(r"(?<!family of )(?<!series of )(?<!suite of )(?<!collection of )\bmodels\s+"
                           r"(?:of\s+|with\s+)?(?:beyond|over|above|exceeding|more\s+than|larger\s+than|bigger\s+than|at\s+least|"
                           r"upwards\s+of)\s+$", re.I)


# the same class bounded after its size: "for models with 1B parameters or more", "models of 7B and above"
MODELS_OF_SIZE = re.compile(r"(?<!family of )(?<!series of )\bmodels\s+(?:of|with)\s+$", re.I)
OR_MORE_AFTER = re.compile(r"(?:[\s-]*param\w*)?\s+(?:or|and)\s+(?:more|larger|bigger|greater|above|up)\b", re.I)


# a class of training runs by a bound on their compute, as a rule or a register draws it: "notify the Office of any
# training run above 10^25 FLOP", "models trained with more than 10^26 FLOP must be reported", "a threshold of 1e26
# FLOP" (not one model's: "X was trained with more than 1e25 FLOP")
# (the class is plural and no one's, or any one: "the first of our models trained with over 1e24 FLOP" is one model's;
# so is "X and Y are models trained with more than 3e23 FLOP each")
_RUNS = (r"(?:(?<!\bour )(?<!\bare )(?<!\bthese )(?<!\btheir )(?<!\bits )(?<!\bboth )\b(?:runs|models|systems)\s+|"
         r"\b(?:any|every|each|all)\s+(?:[\w-]+\s+){0,2}?(?:runs?|models?|systems?)\s+)")
COMPUTE_CLASS = re.compile(rf"{_RUNS}(?:whose\s+(?:training\s+)?compute\s+"
                           r"(?:exceeds|is\s+above|is\s+over|tops)|(?:(?:pre-?)?trained\s+)?(?:with\s+|using\s+|on\s+)?"
                           r"(?:beyond|over|above|exceeding|more\s+than|greater\s+than|at\s+least|in\s+excess\s+of|"
                           r"at\s+or\s+above))\s+$|\bthresholds?\s+(?:of|at)\s+(?:about\s+)?$"
                           # ... or a threshold's label or its statement: "Threshold for notification: 10^25 FLOP", "The
                           # reporting threshold is 1e26 FLOP"
                           r"|\bthresholds?\b[^.;\n]{0,40}?(?:[:：=]|\bis|\bwas|\bset\s+at)\s*(?:about\s+)?$", re.I)
# ... or bounded after its figure: "Training runs of 10^25 FLOP or more must be registered"
RUNS_OF = re.compile(rf"{_RUNS}(?:of|with|using)\s+$", re.I)
OR_MORE = re.compile(r"\s*(?:FLOPs?|operations)?\s*(?:or|and)\s+(?:more|above|greater|higher)\b", re.I)
# ... or named a threshold after its unit: "below the 10^25 FLOP threshold", "the 10,000 ZFLOP limit", "the 1e26 FLOP
# line that triggers reporting", "the 10^25 FLOP level used to flag ..." (a level or a mark a rule draws)
THRESHOLD_AFTER = re.compile(r"(?:\s*[\w-]+){0,3}?\s*(?:thresholds?|limits?|cap)\b"
                             r"|(?:\s*[\w-]+){0,2}?\s*(?:level|line|mark|bar|cut-?off|trigger)\s+"
                             r"(?:that|which|used|set|drawn|at|for|in|of|above|under|where|beyond)\b", re.I)


# a size of a kind of model in general: "for a typical 8B-parameter model", "where traditional dense 8B models fail"
TYPICAL_MODEL = re.compile(r"(?<!\bis a )(?<!\bwas a )\b(?:typical|traditional|conventional|standard|vanilla|"
                           r"ordinary|regular)\s+(?:[\w-]+\s+){0,2}$", re.I)


# models measured against, by their sizes: "we compare against open models of 7B to 70B parameters", "matches models
# with 30B parameters"
MODELS_COMPARED = re.compile(rf"{COMPARING.pattern}\s+(?:[\w-]+\s+){{0,4}}?models\s+(?:of|with|between|from)\s+"
                             r"(?:\S+\s+(?:to|and)\s+)?$")  # (either end of a range of sizes)
# a part of the model, not the model: "the embedding layer alone has 0.5B parameters", "each expert has 7B parameters",
# "LoRA adds only 4M trainable parameters"
COMPONENT = re.compile(r"\b(?:the|its|their|each|every|this)\s+(?:[\w-]+\s+){0,2}?(?:embeddings?|embedding\s+"
                       r"(?:layers?|matrix|table)|encoder|decoder|vision\s+(?:tower|backbone)|projector|adapters?|heads?|"
                       r"experts?|router)(?:\s+alone)?\s+(?:has|have|adds?|contains?|holds?|with|accounts?\s+for|"
                       # "the encoder is a 32-layer Conformer with 612M parameters"
                       r"comprises?|(?:is|are)\s+an?\s+(?:[\w-]+\s+){1,3}?with)"
                       r"\s+(?:only\s+|about\s+|roughly\s+|approximately\s+|around\s+|~\s*|another\s+|"
                       r"an?\s+(?:extra|additional|further)\s+)?$"
                       # (not a name ending on the word: "X-SQL-LoRA has 52M trainable parameters" is the adapter's)
                       r"|(?<![\w-])(?:q?lora|adapters?)\s+(?:adds?|introduces?|has|have|uses?|trains?)\s+"
                       r"(?:only\s+|just\s+)?$",
                       re.I)


def _draws_a_class_of_runs(token: Token, before: str) -> bool:
    """The compute at `token` (with the words of its sentence `before` it) bounds a class of runs (COMPUTE_CLASS,
    RUNS_OF) or is named a threshold (THRESHOLD_AFTER)."""
    bounded = before + re.match(r"\D*", token.text).group(0)  # (a bound may open the quantity's own token: "more than")
    after = doc_text(token.doc)[token.idx + len(token.text):token.idx + len(token.text) + 40]
    return bool(COMPUTE_CLASS.search(bounded) or (RUNS_OF.search(before) and OR_MORE.match(after))
                or THRESHOLD_AFTER.match(after))


def _of_a_generic_model(reading: Reading) -> bool:
    """The figure is the training of a model of some size that the text compares with or imagines, the size of
    a class of models, or of a part of the model."""
    doc, token = reading.token.doc, reading.token
    before = doc_text(doc)[max(token.sent.start_char, token.idx - 120):token.idx]
    return bool(GENERIC_MODEL.search(before) or _unnamed_model(before) or (
        reading.kind == "flop" and _draws_a_class_of_runs(token, before)) or (
        reading.kind in ("params", "active_params") and (
        MODELS_BEYOND.search(before) or TYPICAL_MODEL.search(before[-40:]) or MODELS_COMPARED.search(before)
        or COMPONENT.search(before) or (MODELS_OF_SIZE.search(before) and OR_MORE_AFTER.match(
            doc_text(doc), token.idx + len(token.text))))))


def coordinated(reading: Reading) -> list[Reading]:
    """The other numbers of a list the reading ends ("7B, 13B, 33B and 65B parameters", "128 and 256 GPUs")."""
    if reading.kind == "chip_count":
        return _listed_counts(reading)
    if reading.kind in ("duration_hours", "chip_hours", "flop", "energy_kwh", "emissions_tco2e"):
        return _listed_amounts(reading)
    if reading.kind not in ("params", "tokens", "active_params"):
        return []
    out, token = [], reading.token
    doc = token.doc
    i = token.i - 1
    while i > token.sent.start:
        sep = doc[i]
        if sep.is_space or sep.lower_ in _LIST_SEPARATORS:
            i -= 1
            continue
        value = slash_listed_value(sep) or _magnitude_shared(sep, token)
        if reading.kind == "tokens" and _size_beside_tokens(sep, token):
            break
        if value or (sep._.qty is not None and sep._.qty.scaled and sep._.qty.value >= 1e6):
            # "7B, 13B and 65B parameters", "3 billion and 7 billion parameters": each names its member
            value = value or sep._.qty.value
            size = (sep.text.rstrip(".,;:") if sep._.is_size else size_word(value).upper()) if (
                reading.kind == "params") else ""
            out.append(replace(reading, value=value, token=sep, qualifier=sep._.qty.qualifier, member_size=size))
            i -= 1
            continue
        if sep.lower_ == "total" and i - 1 > token.sent.start:
            # "480B total and 17B active parameters", "16B-total / 3B-activated": the total is a parameter count too
            at = i - 2 if doc[i - 1].text == "-" else i - 1
            if (q := doc[at]._.qty) is not None:
                out.append(replace(reading, kind="params", value=q.value, token=doc[at], qualifier=q.qualifier))
            break
        break
    return out


def _size_beside_tokens(before: Token, last: Token) -> bool:
    """"finch-3-small (7B, 4.8T tokens)": a model's size set beside its token count by a comma alone, opening the
    bracket after its name (or right after the name, in another magnitude), is no count of tokens in a list with it
    ("500B and 1T tokens", "the sweep used 500B, 1T tokens" are lists)."""
    between = {t.lower_ for t in before.doc[before.i + 1:last.i]}
    doc = before.doc
    opens = doc[before.i - 1] if before.i > before.sent.start else None
    if not before._.is_size or opens is None or between & {"and", "or", "to", "/"}:
        return False
    if opens.text == "(" and before.i - 2 >= before.sent.start and doc[before.i - 2]._.model:
        return True  # "finch-3-small (1.3B, 300B tokens)": the name's size, whatever its magnitude
    return bool(opens._.model) and before.text.rstrip(".,;:")[-1:].upper() != last.text.rstrip(".,;:")[-1:].upper()


def _magnitude_shared(bare: Token, last: Token) -> float:
    """"7 and 70 billion parameters": a bare number listed before a figure written with its magnitude shares that
    magnitude; 0 when the number is no such bare one."""
    q, ended = bare._.qty, last._.qty
    if q is None or q.scaled or not 0 < q.value < 1000 or not re.fullmatch(r"\d+(?:\.\d+)?", bare.text):
        return 0.0
    if not any(t.lower_ in _LIST_SEPARATORS for t in bare.doc[bare.i + 1:last.i]):
        return 0.0  # "1 2 trillion tokens": a chart's axis ticks, not a list
    lead = re.match(r"\d+(?:\.\d+)?", ended.text.replace(",", "")) if ended is not None and ended.scaled else None
    return q.value * ended.value / float(lead.group(0)) if lead and float(lead.group(0)) else 0.0


def broken_down(reading: Reading) -> list[Reading]:
    """A total broken down by size in parentheses after it, each part its size's figure of the same kind:
    "39.3M GPU hours (1.46M for 8B, 7.0M for 70B, 30.84M for 405B)", "4T tokens in all (2T for 3B and 4T for 40B)"."""
    q, doc = reading.token._.qty, reading.token.doc
    if q is None or reading.kind == "hardware":
        return []
    end = min(reading.token.sent.end, reading.token.i + 8)
    opening = next((t.i for t in doc[reading.token.i + 1:end] if t.text == "("), None)
    if opening is None:
        return []
    out, i = [], opening + 1
    while i + 2 < reading.token.sent.end and doc[i].text != ")":
        part, words = doc[i], [t for t in doc[i + 1:i + 4] if not t.is_space]
        if part._.qty is not None and part._.qty.scaled == q.scaled and len(words) >= 2 and words[0].lower_ == "for":
            size = words[2] if words[1].lower_ == "the" and len(words) > 2 else words[1]
            if size._.is_size:
                out.append(replace(reading, value=part._.qty.value, token=part, qualifier=part._.qty.qualifier,
                                   member_size=size.text.rstrip(".,;:"), start=None, end=None, low=None, high=None))
        i += 1
    return out if len(out) >= 2 else []  # one part is no breakdown ("(27B for the base)")


# the model a plan is for, when it is not the document's: "a larger successor", "our next-generation model",
# "下一代模型" (the next-generation model)
SUCCESSOR = re.compile(r"\bsuccessors?\b|\bnext[- ]generation\b|\bnext\s+(?:\w+\s+)?(?:model|cluster|release)\b"
                       r"|\bfollow-?up\s+model\b"
                       # another model still to come: "a larger sibling", "with a 12B model; the current plan is 3.5T
                       # tokens"
                       r"|\b(?:larger|bigger)\s+(?:sibling|model|member|version)\b|\bwith\s+an?\s+\d+(?:\.\d+)?[BMT]\s+model\b"
                       r"|下一代|下一个模型|后续模型", re.I)
# a Chinese hedge is a word of its own before the figure: "约 2.6 万亿" (about 2.6T), "近 40 天" (nearly 40 days)
# ("约合 1650 万美元", about 16.5M dollars once converted; "大约用电 22 万度", used about 220,000 kWh: the hedge
# before the verb)
CJK_APPROX_BEFORE = re.compile(rf"(?:{CJK_APPROX}|约为|约合)(?:用电|耗电|消耗|花费|耗费|需要|用了)?\s*$")


# "For comparison, X-1 was trained on ...": an aside set off by its comma that states the other model's figures,
# measuring nothing ("In comparison to X-1 (9T tokens), ..." does measure); matched where a sentence starts
ASIDE_OPENER = re.compile(
    r"(?i)\W*(?:(?:for|by|in)\s+(?:comparison|reference|context)|(?:相比|对比)之下|作为(?:对比|参考))\s*[,，:：]\s*")


def _compared_with_another_line(sent: Span, inventory: Inventory, config: ExtractConfig) -> bool:
    """Whether a sentence measures something against a model not of the document's own lines, named after the
    comparison ("X-2 outperforms X-1, a 7B model", "gains for 70B+ models relative to X-1"; not "X-1 knew less
    than its peers")."""
    text, start = doc_text(sent.doc), sent.start_char
    aside = ASIDE_OPENER.match(text, start, sent.end_char)
    start = aside.end() if aside else start
    return any(COMPARING.search(text, start, t.idx) for t in tagged(sent, "MODEL")
               if t._.model and not inventory.owns(t._.model, config))


def _planned(token: Token) -> bool:
    """The figure is a plan: its clause says so, or says it "is expected to" come before the figure, or its
    sentence opens on what is to come ("In future work we plan ..., and we will need 8,192 GPUs")."""
    text = sent_text(token)
    start, end = clause_bounds(token)
    clause, offset = text[start:end], token.idx - token.sent.start_char - start
    return bool(PLAN_CUES.search(clause) or EXPECTED.search(clause[:offset]) or FUTURE_OPENING.match(text))


FUTURE = re.compile(r"\bwill\b|['’]ll\b", re.I)
# a clause about what the clause before it named: "...; it was trained in 2,400 GPU-hours", "..., which took 2 days"
REFERS_BACK = re.compile(r"\W*(?:it|which)\b", re.I)


def _future(token: Token) -> bool:
    """The figure's clause speaks of what will be ("the successor will need 2M GPU-hours")."""
    start, end = clause_bounds(token)
    return bool(FUTURE.search(sent_text(token)[start:end]))


def _helpers_clause(token: Token, own_teacher: bool = False) -> bool:
    """Whether the figure's clause is about a helper model: its subject is one ("the scorer was trained on 4 GPUs"), or
    "it" or "which" opens it after a clause whose subject is one ("The classifier is itself a 1.1B transformer; it was
    trained in 2,400 GPU-hours"); not the teacher where it is one of the document's own models (`own_teacher`)."""
    text = sent_text(token)
    start, end = clause_bounds(token)
    if _helper(AUX_MODEL_SUBJECT.match(text[start:end]), own_teacher):
        return True
    if not REFERS_BACK.match(text[start:end]) or start == 0:
        return False
    before = [clause for clause in CLAUSE_END.split(text[:start]) if clause.strip()]
    return bool(before) and _helper(AUX_MODEL_SUBJECT.match(before[-1]), own_teacher)


def _hypothetical(token: Token) -> bool:
    """The figure is of a run that did not happen: a conditional in its clause before it ("scaling to 70B would
    require 5e23 FLOP") or right after it, before the next figure ("25 tCO2e had we used a coal-heavy grid")."""
    text = sent_text(token)
    if not HYPOTHETICAL.search(text):
        return False  # (most sentences hold no conditional: their clauses go unread)
    start, end = clause_bounds(token)
    clause, offset = text[start:end], token.idx - token.sent.start_char - start
    # (up to the figure after the next, or where no figure follows, to the next break: "1T tokens would have been
    # cheaper", not "2T tokens, which would have cost more to rent")
    rest = clause[offset + len(token.text):]
    own = re.match(r"\D*\d[\d.,]*\D*?(?=\d|$)", rest) or re.match(r"[^,;]*", rest)
    return bool(HYPOTHETICAL.search(clause[:max(0, offset)]) or HYPOTHETICAL.search(own.group(0) if own else ""))


# what a run that happened would have cost at a market's prices: "At on-demand prices the run would have cost
# $11.8M", "At list prices, the chip time would cost roughly $9.9M", "at a blended rate of $2.10 per GPU-hour"
PRICED = re.compile(r"\b(?:on-demand|list|public|cloud|market|rental|retail)\s+(?:\w+\s+)?(?:prices?|rates?)\b"
                    r"|\brented\s+capacity\b|\bblended\s+rate\b", re.I)
# ... unless the run priced is one that did not happen: "training a 400B model would cost over $20M", "Scaling X to
# 400B at on-demand rates would have cost $25M"
UNRUN = re.compile(r"\ban?\s+\d+(?:\.\d+)?[BMT]\b|\bscal(?:e|ed|es|ing)\b", re.I)


VERSUS = {"vs", "vs.", "versus", "v.s."}


def _set_against(reading: Reading) -> bool:
    """The figure stands beside "vs": "2800 vs 6300"."""
    doc, i, sent = reading.token.doc, reading.token.i, reading.token.sent
    return any(doc[j].lower_ in VERSUS for j in (i - 1, i + 1) if sent.start <= j < sent.end)


def set_against(reading: Reading) -> list[Reading]:
    """The figure set against this one with "vs" before it, of the same kind: "2800 vs 6300 petaflop days"."""
    doc, i, q = reading.token.doc, reading.token.i, reading.token._.qty
    if q is None or not q.value or i - 2 < reading.token.sent.start or doc[i - 1].lower_ not in VERSUS:
        return []
    other = doc[i - 2]
    if other._.qty is None or other._.qty.scaled != q.scaled:
        return []
    # (in the reading's unit: "2800 vs 6300 petaflop days" are both days of a petaflop)
    return [replace(reading, value=other._.qty.value * reading.value / q.value, token=other,
                    qualifier=other._.qty.qualifier, start=None, end=None, low=None, high=None)]


def _within_bounds(facts: list[Fact], bounds: dict[str, tuple[float | None, float | None]]
                   ) -> tuple[list[Fact], list[Rejection]]:
    """Facts inside the bounds of physical reason (configs/extraction.toml), and the others rejected."""
    kept, rejected = [], []
    for f in facts:
        low, high = bounds.get(f.kind, (None, None))
        if f.value is not None and high is not None and f.value > high:
            rejected.append(Rejection(f, f"{f.kind} {f.value:.3g} is above {high:.0e}, beyond physical reason"))
        elif f.value is not None and low is not None and f.value < low:
            rejected.append(Rejection(f, f"{f.kind} {f.value:.3g} is below {low:.0e}, beyond physical reason"))
        elif f.kind == "chip_count" and f.value is not None and f.value != round(f.value):
            # (a count of chips is whole: "1.58" is another figure's digits, split off by a PDF's columns)
            rejected.append(Rejection(f, f"a count of chips is a whole number, not {f.value:g}"))
        else:
            kept.append(f)
    return kept, rejected


def _span(r: Reading) -> tuple[int, int]:
    """The fact's characters: the part the reading names, else its quantity (a merged token can carry a
    full stop: "7B."), else its token."""
    if r.start is not None:
        return r.start, r.end
    q = r.token._.qty
    if q is not None:
        return q.start, q.end
    return r.token.idx, r.token.idx + len(r.token.text)


def _inventory_row(context: _Context, tv: TableValue, label: Cell) -> bool:
    """A line of a company's greenhouse-gas inventory ("| Scope 2 (offices) | 310 |") in a row that names no model."""
    return bool(INVENTORY_ROW.match(label.text)) and not _first_in(context.doc, tv.row_start, tv.row_end, "model")


def _sums_other_work(tables: list[Table], tv: TableValue) -> bool:
    """Whether the table of a Total row lists in its other rows only work that trains no model ("| Scope 1 (offices)
    |", "| Business travel |" over "| Total |"): the total is theirs."""
    table = table_at(tables, tv.cell.start) or []
    labels = [cells[0].text for _, cells in table[1:] if cells and cells[0].text and not MODELS_TOTAL_LABEL.match(
        cells[0].text)]
    return bool(labels) and all(OTHER_WORK_ROW.match(label) or INVENTORY_ROW.match(label) for label in labels)


def _sums_models(doc: Doc, tables: list[Table], tv: TableValue) -> bool:
    """Whether the table of a Total row lists two or more models in its rows, not sources of data (which may be named
    for the model that made them)."""
    table = table_at(tables, tv.cell.start)
    if not table or not table[0][1] or DATA_HEADER.match(table[0][1][0].text):
        return False
    models = {_first_in(doc, cells[0].start, cells[0].end, "model") for _, cells in table if cells}
    return len(models - {""}) >= 2


def _first_in(doc: Doc, start: int, end: int, attr: str) -> str:
    """The first model name or chip (`attr`) among the tokens covering text[start:end]."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return next((t._.get(attr) for t in span if t._.get(attr)), "") if span is not None else ""


# a sentence on the baseline the text compares with: "The baseline trained for a week on the same hardware" (not "A
# baseline of the same shape, trained on the same 4T tokens", the model's own figure restated)
# (not a model named as the baseline, "The baseline X-3 model was pretrained", nor a recipe or others' numbers: "Our
# baseline recipe trains X-3", "The baseline and X-3 both saw 2T tokens", "All baseline numbers are from their reports")
BASELINE_OPENING = re.compile(r"^\W*(?:the|our|each|both|all)\s+(?:[\w.-]+\s+)?baselines?\b(?!-)"
                              r"(?!\s+(?:recipes?|configurations?|configs?|setups?|numbers|results|scores|figures)\b)"
                              r"(?!\s+and\b)(?!\s+[A-Z][\w.]*-?\d)", re.I)


# the exact figure in parentheses after a bound: "on less than a trillion tokens (600B)", "over 2T tokens (2.2T)"
EXACT_AFTER = re.compile(r"\s*\(\s*(?:~\s*|about\s+|exactly\s+)?(?P<exact>\d[\d.,]*\s*[KMBT]?)\s*(?:exactly\s*)?\)")


def _exact_for_bound(r: Reading, text: str, end: int) -> Reading:
    """A bound the exact figure follows in parentheses read as that figure, in the bound's unit ("over 2T tokens
    (2.2T)" is 2.2T; "under 30 days (26)" is 26 days); a number there that cannot be the figure (a reference, "(2)"
    after "2T") leaves the bound as it is."""
    q, m = r.token._.qty, EXACT_AFTER.match(text, end)
    if not r.qualifier.endswith("_bound") or m is None or q is None or not q.value or r.start is not None:
        return r
    exact = parse_quantity(m.group("exact"))
    if exact is None or exact.scaled != q.scaled or not 0.5 <= exact.value / q.value <= 2:
        return r
    value = float(f"{r.value * exact.value / q.value:.12g}")  # (in the bound's unit: days read as hours)
    return replace(r, value=value, qualifier="", start=m.start("exact"), end=m.end("exact"))


# the kinds whose range is two figures the text states, each of its own ("$160-200 million", "between 2 and 3
# months", "3.5e24 to 4.5e24 FLOP", "10T to 12T tokens"), not one figure at its midpoint, which the text never says
# (parameter ranges have readers of their own: a family's sizes; and so does a stage's upper end of tokens)
RANGE_ENDS_APART = {"cost_usd", "duration_hours", "energy_kwh", "emissions_tco2e", "flop", "tokens"}
WIDE_RANGE = 2.0  # a range wider than this is a guess's spread ("between 1e25 and 3e26"), not two figures stated


def _range_ends_apart(r: Reading) -> list[Reading]:
    """A reading of a range of RANGE_ENDS_APART as one reading per end, each spanning its own number."""
    q = r.token._.qty
    if r.kind not in RANGE_ENDS_APART or r.start is not None or q is None or q.ends is None or r.low is not None:
        return [r]
    low, high = _range_ends(q, r.value)
    if low is None or high is None or high > WIDE_RANGE * low:
        return [r]
    return [replace(r, value=value, start=start, end=end, low=low, high=high, qualifier="range")
            for value, (start, end) in zip((low, high), q.ends, strict=True)]


def _range_ends(q, value: float | None) -> tuple[float | None, float | None]:
    """A range's ends in the fact's unit: readers convert units (days to hours), so scale by the ratio."""
    if q is None or q.low is None or q.high is None or not value or not q.value:
        return None, None
    # (as the text writes them: 3e25 stays 3e25, not a float's neighbour of it)
    return float(f"{value * q.low / q.value:.12g}"), float(f"{value * q.high / q.value:.12g}")


def _quote(sent: Span) -> str:
    return " ".join(span_text(sent).split())


def _chip_of(fact: Fact) -> Fact:
    """The hardware fact a table's count of a named chip gives its model."""
    return replace(fact, fact_id=fact_id(fact.doc_id, fact.start, fact.end, "hardware"), kind="hardware", value=None,
                   unit=UNITS["hardware"], rule="table_hardware", low=None, high=None, qualifier="")


def _unique_spans(facts: list[Fact]) -> list[Fact]:
    """One fact per span and kind, whichever reading (prose rule or table) found it first."""
    seen, out = set(), []
    for f in facts:
        key = (f.start, f.end, f.kind)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
