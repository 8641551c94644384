from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of
from frontdesk.accounts.services import presence_set
from frontdesk.core.errors import Invalid
from frontdesk.live.models import Visit
from frontdesk.live.selectors import visit_token
from frontdesk.live.services import visit_create, visit_finish, visit_serve
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import ticket_assign
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_a_visitor_takes_a_number_and_sees_the_expected_wait() -> None:
    factories.desk_open(lead=factories.agent(role="lead"), now=timezone.now())
    kiosk = Client()
    first = kiosk.post(reverse("live:kiosk"), {"name": "Anna Kask"}, follow=True)
    second = kiosk.post(reverse("live:kiosk"), {"name": ""}, follow=True)
    assert [v.number for v in Visit.objects.all()] == [1, 2]
    page = second.content.decode()
    assert '<p class="ticket-number">2</p>' in page
    # One visitor ahead, nobody at the desk yet: the default ten minutes, and only that wait
    # (not also the wait of someone taking a number now).
    assert "Expected wait: about 10 min." in page
    assert "Expected wait at the desk" not in page
    assert "1 person is ahead of you." in page
    assert '<p class="ticket-number">1</p>' in first.content.decode()
    assert "You are next." in first.content.decode()


def test_numbers_start_again_at_the_desks_midnight(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"
    business_hours_set(
        actor=factories.agent(role="lead"),
        team=None,
        time_zone="Europe/Tallinn",
        windows={str(day): [["00:00", "23:59"]] for day in range(7)},
    )
    # 21:30 UTC is 23:30 in Tallinn on Sunday; 22:30 UTC is half past midnight on Monday.
    late = visit_create(name="Anna Kask", at=datetime(2026, 12, 6, 21, 30, tzinfo=UTC))
    early = visit_create(name="Mari Maasikas", at=datetime(2026, 12, 6, 22, 30, tzinfo=UTC))
    assert (late.day, late.number) == (date(2026, 12, 6), 1)
    assert (early.day, early.number) == (date(2026, 12, 7), 1)


def test_a_forged_number_link_is_not_found() -> None:
    assert Client().get("/visit/not-a-real-token/").status_code == 404


def test_visitors_come_before_written_work_and_take_next_calls_them_up(
    agent: User, api: ApiClient
) -> None:
    factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    Client().post(reverse("live:kiosk"), {"name": "Anna Kask"})
    visit = Visit.objects.get()
    presence_set(agent=agent, state="available")
    taken = api.post("/api/v1/queue/next", {}).json()
    assert taken["ticket_id"] == visit.ticket_id
    visit.refresh_from_db()
    assert visit.state == "serving"
    agent.presence.refresh_from_db()
    assert agent.presence.state == "visitor"


def test_an_agent_serving_a_visitor_gets_no_calls(agent: User, api: ApiClient) -> None:
    presence_set(agent=agent, state="visitor")
    api.post("/api/v1/calls/events", {"call_id": "c-1", "event": "ringing", "from_number": "1"})
    written = factories.ticket()
    taken = api.post("/api/v1/queue/next", {}).json()
    assert taken["ticket_id"] == written.pk


def test_a_served_visitor_solves_the_ticket_and_frees_the_agent(
    agent: User, agent_client: Client
) -> None:
    Client().post(reverse("live:kiosk"), {"name": "Anna Kask"})
    visit = Visit.objects.get()
    agent_client.post(reverse("visits:serve", kwargs={"ticket_id": visit.ticket_id}))
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": visit.ticket_id}))
    assert "Visitor served" in page.content.decode()
    agent_client.post(reverse("visits:finish", kwargs={"ticket_id": visit.ticket_id}))
    visit.refresh_from_db()
    assert visit.state == "done"
    assert Ticket.objects.get(visit=visit).status == "solved"
    agent.presence.refresh_from_db()
    assert agent.presence.state == "available"


def test_the_tablet_shows_a_number_only_until_it_goes_back_to_the_kiosk(settings: Settings) -> None:
    settings.KIOSK_RETURN_SECONDS = 20
    tablet = Client()
    taken = tablet.post(reverse("live:kiosk"), {"name": "Anna Kask"})
    assert taken["Location"] == reverse("live:taken")
    slip = tablet.get(taken["Location"])
    assert "Anna Kask" in slip.content.decode()
    assert "no-store" in slip["Cache-Control"]
    seconds = re.search(r'data-seconds="(\d+)"', slip.content.decode())
    assert seconds is not None
    assert 0 < int(seconds.group(1)) <= 20
    # Back at the kiosk, the number is forgotten: the slip's address leads to the kiosk.
    kiosk = tablet.get(reverse("live:kiosk"))
    assert "no-store" in kiosk["Cache-Control"]
    assert "Anna Kask" not in kiosk.content.decode()
    again = tablet.get(reverse("live:taken"))
    assert again.status_code == 302
    assert again["Location"] == reverse("live:kiosk")


def test_a_number_left_on_the_tablet_is_forgotten_when_its_time_is_up(settings: Settings) -> None:
    settings.KIOSK_RETURN_SECONDS = 5
    tablet = Client()
    tablet.post(reverse("live:kiosk"), {"name": "Anna Kask"})
    session = tablet.session
    session["kiosk_slip"] = {**session["kiosk_slip"], "until": timezone.now().timestamp() - 1}
    session.save()
    late = tablet.get(reverse("live:taken"))
    assert late.status_code == 302
    assert late["Location"] == reverse("live:kiosk")


def test_a_visitor_gets_their_numbers_link_by_mail_in_their_language(
    settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from django.core import mail

    settings.PUBLIC_URL = "https://help.example.com"
    tablet = Client(HTTP_ACCEPT_LANGUAGE="et")
    with django_capture_on_commit_callbacks(execute=True):
        tablet.post(reverse("live:kiosk"), {"name": "Tiina", "email": "tiina@example.com"})
    visit = Visit.objects.get()
    assert (visit.email, visit.language) == ("tiina@example.com", "et")
    assert visit.ticket is not None
    assert visit.ticket.customer.primary_email == "tiina@example.com"
    [sent] = mail.outbox
    assert sent.to == ["tiina@example.com"]
    assert "Your number at the desk" not in sent.subject  # in Estonian
    link = re.search(r"https://help\.example\.com(/visit/\S+/)", str(sent.body))
    assert link is not None
    phone = Client().get(link.group(1)).content.decode()
    assert '<p class="ticket-number">1</p>' in phone
    assert "Tiina" not in phone  # the page names nobody


def test_a_wrong_address_at_the_kiosk_says_so_and_keeps_the_name() -> None:
    response = Client().post(reverse("live:kiosk"), {"name": "Anna Kask", "email": "anna@"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert 'value="Anna Kask"' in page
    assert not Visit.objects.exists()


def test_a_busy_desks_tablet_gives_out_more_numbers_than_the_public_form_allows() -> None:
    tablet = Client()
    answers = [tablet.post(reverse("live:kiosk"), {}).status_code for _ in range(15)]
    assert answers == [302] * 15
    assert Visit.objects.count() == 15


def test_the_phone_page_asks_for_news_and_says_who_calls_the_visitor(agent: User) -> None:
    Client().post(reverse("live:kiosk"), {"name": "Anna Kask"})
    visit = Visit.objects.get()
    path = reverse("live:number", args=[visit_token(visit=visit)])
    page = Client().get(path).content.decode()
    assert f'hx-get="{path}"' in page
    visit_serve(visit=visit, agent=agent)
    news = Client().get(path, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in news
    assert f"It is your turn: please come to the desk, to {agent.display_name}." in news


def test_the_waiting_room_screen_shows_who_calls_which_number_and_no_names(agent: User) -> None:
    for name in ("Anna Kask", "Peeter Sepp", "Mari Tamm"):
        Client().post(reverse("live:kiosk"), {"name": name})
    first = Visit.objects.get(number=1)
    visit_serve(visit=first, agent=agent)
    page = Client().get(reverse("live:screen")).content.decode()
    assert "Now serving" in page
    assert re.search(
        r'class="screen-number">1</span>\s*<span class="screen-where">please come '
        rf"to {agent.display_name}",
        page,
    )
    assert re.findall(r'class="screen-next-number">(\d+)<', page) == ["2", "3"]
    assert "Anna Kask" not in page
    assert "Peeter Sepp" not in page
    assert 'hx-trigger="every 5s"' in page
    assert 'name="language"' not in page  # no language switch on a screen on the wall


def test_the_screen_speaks_the_language_asked_for_and_updates_in_place() -> None:
    page = Client().get(reverse("live:screen"), {"lang": "he"}).content.decode()
    assert 'lang="he"' in page
    assert 'dir="rtl"' in page
    assert "Now serving" not in page
    part = (
        Client()
        .get(reverse("live:screen"), {"lang": "he"}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert part.startswith('<div id="screen"')
    assert 'dir="rtl"' in part
    assert 'hx-get="/visit/screen/?lang=he"' in part


def _at_once(agents: list[User], act: Callable[[Visit, User], object], visit_id: int) -> list[str]:
    """Each agent acts on the visit as their page loaded it, all at the same moment; what each
    was told ("ok", or the error's text)."""
    loaded = [Visit.objects.select_related("ticket").get(pk=visit_id) for _agent in agents]
    told = [""] * len(agents)
    start = threading.Barrier(len(agents))

    def press(n: int) -> None:
        try:
            start.wait()
            act(loaded[n], agents[n])
            told[n] = "ok"
        except Invalid as error:
            told[n] = str(error)
        except BaseException as error:  # reported by the assertion below
            told[n] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(n,)) for n in range(len(agents))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return told


@pytest.mark.django_db(transaction=True)
def test_agents_calling_up_one_visitor_at_once_leave_one_of_them_serving() -> None:
    visit = visit_create(name="Anna Kask")
    agents = [factories.agent() for _ in range(8)]
    for agent in agents:
        presence_set(agent=agent, state="available")

    told = _at_once(agents, lambda v, a: visit_serve(visit=v, agent=a), visit.pk)

    assert sorted(told) == ["This visitor is already being served."] * 7 + ["ok"]
    [server] = [agent for agent, answer in zip(agents, told, strict=True) if answer == "ok"]
    ticket = Ticket.objects.get(visit=visit)
    assert ticket.assignee_id == server.pk
    assert presence_of(agent=server).state == "visitor"
    assert [presence_of(agent=a).state for a in agents if a != server] == ["available"] * 7
    assert Message.objects.filter(ticket=ticket, event__code="assigned").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_visit_finished_twice_at_once_is_finished_once() -> None:
    visit = visit_create(name="Anna Kask")
    server = factories.agent()
    presence_set(agent=server, state="available")
    visit_serve(visit=visit, agent=server)
    # A double click, and a colleague pressing too.
    colleague = factories.agent()

    told = _at_once(
        [server, server, colleague], lambda v, a: visit_finish(visit=v, agent=a), visit.pk
    )

    assert sorted(told) == ["This visit is already finished."] * 2 + ["ok"]
    ticket = Ticket.objects.get(visit=visit)
    assert ticket.status == "solved"
    assert Message.objects.filter(ticket=ticket, event__to="solved").count() == 1
    assert presence_of(agent=server).state == "available"


def test_a_visitor_assigned_to_one_agent_is_not_called_up_by_another() -> None:
    visit = visit_create(name="Anna Kask")
    owner, other = factories.agent(), factories.agent()
    presence_set(agent=other, state="available")
    assert visit.ticket is not None
    ticket_assign(ticket=visit.ticket, actor=factories.agent(role="lead"), assignee=owner)

    with pytest.raises(Invalid, match=f"assigned to {owner.display_name}"):
        visit_serve(visit=Visit.objects.get(pk=visit.pk), agent=other)

    assert Visit.objects.get(pk=visit.pk).state == "waiting"
    assert presence_of(agent=other).state == "available"
    visit_serve(visit=Visit.objects.get(pk=visit.pk), agent=owner)
    assert presence_of(agent=owner).state == "visitor"


def test_finishing_a_colleagues_visitor_frees_the_colleague_not_oneself() -> None:
    first, second = visit_create(name="Anna Kask"), visit_create(name="Mari Tamm")
    anna_server, mari_server = factories.agent(), factories.agent()
    visit_serve(visit=first, agent=anna_server)
    visit_serve(visit=second, agent=mari_server)

    visit_finish(visit=Visit.objects.get(pk=first.pk), agent=mari_server)

    assert presence_of(agent=anna_server).state == "available"
    assert presence_of(agent=mari_server).state == "visitor"


def test_pressing_served_on_a_finished_visit_says_so(agent: User, agent_client: Client) -> None:
    visit = visit_create(name="Anna Kask")
    visit_serve(visit=visit, agent=agent)
    url = reverse("visits:finish", kwargs={"ticket_id": visit.ticket_id})
    agent_client.post(url)
    again = agent_client.post(url, follow=True)
    assert again.status_code == 200
    assert "This visit is already finished." in again.content.decode()
