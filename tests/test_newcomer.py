"""A new user's first hour, through the commands they type, on the demo's own output: every export format,
the HTML report as evidence, the review pages, the review files' round trip, progress and the corpus list."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from floptrail.extract.records import Fact
from invoke import floptrail

from floptrail.export import read_table
from floptrail.report import DocumentLink, report
from floptrail.review_pages import review_page


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`floptrail demo` run in a fresh working folder, as the README says."""
    home = tmp_path_factory.mktemp("newcomer")
    proc = floptrail("demo", cwd=home)
    assert proc.returncode == 0, proc.stderr
    return home, proc


class Page(HTMLParser):
    """Every element's attributes, the ids on the page, and the text inside elements with an id."""

    def __init__(self, text: str):
        super().__init__()
        self.elements, self.ids, self.scripts, self.text_of, self._open = [], set(), 0, {}, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self.scripts += tag == "script"
        if "id" in attrs:
            self.ids.add(attrs["id"])
            self.text_of[attrs["id"]] = ""
        self._open.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for element_id in self._open:
            if element_id:
                self.text_of[element_id] += data

    def links(self):
        return [a["href"] for tag, a in self.elements if tag == "a" and "href" in a]


def test_demo_names_each_file_it_wrote_and_reads_sources_beside_them(demo):
    home, proc = demo
    assert re.search(r"Wrote floptrail-out/estimates.csv \(22 models with an estimate\), floptrail-out/facts.csv "
                     r"\(\d+ facts\), floptrail-out/models.csv \(26 models, variants and families, with their names\), "
                     r"floptrail-out/methods.csv .*floptrail-out/documents.csv .*floptrail-out/rejected.csv",
                     " ".join(proc.stdout.split()))
    facts = pd.read_csv(home / "floptrail-out" / "facts.csv")
    assert set(facts["source"]) <= {f"floptrail-out/sample/{p.name}" for p in (home / "floptrail-out" / "sample")
                                    .iterdir()}
    assert len(set(facts["source"])) == 12


@pytest.mark.slow
@pytest.mark.parametrize("table", ["estimates", "facts", "models", "methods", "documents"])
def test_every_export_format_of_every_table_from_the_demo(demo, table):
    home, _ = demo
    frames = {}
    for suffix in ("csv", "parquet", "json", "html"):
        proc = floptrail("export", "--table", table, "--out", f"out/{table}.{suffix}", cwd=home)
        assert proc.returncode == 0, proc.stderr
        assert f"Wrote out/{table}.{suffix}" in proc.stdout
        if suffix != "html":
            frames[suffix] = read_table(home / "out" / f"{table}.{suffix}")
    assert len(frames["csv"]) == len(frames["parquet"]) == len(frames["json"]) > 0


@pytest.mark.slow
def test_parquet_and_json_hold_numbers_as_numbers_and_missing_as_null(demo):
    home, _ = demo
    for suffix in ("parquet", "json"):
        assert floptrail("export", "--out", f"typed.{suffix}", cwd=home).returncode == 0
    parquet = pq.read_table(home / "typed.parquet")
    assert parquet.schema.field("training_flop").type == pa.float64()
    assert parquet.schema.field("class_1e25").type == pa.string()
    rows = {r["model"]: r for r in parquet.to_pylist()}
    assert rows["Llama 3.1 405B"]["training_flop"] == pytest.approx(3.8e25)
    assert rows["BLOOM-176B"]["variant_of"] is None  # an empty text cell is null, not ""
    rows = {r["model"]: r for r in json.loads((home / "typed.json").read_text(encoding="utf-8"))}
    assert rows["Llama 3.1 405B"]["training_flop"] == pytest.approx(3.8e25)
    assert rows["BLOOM-176B"]["variant_of"] is None


@pytest.mark.slow
def test_the_report_links_each_estimate_to_its_facts_and_each_document_to_its_source(demo):
    home, _ = demo
    assert floptrail("export", "--out", "out/report.html", cwd=home).returncode == 0
    html = (home / "out" / "report.html").read_text(encoding="utf-8")
    page = Page(html)
    facts = pd.read_csv(home / "floptrail-out" / "facts.csv")
    fact_links = [h for h in page.links() if h.startswith("#fact-")]
    assert fact_links and all(unquote(h[1:]) in page.ids for h in fact_links)
    llama = next(t for i, t in page.text_of.items() if i == "fact-" + facts[
        (facts["model"] == "Llama 3.1 405B") & (facts["kind"] == "tokens")]["fact_id"].iloc[0])
    assert "15.6T tokens" in llama and "about 15.6T tokens" in llama and "unreviewed" in llama  # value, quote, status
    for expected in ("3.8e25 FLOP", "15.6T tokens", "30.8M GPU-hours", "2.92e25-4.94e25"):
        assert expected in html
    documents = [h for h in page.links() if not h.startswith(("#", "http", "index"))]
    assert len(set(documents)) == 12
    assert all((home / "out" / unquote(h)).resolve().is_file() for h in documents)  # relative links that work
    assert "/tmp" not in html.split("<figure>")[0] + html.split("</figure>")[1]  # no absolute paths shown


