from django.urls import path

from frontdesk.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.request_new, name="new"),
    path("sent/", views.request_sent, name="sent"),
    path("portal/", views.portal_home, name="home"),
    path("portal/link/", views.portal_link, name="link"),
    path("portal/enter/<str:token>/", views.portal_enter, name="enter"),
    path("portal/leave/", views.portal_leave, name="leave"),
    path("portal/requests/<str:reference>/", views.portal_ticket, name="ticket"),
    path("portal/requests/<str:reference>/rating/", views.portal_ticket_rate, name="rate"),
    path("portal/files/<int:attachment_id>/", views.portal_attachment, name="attachment"),
    path("portal/recordings/<int:recording_id>/", views.portal_recording, name="recording"),
]
