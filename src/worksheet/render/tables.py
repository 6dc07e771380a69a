"""The few tables left to platypus (the tracking log, the patient line, QR captions), made safe.

Why: platypus' Paragraph text is markup, and markup from a file could embed local
images, links or worse (CVE-2023-33733). User text reaches a Paragraph only through
:func:`esc`. Platypus is imported here, when a worksheet needs a table, and not at
start-up: importing any of it imports all of it (a tenth of a second).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle

NO_PADDING: list[tuple[Any, ...]] = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def esc(text: str) -> str:
    """User text made safe for Paragraph: every ``& < >`` becomes an entity. (Our own three
    replacements: xml.sax.saxutils would pull in urllib and http, 30 ms at start-up.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: ParagraphStyle) -> Any:
    """A platypus Paragraph of our own markup, for a table cell; user text only through esc()."""
    from reportlab.platypus.paragraph import Paragraph

    return Paragraph(text, style)


def table(rows: list[Any], widths: list[float], commands: list[tuple[Any, ...]], **kw: Any) -> Any:
    from reportlab.platypus.tables import Table, TableStyle

    return Table(rows, colWidths=widths, style=TableStyle(commands), **kw)
