"""Read a YAML file safely into a tree of located nodes.

Why: PyYAML's loaders build Python objects with YAML 1.1 rules (``no`` becomes
False, ``1:30`` becomes 90, ``010`` becomes 8), follow aliases (billion laughs)
and let the last of two duplicate keys win in silence. We use only PyYAML's
*parser*, which turns text into events, and build our own small tree from them:
every scalar stays the string the person wrote, every node keeps its 1-based
line and column, and tags, anchors, aliases, duplicate keys and second
documents are refused with their position. Nothing here knows the worksheet
schema; the schema stage (:mod:`worksheet.schema`) gives the strings their types.

Positions count lines as editors do (a line ends at LF, CRLF or a lone CR), from the
character offsets the parser gives, not from its own line count (which also breaks
lines at U+2028, a character we refuse). Files are opened by :mod:`.files`.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from ..errors import InputError, Issue, display_path
from . import files
from .text import CONTROL_IN_FILE, SEPARATORS

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 100_000

_LEADING_TAB = re.compile(r"(?:\A|(?<=[\n\r]))[ ]*\t")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STYLES = {None: "plain", "": "plain", "'": "single", '"': "double", "|": "literal", ">": "folded"}

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Mark(Protocol):
    """A position in the text, as both of PyYAML's parsers (Python and libyaml) give it; 0-based."""

    line: int
    column: int
    index: int


@dataclass(frozen=True, slots=True)
class Scalar:
    """A scalar exactly as written. ``value`` is None for an empty/null plain scalar."""

    value: str | None
    style: str  # plain | single | double | literal | folded
    line: int
    col: int
    start: int  # character offsets into the source text
    end: int
    refused: bool = False  # an alias or tagged value, already reported: say nothing more about it


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]
    line: int
    col: int
    refused: bool = False
    start: int = 0  # character offsets where it starts and ends
    end: int = 0
    flow: bool = False  # written in [ ] rather than as '- ' lines


@dataclass(frozen=True, slots=True)
class Mapping:
    items: tuple[tuple[Scalar, Node], ...]
    line: int
    col: int
    refused: bool = False
    start: int = 0  # character offsets where it starts and ends
    end: int = 0

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> Scalar | None:
        for k, _ in self.items:
            if k.value == key:
                return k
        return None


Node = Scalar | Sequence | Mapping


class LineIndex:
    """Where each line of a text starts, to turn a character offset into a line and column."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of the character at ``index``."""
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


@dataclass(frozen=True)
class Document:
    """A parsed file: its path as shown, its text and its root node."""

    path: str
    text: str
    root: Node
    issues: tuple[Issue, ...] = field(default=())  # non-fatal problems found while reading
    file: Path | None = None  # where it was read from, to resolve relative paths (images)
    lines: LineIndex | None = field(default=None, compare=False, repr=False)

    def locate(self, node: Scalar, char: str) -> tuple[int, int]:
        """Line and column of the first ``char`` written inside ``node``.

        Falls back to the node's own position when the character was written as
        an escape sequence (``"\\u2192"``) and so does not appear literally.
        """
        i = self.text.find(char, node.start, max(node.end, node.start + 1))
        if i < 0 or self.lines is None:
            return node.line, node.col
        return self.lines.position(i)


_MEMO: dict[tuple[str, Path, bytes], Document] = {}
_MEMO_ENTRIES, _MEMO_BYTES = 512, 64 * 1024


def read_file(path: Path, shown: str | None = None, memo: bool = False) -> Document:
    """Read and parse ``path``; raise :class:`InputError` for anything unreadable.

    With ``memo``, a small file whose bytes were parsed before in this process is not
    parsed again (library entries, which every worksheet of a batch reads). The bytes
    are always read: the key is the content, so an edited file is parsed afresh.
    """
    shown = shown if shown is not None else display_path(path)
    problem = files.name_problem(str(path))
    if problem is None and files.is_link(path):
        target = os.path.realpath(path)
        if not Path(target).is_relative_to(os.path.realpath(path.parent)):
            # A link out of the folder could pull any readable file (a password file, say) into a PDF.
            raise InputError([Issue(shown, 1, 1, "This file is a link to a file outside its folder, so it was not read; copy the file here instead.")])
    try:
        data = files.read_bytes(path, MAX_FILE_BYTES)
    except files.TooLarge:
        raise InputError([Issue(shown, 1, 1, _TOO_LARGE)]) from None
    except files.FileProblem as e:
        raise InputError([Issue(shown, 1, 1, _file_problem(e))]) from None
    if not memo or len(data) > _MEMO_BYTES:
        return dataclasses.replace(parse_bytes(data, shown), file=path)
    key = (shown, path, data)
    doc = _MEMO.get(key)
    if doc is None:
        doc = dataclasses.replace(parse_bytes(data, shown), file=path)
        if len(_MEMO) >= _MEMO_ENTRIES:
            del _MEMO[next(iter(_MEMO))]  # the oldest
        _MEMO[key] = doc
    return doc


