from django.contrib.auth import views as auth_views
from django.urls import path

from frontdesk.accounts import oidc, views, views_password, views_security

app_name = "accounts"
urlpatterns = [
    path("login/", views_security.DeskLoginView.as_view(), name="login"),
    path("login/code/", views_security.login_code_page, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", views.language_set, name="language"),
    path("invite/<uidb64>/<token>/", views.InviteAcceptView.as_view(), name="invite"),
]
# Single sign-on, under /oidc/ (the provider sends agents back to /oidc/callback/); the names are
# the ones mozilla-django-oidc reverses. Both answer 404 on a desk without single sign-on.
oidc_patterns = [
    path("authenticate/", oidc.sso_start, name="oidc_authentication_init"),
    path("callback/", oidc.sso_callback, name="oidc_authentication_callback"),
]
# The settings' sections for people, under /desk/settings/.
settings_patterns = (
    [
        path("teams/", views.teams_page, name="teams"),
        path("teams/<int:team_id>/", views.team_page, name="team"),
        path("teams/<int:team_id>/delete/", views.team_delete_page, name="team_delete"),
        path("agents/", views.agents_page, name="agents"),
        path("agents/<int:agent_id>/", views.agent_page, name="agent"),
        path(
            "agents/<int:agent_id>/deactivate/",
            views.agent_deactivate_page,
            name="agent_deactivate",
        ),
        path(
            "agents/<int:agent_id>/reactivate/",
            views.agent_reactivate_page,
            name="agent_reactivate",
        ),
        path("agents/<int:agent_id>/invite/", views.agent_invite_page, name="agent_invite"),
        path(
            "agents/<int:agent_id>/unlock/", views_security.agent_unlock_page, name="agent_unlock"
        ),
        path(
            "agents/<int:agent_id>/two-factor-reset/",
            views_security.agent_two_factor_reset_page,
            name="agent_two_factor_reset",
        ),
        path("two-factor/", views_security.two_factor_page, name="two_factor"),
        path(
            "two-factor/recovery/",
            views_security.two_factor_recovery_page,
            name="two_factor_recovery",
        ),
        path("password/", views_password.password_page, name="password"),
        path("tokens/", views.tokens_page, name="tokens"),
        path("tokens/<int:token_id>/revoke/", views.token_revoke_page, name="token_revoke"),
    ],
    "people",
)
