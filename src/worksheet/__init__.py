"""worksheet: home-exercise worksheets written in YAML, printed as clean PDFs.

``worksheet.render_pdf(yaml_bytes, library=..., pictures=..., options=...) -> bytes`` is the pure
rendering function (see :mod:`worksheet.build.pure`); it is imported when first used, so that
``import worksheet`` stays instant for the command line.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "render_pdf":
        from .build.pure import render_pdf

        return render_pdf
    raise AttributeError(f"module 'worksheet' has no attribute {name!r}")


__all__ = ["__version__", "render_pdf"]
