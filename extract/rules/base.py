"""What every rule family shares: token pattern pieces, the reading a rule returns, sentence cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from floptrail.extract.pipeline import doc_text, sent_text, span_text
from floptrail.extract.records import POST_TRAINING_STAGES
from spacy.tokens import Span, Token

# merged mentions are flagged on built-in attributes (extract.pipeline.merge_mentions), which the Matcher tests
# in compiled code; custom attributes would cost a Python call per token and pattern
QTY = {"TAG": "QTY"}
SIZE = {"TAG": "QTY", "POS": "NUM"}  # a parameter size written as a model's size: "7B", "0.5B", "175B"
CHIP = {"TAG": "CHIP"}
# a further item of a list of members whose unit the sentence gave with its first: "3.1e24 FLOP on the 40B, 9.2e23 on
# the 15B and 2.4e23 on the 4B", "4T tokens for the 4B, 7.5T for the 15B" (the figure is the pattern's second token)
LISTED_FOR_MEMBER = [{"TEXT": {"IN": [",", ";", "and"]}}, QTY, {"LOWER": {"IN": ["for", "on"]}},
                     {"LOWER": "the", "OP": "?"}, SIZE]
# a token of Chinese text, or an English gloss or bracket inside it ("超万亿（trillion）", "7B 基础 (base) 模型")
CJK_OR_GLOSS = r"^(?:[\u4e00-\u9fff]|[（）()]|[A-Za-z]+)$"
MODEL = {"TAG": "MODEL"}

# (not "served as a strong baseline", "serves to show": what a model was for, not its use in serving; "served as an API"
# is)
INFERENCE_CUES = re.compile(
    r"\b(inference|serv(?:e|ed|es|ing)(?!\s+to\s+(?:show|demonstrate|illustrate)\b|\s+as\s+(?:a|an|the|our)\s+"
    r"(?:\w+\s+)?(?:baseline|starting\s+point|backbone|reference|foundation|base)\b)|deploy(?:ed|ment)?|throughput|"
    r"latency|generation speed|"
    r"to test the model|"
    r"memory is required|to infer|enough gpu memory|quantiz\w+ to run|fits? (?:in|on|into)|(?:does|do)n't fit|"
    r"v?ram|profil\w+|statistics of|memory usage|speed|consumer (?:gpus?|cards?|hardware)|(?:advise|recommend)"
    r"(?:ed)? (?:you|using|to)|for (?:the )?evaluations?|to evaluate|in this test|"
    r"(?:we|they) experiment(?:ed)? (?:on|with|using|in)|vllm|sglang|tensorrt(?:-llm)?|llama\.cpp|ollama|"
    # a model that runs at a speed in tokens a second ("runs at ~9 tok/s on 2x RTX 3090": a training table's
    # "24k tokens/s" is the run's throughput), or "runs comfortably on" a card
    r"runs?\s+at\s+[~≈]?\s*[\d.,]+\s*[kK]?\s*(?:tok(?:en)?s?/s|tokens?\s+(?:per|a)\s+second)|"
    r"runs\s+(?:comfortably|fine|well|smoothly)\s+(?:on|in)|"
    # what the model does in use: "we run our production forecasts on 8 GPUs", "a forecast takes 50 seconds on an A100"
    r"in\s+production|production\s+(?:forecasts?|traffic|workloads?|serving|inference|deployments?|use)|"
    r"(?:enough|suffices?|sufficient)\s+to\s+(?:host|serve|run)|"
    r"takes?\s+(?:about\s+|roughly\s+|around\s+|under\s+|less\s+than\s+|~\s*)?[\d.,]+\s*(?:seconds?|secs?|ms|"
    r"milliseconds?|minutes?)\s+on)\b"
    # 运行: "can run on" (not the run that went on: "连续运行了 50 天", ran for 50 days straight); 延迟, 时延: latency;
    # 测试: a test
    # a burn-in or stress test of the cluster before the run ("压测", "烧机"); online serving ("线上服务")
    # what the served model handles: "日均处理约 30 亿 tokens 的请求" (handles some 3B tokens of requests a day), "每秒
    # 2000 个请求", "tokens of requests a day" (not "发出约 1 亿次存储请求", a run's storage requests)
    r"|\bburn(?:ed|t|ing)?[- ]in\b|\bstress[- ]test\w*|压测|烧机|线上服务|在线服务"
    r"|(?:处理|响应|服务|承接)[^，。；]{0,20}请求|(?:每秒|每天|日均)[^，。；]{0,20}请求"
    r"|\b(?:of\s+)?(?:user\s+)?requests\s+(?:a|per|each)\s+(?:day|second|hour|minute)\b"
    r"|推理|推断|部署|(?<!连续)(?<!稳定)(?<!累计)运行(?!了|时间|时长)|延迟|时延|测试|生成速度"
    # platforms a release runs on: "同时支持昇腾和英伟达平台" (supports both Ascend and NVIDIA platforms)
    r"|支持[^，。；]{0,16}平台|\bsupport(?:s|ed)?\s+(?:both\s+)?[\w\s,]{0,40}\b(?:platforms|backends)\b"
    # "支持昇腾Atlas 800T A2训练服务器" (supports Ascend training servers): what it can run on
    r"|支持[^，。；]{0,6}(?:昇腾|英伟达|NVIDIA|Ascend|寒武纪|海光|沐曦|天数)"
    # what using the model costs: "generating 100 pages of content takes 0.4 kWh"
    r"|\bgenerat(?:e|es|ing)\s+(?:\d[\d,.]*|a|one)\s+(?:\w+\s+)?(?:pages?|tokens?|words?|images?|responses?|queries)\b"
    # what a release can run or train on: "already supports training on Ascend 910B NPUs"
    r"|\b(?:already\s+|also\s+|now\s+)?supports?\s+(?:running|training|fine-?tuning|inference|deployment|pytorch)\b",
    re.I)
# compute spent on the data, not on training the model: "Generating the synthetic data took 20K GPU hours", "Filtering
# the corpus with a classifier took 3,000 GPU hours", "我们使用 256 张 A100 进行数据合成" (used 256 A100s for data
# synthesis)
DATA_WORK = re.compile(r"^\W*(?:the\s+|our\s+)?(?:generat|synthesi[sz]|filter|annotat|label|process|clean|dedup|scor|"
                       r"classif|crawl)\w*\s+(?:\w+\s+){0,3}?(?:data|corpus|corpora|dataset|samples|documents|pages)\b"
                       r"|^\W*(?:the\s+|our\s+)?data\s+(?:generation|synthesis|processing|filtering|annotation|cleaning|"
                       r"curation)\b|进行数据(?:合成|生成|处理|清洗|过滤|标注)"
                       # the purpose the compute went to: "we used 512 GPUs for 3 days to generate the synthetic data"
                       r"|\bto\s+(?:generate|synthesi[sz]e|filter|annotate|label|clean|deduplicate|score|classify|crawl)"
                       r"\s+(?:\w+\s+){0,3}?(?:data|corpus|corpora|dataset|samples|documents|pages)\b"
                       # work on the data named by its noun: "Quality filtering with a classifier required 2,300
                       # GPU-hours", "Tokenizing and filtering the raw crawl took ...", "running the quality classifier
                       # over it took a further 6 days on 256 chips"
                       r"|^\W*(?:\w+\s+)?(?:(?:running|applying)\s+(?:the|our)\s+)?(?:filtering|deduplication|"
                       r"tokeni[sz](?:ation|ing)|crawling)\b"
                       r"|\brunning\s+(?:the\s+|a\s+|our\s+)?(?:\w+\s+)?classifiers?\b", re.I)
# compute that evaluated the model, not trained it: "A separate evaluation partition of 64 GPUs ran continuous
# benchmarks on checkpoints"
EVALUATION_WORK = re.compile(r"\b(?:evaluation|eval|benchmarking)\s+(?:partition|cluster|nodes?|jobs?|hardware|"
                             r"pass(?:es)?|sweeps?)\b"
                             # a sentence about the evaluation: "Evaluation (about 3,000 GPU hours) is excluded",
                             # "Evaluating all checkpoints consumed 14,000 GPU-hours" (not one saying what was trained:
                             # "Evaluation results show that X, pre-trained for 21 days, ...")
                             r"|^\W*(?:the\s+|our\s+)?(?:evaluations?|evals?|evaluating)\b(?![^.;]*\b(?:pre-?)?trained\b)"
                             # "the evaluation harness now runs in 90 GPU-hours", "Running the full suite for all
                             # checkpoints took 3,100 GPU-hours"
                             r"|\b(?:evaluation|eval|benchmark)\s+(?:harness|suites?)\b"
                             r"|\brun(?:ning|s)?\s+the\s+(?:full\s+|whole\s+)?(?:evaluation\s+|benchmark\s+)?suite\b(?!\s+of\s+models)"
                             # "Running every checkpoint through the full suite cost 11,000 GPU-hours", "Benchmarking
                             # every checkpoint consumed 12 MWh"
                             r"|\b(?:checkpoints?|models?)\s+through\s+the\s+(?:full\s+|whole\s+)?(?:evaluation\s+|"
                             r"benchmark\s+)?suite\b|^\W*benchmarking\b"
                             r"|\bran\s+(?:\w+\s+){0,2}?(?:benchmarks|evaluations?|evals)\b"
                             # "We evaluated X on 256 GPUs": the chips an evaluation ran on
                             r"|\bevaluat(?:ed|ing|e)\s+(?:[\w.-]+\s+){0,3}?on\s+[\d,]+\s+(?:[\w-]+\s+)?"
                             r"(?:gpus|tpus|npus|chips|accelerators)\b", re.I)
# another model trained on the way to the release: "The reward model was trained on 64 A100s for 2 days", "The
# tokenizer was trained on 100GB of text in 5 hours"
# (and a component trained apart from the release, named in parentheses or not: "The codec (X-Codec, 70M parameters)
# was trained separately on 64 GPUs", "The VAE was trained on ...")
AUX_MODEL_TRAINED = re.compile(r"^\W*(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+)?(?:(?:reward|critic|value|draft|judge|"
                               r"teacher|retrieval)\s+models?|teachers?|tokenizers?|(?:quality\s+)?classifiers?|"
                               r"(?:audio\s+)?codecs?|vaes?|vocoders?|(?:variational\s+)?autoencoders?)"
                               # ("The tokenizer, with 262,144 entries, was trained on ...")
                               r"(?:\s+\([^()]{0,60}\)|,\s[^.;]{0,60}?,)?\s+(?:\w+\s+){0,2}?(?:was|were|is|are)\s+"
                               r"(?:pre-?)?trained\b"
                               # "Reward-model training took 2 days on 48 H100s"
                               r"|^\W*(?:the\s+|our\s+)?(?:reward|critic|value|draft|judge|teacher)[- ]models?\s+"
                               r"(?:pre-?)?training\b"
                               # a Chinese sentence about a scoring, reward or filtering model:
                               # "强化学习所使用的奖励模型...，参数量为 140 亿，...训练使用了 128 张 H800" (the reward
                               # model RL used ... 14B parameters ... trained on 128 H800s)
                               # (the helper the subject, not the means: "基于奖励模型的强化学习阶段" is the RL stage)
                               r"|^\W*(?:[^，。；,;的]{0,16}的)?(?:(?!基于|通过|经过|利用|使用|由|用)[^，。；,;的]){0,6}?"
                               r"(?:打分|评分|奖励|过滤|分类|判别|裁判)(?:模型|器)(?=是|为|同样|也|的参数|参数|在|训练|采用)",
                               re.I)
# a clause whose subject is a helper model, whatever its verb: "The classifier is itself a 1.1B transformer", "The
# preference reward model (a 9B model) took another 14K H200-hours to train", "the scorer was trained on 4 chips"; a
# teacher or a draft model only with a verb of its own run, as it is often one of the document's own models ("The
# teacher model was Foo-70B")
_HELPER_OPENS = r"^\W*(?:the|our|this|that)\s+(?:[\w-]+\s+){0,2}?"
_HELPER_ASIDE = r"(?:\s+itself)?(?:\s+\([^()]{0,60}\))?\s+(?:\w+\s+)?"
_RUN_VERBS = r"took|takes|needed|required|consumed|used|ran|(?:was|were)\s+(?:pre-?|fine-?)?(?:trained|tuned)"
AUX_MODEL_SUBJECT = re.compile(rf"{_HELPER_OPENS}(?:(?:reward|critic|value|judge|scorer|scoring|verifier)\s+models?|"
                               rf"classifiers?|scorers?|verifiers?){_HELPER_ASIDE}(?:is|was|were|are|has|had|"
                               rf"{_RUN_VERBS})\b|{_HELPER_OPENS}(?:teacher|draft)(?:\s+models?)?{_HELPER_ASIDE}"
                               rf"(?:{_RUN_VERBS})\b", re.I)
# ... a table row of one: "| Reward model | 48 × H100 | 2 days |" (or of evaluating: "| Evaluation runs | 1,200 |")
OTHER_WORK_ROW = re.compile(r"^\W*(?:[\w-]+\s+)?(?:reward|critic|value|draft|judge|teacher)[- ]models?\b"
                            # ... or of spending on no training: "| Storage and egress |", "| Idle reserved capacity |",
                            # "| Data processing (CPU) |"
                            r"|^\W*(?:storage|egress|idle|networking|staff|salar\w*|personnel|overhead|"
                            r"data\s+(?:processing|preparation|collection|cleaning|pipeline))\b"
                            r"|^\W*(?:quality\s+)?classifiers?\b|^\W*tokenizers?\b"
                            # ... or of a company's operations or its research at large: "| Data-centre electricity
                            # (GWh) |", "| Research compute (all) |", "| Inference |" (not "| Inference-time RL |",
                            # "| Operations-tuned X |")
                            r"|^\W*(?:data\s*-?\s*cent(?:re|er)s?|fleet|company|research\s+compute|"
                            r"inference|serving|offices?|operations?)\b(?!-(?:time|tuned|optimi[sz]ed|aware)\b)"

                            r"|^\W*(?:evaluations?|evals?)(?:\s+(?:runs?|jobs?|passes))?\W*$", re.I)
# a line of a company's greenhouse-gas inventory, in a row that names no model: "| Scope 2 (offices) |", "| Scope 3 cat.
# 6 - business travel |", "| Refrigerants |" (not "| Scope 2 | X-3 pretraining |")
INVENTORY_ROW = re.compile(r"^\W*(?:scope\s*[123]|business\s+travel|employee\s+commut\w*|refrigerants?|"
                           r"purchased\s+(?:goods|electricity)|capital\s+goods)\b", re.I)
# ... and the size of one, right after the figure: "a 150M-parameter classifier", "a 7B reward model"
AUX_MODEL_AFTER = re.compile(r"[\s-]*(?:parameters?|params?)?\s*"
                             # (up to four words naming it, no verb, article or preposition: not "7B parameters
                             # distilled from a larger teacher", "a 70B policy and the 7B reward model")
                             r"(?:(?!(?:models?|llms?|the|an?|from|of|with|by|to|for|\w+ed)\b)[\w-]+\s+){0,4}?"
                             r"(?:classifiers?|reward\s+models?|judges?|critics?|draft\s+models?|teachers?|scorers?|"
                             r"scor(?:er|ing)\s+models?|verifiers?)\b"
                             # "一个 3 亿参数的分类器" (a classifier of 300M parameters)
                             r"|\s*(?:参数量?)?\s*的\s*[^，。；,;\s]{0,6}?"
                             r"(?:分类器|(?:奖励|打分|评分|过滤|裁判)模型|判别器)", re.I)
# ... or in brackets after one ("a small classifier (110M parameters)", "a quality classifier (a linear model, 2.1M
# weights)"), or a Chinese scoring, reward or filtering model before it ("质量打分模型是一个 5 亿参数的小模型")
AUX_MODEL_BEFORE = re.compile(r"\b(?:classifiers?|reward\s+models?|judges?|critics?|draft\s+models?)\s*\([^()]*$"
                              r"|(?:打分|评分|奖励|过滤|分类|判别)(?:模型|器)[^。；，,;]{0,12}$", re.I)
# what was not done or is not so: "was not tuned on H100s", "we have not tested it on TPU v4", "it doesn't have 56B
# parameters" (not "was not only trained on ...")
# (the verb negated is one of training, tuning, testing, running or having: "the 410M model does not saturate with
# 300B tokens" still states the run)
NEGATED = re.compile(r"\b(?:was|were|is|are|has|have|had|did|does|do)(?:\s+(?:not|never)|n't)(?!\s+only\b)"
                     r"\s+(?:\w+\s+){0,2}?(?:(?:pre-?)?train|tun|test|us|run|evaluat|ha[sv]e?\b)", re.I)
# instructions to the reader ("you can pretrain it on 8 A100s") are not reports of what was done
# a remark in parentheses on how a figure is counted, which speaks to the reader without making its sentence advice
# ("~6.2B params (6.18B if you count the embeddings once)", "1.3e23 FLOPs (1.26e23 if you want more digits)")
ASIDE = re.compile(r"\([^()]*\bif\s+you\b[^()]*\)")
READER_CUES = re.compile(r"\byou(?:'ll| can| could| may| might| should| will| need)\b|\byourself\b"
                         # advice for the reader's own run: "If you are pre-training from scratch, our recommended
                         # recipe is ..."
                         r"|\bif you(?:'re| are)?\b|\brecommended (?:recipe|setup|settings?|configuration)\b"
                         # results the reader can reproduce: "can be replicated in at most 1 hour on a single TPU"
                         r"|\bcan be (?:replicated|reproduced)\b"
                         # a set-up step for the reader: "Install the Ascend PyTorch adapter."
                         r"|^\W*(?:install|download|clone|pip install)\b"
                         # a command-line flag: a tutorial's run ("takes 9 hours ... by tweaking --num_processes")
                         r"|(?<![\w-])--[a-z][\w-]+"
                         # thanks name a sponsor's hardware ("the TPU Research Cloud program"), not the run's
                         r"|\b(?:we (?:would like to )?thank|we are grateful|grateful to|acknowledge?)"
                         # advice in Chinese: "建议使用 8 × A800" (we suggest using), "4 × A100 即可" (4 A100s suffice)
                         # and "可以使用 4 张 A800" (you can use 4 A800s)
                         r"|建议|即可|可以使用|可使用", re.I)
# a unit defined, not a run measured: "One petaflop/s-day is 10^15 operations per second for a day, about 8.64e19 FLOPs"
UNIT_DEFINITION = re.compile(r"\b(?:one|1|a)\s+(?:petaflop(?:/s)?[- ]days?|pf[- ]?days?|exaflop(?:/s)?[- ]days?|"
                             r"[ezy]flops?|(?:exa|zetta|yotta)-?flops?)\s+"
                             r"(?:is|means|equals|corresponds to|amounts to)\b|\b1\s*pf[- ]?days?\s*=", re.I)
# a total over several models ("summed over the three sizes", "across all our models combined") is no model's
SUM_OVER_MODELS = re.compile(r"\b(?:summed|sum(?:ming)?|added up|combined|aggregated?|together|in total|total)\s+"
                             r"(?:over|across|for)\s+(?:all\s+)?(?:the\s+|our\s+)?(?:\w+\s+)?(?:models|sizes|variants)\b"
                             r"|\bacross all (?:\w+ )?(?:models|sizes|variants)\b"
                             # "Total location-based emissions from foundation-model training rose to ..."
                             r"|\btotal\s+(?:[\w-]+\s+){0,3}?(?:emissions|energy|electricity|compute|"
                             r"(?:gpu|accelerator|chip)[- ]hours)\s+(?:from|of|for|across)\s+(?:all\s+)?(?:our\s+)?"
                             r"(?:[\w-]+-models?|models)\s+training\b",
                             re.I)
# a sentence that opens on another work and its citation is about that work ("X (Roller et al., 2021) has ..."), and
# so is one whose subject is a work cited in the text ("Subsequently, BitNet Ma et al. (2025) showed ..."): the
# citation followed by its verb; not "Unlike X et al. (2022), our model ..." nor the lab's own "We follow X et al."
CITED_WORK = re.compile(r"^\W*[A-Z][^.()]{0,50}\((?:[^()]*\bet al\.?|[A-Z][A-Za-z-]+),? (?:19|20)\d\d[a-z]?\)"
                        r"|^\W*(?!(?:We|Our)\b)[A-Z](?:[^.()]|\.(?=\d)){0,60}?\b[A-Z][A-Za-z-]+ et al\.? "
                        r"\((?:19|20)\d\d[a-z]?\)\s+[a-z]+(?:ed|es|s)\b"
                        # and one set up as a point of comparison that tells of a run: "For context, X was trained
                        # for four weeks ..."
                        r"|^\W*(?i:for\s+(?:context|comparison|reference|scale)|by\s+comparison|in\s+comparison)\s*,"
                        r"(?i:[^.;]*\b(?:trained|used|took|required|needed|consumed)\b)"
                        # "作为对比，园区数据中心全年用电约 9,000 万度" (for comparison, the campus used 90 GWh a year)
                        r"|^\W*(?:作为(?:对比|对照|参照|参考)|相比之下|对比而言)[,，][^。；]*(?:训练|使用|消耗|用电|耗电|耗时)")
# the run ending, and the words that name the run as the one that ended: "it finished after 7.5T tokens", "training was
# stopped after 9 weeks" (not a loss spike or a curriculum phase: "loss spikes stopped after 200B tokens")
RUN_STOPPED = {"stopped", "stopping", "ended", "ending", "capped", "halted", "finished", "finishing", "cut",
               "completed", "concluded", "converged", "terminated"}
RUN_SUBJECTS = {"it", "training", "pre-training", "pretraining", "run", "job", "we"}
# a stage of training, as the first word of its name ("pre-training", "context extension", "SFT")
STAGE_WORD = (r"^(?:pre-?training|post-?training|mid-?training|training|context|long-context|fine-?tuning|sft|rl|"
              r"rlhf|dpo|alignment|annealing|distillation|cooldown|cool-down|warm-?up)$")
# unnamed experimental models ("two small MoE models", "a model with 7 billion parameters"): facts about
# them cannot be attributed, so a sentence naming no model that speaks of them yields none
# (a group that "the", "our" or "all" opens, maybe with a word between, is the document's own, named before: "all three
# models", "our two models", "the two larger models", "the smaller two models", "the remaining three"; "these three
# models" may be the ablations a paragraph describes: `speaks_of_unnamed_models`)
_MODEL_COUNT = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|several|\d{1,3}"
UNNAMED_MODELS = re.compile(r"(?P<own>\b(?:the|our|all)\s+(?:[a-z]+\s+)?)?"
                            rf"\b(?:(?:{_MODEL_COUNT})\s+(?:\S+\s+){{0,2}}"
                            r"(?:models|variants|baselines|moes|llms|lms|networks|transformers)|an? (?:[\w-]+ ){0,4}"
                            r"model with)\b"
                            # "某头部厂商去年发布的模型" (a model some leading vendor released): someone else's
                            r"|某(?:家|个|些)?[^，。；]{0,6}(?:厂商|公司|团队|机构|实验室)"
                            # "A 1.1T Mixture-of-Experts model requires ...": some model of that size, and one
                            # given as an example ("For example, a 10B-parameter model trained on 200B tokens")
                            r"|^\W*(?:(?:for\s+(?:example|instance)|e\.g\.),?\s+|(?:consider|suppose|imagine)\s+)?"
                            r"an?\s+\d+(?:\.\d+)?\s*[BMT]\b(?:[\s-]+[\w-]+){0,3}?[\s-]+models?\b", re.I)


def speaks_of_unnamed_models(text: str) -> bool:
    """Whether the text speaks of models it does not name (`UNNAMED_MODELS`), not of a group of its own."""
    return any(not m.group("own") for m in UNNAMED_MODELS.finditer(text))


# runs of a size: one of some size the text trains ("we trained a separate 1.4B model", "a 1.1B dense baseline"), or
# several of one size ("1.3B models trained on 100B tokens", "two 3B runs"); not "the 7B and 13B models"
SIZED_RUNS = re.compile(rf"\b(?P<lead>(?:an?|one|{_MODEL_COUNT})\s+(?:separate|small|new|extra)?\s*)?"
                        r"(?P<size>\d+(?:\.\d+)?\s?[BM])(?:[\s-]+param(?:eter)?s?)?"
                        r"(?:[\s-]+(?:dense|sparse|moe|baseline|proxy|ablation|transformer|hybrid))?"
                        r"[\s-]+(?P<noun>models?|runs?|baselines?|networks?|transformers?)\b", re.I)
WE_TRAINED = re.compile(r"\b(?:we|they)\s+(?:\w+\s+)?(?:pre-?)?(?:trained|train|ran|run)\b", re.I)
# (what makes plural sized models the text's own group, or others measured against: "competitive with 4B models")
OWN_OR_COMPARED = re.compile(r"(?:\b(?:the|our|all|its|their|and|or|both|with|than|against|versus|vs\.?|like|"
                             r"beats?|outperforms?|matches)|[,/&])\s*$", re.I)


def sized_runs(text: str) -> set[str]:
    """The sizes of the runs `SIZED_RUNS` finds in a text: one model of a size where the text trains it (else it
    may be the release in general words: "training a 70B model for 1.4T tokens takes 5.9e23 FLOPs"), or several,
    with a count or with nothing before them that makes them the text's own group or models compared with."""
    found = set()
    for m in SIZED_RUNS.finditer(text):
        lead = (m.group("lead") or "").split()
        several = m.group("noun").lower().endswith("s") or bool(lead) and lead[0].lower() not in ("a", "an", "one")
        own_or_compared = OWN_OR_COMPARED.search(text, 0, m.start())
        if several and (lead or not own_or_compared) or lead and WE_TRAINED.search(text, 0, m.start()):
            found.add(m.group("size").replace(" ", "").upper())
    return found


