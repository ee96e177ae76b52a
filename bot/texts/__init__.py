"""The texts the bot writes: catalogs, formatting, and every post and reply body.

``i18n`` holds the gettext catalogs and Babel's dates and numbers for a
group's locale, ``html`` escapes user text on its way out (the one place for
it), ``splitting`` cuts long HTML at line boundaries, and the renderers
(``summary``, ``posts``, ``group_view``, ``form_texts``) turn plain records
into Telegram HTML. Renderers are pure: they take a translator and data.

May import: ``bot.domain`` and other ``bot.texts`` modules. Not storage,
services or Telegram.
"""
