"""The lead's campaign pages, the customer page's opt-outs, and the public unsubscribe page with
RFC 8058's one-click POST."""

from __future__ import annotations

import pytest
from django.core.signing import Signer
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.outreach.choices import CampaignStatus, OptOutHow
from frontdesk.outreach.models import Campaign, CampaignRecipient, OptOut
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import unsubscribe_token
from frontdesk.outreach.services import _campaign_start, campaigns_send_due
from tests import factories
from tests.conftest import signed_in
from tests.outreach.helpers import campaign, scheduled

pytestmark = pytest.mark.django_db


def _recipient(lead: User, **customer: str) -> CampaignRecipient:
    factories.customer(**customer)  # type: ignore[arg-type]
    sending = scheduled(lead=lead)
    _campaign_start(campaign_id=sending.pk, now=timezone.now())
    return CampaignRecipient.objects.get()


def test_agents_are_refused_every_campaign_page(lead: User) -> None:
    factories.customer()
    draft = campaign(lead=lead)
    agent = signed_in(factories.agent())
    for name, kwargs in [
        ("outreach:list", {}),
        ("outreach:new", {}),
        ("outreach:detail", {"campaign_id": draft.pk}),
        ("outreach:edit", {"campaign_id": draft.pk}),
    ]:
        assert agent.get(reverse(name, kwargs=kwargs)).status_code == 403, name
    for name in ("outreach:schedule", "outreach:cancel", "outreach:delete"):
        assert agent.post(reverse(name, kwargs={"campaign_id": draft.pk})).status_code == 403
    assert Client().get(reverse("outreach:list")).status_code == 302
    draft.refresh_from_db()
    assert draft.status == CampaignStatus.DRAFT


def test_a_lead_writes_previews_and_schedules_a_campaign(lead: User) -> None:
    factories.customer(name="Ildikó", language="hu")
    factories.customer(name="Mari", language="et")
    client = signed_in(lead)
    form = {
        "name": "Ten tips",
        "default_language": "en",
        "subject_en": "Ten tips",
        "body_en": "Tip one.",
        "subject_hu": "Tíz tipp",
        "body_hu": "Első tipp.",
        "recent_days": "14",
    }
    preview = client.post(reverse("outreach:preview"), form, HTTP_HX_REQUEST="true")
    text = preview.content.decode()
    assert "2 customers would get it." in text
    assert "Mari" in text
    assert "gets the default language" in text
    saved = client.post(reverse("outreach:new"), form)
    made = Campaign.objects.get()
    assert saved["Location"] == reverse("outreach:detail", kwargs={"campaign_id": made.pk})
    assert "2 customers would get it." in client.get(saved["Location"]).content.decode()
    client.post(reverse("outreach:schedule", kwargs={"campaign_id": made.pk}), {"at": ""})
    made.refresh_from_db()
    assert made.status == CampaignStatus.SCHEDULED


def test_a_text_with_a_subject_and_no_body_is_refused_saying_which(lead: User) -> None:
    page = signed_in(lead).post(
        reverse("outreach:new"),
        {
            "name": "x",
            "default_language": "en",
            "subject_en": "Hi",
            "body_en": "Hello",
            "subject_hu": "Szia",
        },
    )
    assert page.status_code == 400
    assert "Hungarian text both a subject and a text" in page.content.decode()
    assert not Campaign.objects.exists()


def test_scheduling_an_empty_segment_shows_the_reason(lead: User) -> None:
    draft = campaign(lead=lead)
    client = signed_in(lead)
    page = client.post(
        reverse("outreach:schedule", kwargs={"campaign_id": draft.pk}), {"at": ""}, follow=True
    )
    assert "No customer is in this segment" in page.content.decode()
    draft.refresh_from_db()
    assert draft.status == CampaignStatus.DRAFT


def test_the_unsubscribe_page_asks_first_in_the_recipients_language(lead: User) -> None:
    recipient = _recipient(lead, language="hu")
    page = Client().get(
        reverse("outreach:unsubscribe", args=[unsubscribe_token(recipient=recipient)])
    )
    assert page.status_code == 200
    assert 'lang="hu"' in page.content.decode()
    assert not OptOut.objects.exists()


def test_the_page_button_unsubscribes_without_logging_in(lead: User) -> None:
    recipient = _recipient(lead)
    url = reverse("outreach:unsubscribe", args=[unsubscribe_token(recipient=recipient)])
    client = Client(enforce_csrf_checks=True)
    assert client.post(url, {"confirm": "1"}).status_code == 200
    assert client.post(url, {"confirm": "1"}).status_code == 200  # twice: recorded once
    [opt_out] = OptOut.objects.all()
    assert (opt_out.customer_id, opt_out.how) == (recipient.customer_id, OptOutHow.PAGE)


