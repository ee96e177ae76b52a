"""Scheduled posts: the kinds the bot posts by itself, when each is due, and the job sending them.

``post_kinds`` is the registry (one entry per kind: its ``/jadwal`` name and
description, its default time, the days it runs and what composes it),
``slots`` the pure maths of what is due at an instant, ``composers`` the
texts each kind posts, ``ticks`` the job that claims and sends them once.

May import: ``bot.domain``, ``bot.texts``, ``bot.services`` and ``bot.transport``.
"""
