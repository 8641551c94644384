"""The phrases that make a reply read as blaming, condescending, dismissive, sarcastic or
threatening, per language, as regular expressions over folded text.

Written in plain words with their accents (they are folded as replies are when compiled), one
space between words. Inflecting languages take stems (`\\w*`) and a few words of slack
(`(?:\\w+ ){0,2}`); Hebrew words take their one-letter prefixes (ו ש ה כ ל מ ב). A kind
look-alike is kept out by the pattern itself, never by a list of exceptions checked later:
"you should have *received*" is news for the customer, not blame, and "not your fault" is
comfort.
"""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.engine.tone.types import BLAME, CONDESCENSION, DISMISSIVE, SARCASM, THREAT

Phrases = tuple[tuple[str, str], ...]  # (code, pattern)

# Hebrew's one-letter prefixes: and, that, the, as, to, from, in.
_HE = "[ובהכלשמ]{0,3}"

ENGLISH: Phrases = (
    # "You should have received a mail from us" tells them what to look for; the rest blames.
    # A past participle (not "received", "been sent"...) follows: "you should have a look" and
    # "you would have to sign in again" are advice.
    (
        BLAME,
        r"you (?:really )?(?:should|shouldn't|should not|ought to|could|would) (?:have|'ve|of)"
        r" (?:(?:read|known|done|paid|made|come|kept|taken|gone|thought|understood|chosen|"
        r"written|told|been (?:more )?(?:careful|aware|clear|patient|attentive))\b"
        r"|(?!received|been|notified|informed|charged|billed|refunded|credited|offered|emailed|e-mailed|mailed|contacted)"
        r"\w+ed\b)",
    ),
    (
        BLAME,
        r"(?<!not )(?<!n't )(?<!never )(?:it's|it is|it was|that's|that is|that was|this is|"
        r"this was|entirely|completely|all) (?:entirely |completely |all |totally )?your (?:own )?"
        r"(?:fault|mistake|problem|responsibility|doing)",
    ),
    (BLAME, r"(?<!not )(?<!n't )your own (?:fault|mistake|doing)"),
    (BLAME, r"you (?:caused|broke|messed up|screwed up) (?:this|it|that|the)"),
    (
        BLAME,
        r"(?:because|since) you (?:did not|didn't|failed to|never|could not be bothered to)"
        r" (?:read|follow|check|listen|pay attention|bother|look)",
    ),
    (BLAME, r"you (?:did not|didn't|never) (?:bother|care) to"),
    (BLAME, r"you (?:did it|did this|are doing it|typed it|entered it) wrong"),
    (BLAME, r"(?:this|that|it) is (?:a )?user error"),
    (
        BLAME,
        r"if you had (?:only |just |actually )?(?:read|followed|listened|paid attention|"
        r"bothered)",
    ),
    (BLAME, r"you were (?:clearly |already )?(?:told|warned) (?:to|not to|about|before|that)"),
    (
        CONDESCENSION,
        r"as (?:i|we) (?:have )?(?:already |previously |clearly |just )?"
        r"(?:told you|said|stated|explained|mentioned|wrote|pointed out|made clear)",
    ),
    (
        CONDESCENSION,
        r"as (?:already|previously|clearly) (?:stated|said|explained|mentioned|"
        r"pointed out|noted)",
    ),
    (
        CONDESCENSION,
        r"as (?:stated|said|explained|mentioned) (?:before|earlier|above|previously|"
        r"several times|many times|repeatedly|in my (?:last|previous|earlier) "
        r"(?:e-?mail|mail|message|reply))",
    ),
    (CONDESCENSION, r"(?:like|as) i said(?: before| earlier)?"),
    (
        CONDESCENSION,
        r"(?:i|we) (?:have )?(?:already )?(?:told|explained (?:this )?to|"
        r"informed) you (?:already|before|twice|three times|several times|many times|repeatedly|"
        r"more than once)",
    ),
    (CONDESCENSION, r"(?:i|we) already (?:told|explained to|informed) you"),
    (
        CONDESCENSION,
        r"for the (?:third|fourth|fifth|last|hundredth|umpteenth|[3-9](?:rd|th)) "
        r"time",
    ),
    (
        CONDESCENSION,
        r"(?:obviously|clearly|evidently|apparently) you (?:did not|didn't|have not|"
        r"haven't|do not|don't|never|cannot|can't|could not|couldn't) (?:even )?(?:read|understand|"
        r"look|check|follow|bother|listen)",
    ),
    (CONDESCENSION, r"did you (?:even|actually|really) (?:read|try|look|check|bother)"),
    (CONDESCENSION, r"learn to read"),
    (
        CONDESCENSION,
        r"read (?:the|our) (?:manual|instructions|documentation|faq|guide|mail|e-?mail"
        r"|message)(?: again)? (?:first|properly|carefully|more carefully|next time|before)",
    ),
    (CONDESCENSION, r"\brtfm"),
    (
        CONDESCENSION,
        r"(?:it's|it is|this is|that is|it's really|it is really) "
        r"(?:not (?:that|so) (?:hard|difficult|complicated)|common sense|basic stuff)",
    ),
    (
        CONDESCENSION,
        r"(?:even a child|anyone|any(?:one|body) with (?:half )?a brain) (?:can|could)",
    ),
    (
        CONDESCENSION,
        r"let me (?:explain|say|repeat) (?:it |this )?(?:again|once more|slowly|one "
        r"more time)",
    ),
    (
        DISMISSIVE,
        r"(?:not|isn't|is not) (?:our|my) (?:problem|concern|fault|business|"
        r"responsibility|issue|job|department)",
    ),
    (
        DISMISSIVE,
        r"(?:there is|there's|there isn't|there is not) (?:nothing|anything) (?:more |"
        r"else )?(?:we|i) can do",
    ),
    (DISMISSIVE, r"nothing (?:more |else )?(?:we|i) can do"),
    (
        DISMISSIVE,
        r"(?:we|i) (?:can't|cannot|can not|won't|will not) (?:do anything|help you)"
        r"(?! with (?:that|this) directly)",
    ),
    (DISMISSIVE, r"(?:we|i) (?:don't|do not) care"),
    (DISMISSIVE, r"deal with it"),
    (DISMISSIVE, r"take it or leave it"),
    (DISMISSIVE, r"(?:that's|that is|it's|it is) (?:just )?(?:how it is|the way it is|what it is)"),
    (DISMISSIVE, r"(?:find|try|go to) (?:another|a different) (?:provider|company|service|shop)"),
    (
        DISMISSIVE,
        r"(?:stop|do not|don't) (?:e-?mailing|writing to|contacting|calling|bothering|"
        r"e-?mail|write to|contact|call|bother) us(?: again| about this)?",
    ),
    (DISMISSIVE, r"(?:we|i) will not (?:discuss|reply to) this (?:any ?further|again)"),
    (DISMISSIVE, r"(?:this|the) (?:matter|case|discussion) is closed"),
    (SARCASM, r"thanks? (?:you )?for nothing"),
    (SARCASM, r"good luck with that"),
    (SARCASM, r"(?:surprise,? surprise|what a surprise|big surprise|shocking,? i know)"),
    (SARCASM, r"nice try"),
    (SARCASM, r"congratulations,? you"),
    (THREAT, r"or else"),
    (THREAT, r"(?:last|final) warning"),
    (THREAT, r"you will (?:regret|be sorry)"),
    (THREAT, r"(?:we|i) will (?:ban|blacklist|block|report) you"),
)

