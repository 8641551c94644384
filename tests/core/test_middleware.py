import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from frontdesk.accounts.models import User
from frontdesk.core.middleware import ApiErrorsMiddleware
from frontdesk.customers.models import Interaction
from frontdesk.live.models import Visit
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_an_unknown_api_path_answers_json_404(api: ApiClient) -> None:
    response = api.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not Found"}


def test_a_wrong_method_answers_json_405_with_the_allowed_ones(api: ApiClient) -> None:
    response = api.client.delete("/api/v1/tickets")
    assert response.status_code == 405
    assert response.json() == {"detail": "Method Not Allowed"}
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}


def test_a_crash_in_the_api_answers_json_500() -> None:
    request = RequestFactory().get("/api/v1/tickets")

    def crashed(request: HttpRequest) -> HttpResponse:
        return server_error(request)

    response = ApiErrorsMiddleware(crashed)(request)
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.content == b'{"detail": "Internal Server Error"}'


def test_pages_keep_their_html_errors(agent_client: Client) -> None:
    response = agent_client.get("/desk/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


NUL_TICKET = {
    "customer": {"name": "Mari\u0000 Tamm", "email": "mari@posti.ee"},
    "channel": "email",
    "subject": "Arve\u0000 puudub",
    "body": "Tere!\u0000 Ma ei leia arvet.",
}


def test_nul_characters_in_an_api_body_are_dropped(api: ApiClient) -> None:
    response = api.post("/api/v1/tickets", NUL_TICKET)
    assert response.status_code == 201
    ticket = Ticket.objects.get(pk=response.json()["id"])
    assert (ticket.subject, ticket.customer.name) == ("Arve puudub", "Mari Tamm")
    assert ticket.messages.get().text == "Tere! Ma ei leia arvet."


def test_nul_characters_in_a_log_line_over_the_api_are_dropped(api: ApiClient) -> None:
    customer = factories.customer(name="Rami Cohen")
    response = api.post("/api/v1/journal/log", {"line": "Rami\u0000 Cohen. viruses\u0000. 9:30."})
    assert response.status_code == 200
    assert Interaction.objects.get(customer=customer, kind="note").summary == "viruses"


@pytest.mark.parametrize(
    "path", ["/api/v1/tickets", "/api/v1/customers", "/desk/tickets/", "/desk/customers/"]
)
def test_nul_characters_in_a_search_are_dropped(agent: User, path: str) -> None:
    factories.ticket(customer_=factories.customer(name="Rami Cohen"))
    client = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(agent)}")
    client.force_login(agent)
    response = client.get(path, {"q": "Ra\u0000mi"})
    assert response.status_code == 200
    assert "Rami Cohen" in response.content.decode()


def test_nul_characters_in_the_public_request_form_are_dropped() -> None:
    response = Client().post(
        "/",
        {
            "name": "Mari\u0000 Tamm",
            "email": "mari@posti.ee",
            "subject": "Arve\u0000 puudub",
            "body": "Tere!\u0000",
        },
    )
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert (ticket.subject, ticket.customer.name) == ("Arve puudub", "Mari Tamm")


def test_nul_characters_in_the_kiosk_name_are_dropped() -> None:
    assert Client().post("/visit/", {"name": "Mari\u0000"}).status_code == 302
    assert Visit.objects.get().name == "Mari"


def test_nul_characters_in_a_reply_a_note_and_a_customer_edit_are_dropped(
    agent_client: Client,
) -> None:
    ticket = factories.ticket()
    base = f"/desk/tickets/{ticket.pk}"
    agent_client.post(f"{base}/reply/", {"body": "Saadetud\u0000.", "status": "waiting"})
    agent_client.post(f"{base}/note/", {"body": "Sisemine\u0000."})
    agent_client.post(
        f"/desk/customers/{ticket.customer_id}/edit/", {"name": "Mari\u0000", "notes": "x\u0000"}
    )
    texts = list(ticket.messages.order_by("id").values_list("text", flat=True))
    assert texts[1:] == ["Saadetud.", "Sisemine."]
    ticket.customer.refresh_from_db()
    assert (ticket.customer.name, ticket.customer.notes) == ("Mari", "x")


def test_nul_characters_in_the_log_bar_are_dropped(agent_client: Client) -> None:
    customer = factories.customer(name="Rami Cohen")
    answer = agent_client.post("/desk/journal/log/", {"line": "Rami Cohen\u0000. viruses."})
    assert "Logged on Rami Cohen" in answer.content.decode()
    assert Interaction.objects.get(customer=customer, kind="note").summary == "viruses"


@pytest.mark.parametrize("path", ["/portal/requests/FD-%00/", "/visit/ab%00cd/"])
def test_a_page_address_with_a_nul_names_nothing(path: str) -> None:
    assert Client().get(path).status_code == 404


def test_an_api_address_with_a_nul_names_nothing(api: ApiClient) -> None:
    response = api.get("/api/v1/customers/1%00")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_a_nul_in_a_cookie_is_dropped() -> None:
    client = Client()
    client.cookies["sessionid"] = '"abcdefgh\\000ijkl"'
    assert client.get("/portal/").status_code == 302
