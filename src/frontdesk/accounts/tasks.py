"""Background work for agents' accounts."""

from django.utils import timezone
from django_tasks import task

from frontdesk.accounts.tokens import token_expiry_warnings_send


@task()
def token_expiry_warnings() -> int:
    """Mail the owners of tokens that stop working within a week, once per token."""
    return token_expiry_warnings_send(now=timezone.now())
