"""The schema stage: located nodes in, the model out, with every problem gathered at once.

- :mod:`.context`: where problems go, how a field is declared, how a mapping's keys are read.
- :mod:`.values`: the kinds of value (text, counts, times, frequencies, addresses, pictures...).
- :mod:`.fields`: the format, declared once as data.
- :mod:`.worksheet`: worksheets (with their library entries) and clinic files, built.
- :mod:`.jsonschema`: the JSON Schema editors read, made from the same field tables.
"""

from .worksheet import build_worksheet, load_clinic, load_library_entry, load_worksheet

__all__ = ["build_worksheet", "load_clinic", "load_library_entry", "load_worksheet"]
