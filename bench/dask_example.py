"""Render a folder of worksheets on a Dask cluster with worksheet's pure function. An example.

    python bench/dask_example.py worksheets/ out/          # a LocalCluster of 2 worker processes

The function is ``worksheet.render_pdf(yaml_bytes, library=..., pictures=..., options=...) -> bytes``:
every input is bytes or a frozen dataclass, the result is bytes, and it touches no disk, so any
engine that ships a Python function and its arguments to workers can run it (Dask here; Ray's
``ray.remote(render_pdf)`` and a Celery task that wraps it are the same three lines). The
library is sent to each worker once (``scatter(..., broadcast=True)``), not with every task.
"""

from __future__ import annotations

import sys
from pathlib import Path

from worksheet import render_pdf
from worksheet.model import PrintOptions


def read_folder(folder: Path) -> tuple[dict[str, bytes], dict[str, bytes], dict[str, bytes]]:
    """The worksheets (file name -> bytes), the library (id -> bytes) and the pictures (path
    relative to the folder -> bytes) of a worksheet folder: what the workers need, read once."""
    sheets = {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml")) if p.name != "clinic.yaml"}
    library = {p.stem: p.read_bytes() for p in sorted((folder / "library").glob("*.yaml"))}
    pictures = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
                if p.suffix.lower() in (".png", ".jpg", ".jpeg")}
    return sheets, library, pictures


def render_on(client, folder: Path, options: PrintOptions | None = None) -> dict[str, bytes]:
    """Every worksheet in ``folder`` rendered by the cluster behind ``client``: file name -> PDF bytes."""
    sheets, library, pictures = read_folder(folder)
    shared_library, shared_pictures = client.scatter([library, pictures], broadcast=True)  # each dict whole
    names = list(sheets)
    futures = client.map(lambda name, data, lib, pics: render_pdf(data, library=lib, pictures=pics, options=options, name=name),
                         names, [sheets[n] for n in names], lib=shared_library, pics=shared_pictures, pure=True)
    return dict(zip(names, client.gather(futures), strict=True))


def main() -> None:
    from dask.distributed import Client, LocalCluster

    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster) as client:
        for name, pdf in render_on(client, folder).items():
            (out / name).with_suffix(".pdf").write_bytes(pdf)
            print(f"{name}: {len(pdf):,} bytes")


if __name__ == "__main__":
    main()
