from django.urls import path

from frontdesk.schedules import views
from frontdesk.schedules.views import settings_pages

app_name = "schedules"
urlpatterns = [
    path("", views.week_page, name="week"),
    path("shifts/add/", views.shift_add_page, name="shift_add"),
    path("shifts/remove/", views.shift_remove_page, name="shift_remove"),
    path("days/change/", views.day_change_page, name="day_change"),
    path("breaks/add/", views.break_add_page, name="break_add"),
    path("breaks/move/", views.break_move_page, name="break_move"),
    path("breaks/plan/", views.breaks_plan_page, name="breaks_plan"),
    path("mine/", views.mine_page, name="mine"),
    path("mine/calendar-link/", views.calendar_link_renew_page, name="calendar_link_renew"),
    path(
        "agents/<int:agent_id>/calendar-link/revoke/",
        views.calendar_link_revoke_page,
        name="calendar_link_revoke",
    ),
    path("away/", views.away_page, name="away"),
    path("back/", views.back_page, name="back"),
    path("playbooks/", views.playbooks_page, name="playbooks"),
    path("playbooks/<str:moment>/", views.playbook_page, name="playbook"),
]
public_patterns = [
    path("status/", views.status_page, name="status"),
    path("schedule/feed/<str:token>.ics", views.feed_page, name="feed"),
]
# The lead's pages: /desk/settings/schedule/ (break rules, playbooks and their languages).
settings_patterns = [
    path("break-rules/", settings_pages.break_rules_page, name="break_rules"),
    path("break-rules/<int:rule_id>/", settings_pages.break_rule_edit_page, name="break_rule_edit"),
    path(
        "break-rules/<int:rule_id>/delete/",
        settings_pages.break_rule_delete_page,
        name="break_rule_delete",
    ),
    path("playbooks/", settings_pages.playbooks_settings_page, name="playbooks_settings"),
    path("playbooks/<int:playbook_id>/", settings_pages.playbook_edit_page, name="playbook_edit"),
    path(
        "playbooks/<int:playbook_id>/language/",
        settings_pages.playbook_language_add_page,
        name="playbook_language_add",
    ),
]
