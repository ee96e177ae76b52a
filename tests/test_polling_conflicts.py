"""When a process refused by Telegram (409 on getUpdates) stops fighting and gives way."""

from __future__ import annotations

import pytest

from bot.transport.polling_conflicts import PollingConflicts

OTHER_POLLER = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
WEBHOOK_SET = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
    "delete the webhook first"
)


@pytest.mark.parametrize(
    ("refused_at", "gives_way_at"),
    [
        ([0.0], None),  # one 409: another process's last getUpdates as it stopped
        ([0.0, 1.0], None),
        ([0.0, 1.0, 2.5], 2.5),  # a fight: PTB polls again after 1 s, 1.5 s, …
        ([0.0, 1.0, 2.5, 4.75], 2.5),  # said once
        ([0.0, 30.0, 60.0], None),  # three, but never three within a minute
        ([0.0, 30.0, 60.0, 61.0], 61.0),
    ],
)
def test_gives_way_at_the_third_conflict_within_a_minute(refused_at, gives_way_at):
    now = [0.0]
    conflicts = PollingConflicts(monotonic=lambda: now[0])
    gave_way_at = []
    for at in refused_at:
        now[0] = at
        if conflicts.refused(OTHER_POLLER):
            gave_way_at.append(at)
    assert gave_way_at == ([] if gives_way_at is None else [gives_way_at])
    assert conflicts.gave_way == (gives_way_at is not None)


@pytest.mark.parametrize(
    ("description", "named"),
    [(OTHER_POLLER, "another process is polling with this BOT_TOKEN"), (WEBHOOK_SET, "webhook")],
)
def test_the_cause_is_named_for_the_operator(description, named):
    now = [0.0]
    conflicts = PollingConflicts(monotonic=lambda: now[0])
    for at in (0.0, 1.0, 2.0):
        now[0] = at
        conflicts.refused(description)
    assert named in conflicts.gave_way_because
