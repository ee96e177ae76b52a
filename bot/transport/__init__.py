"""Talking to Telegram: HTTP, pacing, update processing, and Telegram's conventions.

How requests are retried (``request``) and paced to Telegram's limits
(``limits``), how updates are processed in order per person
(``update_processor``), and the conventions every feature shares: what a
Telegram error means (``errors``), typed callback data (``callback_data``),
deep links (``deep_links``), the command menu (``commands``) and sending to a
chat that may have moved or gone (``delivery``).

May import: python-telegram-bot and httpx, ``bot.domain``, ``bot.texts``, and
``bot.services.groups`` (a chat that moved or left changes the stored group).
"""
