"""`floptrail fetch hf` against a real HTTP server on 127.0.0.1 that answers as the Hugging Face Hub does
(its model API's JSON, an author's listing, README files under /resolve/), reached through the library's
endpoint setting. The cards are ours, stating public facts about Llama 3.1 8B and made-up derived repos."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from floptrail.corpus.fetch import Fetcher
from floptrail.corpus.hub import card_metadata, lineage_of
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from invoke import floptrail

from floptrail.export import estimates_table
from floptrail.fetching import Fetching
from floptrail.run import analyse_workspace, extractor_version
from floptrail.workspace import Workspace

BASE_CARD = """---
license: llama3.1
language:
- en
pipeline_tag: text-generation
co2_eq_emissions:
  emissions: 420000000
  source: the developer's model card
  training_type: pre-training
model-index:
- name: Llama-3.1-8B
  results:
  - task:
      type: text-generation
    dataset:
      name: MMLU (5-Shot)
      type: cais/mmlu
    metrics:
    - type: acc
      value: 66.7
  - task:
      type: text-generation
    dataset:
      name: Winogrande (5-shot)
      type: winogrande
    metrics:
    - type: acc
      value: 77.3
---
# Llama 3.1 8B

Llama 3.1 8B is a dense language model with 8 billion parameters, pretrained on about 15 trillion tokens.
"""
QUANTIZED_CARD = """---
base_model: meta-llama/Llama-3.1-8B
base_model_relation: quantized
license: llama3.1
model-index:
- name: Compact-8B
  results:
  - task:
      type: text-generation
    dataset:
      name: MMLU
      type: cais/mmlu
    metrics:
    - type: acc
      value: 65.8
---
# Compact-8B

Compact-8B holds the weights of Llama 3.1 8B in four bits, made with GPTQ on one GPU.
"""
FINETUNE_CARD = """---
base_model: meta-llama/Llama-3.1-8B
license: apache-2.0
model-index:
- name: Storyteller-8B
  results:
  - task:
      type: text-generation
    dataset:
      name: MMLU (5-Shot)
      type: cais/mmlu
    metrics:
    - type: acc
      value: 63.9
---
# Storyteller-8B

Storyteller-8B is a model for writing fiction.
"""
MERGE_CARD = """---
base_model:
- meta-llama/Llama-3.1-8B
- storylab/Storyteller-8B
tags:
- mergekit
---
# Blend-8B

