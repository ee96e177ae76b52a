"""Benchmarks: the real bot process, driven over HTTP, against Telegram's limits.

``python -m tests.bench [--quick] [--db sqlite|postgres|both] [--json PATH]``
seeds a national-scale database, starts the bot as a subprocess against the
loopback Bot API of ``tests.bench.limits`` and measures, per database:

- form throughput (``throughput``, ``moderate``, ``saturation``, ``telegram_rate``): liaisons
  filling in report forms at once, Telegram's limits off, on the bot without
  its own pacing (``tests.bench.unpaced``); and through that pacing
  (``paced_by_bot``): updates answered per second and reply latency;
- ``broadcast``: summaries of thousands of groups due the same minute, on
  ``python -m bot`` with Telegram's limits on: time to the last delivery
  against the ideal, 429s, and reply latency of liaisons reporting meanwhile;
- ``summary``: /ringkasan latency in a group holding a year of reports;
- ``memory``: the bot's peak RSS with every group and liaison registered.

``suite`` lays the runs out in time, ``scales`` sizes them, ``report`` prints
the table. Benchmarks report; they never fail for being slow.
``tests/test_benchmarks_smoke.py`` runs them at a tiny scale and checks only
that the figures are whole and nothing was lost.
"""
