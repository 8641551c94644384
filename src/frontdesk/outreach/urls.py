from django.urls import path

from frontdesk.outreach import views

app_name = "outreach"
urlpatterns = [
    path("", views.campaign_list_page, name="list"),
    path("new/", views.campaign_new_page, name="new"),
    path("preview/", views.campaign_preview_page, name="preview"),
    path("<int:campaign_id>/", views.campaign_detail_page, name="detail"),
    path("<int:campaign_id>/edit/", views.campaign_edit_page, name="edit"),
    path("<int:campaign_id>/schedule/", views.campaign_schedule_page, name="schedule"),
    path("<int:campaign_id>/cancel/", views.campaign_cancel_page, name="cancel"),
    path("<int:campaign_id>/delete/", views.campaign_delete_page, name="delete"),
    path("opt-outs/<int:opt_out_id>/undo/", views.opt_out_undo_page, name="opt_out_undo"),
]
# Public, no log-in: the link in every campaign mail (config/urls.py puts it at /unsubscribe/).
public_patterns = [
    path("unsubscribe/<str:token>", views.unsubscribe_page, name="unsubscribe"),
]
