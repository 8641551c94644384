"""Project-level endpoints that belong to no domain."""

from django.http import HttpRequest, JsonResponse

from frontdesk.core.health import MIGRATE_COMMAND, cache_answers, database_state


def healthz(request: HttpRequest) -> JsonResponse:
    """200 only when the desk can serve: the database answers with every migration applied and
    the cache answers; otherwise 503 saying what is wrong (for load balancers and monitors)."""
    state = database_state()
    if not state.reachable:
        database = "unreachable"
    elif state.pending:
        database = "unmigrated"
    else:
        database = "ok"
    cache = "ok" if cache_answers() else "unreachable"
    if database == "ok" and cache == "ok":
        return JsonResponse({"status": "ok", "database": "ok", "cache": "ok"})
    problems = []
    if database == "unreachable":
        problems.append("The database does not answer.")
    if database == "unmigrated":
        problems.append(
            f"{len(state.pending)} database migration(s) not applied: run `{MIGRATE_COMMAND}`."
        )
    if cache == "unreachable":
        problems.append("The cache does not answer.")
    return JsonResponse(
        {
            "status": "unavailable",
            "database": database,
            "cache": cache,
            "detail": " ".join(problems),
        },
        status=503,
    )
