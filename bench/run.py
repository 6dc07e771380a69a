"""Benchmark: how fast worksheets build, each target next to its reference measured in the same run. Not a test.

Run from the project folder, with worksheet installed and `pip install typst` (the reference):

    python bench/run.py             # N = 1,000 worksheets, every row
    python bench/run.py --quick     # only the targets of performance round two

It makes a corpus from the shipped exercise library (N worksheets of 5 to 12 exercises with varied
doses and titles), runs the real `worksheet` command on it, and prints one table: each target as
ours / the reference, the ratio and the limit. The reference for speed is Typst compiling the same
text and boxes (bench/typst_reference.typ) with one compiler reused. The machine this was written
on is a noisy 2-CPU VM: in-process figures are the best of three passes, measured in turns.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "worksheets" / "library"
CLI = [sys.executable, "-m", "worksheet"]

HOLDS = ["30 s", "3-5 s", "10 s", "1 min", "5-10 s", "2-3 s"]
REPS = ["3", "5", "10", "10-15", "5-10", "8"]
SIDES = [None, None, "each", "alternate", "both"]
FREQ = [None, "once a day", "2 times a day", "3 times a week"]
WORDS = "gentle daily back neck hip shoulder morning evening strength stretch relief routine".split()
NAMES = "Ana Ben Chloe Dev Elif Femi Grace Hiro Ines Jamal Kai Lena Marta Noor Omar Priya".split()


def make_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rnd = random.Random(seed)
    ids = sorted(p.stem for p in LIBRARY.glob("*.yaml"))
    shutil.copytree(LIBRARY, folder / "library")
    paths = []
    for i in range(n):
        title = " ".join(rnd.sample(WORDS, 3)).title() + f" Program {i}"
        lines = [f"title: {title}", f"subtitle: For {rnd.choice(NAMES)}'s {rnd.choice(WORDS)} plan",
                 "intro: Move slowly and only as far as is comfortable. Stop if something hurts.", "exercises:"]
        for ex in rnd.sample(ids, rnd.randint(5, 12)):
            lines.append(f"  - use: {ex}")
            lines.append(f"    hold: {rnd.choice(HOLDS)}")
            lines.append(f"    reps: {rnd.choice(REPS)}")
            if side := rnd.choice(SIDES):
                lines.append(f"    sides: {side}")
            if freq := rnd.choice(FREQ):
                lines.append(f"    frequency: {freq}")
        path = folder / f"sheet-{i:05}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# Started from a small process of its own: a child forked from this one (large, after the in-process
# rows) would count this process's pages in its peak until it runs the command.
_PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")


def run(args: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of the largest process in the run (workers included)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _PEAK, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr}")
    return wall, int(proc.stderr.split()[-1]) // 1024


def cold_starts(ours: list[str], reference: list[str], cwd: Path, times: int = 9) -> tuple[float, float]:
    """Median wall time of each command, run in turns (so both see the same noise)."""
    a, b = [], []
    for _ in range(times):
        a.append(run(ours, cwd)[0])
        b.append(run(reference, cwd)[0])
    return statistics.median(a), statistics.median(b)


SIZES: dict[bool, int] = {}  # tagged or not -> bytes per worksheet with figures, of the last in-process pass


def in_process(paths: list[Path], figures: bool = True, tagged: bool = True) -> float:
    """Milliseconds per worksheet, read + validated + laid out, in one process (with each
    exercise's figure, or without: --no-figures; tagged and archival, or as ReportLab wrote it)."""
    from worksheet.build import pipeline
    from worksheet.model import PrintOptions
    from worksheet.render import archive, document

    tag = archive.tag
    if not tagged:  # the cost of the structure tree and PDF/A: the file as ReportLab writes it
        archive.tag = lambda doc, root, language: None  # type: ignore[assignment]
    try:
        options = PrintOptions(figures=figures)
        wss = [pipeline.load(p) for p in paths[:3]]
        for ws in wss:
            document.render(ws, options.resolve(ws))  # warm: fonts, styles, imports
        size = 0
        start = time.perf_counter()
        for p in paths:
            ws = pipeline.load(p)
            size += len(document.render(ws, options.resolve(ws)).data)
        elapsed = time.perf_counter() - start
    finally:
        archive.tag = tag
    if figures:
        SIZES[tagged] = size // len(paths)
    return elapsed / len(paths) * 1000


def best_of(times: int, *measures):
    """Each measure's best of ``times`` runs, the measures taking turns (so both see the same noise)."""
    results = [[] for _ in measures]
    for _ in range(times):
        for out, measure in zip(results, measures, strict=True):
            out.append(measure())
    return [min(r) for r in results]


def personalised(path: Path, n: int) -> float:
    """Milliseconds per copy of one worksheet personalised for n patients."""
    from worksheet.build import pipeline
    from worksheet.model import Patient, PrintOptions
    from worksheet.render import document

    ws = pipeline.load(path)
    start = time.perf_counter()
    for i in range(n):
        options = PrintOptions(patient=Patient(f"{NAMES[i % len(NAMES)]} Patient {i}", "A. Therapist", "21 Nov 2026"))
        document.render(ws, options.resolve(ws))
    return (time.perf_counter() - start) / n * 1000


def _floor_one(ws) -> None:
    """One worksheet drawn with the bare canvas (see floor_ms)."""
    import io

    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from worksheet.render import fonts, wording

    width, height = LETTER
    c = Canvas(io.BytesIO(), pagesize=LETTER, invariant=1)
    y = height - 50
    page = 1
    foot = simpleSplit(ws.disclaimer or wording.DEFAULT_DISCLAIMER, fonts.REGULAR, 10, width - 164)

    def furniture() -> None:
        c.setFont(fonts.REGULAR, 10)
        for i, part in enumerate(foot):
            c.drawString(43, 60 - 12 * i, part)
        c.setFont(fonts.BOLD, 11)
        c.drawRightString(width - 43, 60, f"Page {page}")
        if page > 1:
            c.setFont(fonts.REGULAR, 11)
            c.drawString(43, height - 40, ws.title)

    def line(text: str, font: str, size: float) -> None:
        nonlocal y, page
        for part in simpleSplit(text, font, size, width - 86):
            if y < 100:
                furniture()
                c.showPage()
                page += 1
                y = height - 60
            c.setFont(font, size)
            c.drawString(43, y, part)
            y -= size * 1.3

    line(ws.title, fonts.BOLD, 24)
    for p in ws.intro:
        line(p, fonts.REGULAR, 12.5)
    for n, ex in enumerate(ws.exercises, 1):
        line(f"{n} {ex.name}", fonts.BOLD, 17)
        texts = [f"Start: {ex.position}" if ex.position else "", *(f"{i}. {s}" for i, s in enumerate(ex.steps, 1)),
                 f"You should feel: {ex.feel}" if ex.feel else "", *ex.caution,
                 *(" ".join(x for x in part if x) for part in wording.dose_parts(ex.dose))]
        for text in texts:
            if text:
                line(text, fonts.REGULAR, 12.5)
    furniture()
    c.save()


def canvas_floor(paths: list[Path]) -> float:
    """Milliseconds per worksheet to draw the same text with ReportLab's bare canvas:
    the same fonts and accelerator, simple line wrapping, no layout engine. The same
    text is what the PDF holds: labels, step numbers, the dose a part a line, and the
    disclaimer, title and page number on every page."""
    from worksheet.build import pipeline
    from worksheet.render import fonts

    fonts.register()
    wss = [pipeline.load(p) for p in paths]
    start = time.perf_counter()
    for ws in wss:
        _floor_one(ws)
    return (time.perf_counter() - start) / len(wss) * 1000


def scaling() -> tuple[float, float, float, float]:
    """Layout seconds for one step of 10,000 and of 40,000 words, and for 300 and 1,200 exercises.
    (The model is made directly: a worksheet file refuses a value over 100,000 characters.)"""
    import dataclasses

    from worksheet.build import pipeline
    from worksheet.render import document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "base.yaml"
        path.write_text("title: Scale\nexercises:\n  - name: Exercise\n    steps: [x]\n    reps: 3\n", encoding="utf-8")
        base = pipeline.load(path)

    def timed(words: int, exercises: int) -> float:
        step = " ".join(["stretch", "gently", "breathe", "slowly", "shoulder"] * (words // 5))
        ex = dataclasses.replace(base.exercises[0], steps=(step,))
        ws = dataclasses.replace(base, exercises=(ex,) * exercises)
        return min(_seconds(document.render, ws) for _ in range(3))

    return timed(10_000, 1), timed(40_000, 1), timed(100, 300), timed(100, 1200)


def _seconds(f, *args) -> float:
    start = time.perf_counter()
    f(*args)
    return time.perf_counter() - start


TYPST_TEMPLATE = Path(__file__).resolve().parent / "typst_reference.typ"


def typst_json(ws) -> str:
    """The worksheet's text as the Typst reference template reads it (sys.inputs)."""
    import json

    from worksheet.render import wording

    return json.dumps({
        "title": ws.title, "subtitle": ws.subtitle, "intro": list(ws.intro),
        "disclaimer": ws.disclaimer or wording.DEFAULT_DISCLAIMER,
        "exercises": [{"name": ex.name, "start": ex.position, "steps": list(ex.steps), "feel": ex.feel,
                       "notes": list(ex.notes), "caution": list(ex.caution),
                       "dose": [list(part) for part in wording.dose_parts(ex.dose)]} for ex in ws.exercises],
    })


def typst_ms(paths: list[Path]) -> tuple[float, str]:
    """Milliseconds per worksheet for Typst to compile the same text and boxes (bench/typst_reference.typ)
    with one compiler reused, tagged and PDF/A-2b like ours; best of three passes. And its version."""
    from importlib.metadata import version

    import typst

    from worksheet.build import pipeline

    inputs = [typst_json(pipeline.load(p)) for p in paths]
    compiler = typst.Compiler(str(TYPST_TEMPLATE), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True)
    for data in inputs[:3]:
        compiler.compile(sys_inputs={"sheet": data}, pdf_standards=["a-2b", "ua-1"])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for data in inputs:
            compiler.compile(sys_inputs={"sheet": data}, pdf_standards=["a-2b", "ua-1"])
        best = min(best, (time.perf_counter() - start) / len(inputs) * 1000)
    return best, version("typst")


def cli_marginal_ms(folder: Path, paths: list[Path], out: Path, extra: tuple[str, ...] = ()) -> float:
    """The command line's cost per worksheet past its start-up: (build 220 - build 20) / 200, --jobs 1,
    --force; best of three."""
    small, large = folder / "m20", folder / "m220"
    for name, chosen in ((small, paths[:20]), (large, paths[:220])):
        name.mkdir(exist_ok=True)
        for p in chosen:
            shutil.copy(p, name / p.name)
        shutil.copytree(folder / "library", name / "library")
    best = float("inf")
    for _ in range(3):
        t20, _ = run([*CLI, "build", str(small), "-o", str(out / "m20"), "-q", "--force", "-j", "1", *extra], folder)
        t220, _ = run([*CLI, "build", str(large), "-o", str(out / "m220"), "-q", "--force", "-j", "1", *extra], folder)
        best = min(best, (t220 - t20) / 200 * 1000)
    for name in (small, large):
        shutil.rmtree(name)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="worksheets in the corpus (default 1000, at least 220)")
    parser.add_argument("--quick", action="store_true", help="only the targets of performance round two")
    args = parser.parse_args()
    n = max(args.n, 220)
    rows: list[tuple[str, str]] = []

    def target(name: str, value: float, reference: float, limit: float, unit: str = "ms") -> None:
        ratio = value / reference
        rows.append((f"{name}: {value:.{1 if unit == 'ms' else 2}f} {unit} / {reference:.{1 if unit == 'ms' else 2}f} {unit}",
                     f"{ratio:.2f}x {'ok' if ratio <= limit else 'MISSED'} (<= {limit})"))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = make_corpus(folder, n)
        out = Path(tmp) / "out"
        sample = paths[20:220]
        typst, typst_version = typst_ms(sample)
        rows.append((f"Typst {typst_version}, one compiler reused, same text and boxes, tagged PDF/A-2b: ms per worksheet", f"{typst:.1f}"))
        marginal = cli_marginal_ms(folder, paths, out)
        target("CLI marginal cost per worksheet, --jobs 1, (220 - 20) / 200 / Typst", marginal, typst, 0.9)
        bare_marginal = cli_marginal_ms(folder, paths, out, ("--no-figures",))
        target("  the same --no-figures / Typst", bare_marginal, typst, 0.9)
        wall, rss_n = run([*CLI, "build", str(folder), "-o", str(out / "all"), "-q", "--force", "-j", "2"], folder)
        target(f"{n:,} worksheets --jobs 2 / ({n:,} x Typst / 2)", wall, n * typst / 2000, 0.9, "s")
        ours, bare, untagged = best_of(3, lambda: in_process(sample), lambda: in_process(sample, figures=False),
                                       lambda: in_process(sample, tagged=False))
        target("in-process, a figure per exercise / none (--no-figures)", ours, bare, 1.3)
        target("in-process, tagged and PDF/A / as ReportLab wrote it", ours, untagged, 1.1)
        rows.append(("  KB per worksheet, tagged and PDF/A / untagged", f"{SIZES[True] / 1024:.0f} / {SIZES[False] / 1024:.0f}"))
        noop, _ = run([*CLI, "build", str(folder), "-o", str(out / "all"), "-q", "-j", "2"], folder)
        rows.append((f"no-op rebuild of {n:,}: {noop:.2f} s", f"{'ok' if noop <= 0.3 else 'MISSED'} (<= 0.3 s)"))
        one = [*CLI, "build", str(paths[0]), "-o", str(out / "one"), "-q", "--force"]
        cold, platypus = cold_starts(one, [sys.executable, "-c", "import reportlab.platypus"], folder)
        target("cold single-file build / python -c 'import reportlab.platypus' (median of 9)", cold, platypus, 1.2, "s")
        small_dir = folder / "m20"
        small_dir.mkdir()
        for p in paths[:20]:
            shutil.copy(p, small_dir / p.name)
        shutil.copytree(folder / "library", small_dir / "library")
        _, rss_small = run([*CLI, "build", str(small_dir), "-o", str(out / "rss20"), "-q", "--force", "-j", "2"], folder)
        rows.append((f"peak RSS of the largest process, --jobs 2: 20 / {n:,} worksheets, MB (flat in N)", f"{rss_small} / {rss_n}"))
        if not args.quick:
            floor = best_of(3, lambda: canvas_floor(sample))[0]
            rows.append(("in-process ms per worksheet (load + layout + tagging), with figures", f"{ours:.1f}"))
            rows.append(("bare-canvas floor, ms per worksheet, same run", f"{floor:.1f}"))
            rows.append(("one worksheet personalised for 200 patients, ms each", f"{personalised(paths[0], 200):.1f}"))
            words10k, words40k, ex300, ex1200 = scaling()
            rows.append(("one step of 10,000 / 40,000 words, layout s (about 4x)", f"{words10k:.3f} / {words40k:.3f}"))
            rows.append(("300 / 1,200 exercises, layout s (linear: 4x)", f"{ex300:.2f} / {ex1200:.2f}"))
    width = max(len(k) for k, _ in rows)
    print(f"worksheet benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; ours / reference, ratio, target")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


if __name__ == "__main__":
    main()
