"""Reads for mail: the desk's own recipient addresses, the teams they route to, what was queued."""

from __future__ import annotations

from frontdesk.core.memo import for_a_while
from frontdesk.mail.models import MailRoute, OutboundMail


def mail_route_addresses() -> set[str]:
    """Every recipient address the desk has a route for, lower-cased."""
    return {a.lower() for a in MailRoute.objects.values_list("address", flat=True)}


@for_a_while
def mail_route_teams() -> dict[str, int]:
    """Each routed address, lower-cased, and the team its mail goes to."""
    return {
        address.lower(): team_id
        for address, team_id in MailRoute.objects.exclude(team=None).values_list("address", "team")
    }


def mail_queued_about(*, about: str, about_id: int) -> bool:
    """Whether a mail about this thing (`about`, `about_id`, as given to `mail_send`) was queued."""
    return OutboundMail.objects.filter(about=about, about_id=about_id).exists()
