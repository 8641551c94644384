"""The SMTP (or LMTP) listener an MTA delivers to: 250 only once the message is stored."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Envelope, Session
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from frontdesk.mail.choices import MailSource
from frontdesk.mail.services import mail_process, mail_store

logger = logging.getLogger(__name__)


class DeskHandler:
    """aiosmtpd's handler: store, answer, then file."""

    def __init__(self, source: str = MailSource.SMTP) -> None:
        self.source = source

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="surrogateescape")
        try:
            inbound = await sync_to_async(_store, thread_sensitive=True)(
                raw, self.source, envelope.mail_from or "", list(envelope.rcpt_tos)
            )
        except Exception:
            logger.exception("incoming mail could not be stored; the sender will retry")
            return "451 4.3.0 Temporarily unable to store the message, please try again"
        # Filed after the answer is decided: a message that cannot be filed is still kept.
        await sync_to_async(_process, thread_sensitive=True)(inbound)
        return f"250 2.0.0 Stored as {inbound}"


def _store(raw: bytes, source: str, sender: str, recipients: list[str]) -> Any:
    close_old_connections()
    return mail_store(raw=raw, source=source, envelope_from=sender, envelope_to=recipients)


def _process(inbound: Any) -> None:
    mail_process(inbound=inbound)


def server_factory(*, lmtp: bool = False) -> SMTP:
    """One protocol instance per connection, with the desk's size limit."""
    handler = DeskHandler(MailSource.LMTP if lmtp else MailSource.SMTP)
    protocol = LMTP if lmtp else SMTP
    return protocol(
        handler,
        data_size_limit=settings.MAIL_MAX_BYTES,
        enable_SMTPUTF8=True,
        hostname=settings.MESSAGE_ID_DOMAIN,
        ident="frontdesk",
    )


def warm_up() -> None:
    """Load what filing a message needs (language models, word lists) before the first arrives,
    so the first sender does not wait seconds for a 250."""
    from frontdesk.triage import runtime

    runtime.detection()
    runtime.lexicons()


async def listen(host: str, port: int, *, lmtp: bool = False) -> None:
    """Serve until cancelled."""
    await sync_to_async(warm_up, thread_sensitive=True)()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: server_factory(lmtp=lmtp), host=host, port=port)
    kind = "LMTP" if lmtp else "SMTP"
    print(f"frontdesk mail: {kind} on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()
