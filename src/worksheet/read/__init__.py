"""The read stage: bytes from disk into located nodes, and the files a worksheet names.

Nothing here knows what a worksheet means; the schema stage does.

- :mod:`.source`: a YAML file, read safely, into a tree of nodes with line and column.
- :mod:`.library`: the exercise library folder, each entry parsed once.
- :mod:`.pictures`: PNG and JPEG pictures, checked from their header and shrunk.
- :mod:`.files`: the one place input files are opened, with every hazard of the file system refused.
- :mod:`.text`: the control characters refused in every input.
"""
