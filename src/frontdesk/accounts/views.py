"""Log-in, log-out and the agent's own preferences."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from frontdesk.accounts.choices import Language
from frontdesk.accounts.models import User
from frontdesk.accounts.services import agent_set_language
from frontdesk.core.http import safe_next


@login_required
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the agent's page language and go back where they were."""
    language = request.POST.get("language", "")
    assert isinstance(request.user, User)
    if language in Language.values:
        agent_set_language(agent=request.user, language=language)
    return redirect(safe_next(request) or "/desk/")
