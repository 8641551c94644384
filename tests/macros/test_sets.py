"""Answer sets: what the picker offers first on a ticket of a set's levels, the lead's pages and
API for keeping them, and who may change them."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.changes import change_list, changes_read
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.macros.models import MacroSet
from frontdesk.macros.services import macro_save
from frontdesk.macros.set_selectors import set_answers_for_ticket
from frontdesk.macros.set_services import MacroSetFields, macro_set_create, macro_set_update
from frontdesk.tickets.choices import Level
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db

ONBOARDING = ["first-steps", "guide", "invite-colleague", "billing-basics"]


def _ticket(*, level: int, language: str) -> Ticket:
    ticket = factories.ticket(customer_=factories.customer(name="Kovács Anna"), subject="Hello")
    Ticket.objects.filter(pk=ticket.pk).update(level=level, language=language)
    ticket.refresh_from_db()
    return ticket


def _picker(client: Client, ticket: Ticket, query: str = "") -> list[tuple[str, str]]:
    """The picker's options in order: each code and the set it is offered from ("" for none)."""
    html = client.get(reverse("macros:picker", args=[ticket.pk]), {"q": query}).content.decode()
    options = re.findall(r'<li role="option".*?</li>', html, re.S)
    found = []
    for option in options:
        code = re.search(r'class="macro-code" dir="ltr">/([^<]+)<', option)
        in_set = re.search(r'class="badge macro-set"[^>]*><bdi>([^<]+)<', option)
        found.append((code.group(1) if code else "", in_set.group(1) if in_set else ""))
    return found


def test_a_level_2_ticket_is_offered_the_onboarding_answers_first_in_its_language() -> None:
    ticket = _ticket(level=Level.NEW_CUSTOMER, language="hu")

    answers = set_answers_for_ticket(ticket=ticket, language="hu")

    assert [(a.macro.code, a.macro.language, a.macro_set.name) for a in answers] == [
        (code, "hu", "Onboarding") for code in ONBOARDING
    ]


def test_a_language_without_its_own_answer_falls_back_as_macro_for_does() -> None:
    ticket = _ticket(level=Level.NEW_CUSTOMER, language="fr")
    macro_save(code="guide", language="", name="Guide (any)", text="See the guide.")

    answers = set_answers_for_ticket(ticket=ticket, language="fr")

    # Any language before English; English where there is nothing else.
    assert [(a.macro.code, a.macro.language) for a in answers] == [
        ("first-steps", "en"),
        ("guide", ""),
        ("invite-colleague", "en"),
        ("billing-basics", "en"),
    ]


def test_the_picker_lists_the_set_first_on_level_2_and_nowhere_else(agent: User) -> None:
    client = signed_in(agent)
    new_customer = _ticket(level=Level.NEW_CUSTOMER, language="et")
    normal = _ticket(level=Level.NORMAL, language="et")

    first_on_level_2 = _picker(client, new_customer)[:4]
    on_level_4 = _picker(client, normal)

    assert first_on_level_2 == [(code, "Onboarding") for code in ONBOARDING]
    # Level 4 lists as before: by code, no set named.
    assert [code for code, _set in on_level_4[:4]] == [
        "billing-basics",
        "first-steps",
        "guide",
        "hold",
    ]
    assert {in_set for _code, in_set in on_level_4} == {""}


def test_what_is_typed_narrows_the_set_and_the_rest_follow_it_once(agent: User) -> None:
    client = signed_in(agent)
    macro_save(code="billing-late", language="en", name="Late payment", text="Paid late.")
    ticket = _ticket(level=Level.NEW_CUSTOMER, language="en")

    found = _picker(client, ticket, "/bill")

    # The set's answer once, then the other matches; other languages of it come last, as ever.
    assert found[:2] == [("billing-basics", "Onboarding"), ("billing-late", "")]
    assert found[2:] == [("billing-basics", "")] * 4


