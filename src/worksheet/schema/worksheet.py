"""Build the model from parsed files: a worksheet with its library entries, or a clinic.

Why: an exercise may come from the library (``use: knee-to-chest``), and a library
entry may itself use another, so an exercise is made of layers: the entries it
comes from first, its own keys last. Each layer is checked in its own file, so a
problem in a library entry is reported at that entry's line, not at the worksheet's.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import illustrate, model
from ..defaults import LIBRARY_FOLDER
from ..errors import InputError, Issue, shown
from ..i18n import DEFAULT_LANGUAGE, NoCatalogue, Words, available, base_language, words
from ..read import source
from ..read.library import Library
from ..read.source import Document, Mapping, Node, Scalar, Sequence
from . import translations as TR
from .context import Context, Field, Rejected, Value, capitalized, read_mapping
from .fields import CLINIC_FIELDS, DOSE_FIELDS, EXERCISE_FIELDS, PLAN_FIELDS, WORKSHEET_FIELDS
from .figure import NONE
from .values import LIBRARY_ID

_EXERCISE_TEXT = TR.fields_for(EXERCISE_FIELDS, TR.EXERCISE_TEXT)
_PLAN_TEXT = TR.fields_for(PLAN_FIELDS, TR.PLAN_TEXT)
_EXERCISE_ONCE = frozenset(f.name for f in EXERCISE_FIELDS if f.name not in TR.EXERCISE_TEXT)
_WORKSHEET_ONCE = frozenset(f.name for f in WORKSHEET_FIELDS if f.name not in TR.WORKSHEET_TEXT)
_WORKSHEET_TEXT = (*TR.fields_for(WORKSHEET_FIELDS, TR.WORKSHEET_TEXT[:-1]),
                   Field("plan", Value(lambda ctx, node, name: read_mapping(ctx, node, _PLAN_TEXT, "'plan'")), "", ""))


@lru_cache(maxsize=1024)  # a figure's words, worked out from its pose once per process and language
def _alt_text(figure: illustrate.FigureSpec, language: str) -> str:
    return illustrate.alt_text(figure, _words(language).gettext)


def _words(language: str) -> Words:
    """The words of ``language``, or English where there is no catalogue (warned about elsewhere)."""
    try:
        return words(language)
    except NoCatalogue:
        return words(DEFAULT_LANGUAGE)

_NOT_A_MAPPING = "A library exercise must be a set of 'key: value' lines, such as 'name: Pelvic tilt'."
MAX_USE_DEPTH = 32  # library entries using entries using entries...
MAX_TAKEN_IN = 1_000_000  # characters a worksheet may take in from the library, counting every use


class _Budget:
    """What a worksheet has taken in from the library so far: 'use' copies an entry each time,
    so 20 uses of a large entry would be 20 copies (the alias bomb, one level up)."""

    def __init__(self) -> None:
        self.taken = 0
        self.reported = False

    def take(self, ctx: Context, use_node: Node, size: int) -> None:
        self.taken += size
        if self.taken > MAX_TAKEN_IN:
            if not self.reported:
                self.reported = True
                ctx.bad(use_node, f"This worksheet takes in more than {MAX_TAKEN_IN:,} characters from the library "
                                  "(counting each use of an entry); use fewer or shorter entries.")
            raise Rejected()


def _dose(values: dict[str, Any]) -> model.Dose:
    return model.Dose(
        hold=values.get("hold"),
        reps=values.get("reps"),
        sets=values.get("sets"),
        sides=values.get("sides"),
        frequency=values.get("frequency"),
    )


def _layers(ctx: Context, node: Mapping, library: Library | None, chain: tuple[str, ...],
            budget: _Budget) -> list[tuple[Context, Mapping]]:
    """The mappings an exercise is built from: library entries first, its own keys last.

    Raises :class:`Rejected` when the chain is broken; the reason is already reported.
    """
    use_node = node.get("use")
    if use_node is None:
        return [(ctx, node)]
    entry_id = LIBRARY_ID.read(ctx, use_node, "use")
    if entry_id in chain:
        loop = " -> ".join((*chain, entry_id))
        raise ctx.bad(use_node, f"The library entry '{entry_id}' uses itself ({loop}); remove one of the 'use' keys.")
    if len(chain) >= MAX_USE_DEPTH:
        path = " -> ".join((*chain[:2], "...", entry_id))
        raise ctx.bad(use_node, f"Library entries use each other more than {MAX_USE_DEPTH} deep ({path}); use the entry you need directly.")
    library = library or Library(Path(LIBRARY_FOLDER))
    found = library.entry(entry_id)
    if isinstance(found, InputError):
        ctx.issues.extend(found.issues)
        raise Rejected()
    if found is None:
        close = library.nearest(entry_id)
        hint = f"; the nearest is '{close}'" if close else ""
        raise ctx.bad(use_node, f"There is no exercise '{entry_id}' in {shown(library.folder)}/{hint}.")
    budget.take(ctx, use_node, len(found.text))
    sub = ctx.for_document(found)
    sub.issues.extend(found.issues)
    if not isinstance(found.root, Mapping):
        raise sub.bad(found.root, _NOT_A_MAPPING)
    return [*_layers(sub, found.root, library, (*chain, entry_id), budget), (ctx, node)]


def _exercise(
    ctx: Context, node: Node, number: int, library: Library | None, defaults: model.Dose, budget: _Budget,
    chain: tuple[str, ...] = (),
) -> model.Exercise:
    where = f"exercise {number}" if not chain else f"library entry '{chain[0]}'"
    if not isinstance(node, Mapping):
        raise ctx.bad(node, f"Exercise {number} must be a set of 'key: value' lines, such as 'name: Pelvic tilt'.")
    try:
        layers = _layers(ctx, node, library, chain, budget)
    except Rejected:
        # Still check this exercise's own keys, so that every problem is reported at once.
        read_mapping(ctx, node, EXERCISE_FIELDS, where, skip={"use", TR.KEY}, optional={"name"})
        raise
    merged: dict[str, Any] = {}
    chosen = TR.Chosen()
    ok = True
    for layer_ctx, mapping in layers:
        label = where if mapping is node else f"library entry '{Path(layer_ctx.doc.path).stem}'"
        # With a library, the name may come from any layer; checked on the whole below.
        try:
            values = read_mapping(layer_ctx, mapping, EXERCISE_FIELDS, label, skip={TR.KEY},
                                  optional={"name"} if len(layers) > 1 else ())
            merged.update(values)
            texts = TR.read_translations(layer_ctx, mapping, _EXERCISE_TEXT, label, _EXERCISE_ONCE)
            TR.choose(chosen, layer_ctx, mapping, values, texts, ctx.target, TR.EXERCISE_TEXT, label)
        except Rejected:
            ok = False
    if ok and "name" not in merged:
        raise ctx.bad(node, f"{capitalized(where)} has no 'name', and neither has the entry it uses; add one, for example 'name: Pelvic tilt'.")
    if not ok:
        raise Rejected()
    figure = merged.get("figure")
    if figure == NONE or merged.get("image") is not None:  # a clinic's own picture wins
        figure = None
    if ctx.target is not None:
        TR.warn_missing(chosen, ctx.target)
    merged.update(chosen.values)
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
        figure=figure,
        figure_alt=_alt_text(figure, ctx.target or ctx.language or DEFAULT_LANGUAGE) if figure else None,
    )


def _exercises(ctx: Context, ex_node: Node | None, library: Library | None, defaults: model.Dose) -> list[model.Exercise]:
    if ex_node is None:
        return []  # reported by read_mapping as a missing required key
    if isinstance(ex_node, Scalar) and ex_node.value is None:
        raise ctx.bad(ex_node, "'exercises' is empty; add at least one exercise.")
    if not isinstance(ex_node, Sequence):
        raise ctx.bad(ex_node, "'exercises' must be a list, with each exercise starting with '- '.")
    if not ex_node.items:
        raise ctx.bad(ex_node, "'exercises' is empty; add at least one exercise.")
    exercises = []
    budget = _Budget()
    for number, item in enumerate(ex_node.items, 1):
        try:
            exercises.append(_exercise(ctx, item, number, library, defaults, budget))
        except Rejected:
            pass
    return exercises


def build_worksheet(doc: Document, *, charset: Collection[int] | None = None, library: Library | None = None,
                    language: str | None = None) -> model.Worksheet:
    """Turn a parsed document into a Worksheet, or raise InputError with every problem. With
    ``language`` (a tag), its text is taken from 'translations' where the file is written in
    another language; each text with no translation is a warning."""
    issues: list[Issue] = list(doc.issues)
    ctx = Context(doc, issues, charset, doc.file.parent.resolve() if doc.file else None)
    root = doc.root
    if not isinstance(root, Mapping):
        kind = "a list" if isinstance(root, Sequence) else "a single value"
        ctx.bad(root, f"A worksheet must be a set of 'key: value' lines starting with 'title:', not {kind}.")
        raise InputError(issues)
    values: dict[str, Any] = {}
    try:
        values = read_mapping(ctx, root, WORKSHEET_FIELDS, "the worksheet", skip={"exercises", "defaults", "plan", TR.KEY})
    except Rejected:
        pass
    written = values.get("language", DEFAULT_LANGUAGE)
    ctx.language = written
    target = language or written
    ctx.target = target if base_language(target) != base_language(written) else None  # text from 'translations'
    if language is None and base_language(written) not in available():
        node = root.key_node("language") or root
        ctx.warn(node, f"There are no printed labels in {TR.language_name(written)} yet: they print in English. "
                       f"Labels can be printed in {', '.join(available())}.")
    chosen = TR.Chosen()
    texts = TR.read_translations(ctx, root, _WORKSHEET_TEXT, "the worksheet", _WORKSHEET_ONCE)
    TR.choose(chosen, ctx, root, values, texts, ctx.target, TR.WORKSHEET_TEXT[:-1], "the worksheet")
    plan = model.Plan()
    plan_node = root.get("plan")
    if plan_node is not None:
        try:
            p = read_mapping(ctx, plan_node, PLAN_FIELDS, "'plan'")
            if ctx.target is not None and isinstance(plan_node, Mapping):
                picked = texts.pick(ctx.target)
                plan_chosen = TR.Chosen()
                TR.choose(plan_chosen, ctx, plan_node, p, TR.Texts({ctx.target: (picked[0].get("plan", {}), plan_node)} if picked else {}),
                          ctx.target, TR.PLAN_TEXT, "the plan")
                TR.warn_missing(plan_chosen, ctx.target)
                p.update(plan_chosen.values)
            plan = model.Plan(p.get("how_often"), p["weeks"].high if "weeks" in p else None, p.get("next_visit"), p.get("call_if"))
        except Rejected:
            pass
    defaults = model.Dose()
    defaults_node = root.get("defaults")
    if defaults_node is not None:
        try:
            defaults = _dose(read_mapping(ctx, defaults_node, DOSE_FIELDS, "'defaults'"))
        except Rejected:
            pass
    exercises: list[model.Exercise] = []
    try:
        exercises = _exercises(ctx, root.get("exercises"), library, defaults)
    except Rejected:
        pass
    if issues:
        raise InputError(issues)
    if ctx.target is not None:
        TR.warn_missing(chosen, ctx.target)
    values.update(chosen.values)
    return model.Worksheet(
        source=doc.path,
        title=values["title"],
        exercises=tuple(exercises),
        subtitle=values.get("subtitle"),
        intro=values.get("intro", ()),
        notes=values.get("notes", ()),
        disclaimer=values.get("disclaimer"),
        page_size=values.get("page_size", "letter"),
        language=target,
        library_ids=library.used_ids() if library else (),
        video=values.get("video"),
        large_print=values.get("large_print", False),
        log=values.get("log", False),
        log_days=values["log_days"].high if "log_days" in values else 7,
        plan=plan,
        warnings=tuple(sorted(set(ctx.warnings))),
    )


def load_clinic(path: Path, *, charset: Collection[int] | None = None) -> model.Clinic:
    """Read and check a clinic.yaml: who hands the worksheets out."""
    doc = source.read_file(path)
    issues: list[Issue] = list(doc.issues)
    ctx = Context(doc, issues, charset, path.parent.resolve())
    try:
        values = read_mapping(ctx, doc.root, CLINIC_FIELDS, "the clinic file")
    except Rejected:
        raise InputError(issues) from None
    if issues:
        raise InputError(issues)
    return model.Clinic(**values)


def load_library_entry(path: Path, *, charset: Collection[int] | None = None, language: str | None = None,
                       warnings: list[Issue] | None = None) -> model.Exercise:
    """Read and check one library entry on its own (with any entry it uses), its text in
    ``language`` where that is not English; missing translations go to ``warnings``."""
    doc = source.read_file(path)
    issues: list[Issue] = list(doc.issues)
    ctx = Context(doc, issues, charset, path.parent.parent.resolve(), warnings)  # the folder holding library/
    ctx.language = DEFAULT_LANGUAGE
    if language is not None and base_language(language) != base_language(DEFAULT_LANGUAGE):
        ctx.target = language
    library = Library(path.parent)
    library.preload(path.stem, doc)  # the entry itself, so a loop back to it is caught
    if not isinstance(doc.root, Mapping):
        ctx.bad(doc.root, _NOT_A_MAPPING)
        raise InputError(issues)
    try:
        ex = _exercise(ctx, doc.root, 1, library, model.Dose(), _Budget(), chain=(path.stem,))
    except Rejected:
        raise InputError(issues) from None
    if issues:
        raise InputError(issues)
    return ex


def load_worksheet(path: Path, *, charset: Collection[int] | None = None, shown: str | None = None,
                   language: str | None = None) -> model.Worksheet:
    """Read, parse and validate one worksheet file (with its library folder beside it), in
    ``language`` when given."""
    doc = source.read_file(path, shown)
    library = Library(path.parent / LIBRARY_FOLDER)
    return build_worksheet(doc, charset=charset, library=library, language=language)
