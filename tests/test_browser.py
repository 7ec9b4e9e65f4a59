"""The HTML report and a review page in a real browser: Debian's Chromium, headless, driven by Selenium with
Debian's chromedriver. Sorting works, an evidence link opens its quote, and screenshots are saved (to the
folder FLOPTRAIL_SCREENSHOTS names, e.g. `docs`, else a temporary one). Skipped, saying why, when there is
no Chromium: `apt-get install chromium chromium-driver` brings it (CI installs it)."""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from invoke import floptrail

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif((CHROMIUM is None or CHROMEDRIVER is None) and not os.environ.get("FLOPTRAIL_REQUIRE_BROWSER"),
                       reason="no Chromium and chromedriver here: apt-get install chromium chromium-driver"),
]
WIDTH, HEIGHT = 1400, 1000  # a laptop screen: the report's table must fit its width


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo with a few review decisions on the Llama 2 card (so pages show every review state), then the
    report and the review pages, as a user makes them."""
    home = tmp_path_factory.mktemp("browser")
    for command in (["demo"], ["review", "export"]):
        assert floptrail(*command, cwd=home).returncode == 0
    (card,) = (home / "floptrail-out" / "annotations").glob("llama2_card.*.jsonl")
    lines = [json.loads(line) for line in card.read_text(encoding="utf-8").splitlines()]
    answers = {"2 trillion": {"answer": "accept"}, "184,320": {"answer": "accept"},
               "539": {"answer": "reject", "note": "the family's total, not one model's"},
               "31.22": {"answer": "accept", "value": 31.2}}
    for line in lines[1:]:
        line.update(answers.get(line["text"], {}))
    card.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    for command in (["review", "import", "--reviewer", "ana"], ["export", "--out", "floptrail-out/report.html"],
                    ["review", "html"]):
        proc = floptrail(*command, cwd=home)
        assert proc.returncode == 0, proc.stderr
    return home / "floptrail-out"


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="floptrail-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_window_size(WIDTH, HEIGHT)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("FLOPTRAIL_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def column_values(driver, header: str) -> list[str]:
    index = [th.text.strip(" ↕↑↓") for th in driver.find_elements(By.CSS_SELECTOR, "#models thead th")].index(header)
    return [row.find_elements(By.TAG_NAME, "td")[index].get_attribute("data-v") or ""
            for row in driver.find_elements(By.CSS_SELECTOR, "#models tbody tr")]


def test_the_report_sorts_fits_the_screen_and_opens_the_quote_behind_a_figure(site, browser, shots):
    browser.get((site / "report.html").as_uri())
    assert browser.find_element(By.CSS_SELECTOR, "figure svg").size["width"] > 1000  # the plot spans the page
    table = browser.find_element(By.ID, "models")
    assert table.size["width"] <= WIDTH and browser.execute_script(
        "return document.documentElement.scrollWidth") <= WIDTH  # nothing runs off the side
    browser.save_screenshot(str(shots / "report.png"))

    header = next(th for th in browser.find_elements(By.CSS_SELECTOR, "#models thead th")
                  if th.text.startswith("training compute"))
    header.click()
    values = [float(v) for v in column_values(browser, "training compute") if v]
    assert values == sorted(values) and len(values) > 10
    last = column_values(browser, "training compute")[-1]
    assert last == "" or float(last) == values[-1]  # models without an estimate, if any, go last
    header.click()
    values = [float(v) for v in column_values(browser, "training compute") if v]
    assert values == sorted(values, reverse=True)
    assert browser.find_element(By.CSS_SELECTOR, "#models tbody tr td").text.startswith("Llama 3.1 405B")
    browser.execute_script("document.getElementById('models').scrollIntoView()")
    browser.save_screenshot(str(shots / "report-table.png"))

    facts = pd.read_csv(site / "facts.csv")
    llama = browser.find_element(By.CSS_SELECTOR, "#models tbody tr")
    link = next(a for a in llama.find_elements(By.CSS_SELECTOR, "a.fact") if "FLOP" in a.text)
    link.click()
    target = browser.execute_script("return document.querySelector(':target')")
    fact_id = target.get_attribute("id").removeprefix("fact-")
    quote = facts.set_index("fact_id").at[fact_id, "quote"]
    assert target.is_displayed() and " ".join(quote.split())[:60] in " ".join(target.text.split())
    assert browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                  "return r.top >= 0 && r.bottom <= window.innerHeight;", target)
    assert "unreviewed" in target.text and "3.8e25 FLOP" in target.text
    browser.save_screenshot(str(shots / "report-evidence.png"))


def test_a_review_page_renders_tables_marks_spans_and_sorts_its_facts(site, browser, shots):
    page = next((site / "review").glob("llama2_card.*.html"))
    browser.get(page.as_uri())
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, ".text table td")]
    assert cells[:3] == ["Llama 2 7B", "184,320", "31.22"] or "Llama 2 7B" in cells[0]
    marks = browser.find_elements(By.CSS_SELECTOR, ".text mark")
    assert len(marks) >= 10 and all(m.get_attribute("data-label") for m in marks)
    states = {m.text: m.get_attribute("class").split()[0] for m in marks}
    assert (states["2 trillion"], states["539"], states["31.22"], states["7B"]) == (
        "accepted", "rejected", "corrected", "machine")
    colours = {m.get_attribute("class"): m.value_of_css_property("background-color") for m in marks}
    assert len(set(colours.values())) >= 4  # each review state looks different
    browser.save_screenshot(str(shots / "review.png"))
    headers = browser.find_elements(By.CSS_SELECTOR, "table.facts th")
    column = next(i for i, th in enumerate(headers) if th.text.startswith("value"))
    headers[column].click()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.facts tbody tr")
    numbers = [float(r.find_elements(By.TAG_NAME, "td")[column].get_attribute("data-v")) for r in rows
               if r.find_elements(By.TAG_NAME, "td")[column].get_attribute("data-v") not in (None, "", "None")]
    assert numbers == sorted(numbers)
    rows[0].find_element(By.TAG_NAME, "a").click()
    target = browser.execute_script("return document.querySelector(':target')")
    assert target.tag_name == "mark" and target.is_displayed()
