"""How workers show they live, and when their tasks count as lost."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

# A worker beats on every tick of its clock (FRONTDESK_WORKER_BEAT_SECONDS, 15 by default).
BEAT_SECONDS: int = settings.WORKER_BEAT_SECONDS
# Silent for six beats (90 s by default): the worker is gone, or so stuck that its tasks are
# better run by another. Six, so a database hiccup of a few beats does not rerun live work.
STALE_AFTER = timedelta(seconds=6 * BEAT_SECONDS)
# How often the workers look for lost tasks: every minute, sooner when beats are quicker.
RECOVER_EVERY = timedelta(seconds=min(60, 4 * BEAT_SECONDS))
# A task whose worker died under it this many times is failed rather than handed out again:
# it may be what kills them (memory, a crash in a library).
CLAIMS_MOST = 3
# Beats of workers stopped long ago are forgotten; /healthz then says "none" for them.
BEATS_KEPT = timedelta(days=1)
WORKER_LOST = "frontdesk.periodic.WorkerLost"
# SQLite's planner statistics are taken again for a table once its row count has grown (or
# shrunk) by this factor since the last analysis: a desk growing from 1,000 to 100,000 tickets
# is analysed about seven times in all. Tables smaller than this many rows are left alone.
STATISTICS_FACTOR = 2
STATISTICS_MIN_ROWS = 500
