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

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import InputError, Issue, WorksheetError, escape, shown

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


def is_terminal(err: bool = True) -> bool:
    stream = sys.stderr if err else sys.stdout
    return stream is not None and stream.isatty()


def _color() -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set."""
    return is_terminal() and not os.environ.get("NO_COLOR")


@dataclass
class _Output:
    """What happened to standard output and error: a reader that went away (a closed pipe) is
    not an error, and the work goes on without printing; a stream that fails otherwise (a full
    disk) is reported at the end, if standard error still works, and exits 1."""

    silenced: set[bool] = field(default_factory=set)  # err flags of the streams that take no more writes
    failure: tuple[bool, OSError] | None = None


_output = _Output()


def say(text: str, err: bool = False, color: bool | None = None) -> None:
    """Print a line, never letting a closed or full output stop the work."""
    if err in _output.silenced:
        return
    try:
        click.echo(text, err=err, color=color)
    except OSError as e:
        _output.silenced.add(err)
        _to_null(err)
        if not isinstance(e, BrokenPipeError) and _output.failure is None:
            _output.failure = (err, e)


def _to_null(err: bool) -> None:
    """Send what is left for a failed stream to /dev/null, so that flushing it at exit is quiet."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def _finish(code: int) -> int:
    """The exit code once output failures are known (and reported, where that is possible)."""
    if _output.failure is None:
        return code
    err, e = _output.failure
    _output.failure = None
    if not err:
        say(f"Error: Cannot write to standard output: {e.strerror or e}.", err=True)
    return code or 1


def report(error: WorksheetError) -> None:
    """Print one of our errors: located lines with excerpts, or an ``Error:`` line."""
    from .report import clear_cache, format_issue

    if isinstance(error, InputError):
        color = _color()
        for issue in error.issues:
            say(format_issue(issue, color), err=True, color=color)
        if error.more:
            say(f"... and {error.more:,} more problems in {escape(error.issues[0].path)}.", err=True)
        clear_cache()
    else:
        say(f"Error: {error}", err=True)


def warn(warnings: tuple[Issue, ...]) -> None:
    """Print warnings: located like problems, but nothing stops for them."""
    from .report import format_issue

    color = _color()
    for issue in warnings:
        say(format_issue(issue, color), err=True, color=color)


def handle_user_errors(command: F) -> F:
    """Run a command. An error of ours that stops it is reported as usual, with exit code 1;
    so is an operating-system error (a full disk, a folder we may not write): never a traceback
    for those. Output that could not be written makes the exit code 1 as well."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _output.silenced, _output.failure = set(), None
        code = 0
        try:
            command(*args, **kwargs)
        except WorksheetError as e:
            report(e)
            code = 1
        except OSError as e:
            where = f" ({shown(e.filename)})" if e.filename else ""
            say(f"Error: {e.strerror or e}{where}.", err=True)
            code = 1
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
        code = _finish(code)
        if code:
            sys.exit(code)

    return wrapper  # type: ignore[return-value]


def main() -> None:
    cli(prog_name="worksheet")
