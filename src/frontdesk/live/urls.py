from django.urls import path

from frontdesk.live import views

app_name = "live"
urlpatterns = [
    path("", views.kiosk, name="kiosk"),
    path("taken/", views.taken, name="taken"),
    path("screen/", views.screen, name="screen"),
    path("<str:token>/", views.number, name="number"),
]
desk_patterns = (
    [
        path("<int:ticket_id>/serve/", views.visit_serve_page, name="serve"),
        path("<int:ticket_id>/finish/", views.visit_finish_page, name="finish"),
        path("<int:ticket_id>/left/", views.visit_left_page, name="left"),
    ],
    "visits",
)
recording_patterns = (
    [path("<int:recording_id>/", views.recording_audio, name="audio")],
    "recordings",
)
