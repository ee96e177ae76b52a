"""Posko Forkopimda: the coordination bot for Forkopimda election groups."""

import os

# Opt in to PTB's coming behaviour (durations such as RetryAfter.retry_after
# as timedelta) instead of a deprecation warning on every 429.
os.environ.setdefault("PTB_TIMEDELTA", "1")
