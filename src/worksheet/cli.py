"""The ``worksheet`` command: options in, lines out, nothing else.

Exit codes: 0 when everything worked, 1 when a worksheet has a problem or could
not be built, 2 for a mistake in the command itself (click's usage errors).
Problems in a file are printed as ``path:line:col: message``, one per line, so
editors and terminals can jump to them; other failures as ``Error: message``.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from . import __version__
from .errors import InputError, WorksheetError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

paths_argument = click.argument(
    "paths", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="[PATH]..."
)


class _Group(click.Group):
    """A command group that suggests the nearest command for a typo ("did you mean")."""

    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[override]
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.5)
            if close:
                raise click.UsageError(f"No such command '{name}'. Did you mean '{close[0]}'?", ctx)
        return super().resolve_command(ctx, args)


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="worksheet", message="%(prog)s %(version)s")
def cli() -> None:
    """Turn home-exercise worksheets written in YAML into printable PDFs.

    \b
    Examples:
      worksheet build                       build every worksheet in worksheets/ into build/
      worksheet build worksheets/back.yaml  build one worksheet
      worksheet validate                    check every worksheet, write nothing
    """


def _inputs(paths: tuple[Path, ...]) -> list[Path]:
    from .pipeline import DEFAULT_SOURCE, find_worksheets

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


def _color() -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set."""
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR")


def _report(error: WorksheetError) -> None:
    from .report import clear_cache, format_issue

    if isinstance(error, InputError):
        color = _color()
        for issue in error.issues:
            click.echo(format_issue(issue, color), err=True, color=color)
        clear_cache()
    else:
        click.echo(f"Error: {error}", err=True)


def _run(results: Iterator, total: int, show: Callable[[object], None], quiet: bool, label: str) -> tuple[int, int, int]:
    """Consume results, with a progress bar for a batch on a terminal, printing as they come.
    Returns how many there were, failed and were skipped (results are not kept: a batch of
    10,000 should not grow in memory)."""
    counts = [0, 0, 0]

    def count(r) -> None:
        counts[0] += 1
        counts[1] += not r.ok
        counts[2] += bool(getattr(r, "skipped", False))

    if total > 1 and not quiet and sys.stderr.isatty():
        with click.progressbar(results, length=total, label=label, file=sys.stderr) as bar:
            done = list(bar)  # printed after the bar, which the lines would break up
        for r in done:
            show(r)
            count(r)
    else:
        for r in results:
            show(r)
            count(r)
    return counts[0], counts[1], counts[2]


