"""Run several processes as one: when one ends or we are stopped, stop them all."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence


def supervise(
    commands: Mapping[str, Sequence[str]],
    *,
    optional: set[str] | None = None,
    ready: Callable[[set[str]], bool] | None = None,
) -> int:
    """Start every command; when one ends or we are stopped, stop them all.

    An optional command may end alone (said on standard error). `ready` is asked every half
    second, with the names still running, until it answers True: it announces them once up.
    """
    processes = {
        name: subprocess.Popen(command)  # noqa: S603
        for name, command in commands.items()
    }
    optional = optional or set()
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    running = dict(processes)
    try:
        while not stopping:
            ended = [name for name, process in running.items() if process.poll() is not None]
            if any(name not in optional for name in ended):
                break
            for name in ended:
                print(
                    f"frontdesk: {name} stopped (exit {running.pop(name).returncode}); "
                    "carrying on without it.",
                    file=sys.stderr,
                    flush=True,
                )
            if ready is not None and ready(set(running)):
                ready = None
            time.sleep(0.5)
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for number, handler in previous.items():
            signal.signal(number, handler)
    failed = [
        name
        for name, process in running.items()
        if process.returncode not in (0, -signal.SIGTERM, None)
    ]
    return 0 if stopping or not failed else 1
