"""Schedule pages: the lead's week, an agent's own week and calendar feed, stepping away and
back, playbooks, and the public status page."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import agent_list, agent_list_all, request_agent
from frontdesk.core.clock import desk_today, desk_zone
from frontdesk.core.errors import Invalid
from frontdesk.core.http import HtmxHttpRequest, safe_next, whole_number
from frontdesk.schedules.calendar import agent_calendar
from frontdesk.schedules.choices import PlaybookMoment, Weekday
from frontdesk.schedules.constants import FIRST_DAY, LAST_DAY
from frontdesk.schedules.models import Break, ShiftPattern
from frontdesk.schedules.selectors import (
    agent_week,
    break_next_for,
    playbook_for,
    playbook_walk,
    playbooks_all,
    week_plan,
    week_start,
)
from frontdesk.schedules.selectors.calendar_links import calendar_link_agent, calendar_link_token
from frontdesk.schedules.services import (
    CoverageWarning,
    break_add,
    break_move,
    break_return,
    break_step_away,
    breaks_plan,
    shift_change_set,
    shift_pattern_add,
    shift_pattern_remove,
)
from frontdesk.schedules.services.calendar_links import calendar_link_renew, calendar_link_revoke


def _monday(request: HttpRequest) -> date:
    raw = request.GET.get("week") or request.POST.get("week") or ""
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        day = desk_today()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Http404("no such week")
    return week_start(day)


def _time(raw: str, label: str) -> time:
    try:
        return time.fromisoformat(raw)
    except ValueError as error:
        raise Invalid(_("%(field)s: give a time such as 09:00.") % {"field": label}) from error


def _moment(raw: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError as error:
        raise Invalid(_("Give a date and time such as 2026-12-07 12:00.")) from error
    if not FIRST_DAY <= parsed.date() <= LAST_DAY:
        raise Invalid(_("Give a date and time such as 2026-12-07 12:00."))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=desk_zone())


def _whole(raw: str, missing: int = 0) -> int:
    # A number from a form field; anything else is `missing`, which the service refuses with
    # a message (no weekday -1, no break of 0 minutes, no row 0).
    number = whole_number(raw)
    return missing if number is None else number


def _agent(raw: str) -> User:
    agent = agent_list().filter(pk=_whole(raw)).first()
    if agent is None:
        raise Invalid(_("Choose an agent."))
    return agent


def _week_context(monday: date) -> dict[str, object]:
    agents = list(agent_list())
    plan = week_plan(monday=monday, agents=agents)
    return {
        "monday": monday,
        "previous": monday - timedelta(days=7),
        "next": monday + timedelta(days=7),
        "days": plan.days,
        "rows": plan.rows,
        "agents": agents,
        "patterns": ShiftPattern.objects.select_related("agent").order_by(
            "agent__username", "weekday", "start"
        ),
        "hours": plan.hours,
        "short": plan.shortfalls,
        "weekdays": Weekday.choices,
        "zone": str(desk_zone()),
    }


@login_required
@require_safe
def week_page(request: HttpRequest) -> HttpResponse:
    """The lead's week: everyone's shifts and breaks, coverage against the forecast, and the
    forms that change them (each posts to its own view below). Agents see their own week."""
    agent = request_agent(request)
    if not agent.is_lead:
        return redirect("schedules:mine")
    return render(request, "schedules/week.html", _week_context(_monday(request)))


WeekAction = Callable[[HttpRequest, User, date], None]


def _week_action(act: WeekAction) -> Callable[[HttpRequest], HttpResponse]:
    # One of the week page's forms: a lead posts it, and is sent back to the week with what
    # happened (agents to their own week). A move that leaves the desk short shows the week
    # with the warning and a button that moves it anyway.
    @login_required
    @require_POST
    @functools.wraps(act)
    def view(request: HttpRequest) -> HttpResponse:
        agent = request_agent(request)
        if not agent.is_lead:
            return redirect("schedules:mine")
        monday = _monday(request)
        try:
            act(request, agent, monday)
        except CoverageWarning as warning:
            context = _week_context(monday)
            context["warning"] = warning
            context["warning_break"] = request.POST.get("break_id", "")
            context["warning_start"] = request.POST.get("start", "")
            return render(request, "schedules/week.html", context, status=409)
        except Invalid as error:
            messages.error(request, str(error))
        return redirect(f"{reverse('schedules:week')}?week={monday}")

    return view


@_week_action
def shift_add_page(request: HttpRequest, actor: User, monday: date) -> None:
    """Give an agent a weekly shift."""
    data = request.POST
    shift_pattern_add(
        actor=actor,
        agent=_agent(data.get("agent", "")),
        weekday=_whole(data.get("weekday", ""), missing=-1),
        start=_time(data.get("start", ""), _("Start")),
        end=_time(data.get("end", ""), _("End")),
        time_zone=data.get("time_zone", "").strip(),
    )
    messages.success(request, _("Weekly shift added."))


@_week_action
def shift_remove_page(request: HttpRequest, actor: User, monday: date) -> None:
    """Take a weekly shift off an agent's week."""
    pattern = ShiftPattern.objects.filter(pk=_whole(request.POST.get("pattern", ""))).first()
    if pattern is None:
        raise Invalid(_("That shift is gone already."))
    shift_pattern_remove(actor=actor, pattern=pattern)
    messages.success(request, _("Weekly shift removed."))


