from django.apps import AppConfig


class CustomersConfig(AppConfig):
    """Customers and the shared memory of every contact with them."""

    name = "frontdesk.customers"
    label = "customers"

    def ready(self) -> None:
        from frontdesk.customers import (
            field_services,  # noqa: F401
            slots,  # noqa: F401
        )