# what a system could do, not what a run did: "the library is designed for scalability up to 40B parameters",
# "with 272 GPUs the limit can be further extended", "supports models of up to 1T parameters"
CAPABILITY_CUES = re.compile(r"\b(?:can|could|may|might)\s+(?:be\s+)?(?:further\s+)?(?:extended|scaled|increased|"
                             r"scale|extend|grow)\b|\bscalability\b|\bscal(?:es|able)\s+(?:up\s+)?to\b|"
                             r"\bsupports?\s+(?:training\s+)?(?:models?\s+)?(?:of\s+|with\s+)?up\s+to\b"
                             # the least a run needs, not what one took: "can be trained on as few as 8 GPUs",
                             # "requires at least 8 A100s", "可以利用最少8张A100" (can use a minimum of 8 A100s)
                             r"|\b(?:can|could|requires?|needs?)\s+(?:\w+\s+){0,3}?(?:a\s+minimum\s+of|as\s+few\s+as|"
                             r"at\s+least)\b|(?:可以|能够|可)[^，。；]{0,8}(?:最少|至少)|(?:最少|至少)(?:需要|只需)",
                             re.I)
# experiments around the release (ablations, searches, small proxies) train other models than the one released
EXPERIMENT_CUES = re.compile(r"\b(?:experimented|ablations?|hyper-?parameter search|small[- ]scale|prox(?:y|ies)|"
                             r"swept|sweeps?|sweeping|"
                             r"pilot (?:runs?|models?)|model ladder|ladder of (?:\w+ ){0,3}?models|"
                             r"(?:verification|preliminary|small|toy|scaling(?:[- ]laws?)?) experiments?|"
                             r"experiments? (?:were|are|was|is) (?:conducted|carried out|run|performed)|"
                             # budgets set against each other for experiments: "with a larger budget of 300B tokens",
                             # "under the same budget", "two training budgets", "budgets of 100B and 300B" (not the
                             # release's "a fixed budget of 15T tokens", "token budgets grew with size")
                             r"(?:a|the) (?:moderate|larger|smaller|bigger|lower|higher|same|given) (?:\w+ )?budgets?|"
                             r"(?:two|three|several|different|multiple|various) (?:\w+ ){0,2}budgets|budgets of)\b"
                             # a figure's panel, which plots an experiment: "Left: loss curves for ...", "Figure 3.
                             # (a) Right: ..."
                             r"|^\W*(?:fig(?:ure)?\.?\s*\d+[.:]?\s*)?(?:\([a-z]\)\s*)?(?:left|right|middle|center|centre)"
                             r"\s*(?:\([a-z]\)\s*)?:", re.I)