@_week_action
def day_change_page(request: HttpRequest, actor: User, monday: date) -> None:
    """Change one day of an agent's week: other hours, or a day off."""
    data = request.POST
    try:
        day = date.fromisoformat(data.get("day", ""))
    except ValueError as error:
        raise Invalid(_("Give the date of the change.")) from error
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Invalid(_("Give the date of the change."))
    off = data.get("off") == "1"
    shift_change_set(
        actor=actor,
        agent=_agent(data.get("agent", "")),
        day=day,
        off=off,
        start=None if off else _time(data.get("start", ""), _("Start")),
        end=None if off else _time(data.get("end", ""), _("End")),
        note=data.get("note", ""),
    )
    messages.success(request, _("The day is changed."))


@_week_action
def break_add_page(request: HttpRequest, actor: User, monday: date) -> None:
    """Put a break in an agent's day by hand."""
    data = request.POST
    break_add(
        actor=actor,
        agent=_agent(data.get("agent", "")),
        start=_moment(data.get("start", "")),
        minutes=_whole(data.get("minutes", "")),
    )
    messages.success(request, _("Break added."))


@_week_action
def break_move_page(request: HttpRequest, actor: User, monday: date) -> None:
    """Move a break; where that leaves the desk short, only once the lead confirms."""
    data = request.POST
    brk = Break.objects.filter(pk=_whole(data.get("break_id", ""))).first()
    if brk is None:
        raise Invalid(_("That break is gone already."))
    break_move(
        actor=actor, brk=brk, start=_moment(data.get("start", "")), confirm="confirm" in data
    )
    messages.success(request, _("Break moved."))


@_week_action
def breaks_plan_page(request: HttpRequest, actor: User, monday: date) -> None:
    """Place the week's breaks by the break rules."""
    result = breaks_plan(actor=actor, monday=monday)
    if result.shortfalls:
        messages.warning(
            request,
            _("%(count)d breaks placed; %(short)d quarter-hours stay below the need.")
            % {"count": result.placed, "short": len(result.shortfalls)},
        )
    else:
        messages.success(
            request,
            _("%(count)d breaks placed; coverage holds all week.") % {"count": result.placed},
        )


@login_required
def mine_page(request: HttpRequest) -> HttpResponse:
    """An agent's own week, and the address of their calendar feed."""
    agent = request_agent(request)
    monday = _monday(request)
    shifts, breaks = agent_week(agent=agent, day=monday)
    token = calendar_link_token(agent=agent)
    return render(
        request,
        "schedules/mine.html",
        {
            "monday": monday,
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "shifts": shifts,
            "breaks": breaks,
            "feed": request.build_absolute_uri(reverse("public:feed", args=[token])),
            "zone": str(desk_zone()),
        },
    )


