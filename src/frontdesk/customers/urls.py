from django.urls import path

from frontdesk.customers import field_views, privacy_views, views

app_name = "customers"
urlpatterns = [
    path("", views.customer_list_page, name="list"),
    path("<int:customer_id>/", views.customer_detail, name="detail"),
    path("<int:customer_id>/edit/", views.customer_edit, name="edit"),
    path("<int:customer_id>/identities/", views.customer_identity_add, name="identity_add"),
    path("<int:customer_id>/merge/", views.customer_merge_page, name="merge"),
    path("<int:customer_id>/details/", views.customer_custom_page, name="custom"),
    path("<int:customer_id>/export/", privacy_views.customer_export_download, name="export"),
    path("<int:customer_id>/erase/", privacy_views.customer_erase_confirm, name="erase"),
    path("<int:customer_id>/erase/do/", privacy_views.customer_erase_page, name="erase_do"),
]

# The lead's custom-field settings, under /desk/settings/fields/ (config/urls.py).
settings_patterns = [
    path("", field_views.field_settings_page, name="settings"),
    path("<int:definition_id>/", field_views.field_edit_page, name="edit"),
    path("<int:definition_id>/delete/", field_views.field_delete_page, name="delete"),
]
