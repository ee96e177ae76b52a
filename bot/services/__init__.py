"""The data services handlers and jobs call: groups, liaisons, reports, forms in progress,
the day's status, the scheduled-post record and the update inbox.

Each service reads and writes through the ORM and returns plain, frozen
records (``GroupSettings``, ``LiaisonRecord``, ``StoredReport``…), so callers
never hold a model row.

May import: ``bot.storage``, ``bot.domain``, and ``bot.texts`` only for the
plain records the renderers take.
"""
