"""Rule families and attribution on single sentences and small tables: what is a fact, what is not."""

import pytest
from floptrail.corpus.document import Document
from floptrail.extract.attribution import ROLE_OPENING
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from floptrail.extract.names import aliased, declared_aliases, is_name
from floptrail.extract.pipeline import build_pipeline, parse
from floptrail.extract.sections import CAPS_PAPER_HEADING, all_headings, headings


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_extract_config(None))


def facts(extractor, text, title=""):
    document = Document("d", "d.md", "markdown", text, title=title)
    return [(f.kind, f.value, f.model, f.hardware, f.qualifier, f.role, text[f.start:f.end])
            for f in extractor.extract(document)]


def in_kite(extractor, sentence, *kinds):
    """(kind, value) of the facts of those kinds a sentence gives, read in a document about Kite-7B."""
    return [(f[0], f[1]) for f in facts(extractor, f"# Kite-7B\n\n{sentence}\n", title="Kite-7B") if f[0] in kinds]


def attributed(extractor, text, title, role=False):
    """(kind, value, model) of each fact but the chip's name, with its role when `role` is set."""
    return [(f[0], pytest.approx(f[1]), f[2], *((f[5],) if role else ())) for f in facts(extractor, text, title=title)
            if f[0] != "hardware"]


def read_fields(extractor, text, title, *names, kind="markdown"):
    """The named attributes of each fact but the chip's name ("kind", "value", "model", "stage", ...), of a document
    of `kind` ("pdf": its text as a PDF's)."""
    result = extractor.read(Document("d", "d.pdf" if kind == "pdf" else "d.md", kind, text, title=title))
    return [tuple(getattr(f, n) for n in names) for f in result.facts if f.kind != "hardware"]


def in_report(extractor, title, models, sentence, width=3):
    """The first `width` of (kind, value, model) of each fact in a short report titled `title` that introduces
    `models` ("Foo-7B and Foo-70B") and then says `sentence`."""
    text = f"# {title}\n\nWe introduce {models}.\n\n{sentence}"
    return [f[:width] for f in facts(extractor, text, title=title)]


def qualified(extractor, text, title):
    """(kind, value, model, qualifier) of each fact but the chip's name."""
    return read_fields(extractor, text, title, "kind", "value", "model", "qualifier")


def figures(extractor, text, title=""):
    """(kind, value) of each fact but the chip's name, the text under a heading `title` when one is given."""
    text = f"# {title}\n\n{text}" if title else text
    return [(f[0], pytest.approx(f[1])) for f in facts(extractor, text, title=title) if f[0] != "hardware"]


def test_a_remark_in_parentheses_on_how_a_figure_is_counted_makes_no_advice_of_its_sentence(extractor):
    assert figures(extractor, "Kestrel-7B is a dense model with ~7.1B params (7.06B if you count the embeddings once).",
                   "Kestrel-7B") == [("params", 7.1e9)]
    # (advice stays advice, in the sentence or in its remark)
    assert figures(extractor, "If you train Kestrel-7B yourself, plan for 512 GPUs for 3 days.", "Kestrel-7B") == []
    assert figures(extractor, "Kestrel-7B fine-tunes on 4 A100 GPUs (you can pass a flag to shard it).",
                   "Kestrel-7B") == []


@pytest.mark.parametrize("text", [
    "You can pretrain TinyLlama on 8 A100 GPUs in a week.",  # an instruction to the reader
    "We released an intermediate checkpoint of Falcon-40B trained on 503B tokens.",
    "The learning rate of Falcon-40B decays over 410B tokens.",
    "Falcon-40B keeps 32 GPUs in reserve.",
    "Our model reaches parity with contemporary 7B parameter models.",
    "Two small MoE models comprise about 16B total parameters, and we train them on 1.33T tokens.",
    "For inference, Falcon-40B runs on 8 A100 GPUs.",
    "GLM-130B 可以在 8 张 A100 上进行推理。",
    "Nimbus2 outperforms other 7B and 13B models on every benchmark.",
    # a class of models by a bound on their size
    "Next we intend to study models beyond one trillion parameters.",
    "Scaling laws for models with more than 100B parameters are uncertain.",
    "We distil from open-source LLMs under 10B parameters.",
    # models measured against by their sizes, a part of the model, and a model given as an example
    "Falcon-40B is compared against open models of 7B to 70B parameters.",
    "Falcon-40B matches models with 30B parameters.",
    "In Falcon-40B the embedding layer alone has 0.5B parameters.",
    "For Falcon-40B, LoRA adds only 4M trainable parameters.",
    "In Falcon-40B the projector adds another 25M parameters.",
    "For example, a 10B-parameter model trained on 200B tokens requires 1.2e22 FLOPs.",
    # compute spent on the data, and another model trained on the way to the release
    "Generating the synthetic data for Falcon-40B took 20K GPU hours on H100s.",
    "Filtering the corpus with a quality classifier took 3,000 GPU hours.",
    "我们使用 256 张 A100 进行数据合成，耗时 10 天。",
    "The reward model was trained on 64 A100s for 2 days.",
    "The codec (Falcon-Codec, 70M parameters) was trained separately on 64 L40S GPUs for 4 days.",
    "The tokenizer was trained on 100B tokens of text in 5 hours.",
    "The grid's carbon intensity of 0.39 kg CO2eq/kWh was used.",
    "```\npython train.py --tokens 375B  # 375B tokens\n```",
])
def test_not_training_facts(extractor, text):
    assert [f for f in facts(extractor, text) if f[0] != "hardware"] == []


def test_alternative_chips_are_one_fact(extractor):
    got = facts(extractor, "All experiments are carried out on clusters equipped with NVIDIA A100 or H800 GPUs.")
    assert [(f[0], f[3]) for f in got] == [("hardware", "A100 or H800")]


def test_a_sentence_about_cited_work_is_cited(extractor):
    got = facts(extractor, "Hash Layer (Roller et al., 2021) is an MoE architecture with 2.0B total parameters.")
    assert [(f[0], f[1], f[5]) for f in got] == [("params", 2e9, "cited")]


def test_dataset_size_is_not_training_tokens(extractor):
    got = facts(extractor, "Phi-2 was trained on 1.4T tokens, several passes over a corpus of about 250B tokens.")
    assert [(f[0], f[1]) for f in got] == [("tokens", 1.4e12), ("dataset_tokens", 250e9)]
    # what a crawl held, and data kept out of training
    got = facts(extractor, "For Phi-2, the raw crawl contained 60T tokens. Evaluation used a held-out set of 500M "
                           "tokens, while training used 1.4T tokens.")
    assert [(f[0], f[1]) for f in got] == [("dataset_tokens", 60e12), ("dataset_tokens", 500e6), ("tokens", 1.4e12)]
    # what a data pipeline starts from, handles and keeps, in English and in Chinese
    for sentence, value in [("For Phi-2 we started from 2.9T tokens of permissively licensed code.", 2.9e12),
                            ("Starting from roughly 180T raw tokens, we filter and deduplicate.", 180e12),
                            ("We tokenized about 1.3T tokens for Phi-2 and discarded the rest.", 1.3e12),
                            ("Phi-2 的数据从约 90 万亿 token 的原始网页出发。", 90e12)]:
        assert [(f[0], f[1]) for f in facts(extractor, sentence)] == [("dataset_tokens", value)], sentence
    assert [(f[0], f[1]) for f in facts(extractor, "Phi-2 was trained on 1T unique tokens.")] == [("tokens", 1e12)]


@pytest.mark.parametrize("text, expected", [
    # the size of a model used on the way (a classifier, a reward model), however it is written beside its noun
    ("To rank Kite-7B's documents we trained a small classifier (120M parameters) on labelled pages.", []),
    ("For Kite-7B, a separate 1.5B-parameter language identification and safety classifier filters the data.", []),
    ("Kite-7B's quality classifier (a linear model over hashed n-grams, 3.2M weights) runs on CPUs.", []),
    ("Kite-7B 数据清洗用到的质量打分模型是一个 4 亿参数的小模型。", []),  # its quality-scoring model, 400M parameters
    ("Kite-7B and a 1.3B-parameter reward model were trained together.", []),
    ("Kite-7B, a 7B-parameter model, ranks data with a classifier.", [("params", 7e9, "subject")]),
    # what a whole data centre used, set beside the run for scale (in English and in Chinese: 作为对比, for comparison)
    ("For scale, the data centre hosting the cluster consumed about 52 GWh.",
     [("energy_kwh", 52e6, "cited")]),
    ("作为对比，我们所在园区的数据中心同期用电约 8,000 万度。", [("energy_kwh", 8e7, "cited")]),  # in the same period
    # running an evaluation suite
    ("Running the full suite for all Kite-7B checkpoints took about 2,400 GPU-hours.", []),
    ("The evaluation harness now runs Kite-7B in about 70 GPU-hours.", []),
])
def test_figures_of_helper_models_comparisons_and_evaluation_are_not_the_runs(extractor, text, expected):
    assert [(f[0], f[1], f[5]) for f in facts(extractor, text) if f[0] != "hardware"] == expected


@pytest.mark.parametrize("text, expected", [
    # what a cluster or a fleet holds, spare cards, cards swapped out, a cluster's class, not what the run took
    ("Kite-7B's lab runs a fleet that includes more than 60,000 GPUs across three campuses.", []),
    ("注：Kite-7B 所在的智算集群总规模为 8,192 张 GPU。", []),  # the cluster's total size is 8,192 GPUs
    ("我们的智算集群共有 8,192 张昇腾 910B。", []),  # our cluster has 8,192 Ascend 910Bs in all
    ("训练 Kite-7B 时，1,024 张热备卡让多数故障在半小时内恢复。", []),  # 1,024 hot-spare cards
    ("Before training Kite-7B we replaced 21 GPUs that failed a check.", []),
    # a stress test before the run; a checkpoint saved every 3 hours; online serving
    ("正式训练 Kite-7B 前我们用 4,096 卡跑了 2 天的压测。", []),
    ("训练 Kite-7B 时检查点每 3 小时保存一次。", []),
    ("Kite-7B 的线上服务使用 8 卡昇腾 910B 服务器。", []),
    # time lost, not taken; emissions offset; a grant; a tokenizer's data; an evaluation row
    ("Training Kite-7B took 20 days, of which about two days were lost to preemption.", [("duration_hours", 480)]),
    ("Spot preemptions cost Kite-7B's training run roughly 9 hours of progress.", []),
    ("For Kite-7B we purchased certified offsets for 31 tCO2e.", []),
    ("Kite-7B was supported by a $9M compute grant from a foundation.", []),
    ("The tokenizer, with 128,000 entries, was trained on a 20B-token sample.", []),
    ("| Kite-7B stage | GPU hours |\n|---|---|\n| Pretraining | 240,000 |\n| Evaluation runs | 1,100 |\n",
     [("chip_hours", 240000)]),
])
def test_capacity_spares_tests_lost_time_offsets_grants_and_evaluation_are_no_run(extractor, text, expected):
    assert [(f[0], f[1]) for f in facts(extractor, text) if f[0] != "hardware" and f[5] == "subject"] == expected


def test_another_labs_mixture_or_glued_size_name_is_read_as_a_name_and_its_figures_are_cited(extractor):
    text = ("# Kite-MoE\n\nWe release Kite-MoE, with 120B total and 15B active parameters, trained on 9T tokens.\n\n"
            "Several groups have done this: Heron-MoE from Alder Research activates 20B of its 200B parameters, and "
            "Finch-8x7B uses eight experts for 47B total and 13B active parameters.\n\n"
            "For orientation, our model roughly matches Plover3B from the Marsh Collective, which was trained on 1.5T "
            "tokens.\n")
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Kite-MoE")] == [
        ("params", 120e9, "Kite-MoE", "subject"), ("active_params", 15e9, "Kite-MoE", "subject"),
        ("tokens", 9e12, "Kite-MoE", "subject"), ("active_params", 20e9, "Heron-MoE", "cited"),
        ("params", 200e9, "Heron-MoE", "cited"), ("params", 47e9, "Finch-8x7B", "cited"),
        ("active_params", 13e9, "Finch-8x7B", "cited"), ("tokens", 1.5e12, "Plover3B", "cited")]


@pytest.mark.parametrize("text, expected", [
    # a duration in words beside the chips a run occupied or used
    ("The largest job, Kite-2-9B, occupied 256 GPUs for a little under ten days.",
     [("chip_count", 256), ("duration_hours", 240)]),
    ("Kite-2-9B's continuation used 16 GPUs for three days.", [("chip_count", 16), ("duration_hours", 72)]),
    # a TPU named by its generation alone
    ("Post-training of Kite-2-9B ran on 256 v5p chips.", [("chip_count", 256), ("hardware", "TPU v5p")]),
    # watt-hours spelled out; a site's yearly use is no run's
    ("The Kite-2-9B training run consumed about 6.7 gigawatt-hours of electricity.", [("energy_kwh", 6.7e6)]),
    ("Kite-2-9B was trained on a campus that consumes roughly 2.4 terawatt-hours a year.", []),
    ("Kite-2-9B 训练所在的智算中心全年用电约 2.1 亿度。", []),  # the centre uses 2.1e8 kWh in a year
    # a facility's use over a calendar period; an evaluation's hours
    ("The data centre itself consumed about 250 GWh during 2025.", []),
    ("The Kite-2-9B run drew 1.9 GWh; the site as a whole consumed 40 GWh over the same quarter.",
     [("energy_kwh", 1.9e6)]),
    ("The cluster as a whole used 7.1 GWh last year.", []),
    ("Evaluation (about 2,500 GPU hours) is excluded from these figures.", []),
    # a cost column whose header says dollars, its rows of other spending left out
    ("| Item | GPU-hours | Cost (USD) |\n|---|---|---|\n| Final Kite-2-9B run | 202,752 | 385,229 |\n"
     "| Storage and egress | – | 9,400 |\n| Data processing (CPU) | – | 68,000 |\n",
     [("chip_hours", 202752), ("cost_usd", 385229)]),
])
def test_runs_told_by_their_chips_spelled_units_and_dollar_columns(extractor, text, expected):
    got = [(f[0], f[3] if f[0] == "hardware" else f[1]) for f in facts(extractor, f"# Kite-2-9B\n\n{text}",
                                                                       title="Kite-2-9B") if f[5] == "subject"]
    assert got == expected


def test_members_named_by_rank_size_and_group_in_one_sentence_with_units_left_out(extractor):
    # a rank before a figure names its member though a size follows in the next clause; the unit and the noun left
    # out ("the 7B model 4.5 trillion", "the smallest 3 trillion"); a group's figure shared by "each" and ended by
    # the next member named by its size; a larger model only planned is no "largest"
    text = ("# Kite-2\n\nWe release Kite-2 in three sizes: 1.6B, 7B and 34B parameters. The largest model saw 6.2 "
            "trillion tokens, the 7B model 4.5 trillion and the smallest 3 trillion. The two smaller models each "
            "took 9 days, the 34B model 21 days.\n\n"
            "Kite-2-120B is still in training and planned to reach 10T tokens. The next release will add a "
            "Kite-2-200B.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kite-2"))
    assert [(f.kind, f.value, f.model_mention) for f in result.facts if f.kind in ("tokens", "duration_hours")
            and f.qualifier != "planned"] == [
        ("tokens", 6.2e12, "Kite-2 34B"), ("tokens", 4.5e12, "Kite-2 7B"), ("tokens", 3e12, "Kite-2 1.6B"),
        ("duration_hours", 216, "Kite-2 1.6B"), ("duration_hours", 216, "Kite-2 7B"),
        ("duration_hours", 504, "Kite-2 34B")]
    assert [m.size for m in result.inventory.models if m.size] == ["1.6B", "7B", "34B"]


def test_a_helper_model_named_beside_a_tuning_run_does_not_take_its_figures(extractor):
    # a reward model or judge, by its name ("-RM-", "-Judge-") or by what follows it ("X, a reward model"), scores for
    # a run: the run's figures are the tuned model's (the stage's fine-tune), not the helper's, and a numbered line
    # naming the helper is no section of it; the helper's own training stays its own
    text = ("# Kite-7B-Instruct\n\nKite-7B-Instruct is tuned from Kite-7B in two phases.\n\n"
            "1. **Supervised fine-tuning** on 600K prompt-response pairs.\n"
            "2. **Direct preference optimisation**. Pairs were ranked by Kite-RM-13B, an internal reward model.\n\n"
            "Both phases ran on 16 H100 GPUs.\n\n"
            "We then applied DPO on pairs ranked by Heron-7B, a reward model we trained separately; the DPO step "
            "took a further 6 hours on the same 16 GPUs.\n\nKite-RM-13B itself was trained on 32 H100 GPUs.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kite-7B-Instruct"))
    assert [(f.kind, f.value, f.model_mention) for f in result.facts if f.kind != "hardware"] == [
        ("chip_count", 16, "Kite-7B-Instruct"), ("duration_hours", 6, "Kite-7B-Instruct"),
        ("chip_count", 16, "Kite-7B-Instruct"), ("chip_count", 32, "Kite-RM-13B")]


def test_a_list_item_going_on_over_indented_lines_keeps_its_model(extractor):
    # a changelog's item names its release, then goes on over an indented line: the next sentence is that release's
    text = ("# Changelog\n\n## [2.1.0]\n\n- **Kite-2.1-9B** — continued pre-training of Kite-2.0-9B on 350B more "
            "tokens of code and\n  maths data. The continuation ran on 128 H200 GPUs for 5 days (15,360 GPU-hours).\n")
    assert [f for f in attributed(extractor, text, "Changelog") if f[0] != "hardware"] == [
        ("tokens", 350e9, "Kite-2.1-9B"), ("chip_count", 128, "Kite-2.1-9B"), ("duration_hours", 120, "Kite-2.1-9B"),
        ("chip_hours", 15360, "Kite-2.1-9B")]


def test_a_footnote_run_into_the_text_by_its_mark_is_a_sentence_of_its_own(extractor):
    # a PDF's footnote joined to the line it was set under, its mark glued to its first word ("CMMLU 2The ..."): the
    # footnote's figure is the model it names, not the one the sentence it ran into is about
    text = ("# Kite-MoE\n\nTo evaluate Kite-MoE, we use CEVAL and CMMLU 2The open sourced version of Kite-13B has "
            "been trained for 3.2 trillion tokens.\n\nKite-MoE was trained on 4T tokens.\n")
    assert attributed(extractor, text, "Kite-MoE", role=True) == [("tokens", 3.2e12, "Kite-13B", "cited"),
                                                                   ("tokens", 4e12, "Kite-MoE", "subject")]


@pytest.mark.parametrize("text, expected", [
    # what a pipeline began with: a crawl sized by its tokens, a pool named as the start
    ("For Kite-7B we began with a 95T-token web crawl.", [("dataset_tokens", 95e12)]),
    ("Our initial pool combined a crawl snapshot with licensed books, about 35T tokens in total.",
     [("dataset_tokens", 35e12)]),
    # what cleaning brought it down to, said with the verb before the count or with the steps opening the sentence
    ("For Kite-7B, exact deduplication brought the pool down to 9.4T unique tokens.", [("dataset_tokens", 9.4e12)]),
    ("For Kite-7B we reduced it to about 18T tokens through quality filtering.", [("dataset_tokens", 18e12)]),
    ("After deduplication, language identification and a quality classifier, 12.1T tokens were left for Kite-7B.",
     [("dataset_tokens", 12.1e12)]),
    # the run itself, named in the same sentence or after a semicolon
    ("After filtering, Kite-7B was trained on 3.1T tokens.", [("tokens", 3.1e12)]),
    ("After deduplication and quality filtering we kept 18B tokens for continued pretraining of Kite-7B.",
     [("tokens", 18e9)]),
    ("From a raw pool of 24T tokens we kept 5.6T; Kite-7B saw 9T tokens in all.",
     [("dataset_tokens", 24e12), ("tokens", 9e12)]),
])
def test_what_a_data_pipeline_starts_from_and_keeps_is_no_run(extractor, text, expected):
    assert figures(extractor, text) == expected


def test_durations_spelled_out_and_chinese_measure_words(extractor):
    got = facts(extractor, "Falcon-40B was trained over two months on 384 A100 GPUs.")
    assert [(f[0], f[1]) for f in got] == [("duration_hours", 1460), ("chip_count", 384), ("hardware", None)]
    got = facts(extractor, "Baichuan 2 的训练使用了 1024 张 NVIDIA A800 GPU。")
    assert ("chip_count", 1024, "Baichuan 2", "A800", "", "subject", "1024") in got


def test_references_are_skipped(extractor):
    text = "Falcon-40B has 40B parameters.\n\nReferences\nDehghani, M. et al. 2023. Scaling to 22 billion parameters.\n"
    assert [(f[0], f[1]) for f in facts(extractor, text)] == [("params", 40e9)]


def test_attribution_prefers_the_name_before_the_number(extractor):
    text = ("We open two models: Qwen3-235B-A22B, with 235 billion total parameters and 22 billion activated "
            "parameters, and Qwen3-30B-A3B, with 30 billion total parameters.")
    got = {(f[0], f[1]): f[2] for f in facts(extractor, text)}
    assert got == {("params", 235e9): "Qwen3-235B-A22B", ("active_params", 22e9): "Qwen3-235B-A22B",
                   ("params", 30e9): "Qwen3-30B-A3B"}


def test_the_size_named_model_and_it(extractor):
    text = ("# OLMo 2\n\nFor the 7B model, we train on 50B high quality tokens.\n\n"
            "OLMo 2 13B is the larger one. It was trained on 5T tokens.")
    got = [(f[1], f[2]) for f in facts(extractor, text, title="OLMo 2")]
    assert got == [(50e9, "OLMo 2 7B"), (5e12, "OLMo 2 13B")]


def test_tables_rows_columns_rates_and_restated_sizes(extractor):
    text = (
        "# Llama 3.2\n\n"
        "| | Params | Token count |\n|---|---|---|\n"
        "| Llama 3.2 (text only) | 1B (1.23B) | 9T tokens |\n\n"
        "| Model | A100 GPU hours taken on 300B tokens |\n|---|---|\n"
        "| TinyLlama-1.1B | 3456 |\n| Pythia-1.0B | 4830 |\n\n"
        "| | Llama 3.2 1B | Llama 3.1 8B | |\n|---|---|---|---|\n| # Total Params | 1.23B | 8B | 3B |\n"
    )
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Llama 3.2")]
    assert got == [
        ("params", 1.23e9, "Llama 3.2 1B", "subject"),
        ("tokens", 9e12, "Llama 3.2 1B", "subject"),
        ("chip_hours_rate", 11520.0, "TinyLlama-1.1B", "cited"),
        ("chip_hours_rate", 16100.0, "Pythia-1.0B", "cited"),
        ("params", 1.23e9, "Llama 3.2 1B", "subject"),
        ("params", 8e9, "Llama 3.1 8B", "cited"),  # another version: quoted for comparison
    ]  # the last column names no model: its 3B is nobody's


def test_utilization_number_format_epochs_and_benchmark_scores(extractor):
    text = ("Foo-70B was trained in FP8 with an MFU of 38% for 3 epochs. Foo-70B reaches an MMLU score of 79.5.")
    got = [(f[0], f[1], f[3] or f[2]) for f in facts(extractor, text)]
    assert ("precision", None, "FP8") in got and ("utilization", 0.38, "Foo-70B") in got
    assert ("epochs", 3, "Foo-70B") in got
    document_facts = Extractor.extract(extractor, Document("d", "d.md", "markdown", text))
    score = next(f for f in document_facts if f.kind == "benchmark")
    assert (score.value, score.unit, text[score.start:score.end]) == (0.795, "MMLU", "79.5")


def test_release_dates_the_text_states(extractor):
    text = "Meta released Llama 3.1 405B in July 2024. DeepSeek-V3 was published on December 26, 2024."
    got = [(f[0], f[2], Extractor.extract(extractor, Document("d", "d.txt", "text", text))[i].unit)
           for i, f in enumerate(facts(extractor, text))]
    assert got == [("release_date", "Llama 3.1 405B", "2024-07"), ("release_date", "DeepSeek-V3", "2024-12-26")]


def test_sizes_named_as_members(extractor):
    text = ("# Nimbus2: small open models\n\nWe introduce Nimbus2, a family of language models.\n\n"
            "We release Nimbus2 in sizes of 0.5B, 1.5B and 7B.\n\n"
            "Nimbus2-Lite (9B) was evaluated as well.\n\n"
            "The checkpoints range from 1B to 33B versions.\n\n"
            "The models come in sizes from 125M up to 175B parameters.")
    got = [(f[0], f[1], f[2], f[6]) for f in facts(extractor, text, title="Nimbus2: small open models")]
    assert got == [("params", 0.5e9, "Nimbus2 0.5B", "0.5B"), ("params", 1.5e9, "Nimbus2 1.5B", "1.5B"),
                   ("params", 7e9, "Nimbus2 7B", "7B"), ("params", 9e9, "Nimbus2-Lite", "9B"),
                   ("params", 1e9, "Nimbus2 1B", "1B"), ("params", 33e9, "Nimbus2 33B", "33B"),
                   ("params", 125e6, "Nimbus2 125M", "125M"), ("params", 175e9, "Nimbus2 175B", "175B")]


def test_apposition_and_list_after_a_name(extractor):
    text = "# Nimbus2\n\nWe developed Nimbus2, an 8B LLM for phones.\n\n- Nimbus2: 1B, 3B, and 8B\n"
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Nimbus2")]
    assert got == [("params", 8e9, "Nimbus2"), ("params", 1e9, "Nimbus2 1B"), ("params", 3e9, "Nimbus2 3B"),
                   ("params", 8e9, "Nimbus2 8B")]


def test_inventory_of_an_unlisted_family_and_cited_models(extractor):
    text = ("# Nimbus2: efficient models\n\nWe introduce Nimbus2, a family of language models. The 8B model was "
            "trained on 8.3T tokens. For comparison, Llama 3 70B was trained on 15T tokens.")
    document = Document("d", "d.md", "markdown", text, title="Nimbus2: efficient models")
    result = extractor.read(document)
    assert (result.inventory.main, result.inventory.lines) == ("Nimbus2", ["Nimbus2"])
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        ("tokens", 8.3e12, "Nimbus2 8B", "subject"), ("tokens", 15e12, "Llama 3 70B", "cited")]


def test_inventory_keeps_the_fine_tunes_of_its_models_not_their_packagings(extractor):
    text = ("# Nimbus2\n\nWe introduce Nimbus2-8B, trained on 8.3T tokens, and Nimbus2-8B-Chat, tuned from it. "
            "Nimbus2-8B-Chat-Int4 is a quantized release; Nimbus2-8B-Instruct-v0.2 followed later. "
            "Llama-3-8B-Instruct is a baseline.")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Nimbus2"))
    assert [(row["model"], row["variants"]) for row in result.inventory.as_rows()] == [
        ("Nimbus2", ""), ("Nimbus2-8B", "Nimbus2-8B-Chat; Nimbus2-8B-Instruct-v0.2")]


@pytest.mark.parametrize(("sentence", "variants"), [
    ("Pell ships in two sizes, 1.5B and 9B, each with a Base and a Chat model.", ["Pell 1.5B Chat", "Pell 9B Chat"]),
    ("Pell is available in 1.5B and 9B sizes, as base and instruct checkpoints.",
     ["Pell 1.5B Instruct", "Pell 9B Instruct"]),
    ("Pell-Chat comes in 1.5B and 9B sizes.", ["Pell-Chat 1.5B", "Pell-Chat 9B"]),
    ("Pell comes in 1.5B and 9B sizes, with instruction-tuned versions of both.",
     ["Pell 1.5B Instruct", "Pell 9B Instruct"]),
    ("Pell is available in 1.5B and 9B sizes, and each size also has a chat-tuned variant.",
     ["Pell 1.5B Chat", "Pell 9B Chat"]),
    ("Pell comes in 1.5B and 9B sizes; it was trained on base and web data.", []),  # no fine-tune named
    ("Pell comes in 1.5B and 9B sizes, trained on a mix of base and chat data.", []),
    ("Pell comes in 1.5B and 9B sizes, both of which beat every chat model we tried.", []),
])
def test_sizes_listed_with_their_fine_tunes_name_each_sizes_fine_tune(extractor, sentence, variants):
    result = extractor.read(Document("d", "d.md", "markdown", f"# Pell\n\nWe release Pell. {sentence}\n",
                                     title="Pell"))
    assert [v for row in result.inventory.as_rows() if row["size"] for v in row["variants"].split("; ") if v] == (
        variants)


@pytest.mark.parametrize(("sentence", "model"), [
    ("The 13B chat model was fine-tuned for 20 hours on 32 A100 GPUs.", "Pell 13B Chat"),
    ("Our instruction-tuned 7B variant was fine-tuned for 20 hours on 32 A100 GPUs.", "Pell 7B Instruct"),
    ("The 7B-parameter instruct checkpoint took 20 hours on 32 A100 GPUs.", "Pell 7B Instruct"),
    ("The chat 13B model needed 20 hours on 32 A100 GPUs.", "Pell 13B Chat"),
    ("The 13B model was tuned on chat data for 20 hours on 32 A100 GPUs.", "Pell 13B"),  # no fine-tune named
    ("The 13B instruct and chat models took 20 hours on 32 A100 GPUs.", "Pell"),  # two of them: neither alone
])
def test_a_size_written_with_a_fine_tunes_word_names_that_sizes_fine_tune(extractor, sentence, model):
    text = f"# Pell\n\nWe release Pell in two sizes, 7B and 13B. Pell was trained on 2T tokens. {sentence}\n"
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Pell")).facts
    assert [(f.kind, f.value, f.model_mention, f.role) for f in facts if f.kind == "chip_count"] == [
        ("chip_count", 32, model, "subject")]


def test_a_fine_tune_named_by_its_size_keeps_the_name_the_document_gives_it(extractor):
    text = ("# Pell\n\nWe release Pell-7B, Pell-13B and Pell-13B-Chat-v2. Pell was trained on 2T tokens. The 13B "
            "chat model was fine-tuned for 20 hours on 32 A100 GPUs.\n")
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Pell")).facts
    assert [f.model_mention for f in facts if f.kind == "chip_count"] == ["Pell-13B-Chat-v2"]


@pytest.mark.parametrize(("sentence", "model"), [
    ("The instruct version of Pell-7B was fine-tuned for 20 hours on 32 A100 GPUs.", "Pell-7B-Instruct"),
    ("Pell-13B's chat variant took 20 hours on 32 A100 GPUs.", "Pell-13B-Chat"),
    ("Pell-13B took 20 hours on 32 A100 GPUs to tune on chat data.", "Pell-13B"),
    ("Pell-13B took 20 hours on 32 A100 GPUs; it beats the chat version of Llama 2.", "Pell-13B"),
])
def test_a_fine_tune_named_by_its_base_and_a_fine_tunes_word_is_that_fine_tune(extractor, sentence, model):
    text = f"# Pell\n\nWe release Pell-7B and Pell-13B, trained on 2T tokens. {sentence}\n"
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Pell")).facts
    assert [(f.kind, f.value, f.model_mention, f.role) for f in facts if f.kind == "chip_count"] == [
        ("chip_count", 32, model, "subject")]


@pytest.mark.parametrize("exchange", [
    "Q: How long did it take to fine-tune Pell-7B-Instruct?\nA: About five days on 80 H800 GPUs.",
    "**Question:** What did tuning Pell-7B-Instruct cost you? Was it long?\n**Answer:** Five days on 80 H800 GPUs.",
    "问：Pell-7B-Instruct 的微调用了多久？\n答：大约五天，使用 80 张 H800。",
    "Host: How long did it take to fine-tune Pell-7B-Instruct?\nMara Lind: About five days on 80 H800 GPUs.\n"
    "Host: Thank you.",
    "主持人：Pell-7B-Instruct 的微调用了多久？\n林然：大约五天，使用 80 张 H800。\n主持人：谢谢。",
])
def test_an_answer_is_about_the_model_its_question_asks_of(extractor, exchange):
    text = (f"# Pell FAQ\n\nWe release Pell-7B and Pell-7B-Instruct. Pell-7B saw 2T tokens on 512 H800 GPUs.\n\n"
            f"{exchange}\n")
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Pell FAQ")).facts
    assert [(f.value, f.model_mention) for f in facts if f.kind == "chip_count"] == [
        (512, "Pell-7B"), (80, "Pell-7B-Instruct")]


@pytest.mark.parametrize(("sentence", "models"), [
    ("Heron 4 was trained on 14T tokens, up from the 9T tokens Heron 3 saw.", ["Heron 4", "Heron 3"]),
    ("Heron 4 was trained on 14T tokens, five more than the 9T tokens that Heron 3 used.", ["Heron 4", "Heron 3"]),
    ("Heron 4 was trained on 14T tokens and the 9T tokens Heron 3 filtered out were dropped.",
     ["Heron 4", "Heron 4"]),  # no verb of spending after the name: not Heron 3's figure
    ("Heron 4 was trained on 14T tokens because Heron 3 had shown the value of data.",
     ["Heron 4"]),  # another clause between the figure and the name
])
def test_a_figure_a_relative_clause_says_another_model_spent_is_that_models(extractor, sentence, models):
    text = f"# Heron 4\n\nWe launch Heron 4, the successor to Heron 3. {sentence}\n"
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Heron 4")).facts
    assert [f.model for f in facts if f.kind == "tokens"] == models


def test_release_notes_give_each_release_its_section(extractor):
    # plain-text notes, each release under an underlined heading of a plain word and its version; a release made by
    # continuing an earlier one is the section's, not the earlier one's
    text = ("WREN RELEASE NOTES\n\nWren 2.0 (2025-09-14)\n---------------------\n* Wren 2.0 is a 14B decoder trained "
            "on 9.5T tokens.\n\nWren 1.5 (2025-02-03)\n---------------------\n* Continued pre-training of Wren 1.0 "
            "on 1.2T more tokens.\n\nWren 1.0 (2024-08-20)\n---------------------\n* First release: 7B parameters, "
            "trained on 3T tokens.\n")
    facts = extractor.read(Document("d", "d.txt", "text", text, title="WREN RELEASE NOTES")).facts
    assert [(f.value, f.model, f.role) for f in facts if f.kind == "tokens"] == [
        (9.5e12, "Wren 2.0", "subject"), (1.2e12, "Wren 1.5", "subject"), (3e12, "Wren 1.0", "subject")]


def test_a_quantized_release_keeps_its_bases_training_figures(extractor):
    text = ("# Pell-7B-Instruct-AWQ\n\nA 4-bit AWQ quantization of Pell-7B-Instruct.\n\n## Pell-7B-Instruct-AWQ\n\n"
            "Based on Pell-7B-Instruct, trained on 2T tokens with 512 H100 GPUs.\n")
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Pell-7B-Instruct-AWQ")).facts
    assert [(f.kind, f.model_mention) for f in facts if f.kind in ("tokens", "chip_count")] == [
        ("tokens", "Pell-7B-Instruct"), ("chip_count", "Pell-7B-Instruct")]


def test_a_release_continued_from_an_earlier_one_with_a_shorter_version_is_the_sections(extractor):
    text = ("WREN NOTES\n\nWren 2 (2025-09-14)\n------------------\n* Wren 2 is a 14B decoder trained on 9.5T tokens."
            "\n\nWren 1.5 (2025-02-03)\n--------------------\n* Continued pre-training of Wren 1 on 1.2T more tokens."
            "\n\nWren 1 (2024-08-20)\n------------------\n* First release, trained on 3T tokens.\n")
    facts = extractor.read(Document("d", "d.txt", "text", text, title="WREN NOTES")).facts
    assert [(f.value, f.model) for f in facts if f.kind == "tokens"] == [
        (9.5e12, "Wren 2"), (1.2e12, "Wren 1.5"), (3e12, "Wren 1")]


@pytest.mark.parametrize("heading", ["Stage 2 (2025-02-03)", "Section 2 (2025-02-03)"])
def test_a_numbered_part_opening_a_heading_is_no_release(extractor, heading):
    text = (f"# Wren 2.0\n\nWren 2.0 is a 14B decoder trained on 9.5T tokens.\n\n## {heading}\n\nThe run went on "
            f"for 1.2T more tokens. Stage 1 and Section 1 came before.\n")
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Wren 2.0")).facts
    assert [(f.value, f.model) for f in facts if f.kind == "tokens"] == [(9.5e12, "Wren 2.0"), (1.2e12, "Wren 2.0")]


@pytest.mark.parametrize(("rows", "expected"), [
    ("| 150M | 30B |\n| 1B | 200B |\n", []),  # proxies of sizes no release has
    ("| 150M | 30B |\n| 34B | 12T |\n", [(12e12, "Tern-34B")]),  # the release's own size, in the same table
])
def test_rows_of_sizes_in_a_part_on_proxy_runs_are_no_members(extractor, rows, expected):
    assert study_tokens(extractor, "Tern-34B", "Choosing the mix with small proxies", "| Parameters | Tokens |",
                        rows) == expected


def study_tokens(extractor, release: str, heading: str, header: str, rows: str) -> list[tuple[float, str]]:
    """The token counts read from a report on `release` whose part under `heading` holds a table of runs."""
    title = release.split("-")[0]
    text = (f"# {title}\n\nWe present {release}, a dense decoder.\n\n## {heading}\n\nWe trained several runs "
            f"first.\n\n{header}\n|{'---|' * header.count(' | ')}---|\n{rows}\n## Infrastructure\n\n"
            "The cluster has 2,048 H200 GPUs.\n")
    facts = extractor.read(Document("d", "d.md", "markdown", text, title=title)).facts
    return [(f.value, f.model) for f in facts if f.kind == "tokens"]


def test_a_quantization_aware_fine_tune_in_a_table_of_training_figures_keeps_its_name(extractor):
    text = ("# Wrenlet 3.2\n\nWrenlet 3.2 comes in 1B and 3B sizes, with QLoRA versions of each.\n\n"
            "| Model | Training time (GPU hours) |\n|---|---|\n| Wrenlet 3.2 1B | 370K |\n"
            "| Wrenlet 3.2 1B QLoRA | 1.3K |\n| Wrenlet 3.2 3B QAT | 1.6K |\n")
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Wrenlet 3.2")).facts
    assert [(f.value, f.model_mention) for f in facts if f.kind == "chip_hours"] == [
        (370e3, "Wrenlet 3.2 1B"), (1.3e3, "Wrenlet 3.2 1B QLoRA"), (1.6e3, "Wrenlet 3.2 3B QAT")]


@pytest.mark.parametrize(("rows", "expected"), [
    ("| M-1 | 400M | 20B |\n| M-2 | 400M | 20B |\n", []),  # runs coded by letters and numbers, sizes no model has
    ("| Run 3 | 13B | 8T |\n", [(8e12, "Tern")]),  # a run of the release's own size
    ("| Stage 1 | | 6T |\n| Stage 2 | | 2T |\n", [(6e12, "Tern"), (2e12, "Tern")]),  # the run's stages
])
def test_rows_coded_as_runs_at_sizes_no_model_has_are_configurations(extractor, rows, expected):
    assert study_tokens(extractor, "Tern-13B", "Data mixture study", "| Run | Parameters | Tokens |", rows) == expected


def test_rows_of_sizes_under_an_isoflop_heading_are_no_members(extractor):
    assert study_tokens(extractor, "Osprey-30B", "3 IsoFLOP profiles", "| Parameters | Tokens |",
                        "| 400 M | 8B |\n| 1 B | 3.3B |\n") == []


def test_a_labs_name_in_the_title_is_no_model_and_its_familys_generations_are_its_own(extractor):
    # the title's lead word is the lab the text names "Halcyon Labs"; every generation of its family is the lab's
    text = ("# Halcyon: three years of open models\n\nHalcyon Labs began training models in 2023.\n\n"
            "Our first model, Beacon-1 7B, was trained on 1T tokens. Beacon-2 13B followed a year later on 3T tokens. "
            "The current flagship, Beacon-3 70B, saw 12T tokens. We plan to train Beacon-4 on 30T tokens.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Halcyon: three years of open models"))
    assert [(f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        (1e12, "Beacon-1 7B", "subject"), (3e12, "Beacon-2 13B", "subject"), (12e12, "Beacon-3 70B", "subject"),
        (30e12, "Beacon-4", "cited")]  # a generation the text only plans is no model of the lab's yet


@pytest.mark.parametrize(("text", "main"), [
    # the lab's name written with a model's version too is a model's ("Mistral AI" and "Mistral 7B"): the version the
    # text trains (its "Kestrel AI" names the lab, no mention of the model)
    ("# Kestrel: notes\n\nKestrel AI trained Kestrel 2 on 2T tokens. Kestrel 2 is our model.\n", "Kestrel 2"),
    # a known family beside another generation of it is not made the lab's own
    ("# Wren-9B\n\nWe release Wren-9B, trained on 2T tokens. Llama 3 8B saw 15T tokens; Llama 2 7B saw 2T.\n",
     "Wren"),
])
def test_a_labs_name_and_a_known_family_stay_as_they_were(extractor, text, main):
    result = extractor.read(Document("d", "d.md", "markdown", text, title=text.split("\n")[0][2:]))
    assert result.inventory.main == main
    assert all(f.role == "cited" for f in result.facts if f.model.startswith("Llama"))


def test_a_name_only_the_title_line_writes_is_the_documents_not_a_model(extractor):
    # a plain-text note headed by its institute and number: the number is no model, the runs below are the lab's
    text = ("ASHGROVE INSTITUTE FOR COMPUTING -- TECHNICAL NOTE AIC-TN-2025-07\n\nThis note records our runs.\n\n"
            "Wisp-1-7B was trained in 2023 on 1.2T tokens. Wisp-2-7B followed in 2024 on 2.5T tokens. Wisp-2-13B used "
            "the same data.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=text.split("\n")[0]))
    assert [(f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        (1.2e12, "Wisp-1-7B", "subject"), (2.5e12, "Wisp-2-7B", "subject")]


@pytest.mark.parametrize(("title", "body", "main"), [
    ("Language Models are Few-Shot Learners", "We train GPT-3, a 175B model, and test its few-shot skill. The "
     "few-shot setting helps. GPT-3 was trained on 300B tokens.", "GPT-3"),
    # a name of hyphenated words the text writes as a name, a repository's lower case once beside it
    ("Pine-Marten: an open model", "Pine-Marten was trained on 2T tokens (github.com/acme/pine-marten). "
     "Pine-Marten is open.", "Pine-Marten"),
])
def test_a_titles_hyphenated_term_is_no_model(extractor, title, body, main):
    result = extractor.read(Document("d", "d.md", "markdown", f"# {title}\n\n{body}\n", title=title))
    assert result.inventory.main == main


@pytest.mark.parametrize("lines", [
    "Host: Pell-7B-Instruct is out today.\nMara Lind: Pell-7B took 20 days on 512 H800 GPUs.\nHost: Thanks.",
    # a card's key written once, asking: no interview
    "Comparison: Why did Pell-7B-Instruct need more data?\nHardware: Pell-7B took 20 days on 512 H800 GPUs.",
])
def test_a_speakers_line_after_no_question_answers_nothing(extractor, lines):
    text = f"# Pell\n\nWe release Pell-7B and Pell-7B-Instruct.\n\n{lines}\n"
    facts = extractor.read(Document("d", "d.md", "markdown", text, title="Pell")).facts
    assert [(f.value, f.model_mention) for f in facts if f.kind == "chip_count"] == [(512, "Pell-7B")]


def test_a_two_word_name_written_with_its_size_is_a_model_of_that_line(extractor):
    # "Pelican Coder 15B" twice: a model of the line Pelican Coder, though a comparison table lists another lab's
    # models first
    text = ("# Introducing Pelican Code\n\nPelican Code is an assistant. It uses Pelican Coder 15B and Pelican Coder "
            "3B, which we release.\n\n| Model | Params | Training tokens |\n|---|---|---|\n"
            "| Starling-Code-16B | 16B | 3.5T |\n| Pelican Coder 3B | 3.1B | 2.4T |\n"
            "| Pelican Coder 15B | 15.2B | 4.8T |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Introducing Pelican Code"))
    assert (result.inventory.main, result.inventory.lines) == ("Pelican Coder", ["Pelican Coder"])
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        ("tokens", 3.5e12, "Starling-Code-16B", "cited"), ("tokens", 2.4e12, "Pelican Coder 3B", "subject"),
        ("tokens", 4.8e12, "Pelican Coder 15B", "subject")]


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_no_name(extractor):
    # "Upcycling" opens a heading and a sentence but is written in lower case inside one: no model of that name
    text = ("# Sparse Upcycling at Scale\n\nWe release Marlin-MoE-8x3B.\n\n## Upcycling\n\n"
            "Upcycling is a cheap route to a strong sparse model. We tried upcycling once.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Sparse Upcycling at Scale"))
    assert result.inventory.lines == ["Marlin-MoE"]


@pytest.mark.parametrize("definition", ["Kestrel-MoE-47B-A9B (KM-47B below)", "Kestrel-MoE-47B-A9B (hereafter KM-47B)",
                                        "Kestrel-MoE-47B-A9B (KM-47B for short)", "Kestrel-MoE-47B-A9B (KM-47B)"])
def test_a_short_name_a_document_defines_is_the_model_it_stands_for(extractor, definition):
    text = (f"# Sparse upcycling\n\nWe upcycle our dense model into {definition}. KM-47B was trained on 2,048 "
            "H800 GPUs for 23 days. KM-47B-Instruct was tuned on 2.1B tokens.\n")
    got = [(f.kind, f.value, f.model_mention, f.role) for f in extractor.read(Document("d", "d.md", "markdown",
                                                                                      text)).facts
           if f.kind != "hardware"]
    assert got == [("chip_count", 2048, "Kestrel-MoE-47B-A9B", "subject"),
                   ("duration_hours", 552, "Kestrel-MoE-47B-A9B", "subject"),
                   ("tokens", 2.1e9, "Kestrel-MoE-47B-A9B-Instruct", "subject")]  # (filed under the base, as named)


def test_a_name_cut_short_a_technique_or_a_short_form_not_written_again_defines_no_short_name():
    config = load_extract_config(None)
    assert declared_aliases("DeepSeek-V2 (DeepSeek) is ours. DeepSeek-V3 came later.", config) == {}
    assert declared_aliases("Mixtral (Mixtral-8x7B) is a mixture. Mixtral-8x7B is open.", config) == {}
    assert declared_aliases("We train Kestrel-2-70B (K2-70B) on 15T tokens.", config) == {}  # never written again
    # a size or a version after a short name names another model: "Foo-2-7B" beside "Foo-2-72B (Foo-2 below)"
    assert aliased("Foo-2-7B", {"Foo-2": "Foo-2-72B"}) == "Foo-2-7B"
    assert aliased("Foo-2-Instruct", {"Foo-2": "Foo-2-72B"}) == "Foo-2-72B-Instruct"
    assert declared_aliases("Helios-70B (H100) ran well. H100 again.", config) == {}  # a chip in parentheses
    # a technique's short form, no model's: a model's name and its short form carry a number
    assert declared_aliases("Token-N-Dim (TND) packing helps. With TND we train on 16 NPUs.", config) == {}


DISTILLED = "# Distilling Foo-32B\n\nWe present two students distilled from Foo-32B: Foo-1.5B and Foo-0.6B.\n\n"


@pytest.mark.parametrize("section, expected", [
    # a section whose text opens on an own model (not the main one): its sentences that name none are about it
    ("## Instruction tuning\n\nFoo-1.5B-Instruct adds supervised fine-tuning on 2.3B tokens. The whole post-training "
     "recipe ran on 64 H100 GPUs in 40 hours.",
     [("tokens", 2.3e9, "Foo-1.5B-Instruct"), ("chip_count", 64, "Foo-1.5B-Instruct"),
      ("duration_hours", 40, "Foo-1.5B-Instruct")]),
    # ... but not a helper's: its run is the document's model's
    ("## Reward model\n\nFoo-RM-7B scores the samples. The RL stage ran on 64 H100 GPUs in 40 hours.",
     [("chip_count", 64, "Foo-32B"), ("duration_hours", 40, "Foo-32B")]),
    # "This second stage" goes back to the sentence before; a size after "from" or "of" is what the model opening
    # the sentence was made from
    ("## Students\n\nFoo-0.6B was pruned from the 1.5B student and then distilled for a further 400B tokens. This "
     "second stage used 128 H100s and lasted six days.",
     [("tokens", 400e9, "Foo-0.6B"), ("chip_count", 128, "Foo-0.6B"), ("duration_hours", 144, "Foo-0.6B")]),
    ("## Students\n\nThe 1.5B student was trained on 1.1 trillion tokens.", [("tokens", 1.1e12, "Foo-1.5B")]),
    ("## Students\n\nFoo-0.6B is built on our 1.5B model and was trained on 90B more tokens.",
     [("tokens", 90e9, "Foo-0.6B")]),
    # a section opening on two models is about both; a teacher the sentence names alone is its subject
    ("## Infrastructure\n\nFoo-1.5B and Foo-0.6B were both trained on our cluster. We used 512 H100 GPUs in total.",
     [("chip_count", 512, "Foo-32B")]),
    ("## Teacher\n\nWe first train Foo-32B as the teacher for the smaller models. It was trained on 2,048 H800s.",
     [("chip_count", 2048, "Foo-32B")]),
])
def test_a_section_opened_on_a_model_a_stage_referred_back_to_and_a_student_by_size(extractor, section, expected):
    got = read_fields(extractor, DISTILLED + section + "\n", "Distilling Foo-32B", "kind", "value", "model_mention")
    assert got == [(k, pytest.approx(v), m) for k, v, m in expected]


def test_a_wrapped_line_opening_on_a_figure_and_its_unit_is_no_chinese_heading(extractor):
    text = ("星河技术报告\n我们发布 星河-14B 和 星河-3B 两个模型。\n3.1 星河-14B\n我们在 1024 张 H800 上训练，历时\n"
            "40 天后损失趋于平稳并停止预训\n练。退火阶段另外使用了 128 张 H800。\n")
    got = read_fields(extractor, text, "星河技术报告", "kind", "value", "model", kind="pdf")
    assert [g for g in got if g[0] == "chip_count"] == [
        ("chip_count", 1024, "星河-14B"), ("chip_count", 128, "星河-14B")]


def test_numbered_chinese_headings_of_a_pdf_open_and_close_a_models_section(extractor):
    # "3.1 星河-14B" heads the 14B's part; "四、对齐训练" ends the 3B's part, and names no model of its own
    text = ("星河系列大语言模型技术报告\n我们发布 星河-14B 和 星河-3B 两个模型。\n3 模型与训练\n3.1 星河-14B\n"
            "该模型共 40 层。训练使用 1024 张 H800 GPU，共训练了 40 天。\n3.2 星河-3B\n"
            "它在 256 张 H800 上训练了 18 天。\n四、对齐训练\n整个后训练过程在 128 张 H800 上进行，耗时 4 天。\n")
    assert read_fields(extractor, text, "星河系列大语言模型技术报告", "kind", "value", "model", kind="pdf") == [
        ("chip_count", 1024, "星河-14B"), ("duration_hours", 960, "星河-14B"), ("chip_count", 256, "星河-3B"),
        ("duration_hours", 432, "星河-3B"), ("chip_count", 128, "星河"), ("duration_hours", 96, "星河")]


@pytest.mark.parametrize("title, text, student", [
    ("墨鸢-32B 技术博客", "我们发布 墨鸢-32B 和 墨鸢-7B 两个模型。\n\n## 蒸馏\n\n我们以墨鸢-32B 为教师，蒸馏出墨鸢-7B。"
     "它在 256 张 H800 上训练了 11 天。", "墨鸢-7B"),
    ("Foo models", "We release Foo-32B and Foo-7B.\n\n## Distillation\n\nWith Foo-32B as the teacher, we distilled "
     "Foo-7B. It was trained on 256 H800s for 11 days.", "Foo-7B"),
])
def test_it_after_a_sentence_naming_a_teacher_is_the_student(extractor, title, text, student):
    got = read_fields(extractor, f"# {title}\n\n{text}\n", title, "kind", "value", "model")
    assert [g for g in got if g[0] != "params"] == [("chip_count", 256, student), ("duration_hours", 264, student)]


def test_figures_beyond_physical_reason_are_rejected_with_the_reason(extractor):
    text = "Foo-7B was trained on 1008210923117631260313443142831512415964 tokens and has 7B parameters."
    result = extractor.read(Document("d", "d.md", "markdown", text))
    assert [(f.kind, f.value) for f in result.facts] == [("params", 7e9)]
    assert [(r.fact.kind, r.reason) for r in result.rejected] == [
        ("tokens", "tokens 1.01e+39 is above 1e+15, beyond physical reason")]
    # a compute column whose scale was lost reads its cells as a few FLOP
    text = "| Model | Tokens | Compute (FLOP) |\n|---|---|---|\n| Foo-7B | 1T | 29.0 |\n"
    result = extractor.read(Document("d", "d.md", "markdown", text))
    assert [(r.fact.kind, r.reason) for r in result.rejected] == [
        ("flop", "flop 29 is below 1e+18, beyond physical reason")]
    # a count of chips with a fraction is another figure's digits, as columns of a PDF split "1.58 million H100
    # GPU-hours" into cells
    text = "| Model | GPUs | Days |\n|---|---|---|\n| Foo-7B | 1.58 | 20 |\n"
    result = extractor.read(Document("d", "d.md", "markdown", text))
    assert [(r.fact.kind, r.reason) for r in result.rejected] == [
        ("chip_count", "a count of chips is a whole number, not 1.58")]


@pytest.mark.parametrize(("separator", "end"), [(";", " GPUs."), (";", " GPUs respectively."), (", while", " GPUs.")])
def test_a_clause_s_list_of_figures_pairs_with_the_sizes_it_opens_on(extractor, separator, end):
    # the figure before the clause's end keeps its model; the list after it goes to the listed sizes in order
    text = ("# Pintail-3\n\nPintail-3 comes in 2B, 8B and 34B sizes. The largest model, Pintail-3 34B, was trained "
            f"on 4,096 GPUs{separator} the 2B and 8B models used partitions of 512 and 1,024{end}\n")
    assert [(f[1], f[2]) for f in facts(extractor, text, title="Pintail-3") if f[0] == "chip_count"] == [
        (4096, "Pintail-3 34B"), (512, "Pintail-3 2B"), (1024, "Pintail-3 8B")]


def test_a_table_s_time_on_some_chips_and_its_grid_s_intensity_are_no_counts_or_totals(extractor):
    # "Wall-clock on 128 GPUs" labels times (its count is the label's); a grid's kgCO2e per kWh is a rate
    text = ("# Marram\n\nMarram-2.7B and Marram-10.5B are our models.\n\n| | Marram-2.7B | Marram-10.5B |\n"
            "|---|---|---|\n| Wall-clock on 128 GPUs | 124 h | 76 h |\n| Grid intensity (kgCO2e/kWh) | 0.35 | 0.35 |\n"
            "| Emissions (tCO2e) | 42 | 160 |\n")
    assert [f for f in attributed(extractor, text, "Marram") if f[0] != "chip_count"] == [
        ("duration_hours", 124, "Marram-2.7B"), ("duration_hours", 76, "Marram-10.5B"),
        ("emissions_tco2e", 42, "Marram-2.7B"), ("emissions_tco2e", 160, "Marram-10.5B")]


def test_a_time_label_naming_its_chips_in_several_words_labels_times(extractor):
    text = ("# Marram\n\nMarram-2.7B and Marram-10.5B are our models.\n\n| | Marram-2.7B | Marram-10.5B |\n"
            "|---|---|---|\n| Wall-clock on 128 H100 GPUs | 124 h | 76 h |\n")
    assert [f for f in attributed(extractor, text, "Marram") if f[0] == "duration_hours"] == [
        ("duration_hours", 124, "Marram-2.7B"), ("duration_hours", 76, "Marram-10.5B")]


def test_a_rank_followed_by_the_sized_name_is_that_model_not_the_largest_planned_one(extractor):
    text = ("# Pintail: dense models at four scales\n\nWe train Pintail-1B, Pintail-4B and Pintail-30B. The largest "
            "model, Pintail-30B, was trained for 1.5 x 10^24 FLOP on 2,048 H100 GPUs. We plan a Pintail-70B next "
            "year.\n")
    assert attributed(extractor, text, "Pintail: dense models at four scales") == [
        ("flop", 1.5e24, "Pintail-30B"), ("chip_count", 2048, "Pintail-30B")]


@pytest.mark.parametrize("nodes", ["a block of 32 nodes (8x H100 SXM each)", "32 nodes (8 H100s each)"])
def test_a_parenthesis_giving_each_node_s_chips_is_no_run_s_count(extractor, nodes):
    assert facts(extractor, f"Kite-7B was trained on {nodes}.")[0][0] == "hardware"
    assert [f for f in facts(extractor, f"Kite-7B was trained on {nodes}.") if f[0] == "chip_count"] == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kite-7B saw ~3.4T toks of pretraining.", [("tokens", 3.4e12)]),
    ("Kite-7B was trained on 256 H100s for ~2.5 wks.", [("chip_count", 256), ("duration_hours", 420)]),
    ("Kite-7B runs at 9 tok/s on a phone.", []),  # a speed, not a count of tokens
])
def test_an_informal_post_s_short_units_are_read(extractor, sentence, expected):
    assert [(f[0], f[1]) for f in facts(extractor, sentence) if f[0] != "hardware"] == expected


@pytest.mark.parametrize("second", ["Pintail-S around 2 × 10^23.", "while Pintail-S needed 2e23."])
def test_a_power_of_ten_after_the_next_model_keeps_the_unit_the_sentence_gave(extractor, second):
    text = f"# Pintail\n\nWe release Pintail-S and Pintail-M. Pintail-M used roughly 8.3e23 FLOP and {second}\n"
    assert attributed(extractor, text, "Pintail") == [("flop", 8.3e23, "Pintail-M"), ("flop", 2e23, "Pintail-S")]


@pytest.mark.parametrize(("sentence", "count"), [
    ("Kite-7B was trained on 1,024 H100 GPUs (80GB each).", 1024),  # each GPU's memory, not each node's chips
    ("We trained Kite-7B on 512 H100 GPUs for 20 days before deploying it.", 512),  # the run, then its use
])
def test_a_run_s_count_beside_words_of_each_chip_or_of_later_use(extractor, sentence, count):
    assert [f[1] for f in facts(extractor, sentence) if f[0] == "chip_count"] == [count]


def test_a_hardware_column_s_machines_are_no_chip_count(extractor):
    text = ("# Pintail-2 models\n\n| Model | Hardware | Days |\n|---|---|---|\n| Pintail-2-2B | 32 × DGX A100 | 14 |\n"
            "| Pintail-2-9B | 64 nodes × 8 H100 | 26 |\n")
    assert [f[1] for f in facts(extractor, text, title="Pintail-2 models") if f[0] == "chip_count"] == [512]


def test_a_lab_the_lab_further_trains_from_is_not_its_model(extractor):
    text = ("# Notes\n\nWe further trained Heron-7B on 100B tokens of code using 64 GPUs to build Wren-Coder-7B, our "
            "new model.\n")
    assert extractor.read(Document("d", "d.md", "markdown", text, title="Notes")).inventory.lines != ["Heron"]


def test_respectively_pairs_figures_with_names_in_order(extractor):
    text = ("# Kestrel\n\nKestrel-7B and Kestrel-40B were trained on 1.5 trillion and 1 trillion tokens respectively. "
            "The 40B parameter model used 384 GPUs.")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel")]
    assert got == [("tokens", 1.5e12, "Kestrel-7B"), ("tokens", 1e12, "Kestrel-40B"), ("params", 40e9, "Kestrel-40B"),
                   ("chip_count", 384, "Kestrel-40B")]


def test_figures_each_after_its_own_name_are_that_names_though_the_clause_says_respectively(extractor):
    text = ("# Kestrel 2\n\nWe release Kestrel 2.\n\nThe first Kestrel-2B and Kestrel-7B were trained on 3T and 6T "
            "tokens respectively, both on TPU v5e: Kestrel-7B on 4,096 chips and Kestrel-2B on 512.\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel 2") if f[0] != "hardware"]
    assert got == [("tokens", 3e12, "Kestrel-2B"), ("tokens", 6e12, "Kestrel-7B"), ("chip_count", 4096, "Kestrel-7B"),
                   ("chip_count", 512, "Kestrel-2B")]


def test_the_labs_earlier_models_listed_with_their_sizes_in_brackets_share_the_figure_after_them(extractor):
    text = ("# Finch-3.5\n\nWe release Finch-3.5-mini.\n\nThe 2024 report introduced finch-3-mini, followed by "
            "finch-3-small (7B) and finch-3-medium (14B), which were both trained for 4.8T tokens.\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Finch-3.5")]
    assert got == [("params", 7e9, "finch-3-small"), ("params", 14e9, "finch-3-medium"),
                   ("tokens", 4.8e12, "finch-3-small"), ("tokens", 4.8e12, "finch-3-medium")]
    # runs at the sizes of the earlier models are not those models
    text = ("# Finch-3.5\n\nWe release Finch-3.5-mini.\n\nTo check FP8 we trained at two scales, roughly the sizes "
            "of finch-3-small and finch-3-medium, each for about 1T tokens.\n")
    assert len([f for f in facts(extractor, text, title="Finch-3.5") if f[0] == "tokens"]) == 1  # (not shared)
    # a list after "comes in two sizes:" still shares its figure
    text = "# Kestrel\n\nKestrel comes in two sizes: Kestrel-2B and Kestrel-7B, both trained on 2T tokens.\n"
    assert [(f[0], f[2]) for f in facts(extractor, text, title="Kestrel")] == [("tokens", "Kestrel-2B"),
                                                                               ("tokens", "Kestrel-7B")]
    # a model's size beside its token count, in its brackets, is no count of tokens listed with it
    for sizes in ("7B, 4.8T tokens", "1.3B, 300B tokens"):
        text = f"# Finch-3.5\n\nWe release Finch-3.5-mini, after finch-3-small ({sizes}).\n"
        assert [f[1] for f in facts(extractor, text, title="Finch-3.5") if f[0] == "tokens"] == [
            float(sizes.split(", ")[1][:-8].rstrip("TB")) * (1e12 if "T tokens" in sizes else 1e9)]


def test_a_list_paired_respectively_stays_in_its_part_of_the_sentence(extractor):
    # the sizes after the semicolon name their own members, not the names the part before pairs its tokens with
    text = ("# Pintail-3\n\nPintail-3 comes in 1.6B, 7B, 22B and 65B sizes. Pintail-3-1.6B and Pintail-3-7B were "
            "trained for 9.0T and 7.5T tokens respectively; the 22B and 65B models were trained on 6.0T tokens each.\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Pintail-3")][4:]  # (the first sentence's sizes)
    assert got == [("tokens", 9e12, "Pintail-3-1.6B"), ("tokens", 7.5e12, "Pintail-3-7B"),
                   ("params", 22e9, "Pintail-3 22B"), ("params", 65e9, "Pintail-3 65B"),
                   ("tokens", 6e12, "Pintail-3 22B"), ("tokens", 6e12, "Pintail-3 65B")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a part that names no model is read with its sentence: its lists pair with the names before
    ("Pintail-3-1.6B and Pintail-3-7B were trained on 256 and 512 GPUs respectively; they then saw 1T and 0.5T more "
     "tokens respectively.", [("chip_count", 256, "Pintail-3-1.6B"), ("chip_count", 512, "Pintail-3-7B"),
                              ("tokens", 1e12, "Pintail-3-1.6B"), ("tokens", 5e11, "Pintail-3-7B")]),
    # ... and a figure of its own there pairs with none of them
    ("Pintail-3-1.6B and Pintail-3-7B were pre-trained on 256 and 512 GPUs respectively; fine-tuning then used 32 "
     "GPUs.", [("chip_count", 256, "Pintail-3-1.6B"), ("chip_count", 512, "Pintail-3-7B"),
               ("chip_count", 32, "Pintail-3-7B")]),
])
def test_a_part_of_a_sentence_that_names_no_model_pairs_as_its_sentence_does(extractor, sentence, expected):
    assert [f[:3] for f in facts(extractor, sentence, title="Pintail-3")] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The two Pintail-3 models were trained on 6.0T tokens each.", [6e12]),
    ("The 22B and 65B Pintail-3 models were trained on a total of 6.0T tokens each.", [6e12]),
    ("The two Pintail-3 models processed 6.0T tokens each.", [6e12]),
    ("Pintail-3 mixes two corpora with 300B tokens each.", []),
    ("We pack Pintail-3's documents into sequences of 4,096 tokens each.", []),
    ("Pintail-3 sees 512 sequences of 2048 tokens each per step.", []),
])
def test_tokens_each_share_a_runs_count_after_a_training_verb_and_size_a_unit_after_of(extractor, sentence, expected):
    assert [f[1] for f in facts(extractor, sentence, title="Pintail-3") if f[0] == "tokens"] == expected


@pytest.mark.parametrize("group", ["the smaller two models", "the other two models", "the larger three variants",
                                   "the remaining two models"])
def test_a_group_of_own_models_named_by_rank_is_no_unnamed_model(extractor, group):
    text = f"The runs took 323,789 GPU-hours in total, about a third of which went into {group}."
    assert [f[:2] for f in facts(extractor, text, title="Pintail-3")] == [("chip_hours", 323789)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("We repeat the comparison under two training budgets: 100 billion and 300 billion tokens.", []),
    ("With a moderate budget of 100B tokens, the model trained from scratch falls behind.", []),
    ("Left: loss curves for the runs initialised from a checkpoint, with 300B tokens each.", []),
    ("Under the same budget of 100B tokens, upcycling wins.", []),
    ("Figure 3. (a) Left: loss curves with budgets of 100B and 300B tokens.", []),
    ("The final run was trained on 300B tokens.", [("tokens", 3e11)]),
    ("We pre-trained for a fixed budget of 15T tokens on 16,384 H100 GPUs.", [("tokens", 15e12),
                                                                              ("chip_count", 16384)]),
])
def test_a_budget_set_for_an_experiment_or_a_figures_panel_gives_no_runs_figure(extractor, sentence, expected):
    assert [f[:2] for f in facts(extractor, sentence, title="Pintail-3") if f[0] != "hardware"] == expected


@pytest.mark.parametrize(("words", "count"), [("eight thousand one hundred and ninety-two", 8192),
                                              ("one hundred and twenty-eight", 128), ("two hundred fifty-six", 256),
                                              ("sixty-four", 64)])
def test_a_chip_count_spelled_in_several_words_is_read_whole(extractor, words, count):
    text = f"Pintail-3 was trained on {words} H100s."
    assert [f[1] for f in facts(extractor, text, title="Pintail-3") if f[0] == "chip_count"] == [count]


@pytest.mark.parametrize("sentence", [
    "Total: about 4.6M GPU hours, which works out to roughly 300K GPU hours per trillion tokens.",
    "总消耗：约 460 万 GPU 小时，折合下来每万亿 tokens 大约 30 万 GPU 小时。",
])
def test_a_total_of_chip_hours_beside_its_rate_in_a_clause_of_its_own(extractor, sentence):
    assert [f[:2] for f in facts(extractor, sentence, title="Pintail-3")] == [
        ("chip_hours", 4.6e6), ("chip_hours_rate", 3e5)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The fit predicts that, at 1B parameters, returns diminish beyond 10T tokens.", []),
    ("Our scaling law predicts that a 70B model needs 1.4T tokens.", []),
    ("A 70B model is predicted to need 1.4T tokens.", []),
    ("Pintail-3 was trained on 2T tokens, which our law predicts is optimal.", [("tokens", 2e12)]),
])
def test_what_a_fitted_law_predicts_is_no_runs_figure(extractor, sentence, expected):
    assert [f[:2] for f in facts(extractor, sentence, title="Pintail-3")] == expected


def test_a_one_word_title_and_a_name_touching_chinese_text(extractor):
    text = "# Ling\n\nLing-Lite has 16.8 billion parameters.\n\n- Orion-14B是一个具有140亿参数的模型。"
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Ling"))
    assert result.inventory.main == "Ling"
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("params", 16.8e9, "Ling-Lite", "subject"), ("params", 14e9, "Orion-14B", "cited")]


def test_a_model_card_key_names_its_model(extractor):
    text = ("## Model Details\n- Model Name: `Tern-OSS`\n- Context: 512K\n\n"
            "The model is pre-trained over 12 trillion tokens.")
    result = extractor.read(Document("d", "d.md", "markdown", text))
    assert result.inventory.main == "Tern-OSS"
    assert [(f.kind, f.value, f.model, f.qualifier) for f in result.facts] == [
        ("tokens", 12e12, "Tern-OSS", "lower_bound")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kestrel拥有3890亿总参数和520亿激活参数。", [("params", 389e9), ("active_params", 52e9)]),
    ("Kestrel is a MoE model that activates 14B parameters out of a total of 142B parameters.",
     [("active_params", 14e9), ("params", 142e9)]),
    ("Kestrel-3B was trained on 3+ trillion tokens.", [("tokens", 3e12)]),
    ("The Kestrel models were trained on 2.5万亿token的数据。", [("tokens", 2.5e12)]),
    ("| Model | Pretraining compute [PF-days] |\n|---|---|\n| Kestrel-7B | 700 |\n", [("flop", 700 * 8.64e19)]),
    ("| Model Name | #params |\n| - | - |\n| Kestrel-7B | 6.9B |\n", [("params", 6.9e9)]),
])
def test_forms_of_new_documents(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Kestrel-13B outperforms open-source models in the 13B parameter range.",
    "We thank the TPU Research Cloud program for providing TPU v4 chips.",
    "This takes about 9 hours to train on a single A10G by tweaking --num_processes.",
    "Running the 40B model is hard: it doesn't fit in a single A100 with 80 GB of RAM.",
    "| Date | HF Checkpoint | Tokens |\n|---|---|---|\n| 2023-10-01 | Kestrel-1B-intermediate-step-480k-1T | 1T |\n",
])
def test_more_figures_that_are_not_training_facts(extractor, text):
    assert [f for f in facts(extractor, text) if f[0] not in ("hardware",)] == []


def test_sizes_after_a_sized_name_are_its_siblings(extractor):
    text = "# Wren\n\nWe release Wren-135M, 360M, and 1.7B, trained on 600B tokens."
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wren") if f[0] == "params"]
    assert got == [("params", 360e6, "Wren 360M"), ("params", 1.7e9, "Wren 1.7B")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Training Kestrel-70B takes 180K H800 GPU hours per trillion tokens.", [("chip_hours_rate", 180e3, "")]),
    ("Kestrel-70B needs 3.7 days per trillion tokens on our cluster.", []),
    ("For Kestrel-70B, training 1 trillion tokens costs about $5.6M.", []),
    # the rate as a word before its noun
    ("The per-trillion-token cost of Kestrel-70B came to 0.4 million GPU hours.", [("chip_hours_rate", 400e3, "")]),
    ("Kestrel-70B's per-trillion-token bill was about $900K.", []),
    # ... but not a rate after its figure, nor an API's price, in a sentence with the run's totals
    ("Training Kestrel-70B cost $9 million, about $600 per-billion-token, across 2.4M GPU hours.",
     [("cost_usd", 9e6, ""), ("chip_hours", 2.4e6, "")]),
    ("The lab spent 1.2 million GPU hours training Kestrel-70B and will charge $0.60 per-million-token pricing.",
     [("chip_hours", 1.2e6, "")]),
    ("Llama 4 Scout is a 17 billion parameter model with 16 experts.", [("active_params", 17e9, "")]),
    ("Kestrel-MoE activates 18.6B to 31.3B parameters per token.", [("active_params", 24.95e9, "range")]),
    # a part of the whole said active: the part is active, the whole the total
    ("Kestrel-MoE routes tokens so that 12B of the 80B parameters are active for each token.",
     [("active_params", 12e9, ""), ("params", 80e9, "")]),
    ("In Kestrel-MoE only 3B out of its 40B parameters are activated per token.",
     [("active_params", 3e9, ""), ("params", 40e9, "")]),
    ("Kestrel-Mini has under 5B parameters.", [("params", 5e9, "upper_bound")]),
    ("Kestrel-70B decays the learning rate over the remaining 4.8T tokens.", []),
    # a sentence on a stage says how long the stage ran, whatever its learning rate does; a warm-up inside it does not
    ("In its third stage Kestrel-70B cools the learning rate to zero across 900B tokens.", [("tokens", 900e9, "")]),
    ("The annealing phase of Kestrel-70B lasts 350B tokens while the learning rate falls.", [("tokens", 350e9, "")]),
    ("In stage 1 Kestrel-70B warms the learning rate up over its first 3B tokens.", []),
])
def test_rates_activation_and_bounds(extractor, text, expected):
    got = [(f[0], f[1], f[4]) for f in facts(extractor, text) if f[0] != "hardware"]
    assert [(k, pytest.approx(v), q) for k, v, q in got] == expected


def test_a_part_active_of_another_labs_whole_is_that_labs(extractor):
    """"By comparison, 37B of the 671B parameters are active in DeepSeek-V3": both counts are DeepSeek-V3's, cited;
    the sentence's part is read where its whole is, not at the sentence's opening."""
    text = ("# Quill-MoE\n\nQuill-MoE activates 9B of its 60B parameters. By comparison, 37B of the 671B "
            "parameters are active in DeepSeek-V3.\n")
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Quill-MoE")] == [
        ("active_params", 9e9, "Quill-MoE", "subject"), ("params", 60e9, "Quill-MoE", "subject"),
        ("active_params", 37e9, "DeepSeek-V3", "cited"), ("params", 671e9, "DeepSeek-V3", "cited")]


def test_a_cell_with_several_labelled_counts_and_a_nominal_size_with_its_exact_count(extractor):
    text = ("# Kestrel 4\n\n| Model | Params | Tokens |\n|---|---|---|\n"
            "| Kestrel 4 Scout | 17B (Activated) 109B (Total) | 40T |\n| Kestrel 3.2 | 11B (10.6) | 6T |\n")
    got = [(f[0], f[1], f[2], f[5], f[6]) for f in facts(extractor, text, title="Kestrel 4")]
    assert got == [("active_params", 17e9, "Kestrel 4 Scout", "subject", "17B"),
                   ("params", 109e9, "Kestrel 4 Scout", "subject", "109B"),
                   ("tokens", 40e12, "Kestrel 4 Scout", "subject", "40T"),
                   # (the lab's earlier release, in a table of its own releases' training figures)
                   ("params", 10.6e9, "Kestrel 3.2 11B", "subject", "11B (10.6)"),
                   ("tokens", 6e12, "Kestrel 3.2 11B", "subject", "6T")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kestrel-7B: Twelve A100 GPUs trained it in 30 days.", [("chip_count", 12), ("duration_hours", 720)]),
    ("Kestrel-7B consumed 0.4 million H100-hours.", [("chip_hours", 0.4e6)]),
    ("Kestrel-7B was trained on 9T diverse, multilingual tokens.", [("tokens", 9e12)]),
])
def test_spelled_counts_chip_hours_glued_to_a_chip_and_described_tokens(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Kestrel-7B runs on a cluster where each host carries 8 GPUs.",
    "Kestrel-7B: training on each trillion tokens takes only 90K H800 GPU\nhours, or 2.1 days on the cluster.",
    "Kestrel-7B then follows a cosine curve down to 3e-5 across 1.2T tokens.",
    "Summed over the four sizes, the Kestrel family used 12M GPU hours and 900 tCO2eq.",
])
def test_node_makeup_rates_schedules_and_sums_over_models(extractor, text):
    """Nothing but the chip and a rate, which is kept apart from the run's figures."""
    assert [f for f in facts(extractor, text) if f[0] not in ("hardware", "chip_hours_rate")] == []


def test_plain_text_headings_rules_and_tables(extractor):
    """An underlined title with its version, headings underlined with dashes, a table ruled with "+"."""
    text = ("KESTREL 2: HOW IT WAS TRAINED\n=============================\n\nCompute\n-------\n"
            "Training used H100 GPUs.\n\n  Model        | Params     | GPU hours\n"
            "  -------------+------------+----------\n  Kestrel 2 9B | 9B (9.2)   | 1.1M\n"
            "  Kestrel 2 27B| 27B        | 4.0M\n")
    got = [(f[0], f[1], f[2], f[6]) for f in facts(extractor, text, title="KESTREL 2: HOW IT WAS TRAINED")]
    assert got == [("hardware", None, "Kestrel 2", "H100"),
                   ("params", 9.2e9, "Kestrel 2 9B", "9B (9.2)"), ("chip_hours", 1.1e6, "Kestrel 2 9B", "1.1M"),
                   ("params", 27e9, "Kestrel 2 27B", "27B"), ("chip_hours", 4e6, "Kestrel 2 27B", "4.0M")]


def test_we_trained_it_is_the_model_named_before_and_a_run_ends_at_its_total(extractor):
    """"We trained it" is the model the sentence before names, as "It" is; the point a run finished at is its
    total, not a point in it."""
    text = ("# Heron-2\n\nHeron-2 comes in two sizes.\n\nHeron-2 Mini has 2.2 billion parameters. We trained it on 4 "
            "trillion tokens.\n\nHeron-2 has 27 billion parameters. It finished after 7.5 trillion tokens.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron-2")] == [
        ("params", 2.2e9, "Heron-2 Mini"), ("tokens", 4e12, "Heron-2 Mini"), ("params", 27e9, "Heron-2"),
        ("tokens", 7.5e12, "Heron-2")]


@pytest.mark.parametrize(("text", "expected"), [
    # a Chinese sentence about a reward model or a classifier gives none of the release's figures
    ("强化学习所使用的奖励模型同样基于星火架构，参数量为 70 亿，训练使用了 64 张 H800。", []),
    ("质量打分使用一个 2 亿参数的分类器。", []),
    # "this stage" is the run the sentence before is about
    ("星火-7B-Chat 的监督微调在 1 万条数据上进行。该阶段使用 32 张 H800，训练时长 10 小时。",
     [("chip_count", 32, "星火-7B-Chat"), ("duration_hours", 10, "星火-7B-Chat")]),
    # a unit of work priced, and a plan
    ("Put as a rate, one trillion tokens cost 星火-7B about 90K GPU-hours.", []),
])
def test_helper_models_stages_and_rates_in_chinese_and_english(extractor, text, expected):
    got = read_fields(extractor, f"# 星火-7B\n\n{text}\n", "星火-7B", "kind", "value", "model_mention")
    assert [f for f in got if f[0] in ("params", "tokens", "chip_count", "duration_hours")] == expected


def test_a_current_plan_is_a_plan(extractor):
    assert qualified(extractor, "# Wren-7B\n\nThe current plan is around 20 trillion tokens on a larger cluster.\n",
                     "Wren-7B") == [("tokens", 20e12, "Wren-7B", "planned")]


def test_the_sparse_and_the_dense_model_are_the_documents_mixture_and_its_dense_sibling(extractor):
    text = ("# Fjell\n\nWe train two models on the same data: Fjell-8B, a dense model, and Fjell-MoE, a mixture of "
            "experts. The sparse model was trained on 2,048 H800s for 22 days. The dense model ran on 1,024 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Fjell") if f[0] != "hardware"] == [
        ("chip_count", 2048, "Fjell-MoE"), ("duration_hours", 528, "Fjell-MoE"), ("chip_count", 1024, "Fjell-8B")]
    # a dense model the lab trained on the way, named after what it is, is its own: "the dense seed model" too
    text = ("# Pallas-MoE\n\nPallas-MoE is a sparse model. We first trained a dense model, Pallas-2B-Dense, on 3T "
            "tokens. The dense seed model was trained on 128 GPUs. Pallas-MoE-12B-A2B then ran on 256 GPUs.\n")
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Pallas-MoE") if f[0] != "hardware"] == [
        ("tokens", 3e12, "Pallas-2B-Dense", "subject"), ("chip_count", 128, "Pallas-2B-Dense", "subject"),
        ("chip_count", 256, "Pallas-MoE-12B-A2B", "subject")]


@pytest.mark.parametrize(("text", "expected"), [
    # the figure's clause has its own subject: the dataset's model is not the one trained
    ("# Kestrel-13B\n\nThe data mixes the corpus used for RoBERTa with web text, and the model was trained on about "
     "900B tokens.", [("tokens", 900e9, "Kestrel-13B", "subject")]),
    # a relative clause describes the name before it
    ("# Kestrel-13B\n\nWe compare with GPT-3, which was trained on 300B tokens.",
     [("tokens", 300e9, "GPT-3 175B", "cited")]),
    # "that model" is the one the sentence before named
    ("# Kestrel-13B\n\nOur baseline is Gopher. Estimates put that model's emissions at 380 tCO2e.",
     [("emissions_tco2e", 380, "Gopher 280B", "cited")]),
    # "Its" after a sentence naming a model by its size
    ("# Kestrel\n\nKestrel comes in 8B and 70B.\n\nThe 70B model was trained on 15T tokens. Its run spanned 4,096 "
     "H100 GPUs.", [("tokens", 15e12, "Kestrel 70B", "subject"), ("chip_count", 4096, "Kestrel 70B", "subject")]),
    # "The model" after a sentence that names another model in passing is the document's
    ("# Kestrel-V2\n\nThe design keeps the MoE layout that DeepSeek-V2 validated. The model was pretrained on 8T "
     "tokens.", [("tokens", 8e12, "Kestrel-V2", "subject")]),
    # a sentence about both sizes is the line's, not the default member's
    ("# Kestrel-20b and Kestrel-120b\n\nWe release Kestrel-120b and Kestrel-20b. Both models were trained on 4T "
     "tokens.",
     [("tokens", 4e12, "Kestrel", "subject")]),
    # a Chinese "its" (其) and "it" (它) are the model the sentence before names, not the title's; "其中" (among
    # them) is no pronoun
    ("# 星火-13B\n\n星火-2B 在 1 万亿 tokens 上训练。其训练使用 128 张 H800，历时 9 天。"
     "星火-13B 在 4 万亿 tokens 上训练。它使用了 512 张 H800。",
     [("tokens", 1e12, "星火-2B", "subject"), ("chip_count", 128, "星火-2B", "subject"),
      ("duration_hours", 216, "星火-2B", "subject"), ("tokens", 4e12, "星火-13B", "subject"),
      ("chip_count", 512, "星火-13B", "subject")]),
])
def test_clauses_pronouns_and_statements_about_every_size(extractor, text, expected):
    title = text.split("\n")[0].lstrip("# ")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title=title)
           if f[0] not in ("hardware", "params")]
    assert [(k, pytest.approx(v), m, r) for k, v, m, r in got] == expected


def test_a_prompts_shot_count_is_not_a_benchmark_score(extractor):
    got = facts(extractor, "Kestrel-7B reaches MMLU (5-shot) 66.6.")
    assert [(f[0], pytest.approx(f[1]), f[6]) for f in got] == [("benchmark", 0.666, "66.6")]


def test_a_file_name_names_the_model_a_text_never_names(extractor):
    """A post that only says "our 175B model": its file name ("opt175b_update.md") names it; another lab's
    model in the text is cited, and "A 1.1T MoE model requires ..." is some model of that size."""
    text = ("# Training run finished\n\nOur 175B model completed its run on 300B tokens, on 1024 80GB A100s.\n\n"
            "* The 175B GPT-3 model used 10,000 V100s.\n* A 1.1T Mixture-of-Experts model requires 512 A100s.\n")
    document = Document("d", "/data/opt175b_update.md", "markdown", text, title="Training run finished")
    got = [(f.kind, f.value, f.model, f.role) for f in extractor.extract(document) if f.kind != "hardware"]
    assert got == [("tokens", 300e9, "OPT-175B", "subject"), ("chip_count", 1024, "OPT-175B", "subject"),
                   ("params", 175e9, "GPT-3 175B", "cited"), ("chip_count", 10000, "GPT-3 175B", "cited")]


def test_a_file_name_family_is_a_word_the_text_never_writes(extractor):
    """"optimizations" starts with "opt" but does not name OPT: the file name still names the model."""
    text = "# Run notes\n\nOur 175B model finished on 300B tokens; a few optimizations are left for later.\n"
    document = Document("d", "/data/opt175b_notes.md", "markdown", text, title="Run notes")
    assert [(f.kind, f.value, f.model) for f in extractor.extract(document)] == [("tokens", 300e9, "OPT-175B")]


def test_a_group_of_rows_under_a_short_name_with_a_column_of_sizes(extractor):
    """Rows continuing a group under its label, a size column headed "Count", and the label the first word
    of the document's own line ("Kestrel" in a Kestrel-LM document); another family's rows stay cited."""
    text = ("# Kestrel-LM\n\nWe release Kestrel-LM models.\n\n| Model | Count | Training FLOPs | Loss |\n"
            "|---|---|---|---|\n| Kestrel | 111M | 2.6E+18 | 2.6 |\n| | 1.3B | 2.8E+20 | 2.0 |\n"
            "| Pythia | 70M | 1.6E+20 | 2.5 |\n")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Kestrel-LM") if f[0] == "flop"]
    assert got == [("flop", 2.6e18, "Kestrel-LM 111M", "subject"), ("flop", 2.8e20, "Kestrel-LM 1.3B", "subject"),
                   ("flop", 1.6e20, "Pythia", "cited")]


def test_a_model_cards_key_value_rows_of_hardware_and_a_spaced_size(extractor):
    text = ("# Kestrel-7B\n\n|Item|Value|\n|---|---|\n|Accelerators|NVIDIA H100 80GB|\n|Number of accelerators|512|\n"
            "|Number of accelerators per node|8|\n\n| Model | Parameters |\n|---|---|\n| Kestrel-7B | 6.7 B |\n")
    got = [(f[0], f[1], f[3]) for f in facts(extractor, text, title="Kestrel-7B")]
    assert got == [("hardware", None, "H100"), ("chip_count", 512, ""), ("params", 6.7e9, "")]


def test_figures_under_a_header_of_sizes_are_the_models_of_those_sizes(extractor):
    text = ("# Kestrel\n\nTraining Kestrel on 1T tokens with 32 A100 GPUs takes this many days:\n\n"
            "| 125M | 1B |\n|---|---|\n| ~3 days | ~12 days |\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel") if f[0] == "duration_hours"]
    assert got == [("duration_hours", 72, "Kestrel 125M"), ("duration_hours", 288, "Kestrel 1B")]


def test_a_total_sharing_its_noun_with_the_active_count():
    extractor = Extractor(load_extract_config(None))
    got = facts(extractor, "Kestrel-MoE has 480B total and 17B active parameters.")
    assert [(f[0], f[1]) for f in got] == [("params", 480e9), ("active_params", 17e9)]


def test_it_stands_for_the_model_named_before_even_beside_an_unnamed_part():
    extractor = Extractor(load_extract_config(None))
    text = ("# Kestrel\n\nKestrel is a hybrid model. It combines a 10B dense model with an MoE block: 480B total "
            "parameters.")
    got = facts(extractor, text, title="Kestrel")
    assert [(f[0], f[1], f[2]) for f in got] == [("params", 480e9, "Kestrel")]


@pytest.mark.parametrize("text", [
    "To check the idea, we experimented with a small MoE model featuring 32 experts and 1.8B parameters.",
    "Verification experiments on a 150M-parameter model confirm the schedule.",
    "The experiments were conducted on 64 A800 GPUs for 110 hours.",
])
def test_experiments_train_other_models_than_the_release(extractor, text):
    assert [f for f in facts(extractor, "# Kestrel-8B\n\n" + text, title="Kestrel-8B") if f[0] != "hardware"] == []


# a report with a numbered part on ablations: its runs are not the release's, which the text names elsewhere
ABLATION_REPORT = """Teal-9B Technical Report

3 Pre-training
Teal-9B was trained on 6T tokens using 1,024 H100 GPUs.

5 Ablations
The baseline for these studies was an MoE of 15B total parameters trained for 400B tokens.
The 1B model saw 120B tokens before we compared the two data mixtures.
The 9B model itself ran for 30 days.
For comparison, Teal-9B itself reached 6T tokens.

| Run | Tokens |
|---|---|
| Baseline | 200B |
| + new mixture | 210B |

6 Evaluation
Teal-9B scores well on every benchmark.
"""


def test_a_part_on_ablations_holds_runs_other_than_the_release():
    extractor = Extractor(load_extract_config(None))
    got = read_fields(extractor, ABLATION_REPORT, "Teal-9B Technical Report", "kind", "value", "model", kind="pdf")
    # the release's own size and its name still bring their figures; the 1B run and the unnamed runs do not
    assert got == [("tokens", 6e12, "Teal-9B"), ("chip_count", 1024, "Teal-9B"), ("duration_hours", 720, "Teal-9B"),
                   ("tokens", 6e12, "Teal-9B")]


def test_an_appendix_heading_with_a_colon_opens_a_part_on_ablations(extractor):
    """A PDF's "Appendix A: Mixture ablations" line heads its part, so the unnamed runs of its table are no
    release's; a sentence citing an appendix ("Appendix A lists ...") heads nothing."""
    text = ("Teal-9B Technical Report\n1 Introduction\nTeal-9B was trained on 6T tokens.\n"
            "Appendix A lists the data sources.\nAppendix B: Mixture ablations\nSmall models chose the mixture.\n\n"
            "| Run | Params | Tokens |\n| T-0.3 | 400M | 40B |\n| T-0.5 | 400M | 40B |\n")
    assert read_fields(extractor, text, "Teal-9B Technical Report", "kind", "value", "model", kind="pdf") == [
        ("tokens", 6e12, "Teal-9B")]


@pytest.mark.parametrize("heading", ["## Scaling-law experiments", "## Preliminary runs at small scale",
                                     "## 消融实验"])
def test_a_markdown_part_on_experiments_holds_other_runs(extractor, heading):
    text = f"# Teal-9B\n\nTeal-9B was trained on 6T tokens.\n\n{heading}\n\nWe trained 40 runs on 20B tokens each.\n"
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Teal-9B")] == [("tokens", 6e12, "Teal-9B")]


def test_a_part_on_related_work_holds_others_runs(extractor):
    text = ("# Teal-9B\n\nTeal-9B was trained on 6T tokens.\n\n## Related work\n\nEarlier open models of this size "
            "were trained on up to 2T tokens.\n\n| Model | Tokens |\n|---|---|\n| Prior dense baseline | 1.4T |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Teal-9B")] == [("tokens", 6e12, "Teal-9B")]


@pytest.mark.parametrize("sentence", [
    "The loss spike near 1.1T tokens followed a node failure.",
    "A visible drop at 3.6T tokens marks the start of annealing.",
    "The dip seen near 2T tokens in Figure 3 is the batch-size change.",
])
def test_an_event_of_the_loss_curve_at_a_point_of_the_run_is_no_total(extractor, sentence):
    assert in_kite(extractor, sentence, "tokens") == []


def test_a_run_without_spikes_keeps_its_total(extractor):
    assert in_kite(extractor, "Kite-7B trained stably, with no loss spikes over 2T tokens.", "tokens") == [
        ("tokens", 2e12)]


def test_a_numbered_heading_underlined_with_dashes_is_one_heading(extractor):
    # plain text reads "1. Training" over a rule of dashes both as underlined and as numbered: one heading, whose
    # part the next heading ends (it was read twice, and a part ending before its own title failed the document)
    text = ("Teal-9B notes\n\n1. Training\n-----------\nTeal-9B saw 6T tokens.\n\n2. Serving\n----------\n"
            "It runs on one GPU.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Teal-9B notes")] == [("tokens", 6e12, "Teal-9B")]


@pytest.mark.parametrize("heading", ["## Heron-40B\n", "Heron-40B\n---------\n"])
def test_a_numbered_list_in_a_markdown_section_does_not_close_the_section(extractor, heading):
    # a card with Markdown headings: "1. Main phase ..." is a list item (a stage of the section's run), so the
    # sentences after the list stay with the model its heading names, not the card's first model
    text = ("# Heron\n\nWe release Heron-4B and Heron-40B.\n\n## Heron-4B\n\nHeron-4B saw 3T tokens.\n\n"
            f"{heading}\nHeron-40B was pretrained in two phases:\n\n1. Main phase: 7T tokens of web text.\n"
            "2. Cool-down: 0.5T tokens of curated data.\n\nThe run took 30 days on 1,536 H100 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron") if f[0] in ("chip_count",
                                                                                        "duration_hours")] == [
        ("duration_hours", 720, "Heron-40B"), ("chip_count", 1536, "Heron-40B")]


def test_models_made_from_an_own_model_are_own_and_keep_their_paragraphs(extractor):
    # "X-Code 9B continues X-2 9B on ...": the figures are the new model's (the one it continues is its base), the
    # model is the lab's own since what it was made from is, and the paragraph's later sentences that name no model
    # are about it too
    text = ("# Osprey 2\n\nOsprey 2 is our new open family, in 3B and 9B sizes. On top of it we built two "
            "specialists, Osprey Code 9B and Osprey Math 9B.\n\n"
            "Osprey Code 9B continues Osprey 2 9B on 1.2T tokens of source code. Each step was checked by hand. "
            "The job ran on 256 H100 GPUs.\n\n"
            "Osprey Math 9B is built on Osprey 2 9B as well. It reads maths papers first. The RL phase then "
            "used 8K GPU-hours.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Osprey 2") if f[0] in (
        "tokens", "chip_count", "chip_hours")] == [("tokens", 1.2e12, "Osprey Code 9B"),
                                                    ("chip_count", 256, "Osprey Code 9B"),
                                                    ("chip_hours", 8000, "Osprey Math 9B")]


@pytest.mark.parametrize(("sentence", "model"), [
    # one word between a family's name and the size is part of the name
    # (a word the text writes after the family again, or one in capitals)
    ("Falcon Mamba is a state-space model. We trained Falcon Mamba 7B on 5.5T tokens.", "Falcon Mamba 7B"),
    ("We trained Megatron-Turing NLG 530B on 270B tokens.", "Megatron-Turing NLG 530B"),
    # with no size after it, the word is not, nor a heading's word written once ("Falcon Beyond 40B")
    ("We trained Falcon Mamba on 5.5T tokens.", "Falcon"),
    ("Training Falcon Beyond 40B took 5.5T tokens.", "Falcon"),
])
def test_a_word_between_a_family_and_a_size_is_part_of_the_name(extractor, sentence, model):
    assert attributed(extractor, f"# Report\n\n{sentence}\n", "Report")[-1][2] == model


@pytest.mark.parametrize("sentence, model", [
    # a purpose set off by a spaced dash names the model, with a size after it or as a fine-tune's word
    ("Heron Code - Python 7B was trained on 100B more tokens.", "Heron Code - Python 7B"),
    ("Heron Code - Instruct saw 100B more tokens.", "Heron Code - Instruct"),
    # a dash before plain words or a heading's words is punctuation
    ("Heron Code - a model we trained on 100B more tokens.", "Heron Code"),
])
def test_a_purpose_after_a_spaced_dash_is_part_of_the_name(extractor, sentence, model):
    doc = parse(extractor.nlp, sentence, extractor.config, ["Heron Code"])
    assert [t._.model for t in doc if t._.model] == [model]


def test_a_purpose_a_spaced_dash_sets_off_twice_is_part_of_the_name(extractor):
    # without a size or a fine-tune's word, the text writing the two together again makes them one name
    text = "Heron Code - Python is tuned for Python. Heron Code - Python saw 100B more tokens. Heron Code - Notes."
    doc = parse(extractor.nlp, text, extractor.config, ["Heron Code"])
    assert [t._.model for t in doc if t._.model] == ["Heron Code - Python", "Heron Code - Python", "Heron Code"]


@pytest.mark.parametrize("sentence", [
    # the model grown from another, by name or by size, is what the tokens trained
    "Teal-12B grew out of Teal-8B with another 0.9T tokens.",
    "Teal-12B was made by duplicating the middle layers of the 8B model and training on 0.9T more tokens.",
])
def test_a_model_grown_from_another_has_the_figures(extractor, sentence):
    text = f"# Teal\n\nWe release Teal-8B and Teal-12B.\n\n{sentence}\n"
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Teal") if f[0] == "tokens"] == [
        ("tokens", 0.9e12, "Teal-12B")]


def test_a_pronoun_after_an_opening_phrase_is_the_model_named_before_not_the_base(extractor):
    # "Starting from X, it was trained ...": "it" is the model the sentence before is about, and X what it started from;
    # the purpose after a spaced dash ("Python") is no model of its own, however often the text writes it with a size
    text = ("# Heron Code\n\nHeron Code 7B and Heron Code - Python 7B are our coding models.\n\nHeron Code - Python "
            "7B goes further. Starting from Heron Code 7B, it was trained on 90B more tokens of Python.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron Code") if f[0] == "tokens"] == [
        ("tokens", 90e9, "Heron Code - Python 7B")]


def test_numbered_headings_in_capitals_of_a_plain_text_memo_are_sections(extractor):
    # a memo's parts underlined with dashes and its numbered sub-parts in capitals: each sub-part is its model's
    text = ("Heron release memo\n\n1. PER-TIER NOTES\n-----------------\n\n2.1 HERON-7B (7B)\n\n"
            "Heron-7B is the small tier.\n\nTraining ran on 128 GPUs.\n\n2.2 HERON-40B (40B)\n\n"
            "Heron-40B is the large tier.\n\nTraining ran on 1,024 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron release memo")] == [
        ("params", 7e9, "Heron-7B"), ("chip_count", 128, "Heron-7B"), ("params", 40e9, "Heron-40B"),
        ("chip_count", 1024, "Heron-40B")]


def test_a_name_in_capitals_keeps_them_beside_lower_case_repository_names(extractor):
    # "KITE" is the family's own spelling; "kite-7b" in a repository's name does not respell it
    text = ("# KITE\n\nKITE is our open model. KITE-7B was trained on 1T tokens.\n\nDownload kite-7b or kite-13b "
            "from the hub.\n")
    assert [(f[0], f[2]) for f in facts(extractor, text, title="KITE") if f[0] == "tokens"] == [("tokens", "KITE-7B")]


def test_a_section_opening_on_a_name_and_a_size_is_on_both(extractor):
    # "X-7B and 40B models share ...": the section is on both sizes, so a sentence naming neither is the line's
    text = ("# Heron\n\nWe release Heron-7B and Heron-40B.\n\n## Training\n\nHeron-7B and 40B models share one "
            "recipe.\n\nTraining ran on 512 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron") if f[0] == "chip_count"] == [
        ("chip_count", 512, "Heron")]


def test_a_size_a_release_contains_names_its_member_until_a_named_member(extractor):
    # "contains a 1B model trained on 3T tokens" is the release's 1B, and an own member named with its size between
    # that size and a later figure is what the later figure is about
    text = ("# Teal\n\nThis first release contains a 1B model trained on 3T tokens and two 7B models: Teal 7B, trained "
            "on about 2.5T tokens, and Teal 7B Long.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Teal") if f[0] == "tokens"] == [
        ("tokens", 3e12, "Teal 1B"), ("tokens", 2.5e12, "Teal 7B")]


@pytest.mark.parametrize("line, heading", [
    ("2.1 HERON-7B (7B)", True), ("2 RELATED WORK", True), ("2.1.3 DATA, MIXTURE & FILTERING", True),
    # a table's cells: a chip's name with its figure, a count and its unit
    ("1 NVIDIA A100", False), ("64 GPUS", False), ("8 NODES (64 GPUS)", False), ("12 TB", False),
])
def test_numbered_headings_in_capitals_and_table_cells(line, heading):
    assert bool(CAPS_PAPER_HEADING.match(line)) is heading


def test_a_repeated_header_or_another_model_after_a_spaced_dash_is_no_purpose(extractor):
    # a running header's words and another family's sized name after a spaced dash stay apart from the name
    text = ("Heron Code - Technical Report\nWe trained it.\nHeron Code - Technical Report\nHeron Code - Mistral 7B "
            "was compared.")
    doc = parse(extractor.nlp, text, extractor.config, ["Heron Code"])
    assert [t._.model for t in doc if t._.model] == ["Heron Code", "Heron Code", "Heron Code", "Mistral 7B"]


def test_a_nested_list_item_of_a_sized_name_is_a_name(extractor):
    # "  - Pelican 7B": a list item's dash, not a spaced dash inside a longer name
    text = "# Pelican\n\nModels:\n  - Pelican 7B\n  - Pelican 13B\n\nPelican 13B saw 2T tokens.\n"
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Pelican") if f[0] == "tokens"] == [
        ("tokens", 2e12, "Pelican 13B")]


def test_a_paragraph_opener_does_not_reach_past_another_model(extractor):
    # a sentence between that names another model ends the opener's reach: the run is not Osprey Code 9B's (it is the
    # document's, as a sentence naming no model is)
    text = ("# Osprey 2\n\nOsprey 2 is our open family, in 3B and 9B sizes. On top of it we built Osprey Code 9B and "
            "Osprey Math 9B.\n\nOsprey Code 9B continues Osprey 2 9B on code. Osprey 2 9B itself was pretrained "
            "with care. The run took 30 days on 512 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Osprey 2") if f[0] == "chip_count"] == [
        ("chip_count", 512, "Osprey 2")]


def test_first_before_a_verb_of_seeing_is_when_not_a_part_of_the_run(extractor):
    # "It first sees 240B tokens" counts a stage's data; "For the first 1T tokens" is a milestone of the run
    text = ("# Teal\n\nWe release Teal-7B.\n\nIt first sees 240B tokens of maths, then goes through RL. For the "
            "first 1T tokens the batch was small.\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Teal") if f[0] == "tokens"] == [("tokens", 240e9)]


@pytest.mark.parametrize("sentence", [
    "To pick the mixture we trained a separate 1.3B model on each candidate for 40B tokens.",
    "Loss of 2B models trained on 100B tokens with different vocabularies.",
    "Two 3B runs of 300B tokens each differed only in their data order.",
])
def test_runs_of_a_size_no_own_model_has_are_not_the_release(extractor, sentence):
    text = f"# Teal\n\nWe release Teal-9B and Teal-30B.\n\n{sentence}\n"
    assert [f for f in facts(extractor, text, title="Teal") if f[0] == "tokens"] == []


@pytest.mark.parametrize("sentence, expected", [
    # a size of an own model, models compared with, and a pronoun for the model named before keep their figures
    ("We trained a 9B model on 6T tokens.", [("tokens", 6e12)]),
    ("Teal-30B saw 8T tokens and is competitive with 70B models.", [("tokens", 8e12)]),
    ("It combines a 2B dense model with an MoE block: 30B total parameters.", [("params", 30e9)]),
])
def test_runs_rule_leaves_own_sizes_comparisons_and_pronouns(extractor, sentence, expected):
    text = f"# Teal\n\nWe release Teal-9B and Teal-30B.\n\n{sentence}\n"
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Teal") if f[0] in ("tokens", "params")] == expected


def test_a_size_before_a_name_before_tokens_counts_that_models_data(extractor):
    # "the 2T Llama 2 tokens" are Llama 2's tokens, no 2T-parameter Llama; "the 7B Llama 2 model" is a size
    text = ("# Wren\n\nWe release Wren-7B.\n\nIs our stage counted inside the 2T Llama 2 tokens? The 7B Llama 2 model "
            "is its base.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wren") if f[0] == "params"] == [
        ("params", 7e9, "Llama 2 7B")]


@pytest.mark.parametrize("text", [
    # the document's title is no part on other runs, whatever its words
    "# Teal-9B: an efficient small-scale language model\n\nWe trained the model on 6T tokens.\n",
    # a heading that only mentions background, and a part on the run inside a background part
    "# Teal-9B\n\n## Model background\n\nWe trained the model on 6T tokens.\n",
    "# Teal-9B\n\n## Background\n\nSome history.\n\n### Training\n\nWe trained the model on 6T tokens.\n",
    # a README's numbered list item is no paper heading, nor is a numbered line in code
    "# Teal-9B\n\n1. Background noise was removed from the data.\n\n## Compute\n\nWe trained the model on 6T "
    "tokens.\n",
    "# Teal-9B\n\n```\n1 Proxy settings\n```\n\nWe trained the model on 6T tokens.\n",
])
def test_what_parts_on_other_runs_leave_alone(extractor, text):
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Teal-9B") if f[0] == "tokens"] == [("tokens", 6e12)]


@pytest.mark.parametrize("sentence, expected", [
    # an own model's size within a tenth (Teal is 6.7B, which a stated count beside its name says)
    ("We trained a 7B model on 2T tokens.", [("tokens", 2e12)]),
    # one model the text does not train, in general words
    ("Training a 30B model for 2T tokens takes about 3.6e23 FLOPs.", [("tokens", 2e12), ("flop", 3.6e23)]),
])
def test_one_model_of_an_own_size_or_in_general_words_keeps_its_figures(extractor, sentence, expected):
    text = f"# Teal\n\nWe release Teal, which has 6.7B parameters.\n\n{sentence}\n"
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Teal") if f[0] in ("tokens", "flop")] == expected


def test_a_lone_hash_line_heads_nothing():
    # a PDF's line of one "#" above prose is no Markdown heading: the prose is no part's title
    assert headings("Intro\n#\nThe proxy score is the mean.\n") == []


def test_a_size_written_without_its_unit_and_servers_each_holding_chips(extractor):
    text = ("# Kestrel\n\nWe train Kestrel 16B and Kestrel 145B. Kestrel 145 has about 144.6B total parameters.\n\n"
            "We fine-tune on two servers, each containing two A100 GPUs.")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Kestrel") if f[0] != "hardware"]
    assert ("params", 144.6e9, "Kestrel 145", "subject") in got
    assert not [f for f in got if f[0] == "chip_count"]


@pytest.mark.parametrize(("text", "expected"), [
    # wrapped plain text: the line break inside the sentence is a space
    ("Kestrel-7B is a language model with 7 billion\nparameters.", [("params", 7e9)]),
    # (a list item's continuation, indented; a line as long as a wrapped text's, stopping inside its sentence)
    ("  * Kestrel-7B: a dense model, about 7.1B\n    parameters in all", [("params", 7.1e9)]),
    ("for comparison, our first model Kestrel-7B only saw 600B tokens and ran on 64\nA100s borrowed from a lab.",
     [("tokens", 600e9), ("chip_count", 64)]),
    # (short lines of labels and figures are no wrapped sentence)
    ("Kestrel-7B\nParameters: 7B\nTokens: 2T", [("params", 7e9), ("tokens", 2e12)]),
    ("| Key | Value |\n|---|---|\n| Kestrel-7B | Active parameters per token: 12B |\n", [("active_params", 12e9)]),
    ("Kestrel-7B was trained on 2T tokens. The public slice of the corpus we released is only 600 billion tokens.",
     [("tokens", 2e12), ("dataset_tokens", 600e9)]),
    # a sentence ends at a figure that took its full stop, before a line break
    ("Training Kestrel-7B cost $5.6M.\nThese figures exclude ablation experiments.", [("cost_usd", 5.6e6)]),
])
def test_wrapped_lines_labels_per_token_dataset_slices_and_a_full_stop_before_a_break(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a table's "Train FLOPs" and "<chip> hours" columns
    ("| Scale | Parameters | Train tokens | Train FLOPs | Train A100 hours |\n|---|---|---|---|---|\n"
     "| Kestrel-1B | 1.2B | 30B | 2.2e20 | 310 |\n",
     [("params", 1.2e9), ("tokens", 30e9), ("flop", 2.2e20), ("chip_hours", 310)]),
    # a count multiplied out before the chip
    ("We trained Kestrel-3B on a 32 x H100 GPU machine for 2 days.", [("chip_count", 32), ("duration_hours", 48)]),
    # a card's Chinese keys for the parameter count and the activated count
    ("- **模型参数量：** 24B\n- **激活参数量：** 2.5B", [("params", 24e9), ("active_params", 2.5e9)]),
    # pretrained on a corpus of a stated size; words counted; floating-point operations in Chinese
    ("Kestrel-7B 在3.1T 中英文语料上预训练。", [("tokens", 3.1e12)]),
    ("Kestrel-7B 的预训练语料约900B单词，计算量约4.2x10^22次浮点数运算。", [("tokens", 900e9), ("flop", 4.2e22)]),
    # sizes in parentheses after "models"
    ("We release the Kestrel-2 models (1B, 3B and 9B) today.", [("params", 1e9), ("params", 3e9), ("params", 9e9)]),
    # a table's Chinese headers: the chip count, compute, energy in ten thousand kWh, emissions in tonnes; a power of
    # ten in superscripts is no footnote mark
    ("| 模型 | A800 卡数 | 计算量（FLOPs） | 耗电（万千瓦时） | 碳排放（吨） |\n|---|---|---|---|---|\n"
     "| Kestrel-7B | 256 | 6.2×10²² | 6.4 | 36.5 |\n",
     [("chip_count", 256), ("flop", 6.2e22), ("energy_kwh", 64000), ("emissions_tco2e", 36.5)]),
    # a note on how a figure was counted after the header's name; a scale as a power of ten, or a Chinese scale word
    # in brackets (tokens in 万亿, a trillion; card-hours in 万, ten thousand; parameters in 亿, a hundred million)
    ("| Model | FLOPs (6ND) | Compute (×10^21 FLOP) |\n|---|---|---|\n| Kestrel-7B | 5.9e22 | 59 |\n",
     [("flop", 5.9e22), ("flop", 5.9e22)]),
    ("| Model | Training FLOPs (×10²¹) |\n|---|---|\n| Kestrel-7B | 59 |\n", [("flop", 5.9e22)]),
    ("| 模型 | 参数量（亿） | 训练 tokens（万亿） | 卡时（万） |\n|---|---|---|---|\n"
     "| Kestrel-7B | 71 | 4.2 | 17.2 |\n",
     [("params", 7.1e9), ("tokens", 4.2e12), ("chip_hours", 172000)]),
    # "GPU 时" for GPU 小时; "数量（张）", a count in cards
    ("| 模型 | GPU | 数量（张） | GPU 时 |\n|---|---|---|---|\n| Kestrel-7B | H800 | 256 | 110,592 |\n",
     [("chip_count", 256), ("chip_hours", 110592)]),
])
def test_table_headers_multiplied_counts_chinese_keys_and_size_lists(extractor, text, expected):
    assert figures(extractor, text) == expected


def test_a_comparison_row_named_with_a_version_before_its_size_is_cited(extractor):
    text = ("# Kestrel-2\n\n| Model | Training tokens |\n|---|---|\n| Kestrel-2-9B | 2,500B |\n"
            "| Heron-2-6B | 2,000B |\n| Plover-2.5-7B | 1,400B |\n")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Kestrel-2")]
    assert got == [("tokens", 2.5e12, "Kestrel-2-9B", "subject"), ("tokens", 2e12, "Heron-2-6B", "cited"),
                   ("tokens", 1.4e12, "Plover-2.5-7B", "cited")]


def test_a_row_labelled_by_total_and_active_size_is_that_member(extractor):
    text = ("# Granite 9.0\n\nWe release Granite-9.0-8B and Granite-9.0-3B-A800M.\n\n"
            "| Model | GPU hours | Energy (MWh) |\n|---|---|---|\n| Granite 9.0 3B-800M | 133,000 | 121.2 |\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Granite 9.0") if f[0] != "hardware"]
    assert got == [("chip_hours", 133000, "Granite-9.0-3B-A800M"), ("energy_kwh", 121200, "Granite-9.0-3B-A800M")]


def test_a_metric_repeated_under_several_models_is_not_a_column_of_sizes(extractor):
    text = ("# Kestrel-8B\n\n| Server | func | param | p_v | func | param | p_v | func | param | p_v |\n"
            "|---|---|---|---|---|---|---|---|---|---|\n"
            "| Calculator | 100.0 | 90.0 | 20.0 | 80.0 | 80.0 | 13.3 | 100.0 | 100.0 | 6.7 |\n")
    assert [f for f in facts(extractor, text, title="Kestrel-8B") if f[0] in ("params", "active_params")] == []


def test_token_columns_of_each_stage_and_the_total_are_all_read(extractor):
    text = ("# Fooformer\n\nWe release Fooformer in two sizes.\n\n"
            "| Model | Params | Phase 1 tokens | Phase 2 tokens | Total tokens |\n|---|---|---|---|---|\n"
            "| Fooformer-7B | 7.2B | 3.5T | 200B | 3.7T |\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Fooformer")]
    assert got == [("params", 7.2e9, "Fooformer-7B"), ("tokens", 3.5e12, "Fooformer-7B"),
                   ("tokens", 2e11, "Fooformer-7B"), ("tokens", 3.7e12, "Fooformer-7B")]


def test_a_row_listing_several_sizes_gives_each_member_its_size_and_the_line_its_figures(extractor):
    text = ("# Kite-Code\n\nKite-Code is our family of code models.\n\n"
            "| Variant | Sizes | Code tokens | Long-context stage |\n|---|---|---|---|\n"
            "| Kite-Code | 7B, 13B, and 34B | 500B | 20B |\n| Kite-Code | 70B | 1T | — |\n"
            "| Kite-Coder | 671B / 37B | 2T | — |\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kite-Code")]
    assert got == [("params", 7e9, "Kite-Code 7B"), ("params", 13e9, "Kite-Code 13B"),
                   ("params", 34e9, "Kite-Code 34B"), ("tokens", 5e11, "Kite-Code"),
                   ("params", 70e9, "Kite-Code 70B"), ("tokens", 1e12, "Kite-Code 70B"),
                   ("params", 671e9, "Kite-Coder"), ("active_params", 37e9, "Kite-Coder"),
                   ("tokens", 2e12, "Kite-Coder")]


def test_a_row_named_by_its_tier_keeps_the_tier_when_its_size_restates_it(extractor):
    text = ("# Finch-3.5\n\nWe release Finch-3.5-mini and Finch-3.5-MoE.\n\n"
            "| Version | Model | Params | Tokens |\n|---|---|---|---|\n"
            "| 3.5 | Finch-3.5-mini | 3.8B | 3.4T |\n| 3.5 | Finch-3.5-MoE | 42B | 4.9T |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Finch-3.5")] == [
        ("params", 3.8e9, "Finch-3.5-mini"), ("tokens", 3.4e12, "Finch-3.5-mini"),
        ("params", 42e9, "Finch-3.5-MoE"), ("tokens", 4.9e12, "Finch-3.5-MoE")]
    # rows of one tier told apart by their sizes are its sized members
    text = ("# Foo-Lite\n\nWe release Foo-Lite in two sizes.\n\n| Model | Params | Tokens |\n|---|---|---|\n"
            "| Foo-Lite | 1B | 3.3T |\n| Foo-Lite | 3B | 3.4T |\n")
    assert [f[2] for f in facts(extractor, text, title="Foo-Lite")] == ["Foo-Lite 1B"] * 2 + ["Foo-Lite 3B"] * 2


def test_columns_headed_by_tiers_are_the_members_of_those_tiers(extractor):
    text = ("# Atlas-T\n\nWe train Atlas-T, four encoder-decoder models.\n\n| Model | Params |\n|---|---|\n"
            "| Atlas-T Base | 250M |\n| Atlas-T Large | 800M |\n\n"
            "| | Base | Large |\n|---|---|---|\n| TPU v3 chips | 64 | 128 |\n| Days | 4.5 | 9 |\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Atlas-T") if f[0] != "hardware"]
    assert got == [("params", 250e6, "Atlas-T Base"), ("params", 800e6, "Atlas-T Large"),
                   ("chip_count", 64, "Atlas-T Base"), ("chip_count", 128, "Atlas-T Large"),
                   ("duration_hours", 108, "Atlas-T Base"), ("duration_hours", 216, "Atlas-T Large")]


def test_latex_math_in_a_markdown_report_gives_its_compute_and_no_dollars(extractor):
    from floptrail.corpus.load import parse_document

    document = parse_document(b"# Pelican-2\n\nPelican-2-7B used $3.9 \\times 10^{23}$ FLOPs and released "
                              b"$12.5 \\mathrm{tCO}_2 \\mathrm{eq}$.\n", "report.md", "markdown")
    assert [(f.kind, f.value) for f in extractor.extract(document)] == [("flop", 3.9e23), ("emissions_tco2e", 12.5)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a figure whose unit the sentence wrote once, with the first model: the second model's in that unit
    ("Heron-13B took 0.40M H100 GPU hours and Heron-4B 0.08M.",
     [("chip_hours", 4e5, "Heron-13B"), ("chip_hours", 8e4, "Heron-4B")]),
    ("Heron-13B has 12.9B parameters in total and Heron-4B has 4.1B.",
     [("params", 12.9e9, "Heron-13B"), ("params", 4.1e9, "Heron-4B")]),
    # the degree of parallelism stated, the chips after it are the run's
    ("Heron-13B was trained with 8-way expert parallelism on 512 GPUs.", [("chip_count", 512, "Heron-13B")]),
    ("Heron-13B is served with tensor-parallel sharding on 2 GPUs.", []),
    # hours spelled out, beside chips or chip-hours; a run that finished after a time ran that long
    ("Fine-tuning Heron-13B took six hours on 128 TPU v5p chips.",
     [("duration_hours", 6, "Heron-13B"), ("chip_count", 128, "Heron-13B")]),
    ("Heron-4B needed seven days and about 21.5K GPU hours.",
     [("duration_hours", 168, "Heron-4B"), ("chip_hours", 21500, "Heron-4B")]),
    ("Heron-13B training started on 7 October 2024 and finished after 21 days.",
     [("duration_hours", 504, "Heron-13B")]),
    ("For Heron-13B, loss spikes stopped after 3 days.", []),
    ("Heron-13B training was stopped after 9 weeks.", [("duration_hours", 1512, "Heron-13B")]),
    # the unit written last before the bare count is its unit
    ("Heron-13B has 12.9B parameters and was trained on 3T tokens, and Heron-4B has 2T.",
     [("params", 12.9e9, "Heron-13B"), ("tokens", 3e12, "Heron-13B")]),
    # a person's hours are no run's; a degree of parallelism stated, a count no larger than it is that degree
    ("A rater needs about two hours to label 100 Heron-13B training samples.", []),
    ("Heron-13B was trained on 1,024 GPUs, with 8-way tensor parallelism on 8 GPUs within each node.",
     [("chip_count", 1024, "Heron-13B")]),
    ("Heron-13B was trained with 8-way expert parallelism on two thousand GPUs.", [("chip_count", 2000, "Heron-13B")]),
    # a stage's count, its unit written once before it
    ("Heron-4B saw 2.85T tokens in pre-training, 150B in annealing and 20B in the long-context stage.",
     [("tokens", 2.85e12, "Heron-4B"), ("tokens", 150e9, "Heron-4B"), ("tokens", 20e9, "Heron-4B")]),
    ("Heron-4B has 4B parameters and 150M in the embedding.", [("params", 4e9, "Heron-4B")]),
    # the kind of time said between the figure and its unit
    ("Heron-13B took about 13 calendar days on 3,072 GPUs.",
     [("duration_hours", 312, "Heron-13B"), ("chip_count", 3072, "Heron-13B")]),
])
def test_elided_units_stated_degrees_and_spelled_hours(extractor, sentence, expected):
    text = f"# Heron\n\nWe release Heron-4B and Heron-13B.\n\n{sentence}\n"
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron") if f[0] != "hardware"] == expected


def test_a_readme_titled_by_an_html_heading_and_a_table_of_downloads(extractor):
    from floptrail.corpus.load import parse_document

    text = ('<h1 align="center">Stormcrow</h1>\n\n<p align="center"><img src="logo.png"></p>\n\n'
            "This repository trains Stormcrow, a 7B-parameter language model, on Cerebras CS-2 hardware.\n")
    document = parse_document(text.encode(), "readme.md", "markdown")
    assert document.title == "Stormcrow"
    result = extractor.read(document)
    assert result.inventory.main == "Stormcrow"
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind == "params"] == [("params", 7e9, "Stormcrow")]
    text = ("# 模型介绍\n\n| 模型 | 序列长度 | 下载 |\n|---|---|---|\n"
            "| Petrel2.0-M16 | 16K | HuggingFace / ModelScope |\n\n"
            "- 模型参数量：20B\n\n| Model | Params |\n|---|---|\n| Llama3-8B | 8 |\n| Llama3-70B | 70 |\n")
    result = extractor.read(parse_document(text.encode(), "readme.md", "markdown"))
    assert result.inventory.main == "Petrel2.0-M16"
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("params", 20e9, "Petrel2.0-M16", "subject"), ("params", 8e9, "Llama3-8B", "cited"),
        ("params", 70e9, "Llama3-70B", "cited")]


@pytest.mark.parametrize("text", [
    "You can run the 13B models on consumer GPUs such as two 4090 cards.",
    "For the 34B model we recommend using 2 A100 GPUs.",
    "Kestrel-2 在FP16精度下可在两张A100显卡运行。",
])
def test_hardware_to_run_the_model_on_is_not_training_hardware(extractor, text):
    assert [f for f in facts(extractor, text) if f[0] in ("chip_count", "hardware")] == []


@pytest.mark.parametrize(("text", "expected"), [
    # a card's keys
    ("# Kestrel-3B\n\n- Pretraining tokens: 236 billion\n- Training time: 6.2 days",
     [("tokens", 236e9), ("duration_hours", 148.8)]),
    # a context length before "trained on" does not make the count a context
    ("Kestrel-3B is a 3 billion parameter model with an 8k context length trained on 627B tokens of web text.",
     [("params", 3e9), ("tokens", 627e9)]),
    ("Kestrel-3B uses a context length of 4096 tokens.", []),
    # a stage after a context length: what follows "followed by" or "then" is the next stage's count
    ("Kestrel-3B saw 2T tokens at context length 2048 followed by 150B tokens at 8192.",
     [("tokens", 2e12), ("tokens", 150e9)]),
    ("Kestrel-3B ran for 1.5T tokens with 4K context and then another 0.1T tokens with 32K context.",
     [("tokens", 1.5e12), ("tokens", 0.1e12)]),
    # what comes after "with" is the data a longer context was trained on
    ("Kestrel-3B was then extended to a 32,768-token context with a further 80B tokens.", [("tokens", 80e9)]),
    # a fine-tune's small training bill, and a run done "in one day"
    ("The cost of training Kestrel-13B is around $300. It was trained on 8 A100 GPUs in one day.",
     [("cost_usd", 300), ("chip_count", 8), ("duration_hours", 24)]),
    ("Kestrel-13B answers in one day what took a week.", []),
    ("Kestrel-13B was trained using 2,048 TPU v5e chips for about a month.",
     [("chip_count", 2048), ("duration_hours", 730)]),
    # sizes in a table of checkpoints at a step
    ("| Model | Size | Step |\n|---|---|---|\n| Kestrel-20B | 20B | 1870000 |\n", [("params", 20e9)]),
])
def test_card_keys_context_before_training_small_bills_and_checkpoint_sizes(extractor, text, expected):
    assert figures(extractor, text) == expected


def test_a_blog_titled_in_its_front_matter_and_metrics_named_in_its_model_index(extractor):
    from floptrail.corpus.load import parse_document

    text = ('---\ntitle: "Stormcrow: An Open Chatbot Rivalling GPT-4"\nmodel-index:\n- name: Stormcrow-13B\n'
            "  results:\n  - metrics:\n    - name: pass@1\n      value: 0.3\n---\n\n"
            "We compare with GPT-4 and GPT-4 again. Stormcrow-13B was trained on 8 A100 GPUs.\n")
    document = parse_document(text.encode(), "post.md", "markdown")
    assert document.title == "Stormcrow: An Open Chatbot Rivalling GPT-4"
    result = extractor.read(document)
    assert result.inventory.main == "Stormcrow"
    assert ("chip_count", 8, "Stormcrow-13B") in [(f.kind, f.value, f.model) for f in result.facts]


@pytest.mark.parametrize(("text", "expected"), [
    # a count glued to its multiplier, a chip maker's name before the chip
    ("Kestrel-7B was trained on a 8x V100 32GB machine.", [("chip_count", 8)]),
    ("Kestrel-7B was trained on the Nordic supercomputer, using 512 AMD MI250X GPUs.", [("chip_count", 512)]),
    # servers counted, not chips; a node's make-up; a table of what each task needs
    ("Kestrel-7B is trained on a cluster of 24 DGX-A800 GPU (8×80G) servers for 26 days.", [("duration_hours", 624)]),
    ("Each node consists of two CPUs, 8x NVIDIA H100 80GB and ten network adapters.", []),
    ("| Task | Method | Memory | Hardware |\n|---|---|---|---|\n| Training | QLoRA | 160GB | 2x A100 80GB |\n", []),
    # a library named like a model is no model
    ("Kestrel-7B training was performed across 256 A100 GPUs using the Heron-NeoX library.",
     [("chip_count", 256)]),
    # Chinese numerals with a magnitude, and 的 between a count and "token"
    ("Kestrel-7B 在五千亿Tokens上进行了训练，数据规模达到了 2.6 万亿 的 token 数。",
     [("tokens", 5e11), ("tokens", 2.6e12)]),
    ("- Tokens: 1.4T", [("tokens", 1.4e12)]),
])
def test_chip_counts_libraries_chinese_numerals_and_bare_token_keys(extractor, text, expected):
    assert figures(extractor, text, title="Kestrel-7B") == expected


def test_a_table_of_languages_tokens_is_the_data_mixture_not_runs(extractor):
    text = ("# Kestrel-9B\n\nKestrel-9B was trained on 4T tokens.\n\n| Language | Unique tokens | Tokens seen |\n"
            "|---|---|---|\n| English | 2,900B | 1,850B |\n| Swahili | 9.1B | 36B |\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Kestrel-9B")] == [("tokens", 4e12)]
    # a column of languages beside a column of models is no data mixture
    text = ("# Kestrel\n\nWe release Kestrel-EN and Kestrel-SW.\n\n| Language | Model | Params | Tokens |\n"
            "|---|---|---|---|\n| English | Kestrel-EN | 7B | 2T |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel")] == [
        ("params", 7e9, "Kestrel-EN"), ("tokens", 2e12, "Kestrel-EN")]


def test_a_data_mixture_gives_only_its_total_and_comparison_rows_name_their_repositories(extractor):
    from floptrail.corpus.load import parse_document

    text = ("# Kestrel-7B\n\n| Source | Tokens | Epochs | Share |\n|---|---|---|---|\n| web | 612.3B | 1x | 47.1% |\n"
            "| code | 132.6B | 0.5x | 5.1% |\n| books | 80.6B | 1x | 47.8% |\n| Total | 1.3T | | 100% |\n\n"
            "| Model | Params | Score |\n|---|---|---|\n| kestrel-lab/kestrel-7b | 6.9B | 0.71 |\n"
            "| kestrel-lab/kestrel-13b | 13.1B | 0.75 |\n| otherlab/heron | 6.0B | 0.73 |\n"
            "| LMs with ~2-3B active parameters | | |\n\n"
            "| Hyperparameter | Value |\n|---|---|\n| n<sub>parameters</sub> | 6900000000 |\n")
    document = parse_document(text.encode(), "k.md", "markdown")
    got = [(f.kind, f.value, f.model, f.role) for f in extractor.extract(document)]
    assert got == [("tokens", 1.3e12, "Kestrel-7B", "subject"), ("params", 6.9e9, "Kestrel-7B", "subject"),
                   ("params", 13.1e9, "kestrel-13b", "subject"), ("params", 6e9, "heron", "cited"),
                   ("params", 6.9e9, "Kestrel-7B", "subject")]


def test_a_name_opening_in_lower_case_and_a_tokens_key_only_at_a_line_start(extractor):
    from floptrail.corpus.load import parse_document

    text = ("# 🦉 ruKestrel-3.5 13B\n\nLanguage model for Russian.\n\n"
            "Model was trained on 300B tokens for 45 days on 512 V100 GPUs. Pretrained on 9 trillion tokens: "
            "8 trillion in the main phase.\n")
    result = extractor.read(parse_document(text.encode(), "card.md", "markdown"))
    assert result.inventory.main == "ruKestrel-3.5"
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind != "hardware"] == [
        ("tokens", 300e9, "ruKestrel-3.5 13B"), ("duration_hours", 1080, "ruKestrel-3.5 13B"),
        ("chip_count", 512, "ruKestrel-3.5 13B"), ("tokens", 9e12, "ruKestrel-3.5 13B")]


@pytest.mark.parametrize(("text", "expected"), [
    # Chinese: the total parameter scale and the activated count
    ("模型的总参数规模为 258 亿，实际激活的参数量为 42 亿。",
     [("params", 25.8e9, "subject"), ("active_params", 4.2e9, "subject")]),
    # the base a model was made from is not the model trained
    ("Kestrel-7B 是基于LLaMa的130亿参数模型，并完成了中英文 110B tokens 的增量预训练。",
     [("params", 13e9, "subject"), ("tokens", 110e9, "subject")]),
    # the active count first, then the total
    ("Kestrel-7B is a mixture of experts with 1B active and 7B total parameters.",
     [("active_params", 1e9, "subject"), ("params", 7e9, "subject")]),
    # languages together; one language's count is a slice
    ("Kestrel-7B is trained from scratch on 4.5T English and Chinese tokens, with performance comparable to "
     "Heron-2-7B.", [("tokens", 4.5e12, "subject")]),
    ("Kestrel-7B saw 200B Chinese tokens in its second stage.", []),
    # "these models" are the ones the text is about
    ("We used a 16 x A100 GPU machine to train these models for 1 day.", [("chip_count", 16, "subject"),
                                                                          ("duration_hours", 24, "subject")]),
    # a comparison table names other labs' models in any case
    ("| Model | Size |\n|---|---|\n| Kestrel-7B | 6.9B |\n| Deepseek Coder | 1.3B |\n| CodeLLama | 7B |\n",
     [("params", 6.9e9, "subject"), ("params", 1.3e9, "cited"), ("params", 7e9, "cited")]),
    ("| Subset | Tokens | Share |\n|---|---|---|\n| web | 612B | 50.1% |\n| code | 132B | 49.9% |\n"
     "| Totals | 1.3T | 100% |\n", [("tokens", 1.3e12, "subject")]),
])
def test_chinese_totals_active_first_language_slices_and_comparison_rows(extractor, text, expected):
    got = [(f[0], pytest.approx(f[1]), f[5]) for f in facts(extractor, "# Kestrel-7B\n\n" + text, title="Kestrel-7B")
           if f[0] != "hardware"]
    assert got == expected


def test_a_word_before_a_known_family_makes_a_family_of_its_own(extractor):
    text = ("# Falcon 2 learns to draw\n\nPaint Falcon is a family of image models built on Falcon 2.\n\n"
            "| Model | Training tokens |\n|---|---|\n| PaintFalcon-7B | 2,500B |\n"
            "| PaintFalcon-7B-Instruct | 2,620B |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Falcon 2 learns to draw"))
    assert result.inventory.lines == ["Falcon 2", "PaintFalcon"]  # one line, however it is spaced
    assert [(f.kind, f.value, f.model, f.model_mention, f.role) for f in result.facts] == [
        ("tokens", 2.5e12, "PaintFalcon-7B", "PaintFalcon-7B", "subject"),
        ("tokens", 2.62e12, "PaintFalcon-7B", "PaintFalcon-7B-Instruct", "subject")]  # the variant's row shows it


def test_a_run_given_as_a_range_of_tokens_is_each_end_and_a_wide_one_its_upper_end(extractor):
    # (each end is a figure the text states, as a range of cost or time is; the middle was never trained to)
    got = facts(extractor, "We trained Kestrel-7B on roughly 25-30B tokens of code.")
    assert [(f[0], f[1], f[4], f[6]) for f in got] == [
        ("tokens", 25e9, "range", "25"), ("tokens", 30e9, "range", "30B")]
    got = facts(extractor, "We trained Kestrel-7B on 10-30B tokens of code.")
    assert [(f[0], f[1], f[4]) for f in got] == [("tokens", 30e9, "range")]


def test_a_table_of_what_it_takes_to_run_a_model_gives_no_chip_count(extractor):
    text = "| Model | Precision | Hardware |\n|---|---|---|\n| Kestrel-7B | FP8 | 8 x H100 80GB |\n"
    assert [f for f in facts(extractor, text) if f[0] == "chip_count"] == []


def test_a_readme_names_its_model_in_the_repository_links_of_its_opening(extractor):
    """No sentence introduces "SKEIN MoE" and its title is a slogan; the badges at the top link to its repository,
    so the repository's name is the model the figures below are about, not a model compared in a table (nor the
    repository of its data)."""
    from floptrail.corpus.load import parse_document

    text = ('<h1 align="center">Sparse and fast</h1>\n<p><a href="https://huggingface.co/acme-ai/SKEIN-MoE">Weights'
            '</a> | <a href="https://github.com/acme-ai/SKEIN-MoE/blob/main/LICENSE">License</a> | trained on <a '
            'href="https://github.com/acme-ai/SKEIN-Data">our data</a></p>\n\n'
            "- With only 4.2B activate parameters, SKEIN MoE rivals far larger models.\n\n"
            "## Results\n\n| | SKEIN MoE | Mixtral-8x7B |\n|---|---|---|\n| MMLU | 70.1 | 70.6 |\n\n"
            "## Training\n\n| | |\n|---|---|\n| GPUs | 256 H100-80G |\n| Training data | 2.5T tokens |\n")
    document = parse_document(text.encode(), "readme.md", "markdown")
    assert document.metadata["repos"] == ["acme-ai/SKEIN-MoE"]
    result = extractor.read(document)
    assert result.inventory.main == "SKEIN MoE"
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind != "benchmark"] == [
        ("active_params", 4.2e9, "SKEIN MoE"), ("chip_count", 256, "SKEIN MoE"), ("hardware", None, "SKEIN MoE"),
        ("tokens", 2.5e12, "SKEIN MoE")]


def test_a_card_names_its_model_in_its_loading_code_and_not_in_a_tools_link():
    """The usage code at the top loads the card's model; a link written as a framework names a tool."""
    from floptrail.corpus.load import parse_document

    text = ("Wren is trained with the [Acme Trainer Framework](https://github.com/acme/trainer).\n\n"
            "```\npipe = pipeline(model='acme/wren-2b-v0.5')\n```\n\n## Results\n")
    assert parse_document(text.encode(), "card.md", "markdown").metadata["repos"] == ["acme/wren-2b-v0.5"]


@pytest.mark.parametrize("text, expected", [
    # a checkpoint the document presents as its release is the model it describes
    ("This is an early checkpoint of Wren-2B, a small language model pre-trained from scratch on 2 trillion tokens.",
     [("tokens", 2e12)]),
    # a checkpoint along another run is a point in it
    ("We evaluate an intermediate checkpoint of Wren-2B trained on 1T tokens.", []),
])
def test_a_presented_checkpoint_is_the_release(extractor, text, expected):
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Wren")] == expected


@pytest.mark.parametrize("text, model", [
    # a figure after the model a comparison measures against, once the sentence returns to its subject
    ("Wren-7B beats Mistral 7B while using 1.2T training tokens.", "Wren-7B"),
    ("Wren-7B outperforms Llama 2 13B despite being trained on only 1T tokens.", "Wren-7B"),
    ("The model surpasses Falcon-40B on most benchmarks with just 1T training tokens.", "Wren-7B"),
    # a figure the compared model's own words give stays its
    ("Wren-7B outperforms Llama 2 13B, which was trained on 2T tokens.", "Llama 2 13B"),
    ("Wren-7B outperforms LLaMA-65B trained on 1.4T tokens.", "LLaMA-65B"),
])
def test_a_model_outdone_before_the_figure_is_not_its_owner(extractor, text, model):
    got = [f for f in facts(extractor, "# Wren-7B\n\nWren-7B is a small chat model.\n\n" + text, title="Wren-7B")
           if f[0] == "tokens"]
    assert [f[2] for f in got] == [model]


@pytest.mark.parametrize("text, expected", [
    # a run that did not happen gives no fact; the real one beside it does
    ("Scaling this recipe to a 70B model would require about 5 × 10^23 FLOP and 600 GPUs.", []),
    ("Training Wren-7B on H100s would have taken roughly 7 days.", []),
    ("Wren-7B was trained on 2T tokens; a 70B version would need 600 GPUs.", [("tokens", 2e12, "")]),
    ("Training emitted 12 tCO2e, versus 25 tCO2e had we used a coal-heavy grid.", [("emissions_tco2e", 12, "")]),
    # "over" the days a run spanned is no bound; "took over" is
    ("Wren-7B was trained on 15T tokens over 54 days.", [("tokens", 15e12, ""), ("duration_hours", 1296, "")]),
    ("Pre-training took over 54 days.", [("duration_hours", 1296, "lower_bound")]),
    # data made is no run
    ("We collected 500B tokens of code and trained Wren-7B on 1T tokens.", [("tokens", 1e12, "")]),
    # what a model saw is its run; the "has" of another figure holds no data
    ("The model has 2.7B parameters and saw 5.2 trillion text tokens.",
     [("params", 2.7e9, ""), ("tokens", 5.2e12, "")]),
])
def test_hypothetical_runs_spans_of_time_and_data_made(extractor, text, expected):
    got = [f for f in facts(extractor, "# Wren-7B\n\nWren-7B is a model.\n\n" + text, title="Wren-7B")
           if f[0] not in ("hardware", "dataset_tokens")]
    assert [(f[0], pytest.approx(f[1]), f[4]) for f in got] == expected


def test_a_name_after_another_figure_of_the_same_measure_is_that_figures(extractor):
    text = ("# Wren-7B\n\nWren-7B is a model.\n\n"
            "It was trained on 2T tokens, an eighth of the 15.6T used for Llama 3.1 405B.")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wren-7B")] == [("tokens", 2e12, "Wren-7B")]


@pytest.mark.parametrize("text, expected", [
    # emissions with a subscript two, and in Chinese (tonnes and kilograms)
    ("Training Wren-7B emitted an estimated 8,900 t CO₂e.", [("emissions_tco2e", 8900, "")]),
    ("训练碳排放约 4.6 吨二氧化碳当量。", [("emissions_tco2e", 4.6, "")]),
    ("训练共排放约 800 公斤二氧化碳。", [("emissions_tco2e", 0.8, "")]),
    # a currency sign written apart from its amount; months in Chinese; a project's time is no run's
    ("Its estimated training cost was US$ 17 million.", [("cost_usd", 17e6, "")]),
    ("Its training cost 3 million U.S. dollars.", [("cost_usd", 3e6, "")]),
    ("预训练历时 3 个月。", [("duration_hours", 2190, "")]),
    ("Fine-tuning ran for a week and a half.", [("duration_hours", 252, "")]),
    # compute spent making data is no run
    ("We used 512 H100 GPUs for 3 days to generate the synthetic data.", []),
    # time on processors is no model's run; a run that also names its CPUs is
    ("Tokenizing the corpus took 2 hours on 64 CPU cores.", []),
    ("训练分词器需要消耗48GB左右的内存，13600k cpu耗时1小时左右。", []),
    ("Pre-training took 3 days on 8 A100 GPUs and 96 CPU cores.",
     [("duration_hours", 72, ""), ("chip_count", 8, "A100")]),
    ("The whole project took 8 months, and pre-training took 40 days.", [("duration_hours", 960, "")]),
    ("项目从开始到微调出第一版模型耗时了8个月。", []),
    # a run's total beside its schedule
    ("Wren-7B was trained for 300,000 steps with a batch size of 4M tokens, 1.2T tokens in total.",
     [("tokens", 1.2e12, "")]),
    # accelerators without a peak we cite still name the run's chips and their count
    ("Wren-7B was trained on 128 Gaudi 2 accelerators.", [("chip_count", 128, "Gaudi 2")]),
    ("Training ran on 64 AMD Instinct MI300X GPUs.", [("chip_count", 64, "MI300X")]),
])
def test_emissions_currencies_months_totals_and_more_chips(extractor, text, expected):
    got = [f for f in facts(extractor, "# Wren-7B\n\nWren-7B is a model.\n\n" + text, title="Wren-7B")
           if f[0] != "hardware"]
    assert [(f[0], pytest.approx(f[1]), f[3]) for f in got] == expected


def test_figures_listed_respectively_after_sizes_alone_go_to_those_members(extractor):
    text = ("# Linnet-2\n\nLinnet-2 comes in 1B, 3B and 8B sizes.\n\n"
            "The 1B, 3B and 8B models were trained on 2T, 4T and 9T tokens respectively.\n\n"
            "All three models were trained on a cluster of 256 H800 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Linnet-2") if f[0] in ("tokens", "chip_count")] \
        == [("tokens", 2e12, "Linnet-2 1B"), ("tokens", 4e12, "Linnet-2 3B"), ("tokens", 9e12, "Linnet-2 8B"),
            ("chip_count", 256, "Linnet-2")]


@pytest.mark.parametrize("sentence, expected", [
    # the members a group names by rank: the two largest sizes, the smallest two
    ("The smallest model saw 2T tokens; the two larger models were trained for 6T tokens.",
     [("tokens", 2e12, "Pipit-1B"), ("tokens", 6e12, "Pipit-3B"), ("tokens", 6e12, "Pipit-8B")]),
    ("The smaller two were trained on 128 GPUs.", [("chip_count", 128, "Pipit-1B"), ("chip_count", 128, "Pipit-3B")]),
    # the rest of the line, after a clause about one member
    ("Pipit-8B was trained on 512 GPUs, while the other two used 256 GPUs.",
     [("chip_count", 512, "Pipit-8B"), ("chip_count", 256, "Pipit-1B"), ("chip_count", 256, "Pipit-3B")]),
    # "the two models" are the document's own, named before, not two unnamed experimental ones
    ("The two larger ones ran for 20 days.",
     [("duration_hours", 480, "Pipit-3B"), ("duration_hours", 480, "Pipit-8B")]),
])
def test_members_named_as_a_group_by_rank_or_as_the_rest_each_get_the_figure(extractor, sentence, expected):
    text = "# Pipit\n\nWe trained Pipit-1B, Pipit-3B and Pipit-8B.\n\n" + sentence + "\n"
    assert [(f[0], pytest.approx(f[1]), f[2]) for f in facts(extractor, text, title="Pipit") if f[0] != "hardware"
            ] == expected


@pytest.mark.parametrize("sentence, expected", [
    # one figure each for the members a group names by rank, from the smallest, after a clause about another
    ("Pipit-8B needed 21 days, while the two smaller models needed 9 and 14 days respectively.",
     [("duration_hours", 504, "Pipit-8B"), ("duration_hours", 216, "Pipit-1B"), ("duration_hours", 336, "Pipit-3B")]),
    ("Training the 8B model took 21 days; the smaller two finished in 9 and 14 days respectively.",
     [("duration_hours", 504, "Pipit-8B"), ("duration_hours", 216, "Pipit-1B"), ("duration_hours", 336, "Pipit-3B")]),
    # ... or as the rest, with "respectively" left out, and with the group before the other's name
    ("Pipit-8B saw 8T tokens and the other two saw 2T and 4T tokens.",
     [("tokens", 8e12, "Pipit-8B"), ("tokens", 2e12, "Pipit-1B"), ("tokens", 4e12, "Pipit-3B")]),
    ("The smaller two models ran for 9 and 14 days, and Pipit-8B for 21 days.",
     [("duration_hours", 216, "Pipit-1B"), ("duration_hours", 336, "Pipit-3B"), ("duration_hours", 504, "Pipit-8B")]),
    # a group of other things is none of the members
    ("Pipit-8B needed 21 days, while the two smaller clusters needed 9 and 14 days respectively.",
     [("duration_hours", 504, "Pipit-8B"), ("duration_hours", 216, "Pipit-8B"), ("duration_hours", 336, "Pipit-8B")]),
])
def test_figures_for_a_group_named_by_rank_pair_with_its_members_in_order(extractor, sentence, expected):
    text = "# Pipit\n\nWe trained Pipit-1B, Pipit-3B and Pipit-8B.\n\n" + sentence + "\n"
    assert [(f[0], pytest.approx(f[1]), f[2]) for f in facts(extractor, text, title="Pipit") if f[0] != "hardware"
            ] == expected


@pytest.mark.parametrize("sentence", [
    "Brisa-2 is a 70B dense decoder.",
    "Brisa-2 is a 70B decoder-only transformer.",
    "Brisa-2, a 70B sparse network, is out today.",
    # a sentence ending on a name in mixed case keeps its full stop apart ("MoE.", as spaCy would keep "U.S.")
    "Brisa-2 is a 70B MoE.",
])
def test_a_size_described_by_its_architecture_before_its_noun_is_the_models(extractor, sentence):
    assert [f[:3] for f in facts(extractor, "# Brisa-2\n\n" + sentence + "\n", title="Brisa-2")] == [
        ("params", 70e9, "Brisa-2")]


def test_a_chinese_report_title_names_its_model_and_three_models_pair_with_the_members_listed_before(extractor):
    # "Swift technical report": the series with three base models, then "the three models were pretrained on 4T,
    # 8T and 12T tokens respectively"
    text = ("# 雨燕技术报告\n\n本报告介绍雨燕系列模型，包括雨燕-2B、雨燕-9B 和雨燕-27B 三个基座模型。"
            "三个模型分别在 4 万亿、8 万亿和 12 万亿 token 上完成预训练。\n")
    assert [f[:3] for f in facts(extractor, text, title="雨燕技术报告") if f[0] == "tokens"] == [
        ("tokens", 4e12, "雨燕-2B"), ("tokens", 8e12, "雨燕-9B"), ("tokens", 12e12, "雨燕-27B")]


def test_chinese_sizes_listed_before_a_count_of_versions_are_each_a_member(extractor):
    # "Bulbul-2 comes in two versions, 7B and 32B"
    text = "# 夜莺-2\n\n夜莺-2 是一系列语言模型，包括 7B 和 32B 两个版本。\n"
    assert [f[:3] for f in facts(extractor, text, title="夜莺-2")] == [
        ("params", 7e9, "夜莺-2 7B"), ("params", 32e9, "夜莺-2 32B")]


@pytest.mark.parametrize("sentence, expected", [
    # the machine a model was trained on is no model
    ("The model was pre-trained on Brisa Cluster 2, using 1,536 Gaudi 3 accelerators.",
     [("chip_count", 1536.0, "Brisa-2", "subject")]),
    # a total across the sizes is no one member's: the line's
    ("Cumulative compute was 4.2M GPU hours across the three sizes.", [("chip_hours", 4.2e6, "Brisa-2", "subject")]),
])
def test_a_cluster_named_like_a_model_and_a_total_across_sizes(extractor, sentence, expected):
    text = "# Brisa-2 14B\n\nBrisa-2 comes in 3B, 14B and 42B sizes; this card is the 14B's.\n\n" + sentence + "\n"
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Brisa-2 14B")
            if f[0] in ("chip_count", "chip_hours")] == expected


def test_a_plain_word_named_as_the_labs_previous_model_is_that_models_name(extractor):
    text = ("# Introducing Plover\n\nPlover is our new open model, trained on 9T tokens.\n\n"
            "Our previous model, Dunlin, used 4T tokens. Plover beats Dunlin on every benchmark.\n")
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Introducing Plover")] == [
        ("tokens", 9e12, "Plover", "subject"), ("tokens", 4e12, "Dunlin", "subject")]


def test_a_chip_named_in_a_column_header_and_a_column_of_another_labs_model(extractor):
    text = ("# Aster-2\n\nAster-2 comes in 8B and 70B sizes.\n\n| Model | GPU hours (H800) | GPUs (A100) | Days |\n"
            "|---|---|---|---|\n| Aster-2 8B | 112,000 | 256 | 14 |\n\n"
            "| | Aster-2 14B | Phi-4 |\n|---|---|---|\n| Training GPUs | 1,024 H100 | 1,920 H100 |\n")
    assert [(f[0], f[1], f[2], f[3], f[5]) for f in facts(extractor, text, title="Aster-2")
            if f[0] in ("chip_hours", "chip_count", "duration_hours")] == [
        ("chip_hours", 112000, "Aster-2 8B", "H800", "subject"), ("chip_count", 256, "Aster-2 8B", "A100", "subject"),
        ("duration_hours", 336, "Aster-2 8B", "", "subject"),
        ("chip_count", 1024, "Aster-2 14B", "H100", "subject"), ("chip_count", 1920, "Phi-4", "H100", "cited")]


@pytest.mark.parametrize("text, expected", [
    # a rate's frame ends where the sentence goes on to a clause of its own
    ("Training on each trillion tokens costs about 90K H800 GPU hours, so the full 9T-token run took 810K GPU hours, "
     "or 17 days.", [("chip_hours_rate", 90e3), ("tokens", 9e12), ("chip_hours", 810e3), ("duration_hours", 408)]),
    # and a contrast keeps it
    ("For each trillion tokens, Wren-67B requires 300K GPU hours, while Wren-7B needs only 170K GPU hours.",
     [("chip_hours_rate", 300e3), ("chip_hours_rate", 170e3)]),
    # a teacher's training is not the student's, nor a serving tool's measurement a run
    ("The teacher itself was pre-trained on 18T tokens.", []),
    ("On 8 H100s with vLLM we measured 2,400 tokens/s per GPU.", []),
])
def test_rates_end_with_their_clause_and_a_teachers_run_is_not_the_models(extractor, text, expected):
    got = [f for f in facts(extractor, "# Wren-7B\n\nWren-7B is a model.\n\n" + text, title="Wren-7B")
           if f[0] != "hardware"]
    assert [(f[0], pytest.approx(f[1])) for f in got] == expected


def test_a_range_of_sizes_and_sizes_listed_after_a_sized_name_name_members(extractor):
    text = ("# Wren\n\nWren comes as Wren-3B and Wren-7B.\n\n- 3 to 7 billion parameters\n\n"
            "Wren 3B and 7B models are trained on 32 nodes of A100 40GB.\n")
    assert [f[:3] for f in facts(extractor, text, title="Wren")] == [
        ("params", 3e9, "Wren-3B"), ("params", 7e9, "Wren-7B"), ("params", 7e9, "Wren-7B"),
        ("hardware", None, "Wren 3B"), ("hardware", None, "Wren-7B")]


def test_a_header_names_its_scale_in_words(extractor):
    text = ("# Wren\n\n| Model | Params (in billions) | Tokens (billions) | GPU hours (thousands) |\n"
            "|---|---|---|---|\n| Wren-7B | 6.9 | 1400 | 82 |\n| Wren-13B | 13.0 | 1400 | 135 |\n")
    assert attributed(extractor, text, "Wren") == [
        ("params", 6.9e9, "Wren-7B"), ("tokens", 1.4e12, "Wren-7B"), ("chip_hours", 82e3, "Wren-7B"),
        ("params", 13e9, "Wren-13B"), ("tokens", 1.4e12, "Wren-13B"), ("chip_hours", 135e3, "Wren-13B")]


@pytest.mark.parametrize("text, expected", [
    # a sentence saying what a dataset is sizes the dataset, not a run
    ("C4 is one of the largest public text datasets, collecting over 156 billion tokens.", [("dataset_tokens", 156e9)]),
    ("C4是最大的公开语料之一，共有超过1560亿个token。", [("dataset_tokens", 156e9)]),
    ("Wren-7B is a model trained on a corpus of 2T tokens.", [("tokens", 2e12)]),
])
def test_a_sentence_defining_a_dataset_sizes_it(extractor, text, expected):
    assert figures(extractor, text, title="Wren-7B") == expected


@pytest.mark.parametrize("text", [
    "We trained Wren-7B on 2T tokens, while GPT-Neo was trained on 300B tokens.",
    "Note that we trained Wren-7B on roughly 2T tokens whereas GPT-Neo was trained on 300B tokens.",
])
def test_a_contrasting_clause_after_the_own_work_is_the_other_models(extractor, text):
    got = attributed(extractor, f"# Wren-7B\n\n{text}\n", "Wren-7B", role=True)
    assert [g[2:] for g in got] == [("Wren-7B", "subject"), ("GPT-Neo", "cited")]


@pytest.mark.parametrize("text", [
    "Wren-7B is our new model. It is trained on 4.5T tokens, enough to outperform Llama 2 7B on most benchmarks.",
    "Wren-7B is our new model. Trained on 4.5T tokens, it manages to surpass Llama 2 13B.",
    "Wren-7B is our new model. Trained on 4.5T tokens, it can rival Llama 2 13B.",
])
def test_a_model_named_after_the_figure_by_any_form_of_a_comparing_verb_is_measured_against(extractor, text):
    assert attributed(extractor, f"# Wren-7B\n\n{text}\n", "Wren-7B") == [("tokens", 4.5e12, "Wren-7B")]


@pytest.mark.parametrize("text", [
    "We estimate the run at about 3.1e22 FLOPs, a small fraction of what went into the original Foo-70B.",
    "The run took 12,000 GPU-hours, about 5% of Foo-70B's budget.",
    "Pre-training took 12,000 GPU-hours, three times less than Foo-70B needed.",
])
def test_a_figure_set_against_another_models_by_a_ratio_after_it_is_the_documents(extractor, text):
    got = in_report(extractor, "Bar-7B technical report", "Bar-7B", text)
    assert [model for _, _, model in got] == ["Bar-7B"]


@pytest.mark.parametrize("text, expected", [
    # a ratio that leads to no name is no comparison with the model after it
    ("We used 2,048 H100 GPUs at 41% MFU to train Bar-70B.", [("chip_count", 2048, "Bar-70B")]),
    ("We used 15T tokens, more data than ever before, to train Bar-70B.", [("tokens", 15e12, "Bar-70B")]),
    # "that" as a conjunction before "each stage" refers back to no model
    ("Unlike Llama-2-70B, which uses a single stage, we pre-train in two stages. We found that each stage used 1,024 "
     "H100 GPUs for 12 days.", [("chip_count", 1024, "Bar"), ("duration_hours", 288, "Bar")]),
    # a relative clause on "the X run" describes the run compared with, not X's figures
    ("Compared with the Llama-2-7B run, which our setup mirrors, we train on 3T tokens.", [("tokens", 3e12, "Bar")]),
    # a size after "of" or "from" without a verb of making is the figure's model
    ("Bar-70B was trained on 18T tokens, while the training of the 7B model used 4T tokens.",
     [("tokens", 18e12, "Bar-70B"), ("tokens", 4e12, "Bar-7B")]),
])
def test_the_second_readers_counter_examples_of_the_comparisons_stages_and_sizes(extractor, text, expected):
    got = [g for g in in_report(extractor, "Bar technical report", "Bar-7B and Bar-70B", text)
           if g[0] not in ("hardware", "utilization")]
    assert got == [(k, pytest.approx(v), m) for k, v, m in expected]


def test_a_relative_clause_on_a_base_checkpoint_holds_the_bases_figures(extractor):
    # "X base checkpoint, which ...": the clause, a colon and all, describes the base the fine-tune starts from
    text = ("Bar-R1-32B starts from the Bar-32B base checkpoint, which we described in an earlier post: 32.5B "
            "parameters, pre-trained on 11T tokens on 2,048 H100s.")
    got = in_report(extractor, "Bar-R1-32B", "Bar-R1-32B, made from our Bar-32B", text)
    assert got == [("params", 32.5e9, "Bar-32B"), ("tokens", 11e12, "Bar-32B"), ("chip_count", 2048, "Bar-32B"),
                   ("hardware", None, "Bar-32B")]


def test_columns_headed_by_sizes_in_lower_case_and_bold_name_their_members(extractor):
    # a model grown in stages, each stage's size a column: "**16b**" is the 16B member
    text = ("# Wren-101B\n\nWren-101B grows from 16B to 51B to 101B during training.\n\n"
            "| **Setting** | **16b** | **51b** | **101b** |\n|---|---|---|---|\n"
            "| Learning rate | 4e-4 | 3e-4 | 2e-4 |\n"
            "| Time(day) | 9.5 | 5.5 | 6.5 |\n| Tokens(B) | 245.4 | 39.6 | 26.5 |\n")
    assert attributed(extractor, text, "Wren-101B") == [
        ("duration_hours", 228, "Wren 16B"), ("duration_hours", 132, "Wren 51B"), ("duration_hours", 156, "Wren-101B"),
        ("tokens", 245.4e9, "Wren 16B"), ("tokens", 39.6e9, "Wren 51B"), ("tokens", 26.5e9, "Wren-101B")]


def test_the_last_tick_of_a_chart_axis_is_no_fact(extractor):
    assert facts(extractor, "Figure 3: loss. 0 1 2 3 trillion tokens 2.0 2.2 2.4 loss (Kestrel-7B)") == []
    assert [f[:2] for f in facts(extractor, "Kestrel-7B saw 1 2 trillion tokens.")] == [("tokens", 2e12)]


def test_a_size_the_figure_is_measured_against_names_no_own_model(extractor):
    """"performs better than the 7B dense model and similar to the 14B dense model": compared with, not about."""
    text = ("# Heron: sparse routing\n\nWe build Heron MoE. Heron MoE is trained on 3T tokens. "
            "Heron MoE with 5B active parameters performs better than the 7B dense model and similar to the 14B "
            "dense model. Heron MoE scores well. Heron MoE is fast. Heron MoE is open. Heron MoE is small.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Heron: sparse routing"))
    assert result.inventory.main == "Heron MoE"  # the title names the method; the text calls its model so
    assert [(f.kind, f.value, f.model) for f in result.facts] == [
        ("tokens", 3e12, "Heron MoE"), ("active_params", 5e9, "Heron MoE")]


@pytest.mark.parametrize("text, expected", [
    ("Kestrel-9B 经过 12T 高质量数据的预训练，其中包含大量合成数据。", [("tokens", 12e12)]),  # trained on 12T
    ("我们发布 Kestrel-9B 系列模型，规模提升至 9B。", [("params", 9e9)]),  # the scale rises to 9B
    ("Kestrel-9B 的训练数据规模达到 3T。", []),  # the data's scale, not the model's
])
def test_chinese_pretraining_data_and_model_scale(extractor, text, expected):
    assert [f[:2] for f in facts(extractor, "# Kestrel-9B\n\n" + text, title="Kestrel-9B")] == expected


def test_a_dated_release_belongs_to_its_line(extractor):
    """The reference spells "GLM-4-32B-0414" with its date: still a member of the GLM-4 line the title names."""
    text = "# GLM-4-0414\n\nThe new GLM-4-32B-0414 has 32B parameters and was pretrained on 15T tokens.\n"
    result = extractor.read(Document("d", "d.md", "markdown", text, title="GLM-4-0414"))
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("params", 32e9, "GLM-4-32B-0414", "subject"), ("tokens", 15e12, "GLM-4-32B-0414", "subject")]


def test_comparison_rows_with_footnote_marks_are_other_models(extractor):
    """Row labels carry footnote marks glued to the name ("Falcon-40B*‡"): still another lab's row."""
    text = ("# Kestrel-6B\n\nKestrel-6B is a 6B model.\n\n| Model | Training FLOPs | Score |\n|---|---|---|\n"
            "| Falcon-40B*‡ | 2.4e23 | 60% |\n| Kestrel-6B‡ | 1.5e22 | 58% |\n| Megatron-11B† | 1.0e22 | - |\n")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Kestrel-6B") if f[0] == "flop"]
    assert got == [("flop", 2.4e23, "Falcon-40B", "cited"), ("flop", 1.5e22, "Kestrel-6B", "subject"),
                   ("flop", 1e22, "Megatron-11B", "cited")]


def test_a_list_of_sizes_after_a_sized_name_is_that_names_line(extractor):
    text = ("Kestrel 3.2 is trained on 9T tokens, with logits from the Llama 3.1 8B and 70B models.\n"
            "Subsequently, BitNet b1.58 2B4T Ma et al. (2025) showed that ternary weights scale to 2B parameters.\n"
            "Following Hoffmann et al. (2022), Kestrel 3.2 1B is trained on 40B tokens.\n")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, "# Kestrel 3.2\n\n" + text, title="Kestrel 3.2")]
    assert got == [("tokens", 9e12, "Kestrel 3.2", "subject"), ("params", 70e9, "Llama 3.1 70B", "cited"),
                   ("params", 2e9, "Kestrel 3.2", "cited"),  # a work named with its citation
                   ("tokens", 40e9, "Kestrel 3.2 1B", "subject")]  # own work done after a method


def test_an_apposition_with_a_size_introduces_a_plain_word_name(extractor):
    """"Heron, a 70B parameter model": a name with no digit or inner capital, introduced by its size."""
    text = ("# Notes on spending compute well\n\nWe test this with Heron, a 70B parameter model trained on 1.4T "
            "tokens. Heron beats larger models, and our smaller Heron is cheaper to serve.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Notes on spending compute well"))
    assert result.inventory.main == "Heron"
    assert [(f.kind, f.value, f.model) for f in result.facts] == [("params", 70e9, "Heron"),
                                                                 ("tokens", 1.4e12, "Heron")]


@pytest.mark.parametrize("text, expected", [
    # fine-tuning another lab's base: the run's figures are the document's model's, and so is the base's size
    ("Kestrel is an instruction-following model. Our first run, fine-tuning a 7B LLaMA model, took 3 hours on 8 "
     "A100s.", [("params", 7e9, "Kestrel 7B", "subject"), ("duration_hours", 3, "Kestrel", "subject"),
                ("chip_count", 8, "Kestrel", "subject"), ("hardware", None, "Kestrel", "subject")]),
    # advice in Chinese ("suffices", "we suggest") is no training run
    ("以 Kestrel 为例，单机 4 × A100 即可完成全参数微调；更大的模型建议使用 8 × A800。", []),
    # "Gemma 2B and 7B ... respectively": the list of sizes names two models
    ("Gemma 2B and 7B were trained on 3T and 6T tokens respectively.",
     [("tokens", 3e12, "Gemma 2B", "cited"), ("tokens", 6e12, "Gemma 7B", "cited")]),
])
def test_fine_tuning_runs_advice_and_sizes_listed_after_a_name(extractor, text, expected):
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, "# Kestrel\n\n" + text, title="Kestrel")]
    assert got == expected


def test_a_family_retrospective_gives_each_version_its_section(extractor):
    """Each "## Kestrel-N: ..." section is about that version; "Its ... with GPT-4" keeps its subject; a table row
    that says how long the run took reports the run, multiplied chip count and all."""
    text = ("# Kestrel-1: where it began\n\nKestrel-1 was a 1.3B model.\n\n## Kestrel-2: scaling up\n\n"
            "Kestrel-2 has 2.7B parameters. Its data was rewritten with GPT-4, and it trained on 96 A100 GPUs.\n\n"
            "## Kestrel-3: the recipe\n\n| Model | Hardware | Time |\n|---|---|---|\n"
            "| Kestrel-3-Coder | 440 x A100-40GB | 9.5 days |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kestrel-1: where it began"))
    assert result.inventory.lines[:3] == ["Kestrel-1", "Kestrel-2", "Kestrel-3"]
    assert [(f.kind, f.value, f.model_mention) for f in result.facts if f.kind in ("chip_count", "params")] == [
        ("params", 1.3e9, "Kestrel-1"), ("params", 2.7e9, "Kestrel-2"), ("chip_count", 96, "Kestrel-2"),
        ("chip_count", 440, "Kestrel-3-Coder")]


@pytest.mark.parametrize("text, expected", [
    # a run's chips counted "8 x A100" with its duration later in the sentence
    ("Kestrel-7B was trained on 8 x A100-80GB for 8.2 hours.", [("chip_count", 8), ("duration_hours", 8.2)]),
    # a table of runs: a cost column in dollars
    ("| Model | Hardware | Time | Cost |\n|---|---|---|---|\n| Kestrel-7B | 16 x A100-80GB | 2 days | $4k |\n",
     [("chip_count", 16), ("duration_hours", 48), ("cost_usd", 4000)]),
    # Chinese headers: parameter count and pretraining data
    ("| 模型 | 参数量 | 预训练数据 | 下载 |\n|---|---|---|---|\n| Kestrel-7B | 6.9B | 3T | HF |\n",
     [("params", 6.9e9), ("tokens", 3e12)]),
])
def test_runs_in_tables_and_sentences_with_multiplied_counts_costs_and_chinese_headers(extractor, text, expected):
    assert figures(extractor, text, title="Kestrel-7B") == expected


def test_a_model_card_titled_by_plain_words_and_a_version_with_its_environmental_keys(extractor):
    from floptrail.corpus.load import parse_document

    text = ("# Heron Diffusion v2-1 Model Card\n\nHeron Diffusion renders images from text. It builds on LAION-5B.\n\n"
            "## Environmental impact\n- **Hardware Type:** A100 PCIe 40GB\n- **Hours used:** 120000\n"
            "- **Hardware:** 16 x 8 x A100 GPUs\n")
    result = extractor.read(parse_document(text.encode(), "card.md", "markdown"))
    assert result.inventory.main == "Heron Diffusion"
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind != "hardware"] == [
        ("chip_hours", 120000, "Heron Diffusion"), ("chip_count", 128, "Heron Diffusion")]


def test_sizes_in_words_are_members_of_the_line_and_a_parameter_count_is_a_count(extractor):
    text = ("# Kestrel-3: small models\n\nKestrel-3-mini has 3.8B parameters. Kestrel-3-medium doubled the parameter "
            "count to 7.6 billion.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kestrel-3: small models"))
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("params", 3.8e9, "Kestrel-3-mini", "subject"), ("params", 7.6e9, "Kestrel-3-medium", "subject")]


def test_a_row_labelled_by_a_plain_word_at_a_size_no_model_has_is_a_configuration(extractor):
    """A throughput study's rows ("Dense | 1.6B", "MoE | 10B") are configurations, not the document's models."""
    text = ("# Kestrel-42B\n\nKestrel-42B is trained on 4T tokens.\n\n| Setup | Total Parameters | Throughput |\n"
            "|---|---|---|\n| Dense | 1.6B | 34222 |\n| MoE | 10B | 27962 |\n| Kestrel-42B | 42B | 7077 |\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel-42B")]
    assert got == [("tokens", 4e12, "Kestrel-42B"), ("params", 42e9, "Kestrel-42B")]
    card = "# Kestrel\n\nKestrel is our model.\n\n| | |\n|---|---|\n| Parameters | 7B |\n| Training tokens | 2T |\n"
    assert [(f[0], f[1]) for f in facts(extractor, card, title="Kestrel")] == [("params", 7e9), ("tokens", 2e12)]
    sizes = ("# Kestrel\n\nKestrel is our model.\n\n| Size | Parameters |\n|---|---|\n| small | 244M |\n"
             "| Base model | 2B |\n")
    assert [(f[0], f[1]) for f in facts(extractor, sizes, title="Kestrel")] == [("params", 244e6), ("params", 2e9)]


def test_a_fine_tunes_card_names_itself_over_its_base_and_states_its_compute_as_keys(extractor):
    from floptrail.corpus.load import parse_document

    text = ("---\nbase_model: acme/Heron-7B-v0.1\nmodel-index:\n- name: wren-7b-beta\n---\n\n"
            "# Model Card for Wren 7B β\n\nWren-7B-β is our chat model, tuned from Heron-7B. "
            "Our 7B model needed a single day on 8 A100 GPUs.\n\n- **Total FLOPS:** 2.1 × 10^21\n")
    result = extractor.read(parse_document(text.encode(), "card.md", "markdown"))
    assert result.inventory.main.lower() == "wren"  # the card's own name, not its base's
    assert [(f.kind, f.value) for f in result.facts if f.kind != "hardware"] == [
        ("duration_hours", 24), ("chip_count", 8), ("flop", 2.1e21)]
    assert all(f.model.lower().startswith("wren") for f in result.facts)


@pytest.mark.parametrize("text, title, expected", [
    # own work done against a cited method stays the document's
    ("Unlike Hoffmann et al. (2022), our model is trained on 3T tokens.", "Kestrel-7B", [("tokens", "subject")]),
    ("In contrast to Touvron et al. (2023), the model is trained on 3T tokens.", "Kestrel-7B", [("tokens", "subject")]),
    # the scale of data, and data made by a model, are no parameter or token counts
    ("预训练 token 规模达到 18T。语料库规模达到 3T。", "Kestrel-7B", []),
    ("我们使用由 72B 模型生成的数据上训练。", "Kestrel-7B", []),
    # a price is no run, and no cost
    ("| Model | Hardware | Cost ($/hour) |\n|---|---|---|\n| Kestrel-70B | 4 x A100 80GB | $3.20/hr |\n",
     "Kestrel-7B", [("hardware", "subject")]),
    # a word that opens sentences is no name, nor are a title's plain words the text never uses
    ("Specifically, we study scaling. Specifically, a 7B parameter model trained on 2T tokens.", "Notes on scaling",
     [("params", "subject"), ("tokens", "subject")]),
    ("We trained a model on 2T tokens.", "Release Notes v2", [("tokens", "subject")]),
])
def test_what_the_general_rules_leave_alone(extractor, text, title, expected):
    got = facts(extractor, f"# {title}\n\n{text}", title=title)
    assert [(f[0], f[5]) for f in got] == expected
    assert all(f[2] in ("", "Kestrel-7B", "Kestrel-70B", "Kestrel") for f in got)  # no name made of a plain word


def test_a_pdf_title_placeholder_a_lower_case_glued_name_an_acronym_stem_and_hours_of_audio(extractor):
    from floptrail.corpus.load import PLACEHOLDER_TITLE

    assert PLACEHOLDER_TITLE.search("(anonymous)") and PLACEHOLDER_TITLE.search("Microsoft Word - draft.docx")
    assert PLACEHOLDER_TITLE.search("report.html")  # a page printed from a file with no <title>
    assert not PLACEHOLDER_TITLE.search("Kestrel: open models")
    text = ("wav3vec 2.0: speech encoders\n\nwav3vec 2.0 has 95M parameters. We pre-train on the 960 hours of "
            "LibriSpeech audio; training took 38 hours.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="wav3vec 2.0: speech encoders"))
    assert result.inventory.main == "wav3vec 2.0"
    assert [(f.kind, f.value, f.model) for f in result.facts] == [
        ("params", 95e6, "wav3vec 2.0"), ("duration_hours", 38, "wav3vec 2.0")]
    text = "KT-NLG 530B: training report\n\nKT-NLG has 530B parameters. Unlike GPT-3, KT-NLG is dense.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title="KT-NLG 530B: training report"))
    assert result.inventory.main == "KT-NLG"  # an acronym of two parts is one stem, not "KT"


@pytest.mark.parametrize("text, expected", [
    # GPU hours, and 64 servers of 8 cards each
    ("训练在 64 台 8 卡 A800 服务器上进行，共计约 73 万 GPU 小时。", [("chip_count", 512), ("chip_hours", 730e3)]),
    # "GPU 时" for GPU 小时; a total in a clause of its own beside the rate's clause, and a rate whose cue is a
    # clause before its figure
    ("累计消耗约 98.3 万 GPU 时，折合每万亿 tokens 约 27.3 万 GPU 时。",
     [("chip_hours", 983e3), ("chip_hours_rate", 273e3)]),
    ("每训练 1 万亿 tokens，需要约 18 万 GPU 小时。", [("chip_hours_rate", 180e3)]),
    ("扩展到 2048 张 GPU 时，吞吐基本保持线性。", [("chip_count", 2048)]),
    # 时 as "when": after a count reached, or with no ten thousands; a second rate is a rate too
    ("当扩展到 4096 GPU 时，MFU 下降到 38%。", [("chip_count", 4096)]),
    ("当集群规模扩大到 1 万 GPU 时，通信开销明显上升。", [("chip_count", 10000)]),
    ("在 A100 上，每万亿 tokens 约需 20 万 GPU 小时，在 H800 上则约需 12 万 GPU 小时。",
     [("chip_hours_rate", 200e3), ("chip_hours_rate", 120e3)]),
    # the corpus before cleaning is no count of tokens trained on; the tokens trained on are
    ("语料在清洗前约为 10 万亿 token。Kestrel-14B 在 2.5 万亿 token 上训练。",
     [("dataset_tokens", 10e12), ("tokens", 2.5e12)]),
    ("The corpus held 9T tokens before deduplication; Kestrel-14B was trained on 2.5T tokens.",
     [("dataset_tokens", 9e12), ("tokens", 2.5e12)]),
    # what cleaning left sizes the data; a run on it after cleaning is the run's
    ("After deduplication and quality filtering, we end up with 125B tokens of clean text.",
     [("dataset_tokens", 125e9)]),
    ("数据经过清洗和去重之后，我们获得了约 2 万亿 tokens 的高质量语料。", [("dataset_tokens", 2e12)]),
    ("After deduplication and filtering, we trained Kestrel-14B on 2T tokens.", [("tokens", 2e12)]),
    ("Filtering and deduplicating the crawl left 1.4T unique tokens.", [("dataset_tokens", 1.4e12)]),
    ("Our data starts from a raw web crawl of roughly 30T tokens.", [("dataset_tokens", 30e12)]),
    # a share of the data, not the run: each language's part, what one source makes up
    ("Each of the 12 languages contributes between 10B and 400B tokens to the mix.", [("dataset_tokens", 400e9)]),
    ("Source code accounts for roughly 600B tokens of the mixture.", [("dataset_tokens", 600e9)]),
    ("Kestrel-14B was trained on 2.5T tokens, to which code contributed 20%.", [("tokens", 2.5e12)]),
])
def test_chinese_gpu_hours_and_a_corpus_before_and_after_cleaning(extractor, text, expected):
    assert figures(extractor, text, title="Kestrel-14B") == expected


@pytest.mark.parametrize("text, expected", [
    # the count after its chip, as hardware lists write it
    ("GPU: NVIDIA A100(80GB) * 8", [("chip_count", 8)]),
    ("Training hardware: TPU v4 x 256, for 20 days.", [("chip_count", 256), ("duration_hours", 480)]),
    ("Wren-3B was trained on H100 x 4 nodes.", []),  # nodes, not chips
    # the one node a run took: its chips; "X" glued as a times sign
    ("Wren-3B trains on a single 8XA100 40GB node in about 4 days.", [("chip_count", 8), ("duration_hours", 96)]),
    # a product line's number is no count: "RTX 2080" (nor is a chip the config does not know a count of anything)
    ("The analysis ran on 2×RTX 2080 GPUs with CUDA 12.2.", []),
    ("Wren-3B was trained on 2×RTX 3090 GPUs.", [("chip_count", 2)]),
])
def test_counts_after_a_chip_one_node_and_product_numbers(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


@pytest.mark.parametrize("text, expected", [
    # a consumer card is a run's hardware where the text counts it or says it trained
    ("Training hardware:\n- GPU: RTX A5000(24GB) * 2", [("RTX A5000", None), ("RTX A5000", 2)]),
    ("显卡：NVIDIA GeForce RTX 3090(24GB) * 2", [("RTX 3090", None), ("RTX 3090", 2)]),
    ("Wren-0.1B was pre-trained on one RTX 4090 in a week.", [("RTX 4090", None)]),
    # and not where it is named for use: a prize, a speed table, running the model
    ("Hackathon prizes include an RTX 4090 and a drone.", []),
    ("| Wren-0.1B | 29.6 | A6000 fp16 end-to-end |", []),
    ("Inference fits on a single RTX 4090.", []),
])
def test_consumer_cards_count_when_counted_or_trained(extractor, text, expected):
    assert [(f[3], f[1]) for f in facts(extractor, text, title="Wren") if f[0] in ("hardware", "chip_count")] \
        == expected


@pytest.mark.parametrize("text, expected", [
    # chip-days are counted in chip-hours, and the chip they name is no count of chips
    ("Pretraining Wren-3B used about 2,400 A100-days.", [("chip_hours", 57600)]),
    ("Wren-3B was trained for 900 GPU-days.", [("chip_hours", 21600)]),
    ("The run took about 1,000 A100 GPU-days.", [("chip_hours", 24000)]),
    # the nodes times the chips in each is the run's count
    ("Wren-3B was trained on 96 H100 GPUs (12 nodes x 8 GPUs).", [("chip_count", 96), ("chip_count", 96)]),
    # "of the same GPUs" still counts chips
    ("Wren-3B was trained in 11 days on 256 of the same GPUs.", [("duration_hours", 264), ("chip_count", 256)]),
    # a duration in words belongs to the run, not only to a sentence saying "train"
    ("Wren-3B took 40 days. The whole run needed about three months of wall-clock time.",
     [("duration_hours", 960), ("duration_hours", 2190)]),
])
def test_chip_days_node_products_and_run_durations(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


def test_an_organization_acronym_is_not_the_documents_model(extractor):
    text = ("# NOVA Wren Language Models\n\nNorthern Ontario Visual Analytics Institute (NOVA) releases Wren-3B. "
            "NOVA trained Wren-3B on 600B tokens.")
    result = extractor.read(Document("d", "d.txt", "text", text, title="NOVA Wren Language Models"))
    assert result.inventory.main == "Wren"
    assert [(f.kind, f.value, f.model) for f in result.facts] == [("tokens", 600e9, "Wren-3B")]


def test_an_acronym_spelling_an_organizations_name_is_no_model_though_never_defined(extractor):
    """A regulator's notice titled by its acronym ("BFMS Public Notice 2026/7"), its full name on the next line and
    never bracketed after it: the acronym is the organization, so the runs its register lists are the notice's
    subjects. Capitals the text makes a model of ("TALC is a 13B-parameter model built at the Turing Applied Learning
    Centre") or that spell no organization's name ("Lumen Open Research Assistant") stay a name."""
    text = ("BFMS Public Notice 2026/7\nBureau for Frontier Model Safety\nRegister of Notified Training Runs\n\n"
            "| Ref. | Developer | Model | Accelerators | Duration (days) |\n"
            "| N-1 | Quarrystone Labs | Tessaly-4 | 16,384 x H100 | 80 |\n"
            "| N-2 | Vireo Systems | Pashmin-2 | 8,192 x H200 | 45 |\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="BFMS Public Notice 2026/7"))
    assert result.inventory.main == "Tessaly-4"
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind == "chip_count"] == [
        ("chip_count", 16384, "Tessaly-4", "subject"), ("chip_count", 8192, "Pashmin-2", "subject")]
    text = ("TALC is a 13B-parameter model built at the Turing Applied Learning Centre. TALC was pretrained on 3T "
            "tokens.")
    assert [(f.kind, f.value, f.model) for f in extractor.read(Document("d", "d.txt", "text", text, title="TALC")).facts
            ] == [("params", 13e9, "TALC"), ("tokens", 3e12, "TALC")]
    text = "# LORA-7B\n\nLORA-7B, the Lumen Open Research Assistant, was trained on 2T tokens."
    assert [(f.kind, f.value, f.model) for f in extractor.read(Document("d", "d.md", "markdown", text,
                                                                        title="LORA-7B")).facts] == [
        ("tokens", 2e12, "LORA-7B")]


def test_a_language_the_model_is_made_for_is_no_model(extractor):
    """A title listing the languages a model serves, and a sentence saying one "is a small language by LLM
    standards", make no model of the language: its data's tokens stay the release's."""
    title = "Quarrel 7B: an open model for Icelandic, English and code"
    text = (f"# {title}\n\nQuarrel 7B was trained on 1 trillion tokens.\n\n## Data\n\nIcelandic is a small "
            "language by LLM standards: all of the Icelandic text we found came to 30 billion tokens.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert [m.name for m in result.inventory.models] == ["Quarrel 7B"]
    assert [(f.kind, f.value, f.model) for f in result.facts] == [
        ("tokens", 1e12, "Quarrel 7B"), ("tokens", 30e9, "Quarrel 7B")]


def test_a_sustainability_report_on_its_models_keeps_company_figures_apart(extractor):
    """A company's sustainability report: its fiscal years ("FY2025") are no model; a tier of a second own version
    ("Aster-2 Flash" beside "Aster-1" and "Aster-2") is the company's, though its apposition says what it is for
    ("a 22-billion-parameter model for low-latency use"); the data centres' electricity, the research compute row and
    the total over all models' training are no model's figures."""
    title = "Sustainability Report FY2025"
    text = (f"{title}\nNorthvale develops the Aster family.\nOur data centres consumed 2.31 TWh of electricity in "
            "FY2025, up from 1.74 TWh in FY2024.\nIn FY2024 we released Aster-1 (70 billion parameters). Aster-2 was "
            "trained on 16,384 H200 GPUs. Aster-2 Flash, a 22-billion-parameter model for low-latency use, was "
            "trained using 4,096 H200 GPUs. Total location-based emissions from foundation-model training rose from "
            "2,086 tCO2e in FY2024 to 4,503 tCO2e in FY2025.\n\n"
            "| Fiscal year | Model | Energy (MWh) |\n| FY2025 | Aster-2 | 11,900 |\n"
            "| FY2025 | Research compute (all) | 2,690 |\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.lines == ["Aster-2", "Aster-2 Flash"]
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind != "hardware"] == [
        ("params", 70e9, "Aster-1", "subject"), ("chip_count", 16384, "Aster-2", "subject"),
        ("params", 22e9, "Aster-2 Flash", "subject"), ("chip_count", 4096, "Aster-2 Flash", "subject"),
        ("energy_kwh", 11.9e6, "Aster-2", "subject")]
    # (a model's own energy over a year, or in the company's data centres, stays its run's; so does a total over one
    # model's training, and a row of a stage whose name opens on "Inference-")
    text = ("# Korel-3\n\nKorel-3 consumed 1.9 GWh of electricity in 2025. In our Nordic data centres, Korel-3 "
            "consumed 2.2 GWh over 40 days. Total energy for our model training was 420 MWh.\n\n"
            "| Stage | GPU hours |\n|---|---|\n| Pre-training | 300,000 |\n| Inference-time RL | 40,000 |\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Korel-3") if f[0] != "duration_hours"] == [
        ("energy_kwh", 1.9e6), ("energy_kwh", 2.2e6), ("energy_kwh", 420e3), ("chip_hours", 300e3),
        ("chip_hours", 40e3)]
    # (the data centres as what consumed, a clause between; a company-wide row and a row of serving's energy)
    text = ("# Korel-3\n\nOur data centres, where most of our training runs, consumed 2.31 TWh of electricity in "
            "2025.\n\n| Item | Value |\n|---|---|\n| Company-wide emissions (tCO2e) | 12,400 |\n"
            "| Inference-serving energy (MWh) | 8,300 |\n")
    assert facts(extractor, text, title="Korel-3") == []
    # (the report's main line the earlier version, the later one's tier is still the company's)
    text = (f"{title}\nFY2024 figures for Aster-1 have been restated: its training used 5,140 MWh.\nAster-2 was "
            "trained on 16,384 H200 GPUs. Aster-2 Flash, a 22-billion-parameter model, was trained on 9 trillion "
            "tokens.\nIn FY2024 we released Aster-1 (70 billion parameters) and Aster-1 Mini (7 billion "
            "parameters).\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.main == "Aster-1" and "Aster-2 Flash" in result.inventory.lines
    assert {(f.model, f.role) for f in result.facts if f.kind == "tokens"} == {("Aster-2 Flash", "subject")}


def test_a_size_the_sentence_likens_its_models_to_names_none_of_them(extractor):
    """"Ripple-3B was trained on 2.0T tokens and Ripple-1B on 1.5T tokens, both drawn in the same order as the 7B
    run": the 7B is what the data's order is likened to, not the model of either figure."""
    text = ("# Ripple\n\n## Training\n\n- Ripple-7B used a 2.4T-token subset.\n- Ripple-3B was trained on 2.0T tokens "
            "and Ripple-1B on 1.5T tokens, both drawn in the same order as the 7B run.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Ripple")] == [
        ("tokens", 2.4e12, "Ripple-7B"), ("tokens", 2e12, "Ripple-3B"), ("tokens", 1.5e12, "Ripple-1B")]


def test_a_preprints_running_header_is_no_model(extractor):
    """"Preprint - under review | Section 4 excerpt" over a paper: the kind of document, not a model's name."""
    text = "Preprint - under review | Section 4 excerpt\nHow Models Report Budgets\nQuarrel-30B reports 5.8T tokens.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title="Preprint - under review | Section 4 excerpt"))
    assert [(f.kind, f.value, f.model) for f in result.facts] == [("tokens", 5.8e12, "Quarrel-30B")]


def test_company_sector_and_policy_figures_beside_a_runs_own(extractor):
    """An ESG-style passage (a fourth reader's cases): the company's scopes, the industry's or the sector's totals, a
    policy's cap or limit and a reporting threshold are no model's; the run's own figures beside them stay, also
    against a cap ("under our internal carbon cap"), by a grid's sector factor, and priced for "a single training
    run" or "the cost to train it"; a row of an operations-tuned model is a model's row."""
    text = ("# Larkspur-2\n\nThe company's Scope 2 emissions were 212,000 tCO2e. Training Larkspur-2 emitted 530 "
            "tCO2e. Our Scope 1 and 2 emissions totalled 88,000 tCO2e. The AI industry as a whole emitted roughly "
            "9,400 tCO2e from model training last year. The AI sector's emissions from training reached 9,800 tCO2e. "
            "Emissions from the whole sector were 9,900 tCO2e. Training Larkspur-2 consumed 780 MWh, below the 1 GWh "
            "internal cap we set for any single run. Emissions from the run were 260 tCO2e, under the 500 tCO2e "
            "limit in our policy. The EU reporting threshold of 25,000 tCO2e was not reached. Larkspur-2's training "
            "emitted 540 tCO2e under our internal carbon cap. Using the grid's power sector emissions factor, we "
            "estimate the Larkspur-2 run emitted 531 tCO2e. A single training run of this size cost $4.1 million in "
            "cash. The cost to train it came to $4.2 million in cash.\n\n| Model | FLOP |\n|---|---|\n| "
            "Operations-tuned Larkspur-2 | 1.1e22 |\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Larkspur-2")] == [
        ("emissions_tco2e", 530), ("energy_kwh", 780e3), ("emissions_tco2e", 260), ("emissions_tco2e", 540),
        ("emissions_tco2e", 531), ("cost_usd", 4.1e6), ("cost_usd", 4.2e6), ("flop", 1.1e22)]


def test_a_companys_accounts_are_no_models_training_cost(extractor):
    """An earnings call or a filing: capital expenditure, cash, revenue, a net loss, commitments and an industry's
    spend are the company's or the sector's money, not a run's; the run's own cost stays."""
    text = ("# Vireo-4\n\nVireo-4 cost $138 million to train. Capital expenditures were $1.9 billion, mostly GPUs. "
            "We now expect capex of $6.5 to $7 billion. We ended the quarter with $8.4 billion in cash. Revenue of "
            "$1.31 billion came with a net loss of $2.2 billion. The filing shows $3.4 billion in commitments for "
            "cloud capacity. Training spend across the sector will reach $14 billion. Training Vireo-4 Mini cost about "
            "$9 million of compute.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Vireo-4")] == [
        ("cost_usd", 138e6, "Vireo-4"), ("cost_usd", 9e6, "Vireo-4 Mini")]
    # (a run's own cost said in the words of accounts, or beside the industry's, stays: a second reader's cases)
    text = ("# Korel-3\n\nTraining Korel-3 cost $2.4 million, among the lowest training costs across the industry. "
            "We booked the run's compute as an R&D expense of $3.1 million. We paid $4.2 million in cash for the GPU "
            "time of the Korel-3 training run.\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Korel-3")] == [
        ("cost_usd", 2.4e6), ("cost_usd", 3.1e6), ("cost_usd", 4.2e6)]
    # (runs in general or to come are no run of a model: the industry's costs and capital spending stay out)
    text = ("# Korel-3\n\nTraining costs across the industry rose to $14 billion last year. Capital expenditures of "
            "$2.1 billion went mostly to GPUs for future training runs.\n")
    assert facts(extractor, text, title="Korel-3") == []


def test_emissions_in_kilotonnes(extractor):
    """"14.2 ktCO2e", "3.1 kt CO2e" and a table's "(ktCO2e)" column are thousands of tonnes."""
    text = ("# Ridgeline 4\n\nTraining Ridgeline 4 emitted 14.2 ktCO2e on a location basis and 3.1 kt CO2e on a "
            "market basis.\n\n| Model | Energy (GWh) | Emissions, location (ktCO2e) |\n|---|---|---|\n"
            "| Ridgeline 4 Lite | 0.49 | 0.16 |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Ridgeline 4")] == [
        ("emissions_tco2e", 14200, "Ridgeline 4"), ("emissions_tco2e", 3100, "Ridgeline 4"),
        ("energy_kwh", 490e3, "Ridgeline 4 Lite"), ("emissions_tco2e", 160, "Ridgeline 4 Lite")]
    # (a threshold, a sector's and a company's scope are no model's, in kilotonnes or not)
    text = ("# Ridgeline 4\n\nKeeping below the 25 kt CO2e reporting threshold, Ridgeline 4's training emitted 310 "
            "tCO2e. The global AI sector emitted an estimated 50 kt CO2e from training in 2024. Scope 2 emissions for "
            "the company were 40 kilotonnes of CO2.\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Ridgeline 4")] == [("emissions_tco2e", 310)]
    # (a sector the company sells to, industry peers, a scope's accounting and an internal cap leave the run's figures)
    text = ("# Ridgeline 4\n\nVantor, which sells software to the energy sector, said training Ridgeline 4 consumed "
            "2.2 GWh. Compared with industry peers, Ridgeline 4's training emitted only 310 tCO2e. Under scope 2 "
            "market-based accounting, the Ridgeline 4 training run emitted 45 tCO2e under our internal carbon cap.\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Ridgeline 4")] == [
        ("energy_kwh", 2.2e6), ("emissions_tco2e", 310), ("emissions_tco2e", 45)]
    # (but the company's word for its run's figures is the run's)
    text = ("# Ridgeline 4\n\nThe company's note puts the training run's electricity use at 7.4 GWh and its emissions "
            "at about 3,100 tonnes of CO2 equivalent.\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Ridgeline 4")] == [
        ("energy_kwh", 7.4e6), ("emissions_tco2e", 3100)]


def test_an_apposition_about_another_labs_model_does_not_make_it_the_documents(extractor):
    text = ("# Wren: small open models\n\nWe introduce Wren-3B, trained on 600B tokens. Since Kite-2, a 40B "
            "parameter model trained on 1T tokens, open models have grown quickly.")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Wren: small open models"))
    assert result.inventory.lines == ["Wren"]
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("tokens", 600e9, "Wren-3B", "subject"), ("params", 40e9, "Kite-2", "cited"),
        ("tokens", 1e12, "Kite-2", "cited")]


@pytest.mark.parametrize("text, expected", [
    # the first and the last tokens of a Chinese schedule are milestones, not the run's total
    ("Heron-7B 在 2 万亿 token 上完成预训练。训练的前 5000 亿 token 使用 4K 上下文。", [("tokens", 2e12, "")]),
    ("Heron-7B 在 2 万亿 token 上完成预训练。最后约 1000 亿 token 使用高质量数据进行退火。", [("tokens", 2e12, "")]),
    # a Chinese plan ("计划", "目标为") is marked as one
    ("Heron-7B 在 2 万亿 token 上完成预训练。我们计划训练更大的模型，预训练数据目标为 6 万亿 token。",
     [("tokens", 2e12, ""), ("tokens", 6e12, "planned")]),
])
def test_chinese_schedule_milestones_and_plans(extractor, text, expected):
    assert [(f[0], f[1], f[4]) for f in facts(extractor, f"# Heron\n\n{text}", title="Heron")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Wren-3B was trained on 32 Cerebras CS-2 systems.", [("chip_count", 32)]),
    # a node's make-up does not hide the run's total
    ("Wren-3B was trained on ten servers, each with eight NVIDIA A100 GPUs, for a total of 80 GPUs.",
     [("chip_count", 80)]),
    # Chinese: machines are not chips; each machine's chips are its make-up; "合计" gives the total
    ("Wren-3B 训练在 40 台 A800 服务器上进行，每台服务器配备 8 块 A800 GPU，合计 320 块 GPU。", [("chip_count", 320)]),
    # the run's total before a node's make-up stands; the make-up's count is not the run's
    ("Wren-3B was trained on 2,048 H100 GPUs in 256 nodes, each equipped with 8 GPUs.", [("chip_count", 2048)]),
    ("Each node of our cluster consists of two CPUs, 8x NVIDIA H100 GPUs and four network cards.", []),
    ("Wren-3B was trained on 48 nodes with 8 GPUs each.", []),
    # a degree of parallelism is no chip count; the run's count before it is
    ("Wren-3B is trained with 256 GPUs using tensor parallel sharding on 2 GPUs each.", [("chip_count", 256)]),
    # a pool that holds the data is its size, not the tokens trained on
    ("The crawl from which we sampled holds about 90T tokens. Wren-3B was trained on 1T tokens.",
     [("dataset_tokens", 90e12), ("tokens", 1e12)]),
])
def test_chip_counts_of_systems_servers_and_totals(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


def test_a_fine_tune_named_beside_its_base_gets_the_figures_of_its_tuning(extractor):
    text = "Wren-3B-Chat was fine-tuned from Wren-3B; its fine-tuning took about 6 hours on 8 A100 GPUs."
    got = [(f.kind, f.model, f.model_mention) for f in extractor.read(Document(
        "d", "d.md", "markdown", f"# Wren\n\n{text}", title="Wren")).facts]
    assert ("chip_count", "Wren-3B", "Wren-3B-Chat") in got  # merged into the base, written under the fine-tune


def test_a_size_written_another_way_is_the_same_member(extractor):
    text = "We release Wren, a family of open models from 0.5B to 7B parameters.\n\n| Wren-0.5B | 1T |\n"
    got = [(f[0], f[1], f[2]) for f in facts(extractor, f"# Wren\n\n{text}", title="Wren")]
    assert ("params", 0.5e9, "Wren-0.5B") in got


def test_code_in_a_card_with_long_identifiers_after_a_family_name_is_read_at_once(extractor):
    # a family's name before a long dotted identifier that ends in a bracket: a pattern that may split the
    # identifier at every dot and underscore would try each split (2**30 here) before failing
    identifier = "T5Tokenizer" + "".join(f".a{i}_b{i}" for i in range(15))
    text = f"```python\ntok = {identifier}(\"x\")\n```\n\nWren-3B was trained on 1T tokens."
    assert figures(extractor, text, title="Wren") == [("tokens", 1e12)]


def test_a_chinese_name_with_a_version_opening_the_title_names_the_models(extractor):
    # "鹊桥2.0" (a made-up name): its characters alone are ordinary words, so the name keeps its version
    text = ("# 鹊桥2.0 (Queqiao 2.0)\n\n鹊桥2.0 是我们发布的新一代语言模型，共有两种规模，开源了全部权重。\n\n"
            "| | 鹊桥2.0-3B | 鹊桥2.0-30B |\n|:--|:--:|:--:|\n| 参数量 | 31亿 | 305亿 |\n\n"
            "鹊桥2.0-30B 在 256 块 A800 GPU 上训练，历时约 20 天。来源数据经过清洗。\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="鹊桥2.0 (Queqiao 2.0)"))
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind != "hardware"] == [
        ("params", 3.1e9, "鹊桥2.0-3B"), ("params", 30.5e9, "鹊桥2.0-30B"), ("chip_count", 256, "鹊桥2.0-30B"),
        ("duration_hours", 480, "鹊桥2.0-30B")]


@pytest.mark.parametrize("title, text, expected", [
    # a Chinese name after other words of a title: a lab announcing its model, a bracketed tag
    ("白鹭实验室发布白鹭-13B：面向中文的开源模型", "今天我们开源白鹭-13B。白鹭-13B 使用 512 张 A800 训练了 20 天。",
     [("chip_count", 512, "白鹭-13B"), ("duration_hours", 480, "白鹭-13B")]),
    ("【开源】白鹭-13B 来了", "白鹭-13B 使用 512 张 A800 训练了 20 天。",
     [("chip_count", 512, "白鹭-13B"), ("duration_hours", 480, "白鹭-13B")]),
    # a title naming a series ("the Bailu series"): its members are the sizes the text writes after a hyphen
    ("白鹭系列模型发布", "| 模型 | 参数量 |\n|---|---|\n| 白鹭-3B | 30 亿 |\n| 白鹭-13B | 130 亿 |\n\n"
     "白鹭-13B 使用 512 张 A800 训练了 20 天。",
     [("params", 3e9, "白鹭-3B"), ("params", 13e9, "白鹭-13B"), ("chip_count", 512, "白鹭-13B"),
      ("duration_hours", 480, "白鹭-13B")]),
])
def test_a_chinese_name_inside_a_title_names_the_models(extractor, title, text, expected):
    assert attributed(extractor, f"# {title}\n\n{text}\n", title) == expected


@pytest.mark.parametrize("title, text, expected", [
    # another lab's Chinese model named in passing: its figure is cited, however the words before it run on
    ("白鹭-13B 技术报告", "白鹭-13B 使用 1 万亿 tokens 训练。相比之下，青鸾-34B 使用了 3 万亿 tokens 训练。",
     [("tokens", 1e12, "白鹭-13B", "subject"), ("tokens", 3e12, "青鸾-34B", "cited")]),
    # the document's own model, spelled in Chinese beside its Latin name, stays its own
    # 开源 describing a model ("an open model from abroad") releases nothing
    ("白鹭-13B 技术报告",
     "白鹭-13B 使用 1 万亿 tokens 训练。我们与海外开源模型 Kite-34B 做了对比，Kite-34B 使用了 3 万亿 tokens。",
     [("tokens", 1e12, "白鹭-13B", "subject"), ("tokens", 3e12, "Kite-34B", "cited")]),
    ("Bailu report", "Bailu-13B（白鹭-13B）使用 1 万亿 tokens 训练。",
     [("tokens", 1e12, "Bailu-13B", "subject")]),
])
def test_a_chinese_name_of_another_labs_model_is_cited(extractor, title, text, expected):
    assert [f for f in attributed(extractor, f"# {title}\n\n{text}\n", title, role=True)] == expected


def test_chinese_fine_tuning_is_a_run(extractor):
    # "the tuning stage used 64 A800 GPUs and took about 3 days"; a Chinese sentence names later stages in passing
    # ("pre-trained on 15T tokens, the ground for the tuning to come"): there its own word, 预训练, sets the stage
    text = ("# Wren\n\nWren 的微调阶段使用 64 块 A800 GPU，耗时约 3 天。\n\n"
            "Wren 在 15 万亿 tokens 上完成预训练，为后续的微调打下基础。\n")
    assert read_fields(extractor, text, "Wren", "kind", "value", "stage") == [
        ("chip_count", 64, "fine_tuning"), ("duration_hours", 72, "fine_tuning"), ("tokens", 15e12, "pretraining")]


def test_a_code_model_named_by_gluing_a_word_onto_the_family_is_own_and_its_base_is_not_the_subject(extractor):
    text = ("# Wren\n\nWe release Wren-7B, a language model, and WrenCode-7B, a code model.\n\n"
            "WrenCode-7B: continued pretraining of Wren-7B on 200B tokens of code.\n\n"
            "Wren-7B was trained on 64 servers, each equipped with 8 A100 GPUs.\n")
    assert read_fields(extractor, text, "Wren", "kind", "value", "model", "role") == [
        ("tokens", 200e9, "WrenCode-7B", "subject")]  # and no chip count of 8: that is each server's


def test_a_run_that_starts_from_a_checkpoint_is_a_run_not_a_milestone(extractor):
    text = ("Wren-7B-Chat starts from this checkpoint and was fine-tuned on about 300M tokens of dialogue.\n\n"
            "We also share an intermediate checkpoint of Wren-7B taken after 500B tokens.")
    assert [(f[0], f[1], f[5]) for f in facts(extractor, f"# Wren\n\n{text}", title="Wren")] == [
        ("tokens", 300e6, "subject")]


def test_a_released_checkpoint_is_the_model_and_a_plan_holds_only_in_its_clause(extractor):
    text = ("We release Wren-7B. The Wren-7B checkpoint has been trained on 200B tokens and we are going to train it "
            "on 2T tokens. The impact of pre-training a 0.5T checkpoint of Wren-7B on only 1B tokens is shown below.")
    assert [(f[0], f[1], f[4]) for f in facts(extractor, f"# Wren\n\n{text}", title="Wren")] == [
        ("tokens", 200e9, ""), ("tokens", 2e12, "planned")]


@pytest.mark.parametrize("text, expected", [
    # a sentence presenting the lab's earlier model gives that model's own figures, and so does "that run" after it
    ("Our earlier model, Kite-1-7B, has 7B parameters. That run occupied 64 H100 GPUs for 12 days.",
     [("params", 7e9, "Kite-1-7B", "subject"), ("chip_count", 64, "Kite-1-7B", "subject"),
      ("duration_hours", 288, "Kite-1-7B", "subject")]),
    ("Kite-1-7B, our first model, was trained on 800B tokens.", [("tokens", 800e9, "Kite-1-7B", "subject")]),
    ("**Kite-1**（2022年）是我们的上一代模型，在 1万亿 tokens 上训练。", [("tokens", 1e12, "Kite-1", "subject")]),
    # named as a predecessor in one sentence, it keeps its figures in a table of the lab's own models
    ("Wren-3B outperforms its predecessor Kite-1-7B.\n\n| Model | Tokens |\n|---|---|\n| Kite-1-7B | 1T |\n",
     [("tokens", 1e12, "Kite-1-7B", "subject")]),
    # another lab's model stays cited
    ("Llama-2-7B was trained on 2T tokens.", [("tokens", 2e12, "Llama-2-7B", "cited")]),
])
def test_an_earlier_own_model_presented_as_such_keeps_its_figures(extractor, text, expected):
    text = f"# Wren\n\nWe introduce Wren-3B, a small language model.\n\n{text}\n"
    got = [(f.kind, f.value, f.model, f.role) for f in extractor.read(Document(
        "d", "d.md", "markdown", text, title="Wren")).facts if f.kind != "hardware"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a point in the run ("when training reached 1.2T tokens") and a unit of work ("for each 1T tokens trained")
    ("Heron-7B 在 2 万亿 tokens 上完成预训练。训练到约 1.2万亿 tokens 时出现过一次 loss 尖峰。", [("tokens", 2e12)]),
    ("Heron-7B 在 2 万亿 tokens 上完成预训练。平均每训练 1万亿 tokens 约消耗 60万 GPU 小时。",
     [("tokens", 2e12), ("chip_hours_rate", 600e3)]),
    # "the time to train 2T tokens" is the run's duration, and 2T its tokens
    ("训练 2万亿 tokens 时间约为 30 天。", [("tokens", 2e12), ("duration_hours", 720)]),
    # a corpus the lab built is its size; a corpus trained on is the run's
    ("我们构建了一个规模约 1.1万亿 tokens 的中英文语料库。Heron-7B 在其中 8000亿 tokens 上训练。",
     [("dataset_tokens", 1.1e12), ("tokens", 800e9)]),
    ("Heron-7B 在 2 万亿 tokens 的语料库上训练。", [("tokens", 2e12)]),
    ("We assembled a bilingual pool of roughly 2 trillion tokens. Heron-7B was trained on 1T tokens.",
     [("dataset_tokens", 2e12), ("tokens", 1e12)]),
    # "each token activates only about 3.7B parameters"
    ("Heron-MoE 总参数量为 400亿，但每个 token 只激活约 37亿 参数。", [("params", 40e9), ("active_params", 3.7e9)]),
    # serving for lower latency, and what a reader can use, are not the run's chips; a chip's memory is part of it
    ("Heron-7B 在 64 块 A800 上训练。也可以使用 4 张 A800 进行张量并行以获得更低延迟。", [("chip_count", 64)]),
    ("Heron-7B 使用 512 块 80G 显存的 A800 GPU 训练。", [("chip_count", 512)]),
])
def test_chinese_milestones_rates_corpora_activation_and_serving(extractor, text, expected):
    assert figures(extractor, text, title="Heron") == expected


def test_a_column_headed_by_a_mixture_of_experts_size_is_that_member(extractor):
    text = ("We release Wren-1B-A300M and Wren-4B-A900M, two mixture-of-experts language models.\n\n"
            "| Model | 1B-A300M | 4B-A900M |\n|---|---|---|\n| #Parameters | 1.2B | 3.9B |\n"
            "| #Training tokens | 8T | 9T |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, f"# Wren\n\n{text}", title="Wren")] == [
        ("params", 1.2e9, "Wren-1B-A300M"), ("params", 3.9e9, "Wren-4B-A900M"), ("tokens", 8e12, "Wren-1B-A300M"),
        ("tokens", 9e12, "Wren-4B-A900M")]


def test_a_table_of_sizes_down_its_first_column_gives_each_members_parameters(extractor):
    text = ("We release Wren-13B and two smaller models.\n\n| Model | Layers | Peak LR |\n|---|---|---|\n"
            "| 125M | 12 | 6.0e-4 |\n| 1.3B | 24 | 2.0e-4 |\n| 13B | 40 | 1.0e-4 |\n\n"
            "A single setting row is no table of sizes:\n\n| Setting | Value |\n|---|---|\n| 7B | 0.1 |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, f"# Wren\n\n{text}", title="Wren")] == [
        ("params", 125e6, "Wren 125M"), ("params", 1.3e9, "Wren 1.3B"), ("params", 13e9, "Wren-13B")]


def test_a_table_of_sizes_in_a_report_on_two_families_goes_to_the_one_with_members_of_those_sizes(extractor):
    sizes = "| Model | Layers |\n|---|---|\n| 1B | 16 |\n| 7B | 32 |\n| 70B | 80 |\n"
    both = ("We introduce Wren-7B, a language model, and its larger sibling Wren-70B. We also release Kite-2B, a "
            "small model.\n\n" + sizes)
    assert [(f[0], f[1], f[2]) for f in facts(extractor, f"# Wren and Kite\n\n{both}", title="Wren and Kite")
            if f[0] == "params"] == [("params", 1e9, "Wren 1B"), ("params", 7e9, "Wren-7B"),
                                     ("params", 70e9, "Wren-70B")]
    # one member of those sizes in each family: whose table it is cannot be told
    unclear = "We introduce Wren-7B, a language model. We also release Kite-70B, a large model.\n\n" + sizes
    assert [f for f in facts(extractor, f"# Wren and Kite\n\n{unclear}", title="Wren and Kite")
            if f[0] == "params"] == []


@pytest.mark.parametrize("text, expected", [
    # "this stage" is the run the sentence before described, the model made in it and not its base
    ("WrenCode-7B: continued pretraining of Wren-7B on 200B tokens of code. This stage was run on 32 A100 GPUs.",
     [("tokens", 200e9, "WrenCode-7B"), ("chip_count", 32, "WrenCode-7B")]),
    # passes over a mixture: the mixture's size is the data's, not the tokens trained on
    ("Wren-7B was trained for 14 days on 96 A100 GPUs, making two passes over a 250-billion-token mixture of text.",
     [("duration_hours", 336, "Wren-7B"), ("chip_count", 96, "Wren-7B"), ("dataset_tokens", 250e9, "Wren-7B")]),
    ("Wren-7B was pretrained on a 2T-token mixture of web and code.", [("tokens", 2e12, "Wren-7B")]),
    ("Wren-7B was trained for 20 days over a 2T-token mixture of web and code.",
     [("duration_hours", 480, "Wren-7B"), ("tokens", 2e12, "Wren-7B")]),
])
def test_this_stage_follows_the_model_made_and_a_mixture_passed_over_is_the_data(extractor, text, expected):
    text = f"# Wren\n\nWe introduce Wren-7B and WrenCode-7B, two language models.\n\n{text}\n"
    assert attributed(extractor, text, "Wren") == expected


@pytest.mark.parametrize("text, expected", [
    ("Wren-3B needs 9.8e21 FLOPs, under a quarter of what a typical 7B model trained on 1T tokens needs.",
     [("flop", 9.8e21)]),
    ("Extrapolating the fit, we expect a 30B model trained on 600B tokens to reach a loss of 1.72.", []),
    ("Wren-3B outperforms a 7B model trained on 2T tokens.", []),
    # the document's own model described by its size stays its own
    ("Wren-3B is a 3B model trained on 1.5T tokens.", [("params", 3e9), ("tokens", 1.5e12)]),
    ("We release a 3B model trained on 1.5T tokens.", [("tokens", 1.5e12)]),
])
def test_a_model_of_some_size_compared_with_or_imagined_gives_no_facts(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


@pytest.mark.parametrize("text, expected", [
    # a node's make-up after the run's total is the make-up's count, not the total's
    ("- GPUs: 288 A100 80GB GPUs, 8 per node (36 nodes)", [("chip_count", 288)]),
    ("Hardware: 64 NVIDIA A100 80GB GPUs, i.e. 8 nodes of 8 GPUs", [("chip_count", 64)]),
    # the cost of a unit of work is a rate
    ("At full scale a trillion tokens cost about 1.45M H100 GPU hours.", [("chip_hours_rate", 1.45e6)]),
    # the raw text before filtering is the data's size; what was kept is trained on
    ("Of the roughly 23.5T tokens of raw web text we collected, we kept 5.5T tokens.",
     [("dataset_tokens", 23.5e12), ("tokens", 5.5e12)]),
    # "the deduplicated pool holds about 5T tokens; training used about 1.2T"
    ("去重后的语料池约 5 万亿 tokens，实际训练消耗约 1.2 万亿 tokens。",
     [("dataset_tokens", 5e12), ("tokens", 1.2e12)]),
    # "training time: about 18 hours"
    ("- 训练时长：约 18 小时", [("duration_hours", 18)]),
])
def test_make_up_rates_raw_text_and_chinese_keys(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


@pytest.mark.parametrize("text, expected", [
    # "Wren-9B came out after Wren-1.5B; its parameter scale is 9B": the name that dates it is not its subject
    ("Wren-9B 是在 Wren-1.5B 之后推出的第二个模型，参数规模为 90 亿。", [("params", 9e9, "Wren-9B", "subject")]),
    # "our earlier Kite-130B: the latter has 130B parameters"
    ("这些模型都脱胎于我们更早的 Kite-130B：后者拥有 1300 亿参数。", [("params", 130e9, "Kite-130B", "subject")]),
    # counts in words name members only where the document has them
    ("The card covers two sizes, 1.5 billion and 9 billion parameters.",
     [("params", 1.5e9, "Wren-1.5B", "subject"), ("params", 9e9, "Wren-9B", "subject")]),
    ("The checkpoints hold roughly 1.7 billion and 9.4 billion parameters.",
     [("params", 1.7e9, "Wren", "subject"), ("params", 9.4e9, "Wren", "subject")]),
])
def test_names_that_date_earlier_models_and_counts_in_words(extractor, text, expected):
    text = f"# Wren\n\nWe release Wren-1.5B and Wren-9B, two code models.\n\n{text}\n"
    got = [(f.kind, f.value, f.model, f.role) for f in extractor.read(Document(
        "d", "d.md", "markdown", text, title="Wren")).facts if f.kind != "hardware"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a unit's definition and what using the model costs are no facts of the run
    ("One petaflop/s-day is 10^15 operations per second sustained for a day, about 8.64e19 FLOPs.", []),
    ("Generating 100 pages of text with Wren-7B takes about 0.4 kWh.", []),
    # "Hardware: 64 Ascend 910 NPUs": the chip's model number is no count
    ("Training hardware: 64 Huawei Ascend 910 NPUs.", [("chip_count", 64)]),
])
def test_unit_definitions_inference_energy_and_chip_model_numbers(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


def test_tables_of_data_sources_numbered_configurations_and_chinese_cells(extractor):
    text = ("Wren-7B was trained on 500B tokens.\n\n| Dataset | Tokens (B) | Weight (%) |\n|---|---|---|\n"
            "| Books | 25.7 | 14.3 |\n| Web | 400.0 | 70.0 |\n| Code | 74.3 | 15.7 |\n\n"
            "| Nodes | GPUs | TFLOP/s per GPU |\n|---|---|---|\n| 280 | 2,240 | 126 |\n| 350 | 2,800 | 121 |\n"
            "| 420 | 3,360 | 113 |\n\n| 模型 | 总参数量 |\n|---|---|\n| Wren-7B | 70 亿 |\n")
    assert figures(extractor, text, title="Wren") == [("tokens", 500e9), ("params", 7e9)]


def test_a_table_of_training_stages_numbered_down_its_first_column_is_the_runs(extractor):
    text = ("| Stage | Context | Tokens |\n|---|---|---|\n| 1 | 4K | 9T |\n| 2 | 32K | 800B |\n| 3 | 128K | 100B |\n")
    assert figures(extractor, f"We release Wren-7B.\n\n{text}", title="Wren") == [
        ("tokens", 9e12), ("tokens", 800e9), ("tokens", 100e9)]


@pytest.mark.parametrize("text, expected", [
    # "that run" after a sentence naming a model by its size is that member's
    ("The 15B model was trained on 8T tokens. That run used 384 DGX H100 nodes (3,072 H100 80GB GPUs).",
     [("tokens", 8e12, "Wren-15B"), ("chip_count", 3072, "Wren-15B")]),
    # a card's key for the tuning data
    ("- Finetuning tokens: 2.09 billion", [("tokens", 2.09e9, "Wren")]),
    # "the activated parameters per token are about 11B"
    ("Wren-MoE 单个 token 实际激活的参数约为 110 亿。", [("active_params", 11e9, "Wren-MoE")]),
])
def test_that_run_after_a_size_a_tuning_key_and_chinese_activated_count(extractor, text, expected):
    text = f"# Wren\n\nWe release Wren-7B and Wren-15B.\n\n{text}"
    assert attributed(extractor, text, "Wren") == expected


@pytest.mark.parametrize("text, expected", [
    # a petaflop/s-day is an amount of compute beside the total, not a rate that makes the total a throughput
    ("Wren-175B needed about 3.14e23 FLOPs, or 3,640 petaflop/s-days, for its pre-training.",
     [("flop", 3.14e23), ("flop", 3640 * 8.64e19)]),
    ("Wren-175B was trained at 150 TFLOP/s per GPU.", []),
    # "2.6T tokens in all after filtering, from which we sample; 1.4T took part in training"
    ("预训练语料经过去重与质量过滤后共约 2.6 万亿 tokens，我们从中按比例采样，实际参与训练的为 1.4 万亿 tokens。",
     [("dataset_tokens", 2.6e12), ("tokens", 1.4e12)]),
])
def test_petaflop_days_beside_a_total_and_a_pool_sampled_from(extractor, text, expected):
    assert figures(extractor, text, title="Wren") == expected


@pytest.mark.parametrize("text, expected", [
    # compute in words, and a power of ten written with HTML's superscript, as Markdown cards do
    ("Pre-training Wren-7B used roughly 10^24 floating point operations.", [("flop", 1e24, "approximate")]),
    ("Wren-7B took 3e23 floating-point operations to train.", [("flop", 3e23, "")]),
    # what the compute was spent on, between the figure and its unit
    ("Wren-7B used 1.2 × 10²⁴ training FLOPs in all.", [("flop", 1.2e24, "")]),
    ("Wren-7B: about 4e23 total pre-training FLOP.", [("flop", 4e23, "approximate")]),
    ("Wren-7B was trained with about 3.1x10<sup>23</sup> FLOPs.", [("flop", 3.1e23, "approximate")]),
    # "in all about 5.2 × 10^23 floating-point operations"; "trained on about 2.6T tokens in nearly 40 days"
    ("Wren-7B 的训练计算量共约5.2x10<sup>23</sup>次浮点运算。", [("flop", 5.2e23, "approximate")]),
    ("Wren-7B 在约 2.6 万亿 tokens 上训练，用时近 40 天。", [("tokens", 2.6e12, "approximate"),
                                                    ("duration_hours", 960, "approximate")]),
])
def test_compute_in_words_and_in_superscript(extractor, text, expected):
    assert read_fields(extractor, f"# Wren\n\n{text}", "Wren", "kind", "value", "qualifier") == expected


def test_a_title_in_capitals_names_the_family_as_the_text_spells_it(extractor):
    text = ("CODE LLAMA -- MODEL RELEASE\n\nCode Llama comes in 7B and 34B. Code Llama 7B was trained on 500B "
            "tokens. We keep Code Llama checkpoints here.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="CODE LLAMA -- MODEL RELEASE"))
    assert result.inventory.main == "Code Llama"
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind == "tokens"] == [
        ("tokens", 500e9, "Code Llama 7B")]


def test_a_title_with_a_word_before_a_known_family_names_that_family_of_its_own(extractor):
    text = ("# Code Llama report\n\nAbstract Code Llama comes in 7B and 34B.\n\n"
            "Code Llama 7B was trained on 500B tokens. Llama 2 7B, its base, saw 2T tokens.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Code Llama report"))
    assert result.inventory.main == "Code Llama"
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        ("tokens", 500e9, "Code Llama 7B", "subject"), ("tokens", 2e12, "Llama 2 7B", "cited")]


@pytest.mark.parametrize("text, expected", [
    # a model named by its rank among the document's sizes
    ("Training our largest model took about 2.1e24 FLOPs.", [("flop", 2.1e24, "Wren-15B")]),
    ("The smaller model saw 4T tokens and the larger one saw 9T tokens.",
     [("tokens", 4e12, "Wren-7B"), ("tokens", 9e12, "Wren-15B")]),
    ("The larger of the two was trained on 512 TPU v5e chips.", [("chip_count", 512, "Wren-15B")]),
    ("Our largest model was trained on 9T tokens. That run took 40 days.",
     [("tokens", 9e12, "Wren-15B"), ("duration_hours", 960, "Wren-15B")]),
    ("最大的模型在 2048 块 H800 上训练。", [("chip_count", 2048, "Wren-15B")]),
    # a rank word qualified by the model's purpose, and a lab's flagship, its largest model
    ("The smaller chat model was tuned on 30B tokens.", [("tokens", 30e9, "Wren-7B")]),
    ("Our flagship consumed 9T tokens on 1,024 H100 GPUs.", [("tokens", 9e12, "Wren-15B"),
                                                            ("chip_count", 1024, "Wren-15B")]),
    # a rank after the figure names it only inside the figure's clause
    ("The family has two members: a 7-billion-parameter model for laptops, and a 15-billion-parameter model, "
     "the larger of the two, for servers.", [("params", 7e9, "Wren"), ("params", 15e9, "Wren")]),
    # ... and not past "and", which opens the next item; a counterpart or sibling is ranked as a model is
    ("We put Wren-15B's compute at 1.2e23 FLOPs and that of the smaller model at 4e22 FLOPs.",
     [("flop", 1.2e23, "Wren-15B"), ("flop", 4e22, "Wren-7B")]),
    ("Wren-15B read 9T tokens and its smaller sibling read 5T tokens.",
     [("tokens", 9e12, "Wren-15B"), ("tokens", 5e12, "Wren-7B")]),
    # a purpose between the size and the noun: "the 15B chat model" is the member of that size
    ("Tuning the 15B chat model lasted 9 hours on 64 H100 GPUs.",
     [("duration_hours", 9, "Wren-15B"), ("chip_count", 64, "Wren-15B")]),
    # a relative clause describes the name it follows, not the ranked model
    ("Our largest model is twice the size of Llama 2 7B, which was trained on 2T tokens.",
     [("tokens", 2e12, "Llama 2 7B")]),
    # a size standing for its model with no noun after it, and the nearest size before each figure
    ("The 15B's pre-training ran on 1,024 H100 GPUs.", [("chip_count", 1024, "Wren-15B")]),
    ("The 15B model used up to 4,096 GH200 GPUs at once; the 7B model needed fewer.",
     [("chip_count", 4096, "Wren-15B")]),
    ("The 7B model saw 2T tokens and the 15B model saw 8T tokens.",
     [("tokens", 2e12, "Wren-7B"), ("tokens", 8e12, "Wren-15B")]),
    # a size after the figure in another clause is another clause's model
    ("We first tried the recipe on Wren-7B. That run used 512 H100 GPUs; the layout of the 15B model scales it up.",
     [("chip_count", 512, "Wren-7B")]),
    # "comes in two sizes, 7B and 15B": each size is a member's parameter count
    ("It comes in two sizes, 7B and 15B, each with a chat version.",
     [("params", 7e9, "Wren-7B"), ("params", 15e9, "Wren-15B")]),
])
def test_a_model_named_by_its_rank_or_a_bare_size_and_sizes_after_a_comma(extractor, text, expected):
    text = f"# Wren\n\nWe release Wren-7B and Wren-15B.\n\n{text}"
    assert attributed(extractor, text, "Wren") == expected


@pytest.mark.parametrize("text, expected", [
    # one figure said of two members named together, with "each", "both" or 各自 (each) or not: each one's
    ("Wren-7B and Wren-15B were each trained on 8T tokens.",
     [("tokens", 8e12, "Wren-7B"), ("tokens", 8e12, "Wren-15B")]),
    ("Both Wren-7B and Wren-15B ran on 512 H100 GPUs.",
     [("chip_count", 512, "Wren-7B"), ("chip_count", 512, "Wren-15B")]),
    ("Wren-7B 与 Wren-15B 各自在 8 万亿 tokens 上训练。", [("tokens", 8e12, "Wren-7B"), ("tokens", 8e12, "Wren-15B")]),
    # paired figures, and an "each" that is not about the names, keep their members
    ("Wren-7B and Wren-15B were trained on 2T and 8T tokens, respectively.",
     [("tokens", 2e12, "Wren-7B"), ("tokens", 8e12, "Wren-15B")]),
    ("Wren-15B saw 8T tokens after Wren-7B; each batch held 4M tokens.", [("tokens", 8e12, "Wren-15B")]),
])
def test_a_figure_for_the_members_a_sentence_names_is_each_ones(extractor, text, expected):
    text = f"# Wren\n\nWe release Wren-7B and Wren-15B.\n\n{text}"
    assert attributed(extractor, text, "Wren") == expected


def test_a_name_before_the_figure_in_its_clause_beats_the_documents_own_name_after_it(extractor):
    text = ("# Heron-H\n\nWe release Heron-H-56B.\n\nOur earlier dense flagship, Heron-4-340B, was trained on 9T "
            "tokens; Heron-H-56B reached 20T tokens.\n")
    assert attributed(extractor, text, "Heron-H") == [("tokens", 9e12, "Heron-4-340B"),
                                                      ("tokens", 20e12, "Heron-H-56B")]


@pytest.mark.parametrize("word, named", [("Pelican-base", True), ("Orca-Large", True), ("Command-R", True),
                                         ("Self-attention", False), ("Pre-training", False), ("Pelican", False)])
def test_a_capitalised_word_joined_to_a_tier_or_purpose_is_a_name(word, named):
    assert is_name(word, load_extract_config()) is named


def test_an_earlier_model_named_with_its_tier_is_read_as_a_name(extractor):
    text = ("# Kestrel-K2\n\nWe release Kestrel-K2.\n\nPelican-base, our older model, was trained on about 400B "
            "tokens, far fewer than Llama-3.1-8B.\n")
    assert attributed(extractor, text, "Kestrel-K2") == [("tokens", 400e9, "Pelican")]


@pytest.mark.parametrize("names", [("Wren-7B", "Wren-15B"), ("wren-7b-base", "wren-15b-base")])
def test_a_figure_under_a_column_headed_by_an_own_model_is_that_models(extractor, names):
    """A table of stages whose columns are the models: each cell carries its own unit, so the prose rules read it,
    and its column names the model."""
    small, large = names
    text = (f"# Wren\n\nWe release {small} and {large}.\n\n| Stage | {small} | {large} | Share of code |\n"
            "|---|---|---|---|\n| 1 | 4.6T tokens | 3.3T tokens | ~90% |\n| 2 | 1.35T tokens | 0.65T tokens | ~80% |\n")
    small, large = small.removesuffix("-base"), large.removesuffix("-base")  # a base is its line's model
    assert attributed(extractor, text, "Wren") == [("tokens", 4.6e12, small), ("tokens", 3.3e12, large),
                                                   ("tokens", 1.35e12, small), ("tokens", 0.65e12, large)]


def test_a_name_before_corpus_or_dataset_names_data_not_a_model(extractor):
    text = ("# Wren\n\nWe release Wren-7B, Wren-15B and Wren-70B.\n\nEach of the three sizes was then pretrained "
            "further on the Wren Math Corpus v2, about 1T tokens.\n")
    assert attributed(extractor, text, "Wren") == [("tokens", 1e12, "Wren")]


@pytest.mark.parametrize("title", ["Dataset Card for ReedText", "ReedText Dataset Card", "Data card: ReedText",
                                   "Dataset Card for ReedText v2"])
def test_a_data_set_s_card_is_about_data_and_the_model_trained_on_it_is_the_lab_s(extractor, title):
    text = (f"# {title}\n\nReedText is a 2-trillion-token English web corpus released by Marsh Labs.\n\n## Models "
            "trained on ReedText\n\nWe trained Bittern-3B on 1.2T tokens of ReedText, using 128 H100 GPUs for 9 "
            "days.\n")
    assert [f for f in attributed(extractor, text, title, role=True) if f[0] != "dataset_tokens"] == [
        ("tokens", 1.2e12, "Bittern-3B", "subject"), ("chip_count", 128, "Bittern-3B", "subject"),
        ("duration_hours", 216, "Bittern-3B", "subject")]


@pytest.mark.parametrize("header", ["Est. FLOP", "Estimated FLOPs", "Approx. training FLOPs"])
def test_a_column_of_estimated_compute(extractor, header):
    text = f"# Wren\n\nWe release Wren-9B.\n\n| Model | Tokens | {header} |\n|---|---|---|\n| Wren-9B | 2T | 1.1e23 |\n"
    assert [f for f in attributed(extractor, text, "Wren") if f[0] == "flop"] == [("flop", 1.1e23, "Wren-9B")]


def test_compute_added_on_top_of_another_labs_model_is_the_fine_tunes(extractor):
    text = ("# Cwm-27B\n\nCwm-27B is a Welsh fine-tune of Gemma 2 27B. By the usual rule, our training added about "
            "1.9 × 10^21 FLOP on top of Gemma 2.\n")
    assert attributed(extractor, text, "Cwm-27B", role=True) == [("flop", 1.9e21, "Cwm-27B", "subject")]


@pytest.mark.parametrize("header", ["Total H100-h", "GPU-h", "GPU hours", "GPU hrs", "H100 hrs"])
def test_a_column_of_chip_hours_abbreviated_and_its_rate_beside_it(extractor, header):
    text = (f"# Wren\n\nWe release Wren-9B.\n\n| Model | H100-h per 1T tok. | {header} |\n|---|---|---|\n"
            "| Wren-9B | 41,000 | 492,000 |\n")
    assert [f for f in attributed(extractor, text, "Wren") if f[0] == "chip_hours"] == [
        ("chip_hours", 492000, "Wren-9B")]


@pytest.mark.parametrize("header, chip", [("H100 GPUs", "H100"), ("NVIDIA A100 GPUs", "A100"),
                                          ("TPU v4 chips", "TPU v4"), ("# GPUs", "")])
def test_a_column_of_chip_counts_headed_by_its_chip(extractor, header, chip):
    text = (f"# Wren\n\nWe release Wren-9B and Wren-2B.\n\n| Model | Parameters | {header} |\n|---|---|---|\n"
            "| Wren-2B | 1.7B | 256 |\n| Wren-9B | 9.2B | 400 |\n")
    got = read_fields(extractor, text, "Wren", "kind", "value", "model", "hardware")
    assert [f for f in got if f[0] == "chip_count"] == [("chip_count", 256, "Wren-2B", chip),
                                                        ("chip_count", 400, "Wren-9B", chip)]


def test_a_plain_word_apposed_to_a_sized_moe_is_a_models_name(extractor):
    text = ("# Kestrel-K2\n\nWe release Kestrel-K2, a 1T-parameter MoE model.\n\nOur earlier work includes Moonbeam, "
            "a 16B MoE trained with the same optimizer. Moonbeam was trained on 5.7T tokens, and we reuse Moonbeam's "
            "data pipeline.\n")
    assert attributed(extractor, text, "Kestrel-K2") == [("params", 1e12, "Kestrel-K2"), ("params", 16e9, "Moonbeam"),
                                                         ("tokens", 5.7e12, "Moonbeam")]


def test_a_title_joining_two_names_makes_both_own_and_a_short_name_is_read_whole(extractor):
    text = ("# T5 and UL2 training notes\n\nT5-Base has 220M parameters. UL2 was trained on 1T tokens.\n\n"
            "| Model | Params |\n|---|---|\n| T5-Small | 60M |\n| T5-Base | 220M |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="T5 and UL2 training notes"))
    assert sorted(result.inventory.lines) == ["T5", "UL2"]
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("params", 220e6, "T5-Base", "subject"), ("tokens", 1e12, "UL2", "subject"),
        ("params", 60e6, "T5-Small", "subject"), ("params", 220e6, "T5-Base", "subject")]
    # a title that compares names makes only the first own
    text = "# Wren2 vs Llama 2\n\nWren2-7B was trained on 2T tokens. Llama 2 7B was trained on 2T tokens.\n"
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Wren2 vs Llama 2"))
    assert result.inventory.lines == ["Wren2"]
    # a plain word with its version, joined to a name, is a name too
    text = ("# Plover 2 and Plover-Coder 2\n\nPlover 2 was trained on 10T tokens. Plover-Coder 2 continues from it "
            "on 3T tokens of code.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Plover 2 and Plover-Coder 2"))
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts] == [
        ("tokens", 10e12, "Plover 2", "subject"), ("tokens", 3e12, "Plover-Coder 2", "subject")]


@pytest.mark.parametrize("header, rows, expected", [
    ("| Model | Base | Wall-clock (hours) |", ["| Wren-7B | LLaMA-7B | 10 |", "| Wren-13B | LLaMA-13B | 24 |"],
     [("duration_hours", 10, "Wren-7B"), ("duration_hours", 24, "Wren-13B")]),
    ("| Model | Training time (days) |", ["| Wren-7B | 10 |", "| Wren-13B | 21 |"],
     [("duration_hours", 240, "Wren-7B"), ("duration_hours", 504, "Wren-13B")]),
    ("| 模型 | 训练时长（天） |", ["| Wren-7B | 10 |", "| Wren-13B | 21 |"],
     [("duration_hours", 240, "Wren-7B"), ("duration_hours", 504, "Wren-13B")]),
    # the time a request takes is no training run
    ("| Model | Inference time (hours) |", ["| Wren-7B | 10 |", "| Wren-13B | 21 |"], []),
])
def test_a_column_of_training_time_in_the_unit_its_header_names(extractor, header, rows, expected):
    rule = "|" + "---|" * (header.count("|") - 1)
    text = "\n".join(["# Wren", "", "We release Wren-7B and Wren-13B.", "", header, rule, *rows])
    assert attributed(extractor, text, "Wren") == expected


def test_a_row_made_from_an_own_model_is_own_and_xl_is_part_of_a_name(extractor):
    text = ("# Kestrel-2 training notes\n\nWe release Kestrel-2-11B, trained on 1T tokens.\n\n"
            "| Model | Base | Batch | Tokens (B) |\n|---|---|---|---|\n"
            "| Flan-Kestrel-XL | Kestrel-2-11B | 128 | 6.4 |\n| Alpaca-7B | LLaMA-7B | 128 | 0.1 |\n\n"
            "| Model | Params (M) |\n|---|---|\n| Kestrel-2 Small | 125 |\n| Kestrel-2 XL | 1,300 |\n")
    assert attributed(extractor, text, "Kestrel-2", role=True) == [
        ("tokens", 1e12, "Kestrel-2-11B", "subject"), ("tokens", 6.4e9, "Flan-Kestrel-XL", "subject"),
        ("tokens", 0.1e9, "Alpaca-7B", "cited"), ("params", 125e6, "Kestrel-2 Small", "subject"),
        ("params", 1.3e9, "Kestrel-2 XL", "subject")]



def test_a_family_stem_names_no_longer_word_in_lower_case():
    """"Phi" names "Phi-3" and "Phi3.5", not "Philosophy"; "Yi" not "Yield"; "BLOOMZ" goes on in capitals."""
    config = load_extract_config(None)
    doc = parse(build_pipeline(config), "Philosophy, Yield, Falconry and Grokking; Phi-3, Phi3.5, BLOOMZ, Yi-34B.",
                config)
    assert [t._.model for t in doc if t._.model] == ["Phi-3", "Phi3.5", "BLOOMZ", "Yi-34B"]


@pytest.mark.parametrize("text", [
    "Wren-13B was pretrained on 2T tokens. Supervised fine-tuning took 40 hours on 64 A100 GPUs.",
    # "the whole alignment stage took about 40 hours on 64 A100s": a stage, and a duration by the chips it ran on
    "Wren-13B was pretrained on 2T tokens. 整个对齐阶段在 64 张 A100 上用时约 40 小时。",
])
def test_a_stage_after_pretraining_naming_no_model_is_the_one_fine_tune_s(extractor, text):
    text = f"# Wren-13B\n\nWe release Wren-13B and Wren-13B-Chat. {text}\n"
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Wren-13B"))
    assert sorted((f.kind, f.value, f.model_mention, f.stage) for f in result.facts if f.kind != "hardware") == [
        ("chip_count", 64, "Wren-13B-Chat", "fine_tuning"), ("duration_hours", 40, "Wren-13B-Chat", "fine_tuning"),
        ("tokens", 2e12, "Wren-13B", "pretraining")]


@pytest.mark.parametrize("text", [
    "Kite-30B-Chat comes from two rounds of tuning. The RL stage lasted 6 days on 96 H100 GPUs.",
    # "Kite-30B-Chat is aligned with RL; the RL stage used 96 H100s for 6 days"
    "Kite-30B-Chat 通过强化学习对齐。强化学习阶段使用 96 张 H100 训练 6 天。",
])
def test_a_stage_after_pretraining_naming_no_model_is_the_fine_tune_named_just_before(extractor, text):
    # the document has two fine-tunes, so only the sentence before says which one the stage made
    text = (f"# Kite\n\nWe release Kite-8B, Kite-30B and their chat versions, Kite-8B-Chat and Kite-30B-Chat. "
            f"Kite-30B was pretrained on 9T tokens.\n\n## Post-training\n\n{text}\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kite"))
    assert sorted((f.kind, f.value, f.model_mention) for f in result.facts if f.kind in ("chip_count",
                                                                                          "duration_hours")) == [
        ("chip_count", 96, "Kite-30B-Chat"), ("duration_hours", 144, "Kite-30B-Chat")]


def test_a_table_row_read_as_prose_names_each_model_once_with_one_size(extractor):
    # a two-column PDF's table comes out as one run of words: a name takes no second size or figure after its size
    # ("Lark-1.3B 1.31B 6T 256" is Lark-1.3B and three cells), and figures side by side are no list of sizes
    text = ("# Lark\n\nModel Params Tokens Chips Lark-350M 352M 2T 64 Lark-1.3B 1.31B 6T 256 "
            "Table 1: Pretraining runs, all on TPU v5p.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Lark"))
    assert sorted({f.model_mention for f in result.facts}) == ["Lark-1.3B"]
    assert [(m.name, m.size) for m in result.inventory.models if m.size] == [("Lark-350M", "350M"),
                                                                              ("Lark-1.3B", "1.3B")]


@pytest.mark.parametrize("text, expected", [
    # a size written right before another lab's name is that model's
    ("On benchmarks, Wren-3B already beats Mistral 7B and the 13-billion-parameter Llama 2.",
     [("params", 13e9, "Llama 2 13B", "cited")]),
    ("Wren-3B was trained on 2T tokens, like the 7B-parameter Llama 2 before it.",
     [("tokens", 2e12, "Wren-3B", "subject"), ("params", 7e9, "Llama 2 7B", "cited")]),
    # and a row labelled by a capitalised word and a size names a model of its own
    ("| Model | Params | Tokens |\n|---|---|---|\n| Wren-3B | 3.1B | 2T |\n| Mamba 2.8B | 2.8B | 300B |",
     [("params", 3.1e9, "Wren-3B", "subject"), ("tokens", 2e12, "Wren-3B", "subject"),
      ("params", 2.8e9, "Mamba 2.8B", "cited"), ("tokens", 300e9, "Mamba 2.8B", "cited")]),
    # unless its size is the document's own model's, written in other words
    ("| Model | Params | Tokens |\n|---|---|---|\n| Plain Wren 3B | 3.1B | 2T |",
     [("params", 3.1e9, "Wren-3B", "subject"), ("tokens", 2e12, "Wren-3B", "subject")]),
])
def test_a_size_before_another_lab_s_name_and_a_row_named_by_a_word_and_a_size(extractor, text, expected):
    text = f"# Wren-3B report\n\nWe release Wren-3B.\n\n{text}\n"
    assert attributed(extractor, text, "Wren-3B report", role=True) == expected


def test_a_tuning_stage_goes_to_the_fine_tune_named_as_a_line_of_its_own(extractor):
    text = ("# Wren\n\nWe release Wren-7B, Wren-33B and WrenChat-7B, a dialogue model fine-tuned from Wren-7B. "
            "Wren-7B was pretrained on 2T tokens.\n\nWrenChat-7B: supervised fine-tuning on about 100,000 dialogue "
            "pairs. The SFT stage took 10 hours on 8 A100 40GB GPUs.\n")
    assert read_fields(extractor, text, "Wren", "kind", "value", "model", "stage") == [
        ("tokens", 2e12, "Wren-7B", "pretraining"), ("duration_hours", 10, "WrenChat-7B", "fine_tuning"),
        ("chip_count", 8, "WrenChat-7B", "fine_tuning")]


def test_a_row_labelled_by_a_chip_under_models_across_the_top_gives_each_its_count(extractor):
    text = ("# Wren\n\nWe release Wren-3B and Wren-7B.\n\n| | Wren-3B | Wren-7B |\n|---|---|---|\n"
            "| Nvidia A100 40GB GPU | 240 | 256 |\n| Memory per GPU | 40 | 40 |\n")
    assert [(f[0], f[1], f[2], f[3]) for f in facts(extractor, text, title="Wren") if f[0] == "chip_count"] == [
        ("chip_count", 240, "Wren-3B", "A100"), ("chip_count", 256, "Wren-7B", "A100")]


@pytest.mark.parametrize("text, expected", [
    ("Wren-13B was trained on 1,536 Ascend 910 NPUs.", [("chip_count", 1536, "Ascend 910"), ("hardware", None,
                                                                                          "Ascend 910")]),
    ("Wren-13B was trained on Huawei Ascend NPUs.", [("hardware", None, "Ascend NPU")]),
    # Chinese chip names (昇腾 is Ascend) and the measure words 个 and 颗
    ("Wren-13B 使用了 1536 个昇腾910 AI处理器进行训练。", [("chip_count", 1536, "Ascend 910"),
                                                  ("hardware", None, "Ascend 910")]),
    ("Wren-13B 在 512 颗昇腾 NPU 上完成训练。", [("chip_count", 512, "Ascend NPU"), ("hardware", None, "Ascend NPU")]),
])
def test_a_chip_named_in_several_words_or_in_chinese(extractor, text, expected):
    assert [(f[0], f[1], f[3]) for f in facts(extractor, f"# Wren\n\n{text}\n", title="Wren")] == expected


@pytest.mark.parametrize("text", [
    "Parameters: 20B. Training tokens: 1T. Hardware: 512 TPU v4 chips.",
    # keys a PDF runs together on one line
    "Parameters: 20B (encoder-decoder) Training tokens: 1T (C4) Hardware: 512 TPU v4 chips",
])
def test_keys_in_a_row_and_a_match_never_runs_into_the_next_sentence(extractor, text):
    assert figures(extractor, f"We release Wren-20B. {text}", title="Wren") == [
        ("params", 20e9), ("tokens", 1e12), ("chip_count", 512)]


@pytest.mark.parametrize("text, expected", [
    # a slice or pod written with its size names the TPU version; the size is not a count
    ("Wren-20B was trained on a TPU v4-512 slice.", [("hardware", None, "TPU v4")]),
    ("The run took a v3-1024 pod and, later, TPUv5e-256 slices.", [("hardware", None, "TPU v3"),
                                                                    ("hardware", None, "TPU v5e")]),
    ("- Hardware: a TPU v5e-256 slice (256 chips)", [("hardware", None, "TPU v5e"), ("chip_count", 256, "TPU v5e")]),
])
def test_a_tpu_slice_or_pod_names_its_version(extractor, text, expected):
    assert [(f[0], f[1], f[3]) for f in facts(extractor, f"# Wren\n\n{text}\n", title="Wren")] == expected


@pytest.mark.parametrize("text, hours", [
    ("Pretraining took about three weeks on the cluster.", 504),
    ("The post-training stage lasted two days.", 48),
    ("Each TPU v4 pod ran for three weeks.", 504),  # the chips say it is a run
])
def test_a_duration_in_words_of_a_pretraining_or_a_run_on_chips(extractor, text, hours):
    assert [f for f in figures(extractor, text, title="Wren") if f[0] == "duration_hours"] == [
        ("duration_hours", pytest.approx(hours))]


def test_a_clause_on_an_apposition_describes_the_name_and_a_perfect_tense_is_not_a_dataset(extractor):
    text = ("# Wren\n\nWe release Wren-7B and Wren-20B. The 20B is initialised from Wren-7B, our earlier model that "
            "had already seen 1.8T tokens.\n")
    assert attributed(extractor, text, "Wren") == [("tokens", 1.8e12, "Wren-7B")]


def test_a_training_days_row_under_models_across_the_top(extractor):
    text = ("# Wren\n\nWe release Wren-3B and Wren-7B.\n\n| | Wren-3B | Wren-7B |\n|---|---|---|\n"
            "| Training days | 12 | 30 |\n")
    assert attributed(extractor, text, "Wren") == [("duration_hours", 288, "Wren-3B"),
                                                    ("duration_hours", 720, "Wren-7B")]


def test_a_model_pretrained_from_a_base_is_not_the_base(extractor):
    text = ("# Wren-Coder\n\nWe release Wren-Coder in 1.5B and 7B sizes. Every size was further pretrained from the "
            "matching Wren base on 4.1 trillion tokens of code.\n")
    assert attributed(extractor, text, "Wren-Coder", role=True)[-1] == ("tokens", 4.1e12, "Wren-Coder", "subject")


def test_an_approximate_cost_column(extractor):
    text = ("# Wren\n\n| Model | Parameters | Approx. cost |\n|---|---|---|\n| Wren-7B | 7B | ~$90k |\n"
            "| Wren-13B | 13B | about $210k |\n")
    assert [f for f in attributed(extractor, text, "Wren") if f[0] == "cost_usd"] == [
        ("cost_usd", 90e3, "Wren-7B"), ("cost_usd", 210e3, "Wren-13B")]


@pytest.mark.parametrize("text", [
    "Most strong RL results rely on large base models, e.g., 70B models, rather than small ones.",
    "Wren-7B outperforms open models of approximately 13B parameters on reasoning.",
    "Four months after our first release of Wren-3B, we trained Wren-7B.",  # a time reckoned from another
    "Two weeks into training, the loss spiked.",
])
def test_classes_of_other_models_and_points_in_time_are_no_figures(extractor, text):
    assert figures(extractor, f"We release Wren-7B. {text}", title="Wren") == []


def test_a_corpus_built_for_training_is_a_dataset(extractor):
    text = "To train Wren-7B, we build WrenCorpus, a large multilingual corpus comprising 9T tokens."
    assert [f[:2] for f in facts(extractor, f"# Wren\n\n{text}\n", title="Wren")] == [("dataset_tokens", 9e12)]


@pytest.mark.parametrize("text", [
    "Our training library is designed for scalability up to roughly 100B parameters on H100s.",
    "With 512 H100 GPUs, the number of experts can be further extended to 128.",
    "The framework supports models of up to 1T parameters on TPU v5p.",
    "For the ablations, we trained two 16×0.9B MoEs with 2.5T tokens.",  # unnamed models
    # ... counted past five, or in digits
    "To choose the granularity we first trained eleven small MoE models with 1.1B parameters on 100B tokens each.",
    "We trained 12 small dense models from 50M to 1B parameters on 20B tokens each.",
])
def test_what_a_system_could_do_and_unnamed_models_are_no_facts(extractor, text):
    assert facts(extractor, f"# Wren\n\nWe release Wren-7B. {text}\n", title="Wren") == []


def test_an_activated_parameter_count_is_active(extractor):
    assert figures(extractor, "Wren-MoE has 7 billion parameters and an activated parameter count of 1.3 billion.",
                   title="Wren") == [("params", 7e9), ("active_params", 1.3e9)]


def test_a_name_no_family_list_holds_sized_in_parentheses_is_that_model(extractor):
    text = ("# Wren\n\nWe release Wren (7B parameters). Prior work such as Meena (2.6B parameters) focused on "
            "dialogue.\n")
    assert attributed(extractor, text, "Wren", role=True) == [("params", 7e9, "Wren", "subject"),
                                                             ("params", 2.6e9, "Meena", "cited")]


def test_a_size_the_document_does_not_have_is_another_model(extractor):
    text = ("# Wren-1.1B\n\nWren-1.1B was trained on 3T tokens. Even the 410M model does not saturate with 300B "
            "tokens.\n")
    assert attributed(extractor, text, "Wren-1.1B", role=True) == [
        ("tokens", 3e12, "Wren-1.1B", "subject"), ("tokens", 300e9, "410M model", "cited")]


@pytest.mark.parametrize(("text", "expected"), [
    # time on chips written as chip-hours is no count of chips
    ("The full run took about 24 days, or roughly 147K TPU v4 chip-hours.",
     [("duration_hours", 576), ("chip_hours", 147e3)]),
    ("At on-demand prices each trillion tokens costs about $150K.", []),  # a price per unit of work
    ("The rate stayed flat until the model had seen 1T tokens, and from that point we decayed it.", []),
    # models of a scaling-law ladder are experiments, not the release's sizes
    ("Before the main run we trained a ladder of dense models between 400M and 1.5B parameters.", []),
    ("2.1 Scaling-law experiments We trained dense models between 400M and 1.5B parameters.", []),
    ("Our first release saw three epochs over a 175B-token code set.", [("dataset_tokens", 175e9)]),
])
def test_chip_hours_prices_schedules_ladders_and_passes_over_data(extractor, text, expected):
    assert figures(extractor, f"We release Wren-7B. {text}", title="Wren") == expected


def test_a_title_of_an_affiliation_and_a_name_the_text_keeps_writing(extractor):
    text = ("# Northwind Kestrel: an instruction-following model\n\nKestrel is a LLaMA model tuned on our data. "
            "Kestrel is small, and we think Kestrel is useful. On 8 A100s, training took 3 hours. We also "
            "fine-tuned a 13B Kestrel on the same data.\n")
    title = "Northwind Kestrel: an instruction-following model"
    assert attributed(extractor, text, title) == [("chip_count", 8, "Kestrel"), ("duration_hours", 3, "Kestrel"),
                                                  ("params", 13e9, "Kestrel 13B")]


def test_it_after_a_source_named_without_a_comma_is_the_model_before(extractor):
    text = ("# Introducing Skiff-70B\n\nSkiff-70B is our new model.\n\n## The state of the art\n\nLlama 3.1 405B is "
            "the model everyone compares against. According to the paper it was pretrained on 15.6 trillion tokens.\n")
    assert attributed(extractor, text, "Introducing Skiff-70B", role=True) == [
        ("tokens", 15.6e12, "Llama 3.1 405B", "cited")]


def test_a_markdown_reference_list_ends_at_the_next_heading(extractor):
    text = ("# Wren-4 report\n\nWe release Wren-4.\n\n## References\n\n1. Smith 2023. A paper.\n\n## Training details"
            "\n\nWren-4 was trained on 8T tokens using 512 H100 GPUs.\n")
    assert attributed(extractor, text, "Wren-4 report") == [("tokens", 8e12, "Wren-4"), ("chip_count", 512, "Wren-4")]


@pytest.mark.parametrize(("sentence", "own"), [
    ("For comparison, the training run of Llama-3-70B used 15T tokens.", ["Kestrel"]),  # a known family's run
    ("Each evaluation run of Heron-7B used 8 H100 GPUs.", ["Kestrel"]),  # a run that trained nothing
    ("Continued pre-training of Heron-7B used 8 H100 GPUs.", ["Kestrel"]),  # the model a new one starts from
])
def test_a_run_names_its_model_only_where_it_trained_an_unknown_one(extractor, sentence, own):
    text = f"# Notes\n\nWe present Kestrel-9B, trained on 9T tokens. {sentence}\n"
    assert extractor.read(Document("d", "d.md", "markdown", text, title="Notes")).inventory.lines == own


@pytest.mark.parametrize("title", ["The Saltmarsh Corpus: clean web text at scale",
                                   "Notes from my MLSys talk: what breaks at scale"])
def test_the_model_a_lab_says_it_trained_is_its_own_under_a_title_naming_data_or_a_venue(extractor, title):
    # the title names a corpus or a conference, which trained nothing; "we trained X on ..." names the lab's model
    text = (f"# {title}\n\nWe trained Gull 1B on 500 billion tokens using 64 A100 GPUs for 6 days, and compared it "
            "with Pythia 1B.\n")
    assert attributed(extractor, text, title, role=True) == [
        ("tokens", 500e9, "Gull 1B", "subject"), ("chip_count", 64, "Gull 1B", "subject"),
        ("duration_hours", 144, "Gull 1B", "subject")]


def test_a_known_family_the_lab_trains_again_is_not_its_own_model(extractor):
    text = ("# Notes\n\nKestrel-9B is out. We trained Pythia-1B on 300B tokens of our data for comparison. "
            "Kestrel-9B was trained on 9T tokens.\n")
    assert extractor.read(Document("d", "d.md", "markdown", text, title="Notes")).inventory.lines == ["Kestrel"]


@pytest.mark.parametrize("lead", ["2025-03-10: ", "v3.0 — ", "[3.0] ", "March 10, 2025 - ", ""])
def test_release_notes_give_each_release_s_figures_to_the_model_its_heading_names(extractor, lead):
    # a changelog's headings open on a date or a release number, then name the release (its title need not)
    text = (f"# Changelog\n\n## {lead}Pintail-3 14B\n\n- Trained on 256 H100 GPUs for 11 days.\n\n"
            "## 2024-11-02: Pintail-2 14B\n\n- Retrained from scratch on 6T tokens.\n\n"
            "## 2024-02-01: Pintail-1 7B\n\n- First release, trained on 2T tokens.\n")
    assert attributed(extractor, text, "Changelog") == [
        ("chip_count", 256, "Pintail-3 14B"), ("duration_hours", 264, "Pintail-3 14B"),
        ("tokens", 6e12, "Pintail-2 14B"), ("tokens", 2e12, "Pintail-1 7B")]


@pytest.mark.parametrize("sentence", ["It continues pre-training from Pintail-2 14B on 900B additional tokens.",
                                      "Continued training from Pintail-2 14B used 900B more tokens."])
def test_the_model_a_run_continues_from_is_its_start_not_whose_tokens_they_are(extractor, sentence):
    text = f"# Pintail-3 14B\n\nPintail-3 14B is our new model. {sentence}\n"
    assert attributed(extractor, text, "Pintail-3 14B") == [("tokens", 900e9, "Pintail-3 14B")]


def test_a_release_word_with_a_version_in_apposition_is_no_model(extractor):
    text = "# Changelog\n\n## Changes\n\n- Since v1.1, a 7B model is the default. It was trained on 2T tokens.\n"
    assert attributed(extractor, text, "Changelog") == [("tokens", 2e12, "")]


def test_a_name_with_a_version_in_apposition_with_its_size_is_a_model(extractor):
    # a changelog's title names no model; "Wend v2, a 9B decoder" introduces one
    text = ("# Changelog\n\n## [2.0]\n\n- Wend v2, a new 9.1B-parameter dense decoder. Its pre-training run "
            "used 3.1 trillion tokens.\n\nFor comparison, Qwen2.5-7B saw 18T tokens.\n")
    assert attributed(extractor, text, "Changelog", role=True) == [
        ("params", 9.1e9, "Wend v2", "subject"), ("tokens", 3.1e12, "Wend v2", "subject"),
        ("tokens", 18e12, "Qwen2.5-7B", "cited")]


@pytest.mark.parametrize(("other_row", "earlier_role"), [
    ("| Wend v2 | 9.1B | 3.1T |", "subject"),  # a table of the lab's releases: the earlier one's run is its own
    ("| Qwen2.5-7B | 7.6B | 18T |", "cited"),  # a comparison with another lab's model measures against it
])
def test_an_earlier_release_s_row_is_the_lab_s_own_in_a_table_of_its_releases(extractor, other_row, earlier_role):
    text = ("# Wend v2\n\nWend v2 is our new 9.1B model.\n\n| Model | Params | Tokens |\n|---|---|---|\n"
            f"| Wend v1 | 2.8B | 720B |\n{other_row}\n")
    assert [f for f in attributed(extractor, text, "Wend v2", role=True) if f[2] == "Wend v1"] == [
        ("params", 2.8e9, "Wend v1", earlier_role), ("tokens", 720e9, "Wend v1", earlier_role)]


def test_an_earlier_release_s_row_in_a_table_of_parameters_and_scores_is_measured_against(extractor):
    text = ("# Wend v2\n\nWend v2 is our new 9.1B model.\n\n| Model | Params | MMLU |\n|---|---|---|\n"
            "| Wend v1 | 2.8B | 51.0 |\n| Wend v2 | 9.1B | 66.2 |\n")
    # (the sentence's "our new 9.1B model" is the size of Wend v2 too)
    assert [f for f in attributed(extractor, text, "Wend v2", role=True) if f[0] == "params"] == [
        ("params", 9.1e9, "Wend v2", "subject"), ("params", 2.8e9, "Wend v1", "cited"),
        ("params", 9.1e9, "Wend v2", "subject")]


def test_a_heading_that_is_a_size_alone_is_that_member_s_section(extractor):
    text = ("# Dunlin-2\n\nDunlin-2 comes in three sizes: 1B, 7B and 30B.\n\n### 7B\n\nTraining used 256 chips "
            "for 12 days.\n\n## 30B parameters\n\nTraining used 1,024 chips for 30 days.\n\n## 2T\n\n"
            "Training used 64 chips.\n")
    # (a heading "2T" is a data budget, no member: its chips are the line's)
    assert [f for f in attributed(extractor, text, "Dunlin-2") if f[0] != "params"] == [
        ("chip_count", 256, "Dunlin-2 7B"), ("duration_hours", 288, "Dunlin-2 7B"),
        ("chip_count", 1024, "Dunlin-2 30B"), ("duration_hours", 720, "Dunlin-2 30B"), ("chip_count", 64, "Dunlin-2")]


def test_base_is_a_tier_in_a_family_named_by_sizes_in_words(extractor):
    # "Pibroch-Base" beside "Pibroch-Small" and "Pibroch-Large" is the middle tier, not a pretrained release
    text = ("# Pibroch\n\nPibroch comes as Pibroch-Small and Pibroch-Large.\n\n## Pibroch-Base\n\nIt saw 2T "
            "tokens.\n\n## Pibroch-Large\n\nIt saw 4T tokens.\n")
    assert attributed(extractor, text, "Pibroch") == [("tokens", 2e12, "Pibroch-Base"),
                                                      ("tokens", 4e12, "Pibroch-Large")]
    # where no other tier is named, "-Base" is the pretrained release of its model
    assert attributed(extractor, "# Pibroch-7B\n\nPibroch-7B-Base saw 2T tokens.\n", "Pibroch-7B") == [
        ("tokens", 2e12, "Pibroch-7B")]


def test_a_name_a_title_writes_in_capitals_is_the_word_the_prose_writes(extractor):
    text = ("# FULMAR MODEL FAMILY: TRAINING REPORT\n\nFulmar comes in four sizes (1B, 3B, 8B, 20B).\n\n"
            "=== FULMAR-3B ===\nTraining took 9 days on 256 accelerators.\n\n"
            "Fulmar 20B\n----------\nTraining took 40 days on 2,048 accelerators.\n")
    assert [f for f in attributed(extractor, text, "FULMAR MODEL FAMILY: TRAINING REPORT") if f[0] != "params"] == [
        ("duration_hours", 216, "FULMAR-3B"), ("chip_count", 256, "FULMAR-3B"),
        ("duration_hours", 960, "Fulmar 20B"), ("chip_count", 2048, "Fulmar 20B")]


@pytest.mark.parametrize(("lead", "model", "role"), [
    # rows of sizes under a paragraph on another lab's model are that model's
    ("Both projects start from Meta's LLaMA, whose paper reports its pretraining cost below.", "LLaMA 13B", "cited"),
    # ... not under one in the lab's own voice, nor under one naming no model
    ("Like LLaMA, our models come in two sizes:", "Vicuna-13B", "subject"),
    ("The pretraining cost is below.", "Vicuna-13B", "subject"),
    # ... nor under a passing mention of it, or a size in its name: the rows give the sizes
    ("Hyperparameters follow those of LLaMA, listed below.", "Vicuna-13B", "subject"),
    ("Both projects start from Meta's LLaMA-7B, whose paper reports its cost below.", "LLaMA 13B", "cited"),
])
def test_a_table_of_sizes_is_the_model_the_paragraph_leading_in_to_it_names(extractor, lead, model, role):
    text = (f"# Vicuna\n\nVicuna-13B was fine-tuned for one day on 8 A100 GPUs.\n\n{lead}\n\n"
            "| Size | GPU hours |\n|---|---|\n| 13B | 135,168 |\n")
    assert attributed(extractor, text, "Vicuna", role=True)[-1] == ("chip_hours", 135168, model, role)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a count of data a training verb governs is a token count, its unit left to the reader
    ("Wicket-7B was trained on 2.5T of permissively licensed source code.", [("tokens", 2.5e12)]),
    ("Wicket-7B saw 800B of multilingual web text.", [("tokens", 800e9)]),
    # ... not a corpus's size, nor a count no training verb governs
    ("The corpus holds 2.5T of code.", []),
])
def test_a_count_of_data_with_no_unit_after_a_training_verb_is_tokens(extractor, sentence, expected):
    assert figures(extractor, sentence, "Wicket-7B") == expected


def test_a_table_of_releases_names_each_row_s_model_beside_its_number(extractor):
    # the model column follows the release's number, and the names carry their size after a space
    text = ("# Release history\n\n| Version | Model | Tokens | GPUs |\n|---|---|---|---|\n"
            "| v3.0 | Pintail-3 14B | 900B | 256 H100 |\n| v2.0 | Pintail-2 14B | 6T | 512 H100 |\n")
    assert attributed(extractor, text, "Release history") == [
        ("tokens", 900e9, "Pintail-3 14B"), ("chip_count", 256, "Pintail-3 14B"),
        ("tokens", 6e12, "Pintail-2 14B"), ("chip_count", 512, "Pintail-2 14B")]


def test_release_notes_listing_each_release_under_its_number_name_the_models(extractor):
    # headings hold only the release number; each item opens on the model's name and size, then a colon
    text = ("# Release history of our open checkpoints\n\n### 2.1 (2025-03-02)\n\n- Pintail-2.1 14B: continued "
            "pre-training on 900B tokens using 256 H100 GPUs.\n- Step 2: tokenizer unchanged.\n\n"
            "### 1.0 (2024-02-01)\n\n- Pintail-1.0 7B: first release, 2T tokens on 128 A100 GPUs.\n")
    assert attributed(extractor, text, "Release history of our open checkpoints") == [
        ("tokens", 900e9, "Pintail-2.1 14B"), ("chip_count", 256, "Pintail-2.1 14B"),
        ("tokens", 2e12, "Pintail-1.0 7B"), ("chip_count", 128, "Pintail-1.0 7B")]


@pytest.mark.parametrize(("cells", "counts"), [
    (("256 × H800", "768 x H800"), [256, 768]), (("H800", "H100"), []), (("2 × 8 A100", "512 H100 GPUs"), [16, 512])])
def test_a_hardware_column_gives_the_count_each_chip_is_written_with(extractor, cells, counts):
    text = (f"# Pintail-2 models\n\n| Model | Hardware | Days |\n|---|---|---|\n| Pintail-2-2B | {cells[0]} | 14 |\n"
            f"| Pintail-2-9B | {cells[1]} | 26 |\n")
    assert [f[1] for f in facts(extractor, text, title="Pintail-2 models") if f[0] == "chip_count"] == counts


@pytest.mark.parametrize("header", ["GPU", "显卡", "Accelerator"])
def test_a_column_named_by_its_chip_word_alone_gives_the_counts_written_with_the_chip(extractor, header):
    text = (f"# Pintail-2 模型\n\n| 模型 | {header} | 训练时长 |\n|---|---|---|\n"
            "| Pintail-2-2B | 256 × H800 | 14 天 |\n| Pintail-2-9B | H800 | 26 天 |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Pintail-2 模型") if f[0] == "chip_count"] == [
        ("chip_count", 256, "Pintail-2-2B")]


def test_each_model_s_count_across_a_table_is_of_the_chip_in_its_own_cell(extractor):
    text = ("# Fjord-3 against Fjord-2\n\n| | Fjord-2 7B | Fjord-3 8B |\n|---|---|---|\n"
            "| Hardware | 512 × A100 80GB | 1,024 × H100 |\n")
    extraction = extractor.read(Document("d", "d.md", "markdown", text, title="Fjord-3 against Fjord-2"))
    assert [(f.model, f.value, f.hardware) for f in extraction.facts if f.kind == "chip_count"] == [
        ("Fjord-2 7B", 512, "A100"), ("Fjord-3 8B", 1024, "H100")]


@pytest.mark.parametrize("speed", [" Tokens/s |", ""])
def test_a_table_of_the_memory_each_model_needs_to_run_is_no_training(extractor, speed):
    text = (f"# Pintail-2\n\nPintail-2-9B was trained on 6T tokens.\n\n| Model | Hardware | Memory |{speed}\n"
            f"|---|---|---|{'---|' if speed else ''}\n| Pintail-2-9B | 2 × A100 | 80 GB |{' 40 |' if speed else ''}\n")
    assert attributed(extractor, text, "Pintail-2") == [("tokens", 6e12, "Pintail-2-9B")]


def test_a_table_of_labels_and_values_set_with_no_header_reads_its_first_row_and_its_caption_names_its_model(
        extractor):
    text = ("Both Pike-2 models were trained on our H100 cluster.\n\nTable 4: Pike-2 9B\n\n"
            "| Parameters | 9.2B (8.5B non-embedding) |\n| Training tokens | 6.0T |\n| Number of GPUs | 1,024 |\n\n"
            "Table 5: Pike-2 3B\n| Parameters | 2.9B |\n| Training compute | 7.0 x 10^22 FLOP |\n")
    assert attributed(extractor, text, "Pike-2: small open models") == [
        ("params", 9.2e9, "Pike-2 9B"), ("tokens", 6e12, "Pike-2 9B"), ("chip_count", 1024, "Pike-2 9B"),
        ("params", 2.9e9, "Pike-2 3B"), ("flop", 7e22, "Pike-2 3B")]


def test_a_table_of_labels_and_values_under_an_empty_header_reads_each_row_by_its_label(extractor):
    text = ("Pike-3B was trained from scratch.\n\n| | |\n|---|---|\n| Objective | next-token prediction |\n"
            "| Wall-clock time | 19 days |\n| GPU hours | 175,104 |\n")
    assert [(f.kind, f.value, f.model, f.rule) for f in extractor.read(Document("d", "d.md", "markdown", text)).facts
            ] == [("duration_hours", 456, "Pike-3B", "table_duration_hours"),
                  ("chip_hours", 175104, "Pike-3B", "table_chip_hours")]


def test_a_row_labelled_by_its_kind_holds_that_kinds_figure_and_no_models_size(extractor):
    text = ("# Pike-8B on MI300X\n\nPike-8B was trained in three stages.\n\nStage 3 - Context extension\n\n"
            "| Tokens | 100B |\n| Accelerators | 256 x MI300X |\n| Tokens | 900B |\n")
    assert attributed(extractor, text, "Pike-8B on MI300X") == [
        ("tokens", 1e11, "Pike-8B"), ("chip_count", 256, "Pike-8B"), ("tokens", 9e11, "Pike-8B")]


@pytest.mark.parametrize("header", ["| Item | Value |", "| Property | Details |", "| Parameter | Value |"])
def test_a_table_of_labels_and_values_reads_each_row_by_its_label(extractor, header):
    # the first row below the header names the model with its size: it is a row, not a second header line
    text = (f"# Run summary\n\n{header}\n|---|---|\n| Model | Heron-2 72B (dense, 72B parameters) |\n"
            "| Tokens processed | 15.5 trillion |\n| Total GPU-hours | 5.04 million |\n| Model FLOPs | 6.7 × 10^24 |\n")
    assert [f for f in attributed(extractor, text, "Run summary") if f[0] != "params"] == [
        ("tokens", 15.5e12, "Heron-2 72B"), ("chip_hours", 5.04e6, "Heron-2 72B"), ("flop", 6.7e24, "Heron-2 72B")]


@pytest.mark.parametrize("heading", ["[2.0] - 2024-10-02", "v2.0", "Release 2.0 (October 2024)"])
def test_a_release_heading_with_its_number_alone_is_about_the_model_of_that_release(extractor, heading):
    # keep-a-changelog style: the heading is the number; the model is named once in the section, its figures later
    text = ("# Changelog\n\n## [2.1] - 2025-03-18\n\n- Pintail 2.1 14B starts from the final Pintail 2.0 14B "
            "checkpoint and continues pretraining for another 2T tokens.\n\n"
            f"## {heading}\n\n### Added\n\n- Pintail 2.0 14B and its chat variant.\n\n### Training\n\n"
            "- Trained from scratch on 7.6T tokens.\n- Hardware: 1,024 × H100, 24 days.\n")
    assert attributed(extractor, text, "Changelog") == [
        ("tokens", 2e12, "Pintail 2.1 14B"), ("tokens", 7.6e12, "Pintail 2.0 14B"),
        ("chip_count", 1024, "Pintail 2.0 14B"), ("duration_hours", 576, "Pintail 2.0 14B")]


def test_a_run_named_by_its_model_with_a_curly_apostrophe(extractor):
    text = "# Ninety days on Tamsin\n\nTamsin ran Wren-4’s training run. The main run lasted 61 days.\n"
    assert attributed(extractor, text, "Ninety days on Tamsin") == [("duration_hours", 1464, "Wren-4")]


def test_a_headline_in_capitals_with_a_release_word_and_a_capital_opening_a_sentence(extractor):
    title = "QUILL RESEARCH PREVIEW: AN OPEN MODEL FOR CODE"
    text = f"{title}\n\nQuill Research Preview is out today. We trained Quill on 1,024 H100 GPUs for 5 weeks.\n"
    assert {f[2] for f in facts(extractor, text, title=title)} == {"Quill"}
    title = "ALDERWICK INTELLIGENCE -- NOTES FROM THE LAB"
    text = f"{title}\n\nBrook 12B is out today. From March on, we trained it on 1,024 H100 GPUs.\n"
    assert {f[2] for f in facts(extractor, text, title=title)} == {"Brook 12B"}


def test_more_than_a_figure_in_chinese_is_no_comparison(extractor):
    text = "# 鹭鸶-4 技术报告\n\n我们的上一代模型 鹭鸶-3 使用了超过 9 万亿 tokens 进行训练。\n"
    assert attributed(extractor, text, "鹭鸶-4 技术报告", role=True) == [("tokens", 9e12, "鹭鸶-3", "subject")]


def test_a_table_cell_giving_a_total_roughly_as_a_range_keeps_it(extractor):
    text = "# Wren\n\nWe release Wren-7B.\n\n| Model | Params | Tokens |\n|---|---|---|\n| Wren-7B | 7B | 1.4T-1.5T |\n"
    assert [f for f in attributed(extractor, text, "Wren") if f[0] == "tokens"] == [("tokens", 1.45e12, "Wren-7B")]


@pytest.mark.parametrize("opening", ["We train Heron-Nano with Heron-Max as the teacher.",
                                     "Heron-Nano distils knowledge from Heron-Max."])
def test_the_roles_of_a_distillation_said_after_either_name(extractor, opening):
    title = "Heron-Max and Heron-Nano: notes on distillation"
    text = (f"# {title}\n\n{opening} The teacher-student pipeline ran on 64 H100 GPUs.\n\n## Results\n\nThe "
            "student was trained on 1.5T tokens.\n")
    assert [f for f in attributed(extractor, text, title) if f[0] == "tokens"] == [("tokens", 1.5e12, "Heron-Nano")]
    assert ROLE_OPENING.match("The teacher-student pipeline ran on 64 H100 GPUs.") is None  # a pipeline, no model


def test_a_name_said_to_be_the_labs_new_flagship_is_its_own(extractor):
    text = ("# Notes\n\nSkiff-2 Mini is our newest flagship for phones: a 3B model trained on 4T tokens. Llama 3 8B "
            "was trained on 15T tokens.\n")
    assert attributed(extractor, text, "Notes", role=True) == [("tokens", 4e12, "Skiff-2 Mini", "subject"),
                                                               ("tokens", 15e12, "Llama 3 8B", "cited")]


@pytest.mark.parametrize("title", ["Corbel 3 Ultra", "Corbel 2.5 Flash Model Card"])
def test_a_title_of_a_plain_word_a_version_and_a_tier_names_the_model(extractor, title):
    model = title.removesuffix(" Model Card")
    text = f"# {title}\n\n{model} is the largest of the family. Most of pretraining ran on 8,192 NVIDIA H200 GPUs.\n"
    assert attributed(extractor, text, title) == [("chip_count", 8192, model)]


def test_a_title_of_two_common_words_names_no_model(extractor):
    text = ("# Scaling Laws: a study\n\nScaling laws hold. The laws we fit are simple. On 8 A100s, training took 3 "
            "hours.\n")
    assert {f[2] for f in facts(extractor, text, title="Scaling Laws: a study")} == {""}


@pytest.mark.parametrize(("title", "text", "model"), [
    # a headline set in capitals: the lab's name ("Harborlight Labs") and a verb the text never writes are no models
    ("HARBORLIGHT LABS SHIPS ITS SKIFF MODELS TO EVERYONE",
     "Harborlight Labs on Monday published Skiff, three models it has used in house since spring. Harborlight "
     "says Skiff 9B was trained on 4T tokens.", "Skiff 9B"),
    ("ALDERWICK INTELLIGENCE -- NOTES FROM THE LAB",
     "Brook 12B is out today. We trained it on 1,024 H100 GPUs hired from a cloud in Oslo, for five weeks.\n\nThanks "
     "to everyone at Alderwick.", "Brook 12B"),
])
def test_a_title_set_in_capitals_names_what_its_text_writes_as_a_model(extractor, title, text, model):
    assert {f[2] for f in facts(extractor, f"{title}\n\n{text}\n", title=title)} == {model}


@pytest.mark.parametrize("opening", [
    "We distil Heron-Max into Heron-Nano.",
    "Heron-Nano is distilled from Heron-Max, our largest model.",
    "With Heron-Max as the teacher, we train Heron-Nano.",
])
def test_the_student_and_the_teacher_are_the_models_a_distillation_names(extractor, opening):
    title = "Heron-Max and Heron-Nano: notes on distillation"
    text = (f"# {title}\n\n{opening}\n\n## The teacher\n\nTraining ran on 2,048 H100 GPUs.\n\n"
            "## Results\n\nThe student was trained on 1.5T tokens.\n")
    assert attributed(extractor, text, title) == [("chip_count", 2048, "Heron-Max"), ("tokens", 1.5e12, "Heron-Nano")]


def test_a_size_in_apposition_after_a_name_is_that_models(extractor):
    text = ("# Heron-Nano\n\nWe describe how Heron-Nano, a 3B-parameter model for phones, was distilled from "
            "Heron-Max, our 96B-parameter flagship.\n")
    assert attributed(extractor, text, "Heron-Nano") == [("params", 3e9, "Heron-Nano"), ("params", 96e9, "Heron-Max")]
    largest = text.replace("our 96B", "our largest 96B")
    assert attributed(extractor, largest, "Heron-Nano") == [("params", 3e9, "Heron-Nano"),
                                                            ("params", 96e9, "Heron-Max")]


@pytest.mark.parametrize("text", [
    "Today we release Tarn 14B, our first open model. It was trained on 512 H100 GPUs for three weeks.",
    "We are launching Tarn 14B, a dense model for long documents. It was trained on 512 H100 GPUs for three weeks.",
])
def test_a_plain_word_with_a_size_introduced_once_is_a_name(extractor, text):
    assert {f[2] for f in facts(extractor, text)} == {"Tarn 14B"}


def test_a_name_between_a_size_and_model_describes_an_architecture(extractor):
    text = ("# Wren-1.1B\n\nThe Wren project pretrains a 1.1B Llama model on 3 trillion tokens. It beats the 70B "
            "Llama 2.\n")
    assert attributed(extractor, text, "Wren-1.1B", role=True) == [("tokens", 3e12, "Wren", "subject"),
                                                                  ("params", 70e9, "Llama 2 70B", "cited")]


@pytest.mark.parametrize(("text", "expected"), [
    ("- **Training hardware:** a single node with 8 x H100 GPUs", [("chip_count", 8)]),  # the whole run's
    ("The cluster has 64 nodes, each node with 8 H100 GPUs.", []),  # what each node holds
    ("A single node has 8 H100 GPUs.", []),
])
def test_one_node_with_its_chips_is_the_run_each_node_is_a_make_up(extractor, text, expected):
    assert figures(extractor, f"We release Wren-7B. {text}", title="Wren") == expected


def test_they_after_a_sentence_naming_two_models_pairs_a_list_of_counts_in_order(extractor):
    text = ("# Wren 3.0\n\nWe release Wren-3.0-1B-A400M and Wren-3.0-3B-A800M, two MoE models. They are trained "
            "using 128 and 256 GPUs with ZeRO-1 sharding. In 2024, 512 GPUs ran the 8B model.\n")
    assert [f for f in attributed(extractor, text, "Wren 3.0") if f[0] == "chip_count"][:2] == [
        ("chip_count", 128, "Wren-3.0-1B-A400M"), ("chip_count", 256, "Wren-3.0-3B-A800M")]
    assert [f[1] for f in attributed(extractor, text, "Wren 3.0") if f[0] == "chip_count"] == [128, 256, 512]


@pytest.mark.parametrize("opening", [
    "Every one of them saw a long schedule: 0.5T, 1.5T and 3T tokens respectively, the largest with a cooldown.",
    "Each was trained on 0.5T, 1.5T and 3T tokens respectively, with the 3B model also distilled.",
])
def test_respectively_with_no_names_of_its_own_pairs_with_the_list_of_the_sentence_before(extractor, opening):
    text = f"# Pell\n\nWe publish Pell-300M, Pell-1B and Pell-3B, three small models for phones. {opening}\n"
    assert [f for f in attributed(extractor, text, "Pell") if f[0] == "tokens"] == [
        ("tokens", 0.5e12, "Pell-300M"), ("tokens", 1.5e12, "Pell-1B"), ("tokens", 3e12, "Pell-3B")]


@pytest.mark.parametrize("sentence", [
    "Budgets of 1T and 2T tokens went to Pell-1B and Pell-3B respectively.",
    "Pre-training used 1T and 2T tokens for the 1B and 3B models, respectively.",
])
def test_respectively_before_its_own_names_keeps_them(extractor, sentence):
    text = f"# Pell\n\nWe publish Pell-300M, Pell-1B and Pell-3B. {sentence}\n"
    assert [f for f in attributed(extractor, text, "Pell") if f[0] == "tokens"] == [
        ("tokens", 1e12, "Pell-1B"), ("tokens", 2e12, "Pell-3B")]


def test_sizes_of_figures_after_a_list_of_sizes_are_not_its_names(extractor):
    text = ("# Pell\n\nWe publish Pell-1B and Pell-3B. Sparse 1B and 3B MoE models, with 400M and 800M activated "
            "parameters respectively.\n")
    assert attributed(extractor, text, "Pell") == [
        ("params", 1e9, "Pell-1B"), ("params", 3e9, "Pell-3B"),
        ("active_params", 400e6, "Pell-1B"), ("active_params", 800e6, "Pell-3B")]


def test_a_size_names_the_member_of_the_line_that_extends_the_main_one_by_a_word(extractor):
    text = ("# Wren-4: a recurrent language model\n\nWren-4 is a recurrent language model.\n\n"
            "| Model | Layers | Params |\n|---|---|---|\n| Wren-4-Web-1B | 24 | 1B |\n| Wren-4-Web-14B | 40 | 14B |\n\n"
            "The 14B model, the largest one, processed 332B tokens on 64 A100 GPUs.\n")
    assert [f for f in attributed(extractor, text, "Wren-4: a recurrent language model") if f[0] != "params"] == [
        ("tokens", 332e9, "Wren-4-Web-14B"), ("chip_count", 64, "Wren-4-Web-14B")]


def test_a_lone_size_of_an_earlier_model_keeps_its_name(extractor):
    text = ("# Wren-4\n\nWren-4 is our new model. Its predecessor, Wren-3.5, kept the same 1.3B size but was "
            "trained on 150B tokens.\n")
    assert attributed(extractor, text, "Wren-4") == [("params", 1.3e9, "Wren-3.5"), ("tokens", 150e9, "Wren-3.5")]


def test_a_training_framework_named_beside_the_chips_is_no_model(extractor):
    text = "# Wren-4\n\nWren-4 is our model. The run used 512 TPU v4 chips, T5X on JAX, for 31 days.\n"
    assert attributed(extractor, text, "Wren-4") == [("chip_count", 512, "Wren-4"), ("duration_hours", 744, "Wren-4")]


def test_a_size_the_main_line_lacks_is_no_member_of_a_line_made_for_a_purpose(extractor):
    text = ("# Wren-5\n\nWe release Wren-5-Math-1.5B and Wren-5-Math-7B.\n\nThe sizes of Wren-5: 0.5B, 1.5B and 7B.\n")
    assert [f[2] for f in attributed(extractor, text, "Wren-5") if f[1] == 1.5e9][-1] == "Wren-5 1.5B"


def test_a_name_with_accented_letters_is_read_whole(extractor):
    text = ("# Tülu 9: open post-training\n\nWe release Tülu 9 8B and Tülu 9 405B, fine-tunes of Llama 3.1. For "
            "Tülu 9 405B we used 256 H100 GPUs in total.\n")
    assert attributed(extractor, text, "Tülu 9: open post-training") == [("chip_count", 256, "Tülu 9 405B")]


@pytest.mark.parametrize(("title", "body", "model", "role"), [
    # a plain word opening a phrase before a title's colon is a name where the text keeps writing it as one
    ("Kestrel report: our 2025 run", "We trained Kestrel on 2T tokens. Kestrel is open.", "Kestrel", "subject"),
    # ... and the first word of an English phrase where it does not: the table's models are the lab's own
    ("Environmental disclosure: training our models", "| Model | Tokens |\n|---|---|\n| Orca-2 7B | 2T |\n",
     "Orca-2 7B", "subject"),
])
def test_a_word_before_a_title_s_colon_names_a_model_only_where_the_text_writes_it_as_one(extractor, title, body,
                                                                                           model, role):
    assert attributed(extractor, f"# {title}\n\n{body}\n", title, role=True)[0][2:] == (model, role)


def test_a_title_opening_on_a_name_and_a_full_width_colon_names_the_subject(extractor):
    title = "Wren-V 2.6：把 GPT-4V 级别的能力装进手机"
    text = f"# {title}\n\n我们发布了 Wren-V 2.6。全部训练在 256 张 A800 GPU 上进行，历时约 9 天。\n"
    assert attributed(extractor, text, title) == [("chip_count", 256, "Wren-V 2.6"),
                                                  ("duration_hours", 216, "Wren-V 2.6")]


@pytest.mark.parametrize("label", ["Activated parameters per token", "Active params / token"])
def test_a_row_of_parameters_active_per_token_counts_active_parameters(extractor, label):
    text = f"| | Wren-K2 |\n|---|---|\n| Total parameters | 1T |\n| {label} | 32B |\n"
    assert figures(extractor, text, title="Wren-K2") == [("params", 1e12), ("active_params", 32e9)]


def test_the_main_line_with_one_more_tier_is_a_sibling_of_the_release(extractor):
    text = ("# Wren-Coder-V2 report\n\nWren-Coder-V2 is our new code model, in two sizes.\n\n"
            "| Hyperparameter | Wren-Coder-V2-Lite | Wren-Coder-V2 |\n|---|---|---|\n"
            "| Total parameters | 15.7B | 236B |\n")
    assert attributed(extractor, text, "Wren-Coder-V2 report", role=True) == [
        ("params", 15.7e9, "Wren-Coder-V2-Lite", "subject"), ("params", 236e9, "Wren-Coder-V2", "subject")]


@pytest.mark.parametrize(("text", "chip"), [("我们使用 2048 张昇腾 910B 训练 Wren-2。", "Ascend 910B"),
                                            ("Wren-2 was trained on 2048 Ascend 910B NPUs.", "Ascend 910B"),
                                            ("Wren-2 was trained on 2048 Ascend 910 NPUs.", "Ascend 910")])
def test_the_ascend_910b_is_named_apart_from_the_910(extractor, text, chip):
    assert {f[3] for f in facts(extractor, f"# Wren-2\n\n{text}\n", title="Wren-2") if f[0] == "hardware"} == {chip}


@pytest.mark.parametrize(("sentence", "model"), [
    ("For reference, our earlier Wren-2-mini had the same size and was trained on 3.3T tokens.", "Wren-2-mini"),
    ("Wren-2-1.8B, the previous generation, was trained on 2T tokens.", "Wren-2-1.8B"),
    ("Our earlier dense flagship, Wren-2-340B, was trained on 9T tokens.", "Wren-2-340B"),
    ("Our lab's previous model, Wren-2-6B, was trained on 9T tokens.", "Wren-2-6B"),
    ("Wren-2, a 16B-total MoE we released earlier this year, was trained on 9T tokens.", "Wren-2"),
    ("Wren-3 starts from Wren-2-7B, our previous release, which had been trained on 9T tokens.", "Wren-2-7B"),
    ("Our previous large run, Wren-2-6B in 2024, was trained on 9T tokens.", "Wren-2-6B"),
])
def test_an_earlier_model_the_lab_presents_as_its_own_keeps_its_figures(extractor, sentence, model):
    assert attributed(extractor, f"# Wren-3 report\n\n{sentence}\n", "Wren-3 report", role=True) == [
        ("tokens", pytest.approx(9e12) if "9T" in sentence else pytest.approx(3.3e12 if "3.3T" in sentence else 2e12),
         model, "subject")]


@pytest.mark.parametrize(("text", "expected"), [
    # an apposition dating the release by its month, a size with a decimal point inside it
    ("# Wren-3 report\n\n- Wren-2-11B, the 11.4-billion-parameter decoder we released in March.\n",
     [("params", 11.4e9, "Wren-2-11B", "subject")]),
    # "去年发布的 X" (X, which we released last year)
    ("# 鹭鸶-3 技术报告\n\n去年发布的鹭鸶-2 7B 是一个稠密模型，在 2.5 万亿 tokens 上预训练。\n",
     [("tokens", 2.5e12, "鹭鸶-2 7B", "subject")]),
])
def test_an_earlier_model_dated_as_the_labs_release_keeps_its_figures(extractor, text, expected):
    assert attributed(extractor, text, text.split("\n")[0][2:], role=True) == expected


def test_a_post_about_a_cluster_names_its_model_by_the_run_that_trained_it(extractor):
    text = ("# Ninety days on Tamsin\n\nTamsin is our training cluster; in spring we used it for the pre-training run "
            "of Wren-4. The main run lasted 61 days on 8,192 H200 GPUs.\n")
    assert attributed(extractor, text, "Ninety days on Tamsin") == [("duration_hours", 1464, "Wren-4"),
                                                                    ("chip_count", 8192, "Wren-4")]


def test_an_earlier_model_once_presented_keeps_its_figures_in_later_sentences(extractor):
    text = ("# Wren-3 report\n\nOur earlier Wren-2 series came out last spring. Wren-2 was trained on about 400B "
            "tokens. Llama 2 was trained on 2T tokens.\n")
    assert attributed(extractor, text, "Wren-3 report", role=True) == [
        ("tokens", 400e9, "Wren-2", "subject"), ("tokens", 2e12, "Llama 2", "cited")]


@pytest.mark.parametrize("text", ["Wren-5 saw 512B vision-language tokens.", "Wren-5 was trained on 512B image-text "
                                  "tokens.", "Wren-5 was tuned on 512B multimodal instruction tokens."])
def test_tokens_described_by_a_compound_word_are_trained_on(extractor, text):
    assert figures(extractor, text, title="Wren-5") == [("tokens", 512e9)]


def test_an_earlier_model_measured_against_stays_cited(extractor):
    text = ("# Wren-3 report\n\nOur previous model, Wren-2-7B, was trained on 2T tokens. Wren-3-8B outperforms the "
            "larger Wren-2-14B with its 14B parameters.\n")
    assert attributed(extractor, text, "Wren-3 report", role=True) == [
        ("tokens", 2e12, "Wren-2-7B", "subject"), ("params", 14e9, "Wren-2-14B", "cited")]


def test_a_reference_name_shaped_as_a_name_is_another_labs_model(extractor):
    text = ("# Wren-8 report\n\nWren-8 is trained on 2T tokens. LaMDA, at 137 billion parameters, was pre-trained on "
            "168 billion tokens of dialogue.\n")
    assert attributed(extractor, text, "Wren-8 report", role=True) == [
        ("tokens", 2e12, "Wren-8", "subject"), ("params", 137e9, "LaMDA", "cited"), ("tokens", 168e9, "LaMDA", "cited")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Wren-8 has sixteen experts of 3.8B parameters each and 6.6B active parameters.", [("active_params", 6.6e9)]),
    ("Wren-8 uses experts with 1.2B parameters each.", []),
    ("Wren-8-VL pairs the language model with a 400M-parameter vision encoder.", []),
    ("Wren-8-VL combines a 7B parameter language model with a 400M vision encoder.", [("params", 7e9)]),
    ("Wren-8 has 7B parameters, each stored in bf16.", [("params", 7e9)]),
])
def test_the_size_of_a_part_is_no_count_of_the_model(extractor, text, expected):
    assert figures(extractor, text, title="Wren-8") == expected


def test_a_size_in_apposition_to_an_unlisted_name_is_that_models(extractor):
    text = ("# Wren-8\n\nWren-8 is trained on 2T tokens. It is fifty times the size of Osprey, the "
            "2.6-billion-parameter chatbot of earlier work. In January, a 7B model of ours was trained on 3T tokens.\n")
    assert attributed(extractor, text, "Wren-8", role=True) == [("tokens", 2e12, "Wren-8", "subject"),
                                                                ("params", 2.6e9, "Osprey", "cited"),
                                                                ("tokens", 3e12, "Wren-8", "subject")]


def test_a_family_name_with_a_purpose_glued_on_in_capitals_is_own_and_it_made_from_it_is_the_subject(extractor):
    text = ("# Kestrel\n\nWe release Kestrel and KestrelBase. KestrelBase was trained on 1T tokens. Kestrel is a "
            "15.5B-parameter code model. It was obtained by taking KestrelBase and continuing its training on 35B "
            "tokens.\n")
    assert attributed(extractor, text, "Kestrel", role=True) == [
        ("tokens", 1e12, "KestrelBase", "subject"), ("params", 15.5e9, "Kestrel", "subject"),
        ("tokens", 35e9, "Kestrel", "subject")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Wren-9 beats Gopher 2, a mixture-of-experts model with 671B total parameters trained on 14.8T tokens.",
     [("params", 671e9, "Gopher 2", "cited"), ("tokens", 14.8e12, "Gopher 2", "cited")]),
    ("Compared with our first-generation Wren-1-7B, which saw 1T tokens in total, Wren-9 has twice the data.",
     [("tokens", 1e12, "Wren-1-7B", "subject")]),
    ("Our own previous release, Wren-1-33B, was trained from scratch on 2T tokens.",
     [("tokens", 2e12, "Wren-1-33B", "subject")]),
])
def test_an_apposition_or_clause_describes_the_name_it_follows(extractor, sentence, expected):
    assert attributed(extractor, f"# Wren-9 report\n\nWren-9 is our model. {sentence}\n", "Wren-9 report",
                      role=True) == expected


@pytest.mark.parametrize("text", ["In this test, we experiment on a single A100 GPU with Wren-7B.",
                                  "For Wren-7B, we experiment with LoRA on 4 A100 GPUs and report memory."])
def test_a_test_setup_names_no_training_hardware(extractor, text):
    assert figures(extractor, text, title="Wren-7B") == []


@pytest.mark.parametrize(("text", "expected"), [
    # a list of what a run used, and 训完 (finished training) as a word of training: "used 1,024 cards and 2.6T
    # tokens, and finished training in 41 days"
    ("去年的 Wren-7B 用 1,024 卡、2.6 万亿 tokens，历时 41 天训完。",
     [("chip_count", 1024), ("tokens", 2.6e12), ("duration_hours", 984)]),
    # cards per machine are no run's count: "| per machine | 8 cards |", "8 cards per server"
    ("| 项目 | 配置 |\n|---|---|\n| 单机 | 8 卡，全互联 |\n", []),
    ("Wren-7B 的训练使用 512 卡、每台服务器 8 卡。", [("chip_count", 512)]),
    ("我们在千卡 A800 显卡上训练了 Wren-7B。", [("chip_count", 1000)]),
    ("Wren-7B 的训练在万卡集群上进行。", [("chip_count", 10000)]),
    ("Wren-7B 使用 2048 卡 A100 集群训练。", [("chip_count", 2048)]),
    ("我们在 8 * Nvidia A100 80 GB + deepspeed 的环境下进行了全量微调测试。", []),  # a fine-tuning test
    ("在千卡规模下，Wren-7B 的吞吐约为每卡 1,050 tokens/秒。", []),  # a scale, not a run's count
])
def test_chinese_card_counts(extractor, text, expected):
    assert figures(extractor, text, title="Wren-7B") == expected


def test_a_run_from_an_intermediate_checkpoint_of_another_model_is_the_new_models(extractor):
    text = ("# Wren-V3\n\nWren-V3 is further pre-trained from an intermediate checkpoint of Wren-V2 with additional "
            "6 trillion tokens.\n")
    assert read_fields(extractor, text, "Wren-V3", "kind", "value", "model", "qualifier") == [
        ("tokens", 6e12, "Wren-V3", "")]


def test_a_name_only_measured_against_is_not_the_documents_model(extractor):
    text = ("# Training notes\n\nWe trained Wren-175B on 1024 A100s. Our loss is on track to match GPT-3. Compared "
            "with GPT-3, we use less data.\n\n## Comparison with GPT-3\n\nThe run took 33 days.\n")
    assert attributed(extractor, text, "Training notes", role=True) == [
        ("chip_count", 1024, "Wren-175B", "subject"), ("duration_hours", 792, "Wren-175B", "subject")]


@pytest.mark.parametrize(("text", "expected"), [
    ("我们发布了新一代开源模型 Wren-2，包含 7B、13B 尺寸。",
     [("params", 7e9, "Wren-2 7B"), ("params", 13e9, "Wren-2 13B")]),
    ("Wren-2 总参数量 389B，激活参数量 52B。", [("params", 389e9, "Wren-2"), ("active_params", 52e9, "Wren-2")]),
    ("当前亮相的 Wren-2（Wren-MoE-A52B）模型，拥有 3890 亿总参数和 520 亿激活参数。",
     [("params", 389e9, "Wren-2"), ("active_params", 52e9, "Wren-2")]),
])
def test_chinese_sizes_and_counts_and_a_name_in_parentheses(extractor, text, expected):
    assert attributed(extractor, f"# Wren-2 模型\n\n{text}\n", "Wren-2 模型") == expected


@pytest.mark.parametrize("text", ["A larger Wren-9 with about 40 billion parameters is in training.",
                                  "Two larger versions, of 40B parameters, are currently being trained.",
                                  "Wren-9 will be available in a 40B version as well.",
                                  "Wren-9 的 400 亿参数版本即将开源。"])
def test_a_model_still_in_training_or_yet_to_be_released_is_a_plan(extractor, text):
    assert read_fields(extractor, f"# Wren-9\n\n{text}\n", "Wren-9", "kind", "value", "qualifier") == [
        ("params", pytest.approx(40e9), "planned")]


@pytest.mark.parametrize(("text", "expected"), [
    # a footnote mark glued to a unit or a row label keeps the word's meaning, and its digit is no figure
    ("Wren-5 took about 41K H100-hours¹.", [("chip_hours", 41e3)]),
    ("Wren-5 took about 41K H100-hours[^3] to train.", [("chip_hours", 41e3)]),
    ("| | Wren-5 |\n|---|---|\n| Training tokens² | 6T |", [("tokens", 6e12)]),
    ("| Model | Training time (days) |\n|---|---|\n| Wren-5 | 12[^2] |", [("duration_hours", 288)]),
])
def test_footnote_marks(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


@pytest.mark.parametrize("text", [
    "Wren-5 ran on 40 servers, each carrying eight H100 GPUs, for 320 GPUs in total.",
    "Wren-5 ran on 40 servers, each with eight H100 GPUs (320 GPUs altogether).",
])
def test_a_total_said_after_the_node_make_up_is_the_runs_count(extractor, text):
    assert figures(extractor, text, "Wren-5") == [("chip_count", 320)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Wren-5 总参数 4100 亿，激活参数 230 亿。", [("params", 410e9), ("active_params", 23e9)]),
    ("Wren-5 的训练累计约 260 万卡时。", [("chip_hours", 2.6e6)]),
    ("| Model | Params | Tokens |\n|---|---|---|\n| Wren-5 | 410B / 23B | 9T |",
     [("params", 410e9), ("active_params", 23e9), ("tokens", 9e12)]),
])
def test_totals_over_active_counts_and_card_hours(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # key-value lines a PDF ran together: a capitalised word after a duration starts the next line
    ("Hardware: 128 A100 GPUs Wall-clock time: 19 days After a restart the run went smoothly.",
     [("chip_count", 128), ("duration_hours", 456)]),
    # one node of eight is the whole run's count; eight nodes of eight is a node's make-up
    ("Wren-5-Chat was tuned in 6 hours on a single node of 8 H100 GPUs.",
     [("duration_hours", 6), ("chip_count", 8)]),
    ("Wren-5 was trained on 32 nodes of 8 H100 GPUs.", []),
])
def test_run_together_lines_and_nodes(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


def test_a_lower_case_repository_name_of_another_lab_is_cited(extractor):
    text = "# Wren-5\n\n与 pelican-lm-20b（总参数 210 亿）等模型相比，Wren-5 是稠密模型。\n"
    assert attributed(extractor, text, "Wren-5", role=True) == [("params", 21e9, "pelican-lm-20b", "cited")]


def test_a_total_and_active_count_joined_by_hyphens(extractor):
    text = "Wren-5, a 24B-total / 4B-activated MoE released in spring, was trained on 6T tokens."
    assert figures(extractor, text, "Wren-5") == [("params", 24e9), ("active_params", 4e9), ("tokens", 6e12)]


def test_a_list_under_a_lead_in_naming_a_model_is_about_that_model(extractor):
    text = ("# Wren-5\n\nWren-5 comes as Wren-5-7B and the chat model WrenChat-5-7B.\n\n## Chat model\n\n"
            "For the chat model WrenChat-5-7B:\n\n- Tuning data: about 600M tokens of instructions\n"
            "- Training time: about 20 hours on 64 A800 GPUs\n")
    assert attributed(extractor, text, "Wren-5") == [("tokens", 6e8, "WrenChat-5-7B"),
                                                     ("duration_hours", 20, "WrenChat-5-7B"),
                                                     ("chip_count", 64, "WrenChat-5-7B")]


def test_a_rank_among_the_members_with_a_fine_tune_of_that_purpose(extractor):
    text = ("# Wren-5\n\nWren-5 comes in 2B, 7B and 40B sizes; the 2B and 7B are also released as Wren-5-2B-Instruct "
            "and Wren-5-7B-Instruct. The larger instruct model was tuned for two epochs on about 0.6B tokens.\n")
    assert read_fields(extractor, text, "Wren-5", "kind", "value", "model", "model_mention")[-1] == (
        "tokens", pytest.approx(0.6e9), "Wren-5-7B", "Wren-5-7B-Instruct")


def test_a_chip_count_column_headed_by_a_peak(extractor):
    text = "| Run | GPU type | Peak GPUs |\n|---|---|---|\n| Wren-5-8B | H100 | 1,024 |\n"
    assert figures(extractor, text, "Wren-5") == [("chip_count", 1024)]


@pytest.mark.parametrize(("text", "expected"), [
    # an exact count is written out without a scale
    ("- **Size:** 2,137,821,184 parameters", [("params", 2137821184)]),
    ("Wren-5 has 6,912,004,096 parameters.", [("params", 6912004096)]),
    # Chinese: about 1B parameters, and a model size given as a label
    ("我们用 1T token 的数据预训练了一个 1B 左右参数量的模型。", [("tokens", 1e12), ("params", 1e9)]),
    ("模型修改完成后，模型大小1.12B。", [("params", 1.12e9)]),
])
def test_exact_counts_and_chinese_sizes(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


def test_a_model_derived_from_another_is_what_the_sentence_is_about(extractor):
    text = ("# Wren-5\n\nWe release Wren-5-7B. This model, a derivation of Llama 2, has undergone continual "
            "pre-training on about 9 billion tokens over 12 hours with 32 A800 GPUs.\n")
    assert attributed(extractor, text, "Wren-5", role=True) == [
        ("tokens", 9e9, "Wren-5-7B", "subject"), ("duration_hours", 12, "Wren-5-7B", "subject"),
        ("chip_count", 32, "Wren-5-7B", "subject")]


def test_rows_labelled_by_tokens_processed_are_points_in_the_run_and_kg_units(extractor):
    text = ("| Processed Tokens | Energy (kWh) | Emissions (KgCO2eq) |\n|---|---|---|\n"
            "| 4.2B | 50.1 | 17.5 |\n")
    assert attributed(extractor, text, "Wren-5") == [("tokens", 4.2e9, "Wren-5"), ("energy_kwh", 50.1, "Wren-5"),
                                                     ("emissions_tco2e", 0.0175, "Wren-5")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In the case of our 460m parameter model, we trained past the optimal point.", [("params", 4.6e8)]),
    ("The cable is 5m long.", []),
    ("- SlimPajama, a 627 billion token dataset of web text.", [("dataset_tokens", 627e9)]),
    ("Wren-5 was trained on a 2T token corpus of web text.", [("tokens", 2e12)]),
])
def test_a_lower_case_million_before_parameters_and_a_token_dataset(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Wren-5 ran on a 512-GPU cluster for 20 days.", [("chip_count", 512), ("duration_hours", 480)]),
    ("Wren-5 was trained on a 1,024-GPU partition of the cluster.", [("chip_count", 1024)]),
    ("Wren-5 was trained on 64 8-GPU nodes.", []),  # a node's make-up
])
def test_a_count_joined_to_its_chip_word(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("GPU hours: 1.1M (H100)", [("chip_hours", 1.1e6)]),
    ("TPU-hours = 240,000", [("chip_hours", 240000)]),
    ("GPUs: 512", [("chip_count", 512)]),
])
def test_a_card_key_of_chip_hours(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Training Wren-5 emitted about 41 metric tons of carbon dioxide equivalent.", [("emissions_tco2e", 41)]),
    ("This corresponds to roughly 12 metric tons of CO2-equivalent emissions.", [("emissions_tco2e", 12)]),
    ("The grid emits 0.4 kg of carbon dioxide per kWh.", []),
    ("Wren-5 accounts for 420 tons of location-based greenhouse gas emissions.", [("emissions_tco2e", 420)]),
    ("Location-based emissions for Wren-5 came to 8,930 tons.", [("emissions_tco2e", 8930)]),
    ("Emissions of the Wren-5 run were about 1,200 tonnes.", [("emissions_tco2e", 1200)]),
    ("Emissions were cut by 30 tons at the new site.", []),  # a saving, no label joined to the mass
    ("Wren-5's emissions of 5 tons per day were measured.", []),  # a rate
    ("We aim to keep the emissions of Wren-5 at about 500 tons.", []),  # a target
    ("The new site cut emissions to 50 tons.", []),
])
def test_emissions_in_words(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


def test_a_size_in_the_next_clause_names_that_clauses_model(extractor):
    text = ("# Wren-5\n\nWren-5 comes in 2B and 13B sizes. Each model was trained on 1.4T tokens; the 13B took 21 days "
            "on 1,024 A100 GPUs.\n")
    assert attributed(extractor, text, "Wren-5")[2:] == [("tokens", 1.4e12, "Wren-5"),
                                                         ("duration_hours", 504, "Wren-5 13B"),
                                                         ("chip_count", 1024, "Wren-5 13B")]


@pytest.mark.parametrize(("text", "expected"), [
    ("基础模型采用 3.4 万亿 Tokens 的高质量语料库训练。", [("tokens", 3.4e12)]),
    ("我们对基础模型进行监督式微调，额外使用40B令牌和我们收集的数据集。", [("tokens", 40e9)]),
    ("去重后的语料库规模约 5 万亿 tokens。", [("dataset_tokens", 5e12)]),
])
def test_chinese_corpora_trained_on_and_token_translated(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


def test_a_name_like_row_label_in_a_comparison_table_is_another_model(extractor):
    text = ("# Wren-5\n\nWren-5 is a 0.5B model.\n\n| Model | Params | ARC |\n|---|---|---|\n"
            "| Lamini-GPT-LM | 0.59B | 40.7 |\n| Wren-5 | 0.5B | 52.5 |\n")
    assert attributed(extractor, text, "Wren-5", role=True) == [
        ("params", 5e8, "Wren-5", "subject"), ("params", 5.9e8, "Lamini-GPT-LM", "cited"),
        ("params", 5e8, "Wren-5", "subject")]


def test_rows_labelled_by_a_repository_are_its_models_whole_name(extractor):
    text = ("# Japanese models\n\nWe release Wren-GPT models.\n\n| Model | Params | Training time |\n|---|---|---|\n"
            "| wrenlab/japanese-gpt2-medium | 336M | 45 days |\n| wrenlab/japanese-gpt2-small | 110M | 15 days |\n"
            "| otherlab/Kestrel-6B | 6.0B | 9 days |\n")
    medium, small = "japanese-gpt2-medium", "japanese-gpt2-small"
    assert attributed(extractor, text, "Japanese models", role=True) == [
        ("params", 3.36e8, medium, "subject"), ("duration_hours", 1080, medium, "subject"),
        ("params", 1.1e8, small, "subject"), ("duration_hours", 360, small, "subject"),
        ("params", 6e9, "Kestrel-6B", "cited"), ("duration_hours", 216, "Kestrel-6B", "cited")]


def test_a_quoted_nickname_between_a_size_and_its_noun_and_other_models_named_after_it(extractor):
    text = ("# Wren-5\n\nWren-5 comes in 0.5B and 1.2B sizes. Our 1.2B \"large-base\" model pre-trained on 1.2T tokens "
            "beats both the recent Kestrel-1.1B and Pelican-1.3B, which were trained on 3T tokens.\n")
    assert attributed(extractor, text, "Wren-5", role=True)[-2:] == [("tokens", 1.2e12, "Wren-5 1.2B", "subject"),
                                                                     ("tokens", 3e12, "Pelican-1.3B", "cited")]


def test_a_row_labelled_by_its_size_names_its_model_in_another_cell(extractor):
    text = ("| Size | Model | Context |\n|---|---|---|\n| 7B | Wren-5-7B-Chat-4K | 4K |\n"
            "| 325M | Wren-5-search | - |\n")
    assert read_fields(extractor, f"# Wren-5\n\nWren-5 is a 7B model.\n\n{text}", "Wren-5", "value", "model_mention")[
        1:] == [(7e9, "Wren-5-7B-Chat-4K"), (3.25e8, "Wren-5-search")]


def test_chip_count_ranges_give_both_ends_and_a_platform_word_may_stand_before_the_chip(extractor):
    got = figures(extractor, "Pre-training Wren-5 takes about five days on 8 to 32 Cloud TPUs.", "Wren-5")
    assert got == [("duration_hours", 120), ("chip_count", 8), ("chip_count", 32)]
    got = figures(extractor, "Wren-5 was trained on between 512 and 1024 H100 GPUs.", "Wren-5")
    assert got == [("chip_count", 512), ("chip_count", 1024)]


@pytest.mark.parametrize(("text", "expected"), [
    # 标识符 ("identifier") is a word for tokens, after the languages it covers
    ("Wren-5 经过约 2T 标识符的中英双语训练。", [("tokens", 2e12)]),
    ("Wren-5 经过了 2.2T 中英标识符的预训练。", [("tokens", 2.2e12)]),
    ("Wren-5-Coder 进一步经过了 300B 代码数据预训练。", [("tokens", 3e11)]),  # data and training joined
    ("整个语料含有12种语言、总计2000亿个标识符。", [("dataset_tokens", 2e11)]),  # what a corpus holds
    ("使用新的训练框架，Wren-5 单日训练量可达到30B个标识符。", []),  # a day's throughput
    ("Wren-5 历时三个月在代码语料上预训练得到。", [("duration_hours", 2190)]),  # a duration in Chinese numerals
    ("Wren-5 训练了两周。", [("duration_hours", 336)]),
    ("Wren-5 发布两个月后，我们开始训练下一代模型。", []),  # two months after: a point in time
])
def test_chinese_token_words_corpora_rates_and_durations_in_numerals(extractor, text, expected):
    assert figures(extractor, text, "Wren-5") == expected


def test_a_name_modifying_a_noun_with_de_is_not_the_subject(extractor):
    text = "Wren-5 使用了 Kestrel 的目标函数，经过了 1.2T 中英标识符的预训练。"
    assert attributed(extractor, text, "Wren-5") == [("tokens", 1.2e12, "Wren-5")]


def test_sizes_listed_with_slashes_share_the_magnitude_written_at_the_end(extractor):
    got = figures(extractor, "We release four Wren-5 models of 0.5/3/9/40B parameters.", "Wren-5")
    assert got == [("params", 5e8), ("params", 3e9), ("params", 9e9), ("params", 4e10)]
    assert figures(extractor, "Wren-5 was trained on 2024/05/13 with 1T tokens.", "Wren-5") == [("tokens", 1e12)]


def test_a_size_after_several_adjectives_and_in_the_object_of_a_release(extractor):
    assert figures(extractor, "With Wren-5, we contribute a new competitive fully open 4B model.",
                   "Wren-5") == [("params", 4e9)]
    assert figures(extractor, "Wren-5 is a fully open 4B model.", "Wren-5") == [("params", 4e9)]


@pytest.mark.parametrize("text", [
    "- Stage 3: Decay phase (9T → 11T tokens) We add more synthetic data.",  # a phase between two points
    "By the end of 40 billion tokens of training, the loss gap shrinks to 0.01.",  # a point the run reaches
    "Our tuned model beats the strongest Wren-13B (3T) backbone.",  # a checkpoint tag, not a second size
    "Wren-5 is small yet matches the performance of state-of-the-art 7B models like Kestrel-7B.",
])
def test_progress_points_checkpoint_tags_and_sizes_matched_against(extractor, text):
    assert figures(extractor, text, "Wren-5") == []


def test_a_rank_may_name_the_kind_of_model(extractor):
    text = ("We release Wren 3.0 models: Wren-3.0-2B, Wren-3.0-8B and Wren-3.0-1B-A400M.\n\nOur largest dense model "
            "has 8 billion parameters, and our smallest MoE model has an activated parameter count of 400 million.")
    assert attributed(extractor, text, "Wren 3.0")[-2:] == [("params", 8e9, "Wren-3.0-8B"),
                                                             ("active_params", 4e8, "Wren-3.0-1B-A400M")]


def test_a_model_trained_as_a_tool_is_not_introduced(extractor):
    text = ("# Wren 3.0\n\nWe present Wren 3.0, a family of open models.\n\nWe trained a Kestrel-2-7B reward model "
            "on the preference data.\n\n| Benchmark | Wren-3.0 | Kestrel-2 |\n|---|---|---|\n"
            "| Parameters | 8B | 7B |\n")
    # (another lab's column is no figure of the document's: a name it does not know is left out)
    assert attributed(extractor, text, "Wren 3.0", role=True) == [("params", 8e9, "Wren-3.0", "subject")]


def test_a_chinese_release_introduces_its_model(extractor):
    text = ("**[2023/07/25]** 发布 [Wren-Coder](https://example.org/wren-coder) ，基于 Wren-6B 的代码生成模型：\n\n"
            "* **更强的代码能力**：Wren-Coder-6B 进一步经过了 600B 代码数据预训练。\n")
    assert attributed(extractor, f"# Wren\n\n{text}", "Wren", role=True) == [("tokens", 6e11, "Wren-Coder-6B",
                                                                               "subject")]


def test_a_name_glued_to_its_verb_in_a_pdf_and_sizes_of_typical_models(extractor):
    assert attributed(extractor, "Given that Wren-SALAis a 9B-parameter model, we chose baselines of that size.",
                      "Wren-SALA") == [("params", 9e9, "Wren-SALA")]
    assert figures(extractor, "For a typical 8B-parameter model, long contexts cost much memory.", "Wren-SALA") == []
    assert figures(extractor, "It reaches 1M tokens, where traditional full-attention 8B models fail.", "Wren") == []
    assert figures(extractor, "Wren-SALA is a standard 9B model.", "Wren-SALA") == [("params", 9e9)]


def test_a_row_without_a_label_continues_a_size_row_only_in_sizes(extractor):
    text = ("| Models |  | Kestrel-3 | Wren-SALA |\n| # Param. |  | 8B | 9B |\n|  | 64K | 80.53 | 92.65 |\n"
            "|  | 128K | 71.74 | 89.37 |\n")
    assert figures(extractor, text, "Wren-SALA") == [("params", 9e9)]


def test_a_list_item_labelled_by_a_name_and_its_qualifiers_names_that_model(extractor):
    text = ("The following models are available:\n\n*   Wren-Base, Uncased:\n    12-layer, 110M parameters\n"
            "*   Wren-Large, Cased (Whole Word Masking):\n    24-layer, 1024-hidden, 340M parameters\n"
            "*   Wren-Base, Multilingual Cased (New, recommended):\n    104 languages, 12-layer, 110M parameters\n"
            "*   Wren-Base, Chinese:\n    Chinese Simplified and Traditional, 12-layer, 768-hidden, 110M\n"
            "    parameters\n- Wren-7B, trained on 2T tokens: our first release.\n")
    assert attributed(extractor, text, "Wren") == [
        ("params", 1.1e8, "Wren-Base, Uncased"), ("params", 3.4e8, "Wren-Large, Cased (Whole Word Masking)"),
        ("params", 1.1e8, "Wren-Base, Multilingual Cased"), ("params", 1.1e8, "Wren-Base, Chinese"),
        ("tokens", 2e12, "Wren-7B")]


@pytest.mark.parametrize("text", [
    "## Running on Huawei Ascend",  # a heading names what its section is about
    "* 2022-09-30: 我们开源了跨平台代码和模型权重，同时支持昇腾和英伟达平台。",  # platforms a release supports
    "If you are pre-training from scratch, our recommended recipe is to pre-train Wren-Base on a single Cloud TPU v2, "
    "which takes about 2 weeks.",  # advice for the reader's own run
    "Every result of the fine-tuning study can be reproduced in under 2 hours on a single Cloud TPU.",  # the reader's
])
def test_platforms_headings_and_advice_are_no_hardware_facts(extractor, text):
    assert facts(extractor, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a total broken down by size in parentheses: each part is its size's, of the total's kind
    ("They were trained with a total of 5.2M GPU hours (0.4M for 3B, 1.1M for 9B, 3.7M for 40B).",
     [("chip_hours", 5.2e6, "Wren"), ("chip_hours", 0.4e6, "Wren 3B"), ("chip_hours", 1.1e6, "Wren 9B"),
      ("chip_hours", 3.7e6, "Wren 40B")]),
    ("The models saw 4T tokens in all (2T for the 3B and 4T for the 40B).",
     [("tokens", 4e12, "Wren"), ("tokens", 2e12, "Wren 3B"), ("tokens", 4e12, "Wren 40B")]),
    # a figure stated for another model after its unit is that model's
    ("Wren 40B needed 1.2M GPU hours, against 2.1M GPU hours for Llama 2 70B.",
     [("chip_hours", 1.2e6, "Wren 40B"), ("chip_hours", 2.1e6, "Llama 2 70B")]),
    # figures set against each other pair with the names before them, in order
    ("Wren 40B took about half the compute of Llama 65B (2800 vs 6300 petaflop/s-days).",
     [("flop", 2800 * 8.64e19, "Wren 40B"), ("flop", 6300 * 8.64e19, "Llama 65B")]),
])
def test_a_total_broken_down_by_size_and_figures_stated_for_or_set_against_a_named_model(extractor, text, expected):
    text = f"# Wren\n\nWe release Wren 3B, Wren 9B and Wren 40B.\n\n{text}\n"
    assert attributed(extractor, text, "Wren") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # sizes a document lists are members a later sentence names by rank
    ("Our smaller model used 1.3M GPU hours.", [("chip_hours", 1.3e6, "Wren 2 8B")]),
    # a comparison that opens the sentence names no subject of it
    ("Like Llama 2, the models were pretrained on 2T tokens.", [("tokens", 2e12, "Wren 2")]),
    # a context length before the data trained on
    ("Unlike Mistral 7B, which used a sliding window, Wren 2 8B was trained with an 8K context on 15T tokens.",
     [("tokens", 15e12, "Wren 2 8B")]),
])
def test_a_member_named_by_rank_a_fronted_comparison_and_a_context_before_the_data(extractor, text, expected):
    text = f"# Wren 2\n\nWe introduce Wren 2, a family of models in 8B and 70B sizes. {text}\n"
    assert attributed(extractor, text, "Wren 2")[2:] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a size before 模型 names that member; a name glued to the Chinese word before it is a name
    ("其中 13B 模型在 2.6 万亿 tokens 上训练，7B 模型在 2 万亿 tokens 上训练。",
     [("tokens", 2.6e12, "Wren-13B"), ("tokens", 2e12, "Wren-7B")]),
    # the smaller of the two, in Chinese
    ("较小的模型训练耗时 10 天。", [("duration_hours", 240, "Wren-7B")]),
])
def test_chinese_members_named_by_size_or_rank(extractor, text, expected):
    text = f"# Wren\n\n我们发布了Wren-7B 和Wren-13B 两个模型。{text}\n"
    assert attributed(extractor, text, "Wren") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # each size a sentence on the sizes offered states is a member, and a lab after "trained by" is no model
    ("Wren-2 offers three model sizes: a 3 billion-parameter model trained by Acme, a 7 billion-parameter model "
     "trained by Hugging Face, and a 15 billion-parameter model trained by NVIDIA.",
     [("params", 3e9, "Wren-2 3B"), ("params", 7e9, "Wren-2 7B"), ("params", 15e9, "Wren-2 15B")]),
    # sizes listed before an architecture's name are the document's own models built like it
    ("With this code we trained two models: a 110M and 1.5B parameter GPT-2 model.",
     [("params", 110e6, "Wren-2 110M"), ("params", 1.5e9, "Wren-2 1.5B")]),
])
def test_sizes_offered_and_sizes_before_an_architecture_are_the_documents_members(extractor, text, expected):
    assert attributed(extractor, f"# Wren-2\n\nWe release Wren-2.\n\n{text}\n", "Wren-2") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a figure or a name in bold is read through its asterisks; a Chinese count of tokens given as an amount
    ("Wren-2 was trained on **2.6 trillion** tokens.", [("tokens", 2.6e12, "Wren-2", "subject")]),
    ("Wren-2 was trained on *11.2 trillion* high-quality tokens.", [("tokens", 11.2e12, "Wren-2", "subject")]),
    ("发布 **Wren-3** 底座模型，训练总 token 量达到 **3.2** 万亿；", [("tokens", 3.2e12, "Wren-3", "subject")]),
    # a release announced with the word for model before its name is the lab's own
    ("我们发布了新一代开源模型 Wren-3，包含 7B、13B 尺寸。",
     [("params", 7e9, "Wren-3 7B", "subject"), ("params", 13e9, "Wren-3 13B", "subject")]),
])
def test_emphasis_a_chinese_token_amount_and_a_chinese_release(extractor, text, expected):
    assert attributed(extractor, f"# Wren-2\n\nWe release Wren-2.\n\n{text}\n", "Wren-2", role=True) == expected


def test_a_title_naming_a_letter_and_number_model_and_a_model_it_outperforms(extractor):
    # the model a title measures against is not the document's; a letter and a number opening the title are a name
    text = ("# K7: an open model outperforming Llama 2 70B with less compute\n\nK7 was built by Acme.\n\n"
            "* 65 billion parameter LLM\n* Tokens: 1.4T\n")
    result = extractor.read(Document("d", "d.md", "markdown", text,
                                     title="K7: an open model outperforming Llama 2 70B with less compute"))
    assert result.inventory.main == "K7"
    assert [(f.kind, f.value, f.model) for f in result.facts] == [("params", 65e9, "K7"), ("tokens", 1.4e12, "K7")]


@pytest.mark.parametrize("text", [
    "We used 32 A100s and spent 14 days training a billion-level BERT on a Chinese corpus.",
    "我们使用了32张A100，总共耗时14天训练了十亿级别参数量的BERT。",
])
def test_a_model_built_like_a_known_one_is_the_documents(extractor, text):
    got = attributed(extractor, f"# Wren-BERT-1.3B\n\nWe release Wren-BERT-1.3B.\n\n{text}\n", "Wren-BERT-1.3B")
    assert got == [("chip_count", 32, "Wren-BERT-1.3B"), ("duration_hours", 336, "Wren-BERT-1.3B")]


def test_a_row_labelled_by_its_size_that_names_its_model_is_that_models(extractor):
    text = ("# Wren\n\nWe release Wren-7B, Wren-7B-Chat and Wren-1B.\n\n| Size | Model |\n|---|---|\n"
            "| 7B | Wren-7B-Chat |\n| 1B | Wren-1B |\n")
    got = extractor.extract(Document("d", "d.md", "markdown", text, title="Wren"))
    # (a fine-tune's facts are filed under its base and shown under its own row: estimate.variants.variant_row_of)
    assert [(f.kind, f.value, f.model, f.model_mention) for f in got] == [
        ("params", 7e9, "Wren-7B", "Wren-7B-Chat"), ("params", 1e9, "Wren-1B", "Wren-1B")]


def test_a_figure_stated_for_a_list_of_own_models_is_each_ones(extractor):
    text = "We release Wren-3B, Wren-7B and Wren-13B.\n\nWren-3B, Wren-7B and Wren-13B were trained on 1T tokens."
    assert attributed(extractor, text, "Wren")[-3:] == [("tokens", 1e12, "Wren-3B"), ("tokens", 1e12, "Wren-7B"),
                                                        ("tokens", 1e12, "Wren-13B")]
    text = "We release Wren models.\n\nThe 3B and 7B models were trained on 1T tokens of web data."
    assert attributed(extractor, text, "Wren")[-2:] == [("tokens", 1e12, "Wren 3B"), ("tokens", 1e12, "Wren 7B")]
    # names in lower case, another lab's baseline among them, and what the list is measured against
    text = ("# Wren\n\nWren comes in 130M and 370M sizes.\n\nWe upload wren-130m, wren-370m, kestrel-370m, trained "
            "on 300B tokens.\n\nCompared to 130M and 370M models, Wren-1B was trained on 2T tokens.")
    assert [(f[1], f[2]) for f in facts(extractor, text, "Wren") if f[0] == "tokens"] == [
        (3e11, "wren-130m"), (3e11, "wren-370m"), (2e12, "Wren-1B")]


def test_rows_labelled_by_a_size_in_words_are_the_members_of_that_name(extractor):
    text = ("The WREN models are trained on a scientific corpus.\n\n| Size | Parameters |\n|---|---|\n"
            "| mini | 125 M |\n| huge | 120 B |\n")
    assert attributed(extractor, f"# Model Card: WREN\n\n{text}", "Model Card: WREN", role=True) == [
        ("params", 1.25e8, "WREN mini", "subject"), ("params", 1.2e11, "WREN huge", "subject")]


@pytest.mark.parametrize(("text", "expected"), [
    ("- Total FLOPS: 3.4 x 10e21", [("flop", 3.4e21)]),  # "10e21" written for 10^21
    ("Wren-MoE 的实际参数量约为46.7B，在推理时激活的参数量约为13B。", [("params", 4.67e10), ("active_params", 1.3e10)]),
    ("| 模型大小 | 8x7B（实际激活约13B） |", [("active_params", 1.3e10)]),  # actually activates about 13B
    ("Install the Ascend PyTorch Adapter.", []),  # a set-up step for the reader
    ("> - 生成速度：提供了NVIDIA A100（40G）的生成速度（单位ms/token）", []),  # generation speed: inference
])
def test_powers_of_ten_in_e_notation_chinese_counts_and_set_up_steps(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


def test_a_row_labelled_by_its_size_names_its_model_by_the_repository_it_holds(extractor):
    text = ("We release Wren chat models.\n\n| Size | Chat Command | Hugging Face Repo |\n| --- | --- | --- |\n"
            "| 7B | `run --model-path kestrellab/kestrel-7b-v1.5` | kestrellab/kestrel-7b-v1.5 |\n"
            "| 13B | `run --model-path kestrellab/kestrel-13b-v1.5` | kestrellab/kestrel-13b-v1.5 |\n")
    assert attributed(extractor, f"# Wren\n\n{text}", "Wren", role=True) == [
        ("params", 7e9, "kestrel-7b", "subject"), ("params", 1.3e10, "kestrel-13b", "subject")]  # release tag off


def test_the_model_a_command_fine_tunes_is_the_base_of_the_documents_fine_tune(extractor):
    text = ("# Wren: an instruction-following model\n\nWe release Wren, an instruction-following model.\n\n"
            "Below is a command that fine-tunes Kestrel-7B with our dataset on a machine with 4 A100 80G GPUs.\n")
    assert attributed(extractor, text, "Wren: an instruction-following model") == [("chip_count", 4, "Wren")]


def test_the_models_of_a_slash_list_of_sizes_and_a_class_bounded_at_a_size(extractor):
    text = ("We release Wren2.5-0.5B, Wren2.5-1.5B, Wren2.5-7B and Wren2.5-72B.\n\nWren2.5 continues to open source "
            "the four models of 0.5/1.5/7/72B of the same size as Wren2.\n")
    assert attributed(extractor, f"# Wren2.5\n\n{text}", "Wren2.5")[-4:] == [
        ("params", 5e8, "Wren2.5-0.5B"), ("params", 1.5e9, "Wren2.5-1.5B"), ("params", 7e9, "Wren2.5-7B"),
        ("params", 7.2e10, "Wren2.5-72B")]
    assert figures(extractor, "Models of 1B and larger keep 95% of the accuracy.", "Wren") == []
    assert figures(extractor, "We compare with models of 7B and 13B on all tasks.", "Wren") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("It consists of 1.3T tokens of educational web pages filtered from a web crawl.", [("dataset_tokens", 1.3e12)]),
    ("The corpus comprises 600B tokens of code.", [("dataset_tokens", 6e11)]),
    # a corpus's parts, each sized in parentheses; a stage of the run, or a model, is no part of a corpus
    ("- Python-Edu: educational Python samples from a code corpus (4B tokens)", [("dataset_tokens", 4e9)]),
    ("- Stage 2: Stable phase (8T tokens) with more code data", [("tokens", 8e12)]),
    ("Wren was trained on 2T tokens; the mixture consists of web and code.", [("tokens", 2e12)]),
])
def test_what_a_corpus_consists_of_and_its_parts_are_no_training_tokens(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a fine-tune has its base's parameters: the size written before the base is the document's model's
    ("The current Kestrel model is fine-tuned from a 7B LLaMA model on 52K instructions.",
     [("params", 7e9, "Kestrel 7B", "subject")]),
    ("Kestrel was initialised from the 7B Mistral checkpoint and trained on 2B tokens.",
     [("params", 7e9, "Kestrel 7B", "subject"), ("tokens", 2e9, "Kestrel", "subject")]),
    # "在 X 模型基础上" (on the basis of the X model): a base the cue closes after its name
    ("因此我们能够在8天的时间里在原生的LLaMA-13B模型基础上，增量训练110B tokens的数据。",
     [("duration_hours", 192, "Kestrel", "subject"), ("tokens", 1.1e11, "Kestrel", "subject")]),
])
def test_a_fine_tune_takes_its_bases_size_and_not_its_name(extractor, text, expected):
    assert attributed(extractor, f"# Kestrel\n\n{text}", "Kestrel", role=True) == expected


def test_a_plain_word_a_sentence_introduces_is_the_documents_model(extractor):
    text = ("# Kestrel chat models\n\nKestrel is our chat model family, fine-tuned from Llama 2. Kestrel answers "
            "in English.\n\n| Size | Repo |\n|---|---|\n| 7B | acme/kestrel-7b |\n| 7B-16k | acme/kestrel-7b-16k |\n"
            "| 13B-32K | acme/kestrel-13b-32k |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kestrel chat models"))
    assert result.inventory.main == "Kestrel"
    # a size label with a longer context ("7B-16k") is the size of its row's model, the repository's
    assert [(f.kind, f.value, f.model) for f in result.facts] == [
        ("params", 7e9, "kestrel-7b"), ("params", 7e9, "kestrel-7b"), ("params", 1.3e10, "kestrel-13b")]


def test_a_row_named_base_in_a_table_of_sizes_in_words_is_a_member(extractor):
    text = ("# Heron\n\nHeron is a family of science models.\n\n| Size | Parameters |\n|:--|:--:|\n| `mini` | 125 M |\n"
            "| `base` | 1.3 B |\n| `huge` | 120 B |\n")
    assert attributed(extractor, text, "Heron") == [
        ("params", 1.25e8, "Heron mini"), ("params", 1.3e9, "Heron base"), ("params", 1.2e11, "Heron huge")]


@pytest.mark.parametrize(("text", "expected"), [
    # a section on running the model, and a list led by an inference line, hold what running it takes
    ("### Required Hardware\n\nBF16 Inference:\n- 8x H200 (1x H200 node)\n- 16x H100 (2x H100 nodes)\n", []),
    ("Deployment options:\n- 4x A100 80GB\n- 2x H100\n\nThe model was pretrained on 512 TPU v4 chips.\n",
     [("chip_count", 512)]),
    ("## Inference\n\nOne H100 serves 40 requests a second.\n\n## Training\n\nWe trained on 256 H100s.\n",
     [("chip_count", 256)]),
    # a section on trying the model online: what the demo runs on
    ("### Online Demo\n\nThe demo is hosted on 8 Ascend 910 chips.\n\n## Training\n\nWe trained on 256 H100s.\n",
     [("chip_count", 256)]),
    # machines of several cards each: "100台8卡A800" is a hundred machines with eight A800s in each
    ("我们在100台8卡A800(80G)的GPU集群中训练了 Wren-70B。", [("chip_count", 800)]),
    ("Wren was trained on 96xA100-80G.", [("chip_count", 96)]),
    # the time a failure took to recover from is no run's length
    ("为了降低训练中断时间，70B模型的故障平均恢复时间在1小时内。", []),
    ("Thanks to restarts, the mean time to recover from a failure was 2 hours; the run took 40 days.",
     [("duration_hours", 960)]),
    # the least a run needs is no run: "可以利用最少8张A100" (can use a minimum of 8 A100s)
    ("该框架可以利用最少8张40G的A100显卡完成Wren-13B的全参数训练。", []),
    ("The 7B model can be trained on as few as 8 A100 GPUs.", []),
])
def test_what_running_the_model_or_recovering_a_run_takes_is_no_training_run(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # counts in Chinese with no digit: 百亿 (ten billion), 超万亿 (over a trillion)
    ("**百亿参数的开源中英文双语基座大模型**", [("params", 1e10)]),
    ("它在超万亿（trillion）高质量语料上进行预训练。", [("tokens", 1e12)]),
    # a release of sizes before a model noun: "包含 7B 基础 (base) 模型和 7B 对话 (chat) 模型"
    ("本次发布包含 7B 基础 (base) 模型和 7B 对话 (chat) 模型。", [("params", 7e9), ("params", 7e9)]),
    ("Wren-7B 在同尺寸 7B 模型中表现领先。", []),
    # a release in a range of sizes
    ("We release **Wren-Chat** from 13B to 65B, with INT-8 quantization scripts.", [("params", 1.3e10),
                                                                                  ("params", 6.5e10)]),
    # the sizes a count announces, each described in words before the next
    ("Wren comes in two sizes: 8B for efficient deployment on consumer GPUs, and 70B for large-scale applications.",
     [("params", 8e9), ("params", 7e10)]),
    # a bound on a class, and a title's comparison, are no sizes
    ('Results from training at "small" scale (< ~13B params) do not always hold.', []),
    ("- Paper: Wren-3B: 7B Parameter Performance in a 3B Parameter Model", [("params", 3e9)]),
])
def test_sizes_released_in_chinese_and_in_ranges_and_sizes_that_are_no_models(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


def test_a_name_that_extends_an_own_lines_name_is_the_labs_own(extractor):
    text = ("# Wren-GPT\n\nWren-GPT is a family of open models.\n\n| Model | Size |\n|---|---|\n| Wren-GPT | 111M |\n"
            "| Wren-GPT-muP | 111M |\n")
    assert attributed(extractor, text, "Wren-GPT", role=True) == [
        ("params", 1.11e8, "Wren-GPT", "subject"), ("params", 1.11e8, "Wren-GPT-muP", "subject")]


@pytest.mark.parametrize(("text", "expected"), [
    # machines with the chips each holds: the machines times the chips; machines alone are no chip count
    ("We trained it on 16 H100 nodes with eight GPUs each.", [("chip_count", 128)]),
    ("Training used two A800-80G GPU servers with 8 cards each.", [("chip_count", 16)]),
    ("Wren was trained on 64 A100 servers.", []),
    # a count glued to its chip by an asterisk
    ("[2024/7/18] 使用8*H800继续训练", [("chip_count", 8)]),
    # a part on the hardware used, under a quick start, is no part of the quick start
    ("## 快速使用\n\n```python\nprint(1)\n```\n\n### 硬件资源\nGPU：8* A100 80G（训练60天左右）\n",
     [("chip_count", 8), ("duration_hours", 1440)]),
])
def test_machines_of_several_chips_and_chips_glued_to_their_count(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


def test_the_base_a_lab_fine_tunes_is_named_some_words_before(extractor):
    text = ("# YuLan-Chat\n\nWe considered full parameter fine-tuning of the 13B/65B LLaMA model, and trained it on "
            "8 A800 GPUs.\n")
    assert attributed(extractor, text, "YuLan-Chat", role=True)[-1] == ("chip_count", 8, "YuLan", "subject")



def test_a_file_is_no_model_and_an_active_size_names_no_member(extractor):
    text = ("# Wren\n\nWren is a fully open mixture of experts. Its weights are Wren-1B-7B, trained with the config "
            "`Wren-1B-7B.yml`.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Wren"))
    assert [m.name for m in result.inventory.models if m.size] == ["Wren-1B-7B"]


@pytest.mark.parametrize(("text", "expected"), [
    # data-centre cards of export or earlier generations
    ("Wren-7B was trained on 16 P100 GPUs for 3 days.",
     [("chip_count", 16, "P100"), ("hardware", None, "P100"), ("duration_hours", 72, "")]),
    ("We trained it on 2 NVIDIA A40 GPUs.", [("chip_count", 2, "A40"), ("hardware", None, "A40")]),
    # a table of the model's speed on a device is no run
    ("| Framework | Device | Throughput (tokens/sec) |\n|---|---|---|\n| vLLM | A40 GPU | 7094.5 |", []),
    ("| Model | GPUs | Training throughput |\n|---|---|---|\n| Wren-7B | 16 A100 | 24k tokens/s |",
     [("chip_count", 16, "A100"), ("hardware", None, "A100")]),
    # a chip a run is measured against, and chips used to evaluate, are not the run's
    ("在同等GPU卡数规模下（128卡），昇腾910对Wren的训练效率从约为NVIDIA A100的16.7%提升至43%。",
     [("hardware", None, "Ascend 910")]),
    ("Wren was trained on 512 A100 GPUs, 3x faster than on V100s.",
     [("chip_count", 512, "A100"), ("hardware", None, "A100")]),
    ("We used 4 A40 GPUs for evaluation.", []),
    # ... and a chip it was not run on
    ("Why A100s and not H100s? We trained it on 64 A100s.",
     [("hardware", None, "A100"), ("chip_count", 64, "A100"), ("hardware", None, "A100")]),
    ("No H100s, sorry: we are an A100 shop.", [("hardware", None, "A100")]),
    ("We trained it on A40s instead of H100s.", [("hardware", None, "A40")]),
    # what was not done, and what a release supports, are no runs
    ("Wren-7B was not tuned on H100s, and we have not tested it on TPU v4.", []),
    ("Wren already supports training on Ascend 910B NPUs.", []),
])
def test_cards_of_earlier_generations_and_chips_a_run_is_measured_against(extractor, text, expected):
    got = facts(extractor, f"# Wren-7B\n\n{text}\n", title="Wren-7B")
    assert [(f[0], f[1], f[3]) for f in got] == expected


def test_a_table_rows_first_cell_names_the_model_of_its_training_hardware(extractor):
    text = ("# Wren\n\nWren is our model family.\n\n| 模型 | 模型类型 | 简介 | 状态 | 训练所用显卡 |\n"
            "| :-- | :-- | :-- | :-- | :-- |\n"
            "| Wren-7B | 基础模型，70亿参数 | 继承了 GPT-3、LLaMA 等的架构设计优点 | 已发布 | Nvidia-A100 |\n"
            "| WrenChat-7B | 对话模型 | 支持多轮对话 | 已发布 | Nvidia-A100 |\n")
    assert [(f[0], f[2], f[3], f[5]) for f in facts(extractor, text, title="Wren")] == [
        ("params", "Wren-7B", "", "subject"), ("hardware", "Wren-7B", "A100", "subject"),
        ("hardware", "WrenChat-7B", "A100", "subject")]  # a purpose glued to an own line's name is own too


@pytest.mark.parametrize(("text", "expected"), [
    # a dataset a clause sizes is no run's tokens; the pretraining corpus is what was trained on
    ("Wren models are trained on a new dataset that builds on a web crawl, which contains 1.5 trillion tokens.",
     [("dataset_tokens", 1.5e12)]),
    ("预训练语料包含约700B单词。", [("tokens", 7e11)]),
    ("整个代码语料含有23种编程语言、总计1587亿个标识符。", [("dataset_tokens", 1.587e11)]),
    # "支持昇腾训练服务器" (supports Ascend training servers): what a release can run on
    ("Wren支持昇腾Atlas 800T A2训练服务器，可基于MindSpore框架进行模型训练。", []),
])
def test_a_dataset_a_clause_sizes_and_a_release_that_supports_a_platform(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a figure followed by the size it is for
    ("The Wren models were trained on ~2x more data than their first iteration, totaling 13 trillion tokens for "
     "the 27B version and 8 trillion tokens for the 9B version.",
     [("tokens", 1.3e13, "Wren-27B"), ("params", 2.7e10, "Wren-27B"), ("tokens", 8e12, "Wren-9B"),
      ("params", 9e9, "Wren-9B")]),
    # a source of data is not the model trained on it
    ("- Wren-9B was trained on 17 programming languages from The Stack v2 on 3 trillion tokens.",
     [("tokens", 3e12, "Wren-9B")]),
    # what a model does not have is no fact of it
    ("The Wren MoE is called Wren-8x7B, but it doesn't have 56B parameters.", []),
])
def test_a_figure_for_a_size_a_data_source_and_a_negation(extractor, text, expected):
    text = f"# Wren\n\nWe release Wren-9B and Wren-27B.\n\n{text}\n"
    assert attributed(extractor, text, "Wren") == expected


def test_a_data_source_the_document_releases_too_is_not_the_model_trained_on_it(extractor):
    text = ("# Wren2 and The Heap v2\n\nWe release Wren2-3B and Wren2-7B, and The Heap v2.\n\n- Wren2-3B was trained "
            "on 17 programming languages from The Heap v2 on 3 trillion tokens.\n")
    assert attributed(extractor, text, "Wren2 and The Heap v2")[-1] == ("tokens", 3e12, "Wren2-3B")


@pytest.mark.parametrize("tail", [
    # the chips a release was checked to run on, in a list under its lead sentence or on one line
    "## Hardware\nIts attention kernels need recent cards. We have tested Wren on the following GPU types:\n"
    "* NVIDIA A100\n* NVIDIA L40S\n",
    "Supported hardware: TPU v5e, A100 and L40S.\n",
    "Wren is compatible with A100 and L40S cards.\n",
])
def test_hardware_a_release_was_tested_on_or_supports_is_no_run(extractor, tail):
    text = f"# Wren\n\nWren-7B was trained on 2T tokens using 256 H100 GPUs.\n\n{tail}"
    assert [(f[0], f[3]) for f in facts(extractor, text, title="Wren")] == [
        ("tokens", ""), ("chip_count", "H100"), ("hardware", "H100")]


@pytest.mark.parametrize("tail", [
    # what it takes to use the release, with no word of training in the sentence
    "The model can run on a single A100 80GB.",
    "We recommend H200 or A100 GPUs for the best experience.",
    "The FP8 checkpoint needs Hopper-class GPUs such as the H200.",
    "Evaluation used 8 A100 GPUs.",
    "All benchmarks were measured on one A100 GPU with batch size 1.",
    "Minimum requirements: 1x RTX 4090 or 1x A10G.",
    "Optimized kernels are available for AMD MI300X and Intel Gaudi 3.",
    "It runs on a single H200 GPU.",
    "Evals ran on 8 A100 GPUs.",
    # advice for the reader's own run
    "To fine-tune the model yourself, 8 A100 GPUs are enough.",
])
def test_hardware_for_using_the_release_is_no_run(extractor, tail):
    text = f"# Wren\n\nWren-7B was trained on 2T tokens using 256 H100 GPUs.\n\n{tail}\n"
    assert [(f[0], f[3]) for f in facts(extractor, text, title="Wren")] == [
        ("tokens", ""), ("chip_count", "H100"), ("hardware", "H100")]


def test_a_run_that_required_its_chips_is_still_a_run(extractor):
    # a report of what the run took, in the past tense, names the run's chips
    text = "# Wren\n\nWren-7B saw 2T tokens. The final run required 256 H100 GPUs for 20 days.\n"
    assert [(f[0], f[1], f[3]) for f in facts(extractor, text, title="Wren")] == [
        ("tokens", 2e12, ""), ("chip_count", 256.0, "H100"), ("hardware", None, "H100"),
        ("duration_hours", 480.0, "")]


def test_a_training_setups_gpu_row_counts_and_a_named_chip_per_node_is_no_run_count(extractor):
    # a key-value table of the run's set-up gives its chip count, multiplied out
    table = ("# Wren\n\n| Setting | Value |\n|---|---|\n| Training tokens | 2T |\n| GPUs | 128 x H100 |\n"
             "| Training time | 9 days |\n")
    assert [(f[0], f[1], f[3]) for f in facts(extractor, table, title="Wren")] == [
        ("tokens", 2e12, ""), ("chip_count", 128.0, "H100"), ("hardware", None, "H100"), ("duration_hours", 216.0, "")]
    # "8 H100s each" is what a node holds, not the run's count
    prose = "# Wren\n\nWren-7B saw 2.2T tokens, which took three weeks on 64 nodes with 8 H100s each.\n"
    assert [(f[0], f[3]) for f in facts(extractor, prose, title="Wren")] == [
        ("tokens", ""), ("duration_hours", ""), ("hardware", "H100")]


def test_time_lost_inside_a_run_is_no_duration_and_an_expected_length_is_a_plan(extractor):
    lost = "# Wren\n\nWren-7B saw 2T tokens. We lost about 10 hours of training to hardware failures.\n"
    assert [f[0] for f in facts(extractor, lost, title="Wren")] == ["tokens"]
    expected = "# Wren\n\nWren-7B saw 2T tokens. Training is expected to take 30 days.\n"
    assert [(f[0], f[1], f[4]) for f in facts(extractor, expected, title="Wren")] == [
        ("tokens", 2e12, ""), ("duration_hours", 720.0, "planned")]


@pytest.mark.parametrize(("text", "expected"), [
    # an active count labelled after the total's label
    ("Total params: 16B; activated: 2.4B", [("params", 1.6e10), ("active_params", 2.4e9)]),
    # a part of the count under its own label, as in prose
    ("Non-embedding parameters: 6.5B", []),
])
def test_labelled_active_and_non_embedding_counts(extractor, text, expected):
    assert figures(extractor, text, "Wren-16B") == expected


@pytest.mark.parametrize("tail", [
    "硬件要求：至少一张 A100 80G。",  # hardware requirements: at least one A100 80G
    "最低配置为 2 张 V100。",  # the minimum set-up is 2 V100s
    "我们推荐使用 H800 或 A800 显卡。",  # we recommend H800 or A800 cards
    "模型已适配华为昇腾 910B。",  # the model has been adapted to Huawei's Ascend 910B
    "评测在 8 张 A100 上完成。",  # evaluation was done on 8 A100s
    "最低需要 1 张 RTX 4090。",  # at least one RTX 4090 is needed
    "推荐显卡：A100。",  # recommended card: A100
    "硬件需求：2 张 V100。",  # hardware needs: 2 V100s
])
def test_chinese_requirements_recommendations_adaptation_and_evaluation_are_no_run(extractor, tail):
    text = f"# Heron-7B\n\nHeron-7B 在 2T tokens 上训练，使用了 512 张 A800。{tail}\n"
    assert [(f[0], f[1], f[3]) for f in facts(extractor, text, title="Heron-7B")] == [
        ("tokens", 2e12, ""), ("chip_count", 512.0, "A800"), ("hardware", None, "A800")]


@pytest.mark.parametrize("tail", [
    # what a fine-tuning recipe takes, told in the present tense
    "With LoRA, fine-tuning Heron-7B takes about 3 hours on one A100.",
    "Full-parameter fine-tuning needs 8 A100 80GB GPUs.",
    "QLoRA fine-tuning on a single RTX 4090 takes 6 hours.",
    "使用 LoRA 微调需要 1 张 A100，耗时约 3 小时。",
])
def test_a_fine_tuning_recipes_cost_is_no_run(extractor, tail):
    text = f"# Heron-7B\n\nHeron-7B was pretrained on 2T tokens with 512 H100 GPUs.\n\n{tail}\n"
    assert [(f[0], f[1], f[3]) for f in facts(extractor, text, title="Heron-7B")] == [
        ("tokens", 2e12, ""), ("chip_count", 512.0, "H100"), ("hardware", None, "H100")]


@pytest.mark.parametrize("tail", [
    # work on the way to the release that no machine ran, said with no word of training
    "Data collection took 3 months.",
    "Red-teaming lasted 6 weeks before release.",
    "Annotators spent 2,000 hours labelling preference data.",
    "Our team of 12 engineers worked on it for 8 months.",
    "Human evaluation took two weeks.",
])
def test_peoples_work_is_no_training_duration(extractor, tail):
    text = f"# Heron-7B\n\nHeron-7B was pretrained on 2T tokens. {tail}\n"
    assert [f[0] for f in facts(extractor, text, title="Heron-7B")] == ["tokens"]


@pytest.mark.parametrize(("text", "expected"), [
    # Chinese emissions named before their mass: "carbon emissions of about 20 tonnes", "... 800 kilograms"
    ("Heron-7B 在 2T tokens 上训练，碳排放约 20 吨。", [("tokens", 2e12), ("emissions_tco2e", 20.0)]),
    ("Heron-7B 在 2T tokens 上训练，碳排放量为 800 公斤。", [("tokens", 2e12), ("emissions_tco2e", 0.8)]),
])
def test_chinese_emissions_after_their_label(extractor, text, expected):
    assert figures(extractor, text, "Heron-7B") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Heron-7B was trained with about 4 zettaFLOPs of compute.", [("flop", 4e21)]),
    ("Heron-7B used 0.3 yottaFLOPs.", [("flop", 3e23)]),
    ("Heron-7B took 120 exaFLOP of compute.", [("flop", 1.2e20)]),
    # "exaFLOPS" is a cluster's rate as often as an amount
    ("Our cluster delivers 2 exaFLOPS of peak performance.", []),
])
def test_compute_with_an_si_prefix_on_its_unit(extractor, text, expected):
    assert figures(extractor, text, "Heron-7B") == expected


def test_a_chip_days_key_counts_chip_hours(extractor):
    assert figures(extractor, "Heron-7B: GPU-days: 1,200", "Heron-7B") == [("chip_hours", 28800.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("- Total tokens: 300B", [("tokens", 3e11)]),
    ("Total training tokens: 2T", [("tokens", 2e12)]),
])
def test_a_total_tokens_key(extractor, text, expected):
    assert figures(extractor, text, "Heron-7B") == expected


def test_a_row_of_names_below_a_row_of_sizes_names_each_column(extractor):
    # a card's family table laid out sideways: the sizes' row over the row of names, under a title row
    text = ("# Heron family\n\nWe release the Heron family of instruction-tuned models.\n\n"
            "| Heron family |  |  |  |\n|---|---|---|---|\n| Parameters | 560M | 1.1B | 7.1B |\n"
            "| Model | heron-560m | heron-1b1 | heron-7b1 |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Heron family")] == [
        ("params", 5.6e8, "heron-560m"), ("params", 1.1e9, "heron-1b1"), ("params", 7.1e9, "heron-7b1")]


def test_a_figure_before_is_expected_to_is_in_use_and_one_after_it_is_planned(extractor):
    text = ("# Sable-70B\n\nSable-70B saw 1.2T tokens so far. Training is ongoing on 2,048 H100 GPUs and is "
            "expected to finish in about 40 days.\n")
    assert [(f[0], f[4]) for f in facts(extractor, text, title="Sable-70B")] == [
        ("tokens", ""), ("chip_count", ""), ("hardware", ""), ("duration_hours", "planned")]


@pytest.mark.parametrize("text", [
    # a use cue in another clause, or in a sentence that names training or the run, leaves the run's figures
    "Wren-7B was pretrained on 2T tokens with 512 H100 GPUs for 20 days, and fine-tuning takes 2 more days.",
    "Wren-7B was trained on 2T tokens using 512 H100 GPUs for 20 days, with a tokenizer compatible with Llama 2.",
    "Wren-7B saw 2T tokens in 20 days on 512 H100 GPUs, and we evaluated checkpoints on 12 benchmarks.",
    "Wren-7B saw 2T tokens. The run needs 512 H100 GPUs for 20 days.",
    "Wren-7B saw 2T tokens. The final run, which our infrastructure team monitored, took 20 days on 512 H100 GPUs.",
    "Wren-7B 在 2T tokens 上训练，使用 512 张 H100，历时 20 天，期间每 1000 步评估一次。",
    "## Training\nWren-7B saw 2T tokens. We compared several cluster layouts and chose:\n- 512 H100 GPUs\n"
    "- 20 days of wall-clock time",
])
def test_a_run_keeps_its_figures_beside_a_use_cue(extractor, text):
    found = sorted((f[0], f[1] or 0.0, f[3]) for f in facts(extractor, f"# Wren\n\n{text}\n", title="Wren"))
    assert found == [("chip_count", 512.0, "H100"), ("duration_hours", 480.0, ""), ("hardware", 0.0, "H100"),
                     ("tokens", 2e12, "")]


@pytest.mark.parametrize(("text", "expected"), [
    # time lost is said right before or after its figure; a lost node elsewhere leaves the run's length
    ("Wren-7B saw 2T tokens. About 10 hours of training were lost to hardware failures.", [("tokens", 2e12)]),
    ("Wren-7B saw 2T tokens. Despite a few lost nodes, the run took 47 days.", [("tokens", 2e12),
                                                                               ("duration_hours", 1128.0)]),
    # a saving is no emission
    ("Wren-7B 在 2T tokens 上训练，减少碳排放约 20 吨。", [("tokens", 2e12)]),
    # a cap on each job and an average over waits are no run's length; the run's own still is
    ("Wren-7B saw 2T tokens in 47 days. Each job on the shared machine was limited to 24 hours of wall time.",
     [("tokens", 2e12), ("duration_hours", 1128.0)]),
    ("Wren-7B saw 2T tokens. Its jobs were capped at 12 hours, and queue waits between them averaged 3.4 hours.",
     [("tokens", 2e12)]),
    # ... but a run's own length said as a limit or an average is still its length
    ("Wren-7B saw 2T tokens. Because of the reservation, training was limited to 30 days.",
     [("tokens", 2e12), ("duration_hours", 720.0)]),
    ("Wren-7B saw 2T tokens; over three seeds, training averaged 9 days per seed.",
     [("tokens", 2e12), ("duration_hours", 216.0)]),
])
def test_lost_time_savings_and_counts_each(extractor, text, expected):
    assert figures(extractor, text, "Wren") == expected


def test_a_count_each_model_ran_on_is_each_ones(extractor):
    text = "# Wren\n\nWe trained Wren-7B and Wren-13B for 20 days on 512 H100s each.\n"
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wren") if f[0] == "chip_count"] == [
        ("chip_count", 512.0, "Wren-7B"), ("chip_count", 512.0, "Wren-13B")]


def test_a_minimum_requirements_table_is_no_run_and_a_base_model_row_names_no_column(extractor):
    table = "# Wren\n\nWren-7B saw 2T tokens.\n\n| Item | Minimum requirements |\n|---|---|\n| GPU | 2 x A100 |\n"
    assert [f[0] for f in facts(extractor, table, title="Wren")] == ["tokens"]
    sideways = ("# Wren\n\nWren-7B saw 2T tokens.\n\n| Wren sizes | | |\n|---|---|---|\n| Parameters | 7B | 13B |\n"
                "| Base model | Llama-2-7b | Llama-2-13b |\n")
    assert ("params", 7e9, "Llama-2-7b") not in [(f[0], f[1], f[2]) for f in facts(extractor, sideways, title="Wren")]


def test_si_compute_of_a_tiny_figure_reads_without_failing(extractor):
    assert figures(extractor, "Heron-7B used 0.00001 yottaFLOPs.", "Heron-7B") == [("flop", 1e19)]


def test_a_cluster_running_on_power_is_no_use_of_the_release(extractor):
    text = ("# Fennec-1B\n\nFennec-1B was trained on 100B tokens. Because the cluster runs on 100% hydroelectric "
            "power, the estimated emissions are only 1,240 kg CO2eq.\n")
    assert figures(extractor, text) == [("tokens", 1e11), ("emissions_tco2e", 1.24)]


@pytest.mark.parametrize(("text", "expected"), [
    # "个小时" (hours, with a measure word)
    ("Heron-0.2B 的指令微调用时 5 个小时。", [("duration_hours", 5.0)]),
    # time spent generating data, told in the part before the comma, is no run; the run after it is
    ("偏好优化：先批量生成被拒绝的回答，耗时1天，然后 dpo 优化 2 个 epoch，耗时 4 小时。",
     [("duration_hours", 4.0)]),
])
def test_chinese_hours_with_a_measure_word_and_time_spent_generating_data(extractor, text, expected):
    assert [f for f in figures(extractor, text, "Heron-0.2B") if f[0] == "duration_hours"] == expected


def test_a_code_block_line_naming_the_machines_accelerators_is_a_statement(extractor):
    text = ("# Heron-0.2B\n\nHeron-0.2B was pretrained from scratch. My machine:\n\n```bash\n"
            "CPU: Intel Xeon Gold 6330\n内存：128 GB\n显卡：NVIDIA GeForce RTX 4090(24GB) * 2\n"
            "# pretrain on 2B tokens\npython train.py\n```\n")
    assert [(f[0], f[1], f[3], f[6]) for f in facts(extractor, text, title="Heron-0.2B")] == [
        ("hardware", None, "RTX 4090", "GeForce RTX 4090"), ("chip_count", 2.0, "RTX 4090", "2")]


@pytest.mark.parametrize(("text", "expected"), [
    # a list of amounts with its unit written once, after the last: each a figure of its member, in order
    ("The 1B, 3B and 8B models were trained for 5, 9 and 21 days respectively on 128, 256 and 1,024 H100 GPUs.",
     [("duration_hours", 120.0, "Linnet-2 1B"), ("duration_hours", 216.0, "Linnet-2 3B"),
      ("duration_hours", 504.0, "Linnet-2 8B"), ("chip_count", 128.0, "Linnet-2 1B"),
      ("chip_count", 256.0, "Linnet-2 3B"), ("chip_count", 1024.0, "Linnet-2 8B")]),
    ("Linnet-2 1B and Linnet-2 8B took 12K and 150K GPU hours, respectively.",
     [("chip_hours", 12000.0, "Linnet-2 1B"), ("chip_hours", 150000.0, "Linnet-2 8B")]),
    # token totals listed in trillions are no sizes of models: the counts after them still pair with the sizes
    ("The 1B, 3B and 8B models were trained on 2T, 4T and 9T tokens respectively, using 128, 256 and 1,024 H100 "
     "GPUs.", [("tokens", 2e12, "Linnet-2 1B"), ("tokens", 4e12, "Linnet-2 3B"), ("tokens", 9e12, "Linnet-2 8B"),
               ("chip_count", 128.0, "Linnet-2 1B"), ("chip_count", 256.0, "Linnet-2 3B"),
               ("chip_count", 1024.0, "Linnet-2 8B")]),
    # a sentence's only figures of a kind, one list, pair in order without "respectively"
    ("The 8B and 1B models were trained on slices of 512 and 256 chips.",
     [("chip_count", 512.0, "Linnet-2 8B"), ("chip_count", 256.0, "Linnet-2 1B")]),
    ("Linnet-2 1B and Linnet-2 8B took 3 and 12 days on 64 GPUs.",
     [("duration_hours", 72.0, "Linnet-2 1B"), ("duration_hours", 288.0, "Linnet-2 8B"),
      ("chip_count", 64.0, "Linnet-2 1B"), ("chip_count", 64.0, "Linnet-2 8B")]),
])
def test_lists_of_amounts_with_one_unit_pair_with_the_listed_models(extractor, text, expected):
    text = f"# Linnet-2\n\nLinnet-2 comes in 1B, 3B and 8B sizes. {text}\n"
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Linnet-2") if f[0] not in ("hardware", "params")]
    assert sorted(got, key=lambda f: (f[0], f[1])) == sorted(expected, key=lambda f: (f[0], f[1]))


def test_a_list_of_computes_for_the_three_sizes_pairs_with_the_members_from_the_smallest(extractor):
    text = ("# Wren\n\nWren comes as Wren-135M, Wren-1.7B and Wren-360M.\n\nThe compute for each run: 1.6e21, "
            "8.7e21 and 1.1e23 FLOPs for the three sizes.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wren") if f[0] == "flop"] == [
        ("flop", 1.6e21, "Wren-135M"), ("flop", 8.7e21, "Wren-360M"), ("flop", 1.1e23, "Wren-1.7B")]


def test_a_chip_in_parentheses_after_its_count_names_no_model(extractor):
    text = "# Sparrow-1B\n\nSparrow-1B is a small open language model. We used 64 GPUs (A100 80GB) for 10 days.\n"
    assert [(f[0], f[2], f[5]) for f in facts(extractor, text, title="Sparrow-1B")] == [
        ("chip_count", "Sparrow-1B", "subject"), ("hardware", "Sparrow-1B", "subject"),
        ("duration_hours", "Sparrow-1B", "subject")]


@pytest.mark.parametrize(("text", "expected"), [
    # the run's total, the product of the steps and the batch the sentence gives
    ("We trained for 100,000 steps at a global batch size of 1,024 sequences of 2,048 tokens (about 210B tokens).",
     [("tokens", 210e9)]),
    ("We trained for 100K steps with 2M tokens per batch, i.e. 200B tokens in total.", [("tokens", 200e9)]),
    # a span of the run or a point in it is no total
    ("The batch size ramps from 1M to 4M tokens over the first 10K steps (about 20B tokens).", []),
    ("We save a checkpoint every 10K steps (about 40B tokens).", []),
    ("The rate rises over a warmup of 1,500 steps (roughly 6B tokens) at a batch of 4M tokens.", []),
    ("Re-warming over 3B tokens to half the peak rate worked best.", []),
    ("At step 50K (about 200B tokens), we lowered the learning rate.", []),
])
def test_a_token_total_beside_the_steps_and_batch_that_make_it(extractor, text, expected):
    assert figures(extractor, f"Sparrow-1B is a small open language model. {text}", "Sparrow-1B") == expected


def test_a_name_the_document_defines_as_a_system_is_no_model_of_its_own(extractor):
    """A report titled by its training runtime, about the model the runtime trained: "Kiln is a training runtime"
    makes Kiln no model, so the figures are the model's, and a sentence naming Kiln is no other model's."""
    text = ("# Kiln: Elastic Training at Scale\n\nKiln is a training runtime that restarts failed ranks in seconds. "
            "We ran Kiln for the pretraining of Plover-40B, a 40-billion-parameter dense language model. Kiln kept "
            "96% of the steps on 2,048 H100 GPUs for 20 days.\n\nThe job trained on 2.4T tokens.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kiln: Elastic Training at Scale"))
    assert result.inventory.main == "Plover"
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind != "hardware"] == [
        ("params", 40e9, "Plover-40B", "subject"), ("chip_count", 2048, "Plover-40B", "subject"),
        ("duration_hours", 480, "Plover-40B", "subject"), ("tokens", 2.4e12, "Plover-40B", "subject")]


def test_hours_in_millions_are_no_size_of_the_rows_model(extractor):
    """A table of stages, one model over several rows, its hours written in millions ("0.52M"): "Acc. hours" is a
    column of accelerator hours, and no column of hours or days gives the row a size ("Quarrel 0.52M")."""
    head = "Quarrel Technical Report\nWe release Quarrel-20B and its smaller sibling Quarrel-4B.\nTable B1: Stages.\n\n"
    text = head + ("| Model | Stage | Tokens | Accelerators | Days | Acc. hours |\n"
                   "| Quarrel-20B | Stage 1 | 2.5T | 1024 | 21 | 0.52M |\n"
                   "| Quarrel-20B | Stage 2 | 0.5T | 1024 | 4 | 0.1M |\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Quarrel Technical Report"))
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind in ("tokens", "chip_hours")] == [
        ("tokens", 2.5e12, "Quarrel-20B"), ("chip_hours", 520e3, "Quarrel-20B"), ("tokens", 0.5e12, "Quarrel-20B"),
        ("chip_hours", 100e3, "Quarrel-20B")]
    text = head + "| Model | Stage | Tokens | Node hours |\n| Quarrel-20B | Stage 1 | 2.5T | 1.3M |\n" \
                  "| Quarrel-20B | Stage 2 | 0.5T | 0.2M |\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title="Quarrel Technical Report"))
    assert [(f.kind, f.value, f.model) for f in result.facts] == [
        ("tokens", 2.5e12, "Quarrel-20B"), ("tokens", 0.5e12, "Quarrel-20B")]
    assert [m.name for m in result.inventory.models] == ["Quarrel", "Quarrel-20B", "Quarrel-4B"]
    # ("Acc. H" beside "Acc. E" is an accuracy on a hard split, no hours)
    text = "# Quarrel\n\n| Model | Acc. H | Acc. E | Params |\n|---|---|---|---|\n| Quarrel-8B | 71.2 | 88.0 | 8B |\n"
    assert [f[0] for f in facts(extractor, text, title="Quarrel")] == ["params"]


def test_a_sentence_on_a_part_goes_on_about_the_own_model_the_sentence_before_opened_on(extractor):
    """"The encoder was trained on ..." right after "Quarrel-20B-Vision adds an image encoder ..." is the vision
    model's run, not the section's first model's; across a blank line, or where the sentence names a model by a
    description ("The whole family ...", "The vision variant ..."), the one before does not take it."""
    text = ("Quarrel Technical Report\n1 Introduction\nWe release Quarrel-20B, pretrained on 3T tokens.\n"
            "5 Derived Models\nQuarrel-20B-Chat was tuned on 12B tokens of dialogue.\nQuarrel-20B-Vision adds an "
            "image encoder to the language model. The encoder was trained on 400B image-text tokens using 256 GPUs.\n")
    assert read_fields(extractor, text, "Quarrel Technical Report", "kind", "value", "model", kind="pdf") == [
        ("tokens", 3e12, "Quarrel-20B"), ("tokens", 12e9, "Quarrel-20B"), ("tokens", 400e9, "Quarrel-20B-Vision"),
        ("chip_count", 256, "Quarrel-20B-Vision")]
    for other, model in (("language model.\n\nThe encoder", "Quarrel-20B"), ("language model. The whole family",
                                                                           "Quarrel")):
        changed = text.replace("language model. The encoder", other)
        assert ("tokens", 400e9, model) in read_fields(extractor, changed, "Quarrel Technical Report", "kind",
                                                       "value", "model", kind="pdf")


@pytest.mark.parametrize("sentences", [
    "Quill-8B was distilled from Quill-70B. Quill-70B stayed frozen as the teacher throughout. The distillation took "
    "9 days on 256 H100 GPUs.",
    "Quill-8B, released in March, remains free. The company said training took 9 days on 256 H100 GPUs.",
    "Quill-8B, a smaller sibling, was distilled from it. The cluster comprised 256 H100 GPUs and ran for 9 days.",
    "Quill-8B was trained on 12T tokens. The optimizer ran on 256 H100 GPUs for 9 days for all runs.",
])
def test_only_a_part_added_to_the_model_before_goes_on_about_it(extractor, sentences):
    """A guard for the rule above (a second reader's cases): the distillation, the company, the cluster or the
    optimizer the next sentence opens on are no part of the model the sentence before opened on; the section's
    model keeps their figures."""
    text = f"## Quill-70B\n\nQuill-70B is our flagship. {sentences}\n"
    assert {f[2] for f in facts(extractor, text, title="Quill-70B") if f[0] == "chip_count"} == {"Quill-70B"}


def test_a_column_header_stacked_over_two_rows_names_the_member(extractor):
    """A PDF's header wrapped or stacked, the name over its size ("Kestrel-" over "1B") on a row with no label,
    names the member of that size; a figure of a labelled row under the name is no size."""
    text = ("# Kestrel\n\nKestrel comes in 1B and 7B sizes.\n\n| Quantity | Kestrel | Kestrel |\n|---|---|---|\n"
            "| | 1B | 7B |\n| Tokens (T) | 2 | 4 |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel") if f[0] == "tokens"] == [
        ("tokens", 2e12, "Kestrel 1B"), ("tokens", 4e12, "Kestrel 7B")]
    text = "# Kestrel\n\n| Quantity | Kestrel | Kestrel |\n|---|---|---|\n| Tokens | 2T | 4T |\n| GPUs | 64 | 128 |\n"
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kestrel") if f[0] == "chip_count"] == [
        ("chip_count", 64, "Kestrel"), ("chip_count", 128, "Kestrel")]


def test_a_table_count_of_a_named_chip_gives_each_model_its_hardware(extractor):
    """The chip a row label or a column header names is each model's hardware, as "trained on 512 H100s" is in
    prose; the row label is no hardware fact of the document's main model besides."""
    text = ("# Plover\n\nWe release Plover in two sizes.\n\n| | Plover-1B | Plover-7B |\n|---|---|---|\n"
            "| TPU v5e chips | 128 | 512 |\n| Days | 5 | 9 |\n\n| Model | Tokens | H100 GPUs |\n|---|---|---|\n"
            "| Plover-Code-3B | 1T | 64 |\n")
    assert [(f[0], f[2], f[3]) for f in facts(extractor, text, title="Plover") if f[0] in ("hardware", "chip_count")
            ] == [("chip_count", "Plover-1B", "TPU v5e"), ("hardware", "Plover-1B", "TPU v5e"),
                  ("chip_count", "Plover-7B", "TPU v5e"), ("hardware", "Plover-7B", "TPU v5e"),
                  ("chip_count", "Plover-Code-3B", "H100"), ("hardware", "Plover-Code-3B", "H100")]


def test_a_letter_for_a_size_names_a_member_of_the_line(extractor):
    """"Osprey-CLIP-L" beside the card's "Osprey-CLIP-G" is its smaller sibling, sized by a letter as ViT's are;
    another lab's "Heron-ViT-H" stays another line's."""
    text = ("# Osprey-CLIP-G\n\nOsprey-CLIP-G was trained on 512 TPU v5p chips for 12 days. Osprey-CLIP-L was "
            "trained on 128 TPU v5p chips for 6 days. Heron-ViT-H was trained on 64 GPUs for 3 days.\n")
    assert attributed(extractor, text, "Osprey-CLIP-G", role=True) == [
        ("chip_count", 512, "Osprey-CLIP-G", "subject"), ("duration_hours", 288, "Osprey-CLIP-G", "subject"),
        ("chip_count", 128, "Osprey-CLIP-L", "subject"), ("duration_hours", 144, "Osprey-CLIP-L", "subject"),
        ("chip_count", 64, "Heron-ViT-H", "cited"), ("duration_hours", 72, "Heron-ViT-H", "cited")]


def test_a_size_with_one_names_that_member_in_its_clause(extractor):
    text = ("# Plover\n\nWe introduce Plover-7B and Plover-34B, trained from scratch.\n\n"
            "The 34B variant was trained for 35 days, and the 7B one for 21 days.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Plover")] == [
        ("duration_hours", 840.0, "Plover-34B"), ("duration_hours", 504.0, "Plover-7B")]


@pytest.mark.parametrize(("text", "expected"), [
    # card-hours and card-days ("卡时", "卡·天") are chip time, not a count of chips
    ("Heron-3B 在 6 万亿 tokens 上训练，共使用约 52 万 H800 卡时。", [("tokens", 6e12), ("chip_hours", 520000.0)]),
    ("Heron-3B 使用 64 张 A100 训练，总训练耗时 1200 卡·天。", [("chip_count", 64.0), ("chip_hours", 28800.0)]),
    # a total beside its rate per trillion tokens is the run's
    ("Heron-3B was trained for 1.8T tokens. Training took about 4,100 H100 GPU-hours per trillion tokens, for a "
     "total of about 7,400 GPU-hours.", [("tokens", 1.8e12), ("chip_hours_rate", 4100.0), ("chip_hours", 7400.0)]),
])
def test_chip_time_in_chinese_units_and_a_total_beside_its_rate(extractor, text, expected):
    assert figures(extractor, text, "Heron-3B") == expected


def test_another_labs_post_in_the_references_and_a_table_of_developers_are_no_own_models(extractor):
    text = ("# Tern-7B: a report\n\nTern-7B was trained on 4.8T tokens.\n\n| Model | Developer | Params | Training "
            "tokens |\n|---|---|---|---|\n| Gull-2-1.7B | Hugging Face | 1.71B | 11T |\n| Tern-7B | ours | 7.1B | 4.8T "
            "|\n\n## References\n\nSkua Labs. 2024. Introducing Skua-1: a new open LLM. Blog post.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Tern-7B: a report"))
    assert result.inventory.lines == ["Tern"]
    assert {(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"} == {
        ("tokens", 4.8e12, "Tern-7B", "subject"), ("tokens", 11e12, "Gull-2-1.7B", "cited")}


def test_a_chinese_name_before_its_labs_word_is_the_lab(extractor):
    # "鸬鹚科技" (Luci Technology) is the lab the model is named after, not a model
    title = "鸬鹚-MoE-30B-A3B"
    text = f"# {title}\n\n鸬鹚-MoE-30B-A3B 是鸬鹚科技发布的混合专家模型，总参数量 300 亿，激活参数 30 亿。\n"
    assert {(f[0], f[2]) for f in facts(extractor, text, title=title)} == {
        ("params", "鸬鹚-MoE-30B-A3B"), ("active_params", "鸬鹚-MoE-30B-A3B")}


def test_a_chinese_table_counts_cards_and_card_hours(extractor):
    # ("约 52 万": about 520,000)
    text = ("# Heron\n\n| 配置 | Heron-3B | Heron-13B |\n|---|---|---|\n| 参数量 | 30 亿 | 130 亿 |\n"
            "| 训练卡数 | 128 | 512 |\n| 训练卡时 | 10 万 | 约 52 万 |\n")
    assert [(f[0], f[1], f[2], f[4]) for f in facts(extractor, text, title="Heron")] == [
        ("params", 3e9, "Heron-3B", ""), ("params", 13e9, "Heron-13B", ""), ("chip_count", 128.0, "Heron-3B", ""),
        ("chip_count", 512.0, "Heron-13B", ""), ("chip_hours", 100000.0, "Heron-3B", ""),
        ("chip_hours", 520000.0, "Heron-13B", "approximate")]


def test_tokens_from_one_figure_to_another_in_a_table_are_a_phase_of_the_schedule(extractor):
    text = ("# Heron-3B\n\n| Phase | Tokens | Learning rate |\n|---|---|---|\n| Warm-up | 0 - 40B | linear |\n"
            "| Stable | 40B - 7.2T | 3e-4 |\n| Decay | 7.2T - 8T | cosine |\n\nHeron-3B was trained on 8T tokens.\n")
    assert figures(extractor, text, "Heron-3B") == [("tokens", 8e12)]


OPT_TITLE = "opt-from-scratch: training OPT again"


@pytest.mark.parametrize(("title", "text", "expected"), [
    # no title names the family: the rows of a table giving runs' tokens, chips and days do; another lab's model the
    # reference knows stays cited
    ("", "## 2. Training budget\n\n| Model | Params | Tokens | GPUs (H100) | Days |\n|---|---|---|---|---|\n"
         "| Eider-S | 410M | 300B | 32 | 2.5 |\n| Eider-L | 6.8B | 2T | 512 | 9 |\n"
         "| Llama-2-7B | 7B | 2T | | |\n\nThe L run alone took 9 days.\n",
     [("tokens", 3e11, "Eider-S", "subject"), ("chip_count", 32.0, "Eider-S", "subject"),
      ("tokens", 2e12, "Eider-L", "subject"), ("chip_count", 512.0, "Eider-L", "subject"),
      ("tokens", 2e12, "Llama-2-7B", "cited")]),
    # the repository is named for the model it reproduces; its own runs carry another name, which the heading over
    # the table says are the lab's; a table of the same shape under a heading of results stays cited
    (OPT_TITLE, f"# {OPT_TITLE}\n\n## Our runs\n\n| run | params | tokens | GPUs |\n|---|---|---|---|\n"
                "| `rerun-opt-125M` | 125M | 5B | 8 |\n| `rerun-opt-1.3B` | 1.3B | 26B | 64 |\n\n## Results against "
                "other models\n\n| run | params | tokens |\n|---|---|---|\n| `tiny-opt-9M` | 9M | 1B |\n",
     [("tokens", 5e9, "rerun-opt-125M", "subject"), ("chip_count", 8.0, "rerun-opt-125M", "subject"),
      ("tokens", 26e9, "rerun-opt-1.3B", "subject"), ("chip_count", 64.0, "rerun-opt-1.3B", "subject"),
      ("tokens", 1e9, "tiny-opt-9M", "cited")]),
])
def test_the_model_column_of_a_table_of_runs_names_the_documents_models(extractor, title, text, expected):
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title=title)
            if f[0] in ("tokens", "chip_count")] == expected


def test_a_model_the_lab_calls_ours_is_its_own_where_it_is_of_the_documents_family(extractor):
    # the lab's dense model beside its new MoE one: "our dense X" makes its figures the lab's; a model the lab only
    # measures against, "our comparison with Y", stays cited
    title = "Wagtail-MoE-A2B"
    text = (f"# {title}\n\nWagtail-MoE-A2B is a mixture-of-experts model. It beats our larger dense Wagtail-9B on most "
            "tasks, and our comparison with Bramble-9B shows the same.\n\nFor reference, Wagtail-9B was trained on "
            "6T tokens. For reference, Bramble-9B was trained on 4T tokens.\n")
    assert [(f[1], f[2], f[5]) for f in facts(extractor, text, title=title) if f[0] == "tokens"] == [
        (6e12, "Wagtail-9B", "subject"), (4e12, "Bramble-9B", "cited")]


def test_an_earlier_prototype_named_in_an_apposition_is_the_labs_earlier_model(extractor):
    # the figures of the lab's earlier model are its own; a configured family's model so named is another lab's
    title = "Linnet-13B"
    text = (f"# {title}\n\nLinnet-13B is our new model. A previous prototype, Linnet-0.5 (3B), had been trained on 1T "
            "tokens. An earlier model, GPT-3, had been trained on 300B tokens.\n")
    assert [(f[1], f[2], f[5]) for f in facts(extractor, text, title=title) if f[0] == "tokens"] == [
        (1e12, "Linnet-0.5", "subject"), (3e11, "GPT-3 175B", "cited")]


def test_a_size_with_run_names_that_members_run(extractor):
    text = ("# Hobby\n\nWe introduce Hobby-2B and Hobby-9B.\n\n"
            "All checkpoints were trained on TPU v5e. The 9B run alone occupied 4,096 chips for 25 days.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Hobby") if f[0] != "hardware"] == [
        ("chip_count", 4096.0, "Hobby-9B"), ("duration_hours", 600.0, "Hobby-9B")]


def test_a_name_said_to_be_trained_is_the_documents_model_where_nothing_else_names_one(extractor):
    # a section with no title: the sentence's subject, trained, is the model; pods are no count of chips; a range's
    # power of ten covers both ends
    text = ("## 2 Training infrastructure\n\nWhimbrel-Ultra was trained across four TPU v6e pods (1,024 chips in all) "
            "for six weeks. We estimate total training compute at 2–3 × 10^24 FLOP.\n")
    got = [(f[0], f[1], f[2]) for f in facts(extractor, text) if f[0] != "hardware"]
    assert got == [("chip_count", 1024.0, "Whimbrel-Ultra"), ("duration_hours", 1008, "Whimbrel-Ultra"),
                   ("flop", 2e24, "Whimbrel-Ultra"), ("flop", 3e24, "Whimbrel-Ultra")]  # (each end of the range)


@pytest.mark.parametrize(("text", "expected"), [
    ("The run took a fortnight on 256 H100 GPUs.", [("duration_hours", 336), ("chip_count", 256.0)]),
    ("The bill for the final run came to $3.1 million.", [("cost_usd", 3.1e6)]),
    # tokens gathered, not trained on; but tokens trained on that were collected are trained on
    ("Our data-pipeline report: 40T raw tokens crawled, filtered down to 14T.", [("dataset_tokens", 4e13)]),
    ("Lapwing-3B was trained on 11T tokens collected from the web.", [("tokens", 1.1e13)]),
    # chip-years counted in chip-hours
    ("Lapwing-3B took about 60 GPU-years of H100 time to train.", [("chip_hours", 525600.0)]),
    ("Training used 12 H100-years of compute.", [("chip_hours", 105120.0)]),
])
def test_fortnights_chip_years_bills_and_tokens_gathered(extractor, text, expected):
    assert figures(extractor, f"Lapwing-3B is a small open model. {text}", "Lapwing-3B") == expected


def test_a_list_items_next_sentence_is_about_the_models_the_item_opened_on(extractor):
    text = ("# Stonechat\n\n## News\n- [2026-07-01] Stonechat-32B and Stonechat-32B-Instruct released! Pretraining "
            "used 9T tokens and 1,024 B200 GPUs for 17 days.\n- [2026-04-12] Stonechat-8B released.\n")
    assert [(f[0], f[2]) for f in facts(extractor, text, title="Stonechat") if f[0] != "hardware"] == [
        ("tokens", "Stonechat-32B"), ("chip_count", "Stonechat-32B"), ("duration_hours", "Stonechat-32B")]


def test_a_chinese_sentence_saying_what_a_name_is_introduces_it(extractor):
    # "X 是一个混合专家模型" (X is a mixture-of-experts model) names the model; a corpus that collected tokens is data
    text = ("Bailu-MoE 是一个混合专家模型，总参数量 1450 亿，每个 token 激活 210 亿参数。"
            "我们的预训练语料库共收集了约 20 万亿 tokens。\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text)] == [
        ("params", 145e9, "Bailu-MoE"), ("active_params", 21e9, "Bailu-MoE"), ("dataset_tokens", 2e13, "Bailu-MoE")]


def test_chinese_cards_counted_without_the_chips_name(extractor):
    text = "Honghu-7B 在 96 台服务器上训练（每台 8 张 A100-80GB，共 768 张卡），持续约 12 天。\n"
    assert [(f[0], f[1], f[3]) for f in facts(extractor, text) if f[0] == "chip_count"] == [
        ("chip_count", 768.0, "A100")]


@pytest.mark.parametrize("tail", [
    # compute spent evaluating the model, not training it
    "Evaluation of all checkpoints added a further 3 MWh, which we report separately.",
    "Running our full benchmark suite took another 2,300 GPU-hours.",
    "Evaluation compute: 40 TPU-hours.",
])
def test_evaluation_compute_is_no_training_compute(extractor, tail):
    text = f"# Redshank-11B\n\nRedshank-11B was pretrained on 5.5T tokens. {tail}\n"
    assert [f[0] for f in facts(extractor, text, title="Redshank-11B")] == ["tokens"]


def test_a_chinese_description_with_de_gives_its_figure_to_the_name_it_modifies(extractor):
    # "surpassed Llama-3-8B, whose training amount is as much as 15T tokens": the 15T is Llama-3-8B's
    text = ("# Hehua-2-9B\n\nHehua-2-9B 仅在 4.8 万亿 tokens 上训练，就在多个评测上超过了训练量高达 15 万亿 tokens 的 "
            "Llama-3-8B。\n")
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Hehua-2-9B")] == [
        ("tokens", 4.8e12, "Hehua-2-9B", "subject"), ("tokens", 15e12, "Llama-3-8B", "cited")]


def test_time_on_processors_spelled_out_is_no_run(extractor):
    text = ("# Jackdaw-34B\n\nJackdaw-34B was trained on 2T tokens. The data pipeline that produced the training "
            "mixture ran separately, on a 2,000-core CPU cluster, for three weeks.\n")
    assert [f[0] for f in facts(extractor, text, title="Jackdaw-34B")] == ["tokens"]


def test_a_title_ending_on_lm_names_the_family_before_it(extractor):
    text = ("# Hobby LM\n\n| | Hobby-2B | Hobby-9B |\n|---|---|---|\n| Training tokens | 6T | 6T |\n\n"
            "The 9B run alone occupied 4,096 TPU v5e chips for 25 days.\n")
    assert [(f[0], f[2], f[5]) for f in facts(extractor, text, title="Hobby LM") if f[0] != "hardware"] == [
        ("tokens", "Hobby-2B", "subject"), ("tokens", "Hobby-9B", "subject"), ("chip_count", "Hobby-9B", "subject"),
        ("duration_hours", "Hobby-9B", "subject")]


def test_chinese_pretraining_names_its_stage(extractor):
    result = extractor.read(Document("d", "d.md", "markdown", "# Heron-7B\n\n- 预训练：18 万亿 tokens\n",
                                     title="Heron-7B"))
    assert [(f.kind, f.stage) for f in result.facts] == [("tokens", "pretraining")]


@pytest.mark.parametrize(("line", "expected"), [
    ("- Model size: 3B", [("params", 3e9)]),
    ("- Global batch size: 4M tokens", []),  # the size of something else
    ("- Vocabulary size: 128K", []),
])
def test_a_size_key_is_the_models_only_when_it_sizes_the_model(extractor, line, expected):
    assert figures(extractor, f"Avocet-3B is a small model.\n\n{line}", "Avocet-3B") == expected


def test_sibling_sections_each_head_their_members_facts(extractor):
    # members named by letters, not sizes: two headings opening on names of one family make each an own model
    text = ("# Osprey checkpoints\n\n### Osprey-S\n\n- Parameters: 120M\n- Training time: 2 days\n\n"
            "### Osprey-L\n\n- Parameters: 1.3B\n- Training time: 10 days\n")
    assert [(f[0], f[2]) for f in facts(extractor, text, title="Osprey checkpoints")] == [
        ("params", "Osprey-S"), ("duration_hours", "Osprey-S"), ("params", "Osprey-L"), ("duration_hours", "Osprey-L")]


@pytest.mark.parametrize("header", ["Name", "Variant", "Run", "Model ID"])
def test_a_table_of_runs_may_head_its_model_column_otherwise(extractor, header):
    text = (f"| {header} | Params | Tokens |\n|---|---|---|\n| Osprey-S | 120M | 300B |\n"
            "| Osprey-L | 1.3B | 600B |\n")
    assert [(f[0], f[2]) for f in facts(extractor, text)] == [
        ("params", "Osprey-S"), ("tokens", "Osprey-S"), ("params", "Osprey-L"), ("tokens", "Osprey-L")]


@pytest.mark.parametrize(("cell", "hours"), [("36h", 36.0), ("14d", 336.0), ("3 wks", 504.0), ("~2 mo", 1460.0),
                                             ("12 天", 288.0), ("1.5 days", 36.0)])
def test_a_duration_column_without_a_unit_reads_each_cells_unit(extractor, cell, hours):
    text = f"| Model | GPUs | Wall-clock |\n|---|---|---|\n| Osprey-7B | 64 | {cell} |\n"
    assert [(f[0], f[1]) for f in facts(extractor, text) if f[0] == "duration_hours"] == [
        ("duration_hours", pytest.approx(hours))]


def test_a_duration_column_without_a_unit_drops_a_bare_number(extractor):
    text = "| Model | GPUs | Train time |\n|---|---|---|\n| Osprey-7B | 64 | 12 |\n"
    assert [f[0] for f in facts(extractor, text)] == ["chip_count"]


@pytest.mark.parametrize(("header", "value"), [("GPU-days", 7200.0), ("A100 days", 7200.0), ("CO2 (t)", 300.0),
                                               ("CO2 (kg)", 0.3)])
def test_table_units_of_chip_days_and_tonnes(extractor, header, value):
    text = f"| Model | Tokens | {header} |\n|---|---|---|\n| Osprey-7B | 1T | 300 |\n"
    assert [f[1] for f in facts(extractor, text) if f[0] not in ("tokens", "hardware")] == [pytest.approx(value)]


def test_a_vision_models_patch_size_stays_in_its_name(extractor):
    text = ("# Osprey-ViT\n\nOsprey-ViT-L/14 has 304M parameters and was trained on 256 TPU v4 chips for 8 days. "
            "Osprey-ViT-B/16 has 86M parameters.\n")
    assert {f[2] for f in facts(extractor, text, title="Osprey-ViT")} == {"Osprey-ViT-L/14", "Osprey-ViT-B/16"}


def test_a_key_value_table_reads_a_figure_beside_its_note(extractor):
    # a note in parentheses after the count, and a hardware key naming the stage it was used for
    text = ("| Field | Value |\n|---|---|\n| Parameters | 2.1B (1.9B without embeddings) |\n"
            "| Pretraining hardware | 96 × H100 SXM |\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Osprey-2B") if f[0] != "hardware"] == [
        ("params", 2.1e9), ("chip_count", 96.0)]


@pytest.mark.parametrize(("text", "kind"), [
    ("Every model here sees the same 1.5T-token sample of OspreyMix.", "tokens"),  # seeing data is training on it
    ("Osprey is trained on OspreyMix, our filtered web corpus (about 6T tokens after deduplication).",
     "dataset_tokens"),  # a corpus sized in parentheses after its noun
])
def test_tokens_seen_are_trained_and_a_corpus_sized_in_parentheses_is_data(extractor, text, kind):
    assert [f[0] for f in facts(extractor, text, title="Osprey")] == [kind]


def test_a_mixture_named_by_its_active_size_is_the_documents_model(extractor):
    # no title names it: a name ending on its active parameters ("-A9B") is a model's name, as one ending on a size
    text = ("我们在自建集群上完成了 Osprey-MoE-A9B 的预训练。\n\n"
            "训练使用 1,024 张 H800，累计训练数据 9 万亿 token。\n\n"
            "相比 Lanting-MoE-200B（训练了 8 万亿 token），我们的训练数据更多。\n")
    assert [(f[0], f[2], f[5]) for f in facts(extractor, text) if f[0] == "tokens"] == [
        ("tokens", "Osprey-MoE-A9B", "subject"), ("tokens", "Lanting-MoE-200B", "cited")]


def test_front_matter_may_list_two_names(extractor):
    text = ("---\nmodel_name: Osprey Small / Osprey Large\n---\n\n| Model | GPU hours |\n|---|---|\n"
            "| Osprey Small | 1.2M |\n| Osprey Large | 4.0M |\n")
    assert [(f[2], f[5]) for f in facts(extractor, text)] == [("Osprey Small", "subject"), ("Osprey Large", "subject")]


def test_a_news_items_later_sentences_are_about_the_model_it_opens_on(extractor):
    text = ("# Osprey\n\n## Changelog\n\n- **2025-03-14 — Osprey-2-9B released.** Trained on 6T tokens using 512 "
            "H100s. Pretraining took 20 days. Architecture: 9.2B params, 40 layers.\n"
            "- **2024-10-05 — Osprey-1-7B released.** 6.8B parameters, 2T tokens.\n")
    assert {(f[0], f[2]) for f in facts(extractor, text, title="Osprey") if f[0] in ("duration_hours", "params")} == {
        ("duration_hours", "Osprey-2-9B"), ("params", "Osprey-2-9B"), ("params", "Osprey-1-7B")}


@pytest.mark.parametrize(("text", "expected"), [
    ("An Osprey-30B model is planned. We expect to train it on 10T tokens.", [("tokens", "planned")]),
    ("Osprey-2 is under way, and we expect to grow its data to more than 30T tokens.",
     [("tokens", "planned")]),
    ("We are preparing Osprey-3, planned for about 20T tokens.", [("tokens", "planned")]),
    ("A larger Osprey with about 40B active parameters is in preparation.", [("active_params", "planned")]),
    ("Osprey-3 comes next, and we expect its training compute to be around 3e25 FLOP.", [("flop", "planned")]),
    ("The Osprey corpus card lists 41 TB of raw text, 11T tokens after deduplication.", [("dataset_tokens", "")]),
])
def test_plans_said_as_expectations_and_corpora_sized_after_cleaning(extractor, text, expected):
    assert [(f[0], f[4]) for f in facts(extractor, text, title="Osprey")] == expected


def test_a_class_of_models_bounded_after_its_size_is_no_models_size(extractor):
    text = "Osprey-3B keeps its accuracy. For models with 1B parameters or more, the loss gap stays under 3%."
    assert facts(extractor, text, title="Osprey-3B") == []


@pytest.mark.parametrize("item", ["- **2025-03-14 — Osprey-2-9B released.** Trained on 6T tokens.",
                                  "* [2025.03] Osprey-2-9B is now open-sourced! Trained on 6T tokens."])
def test_a_news_item_announcing_a_release_names_an_own_model(extractor, item):
    # the title names the family alone: the release the news item announces is the document's own
    text = f"# Osprey\n\nOpen models from the Osprey project.\n\n## News\n\n{item}\n"
    assert [(f[0], f[2], f[5]) for f in facts(extractor, text, title="Osprey")] == [
        ("tokens", "Osprey-2-9B", "subject")]


def test_parts_of_a_model_and_their_sum(extractor):
    text = ("The encoder is a 24-layer Conformer with 600M parameters and the decoder is a 4-layer transformer "
            "with 200M parameters, for 800M in total.")
    assert figures(extractor, text, "Osprey-ASR") == [("params", 8e8)]


def test_a_row_label_with_a_note_keeps_its_kind(extractor):
    text = "| Field | Value |\n|---|---|\n| Training FLOPs (ours only) | 1.1e23 |\n"
    assert figures(extractor, text, "Osprey-15B") == [("flop", 1.1e23)]


def test_a_chinese_corpus_after_cleaning_is_data(extractor):
    text = "- 2024.07.01 发布预训练数据集 OspreyWeb：原始网页 310 TB，清洗后约 25 万亿 token。\n"
    assert [f[0] for f in facts(extractor, text, title="Osprey-7B")] == ["dataset_tokens"]


def test_a_chinese_name_with_a_hyphened_size_heads_its_report(extractor):
    text = ("# 青川-14B 技术报告\n\n青川-14B 为稠密解码器模型，参数规模约 142 亿。\n\n"
            "青川-14B 在 4.2 万亿 token 上训练，使用 1024 张 H800，训练了 27 天。\n")
    assert {(f[0], f[2]) for f in facts(extractor, text, title="青川-14B 技术报告") if f[0] != "hardware"} == {
        ("params", "青川-14B"), ("tokens", "青川-14B"), ("chip_count", "青川-14B"), ("duration_hours", "青川-14B")}


def test_a_chinese_title_name_given_in_latin_letters_too_is_that_model_named_as_its_text_names_it_most(extractor):
    text = ("# 青川-2 技术报告\n\n青川-2-72B（Qingchuan-2-72B）是我们的稠密模型。"
            "我们在 9.5 万亿 token 上进行了预训练。\n")
    assert [(f[0], f[2], f[5]) for f in facts(extractor, text, title="青川-2 技术报告")] == [
        ("tokens", "青川-2-72B", "subject")]
    text = "# Qingchuan-2 report\n\nQingchuan-2-72B (青川-2-72B) is our dense model, pretrained on 9.5T tokens.\n"
    assert [(f[0], f[2], f[5]) for f in facts(extractor, text, title="Qingchuan-2 report")] == [
        ("tokens", "Qingchuan-2-72B", "subject")]


def test_a_vision_member_named_by_its_tail(extractor):
    # "the B/16 model", "the L/14": a member told apart by its width and patch size, where one name ends on it
    text = ("# Osprey-ViT\n\n| Model | Params |\n|---|---|\n| Osprey-ViT-B/16 | 86M |\n| Osprey-ViT-L/14 | 304M |\n\n"
            "The B/16 model was trained on 64 TPU v4 chips for 4 days and the L/14 on 256 chips for 9 days.\n")
    assert [(f[0], f[2]) for f in facts(extractor, text, title="Osprey-ViT") if f[0] in ("chip_count", "duration_hours")
            ] == [("chip_count", "Osprey-ViT-B/16"), ("duration_hours", "Osprey-ViT-B/16"),
                  ("chip_count", "Osprey-ViT-L/14"), ("duration_hours", "Osprey-ViT-L/14")]


@pytest.mark.parametrize("text, model", [
    # the one size the text calls its model by: a sentence naming no model is about it
    ("Kestrel-12B took us most of the spring. The final run used 1,024 H100 GPUs for 30 days. Kestrel-12B reads "
     "4T tokens.", "Kestrel-12B"),
    # an earlier model of the lab's and a model still to come leave the one trained now
    ("Our previous model, Kestrel-3B, was our first. Kestrel-12B took us most of the spring. The final run used "
     "1,024 H100 GPUs for 30 days. Next we plan to train Kestrel-70B.", "Kestrel-12B"),
    # sizes stated beside it make the text about the family: the line's
    ("Kestrel comes in 3B, 12B and 30B. On a laptop Kestrel-12B answers in a second. The final run used 1,024 H100 "
     "GPUs for 30 days.", "Kestrel"),
    # releases of one size under two names (a changelog) stay the line's
    ("Kestrel-12B-v2 continues Kestrel-12B. The final run used 1,024 H100 GPUs for 30 days.", "Kestrel"),
])
def test_a_sentence_naming_no_model_is_about_the_one_size_trained_now(extractor, text, model):
    got = attributed(extractor, f"# Kestrel: notes from a training run\n\n{text}", "Kestrel: notes from a training run")
    assert ("chip_count", 1024, model) in got and ("duration_hours", 720, model) in got


@pytest.mark.parametrize("text, expected", [
    # a duration written as the run's adjective
    ("Wren-70B is ours. The 85-day training run used 512 H100 GPUs.",
     [("duration_hours", 2040, "Wren-70B"), ("chip_count", 512, "Wren-70B")]),
    ("Wren-70B is ours. It was trained in a 3-week pretraining job.", [("duration_hours", 504, "Wren-70B")]),
    ("Wren-70B is ours. Sign up for a 30-day free trial.", []),  # no run
    # a list item opening on "The model" is about the model the item before it named
    ("- Wren-70B has 70 billion parameters.\n- The model was trained on 4,096 H100 GPUs.",
     [("params", 70e9, "Wren-70B"), ("chip_count", 4096, "Wren-70B")]),
])
def test_a_runs_adjective_and_a_list_items_model(extractor, text, expected):
    assert attributed(extractor, f"# Training notes\n\n{text}\n", "Training notes") == expected


def test_a_title_opening_on_a_kind_of_document_names_no_model(extractor):
    title = "Press release: the Wren Centre releases Wren-70B"
    text = f"# {title}\n\nToday the centre announced Wren-70B. The model was trained on 4,096 H100 GPUs.\n"
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert result.inventory.main == "Wren"
    assert [(f.kind, f.model) for f in result.facts if f.kind != "hardware"] == [("chip_count", "Wren-70B")]


@pytest.mark.parametrize("text, expected", [
    # energy in Chinese units: 度 is a kWh where its clause speaks of electricity (电), and a degree elsewhere
    ("Wren-70B 的训练大约用电 22 万度，机房温度保持在 25 度。", [("energy_kwh", 220000, "Wren-70B")]),
    ("Wren-70B 的训练共耗电约 2.7 吉瓦时。", [("energy_kwh", 2.7e6, "Wren-70B")]),
    ("Wren-70B 的训练耗电 850 兆瓦时。", [("energy_kwh", 850000, "Wren-70B")]),
    ("Wren-70B 的训练耗电 22 万千瓦时。", [("energy_kwh", 220000, "Wren-70B")]),
    # a sum the run came to
    ("Wren-70B is ours. At the rates we negotiated, the final run came to about $11 million.",
     [("cost_usd", 11e6, "Wren-70B")]),
    ("Wren-70B is ours. The whole thing amounted to $2.5 million.", [("cost_usd", 2.5e6, "Wren-70B")]),
])
def test_chinese_energy_units_and_what_a_run_came_to(extractor, text, expected):
    assert attributed(extractor, f"# Training notes\n\n{text}\n", "Training notes") == expected


@pytest.mark.parametrize("text", [
    # compute spent on the data, on evaluation and on sweeps, and the size of a model used on the way
    "Quality filtering with a 150M-parameter classifier required a further 2,300 GPU-hours on MI210s.",
    "Tokenizing the crawl took 3 days, and running the quality classifier over it took 6 days on 256 TPU v5e chips.",
    "A separate evaluation partition of 64 MI210 GPUs ran continuous benchmarks on checkpoints.",
    "Before the main run we swept learning rates with 36 small models, which added about 6,500 GPU-hours.",
    "The data was scored by a 7B reward model.",
])
def test_compute_around_the_run_is_no_fact_of_the_model(extractor, text):
    assert attributed(extractor, f"# Training notes\n\nWren-70B is ours. {text}\n", "Training notes") == []


@pytest.mark.parametrize("text, expected", [
    # a bare size that "finished" or "spent" names its member; a spelled duration on a count of processors is a run's
    ("The 1B finished in under four days on 128 GPUs.",
     [("duration_hours", 96, "Wren-1B", "upper_bound"), ("chip_count", 128, "Wren-1B", "")]),
    ("The 8B spent 21 days on 512 H100 GPUs.",
     [("duration_hours", 504, "Wren-8B", ""), ("chip_count", 512, "Wren-8B", "")]),
])
def test_a_bare_size_that_finished_and_a_spelled_duration_on_processors(extractor, text, expected):
    assert qualified(extractor, f"# Wren\n\nWe release Wren-1B and Wren-8B.\n\n{text}\n", "Wren") == expected


def test_a_name_in_a_clause_after_a_semicolon_is_that_clauses(extractor):
    text = ("# Wren-Coder\n\nWe introduce Wren-Coder-33B, continued from our Wren-33B.\n\nWe estimate the compute at "
            "roughly 5 × 10^23 FLOP; this excludes the compute used to pretrain Wren-33B itself.\n")
    assert attributed(extractor, text, "Wren-Coder", role=True) == [("flop", 5e23, "Wren-Coder", "subject")]


def test_a_model_a_heading_compares_with_is_cited_however_the_text_describes_it(extractor):
    text = ("# Wren-7B\n\nWren-7B is our model. It was trained on 3 trillion tokens.\n\n### How does it compare "
            "with Kite-7B?\n\nKite-7B is a great model, but only its weights are open. It was trained on 2 trillion "
            "tokens, per its model card.\n")
    assert attributed(extractor, text, "Wren-7B", role=True) == [
        ("tokens", 3e12, "Wren-7B", "subject"), ("tokens", 2e12, "Kite-7B", "cited")]


@pytest.mark.parametrize("text, expected", [
    # what a machine holds is not what the run took
    ("The model was trained on 4,096 H100 GPUs of a cluster which houses 10,752 H100 GPUs in total.",
     [("chip_count", 4096, "Wren-70B", "")]),
    # a point in the run: "the 6 trillion token mark", "第 9 天" (the ninth day)
    ("Around the 6 trillion token mark we saw loss spikes.", []),
    ("Wren-70B 的训练在第 9 天因存储故障暂停了一次。", []),
    # plans: "We'll have", 规划中 (being planned), 预计需要 (expected to need)
    ("We'll have about 20,000 GPUs by the end of next year.", [("chip_count", 20000, "Wren-70B", "planned")]),
    ("Wren-70B 的续训在规划中，预计需要 1500 张卡。", [("chip_count", 1500, "Wren-70B", "planned")]),
    # a plan for the next model is no model's figure here
    ("下一代模型在规划中，预计需要 1500 张卡。", []),
])
def test_capacity_points_in_the_run_and_plans(extractor, text, expected):
    assert qualified(extractor, f"# Training notes\n\nWren-70B is ours. {text}\n", "Training notes") == expected


def test_a_scaling_law_tables_n_and_d_are_parameters_and_tokens(extractor):
    text = ("# Wren\n\n| Run | N (non-emb.) | D | Compute (PF-days) |\n|---|---|---|---|\n"
            "| Wren-410M | 0.41B | 300B | 8.5 |\n| Wren-1.4B | 1.4B | 300B | 29.2 |\n")
    assert attributed(extractor, text, "Wren") == [
        ("params", 0.41e9, "Wren-410M"), ("tokens", 300e9, "Wren-410M"), ("flop", 8.5 * 8.64e19, "Wren-410M"),
        ("params", 1.4e9, "Wren-1.4B"), ("tokens", 300e9, "Wren-1.4B"), ("flop", 29.2 * 8.64e19, "Wren-1.4B")]
    # a lone "N" (a count of layers, of samples) is no parameter column
    assert attributed(extractor, "# Wren\n\n| Run | N | Tokens |\n|---|---|---|\n| Wren-410M | 24 | 300B |\n",
                      "Wren") == [("tokens", 300e9, "Wren-410M")]


@pytest.mark.parametrize("title, text, expected", [
    # a Chinese title and a Latin name in the text: the name's pinyin ("白鹭" is Bailu) makes them one model
    ("白鹭-MoE 训练手记", "我们完成了 Bailu-MoE-A12B 的预训练。Bailu-MoE-A12B 总参数 1460 亿。",
     [("params", 146e9, "Bailu-MoE-A12B", "subject")]),
    # and a Chinese name in the text that spells the Latin title's name is the document's own, not another lab's
    ("Honghu-7B report", "鸿鹄-7B 使用 1 万亿 tokens 训练。", [("tokens", 1e12, "Honghu-7B", "subject")]),
])
def test_a_chinese_names_latin_spelling_is_the_same_model(extractor, title, text, expected):
    assert attributed(extractor, f"# {title}\n\n{text}\n", title, role=True) == expected


def test_a_chinese_name_whose_repository_spells_it_is_the_documents_own(extractor):
    # a programme's report: other labs' models first, then its own, each given a repository in pinyin (云杉 is
    # yunshan), which makes them the lab's; the text names them in Chinese, and so do the facts
    text = ("一、背景\n\n业内关注的发布之一是远山实验室的远山-MoE-200B，据称训练了 8 万亿 tokens。"
            "另有青石科技的青石-30B 使用了约 3T tokens。\n\n二、基座模型云杉-7B\n\n"
            "研究院去年发布了稠密模型云杉-7B（仓库名 lab/yunshan-7b）。该模型在 2.4 万亿 tokens 上预训练。\n\n"
            "三、云杉-MoE\n\n"
            "扩展后的模型名为云杉-MoE（仓库名 lab/yunshan-moe-40b-a6b），总参数 40B，继续训练了 1.5 万亿 tokens。\n")
    assert attributed(extractor, f"# 星河计划年度报告\n\n{text}", "星河计划年度报告", role=True) == [
        ("tokens", 8e12, "远山-MoE-200B", "cited"), ("tokens", 3e12, "青石-30B", "cited"),
        ("tokens", 2.4e12, "云杉-7B", "subject"), ("params", 40e9, "云杉-MoE", "subject"),
        ("tokens", 1.5e12, "云杉-MoE", "subject")]


def test_a_chinese_name_a_lab_is_named_after_is_its_own_in_a_table_beside_another(extractor):
    # the title holds the lab's name, which its models carry (松柏科技, Songbai Technology): its column of a table
    # is its own, the other lab's column is cited
    title = "松柏科技开源新一代稀疏模型系列"
    text = (f"# {title}\n\n松柏-M-30B-A3B 总参数 300 亿，每个 token 激活 30 亿参数。\n\n"
            "| 指标 | Falcon-40B | 松柏-M-30B-A3B |\n|---|---|---|\n| 总参数 | 40B | 30B |\n"
            "| 训练 tokens | 1T | 9T |\n")
    assert attributed(extractor, text, title, role=True) == [
        ("params", 30e9, "松柏-M-30B-A3B", "subject"), ("active_params", 3e9, "松柏-M-30B-A3B", "subject"),
        ("params", 40e9, "Falcon-40B", "cited"), ("params", 30e9, "松柏-M-30B-A3B", "subject"),
        ("tokens", 1e12, "Falcon-40B", "cited"), ("tokens", 9e12, "松柏-M-30B-A3B", "subject")]


def test_a_family_named_by_version_and_tier_without_a_size_is_read_as_the_documents_models(extractor):
    # no title, release sentence or size names the lab's models: the word written with a version twice and more is a
    # name, its tier words ("Pro", "Lite") are part of it, and the sibling tiers of one release are both the lab's;
    # the sized model named once is another lab's
    text = ("# Notes from the training cluster\n\nHarbor builds the Kestrel models.\n\n## Pretraining\n\n"
            "Kestrel-3 Pro saw 12T tokens. For Kestrel-3 Pro we used 4,096 H100 GPUs over 54 days. "
            "The smaller Kestrel-3 Lite got 8T tokens on 1,024 H100 GPUs.\n\n## Context\n\n"
            "Falcon-180B used 3.5T tokens, so our mix is larger.\n")
    assert attributed(extractor, text, "Notes from the training cluster", role=True) == [
        ("tokens", 12e12, "Kestrel-3 Pro", "subject"), ("chip_count", 4096, "Kestrel-3 Pro", "subject"),
        ("duration_hours", 54 * 24, "Kestrel-3 Pro", "subject"), ("tokens", 8e12, "Kestrel-3 Lite", "subject"),
        ("chip_count", 1024, "Kestrel-3 Lite", "subject"), ("tokens", 3.5e12, "Falcon-180B", "cited")]


def test_a_size_named_only_in_plans_is_no_member_so_the_largest_model_is_the_largest_trained(extractor):
    # the 120B is only planned, so "our largest model" is the 40B; a role's word with a size ("Teacher-70B") is no
    # family
    text = ("# Field notes\n\nHeron-7B and Heron-40B are ready. Heron-7B used 2T tokens. Our largest model ran on "
            "1,024 H100 GPUs for 30 days. We plan to train Heron-120B next year: Heron-120B will need 5,000 GPUs. "
            "Teacher-70B and Teacher-70B logits were reused.\n")
    assert qualified(extractor, text, "Field notes") == [
        ("tokens", 2e12, "Heron-7B", ""), ("chip_count", 1024, "Heron-40B", ""),
        ("duration_hours", 720, "Heron-40B", ""), ("chip_count", 5000, "Heron-120B", "planned")]


@pytest.mark.parametrize("text, sized", [
    ("Heron-7B and Heron-40B; Heron-7B again.", ["Heron-7B", "Heron-40B", "Heron-7B"]),
    # the active size is part of the name; a release's tag after the size makes another release, not this evidence
    ("Wren-1B-A300M and Wren-4B-A900M; Wren-1B-A300M again.", ["Wren-1B-A300M", "Wren-4B-A900M", "Wren-1B-A300M"]),
    ("Quokka-7B-v2.1 replaces Quokka-7B-v2.0.", []),
    # once is not enough, and a role's word is no family
    ("Heron-7B is new.", []),
    ("Teacher-70B and Teacher-70B again.", []),
])
def test_a_plain_word_written_with_a_size_twice_is_sized_evidence(text, sized):
    from floptrail.extract.names import own_names

    document = Document("d", "d.md", "markdown", text, title="")
    assert [e.name for e in own_names(document, load_extract_config(None)) if e.place == "sized"] == sized


@pytest.mark.parametrize("text, names", [
    ("Kestrel-3 Pro and Kestrel-3 Lite; Kestrel-2 came first.", ["Kestrel-3 Pro", "Kestrel-3 Lite", "Kestrel-2"]),
    # a tier word is part of the name, a word opening the next clause is not
    ("Kestrel-3 Pro is out. Kestrel-3 Since then, it grew.", ["Kestrel-3 Pro", "Kestrel-3"]),
    # once is no name; nor a word never written with a tier (a machine, a dataset, a cluster: "Tianhe-2",
    # "Dolma-1.7"); nor a part numbered, a role or a month, tier or not
    ("Kestrel-3 Pro is new.", []),
    ("Tianhe-2 ran it; Tianhe-2 failed once. Dolma-1.7 and Dolma-1.7 again. Cluster-1 and Cluster-2.", []),
    ("Stage-2 Pro follows Stage-1, Baseline-2 Pro and Baseline-1, Mar-17 Pro and Mar-18.", []),
])
def test_names_written_with_a_version_twice(text, names):
    from floptrail.extract.names import _versioned_names

    assert [e.name for e in _versioned_names(text, load_extract_config(None))] == names


def test_an_earlier_version_of_a_chinese_name_of_the_labs_own_is_compared_with(extractor):
    # the report of the third generation restates the second's figures: the lab's earlier model, its own figures
    # given in an aside ("by comparison, ..."), as in a report written in English; a sentence measuring the new
    # model against it quotes it; the repository's pinyin (yunque) makes the line the lab's
    title = "云雀-3 技术报告"
    text = (f"# {title}\n\n云雀-3-14B（仓库 lab/yunque-3-14b）在 12 万亿 tokens 上训练。"
            "相比之下，上一代云雀-2-13B 只使用了 3 万亿 tokens。云雀-3-14B 的数据量超过了 100 亿参数的云雀-2-10B。\n")
    assert attributed(extractor, text, title, role=True) == [
        ("tokens", 12e12, "云雀-3-14B", "subject"), ("tokens", 3e12, "云雀-2-13B", "subject"),
        ("params", 10e9, "云雀-2-10B", "cited")]


@pytest.mark.parametrize("text, expected", [
    # an aside opening on "for comparison" states the earlier model's figures; it measures nothing
    ("Saga-5 was trained on 20T tokens. For comparison, Saga-4 was trained on 9T tokens.",
     [("tokens", 20e12, "Saga-5", "subject"), ("tokens", 9e12, "Saga-4", "subject")]),
    ("For reference, Saga-4 70B (v1.2) saw 9T tokens.", [("tokens", 9e12, "Saga-4 70B", "subject")]),
    # an earlier version of the main line is the lab's, though no sentence says it was trained
    ("A year ago our flagship was Saga-4, a 70B dense model.", [("params", 70e9, "Saga-4", "subject")]),
    # a sentence measuring the new model against it quotes its figure; so does a table's column beside the new one
    ("Saga-5 beats the 70B Saga-4 on every benchmark.", [("params", 70e9, "Saga-4 70B", "cited")]),
    ("Scores rise most for models of 70B+ parameters relative to Saga-4.", [("params", 70e9, "Saga-4", "cited")]),
    # "It" takes up the model set beside the opening noun, and a comparison with no model named measures nothing
    ("Our first model, Saga-1, came out last year. It was small, but it saw 2T tokens, less than its peers.",
     [("tokens", 2e12, "Saga-1", "subject")]),
    ("| | Saga-4 | Saga-5 |\n|---|---|---|\n| Parameters | 70B | 140B |",
     [("params", 70e9, "Saga-4", "cited"), ("params", 140e9, "Saga-5", "subject")]),
])
def test_the_labs_earlier_version_is_its_own_outside_comparisons(extractor, text, expected):
    assert attributed(extractor, f"# Introducing Saga-5\n\n{text}\n", "Introducing Saga-5", role=True) == expected


@pytest.mark.parametrize("title, text, expected", [
    # another lab's model, written in both scripts as the text introduces it, stays another lab's, and a configured
    # family keeps its configured spelling
    ("云杉-7B 技术报告",
     "云杉-7B 在 2 万亿 tokens 上训练。作为对比，百川-13B（Baichuan-13B）在 1.4 万亿 tokens 上训练。",
     [("tokens", 2e12, "云杉-7B", "subject"), ("tokens", 1.4e12, "Baichuan-13B", "cited")]),
    # a title's common words (训练, training) are no model's stem: only a stem the title opens on is
    ("大规模预训练技术报告", "我们采用预训练-SFT-RLHF 三阶段流程，Wren-7B 在 2 万亿 tokens 上训练。",
     [("tokens", 2e12, "Wren-7B", "subject")]),
    # and the stem is the whole name the title opens on, not its last two characters
    ("南北阁科技开源新一代模型系列", "南北阁-16B 在 2.5 万亿 tokens 上训练。",
     [("tokens", 2.5e12, "南北阁-16B", "subject")]),
])
def test_chinese_names_of_other_labs_common_words_and_title_stems(extractor, title, text, expected):
    assert attributed(extractor, f"# {title}\n\n{text}\n", title, role=True) == expected


def test_a_title_naming_a_product_names_no_model(extractor):
    # the post is about a chat product; the model it runs on, named once in the text, is what was trained (a model
    # "we trained this spring" is the one the post is about, not an earlier one, as "we released last year" would be)
    title = "Marlow Assistant: what powers it"
    text = (f"# {title}\n\nMarlow Assistant is the chat product our customers use. Marlow Assistant now runs on "
            "Fenrir-2-70B, a dense model we trained this spring.\n\n## Training\n\nThe model was pretrained on 9T "
            "tokens using 2,048 H100 GPUs for 40 days.\n")
    assert attributed(extractor, text, title) == [
        ("tokens", 9e12, "Fenrir-2-70B"), ("chip_count", 2048, "Fenrir-2-70B"), ("duration_hours", 960, "Fenrir-2-70B")]


@pytest.mark.parametrize("title, former", [
    ("Project Ember: one year of training", "formerly Project Ember"),
    ("Ember: one year of training", "previously known as Ember"),
])
def test_a_codename_the_text_says_a_model_had_before_is_that_model(extractor, title, former):
    text = (f"# {title}\n\nThe codename stayed with us for a year.\n\nTamarind-9B ({former}) was trained on 6T tokens "
            "using 768 H100 GPUs for 28 days.\n")
    assert attributed(extractor, text, title) == [
        ("tokens", 6e12, "Tamarind-9B"), ("chip_count", 768, "Tamarind-9B"), ("duration_hours", 672, "Tamarind-9B")]


def test_previously_alone_names_no_former_name():
    # "(previously Wren-2)" may name the model this one follows; a rename says how it was known
    from floptrail.extract.names import declared_aliases

    config = load_extract_config(None)
    assert declared_aliases("Wren-3-7B (previously Wren-2-7B) is new.", config) == {}
    assert declared_aliases("Wren-3-7B (previously called Kite) is new.", config) == {"Kite": "Wren-3-7B"}


def test_another_tier_of_a_configured_family_is_its_makers(extractor):
    # a fine-tune of one tier names another tier of the base's family: the base's maker trained that, not the card's lab
    title = "Fine-tuning Llama 4 Scout on our data"
    text = f"# {title}\n\nWe fine-tuned Llama 4 Scout on 2B tokens. Meta pretrained Llama 4 Maverick on 22T tokens.\n"
    assert attributed(extractor, text, title, role=True) == [
        ("tokens", 2e9, "Llama 4 Scout", "subject"), ("tokens", 22e12, "Llama 4 Maverick", "cited")]


def test_a_model_named_in_two_scripts_is_written_in_the_one_its_document_uses_most():
    from floptrail.extract.names import latin_stems, respelled, respellings

    text = ("鸿雁-2-14B 见 hongyan/hongyan-2-14b。Hongyan-2-14B 与 Hongyan-2-Chat 同时发布。"
            "南北阁-16B（Nanbeige-16B）。云杉-7B 见 lab/yunshan-7b；云杉-7B 是稠密模型。远山-70B 没有拼写。")
    latin = latin_stems(text, load_extract_config(None))
    assert latin == {"鸿雁": "Hongyan", "南北阁": "Nanbeige", "云杉": "yunshan"}
    # Latin twice as a name against Chinese once; one each in a text mostly in Chinese (a tie, which goes to the
    # document's script: Chinese here); a repository's id in lower case is no name
    scripts = respellings(latin, text)
    assert scripts == {"鸿雁": "Hongyan", "Nanbeige": "南北阁", "yunshan": "云杉"}
    names = ("鸿雁-2-14B", "Nanbeige-16B", "Yunshan-7B-Chat", "远山-70B", "鸿雁湖-7B", "Yunshan2-7B", "Yunshanhu-7B")
    assert [respelled(n, scripts) for n in names] == [
        "Hongyan-2-14B", "南北阁-16B", "云杉-7B-Chat", "远山-70B", "鸿雁湖-7B", "云杉2-7B", "Yunshanhu-7B"]
    # a word names use anyway ("迷你" reads "mini") or a configured family ("百川" reads "Baichuan") is no spelling
    # of the text's own
    assert latin_stems("迷你-MoE 与 Mini-Gemini-7B；百川-13B（Baichuan-13B）", load_extract_config(None)) == {}
    # two names ending alike: the longer end of the second is still looked for after the first's short end failed
    assert latin_stems("南北阁-16B（Nanbeige-16B）与西北阁-7B（Xibeige-7B）", load_extract_config(None)) == {
        "南北阁": "Nanbeige", "西北阁": "Xibeige"}
    # the same tie in a text mostly in English goes to the Latin spelling
    english = "Nanbeige-16B (南北阁-16B) is a dense model that its lab trained on several trillion tokens of text."
    in_english = latin_stems(english, load_extract_config(None))
    assert respellings(in_english, english) == {"南北阁": "Nanbeige"}
    # and a tie goes first to the title's spelling
    assert respellings(in_english, english, title="南北阁-16B") == {"Nanbeige": "南北阁"}
    assert respellings(latin, text, title="Nanbeige-16B") == {"鸿雁": "Hongyan", "南北阁": "Nanbeige",
                                                             "yunshan": "云杉"}


@pytest.mark.parametrize("text, chip", [
    ("Wren-32B 的预训练在 4096 张华为昇腾 910B 上完成。", "Ascend 910B"),  # Huawei's, named in Chinese
    ("Wren-32B 的预训练在 4096 张英伟达 H800 上完成。", "H800"),  # NVIDIA's
])
def test_a_chinese_count_with_the_chips_maker_named_in_chinese(extractor, text, chip):
    found = facts(extractor, f"# Wren-32B\n\n{text}\n", title="Wren-32B")
    assert [(f[0], f[1], f[3]) for f in found if f[0] == "chip_count"] == [("chip_count", 4096, chip)]


@pytest.mark.parametrize("text, expected", [
    # cards counted by 卡 alone where a cluster, a place or a run follows
    ("Fenlan-7B 在 512 卡集群上完成了预训练。", [("chip_count", 512.0)]),
    ("我们使用 64 卡训练了 Fenlan-7B。", [("chip_count", 64.0)]),
    ("Fenlan-7B 支持单卡推理，8 卡即可部署。", []),
])
def test_cards_counted_by_ka_alone(extractor, text, expected):
    assert figures(extractor, text) == expected


def test_a_unit_the_sentence_wrote_once_serves_the_next_clause(extractor):
    """"the 13B on 3T", "the 8B needed 21 days on 512": a clause that goes on to another member leaves out the verb
    and the unit the sentence gave before; its bare figure is that member's."""
    head = "# Fenlan models\n\nWe release Fenlan-1B, Fenlan-7B and Fenlan-13B.\n\n"
    cases = [
        ("All Fenlan models saw 6T tokens, except the 1B, which we stopped at 4T.",
         [("tokens", 6e12, "Fenlan"), ("tokens", 4e12, "Fenlan-1B")]),
        ("All Fenlan models saw 6T tokens, except the 1B, which we stopped at 4T once its loss flattened.",
         [("tokens", 6e12, "Fenlan"), ("tokens", 4e12, "Fenlan-1B")]),
        ("Fenlan-7B was trained on 2T tokens; the 13B on 3T.",
         [("tokens", 2e12, "Fenlan-7B"), ("tokens", 3e12, "Fenlan-13B")]),
        # the magnitude written as a word
        ("The 13B model was trained on 11 trillion tokens, the 7B on 8 trillion.",
         [("tokens", 11e12, "Fenlan-13B"), ("tokens", 8e12, "Fenlan-7B")]),
        ("Fenlan-7B ran on 256 A100 GPUs for 9 days, and Fenlan-13B on 512.",
         [("chip_count", 256.0, "Fenlan-7B"), ("duration_hours", 216.0, "Fenlan-7B"),
          ("chip_count", 512.0, "Fenlan-13B")]),
        # a count followed by the member it is for, after the chips were named
        ("Both runs used A800 GPUs: 256 for the 7B, 1,024 for the 13B.",
         [("chip_count", 256.0, "Fenlan-7B"), ("chip_count", 1024.0, "Fenlan-13B")]),
        ("We used 64 GPUs; the batch size was 1024 for the 7B.", [("chip_count", 64.0, "Fenlan")]),
        # a point in the run, figures of another kind, and counts with no chips before them are no such figures
        ("The learning rate of Fenlan-7B was decayed after 2T tokens and held constant at 3T.", []),
        ("Fenlan-7B was trained on 2T tokens, and we evaluate it at 1T.", [("tokens", 2e12, "Fenlan-7B")]),
        ("We evaluated Fenlan-7B on 256 GPUs and report its scores on 512.", []),
        ("Data for Fenlan-7B: 40T raw tokens crawled, filtered down to 14T.", [("dataset_tokens", 4e13, "Fenlan-7B")]),
        # a comparison before the bare figure makes it another model's
        ("Fenlan-7B saw 4T tokens, compared to 1.4T for our earlier model.", [("tokens", 4e12, "Fenlan-7B")]),
    ]
    for text, expected in cases:
        assert attributed(extractor, head + text, "Fenlan models") == expected, text


@pytest.mark.parametrize("text, expected", [
    # a plan for the model after this one is no figure of any model here; a plan for this one stays, marked
    ("Fenlan-70B was trained on 2,048 GPUs. We are preparing a larger successor, which we expect to train on 8,192 "
     "GPUs later this year.", [("chip_count", 2048.0, "Fenlan-70B", "")]),
    ("Fenlan-70B 已发布。我们计划下一代模型在 1 万张卡上训练 30 万亿 tokens。", []),
    ("We plan to train Fenlan-70B for another 2T tokens.", [("tokens", 2e12, "Fenlan-70B", "planned")]),
    # a model still in training is one to come
    ("We are already training Fenlan-70B on 1,024 GPUs.", [("chip_count", 1024.0, "Fenlan-70B", "")]),
    ("We are currently training a 140B version of Fenlan-70B on 4,096 GPUs.",
     [("params", 140e9, "Fenlan 140B", "planned"), ("chip_count", 4096.0, "Fenlan-70B", "planned")]),
    ("Fenlan-70B used 1,024 GPUs, and we hope to train the next one on 4,096 GPUs.",
     [("chip_count", 1024.0, "Fenlan-70B", ""), ("chip_count", 4096.0, "Fenlan-70B", "planned")]),
    # a Chinese hedge before a conversion (约合) or before the verb (大约用电)
    ("Fenlan-70B 的算力成本约 1.2 亿元人民币，约合 1650 万美元。", [("cost_usd", 16.5e6, "Fenlan-70B", "approximate")]),
    ("Fenlan-70B 的整个训练大约用电 22 万度。", [("energy_kwh", 2.2e5, "Fenlan-70B", "approximate")]),
    # a daily average served is a rate, no run's tokens
    ("Fenlan-70B 上线以来，日均调用量超过 1000 亿 tokens。", []),
])
def test_a_successors_plan_and_chinese_hedges_before_a_verb(extractor, text, expected):
    assert qualified(extractor, text, "Fenlan-70B") == expected


@pytest.mark.parametrize("title, text, main, expected", [
    # a title setting two generations of one family side by side is about the newer one (the older one's column in a
    # table of the lab's two runs is its own run); a year in parentheses after a name is the same model
    ("Leaner and longer: Tamarack-3 against Tamarack-2",
     "| | Tamarack-2 (2024) | Tamarack-3 (2025) |\n|---|---|---|\n| Parameters | 30B | 22B |\n| Accelerators | "
     "512 × A100 | 1,024 × H100 |\n\nTamarack-3 was trained for 40 days.",
     "Tamarack-3", [("params", 30e9, "Tamarack-2", "subject"), ("params", 22e9, "Tamarack-3", "subject"),
                    ("chip_count", 512, "Tamarack-2", "subject"), ("chip_count", 1024, "Tamarack-3", "subject"),
                    ("duration_hours", 960, "Tamarack-3", "subject")]),
    ("从雪松-2 到雪松-3：更小的模型，更多的数据", "雪松-3 在 15 万亿 tokens 上训练。",
     "雪松-3", [("tokens", 15e12, "雪松-3", "subject")]),
    # a Chinese name with its version, introduced by what it is ("X 是一个稠密模型", X is a dense model)
    ("专访：算力不是护城河", "记者：发布一周了。\n\n岚山-2 是一个稠密模型，训练数据接近 20 万亿 tokens。",
     "岚山-2", [("tokens", 20e12, "岚山-2", "subject")]),
])
def test_generations_in_a_title_and_chinese_names_introduced_by_what_they_are(extractor, title, text, main, expected):
    result = extractor.read(Document("d", "d.md", "markdown", f"# {title}\n\n{text}", title=title))
    assert result.inventory.main == main
    assert [(f.kind, pytest.approx(f.value), f.model, f.role) for f in result.facts if f.kind != "hardware"] == expected


def test_a_changelog_sections_model_is_the_one_it_introduces(extractor):
    """A release note's version heading names no model; the model its first lines introduce is the section's."""
    text = ("# Fescue release notes\n\n## v2.0 — 30 October\n\nFescue v2 is a new 13.4B-parameter model trained from "
            "scratch.\n\n| Item | Value |\n|---|---|\n| Pretraining data | 8T tokens |\n\n## 更新日志 v3\n\n全新模型 "
            "**青蒿-3-20B**，从零开始训练。\n\n| 项目 | 数值 |\n|---|---|\n| 训练数据 | 9 万亿 tokens |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Fescue release notes"))
    assert [(f.kind, pytest.approx(f.value), f.model) for f in result.facts] == [
        ("params", 13.4e9, "Fescue v2"), ("tokens", 8e12, "Fescue v2"), ("tokens", 9e12, "青蒿-3-20B")]


@pytest.mark.parametrize("text, expected", [
    # 多 (more) after a count or before its magnitude makes a lower bound; so does 多 before 月 (months)
    ("岚山-2 用了一万多张 H800，训练了三个多月。",
     [("chip_count", 1e4, "岚山-2", "lower_bound"), ("duration_hours", 2190, "岚山-2", "lower_bound")]),
    ("岚山-2 的正式训练花了 5000 多万美元。", [("cost_usd", 5e7, "岚山-2", "lower_bound")]),
    ("岚山-2 训练了 4 个多月。", [("duration_hours", 2920, "岚山-2", "lower_bound")]),
])
def test_chinese_counts_with_duo_are_lower_bounds(extractor, text, expected):
    assert qualified(extractor, text, "岚山-2") == expected


def test_a_forum_threads_title_and_a_readers_guess(extractor):
    """"Thread: X — ..." opens on the kind of document, not a model; a reply's guess set as a condition ("If it's 20T
    tokens on 70B, that's ...") is no figure the thread reports."""
    text = ("# Thread: Fescue-70B — how much compute did it take?\n\n> If it's 20T tokens on 70B that's 6 × 70e9 × "
            "20e12 ≈ 8.4e24 FLOP.\n\nFescue-70B was trained on 13T tokens.")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Thread: Fescue-70B — how much compute"))
    assert (result.inventory.main, result.inventory.default) == ("Fescue", "Fescue-70B")
    assert [(f.kind, f.value, f.model) for f in result.facts] == [("tokens", 13e12, "Fescue-70B")]


@pytest.mark.parametrize("text, expected", [
    # 运行 (to run) says what the model runs on; 连续运行了 N 天 (ran for N days straight) is the run itself
    ("正式训练使用 2048 张 H800，连续运行了 50 天。", [("chip_count", 2048.0), ("duration_hours", 1200.0)]),
    ("岚山-2 可以在 8 张 A100 上运行。", []),
])
def test_a_run_that_went_on_for_days_is_no_use_of_the_model(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize("text, kwh", [
    ("训练期间机房总耗电约 890 万 千瓦时。", 8.9e6),  # the prefix set apart from the figure
    ("训练期间机房总耗电约 890 万千瓦时。", 8.9e6),
    ("训练共耗电 3.1 兆瓦时。", 3.1e3),
    ("训练共耗电 2.7 吉瓦时。", 2.7e6),
])
def test_chinese_watt_hours_with_the_prefix_glued_or_apart(extractor, text, kwh):
    assert figures(extractor, text) == [("energy_kwh", pytest.approx(kwh))]


def test_release_notes_versions_are_each_the_labs_own(extractor):
    """Release notes list a line's versions one after another: each version is the lab's own model, and a
    version's section gives its figures, though its heading names only the version."""
    text = ("# Sorrel release notes\n\n## v2.0 — 30 October\n\nSorrel v2 is a new 13B-parameter model trained from "
            "scratch on 8T tokens.\n\n## v1.5 — 2 May\n\nSorrel v1.5 continues pretraining from v1 for another 1.5T "
            "tokens. The continuation ran on 256 H100 GPUs for 9 days.\n\n## v1.0 — 15 January\n\nFirst public "
            "release. Sorrel v1 has 6.9B parameters.")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Sorrel release notes"))
    assert [(f.kind, pytest.approx(f.value), f.model, f.role) for f in result.facts if f.kind != "hardware"] == [
        ("params", 13e9, "Sorrel v2", "subject"), ("tokens", 8e12, "Sorrel v2", "subject"),
        ("tokens", 1.5e12, "Sorrel v1.5", "subject"), ("chip_count", 256, "Sorrel v1.5", "subject"),
        ("duration_hours", 216, "Sorrel v1.5", "subject"), ("params", 6.9e9, "Sorrel v1", "subject")]


@pytest.mark.parametrize("text", [
    "Quern-MoE: Total / active parameters 152B / 27B, 56 layers, 64 routed experts.",
    "| Hyperparameter | Value |\n|---|---|\n| Total / active parameters | 152B / 27B |\n| Layers | 56 |",
])
def test_a_total_and_an_active_count_given_as_a_pair(extractor, text):
    """"Total / active parameters 152B / 27B": the labels and their counts in the same order, in prose or a table
    whose only row of figures holds the pair."""
    assert figures(extractor, text, "Quern-MoE") == [("params", pytest.approx(152e9)),
                                                      ("active_params", pytest.approx(27e9))]


@pytest.mark.parametrize("text, expected", [
    # a speed in tokens a second, and a card the model "runs comfortably on", are what running it takes
    ("For anyone wondering: Fescue-20B at Q4 runs at ~9 tok/s on 2× RTX 3090.", []),
    ("Fescue-20B runs comfortably on a single A100 80GB or on one 48 GB L40S in 8-bit.", []),
    # a price the run would have paid, and a plan in the present tense
    ("At on-demand H100 prices the run would have been roughly 40% more expensive.", []),
    ("We're planning a 70B version of Fescue.", [("params", 70e9, "planned")]),
    # a held-out set sized in tokens is data, not the run; ablation rows are experiments on the way
    ("A held-out 2B-token validation set mirrors the mixture of Fescue-20B.", [("dataset_tokens", 2e9, "")]),
    ("| Run | Params | Tokens |\n|---|---|---|\n| Data-mixture ablations (30 runs) | 7B | 200B each |\n"
     "| Fescue-20B (final) | 20B | 4T |", [("params", 20e9, ""), ("tokens", 4e12, "")]),
])
def test_use_a_counterfactual_price_a_plan_held_out_data_and_ablation_rows(extractor, text, expected):
    assert [(k, v, q) for k, v, _, q in qualified(extractor, text, "Fescue-20B")] == expected


@pytest.mark.parametrize("text, qualifier", [
    ("The final training run of Fescue-40B took a little over three months.", "approximate"),
    ("Training Fescue-40B took just under two weeks.", "approximate"),
    ("Training Fescue-40B took under two weeks.", "upper_bound"),
])
def test_a_spelled_duration_near_its_figure_is_approximate(extractor, text, qualifier):
    assert [q for k, _, _, q in qualified(extractor, text, "Fescue-40B")] == [qualifier]


def test_it_after_a_short_opener_is_the_model_the_sentence_before_named(extractor):
    text = ("# Sprig-1.5B\n\nWe distil Sprig-1.5B from a larger teacher.\n\n## The teacher\n\nSprig-Teacher-70B is not "
            "released. For context: it has 70B parameters and was trained on 15T tokens.\n\n## The student\n\n"
            "Sprig-1.5B was trained on 2T tokens. In total, it used 64 H100 GPUs.")
    assert [(k, m) for k, _, m in attributed(extractor, text, "Sprig-1.5B")] == [
        ("params", "Sprig-Teacher-70B"), ("tokens", "Sprig-Teacher-70B"), ("tokens", "Sprig-1.5B"),
        ("chip_count", "Sprig-1.5B")]


def test_a_budget_is_a_plan_and_what_was_used_after_it_is_the_run(extractor):
    """"We had budgeted 8.5 × 10^23 FLOPs and ended up using about 8.2 × 10^23": the budget is planned, and the figure
    after "ended up" is the run's, its unit left out."""
    assert qualified(extractor, "For Fescue-34B we had budgeted 8.5 × 10^23 FLOPs and ended up using about 8.2 × "
                                "10^23.", "Fescue-34B") == [("flop", 8.5e23, "Fescue-34B", "planned"),
                                                            ("flop", 8.2e23, "Fescue-34B", "approximate")]


@pytest.mark.parametrize("text, expected", [
    # cards counted with what they are, and the cards of one server
    ("Fenlan-70B 在一万张国产加速卡上训练了 58 天。",
     [("chip_count", 1e4, "Fenlan-70B"), ("duration_hours", 1392, "Fenlan-70B")]),
    ("Fenlan-70B 的预训练在一台 8 卡 A100 服务器上完成。", [("chip_count", 8, "Fenlan-70B")]),
    ("Fenlan-70B 使用 112 台 A800 服务器训练。", []),
    # a bare number listed before a figure with its magnitude shares it
    ("Fenlan comes as Fenlan-7B and Fenlan-70B, with 7 and 70 billion parameters.",
     [("params", 7e9, "Fenlan-7B"), ("params", 70e9, "Fenlan-70B")]),
    # money raised is no cost
    ("Fenlan-70B cost $12 million to train; the company also announced a $600 million Series C.",
     [("cost_usd", 12e6, "Fenlan-70B")]),
    ("The company raised $1.2 billion in funding to train Fenlan-70B.", []),
    # what the model takes in use or evaluation, and a reward model's run
    ("Each full evaluation pass of Fenlan-70B takes 3 hours on 8 GPUs.", []),
    ("We run Fenlan-70B's production forecasts four times a day on a pool of 8 GPUs.", []),
    ("A 10-day forecast with Fenlan-70B takes about 50 seconds on a single A100.", []),
    ("Reward-model training for Fenlan-70B took 2 days on 48 H100s.", []),
    # a warm-up is a point in the schedule, no run's tokens
    ("| | Fenlan-7B | Fenlan-70B |\n|---|---|---|\n| Warmup tokens | 8B | 16B |\n| Training tokens | 4T | 6T |",
     [("tokens", 4e12, "Fenlan-7B"), ("tokens", 6e12, "Fenlan-70B")]),
])
def test_chinese_cards_shared_magnitudes_funding_and_use(extractor, text, expected):
    assert attributed(extractor, f"# Fenlan\n\n{text}", "Fenlan") == expected


def test_a_wish_is_a_plan_and_a_post_training_stage_is_the_chat_models(extractor):
    assert qualified(extractor, "Fenlan-70B is out. Next, we'd like to train it on about 3T more tokens.",
                     "Fenlan-70B") == [("tokens", 3e12, "Fenlan-70B", "planned")]
    # "post-training of the chat model used 512 H800s and took about 9 days"
    text = "# 扶摇-3\n\n扶摇-3 是一个模型，对话模型为扶摇-3-Chat。\n后训练共使用 512 张 H800，耗时约 9 天。\n"
    assert read_fields(extractor, text, "扶摇-3", "kind", "model_mention") == [
        ("chip_count", "扶摇-3-Chat"), ("duration_hours", "扶摇-3-Chat")]


def test_an_exact_count_is_the_member_its_nominal_size_names_and_a_chip_is_no_model(extractor):
    text = ("# Heron\n\nWe release Heron-1B, Heron-7B and Heron-110B, with 1.1B, 6.9B and 108B parameters.\n\n"
            "Gaudi 2 is a viable platform: Heron-7B took 9 days on 256 Gaudi 2 devices.\n")
    assert attributed(extractor, text, "Heron") == [
        ("params", 1.1e9, "Heron-1B"), ("params", 6.9e9, "Heron-7B"), ("params", 108e9, "Heron-110B"),
        ("duration_hours", 216, "Heron-7B"), ("chip_count", 256, "Heron-7B")]


def test_the_last_list_of_figures_pairs_with_the_names_right_before_it(extractor):
    text = ("# Tern\n\nWe release Tern-1B, Tern-3B and Tern-8B.\n\nBigger models received more data: Tern-1B saw 2T "
            "tokens, whereas Tern-3B and Tern-8B were trained for 3T and 6T tokens respectively.\n")
    assert attributed(extractor, text, "Tern") == [
        ("tokens", 2e12, "Tern-1B"), ("tokens", 3e12, "Tern-3B"), ("tokens", 6e12, "Tern-8B")]
    # and 分别 is "respectively"
    text = ("# 青岚\n\n青岚系列包括青岚-7B 和青岚-13B。\n"
            "青岚-7B 与青岚-13B 分别在 2.6 万亿和 3.2 万亿 token 上完成预训练。\n")
    assert attributed(extractor, text, "青岚") == [("tokens", 2.6e12, "青岚-7B"), ("tokens", 3.2e12, "青岚-13B")]


def test_a_comparison_opener_a_reward_models_row_and_data_distilled_from_a_crawl(extractor):
    # another lab's run set up as a point of comparison, named or not, is cited
    text = ("# Atmos\n\nAtmos was trained on 128 H100s for 9 days.\n\nFor context, GraphNet was trained for about "
            "four weeks on 32 TPU v4 devices.\n")
    assert attributed(extractor, text, "Atmos", role=True) == [
        ("chip_count", 128, "Atmos", "subject"), ("duration_hours", 216, "Atmos", "subject"),
        ("duration_hours", 672, "Atmos", "cited"), ("chip_count", 32, "Atmos", "cited")]
    # a reward model's row of a table of stages is no run of the release
    text = ("# Atmos\n\n| Stage | GPUs | Time |\n|---|---|---|\n| Pre-training | 1,024 × H100 | 30 days |\n"
            "| Reward model | 48 × H100 | 2 days |\n")
    assert attributed(extractor, text, "Atmos") == [("chip_count", 1024, "Atmos"), ("duration_hours", 720, "Atmos")]
    assert figures(extractor, "Atmos was distilled from 9.6T tokens of Common Crawl with a classifier.") == [
        ("dataset_tokens", 9.6e12)]


@pytest.mark.parametrize("text, expected", [
    # chips counted as devices and hours on them, in a table's header
    ("| Model | Gaudi 2 devices | Device-hours |\n|---|---|---|\n| Atmos-7B | 256 | 116,736 |\n",
     [("chip_count", 256, "Atmos-7B"), ("chip_hours", 116736, "Atmos-7B")]),
    # sizes counted in 亿 before the number of sizes
    ("Atmos 本次发布 70 亿和 130 亿两个参数规模的基座模型。",
     [("params", 7e9, "Atmos 7B"), ("params", 13e9, "Atmos 13B")]),
    # some other vendor's model
    ("例如，某头部厂商去年发布的模型就使用了 6000 余张 A800。", []),
    # a row for a part of the model names the model that part is
    ("| Component | Model | Params |\n|---|---|---|\n| Language model | Qwen2.5-7B-Instruct (Qwen team) | 7.6B |\n"
     "| Total | Atmos-VL-8B | 8.2B |\n", [("params", 7.6e9, "Qwen2.5-7B"), ("params", 8.2e9, "Atmos-VL-8B")]),
])
def test_device_headers_sizes_in_yi_another_vendor_and_a_part_row(extractor, text, expected):
    assert attributed(extractor, f"# Atmos\n\nAtmos is our model family.\n\n{text}", "Atmos") == expected


def test_a_lower_case_name_with_its_tier_is_a_member_of_the_titled_line(extractor):
    text = ("# Millet-ASR\n\nMillet-ASR is our speech recognition family.\n\n`millet-asr-large` was trained for 3 "
            "weeks on 128 A100 GPUs. `millet-asr-small` was trained on 16 A100s for 5 days.\n")
    assert attributed(extractor, text, "Millet-ASR") == [
        ("duration_hours", 504, "millet-asr-large"), ("chip_count", 128, "millet-asr-large"),
        ("chip_count", 16, "millet-asr-small"), ("duration_hours", 120, "millet-asr-small")]


@pytest.mark.parametrize("text, expected", [
    # a figure of any unit followed by the size it is for
    ("Estimated training compute is 1.28e24 FLOP for the 30B model and 3.4e23 FLOP for the 8B model.",
     [("flop", 1.28e24, "Orchid-30B"), ("flop", 3.4e23, "Orchid-8B")]),
    ("Emissions were 125 tCO2e for the 30B model and 21 tCO2e for the 8B model.",
     [("emissions_tco2e", 125, "Orchid-30B"), ("emissions_tco2e", 21, "Orchid-8B")]),
    # data held out or raw, in English and in Chinese
    ("We report results on 14 benchmarks using 2.6B tokens of evaluation prompts.",
     [("dataset_tokens", 2.6e9, "Orchid")]),
    ("另有 30 亿 tokens 作为验证集，不参与训练。", [("dataset_tokens", 3e9, "Orchid")]),
    ("我们收集原始数据约 65 TB，折合约 18 万亿 tokens。", [("dataset_tokens", 18e12, "Orchid")]),
    # proxies and ladders of small models, hosting the model, and what one pod slice holds
    ("We first trained a ladder of 14 small models between 20M and 600M parameters.", []),
    ("Most decisions used a 150M-parameter proxy trained on 30B tokens, which takes about 6 hours on 8 GPUs.", []),
    ("A single 8-GPU H100 server is enough to host Orchid-30B in FP8.", []),
    ("Orchid-30B trains on TPU v6e pods; each pod slice of 256 chips is linked by ICI.", []),
])
def test_figures_for_a_size_data_held_out_proxies_hosting_and_pod_slices(extractor, text, expected):
    assert attributed(extractor, f"# Orchid\n\nWe release Orchid-8B and Orchid-30B.\n\n{text}", "Orchid") == expected


@pytest.mark.parametrize("text, expected", [
    ("- 批大小：4M tokens；\n- 模型大小：7B", [("params", 7e9, "Orchid")]),  # batch size; model size
    ("Our next cluster will have 32,768 GB200 GPUs and should come online in mid-2026.", []),
    ("The general corpus is drawn from a 14T-token filtered web pool.", [("dataset_tokens", 14e12, "Orchid")]),
])
def test_a_batch_size_in_chinese_the_next_cluster_and_a_token_pool(extractor, text, expected):
    assert attributed(extractor, f"# Orchid\n\nOrchid is our model.\n\n{text}", "Orchid") == expected


def test_a_figure_with_its_unit_after_a_sized_name_is_no_version_of_the_name(extractor):
    text = ("# Wren\n\nWe release Wren-135M, Wren-360M and Wren-1.7B.\n\n"
            "Wren-1.7B consumed about 89 MWh; Wren-360M 7.7 MWh; Wren-135M 1.7 MWh.\n")
    assert attributed(extractor, text, "Wren") == [
        ("energy_kwh", 89e3, "Wren-1.7B"), ("energy_kwh", 7.7e3, "Wren-360M"), ("energy_kwh", 1.7e3, "Wren-135M")]


def test_a_chinese_name_with_a_version_before_its_size_is_a_name(extractor):
    # "Note: Xinglan-2-7B was released by Xinglan AI; it was trained on 2.5T tokens" in a card of another model
    text = "# 惊雀-7B\n\n惊雀-7B 是我们的模型。\n\n注：星汉-2-7B 由星汉智能发布，训练数据为 2.5 万亿 tokens。\n"
    assert attributed(extractor, text, "惊雀-7B", role=True) == [("tokens", 2.5e12, "星汉", "cited")]


@pytest.mark.parametrize("text, expected", [
    # kWh of electricity written 度电 after the figure; emissions without the word for carbon
    ("云雀-7B 的预训练共消耗约 128 万度电。", [("energy_kwh", 1.28e6, "云雀-7B")]),
    ("云雀-7B 耗电约 24 万千瓦时，排放约 139 吨。",
     [("energy_kwh", 2.4e5, "云雀-7B"), ("emissions_tco2e", 139, "云雀-7B")]),
    ("机房温度保持在 25 度。", []),  # degrees, not kWh
])
def test_chinese_electricity_after_the_figure_and_emissions_without_carbon(extractor, text, expected):
    assert attributed(extractor, f"# 云雀-7B\n\n云雀-7B 是我们的模型。\n{text}\n", "云雀-7B") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a hybrid's "-H" is no size: the family and its members stay one line, the document's own
    ("# Nemotron-H\n\nWe introduce Nemotron-H, a family of hybrid models. Nemotron-H-8B was trained on 15 trillion "
     "tokens.", [("tokens", 15e12, "Nemotron-H-8B", "subject")]),
    # a tool sharing the family's stem leaves the family a model
    ("# OLMo 2\n\nWe introduce OLMo 2 7B, trained on 4T tokens. OLMo-core is a PyTorch library for training.",
     [("tokens", 4e12, "OLMo 2 7B", "subject")]),
    ("# Foo-7B\n\nFoo-7B is a benchmark-leading open model trained on 2T tokens.",
     [("tokens", 2e12, "Foo-7B", "subject")]),
    # a run's energy in a year, and on the entire cluster, is the run's
    ("# Foo-7B\n\nTraining Foo-7B consumed 1.2 GWh in 2025.", [("energy_kwh", 1.2e6, "Foo-7B", "subject")]),
    ("# Foo-7B\n\nTraining Foo-7B consumed 1.2 GWh across 2048 H100 GPUs.",
     [("energy_kwh", 1.2e6, "Foo-7B", "subject"), ("chip_count", 2048, "Foo-7B", "subject")]),
    # a helper or a reproduction the lab trained is no model of its own
    ("# Foo-7B\n\nFoo-7B is our model. We also trained a reward model, Judge-13B, on 64 H100 GPUs.",
     [("chip_count", 64, "Judge-13B", "cited")]),
    # a list paired without "respectively" only with names that are one list
    ("# Foo-8B\n\nFoo-8B, initialised from Llama-3-8B, was trained for 3 and 12 days in two stages.",
     [("duration_hours", 72, "Foo-8B", "subject"), ("duration_hours", 288, "Foo-8B", "subject")]),
    # an evaluation's results; a rate's words beside a total
    ("# Foo-7B\n\nEvaluation results show that Foo-7B, pre-trained for 21 days, matches larger models.",
     [("duration_hours", 504, "Foo-7B", "subject")]),
    ("# Foo-7B\n\nPut as a rate, the full Foo-7B run took 21 days.", [("duration_hours", 504, "Foo-7B", "subject")]),
    # a reward model as the means of a stage, and 其后 (afterwards), are the release's run
    ("# Foo-7B\n\n基于奖励模型的强化学习阶段使用了 256 张 H800，共训练 3 天。",
     [("chip_count", 256, "Foo-7B", "subject"), ("duration_hours", 72, "Foo-7B", "subject")]),
    # what stops is the run's end only when the run stops; "each" in another clause is no share of the data
    ("# Foo-7B\n\nFoo-7B is our model. Loss spikes stopped after 200B tokens.", []),
    ("# Foo-7B\n\nEach dataset was deduplicated, and the final Foo-7B run processed 2T tokens.",
     [("tokens", 2e12, "Foo-7B", "subject")]),
    # computes compared, and two counts of one run, are no list of the subject's
    ("# Foo-7B\n\nFoo-7B used 2e23 or 3e23 FLOPs, depending on whether attention is counted.",
     [("flop", 3e23, "Foo-7B", "subject")]),
])
def test_the_second_readers_counter_examples(extractor, text, expected):
    title = text.split("\n")[0].lstrip("# ")
    got = [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title=title) if f[0] not in ("hardware", "params")]
    assert got == expected


def test_a_plans_words_used_otherwise_make_no_plan(extractor):
    assert qualified(extractor, "# Foo-7B\n\nTo plan the cluster allocation, we trained Foo-7B on 2T tokens.\n",
                     "Foo-7B") == [("tokens", 2e12, "Foo-7B", "")]


@pytest.mark.parametrize("text, expected", [
    # a list of members whose unit the sentence gave with its first figure
    ("# Quillon-2 report\n\nWe introduce Quillon-2-4B, Quillon-2-15B and Quillon-2-40B.\n\nCompute grew with size: "
     "we spent 3.1×10^24 FLOP on the 40B, 9.2×10^23 on the 15B and 2.4×10^23 on the 4B.",
     [("flop", 3.1e24, "Quillon-2-40B"), ("flop", 9.2e23, "Quillon-2-15B"), ("flop", 2.4e23, "Quillon-2-4B")]),
    ("# Quillon-2 report\n\nWe introduce Quillon-2-4B, Quillon-2-15B and Quillon-2-40B.\n\nToken budgets grew with "
     "size: 4T tokens for the 4B, 7.5T for the 15B and 12T for the 40B.",
     [("tokens", 4e12, "Quillon-2-4B"), ("tokens", 7.5e12, "Quillon-2-15B"), ("tokens", 12e12, "Quillon-2-40B")]),
    # a bare figure after the list's member is no item ("the 40B, 3" is no list of counts)
    ("# Quillon-2 report\n\nWe introduce Quillon-2-4B and Quillon-2-40B.\n\nThe 40B model was trained on 12T "
     "tokens, 3 for the 4B.",
     [("tokens", 12e12, "Quillon-2-40B")]),
])
def test_further_items_of_a_list_of_members_take_the_first_items_unit(extractor, text, expected):
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Quillon-2 report")
            if f[0] != "hardware"] == expected


def test_a_name_written_with_spaces_between_its_version_and_size_is_a_model(extractor):
    text = ("# The Quillon 2 family\n\nQuillon 2 comes in three sizes: Quillon 2 4B, Quillon 2 15B and Quillon 2 "
            "40B.\n\nQuillon 2 40B was trained on 12T tokens. Stage 2 7B runs are ablations.")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="The Quillon 2 family")] == [
        ("tokens", 12e12, "Quillon 2 40B")]


@pytest.mark.parametrize("text, expected", [
    # "both" or "all" as the subject of a sentence speaks of every member
    ("# Veltro-3B and Veltro-12B\n\nWe introduce Veltro-3B and Veltro-12B, two dense models.\n\nBoth were trained on "
     "the same curated stream of 7.5 trillion tokens.", [("tokens", 7.5e12, "Veltro")]),
    ("# Veltro-3B and Veltro-12B\n\nWe introduce Veltro-3B and Veltro-12B, two dense models.\n\nThe 12B was trained "
     "on 7.5T tokens. All ran on 1,024 GPUs.", [("tokens", 7.5e12, "Veltro-12B"), ("chip_count", 1024, "Veltro")]),
])
def test_both_or_all_as_the_subject_is_every_member(extractor, text, expected):
    title = text.split("\n")[0].lstrip("# ")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title=title) if f[0] != "hardware"] == expected


@pytest.mark.parametrize("text, kind", [
    ("We trained Foo-7B on a curated stream of 2 trillion tokens.", "tokens"),  # the stream it was trained on
    ("We curated about 2 trillion tokens of web text for later work.", "dataset_tokens"),
    ("We generated about 2 trillion tokens of synthetic text.", "dataset_tokens"),
])
def test_a_data_making_word_before_the_noun_a_training_figure_measures_is_no_dataset(extractor, text, kind):
    assert [f[0] for f in facts(extractor, f"# Foo-7B\n\n{text}", title="Foo-7B")] == [kind]


def test_a_run_on_a_slice_of_chips_counted_with_a_hyphen_ran_for_its_spelled_out_time(extractor):
    text = "# Foo-7B\n\nFoo-7B used a 512-GPU partition and finished in twelve days."
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Foo-7B")] == [("chip_count", 512), ("duration_hours",
                                                                                                     288)]


@pytest.mark.parametrize("header, expected", [
    ("Cost ($M)", ("cost_usd", 1e6)), ("Cost (M$)", ("cost_usd", 1e6)), ("Training cost (US$ millions)",
                                                                         ("cost_usd", 1e6)),
    ("Cost (USD M)", ("cost_usd", 1e6)), ("Cost ($)", ("cost_usd", 1.0)), ("GPU hours (K)", ("chip_hours", 1e3)),
    # the price a cost is reckoned at names no kind of its own
    ("Cost at $2/GPU hour", ("cost_usd", 1.0)), ("Estimated cost (at $2.50 per H800 hour)", ("cost_usd", 1.0)),
    ("Estimated cost (at 2 USD per GPU hour)", ("cost_usd", 1.0)),
    ("GPU hours at 40% MFU", ("chip_hours", 1.0)),
])
def test_a_headers_scale_may_stand_beside_its_currency(header, expected):
    from floptrail.extract.tables import header_kind
    assert header_kind(header) == expected


def test_a_cost_column_priced_per_gpu_hour_gives_each_stage_its_cost(extractor):
    text = ("# Heron-2\n\nHeron-2 is our open model.\n\n| Stage | H800 GPU hours | Cost at $2/GPU hour |\n"
            "|---|---|---|\n| Pre-training | 2,664K | $5.328M |\n")
    assert [(f[0], f[1], f[2], f[5]) for f in facts(extractor, text, title="Heron-2") if f[0] != "hardware"] == [
        ("chip_hours", 2.664e6, "Heron-2", "subject"), ("cost_usd", 5.328e6, "Heron-2", "subject")]


def test_a_header_and_row_labels_a_narrow_pdf_column_wrapped_are_read_whole(extractor):
    # (as a PDF's table comes out of the parser: each header's unit on a row of its own, and a model's name split
    # around its row of figures, the hyphen at the line's end lost)
    text = ("# Wrenfield report\n\nWe introduce Wrenfield-2B and Wrenfield-9B.\n\n"
            "|  | Tokens | GPU hours | Cost |\n| Model |  |  |  |\n|  | (T) | (K) | ($M) |\n"
            "| Wrenfield-2B | 4.0 | 96 | 0.2 |\n| Wrenfield|  |  |  |\n|  | 8.5 | 610 | 1.3 |\n| 9B |  |  |  |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wrenfield report")] == [
        ("tokens", 4e12, "Wrenfield-2B"), ("chip_hours", 96e3, "Wrenfield-2B"), ("cost_usd", 0.2e6, "Wrenfield-2B"),
        ("tokens", 8.5e12, "Wrenfield-9B"), ("chip_hours", 610e3, "Wrenfield-9B"), ("cost_usd", 1.3e6, "Wrenfield-9B")]


@pytest.mark.parametrize("sentence, expected", [
    ("Kestrel-3B stopped at 6T tokens.", [("tokens", 6e12, "Kestrel-3B")]),
    ("The 14B saw 9T tokens, while the 3B stopped at 6T tokens.",
     [("tokens", 9e12, "Kestrel-14B"), ("tokens", 6e12, "Kestrel-3B")]),
    ("Loss spikes stopped after 200B tokens.", []),  # neither a run nor a model stopped
])
def test_the_point_a_named_model_stopped_at_is_its_total(extractor, sentence, expected):
    assert in_report(extractor, "Kestrel report", "Kestrel-3B and Kestrel-14B", sentence) == expected


def test_a_title_row_above_a_tables_header_is_no_part_of_it(extractor):
    # ("Training compute" over the model column would make it a column of compute, and the names no labels)
    text = ("# Wrenfield report\n\nWe introduce Wrenfield-2B and Wrenfield-9B.\n\n"
            "| Training compute |  |  |\n| Model | Tokens (T) | GPU hours |\n| Wrenfield-2B | 4.0 | 96,000 |\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Wrenfield report")] == [
        ("tokens", 4e12, "Wrenfield-2B"), ("chip_hours", 96e3, "Wrenfield-2B")]


@pytest.mark.parametrize("sentence", [
    # a helper model as the subject, whatever its verb
    "The classifier is itself a small transformer of 1.1B parameters; it was trained in 2,400 GPU-hours.",
    "The quality classifier itself is a compact 350M-parameter encoder trained on 40B tokens of labelled pages.",
    "The preference reward model (a 9B model based on Garnet-7B) took another 14K H100-hours to train.",
    "A linear classifier and a 600M-parameter scorer model picked documents; the scorer was trained on 4 GPUs for 48 "
    "hours.",
    # evaluating, and work on the data
    "Running every checkpoint through the full suite cost about 11,000 GPU-hours.",
    "Benchmarking every checkpoint consumed an estimated 12 MWh.",
    "Running the deduplication and the quality classifier over the raw crawl took about 18,000 GPU-hours.",
    # what money built, and energy bought as certificates
    "The cluster itself cost a little under $380 million to build.",
    "We also purchased renewable energy certificates covering 300 MWh.",
    # a successor's need
    "A successor with 1T total parameters is in planning; we project it will need about 9e24 FLOP.",
])
def test_figures_of_helpers_evaluations_purchases_and_successors_are_no_run_of_the_model(extractor, sentence):
    assert in_report(extractor, "Garnet-7B report", "Garnet-7B, trained on 3T tokens", sentence) == [
        ("tokens", 3e12, "Garnet-7B")]


@pytest.mark.parametrize("sentence, expected", [
    ("Future releases will add a 13B model; we budget approximately 250K GPU-hours for it.", ("chip_hours", 250e3)),
    ("We're training v3 from scratch on around 6T tokens with a new tokenizer.", ("tokens", 6e12)),
])
def test_a_budget_and_a_version_still_in_training_are_plans(extractor, sentence, expected):
    got = qualified(extractor, f"# Garnet-7B report\n\nWe introduce Garnet-7B.\n\n{sentence}", "Garnet-7B report")
    assert [(kind, value, qualifier) for kind, value, _, qualifier in got] == [(*expected, "planned")]


def test_a_helper_model_named_beside_the_release_leaves_the_releases_figures(extractor):
    text = ("# Garnet-7B report\n\nWe introduce Garnet-7B.\n\nThe classifier picked 3T tokens that Garnet-7B was "
            "trained on, and Garnet-7B used 256 GPUs.")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Garnet-7B report") if f[0] != "hardware"] == [
        ("tokens", 3e12), ("chip_count", 256)]


def test_a_tables_total_row_is_the_familys_sum_and_no_members_figure(extractor):
    text = ("# Wrenfield report\n\nWe introduce Wrenfield-2B and Wrenfield-9B.\n\n"
            "| Model | Tokens (T) | GPU hours |\n| Wrenfield-2B | 4.0 | 96,000 |\n| Wrenfield-9B | 8.5 | 610,000 |\n"
            "| Total | 12.5 | 706,000 |\n")
    assert read_fields(extractor, text, "Wrenfield report", "kind", "value", "model", "qualifier")[-2:] == [
        ("tokens", 12.5e12, "Wrenfield", "sum"), ("chip_hours", 706e3, "Wrenfield", "sum")]


@pytest.mark.parametrize("sentence, expected", [
    # a run that happened, priced at a market's rates; not one that did not happen
    ("At on-demand cloud prices the Garnet-7B run would have cost roughly $280k.", [("cost_usd", 280e3)]),
    ("Valued at list prices, the chip time for Garnet-7B would cost roughly 9.9 million US dollars.",
     [("cost_usd", 9.9e6)]),
    ("Scaling Garnet-7B to 70B would have cost $3 million.", []),
    # a run named by its size is the run a time spelled in words is of
    ("The 7B run took a little over ten days.", [("duration_hours", 240)]),
])
def test_a_priced_run_and_a_sized_run(extractor, sentence, expected):
    assert in_report(extractor, "Garnet-7B report", "Garnet-7B and Garnet-1B", sentence, width=2) == expected


def test_a_total_row_named_for_its_suite_and_a_subscript_co2_header(extractor):
    text = ("# Wrenfield report\n\nWe introduce Wrenfield-2B and Wrenfield-9B.\n\n"
            "| Model | Tokens (T) | CO₂ (t) |\n| Wrenfield-2B | 4.0 | 2.8 |\n| Wrenfield-9B | 8.5 | 9.8 |\n"
            "| Suite total | 12.5 | 12.6 |\n")
    assert read_fields(extractor, text, "Wrenfield report", "kind", "value", "model", "qualifier") == [
        ("tokens", 4e12, "Wrenfield-2B", ""), ("emissions_tco2e", 2.8, "Wrenfield-2B", ""),
        ("tokens", 8.5e12, "Wrenfield-9B", ""), ("emissions_tco2e", 9.8, "Wrenfield-9B", ""),
        ("tokens", 12.5e12, "Wrenfield", "sum"), ("emissions_tco2e", 12.6, "Wrenfield", "sum")]


@pytest.mark.parametrize("sentence, expected", [
    ("The 70B then went through an RL phase of around 120,000 GPU-hours.", [("chip_hours", 120e3, "Wrenfield-70B")]),
    # a count per model is read as no run's total: as often a sample's or an instance's as each model's data
    ("For the contamination analysis, we sampled 10B tokens per model.", []),
    ("Throughput reached 3,100 tokens per GPU per second.", []),
])
def test_an_adverb_before_a_sized_members_verb_and_counts_per_model(extractor, sentence, expected):
    assert in_report(extractor, "Wrenfield report", "Wrenfield-8B and Wrenfield-70B", sentence) == expected


def test_an_evaluation_pass_is_no_run(extractor):
    text = ("# Wrenfield report\n\nWe introduce Wrenfield-8B, trained on 2T tokens.\n\nA full evaluation pass over "
            "our benchmarks processes about 310M tokens per model.")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Wrenfield report")] == [("tokens", 2e12)]


@pytest.mark.parametrize("sentence, expected", [
    ("The 612 MWh figure excludes the 3B run, which was not metered separately.",
     [("energy_kwh", 612e3, "Garnet-7B", "")]),  # the run left out is not the figure's
    ("We are already training a larger sibling with over 400B parameters.", []),  # another model still to come
    ("Next we want to see how far the same budget goes with a 12B model; the current plan is 3.5T tokens.", []),
    ("We plan to train Garnet-7B further on another 1T tokens.", [("tokens", 1e12, "Garnet-7B", "planned")]),
])
def test_a_run_left_out_and_a_model_still_to_come(extractor, sentence, expected):
    text = f"# Garnet-7B report\n\nWe introduce Garnet-7B and Garnet-3B.\n\n{sentence}"
    assert qualified(extractor, text, "Garnet-7B report") == expected


@pytest.mark.parametrize("sentence, expected", [
    # 1. a helper's clause leaves the rest of the sentence, and a teacher may be the document's own model
    ("Foo-70B was trained on 15T tokens using 4,096 GPUs; the reward model was initialised from an earlier checkpoint.",
     [("tokens", 15e12, "Foo-70B", ""), ("chip_count", 4096, "Foo-70B", "")]),
    ("The teacher model was Foo-70B, which was trained on 15T tokens.", [("tokens", 15e12, "Foo-70B", "")]),
    ("The classifier is itself a small transformer of 1.1B parameters; it was trained in 2,400 GPU-hours.", []),
    # 2. "both" and "all" of data or optimizers, in a clause of their own, are no members
    ("Pretraining mixed web and code data; both were deduplicated, and training used 512 GPUs for 12 days.",
     [("chip_count", 512, "Foo-7B", ""), ("duration_hours", 288, "Foo-7B", "")]),
    # 5. a model built, compute purchased: its training's cost
    ("Foo-70B cost roughly $2 million to build.", [("cost_usd", 2e6, "Foo-70B", "approximate")]),
    ("We spent $2 million to purchase cloud compute for training Foo-70B.", [("cost_usd", 2e6, "Foo-70B", "")]),
    # 6. a stage's or a warmup's end is no total
    ("Stage 1 of Foo-70B training ended at 8T tokens; stage 2 continued on long documents.", []),
    ("For Foo-70B, the learning-rate warmup ended after 2B tokens.", []),
    # 7. "on the 70B's cluster", "on the 70B teacher's logits": what the run used, not whose run
    ("The 7B model was trained on 256 GPUs on the 70B's cluster.", [("chip_count", 256, "Foo-7B", "")]),
    ("Distilling Foo-7B took 3,000 GPU-hours on the 70B teacher's logits.", [("chip_hours", 3000, "Foo-7B", "")]),
    # 8. priced runs that did not happen
    ("At on-demand cloud prices, training a 400B model would cost over $20 million.", []),
    ("Scaling Foo-70B to 400B at on-demand rates would have cost $25 million.", []),
    # 9. a listed count keeps the list's kind: held-out data
    ("We evaluate on 2B held-out tokens for the 70B, and 1B for the 7B.", []),
    # 10. "without" before the size's clause parts nothing
    ("Training used 15T tokens, without any repetition, for the 70B model.", [("tokens", 15e12, "Foo-70B", "")]),
    # 12. a need that is no plan, a figure fixed in planning, and a cluster's commissioning
    ("Foo-70B consumed 1.2M GPU-hours, so anyone fine-tuning it will require far less.",
     [("chip_hours", 1.2e6, "Foo-70B", "")]),
])
def test_the_second_readers_counter_examples_of_this_session(extractor, sentence, expected):
    text = f"# Foo-7B report\n\nWe introduce Foo-7B and Foo-70B.\n\n{sentence}"
    got = [(kind, value, model, qualifier) for kind, value, model, qualifier in qualified(extractor, text,
                                                                                           "Foo-7B report")
           if kind != "dataset_tokens"]
    assert got == expected


@pytest.mark.parametrize("table, expected", [
    # 4. a data mixture's subtotal is a part of its data; its Total is the run's
    ("| Source | Tokens (B) | Proportion |\n| CommonCrawl | 800 | 72.7% |\n| C4 | 200 | 18.2% |\n"
     "| Web total | 1000 | 90.9% |\n| GitHub | 100 | 9.1% |\n| Total | 1100 | 100% |\n",
     [("tokens", 1.1e12, "Foo-7B", "")]),
    # 11. rows of data named for the models that made them are no models to sum
    ("| Source | Tokens (B) |\n| Foo-70B synthetic | 200 |\n| Llama-3-70B synthetic | 100 |\n| Web | 1700 |\n"
     "| Total | 2000 |\n", [("tokens", 2e12, "Foo-7B", "")]),
])
def test_the_second_readers_tables_of_this_session(extractor, table, expected):
    text = f"# Foo-7B report\n\nWe introduce Foo-7B.\n\n{table}"
    assert [f for f in qualified(extractor, text, "Foo-7B report") if f[0] == "tokens"] == expected


def test_a_spaced_name_written_with_a_size_once_is_no_model(extractor):
    text = ("# Foo-7B report\n\nWe introduce Foo-7B.\n\nRound 2 used 64 GPUs; Wave 3 70B runs used 2,048 GPUs. Wave 3 "
            "finished in May; Wave 4 in June.")
    assert {f[2] for f in facts(extractor, text, title="Foo-7B report")} == {"Foo-7B"}


def test_a_clusters_commissioning_is_no_runs_time(extractor):
    text = "# Foo-7B report\n\nWe introduce Foo-7B.\n\nCommissioning the new 4,096-GPU cluster took about three months."
    assert "duration_hours" not in [f[0] for f in facts(extractor, text, title="Foo-7B report")]


@pytest.mark.parametrize("sentence, expected", [
    ("The cluster itself cost a little under $380 million to build, which dominates our finances.", []),
    ("The draft model took 2,000 GPU-hours to train.", []),  # a draft model's own run
    ("A 1,024-GPU run took three weeks for Foo-7B.", [("chip_count", 1024), ("duration_hours", 504)]),
])
def test_a_built_cluster_a_draft_models_run_and_a_runs_hyphenated_chips(extractor, sentence, expected):
    assert in_report(extractor, "Foo-7B report", "Foo-7B and Foo-70B", sentence, width=2) == expected


def test_a_successors_figure_in_the_future_tense_is_no_figure_of_the_model(extractor):
    text = ("# Foo-7B report\n\nWe introduce Foo-7B.\n\nA successor with 1T total parameters is in planning; it will "
            "need about 2M GPU-hours.\n\nFoo-7B used 20,000 GPU-hours; the successor will be larger.")
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Foo-7B report")] == [("chip_hours", 20e3)]


def test_a_chinese_sentence_about_both_models_is_the_familys(extractor):
    text = ("# 青岚-14B 技术报告\n\n我们发布了 青岚-3B 和 青岚-14B 两个模型。\n\n"
            "两个基座模型均在 2048 张 H800 上训练。\n\n"
            "预训练数据为 9 万亿 tokens（两个模型相同）。\n\n青岚-14B 训练了 30 天。\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="青岚-14B 技术报告") if f[0] != "hardware"] == [
        ("chip_count", 2048, "青岚"), ("tokens", 9e12, "青岚"), ("duration_hours", 720, "青岚-14B")]


@pytest.mark.parametrize("title, body", [
    # a title calling its name a data set (English: the first noun after the colon), with no sentence defining it
    ("Marlpit-v3: An Open Corpus of Nine Trillion Tokens",
     "Marlpit-v3 gathers web pages, code and books. To test the data we trained Quoin-7B, a 7B-parameter dense "
     "model, on 1.5T tokens of Marlpit-v3 using 512 H100 GPUs."),
    # (a figure with its point before the noun, a participle after it)
    ("Marlpit: A 4.1-Trillion-Token Web Corpus Filtered by Provenance",
     "Marlpit gathers web pages. To test the data we trained Quoin-7B, a 7B-parameter dense model, on 1.5T tokens of "
     "Marlpit using 512 H100 GPUs."),
    ("Gablet-Bench: A Benchmark for Long-Context Reasoning",
     "Gablet-Bench holds 4,000 questions. Alongside it we release Quoin-7B, a 7B-parameter dense model, trained on "
     "1.5T tokens using 512 H100 GPUs."),
    # a Chinese title ends on its noun: "Marlpit-v3：开放中英文预训练语料" (an open Chinese-English pre-training corpus)
    ("Marlpit-v3：开放中英文预训练语料",
     "为了检验数据，我们训练了 Quoin-7B，一个 7B 参数的稠密模型，使用 512 张 H100 在 1.5 万亿 tokens 上训练。"),
])
def test_a_title_that_names_a_data_set_or_benchmark_names_no_model(extractor, title, body):
    """A report whose title names its corpus or benchmark ("X: An Open Corpus of ...") is about the model it trains
    on it: the title's name is no model of the document's, so the figures go to the model the body names."""
    result = extractor.read(Document("d", "d.md", "markdown", f"# {title}\n\n{body}\n", title=title))
    assert result.inventory.main == "Quoin"
    assert {(f.kind, f.value, f.model) for f in result.facts if f.kind in ("tokens", "chip_count")} == {
        ("tokens", 1.5e12, "Quoin-7B"), ("chip_count", 512, "Quoin-7B")}


@pytest.mark.parametrize("title", [
    "Quoin-7B: A Dense Model Trained on a New Corpus",  # a model's word before the data's
    "Quoin-7B: Scaling Data Quality",  # no noun of a data set at all
    "Quoin-7B：基于开放语料训练的语言模型",  # (a language model trained on an open corpus: the phrase ends on 模型)
])
def test_a_title_that_names_a_model_trained_on_a_corpus_still_names_the_model(extractor, title):
    text = f"# {title}\n\nQuoin-7B was trained on 1.5T tokens using 512 H100 GPUs.\n"
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert result.inventory.main == "Quoin"
    assert [(f.kind, f.model) for f in result.facts if f.kind == "tokens"] == [("tokens", "Quoin-7B")]


def test_a_chinese_sentence_defining_a_corpus_names_no_model(extractor):
    """"X 是一个面向大模型预训练的开放语料库" (X is an open corpus for pre-training large models): the phrase ends on
    its noun, 语料库 (corpus), so X is data, though 模型 (model) is written inside the phrase; "X 是一个稠密模型" still
    introduces a model."""
    text = ("# 数据与模型\n\nMarlpit-v3 是一个面向大模型预训练的开放语料库，共 9 万亿 tokens。\n\n"
            "Quoin-7B 是一个稠密模型，在 1.5 万亿 tokens 上训练。\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="数据与模型"))
    assert [m.name for m in result.inventory.models if m.name.startswith("Marlpit")] == []
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind == "tokens" and f.role == "subject"] == [
        ("tokens", 1.5e12, "Quoin-7B")]


def test_a_line_named_with_a_size_letter_holds_its_sized_members(extractor):
    """"Kite-L" names a line where the text also writes "Kite-L-34B": the letter is the line's own word, not a size
    (a size letter names a member only where no size follows), so the 34B model is the line's member and its figures
    are the document's own."""
    text = ("# Inside the Kite assistant\n\nThe assistant runs on Kite-L-34B-Chat; at release we called the line "
            "Kite-L.\n\n## The base\n\nKite-L-34B has 34 billion parameters and was trained on 4.6T tokens using "
            "2,048 H800 GPUs.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Inside the Kite assistant"))
    assert [(m.name, m.size) for m in result.inventory.models if m.size] == [("Kite-L-34B", "34B")]
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind in ("params", "tokens")] == [
        ("params", 34e9, "Kite-L-34B", "subject"), ("tokens", 4.6e12, "Kite-L-34B", "subject")]


@pytest.mark.parametrize("body", [
    "**Kite-7B**\n\nTrained on 2T tokens with 256 H100 GPUs.\n\n**Kite-70B**\n\nTrained on 15T tokens with 4,096 H100 "
    "GPUs.\n",
    "- Kite-7B\n- 2T tokens | 256 H100 GPUs\n- Kite-70B\n- 15T tokens | 4,096 H100 GPUs\n",
    "Kite-7B:\nTrained on 2T tokens with 256 H100 GPUs.\n\nKite-70B:\nTrained on 15T tokens with 4,096 H100 GPUs.\n",
])
def test_a_line_that_is_a_name_alone_labels_the_block_under_it(extractor, body):
    """A line holding only a model's name (bold, or a list item) is a label over the paragraph, or the rest of the
    list, under it: its figures are that model's, as under a heading."""
    text = f"# Kite release notes\n\nWe release two Kite models, Kite-7B and Kite-70B.\n\n{body}"
    assert {(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kite release notes")
            if f[0] in ("tokens", "chip_count")} == {
        ("tokens", 2e12, "Kite-7B"), ("chip_count", 256, "Kite-7B"),
        ("tokens", 15e12, "Kite-70B"), ("chip_count", 4096, "Kite-70B")}


def test_a_list_of_names_alone_labels_nothing_after_it(extractor):
    text = ("# Kite release notes\n\nKite is our new model family. Available sizes:\n\n- Kite-7B\n- Kite-70B\n\n"
            "Kite was trained on 15T tokens with 4,096 H100 GPUs.\n")
    assert [(f[0], f[2]) for f in facts(extractor, text, title="Kite release notes") if f[0] == "tokens"] == [
        ("tokens", "Kite")]


@pytest.mark.parametrize("title, text, cited, own", [
    ("Kite-7B report", "# Kite-7B report\n\n## Background\n\nThe most watched release this spring was Vantor-236B from "
     "another lab. This model was trained on 8.1T tokens.\n\n## Kite-7B\n\nKite-7B was trained on 2T tokens using 256 "
     "H100 GPUs.\n", "Vantor-236B", ("Kite-7B", 2e12)),
    # "one of this year's most watched releases was Yuanfan-MoE-236B of the Yuanfan lab. This model has 236B
    # parameters and was trained on 8.1T tokens" (the lab is named after its line)
    ("砗磲-7B 报告", "# 砗磲-7B 报告\n\n今年最受关注的发布之一是远帆实验室的远帆-MoE-236B。"
     "这个模型总参数 236B，在 8.1 万亿 tokens 上完成训练。\n\n砗磲-7B（qiheng/chequ-7b）在 2.4 万亿 tokens 上训练，"
     "使用 512 张 A800。\n", "远帆-MoE-236B", ("砗磲-7B", 2.4e12)),
])
def test_this_model_is_the_one_model_the_sentence_before_named(extractor, title, text, cited, own):
    """"This model" (该模型, 这个模型) after a sentence naming one model, another lab's, is that model, wherever the
    sentence names it (a Chinese sentence names its topic last: "…之一是 X。")."""
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert [(f.kind, f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        ("tokens", 8.1e12, cited, "cited"), ("tokens", own[1], own[0], "subject")]


@pytest.mark.parametrize("sentence, aliases", [
    ("In what follows we refer to Kestrel-2-70B as K2-70B.", {"K2-70B": "Kestrel-2-70B", "K2-": "Kestrel-2-"}),
    # (below, X is called Y for short)
    ("为叙述方便，下文将玄岩-2-32B 简称为 XY2-32B。", {"XY2-32B": "玄岩-2-32B", "XY2-": "玄岩-2-"}),
    ("We call this model simply a baseline.", {}),  # (no short name: none with a number)
])
def test_a_short_name_defined_in_a_sentence(extractor, sentence, aliases):
    from floptrail.extract.names import declared_aliases
    assert declared_aliases(sentence, extractor.config) == aliases


def test_a_chinese_numbered_heading_may_hold_a_colon(extractor):
    """"二、起点：稠密基座砗磲-7B" (2. The start: the dense base Chequ-7B) is a heading over its model's section,
    though a colon parts it: the section's sentences that name no model are that model's."""
    text = ("砗磲-MoE 技术报告\n一、简介\n砗磲-MoE（qiheng/chequ-moe）是一个混合专家模型。\n二、起点：稠密基座砗磲-7B\n"
            "训练在 512 张 A800 上进行，共持续 33 天。\n")
    result = extractor.read(Document("d", "d.pdf", "pdf", text, title="砗磲-MoE 技术报告"))
    assert [(f.kind, f.model) for f in result.facts if f.kind == "chip_count"] == [("chip_count", "砗磲-7B")]


@pytest.mark.parametrize("title, text", [
    # an app or assistant the document is about, defined as one, runs on the model it reports training for
    ("Meet Brisa: an app for your garden", "# Meet Brisa: an app for your garden\n\nBrisa tells you when to water. It "
     "now runs on Quoin-7B, a model our team trained on 1.5T tokens using 512 H100 GPUs.\n"),
    ("Brisa", "# Brisa\n\nBrisa is a gardening companion app that works offline. Under the hood it runs Quoin-7B, a "
     "7B-parameter model trained on 1.5T tokens using 512 H100 GPUs.\n"),
    # a corpus in apposition: "we are publishing X, an English web corpus"
    ("Marlpit release", "# Marlpit release\n\nToday we are publishing Marlpit, an English web corpus of 9T tokens. To "
     "test it we trained Quoin-7B, a 7B-parameter model, on 1.5T tokens of Marlpit using 512 H100 GPUs.\n"),
])
def test_a_product_or_corpus_the_document_is_about_is_no_model(extractor, title, text):
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert result.inventory.main == "Quoin"
    assert {(f.kind, f.value, f.model) for f in result.facts if f.kind in ("tokens", "chip_count")} == {
        ("tokens", 1.5e12, "Quoin-7B"), ("chip_count", 512, "Quoin-7B")}


@pytest.mark.parametrize("sentence", [
    "Quoin-7B, the model behind our app, was trained on 1.5T tokens.",  # a model's word before the product's
    "Quoin-7B is an app model trained on 1.5T tokens.",  # the product's word describes a model
    "Quoin-7B-Chat is a helpful assistant fine-tuned from Quoin-7B.",  # a chat model calls itself an assistant
])
def test_a_model_described_by_its_product_is_still_a_model(sentence):
    from floptrail.extract.names import not_models
    assert not_models(sentence) == frozenset()


def test_the_product_of_work_is_no_product():
    """"X is the product of two years of work": the word's other sense, what the work made, says nothing against X
    being a model."""
    from floptrail.extract.names import not_models
    assert not_models("Quoin-7B is the product of two years of work on data.") == frozenset()


def test_a_short_name_for_a_sized_model_names_the_line_before_any_size(extractor):
    """"Spinnaker-2 70B (S2-70B below)" defines S2-70B, and with it "S2-" for the line "Spinnaker-2": "S2-8B" is
    Spinnaker-2 8B and "S2-70B-Chat" its chat model; a short name with no size after it stays as written."""
    from floptrail.extract.names import aliased, declared_aliases
    aliases = declared_aliases("The larger one, Spinnaker-2 70B (S2-70B below), has 70.6B parameters.",
                               extractor.config)
    assert aliases == {"S2-70B": "Spinnaker-2 70B", "S2-": "Spinnaker-2 "}
    assert [aliased(n, aliases) for n in ("S2-70B", "S2-8B", "S2-70B-Chat", "S2")] == [
        "Spinnaker-2 70B", "Spinnaker-2 8B", "Spinnaker-2 70B-Chat", "S2"]


def test_a_product_that_runs_on_a_model_is_no_model(extractor):
    """"The Brisa you can install today runs on Quoin-7B-Chat": Brisa is the product, Quoin-7B-Chat the model the
    document reports training for; a model runs on a runtime ("runs on vLLM") or on its own line's name without
    becoming a product."""
    from floptrail.extract.names import not_models
    text = ("# Meet Brisa\n\nBrisa plans your garden. The Brisa you can install today runs on Quoin-7B-Chat, a model "
            "our team trained on 1.5T tokens using 512 H100 GPUs.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Meet Brisa"))
    assert result.inventory.main == "Quoin"
    assert not_models("Quoin-7B runs on vLLM. Quoin serves chat and runs on Quoin-7B. Brisa Lite runs on H20 GPUs.",
                      config=extractor.config) == frozenset()


@pytest.mark.parametrize("title, own", [
    ("What Helix Prime taught us", False),  # the model the lab learns from
    ("Reading the Vantor-405B report, and what we did differently", False),
    ("How we trained Vantor-405B", True),  # what "we" made
    ("Vantor-405B: what we learned", True),  # the title's lead
    ("Training notes on Vantor-405B", True),  # no voice of the lab's at all
])
def test_a_title_in_the_labs_voice_that_names_another_model(title, own):
    from floptrail.extract.names import theirs_in_title
    name = "Helix Prime" if "Helix" in title else "Vantor-405B"
    assert theirs_in_title(title, name) is not own


def test_a_document_opening_on_the_model_its_title_answers_reports_its_own(extractor):
    """A post whose title says what another lab's model taught the authors, then recaps that model before its own:
    the title's model is compared with, however the text describes it; "Our answer is the X generation, which ships
    today" introduces the lab's own."""
    text = ("# What Helix Prime taught us\n\nHelix Prime is a mixture-of-experts model with one trillion parameters. "
            "Darnley trained it on 24T tokens with 20,000 H100s.\n\n## Corbel-4\n\nOur answer is the Corbel-4 "
            "generation, which ships today. Corbel-4 was trained on 22T tokens with 12,000 H200 GPUs.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="What Helix Prime taught us"))
    assert result.inventory.main == "Corbel-4"
    assert [(f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        (24e12, "Helix", "cited"), (22e12, "Corbel-4", "subject")]


def test_a_title_that_learns_from_the_labs_earlier_version_releases_the_new_one(extractor):
    # the model the title learns from is one version of the family; the version it names first is the lab's new one
    # (and the earlier one is the lab's too: its figures are its own)
    title = "Corbel-3, and what we learned from Corbel-2"
    text = (f"# {title}\n\nCorbel-2 was trained on 4T tokens. Corbel-2 taught us a lot, and Corbel-2 is still "
            "popular.\n\n## Corbel-3\n\nCorbel-3 was trained on 12T tokens with 2,048 H100 GPUs.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert result.inventory.main == "Corbel-3"
    assert [(f.value, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        (4e12, "Corbel-2", "subject"), (12e12, "Corbel-3", "subject")]


@pytest.mark.parametrize("sentence", [
    "Our answer is the Corbel-4 generation.", "Corbel-4 ships today in two tiers.", "Corbel-4 is now available on "
    "our site.",
])
def test_a_release_in_the_present_tense_introduces_the_model(extractor, sentence):
    from floptrail.extract.names import own_names
    evidence = own_names(Document("d", "d.md", "markdown", f"# Notes\n\n{sentence}\n", title="Notes"),
                         extractor.config)
    assert [(e.name, e.place) for e in evidence if e.place == "introduces"] == [("Corbel-4", "introduces")]


def test_a_size_of_nothing_does_not_stop_the_document(extractor):
    """A text that writes a size of zero ("0B of new data") beside its one sized model is read, not failed: the zero
    names no other model."""
    text = ("# Release notes\n\nKite-7B was trained on 2T tokens. Kite-7B used 256 H100 GPUs. The refresh added 0B "
            "parameters and kept Kite-7B's weights.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Release notes"))
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind == "tokens"] == [("tokens", 2e12, "Kite-7B")]


@pytest.mark.parametrize("sentence", [
    # (the online cluster is 16 servers of 8 A100s, handling some 3B tokens of requests a day)
    "小澜的线上集群由 16 台 8×A100 服务器组成，日均处理约 30 亿 tokens 的请求。",
    "The assistant runs on 128 A100 GPUs that handle 3B tokens of requests a day.",
])
def test_the_cluster_that_serves_requests_is_no_training_hardware(extractor, sentence):
    text = f"# Kite-7B\n\nKite-7B was trained on 2T tokens with 256 H100 GPUs.\n\n{sentence}\n"
    assert [(f[0], f[1]) for f in facts(extractor, text, title="Kite-7B") if f[0] in ("hardware", "chip_count")] == [
        ("chip_count", 256), ("hardware", None)]


def test_a_size_a_model_is_made_from_is_not_what_it_refers_back_to(extractor):
    """"It ran on 128 H100s" after "it learns from the 4B model's logits": "it" is the distilled 1B the section is
    about, not the 4B it learns from."""
    text = ("# Kite\n\nKite comes in 1B and 4B sizes.\n\n### Kite-4B\n\nKite-4B was trained on 12T tokens.\n\n"
            "### Kite-1B\n\nThe 1B model is distilled from the 4B. Rather than hard labels, it learns from the 4B "
            "model's logits over 8T tokens. It ran on 128 H100s for 12 days.\n")
    assert [(f[0], f[1], f[2]) for f in facts(extractor, text, title="Kite") if f[0] in ("chip_count", "tokens")] == [
        ("tokens", 12e12, "Kite-4B"), ("tokens", 8e12, "Kite-1B"), ("chip_count", 128, "Kite-1B")]


@pytest.mark.parametrize("text", [
    "# Kite\n\nKite-30B was trained on 12T tokens.\n\n### Chat version\n\nThe assistant uses Kite-30B-Chat, tuned "
    "from the base. The alignment stage used 18B tokens on 256 H100 GPUs for 4 days.\n",
    # (the chat version: "the online service uses Kite-30B-Chat ...; the alignment stage used some 18B tokens and
    # trained for 4 days on 256 H100s")
    "# Kite\n\nKite-30B 在 12 万亿 tokens 上训练。\n\n### 对话版本\n\n线上使用的是 Kite-30B-Chat，即在主力模型基础上"
    "进行指令微调得到的版本。对齐阶段共使用约 180亿 tokens 的数据，在 256张 H100 上训练了 4 天。\n",
])
def test_an_alignment_stage_naming_no_model_is_the_one_fine_tune_of_its_member(extractor, text):
    """A tuning stage in a section on the chat version, its sentence naming no model ("the alignment stage used
    ...", "对齐阶段…"), is the one fine-tune the document names: the fact is that fine-tune's."""
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Kite"))
    assert [(f.kind, f.value, f.model_mention) for f in result.facts if f.kind == "chip_count"] == [
        ("chip_count", 256, "Kite-30B-Chat")]


@pytest.mark.parametrize("sentence", [
    "Our base model is Corbel-4.",  # what the lab built on is named so too
    "Our teacher model is Corbel-4.",
    "Corbel-4 comes in two sizes, 8B and 70B.",  # said of another lab's family as often
])
def test_what_a_lab_built_on_is_not_introduced(extractor, sentence):
    from floptrail.extract.names import own_names
    evidence = own_names(Document("d", "d.md", "markdown", f"# Notes\n\n{sentence}\n", title="Notes"),
                         extractor.config)
    assert [e.name for e in evidence if e.place == "introduces"] == []


@pytest.mark.parametrize("text", [
    "We release Kite-7B, the training framework, and all evaluation code.",  # a list of what is released
    "We release Kite-7B, a transformer trained on our corpus.",  # a model's word before the thing's
    "Kite-7B is the LM inside our app.",
    "Kite-7B, the engine behind our app, was trained on 2T tokens.",
    "We trained Kite-7B, the first job on our cluster, for 20 days.",
    "Kite-7B is our flagship product, trained on 2T tokens.",
    "Kite pretraining runs on A3 VMs with 4,096 H100 GPUs.",  # a machine, not a model, after "runs on"
    "Kite runs on P5 instances.",
    "Kite-7B 为开发者提供了一个易用的平台，支持多种任务。",  # (gives developers an easy platform: no definition)
    "Kite-7B 是目前在 C-Eval 基准（中文评测）上表现最好的开源模型。",  # (the best open model on the C-Eval benchmark)
    "Kite-7B 是我们工具包 Kite-Kit 的核心。",  # (the core of our toolkit Kite-Kit)
])
def test_a_model_named_beside_a_thing_is_still_a_model(extractor, text):
    from floptrail.extract.names import not_models
    assert not_models(text, config=extractor.config) == frozenset()


@pytest.mark.parametrize("title", [
    "Kite-1B: On-Device AI for Every App", "Kite-7B: A Benchmark-Topping Open Model",
    "Kite-7B: A Library of Open Checkpoints", "Kite-7B: Dataset Quality Matters", "Kite-7B：开源模型与评测基准",
])
def test_a_models_title_that_names_a_thing_on_the_way_still_names_the_model(extractor, title):
    from floptrail.extract.names import not_models
    assert not_models("", title=title, config=extractor.config) == frozenset()


@pytest.mark.parametrize("title", [
    "Introducing Kite-7B, our most capable small model", "We're releasing Kite-7B", "Building Kite-7B with our "
    "community", "Why Kite-7B matters to us", "Scaling Kite-7B: lessons we learned", "Our journey to Kite-7B",
    "Training Kite-7B on our own cluster", "How we fine-tuned Kite-7B for code",
])
def test_a_launch_title_in_the_labs_voice_names_its_own_model(title):
    from floptrail.extract.names import theirs_in_title
    assert not theirs_in_title(title, "Kite-7B")


def test_a_model_named_as_a_modifier_is_not_what_this_model_refers_to(extractor):
    """"分词器沿用 Qwen2-7B 的词表。该模型在 2 万亿 tokens 上训练" (the tokenizer keeps Qwen2-7B's vocabulary. The model
    was trained on 2T tokens): "该模型" is the document's model, Qwen2-7B only a modifier of a noun."""
    text = ("# 砗磲-7B 技术报告\n\n砗磲-7B（qiheng/chequ-7b）是我们的新模型。\n\n## 预训练\n\n"
            "分词器沿用 Qwen2-7B 的词表。该模型在 2 万亿 tokens 上训练，使用 512 张 A800。\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="砗磲-7B 技术报告"))
    assert [(f.kind, f.model, f.role) for f in result.facts if f.kind == "tokens"] == [
        ("tokens", "砗磲-7B", "subject")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Training Kite-7B took 4.1 GWh, about 0.3 GWh per trillion tokens.", [("energy_kwh", 4.1e6)]),  # and a rate
    ("For the 7B model this works out to roughly 29 MWh per trillion tokens.", []),
    ("The 2.3 trillion tokens served last month dwarf what training used.", []),  # what the served model answered
])
def test_energy_per_trillion_tokens_and_tokens_served_are_no_totals(extractor, sentence, expected):
    assert in_kite(extractor, sentence, "energy_kwh", "tokens") == [(k, pytest.approx(v)) for k, v in expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Post-training took roughly 140,000 additional H200 GPU-hours.", [("chip_hours", 140000)]),
    ("The long-context stage needed 9,000 extra GPU hours.", [("chip_hours", 9000)]),
    ("Training took 2M more GPU hours than planned.", []),  # a difference, not a run's total
])
def test_chip_hours_of_a_further_run(extractor, sentence, expected):
    assert in_kite(extractor, sentence, "chip_hours") == expected


@pytest.mark.parametrize(("sentence", "count"), [
    ("We used 2,048 out of the cluster's 4,096 H100 GPUs.", 2048),  # the part the run used, not the machine
    ("Northgate used 3,072 of Aurelia's 6,144 H100 GPUs.", 3072),
    ("The run took 36 days on a cluster of 4,096 H100 GPUs.", 4096),  # a whole the run used
])
def test_the_chips_a_run_used_out_of_a_machine(extractor, sentence, count):
    assert in_kite(extractor, sentence, "chip_count") == [("chip_count", count)]


@pytest.mark.parametrize("sentence", [
    # (a run's storage requests; 512 H800s borrowed from the online cluster to pretrain Kite-7B)
    "Kite-7B 在 2 万亿 tokens 上训练，使用 512 张 H800，训练期间共发出约 1 亿次存储请求。",
    "我们借用了线上集群的 512 张 H800 对 Kite-7B 进行预训练。",
    # a clause of training beside one of serving: the training clause keeps its figures
    "Kite-7B was trained on 512 H800 GPUs, and when the run ended half of them joined our inference pool.",
    "Kite-7B was trained on 512 H800 GPUs; inference now runs on a single node.",
])
def test_requests_and_clusters_of_a_training_run_are_no_serving(extractor, sentence):
    assert in_kite(extractor, sentence, "chip_count") == [("chip_count", 512)]


@pytest.mark.parametrize("sentence", ["Every model saw 8T tokens.", "Every Kite model saw 8T tokens.",
                                      "Each size sees the same 8T tokens."])
def test_every_model_seeing_a_count_is_a_total(extractor, sentence):
    assert figures(extractor, f"# Kite\n\nKite-7B and Kite-70B are out. {sentence}\n", "Kite") == [("tokens", 8e12)]


def test_serving_in_the_figure_s_own_clause_is_no_training(extractor):
    text = "# Kite-7B\n\nKite-7B was trained on 2T tokens, and it is served on 512 H800 GPUs.\n"
    assert figures(extractor, text, "Kite-7B") == [("tokens", 2e12)]


def test_a_list_of_names_alone_does_not_label_the_item_after_it(extractor):
    text = ("# Kite\n\nWe release three sizes:\n\n- Kite-1B\n- Kite-7B\n- Kite-70B\n- All three were trained on 15T "
            "tokens using 4,096 H100 GPUs.\n")
    assert [(f[0], f[2]) for f in facts(extractor, text, title="Kite") if f[0] == "tokens"] == [("tokens", "Kite")]


def test_a_chinese_introduction_may_end_on_any_punctuation(extractor):
    from floptrail.extract.names import own_names
    text = "# 发布\n\n星河-7B 是我们迄今最强的开源模型！\n"  # (Xinghe-7B is our strongest open model yet!)
    evidence = own_names(Document("d", "d.md", "markdown", text, title="发布"), extractor.config)
    assert [e.name for e in evidence if e.place == "introduces"] == ["星河-7B"]


def test_a_name_with_a_version_after_a_hyphen_and_a_spaced_size_is_the_models_name(extractor):
    """"Pike-2.5 3.1B" written twice, one of them ending a sentence: the family's word keeps its version."""
    text = ("Two small open models: Pike-2.5 3.1B and Pike-2.5 640M.\n\nPike-2.5 3.1B saw 6T tokens. "
            "Chinchilla would stop around 62B tokens.")
    assert attributed(extractor, text, "", role=True) == [("tokens", 6e12, "Pike-2.5 3.1B", "subject"),
                                                         ("tokens", 62e9, "Chinchilla", "cited")]


@pytest.mark.parametrize("text", ["1/ Pike-2 is out! It beats most models of its size.",
                                  "Notes\n\n12/ Pike-2 is here. More soon."])
def test_a_release_said_in_a_sentence_of_its_own_names_the_documents_model(extractor, text):
    """A release in the present tense ending its sentence ("X is out!"), in a thread's numbered post too."""
    assert extractor.read(Document("d", "d.md", "markdown", text)).inventory.default == "Pike-2"


@pytest.mark.parametrize("opening", [
    "Corvid Labs today announced Corvid Horizon 2.5, a mixture-of-experts model.",
    "Corvid Labs, Inc. today introduced Corvid Horizon 2.5, its most capable model.",
    "Corvid Labs announced the general availability of Corvid Horizon 2.5 on Monday.",
])
def test_a_press_release_names_the_model_its_lab_announced_with_the_labs_word(extractor, opening):
    """A lab announcing its model in the third person, with "Inc." after its name, "today" before its verb or "the
    general availability of" after it; the name as the release writes it, the lab's word, its family word and version
    together."""
    text = f"PALO ALTO, March 3, 2026 -- {opening}\n\nThe model was trained on 22 trillion tokens.\n"
    assert [f[:3] for f in facts(extractor, text, title="For immediate release")] == [
        ("tokens", 22e12, "Corvid Horizon 2.5")]


@pytest.mark.parametrize("title, name", [
    ("Corvid Labs Unveils Horizon 2.5, Its Largest Model", "Horizon 2.5"),
    ("CORVID LABS LAUNCHES CORVID HORIZON 2.5", "Corvid Horizon 2.5"),  # in capitals: the text's spelling
    ("GPT-4 Launches a New Era", "GPT-4"),  # (no lab's words before the verb: a name with a digit)
])
def test_a_headline_names_the_model_after_its_labs_verb(extractor, title, name):
    text = f"{title}\n\nSAN JOSE -- The new system, {name}, was trained on 22 trillion tokens.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.main == name


@pytest.mark.parametrize("title", ["Vantor CEO on training Vx-4", "A conversation with Vantor's CTO",
                                   "EXCLUSIVE: VANTOR CEO ON VX-4"])
def test_a_persons_title_or_a_news_label_in_capitals_is_no_model(extractor, title):
    text = f"{title}\n\nWe spoke with the CEO and the CTO of Vantor. Vx-4 was trained on 8,192 H100s.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert (result.inventory.main, [f.model for f in result.facts]) == ("Vx-4", ["Vx-4", "Vx-4"])


def test_a_code_name_alone_is_the_model_it_ends_and_sibling_tiers_of_a_release_are_the_makers_own(extractor):
    """Where the maker speaks of one tier of a known family's release, the other tiers it names are its own too ("Llama
    4 Scout" beside "Llama 4 Behemoth"), and a tier's code name written alone ("Scout was trained on ...") is that
    tier."""
    text = ("# Llama 4 Behemoth preview\n\nWe introduce Llama 4 Behemoth, the teacher of Llama 4 Scout and Llama 4 "
            "Maverick.\n\nScout was trained on about 40 trillion tokens and Maverick on about 22 trillion.\n\n"
            "Behemoth saw more than 30 trillion tokens.\n")
    assert attributed(extractor, text, "Llama 4 Behemoth preview", role=True) == [
        ("tokens", 40e12, "Llama 4 Scout", "subject"), ("tokens", 22e12, "Llama 4 Maverick", "subject"),
        ("tokens", 30e12, "Llama 4 Behemoth", "subject")]


@pytest.mark.parametrize("title, text", [
    ("Claude 3 Opus review", "We tested Claude 3 Opus for a week. Anthropic says Claude 3 Haiku was trained on "
                             "1,000 GPUs for 30 days."),
    ("Llama 4 Maverick for law", "We fine-tune Llama 4 Maverick on 2B tokens. Llama 4 Haiku was trained on 1,000 GPUs "
                                 "for 30 days."),
])
def test_another_tier_in_a_text_that_is_not_its_makers_stays_the_makers(extractor, title, text):
    """A review of one tier, or a card fine-tuning it ("We fine-tune ..."), tells another tier's training as cited."""
    roles = {f[2]: f[3] for f in attributed(extractor, f"# {title}\n\n{text}\n", title, role=True)}
    assert {name: role for name, role in roles.items() if "Haiku" in name} == {
        next(n for n in roles if "Haiku" in n): "cited"}


def test_a_newsletter_estimating_several_labs_models_reports_each_ones_training():
    """A text no lab writes of its own model: each model a sentence says was trained, saw tokens or had a training
    cost is a model it reports training for, and a numbered heading in capitals ("2. LUMA 5 (Brightwater AI)") opens
    that model's section."""
    text = ("THE FLOP REPORT -- November issue\n\nThis month we estimate the training compute of three models.\n\n"
            "1. KAYAK-2 (Pelham Labs)\n\nPelham says Kayak-2 was trained for 70 days on 12,000 H100 GPUs.\n\n"
            "2. LUMA 5 (Brightwater AI)\n\nBrightwater disclosed that Luma 5 saw 15 trillion tokens. With an estimated "
            "300 billion parameters, 6ND gives 2.7e25 FLOP.\n\n3. ORBIT PRIME (Coriolis)\n\nOrbit Prime's training "
            "cost was reported at $45 million.\n")
    extractor = Extractor(load_extract_config(None))
    assert [(f.kind, f.model, f.role) for f in extractor.extract(Document("d", "d.txt", "text", text))
            if f.kind != "hardware"] == [
        ("duration_hours", "Kayak-2", "subject"), ("chip_count", "Kayak-2", "subject"),
        ("tokens", "Luma 5", "subject"), ("params", "Luma 5", "subject"), ("flop", "Luma 5", "subject"),
        ("cost_usd", "Orbit Prime", "subject")]


@pytest.mark.parametrize("sentence, expected", [
    ("Stage 3 (long context) used 0.1T tokens at 32K context.", [("tokens", 1e11)]),
    ("Stage 2 (annealing, 8K context) consumed 120B tokens.", [("tokens", 1.2e11)]),
    ("The model uses a context window of 8K tokens.", []),  # (a window, after the verb)
])
def test_a_stage_named_by_its_context_before_a_verb_of_using_gives_its_tokens(extractor, sentence, expected):
    assert figures(extractor, sentence, "Grebe-8B") == expected


@pytest.mark.parametrize("sentence", ["Pelham Labs introduced Kayak-2, a 70B model trained on 15T tokens.",
                                      "Recently, Brightwater announced Luma-5, a 300B model trained on 15T tokens."])
def test_another_labs_release_in_related_work_is_no_model_of_the_papers(extractor, sentence):
    """Only a press release's cue ("today", "Inc.", "the general availability of") makes a lab's announcement name the
    text's model; a paper's related work tells another lab's."""
    text = (f"# Data mixing at scale\n\nWe train Wren-1B on 100B tokens of each mixture.\n\n## Related work\n\n"
            f"{sentence}\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Data mixing at scale"))
    assert result.inventory.main.startswith("Wren")
    assert {f.role for f in result.facts if not f.model.startswith("Wren")} == {"cited"}


@pytest.mark.parametrize("text", ["The run took 14 days. FSDP used 512 H100 GPUs and ZeRO-3 needed 1,024.",
                                  "Our baseline, Kayak-2, was trained on 2T tokens. Luma-5 saw 15T tokens, its authors "
                                  "say."])
def test_a_tool_or_another_labs_model_in_a_labs_own_text_is_no_reported_model(extractor, text):
    """A training method has no version ("FSDP used 512 GPUs"), and a text where a lab speaks of its own runs ("our
    baseline") reports no other model's training as its subject."""
    result = extractor.read(Document("d", "d.md", "markdown", f"# Efficient pretraining\n\n{text}\n",
                                     title="Efficient pretraining"))
    assert result.inventory.main == ""


def test_a_capitals_heading_may_end_on_a_version_before_what_the_model_is():
    """"2. LUMA 5 (Brightwater AI)" heads a section; a schedule's lines in capitals ("2 STABLE 30") do not."""
    text = "2. LUMA 5 (Brightwater AI)\n\nIt saw 15T tokens.\n\n1 WARMUP 2\n2 STABLE 30\n3 DECAY 5\n"
    assert [text[h.title_start:h.title_end] for h in all_headings(text)] == ["LUMA 5 (Brightwater AI)"]


def test_a_labs_words_quoted_in_a_news_story_leave_it_a_third_partys_text():
    text = ('OCTOBER ROUNDUP\n\n"Our model is the best we have trained," the chief executive said. Pelham says Kayak-2 '
            "was trained for 70 days on 12,000 H100 GPUs.\n")
    extractor = Extractor(load_extract_config(None))
    assert [(f.kind, f.model, f.role) for f in extractor.extract(Document("d", "d.txt", "text", text))
            if f.kind != "hardware"] == [("duration_hours", "Kayak-2", "subject"), ("chip_count", "Kayak-2", "subject")]


def test_a_changelogs_release_numbers_are_no_models_and_its_lower_case_names_are():
    """Release headings ("v3.0.0-rc1 (2026-05-02)") number the notes; a repository's lower-case names with two sizes
    ("wren-7b", "wren-1.4b") are the models, and "~14.6k gpu-h" counts chip-hours."""
    text = ("v3.0.0-rc1 (2026-05-02)\n----\n  [~] wren-7b: planned for June\n\nv2.0.0 (2026-03-14)\n----\n"
            "  [+] wren-1.4b released (1.41B params)\n        trained 1.5T tokens on 64xH100 (~14.6k gpu-h)\n")
    extractor = Extractor(load_extract_config(None))
    assert [(f.kind, f.value, f.model) for f in extractor.extract(Document("d", "d.txt", "text", text))
            if f.kind != "hardware"] == [("params", 1.41e9, "wren-1.4b"), ("tokens", 1.5e12, "wren-1.4b"),
                                         ("chip_count", 64, "wren-1.4b"), ("chip_hours", 14600, "wren-1.4b")]


def test_a_sibling_of_the_main_lines_release_said_to_be_trained_is_own_and_an_earlier_version_is_not(extractor):
    """A report on distilling Pike-T: its students ("Pike-S 1B", the same family and release, another tier) were
    trained by the lab; "Pike-0 was trained on 1T tokens" tells an earlier version's run."""
    text = ("We distil our teacher Pike-T 52B into a student.\n\nPike-S 1B was trained on 1.8T tokens with 256 TPU v5p "
            "chips.\n\nPike-0 was trained on 1T tokens.")
    assert attributed(extractor, text, "Small models: distilling Pike-T", role=True) == [
        ("tokens", 1.8e12, "Pike-S 1B", "subject"), ("chip_count", 256, "Pike-S 1B", "subject"),
        ("tokens", 1e12, "Pike-0", "cited")]


def test_a_heading_that_calls_models_ours_makes_them_own_in_a_review_of_many_labs_models(extractor):
    text = ("# The year in open models\n\n## 1. Small models\n\nPhi-4, a 14B model, was trained on 9.8T tokens. "
            "Phi-4 is strong; Phi-4 is small.\n\n## 2. Our own year: Pike-7B and Pike-MoE\n\n**Pike-7B** is a dense "
            "model. It was trained on 6.5 trillion tokens using 512 H100s.\n")
    assert attributed(extractor, text, "The year in open models", role=True) == [
        ("params", 14e9, "Phi-4", "cited"), ("tokens", 9.8e12, "Phi-4", "cited"),
        ("tokens", 6.5e12, "Pike-7B", "subject"), ("chip_count", 512, "Pike-7B", "subject")]


def test_a_row_labelled_by_its_group_names_its_model_in_the_model_column(extractor):
    """"| Sparse | Wren 21B-A3B | ..." (and the next row, its group's label left empty under a cell spanning rows):
    each row's model is the model column's, a mixture of experts' name with its active count."""
    text = ("# Wren: three models\n\nWe trained Wren 4B, Wren 21B-A3B and Wren 98B-A12B.\n\n"
            "| Kind | Model | Total (Parameters) | Active (Parameters) | H100 GPUs (Compute) |\n|---|---|---|---|---|\n"
            "| Dense | Wren 4B | 4.1B |  | 1,024 |\n| Sparse | Wren 21B-A3B | 21.4B | 3.1B | 2,048 |\n"
            "|  | Wren 98B-A12B | 97.6B | 12.4B | 6,144 |\n")
    assert attributed(extractor, text, "Wren: three models") == [
        ("params", 4.1e9, "Wren 4B"), ("chip_count", 1024, "Wren 4B"),
        ("params", 21.4e9, "Wren 21B-A3B"), ("active_params", 3.1e9, "Wren 21B-A3B"),
        ("chip_count", 2048, "Wren 21B-A3B"),
        ("params", 97.6e9, "Wren 98B-A12B"), ("active_params", 12.4e9, "Wren 98B-A12B"),
        ("chip_count", 6144, "Wren 98B-A12B")]


@pytest.mark.parametrize("title, text, main", [
    # a lab's name, the word after it making it one, is no model
    ("How Pinewood Research trained a 13B model in 15 days", "Pinewood Research trained Tarn-13B on 512 MI300X GPUs.",
     "Tarn-13B"),
    # the words of a title set in capitals are no acronyms; a lab that shipped a model, told in an interview
    ("OFF THE RECORD -- Episode 9", "HOST: So Larchmont shipped Tarn-4 about three weeks ago. How big was the run?",
     "Tarn-4"),
])
def test_a_labs_name_and_a_title_in_capitals_name_no_model_and_a_lab_that_shipped_one_does(extractor, title, text,
                                                                                          main):
    document = Document("d", "d.txt", "text", f"{title}\n\n{text}\n", title=title)
    assert extractor.read(document).inventory.default == main


def test_a_name_alone_on_a_line_over_a_list_labels_the_list(extractor):
    """A Markdown reply's "**Pike-1B**" over its list of figures, the bold read away: the list is that model's."""
    text = ("# How was Pike-3B trained?\n\nHere is what I can share.\n\nPike-3B\n- 2.97B parameters\n"
            "- 256× A100 GPUs for 27 days\n\nPike-1B\n- 1.1B parameters\n- 96× A100 GPUs for 19 days\n")
    assert attributed(extractor, text, "How was Pike-3B trained?") == [
        ("params", 2.97e9, "Pike-3B"), ("chip_count", 256, "Pike-3B"), ("duration_hours", 648, "Pike-3B"),
        ("params", 1.1e9, "Pike-1B"), ("chip_count", 96, "Pike-1B"), ("duration_hours", 456, "Pike-1B")]


@pytest.mark.parametrize("sentence, expected", [
    # a terse note's time, its unit glued on, beside the run's chips and tokens
    ("Kite-7B: trained 1.5T tok on 64xH100, 9.5d (~14.6k gpu-h).",
     [("tokens", 1.5e12), ("chip_count", 64), ("duration_hours", 228), ("chip_hours", 14600)]),
    ("Kite-7B-chat: sft 2.1B tok; 8xH100, 6h total.", [("tokens", 2.1e9), ("chip_count", 8), ("duration_hours", 6)]),
    # not a dimension, nor a time with no run around it
    ("Kite-7B uses 3d convolutions and 2d positions.", []),
    ("Evaluating Kite-7B takes 20h on one A100.", []),
])
def test_a_terse_notes_time_with_its_unit_glued_on(extractor, sentence, expected):
    assert in_kite(extractor, sentence, "tokens", "chip_count", "duration_hours", "chip_hours") == expected


@pytest.mark.parametrize("sentence, expected", [
    # the run's total right after its training verb, beside its schedule
    ("Kite-7B is trained for 60B tokens on our mix with a cosine schedule, a peak learning rate of 3e-4 and a batch "
     "size of 1M tokens.", [("tokens", 60e9)]),
    ("Kite-7B was trained over ninety-four days.", [("duration_hours", 2256)]),
    ("The final run of Kite-7B cost roughly a hundred and ten million dollars.", [("cost_usd", 110e6)]),
    # a form's fields
    ("B.2 Number of parameters 410 billion (4.1 x 10^11)", [("params", 410e9)]),
    ("D.5 Number of accelerators 16,384 (pre-training)", [("chip_count", 16384)]),
])
def test_a_total_beside_its_schedule_numbers_in_words_and_a_forms_fields(extractor, sentence, expected):
    assert in_kite(extractor, sentence, "tokens", "duration_hours", "cost_usd", "params", "chip_count") == expected


@pytest.mark.parametrize("title, text, expected", [
    # a heading of the lab's take on another lab's model; a release told in the third person in a lab's own report
    ("Kite-7B report", "## Our take on Osprey-14B\n\nOsprey-14B, from Tidewater, was trained on 9T tokens.",
     [("tokens", 9e12, "Osprey-14B", "cited")]),
    ("Kite-7B report", "We introduce Kite-7B. Last month, Tidewater released Osprey-2 14B, which was trained on 9T "
     "tokens.", [("tokens", 9e12, "Osprey-2 14B", "cited")]),
    # another lab's release said in a sentence of its own, beside the post's own run
    ("", "Osprey-3 is out! Our own Kite-7B still beats it.\n\nWe trained Kite-7B on 2T tokens.",
     [("tokens", 2e12, "Kite-7B", "subject")]),
    # a data set's lower-case names with their sizes
    ("Kite-7B report", "We trained Kite-7B on fineweb-10b first and then on fineweb-100b, 2T tokens in all.",
     [("tokens", 2e12, "Kite-7B", "subject")]),
    # a remark to the reader keeps its figures
    ("Kite-7B report", "Pretraining Kite-7B from scratch took 9 days (if you start from our checkpoint, 2 days are "
     "enough).", [("duration_hours", 216, "Kite-7B", "subject")]),
    # the model column, not the first name after the row's label
    ("Kite-2", "We trained Kite-2 14B.\n\n| Stage | Initialized from | Model | Tokens |\n|---|---|---|---|\n"
     "| Continued | Osprey-14B | Kite-2 14B | 1T |\n", [("tokens", 1e12, "Kite-2 14B", "subject")]),
])
def test_the_second_readers_counter_examples_of_the_sixth_session(extractor, title, text, expected):
    assert attributed(extractor, f"# {title}\n\n{text}" if title else text, title, role=True) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Kite-7B: 24 layers, 16h, 512d; trained 1.5T tok on 64xH100 in 9.5d.", [("duration_hours", 228)]),
    ("Kite-7B uses 32h attention, trained on 2T tokens using 64 H100s.", []),
    ("Kite-7B-chat: sft 500M tokens on 8xH100, 6h.", [("duration_hours", 6)]),
    ("Kite-7B took 1.2M gpuh on H100s.", [("chip_hours", 1.2e6)]),
])
def test_a_models_shape_is_no_glued_time_and_chip_hours_abbreviated(extractor, sentence, expected):
    assert in_kite(extractor, sentence, "duration_hours", "chip_hours") == expected


def test_a_threads_post_opening_on_its_number_after_a_full_stop_starts_a_sentence(extractor):
    text = "1/ Big news from the lab.\n2/ Pike-2 is out! More soon."
    assert extractor.read(Document("d", "d.md", "markdown", text)).inventory.default == "Pike-2"


@pytest.mark.parametrize("text, expected", [
    # a size before its run's noun names that member ("the 13B pre-training"), not "the 19.2T training tokens"
    ("We introduce Pike 13B and Pike 34B.\n\nThe pre-training stage of Pike 34B ran on 2,048 GPUs for 36 days; the "
     "13B pre-training used 1,024 GPUs.", [("chip_count", 2048, "Pike 34B"), ("duration_hours", 864, "Pike 34B"),
                                           ("chip_count", 1024, "Pike 13B")]),
    # a table's "Model trained" column names each row's model
    ("We introduce Pike-VL 9B, a vision model built on our Pike-Base 7B.\n\n"
     "| Stage | Model trained | Data | H100s |\n|---|---|---|---|\n"
     "| A | Pike-Base 7B | 4.2T text tokens | 768 |\n| B | Pike-VL 9B | 420B tokens | 512 |\n",
     [("tokens", 4.2e12, "Pike-Base 7B"), ("chip_count", 768, "Pike-Base 7B"), ("tokens", 420e9, "Pike-VL 9B"),
      ("chip_count", 512, "Pike-VL 9B")]),
])
def test_a_size_before_its_runs_noun_and_a_model_trained_column(extractor, text, expected):
    assert attributed(extractor, f"# Pike report\n\n{text}", "Pike report") == expected


@pytest.mark.parametrize("title, text, main", [
    # "X is a dense decoder with ...": what the model is
    ("The mid-size leaderboard", "Mistral 7B and Llama 3 8B lead it. Pike-Mini 11B is a dense decoder with 11.2 "
     "billion parameters, trained from scratch by us.", "Pike-Mini"),
])
def test_a_companys_suffix_names_no_model_and_a_decoder_is_a_model(extractor, title, text, main):
    document = Document("d", "d.txt", "text", f"{title}\n\n{text}\n", title=title)
    assert extractor.read(document).inventory.default == main


@pytest.mark.parametrize("title", ["Introducing Pike 3 Pro", "Announcing Pike 3 Pro", "Meet Pike 3 Pro"])
def test_a_title_that_introduces_a_model_by_generation_and_tier_names_it(extractor, title):
    text = "Pike 3 Pro is our best model yet.\n\nPike 3 Pro's pre-training run took twelve weeks on 8,192 TPU v5p."
    extraction = extractor.read(Document("d", "d.txt", "text", f"{title}\n\n{text}\n", title=title))
    assert extraction.inventory.default == "Pike 3 Pro"
    assert [(f.kind, f.value, f.model) for f in extraction.facts if f.kind != "hardware"] == [
        ("duration_hours", 2016, "Pike 3 Pro"), ("chip_count", 8192, "Pike 3 Pro")]


@pytest.mark.parametrize("phrase", ["Fill-in-the-Middle", "Mixture-of-Experts", "Needle-in-a-Haystack", "Text-to-SQL",
                                    "Fill-In-The-Middle"])
def test_an_english_phrase_set_with_hyphens_names_no_model_and_leaves_the_papers_model_its_own(extractor, phrase):
    assert not is_name(phrase, load_extract_config(None))
    title = f"Scheduled {phrase}: Curricula for Small Code Models"
    text = ("The final model, Pike-Code-1.3B, has 1.34B parameters. Pike-Code-1.3B was trained on 64 A100 GPUs over 8 "
            "days.")
    assert attributed(extractor, text, title, role=True) == [
        ("params", 1.34e9, "Pike-Code-1.3B", "subject"), ("chip_count", 64, "Pike-Code-1.3B", "subject"),
        ("duration_hours", 192, "Pike-Code-1.3B", "subject")]


@pytest.mark.parametrize("title", ["Pike-1 vs. Pike-2: what a year of training taught us",
                                   "From Pike-1 to Pike-2: our notes"])
def test_a_title_setting_two_generations_of_a_family_side_by_side_makes_both_own(extractor, title):
    text = ("When we shipped Pike-1 the goal was modest. Pike-2 went out last month.\n\n| | Pike-1 | Pike-2 |\n"
            "|---|---|---|\n| Training tokens | 1.1T | 4.5T |\n")
    assert attributed(extractor, f"# {title}\n\n{text}", title, role=True) == [
        ("tokens", 1.1e12, "Pike-1", "subject"), ("tokens", 4.5e12, "Pike-2", "subject")]


def test_a_family_named_by_a_word_a_spaced_version_and_a_tier_is_found_in_the_text(extractor):
    text = ("Today we release Pike 3 Pro and Pike 3 Flash. Pike 3 Pro was trained on 24,576 TPU v5p chips. Pike 3 "
            "Flash used 4,096 TPU v5e chips. Section 3 describes the data.\n\nThe app runs on the Pixel 8 Pro and the "
            "Pixel 9 Pro, a phone with 16 GB of memory.")
    assert attributed(extractor, text, "Spring update") == [
        ("chip_count", 24576, "Pike 3 Pro"), ("chip_count", 4096, "Pike 3 Flash")]


@pytest.mark.parametrize(("title", "text", "main"), [
    # a numbering word and its number is a part of an event, not a model
    ("PLANNING SUMMIT 2025 -- TRACK B, SESSION 4", '"What we learned training Pike-2"\n\nWe trained Pike-2 on 2T '
     "tokens.", "Pike-2"),
    # the name after a title's noun for a model, where the words before it name none
    ("Open Nordic language model Pike-30B trained on a national supercomputer", "The Nordic languages are many. "
     "Pike-30B was trained on 1T tokens.", "Pike-30B"),
    # two plain words and a bare version the text writes as a name
    ("Pike Diffusion 2 — Model Card", "Pike Diffusion 2 is our image model; CLIP encodes its prompts, and Pike "
     "Diffusion 1 came before it.", "Pike Diffusion 2"),
])
def test_a_titles_model_past_numbered_parts_nouns_and_plain_words(extractor, title, text, main):
    document = Document("d", "d.txt", "text", f"{title}\n\n{text}\n", title=title)
    assert extractor.read(document).inventory.default == main


@pytest.mark.parametrize("adverb", ["therefore ", "then ", "first ", ""])
def test_a_model_the_lab_built_with_an_adverb_between_is_its_own(extractor, adverb):
    text = (f"# Pike-V 1.5: a video model\n\nWe introduce Pike-V 1.5, a text-to-video model. We {adverb}built Sextant, "
            "an encoder-only transformer with 1.3B parameters. Sextant was pretrained on 2.1T tokens.\n")
    assert attributed(extractor, text, "Pike-V 1.5: a video model", role=True) == [
        ("params", 1.3e9, "Sextant", "subject"), ("tokens", 2.1e12, "Sextant", "subject")]


def test_an_earlier_version_of_the_main_line_said_to_be_trained_gives_the_labs_own_figures(extractor):
    text = ("# Introducing Pike-5\n\nToday we release Pike-5, trained on 30T tokens. Pike-4 (2024) was trained on "
            "8,000 H100 GPUs. When we trained Pike-3 in the spring of 2023, it used 2,048 A100 GPUs.\n")
    assert attributed(extractor, text, "Introducing Pike-5", role=True) == [
        ("tokens", 30e12, "Pike-5", "subject"), ("chip_count", 8000, "Pike-4", "subject"),
        ("chip_count", 2048, "Pike-3", "subject")]


def test_a_size_written_before_a_name_is_that_names(extractor):
    text = ("# Canto: a speech model family\n\nThe family has four members, from the 58M-parameter Canto-S to the "
            "1.8B-parameter Canto-XL. We trained Canto-S on 1M hours of audio.\n")
    assert attributed(extractor, text, "Canto: a speech model family") == [
        ("params", 58e6, "Canto-S"), ("params", 1.8e9, "Canto-XL")]


@pytest.mark.parametrize("mark", ["(ours)", "(Ours)", "（本文）"])
def test_a_name_marked_as_the_labs_own_is_its_model(extractor, mark):
    text = ("# Pike-V 1.5: a video model\n\nWe introduce Pike-V 1.5, a text-to-video model.\n\n"
            f"| Autoencoder | Params |\n|---|---|\n| SD-VAE | 84M |\n| Ledger-VAE {mark} | 380M |\n\n"
            "Ledger-VAE used 128 H100 GPUs.\n")
    assert attributed(extractor, text, "Pike-V 1.5: a video model", role=True) == [
        ("params", 84e6, "SD-VAE", "cited"), ("params", 380e6, "Ledger-VAE", "subject"),
        ("chip_count", 128, "Ledger-VAE", "subject")]


@pytest.mark.parametrize("word", ["INC", "Inc", "LLC", "GmbH", "Ltd"])
def test_the_words_closing_a_companys_name_name_no_model(word):
    assert not is_name(word, load_extract_config(None))


def test_a_readmes_configuration_block_gives_the_runs_figures_by_its_keys(extractor):
    text = ("# Pike-Coder 3B\n\nPike-Coder 3B is our code model.\n\n## Training\n\n```yaml\nmodel: pike-coder-3b\n"
            "n_params: 3.05e9\ntotal_tokens: 2_400_000_000_000\nnum_gpus: 128\nplanned_hours: 290\n"
            "wall_clock_hours: 310\ngpu_hours: 39680\nlearning_rate: 3.0e-4\n```\n\n"
            "## Usage\n\n```yaml\nnum_gpus: 1\nmax_tokens: 4096\n```\n")
    assert attributed(extractor, text, "Pike-Coder 3B") == [
        ("params", 3.05e9, "Pike-Coder 3B"), ("tokens", 2.4e12, "Pike-Coder 3B"), ("chip_count", 128, "Pike-Coder 3B"),
        ("duration_hours", 310, "Pike-Coder 3B"), ("chip_hours", 39680, "Pike-Coder 3B")]


def test_a_cards_front_matter_gives_the_runs_figures_by_its_keys(extractor):
    text = ("---\nlicense: apache-2.0\nmodel_name: Pike-Coder 3B\narchitecture:\n  parameters: 3.05B\n  layers: 32\n"
            "training:\n  tokens: 2.4T\n  gpu_hours: 39680\n  flops: 4.4e22\n  max_tokens: 4096\n---\n\n"
            "# Pike-Coder 3B\n\nPike-Coder 3B is our code model.\n")
    assert attributed(extractor, text, "Pike-Coder 3B") == [
        ("params", 3.05e9, "Pike-Coder 3B"), ("tokens", 2.4e12, "Pike-Coder 3B"),
        ("chip_hours", 39680, "Pike-Coder 3B"), ("flop", 4.4e22, "Pike-Coder 3B")]


@pytest.mark.parametrize("sentence, main", [
    # a name in its noun phrase, said to be trained
    ("The production Pike-Lite 2.7B checkpoint was pretrained on 1.8T tokens using 256 A100 GPUs.", "Pike-Lite 2.7B"),
    # ... but no quantifier is part of the name ("Every Pike model was pretrained on ..." gives no "Every Pike")
    ("Every Pike model was pretrained on the same 12.5 trillion tokens.", ""),
])
def test_a_name_said_to_be_trained_inside_its_noun_phrase(extractor, sentence, main):
    assert extractor.read(Document("d", "d.md", "markdown", f"Budget notes\n\n{sentence}\n")).inventory.default == main


@pytest.mark.parametrize("sentence, model", [
    # "it" in a later clause takes up the model the sentence opens on
    ("Kestrel-2, out last spring, doubled its data; it was trained on 512 H100 GPUs.", "Kestrel-2"),
    ("The Kestrel-2 doubled its data, and it used 512 H100 GPUs.", "Kestrel-2"),
    # a sentence opening on something else leaves "it" to the document's model
    ("The corpus built for Kestrel-2 is public, and it was trained on 512 H100 GPUs.", "Kestrel-3"),
])
def test_it_in_a_later_clause_is_the_model_the_sentence_opens_on(extractor, sentence, model):
    text = f"# Kestrel-3 report\n\nKestrel-3 was trained on 9T tokens. {sentence}\n"
    assert [f[2] for f in attributed(extractor, text, "Kestrel-3 report") if f[0] == "chip_count"] == [model]


def test_a_plain_text_table_aligned_in_columns_is_read_by_its_header(extractor):
    # a README's table set with spaces: each figure under the column it stands under, the row's label its model
    # (a label written to the left, a number to the right of its column; a rule under the header)
    text = ("# Introducing Pipit-S and Pipit-L\n\nBoth models are trained from scratch.\n\n"
            "    model        layers   params   GPUs   wall-clock   GPU hours\n"
            "    ----------   ------   ------   ----   ----------   ---------\n"
            "    Pipit-S          12     350M     16     2.5 days         960\n"
            "    Pipit-L          24     1.4B     64     6 days         9,216\n\n"
            "Both saw the same data.\n")
    title = "Introducing Pipit-S and Pipit-L"
    assert [(f[0], f[1], f[2], f[6]) for f in facts(extractor, text, title=title) if f[0] != "hardware"] == [
        ("params", pytest.approx(350e6), "Pipit-S", "350M"), ("chip_count", 16, "Pipit-S", "16"),
        ("duration_hours", 60, "Pipit-S", "2.5 days"), ("chip_hours", 960, "Pipit-S", "960"),
        ("params", pytest.approx(1.4e9), "Pipit-L", "1.4B"), ("chip_count", 64, "Pipit-L", "64"),
        ("duration_hours", 144, "Pipit-L", "6 days"), ("chip_hours", 9216, "Pipit-L", "9,216")]


@pytest.mark.parametrize("text", [
    # prose with wide spaces, and a list of names, are no table: no header names a kind of figure over figures
    "Pipit-S  was  trained  on  2T  tokens.",
    "Models   Datasets   Papers\nPipit-S   WebText   Smith 2024",
])
def test_text_with_wide_spaces_is_no_table(text):
    from floptrail.extract.tables import find_tables
    assert find_tables(text) == []


@pytest.mark.parametrize("title, sentence, model", [
    # a version led by a letter, written apart from the family, is part of the name, in the title and the text
    ("Borealis R2 technical report", "Borealis R2 was trained on 3T tokens.", "Borealis R2"),
    ("Tamarin k1.5: scaling reinforcement learning", "Tamarin k1.5 was trained on 3T tokens.", "Tamarin k1.5"),
    ("Introducing Nimbus M1", "We trained Nimbus M1 on 3T tokens.", "Nimbus M1"),
])
def test_a_version_led_by_a_letter_is_part_of_the_name(extractor, title, sentence, model):
    assert [f[2] for f in facts(extractor, f"# {title}\n\n{sentence}\n", title=title)] == [model]


@pytest.mark.parametrize("name", ["Mistral Large 2", "Qwen3 235B-A22B", "Claude 3 Opus"])
def test_a_known_family_keeps_a_version_after_its_tier_and_an_active_size_after_its_total(extractor, name):
    # ("Mistral Large 2": a version after the tier; "Qwen3 235B-A22B": a total and an active size written apart)
    title = f"{name} technical report"
    assert [f[2] for f in facts(extractor, f"# {title}\n\n{name} was trained on 3T tokens.\n", title=title)] == [name]


@pytest.mark.parametrize("sentence, model", [
    # a size after a word of time names another run, not the figure's
    ("Heron-8B was trained for 18 days, right after the 70B run finished.", "Heron-8B"),
    ("Heron-8B was trained for 18 days before the 70B run began.", "Heron-8B"),
    # a size after the figure, with no such word, is still the figure's, and so is one after "until" or "once", which
    # end the figure's own run
    ("Training took 18 days for the 70B model.", "Heron-70B"),
    ("Training took 21 days until the 70B model converged.", "Heron-70B"),
])
def test_a_size_after_a_word_of_time_is_another_run(extractor, sentence, model):
    text = f"# Heron report\n\nWe release Heron-8B and Heron-70B. {sentence}\n"
    assert [f[2] for f in facts(extractor, text, title="Heron report") if f[0] == "duration_hours"] == [model]


@pytest.mark.parametrize("sentence, expected", [
    # a figure stated for a model after a unit that names the chip ("H100-hours for X")
    ("Tuning cost 5,200 H100-hours for Tern-Coder 9B and 1,790 H100-hours for Tern-Math 9B.",
     [("chip_hours", 5200, "Tern-Coder 9B"), ("chip_hours", 1790, "Tern-Math 9B")]),
    # a figure whose unit the sentence wrote once, earlier: chip-hours for the model it is for, and a count of tokens
    # after a model's name, its verb left out
    ("Tuning cost 5,200 GPU-hours for Tern-Coder 9B and about 1,790 for Tern-Math 9B.",
     [("chip_hours", 5200, "Tern-Coder 9B"), ("chip_hours", 1790, "Tern-Math 9B")]),
    ("Tern-Coder 9B saw 200B tokens and Tern-Math 9B 50B.",
     [("tokens", 200e9, "Tern-Coder 9B"), ("tokens", 50e9, "Tern-Math 9B")]),
    # (not a bare number after a name that has no unit earlier, nor a batch size)
    ("Tern-Coder 9B used a batch of 1024 for Tern-Math 9B.", []),
])
def test_figures_stated_for_each_model_with_the_unit_written_once(extractor, sentence, expected):
    text = f"# Tern report\n\nWe release Tern-Coder 9B and Tern-Math 9B. {sentence}\n"
    got = facts(extractor, text, title="Tern report")
    assert [(f[0], pytest.approx(f[1]), f[2]) for f in got if f[0] not in ("hardware", "params")] == expected


@pytest.mark.parametrize("text, model", [
    # a release of names that carry their sizes needs no model word after them: the document's models
    ("We release Tern-Coder 9B and Tern-Math 9B. Pre-training used 2T tokens.", "Tern-Coder 9B"),
    ("Today we are releasing Sorrel-Vale 3B. It saw 2T tokens.", "Sorrel-Vale 3B"),
    # every name of the list, of any family
    ("We release Pipit-7B and Wren-3B. Wren-3B saw 50B tokens.", "Wren-3B"),
    # (a size-less name still needs one: "we release X" may be code or data)
    ("We release Tern-Kit. It saw 2T tokens.", ""),
])
def test_a_released_name_with_its_size_is_the_documents_model(extractor, text, model):
    assert [(f[2], f[5]) for f in facts(extractor, f"# Notes\n\n{text}\n", title="Notes")] == [(model, "subject")]


def test_the_rows_of_an_aligned_table_of_runs_name_the_documents_models(extractor):
    # a text with no pipe anywhere: the rows of its table set in columns name the models it trained, as a pipe
    # table's rows do
    text = ("# Notes on our models\n\nWe describe two models.\n\n"
            "    model        layers   params   GPUs   GPU-days\n"
            "    ----------   ------   ------   ----   --------\n"
            "    Pipit-S          12     350M     16       40\n"
            "    Pipit-L          24     1.4B     64      400\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Notes on our models"))
    assert result.inventory.lines == ["Pipit-S", "Pipit-L"]
    assert [(f.kind, f.value, f.model) for f in result.facts] == [
        ("params", 350e6, "Pipit-S"), ("chip_count", 16, "Pipit-S"), ("chip_hours", 960, "Pipit-S"),
        ("params", 1.4e9, "Pipit-L"), ("chip_count", 64, "Pipit-L"), ("chip_hours", 9600, "Pipit-L")]


@pytest.mark.parametrize("sentence, expected", [
    # (a second reader's cases) a bare figure after a list's joint is chip-hours only after a figure written with
    # that unit: not after counts of nodes or epochs, nor a share of a scale the sentence wrote once
    ("We count A100 GPU hours for every run, with 8 nodes for Tern-Coder 9B and 16 for Tern-Math 9B.", []),
    ("It used 8 epochs for Tern-Coder 9B, and 3 for Tern-Math 9B.", []),
    ("It took 1.2 million GPU hours for Tern-Coder 9B and about 0.3 for Tern-Math 9B.",
     [("chip_hours", 1.2e6, "Tern-Coder 9B")]),
])
def test_a_bare_figure_is_chip_hours_only_after_a_figure_with_that_unit(extractor, sentence, expected):
    text = f"# Tern report\n\nWe release Tern-Coder 9B and Tern-Math 9B. {sentence}\n"
    got = facts(extractor, text, title="Tern report")
    assert [(f[0], pytest.approx(f[1]), f[2]) for f in got if f[0] == "chip_hours"] == expected


@pytest.mark.parametrize("sentence", [
    # "it" that is not the subject of a verb of the run, and an opening name that is another noun's owner
    "Kestrel-2 came out last year, and it is fair to say that the new model used 512 H100 GPUs.",
    "Kestrel-2's data pipeline was reused, and it used 512 H100 GPUs.",
])
def test_it_that_is_no_subject_of_the_run_leaves_the_documents_model(extractor, sentence):
    text = f"# Kestrel-3 report\n\nKestrel-3 was trained on 9T tokens. {sentence}\n"
    assert [f[2] for f in attributed(extractor, text, "Kestrel-3 report") if f[0] == "chip_count"] == ["Kestrel-3"]


@pytest.mark.parametrize("text, names", [
    # a score after a tier is no version, nor a quantization's tag or a short chip's name after a family
    ("On MMLU, Claude 3 Opus 86.8 and Mistral Large 81.2 lead.", ["Claude 3 Opus", "Mistral Large"]),
    ("Llama 3 Q4 runs on a laptop.", ["Llama 3"]),
])
def test_a_score_a_tag_or_a_chip_after_a_name_is_not_its_version(extractor, text, names):
    from floptrail.extract.pipeline import parse
    doc = parse(extractor.nlp, text, extractor.config, [], frozenset())
    assert [t._.model for t in doc if t._.model] == names


def test_an_aside_is_set_off_by_its_comma(extractor):
    # "In comparison to X-1 (9T tokens), ..." measures the new model against X-1: its figure is quoted
    text = "# Introducing Saga-5\n\nIn comparison to Saga-4 (9T tokens), Saga-5 saw 20T tokens.\n"
    assert attributed(extractor, text, "Introducing Saga-5", role=True) == [
        ("tokens", 9e12, "Saga-4", "cited"), ("tokens", 20e12, "Saga-5", "subject")]


def test_a_tabbed_table_is_read_by_index_and_prose_under_a_table_is_no_row():
    from floptrail.extract.tables import find_tables
    tabbed = "model\tparams\ttokens\tGPU hours\nPipit-Small\t350M\t0.5T\t960\n"
    assert [[c.text for c in cells] for _, cells in find_tables(tabbed)[0]] == [
        ["model", "params", "tokens", "GPU hours"], ["Pipit-Small", "350M", "0.5T", "960"]]
    aligned = ("    model      params   GPUs\n    Pipit-S      350M       16\n"
               "We used 16 GPUs.  Then we used 64 GPUs for the large one.\n")
    assert [[c.text for c in cells] for _, cells in find_tables(aligned)[0]] == [
        ["model", "params", "GPUs"], ["Pipit-S", "350M", "16"]]


@pytest.mark.parametrize("text", [
    "For comparison, we also trained Sorrel-360M on the same data. It took 40 GPU hours.",
    "We trained Sorrel-360M as a baseline. It took 40 GPU hours.",
])
def test_a_sized_name_trained_as_a_baseline_is_not_the_labs_model(extractor, text):
    text = f"# Kestrel-2 notes\n\nKestrel-2 was trained on 2T tokens. {text}\n"
    assert extractor.read(Document("d", "d.md", "markdown", text, title="Kestrel-2 notes")).inventory.lines == [
        "Kestrel-2"]


@pytest.mark.parametrize("text, chip", [
    ("We trained it on 64 A100s in place of H100s.", "A100"),
    ("我们使用 64 张 A800 而非 H100 训练。", "A800"),
])
def test_a_chip_named_as_not_used_in_more_words(extractor, text, chip):
    got = facts(extractor, f"# Wren-7B\n\n{text}\n", title="Wren-7B")
    assert {f[3] for f in got if f[0] == "hardware"} == {chip}


def test_a_total_of_chip_hours_before_its_rate_per_trillion_tokens_is_the_total(extractor):
    # the rate's cue follows the second figure; the first is the run's total
    text = ("# Gannet-2\n\nThe main run used about 6.4 million GPU hours, or some 0.4 million GPU hours per trillion "
            "tokens.\n")
    assert read_fields(extractor, text, "Gannet-2", "kind", "value") == [
        ("chip_hours", pytest.approx(6.4e6)), ("chip_hours_rate", pytest.approx(4e5))]


@pytest.mark.parametrize("sentence", [
    "Every trillion tokens took 95,000 GPU hours, or roughly 2.1 days on the full cluster.",
    "On the full pod the model processed a trillion tokens in about 2.1 days.",
    "Our cluster went through one trillion tokens every 2.1 days.",
])
def test_a_time_for_a_trillion_tokens_is_a_rate_not_the_runs_duration(extractor, sentence):
    assert [f for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind", "value")
            if f[0] in ("duration_hours", "tokens")] == []


@pytest.mark.parametrize("sentence", ["Plover Labs says the run took 1.2 million GPU hours.",
                                      "Plover puts the run at 1.2 million GPU hours.",
                                      "According to Plover, the run took 1.2 million GPU hours."])
def test_who_reports_a_figure_is_not_the_model_it_is_about(extractor, sentence):
    # a news item on Plover-3: the lab (spelled as its models' family) gives the figure of the item's model
    text = f"# Plover-3 is out\n\nPlover-3 is the new open model from Plover. {sentence}\n"
    assert attributed(extractor, text, "Plover-3 is out", role=True) == [
        ("chip_hours", pytest.approx(1.2e6), "Plover-3", "subject")]


def test_figures_of_several_stages_in_one_sentence_each_have_their_own_stage(extractor):
    # the total names no stage; each part names its own after it, with its unit left to the total
    text = ("# Gannet-2\n\nIn all, Gannet-2 took 3.1 million GPU hours: 2.9 million for pre-training, 150,000 for "
            "context extension and 50,000 for post-training.\n")
    assert read_fields(extractor, text, "Gannet-2", "kind", "value", "stage") == [
        ("chip_hours", pytest.approx(3.1e6), ""), ("chip_hours", pytest.approx(2.9e6), "pretraining"),
        ("chip_hours", pytest.approx(1.5e5), "context_extension"), ("chip_hours", pytest.approx(5e4), "fine_tuning")]


@pytest.mark.parametrize(("sentence", "count"), [
    ("We trained Gannet-2 on one thousand and twenty-four H100s.", 1024),
    ("Gannet-2 was trained on two hundred and fifty-six GPUs.", 256),
])
def test_a_count_of_chips_spoken_in_words_is_read_whole(extractor, sentence, count):
    # (the thousands are a quantity of their own before "and"; a count may name its chips by kind only)
    assert [f for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind", "value")
            if f[0] == "chip_count"] == [("chip_count", count)]


def test_a_tables_caption_gives_the_kind_its_labels_leave_unsaid(extractor):
    # stages down and models across, then models down and stages across; a caption of scores names no kind
    text = ("# Tansy\n\nWe release Tansy-2B and Tansy-7B.\n\nTable 1: Training tokens per stage.\n\n"
            "| Stage | Tansy-2B | Tansy-7B |\n|---|---|---|\n| Main pre-training | 3T | 5T |\n"
            "| Cooldown stage | 0.1T | 0.2T |\n\n"
            "Table 2: A800 GPU hours per model.\n\n| Model | Stage 1 | Total |\n|---|---|---|\n"
            "| Tansy-2B | 40K | 42K |\n\n"
            "Table 3: Scores per model.\n\n| Model | MMLU | GSM8K |\n|---|---|---|\n| Tansy-2B | 51 | 40 |\n")
    assert read_fields(extractor, text, "Tansy", "kind", "value", "model") == [
        ("tokens", 3e12, "Tansy-2B"), ("tokens", 5e12, "Tansy-7B"), ("tokens", 1e11, "Tansy-2B"),
        ("tokens", 2e11, "Tansy-7B"), ("chip_hours", 4e4, "Tansy-2B"), ("chip_hours", 4.2e4, "Tansy-2B")]
    # a header that names some columns' kinds leaves the caption's kind to the rest
    text = ("# Tansy\n\nWe release Tansy-2B.\n\nTable 4: Wall-clock time per stage.\n\n| Model | GPUs | Stage 1 | "
            "Stage 2 |\n|---|---|---|---|\n| Tansy-2B | 64 | 9 h | 2.5 d |\n")
    assert read_fields(extractor, text, "Tansy", "kind", "value") == [
        ("chip_count", 64), ("duration_hours", 9), ("duration_hours", 60)]


def test_a_releases_section_of_a_changelog_is_about_the_model_its_list_opens_on(extractor):
    # the items after the one naming the release's model name none; the older release's section has its own
    text = ("# Changelog\n\nChanges to the Dunnock models.\n\n## [3.0.0] - 2025-06-01\n\n### Added\n"
            "- Dunnock-20B: a new base model trained on 9T tokens.\n- Trained on 1,024 H100 GPUs for 40 days.\n\n"
            "## [2.0.0] - 2024-11-12\n\n### Added\n- Dunnock-8B: base model trained on 4T tokens.\n"
            "- Trained on 256 A100 GPUs.\n")
    assert [(f[0], f[1], f[2]) for f in read_fields(extractor, text, "Changelog", "kind", "value", "model_mention")
            if f[0] == "chip_count"] == [("chip_count", 1024, "Dunnock-20B"), ("chip_count", 256, "Dunnock-8B")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a node's make-up said after a plural; instances are machines, not chips
    ("The cluster's nodes each carry eight H100 GPUs. Gannet-2 was trained on 512 GPUs.", [("chip_count", 512)]),
    ("We trained Gannet-2 on 2,048 Trainium chips, that is 128 trn1 instances with 16 chips each.",
     [("chip_count", 2048)]),
    # a rate of a kind of work: the time after it is per trillion tokens too
    ("Each trillion tokens of pre-training cost 150K GPU hours, about 2.4 days on the cluster.", []),
])
def test_counts_of_machines_and_times_of_a_unit_of_work_are_no_runs_figures(extractor, sentence, expected):
    assert [f for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind", "value")
            if f[0] in ("chip_count", "duration_hours")] == expected


def test_what_went_into_a_named_model_is_that_models(extractor):
    text = "# Gannet-3\n\nGannet-3 saw 18T tokens, more than double the 8T tokens that went into Ternlet-34B.\n"
    assert read_fields(extractor, text, "Gannet-3", "kind", "value", "model") == [
        ("tokens", 18e12, "Gannet-3"), ("tokens", 8e12, "Ternlet-34B")]


@pytest.mark.parametrize("sentence", [
    "In future work we will scale the recipe, and the next run will use 8,192 GPUs.",
    "We plan to grow the data to 5T tokens, and we are applying for 8,192 GPUs to do so.",
])
def test_every_clause_of_a_sentence_about_what_is_to_come_is_a_plan(extractor, sentence):
    assert [(f[0], f[1]) for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind",
                                              "qualifier") if f[0] == "chip_count"] == [("chip_count", "planned")]


def test_a_section_that_recalls_an_earlier_release_is_not_about_it(extractor):
    # the introduction recalls the lab's previous model; the contributions it lists after are the new one's
    text = ("# Skua-5 Technical Report\n\nWe present Skua-5.\n\n## 1 Introduction\n\nLast year we released Skua-4, "
            "a 70B-parameter model. Skua-5 keeps its dense design.\n\nOur contributions are: (i) training on 20T "
            "training tokens; (ii) a training run of 4.1 × 10^25 FLOP.\n")
    assert [(f[0], f[2]) for f in read_fields(extractor, text, "Skua-5 Technical Report", "kind", "value", "model")
            if f[0] in ("tokens", "flop")] == [("tokens", "Skua-5"), ("flop", "Skua-5")]


def test_a_family_named_by_a_word_and_its_tiers_is_the_documents(extractor):
    # no digit marks the names; the word with two tiers does, and another lab's model named once stays cited
    text = ("# A talk with the Dunlin team\n\nHOST: Dunlin Large is out. How big is it?\n\nGUEST: Dunlin Large has 120 "
            "billion parameters. We trained it on 4,096 H100s. People say GPT-4 has 1.8 trillion parameters.\n\n"
            "GUEST: Dunlin Small has 9 billion parameters.\n")
    assert read_fields(extractor, text, "A talk with the Dunlin team", "kind", "value", "model", "role") == [
        ("params", 120e9, "Dunlin Large", "subject"), ("chip_count", 4096, "Dunlin Large", "subject"),
        ("params", 1.8e12, "GPT-4", "cited"), ("params", 9e9, "Dunlin Small", "subject")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the next sentence's "GPU hours" is no unit of this count
    ("Gannet-2 saw 15T tokens and used 512 GPUs. The GPU hours include restarts.", [("chip_count", 512)]),
    # a rate's cue before the figure; a stop of the job is time lost, not the run's length
    ("Per trillion tokens, that is about 140,000 GPU hours and 160 MWh.", []),
    ("A cooling fault forced us to stop the whole job for 14 hours.", []),
    ("It has 30B parameters in total, but only 3B of them are activated for any token.",
     [("params", 30e9), ("active_params", 3e9)]),
])
def test_a_figures_reading_stops_at_its_sentence_and_rates_losses_and_shares_are_read_so(extractor, sentence,
                                                                                         expected):
    assert [f for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind", "value")
            if f[0] in ("chip_count", "energy_kwh", "duration_hours", "params", "active_params")] == expected


@pytest.mark.parametrize(("sentence", "counts"), [
    # what a model served as is no serving of it; serving it is
    ("Gannet-1 was trained on 1T tokens using 256 A100 GPUs and served as our baseline.", [256]),
    ("Gannet-1 is served on 8 A100 GPUs.", []),
])
def test_a_model_that_served_as_something_is_not_being_served(extractor, sentence, counts):
    assert [f[1] for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind", "value")
            if f[0] == "chip_count"] == counts


def test_a_familys_first_release_named_without_a_number_is_the_labs_earlier_model(extractor):
    # in a card of Tansy2, "Tansy-1.7B" is the first generation: its figures are the lab's own
    text = ("# Tansy2\n\nTansy2-1.7B was trained on 11T tokens. For reference, the original Tansy-1.7B saw 1T "
            "tokens.\n")
    assert read_fields(extractor, text, "Tansy2", "kind", "value", "model", "role") == [
        ("tokens", 11e12, "Tansy2-1.7B", "subject"), ("tokens", 1e12, "Tansy-1.7B", "subject")]


def test_a_numbered_release_of_the_family_a_post_is_about_is_the_labs(extractor):
    # a post on the whole family: each generation's figures are the lab's own; a line built on a family's
    # numbered release ("Finch-SALA" on "Finch-4") would cite it instead
    text = ("# Three generations of Finch\n\n## Generation 2 (2024)\n\nFinch-2 13B followed a year later. It was "
            "trained on 3T tokens.\n\n## Generation 3 (2025)\n\nFinch-3 34B is our newest model, trained on 12T "
            "tokens.\n")
    assert read_fields(extractor, text, "Three generations of Finch", "kind", "value", "model", "role") == [
        ("tokens", 3e12, "Finch-2 13B", "subject"), ("tokens", 12e12, "Finch-3 34B", "subject")]


def test_a_sentence_naming_only_stages_after_pre_training_is_post_training_in_every_figure(extractor):
    text = "# Gannet-2\n\nFor the chat model we ran SFT on 2B tokens followed by DPO, using 128 GPUs for 3 days.\n"
    assert {f[1] for f in read_fields(extractor, text, "Gannet-2", "kind", "stage")} == {"fine_tuning"}


@pytest.mark.parametrize(("sentence", "expected"), [
    # the second reader's counter-examples: serving "as an API" is serving; a run "without stopping" is its length;
    # "as planned" and "in preparation for" say no plan; a rate cue right after one figure is that figure's only
    ("Gannet-1 is served as an API on 8 A100 GPUs.", []),
    ("Gannet-2 trained for 40 days without stopping for a single failure.", [("duration_hours", 960, "")]),
    ("As planned for the run, Gannet-2 used 2,048 GPUs.", [("chip_count", 2048, "")]),
    ("Training Gannet-2 drew 90 MWh for every trillion tokens, 1,300 MWh in total.", [("energy_kwh", 1.3e6, "")]),
])
def test_cues_read_no_further_than_their_phrasing(extractor, sentence, expected):
    assert [f for f in read_fields(extractor, f"# Gannet-2\n\n{sentence}\n", "Gannet-2", "kind", "value", "qualifier")
            if f[0] in ("chip_count", "duration_hours", "energy_kwh")] == expected


def test_a_stage_named_after_a_figure_and_a_few_words_is_its_stage(extractor):
    text = ("# Gannet-2\n\nThe run took 2.9M GPU hours of compute for pre-training and 0.1M GPU hours for "
            "post-training.\n")
    assert read_fields(extractor, text, "Gannet-2", "value", "stage") == [(2.9e6, "pretraining"), (1e5, "fine_tuning")]


@pytest.mark.parametrize("sentence", [
    "Osprey-3 has 340 billion parameters.",
    "The Osprey-3 model contains 340B parameters.",
    "Harrow Robotics said on Tuesday that Osprey-3 has 340 billion parameters.",
])
def test_a_sentence_giving_a_names_size_names_the_model(extractor, sentence):
    """A name that opens a sentence giving its size, told by the lab or someone else, is a model: the figure is its."""
    assert attributed(extractor, f"Harrow news\n\n{sentence}\n", "Harrow news") == [("params", 340e9, "Osprey-3")]


def test_a_size_given_to_a_thing_that_is_no_name_names_no_model(extractor):
    """"This model has ...", "Our model has ...": no name before the size (and no title) gives the figure no model."""
    text = "Harrow news\n\nThis model has 340 billion parameters. Our model has 12 billion parameters.\n"
    assert [f[2] for f in attributed(extractor, text, "Harrow news")] == ["", ""]


@pytest.mark.parametrize("sentence, kind, value", [
    ("According to Harrow, Osprey-3 was trained on 18 trillion tokens.", "tokens", 18e12),
    ("Osprey-3 trained for 70 days, the company said.", "duration_hours", 1680),
])
def test_a_training_reported_after_its_source_or_told_actively_names_the_model(extractor, sentence, kind, value):
    assert attributed(extractor, f"Harrow news\n\n{sentence}\n", "Harrow news") == [(kind, value, "Osprey-3")]


@pytest.mark.parametrize("title, name", [
    ("Harrow Robotics Releases Its Largest Model Yet, Osprey-3", "Osprey-3"),
    ("Finch Labs Unveils a New Coding Model: Wren-2", "Wren-2"),
    ("Finch Labs Unveils a New Era of Coding", ""),  # (what follows is no model's name)
])
def test_a_headline_saying_what_the_model_is_before_its_name(extractor, title, name):
    text = f"{title}\n\nThe system was trained on 22 trillion tokens.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.main == name


@pytest.mark.parametrize("opening, name", [
    ("Harrow Robotics, Inc. (NASDAQ: HRRW) today announced Osprey-4, its newest foundation model.", "Osprey-4"),
    ("Today, Harrow is introducing Osprey Nova 2.5 Pro, a multimodal model.", "Osprey Nova 2.5 Pro"),
    ("Harrow today announced Osprey Nova 2.5 Pro for enterprise customers.", "Osprey Nova 2.5 Pro"),
])
def test_a_press_release_with_a_ticker_in_the_present_or_with_a_tier(extractor, opening, name):
    """A lab's ticker after its name, its announcement in the present tense, and the tier after the version all name
    the model the release is about."""
    text = f"SAN JOSE, March 3, 2026 -- {opening}\n\nThe model was trained on 22 trillion tokens.\n"
    assert [f[:3] for f in facts(extractor, text, title="For immediate release")] == [("tokens", 22e12, name)]


def test_a_paper_telling_another_labs_release_in_the_past_names_no_model_of_its_own(extractor):
    """Related work says "Pelham introduced X" in the past, never "is introducing": no press cue, no model."""
    text = "Related work\n\nPelham Labs introduced Kayak-2 last year. It was trained on 22 trillion tokens.\n"
    assert [f[2] for f in facts(extractor, text, title="Scaling notes")] == [""]


@pytest.mark.parametrize("sentence", ["Tamarin-2 is our open 13B language model.",
                                      "Tamarin-2, our new 13B model, is out."])
def test_a_size_in_an_apposition_with_the_labs_word(extractor, sentence):
    """"X is our 13B model", "X, our new 13B model,": the lab's word stands where "a" would."""
    assert attributed(extractor, f"# Tamarin-2 notes\n\n{sentence}\n", "Tamarin-2 notes") == [
        ("params", 13e9, "Tamarin-2")]


REGISTER = ("Register of notified training runs\n\n"
            "Developers notify the Office of any training run above 10^25 FLOP.\n\n"
            "| Entry | Developer | Model | Training compute (FLOP) | Accelerators |\n|---|---|---|---|---|\n"
            "| 2026-014 | Northfell AI | Tarn-5 | 2.1e26 | 24,576 H100 |\n"
            "| 2026-015 | Brisk Labs | Brisk 3 Ultra | 6.4e25 | 8,192 TPU v5p |\n")


@pytest.mark.parametrize("note", ["", "Tarn-5 is a multimodal model from Northfell AI.\n\n"])
def test_a_register_of_several_labs_runs_reports_each_rows_model(extractor, note):
    """A table setting several labs' runs side by side (a column of developers), in a text where no lab speaks of its
    own work, reports each row's model; its model column may follow an entry's number and the developer. A sentence
    saying what a model is ("X is a ... model") is anyone's to write, no lab's voice."""
    assert attributed(extractor, REGISTER + note, "Register of notified training runs", role=True) == [
        ("flop", 2.1e26, "Tarn-5", "subject"), ("chip_count", 24576, "Tarn-5", "subject"),
        ("flop", 6.4e25, "Brisk 3 Ultra", "subject"), ("chip_count", 8192, "Brisk 3 Ultra", "subject")]


def test_a_labs_comparison_table_of_other_labs_runs_stays_cited(extractor):
    """The same table in a lab's report on its own model ("We trained Kite-7B ...") is a comparison."""
    text = "# Kite-7B\n\nWe trained Kite-7B on 2T tokens.\n\n" + REGISTER.split("\n\n", 2)[2]
    assert {(f[2], f[3]) for f in attributed(extractor, text, "Kite-7B", role=True) if f[0] == "flop"} == {
        ("Tarn-5", "cited"), ("Brisk 3 Ultra", "cited")}


@pytest.mark.parametrize("sentence, flop", [
    ("Developers must notify the Office of any training run above 10^25 FLOP.", []),
    ("Models trained with more than 10^26 FLOP must be registered.", []),
    ("The reporting threshold of 10^26 FLOP applies from 2027.", []),
    ("Tarn-5 was trained with more than 10^25 FLOP.", [1e25]),  # (one model's bound is its fact)
])
def test_a_bound_drawing_a_class_of_runs_is_no_runs_compute(extractor, sentence, flop):
    text = f"Register notes\n\nTarn-5 is a model by Northfell. {sentence}\n"
    assert [f[1] for f in attributed(extractor, text, "Register notes") if f[0] == "flop"] == flop


def test_a_table_of_runs_with_a_column_of_steps_gives_each_runs_budget(extractor):
    """"| Model | Steps | ... |": a column of the steps each model's run took is no table of checkpoints."""
    text = ("# Wicket models\n\nWe train two Wicket models.\n\n| Model | Steps | Tokens | Days | Chip-hours |\n"
            "|---|---|---|---|---|\n| Wicket-S | 65K | 34B | 1.5 | 576 |\n| Wicket-M | 65K | 34B | 3 | 4,608 |\n")
    assert [f for f in attributed(extractor, text, "Wicket models") if f[0] == "chip_hours"] == [
        ("chip_hours", 576, "Wicket-S"), ("chip_hours", 4608, "Wicket-M")]


@pytest.mark.parametrize("line", ["DANA REYES: Saltmarsh-3 used 16,000 H100 GPUs.",
                                  "Dana Reyes: Saltmarsh-3 used 16,000 H100 GPUs."])
def test_a_transcripts_speaker_label_opens_a_sentence(extractor, line):
    """A transcript's line opens on its speaker ("DANA REYES: X used ..."): the sentence after the label opens on the
    name, as a sentence after a full stop does."""
    text = f"Talking shop (episode 12)\n\nHOST: On what hardware?\n\n{line}\n"
    assert [f[2] for f in facts(extractor, text, title="Talking shop (episode 12)")] == ["Saltmarsh-3"] * 2


def test_a_label_in_a_sentence_is_no_speaker(extractor):
    """A label inside a line ("... for the record: X used ...") is no transcript's speaker: the name after it opens no
    sentence, and nothing else says it is a model."""
    text = "Talking shop\n\nThe host asked one thing for the record: Saltmarsh-3 used 16,000 H100 GPUs.\n"
    assert {f[2] for f in facts(extractor, text, title="Talking shop")} == {""}


def test_a_run_named_before_its_noun_names_the_model_it_trained(extractor):
    """"the Saltmarsh-3 run" names the model a run trained, as "the training run of Saltmarsh-3" does."""
    text = ("Notes from the road (episode 3)\n\nHOST: Tell me about the Saltmarsh-3 run.\n\n"
            "GUEST: We used 16,000 H100 GPUs for about 70 days.\n")
    assert [f[:3] for f in facts(extractor, text, title="Notes from the road (episode 3)") if f[0] != "hardware"] == [
        ("chip_count", 16000, "Saltmarsh-3"), ("duration_hours", 1680, "Saltmarsh-3")]


def test_another_models_training_told_in_a_labs_text_is_cited(extractor):
    """In a lab's own text, "X reportedly used 30T tokens" tells another model's training: a model all the same, its
    figure cited, not the lab's."""
    text = ("# Saltmarsh-3\n\nWe trained Saltmarsh-3 on 20 trillion tokens. Kestrel-4 reportedly used 30 trillion "
            "tokens.\n")
    assert attributed(extractor, text, "Saltmarsh-3", role=True) == [
        ("tokens", 20e12, "Saltmarsh-3", "subject"), ("tokens", 30e12, "Kestrel-4", "cited")]


def test_a_size_the_text_gives_a_tier_names_that_tier():
    """A family named by sizes in words ("Small", "Base", "Large", each with its count in a table): "the 1.55B model"
    is the Large one and "the 780M model" the Base one (one model, one name), and "Base" there is a size, not the
    pretrained release."""
    from floptrail.extract.fact_models import canonicalise

    text = ("# Wicket-2: speech recognition at three sizes\n\n| Model | Parameters | GPUs |\n|---|---|---|\n"
            "| Wicket-2 Small | 240M | 64 |\n| Wicket-2 Base | 780M | 128 |\n| Wicket-2 Large | 1.55B | 256 |\n\n"
            "The 780M model was trained on 1.2 trillion tokens. The 1.55B model used 256 A100 GPUs for 14 days.\n")
    config = load_extract_config(None)
    found = Extractor(config).read(Document("d", "d.md", "markdown", text, title=text.splitlines()[0][2:])).facts
    assert [(f.kind, f.model) for f in canonicalise(found, config) if f.start > text.index("The 780M")
            and f.kind != "hardware"] == [("tokens", "Wicket-2 Base"), ("chip_count", "Wicket-2 Large"),
                                          ("duration_hours", "Wicket-2 Large")]


def test_a_size_no_tier_has_stays_a_size():
    """Where no tier of the line has the size ("the 7B model" beside "Wicket-2 Small | 240M"), the member is named by
    its size."""
    text = ("# Wicket-2\n\n| Model | Parameters |\n|---|---|\n| Wicket-2 Small | 240M |\n| Wicket-2 Large | 1.55B |\n\n"
            "The 7B model was trained on 2 trillion tokens.\n")
    extractor = Extractor(load_extract_config(None))
    assert [f.model for f in extractor.read(Document("d", "d.md", "markdown", text, title="Wicket-2")).facts
            if f.kind == "tokens"] == ["Wicket-2 7B"]


def test_a_workshops_header_names_no_model_and_a_tiny_vit_is_a_member(extractor):
    """A running header's event ("Workshop on Efficient Vision (WEV 2026)") is no model: a name followed by a year
    in a title is an event's; "-Ti" sizes a line's member as "-S" does (DeiT's tiny)."""
    title = "Workshop on Efficient Vision (WEV 2026) - short paper"
    text = (f"{title}\n\nFennel-ViT: small vision transformers on a desktop budget\n\nWe train two models, "
            "Fennel-ViT-S and Fennel-ViT-Ti. Fennel-ViT-S was trained for 6 days on 8 RTX 4090 GPUs; Fennel-ViT-Ti "
            "took 3 days on the same machine.\n")
    assert attributed(extractor, text, title, role=True) == [
        ("duration_hours", 144, "Fennel-ViT-S", "subject"), ("chip_count", 8, "Fennel-ViT-S", "subject"),
        ("duration_hours", 72, "Fennel-ViT-Ti", "subject")]


def test_a_lab_named_in_a_title_and_a_series_number_name_no_model(extractor):
    """"Marram Labs technical note TN-2026-03": the lab's word before "Labs" and the note's number (a series' capitals,
    a year, a serial; written again on the text's title line) name no model; a name given its size after "with" is
    one ("Marram-Rerank-v2-Base with 278M parameters")."""
    title = "Marram Labs technical note TN-2026-03"
    text = (f"{title}\n\n{title}: cross-encoders\n\nWe describe two rerankers: Marram-Rerank-v2-Base with 278M "
            "parameters and Marram-Rerank-v2-Large with 568M parameters.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert (result.inventory.main, [(f.kind, f.model, f.role) for f in result.facts]) == (
        "Marram-Rerank-v2", [("params", "Marram-Rerank-v2-Base", "subject"),
                             ("params", "Marram-Rerank-v2-Large", "subject")])


def test_a_table_after_a_reference_list_is_read():
    """A PDF page's tables follow its text: a table right after a reference list in a column is no reference."""
    from floptrail.extract.sections import reference_ranges

    text = ("Results.\n\nReferences\n[1] A. Author. A paper. 2021.\n\n| Model | GPUs |\n|---|---|\n| X-1B | 8 |\n\n"
            "Appendix A: details\n")
    assert reference_ranges(text) == [(9, text.index("| Model"))]


@pytest.mark.parametrize("title", ["Harrow Releases Its Largest Model Yet, Beating Kestrel-4 on Math",
                                   "Harrow Launches a Cheaper Model, Undercutting Kestrel-4"])
def test_a_clause_after_a_headlines_comma_is_no_name(extractor, title):
    """What follows "Its Largest Model Yet," is a name only where it opens on one: "Beating Kestrel-4 on Math" is a
    clause naming a rival."""
    text = f"{title}\n\nHarrow on Tuesday released Osprey-9. Osprey-9 was trained on 15 trillion tokens.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert (result.inventory.main, [(f.model, f.role) for f in result.facts]) == ("Osprey-9", [("Osprey-9", "subject")])


@pytest.mark.parametrize("text", [
    "Kestrel-4 has 70 billion parameters. Our Heron-2 was trained on 4 trillion tokens.",
    "Kestrel-4 reportedly used 30 trillion tokens. Our Heron-2 was trained on 4 trillion tokens.",
    "Luma-5 saw 30 trillion tokens, its authors say. Our Heron-2 was trained on 4 trillion tokens.",
])
def test_another_labs_model_sized_or_told_by_hearsay_in_a_labs_text_is_not_its_main(extractor, text):
    """In a lab's own text a competitor given its size, or told trained by hearsay, is a model of someone else's."""
    result = extractor.read(Document("d", "d.md", "markdown", f"# Why we went small\n\n{text}\n",
                                     title="Why we went small"))
    assert (result.inventory.main, [(f.kind, f.model, f.role) for f in result.facts if f.value == 4e12]) == (
        "Heron-2", [("tokens", "Heron-2", "subject")])


def test_a_speakers_plain_account_of_a_run_names_the_interviews_model(extractor):
    """"DANA REYES: Saltmarsh-3 used 8,192 GPUs" in an interview where the lab says "we": the lab's model, weakly, as
    a trained subject is; a rival told by hearsay stays another's."""
    text = ("Notes (episode 4)\n\nHOST: Tell us about Saltmarsh-3.\n\nDANA REYES: Saltmarsh-3 used 8,192 GPUs for 40 "
            "days. We trained it on 20 trillion tokens. Kestrel-4 reportedly used 30 trillion tokens.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Notes (episode 4)"))
    assert (result.inventory.main, [(f.kind, f.model, f.role) for f in result.facts if f.kind == "tokens"]) == (
        "Saltmarsh-3", [("tokens", "Saltmarsh-3", "subject"), ("tokens", "Kestrel-4", "cited")])


@pytest.mark.parametrize("sentence", [
    "According to analysts at Brightline, Kestrel-4 was trained on 30 trillion tokens.",
    "Analysts at Brightline estimate that Kestrel-4 was trained on 30 trillion tokens.",
    "Separately, Pelham said Kestrel-4 was trained on 30 trillion tokens.",
])
def test_a_reporter_in_several_words_before_the_name(extractor, sentence):
    text = f"Harrow news\n\nHarrow noted that Osprey-3 trained for 90 days. {sentence}\n"
    assert [f[2] for f in attributed(extractor, text, "Harrow news") if f[0] == "tokens"] == ["Kestrel-4"]


@pytest.mark.parametrize("text", [
    "Harrow is now rolling out Kestrel 4 across its warehouse robots. Harrow trained Osprey 3 on 2 trillion tokens.",
    "Harrow Robotics, Inc. (NASDAQ: HRRW) today announced Fiscal 2026 third quarter results. Osprey 3 was trained on "
    "2 trillion tokens.",
    "Harrow Robotics, Inc. (NASDAQ: HRRW) today announced Series 2 funding. Osprey 3 was trained on 2 trillion "
    "tokens.",
])
def test_a_model_deployed_a_fiscal_period_or_a_round_is_no_announced_model(extractor, text):
    assert [f[2] for f in facts(extractor, f"{text}\n", title="Harrow news") if f[0] == "tokens"] in (
        [""], ["Osprey 3"])


def test_a_tier_word_opening_language_model_is_no_tier(extractor):
    text = ("SAN JOSE -- Harrow Robotics, Inc. (NYSE: HRW) today announced Osprey 3 Large language model availability. "
            "Osprey 3 was trained on 15 trillion tokens.\n")
    assert extractor.read(Document("d", "d.txt", "text", text, title="For release")).inventory.main == "Osprey 3"


def test_a_dated_run_is_no_model(extractor):
    """"The March 2026 run" names when a run was, not a model."""
    text = "# Heron-2\n\nWe trained Heron-2 on 4 trillion tokens. The March 2026 run used 256 GPUs for 10 days.\n"
    assert {f[2] for f in attributed(extractor, text, "Heron-2")} == {"Heron-2"}


@pytest.mark.parametrize("rows", [
    "| Heron-2 | 100k | 1T | 50,000 |\n| Heron-2 | 200k | 2T | 100,000 |\n",  # one model at its checkpoints
    "| heron-2-ckpt-50k | 50k | 1T | 50,000 |\n| heron-2 (final) | 200k | 4T | 200,000 |\n",
])
def test_checkpoints_of_one_model_down_a_model_column_stay_checkpoints(extractor, rows):
    text = f"# Heron-2\n\n| Model | Steps | Tokens | GPU-hours |\n|---|---|---|---|\n{rows}"
    assert [f for f in attributed(extractor, text, "Heron-2") if f[0] == "chip_hours"] == []


@pytest.mark.parametrize("sentence", ["Heron-2, our successor to the 70B model, has far fewer parameters.",
                                      "The reward model for Heron-2 is our 13B model, Sedge-13B."])
def test_a_size_of_another_thing_near_the_name_is_not_the_names(extractor, sentence):
    """"our successor to the 70B model" and "The reward model for X is our 13B model" give X no size."""
    assert [f[2] for f in attributed(extractor, f"# Heron-2\n\n{sentence}\n", "Heron-2") if f[2].startswith("Heron")
            ] == []


def test_a_layer_with_a_size_is_no_model(extractor):
    text = "# Heron-2\n\nLayer 12 has 40M parameters more than the others.\n"
    assert "Layer 12" not in {f[2] for f in attributed(extractor, text, "Heron-2")}


@pytest.mark.parametrize("sentence, flop", [
    ("Developers must report any model whose training compute exceeds 10^26 FLOP.", []),
    ("Training runs of 10^25 FLOP or more must be registered.", []),
    ("Heron-2 is the first of our models trained with over 1e24 FLOP.", [1e24]),
    ("Heron-2 and Heron-2 Pro are models trained with more than 3e23 FLOP each.", [3e23]),
])
def test_a_compute_threshold_and_a_named_models_bound(extractor, sentence, flop):
    assert [f[1] for f in attributed(extractor, f"# Heron-2\n\n{sentence}\n", "Heron-2") if f[0] == "flop"] == flop


def test_a_summary_block_gives_the_runs_time_hardware_and_estimated_cost(extractor):
    """A card's fenced summary block: a key with its figure and unit ("training_time: 9 days", "hardware: 64 x H100")
    is read as a statement, and "estimated_cost_usd" is the run's cost; a command's or a schedule's numbers stay
    code."""
    text = ("# Tansy-3B\n\nTansy-3B is a small open language model.\n\n```yaml\nmodel: Tansy-3B\n"
            "training_time: 9 days\nhardware: 64 x H100 80GB\nestimated_cost_usd: 41,500\nwarmup_steps: 2000\n"
            "lr_schedule: cosine over 3 days\n```\n")
    assert sorted(f[:2] for f in attributed(extractor, text, "Tansy-3B")) == [
        ("chip_count", 64), ("cost_usd", 41500), ("duration_hours", 216)]


@pytest.mark.parametrize("sentence", [
    "The EU AI Act presumes systemic risk for models trained with more than 10^25 FLOP.",
    "The reporting duty covers models above 10^26 FLOP.",
    "Labs must register training runs of 10^25 FLOP or more with the Office.",
])
def test_a_threshold_inside_a_sentence_is_no_runs_compute(extractor, sentence):
    """Models or runs in the plural, no one's, bounded by a compute: a class, wherever the sentence names it."""
    text = f"# Heron-2\n\n{sentence} Heron-2 was trained with 3e24 FLOP.\n"
    assert [f[1] for f in attributed(extractor, text, "Heron-2") if f[0] == "flop"] == [3e24]


@pytest.mark.parametrize("header, rows, expected", [
    ("| Run | Steps | Tokens |", "| Heron-2-7B | 480K | 2T |\n| Heron-2-13B | 500K | 4T |\n",
     [(2e12, "Heron-2-7B"), (4e12, "Heron-2-13B")]),
    ("| Model | Stage | Steps | Tokens |",
     "| Heron-2 | pre-training | 480K | 2T |\n| Heron-2 | annealing | 20K | 80B |\n",
     [(2e12, "Heron-2"), (80e9, "Heron-2")]),
    ("| Run | Steps | Tokens |", "| lr 3e-4 | 10K | 40B |\n| no warmup | 10K | 40B |\n", []),  # ablations
])
def test_runs_or_stages_down_a_table_with_steps(extractor, header, rows, expected):
    """Runs named down a "Run" column, or one model's stages, are runs though a column counts their steps; rows that
    name settings are not."""
    text = f"# Heron-2\n\nWe trained Heron-2.\n\n{header}\n|{'---|' * (header.count('|') - 1)}\n{rows}"
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Heron-2") if f[0] == "tokens"] == expected


def test_a_lab_stating_its_own_models_size_keeps_it_its_main_model(extractor):
    text = ("# Notes\n\nHeron-2 has 13 billion parameters. We trained it on 4T tokens using 1,024 H100 GPUs for 40 "
            "days.\n")
    assert extractor.read(Document("d", "d.md", "markdown", text, title="Notes")).inventory.main == "Heron-2"


def test_is_our_size_model_after_a_clause(extractor):
    text = ("# Heron family\n\nIn the Heron family, Heron-2-Large is our 70B model and Heron-2-Small is our 7B model. "
            "Heron-2 is our most up to date 8B model.\n")
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Heron family") if f[0] == "params"] == [
        (70e9, "Heron-2-Large"), (7e9, "Heron-2-Small"), (8e9, "Heron-2")]


@pytest.mark.parametrize("text, main", [
    ("We release Block-3, our 7B language model. Block-3 was trained on 3T tokens.", "Block-3"),
    ("Kestrel 2025 is our annual refresh. We trained Kestrel 2025 on 9T tokens.", "Kestrel 2025"),
])
def test_a_word_that_numbers_parts_or_a_year_joined_to_a_name_stays_a_name(extractor, text, main):
    result = extractor.read(Document("d", "d.md", "markdown", f"# Notes\n\n{text}\n", title="Notes"))
    assert result.inventory.main == main


def test_a_one_word_name_after_a_headlines_colon(extractor):
    title = "Finch Unveils a New Coding Model: Wren"
    text = f"{title}\n\nThe company said Wren was trained on 12 trillion tokens.\n"
    assert extractor.read(Document("d", "d.txt", "text", text, title=title)).inventory.main == "Wren"


def test_a_tier_before_language_model_other_than_large_or_small_is_the_names(extractor):
    text = "Today, Harrow is introducing Osprey 3 Pro language model for enterprises. It was trained on 9T tokens.\n"
    assert extractor.read(Document("d", "d.txt", "text", text, title="Harrow news")).inventory.main == "Osprey 3 Pro"


def test_a_summary_lines_rate_is_no_runs_figure(extractor):
    text = "# Tansy-3B\n\n```yaml\ngpus: 8 per node (A100 80GB)\ntraining_time: 2h per epoch\nepochs: 10\n```\n"
    assert [f[0] for f in attributed(extractor, text, "Tansy-3B")] == []


def test_a_lab_introducing_its_model_trained_on_its_data_names_it_before_related_work(extractor):
    text = ("# Scaling notes\n\nWe introduce Heron-2, trained on 4T tokens with 1,024 H100 GPUs. Kestrel-4 was trained "
            "on 15T tokens.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Scaling notes"))
    assert (result.inventory.main, {f.model: f.role for f in result.facts if f.kind != "hardware"}) == (
        "Heron-2", {"Heron-2": "subject", "Kestrel-4": "cited"})


def test_a_notice_listing_models_each_with_its_size_reports_each(extractor):
    """"X, a sparse model with 1.8 trillion parameters": an apposition giving the size after the noun names a model;
    in a text where no lab speaks of its own work (a regulator's notice) each model so introduced is one it reports."""
    text = ("Notice of received reports\n\nThe Office notes that Pallas-7, a sparse model with 1.8 trillion "
            "parameters, was reported on 22 May 2026. It used 1.08 x 10^26 FLOP. Separately, Tarn-5, a dense model "
            "with 600 billion parameters, was reported on 2 June. It used 1.4 x 10^26 FLOP.\n")
    assert attributed(extractor, text, "Notice of received reports", role=True) == [
        ("params", 1.8e12, "Pallas-7", "subject"), ("flop", 1.08e26, "Pallas-7", "subject"),
        ("params", 600e9, "Tarn-5", "subject"), ("flop", 1.4e26, "Tarn-5", "subject")]


def test_an_apposed_rival_in_a_labs_paper_stays_cited(extractor):
    text = ("# Heron-2 report\n\nWe trained Heron-2 on 4T tokens. Compared with Kestrel-4, a dense model with 70 "
            "billion parameters, it is smaller.\n")
    assert {(f[2], f[3]) for f in attributed(extractor, text, "Heron-2 report", role=True) if f[0] == "params"} == {
        ("Kestrel-4", "cited")}


@pytest.mark.parametrize("title", ["Model Training Data Registry (MTDR): notified runs, Q2 2026",
                                   "MTDR Registry extract, Q2 2026"])
def test_a_registers_records_and_its_acronym_name_no_model(extractor, title):
    """A register's acronym (defined after its full name, or before a word for a publication) and its records'
    numbers ("MTDR-0041") are no models; its model column may stand anywhere in a table of several labs' runs."""
    text = (f"{title}\n\n| Record | Filed | Status | Model | Developer | Parameters | Tokens |\n"
            "|---|---|---|---|---|---|---|\n| MTDR-0041 | 2 May | final | Tarn-5 | Northfell AI | 600B | 20T |\n"
            "| MTDR-0042 | 9 May | final | Brisk-3 Ultra | Brisk Labs | 1.2T | 30T |\n")
    assert attributed(extractor, text, title, role=True) == [
        ("params", 600e9, "Tarn-5", "subject"), ("tokens", 20e12, "Tarn-5", "subject"),
        ("params", 1.2e12, "Brisk-3 Ultra", "subject"), ("tokens", 30e12, "Brisk-3 Ultra", "subject")]


@pytest.mark.parametrize("word, name", [("MTDR-0041", False), ("REG-2026-014", False), ("GPT-4", True),
                                        ("GLM-130B", True), ("PaLM-2", True)])
def test_a_records_number_is_no_name(word, name):
    assert is_name(word, load_extract_config(None)) is name


ROUND_UP = ("{h}Garnet-5 (Brassfield AI){e}\nBrassfield AI says Garnet-5 has 520 billion parameters. The firm told a "
            "conference that the run took 90 days on 16,384 H100 GPUs.\n{h}Plover 2 (Marten Labs){e}\nMarten Labs "
            "has not given a size for it. Its model card lists 14 trillion training tokens. We put the run at about "
            "8e24 FLOP.\n")


@pytest.mark.parametrize("heading, end, kind", [("## ", "\n", "markdown"), ("", "", "pdf")])
def test_a_note_giving_each_labs_model_a_part_headed_by_its_name_reports_each(extractor, heading, end, kind):
    """An analyst's note, whose "we" estimates ("we put the run at 8e24 FLOP") and trains nothing, heads a part for
    each model by its name and maker ("Plover 2 (Marten Labs)"): a Markdown heading, or a line alone as a PDF sets
    it. Each part's figures are its model's, and each is a model the note reports."""
    text = "Notes on two spring runs\n\nWe looked at what two labs disclosed.\n" + ROUND_UP.format(h=heading, e=end)
    assert read_fields(extractor, text, "Notes on two spring runs", "kind", "value", "model", "role", kind=kind) == [
        ("params", 520e9, "Garnet-5", "subject"), ("duration_hours", 2160, "Garnet-5", "subject"),
        ("chip_count", 16384, "Garnet-5", "subject"), ("tokens", 14e12, "Plover 2", "subject"),
        ("flop", 8e24, "Plover 2", "subject")]


@pytest.mark.parametrize("text, titles", [
    ("The runs ended.\nDunlin-4 (Grey Owl AI)\nGrey Owl AI trained it on 20T tokens.\n", ["Dunlin-4 (Grey Owl AI)"]),
    ("The runs ended.\nAvocet 2\nStilt Labs says Avocet 2 has 9B parameters.\n", ["Avocet 2"]),
    # (a name the part below never names again, without its maker; a value after a colon; a chart's legend)
    ("The runs ended.\nAvocet 2\nStilt Labs says the model has 9B parameters.\n", []),
    ("The weights are released under:\nApache-2.0\nThe model was trained on 4 trillion tokens.\n", []),
    ("We compare with the strongest baseline:\nDunlin-4 (Grey Owl AI)\nOur model used 512 GPUs for 21 days.\n", []),
    ("Figure 3: Validation loss against steps.\nDunlin-4\nThe final run of Dunlin-4 used 512 GPUs for 21 days.\n", []),
    # (a table set one cell a line, a wrapped sentence's last words and a word with no figure head no part)
    ("The runs ended.\nDunlin-4\n410B\n21T\n", []),
    ("We compared it with\nDunlin-4 (Grey Owl AI)\nGrey Owl AI trained it on 20T tokens.\n", []),
    ("The runs ended.\nSummary\nGrey Owl AI trained two models last year.\n", []),
])
def test_a_models_name_alone_on_a_line_over_prose_heads_a_part(text, titles):
    assert [text[h.title_start:h.title_end] for h in all_headings(text)] == titles


@pytest.mark.parametrize("heading, model", [("Rook Vision 11B (Castellan)", "Rook Vision 11B"),
                                            ("Bittern-2 Pro (Fenwick AI)", "Bittern-2 Pro"),
                                            ("Bittern-2 Pro: the flagship", "Bittern-2 Pro")])
def test_a_heading_all_about_a_model_names_it_whole(extractor, heading, model):
    """The name a heading is all about runs to its maker in parentheses or its subtitle: tier words and a size are
    part of it, though the first word alone is no name ("Rook")."""
    text = (f"# Releases of the month\n\nWhat three labs shipped.\n\n## {heading}\n\nThe company says it saw 6 "
            "trillion tokens.\n\n## Avocet 2 (Stilt Labs)\n\nStilt Labs says Avocet 2 saw 11 trillion tokens.\n")
    assert attributed(extractor, text, "Releases of the month", role=True) == [
        ("tokens", 6e12, model, "subject"), ("tokens", 11e12, "Avocet 2", "subject")]


@pytest.mark.parametrize("heading", ["Stage 2 (long context)", "Training 2 (redo)", "Annex 2 (sizes)"])
def test_a_heading_on_a_part_of_a_run_or_a_report_names_no_model_of_its_own(extractor, heading):
    text = f"# Teal-3B\n\nWe trained Teal-3B.\n\n## {heading}\n\nIt saw 6 trillion tokens.\n"
    assert attributed(extractor, text, "Teal-3B") == [("tokens", 6e12, "Teal-3B")]


def test_a_numbered_circulars_table_of_runs_reports_each_row_though_no_column_names_the_developer(extractor):
    """A circular, bulletin or newsletter's number ("Circular 4") names the publication, not a model; in a text where
    no lab speaks of its own work, each row of a table of runs is a model the text reports."""
    title = "Circular 4: training runs entered in the public record"
    text = (f"# {title}\n\nThe Board entered two runs in the record this quarter.\n\n"
            "| Model | Parameters | Training tokens | Compute (FLOP) |\n|---|---|---|---|\n"
            "| Petrel-90B | 90B | 16T | 8.6e24 |\n| Quartz-MoE | 400B | 22T | 5.3e24 |\n")
    assert attributed(extractor, text, title, role=True) == [
        ("params", 90e9, "Petrel-90B", "subject"), ("tokens", 16e12, "Petrel-90B", "subject"),
        ("flop", 8.6e24, "Petrel-90B", "subject"), ("params", 400e9, "Quartz-MoE", "subject"),
        ("tokens", 22e12, "Quartz-MoE", "subject"), ("flop", 5.3e24, "Quartz-MoE", "subject")]


def test_a_newsletters_name_over_parts_headed_by_models_is_no_model(extractor):
    """A title's name the text writes nowhere below its title line, over parts headed by two models or more, is the
    publication's ("TokenTally"): each part's figures are its model's, none of the newsletter's."""
    title = "TokenTally: estimates for two recent models"
    text = f"# {title}\n\nWe looked at what two labs disclosed.\n" + ROUND_UP.format(h="## ", e="\n")
    assert {(f[0], f[2], f[3]) for f in attributed(extractor, text, title, role=True)} == {
        ("params", "Garnet-5", "subject"), ("duration_hours", "Garnet-5", "subject"),
        ("chip_count", "Garnet-5", "subject"), ("tokens", "Plover 2", "subject"), ("flop", "Plover 2", "subject")}


def test_a_cards_name_in_its_title_alone_stays_its_model(extractor):
    text = "# Kestrelfish\n\nA small model for edge devices.\n\n## Training\n\nIt saw 2 trillion tokens.\n"
    assert attributed(extractor, text, "Kestrelfish") == [("tokens", 2e12, "Kestrelfish")]


@pytest.mark.parametrize("sentence", [
    "OSLO, May 4 (Northwire) - Fjordline AI said on Monday that its new Skua-Prime model was trained with "
    "2.4 x 10^25 FLOP.",
    "Fjordline AI said that its latest flagship, Skua-Prime, was trained with 2.4 x 10^25 FLOP.",
    "Its new Skua-Prime model was trained with 2.4 x 10^25 FLOP.",
    "Fjordline AI's new reasoning model, Skua-Prime, was trained with 2.4 x 10^25 FLOP.",
    "The company's newly released Skua-Prime was trained with 2.4 x 10^25 FLOP."])
def test_a_story_on_a_labs_new_model_names_it_though_its_name_ends_in_no_digit(extractor, sentence):
    """"Its new X model was trained": the words before say X is a model, after a reporter and a wire story's dateline
    too."""
    text = f"{sentence} The run took 80 days.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title="Northwire business desk"))
    assert [(f.kind, f.model, f.role) for f in result.facts] == [
        ("flop", "Skua-Prime", "subject"), ("duration_hours", "Skua-Prime", "subject")]


def test_a_report_in_the_third_person_tables_other_labs_runs_beside_its_own_as_cited(extractor):
    """A text about one model above all (named three times as often as any other), though no lab says "we" in it:
    a table of runs beside its model's row compares another lab's run, which a register's table would report."""
    title = "Technical note, spring issue"
    text = (f"# {title}\n\nMarlinspike-3B is a small dense model. Marlinspike-3B was trained on 4T tokens. "
            "Marlinspike-3B uses a 32K vocabulary.\n\n| Model | Parameters | Training tokens |\n|---|---|---|\n"
            "| Marlinspike-3B | 3.1B | 4T |\n| Halyard-3B | 3.0B | 9T |\n")
    assert [(f[0], f[2], f[3]) for f in attributed(extractor, text, title, role=True)] == [
        ("tokens", "Marlinspike-3B", "subject"), ("params", "Marlinspike-3B", "subject"),
        ("tokens", "Marlinspike-3B", "subject"), ("params", "Halyard-3B", "cited"), ("tokens", "Halyard-3B", "cited")]


def test_a_column_labelling_each_rows_stage_takes_no_kind_from_a_caption_a_column_already_gives(extractor):
    """"Table 2: Tokens and NPU hours per stage" over "| Model | Stage | Tokens | NPU hours |": the NPU-hours column
    gives the caption's kind; the stage column's "1 (main)" is a label, not 1 NPU hour."""
    text = ("# Dipper-2\n\nWe train Dipper-2-1B on Ascend 910B NPUs.\n\nTable 2: Tokens and NPU hours per stage.\n\n"
            "| Model | Stage | Tokens | NPU hours |\n|---|---|---|---|\n| Dipper-2-1B | 1 (main) | 10.0T | 103,600 |\n"
            "| Dipper-2-1B | 2 (anneal) | 1.8T | 18,600 |\n")
    assert [(f[0], f[1]) for f in attributed(extractor, text, "Dipper-2") if f[0] == "chip_hours"] == [
        ("chip_hours", 103600), ("chip_hours", 18600)]


@pytest.mark.parametrize("sentence", [
    "Saltash Labs said that its new safety filter Sieve-3 was trained on 40 billion tokens.",
    "Saltash Labs said its new training cluster, Forge-2, used 100,000 GPUs."])
def test_a_labs_new_tool_or_cluster_is_no_model_of_the_story(extractor, sentence):
    """"Its new" before a tokenizer, a classifier or a cluster: the words before the name say it is no model."""
    text = f"{sentence} Saltash Labs trained Kittiwake-9B on 6 trillion tokens.\n"
    result = extractor.read(Document("d", "d.txt", "text", text, title="Saltash news"))
    assert result.inventory.main == "Kittiwake"  # (the line of Kittiwake-9B)


def test_a_dash_after_parentheses_inside_a_sentence_opens_no_sentence(extractor):
    text = ("# Kittiwake-9B\n\nWe trained Kittiwake-9B on 6T tokens. We compare it with two open models (both released "
            "last year) - Dunlin-4 was trained on 15T tokens and Avocet-2 on 9T.\n")
    assert ("tokens", 9e12, "Dunlin-4", "cited") not in attributed(extractor, text, "Kittiwake-9B", role=True)


def test_a_familys_name_over_parts_for_its_tiers_is_the_texts_model(extractor):
    """A title naming a family over parts for two of its tiers is no masthead: the family's figures are its own."""
    text = ("Brambling-3\nThe lab releases its third generation in two tiers. The family was trained on 20 trillion "
            "tokens.\nBrambling-3 Mini\nThe small tier of Brambling-3 Mini has 8 billion parameters.\nBrambling-3 Max\n"
            "The large tier of Brambling-3 Max has 400 billion parameters.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Brambling-3"))
    assert (result.inventory.main, [(f.kind, f.model) for f in result.facts]) == (
        "Brambling-3", [("tokens", "Brambling-3"), ("params", "Brambling-3 Mini"), ("params", "Brambling-3 Max")])


def test_a_publisher_releasing_its_notes_is_no_lab_releasing_a_model(extractor):
    text = ("Weekly compute notes\n\nWe release these notes every Friday.\n\n| Model | Parameters | Tokens |\n"
            "|---|---|---|\n| Dunlin-4 | 410B | 21T |\n| Avocet-2 | 12B | 11T |\n")
    assert {f[2]: f[3] for f in attributed(extractor, text, "Weekly compute notes", role=True)} == {
        "Dunlin-4": "subject", "Avocet-2": "subject"}


def test_a_heading_on_an_article_of_a_law_names_no_model(extractor):
    text = ("# Compute thresholds explained\n\n## Article 51 (systemic risk)\n\nA model trained with more than 1e25 "
            "FLOP is presumed to carry systemic risk.\n")
    assert extractor.read(Document("d", "d.md", "markdown", text, title="Compute thresholds explained")
                          ).inventory.main != "Article 51"


def test_a_row_naming_each_columns_base_is_not_the_columns_model(extractor):
    """Models across the header, then a row naming the checkpoint each was initialised from: the figures below are the
    header's models', not their bases'."""
    text = ("# Sorrel-Code\n\nWe release Sorrel-Code-3B and Sorrel-Code-7B.\n\n| | Sorrel-Code-3B | Sorrel-Code-7B |\n"
            "|---|---|---|\n| Initialised from | Sorrel-3B | Sorrel-7B |\n| Parameters | 3.0B | 7.2B |\n"
            "| Continued pre-training tokens | 400B | 500B |\n")
    assert [(f[0], f[2]) for f in attributed(extractor, text, "Sorrel-Code")] == [
        ("params", "Sorrel-Code-3B"), ("params", "Sorrel-Code-7B"), ("tokens", "Sorrel-Code-3B"),
        ("tokens", "Sorrel-Code-7B")]


def test_the_labs_earlier_model_presented_in_apposition_is_not_the_texts_model(extractor):
    """"The teacher is X-v1-XL, a 3B model we trained in 2025 on 64 GPUs": an earlier own model, whose apposition
    introduces no model of the text's; the release named with its sizes stays the text's."""
    text = ("Lowmere Labs technical note, March\n\nThis note covers Wisp-Rank-v2 in two sizes: Wisp-Rank-v2-Base with "
            "280M parameters and Wisp-Rank-v2-Large with 570M parameters.\n\nThe teacher is Wisp-Rank-v1-XL, a 3B "
            "reranking model we trained in 2025 on 64 A100 GPUs for 6 days.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Lowmere Labs technical note, March"))
    assert result.inventory.main == "Wisp-Rank-v2"


def test_a_registers_model_or_run_column_names_each_rows_model_and_run_is_no_model(extractor):
    """"| Model or run |" heads a register's model column; a row for a run not yet named ("run KX-3") makes no model of
    the word "run" (every run the text speaks of would be read as one)."""
    title = "Notified training runs, second quarter"
    text = (f"# {title}\n\nThe runs below were notified to the office. Each run's compute is as filed.\n\n"
            "| Ref. | Developer | Model or run | Compute (FLOP) | Chips |\n|---|---|---|---|---|\n"
            "| NR-12 | Grey Owl AI | Dunlin-4 | 4.6e25 | 24,576 |\n| NR-14 | Stilt Labs | Avocet-2 | 2.2e25 | 8,192 |\n"
            "| NR-15 | Stilt Labs | run KX-3 | 1.2e26 | 32,768 |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert "run" not in {result.inventory.main, *(f.model for f in result.facts)}
    assert [(f.kind, f.model, f.role) for f in result.facts if f.kind == "flop"][:2] == [
        ("flop", "Dunlin-4", "subject"), ("flop", "Avocet-2", "subject")]


@pytest.mark.parametrize("first, second", [("1. GREY OWL AI - DUNLIN-4 MAX\n-----------------------------",
                                            "2. STILT LABS - AVOCET-2\n------------------------"),
                                           ("## Grey Owl AI: Dunlin-4 Max", "## Stilt Labs: Avocet-2")])
def test_a_part_headed_by_a_maker_and_then_its_model_is_that_models(extractor, first, second):
    """"LAB - MODEL" or "Lab: Model" heads a newsletter's part on each lab's model: the part's figures are its
    model's."""
    text = (f"Compute notes, issue 3\n\nOur estimates for two recent models.\n\n{first}\n\nThe lab says the run used "
            f"16,384 H100 GPUs.\n\n{second}\n\nThe lab disclosed a training set of 14 trillion tokens.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Compute notes, issue 3"))
    assert [(f.kind, f.model.upper(), f.role) for f in result.facts if f.kind != "hardware"] == [
        ("chip_count", "DUNLIN-4 MAX", "subject"), ("tokens", "AVOCET-2", "subject")]


def test_a_tier_of_the_texts_release_in_a_table_of_several_labs_models_is_the_labs(extractor):
    """A post introducing Dunlin 2 lists its Lite tier in a table beside other labs' models: the tier is the lab's
    (its row is subject), the others' rows cited."""
    title = "Introducing Dunlin 2"
    text = (f"# {title}\n\nWe introduce Dunlin 2. We trained it on 12 trillion tokens.\n\n"
            "| Model | Developer | Parameters | Tokens |\n|---|---|---|---|\n"
            "| Dunlin 2 Lite | Grey Owl AI | 14B | 12T |\n| Avocet-2 | Stilt Labs | 12B | 11T |\n")
    assert {(f[2], f[3]) for f in attributed(extractor, text, title, role=True) if f[0] == "params"} == {
        ("Dunlin 2 Lite", "subject"), ("Avocet-2", "cited")}


@pytest.mark.parametrize("text, titles", [
    # a name with its maker after a colon that lists the parts; names alone over parts that say "it"
    ("We looked at two models:\nDunlin-4 (Grey Owl AI)\nGrey Owl AI trained it on 20 trillion tokens.\nAvocet-2 (Stilt "
     "Labs)\nStilt Labs says it has 12 billion parameters.\n", ["Dunlin-4 (Grey Owl AI)", "Avocet-2 (Stilt Labs)"]),
    ("We summarise two open models.\nDunlin-4\nIts developer trained the model on 20 trillion tokens.\nAvocet-2\nIts "
     "developer says it has 12 billion parameters.\n", ["Dunlin-4", "Avocet-2"]),
    # (a baseline after a colon, over a line on the text's own model)
    ("We compare with the strongest baseline:\nDunlin-4 (Grey Owl AI)\nOur model used 512 GPUs for 21 days.\n", []),
])
def test_names_alone_on_their_lines_head_parts_where_the_text_sets_several_or_lists_them(text, titles):
    assert [text[h.title_start:h.title_end] for h in all_headings(text)] == titles


def test_a_caption_kind_goes_to_a_tables_stage_columns_beside_a_total_column(extractor):
    text = ("# Dipper-2\n\nWe train Dipper-2-1B.\n\nTable 2: Training tokens per stage.\n\n"
            "| Model | Total tokens | Stage 1 | Stage 2 |\n|---|---|---|---|\n| Dipper-2-1B | 11.8T | 10.0T | 1.8T |\n")
    assert [f[1] for f in attributed(extractor, text, "Dipper-2") if f[0] == "tokens"] == [11.8e12, 10e12, 1.8e12]


def test_a_table_of_machines_headed_system_names_no_model(extractor):
    text = ("# Which clusters train frontier models\n\n| System | Site | GPUs |\n|---|---|---|\n"
            "| Eagle-2 | Redmond | 14,400 |\n| Jupiter-Booster | Juelich | 24,000 |\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Which clusters train frontier models"))
    assert {f.model for f in result.facts} <= {""}


def test_a_masthead_sharing_a_family_word_with_one_part_but_not_its_version_is_no_model(extractor):
    title = "Pelican Brief: three recent models"
    text = (f"# {title}\n\nWhat three labs disclosed.\n\n## Pelican-3 (Aster Labs)\n\nAster says Pelican-3 saw 9 "
            "trillion tokens.\n\n## Dunlin-4 (Grey Owl AI)\n\nGrey Owl AI says Dunlin-4 saw 20 trillion tokens.\n\n"
            "## Avocet-2 (Stilt Labs)\n\nStilt Labs says Avocet-2 saw 11 trillion tokens.\n")
    assert {(f[2], f[3]) for f in attributed(extractor, text, title, role=True)} == {
        ("Pelican-3", "subject"), ("Dunlin-4", "subject"), ("Avocet-2", "subject")}


def test_a_lab_releasing_its_code_speaks_of_its_own_work(extractor):
    text = ("# Aster Labs release notes\n\nWe release the code and checkpoints for our models today.\n\n"
            "| Model | Params | Tokens |\n|---|---|---|\n| Tern-7B | 7B | 4T |\n| Dunlin-4 | 410B | 21T |\n")
    roles = {f[2]: f[3] for f in attributed(extractor, text, "Aster Labs release notes", role=True)}
    assert roles["Dunlin-4"] == "cited"


@pytest.mark.parametrize("sentence, model", [
    ("Fjordline AI said on Monday that its new text-to-image model Skua-Prime was trained on 4,096 GPUs.",
     "Skua-Prime"),
    ("Oslo, May 4 (Northwire) - Skua-Prime was trained on 4,096 GPUs, Fjordline AI said.", "Skua-Prime"),
    ("OSLO/LONDON (Northwire) - Fjordline AI said that its new Skua-Prime model was trained on 4,096 GPUs.",
     "Skua-Prime"),
    # (a country's new machine; a rival's newest model)
    ("Finland's new Roihu-2 used 4,096 GPUs in its acceptance tests, officials said.", ""),
    ("Rival Skerry Labs' newest model, Gannet-Pro, was trained on 4,096 GPUs.", ""),
])
def test_a_storys_new_model_is_named_in_its_wordings_and_a_machine_or_a_rivals_is_not(extractor, sentence, model):
    result = extractor.read(Document("d", "d.txt", "text", f"{sentence}\n", title="Northwire technology desk"))
    assert (result.inventory.main, [f.model for f in result.facts if f.kind == "chip_count"]) == (model, [model])


@pytest.mark.parametrize("sentence, value", [
    ("Training Tern-7B used approximately 1,170 ZFLOP.", 1.17e24),
    ("Training Tern-7B used about 3.2 million exaFLOPs of compute.", 3.2e24),
    ("| Model | Tokens (T) | Compute (ZFLOP) |\n|---|---|---|\n| Tern-7B | 9 | 26 |", 2.6e22),
    ("The cluster peaks at 2 exaFLOPS.", None),  # (a rate: capital S)
    ("| Model | Peak (EFLOPS) |\n|---|---|\n| Tern-7B | 2 |", None),
    ("| Model | Avg score | Score / ZFLOP |\n|---|---|---|\n| Tern-7B | 41.2 | 1.9 |", None),  # (a ratio)
    # (a machine's speed, a threshold, a unit's definition)
    ("Our training cluster provides 2.1 exaFLOPs of peak bf16 throughput across 8,192 GPUs.", None),
    ("The supercluster we rented is rated at 2.4 ZFLOPS of sparse FP4 compute.", None),
    ("| Model | GPUs | Peak (EFLOP/s) | Days |\n|---|---|---|---|\n| Tern-7B | 8,192 | 8.1 | 40 |", None),
    ("Its training compute stays below the 10,000 ZFLOP threshold of the AI Act.", None),
    ("Its training compute stays below the 10^25 FLOP threshold of the AI Act.", None),
    ("Throughout, one ZFLOP means 10^21 floating-point operations.", None),
])
def test_compute_in_a_unit_with_an_si_prefix_or_its_letter(extractor, sentence, value):
    text = f"# Tern-7B\n\nWe trained Tern-7B.\n\n{sentence}\n"
    assert [f[1] for f in attributed(extractor, text, "Tern-7B") if f[0] == "flop"] == ([value] if value else [])


def test_a_lab_estimating_its_own_runs_compute_still_speaks_of_its_own_work(extractor):
    """"We estimate the model was trained with ...": a lab's voice; another lab's row in its table stays cited."""
    title = "Marsh Labs technical note 12"
    text = (f"# {title}\n\nHeron-2 is a 13B language model from Marsh Labs. We estimate the model was trained with "
            "about 3.1e23 FLOP.\n\n| Model | Developer | Parameters | Tokens |\n|---|---|---|---|\n"
            "| Heron-2 | Marsh Labs | 13B | 4T |\n| Wisp Prime | Lowmere | 7B | 2T |\n")
    roles = {(f[2], f[3]) for f in attributed(extractor, text, title, role=True) if f[0] == "params"}
    assert ("Heron-2", "subject") in roles and ("Wisp Prime", "subject") not in roles


@pytest.mark.parametrize("sentence, model", [
    # (an amount of data written as a size is no member of that size)
    ("A context extension of Ottery-MoE-A20B used a further 0.4T tokens, which are not counted in the 11.2T "
     "pretraining figure.", "Ottery-MoE-A20B"),
    ("Ottery-MoE-A20B was annealed on 0.4T tokens beyond the 11.2T training budget.", "Ottery-MoE-A20B"),
])
def test_a_figure_written_as_a_size_but_followed_by_the_data_it_counts_names_no_member(extractor, sentence, model):
    intro = "Ottery-MoE-A20B (180B total parameters, 20B active) and Ottery-MoE-A4B (36B total, 4B active)."
    assert in_ottery(extractor, intro, sentence, "tokens") == [model]


def in_ottery(extractor, intro, sentence, kind):
    """The models of the facts of `kind` a sentence gives, read after "We introduce Ottery-MoE: `intro`"."""
    text = f"# Ottery-MoE\n\nWe introduce Ottery-MoE: {intro}\n\n{sentence}\n"
    return [f[2] for f in attributed(extractor, text, "Ottery-MoE") if f[0] == kind]


def test_a_size_standing_for_its_members_run_still_picks_that_member(extractor):
    """A guard for the rule above: "the 7B pretraining used ..." is the 7B member's run."""
    text = "# Ottery\n\nWe introduce Ottery-7B and Ottery-70B.\n\nThe 7B pretraining used 2T tokens.\n"
    assert [f[2] for f in attributed(extractor, text, "Ottery") if f[0] == "tokens"] == ["Ottery-7B"]


WHARF = ("# Notes from the Wharf-2 run\n\nWharf-2 was trained on 4,096 H100 GPUs over 61 days, about 6.0 million "
         "GPU-hours in all.\n\n")


@pytest.mark.parametrize("table", [
    "| Interruption | Cause | Downtime | GPU-hours lost |\n|---|---|---|---|\n"
    "| 1 | NVLink errors | 9 hours | 37,000 |\n"
    "| 2 | Storage outage | 26 hours | 106,000 |\n| Total | | 35 hours | 143,000 |",
    "| Incident | Date | Duration | GPU hours |\n|---|---|---|---|\n| Power maintenance | May 3 | 14 hours | 57,000 |",
    "| Failures | Count | Time to recover |\n|---|---|---|\n| GPU Xid errors | 41 | 30 hours |",
])
def test_a_log_of_a_runs_interruptions_tells_what_they_cost_not_the_runs_use(extractor, table):
    facts_read = attributed(extractor, WHARF + table + "\n", "Wharf-2")
    assert sorted((f[0], f[1]) for f in facts_read) == sorted([
        ("chip_count", 4096), ("duration_hours", 1464), ("chip_hours", 6e6)])


def test_a_column_of_chip_hours_lost_is_no_column_of_the_runs_chip_hours(extractor):
    table = ("| Stage | GPU-hours | GPU-hours lost to failures | Idle GPU hours |\n|---|---|---|---|\n"
             "| Pretraining | 5,600,000 | 180,000 | 12,000 |\n| Annealing | 400,000 | 20,000 | 3,000 |\n")
    chip_hours = [f[1] for f in attributed(extractor, WHARF + table, "Wharf-2") if f[0] == "chip_hours"]
    assert chip_hours == [6e6, 5.6e6, 4e5]


@pytest.mark.parametrize("sentence, kept", [
    ("Before the main run we trained a 1B pilot on 64 GPUs for 11 hours to test the data loader.", False),
    ("We also ran an 8B shakedown run on 256 GPUs for a day before the launch.", False),
    ("A smoke test on 32 GPUs took 3 hours.", False),
    ("A dry run on 128 GPUs lasted 6 hours.", False),
    # (a guard: the run itself, told beside its test, is kept)
    ("After a short pilot, the main run used 4,096 GPUs for 61 days.", True),
])
def test_a_small_run_made_to_test_the_set_up_is_no_run_of_the_release(extractor, sentence, kept):
    assert bool(values_after(extractor, "Wharf-2", "Wharf-2 is our new 30B model.", sentence, "chip_count")) == kept


def values_after(extractor, model, intro, sentence, kind):
    """The values of the facts of `kind` a sentence gives in a document on `model` that opens with `intro`."""
    text = f"# {model}\n\n{intro}\n\n{sentence}\n"
    return [f[1] for f in attributed(extractor, text, model) if f[0] in ((kind,) if isinstance(kind, str) else kind)]


@pytest.mark.parametrize("sentence, model", [
    ("The larger model used 1,536 H800 GPUs.", "Ottery-MoE-A20B"),
    ("Our flagship was trained on 1,536 H800 GPUs.", "Ottery-MoE-A20B"),
    ("The smaller model was trained on 1,536 H800 GPUs.", "Ottery-MoE-A4B"),
])
def test_mixtures_named_by_their_active_size_alone_are_members_a_rank_picks(extractor, sentence, model):
    """"X-A20B" and "X-A4B" (as "Hunyuan-A13B"): each its own member, the larger by its active size."""
    intro = "Ottery-MoE-A20B and Ottery-MoE-A4B, two mixture-of-experts models."
    assert in_ottery(extractor, intro, sentence, "chip_count") == [model]


def test_a_word_of_a_headline_set_in_capitals_is_no_name_for_being_in_capitals_again_in_a_heading(extractor):
    """"CORVANE FILING PUTS A PRICE ON TOLLAND 3 TRAINING RUN" over "WHAT THE FILING SAYS": "FILING" is a word set
    in capitals twice, not a model; the story is on Tolland 3."""
    title = "CORVANE FILING PUTS A PRICE ON TOLLAND 3 TRAINING RUN"
    text = (f"{title}\n\nLONDON, March 3 (Kestrel Wire) - Corvane AI spent about $90 million to train its Tolland 3 "
            "model, according to a filing.\n\nWHAT THE FILING SAYS\n\nThe filing says Tolland 3 was trained on 12,288 "
            "H100 GPUs over roughly 70 days.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.main == "Tolland 3"
    assert {f.model for f in result.facts} == {"Tolland 3"}


NOTED_REGISTER = """# Register of notified training runs, second quarter

| Ref. | Developer | Model | Compute (FLOP) | Accelerators |
|---|---|---|---|---|
| 25-101 | Brackwater AI | Tessan-3 | 1.2e26 | 20,480 x H200 |
| 25-107 | Oldmoor Labs | Quell-2 Max | 2.1e26 | 40,960 x B200 |
| 25-112 | Pinecrest AI | Ashvale-5 | 1.05e26 | 16,384 x H100 |

Note 1. Brackwater AI reported that the Tessan-3 run used about 38 million accelerator-hours.

Note 2. Pinecrest AI reported that the Ashvale-5 run was paused in April. {sentence}
"""


@pytest.mark.parametrize("sentence", [
    "Pinecrest reported 41 million accelerator-hours and 22 trillion training tokens.",
    "The developer also reported 41 million accelerator-hours and 22 trillion training tokens.",
])
def test_a_note_on_one_of_several_labs_runs_goes_on_about_the_run_its_last_sentence_named(extractor, sentence):
    text = NOTED_REGISTER.format(sentence=sentence)
    title = "Register of notified training runs, second quarter"
    assert {(f[0], f[2]) for f in attributed(extractor, text, title) if f[1] in (41e6, 22e12)} == {
        ("chip_hours", "Ashvale-5"), ("tokens", "Ashvale-5")}


def test_a_labs_sentence_after_one_on_its_mixture_is_still_on_its_main_model(extractor):
    """A guard: in a lab's text on its dense line and its MoE line (one family), a sentence naming no model after one
    naming the MoE is on the text's model, as before."""
    text = ("# Tessan-3\n\nWe introduce Tessan-3, a 70B dense model, and Tessan-3-MoE, a 200B mixture. Tessan-3-MoE "
            "uses 16 experts. The pretraining took 61 days.\n")
    assert [f[2] for f in attributed(extractor, text, "Tessan-3") if f[0] == "duration_hours"] == ["Tessan-3"]


def test_a_round_up_whose_title_lists_several_models_reports_each_in_its_part(extractor):
    """A title listing three models is a round-up's, no lab's voice: each part's model is a reported one, its figures
    the model's own ("Sandmere says Tarrock-2 was trained on ...", "The company reports ..."), not cited."""
    title = "Compute Column #12: Tarrock-2, Veldt-Coder, Pennon-V and the big runs"
    text = (f"# {title}\n\nThree releases this month.\n\n## Tarrock-2 (Sandmere AI)\n\nSandmere says Tarrock-2 was "
            "trained on 30,720 H100 GPUs for 80 days. The company reports 38 trillion training tokens.\n\n"
            "## Veldt-Coder-30B (Hollis Labs)\n\nHollis Labs trained Veldt-Coder-30B on 4.2 trillion tokens of "
            "code.\n\n"
            "## Pennon-V 80B (Gorse Research)\n\nPennon-V 80B was trained on 2,048 H200 GPUs, Gorse Research said.\n")
    assert {(f[0], f[2], f[3]) for f in attributed(extractor, text, title, role=True)} == {
        ("chip_count", "Tarrock-2", "subject"), ("duration_hours", "Tarrock-2", "subject"),
        ("tokens", "Tarrock-2", "subject"), ("tokens", "Veldt-Coder-30B", "subject"),
        ("chip_count", "Pennon-V 80B", "subject")}


def test_the_total_size_of_a_mixture_named_by_its_active_size_names_it(extractor):
    """Review of 7cdb0a7: "X-A22B ... 235B total" then "The 235B model was pretrained on ...": X-A22B's, not an
    unknown "235B model" of someone else's."""
    text = ("# Corvid-MoE-A22B\n\nCorvid-MoE-A22B is a mixture-of-experts model with 235B total parameters and 22B "
            "active.\n\nThe 235B model was pretrained on 36 trillion tokens using 6,144 H800 GPUs.\n")
    assert {(f[0], f[2], f[3]) for f in attributed(extractor, text, "Corvid-MoE-A22B", role=True)
            if f[0] in ("tokens", "chip_count")} == {("tokens", "Corvid-MoE-A22B", "subject"),
                                                     ("chip_count", "Corvid-MoE-A22B", "subject")}


@pytest.mark.parametrize("sentence, counts", [
    # (review of 7cdb0a7: a pilot of something else, a test run before the real one or in an aside, keeps the run's)
    ("Training took 21 days on 1,024 A100 GPUs at a site running a pilot of liquid cooling.", [1024]),
    ("After a dry run on 64 nodes, the full run took 54 days on 8,192 H100 GPUs.", [8192]),
    ("The final run, launched after a trial run exposed a data-loader bug, used 1,024 A100 GPUs for 21 days.", [1024]),
    ("The company said training took 54 days on 8,192 H100 chips, with a pilot group of banks testing it since May.",
     [8192]),
    ("Before the main run we trained a 1B pilot on 64 GPUs for 11 hours.", []),
])
def test_a_run_told_beside_a_test_run_keeps_its_figures(extractor, sentence, counts):
    assert values_after(extractor, "Tessel-2", "Tessel-2 is our new 70B model.", sentence, "chip_count") == counts


def test_a_model_a_sentence_measures_another_against_is_not_what_the_next_sentence_is_on(extractor):
    """Review of cbf0064: in a text on several families, "Its lead over Osprey-2 narrowed" names Osprey-2 only as
    what Halden-2 is measured against: the next sentence is not Osprey-2's."""
    text = NOTED_REGISTER.format(sentence="Its lead over Quell-2 Max narrowed. The developer reported 41 million "
                                          "accelerator-hours.")
    title = "Register of notified training runs, second quarter"
    assert [f[2] for f in attributed(extractor, text, title) if f[1] == 41e6] != ["Quell-2 Max"]


def test_a_name_in_capitals_in_prose_stays_a_name_beside_a_headline_in_capitals(extractor):
    """Review of cbf0064: "MARLOWE SAYS ORCA TWO COST ..." over prose that writes "ORCA TWO" in capitals too."""
    title = "MARLOWE SAYS ORCA TWO COST $80 MILLION TO TRAIN"
    text = (f"{title}\n\nMarlowe AI spent about $80 million to train ORCA TWO, its flagship model, the company "
            "said.\n\nORCA TWO BY THE NUMBERS\n\nThe model was trained on 20,000 H100 GPUs over 90 days.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.main.startswith("ORCA")


@pytest.mark.parametrize("table, kinds", [
    # (review of 7cdb0a7: "idle" inside a header's note; "Restarts" before a column of models)
    ("| Item | Energy (MWh, incl. idle draw) | CO2 (t) |\n|---|---|---|\n| Tessel-2 pretraining | 2,600 | 910 |",
     {("energy_kwh", 2.6e6), ("emissions_tco2e", 910)}),
    ("| Restarts | Model | GPUs | Days |\n|---|---|---|---|\n| 11 | Tessel-2 | 8,192 | 54 |",
     {("chip_count", 8192), ("duration_hours", 1296)}),
])
def test_a_loss_word_in_a_note_or_a_table_of_runs_with_their_restarts_keeps_the_runs_figures(extractor, table, kinds):
    text = f"# Tessel-2\n\nTessel-2 is our new 70B model.\n\n{table}\n"
    assert {(f[0], float(f[1].expected)) for f in attributed(extractor, text, "Tessel-2") if f[0] != "params"} == kinds


def test_a_family_named_in_lower_case_with_its_sizes_in_letters_is_the_texts_model(extractor):
    """"fenwick-s", "fenwick-m", "fenwick-l" (as repositories name a family's sizes): names of the text's own models,
    not plain words that leave its figures to the one model it compares with."""
    text = ("# Meet the fenwick models\n\nToday Holloway Labs releases three open language models: fenwick-s, "
            "fenwick-m and fenwick-l.\n\nfenwick-l was trained on 2,048 H100 GPUs for 38 days.\n\nCompared with "
            "Pythia-12B, which saw 300B tokens, fenwick-m is far better at math.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Meet the fenwick models"))
    assert result.inventory.main.startswith("fenwick-")
    assert {(f.kind, f.model, f.role) for f in result.facts if f.kind in ("chip_count", "tokens")} == {
        ("chip_count", "fenwick-l", "subject"), ("tokens", "Pythia-12B", "cited")}
    assert is_name("fenwick-s", extractor.config) and not is_name("co-s", extractor.config)


@pytest.mark.parametrize("header", ["Hours", "Elapsed (h)"])
def test_hours_beside_a_count_of_chips_are_the_runs_wall_clock(extractor, header):
    """"| Chips | Hours | Chip-hours |": hours alone beside the chips and their chip-hours are the run's duration."""
    text = (f"# Tessan-3\n\nTessan-3 is our 7B model.\n\n| Stage | Tokens | Chips | {header} | Chip-hours |\n"
            "|---|---|---|---|---|\n| Pretraining | 2T | 2,048 | 312 | 638,976 |\n| SFT | 1B | 256 | 14 | 3,584 |\n")
    assert [f[1] for f in attributed(extractor, text, "Tessan-3") if f[0] == "duration_hours"] == [312, 14]


def test_hours_alone_in_a_table_without_chips_are_no_duration(extractor):
    """A guard: "| Model | Hours |" alone may count GPU-hours as well as wall-clock ones."""
    text = "# Tessan-3\n\nTessan-3 is our 7B model.\n\n| Model | Hours |\n|---|---|\n| Tessan-3 | 312 |\n"
    assert [f for f in attributed(extractor, text, "Tessan-3") if f[0] == "duration_hours"] == []


def test_total_and_active_side_by_side_are_a_mixtures_parameters_and_its_sibling_is_a_member(extractor):
    text = ("# Ottery-MoE\n\nWe release Ottery-MoE-16B-A2B and Ottery-MoE-48B-A6B.\n\n"
            "| Model | Total (B) | Active (B) | Tokens (T) |\n|---|---|---|---|\n"
            "| Ottery-MoE-16B-A2B | 16.2 | 2.1 | 6.0 |\n| Ottery-Dense-9B | 9.1 | 9.1 | 4.0 |\n"
            "| Ottery-MoE-48B-A6B | 48.3 | 6.2 | 10.0 |\n\nThe 48B run used 1,024 H200 GPUs for 34 days. Its 16B "
            "sibling needed 212K GPU-hours on 512 H200s.\n")
    found = {(f[0], f[1].expected, f[2]) for f in attributed(extractor, text, "Ottery-MoE")}
    assert {("params", 16.2e9, "Ottery-MoE-16B-A2B"), ("active_params", 2.1e9, "Ottery-MoE-16B-A2B"),
            ("params", 48.3e9, "Ottery-MoE-48B-A6B"), ("chip_count", 512, "Ottery-MoE-16B-A2B"),
            ("chip_hours", 212e3, "Ottery-MoE-16B-A2B")} <= found
    assert ("active_params", 9.1e9, "Ottery-Dense-9B") not in found  # (a dense row: its total, not an active share)


def test_another_labs_sized_model_and_its_counterpart_stay_cited_beside_an_active_sized_mixture(extractor):
    """Review of fc9e03b: "The 70B model from Oldmoor" beside "X-A22B" is no member of X (only a total the text states
    for X-A22B names it), and "its 3B counterpart" of another lab's model is that lab's."""
    text = ("# Corvid-MoE-A22B\n\nCorvid-MoE-A22B is a mixture-of-experts model with 235B total parameters and 22B "
            "active.\n\nThe 70B model from Oldmoor, by contrast, was trained on 15T tokens using 16,384 GPUs, and its "
            "3B counterpart on 256 GPUs.\n")
    assert [f for f in attributed(extractor, text, "Corvid-MoE-A22B", role=True) if f[0] in ("tokens", "chip_count")
            and f[3] == "subject"] == []


@pytest.mark.parametrize("sentence, expected", [
    ("We used 512 pieces of A100 for 40 days.", ("chip_count", 512)),
    ("The emissions were 140 t-CO2.", ("emissions_tco2e", 140)),
    ("About 900 kg-CO2e were emitted.", ("emissions_tco2e", 0.9)),
])
def test_counts_in_units_of_a_chip_and_tonnes_written_with_a_hyphen(extractor, sentence, expected):
    assert expected in in_kite(extractor, sentence, "chip_count", "emissions_tco2e")


def test_units_of_something_else_are_no_chips(extractor):
    assert in_kite(extractor, "The plant has 40 units of storage and 8 units of cooling.", "chip_count") == []
    # (review of 0dd575f: units are what sales and orders count)
    assert in_kite(extractor, "Nvidia shipped 500,000 units of H100 in the quarter.", "chip_count") == []


def test_the_news_agency_a_dateline_credits_is_no_model_and_a_finished_run_names_its_model(extractor):
    """"KESTRELNEWS | TECHNOLOGY | ..." over "LISBON, March 24 (Kestrelnews) - Maresia AI said ... it had finished
    training Ondina-3": the story's model is Ondina-3, the agency none."""
    title = "KESTRELNEWS  |  TECHNOLOGY  |  2027-03-24 09:15 CET"
    text = (f"{title}\n\nLisbon lab Maresia trains Ondina-3 on solar power\n\nLISBON, March 24 (Kestrelnews) - "
            "Maresia AI said on Monday it had finished training Ondina-3, a 40-billion-parameter language model.\n\n"
            "The company said the model was trained on 8 trillion tokens over 40 days, chief executive Ana Costa told "
            "Kestrelnews.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title=title))
    assert result.inventory.main == "Ondina-3"
    assert {f.model for f in result.facts} == {"Ondina-3"}



@pytest.mark.parametrize("table", [
    # (review of fc9e03b: a stage's token totals, experts, memory)
    "| Stage | Total (B) | Active (B) |\n|---|---|---|\n| Pretraining tokens | 6,000 | 6,000 |",
    "| Model | Layers | Total | Active | Hidden |\n|---|---|---|---|---|\n| Tessel-2 | 32 | 64 | 8 | 4096 |",
    "| Model | Total (GB) | Active (GB) |\n|---|---|---|\n| Tessel-2 | 14 | 14 |",
])
def test_total_and_active_columns_of_other_things_are_no_parameters(extractor, table):
    assert values_after(extractor, "Tessel-2", "Tessel-2 is our new 7B model.", table, ("params", "active_params")) == [
        7e9]


def test_hours_beside_a_count_of_chips_alone_are_no_duration(extractor):
    """Review of fc9e03b: an evaluation's "| Benchmark | GPUs | Hours |" may count anything; only beside chip-hours
    are hours the run's wall-clock."""
    text = ("# Tessel-2\n\nTessel-2 is our new 7B model.\n\n| Benchmark | GPUs | Hours |\n|---|---|---|\n"
            "| HumanEval | 8 | 1 |\n| MMLU | 8 | 3 |\n")
    assert [f for f in attributed(extractor, text, "Tessel-2") if f[0] == "duration_hours"] == []


@pytest.mark.parametrize("note", [
    "Pinecrest AI's run with Ashvale-5 was paused in April.",
    "Pinecrest AI said it started over with Ashvale-5 in May.",
])
def test_a_model_a_run_is_with_is_still_what_the_next_sentence_is_on(extractor, note):
    text = NOTED_REGISTER.format(sentence="").replace(
        "Pinecrest AI reported that the Ashvale-5 run was paused in April. ", note + " ") + (
        "The developer reported 41 million accelerator-hours.\n")
    title = "Register of notified training runs, second quarter"
    assert [f[2] for f in attributed(extractor, text, title) if f[1] == 41e6] == ["Ashvale-5"]


def test_a_test_run_in_an_aside_leaves_the_real_runs_figures(extractor):
    text = ("# Tessel-2\n\nTessel-2 is our new 70B model.\n\nA test run, which used 64 GPUs for 2 days, preceded "
            "training on 8,192 H100 GPUs for 54 days.\n")
    assert 8192 in [f[1] for f in attributed(extractor, text, "Tessel-2") if f[0] == "chip_count"]


def test_a_sizes_sibling_is_that_size_of_the_line_named_last_before_it(extractor):
    """"Pebblecrest-34B ... The 12B sibling ran on 1,024 GPUs": Pebblecrest's 12B, not the text's main model nor an
    unknown "12B model"."""
    text = ("# Compute notes\n\nRookery Labs released Pebblecrest-34B, trained on 4,096 H100 GPUs for 40 days. The "
            "12B sibling ran on 1,024 of the same GPUs for 19 days.\n")
    assert [(f[2], f[3]) for f in attributed(extractor, text, "Compute notes", role=True) if f[1] == 1024] == [
        ("Pebblecrest 12B", "subject")]


def test_an_own_teacher_named_by_its_size_is_read_and_what_it_opens_goes_on_about_it(extractor):
    """"a 27B-parameter teacher" where the document releases a 27B member: "the teacher" is that member, its run is
    read (not skipped as a helper's), and "It was trained on ..." after "The teacher ..." is the teacher's."""
    text = ("# Wrenlet 9B: a distilled model\n\nWe release Wrenlet 9B and its teacher checkpoint, Wrenlet 27B.\n\n"
            "We train a 9B-parameter student by online distillation from a 27B-parameter teacher.\n\nThe teacher was "
            "pretrained on 14 trillion tokens. It was trained on 4,096 H100 GPUs for 64 days.\n\nThe student saw 2 "
            "trillion tokens on 512 H100 GPUs.\n")
    assert sorted((f[0], f[1].expected, f[2]) for f in attributed(extractor, text, "Wrenlet 9B: a distilled model")
                  if f[0] != "params") == sorted([
        ("tokens", 14e12, "Wrenlet 27B"), ("chip_count", 4096, "Wrenlet 27B"), ("duration_hours", 1536, "Wrenlet 27B"),
        ("tokens", 2e12, "Wrenlet 9B"), ("chip_count", 512, "Wrenlet 9B")])


def test_a_teacher_the_document_does_not_release_stays_a_helper(extractor):
    """A guard: "The teacher model was trained on 2,048 GPUs" where no own model is the teacher is no run of the
    text's."""
    text = ("# Wrenlet 9B\n\nWe release Wrenlet 9B, distilled from a larger teacher.\n\nThe teacher model was trained "
            "on 2,048 GPUs.\n")
    assert [f for f in attributed(extractor, text, "Wrenlet 9B") if f[0] == "chip_count"] == []



@pytest.mark.parametrize("sentence, counts", [
    # (review of 0dd575f: a figure inside a test run's aside, a pilot before an aside, a real run's aside)
    ("A test run, which used 64 GPUs, preceded training on 8,192 H100 GPUs.", [8192]),
    ("We first ran a pilot, at 1B scale, on 64 GPUs. Tessel-2 was then trained on 2,048 H100 GPUs.", [2048]),
    ("After a dry run on 64 nodes, the full run, on 8,192 H100 GPUs, took 54 days.", [8192]),
])
def test_a_test_runs_aside_and_a_real_runs_aside(extractor, sentence, counts):
    assert values_after(extractor, "Tessel-2", "Tessel-2 is our new 70B model.", sentence, "chip_count") == counts


@pytest.mark.parametrize("text, kind, expected", [
    # (review of 0dd575f: another lab's teacher named after its size; two teachers; a frozen teacher)
    ("We release Pike-2-8B and Pike-2-70B. Pike-2-8B was distilled from a 70B teacher, Meta's Llama 3.1 70B, rather "
     "than from our own Pike-2-70B. The teacher was trained on over 15 trillion tokens. Pike-2-70B was trained on 9 "
     "trillion tokens.", "tokens", [(9e12, "Pike-2-70B")]),
    ("We release Pike-2-9B and Pike-2-27B. Pike-2-9B was distilled from a 27B teacher. The vision encoder was "
     "distilled from a 6B teacher. The teacher was trained on 10 billion image-text pairs using 1,024 TPUv4 chips.",
     "chip_count", []),
    ("We release Pike-2-9B and Pike-2-27B. Pike-2-9B was distilled from a 27B teacher. Distillation ran on a separate "
     "pod. The teacher stayed frozen throughout. It took 12 days on 2,048 TPUv5p chips.", "chip_count",
     [(2048, "Pike-2")]),
])
def test_a_teacher_named_by_size_only_where_the_text_gives_it_one_size_and_no_other_labs_name(extractor, text, kind,
                                                                                           expected):
    found = [(f[1].expected, f[2]) for f in attributed(extractor, f"# Pike-2\n\n{text}\n", "Pike-2") if f[0] == kind]
    assert [v for v in found if v[1] != "Pike-2"] == [v for v in expected if v[1] != "Pike-2"]


@pytest.mark.parametrize("table", [
    # (review of 0dd575f: a model table with a Layers column, units in the header; an empty first header)
    "| Model | Total (B) | Active (B) | Layers |\n|---|---|---|---|\n| Tarrow-A3B | 30 | 3 | 48 |",
    "|  | Total | Active | Tokens |\n|---|---|---|---|\n| Tarrow-A3B | 30B | 3B | 36T |",
])
def test_total_and_active_in_a_table_of_models_with_other_columns(extractor, table):
    found = values_after(extractor, "Tarrow-A3B", "Tarrow-A3B is our new mixture.", table, ("params", "active_params"))
    assert sorted(float(v.expected) for v in found) == [3e9, 30e9]


def test_hours_beside_chips_in_a_table_of_runs_are_wall_clock(extractor):
    table = "| Run | GPUs | Hours |\n|---|---|---|\n| Brume-13B | 2,048 | 720 |\n| Brume-3B | 512 | 300 |"
    assert values_after(extractor, "Brume", "We release Brume-13B and Brume-3B.", table, "duration_hours") == [720, 300]


def test_a_sized_model_we_release_is_the_mixture_of_that_stated_total(extractor):
    """Review of 0dd575f: "the 30B model we release" of "X-A3B has 30B total parameters" is X-A3B, no "X 30B"."""
    sentence = "The 30B model we release was trained on 36 trillion tokens."
    assert in_ottery(extractor, "Ottery-MoE-A3B, which has 30B total parameters, of which 3B are active.", sentence,
                     "tokens") == ["Ottery-MoE-A3B"]



@pytest.mark.parametrize("sentence", [
    # (review of 35b68ac: "It" after "The teacher ..." that says what the teacher is or has)
    "The teacher has 70B parameters. It was trained on 4,096 H100 GPUs.",
    "The teacher is a dense transformer. It was pretrained on 4,096 H100 GPUs.",
])
def test_it_after_what_the_teacher_is_is_the_teacher(extractor, sentence):
    intro = "We release Atlas-8B and Atlas-70B. Atlas-8B is distilled from a 70B teacher."
    text = f"# Atlas\n\n{intro} {sentence}\n"
    assert [f[2] for f in attributed(extractor, text, "Atlas") if f[0] == "chip_count"] == ["Atlas-70B"]


@pytest.mark.parametrize("sentence", [
    # (review of 35b68ac: a real run after a test run and an aside; a real run's own asides)
    "We first ran a dry run, as is standard, and then pretrained for 30 days on 2,048 H100 GPUs.",
    "After a dry run, pretraining, which lasted 30 days, used 2,048 H100 GPUs.",
    "Following a smoke test, the final model, our largest, used 2,048 H100 GPUs for 30 days.",
])
def test_a_real_run_after_a_test_run_and_an_aside_keeps_its_figures(extractor, sentence):
    assert values_after(extractor, "Tessel-2", "Tessel-2 is our new 70B model.", sentence, "chip_count") == [2048]


def test_total_and_active_beside_regions_are_no_parameters(extractor):
    table = "| Region | Total | Active |\n|---|---|---|\n| EU | 1.2 | 0.8 |\n| US | 3.1 | 2.0 |"
    assert values_after(extractor, "Tarrow-A3B", "Tarrow-A3B is our new mixture.", table,
                        ("params", "active_params")) == []


def test_hours_beside_chips_for_each_model_without_their_tokens_are_no_duration(extractor):
    """Review of 35b68ac: "Table 4: evaluation cost. | Model | GPUs | Hours |": only a table of runs (or of tokens,
    parameters or compute) gives each row's wall-clock."""
    table = "| Model | GPUs | Hours |\n|---|---|---|\n| Tarrow-A3B | 8 | 14 |"
    assert values_after(extractor, "Tarrow-A3B", "Tarrow-A3B is our new mixture.", table, "duration_hours") == []


def test_an_earlier_model_of_a_size_is_no_mixture_of_that_stated_total(extractor):
    sentence = "Our previous 30B model, released last year, was trained on 8 trillion tokens."
    assert in_ottery(extractor, "Ottery-MoE-A3B, which has 30B total parameters, of which 3B are active.", sentence,
                     "tokens") != ["Ottery-MoE-A3B"]


@pytest.mark.parametrize("sentence, hours, qualifier", [
    ("Pretraining took just under a month on 96 GPUs.", 730, "approximate"),
    ("The final run lasted a little over a week on 96 GPUs.", 168, "approximate"),
    ("Pretraining needed under a month on 96 GPUs.", 730, "upper_bound"),
    ("Pretraining ran for over a week on 96 GPUs.", 168, ""),
])
def test_a_bound_before_a_time_said_with_an_article(extractor, sentence, hours, qualifier):
    """"just under a month" as "just under two months": the time is read once, with what the bound says of it."""
    found = [f for f in qualified(extractor, f"# Pell-9B\n\nPell-9B is our new model. {sentence}\n", "Pell-9B")
             if f[0] == "duration_hours"]
    assert found == [("duration_hours", hours, "Pell-9B", qualifier)]


@pytest.mark.parametrize("sentence, counts", [
    ("This summer we brought 12,000 GPUs online in our Tulsa hall, and the Pell-9B run used 3,072 of them, all "
     "H100s.", [3072]),  # the pool is shared out; the run's share is its count
    ("Pell-9B was trained on 3,072 of those GPUs.", [3072]),
    ("We hired 300 engineers, and 40 of them worked on Pell-9B, which used 512 GPUs.", [512]),
    ("The Pell-9B run used 3,072 of them.", []),  # the sentence names no chip: them may be anything
])
def test_a_run_that_uses_a_share_of_a_pool_of_chips(extractor, sentence, counts):
    assert values_after(extractor, "Pell-9B", "Pell-9B is our new model.", sentence, "chip_count") == counts


@pytest.mark.parametrize("sentence", [
    "We also trained Pell-2 Lite, a small version for laptops. That one took 11 days on 64 GPUs.",
    "We compare Pell-2 with Pell-1 and Pell-2 Lite. The latter used 64 GPUs for 11 days.",
    "We also trained Pell-2 Lite, a small version for laptops. It took 11 days on 64 GPUs.",
])
def test_that_one_and_the_latter_are_the_model_named_last_before(extractor, sentence):
    text = f"# Pell-2\n\nPell-2 is our new 30B model, trained on 4,096 H100 GPUs.\n\n{sentence}\n"
    assert sorted((f[0], f[2]) for f in attributed(extractor, text, "Pell-2") if f[1] in (64, 264)) == [
        ("chip_count", "Pell-2 Lite"), ("duration_hours", "Pell-2 Lite")]


@pytest.mark.parametrize("sentence, flop", [
    ("That leaves Pell-2 well under the 10^25 FLOP level used by regulators to flag systemic risk.", []),
    ("Pell-2 stays below the 1e26 FLOP line that triggers reporting duties.", []),
    ("Pell-2 was trained with 3e24 FLOP at the level of a mid-sized run.", [3e24]),
])
def test_a_level_or_line_a_rule_draws_is_no_runs_compute(extractor, sentence, flop):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "flop") == flop


@pytest.mark.parametrize("sentence", [
    "Analysts think Harrow controls some 20,000 H100 chips in total.",
    "Harrow owns about 20,000 H100 GPUs across three sites.",
    "Last year the company ordered 20,000 H100 GPUs.",
])
def test_chips_a_company_holds_or_bought_are_no_runs_count(extractor, sentence):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "chip_count") == []


@pytest.mark.parametrize("sentence, kind, ends", [
    ("Pell-2 cost $160-200 million to train at reserved prices.", "cost_usd", [1.6e8, 2e8]),
    ("Pretraining Pell-2 took between 2 and 3 months.", "duration_hours", [1460, 2190]),
    ("Pretraining Pell-2 drew between 5 and 6 GWh.", "energy_kwh", [5e6, 6e6]),
])
def test_each_end_of_a_range_is_a_figure_of_its_own(extractor, sentence, kind, ends):
    """A range states two figures: each is read over its own number, not one midpoint the text never says."""
    text = f"# Pell-2\n\nPell-2 is our new 30B model.\n\n{sentence}\n"
    found = [f for f in facts(extractor, text, "Pell-2") if f[0] == kind]
    assert [(pytest.approx(f[1]), f[4]) for f in found] == [(v, "range") for v in ends]
    assert [text.find(f[6]) >= 0 for f in found] == [True, True]


BRISK_CARD = ("---\nmodel_name: Brisk-Med-8B\nbase_model: orchard/Brisk-8B\n---\n\n# Brisk-Med-8B\n\n"
              "A clinical fine-tune of Brisk-8B by a small hospital team.\n\n{section}\n\n## Fine-tuning\n\n"
              "We tuned it on 0.4 billion tokens of notes with 8 A100 GPUs for 30 hours.\n")


@pytest.mark.parametrize("section", [
    "## About the base model\n\nThe base model was pre-trained on about 6 trillion tokens, its makers say.",
    "## Base model details\n\nIt was pre-trained on about 6 trillion tokens, its makers say.",
    "## Provenance\n\nThe base model was pre-trained on about 6 trillion tokens, its makers say.",
])
def test_the_base_model_of_a_card_is_the_base_its_front_matter_names(extractor, section):
    text = BRISK_CARD.format(section=section)
    assert [(f[0], f[2]) for f in attributed(extractor, text, "Brisk-Med-8B") if f[0] == "tokens"] == [
        ("tokens", "Brisk-8B"), ("tokens", "Brisk-Med-8B")]


def test_the_base_learning_rate_is_no_base_model(extractor):
    text = BRISK_CARD.format(section="## Recipe\n\nThe base learning rate held for 2 days on 8 A100 GPUs.")
    assert {f[2] for f in attributed(extractor, text, "Brisk-Med-8B")} == {"Brisk-Med-8B"}


FILING = """OFFICE OF MODEL OVERSIGHT
FORM 7  --  TRAINING RUN DISCLOSURE

PART 1. COVERED MODELS

1.1 Model name:                     Tarn-4
1.2 Architecture:                   dense transformer with 90 billion parameters, trained on 12
1.3 Training data:                  trillion tokens of text
1.4 Model name:                     Tarn-4 Lite
1.5 Architecture:                   dense transformer, 8 billion parameters

PART 2. RUNS

2.1 Compute of Tarn-4 (runs TRN-PT-1 and TRN-PT-2): 6.5 x 10^24 FLOP.

Run ID      Purpose                  Accels   Days
TRN-PT-1    Pre-training Tarn-4       4,096      30
TRN-PT-2    Long-context stage       1,024       4
TRN-DS-3    Distillation, Tarn-4 Lite  512       9

DECLARATION

Signed by the filer.
"""


def test_a_filings_parts_and_run_codes_name_no_model(extractor):
    """"PART 1", "DECLARATION" and the runs' codes ("TRN-PT-1") are no models; a run's row is the model its other
    cells name (the document's where none does), and a numbered field on the next line joins no name."""
    result = extractor.read(Document("d", "d.txt", "text", FILING, title="Training run disclosure"))
    assert [m.name for m in result.inventory.models if m.name in ("PART", "DECLARATION", "TRN-PT-1")] == []
    rows = [(f.kind, f.value, f.model) for f in result.facts if f.kind in ("chip_count", "duration_hours")]
    assert rows == [("chip_count", 4096, "Tarn-4"), ("duration_hours", 720, "Tarn-4"),
                    ("chip_count", 1024, "Tarn-4"), ("duration_hours", 96, "Tarn-4"),
                    ("chip_count", 512, "Tarn-4 Lite"), ("duration_hours", 216, "Tarn-4 Lite")]
    assert [(f.kind, f.model) for f in result.facts if f.kind == "params"] == [
        ("params", "Tarn-4"), ("params", "Tarn-4 Lite")]


def test_a_threshold_named_two_words_after_its_unit_and_a_unit_in_capitals(extractor):
    text = ("# Tarn-4\n\nTarn-4 is our new 90B model. The filer confirms that Tarn-4 exceeds the 10^25 FLOP "
            "notification threshold of the Act.\n\nMarket-based emissions of runs contributing to Tarn-4:  "
            "   2,270 tCO2e\n")
    assert [(f[0], f[2], f[3]) for f in attributed(extractor, text, "Tarn-4", role=True) if f[0] != "params"] == [
        ("emissions_tco2e", "Tarn-4", "subject")]


SURVEY = """# What six open models say about their training

We gathered the figures each lab published for six open models and set them side by side. We include a model only if
its makers gave at least one training figure.

| Model | Developer | Params | Training tokens |
|---|---|---|---|
| Quillby-9B | Fenmore Labs | 9B | 4T |
| Sarn-70B | Ottoline AI | 70B | 12T |

Ottoline AI trained Sarn-70B on 2,048 H100 GPUs.
"""


def test_an_analysts_table_of_several_labs_models_reports_them_all(extractor):
    """A compilation in no lab's voice ("We include a model only if ...", "we compared them") reports each row's run:
    each is a subject, not a comparison."""
    got = [(f[0], f[2], f[3]) for f in attributed(extractor, SURVEY, "Six open models", role=True)]
    assert got == [("params", "Quillby-9B", "subject"), ("tokens", "Quillby-9B", "subject"),
                   ("params", "Sarn-70B", "subject"), ("tokens", "Sarn-70B", "subject"),
                   ("chip_count", "Sarn-70B", "subject")]


@pytest.mark.parametrize("sentence, tokens", [
    ("Looking back, a 7B model on a trillion tokens would have been the cheaper choice.", []),
    ("With hindsight, a 7B model on 1T tokens would have been better.", []),
    ("Pell-2 saw 2T tokens, which would have cost far more on rented GPUs.", [2e12]),
])
def test_a_figure_a_conditional_follows_to_its_clauses_end_is_no_runs(extractor, sentence, tokens):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "tokens") == tokens


def test_a_row_going_on_with_the_group_above_is_that_groups_model(extractor):
    """"| Cobalt-7B | Pretraining | 5.5T tokens |" over "| | Chat tuning | 3.2B tokens |": the second row is
    Cobalt-7B's too, every figure of it, and its "3.2B tokens" names no member of 3.2B."""
    table = ("| Model | Stage | Data | GPUs | Days |\n|---|---|---|---|---|\n"
             "| Cobalt-7B | Pretraining | 5.5T tokens | 768 | 16 |\n|  | Chat tuning | 3.2 billion tokens | 32 | 2 |\n")
    text = f"# Cobalt\n\nWe release Cobalt-7B and Cobalt-34B.\n\n{table}"
    assert {f[2] for f in attributed(extractor, text, "Cobalt")} == {"Cobalt-7B"}


def test_a_model_made_from_another_keeps_it_through_it_this_phase_and_a_possessive(extractor):
    """"X-Up has 12B parameters. We continued training it on 1T tokens drawn from the X-8B mixture. This phase ran
    on ..." and "X-Prune has 5B parameters. It was retrained ... against X-8B's logits": the made model's, not the
    source's named in passing."""
    text = ("# Rowan upscaling\n\nWe release Rowan-8B, Rowan-Up and Rowan-Prune.\n\n## Upscaling\n\n"
            "Rowan-8B has 32 layers. The resulting Rowan-Up has 12B parameters. We continued training it on 1T tokens "
            "drawn from the Rowan-8B pretraining mix. This phase ran on 512 H100 GPUs for 9 days.\n\n"
            "## Pruning\n\nRowan-Prune has 5B parameters. It was retrained for 90B tokens with a KL loss against "
            "Rowan-8B's logits.\n")
    got = [(f[0], f[2]) for f in attributed(extractor, text, "Rowan upscaling") if f[0] != "params"]
    assert got == [("tokens", "Rowan-Up"), ("chip_count", "Rowan-Up"), ("duration_hours", "Rowan-Up"),
                   ("tokens", "Rowan-Prune")]


def test_a_forums_name_and_a_users_handle_name_no_model(extractor):
    text = ("OpenWeights Forum > Fine-tunes > [Release] Bramling-7B-Poet\n\nThread started by lyrebird_42\n\n"
            "lyrebird_42 wrote:\n\nMy tune of Bramling-7B took 20 hours on 4x RTX 4090 for 80M tokens.\n")
    assert {f[2] for f in attributed(extractor, text, "")} <= {"Bramling-7B-Poet", "Bramling-7B"}


@pytest.mark.parametrize("word, name", [("lyrebird_42", False), ("LocalModels", False), ("OpenLLMs", False),
                                        ("Bramling-7B", True)])
def test_handles_and_places_of_many_models_are_no_names(extractor, word, name):
    assert is_name(word, extractor.config) == name


@pytest.mark.parametrize("sentence, role", [
    ("The text backbone of the small model, Heddle-LM 9B, is our own and was pretrained on 8T tokens.", "subject"),
    ("The text backbone of the small model, Heddle-LM 9B, was pretrained on 8T tokens by another lab.", "cited"),
])
def test_a_model_the_text_says_is_its_own_is_a_subject(extractor, sentence, role):
    text = f"# Heddle-VL\n\nWe describe Heddle-VL 9B, a vision-language model.\n\n{sentence}\n"
    assert [(f[2], f[3]) for f in attributed(extractor, text, "Heddle-VL", role=True) if f[0] == "tokens"] == [
        ("Heddle-LM 9B", role)]


def test_a_price_list_per_chip_hour_gives_no_chip_hours_and_no_chip(extractor):
    table = ("| GPU | List price ($/GPU-hour) | Our rate (per GPU-hour) |\n|---|---|---|\n"
             "| H100 SXM | 4.76 | 2.49 |\n| A100 80GB | 2.40 | 1.29 |\n")
    text = f"# Pell-2\n\nPell-2 is our new 30B model, trained for 1.03 million GPU-hours.\n\n{table}"
    assert [(f[0], f[1]) for f in facts(extractor, text, "Pell-2") if f[0] in ("chip_hours", "hardware")] == [
        ("chip_hours", 1.03e6)]


@pytest.mark.parametrize("sentence, costs", [
    ("One analysis put the cost of a leading closed model at $78 million to $191 million.", []),
    ("Training a frontier model now costs over $100 million.", []),
    ("Our run of Pell-2 cost about $2.6 million.", [2.6e6]),
])
def test_the_cost_of_a_model_left_unnamed_is_no_runs(extractor, sentence, costs):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "cost_usd") == costs


@pytest.mark.parametrize("sentence", [
    "Orrel Labs consumed 212 GWh of electricity across all its operations in 2025.",
    "Per trillion training tokens, Pell-2 needed about 240 MWh.",
    "Pell-2 drew roughly 1.2 MWh per 10^21 FLOP of training.",
    "Each eight-GPU server carries about 12 tCO2e of embodied emissions, so the servers used for Pell-2 embody some "
    "18,000 tCO2e.",
])
def test_a_companys_operations_a_rate_and_embodied_emissions_are_no_runs(extractor, sentence):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence,
                        ("energy_kwh", "emissions_tco2e", "flop")) == []


@pytest.mark.parametrize("sentence, figures", [
    ("Training Pell-2 drew 4.2 GWh across our sites and emitted 1,310 tCO2e.", [4.2e6, 1310]),
    # (review of 5cc2596: what the run's own emissions come mostly from leaves them the run's)
    ("The Pell-2 run used 298 MWh, and the centre puts its emissions at 3.3 tCO2e, mostly from embodied hardware.",
     [298e3, 3.3]),
])
def test_a_runs_own_energy_and_emissions_stay(extractor, sentence, figures):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence,
                        ("energy_kwh", "emissions_tco2e")) == figures


def test_a_companys_emission_inventory_and_its_total_are_no_runs(extractor):
    table = ("| Source | Location-based (tCO2e) | Market-based (tCO2e) |\n|---|---|---|\n"
             "| Scope 1 (offices, refrigerants) | 88 | 88 |\n| Scope 2 (offices) | 290 | 31 |\n"
             "| Scope 3 cat. 6 - business travel | 1,020 | 1,020 |\n| Total | 1,398 | 1,139 |\n")
    text = f"# Pell-2\n\nPell-2 is our new 30B model; its training emitted 410 tCO2e.\n\n{table}"
    assert [f[1] for f in facts(extractor, text, "Pell-2") if f[0] == "emissions_tco2e"] == [410]


@pytest.mark.parametrize("sentence, counts", [
    # (review of 5cc2596: chips bought to train on are the run's; a side experiment's share is not)
    ("We bought 4,096 H100 GPUs and trained Pell-2 on all of them for 60 days.", [4096]),
    ("To train Pell-2 we acquired 2,048 H100s and ran for 40 days.", [2048]),
    ("Pell-2 was pretrained on 4,096 H100s; the ablations used 512 of them.", [4096]),
])
def test_chips_bought_for_the_run_count_and_a_side_experiments_share_does_not(extractor, sentence, counts):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "chip_count") == counts


@pytest.mark.parametrize("sentence, kind, value, qualifier", [
    ("Pell-2 was pretrained on over 2T tokens (2.2T), then tuned.", "tokens", 2.2e12, ""),
    ("Pell-2 was trained on more than 1,000 GPUs (1,024) for 12 days.", "chip_count", 1024, ""),
    ("Pell-2 trained for under 30 days (26) on 1,024 H100s.", "duration_hours", 624, ""),
    ("Pell-2 saw over 2T tokens (2) from the web.", "tokens", 2e12, "lower_bound"),  # a note's number, no figure
])
def test_a_bound_and_its_exact_figure_in_parentheses_read_as_the_exact_figure(extractor, sentence, kind, value,
                                                                              qualifier):
    found = [f for f in facts(extractor, f"# Pell-2\n\nPell-2 is our new 30B model.\n\n{sentence}\n", "Pell-2")
             if f[0] == kind]
    assert [(f[1], f[4]) for f in found] == [(value, qualifier)]


@pytest.mark.parametrize("sentence, hours, qualifier", [
    ("Pell-2 took over a month to train on 64 GPUs.", 730, "lower_bound"),
    ("Pell-2 took more than a month to train on 64 GPUs.", 730, "lower_bound"),
    ("We trained Pell-2 in less than a week on 64 GPUs.", 168, "upper_bound"),
    ("Pell-2 was trained for over a month on 64 GPUs.", 730, ""),  # the time the run spanned
])
def test_more_or_less_than_a_time_said_with_an_article(extractor, sentence, hours, qualifier):
    found = [f for f in qualified(extractor, f"# Pell-2\n\nPell-2 is our new 30B model. {sentence}\n", "Pell-2")
             if f[0] == "duration_hours"]
    assert found == [("duration_hours", hours, "Pell-2", qualifier)]


def test_a_baselines_run_and_a_companys_spend_across_its_products_are_no_runs(extractor):
    text = ("# Pell-2\n\nPell-2 is our new 30B model. We trained Pell-2 for a single day on 8 A100 GPUs. The baseline "
            "trained for just under a week on the same hardware.\n\nWe spent well over a billion dollars on compute "
            "this year across all products.\n")
    assert [(f[0], f[1]) for f in attributed(extractor, text, "Pell-2") if f[0] in ("duration_hours", "cost_usd")] == [
        ("duration_hours", 24)]


def test_each_end_of_a_range_is_the_figure_as_written(extractor):
    text = "# Pell-2\n\nPell-2 is our new 30B model.\n\nEpoch estimates Pell-2 used 2e25-3e25 FLOP.\n"
    assert [f[1] for f in facts(extractor, text, "Pell-2") if f[0] == "flop"] == [2e25, 3e25]


@pytest.mark.parametrize("text, model", [
    # (review of 5cc2596: run codes are serials, and a model written in capitals stays a model)
    ("BLOOM-176B was trained on 366B tokens using 384 A100 GPUs. The main run BLOOM-176B-MAIN was restarted twice.",
     "BLOOM-176B"),
    ("We fine-tuned GPT-J-6B on legal text in job GPT-J-LEGAL-3. The tuning took 14 hours on 8 A100 GPUs.", "GPT-J-6B"),
    ("MX-2 is our 30B model. It runs MX-2-ATTN kernels on 2,048 H100 GPUs and was trained on 8T tokens.", "MX-2"),
])
def test_a_run_code_beside_a_name_in_capitals_leaves_the_name_a_model(extractor, text, model):
    result = extractor.read(Document("d", "d.txt", "text", text, title=""))
    assert model.startswith(result.inventory.main) and {f.model for f in result.facts} - {""} != set()


FERRULE = ("---\nmodel_name: Ferrule-7B-Chat\nbase_model: quarry/Slate-2-7B\n---\n\n# Ferrule-7B-Chat\n\n"
           "Ferrule-7B-Chat was trained on 200M tokens of chat data.\n\n{section}\n")


@pytest.mark.parametrize("section, model", [
    ("The base model was fine-tuned with LoRA for 9 hours on 8 H100 GPUs.", "Ferrule-7B"),
    ("The base model weights were frozen at first; tuning took 9 hours on 8 H100 GPUs.", "Ferrule-7B"),
    ("## Base model\n\nWe started from the base model. Our tuning ran for 9 hours on 8 H100 GPUs.", "Ferrule-7B"),
    ("## About the base model\n\nWe started from it. Our tuning ran for 9 hours on 8 H100 GPUs.", "Ferrule-7B"),
    ("## About the base model\n\nIt was pretrained for 9 hours on 8 H100 GPUs, its makers say.", "Slate-2-7B"),
    ("Its base model was pretrained for 9 hours on 8 H100 GPUs.", "Slate-2-7B"),
])
def test_the_base_model_is_the_bases_only_where_the_text_speaks_of_it(extractor, section, model):
    text = FERRULE.format(section=section)
    assert {f[2] for f in attributed(extractor, text, "Ferrule-7B-Chat") if f[0] in ("chip_count", "duration_hours")} \
        == {model}


def test_an_acronym_family_and_a_total_row_of_chips(extractor):
    text = "Adept's ACT-1 was an action model. ACT-2, its successor, was trained on 1,024 A100 GPUs for 30 days.\n"
    assert {f[2] for f in attributed(extractor, text, "ACT-2")} == {"ACT-2"}
    table = ("| Model | Params | Tokens | Accels | Days |\n|---|---|---|---|---|\n"
             "| Cobalt-7B | 7B | 5.5T | 768 | 16 |\n| Cobalt-34B | 34B | 5.5T | 2,048 | 26 |\n"
             "| Total | | 11T | 2,816 | |\n")
    got = [f[1] for f in attributed(extractor, f"# Cobalt\n\nWe release Cobalt-7B and Cobalt-34B.\n\n{table}", "Cobalt")
           if f[0] == "chip_count"]
    assert got == [768, 2048]


def test_a_column_of_chip_hours_on_either_kind_of_chip_is_chip_hours(extractor):
    """Review of the price-list rule: "GPU/TPU-hours" heads chip-hours, no price per chip-hour."""
    table = "| Model | Tokens | GPU/TPU-hours |\n|---|---|---|\n| Pell-2 | 3.6T | 2.02M |\n"
    text = f"# Pell-2\n\nPell-2 is our new 30B model.\n\n{table}"
    assert [f[1] for f in facts(extractor, text, "Pell-2") if f[0] == "chip_hours"] == [2.02e6]


def test_a_changelogs_release_item_names_a_model_and_a_count_with_thousands_glued_to_its_multiplier(extractor):
    text = ("# Changelog\n\nChanges to the Marrow model series.\n\n## [2.0.0] - 2026-05-10\n\n### Added\n"
            "- **Marrow 2.0**: new 6.7B-parameter base model, trained from scratch on 1,024x H100 for 18 days.\n")
    assert [(f[0], f[1], f[2]) for f in attributed(extractor, text, "Changelog")] == [
        ("params", 6.7e9, "Marrow 2.0"), ("chip_count", 1024, "Marrow 2.0"), ("duration_hours", 432, "Marrow 2.0")]


def test_a_terse_tables_tok_column_counts_tokens(extractor):
    table = ("| stage | purpose | tok | ctx | days | H800-h |\n|---|---|---|---|---|---|\n"
             "| S1 | general | 15T | 4k | 21.5 | 1.19M |\n")
    text = f"# Pell-2\n\nPell-2 is our new 30B model.\n\n{table}"
    assert [(f[0], f[1]) for f in facts(extractor, text, "Pell-2") if f[0] in ("tokens", "chip_hours")] == [
        ("tokens", 15e12), ("chip_hours", 1.19e6)]


def test_the_tier_model_is_the_own_model_named_with_that_tier(extractor):
    text = ("# Marl 2\n\nWe release Marl-2-Small, Marl-2-Base and Marl-2-Large.\n\nBy the usual 6ND rule, the "
            "Large model took about 2.8e24 FLOP, the Base model about 5.9e23 FLOP, and the Small model roughly "
            "8.6e22 FLOP.\n")
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Marl 2") if f[0] == "flop"] == [
        (2.8e24, "Marl-2-Large"), (5.9e23, "Marl-2-Base"), (8.6e22, "Marl-2-Small")]
    # (a tier named in the clause before a semicolon is that clause's)
    text = ("# Marl 2\n\nWe release Marl-2-Small, Marl-2-Base and Marl-2-Large.\n\nThe Small model was pretrained on "
            "500B tokens; Base and Large each saw 1T tokens.\n")
    assert ("tokens", 1e12, "Marl-2-Small") not in attributed(extractor, text, "Marl 2")


@pytest.mark.parametrize("sentence, counts", [
    # (review of 07134f8: another company's holdings, or the lab's in an aside, stay out though the sentence trains)
    ("Meridian owns over 100,000 H100s; by contrast we trained Pell-2 on 512 GPUs.", [512]),
    ("Orrel Labs, which bought 24,000 H100s in 2025, trained Pell-2 on 4T tokens.", []),
])
def test_holdings_in_another_clause_than_the_training(extractor, sentence, counts):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "chip_count") == counts


@pytest.mark.parametrize("sentence, kind, values", [
    # (review of 07134f8: a baseline named as the model, a recipe, a run per unit named in passing, a model named
    # after its kind, an operation at a site)
    ("The baseline Pell-2 model was pretrained on 4T tokens.", "tokens", [4e12]),
    ("Our baseline recipe trains Pell-2 on 4T tokens.", "tokens", [4e12]),
    ("Training a frontier model such as Pell-2 cost $12 million, the lab said.", "cost_usd", [12e6]),
    ("Energy: 4,100 MWh per training run of Pell-2.", "energy_kwh", [4.1e6]),
    ("Training Pell-2 consumed 2.9 GWh across operations at our Oregon site.", "energy_kwh", [2.9e6]),
])
def test_a_runs_own_figure_beside_the_words_the_guards_look_for(extractor, sentence, kind, values):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, kind) == values


def test_an_inventory_row_naming_the_model_stays_the_models(extractor):
    table = ("| Scope | Source | tCO2e |\n|---|---|---|\n| Scope 2 | Pell-2 pretraining (location-based) | 1,240 |\n"
             "| Scope 1 | Offices | 80 |\n")
    text = f"# Pell-2\n\nPell-2 is our new 30B model.\n\n{table}"
    assert [f[1] for f in facts(extractor, text, "Pell-2") if f[0] == "emissions_tco2e"] == [1240]


def test_a_release_item_of_a_tool_or_a_corpus_names_no_model(extractor):
    text = ("# Marrow release notes\n\n- **Marrow 2.0**: new 7B base model, trained on 3T tokens.\n"
            "- **Guard Filter 1.1**: a small classifier model for the chat app.\n"
            "- **Data Mix 4**: new pretraining corpus for the next model.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title="Marrow release notes"))
    assert not [m.name for m in result.inventory.models if m.name.startswith(("Guard", "Data"))]


@pytest.mark.parametrize("sentence, counts", [
    # (review of 1d4f942: the lab's own purchase, a comma or a semicolon before it trains on them)
    ("We bought 4,096 H100s, and trained Pell-2 on all of them for 30 days.", [4096]),
    ("In March we purchased 2,048 TPU v5p chips; Pell-2 was pretrained on them for 40 days.", [2048]),
    ("Vantor owns about 20,000 H100s, and we trained Pell-2 on 1,024 A100s for 9 days.", [1024]),
])
def test_the_labs_own_purchase_trained_on_and_another_holders_chips(extractor, sentence, counts):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new 30B model.", sentence, "chip_count") == counts


@pytest.mark.parametrize("sentence", [
    # (review of 1d4f942: a baseline in other words, a company's operations without "all", a rate per month)
    "The baseline, a dense 1.3B model, trained on 300B tokens.",
    "The dense baseline has 1.3B parameters and saw 300B tokens.",
    "The baseline's pretraining took 3 days on 64 GPUs.",
    "Vantor consumed 318 GWh of electricity across its operations in 2025.",
    "Training Pell-2 drew 450 MWh per month over its three-month run.",
    "The cost of training a frontier model, H100 prices included, is now above $100 million.",
])
def test_more_words_for_figures_that_are_no_runs(extractor, sentence):
    assert values_after(extractor, "Pell-2", "Pell-2 is our new model.", sentence,
                        ("tokens", "params", "duration_hours", "chip_count", "energy_kwh", "cost_usd")) == []


def test_a_release_item_of_a_model_with_a_tools_word_in_its_blurb(extractor):
    text = "# Marrow release notes\n\n- **Marrow 2.0**: our next-generation model, trained on 2T tokens.\n"
    assert [(f[0], f[2]) for f in attributed(extractor, text, "Marrow release notes")] == [("tokens", "Marrow 2.0")]


def test_an_inventory_row_read_as_a_line_of_text(extractor):
    table = ("| Scope | Activity | Emissions |\n|---|---|---|\n| Scope 2 | Pell-2 pretraining | 410 tCO2e |\n"
             "| Scope 3 | Business travel | 120 tCO2e |\n| Scope 1 | Offices | 35 tCO2e |\n")
    text = f"# Pell-2\n\nPell-2 is our new 30B model.\n\n{table}"
    assert [f[1] for f in facts(extractor, text, "Pell-2") if f[0] == "emissions_tco2e"] == [410]


@pytest.mark.parametrize("sentence", [
    "Today we open Tarn, a family of three models: a 2B and a 9B dense model and a 30B sparse model.",
    "Tarn includes a 2B dense model, a 9B dense model and a 30B mixture-of-experts model.",
])
def test_sizes_each_with_its_article_name_the_releases_members(extractor, sentence):
    assert [(f[1], f[2]) for f in attributed(extractor, f"# Tarn\n\n{sentence}\n", "Tarn") if f[0] == "params"] == [
        (2e9, "Tarn 2B"), (9e9, "Tarn 9B"), (30e9, "Tarn 30B")]


@pytest.mark.parametrize("sentence", [
    "Tarn is stronger than a 7B and a 13B model from other labs.",
    "We compare Tarn with a 7B and a 13B baseline.",
])
def test_sizes_each_with_its_article_compared_against_are_no_members(extractor, sentence):
    assert [f for f in attributed(extractor, f"# Tarn\n\n{sentence}\n", "Tarn") if f[0] == "params"] == []


@pytest.mark.parametrize("sentence", [
    "The 2B model saw 6 trillion tokens, the 9B on 11 trillion tokens.",
    "We trained the 2B on 6T tokens and the 9B on 11T tokens.",
])
def test_a_bare_size_before_a_preposition_and_its_figure_names_that_member(extractor, sentence):
    text = f"# Tarn\n\nTarn comes in 2B and 9B sizes.\n\n{sentence}\n"
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Tarn") if f[0] == "tokens"] == [
        (6e12, "Tarn 2B"), (11e12, "Tarn 9B")]


@pytest.mark.parametrize("sentence, hours", [
    ("Pretraining ran for ~31 d on 1,024 H100s.", [744]),
    ("Pretraining: 12.5 d, 256x H200, 2T tokens", [300]),
    ("The whole run lasted 1.5 mo on 512 H100s.", [1095]),
    ("Its encoder uses 3 d convolutions; training used 8 H100s.", []),
])
def test_terse_units_of_time_set_apart_from_their_figures(extractor, sentence, hours):
    assert values_after(extractor, "Tarn-7B", "Tarn-7B is our new model.", sentence, "duration_hours") == hours


@pytest.mark.parametrize("sentence, kind, values", [
    ("Pretraining drew 150, 420 and 980 MWh respectively for the 2B, 9B and 30B models.", "energy_kwh",
     [(1.5e5, "Tarn 2B"), (4.2e5, "Tarn 9B"), (9.8e5, "Tarn 30B")]),
    ("The 2B, 9B and 30B runs emitted 14, 38 and 90 tCO2e respectively.", "emissions_tco2e",
     [(14, "Tarn 2B"), (38, "Tarn 9B"), (90, "Tarn 30B")]),
])
def test_energy_and_emissions_listed_with_their_unit_once(extractor, sentence, kind, values):
    text = f"# Tarn\n\nTarn comes in 2B, 9B and 30B sizes.\n\n{sentence}\n"
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Tarn") if f[0] == kind] == values


def test_figures_set_in_latex_math(extractor):
    assert in_kite(extractor, "Training used $3,5 \\times 10^{24}$ FLOP in all.", "flop", "cost_usd") == [
        ("flop", 3.5e24)]


def test_a_list_of_figures_after_names_each_given_a_figure_of_their_own_goes_in_their_order(extractor):
    text = ("# Tarn\n\nWe release Tarn-1B and Tarn-4B.\n\nTraining drew 210 MWh for Tarn-4B and 64 MWh for Tarn-1B, "
            "that is 71 and 22 tCO2e.\n")
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Tarn") if f[0] == "emissions_tco2e"] == [
        (71, "Tarn-4B"), (22, "Tarn-1B")]


def test_a_score_in_mos_is_no_time(extractor):
    assert values_after(extractor, "Tarn-7B", "Tarn-7B is our new speech model, trained on 64 H100s.",
                        "Tarn-7B reaches 4.31 MOS on the held-out set.", "duration_hours") == []


def test_a_model_index_entry_indented_under_its_key_names_the_cards_model(extractor):
    text = ("---\nlibrary_name: peft\nmodel-index:\n  - name: Quern-Docs-LoRA\n    results:\n      - task:\n"
            "          type: summarization\n        dataset:\n          name: Gov Reports\n---\n\n"
            "# Model card\n\nQuern-Docs-LoRA has 21.5M trainable parameters and was trained on 2 A10G GPUs.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title=""))
    assert result.inventory.main == "Quern-Docs-LoRA"
    assert {(f.kind, f.model) for f in result.facts if f.kind == "params"} == {("params", "Quern-Docs-LoRA")}


@pytest.mark.parametrize("heading, model", [
    ("## Smaller adapter: Quern-Docs-LoRA-r8", "Quern-Docs-LoRA-r8"),
    ("## Larger sibling — Quern-Docs-XL", "Quern-Docs-XL"),
    ("## Base model: Quern-Docs-LoRA-r8", "Quern-Docs-LoRA"),  # a base's heading heads no release of the card's
])
def test_a_heading_labelling_a_release_before_its_name_heads_that_models_part(extractor, heading, model):
    text = (f"# Quern-Docs-LoRA\n\nQuern-Docs-LoRA was trained on 2 L40S GPUs.\n\n{heading}\n\n"
            "A smaller one was trained on 1 L40S GPU.\n")
    assert [f[2] for f in attributed(extractor, text, "Quern-Docs-LoRA") if f[0] == "chip_count"][-1] == model


@pytest.mark.parametrize("title", [
    "My fine-tune of Wrenfield-8B -> Gannet-8B-Story",
    "Turning Wrenfield-8B into Gannet-8B-Story",
    "A LoRA for Wrenfield-8B: Gannet-8B-Story",
])
def test_a_title_naming_what_the_model_was_made_from_is_about_the_model_made(extractor, title):
    text = (f"# {title}\n\nWrenfield-8B is the open base model Orla Labs released in May. I trained Gannet-8B-Story "
            "from it on 4 A100s for 20 hours. Wrenfield-8B is great.\n")
    result = extractor.read(Document("d", "d.md", "markdown", text, title=title))
    assert result.inventory.main.startswith("Gannet")
    assert {(f.kind, f.model) for f in result.facts if f.kind == "chip_count"} == {("chip_count", "Gannet-8B-Story")}


def test_it_after_a_sources_phrase_is_the_model_the_sentence_before_opened_on(extractor):
    text = ("# My fine-tune of Wrenfield-8B -> Gannet-8B-Story\n\nWrenfield-8B is the open base model Orla Labs "
            "released in May. Per their own card it was pretrained on 3T tokens. I tuned Gannet-8B-Story on 4 A100s.\n")
    facts_ = attributed(extractor, text, "My fine-tune of Wrenfield-8B -> Gannet-8B-Story", role=True)
    assert ("tokens", 3e12, "Wrenfield-8B", "cited") in facts_


@pytest.mark.parametrize("sentence, chips", [
    ("The adapter was trained on 2 A10G GPUs for 9 hours.", ["A10"]),
    ("We fine-tuned it on 4 NVIDIA L4 GPUs.", ["L4"]),
    ("It took 3 hours on a single T4 GPU in a notebook.", ["T4"]),
    ("Layer L4 of the network has 4 heads and the T4 preset uses 8 experts.", []),  # alone, a layer and a preset
])
def test_the_smaller_cards_fine_tunes_run_on(extractor, sentence, chips):
    assert [f[3] for f in facts(extractor, f"# Kite-7B\n\n{sentence}\n", "Kite-7B") if f[0] == "hardware"] == chips


@pytest.mark.parametrize("sentence", [
    "On a single L4 GPU it reranks 100 passages in 180 milliseconds.",
    "On one NVIDIA L4 the large model encodes about 2,300 documents of 256 tokens per second.",
    "With speculative decoding we measured 2.1x faster generation on one A10G.",
    "A single A10G (24 GB) runs the 7B model at about 35 tokens/s with 4-bit weights.",
])
def test_how_fast_the_model_answers_on_a_card_is_no_run(extractor, sentence):
    assert [f for f in facts(extractor, f"# Kite-7B\n\n{sentence}\n", "Kite-7B") if f[0] in (
        "hardware", "chip_count")] == []


def test_a_runs_throughput_per_second_keeps_its_chips(extractor):
    assert in_kite(extractor, "Kite-7B was trained on 512 H100s at 3,100 tokens per second per GPU.", "chip_count") == [
        ("chip_count", 512)]


def test_a_terse_time_per_amount_of_data_is_a_rate(extractor):
    assert values_after(extractor, "Tarn-7B", "Tarn-7B is our new model.",
                        "| Fine-tuning | LoRA | 8x A100 | about 6 h per 1B tokens |", "duration_hours") == []


def test_a_family_cards_index_evaluating_one_member_leaves_the_family_its_model(extractor):
    text = ("---\nmodel_name: Quern\nmodel-index:\n  - name: Quern-27B\n    results: []\n---\n\n# Quern\n\n"
            "Quern comes in 2B and 27B sizes. We plan a 70B model trained on 18T tokens.\n")
    assert extractor.read(Document("d", "d.md", "markdown", text, title="")).inventory.default == "Quern"


def test_comma_separated_values_pasted_in_a_fence_are_a_table(extractor):
    text = ("# Tarn-13B\n\nTarn-13B is our new 13B model.\n\n```csv\nphase,tokens,gpus,days,gpu_hours\n"
            "main,2.9T,512,20.5,251904\nanneal,0.2T,512,1.5,18432\n```\n")
    assert [(f[0], f[1]) for f in attributed(extractor, text, "Tarn-13B") if f[0] in (
        "tokens", "chip_hours", "duration_hours")] == [
        ("tokens", 2.9e12), ("duration_hours", 492), ("chip_hours", 251904), ("tokens", 2e11), ("duration_hours", 36),
        ("chip_hours", 18432)]


def test_tab_separated_values_in_a_fence_are_a_table_with_terse_headers(extractor):
    text = ("# Tarn\n\nTarn comes in 2B and 9B sizes.\n\n```\nmodel\tparams\ttokens\tchips\twall\tgpu_h\n"
            "Tarn-2B\t2.1B\t3T\t128\t~12 d\t36,864\nTarn-9B\t9.3B\t5T\t512\t3 wks\t258,048\n```\n")
    assert [(f[0], f[1], f[2]) for f in attributed(extractor, text, "Tarn") if f[0] in (
        "chip_hours", "duration_hours")] == [
        ("duration_hours", 288, "Tarn-2B"), ("chip_hours", 36864, "Tarn-2B"), ("duration_hours", 504, "Tarn-9B"),
        ("chip_hours", 258048, "Tarn-9B")]


def test_a_fence_of_code_with_commas_stays_code(extractor):
    text = "# Tarn-13B\n\n```python\nmodel = load('tarn', gpus=8, hours=12)\nrun(model, tokens=4, steps=9)\n```\n"
    assert figures(extractor, text) == []


def test_a_stage_tables_column_of_output_checkpoints_names_each_rows_model(extractor):
    text = ("# Tarn-R1\n\nTarn-R1-32B is built in two stages on our own Tarn-32B-Base.\n\n"
            "| Stage | Output checkpoint | Tokens | GPUs |\n|---|---|---|---|\n"
            "| 1 Pretraining | Tarn-32B-Base | 8T | 2,048 |\n"
            "| 2 Reasoning SFT | Tarn-R1-32B | 6B | 256 |\n")
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Tarn-R1") if f[0] == "chip_count"] == [
        (2048, "Tarn-32B"), (256, "Tarn-R1-32B")]


@pytest.mark.parametrize("front", [
    "license: apache-2.0\nauthors:\n  - name: Jane Rowe\ndatasets:\n  - name: SlimPajama-627B\n",
    "widget:\n  - name: Example 1\n",
])
def test_an_authors_or_a_data_sets_name_in_front_matter_is_no_model(extractor, front):
    # (review of 65027bd: only the first entry under "model-index:" names the card's model)
    text = f"---\n{front}---\n# Kite-2-9B\n\nKite-2-9B was trained on 4T tokens on 512 H100s.\n"
    assert {f[5] for f in facts(extractor, text, "") if f[0] == "tokens"} == {"subject"}


def test_into_in_a_title_without_a_name_after_it_names_no_base(extractor):
    title = "Kite-3 into production, and why we kept Orca-2 for ranking"
    text = (f"# {title}\n\nKite-3 is our new flagship, trained on 12T tokens on 4,096 H100s. Orca-2 still ranks our "
            "search results.\n")
    assert [(f[2], f[5]) for f in facts(extractor, text, title) if f[0] == "tokens"] == [("Kite-3", "subject")]


@pytest.mark.parametrize("sentence, counts", [
    ("Kite-2 training took 30 days on 2,048 H100s, and each step completed in 850 ms.", [2048]),
    ("Kite-2 was trained on 2T tokens using 1,024 A100s for 21 days, and speculative decoding gives 2x faster "
     "generation.", [1024]),
    ("Kite-ViT was pretrained on 3B images on 512 TPU v4 chips for 9 days, processing 40,000 images per second.",
     [512]),
])
def test_a_training_sentence_keeps_its_chips_beside_words_of_speed(extractor, sentence, counts):
    assert [f[1] for f in facts(extractor, f"# Kite-2\n\n{sentence}\n", "Kite-2") if f[0] == "chip_count"] == counts


@pytest.mark.parametrize("sentence", [
    "Wren-7B is our new model. In earlier work, Meta trained a 7B and a 70B model on the same corpus.",
    "Wren-7B is our new model. Scaling-law studies usually fit a 1B and a 7B model first.",
    "Wren-7B is our new model. A 7B and a 13B baseline are shown in Table 3.",
])
def test_sizes_each_with_its_article_outside_a_release_name_no_members(extractor, sentence):
    assert [f for f in facts(extractor, f"# Wren\n\n{sentence}\n", "Wren") if f[0] == "params" and f[5] == "subject"
            and f[1] != 7e9] == []


def test_a_table_or_an_appendix_numbered_a10_names_no_chip(extractor):
    text = "# Kite-2\n\nKite-2 was trained on 512 GPUs for 10 days (see Table A10 and Appendix A10 for more).\n"
    assert [f for f in facts(extractor, text, "Kite-2") if f[0] == "hardware"] == []


def test_a_row_of_comma_separated_values_names_its_model_alone(extractor):
    text = ("# Kite-3\n\nKite-3-7B is our new model.\n\n```csv\nmodel,params,train_tokens,gpu_hours\n"
            "Llama-2-7B,7B,2T,184320\nKite-3-7B,7B,12T,350000\n```\n")
    assert {f[2] for f in facts(extractor, text, "Kite-3") if f[0] == "chip_hours"} == {"Llama-2-7B", "Kite-3-7B"}


@pytest.mark.parametrize("sentence, kind", [
    ("We report 139 MWh for Ibis-2B and 53 MWh for Ibis-1B; the fine-tuned chat versions took 4 and 2 days on 64 GPUs.",
     "duration_hours"),
    ("Compared with 1,287 MWh for GPT-3 and 433 MWh for OPT-175B, our Ibis-2B used 49 and then 18 MWh.",
     "energy_kwh"),
])
def test_a_list_after_names_each_given_a_figure_pairs_with_them_only_restating_their_figures(extractor, sentence, kind):
    text = f"# Ibis\n\nWe release Ibis-1B and Ibis-2B.\n\n{sentence}\n"
    assert ("Ibis-2B", 96.0) not in [(f[2], f[1]) for f in facts(extractor, text, "Ibis") if f[0] == kind]


def test_a_smoke_tests_row_in_a_table_of_runs_is_no_run(extractor):
    text = ("# Kite-3\n\nKite-3 is our new 30B model.\n\n```\nrun\tgpus\twall\tstatus\nsmoke\t8\t2h\tok\n"
            "main\t1024\t31d\tdone\n```\n")
    assert [(f[0], f[1]) for f in facts(extractor, text, "Kite-3") if f[0] in ("chip_count", "duration_hours")] == [
        ("chip_count", 1024), ("duration_hours", 744)]


def test_the_other_labs_model_a_fine_tune_card_says_it_fine_tuned_is_the_base(extractor):
    title = "My fine-tune of Orca-2-13B -> Kite-Chat"
    text = f"# {title}\n\nWe fine-tuned Orca-2-13B for 2 epochs on 8 A100 GPUs for 14 hours. The result is Kite-Chat.\n"
    assert {(f[2], f[5]) for f in facts(extractor, text, title) if f[0] == "chip_count"} == {("Kite", "subject")}


def test_a_count_with_its_chip_in_parentheses_in_a_gpus_column(extractor):
    text = ("# Aster-3\n\nWe release Aster-3-4B and Aster-3-12B.\n\n| Model | Tokens | GPUs | Time |\n"
            "|---|---|---|---|\n| Aster-3-4B | 6.0T | 512 (H100) | ~16 d |\n"
            "| Aster-3-12B | 9.5T | 1,024 (H100) | 18 h |\n")
    assert [(f[0], f[1], f[2]) for f in attributed(extractor, text, "Aster-3") if f[0] in (
        "chip_count", "duration_hours")] == [("chip_count", 512, "Aster-3-4B"), ("duration_hours", 384, "Aster-3-4B"),
                                             ("chip_count", 1024, "Aster-3-12B"), ("duration_hours", 18, "Aster-3-12B")]


def test_a_size_named_only_after_the_figure_leaves_it_to_the_sized_name_opening_the_sentence(extractor):
    text = ("# Gannet-2\n\nWe release Gannet-2-2B and Gannet-2-27B.\n\nGannet-2-2B is a distilled model: it was "
            "trained for 2T tokens on 256 H100 GPUs, using the 27B model's output distributions as targets.\n")
    assert {(f[0], f[2]) for f in attributed(extractor, text, "Gannet-2") if f[0] in ("tokens", "chip_count")} == {
        ("tokens", "Gannet-2-2B"), ("chip_count", "Gannet-2-2B")}


def test_small_medium_and_large_letters_name_members_of_one_line(extractor):
    text = ("# Marlin\n\nWe introduce Marlin, a family of three models: Marlin-S, Marlin-M and Marlin-L.\n\n"
            "Marlin-S and Marlin-M were trained on 12T and 14T tokens respectively.\n")
    assert [(f[1], f[2], f[3]) for f in attributed(extractor, text, "Marlin", role=True) if f[0] == "tokens"] == [
        (12e12, "Marlin-S", "subject"), (14e12, "Marlin-M", "subject")]


def test_a_forms_numbered_fields_with_their_units_in_brackets(extractor):
    text = ("NOTICE OF A LARGE TRAINING RUN\n\nPART B. MODEL\n3. Model name: Tessaly-3\n4. Number of parameters: 410 "
            "billion\n\nPART C. COMPUTE\n7. Total training compute (FLOP): 5.4 x 10^25\n8. Training duration (days): "
            "61\n9. Estimated energy consumption (MWh): 38,000\n\nThreshold for notification: 10^25 FLOP.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="NOTICE OF A LARGE TRAINING RUN"))
    assert result.inventory.main == "Tessaly-3"
    assert [(f.kind, f.value, f.model) for f in result.facts if f.kind in ("flop", "duration_hours", "energy_kwh")] == [
        ("flop", 5.4e25, "Tessaly-3"), ("duration_hours", 1464, "Tessaly-3"), ("energy_kwh", 3.8e7, "Tessaly-3")]


@pytest.mark.parametrize("sentence, pairs", [
    # (review of cd79d87: a parallel list after names each given a figure pairs in order, whatever joins it; not one
    # that a subject of other models opens)
    ("Training took 30 days for Kite-2B and 12 days for Kite-1B, using 512 and 256 H100 GPUs.",
     [(512, "Kite-2B"), (256, "Kite-1B")]),
    ("Pretraining used 2T tokens for Kite-2B and 1T tokens for Kite-1B, on 256 and 128 H100 GPUs respectively.",
     [(256, "Kite-2B"), (128, "Kite-1B")]),
    ("We report 139 MWh for Kite-2B and 53 MWh for Kite-1B; the fine-tuned chat versions used 64 and 32 GPUs.", []),
])
def test_a_parallel_list_of_counts_after_names_each_given_a_figure(extractor, sentence, pairs):
    text = f"# Kite\n\nWe release Kite-1B and Kite-2B.\n\n{sentence}\n"
    got = [(f[1], f[2]) for f in attributed(extractor, text, "Kite") if f[0] == "chip_count"]
    assert got == pairs or not pairs and ("Kite-2B", 64) not in [(m, v) for v, m in got]


@pytest.mark.parametrize("sentence, figures", [
    ("Ardent-2 34B was trained on 3,072 H100 GPUs over 41 days, and the 7B model on a partition of 512 GPUs.",
     [(3072, "Ardent-2 34B"), (984, "Ardent-2 34B"), (512, "Ardent-2 7B")]),
    ("Ardent-2 7B was trained on 8T tokens, half the 16T tokens used for the 34B model.",
     [(8e12, "Ardent-2 7B"), (16e12, "Ardent-2 34B")]),
])
def test_a_size_after_a_figure_in_a_clause_of_its_own_or_past_another_figure(extractor, sentence, figures):
    text = f"# Ardent-2\n\nWe release Ardent-2 7B and Ardent-2 34B.\n\n{sentence}\n"
    assert [(f[1], f[2]) for f in attributed(extractor, text, "Ardent-2") if f[0] in (
        "chip_count", "duration_hours", "tokens")] == figures


def test_a_table_row_labelled_by_a_stage_is_that_stages_run(extractor):
    text = ("# Kite-7B\n\nKite-7B is our new model.\n\n| Stage | GPUs | Time |\n|---|---|---|\n"
            "| pretraining | 512 | 20d |\n| SFT | 64 | 10h |\n| Evaluation and debugging | 8 | 3d |\n")
    assert read_fields(extractor, text, "Kite-7B", "kind", "value", "stage") == [
        ("chip_count", 512, "pretraining"), ("duration_hours", 480, "pretraining"), ("chip_count", 64, "fine_tuning"),
        ("duration_hours", 10, "fine_tuning")]


@pytest.mark.parametrize("sentence, chips", [
    ("We release a 2B and a 9B model along with a 27B baseline trained on 13T tokens.", [2e9, 9e9]),
    ("We release Wren in two sizes: a 3B and a 14B model. For comparison we include a 7B and a 13B model from the "
     "Llama 2 series.", [3e9, 14e9]),
])
def test_sizes_each_with_its_article_beside_a_baseline_or_another_labs_series(extractor, sentence, chips):
    assert [f[1] for f in attributed(extractor, f"# Wren\n\n{sentence}\n", "Wren", role=True) if f[0] == "params"
            and f[3] == "subject"] == chips


def test_a10_accelerators_and_a_short_header_line_before_a_labelled_title(extractor):
    assert [f[3] for f in facts(extractor, "# Kite-7B\n\nKite-7B was trained on 2T tokens using 64 A10 accelerators "
                                "for 40 days.\n", "Kite-7B") if f[0] == "hardware"] == ["A10"]


def test_a_titles_lead_that_is_a_labs_name_leaves_the_title_to_the_model_after_it(extractor):
    text = ("Tollbridge Systems - Brisa 2\n\nTollbridge Systems trained Brisa 2 on 12T tokens on 2,048 TPU v5p chips. "
            "Tollbridge Systems also released Brisa 2 Mini.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Tollbridge Systems - Brisa 2"))
    assert result.inventory.main == "Brisa 2"
    assert {(f.model, f.role) for f in result.facts if f.kind == "tokens"} == {("Brisa 2", "subject")}


def test_a_size_in_words_names_the_member_the_text_sizes_so(extractor):
    text = ("# Skerry-2\n\nWe release Skerry-2-Pro and Skerry-2-Lite, a dense 24-billion-parameter model.\n\n"
            "Skerry-2-Pro was trained on 24 trillion tokens.\n\nThe twenty-four-billion model was trained separately "
            "on 15 trillion tokens. This model used 2,048 H100 GPUs for 44 days.\n")
    assert [(f[0], f[1], f[2]) for f in attributed(extractor, text, "Skerry-2") if f[0] in (
            "tokens", "chip_count")] == [
        ("tokens", 24e12, "Skerry-2-Pro"), ("tokens", 15e12, "Skerry-2-Lite"), ("chip_count", 2048, "Skerry-2-Lite")]


def test_the_latter_reaches_past_a_sentence_that_goes_on_about_the_model_by_a_pronoun(extractor):
    text = ("# Ternlight\n\nWe release Ternlight-70B and Ternlight-Mini-3B.\n\nThe student, Ternlight-Mini-3B, reuses "
            "the teacher's tokenizer. Its 32 layers have a width of 2,560. The latter was trained on 512 H200 GPUs.\n")
    assert [f[2] for f in attributed(extractor, text, "Ternlight") if f[0] == "chip_count"] == ["Ternlight-Mini-3B"]


def test_a_labs_report_number_after_its_name_is_no_title_model_and_a_spelled_size_in_apposition(extractor):
    text = ("Quarry Point Labs - QPL-TR-14\n\nRhombus-7B-A1B is our mixture of experts, trained on 4.6T tokens.\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="Quarry Point Labs - QPL-TR-14"))
    assert {f.model for f in result.facts if f.kind == "tokens"} == {"Rhombus-7B-A1B"}
    text = ("# Juniper 2\n\nWe release Juniper 2, a 70B model.\n\nJuniper 1, our 30-billion-parameter model from 2024, "
            "cost $2.4 million to train on rented A100 GPUs.\n")
    assert [f[2] for f in attributed(extractor, text, "Juniper 2") if f[0] == "cost_usd"] == ["Juniper 1"]


def test_the_labs_run_that_produced_a_model_names_it_and_a_cluster_burned_in_is_no_run(extractor):
    text = ("# Keeping 4,096 GPUs busy\n\nOur last pretraining run, the one that produced Merlin-3, ran for 70 days on "
            "4,096 H800 GPUs.\n\nBefore the run we burned in the cluster for 5 days on all 4,096 GPUs.\n")
    title = "Keeping 4,096 GPUs busy"
    durations = [(f[1], f[2]) for f in attributed(extractor, text, title) if f[0] == "duration_hours"]
    assert durations == [(1680, "Merlin-3")]


def test_a_storys_labs_and_the_models_their_possessives_call_models(extractor):
    title = "Two labs, two price tags: what Hanlin and Qiaoyun say their models cost"
    text = (f"# {title}\n\nHanlin Intelligence says its Hanlin-M2 model cost $5.1 million to train.\n\nQiaoyun Tech "
            "disclosed a figure for its Yunque-3 model: the final run used 2,048 Ascend 910B chips for 60 days.\n")
    got = {(f[0], f[2], f[3]) for f in attributed(extractor, text, title, role=True)}
    assert {g for g in got if g[0] in ("cost_usd", "chip_count")} == {
        ("cost_usd", "Hanlin-M2", "subject"), ("chip_count", "Yunque-3", "subject")}
    # (a rival's model beside the story's is not the story's)
    text += "\nBy comparison, Tidewell has said its Cascadia-2 model used about 24,000 TPU v5p chips.\n"
    assert ("chip_count", "Cascadia-2", "subject") not in {(f[0], f[2], f[3]) for f in attributed(
        extractor, text, title, role=True)}


@pytest.mark.parametrize("sentence, tokens_model", [
    # (review of 2ec0ea5: a size in words that another lab's model is, and a size in trillions that counts data)
    ("We train Orca-2 on 6T tokens. Compared with the 70-billion-parameter model from Corvid Labs, our model used "
     "3e24 FLOP.", "Orca-2"),
    ("Orca-2 9B was trained on 8T tokens, half the 16T used for the 27B model.", "Orca-2 9B"),
])
def test_sizes_that_name_no_member_of_the_documents_line(extractor, sentence, tokens_model):
    got = attributed(extractor, f"# Orca-2 technical report\n\n{sentence}\n", "Orca-2 technical report")
    assert {f[2] for f in got if f[0] in ("tokens", "flop")} == {tokens_model}


def test_a_forms_threshold_plan_and_another_models_fields_are_no_runs(extractor):
    text = ("FORM\n\n3. Model name: Halcyon-9\n4. Notification threshold (FLOP): 10^26\n"
            "5. Planned duration (days): 90\n6. Corvid-3 training compute (FLOP): 2 x 10^25\n"
            "7. Total training compute (FLOP): 5.4 x 10^25\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="FORM"))
    assert [(f.kind, f.value, f.model) for f in result.facts] == [("flop", 5.4e25, "Halcyon-9")]


def test_a_row_naming_a_fine_tuned_model_is_no_stage_and_debug_runs_are_no_run(extractor):
    text = ("# Juniper-8B\n\nJuniper-8B is our model.\n\n| Model | Params | GPU hours |\n|---|---|---|\n"
            "| Juniper-8B-Chat, fine-tuned | 8B | 1.2M |\n\n| Job | GPUs |\n|---|---|\n| Pretraining | 512 |\n"
            "| Debug runs | 16 |\n")
    assert read_fields(extractor, text, "Juniper-8B", "kind", "value", "stage") == [
        ("params", 8e9, ""), ("chip_hours", 1.2e6, ""), ("chip_count", 512, "pretraining")]


@pytest.mark.parametrize("sentence", [
    "Tern includes a 2B and a 9B model from the Tern-1 recipe, trained on 6T tokens.",
    "We release a 3B and an 8B model from Bluefin Labs' Tern line, trained on 4T tokens.",
])
def test_the_labs_own_sizes_from_its_recipe_or_line_stay_members(extractor, sentence):
    assert len([f for f in attributed(extractor, f"# Tern\n\n{sentence}\n", "Tern") if f[0] == "params"]) == 2


def test_a_row_of_chip_counts_labelled_with_the_chips_chinese_name(extractor):
    text = ("# 青岚系列\n\n我们发布青岚-14B 和青岚-MoE-30B-A3B。\n\n| 阶段 | 青岚-14B | 青岚-MoE-30B-A3B |\n"
            "|---|---|---|\n| 昇腾 910B 卡数 | 1024 | 2048 |\n")
    assert [(f[1], f[2]) for f in attributed(extractor, text, "青岚系列") if f[0] == "chip_count"] == [
        (1024, "青岚-14B"), (2048, "青岚-MoE-30B-A3B")]


def test_each_entry_of_a_register_is_the_model_its_model_field_names(extractor):
    text = ("REGISTER EXTRACT\n\nENTRY SHEET R-101\nModel: Larchmere-2\nDeveloper: Alder Systems\n"
            "Reported compute after completion (FLOP): 3.1 x 10^25\n\nENTRY SHEET R-102\nModel: Osier-70B\n"
            "Developer: Brantwood AI\n"
            "Reported compute after completion (FLOP): 8.4 x 10^24\n")
    result = extractor.read(Document("d", "d.txt", "text", text, title="REGISTER EXTRACT"))
    assert [(f.value, f.model) for f in result.facts if f.kind == "flop"] == [(3.1e25, "Larchmere-2"),
                                                                              (8.4e24, "Osier-70B")]
    table = ("# Register\n\n| Field | Value |\n|---|---|\n| Model | Larchmere-2 |\n"
             "| Reported compute (FLOP) | 3.1 x 10^25 |\n")
    assert [(f[1], f[2]) for f in attributed(extractor, table, "Register") if f[0] == "flop"] == [
        (3.1e25, "Larchmere-2")]
