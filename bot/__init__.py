"""Posko Forkopimda: the coordination bot for Forkopimda election groups.

The folders are the architecture (see ``docs/architecture.md``):

- ``domain``: the forum's words as pure code (agencies, forms, situation, dates, zones);
- ``texts``: catalogs, formatting and every text the bot writes;
- ``storage``: the database, its models and migrations;
- ``services``: the data operations handlers and jobs call, returning plain records;
- ``scheduling``: the scheduled post kinds, when they are due and the job that sends them;
- ``transport``: HTTP to Telegram, pacing, and Telegram's conventions;
- ``devtools``: catalogs and migrations, for developers.

Beside them, the wiring: ``settings``, ``clock``, ``context`` (the typed
callback context), ``app`` (the application factory), ``runner`` (polling or
webhook) and ``logging_setup``.
"""

import os

# Opt in to PTB's coming behaviour (durations such as RetryAfter.retry_after
# as timedelta) instead of a deprecation warning on every 429.
os.environ.setdefault("PTB_TIMEDELTA", "1")
