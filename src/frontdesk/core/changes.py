"""The change record: who changed which of the desk's settings, when, and from what to what.

django-auditlog keeps the record. An app registers each model whose rows are settings with
`changes_register` in its `AppConfig.ready()`; every save and delete is then written down,
with the agent acting: the page's user (this module's middleware) or the API token's agent
(read when the row is saved, after the API has authenticated). Rows changed by a command or a
periodic job are recorded with no agent.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auditlog.context import set_extra_data
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django import template
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

register = template.Library()

RECENT = 5  # changes shown under an object's own form


def changes_register(
    model: type[Model], *, exclude: Collection[str] = (), m2m: Collection[str] = ()
) -> None:
    """Record every change to `model`'s rows, but for the fields in `exclude` (timestamps and
    other bookkeeping that changes by itself); `m2m` names many-to-many fields to follow."""
    # Reverse relations are no columns of this row; reading one to compare it would also leave
    # "there is none" cached on the instance (a user's presence made a moment later, unseen).
    reverse = [
        field.name
        for field in model._meta.get_fields()
        if field.auto_created and not field.concrete
    ]
    auditlog.register(model, exclude_fields=[*exclude, *reverse], m2m_fields=set(m2m))


class ChangeActorMiddleware:
    """Record the request's agent with each change it makes; the agent is looked up when a row
    is saved, so an API call authenticated by token after this middleware ran counts too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        def actor() -> Any:
            user = getattr(request, "user", None)
            return user if user is not None and user.is_authenticated else None

        context = {"actor": SimpleLazyObject(actor), "remote_addr": request.META.get("REMOTE_ADDR")}
        with set_extra_data(context_data=context):
            return self.get_response(request)


@dataclass(frozen=True)
class FieldChange:
    """One field of one change, as people read it."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    """One recorded change, ready to show: who, when, what, before → after."""

    id: int
    at: datetime
    who: str
    action: str
    what: str  # the kind of setting: "macro", "log code", …
    object: str  # the row as its str() read at the time
    fields: tuple[FieldChange, ...]
    created: bool  # a new row: its fields have values, no "before"


def _action_text(action: int) -> str:
    return {
        LogEntry.Action.CREATE: _("added"),
        LogEntry.Action.UPDATE: _("changed"),
        LogEntry.Action.DELETE: _("deleted"),
    }.get(action, _("seen"))


def _value_text(value: object) -> str:
    text = str(value)
    return "—" if text in {"", "None", "[]", "{}"} else text


def _field_label(model: type[Model] | None, name: str) -> str:
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def _field_changes(entry: LogEntry) -> tuple[FieldChange, ...]:
    model = entry.content_type.model_class()
    # Values as people read them (choices by their names, rows by their str()), by field label.
    display = {str(label): values for label, values in entry.changes_display_dict.items()}
    fields = []
    key = model._meta.pk.name if model is not None and model._meta.pk else "id"
    for name, values in (entry.changes_dict or {}).items():
        if name == key:  # a new row's own number says nothing to people
            continue
        label = _field_label(model, name)
        if isinstance(values, dict):  # many-to-many: {"operation": "add", "objects": [...]}
            objects = ", ".join(str(item) for item in values.get("objects", []))
            added = values.get("operation") == "add"
            fields.append(FieldChange(label, "" if added else objects, objects if added else ""))
            continue
        shown = display.get(label, values)
        before, after = ([*shown, "", ""])[:2]
        fields.append(FieldChange(label, _value_text(before), _value_text(after)))
    return tuple(fields)


def change_read(entry: LogEntry) -> Change:
    """A recorded change as people read it."""
    model = entry.content_type.model_class()
    what = str(model._meta.verbose_name) if model is not None else entry.content_type.model
    actor = entry.actor
    who = (
        (getattr(actor, "display_name", "") or str(actor))
        if actor is not None
        else (entry.actor_email or _("the system"))
    )
    return Change(
        id=entry.pk,
        at=entry.timestamp,
        who=str(who),
        action=_action_text(entry.action),
        what=what,
        object=entry.object_repr,
        fields=_field_changes(entry),
        created=entry.action == LogEntry.Action.CREATE,
    )


def registered_models() -> list[type[Model]]:
    """The models whose changes are recorded, by their names as people read them."""
    models = [model for model in auditlog.get_models() if isinstance(model, type)]
    return sorted(models, key=lambda model: str(model._meta.verbose_name_plural))


def change_list(
    *, model: type[Model] | None = None, object_id: int | None = None, actor_id: int | None = None
) -> QuerySet[LogEntry]:
    """Recorded changes, newest first, narrowed to a kind of setting, one row, or one agent."""
    entries: QuerySet[LogEntry] = LogEntry.objects.select_related("actor", "content_type").exclude(
        action=LogEntry.Action.ACCESS
    )
    if model is not None:
        entries = entries.filter(content_type=ContentType.objects.get_for_model(model))
        if object_id is not None:
            entries = entries.filter(object_id=object_id)
    if actor_id is not None:
        entries = entries.filter(actor_id=actor_id)
    return entries.order_by("-timestamp", "-id")


def change_actors() -> list[tuple[int, str]]:
    """The agents who have changed a setting, by name, for narrowing the record to one."""
    actors = get_user_model().objects.filter(
        pk__in=LogEntry.objects.exclude(actor=None).values("actor_id")
    )
    return sorted(
        ((actor.pk, str(getattr(actor, "display_name", "") or actor)) for actor in actors),
        key=lambda pair: pair[1].casefold(),
    )


def changes_read(entries: Iterable[LogEntry]) -> list[Change]:
    """Recorded changes as people read them."""
    return [change_read(entry) for entry in entries]


@register.inclusion_tag("core/_changes.html")
def changes_for(obj: Model | None, limit: int = RECENT) -> dict[str, object]:
    """`{% changes_for obj %}`: the latest changes to one settings row, under its form."""
    if obj is None or obj.pk is None:
        return {"changes": [], "more": False}
    entries = list(change_list(model=type(obj), object_id=obj.pk)[: limit + 1])
    return {"changes": changes_read(entries[:limit]), "more": len(entries) > limit}
