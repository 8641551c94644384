"""The audit trail over the API: admins only, agents and leads are refused (403)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from frontdesk.audit.models import AuditEvent
from frontdesk.audit.schemas import AuditEventOut, AuditFilterIn
from frontdesk.audit.services import audit_list, audit_readable_by
from frontdesk.core.errors import Forbidden
from frontdesk.core.schemas import ErrorOut, Page

router = Router(tags=["audit"])

ADMINS_ONLY = "Only an admin may read the audit trail."


@router.get("", response={200: list[AuditEventOut], 403: ErrorOut})
@paginate(Page)
def list_audit_events(request: HttpRequest, filters: Query[AuditFilterIn]) -> QuerySet[AuditEvent]:
    """Who viewed or changed what, newest first; narrowed by `actor` (username), `action`,
    `since` and `before`."""
    if not audit_readable_by(request.user):
        raise Forbidden(ADMINS_ONLY)
    return audit_list(
        actor=filters.actor, action=filters.action, since=filters.since, before=filters.before
    )
