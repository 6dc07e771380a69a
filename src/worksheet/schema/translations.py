"""A worksheet's text in other languages: ``translations: {es: {...}}`` beside the text it translates.

Why: a Spanish handout must say what the English one says. Only words are translated; doses,
sides, frequencies, pictures and figures are written once, outside ``translations``, so the two
can never drift apart. Each text is taken from the translation in the same file (the same
library entry, or the worksheet's own override) as the text it replaces, and a text with no
translation is a located warning naming the field: the handout never prints an English sentence
in a Spanish handout without saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import base_language
from ..read.source import Mapping, Node, Scalar
from .context import Context, Field, Rejected, quote, read_mapping
from .values import LANGUAGE

KEY = "translations"
EXERCISE_TEXT = ("name", "position", "steps", "feel", "caution", "equipment", "notes")
WORKSHEET_TEXT = ("title", "subtitle", "intro", "notes", "disclaimer", "plan")
PLAN_TEXT = ("how_often", "next_visit", "call_if")


def language_name(tag: str) -> str:
    """'es' -> "Spanish ('es')", for messages; a tag without a known name stays a tag."""
    names = {"es": "Spanish", "en": "English", "fr": "French", "pt": "Portuguese", "zh": "Chinese", "vi": "Vietnamese"}
    name = names.get(base_language(tag))
    return f"{name} ('{tag}')" if name else f"'{tag}'"


def fields_for(fields: tuple[Field, ...], names: tuple[str, ...]) -> tuple[Field, ...]:
    """The translatable fields of a table, none of them required."""
    return tuple(Field(f.name, f.value, f.description, f.example) for f in fields if f.name in names)


@dataclass
class Texts:
    """One file's translations: per language tag, its values and the mapping they came from."""

    by_language: dict[str, tuple[dict[str, Any], Mapping]] = field(default_factory=dict)

    def pick(self, language: str) -> tuple[dict[str, Any], Mapping] | None:
        """The translation for ``language``: the same tag, else one of the same base language."""
        if language in self.by_language:
            return self.by_language[language]
        base = base_language(language)
        for tag, found in self.by_language.items():
            if base_language(tag) == base:
                return found
        return None


def read_translations(ctx: Context, owner: Mapping, fields: tuple[Field, ...], where: str,
                      written_once: frozenset[str] = frozenset()) -> Texts:
    """``translations:`` of ``owner``: each language tag checked, each text read like the text it
    translates, only fields the owner may translate (a key in ``written_once``, such as a dose,
    is refused as such); every problem recorded, none raised."""
    node = owner.get(KEY)
    texts = Texts()
    if node is None:
        return texts
    if not isinstance(node, Mapping):
        ctx.bad(node, f"'{KEY}' must be a set of languages, such as 'es:', each with the translated keys under it.")
        return texts
    for key, value in node.items:
        try:
            tag = LANGUAGE.read(ctx, key, KEY)
        except Rejected:
            continue
        label = f"the {language_name(tag)} translation of {where}"
        once = {str(k.value) for k, _ in value.items if str(k.value) in written_once} if isinstance(value, Mapping) else set()
        for k, _ in value.items if isinstance(value, Mapping) else ():
            if str(k.value) in once:
                ctx.bad(k, f"'{k.value}' is not translated: it is written once, outside '{KEY}'; remove it from {label}.")
        try:
            texts.by_language[tag] = (read_mapping(ctx, value, fields, label, skip=once), value) if isinstance(value, Mapping) \
                else (read_mapping(ctx, value, fields, label), Mapping((), key.line, key.col))
        except Rejected:
            continue
    return texts


@dataclass
class Chosen:
    """The text of each field in the language asked for, and the fields that had none."""

    values: dict[str, Any] = field(default_factory=dict)
    missing: dict[str, tuple[Context, Node, str]] = field(default_factory=dict)  # field -> (file, key node, whose)


def choose(chosen: Chosen, ctx: Context, owner: Mapping, values: dict[str, Any], texts: Texts, language: str | None,
           names: tuple[str, ...], whose: str) -> None:
    """For each text field ``owner`` sets, the value in ``language`` (from ``texts``) over the value
    written; a field with no translation keeps its written text and is noted as missing."""
    picked = texts.pick(language) if language else None
    for name in names:
        if name not in values:
            continue
        chosen.missing.pop(name, None)  # a later layer's text replaces an earlier one's, translated or not
        if language is None:
            chosen.values[name] = values[name]
            continue
        if picked is not None and name in picked[0]:
            chosen.values[name] = picked[0][name]
            continue
        chosen.values[name] = values[name]
        key = owner.key_node(name)
        chosen.missing[name] = (ctx, key if key is not None else owner, whose)


def warn_missing(chosen: Chosen, language: str) -> None:
    """One located warning for each text printed in the written language instead of ``language``."""
    for name, (ctx, node, whose) in chosen.missing.items():
        ctx.warn(node, f"No {language_name(language)} text for '{name}' of {whose}; it prints as written. "
                       f"Add it under '{KEY}: {language}:'.")


def scalar_tag(node: Scalar) -> str:
    return quote(str(node.value))
