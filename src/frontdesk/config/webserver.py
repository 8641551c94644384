"""The web server of `frontdesk serve`: gunicorn, threaded workers forked from one warmed master.

The master loads Django, every view and template and triage's language models once, closes its
database connections and only then forks the workers: they share those pages copy-on-write, so a
worker costs little more memory than its own requests, and no request pays for a lazy load. Each
worker answers with several threads (gthread); the workers are separate processes, so Python
work in one never waits for another's lock (the GIL).
"""

from __future__ import annotations

import gc
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from gunicorn.app.base import BaseApplication

# Seconds a stopping worker has to finish the requests it holds (TERM); the rest are cut.
GRACEFUL_SECONDS = 20
# Connections waiting for a worker, beyond those being answered.
BACKLOG = 2048


def web_warm_up() -> None:
    """Load what answering needs before the first request: every URL and so every view, the
    desk's templates compiled, each language's translations, and all that triage and the tone
    check read (triage.runtime.warm_up)."""
    from django.template import engines
    from django.urls import get_resolver
    from django.utils import translation

    from frontdesk.triage import runtime

    get_resolver().url_patterns  # noqa: B018 - imports the URLconf, and with it every view
    for engine in engines.all():
        for folder in map(Path, engine.template_dirs):
            if not folder.is_relative_to(settings.PACKAGE_DIR):
                continue  # Django's admin and friends: seldom asked, left to their first use
            for template in sorted(folder.rglob("*.*")):
                engine.get_template(template.relative_to(folder).as_posix())
    for code, _name in settings.LANGUAGES:
        translation.activate(code)
    translation.deactivate()
    runtime.warm_up(freeze=False)  # before_fork freezes, once everything is loaded


def before_fork() -> None:
    """Leave nothing a forked worker must not share: database and cache connections closed,
    and the loaded objects kept out of the collector's sight."""
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    for cache in caches.all(initialized_only=True):
        cache.close()
    # The collector writes into every object it visits, which would copy each shared page into
    # every worker; what the master loaded lives as long as the process anyway.
    gc.collect()
    gc.freeze()


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host and port and listening (OSError when it cannot be)."""
    family, kind, protocol, _name, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    listening = socket.socket(family, kind, protocol)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(BACKLOG)
    except OSError:
        listening.close()
        raise
    return listening


class DeskServer(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn run from Python: the already loaded application, on an already bound socket."""

    def __init__(
        self,
        application: Callable[..., Any],
        *,
        listening: socket.socket,
        workers: int,
        threads: int,
        ready: Callable[[int], None],
    ) -> None:
        self.application = application
        self.ready = ready
        self.options: dict[str, Any] = {
            # gunicorn takes the socket over (and closes our descriptor of it).
            "bind": [f"fd://{listening.detach()}"],
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "preload_app": True,
            "graceful_timeout": GRACEFUL_SECONDS,
            "proc_name": "frontdesk",
            # Requests are timed by the desk's own metrics; errors go where the desk logs.
            "accesslog": None,
            "errorlog": "-",
            "loglevel": settings.LOG_LEVEL.lower(),
            # The proxy's headers are judged by TrustedProxyMiddleware alone; gunicorn's own
            # trust (127.0.0.1 by default) would let a local client claim https.
            "forwarded_allow_ips": "",
            "forwarder_headers": "",
            # No control socket in the home folder: two desks on one machine would share it.
            "control_socket_disable": True,
            "when_ready": self._when_ready,
        }
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Callable[..., Any]:
        return self.application

    def _when_ready(self, server: Any) -> None:
        self.ready(int(server.LISTENERS[0].getsockname()[1]))


def web_serve(
    *, host: str, port: int, workers: int, threads: int, said: Callable[[int], None]
) -> int:
    """Warm up, bind, fork `workers` processes of `threads` threads and serve until TERM; 2 when
    the port cannot be had. `said` is told the port once the server is ready."""
    from frontdesk.config.wsgi import application

    web_warm_up()
    before_fork()
    try:
        listening = listening_socket(host, port)
    except OSError as error:
        print(
            f"frontdesk serve: cannot listen on {host}:{port}: {error.strerror}",
            file=sys.stderr,
        )
        return 2
    server = DeskServer(
        application, listening=listening, workers=workers, threads=threads, ready=said
    )
    server.run()
    return 0
