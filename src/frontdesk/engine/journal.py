"""The one-line log (DESIGN.md practice 4): `customer. agent. problem. time.`

`Rami Cohen. Eli Levi. viruses. 9:30.` Fields may be left out from the right: no time means now,
no agent means whoever writes. Names are matched in any script, without regard to accents, case,
small typos or which name comes first; a name that is not clearly one person is offered as a
choice, never guessed. Nothing here saves anything: the parse says what it understood and what it
did not, and the caller saves only what the agent confirms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta, tzinfo

from rapidfuzz import fuzz, process

from frontdesk.engine.asks import action_asks_in
from frontdesk.engine.text import fold

MAX_LENGTH = 500
# A name at least this similar (0–100) is that person; within SURE_GAP of another, it is a choice.
SURE = 90.0
SURE_GAP = 5.0
# Below this a name is no one the desk knows.
POSSIBLE = 70.0
FIELD_SEPARATOR = re.compile(r"\.(?:\s+|$)")
CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
# A line that names a colleague and asks them to act ("call him back") with no time and no
# promise code makes a follow-up due this long after the line: the same morning or afternoon,
# and escalated to the leads an hour later still if the colleague stays away.
ASKED_FOLLOW_UP_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Person:
    """Someone a name may mean: a customer or an agent the desk knows."""

    id: int
    name: str


@dataclass(frozen=True)
class Code:
    """A one-word code the team agreed on (`cb`), the words it stands for, and whether it is a
    promise that needs a follow-up due `due_minutes` later."""

    word: str
    text: str
    follow_up_minutes: int | None = None


@dataclass(frozen=True)
class Match:
    """What a typed name was taken to mean: one person, a choice of several, or no one known."""

    typed: str
    person: Person | None
    candidates: tuple[tuple[Person, float], ...] = ()

    @property
    def is_new(self) -> bool:
        return self.person is None and not self.candidates


@dataclass(frozen=True)
class Action:
    """Something a code asks for beyond the words: a follow-up due at a time."""

    kind: str
    due: datetime
    text: str


@dataclass(frozen=True)
class LogWarning:
    """Something in a line that was not understood, as a stable code and what it is about;
    pages word it in the reader's language, `text()` in English.

    Codes: `too-long` (`count` characters), `empty`, `not-a-time` (`typed`), `new-customer`,
    `customer-choice` and `agent-choice` (`typed`, the `names` it could be), `no-agent`.
    """

    code: str
    typed: str = ""
    names: tuple[str, ...] = ()
    count: int = 0

    def text(self) -> str:
        """The warning as a short English phrase."""
        names = ", ".join(self.names)
        return {
            "too-long": f"the line is {self.count} characters; a log line holds at most "
            f"{MAX_LENGTH}",
            "empty": "there is nothing to log in this line",
            "not-a-time": f"“{self.typed}” is not a time of day",
            "new-customer": f"no customer called “{self.typed}” yet: a new customer will be "
            "created",
            "customer-choice": f"“{self.typed}” could be: {names}",
            "agent-choice": f"“{self.typed}” could be: {names}",
            "no-agent": f"no agent called “{self.typed}”",
        }[self.code]


@dataclass(frozen=True)
class LogLine:
    """What a log line was understood to say. `colleague` is the agent it names when that is
    not its writer (who is then told); `asks` the words in it that ask for action."""

    customer: Match | None
    agent: Match | None
    topic: str
    at: datetime
    codes: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    warnings: tuple[LogWarning, ...] = field(default=())
    colleague: Person | None = None
    asks: tuple[str, ...] = ()

    @property
    def certain(self) -> bool:
        """Whether it can be saved without asking: one customer, one agent, no warnings."""
        return (
            self.customer is not None
            and self.customer.person is not None
            and self.agent is not None
            and self.agent.person is not None
            and not self.warnings
        )


def name_match(typed: str, people: Sequence[Person]) -> Match:
    """The person a typed name means, by similarity of folded names in any order; part of a
    name ("Amra" for "Amra Begić") counts too, if it points at one person only."""
    key = name_key(typed)
    if not key or not people:
        return Match(typed=typed, person=None)
    choices = {index: name_key(person.name) for index, person in enumerate(people)}
    scored = process.extract(key, choices, scorer=_similarity, limit=5, score_cutoff=POSSIBLE)
    ranked = [(people[index], float(score)) for _, score, index in scored]
    if not ranked:
        return Match(typed=typed, person=None)
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    exact = best_score == 100.0 and runner_up < 100.0
    if best_score >= SURE and (exact or best_score - runner_up >= SURE_GAP):
        return Match(typed=typed, person=best)
    return Match(typed=typed, person=None, candidates=tuple(ranked))


# Letters that do not lose their stroke by Unicode decomposition, as people type them without.
TRANSLITERATION = str.maketrans({"đ": "dj", "ð": "d", "ø": "o", "æ": "ae", "ł": "l", "ħ": "h"})


def name_key(name: str) -> str:
    """A name as compared: folded, and Đurić written as Djuric."""
    return fold(name).translate(TRANSLITERATION)


def _similarity(first: str, second: str, **_: object) -> float:
    # Whole names in any order; a part of a name a little lower, so "Anna" is never sure when
    # two Annas exist.
    return max(fuzz.token_sort_ratio(first, second), 0.95 * fuzz.token_set_ratio(first, second))


def log_fields(line: str) -> list[str]:
    """A log line's fields, as written: `Rami Cohen. Eli Levi. viruses. 9:30.` → four."""
    return [part.strip() for part in FIELD_SEPARATOR.split(line) if part.strip()]


