"""Every desk page fits a phone (390 px) and a laptop (1,366 px), left to right and right to
left."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.models import Team, User
from frontdesk.core.clock import desk_today
from frontdesk.customers.field_services import customer_custom_set
from frontdesk.customers.models import Customer
from frontdesk.customers.services import identity_add
from frontdesk.demo.audio import tone_wav
from frontdesk.journal.services import log_line_save, notice_post
from frontdesk.live.recording_services import recording_upload, recording_url_attach
from frontdesk.live.selectors import visit_token as visit_token_of
from frontdesk.live.services import call_event_record, visit_create
from frontdesk.macros.services import macro_save
from frontdesk.macros.set_services import MacroSetFields, macro_set_create
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import unsubscribe_token
from frontdesk.outreach.services import (
    Content,
    campaign_save,
    campaign_schedule,
    campaigns_send_due,
)
from frontdesk.problems.models import Alert, Problem
from frontdesk.problems.services import problem_create, problem_update
from frontdesk.satisfaction.selectors import rating_token
from frontdesk.satisfaction.services import survey_rate_from_portal
from frontdesk.schedules.models import Playbook
from frontdesk.schedules.services.break_rules import BreakRuleFields, break_rule_create
from frontdesk.sla.services import business_hours_set, sla_target_set
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import (
    ticket_custom_set,
    ticket_reply,
    ticket_set_status,
    ticket_view_create,
)
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 1366)
# Ids used twice, and fields no label names (a <label>, aria-label or aria-labelledby).
PROBLEMS = """() => {
  const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
  const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
  const fields = document.querySelectorAll(
    "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea");
  const unlabelled = [...fields].filter((field) => !field.labels.length
    && !field.getAttribute("aria-label") && !field.getAttribute("aria-labelledby"))
    .map((field) => field.name || field.outerHTML.slice(0, 60));
  const skip = document.querySelector("a.skip-link[href='#main']")
    && document.getElementById("main");
  return {twice: [...new Set(twice)], unlabelled, skip: Boolean(skip)};
}"""
# Screenshots for people to look at, when asked for (FRONTDESK_SHOTS=/tmp/fit).
SHOTS = os.environ.get("FRONTDESK_SHOTS", "")
# Only these pages, by name, when asked for (FRONTDESK_FIT_PAGES=reports,reports-tables).
ONLY = {name for name in os.environ.get("FRONTDESK_FIT_PAGES", "").split(",") if name}


def desk_pages(
    *,
    ticket_id: int,
    customer_id: int,
    notice_id: int,
    visit_token: str,
    settings_ids: dict[str, int],
) -> dict[str, str]:
    """The desk's pages, by name: every page an agent or lead works in, and the visitors'."""
    return {
        "queue": "/desk/queue/",
        "sweep": "/desk/queue/sweep/",
        "settings": "/desk/settings/",
        "changes": "/desk/settings/changes/",
        "macros": "/desk/settings/macros/",
        "macro-add": "/desk/settings/macros/add/",
        "macro": f"/desk/settings/macros/{settings_ids['macro']}/",
        "macro-sets": "/desk/settings/macros/sets/",
        "macro-set": f"/desk/settings/macros/sets/{settings_ids['macro_set']}/",
        "log-codes": "/desk/settings/log-codes/",
        "log-code": f"/desk/settings/log-codes/{settings_ids['log_code']}/",
        "break-rules": "/desk/settings/break-rules/",
        "break-rule": f"/desk/settings/break-rules/{settings_ids['break_rule']}/",
        "playbooks-settings": "/desk/settings/playbooks/",
        "playbook-edit": f"/desk/settings/playbooks/{settings_ids['playbook']}/",
        # A shipped flowchart in Hebrew: the picture right to left, the form by its nodes.
        "playbook-graph": f"/desk/settings/playbooks/{settings_ids['playbook_he']}/",
        "desk-texts": "/desk/settings/texts/",
        "desk-text": "/desk/settings/texts/acknowledgement/he/",
        "teams": "/desk/settings/teams/",
        "agents": "/desk/settings/agents/",
        "tokens": "/desk/settings/tokens/",
        "hours": "/desk/settings/hours/",
        "service-levels": "/desk/settings/service-levels/",
        "queue-order": "/desk/settings/queue/",
        "fields": "/desk/settings/fields/",
        "field": f"/desk/settings/fields/{settings_ids['field']}/",
        "tickets": "/desk/tickets/",
        "ticket": f"/desk/tickets/{ticket_id}/",
        # The same page with the reply box's macro picker open (see `_open_state`).
        "ticket-picker": f"/desk/tickets/{ticket_id}/?state=picker",
        # The same page with a reply the tone check held (see `_open_state`).
        "ticket-tone": f"/desk/tickets/{ticket_id}/?state=tone",
        # The same page while a rude reply is typed: the check under the box (htmx).
        "ticket-typing": f"/desk/tickets/{ticket_id}/?state=typing",
        "customers": "/desk/customers/",
        "customer": f"/desk/customers/{customer_id}/",
        "write-to-customer": f"/desk/tickets/write/{customer_id}/",
        "log-a-call": f"/desk/tickets/call/{customer_id}/",
        "what-if": "/desk/reports/what-if/",
        "reports": "/desk/reports/",
        # The same page with every chart's table open (see `_open_state`).
        "reports-tables": "/desk/reports/?state=tables",
        "corridor": "/desk/journal/",
        "promises": "/desk/journal/promises/",
        "notes": "/desk/journal/notes/",
        "board": "/desk/journal/board/",
        "week": "/desk/schedule/",
        "mine": "/desk/schedule/mine/",
        "playbooks": "/desk/schedule/playbooks/",
        "playbook": "/desk/schedule/playbooks/angry-last/",
        # Half-way through a flowchart: two answers given, the next question asked.
        "playbook-walk": "/desk/schedule/playbooks/not-warned/?at=waiting,tell,colleague,long",
        "notice": f"/desk/journal/board/{notice_id}/",
        "kiosk": "/visit/",
        "screen": "/visit/screen/",
        "number": f"/visit/{visit_token}/",
        "status": "/status/",
    }


def _open_state(page: Page, name: str) -> None:
    """Bring a page whose name says so into the state it is checked in."""
    if name == "ticket-picker":
        page.locator("#macro-picker-open").click()
        expect(page.locator("#macro-picker-list [role=option]").first).to_be_visible()
        expect(page.locator(".macro-preview-text")).to_be_visible()
    if name == "ticket-tone":
        # The customer reads as angry (triage), so casual words are held too.
        page.locator("#id_body").fill(
            "As I already told you, that is NOT OUR PROBLEM AT ALL. Ma opusti se, nema frke 😂"
        )
        page.locator("#reply-form > button[type=submit]").click()
        expect(page.locator(".tone-held mark").first).to_be_visible()
        expect(page.locator(".tone-held .tone-casual mark")).to_have_text(
            "Ma opusti se, nema frke 😂"
        )
    if name == "ticket-typing":
        page.locator("#id_body").press_sequentially("Obviously you did not read my mail.")
        expect(page.locator("#tone-check mark")).to_have_text("Obviously you did not read")
    if name == "reports-tables":
        page.evaluate(
            "document.querySelectorAll('details.chart-table').forEach(d => d.open = true)"
        )


def _desk(language: str) -> tuple[str, dict[str, str]]:
    """A lead's session cookie, and the desk's pages with a ticket and customer to show."""
    lead = factories.agent(username="lea", role="lead", language=language)
    customer = factories.customer(name="Ildikó Szabó", email="ildiko.szabo@example.hu")
    ticket = factories.ticket(
        customer_=customer,
        subject="Kako da počnemo? Uvoz bankovnog izvoda ne radi od posljednjeg ažuriranja",
        body="Since the update the bank import fails with an error: " + "x" * 120,
        language="bs",
    )
    # A newsletter-like mail: a table laid out for a 1,100 px window, and a link with no breaks.
    ticket.messages.update(
        html='<table width="1100"><tr><td>Izvod</td><td>'
        + "https://banka.example.ba/izvod/2026/12/uvoz?datoteka="
        + "a" * 90
        + "</td></tr></table>"
    )
    twice = factories.ticket(
        customer_=customer, subject="Charged twice", body="You charged me twice."
    )
    # A polite letter weighing a move: level 1 for churn risk, its long reason in the queue.
    factories.ticket(
        customer_=customer,
        subject="Our contract",
        body="Kind regards. We are considering cancelling our contract and moving elsewhere.",
    )
    # Something on the change record.
    sla_target_set(actor=lead, level=1, first_response_minutes=20, resolution_minutes=240)
    notice = notice_post(
        author=lead,
        title="Bankovni izvodi: uvoz ne radi od ažuriranja 7.12.",
        body="Customers whose bank import fails since the update: " + "y" * 120,
        review_by=desk_today() + timedelta(days=7),
        important=True,
    )
    visit = visit_create(name="Eli Levi", language=language)
    factories.playbooks_shipped()
    playbook = Playbook.objects.get(moment="angry-last", language="en")
    macro = macro_save(
        code="refund",
        language="he",
        name="החזר כספי",
        text="שלום {customer.first_name}, הכסף בדרך אליך. FD-ZGS5HL " + "z" * 80,
    )
    rule = break_rule_create(actor=lead, fields=BreakRuleFields("lunch", 30, 180, 300, 360))
    settings_ids = {
        "macro": macro.pk,
        "log_code": factories.log_code(word="cb", text="call back", follow_up_minutes=60).pk,
        "break_rule": rule.pk,
        "playbook": playbook.pk,
        "playbook_he": Playbook.objects.get(moment="people-waiting", language="he").pk,
    }
    # Custom fields of each kind, set on the ticket and the customer.
    field = factories.custom_field(
        key="plan", kind="choice", choices=["Osnovni", "Profesionalni paket"], label="Plan"
    )
    factories.custom_field(key="seats", kind="number", label="Seats")
    factories.custom_field(key="renewal", kind="date", target="customer", label="Renewal")
    factories.custom_field(key="account", target="customer", label="Account manager")
    ticket_custom_set(
        ticket=ticket, values={"plan": "Profesionalni paket", "seats": 12}, actor=lead
    )
    customer_custom_set(
        customer=customer, values={"renewal": "2027-03-01", "account": "Kovács Ágnes"}
    )
    settings_ids["field"] = field.pk
    # For the macro picker: one in the ticket's language, one marked as another language's.
    macro_save(code="uvoz", language="bs", name="Uvoz izvoda", text="Poštovana {customer.name},")
    macro_save(code="import", language="en", name="Bank import", text="Dear {customer.name}, " * 9)
    # An answer set the picker offers first on this ticket, made level 2 (a new customer).
    Ticket.objects.filter(pk=ticket.pk).update(level=2)
    answer_set = MacroSetFields(
        name="Novi klijenti: prvi koraci, uvoz izvoda i fakture",
        levels=[2],
        codes=["import", "uvoz"],
    )
    settings_ids["macro_set"] = macro_set_create(actor=lead, fields=answer_set).pk
    client = Client()
    client.force_login(lead)
    pages = desk_pages(
        ticket_id=ticket.pk,
        customer_id=customer.pk,
        notice_id=notice.pk,
        visit_token=visit_token_of(visit=visit),
        settings_ids=settings_ids,
    )
    # A saved view, open, and the page that manages views (a team's among them).
    view = ticket_view_create(actor=lead, name="Bankovni izvodi", query="status=open&q=izvod")
    team = factories.team(name="Podrška", members=[lead])
    ticket_view_create(actor=lead, name="Otvoreno za tim", query="status=open", team=team)
    pages["tickets-view-open"] = f"/desk/tickets/?view={view.pk}"
    pages["ticket-views"] = "/desk/tickets/views/"
    business_hours_set(
        actor=lead,
        team=team,
        time_zone="Asia/Jerusalem",
        windows={"6": [["08:00", "16:00"]]},
        holiday_country="IL",
    )
    # The what-if page with a replay of the last week (today's tickets in it), one more agent
    # today and the trial weights open.
    today = desk_today()
    pages["what-if-replay"] = (
        f"/desk/reports/what-if/?since={today - timedelta(days=6)}&until={today}&agents=1"
        f"&policy=weights&extra_agents=1&extra_weekday={today.weekday()}&extra_start=08:00"
        "&extra_end=18:00&breaks_moved=-15&callback=1000&level1=400&sla=200&quick=60&key=24"
        "&level2=12&effort=3&sla_warning_minutes=60"
    )
    _answered_this_week(lead=lead, team=team, customer=customer)
    problem_id = _problem_reported(lead=lead)
    pages |= _outreach(lead=lead)
    pages |= {
        "problems": "/desk/problems/",
        "problem": f"/desk/problems/{problem_id}/",
        "outreach-from-problem": f"/desk/outreach/new/?problem={problem_id}",
        "problem-reply": f"/desk/problems/{problem_id}/reply/",
        "problem-solve": f"/desk/problems/{problem_id}/solve/",
        "team": f"/desk/settings/teams/{team.pk}/",
        "agent": f"/desk/settings/agents/{lead.pk}/",
        "team-hours": f"/desk/settings/hours/?team={team.pk}",
    }
    pages |= _rated(lead=lead, client=client, language=language)
    _colleague_lines(lead=lead, customer=customer)
    pages |= _recorded()
    # Merging the ticket into the customer's other one: what will happen, before it does.
    pages["merge-into"] = f"/desk/tickets/{ticket.pk}/merge/confirm/?into={twice.reference}"
    if ONLY:
        pages = {name: path for name, path in pages.items() if name in ONLY}
    return client.cookies["sessionid"].value, pages


def _colleague_lines(*, lead: User, customer: Customer) -> None:
    """Lines colleagues logged for the lead, on the queue and the notes page: one asks for a
    call back (a follow-up of theirs), one is a long unbroken word."""
    writer = factories.agent(full_name="Amra Hodžić")
    for topic in (
        "Uvoz bankovnog izvoda ne radi od ažuriranja, nazvati je poslije podne",
        "Számlamásolat" + "x" * 90,
    ):
        log_line_save(
            line=f"{customer.name}. {lead.display_name}. {topic}.",
            writer=writer,
            customer_id=customer.pk,
        )


def _rated(*, lead: User, client: Client, language: str) -> dict[str, str]:
    """A solved ticket its customer rated bad with a long comment: the rating page from the
    survey mail, the same in the portal (the lead's session is the customer's there too), the
    ticket page with the rating, and the lead's switch for the survey mails."""
    customer = factories.customer(name="Dana Cohen", email="dana@example.co.il", language=language)
    words = {
        "he": "שלום, החשבונית של החודש לא הגיעה אליי ואני צריכה אותה להנהלת החשבונות.",
        "en": "Hello, this month's invoice never reached me and my accountant needs it today.",
    }
    ticket = factories.ticket(customer_=customer, subject="Invoice missing", body=words[language])
    ticket_reply(
        ticket=ticket,
        agent=lead,
        text="Sent again.",
        status="solved",
        historical_at=timezone.now(),
    )
    ticket.refresh_from_db()
    survey = survey_rate_from_portal(
        ticket=ticket, rating="bad", comment="Took three days and two reminders. " + "w" * 90
    )
    session = client.session
    session["portal_customer"], session["portal_key"] = customer.pk, customer.portal_key
    session.save()
    token = rating_token(survey=survey)
    return {
        "rating": f"/rate/{token}/good/",
        "rated": f"/rate/{token}/",
        "portal-rated": f"/portal/requests/{ticket.reference}/",
        "ticket-rated": f"/desk/tickets/{ticket.pk}/",
        "satisfaction-settings": "/desk/settings/satisfaction/",
    }


