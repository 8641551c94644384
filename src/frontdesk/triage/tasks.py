"""Background work for triage."""

from django_tasks import task

from frontdesk.triage import services


@task()
def triage_retrain() -> None:
    """Retrain the learned level model on the desk's corrected and confirmed history."""
    # Several corrections may each have asked for a retrain; the first one that runs does it.
    services.model_retrain(only_if_due=True)