@pytest.mark.slow
def test_the_report_plots_every_model_with_a_date_whatever_its_form(demo):
    home, _ = demo
    assert floptrail("export", "--out", "plot.html", cwd=home).returncode == 0
    html = (home / "plot.html").read_text(encoding="utf-8")
    estimates = pd.read_csv(home / "floptrail-out" / "estimates.csv", dtype=str, keep_default_na=False)
    dated = estimates[(estimates["publication_date"] != "") & (estimates["training_flop"] != "")
                      & (estimates["variant_of"] == "")]
    assert "2023-07" in set(dated["publication_date"])  # a month-only date, which used to crash the plot
    caption = re.search(r"<figcaption>(\d+) models with a date and an estimate", html)
    assert caption and int(caption.group(1)) == len(dated)


def test_review_export_writes_where_the_readme_says_and_import_takes_it_back(demo, tmp_path):
    home, _ = demo
    proc = floptrail("review", "export", cwd=home)
    assert proc.returncode == 0 and "floptrail-out/annotations/" in proc.stdout
    files = sorted((home / "floptrail-out" / "annotations").glob("*.jsonl"))
    assert len(files) == 12
    lines = [json.loads(line) for line in files[0].read_text(encoding="utf-8").splitlines()]
    lines[1]["answer"] = "accept"
    files[0].write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    proc = floptrail("review", "import", "--reviewer", "newcomer", cwd=home)
    assert proc.returncode == 0, proc.stderr
    assert f"{files[0].relative_to(home)}: 1 decisions" in proc.stdout
    assert floptrail("review", "import", "--from", tmp_path / "none", cwd=home).returncode == 2


def test_review_pages_format_numbers_mark_cited_facts_pages_and_tables(demo):
    home, _ = demo
    proc = floptrail("review", "html", cwd=home)
    assert proc.returncode == 0 and "floptrail-out/review/index.html" in proc.stdout
    review = home / "floptrail-out" / "review"
    llama = (review / next(p.name for p in review.glob("llama2_card.*.html"))).read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]+>", "", llama)
    assert "184K GPU-hours" in shown and "184320" not in shown  # numbers for people
    assert "<table><tr><th>Model</th><th>Training Time (GPU hours)</th>" in llama  # the card's table, rendered
    assert "| Llama 2 7B |" not in shown  # no raw pipes on the page
    assert re.search(r"Models this document reports:</b> <span title=\"[^\"]+\">Llama 2</span> \(\d+ facts\)",
                     llama)  # the document's inventory, each model with the spans that show it
    chinchilla = next(review.glob("chinchilla.*.html")).read_text(encoding="utf-8")
    assert '<mark class="machine cited"' in chinchilla and '<mark class="machine own"' in chinchilla
    deepseek = next(review.glob("deepseek_v3.*.html")).read_text(encoding="utf-8")
    assert re.findall(r'<div class="pagebreak" id="page-(\d+)">', deepseek) == ["1", "2"]
    index = Page((review / "index.html").read_text(encoding="utf-8"))
    assert len([h for h in index.links() if h.endswith(".html")]) == 12


@pytest.mark.slow
def test_hostile_text_and_names_are_escaped_everywhere(tmp_path):
    docs = tmp_path / 'odd "name" <b>'
    docs.mkdir()
    (docs / 'x" onmouseover="alert(5).txt').write_text(
        'Evil-7B <script>alert(1)</script> was trained on 2T tokens " onmouseover="alert(2)".\n', encoding="utf-8")
    assert floptrail("run", docs, "--out", "out", cwd=tmp_path).returncode == 0
    assert floptrail("export", "--out", "r.html", cwd=tmp_path).returncode == 0
    assert floptrail("review", "html", cwd=tmp_path).returncode == 0
    pages = [tmp_path / "r.html", *(tmp_path / "floptrail-out" / "review").glob("*.html")]
    assert len(pages) == 3
    for path in pages:
        page = Page(path.read_text(encoding="utf-8"))
        assert page.scripts == 1  # ours only
        assert not [(tag, a) for tag, a in page.elements if any(k.startswith("on") for k in a)]


