"""Property: whatever text and doses a file holds, the result is our own located error or a valid
PDF that prints the text back. Run long with HYPOTHESIS_PROFILE=long."""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.helpers import check_structure
from worksheet.build import pipeline
from worksheet.errors import InputError
from worksheet.render import fonts

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LOCATED = re.compile(r"^[^:\n]+:\d+:\d+: .+[.]$")
text = st.text(min_size=0, max_size=60)
# Text the font can print (with markup-like characters in it), mixed with anything at all.
printable = st.text(st.sampled_from([*sorted(chr(c) for c in fonts.charset() if chr(c).isprintable()), "<", ">", "&", " ", "\n"]), min_size=1, max_size=60)
latin = st.one_of(printable, printable, printable, text)
junk = st.one_of(st.text(max_size=12), st.integers(-5, 5000).map(str), st.sampled_from(["0", "5-3", "no", "1e3", "010"]))
good_hold = st.sampled_from(["3-5 s", "1:30", "30 s", "1 min", "45", "1 to 2 minutes"])
good_count = st.sampled_from(["10", "10-15", "3", "010", "5 to 10"])
hold = st.one_of(good_hold, good_hold, good_hold, good_hold, junk)
reps = st.one_of(good_count, good_count, good_count, good_count, junk)


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def check(tmp_path: Path, title: str, name: str, step: str, caution: str, hold: str, reps: str, sides: str,
          sets: str = "1", frequency: str = "once a day") -> None:
    """Build one file; assert it is a located error and no PDF, or a valid PDF printing every text."""
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # the fixture is shared by every example
    path = tmp_path / "w.yaml"
    path.write_text(
        f"title: {q(title)}\nexercises:\n  - name: {q(name)}\n    steps: [{q(step)}]\n"
        f"    caution: {q(caution)}\n    hold: {q(hold)}\n    reps: {q(reps)}\n    sides: {q(sides)}\n"
        f"    sets: {q(sets)}\n    frequency: {q(frequency)}\n",
        encoding="utf-8",
    )
    try:
        result = pipeline.build_one(path, tmp_path / "out")
    except InputError as e:
        event("located error")
        for issue in e.issues:
            assert LOCATED.match(issue.format()), issue.format()
        assert not (tmp_path / "out" / "w.pdf").exists()
        return
    event("built")
    check_structure(result.output)
    reader = PdfReader(result.output, strict=True)
    printed = "".join("".join(page.extract_text() for page in reader.pages).split())
    for value in (title, name, step, caution):
        assert "".join(unicodedata.normalize("NFC", value).split()) in printed  # we print text NFC-normalized


@given(title=latin, name=latin, step=latin, caution=latin)
def test_any_text_gives_a_located_error_or_a_pdf_that_prints_it(tmp_path: Path, title: str, name: str, step: str, caution: str) -> None:
    check(tmp_path, title, name, step, caution, "30 s", "3", "each")


good_frequency = st.sampled_from(["once a day", "twice a day", "3 times a week", "2-3 times per day", "daily", "5x/day"])
good_sides = st.sampled_from(["each", "alternate", "both", "left", "RIGHT"])
GOOD = {"hold": good_hold, "reps": good_count, "sets": good_count, "sides": good_sides, "frequency": good_frequency}


@given(data=st.data(), broken=st.sampled_from([None, *GOOD]))
def test_any_dose_gives_a_located_error_or_a_pdf(tmp_path: Path, data: st.DataObject, broken: str | None) -> None:
    """Valid doses, with at most one field replaced by anything at all."""
    dose = {name: data.draw(junk if name == broken else good, label=name) for name, good in GOOD.items()}
    check(tmp_path, "Title", "Name", "Step.", "Careful.", **dose)
