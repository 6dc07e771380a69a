"""The web page end to end, in a real browser: Playwright driving Debian's Chromium (installed by
.ci/run; never a downloaded browser) against `worksheet serve` started as a user would."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.helpers import SHIPPED, run
from worksheet.build.pipeline import load
from worksheet.render import wording

CHROMIUM = Path("/usr/bin/chromium")
AXE = os.environ.get("AXE_CORE_JS", "")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PATIENT = "Zelda Quintana-Example"

if not CHROMIUM.exists() and not os.environ.get("WORKSHEET_CI"):  # .ci/run installs it and sets WORKSHEET_CI
    pytest.skip("Debian's chromium is not installed here (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    root = tmp_path_factory.mktemp("served")
    folder, temp = root / "worksheets", root / "tmp"
    shutil.copytree(SHIPPED, folder)
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp)}
    proc = subprocess.Popen([sys.executable, "-m", "worksheet", "serve", str(folder), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    m = re.search(r"(http://127\.0\.0\.1:\d+/[\w-]+/)", proc.stdout.readline())
    assert m, proc.stderr.read() if proc.stderr else ""
    try:
        yield m.group(1), folder, temp
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, downloads_path=str(tmp_path_factory.mktemp("downloads")))
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _download(page: Page) -> bytes:
    with page.expect_download() as got:
        page.get_by_role("button", name="Download the PDF").click()
    data = Path(got.value.path()).read_bytes()
    got.value.delete()
    return data


def _text(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_shipped_worksheet_printed_for_a_patient(server: tuple[str, Path, Path], page: Page) -> None:
    base, folder, _ = server
    page.goto(base)
    page.get_by_role("link", name="Print Back Pain Relief Exercises & Stretches").click()
    page.get_by_label("Patient's name").fill(PATIENT)
    page.get_by_label("Prescribed by").fill("Dr. Ortiz")
    pages = _text(_download(page))
    assert PATIENT in pages[0] and "Dr. Ortiz" in pages[0]
    text = " ".join(pages).replace("\xa0", " ")
    ws = load(folder / "back-pain-relief.yaml")
    for number, ex in enumerate(ws.exercises, 1):
        assert f"{number} {ex.name}" in text
        assert " ".join(wording.dose_line(ex.dose).replace(" • ", " ").split()) in text.replace("\xa0", " ")


def test_compose_from_the_library_with_changed_doses_and_save(server: tuple[str, Path, Path], page: Page) -> None:
    base, folder, _ = server
    page.goto(base + "compose")
    page.get_by_label("Title", exact=True).fill("Knee and back care")
    for name, reps in (("Bridge", "12"), ("Pelvic tilt", "8"), ("Cat and cow stretch", "4")):
        page.get_by_label("Add an exercise from the library").select_option(label=name)
        page.get_by_role("button", name="Add", exact=True).click()
        page.keyboard.type("5 s")  # focus is on the new exercise's first field: Hold
        page.locator("[data-row]").last.get_by_label("Repeat").fill(reps)
    page.locator("[data-row]").nth(1).get_by_role("button", name="Move up").click()  # pelvic tilt first
    page.get_by_label("Patient's name").fill(PATIENT)
    page.get_by_label("File name (without .yaml)").fill("knee-and-back-care")
    page.get_by_role("button", name="Save as worksheet").click()
    page.get_by_text("Saved as worksheets/knee-and-back-care.yaml.").wait_for()
    saved = folder / "knee-and-back-care.yaml"
    assert PATIENT not in saved.read_text(encoding="utf-8")
    exercises = yaml.safe_load(saved.read_text(encoding="utf-8"))["exercises"]
    assert [(e["use"], e["hold"], e["reps"]) for e in exercises] == [
        ("pelvic-tilt", "5 s", "8"), ("bridge", "5 s", "12"), ("cat-cow", "5 s", "4")]
    result = run("build", str(saved), "-o", str(saved.parent.parent / "cli-out"))
    assert result.exit_code == 0, result.output
    cli_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(saved.parent.parent / "cli-out" / "knee-and-back-care.pdf").pages)
    assert "Hold 5 seconds Repeat 8 times" in cli_text.replace("\xa0", " ")


def test_a_bad_dose_is_said_at_its_field(server: tuple[str, Path, Path], page: Page) -> None:
    base, _, _ = server
    page.goto(base + "compose?from=achy-back")
    row = page.locator("[data-row]").first
    row.get_by_label("Repeat").fill("ten")
    message = row.locator("#err-ex-0-reps")
    message.wait_for(state="visible")
    assert message.inner_text() == "Repeat must be a whole number such as 10 or a range such as 10-15, not 'ten'."
    assert row.get_by_label("Repeat").get_attribute("aria-invalid") == "true"
    assert row.get_by_label("Repeat").get_attribute("aria-describedby") == "err-ex-0-reps"


def test_spanish_and_large_print(server: tuple[str, Path, Path], page: Page) -> None:
    base, _, _ = server
    page.goto(base + "print/upper-back-pain")
    page.get_by_label("Language").select_option("es")
    page.get_by_label("Large print").check()
    page.get_by_label("Patient's name").fill(PATIENT)
    page.get_by_role("status").filter(has_text="Preview updated").wait_for()
    pdf = _download(page)
    pages = _text(pdf)
    assert "Página 1 de" in " ".join(pages) and PATIENT in pages[0] and "Su plan" in " ".join(pages)
    assert len(pages) >= 6  # large print: about one exercise to a page


def test_no_file_under_the_folder_or_the_server_s_temp_folder_holds_the_patient(server: tuple[str, Path, Path], page: Page) -> None:
    base, folder, temp = server
    page.goto(base + "print/achy-back")
    page.get_by_label("Patient's name").fill(PATIENT)
    page.get_by_role("status").filter(has_text="Preview updated").wait_for()
    _download(page)
    needles = (PATIENT.encode(), PATIENT.encode("utf-16-le"))
    for where in (folder, temp):
        for path in where.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(n in data for n in needles), path


SCREENS = {"home": "", "library": "library?q=chair", "compose": "compose?from=achy-back", "new": "compose", "print": "print/achy-back"}


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_each_screen_has_no_serious_accessibility_violation(server: tuple[str, Path, Path], browser: Browser, screen: str) -> None:
    if not AXE:
        if os.environ.get("WORKSHEET_CI"):
            pytest.fail("AXE_CORE_JS is not set: .ci/run fetches axe-core from the npm registry")
        pytest.skip("AXE_CORE_JS: the path of axe.min.js (npm's axe-core) is not set")
    base, _, _ = server
    context = browser.new_context(bypass_csp=True)  # the page's own policy allows no injected script
    page = context.new_page()
    page.goto(base + SCREENS[screen])
    page.wait_for_timeout(500)
    page.add_script_tag(path=AXE)
    result = page.evaluate("async () => JSON.stringify(await axe.run(document, {resultTypes: ['violations']}))")
    context.close()
    bad = [(v["id"], v["impact"], v["help"]) for v in json.loads(result)["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, bad


def test_the_composer_works_from_the_keyboard_alone(server: tuple[str, Path, Path], page: Page) -> None:
    base, _, _ = server
    page.goto(base + "compose")
    page.get_by_label("Title", exact=True).fill("Keys")
    page.get_by_label("Add an exercise from the library").focus()
    page.keyboard.press("Tab")  # to Add, with no exercise chosen yet
    page.keyboard.press("Enter")
    assert page.locator("[data-row]").count() == 0
    assert page.locator("#status").inner_text() == "Choose an exercise first."
    assert page.evaluate("document.activeElement.id") == "add-entry"
    page.keyboard.press("ArrowDown")  # the first exercise
    page.keyboard.press("Tab")  # to Add
    page.keyboard.press("Enter")
    assert page.locator("[data-row]").count() == 1
    focused = page.evaluate("document.activeElement.id")
    assert focused == "ex-0-hold"  # the new exercise's first field
