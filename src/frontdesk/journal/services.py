"""Writes for the journal: a log line read, and saved once it is certain or confirmed."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.config.errors import Invalid
from frontdesk.customers.choices import InteractionKind
from frontdesk.customers.models import Customer, Interaction
from frontdesk.customers.services import customer_create, interaction_record
from frontdesk.engine.journal import LogLine, Person, parse_log_line
from frontdesk.journal.constants import TIME_WORDS
from frontdesk.journal.selectors import agent_people, customer_candidates, log_codes


def log_line_read(*, line: str, writer: User, now: datetime | None = None) -> LogLine:
    """What a log line says, matched against the desk's customers and agents; saves nothing."""
    now = timezone.localtime(now or timezone.now())
    first_field = line.strip().split(".", 1)[0]
    return parse_log_line(
        line,
        now=now,
        customers=customer_candidates(typed=first_field),
        agents=agent_people(),
        me=Person(id=writer.pk, name=writer.display_name),
        codes=log_codes(),
        time_words=TIME_WORDS,
    )


@transaction.atomic
def log_line_save(
    *,
    line: str,
    writer: User,
    customer_id: int | None = None,
    new_customer: bool = False,
    now: datetime | None = None,
) -> Interaction:
    """Put a log line on the customer's timeline. An uncertain line is saved only with the
    writer's choice: the customer picked from the candidates, or a new customer confirmed."""
    parsed = log_line_read(line=line, writer=writer, now=now)
    if parsed.customer is None:
        raise Invalid("; ".join(parsed.warnings) or _("There is nothing to log."))
    customer = _customer(parsed, customer_id=customer_id, new_customer=new_customer)
    agent = writer
    if parsed.agent is not None and parsed.agent.person is not None:
        agent = User.objects.get(pk=parsed.agent.person.id)
    elif parsed.agent is not None and parsed.agent.typed:
        raise Invalid(_("No agent called “%(name)s”.") % {"name": parsed.agent.typed})
    bad_time = [w for w in parsed.warnings if "not a time" in w]
    if bad_time:
        raise Invalid(bad_time[0])
    return interaction_record(
        customer=customer,
        kind=InteractionKind.NOTE,
        summary=parsed.topic or _("(no topic)"),
        agent=agent,
        occurred_at=parsed.at,
    )


def _customer(parsed: LogLine, *, customer_id: int | None, new_customer: bool) -> Customer:
    match = parsed.customer
    assert match is not None
    if match.person is not None and customer_id in (None, match.person.id):
        return Customer.objects.get(pk=match.person.id)
    if customer_id is not None:
        allowed = {person.id for person, _score in match.candidates}
        if match.person is not None:
            allowed.add(match.person.id)
        if customer_id not in allowed:
            raise Invalid(_("That customer was not one of the choices for this line."))
        return Customer.objects.get(pk=customer_id)
    if match.is_new and new_customer:
        return customer_create(name=match.typed.strip())
    if match.is_new:
        raise Invalid(
            _("No customer called “%(name)s” yet: confirm to create one.") % {"name": match.typed}
        )
    raise Invalid(_("“%(name)s” could be several customers: choose one.") % {"name": match.typed})


def log_line_json(parsed: LogLine) -> dict[str, object]:
    """The parse as the `frontdesk log --json` contract prints it."""

    def who(match: object) -> dict[str, object] | None:
        if match is None:
            return None
        person = getattr(match, "person", None)
        return {
            "name": person.name if person else getattr(match, "typed", ""),
            "id": person.id if person else None,
            "candidates": [
                {"id": candidate.id, "name": candidate.name, "score": round(score, 1)}
                for candidate, score in getattr(match, "candidates", ())
            ],
        }

    return {
        "customer": who(parsed.customer),
        "agent": who(parsed.agent),
        "topic": parsed.topic,
        "at": parsed.at.isoformat(),
        "codes": list(parsed.codes),
        "actions": [
            {"kind": action.kind, "due": action.due.isoformat(), "text": action.text}
            for action in parsed.actions
        ],
        "warnings": list(parsed.warnings),
        "certain": parsed.certain,
    }
