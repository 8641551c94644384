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


@pytest.mark.parametrize(
    ("sender", "name", "address", "flag"),
    [
        # An encoded word is a display name, never an address, whatever it decodes to; a name
        # that names another address is dropped, so nobody takes the sender for its owner.
        (
            "=?utf-8?q?victim=40bank=2Eexample?= <attacker@evil.example>",
            "",
            "attacker@evil.example",
            "misleading-name",
        ),
        (
            '"victim@bank.example" <attacker@evil.example>',
            "",
            "attacker@evil.example",
            "misleading-name",
        ),
        (
            "victim@bank.example <attacker@evil.example>",
            "",
            "attacker@evil.example",
            "misleading-name",
        ),
        (
            '"Victoria <victim@bank.example>" <attacker@evil.example>',
            "",
            "attacker@evil.example",
            "misleading-name",
        ),
        (
            "=?utf-8?q?Victoria_=3Cvictim=40bank=2Eexample=3E?= <attacker@evil.example>",
            "",
            "attacker@evil.example",
            "misleading-name",
        ),
        (
            "attacker@evil.example (victim@bank.example)",
            "",
            "attacker@evil.example",
            "misleading-name",
        ),
        # A line break in the name is an attempt to add a header: flagged, never an address.
        (
            "=?utf-8?q?Victoria=0D=0ABcc=3A_victim=40bank=2Eexample?= <attacker@evil.example>",
            "",
            "attacker@evil.example",
            "header-injection",
        ),
        (
            "=?utf-8?q?Victoria=0D=0AX-Priority=3A_1?= <attacker@evil.example>",
            "Victoria X-Priority: 1",
            "attacker@evil.example",
            "header-injection",
        ),
        # One sender or none: several addresses, a group or two brackets name nobody for sure.
        ("victim@bank.example, attacker@evil.example", "", "", "ambiguous-sender"),
        ("Victoria <victim@bank.example> <attacker@evil.example>", "", "", "ambiguous-sender"),
        ("Bank: victim@bank.example;", "", "", "ambiguous-sender"),
        ("undisclosed-recipients:;", "", "", "no-sender"),
        ("<>", "", "", "no-sender"),
        ("Victoria <>", "Victoria", "", "no-sender"),
        # What is inside the brackets is never decoded, and must be a whole address.
        ("Victoria <=?utf-8?q?victim=40bank=2Eexample?=>", "Victoria", "", "no-sender"),
        ("=?utf-8?q?victim=40bank=2Eexample?=", "", "", "no-sender"),
        ('Victoria <"victim@bank.example"@evil.example>', "Victoria", "", "no-sender"),
        ("Victoria <victim@bank.example@evil.example>", "Victoria", "", "no-sender"),
        ("Victoria <victim@bank.example", "Victoria", "", "no-sender"),
        ("Victoria <victim@localhost>", "Victoria", "", "no-sender"),
    ],
)
def test_the_sender_is_the_address_in_the_raw_headers_brackets(
    sender: str, name: str, address: str, flag: str
) -> None:
    mail = mail_parse(corpus.plain(sender=sender))
    assert (mail.sender_name, mail.sender_email) == (name, address)
    assert flag in mail.flags


@pytest.mark.parametrize(
    ("sender", "name", "address"),
    [
        (
            '"Ellison, Mark \\"the boss\\"" <mark@ellison.example>',
            'Ellison, Mark "the boss"',
            "mark@ellison.example",
        ),
        (
            "mark@ellison.example <mark@ellison.example>",
            "mark@ellison.example",
            "mark@ellison.example",
        ),
        ("Mark Ellison <Mark@Ellison.Example>", "Mark Ellison", "mark@ellison.example"),
        ("mark@ellison.example (Mark Ellison)", "Mark Ellison", "mark@ellison.example"),
        (
            "=?iso-8859-2?Q?Kov=E1cs_=D6d=F6n?= <odon@kovacs.example>",
            "Kovács Ödön",
            "odon@kovacs.example",
        ),
    ],
)
def test_what_real_mail_programs_write_reads_as_before_and_unflagged(
    sender: str, name: str, address: str
) -> None:
    mail = mail_parse(corpus.plain(sender=sender))
    assert (mail.sender_name, mail.sender_email) == (name, address)
    assert not mail.flags