# a small run made to test the set-up before the real one ("a 1B pilot on 64 GPUs", "an 8B shakedown run", "a smoke
# test", "a dry run"), and the run it tested ("the main run", "the full run"): a figure is the run's named last
# before it
TEST_RUN = re.compile(r"\ban?\s+(?:\d+(?:\.\d+)?[BM]\s+)?(?:pilot|shakedown|smoke[- ]test|dry[- ]run|trial[- ]run|"
                      r"test[- ]run)\b(?!\s+of\b)", re.I)
REAL_RUN = re.compile(r"\b(?:main|full|final|actual|real|production|whole)\s+(?:training\s+|pre-?training\s+)?"
                      r"(?:run|job)\b|\b(?:pre-?)?training\s+(?:on|of|took|used|ran|lasted)\b|"
                      r"\b(?:was|were)\s+(?:then\s+)?(?:pre-?)?trained\b", re.I)


def in_a_test_run(token: Token) -> bool:
    """Whether the run a figure is told of is a test of the set-up, not the real run: the run named last before the
    figure in its stretch of the sentence between commas, or, where that stretch is an aside ("which used ...", "at 1B
    scale", "on 64 GPUs"), in the stretch before it ("We first ran a pilot, at 1B scale, on 64 GPUs"; not "After a dry
    run, the full run took ...", "The final run, launched after a trial run exposed a bug, used 1,024 GPUs", nor "We
    first ran a dry run, as is standard, and then pretrained for 30 days on 2,048 GPUs")."""
    text = sent_text(token)
    stretches = re.split(r",(?!\d)", text[:token.idx - token.sent.start_char])
    for stretch in reversed(stretches):
        runs = sorted([(m.end(), True) for m in TEST_RUN.finditer(stretch)] +
                      [(m.end(), False) for m in REAL_RUN.finditer(stretch)])
        if runs:
            return runs[-1][1]
        if not ASIDE_OPENING.match(stretch):
            return False
    return False


