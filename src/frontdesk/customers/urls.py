from django.urls import path

from frontdesk.customers import views

app_name = "customers"
urlpatterns = [
    path("", views.customer_list_page, name="list"),
    path("<int:customer_id>/", views.customer_detail, name="detail"),
    path("<int:customer_id>/edit/", views.customer_edit, name="edit"),
    path("<int:customer_id>/identities/", views.customer_identity_add, name="identity_add"),
    path("<int:customer_id>/merge/", views.customer_merge_page, name="merge"),
]
