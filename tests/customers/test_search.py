"""Searching the customer list as people type, on whichever database the suite runs on."""

import pytest

from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_list
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people() -> dict[str, Customer]:
    return {
        "ildiko": factories.customer(name="Szabó Ildikó", email="ildiko@example.hu"),
        "cohen": factories.customer(
            name="David Cohen", organisation="Tel Aviv Port", email="d.cohen@example.co.il"
        ),
        "mari": factories.customer(name="Mari Tamm", phone="+372 5123 4567"),
    }


def names(query: str) -> list[str]:
    return [customer.name for customer in customer_list(query=query)]


@pytest.mark.parametrize(
    "query", ["Szabó Ildikó", "Ildikó Szabó", "szabo ildiko", "ILDIKÓ", "Ildko Szabo"]
)
def test_a_name_is_found_in_any_order_without_accents_and_with_a_typo(
    people: dict[str, Customer], query: str
) -> None:
    assert names(query) == ["Szabó Ildikó"]


def test_a_typo_in_a_surname_finds_it(people: dict[str, Customer]) -> None:
    assert names("Cohne") == ["David Cohen"]


def test_every_word_must_match_name_or_organisation(people: dict[str, Customer]) -> None:
    assert names("cohen port") == ["David Cohen"]
    assert names("cohen ildiko") == []


def test_e_mail_and_phone_still_find_the_customer(people: dict[str, Customer]) -> None:
    assert names("d.cohen@example") == ["David Cohen"]
    assert names("5123 4567") == ["Mari Tamm"]


def test_exact_matches_come_before_typos(people: dict[str, Customer]) -> None:
    factories.customer(name="Cohne Ltd")
    assert names("cohne") == ["Cohne Ltd", "David Cohen"]


@pytest.mark.parametrize(
    "query", ["?!.,;", "9223372036854775808", "x" * 500, "%_%", "' OR 1=1 --", "zzzzzz"]
)
def test_odd_input_and_no_match_find_nothing(people: dict[str, Customer], query: str) -> None:
    assert names(query) == []


def test_a_nul_is_ignored(people: dict[str, Customer]) -> None:
    assert names("ildiko\x00") == ["Szabó Ildikó"]
    assert len(names("\x00")) == len(people)
