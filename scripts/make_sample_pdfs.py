"""Build the sample corpus PDFs and the gate set's report PDF from the text below (our own words,
publicly reported figures). The report has what real papers have: two columns, a ruled table, references.

Run: python scripts/make_sample_pdfs.py   (needs fpdf2, from the `test` extra)
"""

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
GATE = ROOT / "annotations" / "gold" / "docs"

REPORT_TITLE = "The Falcon models: a short technical report"
REPORT_COLUMNS = (
    [
        "The Technology Innovation Institute trained the Falcon family of causal decoder models and released "
        "them in 2023 under a permissive licence.",
        "Falcon-40B has 40 billion parameters. It was trained on 1,000B tokens of RefinedWeb, a filtered and "
        "deduplicated web corpus, mixed with curated sources.",
    ],
    [
        "Falcon-40B was trained on 384 A100 40GB GPUs over two months, using a 3D parallelism strategy.",
        "The smaller Falcon-7B was trained on 1.5 trillion tokens, also on 384 A100 40GB GPUs, for roughly "
        "two weeks.",
        "For inference, Falcon-40B needs about 90GB of GPU memory.",
    ],
)
REPORT_TABLE = (
    "Table 1: Falcon models next to GPT-3.",
    ["", "Falcon-7B", "Falcon-40B", "GPT-3"],
    [["# Params", "7B", "40B", "175B"], ["Training tokens", "1.5T", "1T", "300B"], ["Layers", "32", "60", "96"]],
)
REPORT_REFERENCES = [
    "Brown, T. et al. 2020. Language models are few-shot learners. NeurIPS.",
    "Dehghani, M. et al. 2023. Scaling vision transformers to 22 billion parameters. ICML.",
]

# the date each report came out: PDFs carry it as their creation date, which floptrail reads as the document's date
DATES = {"llama31_405b.pdf": datetime(2024, 7, 23, tzinfo=UTC), "deepseek_v3.pdf": datetime(2024, 12, 27, tzinfo=UTC),
         "palm_540b.pdf": datetime(2022, 4, 5, tzinfo=UTC), "falcon_report.pdf": datetime(2023, 11, 28, tzinfo=UTC)}

PDFS = {
    "llama31_405b.pdf": ("Llama 3.1 405B: notes on the training run", [
        [
            "Llama 3.1 405B is the largest model of Meta's Llama 3.1 release from July 2024. It is a dense "
            "transformer with 405 billion parameters and a context window of 128K tokens.",
            "Meta pre-trained the model on about 15.6T tokens of multilingual text and code. The flagship run "
            "used up to 16,384 NVIDIA H100 GPUs, and the total pre-training compute came to roughly "
            "3.8 x 10^25 FLOPs.",
            "The 405B model alone accounted for 30.84M H100 GPU hours. The Llama 3.1 family as a whole used "
            "39.3M GPU hours.",
        ],
        [
            "Related work. For comparison, GPT-3 needed 3.14e23 FLOPs for its full training run, about a "
            "hundred times less.",
            "After pre-training, the model went through several rounds of supervised fine-tuning and direct "
            "preference optimisation.",
            "At serving time, an FP8 version of the model fits on a single node of 8 H100 GPUs.",
        ],
    ]),
    "deepseek_v3.pdf": ("DeepSeek-V3: a technical summary", [
        [
            "DeepSeek-V3 is a Mixture-of-Experts language model with 671B total parameters, of which 37B are "
            "activated for each token.",
            "We pre-train DeepSeek-V3 on 14.8 trillion diverse tokens. Training ran on a cluster of 2048 NVIDIA "
            "H800 GPUs.",
            "The complete training of DeepSeek-V3 took 2.788M H800 GPU hours, including context extension and "
            "post-training. Assuming a rental price of $2 per GPU hour, the total training cost is "
            "$5.576 million.",
        ],
        [
            "For deployment, the prefilling stage runs on units of 32 GPUs and the decoding stage on units of "
            "320 GPUs.",
        ],
    ]),
    "palm_540b.pdf": ("PaLM 540B: scaling with Pathways", [
        [
            "PaLM 540B is a dense decoder-only transformer with 540 billion parameters, trained by Google with "
            "the Pathways system.",
            "The model was trained on 780 billion tokens of web pages, books, Wikipedia, news, code and "
            "conversations.",
            "Training used 6144 TPU v4 chips spread across two pods.",
        ],
    ]),
}


def write_pdf(path: Path, title: str, pages: list[list[str]]) -> None:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_creation_date(DATES[path.name])  # fixed, so rebuilt PDFs are byte-identical
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, title if paragraphs is pages[0] else "", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))


def write_report_pdf(path: Path) -> None:
    """Page 1 in two columns; page 2 a table ruled above, below and under its header, then references."""
    pdf = FPDF()
    pdf.set_title(REPORT_TITLE)
    pdf.set_creation_date(DATES[path.name])
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, REPORT_TITLE, new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    pdf.set_font("Helvetica", size=10)
    for x, paragraphs in zip((10, 110), REPORT_COLUMNS, strict=True):
        pdf.set_xy(x, top)
        for paragraph in paragraphs:
            pdf.set_x(x)
            pdf.multi_cell(90, 5, paragraph, new_x="LEFT", new_y="NEXT")
            pdf.ln(3)
    pdf.add_page()
    caption, header, rows = REPORT_TABLE
    pdf.multi_cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    widths = (50, 40, 40, 40)
    pdf.line(10, pdf.get_y(), 180, pdf.get_y())
    for i, row in enumerate([header, *rows]):
        for width, text in zip(widths, row, strict=True):
            pdf.cell(width, 7, text)
        pdf.ln(7)
        if i == 0:
            pdf.line(10, pdf.get_y(), 180, pdf.get_y())
    pdf.line(10, pdf.get_y(), 180, pdf.get_y())
    pdf.ln(8)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, "References", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for reference in REPORT_REFERENCES:
        pdf.multi_cell(0, 5, reference, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


if __name__ == "__main__":
    for name, (title, pages) in PDFS.items():
        write_pdf(SAMPLE / name, title, pages)
        print("wrote", SAMPLE / name)
    write_report_pdf(GATE / "falcon_report.pdf")
    print("wrote", GATE / "falcon_report.pdf")