# what opens an aside between commas: a relative word, a preposition, a participle ("which used", "at 1B scale")
ASIDE_OPENING = re.compile(r"\s*(?:which|that|who|using|on|at|with|in|for|as|of|trained|training|running)\b|\s*$",
                           re.I)


PLAN_CUES = re.compile(
    r"\b(aims? to|plan(?:s|ned)? to|initial plan|we will|we['’]ll|will be trained|(?:are|is|am) going to|intend|"
    r"(?:we['’]d|we\s+would)\s+like\s+to|will\s+have|should\s+come\s+online|"
    # "The current plan is around 25 trillion tokens", "we currently plan for 20T tokens"
    r"(?:current|our)\s+plan\s+(?:is|calls\s+for)\s+(?:to|around|about|roughly|some|~|\d)|"
    r"(?:we|they)\s+(?:currently\s+|now\s+)?plan\s+(?:the|for|on)\b|"
    # "for the next model, plan the token budget around 10T tokens" (not "to plan the cluster's allocation")
    r"(?<![Tt]o\s)(?<!not\s)plan\s+the\s+\w+|"
    r"(?:we['’]re|we\s+are|(?:is|are)\s+(?:now\s+)?)\s*planning|(?:had\s+)?budgeted|we\s+budget|(?:is|are)\s+in\s+"
    r"planning|"
    # a need still to come: "we project it will need about 9e24 FLOP"
    r"(?:project|expect|estimate)s?\s+(?:that\s+)?(?:it|this|they|the\s+\w+)\s+will\s+(?:need|require)|"
    r"target(?:ing)?|goal|"
    r"(?:is|are)\s+(?:still\s+|currently\s+)?(?:in training|being trained)|(?:is|are)\s+planned|"
    # a model still in training, and a hope: "we are already training a 12B version", "we hope to release"
    r"(?:we['’]re|we\s+are)\s+(?:already\s+|currently\s+|now\s+|also\s+)?training\s+(?:a|an|v\d|version\s+\d)|"
    r"hope\s+to|"
    # a model still to come: "planned for about 6T tokens", "a larger sibling is in preparation", "we are preparing"
    r"(?<!as\s)planned\s+for|in\s+preparation\b(?!\s+for)|(?:we['’]re|we\s+are)\s+(?:now\s+|currently\s+)?"
    r"(?:preparing|applying\s+for)|"
    # "we expect its training compute to be about 3e25 FLOP" (not "we expect this to be the largest open model")
    r"expect\w*\s+(?:its|their|the)\s+(?:\w+\s+){0,2}?(?:compute|cost|budget|run)\s+to\s+(?:be|exceed|reach|total)|"
    r"expects?\s+to\s+(?:train|pretrain|use|run|scale|grow)|"
    # a release to come: "will be available in 7B and 34B versions", "coming soon"
    r"will\s+(?:soon\s+)?be\s+(?:made\s+)?(?:available|released|open[- ]?sourced)|coming soon|"
    # a release to come that adds a model: "the next release will add a Linnet-70B", "will include a 34B version"
    r"will\s+(?:also\s+)?(?:add|include|introduce)\s+(?:an?|two|three)\s+(?:[\w.-]+\s+){0,2}?"
    r"(?:[\w.-]*\d+(?:\.\d+)?[BMT]|models?|versions?|variants?|sizes?))\b"
    # Chinese: plan, the target is, will train, hope to, intend to, will release
    # planning, expected to need
    r"|计划|目标为|将会训练|希望|打算|将(?:会)?(?:发布|开源|推出)|规划中|预计(?:需要|使用|将)", re.I)
