"""The ``worksheet`` command group, and the one place our errors become lines and exit codes.

Exit codes: 0 when everything worked, 1 when a worksheet has a problem or could not be
built, 2 for a mistake in the command itself (click's usage errors). Problems in a
file are printed as ``path:line:col: message`` with the offending line under it, so
editors and terminals can jump to them; other failures as ``Error: message``.

Why one boundary (as RenderCV's ``handle_user_errors``): every command reports our own
errors the same way, whether one error stops the command or a batch reports a failed
file and goes on. Anything that is not a :class:`~worksheet.errors.WorksheetError` is
a bug and keeps its traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from .. import __version__
from ..errors import InputError, WorksheetError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """A command group that suggests the nearest command for a typo ("did you mean")."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
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


def _color() -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set."""
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR")


def report(error: WorksheetError) -> None:
    """Print one of our errors: located lines with excerpts, or an ``Error:`` line."""
    from .report import clear_cache, format_issue

    if isinstance(error, InputError):
        color = _color()
        for issue in error.issues:
            click.echo(format_issue(issue, color), err=True, color=color)
        clear_cache()
    else:
        click.echo(f"Error: {error}", err=True)


def fail(error: WorksheetError) -> NoReturn:
    """Report ``error`` and stop the command with exit code 1."""
    report(error)
    sys.exit(1)


def handle_user_errors(command: F) -> F:
    """Run a command; an error of ours that stops it is reported as usual, with exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except WorksheetError as e:
            fail(e)

    return wrapper  # type: ignore[return-value]


def main() -> None:
    cli(prog_name="worksheet")