_TOO_LARGE = f"The file is larger than {MAX_FILE_BYTES // 1_000_000} MB; a worksheet is far smaller. Check that this is the right file."


def _file_problem(e: files.FileProblem) -> str:
    if e.kind == "folder":
        return "This is a folder, not a worksheet file."
    if e.kind == "special":
        return "This is not a regular file (it may be a pipe or a device), so it was not read."
    if e.reason.startswith("cannot be read: "):
        return f"Cannot read the file: {e.reason.removeprefix('cannot be read: ')}."
    return f"The file {e.reason}."


def parse_bytes(data: bytes, path: str) -> Document:
    """Decode ``data`` (UTF-8, with or without BOM) and parse it as one YAML document."""
    text = _decode(data, path)
    return parse_text(text, path)


def _decode(data: bytes, path: str) -> str:
    def fail(line: int, col: int, message: str) -> InputError:
        return InputError([Issue(path, line, col, message)])

    if len(data) > MAX_FILE_BYTES:
        raise fail(1, 1, _TOO_LARGE)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(1, 1, "The file is saved as UTF-16; save it as UTF-8 instead.")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_line_col(data, nul)
        raise fail(line, col, "The file contains NUL bytes, so it is not UTF-8 text (it may be UTF-16 or a binary file); save it as UTF-8.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _byte_line_col(data, e.start)
        byte = data[e.start]
        raise fail(line, col, f"The file is not valid UTF-8 (byte 0x{byte:02X} here); save it as UTF-8.") from None


def _byte_line_col(data: bytes, pos: int) -> tuple[int, int]:
    before = data[:pos].decode("utf-8", "replace")
    return LineIndex(before).position(len(before))


def parse_text(text: str, path: str) -> Document:
    """Parse ``text`` into a :class:`Document`, gathering every problem found."""
    issues: list[Issue] = []
    lines = LineIndex(text)
    for m in CONTROL_IN_FILE.finditer(text):
        line, col = lines.position(m.start())
        issues.append(Issue(path, line, col, f"Control character U+{ord(m.group()):04X} is not allowed; delete it."))
    for m in SEPARATORS.finditer(text):
        line, col = lines.position(m.start())
        what = "line" if m.group() == "\u2028" else "paragraph"
        issues.append(Issue(path, line, col, f"The {what} separator U+{ord(m.group()):04X} is not allowed; press Enter for a new line, or delete it."))
    if issues:
        raise InputError(issues)
    tab_lines: set[int] = set()
    for m in _LEADING_TAB.finditer(text):
        line, col = lines.position(m.end() - 1)
        tab_lines.add(line)
        issues.append(Issue(path, line, col, "A tab is used for indenting; indent with spaces only."))
    if not text.strip():
        raise InputError([Issue(path, 1, 1, "The file is empty; a worksheet needs at least a title and exercises.")])

    builder = _Builder(path, text, issues, lines)
    try:
        for event in yaml.parse(text, Loader=_Parser):
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as e:
        issue = _syntax_issue(e, text, path, lines)
        if issue.line not in tab_lines:
            issues.append(issue)
        raise InputError(issues) from None
    except yaml.YAMLError as e:  # pragma: no cover - unmarked errors are not expected from the parser
        issues.append(Issue(path, 1, 1, f"The file is not valid YAML: {e}."))
        raise InputError(issues) from None
    if issues and builder.root is None:
        raise InputError(issues)
    if builder.root is None:  # only comments or a bare '---'
        raise InputError([Issue(path, 1, 1, "The file is empty; a worksheet needs at least a title and exercises.")])
    return Document(path, text, builder.root, tuple(issues), lines=lines)


class _Builder:
    """Turns parser events into nodes, refusing what we do not allow."""

    def __init__(self, path: str, text: str, issues: list[Issue], lines: LineIndex) -> None:
        self.path = path
        self.text = text
        self.issues = issues
        self.lines = lines
        self.stack: list[tuple[yaml.Event, list[Node], bool]] = []  # (start event, children, refused)
        self.root: Node | None = None
        self.count = 0
        self.documents = 0

    def _issue(self, mark: _Mark, message: str) -> None:
        self.issues.append(Issue(self.path, *self.lines.position(mark.index), message))

    @staticmethod
    def _marks(ev: yaml.Event) -> tuple[_Mark, _Mark]:
        """Where an event starts and ends (the parser always sets both)."""
        assert ev.start_mark is not None and ev.end_mark is not None
        return ev.start_mark, ev.end_mark

    def feed(self, ev: yaml.Event) -> bool:
        """Take one event; return True to stop reading."""
        m, end = self._marks(ev)
        if isinstance(ev, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._issue(m, "A worksheet file holds one YAML document; remove the second '---' and what follows, or move it to its own file.")
                return True
            return False
        if isinstance(ev, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return False
        if isinstance(ev, yaml.AliasEvent):
            self._issue(m, f"Aliases (*{ev.anchor}) are not allowed; write the value out in full.")
            self._add(Scalar(None, "plain", *self.lines.position(m.index), m.index, end.index, refused=True))
            return False
        refused = False
        if isinstance(ev, yaml.NodeEvent):
            if ev.anchor is not None:
                self._issue(m, f"Anchors (&{ev.anchor}) are not allowed; write each value out in full.")
            tag = getattr(ev, "tag", None)
            if tag is not None and not (isinstance(ev, yaml.CollectionStartEvent) and ev.implicit):
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                self._issue(m, f"Tags like '{shown}' are not allowed; write plain values only.")
                refused = True
        self.count += 1
        if self.count > MAX_NODES:
            self._issue(m, f"The file has more than {MAX_NODES:,} values; a worksheet is far smaller.")
            return True
        if isinstance(ev, yaml.ScalarEvent):
            style = _STYLES.get(ev.style, "plain")
            value: str | None = ev.value
            if style == "plain" and value in _NULLS:
                value = None
            self._add(Scalar(value, style, *self.lines.position(m.index), m.index, end.index, refused))
        elif isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self._issue(m, f"Values are nested more than {MAX_DEPTH} levels deep; a worksheet needs only a few.")
                return True
            self.stack.append((ev, [], refused))
        elif isinstance(ev, yaml.SequenceEndEvent):
            start, items, was_refused = self.stack.pop()
            first, _ = self._marks(start)
            flow = bool(getattr(start, "flow_style", False))
            self._add(Sequence(tuple(items), *self.lines.position(first.index), was_refused, first.index, end.index, flow))
        elif isinstance(ev, yaml.MappingEndEvent):
            start, flat, was_refused = self.stack.pop()
            self._add(self._mapping(start, flat, was_refused, end.index))
        return False

    def _mapping(self, start: yaml.Event, flat: list[Node], refused: bool, end: int) -> Mapping:
        pairs: list[tuple[Scalar, Node]] = []
        seen: dict[str, Scalar] = {}
        for key, value in zip(flat[0::2], flat[1::2], strict=True):
            if not isinstance(key, Scalar) or key.value is None:
                self.issues.append(Issue(self.path, key.line, key.col, "A key must be a plain word such as 'title' or 'reps'."))
                continue
            first = seen.get(key.value)
            if first is not None:
                self.issues.append(Issue(self.path, key.line, key.col, f"Duplicate key '{key.value}' (first used on line {first.line}); keep only one."))
                continue
            seen[key.value] = key
            pairs.append((key, value))
        m, _ = self._marks(start)
        return Mapping(tuple(pairs), *self.lines.position(m.index), refused, m.index, end)

    def _add(self, node: Node) -> None:
        if self.stack:
            self.stack[-1][1].append(node)
        else:
            self.root = node


def _syntax_issue(e: yaml.MarkedYAMLError, text: str, path: str, lines: LineIndex) -> Issue:
    """Turn a parser error into one plain-English located issue."""
    mark = e.problem_mark or e.context_mark
    problem = (e.problem or "").lower()
    context = (e.context or "").lower()
    index = mark.index if mark is not None else 0
    here = text[index] if 0 <= index < len(text) else ""
    if "quoted scalar" in context and "end of stream" in problem and e.context_mark is not None:
        mark = e.context_mark
        message = "This quoted text is never closed; add the closing quote."
    elif here == "\t":
        message = "A tab is not allowed here; use spaces."
    elif "mapping values are not allowed" in problem:
        message = "Unexpected ': ' here. If the text contains a colon followed by a space, put the whole text in quotes; otherwise check the indentation."
    elif "could not find expected ':'" in problem or "expected ':'" in problem:
        message = "Expected 'key: value' on this line; check its indentation against the lines above."
    elif "block end" in problem or "expected '-' indicator" in problem or "expected key" in problem:
        message = "This line's indentation does not match the lines above it."
    elif "flow sequence" in context or "flow mapping" in context:
        message = "A list in [ ] or a mapping in { } is not closed, or is missing a comma."
    elif "cannot start any token" in problem:
        shown = repr(here) if here else "this character"
        message = f"A value cannot start with {shown}; put the text in quotes."
    else:
        words = (e.problem or "invalid YAML").rstrip(".")
        message = f"This is not valid YAML: {words}."
    line, col = lines.position(mark.index) if mark is not None else (1, 1)
    return Issue(path, line, col, message)