# a sentence about what is to come, all its clauses: "In future work ...", "Looking ahead, ...", "Next year we ..."
FUTURE_OPENING = re.compile(r"\W*(?:in\s+(?:future|the\s+future|later)\s+work|in\s+the\s+(?:future|coming\s+"
                            r"(?:months|year))|looking\s+ahead|next\s+year|for\s+the\s+next\s+generation)\b", re.I)
# a figure still to come, after its cue: "Training is ongoing on 2,048 GPUs and is expected to finish in 40 days" (the
# GPUs are in use; the 40 days are planned)
EXPECTED = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:expected|projected)|we\s+expect\s+(?:\w+\s+){0,3}?)\s*to\s+"
                      r"(?:take|last|finish|complete|run|require|need|end|reach|exceed|total)\b", re.I)
# a figure for a run that did not happen: "scaling to 70B would require 5e23 FLOP", "would have taken 7 days on
# H100s", "had we used a coal-heavy grid"
HYPOTHETICAL = re.compile(r"\bwould\s+(?:have\s+)?(?:\w+\s+)?(?:require|required|need|needed|take|taken|cost|emit|"
                          r"emitted|consume|consumed|last|lasted|been)\b|\bhad\s+we\b|\bif\s+we\s+(?:were\s+to|had)\b"
                          r"|\bwere\s+we\s+to\b"
                          # a reader's guess set as a condition: "If it's 20T tokens on 70B, that's 8.4e24 FLOP"
                          r"|\bif\s+(?:it|that|this|they|the\s+\w+)(?:['’]s|\s+(?:is|was|were|used|took|trained)\b)"
                          # what a fitted law foretells: "the fit predicts that, at 1B parameters, 10T tokens ...",
                          # "a 70B model is predicted to need 1.4T tokens"
                          r"|\bpredict(?:s|ed)?\s+that\b|\b(?:fit|law|curve)s?\s+predicts?\b|\bis\s+predicted\s+to\b",
                          re.I)
_STAGES = [
    # ("the alignment stage used 18B tokens": aligning a model is tuning it, as 对齐 is in Chinese)
    ("fine_tuning", re.compile(r"\b(fine-?tun\w*|SFT|supervised|instruction[- ]tun\w*|post-?train\w*|"
                               r"alignment\s+(?:stage|phase|run|step))\b", re.I)),
    ("rl", re.compile(r"\b(RL|RLHF|reinforcement|DPO|GRPO|PPO)\b")),
    ("context_extension",
     re.compile(r"\b(long[- ]context|context (?:length )?extension|extend(?:ed|ing)? the context)\b", re.I)),
    ("pretraining", re.compile(r"\b(pre-?train\w*|from scratch)\b|预训练", re.I)),
]


@dataclass(frozen=True)
class Reading:
    """One fact as a rule family reads it, before attribution to a model."""

    kind: str
    value: float | None
    token: Token  # the token the fact is anchored on (its quantity or chip)
    hardware: str = ""
    qualifier: str = ""
    unit: str = ""  # where the reading names its own unit: a benchmark ("MMLU"), a date as written ("2024-07")
    member_size: str = ""  # the size this figure names its model by ("8B" in "comes in 8B and 70B")
    start: int | None = None  # a part of the token's text (one end of "from 1B to 33B"), in document offsets
    end: int | None = None
    low: float | None = None  # the ends of a range the reading spans over several tokens ("18.6B to 31.3B")
    high: float | None = None


# a rate written as a word before its noun, of a run's tokens ("the per-trillion-token cost", "its per-billion-token
# bill"; not "$600 per-billion-token" after a figure, nor an API's "per-million-token pricing")
PER_TOKENS_ADJECTIVE = (r"\bper-(?:1-?)?(?:T|B|trillion|billion)-tokens?\s+"
                        r"(?:cost|rate|bill|price|budget|spend|figure)\b")
# a figure for a unit of work, not the run: "3.7 days per trillion tokens", "training 1 trillion tokens costs $5M"
PER_UNIT_OF_WORK = re.compile(r"^\W*(?:per|for (?:each|every)|each|every|a)\s+(?:\w+\s+){0,2}tokens?\b"
                              r"|^\W*/\s*\w*\s*tokens?", re.I)