def test_reply_to_and_sender_headers_never_name_the_sender() -> None:
    extra = (("Reply-To", "victim@bank.example"), ("Sender", "victim@bank.example"))
    mail = mail_parse(corpus.plain(sender="Eve <attacker@evil.example>", extra=extra))
    assert mail.sender_email == "attacker@evil.example"


def test_two_from_headers_name_no_sender() -> None:
    extra = (("From", "Eve <attacker@evil.example>"),)
    mail = mail_parse(corpus.plain(sender="Victoria <victim@bank.example>", extra=extra))
    assert mail.sender_email == ""
    assert "ambiguous-sender" in mail.flags


def test_message_ids_are_read_as_written_never_decoded() -> None:
    extra = (("In-Reply-To", "=?utf-8?q?=3Cvictim-1=40bank=2Eexample=3E?="),)
    assert mail_parse(corpus.plain(extra=extra)).in_reply_to == ()


def test_a_message_id_too_long_to_keep_is_no_message_id() -> None:
    mail = mail_parse(corpus.plain(message_id="<" + "x" * 300 + "@bank.example>"))
    assert mail.message_id == ""
    assert NO_MESSAGE_ID in mail.flags


def test_raw_utf8_headers_read_as_utf8() -> None:
    raw = corpus.plain(sender="Victoria <victim@bank.example>", subject="Pay")
    raw = raw.replace(b"Victoria", "Kovács Ödön".encode()).replace(b"Pay", "Kétszer".encode())
    mail = mail_parse(raw)
    assert (mail.sender_name, mail.subject) == ("Kovács Ödön", "Kétszer")
    assert mail.headers["From"] == "Kovács Ödön <victim@bank.example>"


def test_nul_bytes_are_removed_from_what_is_read_and_flagged() -> None:
    mail = mail_parse(corpus.with_nul_bytes())
    assert (mail.subject, mail.sender_name, mail.text) == (
        "Invoice question",
        "Nul Sender",
        "My invoice is attached.",
    )
    assert mail.attachments[0].name == "invoice.bin"
    assert mail.attachments[0].data == b"\x00\x01binary\x00"  # the file is kept as sent
    assert not any("\x00" in value for value in mail.headers.values())
    assert "nul-removed" in mail.flags


def test_a_3000_deep_multipart_is_read_as_far_as_it_goes_and_flagged() -> None:
    mail = mail_parse(corpus.nested(3000))
    assert mail.text == "Hello, read me first."
    assert mail.subject == "Nested"
    assert "too-deep" in mail.flags


def test_text_a_charset_decodes_to_lone_surrogates_is_kept_readable() -> None:
    raw = corpus.plain(text="+2D0-ok").replace(b"charset=utf-8", b"charset=utf-7")
    mail = mail_parse(raw)
    assert mail.text.encode("utf-8")  # no lone surrogate a database would refuse
    assert mail.text.endswith("ok")


def test_deeply_nested_comments_in_an_address_header_are_read_without_recursion() -> None:
    extra = (("Cc", "(" * 5000 + "x"),)
    raw = corpus.plain(extra=extra).replace(b"To: help@frontdesk.example", b"To: " + b"(" * 5000)
    mail = mail_parse(raw)
    assert mail.to == ()
    assert mail.sender_email == "victim@bank.example"


def test_recipients_are_read_from_lists_and_groups() -> None:
    to = 'Desk <help@frontdesk.example>, "Sales, EU" <sales@frontdesk.example>, Team: a@x.example;'
    raw = corpus.plain().replace(b"To: help@frontdesk.example", b"To: " + to.encode())
    assert mail_parse(raw).to == (
        "help@frontdesk.example",
        "sales@frontdesk.example",
        "a@x.example",
    )
