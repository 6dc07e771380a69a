"""What every converter shares: where problems go, how a field is declared, how keys are read.

Why: a clinician wants to fix a file in one pass, so checking never stops at the first
problem. Each converter either returns the typed value or records a located issue and
raises :class:`Rejected`; :func:`read_mapping` catches that per key and goes on with the
next one, so every problem in a file is gathered before anything is built.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..errors import Issue, escape
from ..read.source import Document, Mapping, Node, Scalar, Sequence
from ..read.text import CONTROL_IN_VALUE, loose_marks

T = TypeVar("T")


class Rejected(Exception):
    """A value was refused; its problem is already recorded in the context."""


class Context:
    """Where issues go, and the file they are about."""

    def __init__(self, doc: Document, issues: list[Issue], charset: Collection[int] | None, root: Path | None = None,
                 warnings: list[Issue] | None = None, figures: set[Any] | None = None) -> None:
        self.doc = doc
        self.issues = issues
        self.warnings: list[Issue] = [] if warnings is None else warnings
        self.charset = charset
        # Most text is plain ASCII: when the font has every printable ASCII character, such
        # text needs no character-by-character check.
        self.ascii_ok = charset is not None and all(c in charset for c in range(0x20, 0x7F))
        self.root = root  # the project folder: files a worksheet names must be inside it
        self.figures: set[Any] = set() if figures is None else figures  # the different figures checked so far
        self.language: str | None = None  # the language the file is written in, once read
        self.target: str | None = None  # the language to print, where the text is taken from 'translations'

    def for_document(self, doc: Document) -> Context:
        """A context for another file (a library entry) that shares this one's issues."""
        other = Context(doc, self.issues, self.charset, self.root, self.warnings, self.figures)
        other.language, other.target = self.language, self.target  # entries are written in the worksheets' language
        return other

    def bad(self, node: Node, message: str) -> Rejected:
        """Record a problem with ``node``; return the exception to raise."""
        if not node.refused:  # an alias or tag, reported once already by the reader
            self.issues.append(Issue(self.doc.path, node.line, node.col, message))
        return Rejected()

    def at(self, line: int, col: int, message: str) -> None:
        self.issues.append(Issue(self.doc.path, line, col, message))

    def warn(self, node: Node, message: str) -> None:
        """Note something that is probably a mistake but builds anyway."""
        self.warnings.append(Issue(self.doc.path, node.line, node.col, message, warning=True))


@dataclass(frozen=True)
class Value(Generic[T]):
    """How a kind of value is read (``read(ctx, node, key)``), and its JSON Schema for editors."""

    read: Callable[[Context, Node, str], T]
    schema: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Field:
    """One key of the format: how its value is read, and what it means."""

    name: str
    value: Value[Any]
    description: str
    example: str
    required: bool = False


def quote(value: str, limit: int = 40) -> str:
    """A value from the file, quoted for a one-line message: escapes shown, long values cut."""
    value = value[: limit + 1]  # cut before escaping: a value may be a megabyte long
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in value)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def scalar(ctx: Context, node: Node, name: str, what: str) -> str:
    """The text of a scalar; a located problem for an empty value, a list or a mapping."""
    if isinstance(node, Scalar):
        if node.value is None:
            raise ctx.bad(node, f"'{name}' is empty; give it {what}, or remove the line.")
        return node.value
    kind = "a list" if isinstance(node, Sequence) else "a set of keys"
    raise ctx.bad(node, f"'{name}' must be {what}, not {kind}.")


_MAX_GLYPH_ISSUES = 3  # per value: the first few missing characters say enough

# Characters people paste that the font lacks, with what to type instead.
_REPLACEMENTS = {
    "→": "->", "←": "<-", "✓": "a word such as 'yes'", "✔": "a word such as 'yes'", "✗": "x",
    "⅓": "1/3", "⅔": "2/3", "⅛": "1/8", "′": "'", "″": '"', "µ": "micro",
}


