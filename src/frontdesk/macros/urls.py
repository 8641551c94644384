from django.urls import path

from frontdesk.macros import set_views, views

app_name = "macros"
urlpatterns = [
    path("<int:ticket_id>/expand/", views.expand, name="expand"),
    path("<int:ticket_id>/hold/", views.holding_reply, name="hold"),
    path("<int:ticket_id>/picker/", views.picker, name="picker"),
    path("<int:ticket_id>/picker/<int:macro_id>/", views.preview, name="preview"),
]
# The lead's pages, under /desk/settings/macros/ (config/urls.py puts both in one namespace).
settings_patterns = [
    path("", views.settings_list_page, name="settings"),
    path("add/", views.settings_add_page, name="settings_add"),
    path("preview/", views.settings_preview_page, name="settings_preview"),
    path("<int:macro_id>/", views.settings_edit_page, name="settings_edit"),
    path("<int:macro_id>/delete/", views.settings_delete_page, name="settings_delete"),
    path("sets/", set_views.settings_sets_page, name="settings_sets"),
    path("sets/add/", set_views.settings_set_add_page, name="settings_set_add"),
    path("sets/<int:set_id>/", set_views.settings_set_edit_page, name="settings_set_edit"),
    path(
        "sets/<int:set_id>/delete/", set_views.settings_set_delete_page, name="settings_set_delete"
    ),
]
