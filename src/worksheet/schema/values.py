"""The kinds of value a field can hold, each read from the string the person wrote.

Why: every scalar arrives as the text in the file; this module alone decides what it
means (``no`` stays "no", ``1:30`` is a duration of 90 seconds only where a duration
is expected, ``010`` is the number 10 only where a count is). Each kind is a
:class:`~worksheet.schema.context.Value`: a reader that returns the typed value or
records a located, plain-English problem, and the JSON Schema that editors get.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from .. import model
from ..errors import shown
from ..read import files
from ..read.library import ID
from ..read.source import Node, Scalar, Sequence
from ..read.text import MAX_MARKS, mark_run
from .context import Context, Rejected, Value, check_chars, quote, scalar

MAX_HOLD_SECONDS = 600
_MAX_DIGITS = 6
MAX_SHORT = 60  # a count, a time, a frequency, a tag or an id is never longer: refused before any pattern
MAX_URL = 300
# Digits are ASCII only ([0-9], re.ASCII): the same rule as the editor schema, whose patterns
# are ECMAScript's. Every pattern runs only on text of at most MAX_SHORT characters.
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$")
_RANGE_SEP = r"\s*(?:-|–|—|to)\s*"
_COUNT = re.compile(rf"^([0-9]+)(?:{_RANGE_SEP}([0-9]+))?$", re.IGNORECASE | re.ASCII)
_DURATION = re.compile(
    rf"^([0-9]+)(?:{_RANGE_SEP}([0-9]+))?\s*(s|secs?|seconds?|m|mins?|minutes?)?\.?$", re.IGNORECASE | re.ASCII
)
_CLOCK = re.compile(r"^([0-9]{1,2}):([0-5][0-9])$")
# The same forms for editors (JSON Schema patterns have no case-insensitive flag).
_TO = r"\s*(?:-|–|—|[Tt][Oo])\s*"
_SCHEMA_COUNT = rf"^\s*[0-9]+(?:{_TO}[0-9]+)?\s*$"
_SCHEMA_DURATION = rf"^\s*(?:[0-9]{{1,2}}:[0-5][0-9]|[0-9]+(?:{_TO}[0-9]+)?\s*(?:[Ss]|[Ss][Ee][Cc][Ss]?|[Ss]econds?|[Mm]|[Mm][Ii][Nn][Ss]?|[Mm]inutes?)?\.?)\s*$"


def short(ctx: Context, node: Node, name: str, what: str, refused: str, number: bool = False) -> str:
    """The stripped text of a value that is always short; ``refused`` (a message taking the
    quoted text) when it is longer than any such value can be, before a pattern sees it.
    For a ``number``, a long run of digits is said to be far too large."""
    text = scalar(ctx, node, name, what).strip()
    if len(text) > MAX_SHORT:
        if number and text.isascii() and text.isdigit() and text.lstrip("0"):
            raise ctx.bad(node, f"The number in '{name}' is far too large.")
        raise ctx.bad(node, refused.format(quote(text)))
    return text


def _text(ctx: Context, node: Node, name: str, max_len: int) -> tuple[Scalar, str]:
    """A scalar's text, composed (NFC), once its length and its accent marks are known to be
    within bounds: the checks that cost time in proportion to the text come after the cheap ones."""
    raw = scalar(ctx, node, name, "text")
    assert isinstance(node, Scalar)
    if len(raw) > 2 * max_len + 1000:  # white space and accents typed apart shrink; nothing else does
        raise ctx.bad(node, f"'{name}' is {len(raw):,} characters long; keep it under {max_len:,}.")
    run = mark_run(raw)
    if run is not None:
        raise ctx.bad(node, f"'{name}' has {run[1]:,} accent marks on one letter; a letter takes at most {MAX_MARKS}. Delete the extra marks.")
    composed = unicodedata.normalize("NFC", raw)
    if not check_chars(ctx, node, composed, name):
        raise Rejected()
    return node, composed


# --- text ------------------------------------------------------------------------------


def text_value(max_len: int) -> Value[str]:
    """A single line of plain text (line breaks in the file become spaces)."""

    def read(ctx: Context, node: Node, name: str) -> str:
        node, composed = _text(ctx, node, name, max_len)
        text = " ".join(composed.split())
        if not text:
            raise ctx.bad(node, f"'{name}' is empty; give it some text, or remove the line.")
        if len(text) > max_len:
            raise ctx.bad(node, f"'{name}' is {len(text):,} characters long; keep it under {max_len:,}.")
        return text

    return Value(read, {"type": "string", "maxLength": max_len})


def paragraphs_value(max_len: int) -> Value[tuple[str, ...]]:
    """Plain text where a blank line starts a new paragraph."""

    def read(ctx: Context, node: Node, name: str) -> tuple[str, ...]:
        node, composed = _text(ctx, node, name, max_len)
        # In literal blocks (|) a blank line is two line breaks; everywhere else
        # YAML has already folded lines, and a blank line became one line break.
        pattern = r"\n[ \t]*\n" if node.style == "literal" else r"\n"
        paras = tuple(p for p in (" ".join(chunk.split()) for chunk in re.split(pattern, composed)) if p)
        if not paras:
            raise ctx.bad(node, f"'{name}' is empty; give it some text, or remove the line.")
        total = sum(len(p) for p in paras)
        if total > max_len:
            raise ctx.bad(node, f"'{name}' is {total:,} characters long; keep it under {max_len:,}.")
        return paras

    return Value(read, {"type": "string", "maxLength": max_len})


def _cut_sentence(items: tuple[Scalar, ...]) -> tuple[str, str] | None:
    """Two neighbouring items of a ``[ ]`` list that read as one sentence cut at a comma: the
    first does not end a sentence and the next goes on in lower case ("Bend your knees, then
    lift" written as ``[Bend your knees, then lift]`` is two items)."""
    for a, b in itertools.pairwise(items):
        if a.style != "plain" or b.style != "plain" or not a.value or not b.value:
            continue
        first, second = a.value.rstrip(), b.value.lstrip()
        if first and first[-1] not in ".!?:;)" and second[:1].islower():
            return first, second
    return None


def text_list_value(max_len: int, max_items: int, sentences: bool = False) -> Value[tuple[str, ...]]:
    """One piece of text, or a list of them. For ``sentences`` (steps, cautions), a list in
    ``[ ]`` whose items look like one sentence cut at its commas gets a warning."""
    one = text_value(max_len).read

    def read(ctx: Context, node: Node, name: str) -> tuple[str, ...]:
        if isinstance(node, Scalar):
            return (one(ctx, node, name),)
        if not isinstance(node, Sequence):
            raise ctx.bad(node, f"'{name}' must be text or a list of text, not a set of keys.")
        if not node.items:
            raise ctx.bad(node, f"'{name}' is an empty list; add at least one item, or remove the line.")
        if len(node.items) > max_items:
            raise ctx.bad(node, f"'{name}' has {len(node.items)} items; keep it to {max_items} or fewer.")
        out: list[str] = []
        ok = True
        for i, item in enumerate(node.items, 1):
            try:
                if not isinstance(item, Scalar):
                    raise ctx.bad(item, f"Item {i} of '{name}' must be plain text, not a nested list or keys.")
                out.append(one(ctx, item, name))
            except Rejected:
                ok = False
        if not ok:
            raise Rejected()
        if sentences and node.flow:
            cut = _cut_sentence(tuple(i for i in node.items if isinstance(i, Scalar)))
            if cut is not None:
                ctx.warn(node, f"'{name}' is a list in [ ], where every comma starts a new item, and "
                               f"{quote(cut[0], 30)} then {quote(cut[1], 30)} read like one sentence cut in two. "
                               "Write each item on its own line starting with '- ', or put the sentence in quotes.")
        return tuple(out)

    item = {"type": "string", "maxLength": max_len}
    return Value(read, {"anyOf": [item, {"type": "array", "items": item, "minItems": 1, "maxItems": max_items}]})


# --- choices and flags -------------------------------------------------------------------


def choice_value(choices: tuple[str, ...]) -> Value[str]:
    words = " or ".join(f"'{c}'" for c in choices) if len(choices) == 2 else ", ".join(f"'{c}'" for c in choices[:-1]) + f" or '{choices[-1]}'"

    def read(ctx: Context, node: Node, name: str) -> str:
        raw = scalar(ctx, node, name, f"one of {words}")
        value = raw.strip().lower()
        if value not in choices:
            raise ctx.bad(node, f"'{name}' must be {words}, not {quote(raw)}.")
        return value

    either_case = "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in ch) for ch in choices)
    return Value(read, {"anyOf": [{"enum": list(choices)}, {"type": "string", "pattern": rf"^\s*({either_case})\s*$"}]})


def _read_bool(ctx: Context, node: Node, name: str) -> bool:
    """true or false, and nothing else (YAML 1.1's yes/no/on/off are refused as ambiguous)."""
    raw = scalar(ctx, node, name, "true or false")
    text = raw.strip().lower()
    if text not in ("true", "false"):
        raise ctx.bad(node, f"'{name}' must be true or false, not {quote(raw)}.")
    return text == "true"


BOOL = Value(_read_bool, {"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]})


# --- numbers and times -------------------------------------------------------------------


def _number(ctx: Context, node: Node, name: str, digits: str) -> int:
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        raise ctx.bad(node, f"The number in '{name}' is far too large.")
    return int(digits)


def _ordered(ctx: Context, node: Node, name: str, low: int, high: int, raw: str) -> None:
    if high < low:
        raise ctx.bad(node, f"The range {quote(raw)} in '{name}' is backwards; write the smaller number first ({high}-{low}).")


def count_value(maximum: int, example: str, range_example: str) -> Value[model.Count]:
    """A whole number ('10') or a range ('10-15', '10 to 15'), each from 1 to ``maximum``."""

    def read(ctx: Context, node: Node, name: str) -> model.Count:
        refused = f"'{name}' must be a whole number such as {example} or a range such as {range_example}, not {{}}."
        text = short(ctx, node, name, f"a whole number such as {example}", refused, number=True)
        m = _COUNT.match(text)
        if not m:
            raise ctx.bad(node, refused.format(quote(text)))
        low = _number(ctx, node, name, m.group(1))
        high = _number(ctx, node, name, m.group(2)) if m.group(2) else low
        _ordered(ctx, node, name, low, high, text)
        if low < 1:
            raise ctx.bad(node, f"'{name}' must be at least 1.")
        if high > maximum:
            raise ctx.bad(node, f"'{name}' of {high} is more than {maximum}; check the number.")
        return model.Count(low, high)

    return Value(read, {"anyOf": [
        {"type": "integer", "minimum": 1, "maximum": maximum},
        {"type": "string", "pattern": _SCHEMA_COUNT},
    ]})


def parse_duration(text: str) -> tuple[int, int] | str:
    """Seconds (low, high) from '30 s', '3-5 s', '1 min', '1:30', '45'; or an error reason."""
    text = text.strip()
    clock = _CLOCK.match(text)
    if clock:
        s = int(clock.group(1)) * 60 + int(clock.group(2))
        return (s, s)
    m = _DURATION.match(text)
    if not m:
        return "unreadable"
    if any(g and len(g.lstrip("0")) > _MAX_DIGITS for g in m.group(1, 2)):
        return "too large"
    factor = 60 if (m.group(3) or "s").lower().startswith("m") else 1
    low = int(m.group(1)) * factor
    high = int(m.group(2)) * factor if m.group(2) else low
    return (low, high)


def _read_duration(ctx: Context, node: Node, name: str) -> model.Duration:
    """A time: '30 s', '3-5 s', '1 min', '1:30', or a number of seconds."""
    text = short(ctx, node, name, "a time such as '30 s'", f"'{name}' must be a time such as '30 s', '3-5 s', '1 min' or '1:30', not {{}}.", number=True)
    parsed = parse_duration(text)
    if parsed == "too large":
        raise ctx.bad(node, f"The number in '{name}' is far too large.")
    if isinstance(parsed, str):
        raise ctx.bad(node, f"'{name}' must be a time such as '30 s', '3-5 s', '1 min' or '1:30', not {quote(text)}.")
    low, high = parsed
    _ordered(ctx, node, name, low, high, text)
    if low < 1:
        raise ctx.bad(node, f"'{name}' must be at least 1 second.")
    if high > MAX_HOLD_SECONDS:
        raise ctx.bad(node, f"'{name}' of {quote(text)} is longer than {MAX_HOLD_SECONDS // 60} minutes; check the time.")
    return model.Duration(low, high)


DURATION = Value(_read_duration, {"anyOf": [
    {"type": "integer", "minimum": 1, "maximum": MAX_HOLD_SECONDS},
    {"type": "string", "pattern": _SCHEMA_DURATION},
]})


# --- addresses, tags, ids and files --------------------------------------------------------


def _matching(ctx: Context, node: Node, name: str, pattern: re.Pattern[str], what: str, expected: str) -> str:
    """One short line of text, stripped, that ``pattern`` must match: ``what`` is asked for when
    the value is missing or not text, ``expected`` is said when it does not match."""
    refused = f"'{name}' must be {expected}, not {{}}."
    text = short(ctx, node, name, what, refused)
    if not pattern.match(text):
        raise ctx.bad(node, refused.format(quote(text)))
    return text


def is_web_address(text: str) -> bool:
    """http(s)://host.name[/path...] with no white space, checked without a pattern (a pattern
    for this backtracks on a long run of dots)."""
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or any(c.isspace() for c in text):
        return False
    host = rest
    for stop in "/?#":
        host = host.split(stop, 1)[0]
    return "." in host.strip(".") and not host.startswith(".") and not host.endswith(".")


def _pattern_value(pattern: re.Pattern[str], what: str, expected: str) -> Value[str]:
    def read(ctx: Context, node: Node, name: str) -> str:
        return _matching(ctx, node, name, pattern, what, expected)

    return Value(read, {"type": "string", "pattern": pattern.pattern})


def _read_url(ctx: Context, node: Node, name: str) -> str:
    """An http or https address, printed as a QR code with the address written under it."""
    text = scalar(ctx, node, name, "a web address starting with https://").strip()
    if len(text) > MAX_URL:
        raise ctx.bad(node, f"'{name}' is {len(text):,} characters long; use a shorter address (at most {MAX_URL}).")
    if not is_web_address(text):
        raise ctx.bad(node, f"'{name}' must be a web address starting with https:// or http://, not {quote(text)}.")
    assert isinstance(node, Scalar)
    if not check_chars(ctx, node, text, name):
        raise Rejected()
    return text


URL = Value(_read_url, {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "maxLength": MAX_URL})
LANGUAGE = _pattern_value(_LANGUAGE, "a language tag such as 'en-US'", "a language tag such as 'en-US' or 'es'")
LIBRARY_ID = _pattern_value(ID, "the id of a library exercise, such as 'knee-to-chest'",
                            "the id of a library exercise (its file name without .yaml), such as 'knee-to-chest'")


def _read_image(ctx: Context, node: Node, name: str) -> Path:
    """A PNG or JPEG picture, as a path relative to the file that names it, inside the project."""
    from ..read import pictures

    text = scalar(ctx, node, name, "the path of a PNG or JPEG picture, such as 'images/bridge.png'").strip()
    if ctx.doc.file is None or ctx.root is None:
        raise ctx.bad(node, f"'{name}' needs the worksheet to be read from a file.")
    problem = files.name_problem(text)
    if problem:
        shown_name = f" {quote(text)}" if len(text) <= 60 else ""
        hint = "rename the file" if "\0" in text else "use a shorter name"
        raise ctx.bad(node, f"'{name}'{shown_name} {problem}; {hint}.")
    rel = Path(text)
    if rel.is_absolute() or text.startswith("~"):
        raise ctx.bad(node, f"'{name}' must be a path relative to this file, such as 'images/bridge.png', not {quote(text)}.")
    target = Path(os.path.realpath(ctx.doc.file.parent / rel))  # never raises, even for a link that loops
    if not target.is_relative_to(ctx.root):
        raise ctx.bad(node, f"'{name}' {quote(text)} points outside the project folder {shown(ctx.root)}/; keep pictures inside it.")
    if target.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise ctx.bad(node, f"'{name}' must be a PNG or JPEG picture (.png, .jpg), not {quote(text)}.")
    try:
        pictures.check(target)
    except pictures.ImageProblem as e:
        raise ctx.bad(node, f"The picture {quote(text)} {e}.") from None
    return target


IMAGE = Value(_read_image, {"type": "string", "pattern": r"\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg])\s*$"})


def _handled_by_caller(ctx: Context, node: Node, name: str) -> Any:  # pragma: no cover - never called
    raise AssertionError(f"'{name}' is read by the worksheet builder, not as a plain value")


NESTED = Value(_handled_by_caller)  # 'exercises' and 'defaults': read by the builder itself
