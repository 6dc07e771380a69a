"""The local web page: worksheets to print as they are or personalise, the library with its
pictures, a composer, print options and a live preview, over the same library API as the CLI.

Why: most clinicians never open a YAML file. Every page here is a thin front end: worksheets are
read, checked and rendered by :mod:`worksheet.build` (files by the pipeline, composed ones from
text in memory by :mod:`worksheet.build.memory`), and a PDF is never written to disk. Patient
details travel only in POST bodies and are kept nowhere.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..build import memory
from ..build.catalog import load_library
from ..defaults import LIBRARY_FOLDER
from ..errors import BuildError, InputError, WorksheetError
from ..i18n import available
from . import compose
from .forms import print_options
from .guard import Guard, TooLarge

HERE = Path(__file__).resolve().parent
NAME = "composed.yaml"
POSITIONS = {  # what a clinician searches by, from each figure's base posture
    "lying": ("back-lying-knees-bent", "back-lying-legs-long", "face-down", "face-down-elbows", "side-lying"),
    "seated": ("sitting-chair", "sitting-floor"),
    "standing": ("standing",),
    "hands and knees": ("hands-knees", "kneeling", "plank"),
}


def create(folder: Path, port: int, token: str | None = None) -> tuple[Any, str]:
    """The app over ``folder`` (its worksheets, its library and its clinic.yaml) for a server on
    127.0.0.1:``port``, and the token its addresses carry."""
    token = token or secrets.token_urlsafe(18)
    csrf = secrets.token_urlsafe(18)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    base = f"/{token}/"

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"base": base, "csrf": csrf, "languages": available(), **context})

    def library() -> list[tuple[str, Any]]:
        return sorted(load_library(folder / LIBRARY_FOLDER), key=lambda e: e[1].name.casefold())

    async def home(request: Request) -> Response:
        sheets = [(p.stem, title, compose.from_file(p) is not None) for p, title in memory.worksheets_in(folder)]
        return page(request, "home.html", sheets=sheets, folder=folder.name)

    async def library_page(request: Request) -> Response:
        q = request.query_params.get("q", "").strip().casefold()[:80]
        position = request.query_params.get("position", "")
        bases = POSITIONS.get(position, ())
        cards = [(i, ex) for i, ex in library()
                 if (not q or q in ex.name.casefold() or q in (ex.position or "").casefold())
                 and (not bases or (ex.figure is not None and ex.figure.base in bases))]
        return page(request, "library.html", cards=cards, q=q, position=position, positions=list(POSITIONS))

    async def figure(request: Request) -> Response:
        from ..build.catalog import figure_entry
        from ..illustrate import natural_height, to_svg

        try:
            ex = figure_entry(folder / LIBRARY_FOLDER, request.path_params["entry"])
        except WorksheetError:
            return Response("Not found", 404)
        assert ex.figure is not None
        height = min(max(round(natural_height(ex.figure, 300, "pair")), 90), 200)
        return Response(to_svg(ex.figure, 300, height, "pair", ex.figure_alt), media_type="image/svg+xml")

    async def composer(request: Request) -> Response:
        start = request.query_params.get("from", "")
        source = next((p for p, _ in memory.worksheets_in(folder) if p.stem == start), None)
        form = (compose.from_file(source) if source is not None else None) or {"title": "", "exercises": ""}
        rows = compose.rows_of(form)
        return page(request, "compose.html", form=form, rows=rows, entries=library(), has_clinic=_has_clinic(folder),
                    sides=("", "each", "alternate", "both", "left", "right"))

    async def print_page(request: Request) -> Response:
        source = next(((p, t) for p, t in memory.worksheets_in(folder) if p.stem == request.path_params["name"]), None)
        if source is None:
            return Response("Not found", 404)
        return page(request, "print.html", stem=source[0].stem, title=source[1], has_clinic=_has_clinic(folder))

    async def form_of(request: Request) -> dict[str, str] | Response:
        try:
            data = await request.form(max_files=0, max_fields=2000, max_part_size=1024 * 1024)
        except TooLarge:
            return JSONResponse({"problems": {"": "Too much data for one worksheet."}}, 413)
        form = {k: v for k, v in data.items() if isinstance(v, str)}
        if not secrets.compare_digest(form.get("csrf", ""), csrf):
            return JSONResponse({"problems": {"": "Refused: this form was not sent from this page. Reload the page."}}, 403)
        return form

    def text_of(form: dict[str, str]) -> tuple[str, compose.Composed | None]:
        """The worksheet's text: a file of the folder as it is, or the composed one."""
        stem = form.get("source", "")
        if stem:
            path = next((p for p, _ in memory.worksheets_in(folder) if p.stem == stem), None)
            if path is None:
                raise BuildError("That worksheet is no longer in the folder.")
            return path.read_text(encoding="utf-8"), None
        composed = compose.to_text(form)
        return composed.text, composed

    async def pdf(request: Request, attachment: bool) -> Response:
        form = await form_of(request)
        if isinstance(form, Response):
            return form
        options, problems = print_options(form, folder)
        try:
            text, composed = text_of(form)
            stem = form.get("source") or NAME.removesuffix(".yaml")
            data, pages, ws = memory.render_text(text, folder, options, f"{stem}.yaml")
        except InputError as e:
            for issue in e.issues:
                where = composed.place(issue, NAME) if composed is not None else ""
                problems.setdefault(where, "")
                said = composed.say(issue, NAME) if composed is not None else issue.message
                problems[where] = (problems[where] + " " + said).strip()
            return JSONResponse({"problems": problems}, 422)
        except WorksheetError as e:
            return JSONResponse({"problems": {**problems, "": str(e)}}, 422)
        if problems:
            return JSONResponse({"problems": problems}, 422)
        headers = {"X-Pages": str(pages)}
        if attachment:
            headers["Content-Disposition"] = f'attachment; filename="{_slug(ws.title) or "worksheet"}.pdf"'
        return Response(data, media_type="application/pdf", headers=headers)

    async def preview(request: Request) -> Response:
        return await pdf(request, attachment=False)

    async def download(request: Request) -> Response:
        return await pdf(request, attachment=True)

    async def save(request: Request) -> Response:
        form = await form_of(request)
        if isinstance(form, Response):
            return form
        composed = compose.to_text(form)  # the worksheet only: no print option is ever part of it
        name = _slug(form.get("file", "") or form.get("title", ""))
        try:
            path = memory.save_text(composed.text, folder, name)
        except InputError as e:
            found: dict[str, str] = {}
            for issue in e.issues:
                where = composed.place(issue, f"{name}.yaml")
                found[where] = (found.get(where, "") + " " + composed.say(issue, f"{name}.yaml")).strip()
            return JSONResponse({"problems": found}, 422)
        except BuildError as e:
            return JSONResponse({"problems": {"file": str(e)}}, 409)
        return JSONResponse({"saved": f"{folder.name}/{path.name}"})

    routes = [
        Route(f"{base}", home), Route(f"{base}library", library_page), Route(f"{base}figure/{{entry}}.svg", figure),
        Route(f"{base}compose", composer), Route(f"{base}print/{{name}}", print_page),
        Route(f"{base}preview", preview, methods=["POST"]), Route(f"{base}download", download, methods=["POST"]),
        Route(f"{base}save", save, methods=["POST"]),
        Mount(f"{base}static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    return Guard(Starlette(routes=routes), token, port), token


def _has_clinic(folder: Path) -> bool:
    return (folder / "clinic.yaml").is_file() or (folder / "clinic.yml").is_file()


def _slug(text: str) -> str:
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")
