"""The data migrations keep the behaviour they were written with, whatever the engine does now;
the queue's weights moved from routing to tickets without moving a row."""

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

queue_migration = importlib.import_module("frontdesk.tickets.migrations.0003_ticket_queue")

ARRIVED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

WEIGHTS_BEFORE = [
    ("tickets", "0007_message_from_address"),
    ("routing", "0003_agentpresence_to_accounts"),
]
WEIGHTS_AFTER = [("tickets", "0008_queuesettings_from_routing")]


@pytest.mark.parametrize(
    ("level", "quick_win", "key_customer", "head_start_hours"),
    [
        (4, False, False, 0),
        (3, False, False, 0),
        (2, False, False, 12),
        (1, False, False, 400),
        (4, True, False, 48),
        (4, False, True, 24),
        (2, True, True, 48),
        (1, True, True, 400),
    ],
)
def test_0003_places_waiting_tickets_by_the_weights_of_its_day(
    level: int, quick_win: bool, key_customer: bool, head_start_hours: int
) -> None:
    key = queue_migration.queue_key(
        arrived_at=ARRIVED, level=level, quick_win=quick_win, key_customer=key_customer
    )
    assert key == ARRIVED - timedelta(hours=head_start_hours)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrations_back_to_latest")
def test_the_weights_a_lead_set_in_routing_are_read_from_tickets_after_the_move() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(WEIGHTS_BEFORE)
    old_apps = executor.loader.project_state(WEIGHTS_BEFORE).apps
    lead = old_apps.get_model("accounts", "User").objects.create(username="lea", role="lead")
    old_apps.get_model("routing", "QueueSettings").objects.create(
        weights={"level1": 300.0}, updated_by=lead
    )
    content_type = old_apps.get_model("contenttypes", "ContentType")
    content_type.objects.get_or_create(app_label="routing", model="queuesettings")
    content_type.objects.filter(app_label="tickets", model="queuesettings").delete()

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(WEIGHTS_AFTER)

    new_apps = executor.loader.project_state(WEIGHTS_AFTER).apps
    rows = new_apps.get_model("tickets", "QueueSettings").objects
    assert list(rows.values_list("weights", "updated_by__username")) == [({"level1": 300.0}, "lea")]
    moved = new_apps.get_model("contenttypes", "ContentType").objects
    assert list(moved.filter(model="queuesettings").values_list("app_label", flat=True)) == [
        "tickets"
    ]


SEARCH_BEFORE = [("tickets", "0008_queuesettings_from_routing"), ("customers", "0002_initial")]
SEARCH_AFTER = [("tickets", "0009_ticket_search_text")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrations_back_to_latest")
def test_0009_fills_the_search_text_of_the_tickets_there_are() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(SEARCH_BEFORE)
    old_apps = executor.loader.project_state(SEARCH_BEFORE).apps
    customer = old_apps.get_model("customers", "Customer").objects.create(
        name="Szabó Ildikó", search_text="szabo ildiko"
    )
    ticket = old_apps.get_model("tickets", "Ticket").objects.create(
        reference="FD-ZGS5HL", customer=customer, subject="Számla", channel="email"
    )
    messages = old_apps.get_model("tickets", "Message").objects
    messages.create(ticket=ticket, direction="in", channel="email", text="A csomag sérült.")
    messages.create(
        ticket=ticket, direction="note", channel="email", text="Status open", flags=["system"]
    )
    executor = MigrationExecutor(connection)
    executor.migrate(SEARCH_AFTER)
    new_apps = executor.loader.project_state(SEARCH_AFTER).apps
    filled = new_apps.get_model("tickets", "Ticket").objects.get(pk=ticket.pk)
    assert filled.search_text == "zgs5hl szabo ildiko szamla a csomag serult"