ESTONIAN: Phrases = (
    # "Te oleksite pidanud saama meilt kirja" (you should have received a mail) is news, not blame.
    (
        BLAME,
        r"(?:sa|sina|te|teie) (?:oleksid|oleksite|oleks) (?:pidanud|võinud)"
        r"(?!(?: \w+){0,3} (?:saama|saanud))",
    ),
    (
        BLAME,
        r"(?<!pole )(?<!ei ole )(?<!pole ju )(?:see on |see oli )?(?:teie|sinu|teie enda|sinu "
        r"enda|teie oma|sinu oma) (?:süü|viga|eksimus|probleem)\w*",
    ),
    (BLAME, r"(?:te|sa) (?:ei lugenud|ei vaadanud|ei kontrollinud|ei järginud|ei viitsinud)"),
    (BLAME, r"(?:te|sa) (?:tegite|tegid) (?:seda |selle )?valesti"),
    (
        CONDESCENSION,
        r"nagu (?:ma |me )?(?:juba |varem |eespool |ka )*(?:ütlesin|ütlesime|"
        r"mainisin|mainisime|selgitasin|selgitasime|kirjutasin|kirjutasime|rääkisin|teatasin)",
    ),
    (
        CONDESCENSION,
        r"nagu (?:juba |varem |eespool |ülal )+(?:öeldud|mainitud|selgitatud|"
        r"kirjutatud|märgitud)",
    ),
    (
        CONDESCENSION,
        r"(?:ma|me) (?:olen|oleme) (?:teile |sulle )?(?:juba |korduvalt |mitu korda |"
        r"kaks korda )+(?:öelnud|selgitanud|kirjutanud|rääkinud)",
    ),
    (
        CONDESCENSION,
        r"(?:ma|me) (?:juba )?(?:ütlesin|ütlesime|selgitasin|selgitasime) "
        r"(?:teile|sulle) (?:juba|korduvalt|mitu korda|kaks korda)",
    ),
    (
        CONDESCENSION,
        r"(?:ilmselgelt|ilmselt|nähtavasti|selgelt) (?:te |sa )?(?:ei|pole|ei ole) "
        r"(?:te |sa )?(?:lugenud|lugend|lugenudki|vaadanud|aru saanud)",
    ),
    (CONDESCENSION, r"(?:lugege|loe) (?:\w+ ){0,2}(?:hoolikamalt|tähelepanelikumalt|uuesti läbi)"),
    (CONDESCENSION, r"see (?:ei ole|pole) (?:ju )?nii (?:raske|keeruline)"),
    (CONDESCENSION, r"(?:juba )?(?:kolmandat|mitmendat|viimast|sajandat) korda"),
    (DISMISSIVE, r"(?:ei ole|pole) (?:meie|minu) (?:probleem|mure|asi|süü|vastutus|töö)\w*"),
    (
        DISMISSIVE,
        r"(?:me|ma) ei (?:saa|suuda) (?:siin |selles osas |teid )?(?:midagi|kuidagi) "
        r"(?:teha|aidata)",
    ),
    (DISMISSIVE, r"(?:midagi|kuidagi) (?:pole|ei ole) (?:siin )?teha"),
    (DISMISSIVE, r"(?:meil|mul) (?:on )?(?:ükskõik|savi)"),
    (
        DISMISSIVE,
        r"(?:ärge|ära) (?:meile )?(?:enam )?(?:kirjutage|kirjuta|helistage|helista)"
        r"(?: meile)?(?: enam)?",
    ),
    (SARCASM, r"tänan mitte millegi eest"),
    (SARCASM, r"edu (?:sellega|teile sellega)"),
    (THREAT, r"(?:viimane|viimne) hoiatus"),
)

