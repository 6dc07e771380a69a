"""What the server refuses: another Host, an address without the run's token, a post from another
site or without the form's token, too large a body; and what it never lets a browser keep."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.web.conftest import PORT, csrf_of


def test_only_a_loopback_host_with_the_token_is_answered(served: tuple[TestClient, str]) -> None:
    client, base = served
    assert client.get(base).status_code == 200
    assert client.get(base, headers={"Host": f"localhost:{PORT}"}).status_code == 200
    assert client.get(base, headers={"Host": f"evil.example:{PORT}"}).status_code == 400  # DNS rebinding
    assert client.get(base, headers={"Host": "127.0.0.1:9999"}).status_code == 400
    assert client.get("/").status_code == 404 and client.get("/wrong/").status_code == 404
    assert client.get("/t0kenX/").status_code == 404


def test_a_post_from_another_site_or_without_the_form_token_is_refused(served: tuple[TestClient, str]) -> None:
    client, base = served
    form = {"source": "achy-back", "csrf": csrf_of(client, base)}
    assert client.post(base + "preview", data=form).status_code == 200
    assert client.post(base + "preview", data=form, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post(base + "preview", data=form, headers={"Origin": ""}).status_code == 403
    refused = client.post(base + "preview", data={"source": "achy-back"})
    assert refused.status_code == 403 and "Reload the page" in refused.text
    assert client.post(base + "preview", data={**form, "csrf": "guess"}).status_code == 403


def test_too_large_a_body_is_refused(served: tuple[TestClient, str]) -> None:
    client, base = served
    big = {"csrf": csrf_of(client, base), "title": "x" * (3 * 1024 * 1024)}
    assert client.post(base + "preview", data=big).status_code == 413


def test_nothing_is_kept_by_a_browser_or_sent_on(served: tuple[TestClient, str]) -> None:
    client, base = served
    pdf = client.post(base + "preview", data={"source": "achy-back", "csrf": csrf_of(client, base), "patient": "Ana Peña"})
    for response in (client.get(base), pdf):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["referrer-policy"] == "same-origin"
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.put(base).status_code == 405
