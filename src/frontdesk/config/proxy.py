"""The TLS proxy in front of the desk, believed only when it is the one named.

From the proxy (FRONTDESK_TRUSTED_PROXY, one address or `*`) the client's address, scheme and
host are taken from `X-Forwarded-For`, `-Proto` and `-Host`, so REMOTE_ADDR, which lockouts and
rate limits count, is the client's. From anyone else those headers are dropped before Django
reads them: a client could otherwise claim https or another host by sending them itself.

This sits around the WSGI application rather than in the web server's options, so every server
that runs the desk (gunicorn in `frontdesk serve`, another in a benchmark) trusts alike.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

WSGIApplication = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

# Every header through which a proxy tells about the client; none is believed from others.
FORWARDING_HEADERS = (
    "HTTP_FORWARDED",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_BY",
    "HTTP_X_FORWARDED_PROTOCOL",
    "HTTP_X_FORWARDED_SSL",
    "HTTP_X_REAL_IP",
)


class TrustedProxyMiddleware:
    """WSGI middleware: the forwarded client address, scheme and host from the trusted proxy,
    and no forwarding header at all from anyone else."""

    def __init__(self, application: WSGIApplication, *, trusted_proxy: str) -> None:
        self.application = application
        self.trusted_proxy = _address(trusted_proxy) if trusted_proxy not in ("", "*") else None
        self.trust_any = trusted_proxy == "*"

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self._from_proxy(environ.get("REMOTE_ADDR", "")):
            _apply_forwarded(environ)
        else:
            for header in FORWARDING_HEADERS:
                environ.pop(header, None)
        return self.application(environ, start_response)

    def _from_proxy(self, peer: str) -> bool:
        if self.trust_any:
            return True
        return self.trusted_proxy is not None and _address(peer) == self.trusted_proxy


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None
    # A server listening on "::" names an IPv4 peer in its IPv6 form (::ffff:10.0.0.5).
    return getattr(address, "ipv4_mapped", None) or address


def _apply_forwarded(environ: dict[str, Any]) -> None:
    # One proxy: the address it appended last is the one it saw; those before it the client
    # wrote itself and proves nothing.
    hops = [hop.strip() for hop in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if hops[-1] and _address(hops[-1]) is not None:
        environ["REMOTE_ADDR"] = hops[-1].strip("[]")
    # Django reads these two headers again (SECURE_PROXY_SSL_HEADER takes a list's first value,
    # USE_X_FORWARDED_HOST the whole of it), so each is left holding the proxy's value alone.
    scheme = environ.pop("HTTP_X_FORWARDED_PROTO", "").split(",")[-1].strip().lower()
    if scheme in ("http", "https"):
        environ["wsgi.url_scheme"] = environ["HTTP_X_FORWARDED_PROTO"] = scheme
    host = environ.pop("HTTP_X_FORWARDED_HOST", "").split(",")[-1].strip()
    if host:
        environ["HTTP_HOST"] = environ["HTTP_X_FORWARDED_HOST"] = host
