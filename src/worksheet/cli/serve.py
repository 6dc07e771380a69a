"""worksheet serve: the local web page over a folder of worksheets."""

from __future__ import annotations

import socket
import threading
import webbrowser
from pathlib import Path

import click

from ..defaults import DEFAULT_SOURCE
from ..errors import BuildError, shown
from .app import cli, handle_user_errors, say


def _port(wanted: int) -> int:
    """``wanted``, or a free port on 127.0.0.1 when it is 0."""
    if wanted:
        return wanted
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@cli.command()
@handle_user_errors
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SOURCE, metavar="[FOLDER]")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="The port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address but do not open it in the browser.")
def serve(folder: Path, port: int, no_browser: bool) -> None:
    """Open the worksheets in a web page on this computer: print, personalise, compose.

    The page lists the worksheets in FOLDER (default: worksheets/), shows the
    exercise library with its pictures, and composes and prints a worksheet
    for a patient with a live preview; it can save a composed worksheet as a
    new file. It listens on 127.0.0.1 only, at an address with a secret part
    that changes every run; the patient's details are never written anywhere.
    Ctrl-C stops it.

    \b
    Examples:
      worksheet serve
      worksheet serve worksheets --port 8800 --no-browser
    """
    try:
        import uvicorn

        from ..web.app import create
    except ImportError:
        raise BuildError("The web page needs its extra packages: pip install 'worksheet[serve]'") from None
    if not folder.is_dir():
        raise BuildError(f"{shown(folder)} is not a folder of worksheets.")
    port = _port(port)
    app, token = create(folder.resolve(), port)
    address = f"http://127.0.0.1:{port}/{token}/"
    say(f"Serving {shown(folder)}/ at {address}")
    say("Ctrl-C stops it.")
    if not no_browser:
        threading.Timer(0.8, webbrowser.open, [address]).start()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off",
                            server_header=False, date_header=False)
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:  # uvicorn stops cleanly, then passes Ctrl-C on: the normal way to stop
        pass
    say("Stopped.")
