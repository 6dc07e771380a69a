"""Golden page dumps: every shipped worksheet, regular and large print, as a readable text file.

A change to the layout shows up in review as a diff of these files (positions in whole
points, font sizes, text). After an intended change, refresh them with
``pytest tests/render/test_golden.py --update-golden`` and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SHIPPED, TESTS, page_dump
from worksheet.build import pipeline
from worksheet.build.results import Built
from worksheet.model import PrintOptions

GOLDEN = TESTS / "render" / "golden"
WORKSHEETS = pipeline.find_worksheets([SHIPPED])
MODES = {"regular": PrintOptions(), "large": PrintOptions(large_print=True)}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    pdfs = {}
    for mode, options in MODES.items():
        out = tmp_path_factory.mktemp(mode)
        for result in pipeline.build_all(WORKSHEETS, out, options):
            assert isinstance(result, Built), result
            pdfs[(result.source.stem, mode)] = result.output
    return pdfs


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", [p.stem for p in WORKSHEETS])
def test_page_dump_matches_the_golden_file(built: dict[tuple[str, str], Path], name: str, mode: str, update_golden: bool) -> None:
    dump = page_dump(built[(name, mode)])
    golden = GOLDEN / f"{name}.{mode}.txt"
    if update_golden:
        golden.write_text(dump, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file {golden.name}; run pytest --update-golden"
    expected = golden.read_text(encoding="utf-8")
    assert dump == expected, f"{golden.name} differs; if the change is intended, run pytest --update-golden and review the diff"


def test_no_stale_golden_files() -> None:
    expected = {f"{p.stem}.{mode}.txt" for p in WORKSHEETS for mode in MODES}
    assert {p.name for p in GOLDEN.glob("*.txt")} <= expected
