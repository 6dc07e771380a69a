"""The page engine: blocks kept whole, moved on or flowed; the footer on every page."""


from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.helpers import CLINIC, dedent, pdf_pages, run, write
from worksheet.render import wording


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


def test_clinic_beside_the_worksheets_is_on_every_page(sheet: Path, project: Path) -> None:
    Image.new("RGB", (300, 100), "black").save(project / "worksheets" / "logo.png")
    write(project, "worksheets/clinic.yaml", CLINIC)
    result = run("build", "--log")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Built build/knee.pdf (2 pages)\n"  # clinic.yaml is not a worksheet
    pdf = project / "build" / "knee.pdf"
    for page in pdf_pages(pdf):
        assert "Riverside Physical Therapy • 555-0100 • 12 Main Street, Springfield • riverside.example" in page
    assert pdf.read_bytes().count(b"/Subtype /Image") == 1  # the logo, once, reused on every page
