from django.apps import AppConfig

from frontdesk.core.slots import DESK_NAV
from frontdesk.schedules.slots import STATUS_PAGE
from frontdesk.tickets.registry import acknowledgement_line_register
from frontdesk.tickets.slots import PROPERTIES_END


class ProblemsConfig(AppConfig):
    """What many customers report at once: alerts from detection, problems, one reply to all."""

    name = "frontdesk.problems"
    label = "problems"

    def ready(self) -> None:
        from frontdesk.problems import slots  # noqa: F401  (declares the problem page's slots)
        from frontdesk.problems.services import problem_acknowledgement_line

        # A new contact linked to a known problem hears so in its acknowledgement.
        acknowledgement_line_register(problem_acknowledgement_line)

        # "Problems" in the desk's navigation, with the count of alerts waiting for a lead.
        DESK_NAV.fill("problems/_nav.html")
        # On the ticket page: its problem, or linking it to one.
        PROPERTIES_END.fill("problems/_ticket_problem.html")
        # The known problems a lead posted, on the public status page.
        STATUS_PAGE.fill("problems/_status_posts.html")