def _recorded() -> dict[str, str]:
    """A call with a recording the desk keeps and one the phone system keeps (never fetched:
    its player loads nothing until played): its ticket, its caller's timeline, and the request
    in the portal of the caller, Dana, whose portal session `_rated` opened."""
    number = "+972 50 555 0177"
    dana = Customer.objects.get(name="Dana Cohen")
    identity_add(customer=dana, kind="phone", raw=number)
    call = call_event_record(call_id="fit-call", event="ended", from_number=number)
    audio = SimpleUploadedFile("call.wav", tone_wav(seconds=2), content_type="audio/wav")
    recording_upload(call_id=call.call_id, upload=audio, duration_seconds=2)
    recording_url_attach(
        call=call, url="https://pbx.example.com/rec/fit-call.mp3", duration_seconds=754
    )
    return {
        "ticket-recorded": f"/desk/tickets/{call.ticket_id}/",
        "customer-recorded": f"/desk/customers/{call.customer_id}/",
        "portal-recorded": f"/portal/requests/{Ticket.objects.get(call=call).reference}/",
    }


def _problem_reported(*, lead: User) -> int:
    """An alert of reports in three languages, and a problem on the status page; its id."""
    reports = [
        factories.ticket(subject=subject, body=body, language=language)
        for subject, body, language in (
            (
                "Izvoz daje datoteku od 0 KB",
                "Izvoz CSV-a je prazan od jutros, greška E-4031.",
                "bs",
            ),
            ("Az export 0 KB-os fájlt ad", "A CSV export üres ma reggel óta, E-4031 hiba.", "hu"),
            (
                "Export gives a 0 KB file",
                "The CSV export is empty since this morning, E-4031.",
                "en",
            ),
        )
    ]
    now = timezone.now()
    alert = Alert.objects.create(
        signature={},
        terms=["0 kb", "e-4031", "csv"],
        languages=["bs", "hu", "en"],
        customers=3,
        first_at=now - timedelta(minutes=25),
        alert_at=now,
    )
    alert.tickets.set(reports)
    problem = problem_create(
        actor=lead,
        title="Prijava ne radi: sesija je istekla odmah nakon prijave na portal",
        tickets=[factories.ticket(subject="Session expired", body="Session expired at login.")],
    )
    problem_update(
        actor=lead,
        problem=problem,
        title=problem.title,
        summary="",
        public_texts={"en": "Logging in fails for some customers.", "he": "ההתחברות נכשלת."},
    )
    Problem.objects.filter(pk=problem.pk).update(posted=True)
    return problem.pk


