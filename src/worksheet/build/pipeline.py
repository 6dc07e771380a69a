"""Find worksheets, check them, build them: the library API the front ends call.

Why: the CLI stays thin (options in, lines out) and everything it does can be
called and tested from Python. Nothing here prints or exits; results and our
own errors are returned for the caller to show. ReportLab is imported only when
a PDF is actually built, so checking a file stays quick.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError, InputError, Issue, WorksheetError, display_path, escape, shown
from ..model import Clinic, Exercise, PrintOptions, Settings, Worksheet
from ..read import files
from ..render import fonts
from .results import BuildResult, Built, CheckResult, Failed, UpToDate, Valid

if TYPE_CHECKING:
    from ..render.document import Rendered

SUFFIXES = (".yaml", ".yml")
CLINIC_FILES = ("clinic.yaml", "clinic.yml")


def find_worksheets(paths: Iterable[Path]) -> list[Path]:
    """Files as given, plus the ``*.yaml``/``*.yml`` files directly inside each folder, sorted.

    Sub-folders are not searched: ``library/`` beside the worksheets holds
    exercises, not worksheets. Each file appears once, in the order first given.
    Anything else named like a worksheet (a pipe, a link that loops) is listed too, so
    that reading it reports what it is instead of passing over it in silence.
    """
    found: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as entries:
                names = sorted(
                    e.name for e in entries
                    if os.path.splitext(e.name)[1].lower() in SUFFIXES and e.name.lower() not in CLINIC_FILES
                    and not _is_folder(e)
                )
            children = [path / name for name in names]
        else:
            children = [path]
        for child in children:
            found.setdefault(os.path.realpath(child), child)
    return list(found.values())


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link that loops: not a folder; reading it says what it is
        return False


def output_path(source: Path, out_dir: Path) -> Path:
    return out_dir / f"{source.stem}.pdf"


def load(path: Path, language: str | None = None, shown: str | None = None) -> Worksheet:
    """Read and validate one worksheet, checking every character against the font (its
    problems located in ``shown``, by default the path as the user would write it)."""
    from ..schema import load_worksheet  # YAML only when a file is read: a no-op build needs none

    return load_worksheet(path, charset=fonts.charset(), shown=shown or display_path(path), language=language)


def load_clinic(path: Path) -> Clinic:
    from ..schema import load_clinic as load

    return load(path, charset=fonts.charset())


def clinic_for(path: Path, options: PrintOptions) -> Clinic | None:
    """The clinic given on the command line, or the clinic.yaml beside the worksheet, if any.

    A clinic file that is not there is noted as absent (one that appears later rebuilds the
    PDF); a folder or anything else in its place is a located error, never silently ignored.
    """
    if options.clinic is not None:
        return options.clinic
    if not options.clinic_footer:
        return None
    for name in CLINIC_FILES:
        candidate = path.parent / name
        kind = files.kind(candidate)
        if kind == "absent":
            files.note_absent(candidate)
            continue
        if kind == "folder":
            raise InputError([Issue(display_path(candidate), 1, 1, "This is a folder, not a clinic file; remove it or rename it.")])
        return load_clinic(candidate)  # anything but a regular file is refused where it is read
    return None


def settings_for(path: Path, ws: Worksheet, options: PrintOptions) -> Settings:
    s = options.resolve(ws)
    return dataclasses.replace(s, clinic=clinic_for(path, options))


def render_path(path: Path, options: PrintOptions, shown: str | None = None) -> tuple[Rendered, Worksheet]:
    """The PDF of one worksheet, in memory, and the worksheet read: what every front end prints
    (a file on the disk for the CLI and the watcher, files held in memory for the pure function
    and the web page, see :func:`files.in_memory`)."""
    from ..render.document import render  # ReportLab only when a PDF is really made

    ws = load(path, options.language, shown)
    settings = settings_for(path, ws, options)
    if options.bilingual:  # the same worksheet as written, for the words under each instruction
        settings = dataclasses.replace(settings, beside=load(path, shown=shown))
    return render(ws, settings), ws


def build_one(path: Path, out_dir: Path, options: PrintOptions | None = None) -> Built:
    """Validate, lay out and write one worksheet. Raises WorksheetError on failure.

    The files it depends on are recorded with the hash of the bytes actually read and
    printed (worksheet, library entries, pictures, clinic file and logo, and the clinic
    files that are absent), so a file edited during the build is seen as changed next time.
    """
    options = options or PrintOptions()
    from .output import write_atomic

    with files.recording() as reads:
        rendered, ws = render_path(path, options)
    target = output_path(path, out_dir)
    write_atomic(target, rendered.data, inputs=[path, *(Path(p) for p in reads)])
    return Built(path, target, rendered.pages, library_ids=ws.library_ids, inputs=tuple(sorted(reads.items())),
                 warnings=ws.warnings)


def _outputs(paths: list[Path], out_dir: Path) -> Iterator[tuple[Path, WorksheetError | None]]:
    """Each input with an error if its PDF name is already taken by an earlier input."""
    taken: dict[str, Path] = {}
    for path in paths:
        key = output_path(path, out_dir).name.casefold()  # case-insensitive file systems too
        first = taken.setdefault(key, path)
        if first is path:
            yield path, None
        else:
            yield path, InputError([Issue(display_path(path), 1, 1, (
                f"Both this file and {shown(first)} would be built into "
                f"{shown(output_path(path, out_dir))}; rename one of them."
            ))])


def _build_safely(task: tuple[Path, Path, PrintOptions | None]) -> Built | Failed:
    """One build; our errors and the operating system's become a failed result, so that one
    file never stops a batch."""
    path, out_dir, options = task
    try:
        return build_one(path, out_dir, options)
    except WorksheetError as e:
        return Failed(path, e)
    except OSError as e:
        where = f" ({shown(e.filename)})" if e.filename else ""
        return Failed(path, BuildError(f"{shown(path)}: {e.strerror or e}{where}."))


def _worker_start() -> None:
    """Each worker loads the fonts and styles once, then builds many worksheets.

    On Linux a worker also asks to be killed when the command that started it dies, so
    killing a build (even with SIGKILL) stops its workers too, instead of leaving them to
    finish writing PDFs on their own.
    """
    import sys

    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    from ..render import styles

    styles.theme(False)


def build_all(
    paths: list[Path], out_dir: Path, options: PrintOptions | None = None, jobs: int = 1, force: bool = True,
    keep_inputs: bool = False,
) -> Iterator[BuildResult]:
    """Build every file, going on past failures; one result per file, in input order.

    With ``jobs`` > 1 the files are built by a pool of worker processes; results
    still come back in input order, each as soon as it and those before it are done.
    Unless ``force``, a PDF whose inputs are unchanged since it was built is skipped.
    """
    from .cache import Cache, options_digest

    options = options or PrintOptions()
    cache = Cache.load(out_dir) if not force else Cache(out_dir)
    key = options_digest(options)
    plan: list[tuple[Path, BuildResult | None]] = []
    for path, clash in _outputs(paths, out_dir):
        if clash is not None:
            plan.append((path, Failed(path, clash)))
            continue
        target = output_path(path, out_dir)
        pages = None if force else cache.fresh(target, key)
        plan.append((path, UpToDate(path, target, pages) if pages is not None else None))
    tasks = [(path, out_dir, options) for path, done in plan if done is None]
    workers = min(jobs, len(tasks))
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)
        built: Iterator[Built | Failed] = pool.map(_build_safely, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 8))))
    else:
        pool = None
        built = map(_build_safely, tasks)
    changed = False
    try:
        for _, done in plan:
            result = done if done is not None else next(built)
            if isinstance(result, Built):
                cache.record(result.output, key, result.inputs, result.pages)
                changed = True
                if not keep_inputs:  # recorded: memory stays flat over a long batch
                    result = dataclasses.replace(result, inputs=())
            yield result
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if changed:
            with contextlib.suppress(WorksheetError):  # a cache that cannot be written only costs a rebuild
                cache.save()


def build_booklet(paths: list[Path], target: Path, options: PrintOptions | None = None, title: str | None = None) -> Built:
    """Several worksheets in one PDF with a contents page; fails whole if any worksheet fails."""
    options = options or PrintOptions()
    from .output import same_file, write_atomic

    if any(same_file(path, target) for path in paths):
        raise BuildError(f"{shown(target)} is one of the worksheets; choose another name for the booklet.")
    sheets, problems, more = [], [], 0
    for path in paths:
        try:
            sheets.append((path, load(path, options.language)))
        except InputError as e:
            problems += e.issues
            more += e.more
    if problems:
        raise InputError(problems, more)
    settings = [settings_for(path, ws, options) for path, ws in sheets]
    first = settings[0]
    settings = [dataclasses.replace(s, page_size=first.page_size, large_print=first.large_print, clinic=first.clinic) for s in settings]
    if options.bilingual:
        settings = [dataclasses.replace(s, beside=load(path)) for s, (path, _) in zip(settings, sheets, strict=True)]
    from ..render.document import render_booklet

    with files.recording() as reads:
        rendered = render_booklet([ws for _, ws in sheets], settings, title)
    write_atomic(target, rendered.data, inputs=[*paths, *(Path(p) for p in reads)])
    warnings = tuple(w for _, ws in sheets for w in ws.warnings) + dose_conflicts([ws for _, ws in sheets])
    return Built(paths[0], target, rendered.pages, warnings=warnings)


def dose_conflicts(sheets: list[Worksheet]) -> tuple[Issue, ...]:
    """A warning for each use of a library exercise in a booklet at a dose other than its first
    use, naming both places: the patient would read two instructions for one exercise."""
    from ..render.wording import dose_line

    first: dict[str, tuple[Worksheet, Exercise]] = {}
    found = []
    for ws in sheets:
        for ex in ws.exercises:
            if ex.library_id is None:
                continue
            other_ws, other = first.setdefault(ex.library_id, (ws, ex))
            if other.dose != ex.dose:
                found.append(Issue(ws.source, ex.line, 5, (
                    f"The library exercise '{ex.library_id}' is used here at one dose ({dose_line(ex.dose) or 'none given'}) "
                    f"and in {escape(other_ws.source)}:{other.line} at another ({dose_line(other.dose) or 'none given'}); "
                    "check which one this patient should do."), warning=True))
    return tuple(found)


def check_all(paths: list[Path], options: PrintOptions | None = None) -> Iterator[CheckResult]:
    """Check every file, and every file a build of it would read (the clinic file and its
    logo included), without writing anything."""
    options = options or PrintOptions()
    for path in paths:
        try:
            ws = load(path, options.language)
            clinic_for(path, options)
        except WorksheetError as e:
            yield Failed(path, e)
        else:
            yield Valid(path, ws.warnings)