UNIT_OF_WORK = re.compile(r"\b(?:1|one|a|each|every)\s*(?:T|B|trillion|billion)\s+tokens?\s+cost\b"
                          r"|(?:\b(?:training|train|to train|processing)\s+(?:on\s+|over\s+|through\s+)?"
                          r"|\b(?=each|every))(?:1|one|a|each|every)\s*(?:T|B|trillion|billion)\s+tokens?\s+"
                          r"(?:of\s+[\w-]+\s+)?(?:only\s+)?"  # ("each trillion tokens of pre-training costs")
                          r"(?:costs?|takes?|took|requires?|required|needs?|needed|consumes?|consumed|uses?|used)\b"
                          # "processed one trillion tokens in 2.5 days", "got through a trillion tokens every 3 days"
                          r"|\b(?:process(?:es|ed)?|trains?|trained|(?:went|goes|go|got|gets?)\s+through)\s+"
                          r"(?:1|one|a|each|every)\s*(?:T|B|trillion|billion)\s+tokens?\s+(?:in|every)\b"
                          # the rate as a word before its noun: "the per-trillion-token cost was 0.4M GPU hours"
                          rf"|{PER_TOKENS_ADJECTIVE}",
                          re.I)  # "each trillion tokens costs about $150K"


def per_unit_of_work(span: Span) -> bool:
    """The figure is a rate: what follows it says per so many tokens, or its clause prices a unit of work."""
    rest = span.doc[span.end:min(span.end + 6, span.sent.end)].text
    return bool(PER_UNIT_OF_WORK.search(rest) or UNIT_OF_WORK.search(sent_text(span))
                and UNIT_OF_WORK.search(clause_of(span[0])))


# where a sentence goes on to a clause of its own: "..., and we trained it on ...", "a trillion tokens cost 90K GPU
# hours, so the full run took ..."; a contrast of like figures keeps one frame ("for each trillion tokens, X requires
# 300K GPU hours, while Y needs 173K")
CLAUSE_END = re.compile(r",?\s+(?:and|but|while|whereas|so)\s+(?=(?:we|they|it|our|the|when|once|after)\b)|[;；]\s*"
                        # "We had budgeted 8.5e23 FLOPs and ended up using 8.2e23": what happened after the plan
                        r"|,?\s+(?:and|but)\s+(?=(?:ended\s+up|in\s+the\s+end|actually|finally)\b)", re.I)


# a count written as the whole ("a total of 96 GPUs", "合计 896 块", "1.2T tokens in total", "(2,400 GPUs in all)")
TOTAL_BEFORE = re.compile(
    r"(?:\b(?:a\s+total\s+of|in\s+total|altogether|totall?ing|overall)|合计|总计|共计|共使用|共)\s*$", re.I)
TOTAL_AFTER = re.compile(r"\s*(?:in\s+total|in\s+all|altogether|overall|combined)\b", re.I)


def stated_total(qty_token: Token, end: int) -> bool:
    """The count at `qty_token` (its phrase ending at character `end`) is written as the whole, before or after."""
    text = doc_text(qty_token.doc)
    return bool(TOTAL_BEFORE.search(text[max(qty_token.sent.start_char, qty_token.idx - 24):qty_token.idx])
                or TOTAL_AFTER.match(text, end))


def clause_of(token: Token) -> str:
    """The clause of its sentence that holds the token."""
    start, end = clause_bounds(token)
    return sent_text(token)[start:end]


def clause_bounds(token: Token, ends: re.Pattern = CLAUSE_END) -> tuple[int, int]:
    """Where the clause holding the token starts and ends (at `ends`), in characters of its sentence's text."""
    text, offset = sent_text(token), token.idx - token.sent.start_char
    return next(((a, b) for a, b in clauses(text, ends) if a <= offset < b), (len(text), len(text)))


def clauses(text: str, ends: re.Pattern = CLAUSE_END) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a sentence's text, cut at `ends`."""
    cuts = sorted({0, *(m.end() for m in ends.finditer(text)), len(text)})
    return list(zip(cuts, cuts[1:], strict=False)) or [(0, len(text))]


# "98.3 万 GPU 时": 时 for 小时 after a count of ten thousands, where no clause opens on "when" or a scale reached ("当
# 扩展到 4096 GPU 时", when scaled to 4096 GPUs)
WHEN_BEFORE = re.compile(r"当|到\s*$|至\s*$|在\s*$|用\s*$")


def bare_hour_mark(qty: Token) -> bool:
    """Whether "时" after the figure at `qty` and its chip means hours (not "when")."""
    before = sent_text(qty)[:qty.idx - qty.sent.start_char]
    clause = re.split(r"[，,；;。]", before)[-1]
    return bool(re.search(r"[万亿]", qty.text)) and not WHEN_BEFORE.search(clause)


BASE_CUES = re.compile(r"(?:based on|built on|on top of|(?:derivation|derivative) of|initiali[sz]ed (?:from|with)|"
                       r"\btak(?:ing|es?|en)|\btook|checkpoints? of|"
                       # "X-Code continues X-2 9B on 1T tokens", "X-VL builds on X-2": what the new model was made from
                       r"\bcontinues|\bextends|\bupcycles|builds? (?:on|upon)|built upon|gr[eo]wn? (?:out of|from)|"
                       r"(?:start|begin)(?:s|ning|ing)? with|(?:fine-?tuned|continued|upcycled|distilled|"
                       r"starts?|starting|started|(?:pre-?)?trained|derived) from|continu(?:ed|ing) pre-?training of|"
                       # "continues pre-training from X", "continued training from X": X is where the run started
                       r"continu\w*\s+(?:pre-?)?training\s+from|"
                       # "fine-tuning a 7B LLaMA model took 3 hours": the run made another model from it
                       # ("fine-tunes X with our data": the cue may end right before the name; "We fine-tuned X for 2
                       # epochs": another lab's X, the run the card's own model's)
                       r"fine-?tun(?:ing|es?|ed)(?:\s+of)?(?:\s+(?:(?:a|an|the)\s+)?(?:[\w./]+)?|$)|基于|来自)"
                       # "pretrained from the matching X base"
                       # ("initialised from the 7B Mistral checkpoint": the base's size may come before it)
                       r"(?:\s+(?:the|a|an|our|its|their|matching|corresponding|respective|same|original|final|last|"
                       r"latest))*"
                       r"(?:\s+\d+(?:\.\d+)?[BMT])?\W*$", re.I)


def follows_base_cue(token: Token) -> bool:
    """Whether the words before `token` say that what follows is the base a model was made from ("fine-tuned
    from a 7B", "based on", "基于")."""
    return bool(BASE_CUES.search(token.doc[max(token.sent.start, token.i - 7):token.i].text))