def parse_log_line(
    line: str,
    *,
    now: datetime,
    zone: tzinfo,
    customers: Sequence[Person],
    agents: Sequence[Person],
    me: Person,
    codes: Sequence[Code] = (),
    time_words: Mapping[str, time | None] | None = None,
) -> LogLine:
    """Read `customer. agent. problem. time.`; a time in the line is on the clock of `zone`
    (the desk's), on the desk's day of `now` (aware, in any zone)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now ({now.isoformat()}) has no time zone; give it with its zone")
    # "9:30" is half past nine at the desk: the day and the clock are the desk's, not those of
    # whatever zone `now` came in (a server's UTC).
    now = now.astimezone(zone)
    time_words = {fold(word): value for word, value in (time_words or {}).items()}
    text = line.strip()
    if len(text) > MAX_LENGTH:
        return LogLine(None, None, "", now, warnings=(LogWarning("too-long", count=len(text)),))
    fields = log_fields(text)
    if not any(re.search(r"\w", part) for part in fields):
        return LogLine(None, None, "", now, warnings=(LogWarning("empty"),))

    warnings: list[LogWarning] = []
    at = now
    timed = False
    if len(fields) > 1:
        when, problem = _time_of(fields[-1], now, time_words)
        if when is not None:
            at, timed = when, True
            fields.pop()
        elif problem:
            warnings.append(problem)
            fields.pop()
    customer = name_match(fields[0], customers)
    if customer.is_new:
        warnings.append(LogWarning("new-customer", typed=fields[0]))
    elif customer.person is None:
        names = tuple(person.name for person, _ in customer.candidates)
        warnings.append(LogWarning("customer-choice", typed=fields[0], names=names))
    agent = Match(typed="", person=me)
    rest = fields[1:]
    if len(rest) >= 2:
        # Customer, agent, topic: the second field is the agent's, and a name that is nobody
        # on the team is said, never folded into the topic (a typo'd colleague would be lost).
        agent = name_match(rest[0], agents)
        rest = rest[1:]
        if agent.is_new:
            warnings.append(LogWarning("no-agent", typed=agent.typed))
        elif agent.person is None:
            names = tuple(person.name for person, _ in agent.candidates)
            warnings.append(LogWarning("agent-choice", typed=agent.typed, names=names))
    elif rest:
        # Two fields: customer and topic, unless the second names someone on the team.
        named = name_match(rest[0], agents)
        if named.person is not None:
            agent = named
            rest = []
    topic = ". ".join(rest)
    found, actions, topic = _codes(topic, codes, at)
    asks = tuple(action_asks_in(topic))
    colleague = agent.person if agent.person is not None and agent.person.id != me.id else None
    if colleague is not None:
        actions = _colleague_actions(actions, asks=asks, topic=topic, at=at, now=now, timed=timed)
    return LogLine(
        customer=customer,
        agent=agent,
        topic=topic,
        at=at,
        codes=found,
        actions=actions,
        warnings=tuple(warnings),
        colleague=colleague,
        asks=asks,
    )


def _colleague_actions(
    actions: tuple[Action, ...],
    *,
    asks: tuple[str, ...],
    topic: str,
    at: datetime,
    now: datetime,
    timed: bool,
) -> tuple[Action, ...]:
    """The follow-up a line for a colleague makes: a promise code's, or, when the words ask for
    action, one of the line's words. It falls due at the line's time when that is still to come
    ("call back. 15:00."), else as the code says, else ASKED_FOLLOW_UP_AFTER after the line."""
    ahead = timed and at > now
    if ahead:
        actions = tuple(
            replace(action, due=at) if action.kind == "follow-up" else action for action in actions
        )
    if asks and not any(action.kind == "follow-up" for action in actions):
        due = at if ahead else at + ASKED_FOLLOW_UP_AFTER
        actions = (*actions, Action(kind="follow-up", due=due, text=topic))
    return actions


def _time_of(
    text: str, now: datetime, words: Mapping[str, time | None]
) -> tuple[datetime | None, LogWarning | None]:
    """The moment a time field means today, or why it is not one (None when it is no time)."""
    folded = fold(text)
    if folded in words:
        clock = words[folded]
        if clock is None:
            return now, None
        return now.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0), None
    match = CLOCK.match(folded)
    if not match:
        return None, None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None, LogWarning("not-a-time", typed=text)
    return now.replace(hour=hour, minute=minute, second=0, microsecond=0), None


def _codes(
    topic: str, codes: Sequence[Code], at: datetime
) -> tuple[tuple[str, ...], tuple[Action, ...], str]:
    """The team's codes in the problem field, expanded to their words and actions."""
    by_word = {fold(code.word): code for code in codes}
    found: list[str] = []
    actions: list[Action] = []
    words = []
    for word in topic.split():
        code = by_word.get(fold(word.strip(",;")))
        if code is None:
            words.append(word)
            continue
        found.append(code.word)
        words.append(code.text)
        if code.follow_up_minutes is not None:
            due = at + timedelta(minutes=code.follow_up_minutes)
            actions.append(Action(kind="follow-up", due=due, text=code.text))
    return tuple(found), tuple(actions), " ".join(words)


