"""The commands: build, validate, watch, booklet, list, new and schema.

Each command parses its options, calls the library (:mod:`worksheet.build`) and prints
what came back; errors go through :func:`~.app.handle_user_errors` and
:func:`~.app.report`. Heavy modules are imported inside the command that needs them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from ..defaults import DEFAULT_OUT, DEFAULT_PROGRAM_TITLE, DEFAULT_SOURCE
from ..errors import escape, shown
from .app import cli, handle_user_errors, is_terminal, report, say, warn
from .options import jobs_option, language_option, out_option, paths_argument, person_text, print_options, quiet_option

if TYPE_CHECKING:
    from ..model import PrintOptions

R = TypeVar("R")


def _inputs(paths: tuple[Path, ...]) -> list[Path]:
    from ..build.pipeline import find_worksheets

    if not paths:
        if not DEFAULT_SOURCE.is_dir():
            raise click.UsageError(
                f"There is no {DEFAULT_SOURCE}/ folder here; give the worksheet files or folders to use."
            )
        paths = (DEFAULT_SOURCE,)
    found = find_worksheets(paths)
    if not found:
        shown = ", ".join(str(p) for p in paths)
        raise click.ClickException(f"No worksheet files (*.yaml) found in {shown}.")
    return found


def _run(results: Iterable[R], total: int, show: Callable[[R], None], quiet: bool, label: str) -> None:
    """Show results as they come, with a progress bar for a batch on a terminal (the lines
    are printed after the bar, which they would break up)."""
    if total > 1 and not quiet and is_terminal():
        with click.progressbar(results, length=total, label=label, file=sys.stderr) as bar:
            done = list(bar)
        results = done
    for r in results:
        show(r)


class _Tally:
    """How many results there were, failed, and were already up to date (counted, not kept:
    a batch of 10,000 should not grow in memory)."""

    def __init__(self) -> None:
        self.total = self.failed = self.up_to_date = 0


def _show_build(tally: _Tally, quiet: bool) -> Callable[[object], None]:
    from ..build.results import Built, Failed, UpToDate

    def show(r: object) -> None:
        tally.total += 1
        match r:
            case UpToDate():
                tally.up_to_date += 1
                if not quiet:
                    say(f"Up to date {shown(r.output)}")
            case Built():
                warn(r.warnings)
                if not quiet:
                    say(f"Built {shown(r.output)} ({r.pages} {'page' if r.pages == 1 else 'pages'})")
            case Failed():
                tally.failed += 1
                report(r.error)

    return show


@cli.command()
@handle_user_errors
@paths_argument
@out_option
@print_options
@jobs_option
@click.option("--force", is_flag=True, help="Build every PDF again, even those already up to date.")
@quiet_option
def build(paths: tuple[Path, ...], out_dir: Path | None, options: PrintOptions, jobs: int | None, force: bool, quiet: bool) -> None:
    """Build worksheets into PDFs.

    PATH is a worksheet file or a folder of them (default: worksheets/). A
    failing file does not stop the others; the exit code is 1 if any failed.
    A PDF whose worksheet, library entries, pictures, clinic file and options
    have not changed since it was built is left as it is (--force builds it).

    \b
    Examples:
      worksheet build
      worksheet build worksheets/back-pain-relief.yaml -o handouts/
      worksheet build --page-size a4
      worksheet build --jobs 2 --log
    """
    from ..build.pipeline import build_all

    inputs = _inputs(paths)
    tally = _Tally()
    results = build_all(inputs, out_dir or DEFAULT_OUT, options, jobs or os.cpu_count() or 1, force=force)
    _run(results, len(inputs), _show_build(tally, quiet), quiet, "Building")
    if tally.total > 1 or tally.failed:
        fresh = f"{tally.up_to_date} up to date, " if tally.up_to_date else ""
        say(f"{tally.total - tally.failed - tally.up_to_date} built, {fresh}{tally.failed} failed", err=True)
    if tally.failed:
        sys.exit(1)


@cli.command()
@handle_user_errors
@paths_argument
@language_option
@quiet_option
def validate(paths: tuple[Path, ...], language: str | None, quiet: bool) -> None:
    """Check worksheets for problems without writing any PDF.

    PATH is a worksheet file or a folder of them (default: worksheets/). With
    --language, every text that has no translation in that language is listed
    as a warning at its place.

    \b
    Examples:
      worksheet validate
      worksheet validate worksheets/back-pain-relief.yaml
      worksheet validate --language es
    """
    from ..build.pipeline import check_all
    from ..build.results import Failed, Valid
    from ..model import PrintOptions

    inputs = _inputs(paths)
    tally = _Tally()

    def show(r: Valid | Failed) -> None:
        tally.total += 1
        match r:
            case Valid():
                warn(r.warnings)
                if not quiet:
                    say(f"OK {shown(r.source)}")
            case Failed():
                tally.failed += 1
                report(r.error)

    _run(check_all(inputs, PrintOptions(language=language)), len(inputs), show, quiet, "Checking")
    if tally.total > 1 or tally.failed:
        say(f"{tally.total - tally.failed} valid, {tally.failed} with problems", err=True)
    if tally.failed:
        sys.exit(1)


@cli.command()
@handle_user_errors
@paths_argument
@out_option
@print_options
@quiet_option
def watch(paths: tuple[Path, ...], out_dir: Path | None, options: PrintOptions, quiet: bool) -> None:
    """Build worksheets, then rebuild each one as soon as it is saved.

    A change to a library entry rebuilds every worksheet that uses it. Problems
    are printed as usual and watching goes on; stop with Ctrl-C.

    \b
    Examples:
      worksheet watch
      worksheet watch worksheets/back-pain-relief.yaml -o handouts/
    """
    from ..build.watch import Watcher

    if not paths and not DEFAULT_SOURCE.is_dir():
        _inputs(paths)  # the usual usage error
    watcher = Watcher(list(paths) or [DEFAULT_SOURCE], out_dir or DEFAULT_OUT, options)
    if not quiet:
        say("Watching for changes; press Ctrl-C to stop.", err=True)
    show = _show_build(_Tally(), quiet)
    try:
        for batch in watcher.run():
            for r in batch:
                show(r)
    except KeyboardInterrupt:
        pass
    if not quiet:
        say("Stopped.", err=True)


@cli.command()
@handle_user_errors
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar="PATH...")
@click.option("-o", "--out", "target", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The booklet PDF to write, such as program.pdf.")
@click.option("--title", default=None, callback=person_text, help=f"The booklet's title (default: {DEFAULT_PROGRAM_TITLE}).")
@click.option("--duplex", is_flag=True, help="For printing on both sides: every worksheet starts on a right-hand page (a blank left-hand page becomes ruled notes).")
@print_options
@quiet_option
def booklet(paths: tuple[Path, ...], target: Path, title: str | None, options: PrintOptions, quiet: bool) -> None:
    """Build several worksheets into one PDF booklet.

    The booklet has a contents page with the patient's details and plan, each
    worksheet starting on a new page, page numbers running through the whole
    booklet, one tracking log for all of it (with --log), bookmarks for every
    worksheet and exercise, and the disclaimer on every page. An exercise from
    the library used at two different doses gets a warning.

    \b
    Examples:
      worksheet booklet worksheets/back-pain-relief.yaml worksheets/upper-back-pain.yaml -o program.pdf
      worksheet booklet worksheets/ -o program.pdf --patient "A. Patient" --log --duplex
    """
    from ..build.pipeline import build_booklet

    inputs = _inputs(paths)
    result = build_booklet(inputs, target, options, title)
    warn(result.warnings)
    if not quiet:
        noun = "page" if result.pages == 1 else "pages"
        say(f"Built {shown(result.output)} ({len(inputs)} worksheets, {result.pages} {noun})")


@cli.command(name="list")
@handle_user_errors
@paths_argument
@out_option
def list_(paths: tuple[Path, ...], out_dir: Path | None) -> None:
    """List worksheets: title, exercises, pages, and whether the PDF is up to date.

    \b
    Examples:
      worksheet list
      worksheet list worksheets/ -o handouts/
    """
    from ..build.listing import rows

    table = [("File", "Title", "Exercises", "Pages", "PDF")]
    for row in rows(_inputs(paths), out_dir or DEFAULT_OUT):
        table.append((
            shown(row.source), escape(row.title) if row.title else "-",
            "-" if row.exercises is None else str(row.exercises),
            "-" if row.pages is None else str(row.pages), row.state,
        ))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for r in table:
        say("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


@cli.command()
@handle_user_errors
@click.argument("name")
@click.option(
    "--from", "source", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Start from a copy of this worksheet instead of the starter.",
)
def new(name: str, source: Path | None) -> None:
    """Create a new worksheet file that validates and builds as it is.

    NAME becomes worksheets/NAME.yaml (or NAME.yaml here when there is no
    worksheets/ folder); a NAME ending in .yaml is used as the path. An existing
    file is never overwritten.

    \b
    Examples:
      worksheet new knee-pain
      worksheet new neck-stretches --from worksheets/upper-back-pain.yaml
    """
    from ..build.starter import create, target_for

    path = target_for(name, DEFAULT_SOURCE if DEFAULT_SOURCE.is_dir() else Path("."))
    create(path, source)
    say(f"Created {shown(path)}; build it with: worksheet build {shown(path)}")


@cli.command()
@handle_user_errors
@click.argument("kind", type=click.Choice(["worksheet", "exercise", "clinic"]), default="worksheet")
def schema(kind: str) -> None:
    """Print the JSON Schema of a worksheet, a library exercise or a clinic.yaml, for editors.

    With a YAML language server (VS Code's YAML extension, for one), a first line
    of '# yaml-language-server: $schema=worksheet.schema.json' in a worksheet gives
    completion, hover help and checks while you type.

    \b
    Examples:
      worksheet schema > worksheets/worksheet.schema.json
      worksheet schema exercise > worksheets/library/exercise.schema.json
      worksheet schema clinic > worksheets/clinic.schema.json
    """
    import json

    from ..schema.jsonschema import json_schema

    say(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))
