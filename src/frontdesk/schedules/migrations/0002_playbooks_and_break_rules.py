"""The desk's first break rules and the playbooks for awkward moments, in the home languages;
leads change both afterwards (rules in Administration, playbooks on their pages)."""

from django.db import migrations

RULES = [
    # name, length, earliest and latest start (minutes into the shift), for shifts of at least
    ("Morning break", 15, 90, 150, 240),
    ("Lunch", 30, 180, 300, 360),
    ("Afternoon break", 15, 330, 390, 450),
]

PLAYBOOKS = {
    "angry-last": {
        "en": (
            "The last customer in the queue is angry and wants your break cancelled",
            [
                (
                    "Stay calm and let them finish; do not argue about the break.",
                    "I understand you have waited long, and I am sorry about that.",
                ),
                (
                    "Say what will happen, with a time. Do not promise what you cannot keep.",
                    "I go on my break at {time}. Before then I will make sure your request is in hand.",
                ),
                (
                    "If a colleague is at work, hand over in front of the customer.",
                    "My colleague will take care of you now; I have told them what you need.",
                ),
                (
                    "If nobody else is here, take the contact down in one line and promise a call back.",
                    "I have written down your number and your problem; I will call you at {time}.",
                ),
                ("Record the promise (log bar or Record the promise) so it cannot get lost.", ""),
            ],
        ),
    },
    "not-warned": {
        "en": (
            "Your break is due and the queue was not warned",
            [
                (
                    "Tell the people waiting now, before you leave; apologise for the short notice.",
                    "I am sorry for the short notice: I have to take a break at {time}, until {end}.",
                ),
                (
                    "Say who serves them meanwhile, or when you are back.",
                    "My colleague goes on serving; if you prefer to wait for me, I am back at {end}.",
                ),
                (
                    "If nobody else is at the desk, offer a call back or a written answer instead.",
                    "If you cannot wait, leave your number and I will call you back.",
                ),
                ("Move the break ten minutes if the queue is long and nobody can cover.", ""),
            ],
        ),
    },
    "during-call": {
        "en": (
            "Your break should start while a call is running",
            [
                ("Finish the call calmly; the break waits until you hang up.", ""),
                (
                    "If the call will take long, say so and agree a call back.",
                    "This needs a little more time than I have now. May I call you back at {time}?",
                ),
                ("Record the call back as a promise before you leave.", ""),
                ("Start your break when you hang up; take its full length.", ""),
            ],
        ),
    },
    "people-waiting": {
        "en": (
            "Your break starts and people are waiting",
            [
                (
                    "Tell the queue, with the time you are back.",
                    "I take a short break now and am back at {end}. My colleague goes on serving.",
                ),
                (
                    "Serve the next customer only if it fits before the break (a quick question).",
                    "Is it a quick question? Then I can answer it before my break.",
                ),
                ("Hand anyone waiting for you personally to a colleague.", ""),
            ],
        ),
    },
}


def forwards(apps, schema_editor):
    BreakRule = apps.get_model("schedules", "BreakRule")
    Playbook = apps.get_model("schedules", "Playbook")
    for name, length, earliest, latest, shortest in RULES:
        BreakRule.objects.get_or_create(
            name=name,
            defaults={
                "length_minutes": length,
                "earliest_minutes": earliest,
                "latest_minutes": latest,
                "min_shift_minutes": shortest,
            },
        )
    for moment, languages in PLAYBOOKS.items():
        for language, (title, steps) in languages.items():
            Playbook.objects.get_or_create(
                moment=moment,
                language=language,
                defaults={"title": title, "steps": [{"do": d, "say": s} for d, s in steps]},
            )


def backwards(apps, schema_editor):
    apps.get_model("schedules", "Playbook").objects.all().delete()
    apps.get_model("schedules", "BreakRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("schedules", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
