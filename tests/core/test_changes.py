"""The change record: who changed which setting, when, before → after."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from frontdesk.accounts.choices import Role
from frontdesk.core.changes import ChangeActorMiddleware, change_list, changes_read
from frontdesk.sla.models import SlaTarget
from frontdesk.sla.services import sla_target_set
from frontdesk.tickets.models import QueueSettings
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_lead_saving_settings_on_the_page_is_recorded_with_before_and_after() -> None:
    lead = factories.agent(role=Role.LEAD)
    client = Client()
    client.force_login(lead)
    page = client.get(reverse("sla:service_levels"))
    form: dict[str, str] = {}
    for level in range(1, 5):
        form[f"first_{level}"] = "30" if level == 1 else "240"
        form[f"resolution_{level}"] = "480"
    before = SlaTarget.objects.filter(level=1).values_list("first_response_minutes", flat=True)
    old = str(before.first()) if before.exists() else "—"
    assert page.status_code == 200
    assert client.post(reverse("sla:service_levels"), form).status_code == 302

    change = changes_read(change_list(model=SlaTarget))
    level_one = next(c for c in change if "level 1" in c.object)
    assert level_one.who == lead.display_name
    fields = {field.label: (field.before, field.after) for field in level_one.fields}
    assert fields["first response (minutes)"][1] == "30"
    if old != "—":
        assert fields["first response (minutes)"][0] == old

    record = client.get(reverse("core:changes")).content.decode()
    assert lead.display_name in record
    assert "first response (minutes)" in record


def test_the_agent_is_the_one_the_api_authenticated_after_the_middleware_ran() -> None:
    lead = factories.agent(role=Role.LEAD)

    def view(request: HttpRequest) -> HttpResponse:
        request.user = lead  # as the API's token authentication does, inside the view
        sla_target_set(actor=lead, level=2, first_response_minutes=55, resolution_minutes=600)
        return HttpResponse()

    request = RequestFactory().post("/api/v1/anything")
    request.user = AnonymousUser()
    ChangeActorMiddleware(view)(request)

    entry = LogEntry.objects.get_for_model(SlaTarget).latest("timestamp")
    assert entry.actor == lead
    assert entry.remote_addr == "127.0.0.1"


def test_a_change_made_outside_a_request_is_the_systems() -> None:
    lead = factories.agent(role=Role.LEAD)
    sla_target_set(actor=lead, level=3, first_response_minutes=90, resolution_minutes=900)
    (change,) = [c for c in changes_read(change_list(model=SlaTarget)) if "level 3" in c.object]
    assert change.who == "the system"


def test_excluded_fields_are_not_recorded_and_the_record_can_be_narrowed_to_one_row() -> None:
    lead = factories.agent(role=Role.LEAD)
    row = QueueSettings.objects.create(weights={"phone": 1.0}, updated_by=lead)
    row.weights = {"phone": 2.0}
    row.save(update_fields=["weights", "updated_at"])
    changes = changes_read(change_list(model=QueueSettings, object_id=row.pk))
    assert [change.action for change in changes] == ["changed", "added"]
    assert {field.label for field in changes[0].fields} == {"weights"}
    assert changes[1].created
    # Not its id; a new row's fields as made (access by team, off).
    team_scoped = str(QueueSettings._meta.get_field("team_scoped").verbose_name)
    assert {field.label for field in changes[1].fields} == {"weights", team_scoped}

    shown = Template("{% load changes %}{% changes_for row %}").render(Context({"row": row}))
    assert "Recent changes" in shown
    assert "2.0" in shown


def test_an_agent_may_read_the_record_but_the_page_says_they_cannot_change_settings() -> None:
    agent = factories.agent(role=Role.AGENT)
    client = Client()
    client.force_login(agent)
    page = client.get(reverse("core:changes"), {"kind": "sla.slatarget", "who": "99999999999"})
    assert page.status_code == 200
    assert "You can read these settings" in page.content.decode()
