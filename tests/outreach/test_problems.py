"""Notifying the customers likely affected by a problem: those who wrote about the same thing
lately and are not linked to it, with the problem's public texts prefilled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_update
from frontdesk.engine.problems import Report, detect
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import segment_customers
from frontdesk.problems.models import Problem
from frontdesk.problems.services import problem_create, problem_update
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

BURST = [
    ("Export gives a 0 KB file", "The CSV export is empty since this morning, error E-4031.", "en"),
    ("Az export 0 KB-os fájlt ad", "A CSV export üres ma reggel óta, E-4031 hiba.", "hu"),
    ("Izvoz daje datoteku od 0 KB", "Izvoz CSV-a je prazan od jutros, greška E-4031.", "bs"),
]
SAME_THING = ("Eksport annab 0 KB faili", "CSV eksport on hommikust saati tühi, viga E-4031.")


def _wrote(name: str, subject: str, body: str, **ticket: object) -> Ticket:
    return factories.ticket(
        customer_=factories.customer(name=name),
        subject=subject,
        body=body,
        **ticket,  # type: ignore[arg-type]
    )


def _problem(lead: User) -> tuple[Problem, list[Ticket]]:
    """A problem detected from three customers' reports, two of them linked to it."""
    tickets = [_wrote(f"Reporter {n}", s, b, language=lang) for n, (s, b, lang) in enumerate(BURST)]
    [alert] = detect(
        Report(str(t.pk), t.created_at, t.channel, t.subject, body, str(t.customer_id))
        for t, (_s, body, _l) in zip(tickets, BURST, strict=True)
    )
    problem = problem_create(
        actor=lead,
        title="CSV export gives 0 KB files",
        signature=alert.signature.to_json(),
        tickets=tickets[:2],
    )
    return problem, tickets


def _names(segment: Segment) -> set[str]:
    return {c.name for c in segment_customers(segment=segment, now=timezone.now())}


def test_the_likely_affected_wrote_about_it_lately_and_are_not_linked(lead: User) -> None:
    # Written before the problem was made (what arrives later is linked to it on arrival).
    _wrote("Same thing lately", *SAME_THING, created_at=timezone.now() - timedelta(days=2))
    _wrote("Something else", "Invoice address", "Please change the address on my invoices.")
    _wrote("Same thing long ago", *SAME_THING, created_at=timezone.now() - timedelta(days=30))
    problem, _tickets = _problem(lead)
    # The unlinked reporter of the burst, and the one who wrote the same lately.
    assert _names(Segment(problem_id=problem.pk)) == {"Reporter 2", "Same thing lately"}
    assert "Same thing long ago" in _names(Segment(problem_id=problem.pk, recent_days=60))


def test_other_filters_add_customers_but_never_those_linked(lead: User) -> None:
    problem, _tickets = _problem(lead)
    for customer in [factories.customer(name="Tagged"), Customer.objects.get(name="Reporter 0")]:
        customer_update(
            customer=customer,
            name=customer.name,
            organisation="",
            preferred_language="",
            is_key=False,
            notes="",
            tags=["csv-export"],
        )
    assert _names(Segment(problem_id=problem.pk, tags=("csv-export",))) == {
        "Reporter 2",
        "Tagged",
    }


def test_a_problem_made_by_hand_picks_only_by_the_filters_set(lead: User) -> None:
    problem = problem_create(actor=lead, title="Made by hand")
    _wrote("Someone", *SAME_THING)
    assert _names(Segment(problem_id=problem.pk)) == set()


def test_the_problem_page_offers_leads_a_campaign_prefilled_from_the_problem(lead: User) -> None:
    problem, _tickets = _problem(lead)
    problem_update(
        actor=lead,
        problem=problem,
        title=problem.title,
        summary="",
        public_texts={
            "en": "CSV exports are empty; we are fixing it.",
            "hu": "A CSV export üres; javítjuk.",
        },
    )
    client = signed_in(lead)
    page = client.get(reverse("problems:detail", kwargs={"problem_id": problem.pk}))
    start = f"{reverse('outreach:new')}?problem={problem.pk}"
    assert start in page.content.decode()
    agent_page = signed_in(factories.agent()).get(
        reverse("problems:detail", kwargs={"problem_id": problem.pk})
    )
    assert start not in agent_page.content.decode()
    form = client.get(start).content.decode()
    assert "CSV exports are empty; we are fixing it." in form
    assert "A CSV export üres; javítjuk." in form
    assert 'value="CSV export gives 0 KB files"' in form
    assert f'name="problem_id" value="{problem.pk}"' in form
