"""A playbook's flowchart in a real browser: an agent answers its questions with the keyboard,
right to left in Hebrew, sees their own break time in the phrases, goes back and on; a lead
sees the picture of the graph."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.schedules.models import Playbook
from frontdesk.schedules.services import break_add
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def shipped_playbooks() -> None:
    """A transactional test starts with empty tables; put back what the data migrations ship."""
    factories.playbooks_shipped()


def test_an_agent_clicks_through_a_branch_with_the_keyboard_in_hebrew(
    browser: Browser, live_server: LiveServer
) -> None:
    now = timezone.now().astimezone(UTC)
    lead = factories.agent(role="lead")
    eli = factories.agent(language="he")
    factories.shift_around(lead=lead, agent=eli, now=now)
    zone = factories.desk_open(lead=lead, now=now)
    start = (now + timedelta(minutes=12)).replace(second=0, microsecond=0)
    break_add(actor=lead, agent=eli, start=start, minutes=15)
    end = (start + timedelta(minutes=15)).astimezone(zone).strftime("%H:%M")
    page = agent_page(browser, live_server, eli, path="/desk/schedule/playbooks/people-waiting/")
    steps = page.locator("#playbook-walk")

    expect(page.locator("article.playbook")).to_have_attribute("dir", "rtl")
    expect(steps.locator(".here .question")).to_have_text("האם לקוח מקבל שירות ממך כרגע?")
    # "No" (לא): nobody is being served, so straight on to telling the queue.
    page.get_by_role("link", name="לא", exact=True).focus()
    page.keyboard.press("Enter")
    expect(steps.locator(".here blockquote")).to_contain_text(f"אחזור בשעה {end}")
    expect(steps.locator(".passed .answered strong")).to_have_text("לא")
    expect(page).to_have_url(
        f"{live_server.url}/desk/schedule/playbooks/people-waiting/?language=he&at=serving,tell"
    )
    # The next button has the focus after the swap: Enter goes on to the next question.
    expect(page.locator(":focus")).to_have_text("בוצע, לשלב הבא")
    page.keyboard.press("Enter")
    expect(steps.locator(".here .question")).to_have_text("האם ללקוח הבא יש שאלה קצרה?")
    expect(page.locator(":focus")).to_have_text("כן")
    page.keyboard.press("Enter")
    expect(steps.locator(".here")).to_contain_text("לענות עליה לפני ההפסקה.")
    # Back undoes the last answer; the other branch leads to the hand-over, the end.
    page.get_by_role("link", name="חזרה").click()
    expect(steps.locator(".here .question")).to_have_text("האם ללקוח הבא יש שאלה קצרה?")
    page.get_by_role("link", name="לא", exact=True).click()
    expect(steps.locator(".here")).to_contain_text("להעביר לעמית את מי שממתין במיוחד לך.")
    expect(steps.locator(".here .done")).to_have_text("זה סוף מדריך הפעולה.")
    expect(steps.locator("li")).to_have_count(4)


def test_a_lead_sees_the_flowchart_as_a_picture_and_as_text(
    browser: Browser, live_server: LiveServer
) -> None:
    lead = factories.agent(role="lead")
    playbook = Playbook.objects.get(moment="not-warned", language="en")
    page = agent_page(browser, live_server, lead, path=f"/desk/settings/playbooks/{playbook.pk}/")
    drawing = page.locator("svg.playbook-drawing")

    expect(drawing).to_be_visible()
    expect(drawing.locator("g.node")).to_have_count(8)
    expect(drawing.locator("text.edge-label")).to_have_count(6)
    expect(page.locator(".playbook-outline li")).to_have_count(8)
    box = drawing.bounding_box()
    assert box is not None
    assert box["width"] > 400  # three branches side by side, not squeezed
