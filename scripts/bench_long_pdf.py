"""Time and peak memory of `floptrail run` on one long PDF, at several lengths, to show the pipeline stays
within its memory target (1 GB) and grows linearly with the page count.

    python scripts/bench_long_pdf.py                       # 500, 1000 and 2000 pages
    python scripts/bench_long_pdf.py --pages 2000 --pdfs /tmp/longbench     # keep the PDFs for the next time

The PDF is made here with fpdf2 (a test dependency): pages of our own prose about an invented model, a
small table every 25 pages (so the table reader runs on them too, as on a real report), and a few
training facts far apart. Each length runs in a fresh process; its peak resident memory is read from the
operating system (ru_maxrss of the child) and the facts it found are checked, so a fast wrong answer does
not pass for a result.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

TARGET_PEAK_MB = 1024
PROSE = ("This part of the report describes how the evaluation suite was assembled, which tasks it covers and "
         "how answers were graded by two annotators working apart. Section {page} lists the prompts used for "
         "the long-context probes and the filters applied to the web data before deduplication. Results are "
         "reported as the mean over three seeds with the spread between runs shown in brackets. ")
# (where in the document, as a share of its pages; the sentence): the facts the run must find, far apart
FACTS = [(0.0, "Longbench-9B is the model this report introduces. Longbench-9B was trained on 4 trillion tokens."),
         (0.5, "The pre-training run of Longbench-9B used 1,024 H100 GPUs for 30 days."),
         (1.0, "Longbench-9B has 9 billion parameters in total.")]


def make_pdf(pages: int, path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.set_title("Longbench-9B technical report")
    at = {max(1, round(pages * share)): text for share, text in FACTS}
    for page in range(1, pages + 1):
        pdf.add_page()
        body = at.get(page, "") + " " + PROSE.format(page=page) * 7
        pdf.multi_cell(0, 5, body.strip(), new_x="LMARGIN", new_y="NEXT")
        if page % 25 == 0:
            pdf.multi_cell(0, 5, f"Table {page // 25}: tokens seen per evaluation task.", new_x="LMARGIN",
                           new_y="NEXT")
            with pdf.table(col_widths=(60, 40, 40)) as table:
                for row in (("task", "tokens", "score"), ("retrieval", "12M", "71.2"), ("summary", "8M", "44.0")):
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
    pdf.output(str(path))


def measure(pdf: Path, work: Path, max_pages: int) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "floptrail", "run", str(pdf), "--workspace", str(work / "ws"),
                           "--out", str(work / "out"), "--no-curated", "--max-pages", str(max_pages)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds say more than the wall clock on a shared machine
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if proc.returncode != 0:
        raise SystemExit(f"floptrail run failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    with open(work / "out" / "facts.csv", encoding="utf-8", newline="") as f:
        facts = [(r["kind"], r["value"], r["page"]) for r in csv.DictReader(f) if r["model"] == "Longbench-9B"]
    # ru_maxrss of the children is the largest child so far: runs go shortest first, so it is this run's
    return {"seconds": seconds, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024, "facts": facts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--pdfs", type=Path, help="Folder to keep the made PDFs in and reuse them from (making "
                                                   "2,000 pages takes minutes).")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sorted(args.pages):
            pdf = (args.pdfs or Path(tmp)) / f"longbench-{pages}.pdf"
            if not pdf.exists():
                pdf.parent.mkdir(parents=True, exist_ok=True)
                made = time.perf_counter()
                make_pdf(pages, pdf)
                print(f"{pages} pages: PDF made in {time.perf_counter() - made:.0f} s", flush=True)
            work = Path(tmp) / f"run-{pages}"
            result = measure(pdf, work, max_pages=max(args.pages))
            rows.append((pages, result))
            print(f"{pages} pages: {result['seconds']:.1f} s ({result['cpu']:.1f} s CPU, "
                  f"{result['cpu'] / pages * 1000:.0f} ms CPU per page), "
                  f"peak {result['peak_mb']:.0f} MB; facts about Longbench-9B: {sorted(result['facts'])}", flush=True)
    longest = rows[-1][1]
    verdict = "within" if longest["peak_mb"] <= TARGET_PEAK_MB else "OVER"
    print(f"peak {longest['peak_mb']:.0f} MB at {rows[-1][0]} pages: {verdict} the {TARGET_PEAK_MB} MB target")
    if len(rows) > 1:
        (p0, r0), (p1, r1) = rows[0], rows[-1]
        print(f"CPU per page {r0['cpu'] / p0 * 1000:.0f} ms at {p0} pages, {r1['cpu'] / p1 * 1000:.0f} ms at {p1} "
              "pages (linear time keeps these equal, startup aside)")


if __name__ == "__main__":
    main()
