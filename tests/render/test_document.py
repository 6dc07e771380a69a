"""Build real PDFs and read them back the way a user meets them: text, pages, metadata."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import DATA, pdf_pages, pdf_text, plain, run, write
from worksheet.build import pipeline
from worksheet.render import document, wording

FULL = DATA / "full.yaml"


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    return pipeline.build_one(FULL, out).output


def dose_text(dose) -> str:
    """The dose box as extracted text: its lines, one after another."""
    return plain(" ".join(" ".join(p for p in part if p) for part in wording.dose_parts(dose)))


def test_every_exercise_step_and_dose_is_printed(full_pdf: Path) -> None:
    ws = pipeline.load(FULL)
    text = pdf_text(full_pdf)
    assert ws.title in text and ws.subtitle in text
    for para in ws.intro:
        assert para in text
    for number, ex in enumerate(ws.exercises, 1):
        assert f"{number} {ex.name}" in text
        for step in ex.steps:
            assert step in text
        assert dose_text(ex.dose) in text
        for caution in ex.caution:
            assert caution in text
    assert "Hold 3 to 5 seconds Repeat 10 times How often: once a day" in text
    assert "Hold 30 seconds Repeat 3 times each side How often: 2 times a day" in text
    assert "Repeat 5 to 10 times each side 2 sets, resting between Switch sides each time How often: once a day" in text
    assert "You should feel: A gentle stretch in your lower back and buttock." in text
    assert "Tip: Hold under the knee, not on top of it." in text
    assert "You will need: towel" in text
    assert "Call your therapist if your pain gets worse." in text


def test_disclaimer_and_page_number_on_every_page(full_pdf: Path) -> None:
    pages = pdf_pages(full_pdf)
    assert len(pages) == 2
    for number, page in enumerate(pages, 1):
        assert wording.DEFAULT_DISCLAIMER in page
        assert f"Page {number} of 2" in page


def test_running_header_on_later_pages_only(full_pdf: Path) -> None:
    pages = pdf_pages(full_pdf)
    assert pages[0].count("Back Pain Relief Exercises & Stretches") == 1  # the title itself
    assert pages[1].startswith("Back Pain Relief Exercises & Stretches")


def test_metadata_and_bookmarks(full_pdf: Path) -> None:
    reader = PdfReader(full_pdf, strict=True)
    meta = reader.metadata
    assert meta.title == "Back Pain Relief Exercises & Stretches"
    assert meta.subject == "For everyday back soreness"
    assert meta.creator.startswith("worksheet ")
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
    top = reader.outline
    assert top[0].title == "Back Pain Relief Exercises & Stretches"
    children = [item.title for item in top[1]]
    assert children == ["1. Pelvic tilt", "2. Knee to chest", "3. Bird dog", "Notes"]
    # each bookmark opens the page its exercise is on
    pages = [reader.get_destination_page_number(item) + 1 for item in top[1]]
    texts = pdf_pages(full_pdf)
    expected = [next(i for i, t in enumerate(texts, 1) if title.split(". ", 1)[-1] in t) for title in children]
    assert pages == expected


def test_same_input_same_bytes(tmp_path: Path, full_pdf: Path) -> None:
    again = pipeline.build_one(FULL, tmp_path).output
    assert again.read_bytes() == full_pdf.read_bytes()


def test_same_bytes_in_a_fresh_process_and_another_folder(tmp_path: Path, full_pdf: Path) -> None:
    copy = tmp_path / "elsewhere" / "full.yaml"
    copy.parent.mkdir()
    copy.write_bytes(FULL.read_bytes())
    code = "import sys; from pathlib import Path; from worksheet.build import pipeline; pipeline.build_one(Path(sys.argv[1]), Path(sys.argv[2]))"
    subprocess.run([sys.executable, "-c", code, str(copy), str(tmp_path / "o")], check=True, cwd=tmp_path)
    assert hashlib.sha256((tmp_path / "o" / "full.pdf").read_bytes()).digest() == hashlib.sha256(full_pdf.read_bytes()).digest()


def test_a4_from_the_file_and_from_the_option(project: Path) -> None:
    write(project, "a4.yaml", "page_size: a4\n" + (DATA / "full.yaml").read_text())
    write(project, "plain.yaml", (DATA / "full.yaml").read_text())
    assert run("build", "a4.yaml", "plain.yaml", "-o", "out").exit_code == 0
    assert [round(float(x)) for x in PdfReader(project / "out/a4.pdf").pages[0].mediabox[2:]] == [595, 842]
    assert [round(float(x)) for x in PdfReader(project / "out/plain.pdf").pages[0].mediabox[2:]] == [612, 792]
    assert run("build", "plain.yaml", "-o", "out", "--page-size", "A4").exit_code == 0
    assert [round(float(x)) for x in PdfReader(project / "out/plain.pdf").pages[0].mediabox[2:]] == [595, 842]


HOSTILE = [
    "a < b & c > d",
    "<b>never closed",
    "<img src=\"/etc/passwd\"/> picture",
    "<font color=\"[[[getattr(pow, Word('__globals__'))['os'].system('touch pwned')]]]\">x</font>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "&amp; &#99999999; &nbsp;",
    "</para> <br/> <para>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_in_user_text_prints_literally(project: Path, text: str) -> None:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    write(project, "w.yaml", f'''
        title: "{quoted}"
        subtitle: "{quoted}"
        exercises:
          - name: "{quoted}"
            steps: ["{quoted}", "second step"]
            caution: "{quoted}"
    ''')
    result = run("build", "w.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    text_out = pdf_text(project / "out" / "w.pdf")
    assert text_out.count(" ".join(text.split())) >= 4
    assert not (project / "pwned").exists()
    data = (project / "out" / "w.pdf").read_bytes()
    assert b"/URI" not in data and b"/Subtype /Image" not in data


def test_render_returns_pages_and_bytes() -> None:
    ws = pipeline.load(FULL)
    rendered = document.render(ws)
    assert rendered.pages == 2
    assert rendered.data.startswith(b"%PDF-")


def test_extreme_content_paginates_instead_of_failing(project: Path) -> None:
    long = " ".join(["stretch"] * 10_000)
    cautions = "\n".join(f"      - {'Careful now. ' * 30}{i}" for i in range(10))
    name = "Very" + " long" * 19
    title = "T" + " title" * 19
    write(project, "big.yaml", f"title: {title}\nexercises:\n  - name: {name}\n    steps: [\"{long}\"]\n    caution:\n{cautions}\n    reps: 3\n")
    many = "".join(f"  - name: Exercise {i}\n    steps: [Do this., Then that.]\n    reps: 3\n    caution: Stop if it hurts.\n" for i in range(300))
    write(project, "many.yaml", "title: Many\nexercises:\n" + many)
    result = run("build", "big.yaml", "many.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    big = pdf_pages(project / "out" / "big.pdf")
    assert len(big) > 10
    assert "".join(" ".join(big).split()).count("stretch") == 10_000
    many_pages = pdf_pages(project / "out" / "many.pdf")
    assert len(many_pages) > 30
    assert "300 Exercise 299" in " ".join(many_pages)


