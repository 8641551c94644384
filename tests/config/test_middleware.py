import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.views.defaults import server_error

from frontdesk.config.middleware import ApiErrorsMiddleware
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


def test_pages_keep_their_html_errors(agent_client) -> None:  # type: ignore[no-untyped-def]
    response = agent_client.get("/desk/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
