"""Options that several commands share, as decorators (the sqlite-utils way)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

if TYPE_CHECKING:
    from ..model import PageSize

paths_argument = click.argument(
    "paths", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="[PATH]..."
)

out_option = click.option(
    "-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder for the PDFs (default: build/). Each PDF is named after its YAML file.",
)

quiet_option = click.option("-q", "--quiet", is_flag=True, help="Print only problems.")

jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Worker processes for a batch (default: one per CPU).",
)


def person_text(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Names and dates from the command line: one plain line the font can print, with accents
    typed apart joined to their letters (NFC), as in a file."""
    if value is None:
        return None
    from ..build.people import NotPrintable
    from ..build.people import person_text as check

    try:
        return check(value)
    except NotPrintable as e:
        raise click.BadParameter(str(e)) from None


def language_tag(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A language the labels can be printed in: English or one with a catalogue."""
    if value is None:
        return None
    from ..i18n import available, base_language

    if not value.replace("-", "").replace("_", "").isalnum() or len(value) > 20 or base_language(value) not in available():
        raise click.BadParameter(f"'{value}' is not a language the labels can be printed in; choose from {', '.join(available())}.")
    return value.replace("_", "-")


language_option = click.option(
    "--language", callback=language_tag, metavar="TAG",
    help="Print in this language (such as 'es'): the labels from its catalogue, the text from each file's 'translations'; a text with no translation is a warning.",
)


def print_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by build, watch and booklet, gathered into one PrintOptions."""
    options = [
        click.option("--page-size", type=click.Choice(["letter", "a4"], case_sensitive=False), default=None,
                     help="Paper size, overriding 'page_size:' in the files (default: letter)."),
        click.option("--large-print", is_flag=True, default=None,
                     help="Large print: 16 pt text or larger, 1-inch margins, one column."),
        click.option("--log", is_flag=True, default=None, help="Add a tracking log page to each worksheet."),
        click.option("--log-days", type=click.IntRange(1, 14), default=None, help="Days in the tracking log (default 7)."),
        click.option("--patient", callback=person_text, help="The patient's name, printed on page 1 (and nowhere else)."),
        click.option("--therapist", callback=person_text, help="Who prescribed the exercises, printed on page 1."),
        click.option("--date", callback=person_text, help="The date to print on page 1, as you want it written."),
        click.option("--patient-header", is_flag=True,
                     help="Print Patient / Date / Prescribed by lines on page 1 to fill in by hand (on by itself with --patient, --therapist or --date)."),
        click.option("--clinic", "clinic_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="A clinic.yaml (name, phone, address, website, logo) for the foot of every page; by default the clinic.yaml beside the worksheets, if any."),
        click.option("--how-often", callback=person_text, help="How often to exercise, for the plan box on page 1, such as 'Once a day, 5 days a week'."),
        click.option("--weeks", type=click.IntRange(1, 52), default=None, help="For how many weeks, for the plan box."),
        click.option("--next-visit", callback=person_text, help="The next visit, as you want it written, for the plan box."),
        click.option("--no-notes-lines", is_flag=True, help="Leave the space after the last exercise blank instead of ruled for notes."),
        click.option("--no-figures", is_flag=True, help="Print no figures (a clinic's own 'image:' pictures still print)."),
        language_option,
        click.option("--bilingual", is_flag=True,
                     help="With --language: print each instruction also as written in the file, in smaller type under it, for the therapist to check."),
    ]

    @functools.wraps(fn)
    def wrapper(*args: Any, page_size: str | None, large_print: bool | None, log: bool | None, log_days: int | None,
                patient: str | None, therapist: str | None, date: str | None, patient_header: bool,
                clinic_file: Path | None, how_often: str | None, weeks: int | None, next_visit: str | None,
                no_notes_lines: bool, no_figures: bool, language: str | None, bilingual: bool, duplex: bool = False,
                **kwargs: Any) -> Any:
        from ..model import Patient, Plan, PrintOptions  # not at start-up: --help needs no model

        clinic = None
        if clinic_file is not None:
            from ..build.pipeline import load_clinic

            clinic = load_clinic(clinic_file)  # a problem is reported by the command's error boundary
        opts = PrintOptions(
            page_size=cast("PageSize | None", page_size.lower() if page_size else None), large_print=large_print, log=log, log_days=log_days,
            patient_header=patient_header, patient=Patient(patient, therapist, date), clinic=clinic,
            plan=Plan(how_often, weeks, next_visit), notes_lines=not no_notes_lines, duplex=duplex,
            figures=not no_figures, language=language, bilingual=bilingual,
        )
        return fn(*args, options=opts, **kwargs)

    decorated: Callable[..., Any] = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated
