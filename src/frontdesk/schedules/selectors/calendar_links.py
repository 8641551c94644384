"""Reads for an agent's calendar link: the address to show them, and whose a link is."""

from __future__ import annotations

from django.core import signing

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import agent_list
from frontdesk.schedules.constants import FEED_KEY_SALT, FEED_SALT
from frontdesk.schedules.models import CalendarFeedKey


def calendar_link_token(*, agent: User) -> str:
    """The signed part of the agent's calendar link: their id and current key, or their id
    alone while they have never made a new link (the link they may have subscribed to)."""
    found = CalendarFeedKey.objects.filter(agent=agent).first()
    if found is None:
        return signing.dumps(agent.pk, salt=FEED_SALT)
    return signing.Signer(salt=FEED_KEY_SALT).sign_object([agent.pk, found.key])


def calendar_link_agent(*, token: str) -> User | None:
    """The active agent whose current calendar link this is; None for a forged, an ended or a
    foreign link."""
    try:
        signed = signing.Signer(salt=FEED_KEY_SALT).unsign_object(token)
    except signing.BadSignature:
        try:
            agent_id = signing.loads(token, salt=FEED_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(agent_id, int):
            return None
        # A link from before links had keys: good until the agent first makes a new one.
        return agent_list().filter(pk=agent_id, calendar_feed_key__isnull=True).first()
    if not (isinstance(signed, list) and len(signed) == 2):
        return None
    agent_id, key = signed
    if not isinstance(agent_id, int) or not isinstance(key, str):
        return None
    return agent_list().filter(pk=agent_id, calendar_feed_key__key=key).first()