HUNGARIAN: Phrases = (
    # "Önnek meg kellett volna kapnia tőlünk egy levelet" (should have received) is news.
    (
        BLAME,
        r"(?:önnek|neked|magának|önöknek|nektek) (?:\w+ ){0,3}kellett volna"
        r"(?! (?:megkap|kap|érkez|megérkez)\w*)",
    ),
    (
        BLAME,
        r"(?:el kellett volna|meg kellett volna|kellett volna) (?:olvasnia|olvasnod|nézni"
        r"|néznie|ellenőriznie|ellenőrizned|figyelnie|figyelned|tudnia|tudnod)",
    ),
    (
        BLAME,
        r"(?<!nem )(?<!nem az )(?<!nem a )(?:az |ez |ez az |ez a )?"
        r"(?:ön|maga|te|a te|az ön|a maga|saját) "
        r"(?:saját )?(?:hibája|hibád|hibájuk|hibájából|hibádból|mulasztása|felelőssége)",
    ),
    (
        BLAME,
        r"(?:ön|te|maga) (?:hibázott|hibáztál|rontotta el|rontottad el|nem olvasta el|"
        r"nem olvastad el)",
    ),
    (
        CONDESCENSION,
        r"(?:ahogy|ahogyan|mint) (?:azt )?(?:már |korábban |fentebb |is )*(?:mondtam|"
        r"írtam|említettem|elmagyaráztam|jeleztem|közöltem|leírtam|mondtuk|írtuk|jeleztük|"
        r"elmagyaráztuk)",
    ),
    (
        CONDESCENSION,
        r"(?:ahogy|mint) (?:az )?(?:már |fentebb |korábban )+(?:említésre került|"
        r"olvasható|szerepel|le van írva)",
    ),
    (
        CONDESCENSION,
        r"már (?:többször |kétszer |számtalanszor |sokszor )?(?:mondtam|írtam|"
        r"elmondtam|leírtam|elmagyaráztam) (?:önnek|neked|magának)",
    ),
    (
        CONDESCENSION,
        r"(?:nyilvánvalóan|nyilván|láthatóan|egyértelműen|úgy tűnik,?) (?:ön |te |maga )"
        r"?nem (?:olvasta|olvastad|értette|értetted|nézte|nézted)",
    ),
    (CONDESCENSION, r"olvassa? (?:el )?(?:\w+ ){0,2}figyelmesebben"),
    (CONDESCENSION, r"(?:ez )?nem (?:olyan|annyira) (?:nehéz|bonyolult)"),
    (CONDESCENSION, r"(?:sokadszor|már harmadszor|többedszer|századszor)"),
    (
        DISMISSIVE,
        r"(?:ez )?nem (?:a )?(?:mi|az én) (?:problémánk|gondunk|hibánk|dolgunk|ügyünk|"
        r"felelősségünk|problémám|gondom|dolgom)",
    ),
    (DISMISSIVE, r"nem (?:tudunk|tudok) (?:vele )?(?:mit|semmit) (?:sem )?(?:tenni|kezdeni)"),
    (DISMISSIVE, r"(?:semmit|mit) (?:sem )?(?:tehetünk|tudunk tenni|tehetek)"),
    (DISMISSIVE, r"nincs mit (?:tennünk|tenni|tennem)"),
    (DISMISSIVE, r"(?:minket|engem) nem érdekel"),
    (
        DISMISSIVE,
        r"ne (?:írjon|írj|hívjon|hívj|keressen|keress) (?:többet|többé|minket|"
        r"bennünket)",
    ),
    (SARCASM, r"köszönöm? a semmit"),
    (SARCASM, r"(?:sok )?sikert hozzá"),
    (THREAT, r"(?:utolsó|végső) figyelmeztetés"),
)