def _outreach(*, lead: User) -> dict[str, str]:
    """A draft campaign with its preview, one sent with its recipients, and an unsubscribe page."""
    texts = {
        "en": Content("Ten tips for bank imports", "Tip one: " + "import the statement " * 30),
        "hu": Content("Tíz tipp a banki importhoz", "Első tipp: " + "importálja a kivonatot " * 20),
        "he": Content("עשרה טיפים לייבוא מהבנק", "טיפ ראשון: " + "ייבאו את הדף " * 30),
    }
    factories.customer(name="Mari Tamm-Kõrgesaare", email="mari@example.ee", language="et")
    factories.customer(name="Dana Levi", email="dana.levi@example.co.il", language="he")
    draft = campaign_save(
        actor=lead,
        name="Bankovni izvodi: deset savjeta za uvoz nakon ažuriranja",
        segment=Segment(),
        contents=texts,
        default_language="en",
    )
    sent = campaign_save(
        actor=lead,
        name="Számlázási tippek",
        segment=Segment(languages=("he", "et")),
        contents=texts,
        default_language="en",
    )
    campaign_schedule(actor=lead, campaign=sent, at=None, now=timezone.now())
    campaigns_send_due(now=timezone.now())
    token = unsubscribe_token(recipient=sent.recipients.order_by("id").first())  # type: ignore[arg-type]
    return {
        "outreach": "/desk/outreach/",
        "outreach-new": "/desk/outreach/new/",
        "outreach-draft": f"/desk/outreach/{draft.pk}/",
        "outreach-edit": f"/desk/outreach/{draft.pk}/edit/",
        "outreach-sent": f"/desk/outreach/{sent.pk}/",
        "unsubscribe": f"/unsubscribe/{token}",
    }


