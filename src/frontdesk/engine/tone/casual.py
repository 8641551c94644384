"""Words too casual for a customer who calls for care, per language, and when a customer does.

"No worries lol" is friendly to a relaxed customer and a slap to one who was charged twice. So
these phrases are read only when the reply must be formal (`reply_must_be_formal`): the ticket
is level 1 (dissatisfied, blocked, a payment problem, a defect that stops their work) or the
customer wrote in an angry tone. A key customer in a good mood is not one: the care
the urgency article asks for follows the customer's trouble and mood, not their account's size.

Written as `phrases.py` writes its phrases (regular expressions over folded text, whole words).
A word that is casual only in one use carries that use in its pattern: "chill" the word, not
"chilli" nor "chilled water"; "relax" said to the customer, not "a relaxed deadline" nor "we
can relax the limit"; "yo" as a greeting, not the Spanish "yo" of a reply read in every
language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from frontdesk.engine.tone.types import CASUAL

Phrases = tuple[tuple[str, str], ...]  # (code, pattern)

# Triage's tone runs from -1 (angry) to 1 (pleased); at or below this a customer reads as angry
# (the desk's "angry" band). Only an angry customer calls for care on tone alone: triage's tone
# runs negative on calm requests ("Could you send me a copy of the invoice?" reads -0.24), and
# a merely unhappy one is held to the same friendly words as everyone.
UPSET_TONE = -0.5
LEVEL_URGENT = 1
# Why a reply must be formal, as codes the desk words.
UPSET = "upset"
URGENT = "urgent"

# What may follow "chill" or "relax" when it is said to the customer: the end of a sentence, or
# a word that goes on talking to them. "Relax the limit" and "chill the drinks" go on otherwise.
_SAID_TO_THEM = (
    r"(?=$| ?[,.!?;:)…]| (?:mate|man|dude|bro|buddy|pal|please|we|we're|i|i'm|it|it's|its"
    r"|everything|all|ok|okay|and))"
)
# Words that tell the customer to do something: at a sentence's head (also a line's, or after
# the greeting's comma: "Hi Anna,\nrelax", "Dear Anna, relax"), or asked of them.
_TOLD = (
    r"(?:(?:^|(?<=[.!?] )|(?<=\n)|(?<=, ))(?:just |please |so )?"
    r"|(?:just|please|you (?:need|have|ought) to|try to) )"
)
# "xd" alone, never Adobe's design tool.
_LAUGH = r"(?:ha){2,}a*h?|he(?:he)+|lol|(?<!adobe )xd+"

ENGLISH: Phrases = (
    (CASUAL, r"no worries(?: at all)?"),
    (CASUAL, r"no (?:biggie|big deal|probs|prob|sweat|stress)"),
    (CASUAL, r"(?:it's |its )?all good(?: man| mate| dude| bro)?" + _SAID_TO_THEM),
    (CASUAL, _LAUGH + r"|hah|lmao|lmfao|rofl|omg"),
    (CASUAL, r"(?:just |so |stay |be |keep it )?chill(?: out| pill)?" + _SAID_TO_THEM),
    (CASUAL, r"chillax|take a chill pill"),
    # Said to the customer (at a sentence's head, or asked of them), not "the rules relax" or
    # "the load should calm down".
    (CASUAL, _TOLD + r"(?:relax" + _SAID_TO_THEM + r"|calm down)"),
    (CASUAL, r"take it easy"),
    (CASUAL, r"(?:cheers|thanks|ta|sorry|right|alright|okay|ok) (?:mate|dude|bro|buddy|pal)"),
    (CASUAL, r"dude|bro|brah"),
    # "np. fakturę" is Polish for "for example, the invoice", and a reply in an unlisted
    # language reads English's: "np" ends its sentence or stands alone.
    (CASUAL, r"np(?!-)(?!\. ?\w)"),
    (CASUAL, r"my bad|oopsie|oops|whoops|welp|meh|whatevs|easy peasy"),
    (CASUAL, r":-?[dp]|;-?[)p]"),
    # A greeting ("yo!", "hey yo"), never the Spanish pronoun, which "Yo, como su agente…"
    # starts a sentence with; so "Yo, John" passes too.
    (CASUAL, r"(?:^|(?<=[.!?] ))yo(?= ?!)|hey yo|yo yo"),
    (CASUAL, r"(?:sup|wassup|wazzup)(?= ?[,!?]|$)"),
)

ESTONIAN: Phrases = (
    (CASUAL, r"pole (?:midagi )?hullu"),
    (CASUAL, r"(?:ära|ärge) (?:stressa|stressi|stressake|pabista|pabistage)"),
    (CASUAL, r"võt(?:a|ke) (?:seda |see )?(?:rahulikult|chillilt|tšillilt|lõdvalt)"),
    (CASUAL, r"(?:chill|tšill|tšillax|chillax)" + _SAID_TO_THEM),
    (CASUAL, r"rahu,? ainult rahu"),
    (CASUAL, _LAUGH),
    (CASUAL, r"(?:tšau|tsau|tsaukas|heip)(?= ?[,!])"),
)

HUNGARIAN: Phrases = (
    (CASUAL, r"nyugi"),
    (CASUAL, r"nyugodj(?:on|atok|anak)? meg"),
    (CASUAL, r"semmi (?:gáz|para|vész)"),
    (CASUAL, r"ne (?:parázz|parázzon|parázzatok|stresszelj|stresszeljen)"),
    (CASUAL, r"lazíts(?:on|atok)?|lazulj(?:on)?(?: le| el)?"),
    (CASUAL, r"nem nagy (?:ügy|cucc)" + _SAID_TO_THEM),
    (CASUAL, _LAUGH),
    # "Cső" is also a pipe, so only the greetings that are nothing else.
    (CASUAL, r"(?:csá|szevasz|szevasztok|csumi)(?= ?[,!])"),
)

BOSNIAN: Phrases = (
    (CASUAL, r"(?:ma |ajde )?opusti(?:te)? se"),
    (CASUAL, r"(?:ma |ajde )?smiri(?:te)? se"),
    (CASUAL, r"(?:nema|bez) frke"),
    (CASUAL, r"ma (?:ništa|daj|pusti|nema veze)"),
    (CASUAL, r"(?:ne|nemoj|nemojte) (?:sekiraj|sekirajte|sikiraj|sikirajte)(?: se)?"),
    (CASUAL, r"brate|buraz|brale"),
    (CASUAL, _LAUGH),
    (CASUAL, r"(?:ćao|ćaos|šta ima)(?= ?[,!?])"),
)

HEBREW: Phrases = (
    (CASUAL, r"[וש]?סבבה"),
    (CASUAL, r"אחי|אחותי|אחשלי"),
    (CASUAL, r"ח{3,}"),
    (CASUAL, r"(?:תי|ת)רגע(?:י|ו)?"),
    (CASUAL, r"אל (?:תילחץ|תילחצי|תילחצו|תתבאס|תתבאסי|תתבאסו)"),
    (CASUAL, r"אין לחץ|אין סטרס|בקטנה|יאללה|אחלה|על הכיפאק"),
    (CASUAL, r"זה לא סוף העולם"),
)

GERMAN: Phrases = (
    (CASUAL, r"(?:chill|chill mal|chillax)" + _SAID_TO_THEM),
    (CASUAL, r"entspann(?: dich|en sie sich)(?: mal)?"),
    (CASUAL, r"(?:reg dich|regen sie sich) (?:mal |doch |nicht )?(?:so )?ab"),
    (CASUAL, r"beruhig(?:e dich|en sie sich)|beruhig dich"),
    (CASUAL, r"kein (?:ding|stress|drama)" + _SAID_TO_THEM),
    (CASUAL, r"alles (?:easy|cool|chillig|paletti)"),
    (CASUAL, _LAUGH + r"|digga"),
)

RUSSIAN: Phrases = (
    (CASUAL, r"расслабь(?:ся|тесь)|не парь(?:ся|тесь)|не напрягай(?:ся|тесь)"),
    (CASUAL, r"успокой(?:ся|тесь)|остынь(?:те)?"),
    (CASUAL, r"(?:да )?забей(?:те)?(?= ?[,.!]|$)|пофиг|фигня"),
    (CASUAL, r"(?:ха-?){2,}\w*|хех|лол|ржу|бро|братан|чувак|изи|норм(?= ?[,.!])"),
)

CASUAL_PHRASES: Mapping[str, Phrases] = {
    "en": ENGLISH,
    "et": ESTONIAN,
    "hu": HUNGARIAN,
    "bs": BOSNIAN,
    "he": HEBREW,
    "de": GERMAN,
    "ru": RUSSIAN,
}

# Faces and shrugs are casual in every language, and they stick to the word before them
# ("thanks😂"), so they are matched anywhere, not as whole words; a skin tone, gender sign or
# variation selector after one belongs to it.
CASUAL_SIGNS = re.compile(
    "[😂🤣😜🙃😝😛🤪😆😅😎🤷🤭🙈🤙🤘][\U0001f3fb-\U0001f3ff\u200d\u2640\u2642\ufe0f]*"
    r"|¯\\_\(ツ\)_/¯"
)


def formal_reply_reason(*, level: int | None, tone: float | None) -> str | None:
    """Why a customer calls for a formal reply: `UPSET` (their tone reads angry),
    `URGENT` (their ticket is level 1), or None. Unknown level and tone call for nothing."""
    if tone is not None and tone <= UPSET_TONE:
        return UPSET
    if level == LEVEL_URGENT:
        return URGENT
    return None


def reply_must_be_formal(*, level: int | None, tone: float | None) -> bool:
    """Whether a customer calls for a formal reply (see `formal_reply_reason`)."""
    return formal_reply_reason(level=level, tone=tone) is not None