# A code is one word: letters or digits first, then letters, digits, - or _.
CODE_WORD = re.compile(r"[^\W_][\w-]{0,29}")


def code_word_clash(word: str, *, time_words: Mapping[str, time | None]) -> str | None:
    """Why `word` cannot be a team's code in the line grammar, as a stable code, or None:
    `not-one-word` (spaces, dots or signs the line reads otherwise), `number` (read as a number
    or a time, "930"), `time-word` (the last field "now" or "morning" is read as the time)."""
    if not CODE_WORD.fullmatch(word):
        return "not-one-word"
    if word.isdigit():
        return "number"
    if fold(word) in {fold(known) for known in time_words}:
        return "time-word"
    return None


# Words of a promise to a customer, in the desk's languages: a note or reply saying one of these
# should have a follow-up behind it.
PROMISE = re.compile(
    r"(?i)\b("
    r"i(?:'|’)?ll (?:call|get back|write|come back|let you know)|i will (?:call|get back|write)|"
    r"we(?:'|’)?ll (?:call|get back|write)|we will (?:call|get back|write)|call (?:you )?back|"
    r"helistan tagasi|tagasi helistan|võtan ühendust|annan teada|"
    r"visszahívom|visszahívjuk|jelentkezem|jelentkezünk|"
    r"nazvat ću|nazvaću|javit ću|javiću|javićemo|javit ćemo|"
    r"ich rufe (?:sie )?zurück|wir melden uns|"
    r"перезвоню|свяжусь"
    r")"
    r"|(אחזור אליך|אחזור אלייך|אתקשר|נחזור אליך)"
)


def promises_in(text: str) -> list[str]:
    """The promise phrases in a text ("I'll call you back", "visszahívom", "אחזור אליך")."""
    return [match.group(0) for match in PROMISE.finditer(text or "") if match.group(0)]
