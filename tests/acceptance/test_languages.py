"""Handouts in the patient's language: the shipped worksheets in Spanish, no English label left
anywhere (a pseudo-language proves it for every feature), the same doses, plain words, and a
bilingual print for the therapist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.helpers import SHIPPED, pdf_pages, run, text_runs, write
from worksheet.build import pipeline
from worksheet.build.results import Built
from worksheet.i18n import language as W
from worksheet.i18n import words
from worksheet.model import PrintOptions
from worksheet.render import wording

WORKSHEETS = sorted(SHIPPED.glob("*.yaml"))


def page_limit(ws_exercises: int) -> int:
    return 2 if ws_exercises <= 5 else 3


def english_labels() -> set[str]:
    """Every printed English phrase whose Spanish differs, without its placeholders."""
    es = words("es")
    with open(W.LOCALES.parent / "worksheet.pot", "rb") as f:
        ids = [m.id for m in read_po(f) if m.id]
    out = set()
    for message in ids:
        for form in (message if isinstance(message, tuple) else (message,)):
            english = es.gettext(form) if isinstance(message, str) else es.plural(message, 2)
            for piece in re.split(r"\{\w+\}", form):
                piece = piece.strip(" ,;:().·")
                if len(piece) >= 4 and piece not in english:
                    out.add(piece)
    return out


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("es")
    results = list(pipeline.build_all(WORKSHEETS, out, PrintOptions(language="es")))
    assert all(isinstance(r, Built) for r in results), results
    return {r.source.stem: r.output for r in results if isinstance(r, Built)}


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda p: p.stem)
def test_every_shipped_worksheet_in_spanish_with_every_exercise_and_dose_and_no_english_label(spanish: dict[str, Path], path: Path) -> None:
    ws = pipeline.load(path, "es")
    assert ws.warnings == (), ws.warnings  # every text is translated
    pages = pdf_pages(spanish[path.stem])
    assert len(pages) <= page_limit(len(ws.exercises))
    text = " ".join(pages).replace("\xa0", " ")
    es = words("es")
    assert ws.title in text and wording.disclaimer(es) in " ".join(text.split())
    for number, ex in enumerate(ws.exercises, 1):
        assert f"{number} {ex.name}" in text
        for label, value in wording.dose_parts(ex.dose, es):
            assert " ".join(f"{label} {value}".replace("\xa0", " ").split()) in text, (ex.name, label, value)
    leftovers = sorted(label for label in english_labels() if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text))
    assert not leftovers, leftovers
    assert f"Página 1 de {len(pages)}" in text or es._("Page {page} of {total}", page=1, total=len(pages)) in text


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda p: p.stem)
def test_the_spanish_worksheet_has_the_same_exercises_and_doses_as_the_english(path: Path) -> None:
    english, spanish = pipeline.load(path), pipeline.load(path, "es")
    assert [ex.dose for ex in spanish.exercises] == [ex.dose for ex in english.exercises]
    assert [ex.library_id for ex in spanish.exercises] == [ex.library_id for ex in english.exercises]
    assert [len(ex.caution) for ex in spanish.exercises] == [len(ex.caution) for ex in english.exercises]
    assert [ex.figure for ex in spanish.exercises] == [ex.figure for ex in english.exercises]


# --- plain words: Fernández-Huerta (1959), as corrected by Law (2011) -------------------------

_STRONG = set("aeoáéóíú")
_VOWELS = set("aeiouáéíóúü")


def syllables(word: str) -> int:
    w = re.sub(r"([qg])u(?=[eéií])", r"\1", word.lower())  # que, gui: the u is silent
    w = re.sub(r"y$", "i", w)
    count, prev = 0, ""
    for ch in w:
        if ch in _VOWELS:
            if not prev or (prev in _STRONG and ch in _STRONG):
                count += 1
            prev = ch
        else:
            prev = ""
    return max(1, count)


def fernandez_huerta(text: str) -> float:
    """206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence; 70 and up is fairly easy."""
    found = re.findall(r"[a-záéíóúüñ]+", text, re.IGNORECASE)
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", text)))
    return 206.84 - 0.60 * 100 * sum(map(syllables, found)) / len(found) - 1.02 * len(found) / sentences


def sentences_of(path: Path) -> Iterator[str]:
    ws = pipeline.load(path, "es")
    texts = [ws.title, *(ws.subtitle or "",), *ws.intro, *ws.notes]
    for ex in ws.exercises:
        texts += [ex.name, ex.position or "", *ex.steps, ex.feel or "", *ex.caution, *ex.notes]
    for t in texts:
        if t:
            yield t if t.rstrip().endswith((".", "!", "?")) else t + "."


def test_syllables_are_counted_as_spanish_is_spoken() -> None:
    assert [syllables(w) for w in ("acuéstese", "rodillas", "pies", "día", "guitarra", "hoy")] == [4, 3, 1, 2, 3, 1]


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda p: p.stem)
def test_the_spanish_is_plain_fernandez_huerta_70_or_more(path: Path) -> None:
    score = fernandez_huerta(" ".join(sentences_of(path)))
    assert score >= 70, f"{path.name}: {score:.1f}"


# --- a pseudo-language proves every label goes through the catalogue ---------------------------

def _pseudo_catalogue(folder: Path) -> None:
    with open(W.LOCALES.parent / "worksheet.pot", "rb") as f:
        catalog = read_po(f, locale="en")
    catalog.locale = "qps"  # type: ignore[assignment]
    for m in catalog:
        if m.id:
            m.string = tuple(f"[{s}]" for s in m.id) if isinstance(m.id, tuple) else f"[{m.id}]"
    (folder / "qps" / "LC_MESSAGES").mkdir(parents=True)
    with open(folder / "qps" / "LC_MESSAGES" / "worksheet.mo", "wb") as out:
        write_mo(out, catalog)


PSEUDO = """\
title: Title
subtitle: Subtitle
intro: Intro.
video: https://example.org/all
translations:
  qps: {title: «title», subtitle: «subtitle», intro: «intro.»}
