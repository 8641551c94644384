"""Real-world-shaped messages in the five home languages and the encodings mail programs use.

Each is built as the bytes a mail program sends, so the tests read them the way the desk does.
"""

from __future__ import annotations

import base64
import quopri

CRLF = b"\r\n"


def _message(headers: list[tuple[str, str]], body: bytes) -> bytes:
    head = CRLF.join(f"{name}: {value}".encode("ascii") for name, value in headers)
    return head + CRLF + CRLF + body


def english_reply(message_id: str = "<en-1@mail.example>", in_reply_to: str = "") -> bytes:
    """A reply from Gmail in UTF-8 quoted-printable, with the quoted history below it."""
    text = (
        "Thanks, but the invoice still shows the wrong VAT rate – 20 % instead of 5 %.\n\n"
        "On Mon, 23 Nov 2026 at 09:12, Frontdesk <help@frontdesk.example> wrote:\n"
        "> Dear Mark, we have corrected the VAT rate.\n> Kind regards\n"
    )
    headers = [
        ("From", "Mark Ellison <mark@ellison.example>"),
        ("To", "help@frontdesk.example"),
        ("Subject", "Re: Wrong VAT rate [FD-7K3QX2]"),
        ("Message-ID", message_id),
        ("Date", "Mon, 23 Nov 2026 10:01:00 +0000"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ]
    if in_reply_to:
        headers += [("In-Reply-To", in_reply_to), ("References", in_reply_to)]
    return _message(headers, quopri.encodestring(text.encode("utf-8")))


def hungarian_latin2() -> bytes:
    """Hungarian in ISO-8859-2 with an encoded-word subject (ő and ű exist only there)."""
    subject = "=?iso-8859-2?Q?K=E9tszer_terhelt=E9k_a_k=E1rty=E1mat?="
    text = (
        "Jó napot! Kétszer terhelték a kártyámat, kérem a visszatérítést. Üdvözlettel: Kovács Ödön"
    )
    return _message(
        [
            ("From", "=?iso-8859-2?Q?Kov=E1cs_=D6d=F6n?= <odon@kovacs.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", subject),
            ("Message-ID", "<hu-1@freemail.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=ISO-8859-2"),
            ("Content-Transfer-Encoding", "quoted-printable"),
        ],
        quopri.encodestring(text.encode("iso-8859-2")),
    )


def hebrew(charset: str = "windows-1255") -> bytes:
    """Hebrew in a single-byte Hebrew charset, base64 encoded."""
    text = "שלום, החשבון שלי ננעל ואני לא יכול להוציא חשבוניות. דחוף!"
    codec = {"windows-1255": "cp1255", "iso-8859-8": "iso-8859-8"}[charset]
    return _message(
        [
            ("From", "Rami Cohen <rami@cohen.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "=?utf-8?B?" + base64.b64encode("החשבון ננעל".encode()).decode() + "?="),
            ("Message-ID", f"<he-{charset}@walla.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", f"text/plain; charset={charset}"),
            ("Content-Transfer-Encoding", "base64"),
        ],
        base64.encodebytes(text.encode(codec)),
    )


def estonian_cp1257() -> bytes:
    """Estonian from an old Outlook in Windows-1257."""
    text = "Tere! Ma ei leia oktoobri arvet. Kas saaksite selle uuesti saata? Tänan, Mari Maasikas"
    return _message(
        [
            ("From", "Mari Maasikas <mari@posti.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "=?windows-1257?Q?Oktoobri_arve_puudub?="),
            ("Message-ID", "<et-1@posti.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=windows-1257"),
            ("Content-Transfer-Encoding", "quoted-printable"),
        ],
        quopri.encodestring(text.encode("cp1257")),
    )


def bosnian_alternative() -> bytes:
    """Bosnian multipart/alternative with an inline image and a PDF whose name is encoded."""
    boundary_mixed, boundary_alt = "mixed-1", "alt-1"
    text = "Poštovani, u prilogu je faktura sa greškom. Lijep pozdrav, Amra Hodžić"
    html = "<p>Poštovani,</p><p>u prilogu je <b>faktura</b> sa greškom.</p><img src='cid:logo1'>"
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    body = (
        f"--{boundary_mixed}\r\n"
        f"Content-Type: multipart/alternative; boundary={boundary_alt}\r\n\r\n"
        f"--{boundary_alt}\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(text.encode()).decode()
        + f"\r\n--{boundary_alt}\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(html.encode()).decode()
        + f"\r\n--{boundary_alt}--\r\n"
        f"--{boundary_mixed}\r\nContent-Type: image/png\r\nContent-ID: <logo1>\r\n"
        "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(png).decode()
        + f"\r\n--{boundary_mixed}\r\nContent-Type: application/pdf\r\n"
        "Content-Disposition: attachment; filename*=utf-8''Faktura%20%C5%A1tampa.pdf\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(b"%PDF-1.4 demo").decode()
        + f"\r\n--{boundary_mixed}--\r\n"
    ).encode()
    return _message(
        [
            ("From", "Amra Hodzic <amra@hodzic.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "Faktura sa greskom"),
            ("Message-ID", "<bs-1@bih.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", f"multipart/mixed; boundary={boundary_mixed}"),
        ],
        body,
    )


def hostile_html() -> bytes:
    """HTML-only mail that tries to run script, load a remote image and phish with javascript:."""
    html = (
        "<html><body><p>Hello, see my invoice</p>"
        "<script>document.title='pwned'</script>"
        '<img src="https://tracker.example/p.gif" onerror="document.title=\'pwned\'">'
        '<a href="javascript:alert(1)">click</a></body></html>'
    )
    return _message(
        [
            ("From", "Eve <eve@evil.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "Invoice question"),
            ("Message-ID", "<html-1@evil.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/html; charset=utf-8"),
        ],
        html.encode(),
    )


def forwarded() -> bytes:
    """A forwarded message carried as message/rfc822."""
    inner = english_reply(message_id="<inner@mail.example>")
    body = (
        b"--fwd\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"See the message below, please.\r\n"
        b"--fwd\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--fwd--\r\n"
    )
    return _message(
        [
            ("From", "Boss <boss@ellison.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "Fwd: Wrong VAT rate"),
            ("Message-ID", "<fwd-1@ellison.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "multipart/mixed; boundary=fwd"),
        ],
        body,
    )


def broken() -> bytes:
    """No Message-ID, an unknown charset, a never-closed boundary, an empty attachment with a
    path for a name, and a line break smuggled into the subject."""
    body = (
        b"--b1\r\nContent-Type: text/plain; charset=x-unknown-8bit\r\n\r\nHello \xe9\xe8 world\r\n"
        b"--b1\r\nContent-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="../../etc/passwd"\r\n\r\n\r\n'
    )
    return _message(
        [
            ("From", "Broken Mailer <broken@old.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "=?utf-8?Q?Hello=0D=0ABcc:_victim@example.com?="),
            ("MIME-Version", "1.0"),
            ("Content-Type", "multipart/mixed; boundary=b1"),
        ],
        body,
    )


def auto_reply() -> bytes:
    """An out-of-office answer (RFC 3834)."""
    return _message(
        [
            ("From", "Mark Ellison <mark@ellison.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "Automatic reply: Your request"),
            ("Message-ID", "<ooo-1@ellison.example>"),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Type", "text/plain; charset=utf-8"),
        ],
        b"I am out of the office until Monday.",
    )


def bounce() -> bytes:
    """A delivery status notification."""
    body = (
        b"--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        b"--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--r--\r\n"
    )
    return _message(
        [
            ("From", "Mail Delivery System <MAILER-DAEMON@mx.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "Undelivered Mail Returned to Sender"),
            ("Message-ID", "<dsn-1@mx.example>"),
            ("Content-Type", "multipart/report; report-type=delivery-status; boundary=r"),
        ],
        body,
    )


def plain(
    *,
    sender: str = "Victoria Banks <victim@bank.example>",
    subject: str = "Card payment failed",
    message_id: str = "<plain-1@bank.example>",
    text: str = "Hello, my card payment failed twice today. Can you help?",
    extra: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """A short UTF-8 message; `sender` is the From header exactly as written on the wire."""
    return _message(
        [
            ("From", sender),
            ("To", "help@frontdesk.example"),
            ("Subject", subject),
            ("Message-ID", message_id),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            *extra,
        ],
        text.encode(),
    )


def spoofed_name_reply(reference: str, *, in_reply_to: str = "") -> bytes:
    """A reply to someone else's ticket: the display name is an encoded word that decodes to
    the victim's address, the address in brackets is the attacker's."""
    extra = (("In-Reply-To", in_reply_to), ("References", in_reply_to)) if in_reply_to else ()
    return plain(
        sender="=?utf-8?q?victim=40bank=2Eexample?= <attacker@evil.example>",
        subject=f"Re: [{reference}] Card payment failed",
        message_id="<spoof-1@evil.example>",
        text="Please change my payout account to DE00 1234 5678 9012.",
        extra=extra,
    )


def injected_name() -> bytes:
    """A display name carrying CR LF and a header after it, in an encoded word."""
    return plain(
        sender="=?utf-8?q?Victoria=0D=0ABcc=3A_victim=40bank=2Eexample?= <attacker@evil.example>",
        subject="Hello",
        message_id="<inject-1@evil.example>",
    )


def with_nul_bytes() -> bytes:
    """NUL bytes in a header, in the text and in a file name (PostgreSQL text refuses them);
    the attachment's own NUL bytes belong to the file."""
    body = (
        b"--n1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"My invoice\x00 is attached.\r\n"
        b"--n1\r\nContent-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="in\x00voice.bin"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(b"\x00\x01binary\x00")
        + b"--n1--\r\n"
    )
    head = CRLF.join(
        [
            b"From: Nul\x00 Sender <nul@sender.example>",
            b"To: help@frontdesk.example",
            b"Subject: Invoice\x00 question",
            b"Message-ID: <nul-1@sender.example>",
            b"MIME-Version: 1.0",
            b"Content-Type: multipart/mixed; boundary=n1",
        ]
    )
    return head + CRLF + CRLF + body


def nested(depth: int) -> bytes:
    """A multipart `depth` levels deep with a text part at the top and one at the bottom."""
    opening = b"".join(
        f"--b{level - 1}\r\nContent-Type: multipart/mixed; boundary=b{level}\r\n\r\n".encode()
        for level in range(1, depth)
    )
    bottom = f"--b{depth - 1}\r\nContent-Type: text/plain\r\n\r\nAt the bottom.\r\n".encode()
    closing = b"".join(f"--b{level}--\r\n".encode() for level in range(depth - 1, -1, -1))
    body = b"--b0\r\nContent-Type: text/plain\r\n\r\nHello, read me first.\r\n"
    return _message(
        [
            ("From", "Deep Sender <deep@sender.example>"),
            ("To", "help@frontdesk.example"),
            ("Subject", "Nested"),
            ("Message-ID", f"<deep-{depth}@sender.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "multipart/mixed; boundary=b0"),
        ],
        body + opening + bottom + closing,
    )
