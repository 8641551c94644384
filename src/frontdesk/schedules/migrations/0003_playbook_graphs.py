"""Playbooks become decision graphs: the steps field turns into `graph`
({"start", "nodes"}), the four shipped playbooks get the questions the breaks article asks
("Is a customer being served?", "Are people waiting?") in the five languages, and a playbook a
lead has changed becomes a straight line of its own steps, so nothing they wrote is lost."""

import importlib
from typing import Any

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SHIPPED = importlib.import_module("frontdesk.schedules.migrations.0002_playbooks_and_break_rules")

# Each moment's flowchart: node id, then either ("step", next id or None) or
# ("question", [(answer key, next id), ...]). The words are in TEXTS and ANSWERS.
SHAPES: dict[str, list[tuple[str, str, Any]]] = {
    "angry-last": [
        ("calm", "step", "time"),
        ("time", "step", "colleague"),
        ("colleague", "question", [("yes", "hand-over"), ("no", "note")]),
        ("hand-over", "step", None),
        ("note", "step", "promise"),
        ("promise", "step", None),
    ],
    "not-warned": [
        ("waiting", "question", [("yes", "tell"), ("no", "go")]),
        ("go", "step", None),
        ("tell", "step", "colleague"),
        ("colleague", "question", [("yes", "who"), ("no", "long")]),
        ("who", "step", None),
        ("long", "question", [("yes", "move"), ("no", "offer")]),
        ("move", "step", None),
        ("offer", "step", None),
    ],
    "during-call": [
        ("how-long", "question", [("minutes", "finish"), ("longer", "call-back")]),
        ("finish", "step", "start"),
        ("call-back", "step", "record"),
        ("record", "step", "start"),
        ("start", "step", None),
    ],
    "people-waiting": [
        ("serving", "question", [("yes", "finish"), ("no", "tell")]),
        ("finish", "step", "tell"),
        ("tell", "step", "quick"),
        ("quick", "question", [("yes", "answer"), ("no", "hand-over")]),
        ("answer", "step", "hand-over"),
        ("hand-over", "step", None),
    ],
}

ANSWERS = {
    "en": {"yes": "Yes", "no": "No", "minutes": "A few minutes", "longer": "Longer"},
    "et": {"yes": "Jah", "no": "Ei", "minutes": "Mõni minut", "longer": "Kauem"},
    "he": {"yes": "כן", "no": "לא", "minutes": "כמה דקות", "longer": "יותר זמן"},
    "hu": {"yes": "Igen", "no": "Nem", "minutes": "Pár perc", "longer": "Tovább"},
    "bs": {"yes": "Da", "no": "Ne", "minutes": "Nekoliko minuta", "longer": "Duže"},
}


def _old(moment: str, language: str, index: int) -> tuple[str, str]:
    """A step of the shipped list, word for word."""
    do, say = SHIPPED.PLAYBOOKS[moment][language][1][index]
    return str(do), str(say)


def _say(moment: str, language: str, index: int) -> str:
    return _old(moment, language, index)[1]


