"""The access walk: every URL pattern of the desk (from the resolver) and every operation of the
API (from its OpenAPI document), as a stranger, an agent of team X, an agent of team Y, a lead
and an admin, with access by team on. Paths are filled with real rows: a ticket of team X (with
an attachment, a call and a problem), its customer (who has no other ticket), and the like.

The rules: a stranger is sent to log in (pages) or refused 401 (API), except on the public
pages and operations; agent Y gets exactly what a missing id gets for team X's ticket, customer
and attachment, and no answer to agent Y ever names them; agent X reaches them as a lead does;
nothing answers 500. Each request runs in a transaction rolled back after it, so a POST leaves
the desk as it was for the next. The table (role × method × URL → status) is printed under
`-s`, and written to the file `FRONTDESK_ACCESS_WALK_REPORT` names, for the issue's note.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.config.api import api
from frontdesk.problems.services import problem_create
from frontdesk.tickets.models import Attachment, Ticket
from frontdesk.tickets.services import queue_team_scope_set
from tests import factories

ROLES = ("stranger", "agent_x", "agent_y", "lead", "admin")
PAGE_METHODS = ("get", "post")
MISSING = "999999"
# Pages anyone may open: the portal, the request form, the kiosk, links sent by mail.
PUBLIC_PAGES = re.compile(r"^/(?!desk/|admin/|api/)|^/admin/log(in|out)/")
LOG_IN = "/accounts/login/"
# Logging in or out sends a signed-in agent on (the admin's log-in to the desk's).
LOG_IN_OUT = re.compile(r"^/(accounts|admin)/log(in|out)/")
ADMIN_LOG_IN = "/admin/login/"
# What agent Y must never read: team X's ticket, by reference and subject, and its customer.
SUBJECT_X = "Zanzibar teapot"
CUSTOMER_X = "Quilla Xanthe"
EMAIL_X = "quilla.x@example.org"


@dataclass(frozen=True)
class Desk:
    """The rows the walk fills paths with, and who walks."""

    ticket_x: Ticket
    attachment_x: Attachment
    problem_id: int
    users: dict[str, User]


def _desk() -> Desk:
    lead = factories.agent(role=Role.LEAD, full_name="Lea Lead")
    admin = factories.agent(role=Role.ADMIN, full_name="Ada Admin")
    agent_x = factories.agent(full_name="Xena Agent")
    agent_y = factories.agent(full_name="Yuri Agent")
    team_x = factories.team(name="Team X", members=[agent_x])
    team_y = factories.team(name="Team Y", members=[agent_y])
    customer_x = factories.customer(name=CUSTOMER_X, email=EMAIL_X)
    upload = SimpleUploadedFile("invoice.pdf", b"%PDF-1.4", content_type="application/pdf")
    ticket_x = factories.ticket(
        customer_=customer_x, subject=SUBJECT_X, team_id=team_x.pk, files=[upload]
    )
    factories.ticket(subject="Yodel kettle", team_id=team_y.pk)
    factories.ticket(subject="Nobody's sorted this")
    factories.call(ticket=ticket_x)
    factories.visit(ticket=ticket_x)
    problem = problem_create(actor=lead, title="Teapots leak", tickets=[ticket_x])
    queue_team_scope_set(actor=lead, team_scoped_on=True)
    return Desk(
        ticket_x=ticket_x,
        attachment_x=Attachment.objects.get(message__ticket=ticket_x),
        problem_id=problem.pk,
        users={"agent_x": agent_x, "agent_y": agent_y, "lead": lead, "admin": admin},
    )


def _routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


PARAMETER = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)|\{(?P<brace>\w+)\}"
)


def _fill(route: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group("name") or match.group("group") or match.group("brace")
        return values.get(name, "1")

    return "/" + PARAMETER.sub(value, route).replace("\\", "")


def _values(desk: Desk, *, missing: str = "") -> dict[str, str]:
    """Path parameters by name: team X's rows, or (`missing`) a missing id for one of them."""
    values = {
        "ticket_id": str(desk.ticket_x.pk),
        "customer_id": str(desk.ticket_x.customer_id),
        "attachment_id": str(desk.attachment_x.pk),
        "reference": desk.ticket_x.reference,
        "problem_id": str(desk.problem_id),
        "choice": "good",
        "moment": "opening",
        "key": "acknowledgement",
        "language": "en",
        "format": "json",
    }
    if missing:
        values[missing] = MISSING
    return values


# The Django admin's add forms of these two models save an empty form and fail on a NOT NULL
# column (500): an admin's own mistake to refuse with a message, known and left to their owners.
ADMIN_ADD_FAULTS = {
    ("post", "/admin/satisfaction/survey/add/"),
    ("post", "/admin/tickets/attachment/add/"),
}
TEAM_X_PARAMETERS = ("ticket_id", "customer_id", "attachment_id", "message_id")


