"""The text of a message: HTML read as text, and what the sender wrote without the history."""

from __future__ import annotations

import html as html_module
import re

TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/tr|/h\d)\b[^>]*>")
INVISIBLE = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>")


def html_to_text(html: str) -> str:
    """The readable text of an HTML part, for triage and for agents who read plain text."""
    text = INVISIBLE.sub(" ", html)
    text = BLOCK.sub("\n", text)
    text = TAG.sub(" ", text)
    text = html_module.unescape(text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line).strip()


# Where the quoted history of a reply begins, in the desk's languages and the big mail programs.
QUOTE_HEADERS = re.compile(
    r"(?im)^\s*("
    r"on .{1,200}? wrote:|"  # Gmail, Apple Mail, Thunderbird (English)
    r"am .{1,200}? schrieb .{0,200}?:|"  # German
    r".{1,200}? kirjutas(?: .{0,200})?:|"  # Estonian
    r".{1,200}? (?:írta|ezt írta)(?: .{0,100})?:|"  # Hungarian
    r".{1,200}? (?:je napisao|je napisala|napisao je|napisala je)(?: .{0,100})?:|"  # Bosnian
    r".{1,200}? כתב(?:ה)?:|"  # Hebrew
    r"-{2,}\s*(?:original message|ursprüngliche nachricht|algne kiri|eredeti üzenet|"
    r"originalna poruka|הודעה מקורית)\s*-{2,}|"
    r"from:\s.+\n\s*(?:sent|date|gesendet|saadetud|elküldve|poslano|נשלח):"
    r")"
)
SIGNATURE = re.compile(r"(?m)^-- ?$")


def reply_text(text: str) -> str:
    """What the sender wrote: the text before the quoted history and the signature."""
    cut = len(text)
    for pattern in (QUOTE_HEADERS, SIGNATURE):
        match = pattern.search(text)
        if match and match.start() > 0:
            cut = min(cut, match.start())
    kept = text[:cut]
    # Lines quoted with ">" after what the sender wrote are history too.
    lines = kept.rstrip().splitlines()
    while lines and (lines[-1].lstrip().startswith(">") or not lines[-1].strip()):
        lines.pop()
    result = "\n".join(lines).strip()
    return result or text.strip()