BOSNIAN: Phrases = (
    # "Trebali ste dobiti mail od nas" (you should have received a mail) is news, not blame.
    (
        BLAME,
        r"(?:trebali ste|trebala ste|trebao ste|trebao si|trebala si|ste trebali|si trebao|"
        r"si trebala|trebalo je da ste|trebalo je da si)(?!(?: \w+){0,3} (?:dobi|primi)\w*)",
    ),
    (
        BLAME,
        r"(?<!nije )(?<!ni )(?:to je |ovo je |sve je )?(?:vaša|vaše|tvoja|tvoje|vašom|tvojom)"
        r" (?:vlastit\w* |lična |lična )?(?:krivic|krivnj|grešk|propust)\w*",
    ),
    (BLAME, r"(?:vi ste|ti si) (?:\w+ )?(?:krivi|kriv|kriva|pogriješili|pogriješio|pogriješila)"),
    (
        BLAME,
        r"niste (?:pročitali|pratili|provjerili|pogledali) (?:\w+ ){0,2}(?:uputstv|upute|"
        r"uput|mail|poruk|email)\w*",
    ),
    (
        CONDESCENSION,
        r"(?:kao što|kako) (?:sam|smo) (?:vam |ti |već |vec |i |ranije |gore )*"
        r"(?:rekao|rekla|rekli|napisao|napisala|napisali|objasnio|objasnila|objasnili|naveo|navela|"
        r"naveli|spomenuo|spomenula|spomenuli|naglasio|naglasila)",
    ),
    (
        CONDESCENSION,
        r"(?:kao što|kako) je (?:već |ranije |gore )+(?:rečeno|navedeno|objašnjeno|"
        r"napisano|spomenuto)",
    ),
    (
        CONDESCENSION,
        r"(?:već )?(?:sam|smo) vam (?:već |više puta |dva puta |nekoliko puta )+"
        r"(?:rekao|rekla|rekli|objasnio|objasnila|objasnili|napisao|napisala|napisali)",
    ),
    (
        CONDESCENSION,
        r"(?:očigledno|očito|izgleda da|vidi se da) (?:vi |ti )?(?:niste|nisi) "
        r"(?:ni )?(?:pročitali|pročitao|pročitala|čitali|razumjeli|shvatili|pogledali)",
    ),
    (
        CONDESCENSION,
        r"(?:pročitajte|pročitaj|čitajte) (?:\w+ ){0,2}(?:pažljivije|pažljivo ovaj "
        r"put|još jednom|ponovo)",
    ),
    (CONDESCENSION, r"(?:to )?nije (?:tako|toliko) (?:teško|komplikovano|komplicirano)"),
    (CONDESCENSION, r"(?:po|već) (?:treći|ko zna koji|stoti|ne znam koji) put"),
    (
        DISMISSIVE,
        r"(?:to )?nije (?:naš|moj|naša|moja|naše|moje) (?:problem|posao|briga|krivica|"
        r"odgovornost|stvar)\w*",
    ),
    (
        DISMISSIVE,
        r"(?:mi |ja )?(?:ne možemo|ne mogu) (?:vam |ti )?(?:tu |ovdje |tu ništa )?(?:ništa|"
        r"nikako) (?:učiniti|uraditi|napraviti|pomoći)",
    ),
    (
        DISMISSIVE,
        r"ništa (?:više )?(?:ne možemo|ne mogu) (?:tu |ovdje )?(?:učiniti|uraditi|"
        r"napraviti)",
    ),
    (DISMISSIVE, r"(?:nas|mene) (?:to )?(?:nije briga|ne zanima|baš briga)"),
    (DISMISSIVE, r"(?:ne pišite|ne piši|ne zovite|ne zovi) (?:nam )?(?:više|ponovo)"),
    (SARCASM, r"hvala ni za šta"),
    (SARCASM, r"sretno s tim"),
    (THREAT, r"(?:posljednje|zadnje|poslednje) upozorenje"),
)