def test_the_one_click_post_of_rfc_8058_unsubscribes(lead: User) -> None:
    recipient = _recipient(lead)
    url = reverse("outreach:unsubscribe", args=[unsubscribe_token(recipient=recipient)])
    answer = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200
    assert OptOut.objects.get().how == OptOutHow.ONE_CLICK
    # The rest of the campaign skips them.
    assert campaigns_send_due(now=timezone.now()) == 0


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_or_foreign_token_is_refused_and_changes_nothing(
    lead: User, method: str
) -> None:
    recipient = _recipient(lead)
    token = unsubscribe_token(recipient=recipient)
    value, signature = token.rsplit(":", 1)
    other = CampaignRecipient.objects.create(
        campaign=recipient.campaign, customer=factories.customer(), language="en"
    )
    forged = Signer(salt="frontdesk.outreach.unsubscribe").sign_object({"r": other.pk})
    forged_value = forged.rsplit(":", 1)[0]
    foreign = Signer(salt="frontdesk.portal").sign_object({"r": recipient.pk})
    for bad in (
        f"{forged_value}:{signature}",  # another recipient's id under this signature
        value + ":" + signature[:-2] + "xx",
        foreign,
        "nonsense",
    ):
        url = reverse("outreach:unsubscribe", args=[bad])
        answer = (
            getattr(Client(), method)(
                url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
            )
            if method == "post"
            else Client().get(url)
        )
        assert answer.status_code == 400, bad
        assert "This link does not work" in answer.content.decode()
    assert not OptOut.objects.exists()


def test_the_customer_page_shows_opt_outs_and_only_a_lead_undoes_them(lead: User) -> None:
    customer = factories.customer()
    opt_out = OptOut.objects.create(customer=customer, how=OptOutHow.PAGE)
    agent = signed_in(factories.agent())
    page = agent.get(reverse("customers:detail", kwargs={"customer_id": customer.pk}))
    assert "Opted out" in page.content.decode()
    undo = reverse("outreach:opt_out_undo", kwargs={"opt_out_id": opt_out.pk})
    assert undo not in page.content.decode()
    assert agent.post(undo).status_code == 403
    opt_out.refresh_from_db()
    assert opt_out.undone_at is None
    client = signed_in(lead)
    assert (
        undo
        in client.get(
            reverse("customers:detail", kwargs={"customer_id": customer.pk})
        ).content.decode()
    )
    client.post(undo)
    opt_out.refresh_from_db()
    assert opt_out.undone_by == lead


def test_the_list_and_detail_pages_take_a_fixed_number_of_queries(
    lead: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(6):
        factories.customer(email=f"c{n}@example.com")
    for _n in range(3):
        sending = scheduled(lead=lead)
        _campaign_start(campaign_id=sending.pk, now=timezone.now())
    client = signed_in(lead)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("outreach:list")).status_code == 200
    with django_assert_max_num_queries(16):
        page = client.get(reverse("outreach:detail", kwargs={"campaign_id": sending.pk}))
    assert page.status_code == 200
    assert page.content.decode().count("c0@example.com") == 1


def test_a_drafts_preview_takes_the_same_queries_for_many_customers(
    lead: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    draft = campaign(lead=lead)
    client = signed_in(lead)
    url = reverse("outreach:detail", kwargs={"campaign_id": draft.pk})
    for n in range(3):
        factories.customer(email=f"few{n}@example.com")
    # 15: one of them finds the addresses erased customers opted out with, for all at once.
    with django_assert_max_num_queries(15):
        assert "3 customers would get it." in client.get(url).content.decode()
    for n in range(30):
        factories.customer(email=f"many{n}@example.com", language=("hu", "et", "")[n % 3])
    with django_assert_max_num_queries(15):
        assert "33 customers would get it." in client.get(url).content.decode()


def test_the_campaign_page_names_the_segments_custom_fields_by_their_labels(lead: User) -> None:
    factories.custom_field(
        key="plan", kind="choice", choices=["basic", "pro"], target="customer", label="Plan"
    )
    factories.custom_field(key="seats", kind="number", target="customer", label="Seats")
    draft = campaign(lead=lead, segment=Segment(custom={"cf_plan": "pro", "cf_seats__min": "5"}))
    page = signed_in(lead).get(reverse("outreach:detail", kwargs={"campaign_id": draft.pk}))
    text = page.content.decode()
    assert "<bdi>Plan</bdi>: <bdi>pro</bdi>" in text
    assert "<bdi>Seats from</bdi>: <bdi>5</bdi>" in text
