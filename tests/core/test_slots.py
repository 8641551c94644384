from __future__ import annotations

import pytest
from django.template import TemplateSyntaxError, engines
from django.template.loader import render_to_string

from frontdesk.core.slots import Slot


def _render(source: str, **context: object) -> str:
    return engines["django"].from_string(source).render(context)


def test_an_empty_slot_shows_its_default_with_the_values_given() -> None:
    Slot("test.default", default=("core/_form_errors.html",))

    class Form:
        non_field_errors = ["Nope."]

    assert _render('{% load slots %}{% slot "test.default" form=form %}', form=Form()) == (
        render_to_string("core/_form_errors.html", {"form": Form()})
    )


def test_a_filled_slot_shows_each_template_once_in_the_order_filled() -> None:
    slot = Slot("test.filled", default=("core/_form_errors.html",))
    slot.fill("ninja/favicons.html")
    slot.fill("core/_field.html")
    slot.fill("ninja/favicons.html")

    assert slot.templates() == ("ninja/favicons.html", "core/_field.html")


def test_the_values_given_hold_inside_the_slot_only() -> None:
    Slot("test.values").fill("core/_form_errors.html")

    class Form:
        non_field_errors = ["<b>Nope.</b>"]

    assert _render('{% load slots %}{% slot "test.values" form=bad %}[{{ form }}]', bad=Form()) == (
        '<div class="errors" role="alert"><p>&lt;b&gt;Nope.&lt;/b&gt;</p></div>\n[]'
    )


@pytest.mark.parametrize(
    "tag", ["{% slot %}", "{% slot test.values %}", '{% slot "test.values" form %}']
)
def test_a_slot_needs_a_quoted_name_and_key_value_pairs(tag: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        _render("{% load slots %}" + tag)


def test_a_slot_no_app_declared_is_a_clear_error() -> None:
    with pytest.raises(TemplateSyntaxError, match=r"No slot 'test\.nowhere'"):
        _render('{% load slots %}{% slot "test.nowhere" %}')