def feed_page(request: HttpRequest, token: str) -> HttpResponse:
    """An agent's shifts and breaks as an iCalendar feed a calendar program subscribes to."""
    agent = calendar_link_agent(token=token)
    if agent is None:
        raise Http404("no such calendar")
    body = agent_calendar(agent=agent, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="frontdesk-shifts.ics"'
    return response


@login_required
@require_POST
def calendar_link_renew_page(request: HttpRequest) -> HttpResponse:
    """Make the agent a new calendar link; the old one stops working."""
    calendar_link_renew(agent=request_agent(request))
    messages.success(
        request,
        _(
            "Here is your new calendar address; the old one no longer works. Subscribe to the new "
            "one in your calendar program."
        ),
    )
    return redirect("schedules:mine")


@login_required
@require_POST
def calendar_link_revoke_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """End an agent's calendar link, as a lead; back to the agent's page."""
    agent = agent_list_all().filter(pk=agent_id).first()
    if agent is None:
        raise Http404("no such agent")
    calendar_link_revoke(actor=request_agent(request), agent=agent)
    messages.success(
        request,
        _("%(name)s's calendar link no longer works; they find a new one on their week's page.")
        % {"name": agent.display_name},
    )
    return redirect("people:agent", agent_id=agent.pk)


@login_required
@require_POST
def away_page(request: HttpRequest) -> HttpResponse:
    """Step away now, saying why and for how long."""
    agent = request_agent(request)
    try:
        minutes = _whole(request.POST.get("minutes", ""))
        break_step_away(agent=agent, reason=request.POST.get("reason", ""), minutes=minutes)
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are away; customers are told when you will be back."))
    return redirect(safe_next(request) or reverse("routing:queue"))


@login_required
@require_POST
def back_page(request: HttpRequest) -> HttpResponse:
    """Back from a break."""
    break_return(agent=request_agent(request))
    return redirect(safe_next(request) or reverse("routing:queue"))


@login_required
def playbook_page(request: HtmxHttpRequest, moment: str) -> HttpResponse:
    """A playbook in the agent's language (or another one asked for), followed one step or
    answer at a time (`at`: the nodes passed, from the start), its phrases filled with the
    agent's own break times; htmx swaps just the steps."""
    if moment not in PlaybookMoment.values:
        raise Http404("no such playbook")
    language = request.GET.get("language") or get_language() or "en"
    playbook = playbook_for(moment=moment, language=language)
    if playbook is None:
        raise Http404("no such playbook")
    trail = [node_id for node_id in request.GET.get("at", "").split(",") if node_id]
    upcoming = break_next_for(agent=request_agent(request), now=timezone.now())
    way = playbook_walk(playbook=playbook, upcoming=upcoming, trail=trail)
    ids = [passed.node.id for passed in way]
    # htmx swaps the steps alone; restoring history it asks for the whole page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "schedules/_playbook_walk.html" if partial else "schedules/playbook.html"
    return render(
        request,
        template,
        {
            "playbook": playbook,
            "passed": way[:-1],
            "here": way[-1] if way else None,
            "trail": ",".join(ids),
            "back": ",".join(ids[:-1]),
            "others": [p for p in playbooks_all().filter(moment=moment) if p.pk != playbook.pk],
            "moment": PlaybookMoment(moment),
        },
    )


@login_required
def playbooks_page(request: HttpRequest) -> HttpResponse:
    """Every playbook, in every language."""
    return render(request, "schedules/playbooks.html", {"playbooks": playbooks_all()})


def status_page(request: HttpRequest) -> HttpResponse:
    """The public status page: hours, breaks now and next, and the waits to expect."""
    return render(request, "schedules/status.html")
