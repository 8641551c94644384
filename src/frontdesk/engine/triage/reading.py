"""Reading a contact as a whole: cues a word list alone gets wrong, each with the words it rests on.

A lexicon finds "cannot work" in "I can't work out how to …" and "payment" in "the payment went
through fine". The reading looks at phrases in their sentence: negation and its scope, idioms that
block nothing, money told as facts (an amount taken twice, the wrong amount, a renewal declined),
loss of records, how many are affected, repetition, and a question that needs one fact. Every cue
keeps the customer's words, so a decision resting on it names them. The same cues, counted, are a
small feature vector for a learned model.

Patterns are written as a customer writes (with accents) and folded like the text they read.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from frontdesk.engine.text import fold

# The kinds of cue, in the order of the feature vector.
KINDS = (
    "calm",  # "not urgent", "no rush": lowers an alarm, never a level-1 fact
    "payment_fine",  # "no problem with the payment", "the payment went through fine"
    "idiom",  # "can't work out how to", "stuck on which plan", "locked in last year's price"
    "money",  # an amount taken twice, a wrong amount, a renewal declined
    "locked",  # a card or account blocked, frozen, read-only
    "loss",  # orders, records, data gone
    "scope",  # "our whole team", "nobody in the office" — who cannot do something
    "repetition",  # "third time", "fourth delivery attempt"
    "praise",  # a mock complaint that is praise ("Scandal! It came a day early 😄")
    "starting",  # just started, switched from another system, took over the account
    "one_fact",  # one short question that one fact answers
)


@dataclass(frozen=True)
class Cue:
    """One thing the reading found: its kind, the customer's words, and a detail for a reason
    (for money, what happened and the amount: "charged twice", "EUR 84.20")."""

    kind: str
    words: str
    detail: str = ""
    amount: str = ""


@dataclass(frozen=True)
class Reading:
    """Every cue found in a contact."""

    cues: tuple[Cue, ...]

    def first(self, kind: str) -> Cue | None:
        """The first cue of a kind, if any."""
        return next((cue for cue in self.cues if cue.kind == kind), None)

    def has(self, kind: str) -> bool:
        """Whether a cue of the kind was found."""
        return self.first(kind) is not None

    def features(self) -> tuple[float, ...]:
        """How many cues of each kind, in the order of KINDS."""
        return tuple(float(sum(cue.kind == kind for cue in self.cues)) for kind in KINDS)


def _any(*phrases: str) -> str:
    return "|".join(phrases)


def _joined(*words: str) -> str:
    # Hebrew joins "and" and "that" to the next word ("והכסף", "שהכרטיס"): each word with them.
    return "(" + "|".join(prefix + word for word in words for prefix in ("", "ו", "ש")) + ")"


# Hebrew: a sentence's words between two phrases, a decimal point ("7.90") included.
_HE_GAP = r"(?:[^.!?\n]|\.(?=\d)){0,120}"
# Hebrew: money gone out of the customer's account.
_HE_TAKEN = _joined(r"ירד", r"ירדו", r"ירדה", r"חויב\w*", r"נגב\w*", r"חייבו", r"הכסף ירד")
# Hebrew: an order or a bill shown as not paid.
_HE_UNPAID = (
    r"(ממתי(ן|נ\w*) לתשלום|כ'?ממתי(ן|נ\w*) לתשלום|"
    r"לא שול(ם|מ\w*)|טרם שול(ם|מ\w*)|לא משול(ם|מ\w*))"
)
# Any character of the same sentence: a full stop inside a number ("6.380 KM") ends none.
_IN_SENTENCE = r"(?:[^.!?\n]|(?<=\d)\.(?=\d))"


# Per language: the patterns of each kind, as alternatives of one expression. English is read in
# every language too (customers mix them).
_PATTERNS: Mapping[str, Mapping[str, str]] = {
    "en": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(
            r"transfer (my|our|the) (account|contract)",
            r"move our (data|account)",
            r"a quote",
            r"merge",
            # Why one's own bill or account is as it is takes a look at it.
            r"why (is|was|has|did|does) (my|our|it|the bill|this)",
        ),
        # A second question joined to the first: "…, and roughly when can I book?"
        "and_asks": r"and (\w+ ){0,2}(when|where|what|how|can|could|do|does|is|are|will|would"
        r"|should)",
        "complaint": _any(r"i have a complaint", r"a complaint"),
        "thanks": _any(r"honestly,? thank you", r"thank you!", r"seriously,? thanks"),
        "calm": _any(
            r"not urgent",
            r"no rush",
            r"no hurry",
            r"whenever you (have|get) (time|a chance)",
            r"no big deal",
            r"when you get a chance",
        ),
        "payment_fine": _any(
            r"no problem with the payment",
            r"payment went through fine",
            r"payment (is|was) fine",
            r"paid .{0,30}(all )?fine",
            # Asking how long a refund takes names a refund and no problem with it.
            r"how long (does|do|will|would) (it take (to get |for )?)?(a |the |my )?refunds?",
        ),
        "idiom": _any(
            r"can'?t work out",
            r"can['’]t work out",
            r"cannot work out",
            r"stuck on (which|choosing|what)",
            r"locked in",
            r"lock (closed|past|the) ",
        ),
        "twice": _any(
            r"twice",
            r"two identical (payments|charges)",
            r"double charged",
            r"two (payments|charges) of",
        ),
        "instead": r"instead of",
        "taken": _any(
            r"charged",
            r"taken",
            r"debited",
            r"collected",
            r"went out",
            r"deducted",
            r"billed",
            # Paid short: "you paid £340, the letter says £1,340".
            r"pay (me |us )?(the )?(remaining|rest|difference|outstanding|missing)",
            r"only (paid|received|got|transferred)",
            r"(paid|transferred) (me |us )?(only|short)",
            r"under-?paid",
            r"short-?paid",
        ),
        # Money that should have come and did not, or paid and shown unpaid.
        "unreceived": _any(
            r"(settlement|payout|pay-out|payment|transfer|money|funds|deposit|refund|takings)"
            r"( [^ ]+){0,5} (has |have |had )?(never|not|still not|not yet|has ?n['’]?t"
            r"|have ?n['’]?t|did ?n['’]?t|has not|have not|did not)( yet)? (arrived"
            r"|come( through| in)?|reached|landed|shown up|been (paid|credited|received))",
            r"(i|we)( have|'ve)? paid[^.!?\n]{0,120}(unpaid|not paid|awaiting payment"
            r"|payment pending|still outstanding|as outstanding)",
        ),
        # A fee that should not apply: charged again, not in the contract, on a prepaid parcel.
        "fee_wrong": _any(
            r"(fee|charge|surcharge)s?( [^ ]+){0,4} (that )?(should|does|did|is|do)"
            r" ?(n['’]?t|not) (apply|be charged|have been charged|be there)",
            r"(should ?n['’]?t|should not|was ?n['’]?t supposed to|were ?n['’]?t supposed to"
            r"|not supposed to) (have )?(be(en)? )?(charged|billed|pay|paid)",
            # Opened by its subject: "charged" alone is a money word.
            r"(you|they|i was|we were|been) (charged|billed)( me| us)?( [^ ]+){0,4}"
            r" (fee|charge|surcharge) again",
            r"(contract|terms|agreement)( [^ ]+){0,3} (does ?n['’]?t|does not|do ?n['’]?t|do not)"
            r" (mention|include|allow|say anything about) (a |any |the )?([^ ]+ )?(fee|charge)",
            r"(fee|charge|duty|surcharge)( [^ ]+){0,4} (on|for) (a |an |my |the )?"
            r"(prepaid|already paid)",
        ),
        # A payment, debit or card refused, in whatever order the sentence puts it.
        "declined": _any(
            r"(payment|direct debit|debit|card|transaction|charge|transfer)( [^ ]+){0,4} (was|were"
            r"|has been|have been|got|gets|is being|are being|keeps being|keeps getting|is|are)"
            r" (declined|rejected|refused|bounced)",
            r"(direct debit|payment)( [^ ]+){0,4} (was|has been|got) (returned|reversed)",
        ),
        # No connection or supply: the line, the internet, the power.
        "offline": _any(
            r"(internet|broadband|connection|line|wifi|router|network|power|electricity|water)"
            r"( [^ ]+){0,3} (is|has been|have been|went|goes|keeps going|are) (down|dead|off|out)",
        ),
        "renewal_failed": _any(
            r"renewal .{0,40}(failed|declined|did ?n[o']?t go through)",
            r"(failed|declined) renewal",
        ),
        "locked": _any(
            r"(card|account)( \w+){0,3} (is |was |has been |got )?"
            r"(blocked|frozen|locked|suspended|read-only)"
        ),
        "loss_object": _any(
            r"orders",
            r"records",
            r"data",
            r"stock( levels)?",
            r"entries",
            r"customers",
            r"files",
            r"bookings",
            r"appointments",
            r"rosters",
            r"contracts",
            r"records?",
            r"notes",
            r"history",
            r"timeline",
            r"invoices",
            r"documents",
            r"photos",
            r"products",
            r"messages",
            r"contacts",
        ),
        "loss_gone": _any(
            r"gone",
            r"lost",
            r"missing",
            r"disappeared",
            r"vanished",
            r"deleted",
            r"wiped",
            r"empty",
            r"reset to zero",
            r"(don'?t|do not|doesn'?t) appear",
        ),
        "scope": _any(
            r"whole (team|office|company|staff)",
            r"every(one|body)",
            r"nobody",
            r"no one",
            r"all of us",
            r"we all",
            r"every customer",
            r"no customer",
            r"all (our )?\d+ \w+",
        ),
        "unable": _any(r"can'?t", r"can['’]t", r"cannot", r"unable", r"(is|are) able to"),
        "repetition": _any(
            r"(third|fourth|fifth|3rd|4th|5th) (time|attempt|failed)",
            # "A fourth week without a working scanner", "three days with no heating".
            r"(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (straight |whole |full )?"
            r"(day|week|month)( in a row| running)?( now)? (without|with no)",
            r"(two|three|four|five|six|several) (straight |whole |full )?(days|weeks|months)"
            r"( now)? (without|with no)",
            r"still no (answer|reply)",
            r"again and again",
        ),
        "praise": _any(r"always( been)? (great|good|fine|spot on|perfect)", r"spot on"),
        # A wish for a feature: asked again, it is still a wish, not a problem.
        "wish": _any(
            r"(could|can|would) you (please )?add (a|an)",
            r"please (could you )?add (a|an)",
            r"would (love|like) (a|an|to see)",
            r"feature (request|wish)",
            r"on (the|your) roadmap",
            r"would be (great|nice|good|handy) (if you (could )?add|to have)",
        ),
        "starting": _any(
            r"switched (to you )?from",
            r"(just|recently) (signed up|started|joined)",
            r"new here",
            r"set up the account for us",
            r"moving over from",
            r"for the first time",
            r"took over the account",
            # Opened by its subject: "taken" alone is a money word.
            r"(i|we|have|has|had|i'?ve|we'?ve) (taken|took) over (\w+ ){0,2}"
            r"(account|admin|looking after|from)",
            r"started (at|with) [^ ]+( [^ ]+)? (last|this) (week|month)",
        ),
        "question": _any(
            r"where",
            r"what",
            r"what'?s",
            r"which",
            r"when",
            r"how (much|long|many)",
            r"is there",
            r"are there",
            r"do (you|u|i)",
            r"does",
            r"can (i|we)",
            r"is (it|the|two)",
            r"how do i",
            r"wondering (if|whether)",
            # A yes-or-no question opened by a verb, only when it ends in a question mark.
            r"(will|can) (a|an|the|it|my|our|this|that)[^.!?\n]{0,100}\?",
        ),
    },
    "et": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(
            r"üle tuua",
            r"ümber vormistada",
            r"pakkumine",
            r"ühendage",
            r"hinnapakkumis\w*",
            r"pakkumis\w*",
            r"saaksite( \w+){0,6} (jagada|muuta|saata|lisada|teha|ühendada|eemaldada|kustutada|"
            r"tühistada)",
            r"(enda|minu|oma|tema|meie) nimele",
            r"kokku leppida",
            r"(on|ole) (teil )?(plaanis|kavas)",
            r"plaanite",
            r"kavatsete",
        ),
        "complaint": _any(r"mul on kaebus", r"kaebus", r"pean kaebama", r"pean kurtma"),
        "thanks": _any(r"aitäh!", r"tõsiselt,? aitäh"),
        "calm": _any(r"pole kiire", r"ei ole kiire", r"ei kiirusta", r"kui aega on", r"kui jõuate"),
        "payment_fine": _any(r"makse läks läbi", r"kõik läks hästi", r"maksega on kõik korras"),
        "idiom": _any(r"ei saa aru, kuidas", r"ei oska valida"),
        "twice": _any(r"kaks korda", r"kahekordselt", r"topelt", r"kahel korral"),
        "instead": r"asemel",
        "taken": _any(r"võeti", r"võetakse", r"maha", r"debiteeriti", r"arveldati"),
        "renewal_failed": _any(r"pikendamine .{0,40}(ebaõnnestus|ei õnnestunud)"),
        "locked": _any(r"(konto|kaart)( \w+){0,4} (on )?(lukus|külmutatud|blokeeritud|suletud)"),
        "loss_object": _any(
            r"tellimused",
            r"tellimus",
            r"tellimusi",
            r"aruanded",
            r"müügiaruanded",
            r"raportid",
            r"broneeringud",
            r"tooted",
            r"andmed",
            r"arved",
            r"kliendid",
            r"graafikud",
            r"vahetused",
            r"laoseis",
            r"kirjed",
        ),
        "loss_gone": _any(
            r"kadunud",
            r"kadusid",
            r"kadus",
            r"kustutatud",
            r"kustusid",
            r"tühjad",
            r"tühi",
            r"puuduvad",
            r"(ei ole|pole)( [\w-]+){0,6} (kohale|lattu|kliendini|klientideni|saajani|kontole|"
            r"\w*programmi|süsteemi) jõudnud",
            r"ei jõua (kohale|lattu|kliendini|klientideni|saajani|\w*programmi|süsteemi)",
        ),
        "scope": _any(
            r"keegi",
            r"kõigil",
            r"(kogu|terve) (meeskond|kontor|firma|ettevõte|osakond|ladu)",
            r"ükski (klient|töötaja|kassa)",
            r"kõigis (\w+ )?(poodides|poes|kauplustes|kontorites|filiaalides|kassades)",
        ),
        "unable": _any(r"ei saa", r"ei pääse", r"ei suuda", r"ebaõnnestub", r"ei väljasta"),
        "repetition": _any(
            r"(kolmas|neljas|viies|kuues) (kord|kiri|meil|kõne|pöördumine|katse|nädal|kuu)",
            r"(kolmandat|neljandat|viiendat|mitmendat) (korda|kirja|nädalat|kuud)",
            r"(kaks|kolm|neli|viis|mitu) korda (lubanud|lubati|lubasite|lubatud)",
            r"ikka veel vastust pole",
            r"vastust (pole|ei ole) (siiani|ikka|endiselt)",
        ),
        "praise": _any(
            r"alati (kõik )?(korras|hästi|suurepärane)",
            r"(on|oli|töötab|toimib) (nii|liiga) (hea|hästi|mugav|lihtne|kiire|kiiresti),? et",
        ),
        "starting": _any(
            r"alustasime",
            r"(võtsime|võtsin)( \w+){0,3} üle( [\w-]+){0,3} (\w*poe|firma|ettevõtte|äri|salongi|"
            r"kohviku|kaupluse|konto|kontod|raamatupidamise)",
            r"(võtsime|võtsin|ostsime|ostsin)( [\w-]+){0,3} (\w*poe|firma|ettevõtte|äri|salongi|"
            r"kohviku|kaupluse|konto|kontod|raamatupidamise)( \w+){0,2} üle",
            r"(uus|uued) omanik\w*",
            r"tulime üle",
            r"sain konto üle",
            r"uus raamatupidaja",
            r"eelmisest nädalast",
        ),
        "question": _any(
            r"kus",
            r"kust",
            r"mis",
            r"kas",
            r"millal",
            r"kui palju",
            r"palju (\w+ )?maksa\w*",
            r"kui kaua",
            r"kui suur",
            r"kuidas",
            r"millis\w*",
            r"mitu",
        ),
    },
    "bs": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(
            r"prepisati",
            r"prenijeti",
            r"ponud\w*",
            r"spojite",
            # Plans, a booking moved, terms of a contract: a decision, not one fact.
            r"u planu",
            r"(šta|sta|što|koji|koju|koje) (biste |bi |nam |mi )*preporuč\w*",
            r"(da li )?planirate",
            r"pomjer\w*",
            r"(možete|mozete) li (to |nam |mi )?(uraditi|napraviti|promijeniti|prebaciti)",
            r"uslov\w* (za (ugovor\w*|saradnj\w*)|ugovora|saradnje)",
            r"na (drugi|novi) račun",
            r"račun u drugoj banci",
        ),
        "complaint": _any(r"imam žalbu", r"žalba", r"prigovor"),
        "thanks": _any(r"hvala!", r"ozbiljno,? hvala"),
        "calm": _any(r"nije hitno", r"nema žurbe", r"ne žuri", r"kad stignete"),
        "payment_fine": _any(
            r"sve je prošlo uredu",
            r"sve je prošlo u redu",
            r"plaćanje je prošlo",
            r"s plaćanjem je sve",
        ),
        "idiom": _any(
            r"ne mogu skontati",
            r"ne znam kako",
            r"ne mogu (da )?se (snaći|snađem|snadjem)",
            r"ne snalazim se",
        ),
        "twice": _any(r"dva puta", r"dvaput", r"duplo", r"dvostruk\w*"),
        "instead": r"umjesto",
        "taken": _any(
            r"skinuli",
            r"skinuto",
            r"skinuta",
            r"naplaćen\w*",
            r"naplatili",
            r"terećen\w*",
            r"plaćen",
        ),
        # A charge or fee named as taken ("skidate naknadu", "obračunata je naknada", "kurir je
        # tražio 12 KM pouzeća"), read with what says it is not owed.
        "charged": _any(
            r"skida\w*",
            r"skinu\w*",
            r"naplać\w*",
            r"naplati\w*",
            r"obračuna\w*",
            r"zaračuna\w*",
            r"terete",
            r"tražio( \w+){0,3} pouzeć\w*",
            r"tražila( \w+){0,3} pouzeć\w*",
        ),
        # Not owed: free by the contract, never ordered, paid already, cancelled before.
        "not_owed": _any(
            r"(trebal\w*|trebao) (bi )?(da )?(bude |biti |je )?(bez naknad\w*|besplatn\w*|"
            r"oslobođen\w*)",
            r"ne bi (trebal\w*|trebao|smjel\w*|smio) (da )?(se )?(naplać\w*|naplati\w*|plać\w*|"
            r"obračun\w*|skida\w*)",
            r"(nisam|nismo|nikad nisam|nikada nisam|nikad nismo|nikada nismo) (ništa )?"
            r"(tražil\w*|tražio|naručil\w*|naručio|ugovoril\w*|ugovorio|potpisal\w*|potpisao)",
            r"(već|unaprijed) (sam |smo |je )?(platil\w*|platio|plaćen\w*|uplaćen\w*)",
            r"(platil\w*|platio) (sam |smo )?(karticom|unaprijed|online|prilikom narudžbe)",
            r"(otkazal\w*|otkazao|raskinul\w*|raskinuo) (sam |smo )?(\w+ ){0,3}(pismeno|na vrijeme|"
            r"ugovor\w*|članarin\w*|pretplat\w*|uslug\w*)",
            r"(nakon|poslije|iako) (sam |smo )?(otkaz\w*|raskid\w*)",
        ),
        # Money taken, yet the order, ticket or account shows nothing for it.
        "paid_but": _any(
            r"(novac|novci|pare|iznos|uplata)( \w+){0,2} (skinut\w*|naplaćen\w*|povučen\w*|"
            r"uplaćen\w*|otišl\w*|otišao)" + _IN_SENTENCE + r"{0,60}?(,| -| –)? (a|ali|međutim)",
            r"(platil\w*|platio|uplatil\w*|uplatio|platili|uplatili)" + _IN_SENTENCE + r"{0,80}?"
            r"(i dalje|još uvijek|jos uvijek|ipak) (pokazuje|prikazuje|piše|stoji|vodi)( \w+){0,3} "
            r"(kao )?(dug\w*|neplaćen\w*|nije plaćen\w*|nije uplaćen\w*|opomen\w*)",
        ),
        # A payout, settlement or refund that never arrived.
        "unreceived": _any(
            r"(isplat\w*|uplat(a|u|e)|novac|pare|povrat (novca|sredstava|uplate|iznosa|para)|"
            r"otkupnin\w*|refundacij\w*)"
            + _IN_SENTENCE
            + r"{0,60}? (još |jos |i dalje |nikad |nikada )?"
            r"(nije|nisu) (još |jos )?(stigl\w*|stigao|legl\w*|legao|isplaćen\w*|vraćen\w*)",
            r"(nije|nisu) (još |jos )?(stigl\w*|stigao|legl\w*|legao) (\w+ ){0,2}"
            r"(isplat\w*|uplat(a|u|e)|novac|pare|povrat\w*)",
            r"(nisam|nismo) (još |jos )?(dobil\w*|primil\w*|dobio|primio) (\w+ ){0,2}"
            r"(isplat\w*|novac|pare|povrat\w*|otkupnin\w*)",
        ),
        "renewal_failed": _any(
            r"produženje .{0,40}(nije prošlo|neuspješno|odbijeno)",
            r"neuspješno produženje",
            r"(obnov\w*|produž\w*) .{0,70}?(odbijen\w*|nije prošl\w*|nije uspjel\w*|ne prođe|"
            r"ne prodje|nije uspio|neuspješn\w*)",
        ),
        "locked": _any(
            r"(kartica|nalog|račun)( \w+){0,4} (je )?(blokiran\w*|zaključan\w*|"
            r"zamrznut\w*|samo za čitanje)"
        ),
        "loss_object": _any(
            r"narudžbe",
            r"podaci",
            r"fakture",
            r"ponuda",
            r"kupci",
            r"zapisi",
            r"artikli",
            r"stanje",
        ),
        "loss_gone": _any(
            r"nestal\w*", r"izbrisan\w*", r"obrisan\w*", r"prazn\w*", r"izgubljen\w*"
        ),
        "scope": _any(r"niko", r"nitko", r"svi", r"cijel\w* (firma|tim|ured)", r"nijedn\w*"),
        "unable": _any(
            r"ne može",
            r"ne mogu",
            r"ne možemo",
            r"ne moze",
            r"ne mozemo",
            # "nijedna narudžba ne stiže", "nijedna kasa ne radi"
            r"ne (stiže|stižu|stize|stizu|dolazi|dolaze|prolazi|prolaze|radi|rade)",
        ),
        "repetition": _any(
            r"(treći|četvrti|peti|treci|cetvrti) put",
            r"(od tada|od tad|do danas|i dalje|još uvijek|jos uvijek) (ništa|nista|nikakv\w* "
            r"odgovor\w*|bez odgovora|nema odgovora)",
            # "niko mi se nije javio" ("niko" alone is read as scope)
            r"se (još |jos )?(niko |nitko )?nije (javio|javila|javilo)",
        ),
        # Anger at a third party, said to spare us: "to je njihova sramota, ne vaša".
        "not_us": _any(
            r"(njihova|njegova|njena) (je )?(sramota|krivica|krivnja|greška)",
            r"nije vaša (krivica|krivnja|greška)",
            r"niste (vi )?(krivi|kriv)",
            r"nema veze s vama",
        ),
        "praise": _any(r"uvijek (je )?(sve )?(bilo )?(super|odlično|uredu|u redu|sjajno|savršeno)"),
        "starting": _any(
            r"od prošle sedmice radimo",
            r"počeli smo",
            r"smo počeli",
            r"prešli smo",
            r"prvi put",
            r"preuzeo sam",
            r"preuzela sam",
            r"nov\w* (sam )?vlasni(k|ca|ci)\w*",
            # Taking over a business or its books, not picking up a parcel.
            r"((sam|smo) (preuzel\w*|preuzeo)|preuzimam) (\w+ ){0,2}(knjigovodstv\w*|"
            r"računovodstv\w*|nalog\w*|firm\w*|poslove|administracij\w*|salon\w*|radnj\w*|"
            r"pretplat\w*)",
            r"(počela|počeo|počeli) (sam |smo )?(da )?rad(im|iti|imo) u",
            r"nov\w* (sam )?(u firmi|zaposlen\w*)",
        ),
        "question": _any(
            r"gdje",
            r"koja",
            r"koji",
            r"koje",
            r"kada",
            r"koliko",
            r"da li",
            r"ima li",
            r"može li",
            r"mogu li",
            r"je li",
            r"kako",
            r"kolik\w*",
            r"koju",
            r"kakav",
            r"(do |u |na |od )?koj(eg|em|oj|im|ih|om)",
            r"šta",
            r"postoji li",
        ),
    },
    "hu": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(r"átír\w*", r"ajánlat\w*", r"vonják össze"),
        "complaint": _any(r"panaszt szeretnék tenni", r"panasz"),
        "thanks": _any(r"köszönöm!", r"komolyan,? köszönöm"),
        "calm": _any(r"nem sürgős", r"nem sietős", r"ráér", r"nincs sietség"),
        "payment_fine": _any(
            r"minden rendben volt", r"a fizetéssel nincs gond", r"a fizetés rendben"
        ),
        "idiom": _any(
            r"elakadtam a",
            r"nem jövök rá",
            r"nem tudok rájönni",
            r"nem tudunk rájönni",
            r"nem tudom eldönteni",
        ),
        "twice": _any(r"kétszer", r"duplán", r"dupla"),
        "instead": r"helyett",
        "taken": _any(r"vontak le", r"levont\w*", r"terhelt\w*", r"terheltek", r"leemelt\w*"),
        "renewal_failed": _any(r"megújítás .{0,40}(sikertelen|nem sikerült)"),
        # Money owed to the customer that never came: a settlement, a transfer, a refund, "on
        # our account" a few words before "never arrived" or just after it.
        "unreceived": _any(
            r"(elszámolás|utalás|kifizetés|visszatérítés|jóváírás|pénz|(bank)?számlá(m|nk)?ra)"
            r"\w*[,;]?( [^ ]+){0,6} (nem|sem) ((jött|érkezett) meg|kapt(am|uk) (meg|vissza))",
            r"(nem|sem) ((jött|érkezett) meg|kapt(am|uk) (meg|vissza)) (a|az) "
            r"(elszámolás|utalás|kifizetés|visszatérítés|jóváírás|pénz)\w*",
        ),
        "locked": _any(
            r"(kártyá\w*|fiók\w*|számlá\w*)( \w+){0,3} (le van tiltva|letiltott\w*|"
            r"zárolt\w*|zárolták|zárolva|befagyaszt\w*|korlátozva|korlátozták|blokkolva|"
            r"blokkolták|felfüggesztve|felfüggesztették)",
            r"(letiltották|letiltottátok|zárolták|korlátozták|blokkolták|felfüggesztették|"
            r"befagyasztották) a (kártyá|fiók|számlá)\w*",
        ),
        "loss_object": _any(
            r"rendelések", r"adatok", r"számlák", r"ügyfelek", r"bejegyzések", r"készlet"
        ),
        "loss_gone": _any(
            r"eltűnt\w*", r"törlődött\w*", r"törlődtek", r"üres\w*", r"elveszt\w*", r"nullázód\w*"
        ),
        "scope": _any(r"senki", r"mindenki", r"az egész (csapat|iroda|cég)", r"egyetlen"),
        "unable": _any(r"nem tud\w*", r"nem lehet", r"nem megy", r"nem sikerül"),
        "repetition": _any(
            r"(harmadszor|negyedszer|ötödször)",
            r"(harmadik|negyedik|ötödik) alkalommal",
            # "the fourth week it has not worked", "for weeks now"
            r"(második|harmadik|negyedik|ötödik|hatodik|sokadik) (hete|hónapja|napja)",
            r"(hetek|hónapok) óta (nem|nincs|sem)",
            r"(már )?megint nem",
            r"ismét nem",
            r"még mindig nincs (meg|válasz\w*|megoldva)",
            r"még mindig nem (kaptam|kaptuk|jött|érkezett|működik|oldották)\w*",
        ),
        "praise": _any(
            r"mindig (minden )?(rendben|tökéletes|remek|jó|szuper|hibátlan|gördülékeny)\w*",
            # "nothing to moan about any more", "a complaint (not really)"
            r"nincs (min|mire|miért) (bosszankod|panaszkod|morog|dohog|reklamál)\w*",
            r"(panasz|reklamáció) \(?nem (igazán|komoly)",
        ),
        "starting": _any(
            r"kezdtünk",
            r"elindítottuk",
            r"átálltunk",
            r"most kezdtem",
            r"új vagyok",
            r"átvettem",
            r"átvettük",
            # "I took over the invoicing from my colleague", "from the previous owner"
            r"(vettem|vettük) át (a|az) \w+(tól|től)",
            r"(vettem|vettük) át (a|az) (\w+ ){0,3}(számlázás|fiók|bolt|üzlet|cég|irod|"
            r"könyvelés|vállalkozás|ügyintézés)\w*",
            r"előző (tulajdonos|kolléga|munkatárs|könyvelő)\w*",
            r"(még )?ismerkedem",
            r"(még )?ismerkedünk",
        ),
        "question": _any(
            r"hol",
            r"mi",
            r"mennyi\w*",
            r"mekkora",
            r"mikor",
            r"melyik\w*",
            r"van",
            # "can one …?", not "it can't go on like this"
            r"(?<!nem )lehet",
            r"nyitva",
            # "do you deliver to …?", typed fast
            r"szá?ll?ít(otok|tok|anak|ják)",
            r"küldtök",
            r"küldenek",
            # "one question: …" announces the one question
            r"egy (gyors |rövid )?kérdés",
            r"hogyan",
            r"milyen",
            r"hány",
            r"meddig",
            r"hova",
            r"lesz",
            r"adnak",
            r"működik",
        ),
    },
    "de": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(
            r"umschreiben",
            r"übertragen",
            r"angebot",
            r"zusammenführen",
            # Why one's own bill or account is as it is takes a look at it.
            r"woran liegt das",
            r"warum (ist|war|hat|wurde) (mein|meine|unser|unsere|die rechnung|der abschlag)",
        ),
        # A second question joined to the first: "…, und muss das extra beantragt werden?"
        "and_asks": r"und (\w+ ){0,1}(muss|kann|macht|wie|wo|was|wann|gibt|ist|sind|brauche|soll"
        r"|können|könnt|darf)",
        "complaint": _any(r"ich muss mich beschweren", r"beschwerde"),
        "thanks": _any(r"im ernst,? danke", r"danke!"),
        "calm": _any(
            r"nicht dringend", r"keine eile", r"kein stress", r"eilt nicht", r"wenn sie zeit haben"
        ),
        "payment_fine": _any(
            r"mit der zahlung ist alles in ordnung",
            r"zahlung hat geklappt",
            r"zahlung ist durchgegangen",
            # Asking how long a refund takes names a refund and no problem with it.
            r"wie lange dauer\w* ([^ ]+ ){0,2}(erstattung|rückerstattung|gutschrift|rückzahlung)",
        ),
        "idiom": _any(
            r"krieg\w* nicht raus", r"komme nicht dahinter", r"blicke .{0,20}nicht durch"
        ),
        "twice": _any(r"zweimal", r"doppelt", r"zwei mal"),
        # "96 € statt bisher 71 €" announces a new price, it names no wrong amount.
        "instead": _any(r"statt(?! (wie )?(bisher|vorher|früher|zuvor))", r"anstatt"),
        "taken": _any(
            r"abgebucht",
            r"abgezogen",
            r"berechnet",
            r"belastet",
            r"eingezogen",
            # Paid short: "überwiesen wurden nur 340 €".
            r"(nur|lediglich) ([^ ]+ ){0,3}(überwiesen|ausgezahlt|erstattet|gezahlt)",
            r"(restbetrag|differenz|fehlenden betrag)",
        ),
        # Money that should have come and did not, or paid and shown unpaid.
        "unreceived": _any(
            r"(geld|betrag|zahlung|überweisung|auszahlung|gutschrift|erstattung|rückzahlung|miete)"
            r"[^.!?\n]{0,80} (nicht|nie|noch nicht|immer noch nicht|bis heute nicht) ([^ ]+ )?"
            r"(eingegangen|angekommen|gutgeschrieben|verbucht|zugeordnet)",
            r"(bezahlt|gezahlt|überwiesen)[^.!?\n]{0,150}(zahlung ausstehend|ausstehend|unbezahlt"
            r"|nicht bezahlt|als offen)",
        ),
        # A fee or a cut-off that should not apply: despite a paid duty, instalments, cover.
        "fee_wrong": _any(
            r"trotz ([^ ]+ ){0,2}(verzollt\w*|versteuert\w*|bezahlt\w*|gezahlt\w*|vorkasse"
            r"|vorauszahlung|vorausbezahlt\w*|ratenzahlung\w*|zahlung|bezahlung|überweisung"
            r"|lastschrift|frankiert\w*|kündigung|vereinbarung)",
            r"obwohl ([^ ]+ ){0,6}(bezahlt|gezahlt|überwiesen|gedeckt|verzollt|vereinbart"
            r"|gekündigt)",
            r"(gebühr|kosten|pauschale|zuschlag)\w*( [^ ]+){0,4} (dürfte|dürften|sollte|sollten"
            r"|hätte|hätten) ([^ ]+ ){0,3}(nicht|gar nicht|nie|keine)",
        ),
        # A payment, debit or card refused, in whatever order the sentence puts it.
        "declined": _any(
            r"(lastschrift|zahlung|abbuchung|überweisung|karte|kreditkarte|debitkarte|girocard"
            r"|bezahlung|transaktion)( [^ ]+){0,4} (ist|wurde|wird|wurden|sind) ([^ ]+ ){0,2}"
            r"(zurückgegangen|zurückgebucht|abgelehnt|geplatzt|fehlgeschlagen|zurückgewiesen)",
        ),
        # No connection or supply: the line, the internet, the power.
        "offline": _any(
            r"(internet\w*|anschluss|leitung|verbindung|telefon\w*|netz|wlan|router|strom|wasser)"
            r"( [^ ]+){0,5} (ist |sind )?(tot|ausgefallen|offline|abgestellt|abgeschaltet)",
        ),
        "renewal_failed": _any(r"verlängerung .{0,40}(fehlgeschlagen|nicht geklappt|abgelehnt)"),
        "locked": _any(
            r"(karte|konto|debitkarte|kreditkarte|firmenkarte|firmenkreditkarte|girokarte|girocard"
            r"|bankkarte|ec-karte|kundenkonto|firmenkonto|geschäftskonto|girokonto|onlinebanking)"
            r"( [^ ]+){0,4} (wurde |ist )?(\w+ ){0,4}(gesperrt|eingefroren|blockiert)"
        ),
        "loss_object": _any(
            r"bestellungen",
            r"daten",
            r"kundenstamm",
            r"rechnungen",
            r"kunden",
            r"einträge",
            r"termine",
            r"lagerbestand",
        ),
        "loss_gone": _any(
            r"weg", r"verschwunden", r"gelöscht", r"leer", r"fehlen", r"verloren", r"auf null"
        ),
        "scope": _any(
            r"wir alle",
            r"alle kollegen",
            r"niemand",
            r"ganze (büro|team|firma)",
            r"keiner",
            r"kein einziger",
        ),
        "unable": _any(r"nicht mehr", r"können nicht", r"kann nicht", r"kommen .{0,20}nicht"),
        "repetition": _any(
            r"(dritte|vierte|fünfte)[nrs]? (mal|zustellversuch|versuch)",
            r"(dritter|vierter|fünfter) (zustellversuch|versuch)",
            # "Die dritte Woche ohne funktionierende Kasse", "seit zwei Wochen ohne Heizung".
            r"(zweite|dritte|vierte|fünfte|sechste)[nrs]? (woche|tag|monat)( in folge)?"
            r" ([^ ]+ )?ohne",
            r"(zwei|drei|vier|fünf|sechs|mehreren) (wochen|tagen?|monaten?) ([^ ]+ )?ohne",
        ),
        "praise": _any(r"immer (alles )?(top|super|bestens|gut|einwandfrei)"),
        # A wish for a feature: asked again, it is still a wish, not a problem.
        "wish": _any(
            r"könnte\w* (\w+ ){0,10}(auch )?(angeboten|eingebaut|ergänzt|hinzugefügt|eingeführt)"
            r" werden",
            r"wäre (es )?(schön|toll|super|praktisch|hilfreich), wenn",
            r"wünsch\w* (uns|mir|sich)",
            r"(funktions|feature-?)wunsch",
            r"ist (so etwas|sowas|das) geplant",
        ),
        "starting": _any(
            r"übernommen",
            r"eröffnet",
            r"seit letzter woche",
            r"umgestiegen",
            r"neu bei ihnen",
            r"sind neu",
            r"bin neu",
            r"übernehme",
            r"seit (dieser|letzter) woche ([^ ]+ ){0,4}zuständig",
            r"neu ([^ ]+ ){0,2}zuständig",
        ),
        "question": _any(
            r"wo",
            r"was",
            r"wie",
            r"welche\w*",
            r"wann",
            r"gibt es",
            r"kann (ich|man)",
            r"muss ich",
            r"liefert",
            r"sind sie",
            r"ob",
            r"gibt'?s",
            # A yes-or-no question opened by a verb, only when it ends in a question mark.
            r"(hat|haben|habt|ist|sind|gibt|liefern|liefert|nimmt|nehmen|akzeptieren|bieten"
            r"|muss|darf|geht|gilt|funktioniert) [^.!?\n]{0,100}\?",
        ),
    },
    "ru": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(
            r"переоформить",
            r"перенести",
            r"коммерческое предложение",
            r"объединить",
            r"сдвинуть",
            r"(изменить|поменять) дату",
            r"(получить|дать|предоставить|открыть) доступ",
            r"счёт на (фирму|компанию|организацию|юрлицо)",
            r"с чем (это )?(может быть |могло быть )?связан\w*",
            r"сделать предложение",
            # Rhetorical: "how shall I live now without the wait?"
            r"как (мне )?(теперь )?жить( дальше)?",
        ),
        "greeting": _any(
            r"здравствуйте", r"добрый (день|вечер)", r"доброе утро", r"привет", r"здрасте"
        ),
        # A second question joined by "and": several questions, however short.
        "and_asks": _any(
            r"и (как|где|когда|куда|почему|сколько|какой|какая|какие|каком)",
            r"и (можно|нужно|нужен|нужна|есть|будет) ли",
        ),
        "complaint": _any(r"хочу пожаловаться", r"жалоба"),
        # Thanks, or praise dressed as the complaint: "so fast I can't miss my order".
        "thanks": _any(
            r"спасибо!",
            r"серьезно,? спасибо",
            r"стал\w* (так|такой|такая|такое|настолько) быстр\w*",
            r"не успева\w* (даже )?соскучиться",
            r"соскучиться не успе\w*",
            r"(нечего|не на что) (по)?жаловаться",
        ),
        "calm": _any(
            r"не срочн\w*",
            r"ничего срочного",
            r"не к спеху",
            r"без спешки",
            r"когда будет время",
        ),
        "payment_fine": _any(r"оплата прошла", r"с оплатой все в порядке", r"все прошло хорошо"),
        "idiom": _any(r"не могу разобраться", r"не могу понять, как"),
        "twice": _any(
            r"дважды",
            r"два раза",
            r"двойн\w*",
            # Asked to pay again for what is paid: a COD fee on a prepaid parcel.
            r"(потребовали|требуют|требовали|просят|попросили|взяли|списали|сняли) "
            r"(с меня |с нас )?(ещё раз|ещё|повторно|второй раз)",
            r"(повторно|ещё раз|второй раз) (списали|сняли|взяли|потребовали)",
        ),
        # A fee that should not apply: taken although the plan makes it free, or by mistake.
        "fee_wrong": _any(
            r"(списали|сняли|взяли|начислили|выставили|удержали)( [^ ]+){0,12} хотя( [^ ]+){0,10} "
            r"(бесплатн\w*|не должн\w*|не положен\w*|не предусмотрен\w*)",
            r"(ошибочно|по ошибке|необоснованно|незаконно|неправомерно) "
            r"(списали|сняли|начислили|взяли|выставили)",
            r"(списали|сняли|начислили|взяли|выставили)( [^ ]+){0,3} "
            r"(ошибочно|по ошибке|необоснованно|незаконно|неправомерно)",
            r"не (должны были|имели права) (списывать|снимать|брать|начислять|выставлять)",
            r"наложенн\w* плат\w* (при|на|за) (уже )?оплаченн\w*",
        ),
        "instead": r"вместо",
        "taken": _any(r"списали", r"списано", r"сняли", r"снято", r"удержали"),
        "renewal_failed": _any(r"продлени\w* .{0,40}(не прошло|не удалось|отклонен\w*)"),
        "locked": _any(
            r"(карт\w*|аккаунт|счет)( \w+){0,4} (временно )?(заблокирован\w*|"
            r"заморожен\w*)"
        ),
        "loss_object": _any(
            r"заказы",
            r"данные",
            r"записи",
            r"клиенты",
            r"счета",
            r"остатки",
            r"расписание",
            r"смены",
        ),
        "loss_gone": _any(
            r"пропал\w*", r"исчез\w*", r"удален\w*", r"пуст\w*", r"обнулил\w*", r"потерял\w*"
        ),
        "scope": _any(
            r"никто",
            r"все сотрудники",
            r"весь офис",
            r"вся команда",
            r"ни (один|одна|одно|одного|одной|одну)",
            r"у всех (сотрудников|клиентов|пользователей)",
        ),
        # Cannot, or nothing gets through: "not a single lead has reached the CRM".
        "unable": _any(
            r"не может",
            r"не могут",
            r"не можем",
            r"не получается",
            r"не (попал|попада|доход|дош|проход|прош|уход|ушл|отправля|пришл|приход)\w*",
            r"не (создаёт|создают|работает|работают|открывает|открываются|загружа)\w*",
        ),
        # A problem again and again, or going on for days: "the fifth week without a terminal".
        # Ordering for the fifth time is a loyal customer.
        "repetition": _any(
            r"(третий|четвертый|пятый) раз"
            r"(?! (заказыва|бронир|покупа|пользу|оформля|летаю|езжу))",
            r"(второе|третье|четвёртое|пятое) (моё )?(обращение|письмо)",
            r"(вторую|третью|четвёртую|пятую|вторая|третья|четвёртая|пятая) (неделю|неделя) без",
            r"(второй|третий|четвёртый|пятый) (день|месяц) без",
            r"до сих пор нет ответа",
        ),
        "praise": _any(
            r"все всегда (отлично|хорошо)",
            r"всегда (всё )?(отлично|хорошо|прекрасно|замечательно|супер|на высоте|без проблем)",
            r"как всегда (отлично|на высоте|быстро)",
        ),
        "starting": _any(
            r"передали аккаунт", r"с прошлой недели", r"я новыи", r"только что открыл", r"начали"
        ),
        "question": _any(
            r"где",
            r"какои",
            r"как(ого|ому|ую|им|ом|ое|их)",
            r"скока",
            r"скоко",
            r"хоч\w* (спросить|уточнить|узнать)",
            r"хотел\w* (бы )?(спросить|уточнить|узнать)",
            r"какая",
            r"какие",
            r"сколько",
            r"когда",
            r"есть ли",
            r"можно ли",
            r"как",
            r"можно",
            r"есть",
            r"подскажите",
            r"скажите",
            r"до (скольки|какого)",
            r"в каком",
            r"куда",
        ),
    },
    "he": {
        # A request to do something for the customer: no one fact answers it.
        "action": _any(
            r"להעביר את",
            r"הצעת מחיר",
            r"לאחד",
            r"הסבר",
            r"שיחה",
            r"לתאם",
            r"(אפשר|תוכלו|תוכל|תוכלי) להוסיף",
            r"ממלי(ץ|צ\w*)",
            r"המלצה",
            r"יש סיכוי",
            r"ש?מישהו (יסתכל|יבדוק|יחזור|יתקשר|יעזור)",
            r"הייתי רוצה ש\w*",
            # A second question joined by "and": "how do I …, and how do I …?"
            r"ו(איך|איפה|מתי|כמה|האם|מה)",
        ),
        "complaint": _any(r"יש לי תלונה", r"תלונה"),
        "thanks": _any(r"תודה!", r"ברצינות,? תודה"),
        "calm": _any(r"לא דחוף", r"אין לחץ", r"בלי לחץ", r"כשיהיה לכם זמן", r"לא בוער"),
        "payment_fine": _any(r"התשלום עבר", r"הכול עבר בסדר", r"אין בעיה עם התשלום"),
        "idiom": _any(
            r"לא מצליח להבין איך",
            r"לא מצליחה להבין איך",
            # "Stuck between two plans", "can't decide": a choice, not a blocked desk.
            r"תקוע\w* (בין|על|בבחירה|בהחלטה)",
            r"לא מצליח\w* (להחליט|לבחור)",
            r"שובר\w* את הראש",
        ),
        # Before money taken: the same words open these longer phrases.
        # Paid, and the order or bill still shows unpaid, either way round.
        "shown_unpaid": _any(
            _HE_TAKEN + _HE_GAP + _HE_UNPAID,
            _joined(r"שילמתי", r"שילמנו") + _HE_GAP + _HE_UNPAID,
            _HE_UNPAID + _HE_GAP + r"(למרות ש|אבל |אך )" + _HE_GAP + _HE_TAKEN,
        ),
        # Money owed to the customer never came: a payout, a refund, an approved claim.
        "unreceived": _any(
            _joined(
                r"הכסף",
                r"כסף",
                r"ההעבר\w*",
                r"העברת",
                r"הזיכוי",
                r"ההחזר",
                r"התשלום",
                r"ההפקדה",
                r"התקבולים",
            )
            + r"( [^.!?\n ]+){0,14} (עדיין |עוד |טרם )?(לא|טרם) "
            r"(הגיע|הגיעה|הגיעו|הועבר|הועברה|הועברו|נכנס|נכנסה|התקבל|התקבלה|התקבלו)",
            r"(לא|טרם) (קיבלתי|קיבלנו) את (הכסף|ההעברה|ההחזר|הזיכוי|התשלום|התקבולים)",
        ),
        "paid_unreceived": _any(
            _HE_TAKEN + _HE_GAP + r"(אבל|אך) " + _HE_GAP + r"(לא|טרם) "
            r"(הגיע\w*|התקבל\w*|מופיע\w*|קיבלתי|קיבלנו)",
        ),
        "twice": _any(r"פעמיים", r"כפול", r"חיוב כפול"),
        "instead": r"במקום",
        "taken": _any(
            r"ירדו", r"חייבו", r"חויב\w*", r"נגבה", r"נגבו", r"קיבלתי חיוב", r"ירדו לי", r"ירדה לי"
        ),
        "renewal_failed": _any(r"החידוש .{0,40}(נכשל|לא עבר)"),
        # A fee or charge that should not apply: waived, exempt, promised free.
        "waived": _any(
            r"(אמור|אמורה|אמורים|אמורות) להיות (פטור\w*|חינם|בחינם|מבוטל\w*|ללא עלות)",
            r"פטור\w* מ(עמל\w*|תשלום|חיוב|דמי)",
            _joined(r"עמל\w*", r"דמי \w+", r"קנס\w*", r"החיוב") + r"( [^.!?\n ]+){0,4} "
            r"(מבוטל\w*|בוטל\w*|בחינם|ללא עלות|בלי עלות)",
            r"ש?לא (היה|הייתה|היו) (אמור|אמורה|אמורים) (לרדת|לחייב|להיות|לגבות)",
            r"(עמל\w*|חיוב|קנס\w*) ש?(לא|אינו|אינה) (אמור|אמורה|חל|חלה|רלוונטי\w*)",
        ),
        "locked": _any(
            _joined(r"הכרטיס", r"החשבון", r"המשתמש", r"כרטיס", r"כרטיס האשראי")
            + r"( [^ ]+){0,4} (חסום|חסומה|נחסם|נחסמה|נעול|ננעל|מוקפא|הוקפא|מושעה|הושעה|"
            r"במצב קריאה בלבד)",
            r"(חסמו|חסמתם|הקפיאו|הקפאתם) (לי |לנו )?את (הכרטיס|החשבון)",
        ),
        # With or without the article: "ההזמנות", the orders.
        "loss_object": _any(
            *(
                article + word
                for word in ("הזמנות", "נתונים", "רשומות", "לקוחות", "חשבוניות", "מלאי", "משמרות")
                for article in ("", "ה")
            )
        ),
        "loss_gone": _any(r"נעל(ם|מ\w*)", r"נמחק\w*", r"ריק\w*", r"אבד\w*", r"התאפס\w*"),
        "scope": _any(
            r"אף אחד",
            r"אף אחת",
            r"כולם",
            r"כל הצוות",
            r"כל המשרד",
            r"(אף|שום) (הזמנה|חשבונית|לקוח|לקוחה|עובד|משתמש|קופה)",
            r"כל (בקשה|ניסיון|הזמנה|חשבונית|הלקוחות|העובדים|המשתמשים|הקופות|הסניפים)",
        ),
        "unable": _any(
            r"לא יכול\w*",
            r"לא מצליח\w*",
            r"לא מגיע\w*",
            r"נכשל\w*",
            r"לא (נקלט|נקלטת|נקלטות|נקלטים|מתקבל|מתקבלת|מתקבלות|מתקבלים|עובר|עוברת|עוברות)",
        ),
        "repetition": _any(
            r"הפעם (השלישית|הרביעית)",
            r"ההשבתה (השלישית|הרביעית)",
            r"(השלישית|הרביעית) החודש",
            # "The fourth week without a working scanner", "two days without internet".
            r"(שבוע|יום|חודש) (שני|שלישי|רביעי|חמישי|שישי)( ברציפות)? (בלי|ללא)",
            r"(יומיים|שבועיים|חודשיים|שלושה ימים|\d+ ימים|שבוע|חודש) (בלי|ללא)",
        ),
        "praise": _any(
            r"ותמיד הכול מעולה",
            r"תמיד הכול (מעולה|בסדר)",
            r"(כל פעם|וכל פעם|תמיד|ותמיד) (הכל|הכול) (מושלם|מעולה|בסדר|מצוין|מצויין|טוב|תקין)",
            r"(הפעם|פעם) (ה)?(שלישית|רביעית|חמישית) ש(אני|אנחנו) (מזמי(ן|נ\w*)|קונ\w*)",
        ),
        "starting": _any(
            r"התחלנו",
            r"עברנו מ\w*",
            r"קיבלתי את החשבון",
            r"מהשבוע שעבר",
            # A new owner or employee taking over the account.
            r"(מהבעלים|הבעלים|בעלים) (ה)?(קודם|קודמ\w*|חדש\w*)",
            r"להעביר את (החשבון|המנוי) (אליי|אלינו|על שמי|על שמנו)",
            r"התחלתי (לעבוד|את העבודה|לנהל)",
            r"מחלי(ף|פ\w*) את [^ ]+( [^ ]+)? ש(עזב|עזבה|עזבו|פרש|פרשה)",
            r"(מנהל|מנהלת|עובד|עובדת|אחראי|אחראית) ([^ ]+ )?(חדש|חדשה)",
            r"הצטרפתי (אליכם|אתמול|השבוע|היום|לאחרונה)",
            r"הורדתי את האפליקציה",
        ),
        "question": _any(
            r"איפה",
            r"מה",
            r"כמה",
            r"מתי",
            r"האם",
            r"יש",
            r"אפשר",
            r"[לבמ]?איזה",
            r"[לבמ]?איזו",
            r"[לבמ]?אילו",
            r"לאן",
            r"מאיפה",
            r"ממתי",
            r"עד מתי",
            r"איך",
            r"מותר",
            r"ניתן",
            r"תומ(ך|כ\w*)",
            r"לא (מוצא|מוצאת|מוצאים)( [^ ]+)? (איפה|את)",
            # Asked inside a longer sentence: "and I wanted to know whether …".
            r"ו?רציתי לדעת (אם|האם)",
        ),
    },
}

# Mock complaints: a laughing or winking face, or a bare "complaint" said with thanks.
_LAUGH = re.compile("[\U0001f600-\U0001f606\U0001f609\U0001f60a\U0001f642\U0001f923\U0001f602]")
_AMOUNT = re.compile(
    r"(?P<pre>[£$€₪])\s?(?P<a>\d(?:[\d.,]|\s(?=\d))*\d|\d)"
    r"|(?P<b>\d(?:[\d.,]|\s(?=\d{3}))*\d|\d)\s?(?P<post>€|eur\w*|euro\w*|£|km\b|ft\b|ft-\w*|huf|"
    r"₪|ש\"ח|ils|руб\w*|₽|chf)"
)
_CURRENCIES = {
    "£": "GBP",
    "$": "USD",
    "€": "EUR",
    "eur": "EUR",
    "₪": "ILS",
    'ש"ח': "ILS",
    "ils": "ILS",
    "km": "KM",
    "ft": "HUF",
    "huf": "HUF",
    "руб": "RUB",
    "₽": "RUB",
    "chf": "CHF",
}
_SENTENCE_END = re.compile(r"[.!?\n]")
# How many words a one-fact question may run to, greeting and signature included.
ONE_FACT_MAX_WORDS = 45
# A question asked by a verb and a particle ("dostavljate li", "доставляете ли", "fizethetek-e")
# or by a Hungarian verb of may or can ("átveheti", "kérhetem"): a word no literal begins, looked
# for in a question's first words only.
_PARTICLE = re.compile(
    r"(?<!\w)\w+(?: li| ли|-e|hetek|hetem|hatok|hatom|heti|hati|hetunk|hatunk)(?!\w)"
)
# A question with this many commas has several parts.
PARTS_MAX = 2
# A question word counts among a sentence's first few words ("Hello, where do I …").
OPENER_WORDS = 6
# These ask wherever they stand in the sentence ("…, and I was wondering whether …").
ASKED_ANYWHERE = ("wondering", "רציתי לדעת", "ורציתי לדעת")


def _compiled(language: str, *, questions: bool) -> re.Pattern[str]:
    # One expression for a language and English: at a word start, the first kind whose phrase is
    # there as whole words. Trying each of hundreds of alternatives at every word would be slow,
    # so a trie of the phrases' literal beginnings finds the few places worth trying first; both
    # sit in one lookahead, so one search finds every place and its kind, phrases inside a
    # longer one too. Question words are everywhere in a long text and matter only in a short
    # one: they have an expression of their own, read only then.
    own, english = _PATTERNS.get(language, {}), _PATTERNS["en"]
    kinds = {
        kind: [_folded(source) for source in (own.get(kind), english.get(kind)) if source]
        for kind in dict.fromkeys([*own, *english])
        if (kind == "question") == questions
    }
    parts = "|".join(rf"(?P<{kind}>{'|'.join(sources)})(?!\w)" for kind, sources in kinds.items())
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for sources in kinds.values():
        for source in sources:
            for prefix in _prefixes(source):
                node = trie
                for char in prefix:
                    node = node.setdefault(re.escape(char), {})
                node[""] = {}
    return re.compile(r"\b(?=" + _trie_regex(trie) + ")(?=" + parts + ")")


@functools.cache
def _folded(source: str) -> str:
    # English's patterns are read in every language: folded once. The phrases are folded, the
    # escapes kept: casefolding "\S" or "\W" would make them "\s" and "\w".
    parts = _ESCAPE.split(source)
    escapes = _ESCAPE.findall(source)
    folded = [_folded_keeping_edges(part) for part in parts]
    return "".join(part + escape for part, escape in zip(folded, [*escapes, ""], strict=True))


def _folded_keeping_edges(part: str) -> str:
    # fold() trims; a space before or after an escape is part of the phrase.
    inner = fold(part)
    if not inner:
        return " " if part[:1].isspace() else ""
    return (" " if part[:1].isspace() else "") + inner + (" " if part[-1:].isspace() else "")


_ESCAPE = re.compile(r"\\.")


@functools.cache
def _expressions(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Compiled when a language is first read, once a process: a desk reads a few of them, and
    # compiling all at import would add a third of a second to every start.
    return _compiled(language, questions=False), _compiled(language, questions=True)


def expressions_compiled() -> int:
    """How many times this process has compiled a language's expressions."""
    return _expressions.cache_info().misses


