"""The one API object: token authentication and the mapping of domain errors to {"detail": ...}."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.parser import Parser
from ninja.security import HttpBearer
from ninja.types import DictStrAny

from frontdesk.accounts.models import User
from frontdesk.accounts.services import token_authenticate
from frontdesk.config.errors import Invalid, NotFound
from frontdesk.config.middleware import without_nul


class AgentToken(HttpBearer):
    """`Authorization: Bearer TOKEN`, from `frontdesk token create`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


class JsonWithoutNul(Parser):
    """JSON bodies with the NUL characters taken out of every string, as NulMiddleware does
    for query strings and forms."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        return without_nul(super().parse_body(request))


api = NinjaAPI(
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


@api.exception_handler(Invalid)
def invalid(request: HttpRequest, error: Invalid) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=400)


api.add_router("/tickets", "frontdesk.tickets.api.router")
api.add_router("/customers", "frontdesk.customers.api.router")
api.add_router("", "frontdesk.routing.api.router")
api.add_router("", "frontdesk.live.api.router")
api.add_router("/journal", "frontdesk.journal.api.router")
