"""The onboarding answer set a desk gets from its migration: four answers in every home
language, a lead's own macro with one of those codes kept, and nothing a lead deleted brought
back by migrating again."""

from __future__ import annotations

import importlib

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from frontdesk.macros.models import Macro, MacroSet
from frontdesk.macros.services import macro_placeholders_check

onboarding = importlib.import_module("frontdesk.macros.migrations.0005_onboarding_answers")

BEFORE = [("macros", "0004_macroset")]
AFTER = [("macros", "0005_onboarding_answers")]
CODES = ["first-steps", "guide", "invite-colleague", "billing-basics"]
HOME_LANGUAGES = ["bs", "en", "et", "he", "hu"]


@pytest.mark.django_db
def test_a_new_desk_has_four_onboarding_answers_in_each_home_language() -> None:
    shipped = Macro.objects.filter(code__in=CODES)
    assert sorted(code for code, _name in settings.LANGUAGES) == HOME_LANGUAGES
    assert sorted(shipped.values_list("code", "language")) == sorted(
        (code, language) for code in CODES for language in HOME_LANGUAGES
    )
    for macro in shipped:
        macro_placeholders_check(macro.text)  # every placeholder is one the desk fills
        assert "{agent.name}" in macro.text
        assert macro.name not in {"", macro.code}
    # Each language says it in its own words, not in English.
    assert len({m.text for m in shipped}) == len(CODES) * len(HOME_LANGUAGES)
    assert Macro.objects.get(code="invite-colleague", language="he").text.startswith("שלום")
    assert list(MacroSet.objects.values_list("name", "levels", "codes", "active")) == [
        ("Onboarding", [2], CODES, True)
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrations_back_to_latest")
def test_a_leads_own_macro_is_kept_and_a_deleted_answer_stays_deleted() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    old_apps.get_model("macros", "Macro").objects.create(
        code="guide", language="en", name="Our manual", text="See docs.example.com."
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    Macro.objects.filter(code="first-steps", language="hu").delete()
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert Macro.objects.get(code="guide", language="en").text == "See docs.example.com."
    assert (
        Macro.objects.get(code="guide", language="et").text == onboarding.ANSWERS["guide"]["et"][1]
    )
    assert not Macro.objects.filter(code="first-steps", language="hu").exists()
    assert MacroSet.objects.get(name="Onboarding").codes == CODES