def reading_warm_up(languages: Iterable[str]) -> None:
    """Compile the reading's expressions of these languages (and English's) now."""
    for language in {*languages, "en"}:
        _expressions(language if language in _PATTERNS else "en")


_METACHARS = frozenset("()[]{}?*+|.\\^$")


def _split(source: str) -> list[str]:
    # The top-level alternatives of an expression.
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in source:
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        depth += (char == "(") - (char == ")")
        current.append(char)
    return [*parts, "".join(current)]


def _group_end(alternative: str) -> int:
    # Where the group that opens the alternative closes.
    depth = 0
    for end, char in enumerate(alternative):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return end
    return len(alternative) - 1


def _prefixes(source: str) -> list[str]:
    # The literal text each alternative begins with ("renewal .{0,40}" → "renewal "), a leading
    # group opened into its own alternatives; "" when one begins with no literal at all.
    found = []
    for alternative in _split(source):
        if alternative.startswith("(?<"):
            # A lookbehind reads before the phrase: the phrase begins after it.
            found += _prefixes(alternative[_group_end(alternative) + 1 :])
            continue
        if alternative.startswith("("):
            end = _group_end(alternative)
            inner = alternative[1:end].removeprefix("?:")
            rest = alternative[end + 1 :]
            if rest[:1] in ("?", "*"):
                # An optional group: the phrase may begin with what follows it.
                rest = rest[1:]
                found += _prefixes(rest)
            found += [prefix for head in _split(inner) for prefix in _prefixes(head + rest)]
            continue
        if len(alternative) > 1 and alternative[1] == "?" and alternative[0] not in _METACHARS:
            # "ש?לא …": the phrase with the letter and without it.
            found += _prefixes(alternative[0] + alternative[2:]) + _prefixes(alternative[2:])
            continue
        if alternative.startswith("[") and "]" in alternative and alternative[1:2] != "^":
            # "[לבמ]?איזה": each letter of the class, and none when it is optional.
            close = alternative.index("]")
            letters, rest = alternative[1:close], alternative[close + 1 :]
            if "\\" not in letters and "-" not in letters:
                optional = rest[:1] == "?"
                rest = rest[1:] if optional else rest
                found += [prefix for letter in letters for prefix in _prefixes(letter + rest)]
                found += _prefixes(rest) if optional else []
                continue
        if alternative.startswith("\\d"):
            # A number: any digit begins it.
            found += list("0123456789")
            continue
        literal = ""
        for char in alternative:
            if char in _METACHARS:
                if char in "?*{" and literal:
                    literal = literal[:-1]
                break
            literal += char
        found.append(literal)
    return found


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    if "" in node:
        return ""  # a shorter beginning is enough to be worth a try
    alternatives = [char + _trie_regex(node[char]) for char in node]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    words: str


