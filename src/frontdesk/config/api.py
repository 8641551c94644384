"""The one API object: token authentication, the mapping of domain errors to {"detail": ...},
and an OpenAPI document that declares the errors each operation gives."""

from dataclasses import asdict

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser
from ninja.types import DictStrAny

from frontdesk.accounts.auth import ADMIN_TAG, LEADS_TAG, WRITE_METHODS, AdminToken, AgentToken
from frontdesk.core.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    StorageUnavailable,
    TooLarge,
    UnsupportedType,
)
from frontdesk.core.middleware import without_nul
from frontdesk.tickets.tone_selectors import ToneHeld

# Operations tagged so change the desk's settings: a lead's or an admin's token writes.
SETTINGS_TAG = "settings"


class JsonWithoutNul(Parser):
    """JSON bodies with the NUL characters taken out of every string, as NulMiddleware does
    for query strings and forms."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        return without_nul(super().parse_body(request))


# Errors made outside the operations' code, by what an operation takes: a token, input, a body.
SHARED_ERRORS = {
    401: "No valid token.",
    422: "The input does not match the schema: `detail` lists each mismatch.",
    400: "The body is no JSON, or the request cannot be carried out as asked: `detail` says why.",
}


# Why an operation may answer 403, by what it does and how it is tagged; an operation lists
# every reason that applies to it.
READ_ONLY = "The token's scope is read, and it may only read."
SETTINGS_WRITE = (
    "The token's agent is no lead or admin, and only they may change settings; or the token's "
    "scope is not admin."
)
LEADS_ONLY = "The token's agent is no lead or admin, or the token's scope is not admin."
ADMIN_SCOPE = "The token's scope is not admin."


def forbidden_reasons(*, method: str, tags: list[str], secured: bool) -> list[str]:
    """Why an operation may answer 403: a read token writing, a settings write without a lead's
    admin token, a lead-only or admin-scope operation without one."""
    writes = method.upper() in WRITE_METHODS
    reasons = []
    if secured and writes:
        reasons.append(READ_ONLY)
    if SETTINGS_TAG in tags and writes:
        reasons.append(SETTINGS_WRITE)
    if LEADS_TAG in tags:
        reasons.append(LEADS_ONLY)
    elif ADMIN_TAG in tags:
        reasons.append(ADMIN_SCOPE)
    return reasons


class DeskAPI(NinjaAPI):
    """The API object, whose OpenAPI document also declares the errors every operation shares
    (each operation declares its own 400 and 404 in its `response`)."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: DictStrAny | None = None
    ) -> OpenAPISchema:
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        for operations in document["paths"].values():
            for method, operation in operations.items():
                takes = {
                    401: "security" in operation,
                    422: bool(operation.get("parameters")) or "requestBody" in operation,
                    400: "requestBody" in operation,
                }
                responses = operation["responses"]
                reasons = forbidden_reasons(
                    method=method, tags=operation.get("tags", []), secured=takes[401]
                )
                if reasons:
                    responses.setdefault(403, {"description": " ".join(reasons), "content": error})
                for status, description in SHARED_ERRORS.items():
                    if takes[status]:
                        responses.setdefault(status, {"description": description, "content": error})
                operation["responses"] = dict(sorted(responses.items()))
        return document


api = DeskAPI(
    title="frontdesk API",
    version="1",
    description=(
        "Tickets, customers and their timeline. Authenticate with `Authorization: Bearer TOKEN`."
    ),
    auth=AgentToken(),
    parser=JsonWithoutNul(),
    urls_namespace="api-v1",
    # No validator badge: it is an image from validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, error: NotFound) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=404)


@api.exception_handler(Forbidden)
def forbidden(request: HttpRequest, error: Forbidden) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=403)


@api.exception_handler(Invalid)
def invalid(request: HttpRequest, error: Invalid) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=400)


@api.exception_handler(TooLarge)
def too_large(request: HttpRequest, error: TooLarge) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=413)


@api.exception_handler(StorageUnavailable)
def storage_unavailable(request: HttpRequest, error: StorageUnavailable) -> HttpResponse:
    response = api.create_response(request, {"detail": str(error)}, status=503)
    response["Retry-After"] = "300"
    return response


@api.exception_handler(UnsupportedType)
def unsupported_type(request: HttpRequest, error: UnsupportedType) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=415)


@api.exception_handler(ToneHeld)
def tone_held(request: HttpRequest, error: ToneHeld) -> HttpResponse:
    # A reply the tone check held: 400 like any refusal, with the places that read badly.
    warnings = [asdict(warning) for warning in error.warnings]
    return api.create_response(request, {"detail": str(error), "warnings": warnings}, status=400)


@api.exception_handler(Conflict)
def conflict(request: HttpRequest, error: Conflict) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=409)


api.add_router("/tickets", "frontdesk.tickets.api.router")
api.add_router("/replies", "frontdesk.tickets.api.replies_router")
api.add_router("/views", "frontdesk.tickets.api.views_router")
api.add_router("/customers", "frontdesk.customers.api.router")
api.add_router("/custom-fields", "frontdesk.customers.api.fields_router")
api.add_router("", "frontdesk.routing.api.router")
api.add_router("", "frontdesk.live.api.router")
api.add_router("/journal", "frontdesk.journal.api.router")
api.add_router("/macros", "frontdesk.macros.api.router")
api.add_router("/macro-sets", "frontdesk.macros.api.set_router")
api.add_router("/log-codes", "frontdesk.journal.api.log_code_router")
api.add_router("", "frontdesk.schedules.api.router")
api.add_router("/desk-texts", "frontdesk.tickets.api.desk_text_router")
api.add_router("", "frontdesk.accounts.api.router")
api.add_router("", "frontdesk.sla.api.router")
api.add_router("/reports", "frontdesk.reports.api.router")
api.add_router("/problems", "frontdesk.problems.api.router")
# The audit trail: an admin's token of the admin scope (the operation also checks the role).
api.add_router("/audit", "frontdesk.audit.api.router", auth=AdminToken(), tags=["audit", ADMIN_TAG])
