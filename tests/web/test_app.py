"""The page over the library API: worksheets printed as they are or composed, problems said at
their field, a worksheet saved without the patient, the library searched with its pictures."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from pypdf import PdfReader
from starlette.testclient import TestClient

from tests.web.conftest import csrf_of
from worksheet.build.pipeline import load


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_shipped_worksheet_prints_for_a_patient_as_pdf_bytes(served: tuple[TestClient, str], folder: Path) -> None:
    client, base = served
    response = client.post(base + "preview", data={"source": "achy-back", "csrf": csrf_of(client, base), "patient": "Ana Peña",
                                                   "date": "2026-12-02", "weeks": "6", "language": "es", "large_print": "on"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = text_of(response.content)
    assert "Ana Peña" in text and "2 de diciembre de 2026" in text and "6 semanas" in text
    ws = load(folder / "achy-back.yaml", "es")
    assert all(ex.name in text for ex in ws.exercises)
    download = client.post(base + "download", data={"source": "achy-back", "csrf": csrf_of(client, base), "patient": "Ana Peña"})
    assert download.headers["content-disposition"] == 'attachment; filename="achy-back-5-stretches-exercises.pdf"'


def test_a_composed_worksheet_is_checked_by_the_schema_and_each_problem_shown_at_its_field(served: tuple[TestClient, str]) -> None:
    client, base = served
    form = {"csrf": csrf_of(client, base), "title": "Knees", "ex-0-use": "bridge", "ex-0-reps": "ten",
            "ex-1-use": "knee-to-chest", "ex-1-hold": "30 s", "ex-1-sides": "sideways", "weeks": "99", "patient": "x" * 81}
    response = client.post(base + "preview", data=form)
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert problems["ex-0-reps"] == "Repeat must be a whole number such as 10 or a range such as 10-15, not 'ten'."
    assert problems["ex-1-sides"].startswith("Sides must be 'each', 'alternate', 'both', 'left' or 'right'")
    assert problems["weeks"] == "Weeks must be a whole number from 1 to 52."
    assert problems["patient"] == "Patient is longer than 80 characters."
    unknown = client.post(base + "preview", data={"csrf": form["csrf"], "title": "K", "ex-0-use": "brige"})
    assert unknown.json()["problems"]["ex-0-use"].endswith("library/; the nearest is 'bridge'.")


def test_saving_writes_a_new_worksheet_without_the_patient_and_never_replaces_one(served: tuple[TestClient, str], folder: Path) -> None:
    client, base = served
    form = {"csrf": csrf_of(client, base), "title": "Knee care", "intro": "Go slowly.", "file": "knee-care",
            "ex-0-use": "bridge", "ex-0-reps": "12", "ex-1-use": "pelvic-tilt", "ex-1-hold": "5 s", "ex-1-reps": "8",
            "patient": "Zelda Quintana", "therapist": "Dr. Ortiz", "how_often": "daily"}
    response = client.post(base + "save", data=form)
    assert response.status_code == 200 and response.json() == {"saved": "worksheets/knee-care.yaml"}
    saved = (folder / "knee-care.yaml").read_text(encoding="utf-8")
    assert "Zelda" not in saved and "Ortiz" not in saved and "daily" not in saved
    data = yaml.safe_load(saved)
    assert data["exercises"] == [{"use": "bridge", "reps": "12"}, {"use": "pelvic-tilt", "hold": "5 s", "reps": "8"}]
    again = client.post(base + "save", data=form)
    assert again.status_code == 409 and "exists already" in again.json()["problems"]["file"]
    assert (folder / "knee-care.yaml").read_text(encoding="utf-8") == saved


def test_a_worksheet_with_a_mistake_is_not_saved_and_the_message_is_next_to_its_field(served: tuple[TestClient, str], folder: Path) -> None:
    client, base = served
    form = {"csrf": csrf_of(client, base), "title": "Knee care", "file": "knee-care-2", "ex-0-use": "bridge", "ex-0-sets": "two"}
    response = client.post(base + "save", data=form)
    assert response.status_code == 422
    assert response.json()["problems"]["ex-0-sets"].startswith("Sets must be a whole number")
    assert not (folder / "knee-care-2.yaml").exists()


def test_the_library_is_searched_by_name_and_position_with_its_pictures(served: tuple[TestClient, str]) -> None:
    client, base = served
    page = client.get(base + "library", params={"q": "stretch", "position": "seated"}).text
    assert "Seated back-of-thigh stretch" in page and "Bridge" not in page and 'figure/seated-hamstring-stretch.svg' in page
    svg = client.get(base + "figure/bridge.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml") and "<title>" in svg.text
    assert client.get(base + "figure/nothing.svg").status_code == 404


def test_the_home_page_lists_every_worksheet_with_print_and_personalise(served: tuple[TestClient, str]) -> None:
    client, base = served
    page = client.get(base).text
    assert page.count('href="/t0ken/print/') == 8 and page.count("compose?from=") == 8
    composer = client.get(base + "compose", params={"from": "back-pain-relief"}).text
    assert 'value="pelvic-tilt"' in composer and 'name="ex-6-use"' in composer