class _Hits:
    """Where each kind's phrases are in the folded text, and in which sentence."""

    def __init__(self, folded: str, patterns: list[re.Pattern[str]], subject_end: int) -> None:
        self.folded = folded
        self.subject_end = subject_end
        self._ends: list[int] | None = None
        self.hits: list[_Hit] = [
            _Hit(kind, match.start(), match.group(kind))
            for pattern in patterns
            for match in pattern.finditer(folded)
            if (kind := match.lastgroup) is not None
        ]

    @property
    def ends(self) -> list[int]:
        """Where sentence n ends: at the n-th full stop, question or exclamation mark, or the
        subject's end (folding joins subject and body with a space). Found when first asked."""
        if self._ends is None:
            ends = {m.start() for m in _SENTENCE_END.finditer(self.folded)}
            if self.subject_end >= 0:
                ends.add(self.subject_end)
            self._ends = sorted(ends)
        return self._ends

    def sentence_of(self, hit: _Hit) -> int:
        """The index of the sentence a hit is in."""
        return bisect.bisect_left(self.ends, hit.start)

    def sentence(self, index: int) -> tuple[int, str]:
        """Where a sentence starts and its text, with its closing mark."""
        start = self.ends[index - 1] + 1 if index else 0
        end = self.ends[index] + 1 if index < len(self.ends) else len(self.folded)
        text = self.folded[start:end]
        stripped = text.lstrip()
        return start + len(text) - len(stripped), stripped.rstrip()

    def find(self, kind: str, sentence: int | None = None) -> str:
        """The first words of a kind, in the whole text or in one sentence."""
        return next(
            (
                hit.words
                for hit in self.hits
                if hit.kind == kind and (sentence is None or self.sentence_of(hit) == sentence)
            ),
            "",
        )

    def in_one_sentence(self, first: str, second: str) -> str:
        """The words of two kinds found in the same sentence ("whole team … can't")."""
        for hit in self.hits:
            if hit.kind == first and (other := self.find(second, self.sentence_of(hit))):
                return f"{hit.words} … {other}"
        return ""


