"""Developer tools run from the command line, never by the running bot.

``python -m bot catalogs`` (``catalogs``, with ``forms_extract`` reading the
forms' text) and ``python -m bot makemigrations NAME`` (``makemigrations``).

May import: anything in ``bot``.
"""
