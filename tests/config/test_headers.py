"""The security headers: the policy on every page, no stored copies of anyone's data, HSTS and
secure cookies on an https desk, and a TLS proxy believed only when it is named."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from frontdesk.accounts.choices import Role
from frontdesk.config.env import EnvReader
from frontdesk.config.proxy import TrustedProxyMiddleware
from frontdesk.customers.services import portal_link_build
from tests import factories

PROXY_SETTINGS = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "USE_X_FORWARDED_HOST": True,
}


def _directives(policy: str) -> dict[str, set[str]]:
    """A policy's directives and their sources, the per-request nonce left out."""
    found = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        found[name] = {source for source in sources if not source.startswith("'nonce-")}
    return found


def _signed_in(role: str = Role.AGENT) -> Client:
    client = Client()
    client.force_login(factories.agent(role=role))
    return client


@pytest.mark.django_db
def test_every_page_has_the_policy_and_runs_only_the_desks_own_script_files() -> None:
    page = _signed_in().get(reverse("routing:queue"))
    policy = _directives(page["Content-Security-Policy"])
    assert policy["default-src"] == {"'self'"}
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["object-src"] == {"'none'"}
    markup = page.content.decode()
    assert '<script src="/static/frontdesk/behaviours.js" defer>' in markup
    assert "onchange=" not in markup
    assert '"allowEval": false' in markup


@pytest.mark.django_db
def test_the_public_pages_have_the_policy_and_the_sensible_headers() -> None:
    page = Client().get(reverse("portal:new"))
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["X-Frame-Options"] == "DENY"
    assert "camera=()" in page["Permissions-Policy"]
    assert "microphone=()" in page["Permissions-Policy"]


@pytest.mark.django_db
def test_the_api_docs_and_the_administration_get_the_same_strict_policy() -> None:
    # Swagger UI sets its styles through the style object and loads only its own files, and the
    # administration has no inline code: tests/browser/test_csp.py walks both without a violation.
    strict = _directives(Client().get(reverse("portal:new"))["Content-Security-Policy"])
    docs = Client().get("/api/v1/docs")
    admin = _signed_in(Role.ADMIN).get(reverse("admin:index"))
    for page in (docs, admin):
        assert page.status_code == 200
        assert _directives(page["Content-Security-Policy"]) == strict


@pytest.mark.django_db
def test_agent_pages_the_api_and_the_customers_own_pages_are_never_stored() -> None:
    agent = _signed_in()
    ticket = factories.ticket()
    token = factories.api_token(factories.agent())
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    answers = {
        "queue": agent.get(reverse("routing:queue")),
        "ticket": agent.get(reverse("tickets:detail", args=[ticket.pk])),
        "customer": agent.get(reverse("customers:detail", args=[ticket.customer_id])),
        "agent on the public form": agent.get(reverse("portal:new")),
        "api ticket": api.get(f"/api/v1/tickets/{ticket.pk}"),
        "api list": api.get("/api/v1/customers"),
        "admin": _signed_in(Role.ADMIN).get(reverse("admin:index")),
        "log-in": Client().get(reverse("accounts:login")),
    }
    portal = Client()
    answers["portal"] = portal.get(
        urlsplit(portal_link_build(customer=ticket.customer)).path, follow=True
    )
    answers["portal ticket"] = portal.get(
        reverse("portal:ticket", args=[ticket.reference]), follow=True
    )
    for name, answer in answers.items():
        assert answer.status_code == 200, name
        assert "no-store" in answer["Cache-Control"], name
        assert "private" in answer["Cache-Control"], name


@pytest.mark.django_db
def test_the_public_form_status_page_and_static_files_may_be_kept() -> None:
    stranger = Client()
    for url in (reverse("portal:new"), reverse("public:status")):
        answer = stranger.get(url)
        assert answer.status_code == 200, url
        assert "no-store" not in answer.get("Cache-Control", ""), url
    static = stranger.get("/static/frontdesk/behaviours.js")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_forwarded_https_is_not_believed() -> None:
    stranger = Client(headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"})
    redirect = stranger.get(reverse("routing:queue"))
    assert redirect.status_code == 302
    assert not redirect["Location"].startswith("https://")
    assert redirect.wsgi_request.build_absolute_uri("/").startswith("http://testserver/")
    assert "Strict-Transport-Security" not in redirect


@pytest.mark.django_db
def test_behind_a_trusted_proxy_links_and_redirects_are_https(settings: Settings) -> None:
    for name, value in PROXY_SETTINGS.items():
        setattr(settings, name, value)
    settings.SECURE_HSTS_SECONDS = 31_536_000
    proxied = Client(headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "help.example.com"})
    settings.ALLOWED_HOSTS = ["help.example.com"]
    page = proxied.get(reverse("accounts:login"))
    assert page.wsgi_request.is_secure()
    assert page.wsgi_request.build_absolute_uri("/") == "https://help.example.com/"
    assert page["Strict-Transport-Security"] == "max-age=31536000"
    plain = Client(headers={"X-Forwarded-Host": "help.example.com"})
    assert not plain.get(reverse("accounts:login")).wsgi_request.is_secure()


