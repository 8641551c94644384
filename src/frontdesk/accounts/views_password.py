"""The agent's own password: changed on a settings page of their own."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import password_validation, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from frontdesk.accounts.password import agent_password_change
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.settings_menu import settings_page


class PasswordForm(PasswordChangeForm):
    """The old password, the new one twice (Django's validators check it), and whether to
    revoke the agent's API tokens with it."""

    revoke_tokens = forms.BooleanField(
        label=gettext_lazy("Also revoke my API tokens"),
        required=False,
        help_text=gettext_lazy("Integrations using them stop working until you make new ones."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Django's help is an HTML list, which does not belong in a field's one-line help.
        self.fields["new_password1"].help_text = " ".join(
            password_validation.password_validators_help_texts()
        )


@settings_page("password")
def password_page(request: HttpRequest) -> HttpResponse:
    """Change one's own password; this session goes on, the agent's other sessions end."""
    agent = request_agent(request)
    if not agent.has_usable_password():
        return render(request, "accounts/password.html", {"form": None})
    form = PasswordForm(agent, request.POST or None)
    if request.method == "POST" and form.is_valid():
        revoked = agent_password_change(
            agent=agent,
            password=form.cleaned_data["new_password1"],
            revoke_tokens=form.cleaned_data["revoke_tokens"],
            remote_addr=request.META.get("REMOTE_ADDR"),
        )
        # The session carries a hash of the password: renewing it here keeps this one, and
        # every other session of the agent, still holding the old hash, ends.
        update_session_auth_hash(request, agent)
        messages.success(request, _("Your password is changed; your other sessions have ended."))
        if revoked:
            messages.info(
                request,
                ngettext("%(count)d API token revoked.", "%(count)d API tokens revoked.", revoked)
                % {"count": revoked},
            )
        return redirect("people:password")
    status = 400 if form.is_bound else 200
    return render(request, "accounts/password.html", {"form": form}, status=status)
