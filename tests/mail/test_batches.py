"""Group commit on a lane, over a real SMTP socket: the messages that wait while the lane files
are stored and filed together, in order, and one that cannot be filed loses none of the others."""

from __future__ import annotations

import smtplib
import threading
import time
from collections.abc import Iterator

import pytest

from frontdesk.mail import listener, registry
from frontdesk.mail.inbound import mail_process_many
from frontdesk.mail.listener import Lanes, server_factory, warm_up
from frontdesk.mail.models import InboundMail
from frontdesk.mail.registry import Filer
from frontdesk.tickets.models import Ticket
from tests.mail import corpus
from tests.mail.conftest import serving

pytestmark = pytest.mark.django_db(transaction=True)


class Gate:
    """Holds the lane in the filing of the first message until opened, so that what arrives
    meanwhile waits for the next batch; files a message naming <bad@...> by raising."""

    def __init__(self, filer: Filer) -> None:
        self.filer = filer
        self.opened = threading.Event()
        self.batches: list[list[str]] = []

    def file(self, inbound: InboundMail) -> None:
        self.opened.wait(timeout=30)
        if b"<bad@" in bytes(inbound.raw):
            raise RuntimeError("this one cannot be filed")
        self.filer.file(inbound)


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, Lanes, Gate]]:
    warm_up()
    gate = Gate(registry.filer())
    monkeypatch.setattr(registry, "_filer", Filer(file=gate.file, warm_up=gate.filer.warm_up))

    def batches_seen(*, inbounds: list[InboundMail]) -> list[InboundMail]:
        gate.batches.append([i.header_message_id or _message_id(i) for i in inbounds])
        return mail_process_many(inbounds=inbounds)

    monkeypatch.setattr(listener, "mail_process_many", batches_seen)
    lanes = Lanes(1, batch=32)
    try:
        with serving(lambda: server_factory(lanes=lanes)) as (port, _loop):
            yield port, lanes, gate
    finally:
        gate.opened.set()
        lanes.stop()


def _message_id(inbound: InboundMail) -> str:
    raw = bytes(inbound.raw)
    start = raw.index(b"Message-ID: ") + len(b"Message-ID: ")
    return raw[start : raw.index(b"\r\n", start)].decode()


def _send(port: int, raw: bytes, answers: list[int]) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.sendmail("someone@example.com", ["help@frontdesk.example"], raw)
        answers.append(250)  # sendmail raises on anything else


def _behind_the_gate(gated: tuple[int, Lanes, Gate], raws: list[bytes], answers: list[int]) -> None:
    """Send each message on a connection of its own while the lane is held at the gate, one
    after another so that they wait on the lane in this order; then open the gate and wait
    until everything is filed."""
    port, lanes, gate = gated
    senders = []
    for raw in raws:
        sending = threading.Thread(target=_send, args=(port, raw, answers))
        sending.start()
        senders.append(sending)
        deadline = time.monotonic() + 30
        while lanes.waiting < 1 + len(senders) and time.monotonic() < deadline:
            time.sleep(0.02)
    gate.opened.set()
    for sending in senders:
        sending.join(timeout=30)
    assert lanes.wait_idle(timeout=30)


def _plain(n: int, *, message_id: str = "") -> bytes:
    return corpus.plain(
        sender=f"Customer {n} <customer{n}@example.com>",
        subject=f"Question {n}",
        message_id=message_id or f"<q-{n}@example.com>",
    )


def test_what_waits_on_a_lane_is_filed_in_one_batch_and_a_bad_message_loses_no_other(
    gated: tuple[int, Lanes, Gate],
) -> None:
    port, _lanes, gate = gated
    answers: list[int] = []
    _send(port, _plain(0), answers)  # answered once stored; its filing waits at the gate
    later = [_plain(1), _plain(2, message_id="<bad@example.com>"), _plain(3)]
    _behind_the_gate(gated, later, answers)

    assert answers == [250, 250, 250, 250]
    assert gate.batches == [
        ["<q-0@example.com>"],
        ["<q-1@example.com>", "<bad@example.com>", "<q-3@example.com>"],
    ]
    states = dict(InboundMail.objects.values_list("header_message_id", "state"))
    assert states == {
        "<q-0@example.com>": "processed",
        "<q-1@example.com>": "processed",
        "": "failed",  # kept whole, to be filed again once whatever failed is fixed
        "<q-3@example.com>": "processed",
    }
    assert sorted(Ticket.objects.values_list("subject", flat=True)) == [
        "Question 0",
        "Question 1",
        "Question 3",
    ]


def test_a_reply_waiting_in_the_same_batch_joins_the_ticket_its_original_opens(
    gated: tuple[int, Lanes, Gate],
) -> None:
    port, _lanes, gate = gated
    answers: list[int] = []
    _send(port, _plain(0), answers)
    original = corpus.estonian_cp1257()
    reply = corpus.english_reply(message_id="<r-1@x>", in_reply_to="<et-1@posti.example>")
    _behind_the_gate(gated, [original, reply], answers)

    assert gate.batches[1] == ["<et-1@posti.example>", "<r-1@x>"]
    ticket = Ticket.objects.get(messages__message_id="<et-1@posti.example>")
    assert list(ticket.messages.filter(direction="in").values_list("message_id", flat=True)) == [
        "<et-1@posti.example>",
        "<r-1@x>",
    ]