def test_a_set_for_other_levels_and_an_inactive_set_are_not_offered() -> None:
    lead = factories.agent(role="lead")
    macro_save(code="sorry", language="en", name="Sorry", text="We are sorry.")
    macro_set_create(actor=lead, fields=MacroSetFields(name="Urgent", levels=[1], codes=["sorry"]))
    onboarding = MacroSet.objects.get(name="Onboarding")
    macro_set_update(
        actor=lead,
        macro_set=onboarding,
        fields=MacroSetFields(name="Onboarding", levels=[2], codes=ONBOARDING, active=False),
    )

    assert set_answers_for_ticket(ticket=_ticket(level=2, language="en"), language="en") == []
    urgent = set_answers_for_ticket(ticket=_ticket(level=1, language="en"), language="en")
    assert [(a.macro.code, a.macro_set.name) for a in urgent] == [("sorry", "Urgent")]


def test_a_lead_reorders_the_answers_and_the_picker_follows(lead: User) -> None:
    onboarding = MacroSet.objects.get(name="Onboarding")
    client = signed_in(lead)

    saved = client.post(
        reverse("macros:settings_set_edit", args=[onboarding.pk]),
        {
            "name": "Onboarding",
            "description": "New customers",
            "levels": ["2", "4"],
            "codes": "/Billing-basics\nguide\n",
            "position": "1",
            "active": "on",
        },
    )

    assert saved.status_code == 302
    onboarding.refresh_from_db()
    assert (onboarding.codes, onboarding.levels) == (["billing-basics", "guide"], [2, 4])
    ticket = _ticket(level=Level.NORMAL, language="en")
    assert [a.macro.code for a in set_answers_for_ticket(ticket=ticket, language="en")] == [
        "billing-basics",
        "guide",
    ]
    listed = client.get(reverse("macros:settings_sets")).content.decode()
    assert listed.index("/billing-basics") < listed.index("/guide")
    change = changes_read(change_list(model=MacroSet, object_id=onboarding.pk))[0]
    assert change.who == "Lea Lead"
    fields = {field.label: (field.before, field.after) for field in change.fields}
    assert fields["answers"][1] == '["billing-basics", "guide"]'


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "onboarding"}, "name", "There is an answer set called “onboarding” already."),
        ({"codes": "guide\nno-such"}, "codes", "There is no macro /no-such; add it first"),
        ({"codes": "guide\n/guide"}, "codes", "/guide is listed twice."),
        ({"codes": "two words"}, "codes", "“two words” is not a macro code"),
        ({"levels": ["7"]}, "levels", "Select a valid choice."),
    ],
)
def test_the_form_names_what_is_wrong_and_keeps_what_was_typed(
    lead: User, change: dict[str, object], field: str, message: str
) -> None:
    form = {"name": "Billing help", "levels": ["2"], "codes": "guide", "position": "0"}

    answer = signed_in(lead).post(reverse("macros:settings_set_add"), form | change)

    assert answer.status_code == 400
    errors = answer.context["form"].errors[field]
    assert message in errors[0]
    assert MacroSet.objects.filter(name="Billing help").count() == 0
    page = answer.content.decode()
    typed = change.get("codes", "guide")
    assert str(typed).split("\n")[0] in page


def test_an_agent_reads_the_sets_but_cannot_change_them(agent: User) -> None:
    onboarding = MacroSet.objects.get(name="Onboarding")
    client = signed_in(agent)
    page = client.get(reverse("macros:settings_set_edit", args=[onboarding.pk]))
    assert page.status_code == 200
    assert page.context["form"].fields["codes"].disabled
    assert "Delete this answer set" not in page.content.decode()

    edit = client.post(
        reverse("macros:settings_set_edit", args=[onboarding.pk]),
        {"name": "Mine", "codes": "guide", "position": "0"},
    )
    delete = client.post(reverse("macros:settings_set_delete", args=[onboarding.pk]))

    assert (edit.status_code, delete.status_code) == (403, 403)
    with pytest.raises(Forbidden):
        macro_set_update(actor=agent, macro_set=onboarding, fields=MacroSetFields(name="Mine"))
    onboarding.refresh_from_db()
    assert onboarding.name == "Onboarding"
    assert token_client(agent).delete(f"/api/v1/macro-sets/{onboarding.pk}").status_code == 403


