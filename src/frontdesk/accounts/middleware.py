from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation

from frontdesk.accounts.two_factor import two_factor_active

# Where an agent's session reaches the desk's data; the customer side, the API (tokens),
# /healthz and /static/ ask nobody for a second factor.
GUARDED_PREFIXES = ("/desk/", "/admin/", "/accounts/")


class AgentLanguageMiddleware:
    """Show a logged-in agent every page in the language they chose."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class SecondFactorMiddleware:
    """Send an agent whose role must log in with a second factor (FRONTDESK_2FA_ROLES) to the
    code step, or to set it up when they have none, before any desk page. Runs after django-otp's
    OTPMiddleware, which tells whether this session passed a second factor."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._exempt: tuple[str, ...] = ()

    def exempt(self) -> tuple[str, ...]:
        # The pages that lead to a second factor, or away from the desk (resolved once, after
        # the URLs are loaded).
        if not self._exempt:
            self._exempt = (
                reverse("accounts:login"),
                reverse("accounts:logout"),
                reverse("accounts:language"),
                reverse("accounts:invite", args=["uid", "token"]).removesuffix("uid/token/"),
                reverse("people:two_factor"),
            )
        return self._exempt

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        path = request.path_info
        if (
            settings.TWO_FACTOR_ROLES
            and user.is_authenticated
            and getattr(user, "role", "") in settings.TWO_FACTOR_ROLES
            and path.startswith(GUARDED_PREFIXES)
            and not path.startswith(self.exempt())
            and not user.is_verified()  # type: ignore[attr-defined]
            # A single sign-on session passed the provider's own second factor (accounts/oidc.py).
            and not (settings.OIDC_SKIPS_2FA and request.session.get("frontdesk_sso"))
        ):
            return self._elsewhere(request)
        return self.get_response(request)

    def _elsewhere(self, request: HttpRequest) -> HttpResponse:
        if two_factor_active(agent=request.user):  # type: ignore[arg-type]
            url = reverse("accounts:login_code")
            if request.method == "GET":
                url += "?" + urlencode({"next": request.get_full_path()})
        else:
            url = reverse("people:two_factor")
        if request.headers.get("HX-Request"):
            return HttpResponse(headers={"HX-Redirect": url})
        return HttpResponseRedirect(url)
