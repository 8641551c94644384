"""One reply written on a problem, sent to every customer whose ticket is open in it, each in
their language, as a normal ticket reply (mail, threading and the portal as for any reply)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.macros.selectors import macro_for
from frontdesk.problems.choices import ProblemStatus
from frontdesk.problems.constants import REPLY_PLACEHOLDERS
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import problem_tickets
from frontdesk.problems.services.membership import _lead_only
from frontdesk.tickets.choices import Status
from frontdesk.tickets.constants import PROBLEM_REPLY
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.selectors import reader_language
from frontdesk.tickets.services import ticket_reply
from frontdesk.tickets.tone_selectors import ReplyToneWarning, reply_tone_check

PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)*)\}")


class ProblemToneHeld(Invalid):
    """A problem reply that reads badly in some language was not sent; `warnings` says where."""

    def __init__(self, warnings: dict[str, list[ReplyToneWarning]]) -> None:
        self.warnings = warnings
        super().__init__(
            _(
                "The reply may read badly to the customers; nothing was sent. "
                "Revise it or send it anyway."
            )
        )


@dataclass(frozen=True)
class ProblemReplySent:
    """What a problem reply did: the replies recorded, and how many went out in each language."""

    messages: list[Message]
    languages: Mapping[str, int]


def reply_language_of(ticket: Ticket) -> str:
    """The language a customer reads the problem's reply in (`reader_language`)."""
    return reader_language(ticket)


def problem_reply_audience(*, problem: Problem) -> Counter[str]:
    """How many open tickets of the problem read each language."""
    return Counter(reply_language_of(t) for t in problem_tickets(problem=problem, open_only=True))


def problem_reply_texts_from_macro(*, code: str) -> dict[str, str]:
    """A macro's text in each of the desk's languages (its own version, else the one for any
    language, else English), to fill a problem reply; empty for an unknown code."""
    texts = {}
    for language, _name in settings.LANGUAGES:
        macro = macro_for(code=code.strip().lstrip("/"), language=language)
        if macro is not None and macro.text.strip():
            texts[language] = macro.text
    return texts


def problem_reply_placeholders_check(texts: Mapping[str, str]) -> None:
    """Refuse texts with a placeholder the desk cannot fill, naming it and its language."""
    for language, text in texts.items():
        for name in PLACEHOLDER.findall(text):
            if name not in REPLY_PLACEHOLDERS:
                raise Invalid(
                    _(
                        "Unknown placeholder {%(name)s} in the %(language)s reply; nothing was "
                        "sent. Use one of: %(known)s."
                    )
                    % {
                        "name": name,
                        "language": language,
                        "known": ", ".join("{" + p + "}" for p in REPLY_PLACEHOLDERS[:6]),
                    }
                )


def _tone_warnings(
    written: Mapping[str, str], chosen: list[tuple[Ticket, str]]
) -> dict[str, list[ReplyToneWarning]]:
    # One text reaches every customer of its language, so it is read as the most upset or
    # urgent of them needs it: casual words are flagged if any one calls for care.
    readers: dict[str, list[Ticket]] = {}
    for ticket, language in chosen:
        readers.setdefault(language, []).append(ticket)
    warnings = {}
    for language, tickets in sorted(readers.items()):
        found = reply_tone_check(
            text=written[language],
            language=language,
            level=min(ticket.level for ticket in tickets),
            tone=min((ticket.tone for ticket in tickets if ticket.tone is not None), default=None),
        )
        if found:
            warnings[language] = found
    return warnings


def _render(text: str, *, ticket: Ticket, problem: Problem, agent: User) -> str:
    name = ticket.customer.name
    first = name.split()[0] if name.split() else ""
    values = {
        "customer_name": name,
        "customer_first_name": first,
        "reference": ticket.reference,
        "subject": ticket.subject,
        "problem": problem.title,
        "agent_name": agent.display_name,
        "customer.name": name,
        "customer.first_name": first,
        "agent.name": agent.display_name,
        "agent.first_name": agent.first_name or agent.display_name,
        "ticket.reference": ticket.reference,
        "ticket.subject": ticket.subject,
    }
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def problem_reply_send(
    *,
    problem: Problem,
    agent: User,
    texts: Mapping[str, str],
    status: str = Status.WAITING,
    tone_accepted: bool = False,
) -> ProblemReplySent:
    """Answer every open ticket of the problem at once (leads only), each customer in their
    language, falling back to the desk's default language's text.

    All or nothing: a missing text, an unknown placeholder, or (unless `tone_accepted`) a reply
    that reads badly refuses the whole send before anything is recorded or mailed.
    """
    _lead_only(agent)
    if problem.status != ProblemStatus.OPEN:
        raise Invalid(_("This problem is solved: it takes no more tickets."))
    written = {language: text.strip() for language, text in texts.items() if text.strip()}
    if not written:
        raise Invalid(_("Write the reply in at least one language."))
    problem_reply_placeholders_check(written)
    tickets = list(problem_tickets(problem=problem, open_only=True))
    if not tickets:
        raise Invalid(_("The problem has no open tickets to answer."))
    chosen: list[tuple[Ticket, str]] = []
    for ticket in tickets:
        language = reply_language_of(ticket)
        if language not in written:
            language = settings.LANGUAGE_CODE
        if language not in written:
            raise Invalid(
                _(
                    "%(reference)s reads %(language)s and there is no reply in it nor in "
                    "the desk's default language; nothing was sent."
                )
                % {"reference": ticket.reference, "language": reply_language_of(ticket)}
            )
        chosen.append((ticket, language))
    if not tone_accepted:
        warnings = _tone_warnings(written, chosen)
        if warnings:
            raise ProblemToneHeld(warnings)
    messages = []
    with transaction.atomic():
        for ticket, language in chosen:
            text = _render(written[language], ticket=ticket, problem=problem, agent=agent)
            messages.append(
                ticket_reply(
                    ticket=ticket, agent=agent, text=text, status=status, flags=[PROBLEM_REPLY]
                )
            )
    return ProblemReplySent(messages, Counter(language for _t, language in chosen))
