"""Build the sample corpus PDFs from the text below (our own words, publicly reported figures).

Run: python scripts/make_sample_pdfs.py   (needs fpdf2, from the `test` extra)
"""

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "sample"

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
    pdf.set_creation_date(datetime(2025, 1, 15, tzinfo=UTC))  # fixed, so rebuilt PDFs are byte-identical
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, title if paragraphs is pages[0] else "", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))


if __name__ == "__main__":
    for name, (title, pages) in PDFS.items():
        write_pdf(SAMPLE / name, title, pages)
        print("wrote", SAMPLE / name)