def test_a_lead_deletes_a_set_and_its_macros_stay(lead: User) -> None:
    onboarding = MacroSet.objects.get(name="Onboarding")

    deleted = signed_in(lead).post(reverse("macros:settings_set_delete", args=[onboarding.pk]))

    assert deleted["Location"] == reverse("macros:settings_sets")
    assert not MacroSet.objects.exists()
    ticket = _ticket(level=Level.NEW_CUSTOMER, language="en")
    assert set_answers_for_ticket(ticket=ticket, language="en") == []
    assert signed_in(lead).get(reverse("macros:settings")).content.decode().count("/guide") == 1


def test_the_service_refuses_what_the_form_refuses() -> None:
    lead = factories.agent(role="lead")
    with pytest.raises(Invalid, match="codes: There is no macro /nothing"):
        macro_set_create(actor=lead, fields=MacroSetFields(name="X", codes=["nothing"]))
    with pytest.raises(Invalid, match=r"levels: Levels are 1 to 4\."):
        macro_set_create(actor=lead, fields=MacroSetFields(name="X", levels=[0]))


def test_the_api_keeps_sets_for_leads(lead: User) -> None:
    api = token_client(lead)

    created = api.post(
        "/api/v1/macro-sets",
        {"name": "Renewals", "levels": [4], "codes": ["/Guide", "billing-basics"]},
        content_type="application/json",
    )
    set_id = created.json()["id"]
    reordered = api.patch(
        f"/api/v1/macro-sets/{set_id}",
        {"codes": ["billing-basics", "guide"]},
        content_type="application/json",
    )
    refused = api.post(
        "/api/v1/macro-sets",
        {"name": "renewals", "codes": ["guide"]},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert created.json()["codes"] == ["guide", "billing-basics"]
    assert reordered.json() | {"id": 0} == {
        "id": 0,
        "name": "Renewals",
        "description": "",
        "levels": [4],
        "codes": ["billing-basics", "guide"],
        "position": 0,
        "active": True,
    }
    assert refused.status_code == 400
    assert refused.json() == {"detail": "name: There is an answer set called “renewals” already."}
    names = [row["name"] for row in api.get("/api/v1/macro-sets").json()]
    assert names == ["Onboarding", "Renewals"]
    assert api.get("/api/v1/macro-sets/999999").status_code == 404
    assert api.delete(f"/api/v1/macro-sets/{set_id}").status_code == 204


def test_the_sets_and_the_picker_take_as_many_queries_for_many_sets_as_for_one(
    lead: User,
) -> None:
    client = signed_in(lead)
    ticket = _ticket(level=Level.NEW_CUSTOMER, language="et")
    paths = [
        reverse("macros:settings_sets"),
        "/api/v1/macro-sets",
        reverse("macros:picker", args=[ticket.pk]),
    ]
    api = token_client(lead)

    def queries() -> list[int]:
        counts = []
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                answer = (api if path.startswith("/api/") else client).get(path)
                assert answer.status_code == 200
            counts.append(len(captured))
        return counts

    queries()  # the first request also remembers the desk's settings
    one = queries()
    for number in range(6):
        macro_save(code=f"welcome-{number}", language="et", name="Tere", text="Tere!")
        macro_set_create(
            actor=lead,
            fields=MacroSetFields(name=f"Set {number}", levels=[2], codes=[f"welcome-{number}"]),
        )

    assert queries() == one


@pytest.mark.parametrize("field", ["name", "description", "levels", "codes", "position", "active"])
def test_the_api_refuses_a_null_field_and_keeps_the_set(lead: User, field: str) -> None:
    api = token_client(lead)
    onboarding = api.get("/api/v1/macro-sets").json()[0]

    answer = api.patch(
        f"/api/v1/macro-sets/{onboarding['id']}", {field: None}, content_type="application/json"
    )

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][-1] == field
    assert api.get(f"/api/v1/macro-sets/{onboarding['id']}").json() == onboarding
