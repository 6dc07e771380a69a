"""How often: '2 times a day', 'once a week', {times: 2, per: day}, or the worksheet's own language.

Why: a clinician writes how often the way they would say it; the words are read in English and,
for a worksheet in another language, in the words its handouts print ('2 veces al día'), taken
from the same catalogue entries (:mod:`worksheet.i18n.phrases`), so what is read and what is
printed can never disagree.
"""

from __future__ import annotations

import re

from .. import model
from ..i18n import NoCatalogue, phrases, words
from ..read.source import Mapping, Node, Scalar
from .context import Context, Field, Value, quote, read_mapping
from .values import _RANGE_SEP, choice_value, count_value, short

_FREQUENCY = re.compile(
    rf"^(?:(?P<times>once|twice|[0-9]+(?:{_RANGE_SEP}[0-9]+)?)\s*(?:x|times?)?\s*(?:a|per|each|every|/)\s*(?P<per>day|week)"
    r"|(?P<word>daily|every day|weekly|every week))$",
    re.IGNORECASE | re.ASCII,
)


TIMES = count_value(24, "2", "2-3")
PERIOD = choice_value(("day", "week"))

FREQUENCY_FIELDS = (
    Field("times", TIMES, "How many times per period: a whole number or a range.", "2", required=True),
    Field("per", PERIOD, "The period: day or week.", "day", required=True),
)


def _read_frequency(ctx: Context, node: Node, name: str) -> model.Frequency:
    """'2 times a day', 'once a day', 'daily', '3 times a week', or {times: 2, per: day}."""
    if isinstance(node, Mapping):
        values = read_mapping(ctx, node, FREQUENCY_FIELDS, f"'{name}'")
        return model.Frequency(values["times"], values["per"])
    refused = f"'{name}' must say how often, such as 'once a day', '2 times a day' or '3 times a week', not {{}}."
    text = " ".join(short(ctx, node, name, "how often, such as '2 times a day'", refused).split())
    m = _FREQUENCY.match(text)
    if not m:
        found = _in_language(ctx, node, name, text)
        if found is None:
            raise ctx.bad(node, refused.format(quote(text)))
        return found
    if m.group("word"):
        return model.Frequency(model.Count(1, 1), "week" if "week" in m.group("word").lower() else "day")
    times_text = m.group("times").lower()
    words = {"once": "1", "twice": "2"}
    count = TIMES.read(ctx, Scalar(words.get(times_text, times_text), "plain", node.line, node.col, 0, 0), name)
    return model.Frequency(count, "week" if m.group("per").lower() == "week" else "day")


def _in_language(ctx: Context, node: Node, name: str, text: str) -> model.Frequency | None:
    """A frequency in the worksheet's language, in the words its handouts print ('2 veces al día')."""
    if ctx.language is None:
        return None
    try:
        w = words(ctx.language)
    except NoCatalogue:
        return None
    for pattern, per, kind in phrases.frequency_patterns(w):
        m = pattern.match(text)
        if m is None:
            continue
        if kind == "once":
            return model.Frequency(model.Count(1, 1), per)  # type: ignore[arg-type]
        raw = f"{m.group('low')}-{m.group('n')}" if kind == "range" else m.group("n")
        count = TIMES.read(ctx, Scalar(raw, "plain", node.line, node.col, 0, 0), name)
        return model.Frequency(count, per)  # type: ignore[arg-type]
    return None


FREQUENCY = Value(_read_frequency, {"anyOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/frequency"}]})
