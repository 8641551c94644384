"""The desk's settings pages: the sections apps register, the menu beside them, and who may edit.

Each app that owns a kind of setting registers its section in `AppConfig.ready()` with
`section_register` and wraps its page in `settings_page(key)`. Leads and admins edit; every
other agent sees the same page read-only and is refused (403) when posting; a section marked
`agents_write` is each agent's own (their API tokens) and open to all. Nobody needs the Django
admin for daily work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms, template
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

register = template.Library()

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Section:
    """One section of the settings: its menu entry, its page, and a line on the settings home."""

    key: str
    title: str | Promise
    url_name: str
    order: int
    description: str | Promise = ""
    agents_write: bool = False  # every agent edits their own (API tokens)
    summary: Callable[[], str] | None = None  # what is set now, e.g. "12 macros in 3 languages"
    admins_only: bool = False  # admins alone see it (the audit trail), reading too


_SECTIONS: dict[str, Section] = {}


def section_register(
    *,
    key: str,
    title: str | Promise,
    url_name: str,
    order: int,
    description: str | Promise = "",
    agents_write: bool = False,
    summary: Callable[[], str] | None = None,
    admins_only: bool = False,
) -> None:
    """Add a section to the settings menu (once each; registering a key again replaces it)."""
    _SECTIONS[key] = Section(
        key, title, url_name, order, description, agents_write, summary, admins_only
    )


def sections(user: Any = None) -> list[Section]:
    """Every registered section, in menu order; with `user`, only those they may open."""
    shown = [s for s in _SECTIONS.values() if user is None or may_open(user, s)]
    return sorted(shown, key=lambda section: (section.order, section.key))


def may_open(user: Any, section: Section) -> bool:
    """Whether this user may open this section at all: every agent, but an admins-only one."""
    return not section.admins_only or bool(getattr(user, "is_superuser", False))


def section_of(key: str) -> Section:
    """The registered section with this key."""
    return _SECTIONS[key]


def may_edit(user: Any, section: Section | None = None) -> bool:
    """Whether this user may change this section's settings: leads and admins, and for a
    section of one's own (API tokens), every agent."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    return bool(getattr(user, "is_lead", False) or (section is not None and section.agents_write))


def settings_page(
    key: str | None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Make a view the page of settings section `key` (None: the settings' home): logged-in
    agents only; anything but a read from an agent who may not edit is refused; the page knows
    its section and whether the user may edit (`request.settings_section`,
    `request.settings_can_edit`)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            section = section_of(key) if key else None
            if section is not None and not may_open(request.user, section):
                raise PermissionDenied
            can_edit = may_edit(request.user, section)
            if request.method not in SAFE_METHODS and not can_edit:
                raise PermissionDenied
            request.settings_section = section  # type: ignore[attr-defined]
            request.settings_can_edit = can_edit  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return page

    return decorate


def read_only(form: forms.BaseForm) -> forms.BaseForm:
    """The form with every field disabled, for an agent who may look but not change."""
    for field in form.fields.values():
        field.disabled = True
    return form


section_register(
    key="changes",
    title=_("Changes"),
    url_name="core:changes",
    order=1000,
    description=_("Who changed which setting, when, and what it was before."),
)


@register.inclusion_tag("core/_settings_menu.html", takes_context=True)
def settings_menu(context: template.Context) -> dict[str, object]:
    """`{% settings_menu %}`: the sections, the current one marked."""
    request = context.get("request")
    current = getattr(getattr(request, "settings_section", None), "key", "")
    return {
        "home": reverse("core:settings"),
        "home_current": request is not None and request.path == reverse("core:settings"),
        "entries": [
            (section, reverse(section.url_name), section.key == current)
            for section in sections(getattr(request, "user", None))
        ],
    }
