"""Demo desk content: names, organisations and customer requests in the desk's languages.

Pure data for `frontdesk demo`. Customers' first and family names are paired at random, so
family names are ones that do not change with gender (no Иванов/Иванова), and customers'
texts avoid gendered first-person forms (Hebrew present tense, Russian and Bosnian past
tense) so that any name fits any text. Agents' replies speak as "we" for the same reason.
"""

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "et", "he", "hu", "bs", "de", "ru")


@dataclass(frozen=True)
class Scenario:
    """One kind of customer request, as a customer would write it."""

    kind: str  # payment, blocked, angry, churn, onboarding, quick, hard, other
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
        "James",
        "Charlotte",
        "William",
        "Olivia",
        "Daniel",
        "Hannah",
        "Samuel",
        "Chloe",
        "Matthew",
        "Lucy",
        "Rhys",
        "Priya",
        "Callum",
        "Niamh",
    ),
    "et": (
        "Mari",
        "Kati",
        "Jaan",
        "Tõnu",
        "Liis",
        "Mart",
        "Kadri",
        "Priit",
        "Triin",
        "Andres",
        "Kristjan",
        "Maarja",
        "Siim",
        "Helen",
        "Rasmus",
        "Kertu",
        "Margus",
        "Ülle",
        "Indrek",
        "Piret",
        "Tiit",
        "Getter",
        "Mihkel",
        "Jüri",
    ),
    "he": (
        "נועה",
        "יוסי",
        "מיכל",
        "אבי",
        "שירה",
        "דוד",
        "תמר",
        "רמי",
        "אורית",
        "אלי",
        "יעל",
        "משה",
        "רונית",
        "איתי",
        "מאיה",
        "עומר",
        "הדס",
        "גיא",
        "ליאת",
        "אמיר",
        "רחל",
        "יונתן",
        "סיגל",
        "חיים",
    ),
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
        "László",
        "Judit",
        "Tamás",
        "Krisztina",
        "Zoltán",
        "Ildikó",
        "Balázs",
        "Nóra",
        "Attila",
        "Erzsébet",
        "Dávid",
        "Orsolya",
        "Gergő",
        "Boglárka",
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
        "Amina",
        "Kenan",
        "Azra",
        "Mirza",
        "Ajla",
        "Edin",
        "Naida",
        "Damir",
        "Belma",
        "Nedim",
        "Jasmina",
        "Senad",
        "Alma",
        "Mersiha",
    ),
    "de": (
        "Lukas",
        "Anna",
        "Jonas",
        "Lea",
        "Felix",
        "Sophie",
        "Paul",
        "Marie",
        "Jürgen",
        "Katrin",
        "Maximilian",
        "Laura",
        "Tobias",
        "Julia",
        "Stefan",
        "Sabine",
        "Michael",
        "Claudia",
        "Florian",
        "Hannah",
        "Björn",
        "Jana",
        "Sören",
        "Ute",
    ),
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
        "Татьяна",
        "Андрей",
        "Екатерина",
        "Михаил",
        "Юлия",
        "Николай",
        "Ирина",
        "Владимир",
        "Светлана",
        "Артём",
        "Ксения",
        "Игорь",
        "Людмила",
        "Максим",
    ),
}

FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Evans",
        "Walker",
        "Davies",
        "Roberts",
        "Johnson",
        "Wright",
        "Robinson",
        "Thompson",
        "Hughes",
        "Patel",
        "Clarke",
        "Hall",
        "Green",
        "Wood",
        "O'Brien",
        "Khan",
        "Edwards",
        "Campbell",
    ),
    "et": (
        "Tamm",
        "Saar",
        "Sepp",
        "Mägi",
        "Kask",
        "Kukk",
        "Rebane",
        "Ilves",
        "Pärn",
        "Koppel",
        "Lepik",
        "Kuusk",
        "Oja",
        "Raudsepp",
        "Kallas",
        "Luik",
        "Vaher",
        "Põder",
        "Kõiv",
        "Laur",
        "Lill",
        "Teder",
        "Jõgi",
        "Mets",
    ),
    "he": (
        "כהן",
        "לוי",
        "מזרחי",
        "פרץ",
        "ביטון",
        "אברהם",
        "פרידמן",
        "אזולאי",
        "דהן",
        "שפירא",
        "גולן",
        "ברק",
        "אוחיון",
        "רוזן",
        "חדד",
        "בן דוד",
        "קליין",
        "נחום",
        "אשכנזי",
        "יוסף",
        "עמר",
        "גבאי",
        "שרעבי",
        "וייס",
    ),
    "hu": (
        "Nagy",
        "Kovács",
        "Tóth",
        "Szabó",
        "Horváth",
        "Varga",
        "Kiss",
        "Molnár",
        "Németh",
        "Farkas",
        "Balogh",
        "Papp",
        "Takács",
        "Juhász",
        "Lakatos",
        "Mészáros",
        "Oláh",
        "Simon",
        "Rácz",
        "Fekete",
        "Szűcs",
        "Fodor",
        "Bíró",
        "Győri",
    ),
    "bs": (
        "Hodžić",
        "Hadžić",
        "Begić",
        "Delić",
        "Mehmedović",
        "Husić",
        "Kovačević",
        "Hasanović",
        "Osmanović",
        "Bešlagić",
        "Salihović",
        "Čaušević",
        "Džaferović",
        "Alić",
        "Mujić",
        "Karić",
        "Softić",
        "Ibrahimović",
        "Jusić",
        "Šehić",
        "Pašić",
        "Babić",
        "Đapo",
        "Kurtović",
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
        "Schulz",
        "Hoffmann",
        "Schäfer",
        "Koch",
        "Bauer",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Krüger",
        "Hartmann",
        "Jansen",
    ),
    # Surnames that read the same for women and men, so any first name fits.
    "ru": (
        "Кравченко",
        "Мельник",
        "Лысенко",
        "Руденко",
        "Савченко",
        "Шевчук",
        "Ткаченко",
        "Бондаренко",
        "Коваленко",
        "Бойко",
        "Кузьменко",
        "Марченко",
        "Литвиненко",
        "Ковальчук",
        "Полищук",
        "Седых",
        "Черных",
        "Белых",
        "Долгих",
        "Гладких",
        "Ким",
        "Цой",
        "Левченко",
        "Сидоренко",
    ),
}

# Hungarian puts the family name first: "Kovács Anna".
FAMILY_NAME_FIRST: frozenset[str] = frozenset({"hu"})

ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "Hartley & Cole Ltd",
        "Brightwater Bakery Ltd",
        "Northgate Logistics Ltd",
        "Pennywise Bookkeeping Ltd",
        "Greenfield Garden Supplies Ltd",
        "Marlow Dental Practice Ltd",
        "Copper Kettle Café Ltd",
        "Redbrick Lettings Ltd",
        "Ashworth Electrical Services Ltd",
    ),
    "et": (
        "Põldma Ehitus OÜ",
        "Kase Raamatupidamine OÜ",
        "Tartu Kohvikud AS",
        "Rannapiiri Logistika OÜ",
        "Männiku Autoremont OÜ",
        "Pärnu Puhastusteenused OÜ",
        "Kuldne Kringel OÜ",
        "Saaremaa Mesi OÜ",
        "Lõuna Küte AS",
    ),
    "he": (
        'גל ים שיווק בע"מ',
        'אור ייעוץ מס בע"מ',
        'כרמל מזון בע"מ',
        'א.ב. שיפוצים והנדסה בע"מ',
        'סטודיו תכלת עיצוב בע"מ',
        'דורון הובלות בע"מ',
        'ש. לוי הנהלת חשבונות בע"מ',
        'אופק מערכות מיזוג בע"מ',
        'הגליל ירקות טריים בע"מ',
    ),
    "hu": (
        "Duna Könyvelő Kft.",
        "Tisza Fuvar Kft.",
        "Balaton Vendéglátó Zrt.",
        "Pannon Szerviz Kft.",
        "Kovács és Társa Bt.",
        "Mecsek Építő Kft.",
        "Alföldi Pékség Kft.",
        "Zöldág Kertészet Bt.",
        "Rába Gépgyártó Zrt.",
    ),
    "bs": (
        "Bosna Trade d.o.o.",
        "Knjigovodstveni biro Hodžić d.o.o.",
        "Una Gradnja d.o.o.",
        "Neretva Prevoz d.o.o.",
        "Pekara Vrelo d.o.o.",
        "Drina Metal d.o.o.",
        "Stari Most Turizam d.o.o.",
        "Čaršija Print d.o.o.",
        "Tuzla Agro d.o.o.",
    ),
    "de": (
        "Bergmann Steuerberatung GmbH",
        "Rheinland Logistik GmbH",
        "Bäckerei Sonnenhof GmbH",
        "Malerbetrieb Krüger GmbH",
        "Elbtal Gartenbau GmbH",
        "Hansen Elektrotechnik GmbH & Co. KG",
        "Alpenblick Ferienwohnungen GmbH",
        "Weber IT-Service UG (haftungsbeschränkt)",
        "Schulz & Partner Steuerberater PartG",
    ),
    "ru": (
        "ООО «Северный ветер»",
        "ООО «Бухгалтер Плюс»",
        "ООО «ТрансЛогистика»",
        "ООО «Стройресурс»",
        "АО «Уралтехсервис»",
        "ООО «Пекарня Колосок»",
        "ООО «Мастер Климат»",
        "ООО «Альфа Консалт»",
        "ИП Седых А. В.",
    ),
}

