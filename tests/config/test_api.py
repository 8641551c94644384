"""The API as a whole: what every operation shares, checked across its OpenAPI document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from frontdesk.accounts.choices import Role
from frontdesk.core.constants import DATABASE_INTEGER_MAX
from tests import factories

pytestmark = pytest.mark.django_db

TOO_BIG = DATABASE_INTEGER_MAX + 1
# A path's ids: `{ticket_id}`, `{customer_id}`, `{view_id}`…
PATH_ID = re.compile(r"\{(\w+)\}")
Json = dict[str, Any]


@pytest.fixture
def api(db: None) -> Client:
    """A lead's API client (a lead may call every operation, the settings' writes too) that
    answers a crash with the 500 a real client would get."""
    token = factories.api_token(factories.agent(role=Role.LEAD))
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")


def _document() -> Json:
    document: Json = Client().get("/api/v1/openapi.json").json()
    return document


def _resolve(document: Json, schema: Json) -> Json:
    """The schema itself, past `$ref`s and ninja's one-item `allOf` wrappers."""
    while "$ref" in schema or len(schema.get("allOf", [])) == 1:
        if "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        else:
            schema = schema["allOf"][0]
    return schema


def _options(document: Json, schema: Json) -> list[Json]:
    """The schemas a value may match: the one, or each of an `anyOf` (`int | None`)."""
    schema = _resolve(document, schema)
    return [_resolve(document, option) for option in schema.get("anyOf", [schema])]


@dataclass(frozen=True)
class IntegerInput:
    """One integer an operation takes, and the schema the document gives it."""

    method: str
    path: str
    where: str  # query, path or body
    field: tuple[str, ...]  # nested names in a body
    schema: Json

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} {self.where} {'.'.join(self.field)}"

    @property
    def loc(self) -> list[str]:
        """Where a 422 names this input: django-ninja puts a body's fields under its payload."""
        return [*(("payload",) if self.where == "body" else ()), *self.field]


def _integers_in(document: Json, schema: Json, path: tuple[str, ...]) -> Iterator[tuple]:
    for name, field in _resolve(document, schema).get("properties", {}).items():
        for option in _options(document, field):
            if option.get("type") == "integer":
                yield (*path, name), option
            elif "properties" in option:
                yield from _integers_in(document, option, (*path, name))


def _integer_inputs() -> list[IntegerInput]:
    document = _document()
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                found += [
                    IntegerInput(method, path, parameter["in"], (parameter["name"],), option)
                    for option in _options(document, parameter["schema"])
                    if option.get("type") == "integer"
                ]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            found += [
                IntegerInput(method, path, "body", field, schema)
                for field, schema in _integers_in(document, body["schema"] if body else {}, ())
            ]
    return found


def _send(api: Client, integer: IntegerInput, value: int) -> Any:
    """The operation called with `value` in the integer and 1 in every other id of the path."""
    url = integer.path
    for name in PATH_ID.findall(integer.path):
        url = url.replace("{" + name + "}", str(value) if integer.field == (name,) else "1")
    send = getattr(api, integer.method)
    if integer.where == "query":
        return send(f"{url}?{integer.field[0]}={value}")
    body: object = value
    for name in reversed(integer.field if integer.where == "body" else ()):
        body = {name: body}
    return send(url, body if integer.where == "body" else {}, content_type="application/json")


def test_the_document_lists_the_integer_inputs() -> None:
    names = {integer.field for integer in _integer_inputs()}
    assert {("offset",), ("limit",), ("customer_id",), ("ticket_id",), ("customer", "id")} <= names


def test_every_integer_input_declares_what_the_database_holds() -> None:
    unbounded = [
        str(integer)
        for integer in _integer_inputs()
        if integer.schema.get("maximum", TOO_BIG) > DATABASE_INTEGER_MAX
    ]
    assert unbounded == []


def test_every_integer_input_beyond_the_database_answers_422_naming_it(api: Client) -> None:
    integers = _integer_inputs()
    answers = {str(integer): _send(api, integer, TOO_BIG) for integer in integers}
    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(
        answers, 422
    )
    named = {
        name: [
            issue["loc"][1:]
            for issue in answer.json()["detail"]
            if issue["type"] == "less_than_equal"
        ]
        for name, answer in answers.items()
    }
    assert named == {str(integer): [integer.loc] for integer in integers}


def _operations_with_a_body() -> list[tuple[str, str]]:
    document = _document()
    return [
        (method, _filled(path, "1"))
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    ]


def _takes_a_file(operation: Json) -> bool:
    """Whether the operation's body is a multipart upload (a call's recording), not JSON."""
    return "multipart/form-data" in operation.get("requestBody", {}).get("content", {})


