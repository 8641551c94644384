"""What a report says, as features that survive a change of language: codes and word stems.

Codes are written the same in every language — error strings, numbers with units ("0 KB"), error
numbers, versions — so they carry a burst across languages, as do product names and acronyms.
Words are folded (case, accents) and cut to their first characters, a crude stem that joins the
inflected forms of Estonian, Hungarian and Bosnian ("számla", "számlát") and English plurals.
Words every message has (greetings, pronouns) are left out in each home language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

from frontdesk.engine.text import fold

# A stem is the first this-many folded letters of a word.
STEM_LETTERS = 6
# Long mail repeats itself below (quoted threads, signatures, logs): the opening tells the matter.
READ_CHARS = 1000

CODE_PREFIX = "c:"
WORD_PREFIX = "w:"

_CODE = re.compile(
    r"""
    (?<![\w.,])(?:
      \d+(?:[.,]\d+)?\s?(?i:kb|mb|gb|tb|ms|kbps|mbps|%)(?!\w)     # 0 KB, 100%, 500ms
    | [A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?!\w)               # ERR_CONNECTION_RESET
    | [A-Za-z]*\d[A-Za-z0-9]*(?:[.,\-][A-Za-z0-9]+)*(?!\w)        # 503, E1023, v2.4.1
    )
    """,
    re.VERBOSE,
)
# An inflection hyphenated onto a code in Hungarian or Bosnian: "503-as", "PDF-u", "5.3-ban".
_CODE_ENDING = re.compile(r"-[^\W\d_]{1,4}$")
# Links differ per customer even about one thing (tracking numbers, short links).
_LINK = re.compile(r"(?:https?://|www\.)\S+")
_WORD = re.compile(r"[^\W\d_]{3,}")

_STOPWORDS_TEXT = """
the and for are but not you your yours our ours this that these those with from have has had was
were been being will would can could should shall may might must into onto about after before
again also any all some each every very just only than then there their they them what which who
whom when where why how its it's our out off over under here hello dear thanks thank regards best
please kind sincerely team support customer help hi hey sir madam issue problem question request
get got does did doing done make made want need like know let use used using one two new now yet
since still while because there's i'm i've don't can't didn't doesn't isn't won't we're you're
der die das und ist nicht mit den dem des ein eine einer einem eines ich sie wir ihr ihre mein
meine unser unsere auf für fur von bei aus nach wie was wer wenn aber oder auch noch nur schon
sehr bitte danke hallo grüße gruße gruesse freundlichen mfg sehr geehrte geehrter damen herren
kann können konnen habe haben hat wird werden wurde sind war waren dass diese dieser dieses
los las el la los del que con por para una uno unos unas sus como pero más mas esta este estos
estas hola gracias saludos cordiales estimado estimada favor hemos tengo tiene puede pueden
les des une pour avec dans sur par pas est sont nous vous votre vos mes notre nos cette ces
bonjour merci cordialement madame monsieur avons avez peut pouvez être etre
uma com não nao para pelo pela dos das nos nas seu sua seus suas olá ola obrigado obrigada
atenciosamente prezado prezada temos pode podem está esta
ja ei on oli see need mis kui aga või voi ka ning et mina sina tema meie teie nemad minu teie
palun aitäh aitah tere lugupidamisega tervitades olen oleme on ole veel juba kas kuidas miks
hogy nem van egy az és es de ha mert már mar még meg csak is vagy volt lesz kell lehet nekem
önök onok ön on kérem kerem köszönöm koszonom üdvözlettel udvozlettel tisztelt jó napot
je sam smo ste su da ne na za se od do iz ili ali kao što sto koji koja koje kako zašto zasto
molim hvala pozdrav poštovani postovani lijep dobar dan imam imamo nije biti bio bila bilo
את של על זה זו לא אני אנחנו אתם הוא היא הם עם גם אבל כי מה איך למה אם כבר עוד רק יש אין
good morning afternoon evening there kedves szia ügyfélszolgálat ugyfelszolgalat zdravo dobro
jutro večer guten morgen tag abend päevast hommikust tervist
שלום תודה בבקשה בברכה היי היה הייתה להם לכם שלי שלנו שלכם אותו אותה
"""
STOPWORDS = frozenset(fold(_STOPWORDS_TEXT).split())


def report_text(subject: str, body: str) -> str:
    """The part of a report that is read: the subject and the opening of the body."""
    return f"{subject}\n{body[:READ_CHARS]}"


@functools.lru_cache(maxsize=20_000)
def features_of(text: str) -> Mapping[str, str]:
    """The features of a text, each with the form a person would read it in."""
    # Cached: the desk detects over the same window of reports every minute.
    return MappingProxyType(_features(text))


def _features(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if "://" in text or "www." in text:
        text = _LINK.sub(" ", text)
    for match in _CODE.finditer(text):
        surface = match.group()
        if surface.isdigit() and len(surface) < 3:
            continue  # "2" or "10" is a count or a time, not a code
        surface = _CODE_ENDING.sub("", surface)
        # "0 KB" and "0KB" are one code, and so are 49,90 and 49.90.
        key = CODE_PREFIX + "".join(fold(surface).split()).replace(",", ".")
        found.setdefault(key, surface)
    for word in _WORD.findall(fold(text)):
        if word in STOPWORDS:
            continue
        found.setdefault(WORD_PREFIX + word[:STEM_LETTERS], word)
    return found
