"""Models dated in any common form, and each date keeps where it came from: a sentence of the text, front
matter, an arXiv identifier, or the document's metadata."""

import pandas as pd
import pytest
from floptrail.corpus.dates import arxiv_date, front_matter_date, normal_date
from floptrail.corpus.document import Document
from floptrail.corpus.load import parse_document
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from invoke import floptrail


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_extract_config(None))


@pytest.mark.parametrize(("text", "model", "date"), [
    ("Meta released Llama 3.1 405B in July 2024.", "Llama 3.1 405B", "2024-07"),
    ("DeepSeek-V3 was published on December 26, 2024.", "DeepSeek-V3", "2024-12-26"),
    ("Foo-7B was released on 26 March 2024.", "Foo-7B", "2024-03-26"),
    ("Foo-7B came out in Sept. 2023.", "Foo-7B", "2023-09"),
    ("Grok-1 was released on 2024-03-17 by xAI.", "Grok-1", "2024-03-17"),
    ("xAI released Grok-1 with open weights in March 2024.", "Grok-1", "2024-03"),
    ("Bar-13B was released in 2023 under an open license.", "Bar-13B", "2023"),
    ("OpenAI described GPT-3 in a 2020 paper on few-shot learning.", "GPT-3 175B", "2020"),
])
def test_release_dates_in_the_forms_people_write(extractor, text, model, date):
    facts = [f for f in extractor.extract(Document("d", "d.txt", "text", text)) if f.kind == "release_date"]
    assert [(f.model, f.unit) for f in facts] == [(model, date)]


@pytest.mark.parametrize("text", [
    "Baz-2B, which we may release in May 2025, was trained on 1T tokens.",  # a plan, and "may" the verb
    "Qux-1B was trained in March 2024 on 2T tokens.",  # when it trained, not when it came out
    "Foo-7B was released on 31 February 2024.",  # no such day
])
def test_no_release_date(extractor, text):
    assert [f for f in extractor.extract(Document("d", "d.txt", "text", text)) if f.kind == "release_date"] == []


@pytest.mark.parametrize(("written", "iso"), [
    ("2024-03-17", "2024-03-17"), ("2024/03/17", "2024-03-17"), ("2024-03", "2024-03"), ("2024", "2024"),
    ("March 17, 2024", "2024-03-17"), ("17 March 2024", "2024-03-17"), ("Mar 2024", "2024-03"),
    ("2024-03-17T10:00:00Z", "2024-03-17"), ("soon", ""), ("2024-13", ""),
])
def test_written_dates_become_iso(written, iso):
    assert normal_date(written) == iso


def test_a_document_is_dated_by_front_matter_then_arxiv_id_then_metadata():
    assert front_matter_date("---\ntitle: x\nrelease_date: 'March 2024'\n---\n") == ("2024-03",
                                                                                     "front matter (release_date)")
    assert arxiv_date("2407.21783v2.pdf") == ("2024-07", "arXiv identifier 2407.21783 (name)")
    assert arxiv_date("paper.pdf", "Some title\narXiv:2412.19437v1 [cs.CL] 27 Dec 2024") == (
        "2024-12", "arXiv identifier 2412.19437 (first page)")
    assert arxiv_date("model-1.5.2024.md") == ("", "")  # a version number, not an identifier
    card = parse_document(b"---\nlicense: mit\ndate: 2023-11-02\n---\n# Foo-7B\n\nFoo-7B is small.\n", "card.md",
                          "markdown")
    assert (card.date, card.metadata["date_source"]) == ("2023-11-02", "front matter (date)")
    note = parse_document(b"Foo-7B notes.\n", "2310.06825.txt", "text")
    assert (note.date, note.metadata["date_source"]) == ("2023-10", "arXiv identifier 2310.06825 (name)")


@pytest.mark.slow
def test_estimates_say_where_each_date_came_from(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "foo.md").write_text("---\ndate: 2023-11-02\n---\n# Foo-7B\n\nFoo-7B was trained on 2T tokens.\n",
                                 encoding="utf-8")
    (docs / "bar.txt").write_text("Bar-13B was released in March 2024. Bar-13B was trained on 1T tokens.\n",
                                  encoding="utf-8")
    (docs / "2310.06825.txt").write_text("Baz-3B was trained on 3T tokens.\n", encoding="utf-8")
    assert floptrail("run", "docs", "--no-curated", "--out", "out", cwd=tmp_path).returncode == 0
    estimates = pd.read_csv(tmp_path / "out" / "estimates.csv", dtype=str, keep_default_na=False).set_index("model")
    assert estimates.loc["Foo-7B", ["publication_date", "date_source"]].tolist() == [
        "2023-11-02", "foo.md: front matter (date)"]
    assert estimates.loc["Bar-13B", ["publication_date", "date_source"]].tolist() == [
        "2024-03", 'bar.txt: "Bar-13B was released in March 2024."']
    assert estimates.loc["Baz-3B", ["publication_date", "date_source"]].tolist() == [
        "2023-10", "2310.06825.txt: arXiv identifier 2310.06825 (name)"]
