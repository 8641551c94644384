"""Triage every new ticket and customer message, record agents' corrections, retrain the model."""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.db import transaction

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.core.memo import for_a_while
from frontdesk.customers.models import Customer
from frontdesk.engine.answers import ANSWER_REASON, answer_applied
from frontdesk.engine.triage import (
    Contact,
    Example,
    LevelModel,
    ModelError,
    Triage,
    TriagePolicy,
    triage_contact,
)
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_triage_apply
from frontdesk.triage import runtime
from frontdesk.triage.adapters import contact_of
from frontdesk.triage.models import TriageCorrection, TriageModel
from frontdesk.triage.registry import answer_for
from frontdesk.triage.selectors import training_examples

logger = logging.getLogger(__name__)


@for_a_while
def _latest_model_version() -> tuple[int, datetime] | None:
    # A model retrained in the worker reaches other processes within seconds.
    return TriageModel.objects.order_by("-id").values_list("id", "created_at").first()


def _current_model() -> LevelModel | None:
    latest = _latest_model_version()
    if latest is None:
        return None
    return runtime.model_for(
        latest, lambda: bytes(TriageModel.objects.values_list("data", flat=True).get(pk=latest[0]))
    )


def contact_triage(*, contact: Contact, fallback_language: str) -> Triage:
    """Decide level, quick win, effort, language and tone for one contact, with the desk's
    model; a question a kept answer settles is a quick win that names the answer."""
    decision = triage_contact(
        contact,
        lexicons=runtime.lexicons(),
        detection=runtime.detection(),
        model=_current_model(),
        fallback_language=fallback_language,
    )
    match = answer_for(contact=contact, decision=decision)
    if match is None:
        return decision
    return answer_applied(decision, match, quick_win_minutes=TriagePolicy().quick_win_minutes)


def triage_warm_up() -> None:
    """Triage one made-up contact, so that the desk's model and its answer index are loaded
    (runtime.warm_up calls it)."""
    contact_triage(
        contact=Contact(
            id=None,
            channel="email",
            subject="Order question",
            body="Hello, where is my order? It has not arrived yet. Thank you.",
        ),
        fallback_language=settings.LANGUAGE_CODE,
    )


def triage_new_contact(
    *,
    customer: Customer,
    subject: str,
    body: str,
    channel: str,
    headers: Mapping[str, object],
    received_at: datetime,
    attachments: int,
    ticket_id: int | None = None,
) -> Triage:
    """Triage a contact not written yet: the first message of a ticket being opened, so the
    ticket goes in triaged, or (with `ticket_id`) a customer's new message on their ticket."""
    contact = contact_of(
        customer=customer,
        subject=subject,
        body=body,
        channel=channel,
        received_at=received_at,
        headers=headers,
        attachments=attachments,
        contact_id=None if ticket_id is None else str(ticket_id),
    )
    return contact_triage(
        contact=contact, fallback_language=customer.preferred_language or settings.LANGUAGE_CODE
    )


@transaction.atomic
def triage_correct(
    *, ticket: Ticket, agent: User, level: int, quick_win: bool
) -> TriageCorrection | None:
    """Record an agent's level and quick-win for a ticket; the model learns from it later."""
    if ticket.level == level and ticket.quick_win == quick_win:
        return None
    changed = {
        name: {"from": before, "to": after}
        for name, before, after in (
            ("level", ticket.level, level),
            ("quick_win", ticket.quick_win, quick_win),
        )
        if before != after
    }
    audit_record(actor=agent, action="level", obj=ticket, detail=changed)
    correction = TriageCorrection.objects.create(
        ticket=ticket,
        agent=agent,
        level_before=ticket.level,
        level_after=level,
        quick_win_before=ticket.quick_win,
        quick_win_after=quick_win,
    )
    # The agent's word replaces an earlier correction, and a quick win taken back loses its
    # reasons: the word list's label and the answer it was matched to.
    dropped = {"corrected"} | (set() if quick_win else {"quick", ANSWER_REASON})
    reasons = [
        r for r in (ticket.reasons or []) if isinstance(r, dict) and r.get("code") not in dropped
    ]
    ticket_triage_apply(
        ticket=ticket,
        level=level,
        quick_win=quick_win,
        effort_minutes=ticket.effort_minutes,
        language=ticket.language,
        tone=ticket.tone,
        reasons=[{"code": "corrected", "detail": agent.display_name}, *reasons],
        red_flags=None,
    )
    # One retraining per batch of corrections: at the batch's last one, not at every one after.
    pending = _corrections_pending()
    if pending and pending % settings.TRIAGE_RETRAIN_EVERY == 0:
        from frontdesk.triage.tasks import triage_retrain

        transaction.on_commit(lambda: triage_retrain.enqueue())
    return correction


def _corrections_pending() -> int:
    since = TriageModel.objects.order_by("-id").values_list("corrections", flat=True).first() or 0
    return TriageCorrection.objects.count() - since


def retrain_due() -> bool:
    """Whether enough corrections came in since the newest model was trained."""
    return _corrections_pending() >= settings.TRIAGE_RETRAIN_EVERY


def model_retrain(*, seed: int = 0, only_if_due: bool = False) -> TriageModel | None:
    """Train a new model on the desk's labelled history; None when there is too little of it."""
    if only_if_due and not retrain_due():
        return None
    examples = training_examples()
    corrections = TriageCorrection.objects.count()
    try:
        model = LevelModel.train(examples, seed=seed)
    except ModelError as error:
        logger.info("triage model not retrained: %s", error)
        return None
    accuracy = _held_out_accuracy(examples, seed=seed)
    trained = TriageModel.objects.create(
        data=model.dumps(), examples=len(examples), corrections=corrections, accuracy=accuracy
    )
    _latest_model_version.forget()
    return trained


def _held_out_accuracy(examples: list[Example], *, seed: int) -> float | None:
    shuffled = examples[:]
    random.Random(seed).shuffle(shuffled)  # noqa: S311 (a reproducible split, not a secret)
    cut = len(shuffled) // 5
    try:
        model = LevelModel.train(shuffled[cut:], seed=seed)
    except ModelError:
        return None
    held = shuffled[:cut]
    if not held:
        return None
    right = sum(model.predict(e.subject, e.body)[0] == e.level for e in held)
    return round(right / len(held), 3)