@pytest.mark.parametrize("body", ["[1, 2]", "[]", "5", '"subject"', "true", "null"])
def test_a_body_that_is_no_json_object_answers_422(api: Client, body: str) -> None:
    factories.ticket()
    answers = {
        f"{method.upper()} {path}": getattr(api, method)(
            path, body, content_type="application/json"
        )
        for method, path in _operations_with_a_body()
    }
    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(
        answers, 422
    )
    assert {name: answer.json()["detail"][0]["loc"] for name, answer in answers.items()} == (
        {name: ["body", "payload"] for name in answers}
    )


def _operations() -> list[tuple[str, str, Json]]:
    document = _document()
    return [
        (method, path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]


ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorOut"}


def _filled(path: str, value: str) -> str:
    """The path with `value` for every id in it."""
    return PATH_ID.sub(value, path)


def _declared(operation: Json) -> dict[str, Json]:
    return {
        status: answer.get("content", {}).get("application/json", {}).get("schema", {})
        for status, answer in operation["responses"].items()
        if status.startswith("4")
    }


def test_every_operation_declares_401_and_422_when_it_takes_input() -> None:
    operations = _operations()
    without_401 = [
        f"{method.upper()} {path}"
        for method, path, operation in operations
        if "401" not in operation["responses"]
    ]
    without_422 = [
        f"{method.upper()} {path}"
        for method, path, operation in operations
        if (operation.get("parameters") or "requestBody" in operation)
        and "422" not in operation["responses"]
    ]
    assert (without_401, without_422) == ([], [])


def test_every_operation_on_one_row_declares_404_and_with_a_body_400() -> None:
    operations = _operations()
    without_404 = [
        f"{method.upper()} {path}"
        for method, path, operation in operations
        if "{" in path and "404" not in operation["responses"]
    ]
    without_400 = [
        f"{method.upper()} {path}"
        for method, path, operation in operations
        if "requestBody" in operation and "400" not in operation["responses"]
    ]
    assert (without_404, without_400) == ([], [])


def test_every_declared_error_answers_detail() -> None:
    document = _document()
    schemas = {
        f"{method.upper()} {path} {status}": schema
        for method, path, operation in _operations()
        for status, schema in _declared(operation).items()
    }
    assert schemas == dict.fromkeys(schemas, ERROR_SCHEMA)
    error = document["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["detail"]


def test_every_operation_without_a_token_answers_json_401() -> None:
    client = Client()
    answers = {
        f"{method.upper()} {path}": getattr(client, method)(_filled(path, "1"))
        for method, path, _operation in _operations()
    }
    assert {name: (a.status_code, a.json()) for name, a in answers.items()} == dict.fromkeys(
        answers, (401, {"detail": "Unauthorized"})
    )


# What a new conversation needs besides a subject, so that its customer is looked up.
CONVERSATION = {"kind": "call", "body": "x"}


def test_every_operation_on_a_missing_row_answers_json_404(api: Client) -> None:
    answers = {
        f"{method.upper()} {path}": getattr(api, method)(
            _filled(path, "999"),
            # Enough of every body that it is read: the missing row is what answers.
            {
                "text": "x",
                "subject": "x",
                "time_zone": "UTC",
                "windows": {},
                "agent_ids": [1],
                **(CONVERSATION if "conversations" in path else {}),
            },
            content_type="application/json",
        )
        for method, path, operation in _operations()
        # An upload reads its file before its row: tests/live/test_recordings.py has its 404.
        if "{" in path and not _takes_a_file(operation)
    }
    assert {name: a.status_code for name, a in answers.items()} == dict.fromkeys(answers, 404)
    assert {a.json()["detail"] for a in answers.values()} >= {
        "Ticket not found.",
        "Customer not found.",
        "Team not found.",
        "Agent not found.",
        "Custom field not found.",
    }
    assert all(a.json()["detail"].endswith(" not found.") for a in answers.values())


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("patch", "/api/v1/tickets/{id}", {"quick_win": 0}, "quick_win"),
        ("patch", "/api/v1/tickets/{id}", {"quick_win": "yes"}, "quick_win"),
        ("post", "/api/v1/journal/log", {"line": "Rami Cohen. viruses.", "dry_run": 1}, "dry_run"),
        (
            "post",
            "/api/v1/journal/log",
            {"line": "Rami Cohen. viruses.", "new_customer": "on"},
            "new_customer",
        ),
    ],
)
def test_a_json_boolean_is_true_or_false_only(
    api: Client, method: str, path: str, body: Json, field: str
) -> None:
    url = path.replace("{id}", str(factories.ticket().pk))
    response = getattr(api, method)(url, body, content_type="application/json")
    assert response.status_code == 422
    assert [issue["loc"] for issue in response.json()["detail"]] == [["body", "payload", field]]


def test_a_form_body_sent_to_the_api_is_refused_as_no_json(api: Client) -> None:
    response = api.post("/api/v1/presence", b"state=available", content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}
