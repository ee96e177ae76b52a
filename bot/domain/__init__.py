"""The pure domain: what the forum's words mean, with no clock, no I/O and no Telegram.

The agencies, the report forms (their questions, what each answer means and
how answers combine), the situation an agency reports, dates as people type
them, the H-N countdown and Indonesia's time zones. Functions here take
``now``, a zone or a date as arguments; most unit tests live against them.

May import: the standard library, Babel (month names, zone names) and other
``bot.domain`` modules. Nothing else of the bot.
"""