# Per moment and language: a question's text, or a step's (do, say). Steps the list had
# already keep its words; a step whose words began "If …" lost the condition to its question.
NEW = {
    "angry-last": {
        "colleague": {
            "en": "Is a colleague at work who can take over now?",
            "et": "Kas tööl on kolleeg, kes saab kohe üle võtta?",
            "he": "האם יש בעבודה עמית שיכול להמשיך לטפל עכשיו?",
            "hu": "Dolgozik most olyan kolléga, aki át tudja venni az ügyet?",
            "bs": "Da li je na poslu kolega koji može odmah preuzeti?",
        },
        "hand-over": {
            "en": "Hand the customer over to your colleague in front of them.",
            "et": "Andke klient kolleegile üle kliendi enda juuresolekul.",
            "he": "להעביר את הטיפול לעמית מול הלקוח.",
            "hu": "Az ügyfél jelenlétében adja át az ügyet a kollégájának.",
            "bs": "Predajte klijenta kolegi tako da klijent to vidi.",
        },
        "note": {
            "en": "Take the contact down in one line and promise a call back.",
            "et": "Pange kontakt ühe reaga kirja ja lubage tagasi helistada.",
            "he": "לרשום את הפנייה בשורה אחת ולהבטיח שיחה חוזרת.",
            "hu": "Naplózza a kapcsolatot egy sorban, és ígérjen visszahívást.",
            "bs": "Upišite kontakt u jednom redu i obećajte povratni poziv.",
        },
    },
    "not-warned": {
        "waiting": {
            "en": "Are people waiting in the queue?",
            "et": "Kas järjekorras ootab inimesi?",
            "he": "האם יש אנשים שממתינים בתור?",
            "hu": "Várnak ügyfelek a sorban?",
            "bs": "Da li neko čeka u redu?",
        },
        "go": {
            "en": "Nobody to warn: start your break on time; the status page shows it already.",
            "et": "Kedagi pole vaja hoiatada: alustage pausi õigel ajal; olekuleht näitab seda juba.",
            "he": "אין את מי לעדכן: לצאת להפסקה בזמן; דף הסטטוס כבר מציג אותה.",
            "hu": "Nincs kit figyelmeztetni: kezdje a szünetet időben; az állapotoldal már mutatja.",
            "bs": "Nema koga upozoriti: počnite pauzu na vrijeme; statusna stranica je već prikazuje.",
        },
        "colleague": {
            "en": "Is a colleague at the desk who can serve them?",
            "et": "Kas letis on kolleeg, kes saab neid teenindada?",
            "he": "האם יש בדלפק עמית שיכול לשרת אותם?",
            "hu": "Van a pultnál kolléga, aki ki tudja szolgálni őket?",
            "bs": "Da li je na šalteru kolega koji ih može uslužiti?",
        },
        "long": {
            "en": "Is the queue long?",
            "et": "Kas järjekord on pikk?",
            "he": "האם התור ארוך?",
            "hu": "Hosszú a sor?",
            "bs": "Da li je red dug?",
        },
        "move": {
            "en": "Move your break ten minutes later and serve the queue meanwhile.",
            "et": "Lükake paus kümne minuti võrra edasi ja teenindage seni järjekorda.",
            "he": "לדחות את ההפסקה בעשר דקות ולשרת בינתיים את התור.",
            "hu": "Tegye át a szünetet tíz perccel későbbre, és addig szolgálja ki a sort.",
            "bs": "Pomjerite pauzu deset minuta kasnije i u međuvremenu uslužite red.",
        },
        "offer": {
            "en": "Offer a call back or a written answer instead of waiting.",
            "et": "Pakkuge ootamise asemel tagasihelistamist või kirjalikku vastust.",
            "he": "להציע במקום המתנה שיחה חוזרת או תשובה בכתב.",
            "hu": "Várakozás helyett ajánljon fel visszahívást vagy írásos választ.",
            "bs": "Umjesto čekanja ponudite povratni poziv ili pisani odgovor.",
        },
    },
    "during-call": {
        "how-long": {
            "en": "How long will the call still take?",
            "et": "Kui kaua kõne veel kestab?",
            "he": "כמה זמן עוד תימשך השיחה?",
            "hu": "Mennyi ideig tart még a hívás?",
            "bs": "Koliko će poziv još trajati?",
        },
        "call-back": {
            "en": "Say that it needs more time, and agree a call back.",
            "et": "Öelge, et see vajab rohkem aega, ja leppige kokku tagasihelistamine.",
            "he": "לומר שזה דורש יותר זמן, ולתאם שיחה חוזרת.",
            "hu": "Mondja meg, hogy ez több időt igényel, és egyeztessen visszahívást.",
            "bs": "Recite da za ovo treba više vremena i dogovorite povratni poziv.",
        },
    },
    "people-waiting": {
        "serving": {
            "en": "Is a customer being served?",
            "et": "Kas teenindate praegu klienti?",
            "he": "האם לקוח מקבל שירות ממך כרגע?",
            "hu": "Éppen kiszolgál egy ügyfelet?",
            "bs": "Da li upravo uslužujete klijenta?",
        },
        "finish": {
            "en": "Finish serving them first; your break starts when they are done.",
            "et": "Teenindage klient enne lõpuni; paus algab, kui olete lõpetanud.",
            "he": "לסיים קודם את השירות ללקוח; ההפסקה מתחילה כשמסיימים.",
            "hu": "Előbb fejezze be a kiszolgálását; a szünet akkor kezdődik, amikor végzett.",
            "bs": "Prvo završite s klijentom; pauza počinje kada završite.",
        },
        "quick": {
            "en": "Does the next customer have a quick question?",
            "et": "Kas järgmisel kliendil on lühike küsimus?",
            "he": "האם ללקוח הבא יש שאלה קצרה?",
            "hu": "A következő ügyfélnek gyors kérdése van?",
            "bs": "Ima li sljedeći klijent kratko pitanje?",
        },
        "answer": {
            "en": "Answer it before your break.",
            "et": "Vastake sellele enne pausi.",
            "he": "לענות עליה לפני ההפסקה.",
            "hu": "Válaszoljon rá a szünet előtt.",
            "bs": "Odgovorite na njega prije pauze.",
        },
    },
}

