"""The lead's schedule settings: break rules (checked, previewed, over the API) and playbooks in
more languages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.changes import change_list, changes_read
from frontdesk.schedules.models import BreakRule, Playbook
from frontdesk.schedules.services.break_rules import BreakRuleFields, break_rule_problems
from frontdesk.schedules.wording import break_rules_preview_text
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db

RULE = {
    "name": "lunch",
    "length_minutes": "30",
    "earliest_minutes": "210",
    "latest_minutes": "270",
    "min_shift_minutes": "360",
}


@pytest.mark.parametrize(
    ("rule", "field", "problem"),
    [
        (BreakRuleFields("", 15, 60, 90), "name", "Give the break a name"),
        (BreakRuleFields("tea", 0, 60, 90), "length_minutes", "1 to 240 minutes"),
        (BreakRuleFields("tea", 15, 90, 60), "latest_minutes", "cannot be before the earliest"),
        (BreakRuleFields("tea", 30, 60, 340, 360), "latest_minutes", "ends 370 minutes into"),
        (BreakRuleFields("tea", 15, 0, 2000), "latest_minutes", "Between 0 and 1440"),
    ],
)
def test_a_break_rule_that_cannot_work_is_refused_by_field(
    rule: BreakRuleFields, field: str, problem: str
) -> None:
    assert problem in break_rule_problems(rule)[field]


def test_a_rule_that_fits_its_shortest_shift_passes() -> None:
    assert break_rule_problems(BreakRuleFields("lunch", 30, 210, 270, 360)) == {}


def test_the_preview_says_what_a_typical_shift_gets() -> None:
    rules = [
        BreakRule(name="tea", length_minutes=15, earliest_minutes=120, latest_minutes=180),
        BreakRule(name="lunch", length_minutes=30, earliest_minutes=210, latest_minutes=270),
    ]

    assert break_rules_preview_text(rules=rules, shift_minutes=480) == (
        "A shift of 8 h gets: 15 min starting between 2:00 and 3:00 into it; "
        "30 min starting between 3:30 and 4:30 into it."
    )
    assert break_rules_preview_text(rules=[], shift_minutes=480) == (
        "A shift of 8 h gets no break."
    )


def test_a_lead_adds_a_rule_on_the_page_and_sees_the_preview(lead: User) -> None:
    BreakRule.objects.all().delete()
    client = signed_in(lead)

    added = client.post(reverse("schedules:break_rules"), RULE)
    page = client.get(reverse("schedules:break_rules")).content.decode()

    assert added.status_code == 302
    assert BreakRule.objects.get().name == "lunch"
    assert "A shift of 8 h gets: 30 min starting between 3:30 and 4:30 into it." in page


def test_a_refused_rule_is_said_next_to_the_field_and_nothing_is_lost(lead: User) -> None:
    page = signed_in(lead).post(reverse("schedules:break_rules"), {**RULE, "latest_minutes": "100"})

    assert page.status_code == 400
    assert "cannot be before the earliest" in page.context["form"].errors["latest_minutes"][0]
    assert page.context["form"]["name"].value() == "lunch"
    assert not BreakRule.objects.filter(latest_minutes=100).exists()


def test_a_changed_rule_is_recorded_and_an_agent_may_only_read_it(lead: User) -> None:
    rule = BreakRule.objects.create(
        name="tea", length_minutes=15, earliest_minutes=60, latest_minutes=120
    )
    signed_in(lead).post(
        reverse("schedules:break_rule_edit", args=[rule.pk]),
        {**RULE, "name": "tea", "length_minutes": "20", "min_shift_minutes": "0"},
    )
    agent = signed_in(factories.agent())

    change = changes_read(change_list(model=BreakRule, object_id=rule.pk))[0]
    fields = {field.label: (field.before, field.after) for field in change.fields}
    assert change.who == "Lea Lead"
    assert fields["length (minutes)"] == ("15", "20")
    assert agent.get(reverse("schedules:break_rule_edit", args=[rule.pk])).status_code == 200
    assert agent.post(reverse("schedules:break_rule_delete", args=[rule.pk])).status_code == 403


def test_the_api_keeps_break_rules_for_a_lead_and_refuses_an_agent(lead: User) -> None:
    api = token_client(lead)

    made = api.post(
        "/api/v1/break-rules",
        {k: int(v) if v.isdigit() else v for k, v in RULE.items()},
        content_type="application/json",
    )
    rule_id = made.json()["id"]
    late = api.patch(
        f"/api/v1/break-rules/{rule_id}", {"latest_minutes": 340}, content_type="application/json"
    )
    moved = api.patch(
        f"/api/v1/break-rules/{rule_id}", {"earliest_minutes": 200}, content_type="application/json"
    )
    # A null for a field no rule can be without (found by the API fuzzer: it was a 500).
    unchanged = api.patch(
        f"/api/v1/break-rules/{rule_id}",
        {"min_shift_minutes": None, "name": None},
        content_type="application/json",
    )
    refused = token_client(factories.agent()).delete(f"/api/v1/break-rules/{rule_id}")

    assert made.status_code == 201
    assert late.status_code == 400
    assert late.json()["detail"].startswith("latest_minutes: A break starting this late")
    assert moved.json()["earliest_minutes"] == 200
    assert unchanged.status_code == 200
    assert unchanged.json() == moved.json()
    assert refused.status_code == 403
    assert api.delete(f"/api/v1/break-rules/{rule_id}").status_code == 204
    assert not BreakRule.objects.filter(pk=rule_id).exists()


def test_a_lead_starts_a_playbook_in_another_language_from_the_settings(lead: User) -> None:
    Playbook.objects.filter(moment="not-warned", language="bs").delete()
    english = Playbook.objects.get(moment="not-warned", language="en")
    client = signed_in(lead)

    page = client.get(reverse("schedules:playbooks_settings")).content.decode()
    added = client.post(
        reverse("schedules:playbook_language_add", args=[english.pk]),
        {"not-warned-language": "bs"},
    )

    bosnian = Playbook.objects.get(moment="not-warned", language="bs")
    assert 'name="not-warned-language"' in page
    assert added["Location"] == reverse("schedules:playbook_edit", args=[bosnian.pk])
    assert bosnian.graph == english.graph
    again = client.post(
        reverse("schedules:playbook_language_add", args=[english.pk]),
        {"not-warned-language": "bs"},
        follow=True,
    )
    assert "has a playbook in this language already" in again.content.decode()


def test_the_api_reads_and_changes_a_playbook(lead: User) -> None:
    english = Playbook.objects.get(moment="not-warned", language="en")
    api = token_client(lead)

    listed = api.get("/api/v1/playbooks").json()
    changed = api.patch(
        f"/api/v1/playbooks/{english.pk}",
        {"steps": [{"do": "Tell them now", "say": "Back at {end}"}]},
        content_type="application/json",
    )
    empty = api.patch(
        f"/api/v1/playbooks/{english.pk}",
        {"steps": [{"do": "", "say": ""}]},
        content_type="application/json",
    )

    assert english.pk in [row["id"] for row in listed]
    assert changed.status_code == 200
    assert changed.json()["steps"] == [{"do": "Tell them now", "say": "Back at {end}"}]
    assert changed.json()["graph"] == {
        "start": "1",
        "nodes": [
            {
                "id": "1",
                "do": "Tell them now",
                "say": "Back at {end}",
                "question": "",
                "answers": [],
                "next": None,
            }
        ],
    }
    assert changed.json()["title"] == english.title
    assert empty.status_code == 422
    assert empty.json()["detail"][0]["type"] == "no-nodes"
    change = changes_read(change_list(model=Playbook, object_id=english.pk))[0]
    assert change.who == "Lea Lead"
