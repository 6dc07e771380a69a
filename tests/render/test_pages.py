"""The page engine: blocks kept whole, moved on or flowed; the footer on every page."""


from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.helpers import CLINIC, dedent, pdf_pages, run, text_runs, write
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
        assert "Riverside Physical Therapy • Phone: 555-0100 • 12 Main Street, Springfield • riverside.example" in page
    assert pdf.read_bytes().count(b"/Subtype /Image") == 1  # the logo, once, reused on every page


def exercise_pages(pdf: Path, names: list[str]) -> dict[str, set[int]]:
    """The pages each exercise's text is on, from its name to the last line of its block."""
    runs = text_runs(pdf)
    found: dict[str, set[int]] = {}
    current = None
    for page, top, _, _, _, text in runs:
        if top < 100 or top > 700 or text.isdigit():  # the running head, the footer and the number badges
            continue
        if text in names:
            current = text
        if text.startswith(("Your notes", "Your plan")):
            current = None
        if current is not None:
            found.setdefault(current, set()).add(page)
    return found


def test_large_print_keeps_a_block_with_a_picture_and_a_video_whole(project: Path) -> None:
    Image.new("RGB", (900, 600), "white").save(project / "photo.png")
    steps = "".join(f"      - Step {i}, move slowly and breathe out as you go.\n" for i in range(1, 7))
    exercises = "".join(
        f"  - name: Move {n}\n    steps:\n{steps}    image: photo.png\n    video: https://example.org/move-{n}\n"
        f"    reps: 10\n    frequency: 2 times a day\n    caution: Stop if it hurts.\n" for n in range(1, 5))
    write(project, "w.yaml", "title: Pictures\nexercises:\n" + exercises)
    assert run("build", "w.yaml", "-o", "out", "--large-print", "--patient", "Ana María Peña Ibáñez").exit_code == 0
    pdf = project / "out" / "w.pdf"
    for name, pages in exercise_pages(pdf, [f"Move {n}" for n in range(1, 5)]).items():
        assert len(pages) == 1, (name, pages)  # a block that fits on a page is never split
    runs = text_runs(pdf)
    assert any(r[0] == 1 and r[5] == "Move 1" for r in runs)  # page 1 holds an exercise, patient line and all


def test_no_heading_is_left_at_the_foot_of_a_page(project: Path) -> None:
    """A block taller than a page flows on, but its heading stays with the first line after it."""
    write(project, "w.yaml", "title: T\nintro: " + "Words to fill the page. " * 60 + "\nexercises:\n  - name: Long one\n    steps:\n"
          + "".join(f"      - {'A long step that goes on and on. ' * 6}\n" for _ in range(12)))
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    runs = text_runs(project / "out" / "w.pdf")
    (heading,) = [r for r in runs if r[5] == "Long one"]
    after = [r for r in runs if r[0] == heading[0] and r[1] > heading[1] and r[3] >= 12]
    assert after, "the heading is the last thing on its page"


def test_the_space_left_after_the_last_exercise_is_ruled_for_notes(sheet: Path, project: Path) -> None:
    assert run("build").exit_code == 0
    assert "Your notes" in pdf_pages(project / "build" / "knee.pdf")[-1]
    assert run("build", "--no-notes-lines", "--force").exit_code == 0
    assert "Your notes" not in " ".join(pdf_pages(project / "build" / "knee.pdf"))


def test_a_lonely_last_block_is_pulled_back_with_tighter_spacing(project: Path) -> None:
    """Seven exercises whose last one would sit alone on page 3 fit on two pages once the space
    between things is tighter; the type is the same size."""
    exercises = "".join(
        f"  - name: Exercise {n}\n    position: Lie on your back, knees bent.\n    steps: [Do the first part slowly., Then the second part., Relax.]\n"
        f"    feel: A gentle stretch.\n    hold: 30 s\n    reps: 3\n    caution: Stop if it hurts, and call your therapist if it keeps hurting.\n"
        for n in range(1, 8))
    write(project, "w.yaml", "title: Seven\nintro: A short introduction of one line.\nexercises:\n" + exercises)
    assert run("build", "w.yaml", "-o", "out", "--no-notes-lines").exit_code == 0
    runs = text_runs(project / "out" / "w.pdf")
    assert max(r[0] for r in runs) == 2
    assert {r[3] for r in runs if r[5].startswith("Start:")} == {12.5}


def test_the_clinic_footer_never_breaks_a_phone_number_or_a_house_number_from_its_street(sheet: Path, project: Path) -> None:
    write(project, "worksheets/clinic.yaml", "name: Riverside Physical Therapy and Sports Rehabilitation\nphone: (555) 010-0100\n"
                                             "address: 1234 Main Street, Springfield, Illinois\nwebsite: https://www.example.org/clinic\n")
    for args in ([], ["--large-print"]):
        assert run("build", "--force", *args).exit_code == 0
        lines = [r[5].replace("\xa0", " ") for r in text_runs(project / "build" / "knee.pdf") if r[0] == 1]
        footer = " / ".join(lines)
        assert any("Phone: (555) 010-0100" in line for line in lines), footer
        assert any("1234 Main Street" in line for line in lines), footer
