"""The pure domain: what the forum's words mean, with no clock, no I/O and no Telegram.

The agencies, the report forms (their questions, what each answer means and
how answers combine), the situation an agency reports, dates as people type
them, the H-N countdown, Indonesia's time zones, the days the forum does not
work (a pause, national holidays) and which day a report may be for. Functions here take
``now``, a zone or a date as arguments; most unit tests live against them.

May import: the standard library, Babel (month names, zone names), holidays
(Indonesia's national holiday calendar) and other ``bot.domain`` modules. Nothing else of the bot.
"""
