"""Build a :class:`~worksheet.model.Worksheet` from parsed YAML, gathering every problem.

Why: a clinician wants to fix a worksheet in one pass, so validation never stops
at the first problem: each field is checked on its own and every issue is
reported at the key or value it is about. The schema is declared once, as data
(:data:`WORKSHEET_FIELDS`, :data:`EXERCISE_FIELDS`...), with a description for
every field, so that the README and a JSON Schema can be generated from the same
place that validates.

Every scalar arrives as the string the person wrote; this module alone decides
what it means (``no`` stays "no", ``1:30`` is a duration of 90 seconds only
where a duration is expected, ``010`` is the number 10 only where a count is).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import model, source
from .errors import InputError, Issue
from .source import Document, Mapping, Node, Scalar, Sequence

LIBRARY_FOLDER = "library"
MAX_HOLD_SECONDS = 600
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_RANGE_SEP = r"\s*(?:-|–|—|to)\s*"
_COUNT = re.compile(rf"^(\d+)(?:{_RANGE_SEP}(\d+))?$", re.I)
_DURATION = re.compile(
    rf"^(\d+)(?:{_RANGE_SEP}(\d+))?\s*(s|secs?|seconds?|m|mins?|minutes?)?\.?$", re.I
)
_CLOCK = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_FREQUENCY = re.compile(
    rf"^(?:(?P<times>once|twice|\d+(?:{_RANGE_SEP}\d+)?)\s*(?:x|times?)?\s*(?:a|per|each|every|/)\s*(?P<per>day|week)"
    r"|(?P<word>daily|every day|weekly|every week))$",
    re.I,
)
_MAX_DIGITS = 6
# The same forms for editors (JSON Schema patterns have no case-insensitive flag).
_TO = r"\s*(?:-|–|—|[Tt][Oo])\s*"
_SCHEMA_COUNT = rf"^\s*\d+(?:{_TO}\d+)?\s*$"
_SCHEMA_DURATION = rf"^\s*(?:\d{{1,2}}:[0-5]\d|\d+(?:{_TO}\d+)?\s*(?:[Ss]|[Ss][Ee][Cc][Ss]?|[Ss]econds?|[Mm]|[Mm][Ii][Nn][Ss]?|[Mm]inutes?)?\.?)\s*$"
_INVALID = object()  # a converter's answer when it has already reported the problem

# Characters people paste that the font lacks, with what to type instead.
_REPLACEMENTS = {
    "→": "->", "←": "<-", "✓": "a word such as 'yes'", "✔": "a word such as 'yes'", "✗": "x",
    "⅓": "1/3", "⅔": "2/3", "⅛": "1/8", "′": "'", "″": '"', "µ": "micro",
}


class _Ctx:
    """Where issues go, and the file they are about."""

    def __init__(self, doc: Document, issues: list[Issue], charset: Collection[int] | None, root: Path | None = None) -> None:
        self.doc = doc
        self.issues = issues
        self.charset = charset
        # Most text is plain ASCII: when the font has every printable ASCII character, such
        # text needs no character-by-character check.
        self.ascii_ok = charset is not None and all(c in charset for c in range(0x20, 0x7F))
        self.root = root  # the project folder: files a worksheet names must be inside it

    def bad(self, node: Node, message: str) -> object:
        """Record a problem with ``node``; return the marker for an invalid value."""
        if not node.refused:  # an alias or tag, reported once already by the reader
            self.issues.append(Issue(self.doc.path, node.line, node.col, message))
        return _INVALID

    def at(self, line: int, col: int, message: str) -> None:
        self.issues.append(Issue(self.doc.path, line, col, message))


Converter = Callable[[_Ctx, Node, str], Any]


@dataclass(frozen=True)
class Field:
    """One key of the format: how its value is read, and what it means."""

    name: str
    convert: Converter
    description: str
    example: str
    required: bool = False


# --- scalar converters -------------------------------------------------------------


def _quote(value: str, limit: int = 40) -> str:
    """A value from the file, quoted for a one-line message: escapes shown, long values cut."""
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in value)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def _scalar(ctx: _Ctx, node: Node, name: str, what: str) -> str | object:
    if isinstance(node, Scalar):
        if node.value is None:
            return ctx.bad(node, f"'{name}' is empty; give it {what}, or remove the line.")
        return node.value
    kind = "a list" if isinstance(node, Sequence) else "a set of keys"
    return ctx.bad(node, f"'{name}' must be {what}, not {kind}.")


_MAX_GLYPH_ISSUES = 3  # per value: the first few missing characters say enough


def _check_chars(ctx: _Ctx, node: Scalar, text: str, name: str) -> bool:
    """Refuse control characters, and characters the font cannot draw (never a silent box)."""
    ok = True
    m = _CONTROL.search(text)
    if m:
        ctx.bad(node, f"'{name}' contains the control character U+{ord(m.group()):04X}; delete it.")
        ok = False
    if ctx.charset is None or (ctx.ascii_ok and text.isascii()):
        return ok
    # Checked as printed: NFC can compose two printable characters into one the font lacks.
    missing = [ch for ch in dict.fromkeys(unicodedata.normalize("NFC", text))
               if ord(ch) not in ctx.charset and not ch.isspace() and not _CONTROL.match(ch)]
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
    return ok and not missing and not rtl


def _normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_field(max_len: int) -> Converter:
    """A single line of plain text (line breaks in the file become spaces)."""

    def convert(ctx: _Ctx, node: Node, name: str) -> str | object:
        raw = _scalar(ctx, node, name, "text")
        if raw is _INVALID:
            return raw
        assert isinstance(node, Scalar) and isinstance(raw, str)
        text = _normalize(raw)
        if not text:
            return ctx.bad(node, f"'{name}' is empty; give it some text, or remove the line.")
        if not _check_chars(ctx, node, raw, name):
            return _INVALID
        if len(text) > max_len:
            return ctx.bad(node, f"'{name}' is {len(text):,} characters long; keep it under {max_len:,}.")
        return text

    convert.schema = {"type": "string", "maxLength": max_len}  # type: ignore[attr-defined]
    return convert


def paragraphs_field(max_len: int) -> Converter:
    """Plain text where a blank line starts a new paragraph."""

    def convert(ctx: _Ctx, node: Node, name: str) -> tuple[str, ...] | object:
        raw = _scalar(ctx, node, name, "text")
        if raw is _INVALID:
            return raw
        assert isinstance(node, Scalar) and isinstance(raw, str)
        if not _check_chars(ctx, node, raw, name):
            return _INVALID
        # In literal blocks (|) a blank line is two line breaks; everywhere else
        # YAML has already folded lines, and a blank line became one line break.
        pattern = r"\n[ \t]*\n" if node.style == "literal" else r"\n"
        paras = tuple(p for p in (_normalize(chunk) for chunk in re.split(pattern, raw)) if p)
        if not paras:
            return ctx.bad(node, f"'{name}' is empty; give it some text, or remove the line.")
        total = sum(len(p) for p in paras)
        if total > max_len:
            return ctx.bad(node, f"'{name}' is {total:,} characters long; keep it under {max_len:,}.")
        return paras

    convert.schema = {"type": "string", "maxLength": max_len}  # type: ignore[attr-defined]
    return convert


def text_list_field(max_len: int, max_items: int) -> Converter:
    """One piece of text, or a list of them."""
    one = text_field(max_len)

    def convert(ctx: _Ctx, node: Node, name: str) -> tuple[str, ...] | object:
        if isinstance(node, Scalar):
            value = one(ctx, node, name)
            return _INVALID if value is _INVALID else (value,)
        if not isinstance(node, Sequence):
            return ctx.bad(node, f"'{name}' must be text or a list of text, not a set of keys.")
        if not node.items:
            return ctx.bad(node, f"'{name}' is an empty list; add at least one item, or remove the line.")
        if len(node.items) > max_items:
            return ctx.bad(node, f"'{name}' has {len(node.items)} items; keep it to {max_items} or fewer.")
        out: list[str] = []
        ok = True
        for i, item in enumerate(node.items, 1):
            if not isinstance(item, Scalar):
                ctx.bad(item, f"Item {i} of '{name}' must be plain text, not a nested list or keys.")
                ok = False
                continue
            value = one(ctx, item, name)
            if value is _INVALID:
                ok = False
            else:
                out.append(value)
        return tuple(out) if ok else _INVALID

    item = {"type": "string", "maxLength": max_len}
    convert.schema = {"anyOf": [item, {"type": "array", "items": item, "minItems": 1, "maxItems": max_items}]}  # type: ignore[attr-defined]
    return convert


def choice_field(choices: tuple[str, ...]) -> Converter:
    def convert(ctx: _Ctx, node: Node, name: str) -> str | object:
        words = " or ".join(f"'{c}'" for c in choices) if len(choices) == 2 else ", ".join(f"'{c}'" for c in choices[:-1]) + f" or '{choices[-1]}'"
        raw = _scalar(ctx, node, name, f"one of {words}")
        if raw is _INVALID:
            return raw
        value = str(raw).strip().lower()
        if value not in choices:
            return ctx.bad(node, f"'{name}' must be {words}, not {_quote(str(raw))}.")
        return value

    either_case = "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in ch) for ch in choices)
    convert.schema = {"anyOf": [{"enum": list(choices)}, {"type": "string", "pattern": rf"^\s*({either_case})\s*$"}]}  # type: ignore[attr-defined]
    return convert


def _number(ctx: _Ctx, node: Node, name: str, digits: str) -> int | object:
    if len(digits) > _MAX_DIGITS:
        return ctx.bad(node, f"The number in '{name}' is far too large.")
    return int(digits)


def _ordered(ctx: _Ctx, node: Node, name: str, low: int, high: int, raw: str) -> bool:
    if high < low:
        ctx.bad(node, f"The range {_quote(raw)} in '{name}' is backwards; write the smaller number first ({high}-{low}).")
        return False
    return True


def count_field(maximum: int, example: str, range_example: str) -> Converter:
    """A whole number ('10') or a range ('10-15', '10 to 15'), each from 1 to ``maximum``."""

    def convert(ctx: _Ctx, node: Node, name: str) -> model.Count | object:
        raw = _scalar(ctx, node, name, f"a whole number such as {example}")
        if raw is _INVALID:
            return raw
        text = str(raw).strip()
        m = _COUNT.match(text)
        if not m:
            return ctx.bad(node, f"'{name}' must be a whole number such as {example} or a range such as {range_example}, not {_quote(text)}.")
        low = _number(ctx, node, name, m.group(1))
        high = _number(ctx, node, name, m.group(2)) if m.group(2) else low
        if low is _INVALID or high is _INVALID:
            return _INVALID
        if not _ordered(ctx, node, name, low, high, text):
            return _INVALID
        if low < 1:
            return ctx.bad(node, f"'{name}' must be at least 1.")
        if high > maximum:
            return ctx.bad(node, f"'{name}' of {high} is more than {maximum}; check the number.")
        return model.Count(low, high)

    convert.schema = {"anyOf": [  # type: ignore[attr-defined]
        {"type": "integer", "minimum": 1, "maximum": maximum},
        {"type": "string", "pattern": _SCHEMA_COUNT},
    ]}
    return convert


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
    if any(g and len(g) > _MAX_DIGITS for g in m.group(1, 2)):
        return "too large"
    factor = 60 if (m.group(3) or "s").lower().startswith("m") else 1
    low = int(m.group(1)) * factor
    high = int(m.group(2)) * factor if m.group(2) else low
    return (low, high)


def duration_field(ctx: _Ctx, node: Node, name: str) -> model.Duration | object:
    """A time: '30 s', '3-5 s', '1 min', '1:30', or a number of seconds."""
    raw = _scalar(ctx, node, name, "a time such as '30 s'")
    if raw is _INVALID:
        return raw
    text = str(raw).strip()
    parsed = parse_duration(text)
    if parsed == "too large":
        return ctx.bad(node, f"The number in '{name}' is far too large.")
    if isinstance(parsed, str):
        return ctx.bad(node, f"'{name}' must be a time such as '30 s', '3-5 s', '1 min' or '1:30', not {_quote(text)}.")
    low, high = parsed
    if not _ordered(ctx, node, name, low, high, text):
        return _INVALID
    if low < 1:
        return ctx.bad(node, f"'{name}' must be at least 1 second.")
    if high > MAX_HOLD_SECONDS:
        return ctx.bad(node, f"'{name}' of {_quote(text)} is longer than {MAX_HOLD_SECONDS // 60} minutes; check the time.")
    return model.Duration(low, high)


duration_field.schema = {"anyOf": [  # type: ignore[attr-defined]
    {"type": "integer", "minimum": 1, "maximum": MAX_HOLD_SECONDS},
    {"type": "string", "pattern": _SCHEMA_DURATION},
]}
_times_count = count_field(24, "2", "2-3")


def frequency_field(ctx: _Ctx, node: Node, name: str) -> model.Frequency | object:
    """'2 times a day', 'once a day', 'daily', '3 times a week', or {times: 2, per: day}."""
    if isinstance(node, Mapping):
        values = _read_mapping(ctx, node, FREQUENCY_FIELDS, f"'{name}'")
        if values is _INVALID or "times" not in values or "per" not in values:
            return _INVALID
        return model.Frequency(values["times"], values["per"])
    raw = _scalar(ctx, node, name, "how often, such as '2 times a day'")
    if raw is _INVALID:
        return raw
    text = " ".join(str(raw).split())
    m = _FREQUENCY.match(text)
    if not m:
        return ctx.bad(node, f"'{name}' must say how often, such as 'once a day', '2 times a day' or '3 times a week', not {_quote(text)}.")
    if m.group("word"):
        return model.Frequency(model.Count(1, 1), "week" if "week" in m.group("word").lower() else "day")
    times_text = m.group("times").lower()
    words = {"once": "1", "twice": "2"}
    count = _times_count(ctx, Scalar(words.get(times_text, times_text), "plain", node.line, node.col, 0, 0), name)
    if count is _INVALID:
        return _INVALID
    return model.Frequency(count, m.group("per").lower())


frequency_field.schema = {"anyOf": [  # type: ignore[attr-defined]
    {"type": "string", "minLength": 1},
    {"$ref": "#/$defs/frequency"},
]}


def bool_field(ctx: _Ctx, node: Node, name: str) -> bool | object:
    """true or false, and nothing else (YAML 1.1's yes/no/on/off are refused as ambiguous)."""
    raw = _scalar(ctx, node, name, "true or false")
    if raw is _INVALID:
        return raw
    text = str(raw).strip().lower()
    if text not in ("true", "false"):
        return ctx.bad(node, f"'{name}' must be true or false, not {_quote(str(raw))}.")
    return text == "true"


bool_field.schema = {"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]}  # type: ignore[attr-defined]
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.I)


def _matching(ctx: _Ctx, node: Node, name: str, pattern: re.Pattern[str], what: str, expected: str) -> str | object:
    """One line of text, stripped, that ``pattern`` must match: ``what`` is asked for when the
    value is missing or not text, ``expected`` is said when it does not match."""
    raw = _scalar(ctx, node, name, what)
    if raw is _INVALID:
        return raw
    text = str(raw).strip()
    if not pattern.match(text):
        return ctx.bad(node, f"'{name}' must be {expected}, not {_quote(text)}.")
    return text


def url_field(ctx: _Ctx, node: Node, name: str) -> str | object:
    """An http or https address, printed as a QR code with the address written under it."""
    text = _matching(ctx, node, name, _URL, "a web address starting with https://",
                     "a web address starting with https:// or http://")
    if text is _INVALID:
        return text
    assert isinstance(text, str)
    if len(text) > 300:
        return ctx.bad(node, f"'{name}' is {len(text)} characters long; use a shorter address (at most 300).")
    if not _check_chars(ctx, node, text, name):
        return _INVALID
    return text


url_field.schema = {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "maxLength": 300}  # type: ignore[attr-defined]


def language_field(ctx: _Ctx, node: Node, name: str) -> str | object:
    return _matching(ctx, node, name, _LANGUAGE, "a language tag such as 'en-US'", "a language tag such as 'en-US' or 'es'")


def library_id_field(ctx: _Ctx, node: Node, name: str) -> str | object:
    return _matching(ctx, node, name, _ID, "the id of a library exercise, such as 'knee-to-chest'",
                     "the id of a library exercise (its file name without .yaml), such as 'knee-to-chest'")


def image_field(ctx: _Ctx, node: Node, name: str) -> Path | object:
    """A PNG or JPEG picture, as a path relative to the file that names it, inside the project."""
    from . import images

    raw = _scalar(ctx, node, name, "the path of a PNG or JPEG picture, such as 'images/bridge.png'")
    if raw is _INVALID:
        return raw
    text = str(raw).strip()
    if ctx.doc.file is None or ctx.root is None:
        return ctx.bad(node, f"'{name}' needs the worksheet to be read from a file.")
    rel = Path(text)
    if rel.is_absolute() or text.startswith("~"):
        return ctx.bad(node, f"'{name}' must be a path relative to this file, such as 'images/bridge.png', not {_quote(text)}.")
    target = (ctx.doc.file.parent / rel).resolve()
    if not target.is_relative_to(ctx.root):
        return ctx.bad(node, f"'{name}' {_quote(text)} points outside the project folder {source.display_path(ctx.root)}/; keep pictures inside it.")
    if target.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return ctx.bad(node, f"'{name}' must be a PNG or JPEG picture (.png, .jpg), not {_quote(text)}.")
    try:
        images.check(target)
    except images.ImageProblem as e:
        return ctx.bad(node, f"The picture {_quote(text)} {e}.")
    return target


image_field.schema = {"type": "string", "pattern": r"\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg])\s*$"}  # type: ignore[attr-defined]
language_field.schema = {"type": "string", "pattern": _LANGUAGE.pattern}  # type: ignore[attr-defined]
library_id_field.schema = {"type": "string", "pattern": _ID.pattern}  # type: ignore[attr-defined]


# --- the schema ---------------------------------------------------------------------

FREQUENCY_FIELDS = (
    Field("times", _times_count, "How many times per period: a whole number or a range.", "2", required=True),
    Field("per", choice_field(("day", "week")), "The period: day or week.", "day", required=True),
)

DOSE_FIELDS = (
    Field("hold", duration_field, "How long to hold each time: '30 s', '3-5 s', '1 min', '1:30', or a number of seconds (at most 10 minutes).", "30 s"),
    Field("reps", count_field(1000, "10", "10-15"), "How many times to repeat it: a whole number or a range such as 10-15.", "10"),
    Field("sets", count_field(100, "2", "2-3"), "How many sets: a whole number or a range.", "2"),
    Field("sides", choice_field(model.SIDES), "Which side: 'each' (both sides, one after the other), 'alternate' (switch sides each time), 'both' (both at once), 'left' or 'right' (that side only).", "each"),
    Field("frequency", frequency_field, "How often: 'once a day', '2 times a day', '3 times a week', or {times: 2, per: day}.", "2 times a day"),
)

EXERCISE_FIELDS = (
    Field("name", text_field(100), "The exercise's name, as the patient will see it.", "Knee to chest stretch", required=True),
    Field("use", library_id_field, "Take this exercise from the library (library/<id>.yaml next to the worksheet); any other key given here overrides the library's.", "knee-to-chest"),
    Field("position", text_field(300), "The starting position, in one sentence.", "Lie on your back with your knees bent."),
    Field("steps", text_list_field(100_000, 30), "What to do, step by step: a list of plain sentences, or one sentence.", "- Pull one knee toward your chest."),
    *DOSE_FIELDS,
    Field("feel", text_field(300), "What the patient should feel, such as 'A gentle stretch in your lower back.'", "A gentle stretch in your lower back."),
    Field("caution", text_list_field(400, 10), "When to stop or what to avoid: text or a list of text, printed in a box.", "Stop if you feel pain going down your leg."),
    Field("image", image_field, "A picture of the movement (PNG or JPEG), as a path relative to this file and inside the project folder; printed beside the steps.", "images/bridge.png"),
    Field("video", url_field, "A web address of a video of the movement (http or https); printed as a QR code with the address under it.", "https://example.org/bridge"),
    Field("equipment", text_list_field(60, 10), "What the patient needs, such as a towel or a chair: text or a list.", "[towel]"),
    Field("notes", paragraphs_field(2_000), "Extra tips for this exercise; a blank line starts a new paragraph.", "Go slowly."),
)

WORKSHEET_FIELDS = (
    Field("title", text_field(120), "The worksheet's title, printed large at the top of page 1.", "Back Pain Relief Exercises & Stretches", required=True),
    Field("subtitle", text_field(200), "A short line under the title.", "For everyday back soreness"),
    Field("intro", paragraphs_field(3_000), "A short introduction; a blank line starts a new paragraph.", "Gentle moves for an aching back."),
    Field("exercises", lambda ctx, node, name: _INVALID, "The exercises, in order; each is a set of keys (see the exercise fields).", "- name: Pelvic tilt", required=True),
    Field("defaults", lambda ctx, node, name: _INVALID, "A dose (hold, reps, sets, sides, frequency) applied to every exercise that does not give its own.", "reps: 10"),
    Field("notes", paragraphs_field(3_000), "General notes printed after the exercises; a blank line starts a new paragraph.", "Do these once a day."),
    Field("disclaimer", text_field(600), "Replaces the default disclaimer printed at the foot of every page.", "Talk to your therapist before you start."),
    Field("page_size", choice_field(model.PAGE_SIZES), "Paper size: 'letter' (the default) or 'a4'. The --page-size option overrides it.", "letter"),
    Field("language", language_field, "The language of the text, as a tag such as 'en-US' (the default) or 'es'; stored in the PDF.", "en-US"),
    Field("video", url_field, "A web address for the whole worksheet (a video of the routine, say); printed as a QR code on page 1.", "https://example.org/routine"),
    Field("large_print", bool_field, "true for large print: 16 pt text or larger, 1-inch margins, one column. The --large-print option also turns it on.", "true"),
    Field("log", bool_field, "true to add a tracking log page: a row per exercise (per side), boxes per day following 'frequency', and a pain column. The --log option also turns it on.", "true"),
    Field("log_days", count_field(14, "7", "7"), "How many days the tracking log covers: 1 to 14 (default 7).", "14"),
)


# --- mappings ------------------------------------------------------------------------


def _unknown_key(ctx: _Ctx, key: Scalar, where: str, known: Collection[str]) -> None:
    close = difflib.get_close_matches(str(key.value).lower(), list(known), n=1, cutoff=0.6)
    if close:
        ctx.bad(key, f"Unknown key {_quote(str(key.value))} in {where}; the nearest known key is '{close[0]}'.")
    else:
        ctx.bad(key, f"Unknown key {_quote(str(key.value))} in {where}; the known keys are {', '.join(sorted(known))}.")


def _read_mapping(
    ctx: _Ctx, node: Node, fields: tuple[Field, ...], where: str, skip: Collection[str] = (), optional: Collection[str] = ()
) -> dict[str, Any] | object:
    """Convert every known key of ``node``; report unknown keys and missing required ones.

    Keys in ``skip`` are left for the caller; keys in ``optional`` are not required here.
    """
    if not isinstance(node, Mapping):
        return ctx.bad(node, f"{where[0].upper()}{where[1:]} must be a set of 'key: value' lines.")
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
        converted = spec.convert(ctx, value, name)
        if converted is _INVALID:
            ok = False
        else:
            out[name] = converted
    for spec in fields:
        if spec.required and node.key_node(spec.name) is None and spec.name not in optional:
            example = f"an '{spec.name}:' list" if spec.example.startswith("- ") else f"one, for example '{spec.name}: {spec.example}'"
            ctx.bad(node, f"{where[0].upper()}{where[1:]} has no '{spec.name}'; add {example}.")
            ok = False
    return out if ok else _INVALID


def _dose(values: dict[str, Any]) -> model.Dose:
    return model.Dose(
        hold=values.get("hold"),
        reps=values.get("reps"),
        sets=values.get("sets"),
        sides=values.get("sides"),
        frequency=values.get("frequency"),
    )


class Library:
    """The exercise library: one YAML file per exercise in a folder, each read once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries: dict[str, Document | InputError | None] = {}

    def ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.yaml") if _ID.match(p.stem))

    def entry(self, entry_id: str) -> Document | InputError | None:
        """The parsed entry, the problems that stopped it from being read, or None if absent."""
        if entry_id not in self._entries:
            path = self.folder / f"{entry_id}.yaml"
            found: Document | InputError | None = None
            if path.is_file():
                try:
                    found = source.read_file(path, memo=True)
                except InputError as e:
                    found = e
            self._entries[entry_id] = found
        return self._entries[entry_id]

    def used_ids(self) -> tuple[str, ...]:
        """Every entry read so far, in the order first used (what a worksheet depends on)."""
        return tuple(i for i, e in self._entries.items() if e is not None)


def _collect_layers(ctx: _Ctx, node: Mapping, library: Library | None, chain: tuple[str, ...]) -> list[tuple[_Ctx, Mapping]] | None:
    """The mappings an exercise is built from: library entries first, its own keys last.

    Returns None when the chain is broken; the reason is already reported.
    """
    use_node = node.get("use")
    if use_node is None:
        return [(ctx, node)]
    entry_id = library_id_field(ctx, use_node, "use")
    if entry_id is _INVALID:
        return None
    assert isinstance(entry_id, str)
    if entry_id in chain:
        loop = " -> ".join((*chain, entry_id))
        ctx.bad(use_node, f"The library entry '{entry_id}' uses itself ({loop}); remove one of the 'use' keys.")
        return None
    library = library or Library(Path(LIBRARY_FOLDER))
    found = library.entry(entry_id)
    if isinstance(found, InputError):
        ctx.issues.extend(found.issues)
        return None
    if found is None:
        close = difflib.get_close_matches(entry_id, library.ids(), n=1, cutoff=0.6)
        hint = f"; the nearest is '{close[0]}'" if close else ""
        ctx.bad(use_node, f"There is no exercise '{entry_id}' in {source.display_path(library.folder)}/{hint}.")
        return None
    sub = _Ctx(found, ctx.issues, ctx.charset, ctx.root)
    sub.issues.extend(found.issues)
    if not isinstance(found.root, Mapping):
        sub.bad(found.root, "A library exercise must be a set of 'key: value' lines, such as 'name: Pelvic tilt'.")
        return None
    below = _collect_layers(sub, found.root, library, (*chain, entry_id))
    if below is None:
        return None
    return [*below, (ctx, node)]


def _exercise(
    ctx: _Ctx, node: Node, number: int, library: Library | None, defaults: model.Dose, chain: tuple[str, ...] = ()
) -> model.Exercise | object:
    where = f"exercise {number}" if not chain else f"library entry '{chain[0]}'"
    if not isinstance(node, Mapping):
        return ctx.bad(node, f"Exercise {number} must be a set of 'key: value' lines, such as 'name: Pelvic tilt'.")
    layers = _collect_layers(ctx, node, library, chain)
    if layers is None:
        # Still check this exercise's own keys, so that every problem is reported at once.
        _read_mapping(ctx, node, EXERCISE_FIELDS, where, skip={"use"}, optional={"name"})
        return _INVALID
    merged: dict[str, Any] = {}
    ok = True
    for layer_ctx, mapping in layers:
        label = where if mapping is node else f"library entry '{Path(layer_ctx.doc.path).stem}'"
        # With a library, the name may come from any layer; checked on the whole below.
        values = _read_mapping(layer_ctx, mapping, EXERCISE_FIELDS, label, optional={"name"} if len(layers) > 1 else ())
        if values is _INVALID:
            ok = False
        else:
            merged.update(values)
    if ok and "name" not in merged:
        ctx.bad(node, f"{where[0].upper()}{where[1:]} has no 'name', and neither has the entry it uses; add one, for example 'name: Pelvic tilt'.")
        ok = False
    if not ok:
        return _INVALID
    return model.Exercise(
        name=merged["name"],
        line=node.line,
        position=merged.get("position"),
        steps=merged.get("steps", ()),
        dose=_dose(merged).merged_over(defaults),
        feel=merged.get("feel"),
        caution=merged.get("caution", ()),
        equipment=merged.get("equipment", ()),
        notes=merged.get("notes", ()),
        library_id=merged.get("use") if node.get("use") is not None else None,
        image=merged.get("image"),
        video=merged.get("video"),
    )


def build_worksheet(doc: Document, *, charset: Collection[int] | None = None, library: Library | None = None) -> model.Worksheet:
    """Turn a parsed document into a Worksheet, or raise InputError with every problem."""
    issues: list[Issue] = list(doc.issues)
    ctx = _Ctx(doc, issues, charset, doc.file.parent.resolve() if doc.file else None)
    root = doc.root
    if not isinstance(root, Mapping):
        kind = "a list" if isinstance(root, Sequence) else "a single value"
        ctx.bad(root, f"A worksheet must be a set of 'key: value' lines starting with 'title:', not {kind}.")
        raise InputError(issues)
    values = _read_mapping(ctx, root, WORKSHEET_FIELDS, "the worksheet", skip={"exercises", "defaults"})
    defaults = model.Dose()
    defaults_node = root.get("defaults")
    if defaults_node is not None:
        d = _read_mapping(ctx, defaults_node, DOSE_FIELDS, "'defaults'")
        if d is not _INVALID:
            defaults = _dose(d)
    exercises: list[model.Exercise] = []
    ex_node = root.get("exercises")
    if ex_node is None:
        pass  # reported by _read_mapping as a missing required key
    elif isinstance(ex_node, Scalar) and ex_node.value is None:
        ctx.bad(ex_node, "'exercises' is empty; add at least one exercise.")
    elif not isinstance(ex_node, Sequence):
        ctx.bad(ex_node, "'exercises' must be a list, with each exercise starting with '- '.")
    elif not ex_node.items:
        ctx.bad(ex_node, "'exercises' is empty; add at least one exercise.")
    else:
        for number, item in enumerate(ex_node.items, 1):
            ex = _exercise(ctx, item, number, library, defaults)
            if ex is not _INVALID:
                exercises.append(ex)
    if issues:
        raise InputError(issues)
    assert isinstance(values, dict)
    return model.Worksheet(
        source=doc.path,
        title=values["title"],
        exercises=tuple(exercises),
        subtitle=values.get("subtitle"),
        intro=values.get("intro", ()),
        notes=values.get("notes", ()),
        disclaimer=values.get("disclaimer"),
        page_size=values.get("page_size", "letter"),
        language=values.get("language", "en-US"),
        library_ids=library.used_ids() if library else (),
        video=values.get("video"),
        large_print=values.get("large_print", False),
        log=values.get("log", False),
        log_days=values["log_days"].high if "log_days" in values else 7,
    )


CLINIC_FIELDS = (
    Field("name", text_field(80), "The clinic's name, printed at the foot of every page.", "Riverside Physical Therapy", required=True),
    Field("phone", text_field(40), "A phone number patients can call.", "555-0100"),
    Field("address", text_field(120), "The clinic's address, on one line.", "12 Main Street, Springfield"),
    Field("website", url_field, "The clinic's website (http or https), printed without 'https://'.", "https://example.org"),
    Field("logo", image_field, "A logo picture (PNG or JPEG) beside the clinic's name, as a path relative to clinic.yaml.", "logo.png"),
)


def load_clinic(path: Path, *, charset: Collection[int] | None = None) -> model.Clinic:
    """Read and check a clinic.yaml: who hands the worksheets out."""
    doc = source.read_file(path)
    issues: list[Issue] = list(doc.issues)
    ctx = _Ctx(doc, issues, charset, path.parent.resolve())
    values = _read_mapping(ctx, doc.root, CLINIC_FIELDS, "the clinic file")
    if issues or values is _INVALID:
        raise InputError(issues)
    assert isinstance(values, dict)
    return model.Clinic(**values)


def load_library_entry(path: Path, *, charset: Collection[int] | None = None) -> model.Exercise:
    """Read and check one library entry on its own (with any entry it uses)."""
    doc = source.read_file(path)
    issues: list[Issue] = list(doc.issues)
    ctx = _Ctx(doc, issues, charset, path.parent.parent.resolve())  # the folder holding library/
    library = Library(path.parent)
    library._entries[path.stem] = doc  # the entry itself, so a loop back to it is caught
    if not isinstance(doc.root, Mapping):
        ctx.bad(doc.root, "A library exercise must be a set of 'key: value' lines, such as 'name: Pelvic tilt'.")
        raise InputError(issues)
    ex = _exercise(ctx, doc.root, 1, library, model.Dose(), chain=(path.stem,))
    if issues or ex is _INVALID:
        raise InputError(issues)
    assert isinstance(ex, model.Exercise)
    return ex


def load_worksheet(path: Path, *, charset: Collection[int] | None = None, shown: str | None = None) -> model.Worksheet:
    """Read, parse and validate one worksheet file (with its library folder beside it)."""
    doc = source.read_file(path, shown)
    library = Library(path.parent / LIBRARY_FOLDER)
    return build_worksheet(doc, charset=charset, library=library)
