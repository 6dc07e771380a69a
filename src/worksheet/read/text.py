"""Characters no input may hold, defined once for every reader.

Why: control characters print as nothing or as boxes, and can hide text from the
person who reviews a file. They are refused wherever text comes in: in a file as it
is read (where tab, line feed and carriage return make lines and are allowed) and in
a value once YAML has read it (where a carriage return, written as an escape, is
refused too: a value is printed on the page, not split into lines by it).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL and the non-characters U+FFFE and U+FFFF, without tab, LF and CR.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"

CONTROL_IN_FILE = re.compile(f"[{_CONTROLS}]")
CONTROL_IN_VALUE = re.compile(f"[{_CONTROLS}\r]")