HEBREW: Phrases = (
    # "היית צריך לקבל מאיתנו מייל" (you should have received a mail from us) is news, not blame.
    (
        BLAME,
        r"(?:היית|הייתם|הייתן) (?:צריך|צריכה|צריכים|צריכות|אמור|אמורה|אמורים)"
        r" (?:כבר )?(?!לקבל|לקבלת|להיות מעודכ)ל\w+",
    ),
    (BLAME, r"(?<!לא )(?<!אינה )(?<!אין )" + _HE + r"(?:אשמתך|אשמתכם|אשמתכן|אשמתו שלך)"),
    (BLAME, r"(?<!לא )(?:זו|זאת|זה) (?:ה)?(?:טעות|בעיה) (?:שלך|שלכם)"),
    (BLAME, r"(?:לא קראת|לא קראתם|לא בדקת|לא בדקתם|לא טרחת|לא טרחתם)"),
    (
        CONDESCENSION,
        _HE + r"(?:כפי|כמו) (?:ש|שכבר |שגם )?(?:כבר )?(?:אמרתי|כתבתי|הסברתי|ציינתי|הבהרתי|"
        r"אמרנו|כתבנו|הסברנו|ציינו)",
    ),
    (CONDESCENSION, _HE + r"(?:כפי|כמו) ש(?:כבר )?(?:נאמר|נכתב|הוסבר|צוין)"),
    (CONDESCENSION, r"(?:כבר )(?:אמרתי|כתבתי|הסברתי|אמרנו|הסברנו|כתבנו) (?:לך|לכם)"),
    (CONDESCENSION, r"(?:אמרתי|הסברתי|כתבתי) (?:לך|לכם) (?:כבר|פעמיים|כמה פעמים)"),
    (CONDESCENSION, r"(?:ברור|כנראה|נראה) ש(?:לא|את לא|אתה לא|אתם לא) (?:קראת|קראתם|הבנת|הבנתם)"),
    (CONDESCENSION, r"(?:תקרא|תקראי|תקראו|קרא|קראו) (?:\w+ ){0,2}(?:בעיון|שוב|טוב יותר)"),
    (CONDESCENSION, r"(?:זה )?לא (?:כזה|כל כך) (?:קשה|מסובך)"),
    (CONDESCENSION, _HE + r"(?:פעם ה(?:שלישית|מאה|אחרונה))"),
    (DISMISSIVE, r"(?:זו |זה |זאת )?לא (?:ה)?(?:בעיה|אחריות|עניין|אשמה) (?:שלנו|שלי)"),
    (DISMISSIVE, r"אין (?:לנו |לי )?(?:מה|שום דבר ש\w* ?(?:יכולים|יכול)?) ?(?:לעשות)"),
    (DISMISSIVE, r"(?:אנחנו |אני )?(?:לא יכולים|לא יכול|לא יכולה) (?:לעשות )?(?:כלום|שום דבר)"),
    (DISMISSIVE, r"לא (?:מעניין|אכפת) (?:אותנו|אותי|לנו|לי)"),
    (DISMISSIVE, r"(?:אל|אל ת)(?:תכתוב|תכתבו|תפנה|תפנו|תתקשר|תתקשרו) (?:אלינו )?(?:שוב|יותר)"),
    (SARCASM, r"תודה על כלום"),
    (SARCASM, r"בהצלחה עם זה"),
    (THREAT, r"אזהרה (?:אחרונה|סופית)"),
)