def _answered_this_week(*, lead: User, team: Team, customer: Customer) -> None:
    """Tickets of the last days, answered and some solved, for the reports' charts."""
    colleague = factories.agent(full_name="Ágnes Kovács-Szentgyörgyi")
    now = timezone.now()
    for n in range(8):
        ticket = factories.ticket(
            customer_=customer,
            subject=f"Számla {n}",
            channel=("email", "phone", "web", "visit")[n % 4],
            created_at=now - timedelta(days=n % 5, hours=2 + n),
            team_id=team.pk if n % 2 else None,
        )
        ticket_reply(
            ticket=ticket,
            agent=colleague if n % 3 else lead,
            text="Megnéztük.",
            historical_at=ticket.created_at + timedelta(minutes=7 * (n + 1)),
        )
        if n % 3 == 0:
            ticket.refresh_from_db()
            ticket_set_status(
                ticket=ticket,
                actor=lead,
                status="solved",
                historical_at=ticket.created_at + timedelta(hours=n + 1),
            )


@pytest.mark.parametrize("language", ["en", "he"])
def test_no_desk_page_is_wider_than_the_window(
    browser: Browser, live_server: LiveServer, language: str
) -> None:
    session, pages = _desk(language)
    wide: list[str] = []
    broken: list[str] = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        for name, path in pages.items():
            response = page.goto(live_server.url + path)
            assert response is not None, path
            assert response.ok, f"{path}: {response.status}"
            _open_state(page, name)
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if SHOTS:
                Path(SHOTS).mkdir(parents=True, exist_ok=True)
                page.screenshot(path=f"{SHOTS}/{name}-{language}-{width}.png", full_page=True)
            if scroll > inner:
                wide.append(f"{name} {scroll}px at {inner}px")
            found = page.evaluate(PROBLEMS)
            if found["twice"] or found["unlabelled"] or not found["skip"]:
                broken.append(f"{name}: {found}")
        context.close()
    assert not wide, f"wider than the window ({language}): " + "; ".join(wide)
    assert not broken, "ids used twice, fields with no label, no skip link: " + "; ".join(broken)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "he"])
def test_axe_finds_nothing_serious_on_the_desk(
    browser: Browser, live_server: LiveServer, language: str, width: int
) -> None:
    session, pages = _desk(language)
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    axe = Axe()  # axe-core ships inside the package; nothing is fetched
    found: list[str] = []
    for name, path in pages.items():
        page.goto(live_server.url + path)
        _open_state(page, name)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in {"serious", "critical"}:
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{name}: {violation['id']} {targets}")
    context.close()
    assert not found, "axe-core: " + "; ".join(found)
