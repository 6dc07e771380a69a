"""The ``worksheet`` command: options in, lines out, nothing else.

Exit codes: 0 when everything worked, 1 when a worksheet has a problem or could
not be built, 2 for a mistake in the command itself (click's usage errors).
Problems in a file are printed as ``path:line:col: message``, one per line, so
editors and terminals can jump to them; other failures as ``Error: message``.
"""

from __future__ import annotations

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


def _report(error: WorksheetError) -> None:
    if isinstance(error, InputError):
        for issue in error.issues:
            click.echo(issue.format(), err=True)
    else:
        click.echo(f"Error: {error}", err=True)


def _run(results: Iterator, total: int, show: Callable[[object], None], quiet: bool, label: str) -> list:
    """Consume results, with a progress bar for a batch on a terminal, printing as they come."""
    bar_wanted = total > 1 and not quiet and sys.stderr.isatty()
    done = []
    if bar_wanted:
        with click.progressbar(results, length=total, label=label, file=sys.stderr) as bar:
            done = list(bar)
        for r in done:
            show(r)
    else:
        for r in results:
            show(r)
            done.append(r)
    return done


@cli.command()
@paths_argument
@click.option(
    "-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder for the PDFs (default: build/). Each PDF is named after its YAML file.",
)
@click.option(
    "--page-size", type=click.Choice(["letter", "a4"], case_sensitive=False), default=None,
    help="Paper size for every worksheet, overriding 'page_size:' in the files (default: letter).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def build(paths: tuple[Path, ...], out_dir: Path | None, page_size: str | None, quiet: bool) -> None:
    """Build worksheets into PDFs.

    PATH is a worksheet file or a folder of them (default: worksheets/). A
    failing file does not stop the others; the exit code is 1 if any failed.

    \b
    Examples:
      worksheet build
      worksheet build worksheets/back-pain-relief.yaml -o handouts/
      worksheet build --page-size a4
    """
    from .pipeline import DEFAULT_OUT, build_all

    inputs = _inputs(paths)
    out_dir = out_dir or DEFAULT_OUT

    def show(r) -> None:
        if r.ok:
            if not quiet:
                noun = "page" if r.pages == 1 else "pages"
                click.echo(f"Built {r.output} ({r.pages} {noun})")
        else:
            _report(r.error)

    results = _run(build_all(inputs, out_dir, page_size.lower() if page_size else None), len(inputs), show, quiet, "Building")
    failed = sum(1 for r in results if not r.ok)
    if len(results) > 1 or failed:
        click.echo(f"{len(results) - failed} built, {failed} failed", err=True)
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

    results = _run(check_all(inputs), len(inputs), show, quiet, "Checking")
    failed = sum(1 for r in results if not r.ok)
    if len(results) > 1 or failed:
        click.echo(f"{len(results) - failed} valid, {failed} with problems", err=True)
    if failed:
        sys.exit(1)


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
@click.argument("kind", type=click.Choice(["worksheet", "exercise"]), default="worksheet")
def schema(kind: str) -> None:
    """Print the JSON Schema of a worksheet (or of a library exercise) for editors.

    With a YAML language server (VS Code's YAML extension, for one), a first line
    of '# yaml-language-server: $schema=worksheet.schema.json' in a worksheet gives
    completion, hover help and checks while you type.

    \b
    Examples:
      worksheet schema > worksheets/worksheet.schema.json
      worksheet schema exercise > worksheets/library/exercise.schema.json
    """
    import json

    from .schema import json_schema

    click.echo(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))


def main() -> None:
    cli(prog_name="worksheet")