def _settings_module(environ: dict[str, str]) -> dict[str, Any]:
    """The security settings of a desk started with `environ`, read in a process of its own."""
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "TRUSTED_PROXY",
        "SECURE_PROXY_SSL_HEADER",
        "USE_X_FORWARDED_HOST",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
    ]
    program = (
        "import json, frontdesk.config.settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {names!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        env={"PATH": os.environ["PATH"], **environ},
        capture_output=True,
        text=True,
        check=True,
    )
    values: dict[str, Any] = json.loads(done.stdout)
    return values


def test_an_https_desk_has_hsts_for_a_year_secure_cookies_and_no_preload(tmp_path: Path) -> None:
    values = _settings_module(
        {"FRONTDESK_DATA_DIR": str(tmp_path), "FRONTDESK_PUBLIC_URL": "https://help.example.com"}
    )
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["SECURE_SSL_REDIRECT"] is None


def test_a_plain_http_desk_sends_no_hsts_and_plain_cookies(tmp_path: Path) -> None:
    values = _settings_module({"FRONTDESK_DATA_DIR": str(tmp_path)})
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False


def test_a_named_proxy_turns_on_the_forwarded_headers_and_the_https_redirect(
    tmp_path: Path,
) -> None:
    values = _settings_module(
        {
            "FRONTDESK_DATA_DIR": str(tmp_path),
            "FRONTDESK_PUBLIC_URL": "https://help.example.com",
            "FRONTDESK_TRUSTED_PROXY": "10.0.0.5",
        }
    )
    assert values["TRUSTED_PROXY"] == "10.0.0.5"
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["USE_X_FORWARDED_HOST"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert r"^healthz$" in values["SECURE_REDIRECT_EXEMPT"]


def test_a_proxy_that_is_no_address_is_a_clear_problem() -> None:
    reader = EnvReader({"FRONTDESK_TRUSTED_PROXY": "proxy.example.com"})
    assert reader.proxy_address("FRONTDESK_TRUSTED_PROXY") == ""
    assert "FRONTDESK_TRUSTED_PROXY" in reader.problems[0]
    assert EnvReader({}).proxy_address("FRONTDESK_TRUSTED_PROXY") == ""
    assert EnvReader({"P": " ::1 "}).proxy_address("P") == "::1"


def _wsgi_echo(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    forwarded = sorted(name for name in environ if name.startswith("HTTP_X_FORWARDED"))
    body = " ".join(
        [environ["REMOTE_ADDR"], environ["wsgi.url_scheme"], environ["HTTP_HOST"], *forwarded]
    ).encode()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body]


def _ask(trusted_proxy: str, *, peer: str = "127.0.0.1") -> str:
    """What the application sees of a forwarded request from `peer`, behind the middleware."""
    environ = {
        "REMOTE_ADDR": peer,
        "wsgi.url_scheme": "http",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.7",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_HOST": "help.example.com",
        "HTTP_X_FORWARDED_PORT": "443",
    }
    answer = TrustedProxyMiddleware(_wsgi_echo, trusted_proxy=trusted_proxy)(
        environ, lambda status, headers: None
    )
    return b"".join(answer).decode()


def test_the_clients_address_scheme_and_host_come_only_from_the_named_proxy() -> None:
    forwarded = "HTTP_X_FORWARDED_FOR HTTP_X_FORWARDED_HOST HTTP_X_FORWARDED_PORT"
    forwarded += " HTTP_X_FORWARDED_PROTO"
    # The proxy's own addition is the last address; the one before, the client wrote itself.
    assert _ask("127.0.0.1") == f"203.0.113.7 https help.example.com {forwarded}"
    assert _ask("*", peer="10.1.2.3") == f"203.0.113.7 https help.example.com {forwarded}"
    assert _ask("::1", peer="::1").startswith("203.0.113.7 https help.example.com")
    # A server listening on "::" names an IPv4 peer in its IPv6 form.
    assert _ask("10.0.0.5", peer="::ffff:10.0.0.5").startswith("203.0.113.7 https")
    # From anyone else nothing forwarded is believed, nor even left for Django to read.
    assert _ask("10.9.9.9") == "127.0.0.1 http 127.0.0.1:8000"
    assert _ask("") == "127.0.0.1 http 127.0.0.1:8000"


def test_the_served_application_is_behind_the_proxy_middleware() -> None:
    from frontdesk.config.wsgi import application

    assert isinstance(application, TrustedProxyMiddleware)


def test_django_reads_the_scheme_and_host_the_proxy_added_not_those_the_client_wrote(
    settings: Settings,
) -> None:
    from django.core.handlers.wsgi import WSGIRequest

    for name, value in PROXY_SETTINGS.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["help.example.com", "evil.example"]
    seen: dict[str, Any] = {}

    def django_view(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        request = WSGIRequest(environ)
        seen.update(secure=request.is_secure(), host=request.get_host())
        start_response("200 OK", [])
        return []

    # A proxy that appends: the client's own claim comes first, the proxy's last.
    environ = {
        "REMOTE_ADDR": "10.0.0.5",
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        "HTTP_HOST": "10.0.0.1:8000",
        "HTTP_X_FORWARDED_PROTO": "https, http",
        "HTTP_X_FORWARDED_HOST": "evil.example, help.example.com",
    }
    TrustedProxyMiddleware(django_view, trusted_proxy="10.0.0.5")(environ, lambda *_: None)
    assert seen == {"secure": False, "host": "help.example.com"}
