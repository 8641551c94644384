"""The problems pages: alerts and problems for the desk, one problem with its tickets, and the
forms on a ticket's page that link it to a problem."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Forbidden, Invalid, NotFound
from frontdesk.problems.choices import LinkHow, ProblemStatus
from frontdesk.problems.forms import (
    LinkByReferenceForm,
    LinkToProblemForm,
    ProblemEditForm,
    ProblemReplyForm,
    ProblemSolveForm,
    ProblemTitleForm,
)
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import (
    access_alert_by_id,
    access_problem_by_id,
    alert_list_new,
    problem_links,
    problem_list,
    problem_tickets,
)
from frontdesk.problems.services import (
    ProblemToneHeld,
    alert_dismiss,
    alert_problem_make,
    problem_create,
    problem_post,
    problem_reply_audience,
    problem_reply_send,
    problem_reply_texts_from_macro,
    problem_solve,
    problem_ticket_unlink,
    problem_tickets_link,
    problem_title_from_terms,
    problem_update,
)
from frontdesk.tickets.selectors import access_ticket_by_id, access_ticket_by_reference

SOLVED_SHOWN = 20


@login_required
def problems_page(request: HttpRequest) -> HttpResponse:
    """The alerts waiting for a lead, with the reports behind them, and the problems."""
    alerts = [
        (alert, ProblemTitleForm(initial={"title": problem_title_from_terms(alert.terms)}))
        for alert in alert_list_new()
    ]
    return render(
        request,
        "problems/index.html",
        {
            "alerts": alerts,
            "open_problems": problem_list(status=ProblemStatus.OPEN),
            "solved_problems": problem_list(status=ProblemStatus.SOLVED)[:SOLVED_SHOWN],
            "can_decide": request_agent(request).is_lead,
        },
    )


@login_required
@require_POST
def alert_problem_page(request: HttpRequest, alert_id: int) -> HttpResponse:
    """Turn an alert into a problem (leads only), titled as the lead chose."""
    agent = request_agent(request)
    alert = access_alert_by_id(actor=agent, alert_id=alert_id)
    form = ProblemTitleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A problem needs a title."))
        return redirect("problems:index")
    try:
        problem = alert_problem_make(actor=agent, alert=alert, title=form.cleaned_data["title"])
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("problems:index")
    messages.success(request, _("Problem “%(title)s” made.") % {"title": problem.title})
    return redirect("problems:detail", problem_id=problem.pk)


@login_required
@require_POST
def alert_dismiss_page(request: HttpRequest, alert_id: int) -> HttpResponse:
    """Dismiss an alert (leads only); the detector does not raise the same group again."""
    agent = request_agent(request)
    alert = access_alert_by_id(actor=agent, alert_id=alert_id)
    try:
        alert_dismiss(actor=agent, alert=alert)
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Alert dismissed: the same reports will not alert again."))
    return redirect("problems:index")


def _problem_context(
    request: HttpRequest, problem: Problem, edit_form: ProblemEditForm | None = None
) -> dict[str, object]:
    agent = request_agent(request)
    if edit_form is None:
        initial: dict[str, object] = {"title": problem.title, "summary": problem.summary}
        initial.update({f"public_{code}": text for code, text in problem.public_texts.items()})
        edit_form = ProblemEditForm(initial=initial)
    links = list(problem_links(problem=problem, actor=agent))
    return {
        "problem": problem,
        "links": links,
        "customer_count": len({link.ticket.customer_id for link in links}),
        "open_count": sum(link.ticket.is_open for link in links),
        "is_lead": agent.is_lead,
        "is_open": problem.status == ProblemStatus.OPEN,
        "link_form": LinkByReferenceForm(),
        "edit_form": edit_form,
    }


@login_required
def problem_page(request: HttpRequest, problem_id: int) -> HttpResponse:
    """One problem: its tickets and customers, and (for leads) its texts and actions."""
    problem = access_problem_by_id(actor=request_agent(request), problem_id=problem_id)
    return render(request, "problems/detail.html", _problem_context(request, problem))


@login_required
@require_POST
def problem_edit_page(request: HttpRequest, problem_id: int) -> HttpResponse:
    """Save a problem's title, summary and public texts (leads only)."""
    agent = request_agent(request)
    problem = access_problem_by_id(actor=agent, problem_id=problem_id)
    form = ProblemEditForm(request.POST)
    if form.is_valid():
        try:
            problem_update(
                actor=agent,
                problem=problem,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                public_texts=form.public_texts(),
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Problem saved."))
            return redirect("problems:detail", problem_id=problem.pk)
    context = _problem_context(request, problem, edit_form=form)
    return render(request, "problems/detail.html", context, status=400)


@login_required
@require_POST
def problem_link_page(request: HttpRequest, problem_id: int) -> HttpResponse:
    """Link a ticket, named by its reference, to the problem by hand."""
    agent = request_agent(request)
    problem = access_problem_by_id(actor=agent, problem_id=problem_id)
    form = LinkByReferenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reference of the ticket to link."))
        return redirect("problems:detail", problem_id=problem.pk)
    reference = form.cleaned_data["reference"]
    try:
        ticket = access_ticket_by_reference(actor=agent, reference=reference)
        problem_tickets_link(problem=problem, tickets=[ticket], how=LinkHow.HAND, actor=agent)
    except NotFound:
        messages.error(request, _("No ticket %(reference)s.") % {"reference": reference})
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(reference)s linked.") % {"reference": ticket.reference})
    return redirect("problems:detail", problem_id=problem.pk)


@login_required
@require_POST
def problem_unlink_page(request: HttpRequest, problem_id: int, ticket_id: int) -> HttpResponse:
    """Take a ticket out of the problem."""
    agent = request_agent(request)
    problem = access_problem_by_id(actor=agent, problem_id=problem_id)
    ticket = access_ticket_by_id(actor=agent, ticket_id=ticket_id)
    try:
        problem_ticket_unlink(problem=problem, ticket=ticket, actor=agent)
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(reference)s unlinked.") % {"reference": ticket.reference})
    return redirect("problems:detail", problem_id=problem.pk)


@login_required
@require_POST
def ticket_link_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Link the ticket to an open problem chosen on its page."""
    agent = request_agent(request)
    ticket = access_ticket_by_id(actor=agent, ticket_id=ticket_id)
    form = LinkToProblemForm(request.POST)
    if form.is_valid():
        problem = access_problem_by_id(actor=agent, problem_id=form.cleaned_data["problem"])
        try:
            if problem.status != ProblemStatus.OPEN:
                raise Invalid(_("This problem is solved: it takes no more tickets."))
            problem_tickets_link(problem=problem, tickets=[ticket], how=LinkHow.HAND, actor=agent)
        except Invalid as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Linked to the problem “%(title)s”") % {"title": problem.title}
            )
    else:
        messages.error(request, _("Choose a problem."))
    return redirect("tickets:detail", ticket_id=ticket.pk)


@login_required
@require_POST
def ticket_problem_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Make a problem by hand from the ticket (leads only), the ticket its first member."""
    agent = request_agent(request)
    ticket = access_ticket_by_id(actor=agent, ticket_id=ticket_id)
    form = ProblemTitleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A problem needs a title."))
        return redirect("tickets:detail", ticket_id=ticket.pk)
    try:
        problem = problem_create(actor=agent, title=form.cleaned_data["title"], tickets=[ticket])
    except (Invalid, Forbidden) as error:
        messages.error(request, str(error))
        return redirect("tickets:detail", ticket_id=ticket.pk)
    messages.success(request, _("Problem “%(title)s” made.") % {"title": problem.title})
    return redirect("problems:detail", problem_id=problem.pk)


def _lead_problem(request: HttpRequest, problem_id: int) -> Problem:
    agent = request_agent(request)
    problem = access_problem_by_id(actor=agent, problem_id=problem_id)
    if not agent.is_lead:
        raise Forbidden(_("Only a lead can do this with problems."))
    return problem


@login_required
def problem_reply_page(request: HttpRequest, problem_id: int) -> HttpResponse:
    """One reply to every open ticket of the problem, written per language or filled from a
    macro's versions (?macro=code); a reply that reads badly is held until sent anyway."""
    problem = _lead_problem(request, problem_id)
    audience = problem_reply_audience(problem=problem)
    context: dict[str, object] = {"problem": problem, "audience": audience}
    if request.method != "POST":
        code = request.GET.get("macro", "")
        initial = (
            {
                f"text_{lang}": text
                for lang, text in problem_reply_texts_from_macro(code=code).items()
            }
            if code
            else {}
        )
        context["form"] = ProblemReplyForm(audience=audience, initial=initial)
        context["macro"] = code
        return render(request, "problems/reply.html", context)
    form = ProblemReplyForm(request.POST, audience=audience)
    context["form"] = form
    if form.is_valid():
        try:
            sent = problem_reply_send(
                problem=problem,
                agent=request_agent(request),
                texts=form.texts(),
                status=form.cleaned_data["status"],
                tone_accepted=form.cleaned_data["tone_accepted"],
            )
        except ProblemToneHeld as held:
            context["tone_held"] = held.warnings
            form.add_error(None, str(held))
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            count = len(sent.messages)
            messages.success(
                request,
                ngettext(
                    "Reply sent to %(count)d customer.", "Reply sent to %(count)d customers.", count
                )
                % {"count": count},
            )
            return redirect("problems:detail", problem_id=problem.pk)
    return render(request, "problems/reply.html", context, status=400)


@login_required
def problem_solve_page(request: HttpRequest, problem_id: int) -> HttpResponse:
    """Solve the problem, and with it the open tickets the lead leaves ticked (all at first)."""
    problem = _lead_problem(request, problem_id)
    choices = [
        (ticket.pk, f"{ticket.reference} · {ticket.customer.name} · {ticket.subject}")
        for ticket in problem_tickets(problem=problem, open_only=True)
    ]
    form = ProblemSolveForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            solved = problem_solve(
                problem=problem,
                actor=request_agent(request),
                ticket_ids=form.cleaned_data["tickets"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "Problem solved, and %(count)d ticket with it.",
                    "Problem solved, and %(count)d tickets with it.",
                    len(solved),
                )
                % {"count": len(solved)},
            )
            return redirect("problems:detail", problem_id=problem.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "problems/solve.html", {"problem": problem, "form": form}, status=status)


@login_required
@require_POST
def problem_post_page(request: HttpRequest, problem_id: int) -> HttpResponse:
    """Put the problem on the public status page, or take it off."""
    problem = _lead_problem(request, problem_id)
    try:
        problem_post(
            problem=problem, actor=request_agent(request), posted=request.POST.get("posted") == "1"
        )
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("On the status page.") if problem.posted else _("Taken off the status page."),
        )
    return redirect("problems:detail", problem_id=problem.pk)
