from django.urls import path

from frontdesk.problems import views

app_name = "problems"
urlpatterns = [
    path("", views.problems_page, name="index"),
    path("alerts/<int:alert_id>/problem/", views.alert_problem_page, name="alert_problem"),
    path("alerts/<int:alert_id>/dismiss/", views.alert_dismiss_page, name="alert_dismiss"),
    path("<int:problem_id>/", views.problem_page, name="detail"),
    path("<int:problem_id>/edit/", views.problem_edit_page, name="edit"),
    path("<int:problem_id>/link/", views.problem_link_page, name="link"),
    path("<int:problem_id>/unlink/<int:ticket_id>/", views.problem_unlink_page, name="unlink"),
    path("<int:problem_id>/reply/", views.problem_reply_page, name="reply"),
    path("<int:problem_id>/solve/", views.problem_solve_page, name="solve"),
    path("<int:problem_id>/post/", views.problem_post_page, name="post"),
    path("tickets/<int:ticket_id>/link/", views.ticket_link_page, name="ticket_link"),
    path("tickets/<int:ticket_id>/new/", views.ticket_problem_page, name="ticket_problem"),
]
