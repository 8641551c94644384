"""Triage's pages, under the tickets' names (`tickets:properties`) and paths."""

from django.urls import path

from frontdesk.triage import views

ticket_patterns = [
    path("<int:ticket_id>/properties/", views.ticket_properties, name="properties"),
]