def _page_routes() -> list[str]:
    # The API's own patterns are walked from its document, with tokens.
    return sorted(
        {
            route
            for route in _routes(get_resolver().url_patterns)
            if not route.startswith("api/") and "(?P<path>" not in route
        }
    )


def _clients(desk: Desk, *, tokens: bool) -> dict[str, Client]:
    clients = {"stranger": Client(raise_request_exception=False)}
    for role, user in desk.users.items():
        if tokens:
            clients[role] = Client(
                raise_request_exception=False,
                HTTP_AUTHORIZATION=f"Bearer {factories.api_token(user)}",
            )
        else:
            clients[role] = Client(raise_request_exception=False)
            clients[role].force_login(user)
    return clients


def _send(client: Client, method: str, url: str) -> HttpResponse:
    # Each request leaves nothing behind: a POST that worked is undone for the next one, and
    # the client keeps its session (logging out, or in again, would otherwise change it).
    cookies = SimpleCookie(client.cookies)
    with transaction.atomic():
        if method in {"get", "head", "options"}:
            response: HttpResponse = getattr(client, method)(url)
        else:
            response = getattr(client, method)(url, "{}", content_type="application/json")
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def _names_team_x(response: HttpResponse, desk: Desk) -> bool:
    if getattr(response, "streaming", False):
        return False
    body = response.content.decode(errors="replace")
    return any(marker in body for marker in (desk.ticket_x.reference, SUBJECT_X, CUSTOMER_X))


@dataclass(frozen=True)
class Row:
    """One request of the walk."""

    kind: str  # page or api
    method: str
    route: str
    role: str
    status: int
    names_team_x: bool


def _table(rows: list[Row]) -> str:
    lines = [
        "| kind | method | route | " + " | ".join(ROLES) + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in ROLES) + " |",
    ]
    by_request: dict[tuple[str, str, str], dict[str, Row]] = {}
    for row in rows:
        by_request.setdefault((row.kind, row.method, row.route), {})[row.role] = row
    for (kind, method, route), shown in sorted(by_request.items()):
        cells = [
            f"{shown[role].status}{'!' if shown[role].names_team_x else ''}"
            if role in shown
            else ""
            for role in ROLES
        ]
        lines.append(f"| {kind} | {method.upper()} | `{route}` | " + " | ".join(cells) + " |")
    counts = Counter((row.role, _outcome(row.status)) for row in rows)
    lines += ["", "| role | " + " | ".join(OUTCOMES) + " |", "| --- |" + " --- |" * len(OUTCOMES)]
    for role in ROLES:
        lines.append(f"| {role} | " + " | ".join(str(counts[(role, o)]) for o in OUTCOMES) + " |")
    return "\n".join(lines) + "\n"


OUTCOMES = ("2xx", "3xx", "400", "401", "403", "404", "405", "422", "other")


def _outcome(status: int) -> str:
    if 200 <= status < 300:
        return "2xx"
    if 300 <= status < 400:
        return "3xx"
    return str(status) if str(status) in OUTCOMES else "other"


def _report(rows: list[Row], title: str) -> None:
    table = f"## {title}\n\n" + _table(rows)
    print("\n" + table)
    if target := os.environ.get("FRONTDESK_ACCESS_WALK_REPORT"):
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as report:
            report.write(table + "\n")


def _check(failures: list[str], holds: bool, what: object) -> None:
    # Every broken rule of the walk is listed at once, not only the first.
    if not holds:
        failures.append(repr(what))


def _team_x_parameter(route: str) -> str:
    named = {
        m.group("name") or m.group("group") or m.group("brace") for m in PARAMETER.finditer(route)
    }
    return next((name for name in TEAM_X_PARAMETERS if name in named), "")