def read_contact(
    subject: str, body: str, language: str, *, folded: str = "", words: int | None = None
) -> Reading:
    """Every cue in a contact, read with its language's patterns and English's. `folded` (the
    subject and body, a line apart, folded) and `words` (the body's) save the work when the
    caller has them already."""
    folded = folded or fold(f"{subject}\n{body}")
    subject_end = len(fold(subject)) if subject.strip() and body.strip() else -1
    kinds, questions = _expressions(language if language in _PATTERNS else "en")
    length = len(body.split()) if words is None else words
    hits = _Hits(
        folded, [kinds, questions] if length <= ONE_FACT_MAX_WORDS else [kinds], subject_end
    )
    cues: list[Cue] = []
    # "not_us" (anger at a third party) is read for the rules only, not counted as a feature.
    for kind in (
        "calm",
        "payment_fine",
        "idiom",
        "locked",
        "offline",
        "praise",
        "starting",
        "wish",
        "not_us",
    ):
        if found := hits.find(kind):
            cues.append(Cue(kind, found))
    # "I have a complaint: you answered before I finished my coffee. Honestly, thank you."
    if (mock := hits.find("complaint")) and (thanks := hits.find("thanks")):
        cues.append(Cue("praise", f"{mock} … {thanks}"))
    if laugh := _LAUGH.search(body):
        cues.append(Cue("praise", laugh.group(0)))
    cues.extend(_money(folded, hits))
    if found := hits.in_one_sentence("loss_gone", "loss_object"):
        cues.append(Cue("loss", found))
    if found := hits.in_one_sentence("scope", "unable"):
        cues.append(Cue("scope", found))
    if (again := hits.find("repetition")) and not hits.find("praise"):
        cues.append(Cue("repetition", again))
    # A request or a wish for a feature: no one fact answers it.
    if not hits.find("action") and not hits.find("wish") and (question := _one_fact(length, hits)):
        cues.append(Cue("one_fact", question))
    return Reading(tuple(cues))


