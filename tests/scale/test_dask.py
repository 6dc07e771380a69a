"""The pure function on an engine a clinic network already runs: 50 worksheets on a Dask
LocalCluster of two worker processes give the command line's bytes (bench/dask_example.py)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.helpers import SHIPPED
from worksheet.build import pipeline
from worksheet.model import Patient, PrintOptions

distributed = pytest.importorskip("distributed")
dask_example = pytest.importorskip("bench.dask_example")


def _corpus(folder: Path, n: int) -> None:
    """n different worksheets over the shipped library, with varied doses."""
    rnd = random.Random(3)
    shutil.copytree(SHIPPED / "library", folder / "library")
    ids = sorted(p.stem for p in (SHIPPED / "library").glob("*.yaml"))
    for i in range(n):
        lines = [f"title: Program {i}", "exercises:"]
        for ex in rnd.sample(ids, rnd.randint(3, 8)):
            lines += [f"  - use: {ex}", f"    reps: {rnd.choice(['5', '10', '8-12'])}"]
        (folder / f"sheet-{i:02}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_fifty_worksheets_on_a_local_dask_cluster_match_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    _corpus(folder, 50)
    options = PrintOptions(patient=Patient("Noor Haddad", None, "2 Dec 2026"))
    expected = {r.source.name: r.output.read_bytes()
                for r in pipeline.build_all(pipeline.find_worksheets([folder]), tmp_path / "out", options)}
    assert len(expected) == 50
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        got = dask_example.render_on(client, folder, options)
    assert got.keys() == expected.keys()
    assert [name for name in got if got[name] != expected[name]] == []
