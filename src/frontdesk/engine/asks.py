"""Words in a log line that ask someone to act: "call him back", "helista tagasi", "hívja vissza".

A line that names a colleague ("Rami Cohen. Eli Levi. call back.") and asks for action makes a
follow-up for that colleague. The words are matched on folded text (case and accents aside), in
the forms a note is written in: the infinitive, the imperative and the third person ("call back",
"tagasi helistada", "visszahívni", "nazovi", "לחזור אליו", "zurückrufen", "перезвонить"), never
the past ("called back", "helistas tagasi", "visszahívta", "nazvao", "חזר אליו"): what is done
asks nothing. A phrase with a "no" just before it ("don't call back", "nem kell visszahívni",
"לא צריך לחזור אליו") or a "not needed" just after it asks nothing either, unless the "no" is
a reminder ("don't forget to call back", "ne felejtsd el visszahívni"); nor does one whose
object is the desk ("he will get back to us", "visszahív minket"): the customer is to call.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from frontdesk.engine.text import fold

# Hebrew words take a one-letter prefix (ו and, ש that); \b would not see the word inside.
_HE = r"(?<!\w)[וש]?"
ASK = re.compile(
    "|".join(
        (
            # English
            r"\b(?:call|calls|ring|rings|phone|phones)\s+(?:\S+\s+){0,2}?back\b",
            r"\bcall-?backs?\b",
            r"\b(?:get|gets)\s+back\s+to\b",
            r"\breturn\s+(?:the|his|her|their|a)\s+call\b",
            r"\b(?:call|ring|phone)\s+(?:him|her|them)\b",
            r"\b(?:wants?|asks?\s+for|needs?)\s+a\s+call\b",
            # Estonian (õ ä ö ü fold to o a o u)
            r"\bhelista(?:da|ge|b|ma|n|me|ks)?\s+(?:\S+\s+)?tagasi\b",
            r"\btagasi\s+helista(?:da|ge|b|ma|n|me)?\b",
            r"\btagasihelist\w*",
            r"\bvot(?:ta|tke|ab|an|ame)\s+(?:\S+\s+)?uhendust\b",
            # Hungarian
            r"\bvisszahiv(?:ni|ja|jak|jon|om|juk|d|as|ast|asat|hat)?\b",
            r"\bhiv(?:ja|d|jon|jak|jatok|juk|jad|jam)\s+vissza\b",
            r"\bjelentkez(?:zen|zel|ni|ik)\b",
            # Bosnian, Croatian, Serbian (č ć š ž fold to c c s z; đ stays)
            r"\bnazv(?:ati|at)\b",
            r"\bnazov(?:i|e|ite|em|emo|u)\b",
            r"\bvrati(?:ti)?\s+poziv\b",
            r"\bpovratni\s+poziv\b",
            r"\bjavi(?:ti)?\s+se\b",
            # Hebrew
            _HE + r"(?:לחזור|יחזור|תחזור|נחזור|אחזור|חזור)\s+"
            r"(?:אלי(?:ו|ה|הם|הן|ך|יך)|ללקוח(?:ה)?)(?!\w)",
            _HE + r"(?:להתקשר|יתקשר|תתקשר|אתקשר|נתקשר)(?!\w)",
            r"(?<!\w)(?:חזרה\s+טלפונית|שיחה\s+חוזרת)(?!\w)",
            # German (ü ö fold to u o)
            r"\bzuruckruf(?:en|t)?\b",
            r"\bruf(?:e|t|en|st)?\s+(?:\S+\s+){0,2}?zuruck\b",
            r"\bruckruf\w*",
            r"\bmeld(?:en|et|e)\s+(?:\S+\s+)?sich\b",
            # Russian (й ё fold to и е)
            r"\bперезвон(?:ить|ите|и|ит|ю|им|ят)\b",
            r"\bперезванива(?:ть|ите|ют|ет|ем)\b",
            r"\bобратн(?:ыи|ого)\s+звон\w*",
            r"\bсвяж(?:итесь|ется|усь|ись)\b",
        )
    )
)

# Words that, just before the phrase (within NEGATION_REACH words), say it is not to be done.
NEGATIONS = frozenset(
    {
        # en
        "don't", "dont", "do not", "not", "no", "never", "needn't", "doesn't", "without",
        # et
        "ara", "arge", "ei", "pole", "mitte",
        # hu
        "ne", "nem", "sem", "nincs",
        # bs
        "nemoj", "nemojte", "nije", "nema", "nisam",
        # he
        "לא", "אל", "אין",
        # de
        "nicht", "kein", "keine", "keinen", "nie",
        # ru
        "не", "нет", "никогда",
    }
)  # fmt: skip
NEGATION_REACH = 3
# "Don't forget to call him back" asks all the more: a "no" that goes with one of these (folded
# word starts) reminds, it does not cancel.
FORGETTING = (
    # en
    "forget", "forgot",
    # et (unusta, unustage)
    "unust",
    # hu (ne felejtsd el, ne feledd)
    "felejt", "feled",
    # bs (ne zaboravi, nemoj zaboraviti)
    "zaborav",
    # he (אל תשכח, לא לשכוח)
    "תשכח", "לשכוח",
    # de (nicht vergessen, vergiss nicht)
    "vergess", "vergiss",
    # ru (не забудь, не забывай)
    "забуд", "забыв",
)  # fmt: skip
CLAUSE_ENDS = frozenset(",;:.!?")
# The desk as the phrase's object ("he will get back to us", "helistab meile tagasi", "ruft uns
# zurück"): the customer is to call, and no colleague is asked anything. Folded words, looked for
# in the phrase and in the two words after it.
US = frozenset(
    {"us", "meile", "meiega", "minket", "nekunk", "velunk", "uns", "nas", "nam", "нам", "нас"}
)
US_REACH = 2
# What, just after the phrase, says it is not needed ("call back not needed").
NOT_NEEDED = re.compile(
    r"^\W*(?:not (?:needed|necessary)|unnecessary|pole vaja|ei ole vaja|nem kell|nem szukseges|"
    r"ne treba|nije potreban|nije potrebno|לא צריך|nicht notig|unnotig|не нужно|не надо)(?!\w)"
)


def action_asks_in(text: str) -> list[str]:
    """The phrases in a text that ask someone to act, as written ("call him back", "hívja
    vissza", "לחזור אליו"); none that are said not to be done ("don't call back", "no need to
    call back", "call back not needed")."""
    words = (text or "").split()
    folded_words = [fold(word) for word in words]
    # Folding works word by word, so a match's place in the folded text points back at the
    # words as written.
    starts = []
    position = 0
    for word in folded_words:
        starts.append(position)
        position += len(word) + 1
    folded = " ".join(folded_words)
    found: list[str] = []
    for match in ASK.finditer(folded):
        first = _word_at(starts, match.start())
        last = _word_at(starts, match.end() - 1)
        if _negated(folded_words[max(0, first - NEGATION_REACH) : first]):
            continue
        if NOT_NEEDED.match(folded[match.end() :]):
            continue
        if _to_us(folded_words[first : last + 1 + US_REACH]):
            continue
        found.append(_phrase(words[first : last + 1]))
    return found


def _word_at(starts: list[int], offset: int) -> int:
    """The index of the word that the folded text's character `offset` lies in."""
    return bisect_right(starts, offset) - 1


def _negated(before: list[str]) -> bool:
    # A "no" counts only in the phrase's own clause: "No internet, call him back" asks.
    for index in range(len(before) - 1, -1, -1):
        if before[index][-1:] in CLAUSE_ENDS:
            before = before[index + 1 :]
            break
    cleaned = [word.replace("’", "'").strip(".,;:!?()\"'") for word in before]
    if any(word.startswith(FORGETTING) for word in cleaned):
        return False
    pairs = {f"{first} {second}" for first, second in pairwise(cleaned)}
    return bool(NEGATIONS.intersection(cleaned) | NEGATIONS.intersection(pairs))


def _to_us(words: list[str]) -> bool:
    # Only within the phrase's clause: "call back, then tell us" still asks.
    for word in words:
        if word.strip(".,;:!?()\"'") in US:
            return True
        if word[-1:] in CLAUSE_ENDS:
            return False
    return False


def _phrase(words: list[str]) -> str:
    return " ".join(words).strip(".,;:!?()\"'")
