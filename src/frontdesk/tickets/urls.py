from django.urls import path

from frontdesk.tickets import views, views_bulk, views_merge, views_outreach, views_texts

app_name = "tickets"
urlpatterns = [
    path("", views.ticket_list_page, name="list"),
    path("views/", views.ticket_views_page, name="views"),
    path("views/new/", views.ticket_view_create_page, name="view_create"),
    path("views/<int:view_id>/rename/", views.ticket_view_rename_page, name="view_rename"),
    path("views/<int:view_id>/up/", views.ticket_view_up_page, name="view_up"),
    path("views/<int:view_id>/down/", views.ticket_view_down_page, name="view_down"),
    path("views/<int:view_id>/delete/", views.ticket_view_delete_page, name="view_delete"),
    path("bulk/assign/", views_bulk.tickets_assign_page, name="bulk_assign"),
    path("bulk/status/", views_bulk.tickets_status_page, name="bulk_status"),
    path("bulk/tag/add/", views_bulk.tickets_tag_add_page, name="bulk_tag_add"),
    path("bulk/tag/remove/", views_bulk.tickets_tag_remove_page, name="bulk_tag_remove"),
    path("bulk/merge/confirm/", views_bulk.tickets_merge_confirm_page, name="bulk_merge_confirm"),
    path("bulk/merge/", views_bulk.tickets_merge_page, name="bulk_merge"),
    path("<int:ticket_id>/", views.ticket_detail, name="detail"),
    path("<int:ticket_id>/reply/", views.ticket_reply_page, name="reply"),
    path("<int:ticket_id>/reply/check/", views.ticket_reply_check_page, name="reply_check"),
    path("<int:ticket_id>/note/", views.ticket_note_page, name="note"),
    path("<int:ticket_id>/tags/", views.ticket_tags_page, name="tags"),
    path("<int:ticket_id>/watch/", views.ticket_watch_page, name="watch"),
    path("<int:ticket_id>/details/", views.ticket_custom_page, name="custom"),
    path(
        "<int:ticket_id>/merge/confirm/",
        views_merge.ticket_merge_into_confirm_page,
        name="merge_into_confirm",
    ),
    path("<int:ticket_id>/merge/", views_merge.ticket_merge_into_page, name="merge_into"),
    path("files/<int:attachment_id>/", views.ticket_attachment, name="attachment"),
    path("write/<int:customer_id>/", views_outreach.customer_write_page, name="write"),
    path("call/<int:customer_id>/", views_outreach.customer_call_page, name="call"),
]
# The lead's page for the desk's texts to customers, under /desk/settings/texts/.
settings_patterns = [
    path("", views_texts.desk_texts_page, name="desk_texts"),
    path("<str:key>/<str:language>/", views_texts.desk_text_edit_page, name="desk_text_edit"),
    path(
        "<str:key>/<str:language>/preview/",
        views_texts.desk_text_preview_page,
        name="desk_text_preview",
    ),
]
