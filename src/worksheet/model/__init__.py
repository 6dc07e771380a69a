"""The model stage: what a worksheet is, and how to print it, as frozen dataclasses.

Nothing here imports YAML or ReportLab: the schema stage builds these objects from a
file, the render stage reads them, and tests can build them in Python.

- :mod:`.worksheet`: Worksheet, Exercise, Dose and its parts (Count, Duration, Frequency).
- :mod:`.options`: PrintOptions (what was asked for), Settings (what layout uses),
  Clinic and Patient.
"""

from .options import Clinic, Patient, PrintOptions, Settings
from .worksheet import (
    PAGE_SIZES,
    SIDES,
    Count,
    Dose,
    Duration,
    Exercise,
    Frequency,
    PageSize,
    Period,
    Plan,
    Sides,
    Worksheet,
)

__all__ = [
    "PAGE_SIZES", "SIDES", "Clinic", "Count", "Dose", "Duration", "Exercise", "Frequency",
    "PageSize", "Patient", "Period", "Plan", "PrintOptions", "Settings", "Sides", "Worksheet",
]
