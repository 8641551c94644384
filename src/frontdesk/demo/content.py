"""Demo desk content: names, organisations and customer requests in the desk's languages."""

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "et", "he", "hu", "bs", "de", "ru")


@dataclass(frozen=True)
class Scenario:
    """One kind of customer request, as a customer would write it."""

    kind: str  # payment, blocked, angry, onboarding, quick, hard, other
    subject: str
    body: str
    reply: str


FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "Oliver",
        "Amelia",
        "Harry",
        "Isla",
        "Jack",
        "Grace",
        "George",
        "Emily",
        "Thomas",
        "Sophie",
    ),
    "et": ("Mari", "Kati", "Jaan", "Tõnu", "Liis", "Mart", "Kadri", "Priit", "Triin", "Andres"),
    "he": ("נועה", "יוסי", "מיכל", "אבי", "שירה", "דוד", "תמר", "רמי", "אורית", "אלי"),
    "hu": (
        "Anna",
        "Zsófia",
        "Bence",
        "Levente",
        "Katalin",
        "Gábor",
        "Eszter",
        "Ödön",
        "Réka",
        "Péter",
    ),
    "bs": (
        "Amra",
        "Emir",
        "Lejla",
        "Adnan",
        "Šejla",
        "Haris",
        "Selma",
        "Tarik",
        "Merima",
        "Dženan",
    ),
    "de": ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Sophie", "Paul", "Marie", "Jürgen", "Katrin"),
    "ru": (
        "Ольга",
        "Иван",
        "Наталья",
        "Дмитрий",
        "Елена",
        "Сергей",
        "Анна",
        "Алексей",
        "Мария",
        "Павел",
    ),
}

FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Wilson",
        "Evans",
        "Walker",
        "Hughes",
        "Clarke",
        "Wright",
    ),
    "et": ("Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Õun"),
    "he": ("כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא", "גולן", "דהן"),
    "hu": (
        "Kovács",
        "Szabó",
        "Tóth",
        "Nagy",
        "Horváth",
        "Varga",
        "Kiss",
        "Molnár",
        "Németh",
        "Farkas",
    ),
    "bs": (
        "Hodžić",
        "Hadžić",
        "Kovačević",
        "Begić",
        "Delić",
        "Mehmedović",
        "Husić",
        "Ćatić",
        "Salihović",
        "Đulić",
    ),
    "de": (
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Hoffmann",
        "Schäfer",
    ),
    # Family names that do not change with gender, so any first name fits.
    "ru": (
        "Шевченко",
        "Ким",
        "Бондаренко",
        "Коваленко",
        "Ткаченко",
        "Кравченко",
        "Мельник",
        "Лысенко",
        "Руденко",
        "Савченко",
    ),
}

# Hungarian puts the family name first: "Kovács Anna".
FAMILY_NAME_FIRST: frozenset[str] = frozenset({"hu"})

ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "Hartley & Cole Ltd",
        "Brightwater Bakery Ltd",
        "Northgate Logistics Ltd",
        "Pennywise Accounting",
    ),
    "et": (
        "Põldma Ehitus OÜ",
        "Kase Raamatupidamine OÜ",
        "Tartu Kohvikud AS",
        "Rannapiiri Logistika OÜ",
    ),
    "he": ('גל ים שיווק בע"מ', 'אור ייעוץ מס בע"מ', 'נחלת פתרונות בע"מ', 'כרמל מזון בע"מ'),
    "hu": (
        "Duna Könyvelő Kft.",
        "Tisza Fuvar Kft.",
        "Balaton Vendéglátó Zrt.",
        "Pannon Szerviz Kft.",
    ),
    "bs": (
        "Bosna Trade d.o.o.",
        "Sarajevo Knjigovodstvo d.o.o.",
        "Una Gradnja d.o.o.",
        "Neretva Prevoz d.o.o.",
    ),
    "de": ("Bergmann Steuerberatung GmbH", "Rheinland Logistik GmbH", "Sonnenhof Bäckerei GmbH"),
    "ru": ("ООО «Северный ветер»", "ООО «Бухгалтер Плюс»", "ООО «ТрансЛогистика»"),
}

EMAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": ("mail.co.uk.example", "inbox.example", "post.example"),
    "et": ("posti.ee.example", "mail.ee.example", "hot.ee.example"),
    "he": ("walla.co.il.example", "mail.co.il.example", "netvision.example"),
    "hu": ("freemail.hu.example", "citromail.example", "posta.hu.example"),
    "bs": ("bih.net.ba.example", "mail.ba.example", "posta.ba.example"),
    "de": ("web.de.example", "gmx.example", "posteo.example"),
    "ru": ("mail.ru.example", "yandex.example", "inbox.ru.example"),
}

PHONE_PREFIXES: dict[str, str] = {
    "en": "+44",
    "et": "+372",
    "he": "+972",
    "hu": "+36",
    "bs": "+387",
    "de": "+49",
    "ru": "+7",
}

SCENARIOS: dict[str, tuple[Scenario, ...]] = {
    "en": (
        Scenario(
            "payment",
            "Charged twice for November",
            "Hello, my card was charged twice for the November subscription (2 × £29). Please refund one of the payments.",
            "Sorry about that. We have refunded the duplicate payment; it will be back on your card within 3–5 working days.",
        ),
        Scenario(
            "blocked",
            "CANNOT LOG IN - account locked",
            "My account has been locked since this morning and I cannot send any invoices. I have customers waiting. Please help urgently!",
            "We have unlocked your account and reset the login attempts. You can log in again now; please let us know if anything still blocks you.",
        ),
        Scenario(
            "angry",
            "Third time asking - very disappointed",
            "This is the third time I have written about the VAT report and nobody has answered. I am seriously considering cancelling.",
            "I am sorry you waited so long, that is not the service we want to give. I have taken your case myself and will send the corrected VAT report today.",
        ),
        Scenario(
            "onboarding",
            "How do I start?",
            "We just signed up. Where do I add our company details and the first customer?",
            "Welcome! Go to Settings → Company to add your details, then Customers → New to add the first one. Our 5-minute start guide is linked on the dashboard.",
        ),
        Scenario(
            "quick",
            "Opening hours at Christmas",
            "Are you open on 24 December?",
            "On 24 December the desk is open 9:00–13:00; phone and e-mail as usual.",
        ),
        Scenario(
            "quick",
            "Invoice copy",
            "Could you send me a copy of invoice 2026-0412?",
            "Of course, the copy is attached to your account under Invoices; we have also e-mailed it to you.",
        ),
        Scenario(
            "hard",
            "Bank import puts payments on the wrong invoices",
            "Since the bank changed its statement format, our imported payments are matched to the wrong invoices. Attached are three examples. It seems to happen only for payments with two invoice numbers in the reference, and only for the business account, not the savings account. We also see duplicated lines when we import the same file twice.",
            "Thank you for the detailed examples. This needs a closer look by our developers; we will come back to you within two working days with what we find.",
        ),
        Scenario(
            "other",
            "Idea: dark mode",
            "Any plans for a dark mode? I work late and the white screen is tiring.",
            "Thank you for the idea! We have passed it on to the product team.",
        ),
    ),
    "et": (
        Scenario(
            "payment",
            "Makse tehti kaks korda",
            "Tere! Novembri arve eest võeti minu kaardilt raha kaks korda. Palun tagastage üks makse.",
            "Vabandame! Topeltmakse on tagastatud ja jõuab teie kaardile 3–5 tööpäeva jooksul.",
        ),
        Scenario(
            "blocked",
            "KONTO ON LUKUS",
            "Ma ei saa alates hommikust sisse logida ja ei saa arveid saata. Kliendid ootavad, palun aidake kiiresti!",
            "Avasime teie konto ja lähtestasime sisselogimiskatsed. Saate nüüd uuesti sisse logida.",
        ),
        Scenario(
            "angry",
            "Olen väga pettunud",
            "Kirjutan juba kolmandat korda ja keegi ei vasta. Kui see nii jätkub, lõpetan lepingu.",
            "Vabandan, et pidite nii kaua ootama. Võtsin teie pöördumise enda peale ja saadan vastuse täna.",
        ),
        Scenario(
            "onboarding",
            "Kust alustada?",
            "Liitusime just. Kuhu ma saan lisada ettevõtte andmed ja esimese kliendi?",
            "Tere tulemast! Ettevõtte andmed lisate menüüs Seaded → Ettevõte ja kliendid menüüs Kliendid → Uus.",
        ),
        Scenario(
            "quick",
            "Lahtiolekuajad",
            "Kas te olete laupäeval avatud?",
            "Laupäeviti oleme avatud 10–14.",
        ),
        Scenario(
            "quick",
            "Arve koopia",
            "Palun saatke mulle oktoobri arve koopia.",
            "Saatsime arve koopia teie e-postile; selle leiate ka kontolt menüüst Arved.",
        ),
        Scenario(
            "hard",
            "Pangaväljavõtte import ei tööta",
            "Pärast panga uut vormingut seotakse maksed valede arvetega. Lisan kolm näidet. Tundub, et viga tekib ainult siis, kui selgituses on kaks arve numbrit, ja ainult arvelduskonto puhul. Sama faili uuesti importimisel tekivad topeltread.",
            "Aitäh põhjalike näidete eest. Uurime seda arendajatega ja anname teada kahe tööpäeva jooksul.",
        ),
        Scenario(
            "other",
            "Ettepanek",
            "Oleks tore, kui saaks arveid saata ka e-arvena otse panka.",
            "Aitäh ettepaneku eest, edastasime selle tootemeeskonnale.",
        ),
    ),
    "he": (
        Scenario(
            "payment",
            "חיוב כפול",
            "שלום, חויבתי פעמיים על המנוי של נובמבר. אבקש להחזיר את אחד החיובים.",
            "מצטערים על התקלה. החיוב הכפול הוחזר ויופיע בכרטיס תוך 3–5 ימי עסקים.",
        ),
        Scenario(
            "blocked",
            "החשבון נחסם!!!",
            "אני לא מצליח להתחבר מהבוקר ולא יכול להפיק חשבוניות. לקוחות מחכים, דחוף!",
            "שחררנו את החסימה ואיפסנו את ניסיונות ההתחברות. אפשר להתחבר שוב עכשיו.",
        ),
        Scenario(
            "angry",
            "מאוכזבת מאוד מהשירות",
            "זו הפעם השלישית שאני פונה ואף אחד לא עונה. אני שוקלת לבטל את המנוי.",
            "אני מתנצל על ההמתנה הארוכה. לקחתי את הפנייה אליי ואחזור אלייך עוד היום.",
        ),
        Scenario(
            "onboarding",
            "איך מתחילים?",
            "נרשמנו עכשיו. איפה מוסיפים את פרטי העסק ואת הלקוח הראשון?",
            "ברוכים הבאים! את פרטי העסק מוסיפים בהגדרות ← עסק, ולקוח חדש בלקוחות ← חדש.",
        ),
        Scenario(
            "quick",
            "שעות פתיחה",
            "האם אתם פתוחים ביום שישי?",
            "בימי שישי אנחנו פתוחים בין 9:00 ל-13:00.",
        ),
        Scenario(
            "quick",
            "העתק חשבונית",
            "אפשר לקבל העתק של החשבונית האחרונה?",
            "שלחנו את ההעתק לדוא״ל שלך, והוא נמצא גם בחשבון תחת חשבוניות.",
        ),
        Scenario(
            "hard",
            "ייבוא דף הבנק משייך תשלומים לא נכון",
            "מאז שהבנק שינה את הפורמט, התשלומים משויכים לחשבוניות הלא נכונות. צירפתי שלוש דוגמאות. נראה שזה קורה רק כשיש שני מספרי חשבונית באסמכתא, ורק בחשבון העסקי. בנוסף, ייבוא חוזר של אותו קובץ יוצר שורות כפולות.",
            "תודה על הדוגמאות המפורטות. נבדוק את זה עם המפתחים ונחזור אלייך תוך שני ימי עסקים.",
        ),
        Scenario(
            "other",
            "הצעה לשיפור",
            "יהיה נחמד אם אפשר יהיה לשלוח תזכורות תשלום אוטומטיות.",
            "תודה על ההצעה, העברנו אותה לצוות המוצר.",
        ),
    ),
    "hu": (
        Scenario(
            "payment",
            "Kétszer terheltek meg",
            "Jó napot! A novemberi előfizetésért kétszer vonták le az összeget a kártyámról. Kérem, az egyiket utalják vissza.",
            "Elnézést kérünk! A dupla terhelést visszautaltuk, 3–5 munkanapon belül jelenik meg a kártyáján.",
        ),
        Scenario(
            "blocked",
            "ZÁROLT FIÓK",
            "Reggel óta nem tudok belépni, és nem tudok számlát kiállítani. Az ügyfeleim várnak, sürgős!",
            "Feloldottuk a fiókját és nulláztuk a belépési kísérleteket. Most már be tud lépni.",
        ),
        Scenario(
            "angry",
            "Nagyon elégedetlen vagyok",
            "Harmadszor írok ugyanazzal a problémával, és senki sem válaszol. Ha így megy tovább, felmondom a szerződést.",
            "Elnézést kérek a hosszú várakozásért. Személyesen vettem át az ügyét, és még ma válaszolok.",
        ),
        Scenario(
            "onboarding",
            "Hogyan kezdjem?",
            "Most regisztráltunk. Hol adhatom meg a cég adatait és az első ügyfelet?",
            "Üdvözöljük! A cég adatait a Beállítások → Cég menüben, az ügyfeleket az Ügyfelek → Új menüben adhatja meg.",
        ),
        Scenario(
            "quick",
            "Nyitvatartás",
            "Nyitva vannak szombaton?",
            "Szombaton 10 és 14 óra között vagyunk nyitva.",
        ),
        Scenario(
            "quick",
            "Számla másolat",
            "Kérem, küldjék el az októberi számla másolatát.",
            "A másolatot elküldtük e-mailben, és a fiókjában a Számlák menüben is megtalálja.",
        ),
        Scenario(
            "hard",
            "A banki import rossz számlákhoz rendeli a befizetéseket",
            "Amióta a bank új formátumot használ, a befizetések rossz számlákhoz kerülnek. Csatolok három példát. Úgy tűnik, csak akkor fordul elő, ha a közleményben két számlaszám szerepel, és csak a folyószámlánál. Ugyanannak a fájlnak az újbóli importálása dupla sorokat hoz létre.",
            "Köszönjük a részletes példákat. Fejlesztőinkkel megvizsgáljuk, és két munkanapon belül jelentkezünk.",
        ),
        Scenario(
            "other",
            "Javaslat",
            "Jó lenne, ha a fizetési emlékeztetőket automatikusan lehetne küldeni.",
            "Köszönjük a javaslatot, továbbítottuk a termékcsapatnak.",
        ),
    ),
    "bs": (
        Scenario(
            "payment",
            "Dvostruko naplaćeno",
            "Poštovani, za novembarsku pretplatu naplaćeno mi je dva puta. Molim vas da vratite jednu uplatu.",
            "Izvinjavamo se! Dvostruka uplata je vraćena i bit će na vašoj kartici za 3–5 radnih dana.",
        ),
        Scenario(
            "blocked",
            "NE MOGU SE PRIJAVITI",
            "Od jutros ne mogu pristupiti računu i ne mogu izdati nijednu fakturu. Klijenti čekaju, hitno je!",
            "Otključali smo vaš račun i poništili pokušaje prijave. Sada se možete ponovo prijaviti.",
        ),
        Scenario(
            "angry",
            "Jako sam nezadovoljna",
            "Ovo je treći put da pišem i niko ne odgovara. Ako se ovako nastavi, otkazat ću ugovor.",
            "Izvinjavam se zbog dugog čekanja. Lično sam preuzeo vaš zahtjev i javit ću vam se danas.",
        ),
        Scenario(
            "onboarding",
            "Kako da počnem?",
            "Upravo smo se registrovali. Gdje mogu unijeti podatke o firmi i prvog klijenta?",
            "Dobro došli! Podatke o firmi unosite u Postavke → Firma, a klijente u Klijenti → Novi.",
        ),
        Scenario(
            "quick", "Radno vrijeme", "Da li radite subotom?", "Subotom radimo od 10 do 14 sati."
        ),
        Scenario(
            "quick",
            "Kopija fakture",
            "Možete li mi poslati kopiju oktobarske fakture?",
            "Kopiju smo vam poslali e-mailom, a nalazi se i u vašem računu pod Fakture.",
        ),
        Scenario(
            "hard",
            "Uvoz izvoda iz banke pogrešno povezuje uplate",
            "Otkako je banka promijenila format izvoda, uplate se vežu za pogrešne fakture. Prilažem tri primjera. Izgleda da se to dešava samo kada su u pozivu na broj dva broja faktura, i samo za tekući račun. Ponovni uvoz iste datoteke pravi duple redove.",
            "Hvala na detaljnim primjerima. Provjerit ćemo to s programerima i javiti vam se u roku od dva radna dana.",
        ),
        Scenario(
            "other",
            "Prijedlog",
            "Bilo bi dobro kada bi se podsjetnici za plaćanje slali automatski.",
            "Hvala na prijedlogu, proslijedili smo ga timu za razvoj.",
        ),
    ),
    "de": (
        Scenario(
            "payment",
            "Doppelte Abbuchung",
            "Guten Tag, für das November-Abo wurde zweimal abgebucht. Bitte erstatten Sie eine Zahlung.",
            "Entschuldigung! Die doppelte Zahlung wurde erstattet und ist in 3–5 Werktagen auf Ihrer Karte.",
        ),
        Scenario(
            "blocked",
            "Konto gesperrt – dringend!",
            "Seit heute Morgen kann ich mich nicht anmelden und keine Rechnungen schreiben.",
            "Wir haben Ihr Konto entsperrt. Sie können sich jetzt wieder anmelden.",
        ),
        Scenario(
            "onboarding",
            "Wie fange ich an?",
            "Wir sind neu. Wo trage ich unsere Firmendaten ein?",
            "Willkommen! Ihre Firmendaten tragen Sie unter Einstellungen → Firma ein.",
        ),
        Scenario(
            "quick",
            "Öffnungszeiten",
            "Haben Sie am Samstag geöffnet?",
            "Samstags sind wir von 10 bis 14 Uhr da.",
        ),
        Scenario(
            "hard",
            "Bankimport ordnet Zahlungen falsch zu",
            "Seit dem neuen Format der Bank werden Zahlungen falschen Rechnungen zugeordnet, vor allem wenn zwei Rechnungsnummern im Verwendungszweck stehen. Beim zweiten Import entstehen doppelte Zeilen.",
            "Danke für die Beispiele. Wir prüfen das mit der Entwicklung und melden uns in zwei Werktagen.",
        ),
    ),
    "ru": (
        Scenario(
            "payment",
            "Двойное списание",
            "Здравствуйте! За ноябрьскую подписку деньги списали дважды. Пожалуйста, верните один платёж.",
            "Приносим извинения! Двойной платёж возвращён и поступит на карту в течение 3–5 рабочих дней.",
        ),
        Scenario(
            "blocked",
            "НЕ МОГУ ВОЙТИ",
            "С утра не могу войти в аккаунт и выставить счета. Клиенты ждут, помогите срочно!",
            "Мы разблокировали ваш аккаунт. Теперь вы можете войти снова.",
        ),
        Scenario(
            "onboarding",
            "С чего начать?",
            "Мы только зарегистрировались. Где указать данные компании?",
            "Добро пожаловать! Данные компании указываются в разделе Настройки → Компания.",
        ),
        Scenario(
            "quick", "Часы работы", "Вы работаете в субботу?", "По субботам мы работаем с 10 до 14."
        ),
        Scenario(
            "hard",
            "Импорт выписки привязывает платежи не к тем счетам",
            "После смены формата выписки платежи привязываются к неправильным счетам, особенно когда в назначении платежа два номера счёта. Повторный импорт того же файла создаёт дубли.",
            "Спасибо за примеры. Мы разберёмся с разработчиками и ответим в течение двух рабочих дней.",
        ),
    ),
}

AGENTS: tuple[tuple[str, str, str, str], ...] = (
    ("admin", "Alex Morgan", "en", "admin"),
    ("kati", "Kati Tamm", "et", "lead"),
    ("eli", "Eli Levi", "he", "agent"),
    ("anna", "Kovács Anna", "hu", "agent"),
    ("amra", "Amra Hodžić", "bs", "agent"),
    ("sam", "Sam Carter", "en", "agent"),
)

TEAMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Front desk", ("kati", "eli", "amra", "sam")),
    ("Billing", ("kati", "anna", "sam")),
)

CUSTOMER_NOTES: dict[str, tuple[str, ...]] = dict.fromkeys(
    LANGUAGES,
    (
        "Prefers phone calls after 14:00.",
        "Accountant for three companies; asks about VAT reports.",
        "Was double-charged in spring; be extra careful with refunds.",
        "Visits the desk in person on Fridays.",
    ),
)