# Every domain ends in ".example" so that no demo address can reach a real mailbox.
EMAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": (
        "mail.co.uk.example",
        "post.co.uk.example",
        "inbox.uk.example",
        "hartleycole.co.uk.example",
    ),
    "et": ("posti.ee.example", "mail.ee.example", "hot.ee.example", "kasefirma.ee.example"),
    "he": (
        "walla.co.il.example",
        "mail.co.il.example",
        "netvision.net.il.example",
        "biz.co.il.example",
    ),
    "hu": (
        "freemail.hu.example",
        "citromail.hu.example",
        "posta.hu.example",
        "dunakonyv.hu.example",
    ),
    "bs": ("bih.net.ba.example", "mail.ba.example", "posta.ba.example", "bosnatrade.ba.example"),
    "de": ("web.de.example", "gmx.de.example", "posteo.de.example", "bergmann-stb.de.example"),
    "ru": ("mail.ru.example", "yandex.ru.example", "inbox.ru.example", "rambler.ru.example"),
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
            "Hello, my card was charged twice for the November subscription (2 × £29). A screenshot of the statement is attached. Could you refund one of the payments, please?",
            "Sorry about that – a glitch in our card processing on 3 November caused it. We've refunded the duplicate £29 and it should be back on your card within 3–5 working days.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "payment",
            "Direct Debit 'failed' but the money has gone",
            "We've had an email saying our Direct Debit failed and the account will be suspended in 7 days, but our bank statement clearly shows the £54 going out on the 1st. Which is it? I'd rather not be suspended over a mistake on your side.",
            "Thanks for sending the statement. The payment did reach us and the failure notice went out in error; we've cleared it, so nothing will be suspended. Apologies for the worry.\n\nBest regards,\nThe Billing team",
        ),
        Scenario(
            "payment",
            "VAT added twice on your invoice",
            "Your invoice INV-20931 adds 20% VAT on top of a price that your website says already includes VAT, so we paid £34.80 instead of £29. Could you issue a credit note for the difference?",
            "You're quite right, the price includes VAT and the invoice added it again. We've issued a credit note for £5.80 and refunded it to the card on file.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "blocked",
            "CANNOT LOG IN - account locked",
            "My account has been locked since this morning after I mistyped the password a few times, and the reset email never arrives (I've checked spam). I can't send a single invoice and I've got customers waiting. Please help urgently!",
            "We've unlocked your account and sent a fresh reset link. If it doesn't arrive within ten minutes, give us a ring and we can verify you over the phone.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "blocked",
            "Invoices stuck on 'Sending'!!!",
            "Since about 10am every invoice we send just sits on 'Sending' and never reaches the customer. It's month end and we have over 40 to get out today. Is something down on your side?",
            "There was a delay in our email queue this morning; it was fixed at 11:40 and all the stuck invoices have now gone out. You can check the delivery status of each one under Invoices → Sent.\n\nBest regards,\nCustomer Support",
        ),
        Scenario(
            "blocked",
            "Lost phone - locked out by two-factor",
            "I've lost my phone with the authenticator app on it, so I can't get past the two-factor code. I'm the only admin on our company account and payroll is due on Friday. How do I get back in?",
            "For your security we need to confirm your identity first: reply from the email address on the account with a photo of your ID, or bring it to the desk in person. Once that's done we'll reset two-factor and you can set it up on your new phone.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "angry",
            "Third time asking - very disappointed",
            "This is the third time I've written about the VAT report and nobody has bothered to reply. The return is due on the 7th and your report still shows the wrong figures. If this isn't sorted this week we'll be moving to another provider.",
            "I'm sorry you've had to chase us, that is not the service we want to give. I've taken your case myself: the report is being corrected today and I'll confirm as soon as the figures are right.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "angry",
            "Price rise with no warning",
            "I've just noticed our monthly fee has gone up from £24 to £31 without a single email telling us. That's nearly 30% and nobody asked. Frankly, this is not how you treat a customer who's been with you for six years.",
            "You're right that we should have told you clearly, and I'm sorry we didn't. The notice went to an old email address on your account; as a goodwill gesture we've kept you on the old price until the end of the year.\n\nBest regards,\nCustomer Support",
        ),
        Scenario(
            "churn",
            "Our contract – before we decide",
            "Dear team,\n\nWe have used your invoicing for four years and the people on your desk have always been kind. Since the bank-sync changes in the spring, though, our bookkeeper spends an hour a week matching payments by hand, and another provider has offered us the same for less. We are considering cancelling our contract when it ends in March.\n\nBefore we decide, could someone tell us what is planned for the bank sync?\n\nWith kind regards,",
            "Thank you for telling us before deciding, and for four good years. Our product lead will call you this week about the bank sync: automatic matching returns in the February release, and until then we have switched your account back to the old matching rules today. We would very much like to keep working with you.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "onboarding",
            "How do we get started?",
            "We've just signed up. Where do I add our company details and logo so they show on invoices? And is there a way to bring in our customer list from a spreadsheet?",
            "Welcome aboard! Company details and logo are under Settings → Company, and you can import customers from a CSV or Excel file under Customers → Import. The short start guide on your dashboard walks you through both.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "onboarding",
            "Switching over from spreadsheets",
            "We're moving our bookkeeping over from spreadsheets. When is the best date to start so that our VAT return isn't split between two systems? And can our accountant have her own login?",
            "Starting on the first day of a VAT quarter keeps things simplest, so 1 April would be ideal. You can invite your accountant free of charge under Settings → Users with the 'Accountant' role.\n\nBest regards,\nCustomer Support",
        ),
        Scenario(
            "quick",
            "Open on Christmas Eve?",
            "Hi, is the Market Street desk open on Christmas Eve? I'd like to drop off some paperwork.",
            "Yes, on 24 December the desk is open 9:00–13:00; we're closed on 25 and 26 December.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "quick",
            "Copy of invoice INV-20412",
            "Could you send me a copy of invoice INV-20412, please? Our accountant can't find it.",
            "Of course, we've emailed you a copy. All your invoices are also under Billing → Invoices in your account.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "quick",
            "Change of address",
            "We've moved offices, the new address is Unit 4, Parkside Business Centre, Leeds LS11 5DN. Please update it on our invoices.",
            "Done – the new address will appear on all invoices from today.\n\nBest regards,\nCustomer Support",
        ),
        Scenario(
            "hard",
            "Bank feed matching payments to the wrong invoices",
            "Since our bank changed its statement format at the start of November, imported payments are being matched to the wrong invoices. I've attached three examples. It only seems to happen when the payment reference contains two invoice numbers, and only on the business current account – the savings account imports fine. On top of that, importing the same file twice creates duplicate lines, and deleting them by hand is taking hours. Could you look into it, and tell us whether the existing wrong matches can be fixed in one go?",
            "Thank you for the detailed examples, they help a lot. We've passed this to our developers: a fix for the duplicate lines is already in testing, and we're investigating how references with several invoice numbers are matched. We'll come back to you within two working days, including how to correct the existing matches.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "hard",
            "VAT return and VAT report don't agree",
            "We're preparing the Q3 return and the numbers don't add up. 1) Box 1 on the MTD submission screen shows £14,212.40, but the VAT report for the same period shows £13,980.15. 2) Three invoices dated 30 September were entered in October – are they in Q3 or Q4? 3) When I export the VAT report to Excel the totals differ again by a few pence. Could you tell us which figure is right before we submit on the 7th?",
            "Thanks for the clear breakdown. The difference comes from two credit notes dated in Q3 but entered in October, which the MTD screen includes and the report doesn't yet; we're confirming with our VAT specialist which is correct and will reply by Thursday. The pence differences in the Excel export come from rounding per line, and we'll explain that in the same reply.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "other",
            "Idea: dark mode",
            "Any plans for a dark mode? I do most of the books in the evening and the bright white screen is tiring.",
            "Thanks for the suggestion! It's already on our list, and we've added your vote to it.\n\nBest regards,\nCustomer Support",
        ),
        Scenario(
            "other",
            "Loving the new invoice editor",
            "Just wanted to say the new invoice editor is much quicker, well done. One small thing: it would be great if the due date defaulted to 30 days instead of 14.",
            "Thank you, that's lovely to hear! You can already change the default under Settings → Invoices → Payment terms, and we've passed your feedback on to the product team.\n\nKind regards,\nCustomer Support",
        ),
        Scenario(
            "other",
            "Do you have an API?",
            "Our developer wants to push orders from our web shop straight into invoices. Do you have an API, and is it included in the Standard plan?",
            "Yes, the API is included in every plan, and you can create a key under Settings → API. The documentation is linked from the same page.\n\nKind regards,\nCustomer Support",
        ),
    ),
    "et": (
        Scenario(
            "payment",
            "Kaardilt võeti raha kaks korda",
            "Tere! Novembri kuutasu võeti minu kaardilt maha kaks korda, mõlemal korral 19,90 €. Pangaväljavõtte ekraanipilt on manuses. Palun tagastage üks makse.",
            "Tere! Vabandame, kaardimaksete töötlemisel tekkis tehniline tõrge. Topeltmakse on tagastatud ja jõuab teie kaardile 3–5 tööpäeva jooksul.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "payment",
            "Arve on makstud, aga tuli meeldetuletus",
            "Tasusime oktoobri arve 2. novembril pangaülekandega, aga täna saime teilt meeldetuletuse, et meil on võlgnevus ja konto suletakse. Palun kontrollige üle, makse on ju tehtud!",
            "Aitäh, leidsime teie makse üles – selgitusse oli jäänud vale viitenumber, mistõttu süsteem ei sidunud seda automaatselt arvega. Sidusime makse käsitsi, meeldetuletus on tühistatud ja kontot ei suleta.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "blocked",
            "EI SAA SISSE LOGIDA!!!",
            "Smart-ID-ga sisselogimisel tuleb alates hommikust veateade „Tundmatu viga“ ja parooliga ka sisse ei saa, sest taastamise kiri ei jõua kohale. Homme on palgapäev ja palgad peavad täna välja minema. Palun aidake kiiresti!",
            "Smart-ID teenuses oli hommikul tõrge, mis on nüüdseks lahendatud – palun proovige uuesti sisse logida. Kui see ikka ei õnnestu, helistage meile ja aitame kohe telefoni teel.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "blocked",
            "Arved jäävad olekusse „Saatmisel“",
            "Alates kella kümnest jäävad kõik meie saadetavad arved olekusse „Saatmisel“ ja klientideni need ei jõua. Kuu lõpp on käes ja täna peab välja minema üle 40 arve. Kas teil on mingi rike?",
            "Hommikul oli meie e-kirjade saatmisel tõrge, mis parandati kell 11.40. Kõik kinni jäänud arved on nüüdseks välja saadetud, iga arve olekut näete menüüs Arved → Saadetud.\n\nTervitades\nKlienditugi",
        ),
        Scenario(
            "angry",
            "Kolmas kiri ja ikka vastust pole!",
            "Kirjutan juba kolmandat korda sama asja pärast ja keegi pole vaevunud vastama. Käibedeklaratsiooni tähtaeg on 20. kuupäeval, aga teie aruanne näitab endiselt valesid summasid. Kui see selle nädala jooksul korda ei saa, otsime uue teenusepakkuja.",
            "Vabandame, et pidite nii kaua ootama – see ei ole teenus, mida tahame pakkuda. Võtsime teie pöördumise kohe ette: aruande viga parandatakse täna ja anname teile teada niipea, kui summad on õiged.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "angry",
            "Ebameeldiv kogemus teie kontoris",
            "Käisin eile teie Tartu kontoris arve küsimusega. Ootasin üle poole tunni ja lõpuks öeldi mulle, et saatke parem e-kiri. Milleks teil siis üldse klienditeenindus on?",
            "Palume vabandust, nii ei oleks tohtinud juhtuda. Arutasime juhtunut meeskonnaga ja vaatame teie arve küsimuse täna üle – helistame teile, kui vastus on olemas.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "onboarding",
            "Kust alustada?",
            "Tere! Liitusime eile ja proovime esimest arvet teha. Kuhu saab lisada ettevõtte andmed ja logo, et need arvel kuvataks? Ja kas kliendid saab Excelist sisse lugeda?",
            "Tere tulemast! Ettevõtte andmed ja logo lisate menüüs Seaded → Ettevõte, kliente saab Excelist või CSV-failist importida menüüs Kliendid → Impordi. Abiks on ka avalehel olev lühike alustamise juhend.\n\nTervitades\nKlienditugi",
        ),
        Scenario(
            "onboarding",
            "Ligipääs raamatupidajale",
            "Oleme väike OÜ ja raamatupidamist teeb meile väline raamatupidaja. Kuidas talle ligipääs anda nii, et ta näeks aruandeid, kuid ei saaks arveid kustutada?",
            "Raamatupidaja saate kutsuda menüüs Seaded → Kasutajad, valides rolliks „Raamatupidaja“. See roll näeb kõiki aruandeid ja kandeid, kuid ei saa arveid kustutada ega seadeid muuta.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "quick",
            "Lahtiolekuajad enne jõule",
            "Kas teie Tallinna kontor on 23. detsembril avatud?",
            "Jah, 23. detsembril oleme avatud kella 9–15. 24.–26. detsembril on kontor suletud.\n\nTervitades\nKlienditugi",
        ),
        Scenario(
            "quick",
            "Septembri arve koopia",
            "Palun saatke mulle septembri arve koopia, raamatupidaja ei leia seda üles.",
            "Saatsime arve koopia teie e-posti aadressile. Kõik arved leiate ka oma kontolt menüüst Arved.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "quick",
            "KMKR number arvele",
            "Saime just käibemaksukohustuslaseks. Kuhu lisada KMKR number, et see arvetel kuvataks?",
            "KMKR numbri saate lisada menüüs Seaded → Ettevõte väljale „KMKR nr“. See ilmub automaatselt kõikidele uutele arvetele.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "hard",
            "Pangaväljavõtte import seob makseid valede arvetega",
            "Alates sellest, kui LHV muutis väljavõtte formaati, seob teie süsteem laekumisi valede arvetega. Manuses on kolm näidet novembrist. Paistab, et viga tekib ainult siis, kui makse selgituses on kaks arve numbrit, ja ainult arvelduskonto puhul – hoiukonto import töötab korralikult. Lisaks tekivad sama faili uuesti importimisel topeltread ja nende käsitsi kustutamine võtab tunde. Kas saaksite need vead üle vaadata ja öelda, kas olemasolevaid sidumisi saab kuidagi korraga parandada?",
            "Aitäh põhjalike näidete eest, need aitavad meid väga. Edastasime juhtumi arendajatele: topeltridade vältimise parandus on juba testimisel ja mitme arvenumbriga selgituste sidumist uurime. Kahe tööpäeva jooksul anname teile teada, kuidas olemasolevad valed sidumised korraga parandada.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "hard",
            "KMD INF ja käibearuanne ei klapi",
            "Oktoobri käibedeklaratsiooni koostamisel märkasime mitut probleemi: 1) KMD INF A-osa kogusumma erineb käibearuandest ligi 1200 euro võrra; 2) kaks kreeditarvet on süsteemis olemas, aga KMD INF-is neid ei ole; 3) e-MTA ei võta eksporditud XML-faili vastu ja veateade viitab kuupäevavormingule. Tähtaeg on 20. november. Palun aidake!",
            "Aitäh täpse kirjelduse eest. Kreeditarvete puudumine KMD INF-ist on teadaolev viga ja parandus tuleb järgmise nädala alguses, seni saab need käsitsi lisada. XML-faili kuupäevavormingu ja summade erinevuse vaatame üle ning vastame hiljemalt 17. novembril, et jõuaksite deklaratsiooni tähtajaks esitada.\n\nLugupidamisega\nKlienditugi",
        ),
        Scenario(
            "other",
            "Ettepanek: e-arved otse panka",
            "Oleks väga mugav, kui arveid saaks saata e-arvena otse kliendi internetipanka. Praegu saadame PDF-i e-kirjaga ja osa kliente unustab lihtsalt maksta.",
            "Aitäh ettepaneku eest! E-arvete saatmine on selle aasta arendusplaanis ja anname teada, kui see valmis saab.\n\nTervitades\nKlienditugi",
        ),
        Scenario(
            "other",
            "Kas mobiilirakendus tuleb?",
            "Kas teil on plaanis ka mobiilirakendust? Tahaks kulutšekid kohe telefoniga pildistada ja üles laadida.",
            "Mobiilirakendus on praegu testimisel ja kuludokumentide pildistamine on selle esimene funktsioon. Soovi korral lisame teid testijate nimekirja.\n\nTervitades\nKlienditugi",
        ),
    ),
    "he": (
        Scenario(
            "payment",
            "חויבנו פעמיים על נובמבר",
            "שלום, בפירוט החיובים של כרטיס האשראי ראינו שחויבנו פעמיים על המנוי לחודש נובמבר (פעמיים 89 ₪). מצורף צילום מסך. נשמח אם תבטלו את אחד החיובים בהקדם.",
            "שלום, סליחה על התקלה. ביטלנו את החיוב הכפול, והסכום יחזור לכרטיס האשראי תוך 3–5 ימי עסקים.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "payment",
            "קיבלנו התראה על חוב, אבל הכול שולם",
            "קיבלנו הודעה שהחיוב החודשי נכשל ושהחשבון יוקפא בעוד שבוע, אבל בדף הבנק רואים שהכסף ירד ב-1 לחודש. מה קורה פה? לא נעים לקבל מכתב כזה כשהכול שולם.",
            "בדקנו, והתשלום אכן התקבל אצלנו – ההודעה נשלחה בטעות. ביטלנו את ההתראה, והחשבון לא יוקפא. סליחה על הבלבול.\n\nבברכה,\nצוות הגבייה",
        ),
        Scenario(
            "blocked",
            "החשבון נחסם!!!",
            "מהבוקר אי אפשר להתחבר למערכת – כתוב שהחשבון נחסם אחרי יותר מדי ניסיונות. קוד האיפוס ב-SMS לא מגיע. לקוחות מחכים לחשבוניות, זה ממש דחוף!",
            "שחררנו את החסימה ושלחנו קוד איפוס חדש למספר הנייד שרשום בחשבון. אם הקוד עדיין לא מגיע, אפשר להתקשר אלינו ונאמת את הפרטים בטלפון.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "blocked",
            "לא מצליחים להפיק חשבוניות – אין מספר הקצאה",
            "מאתמול כל ניסיון להפיק חשבונית מס ללקוח עסקי נכשל עם ההודעה שלא התקבל מספר הקצאה מרשות המסים. אנחנו לא יכולים לשלוח חשבוניות ללקוחות הגדולים שלנו, והעבודה פשוט עומדת. מה עושים?",
            "תוקף ההרשאה שניתנה למערכת מול רשות המסים פג. יש לחדש אותה בהגדרות ← רשות המסים ← התחברות מחדש, ולאחר מכן החשבוניות יופקו כרגיל.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "angry",
            "פנייה שלישית – ואף אחד לא עונה!",
            'זו כבר הפנייה השלישית באותו נושא, ואף אחד לא טרח לחזור אלינו. דוח המע"מ עדיין מציג סכומים שגויים, ומועד הדיווח בעוד כמה ימים. אם זה לא ייפתר השבוע, נעבור לתוכנה אחרת.',
            "אנחנו מתנצלים על העיכוב, זה באמת לא השירות שאנחנו רוצים לתת. העברנו את הפנייה לטיפול בעדיפות עליונה, ונחזור אליכם עוד היום עם דוח מתוקן.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "angry",
            "העלאת מחיר בלי שום הודעה",
            "גילינו היום שהמנוי החודשי עלה מ-69 ₪ ל-89 ₪ בלי שום הודעה מראש. אנחנו לקוחות כבר חמש שנים – ככה מתייחסים ללקוחות ותיקים? מצפים להסבר.",
            "אתם צודקים, היינו צריכים להודיע על כך בצורה ברורה, וסליחה. ההודעה נשלחה לכתובת מייל ישנה שהייתה רשומה בחשבון; כמחווה, השארנו לכם את המחיר הקודם עד סוף השנה.\n\nבברכה,\nשירות הלקוחות",
        ),
        Scenario(
            "onboarding",
            "איך מתחילים?",
            "נרשמנו היום. איפה מכניסים את פרטי העסק והלוגו כדי שיופיעו על החשבוניות? ואפשר לייבא את רשימת הלקוחות מאקסל?",
            "ברוכים הבאים! את פרטי העסק והלוגו מגדירים בהגדרות ← פרטי העסק, ואת רשימת הלקוחות אפשר לייבא מקובץ אקסל או CSV דרך לקוחות ← ייבוא. במסך הראשי יש גם מדריך התחלה קצר.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "onboarding",
            "עוסק פטור – איזה מסמך לבחור?",
            "פתחתי עכשיו עסק כעוסק פטור. בהגדרות צריך לבחור מסמך ברירת מחדל – חשבונית מס או קבלה? לא ברור לי מה מתאים.",
            "עוסק פטור אינו מוציא חשבוניות מס, ולכן כדאי לבחור בקבלה כמסמך ברירת המחדל. את סוג העוסק מגדירים בהגדרות ← פרטי העסק, והמערכת תתאים את סוגי המסמכים אוטומטית.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "quick",
            "שעות פתיחה בחול המועד",
            "הסניף בתל אביב פתוח בחול המועד סוכות?",
            "כן, בחול המועד אנחנו פתוחים בימים ראשון עד חמישי בין 9:00 ל-14:00.\n\nבברכה,\nשירות הלקוחות",
        ),
        Scenario(
            "quick",
            "העתק חשבונית מאוקטובר",
            "אפשר לקבל העתק של החשבונית מאוקטובר? רואת החשבון שלנו לא מוצאת אותה.",
            "שלחנו העתק למייל שלכם. כל החשבוניות זמינות גם בחשבון, תחת חשבוניות ← ארכיון.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "quick",
            "עדכון כתובת",
            "עברנו משרד, הכתובת החדשה היא רחוב הברזל 12, תל אביב. אפשר לעדכן בחשבוניות?",
            "עדכנו את הכתובת, והיא תופיע על כל החשבוניות מהיום והלאה.\n\nבברכה,\nשירות הלקוחות",
        ),
        Scenario(
            "hard",
            "ייבוא תנועות הבנק משייך תשלומים לחשבוניות הלא נכונות",
            "מאז שבנק לאומי שינה את פורמט קובץ התנועות, התשלומים שמיובאים משויכים לחשבוניות הלא נכונות. צירפנו שלוש דוגמאות מנובמבר. נראה שזה קורה רק כשבאסמכתא מופיעים שני מספרי חשבונית, ורק בחשבון העסקי – בחשבון השני הכול תקין. בנוסף, כשמייבאים שוב את אותו קובץ נוצרות שורות כפולות, ולמחוק אותן ידנית לוקח שעות. אפשר לבדוק, ולהגיד לנו אם יש דרך לתקן את השיוכים הקיימים בבת אחת?",
            "תודה על הדוגמאות המפורטות, הן עוזרות מאוד. העברנו את המקרה למפתחים: התיקון לשורות הכפולות כבר בבדיקות, ואת השיוך של אסמכתאות עם כמה מספרי חשבונית אנחנו עדיין בודקים. נחזור אליכם תוך שני ימי עסקים, כולל הסבר איך לתקן את השיוכים הקיימים.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "hard",
            "פערים בין דוח רווח והפסד למאזן הבוחן",
            'לקראת סגירת השנה רואה החשבון שלנו מצא כמה פערים: 1) ההכנסות בדוח רווח והפסד גבוהות ב-4,300 ₪ מאלה שבמאזן הבוחן; 2) שתי חשבוניות זיכוי מדצמבר לא מופיעות בדוח המע"מ; 3) בקובץ במבנה אחיד חסרות התנועות של הקופה הקטנה. צריך לסגור את זה עד סוף החודש. תוכלו לעזור?',
            "תודה על הפירוט. הפער בהכנסות נובע ככל הנראה משתי חשבוניות הזיכוי, שנרשמו עם תאריך ערך בינואר, ואנחנו בודקים גם את הייצוא למבנה האחיד. נחזור אליכם עד יום חמישי עם תשובה מסודרת לכל אחד משלושת הסעיפים.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "other",
            "הצעה: תזכורות תשלום אוטומטיות",
            "יהיה מעולה אם המערכת תשלח ללקוחות תזכורת אוטומטית כשחשבונית לא שולמה אחרי 30 יום. כרגע אנחנו עושים את זה ידנית, וזה לוקח המון זמן.",
            "תודה על ההצעה! תזכורות אוטומטיות כבר קיימות – אפשר להפעיל אותן בהגדרות ← תזכורות תשלום ולקבוע שם גם את מספר הימים.\n\nבברכה,\nצוות התמיכה",
        ),
        Scenario(
            "other",
            "תודה על השירות בחיפה",
            "רק רצינו להגיד תודה לנציגה בסניף בחיפה שעזרה לנו אתמול לסדר את כל ההגדרות. שירות מעולה!",
            "תודה רבה על המילים החמות! העברנו אותן לצוות בחיפה.\n\nבברכה,\nשירות הלקוחות",
        ),
    ),
    "hu": (
        Scenario(
            "payment",
            "Kétszer vonták le a havidíjat",
            "Tisztelt Ügyfélszolgálat! A novemberi előfizetés díját kétszer vonták le a bankkártyámról, két 6 990 Ft-os tétel szerepel a kivonaton. A képernyőképet csatoltam. Kérem, az egyik összeget utalják vissza.",
            "Tisztelt Ügyfelünk! Elnézést kérünk, a kártyás fizetés feldolgozásakor technikai hiba történt. A dupla terhelést visszautaltuk, az összeg 3–5 munkanapon belül jelenik meg a kártyáján.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "payment",
            "Fizettünk, mégis felszólítást kaptunk",
            "Az októberi számlát november 3-án átutaltuk, a közleménybe a számla sorszámát is beírtuk. Ennek ellenére ma fizetési felszólítást kaptunk azzal, hogy felfüggesztik a hozzáférésünket. Kérem, nézzék meg, mi történt.",
            "Köszönjük a türelmét! Az utalás megérkezett, de a közleményben elírt sorszám miatt a rendszer nem tudta automatikusan párosítani. A befizetést kézzel rögzítettük, a felszólítás tárgytalan, a hozzáférését nem függesztjük fel.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "blocked",
            "NEM TUDOK BELÉPNI!!!",
            "Reggel óta azt írja ki a rendszer, hogy a fiókom zárolva van. Új jelszó igénylésekor nem érkezik meg az e-mail, a spamben sincs. Ma kellene kiállítanom a havi számlákat, az ügyfelek várnak. Kérem, segítsenek minél előbb!",
            "Feloldottuk a fiók zárolását, és újra elküldtük a jelszó-visszaállító e-mailt. Ha 10 percen belül sem érkezik meg, kérjük, hívja ügyfélszolgálatunkat, és telefonon azonosítjuk Önt.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "blocked",
            "NAV-hiba miatt nem tudunk számlázni",
            "Tegnap délután óta minden számlánál azt a hibaüzenetet kapjuk, hogy a NAV Online Számla adatszolgáltatás sikertelen, a számla pedig „függőben” marad. Így egyetlen számlát sem tudunk kiküldeni, pedig hónap vége van. Mit tegyünk?",
            "A hibát lejárt NAV technikai felhasználói kulcs okozza. Kérjük, a NAV Online Számla felületén generáljon új kulcsokat, és adja meg őket a Beállítások → NAV-kapcsolat menüben; ezután a függőben lévő számlákat a rendszer automatikusan újraküldi.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "angry",
            "Harmadszor írok, és semmi válasz!",
            "Már harmadszor írok ugyanazzal a problémával, és eddig senki nem vette a fáradságot, hogy válaszoljon. Az áfabevallás határideje 20-án van, az áfa-analitika viszont még mindig rossz összegeket mutat. Ha ezen a héten nem oldódik meg, szolgáltatót váltunk.",
            "Elnézést kérünk a hosszú várakozásért, ez valóban nem elfogadható. Ügyét kiemelten kezeljük: fejlesztőnk még ma kijavítja az analitikát, és amint az összegek rendben vannak, azonnal értesítjük.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "angry",
            "Elfogadhatatlan ügyintézés az irodában",
            "Tegnap személyesen mentem be a Váci úti irodájukba, mert telefonon nem tudtak segíteni. Negyven percet vártam, utána közölték, hogy írjak inkább e-mailt. Ez így nem ügyfélszolgálat.",
            "Őszintén sajnáljuk, ennek nem lett volna szabad így történnie. A kollégákkal átbeszéltük az esetet, az Ön ügyét pedig még ma átnézzük, és telefonon keressük.\n\nÜdvözlettel:\naz ügyfélszolgálat csapata",
        ),
        Scenario(
            "churn",
            "Szerződésünk – mielőtt döntünk",
            "Tisztelt Ügyfélszolgálat!\n\nNégy éve használjuk a számlázójukat, és mindig segítőkészek voltak. A tavaszi banki szinkron változás óta azonban a könyvelőnk hetente egy órát tölt a befizetések kézi párosításával, és egy másik szolgáltatótól olcsóbb ajánlatot kaptunk. Komolyan fontolgatjuk, hogy márciusban felmondjuk a szerződést.\n\nMielőtt döntünk, elmondanák, mi várható a banki szinkronnal?\n\nÜdvözlettel:",
            "Köszönjük, hogy döntés előtt szóltak, és a négy jó évet is. Termékfelelősünk a héten felhívja Önöket a banki szinkron ügyében: az automatikus párosítás a februári kiadással visszatér, addig pedig ma visszaállítottuk a fiókjukon a régi párosítási szabályokat. Nagyon szeretnénk, ha továbbra is együtt dolgoznánk.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "onboarding",
            "Hogyan kezdjünk hozzá?",
            "Most regisztráltunk. Hol lehet megadni a cég adatait és a logót, hogy megjelenjenek a számlákon? Az ügyféllistát be lehet tölteni valahogy Excelből?",
            "Üdvözöljük! A cégadatokat és a logót a Beállítások → Cégadatok menüben adhatja meg, az ügyfeleket pedig Excel- vagy CSV-fájlból töltheti be az Ügyfelek → Importálás menüpontban. A kezdőlapon rövid bevezető útmutatót is talál.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "onboarding",
            "Hozzáférés a könyvelőnek",
            "Kis Kft. vagyunk, a könyvelést külső könyvelőiroda végzi. Hogyan adhatunk nekik hozzáférést úgy, hogy lássák a kimutatásokat, de számlát ne tudjanak törölni?",
            "A könyvelőt a Beállítások → Felhasználók menüben hívhatja meg „Könyvelő” szerepkörrel. Ez a szerepkör minden kimutatást és bizonylatot lát, de számlát törölni és beállítást módosítani nem tud.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "quick",
            "Nyitvatartás az ünnepek között",
            "Nyitva lesznek december 27-én? Be szeretném vinni a papírokat.",
            "December 27-én 9 és 14 óra között vagyunk nyitva, szeretettel várjuk.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "quick",
            "Számlamásolat kérése",
            "Kérem, küldjék el az októberi számlánk másolatát, a könyvelő nem találja.",
            "A másolatot elküldtük e-mailben. A fiókjában a Számlák menüpontban az összes korábbi számlát megtalálja.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "quick",
            "Adószám módosítása",
            "Átalakulás miatt megváltozott a cégünk adószáma. Hol tudom átírni, hogy az új számlákon már ez szerepeljen?",
            "Az adószámot a Beállítások → Cégadatok menüben írhatja át. A módosítás után kiállított számlákon már az új adószám jelenik meg.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "hard",
            "A banki import rossz számlákhoz párosítja a befizetéseket",
            "Amióta az OTP új kivonatformátumra állt át, a banki import rossz számlákhoz párosítja a befizetéseket. Csatoltam három novemberi példát. Úgy látom, csak akkor fordul elő, ha a közleményben két számlaszám szerepel, és csak a forintszámlánál – a devizaszámla importja rendben van. Ráadásul ha ugyanazt a fájlt újra betöltjük, duplikált tételek keletkeznek, és ezek kézi törlése órákig tart. Meg tudnák nézni, és van-e mód a meglévő hibás párosítások tömeges javítására?",
            "Köszönjük a részletes példákat, sokat segítenek. Az ügyet továbbítottuk a fejlesztőknek: a duplikációt megakadályozó javítás már tesztelés alatt van, a több számlaszámot tartalmazó közlemények párosítását pedig vizsgáljuk. Két munkanapon belül jelentkezünk, a meglévő párosítások javításának módjával együtt.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "hard",
            "Eltérés az áfa-analitika és a főkönyv között",
            "Az éves zárásnál a könyvelőnk több eltérést talált: 1) az áfa-analitika szerinti fizetendő áfa 187 400 Ft-tal több, mint a főkönyvi kivonatban; 2) két decemberi helyesbítő számla nem jelenik meg a bevallás tervezetében; 3) a NAV-nak beküldött számlák közül három „hibás” státuszú, de nem látjuk, mi a hiba. A bevallást 20-áig be kell adnunk. Tudnának segíteni?",
            "Köszönjük a pontos leírást. A különbözet valószínűleg a két helyesbítő számla teljesítési dátumából adódik, ezt most ellenőrizzük, a hibás NAV-státuszú számlák részletes hibaüzenetét pedig már lekértük. Legkésőbb csütörtökig mindhárom pontra részletes választ küldünk.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "other",
            "Javaslat: automatikus fizetési emlékeztető",
            "Jó lenne, ha a rendszer automatikusan emlékeztetőt küldene, amikor egy számla 15 napja lejárt. Most ezt mindig kézzel csináljuk.",
            "Köszönjük a javaslatot! Automatikus emlékeztetőt már most is beállíthat a Beállítások → Fizetési emlékeztetők menüben, ahol a napok számát is megadhatja.\n\nÜdvözlettel:\nÜgyfélszolgálat",
        ),
        Scenario(
            "other",
            "Kétnyelvű számla külföldi partnereknek",
            "Külföldi partnereinknek kétnyelvű, magyar–angol számlát szeretnénk kiállítani. Tervezik ezt a funkciót?",
            "Kétnyelvű számlasablon már elérhető: a számla szerkesztésekor a Nyelv mezőben válassza a „magyar–angol” lehetőséget. Ha egy partnernél ez legyen az alapértelmezett, az ügyfél adatlapján is beállíthatja.\n\nÜdvözlettel:\naz ügyfélszolgálat csapata",
        ),
    ),
    "bs": (
        Scenario(
            "payment",
            "Dvostruko naplaćena pretplata",
            "Poštovani, za novembarsku pretplatu s kartice nam je skinuto dva puta po 39 KM. U prilogu je snimak ekrana s izvodom. Molimo vas da nam vratite jednu uplatu.",
            "Poštovani, izvinjavamo se zbog greške pri obradi kartičnog plaćanja. Dupla naplata je poništena, a novac će biti na vašoj kartici u roku od 3 do 5 radnih dana.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "payment",
            "Platili smo, a stigla je opomena",
            "Fakturu za oktobar uplatili smo 3. novembra, s brojem fakture u pozivu na broj. Danas nam je ipak stigla opomena da će nam pristup biti blokiran. Možete li provjeriti šta se desilo?",
            "Hvala na strpljenju. Uplata je stigla, ali zbog greške u pozivu na broj sistem je nije automatski povezao s fakturom. Uplatu smo ručno proknjižili, opomena je poništena i pristup vam neće biti blokiran.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "blocked",
            "NE MOGU SE PRIJAVITI!!!",
            "Od jutros mi sistem javlja da je korisnički račun zaključan. Link za novu lozinku ne stiže na e-mail, nema ga ni u spamu. Danas moram izdati fakture za cijeli mjesec, klijenti čekaju – molim vas hitno!",
            "Otključali smo vaš korisnički račun i ponovo poslali link za promjenu lozinke. Ako ne stigne u narednih 10 minuta, nazovite nas i potvrdit ćemo vaš identitet telefonom.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "blocked",
            "Fakture ne odlaze kupcima",
            "Od 10 sati sve fakture koje šaljemo ostaju u statusu „Slanje u toku“ i ne stižu do kupaca. Kraj je mjeseca i danas moramo poslati preko 50 faktura. Da li je kod vas nešto palo?",
            "Jutros je došlo do zastoja u slanju e-mailova, koji je otklonjen u 11:40. Sve fakture koje su zapele sada su poslane, a status svake možete vidjeti u meniju Fakture → Poslane.\n\nLijep pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "angry",
            "Treći put pišemo i niko ne odgovara",
            "Ovo je već treći put da pišemo zbog istog problema i niko se nije udostojio odgovoriti. PDV prijava se predaje do 10. u mjesecu, a vaš izvještaj i dalje pokazuje pogrešne iznose. Ako se ovo ne riješi ove sedmice, prelazimo kod druge firme.",
            "Izvinjavamo se zbog dugog čekanja, to nije usluga kakvu želimo pružati. Vaš zahtjev smo stavili kao prioritet: izvještaj se danas ispravlja, a čim iznosi budu tačni, javit ćemo vam se.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "angry",
            "Poskupljenje bez ikakve najave",
            "Danas smo vidjeli da je mjesečna pretplata s 29 KM skočila na 39 KM, bez ikakve najave. Vaši smo korisnici šest godina i ovo nije korektno. Očekujemo objašnjenje.",
            "U pravu ste, o promjeni cijene trebali smo vas jasno obavijestiti i zbog toga se izvinjavamo. Obavijest je otišla na staru e-mail adresu iz vašeg profila; kao znak pažnje, zadržali smo vam staru cijenu do kraja godine.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "onboarding",
            "Kako da počnemo?",
            "Upravo smo se registrovali. Gdje unosimo podatke o firmi i logo da bi se pojavili na fakturi? Može li se spisak klijenata uvesti iz Excela?",
            "Dobro došli! Podatke o firmi i logo unosite u meniju Postavke → Podaci o firmi, a klijente možete uvesti iz Excel ili CSV datoteke preko Klijenti → Uvoz. Na početnoj stranici je i kratko uputstvo za početak.\n\nLijep pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "onboarding",
            "Pristup za knjigovođu",
            "Knjigovodstvo nam vodi vanjski knjigovodstveni servis. Kako da im damo pristup, a da ne mogu brisati fakture?",
            "Knjigovođu možete pozvati u meniju Postavke → Korisnici i dodijeliti ulogu „Knjigovođa“. Ta uloga vidi sve izvještaje i dokumente, ali ne može brisati fakture niti mijenjati postavke.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "quick",
            "Radno vrijeme za Novu godinu",
            "Da li radite 2. januara? Trebamo donijeti dokumentaciju u poslovnicu.",
            "Poslovnica je zatvorena 1. i 2. januara, a od 3. januara radimo kao i obično, od 8 do 16 sati.\n\nLijep pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "quick",
            "Kopija fakture za oktobar",
            "Možete li nam poslati kopiju fakture za oktobar? Knjigovođa je ne može pronaći.",
            "Kopiju smo vam poslali e-mailom. Sve fakture su vam uvijek dostupne i u korisničkom računu, u meniju Fakture.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "quick",
            "Promjena adrese",
            "Preselili smo se, nova adresa je Zmaja od Bosne 7, 71000 Sarajevo. Molimo da je ažurirate na fakturama.",
            "Adresa je ažurirana i pojavit će se na svim fakturama od danas.\n\nLijep pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "hard",
            "Uvoz izvoda povezuje uplate s pogrešnim fakturama",
            "Otkako je Raiffeisen banka promijenila format izvoda, uplate se povezuju s pogrešnim fakturama. U prilogu su tri primjera iz novembra. Izgleda da se to dešava samo kada su u pozivu na broj dva broja faktura, i to samo na KM računu – uvoz s deviznog računa radi kako treba. Osim toga, ponovni uvoz iste datoteke pravi duple stavke, a njihovo ručno brisanje traje satima. Možete li provjeriti i reći nam da li se postojeća pogrešna povezivanja mogu ispraviti odjednom?",
            "Hvala na detaljnim primjerima, mnogo nam pomažu. Slučaj smo proslijedili programerima: ispravka za duple stavke je već u testiranju, a povezivanje uplata s više brojeva faktura još ispitujemo. Javit ćemo vam se u roku od dva radna dana, zajedno s uputama kako ispraviti postojeća povezivanja.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "hard",
            "PDV izvještaj se ne slaže s glavnom knjigom",
            "Pri zatvaranju godine knjigovođa je našao nekoliko razlika: 1) izlazni PDV u PDV izvještaju je 1.240 KM veći nego u glavnoj knjizi; 2) dva knjižna odobrenja iz decembra ne pojavljuju se u PDV prijavi; 3) u izvozu za UIO nedostaju fakture prema inostranim kupcima. Sve ovo moramo riješiti do 10. januara. Možete li pomoći?",
            "Hvala na preciznom opisu. Razlika u izlaznom PDV-u vjerovatno dolazi od dva knjižna odobrenja koja su proknjižena s datumom u januaru, što upravo provjeravamo, a izvoz za UIO pregledaju naši programeri. Najkasnije do četvrtka poslat ćemo vam odgovor na sve tri stavke.\n\nSrdačan pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "other",
            "Prijedlog: automatski podsjetnici",
            "Bilo bi odlično kada bi sistem sam slao podsjetnik kupcima kad faktura kasni 15 dana. Sada to radimo ručno.",
            "Hvala na prijedlogu! Automatske podsjetnike već možete uključiti u meniju Postavke → Podsjetnici za plaćanje, gdje birate i broj dana.\n\nLijep pozdrav,\nKorisnička podrška",
        ),
        Scenario(
            "other",
            "Pohvala za poslovnicu u Tuzli",
            "Samo želimo pohvaliti koleginicu iz poslovnice u Tuzli koja nam je juče strpljivo pomogla da podesimo sve postavke. Svaka čast!",
            "Hvala vam puno na lijepim riječima! Prenijeli smo ih kolegama u Tuzli.\n\nLijep pozdrav,\nKorisnička podrška",
        ),
    ),
    "de": (
        Scenario(
            "payment",
            "Doppelte Abbuchung im November",
            "Guten Tag, für das November-Abo wurden zweimal 24,90 € von meiner Kreditkarte abgebucht. Einen Screenshot der Abrechnung habe ich angehängt. Bitte erstatten Sie mir den doppelten Betrag.",
            "Guten Tag, das tut uns leid – bei der Kartenzahlung ist ein technischer Fehler aufgetreten. Die doppelte Zahlung haben wir erstattet, sie ist in 3–5 Werktagen wieder auf Ihrer Karte.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "payment",
            "Lastschrift angeblich zurückgegangen",
            "Wir haben eine Mail bekommen, dass die SEPA-Lastschrift nicht eingelöst werden konnte und eine Gebühr von 3,50 € fällig wird. Auf unserem Konto ist der Betrag aber ganz normal abgebucht. Können Sie das bitte prüfen und die Gebühr stornieren?",
            "Sie haben recht: Die Lastschrift ist bei uns eingegangen, die Benachrichtigung wurde irrtümlich verschickt. Die Gebühr haben wir storniert, Sie müssen nichts weiter tun.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "blocked",
            "Konto gesperrt – dringend!!!",
            "Seit heute Morgen kann ich mich nicht mehr anmelden, es heißt nur „Konto vorübergehend gesperrt“. Die E-Mail zum Zurücksetzen des Passworts kommt nicht an. Ich muss heute noch die Monatsrechnungen rausschicken, bitte melden Sie sich schnell!",
            "Wir haben die Sperre aufgehoben und Ihnen eine neue E-Mail zum Zurücksetzen geschickt. Falls sie nicht innerhalb von zehn Minuten ankommt, rufen Sie uns bitte an – wir helfen Ihnen dann direkt am Telefon.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "blocked",
            "XRechnung-Export bricht ab, wir können nicht abrechnen",
            "Seit dem letzten Update bricht der Export als XRechnung mit dem Validierungsfehler BR-DE-15 ab. Unsere öffentlichen Auftraggeber nehmen nur XRechnung an, wir können also gerade gar nicht abrechnen. Bitte um schnelle Hilfe.",
            "Der Fehler BR-DE-15 bedeutet, dass die Leitweg-ID des Auftraggebers fehlt – seit dem Update ist das Feld Pflicht. Bitte tragen Sie sie beim Kunden unter „Käuferreferenz“ ein, danach lässt sich die XRechnung wieder erstellen.\n\nViele Grüße\nIhr Support-Team",
        ),
        Scenario(
            "angry",
            "Dritte Anfrage – so geht das nicht!",
            "Ich schreibe Ihnen jetzt zum dritten Mal wegen derselben Sache und bekomme keine Antwort. Die Umsatzsteuer-Voranmeldung ist am 10. fällig und Ihre Auswertung zeigt immer noch falsche Zahlen. Wenn das diese Woche nicht gelöst wird, kündigen wir.",
            "Es tut uns sehr leid, dass Sie so lange warten mussten – das entspricht nicht unserem Anspruch. Wir haben Ihren Fall vorgezogen: Die Auswertung wird heute korrigiert, und wir melden uns, sobald die Zahlen stimmen.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "angry",
            "Preiserhöhung ohne Ankündigung",
            "Heute sehe ich, dass unser Tarif von 19 € auf 27 € im Monat gestiegen ist, ohne jede Vorankündigung. Wir sind seit fünf Jahren Kunde, so geht man mit Kunden nicht um.",
            "Sie haben völlig recht, über die Preisänderung hätten wir Sie klar informieren müssen – dafür entschuldigen wir uns. Die Mitteilung ging leider an eine veraltete E-Mail-Adresse; als Ausgleich bleibt Ihr bisheriger Preis bis zum Jahresende bestehen.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "onboarding",
            "Wie fangen wir an?",
            "Wir haben uns gerade registriert. Wo trage ich Firmendaten und Logo ein, damit sie auf den Rechnungen erscheinen? Und können wir unsere Kundenliste aus Excel übernehmen?",
            "Herzlich willkommen! Firmendaten und Logo hinterlegen Sie unter Einstellungen → Unternehmen, Ihre Kundenliste importieren Sie als Excel- oder CSV-Datei unter Kunden → Import. Eine kurze Einführung finden Sie außerdem direkt auf der Startseite.\n\nViele Grüße\nIhr Support-Team",
        ),
        Scenario(
            "onboarding",
            "Zugang für unser Steuerbüro",
            "Unsere Buchhaltung macht ein externes Steuerbüro. Wie geben wir denen Zugriff, und gibt es einen DATEV-Export?",
            "Ihr Steuerbüro laden Sie unter Einstellungen → Benutzer mit der Rolle „Steuerberater“ ein; diese Rolle sieht alle Auswertungen, kann aber nichts löschen. Den DATEV-Export finden Sie unter Berichte → Export → DATEV.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "quick",
            "Öffnungszeiten zwischen den Jahren",
            "Haben Sie am 30. Dezember geöffnet? Ich würde gern Unterlagen vorbeibringen.",
            "Am 30. Dezember sind wir von 9 bis 13 Uhr für Sie da.\n\nViele Grüße\nIhr Support-Team",
        ),
        Scenario(
            "quick",
            "Rechnungskopie Oktober",
            "Können Sie mir bitte eine Kopie der Rechnung vom Oktober schicken? Mein Steuerberater findet sie nicht.",
            "Gern, wir haben Ihnen die Kopie per E-Mail geschickt. Alle Rechnungen finden Sie außerdem in Ihrem Konto unter Abrechnung → Rechnungen.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "quick",
            "Wo trage ich die USt-IdNr. ein?",
            "Wo trage ich unsere USt-IdNr. ein, damit sie auf den Rechnungen steht?",
            "Die USt-IdNr. tragen Sie unter Einstellungen → Unternehmen im Feld „USt-IdNr.“ ein. Sie erscheint dann automatisch auf allen neuen Rechnungen.\n\nViele Grüße\nIhr Support-Team",
        ),
        Scenario(
            "hard",
            "Bankimport ordnet Zahlungen falschen Rechnungen zu",
            "Seit unsere Sparkasse das Format der Kontoauszüge umgestellt hat, ordnet der Bankimport Zahlungen den falschen Rechnungen zu. Drei Beispiele aus dem November hänge ich an. Das passiert offenbar nur, wenn im Verwendungszweck zwei Rechnungsnummern stehen, und nur beim Geschäftskonto – beim Tagesgeldkonto klappt alles. Außerdem entstehen beim erneuten Import derselben Datei doppelte Buchungen, die wir von Hand löschen müssen. Können Sie das prüfen und uns sagen, ob sich die falschen Zuordnungen gesammelt korrigieren lassen?",
            "Vielen Dank für die ausführlichen Beispiele, die helfen uns sehr. Wir haben den Fall an die Entwicklung gegeben: Eine Korrektur gegen die doppelten Buchungen wird bereits getestet, die Zuordnung bei mehreren Rechnungsnummern prüfen wir noch. Innerhalb von zwei Werktagen melden wir uns, auch dazu, wie sich die bestehenden Zuordnungen gesammelt korrigieren lassen.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "hard",
            "DATEV-Export: Salden stimmen nicht",
            "Unser Steuerberater meldet Abweichungen beim DATEV-Export für das dritte Quartal: 1) Das Erlöskonto 8400 weicht um 1.284,60 € von Ihrer Umsatzauswertung ab. 2) Zwei Gutschriften aus dem September fehlen im Export ganz. 3) Bei Rechnungen mit 7 % und 19 % auf derselben Rechnung wird nur ein Steuerschlüssel übergeben. Die Voranmeldung muss bis zum 10. raus, wir bitten um kurzfristige Rückmeldung.",
            "Danke für die genaue Aufstellung. Die fehlenden Gutschriften und die Abweichung auf 8400 hängen vermutlich zusammen, weil beide Gutschriften mit Leistungsdatum Oktober erfasst wurden; das prüfen wir gerade. Die Steuerschlüssel bei gemischten Steuersätzen sehen sich unsere Entwickler an, und bis Donnerstag bekommen Sie eine Antwort zu allen drei Punkten.\n\nFreundliche Grüße\nIhr Kundenservice",
        ),
        Scenario(
            "other",
            "Wunsch: Dunkelmodus",
            "Gibt es Pläne für einen Dark Mode? Ich mache die Buchhaltung meistens abends, und das grelle Weiß strengt ziemlich an.",
            "Danke für den Vorschlag! Ein dunkles Design steht bereits auf unserer Liste, und wir haben Ihre Stimme dazugezählt.\n\nViele Grüße\nIhr Support-Team",
        ),
        Scenario(
            "other",
            "Lob für Ihre Hotline",
            "Wollte nur kurz sagen: Ihre Kollegin an der Hotline hat mir gestern super geholfen, die Mahnstufen einzurichten. Danke!",
            "Vielen Dank für das Lob, das geben wir gern an das Team weiter!\n\nViele Grüße\nIhr Support-Team",
        ),
    ),
    "ru": (
        Scenario(
            "payment",
            "Двойное списание за ноябрь",
            "Здравствуйте! За ноябрьскую подписку с карты списали деньги два раза, по 990 руб. Скриншот выписки во вложении. Прошу вернуть лишний платёж.",
            "Здравствуйте! Приносим извинения: при обработке платежа произошёл технический сбой. Лишний платёж возвращён, деньги поступят на карту в течение 3–5 рабочих дней.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "payment",
            "Оплатили, а пришло напоминание о долге",
            "Счёт за октябрь мы оплатили 3 ноября переводом, номер счёта указали в назначении платежа. Но сегодня пришло письмо, что у нас задолженность и доступ будет приостановлен. Проверьте, пожалуйста, что случилось.",
            "Спасибо за терпение. Платёж до нас дошёл, но из-за опечатки в номере счёта система не смогла привязать его автоматически. Мы разнесли оплату вручную, напоминание можно не учитывать — доступ приостановлен не будет.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "blocked",
            "НЕ МОГУ ВОЙТИ В АККАУНТ!!!",
            "С утра при входе пишет, что учётная запись заблокирована. Письмо для сброса пароля не приходит, в спаме тоже пусто. Сегодня нужно выставить клиентам счета за месяц, помогите срочно!",
            "Мы сняли блокировку и повторно отправили письмо для сброса пароля. Если оно не придёт в течение 10 минут, позвоните нам — подтвердим вашу личность по телефону.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "blocked",
            "Счета зависли в отправке",
            "С 10 утра все счета, которые мы отправляем, висят в статусе «Отправляется» и не уходят клиентам. Конец месяца, сегодня нужно отправить больше 40 счетов. У вас что-то сломалось?",
            "Утром был сбой в очереди отправки писем, в 11:40 его устранили. Все зависшие счета уже отправлены, статус каждого можно посмотреть в разделе Счета → Отправленные.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "angry",
            "Пишем уже третий раз!",
            "Это уже третье обращение по одному и тому же вопросу, и никто так и не ответил. Декларацию по НДС сдавать до 25-го, а ваш отчёт до сих пор показывает неправильные суммы. Если на этой неделе ничего не изменится, будем искать другой сервис.",
            "Приносим извинения за долгое ожидание, так быть не должно. Ваше обращение взято в приоритетную работу: отчёт исправят сегодня, и мы сразу сообщим, когда суммы будут верными.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "angry",
            "Ужасное обслуживание в офисе",
            "Вчера пришлось лично ехать к вам в офис, потому что по телефону никто не смог помочь. Ждать пришлось сорок минут, а потом сказали написать на почту. Это просто издевательство над клиентами.",
            "Нам очень жаль, что так получилось, — этого не должно было произойти. Мы разобрали ситуацию с коллегами, а ваш вопрос посмотрим сегодня же и перезвоним.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "onboarding",
            "С чего начать?",
            "Мы только что зарегистрировались. Где указать реквизиты компании и загрузить логотип, чтобы они были в счетах? И можно ли загрузить список клиентов из Excel?",
            "Добро пожаловать! Реквизиты и логотип указываются в разделе Настройки → Компания, а клиентов можно импортировать из файла Excel или CSV в разделе Клиенты → Импорт. На главной странице есть короткая инструкция для начала работы.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "onboarding",
            "Доступ для бухгалтера",
            "Бухгалтерию нам ведёт приходящий бухгалтер. Как дать ему доступ, чтобы были видны отчёты, но нельзя было удалять счета?",
            "Пригласите бухгалтера в разделе Настройки → Пользователи с ролью «Бухгалтер». Эта роль видит все отчёты и документы, но не может удалять счета и менять настройки.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "quick",
            "Работаете в субботу?",
            "Работает ли ваш офис в субботу? Хотим привезти документы.",
            "По субботам офис открыт с 10:00 до 14:00.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "quick",
            "Копия счёта за октябрь",
            "Пришлите, пожалуйста, копию счёта за октябрь — бухгалтер не может его найти.",
            "Отправили копию вам на почту. Все счета также всегда доступны в личном кабинете, в разделе Счета.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "quick",
            "Смена юридического адреса",
            "У нас сменился юридический адрес. Где его поменять, чтобы в новых счетах был уже новый?",
            "Адрес меняется в разделе Настройки → Компания. Во всех новых счетах сразу будет указан новый адрес.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "hard",
            "Импорт выписки привязывает платежи не к тем счетам",
            "После того как банк сменил формат выписки, импорт стал привязывать платежи не к тем счетам. Прикладываем три примера за ноябрь. Похоже, ошибка возникает, только когда в назначении платежа указаны два номера счёта, и только по расчётному счёту — с валютным всё в порядке. Кроме того, при повторной загрузке того же файла появляются дубли, и удалять их вручную приходится часами. Проверьте, пожалуйста, и подскажите, можно ли разом исправить уже существующие привязки?",
            "Спасибо за подробные примеры, они очень помогают. Мы передали вопрос разработчикам: исправление для дублей уже на тестировании, а привязку платежей с несколькими номерами счетов сейчас изучаем. В течение двух рабочих дней вернёмся с ответом, в том числе о том, как разом исправить существующие привязки.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "hard",
            "Отчёт о прибылях не сходится с ОСВ",
            "При закрытии года бухгалтер нашла несколько расхождений: 1) выручка в отчёте о прибылях и убытках на 48 300 руб. больше, чем в оборотно-сальдовой ведомости; 2) два корректировочных счёта за декабрь не попали в книгу продаж; 3) при выгрузке в Excel пропадают строки с нулевой ставкой НДС. Всё это нужно сверить до 20 января. Поможете разобраться?",
            "Спасибо за подробное описание. Расхождение в выручке, скорее всего, связано с двумя корректировочными счетами, проведёнными январской датой, — сейчас это проверяем, а выгрузку в Excel смотрят наши разработчики. Не позднее четверга пришлём ответ по всем трём пунктам.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "other",
            "Будет ли мобильное приложение?",
            "Планируете ли вы мобильное приложение? Было бы удобно фотографировать чеки прямо с телефона и сразу загружать их в расходы.",
            "Приложение сейчас на стадии тестирования, и фотографирование чеков — как раз первая функция в нём. Если хотите, добавим вас в список тестировщиков.\n\nС уважением,\nСлужба поддержки",
        ),
        Scenario(
            "other",
            "Интерфейс полностью на русском",
            "Спасибо за сервис, пользуемся уже два года. Было бы здорово, если бы интерфейс был полностью на русском — сейчас часть меню только на английском.",
            "Спасибо за отзыв! Перевод интерфейса сейчас дополняется, и недостающие разделы появятся на русском в одном из ближайших обновлений.\n\nС уважением,\nСлужба поддержки",
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

# The team works in English, so notes are in English whatever the customer's language.
CUSTOMER_NOTES: dict[str, tuple[str, ...]] = {
    "en": (
        "Prefers phone calls after 14:00.",
        "Accountant for three companies; asks about VAT reports.",
        "Was double-charged in March; check refunds twice before confirming.",
        "Pops into the Market Street desk most Fridays.",
        "Uses a screen reader: describe steps in words, not screenshots.",
        "Owner signs off on anything billing-related; the office manager only sends invoices.",
        "On the annual plan, renews in April.",
    ),
    "et": (
        "Logs in with Smart-ID only; no password set.",
        "Accountant for several OÜs; files all their VAT returns (KMD) on the 19th.",
        "Writes in Estonian, happy with English on the phone.",
        "Would rather visit the Tartu office than call.",
        "Has LHV and Swedbank accounts connected to the bank import.",
        "Asked twice about e-invoices to banks; tell them as soon as it ships.",
        "Pays yearly by bank transfer; the reference number is often missing.",
    ),
    "he": (
        "Prefers a phone call; rarely reads long emails.",
        "Writes in Hebrew; fine with English for technical details.",
        "Exempt dealer (osek patur): receipts only, no tax invoices.",
        "Large B2B invoices: check the Tax Authority connection first when invoicing fails.",
        "Their accountant calls on their behalf and is authorised on file.",
        "Office closed on Fridays; don't book call-backs then.",
        "Bank Leumi import; had duplicate lines in November.",
    ),
    "hu": (
        "Formal (Ön) always; prefers email to phone.",
        "NAV Online Számla keys expired once; check them first when invoices hang.",
        "Bookkeeping firm with 12 client companies on one account.",
        "Brings paper invoices to the Váci út office at month end.",
        "Issues bilingual Hungarian–English invoices.",
        "Monthly VAT filer; very busy around the 20th.",
    ),
    "bs": (
        "Prefers a call back to email; reachable 8:00–16:00.",
        "Bookkeeping service for five firms in Tuzla.",
        "Raiffeisen import; had wrong matches with two invoice numbers in one reference.",
        "Comes to the Sarajevo branch in person to sign contracts.",
        "Pays in KM by bank transfer and sometimes forgets the reference.",
        "Files VAT (PDV) by the 10th; avoid changes to their account around then.",
    ),
    "de": (
        "Their tax adviser does the DATEV export; copy them on VAT questions.",
        "Needs XRechnung for public-sector customers (Leitweg-ID).",
        "Kleinunternehmer: invoices without VAT.",
        "Very precise; send exact steps, formal 'Sie'.",
        "Pays by SEPA direct debit; one return last year after a bank change.",
        "Reachable in the mornings only (runs a bakery).",
    ),
    "ru": (
        "Writes in Russian; English is fine in writing.",
        "Prefers calls; rarely reads email.",
        "Freelance accountant for four small companies.",
        "Asked for a fully Russian interface; tell them when it is done.",
        "Pays by bank transfer; the invoice number is often missing from the reference.",
        "Brings paper documents to the office in person.",
    ),
}


# Canned answers for the commonest quick wins, suggested by the morning sweep (macro code →
# the triage labels it answers, and its text per language).
QUICK_MACROS = {
    "hours": (
        ["opening hours"],
        {
            "en": "Hello {customer.name},\n\nwe are open Monday to Friday, 8:00–18:00 (Tallinn "
            "time), and closed on public holidays. You can write to us at any time.\n\n"
            "Kind regards,\n{agent.name}",
            "et": "Tere, {customer.name}!\n\nOleme avatud esmaspäevast reedeni kell 8.00–18.00, "
            "riigipühadel oleme suletud. Kirjutada võite meile igal ajal.\n\n"
            "Parimate soovidega\n{agent.name}",
            "he": "שלום {customer.name},\n\nאנחנו פתוחים בימים שני עד שישי, 8:00–18:00 (שעון "
            "טאלין), וסגורים בחגים. אפשר לכתוב לנו בכל שעה.\n\nבברכה,\n{agent.name}",
            "hu": "Kedves {customer.name}!\n\nHétfőtől péntekig 8:00 és 18:00 között (tallinni "
            "idő) vagyunk nyitva, ünnepnapokon zárva. Írni bármikor lehet nekünk.\n\n"
            "Üdvözlettel:\n{agent.name}",
            "bs": "Poštovani/a {customer.name},\n\nradimo od ponedjeljka do petka, 8:00–18:00 "
            "(po talinskom vremenu), a praznicima ne radimo. Pisati nam možete bilo kada.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
        },
    ),
    "copy": (
        ["invoice copy"],
        {
            "en": "Hello {customer.name},\n\nevery invoice is under Invoices → Archive; the PDF "
            "button downloads a copy. If you would rather we send it, just reply with its "
            "number.\n\nKind regards,\n{agent.name}",
            "et": "Tere, {customer.name}!\n\nKõik arved leiate menüüst Arved → Arhiiv; nupp PDF "
            "laadib koopia alla. Kui soovite, et saadame selle teile, vastake lihtsalt arve "
            "numbriga.\n\nParimate soovidega\n{agent.name}",
            "he": "שלום {customer.name},\n\nכל החשבוניות נמצאות תחת חשבוניות ← ארכיון; כפתור "
            "PDF מוריד העתק. אם נוח לך שנשלח אותה, פשוט השב/י עם מספר החשבונית.\n\n"
            "בברכה,\n{agent.name}",
            "hu": "Kedves {customer.name}!\n\nMinden számla a Számlák → Archívum menüben "
            "található; a PDF gomb letölt egy másolatot. Ha inkább elküldjük, válaszoljon a "
            "számla sorszámával.\n\nÜdvözlettel:\n{agent.name}",
            "bs": "Poštovani/a {customer.name},\n\nsve fakture su pod Fakture → Arhiva; dugme "
            "PDF preuzima kopiju. Ako želite da vam je pošaljemo, samo odgovorite brojem "
            "fakture.\n\nSrdačan pozdrav,\n{agent.name}",
        },
    ),
    "password": (
        ["password reset"],
        {
            "en": "Hello {customer.name},\n\nplease use “Forgot password?” on the log-in page; "
            "the link we send is valid for one hour.\n\nKind regards,\n{agent.name}",
            "et": "Tere, {customer.name}!\n\nPalun kasutage sisselogimislehel linki „Unustasid "
            "parooli?“; saadetud link kehtib ühe tunni.\n\nParimate soovidega\n{agent.name}",
            "he": "שלום {customer.name},\n\nיש ללחוץ על „שכחת סיסמה?” בדף הכניסה; הקישור "
            "שנשלח תקף לשעה אחת.\n\nבברכה,\n{agent.name}",
            "hu": "Kedves {customer.name}!\n\nKérjük, használja a bejelentkezési oldalon az "
            "„Elfelejtett jelszó?” linket; az elküldött link egy óráig érvényes.\n\n"
            "Üdvözlettel:\n{agent.name}",
            "bs": "Poštovani/a {customer.name},\n\nmolimo koristite „Zaboravljena lozinka?” na "
            "stranici za prijavu; poslani link vrijedi jedan sat.\n\nSrdačan pozdrav,\n"
            "{agent.name}",
        },
    ),
}
# Who is at their desk when the demo starts (the rest are off shift).
PRESENCE = {"kati": "available", "eli": "available", "anna": "available"}
# Eli's break starts within the warning time (visitors and the status page are told); Amra
# stepped away to receive a delivery (customers see the apology and when service resumes).
BREAK_SOON_AGENT = "eli"
BREAK_SOON_MINUTES = 14
STEPPED_AWAY = ("amra", "delivery", 20)
# Visitors who took a number at the kiosk before the demo starts: minutes ago, name.
VISITORS = ((12, "Tiina Tamm"), (4, ""))
# The team's one-word codes for the log line: code → (what it stands for, follow-up minutes).
LOG_CODES = {
    "cb": ("call back promised", 60),
    "inv": ("invoice copy sent", None),
    "pwd": ("password reset done", None),
    "demo": ("product demo given", None),
}
# Lines logged for a colleague who was away (writer, language of the customer, line after the
# customer's name, minutes ago): each waits on that colleague's queue page; the first asks for a
# call back, so the follow-up is Eli's.
COLLEAGUE_LINES = (
    ("sam", "he", "Eli Levi. viruses on the laptop, call him back.", 20),
    ("kati", "hu", "Kovács Anna. asked for the invoice copy again.", 45),
)
# The notice board on the first morning: (title, text, important, pinned, who has read it).
NOTICES = (
    (
        "New VAT rates from 1 January",
        "Estonia 24 %, Hungary unchanged. Invoices dated 1 January or later use the new rate; "
        "answer questions with the /vat macro once it is ready.",
        True,
        True,
        ("kati", "eli"),
    ),
    (
        "Printer on the second floor is fixed",
        "Print the day's call-back list there again.",
        False,
        False,
        ("kati",),
    ),
)

# A campaign the lead can preview and schedule on the demo desk: useful tips, in five languages,
# to the desk's newer customers (Outreach).
TIPS_CAMPAIGN = "Tips for your invoices"
TIPS_NEW_WITHIN_DAYS = 120
TIPS = {
    "en": (
        "Three tips for your invoices",
        "Hello,\n\nthree things that save our customers the most time:\n\n1. Keep your VAT number current under Account → Company, and every invoice carries it.\n2. Download all invoices of a year at once: Invoices → Export → pick the year.\n3. Change the address an invoice goes to before the 25th, and that month's invoice uses it.\n\nJust reply to this mail if anything is unclear.\n\nThe help desk",
    ),
    "et": (
        "Kolm nõuannet arvete kohta",
        "Tere!\n\nKolm asja, mis säästavad meie klientidel kõige rohkem aega:\n\n1. Hoia oma KMKR number ajakohasena menüüs Konto → Ettevõte ja see on igal arvel.\n2. Laadi aasta kõik arved korraga alla: Arved → Eksport → vali aasta.\n3. Muuda arve saamise aadressi enne 25. kuupäeva ja selle kuu arve kasutab juba uut aadressi.\n\nKui midagi jääb segaseks, vasta lihtsalt sellele kirjale.\n\nKlienditugi",
    ),
    "hu": (
        "Három tipp a számláihoz",
        "Jó napot!\n\nHárom dolog, amellyel ügyfeleink a legtöbb időt takarítják meg:\n\n1. Tartsa naprakészen az adószámát a Fiók → Cég menüben, és minden számlán szerepelni fog.\n2. Egy év összes számláját egyszerre letöltheti: Számlák → Exportálás → válassza ki az évet.\n3. A számlázási címet 25-e előtt módosítsa, és már az aktuális havi számla az új címre megy.\n\nHa bármi nem világos, egyszerűen válaszoljon erre a levélre.\n\nAz ügyfélszolgálat",
    ),
    "bs": (
        "Tri savjeta za vaše fakture",
        "Poštovani,\n\ntri stvari koje našim klijentima štede najviše vremena:\n\n1. Držite svoj PDV broj ažurnim pod Račun → Firma i bit će na svakoj fakturi.\n2. Preuzmite sve fakture jedne godine odjednom: Fakture → Izvoz → izaberite godinu.\n3. Adresu za fakture promijenite prije 25. u mjesecu i faktura za taj mjesec već ide na novu adresu.\n\nAko nešto nije jasno, samo odgovorite na ovu poruku.\n\nSlužba za korisnike",
    ),
    "he": (
        "שלושה טיפים לחשבוניות שלכם",
        "שלום,\n\nשלושה דברים שחוסכים ללקוחות שלנו הכי הרבה זמן:\n\n1. עדכנו את מספר העוסק תחת חשבון ← חברה, והוא יופיע בכל חשבונית.\n2. הורידו את כל החשבוניות של שנה בבת אחת: חשבוניות ← ייצוא ← בחרו שנה.\n3. שנו את הכתובת לחשבוניות לפני ה-25 בחודש, וכבר החשבונית של אותו חודש תישלח אליה.\n\nאם משהו לא ברור, פשוט השיבו לדוא״ל הזה.\n\nמוקד השירות",
    ),
}

# Problems on the demo desk. A burst made a problem a while ago (in three languages, on the
# status page), and a fresh burst the detector raised as an alert for the lead to decide.
# (customer name, e-mail, language, subject, body); each from a customer of their own.
PROBLEM_TITLE = "Bank statement import fails with E-4031"
PROBLEM_PUBLIC = {
    "en": "Importing bank statements fails with error E-4031 since this morning's update. We are fixing it; no statement is lost.",
    "bs": "Uvoz bankovnih izvoda od jutrošnjeg ažuriranja ne uspijeva uz grešku E-4031. Radimo na popravci; nijedan izvod nije izgubljen.",
    "hu": "A ma reggeli frissítés óta a bankszámlakivonatok importja E-4031 hibával leáll. Dolgozunk a javításon; egyetlen kivonat sem veszett el.",
    "et": "Pangaväljavõtete import ebaõnnestub alates hommikusest uuendusest veaga E-4031. Parandame seda; ükski väljavõte pole kadunud.",
    "he": "ייבוא דפי חשבון בנק נכשל עם שגיאה E-4031 מאז העדכון של הבוקר. אנחנו מתקנים את זה; אף דף חשבון לא אבד.",
}
PROBLEM_BURST = (
    (
        "Tomás Reyes",
        "tomas.reyes@ledgerly.example",
        "en",
        "Bank import error E-4031",
        "Since this morning the bank statement import stops with error E-4031. Nothing gets imported.",
    ),
    (
        "Amra Hodžić",
        "amra.hodzic@knjige.example",
        "bs",
        "Greška E-4031 kod uvoza izvoda",
        "Od jutros uvoz bankovnog izvoda staje s greškom E-4031. Ništa se ne uvozi.",
    ),
    (
        "Szilágyi Péter",
        "szilagyi.peter@konyv.example",
        "hu",
        "E-4031 hiba a banki importnál",
        "Ma reggel óta a bankszámlakivonat importja E-4031 hibával leáll. Semmi sem töltődik be.",
    ),
    (
        "Dana Whitfield",
        "dana@whitfield-books.example",
        "en",
        "Statement import: E-4031",
        "Our bank statement import fails with E-4031 again, three times now.",
    ),
    (
        "Edin Mujić",
        "edin.mujic@racuni.example",
        "bs",
        "Uvoz izvoda ne radi (E-4031)",
        "Bankovni izvod ne mogu uvesti, javlja se greška E-4031.",
    ),
)
ALERT_BURST = (
    (
        "Kadri Mets",
        "kadri.mets@arveldus.example",
        "et",
        "Arve PDF on tühi, 0 KB",
        "Täna allalaaditud arve PDF on 0 KB suurune ega avane.",
    ),
    (
        "Noa Friedman",
        "noa.friedman@heshbon.example",
        "he",
        "קובץ PDF של חשבונית ריק (0 KB)",
        "קובץ ה-PDF של החשבונית שהורדתי היום הוא 0 KB ולא נפתח.",
    ),
    (
        "Tóth Eszter",
        "toth.eszter@szamla.example",
        "hu",
        "A számla PDF 0 KB-os",
        "A ma letöltött számla PDF mérete 0 KB, és nem nyílik meg.",
    ),
    (
        "Grace Okafor",
        "grace@okafor-trading.example",
        "en",
        "Invoice PDF is 0 KB",
        "The invoice PDF I downloaded today is 0 KB and will not open.",
    ),
    (
        "Priit Kask",
        "priit.kask@raamat.example",
        "et",
        "PDF-arve 0 KB",
        "Arve PDF tuleb alla 0 KB suurusena, avada ei saa.",
    ),
)

# Answers to questions customers ask again and again, with the questions a lead noted for each:
# a new contact asking the same, in any language, is a quick win and is offered the answer
# (macro code → language → (name, text, example questions)).
ANSWER_MACROS: dict[str, dict[str, tuple[str, str, tuple[str, ...]]]] = {
    "delivery": {
        "en": (
            "Delivery area",
            "Hello {customer.name},\n\nwe deliver receipt printers and card readers to every "
            "address in Estonia, Latvia, Lithuania, Finland, Hungary and Bosnia and Herzegovina. "
            "Within Estonia the courier brings them the next working day, elsewhere in two to "
            "four working days; delivery is free for orders over €100.\n\nKind regards,\n"
            "{agent.name}",
            (
                "Do you deliver to Tartu?",
                "Which countries do you ship to?",
                "How long does delivery take?",
                "How much does delivery cost?",
            ),
        ),
        "et": (
            "Tarnepiirkond",
            "Tere, {customer.name}!\n\nToimetame kviitungiprinterid ja kaardilugejad igale "
            "aadressile Eestis, Lätis, Leedus, Soomes, Ungaris ning Bosnias ja Hertsegoviinas. "
            "Eestis toob kuller need järgmisel tööpäeval, mujale kahe kuni nelja tööpäevaga; "
            "üle 100 € tellimustele on tarne tasuta.\n\nParimate soovidega\n{agent.name}",
            ("Kas toimetate ka Tartusse?", "Kui kaua tarne aega võtab?", "Mis maksab tarne?"),
        ),
        "he": (
            "אזור משלוחים",
            "שלום {customer.name},\n\nאנחנו שולחים מדפסות קבלות וקוראי כרטיסים לכל כתובת "
            "באסטוניה, לטביה, ליטא, פינלנד, הונגריה ובוסניה והרצגובינה. באסטוניה השליח מביא "
            "אותם ביום העבודה הבא, ולשאר המדינות תוך שניים עד ארבעה ימי עבודה; המשלוח חינם "
            "בהזמנות מעל 100 €.\n\nבברכה,\n{agent.name}",
            ("האם אתם שולחים לחיפה?", "כמה זמן לוקח משלוח?", "כמה עולה משלוח?"),
        ),
        "hu": (
            "Szállítási terület",
            "Kedves {customer.name}!\n\nA blokknyomtatókat és kártyaolvasókat Észtország, "
            "Lettország, Litvánia, Finnország, Magyarország és Bosznia-Hercegovina bármely "
            "címére kiszállítjuk. Észtországon belül a futár a következő munkanapon viszi, "
            "máshová két-négy munkanap alatt; 100 € feletti rendelésnél a szállítás ingyenes."
            "\n\nÜdvözlettel:\n{agent.name}",
            (
                "Szállítotok Debrecenbe is?",
                "Mennyi idő a kiszállítás?",
                "Mennyibe kerül a szállítás?",
            ),
        ),
        "bs": (
            "Područje dostave",
            "Poštovani/a {customer.name},\n\nštampače računa i čitače kartica dostavljamo na "
            "svaku adresu u Estoniji, Latviji, Litvaniji, Finskoj, Mađarskoj te Bosni i "
            "Hercegovini. U Estoniji ih kurir donosi sljedeći radni dan, drugdje za dva do četiri "
            "radna dana; dostava je besplatna za narudžbe preko 100 €.\n\nSrdačan pozdrav,\n"
            "{agent.name}",
            ("Da li dostavljate u Mostar?", "Koliko traje dostava?", "Koliko košta dostava?"),
        ),
    },
    "prices": {
        "en": (
            "Plans and prices",
            "Hello {customer.name},\n\nour plans are Start at €12 a month (one user, 50 invoices "
            "a month), Team at €29 a month (five users, unlimited invoices) and Office at €59 a "
            "month (unlimited users, bank feeds and the API). Prices are without VAT; paying "
            "yearly gives you two months free.\n\nKind regards,\n{agent.name}",
            ("How much does it cost?", "What are your prices?", "Is there a cheaper plan?"),
        ),
        "et": (
            "Paketid ja hinnad",
            "Tere, {customer.name}!\n\nMeie paketid on Start 12 € kuus (üks kasutaja, 50 arvet "
            "kuus), Team 29 € kuus (viis kasutajat, arveid piiramatult) ja Office 59 € kuus "
            "(kasutajaid piiramatult, pangaliides ja API). Hinnad on käibemaksuta; aastase "
            "maksega saate kaks kuud tasuta.\n\nParimate soovidega\n{agent.name}",
            ("Kui palju see maksab?", "Mis on teie hinnad?"),
        ),
        "he": (
            "מסלולים ומחירים",
            "שלום {customer.name},\n\nהמסלולים שלנו: Start ב-12 € לחודש (משתמש אחד, 50 "
            "חשבוניות בחודש), Team ב-29 € לחודש (חמישה משתמשים, חשבוניות ללא הגבלה) ו-Office "
            "ב-59 € לחודש (משתמשים ללא הגבלה, חיבור לבנק ו-API). המחירים לא כוללים מע״מ; "
            "בתשלום שנתי מקבלים חודשיים חינם.\n\nבברכה,\n{agent.name}",
            ("כמה זה עולה?", "מה המחירים שלכם?"),
        ),
        "hu": (
            "Csomagok és árak",
            "Kedves {customer.name}!\n\nCsomagjaink: Start havi 12 € (egy felhasználó, havi 50 "
            "számla), Team havi 29 € (öt felhasználó, korlátlan számla) és Office havi 59 € "
            "(korlátlan felhasználó, banki kapcsolat és API). Az árak áfa nélkül értendők; éves "
            "fizetésnél két hónap ingyenes.\n\nÜdvözlettel:\n{agent.name}",
            ("Mennyibe kerül?", "Mik az áraitok?"),
        ),
        "bs": (
            "Paketi i cijene",
            "Poštovani/a {customer.name},\n\nnaši paketi su Start za 12 € mjesečno (jedan "
            "korisnik, 50 faktura mjesečno), Team za 29 € mjesečno (pet korisnika, neograničeno "
            "faktura) i Office za 59 € mjesečno (neograničeno korisnika, veza s bankom i API). "
            "Cijene su bez PDV-a; uz godišnje plaćanje dva mjeseca su besplatna.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
            ("Koliko košta?", "Koje su vaše cijene?"),
        ),
    },
    "address": {
        "en": (
            "Our address",
            "Hello {customer.name},\n\nour customer desk is at Turu 14, 10111 Tallinn, on the "
            "second floor, open Monday to Friday 8:00–18:00. Visitors can park in the courtyard; "
            "take a number at the kiosk by the door.\n\nKind regards,\n{agent.name}",
            ("Where is your office?", "What is your address?", "Can I visit you in person?"),
        ),
        "et": (
            "Meie aadress",
            "Tere, {customer.name}!\n\nMeie klienditeenindus asub aadressil Turu 14, 10111 "
            "Tallinn, teisel korrusel, avatud esmaspäevast reedeni 8.00–18.00. Külastajad saavad "
            "parkida sisehoovis; võtke ukse juures kioskist järjekorranumber.\n\n"
            "Parimate soovidega\n{agent.name}",
            ("Kus teie kontor asub?", "Mis on teie aadress?"),
        ),
        "he": (
            "הכתובת שלנו",
            "שלום {customer.name},\n\nמוקד השירות שלנו נמצא ברחוב Turu 14, 10111 טאלין, בקומה "
            "השנייה, פתוח בימים שני עד שישי 8:00–18:00. אפשר לחנות בחצר; קחו מספר בקיוסק ליד "
            "הדלת.\n\nבברכה,\n{agent.name}",
            ("איפה המשרד שלכם?", "מה הכתובת שלכם?"),
        ),
        "hu": (
            "Címünk",
            "Kedves {customer.name}!\n\nÜgyfélszolgálatunk címe Turu 14, 10111 Tallinn, második "
            "emelet; hétfőtől péntekig 8:00 és 18:00 között vagyunk nyitva. Az udvaron lehet "
            "parkolni; az ajtó melletti kioszknál húzzon sorszámot.\n\nÜdvözlettel:\n"
            "{agent.name}",
            ("Hol van az irodátok?", "Mi a címetek?"),
        ),
        "bs": (
            "Naša adresa",
            "Poštovani/a {customer.name},\n\nnaša služba za korisnike je na adresi Turu 14, "
            "10111 Tallinn, na drugom spratu, otvorena od ponedjeljka do petka 8:00–18:00. "
            "Posjetioci mogu parkirati u dvorištu; uzmite broj na kiosku kraj vrata.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
            ("Gdje se nalazi vaš ured?", "Koja je vaša adresa?"),
        ),
    },
}
# Example questions for the word-list macros, so a question about them asked in other words is
# recognised too.
QUICK_MACRO_QUESTIONS: dict[str, tuple[str, ...]] = {
    "hours": (
        "Are you open on Saturday?",
        "When do you close today?",
        "Kas olete laupäeval avatud?",
    ),
    "copy": ("Can you send me a copy of my invoice?", "Kas saate saata arve koopia?"),
    "password": ("How do I reset my password?", "Hogyan tudok új jelszót kérni?"),
}


@dataclass(frozen=True)
class DemoMacro:
    """One language version of a demo macro, as the demo desk saves it."""

    code: str
    language: str
    name: str
    text: str
    suggest_for: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


def demo_macros() -> list[DemoMacro]:
    """Every language version of the demo's macros: the word-list ones (named by their code,
    their example questions on the English version) and the answers to repeated questions."""
    macros = [
        DemoMacro(
            code=code,
            language=language,
            name=code,
            text=text,
            suggest_for=tuple(labels),
            questions=QUICK_MACRO_QUESTIONS.get(code, ()) if language == "en" else (),
        )
        for code, (labels, texts) in QUICK_MACROS.items()
        for language, text in texts.items()
    ]
    macros.extend(
        DemoMacro(code=code, language=language, name=name, text=text, questions=questions)
        for code, versions in ANSWER_MACROS.items()
        for language, (name, text, questions) in versions.items()
    )
    return macros


# Questions that came in this morning which a macro answers: each a quick win on the queue,
# "answered before: /delivery", its macro offered first in the reply box.
# (customer name, e-mail, language, subject, body); each from a customer of their own.
ANSWERED_BEFORE = (
    (
        "Oliver Grant",
        "oliver@grant-shop.example",
        "en",
        "Delivery to Tartu",
        "Hi, do you deliver card readers to Tartu? We open a second shop there next month.",
    ),
    (
        "Liis Kask",
        "liis.kask@pood.example",
        "et",
        "Hinnad",
        "Tere! Kui palju maksab Team pakett kuus?",
    ),
    (
        "Yael Levi",
        "yael.levi@hanut.example",
        "he",
        "כתובת המשרד",
        "איפה נמצא המשרד שלכם? אני רוצה להגיע עם מסמכים.",
    ),
    (
        "Nagy Katalin",
        "nagy.katalin@bolt.example",
        "hu",
        "Szállítás Debrecenbe",
        "Szállítotok blokknyomtatót Debrecenbe is?",
    ),
    (
        "Lejla Begić",
        "lejla.begic@radnja.example",
        "bs",
        "Cijene",
        "Koliko košta Team paket mjesečno?",
    ),
    (
        "Anna Schmidt",
        "anna.schmidt@laden.example",
        "de",
        "Lieferung nach Tartu",
        "Liefern Sie Bondrucker auch nach Tartu?",
    ),
)
