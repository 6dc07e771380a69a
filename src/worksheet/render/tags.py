"""The structure of a page as it is drawn: tagged content for screen readers (PDF/UA).

Why: a patient who cannot read the page listens to it, and a screen reader reads the structure
tree, not the page: headings, paragraphs, the steps as a list, the dose and caution as labelled
sections, the log as a table, each picture with its words. ReportLab has no tagging API, but its
canvas writes whatever operators it is given. So each of our flowables says what it is (a
``tag`` such as ``P`` or ``H2``); as it is drawn, the :class:`Tagger` opens that structure
element, wraps the flowable's text and pictures in marked content with a number (``/P <</MCID 3>>
BDC ... EMC``) and notes which element each number belongs to. What is only decoration (rules,
box backgrounds, the running head, page numbers) is wrapped as an artifact. The tree is written
into the file afterwards (:mod:`.archive`), in drawing order, which is reading order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

# Elements that are only ever found inside a parent of their own: consecutive steps (LI) are
# gathered into one list (L) and contents lines (TOCI) into one table of contents (TOC).
_GROUPED = {"LI": "L", "TOCI": "TOC"}


@dataclass(eq=False)
class Element:
    """One structure element: its role, what it holds (elements, or (page, MCID) of marked
    content), and its attributes (Alt for a figure, Lang, T for a section's title, Scope)."""

    role: str
    attrs: dict[str, str] = field(default_factory=dict)
    kids: list[Element | tuple[int, int]] = field(default_factory=list)
    open_group: bool = False  # an L or TOC still taking items

    def text_parts(self) -> Iterator[tuple[int, int]]:
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.text_parts()
            else:
                yield kid


class Tagger:
    """Structure elements opened and closed as flowables are drawn, and marked content numbered
    page by page (the page being drawn is ``page``, counted from 0)."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._open: list[Element] = [self.root]
        self.page = 0
        self._next: dict[int, int] = {}  # page -> the next MCID on it
        self._artifact = 0  # inside an artifact, nothing is tagged (a repeated footer's text)
        self._marking = 0  # inside marked content, what is drawn belongs to it (a heading's number and name)

    @contextmanager
    def element(self, role: str, **attrs: str) -> Iterator[Element | None]:
        if self._artifact:
            yield None
            return
        parent = self._open[-1]
        group = _GROUPED.get(role)
        last = parent.kids[-1] if parent.kids else None
        for kid in parent.kids:  # anything else closes a list that was taking items
            if isinstance(kid, Element) and kid.open_group and kid.role != group:
                kid.open_group = False
        if group is not None:
            if not (isinstance(last, Element) and last.role == group and last.open_group):
                last = Element(group, open_group=True)
                parent.kids.append(last)
            parent = last
        element = Element(role, {k: v for k, v in attrs.items() if v})
        parent.kids.append(element)
        self._open.append(element)
        try:
            yield element
        finally:
            self._open.pop()

    @contextmanager
    def content(self, canv: Any, role: str | None = None) -> Iterator[None]:
        """Marked content of the element being drawn (text, a picture), numbered on its page."""
        if self._artifact or self._marking:  # one sequence already marks this content
            yield
            return
        element = self._open[-1]
        mcid = self._next.get(self.page, 0)
        self._next[self.page] = mcid + 1
        element.kids.append((self.page, mcid))
        canv._code.append(f"/{role or element.role} <</MCID {mcid}>> BDC")
        self._marking += 1
        try:
            yield
        finally:
            self._marking -= 1
            canv._code.append("EMC")

    @contextmanager
    def artifact(self, canv: Any, kind: str = "Layout") -> Iterator[None]:
        """Decoration a reader skips: a rule, a box's background, a running head, a page number."""
        if self._artifact or self._marking:  # already one; or part of real content (a heading's badge): never nested
            yield
            return
        canv._code.append(f"/Artifact <</Type /{kind}>> BDC")
        self._artifact += 1
        try:
            yield
        finally:
            self._artifact -= 1
            canv._code.append("EMC")

    def next_mcid(self, page: int) -> int:
        return self._next.get(page, 0)


class _Untagged:
    """For a canvas that is not ours (a test's, a measurement's): draws without tags."""

    @contextmanager
    def element(self, role: str, **attrs: str) -> Iterator[Element | None]:
        yield None

    @contextmanager
    def content(self, canv: Any, role: str | None = None) -> Iterator[None]:
        yield

    @contextmanager
    def artifact(self, canv: Any, kind: str = "Layout") -> Iterator[None]:
        yield


UNTAGGED = _Untagged()


def tags(canv: Any) -> Tagger | _Untagged:
    """The tagger of the canvas being drawn on, or one that tags nothing."""
    return getattr(canv, "tags", None) or UNTAGGED
