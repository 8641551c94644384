"""What /metrics shows, in Prometheus's text format: collectors that read the database, which
apps above core register from their ready() (so every web process answers alike), and this
process's request latency, measured by a middleware.

The database's part is cached for a scrape interval in the shared cache: several Prometheus
servers, or a scrape through a load balancer to any web process, cost one set of queries.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import Metric
from prometheus_client.registry import Collector

CACHE_KEY = "frontdesk:metrics"
CACHE_SECONDS = 15  # about one scrape interval
# Request latency of this process: its seconds, by the view that answered and the status' class.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class _Collected(Collector):
    """A registered function's metric families, as prometheus-client asks a collector for them."""

    def __init__(self, collect: Callable[[], Iterable[Metric]]) -> None:
        self._collect = collect

    def collect(self) -> Iterable[Metric]:
        return self._collect()


_database = CollectorRegistry(auto_describe=False)
_process = CollectorRegistry(auto_describe=False)
request_seconds = Histogram(
    "frontdesk_http_request_duration_seconds",
    "Seconds this web process took to answer, by view and status class.",
    ["process", "view", "status"],
    buckets=LATENCY_BUCKETS,
    registry=_process,
)


def process_label() -> str:
    """This process as the latency metric names it: machine and process id. Asked at each
    request, as web workers are forked from a master that imported this module."""
    return f"{socket.gethostname()}-{os.getpid()}"


def metrics_collector_register(collect: Callable[[], Iterable[Metric]]) -> None:
    """Add a function yielding metric families read from the database (from an app's ready())."""
    _database.register(_Collected(collect))


def metrics_text() -> bytes:
    """The whole scrape: the database's metrics (cached CACHE_SECONDS) and this process's."""
    shared = cache.get(CACHE_KEY)
    if shared is None:
        shared = generate_latest(_database)
        cache.set(CACHE_KEY, shared, timeout=CACHE_SECONDS)
    return bytes(shared) + generate_latest(_process)


def metrics_forget() -> None:
    """Drop the cached scrape (tests, and whoever needs the next one fresh)."""
    cache.delete(CACHE_KEY)


class RequestLatencyMiddleware:
    """Times each request into `frontdesk_http_request_duration_seconds`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = request.resolver_match
        # The view's name, not the path: ids in paths would make a series per ticket.
        view = (match.view_name or match._func_path) if match else "unmatched"
        request_seconds.labels(
            process=process_label(), view=view, status=f"{response.status_code // 100}xx"
        ).observe(time.perf_counter() - started)
        return response
