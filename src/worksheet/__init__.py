"""worksheet: home-exercise worksheets written in YAML, printed as clean PDFs."""

__version__ = "0.1.0"