def check_chars(ctx: Context, node: Scalar, text: str, name: str) -> bool:
    """Refuse control characters, accent marks that cannot be placed on their letter, and
    characters the font cannot draw (never a silent box). ``text`` is checked as it will be
    printed: already composed (NFC), since composing can make a character the font lacks."""
    ok = True
    m = CONTROL_IN_VALUE.search(text)
    if m:
        ctx.bad(node, f"'{name}' contains the control character U+{ord(m.group()):04X}; delete it.")
        ok = False
    if text.isascii():
        return ok
    loose = loose_marks(text)
    for _, mark, base in loose[:_MAX_GLYPH_ISSUES]:
        line, col = ctx.doc.locate(node, mark)
        label = unicodedata.name(mark, "accent mark").lower()
        where = "at the start of a line" if base in "\r\n" else f"on '{escape(base)}'"  # a line break is no letter to show
        ctx.at(line, col, f"'{name}' has the mark U+{ord(mark):04X} ({label}) {where}, which cannot be printed with the worksheet font; write the letter without it.")
    if ctx.charset is None or (ctx.ascii_ok and text.isascii()):
        return ok and not loose
    marks = {mark for _, mark, _ in loose}
    missing = [ch for ch in dict.fromkeys(text)
               if ord(ch) not in ctx.charset and not ch.isspace() and not CONTROL_IN_VALUE.match(ch) and ch not in marks]
    rtl = [ch for ch in missing if unicodedata.bidirectional(ch) in ("R", "AL")]
    if rtl:
        line, col = ctx.doc.locate(node, rtl[0])
        ctx.at(line, col, f"'{name}' has right-to-left text ({unicodedata.name(rtl[0], 'unnamed').lower()}...), which is not supported yet; write it in a left-to-right language.")
        missing = [ch for ch in missing if ch not in rtl]
    for ch in missing[:_MAX_GLYPH_ISSUES]:
        line, col = ctx.doc.locate(node, ch)
        label = unicodedata.name(ch, "unnamed character").lower()
        hint = f"type {_REPLACEMENTS[ch]} instead" if ch in _REPLACEMENTS else "replace it or leave it out"
        ctx.at(line, col, f"The character '{ch}' (U+{ord(ch):04X}, {label}) is not in the worksheet font; {hint}.")
    if len(missing) > _MAX_GLYPH_ISSUES:
        ctx.bad(node, f"'{name}' has {len(missing) - _MAX_GLYPH_ISSUES} more characters the worksheet font lacks.")
    return ok and not missing and not rtl and not loose


def _unknown_key(ctx: Context, key: Scalar, where: str, known: Collection[str]) -> None:
    close = difflib.get_close_matches(str(key.value).lower(), list(known), n=1, cutoff=0.6)
    if close:
        ctx.bad(key, f"Unknown key {quote(str(key.value))} in {where}; the nearest known key is '{close[0]}'.")
    else:
        ctx.bad(key, f"Unknown key {quote(str(key.value))} in {where}; the known keys are {', '.join(sorted(known))}.")


def capitalized(where: str) -> str:
    return where[0].upper() + where[1:]


def read_mapping(
    ctx: Context, node: Node, fields: tuple[Field, ...], where: str, skip: Collection[str] = (), optional: Collection[str] = ()
) -> dict[str, Any]:
    """Convert every known key of ``node``; report unknown keys and missing required ones.

    Keys in ``skip`` are left for the caller; keys in ``optional`` are not required here.
    Raises :class:`Rejected` when any key was refused, after checking all of them.
    """
    if not isinstance(node, Mapping):
        raise ctx.bad(node, f"{capitalized(where)} must be a set of 'key: value' lines.")
    by_name = {f.name: f for f in fields}
    out: dict[str, Any] = {}
    ok = True
    for key, value in node.items:
        name = str(key.value)
        if name in skip:
            continue
        spec = by_name.get(name)
        if spec is None:
            _unknown_key(ctx, key, where, by_name)
            ok = False
            continue
        try:
            out[name] = spec.value.read(ctx, value, name)
        except Rejected:
            ok = False
    for spec in fields:
        if spec.required and node.key_node(spec.name) is None and spec.name not in optional:
            example = f"an '{spec.name}:' list" if spec.example.startswith("- ") else f"one, for example '{spec.name}: {spec.example}'"
            ctx.bad(node, f"{capitalized(where)} has no '{spec.name}'; add {example}.")
            ok = False
    if not ok:
        raise Rejected()
    return out
