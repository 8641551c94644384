"""Writes for macros: checking them, filling them in, and applying them to a ticket."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.customers.models import Customer
from frontdesk.macros.constants import (
    HOLDING_CODE,
    PLACEHOLDERS,
    SAMPLE_CUSTOMER_NAME,
    SAMPLE_REFERENCE,
)
from frontdesk.macros.models import Macro
from frontdesk.macros.runtime import macros_version
from frontdesk.macros.selectors import macro_code_taken, macro_for
from frontdesk.tickets.choices import QUEUED_STATUSES, Level, Status
from frontdesk.tickets.constants import HOLDING_REPLY
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import (
    ticket_assign,
    ticket_reply,
    ticket_set_status,
    ticket_tags_add,
)
from frontdesk.triage.services import triage_correct

# {customer.first_name} and the like; anything else in braces is refused when saved.
PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)*)\}")
# "/hold " or "/hold" at the end of the text: a macro code typed in the reply box.
TYPED_CODE = re.compile(r"(?<![\w/])/([a-z0-9][a-z0-9_-]{0,29})(?=\s|$)")
CODE = re.compile(r"[a-z0-9][a-z0-9_-]{0,29}")


def macro_placeholders_check(text: str) -> None:
    """Refuse a text with a placeholder the desk cannot fill, naming it."""
    unknown = [name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS]
    if unknown:
        raise Invalid(
            _("Unknown placeholder {%(name)s}; use one of: %(known)s.")
            % {"name": unknown[0], "known": ", ".join("{" + p + "}" for p in PLACEHOLDERS)}
        )


def macro_save(
    *,
    code: str,
    language: str,
    name: str,
    text: str,
    set_status: str = "",
    set_level: int | None = None,
    add_tags: list[str] | None = None,
    set_assignee: User | None = None,
    suggest_for: list[str] | None = None,
    questions: Sequence[str] = (),
) -> Macro:
    """Create or change the macro for a code in a language, checking its placeholders."""
    code = code.strip().lower().lstrip("/")
    if not CODE.fullmatch(code):
        raise Invalid(_("A macro code is one word of letters, digits, - and _."))
    macro_placeholders_check(text)
    macro, _created = Macro.objects.update_or_create(
        code=code,
        language=language,
        defaults={
            "name": name or code,
            "text": text,
            "set_status": set_status,
            "set_level": set_level,
            "add_tags": add_tags or [],
            "set_assignee": set_assignee,
            "suggest_for": suggest_for or [],
            "questions": questions_text(questions),
            "active": True,
        },
    )
    _answers_changed()
    return macro


def questions_text(questions: Sequence[str]) -> str:
    """Example questions as a macro keeps them: one per line, blank ones left out."""
    return "\n".join(line for line in (" ".join(q.split()) for q in questions) if line)


def macro_render(*, macro: Macro, ticket: Ticket, agent: User | None) -> str:
    """The macro's text filled in for this ticket and agent."""
    macro_placeholders_check(macro.text)
    customer = ticket.customer
    agent_name = agent.display_name if agent else "frontdesk"
    values = {
        "customer.name": customer.name,
        "customer.first_name": customer.name.split()[0] if customer.name.split() else "",
        "agent.name": agent_name,
        "agent.first_name": (agent.first_name or agent_name) if agent else agent_name,
        "ticket.reference": ticket.reference,
        "ticket.subject": ticket.subject,
    }
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], macro.text)


def macro_expand(*, text: str, ticket: Ticket, agent: User) -> str:
    """Replace every /code typed in a reply with its macro's text; unknown codes stay as typed."""

    def replace(match: re.Match[str]) -> str:
        macro = macro_for(code=match.group(1), language=ticket.language)
        return macro_render(macro=macro, ticket=ticket, agent=agent) if macro else match.group(0)

    return TYPED_CODE.sub(replace, text)


@transaction.atomic
def macro_apply(
    *, macro: Macro, ticket: Ticket, agent: User | None, flags: Sequence[str] = ()
) -> Message | None:
    """Do what the macro says on the ticket: tags, level, assignee, then the reply (with
    `flags`) and status."""
    if macro.add_tags:
        ticket_tags_add(ticket=ticket, tags=list(macro.add_tags))
    if macro.set_level and agent is not None:
        triage_correct(ticket=ticket, agent=agent, level=macro.set_level, quick_win=False)
    if macro.set_assignee is not None and agent is not None:
        ticket_assign(ticket=ticket, actor=agent, assignee=macro.set_assignee)
    # A macro with text answers the customer; the ticket stays ours unless it says otherwise.
    status = macro.set_status or Status.OPEN
    if macro.text.strip():
        text = macro_render(macro=macro, ticket=ticket, agent=agent)
        return ticket_reply(ticket=ticket, agent=agent, text=text, status=status, flags=flags)
    if macro.set_status and agent is not None:
        ticket_set_status(ticket=ticket, actor=agent, status=macro.set_status)
    return None


