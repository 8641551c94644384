"""A ticket's tags: the words agents file tickets under, kept trimmed, lower-case and few."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Invalid
from frontdesk.engine.text import tag_clean
from frontdesk.tickets.constants import TAG_COUNT, TAG_LENGTH
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import ticket_tags_in_use
from frontdesk.tickets.services._common import ticket_note_system


def tags_normalise(*, tags: Iterable[str]) -> list[str]:
    """The tags cleaned, each once, in order; Invalid when one is too long or they are too many."""
    clean: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise Invalid(_("A tag is text."))
        word = tag_clean(tag)
        if not word or word in clean:
            continue
        if len(word) > TAG_LENGTH:
            raise Invalid(
                _("The tag “%(tag)s…” is longer than %(count)d characters.")
                % {"tag": word[:20], "count": TAG_LENGTH}
            )
        # Commas separate tags where people type several; inside one they would split it.
        if "," in word:
            raise Invalid(_("A tag cannot contain a comma."))
        clean.append(word)
    if len(clean) > TAG_COUNT:
        raise Invalid(_("A ticket has at most %(count)d tags.") % {"count": TAG_COUNT})
    return clean


def ticket_tags_set(*, ticket: Ticket, tags: Iterable[str], actor: User) -> Ticket:
    """Replace the ticket's tags with `tags`, normalised; Invalid for a bad tag or too many."""
    clean = tags_normalise(tags=tags)
    before = list(ticket.tags or [])
    if clean != before:
        with transaction.atomic():
            ticket.tags = clean
            ticket.updated_at = timezone.now()
            ticket.save(update_fields=["tags", "updated_at"])
            ticket_note_system(
                ticket=ticket,
                actor=actor,
                text=f"Tags: {', '.join(before) or '—'} → {', '.join(clean) or '—'}",
                event={"code": "tags", "from": before, "to": clean},
            )
            audit_record(
                actor=actor, action="tags", obj=ticket, detail={"from": before, "to": clean}
            )
        # The agent who added a tag finds it among the suggestions on the next ticket.
        ticket_tags_in_use.forget()
    return ticket
