"""Build real PDFs and read them back the way a user meets them: text, pages, metadata."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import DATA, dedent, pdf_pages, pdf_text, run, write
from worksheet.build import pipeline
from worksheet.render import document, wording

FULL = DATA / "full.yaml"


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    return pipeline.build_one(FULL, out).output


def dose_text(dose) -> str:
    """The dose box as extracted text: its lines, one after another."""
    return " ".join(" ".join(p for p in part if p) for part in wording.dose_parts(dose))


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
    assert "Hold 3 to 5 seconds Repeat 10 times Once a day" in text
    assert "Hold 30 seconds Repeat 3 times each side 2 times a day" in text
    assert "Repeat 5 to 10 times each side 2 sets, resting between Switch sides each time Once a day" in text
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


def test_fonts_are_embedded(full_pdf: Path) -> None:
    data = full_pdf.read_bytes()
    assert b"AtkinsonHyperlegibleNext-Regular" in data
    assert b"AtkinsonHyperlegibleNext-Bold" in data
    assert b"/FontFile2" in data  # TrueType embedded, not referenced


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


def test_long_word_wraps_inside_the_page(project: Path) -> None:
    word = "x" * 500
    write(project, "w.yaml", f"title: Long\nexercises:\n  - name: Long\n    steps: [{word}]\n")
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    reader = PdfReader(project / "out" / "w.pdf")
    assert "x" * 40 in reader.pages[0].extract_text()


def test_a_block_is_kept_on_one_page(project: Path) -> None:
    steps = "\n".join(f"      - Step number {i} of this exercise, written out in a full sentence." for i in range(1, 9))
    exercises = "".join(f"  - name: Exercise {n}\n    steps:\n{steps}\n    reps: 10\n" for n in range(1, 6))
    write(project, "w.yaml", "title: Blocks\nexercises:\n" + exercises)
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    pages = pdf_pages(project / "out" / "w.pdf")
    assert len(pages) >= 2
    for n in range(1, 6):
        holding = [p for p in pages if f"{n} Exercise {n}" in p]
        assert len(holding) == 1
        # the name, its last step and its dose are on the same page
        assert "Step number 8" in holding[0] and "Repeat 10 times" in holding[0]


def test_custom_disclaimer_replaces_the_default(project: Path) -> None:
    write(project, "w.yaml", MINIMAL_WITH_DISCLAIMER)
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    page = pdf_pages(project / "out" / "w.pdf")[0]
    assert "Ask your therapist before you start these exercises." in page
    assert wording.DEFAULT_DISCLAIMER not in page


MINIMAL_WITH_DISCLAIMER = dedent("""
    title: Test
    disclaimer: Ask your therapist before you start these exercises.
    exercises:
      - name: Pelvic tilt
""")


def test_defaults_apply_only_where_the_exercise_gives_none(project: Path) -> None:
    write(project, "w.yaml", """
        title: Defaults
        defaults:
          hold: 30 s
          reps: 3
        exercises:
          - name: First
          - name: Second
            reps: 5
            sides: each
    """)
    ws = pipeline.load(project / "w.yaml")
    assert wording.dose_line(ws.exercises[0].dose) == "Hold 30 seconds • Repeat 3 times"
    assert wording.dose_line(ws.exercises[1].dose) == "Hold 30 seconds • Repeat 5 times each side"


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


def test_a_block_taller_than_a_page_starts_where_it_is_reached(project: Path) -> None:
    """A block that fits no page does not leave the rest of the page blank: it flows on as one
    column from where it is reached, and its parts split without a single line left alone."""
    long = " ".join(["Breathe out as you lift and keep your back flat."] * 400)
    write(project, "w.yaml", (
        "title: Long\nexercises:\n  - name: Short one\n    steps: [Lie down.]\n    reps: 3\n"
        f"  - name: Very long one\n    steps: [\"{long}\", Then rest.]\n    reps: 3\n    caution: Stop if it hurts.\n"
        "  - name: After\n    steps: [Stand up.]\n    reps: 2\n"
    ))
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    pages = pdf_pages(project / "out" / "w.pdf")
    assert "2 Very long one" in pages[0] and "Breathe out" in pages[0]
    text = " ".join(" ".join(pages).split())
    assert text.count("Breathe") == 400 and text.count("flat.") == 400
    assert text.index("Then rest.") < text.index("Stop if it hurts.") < text.index("3 After")


def test_split_text_leaves_no_line_alone() -> None:
    from worksheet.render import flow, styles

    style = styles.theme(False).ss["body"]
    text = flow.Text(" ".join(["word"] * 300), style)
    _, height = text.wrap(200, 1e9)
    lines = round(height / style.leading)
    for room in range(1, lines + 2):
        parts = text.split(200, room * style.leading)
        if not parts:
            assert room < 2 or room > lines - 2
            continue
        first, rest = (round(p.wrap(200, 1e9)[1] / style.leading) for p in parts)
        assert first >= 2 and rest >= 2 and first + rest == lines and first <= room


def test_a_plain_worksheet_is_built_without_platypus(project: Path) -> None:
    """Platypus (Paragraph, Table) is imported only for tables: a tenth of a second at start-up."""
    write(project, "w.yaml", "title: Plain\nexercises:\n  - name: Pelvic tilt\n    reps: 3\n    caution: Stop if it hurts.\n")
    code = (
        "import sys\nfrom worksheet.cli import cli\n"
        "try:\n    cli(['build', 'w.yaml', '-o', 'out', '-q'], prog_name='worksheet')\nexcept SystemExit:\n    pass\n"
        "sys.stdout.write('\\n' + str(sorted(m for m in sys.modules if m.startswith('reportlab.platypus'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True).stdout
    assert (project / "out" / "w.pdf").exists()
    assert out.splitlines()[-1] == "[]", out