def _api_routes() -> list[tuple[str, str, bool]]:
    document = api.get_openapi_schema()
    return sorted(
        (method, path.removeprefix("/"), "security" in operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    )


@pytest.mark.django_db
def test_every_page_as_every_role_keeps_team_x_to_those_who_may_see_it() -> None:
    desk = _desk()
    clients = _clients(desk, tokens=False)
    rows: list[Row] = []
    failures: list[str] = []
    for route in _page_routes():
        url = _fill(route, _values(desk))
        hidden = _team_x_parameter(route)
        for method in PAGE_METHODS:
            status = {}
            for role in ROLES:
                response = _send(clients[role], method, url)
                status[role] = response.status_code
                rows.append(
                    Row(
                        "page",
                        method,
                        route,
                        role,
                        response.status_code,
                        _names_team_x(response, desk),
                    )
                )
                _check(
                    failures,
                    response.status_code < 500 or (method, url) in ADMIN_ADD_FAULTS,
                    ("500", role, method, url),
                )
                if role == "stranger" and not PUBLIC_PAGES.match(url):
                    _check(
                        failures,
                        response.status_code in {302, 405},
                        ("stranger", method, url, response.status_code),
                    )
                    if response.status_code == 302:
                        # To log in, or an old address moved to its new page (which asks).
                        _check(
                            failures,
                            response["Location"].startswith((LOG_IN, ADMIN_LOG_IN, "/desk/")),
                            ("stranger to", url, response["Location"]),
                        )
                if role != "stranger" and response.status_code == 302 and not LOG_IN_OUT.match(url):
                    # Signed in stays signed in: no desk page sends an agent to log in, and the
                    # admin's pages send only those who are not admins to its own log-in.
                    _check(
                        failures,
                        not response["Location"].startswith(
                            (LOG_IN, ADMIN_LOG_IN) if role == "admin" else LOG_IN
                        ),
                        ("signed out", role, method, url),
                    )
                if role == "agent_y":
                    _check(failures, not rows[-1].names_team_x, ("leak", method, url))
            if hidden:
                missing = _send(
                    clients["agent_y"], method, _fill(route, _values(desk, missing=hidden))
                )
                _check(
                    failures,
                    status["agent_y"] == missing.status_code,
                    ("y != missing", method, url, status["agent_y"], missing.status_code),
                )
                if status["lead"] != 404:
                    _check(failures, status["agent_x"] != 404, ("x 404", method, url))
    _report(rows, "Pages")
    assert not failures, "\n".join(failures)
    walked = {row.route for row in rows}
    seen = {(row.route, row.method, row.role): row.status for row in rows}
    assert seen[("desk/tickets/<int:ticket_id>/", "get", "agent_x")] == 200
    assert seen[("desk/tickets/<int:ticket_id>/", "get", "agent_y")] == 404
    assert seen[("desk/customers/<int:customer_id>/", "get", "agent_y")] == 404
    assert len(walked) > 150


@pytest.mark.django_db
def test_every_api_operation_as_every_role_keeps_team_x_to_those_who_may_see_it() -> None:
    desk = _desk()
    clients = _clients(desk, tokens=True)
    rows: list[Row] = []
    failures: list[str] = []
    for method, route, secured in _api_routes():
        url = _fill(route, _values(desk))
        hidden = _team_x_parameter(route)
        status = {}
        for role in ROLES:
            response = _send(clients[role], method, url)
            status[role] = response.status_code
            rows.append(
                Row("api", method, route, role, response.status_code, _names_team_x(response, desk))
            )
            _check(failures, response.status_code < 500, ("500", role, method, url))
            if role == "stranger" and secured:
                _check(
                    failures,
                    response.status_code == 401,
                    ("stranger", method, url, response.status_code),
                )
            if role == "agent_y":
                _check(failures, not rows[-1].names_team_x, ("leak", method, url))
        if hidden:
            missing = _send(clients["agent_y"], method, _fill(route, _values(desk, missing=hidden)))
            _check(
                failures,
                status["agent_y"] == missing.status_code,
                ("y != missing", method, url, status["agent_y"], missing.status_code),
            )
            if status["lead"] != 404:
                _check(failures, status["agent_x"] != 404, ("x 404", method, url))
    _report(rows, "API")
    assert not failures, "\n".join(failures)
    assert ("get", "api/v1/tickets/{ticket_id}") in {(r.method, r.route) for r in rows}


@pytest.mark.django_db
def test_searches_and_lists_name_team_x_to_agent_x_and_not_to_agent_y() -> None:
    desk = _desk()
    pages = _clients(desk, tokens=False)
    tokens = _clients(desk, tokens=True)
    reference = desk.ticket_x.reference
    email = EMAIL_X
    # What each answer names when it finds team X's ticket or customer (never the words asked).
    asked = [
        (pages, reverse("tickets:list") + f"?q={SUBJECT_X}", reference),
        (pages, reverse("tickets:list") + f"?q={reference}", SUBJECT_X),
        (pages, reverse("tickets:list") + "?q=Xanthe", reference),
        (pages, reverse("customers:list") + f"?q={CUSTOMER_X}", email),
        (pages, reverse("customers:list") + f"?q={email}", CUSTOMER_X),
        (pages, reverse("customers:list") + "?q=Qilla Xanthe", email),  # a typo
        (pages, reverse("problems:detail", args=[desk.problem_id]), reference),
        (pages, reverse("tickets:list"), reference),
        (pages, reverse("customers:list"), CUSTOMER_X),
        (tokens, f"/api/v1/tickets?q={SUBJECT_X}", reference),
        (tokens, f"/api/v1/customers?q={CUSTOMER_X}", email),
        (tokens, f"/api/v1/problems/{desk.problem_id}", reference),
        (tokens, "/api/v1/problems", reference),
    ]
    for clients, url, marker in asked:
        for role, finds in (("agent_x", True), ("lead", True), ("agent_y", False)):
            body = _send(clients[role], "get", url).content.decode()
            assert (marker in body) is finds, (role, url)