GERMAN: Phrases = (
    # "Sie hätten eine E-Mail von uns erhalten sollen" (should have received) is news.
    (
        BLAME,
        r"(?:sie|du) (?:hätten|hättest|häten)\b(?: \S+){0,5}? (?!erhalten\b|bekommen\b|"
        r"empfangen\b)\w+ (?:sollen|müssen)",
    ),
    (
        BLAME,
        r"(?<!nicht )(?<!keine )(?:das ist |das war |es ist )?(?:ihre|deine) (?:eigene )?"
        r"(?:schuld|verantwortung)",
    ),
    (BLAME, r"(?<!nicht )(?:ihr|dein) (?:eigener )?fehler"),
    (BLAME, r"selbst schuld"),
    (BLAME, r"(?:sie|du) (?:haben|hast) (?:es|das) falsch gemacht"),
    (
        CONDESCENSION,
        r"wie (?:ich|wir) (?:ihnen |dir |es )?(?:bereits |schon |doch |mehrfach )+"
        r"(?:gesagt|erwähnt|erklärt|geschrieben|mitgeteilt)",
    ),
    (
        CONDESCENSION,
        r"wie (?:bereits|schon|oben) (?:gesagt|erwähnt|erklärt|geschrieben|"
        r"mitgeteilt|beschrieben)",
    ),
    (
        CONDESCENSION,
        r"wie (?:ich|wir) (?:ihnen |dir )?(?:bereits |schon )?(?:sagte|schrieb|"
        r"erklärte|sagten|schrieben|erklärten)",
    ),
    (
        CONDESCENSION,
        r"(?:ich|wir) (?:habe|haben) (?:ihnen|dir|es ihnen|es dir) (?:doch )?"
        r"(?:bereits|schon|mehrfach|zweimal) (?:\w+ )?(?:gesagt|geschrieben|erklärt|mitgeteilt)",
    ),
    (
        CONDESCENSION,
        r"(?:offensichtlich|offenbar|anscheinend) (?:haben sie|hast du) (?:\w+ ){0,3}"
        r"nicht (?:gelesen|verstanden)",
    ),
    (CONDESCENSION, r"(?:lesen sie|lies) (?:\w+ ){0,3}(?:genauer|richtig|aufmerksam|zuerst)"),
    (CONDESCENSION, r"(?:das ist )?(?:doch )?nicht so (?:schwer|kompliziert)"),
    (CONDESCENSION, r"zum (?:dritten|zweiten|x-ten|hundertsten|wiederholten) (?:mal|male)"),
    (
        DISMISSIVE,
        r"nicht (?:unser|mein|unsere|meine) (?:problem|sache|schuld|verantwortung|"
        r"angelegenheit|baustelle)",
    ),
    (
        DISMISSIVE,
        r"(?:können|kann) (?:wir|ich) (?:da |hier )?(?:leider )?nichts (?:mehr )?"
        r"(?:machen|tun|ausrichten)",
    ),
    (
        DISMISSIVE,
        r"(?:wir|ich) (?:können|kann) (?:da |hier )?(?:leider )?nichts (?:mehr )?"
        r"(?:machen|tun|ausrichten)",
    ),
    (DISMISSIVE, r"(?:das )?(?:ist uns|ist mir) (?:egal|gleich)"),
    (DISMISSIVE, r"(?:schreiben sie|schreib) uns nicht mehr"),
    (SARCASM, r"danke für nichts"),
    (SARCASM, r"viel glück damit"),
    (THREAT, r"letzte warnung"),
    (THREAT, r"rechtliche schritte"),
)

