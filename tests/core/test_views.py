import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_and_the_cache_do() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "worker": "none"}


def test_healthz_is_unavailable_when_the_cache_does_not_answer() -> None:
    # The database cache's table is made by `frontdesk migrate`; a desk migrated another way
    # has none, and every rate-limited page would fail.
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE frontdesk_cache")
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unreachable"
    assert response.json()["database"] == "ok"
    assert "cache" in response.json()["detail"]
