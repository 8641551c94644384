from django.urls import path

from frontdesk.macros import views

app_name = "macros"
urlpatterns = [
    path("<int:ticket_id>/expand/", views.expand, name="expand"),
    path("<int:ticket_id>/hold/", views.holding_reply, name="hold"),
]
