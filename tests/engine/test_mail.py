from __future__ import annotations

import pytest

from frontdesk.engine.mail import (
    BAD_CHARSET,
    BROKEN_MIME,
    EMPTY_ATTACHMENT,
    HEADER_INJECTION,
    NO_MESSAGE_ID,
    html_to_text,
    mail_parse,
    reply_text,
)
from tests.mail import corpus


def test_a_reply_keeps_what_the_sender_wrote_and_drops_the_quoted_history() -> None:
    mail = mail_parse(corpus.english_reply(in_reply_to="<out-1@frontdesk.example>"))
    assert (
        mail.text == "Thanks, but the invoice still shows the wrong VAT rate – 20 % instead of 5 %."
    )
    assert "> Dear Mark" in mail.full_text
    assert mail.in_reply_to == ("<out-1@frontdesk.example>",)
    assert (mail.sender_name, mail.sender_email) == ("Mark Ellison", "mark@ellison.example")
    assert mail.flags == ()


@pytest.mark.parametrize(
    ("raw", "subject", "needle"),
    [
        (corpus.hungarian_latin2(), "Kétszer terhelték a kártyámat", "Üdvözlettel: Kovács Ödön"),
        (corpus.hebrew("windows-1255"), "החשבון ננעל", "החשבון שלי ננעל"),
        (corpus.hebrew("iso-8859-8"), "החשבון ננעל", "לא יכול להוציא חשבוניות"),
        (corpus.estonian_cp1257(), "Oktoobri arve puudub", "Tänan, Mari Maasikas"),
        (corpus.bosnian_alternative(), "Faktura sa greskom", "faktura sa greškom"),
    ],
)
def test_every_home_languages_charset_reads_right(raw: bytes, subject: str, needle: str) -> None:
    mail = mail_parse(raw)
    assert mail.subject == subject
    assert needle in mail.text
    assert BAD_CHARSET not in mail.flags


def test_an_encoded_sender_name_is_decoded() -> None:
    assert mail_parse(corpus.hungarian_latin2()).sender_name == "Kovács Ödön"


def test_alternative_parts_inline_images_and_encoded_file_names() -> None:
    mail = mail_parse(corpus.bosnian_alternative())
    assert "<b>faktura</b>" in mail.html
    names = [(a.name, a.content_type, a.inline) for a in mail.attachments]
    assert names == [("part1", "image/png", True), ("Faktura štampa.pdf", "application/pdf", False)]
    assert mail.attachments[1].data == b"%PDF-1.4 demo"


def test_html_only_mail_gets_readable_text_without_the_script() -> None:
    mail = mail_parse(corpus.hostile_html())
    assert mail.text == "Hello, see my invoice\nclick"
    assert "<script>" in mail.html  # kept as sent; pages sanitise it


def test_a_forwarded_message_keeps_the_forwarding_note() -> None:
    mail = mail_parse(corpus.forwarded())
    assert mail.text == "See the message below, please."


def test_broken_mail_is_read_as_far_as_it_goes_and_flagged() -> None:
    mail = mail_parse(corpus.broken())
    assert "Hello" in mail.text
    assert {NO_MESSAGE_ID, BAD_CHARSET, EMPTY_ATTACHMENT, HEADER_INJECTION, BROKEN_MIME} <= set(
        mail.flags
    )
    assert "\n" not in mail.subject
    assert "\r" not in mail.subject
    assert mail.attachments[0].name == "../../etc/passwd"  # made safe where it is stored


@pytest.mark.parametrize(
    ("raw", "automatic"),
    [(corpus.auto_reply(), True), (corpus.bounce(), True), (corpus.estonian_cp1257(), False)],
)
def test_machines_are_recognised_so_they_are_never_answered(raw: bytes, automatic: bool) -> None:
    assert mail_parse(raw).automatic is automatic


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Aitäh!\n\nN, 19. nov 2026 kell 10:00 Frontdesk kirjutas:\n> vana", "Aitäh!"),
        ("Köszönöm!\n\nFrontdesk <h@f.example> ezt írta (2026. nov. 19.):\n> régi", "Köszönöm!"),
        ("Hvala!\n\nFrontdesk je napisao:\n> staro", "Hvala!"),
        ("תודה!\n\nFrontdesk כתב:\n> ישן", "תודה!"),
        ("Danke!\n\nAm 19.11.2026 schrieb Frontdesk:\n> alt", "Danke!"),
        ("Thanks!\n-- \nMark Ellison\nCEO", "Thanks!"),
        ("Yes.\n\n-----Original Message-----\nFrom: x\nSent: y", "Yes."),
        ("> only quoted text", "> only quoted text"),
    ],
)
def test_quoted_history_is_cut_in_every_language(text: str, kept: str) -> None:
    assert reply_text(text) == kept


def test_html_to_text_keeps_lines_and_entities() -> None:
    assert html_to_text("<p>A &amp; B</p><p>C<br>D</p><style>p{}</style>") == "A & B\nC\nD"