out_option = click.option(
    "-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder for the PDFs (default: build/). Each PDF is named after its YAML file.",
)
def _person_text(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Names and dates from the command line: one plain line the font can print."""
    if value is None:
        return None
    from .fonts import charset

    text = " ".join(value.split())
    missing = sorted({c for c in text if ord(c) not in charset()})
    if not text or len(text) > 80 or missing:
        why = "is empty" if not text else "is longer than 80 characters" if len(text) > 80 else f"has characters the font lacks: {' '.join(missing)}"
        raise click.BadParameter(f"{why}.")
    return text


def print_options(fn):
    """The options shared by build, watch and booklet, gathered into one PrintOptions."""
    options = [
        click.option("--page-size", type=click.Choice(["letter", "a4"], case_sensitive=False), default=None,
                     help="Paper size, overriding 'page_size:' in the files (default: letter)."),
        click.option("--large-print", is_flag=True, default=None,
                     help="Large print: 16 pt text or larger, 1-inch margins, one column."),
        click.option("--log", is_flag=True, default=None, help="Add a tracking log page to each worksheet."),
        click.option("--log-days", type=click.IntRange(1, 14), default=None, help="Days in the tracking log (default 7)."),
        click.option("--patient", callback=_person_text, help="The patient's name, printed on page 1 (and nowhere else)."),
        click.option("--therapist", callback=_person_text, help="Who prescribed the exercises, printed on page 1."),
        click.option("--date", callback=_person_text, help="The date to print on page 1, as you want it written."),
        click.option("--patient-header", is_flag=True,
                     help="Print Patient / Date / Prescribed by lines on page 1 to fill in by hand (on by itself with --patient, --therapist or --date)."),
        click.option("--clinic", "clinic_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="A clinic.yaml (name, phone, address, website, logo) for the foot of every page; by default the clinic.yaml beside the worksheets, if any."),
    ]

    @functools.wraps(fn)
    def wrapper(*args, page_size, large_print, log, log_days, patient, therapist, date, patient_header, clinic_file, **kwargs):
        from .model import Patient, PrintOptions

        clinic = None
        if clinic_file is not None:
            from .pipeline import load_clinic

            try:
                clinic = load_clinic(clinic_file)
            except WorksheetError as e:
                _report(e)
                raise SystemExit(1) from None
        opts = PrintOptions(
            page_size=page_size.lower() if page_size else None, large_print=large_print, log=log, log_days=log_days,
            patient_header=patient_header, patient=Patient(patient, therapist, date), clinic=clinic,
        )
        return fn(*args, options=opts, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


quiet_option = click.option("-q", "--quiet", is_flag=True, help="Print only problems.")


def _show_result(r, quiet: bool) -> None:
    if r.skipped:
        if not quiet:
            click.echo(f"Up to date {r.output}")
    elif r.ok:
        if not quiet:
            noun = "page" if r.pages == 1 else "pages"
            click.echo(f"Built {r.output} ({r.pages} {noun})")
    else:
        _report(r.error)


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Worker processes for a batch (default: one per CPU).",
)


@cli.command()
@paths_argument
@out_option
@print_options
@jobs_option
@click.option("--force", is_flag=True, help="Build every PDF again, even those already up to date.")
@quiet_option
def build(paths: tuple[Path, ...], out_dir: Path | None, options, jobs: int | None, force: bool, quiet: bool) -> None:
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
    from .pipeline import DEFAULT_OUT, build_all

    inputs = _inputs(paths)
    out_dir = out_dir or DEFAULT_OUT
    total, failed, skipped = _run(
        build_all(inputs, out_dir, options, jobs or os.cpu_count() or 1, force=force), len(inputs),
        lambda r: _show_result(r, quiet), quiet, "Building",
    )
    if total > 1 or failed:
        fresh = f"{skipped} up to date, " if skipped else ""
        click.echo(f"{total - failed - skipped} built, {fresh}{failed} failed", err=True)
    if failed:
        sys.exit(1)


@cli.command()
@paths_argument
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def validate(paths: tuple[Path, ...], quiet: bool) -> None:
    """Check worksheets for problems without writing any PDF.

    PATH is a worksheet file or a folder of them (default: worksheets/).

    \b
    Examples:
      worksheet validate
      worksheet validate worksheets/back-pain-relief.yaml
    """
    from .pipeline import check_all
    from .source import display_path

    inputs = _inputs(paths)

    def show(r) -> None:
        if r.ok:
            if not quiet:
                click.echo(f"OK {display_path(r.source)}")
        else:
            _report(r.error)

    total, failed, _ = _run(check_all(inputs), len(inputs), show, quiet, "Checking")
    if total > 1 or failed:
        click.echo(f"{total - failed} valid, {failed} with problems", err=True)
    if failed:
        sys.exit(1)


@cli.command()
@paths_argument
@out_option
@print_options
@quiet_option
def watch(paths: tuple[Path, ...], out_dir: Path | None, options, quiet: bool) -> None:
    """Build worksheets, then rebuild each one as soon as it is saved.

    A change to a library entry rebuilds every worksheet that uses it. Problems
    are printed as usual and watching goes on; stop with Ctrl-C.

    \b
    Examples:
      worksheet watch
      worksheet watch worksheets/back-pain-relief.yaml -o handouts/
    """
    from .pipeline import DEFAULT_OUT, DEFAULT_SOURCE
    from .watching import Watcher

    if not paths and not DEFAULT_SOURCE.is_dir():
        _inputs(paths)  # the usual usage error
    watcher = Watcher(list(paths) or [DEFAULT_SOURCE], out_dir or DEFAULT_OUT, options)
    if not quiet:
        click.echo("Watching for changes; press Ctrl-C to stop.", err=True)
    try:
        for batch in watcher.run():
            for r in batch:
                _show_result(r, quiet)
    except KeyboardInterrupt:
        pass
    if not quiet:
        click.echo("Stopped.", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar="PATH...")
@click.option("-o", "--out", "target", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The booklet PDF to write, such as program.pdf.")
@click.option("--title", default=None, callback=_person_text, help="The booklet's title (default: Home exercise program).")
@print_options
@quiet_option
def booklet(paths: tuple[Path, ...], target: Path, title: str | None, options, quiet: bool) -> None:
    """Build several worksheets into one PDF booklet.

    The booklet has a contents page, each worksheet starting on a new page,
    page numbers running through the whole booklet, bookmarks for every
    worksheet and exercise, and the disclaimer on every page.

    \b
    Examples:
      worksheet booklet worksheets/back-pain-relief.yaml worksheets/upper-back-pain.yaml -o program.pdf
      worksheet booklet worksheets/ -o program.pdf --patient "A. Patient" --log
    """
    from .pipeline import build_booklet

    inputs = _inputs(paths)
    try:
        result = build_booklet(inputs, target, options, title)
    except WorksheetError as e:
        _report(e)
        sys.exit(1)
    if not quiet:
        noun = "page" if result.pages == 1 else "pages"
        click.echo(f"Built {result.output} ({len(inputs)} worksheets, {result.pages} {noun})")


@cli.command(name="list")
@paths_argument
@out_option
def list_(paths: tuple[Path, ...], out_dir: Path | None) -> None:
    """List worksheets: title, exercises, pages, and whether the PDF is up to date.

    \b
    Examples:
      worksheet list
      worksheet list worksheets/ -o handouts/
    """
    from .pipeline import DEFAULT_OUT
    from .source import display_path
    from .watching import rows

    table = [("File", "Title", "Exercises", "Pages", "PDF")]
    for row in rows(_inputs(paths), out_dir or DEFAULT_OUT):
        table.append((
            display_path(row.source), row.title or "-",
            "-" if row.exercises is None else str(row.exercises),
            "-" if row.pages is None else str(row.pages), row.state,
        ))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for r in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


@cli.command()
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
    from .pipeline import DEFAULT_SOURCE
    from .starter import create, target_for

    try:
        path = target_for(name, DEFAULT_SOURCE if DEFAULT_SOURCE.is_dir() else Path("."))
        create(path, source)
    except WorksheetError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Created {path}; build it with: worksheet build {path}")


@cli.command()
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

    from .schema import json_schema

    click.echo(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))


def main() -> None:
    cli(prog_name="worksheet")
