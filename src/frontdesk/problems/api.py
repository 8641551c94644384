"""Problems over the API: what many customers reported, with the tickets linked to each."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.problems.models import Problem
from frontdesk.problems.schemas import ProblemFilterIn, ProblemOut
from frontdesk.problems.selectors import access_problem_by_id, problem_list_with_tickets

router = Router(tags=["problems"])


@router.get("", response=list[ProblemOut])
@paginate(Page)
def list_problems(request: HttpRequest, filters: Query[ProblemFilterIn]) -> QuerySet[Problem]:
    """Problems, newest first, each with its counts and tickets; `status` narrows to open or
    solved ones."""
    return problem_list_with_tickets(status=filters.status, actor=request_agent(request))


@router.get("/{problem_id}", response={200: ProblemOut, 404: ErrorOut})
def get_problem(request: HttpRequest, problem_id: RowId) -> Problem:
    """One problem with its counts and tickets."""
    agent = request_agent(request)
    problem = access_problem_by_id(actor=agent, problem_id=problem_id)
    return problem_list_with_tickets(actor=agent).get(pk=problem.pk)