# Steps kept from the shipped list: (moment, node id) -> (index of its do, index of its say),
# None where the step says nothing to the customer or its do is new (in NEW).
KEPT = {
    ("angry-last", "calm"): (0, 0),
    ("angry-last", "time"): (1, 1),
    ("angry-last", "hand-over"): (None, 2),
    ("angry-last", "note"): (None, 3),
    ("angry-last", "promise"): (4, 4),
    ("not-warned", "tell"): (0, 0),
    ("not-warned", "go"): (None, None),
    ("not-warned", "who"): (1, 1),
    ("not-warned", "move"): (None, None),
    ("not-warned", "offer"): (None, 2),
    ("during-call", "finish"): (0, 0),
    ("during-call", "call-back"): (None, 1),
    ("during-call", "record"): (2, 2),
    ("during-call", "start"): (3, 3),
    ("people-waiting", "finish"): (None, None),
    ("people-waiting", "tell"): (0, 0),
    ("people-waiting", "answer"): (None, 1),
    ("people-waiting", "hand-over"): (2, 2),
}


def shipped_graph(moment: str, language: str) -> dict:
    """The flowchart shipped for a moment, in a language."""
    nodes = []
    for node_id, kind, links in SHAPES[moment]:
        if kind == "question":
            nodes.append(
                {
                    "id": node_id,
                    "do": "",
                    "say": "",
                    "question": NEW[moment][node_id][language],
                    "answers": [
                        {"label": ANSWERS[language][key], "next": target} for key, target in links
                    ],
                }
            )
            continue
        do_at, say_at = KEPT[(moment, node_id)]
        do = (
            _old(moment, language, do_at)[0]
            if do_at is not None
            else NEW[moment][node_id][language]
        )
        say = _say(moment, language, say_at) if say_at is not None else ""
        nodes.append({"id": node_id, "do": do, "say": say, "next": links})
    return {"start": SHAPES[moment][0][0], "nodes": nodes}


def line_graph(steps: list) -> dict:
    """A lead's own list of steps as a straight line, word for word."""
    steps = [step for step in steps if isinstance(step, dict)]
    return {
        "start": "1",
        "nodes": [
            {
                "id": str(place + 1),
                "do": str(step.get("do", "")),
                "say": str(step.get("say", "")),
                "next": str(place + 2) if place + 1 < len(steps) else None,
            }
            for place, step in enumerate(steps)
        ],
    }


def shipped_steps(moment: str, language: str) -> list | None:
    """The list 0002 shipped for a moment and language, as it stored it."""
    shipped = SHIPPED.PLAYBOOKS.get(moment, {}).get(language)
    return [{"do": d, "say": s} for d, s in shipped[1]] if shipped else None


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor | None) -> None:
    """Shipped lists left as they were become the shipped flowcharts; others straight lines."""
    Playbook = apps.get_model("schedules", "Playbook")
    for playbook in Playbook.objects.all():
        if not isinstance(playbook.graph, list):
            continue
        unchanged = playbook.graph == shipped_steps(playbook.moment, playbook.language)
        playbook.graph = (
            shipped_graph(playbook.moment, playbook.language)
            if unchanged
            else line_graph(playbook.graph)
        )
        playbook.save(update_fields=["graph"])


def playbooks_add(apps: StateApps) -> None:
    """The shipped flowcharts a desk lacks (tests whose tables were emptied put them back)."""
    Playbook = apps.get_model("schedules", "Playbook")
    for moment, languages in SHIPPED.PLAYBOOKS.items():
        for language, (title, _steps) in languages.items():
            Playbook.objects.get_or_create(
                moment=moment,
                language=language,
                defaults={"title": title, "graph": shipped_graph(moment, language)},
            )


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Each graph as a list of its nodes in stored order (a question becomes a step to do)."""
    Playbook = apps.get_model("schedules", "Playbook")
    for playbook in Playbook.objects.all():
        if isinstance(playbook.graph, dict):
            playbook.graph = [
                {"do": node.get("question") or node.get("do", ""), "say": node.get("say", "")}
                for node in playbook.graph.get("nodes", [])
            ]
            playbook.save(update_fields=["graph"])


class Migration(migrations.Migration):
    dependencies = [("schedules", "0002_playbooks_and_break_rules")]

    operations = [
        migrations.RenameField("playbook", "steps", "graph"),
        migrations.AlterField(
            model_name="playbook",
            name="graph",
            field=models.JSONField(default=dict, verbose_name="graph"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