# a size in words before a name: "a billion-level BERT", "a 1.3B-parameter GPT-2"
SIZE_WORD = re.compile(r"[\w.]+-(?:level|scale|parameters?|params?|sized?)|(?:small|medium|large|base)")
# a training verb's finite forms ("trained on 627B tokens"), and with its gerunds ("training a billion-level BERT")
TRAINED = {"train", "trained", "trains", "pretrain", "pretrained", "pre-train", "pre-trained"}
TRAINING_VERBS = TRAINED | {"training", "pretraining", "pre-training"}
# a sentence about training: "pretrained", "post-training", "fine-tuned", 训练 (training), 微调 (fine-tuning);
# fine-tuning is a run too (of the tuned variant)
TRAINING = re.compile(r"\b(?:pre-?|post-?)?train|\bfine-?tun|训练|微调|训完|训好", re.I)  # (训完: finished training)
# what it takes to use the release, said in a clause with no word of training or of the run: "can run on a single
# A100", "We recommend H200 GPUs", "needs Hopper-class GPUs", "Minimum requirements: 1x A10G", "measured on one A100",
# "kernels are available for MI300X", "Evaluation used 8 A100 GPUs", "we have tested it on these GPU types",
# "Supported hardware: A100", "compatible with A100 cards" (present-tense needs: "the run required 256 GPUs" reports a
# run)
USE_CUES = re.compile(r"\b(?:(?:can|could|will|may|to)\s+(?:also\s+)?run|evals?|recommend(?:s|ed)?|needs?|requires?|"
                      r"minimum|"
                      # on a chip, not on power ("It runs on a single H200"; "the cluster runs on hydroelectric power")
                      r"runs\s+on\s+(?:(?:an?|one|single|consumer|\d+\s*x?)\s+)*(?:gpus?|cards?|nvidia|amd|apple|laptops?|"
                      r"[a-z]{0,4}\d{2,}[a-z]*\b(?!%))|"
                      r"(?:hardware|memory|gpu|system)\s+requirements?|requirements?\s*:|(?:measured|benchmarked)\s+on|"
                      r"available\s+for|evaluat\w*\s+(?:\w+\s+){0,3}?(?:on|using|with)|"
                      r"evaluation\s+(?:used|ran|runs|took|was\s+run|added|compute|of|pass(?:es)?|jobs?|sweeps?)|"
                      r"benchmark(?:ing)?\s+suite|"
                      r"tested\s+(?:\w+\s+){0,3}?on|"
                      r"supported\s+(?:gpus?|hardware|devices|accelerators|platforms)|"
                      r"(?:gpus?|hardware|devices|accelerators)\s+supported|compatible\s+with)\b"
                      # hardware or memory requirements, a minimum or recommended set-up, recommending a chip, being
                      # adapted to or compatible with one, evaluation
                      r"|硬件(?:要求|需求)|显存(?:要求|需求)|配置要求|最低(?:配置|需要)|推荐(?:配置|使用|的?显卡)|建议使用|适配|兼容"
                      r"|评测|评估", re.I)
THE_RUN = re.compile(r"\b(?:the|this|that|our|whole|full|entire|final)\s+(?:\d+(?:\.\d+)?[BMT]\s+)?"
                     r"(?:training\s+)?run\b|\bwall[- ]clock\b",
                     re.I)
# what a fine-tuning recipe takes, in the present tense, said of the figures after it: "With LoRA, fine-tuning it
# takes 3 hours on one A100", "Full-parameter fine-tuning needs 8 A100s", "LoRA 微调需要 1 张 A100" (a fine-tune that
# was done is told in the past: "was fine-tuned for 2 days on 64 GPUs")
RECIPE = re.compile(r"\b(?:q?lora|fine-?tuning)\b[^.;]{0,80}?\b(?:takes|needs|requires)\b"
                    r"|\b(?:needs|requires)\b[^.;]{0,40}?\b(?:q?lora|fine-?tuning)\b"
                    r"|(?:微调|LoRA)[^，。；]{0,20}需要", re.I)
# the parts of a sentence the use cues are read in: its clauses, and in Chinese the parts between commas
USE_PART_END = re.compile(CLAUSE_END.pattern + r"|，")


def about_use(text: str) -> bool:
    """The text (a sentence's part, a list's lead, a table's header) tells of using the release (inference,
    serving, requirements, evaluation), not of training it."""
    return bool(INFERENCE_CUES.search(text) or (
        USE_CUES.search(text) and not TRAINING.search(text) and not THE_RUN.search(text)))


PURPOSE_APPOSITION = re.compile(r",\s+(?:a|an)\s+[^,;()]{0,60}?\b(?:model|version|variant|release)\s+"
                                r"(?:for|built\s+for|made\s+for|aimed\s+at|meant\s+for|tuned\s+for)\s+[^,;()]{1,40},")


# how fast the model answers, in a sentence that says nothing of training: "reranks 100 passages in 180 milliseconds",
# "encodes 2,300 documents of 256 tokens per second", "2.1x faster generation", "speculative decoding", "with 4-bit
# weights" (a run's "each step completed in 850 ms", "40,000 images per second" are its training)
SPEED_CUES = re.compile(r"\bin\s+(?:about\s+|under\s+|~\s*)?[\d.,]+\s*(?:ms|milliseconds?)\b|"
                        r"\b(?:documents?|passages?|queries|requests?|images?|pages?)\b[^.;]{0,30}?\b(?:per|a)\s+second\b|"
                        r"\bfaster\s+(?:generation|decoding|inference)\b|\bspeculative\s+decoding\b|\b\d-bit\s+weights\b",
                        re.I)


def used_not_trained(token: Token) -> bool:
    """The figure at `token` is what using the release takes: its sentence is about inference (the sentence's
    cues), the part of the sentence holding it is about use, or a fine-tuning recipe states it."""
    text = sent_text(token)
    offset = token.idx - token.sent.start_char
    start, end = clause_bounds(token, USE_PART_END)
    # (what a model is for, said in an apposition to its name, is no use of the run's figures: "X, a 22B model for
    # low-latency use, was trained on 4,096 GPUs"; blanked, so the offsets stay)
    text = PURPOSE_APPOSITION.sub(lambda m: m.group(0) if m.start() <= offset < m.end() else " " * len(m.group(0)),
                                  text)
    recipe = next((m for m in RECIPE.finditer(text) if m.start() <= offset), None)
    # (a recipe after a pre-training run is told of other figures: "Pretraining takes 30 days, then fine-tuning")
    by_recipe = recipe is not None and not re.search(r"pre-?train|预训练", text[recipe.start():offset], re.I)
    # (a clause of training, "X was trained on 1,536 H100 GPUs, and when the cluster was drained it became our serving
    # fleet", keeps its figures from the use another clause tells of)
    trained_clause = bool(TRAINING.search(text[start:end])) and not INFERENCE_CUES.search(text[start:end])
    return bool(INFERENCE_CUES.search(text) and not trained_clause or about_use(text[start:end]) or by_recipe
                or SPEED_CUES.search(text) and not TRAINING.search(text) or SPEED_CUES.search(text[start:end])
                and not TRAINING.search(text[start:end])
                or CAPACITY_BEFORE.search(text, max(0, offset - 40), offset)
                or _held_not_run(text, offset)
                or CAPACITY_AFTER.match(text, offset + len(token.text)))


# a whole sector's or industry's spend or emissions, not a run's: "across the whole industry", "sector-wide" (what the
# cost and the energy rules both look for before a figure)
THE_SECTOR = r"the\s+(?:whole\s+)?(?:sector|industry)\b"
SECTOR_WIDE = r"\b(?:sector|industry)-wide\b"
# the hedges a count of chips may carry after what holds or bought them ("houses some 10,752", "owns about 20,000")
COUNT_HEDGE = r"a\s+total\s+of\s+|some\s+|about\s+|over\s+|more\s+than\s+"


# what a machine holds, not what the run took: "the supercomputer, which houses 10,752 GH200 chips in
# total", "Its fleet includes more than 80,000 GPUs", "集群总规模为 10,240 张 GPU" (the cluster's total size is 10,240
# GPUs), "智算集群共有 10,240 张" (the cluster has 10,240 in all); and cards swapped out: "替换了 37 张", "replaced 37
# GPUs"
CAPACITY_BEFORE = re.compile(r"(?:\b(?:houses|housing|comprises|comprising|contains|containing|hosts|hosting)|"
                             r"\bfleet\s+(?:\w+\s+){0,2}?(?:includes|has|spans|comprises)|\breplac(?:ed|ing)|"
                             r"(?:集群|智算中心|数据中心|机房)[^。；，,]{0,8}(?:总规模为?|共有|拥有|规模为|总计|配备)|"
                             r"(?:替换|更换|换掉)了?|"
                             # cards per machine or node: "单机 8 卡", "| 单机 | 8 卡 |", "每台服务器 8 张"
                             r"(?:单机|每台(?:服务器|机器)?|每个?节点)[\s|：:]*)\s*"
                             rf"(?:{COUNT_HEDGE}|约|近|超过)?$", re.I)