# Money facts told without an amount, and what each is.
_MONEY_FACTS = (
    ("declined", "payment failed"),
    ("unreceived", "money not received"),
    ("fee_wrong", "a fee that should not apply"),
    ("shown_unpaid", "paid, shown unpaid"),
    ("paid_unreceived", "paid, nothing received"),
)


def _money(folded: str, hits: _Hits) -> list[Cue]:
    # Money told as facts: a renewal declined; money taken with nothing to show for it; an
    # amount and "twice"; two amounts, one taken or one instead of another; an amount charged
    # that is not owed (free by contract, never ordered, paid already); a payment refused, money
    # that never arrived, a fee that should not apply.
    kinds = {hit.kind for hit in hits.hits}
    facts = {"renewal_failed", "twice", "instead", "taken", "paid_but", "not_owed"}
    if not kinds & {*facts, *dict(_MONEY_FACTS)}:
        return []
    amounts = [_amount(match) for match in _AMOUNT.finditer(folded)]
    shown = amounts[-1] if amounts else ""
    if words := hits.find("renewal_failed"):
        return [Cue("money", words, "renewal declined", shown)]
    if words := hits.find("paid_but"):
        return [Cue("money", words, "taken but not credited", amounts[0] if amounts else "")]
    if amounts and (twice := hits.find("twice")):
        return [Cue("money", twice, "charged twice", shown)]
    if len(set(amounts)) >= 2 and (words := hits.find("instead") or hits.find("taken")):
        return [Cue("money", words, "wrong amount", amounts[0])]
    if amounts and (words := hits.find("not_owed")) and hits.find("charged"):
        return [Cue("money", words, "a fee that should not apply", amounts[0])]
    for kind, detail in _MONEY_FACTS:
        if words := hits.find(kind):
            return [Cue("money", words, detail, shown)]
    # A fee said to be waived or exempt, and money taken.
    if (waived := hits.find("waived")) and hits.find("taken"):
        return [Cue("money", waived, "a fee that should not apply", shown)]
    return []