exercises:
  - name: One
    position: Lie down.
    steps: [Lift., Lower.]
    feel: Warm.
    caution: [Stop., Slow.]
    equipment: [mat]
    notes: Breathe.
    hold: 30 s
    reps: 5-10
    sides: each
    frequency: 2 times a day
    sets: 2
    video: https://example.org/one
    figure: {base: back-lying-knees-bent, props: [mat], end: {hips: -40}, end_contacts: {buttocks: lifted}}
    translations:
      qps: {name: «one», position: «down.», steps: [«lift.», «lower.»], feel: «warm.», caution: [«stop.», «slow.»],
            equipment: [«mat»], notes: «breathe.»}
  - name: Two
    steps: [Go.]
    reps: 1
    frequency: 3 times a week
    translations:
      qps: {name: «two», steps: [«go.»]}
"""


def _without_brackets(text: str) -> str:
    """Every [...] taken away, innermost first (a pattern's brackets hold its phrases' brackets)."""
    while True:
        shorter = re.sub(r"\[[^\[\]]*\]", " ", text, flags=re.DOTALL)
        if shorter == text:
            return text
        text = shorter


def _unwrapped(text: str) -> str:
    """What is left of a page once every catalogue phrase ([...]), every translated text («...»),
    every number, address and sign is taken away: nothing, where no label was missed."""
    text = _without_brackets(text.replace("\xa0", " "))
    text = re.sub(r"«[^»]*»", " ", text, flags=re.DOTALL)
    text = re.sub(r"\S*example\.org\S*|\S*@\S*", " ", text)
    return re.sub(r"[\d\W_]+", " ", text).strip()


def test_a_pseudo_language_leaves_no_english_label_in_any_feature(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _pseudo_catalogue(project / "locales")
    monkeypatch.setenv(W.PATH_VARIABLE, str(project / "locales"))
    write(project, "w.yaml", PSEUDO)
    write(project, "v.yaml", PSEUDO.replace("«title»", "«other»"))
    write(project, "clinic.yaml", "name: «Clinic»\nphone: 555 0100\naddress: «Street»\nwebsite: https://example.org\n")
    person = ["--patient", "«Ana»", "--therapist", "«Bo»", "--date", "2026-12-02"]
    for extra in ([], ["--large-print"], ["--page-size", "a4"]):
        result = run("build", "w.yaml", "-o", "out", "--language", "qps", "--log", "--log-days", "14", "--force",
                     "--clinic", "clinic.yaml", *person, "--how-often", "«daily»", "--next-visit", "«soon»", *extra)
        assert result.exit_code == 0, result.output
        for page in pdf_pages(project / "out" / "w.pdf"):
            assert _unwrapped(page) == "", (extra, page)
    result = run("booklet", "w.yaml", "v.yaml", "-o", "b.pdf", "--language", "qps", "--log", "--duplex", *person)
    assert result.exit_code == 0, result.output
    for page in pdf_pages(project / "b.pdf"):
        assert _unwrapped(page) == "", page
    ws = pipeline.load(project / "w.yaml", "qps")
    alt = ws.exercises[0].figure_alt or ""
    assert alt and _without_brackets(alt).strip() == "", alt  # the picture's words too


# --- bilingual print, dates ------------------------------------------------------------------


def test_bilingual_print_puts_each_instruction_as_written_under_its_translation(project: Path) -> None:
    result = run("build", str(SHIPPED / "back-pain-relief.yaml"), "-o", "out", "--language", "es", "--bilingual")
    assert result.exit_code == 0, result.output
    english, spanish = pipeline.load(SHIPPED / "back-pain-relief.yaml"), pipeline.load(SHIPPED / "back-pain-relief.yaml", "es")
    pdf = project / "out" / "back-pain-relief.pdf"
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    for en, es in zip(english.exercises, spanish.exercises, strict=True):
        for a, b in ((es.position, en.position), (es.steps[0], en.steps[0])):
            assert a is not None and b is not None
            assert text.index(a) < text.index(b), (a, b)  # the translation first, the English under it
    runs = text_runs(pdf)
    under = [r for r in runs if english.exercises[0].steps[0].split()[0] in r[5]]
    assert under and min(r[3] for r in under) >= 11


def test_an_iso_date_is_written_in_the_handout_s_language(project: Path) -> None:
    args = ["build", str(SHIPPED / "achy-back.yaml"), "-o", "out", "--date", "2026-12-02", "--force"]
    assert run(*args, "--language", "es").exit_code == 0
    assert "2 de diciembre de 2026" in pdf_pages(project / "out" / "achy-back.pdf")[0]
    assert run(*args).exit_code == 0
    assert "December 2, 2026" in pdf_pages(project / "out" / "achy-back.pdf")[0]


def test_a_language_with_no_labels_is_refused_with_the_ones_there_are(project: Path) -> None:
    result = run("build", str(SHIPPED / "achy-back.yaml"), "-o", "out", "--language", "fr")
    assert result.exit_code == 2
    assert "'fr' is not a language the labels can be printed in; choose from en, es." in result.stderr
