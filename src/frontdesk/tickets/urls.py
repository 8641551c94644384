from django.urls import path

from frontdesk.tickets import views

app_name = "tickets"
urlpatterns = [
    path("", views.ticket_list_page, name="list"),
    path("<int:ticket_id>/", views.ticket_detail, name="detail"),
    path("<int:ticket_id>/reply/", views.ticket_reply_page, name="reply"),
    path("<int:ticket_id>/note/", views.ticket_note_page, name="note"),
    path("<int:ticket_id>/tags/", views.ticket_tags_page, name="tags"),
    path("files/<int:attachment_id>/", views.ticket_attachment, name="attachment"),
    path("write/<int:customer_id>/", views.customer_write_page, name="write"),
    path("call/<int:customer_id>/", views.customer_call_page, name="call"),
]
