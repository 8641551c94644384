"""Read a reply before it goes out as the customer will: shouting, blame, condescension,
dismissal, sarcasm and threats, each as a code and the words it rests on; and, when the customer
calls for a formal reply (`formal`), words too casual for them ("no worries lol").

Phrases are matched on folded text (case and accents aside) by each language's expressions in
`phrases.py`; with no language named, every language's are tried, since an agent may answer in
the customer's language with a line of English in it. Quoted customer text (lines starting
with ">", words in quotation marks) is theirs, not ours, and never flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from frontdesk.engine.languages import written_as
from frontdesk.engine.tone.casual import CASUAL_PHRASES, CASUAL_SIGNS
from frontdesk.engine.tone.folding import blank_quoted, fold_pattern, fold_with_origin
from frontdesk.engine.tone.phrases import PHRASES
from frontdesk.engine.tone.types import CASUAL, SHOUTING, ToneWarning

# Capitals that are names, not raised voices: protocols, files, units, currencies, the usual
# abbreviations of mail. Words of two letters never shout alone.
ACRONYMS = frozenset(
    """API APIS HTTP HTTPS SMTP IMAP POP FTP SFTP SSH URL URLS URI PDF PDFS CSV XML JSON HTML
    CSS SQL DNS SSL TLS VPN SSO SAML MFA OTP PIN CVV IBAN SWIFT BIC VAT GDPR CEO CTO CFO IT HR
    FAQ FAQS USB CPU GPU RAM ROM SMS MMS GSM ASAP ETA FYI PS NB UTC GMT CET CEST EET EEST EUR USD
    GBP HUF BAM RUB ILS NIS KB MB GB TB OK AM PM ID IDS QR NFC CRM ERP SLA SaaS IOS MAC PC
    LLC LTD GMBH INC AG OÜ AS KFT ZRT DOO EU USA UK UAE NATO UN TV PDT PST EST CST MST NASA
    IMEI ISBN EAN UPS DHL GLS TNT FEDEX UPC POS ATM""".upper().split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Between two capitalised words of one run: spaces and light punctuation, never a new line's
# worth of text or a lower-case word.
_JOIN = re.compile(r"^[\s,;:!?.\-–—/&+()]*$")
# A run shouts when it holds this many shouted words (or this many capitalised words at all).
SHOUTED_WORDS = 2
CAPITAL_WORDS = 4


def check_reply(
    text: str, language: str | None = None, *, formal: bool = False
) -> list[ToneWarning]:
    """Every place in a reply that reads as shouting, blaming, condescending, dismissive,
    sarcastic or threatening, and with `formal` too casual, in reading order; an empty list
    for a kind reply.

    `language` (ISO 639-1) picks its phrases and English's; None tries every language's.
    `formal`: the customer calls for care (`reply_must_be_formal`); otherwise casual words pass.
    """
    own = blank_quoted(text)
    warnings = list(_shouting(text, own))
    folded = fold_with_origin(own)
    for code, lang, pattern in _patterns(_phrase_sets(language), formal):
        for match in pattern.finditer(folded.text):
            if match.end() <= match.start():
                continue
            start, end = folded.span(match.start(), match.end())
            warnings.append(ToneWarning(code, text[start:end], start, end, lang))
    if formal:
        warnings.extend(
            ToneWarning(CASUAL, match.group(0), match.start(), match.end())
            for match in CASUAL_SIGNS.finditer(own)
        )
    return _casual_joined(text, _without_overlaps(warnings))


def languages_checked(language: str | None) -> tuple[str, ...]:
    """The phrase sets a check in `language` reads, in order (None: all of them)."""
    return _phrase_sets(language)


def has_phrases(language: str) -> bool:
    """Whether a language has phrases of its own (Croatian and Serbian read as Bosnian)."""
    return written_as(language) in PHRASES


def tone_warm_up() -> None:
    """Compile every phrase pattern of every language now, so no reply waits for it."""
    for language in PHRASES:
        for formal in (False, True):
            _patterns(_phrase_sets(language), formal)


def _phrase_sets(language: str | None) -> tuple[str, ...]:
    if language is None:
        return tuple(PHRASES)
    own = written_as(language)
    return tuple(dict.fromkeys(code for code in (own, "en") if code in PHRASES))


@functools.cache
def _patterns(
    languages: tuple[str, ...], formal: bool
) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple(
        (code, language, _compiled(pattern))
        for language in languages
        for code, pattern in (*PHRASES[language], *(CASUAL_PHRASES[language] if formal else ()))
    )


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Whole words only: "you should have" inside "you should haven't" is not the phrase.
    return re.compile(r"(?<!\w)(?:" + fold_pattern(pattern) + r")(?!\w)")


def _shouting(text: str, own: str) -> Iterable[ToneWarning]:
    run: list[re.Match[str]] = []
    for word in _WORD.finditer(own):
        capital = _is_capital(word.group(0))
        joined = bool(run) and _JOIN.match(own[run[-1].end() : word.start()]) is not None
        if capital and (joined or not run):
            run.append(word)
            continue
        yield from _run_warning(text, run)
        run = [word] if capital else []
    yield from _run_warning(text, run)


def _run_warning(text: str, run: list[re.Match[str]]) -> Iterable[ToneWarning]:
    words = [match.group(0) for match in run]
    shouted = [word for word in words if len(word) >= 3 and word.upper() not in ACRONYMS]
    if len(shouted) >= SHOUTED_WORDS or (len(words) >= CAPITAL_WORDS and shouted):
        start, end = run[0].start(), run[-1].end()
        yield ToneWarning(SHOUTING, text[start:end], start, end)


def _is_capital(word: str) -> bool:
    letters = [char for char in word if char.lower() != char.upper()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _without_overlaps(warnings: list[ToneWarning]) -> list[ToneWarning]:
    # Two languages' phrases (or two phrases of one) may cover the same words: the longest one
    # at a place is kept, so the agent sees each place once per code.
    kept: list[ToneWarning] = []
    for warning in sorted(warnings, key=lambda w: (w.start, -(w.end - w.start))):
        if any(w.code == warning.code and warning.start < w.end for w in kept):
            continue
        kept.append(warning)
    return kept


def _casual_joined(text: str, warnings: list[ToneWarning]) -> list[ToneWarning]:
    # "no worries lol 😂" is one casual place, not three: casual words with nothing but spaces
    # and punctuation between them are shown as one.
    joined: list[ToneWarning] = []
    for warning in warnings:
        last = next((w for w in reversed(joined) if w.code == CASUAL), None)
        if (
            warning.code == CASUAL
            and last is not None
            and warning.start >= last.end
            and _JOIN.match(text[last.end : warning.start])
        ):
            start, end = last.start, warning.end
            joined[joined.index(last)] = ToneWarning(
                CASUAL, text[start:end], start, end, last.language or warning.language
            )
            continue
        joined.append(warning)
    return joined