# ... or what a company holds or bought, in a clause that trains nothing on them: "Harrow owns about 20,000 H100s",
# "Lumen, which bought 24,000 H100s, trained X", "controls some 10,000 chips in total" (not "We bought 4,096 H100s and
# trained X on them")
HELD_BEFORE = re.compile(r"\b(?:owns|controls|amassed|stockpiled|bought|purchased|acquired|ordered)\s+"
                         rf"(?:{COUNT_HEDGE}|roughly\s+)?$", re.I)
# ... the holder the lab itself, which may then train on them ("We bought 4,096 H100s, and trained X on all of them")
OWN_HOLDER = re.compile(r"\b(?:we|i)\s+(?:\w+\s+){0,2}$", re.I)


def _held_not_run(text: str, offset: int) -> bool:
    """Chips held or bought (HELD_BEFORE) right before the count at `offset` of a sentence's `text`: another holder's
    ("Vantor owns 20,000 H100s", "Lumen, which bought 24,000 H100s,"), or the lab's in a sentence that trains on
    nothing."""
    held = HELD_BEFORE.search(text, max(0, offset - 40), offset)
    if held is None:
        return False
    return not OWN_HOLDER.search(text, max(0, held.start() - 30), held.start()) or not TRAINING.search(text)


# ... and after the count: spare cards ("2,048 张热备卡", "512 hot spares")
CAPACITY_AFTER = re.compile(r"\s*(?:张|块)?\s*(?:热备|备用)|\s+(?:hot[- ])?spares?\b", re.I)


# "十亿级别参数量的" (of a billion-level parameter count): a size before 的 and a name
CJK_SIZED_KIND = re.compile(r"(?:参数量?|参数规模|级别|规模)的\s*$")



def names_an_architecture(name: Token) -> bool:
    """"a 1.1B Llama model", "an 8B Mistral architecture": a name between a size and the noun that describes a
    model built like it (often the document's own), not that model itself ("the 70B Llama 2")."""
    doc, i = name.doc, name.i
    # (sizes listed before it: "a 110M and 1.5B parameter GPT-2 model")
    words = [t for t in reversed(doc[max(name.sent.start, i - 6):i]) if t._.qty is None and not SIZE_WORD.fullmatch(
        t.lower_) and t.lower_.strip("-") not in ("", "parameter", "parameters", "and", "or", ",", "/")]
    before = words[0] if words else None
    if CJK_SIZED_KIND.search(doc_text(doc), max(0, name.idx - 12), name.idx):
        return True  # "训练了十亿级别参数量的BERT" (trained a BERT of a billion parameters): a model built like BERT
    if before is None or before.lower_ not in ("a", "an"):
        return False
    # "a 1.1B Llama model"; "training a billion-level BERT on ...": what was trained, built like that model
    return (i + 1 < len(doc) and doc[i + 1].lower_ in ("model", "architecture", "backbone")) or (
        len(words) > 1 and words[1].lower_ in TRAINING_VERBS)


def is_integer(value: float) -> bool:
    return abs(value - round(value)) < 1e-9


# Chinese: 微调 fine-tuning, 对齐 alignment, 预训练 pretraining. A Chinese sentence names later stages in passing
# ("预训练 ..., 为后续的微调打下基础": pretrained ..., the ground for the tuning to come), so a tuning cue sets the
# stage only in a sentence that does not speak of pretraining
CHINESE_TUNING = re.compile(r"微调|对齐|后训练|强化学习")  # fine-tuning, alignment, post-training, RL


def sentence_stage(sent: Span) -> str:
    return text_stage(span_text(sent))


def text_stage(text: str) -> str:
    """The stage of training a sentence or a table row's label names ("| SFT | 64 | 10h |"), "" where none."""
    for stage, cue in _STAGES:
        if cue.search(text):
            return stage
    return "fine_tuning" if CHINESE_TUNING.search(text) and "预训练" not in text else ""


# a figure's own stage, named right after it ("2.664M for pre-training") or as its label before it ("pre-training: 14T")
STAGE_AFTER = re.compile(r"[^,;:.\d]{0,25}?\b(?:for|spent(?:\s+on)?|during|of)\s+(?:the\s+)?", re.I)
STAGE_LABEL_BEFORE = re.compile(r"[:：]?\s*(?:took|used|needed|required|consumed|of|was|were|=)?\s*(?:about|roughly|"
                                r"around|~)?\s*", re.I)




def figure_stage(sent: Span, start: int, end: int) -> str:
    """The stage of training a figure at [start, end) (document offsets) is of. A sentence naming one stage sets
    it for all its figures; one naming several ("2.788M GPU hours: 2.664M for pre-training, 119K for context
    extension and 5K for post-training") gives each figure the stage named right after it ("for ...", "spent ...")
    or as its label right before it ("pre-training: 14.8T"); a figure with neither is the whole run's."""
    text, offset = span_text(sent), sent.start_char
    found = [(stage, m) for stage, cue in _STAGES for m in cue.finditer(text)]
    named = {stage for stage, _ in found}
    if len(named - POST_TRAINING_STAGES) + bool(named & POST_TRAINING_STAGES) < 2:
        return sentence_stage(sent)  # (one stage, or only stages after pre-training: "SFT on 2B tokens, then DPO")
    for stage, m in found:
        if m.start() >= end - offset and STAGE_AFTER.fullmatch(text, end - offset, m.start()):
            return stage
    for stage, m in found:
        if m.end() <= start - offset and STAGE_LABEL_BEFORE.fullmatch(text, m.end(), start - offset):
            return stage
    return ""


def parameter_size(token: Token) -> bool:
    """A figure written as a model's size in parameters ("1B", "350M"), not a token total sized in trillions ("9T")."""
    return token._.is_size and token.text.rstrip(".,;:")[-1:].upper() in ("B", "M")


def nearest_chip(token: Token) -> str:
    """The chip named closest to `token` in its sentence, if any."""
    chips = [t for t in token.sent if t._.chip]
    if not chips:
        return ""
    return min(chips, key=lambda t: abs(t.i - token.i))._.chip


def words_before(token: Token, n: int) -> list[str]:
    start = max(token.sent.start, token.i - n)
    return [t.lower_ for t in token.doc[start:token.i] if not t.is_space]


def word_after(span_end: int, doc) -> str:
    for t in doc[span_end:span_end + 3]:
        if not t.is_space:
            return t.lower_
    return ""


# the words after which a clause goes on to another model's figure: "..., while the 8B needed 21 days on 512",
# "..., except the 1B, which we stopped at 4T", "...; the 13B on 3T"
# (or a clause of its own: "..., which we stopped at 4T once its loss flattened")
ELLIPSIS_ENDS = {"and", "while", "but", "whereas", "for", "respectively", "once", "when", "because", "since", "as"}


# a comparison before the bare figure: "4T tokens, compared to 1.4T for our earlier model" is another model's
COMPARED_BEFORE = re.compile(r"\b(?:compared|comparison|versus|vs\.?|than|relative)\b", re.I)


def ends_elided_figure(qty_token: Token) -> bool:
    """Whether a bare figure ends its clause, as a figure whose unit the sentence wrote once, earlier, does ("on 256
    GPUs, while the 8B needed 21 days on 512"): the next word is a stop or a word that opens another clause, and no
    comparison comes before it."""
    after = qty_token.doc[qty_token.i + 1:qty_token.sent.end]
    first = next((t for t in after if not t.is_space), None)
    if COMPARED_BEFORE.search(doc_text(qty_token.doc)[qty_token.sent.start_char:qty_token.idx]):
        return False
    return first is None or (first.is_punct and first.text not in ("-", "/", "%")) or first.lower_ in ELLIPSIS_ENDS
