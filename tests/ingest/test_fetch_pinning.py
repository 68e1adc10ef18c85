"""Fetching connects to the address it checked: DNS rebinding cannot reach loopback."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest

from storybrief.errors import IngestError
from storybrief.ingest.fetch import fetch

PUBLIC = "93.184.216.34"


def _rebinding_resolver(answers: list[str]) -> Any:
    """A ``getaddrinfo`` that answers each lookup with the next address of ``answers``."""
    calls = iter(answers)

    def resolve(host: str, *args: Any, **kwargs: Any) -> list[Any]:
        address = next(calls, answers[-1])
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 0))]

    return resolve


def test_fetch_connects_to_the_address_it_checked_not_to_a_second_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The first lookup (the check) says public; any later one says loopback.
    monkeypatch.setattr(socket, "getaddrinfo", _rebinding_resolver([PUBLIC, "127.0.0.1"]))
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"<rss></rss>")

    body, _ = fetch(
        "https://news.example/feed", max_bytes=1000, transport=httpx.MockTransport(handler)
    )
    assert body == b"<rss></rss>"
    (request,) = seen
    assert request.url.host == PUBLIC
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


def test_fetch_checks_every_redirect_hop_by_the_name_it_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The redirect names another host, which resolves to loopback: refused.
    def resolve(host: str, *args: Any, **kwargs: Any) -> list[Any]:
        address = PUBLIC if host == "news.example" else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://intranet.example/admin"})

    with pytest.raises(IngestError, match="private or loopback"):
        fetch("http://news.example/feed", max_bytes=1000, transport=httpx.MockTransport(handler))


def test_fetch_a_relative_redirect_stays_on_the_named_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _rebinding_resolver([PUBLIC]))
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return httpx.Response(200, content=b"ok")

    body, _ = fetch(
        "http://news.example/old", max_bytes=1000, transport=httpx.MockTransport(handler)
    )
    assert body == b"ok"
    assert [(r.url.host, r.url.path, r.headers["Host"]) for r in seen] == [
        (PUBLIC, "/old", "news.example"),
        (PUBLIC, "/new", "news.example"),
    ]
