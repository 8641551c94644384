"""Places in a lower app's templates that apps above it fill, so no template names a higher app.

The app that owns a page declares its slots (`REPLY_BOX = Slot("tickets.reply_box")`); an app
above it fills one with a template of its own in its `AppConfig.ready()` (`REPLY_BOX.fill(...)`);
the page shows it with `{% load slots %}{% slot "tickets.reply_box" field=form.body %}`, which
renders each filling template as `{% include %}` would, in the order the apps are installed.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, Node, Parser, Token, token_kwargs
from django.template.context import Context

_SLOTS: dict[str, Slot] = {}

register = template.Library()


class Slot:
    """A place in a template that apps above its owner fill with templates of their own."""

    def __init__(self, name: str, *, default: tuple[str, ...] = ()) -> None:
        self.name = name
        self.default = default  # shown when no app fills the slot
        self._templates: list[str] = []
        _SLOTS[name] = self

    def fill(self, template_name: str) -> None:
        """Show `template_name` in this slot, after those already there; once each."""
        if template_name not in self._templates:
            self._templates.append(template_name)

    def templates(self) -> tuple[str, ...]:
        """The templates the slot shows, in order."""
        return tuple(self._templates) or self.default


class SlotNode(Node):
    """`{% slot "name" key=value ... %}`: every template filling the slot, with those values."""

    def __init__(self, name: str, extra: dict[str, FilterExpression]) -> None:
        self.name = name
        self.extra = extra

    def render(self, context: Context) -> str:
        if self.name not in _SLOTS:
            raise template.TemplateSyntaxError(
                f"No slot {self.name!r}: the app that owns it declares it in its ready()."
            )
        values = {key: value.resolve(context) for key, value in self.extra.items()}
        engine = context.template.engine  # type: ignore[union-attr]
        with context.push(**values):
            return "".join(
                engine.get_template(name).render(context) for name in _SLOTS[self.name].templates()
            )


@register.tag("slot")
def slot_tag(parser: Parser, token: Token) -> SlotNode:
    """Parse `{% slot "name" key=value ... %}`."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% slot %} takes a quoted name: {% slot "app.place" %}')
    extra = token_kwargs(bits[2:], parser, support_legacy=False)
    if len(extra) != len(bits) - 2:
        raise template.TemplateSyntaxError("{% slot %} takes key=value pairs after the name.")
    return SlotNode(bits[1][1:-1], extra)


# The desk's frame, `desk_base.html`, which every agent's page extends.
DESK_TOP_BAR = Slot("desk.top_bar")  # first at the top bar's end, before the language
DESK_UNDER_HEADER = Slot("desk.under_header")  # between the header and the page
DESK_NAV = Slot("desk.nav")  # links in the navigation, after Customers