def test_a_hostile_fact_id_stays_inside_its_attribute():
    hostile = 'x" onmouseover="alert(5)'
    fact = Fact(hostile, "d1", "a.txt", "tokens", 2e12, "tokens", 'M"<i>', "M", "", None, 0, 2, '2T <b>"',
                "r", status="accepted")
    html = review_page("a.txt", "a.txt", {}, "2T tokens", [fact], [])
    frame = pd.DataFrame([{"fact_id": hostile, "doc": "a", "source": "a.txt", "kind": "tokens", "value": 2e12,
                           "low": None, "high": None, "unit": "tokens", "model": 'M"<i>', "model_mention": "M",
                           "hardware": "", "page": None, "start": 0, "end": 2, "quote": '2T <b>"', "rule": "r",
                           "qualifier": "", "stage": "", "role": "subject", "status": "accepted", "reviewer": "",
                           "reviewed_at": ""}])
    estimates = pd.DataFrame([{"model": 'M"<i>', "variant_of": "", "organization": "", "publication_date": "2024",
                               "training_flop": 1e23, "flop_low": 5e22, "flop_high": 2e23, "method": "arithmetic",
                               "confidence": "high", "threshold_class": "below", "class_1e25": "below",
                               "class_1e26": "below", "disagreement": "", "training_energy_mwh": None,
                               "evidence": hostile, "sources": "a.txt", "reasoning": "<img src=x>"}])
    report_html = report(estimates, [1e25, 1e26], frame, [DocumentLink("d1", "a.txt", "a.txt")])
    for text in (html, report_html):
        page = Page(text)
        assert not [a for _, a in page.elements if "onmouseover" in a]
        assert f"fact-{hostile}" in page.ids
        assert not [tag for tag, _ in page.elements if tag in ("i", "img")]  # tags in names stay text


@pytest.mark.slow
def test_progress_is_a_line_per_tenth_in_a_log_and_per_document_with_verbose(demo, tmp_path):
    home, _ = demo
    sample = home / "floptrail-out" / "sample"
    quiet = floptrail("run", sample, "--workspace", tmp_path / "ws", "--out", tmp_path / "o")
    lines = [line for line in quiet.stderr.splitlines() if line.startswith("Reading documents")]
    assert lines[-1] == "Reading documents 12/12 (100%)" and 1 < len(lines) <= 10
    loud = floptrail("run", sample, "--workspace", tmp_path / "ws", "--out", tmp_path / "o", "--verbose")
    lines = [line for line in loud.stderr.splitlines() if line.startswith("Reading documents")]
    assert len(lines) == 12 and lines[0].endswith("bloom_run.txt")
    assert f"Wrote {tmp_path / 'o' / 'estimates.csv'}" in loud.stdout


@pytest.mark.slow
def test_a_file_read_by_absolute_and_relative_path_is_one_source(demo, tmp_path):
    home, _ = demo
    sample = home / "floptrail-out" / "sample"
    ws = tmp_path / "ws"
    assert floptrail("run", "floptrail-out/sample/gpt3_notes.txt", "--workspace", ws, "--out", tmp_path / "a",
                     cwd=home).returncode == 0
    assert floptrail("run", sample / "gpt3_notes.txt", "--workspace", ws, "--out", tmp_path / "b",
                     cwd=home).returncode == 0
    listing = floptrail("corpus", "list", "--workspace", ws, cwd=home).stdout
    assert "1 sources in" in listing and listing.count("gpt3_notes.txt") == 1
    assert "floptrail-out/sample/gpt3_notes.txt" in listing  # the whole path, file name included


@pytest.mark.slow
def test_forecast_from_the_demo_says_what_its_counts_rest_on(demo, recwarn):
    home, _ = demo
    proc = floptrail("forecast", "--from", "floptrail-out/estimates.csv", "--runs", "20", "--out", "fc", cwd=home)
    assert proc.returncode == 0, proc.stderr
    assert "fitted allocation gradient k by year: \n" not in proc.stdout
    assert "no year in 2017-2023 has 5 models with a date and compute in estimates.csv" in proc.stdout
    assert "The projection starts from the scenario's 2024" in proc.stdout
    assert not [w for w in recwarn if "legend" in str(w.message)]
    counts = pd.read_csv(home / "fc" / "counts.csv", dtype={"threshold": str}).set_index(["threshold", "year"])
    assert counts.at[("1e25", 2024), "observed"] == 1  # Llama 3.1 405B (Nemotron-4 340B has no date), as the table says


@pytest.mark.parametrize("command", [["forecast", "--from-epoch"], ["validate", "--against"]])
def test_a_missing_published_table_says_where_to_get_it(demo, command):
    home, _ = demo
    proc = floptrail(*command, "epoch_notable_ai_models.csv", cwd=home)
    assert proc.returncode == 2
    assert "no such file" in proc.stderr and "https://epoch.ai/data/notable-ai-models" in proc.stderr


def test_plot_labels_never_overlap_even_for_models_of_one_date():
    import matplotlib

    matplotlib.use("Agg")
    from datetime import date

    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    from floptrail.report import place_labels

    fig, ax = plt.subplots(figsize=(14, 5.2))
    points = [(date(2023, 7, 15), 10 ** (22 + i * 0.15)) for i in range(8)]  # eight sizes released together
    points += [(date(2023, 9, 1 + i), 3e23) for i in range(4)]  # and four models a day apart
    ax.plot([p[0] for p in points], [p[1] for p in points], "o")
    ax.set_yscale("log")
    ax.margins(x=0.3, y=0.3)
    place_labels(fig, ax, points, [f"Model-{i} {7 * (i + 1)}B" for i in range(len(points))])
    renderer = fig.canvas.get_renderer()
    for label in ax.texts:
        label.update_positions(renderer)
    boxes = [Text.get_window_extent(t, renderer) for t in ax.texts]  # the words, without leader lines
    plt.close(fig)
    assert len(boxes) == len(points)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
