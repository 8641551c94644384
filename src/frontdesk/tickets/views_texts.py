"""The lead's texts to customers: the acknowledgement, the request form's and kiosk's words."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.tickets.choices import DeskTextKey
from frontdesk.tickets.constants import DESK_TEXT_SAMPLE
from frontdesk.tickets.forms import (
    DeskTextForm,
)
from frontdesk.tickets.selectors import (
    DeskTextShown,
    desk_text_fill,
    desk_text_for,
    desk_text_row,
    desk_texts_all,
)
from frontdesk.tickets.services import (
    desk_text_problems,
    desk_text_save,
)

PAGE_SIZE = 50


def _desk_text_or_404(key: str, language: str) -> DeskTextShown:
    if key not in DeskTextKey.values or language not in dict(settings.LANGUAGES):
        raise Http404("no such desk text")
    return desk_text_for(key=key, language=language)


def _desk_text_preview(key: str, text: str, default: str) -> dict[str, str]:
    problems = desk_text_problems(key=key, language=settings.LANGUAGE_CODE, text=text)
    if "text" in problems:
        return {"error": problems["text"]}
    sample = {**DESK_TEXT_SAMPLE, "subject": str(_("Where is my invoice?"))}
    return {"text": desk_text_fill(text.strip() or default, sample)}


@settings_page("texts")
def desk_texts_page(request: HttpRequest) -> HttpResponse:
    """The desk's texts to customers in every language: the lead's words or the built-in ones."""
    rows = desk_texts_all()
    texts = [
        (key, label, [row for row in rows if row.key == key]) for key, label in DeskTextKey.choices
    ]
    return render(request, "tickets/desk_texts.html", {"texts": texts})


@settings_page("texts")
def desk_text_edit_page(request: HttpRequest, key: str, language: str) -> HttpResponse:
    """A lead writes one desk text in one language, with a preview and its recent changes."""
    shown = _desk_text_or_404(key, language)
    initial = {"text": shown.text if shown.saved else ""}
    form = DeskTextForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        key=key,
        language=language,
        default=shown.default,
    )
    if form.is_bound and form.is_valid():
        try:
            desk_text_save(
                actor=request_agent(request),
                key=key,
                language=language,
                text=form.cleaned_data["text"],
            )
        except Invalid as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Text saved."))
            return redirect("tickets:desk_text_edit", key=key, language=language)
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    text = form.data.get("text", "") if form.is_bound else initial["text"]
    return render(
        request,
        "tickets/desk_text_edit.html",
        {
            "form": form,
            "shown": shown,
            "label": DeskTextKey(key).label,
            "languages": settings.LANGUAGES,
            "row": desk_text_row(key=key, language=language),
            "preview": _desk_text_preview(key, text, shown.default),
        },
        status=400 if form.is_bound else 200,
    )


@settings_page("texts")
@require_POST
def desk_text_preview_page(request: HttpRequest, key: str, language: str) -> HttpResponse:
    """The text as a customer would read it, while the lead types (htmx)."""
    shown = _desk_text_or_404(key, language)
    preview = _desk_text_preview(key, request.POST.get("text", ""), shown.default)
    return render(request, "tickets/_desk_text_preview.html", {"preview": preview})
