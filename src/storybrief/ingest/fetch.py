"""Fetching a URL safely: httpx with timeouts, a size limit, few redirects, and no private hosts.

Every hop of a redirect is checked again, so a public URL cannot bounce the
fetch to ``localhost`` or the local network unless the user allows private
addresses. The address checked is the address connected to: the host name is
resolved once, and the request goes to that IP with the name in its ``Host``
header and TLS server name, so a name that resolves to a public address for
the check and to a loopback one for the connection (DNS rebinding) cannot
reach the local machine.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from storybrief.errors import IngestError
from storybrief.model import FailureReason

# Judgement calls: seconds a fetch may wait, and hops a redirect chain may take.
TIMEOUT = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "storybrief (+https://example.invalid/storybrief)"


def _check_host(url: str, allow_private: bool) -> str | None:
    """The address to connect to for ``url``: one its host resolves to, all of them public.

    None when private addresses are allowed (the name is then resolved as usual).
    Raises ``IngestError`` for other schemes, a missing host, a name that does
    not resolve, or any private or loopback address among those it resolves to.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise IngestError(FailureReason.UNREADABLE, f"{url}: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise IngestError(FailureReason.UNREADABLE, f"{url}: no host")
    if allow_private:
        return None
    try:
        addresses = [str(info[4][0]).split("%")[0] for info in socket.getaddrinfo(host, None)]
    except OSError as exc:
        raise IngestError(
            FailureReason.UNREADABLE, f"{url}: cannot resolve {host} ({exc})"
        ) from exc
    if not addresses:
        raise IngestError(FailureReason.UNREADABLE, f"{url}: cannot resolve {host}")
    for address in addresses:
        ip = ipaddress.ip_address(address)
        if not ip.is_global:
            raise IngestError(
                FailureReason.UNREADABLE,
                f"{url}: {host} is a private or loopback address ({ip}); "
                "allow it with --allow-private",
            )
    return addresses[0]


def fetch(
    url: str, *, max_bytes: int, allow_private: bool = False, transport: Any = None
) -> tuple[bytes, str]:
    """The body and content type of a URL, or an ``IngestError`` saying why not.

    Args:
        url: an http(s) URL.
        max_bytes: refuse bodies larger than this.
        allow_private: allow hosts on private and loopback addresses.
        transport: an ``httpx`` transport (tests pass ``httpx.MockTransport``).
    """
    import httpx

    current = httpx.URL(url)
    with httpx.Client(
        timeout=TIMEOUT,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            address = _check_host(str(current), allow_private)
            request = client.build_request("GET", current)
            if address is not None and address != current.host:
                # Connect to the address checked, not to a second lookup of the name.
                request = client.build_request(
                    "GET",
                    current.copy_with(host=address),
                    headers={"Host": request.headers["Host"]},
                    extensions={"sni_hostname": current.host},
                )
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise IngestError(FailureReason.UNREADABLE, f"{url}: {exc}") from exc
            try:
                if response.is_redirect:
                    current = current.join(response.headers.get("location", ""))
                    continue
                if response.status_code >= 400:
                    raise IngestError(
                        FailureReason.UNREADABLE, f"{url}: HTTP {response.status_code}"
                    )
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise IngestError(
                            FailureReason.TOO_LARGE, f"{url}: larger than {max_bytes} bytes"
                        )
                return bytes(body), response.headers.get("content-type", "")
            except httpx.HTTPError as exc:
                raise IngestError(FailureReason.UNREADABLE, f"{url}: {exc}") from exc
            finally:
                response.close()
    raise IngestError(FailureReason.UNREADABLE, f"{url}: more than {MAX_REDIRECTS} redirects")
