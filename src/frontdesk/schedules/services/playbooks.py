"""Writes for playbooks set up by a lead: the same moment in another language."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.schedules.models import Playbook
from frontdesk.schedules.selectors.playbooks import playbook_exists


def playbook_language_add(*, actor: User, source: Playbook, language: str) -> Playbook:
    """Start a playbook for the same moment in another language, from `source`'s title and steps
    for the lead to translate."""
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change the playbooks."))
    if language not in dict(settings.LANGUAGES):
        raise Invalid(_("The desk does not speak “%(language)s”.") % {"language": language})
    if playbook_exists(moment=source.moment, language=language):
        raise Invalid(_("This moment has a playbook in this language already."))
    return Playbook.objects.create(
        moment=source.moment,
        language=language,
        title=source.title,
        steps=list(source.steps),
        updated_by=actor,
    )
