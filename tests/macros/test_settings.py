"""The lead's macros: the settings pages (list, add, edit, preview, delete) and the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.changes import change_list, changes_read
from frontdesk.macros.models import Macro
from frontdesk.macros.services import macro_save
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db

FORM = {
    "code": "/Refund",
    "language": "et",
    "name": "Raha tagasi",
    "text": "Tere {customer.first_name}, raha on teel. {agent.name}",
    "set_status": "waiting",
    "set_level": "",
    "add_tags": "refund, billing",
    "set_assignee": "",
    "suggest_for": "refund",
    "active": "on",
}


def test_a_lead_adds_a_macro_and_sees_its_languages_together_under_its_code(lead: User) -> None:
    macro_save(code="refund", language="en", name="Refund", text="Hello {customer.first_name}")
    macro_save(code="refund", language="he", name="החזר", text="שלום")
    client = signed_in(lead)

    added = client.post(reverse("macros:settings_add"), FORM)

    macro = Macro.objects.get(code="refund", language="et")
    assert added["Location"] == reverse("macros:settings_edit", args=[macro.pk])
    assert (macro.name, macro.set_status, macro.add_tags) == (
        "Raha tagasi",
        "waiting",
        ["refund", "billing"],
    )
    page = client.get(reverse("macros:settings")).content.decode()
    assert page.count("<bdi>/refund</bdi>") == 1
    assert ">en</a>, <a" in page
    assert ">et</a>" in page
    assert ">he</a>" in page


def test_the_list_narrows_to_a_language_and_to_words(lead: User) -> None:
    macro_save(code="refund", language="en", name="Refund", text="Your money is on its way")
    macro_save(code="hours", language="et", name="Lahtiolekuajad", text="Oleme avatud")
    client = signed_in(lead)

    def listed(query: dict[str, str]) -> str:
        # The page beside the settings menu, whose links (/desk/settings/hours/) say nothing here.
        page = client.get(reverse("macros:settings"), query).content.decode()
        return page.split('class="settings-page"', 1)[1]

    estonian = listed({"language": "et"})
    money = listed({"q": "money"})

    assert "<bdi>/hours</bdi>" in estonian
    assert "<bdi>/refund</bdi>" not in estonian
    assert "<bdi>/refund</bdi>" in money
    assert "<bdi>/hours</bdi>" not in money


def test_a_code_taken_in_that_language_is_refused_next_to_the_code_keeping_the_text(
    lead: User,
) -> None:
    macro_save(code="refund", language="et", name="Raha", text="Tere")

    page = signed_in(lead).post(reverse("macros:settings_add"), FORM)

    assert page.status_code == 400
    form = page.context["form"]
    assert "There is a macro /refund in this language already." in form.errors["code"]
    assert FORM["text"] in page.content.decode()
    assert Macro.objects.filter(code="refund").count() == 1


def test_an_unknown_placeholder_is_refused_next_to_the_text(lead: User) -> None:
    page = signed_in(lead).post(
        reverse("macros:settings_add"), {**FORM, "text": "Hello {customer.shoe_size}"}
    )

    assert page.status_code == 400
    assert "Unknown placeholder {customer.shoe_size}" in page.context["form"].errors["text"][0]
    assert not Macro.objects.filter(code="refund").exists()


def test_the_preview_fills_the_text_in_as_the_reply_box_would(lead: User) -> None:
    preview = signed_in(lead).post(
        reverse("macros:settings_preview"),
        {"text": "Hello {customer.first_name}, this is {agent.name} about {ticket.reference}."},
    )

    assert preview.status_code == 200
    assert "Hello Ildikó, this is Lea Lead about FD-ZGS5HL." in preview.content.decode()


def test_the_preview_names_a_placeholder_it_cannot_fill(lead: User) -> None:
    preview = signed_in(lead).post(reverse("macros:settings_preview"), {"text": "Hi {nobody}"})

    assert "Unknown placeholder {nobody}" in preview.content.decode()


def test_a_change_is_recorded_with_who_and_before_and_after_and_shown_on_the_page(
    lead: User,
) -> None:
    macro = macro_save(code="refund", language="et", name="Raha", text="Tere")
    client = signed_in(lead)

    saved = client.post(
        reverse("macros:settings_edit", args=[macro.pk]), {**FORM, "text": "Tere jälle"}
    )

    assert saved.status_code == 302
    change = changes_read(change_list(model=Macro, object_id=macro.pk))[0]
    assert change.who == "Lea Lead"
    fields = {field.label: (field.before, field.after) for field in change.fields}
    assert fields["text"] == ("Tere", "Tere jälle")
    page = client.get(reverse("macros:settings_edit", args=[macro.pk])).content.decode()
    assert "Recent changes" in page
    assert "Tere jälle" in page


def test_a_lead_keeps_example_questions_one_per_line_on_the_form_and_the_api(lead: User) -> None:
    client = signed_in(lead)
    client.post(
        reverse("macros:settings_add"),
        {**FORM, "questions": "Kas toimetate Tartusse?\n\n  Do you   deliver to Tartu? \n"},
    )
    macro = Macro.objects.get(code="refund", language="et")
    assert macro.questions == "Kas toimetate Tartusse?\nDo you deliver to Tartu?"
    page = client.get(reverse("macros:settings_edit", args=[macro.pk])).content.decode()
    assert "Example questions" in page
    assert "Kas toimetate Tartusse?" in page

    api = token_client(lead)
    assert api.get(f"/api/v1/macros/{macro.pk}").json()["questions"] == [
        "Kas toimetate Tartusse?",
        "Do you deliver to Tartu?",
    ]
    changed = api.patch(
        f"/api/v1/macros/{macro.pk}",
        {"questions": ["Kui palju maksab saatmine?"]},
        content_type="application/json",
    )
    assert changed.json()["questions"] == ["Kui palju maksab saatmine?"]
    assert changed.json()["body"].startswith("Tere")


def test_an_agent_reads_the_macro_but_its_form_is_disabled_and_posting_is_refused() -> None:
    macro = macro_save(code="refund", language="et", name="Raha", text="Tere")
    agent = signed_in(factories.agent())

    page = agent.get(reverse("macros:settings_edit", args=[macro.pk]))

    assert page.status_code == 200
    assert all(field.disabled for field in page.context["form"].fields.values())
    assert agent.post(reverse("macros:settings_edit", args=[macro.pk]), FORM).status_code == 403
    assert agent.post(reverse("macros:settings_delete", args=[macro.pk])).status_code == 403
    assert Macro.objects.get(pk=macro.pk).text == "Tere"


def test_a_lead_deletes_a_macro(lead: User) -> None:
    macro = macro_save(code="refund", language="et", name="Raha", text="Tere")

    signed_in(lead).post(reverse("macros:settings_delete", args=[macro.pk]))

    assert not Macro.objects.filter(pk=macro.pk).exists()


def test_the_api_adds_reads_changes_and_deletes_a_macro_for_a_lead(lead: User) -> None:
    api = token_client(lead)

    made = api.post(
        "/api/v1/macros",
        {"code": "refund", "title": "Refund", "body": "Hello {customer.name}", "language": "en"},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    macro_id = made.json()["id"]
    assert made.json() | {"id": 0} == {
        "id": 0,
        "code": "refund",
        "title": "Refund",
        "body": "Hello {customer.name}",
        "language": "en",
        "set_status": "",
        "set_level": None,
        "add_tags": [],
        "set_assignee_id": None,
        "suggest_for": [],
        "questions": [],
        "active": True,
    }
    changed = api.patch(
        f"/api/v1/macros/{macro_id}",
        {"body": "Hi {customer.first_name}", "set_assignee_id": lead.pk},
        content_type="application/json",
    )
    assert changed.status_code == 200, changed.content
    assert (changed.json()["title"], changed.json()["body"]) == (
        "Refund",
        "Hi {customer.first_name}",
    )
    assert changed.json()["set_assignee_id"] == lead.pk
    assert api.get(f"/api/v1/macros/{macro_id}").json()["body"] == "Hi {customer.first_name}"
    assert api.delete(f"/api/v1/macros/{macro_id}").status_code == 204
    assert api.get(f"/api/v1/macros/{macro_id}").status_code == 404


def test_the_api_filters_by_language_and_words(lead: User) -> None:
    macro_save(code="refund", language="en", name="Refund", text="Your money")
    macro_save(code="refund", language="et", name="Raha", text="Sinu raha")
    macro_save(code="hours", language="en", name="Hours", text="We open at nine")
    api = token_client(factories.agent())

    english = api.get("/api/v1/macros", {"language": "en"}).json()["items"]
    money = api.get("/api/v1/macros", {"q": "money"}).json()["items"]

    # The desk ships with the holding reply, /hold, and the onboarding answers in every language.
    assert [(m["code"], m["language"]) for m in english] == [
        ("billing-basics", "en"),
        ("first-steps", "en"),
        ("guide", "en"),
        ("hold", "en"),
        ("hours", "en"),
        ("invite-colleague", "en"),
        ("refund", "en"),
    ]
    assert [(m["code"], m["language"]) for m in money] == [("refund", "en")]


def test_the_api_refuses_a_taken_code_and_an_unknown_placeholder_with_400(lead: User) -> None:
    macro_save(code="refund", language="en", name="Refund", text="Hi")
    api = token_client(lead)

    taken = api.post(
        "/api/v1/macros", {"code": "refund", "language": "en"}, content_type="application/json"
    )
    unknown = api.post(
        "/api/v1/macros", {"code": "x", "body": "{order.total}"}, content_type="application/json"
    )
    nobody = api.post(
        "/api/v1/macros", {"code": "y", "set_assignee_id": 99999}, content_type="application/json"
    )

    assert taken.status_code == 400
    assert taken.json()["detail"] == "code: There is a macro /refund in this language already."
    assert unknown.status_code == 400
    assert unknown.json()["detail"].startswith("text: Unknown placeholder {order.total}")
    assert nobody.status_code == 400
    assert "set_assignee_id" in nobody.json()["detail"]
    assert not Macro.objects.filter(code__in=["x", "y"]).exists()


def test_an_agents_token_reads_macros_and_may_not_change_them() -> None:
    macro = macro_save(code="refund", language="en", name="Refund", text="Hi")
    api = token_client(factories.agent())

    refused = api.patch(
        f"/api/v1/macros/{macro.pk}", {"body": "Changed"}, content_type="application/json"
    )

    assert api.get(f"/api/v1/macros/{macro.pk}").status_code == 200
    assert refused.status_code == 403
    assert api.delete(f"/api/v1/macros/{macro.pk}").status_code == 403
    assert Macro.objects.get(pk=macro.pk).text == "Hi"


@pytest.mark.parametrize(
    "field",
    ["code", "title", "body", "language", "set_status", "add_tags", "suggest_for", "questions"],
)
def test_the_api_refuses_a_null_field_and_keeps_the_macro(lead: User, field: str) -> None:
    macro = macro_save(code="hours", language="en", name="Hours", text="We open at nine")
    api = token_client(lead)
    before = api.get(f"/api/v1/macros/{macro.pk}").json()

    answer = api.patch(f"/api/v1/macros/{macro.pk}", {field: None}, content_type="application/json")

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][-1] == field
    assert api.get(f"/api/v1/macros/{macro.pk}").json() == before


def test_the_api_clears_a_macros_level_and_assignee_with_null(lead: User) -> None:
    macro = macro_save(code="hours", language="en", name="Hours", text="We open at nine")
    api = token_client(lead)
    api.patch(
        f"/api/v1/macros/{macro.pk}",
        {"set_level": 2, "set_assignee_id": lead.pk},
        content_type="application/json",
    )

    cleared = api.patch(
        f"/api/v1/macros/{macro.pk}",
        {"set_level": None, "set_assignee_id": None},
        content_type="application/json",
    )

    assert cleared.status_code == 200
    assert (cleared.json()["set_level"], cleared.json()["set_assignee_id"]) == (None, None)
