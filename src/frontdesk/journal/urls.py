from django.urls import path

from frontdesk.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.corridor_page, name="corridor"),
    path("log/", views.log_line_page, name="log"),
    path(
        "tickets/<int:ticket_id>/follow-up/", views.ticket_follow_up_page, name="ticket_follow_up"
    ),
    path("promises/", views.promises_page, name="promises"),
    path("notes/", views.colleague_notes_page, name="notes"),
    path("notes/<int:note_id>/done/", views.colleague_note_done_page, name="note_done"),
    path("board/", views.board_page, name="board"),
    path("board/<int:notice_id>/", views.notice_page, name="notice"),
]
# The lead's page for the team's codes, under /desk/settings/log-codes/.
settings_patterns = [
    path("", views.log_codes_page, name="log_codes"),
    path("<int:code_id>/", views.log_code_edit_page, name="log_code_edit"),
    path("<int:code_id>/delete/", views.log_code_delete_page, name="log_code_delete"),
]