def _amount(match: re.Match[str]) -> str:
    number = match.group("a") or match.group("b") or ""
    mark = (match.group("pre") or match.group("post") or "").lower()
    code = next((c for key, c in _CURRENCIES.items() if mark.startswith(key)), mark.upper())
    return f"{code} {number.strip()}"


def _one_fact(words: int, hits: _Hits) -> str:
    # One short question, opening with a question word: the rest may greet and sign off. A
    # question of several parts ("what would it cost, how long, and what paperwork?") is not one.
    if words > ONE_FACT_MAX_WORDS:
        return ""
    sentences = [hits.sentence(index) for index in range(len(hits.ends) + 1)]

    def opens(hit: _Hit, index: int) -> bool:
        start, text = sentences[index]
        opener = len(" ".join(text.split()[:OPENER_WORDS]))
        return hit.kind == "question" and (
            hit.start - start < opener or hit.words.startswith(ASKED_ANYWHERE)
        )

    asked = [
        index
        for index, (_start, text) in enumerate(sentences)
        if text.endswith("?") and text.strip("?! ")
    ]
    if len(asked) > 1:
        return ""
    if not asked:
        asked = [index for hit in hits.hits if opens(hit, index := hits.sentence_of(hit))][:1]
    if not asked:
        return ""
    # "Hello, can I return the ticket, if I can't go?": the greeting's comma parts nothing.
    start, text = sentences[asked[0]]
    greeted = any(hit.kind == "greeting" and hit.start == start for hit in hits.hits)
    if text.count(",") - greeted >= PARTS_MAX:
        return ""
    index = asked[0]
    # "How much would it cost and how many days?": a second question joined by "and".
    if hits.find("and_asks", index):
        return ""
    text = sentences[index][1]
    if not any(opens(hit, index) for hit in hits.hits if hits.sentence_of(hit) == index) and not (
        text.endswith("?") and _PARTICLE.search(" ".join(text.split()[:OPENER_WORDS]))
    ):
        return ""
    return sentences[index][1]
