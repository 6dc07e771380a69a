"""The library's commands: the picture catalogue, and one exercise's figure as a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..defaults import DEFAULT_SOURCE, LIBRARY_FOLDER
from ..errors import shown
from .app import cli, handle_user_errors, say, warn
from .options import print_options, quiet_option

if TYPE_CHECKING:
    from ..model import PrintOptions

DEFAULT_LIBRARY = DEFAULT_SOURCE / LIBRARY_FOLDER
_library_option = click.option(
    "--library", "folder", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_LIBRARY, show_default=True,
    help="The folder of library exercises.",
)


@cli.command()
@handle_user_errors
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_LIBRARY, metavar="[FOLDER]")
@click.option("-o", "--out", "target", type=click.Path(dir_okay=False, path_type=Path), default=Path("library.pdf"),
              show_default=True, help="The catalogue PDF to write.")
@print_options
@quiet_option
def catalog(folder: Path, target: Path, options: PrintOptions, quiet: bool) -> None:
    """Print the exercise library as a picture catalogue, for choosing exercises.

    One card per library exercise: its figure, its name, the id to write after
    'use:' in a worksheet, where it starts and its caution. Every entry is checked
    first, and every problem reported, as in a build.

    \b
    Examples:
      worksheet catalog
      worksheet catalog worksheets/library -o library.pdf --page-size a4
    """
    from ..build.catalog import build_catalog

    result = build_catalog(folder, target, options)
    warn(result.warnings)
    if not quiet:
        noun = "page" if result.pages == 1 else "pages"
        say(f"Built {shown(result.output)} ({result.pages} {noun})")


@cli.command()
@handle_user_errors
@click.argument("entry_id", metavar="ID")
@click.option("-o", "--out", "target", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: NAME.svg or NAME.png.")
@_library_option
@click.option("--width", type=click.FloatRange(72, 2000), default=360, show_default=True, help="Width in points (72 to the inch).")
@click.option("--dpi", type=click.IntRange(36, 1200), default=200, show_default=True, help="Resolution of a PNG.")
def figure(entry_id: str, target: Path, folder: Path, width: float, dpi: int) -> None:
    """Draw one library exercise's figure (start and end) as an SVG or PNG file.

    ID is the exercise's file name in the library without .yaml. The figure's
    description in words goes into the file (an SVG's title, a PNG's text).

    \b
    Examples:
      worksheet figure bridge -o bridge.svg
      worksheet figure cat-cow -o cat-cow.png --width 500 --dpi 300
    """
    from ..build.catalog import write_figure

    written = write_figure(folder, entry_id, target, width, dpi)
    say(f"Wrote {shown(written)}")