Blend-8B averages the weights of two models.
"""
REPOS = {  # repo id -> (sha, tags, card)
    "meta-llama/Llama-3.1-8B": ("d04e592bb4f6aa9cfee91e2e20afa771667e1d4b", ["transformers", "llama"], BASE_CARD),
    "quantco/Compact-8B": ("a1" * 20, ["gptq", "4-bit", "base_model:quantized:meta-llama/Llama-3.1-8B"],
                           QUANTIZED_CARD),
    "storylab/Storyteller-8B": ("b2" * 20, ["base_model:finetune:meta-llama/Llama-3.1-8B"], FINETUNE_CARD),
    "mergers/Blend-8B": ("c3" * 20, ["mergekit", "base_model:merge:meta-llama/Llama-3.1-8B"], MERGE_CARD),
}


class Hub:
    base = ""
    asked: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body: bytes, ctype: str, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Hub.asked.append(self.path)
        parts = urlsplit(self.path)
        if parts.path == "/api/models":  # an author's listing, as the Hub's search API answers it
            author = parse_qs(parts.query).get("author", [""])[0]
            listing = [{"_id": str(i), "id": repo, "modelId": repo, "likes": 1, "downloads": 10 - i, "private": False,
                        "tags": REPOS[repo][1], "createdAt": "2024-07-23T00:00:00.000Z"}
                       for i, repo in enumerate(REPOS) if repo.startswith(f"{author}/")]
            return self.send(200, json.dumps(listing).encode(), "application/json")
        if parts.path.startswith("/api/models/"):
            repo = parts.path.removeprefix("/api/models/")
            if repo not in REPOS:
                return self.send(404, b'{"error":"Repository not found"}', "application/json",
                                 [("X-Error-Code", "RepoNotFound"), ("X-Error-Message", "Repository not found")])
            sha, tags, _ = REPOS[repo]
            info = {"_id": "x", "id": repo, "modelId": repo, "author": repo.split("/")[0], "sha": sha,
                    "lastModified": "2024-09-25T00:00:00.000Z", "private": False, "disabled": False, "gated": False,
                    "downloads": 10, "likes": 1, "tags": tags, "pipeline_tag": "text-generation",
                    "library_name": "transformers", "createdAt": "2024-07-23T00:00:00.000Z",
                    "siblings": [{"rfilename": ".gitattributes"}, {"rfilename": "README.md"},
                                 {"rfilename": "config.json"}]}
            return self.send(200, json.dumps(info).encode(), "application/json")
        for repo, (sha, _, card) in REPOS.items():
            if parts.path == f"/{repo}/resolve/{sha}/README.md":
                return self.send(200, card.encode(), "text/plain; charset=utf-8", [("X-Repo-Commit", sha)])
        self.send(404, b"Entry not found", "text/plain")


@pytest.fixture(scope="module")
def hub():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Hub.base = f"http://127.0.0.1:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Hub
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_extract_config())


def fetching(ws, extractor, allow_private=True, offline=False):
    return Fetching(ws, extractor, extractor_version(None), Fetcher(timeout=5, host_delay=0,
                                                                    allow_private=allow_private), offline=offline)


def test_the_relation_comes_from_the_card_then_the_hubs_tags_then_the_repo(hub):
    assert card_metadata(QUANTIZED_CARD) == {"license": "llama3.1", "base_model": ["meta-llama/Llama-3.1-8B"],
                                             "base_model_relation": "quantized"}
    assert lineage_of("org/base", None, ("base_model:adapter:org/base",)).relation == "adapter"
    assert lineage_of(["org/a", "org/b"], None).relation == "merge"
    assert lineage_of("org/base", None, ("gguf",)).relation == "quantized"
    assert lineage_of("org/base", None, ("peft", "lora")).relation == "adapter"
    assert lineage_of("org/base", "").relation == "finetune"
    assert lineage_of(None, None, ("base_model:finetune:org/base",)).bases == ("org/base",)
    assert lineage_of(None, None, ("llama",)).bases == ()


def test_cards_are_kept_with_their_metadata_and_scores(hub, tmp_path, extractor):
    with Workspace(tmp_path / "ws") as ws:
        report = fetching(ws, extractor).hf(["meta-llama/Llama-3.1-8B", "nobody/missing", "not-a-repo"],
                                            author="quantco", endpoint=hub.base)
        assert sorted(report.fetched.values()) == ["hf:meta-llama/Llama-3.1-8B", "hf:quantco/Compact-8B"]
        assert report.failures == [("hf:not-a-repo", "not a repository id: give ORG/NAME"),
                                   ("hf:nobody/missing", "no such model repository on the Hub (or it is private)")]
        sha = REPOS["quantco/Compact-8B"][0]
        fetched = ws.fetched("hf:quantco/Compact-8B")  # the same provenance row as every fetched document
        assert (fetched["url"], fetched["status"]) == (f"{hub.base}/quantco/Compact-8B/resolve/{sha}/README.md", "ok")
        row = ws.document_row(fetched["doc_id"])
        assert (row["kind"], row["title"]) == ("markdown", "quantco/Compact-8B")
        meta = row["metadata"]
        assert (meta["hf_repo"], meta["hf_sha"], meta["base_model"], meta["base_model_relation"], meta["license"]) == (
            "quantco/Compact-8B", sha, ["meta-llama/Llama-3.1-8B"], "quantized", "llama3.1")
        base_id = ws.fetched("hf:meta-llama/Llama-3.1-8B")["doc_id"]
        text = ws.text_of(base_id)
        facts = ws.facts_for([base_id])
        scores = [(f.unit, f.value, f.model, text[f.start:f.end], f.rule) for f in facts if f.kind == "benchmark"]
        assert scores == [("MMLU", pytest.approx(0.667), "Llama-3.1-8B", "66.7", "model_index")]  # Winogrande: unknown
        emissions = [(f.value, f.stage, f.rule) for f in facts if f.kind == "emissions_tco2e"]  # read by extraction
        assert emissions == [(pytest.approx(420.0), "pretraining", "front_matter_co2_eq_emissions")]
        again = fetching(ws, extractor, offline=True).hf(["quantco/Compact-8B"], endpoint=hub.base)
        assert again.unchanged == ["hf:quantco/Compact-8B"] and again.failures == []


def test_derived_repositories_collapse_into_their_base(hub, tmp_path, extractor):
    ws = tmp_path / "ws"
    with Workspace(ws) as workspace:
        report = fetching(workspace, extractor).hf(list(REPOS), endpoint=hub.base)
        assert report.failures == [] and len(report.fetched) == 4
    result = analyse_workspace(ws, use_curated=False)
    # one model under the spelling most of its facts use
    scores = {(f.model_mention, f.model, round(f.value, 4)) for f in result.facts if f.rule == "model_index"}
    assert scores == {("Llama-3.1-8B", "Llama-3.1-8B", 0.667),
                      ("Compact-8B", "Llama-3.1-8B", 0.658),  # a quantized repo's score is its base's
                      ("Storyteller-8B", "Storyteller-8B", 0.639)}
    llama = next(e for e in result.estimates if e.model == "Llama-3.1-8B")
    benchmark = next(m for m in llama.methods if m.method == "benchmark")  # the cards' scores feed the method
    assert benchmark.evidence and set(benchmark.evidence) <= {
        f.fact_id for f in result.facts if f.rule == "model_index" and f.model == "Llama-3.1-8B"}
    table = estimates_table(result).set_index("model")
    assert "Llama-3.1-8B" in table.index and table.loc["Llama-3.1-8B", "variant_of"] in ("", None)
    base = table.loc["Llama-3.1-8B", "training_flop"]
    assert table.loc["Storyteller-8B", "variant_of"] == "Llama-3.1-8B"  # a fine-tune: its own row, the base's compute
    assert table.loc["Storyteller-8B", "training_flop"] == base
    assert not any("Compact" in m or "Blend" in m for m in table.index)  # quantized and merged: the base itself


def test_a_private_hub_address_is_refused_unless_allowed(hub, tmp_path, extractor):
    with Workspace(tmp_path / "ws") as ws:
        report = fetching(ws, extractor, allow_private=False).hf(["quantco/Compact-8B"], endpoint=hub.base)
    assert report.failures == [("hf:quantco/Compact-8B", "refused: 127.0.0.1 is a loopback address (allow with "
                                                         "--allow-private)")]
    assert not any(p.startswith("/api/models/quantco") for p in hub.asked[-1:])


@pytest.mark.slow
def test_fetch_hf_command(hub, tmp_path):
    ws = tmp_path / "ws"
    proc = floptrail("fetch", "hf", "storylab/Storyteller-8B", "--author", "meta-llama", "--endpoint", hub.base,
                     "--workspace", ws, "--host-delay", "0", "--allow-private")
    assert proc.returncode == 0, proc.stderr
    assert "2 fetched, 0 already in the workspace, 0 failed" in proc.stdout
    listing = floptrail("corpus", "list", "--workspace", ws).stdout
    assert "hf:storylab/Storyteller-8B" in listing and "hf:meta-llama/Llama-3.1-8B" in listing
    assert floptrail("fetch", "hf", "--workspace", ws).returncode == 2
