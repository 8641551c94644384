"""Pages and API answers are gzipped for a client that accepts it, without giving BREACH a fixed
secret to guess."""

import gzip
import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_only_for_a_client_that_accepts_it() -> None:
    compressed = Client().get(reverse("accounts:login"), headers={"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    page = gzip.decompress(compressed.content)
    assert b"<form" in page
    plain = Client().get(reverse("accounts:login"))
    assert not plain.has_header("Content-Encoding")
    assert b"<form" in plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_an_api_answer_is_gzipped_for_a_client_that_accepts_it() -> None:
    answer = Client().get("/api/v1/openapi.json", headers={"Accept-Encoding": "gzip, br"})
    assert answer["Content-Encoding"] == "gzip"
    assert b'"openapi"' in gzip.decompress(answer.content)


def test_the_csrf_token_in_a_compressed_page_differs_on_every_answer() -> None:
    # BREACH guesses a secret that repeats in every compressed answer; Django masks it anew.
    client = Client()
    tokens = set()
    for _ in range(3):
        page = client.get(reverse("accounts:login"), headers={"Accept-Encoding": "gzip"})
        found = re.search(
            rb'name="csrfmiddlewaretoken" value="([^"]+)"', gzip.decompress(page.content)
        )
        assert found is not None
        tokens.add(found.group(1))
    assert len(tokens) == 3
