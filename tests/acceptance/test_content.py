"""Content rules for the shipped worksheets: our own sentences, no names from the seed pages.

The seed pages live in ../shared/seeds beside the project in this workplace; where they are
absent (a checkout elsewhere) the copy check is skipped, the name check still runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml

from tests.helpers import ROOT, SHIPPED

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 6  # words in a row that may not match the seed text
FORBIDDEN = ["doctor jo", "ask doctor", "trudy", "ireliev", "phil ", "dr. jen", "youtube", "video", "http", "www."]


def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def texts() -> Iterator[tuple[str, str]]:
    """Every sentence we wrote: each text value in the worksheets and library, except titles."""
    for path in sorted(SHIPPED.glob("*.yaml")) + sorted((SHIPPED / "library").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
            if isinstance(value, dict):
                for k, v in value.items():
                    if k not in ("use", "hold", "reps", "sets", "sides", "title", "name"):
                        yield from walk(v, f"{where}.{k}")
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    yield from walk(v, f"{where}[{i}]")
            elif isinstance(value, str):
                yield where, value

        yield from walk(data, path.relative_to(SHIPPED).as_posix())


def test_no_names_links_or_videos_from_the_seeds() -> None:
    for where, text in texts():
        for name in FORBIDDEN:
            assert name not in text.lower(), f"{where}: {text!r} mentions {name!r}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not beside the project")
def test_no_sentence_is_copied_from_the_seeds() -> None:
    seed_words = words(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    grams = {tuple(seed_words[i : i + RUN]) for i in range(len(seed_words) - RUN + 1)}
    copied = []
    for where, text in texts():
        w = words(text)
        copied += [f"{where}: {' '.join(w[i:i + RUN])}" for i in range(len(w) - RUN + 1) if tuple(w[i : i + RUN]) in grams]
    assert not copied, copied