RUSSIAN: Phrases = (
    # "Вы должны были получить письмо" (you should have received a mail) is news, not blame.
    (
        BLAME,
        r"(?:вы|ты) (?:должны|должен|должна|обязаны) (?:были|был|была) (?:бы )?(?:уже )?"
        r"(?!получ|увид)\w+",
    ),
    (BLAME, r"(?:вам|тебе) (?:следовало|нужно было|надо было) (?:бы )?(?:уже )?(?!получ)\w+"),
    (BLAME, r"(?<!не )(?:это )?(?:ваша|твоя) (?:собственная )?(?:вина|ошибка)"),
    (BLAME, r"(?:по вашей|по твоей) (?:же )?вине"),
    (BLAME, r"сами виноваты|сам виноват|сама виновата"),
    (
        CONDESCENSION,
        r"как (?:я|мы) (?:вам |тебе )?(?:уже )?(?:говорил|сказал|писал|объяснял|"
        r"упоминал|объяснил|указывал|отмечал|говорили|сказали|писали|объясняли)\w*",
    ),
    (
        CONDESCENSION,
        r"как (?:уже )?(?:было )?(?:сказано|указано|упомянуто|объяснено|написано) "
        r"(?:ранее|выше|раньше)",
    ),
    (CONDESCENSION, r"как уже (?:было )?(?:сказано|указано|упомянуто|объяснено|написано)"),
    (
        CONDESCENSION,
        r"(?:я|мы) (?:же )?(?:уже )(?:вам |тебе )?(?:говорил|писал|объяснял|сказал|"
        r"говорили|писали|объясняли|сказали)\w*",
    ),
    (
        CONDESCENSION,
        r"(?:очевидно|видимо|похоже|явно),? (?:что )?(?:вы|ты) (?:даже )?не "
        r"(?:прочитали|читали|прочитал|поняли|понял)\w*",
    ),
    (CONDESCENSION, r"(?:читайте|прочитайте|читай) (?:\w+ ){0,2}внимательн\w*"),
    (CONDESCENSION, r"(?:это )?(?:же )?не так (?:уж )?(?:сложно|трудно)"),
    (CONDESCENSION, r"в (?:третий|который|сотый|десятый) раз"),
    (DISMISSIVE, r"(?:это )?не (?:наша|моя) (?:проблема|забота|вина|ответственность)"),
    (
        DISMISSIVE,
        r"(?:мы |я )?(?:ничего|ничем) (?:тут |здесь )?не (?:можем|могу) "
        r"(?:с\w* |по\w* )?(?:сделать|поделать|помочь)",
    ),
    (DISMISSIVE, r"(?:мы |я )?не (?:можем|могу) (?:ничего|ничем) (?:сделать|поделать|помочь)"),
    (DISMISSIVE, r"(?:нам|мне) (?:все равно|всё равно|безразлично)"),
    (DISMISSIVE, r"(?:не пишите|не пиши|не звоните|не звони) (?:нам )?(?:больше|снова)"),
    (SARCASM, r"спасибо ни за что"),
    (SARCASM, r"удачи с этим"),
    (THREAT, r"последнее предупреждение"),
)

# Each language's phrases; Croatian and Serbian read Bosnian's (engine/languages.py).
PHRASES: Mapping[str, Phrases] = {
    "en": ENGLISH,
    "et": ESTONIAN,
    "hu": HUNGARIAN,
    "bs": BOSNIAN,
    "he": HEBREW,
    "de": GERMAN,
    "ru": RUSSIAN,
}