def holding_reply_send(*, ticket: Ticket, agent: User | None) -> Message:
    """Send the holding reply in the ticket's language: an unusual case, it will take longer,
    and what would help. Level 1 is refused: it is owed the answer itself, not a delay."""
    if ticket.level == Level.URGENT:
        raise Invalid(
            _("This request is level 1: it needs a real answer now, not a holding reply.")
        )
    macro = macro_for(code=HOLDING_CODE, language=ticket.language)
    if macro is None:
        raise Invalid(_("There is no holding reply (macro /%(code)s).") % {"code": HOLDING_CODE})
    message = macro_apply(macro=macro, ticket=ticket, agent=agent, flags=(HOLDING_REPLY,))
    if message is None:
        raise Invalid(_("The holding reply has no text."))
    return message


def holding_replies_send_due(*, now: datetime, after_minutes: int) -> int:
    """Send the holding reply to hard cases nobody has answered for `after_minutes`; how many.
    Level 1 never gets one: a holding reply would stand in for the answer it is owed now."""
    if after_minutes <= 0:
        return 0
    waiting = (
        Ticket.objects.filter(
            status__in=QUEUED_STATUSES,
            first_responded_at__isnull=True,
            queue_since__lte=now - timedelta(minutes=after_minutes),
        )
        .exclude(level=Level.URGENT)
        .select_related("customer")
    )
    sent = 0
    for ticket in waiting:
        codes = {row.get("code") for row in ticket.reasons or [] if isinstance(row, dict)}
        if "hard" in codes:
            holding_reply_send(ticket=ticket, agent=None)
            sent += 1
    return sent


def macro_problems(
    *, code: str, language: str, text: str, macro_id: int | None = None
) -> dict[str, str]:
    """What is wrong with a macro as a lead wrote it, by field: the code's form, a code already
    used in that language, a placeholder the desk cannot fill, a language it does not speak."""
    problems: dict[str, str] = {}
    if not CODE.fullmatch(code):
        problems["code"] = _("A macro code is one word of letters, digits, - and _.")
    elif macro_code_taken(code=code, language=language, macro_id=macro_id):
        problems["code"] = _("There is a macro /%(code)s in this language already.") % {
            "code": code
        }
    if language and language not in dict(settings.LANGUAGES):
        problems["language"] = _("The desk does not speak “%(language)s”.") % {"language": language}
    try:
        macro_placeholders_check(text)
    except Invalid as error:
        problems["text"] = str(error)
    return problems


def _problems_raise(problems: dict[str, str]) -> None:
    if problems:
        field, message = next(iter(problems.items()))
        raise Invalid(f"{field}: {message}")


def lead_check(actor: User) -> None:
    """Refuse an agent who is no lead or admin: only they change the desk's macros."""
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change the desk's macros."))


@dataclass(frozen=True)
class MacroFields:
    """A macro as a lead writes it, on a page or through the API."""

    code: str
    language: str
    name: str
    text: str
    set_status: str = ""
    set_level: int | None = None
    add_tags: list[str] = field(default_factory=list)
    set_assignee: User | None = None
    suggest_for: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    active: bool = True

    def values(self) -> dict[str, object]:
        """The fields by name, a name left empty taking the code, the questions one per line."""
        values = {item.name: getattr(self, item.name) for item in dataclass_fields(self)}
        return values | {
            "name": self.name or self.code,
            "questions": questions_text(self.questions),
        }

    def cleaned(self) -> MacroFields:
        """The same with the code as typed in a reply ("/Refund " → "refund")."""
        return replace(self, code=self.code.strip().lower().lstrip("/"), name=self.name.strip())


def macro_create(*, actor: User, fields: MacroFields) -> Macro:
    """Add a macro (leads and admins); a code may have one macro per language."""
    lead_check(actor)
    fields = fields.cleaned()
    _problems_raise(macro_problems(code=fields.code, language=fields.language, text=fields.text))
    values = fields.values()
    macro = Macro.objects.create(**values)
    _answers_changed()
    return macro


def macro_update(*, actor: User, macro: Macro, fields: MacroFields) -> Macro:
    """Change a macro (leads and admins), checked as when it was added."""
    lead_check(actor)
    fields = fields.cleaned()
    _problems_raise(
        macro_problems(
            code=fields.code, language=fields.language, text=fields.text, macro_id=macro.pk
        )
    )
    values = fields.values()
    for name, value in values.items():
        setattr(macro, name, value)
    macro.save(update_fields=[*values, "updated_at"])
    _answers_changed()
    return macro


def macro_delete(*, actor: User, macro: Macro) -> None:
    """Remove a macro for good (leads and admins); to keep it but stop it, deactivate it."""
    lead_check(actor)
    macro.delete()
    _answers_changed()


def _answers_changed() -> None:
    # This process matches new contacts against the changed macros at once; others within
    # the memo's few seconds.
    macros_version.forget()


def macro_preview(*, text: str, agent: User) -> str:
    """The text as a customer would read it, filled in the way the reply box fills it, for a
    sample customer and ticket (nothing is saved)."""
    customer = Customer(name=SAMPLE_CUSTOMER_NAME)
    ticket = Ticket(
        customer=customer, reference=SAMPLE_REFERENCE, subject=_("Where is my invoice?")
    )
    return macro_render(macro=Macro(text=text), ticket=ticket, agent=agent)
