from django.apps import AppConfig


class LiveConfig(AppConfig):
    """Live contacts: phone calls posted by the phone system, and visitors who take a number."""

    name = "frontdesk.live"
    label = "live"

    def ready(self) -> None:
        from frontdesk.live import receivers  # noqa: F401
