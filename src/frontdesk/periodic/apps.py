from django.apps import AppConfig


class PeriodicConfig(AppConfig):
    """Work the desk does on a clock (SLA sweeps, database upkeep), started by the workers."""

    name = "frontdesk.periodic"
    label = "periodic"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from frontdesk.core.health import health_check_register
        from frontdesk.core.metrics import metrics_collector_register
        from frontdesk.periodic.health import worker_health
        from frontdesk.periodic.metrics import periodic_metrics
        from frontdesk.periodic.receivers import statistics_refresh_after_migrate

        health_check_register("worker", worker_health)
        metrics_collector_register(periodic_metrics)
        post_migrate.connect(statistics_refresh_after_migrate, sender=self)
