"""Posts that go to a group the moment people act, exactly once: incidents and their follow-ups.

Unlike ``bot.scheduling`` (posts due at a time), these are sent in answer to
a person (Kirim on an incident, a follow-up note), on the interactive lane
of ``bot.transport.limits``, so they overtake any waiting broadcast. Each
part of a post is claimed in the database before it is handed to Telegram,
so crashes, retries and a redelivered tap never post it twice.

May import: ``bot.domain``, ``bot.texts``, ``bot.services``, ``bot.transport``, ``bot.clock``.
"""
